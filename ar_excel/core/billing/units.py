"""Units of measure as people type them, reduced to one spelling so they can be compared.

``PCS``, ``pc``, ``Piece`` and ``قطعة`` are the same unit; ``Kg``, ``kgs`` and ``كجم`` too;
Arabic spellings are folded first (``كرتونة`` / ``كرتونه``, ``أكياس`` / ``اكياس``).
Anything not in the short synonym list is compared case- and space-insensitively, with a
plural ``s`` dropped. A blank unit stays blank (it means: the item's usual unit).

A container written with what it holds (``Box of 12``, ``CTN x 24``, ``كرتونة 12 قطعة``,
``شيكارة 50 كجم``) is a unit of its own, ``BOX×12`` / ``BAG×50KG``: ``pack_size`` gives what
one holds (12 pieces, 50 kg), so it is priced from the list's piece or kilo, or its box,
without a Unit Conversions row.
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


def _known(key: str) -> str | None:
    if key in _CANONICAL:
        return _CANONICAL[key]
    if len(key) > 2 and key.endswith("S") and key[:-1] in _CANONICAL:
        return _CANONICAL[key[:-1]]
    return None


# what a container holds is written after it: "Box of 12", "BOX (12)", "Box/12", "CTN x 24",
# "كرتونة 12 قطعة", "شيكارة 50 كجم", "Pack of 6 bottles"
_CONTAINERS = frozenset({"BOX", "CTN", "BAG", "PACK", "PALLET", "ROLL", "SET", "BOTTLE"})
_PACK = re.compile(r"^(?P<unit>[^\d()]+?)\s*(?:\bof\b|\bx\b|×|\*|/|-|\(|\bبه\b|\bفيها\b)?"
                   r"\s*(?P<n>\d+(?:\.\d+)?)\s*(?P<base>[^\d()]*?)\s*\)?\s*$", re.IGNORECASE)
_PACKED = re.compile(r"^(?P<unit>[A-Z]+)×(?P<n>\d+(?:\.\d+)?)(?P<base>[A-Z0-9]*)$")


def _pack(text: str) -> str | None:
    """``BOX×12`` for ``Box of 12`` (pieces unless another unit is named), else None."""
    m = _PACK.match(text.strip())
    if m is None:
        return None
    container = _known(_folded(m["unit"]))
    base = _known(_folded(m["base"])) if m["base"].strip() else "PC"
    size = float(m["n"])
    if container not in _CONTAINERS or base is None or base == container or size <= 0:
        return None
    return f"{container}×{size:g}{'' if base == 'PC' else base}"


def pack_size(unit: str) -> tuple[str, float, str] | None:
    """``(container, how many, of what unit)`` of a packed unit (``BOX×12`` -> BOX, 12,
    PC); None for any other unit."""
    m = _PACKED.match(unit)
    if m is None:
        return None
    return m["unit"], float(m["n"]), m["base"] or "PC"


_COUNTED = re.compile(r"^\s*(?P<n>[\d\u0660-\u0669\u06f0-\u06f9][\d\u0660-\u0669\u06f0-\u06f9.,٫٬]*)"
                      r"\s*(?P<unit>[^\d\u0660-\u0669\u06f0-\u06f9].*?)\s*$")


def counted(text: object) -> tuple[str, str] | None:
    """A quantity typed with its unit (``5 كرتونة``, ``10 pcs``, ``3 Box of 12``): the number
    as typed and the unit, where the unit is one this module knows; else None."""
    if not isinstance(text, str):
        return None
    m = _COUNTED.match(text)
    if m is None:
        return None
    unit = m["unit"]
    if _known(_folded(unit)) is None and _pack(unit) is None:
        return None
    return m["n"], unit


def _one(unit: object) -> str:
    if unit is None or (not isinstance(unit, str) and pd.isna(unit)):
        return ""
    key = _folded(str(unit))
    known = _known(key)
    if known is not None:
        return known
    return _pack(str(unit)) or key


def normalize_units(units: pd.Series) -> pd.Series:
    """One spelling per unit ("" for blank), computed once per distinct value."""
    from ar_excel.core.billing.context import per_distinct

    return per_distinct(units, _one).fillna("").astype("object")
