"""Which way a text reads: the direction of its first letter with one (Latin, Greek, Cyrillic
left to right; Hebrew, Arabic right to left), as the Unicode bidi algorithm and Excel's
'context' reading order decide a paragraph's, or of most of its letters where it begins
with a Latin code (an Arabic sentence opening on an invoice number). An Arabic tab's own
texts are told to read so (a cell's ``readingOrder``, a page header's leading right-to-left
mark): LibreOffice lays cells and page headers out left to right unless told, and an Arabic
sentence holding an invoice number, a date or an amount then reads in the wrong order."""

from __future__ import annotations

import re

_LEFT_TO_RIGHT = "A-Za-z\u00C0-\u024F\u0370-\u03FF\u0400-\u04FF"  # Latin, Greek, Cyrillic
_RIGHT_TO_LEFT = "\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFC"  # Hebrew, Arabic and their forms
RIGHT_TO_LEFT_LETTER = re.compile(f"[{_RIGHT_TO_LEFT}]")
_LEFT_TO_RIGHT_LETTER = re.compile(f"[{_LEFT_TO_RIGHT}]")
_FIRST_STRONG = re.compile(f"[{_LEFT_TO_RIGHT}{_RIGHT_TO_LEFT}]")
RLM = "\u200f"  # RIGHT-TO-LEFT MARK: invisible, sets the direction of what follows


def reads_right_to_left(text: str) -> bool:
    """Whether ``text`` reads right to left: its first letter is of a right-to-left script,
    or, begun with a Latin invoice number or code, most of its letters are ("'F-99' غير
    موجود في قائمة الفواتير": an Arabic sentence, though a context reading order would lay it
    out left to right)."""
    m = _FIRST_STRONG.search(text)
    if m is None:
        return False
    if m.group() >= "\u0590":  # every right-to-left letter sorts after every left-to-right one
        return True
    rtl = len(RIGHT_TO_LEFT_LETTER.findall(text))
    return rtl > 0 and rtl > len(_LEFT_TO_RIGHT_LETTER.findall(text))
