"""A bank statement as imported: one normalised frame of lines, per-statement balances, issues.

Accounting rules kept here, whatever the file format:

* ``Amount`` is signed from the account holder's side: money in (credits) positive, money out
  (debits) negative, to its currency's minor unit (cents; fils for the dinars counted in
  thousandths: KWD, BHD, OMR, JOD, TND, LYD, IQD).
* ``Bank Line`` identifies a line for reconciliation (the contract's rule): the bank's own
  transaction id where the file has one, else the line's 1-based position in the statement
  (1 for its first transaction; a line of a table that could not be read, its date or
  amount, keeps its place, so the lines after it keep theirs once it is put right). It is
  unique within a statement file: a repeated bank id gets ``-2``, ``-3`` ... in file order.
* ``Line No`` is the line's 1-based position in the file: its row number for CSV, XLSX and
  workbook sheets (so the clerk can find it), its transaction position for MT940, camt and OFX.
* A statement that states opening and closing balances ties out when
  opening + credits - debits = closing (to the cent). When it does not, the difference is
  reported as an issue, never hidden and never a reason to drop the file.
* A running balance printed on each line is checked the same way, line by line (oldest or
  newest first); where amounts carry no sign at all it tells which lines are money out.
* A line of amount 0 (to the minor unit) moved no money: it is no receipt and nothing to
  reconcile, so every format leaves it out, with one issue saying how many and where.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

from ar_excel.bank.row_issues import row_span
from ar_excel.core.money import MINOR_UNITS
from ar_excel.model import Issue
from ar_excel.parsing.numbers import MAX_AMOUNT

COLUMNS: list[str] = [
    "Bank Line",
    "Date",
    "Value Date",
    "Amount",
    "Currency",
    "Description",
    "Reference",
    "Counterparty",
    "Counterparty Account",
    "Bank Ref",
    "Balance",
    "Statement",
    "Line No",
]

# Beyond the contract's columns (docs/contract-extensions.md), kept where the file states them
# (MT940, camt, OFX; blank for tables): the counterparty's bank (its BIC, else the bank code
# the file gives: a German BLZ, an OFX routing number) and the bank's code for the kind of
# transaction (camt ``BkTxCd`` as ``PMNT-RCDT-ESCT`` or its proprietary code, the German GVC
# ``166`` of an MT940 ``:86:``, else the ``:61:`` type ``NTRF``, OFX ``TRNTYPE``).
DETAIL_COLUMNS: list[str] = ["Counterparty Bank", "Transaction Code"]
LINE_COLUMNS: list[str] = COLUMNS + DETAIL_COLUMNS  # the columns of ``Statement.lines``

TEXT_COLUMNS = ("Bank Line", "Currency", "Description", "Reference", "Counterparty",
                "Counterparty Account", "Bank Ref", "Statement", *DETAIL_COLUMNS)

FORMATS = ("csv", "xlsx", "spreadsheetml", "html", "mt940", "camt053", "ofx", "qif")
# the ``kind`` of the issue saying a statement does not tie out (opening + lines != closing)
TIE_OUT = "tie-out"


@dataclass
class StatementBalance:
    """Balances of one statement inside a file, as the file states them.

    ``credits`` and ``debits`` are the totals of the imported lines of that statement (debits
    as a positive number); ``difference`` = opening + credits - debits - closing, rounded to the
    cent, or None where the file does not state both balances.
    """

    statement: str
    account: str | None = None
    currency: str | None = None
    opening: float | None = None
    closing: float | None = None
    opening_date: pd.Timestamp | None = None
    closing_date: pd.Timestamp | None = None
    credits: float = 0.0
    debits: float = 0.0
    lines: int = 0
    difference: float | None = None

    @property
    def ties_out(self) -> bool | None:
        return None if self.difference is None else abs(self.difference) < 0.005


@dataclass
class Statement:
    """An imported bank statement file."""

    lines: pd.DataFrame
    balances: list[StatementBalance] = field(default_factory=list)
    issues: list[Issue] = field(default_factory=list)
    source_format: str = "csv"
    source: str = ""
    encoding: str | None = None
    # the row of the table stating the closing balance (a "Closing Balance" row), where one does
    closing_row: int | None = None

    def __len__(self) -> int:
        return len(self.lines)


def clean_text(value: Any) -> str | None:
    """Collapse runs of whitespace (line breaks included) to one space, direction marks
    dropped; blank -> None."""
    if value is None:
        return None
    if isinstance(value, float) and np.isnan(value):
        return None
    text = " ".join(str(value).translate(_BIDI).split())
    return text or None


def paid_in_another_currency(currency: str, amount: float) -> str:
    """"paid EUR 10,000.00": the amount a payer sent in another currency than the account's
    (MT940 /OCMT/, camt InstdAmt), for the reviewer. Worded for the matcher as much as for the
    reader: PAID and the currency code are no name's words, and the amount has two decimals
    (three only for fils), as the matcher reads an amount, not an invoice number's digits."""
    return f"paid {currency} {amount:,.{2 if round(amount, 2) == amount else 3}f}"


