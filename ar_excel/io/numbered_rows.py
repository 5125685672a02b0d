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
                   names: list[str], fields: set[str], keep: np.ndarray) -> list[int]:
    """The positions (among ``keep``'s rows) of rows numbered ahead: every cell of the
    contract's fields blank, and the row's only filled cells whole numbers in columns read as
    no field, each a serial (headed so, or going on by one from the row above it)."""
    field_columns = [j for j, n in enumerate(names) if n in fields]
    others = [j for j, n in enumerate(names) if n not in fields]
    if not field_columns or not others or not keep.any():
        return []
    rows = np.flatnonzero(keep)
    empty = rows  # (narrowed column by column: the first field fills most records)
    for j in field_columns:
        empty = empty[blank_mask(columns[j][empty], types[j].take(empty))]
        if not len(empty):
            return []
    found = []
    for pos in empty.tolist():
        serials = [j for j in others if not is_blank(columns[j][pos])]
        if serials and all(_is_serial(columns[j], rows, pos, header[j]) for j in serials):
            found.append(int(pos))
    return found


def _is_serial(values: np.ndarray, rows: np.ndarray, pos: int, header: Any) -> bool:
    number = _whole(values[pos])
    if number is None:
        return False
    if isinstance(header, str) and match_key(header) in _SERIAL_HEADERS:
        return True
    at = int(np.searchsorted(rows, pos))  # the record above it, rows set aside skipped
    return at > 0 and _whole(values[rows[at - 1]]) == number - 1
