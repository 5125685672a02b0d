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
# "> 90", "90+", "121 Days and Over", "1-30 Days Past Due"; a count with its unit, as MYOB
# ("30 Days", "90+ Days") and Xero ("< 1 Month", "2 Months") head theirs; months and years
# ("Over 1 Year", "1-2 Years"); Sage's "Period 1"; "جاري", "غير مستحق", "1-30 يوم",
# "أكثر من 90", "أكثر من سنة". A band left unread drops what is owed in it.
_UNIT = (r"(?:days?|months?|mos?|years?|yrs?|يوم(?:اً|ا)?|أيام|ايام|شهر(?:اً|ا)?|أشهر|اشهر|"
         r"شهور|سنة|سنه|سنوات|عام|أعوام|اعوام)")
_LATE = r"(?:\s*(?:past\s+due|overdue|late|old|متأخر[ةه]?|متاخر[ةه]?))?"
_COUNT = rf"(?:\d+(?:\s*{_UNIT})?|(?:a|one|an)\s+{_UNIT})"
_BAND = re.compile(
    rf"(?i)^\s*(?:current(?:\s+period)?|not\s+(?:yet\s+)?due|future|older|"
    rf"(?:period|month)\s*\d+|"
    rf"\d+\s*(?:[-–]|to|إلى|الى)\s*\d+(?:\s*{_UNIT})?{_LATE}|"
    rf"(?:over|>|<|more\s+than|less\s+than|above|older\s+than)\s*{_COUNT}{_LATE}|"
    rf"\d+\s*\+?\s*{_UNIT}{_LATE}|"
    rf"\d+\s*(?:{_UNIT}\s*)?(?:\+|(?:and|&)\s*(?:over|above)|plus)(?:\s*{_UNIT})?{_LATE}|"
    rf"جاري|جارية|غير\s+مستحق[ةه]?|"
    rf"(?:أكثر|اكثر)\s+من\s*(?:\d+(?:\s*{_UNIT})?|{_UNIT}|سنتين|عامين|شهرين))\s*$")
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


def mark_aged_report(frame: pd.DataFrame) -> None:
    """Marks (in place, ``ledger.AGED_REPORT``) the rows of an invoice list that carries two or
    more age-band columns, one an age (Xero's "< 1 Month", "2 Months", Sage's "31-60"), with a
    figure in one of them: an aging report's rows, what was open on its date."""
    from ar_excel.core.ledger import AGED_REPORT

    bands = [c for c in frame.columns
             if isinstance(c, str) and not c.startswith("_") and is_band(c)]
    if len(bands) < 2 or not any(_AGE.search(normalize_digits(c)) for c in bands):
        return
    filled = ~np.column_stack([blank_mask(frame[c].to_numpy(dtype=object))
                               for c in bands]).all(axis=1)
    if filled.any():
        frame[AGED_REPORT] = filled
