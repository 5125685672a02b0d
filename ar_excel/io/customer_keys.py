"""Keys read as the list they refer to writes them.

A Customer ID or Invoice No typed in another case, with stray spaces, without leading zeros
or with another prefix is read as its list's; a customer's name typed where its ID belongs is
read as that ID; a blank Customer ID beside a column naming exactly one customer is that
customer's; a receipt without a customer is its invoice's customer's. Each reading the clerk
should know of is an Input Issue at its first cell."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from ar_excel.io.cells_named import cells_named
from ar_excel.model import ROW, Book, Issue, Table, cell_ref
from ar_excel.names import match_key

if TYPE_CHECKING:
    from ar_excel.core.customers.ids import NameIndex


# Which lists a sheet's keys must be found in: (column, sheet kind that lists them).
_KEY_LISTS = (("Customer ID", "Customers"), ("Invoice No", "Invoices"))


def keys_as_spelled_in_their_lists(book: Book) -> None:
    """A Customer ID or Invoice No typed in another case, with stray spaces or without the
    leading zeros of the list it refers to (``c-1003`` for ``C-1003``, ``1001`` from a
    number cell for the text ``01001``) is read as the list writes it, when it spells
    exactly one of them that way. Failing that, one that is the same number as exactly one
    of them, prefix aside (``C-1001`` for ``1001``, ``INV-7`` for ``7``), is read as it too,
    with an Input Issue at its first cell (the clerk should know)."""
    from ar_excel.core.customers.ids import (
        KeyIndex,
        number_matches,
        spelled_matches,
        unknown_values,
    )

    for column, kind in _KEY_LISTS:
        master = book.tables.get(kind)
        if master is None:
            continue
        listed = master.frame[column].dropna().tolist()
        known = set(listed)
        index = KeyIndex(known, listed)  # built once, when first needed, for all sheets
        for other, table in book.tables.items():
            if other == kind or column not in table.frame:
                continue
            values = table.frame[column]
            unknown = unknown_values(values, known)
            if not unknown:
                continue
            spelled = spelled_matches(unknown, index)
            if spelled:
                values = table.frame[column] = values.map(lambda v, s=spelled: s.get(v, v))
            numbered = number_matches([v for v in unknown if v not in spelled], index)
            for value, key in numbered.items():
                rows = values.index[values == value]
                book.issues.append(table.issue(
                    rows[0], column, f"'{value}' is not in {master.sheet}: read as {key}, the "
                                     f"same number, on {len(rows)} row(s)"))
            if numbered:
                table.frame[column] = values.map(lambda v, s=numbered: s.get(v, v))


def keys_in_a_master_column(book: Book) -> None:
    """A customer list read without a code column (keyed by its names) whose other sheets key
    the customers by a code it keeps in a column of its own (Oracle's Account Number beside
    its Party Number; a header the reader does not know as the code) is keyed by that column:
    the one column holding every key the other sheets give that is no name of the list, once
    per customer (the issue saying the names were read as the IDs is then withdrawn)."""
    master = book.tables.get("Customers")
    if master is None or "Customer ID" in master.headers or not len(master.frame):
        return
    from ar_excel.core.customers.ids import unknown_values
    from ar_excel.schema import CUSTOMERS

    ids = master.frame["Customer ID"]
    known = set(ids.dropna())
    wanted: set[str] = set()
    for kind, table in book.tables.items():
        if kind != "Customers" and "Customer ID" in table.frame:
            wanted.update(unknown_values(table.frame["Customer ID"], known))
    if not wanted:
        return
    fields = set(CUSTOMERS.columns)
    for column in master.frame.columns:
        if not isinstance(column, str) or column in fields or column.startswith("_"):
            continue
        codes = master.frame[column].map(_as_key)
        given = codes.dropna()
        if given.duplicated().any() or not wanted <= set(given):
            continue
        master.frame["Customer ID"] = codes.where(codes.notna(), ids)
        master.letters["Customer ID"] = master.letters.get(column, "")
        master.headers["Customer ID"] = column
        # (the reader's doubt that it missed the codes is answered)
        book.issues[:] = [i for i in book.issues if not (
            i.sheet == master.sheet and i.column == "Customer ID"
            and "has no Customer ID column" in i.message)]
        return


def _as_key(value: object) -> str | None:
    """A cell as a key: a number cell's 1001.0 is "1001"; blank is None."""
    if value is None or (isinstance(value, float) and value != value):
        return None
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    text = str(value).strip()
    return text or None


