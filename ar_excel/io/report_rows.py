"""Rows of a report that are no records: blank rows, the header printed again, totals and
subtotal rows ("Total", "Grand Total", "الإجمالي"), and the headings of a report's groups (a
customer's name, an age band). A record always has its required keys and dates, so a row
that has them is never dropped as one of these.

Each row set aside is said at its cell; a report's subtotals ("Total for Nile Foods", one per
customer or age band) are said once, with how many there were and where the first ones are,
so that the clerk reads one line for them, not one per customer."""

from __future__ import annotations

import re
from collections import Counter
from typing import Any

import numpy as np
import pandas as pd

from ar_excel.core.customers.ids import TOTAL_WORDS
from ar_excel.io.cells_named import cells_named
from ar_excel.io.headers import alias_index, header_field
from ar_excel.model import Issue, column_letter
from ar_excel.names import match_key
from ar_excel.parsing import (
    ValueTypes,
    blank_mask,
    is_blank,
    parse_column,
)
from ar_excel.schema import CUSTOMERS, SheetSchema


def record_rows(columns: list[np.ndarray], types: list[ValueTypes],
                blanks: dict[int, np.ndarray] | None = None) -> np.ndarray:
    """Which rows have at least one non-blank cell. The first columns decide almost every
    row, so each further column is looked at only for the rows still undecided. The blank
    cells of each column looked at whole are kept in ``blanks`` (by position)."""
    n = len(columns[0]) if columns else 0
    keep = np.zeros(n, dtype=bool)
    undecided = np.arange(n)
    for j, (values, value_kinds) in enumerate(zip(columns, types, strict=True)):
        if not len(undecided):
            break
        if len(undecided) == n:
            blank = blank_mask(values, value_kinds)
            if blanks is not None:
                blanks[j] = blank
            filled = ~blank
        else:
            filled = ~blank_mask(values[undecided], value_kinds.take(undecided))
        keep[undecided[filled]] = True
        undecided = undecided[~filled]
    return keep


# What the first cell of a totals or subtotal row says, matched like headers at its start
# ("Total", "Grand Total", "Total 1001", "الإجمالي", "المجموع الكلي"): the words a code's
# subtotal label ends in (``ids.TOTAL_WORDS``), and these.
TOTAL_LABELS = TOTAL_WORDS + tuple(match_key(w) for w in (
    "الاجمالي العام",
    # the share of the total in each column under an aging report's total (Xero's
    # "Percentage of total", Sage's "% of Total"): no record either
    "Percentage of Total", "Percent of Total", "% of Total", "Share of Total",
    "النسبة من الإجمالي", "نسبة من الإجمالي", "النسبة المئوية", "% من الإجمالي"))

_TOTAL_STARTS = ("total", "grand", "sub", "sum", "الإجمالي", "الاجمالي", "الأجمالي", "إجمالي",
                 "اجمالي", "أجمالي", "المجموع", "مجموع", "الجملة", "جملة", "الجمله", "جمله",
                 "percentage of", "percent of", "% of", "share of", "النسبة", "نسبة", "% من")


def _may_start_a_total(texts: list[str]) -> bool:
    """Whether any of these texts may start like a totals label (``_TOTAL_STARTS``, case and
    spaces aside): each start looked for in all of them joined and lower-cased, a plain
    search each (a text starting so holds it)."""
    joined = "\n".join(texts).lower()
    return any(start in joined for start in _TOTAL_STARTS)


# Excel's Data > Subtotal labels each group's row after its value ("Nile Foods Total", "C2
# Total"), as some reports do ("C2 المجموع"): read so in a list of documents, where no
# customer's or document's key ends so.
_TOTAL_ENDS = tuple(match_key(w) for w in ("Total", "المجموع", "الإجمالي", "الاجمالي"))


# SAP's lists (FBL5N, an ALV grid exported to a spreadsheet) mark a subtotal row "*", the
# next level "**" and so on, printed beside the sums instead of a word
_ALV_MARK = re.compile(r"^\s*\*{1,5}\s*$")