def booking_day(day: pd.Timestamp) -> pd.Timestamp | None:
    """A date read from a statement file, or None where its year cannot be a booking's
    (outside 1900-2200: ``0202-11-05``, ``02021105`` lost a digit)."""
    return day if 1900 <= day.year <= 2200 else None


def build_lines(records: list[dict[str, Any]]) -> pd.DataFrame:
    """Records (dicts keyed by LINE_COLUMNS, missing keys allowed) -> the normalised lines frame.

    ``Line No`` defaults to the record's 1-based position; ``Bank Line`` to its bank id or,
    without one, its 1-based position; repeated bank ids are suffixed so each line stays
    unique.
    """
    return lines_frame({c: [rec.get(c) for rec in records] for c in LINE_COLUMNS}, len(records))


def lines_frame(columns: dict[str, Any], count: int, positions: list[int] | None = None
                ) -> pd.DataFrame:
    """Columns (sequences of ``count`` values keyed by LINE_COLUMNS, missing keys allowed) -> the
    normalised lines frame, with the same defaults as ``build_lines``, built column by column.
    ``positions``: each line's 1-based position in the statement where lines were left out
    before it (a line that could not be read is still the statement's), else 1, 2, 3..."""
    def column(name: str) -> list[Any]:
        values = columns.get(name)
        if values is None:
            return [None] * count
        return values.tolist() if isinstance(values, np.ndarray | pd.Series) else list(values)

    def series(name: str) -> pd.Series:
        values = columns.get(name)
        if isinstance(values, np.ndarray | pd.Series):
            return pd.Series(np.asarray(values))
        return pd.Series([None] * count if values is None else list(values), dtype=object)

    line_no = [pos if no is None else no
               for pos, no in enumerate(column("Line No"), start=1)]
    text = {c: clean_texts(column(c)) for c in TEXT_COLUMNS}
    text["Currency"] = [c.upper() if c else c for c in text["Currency"]]
    # The contract: the bank's transaction id, else the line's 1-based position in the
    # statement (its n-th transaction, whatever header rows the file has above it).
    text["Bank Line"] = [line or ref or str(pos) for pos, line, ref in
                         zip(positions or range(1, count + 1), text["Bank Line"], text["Bank Ref"],
                             strict=True)]
    text["Bank Line"] = unique_bank_ids(text["Bank Line"])
    frame = pd.DataFrame({c: pd.Series(text[c], dtype=object) for c in TEXT_COLUMNS})
    for c in ("Date", "Value Date"):
        frame[c] = pd.to_datetime(series(c), errors="coerce").astype("datetime64[ns]")
    for c in ("Amount", "Balance"):
        frame[c] = pd.to_numeric(series(c), errors="coerce").astype("float64")
    frame["Amount"] = round_money(frame["Amount"].to_numpy(), text["Currency"])
    frame["Line No"] = pd.Series(line_no, dtype="int64")
    frame = frame[LINE_COLUMNS]
    for c in TEXT_COLUMNS:
        if not set(map(type, text[c])) <= {str, type(None)}:  # else nothing to change
            frame[c] = frame[c].astype(object).where(frame[c].notna(), None)
    return frame


