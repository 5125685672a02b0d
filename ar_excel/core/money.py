"""Money is exact to its currency's minor unit (ISO 4217).

Most currencies count in hundredths (EGP, SAR, USD: two decimals); the Kuwaiti, Bahraini, Omani,
Jordanian, Tunisian, Libyan and Iraqi dinars count in thousandths (fils: three decimals); the
yen and the won have none. A blank or unknown currency has two decimals, the ISO default.
Every amount the core derives (an open amount, an application, a balance) is rounded to its own
currency's decimals, never to a fixed two: a KWD invoice of 1,234.125 is open for 1,234.125.

A total of amounts already rounded to their currencies is rounded to ``TOTAL_DECIMALS`` (three):
exact for every currency the ledger holds, and the same figure as rounding to the cent for a
two-decimal book (its float noise is far below half a fils).
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal, localcontext
from typing import Any

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
TOTAL_DECIMALS = 3  # a total of amounts already rounded to their currencies


def decimals_of(currency: Any) -> int:
    """The decimals of one currency code; 2 for a blank or unknown code."""
    if not isinstance(currency, str):
        return DEFAULT_DECIMALS
    return MINOR_UNITS.get(currency.strip().upper(), DEFAULT_DECIMALS)


def decimals(currencies: pd.Series) -> pd.Series:
    """Decimals of each currency code (int), 2 for blank or unknown codes."""
    codes = currencies.astype("object").where(currencies.notna(), "")
    return codes.map(decimals_of).astype("int64")


def _places(currencies: pd.Series | None) -> np.ndarray | None:
    """Each row's decimals, or None when every row has the default two (the common book)."""
    if currencies is None or not len(currencies):
        return None
    distinct = pd.unique(currencies.to_numpy(dtype=object))
    if all(decimals_of(c) == DEFAULT_DECIMALS for c in distinct):
        return None
    return decimals(currencies).to_numpy()


def excel_round(values: np.ndarray | pd.Series, places: np.ndarray | pd.Series | int
                ) -> np.ndarray:
    """Each value to its ``places`` decimals as Excel's ROUND and its displayed figure do:
    half away from zero, of the decimal figure the cell shows rather than its binary value. A
    total typed as ``=123.25*1.14`` holds 140.50499999999999545 and shows 140.51; numpy's
    round of the binary value gives 140.50, a cent the customer's payment of 140.51 would
    leave open. A nudge of a few ulps makes such a figure the half it shows (billing checks
    round prices and taxes with it too)."""
    scale = np.power(10.0, np.asarray(places, dtype="float64"))
    v = np.asarray(values, dtype="float64") * scale
    a = np.abs(v)
    return np.sign(v) * np.floor(a + 0.5 + np.maximum(1e-9, a * 1e-12)) / scale


def round_money(values: pd.Series, currencies: pd.Series | None) -> pd.Series:
    """Each amount rounded to its currency's decimals (``currencies`` aligned with ``values``;
    None: two decimals), half away from zero as Excel rounds (``excel_round``)."""
    places = _places(currencies)
    rounded = excel_round(values, DEFAULT_DECIMALS if places is None else places)
    if isinstance(values, pd.Series):
        return pd.Series(rounded, index=values.index, name=values.name)
    return rounded


def half_unit(places: int) -> float:
    """Half a unit of the last of ``places`` decimals (0.005 for two, 0.0005 for three): an
    amount below it is nothing."""
    return 0.5 * 10.0 ** -places


def half_units(currencies: pd.Series | None, index: pd.Index) -> pd.Series | float:
    """``half_unit`` of each row's currency (0.005 for EGP, 0.0005 for KWD). A scalar 0.005
    where every row has two decimals."""
    places = _places(currencies)
    if places is None:
        return half_unit(DEFAULT_DECIMALS)
    return pd.Series(0.5 * np.power(10.0, -places.astype("float64")), index=index)


def round_half_up(exact: Decimal, step: str) -> float:
    """``exact`` to the decimals of ``step`` (``"0.1"``), a half rounded up as an accountant
    (and Excel's ROUND) does. Any size: a ratio of 1E+300 (a figure typed in an amount cell
    in the wrong column) has more digits than the decimal module's default 28 can round,
    and rounding it raised InvalidOperation; an infinite one (two such figures added) has no
    rounding and is NaN, a blank cell."""
    if not exact.is_finite():
        return float("nan")
    with localcontext() as ctx:
        ctx.prec = max(ctx.prec, exact.adjusted() + 30)
        return float(exact.quantize(Decimal(step), rounding=ROUND_HALF_UP))


def round_total(value: float) -> float:
    """A total of amounts already rounded to their currencies, without float noise."""
    return round(float(value), TOTAL_DECIMALS)


def amount_text(value: float) -> str:
    """An amount for a sentence: 1,234.13, or 1,234.125 where it has a third decimal."""
    v = float(value)
    return f"{v:,.3f}" if round(v, 2) != round(v, 3) else f"{v:,.2f}"


def amount_in_units(value: float, places: int) -> str:
    """An amount for a sentence in its currency's minor units (``places``, ``decimals_of``):
    a dinar's three decimals on every line (12,500.250 KWD, as the tabs show it), not
    12,500.25 beside 1,500.125; a whole yen without decimals; a two-decimal currency, or an
    amount finer than its unit, as ``amount_text``."""
    v = float(value)
    if places != 2 and round(v, places) == round(v, 3):
        return f"{v:,.{places}f}"
    return amount_text(v)