def _is_total_label(value: Any, ends: bool = False) -> bool:
    if not isinstance(value, str):
        return False
    if _ALV_MARK.match(value):
        return True
    key = match_key(value)
    return bool(key) and (key == "sum" or any(key.startswith(w) for w in TOTAL_LABELS
                                              if w != "sum") or (
        ends and any(key.endswith(w) and len(key) > len(w) for w in _TOTAL_ENDS)))


def _label_text(value: str, ends: bool) -> bool:
    text = value.strip().lower()
    return text.startswith(_TOTAL_STARTS) or (ends and _is_total_label(value, ends))


def repeated_headers(columns: list[np.ndarray], header: list[Any], keep: np.ndarray,
                     names: list[str], index: dict[str, str]) -> list[int]:
    """Rows that say the header again: every filled cell (at least two) equal to the header
    above it (as headers are matched), or naming the same column in another language (the
    translated label row of a bilingual sheet, just under its header). Beyond the first rows
    only rows with some cell exactly as in the header are looked at closely (a whole column
    compared at once)."""
    texts = [match_key(h) if isinstance(h, str) else "" for h in header]
    if not len(keep) or sum(map(bool, texts)) < 2:
        return []
    screen = np.zeros(len(keep), dtype=bool)
    screen[:3] = True  # a translated label row sits right under the header
    for j in [j for j, t in enumerate(texts) if t and j < len(columns)][:2]:
        screen |= columns[j] == header[j]  # a header said again says its first two names

    def says_header(j: int, v: Any) -> bool:
        if not isinstance(v, str) or j >= len(texts):
            return False
        return match_key(v) == texts[j] or (j < len(names) and header_field(v, index) == names[j])

    found = []
    for pos in np.flatnonzero(screen & keep).tolist():
        filled = [(j, c[pos]) for j, c in enumerate(columns) if not is_blank(c[pos])]
        if len(filled) >= 2 and all(says_header(j, v) for j, v in filled):
            found.append(pos)
    return found


def totals_rows(columns: list[np.ndarray], types: list[ValueTypes], names: list[str],
                schema: SheetSchema, keep: np.ndarray,
                blanks: dict[int, np.ndarray] | None = None) -> list[tuple[int, int, str]]:
    """Totals and subtotal rows (position, column of the label, label): a row labelled like
    ``Total`` or ``الإجمالي`` whose required keys and dates (every required column but the
    amounts) are blank, but for the label itself. A record always has those, so a customer called
    "Total" with an ID, or an invoice dated and numbered, is never taken for one."""
    kinds = {f.name: f.kind for f in schema.fields if f.required}
    keys = [j for j, n in enumerate(names) if kinds.get(n) not in (None, "money", "number")]
    if not keys or not len(keep):
        return []
    documents = schema.name in ("Invoices", "Payments")  # labels may end "Total" there
    # and in an invoice's lines, where Data > Subtotal writes "F-1 Total" under each invoice's
    # (a label ending so, in the Invoice No column, on a row naming no item)
    lines = schema.name == "Invoice Lines"
    ends = documents or lines
    item = names.index("Item") if lines and "Item" in names else None
    blanks = {} if blanks is None else blanks  # (those ``record_rows`` found already)
    present = {j: ~(blanks[j] if j in blanks else blank_mask(columns[j], types[j]))
               for j in keys}
    filled = sum(p.astype(np.int64) for p in present.values())
    # a row with one key filled is a totals row only when that key is the label: screened a
    # column at a time by how a label starts (most such rows are records with one key)
    candidates = keep & (filled == 0)
    for j in keys:
        one = np.flatnonzero(keep & (filled == 1) & present[j] & types[j].mask(str))
        if len(one) and _may_start_a_total(columns[j][one].tolist()):
            # (each distinct text looked at once: a receipts log repeats its customers' IDs)
            values = pd.Series(columns[j][one], dtype="object")
            labels = [v for v in pd.unique(values) if _label_text(v, ends)]
            if labels:
                candidates[one[values.isin(labels).to_numpy(bool)]] = True
    number = next((j for j in keys if names[j] in ("Invoice No", "Payment ID")), None)
    customer = next((j for j in keys if names[j] == "Customer ID"), None)
    keyed: set[int] = set()
    if documents and number is not None and customer is not None:
        # a group's subtotal printed with the group's customer beside it ("C1 | Nile Foods |
        # Total | | 15,000"): the label where the document's number goes, no date
        two = np.flatnonzero(keep & (filled == 2) & present[number] & present[customer]
                             & types[number].mask(str))
        if len(two) and _may_start_a_total(columns[number][two].tolist()):
            values = pd.Series(columns[number][two], dtype="object")
            labels = [v for v in pd.unique(values) if _label_text(v, True)]
            keyed = set(two[values.isin(labels).to_numpy(bool)].tolist())
            candidates[list(keyed)] = True
    found = []
    for pos in np.flatnonzero(candidates).tolist():
        row = [c[pos] for c in columns]
        if pos in keyed:
            at = number
        elif filled[pos] == 0:  # no key at all: the label may follow a row count ("12 | Total")
            at = next((j for j, v in enumerate(row) if _is_total_label(v, documents)), None)
        else:  # the one key filled is the label, and nothing but it comes first
            at = next(j for j, v in enumerate(row) if not is_blank(v))
            at = at if at in keys and (_is_total_label(row[at], documents) or (
                # a line's number ending "Total" beside an item is that line's number
                lines and (item is None or is_blank(row[item]))
                and _is_total_label(row[at], True))) else None
        if at is not None:
            found.append((pos, at, str(row[at]).strip()))
    return found