# ISO 4217 currencies counted in thousandths (Kuwaiti, Bahraini, Omani, Jordanian dinar...),
# from the core's table: their amounts keep three decimals, every other currency's two (a
# statement's amounts in whole-unit currencies are kept as printed, to the cent)
THREE_DECIMALS = frozenset(code for code, places in MINOR_UNITS.items() if places == 3)


def statement_decimals(currency: str | None) -> int:
    """The decimals a statement's amounts in ``currency`` are kept and shown with: three for
    the dinars counted in thousandths, else two, also for a currency without a minor unit
    (JPY): a bank line is kept to the cent as printed. Not ``core.money.decimals_of``, the
    currency's own minor unit (0 for JPY), which the books round to."""
    return 3 if currency in THREE_DECIMALS else 2


def round_money(amounts: np.ndarray, currencies: list[Any]) -> np.ndarray:
    """Each amount rounded to its currency's minor unit (fils of a dinar: three decimals).
    An amount whose currency the file does not state keeps a third decimal where it has one
    (a Kuwaiti export that names no currency: 250.375 is not 250.38)."""
    rounded = round_cents(amounts)
    unknown = np.fromiter((not c for c in currencies), dtype=bool, count=len(currencies))
    if unknown.any():
        mills = np.round(amounts, 3)
        keep = unknown & (np.abs(mills - rounded) > 1e-9)
        rounded[keep] = [round(float(x), 3) for x in amounts[keep]]
    if THREE_DECIMALS.isdisjoint(currencies):
        return rounded
    mills = np.array([c in THREE_DECIMALS for c in currencies], dtype=bool)
    rounded[mills] = [round(float(x), 3) for x in amounts[mills]]
    return rounded


def _has_mills(amounts: np.ndarray) -> bool:
    """Whether amounts carry a third decimal (fils of a dinar)."""
    return bool(np.any(np.abs(np.round(amounts, 3) - np.round(amounts, 2)) > 1e-9))


def round_cents(amounts: np.ndarray) -> np.ndarray:
    """``round(x, 2)`` of each amount: numpy's rounding where it agrees, Python's elsewhere."""
    rounded = np.round(amounts, 2)
    differs = np.flatnonzero((rounded != amounts) & ~np.isnan(amounts))
    rounded[differs] = [round(float(x), 2) for x in amounts[differs]]
    return rounded


# whitespace other than a plain space (what str.split() splits on, too)
_OTHER_SPACES = ("\t", "\n", "\x0b", "\x0c", "\r", "\x1c", "\x1d", "\x1e", "\x1f", "\x85", "\xa0",
                 "\u1680", *map(chr, range(0x2000, 0x200B)), "\u2028", "\u2029", "\u202f",
                 "\u205f", "\u3000")


# direction marks an Arabic-locale export puts around text ("\u200fحوالة واردة"): no letters of it
_BIDI_MARKS = "\u200e\u200f\u061c\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
_BIDI = str.maketrans(dict.fromkeys(_BIDI_MARKS))


def clean_texts(values: list[Any]) -> list[str | None]:
    """``clean_text`` of each value; plain strings (most of a statement) take a short path,
    and a column of texts that are clean already (single spaces between words, none at
    either end, none empty) is taken as it is, after one look at all of it."""
    texts = [v for v in values if v is not None]
    if texts and set(map(type, texts)) == {str}:
        joined = "\0".join(texts)
        if (all(texts) and joined.count("\0") == len(texts) - 1
                and not joined.startswith(" ") and not joined.endswith(" ")
                and "  " not in joined and " \0" not in joined and "\0 " not in joined
                and not any(c in joined for c in _OTHER_SPACES)
                and not any(c in joined for c in _BIDI_MARKS)):
            return list(values)
    return [None if v is None else (" ".join(v.translate(_BIDI).split()) or None)
            if type(v) is str else clean_text(v) for v in values]


