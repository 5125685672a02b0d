"""dunning.codes (currency codes as compared) works once per distinct value instead of a
Python call per row (helper-163): the same codes, index, name and type as the rule spelt
out per row."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from ar_excel.core.collections.dunning import codes


def _per_row(currencies: pd.Series) -> pd.Series:
    return currencies.map(lambda c: "" if c is None or (not isinstance(c, str) and pd.isna(c))
                          else str(c).strip().upper())


@pytest.mark.parametrize("given", [
    pd.Series(["egp ", None, np.nan, "USD", pd.NaT, pd.NA, 1.0, "", " sar", 5],
              index=list("abcdefghij"), name="Currency", dtype=object),
    pd.Series(["EGP", None, " usd"], dtype="str", index=[7, 3, 5]),
    pd.Series([np.nan, np.nan]),
    pd.Series([], dtype=object), pd.Series([], dtype="str"),
])
def test_the_same_codes_as_the_rule_per_row(given: pd.Series) -> None:
    pd.testing.assert_series_equal(codes(given), _per_row(given))
