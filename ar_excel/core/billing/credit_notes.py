"""A credit note corrects an invoice of the same customer, and never by more than it.

Rules:

* A credit note is a negative Invoices row (a document type column already turns a
  positive ``Credit Note`` row negative). The invoice it corrects is named in a column
  headed like ``Original Invoice``, ``Against Invoice``, ``Credited Invoice``, ``Related
  Invoice``, ``Return Against`` (ERPNext), ``Reversed Invoice``,
  ``Applies To``, ``الفاتورة الأصلية``, ``مرجع الفاتورة``; else by its own number where
  that is an invoice's number with a credit-note prefix or suffix (``CN-INV-1001``,
  ``INV-1001-CR`` for ``INV-1001``; an invoice number of digits alone needs the column,
  since ``CN-1003`` is as often the credit notes' own sequence); else, in a hand-kept list,
  by a plain ``Reference`` / ``المرجع`` column (Xero's ``Invoice Reference``, its
  documents' own free-text reference) where it holds one of the book's invoice
  numbers (one with letters, or the same customer's: a reference of digits alone may be
  anything else); a value there naming no invoice is no reference, so never reported.
* CREDIT_NOTE_EXCEEDS_INVOICE (Error): the credit notes naming one invoice, taken in date
  order, add up to more than its amount (by a minor unit or more): each credit
  note from the one that goes over is reported. The customer would be credited money it
  was never billed.
* CREDIT_NOTE_OTHER_CUSTOMER (Error): the invoice named was billed to another customer.
* CREDIT_NOTE_INVOICE_UNKNOWN (Warning): the invoice named is not in Invoices (only from
  the column: a number merely looking like one is not a reference).
"""

from __future__ import annotations

import re

import numpy as np
import pandas as pd

from ar_excel.core.billing.context import DECIMALS, KEY, BillingBook, invoice_key
from ar_excel.core.billing.findings import empty, findings, money, text
from ar_excel.model import ROW
from ar_excel.names import match_key

_REFERENCE_HEADERS = {match_key(h) for h in (
    "Original Invoice", "Original Invoice No", "Original Invoice Number", "Orig Invoice",
    "Against Invoice", "Credited Invoice", "Related Invoice", "Reference Invoice",
    "Ref Invoice", "Corrected Invoice", "Return Against",
    "Reversed Invoice", "Reversal Of", "Applies To", "Applied To Invoice", "Credit For Invoice",
    "Source Invoice", "Parent Invoice", "Linked Invoice", "الفاتورة الأصلية",
    "رقم الفاتورة الأصلية", "مرجع الفاتورة", "الفاتورة المرتبطة", "فاتورة مرجعية",
    "Associated Invoice Number", "Associated Invoice",  # (Zoho Books' credit notes)
    "Applies-to Doc No", "Applies-to Doc. No.",  # (Business Central's credit memos)
    "Cancelled Billing Doc", "Cancelled Billing Document")}  # (SAP's VBRK-SFAKN)
# Columns a hand-kept list notes any reference in: on a credit note, often the invoice it
# credits, but also a PO or a voucher (so only a value naming an invoice of the book counts).
_PLAIN_REFERENCE_HEADERS = {match_key(h) for h in (
    "Reference", "Ref", "Ref No", "Ref. No.", "Reference No", "Reference Number", "المرجع",
    "مرجع", "رقم المرجع",
    # Xero's reports head its documents' own Reference so: free text on every invoice and
    # credit note (a PO, "Returned pallets"), the credited invoice only where it names one
    "Invoice Reference")}
_CN_AFFIX = re.compile(
    r"^(?:CN|CRN|CR|CRNOTE|CREDITNOTE|CREDIT|RET|RTN|RETURN|RMA)[-/_:#.]*(?P<a>.+)$"
    r"|^(?P<b>.+?)[-/_:#.]+(?:CN|CRN|CR|RET|RTN)\d{0,2}$")


def reference_column(invoices: pd.DataFrame) -> str | None:
    """The Invoices column naming the invoice a credit note corrects, if the sheet has one."""
    for column in invoices.columns:
        if isinstance(column, str) and match_key(column) in _REFERENCE_HEADERS:
            return column
    return None


def _plain_reference(invoices: pd.DataFrame) -> str | None:
    for column in invoices.columns:
        if isinstance(column, str) and match_key(column) in _PLAIN_REFERENCE_HEADERS:
            return column
    return None


def _as_number_text(value: object) -> object:
    """A reference read as a number (1001.0) as the invoice number it is (1001)."""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return value


def named_in(rows: pd.DataFrame, column: str) -> pd.Series:
    """The invoice each row names in ``column``, as its key (``invoice_key``; a reference
    read as a number, 1001.0, as the invoice number it is)."""
    return invoice_key(rows[column].map(_as_number_text))


def _from_own_number(key: object, invoice_keys: set[str]) -> str | None:
    if not isinstance(key, str):
        return None
    m = _CN_AFFIX.match(key)
    if not m:
        return None
    named = m.group("a") or m.group("b")
    # a number of digits alone is as often the credit notes' own sequence
    if named in invoice_keys and re.search(r"[A-Z]", named):
        return named
    return None


