"""Exchange rates from the Policy, to weigh a customer's open items in other currencies.

A credit limit is set in the customer's currency, but an exporter's customer may owe invoices
in USD or EUR as well. Added as they stand, 1,000 USD would count as 1,000 EGP; the Policy key
``exchange_rates`` (Exchange Rates, FX Rates, أسعار الصرف) gives what one unit of each
currency is worth in the base currency: ``USD=48.50; EUR=52.10`` (also ``USD 48.5, EUR 52.1``).

The base currency is the Policy's ``base_currency``; when it is blank, the one currency of the
book the rates leave out (the rates are written against it). A currency without a rate is not
converted: the caller says so.

Rates kept on a sheet with dates (a rate a month, ``io.rates_sheet``) are taken as of the
report's date: each currency's latest rate dated on or before it (a rate of 5 December does not
exist yet on 30 November); an undated row next; only where every rate of a currency is dated
after the as-of date, the earliest of them, the nearest there is, and an Input Issue at its
date cell says so.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime

from ar_excel.model import Issue
from ar_excel.parsing import normalize_digits
from ar_excel.policy import Policy

# How receivables in several currencies add up to one figure (the management pack's).
ALL_CURRENCIES = ("total receivables in the main currency + each other currency's x its "
                  "exchange rate in the Policy")

_PAIR = re.compile(r"([A-Za-z]{3})\s*[=:]?\s*(\d+(?:\.\d+)?)")


def parse_rates(text: object) -> dict[str, float]:
    """``"USD=48.50; EUR=52.10"`` -> {"USD": 48.5, "EUR": 52.1}. Raises ValueError for text
    that names no rate or a rate of zero."""
    if text is None or not str(text).strip():
        return {}
    clean = normalize_digits(str(text)).replace("٫", ".")
    pairs = _PAIR.findall(clean)
    rates = {code.upper(): float(rate) for code, rate in pairs}
    if not rates or _PAIR.sub("", clean).strip(" ;,\n\t/|") != "":
        raise ValueError(f"'{text}' is not a list of rates like 'USD=48.50; EUR=52.10'")
    if any(r <= 0 for r in rates.values()):
        raise ValueError(f"'{text}': a rate must be above zero")
    return rates


@dataclass(frozen=True)
class SheetRate:
    """One row of an exchange-rates sheet: a currency's rate and the date it is of (None for
    a row without one), with the cell of that date (of the rate where undated)."""

    code: str
    rate: float
    when: date | None
    sheet: str
    cell: str
    column: str


class Rates:
    """Rates against one base currency; ``factor(from, to)`` converts between any two.
    ``issues``: what the caller reports about the rates chosen (a rate dated after the as-of
    date used for want of an earlier one). ``source``: where they came from when not typed in
    the Policy (``Policy.rates_from``), for the notes that name them."""

    def __init__(self, rates: dict[str, float], base: str | None,
                 issues: tuple[Issue, ...] = (), source: tuple[str, str] = ()) -> None:
        self.rates = dict(rates)
        self.base = base
        self.issues = issues
        self.source = source
        if base:
            self.rates.setdefault(base, 1.0)

    def factor(self, source: str | None, target: str | None) -> float | None:
        """What one unit of ``source`` is in ``target``; 1 for the same (or an unnamed)
        currency; None when a rate is missing."""
        if not source or not target or source == target:
            return 1.0
        a, b = self.rates.get(source), self.rates.get(target)
        return None if a is None or b is None else a / b


def policy_rates(policy: Policy, currencies: Iterable[object],
                 as_of: date | None = None) -> Rates | None:
    """The Policy's exchange rates (None when it gives none, or none that can be read: the
    Policy sheet reports that at its cell). ``currencies``: those the book names, to find the
    base when the Policy does not say it. ``as_of``: the report's date, to take a rates
    sheet's rates as they stood on it (None: each currency's latest)."""
    try:
        rates = parse_rates(policy.get("exchange_rates"))
    except ValueError:
        return None
    if not rates:
        return None
    issues: tuple[Issue, ...] = ()
    if as_of is not None and policy.rate_sheet:
        chosen, issues = rates_as_of(policy.rate_sheet, as_of)
        rates.update(chosen)
    base = policy.base_currency.strip().upper() or None
    if base is None:
        left = {str(c).strip().upper() for c in currencies
                if isinstance(c, str) and c.strip()} - set(rates)
        base = next(iter(left)) if len(left) == 1 else None
    return Rates(rates, base, issues, policy.rates_from)


def rates_as_of(rows: Iterable[SheetRate], as_of: date
                ) -> tuple[dict[str, float], tuple[Issue, ...]]:
    """Each currency's rate on ``as_of`` from a rates sheet's rows (in sheet order): its
    latest rate dated on or before it (the last row of that date), else its last undated
    row, else its earliest rate dated after it, with an Input Issue saying so: no rate
    existed yet on the as-of date, and the nearest one stands in for it."""
    day = as_of.date() if isinstance(as_of, datetime) else as_of  # (a Timestamp too)
    known: dict[str, tuple[date, SheetRate]] = {}
    undated: dict[str, SheetRate] = {}
    later: dict[str, tuple[date, SheetRate]] = {}
    for row in rows:
        when = row.when
        if when is None:
            undated[row.code] = row
        elif when <= day:
            if row.code not in known or when >= known[row.code][0]:
                known[row.code] = (when, row)
        elif row.code not in later or when <= later[row.code][0]:
            later[row.code] = (when, row)
    issues = tuple(
        Issue(row.sheet, row.cell, row.column, when,
              f"{code} has no exchange rate dated on or before the as-of date {day:%Y-%m-%d}; "
              f"its earliest, {_plain(row.rate)} of {when:%Y-%m-%d}, is used")
        for code, (when, row) in sorted(later.items()) if code not in known.keys() | undated.keys())
    chosen = {**{c: r for c, (_, r) in later.items()}, **undated,
              **{c: r for c, (_, r) in known.items()}}
    return {code: row.rate for code, row in chosen.items()}, issues


def _plain(rate: float) -> str:
    return f"{rate:.10f}".rstrip("0").rstrip(".")


# Currencies their central banks hold at a fixed rate to the US dollar (units per USD): a
# receipt in one of them for an invoice in another is the invoice's amount at these rates, to
# within the bank's spread.
PEGGED_TO_USD = {"USD": 1.0, "AED": 3.6725, "SAR": 3.75, "QAR": 3.64, "OMR": 0.3845,
                 "BHD": 0.376, "JOD": 0.709}
PEG_SPREAD = 0.005  # a bank converts at its buying rate, within half a percent of the peg


def pegged_factor(source: str | None, target: str | None) -> float | None:
    """What one unit of ``source`` is in ``target`` when both are held at a fixed rate to
    the US dollar; None otherwise."""
    a, b = PEGGED_TO_USD.get(source or ""), PEGGED_TO_USD.get(target or "")
    return None if a is None or b is None or source == target else b / a
