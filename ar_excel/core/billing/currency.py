"""Currency decimals (ISO 4217 minor units) and the rounding tolerance they imply.

An amount in a currency is right when it is within half a unit of the currency's last decimal
of the exact value: 0.005 for EGP/SAR/USD, 0.0005 for KWD/BHD/OMR/JOD/TND/LYD/IQD, 0.5 for
JPY/KRW. A blank or unknown currency has 2 decimals, the ISO default.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

# ISO 4217 currencies whose minor unit is not 2 (the list is short and changes rarely).
MINOR_UNITS: dict[str, int] = {
    # three decimals
    "BHD": 3, "IQD": 3, "JOD": 3, "KWD": 3, "LYD": 3, "OMR": 3, "TND": 3,
    # no decimals
    "BIF": 0, "CLP": 0, "DJF": 0, "GNF": 0, "ISK": 0, "JPY": 0, "KMF": 0, "KRW": 0,
    "PYG": 0, "RWF": 0, "UGX": 0, "UYI": 0, "VND": 0, "VUV": 0, "XAF": 0, "XOF": 0,
    "XPF": 0,
    # four decimals (units of account)
    "CLF": 4, "UYW": 4,
}
DEFAULT_DECIMALS = 2
FLOAT_SLACK = 1e-14  # relative float noise allowed on top of a tolerance (x max(1, |amount|))


def decimals(currencies: pd.Series) -> pd.Series:
    """Decimals of each currency code (int), 2 for blank or unknown codes."""
    codes = currencies.astype("object").where(currencies.notna(), "")
    return codes.map(lambda c: MINOR_UNITS.get(str(c).strip().upper(), DEFAULT_DECIMALS)).astype(
        "int64"
    )


def half_unit(decimal_places: pd.Series | np.ndarray | int) -> np.ndarray:
    """Rounding tolerance: half a unit of the last decimal (0.005 for 2 decimals)."""
    return 0.5 * np.power(10.0, -np.asarray(decimal_places, dtype="float64"))


def round_half_up(values: np.ndarray | pd.Series, decimal_places: np.ndarray | pd.Series
                  ) -> np.ndarray:
    """Commercial rounding (half away from zero) to each value's decimals."""
    scale = np.power(10.0, np.asarray(decimal_places, dtype="float64"))
    v = np.asarray(values, dtype="float64") * scale
    # a nudge of a few ulps so 2.675 (stored as 2.67499999...) rounds as the clerk expects
    a = np.abs(v)
    return np.sign(v) * np.floor(a + 0.5 + np.maximum(1e-9, a * 1e-12)) / scale
