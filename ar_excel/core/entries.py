"""Ledger entries as clerks write them, read as the accountant means them.

* A credit note kept as a positive amount with a document type saying so (``Type`` =
  ``Credit Note``, ``CN``, ``Return``, ``إشعار دائن``, ``مرتجع``) is a credit: its Amount (and
  Balance, Paid Amount) count negative, as the contract writes a credit note. A receipt typed
  into the invoice list (``Receipt``, ``Payment``, ``تحصيل``) is money received: a credit on
  the account the same way. An amount already negative stays as it is.
* An invoice list kept as open items (no receipts recorded) that says which invoices are
  paid only by a status column (``Paid`` / ``Unpaid``, ``مسددة`` / ``غير مسددة``): a paid
  invoice is paid in full (its Paid Amount is its amount).
* An invoice a status column says is cancelled or void is no receivable: its amount counts
  as 0 (the row stays, so its number is no gap in the series). So does a cash sale
  (QuickBooks' and Zoho's ``Sales Receipt``: paid at the sale), which is no receipt either.
* A receipts sheet whose every amount carries a minus sign (a ledger export writing receipts
  as credits) holds money received: the amounts are taken positive (the contract's sign).
* A receipt that names several invoices in its Invoice No cell (``"INV-1, INV-2"``,
  ``"5001 / 5002"``, ``"5001 و 5002"``) pays them in the order written: each takes what it
  still has open when the receipt arrives (its amount less the receipts dated before that
  named it), the last one the rest (what exceeds it stays on account, as the ledger rules).
  The receipt becomes one row per invoice, each with the receipt's ID, date and row, so the
  amounts applied add up to the receipt.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

import numpy as np
import pandas as pd

from ar_excel.core.debit_types import DEBIT_TYPES, DYNAMICS_365_TYPES, SIGNED_TYPES
from ar_excel.core.money import DEFAULT_DECIMALS, decimals_of
from ar_excel.model import ROW
from ar_excel.names import match_key
from ar_excel.parsing import is_blank
from ar_excel.schema import NARRATION_HEADERS, OPENING

# Not "Credit" alone: a sale type column says Cash / Credit for a sale on credit terms.
CREDIT_TYPES = frozenset(match_key(w) for w in (
    "Credit Note", "Credit Notes", "CN", "CR Note", "Credit Memo", "Return", "Returns",
    "Sales Return", "Refund Note", "إشعار دائن", "اشعار دائن", "إشعار إضافة", "مرتجع",
    "مرتجعات", "مرتجع مبيعات",
    "مردود مبيعات", "مردودات مبيعات", "مردود",  # Egypt's and Syria's word (Al-Ameen's vouchers)
    # ERP document types: Dynamics GP (Credit Memos, RTN), Sage 50 (SC: sales credit),
    # QuickBooks / Sage US (CM)
    "Credit Memos", "RTN", "CM", "SC", "Sales Credit", "Sales Credit Note",
    # Dynamics GP's receivables document types (SLS, DR, FIN, WRN, SVC, RTN, CR, PMT): "CR"
    # is its credit memo, unless the column says Cash / CR (a sale on credit terms)
    "CR", "out_refund",  # (and Odoo's move type for a credit note)
    "DG",  # SAP's customer credit memo
    # SAP's billing types (VBRK-FKART): credit memo, returns, cancellation of an invoice
    "G2", "RE", "S1",
    "381",  # ZATCA's / UN/CEFACT credit note type code
    "CRN",  # a credit note's short form (Tally's, Gulf ERPs' voucher types)
    # ZATCA's two kinds of every document: standard (B2B, cleared) and simplified (B2C,
    # reported), both as the POS / ERP names them
    "Simplified Credit Note", "Standard Credit Note", "Tax Credit Note",
    "إشعار دائن مبسط", "اشعار دائن مبسط",
    "A/R Credit Memo", "AR Credit Memo"))  # SAP Business One's
# A sale paid in cash, as a type column's Cash / Credit terms or a till's Payment Method
# (``io.erp_entries``) write it.
CASH_WORDS = ("Cash", "نقدي", "نقدا", "نقدى", "كاش")
# Beside "CR" in one type column, these say the column is a sale's Cash / Credit terms.
CASH_SALE_TYPES = frozenset(match_key(w) for w in (*CASH_WORDS, "CS", "CA", "Cash Sale"))
RECEIPT_TYPES = frozenset(match_key(w) for w in (
    "Receipt", "Payment", "Cash Receipt", "Collection", "تحصيل", "سداد", "دفعة", "مقبوضات",
    "إيصال", "سند قبض",
    # Dynamics GP (Payments, PMT), Sage 50 (Sales Receipt, beside its SI / SC: a customer's
    # payment there, QuickBooks' and Zoho's cash sale elsewhere, ``cash_sale_rows``; not
    # "SA", SAP's G/L posting)
    "Payments", "PMT", "Receipts", "Sales Receipt", "Payment on Account", "Customer Payment",
    "SR",  # Sage 50's sales receipt (a sales return, where others write it, is a credit too)
    "DZ",  # SAP's customer payment
    "Incoming Payment", "Incoming Payments",  # SAP Business One's
    # Sage 300's receipt (PY) and unapplied cash (UC: received, applied to no invoice yet)
    "PY", "UC", "Unapplied Cash",
    # money received ahead of the invoice, or held on account without one (NetSuite's
    # Customer Deposit, a prepayment, Tally's and Sage's On Account): received, on account
    "Prepayment", "Customer Deposit", "Deposit Received", "On Account",
    "Bank Receipt",  # a receipt voucher into the bank (Tally, Gulf ERPs), as Cash Receipt
    # hand-kept ledgers (Egypt, Gulf): a receipt voucher, cash or cheque received (not
    # "RV": SAP's billing document, an invoice)
    "قبض", "قبض نقدي", "قبض بنكي", "سند قبض نقدي", "سند قبض بنكي", "إيصال استلام",
    "ايصال استلام", "تحصيل نقدي", "تحصيلات", "سندات قبض", "Receipt Voucher",
    "Payment Received", "Customer Receipt", "Cheque Received", "Check Received"))

# Sage 300's receipts (PY, UC) beside its prepayment, PI: money received ahead of an invoice.
# Elsewhere PI is as often a pro-forma invoice, no money at all: a prepayment only beside them.
# Its earned discount, ED (a discount the customer took with a receipt, off what it owes),
# likewise: a list typing its lines by trade (IT, ED for education, AD for advertising) owes
# its ED invoices.
SAGE_300_RECEIPTS = frozenset(match_key(w) for w in ("PY", "UC"))
SAGE_300_PREPAYMENT = match_key("PI")
SAGE_300_EARNED_DISCOUNT = match_key("ED")
# Sage 300's interest charge (IT), adjustment (AD) and refund (RF) are its codes beside its
# other documents (invoice, credit and debit note, receipt, unapplied cash); alone, a Type
# column of IT / AD / RF is as often the line of business (IT services, advertising), no
# document type at all.
SAGE_300_DOCUMENTS = frozenset(match_key(w) for w in ("IN", "CN", "DN")) | SAGE_300_RECEIPTS
SAGE_300_INTEREST, SAGE_300_ADJUSTMENT, SAGE_300_REFUND = (match_key(w) for w in (
    "IT", "AD", "RF"))


def sage_300_kinds(kinds: object, codes: frozenset[str] | set[str],
                   beside: frozenset[str] = SAGE_300_DOCUMENTS) -> list[str]:
    """The values of one document type column (``kinds``: its distinct values) naming one of
    Sage 300's ``codes`` (IT, AD, RF), where the column names some of its documents
    ``beside`` too (by default its others, ``SAGE_300_DOCUMENTS``)."""
    keys = {match_key(v): v for v in kinds if isinstance(v, str)}
    if not keys.keys() & beside:
        return []
    return [v for k, v in keys.items() if k in codes]


def prepayment_kinds(kinds: object) -> list[str]:
    """The values of a document type column naming Sage 300's prepayment (PI), beside its
    receipts."""
    return sage_300_kinds(kinds, {SAGE_300_PREPAYMENT}, SAGE_300_RECEIPTS)


def earned_discount_kinds(kinds: object) -> list[str]:
    """The values of a document type column naming Sage 300's earned discount (ED), a
    credit, beside its receipts."""
    return sage_300_kinds(kinds, {SAGE_300_EARNED_DISCOUNT}, SAGE_300_RECEIPTS)


# What an outstandings report writes where a bill's reference would be for money held on
# the account against no bill (Tally's method of adjustment "On Account", an advance): no
# document's number, a receipt (``receipt_rows``) on the credit side.
ON_ACCOUNT_REFERENCES = frozenset(match_key(w) for w in (
    "On Account", "On Acc", "On A/c", "Advance", "Advance Received", "تحت الحساب",
    "على الحساب", "دفعة تحت الحساب", "دفعة مقدمة"))

# QuickBooks' and Zoho Books' Sales Receipt is a cash sale: paid at the sale, so never owed
# (no receivable, no receipt of a receivable). Sage 50 names its customer receipts so, beside
# its own document types (SI / SC / SR, Sales Invoice, Sales Credit): there it is a receipt.
CASH_SALE_RECEIPTS = frozenset(match_key(w) for w in ("Sales Receipt", "Sales Receipts"))
SAGE_SALES_TYPES = frozenset(match_key(w) for w in (
    "SI", "SC", "SR", "Sales Invoice", "Sales Credit", "Sales Credit Note",
    "Sales Receipt on Account"))

# Money paid back out to a customer, as a running ledger or a transaction list keeps it: a
# debit of the account (a credit the customer held, paid out). Not "Refund Note": a credit.
REFUND_TYPES = frozenset(match_key(w) for w in (
    "Refund", "Refunds", "Customer Refund", "Refund Paid", "Cash Refund",
    "Payment Refund",  # (not Sage 300's RF alone: ``sage_300_kinds``)
    "سند صرف", "سند صرف نقدي", "سند صرف بنكي", "رد مبلغ", "رد نقدية",
    "مبلغ مردود"))

# The invoice list's document type column, kept as the sheet names it (no contract column).
TYPE_HEADERS = frozenset(match_key(w) for w in (
    "Type", "Document Type", "Doc Type", "Transaction Type", "Trans Type", "Invoice Type",
    "Entry Type", "نوع المستند", "النوع", "نوع الحركة", "نوع الفاتورة", "نوع القيد",
    "Billing Type",  # SAP's VBRK-FKART
    "Invoice Type Code", "Document Type Code", "رمز نوع الفاتورة",  # ZATCA's 388 / 381
    "نوع السند", "Voucher Type"))  # a voucher's type (Al-Ameen's ledger, Tally's Vch Type)

_SEPARATORS = re.compile(r"\s*(?:[,;،؛&+\n/|]|\band\b|\sو\s)\s*")


def is_credit_type(value: object) -> bool:
    """Whether a document type names a credit note, a return or money received."""
    if not isinstance(value, str):
        return False
    key = match_key(value)
    return key in CREDIT_TYPES or key in RECEIPT_TYPES


def cash_sale_kinds(kinds: object) -> list[str]:
    """The values of one document type column (``kinds``: its distinct values) naming a cash
    sale: Sales Receipt, unless the column names Sage 50's documents (``SAGE_SALES_TYPES``),
    whose Sales Receipt is a customer's payment."""
    keys = {match_key(v): v for v in kinds if isinstance(v, str)}
    if keys.keys() & SAGE_SALES_TYPES:
        return []
    return [v for k, v in keys.items() if k in CASH_SALE_RECEIPTS]


