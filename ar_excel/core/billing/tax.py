"""Tax rates on invoice lines are the rates the company may charge.

Rule: a line's Tax Rate, when given, is one of the policy's ``allowed_tax_rates_pct``
(default 0, 5, 14, 15: Egypt's and the Gulf's VAT rates). Anything else is TAX_RATE_NOT_ALLOWED
(Error): the invoice would collect the wrong tax. Where the Policy sheet does not set the
rates, that default list mixes several countries' rates, so a line in a currency of one of
them is held to that country's VAT rates: EGP 0, 5, 14; SAR 0, 15 (5 % ended in 2020); AED
and OMR 0, 5; BHD 0, 10. A rate like 0.14 that is an allowed rate
once multiplied by 100 is almost always 14 % typed as a fraction; the message says so.
A blank rate is not judged here (a line without tax is checked by the line arithmetic).
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from ar_excel.core.billing.context import CURRENCY, CUSTOMER, KEY, BillingBook
from ar_excel.core.billing.findings import empty, findings, number
from ar_excel.model import ROW
from ar_excel.policy import Policy

_CLOSE = 1e-6
# VAT rates by the currency of the country charging them, where the Policy sets none.
NATIONAL_RATES: dict[str, tuple[float, ...]] = {
    "EGP": (0.0, 5.0, 14.0), "SAR": (0.0, 15.0), "AED": (0.0, 5.0), "OMR": (0.0, 5.0),
    "BHD": (0.0, 10.0)}


def allowed_rates(policy: Policy, currency: object) -> tuple[float, ...]:
    """The rates a line in ``currency`` may carry: the Policy's, or where it keeps the
    default list, the currency's country's VAT rates."""
    allowed = tuple(policy.allowed_tax_rates_pct)
    if allowed != Policy.allowed_tax_rates_pct or not isinstance(currency, str):
        return allowed
    return NATIONAL_RATES.get(currency.strip().upper(), allowed)


def _allowed(rates: np.ndarray, allowed: tuple[float, ...]) -> np.ndarray:
    if not allowed:
        return np.ones(len(rates), dtype=bool)
    return (np.abs(rates[:, None] - np.asarray(allowed, dtype="float64")[None, :]) <= _CLOSE).any(
        axis=1
    )


def allowed_label(policy: Policy, currency: object, arabic: bool) -> str:
    """The allowed rates as a message says them: ``0, 15 for SAR`` where the currency's."""
    rates = allowed_rates(policy, currency)
    text = ", ".join(number(rates))
    if rates == tuple(policy.allowed_tax_rates_pct):
        return text
    return f"{text} للعملة {currency}" if arabic else f"{text} for {currency}"


def tax_rates(book: BillingBook) -> pd.DataFrame:
    """TAX_RATE_NOT_ALLOWED: a line's tax rate is not in the policy's allowed rates."""
    lines = book.lines
    given = lines[lines["Tax Rate"].notna()]
    currency = given[CURRENCY].astype("object").where(given[CURRENCY].notna(), None)
    pairs = pd.DataFrame({"currency": currency, "rate": given["Tax Rate"].astype("float64")})
    verdict = {}  # judged once per distinct (currency, rate)
    for cur, rate in pairs.drop_duplicates().itertuples(index=False, name=None):
        rates = allowed_rates(book.policy, cur)
        verdict[(cur, rate)] = (bool(_allowed(np.array([rate]), rates)[0]), rates)
    keys = list(zip(pairs["currency"], pairs["rate"], strict=True))
    ok = np.array([verdict[k][0] for k in keys], dtype=bool)
    bad = given[~ok]
    if bad.empty:
        return empty()
    wrong = [k for k, good in zip(keys, ok, strict=True) if not good]
    sets = [verdict[k][1] for k in wrong]
    allowed_text = [allowed_label(book.policy, k[0], book.arabic) for k in wrong]
    r = bad["Tax Rate"].to_numpy(dtype="float64")
    fraction = np.array([0 < x < 1 and bool(_allowed(np.array([x * 100.0]), a)[0])
                         for x, a in zip(r, sets, strict=True)], dtype=bool)
    meant = number(r * 100.0)
    if book.arabic:
        hint = [f"؛ إذا كانت المقصودة {m}% فاكتبها {m}" if f else "" for f, m in zip(fraction, meant, strict=True)]
    else:
        hint = [f"; if {m}% was meant, enter {m}" if f else "" for f, m in zip(fraction, meant, strict=True)]
    return findings(
        "TAX_RATE_NOT_ALLOWED", n=len(bad), sheet=book.sheet("Invoice Lines"), row=bad[ROW],
        field="Tax Rate", invoice=bad["Invoice No"], customer=bad[CUSTOMER],
        amount=bad["Line Total"], document=bad[KEY], arabic=book.arabic,
        params={"rate": number(r), "allowed": allowed_text, "hint": hint},
    )
