"""Cash application to post: the month's matched bank receipts as rows of the Payments sheet.

The reconciliation applies each bank credit to invoices, but the books (``Payments``) do not
hold those receipts until somebody records them; until then the aging, the credit status and
the statements still show the invoices as owing. This is the journal to record, laid out as the
Payments sheet so the rows can be pasted under it:

* one row per ``Matched`` allocation of a bank line (the cascade's automatic applications);
  ``Suggested`` ones wait for a person's review and are left out, as are lines already
  ``recorded`` in Payments (book-to-bank), which are in the books already;
* ``Payment ID``: the bank's transaction reference (``Bank Line``), the same for every invoice
  one transfer pays, so the receipt stays one receipt; a statement without transaction ids
  numbers its lines 1, 2, 3 every month, so such an ID is made unique with the booking date
  (``BNK-20261105-12``);
* ``Date`` the bank's booking date, ``Amount`` the cash applied to the invoice, ``Invoice No``
  blank for what stays on account (an overpayment's excess, a payment without invoice);
* ``Reference`` the bank reference again, as cash receipts journals keep it (book-to-bank pairs
  the line with the receipt by it on the next run, so posting and re-running applies nothing
  twice);
* an invoice short-paid within the tolerance (bank charges, an early-payment discount) or paid
  less income tax withheld at source gets a second row right after its receipt: the same
  Payment ID, invoice and date, the shortfall as Amount and Method ``Write-off`` or
  ``Withholding Tax`` (``شطب``, ``ضريبة خصم من المنبع``). Posted with the receipt it closes
  the invoice; its Method marks it as no cash (``core.non_cash``), so book-to-bank never looks
  for it in the bank and the KPIs do not count it as collected.
"""

from __future__ import annotations

import re

import pandas as pd

from ar_excel.parsing import is_blank

POST_COLUMNS = ["Payment ID", "Customer ID", "Date", "Amount", "Invoice No", "Method",
                "Reference", "Customer", "Bank Line", "Note"]

_CHEQUE = re.compile(r"\b(?:CHQ|CHEQUE|CHECK|CHK)\b|شيك", re.IGNORECASE)


def payment_id_of_line(bank_line: object, date: pd.Timestamp,
                       position: bool | None = None) -> str:
    """The Payment ID a bank line's receipt is recorded under: the bank's transaction id, or
    for a line known only by its position, ``BNK-<booking date>-<position>``. ``position``:
    whether the Bank Line is a position (None: an all-digit Bank Line is taken for one)."""
    text = str(bank_line).strip()
    if position is None:
        position = text.isdigit()
    if position and pd.notna(date):  # numbered 1, 2, 3 again next month
        return f"BNK-{date:%Y%m%d}-{text}"
    return text


def bank_line_positions(lines: pd.DataFrame) -> set[str] | None:
    """The Bank Lines of a statement that are positions in it, not the bank's ids: the lines
    without a Bank Ref. None for lines without that column (an all-digit Bank Line is then
    taken for a position)."""
    if "Bank Ref" not in lines:
        return None
    return {str(b) for b, ref in zip(lines["Bank Line"], lines["Bank Ref"], strict=True)
            if is_blank(ref)}


def receipts_to_post(matches: pd.DataFrame, arabic: bool = False,
                     positions: set[str] | None = None) -> pd.DataFrame:
    """The ``Matched`` allocations of ``matches`` (the Bank Matches rows) as Payments rows to
    record, in statement order (Method and Note in Arabic for an Arabic workbook).
    ``positions``: ``bank_line_positions`` of the statement (an OFX FITID 2026110201 is all
    digits and still an id)."""
    # Bank Matches kept without its Method column (an API caller's, a hand-made sheet): no
    # line is known to be recorded already, none an early discount or on account; each
    # Matched allocation is still a receipt to post (it was a KeyError)
    rule = matches["Method"] if "Method" in matches else pd.Series(
        None, index=matches.index, dtype=object)
    applied = matches[(matches["Status"] == "Matched") & (rule != "recorded")
                      & (matches["Applied Amount"] != 0)]
    rule = rule[applied.index]
    if not len(applied):
        return pd.DataFrame({c: pd.Series(dtype="object") for c in POST_COLUMNS})
    dates = pd.to_datetime(applied["Date"])
    narrative = (applied["Description"].fillna("").astype(str) if "Description" in applied
                 else pd.Series("", index=applied.index))
    ids = [payment_id_of_line(b, d, None if positions is None else str(b) in positions)
           for b, d in zip(applied["Bank Line"], dates, strict=True)]

    def amounts(name: str) -> pd.Series:
        if name not in applied:
            return pd.Series(0.0, index=applied.index)
        return applied[name].fillna(0.0).astype("float64")

    writeoff, withheld = amounts("Write-off"), amounts("Withholding Tax")
    bank_line = applied["Bank Line"].astype(str).to_numpy()
    settled = _settled_by_credit_notes(applied)
    credit_note = (applied["Applied Amount"] < 0).to_numpy()
    cash = pd.DataFrame({
        "Payment ID": ids,
        "Customer ID": applied["Customer ID"].to_numpy(),
        "Date": dates.to_numpy(),
        "Amount": (applied["Applied Amount"].astype("float64") - settled).to_numpy(),
        "Invoice No": applied["Invoice No"].to_numpy(),
        "Method": [_WORDS["cheque" if _CHEQUE.search(t) else "transfer"][arabic]
                   for t in narrative],
        "Reference": bank_line,
        "Customer": applied["Customer"].to_numpy() if "Customer" in applied else None,
        "Bank Line": bank_line,
        "Note": [_WORDS["on account"][arabic] if m == "on-account" else None for m in rule],
    })
    # A credit note the customer deducted is used up by a non-cash row of its own (negative,
    # naming it); the invoices it settles get theirs below.
    if credit_note.any():
        method, note = _WORDS["credit note"][arabic]
        cash.loc[credit_note, "Method"] = method
        cash.loc[credit_note, "Note"] = note
    # Each short-paid invoice gets the adjustment that closes it right after its receipt:
    # same Payment ID, invoice and date, the shortfall as Amount and a non-cash Method.
    parts, order = [cash], [(k, 0) for k in range(len(cash))]
    for rank, (kind, sizes) in enumerate((("write-off", writeoff), ("withheld", withheld),
                                          ("settled by credit note", settled)), start=1):
        rows = (sizes > 0).to_numpy()
        if rows.any():
            method, note = _WORDS[kind][arabic]
            part = cash[rows].assign(Amount=sizes.to_numpy()[rows], Method=method, Note=note)
            if kind == "write-off":  # an agreed early-payment discount is discount allowed
                discount = (rule == "early-discount").to_numpy()[rows]
                part.loc[discount, ["Method", "Note"]] = _WORDS["discount"][arabic]
            parts.append(part)
            order += [(k, rank) for k in rows.nonzero()[0]]
    # An invoice the credit note settles in full has no cash row. (Read from arrays: a
    # month's tens of thousands of receipts, one pandas look-up each, took a quarter second.)
    by_credit_note, cash_amount = settled.to_numpy(), cash["Amount"].to_numpy()
    keep = [k for k, (row, rank) in enumerate(order)
            if rank or not (by_credit_note[row] > 0 and cash_amount[row] == 0)]
    out = pd.concat(parts, ignore_index=True).iloc[keep].reset_index(drop=True)
    order = [order[k] for k in keep]
    out = out.astype({"Note": object})
    out["Note"] = out["Note"].where(out["Note"].notna(), None)
    return out.iloc[sorted(range(len(out)), key=order.__getitem__)].reset_index(drop=True)