def cash_sale_rows(invoices: pd.DataFrame) -> np.ndarray:
    """Which rows of an invoice list its document type column says are cash sales
    (``cash_sale_kinds``): paid at the sale, no receivable."""
    column = type_column(invoices)
    if column is None:
        return np.zeros(len(invoices), dtype=bool)
    return invoices[column].isin(cash_sale_kinds(pd.unique(invoices[column]))).to_numpy(bool)


def cash_sales(invoices: pd.DataFrame) -> pd.Index:
    """The cash sales of an invoice list (``cash_sale_rows``) counted as 0 (in place), as a
    cancelled invoice is: what was sold was paid for at once, so no receivable, and no
    receipt of one either (read as a receipt, QuickBooks' Sales Receipt of 750.00 took
    750.00 off what the customer owes on its invoices). Returns their index."""
    rows = invoices.index[cash_sale_rows(invoices)]
    for c in ("Amount", "Paid Amount", "Balance"):
        if c in invoices and len(rows) and (c == "Amount" or invoices[c].notna().any()):
            invoices.loc[rows, c] = 0.0
    return rows


# Documents a customer's transaction list shows that never touch the receivable: QuickBooks'
# Refund Receipt (the mirror of its Sales Receipt: a sale's money paid back at the till, the
# customer owing nothing before or after), its bank Deposit (money deposited straight to the
# bank, or the deposit of a Payment the list already shows), estimates, quotations and sales
# orders (nothing billed yet). Not "Customer Deposit" / "Deposit Received": money received
# on account (``RECEIPT_TYPES``).
_DEPOSIT_TYPES = frozenset(match_key(w) for w in ("Deposit", "Deposits", "Bank Deposit"))
# An order: nothing billed yet where the list names its invoices as such (QuickBooks'
# transaction list); where it names none, its ledger's type of an invoice posted from an
# order (Dynamics 365's Customer transactions: 'Sales order', beside 'Free text invoice').
SALES_ORDER_TYPES = frozenset(match_key(w) for w in ("Sales Order", "Sales Orders"))
OUTSIDE_RECEIVABLE_TYPES = _DEPOSIT_TYPES | SALES_ORDER_TYPES | frozenset(
    match_key(w) for w in ("Refund Receipt", "Refund Receipts", "Estimate", "Estimates",
                           "Quote", "Quotation", "Sales Quotation", "عرض سعر", "عرض أسعار",
                           "أمر بيع", "امر بيع"))


