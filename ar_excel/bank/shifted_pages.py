"""A page of a statement that a PDF-to-Excel conversion put a column to the right (or left)
of the page before, on the same sheet: its header repeated there, a column further on.

The rule: from a row repeating the header cell for cell but starting in another column, the
rows (down to the next such header) are read moved back by that many columns, where the cells
they move over are blank; each issue still names the cell where the file has it. Read as
they stand, the page's dates were taken for narratives, its narratives for amounts, and a
stamp duty of 2.50 came in as a receipt.
"""

from __future__ import annotations

from typing import Any

from ar_excel.bank.cells import row_key
from ar_excel.parsing import is_blank


def _lead(row: list[Any]) -> int | None:
    return next((i for i, c in enumerate(row) if not is_blank(c)), None)


def pages_moved_back(data: list[list[Any]], header: list[Any], heads: list[int]
                     ) -> tuple[list[list[Any]], dict[int, list[int]]]:
    """``data`` (the rows under the header) with each moved page put back under the header's
    columns, and for each row moved the file's column of each of its cells (``heads``: the
    rows of ``data`` repeating the header, ``account_sections.header_rows``)."""
    named = row_key(header)
    start = _lead(header)
    if len(named) < 2 or start is None:
        return data, {}
    out, moved = data, {}
    heads = set(heads)
    if not heads:
        return data, {}
    shift = 0
    for pos, row in enumerate(data):
        if pos in heads:
            shift = (_lead(row) or 0) - start
        if shift == 0 or not any(not is_blank(c) for c in row):
            continue
        if shift > 0 and any(not is_blank(c) for c in row[:shift]):
            continue  # a cell where the page's moved columns leave none: as it stands
        if out is data:
            out = list(data)
        if shift > 0:
            out[pos] = list(row[shift:])
            moved[pos] = [i + shift for i in range(len(out[pos]))]
        else:
            out[pos] = [None] * -shift + list(row)
            moved[pos] = [max(i + shift, 0) for i in range(len(out[pos]))]
    return out, moved
