"""A figure a PDF-to-Excel conversion moved out of its money column.

A statement converted from PDF often has a column without a header between Debit and Credit
(the gap between them on the page), and now and then the converter puts a line's amount in
that gap instead of under its header. The line then has no amount in its columns.

The rule: the one figure of such a line in a column without a header beside the money
columns is the line's amount where the running balance moves by exactly that figure between
the row above and this one (its sign is the balance's move: money in where the balance
rises); the line is kept and said at the figure's cell. Where no running balance says so, the
line is left out, as a line without an amount is, and the figure and its cell are named so
the clerk can put it in its column.
"""

from __future__ import annotations

import math
from typing import Any

import numpy as np

from ar_excel.bank.numbers import parse_amount
from ar_excel.bank.row_issues import RowIssues
from ar_excel.parsing import is_blank


def shifted_figure(row: list[Any], header: list[str], money: list[int],
                   decimal: str) -> tuple[int, float] | None:
    """(column, figure) of the one figure of ``row`` in a column without a header next to or
    between the ``money`` columns (Amount, Debit, Credit); None where none or several."""
    if not money:
        return None
    found = []
    for idx in range(max(min(money) - 1, 0), min(max(money) + 2, len(row))):
        if idx in money or (idx < len(header) and str(header[idx] or "").strip()):
            continue
        cell = row[idx]
        if is_blank(cell) or isinstance(cell, bool):
            continue
        try:
            value = parse_amount(cell, decimal)
        except ValueError:
            continue
        if value is not None and not math.isnan(value) and value != 0:
            found.append((idx, float(value)))
    return found[0] if len(found) == 1 else None


def balance_move(balance: np.ndarray | None, pos: int) -> tuple[float, float] | None:
    """(balance above, balance here) where row ``pos`` and a row above it print a running
    balance; None where either does not."""
    if balance is None or np.isnan(balance[pos]):
        return None
    above = np.flatnonzero(~np.isnan(balance[:pos]))
    if not len(above):
        return None
    return float(balance[above[-1]]), float(balance[pos])


def amounts_out_of_their_columns(data: list[list[Any]], rows: list[int], header: list[str],
                                 money: list[int], decimal: str, balance: np.ndarray | None,
                                 report: RowIssues) -> dict[int, float | None]:
    """For each of ``rows`` (lines without an amount) holding a shifted figure: its amount
    where the running balance moves by it, else None (left out); either way said at the
    figure's cell. Rows without such a figure are not in the answer."""
    out: dict[int, float | None] = {}
    for pos in rows:
        found = shifted_figure(data[pos], header, money, decimal)
        if found is None:
            continue
        idx, figure = found
        cell = report.cell(pos, idx)
        move = balance_move(balance, pos)
        if move is not None and abs(abs(move[1] - move[0]) - abs(figure)) < 0.005:
            out[pos] = amount = abs(figure) if move[1] > move[0] else -abs(figure)
            report.add(pos, 5, cell, "", data[pos][idx], (
                f"the line's amount {abs(figure):,.2f} stands in {cell}, a column without a "
                "header beside the money columns (moved there by the file's conversion from "
                f"PDF): read as money {'in' if amount > 0 else 'out'}, as the running balance "
                f"{'rises' if amount > 0 else 'falls'} by it ({move[0]:,.2f} to "
                f"{move[1]:,.2f}); check it against the bank's statement"))
            continue
        out[pos] = None
        report.add(pos, 5, cell, "", data[pos][idx], (
            f"no amount in the line's columns, but {abs(figure):,.2f} stands in {cell}, a "
            "column without a header beside them (moved there by the file's conversion from "
            "PDF?), and no running balance tells whether it is money in or out: the line was "
            "left out; put the figure under Debit or Credit and import the file again"))
    return out