def _orders_billed(kinds: object) -> frozenset[str]:
    """The order types a list posts to the receivable: beside no invoice type but Dynamics
    365's own, the list's 'Sales order' is its invoices' (D365's ledger type of an invoice
    posted from an order), not an order unbilled."""
    said = {match_key(v) for v in kinds if isinstance(v, str)}
    return (SALES_ORDER_TYPES if said and not said & (DEBIT_TYPES - DYNAMICS_365_TYPES)
            else frozenset())


def outside_receivable(invoices: pd.DataFrame) -> pd.Index:
    """The rows of an invoice list whose document type never touches the receivable
    (``OUTSIDE_RECEIVABLE_TYPES``, but a sales order the list bills: ``_orders_billed``)
    counted as 0 (in place), as a cash sale is: read as an invoice, a QuickBooks Deposit of
    750.00 was 750.00 owed; read as a refund paid out, a Refund Receipt was a debit of the
    account. Returns their index."""
    column = type_column(invoices)
    if column is None:
        return invoices.index[:0]
    kinds = pd.unique(invoices[column])
    outside_types = OUTSIDE_RECEIVABLE_TYPES - _orders_billed(kinds)
    kinds = [v for v in kinds if isinstance(v, str) and match_key(v) in outside_types]
    outside = invoices[column].isin(kinds).to_numpy(bool, copy=True)
    if outside.any() and "Amount" in invoices:
        # A Deposit written as a credit (a hand-kept signed list's 'Deposit -2,000': the
        # customer's money received on account) is a receipt as written; QuickBooks' bank
        # Deposit, money in, is printed positive.
        deposits = invoices[column].isin([v for v in kinds if match_key(v) in _DEPOSIT_TYPES]
                                         ).to_numpy(bool)
        amount = pd.to_numeric(invoices["Amount"], errors="coerce")
        outside &= ~(deposits & amount.lt(0).to_numpy(bool))
        if "Balance" in invoices:
            # A Deposit with an open balance of its own, at most its amount, is a document
            # billed and not yet paid: Oracle Receivables' Deposit class (a commitment
            # invoiced ahead of the goods, with its number and due date). A bank deposit
            # leaves nothing open.
            open_ = pd.to_numeric(invoices["Balance"], errors="coerce")
            outside &= ~(deposits & (open_.gt(0) & open_.le(amount)).to_numpy(bool))
    rows = invoices.index[outside]
    for c in ("Amount", "Paid Amount", "Balance"):
        if c in invoices and len(rows) and (c == "Amount" or invoices[c].notna().any()):
            invoices.loc[rows, c] = 0.0
    return rows


def _column_headed(invoices: pd.DataFrame, headers: frozenset[str]) -> str | None:
    return next((c for c in invoices.columns if isinstance(c, str) and match_key(c) in
                 headers), None)


def type_column(invoices: pd.DataFrame) -> str | None:
    """The invoice list's document type column, if it has one."""
    return _column_headed(invoices, TYPE_HEADERS)


ETA_TYPES = frozenset(("i", "c", "d"))  # Egypt's e-invoice types: invoice, credit, debit note


def _eta_types(kinds: object) -> bool:
    """A type column of Egypt's e-invoice document types alone (I, C, D), one letter each."""
    said = {match_key(v) for v in kinds if isinstance(v, str) and v.strip()}
    return bool(said) and said <= ETA_TYPES and "c" in said


def unknown_types(invoices: pd.DataFrame, column: str) -> dict[str, pd.Index]:
    """The values of the type column ``column`` that are no type read (an invoice, a credit
    note, a receipt ...: "XYZ", a typo), each as written (stripped) with its rows, in the
    order they first appear; none where it names no type read at all (then it is some
    other column: "Goods" / "Services")."""
    known = (DEBIT_TYPES | SIGNED_TYPES | CREDIT_TYPES | RECEIPT_TYPES | REFUND_TYPES
             | CASH_SALE_TYPES | OUTSIDE_RECEIVABLE_TYPES)
    kinds = pd.unique(invoices[column].dropna())
    if _eta_types(kinds):
        known = known | ETA_TYPES
    known = known | {match_key(k) for k in prepayment_kinds(kinds) + earned_discount_kinds(kinds)
                     + sage_300_kinds(kinds, {SAGE_300_INTEREST, SAGE_300_ADJUSTMENT,
                                              SAGE_300_REFUND})}
    texts = invoices[column].map(lambda v: None if is_blank(v) else str(v).strip())
    said = pd.unique(texts.dropna())
    unknown = [t for t in said if match_key(t) not in known]
    if len(unknown) == len(said):
        return {}
    return {t: texts.index[(texts == t).to_numpy(bool)] for t in unknown}


