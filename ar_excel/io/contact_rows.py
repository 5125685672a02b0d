"""A customer kept on two or more lines of a hand-kept master: its ID (and name) merged down
beside a second phone or email, or typed again on the line under it with nothing but the
further contact. Such a line is a contact of the customer above it, not a second customer
under the same ID; so is a line under it left without an ID that states nothing else (a
name, if any, the customer's). It is read into that customer (its phone and email, and the
further contact columns the master keeps, a mobile or a contact person, added to the
customer's, as a cell holding several is read), with one Input Issue at its ID cell. A line
stating anything else of its own (another name, tax ID, terms, limit, currency, status) stays
a record of its own: DUPLICATE_ID says so."""

from __future__ import annotations

import re

from ar_excel.core.customers.check_context import as_typed as _typed  # 1001234567.0: its digits
from ar_excel.core.customers.duplicates import id_key
from ar_excel.model import ROW, Book, Issue
from ar_excel.parsing import is_blank

# the contact fields a further line adds, and how a cell holding several joins them
_CONTACTS = {"Phone": " / ", "Email": "; "}
# further columns of contacts the master keeps beside them (carried as headed): a second
# phone, the contact person, a fax; a line adding one is a contact line too
_CONTACT_HEADER = re.compile(
    r"(?i)contact|attn|mobile|\bmob\b|\bcell|phone|\btel\b|fax|whats|e-?mail|"
    r"مسؤول|مسئول|الشخص|اتصال|جوال|موبايل|محمول|هاتف|تليفون|تلفون|فاكس|بريد|[اإ]يميل|واتس")


# (the salesman responsible for the account, "مسؤول المبيعات", is no contact of the customer)
_SALES = re.compile(r"(?i)sales|rep\b|مبيعات|مندوب")


def _joiner(column: str) -> str | None:
    """How a cell of the column joins several contacts; None: no contact column."""
    if column in _CONTACTS:
        return _CONTACTS[column]
    if not isinstance(column, str) or not _CONTACT_HEADER.search(column) or \
            _SALES.search(column):
        return None
    return "; " if re.search(r"(?i)mail|بريد|[اإ]يميل", column) else " / "


def _said(value: object) -> str:
    return "" if is_blank(value) else " ".join(_typed(value).split()).casefold()


def _contacts_of(value: object, joiner: str) -> list[str]:
    return [p for p in (_said(v) for v in _typed(value).split(joiner.strip())) if p] \
        if not is_blank(value) else []


def contact_lines_into_their_customer(book: Book) -> None:
    """Fold each further contact line of the Customers sheet into the customer above it."""
    table = book.tables.get("Customers")
    if table is None or "Customer ID" not in table.frame.columns or len(table.frame) < 2:
        return
    frame, raw = table.frame, table.raw
    contacts = [c for c in (raw.columns if raw is not None else ())
                if c in table.letters and _joiner(c) is not None]
    if not any(c in _CONTACTS for c in contacts):
        return
    if raw is None or "Customer ID" not in raw.columns:
        return  # (IDs made by the reader, from names: no clerk typed them twice)
    keys = [id_key(v) for v in raw["Customer ID"].tolist()]
    if len(set(k for k in keys if k)) == sum(1 for k in keys if k) and \
            all(k or not above for above, k in zip(keys, keys[1:], strict=False)):
        return  # no ID on two rows, none left out under one: nothing to fold (decided at once)
    others = [c for c in raw.columns if c not in contacts and c != ROW
              and c != "Customer ID" and not str(c).startswith("_")]
    index = list(frame.index)
    rows = frame[ROW].tolist()
    dropped: list[object] = []
    record = 0  # the position of the customer a further line would belong to
    for pos in range(1, len(index)):
        i, r = index[pos], index[record]
        # the ID typed again (or merged down), or left out under the customer's line
        no_id = not keys[pos] and bool(keys[record])
        line = (no_id or keys[pos] and keys[pos] == keys[record]) \
            and rows[pos] == rows[pos - 1] + 1 \
            and all(is_blank(raw.at[i, c]) or _said(raw.at[i, c]) == _said(raw.at[r, c])
                    for c in others)
        # (contacts compared as read: a phone typed as a number is its digits' text)
        added = {c: [p for p in _contacts_of(frame.at[i, c], _joiner(c))
                     if p not in _contacts_of(frame.at[r, c], _joiner(c))]
                 for c in contacts} if line else {}
        if not any(added.values()):
            record = pos
            continue
        for c in contacts:
            if added[c]:
                new, before = _typed(frame.at[i, c]), frame.at[r, c]
                joined = new if is_blank(before) else f"{_typed(before)}{_joiner(c)}{new}"
                frame.at[r, c] = raw.at[r, c] = joined
                typed = table.typed_on.setdefault((int(rows[record]), c), [] if is_blank(
                    before) else [(int(rows[record]), _typed(before))])
                typed.append((int(rows[pos]), new))
        what = ", ".join(f"{c.lower() if c in _CONTACTS else c} {_typed(frame.at[i, c])}"
                         for c in contacts if added[c])
        cid = frame.at[r, "Customer ID"]
        letter = table.letters.get("Customer ID", "A")
        book.issues.append(Issue(
            table.sheet, f"{letter}{rows[pos]}", table.headers.get("Customer ID", "Customer ID"),
            raw.at[i, "Customer ID"],
            f"row {rows[pos]} has no customer ID, only a further contact ({what}): read as "
            f"customer {cid}'s of row {rows[record]} above, the contact added to row "
            f"{rows[record]}'s" if no_id else
            f"row {rows[pos]} repeats customer {cid} of row {rows[record]} with only a further "
            f"contact ({what}): read as one customer, the contact added to row {rows[record]}'s"))
        dropped.append(i)
    if dropped:
        # a name left blank on the line is the customer's above: no "required but blank"
        book.withdraw_blank_rows({(table.sheet, str(frame.at[i, ROW])) for i in dropped})
        table.frame = frame.drop(index=dropped).reset_index(drop=True)
        table.raw = raw.drop(index=dropped).reset_index(drop=True)
