"""The Policy sheet: one setting a row, its key in the first filled cell and its value in
the cell right of it (a blank value keeps the default); a value that cannot be read, or is out
of its range, is an Input Issue at its cell (Column: the key, Value: as typed) and the default
is used."""

from __future__ import annotations

from ar_excel.io.grid import Grid
from ar_excel.model import Issue, column_letter
from ar_excel.parsing import (
    is_blank,
)
from ar_excel.policy import Policy, policy_from_pairs


def _settings(grid: Grid) -> list[tuple[str, object, str]]:
    """(key, value or None, the value's cell) of each filled row."""
    pairs = []
    for i, row in enumerate(grid.rows):
        # The key is the first filled cell; its value the cell right of it (blank keeps the
        # default), so a note in a third column is never read as the value.
        jk = next((j for j, v in enumerate(row) if not is_blank(v)), None)
        if jk is None:
            continue
        key = row[jk]
        jv = jk + 1
        value = row[jv] if jv < len(row) and not is_blank(row[jv]) else None
        cell = f"{column_letter(grid.left + jv)}{grid.top + i + 1}"
        pairs.append((str(key), value, cell))
    return pairs


def read_policy(grid: Grid) -> tuple[Policy, list[Issue]]:
    pairs = _settings(grid)
    policy, problems = policy_from_pairs(pairs)
    # The issue names the setting and shows the value as typed, beside its message.
    typed = {cell: (key, int(value) if isinstance(value, float) and value.is_integer()
                    else value) for key, value, cell in pairs}
    issues = [Issue(grid.name, cell, *typed.get(cell, ("Policy", None)), msg)
              for cell, msg in problems]
    return policy, issues


def gives_date_order(grid: Grid) -> bool:
    """Whether the sheet sets the date order: a filled row whose key, however worded, is the
    date order's (the one a "month first" value would set)."""
    return any(value is not None and not policy_from_pairs([(key, "month first", cell)])[0]
               .day_first for key, value, cell in _settings(grid))


def blank_value_cells(grid: Grid) -> dict[str, str]:
    """The cell -> key of each setting read as blank (the default kept): where the cell
    holds an Excel error the reader gave as blank, that is worth saying
    (``io.cell_errors``)."""
    return {cell: key for key, value, cell in _settings(grid) if value is None}