def unique_bank_ids(keys: list[str]) -> list[str]:
    """Repeated bank ids suffixed ``-2``, ``-3`` ... in file order, never onto another's id."""
    if len(set(keys)) == len(keys):
        return keys
    keys = list(keys)
    seen: dict[str, int] = {}
    taken = set(keys)
    for i, key in enumerate(keys):
        count = seen.get(key, 0) + 1
        seen[key] = count
        if count == 1:
            continue
        candidate = f"{key}-{count}"
        while candidate in taken:  # a suffix must not collide with another line's own id
            count += 1
            candidate = f"{key}-{count}"
        seen[key] = count
        taken.add(candidate)
        keys[i] = candidate
    return keys


_SAME_LINE = ["Date", "Value Date", "Amount", "Currency", "Description", "Reference", "Bank Ref"]


def line_values(lines: pd.DataFrame, columns: list[str]) -> list[tuple[Any, ...]]:
    """Each line's values in ``columns`` (those the frame has), blanks as None: what a line
    and its copy share."""
    frame = lines[[c for c in columns if c in lines.columns]].astype(object)
    return list(map(tuple, frame.where(frame.notna(), None).to_numpy().tolist()))


def statement_keys(lines: pd.DataFrame, balances: list[StatementBalance],
                   with_lines: bool = False) -> list[tuple[StatementBalance, tuple[Any, ...]]]:
    """Each statement with lines, and what makes it the same statement as another: its
    account, balances with their dates, and lines (looked at only where another statement
    of ``balances`` has the same balances, unless ``with_lines``)."""
    sizes = lines["Statement"].value_counts()
    heads = [(bal, (bal.account, bal.currency, bal.opening, bal.closing, bal.opening_date,
                    bal.closing_date, int(sizes.get(bal.statement, 0)))) for bal in balances]
    alike = pd.Series([head for _, head in heads], dtype=object).duplicated(keep=False)
    out = []
    for (bal, head), twin in zip(heads, alike, strict=True):
        if not head[-1]:
            continue
        if not (twin or with_lines):  # nothing else has these balances: lines need no look
            out.append((bal, head))
            continue
        part = lines.loc[lines["Statement"] == bal.statement, _SAME_LINE]
        out.append((bal, (*head, tuple(line_values(part, _SAME_LINE)))))
    return out


def drop_repeated_statements(lines: pd.DataFrame, balances: list[StatementBalance],
                             source: str, documents: dict[str, str] | None = None,
                             written_ids: dict[str, str] | None = None
                             ) -> tuple[pd.DataFrame, list[StatementBalance], list[Issue]]:
    """A statement the file holds twice (daily files pasted together with a day repeated, an
    export downloaded twice into one file): the same account, the same balances on the same
    dates and the same lines. Its second copy would bring every receipt in twice; it is left
    out, and said so. Statements that merely look alike (another day's) differ in their dates.
    ``documents`` ({statement: file inside a ZIP}) and ``written_ids`` ({statement: its id
    as the file writes it}): a copy in another file of the archive under the same statement
    id is the same statement delivered twice (an EBICS download fetched again) and is left
    out too, naming the file skipped; one under another id is kept and only pointed out (the
    archive may hold it on purpose)."""
    documents = documents or {}
    written_ids = written_ids or {}
    seen: dict[tuple[Any, ...], str] = {}
    dropped: list[str] = []
    issues: list[Issue] = []
    for bal, key in statement_keys(lines, balances):
        if key not in seen:
            seen[key] = bal.statement
            continue
        part = lines[lines["Statement"] == bal.statement]  # only a repeat's lines are counted
        first = seen[key]
        here, there = documents.get(bal.statement), documents.get(first)
        if here != there and written_ids.get(bal.statement, bal.statement) != written_ids.get(
                first, first):
            issues.append(Issue(
                source, f"statement {bal.statement}", "Statement", len(part),
                f"statement {bal.statement} ({here}) repeats statement "
                f"{first} ({there}): the same account, balances and "
                f"{len(part)} lines; both were read. If the archive holds it twice by mistake, "
                "remove one: its receipts are counted twice"))
            continue
        dropped.append(bal.statement)
        if here != there:
            own = written_ids.get(first, first)
            issues.append(Issue(
                source, f"statement {own}", "Statement", len(part),
                f"statement {own} in {here} repeats statement {own} in {there} (the same "
                f"statement id, account, balances and {len(part)} lines): the archive holds "
                f"it twice; {here} was skipped so its receipts are not counted twice"))
            continue
        issues.append(Issue(
            source, f"statement {bal.statement}", "Statement", len(part),
            f"statement {bal.statement} repeats statement {first} (the same account, "
            f"balances and {len(part)} lines): the file holds it twice; the copy was left out "
            "so its receipts are not counted twice"))
    if not dropped:
        return lines, balances, issues
    keep = ~lines["Statement"].isin(dropped)
    return (lines[keep].reset_index(drop=True),
            [b for b in balances if b.statement not in dropped], issues)


