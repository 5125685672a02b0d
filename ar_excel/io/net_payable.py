"""An invoice register kept as Egyptian and Gulf clerks keep it: the invoice's value, the
discount given on it, perhaps its VAT, then what the customer owes ("القيمة | الخصم | الصافي",
"الإجمالي | الخصم | ض.ق.م | الصافي"). The reader took the first (the value before the
discount) as the invoice's Amount, so every discounted invoice was owed more than billed.

Rule: on an invoice list read with one Amount column (no net-and-tax pair, no debit and
credit), a column to the right of the Amount headed as the net ("الصافي", "Net", "Net
Payable") beside a discount column between them is the amount owed where, on every row that
fills it, it is the Amount less the discount (plus the VAT column's amount, where there is
one), to the cent; it is then read as the Amount, and one Input Issue at its header says so.
Rows whose figures do not add up so leave the reading as it was."""

from __future__ import annotations

import re
from typing import Any

import numpy as np
import pandas as pd

from ar_excel.model import Issue
from ar_excel.names import match_key

_NET = frozenset(match_key(h) for h in (
    "الصافي", "صافي", "صافي الفاتورة", "صافي القيمة", "صافي المبلغ", "المبلغ الصافي",
    "القيمة الصافية", "الصافي المستحق", "المستحق الصافي", "Net", "Net Amount", "Net Payable",
    "Net Total", "Net Due", "Net Value", "Amount Payable"))
_DISCOUNT = frozenset(match_key(h) for h in (
    "الخصم", "خصم", "قيمة الخصم", "مبلغ الخصم", "الخصم التجاري", "خصم تجاري", "خصم الكمية",
    "خصم تعجيل", "Discount", "Discount Amount", "Discount Value", "Disc", "Disc Amount"))
_TAX = re.compile(r"^(?:vat|tax|ضقم|ال?ضريبه|قيمهالضريبه|مبلغالضريبه|ضريبهالقيمهالمضافه)")
# (a rate column, "VAT %", "نسبة الضريبة", is no amount: "ض.ق.م 14%" is, headed with its rate)
_NOT_TAX = re.compile(r"rate|نسبه|^(?:vat|tax|ال?ضريبه)(?:pct)?$|^vatpct|^taxpct|id$|no$|number")


def _key(text: Any) -> str:
    return match_key(text) if isinstance(text, str) else ""


def net_payable(header: list[Any], names: list[str], fields: set[str], amount: pd.Series,
                parse: Any) -> tuple[int, int, int | None] | None:
    """The positions of the net payable, discount and VAT columns (VAT None where there is
    none) when the net is the Amount less the discount plus the VAT on every row giving it
    (``parse(j)``: column ``j`` parsed as money); None where no such column reads so."""
    keys = [_key(h) for h in header]
    at = names.index("Amount")
    free = [j for j in range(len(keys)) if names[j] not in fields]
    nets = [j for j in free if j > at and keys[j] in _NET]
    discounts = [j for j in free if j > at and keys[j] in _DISCOUNT]
    if not nets or not discounts:
        return None
    net_at = nets[-1]
    discount_at = next((j for j in discounts if j < net_at), None)
    if discount_at is None:
        return None
    taxes = [j for j in free if at < j < net_at and j != discount_at and _TAX.match(keys[j])
             and not _NOT_TAX.search(keys[j])]
    tax_at = taxes[0] if taxes else None
    net, discount = parse(net_at), parse(discount_at).fillna(0.0)
    tax = parse(tax_at).fillna(0.0) if tax_at is not None else 0.0
    given = net.notna() & amount.notna()
    if (amount.notna() & net.isna()).any() or not (discount[given] != 0).any():
        return None  # (no discount anywhere: the net is the Amount, nothing to choose)
    owed = (amount - discount + tax)[given]
    if not np.allclose(owed.to_numpy(float), net[given].to_numpy(float), rtol=0, atol=0.005):
        return None
    return net_at, discount_at, tax_at


def net_payable_issue(sheet: str, letter: str, header: list[Any], net_at: int,
                      amount_header: str, discount_at: int, tax_at: int | None,
                      header_row: int) -> Issue:
    net = str(header[net_at]).strip()
    less = f"'{amount_header}' less '{str(header[discount_at]).strip()}'"
    plus = "" if tax_at is None else f" plus '{str(header[tax_at]).strip()}'"
    return Issue(sheet, f"{letter}{header_row}", net, net, (
        f"the invoices' amounts owed are read from '{net}', which is {less}{plus} on every "
        f"row, not from '{amount_header}'"))