def credits_as_negative(invoices: pd.DataFrame) -> pd.Index:
    """Negate (in place) the amounts of the positive rows whose type is a credit; returns
    their index."""
    column = type_column(invoices)
    if column is None:
        return invoices.index[:0]
    types = invoices[column]
    kinds = pd.unique(types)  # a few words, many rows
    cash_sale = cash_sale_kinds(kinds)  # no credit: ``cash_sales`` counts them 0
    credit_types = [v for v in kinds if is_credit_type(v) and v not in cash_sale]
    # Sage 300's PI and ED beside its PY / UC
    credit_types += prepayment_kinds(kinds) + earned_discount_kinds(kinds)
    if _eta_types(kinds):  # Egypt's e-invoice document types: I, C (credit note), D
        credit_types += [v for v in kinds if isinstance(v, str) and match_key(v) == "c"]
    if any(isinstance(v, str) and match_key(v) in CASH_SALE_TYPES for v in kinds):
        credit_types = [v for v in credit_types if match_key(v) != "cr"]  # Cash / Credit
    positive = (invoices["Amount"] > 0).to_numpy(bool)
    paid_out = _receipts_against_the_lists_sign(invoices, types, kinds, positive)
    credit = (types.isin(credit_types).to_numpy(bool) & positive
              & ~invoices.index.isin(paid_out))
    rows = invoices.index[credit]
    for column in ("Amount", "Balance", "Paid Amount"):
        if column in invoices and len(rows):
            invoices.loc[rows, column] = -invoices.loc[rows, column].abs()
        if column in invoices and len(paid_out):
            invoices.loc[paid_out, column] = invoices.loc[paid_out, column].abs()
    return rows


def _receipts_against_the_lists_sign(invoices: pd.DataFrame, types: pd.Series, kinds: object,
                                     positive: np.ndarray) -> pd.Index:
    """The receipt-typed rows signed against most such rows of the list: written negative
    where more are positive, or positive where more are negative (a list writing its
    receipts as credits). The other sign says the money went the other way, paid back to
    the customer (a refund, ``refund_rows``), a debit. Not where as many are written each
    way, nor for a lone one: a list mixing both conventions, or one Payment, says nothing of
    which way its money went."""
    cash_sale = cash_sale_kinds(kinds)
    receipt = types.isin([v for v in kinds if isinstance(v, str) and match_key(v)
                          in RECEIPT_TYPES and v not in cash_sale]
                         + prepayment_kinds(kinds)).to_numpy(bool)
    plus = receipt & positive
    minus = receipt & (invoices["Amount"] < 0).to_numpy(bool)
    if plus.sum() > minus.sum():
        return invoices.index[minus]
    if minus.sum() > plus.sum():
        return invoices.index[plus]
    return invoices.index[:0]


# An invoice list's payment status column, and the words saying an invoice is paid.
STATUS_HEADERS = frozenset(match_key(w) for w in (
    "Status", "Payment Status", "Paid?", "Paid / Unpaid", "Invoice Status", "الحالة",
    "حالة السداد", "حالة الفاتورة", "مسدد؟"))
# A column saying of each document whether it was voided, in words (Dynamics GP's Void
# Status: Normal / Voided), beside the payment status.
VOID_STATE_HEADERS = frozenset(match_key(w) for w in (
    "Void Status", "Voided Status", "Cancel Status", "Cancellation Status", "حالة الإلغاء"))
PAID_WORDS = frozenset(match_key(w) for w in (
    "Paid", "Fully Paid", "Settled", "Closed", "Collected", "Yes", "Y", "مسدد", "مسددة",
    "مدفوع", "مدفوعة", "محصل", "محصلة", "خالص", "خالصة", "تم السداد", "تم التحصيل", "نعم",
    # paid and more (Daftra's مدفوعة بالزيادة): the invoice is settled, the excess a credit
    "Overpaid", "مدفوعة بالزيادة", "مدفوع بالزيادة", "مدفوعة زيادة"))
# A status saying an invoice is partly paid (Daftra's, Qoyod's مدفوعة جزئياً): how much, only
# a Paid or Balance figure says.
PARTLY_PAID_WORDS = frozenset(match_key(w) for w in (
    "Partially Paid", "Partly Paid", "Part Paid", "Partial", "مدفوعة جزئياً", "مدفوعة جزئيا",
    "مدفوع جزئياً", "مدفوع جزئيا", "مسددة جزئياً", "مسددة جزئيا", "مسدد جزئياً", "مسدد جزئيا",
    "سداد جزئي", "جزئي"))


UNPAID_WORDS = frozenset(match_key(w) for w in (
    "Unpaid", "Not Paid", "Open", "Outstanding", "No", "N", "Due", "Overdue", "غير مسدد",
    "غير مسددة", "غير مدفوع", "غير مدفوعة", "مفتوحة", "مستحقة", "متأخرة", "لا"))


CANCELLED_WORDS = frozenset(match_key(w) for w in (
    "Cancelled", "Canceled", "Void", "Voided", "Reversed", "ملغاة", "ملغية", "ملغي", "ملغى",
    "لاغية", "مسترجعة بالكامل"))


# A document not posted yet: no receivable (``io.document_states`` counts it 0).
DRAFT_WORDS = frozenset(match_key(w) for w in (
    "Draft", "Pro-forma", "Proforma", "Pro forma", "Unposted", "Not Posted", "مسودة", "مسوده",
    "غير مرحل", "غير مرحلة", "فاتورة مبدئية", "مبدئية"))
# The state columns such words stand in (Odoo's State beside the status headers above).
_STATE_HEADERS = STATUS_HEADERS | VOID_STATE_HEADERS | frozenset(match_key(w) for w in (
    "State", "Document Status", "Posting Status", "حالة المستند", "حالة الترحيل"))


def void_or_draft(invoices: pd.DataFrame) -> np.ndarray:
    """The rows a status column says are cancelled or drafts: the reader counts them 0, so
    what they were billed for is no receivable and no total to check."""
    out = np.zeros(len(invoices), dtype=bool)
    words = CANCELLED_WORDS | DRAFT_WORDS
    for column in invoices.columns:
        if isinstance(column, str) and match_key(column) in _STATE_HEADERS:
            out |= invoices[column].map(
                lambda v: isinstance(v, str) and match_key(v) in words).to_numpy(bool)
    flag = cancelled_column(invoices)
    if flag is not None and match_key(flag) in CANCELLED_FLAG_HEADERS:
        out |= invoices[flag].map(
            lambda v: isinstance(v, str) and match_key(v) in FLAG_YES).to_numpy(bool)
    return out


