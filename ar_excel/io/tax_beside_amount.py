"""An invoice list's Amount beside a VAT column that is a rate of it: Amount before tax?

The contract's Amount is the invoice total with its tax. A hand-kept list headed
``Amount | VAT 5%`` (``المبلغ | ضريبة القيمة المضافة 14%``) with no total column says which
by its arithmetic: a VAT worked out on the total is the rate's share of it (5/105), one
worked out on the amount before tax is the rate of it. Where every row's VAT is the same
rate of its Amount (and not that share), the Amount is before tax and the invoices' totals
are more than read. Which the clerk meant is not the reader's to decide: Amount is read as
the contract has it, and one Input Issue at the VAT column's header says what the column
shows, by how much the totals would differ and how to say it (head the column ``Net
Amount`` and the tax is added: ``headers.net_as_amount``)."""

from __future__ import annotations

import re
from typing import Any

import numpy as np
import pandas as pd

from ar_excel.core.money import amount_text
from ar_excel.io.cells_named import cells_named
from ar_excel.model import Issue, column_letter
from ar_excel.names import match_key
from ar_excel.parsing import normalize_digits, parse_column

_TAX = re.compile(r"^(?:vat|tax|gst|ال?ضريبه|قيمهالضريبه|مبلغالضريبه|ضريبهالقيمهالمضافه)")
_NOT_AMOUNT = re.compile(r"rate|نسبه|id$|no$|number|رقم")
_PERCENT = re.compile(r"(\d{1,2}(?:\.\d+)?)\s*[%٪]")
# the VAT rates of Egypt (14), Saudi Arabia (15), the UAE and Oman (5), Bahrain (10)
_RATES = (0.05, 0.10, 0.14, 0.15)
_SLACK = 0.011  # a cent's rounding, each row


def _rates(header: str) -> tuple[float, ...]:
    found = _PERCENT.search(normalize_digits(header))
    return (float(found[1]) / 100,) if found else _RATES


def vat_of_amount(header: list[Any], names: list[str], written: dict[str, str],
                  columns: list[np.ndarray], amount: pd.Series, decimal_comma: bool,
                  each_its_own: bool = False) -> tuple[int, pd.Series, float | None] | None:
    """The VAT column (its position, its amounts, its rate) that is one rate of Amount on
    every row where both are filled (and not that rate's share of it); None where none is.
    ``each_its_own``: each row's VAT a VAT rate of its own Amount (rate None), as where
    exempt and taxed items share the list."""
    if "Amount" not in written or not len(amount):
        return None
    for j, text in enumerate(header):
        if not isinstance(text, str) or names[j] in written:
            continue
        key = match_key(text)
        if not _TAX.match(key) or _NOT_AMOUNT.search(key):
            continue
        tax = parse_column(columns[j], "money", decimal_comma=decimal_comma)[0]
        both = (tax.notna() & amount.notna() & tax.ne(0.0) & amount.ne(0.0)).to_numpy(bool)
        if not both.any():
            return None
        t, a = tax.to_numpy(float)[both], amount.to_numpy(float)[both]
        if each_its_own:
            rates = np.array(_rates(text))
            of_own = (np.abs(t[:, None] - a[:, None] * rates) <= _SLACK).any(axis=1)
            return (j, tax, None) if of_own.all() and (np.sign(t) == np.sign(a)).all() \
                else None
        for rate in _rates(text):
            of_amount = np.abs(t - a * rate) <= _SLACK
            share = np.abs(t - a * rate / (1 + rate)) <= _SLACK
            if of_amount.all() and not share.all() and (np.sign(t) == np.sign(a)).all():
                return j, tax, rate
        return None
    return None


def amount_before_tax(header: list[Any], names: list[str], written: dict[str, str],
                      columns: list[np.ndarray], amount: pd.Series, sheet: str, left: int,
                      header_row: int, excel_rows: list[int], decimal_comma: bool
                      ) -> list[Issue]:
    """The Input Issue of an invoice list whose every VAT is one rate of its Amount (see the
    module docstring); none where a column of the invoice total or the net was read."""
    found = vat_of_amount(header, names, written, columns, amount, decimal_comma)
    if found is None:
        return []
    j, tax, rate = found
    assert rate is not None
    both = (tax.notna() & amount.notna() & tax.ne(0.0) & amount.ne(0.0)).to_numpy(bool)
    t, a = tax.to_numpy(float)[both], amount.to_numpy(float)[both]
    text = str(header[j]).strip()
    letter = column_letter(left + j)
    cells = [f"{letter}{excel_rows[p]}" for p in np.flatnonzero(both).tolist()]
    return [Issue(sheet, f"{letter}{header_row}", text, text, (
        f"'{text}' is {rate * 100:g} % of {written['Amount']} on every row "
        f"({cells_named(cells)}): {written['Amount']} looks like the amount before "
        f"tax, and the invoices with their tax total {amount_text(a.sum() + t.sum())}, "
        f"{amount_text(t.sum())} more than read; {written['Amount']} is read as each "
        f"invoice's total, as written: if it is before tax, head it 'Net Amount' "
        f"and the tax is added"))]
