"""Tax rates on invoice lines are the rates the company may charge.

Rule: a line's Tax Rate, when given, is one of the policy's ``allowed_tax_rates_pct``
(default 0, 5, 14, 15: Egypt's and the Gulf's VAT rates). Anything else is TAX_RATE_NOT_ALLOWED
(Error): the invoice would collect the wrong tax. A rate like 0.14 that is an allowed rate
once multiplied by 100 is almost always 14 % typed as a fraction; the message says so.
A blank rate is not judged here (a line without tax is checked by the line arithmetic).
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from ar_excel.core.billing.context import CUSTOMER, KEY, BillingBook
from ar_excel.core.billing.findings import empty, findings, number
from ar_excel.model import ROW

_CLOSE = 1e-6


def _allowed(rates: np.ndarray, allowed: tuple[float, ...]) -> np.ndarray:
    if not allowed:
        return np.ones(len(rates), dtype=bool)
    return (np.abs(rates[:, None] - np.asarray(allowed, dtype="float64")[None, :]) <= _CLOSE).any(
        axis=1
    )


def tax_rates(book: BillingBook) -> pd.DataFrame:
    """TAX_RATE_NOT_ALLOWED: a line's tax rate is not in the policy's allowed rates."""
    lines = book.lines
    allowed = tuple(book.policy.allowed_tax_rates_pct)
    given = lines[lines["Tax Rate"].notna()]
    rates = given["Tax Rate"].to_numpy(dtype="float64")
    distinct = np.unique(rates)
    bad_rates = distinct[~_allowed(distinct, allowed)]  # judged once per distinct rate
    bad = given[np.isin(rates, bad_rates)]
    if bad.empty:
        return empty()
    r = bad["Tax Rate"].to_numpy(dtype="float64")
    fraction = (r > 0) & (r < 1) & _allowed(r * 100.0, allowed)
    meant = number(r * 100.0)
    if book.arabic:
        hint = [f"؛ إذا كانت المقصودة {m}% فاكتبها {m}" if f else "" for f, m in zip(fraction, meant, strict=True)]
    else:
        hint = [f"; if {m}% was meant, enter {m}" if f else "" for f, m in zip(fraction, meant, strict=True)]
    return findings(
        "TAX_RATE_NOT_ALLOWED", n=len(bad), sheet=book.sheet("Invoice Lines"), row=bad[ROW],
        field="Tax Rate", invoice=bad["Invoice No"], customer=bad[CUSTOMER],
        amount=bad["Line Total"], document=bad[KEY], arabic=book.arabic,
        params={"rate": number(r), "allowed": ", ".join(number(allowed)), "hint": hint},
    )
