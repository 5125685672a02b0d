"""A receivables ledger kept a sheet per customer, read as the invoice list.

Many small firms keep each customer's account on a sheet of its own (a statement of account,
or a sub-ledger of Date, Ref, Debit, Credit, Balance), the customer named in the title above
the columns ("Customer: Nile Foods (C001)", "العميل: شركة الأمل") or by the sheet's name,
never in a column. Where no sheet holds the invoice list, such sheets are it: each sheet's
rows are its customer's documents (debits are invoices, credits are receipts and credit
notes), and every row keeps its own sheet and row for its cell addresses.

A sheet is one customer's when its header row names an invoice list's columns but no
customer column, and its title cells or its name name exactly one customer of the master (by
ID, or by name as the master writes it). A workbook without a customer list names each
customer by a title cell labelling it ("Customer: ...") or by the sheet's name (not a
generic "Sheet3"), where two sheets or more are so laid out. One Input Issue says which sheets were read so and
whose each is; a sheet under such columns whose customer cannot be told is said too, with
its title cell, so that none of its money goes unread in silence.
"""

from __future__ import annotations

import re
from dataclasses import replace

import pandas as pd

from ar_excel.core.customers.ids import NameIndex, id_key, names_as_ids
from ar_excel.io.grid import Grid
from ar_excel.io.headers import find_header_row, map_headers, names_debit_and_credit
from ar_excel.io.sheet_kinds import NEVER_BY_CONTENT, OUTPUT_TABS, find_kind
from ar_excel.io.side_blocks import split_side_by_side
from ar_excel.model import ROW, SHEET, Issue, Table, column_letter
from ar_excel.names import match_key
from ar_excel.policy import Policy
from ar_excel.schema import SCHEMAS

# A title's label before the customer ("Customer:", "Account -", "العميل :").
_LABEL = re.compile(
    r"(?i)^\s*(?:statement\s+of\s+account|customer\s+(?:name|account|ledger|statement)|"
    r"customer|client|account(?:\s+name)?|debtor|party|name|to|كشف\s+حساب(?:\s+العميل)?|"
    r"حساب(?:\s+العميل)?|اسم\s+العميل|العميل|السادة|السيد|كود\s+العميل|رقم\s+العميل)"
    r"\s*(?:[:：\-–/]\s*|\s+(?=\S))")
_TOKEN = re.compile(r"[\w\-./]+")
_BRACKETED = re.compile(r"\s*[(\[]([^()\[\]]*)[)\]]\s*")


def _title_texts(text: str) -> list[str]:
    """The ways a title cell may write a customer: whole, after its label, either side of
    a dash, without its bracket, the bracket's content."""
    out = [text.strip()]
    bare = _LABEL.sub("", text, count=1).strip()
    out.append(bare)
    inside = _BRACKETED.findall(bare)
    out.extend(inside)
    out.append(_BRACKETED.sub(" ", bare).strip())
    for part in re.split(r"\s+[-–|]\s+", bare):
        out.append(_BRACKETED.sub(" ", part).strip())
    return [t for t in dict.fromkeys(out) if t]


def _customer_named(texts: list[tuple[str, str]], ids: dict[str, str],
                    names: NameIndex) -> tuple[str, str] | None:
    """(ID, cell) of the one customer the texts (text, cell) name by ID or by name; None
    where they name none, or several."""
    found: dict[str, str] = {}
    for text, cell in texts:
        for token in _TOKEN.findall(text):
            cid = ids.get(id_key(token.strip("-./")))
            if cid is not None:
                found.setdefault(cid, cell)
        variants = _title_texts(text)
        for cid in names_as_ids(variants, names).values():
            found.setdefault(cid, cell)
    return next(iter(found.items())) if len(found) == 1 else None


def _ledger_header(grid: Grid) -> int | None:
    """The header row of a sheet laid out as one customer's documents (an invoice list's
    number or date and amount, or debit and credit, and no customer column); None if not."""
    schema = SCHEMAS["Invoices"]
    h = find_header_row(grid.rows, schema)
    if h is None:
        return None
    _, written = map_headers(grid.rows[h], schema, grid.left)
    if "Customer ID" in written:
        return None
    money = "Amount" in written or "Balance" in written or names_debit_and_credit(grid.rows[h])
    document = "Invoice No" in written or "Invoice Date" in written
    return h if money and document else None


# A sheet name saying nothing of whose it is ("Sheet3", "ورقة2").
_GENERIC_SHEET = re.compile(r"(?i)^\s*(?:sheet|feuil|hoja|tabelle|ورقة|ورقه)\s*\d*\s*$")
# A title cell labelling its customer ("Customer: Nile Foods", "العميل / شركة الأمل").
_LABELLED = re.compile(r"(?i)^\s*(?:customer(?:\s+name)?|client(?:\s+name)?|account\s+name|"
                       r"debtor|العميل|اسم\s+العميل|السادة|السيد)\s*[:：/\-–]\s*(\S.*)$")


def _customer_written(texts: list[tuple[str, str]]) -> tuple[str, str] | None:
    """Without a customer list: the customer a title cell labels, else the sheet's name
    (the last of ``texts``) unless it is a generic one."""
    for text, cell in texts[:-1]:
        m = _LABELLED.match(text)
        if m:
            return m.group(1).strip(), cell
    name = texts[-1][0].strip()
    return None if _GENERIC_SHEET.match(name) else (name, "")


