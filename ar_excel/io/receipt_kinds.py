"""Which rows of an ERP's payments export are customers' receipts, read before anything is
keyed or matched by them.

An ERP exports all its payments in one list (Odoo's account.payment, ERPNext's Payment
Entry, Zoho's and QuickBooks' payment lists), and each row says what it is:

* its party (Odoo's Partner Type, ERPNext's Party Type): a payment to or from a vendor, a
  supplier or an employee is no customer's; an internal transfer is no one's;
* its direction (Payment Type: Receive / Send, Inbound / Outbound, Pay): money sent to a
  customer is a refund, a negative receipt in the contract's sign;
* its state (Status / State): a draft is not posted yet, a cancelled or rejected payment
  never was, a bounced cheque or a payment that failed paid nothing: no receipt; so is
  one a Yes / No cancelled flag (SAP Business One's Canceled) says Yes of.

The rows that are no customer's receipt are set aside (one Input Issue per reason names
them, nothing is dropped unsaid); a refund keeps its row with its amount negative. A column
is read so only where every value in it is a word it knows, so a "Payment Type" of cheques
and transfers (a method) is left alone.
"""

from __future__ import annotations

import re
from typing import Any

import numpy as np
import pandas as pd

from ar_excel.io.cells_named import cells_named
from ar_excel.model import ROW, SHEET, Book, Issue, Table
from ar_excel.names import match_key
from ar_excel.parsing import is_blank


def _words(*words: str) -> frozenset[str]:
    return frozenset(match_key(w) for w in words)


PARTY_HEADERS = _words("Party Type", "Partner Type", "نوع الطرف", "نوع الشريك", "Type of Party")
CUSTOMER_PARTIES = _words("Customer", "Customers", "Client", "عميل", "العميل")
OTHER_PARTIES = _words("Vendor", "Supplier", "Employee", "Shareholder", "Student", "Member",
                       "مورد", "المورد", "موظف", "الموظف")
DIRECTION_HEADERS = _words("Payment Type", "Direction", "Payment Direction", "نوع الدفع",
                           "نوع الدفعة", "نوع الحركة")
INBOUND = _words("Receive", "Received", "Inbound", "In", "Incoming", "Customer Payment",
                 "Receipt", "استلام", "قبض", "وارد")
OUTBOUND = _words("Pay", "Send", "Sent", "Outbound", "Out", "Outgoing", "Refund", "دفع",
                  "صرف", "صادر")
# (not "Transfer" alone: a bank transfer is how a customer pays)
TRANSFER = _words("Internal Transfer", "تحويل داخلي")
STATE_HEADERS = _words("Status", "State", "Payment Status", "Document Status", "الحالة")
# (a cheque under collection is in the books, as notes receivable: a receipt)
POSTED = _words("Posted", "Submitted", "Paid", "In Process", "Reconciled", "Sent",
                "Validated", "Completed", "Confirmed", "Cleared", "Collected", "Deposited",
                "Pending", "Under Collection", "مرحل", "مرحلة", "معتمد", "معتمدة", "محصل",
                "تم التحصيل", "تحت التحصيل", "مودع",
                "مكتمل", "مكتملة", "معلق", "معلقة")  # (Daftra's payments: completed, pending)
# (a bounced cheque paid nothing; a payment that failed at the gateway, Daftra's فشل, neither)
NOT_POSTED = _words("Draft", "Cancelled", "Canceled", "Rejected", "Void", "Voided",
                    "Bounced", "Returned", "مسودة", "ملغاة", "ملغي", "ملغى", "مرفوض",
                    "مرفوضة", "مرتد", "شيك مرتد", "مرتجع",
                    "Failed", "فشل", "فشلت", "فاشل", "فاشلة")


