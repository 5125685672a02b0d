"""How sheet names, table names, headers and policy keys are recognised.

The contract: case-insensitive, ignoring spaces, ``_``, ``-`` and ``.``; Arabic names are
aliases. We also fold Arabic spelling variants people type interchangeably (أ/إ/آ -> ا,
ة -> ه, ى -> ي, tatweel, diacritics) so "الفاتوره" finds "الفاتورة".
"""

from __future__ import annotations

import re
import unicodedata

_SEPARATORS = re.compile(r"[\s_\-.:/\\()\[\]#'\"]+")
_DIACRITICS = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]")  # incl. tatweel
_ARABIC_FOLD = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ة": "ه", "ى": "ي",
                              "ؤ": "و", "ئ": "ي"})
_ARABIC_LETTER = re.compile("[\u0600-\u06ff]")


def match_key(text: object) -> str:
    """The form two names are compared in: ``"Customer_ID "`` -> ``"customerid"``."""
    if text is None:
        return ""
    s = unicodedata.normalize("NFKC", str(text)).lower()
    s = _DIACRITICS.sub("", s).translate(_ARABIC_FOLD)
    s = s.replace("%", "pct")
    return _SEPARATORS.sub("", s)


def table_key(name: str) -> str:
    """Excel table names: ``tblInvoices`` / ``tbl_Invoices`` / ``Invoices_tbl`` -> ``invoices``."""
    k = match_key(name)
    for affix in ("tbl", "table"):
        if k.startswith(affix) and len(k) > len(affix):
            k = k[len(affix):]
        elif k.endswith(affix) and len(k) > len(affix):
            k = k[: -len(affix)]
    return k


def is_arabic(text: object) -> bool:
    """True when the text is mostly Arabic letters."""
    if not isinstance(text, str) or not text.strip():
        return False
    letters = [c for c in text if c.isalpha()]
    if not letters:
        return False
    return sum(1 for c in letters if _ARABIC_LETTER.match(c)) * 2 > len(letters)
