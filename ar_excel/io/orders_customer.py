"""An Orders sheet whose customer column was found by a header saying only 'Name' (or
Partner, Contact, Party ...) that names no customer of the book.

Orders take the invoice lists' words for their customer (``schema.CUSTOMER_OF_A_DOCUMENT``),
'Name' among them, as NetSuite and QuickBooks head a list's customer. But an orders or
delivery sheet with no customer column may head its item so: 'Name' = 'Steel pipes 2in'. Read
as customers, each product became a Credit Status row 'not in the Customers sheet' holding
the order's 1,500.00 as exposure.

Rule: where the Orders' Customer ID column was found by such a header and none of its values
is a customer of the master (by ID, or by name as the book's other sheets resolve names,
already applied), the column is not the orders' customer: the sheet has no column for
Customer ID, said as before with why, and its orders are left out.
"""

from __future__ import annotations

from ar_excel.model import Book, Issue
from ar_excel.names import match_key

# Headers that say a name, not whose: a customer's in an invoice list, maybe an item's here
_GENERIC_NAME_HEADERS = frozenset(match_key(h) for h in (
    "Name", "الاسم", "Partner", "partner_id", "Partner Display Name",
    "Invoice Partner Display Name", "invoice_partner_display_name", "Contact", "Contact Name",
    "Party", "Party Name", "Party's Name", "Account Name", "Alpha Name", "الشريك",
    "الشريك التجاري", "جهة الاتصال", "اسم جهة الاتصال", "اسم الحساب"))


def orders_naming_no_customer(book: Book) -> None:
    """Leave out the Orders (module docstring) whose generic name column names no customer."""
    orders, master = book.tables.get("Orders"), book.tables.get("Customers")
    if orders is None or master is None or "Customer ID" not in orders.frame:
        return
    header = orders.headers.get("Customer ID", "")
    if match_key(header) not in _GENERIC_NAME_HEADERS:
        return
    values = orders.frame["Customer ID"].dropna()
    known = set(master.frame["Customer ID"].dropna())
    if not len(values) or values.isin(known).any():
        return
    letters = orders.letters
    found = ", ".join(orders.headers.get(c, c) for c in sorted(
        (c for c in letters if isinstance(c, str) and not c.startswith("_")),
        key=lambda c: (len(letters[c]), letters[c])))
    row = orders.header_row
    book.issues.append(Issue(
        orders.sheet, f"A{row}", "Customer ID", None,
        f"sheet '{orders.sheet}' has no column for Customer ID: column '{header}' "
        f"({letters.get('Customer ID', '?')}{row}) names no customer of sheet "
        f"'{master.sheet}' ('{values.iloc[0]}' ...), so it is not read as the orders' "
        f"customer and the {len(orders.frame)} order(s) are left out (header row {row} has: "
        f"{found})"))
    del book.tables["Orders"]
