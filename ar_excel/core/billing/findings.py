"""One finding of a billing check, as a row of the ``Invoice Checks`` tab.

Checks return findings as frames with the tab's columns, built here so that every check
speaks the same way: the invoice, the sheet and Excel row to open, the field to look at, the
code, its severity and a message in the workbook's language. Two internal columns travel with
them to the exception report: the amount at stake and the document it belongs to.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from functools import cache
from typing import Any

import numpy as np
import pandas as pd

from ar_excel.core.billing.codes import CODES, template

TAB_COLUMNS = ["Invoice No", "Row", "Field", "Code", "Severity", "Message", "Sheet",
               "Customer ID"]
AMOUNT = "_amount"  # amount at stake: the invoice's (or delivery's) amount
DOCUMENT = "_document"  # what the amount belongs to, so an invoice is counted once
FINDING_COLUMNS = [*TAB_COLUMNS, AMOUNT, DOCUMENT]


@cache
def _empty() -> pd.DataFrame:
    return pd.DataFrame({c: pd.Series(dtype="object") for c in FINDING_COLUMNS})


def empty() -> pd.DataFrame:
    # a copy of one built once: every check of every run asks for it (~26 times a run), and
    # building it took 50 times as long as copying it; a copy, as callers may add to it
    return _empty().copy()


def _column(value: Any, n: int) -> list[Any]:
    if isinstance(value, pd.Series | pd.Index | np.ndarray | list | tuple):
        out = list(value)
        if len(out) != n:
            raise ValueError(f"expected {n} values, got {len(out)}")
        return out
    return [value] * n


def findings(code: str, *, n: int, sheet: str, row: Any, field: str, invoice: Any,
             customer: Any, params: dict[str, Any], arabic: bool, amount: Any = np.nan,
             document: Any = None, severity: Any = None, variant: Any = None) -> pd.DataFrame:
    """``n`` findings of ``code``; each argument is one value for all or a sequence of ``n``.

    ``params`` fill the code's message template (values already formatted as text);
    ``variant`` picks another wording of the same code (one name, or one per row).
    """
    if n == 0:
        return empty()
    columns = {name: _column(value, n) for name, value in params.items()}
    variants = _column(variant, n)
    keys = [code if v is None else f"{code}/{v}" for v in variants]
    names = list(columns)
    rows = zip(*(columns[k] for k in names), strict=True) if names else iter([()] * n)
    messages = [template(key, arabic).format(**dict(zip(names, values, strict=True)))
                for key, values in zip(keys, rows, strict=True)]
    invoices = _column(invoice, n)
    return pd.DataFrame({
        "Invoice No": invoices,
        "Row": _column(row, n),
        "Field": _column(field, n),
        "Code": code,
        "Severity": _column(CODES[code].severity if severity is None else severity, n),
        "Message": messages,
        "Sheet": _column(sheet, n),
        "Customer ID": _column(customer, n),
        AMOUNT: _column(amount, n),
        DOCUMENT: _column(invoice if document is None else document, n),
    })


# Formatting of values inside messages -------------------------------------------------------

def money(values: Iterable[Any], places: Iterable[Any] | int = 2) -> list[str]:
    """Amounts with thousands separators and the currency's decimals; blank for missing."""
    values = list(values)
    places = [places] * len(values) if isinstance(places, int) else list(places)
    return ["" if v is None or pd.isna(v) else f"{float(v):,.{int(p)}f}"
            for v, p in zip(values, places, strict=True)]


def number(values: Iterable[Any]) -> list[str]:
    """A quantity or rate as typed: no trailing zeros (3, 2.5, 14)."""
    out = []
    for v in values:
        if v is None or pd.isna(v):
            out.append("")
        else:
            out.append(f"{float(v):,.6f}".rstrip("0").rstrip("."))
    return out


def dates(values: Iterable[Any]) -> list[str]:
    return ["" if v is None or pd.isna(v) else pd.Timestamp(v).strftime("%Y-%m-%d")
            for v in values]


def text(values: Iterable[Any]) -> list[str]:
    return ["" if v is None or (not isinstance(v, str) and pd.isna(v)) else str(v)
            for v in values]


def signed(values: Sequence[Any]) -> list[str]:
    return ["" if pd.isna(v) else f"{int(v):+d}" for v in values]