_WORDS = {  # (English, Arabic)
    "transfer": ("Bank Transfer", "تحويل بنكي"),
    "cheque": ("Cheque", "شيك"),
    "write-off": (("Write-off", "not cash: bank charges or discount within the tolerance; "
                                "closes the invoice"),
                  ("شطب", "ليس نقدًا: مصاريف بنكية أو خصم في حدود السماح؛ يقفل الفاتورة")),
    "discount": (("Discount", "not cash: the early-payment discount the customer's terms "
                              "grant, taken in time; closes the invoice"),
                 ("خصم تعجيل دفع", "ليس نقدًا: خصم تعجيل الدفع الذي تمنحه شروط العميل، أُخذ في "
                                   "موعده؛ يقفل الفاتورة")),
    "withheld": (("Withholding Tax", "not cash: income tax withheld at source, to claim with "
                                     "the tax certificate; closes the invoice"),
                 ("ضريبة خصم من المنبع", "ليس نقدًا: ضريبة خصم من المنبع تُسترد بشهادة الخصم؛ "
                                         "يقفل الفاتورة")),
    "on account": ("on account", "تحت الحساب"),
    "credit note": (("Credit Note", "not cash: the credit note the customer deducted from "
                                    "this receipt, used up"),
                    ("إشعار دائن", "ليس نقدًا: إشعار دائن خصمه العميل من هذا التحصيل، استُنفد")),
    "settled by credit note": (("Credit Note", "not cash: settled by the credit note the "
                                               "customer deducted; closes the invoice"),
                               ("إشعار دائن", "ليس نقدًا: سُدد بإشعار دائن خصمه العميل؛ "
                                              "يقفل الفاتورة")),
}


def _settled_by_credit_notes(applied: pd.DataFrame) -> pd.Series:
    """Per row: the part of the invoice the receipt's credit notes settle (the rest is cash).
    A receipt's credit notes (its negative rows) are set against its invoices from the last
    back, so the cash goes to the oldest, as the matcher spreads it."""
    settled = pd.Series(0.0, index=applied.index)
    amount = applied["Applied Amount"].astype("float64")
    lines = applied["Bank Line"].astype(str)
    # Only the few receipts net of a credit note have a negative row: the rest are left as
    # they are without a look (a month of 40,000 receipts has a handful).
    netted = lines.isin(set(lines[amount < 0]))
    if not netted.any():
        return settled
    for _, rows in amount[netted].groupby(lines[netted], sort=False):
        credit = -rows[rows < 0].sum()
        for k in reversed(rows.index[rows > 0]):
            if credit <= 0.0005:
                break
            take = min(float(rows[k]), credit)
            settled[k] = round(take, 3)
            credit = round(credit - take, 3)
    return settled


def received_by(rows: pd.DataFrame, as_of: object) -> pd.Series:
    """Which rows of Receipts To Post had come in by the as-of date: booked on or before it.

    Run as of a day inside the statement's month (20 November with the whole of November's
    statement), a transfer the bank booked on the 26th had not come in on the 20th: the
    contract's payments dated after the as-of date do not exist yet, so it holds no letter,
    call or visit then, and recorded it would not lower the Aging as of that date either. A
    row without a readable date is taken as received (it was matched on the statement)."""
    if as_of is None or "Date" not in rows.columns:
        return pd.Series(True, index=rows.index)
    booked = pd.to_datetime(rows["Date"], errors="coerce")
    return ~(booked > pd.Timestamp(as_of).normalize())
