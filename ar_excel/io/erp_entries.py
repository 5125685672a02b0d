"""Entries of ERP exports read as the accountant means them: credit notes typed positive count
negative, cancelled invoices count 0, receipts all kept negative (as credits) are money
received, a receipt naming several invoices is one row per invoice, a Paid column of words
(Yes / مسددة) pays in full, and in an item list with clearing documents (SAP FBL5N) an item
with one is cleared. A document type that is no invoice, credit or receipt type is said at its
cell (its rows read with their amounts as written)."""

from __future__ import annotations

import numpy as np
import pandas as pd

from ar_excel.core.entries import CASH_WORDS
from ar_excel.core.money import amount_in_units
from ar_excel.io.cells_named import cells_named
from ar_excel.io.document_states import states_as_meant
from ar_excel.io.line_items import one_row_per_invoice
from ar_excel.model import ROW, Book, Issue, Table
from ar_excel.names import match_key
from ar_excel.parsing import (
    is_blank,
)


def entries_as_meant(book: Book) -> None:
    """Credit notes typed as such with positive amounts count negative; receipts all kept
    with a minus sign are money received; a receipt naming several invoices is one row per
    invoice (``core.entries``)."""
    from ar_excel.core.entries import (
        cancelled_column,
        cancelled_invoices,
        credits_as_negative,
        paid_by_status,
        partly_paid_by_status,
        receipts_kept_as_credits,
        split_multi_invoice_receipts,
        status_column,
    )

    invoices, payments = book.tables.get("Invoices"), book.tables.get("Payments")
    if invoices is not None:
        book.issues.extend(one_row_per_invoice(invoices))  # an export of one row per line
        book.issues.extend(_unknown_types(invoices))
        typed_credits = credits_as_negative(invoices.frame)
        book.issues.extend(_cash_sales(invoices))
        _outside_receivable(book, invoices)
        _walk_in_sales(book, invoices)
        _sides_as_signs(invoices, typed_credits)
        _receipts_need_no_number(book, invoices)
        book.issues.extend(_credits_shown_by_balance(invoices))
        said, drafts = states_as_meant(invoices)  # drafts; reversals numbered RINV/
        book.issues.extend(said)
        book.withdraw_blank_rows({(invoices.sheet_at(i), str(invoices.frame.at[i, ROW]))
                                  for i in drafts})  # (undated till posted)
        void = cancelled_invoices(invoices.frame)
        if len(void):
            column = cancelled_column(invoices.frame)
            cells = [invoices.cell(i, column) for i in void]
            book.issues.append(invoices.issue(
                void[0], column, f"{len(void)} cancelled invoice(s): not receivables, counted as "
                                 f"0 ({cells_named(cells)})"))
        if payments is None or not len(payments.frame):
            _paid_words(book, invoices)
            partly = partly_paid_by_status(invoices.frame)
            if len(partly):  # "Partially Paid" with no amount paid: open in full, said
                column = status_column(invoices.frame)
                cells = [invoices.cell(i, column) for i in partly]
                book.issues.append(invoices.issue(
                    partly[0], column, f"{len(partly)} invoice(s) the status says are partly "
                                       f"paid, the list giving no amount paid: counted open "
                                       f"in full ({cells_named(cells)})"))
            paid_by_status(invoices.frame)  # an open-items list that only says "Paid"
            _cleared_items(invoices)
    if payments is not None and receipts_kept_as_credits(payments.frame):
        payments.frame["Amount"] = -payments.frame["Amount"]
        first = payments.frame["Amount"].first_valid_index()
        book.issues.append(payments.issue(
            first, "Amount", "every receipt amount is negative (receipts kept as credits): "
                             "each is read as money received"))
    if invoices is not None and payments is not None:
        customers = book.tables.get("Customers")
        split = split_multi_invoice_receipts(payments.frame, invoices.frame,
                                             None if customers is None else customers.frame)
        if split is not None:
            payments.frame, source = split
            payments.raw = payments.raw.iloc[source].reset_index(drop=True)
        book.issues.extend(_credit_notes_used(payments, invoices, customers))
        book.issues.extend(_receipts_in_another_currency(payments, invoices,
                                                         book.tables.get("Customers")))


