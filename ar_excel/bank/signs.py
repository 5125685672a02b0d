"""Money in and money out: the sign of each statement line.

The rule: credits (money in) are positive, debits (money out) negative. An export gives the
sign as a signed amount; or as separate Debit/Credit columns (a debit is money out, printed
positive or - where most debits carry one - with a minus; a figure signed against its column is
a reversal, and a row with both sides filled is their difference, the running balance deciding
either where printed: ``two_columns``; a placeholder without digits, "N/A" or "nil", on the side
without an amount is no amount); or as an amount beside a debit/credit indicator column,
found by its header or by its values (``CR``/``DR``, ``Credit``/``Debit``, ``دائن``/``مدين``).
Amounts with no sign at all take it from the running balance: a line the balance falls by is
money out, and the clerk is told which lines were read so.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import numpy as np

from ar_excel.bank.cells import ColumnCells, per_value
from ar_excel.bank.column_words import SAMPLE_ROWS, Layout
from ar_excel.bank.marks import CREDIT_LETTERS, CREDIT_WORDS, DEBIT_LETTERS, DEBIT_WORDS, SIDES
from ar_excel.bank.numbers import mark_side, parse_amount_column
from ar_excel.bank.statement import signs_from_running_balance
from ar_excel.bank.two_columns import read_unplain_rows
from ar_excel.model import Issue
from ar_excel.parsing import is_blank, normalize_digits

if TYPE_CHECKING:
    from ar_excel.bank.row_issues import RowIssues

# also a type column's words for one side only ("Incoming" / "Outgoing", "وارد" / "صادر",
# "Charge"): a column is read as the sign only where every value is one of these words
# (marks.py's, German S / H and Soll / Haben, and more)
_DEBIT_MARKS = {*DEBIT_WORDS, *DEBIT_LETTERS, "s", "soll", "-", "سحب", "debet", "débit",
                "withdrawal", "w", "out", "af", "خصم", "صرف", "مسحوبات", "debits", "withdrawals",
                "outgoing", "outflow", "charge", "charges", "fee", "fees", "صادر", "صادرة",
                "رسوم", "عمولة", "مدفوعات", "débito", "debito", "ausgang"}


_CREDIT_MARKS = {*CREDIT_WORDS, *CREDIT_LETTERS, "h", "haben", "+", "إيداع", "ايداع", "crédit",
                 "deposit", "in", "bij", "إضافة", "اضافة", "إضافه", "اضافه", "إيداعات", "ايداعات",
                 "credits", "deposits", "incoming", "inflow", "وارد", "واردة", "مقبوضات",
                 "crédito", "credito", "eingang"}


# a type column's words that undo the other side ("Charge Reversal", "Fee Refund"): such a
# phrase tells no side by its words
_UNDOING = {"reversal", "reversed", "reverse", "refund", "refunded", "returned", "return",
            "cancelled", "canceled", "عكس", "عكسي", "استرداد", "مرتجع", "إلغاء", "الغاء"}


def side_of_mark(value: Any) -> int:
    """-1 for a debit mark, 1 for a credit mark, 0 for neither: a mark alone ("DR", "Credit",
    "مدين"), or a type's phrase whose words name one side only ("Transfer Out", "Cash
    Deposit", "تحويل وارد", "سحب نقدي")."""
    text = str(value or "").strip().lower().rstrip(".")
    if text in _DEBIT_MARKS:
        return -1
    if text in _CREDIT_MARKS:
        return 1
    words = set(re.findall(r"[^\W\d_]{2,}", text))
    if len(words) < 2 or words & _UNDOING:
        return 0
    if words & {"card", "بطاقة", "البطاقة"}:  # "Credit Card Payment": the card's kind, no side
        words -= {"credit", "debit", "ائتمان", "الائتمان", "خصم"}
    debit, credit = bool(words & _DEBIT_MARKS), bool(words & _CREDIT_MARKS)
    return -1 if debit and not credit else 1 if credit and not debit else 0