def status_column(invoices: pd.DataFrame) -> str | None:
    """The invoice list's payment status column, if it has one."""
    return _column_headed(invoices, STATUS_HEADERS)


# A Yes / No column saying whether the document was cancelled (SAP Business One's
# "Canceled" beside its Document Status, which says Closed of a cancelled invoice too).
CANCELLED_FLAG_HEADERS = frozenset(match_key(w) for w in (
    "Canceled", "Cancelled", "Is Cancelled", "Is Canceled", "Void", "Voided", "ملغاة؟",
    "ملغي؟", "ملغاة", "ملغي"))
FLAG_YES = frozenset(match_key(w) for w in ("Yes", "Y", "True", "نعم"))
FLAG_NO = frozenset(match_key(w) for w in ("No", "N", "False", "لا"))
# The columns that say a document was cancelled in words.
_SAYS_CANCELLED = STATUS_HEADERS | VOID_STATE_HEADERS


def cancelled_column(invoices: pd.DataFrame) -> str | None:
    """The column saying which invoices are cancelled: the status column where it says so
    of some, else a Yes / No cancelled flag (every value Yes or No, some Yes)."""
    status = status_column(invoices)
    # the payment status first, then every other status column: Odoo's list has its Payment
    # Status (Not Paid of a cancelled invoice too) before its Status (Draft, Posted, Cancelled)
    for column in dict.fromkeys([status, *invoices.columns]):  # (each column once)
        if isinstance(column, str) and match_key(column) in _SAYS_CANCELLED and invoices[
                column].map(lambda v: isinstance(v, str) and match_key(v) in CANCELLED_WORDS).any():
            return column
    for column in invoices.columns:
        if not isinstance(column, str) or match_key(column) not in CANCELLED_FLAG_HEADERS:
            continue
        said = {match_key(v) for v in invoices[column].dropna().unique().tolist()
                if isinstance(v, str) and v.strip()}
        typed = invoices[column].map(lambda v: isinstance(v, str) and bool(v.strip()))
        if said and said <= FLAG_YES | FLAG_NO and said & FLAG_YES and \
                typed.sum() == invoices[column].notna().sum():
            return column
    return status


def said_cancelled(invoices: pd.DataFrame) -> pd.Series:
    """Per invoice row: True where a status column says cancelled or void (``Cancelled``,
    ``Void``, ``ملغاة``) or a cancelled flag says Yes."""
    column = cancelled_column(invoices)
    if column is None:
        return pd.Series(False, index=invoices.index)
    words = CANCELLED_WORDS if match_key(column) in _SAYS_CANCELLED else FLAG_YES
    return invoices[column].map(
        lambda v: isinstance(v, str) and match_key(v) in words).astype(bool)


def cancelled_invoices(invoices: pd.DataFrame) -> pd.Index:
    """Invoices cancelled or void (``said_cancelled``): no receivable. Their amounts are set
    to 0 (in place): the rows stay, so the invoice numbering keeps them. Returns their index."""
    rows = invoices.index[said_cancelled(invoices)]
    for c in ("Amount", "Paid Amount", "Balance"):
        # (a Paid Amount or Balance the list never fills stays blank: filled on the cancelled
        # rows alone, it would make the book an open-items list that records no receipt)
        if c in invoices and len(rows) and (c == "Amount" or invoices[c].notna().any()):
            invoices.loc[rows, c] = 0.0
    return rows


def paid_flags(raw: pd.Series) -> pd.Series | None:
    """A Paid column holding words, not amounts (``Yes`` / ``No``, ``Paid`` / ``Unpaid``,
    ``مسددة`` / ``غير مسددة``): True where paid; None when it holds anything else."""
    filled = raw.dropna()
    filled = filled[filled.map(lambda v: not (isinstance(v, str) and not v.strip()))]
    if not len(filled):
        return None
    keys = filled.map(lambda v: match_key(v) if isinstance(v, str) else None)
    if not keys.isin(PAID_WORDS | UNPAID_WORDS).all():
        return None
    return raw.map(lambda v: isinstance(v, str) and match_key(v) in PAID_WORDS).astype(bool)


def paid_by_status(invoices: pd.DataFrame) -> pd.Index:
    """For an invoice list kept as open items with a status column (``Paid`` / ``Unpaid``,
    ``مسددة``) but no Paid Amount or Balance figures: the paid invoices get their whole
    amount as Paid Amount (in place). Returns their index."""
    column = status_column(invoices)
    if column is None or invoices.get("Paid Amount", pd.Series(dtype=float)).notna().any() or \
            invoices.get("Balance", pd.Series(dtype=float)).notna().any():
        return invoices.index[:0]
    paid = invoices[column].map(lambda v: isinstance(v, str) and match_key(v) in PAID_WORDS)
    rows = invoices.index[paid.astype(bool)]
    if len(rows):
        invoices.loc[rows, "Paid Amount"] = invoices.loc[rows, "Amount"].abs()
    return rows


def partly_paid_by_status(invoices: pd.DataFrame) -> pd.Index:
    """The invoices a status column says are partly paid in a list kept as open items that
    gives no Paid Amount or Balance figures: open in full, as nothing says how much was paid
    (the reader says so). Call before ``paid_by_status`` (which fills Paid Amount)."""
    column = status_column(invoices)
    if column is None or invoices.get("Paid Amount", pd.Series(dtype=float)).notna().any() or \
            invoices.get("Balance", pd.Series(dtype=float)).notna().any():
        return invoices.index[:0]
    partly = invoices[column].map(
        lambda v: isinstance(v, str) and match_key(v) in PARTLY_PAID_WORDS)
    return invoices.index[partly.astype(bool)]


def receipts_kept_as_credits(payments: pd.DataFrame) -> bool:
    """Whether a receipts sheet keeps every receipt with a credit's minus sign (as ledger
    exports do): then each is money received, not a refund. One positive amount among them
    and the signs are taken as written."""
    amounts = payments["Amount"].dropna() if "Amount" in payments else pd.Series(dtype=float)
    amounts = amounts[amounts != 0]
    return len(amounts) >= 2 and bool((amounts < 0).all())