def _receipts_need_no_number(book: Book, invoices: Table) -> None:
    """The reader's "required but blank" at the Invoice No of an invoice list's receipts
    (``core.entries.received_rows``) withdrawn: QuickBooks' Transaction List leaves a
    Payment's Num blank, as a receipt has no invoice number of its own; the ledger takes the
    row as money received all the same."""
    from ar_excel.core.entries import received_rows

    frame = invoices.frame
    if "Invoice No" not in frame or "Invoice No" not in invoices.letters:
        return
    at = frame.index[received_rows(frame) & frame["Invoice No"].isna().to_numpy(dtype=bool)]
    book.withdraw_blanks({(invoices.sheet_at(i), invoices.cell(i, "Invoice No")) for i in at})


def _cash_sales(invoices: Table) -> list[Issue]:
    """Counts the cash sales of the invoice list 0 (``entries.cash_sales``: QuickBooks' Sales
    Receipt, paid at the sale); one Input Issue names their rows."""
    from ar_excel.core.entries import cash_sales, type_column

    rows = cash_sales(invoices.frame)
    if not len(rows):
        return []
    column = type_column(invoices.frame)
    cells = [invoices.cell(i, column) for i in rows]
    return [invoices.issue(rows[0], column, f"{len(rows)} cash sale(s) (paid at the sale): not "
                                            f"receivables nor receipts, counted as 0 "
                                            f"({cells_named(cells)})")]


def _outside_receivable(book: Book, invoices: Table) -> None:
    """Counts the rows typed as documents that never touch the receivable 0
    (``entries.outside_receivable``: QuickBooks' Deposit and Refund Receipt, an estimate, a
    sales order not billed); one Input Issue names their rows, and a blank number on them is
    no issue (a bank deposit has none)."""
    from ar_excel.core.entries import outside_receivable, type_column

    rows = outside_receivable(invoices.frame)
    if not len(rows):
        return
    column = type_column(invoices.frame)
    if "Invoice No" in invoices.letters:
        book.withdraw_blanks({(invoices.sheet_at(i), invoices.cell(i, "Invoice No"))
                              for i in rows if is_blank(invoices.frame.at[i, "Invoice No"])})
    kinds = ", ".join(f"'{k}'" for k in pd.unique(invoices.frame.loc[rows, column]))
    cells = [invoices.cell(i, column) for i in rows]
    book.issues.append(invoices.issue(rows[0], column, (
        f"{len(rows)} row(s) of documents that never touch the receivable ({kinds}: a bank "
        f"deposit, a sale's money refunded at the till, an estimate or an order): not "
        f"receivables nor receipts, counted as 0 ({cells_named(cells)})")))


def _walk_in_sales(book: Book, invoices: Table) -> None:
    """Sales to the walk-in account with no Customer ID (a Saudi or Egyptian sales register's
    cash sales: the name 'عميل نقدي', the number blank), paid in full (Balance 0, or Paid
    Amount the whole amount): no receivable, so no customer needed. Their "is required but
    blank" Customer IDs, one per cash sale of the register, become one Input Issue naming
    them. A walk-in sale still owing stays said at its cell: someone owes it."""
    from ar_excel.core.customers.checks import names_the_walk_in_account
    from ar_excel.io.customer_keys import name_column

    frame = invoices.frame
    if "Customer ID" not in frame or "Customer ID" not in invoices.letters \
            or not frame["Customer ID"].isna().any():
        return
    column = name_column(invoices)
    if column is None:
        return
    amount = pd.to_numeric(frame["Amount"], errors="coerce").abs() if "Amount" in frame \
        else pd.Series(np.nan, index=frame.index)
    settled = amount.eq(0)
    if "Balance" in frame:
        settled |= pd.to_numeric(frame["Balance"], errors="coerce").abs().lt(0.005)
    if "Paid Amount" in frame:
        settled |= pd.to_numeric(frame["Paid Amount"], errors="coerce").abs().ge(
            amount - 0.005)
    walk_in = frame["Customer ID"].isna() & frame[column].map(names_the_walk_in_account)
    _paid_at_the_till(book, invoices, walk_in.to_numpy(bool) & ~settled.to_numpy(bool))
    rows = frame.index[(walk_in & settled).to_numpy(bool)]
    if not len(rows):
        return
    cells = [invoices.cell(i, "Customer ID") for i in rows]
    book.withdraw_blanks({(invoices.sheet_at(i), invoices.cell(i, "Customer ID")) for i in rows})
    name = " ".join(str(frame.at[rows[0], column]).split())
    book.issues.append(invoices.issue(rows[0], "Customer ID", (
        f"{len(rows)} sale(s) to the walk-in account ('{name}') with no Customer ID, paid in "
        f"full: no receivable, no customer needed ({cells_named(cells)})")))


