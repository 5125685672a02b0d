"""A contacts list exported whole: the suppliers among the customers.

Cloud books keep customers and suppliers in one contacts list (Zoho Books' Contact Type
customer / vendor, Wafeq's and Qoyod's relationship, Odoo's partners), and that list
exported and pasted as the Customers sheet holds the suppliers too: checked as customers,
given a credit status, dunned. Where a column of the list says of every contact that it is a
customer, a supplier (vendor, employee) or both, the contacts that are only suppliers and
that no other sheet names (no invoice, receipt, order) are left out, one Input Issue naming
their rows. A contact that is both, or that a sheet names, stays a customer.
"""

from __future__ import annotations

from ar_excel.io.cells_named import cells_named
from ar_excel.io.receipt_kinds import (
    CUSTOMER_PARTIES,
    OTHER_PARTIES,
    PARTY_HEADERS,
    column_of_words,
)
from ar_excel.model import Book
from ar_excel.names import match_key


def _words(*words: str) -> frozenset[str]:
    return frozenset(match_key(w) for w in words)


CONTACT_TYPE_HEADERS = PARTY_HEADERS | _words(
    "Contact Type", "Relationship", "Contact Relationship", "Type", "Contact Kind",
    "نوع جهة الاتصال", "نوع جهة الإتصال", "العلاقة", "نوع العلاقة",
    "BP Type", "Business Partner Type")  # SAP Business One's business partners
# A prospective customer (SAP Business One's BP Type Lead): kept as the customers are.
PROSPECTS = _words("Lead", "Leads", "Prospect", "عميل محتمل")
BOTH = _words("Customer, Supplier", "Supplier, Customer", "Customer & Supplier",
              "Customer and Supplier", "Customer, Vendor", "Vendor, Customer", "Both",
              "عميل ومورد", "عميل، مورد")


def suppliers_left_out(book: Book) -> None:
    """Leave out of the customers the contacts the list says are suppliers only and no
    sheet names (module docstring), with the Input Issue saying so."""
    table = book.tables.get("Customers")
    if table is None or not len(table.frame):
        return
    column = column_of_words(table, CONTACT_TYPE_HEADERS,
                             CUSTOMER_PARTIES | OTHER_PARTIES | BOTH | PROSPECTS)
    if column is None:
        return
    frame = table.frame
    named = {c for kind, t in book.tables.items() if kind != "Customers"
             and "Customer ID" in t.frame for c in t.frame["Customer ID"].dropna().tolist()}
    other = frame[column].map(lambda v: isinstance(v, str) and match_key(v) in OTHER_PARTIES)
    out = (other & ~frame["Customer ID"].isin(named)).to_numpy(bool)
    if not out.any() or out.all():
        return  # (a list of suppliers only is some other list: left as it is)
    at = frame.index[out]
    cells = [table.cell(i, column) for i in at]
    book.issues.append(table.issue(
        at[0], column, f"{len(at)} contact(s) the list marks as suppliers only, named by no "
                       f"invoice or receipt: not read as customers ({cells_named(cells)})"))
    table.frame = frame[~out].reset_index(drop=True)
    table.raw = table.raw[~out].reset_index(drop=True)
