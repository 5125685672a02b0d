"""Withholding tax at source: a receipt that pays invoices less the income tax the customer withheld.

Accounting rule (Egypt's Form 41, خصم تحت حساب الضريبة / خصم من المنبع; the same practice in
many countries): a customer withholds a percentage of each payment to a supplier (1 % on goods,
3 % on services, 5 % on some professional fees), pays the rest and sends a certificate. The
invoice is settled in full: the receipt is applied, and the amount withheld is a receivable
from the tax authority (recovered against the supplier's income tax), not a write-off.

The tax is computed on the invoice's total or on its amount before VAT (the reader folds net and
VAT into the invoice total, so the amount before VAT is the total less one of the policy's
allowed VAT rates). A gap is read as withholding when it is, to the minor unit, a policy rate of
one of those bases, per invoice (each invoice's tax rounded on its own). A bank charge on top
(a whole amount within the policy's absolute fee tolerance) is written off as before.

A gap of a whole amount within the fee tolerance (20.00 on a 2,000.00 invoice) reads as bank
charges just as well: it stays a fee write-off, the reading that does not need a certificate.
"""

from __future__ import annotations

from dataclasses import dataclass

from ar_excel.policy import Policy

# Egypt's rates when the Policy sheet does not give any: goods, services, professional fees.
EGYPT_RATES_PCT = (1.0, 3.0, 5.0)


@dataclass(frozen=True, slots=True)
class Reading:
    """One way the receipt pays ``invoices`` less tax: each invoice's tax (units), the rate
    (%), the base (``total`` or ``net of VAT n%``) and a bank charge on top (units)."""

    invoices: tuple[int, ...]
    withheld: tuple[int, ...]
    rate: float
    base: str
    fee: int = 0


def rates_for(policy: Policy, currency: str) -> tuple[float, ...]:
    """The withholding rates read on an invoice in ``currency``: the policy's for every
    currency when it sets them, else Egypt's for an EGP invoice only (a blank currency is
    the book's base currency)."""
    if policy.withholding_tax_rates_pct is not None:
        return policy.withholding_tax_rates_pct
    ccy = (currency or policy.base_currency or "").strip().upper()
    return EGYPT_RATES_PCT if ccy == "EGP" else ()


def bases(policy: Policy) -> tuple[tuple[str, float], ...]:
    """(name, divisor) of the amounts the tax may be computed on: the total, and the amount
    before each of the policy's non-zero VAT rates."""
    vat = sorted({r for r in policy.allowed_tax_rates_pct if r > 0})
    return (("total", 1.0),) + tuple((f"net of {r:g}% VAT", 1.0 + r / 100.0) for r in vat)


def tax_on(amount: int, rate: float, divisor: float, grain: int) -> int:
    """The tax at ``rate`` % on ``amount`` units (a total, divided by ``divisor`` for its
    amount before VAT), rounded to the minor unit of ``grain`` units."""
    return int(round(amount / divisor * rate / 100.0 / grain)) * grain
