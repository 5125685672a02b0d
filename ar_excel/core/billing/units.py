"""Units of measure as people type them, reduced to one spelling so they can be compared.

``PCS``, ``pc``, ``Piece`` and ``قطعة`` are the same unit; ``Kg``, ``kgs`` and ``كجم`` too.
Anything not in the short synonym list is compared case- and space-insensitively, with a
plural ``s`` dropped. A blank unit stays blank (it means: the item's usual unit).
"""

from __future__ import annotations

import re

import pandas as pd

_SYNONYMS: dict[str, tuple[str, ...]] = {
    "PC": ("PC", "PCS", "PIECE", "PIECES", "EA", "EACH", "UNIT", "UNITS", "NOS", "NO", "NR",
           "قطعة", "قطعه", "حبة", "حبه", "عدد", "وحدة"),
    "KG": ("KG", "KGS", "KILO", "KILOS", "KILOGRAM", "KILOGRAMS", "KILOGRAMME", "كجم", "كغ",
           "كيلو", "كيلوجرام", "كيلوغرام"),
    "G": ("G", "GR", "GRAM", "GRAMS", "جم", "جرام", "غرام"),
    "T": ("T", "TON", "TONS", "TONNE", "TONNES", "MT", "طن"),
    "L": ("L", "LT", "LTR", "LITRE", "LITRES", "LITER", "LITERS", "لتر"),
    "M": ("M", "MTR", "METER", "METERS", "METRE", "METRES", "متر"),
    "M2": ("M2", "SQM", "SQ M", "م2", "متر مربع"),
    "BOX": ("BOX", "BOXES", "BX", "علبة", "صندوق"),
    "CTN": ("CTN", "CARTON", "CARTONS", "CTNS", "كرتون", "كرتونة"),
    "PACK": ("PACK", "PACKS", "PK", "PKT", "PACKET", "عبوة", "باكيت"),
    "HR": ("HR", "HRS", "HOUR", "HOURS", "H", "ساعة", "ساعه"),
    "DAY": ("DAY", "DAYS", "يوم"),
    "MONTH": ("MONTH", "MONTHS", "MON", "شهر"),
    "SET": ("SET", "SETS", "طقم"),
    "DOZEN": ("DOZEN", "DZ", "DOZ", "دستة", "درزن"),
    "PALLET": ("PALLET", "PALLETS", "PLT", "طبلية", "باليت"),
}
_CANONICAL = {re.sub(r"\s+", "", alias): canon
              for canon, aliases in _SYNONYMS.items() for alias in aliases}


def _one(unit: object) -> str:
    if unit is None or (not isinstance(unit, str) and pd.isna(unit)):
        return ""
    key = re.sub(r"[\s.]+", "", str(unit)).upper()
    if key in _CANONICAL:
        return _CANONICAL[key]
    if len(key) > 2 and key.endswith("S") and key[:-1] in _CANONICAL:
        return _CANONICAL[key[:-1]]
    return key


def normalize_units(units: pd.Series) -> pd.Series:
    """One spelling per unit ("" for blank), computed once per distinct value."""
    from ar_excel.core.billing.context import per_distinct

    return per_distinct(units, _one).fillna("").astype("object")
