"""Wording rules, the one mechanism of the Arabic wording modules: a pattern matched against
the whole of an English text, with its Arabic as a template filled with the pattern's groups
(``{0}``) or as a function of the match. The first rule that matches words the text; a text
no rule matches is left to the caller (kept in English, so nothing is lost)."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from ar_excel.core.arabic_counts import agree_days
from ar_excel.io.cells_named import arabic_more

Rule = tuple[re.Pattern[str], str | Callable[[re.Match[str]], str]]


def rules(*pairs: tuple[str, object]) -> list[Rule]:
    """Rules from (pattern, Arabic) pairs, each pattern matching a whole text."""
    return [(re.compile(p + r"\Z"), t) for p, t in pairs]  # type: ignore[misc]


def apply_rules(table: Sequence[Rule], text: str) -> str | None:
    """The Arabic of ``text`` by the first rule of ``table`` matching it, else None."""
    for pattern, arabic in table:
        m = pattern.match(text)
        if m:
            # '9 أيام', '137 يوماً': each count of days in its own form (core.arabic_counts);
            # a list of cells named with how many more, in Arabic too (io.cells_named)
            return arabic_more(agree_days(arabic(m) if callable(arabic) else
                                          arabic.format(*m.groups())))
    return None


def arabic_commas(text: str) -> str:
    """A list inside an Arabic sentence parted by the Arabic comma: '7، 30، 60', 'AED
    1,250.00، EGP 3,000.00', 'بنود الفواتير، قائمة الأسعار' (an amount's own thousands
    commas, without a space after them, stay)."""
    return text.replace(", ", "، ")