# A Method saying the row is money paid out to the customer, typed as a positive amount
# as every other row of a hand-kept sheet: a refund, or a cheque the bank returned
# (``core.returned_cheques``). (Not "Refund Note": a credit note's name.)
_PAID_OUT_METHOD = re.compile(r"(?i)^\s*refund(?:ed)?\b(?!\s*note)|\brefund\s*(?:paid|to)\b"
                              r"|رد\s*(?:مبلغ|المبلغ)|استرداد|مسترد")


def _paid_out_by_method(table: Table, out: np.ndarray, issues: list[Issue]) -> None:
    """Turn negative the positive Payments rows whose Method says a refund or a returned
    cheque: money paid out or taken back, not received. One Input Issue per kind."""
    from ar_excel.core.entries import per_distinct
    from ar_excel.core.returned_cheques import is_returned_method

    frame = table.frame
    if "Method" not in frame or not len(frame):
        return
    positive = (frame["Amount"] > 0).to_numpy(bool) & ~out
    said = per_distinct(frame["Method"], lambda m: (
        "refund" if isinstance(m, str) and _PAID_OUT_METHOD.search(m) else
        "returned" if is_returned_method(m) else None)).to_numpy(dtype=object)
    for kind, why in (("refund", "refunds paid out to customers"),
                      ("returned", "cheques returned unpaid (each takes back its receipt)")):
        rows = positive & (said == kind)
        if rows.any():
            _sign_turned(table, rows, issues, f"whose Method says {why}: read as money paid "
                                              f"out, their amounts negative")


# Where a receipts book writes what happened to a row besides its Method: its narration
# columns, notes and comments, and the cheque's own Reference cell ("شيك مرتد 4411").
_NOTE_HEADERS = _words("Notes", "Note", "Comment", "Comments", "ملاحظة", "تعليق", "تعليقات",
                       "Remark", "ملاحظات")
# A Method naming only the instrument ("Cheque", "شيك"): the note says the cheque came back.
_CHEQUE_METHOD = re.compile(r"(?i)^\s*(?:cheques?|checks?|chq|bank cheque|pdc|شيك|شيكات|"
                            r"شيك بنكي)\s*$")


def _returned_by_note(table: Table, out: np.ndarray, issues: list[Issue]) -> None:
    """A receipts book without a Method (or with the row's blank, or naming only the
    cheque) records a returned cheque as a negative row whose note says so (ملاحظات /
    البيان / Remarks / Notes / Comments, or its Reference: ``شيك مرتد``, ``ارتداد الشيك``,
    ``Bounced``): that note is the row's Method, so the cheque takes back its receipt
    (``core.returned_cheques``) and the invoice is unpaid again from its own due date, not
    a debit on account dated when the cheque came back. Only a negative row: a note beside
    a receipt may say its cheque came back later, and the receipt stands until the row
    taking it back. One Input Issue names the cells."""
    from ar_excel.core.entries import per_distinct
    from ar_excel.core.returned_cheques import is_returned_method
    from ar_excel.schema import NARRATION_HEADERS

    frame = table.frame
    if not len(frame):
        return
    negative = (frame["Amount"] < 0).to_numpy(bool) & ~out
    if not negative.any():
        return
    if "Method" in frame:  # (NaN: blank; once per method named, not per row)
        negative &= per_distinct(frame["Method"], lambda m: is_blank(m) or (
            isinstance(m, str) and _CHEQUE_METHOD.match(m) is not None)).fillna(
            True).to_numpy(bool)
    if not negative.any():
        return
    for column in frame.columns:
        if not isinstance(column, str) or column == "Method" or (
                column != "Reference" and match_key(table.headers.get(column, column))
                not in NARRATION_HEADERS | _NOTE_HEADERS):
            continue
        said = negative & per_distinct(frame[column], is_returned_method).fillna(
            False).to_numpy(bool)
        if not said.any():
            continue
        at = frame.index[said]
        if "Method" not in frame:
            frame["Method"] = pd.Series(None, index=frame.index, dtype=object)
        frame["Method"] = frame["Method"].astype(object)
        frame.loc[at, "Method"] = [note if is_blank(method) else f"{method} - {note}"
                                   for method, note in zip(frame.loc[at, "Method"].tolist(),
                                                           frame.loc[at, column].tolist(),
                                                           strict=True)]
        cells = [table.cell(i, column) for i in at]
        issues.append(table.issue(at[0], column, (
            f"{len(at)} payment(s) typed negative whose note says a cheque returned unpaid: "
            f"read as returned cheques, each taking back its receipt ({cells_named(cells)})")))
        negative &= ~said