_PLACE = re.compile(r"(row|line|entry) (\d+)")
_PLURAL = {"row": "rows", "line": "lines", "entry": "entries"}


def without_zero_amounts(lines: pd.DataFrame, places: list[str], source: str, column: str,
                         place: Callable[[int], str] | None = None
                         ) -> tuple[pd.DataFrame, list[Issue]]:
    """The lines without those of amount 0 (to the minor unit), whatever the format: no money
    moved (a bank's information record, a "no activity" or balance-enquiry line, a fee
    waived), so there is nothing to reconcile; one issue says how many, where (``places``:
    each line's place in the file) and what they said. ``place`` gives a line's cell from
    its ``Line No``: one such line is said at its cell, several as a note on their places.
    The other lines keep their ``Bank Line`` and ``Line No``, so a line's id does not move
    when the reader changes."""
    zero = (lines["Amount"] == 0).to_numpy()
    if not zero.any():
        return lines, []
    at = np.flatnonzero(zero).tolist()
    texts: list[str] = []
    for pos in at:
        text = (lines["Description"].iat[pos] or lines["Reference"].iat[pos]
                or lines["Counterparty"].iat[pos])
        if text and text not in texts:
            texts.append(text)
    said = (" (" + ", ".join(f"'{t}'" for t in texts[:3]) + (" ..." if len(texts) > 3 else "")
            + ")") if texts else ""
    if len(at) == 1:
        message = (f"a line of amount 0{said}: no money moved, so it is an information "
                   "record, not a transaction; left out")
    else:
        message = (f"{len(at)} lines of amount 0{said}: no money moved, so they are "
                   "information records, not transactions; left out")
    where = (place(int(lines["Line No"].iat[at[0]])) if place is not None and len(at) == 1
             else _places([places[pos] for pos in at]))
    issue = Issue(source, where, column, len(at), message)
    return lines.loc[~zero].reset_index(drop=True), [issue]


def without_impossible_amounts(lines: pd.DataFrame, places: list[str], source: str,
                               column: str, place: Callable[[int], str] | None = None
                               ) -> tuple[pd.DataFrame, list[str], list[Issue]]:
    """The lines without those whose amount no account moves (1E+15 or more: a reference
    or an account number read as the amount, ``parsing.numbers.MAX_AMOUNT``), each said at
    its place (at its cell when ``place`` gives a line's cell from its ``Line No``);
    matching sums amounts in thousandths in 64-bit integers, which such a figure overflowed
    in silence. The other lines keep their ``Bank Line`` and ``Line No``; their places are
    returned with them."""
    huge = (lines["Amount"].abs() >= MAX_AMOUNT).to_numpy()
    if not huge.any():
        return lines, places, []
    def where(pos: int) -> str:
        return places[pos] if place is None else place(int(lines["Line No"].iat[pos]))

    issues = [Issue(source, where(pos), column, f"{lines['Amount'].iat[pos]:g}",
                    f"amount {lines['Amount'].iat[pos]:g} is too large to be an amount; the "
                    "line was left out") for pos in np.flatnonzero(huge).tolist()]
    kept = [p for p, drop in zip(places, huge.tolist(), strict=True) if not drop]
    return lines.loc[~huge].reset_index(drop=True), kept, issues


