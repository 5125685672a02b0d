"""Which way a text reads: the direction of its first letter with one (Latin, Greek, Cyrillic
left to right; Hebrew, Arabic right to left), as the Unicode bidi algorithm and Excel's
'context' reading order decide a paragraph's. An Arabic tab's own texts are told to read so
(a cell's ``readingOrder``, a page header's leading right-to-left mark): LibreOffice lays
cells and page headers out left to right unless told, and an Arabic sentence holding an
invoice number, a date or an amount then reads in the wrong order."""

from __future__ import annotations

import re

_FIRST_STRONG = re.compile("[A-Za-z\u00C0-\u024F\u0370-\u03FF\u0400-\u04FF"
                           "\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFC]")
RLM = "\u200f"  # RIGHT-TO-LEFT MARK: invisible, sets the direction of what follows


def reads_right_to_left(text: str) -> bool:
    """Whether ``text``'s first letter is of a right-to-left script."""
    m = _FIRST_STRONG.search(text)
    return m is not None and m.group() >= "\u0590"
