"""Money in integer units: every amount of a matching run is counted in one unit.

Accounting rule: amounts are compared exactly to the minor unit of their currency (cents for
EGP/SAR/USD, fils for KWD/BHD/OMR), never as floats. A run counts in cents, or in thousandths
where some currency of the ledger or the statement has three decimals; each amount is first
rounded to its own currency's minor unit.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from ar_excel.core.money import decimals_of

# Amounts are counted in integers of one unit for every currency of a run: cents (``unit``
# 100), or thousandths (1,000) where some currency of the ledger or the statement counts in fils
# (KWD, BHD, OMR...). An amount is first rounded to its own currency's minor unit, which is
# ``grain`` units (in thousandths: 10 for EGP/SAR/USD, 1 for KWD, 1,000 for JPY).
CENTS, THOUSANDTHS = 100, 1_000


def unit_of(currencies: list) -> int:
    """The unit a run counts in: thousandths where a currency has three decimals, else cents."""
    return THOUSANDTHS if any(decimals_of(c) >= 3 for c in set(currencies)) else CENTS


def grain(currency: str | None, unit: int) -> int:
    """The units in the currency's minor unit (finer than the unit: one unit)."""
    return max(unit // 10 ** decimals_of(currency), 1)


def units(x: float, grain: int, unit: int) -> int:
    """An amount in units, rounded to the minor unit of ``grain`` units."""
    return int(round(float(x) * (unit // grain))) * grain


def cents(x: float) -> int:
    return int(round(float(x) * 100))


def amounts_in_units(values: pd.Series, unit: int, grains: np.ndarray | None = None) -> list[int]:
    """Amounts in units, each rounded to its minor unit (``grains``; None: cents)."""
    v = pd.to_numeric(values, errors="coerce").fillna(0.0).to_numpy(float)
    if grains is None:
        cents_ = np.round(v * 100).astype(np.int64)
        return (cents_ if unit == CENTS else cents_ * (unit // CENTS)).tolist()
    return (np.round(v * (unit // grains)).astype(np.int64) * grains).tolist()


def money_text(amount: int, unit: int) -> str:
    """Units as an amount for a reason: 1,234.13, or 1,234.125 where it has a third decimal."""
    if unit == THOUSANDTHS and amount % 10:
        return f"{amount / unit:,.3f}"
    return f"{amount / unit:,.2f}"