def invoice_list(text: object, known: set[str]) -> list[str] | None:
    """The invoices a cell names when it names several known ones, in the order written;
    None when it is one invoice or names one it cannot find."""
    if not isinstance(text, str) or text in known:
        return None
    parts = [p.strip() for p in _SEPARATORS.split(text) if p and p.strip()]
    if len(parts) < 2:
        return None
    found = [p if p in known else _spelled(p, known) for p in parts]
    if any(p is None for p in found):
        return None
    return list(dict.fromkeys(found))  # "INV-1, INV-1" is one invoice


def _spelled(part: str, known: set[str]) -> str | None:
    from ar_excel.core.customers.ids import ids_as_spelled

    return ids_as_spelled(pd.Series([part]), known).get(part)


# Whether any of many texts can hold a separator, screened in one pass over them joined by
# line breaks: ``_SEPARATORS``' characters but the line break (which joins them), then its
# words only where the text has them at all (a pattern of alternatives is slow over a long
# text). A text holding a line break is looked at by itself.
_SEPARATOR_CHARACTERS = ",;،؛&+/|"
_SEPARATOR_WORDS = re.compile(r"\band\b|\sو\s")


def _may_list_several(texts: list[str]) -> bool:
    joined = "\n".join(texts)
    if joined.count("\n") != max(len(texts) - 1, 0) or any(
            c in joined for c in _SEPARATOR_CHARACTERS):  # each a fast search, not a regex
        return True
    return ("and" in joined or "و" in joined) and _SEPARATOR_WORDS.search(joined) is not None


def row_decimals(invoices: pd.DataFrame, customers: pd.DataFrame | None) -> list[int]:
    """Each row's decimals (an invoice's, a payment's): its own Currency's, else its customer's,
    else two."""
    own = (invoices["Currency"] if "Currency" in invoices
           else pd.Series(None, index=invoices.index, dtype="object"))
    if customers is not None and {"Customer ID", "Currency"} <= set(customers.columns):
        master = customers.drop_duplicates("Customer ID").set_index("Customer ID")["Currency"]
        own = own.where(own.notna() & (own.astype(str).str.strip() != ""),
                        invoices["Customer ID"].map(master))
    return [decimals_of(c) for c in own.tolist()]


def split_multi_invoice_receipts(payments: pd.DataFrame, invoices: pd.DataFrame,
                                 customers: pd.DataFrame | None = None
                                 ) -> tuple[pd.DataFrame, np.ndarray] | None:
    """The payments with each receipt naming several invoices split into one row per
    invoice (see the module's rule), and for each new row the position of the row it came
    from; None when no receipt names several invoices."""
    if not len(payments) or "Invoice No" not in payments or "Invoice No" not in invoices:
        return None
    named = payments["Invoice No"]
    # every text screened at once (most receipts name one invoice, and most name one their
    # own: the screen gains nothing from their distinct texts), then the distinct ones
    if not _may_list_several([v for v in named.tolist() if isinstance(v, str)]):
        return None
    texts = [v for v in pd.unique(named.dropna()) if isinstance(v, str)]
    listing = [v for v in texts if _SEPARATORS.search(v)]
    if not listing:
        return None
    known = set(invoices["Invoice No"].dropna())
    lists = {v: lst for v in listing if (lst := invoice_list(v, known))}
    if not lists:
        return None
    amounts = payments["Amount"].tolist()
    candidates = [(pos, lists[value]) for pos, value in enumerate(named.tolist())
                  if value in lists and pd.notna(amounts[pos])]
    if not candidates:
        return None
    positive = invoices[invoices["Amount"] > 0].drop_duplicates("Invoice No")
    room = dict(zip(positive["Invoice No"], positive["Amount"].astype(float), strict=True))
    # a share is exact to the minor unit of the invoices' currency (fils for KWD, not cents):
    # the invoice's own, else its customer's
    places = dict(zip(positive["Invoice No"], row_decimals(positive, customers), strict=True))
    amounts = payments["Amount"].fillna(0.0).astype(float).tolist()
    dates = pd.to_datetime(payments["Date"])
    # receipts in the order they arrived (undated last), each taking its invoices' room
    order = sorted(range(len(payments)), key=lambda p: (
        pd.isna(dates.iloc[p]), dates.iloc[p] if pd.notna(dates.iloc[p]) else 0,
        int(payments[ROW].iloc[p]) if ROW in payments else p))
    several = dict(candidates)
    shares: dict[int, list[tuple[str, float]]] = {}
    for pos in order:
        amount = amounts[pos]
        if pos not in several:
            number = named.iloc[pos]
            if number in room and amount > 0:
                room[number] = max(room[number] - amount, 0.0)
            continue
        left, parts = amount, []
        listed = several[pos]
        digits = max((places.get(n, DEFAULT_DECIMALS) for n in listed), default=DEFAULT_DECIMALS)
        for i, number in enumerate(listed):
            take = left if i == len(listed) - 1 else min(max(left, 0.0), room.get(number, 0.0))
            take = round(take, digits)
            parts.append((number, take))
            left = round(left - take, digits)
            if amount > 0:
                room[number] = max(room.get(number, 0.0) - take, 0.0)
        shares[pos] = [p for p in parts if p[1] != 0] or parts[-1:]
    source = np.concatenate([np.full(len(shares.get(p, [None])), p)
                             for p in range(len(payments))]).astype(np.int64)
    out = payments.iloc[source].reset_index(drop=True)
    numbers, values = out["Invoice No"].tolist(), out["Amount"].tolist()
    i = 0
    for pos in range(len(payments)):
        for number, take in shares.get(pos, [(None, None)]):
            if number is not None:
                numbers[i], values[i] = number, take
            i += 1
    out["Invoice No"] = pd.Series(numbers, dtype="object")
    out["Amount"] = pd.Series(values, dtype="float64")
    return out, source


def per_distinct(values: pd.Series, fn: Callable[[Any], Any]) -> pd.Series:
    """``fn`` applied once per distinct value (a register repeats its numbers and codes)."""
    codes, uniques = pd.factorize(values.astype("object"), use_na_sentinel=True)
    mapped = np.array([fn(u) for u in uniques] + [None], dtype="object")
    return pd.Series(mapped[codes], index=values.index, dtype="object")


def narration_columns(invoices: pd.DataFrame) -> list[str]:
    """The invoice list's narration columns (البيان, Description), as a running ledger keeps."""
    return [c for c in invoices.columns if isinstance(c, str)
            and match_key(c) in NARRATION_HEADERS]


