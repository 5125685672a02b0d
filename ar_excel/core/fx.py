"""Exchange rates from the Policy, to weigh a customer's open items in other currencies.

A credit limit is set in the customer's currency, but an exporter's customer may owe invoices
in USD or EUR as well. Added as they stand, 1,000 USD would count as 1,000 EGP; the Policy key
``exchange_rates`` (Exchange Rates, FX Rates, أسعار الصرف) gives what one unit of each
currency is worth in the base currency: ``USD=48.50; EUR=52.10`` (also ``USD 48.5, EUR 52.1``).

The base currency is the Policy's ``base_currency``; when it is blank, the one currency of the
book the rates leave out (the rates are written against it). A currency without a rate is not
converted: the caller says so.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

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


class Rates:
    """Rates against one base currency; ``factor(from, to)`` converts between any two."""

    def __init__(self, rates: dict[str, float], base: str | None) -> None:
        self.rates = dict(rates)
        self.base = base
        if base:
            self.rates.setdefault(base, 1.0)

    def factor(self, source: str | None, target: str | None) -> float | None:
        """What one unit of ``source`` is in ``target``; 1 for the same (or an unnamed)
        currency; None when a rate is missing."""
        if not source or not target or source == target:
            return 1.0
        a, b = self.rates.get(source), self.rates.get(target)
        return None if a is None or b is None else a / b


def policy_rates(policy: Policy, currencies: Iterable[object]) -> Rates | None:
    """The Policy's exchange rates (None when it gives none, or none that can be read: the
    Policy sheet reports that at its cell). ``currencies``: those the book names, to find the
    base when the Policy does not say it."""
    try:
        rates = parse_rates(policy.get("exchange_rates"))
    except ValueError:
        return None
    if not rates:
        return None
    base = policy.base_currency.strip().upper() or None
    if base is None:
        left = {str(c).strip().upper() for c in currencies
                if isinstance(c, str) and c.strip()} - set(rates)
        base = next(iter(left)) if len(left) == 1 else None
    return Rates(rates, base)


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
