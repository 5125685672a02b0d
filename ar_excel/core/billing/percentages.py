"""Rates typed as fractions (0.14 for 14 %) are read the way the sheet means them.

Rule: a Tax Rate or Discount % column whose non-zero values are all between 0 and 1 is read as
fractions (multiplied by 100) when that makes more of the sheet's Line Totals add up than
reading it as typed; for tax rates, also when the totals cannot tell (totals before tax) and
every such rate times 100 is an allowed rate. A column mixing both forms is left as typed, and
the checks report each odd line. A discount column holding amounts rather than percentages
(an ETA export's ``الخصم``) is read as Discount Amount when that makes more Line Totals add
up, where the sheet has no discount amount column. Each conversion is named in the job's
summary.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from ar_excel.core.billing.currency import half_unit

_COLUMNS = ("Tax Rate", "Discount %")


def _fits(lines: pd.DataFrame, places: np.ndarray, disc: np.ndarray, rate: np.ndarray) -> int:
    qty = lines["Quantity"].fillna(1.0).to_numpy(dtype="float64")
    price = lines["Unit Price"].to_numpy(dtype="float64")
    total = lines["Line Total"].to_numpy(dtype="float64")
    net = qty * price * (1.0 - disc / 100.0) - lines["Discount Amount"].fillna(0.0).to_numpy()
    tol = half_unit(places) * 2.0  # per line, lenient: this only picks a reading
    fits = (np.abs(total - net * (1.0 + rate / 100.0)) <= tol) | (np.abs(total - net) <= tol)
    return int(fits.sum())


def as_percentages(lines: pd.DataFrame, places: pd.Series,
                   allowed_tax: tuple[float, ...]) -> tuple[pd.DataFrame, list[str]]:
    """``lines`` with fraction-typed rate columns multiplied by 100, and a note for each."""
    notes: list[str] = []
    for column in _COLUMNS:
        values = lines[column].to_numpy(dtype="float64")
        given = ~np.isnan(values) & (values != 0)
        if not given.any() or not ((values[given] > 0) & (values[given] < 1)).all():
            continue
        scaled = np.where(np.isnan(values), np.nan, values * 100.0)
        disc = lines["Discount %"].fillna(0.0).to_numpy(dtype="float64")
        rate = lines["Tax Rate"].fillna(0.0).to_numpy(dtype="float64")
        p = places.to_numpy()
        rows = given
        sub = lines[rows]
        if column == "Tax Rate":
            as_typed = _fits(sub, p[rows], disc[rows], rate[rows])
            as_fraction = _fits(sub, p[rows], disc[rows], np.nan_to_num(scaled)[rows])
            allowed = np.isin(np.round(scaled[given], 6), np.round(allowed_tax, 6)).all()
            convert = as_fraction > as_typed or (as_fraction == as_typed and bool(allowed))
        else:
            as_typed = _fits(sub, p[rows], disc[rows], rate[rows])
            as_fraction = _fits(sub, p[rows], np.nan_to_num(scaled)[rows], rate[rows])
            convert = as_fraction > as_typed
        if convert:
            lines = lines.assign(**{column: scaled})
            notes.append(f"{column} read as fractions (0.14 = 14%)")
    return _discounts_as_amounts(lines, places, notes)


def _discounts_as_amounts(lines: pd.DataFrame, places: pd.Series, notes: list[str]
                          ) -> tuple[pd.DataFrame, list[str]]:
    """A discount column holding amounts (an ETA export's ``الخصم``: 50.00 off the line, not
    50 %) where the sheet has no discount amount column: read as amounts when that makes
    more Line Totals add up than reading them as percentages."""
    values = lines["Discount %"].to_numpy(dtype="float64")
    given = ~np.isnan(values) & (values != 0)
    if not given.any() or lines["Discount Amount"].notna().any():
        return lines, notes
    sub = lines[given]
    p = places.to_numpy()[given]
    rate = sub["Tax Rate"].fillna(0.0).to_numpy(dtype="float64")
    as_percent = _fits(sub, p, values[given], rate)
    as_amount = _fits(sub.assign(**{"Discount Amount": values[given]}), p,
                      np.zeros(int(given.sum())), rate)
    if as_amount <= as_percent:
        return lines, notes
    notes.append("Discount % read as amounts off each line (they add up so)")
    return lines.assign(**{"Discount Amount": lines["Discount %"],
                           "Discount %": np.nan}), notes
