"""Debit and Credit columns where a row does not say plainly which way the money went.

The rules:

* A Debit column holds money out and a Credit column money in, whichever sign the bank
  prints. Printing every debit with a minus is one way of exporting ("-120.50" under
  ``Soll``): where most of the Debit column is negative, a negative debit is simply money out,
  and a positive one among them is odd: still money out unless the running balance rises by
  it (a debit reversed, written the other way), told either way. Otherwise a figure signed against its column is a reversal: a negative credit (a credit
  reversed, a cheque returned unpaid) is money out, a negative debit (a charge refunded, a
  payment returned) money in.
* A row with both a debit and a credit (neither zero) is read as their difference.
* Where a running balance is printed, it decides each such row: the reading it moves by is
  taken (for a row with both sides: the difference, the credit alone or the debit alone).
* Whether a row moves the running balance by its own amount (a line, not a totals row) is
  asked of every reading these rules allow (``readings_of``).
* Every such row is told to the clerk, with its row and column, saying how it was read and
  why; a 0.00 or "-" on the empty side of a row is no second figure and says nothing.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

Say = Callable[[int, str, str, str], None]  # (row position, column, value, message)


def running_direction(balance: np.ndarray, net: np.ndarray,
                      unsure: np.ndarray | None = None) -> int | None:
    """+1 where the running balance follows the rows top down (each balance is the one above
    plus the row's amount: oldest first), -1 where it follows them bottom up (newest first),
    None where it says neither. Rows whose amount is ``unsure`` (its sign in question) are
    no evidence either way."""
    pos = np.flatnonzero(~np.isnan(balance) & ~np.isnan(net))
    if len(pos) < 2:
        return None
    bal, amt = balance[pos], net[pos]
    sure = ~unsure[pos] if unsure is not None else np.ones(len(pos), dtype=bool)
    down_pairs, up_pairs = int(sure[1:].sum()), int(sure[:-1].sum())
    down = int(((np.abs(bal[1:] - bal[:-1] - amt[1:]) < 0.005) & sure[1:]).sum())
    up = int(((np.abs(bal[:-1] - bal[1:] - amt[:-1]) < 0.005) & sure[:-1]).sum())
    down_rate = down / down_pairs if down_pairs else 0.0
    up_rate = up / up_pairs if up_pairs else 0.0
    if down_rate >= 0.8 and down_rate > up_rate:
        return 1
    if up_rate >= 0.8 and up_rate > down_rate:
        return -1
    return None


def read_unplain_rows(amount: np.ndarray, debit: np.ndarray, credit: np.ndarray,
                      balance_of: Callable[[], np.ndarray | None], rows: np.ndarray,
                      names: tuple[str, str], raw: tuple[list, list], say: Say) -> np.ndarray:
    """``amount`` (credit less debit, as printed without signs) with the ``rows`` (the lines
    read from the Debit/Credit pair) that hold a negative figure or both figures read by the
    rules above; each told through ``say``. ``balance_of``: the running balance column (None
    where there is none), read only when a row needs it; ``names``: the Debit and Credit
    headers; ``raw``: their cells as written."""
    # counted over the lines only: a page's total of debits need not carry their minus
    negative_debits = int((rows & (debit < 0)).sum())
    minus_is_debits_way = negative_debits > int((rows & (debit > 0)).sum())
    credit_back = rows & (credit < 0)
    debit_back = rows & (debit < 0) & (not minus_is_debits_way)
    both = rows & (np.nan_to_num(debit) != 0) & (np.nan_to_num(credit) != 0)
    # a debit without its minus in a column that writes them with one
    debit_odd = rows & (debit > 0) & minus_is_debits_way & ~both
    unplain = credit_back | debit_back | both | debit_odd
    if not unplain.any():
        return amount
    amount = amount.copy()
    into = np.where(credit_back, -np.abs(credit), np.abs(credit))  # each side as read
    out = np.where(debit_back, np.abs(debit), -np.abs(debit))
    direction = 1
    balance = balance_of()
    if balance is not None:
        direction = running_direction(balance, amount, unplain) or 1
    debit_name, credit_name = names
    for pos in np.flatnonzero(unplain).tolist():
        on_credit = bool(credit_back[pos])  # which column a lone figure is in
        if both[pos]:
            readings = [into[pos] + out[pos], into[pos], out[pos]]
        elif debit_odd[pos]:
            readings = [out[pos], -out[pos]]
        else:
            first = into[pos] if on_credit else out[pos]
            readings = [first, -first]
        moved = _balance_move(balance, pos, direction)
        readings = [round(float(r), 3) for r in readings]
        fits = ({r for r in readings if abs(r - moved) < 0.005}
                if moved is not None else set())
        # the plain reading where the balance allows it, else the one reading it moves by
        chosen = readings[0] if readings[0] in fits or len(fits) != 1 else next(iter(fits))
        amount[pos] = chosen
        if debit_odd[pos]:
            say(pos, debit_name, raw[0][pos], _positive_among_minus(
                debit_name, raw[0][pos], chosen, moved, balance is not None))
        elif both[pos]:
            say(pos, f"{debit_name} / {credit_name}", f"{raw[0][pos]} / {raw[1][pos]}",
                _both_sides(names, abs(debit[pos]), abs(credit[pos]), readings, chosen,
                            moved, chosen in fits, balance is not None))
        else:
            name, cell = (credit_name, raw[1][pos]) if on_credit else (debit_name, raw[0][pos])
            say(pos, name, cell, _against_its_column(name, cell, on_credit, chosen, moved,
                                                     chosen != readings[0], balance is not None))
    return amount


def readings_of(debit: float | None, credit: float | None) -> list[float]:
    """Every amount the rules above allow a row of ``debit`` and ``credit`` (as printed; None
    or 0 where blank) to move the running balance by: the plain reading first (credit less
    debit, unsigned), then a negative figure read as a reversal and, with both sides filled,
    each side alone."""
    debit, credit = debit or 0.0, credit or 0.0
    into = [abs(credit)] + ([-abs(credit)] if credit < 0 else [])
    out = [-abs(debit)] + ([abs(debit)] if debit < 0 else [])
    if not debit:
        readings = into if credit else []
    elif not credit:
        readings = out
    else:
        readings = [i + o for i in into for o in out] + into + out
    return list(dict.fromkeys(round(r, 3) for r in readings))


def _balance_move(balance: np.ndarray | None, pos: int, direction: int) -> float | None:
    """How far the running balance moved at row ``pos``: its balance less the one before it
    (the nearest printed above it, or below it in a statement newest first)."""
    if balance is None or np.isnan(balance[pos]):
        return None
    step = -direction
    k = pos + step
    while 0 <= k < len(balance):
        if not np.isnan(balance[k]):
            return float(balance[pos] - balance[k])
        k += step
    return None


def _money(value: float) -> str:
    return f"{value:,.3f}" if round(value, 2) != round(value, 3) else f"{value:,.2f}"


def _no_balance(printed: bool) -> str:
    return ("no running balance before this line" if printed
            else "the file has no running balance")


def _against_its_column(name: str, cell: object, is_credit: bool, chosen: float,
                        moved: float | None, balance_overruled: bool, printed: bool) -> str:
    """The note for a figure signed against its column."""
    said = f"{name} '{cell}' is negative"
    way = "money in" if chosen > 0 else "money out"
    if balance_overruled:
        return (f"{said}, but the running balance {'rises' if chosen > 0 else 'falls'} by it: "
                f"read as {way} ({_money(chosen)})")
    reversal = ("a credit reversed (a cheque returned unpaid, a transfer recalled)" if is_credit
                else "a debit reversed (a charge refunded, a payment returned)")
    if moved is None:
        return (f"{said}: read as {reversal}, {way} ({_money(chosen)}); {_no_balance(printed)} "
                "to confirm it")
    if abs(moved - chosen) < 0.005:
        return (f"{said}: read as {reversal}, {way} ({_money(chosen)}), as the running balance "
                f"{'rises' if chosen > 0 else 'falls'} by it")
    return (f"{said}: read as {reversal}, {way} ({_money(chosen)}); the running balance moves "
            f"by {_money(moved)}, by neither reading, so check the line against the bank's "
            "statement")


def _positive_among_minus(name: str, cell: object, chosen: float, moved: float | None,
                          printed: bool) -> str:
    """The note for a debit written without the minus its column writes debits with."""
    said = f"{name} '{cell}' is positive, where the column writes its debits with a minus"
    if chosen > 0:
        return (f"{said}, and the running balance rises by it: read as money in "
                f"({_money(chosen)}), a debit reversed")
    if moved is None:
        return (f"{said}: read as money out ({_money(chosen)}), as its column says; "
                f"{_no_balance(printed)} to confirm it, so check it against the bank's "
                "statement")
    if abs(moved - chosen) < 0.005:
        return (f"{said}: read as money out ({_money(chosen)}), as the running balance falls "
                "by it")
    return (f"{said}: read as money out ({_money(chosen)}), as its column says; the running "
            f"balance moves by {_money(moved)}, by neither reading, so check the line against "
            "the bank's statement")


def _both_sides(names: tuple[str, str], debit: float, credit: float, readings: list[float],
                chosen: float, moved: float | None, told: bool, printed: bool) -> str:
    """The note for a row with both a debit and a credit."""
    debit_name, credit_name = names
    said = f"both {debit_name} ({_money(debit)}) and {credit_name} ({_money(credit)}) are filled"
    net, alone_in, alone_out = readings
    if moved is None:
        return (f"{said}: read as one line of their difference, {_money(net)}; "
                f"{_no_balance(printed)} to tell whether they are two movements booked on one "
                "row, so check it against the bank's statement")
    if told and chosen == net:
        return (f"{said}: read as one line of their difference, {_money(net)}; the running "
                f"balance moved by {_money(net)}, so they are two movements booked on one row "
                f"({_money(abs(alone_in))} {'in' if alone_in > 0 else 'out'}, "
                f"{_money(abs(alone_out))} {'in' if alone_out > 0 else 'out'})")
    if told:
        side = credit_name if chosen == alone_in else debit_name
        return (f"{said}, but the running balance moved by the {side} alone: read as "
                f"{'money in' if chosen > 0 else 'money out'} ({_money(chosen)}); the other "
                "figure moved no money")
    return (f"{said}: read as one line of their difference, {_money(net)}; the running balance "
            f"moves by {_money(moved)}, by none of the readings, so check the line against "
            "the bank's statement")