def payers_from_invoices(book: Book) -> None:
    """A receipt without a Customer ID that names an invoice is that invoice's customer's
    (its "required but blank" issue is then withdrawn); a receipt that names none of the
    invoices where the sheet has no Customer ID column is reported."""
    invoices, payments = book.tables.get("Invoices"), book.tables.get("Payments")
    if invoices is None or payments is None:
        return
    pay = payments.frame
    blank = pay["Customer ID"].isna()
    if not blank.any():
        return
    owner = invoices.frame.dropna(subset=["Invoice No"]).drop_duplicates("Invoice No").set_index(
        "Invoice No")["Customer ID"]
    found = pay["Invoice No"].map(owner).where(blank)
    filled = found.notna()
    pay.loc[filled, "Customer ID"] = found[filled]
    if "Customer ID" in payments.headers:
        letter = payments.letters["Customer ID"]
        book.withdraw_blanks({(payments.sheet, f"{letter}{r}") for r in pay.loc[filled, ROW]})
        return
    payments.letters["Customer ID"] = payments.letters.get("Invoice No", "")
    for index in pay.index[blank & ~filled]:
        book.issues.append(payments.issue(
            index, "Invoice No", "no Customer ID: the sheet has no customer column and this "
                                 "invoice is not in the invoice list"))


def customer_names_as_ids(book: Book, names: NameIndex) -> None:
    """A Customer ID that is no ID of the master but one customer's name is read as that
    customer's ID (``core.customers.ids``), with an Input Issue for the first cell of each."""
    master = book.tables.get("Customers")
    if master is None:
        return
    from ar_excel.core.customers.ids import names_as_ids

    for table, unknown in _lists_with_unknown_customers(book, master):
        column = table.frame["Customer ID"]
        # a column headed as names (an export's Partner, Name, اسم العميل) says so itself
        named = match_key(table.headers.get("Customer ID", "")) in NAME_HEADERS - CODE_OR_NAME
        for name, cid in names_as_ids(unknown, names).items():
            rows = column.index[column == name]
            if not named:
                book.issues.append(table.issue(
                    rows[0], "Customer ID",
                    f"a customer's name, not an ID: read as {cid} on {len(rows)} row(s)"))
            table.frame.loc[rows, "Customer ID"] = cid


def _lists_with_unknown_customers(book: Book, master: Table
                                  ) -> Iterator[tuple[Table, list[str]]]:
    """Each list but ``master`` (the customer list) whose Customer ID column holds texts
    that are no ID of the master, with those texts in the order they first occur: what a
    name typed for an ID and a QuickBooks job are looked for in (one pass per list)."""
    from ar_excel.core.customers.ids import unknown_values

    known = set(master.frame["Customer ID"].dropna())
    for kind, table in book.tables.items():
        if kind == "Customers" or "Customer ID" not in table.frame:
            continue
        unknown = unknown_values(table.frame["Customer ID"], known)
        if unknown:
            yield table, unknown


def jobs_as_their_customers(book: Book, names: NameIndex) -> None:
    """A Customer ID written as QuickBooks names a customer's job, "Nile Foods:Cairo
    Branch", that the customer list does not hold (its contact list exported without the
    jobs) is the job's customer's, the name before the colon, where that is a customer of the
    list (by ID or by name): the job is billed to its customer. One Input Issue per sheet names
    the cells."""
    master = book.tables.get("Customers")
    if master is None:
        return
    from ar_excel.core.customers.ids import names_as_ids

    known = set(master.frame["Customer ID"].dropna())
    for table, unknown in _lists_with_unknown_customers(book, master):
        column = table.frame["Customer ID"]
        jobs = {v: v.split(":", 1)[0].strip() for v in unknown if ":" in v.strip(":")}
        if not jobs:
            continue
        parents = {p: p for p in jobs.values() if p in known}
        parents.update(names_as_ids({p for p in jobs.values() if p not in parents}, names))
        read = {job: parents[p] for job, p in jobs.items() if p in parents}
        if not read:
            continue
        rows = column.index[column.isin(list(read))]
        table.frame.loc[rows, "Customer ID"] = column[rows].map(read)
        first = column[rows[0]]
        cells = [table.cell(i, "Customer ID") for i in rows]
        book.issues.append(table.issue(rows[0], "Customer ID", (
            f"{len(rows)} row(s) name a customer's job not in {master.sheet} ('{first}'): "
            f"read as the job's customer, {read[first]} ({cells_named(cells)})")))


