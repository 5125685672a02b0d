"""Turn a Tab's frame into the cell values and number formats Excel should receive.

Data safety rule: text from outside (bank narratives, customer names) must land as text. Excel
parses a string assigned through COM as if it were typed: ``=HYPERLINK(...)`` becomes a
formula, ``00123`` becomes the number 123, ``1-2`` a date. So text columns are formatted ``@``
(Text) before the values go in, and any string that Excel would not keep as typed gets the
apostrophe prefix, which Excel treats as "this is text" and does not store.
"""

from __future__ import annotations

import math
import re
from typing import Any

import pandas as pd

from ar_excel.io.writer import NUMBER_FORMATS as FILE_NUMBER_FORMATS
from ar_excel.io.writer import (
    count_rows,
    default_format,
    excel_text,
    number_formats,
    plain_value,
    row_money_formats,
)

# The file writer's number formats, so a tab looks the same written from Excel or the CLI.
NUMBER_FORMATS = FILE_NUMBER_FORMATS


_RISKY_START = ("=", "+", "-", "@", "\t", "\r", "\n")
_LOOKS_PARSED = re.compile(
    r"""^\s*(
        [-+]?[\d.,\s٠-٩۰-۹]+%?            # numbers, with separators or a percent sign
      | \d{1,4}[-/.]\d{1,2}([-/.]\d{1,4})?  # dates Excel would convert
      | \d{1,2}:\d{2}(:\d{2})?              # times
      | (true|false)                        # booleans
      | \(?[$€£¥]\s?[\d.,]+\)?              # currency amounts
    )\s*$""",
    re.IGNORECASE | re.VERBOSE,
)


def as_text(value: str) -> str:
    """A string written so Excel keeps it exactly, never as a formula or a converted number."""
    value = _clip(value)
    if value.startswith(_RISKY_START) or value.startswith("'") or _LOOKS_PARSED.match(value):
        return "'" + value
    return value


def _clip(value: str) -> str:
    """Control characters dropped, cut at Excel's cell limit (as the file writer does)."""
    return excel_text(value)


def cell_value(value: Any, text_column: bool = False) -> Any:
    """One pandas/numpy value as a plain Python value xlwings writes as it is."""
    if isinstance(value, str):
        # a cell formatted "@" keeps what is assigned as text, formulas included; only a
        # leading apostrophe would be taken as Excel's text marker and dropped
        if text_column:
            value = _clip(value)
            return "'" + value if value.startswith("'") else value
        return as_text(value)
    plain = plain_value(value)
    return as_text(plain) if isinstance(plain, str) else plain


def column_format(frame: pd.DataFrame, column: str, formats: dict[str, str]) -> str | None:
    """The Excel number format for a column: the Tab's own, else from its dtype as the file
    writer takes it (``writer.default_format``), else text for a column of text only."""
    kind = formats.get(column)
    if kind not in NUMBER_FORMATS and kind != "bool":
        kind = default_format(frame[column])
    if kind is None:
        return NUMBER_FORMATS["text"] if _all_text(frame[column]) else None
    return NUMBER_FORMATS.get(kind)  # a bool column has no number format


def column_formats(frame: pd.DataFrame, formats: dict[str, str]) -> list[str | None]:
    """Each column's ``column_format``; a money column's in the decimals of the currency
    most of its rows name, as the file writer's (``writer.number_formats``): a tab of KWD
    amounts shows 1,250.125, not 1,250.13 (the rows of other currencies:
    ``writer.row_money_formats``)."""
    by_file: list[str | None] | None = None
    out = []
    for j, h in enumerate(map(str, frame.columns)):
        fmt = column_format(frame, h, formats)
        if fmt == NUMBER_FORMATS["money"]:
            by_file = by_file if by_file is not None else number_formats(frame, formats)
            fmt = by_file[j] or fmt
        out.append(fmt)
    return out


def row_formats(frame: pd.DataFrame, formats: dict[str, str]
                ) -> list[tuple[int, list[int], str]]:
    """(column position, row positions, number format) of the cells whose format is not
    their column's (``column_formats``), for the live path, which formats ranges where the
    file writer formats each typed value: the amounts of a money or figure column in rows
    whose currency has other decimals (``writer.row_money_formats``, ``by_row_currency``: a
    KWD row under EGP ones shows 1,250.125), then a figure column's whole numbers (a KPI's
    count of invoices shows 35, not 35.00: ``TextLayout.whole``)."""
    out = row_money_formats(frame, formats)
    whole = getattr(NUMBER_FORMATS["figure"], "whole", None)
    if whole:
        out += [(j, sorted(rows), whole) for j, h in enumerate(frame.columns)
                if formats.get(h) == "figure" and (rows := count_rows(frame.iloc[:, j]))]
    return out


def _all_text(series: pd.Series) -> bool:
    values = [v for v in series.tolist() if v is not None and not (isinstance(v, float) and math.isnan(v))]
    return bool(values) and all(isinstance(v, str) for v in values)