def _settlements_typed_negative(table: Table, out: np.ndarray, issues: list[Issue]) -> None:
    """Turn positive the negative Payments rows whose Method says a write-off, discount, tax
    withheld or charge (``core.non_cash.settles_only``): a deduction typed as a minus on the
    voucher still settles the invoice; read negative it was a refund, a debit on the
    customer's account (a 200 discount left INV-1 owing 400, not 0). One Input Issue."""
    from ar_excel.core.entries import per_distinct
    from ar_excel.core.non_cash import settles_only

    frame = table.frame
    if "Method" not in frame or not len(frame):
        return
    rows = ((frame["Amount"] < 0).to_numpy(bool) & ~out
            & per_distinct(frame["Method"], settles_only).fillna(False).to_numpy(bool))
    if rows.any():
        _sign_turned(table, rows, issues, "typed negative whose Method says a write-off, "
                                          "discount, tax withheld or charge: read as settling "
                                          "what the customer owes, their amounts positive")


def _sign_turned(table: Table, rows: np.ndarray, issues: list[Issue], said: str) -> None:
    """The Payments rows at ``rows`` read with their amounts' sign turned, said in one Input
    Issue at the first one's Method cell naming every such cell."""
    at = table.frame.index[rows]
    table.frame.loc[at, "Amount"] = -table.frame.loc[at, "Amount"]
    cells = [table.cell(i, "Method") for i in at]
    issues.append(table.issue(at[0], "Method",
                              f"{len(at)} payment(s) {said} ({cells_named(cells)})"))


def column_of_words(table: Table, headers: frozenset[str], known: frozenset[str]) -> str | None:
    """The first column headed so (as written) whose every value is one of ``known``."""
    frame = table.frame
    for c in frame.columns:
        if not isinstance(c, str) or match_key(table.headers.get(c, c)) not in headers:
            continue
        values = {match_key(v) for v in frame[c].dropna().unique().tolist() if not is_blank(v)}
        if values and values <= known:
            return c
    return None