def sign_column_by_values(rows: list[list[Any]], layout: Layout, data_from: int) -> None:
    """An amount without a sign, next to a column whose every value is a debit/credit mark
    ("CR"/"DR", "Credit"/"Debit", "دائن"/"مدين") under a header no alias names ("Type",
    "نوع الحركة"): that column gives the sign."""
    cols = layout.columns
    if "Amount" not in cols or "_sign" in cols:
        return
    used = set(cols.values()) | set(layout.parts)
    candidates = [i for i in range(len(layout.headers)) if i not in used]
    if "_posting_text" in cols:
        candidates.insert(0, cols["_posting_text"])
    data = rows[data_from: data_from + SAMPLE_ROWS]
    for idx in candidates:
        marks = {str(r[idx]).strip().lower().rstrip(".") for r in data
                 if idx < len(r) and not is_blank(r[idx])}
        # both kinds written, in words or letters: one constant letter is some other code
        if (marks <= _DEBIT_MARKS | _CREDIT_MARKS and marks & _DEBIT_MARKS
                and marks & _CREDIT_MARKS and any(m.isalpha() for m in marks)):
            if cols.get("_posting_text") == idx:
                del cols["_posting_text"]
            cols["_sign"] = idx
            return
        sides = {side_of_mark(m) for m in marks}
        if marks and sides == {-1, 1} and any(" " in m for m in marks):
            # "Transfer In" / "Transfer Out", "إيداع نقدي" / "سحب نقدي": the type's words say
            # the side, and the line's narrative keeps them
            cols["_sign"] = idx
            if "_posting_text" not in cols:
                cols["_posting_text"] = idx
            return


# a balance's own mark, in the column right of it ("Balance | Dr/Cr"): only these, one kind
# enough (a balance is in credit all month more often than not)
_BALANCE_MARKS = {mark: float(side) for mark, side in SIDES.items()}


def balance_side(mark: Any) -> float:
    """-1.0 for a balance's Dr mark, 1.0 for its Cr mark, 0.0 for anything else."""
    return _BALANCE_MARKS.get(str(mark or "").strip().lower().rstrip("."), 0.0)


def balance_sign_column(rows: list[list[Any]], layout: Layout, data_from: int) -> None:
    """Finacle-style ``Amount | Dr/Cr | Balance | Dr/Cr`` (Bahraini, Omani, Jordanian and
    Indian banks): the column right of the balance, headed by no other role, whose every
    value is Cr or Dr, signs the balance; else an overdrawn balance, printed positive beside
    ``Dr``, reads as in credit and the running balance seems broken at every line."""
    cols = layout.columns
    if "Balance" not in cols or "_balance_sign" in cols:
        return
    idx = cols["Balance"] + 1
    # "Debit | Credit | Balance | Cr/Dr": the only mark, taken by its header for the amounts'
    # sign, is the balance's where the amounts are in two columns
    theirs = cols.get("_sign") == idx and "Amount" not in cols
    if idx >= len(layout.headers) or (idx in set(cols.values()) | set(layout.parts)
                                      and not theirs):
        return
    sides = {balance_side(r[idx]) for r in rows[data_from: data_from + SAMPLE_ROWS]
             if idx < len(r) and not is_blank(r[idx])}
    if sides and 0.0 not in sides:
        if theirs:
            if _marks_each_line_s_side(rows[data_from: data_from + SAMPLE_ROWS], cols, idx):
                return  # "Dr" on every debit, "Cr" on every credit: the line's, not the balance's
            del cols["_sign"]
        cols["_balance_sign"] = idx


def _marks_each_line_s_side(data: list[list[Any]], cols: dict[str, int], idx: int) -> bool:
    """Whether the mark column says of every line the side its amount is in (Debit or
    Credit): then it marks the lines, whatever follows the balance."""
    def filled(row: list[Any], canon: str) -> bool:
        return canon in cols and cols[canon] < len(row) and not is_blank(row[cols[canon]])

    for row in data:
        if idx >= len(row) or is_blank(row[idx]):
            continue
        debit, credit = filled(row, "Debit"), filled(row, "Credit")
        if debit == credit:
            continue
        if balance_side(row[idx]) != (-1.0 if debit else 1.0):
            return False
    return True