def _naming(inv: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame, str | None]:
    """The credit notes naming an invoice (``_named``: its key; ``_from_column``: named in
    the reference column rather than by their own number), the invoices by key, and the
    reference column."""
    notes = inv[inv["Amount"].notna() & (inv["Amount"] < 0)]
    bills = inv[inv[KEY].notna() & (inv["Amount"] > 0)].drop_duplicates(KEY).set_index(KEY)
    keys = set(bills.index)
    column = reference_column(inv)
    stated = named_in(notes, column) if column is not None \
        else pd.Series(None, index=notes.index, dtype=object)
    own = notes[KEY].map(lambda k: _from_own_number(k, keys))
    plain = _plain_reference(inv) if column is None else None
    if plain is not None:
        noted = named_in(notes, plain)
        owner = noted.map(lambda k: bills["Customer ID"].get(k) if k in keys else None)
        mine = owner.astype(str) == notes["Customer ID"].astype(str)
        lettered = noted.map(lambda k: isinstance(k, str) and re.search(r"[A-Z]", k) is not None)
        own = noted.where(noted.isin(keys) & (mine | lettered), own)
    named = stated.where(stated.notna(), own)
    notes = notes.assign(_named=named, _from_column=stated.notna())
    return notes[notes["_named"].notna() & (notes["_named"] != notes[KEY])], bills, column


def original_dates(book: BillingBook) -> pd.Series:
    """The date of the invoice each credit note names (by the credit note's key), where
    that invoice is in Invoices."""
    notes, bills, _ = _naming(book.invoices)
    notes = notes[notes["_named"].isin(bills.index) & notes[KEY].notna()]
    dates = notes["_named"].map(bills["Invoice Date"])
    return pd.Series(dates.to_numpy(), index=notes[KEY].to_numpy()).groupby(level=0).first()


def credited(book: BillingBook) -> pd.Series:
    """What the customer's own credit notes naming an invoice, still open in the ledger
    (not already set against it), take off it, per invoice key (a positive amount; an SAP
    cancellation, a return against it)."""
    notes, bills, _ = _naming(book.invoices)
    notes = notes[notes["_named"].isin(bills.index)]
    owner = notes["_named"].map(bills["Customer ID"]).astype(str)
    notes = notes[owner == notes["Customer ID"].astype(str)]
    items = book.open_items
    items = items[items["Item Type"] == "Credit Note"]
    still_open = (-items["Open Amount"].astype("float64")).groupby(
        invoice_key(items["Document No"])).sum()
    return notes[KEY].map(still_open).fillna(0.0).groupby(notes["_named"]).sum()


def credit_notes(book: BillingBook) -> pd.DataFrame:
    """CREDIT_NOTE_EXCEEDS_INVOICE, CREDIT_NOTE_OTHER_CUSTOMER, CREDIT_NOTE_INVOICE_UNKNOWN."""
    inv = book.invoices
    notes, bills, column = _naming(inv)
    keys = set(bills.index)
    if notes.empty:
        return empty()
    parts = []
    unknown = notes[~notes["_named"].isin(keys) & notes["_from_column"]]
    if len(unknown):
        parts.append(findings(
            "CREDIT_NOTE_INVOICE_UNKNOWN", n=len(unknown), sheet=book.sheet_of("Invoices", unknown),
            row=unknown[ROW], field=column or "Invoice No", invoice=unknown["Invoice No"],
            customer=unknown["Customer ID"], amount=unknown["Amount"], document=unknown[KEY],
            arabic=book.arabic, params={"invoice": text(unknown[column])}))
    known = notes[notes["_named"].isin(keys)]
    owner = known["_named"].map(bills["Customer ID"])
    other = known[owner.notna() & known["Customer ID"].notna()
                  & (owner.astype(str) != known["Customer ID"].astype(str))]
    if len(other):
        parts.append(findings(
            "CREDIT_NOTE_OTHER_CUSTOMER", n=len(other), sheet=book.sheet_of("Invoices", other),
            row=other[ROW], field=column or "Invoice No", invoice=other["Invoice No"],
            customer=other["Customer ID"], amount=other["Amount"], document=other[KEY],
            arabic=book.arabic, params={"invoice": text(other["_named"].map(bills["Invoice No"])),
                                        "owner": text(owner[other.index])}))
    mine = known.drop(index=other.index)
    if len(mine):
        mine = mine.sort_values(["_named", "Invoice Date", ROW], kind="stable")
        credited = (-mine["Amount"]).groupby(mine["_named"], sort=False).cumsum()
        total = mine["_named"].map(bills["Amount"]).astype("float64")
        units = 10.0 ** mine[DECIMALS].astype("float64")  # minor units of the currency
        over = mine[(np.round((credited - total) * units) >= 1).to_numpy()]
        if len(over):
            places = over[DECIMALS]
            c, t = credited[over.index], total[over.index]
            parts.append(findings(
                "CREDIT_NOTE_EXCEEDS_INVOICE", n=len(over), sheet=book.sheet_of("Invoices", over),
                row=over[ROW], field="Amount", invoice=over["Invoice No"],
                customer=over["Customer ID"], amount=over["Amount"], document=over[KEY],
                arabic=book.arabic, params={
                    "amount": money(-over["Amount"], places),
                    "invoice": text(over["_named"].map(bills["Invoice No"])),
                    "credited": money(c, places), "total": money(t, places),
                    "over": money(np.round(c - t, 3), places)}))
    return pd.concat(parts, ignore_index=True) if parts else empty()