def receipts_as_meant(book: Book) -> None:
    """Set aside the payments that are no customer's receipt and turn refunds negative (see
    the module docstring); the Input Issues saying so are added to the book's."""
    table = book.tables.get("Payments")
    if table is None or not len(table.frame):
        return
    _allocation_rows_under_their_payment(book, table)
    frame = table.frame
    out = np.zeros(len(frame), dtype=bool)
    reasons: list[tuple[np.ndarray, str, str]] = []
    party = column_of_words(table, PARTY_HEADERS, CUSTOMER_PARTIES | OTHER_PARTIES)
    if party is not None:
        other = frame[party].map(lambda v: match_key(v) in OTHER_PARTIES).to_numpy(bool)
        reasons.append((other, party, "paid to or by a vendor, supplier or employee, not a "
                                      "customer"))
    direction = column_of_words(table, DIRECTION_HEADERS, INBOUND | OUTBOUND | TRANSFER)
    refund = np.zeros(len(frame), dtype=bool)
    if direction is not None:
        keys = frame[direction].map(lambda v: match_key(v) if isinstance(v, str) else "")
        reasons.append((keys.isin(TRANSFER).to_numpy(bool), direction,
                        "internal transfers, not a customer's"))
        refund = keys.isin(OUTBOUND).to_numpy(bool, copy=True)
    state = column_of_words(table, STATE_HEADERS, POSTED | NOT_POSTED)
    if state is not None:
        unposted = frame[state].map(lambda v: match_key(v) in NOT_POSTED).to_numpy(bool)
        reasons.append((unposted, state, "drafts, cancelled or bounced, not posted"))
    # a Yes / No cancelled flag (SAP Business One's Canceled), read as the invoice list's is
    from ar_excel.core.entries import CANCELLED_FLAG_HEADERS, FLAG_NO, FLAG_YES

    cancelled = column_of_words(table, CANCELLED_FLAG_HEADERS, FLAG_YES | FLAG_NO)
    if cancelled is not None:
        reasons.append((frame[cancelled].map(lambda v: match_key(v) in FLAG_YES).to_numpy(
            bool), cancelled, "cancelled, not posted"))
    for rows, column, why in reasons:
        rows = rows & ~out  # (said once, for its first reason)
        if rows.any():
            at = frame.index[rows]
            cells = [table.cell(i, column) for i in at]
            book.issues.append(table.issue(
                at[0], column, f"{len(at)} payment(s) {why}: not read as receipts "
                               f"({cells_named(cells)})"))
            out |= rows
    refund = refund & ~out & (frame["Amount"] > 0).to_numpy(bool)
    if refund.any():
        at = frame.index[refund]
        frame.loc[at, "Amount"] = -frame.loc[at, "Amount"]
        cells = [table.cell(i, direction) for i in at]
        book.issues.append(table.issue(
            at[0], direction, f"{len(at)} payment(s) sent to customers (refunds): read as "
                              f"money paid out, their amounts negative ({cells_named(cells)})"))
    _paid_out_by_method(table, out, book.issues)
    _returned_by_note(table, out, book.issues)
    _settlements_typed_negative(table, out, book.issues)
    if out.any():
        _blanks_of_rows_set_aside(book, table, out)
        table.frame = frame[~out].reset_index(drop=True)
        table.raw = table.raw[~out].reset_index(drop=True)
    book.issues.extend(_one_receipt_per_row_applied(table))


def _blanks_of_rows_set_aside(book: Book, table: Table, out: np.ndarray) -> None:
    """The reader's "required but blank" at the rows set aside withdrawn: a row that is no
    customer's receipt has its own issue saying why (ERPNext's Internal Transfer names no
    Party, being no one's), and its blank Party is no second fault of it."""
    frame = table.frame
    rows = {(table.sheet_at(i), str(int(frame.at[i, ROW]))) for i in frame.index[out]}
    book.withdraw_blank_rows(rows)


# The part of a receipt applied to the invoice on its row, where a receipt paying several
# invoices is exported one row per invoice (Zoho Books, QuickBooks' payment lists, ERPNext's
# references), the receipt's own amount repeated on each.
APPLIED_HEADERS = _words(
    "Invoice Amount Applied", "Amount Applied", "Applied Amount", "Amount Applied to Invoice",
    "Allocated Amount", "Payment References/Allocated Amount", "Payment Amount Applied",
    "Applied", "المبلغ المخصص", "المبلغ المطبق", "المبلغ المسدد للفاتورة", "القيمة المخصصة",
    # ERPNext's Data Export of Payment Entry: child columns named for their table
    "Allocated (Payment References)", "Allocated Amount (Payment References)",
    "Allocated Amount (Payment Entry Reference)")


def _applied_column(table: Table) -> str | None:
    return next((c for c in table.frame.columns if isinstance(c, str) and c not in
                 table.headers and match_key(c) in APPLIED_HEADERS), None)


