"""An invoice list or a receipts log kept on several sheets under the same columns, one per
month or year ("Invoices Sep", "Invoices Oct"; "سبتمبر", "أكتوبر"), read as one list.

Clerks who keep their ledger by hand start a new sheet each month by copying the last one.
Reading the first such sheet alone would leave the other months out of the ledger, and the
next month's sheet could be taken for the receipts. So the visible sheets whose header row
names the same columns, in the same places, as the sheet read for the invoices (or the
receipts) are read with it, one list, each row keeping its own sheet and row for its cell
addresses (``model.SHEET``), and one Input Issue says which sheets were read together.

Among them, a sheet its name says holds credit notes or returns ("Credit Notes", "مرتجعات")
has its positive amounts read as credits, and a sheet its name says holds paid invoices ("Paid
Invoices", "فواتير مسددة") has its invoices read as paid in full where it does not say what
is paid itself (with a receipts sheet the receipts settle them, as for any invoice); each is
said.

A sheet named for another contract sheet is never one of them, nor a hidden sheet (an old
copy kept out of sight) nor an Excel table. A sheet repeating numbers of the invoices (or
receipts) already read, half of its own or more, is a copy of them ("Invoices (2)"), not another month: it is not read,
and an Input Issue says so.
"""

from __future__ import annotations

import re
from dataclasses import replace

import pandas as pd

from ar_excel.io.grid import Grid
from ar_excel.io.headers import find_header_row, map_headers
from ar_excel.io.sheet_kinds import OUTPUT_TABS, find_kind
from ar_excel.model import ROW, SHEET, Issue, Table, column_letter
from ar_excel.names import match_key
from ar_excel.parsing import month_number, normalize_digits
from ar_excel.schema import SCHEMAS

KINDS = ("Invoices", "Payments")
_KEY = {"Invoices": "Invoice No", "Payments": "Payment ID"}
_WHAT = {"Invoices": "invoices", "Payments": "receipts"}  # (credit notes are invoices' kin)


def _columns(grid: Grid, kind: str) -> tuple[int, tuple[str, ...]] | None:
    """Where a plain sheet's columns stand and what they name (None: no header row)."""
    if grid.header is not None:
        return None
    h = find_header_row(grid.rows, SCHEMAS[kind])
    if h is None:
        return None
    names, written = map_headers(grid.rows[h], SCHEMAS[kind], grid.left)
    if not written:
        return None
    while names and names[-1].startswith("Column "):
        names.pop()  # (blank cells at the row's end)
    return grid.left, tuple(names)


# A credit notes sheet's own number column, and what names the invoice a credit note corrects.
_CREDIT_NUMBER = frozenset(match_key(h) for h in (
    "Credit Note No", "Credit Note Number", "Credit Note", "CN No", "CN Number", "CN #",
    "Credit Memo No", "Credit Memo Number", "Credit Memo", "Return No", "Return Number",
    "Refund No", "رقم الإشعار", "رقم الاشعار", "رقم إشعار الخصم", "رقم اشعار الخصم",
    "رقم إشعار دائن", "رقم اشعار دائن", "رقم المرتجع", "رقم المردود", "رقم إذن الارتجاع"))
_CREDIT_SHEET_NAME = re.compile(r"(?i)credit\s*notes?|credit\s*memos?|\breturns?\b|"
                                r"\brefunds?\b|مرتجع|مردود|إشعار|اشعار")


def _credit_note_grid(grid: Grid) -> Grid | None:
    """A sheet its name says holds credit notes, as an invoice list: its credit note number
    column read as the Invoice No, the invoice each corrects carried as "Original Invoice"
    (``core.billing.credit_notes`` reads it); None where no row names its number column."""
    from ar_excel.io.headers import HEADER_SEARCH_ROWS, alias_index, header_field

    if not _CREDIT_SHEET_NAME.search(grid.name):
        return None
    index = alias_index(SCHEMAS["Invoices"])
    for h, row in enumerate(grid.rows[:HEADER_SEARCH_ROWS]):
        keys = [match_key(v) if isinstance(v, str) else "" for v in row]
        if not any(k in _CREDIT_NUMBER for k in keys):
            continue
        header = ["Invoice No" if k in _CREDIT_NUMBER else "Original Invoice"
                  if isinstance(v, str) and header_field(v, index) == "Invoice No" else v
                  for k, v in zip(keys, row, strict=True)]
        return replace(grid, rows=[*grid.rows[:h], header, *grid.rows[h + 1:]], notes=[])
    # its number headed as an invoice's (Business Central's Posted Sales Credit Memos: "No.")
    return grid if _columns(grid, "Invoices") is not None else None


def _named_for_a_period(grid: Grid, kind: str) -> bool:
    """The sheet's name is the kind's with a month or a year ("Invoices 2025", "Receipts
    Nov", "تحصيلات نوفمبر") and its header row names the kind's required columns."""
    words = re.split(r"[\s_\-()]+", normalize_digits(grid.name))
    period = [w for w in words if w and (w.isdigit() or month_number(w) is not None)]
    bare = " ".join(w for w in words if w and w not in period)
    if not period or not bare or find_kind(bare) != kind:
        return False
    columns = _columns(grid, kind)
    return columns is not None and all(
        f.name in columns[1] for f in SCHEMAS[kind].fields if f.required)


