"""A company's contact persons exported beside it, as Odoo lists them.

Odoo's Contacts export holds a company's contact persons and invoice addresses as rows of
their own, named after the company: "Nile Foods Co., Mona Adel" (a contact's contact,
"Nile Foods Co., Accounts, Mona Adel"). An invoice sent to such a contact names it as its
partner, yet the debt is the company's (Odoo's commercial partner, which its own aged
receivable and follow-up report on). In a customer list keyed by names (no code column of
its own), a row whose name is another row's name followed by a comma and more, stating no
tax ID, currency or credit limit of its own that differs from the company's, is read as a
contact of that company: the row is folded into it and the other sheets' documents naming
it are the company's, with one Input Issue at its name. A row with a code of its own, its
own tax ID or a limit of its own is an account of its own and is left alone."""

from __future__ import annotations

from ar_excel.core.customers.duplicates import id_key
from ar_excel.model import ROW, Book, Issue
from ar_excel.names import match_key
from ar_excel.parsing import is_blank

# what a contact row may state only as its company does (blank, or the same)
_COMPANY_FIELDS = ("Tax ID", "Currency", "Credit Limit")


def _stated(value: object) -> str:
    """A field's value as compared: blank (and a zero limit) say nothing."""
    if is_blank(value) or value == 0:
        return ""
    return id_key(value) or match_key(value)


def _company_of(name: str, companies: dict[str, int], own: int) -> int | None:
    """The row of the company a contact's name opens with: the shortest name before one of
    its commas that is another row's (the company, not a contact between)."""
    at = name.find(",")
    while at > 0:
        head, rest = name[:at], name[at + 1:]
        row = companies.get(match_key(head))
        if row is not None and row != own and any(ch.isalpha() for ch in rest):
            return row
        at = name.find(",", at + 1)
    return None


def contacts_into_their_company(book: Book) -> None:
    """Fold each contact row of a name-keyed customer list into its company (see the module
    docstring)."""
    table = book.tables.get("Customers")
    if table is None or len(table.frame) < 2 or "Name" not in table.frame:
        return
    frame, raw = table.frame, table.raw
    if raw is None or "Customer ID" in raw.columns:
        return  # (a list of codes: a row coded apart is an account of its own)
    names = frame["Name"].tolist()
    if not any(isinstance(n, str) and "," in n for n in names):
        return
    index = list(frame.index)
    companies: dict[str, int] = {}
    for pos, name in enumerate(names):
        if isinstance(name, str) and name.strip():
            companies.setdefault(match_key(name), pos)
    folded: dict[int, int] = {}
    for pos, name in enumerate(names):
        if not isinstance(name, str) or "," not in name:
            continue
        company = _company_of(name, companies, pos)
        if company is None or company in folded:
            continue
        i, c = index[pos], index[company]
        if all(not _stated(frame.at[i, f]) or _stated(frame.at[i, f]) == _stated(frame.at[c, f])
               for f in _COMPANY_FIELDS if f in frame):
            folded[pos] = company
    if not folded:
        return
    ids = frame["Customer ID"].tolist()
    read_as = {match_key(ids[pos]): ids[company] for pos, company in folded.items()}
    read_as.update({match_key(names[pos]): ids[company] for pos, company in folded.items()})
    for kind, other in book.tables.items():
        if kind == "Customers" or "Customer ID" not in other.frame:
            continue
        column = other.frame["Customer ID"]
        if column.map(lambda v: isinstance(v, str) and match_key(v) in read_as).any():
            other.frame["Customer ID"] = column.map(
                lambda v: read_as.get(match_key(v), v) if isinstance(v, str) else v)
    rows = frame[ROW].tolist()
    for pos, company in folded.items():
        book.issues.append(Issue(
            table.sheet, table.cell(index[pos], "Name"), table.headers.get("Name", "Name"),
            names[pos],
            f"'{names[pos]}' (row {rows[pos]}) is a contact of '{names[company]}' (row "
            f"{rows[company]}), as Odoo names a company's contacts: read as customer "
            f"{ids[company]}, with the documents naming it"))
    dropped = [index[pos] for pos in folded]
    book.withdraw_blank_rows({(table.sheet, str(frame.at[i, ROW])) for i in dropped})
    table.frame = frame.drop(index=dropped).reset_index(drop=True)
    table.raw = raw.drop(index=dropped).reset_index(drop=True)
