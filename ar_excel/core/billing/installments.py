"""An invoice payable in instalments, written as a row per instalment: one invoice number,
customer and invoice date, each row its own amount and due date ('Installment 2/3', القسط
الثاني). The ledger ages each row by its own due date and applies receipts to the oldest
first; the billing checks read them as one invoice's schedule.

Rule: rows sharing an invoice number (as DUPLICATE_INVOICE_NO reads it: ``KEY``), customer
and invoice date, with due dates that differ, are the instalments of one invoice where the
list says so on each of them: a column headed as an instalment (``Installment``,
``Instalment No``, ``القسط``, ``رقم القسط``) filled, or a text cell naming an instalment
(``installment``, ``instalment``, ``القسط الثاني``, ``قسط 2``; not
``قسط التأمين``, an insurance premium). Then

* the number is not used twice (no DUPLICATE_INVOICE_NO among them);
* the first instalment's due date is held to the terms; the later ones are the schedule
  agreed with the customer (no DUE_DATE_INCONSISTENT on them).

Rows with one due date, or without the word, are judged as before: a number typed twice
is still a duplicate.
"""

from __future__ import annotations

import re

import pandas as pd
from pandas.api.types import is_object_dtype, is_string_dtype

from ar_excel.core.billing.context import KEY
from ar_excel.model import ROW, SHEET
from ar_excel.names import match_key

_HEADERS = {match_key(h) for h in (
    "Installment", "Instalment", "Installment No", "Instalment No", "Installment Number",
    "Instalment Number", "Installments", "Instalments", "القسط", "رقم القسط", "الأقساط",
    "قسط")}
# Arabic قسط is also an insurance premium (قسط التأمين, قسط سنوي): a row names an instalment
# by which one it is (القسط الثاني, قسط 2, قسط رقم ٣); the plural, unless of insurance
_ORDINAL = r"(?:ال)?(?:أول|اول|ثاني|ثالث|رابع|خامس|سادس|سابع|ثامن|تاسع|عاشر|أخير|اخير)"
_SAYS = re.compile(r"(?i)\binstal+ments?\b"
                   r"|(?:ال)?قسط\s*(?:رقم\s*|#\s*)?(?:[0-9٠-٩۰-۹]|" + _ORDINAL + r"(?!\w))"
                   r"|[أا]قساط(?!\s*(?:ال)?تأمين)")
_PREMIUM_TOO = {match_key(h) for h in ("القسط", "قسط", "الأقساط")}
_MARK_BELOW = 100  # no schedule has 100 instalments: a figure that large is an amount
_KEYS = ("Invoice No", "Customer ID", "Currency", KEY, ROW, SHEET)


def _marked(inv: pd.DataFrame) -> pd.Series:
    """Rows saying they are an instalment (module docstring)."""
    marked = pd.Series(False, index=inv.index)
    for column in inv.columns:
        if column in _KEYS or str(column).startswith("_"):
            continue
        cells = inv[column]
        if match_key(str(column)) in _HEADERS:
            filled = cells.notna() & cells.astype(str).str.strip().ne("")
            if match_key(str(column)) in _PREMIUM_TOO:
                # an amount under القسط is a premium; an instalment's mark is 2, '2/3', الثاني
                filled &= ~(pd.to_numeric(cells, errors="coerce").abs() >= _MARK_BELOW)
            marked |= filled
        elif is_object_dtype(cells) or is_string_dtype(cells):
            try:
                marked |= cells.str.contains(_SAYS, na=False)
            except AttributeError:  # no text in the column at all
                continue
    return marked


def instalment_rows(inv: pd.DataFrame) -> pd.Series:
    """Whether each row is one of an invoice's instalments (module docstring); ``inv`` holds
    ``KEY`` (``BillingBook.invoices``)."""
    out = pd.Series(False, index=inv.index)
    if KEY not in inv or not inv[KEY].duplicated().any():
        return out
    marked = _marked(inv)
    shared = inv[KEY].notna() & inv[KEY].duplicated(keep=False) & marked
    if not shared.any():
        return out
    rows = inv[shared]
    group = [rows[KEY], rows["Customer ID"].astype(str),
             pd.to_datetime(rows["Invoice Date"]).dt.normalize()]
    due = pd.to_datetime(rows["Due Date"]).dt.normalize()
    size = rows.groupby(group, dropna=False)[KEY].transform("size")
    dues = due.groupby(group, dropna=False).transform("nunique")
    keys = rows[KEY].map(rows[KEY].value_counts())
    # every row of the number in the group (none elsewhere), each on its own due date
    out[rows.index] = (size > 1) & (dues == size) & (keys == size)
    return out


def repeated_instalments(inv: pd.DataFrame) -> pd.Series:
    """The instalment rows after each invoice number's first row: one invoice's number written
    again, neither a duplicate nor another invoice (``instalment_rows``)."""
    return instalment_rows(inv) & inv[KEY].duplicated()


def later_instalments(inv: pd.DataFrame) -> pd.Series:
    """The instalments after each invoice's first (its earliest due date)."""
    rows = instalment_rows(inv)
    out = pd.Series(False, index=inv.index)
    if not rows.any():
        return out
    due = pd.to_datetime(inv.loc[rows, "Due Date"])
    first = due.groupby(inv.loc[rows, KEY]).transform("min")
    out[due.index] = due > first
    return out