def sum_rows(columns: list[np.ndarray], types: list[ValueTypes], names: list[str],
             schema: SheetSchema, keep: np.ndarray, blanks: dict[int, np.ndarray],
             parse_amounts: Any) -> list[tuple[int, int, float]]:
    """Totals and subtotal rows printed without a label (SAP's list subtotals, a hand-added
    sum under each customer, a report's unlabelled grand total): rows whose keys and dates
    are blank (but perhaps the customer the subtotal is for), whose every filled amount is the
    sum of that column's records above it, since the previous such row (a subtotal) or from
    the first (a total). Only a row that adds up so is set aside: a record missing its keys
    stays a record, and is reported as one. Returns (position, amount column, sum)."""
    kinds = {f.name: f.kind for f in schema.fields}
    required = {f.name for f in schema.fields if f.required}
    # a row holding a number or a date of its own (a receipt's number and date, the invoice
    # it pays) is a record, required or not: a receipt nobody has identified yet leaves only
    # its customer blank, and may well be for the sum of the receipts above it
    keys = [j for j, n in enumerate(names) if n in kinds and (
        (n in required and kinds[n] not in ("money", "number")) or kinds[n] in ("id", "date"))]
    amounts = [j for j, n in enumerate(names) if kinds.get(n) == "money"]
    if not keys or not amounts or not len(keep):
        return []
    present = {j: ~(blanks[j] if j in blanks else blank_mask(columns[j], types[j])) for j in keys}
    # a subtotal may show the customer it sums (a list subtotalled by account)
    owner = [j for j in keys if names[j] == "Customer ID" and len(keys) > 1
             and schema.name in ("Invoices", "Payments")]
    no_keys = keep & ~np.logical_or.reduce([present[j] for j in keys if j not in owner])
    if not no_keys.any():
        return []
    filled = {j: ~(blanks[j] if j in blanks else blank_mask(columns[j], types[j]))
              for j in amounts}
    candidates = np.flatnonzero(no_keys & np.logical_or.reduce(list(filled.values())))
    if not len(candidates):
        return []
    values = {j: parse_amounts(j).to_numpy(np.float64) for j in amounts}
    is_candidate = np.zeros(len(keep), dtype=bool)
    is_candidate[candidates] = True
    grand = {j: np.nan_to_num(np.where(keep & ~is_candidate, values[j], 0.0)) for j in amounts}
    running = {j: np.concatenate(([0.0], np.cumsum(grand[j]))) for j in amounts}
    records = np.concatenate(([0], np.cumsum(keep & ~is_candidate)))

    def scan(least_named: int) -> tuple[list[tuple[int, int, float]], bool]:
        """The sum rows (position, amount column, sum), and whether one of them names its
        customer and sums several of its records. ``least_named``: the fewest records a
        row naming its customer must sum."""
        by_customer = False
        found: list[tuple[int, int, float]] = []
        # a row equal to the one record since the last subtotal, with records above that one
        # summed otherwise (the last subtotal summed several): a second receipt of the same size
        # as likely as a subtotal of one, so a record, unless a later sum leaves it out
        doubtful: list[tuple[int, int, float]] = []
        one_record_sums = True  # every subtotal so far summed a single record
        start = 0
        for pos in candidates.tolist():
            used = [j for j in amounts if filled[j][pos]]
            if any(np.isnan(values[j][pos]) for j in used):
                continue  # an amount that cannot be read is no sum
            # a row naming its customer sums at least two of its records: one record's amount
            # said again beside its customer may be a record missing its number and date
            named = [j for j in owner if present[j][pos]]
            least = least_named if named else 1
            # and sums only that customer's records: a row naming another customer (an opening
            # balance typed without number or date) is that customer's record, whatever it equals
            def sums_since(first: int, pos: int = pos, used: list[int] = used,
                           named: list[int] = named, least: int = least) -> list[bool]:
                """Which filled amounts are the sum of their column from row ``first``."""
                alone = not named or _all_of(columns[named[0]], pos, first, keep & ~is_candidate)
                return [abs(values[j][pos] - (running[j][pos] - running[j][first])) < 0.005
                        and records[pos] - records[first] >= least and alone for j in used]

            # each filled amount the sum of its column since the last subtotal, or from the top
            first = start
            since, top = sums_since(first), sums_since(0)
            if used and doubtful and not all(a or b for a, b in zip(since, top, strict=True)):
                first = doubtful[-1][0] + 1  # a subtotal after one of them
                since = sums_since(first)
            if not used or not all(a or b for a, b in zip(since, top, strict=True)):
                continue
            row = (pos, used[0], float(values[used[0]][pos]))
            single = records[pos] - records[first] == 1
            # (a row naming its customer sums one record only where the list subtotals each
            # customer: ``sum_rows``' second scan)
            if not all(top) and single and records[pos] >= 2 and not one_record_sums \
                    and not named:
                doubtful.append(row)
                continue
            # a later sum leaving the doubtful rows out (they lie after the last subtotal, within
            # what it sums, or end where it starts) says they were subtotals after all
            found.extend(doubtful)
            doubtful = []
            found.append(row)
            by_customer = by_customer or bool(named) and not single
            one_record_sums = one_record_sums and single
            start = pos + 1
        return sorted(found), by_customer

    found, by_customer = scan(least_named=2)
    if by_customer:
        # The list subtotals each customer (a row naming it summed several of its records):
        # a row of that shape under a customer's only record is its subtotal too, not that
        # record said again (Delta's 700.00 under its one invoice of 700.00).
        again, _ = scan(least_named=1)
        if set(found) <= set(again):
            found = again
    return found