def _opening_names(text: object) -> list[str]:
    """The keys of a narration's first one, two and three words ("سند قبض - شيك 12": سند,
    سند قبض, سند قبض شيك), the names a document type may take there."""
    if not isinstance(text, str):
        return []
    words = re.split(r"[\s\-–:/#(),.]+", text.strip())
    return [match_key(" ".join(words[:n])) for n in (1, 2, 3) if len(words) >= n]


# What names money received in a type column but not as a narration's opening words: a
# two-letter code (Sage 300's PY / UC, Sage 50's SR, SAP's DZ) is another word there ('PY
# rebate reversed': the prior year's), and 'On account of ...' gives a reason (because of:
# 'On account of rate difference', a credit note's), not money held on account.
_CODES_NOT_NARRATED = frozenset(k for k in RECEIPT_TYPES if len(k) <= 2 and k.isascii())
_A_REASON = re.compile(r"(?i)^\W*on\s+account\s+of\b")


def _names_a_receipt(text: object) -> bool:
    """A narration that opens with the name of money received ("سند قبض - شيك ...",
    "Payment - thank you", "Receipt 7781", "على الحساب"; not a type's code nor a reason,
    ``_CODES_NOT_NARRATED``)."""
    if not isinstance(text, str) or _A_REASON.match(text):
        return False
    # (or with money held on account, 'على الحساب', 'On account': on a credit, what the same
    # words say where a bill's reference would be, ``ON_ACCOUNT_REFERENCES``)
    return any((k in RECEIPT_TYPES and k not in _CODES_NOT_NARRATED)
               or k in ON_ACCOUNT_REFERENCES for k in _opening_names(text))


def said_on(values: pd.Series, fn: Callable[[Any], bool], rows: np.ndarray) -> np.ndarray:
    """``fn`` of each value, read once per distinct value among the ``rows`` marked only (a
    narration said of a credit row alone need not be read on the debits); False elsewhere."""
    out = np.zeros(len(values), dtype=bool)
    if rows.any():
        out[rows] = per_distinct(values[rows], fn).fillna(False).to_numpy(dtype=bool)
    return out


def receipt_rows(invoices: pd.DataFrame) -> np.ndarray:
    """Which rows of an invoice list are receipts: its document type column names money
    received (``RECEIPT_TYPES``: Payment, Receipt, سند قبض...), or, on a credit, its
    narration opens with such a name (a running ledger's البيان: "سند قبض - شيك") or the
    reader found the invoice the row pays (``ledger.PAYS_INVOICE``). They are money received,
    not credit notes: the ledger's items, the KPIs and the statements take them so (the
    credits among them: ``received_rows``; a receipt type on a debit is ``refund_rows``')."""
    from ar_excel.core.ledger import PAYS_INVOICE  # (the ledger builds on this module)

    out = np.zeros(len(invoices), dtype=bool)
    column = type_column(invoices)
    if column is not None:
        out |= per_distinct(invoices[column], lambda v: isinstance(v, str) and match_key(v)
                            in RECEIPT_TYPES).fillna(False).to_numpy(dtype=bool)
        out |= invoices[column].isin(prepayment_kinds(pd.unique(invoices[column]))).to_numpy(
            dtype=bool)  # Sage 300's prepayment
        out &= ~cash_sale_rows(invoices)  # a sale paid at once: no receipt of what is owed
    credit = (invoices["Amount"] < 0).to_numpy(dtype=bool)
    if "Invoice No" in invoices:  # Tally's "On Account" where a bill's reference would be
        # (read on the credits only: a list's invoice numbers are all distinct)
        out |= said_on(invoices["Invoice No"], lambda v: isinstance(v, str) and match_key(
            v) in ON_ACCOUNT_REFERENCES, credit)
    out |= narrated_receipts(invoices)
    if PAYS_INVOICE in invoices.columns:
        out |= invoices[PAYS_INVOICE].notna().to_numpy(dtype=bool) & credit
    return out


def narrated_receipts(invoices: pd.DataFrame) -> np.ndarray:
    """The credit rows (a negative amount) whose narration opens with the name of money
    received (``_names_a_receipt``: "سند قبض - شيك 4", "دفعة جزئية من F-2026-031")."""
    credit = (invoices["Amount"] < 0).to_numpy(dtype=bool)
    out = np.zeros(len(invoices), dtype=bool)
    for narration in narration_columns(invoices):
        out |= said_on(invoices[narration], _names_a_receipt, credit)
    return out


def received_rows(invoices: pd.DataFrame) -> np.ndarray:
    """Which rows of an invoice list are money received: its receipts (``receipt_rows``) on
    the credit side, a negative amount. What the ledger holds on account, the KPIs count as
    receipts and a statement shows as one, not as a credit note."""
    return receipt_rows(invoices) & (invoices["Amount"] < 0).to_numpy(dtype=bool)


def _names_a_refund(text: object) -> bool:
    """A narration that opens with the name of money paid out ("سند صرف - رد المبلغ الزائد",
    "Refund of overpayment"), not with a credit note's ("Refund Note 12")."""
    keys = _opening_names(text)
    return any(k in REFUND_TYPES for k in keys) and not any(k in CREDIT_TYPES for k in keys)


def refund_rows(invoices: pd.DataFrame, returned: np.ndarray | None = None) -> np.ndarray:
    """Which rows of an invoice list are refunds paid out to the customer: a debit whose
    document type names one (``REFUND_TYPES``: Refund, Customer Refund, سند صرف...) or whose
    narration opens with such a name, but not a returned cheque (``returned_in_list``: the
    money came back, none was paid out; ``returned``: those rows, where already known). Money
    paid out, not a sale: the KPIs count it in Refunds Paid, as a negative Payments row, and
    not in the period's credit sales."""
    from ar_excel.core.returned_cheques import returned_in_list  # (it builds on this module)

    debit = (invoices["Amount"].astype(float) > 0).to_numpy(dtype=bool)
    out = np.zeros(len(invoices), dtype=bool)
    column = type_column(invoices)
    if column is not None:
        # a receipt type on a debit (the ledger's Dr side, a Payment written -500 among
        # positive ones, both read positive by the reader): money paid back, not received
        out |= per_distinct(invoices[column], lambda v: isinstance(v, str) and match_key(v)
                            in REFUND_TYPES | RECEIPT_TYPES).fillna(False).to_numpy(dtype=bool)
        out |= invoices[column].isin(sage_300_kinds(pd.unique(invoices[column]), {
            SAGE_300_REFUND})).to_numpy(dtype=bool)  # Sage 300's RF beside its documents
        out &= ~cash_sale_rows(invoices)  # a cash sale (a debit): nothing paid back
    for narration in narration_columns(invoices):
        out |= said_on(invoices[narration], _names_a_refund, debit)
    if returned is None:
        returned = returned_in_list(invoices)
    return out & debit & ~returned