def customer_sheet_grids(grids: list[Grid], taken: set[str], customers: pd.DataFrame | None
                         ) -> tuple[list[Grid], list[Issue], set[str], list[Grid]]:
    """The sheets each holding one customer's documents (module docstring), as grids naming
    their customer; an Input Issue for each such sheet whose customer is not told; the
    names of all the sheets so laid out; and the receipts blocks kept beside the invoices
    on some of them (``side_blocks``), naming their customer too."""
    ids = {} if customers is None else {
        id_key(str(c)): c for c in customers["Customer ID"].dropna()}
    names = None if customers is None else NameIndex(customers)
    found, untold, receipts, sides = [], [], [], []
    for g in grids:
        if g.header is not None or g.hidden or g.name in taken or g.name.startswith("_") \
                or find_kind(g.name) is not None \
                or match_key(g.name) in OUTPUT_TABS | NEVER_BY_CONTENT:
            continue
        h = _ledger_header(g)
        if h is None:
            continue
        texts = []  # (the title's cells first: their address is said)
        for r, row in enumerate(g.rows[:h]):
            for c, v in enumerate(row):
                if isinstance(v, str) and v.strip():
                    texts.append((v, f"{column_letter(g.left + c)}{g.top + r + 1}"))
        texts.append((g.name, ""))
        named = _customer_written(texts) if names is None else \
            _customer_named(texts, ids, names)
        if named is None:
            untold.append((g, h))
            continue
        cid, cell = named
        letter = re.match(r"[A-Z]+", cell).group(0) if cell else None
        g = replace(g, customer=cid, customer_letter=letter, notes=[])
        both = split_side_by_side(g)  # (its receipts kept beside its invoices)
        if both is not None:
            g, beside, said = both
            receipts.append(beside)
            sides.append(said)
        found.append((g, cell))
    if names is None and len(found) < 2:  # (without a list, one such sheet is no ledger)
        return [], [], set(), []
    issues = []
    if found:
        for g, h in untold:
            issues.append(Issue(
                g.name, f"{column_letter(g.left)}{g.top + 1}", "Customer ID", None,
                f"sheet '{g.name}' is laid out like the other customers' sheets (header row "
                f"{g.top + h + 1}) but neither its name nor its title names a customer of the "
                f"list: not read; write the customer's ID in its title"))
    laid_out = {g.name for g, _ in found} | {g.name for g, _ in untold}
    return [g for g, _ in found], [*_said(found), *sides, *issues], laid_out, receipts


def _said(found: list[tuple[Grid, str]]) -> list[Issue]:
    if not found:
        return []
    first = found[0][0]
    each = "; ".join(f"'{g.name}' = {g.customer}" + (f" ({cell})" if cell else "")
                     for g, cell in found[:8])
    more = f"; +{len(found) - 8}" if len(found) > 8 else ""
    return [Issue(first.name, f"{column_letter(first.left)}{first.top + 1}", "Customer ID",
                  None, f"no Invoices sheet: {len(found)} sheet(s) each holding one customer's "
                  f"account read as the invoice list, each sheet's customer from its title "
                  f"(the cell given) or its name ({each}{more})")]


def read_customer_sheets(grids: list[Grid], policy: Policy, kind: str = "Invoices"
                         ) -> tuple[Table | None, list[Issue]]:
    """The customers' sheets read as one invoice list (or their receipts blocks as one
    receipts list), each row keeping its sheet."""
    from ar_excel.io.table_read import read_table

    tables, issues = [], []
    for g in grids:
        table, found = read_table(g, kind, policy)
        issues.extend(found)
        if table is not None:
            tables.append(table)
    issues = _closing_rows_said_once(issues)
    if not tables:
        return None, issues
    main = tables[0]
    if len(tables) > 1:
        main.frame = pd.concat([t.frame.assign(**{SHEET: t.sheet}) for t in tables],
                               ignore_index=True).astype({ROW: "int64"})
        main.raw = pd.concat([t.raw for t in tables], ignore_index=True)
        for t in tables[1:]:
            main.sheet_letters[t.sheet] = dict(t.letters)
            main.sheet_headers[t.sheet] = dict(t.headers)
    return main, issues


_CLOSING_SAID = re.compile(r"^'(.*)' restates the account's balance: (\d+) closing balance "
                           r"row\(s\) not read as records \(row (.*)\)$")


def _closing_rows_said_once(issues: list[Issue]) -> list[Issue]:
    """The closing balance rows of every customer's sheet in one Input Issue (at the first),
    each row with its sheet, rather than one issue per customer."""
    said = [(i, m) for i in issues if (m := _CLOSING_SAID.match(i.message))]
    if len(said) < 2:
        return issues
    rows = [f"{row} ('{i.sheet}')" for i, m in said for row in m[3].split(", ")
            if not row.startswith("+")]
    count = sum(int(m[2]) for _, m in said)
    shown = ", ".join(rows[:5]) + (f", +{count - 5}" if count > 5 else "")
    first, label = said[0][0], said[0][1][1]
    one = Issue(first.sheet, first.cell, first.column, first.value,
                f"'{label}' restates the account's balance: {count} closing balance row(s) "
                f"not read as records (row {shown})")
    gone = {id(i) for i, _ in said}
    return [one if i is first else i for i in issues if i is first or id(i) not in gone]