def _all_of(ids: np.ndarray, pos: int, start: int, records: np.ndarray) -> bool:
    """Whether the records from ``start`` down to row ``pos`` name no customer but the one
    row ``pos`` names (a customer written on its group's first row only leaves blanks)."""
    own = str(ids[pos]).strip()
    above = ids[start:pos][records[start:pos]]
    return all(is_blank(v) or str(v).strip() == own for v in above.tolist())


def _cell(left: int, first_row: int, pos: int, at: int) -> str:
    """The sheet cell of a row's column: ``pos`` counted from the first data row, whose sheet
    row is ``first_row`` + 1; ``at`` from the grid's ``left`` column."""
    return f"{column_letter(left + at)}{pos + first_row + 1}"


def sum_rows_issues(found: list[tuple[int, int, float]], sheet: str, header: list[Any],
                    left: int, first_row: int) -> list[Issue]:
    """One Input Issue for the unlabelled totals rows set aside (``sum_rows``), at the first."""
    if not found:
        return []
    cells = [_cell(left, first_row, pos, j) for pos, j, _ in found]
    pos, j, total = found[0]
    shown = f"{total:,.2f}"
    if len(found) == 1:
        message = (f"row {pos + first_row + 1} holds only {shown}, the sum of the rows above "
                   f"it: a totals row, not a record: not read")
    else:
        message = (f"{len(found)} rows hold only the sum of the rows above them (subtotals "
                   f"and totals without a label, the first {shown}): not records, not read "
                   f"({cells_named(cells)})")
    return [Issue(sheet, cells[0], str(header[j] or ""), total, message)]