def opening_rows(invoices: pd.DataFrame) -> np.ndarray:
    """Which rows of an invoice list are a balance brought forward ("Opening Balance",
    "Balance b/f", "رصيد افتتاحي"): its narration, document type or number (a ledger known by
    its narration reads it as the number) says so. What was owed before the ledger starts,
    not a sale nor a credit note of the day it is dated: the KPIs take it as opening AR."""
    out = np.zeros(len(invoices), dtype=bool)
    columns = narration_columns(invoices)
    column = type_column(invoices)
    columns += [c for c in (column, "Invoice No") if c is not None and c in invoices.columns]
    for name in columns:
        out |= per_distinct(invoices[name], lambda v: isinstance(v, str) and OPENING.search(v)
                            is not None).fillna(False).to_numpy(dtype=bool)
    return out


# A Payments row's Method saying a credit note settles the invoice ("Credit Note",
# "CreditNote", "Credit-Note", "CN applied", "إشعار دائن"): no money, the credit note's use.
# (The words alone, for the patterns of non-cash Methods to hold them as they are.)
CREDIT_NOTE_WORDS = r"credit[\s-]*(?:note|memo)|\bcn\b|[إا]شعار\s*دائن"
CREDIT_NOTE_METHOD = re.compile(CREDIT_NOTE_WORDS, re.IGNORECASE)


def credit_notes_applied(payments: pd.DataFrame, invoices: pd.DataFrame
                         ) -> tuple[pd.DataFrame, np.ndarray, list[int],
                                    list[tuple[int, str]]] | None:
    """The payments with the use of each credit note a Payments row applies made explicit.

    A book keeping its credit notes in the invoice list often records their use as a
    Payments row against the invoice, its Method a credit note (``Credit Note``, ``إشعار
    دائن``) and its Payment ID, Invoice No, Reference or Method the credit note's number:
    that row settles the invoice, and the credit note is used by as much. Read alone it is a
    second credit (the invoice paid by it and the credit note still open): AR short by the
    credit note, twice credited. Each such row is followed by a row of the same receipt
    taking the credit note's amount back off it (negative, naming it, as the reconciliation's
    own ``Credit Note`` rows do), up to what is left of it; not where a negative Payments row
    already names that credit note (the book records its use itself).

    A row naming the credit note and no invoice (its Invoice No the credit note's, or blank)
    says the credit note is there, not what it paid: it is the credit note's own record, set
    aside, and the credit stays open on the credit note, under its number and date. (Read
    with its take-back row, the credit moved from the credit note to a payment on account
    under the row's Payment ID and date.)

    Returns the payments, for each row the position of the row it came from, the positions
    (in the payments given) of the rows read as a use, and those of the rows set aside with
    the credit note each names; None when there is none.
    """
    if not len(payments) or "Method" not in payments or "Invoice No" not in invoices:
        return None
    methods = payments["Method"]
    by_method = per_distinct(methods, lambda v: isinstance(v, str)
                             and CREDIT_NOTE_METHOD.search(v) is not None)
    amounts = payments["Amount"]
    rows = np.flatnonzero(by_method.fillna(False).to_numpy(dtype=bool)
                          & (amounts > 0).to_numpy(dtype=bool))
    if not len(rows):
        return None
    notes = invoices[(invoices["Amount"] < 0) & invoices["Invoice No"].notna()
                     & ~received_rows(invoices)]
    if not len(notes):
        return None
    left = {}  # (customer, credit note) -> what is left of it to use
    for number, customer, amount in zip(notes["Invoice No"], notes["Customer ID"],
                                        notes["Amount"], strict=True):
        key = (customer, str(number).strip())
        left[key] = left.get(key, 0.0) - float(amount)
    named = payments["Invoice No"].map(lambda v: str(v).strip() if isinstance(v, str | int)
                                       else None)
    # a credit note whose use the book records with negative rows of its own
    for customer, number in zip(payments.loc[amounts < 0, "Customer ID"],
                                named[amounts < 0], strict=True):
        left.pop((customer, number), None)
    if not left:
        return None
    numbers_of: dict = {}
    for customer, number in left:
        numbers_of.setdefault(customer, []).append(number)
    texts = [c for c in ("Payment ID", "Invoice No", "Reference", "Method") if c in payments]
    takes: dict[int, tuple[str, float]] = {}
    alone: dict[int, str] = {}  # rows naming the credit note and no invoice: set aside
    for pos in rows:
        customer = payments["Customer ID"].iat[pos]
        own = numbers_of.get(customer)
        if not own:
            continue
        said = [str(payments[c].iat[pos]).strip() for c in texts
                if isinstance(payments[c].iat[pos], str | int | float)
                and payments[c].iat[pos] == payments[c].iat[pos]]
        number = next((n for n in own if any(t == n or re.search(
            rf"(?<![\w-]){re.escape(n)}(?![\w-])", t) for t in said)), None)
        if number is None:
            continue
        if not isinstance(named.iat[pos], str) or named.iat[pos] in ("", number):
            alone[pos] = number
            continue
        take = round(min(float(amounts.iat[pos]), left[(customer, number)]), 6)
        if take <= 0:
            continue
        left[(customer, number)] -= take
        takes[pos] = (number, take)
    if not takes and not alone:
        return None
    kept = [p for p in range(len(payments)) if p not in alone]
    source = np.repeat(np.asarray(kept, dtype=np.int64),
                       [2 if p in takes else 1 for p in kept]).astype(np.int64)
    out = payments.iloc[source].reset_index(drop=True)
    second = np.flatnonzero(np.r_[False, source[1:] == source[:-1]])
    numbers, values = out["Invoice No"].tolist(), out["Amount"].tolist()
    for i in second:
        numbers[i], take = takes[int(source[i])]
        values[i] = -take
    out["Invoice No"] = pd.Series(numbers, dtype="object")
    out["Amount"] = pd.Series(values, dtype="float64")
    return out, source, sorted(takes), sorted(alone.items())