# The column saying how a sale was paid (a ZATCA simplified invoice's, a POS register's) and
# the words of a payment made at the till: cash or a card / mada terminal, never credit
_METHOD_HEADERS = frozenset(match_key(h) for h in (
    "Payment Method", "Payment Mode", "Payment Type", "Paid By", "Tender", "Tender Type",
    "طريقة الدفع", "طريقة السداد", "وسيلة الدفع", "نوع الدفع"))
_TILL_WORDS = frozenset(match_key(w) for w in (
    *CASH_WORDS, "card", "credit card", "debit card", "mada", "visa", "mastercard", "pos",
    "cash/card", "مدى", "شبكة", "بطاقة", "بطاقة ائتمان", "بطاقة مدى", "فيزا"))


def _paid_at_the_till(book: Book, invoices: Table, walk_in: np.ndarray) -> None:
    """Sales to the walk-in account with no Customer ID whose Payment Method says they were
    paid at the till (cash, card, mada: a ZATCA simplified invoice's 'نقدي' / 'مدى'), in a
    list that states no Balance or Paid Amount: no one owes them. Their Amount counts 0 as
    a receivable (not aged, not in the KPIs' sales or AR), what they were sold for kept for
    the invoice checks (``ledger.TILL_AMOUNT``); one Input Issue says how many. Only where
    the sheet says both (buyer and payment); a walk-in sale on credit stays owed."""
    from ar_excel.core.ledger import TILL_AMOUNT

    frame = invoices.frame
    if not walk_in.any() or any(c in frame and frame[c].notna().any()
                                for c in ("Balance", "Paid Amount")):
        return
    method = next((c for c in frame.columns if isinstance(c, str) and not c.startswith("_")
                   and match_key(c) in _METHOD_HEADERS), None)
    if method is None:
        return
    amount = pd.to_numeric(frame["Amount"], errors="coerce")
    till = walk_in & frame[method].map(
        lambda v: isinstance(v, str) and match_key(v) in _TILL_WORDS).to_numpy(bool) \
        & amount.notna().to_numpy(bool) & amount.ne(0).to_numpy(bool)
    rows = frame.index[till]
    if not len(rows):
        return
    frame[TILL_AMOUNT] = np.where(till, amount, np.nan)
    frame.loc[rows, "Amount"] = 0.0
    book.withdraw_blanks({(invoices.sheet_at(i), invoices.cell(i, "Customer ID")) for i in rows})
    kinds = ", ".join(dict.fromkeys(" ".join(str(frame.at[i, method]).split()) for i in rows))
    cells = [invoices.cell(i, method) for i in rows]
    book.issues.append(invoices.issue(rows[0], method, (
        f"{len(rows)} sale(s) to the walk-in account with no Customer ID paid at the till "
        f"({kinds}): not receivables, counted as 0 in the Aging and KPIs; still checked as "
        f"invoices ({cells_named(cells)})")))


def _receipts_in_another_currency(payments: Table, invoices: Table,
                                  customers: Table | None) -> list[Issue]:
    """A Payments row whose own Currency is not that of the invoice it names (a USD invoice
    paid in EGP): the ledger applies none of it to the invoice (``core.ledger``: amounts are
    never converted), so EGP 19,600 is held on account in EGP and USD invoice X-1 stays open.
    Said at its Currency cell, once per row."""
    from ar_excel.core.kpis import invoice_currency
    from ar_excel.core.ledger import said_currencies, stated_currencies

    frame, inv = payments.frame, invoices.frame
    if "Currency" not in frame or "Invoice No" not in frame or "Invoice No" not in inv:
        return []
    # (as the ledger reads them: a Currency that is no ISO code, 'CHQ', 'محلي', says none)
    stated = stated_currencies(frame)
    if stated.isna().all():
        return []
    first = inv[(inv["Amount"] > 0) & inv["Invoice No"].notna()].drop_duplicates("Invoice No")
    master = customers.frame if customers is not None else None
    if master is not None and {"Customer ID", "Currency"} <= set(master.columns):
        codes = invoice_currency(first, master)
    else:
        codes = first["Currency"] if "Currency" in first else pd.Series(None, index=first.index)
    # (an invoice whose currency nothing states is applied to: its code is no text, not
    # even where the whole list states none and pandas fills the blanks with NaN)
    by_invoice = {n: c for n, c in zip(first["Invoice No"], said_currencies(codes),
                                       strict=True) if isinstance(c, str)}
    issues, said = [], set()
    for index in stated.index[stated.notna()]:
        number, own = frame.at[index, "Invoice No"], stated[index]
        theirs = by_invoice.get(number) if isinstance(number, str) else None
        if theirs is None or theirs == own or frame.at[index, ROW] in said:
            continue
        said.add(frame.at[index, ROW])
        issues.append(payments.issue(
            index, "Currency", f"a receipt in {own} names invoice {number}, which is in "
                               f"{theirs}: none of it is applied to {number} (amounts are not "
                               f"converted); it is held on account in {own} and {number} "
                               f"stays open: write the receipt in {theirs} to apply it"))
    return issues