def group_headings(columns: list[np.ndarray], types: list[ValueTypes], keep: np.ndarray,
                   names: list[str], schema: SheetSchema,
                   blanks: dict[int, np.ndarray]) -> np.ndarray:
    """Positions of the rows heading a group of records in a report (a customer's name, an
    age band "1 - 30 days past due", the report's basis line at its foot): a text alone in
    the first column, every other cell blank, where the first column is no contract column
    or the text is not what it holds (a name in a date column). A record never leaves its
    other required columns blank, so only such rows are looked at closely."""
    kinds = {f.name: f.kind for f in schema.fields}
    required = [j for j, n in enumerate(names) if j > 0 and n in kinds and
                schema.field(n).required]
    if not columns or not required or not len(keep):
        return np.zeros(0, dtype=np.int64)
    j = required[0]
    blank = blanks[j] if j in blanks else blank_mask(columns[j], types[j])
    kind = kinds.get(names[0])
    # a key or name alone is a record missing the rest, unless labelled as a customer's
    # heading (Dynamics GP's aged trial balance: "Customer: AARONFIT0001 Aaron Fitz" above
    # its documents, in the Document Number column)
    keyed = kind is not None and kind not in ("date", "money", "number")
    found = []
    for pos in np.flatnonzero(keep & blank & types[0].mask(str)).tolist():
        if any(not is_blank(c[pos]) for c in columns[1:]):
            continue
        if keyed:
            if heading_customer(columns[0][pos]) == columns[0][pos]:
                continue
        elif kind is not None:
            _, errors = parse_column(columns[0][pos:pos + 1], kind)
            if not errors:
                continue  # a date or amount alone: a record missing the rest
        found.append(pos)
    return np.array(found, dtype=np.int64)


def sub_headings(columns: list[np.ndarray], types: list[ValueTypes], keep: np.ndarray,
                 header: list[Any], names: list[str], fields: set[str],
                 headings: np.ndarray, totals: list[tuple[int, int, str]]
                 ) -> list[tuple[int, int]]:
    """The rows heading a group within a group (position, column): a text alone in one of the
    report's leading unlabelled columns other than the first, below a group heading, that a
    totals row of its own closes further down in that column (QuickBooks Desktop's Open
    Invoices prints a customer's jobs so, "Cairo Branch" in column B under "Nile Foods" in
    A, then "Total Cairo Branch"). A record fills a contract column, so it is never one; a
    note alone in such a column, never totalled, is no heading either."""
    if not len(headings) or not len(keep):
        return []
    leading = []
    for j in range(1, len(columns)):
        if names[j] in fields or not is_blank(header[j]):
            break
        leading.append(j)
    found = []
    for j in leading:
        rows = keep & types[j].mask(str)
        rows[: int(headings[0]) + 1] = False
        closed = [(p, match_key(label)) for p, at, label in totals if at == j]
        for pos in np.flatnonzero(rows).tolist():
            key = match_key(columns[j][pos])
            if all(is_blank(c[pos]) for k, c in enumerate(columns) if k != j) and key and any(
                    p > pos and label.endswith(key) for p, label in closed):
                found.append((pos, j))
    return sorted(found)


