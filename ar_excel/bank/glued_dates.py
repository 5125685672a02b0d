"""A statement whose date column a PDF conversion glued to the narrative beside it.

A converter that finds the date printed close to the narrative puts both in one cell
('02/11/2026 INWARD TRANSFER AL NOOR TRADING LLC INV-1001') under one header ('Date
Description', 'التاريخ البيان'), and no column holds a date alone. The rule: where no column
holds the booking date, a column whose cells open with a date followed by words, in three
rows at least and in most of its cells below the first of them, is the date and the narrative
run together: each of its cells is split into the date and the rest, its header into its date
words and the rest ('Date' | 'Description'; the rest named 'Description' where the header
says nothing more). A cell of that column that opens with no date ('Balance Brought
Forward') is narrative alone. The other columns keep their cells and places.
"""

from __future__ import annotations

import re
from typing import Any

from ar_excel.parsing import is_blank, normalize_digits

# a date as statements print it: 02/11/2026, 2.11.26, 2026-11-02, 02-Nov-2026, 2 Nov 2026
_DATE = (r"\d{1,2}[/.\-]\d{1,2}[/.\-]\d{2,4}|\d{4}[/.\-]\d{1,2}[/.\-]\d{1,2}|"
         r"\d{1,2}[ \-/]?(?i:(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*)\.?"
         r"[ \-/,]{0,2}\d{2,4}")
_GLUED = re.compile(rf"^\s*({_DATE})\s+(\S.*?)\s*$", re.S)
_ALONE = re.compile(rf"^\s*({_DATE})\s*$")
# a header naming the date first: 'Date', 'Txn Date', 'Posting Date', 'التاريخ', 'تاريخ القيد'
_DATE_WORDS = re.compile(
    r"(?i)^\s*((?:(?:transaction|txn|trans\.?|posting|post|booking|book|entry|value|tran)\s*)?"
    r"date|(?:ال)?تاريخ(?:\s+(?:ال)?(?:قيد|عملية|العملية|حركة|الحركة|معاملة|المعاملة))?)"
    r"\s*[/&|,\-+]?\s*(.*?)\s*$")
MIN_ROWS = 3


def _glued(cell: Any) -> re.Match[str] | None:
    """``cell`` read as a date and the words after it (groups 1 and 2), its digits in any
    script read as 0-9 (an Arabic statement's ٠٢/١١/٢٠٢٦); None where it opens otherwise."""
    return _GLUED.match(normalize_digits(cell)) if isinstance(cell, str) else None


def _glued_column(rows: list[list[Any]]) -> tuple[int, int] | None:
    """(the column, the row of its first glued cell) where one column is such; else None."""
    width = max((len(r) for r in rows), default=0)
    found = []
    for c in range(width):
        at = [i for i, r in enumerate(rows) if c < len(r) and _glued(r[c])]
        if len(at) < MIN_ROWS:
            continue
        below = [r[c] for r in rows[at[0]:] if c < len(r) and not is_blank(r[c])]
        if len(at) * 2 > len(below):
            found.append((c, at[0]))
    return found[0] if len(found) == 1 else None


def _header_split(cell: Any) -> list[Any]:
    """The glued column's header as the two columns' ('Date Description' -> 'Date',
    'Description'): a header not naming the date first ('Details') still heads the narrative,
    so the date is named 'Date' beside it; the narrative 'Description' where no words are left."""
    text = "" if is_blank(cell) else str(cell)
    m = _DATE_WORDS.match(text)
    if m:
        return [m.group(1), m.group(2) or "Description"]
    return ["Date", text or "Description"]


def date_split_off(rows: list[list[Any]]) -> tuple[list[list[Any]], int, str] | None:
    """``rows`` with the glued column split in two (a new list; ``rows`` untouched), the
    column, and a cell as it was (for the clerk's note); None where no column is glued."""
    found = _glued_column(rows)
    if found is None:
        return None
    c, first = found
    # the header: the last row above the first glued cell with text in that column
    header = next((i for i in range(first - 1, -1, -1)
                   if c < len(rows[i]) and isinstance(rows[i][c], str) and rows[i][c].strip()),
                  None)
    sample = str(rows[first][c])
    out = []
    for i, row in enumerate(rows):
        row = list(row)
        if c < len(row):
            cell = row[c]
            if i == header:
                parts = _header_split(cell)
            elif (m := _glued(cell)) is not None:
                parts = [m.group(1), m.group(2)]
            elif isinstance(cell, str) and (m := _ALONE.match(normalize_digits(cell))):
                parts = [m.group(1), None]
            else:
                parts = [None, cell]
            row[c:c + 1] = parts
        out.append(row)
    return out, c, sample
