"""The opening and closing balance rows of a customer's running-balance ledger.

A sub-ledger kept as Date, Ref, Description, Debit, Credit, Balance starts a period with the
balance brought forward ("Balance b/f", "Opening Balance", "رصيد أول المدة") and may end it
with the balance carried forward ("Balance c/f", "Closing balance", "الرصيد الختامي").

* The opening row is money owed from before the period: an open item of its own. Where it
  writes the amount under Debit (or Credit) it is read so; where it writes only the running
  balance, that balance is its amount. Either way one Input Issue per row says so (it has no
  invoice number, often no date), instead of "required but blank" for each empty cell.
* The closing row restates the balance (a hand-kept T-account even enters it on the credit
  side to close the account): it is no receipt nor invoice and is not read, said once.
* The running balance is the ledger's own sum: each customer's first row moving it from
  nothing (or from its balance brought forward) and each later row by its debit less credit.
  Where it does not, a row was misread, left out or never entered (a balance carried from
  before the ledger with no brought forward row): an Input Issue at the first such balance
  cell of each customer, with the amount unaccounted for, so no money goes unsaid.
* A ledger kept without a document number column (Date, Description, Debit, Credit,
  Balance) knows each entry by its narration ("Invoice 101", "Cheque received"): that column
  is read as the entry's number, said once, rather than the sheet refused.
"""

from __future__ import annotations

import re
from typing import Any

import numpy as np

from ar_excel.core.money import TOTAL_DECIMALS, amount_text
from ar_excel.model import Issue, column_letter
from ar_excel.names import match_key
from ar_excel.parsing import ValueTypes
from ar_excel.schema import NARRATION_HEADERS, OPENING

CLOSING = re.compile(
    r"(?i)\bbalance\s*(?:c\s*/\s*[fd]|carried\s*(?:forward|down))\b|^\s*c\s*/\s*[fd]\b|"
    r"\bcarried\s+(?:forward|down)\b|\bclosing\s+(?:balance|bal\.?)|"
    r"(?:ال)?رصيد\s*(?:ال)?ختامي|رصيد\s*(?:آخر|اخر|نهاية)\s*(?:المدة|المده|الفترة|الفتره|السنة|العام)|"
    r"رصيد\s*(?:منقول|مرحل)\s*(?:إلى|الى|ل)")


def labelled_rows(columns: list[np.ndarray], types: list[ValueTypes], keep: np.ndarray,
                  pattern: re.Pattern[str]) -> list[int]:
    """Positions of kept rows with a text cell the pattern finds (each text column screened
    in one search first: most ledgers have one such row per customer, many have none)."""
    found: set[int] = set()
    for column, kinds in zip(columns, types, strict=True):
        where = np.flatnonzero(kinds.mask(str) & keep)
        if not len(where):
            continue
        texts = column[where].tolist()
        if not pattern.search("\n".join(texts)):
            continue
        found.update(p for p, t in zip(where.tolist(), texts, strict=True) if pattern.search(t))
    return sorted(found)


def _label(columns: list[np.ndarray], pos: int, pattern: re.Pattern[str]) -> tuple[str, int]:
    """The row's text the pattern finds, and its column's position."""
    return next((str(c[pos]).strip(), j) for j, c in enumerate(columns)
                if isinstance(c[pos], str) and pattern.search(c[pos]))


def closing_issue(columns: list[np.ndarray], positions: list[int], sheet: str, left: int,
                  first_row: int) -> list[Issue]:
    if not positions:
        return []
    rows = [p + first_row + 1 for p in positions]
    label, j = _label(columns, positions[0], CLOSING)
    shown = ", ".join(map(str, rows[:5])) + (f", +{len(rows) - 5}" if len(rows) > 5 else "")
    return [Issue(sheet, f"{column_letter(left + j)}{rows[0]}", "", label,
                  f"'{label}' restates the account's balance: {len(rows)} closing balance "
                  f"row(s) not read as records (row {shown})")]


def running_balance_column(header: list[Any], names: list[str], running_keys: frozenset[str],
                           bare_key: Any) -> int | None:
    """The running balance's column of a ledger read by its debits and credits."""
    return next((j for j, h in enumerate(header)
                 if names[j] != "Balance" and bare_key(h) in running_keys), None)


def _first_date_after(pos: int, dates: Any, customers: Any) -> Any:
    """The date of the first dated entry after an opening row, of the same customer."""
    who = None if customers is None else customers.iat[pos]
    for later in range(pos + 1, len(dates)):
        if customers is not None and customers.iat[later] != who:
            break
        if dates.iat[later] == dates.iat[later]:  # (NaT is not itself)
            return dates.iat[later]
    return None


