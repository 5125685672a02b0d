"""The early-payment (cash) discount a customer's payment terms grant: "2/10 Net 30".

"2/10 Net 30" means: 2 % off when paid within 10 days of the invoice, else the full amount in
30. Masters and ERPs write it "2/10 Net 30", "2/10 N30", "2/10, n/30", "2%/10 net 30",
QuickBooks' "2% 10 Net 30", Dynamics GP's "2% 10/Net 30", "1.5/15, Net 45", or spelled out: "2% 10 days, net 30", "خصم ٢٪ خلال ١٠ أيام صافي ٣٠".
The net days are ``parse_terms``'s; this module reads the discount beside them, so cash
application can tell an agreed discount taken in time from a short payment.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from ar_excel.parsing.digits import normalize_digits

# Beside a sheet's Payment Terms, where any of its terms grant an early-payment discount: the
# ``EarlyDiscount`` on those rows (None on the others).
EARLY_DISCOUNT = "_early_discount"
# Beside a sheet's Discount % column, where a master writes the terms that grant the discount
# there ("2/10 Net 30": the parsed percent keeps only the 2): the ``EarlyDiscount`` on those rows.
EARLY_DISCOUNT_COLUMN = "_early_discount_column"

_DAYS = r"(?:\s*(?:days?|d|يوم|أيام|ايام|يوما|يومًا))?"
_EARLY_DISCOUNT = re.compile(
    r"(?i)^(?:(?:cash\s+)?discount\s+|خصم\s+(?:تعجيل\s+(?:ال)?دفع\s+)?)?"
    r"(\d{1,2}(?:\.\d{1,2})?)\s*(?:%\s*/?|/|٪\s*/?)\s*"
    r"(?:(?:if\s+paid\s+)?within\s+|in\s+|خلال\s+)?(\d{1,3})" + _DAYS +
    r"\s*[,;/]?\s*(?:(?:n(?:et)?|صافي|الصافي)\s*/?\s*)(\d{1,3})" + _DAYS + r"$")


@dataclass(frozen=True)
class EarlyDiscount:
    """``rate`` percent off the invoice when paid within ``days`` of its date."""

    rate: float
    days: int

    def __str__(self) -> str:
        return f"{self.rate:g} % within {self.days} days"


def _match(text: str) -> re.Match[str] | None:
    return _EARLY_DISCOUNT.match(" ".join(normalize_digits(text).replace("٫", ".").split()))


def discount_terms_net_days(text: str) -> int | None:
    """The net days of terms that grant an early-payment discount ("2% 10 days, net 30": 30),
    None for other terms."""
    m = _match(text)
    return int(m[3]) if m is not None else None


def early_payment_discount(value: Any) -> EarlyDiscount | None:
    """The early-payment discount payment terms written like "2/10 Net 30" grant; None for
    terms that grant none ("Net 30", 30, "COD") or that cannot be one (a rate of 0 or over
    10 %, or a discount period not shorter than the net days)."""
    if not isinstance(value, str):
        return None
    m = _match(value)
    if m is None:
        return None
    rate, days, net = float(m[1]), int(m[2]), int(m[3])
    if not 0 < rate <= 10 or not 0 < days < net:
        return None
    return EarlyDiscount(rate, days)


def early_discount_column(values: np.ndarray, texts: np.ndarray) -> pd.Series | None:
    """Per row of a Payment Terms column (``texts``: where it holds text), the early-payment
    discount its terms grant; None when no row's terms grant one."""
    where = np.flatnonzero(texts)
    found = [early_payment_discount(values[k]) if "/" in values[k] or "%" in values[k]
             or "٪" in values[k] else None for k in where.tolist()]
    if not any(found):
        return None
    out = np.full(len(values), None, dtype=object)
    out[where] = found
    return pd.Series(out, dtype=object)