def sibling_sheets(grids: list[Grid], chosen: dict[str, Grid]) -> dict[str, list[Grid]]:
    """For the invoices and the receipts, the other sheets holding more of them (see the
    module docstring). A sheet found for another kind by its header alone, but holding the
    same columns, is taken from that kind (``chosen`` is changed: the caller looks for that
    kind again)."""
    found: dict[str, list[Grid]] = {}
    for kind in KINDS:
        main = chosen.get(kind)
        if main is None or main.hidden:
            continue
        named = {id(g) for k, g in chosen.items() if find_kind(g.name, g.header is not None)}
        # (a sheet holding an Excel table read as a contract sheet is read through the table)
        tables = {g.sheet for g in chosen.values() if g.header is not None}
        taken = {id(g) for gs in found.values() for g in gs}
        free = [g for g in grids if g is not main and g.header is None and not g.hidden
                and id(g) not in named and id(g) not in taken and g.name not in tables
                and match_key(g.name) not in OUTPUT_TABS and not g.name.startswith("_")]
        if not free:
            continue  # (the main sheet's cells not waited for: they load meanwhile)
        columns = _columns(main, kind)  # (None for an Excel table: only credit sheets)
        same = [g for g in free if columns is not None and _columns(g, kind) == columns]
        # a list named for the kind and a month or year ("Invoices 2025", "Receipts Nov"),
        # under columns of its own (a Balance or Bank column the first has not): more of it
        same += [g for g in free if not any(g is x for x in same) and _named_for_a_period(g, kind)]
        if kind == "Invoices":  # credit notes kept on a sheet of their own, its own columns
            same += [c for g in free if not any(g is x for x in same)
                     and (c := _credit_note_grid(g)) is not None
                     and _columns(c, kind) is not None]
        if same:
            found[kind] = same
            for other, g in list(chosen.items()):
                if other != kind and any(g is s or g.name == s.name for s in same):
                    del chosen[other]
    return found


# Words in a sheet's name saying what its rows are.
_CREDIT_SHEET = re.compile(r"(?i)credit|return|refund|مرتجع|دائن")
_PAID_SHEET = re.compile(r"(?i)\bpaid\b|settled|closed|collected|مسدد|محصل|خالص|مدفوع")


def _as_named(kind: str, table: Table) -> str | None:
    """Credit notes and paid invoices as a sibling sheet's name says (module docstring): the
    frame changed in place; what was done, for the Input Issue, or None."""
    if kind != "Invoices":
        return None
    frame, name = table.frame, table.sheet
    if _CREDIT_SHEET.search(name):
        positive = frame["Amount"] > 0
        for column in ("Amount", "Balance", "Paid Amount"):
            frame.loc[positive, column] = -frame.loc[positive, column].abs()
        return f"{int(positive.sum())} positive amount(s) read as credit notes (the sheet's name)"
    if _PAID_SHEET.search(name):
        unsaid = frame["Paid Amount"].isna() & frame["Balance"].isna()
        frame.loc[unsaid, "Paid Amount"] = frame.loc[unsaid, "Amount"].abs()
        return f"{int(unsaid.sum())} invoice(s) read as paid in full (the sheet's name)"
    return None


def read_together(main: Grid, table: Table,
                  others: list[tuple[Grid, Table | None, list[Issue]]]) -> list[Issue]:
    """Add to ``table`` the rows of the sibling sheets (``others``: each sheet, its table and
    the issues of its values), each row keeping its sheet; the Input Issues of the sheets
    read with it and the ones saying which were read together and which are copies."""
    key = _KEY[table.kind]
    frames, raws, read, issues = [table.frame], [table.raw], [], []
    copies = []
    numbers = set(table.frame[key].dropna())
    for grid, other, their_issues in others:
        if other is None:
            issues.extend(their_issues)  # (a sheet whose columns cannot be read: said)
            continue
        theirs = set(other.frame[key].dropna())
        shared = numbers & theirs
        # a copy repeats most of the numbers; a month repeating a few holds duplicates, which
        # the invoice checks report (leaving the month out would lose its other records)
        if shared and len(shared) >= 0.5 * len(theirs) and not _CREDIT_SHEET.search(
                other.sheet):  # (credit notes: their own series)
            copies.append((grid, other, sorted(shared, key=str)))
            continue
        numbers |= theirs
        done = _as_named(table.kind, other)
        if done:
            their_issues = [*their_issues, Issue(
                other.sheet, f"{column_letter(grid.left)}{other.header_row}", "", None,
                f"sheet '{other.sheet}': {done}")]
        frames.append(other.frame.assign(**{SHEET: other.sheet}))
        raws.append(other.raw)
        # (its columns may stand elsewhere: a credit notes sheet's own order)
        table.sheet_letters[other.sheet] = dict(other.letters)
        table.sheet_headers[other.sheet] = dict(other.headers)
        read.append(other)
        issues.extend(their_issues)
    if read:
        frames[0] = table.frame.assign(**{SHEET: table.sheet})
        table.frame = pd.concat(frames, ignore_index=True).astype({ROW: "int64"})
        table.raw = pd.concat(raws, ignore_index=True)
        rows = len(table.frame)
        sheets = ", ".join(f"'{t.sheet}'" for t in read)
        issues.insert(0, Issue(
            table.sheet, f"{column_letter(main.left)}{table.header_row}", "", None,
            f"sheets {sheets} hold more {_WHAT[table.kind]} of '{table.sheet}': read with it "
            f"as one list ({rows} rows)"))
    for grid, other, shared in copies:
        issues.append(Issue(other.sheet, f"{column_letter(grid.left)}{other.header_row}", "",
                            None, f"sheet '{other.sheet}' has the columns of '{table.sheet}' "
                            f"but repeats {len(shared)} of its numbers ('{shared[0]}' ...): a "
                            f"copy, not read; delete it or hide it if it is an old copy"))
    return issues