def opening_amounts(columns: list[np.ndarray], opening: list[int], amount: Any, balance: Any,
                    sheet: str, left: int, excel_rows: list[int], letters: dict[str, str],
                    header: str, dates: Any = None, customers: Any = None) -> list[Issue]:
    """Each opening row's amount: its debit less credit as written, else its running
    balance (``amount`` is changed in place); an undated one is dated as the first entry
    after it, as old as that at least (``dates`` changed), rather than aged as current; the
    Input Issue of each."""
    issues = []
    for pos in opening:
        label, j = _label(columns, pos, OPENING)
        if amount.iat[pos] != amount.iat[pos] and balance is not None and \
                balance.iat[pos] == balance.iat[pos]:  # (NaN: nothing under Debit or Credit)
            # (three decimals: a dinar ledger's fils; the ledger rounds to the currency)
            amount.iat[pos] = round(float(balance.iat[pos]), TOTAL_DECIMALS)
            if amount.iat[pos] == 0:
                continue
            how = f"its balance, {amount_text(amount.iat[pos])} (nothing under Debit or Credit)"
        elif amount.iat[pos] == 0:
            continue  # (nothing owed from before: nothing to say)
        elif amount.iat[pos] == amount.iat[pos]:
            how = amount_text(amount.iat[pos])
        else:
            issues.append(Issue(sheet, f"{letters['Amount']}{excel_rows[pos]}", header, None,
                                f"opening balance '{label}' on row {excel_rows[pos]} gives no "
                                f"amount (no debit, credit or balance): not read"))
            continue
        dated = ""
        if dates is not None and dates.iat[pos] != dates.iat[pos]:
            first = _first_date_after(pos, dates, customers)
            if first is not None:
                dates.iat[pos] = first
                dated = f" (undated: aged from that entry's date, {first:%d/%m/%Y})"
        issues.append(Issue(sheet, f"{column_letter(left + j)}{excel_rows[pos]}", "", label,
                            f"opening balance '{label}' read as one open item of {how}: the "
                            f"balance owed from before the ledger's first entry{dated}"))
    return issues


def narration_as_number(header: list[Any], names: list[str], written: dict[str, str],
                        sheet: str, left: int, header_row: int) -> list[Issue]:
    """A Debit/Credit ledger without a number column: its narration column is read as the
    Invoice No (``names``/``written`` changed), with the Input Issue saying so."""
    if "Invoice No" in written:
        return []
    at = next((j for j, h in enumerate(header) if isinstance(h, str)
               and match_key(h) in NARRATION_HEADERS and names[j] not in written), None)
    if at is None:
        return []
    names[at], written["Invoice No"] = "Invoice No", str(header[at]).strip()
    cell = f"{column_letter(left + at)}{header_row}"
    return [Issue(sheet, cell, written["Invoice No"], None,
                  f"sheet '{sheet}' has no document number column: each entry is known by its "
                  f"'{written['Invoice No']}' (column {column_letter(left + at)})")]


def running_balance_breaks(amount: Any, balance: Any, customers: Any, sheet: str,
                           letter: str, excel_rows: list[int]) -> list[Issue]:
    """The first row of each customer whose running balance does not follow from the one
    above and the row's debit less credit (module docstring). A column that is each line's
    own debit less credit, or that runs the other way (credits up), is held to that; one
    that follows no such rule on most rows is no running balance and is not held at all."""
    a = np.nan_to_num(np.asarray(amount, dtype=float), nan=0.0)
    b = np.asarray(balance, dtype=float)
    groups: dict[Any, list[int]] = {}
    for pos, key in enumerate(np.asarray(customers, dtype=object).tolist()):
        groups.setdefault(key, []).append(pos)
    steps, lines = [], []  # (balance moved, amount) and (balance, amount), over all groups
    for rows in groups.values():
        known = [p for p in rows if b[p] == b[p]]
        steps += [(b[q] - b[p], a[q]) for p, q in zip(known, known[1:], strict=False)]
        lines += [(b[p], a[p]) for p in known]
    if not steps:  # (a balance on one row alone says nothing of how it runs)
        return []

    def share(pairs: list[tuple[float, float]], sign: float) -> float:
        return sum(abs(x - sign * y) < 0.005 for x, y in pairs) / len(pairs)

    fits = {"running": share(steps, 1.0), "credits up": share(steps, -1.0),
            "per line": max(share(lines, 1.0), share(lines, -1.0))}
    rule = max(fits, key=lambda k: fits[k])
    if fits[rule] < 0.5 or rule == "per line":
        return []
    sign = 1.0 if rule == "running" else -1.0
    issues = []
    for rows in groups.values():
        before = 0.0
        for pos in rows:
            if b[pos] != b[pos]:  # (NaN: no balance written on this row)
                before += sign * a[pos]
                continue
            gap = round(b[pos] - before - sign * a[pos], 2)
            if abs(gap) >= 0.005 and pos == rows[0] and _runs_on(b, pos, sign * a[pos]):
                before = float(b[pos])  # one balance run over every customer, not each's
                continue
            if abs(gap) >= 0.005:
                what = (f"the ledger's first balance {b[pos]:,.2f} is not its first entry's "
                        f"{sign * a[pos]:,.2f}: {gap:,.2f} brought forward has no row of its "
                        f"own and is not read; add a 'Balance b/f' row"
                        if pos == rows[0] else
                        f"running balance {b[pos]:,.2f} does not follow from the balance above "
                        f"({before:,.2f}) and this row's debit less credit ({sign * a[pos]:,.2f})"
                        f": {gap:,.2f} unaccounted for; check the rows between")
                issues.append(Issue(sheet, f"{letter}{excel_rows[pos]}", "", float(b[pos]), what))
                break
            before = float(b[pos])
    return issues


def _runs_on(b: np.ndarray, pos: int, moved: float) -> bool:
    """Whether the balance at ``pos`` follows from the last balance above it on the sheet,
    whoever's: a list keeping one running balance over all its customers."""
    above = b[:pos][~np.isnan(b[:pos])]
    return bool(len(above)) and abs(b[pos] - above[-1] - moved) < 0.005
