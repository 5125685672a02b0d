"""Test workbooks written as a clerk's file: sheets of rows, typed as they are."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import openpyxl

from ar_excel.io.sheet_rows import save_workbook as write_without_temp_files


def save_sheets(path: Path, sheets: dict[str, list[list[Any]]], *,
                merges: dict[str, list[str]] | None = None, hidden: tuple[str, ...] = (),
                post: Callable[[Any], None] | None = None) -> Path:
    """``sheets`` (title -> rows, appended from A1) saved as an .xlsx at ``path``; ``merges``:
    ranges to merge per sheet; ``hidden``: sheets to hide; ``post``: a last touch to the
    openpyxl workbook before it is saved."""
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    for title, rows in sheets.items():
        ws = wb.create_sheet(title)
        for row in rows:
            ws.append(row)
        for cells in (merges or {}).get(title, []):
            ws.merge_cells(cells)
        if title in hidden:
            ws.sheet_state = "hidden"
    if post is not None:
        post(wb)
    save_workbook(wb, path)
    return path


def save_workbook(wb: Any, path: Path) -> Path:
    """``wb.save(path)`` with the same parts, written without temporary files (the product's
    writer, with no rows deferred)."""
    write_without_temp_files(wb, path, {})
    return path


def save_frames(path: Path, sheets: dict[str, Any]) -> Path:
    """``sheets`` (title -> DataFrame, headers in row 1) saved as an .xlsx at ``path``; a
    ``Payments`` sheet with the contract's columns and no rows where none is given (a book
    whose receipts are all on the statement)."""
    import pandas as pd

    sheets = {**sheets}
    sheets.setdefault("Payments", pd.DataFrame(
        columns=["Payment ID", "Customer ID", "Date", "Amount", "Invoice No"]))
    with pd.ExcelWriter(path) as writer:
        for title, frame in sheets.items():
            frame.to_excel(writer, sheet_name=title, index=False)
    return path
