"""A percentage column read one way down its length. Clerks type a discount as '2%', as 0.08
in a cell formatted as a percentage (Excel keeps 0.08), as the text '0.08' pasted from a
system, or as 2: the reader made the number 0.08 8 % (every typed number a fraction, so the
column is fractions) and the text '0.08' 0.08 %, so the same figure read two ways and an 8 %
discount over a 5 % policy went unseen.

Rule, per column, over its bare figures (numbers and texts without a % sign, 0 aside):

* all of them below 1, beside typed numbers read as fractions or figures written with a % of
  1 or more: the texts are fractions too (x 100), said in one Input Issue;
* some below 1 and some above it (0.08 beside 5): which the small ones are cannot be told;
  they are read as typed, and one Input Issue names their cells (write 8% if 8 % is meant).
  A column whose larger figures have decimals of their own (2.5 beside 0.5) keeps its small
  ones as typed: such a column is in percents;
* otherwise as read (a column of bare texts below 1 only is left to the billing checks, which
  tell fractions from percents by the line totals: ``core.billing.percentages``).
"""

from __future__ import annotations

import re

import numpy as np
import pandas as pd

from ar_excel.io.cells_named import cells_named
from ar_excel.model import Issue
from ar_excel.parsing import ValueTypes
from ar_excel.parsing.digits import normalize_digits

_BARE = re.compile(r"[+-]?\s*[\d.,]+")


def _figure(value: float) -> str:
    return f"{value:g}"


def percentages_read_alike(values: np.ndarray, value_kinds: ValueTypes, series: pd.Series,
                           errors: dict[int, str], sheet: str, letter: str, header: str,
                           excel_rows: list[int]) -> tuple[pd.Series, list[Issue]]:
    """``series`` (the column as parsed) with its bare texts read as its numbers are, and
    the Input Issues saying what was read so or could not be told."""
    typed: list[int] = []  # typed numbers
    bare: list[int] = []  # texts of a figure alone
    signed: list[int] = []  # texts with a % sign
    for pos, value in enumerate(values.tolist()):
        if pos in errors or pd.isna(series.iat[pos]) or series.iat[pos] == 0:
            continue
        if isinstance(value, bool):
            continue
        if isinstance(value, int | float):
            typed.append(pos)
        elif isinstance(value, str):
            text = normalize_digits(value).strip()
            if "%" in text or "٪" in text:
                signed.append(pos)
            elif _BARE.fullmatch(text):
                bare.append(pos)

    def raw(pos: int) -> float:
        value = values[pos]
        return float(value) if not isinstance(value, str) else float(series.iat[pos])

    # (as ``parsing.columns``: every typed number a fraction, the column's are fractions)
    typed_fractions = bool(typed) and all(abs(raw(p)) <= 1 for p in typed)
    free = sorted(bare + ([] if typed_fractions else typed))
    small = [p for p in free if abs(raw(p)) < 1]
    large = [p for p in free if abs(raw(p)) > 1]
    if not small:
        return series, []
    cells = [f"{letter}{excel_rows[p]}" for p in small]
    first = small[0]
    if large:
        if any(not raw(p).is_integer() for p in large):
            return series, []  # (2.5 beside 0.5: a column of percents with decimals)
        example = large[0]
        return series, [Issue(sheet, cells[0], header, values[first], (
            f"{len(small)} percentage(s) typed as a fraction beside whole percentages "
            f"({_figure(raw(example))} at {letter}{excel_rows[example]}): read as typed, "
            f"'{_figure(raw(first))}' as {_figure(raw(first))} %, which may be meant as "
            f"{_figure(raw(first) * 100)} %; write it with its % sign "
            f"({_figure(raw(first) * 100)}%) ({cells_named(cells)})"))]
    whole_signed = [p for p in signed if abs(float(series.iat[p])) >= 1]
    in_text = set(bare)  # (once: built per figure it made the column quadratic)
    texts = [p for p in small if p in in_text]
    if not texts or not (typed_fractions or whole_signed):
        return series, []
    series = series.copy()
    series.iloc[texts] = series.iloc[texts] * 100
    cells = [f"{letter}{excel_rows[p]}" for p in texts]
    why = (f"as the column's numbers ({_figure(float(values[typed[0]]))} at "
           f"{letter}{excel_rows[typed[0]]} is {_figure(float(values[typed[0]]) * 100)} %)"
           if typed_fractions else
           f"as the column's percentages written with their sign ('{str(values[whole_signed[0]]).strip()}' "
           f"at {letter}{excel_rows[whole_signed[0]]})")
    return series, [Issue(sheet, cells[0], header, values[texts[0]], (
        f"{len(texts)} percentage(s) typed as fractions read as percentages, "
        f"'{str(values[texts[0]]).strip()}' as {_figure(float(series.iat[texts[0]]))} %, {why} "
        f"({cells_named(cells)})"))]
