"""An aging detail report's invoices whose amount is given only in its age-band columns.

Sage's Aged Debtors detailed, a local system's "أعمار الديون" and many hand-kept aging
sheets list each open invoice with its amount under the band its age falls in (Current,
1-30, 31-60, 61-90, 90+) and print no total column: the bands of a row sum to what is open
of the invoice. Such a list has its Amount: the sum of its band cells (``band_columns``
names the columns; ``amount_of_bands`` adds them), each band's unreadable cell said at its
own cell. A list with an amount or open-balance column is read by that column as before;
the bands are then only its other columns, carried through.
"""

from __future__ import annotations

import re
from typing import Any

import numpy as np
import pandas as pd

from ar_excel.parsing import blank_mask, normalize_digits

# A band's header: "Current", "Not Due", "1-30", "1 - 30 Days", "31 to 60", "Over 90",
# "> 90", "90+", "121 Days and Over", "جاري", "غير مستحق", "1-30 يوم", "أكثر من 90"
_BAND = re.compile(
    r"(?i)^\s*(?:current|not\s+(?:yet\s+)?due|future|older|"
    r"\d+\s*(?:[-–]|to)\s*\d+(?:\s*days?)?|(?:over|>|more\s+than|above)\s*\d+(?:\s*days?)?|"
    r"\d+\s*(?:\+|and\s+over|days?\s+and\s+over|plus)(?:\s*days?)?|"
    r"جاري|جارية|غير\s+مستحق[ةه]?|(?:أكثر|اكثر)\s+من\s*\d+(?:\s*يوم(?:اً|ا)?)?|"
    r"\d+\s*[-–]\s*\d+\s*(?:يوم(?:اً|ا)?)?|\d+\s*\+\s*(?:يوم(?:اً|ا)?)?)\s*$")
# a band that is an age, not "Current": at least one of these makes the columns bands
_AGE = re.compile(r"\d")


def is_band(header: Any) -> bool:
    """Whether a header names an age band."""
    return isinstance(header, str) and bool(_BAND.match(normalize_digits(header)))


def band_columns(kind: str, header: list[Any], names: list[str], written: dict[str, str],
                 fields: set[str]) -> list[int]:
    """The positions of the age-band columns of an invoice list with no Amount and no open
    balance column, the first renamed the Amount (in ``names``/``written``); [] where the
    list has its amount, or fewer than two bands, or none an age in days."""
    if kind != "Invoices" or "Amount" in written or "Balance" in written:
        return []
    at = [j for j, h in enumerate(header) if names[j] not in fields and is_band(h)]
    if len(at) < 2 or not any(_AGE.search(normalize_digits(str(header[j]))) for j in at):
        return []
    names[at[0]], written["Amount"] = "Amount", str(header[at[0]]).strip()
    return at


def amount_of_bands(first: pd.Series, others: list[pd.Series]) -> pd.Series:
    """Each row's Amount: the sum of its band cells (NaN where every one is blank)."""
    return pd.concat([first, *others], axis=1).sum(axis=1, min_count=1)


def first_filled(columns: list[np.ndarray]) -> np.ndarray:
    """Each row's first band cell that is not blank, as written (its text tells the
    amount's currency and decimals, as an Amount cell's does)."""
    out = columns[0].copy()
    empty = blank_mask(out)
    for values in columns[1:]:
        take = empty & ~blank_mask(values)
        out[take] = values[take]
        empty &= ~take
    return out

