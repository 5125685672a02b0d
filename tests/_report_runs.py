"""A test book's month-end jobs run once, their outputs opened, and a tab read back as rows:
what the hand-worked report books (tests/test_reports_*.py) check their figures against."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import openpyxl

from ar_excel.cli import main

BUCKETS = ("Current", "1-30", "31-60", "61-90", "90+", "Total")

# Output name -> the command line that writes it (the Arabic pack is the same report job).
_JOBS: dict[str, tuple[str, ...]] = {
    "run": ("run",), "pack": ("report",), "pack_ar": ("report", "--lang", "ar"),
    "statements": ("statements",)}

# The first English header of the tabs that carry an Arabic label row above it.
_ENGLISH_HEADERS = ("Customer ID", "Priority", "KPI", "Week", "Plan", "Sheet")


def run_jobs(book: Path, as_of: str,
             outputs: tuple[str, ...] = ("run", "pack", "statements")) -> dict[str, Any]:
    """Each of ``outputs`` (run, pack, pack_ar, statements), in that order, written beside
    ``book`` as of ``as_of`` and opened with openpyxl; ``"dir"`` is the folder, where the
    statement PDFs (``statements/``) and the dunning drafts (``dunning/``) land."""
    written = {name: book.parent / f"{name}.xlsx" for name in outputs}
    for name, out in written.items():
        command, *options = _JOBS[name]
        assert main([command, str(book), "--as-of", as_of, *options, "-o", str(out)]) == 0
    opened: dict[str, Any] = {name: openpyxl.load_workbook(out) for name, out in written.items()}
    opened["dir"] = book.parent
    return opened


def table(ws) -> list[dict]:
    """The tab's rows under its English header, up to the first blank row: row 1, or row 2
    under an Arabic label row."""
    top = 2 if ws.cell(2, 1).value in _ENGLISH_HEADERS else 1
    header = [c.value for c in ws[top]]
    rows = []
    for row in ws.iter_rows(min_row=top + 1, values_only=True):
        if row[0] is None:
            break
        rows.append({h: v for h, v in zip(header, row, strict=False) if h is not None})
    return rows