def _allocation_rows_under_their_payment(book: Book, table: Table) -> None:
    """An ERP's export of payments with their allocation rows (ERPNext's Data Export of
    Payment Entry: a payment's first reference on its row, each further one on a row of its
    own below, the payment's columns left blank there) is one payment: each allocation row
    takes the payment's values from the row above, so the payment is then split over its
    invoices as allocated (``_one_receipt_per_row_applied``); its blank cells are not told
    as missing values (withdrawn from ``book``'s issues), and one Input Issue names the rows
    read so."""
    applied_at = _applied_column(table)
    frame = table.frame
    if applied_at is None or "Payment ID" not in table.headers or not len(frame):
        return
    applied = pd.to_numeric(frame[applied_at], errors="coerce")
    under = (frame["Payment ID"].isna() & frame["Amount"].isna() & applied.notna()
             & frame["Invoice No"].notna()).to_numpy(bool)
    if not under.any():
        return
    rows = frame[ROW].to_numpy()
    sheets = [table.sheet_at(i) for i in frame.index] if table.sheet_letters else None
    parents = np.full(len(frame), -1)
    for pos in np.flatnonzero(under):
        above = pos - 1
        if above < 0 or rows[above] != rows[pos] - 1 or (
                sheets is not None and sheets[above] != sheets[pos]):
            continue  # (the row above is not its payment: left as it is, and told)
        parent = parents[above] if under[above] else above
        if parent >= 0 and pd.notna(frame["Payment ID"].iloc[parent]):
            parents[pos] = parent
    at = np.flatnonzero(parents >= 0)
    if not len(at):
        return
    index = frame.index[at]
    filled: list[tuple[Any, str]] = []
    for column in frame.columns:
        if column in (ROW, SHEET, applied_at):
            continue
        blank = frame[column].iloc[at].isna().to_numpy(bool)
        if not blank.any():
            continue
        values = frame[column].iloc[parents[at][blank]].to_numpy()
        frame.loc[index[blank], column] = values
        filled.extend((i, column) for i in index[blank] if column in table.headers)
    book.withdraw_blanks({(table.sheet_at(i), table.cell(i, column)) for i, column in filled})
    cells = [table.cell(i, "Invoice No") for i in index]
    book.issues.append(table.issue(index[0], "Invoice No", (
        f"{len(index)} allocation row(s) under their payment (the invoice and its "
        f"{applied_at}, the payment's own cells blank) read as part of the payment above "
        f"them ({cells_named(cells)})")))


def _one_receipt_per_row_applied(table: Table) -> list[Issue]:
    """A receipt written on several rows, one per invoice it pays, its amount repeated: each
    row is read for the amount applied to its invoice, the last for the rest, so the
    receipt counts once in all; one Input Issue says so."""
    frame = table.frame
    applied_at = _applied_column(table)
    if applied_at is None or "Payment ID" not in table.headers:
        return []
    applied = pd.to_numeric(frame[applied_at], errors="coerce")
    ids = frame["Payment ID"]
    repeated = ids.notna() & ids.duplicated(keep=False)
    if not repeated.any():
        return []
    rows = frame[repeated.to_numpy(bool)]
    alike = rows.groupby("Payment ID", sort=False)[["Amount", "Customer ID", "Date"]].nunique(
        dropna=False)
    same = alike[(alike <= 1).all(axis=1)].index
    grouped = rows.index[rows["Payment ID"].isin(same).to_numpy(bool)]
    if not len(grouped) or applied[grouped].isna().any():
        return []
    last = frame.loc[grouped].groupby("Payment ID", sort=False).tail(1).index
    others = grouped.difference(last)
    total = frame.loc[last, "Amount"].to_numpy(float)
    given = applied[others].groupby(frame.loc[others, "Payment ID"]).sum()
    frame.loc[others, "Amount"] = applied[others]
    frame.loc[last, "Amount"] = (total - frame.loc[last, "Payment ID"].map(given).fillna(
        0.0).to_numpy(float)).round(6)
    cells = [table.cell(i, "Amount") for i in others]
    return [table.issue(others[0], "Amount", f"{len(last)} receipt(s) written on several rows, "
                        f"one per invoice paid, the receipt's amount on each: each row read "
                        f"for its {applied_at}, the receipt counted once "
                        f"({cells_named(cells)})")]

