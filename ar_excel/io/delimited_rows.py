"""A CSV opened in Excel without being split into columns, then saved as a workbook.

An export written with semicolons (``Invoice No;Customer ID;Invoice Date;Amount``, as
European and Arabic-locale systems write CSV, their decimal mark being the comma) or tabs,
opened in an Excel whose list separator is the comma, lands whole in column A: each row one
text. The clerk would split it with Text to Columns; the reader does the same, where every
filled row of the sheet's top is one text holding the same separator, and says so in one
Input Issue. Quoted values (``"Nile Foods; Cairo"``) keep their separators, as in a CSV.
"""

from __future__ import annotations

import csv
from typing import Any

from ar_excel.io.grid import Grid
from ar_excel.model import Issue, column_letter
from ar_excel.parsing import is_blank

_SEPARATORS = (";", "\t", "|")
_ROWS_LOOKED_AT = 20


def _one_text(row: list[Any]) -> str | None:
    """The row's only filled cell, where it is a text (else None)."""
    filled = [v for v in row if not is_blank(v)]
    return filled[0] if len(filled) == 1 and isinstance(filled[0], str) else None


def _separator(rows: list[list[Any]]) -> str | None:
    """The separator every filled row of the sheet's top splits into the same number (two
    or more) of values by, or None."""
    top = [r for r in rows[:_ROWS_LOOKED_AT * 3] if any(not is_blank(v) for v in r)]
    top = top[:_ROWS_LOOKED_AT]
    texts = [_one_text(r) for r in top]
    if len(texts) < 2 or any(t is None for t in texts):
        return None
    for separator in _SEPARATORS:
        widths = {len(next(csv.reader([t], delimiter=separator))) for t in texts}
        if len(widths) == 1 and widths.pop() >= 3:
            return separator
    return None


def split_delimited(grid: Grid) -> None:
    """Split a sheet whose rows are each one delimited text into its columns, in place (the
    grid's values and a note saying so); a sheet of columns is left as it is."""
    if grid.header is not None or not grid.rows:
        return
    separator = _separator(grid.rows)
    if separator is None:
        return
    rows = []
    for row in grid.rows:
        text = _one_text(row)
        rows.append(next(csv.reader([text], delimiter=separator)) if text is not None
                    and separator in text else list(row))
    width = max(map(len, rows))
    grid.rows = [[None if isinstance(v, str) and not v.strip() else v for v in r]
                 + [None] * (width - len(r)) for r in rows]
    shown = {";": "';'", "\t": "tabs", "|": "'|'"}[separator]
    sheet = grid.sheet or grid.name
    grid.notes.append(Issue(
        sheet, f"{column_letter(grid.left)}{grid.top + 1}", "", None,
        f"sheet '{sheet}' holds each row in one cell, its values separated by {shown} (a CSV "
        f"opened without being split into columns): read split into {width} columns, its "
        f"cells named as Excel's Text to Columns would place them"))
