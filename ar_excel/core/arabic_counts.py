"""Days counted in Arabic: the noun after a number agrees with it.

The Arabic sentences (messages, reasons, letters) are written with 'N يوماً', the form after
11 to 99. After other numbers Arabic uses another: يوم واحد (1), يومين (2), 3 to 10 أيام
('9 أيام', never '9 يوماً'), and after a round hundred or thousand, or one or two past it,
the singular يوم ('100 يوم', '102 يوم'); 103 to 110 أيام again, 111 to 199 يوماً. A
written sentence is put right after it is filled (``agree_days``), so its template keeps one
readable form and every count comes out in the form an Arabic reader expects.
"""

from __future__ import annotations

import re

# a whole number (not the end of a decimal, a negative or a list of codes) before يوماً
_DAYS = re.compile(r"(?<![\d.,٫\-])(\d+) يوماً")


def days_word(n: int) -> str:
    """``n`` days in Arabic: 'يوم واحد', 'يومين', '9 أيام', '137 يوماً', '200 يوم'."""
    if n == 1:
        return "يوم واحد"
    if n == 2:
        return "يومين"
    tail = n % 100
    if 3 <= tail <= 10:
        return f"{n} أيام"
    if tail >= 11:
        return f"{n} يوماً"
    return f"{n} يوم"  # 0, and a round hundred or thousand or one or two past it


def agree_days(text: str) -> str:
    """``text`` with each 'N يوماً' in the form its number takes (``days_word``)."""
    if "يوماً" not in text:
        return text
    return _DAYS.sub(lambda m: days_word(int(m[1])), text)