def customers_of_groups(heads: list[Any], headings: np.ndarray, subs: list[tuple[int, int]],
                        closed: list[int], n: int) -> np.ndarray:
    """Each row's customer in a report grouped by customer (``heads``: the headings'
    customers, at ``headings``), where some groups hold sub-groups (``subs``) whose totals
    rows (``closed``) end them: a job's records are its customer's job, named as QuickBooks
    names it, "Nile Foods:Cairo Branch" (a sub-heading written so already is kept); the
    customer's own records, before or after its jobs, are the customer's."""
    group = pd.Series([None] * n, dtype="object")
    group[headings.tolist()] = heads
    group = group.ffill()
    job = pd.Series([None] * n, dtype="object")
    job[list(headings.tolist()) + closed] = ""
    for pos, text in subs:
        job[pos] = text
    job = job.ffill()
    out = group.to_numpy(dtype=object).copy()
    for pos in range(n):
        sub, parent = job.iat[pos], out[pos]
        if isinstance(sub, str) and sub and isinstance(parent, str):
            out[pos] = sub if sub.startswith(parent + ":") else f"{parent}:{sub}"
    return out


def headings_with_sums(columns: list[np.ndarray], types: list[ValueTypes], keep: np.ndarray,
                       names: list[str], schema: SheetSchema, blanks: dict[int, np.ndarray],
                       parse_amounts: Any) -> np.ndarray:
    """Positions of the group headings of a report whose first column, unlabelled, holds the
    documents' numbers and, on a group's first row, its customer (Odoo's Aged Receivable:
    the partner's row carries the sums of its documents below it). A heading leaves the
    other required columns (the date) blank, and each amount it shows is the sum of that
    column over the records under it, down to the next heading; a row that does not add up
    is a record missing its date, and is reported as one."""
    kinds = {f.name: f.kind for f in schema.fields}
    required = {f.name for f in schema.fields if f.required}
    others = [j for j, n in enumerate(names) if j > 0 and n in required
              and kinds[n] not in ("money", "number")]
    none = np.zeros(0, dtype=np.int64)
    if not columns or not others or not len(keep):
        return none

    def blank(j: int) -> np.ndarray:
        return blanks[j] if j in blanks else blank_mask(columns[j], types[j])

    empty = np.logical_and.reduce([blank(j) for j in others])
    candidates = np.flatnonzero(keep & empty & types[0].mask(str) & ~blank(0))
    if not len(candidates):
        return none
    amounts = [j for j, n in enumerate(names) if kinds.get(n) == "money"]
    values = {j: parse_amounts(j).to_numpy(np.float64) for j in amounts}
    shows = {j: ~blank(j) for j in amounts}  # (once, not a whole column per heading)
    is_candidate = np.zeros(len(keep), dtype=bool)
    is_candidate[candidates] = True
    records = keep & ~is_candidate
    found = []
    ends = [*candidates.tolist()[1:], len(keep)]
    for pos, end in zip(candidates.tolist(), ends, strict=True):
        below = np.flatnonzero(records[pos + 1:end]) + pos + 1
        if not len(below):
            continue
        shown = [j for j in amounts if shows[j][pos]]
        if all(not np.isnan(values[j][pos]) and abs(
                values[j][pos] - np.nansum(values[j][below])) < 0.005 for j in shown):
            found.append(pos)
    return np.array(found, dtype=np.int64)