def _places(places: list[str]) -> str:
    """One place as it is; several of one kind as "rows 3, 7" (or "rows 3-5"), the first ten
    named."""
    if len(places) == 1:
        return places[0]
    found = [_PLACE.fullmatch(p) for p in places]
    nouns = {m[1] for m in found if m is not None}
    if None in found or len(nouns) != 1:
        named = list(dict.fromkeys(places))
        return ", ".join(named[:10]) + (" ..." if len(named) > 10 else "")
    numbers = [int(m[2]) for m in found if m is not None]
    return f"{_PLURAL[nouns.pop()]} {row_span(numbers)}"


def statement_of_records(records: list[dict[str, Any]], places: list[str],
                         balances: list[StatementBalance], issues: list[Issue], source: str,
                         amount_tag: str, fmt: str, encoding: str | None,
                         documents: dict[str, str] | None = None,
                         written_ids: dict[str, str] | None = None) -> Statement:
    """The statement a file's records make (``places``: where each record is in the file),
    after what every statement file goes through alike: lines of amount 0 left out (no money
    moved: information records, said at ``amount_tag``), a statement the file holds twice
    read once (``drop_repeated_statements``), and each statement tied out (``tie_out``)."""
    lines, places, huge = without_impossible_amounts(build_lines(records), places, source,
                                                     amount_tag)
    lines, zero = without_zero_amounts(lines, places, source, amount_tag)
    lines, balances, repeated = drop_repeated_statements(lines, balances, source, documents,
                                                         written_ids)
    issues = [*issues, *huge, *zero, *repeated, *tie_out(balances, lines, source),
              *chain_gaps(balances, source)]
    return Statement(lines, balances, issues, fmt, source, encoding)


def booked_again(records: list[dict[str, Any]], accounts: list[str | None],
                 reported: list[bool]) -> list[bool]:
    """Per record (a reader's, with its statement's ``accounts`` and whether that is an
    intraday report or notification, ``reported``: MT942, camt.052 / .054): whether a
    statement of the same account in the file books it again - the bank's reference, amount
    and date - so it is left to the statement, the booked record (a file of the day's report
    and statement holds each such payment twice). As many as the statement books, no more;
    a record of a statement never is."""
    keys = [(account, r.get("Bank Ref"), r["Amount"], r["Date"])
            for r, account in zip(records, accounts, strict=True)]
    booked = Counter(k for k, report in zip(keys, reported, strict=True) if not report and k[1])
    out = []
    for key, report in zip(keys, reported, strict=True):
        again = report and booked[key] > 0
        if again:
            booked[key] -= 1
        out.append(again)
    return out


# bank references that name no one entry ("NONREF": the bank gave none)
_NO_REFERENCE = {"", "NONREF", "NOTPROVIDED", "NOT PROVIDED", "NONE"}


def reported_before(records: list[dict[str, Any]], accounts: list[str | None],
                    reported: list[bool], again: list[bool]) -> list[str | None]:
    """Per record: the earlier intraday report (MT942, camt.052 / .054; ``reported``) of the
    same account holding it, where one does - the bank's reference, amount and date, as
    often as this report does (a day's reports repeat its entries: each holds all since the
    morning, so the 14:00 report's 100.00 is the 10:00 report's). None for the rest: a
    statement's record, one ``again`` (left to the statement), one without a reference of
    its own; two alike in one report are two."""
    seen: dict[tuple[Any, ...], dict[str, int]] = {}
    out: list[str | None] = []
    for r, account, report, twice in zip(records, accounts, reported, again, strict=True):
        ref = r.get("Bank Ref")
        if not report or twice or not ref or str(ref).upper() in _NO_REFERENCE:
            out.append(None)
            continue
        per_report = seen.setdefault((account, ref, r["Amount"], r["Date"]), {})
        sid = str(r["Statement"])
        per_report[sid] = per_report.get(sid, 0) + 1
        out.append(next((s for s, n in per_report.items() if s != sid and n >= per_report[sid]),
                        None))
    return out


