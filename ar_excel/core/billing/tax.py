"""Tax rates on invoice lines are the rates the company may charge.

Rule: a line's Tax Rate, when given, is one of the policy's ``allowed_tax_rates_pct``
(default 0, 5, 14, 15: Egypt's and the Gulf's VAT rates). Anything else is TAX_RATE_NOT_ALLOWED
(Error): the invoice would collect the wrong tax. Where the Policy sheet does not set the
rates, that default list mixes several countries' rates, so a line in a currency of one of
them is held to that country's VAT rates on the invoice's date:

* EGP 0, 5, 14 (14 % since July 2017; 5 % on machinery and some goods; 0 % on exports);
* SAR 0, 5 from 2018 to 30 June 2020, then 0, 15;
* AED 0, 5 from 2018; OMR 0, 5 from 16 April 2021;
* BHD 0, 5 from 2019 to 2021, then 0, 10;
* KWD and QAR 0: Kuwait and Qatar charge no VAT;
* before a country's VAT began, 0 only.

An undated line is held to today's rates. A rate like 0.14 that is an allowed rate
once multiplied by 100 is almost always 14 % typed as a fraction; the message says so.
A blank rate is not judged here (a line without tax is checked by the line arithmetic).
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from ar_excel.core.billing.context import CURRENCY, CUSTOMER, DATE, KEY, BillingBook
from ar_excel.core.billing.findings import empty, findings, number
from ar_excel.model import ROW
from ar_excel.policy import Policy

_CLOSE = 1e-6
# VAT rates by the currency of the country charging them, where the Policy sets none: each
# (first day, rates) in force from that day; before the first, no VAT (0 only).
NATIONAL_RATES: dict[str, tuple[tuple[str, tuple[float, ...]], ...]] = {
    # Egypt: general sales tax 10 % until the VAT law of September 2016 (13 %, then 14 %)
    "EGP": (("1991-05-03", (0.0, 5.0, 10.0)), ("2016-09-08", (0.0, 5.0, 13.0)),
            ("2017-07-01", (0.0, 5.0, 14.0))),
    "SAR": (("2018-01-01", (0.0, 5.0)), ("2020-07-01", (0.0, 15.0))),
    "AED": (("2018-01-01", (0.0, 5.0)),),
    "OMR": (("2021-04-16", (0.0, 5.0)),),
    "BHD": (("2019-01-01", (0.0, 5.0)), ("2022-01-01", (0.0, 10.0))),
    "KWD": (), "QAR": (),
}
_NO_VAT = (0.0,)
_PERIODS = {cur: tuple((pd.Timestamp(day), rates) for day, rates in periods)
            for cur, periods in NATIONAL_RATES.items()}


def _national(currency: str, on: object) -> tuple[float, ...]:
    periods = _PERIODS[currency]
    day = pd.Timestamp.today() if on is None or pd.isna(on) else pd.Timestamp(on)
    rates = _NO_VAT
    for start, in_force in periods:
        if day >= start:
            rates = in_force
    return rates


def allowed_rates(policy: Policy, currency: object, on: object = None) -> tuple[float, ...]:
    """The rates a line in ``currency`` dated ``on`` (blank: today) may carry: the Policy's,
    or where it keeps the default list, the currency's country's VAT rates on that day."""
    allowed = tuple(policy.allowed_tax_rates_pct)
    if allowed != Policy.allowed_tax_rates_pct or not isinstance(currency, str):
        return allowed
    code = currency.strip().upper()
    return _national(code, on) if code in _PERIODS else allowed


def _allowed(rates: np.ndarray, allowed: tuple[float, ...]) -> np.ndarray:
    if not allowed:
        return np.ones(len(rates), dtype=bool)
    return (np.abs(rates[:, None] - np.asarray(allowed, dtype="float64")[None, :]) <= _CLOSE).any(
        axis=1
    )


def allowed_label(policy: Policy, currency: object, arabic: bool, on: object = None) -> str:
    """The allowed rates as a message says them: ``0, 15 for SAR`` where the currency's, with
    the day where they are not today's (``0, 5 for SAR on 2020-05-10``)."""
    rates = allowed_rates(policy, currency, on)
    text = ", ".join(number(rates))
    if rates == tuple(policy.allowed_tax_rates_pct):
        return text
    label = f"{text} للعملة {currency}" if arabic else f"{text} for {currency}"
    if on is not None and not pd.isna(on) and rates != allowed_rates(policy, currency):
        label += f" {'في' if arabic else 'on'} {pd.Timestamp(on):%Y-%m-%d}"
    return label


def _periods(currency: pd.Series, codes: np.ndarray, uniques: pd.Index,
             day: pd.Series) -> np.ndarray:
    """For each line, which of its currency's VAT periods its date falls in (0: before the
    first, or a currency without a table; an undated line: today's)."""
    period = np.zeros(len(currency), dtype="int64")
    when = day.fillna(pd.Timestamp.today().normalize()).to_numpy(dtype="datetime64[ns]")
    for k, cur in enumerate(uniques):
        starts = _PERIODS.get(str(cur).strip().upper()) if isinstance(cur, str) else None
        if not starts:
            continue
        at = codes == k
        bounds = np.array([s for s, _ in starts], dtype="datetime64[ns]")
        period[at] = np.searchsorted(bounds, when[at], side="right")
    return period


def tax_rates(book: BillingBook) -> pd.DataFrame:
    """TAX_RATE_NOT_ALLOWED: a line's tax rate is not in the policy's allowed rates."""
    lines = book.lines
    given = lines[lines["Tax Rate"].notna()]
    currency = given[CURRENCY].astype("object").where(given[CURRENCY].notna(), None)
    day = pd.to_datetime(given[DATE]).dt.normalize()
    ccy_code, ccys = pd.factorize(currency, use_na_sentinel=True)
    rate_code, rates_seen = pd.factorize(given["Tax Rate"].astype("float64"))
    period = _periods(currency, ccy_code, ccys, day)
    # judged once per distinct (currency, period of its VAT rates, rate): a few dozen
    combo = pd.DataFrame({"c": ccy_code, "p": period, "r": rate_code})
    group = combo.groupby(["c", "p", "r"], sort=False).ngroup().to_numpy()
    first = pd.Series(np.arange(len(combo))).groupby(group).first().to_numpy()
    days = day.to_numpy()
    verdict_ok, verdict_sets = [], []
    for at in first:
        cur = None if ccy_code[at] < 0 else ccys[ccy_code[at]]
        on = None if pd.isna(days[at]) else days[at]
        rates = allowed_rates(book.policy, cur, on)
        verdict_ok.append(bool(_allowed(np.array([rates_seen[rate_code[at]]]), rates)[0]))
        verdict_sets.append(rates)
    ok = np.asarray(verdict_ok, dtype=bool)[group]
    bad = given[~ok]
    if bad.empty:
        return empty()
    wrong = np.flatnonzero(~ok)
    sets = [verdict_sets[group[i]] for i in wrong]
    allowed_text = [allowed_label(book.policy, currency.iloc[i], book.arabic,
                                  None if pd.isna(days[i]) else days[i]) for i in wrong]
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