def signed_balances(balance: np.ndarray, marks: list[Any]) -> np.ndarray:
    """The running balance signed by its own Cr/Dr marks (``balance_sign_column``): a
    balance beside ``Dr`` is overdrawn, below zero."""
    sign = np.array([balance_side(m) for m in marks], dtype="float64")
    return np.where(sign == 0.0, balance, sign * np.abs(balance))


def signed_amounts(table: ColumnCells, cols: dict[str, int], decimal: str, live: np.ndarray,
                    issue: RowIssues, headers: list[str] | None = None, *,
                    balance_of: Callable[[], np.ndarray | None]
                    ) -> tuple[np.ndarray, np.ndarray]:
    """Credits positive, debits negative, from whichever columns the export has; NaN where a
    row has no amount. Returns the amounts and the rows whose amount could not be read (each
    reported, for the rows still ``live``). Rows of a Debit/Credit pair that do not say
    plainly (a negative figure, both sides filled) are read by ``two_columns``, each reported
    under its column's name in ``headers``; ``balance_of`` gives the running balance column
    (None without one), asked only where such a row needs it."""
    n = table.count
    failed = np.zeros(n, dtype=bool)

    def column(canon: str, order: int, report: np.ndarray,
               other: str | None = None) -> tuple[np.ndarray, np.ndarray]:
        raw = table.cells(cols[canon])
        values, errors = parse_amount_column(raw, decimal)
        bad = np.zeros(n, dtype=bool)
        if other is not None and errors:
            # "N/A", "nil", "—" on the empty side of a debit/credit pair: no amount there
            beside, _ = parse_amount_column(table.cells(cols[other]), decimal)
            for pos in [p for p in errors if not np.isnan(beside[p])
                        and not any(ch.isdigit() for ch in normalize_digits(str(raw[p])))]:
                del errors[pos]
        for pos in sorted(errors):
            bad[pos] = True
            if report[pos]:
                issue(pos, order, canon, raw[pos], f"{canon} '{raw[pos]}' could not be read "
                      f"as an amount ({errors[pos]}); the line was left out")
        return values, bad

    amount = np.full(n, np.nan)
    use_columns = np.ones(n, dtype=bool)
    if "Amount" in cols:
        amount, failed = column("Amount", 2, live)
        if "_sign" in cols:
            sides = per_value(table.cells(cols["_sign"]), side_of_mark)
            debit = np.array([m == -1 for m in sides], dtype=bool)
            credit = np.array([m == 1 for m in sides], dtype=bool)
            amount = np.where(debit, -np.abs(amount), np.where(credit, np.abs(amount), amount))
        else:
            amount = _unmarked_are_debits(table.cells(cols["Amount"]), amount, live, issue,
                                          headers[cols["Amount"]] if headers and cols["Amount"]
                                          < len(headers) else "Amount", balance_of)
        use_columns = np.isnan(amount) & ~failed  # no amount: the debit/credit columns say
    if "Debit" in cols or "Credit" in cols:
        debit = credit = np.full(n, np.nan)
        bad_debit = bad_credit = np.zeros(n, dtype=bool)
        pair = "Debit" in cols and "Credit" in cols
        if "Debit" in cols:
            debit, bad_debit = column("Debit", 3, live & use_columns, "Credit" if pair else None)
        if "Credit" in cols:
            credit, bad_credit = column("Credit", 4, live & use_columns,
                                        "Debit" if pair else None)
        failed |= use_columns & (bad_debit | bad_credit)
        amount = np.where(use_columns, net_of(debit, credit), amount)
        if pair:  # a negative figure, both sides filled: the running balance decides
            names = [headers[cols[c]] if headers and cols[c] < len(headers) else c
                     for c in ("Debit", "Credit")]
            amount = read_unplain_rows(
                amount, debit, credit, balance_of, live & use_columns & ~failed,
                (names[0], names[1]),
                (table.cells(cols["Debit"]), table.cells(cols["Credit"])),
                lambda pos, name, value, message: issue(pos, 4, name, value, message))
    return amount, failed


