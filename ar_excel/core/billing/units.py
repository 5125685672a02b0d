"""Units of measure as people type them, reduced to one spelling so they can be compared.

``PCS``, ``pc``, ``Piece`` and ``قطعة`` are the same unit; ``Kg``, ``kgs`` and ``كجم`` too;
Arabic spellings are folded first (``كرتونة`` / ``كرتونه``, ``أكياس`` / ``اكياس``).
Anything not in the short synonym list is compared case- and space-insensitively, with a
plural ``s`` dropped. A blank unit stays blank (it means: the item's usual unit).
"""

from __future__ import annotations

import re

import pandas as pd

from ar_excel.names import fold_text

_SYNONYMS: dict[str, tuple[str, ...]] = {
    "PC": ("PC", "PCS", "PIECE", "PIECES", "EA", "EACH", "UNIT", "UNITS", "NOS", "NO", "NR",
           "قطعة", "قطع", "حبة", "حبات", "عدد", "وحدة"),
    "KG": ("KG", "KGS", "KILO", "KILOS", "KILOGRAM", "KILOGRAMS", "KILOGRAMME", "كجم", "كغ",
           "كج", "كيلو", "كيلوجرام", "كيلوغرام", "كيلو جرام"),
    "G": ("G", "GR", "GRAM", "GRAMS", "جم", "جرام", "غرام"),
    "T": ("T", "TON", "TONS", "TONNE", "TONNES", "MT", "طن", "أطنان", "طن متري"),
    "L": ("L", "LT", "LTR", "LITRE", "LITRES", "LITER", "LITERS", "لتر"),
    "M": ("M", "MTR", "METER", "METERS", "METRE", "METRES", "متر"),
    "M2": ("M2", "SQM", "SQ M", "م2", "متر مربع"),
    "BOX": ("BOX", "BOXES", "BX", "علبة", "علب", "صندوق", "صناديق"),
    "CTN": ("CTN", "CARTON", "CARTONS", "CTNS", "كرتون", "كرتونة", "كراتين", "كرتونات"),
    "BAG": ("BAG", "BAGS", "SACK", "SACKS", "كيس", "أكياس", "شكارة", "شيكارة", "شكاير"),
    "BOTTLE": ("BOTTLE", "BOTTLES", "BTL", "زجاجة", "زجاجات"),
    "ROLL": ("ROLL", "ROLLS", "رول", "لفة"),
    "PACK": ("PACK", "PACKS", "PK", "PKT", "PACKET", "عبوة", "عبوات", "باكيت", "باكو"),
    "HR": ("HR", "HRS", "HOUR", "HOURS", "H", "ساعة", "ساعات"),
    "DAY": ("DAY", "DAYS", "يوم"),
    "MONTH": ("MONTH", "MONTHS", "MON", "شهر"),
    "SET": ("SET", "SETS", "طقم"),
    "DOZEN": ("DOZEN", "DZ", "DOZ", "دستة", "درزن"),
    "PALLET": ("PALLET", "PALLETS", "PLT", "طبلية", "باليت"),
}


def _folded(text: str) -> str:
    # Arabic spellings fold together (ة/ه, أ/ا, ى/ي): كرتونة and كرتونه are one unit
    return re.sub(r"[\s.]+", "", fold_text(text)).upper()


_CANONICAL = {_folded(alias): canon for canon, aliases in _SYNONYMS.items() for alias in aliases}


def _one(unit: object) -> str:
    if unit is None or (not isinstance(unit, str) and pd.isna(unit)):
        return ""
    key = _folded(str(unit))
    if key in _CANONICAL:
        return _CANONICAL[key]
    if len(key) > 2 and key.endswith("S") and key[:-1] in _CANONICAL:
        return _CANONICAL[key[:-1]]
    return key


def normalize_units(units: pd.Series) -> pd.Series:
    """One spelling per unit ("" for blank), computed once per distinct value."""
    from ar_excel.core.billing.context import per_distinct

    return per_distinct(units, _one).fillna("").astype("object")