def customer_rows_with_sums(columns: list[np.ndarray], types: list[ValueTypes],
                            keep: np.ndarray, names: list[str], schema: SheetSchema,
                            blanks: dict[int, np.ndarray], parse_amounts: Any) -> np.ndarray:
    """Positions of the rows of a report that name a customer and carry the sums of its
    documents listed under it, whose own customer cells are blank (SAP Business One's
    Customer Receivables Aging: the business partner's row, then its invoices and
    payments). Such a row leaves the document's number and date blank, and each amount it
    shows is the sum of that column over the records under it, down to the next such row:
    no record of its own. One showing no amount at all heads its documents likewise."""
    if "Customer ID" not in names:
        return np.zeros(0, dtype=np.int64)
    kinds = {f.name: f.kind for f in schema.fields}
    who = names.index("Customer ID")
    others = [j for j, n in enumerate(names) if j != who and n in kinds
              and schema.field(n).required and kinds[n] not in ("money", "number")]
    amounts = [j for j, n in enumerate(names) if kinds.get(n) == "money"]
    if not others or not amounts or not len(keep):
        return np.zeros(0, dtype=np.int64)

    def blank(j: int) -> np.ndarray:
        return blanks[j] if j in blanks else blank_mask(columns[j], types[j])

    nobody = blank(who)
    candidates = np.flatnonzero(keep & ~nobody & np.logical_and.reduce([blank(j) for j in others]))
    if not len(candidates):
        return np.zeros(0, dtype=np.int64)
    values = {j: parse_amounts(j).to_numpy(np.float64) for j in amounts}
    shows = {j: ~blank(j) for j in amounts}  # (once, not a whole column per customer row)
    found = []
    for pos, end in zip(candidates.tolist(), [*candidates.tolist()[1:], len(keep)], strict=True):
        below = np.flatnonzero(keep[pos + 1:end]) + pos + 1
        shown = [j for j in amounts if shows[j][pos]]
        # (a row naming the customer and nothing else heads its documents as well, where
        # they are whole documents: Sage 50's Aged Debtors prints A/C and Name alone above
        # them; above a row begun and left, it is a record begun too)
        if not len(below) or not nobody[below].all() or not shown and not all(
                (~blank(j)[below]).all() for j in others):
            continue
        if all(not np.isnan(values[j][pos]) and abs(
                values[j][pos] - np.nansum(values[j][below])) < 0.005 for j in shown):
            found.append(pos)
    return np.array(found, dtype=np.int64)


def totals_issues(found: list[tuple[int, int, str]], sheet: str, header: list[Any], left: int,
                  first_row: int) -> list[Issue]:
    """The Input Issues for the totals rows set aside (``totals_rows``: position, column of
    the label, label), ``first_row`` being the sheet row above the first data row: one for
    each grand total ("Total", "الإجمالي": a label and nothing more) and for a lone
    subtotal; the subtotals of a report grouped by customer or age band ("Total for Nile
    Foods", "إجمالي العميل 1002", or "Total" under each group), when more than one, are one
    issue at the first of them, saying how many were set aside and where the first few are."""
    def cell(pos: int, at: int) -> str:
        return _cell(left, first_row, pos, at)

    # (a grand total's label printed under each customer's documents, "Total" again and
    # again, is each group's subtotal: said once, as the others are)
    times = Counter(match_key(t[2]) for t in found)
    subtotals = [t for t in found if (k := match_key(t[2])) not in TOTAL_LABELS or times[k] > 1]
    many = len(subtotals) > 1
    issues = []
    for pos, at, label in found:
        if many and (pos, at, label) in subtotals:
            if (pos, at, label) == subtotals[0]:
                cells = [cell(p, a) for p, a, _ in subtotals]
                issues.append(Issue(sheet, cell(pos, at), str(header[at] or ""), label,
                                    f"{len(cells)} subtotal rows ('{label}' and the like) are "
                                    f"not records: not read ({cells_named(cells)})"))
            continue
        issues.append(Issue(sheet, cell(pos, at), str(header[at] or ""), label,
                            f"'{label}' row is a totals row, not a record: not read"))
    return issues