def _unmarked_are_debits(raw: list[Any], amount: np.ndarray, live: np.ndarray,
                         issue: RowIssues, column: str, balance_of: Callable[[], np.ndarray | None]
                         ) -> np.ndarray:
    """An amount column that marks its credits only ("12,500.00CR" beside "52.50"), as many
    Gulf and Egyptian exports and printouts do: the amounts without a mark are money out.
    Only where two amounts at least carry a credit mark, none a debit mark or a minus, and
    some none, and a running balance that follows the lines does not say otherwise (an
    unmarked receipt it rises by: the marks are not the file's signs); said once, naming the
    rows read as money out."""
    sides = np.array(per_value(raw, mark_side), dtype=np.int8)
    figure = live & ~np.isnan(amount)
    credits = figure & (sides == 1)
    unmarked = figure & (sides == 0)
    if credits.sum() < 2 or not unmarked.any() or (figure & ((sides == -1) | (amount < 0))).any():
        return amount
    if _balance_says_otherwise(amount, sides, figure, balance_of):
        return amount
    rows = [issue.numbers[p] for p in np.flatnonzero(unmarked).tolist()]
    example = raw[int(np.flatnonzero(credits)[0])]
    issue.add(-1, 1, "", column, len(rows),
              f"the statement marks only its credits ('{example}'): the {len(rows)} "
              f"amount{'s' if len(rows) > 1 else ''} without a mark "
              f"{'were' if len(rows) > 1 else 'was'} read as money out (rows "
              f"{', '.join(map(str, rows[:10]))}{' ...' if len(rows) > 10 else ''})")
    return np.where(unmarked, -np.abs(amount), amount)


def _balance_says_otherwise(amount: np.ndarray, sides: np.ndarray, figure: np.ndarray,
                            balance_of: Callable[[], np.ndarray | None]) -> bool:
    """Whether the running balance, where it follows every line, moves against the marks: it
    rises by an unmarked amount or falls by a marked credit (the line it cannot decide, the
    first without an opening balance, aside)."""
    balance = balance_of()
    if balance is None:
        return False
    rows = np.flatnonzero(figure)
    found = signs_from_running_balance(np.abs(amount[rows]), balance[rows])
    if found is None:
        return False
    out, undecided = found
    against = np.where(sides[rows] == 0, ~out, out)
    if undecided is not None:
        against[undecided] = False
    return bool(against.any())


def net_of(debit: np.ndarray, credit: np.ndarray) -> np.ndarray:
    """Each row's credit less its debit, whichever sign the bank printed them with; NaN
    where the row has neither."""
    net = np.where(np.isnan(credit), 0.0, np.abs(credit)) - np.where(
        np.isnan(debit), 0.0, np.abs(debit))
    net[np.isnan(debit) & np.isnan(credit)] = np.nan
    return net


def signs_from_balance(lines: Any, opening: float | None, source: str, column: str,
                       place: Callable[[int], str] = "row {}".format) -> list[Issue]:
    """Amounts printed without a sign and no column saying debit or credit: the running
    balance tells the money out (it falls by the amount). Applied only where the balance
    follows every line; each line read as money out is named in one issue, a line it cannot
    tell at its cell (``place``: from its ``Line No``)."""
    found = signs_from_running_balance(lines["Amount"].to_numpy(dtype="float64"),
                                       lines["Balance"].to_numpy(dtype="float64"), opening)
    if found is None or not found[0].any():
        return []
    out, undecided = found
    lines["Amount"] = np.where(out, -lines["Amount"].to_numpy(), lines["Amount"].to_numpy())
    rows = lines["Line No"].to_numpy()[out].tolist()
    named = ", ".join(map(str, rows[:10])) + (" ..." if len(rows) > 10 else "")
    issues = [Issue(source, "", column, len(rows),
                    f"the amounts carry no sign and no column says debit or credit; {len(rows)} "
                    f"{'line was' if len(rows) == 1 else 'lines were'} read as money out because "
                    f"the running balance falls by {'its' if len(rows) == 1 else 'their'} "
                    f"amount (rows {named})")]
    if undecided is not None:
        row = int(lines["Line No"].iloc[undecided])
        issues.append(Issue(source, place(row), column, float(lines["Amount"].iloc[undecided]),
                            "no balance before this line to tell whether it is money in or "
                            "out (the statement states no opening balance); read as money in"))
    return issues
