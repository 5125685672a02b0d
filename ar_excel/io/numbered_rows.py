"""Rows a clerk numbered ahead: a serial column ("م", "#", "ت", "مسلسل") filled 1 to 50 down
the sheet before the records are typed, the rows past the last record holding nothing but
their number. Such a row is no record: not a customer missing its ID and name, not an invoice
missing its number, date and amount, not a receipt (where a customer filled down from above
would have made it one). Every sheet's reader sets them aside, silently (nothing on them is
lost: the number is only the row's place in the list)."""

from __future__ import annotations

from typing import Any

import numpy as np

from ar_excel.names import match_key
from ar_excel.parsing import ValueTypes, blank_mask
from ar_excel.parsing.digits import is_blank, normalize_digits

# A serial column's usual headers (keys as ``names.match_key`` gives them).
_SERIAL_HEADERS = frozenset(match_key(h) for h in (
    "م", "#", "ت", "مسلسل", "المسلسل", "رقم مسلسل", "الرقم المسلسل", "تسلسل", "التسلسل", "ر.م",
    "No", "No.", "S/N", "SN", "S.No", "Sr", "Sr.", "Sr No", "Sl", "Sl No", "Serial",
    "Serial No", "Seq", "#No"))


def _whole(value: Any) -> int | None:
    """The whole number a serial cell holds (1, 1.0, "١١", " 7 "), or None."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        return int(value) if float(value).is_integer() else None
    if isinstance(value, str):
        text = normalize_digits(value).strip()
        return int(text) if text.isdigit() else None
    return None


def numbered_ahead(columns: list[np.ndarray], types: list[ValueTypes], header: list[Any],
                   names: list[str], fields: set[str], keep: np.ndarray,
                   required: set[str] | None = None) -> tuple[list[int], list[int]]:
    """The positions (among ``keep``'s rows) of rows numbered ahead: every cell of the
    contract's ``required`` fields blank, and the row's filled cells: in a column read as no
    field, a whole number that is a serial (headed so, or going on by one from the row above
    it); beside it only the numbers of the row above carried down (a running total's formula
    copied down the rows ahead shows the last record's total again), in any column. Also
    which of them hold such a number (to be said: a row set aside with a figure on it)."""
    required = fields if required is None else required
    must_be_blank = [j for j, n in enumerate(names) if n in required]
    others = [j for j, n in enumerate(names) if n not in fields]
    rest = [j for j, n in enumerate(names) if n in fields and n not in required]
    if not must_be_blank or not others or not keep.any():
        return [], []
    rows = np.flatnonzero(keep)
    empty = rows  # (narrowed column by column: the first field fills most records)
    for j in must_be_blank:
        empty = empty[blank_mask(columns[j][empty], types[j].take(empty))]
        if not len(empty):
            return [], []
    found, with_figures = [], []
    for pos in empty.tolist():
        filled = [j for j in others if not is_blank(columns[j][pos])]
        serial = [j for j in filled if _is_serial(columns[j], rows, pos, header[j])]
        carried = [j for j in rest if not is_blank(columns[j][pos])]
        copied = [*carried, *(j for j in filled if j not in serial)]
        if serial and all(_carried(columns[j], rows, pos) for j in copied):
            found.append(int(pos))
            if copied:
                with_figures.append(int(pos))
    return found, with_figures


def _carried(values: np.ndarray, rows: np.ndarray, pos: int) -> bool:
    value = values[pos]
    if isinstance(value, bool) or not isinstance(value, int | float):
        return False  # (a word copied down, "نشط", is typed: the row is begun)
    at = int(np.searchsorted(rows, pos))
    return at > 0 and value == values[rows[at - 1]]


def _is_serial(values: np.ndarray, rows: np.ndarray, pos: int, header: Any) -> bool:
    number = _whole(values[pos])
    if number is None:
        return False
    if isinstance(header, str) and match_key(header) in _SERIAL_HEADERS:
        return True
    at = int(np.searchsorted(rows, pos))  # the record above it, rows set aside skipped
    return at > 0 and _whole(values[rows[at - 1]]) == number - 1
