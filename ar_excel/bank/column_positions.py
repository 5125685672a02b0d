"""Statement columns named by their place: a column letter (``D``) or a 1-based number (``4``).

The rule: a file without a header row (or with one nobody can read) is mapped the way an
accountant sees it in Excel - ``--bank-columns "Date=A;Amount=D;Description=C"``. A value of
the mapping is a header first: only where no row of the file has it as a header is it read as
a place, so a header ``CCY`` or ``Ref`` is still found by name. The statement lines start at
the first row whose named date column holds a date and whose named money column holds an
amount; the row above them, when its cells there are words, is the header (its other columns
are then recognised as usual); everything above is the account information (preamble).
"""

from __future__ import annotations

import re
from typing import Any

from ar_excel.bank.column_words import (
    MONEY_ROLES,
    OPTION_KEYS,
    Layout,
    header_row_asked,
    is_gregorian_date,
    match_columns,
    reads_as_amount,
    split_header,
)
from ar_excel.errors import InputError
from ar_excel.model import column_letter
from ar_excel.parsing import is_blank

_PLACE = re.compile(r"(?i)^\s*(?:col(?:umn)?\.?\s*|#)?([A-Z]{1,3}|\d{1,5})\s*$")
_LAST_EXCEL_COLUMN = 16383  # XFD


def column_place(value: Any) -> int | None:
    """0-based index of a column named by letter (``A``, ``ad``, ``column C``) or by 1-based
    number (``4``, ``#4``, ``col 4``); None for anything else."""
    if not isinstance(value, str):
        return None
    m = _PLACE.match(value)
    if not m:
        return None
    from openpyxl.utils import column_index_from_string  # (only a mapping by place needs it)

    text = m.group(1).upper()
    index = (int(text) if text.isdigit() else column_index_from_string(text)) - 1
    return index if 0 <= index <= _LAST_EXCEL_COLUMN else None


def _places(mapping: dict[str, Any]) -> dict[str, int]:
    return {canon: place for canon, value in mapping.items()
            if canon not in OPTION_KEYS and (place := column_place(value)) is not None}


def _is_a_line(row: list[Any], places: dict[str, int]) -> bool:
    """Whether a row has a date where the mapping puts the (booking) date, and an amount in
    one of the columns it puts money in."""
    cells = {canon: row[idx] if idx < len(row) else None for canon, idx in places.items()}
    when = cells.get("Date", cells.get("Value Date"))
    if ("Date" in cells or "Value Date" in cells) and (
            is_blank(when) or (isinstance(when, str) and not re.search(r"\d", when))
            or not is_gregorian_date(when)):
        return False
    money = [cells[c] for c in ("Amount", "Debit", "Credit") if c in cells]
    return not money or any(reads_as_amount(v) for v in money)


def layout_by_places(rows: list[list[Any]], mapping: dict[str, Any], source: str,
                     scan: int) -> Layout | None:
    """The layout of a file whose mapping names columns by letter or number (None when it
    names none so); an ``InputError`` where a place is outside the file or named twice."""
    places = _places(mapping)
    if not places:
        return None
    width = max((len(r) for r in rows[:scan + 200]), default=0)
    for canon, idx in places.items():
        if idx >= width:
            raise InputError(
                f"{source}: --bank-columns puts {canon} in column {column_letter(idx)} "
                f"(number {idx + 1}), but the file's rows have {width} columns "
                f"(A to {column_letter(max(width - 1, 0))}); no header of the file is "
                f"'{mapping[canon]}' either")
    taken: dict[int, str] = {}
    for canon, idx in places.items():
        if idx in taken:
            raise InputError(f"{source}: --bank-columns puts both {taken[idx]} and {canon} in "
                             f"column {column_letter(idx)}")
        taken[idx] = canon
    named = {c: v for c, v in mapping.items() if c not in places}
    asked = header_row_asked(mapping, rows, source)
    if asked is not None:
        first_line = asked + 1
    else:
        first_line = next((r for r in range(min(len(rows), scan)) if _is_a_line(rows[r], places)),
                          None)
        if first_line is None:
            wanted = ", ".join(f"{c}={column_letter(i)}" for c, i in places.items())
            raise InputError(
                f"{source}: no row in the first {scan} has a date and an amount in the columns "
                f"--bank-columns names ({wanted}); check the letters against the file opened "
                "in Excel")
    above = first_line - 1
    header = rows[above] if above >= 0 else []
    # a header names every column the mapping places (an "Opening balance | 10,000" line
    # above the first line does not: it stays account information)
    words = [header[i] if i < len(header) else None for i in places.values()]
    has_header = all(
        isinstance(w, str) and w.strip() and not is_gregorian_date(w) and not reads_as_amount(w)
        for w in words)
    layout = match_columns(header, named) if has_header else None
    if layout is None:
        if any(not isinstance(v, list) and c not in places for c, v in named.items()
               if c not in OPTION_KEYS):
            raise InputError(
                f"{source}: the mapping names headers not found in the row above the first "
                f"statement line: {[v for c, v in named.items() if c not in OPTION_KEYS]}")
        layout = Layout(above, {}, [], None, [], headerless=True)
    for canon, idx in places.items():  # the places named win over headers recognised
        for held in [c for c, i in layout.columns.items() if i == idx or c == canon]:
            del layout.columns[held]
        layout.columns[canon] = idx
    layout.parts = [i for i in layout.parts if i not in places.values()]
    layout.asked = layout.asked | frozenset(places)
    layout.header_row = above
    if layout.headerless:
        layout.headers = [f"column {column_letter(i)}" for i in range(width)]
    else:  # "Amount (EGP)" over a money column named by its letter
        layout.currency_hint = layout.currency_hint or next(
            (ccy for canon, idx in places.items() if canon in MONEY_ROLES and idx < len(header)
             and (ccy := split_header(header[idx])[1])), None)
    return layout
