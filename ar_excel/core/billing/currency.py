"""Currency decimals (ISO 4217 minor units) and the rounding tolerance they imply.

An amount in a currency is right when it is within half a unit of the currency's last decimal
of the exact value: 0.005 for EGP/SAR/USD, 0.0005 for KWD/BHD/OMR/JOD/TND/LYD/IQD, 0.5 for
JPY/KRW. A blank or unknown currency has 2 decimals, the ISO default.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from ar_excel.core.money import DEFAULT_DECIMALS, MINOR_UNITS, decimals

__all__ = ["DEFAULT_DECIMALS", "FLOAT_SLACK", "MINOR_UNITS", "decimals", "half_unit"]

FLOAT_SLACK = 1e-14  # relative float noise allowed on top of a tolerance (x max(1, |amount|))


def half_unit(decimal_places: pd.Series | np.ndarray | int) -> np.ndarray:
    """Rounding tolerance: half a unit of the last decimal (0.005 for 2 decimals)."""
    return 0.5 * np.power(10.0, -np.asarray(decimal_places, dtype="float64"))