def receivers_by_tax_number(book: Book) -> None:
    """A list keyed by its buyers' names (a tax authority portal's export: ETA's Receiver
    Name, ZATCA's Buyer Name) whose names are not the master's Customer IDs but whose
    receiver tax number column (``Receiver ID``, ``Buyer VAT Number``, ``رقم التسجيل الضريبي
    للمستقبل``) is the Tax ID of exactly one customer of the master: each such row is that
    customer's. The portal writes the name the taxpayer registered, seldom the master's
    spelling; the tax number is the same. One Input Issue per sheet says so."""
    master = book.tables.get("Customers")
    if master is None or "Tax ID" not in master.frame:
        return
    import re

    from ar_excel.core.billing.einvoice import tax_number_columns
    from ar_excel.core.customers.ids import unknown_values

    def digits(value: object) -> str | None:
        text = re.sub(r"\D", "", _as_key(value) or "")
        return text if len(text) >= 5 else None  # (a stray serial is no tax number)

    owners: dict[str, object] = {}
    for cid, tax in zip(master.frame["Customer ID"], master.frame["Tax ID"], strict=True):
        key = digits(tax)
        if key is not None and cid is not None:
            owners[key] = cid if owners.get(key, cid) == cid else None  # shared: no owner
    if not owners:
        return
    known = set(master.frame["Customer ID"].dropna())
    for kind, table in book.tables.items():
        frame = table.frame
        if kind == "Customers" or "Customer ID" not in frame:
            continue
        column = tax_number_columns(frame.drop(columns=["Customer ID"]))[0]
        if column is None or not unknown_values(frame["Customer ID"], known):
            continue
        unknown = ~frame["Customer ID"].isin(known)
        found = frame.loc[unknown, column].map(lambda v: owners.get(digits(v) or ""))
        found = found[found.notna()]
        if not len(found):
            continue
        frame.loc[found.index, "Customer ID"] = found
        book.issues.append(table.issue(
            found.index[0], column,
            f"{len(found)} row(s) whose customer is not a Customer ID of {master.sheet} read "
            f"by this tax registration number as the customer with that Tax ID"))


# A sheet's column of customer names beside its Customer ID (carried, not a contract column).
NAME_HEADERS = frozenset(match_key(h) for h in (
    "Customer Name", "Client Name", "Name", "اسم العميل", "الاسم", "العميل", "Customer",
    "Partner", "Customer/Vendor", "Contact", "Client", "Received From", "Party Name",
    "partner_id",  # Odoo's technical export gives the partner's display name
    "الشريك", "الشريك التجاري", "العميل/المورد", "Party's Name", "Alpha Name",
    "Bill-to Customer", "Bill-to Customer Name",  # Oracle Receivables
    "جهة الاتصال", "اسم جهة الاتصال",  # Wafeq in Arabic: the contact
    "Receiver Name", "اسم المستقبل", "Buyer Name", "اسم المشتري"))  # ETA / ZATCA exports

CODE_OR_NAME = frozenset(match_key(h) for h in ("Customer", "العميل", "Client"))  # either


def name_column(table: Table) -> str | None:
    """The sheet's carried column of customer names (``NAME_HEADERS``), the first if several;
    None where it carries none."""
    return next((c for c in table.frame.columns if isinstance(c, str) and c not in
                 table.headers and match_key(c) in NAME_HEADERS), None)


def blank_ids_from_name_columns(book: Book, names: NameIndex) -> None:
    """A blank Customer ID beside a customer name column (``Customer Name``, ``اسم العميل``)
    naming exactly one customer of the master is that customer's ID; its "required but
    blank" issue becomes one saying so."""
    master = book.tables.get("Customers")
    if master is None:
        return
    from ar_excel.core.customers.ids import ids_from_names

    for kind, table in book.tables.items():
        frame = table.frame
        if kind == "Customers" or "Customer ID" not in frame or not frame["Customer ID"].isna().any():
            continue
        column = name_column(table)
        if column is None:
            continue
        blank = frame["Customer ID"].isna()
        written = frame.loc[blank, column]
        written = written[written.map(lambda v: isinstance(v, str) and bool(v.strip()))]
        if not len(written):
            continue
        found = ids_from_names(written.map(str.strip), set(), names)
        ids = written.map(lambda v, f=found: f.get(v.strip()))
        ids = ids[ids.notna()]
        if not len(ids):
            continue
        frame.loc[ids.index, "Customer ID"] = ids
        letter = table.letters.get("Customer ID")
        cells = {cell_ref(letter, r): cid for r, cid in zip(frame.loc[ids.index, ROW], ids,
                                                        strict=True)}
        book.issues = [
            Issue(i.sheet, i.cell, i.column, i.value,
                  f"{i.column} is blank: read as {cells[i.cell]}, the customer named beside it")
            if i.sheet == table.sheet and i.cell in cells and
            i.message.endswith("is required but blank") else i for i in book.issues]