def chain_gaps(balances: list[StatementBalance], source: str) -> list[Issue]:
    """An issue for each statement of an account that opens at a balance no other statement
    of that account in the file closes at, though one closed before it opened: the statement,
    or the page of one, between them is missing from the file (MT940 ``:28C:`` 215/1, 215/3:
    ``:62M:`` 1,500.00, ``:60M:`` 2,700.00), and each of the two ties out on its own all the
    same. Statements in any order (newest first too) are chained by their balances."""
    issues: list[Issue] = []
    accounts: dict[tuple[str, str | None], list[tuple[int, StatementBalance]]] = {}
    for pos, bal in enumerate(balances):
        if bal.account:  # (statements naming no account may be of several)
            accounts.setdefault((bal.account, bal.currency), []).append((pos, bal))
    for (account, currency), held in accounts.items():
        d = statement_decimals(currency)
        closings = [round(b.closing, d) for _, b in held if b.closing is not None]
        for pos, after in held:
            if after.opening is None or round(after.opening, d) in closings:
                continue

            def came_before(other: tuple[int, StatementBalance], pos: int = pos,
                            after: StatementBalance = after) -> bool:
                at, bal = other
                if bal is after or bal.closing is None:
                    return False
                if bal.closing_date is not None and after.opening_date is not None and (
                        bal.closing_date != after.opening_date):
                    return bal.closing_date < after.opening_date
                return at < pos  # (pages of one day: in the file's order)

            earlier = [h for h in held if came_before(h)]
            if not earlier or any(b is not after and (b.opening, b.closing, b.opening_date) == (
                    after.opening, after.closing, after.opening_date) for _, b in held):
                continue  # the first of the account's, or one the file holds twice (said)
            _, before = max(earlier, key=lambda h: (
                pd.Timestamp(h[1].closing_date) if h[1].closing_date is not None
                else pd.Timestamp.min, h[0]))
            assert before.closing is not None
            gap = round(after.opening - before.closing, d) + 0.0
            issues.append(Issue(
                source, f"statement {after.statement}", "Balance", gap,
                f"statement {after.statement} opens at {after.opening:,.{d}f}, but statement "
                f"{before.statement} before it (account {account}) closed at "
                f"{before.closing:,.{d}f} (difference {gap:,.{d}f}): a statement or a page "
                "between them may be missing from the file"))
    return issues


def tie_out(balances: list[StatementBalance], lines: pd.DataFrame, source: str) -> list[Issue]:
    """Fill credits/debits/lines/difference of each statement; an issue for each that misses."""
    issues: list[Issue] = []
    for bal in balances:
        part = lines[lines["Statement"] == bal.statement]
        amounts = part["Amount"].dropna()
        d = statement_decimals(bal.currency)
        if bal.currency is None and _has_mills(amounts.to_numpy()):  # fils, currency unnamed
            d = 3
        bal.credits = round(float(amounts[amounts > 0].sum()), d) + 0.0  # no "-0.0"
        bal.debits = round(float(-amounts[amounts < 0].sum()), d) + 0.0
        bal.lines = len(part)
        if bal.opening is None or bal.closing is None:
            continue
        bal.difference = round(bal.opening + bal.credits - bal.debits - bal.closing, d) + 0.0
        if not bal.ties_out:
            issues.append(Issue(
                source, f"statement {bal.statement}", "Balance", bal.difference,
                f"statement {bal.statement} does not tie out: opening {bal.opening:,.{d}f} + "
                f"credits {bal.credits:,.{d}f} - debits {bal.debits:,.{d}f} = "
                f"{bal.opening + bal.credits - bal.debits:,.{d}f}, but the closing balance is "
                f"{bal.closing:,.{d}f} (difference {bal.difference:,.{d}f}); lines may be missing "
                "from the file", kind=TIE_OUT,
            ))
    return issues


