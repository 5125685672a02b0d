"""Blank cells of a text column filled in (a name, a currency code)."""

from __future__ import annotations

from typing import TypeVar

import pandas as pd

Values = TypeVar("Values", pd.Series, pd.Index)


def filled(values: Values, blank: str = "") -> Values:
    """``values`` as objects, each blank (NaN, None) read as ``blank``. As objects first: a
    column blank on every row (no payer on the customer list, no currency named) is a float
    one, which pandas refuses to fill with text (a warning on the command's stderr now, an
    error in a later pandas)."""
    return values.astype(object).fillna(blank)