def _credit_notes_used(payments: Table, invoices: Table,
                       customers: Table | None) -> list[Issue]:
    """A Payments row applying a credit note of the invoice list is the credit note's use,
    not a second credit (``core.entries.credit_notes_applied``): one Input Issue per row,
    its amount in the minor units of its currency (1,000.125 KWD, not 1,000.13)."""
    from ar_excel.core.entries import credit_notes_applied, row_decimals

    found = credit_notes_applied(payments.frame, invoices.frame)
    if found is None:
        return []
    frame, source, rows, alone = found
    # (each row's own currency, else its customer's, as an invoice's)
    places = row_decimals(payments.frame, None if customers is None else customers.frame)
    issues = []
    for pos, number in alone:
        index = payments.frame.index[pos]
        amount = amount_in_units(payments.frame["Amount"].iat[pos], places[pos])
        issues.append(payments.issue(
            index, "Method", f"names credit note {number} of the invoice list and no invoice it "
                             f"paid ({amount}): read as the credit note's own record, not a "
                             f"payment; {number} stays open on the account"))
    for pos in rows:
        index = payments.frame.index[pos]
        at = int(np.flatnonzero(source == pos)[-1])
        amount = amount_in_units(-frame["Amount"].iat[at], places[pos])
        issues.append(payments.issue(
            index, "Method", f"applies credit note {frame['Invoice No'].iat[at]} of the "
                             f"invoice list ({amount}): read as its use, not a second credit"))
    payments.frame = frame
    payments.raw = payments.raw.iloc[source].reset_index(drop=True)
    return issues


# A ledger's column saying which side each amount is on (Tally's and many local systems'
# "Dr/Cr" beside an unsigned amount).
SIDE_HEADERS = frozenset(match_key(h) for h in (
    "Dr/Cr", "Dr Cr", "DrCr", "D/C", "Cr/Dr", "Debit/Credit", "Debit or Credit", "Side",
    "مدين/دائن", "دائن/مدين", "الجانب", "طبيعة الرصيد",
    # SAP's debit/credit indicator: S (Soll, debit) or H (Haben, credit)
    "SHKZG", "Debit/Credit Ind", "Debit/Credit Indicator", "D/C Indicator", "D/C Ind"))
_CREDIT_SIDE = frozenset(match_key(w) for w in ("Cr", "Cr.", "C", "Credit", "دائن", "د", "H"))
_DEBIT_SIDE = frozenset(match_key(w) for w in ("Dr", "Dr.", "D", "Debit", "مدين", "م", "S"))


def _sides_as_signs(invoices: Table, typed_credits: pd.Index) -> None:
    """An invoice list whose amounts are unsigned beside a Dr/Cr column: the Cr rows (a
    credit note, a receipt: owed to the customer) count negative, Amount, Balance and Paid
    Amount alike. Only where every filled cell of the column says Dr or Cr.

    A row typed as a receipt on the Dr side, where as many receipt-typed rows or more are on
    the Cr side (the column tells each entry's side, not the running balance's, which a
    customer paying while still owing leaves Dr), is money paid back to
    the customer, a refund (``entries.refund_rows``), not a receipt: positive, though its
    type made it negative (``typed_credits``)."""
    from ar_excel.core.entries import RECEIPT_TYPES, type_column

    frame = invoices.frame
    column = next((c for c in frame.columns if isinstance(c, str) and c not in invoices.headers
                   and match_key(c) in SIDE_HEADERS), None)
    if column is None:
        return
    sides = frame[column].map(lambda v: None if is_blank(v) else match_key(v))
    said = sides.dropna()
    if not len(said) or not said.isin(_CREDIT_SIDE | _DEBIT_SIDE).all():
        return
    credit = sides.isin(_CREDIT_SIDE).to_numpy(bool)
    kind = type_column(frame)
    receipt = (np.zeros(len(frame), dtype=bool) if kind is None else frame[kind].map(
        lambda v: isinstance(v, str) and match_key(v) in RECEIPT_TYPES).to_numpy(bool))
    debit = receipt & sides.isin(_DEBIT_SIDE).to_numpy(bool) & frame.index.isin(typed_credits)
    if (receipt & credit).sum() < debit.sum():
        debit[:] = False
    for name in ("Amount", "Balance", "Paid Amount"):
        values = frame[name]
        frame[name] = values.where(~(credit & (values > 0).to_numpy(bool)), -values).where(
            ~debit, values.abs())


