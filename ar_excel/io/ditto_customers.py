"""A clerk's ditto in the customer column of a list of documents: the customer written on the
rows around one and left out on it, or a ditto mark typed in its place ('"', '〃', 'نفسه',
'كما سبق'). A ditto mark says "the customer above" outright: read so. A single blank between
two rows of the same customer, on an invoice list, is read as that customer where nothing on
the row says otherwise (the rest of the row typed, no name of its own beside it, no other
currency than the row above it): one Input Issue per cell says so. A blank elsewhere (at a change of customer, two or more
in a row, a receipt, which may be one nobody has named yet) stays the Input Issue it is."""

from __future__ import annotations

import re

import numpy as np
import pandas as pd

from ar_excel.model import Issue
from ar_excel.parsing import blank_mask

_DITTO = re.compile(r'^(?:["\u201c\u201d\u2033\u3003\u05f4\']{1,2}|-\s*"\s*-|//|do\.?|ditto|'
                    r"نفسه|نفس العميل|كما سبق|كما هو|كما بالأعلى|كما بالاعلى|كالسابق)$",
                    re.IGNORECASE)

# What a clerk typing a ditto fills in on the row all the same.
_THE_REST = ("Invoice No", "Invoice Date", "Amount")


def is_ditto(value: object) -> bool:
    return isinstance(value, str) and bool(_DITTO.match(" ".join(value.split())))


def ditto_customers(frame: pd.DataFrame, raw: pd.DataFrame, unreadable: set[int], kind: str,
                    sheet: str, letter: str, header: str, excel_rows: list[int],
                    beside: list[str]) -> list[Issue]:
    """Fill the customers a ditto stands for in ``frame`` (and ``raw``), in place; the
    Input Issues saying so."""
    ids = frame["Customer ID"].to_numpy(object).copy()
    issues: list[Issue] = []
    filled: list[int] = []
    # (each distinct value looked at once: a long list names few customers)
    marks = [v for v in pd.unique(ids) if is_ditto(v)]
    ditto = pd.Series(ids, dtype=object).isin(marks).to_numpy() if marks else \
        np.zeros(len(ids), dtype=bool)
    named = ~blank_mask(ids) & ~ditto
    for pos in np.flatnonzero(ditto).tolist():
        above = np.flatnonzero(named[:pos])  # (the marks before it are filled by now)
        if not len(above):
            continue
        value, last = ids[pos], ids[above[-1]]
        ids[pos] = last
        named[pos] = True
        filled.append(pos)
        issues.append(Issue(sheet, f"{letter}{excel_rows[pos]}", header, value, (
            f"'{value.strip()}' (a ditto) read as the customer above, {last}")))
    if kind == "Invoices":
        issues.extend(_single_blanks(frame, raw, ids, filled, unreadable, sheet, letter,
                                     header, excel_rows, beside))
    issues.sort(key=lambda i: int(i.cell[len(letter):]))  # (in the rows' order)
    if filled:
        frame["Customer ID"] = pd.Series(ids, index=frame.index, dtype="object")
        raw["Customer ID"] = raw["Customer ID"].where(
            ~np.isin(np.arange(len(ids)), filled), frame["Customer ID"])
    return issues


def _single_blanks(frame: pd.DataFrame, raw: pd.DataFrame, ids: np.ndarray, filled: list[int],
                   unreadable: set[int], sheet: str, letter: str, header: str,
                   excel_rows: list[int], beside: list[str]) -> list[Issue]:
    blank = blank_mask(ids) & ~np.isin(np.arange(len(ids)), list(unreadable))
    for column in beside:  # (a name of its own beside it: read through the name)
        blank &= blank_mask(raw[column].to_numpy(object))
    issues = []
    currency = frame["Currency"].to_numpy(object) if "Currency" in frame else None
    for pos in np.flatnonzero(blank).tolist():
        if pos == 0 or pos + 1 >= len(ids) or blank_mask(ids[[pos - 1, pos + 1]]).any():
            continue
        customer = ids[pos - 1]
        if ids[pos + 1] != customer:
            continue
        if any(c in frame and pd.isna(frame[c].iat[pos]) for c in _THE_REST):
            continue  # a record broken off (its date or amount missing too): no ditto
        if currency is not None and isinstance(currency[pos], str) and \
                currency[pos] != currency[pos - 1]:
            continue  # billed in another currency than the row above: not surely a ditto
        ids[pos] = customer
        filled.append(pos)
        issues.append(Issue(sheet, f"{letter}{excel_rows[pos]}", header, None, (
            f"{header} is blank between two rows of customer {customer} (rows "
            f"{excel_rows[pos - 1]} and {excel_rows[pos + 1]}): read as {customer}, as a ditto; "
            f"write the customer if the invoice is another's")))
    return issues