def check_running_balance(lines: pd.DataFrame, source: str, column: str = "Balance",
                          left_out: set[int] | None = None,
                          place: Callable[[int], str] | None = None) -> list[Issue]:
    """Each line's running balance against the one before it and its amount.

    A statement printed oldest first moves its balance by each line's amount
    (balance = previous balance + amount); one printed newest first the other way round. The
    order is the one most of the file follows; a line that breaks it is reported: a line may
    be missing between the two, or an amount (or its sign) was misread. A balance column that
    follows no order at all (an available balance that holds and limits move) is reported
    once, not line by line. A break across a row that was left out and reported already
    (``left_out``: file row numbers) is that row's doing and not reported again. ``place``
    gives a line's cell from its ``Line No`` (``row 5`` without it).
    """
    balance = lines["Balance"].to_numpy(dtype="float64")
    amount = lines["Amount"].to_numpy(dtype="float64")
    pairs = np.flatnonzero(~np.isnan(balance[:-1]) & ~np.isnan(balance[1:])
                           & ~np.isnan(amount[:-1]) & ~np.isnan(amount[1:]))
    if not len(pairs):
        return []
    step = balance[pairs + 1] - balance[pairs]
    oldest_first = np.abs(step - amount[pairs + 1]) < 0.005
    newest_first = np.abs(-step - amount[pairs]) < 0.005
    ascending = oldest_first.sum() >= newest_first.sum()
    fits = oldest_first if ascending else newest_first
    if fits.all():
        return []
    line_no = lines["Line No"].to_numpy()
    if len(pairs) >= 5 and fits.sum() * 2 < len(pairs):  # a few lines: say which ones
        return [Issue(source, "", column, None,
                      f"the {column} column is not a running balance of the lines (it follows "
                      f"the amounts on {int(fits.sum())} of {len(pairs)} consecutive lines); "
                      "it was kept as printed and not used to check the lines")]
    issues = []
    reported = np.array(sorted(left_out or ()), dtype=np.int64)
    for k in np.flatnonzero(~fits).tolist():
        i = int(pairs[k])
        low, high = sorted((int(line_no[i]), int(line_no[i + 1])))
        if np.any((reported > low) & (reported < high)):
            continue
        # the line whose amount moves the balance, and the balance before it
        line, before = (i + 1, i) if ascending else (i, i + 1)
        moved = balance[line] - balance[before]
        expected = balance[before] + amount[line]
        why = ("its sign looks misread: the balance moves the other way"
               if abs(moved + amount[line]) < 0.005 else
               "a line may be missing before it, or its amount was misread")
        d = statement_decimals(lines["Currency"].iloc[line])
        issues.append(Issue(
            source, place(int(line_no[line])) if place else f"row {line_no[line]}", column,
            float(balance[line]),
            f"running balance {balance[line]:,.{d}f} does not follow from the balance "
            f"{balance[before]:,.{d}f} of row {line_no[before]} and this line's amount "
            f"{amount[line]:,.{d}f} (expected {expected:,.{d}f}); {why}"))
    return issues


def signs_from_running_balance(amount: np.ndarray, balance: np.ndarray,
                               opening: float | None = None
                               ) -> tuple[np.ndarray, int | None] | None:
    """For amounts printed without a sign: which are money out, as the running balance shows.

    Returns a mask of the lines whose balance falls by their amount, and the position of the
    line it could not decide (the first in the file's order has no balance before it unless
    the statement states its opening balance), else None. Returns None when the balance does
    not follow the amounts in either order (it cannot tell).
    """
    n = len(amount)
    if n < 2 or np.isnan(balance).any() or np.isnan(amount).any():
        return None
    step = balance[1:] - balance[:-1]
    size = np.abs(amount)
    up = np.abs(np.abs(step) - size[1:]) < 0.005  # oldest first: line i+1 moved by step i
    down = np.abs(np.abs(step) - size[:-1]) < 0.005  # newest first: line i moved by step i
    if not (up.all() or down.all()):
        return None
    out = np.zeros(n, dtype=bool)
    if up.all():
        out[1:] = step < 0
        first = 0
    else:
        out[:-1] = step > 0  # newest first: money out leaves the line above below the older
        first = n - 1
    moved = None if opening is None else balance[first] - opening
    if moved is not None and abs(abs(moved) - size[first]) < 0.005:
        out[first] = moved < 0
        return out, None
    return out, first