def _credits_shown_by_balance(invoices: Table) -> list[Issue]:
    """A receivables report that shows a credit only by what is open of it (ERPNext's
    Accounts Receivable: a return's or an unallocated payment's Invoiced Amount is 0, its
    Outstanding Amount negative): such a row is a credit of its open amount, its Amount
    the Balance. One Input Issue says so, naming the rows."""
    frame = invoices.frame
    if "Balance" not in invoices.headers or not len(frame):
        return []
    credit = ((frame["Amount"] == 0) & (frame["Balance"] < 0)).to_numpy(bool)
    if not credit.any():
        return []
    at = frame.index[credit]
    frame.loc[at, "Amount"] = frame.loc[at, "Balance"]
    cells = [invoices.cell(i, "Amount") for i in at]
    return [invoices.issue(at[0], "Amount", f"{len(cells)} row(s) with no amount of their own "
                           f"but a credit open ({invoices.headers['Balance']} below zero: a "
                           f"credit note, a payment on account) read as credits of their open "
                           f"amount ({cells_named(cells)})")]


# SAP's line items (FBL5N) give each item cleared by a payment its clearing document.
CLEARING_HEADERS = frozenset(match_key(h) for h in (
    "Clearing Document", "Clearing Doc", "Clearing Doc No", "Clrng Doc", "Clearing Document No",
    "Clearing Doc Number"))


def _cleared_items(invoices: Table) -> None:
    """An item list with a clearing document column (SAP's FBL5N, all items): an item
    with a clearing document is cleared (settled in full: the invoice and the payment that
    cleared it alike); the others are open for their whole amount. Only where the list
    gives no Balance or Paid Amount of its own."""
    frame = invoices.frame
    column = next((c for c in frame.columns if isinstance(c, str) and c not in invoices.headers
                   and match_key(c) in CLEARING_HEADERS), None)
    if column is None or frame["Balance"].notna().any() or frame["Paid Amount"].notna().any():
        return
    cleared = frame[column].map(lambda v: not is_blank(v)).to_numpy(bool)
    if cleared.any():
        frame["Balance"] = frame["Amount"].where(~cleared, 0.0)


def _paid_words(book: Book, invoices: Table) -> None:
    """A Paid column of words (Yes / No, مسددة / غير مسددة) rather than amounts: a paid
    invoice is paid in full, and its words are no unreadable amounts."""
    from ar_excel.core.entries import paid_flags

    if "Paid Amount" not in invoices.headers:
        return
    flags = paid_flags(invoices.raw["Paid Amount"])
    if flags is None:
        return
    amount = invoices.frame["Amount"].abs()
    invoices.frame["Paid Amount"] = amount.where(flags.to_numpy(), 0.0)
    letter = invoices.letters["Paid Amount"]
    # (the sheets read with the list: each its own letter and header)
    others = {(invoices.sheet_at(i), invoices.cell(i, "Paid Amount"))
              for i in invoices.frame.index if invoices.sheet_at(i) != invoices.sheet
              } if invoices.sheet_letters else set()
    book.issues = [i for i in book.issues if not (
        (i.sheet == invoices.sheet and i.cell.startswith(letter) and i.cell[len(letter):].isdigit()
         and i.column == invoices.headers["Paid Amount"]) or (i.sheet, i.cell) in others)]




def _unknown_types(invoices: Table) -> list[Issue]:
    """A document type column's values that are no type read (``entries.unknown_types``):
    one Input Issue per such type, at its first cell, saying how many rows carry it; their
    amounts are read as written (a positive one as an invoice)."""
    from ar_excel.core.entries import type_column, unknown_types

    column = type_column(invoices.frame)
    if column is None:
        return []
    issues = []
    header = invoices.headers.get(column, column)
    for text, at in unknown_types(invoices.frame, column).items():
        cells = [invoices.cell(i, column) for i in at]
        issues.append(invoices.issue(
            at[0], column, f"{header} '{text}' is no document type ar_excel reads (an "
                           f"invoice, a credit note, a receipt): {len(cells)} row(s) read with "
                           f"their amounts as written ({cells_named(cells)})"))
    return issues
