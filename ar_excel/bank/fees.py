"""A fee column beside the amount (Revolut's ``Fee``, an export's ``Charges``): money the bank
took on top of the payment, or part of it.

The accounting rule: a payment keeps its own amount (the customer's receipt meets its invoice
in full) and a fee the bank charged on top of it is money out of its own, a line after the
payment, as camt entries booked net of their charges are read. Whether the fee is on top or
already in the amount is what the running balance shows: on top where the balance moves by
amount less fee, within where it moves by the amount. Where the file has no running balance,
or the balance says neither, the amounts are kept as printed and the clerk is told.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from ar_excel.model import Issue

_CENT = 0.005


def _moves(balance: np.ndarray, by: np.ndarray, oldest_first: bool) -> np.ndarray:
    """Per line, whether the running balance moves by ``by`` at that line (NaN: False)."""
    fits = np.zeros(len(balance), dtype=bool)
    if oldest_first:
        fits[1:] = np.abs(balance[1:] - balance[:-1] - by[1:]) < _CENT
    else:
        fits[:-1] = np.abs(balance[:-1] - balance[1:] - by[:-1]) < _CENT
    return fits


def split_fees(lines: pd.DataFrame, fees: np.ndarray, source: str, column: str,
               nets: np.ndarray | None = None) -> tuple[pd.DataFrame, list[Issue]]:
    """The lines with each fee charged on top of its payment as a line of its own (money
    out, right after the payment in time), and a word on what was done or left undecided.

    ``fees``: the fee column's figures for each line (NaN where blank), either sign.
    ``nets``: a Net column's figures (PayPal's Gross | Fee | Net), where the file has one:
    amount less fee = net on every charged line says the fee is on top, balance or not.
    """
    fee = np.nan_to_num(np.abs(np.asarray(fees, dtype="float64")))
    charged = fee >= _CENT
    if not charged.any():
        return lines, []
    rows = lines["Line No"].to_numpy()[charged].tolist()
    named = ", ".join(map(str, rows[:10])) + (" ..." if len(rows) > 10 else "")
    count = (f"{len(rows)} lines (rows {named}) carry" if len(rows) > 1 else
             f"1 line (row {named}) carries")
    amount = lines["Amount"].to_numpy(dtype="float64")
    balance = lines["Balance"].to_numpy(dtype="float64")
    orders = []
    for oldest_first in (True, False):
        gross = _moves(balance, amount, oldest_first)
        net = _moves(balance, amount - fee, oldest_first)
        orders.append(((gross | net).sum(), oldest_first, gross, net))
    _, oldest_first, gross, net = max(orders, key=lambda o: (o[0], o[1]))
    on_top = charged & net & ~gross
    within = charged & gross & ~net
    shown = "the running balance moves by the amount less the fee"
    if nets is not None:
        stated = np.abs(np.asarray(nets, dtype="float64") - (amount - fee)) < _CENT
        if stated[charged].all() and not within.any():
            on_top, shown = charged, "the net column is the amount less the fee"
    if on_top.any() and not within.any():
        # the file's rule, shown where the balance before a line is known, holds for all
        return _with_fee_lines(lines, fee, charged, oldest_first), [Issue(
            source, "", column, len(rows),
            f"{count} a fee the bank took on top of the amount ({shown}): each fee is a line of its own, money out, beside its "
            "payment, so the payment keeps its amount and the balance ties")]
    if within.any() and not on_top.any():
        return lines, []  # the amounts are what moved the balance: the fee is inside them
    why = ("the file has no running balance to show" if np.isnan(balance).all() else
           "the file's running balance does not show")
    return lines, [Issue(
        source, "", column, len(rows),
        f"{count} a fee, and {why} whether the bank took it on top of the amount or within "
        "it; the amounts were kept as printed and no fee was booked. Check them against the "
        "statement: a fee on top is money out of its own")]


def _with_fee_lines(lines: pd.DataFrame, fee: np.ndarray, charged: np.ndarray,
                    oldest_first: bool) -> pd.DataFrame:
    """``lines`` with a fee line beside each charged payment: after it where the file runs
    oldest first, above it where newest first. The fee line carries the printed balance
    (after the fee); its payment the balance before the fee."""
    payments = lines.copy()
    fee_rows = payments[charged].copy()
    printed = fee_rows["Balance"].to_numpy(dtype="float64")
    payments.loc[charged, "Balance"] = printed + fee[charged]
    fee_rows["Amount"] = -fee[charged]
    fee_rows["Description"] = [("Fee: " + d) if d else "Fee" for d in fee_rows["Description"]]
    fee_rows["Bank Line"] = [f"{b}-fee" for b in fee_rows["Bank Line"]]
    for c in ("Reference", "Counterparty", "Counterparty Account", "Bank Ref",
              "Counterparty Bank"):
        fee_rows[c] = None
    fee_rows["Transaction Code"] = "FEE"
    # the payment and its fee in the order the file runs: the fee happens after the payment
    payments["_order"] = np.arange(len(payments)) * 2 + (0 if oldest_first else 1)
    fee_rows["_order"] = np.flatnonzero(charged) * 2 + (1 if oldest_first else 0)
    out = pd.concat([payments, fee_rows]).sort_values("_order", kind="stable")
    return out.drop(columns="_order").reset_index(drop=True)