# A ledger list's column naming each ledger's parent group (Tally's "Under", a chart's
# "Parent Group"); "Primary" is Tally's root, under which only groups sit, never a ledger.
# (Not a bare "Parent": Odoo's and QuickBooks' parent is a customer, the company its
# contacts or jobs belong to, and is read as one.)
_PARENT_HEADERS = frozenset(match_key(w) for w in (
    "Under", "Under Group", "Parent Group", "Group Under",
    "تحت", "تحت المجموعة", "المجموعة الأم", "المجموعة الرئيسية"))
_ROOT_GROUPS = frozenset(match_key(w) for w in ("Primary", "رئيسي", "رئيسية", "أساسي"))


def ledger_group_rows(columns: list[np.ndarray], header: list[Any], names: list[str],
                      keep: np.ndarray) -> list[tuple[int, int, str, str]]:
    """The rows of a ledger list that are groups, not customers (position, column of the
    name, name, parent): in a list with a parent-group column (Tally's ``Under``), a row
    other rows name as their parent ("Sundry Debtors", over the customers' ledgers), or one
    under the root ``Primary``, where only groups sit. A customer is a ledger, and no ledger
    is any other row's parent."""
    parent = next((j for j, h in enumerate(header) if match_key(h) in _PARENT_HEADERS
                   and names[j] not in ("Customer ID", "Name")), None)
    own = [j for j, n in enumerate(names) if n in ("Customer ID", "Name")]
    if parent is None or not own or not len(keep):
        return []
    parents = {match_key(v) for pos, v in enumerate(columns[parent].tolist())
               if keep[pos] and not is_blank(v)}
    found = []
    for pos in np.flatnonzero(keep).tolist():
        above = columns[parent][pos]
        for j in own:
            value = columns[j][pos]
            if is_blank(value):
                continue
            said = match_key(value)
            if said in parents or (not is_blank(above) and match_key(above) in _ROOT_GROUPS):
                found.append((pos, j, str(value).strip(),
                              "" if is_blank(above) else str(above).strip()))
                break
    return found


def ledger_group_issues(found: list[tuple[int, int, str, str]], sheet: str, header: list[Any],
                        left: int, first_row: int) -> list[Issue]:
    """An Input Issue at each ledger group's name (``ledger_group_rows``) saying it is not
    read as a customer."""
    return [Issue(sheet, _cell(left, first_row, pos, at), str(header[at] or ""),
                  name, f"'{name}' is a ledger group" + (f" (under '{above}')" if above else "")
                  + ", not a customer: not read")
            for pos, at, name, above in found]


# "Customer: 1001 - Nile Foods", "العميل: شركة النيل", "Account 1001 Nile Foods": a report's
# group heading printing its label before the customer (Sage, Tally, local Arabic systems)
_LABEL_COLON = re.compile(r"^\s*([^:：]{1,30}?)\s*[:：]\s*(\S.*)$")
_LABEL_WORDS = re.compile(
    r"^\s*((?:\S+\s+){0,2}?\S+)\s+(\S*\d\S*\s+[-–—|]\s+\S.*|\S*\d{3}\S*\s+[^\W\d_].*)$")


def heading_customer(text: Any) -> Any:
    """The customer a group heading names, its label before it set aside: the label a
    customer list's header for the ID or the name ("Customer", "Account", "Customer No.",
    "العميل", "اسم العميل") followed by a colon, or without one by a code and a name after it
    ("Customer 1001 - Nile Foods", SAP's "Customer 100001 Nile Foods"; "Customer 01" or
    "Account 7 Holdings" may be a customer's whole name).
    Any other heading is returned as it is."""
    if not isinstance(text, str):
        return text
    index = alias_index(CUSTOMERS)
    for pattern in (_LABEL_COLON, _LABEL_WORDS):
        m = pattern.match(text)
        if m and header_field(m[1], index) in ("Customer ID", "Name"):
            return m[2].strip()
    return text
