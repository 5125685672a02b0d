"""How sheet names, table names, headers and policy keys are recognised.

The contract: case-insensitive, ignoring spaces, ``_``, ``-`` and ``.``; Arabic names are
aliases. We also fold Arabic spelling variants people type interchangeably (أ/إ/آ -> ا,
ة -> ه, ى -> ي, tatweel, diacritics) so "الفاتوره" finds "الفاتورة".
"""

from __future__ import annotations

import re
import unicodedata

_SEPARATORS = re.compile(r"[\s_\-.:/\\()\[\]#'\"]+")
_ARABIC_LETTERS = str.maketrans({
    "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ة": "ه", "ى": "ي", "ؤ": "و", "ئ": "ي",
    "ـ": None,  # tatweel
    **{chr(0x0660 + i): str(i) for i in range(10)},  # Arabic-Indic digits
    **{chr(0x06F0 + i): str(i) for i in range(10)},  # Persian digits
    "،": ",", "٫": ".", "٬": ",",
})
_INVISIBLE = re.compile("[\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff\u00ad]")
ARABIC_CHAR = re.compile("[\u0600-\u06ff]")
_LATIN_ACCENTED = re.compile("[\u00c0-\u024f\u1e00-\u1eff]")
_DIACRITICS = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed]")


def fold_text(text: str) -> str:
    """Unify Arabic letter variants and digits, drop diacritics/tatweel and Latin accents."""
    if text.isascii():  # most names and every plain email or phone: nothing to unify
        return text.lower()
    text = unicodedata.normalize("NFKC", str(text)).translate(_ARABIC_LETTERS)
    # Invisible marks pasted with Arabic text (RLM/LRM, zero-width joiners, BOM) are no data.
    text = _INVISIBLE.sub("", text)
    text = _DIACRITICS.sub("", text)
    if _LATIN_ACCENTED.search(text):  # "Société" = "Societe": drop the combining marks
        decomposed = unicodedata.normalize("NFKD", text)
        text = "".join(c for c in decomposed if not unicodedata.combining(c))
    return text.lower()


def match_key(text: object) -> str:
    """The form two names are compared in: ``"Customer_ID "`` -> ``"customerid"``."""
    if text is None:
        return ""
    s = fold_text(str(text)).replace("%", "pct")
    return _SEPARATORS.sub("", s)


def table_key(name: str) -> str:
    """Excel table names: ``tblInvoices`` / ``tbl_Invoices`` / ``Invoices_tbl`` /
    ``جدول_الفواتير`` -> ``invoices`` / ``الفواتير``."""
    k = match_key(name)
    for affix in ("tbl", "table", "جدول"):  # Arabic Excel names its tables جدول1, جدول_...
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
    return sum(1 for c in letters if ARABIC_CHAR.match(c)) * 2 > len(letters)
