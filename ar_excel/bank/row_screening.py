"""Which rows of a statement table are no transactions, and what they say instead.

The rule: a row without a readable date or without an amount (or one whose narrative starts
like a totals or balance row) is looked at one by one. It is the header repeated on a new page
(a cell of it may be lost in a PDF conversion), the account lines above the header repeated, a
page number ("Page 2 of 5", "صفحة ٢ من ٥"), a "no transactions for this period" notice, a
totals row (kept to be checked against the lines above it), an opening/closing or
brought/carried forward balance (kept as the statement's balance; one with lines above and
below it is a page break, kept to be checked against the running balance: ``page_breaks``),
the currency line opening another account's section, a balance under a label that is none of
these (reported, never glued onto the line above), or - with neither date nor amount -
narrative continued from the line above. A row that is none of these stays
a line (and is reported if its date or amount cannot be read).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from ar_excel.bank.balance_rows import (
    DATES_IN_TEXT,
    TOTAL_LABEL,
    TOTAL_RE,
    a_balance_not_booked,
    read_balance_row,
    starts_with_total,
)
from ar_excel.bank.cells import ColumnCells, cell_at, cell_text
from ar_excel.bank.column_words import fold_key
from ar_excel.bank.numbers import parse_amount, parse_date
from ar_excel.bank.page_breaks import heading_key, page_number_of, statement_footer
from ar_excel.bank.preamble import labelled_currency
from ar_excel.bank.statement import StatementBalance, clean_text
from ar_excel.bank.two_columns import readings_of
from ar_excel.parsing import is_blank, normalize_digits


@dataclass
class Screened:
    """What the rows that are no transactions said (positions are rows of the table)."""

    not_lines: np.ndarray  # the rows that are no transactions
    continued: list[tuple[int, str, str]] = field(default_factory=list)  # pos, narrative, text
    totals: list[tuple[int, str]] = field(default_factory=list)  # pos, its label
    closing_at: int | None = None  # the row of the last closing / carried-forward balance
    sections: list[tuple[int, str]] = field(default_factory=list)  # pos, currency
    no_movement: str | None = None  # "No transactions found for the selected period"
    # balances printed between pages (brought / carried forward): pos, kind, balance, label
    page_balances: list[tuple[int, str, float, str]] = field(default_factory=list)
    page_numbers: list[tuple[int, str]] = field(default_factory=list)  # pos, "Page 2 of 5"
    # a row with only a balance under a label that names no known one: pos, label, balance
    unnamed_balances: list[tuple[int, str, Any]] = field(default_factory=list)
    # a dated row stating only a balance other than the booked one ("Available Balance"):
    # pos, the column of its figure ("Credit"), its label and figure
    other_balances: list[tuple[int, str, str]] = field(default_factory=list)


# what a portal prints in place of lines for a period without any
_NO_MOVEMENT = re.compile(
    r"(?i)^\s*(there\s+(are|were)\s+)?no\s+(transactions?|records?|entries|movements?|"
    r"data)\b|^\s*لا\s*(توجد|يوجد)\s*(حركات|حركة|عمليات|معاملات|بيانات)|"
    r"^\s*keine\s+(umsätze|buchungen)|^\s*aucune\s+opération|^\s*sin\s+movimientos")


def screen_rows(data: list[list[Any]], main: np.ndarray, dated: np.ndarray,
                no_money: np.ndarray, table: ColumnCells, header: list[str],
                preamble: list[list[Any]], cols: dict[str, int], desc_cols: list[int],
                balances: StatementBalance, reading: tuple[str, bool, str | None]) -> Screened:
    """Look at the rows that may be no transactions (``main``: the rows not empty; ``dated``:
    those with a readable date; ``no_money``: those without an amount). Stated balances are
    recorded in ``balances``; ``reading`` is (decimal mark, day first, date format)."""
    decimal, dayfirst, date_format = reading
    date_idx = cols.get("Date", cols.get("Value Date"))
    date_blank = table.blank(date_idx)
    out = Screened(np.zeros(len(main), dtype=bool))
    # A row repeating the header has the header's date cell, no date, unless that header cell
    # itself looks like one.
    header_keys = [fold_key(h) for h in header]
    suspect = main & (~dated | no_money)
    summary_like = np.zeros(len(main), dtype=bool)
    for i in desc_cols:  # a dated totals or balance row with figures: "30/11/2026, Total, .."
        summary_like |= main & starts_with_total(table.cells(i))
    suspect |= summary_like
    # a balance row with lines above and below it breaks the statement between two pages
    line_like = main & dated & ~no_money & ~summary_like
    lines_above = np.concatenate(([False], np.logical_or.accumulate(line_like)[:-1]))
    lines_below = np.concatenate((np.logical_or.accumulate(line_like[::-1])[::-1][1:], [False]))
    if date_idx is None or date_idx >= len(header_keys) or any(
            ch.isdigit() for ch in header_keys[date_idx]):
        suspect = main.copy()
    folded: dict[tuple[type, Any], str] = {}
    order: list[bool] = []
    footer_at: int | None = None  # the last row of the bank's note at the foot
    repeats: list[int] = []  # the rows repeating the header: a new page's top

    def day_of(i: int, in_text: bool = False) -> Any:
        """The date of row ``i``: its date cell's, else (``in_text``) one its words name."""
        cells = [cell_at(data[i], date_idx)]
        if in_text:
            cells += [m.group(0) for c in data[i] if isinstance(c, str)
                      for m in DATES_IN_TEXT.finditer(normalize_digits(c))]
        for cell in cells:
            try:
                day = None if is_blank(cell) else parse_date(cell, dayfirst, date_format)
            except (ValueError, OverflowError, TypeError):
                continue
            if day is not None:
                return day
        return None

    def newest_first() -> bool:
        """Whether the statement runs newest first (its first date after its last: of its
        lines, else, with one line, of every row, a balance's date in its words too): a
        balance above the lines then closes the statement and one below opens it."""
        if not order:
            lines = np.flatnonzero(line_like).tolist()
            days = [day_of(i) for i in lines[:1] + lines[-1:]]
            if len(lines) < 2 or None in days or days[0] == days[1]:
                rows = np.flatnonzero(main).tolist()
                days = [d for d in (day_of(i, True) for i in rows) if d is not None]
                days = days[:1] + days[-1:]
            order.append(len(days) == 2 and days[0] > days[1])
        return order[0]

    def fold(cell: Any) -> str:
        key = (type(cell), cell)
        if key not in folded:
            folded[key] = fold_key(cell)
        return folded[key]

    # the rows above the header, each page's heading again (its page number aside)
    page_heading = {heading_key(r) for r in preamble} - {()}
    money = {cols[c] for c in ("Amount", "Debit", "Credit", "Balance") if c in cols}
    money_and_dates = money | {cols[c] for c in ("Date", "Value Date") if c in cols}
    skip_in_narrative = money_and_dates | set(desc_cols) | {
        cols[c] for c in ("Currency", "_sign", "_status") if c in cols}
    for pos in np.flatnonzero(suspect).tolist():
        row = data[pos]
        if header_keys and all(fold(c) == k for c, k in zip(row, header_keys, strict=False)):
            out.not_lines[pos] = True  # the header repeated on each page of a multi-page export
            repeats.append(pos)
            continue
        if page_heading and heading_key(row) in page_heading:
            out.not_lines[pos] = True  # the account details above the header, on each page
            continue
        if header_keys and _repeats_the_header(row, header_keys, fold):
            out.not_lines[pos] = True  # the header repeated, a cell lost or moved on the way
            repeats.append(pos)
            continue
        if page := page_number_of(row):
            # "Page 2 of 5" at a page's foot or head, wherever a PDF conversion put it (under
            # Credit or Balance, centred or aligned right): the row says nothing else
            out.not_lines[pos] = True
            out.page_numbers.append((pos, page))
            continue
        if no_money[pos] and not dated[pos] and statement_footer(row):
            out.not_lines[pos] = True  # "This is a computer generated statement": no issue
            footer_at = pos
            continue
        texts = " ".join(str(c) for c in row if isinstance(c, str) and c.strip())
        label = " ".join(str(c).strip() for i, c in enumerate(row) if isinstance(c, str)
                         and c.strip() and i not in (money_and_dates if dated[pos] else money))
        # (a row that moves the running balance by its own amount is a line all the same,
        # dated or not: a transaction the clerk or the bank narrated 'TOTAL'; a dated one from
        # the line right above it, not over lines without a balance from an opening balance,
        # as a totals row of their sums would)
        if ((TOTAL_RE.search(label) and not dated[pos]) or TOTAL_LABEL.match(label)) and not (
                moves_the_balance(data, pos, cols, decimal, from_the_line_above=dated[pos])):
            out.not_lines[pos] = True
            out.totals.append((pos, label))
            continue
        between = bool(lines_above[pos] and lines_below[pos])
        end = (None if lines_above[pos] == lines_below[pos]
               else "closing" if lines_above[pos] != newest_first() else "opening")
        stated = read_balance_row(row, texts, cols, balances, decimal, dayfirst, date_format,
                                  page_break=between, end=end)
        if stated:
            out.not_lines[pos] = True
            if between:
                out.page_balances.append((pos, *stated, label or texts))
            elif stated[0] == "closing":
                out.closing_at = pos
            continue
        if dated[pos] and not no_money[pos] and (other := a_balance_not_booked(row, cols)) \
                and not moves_the_balance(data, pos, cols, decimal, from_the_line_above=True):
            # "30/11/2026 | Available Balance | | 60,000.00": its figure under Credit is no
            # money received, nor the booked balance the lines tie out to
            out.not_lines[pos] = True
            canon = next(c for c in ("Amount", "Credit", "Debit")
                         if c in cols and not is_blank(cell_at(row, cols[c])))
            out.other_balances.append(
                (pos, canon, f"{other} {cell_text(cell_at(row, cols[canon])).strip()}"))
            continue
        if no_money[pos] and not dated[pos]:
            code = labelled_currency(row, texts)
            if code:  # "Currency: USD" opening the next account's section of the export
                out.not_lines[pos] = True
                out.sections.append((pos, code))
                continue
        if not dated[pos] and no_money[pos] and _NO_MOVEMENT.search(texts):
            out.not_lines[pos] = True  # the period had no transactions: no line, no error
            out.no_movement = out.no_movement or texts
            continue
        balance_cell = cell_at(row, cols["Balance"]) if "Balance" in cols else None
        if (date_blank[pos] and no_money[pos] and not is_blank(balance_cell) and label
                and (out.closing_at is None or pos < out.closing_at)):  # (the foot's: said)
            # a balance under a label not known as opening or closing: no narrative of the
            # line above (its figure would be lost there), and no balance guessed at
            out.not_lines[pos] = True
            out.unnamed_balances.append((pos, label, balance_cell))
            continue
        if (footer_at is not None and no_money[pos] and not dated[pos]
                and not line_like[footer_at:pos].any()):
            # the bank's note at the foot run on over rows ("... within 15 days"): not the
            # narrative of the line above it
            out.not_lines[pos] = True
            continue
        if (date_blank[pos] or _time_of_day(cell_at(row, date_idx))) and no_money[pos]:
            # (a time of day under the line's date: its date cell wrapped onto this row by a
            # PDF conversion, "02/11/2026" over "10:15:22"; the rest of its narrative with it)
            out.not_lines[pos] = True
            # the narrative, then what else the row carries on (a reference, the payer's
            # name in their own columns): nothing of it is dropped
            desc = clean_text(" ".join(cell_text(cell_at(row, i)) for i in (
                *desc_cols, *(i for i in range(len(row)) if i not in skip_in_narrative))
                if not is_blank(cell_at(row, i))))
            if desc:
                out.continued.append((pos, desc, texts))
    _headings_above_the_header_again(data, main, dated, no_money, desc_cols, repeats, out)
    return out


# a statement's title ("Statement of Account", "كشف حساب جاري"): no narrative of a line
_STATEMENT_TITLE = re.compile(
    r"(?i)\bstatement\s+of\s+accounts?\b|\baccount\s+(statement|activity|history)\b|"
    r"\bbank\s+statement\b|kontoauszug|relev[ée]\s+de\s+compte|estado\s+de\s+cuenta|"
    r"كشف\s*(ال)?حساب")

# the other rows of a page's heading: the bank's name alone ("Commercial International Bank",
# "بنك مصر"), or the account's particulars under their labels ("Account No: 1000...",
# "IBAN", "Currency: EGP", "الفترة: ..."); a line's words carried on are neither
_HEADING_ROW = re.compile(
    r"(?i)^\W*(\w+\W+){0,4}(bank|banque|(ال)?بنك|(ال)?مصرف)(\W+\w+){0,4}\W*$|"
    r"\b(account\s*(no|number|name|#)|iban|currency|period|branch|customer\s*(name|no|number)"
    r"|statement\s*(date|period|no))\b\.?\s*:|"
    r"(رقم\s*الحساب|اسم\s*العميل|العملة|الفترة|الفرع|تاريخ\s*الكشف)\s*:")

# the words of a line's narrative (a transfer, an invoice paid): a row carrying them is a
# line's words run on, never a heading, whatever bank or title words it also has ("INWARD
# TRANSFER FROM BANK MISR AL NOOR", "TRF AL NOOR PER ACCOUNT STATEMENT"); not 'from',
# 'deposit' or 'ref', which titles print ("Statement of Account from 01/11/2026 to ...")
_LINE_WORDS = re.compile(
    r"(?i)\b(via|trf|transfer|tt|inward|outward|payment|paid|cheque|chq|remittance|inv|"
    r"invoice)\b|تحويل|وارد|صادر|سداد|شيك|فاتور")


def _headings_above_the_header_again(data: list[list[Any]], main: np.ndarray,
                                     dated: np.ndarray, no_money: np.ndarray,
                                     desc_cols: list[int], repeats: list[int],
                                     out: Screened) -> None:
    """The rows a new page opens with above the header printed again: the bank's title and
    the account's lines, where the first page has none above its header to know them by
    (the export prints none there, or they were cut). Each is left out without a word: a
    row without date or amount right above the header again (blank rows and page numbers
    between) naming a statement's title ("Statement of Account"), the bank alone or the
    account's particulars under their labels. Any other row there stays what it was read as
    before: in the narrative columns or beside them (a reference under its column), a line's
    words carried over the page break; elsewhere (a narrative run into the date column), a
    row reported at its cell, never dropped without a word."""
    narrative = set(desc_cols)
    carried = {p for p, _, _ in out.continued}
    for top in repeats:
        pos = top - 1
        while pos >= 0 and (not main[pos] or (out.not_lines[pos] and pos not in carried)):
            pos -= 1  # blank rows, a page number, the bank's note at the foot
        while pos >= 0 and main[pos] and no_money[pos] and not dated[pos]:
            words = [(i, c) for i, c in enumerate(data[pos]) if not is_blank(c)]
            text = " ".join(str(c) for _, c in words)
            if _LINE_WORDS.search(text) or not _STATEMENT_TITLE.search(text) and (
                    any(i in narrative for i, _ in words) or pos in carried
                    or not _HEADING_ROW.search(text)):
                # (a statement's title is a heading wherever it stands.) A line's words
                # carried on (read as the narrative above), or a row that is no heading by its
                # words: reported where it stands, as on any other row
                break
            out.not_lines[pos] = True
            out.continued = [c for c in out.continued if c[0] != pos]
            pos -= 1
            while pos >= 0 and not main[pos]:
                pos -= 1


# a time of day alone: "10:15:22", "3:40 PM", "10:15 ص"
_TIME = re.compile(r"(?i)^\s*\d{1,2}:\d{2}(:\d{2})?\s*(am|pm|ص|م)?\s*$")


def _time_of_day(cell: Any) -> bool:
    if isinstance(cell, (dt.time, dt.timedelta)):
        return True  # a time cell Excel made of it
    return isinstance(cell, str) and bool(_TIME.match(normalize_digits(cell)))


def _repeats_the_header(row: list[Any], header_keys: list[str], fold: Any) -> bool:
    """Whether a row without an amount is the header again, as a PDF conversion or a page
    pasted by hand gives it: each of its cells one of the header's names (a cell may be lost
    or moved a column), and at least half of the header's names there."""
    named = {k for k in header_keys if k}
    cells = [fold(c) for c in row if not is_blank(c)]
    return len(cells) >= max(2, (len(named) + 1) // 2) and all(c in named for c in cells)


def moves_the_balance(data: list[list[Any]], pos: int, cols: dict[str, int],
                       decimal: str, from_the_line_above: bool = False) -> bool:
    """Whether row ``pos`` moves the running balance by its own amount, as a transaction does
    and a totals row does not (an undated line of the day whose narrative opens 'TOTAL
    ENERGIES...' is a payment, not the statement's total). ``from_the_line_above``: the
    balance moved from is that of the nearest row with figures (see ``balance_says``)."""
    return balance_says(data, pos, cols, decimal, from_the_line_above) is True


def balance_says(data: list[list[Any]], pos: int, cols: dict[str, int],
                 decimal: str, from_the_line_above: bool = False) -> bool | None:
    """True where row ``pos`` moves the running balance by its own amount, False where the
    balances show it does not, None where nothing tells (no running balance, none on the row
    or above it, no amount). The balance moved from is the nearest above; with
    ``from_the_line_above``, only that of the nearest row with figures (a line above without a
    balance tells nothing: the balance further up is not the one this row moved from)."""
    if "Balance" not in cols:
        return None

    def number(row: list[Any], name: str) -> float | None:
        try:
            return parse_amount(cell_at(row, cols[name]), decimal) if name in cols else None
        except ValueError:
            return None

    row = data[pos]
    balance = number(row, "Balance")
    amount = number(row, "Amount")
    # a Debit/Credit pair: any reading the two-column rules allow (a negative figure read as
    # a reversal, one side alone of a row with both), as ``two_columns`` reads the line
    readings = [amount] if amount is not None else readings_of(
        number(row, "Debit"), number(row, "Credit"))
    readings = [r for r in readings if r]
    if balance is None or not readings:
        return None
    for above in range(pos - 1, -1, -1):  # the nearest row above with a balance
        before = number(data[above], "Balance")
        if before is not None:
            return any(abs(before + r - balance) < 0.005 for r in readings)
        if from_the_line_above and any(
                number(data[above], name) is not None for name in ("Amount", "Debit", "Credit")):
            return None
    return None


def a_line_for_all_its_summary_word(data: list[list[Any]], pos: int, cols: dict[str, int],
                                    decimal: str, label: str) -> bool:
    """Whether a row with an amount whose label holds a summary word ("AVAILABLE FUNDS
    TRANSFER FROM DELTA", "BALANCE TRANSFER INV-1003") is a transaction all the same: the
    running balance decides where it tells (a line moves it by its amount, an "Available
    balance 12,345.00" row does not); else the label's shape - a line names who paid (a
    transfer from a party) or a reference, a summary row ("Available balance", "الرصيد
    المتاح", "Total transfers") names only what it sums."""
    said = balance_says(data, pos, cols, decimal)
    if said is not None:
        return said
    text = DATES_IN_TEXT.sub(" ", normalize_digits(label))
    if any(_REFERENCE.fullmatch(w) and not _NOT_A_REFERENCE.fullmatch(w)
           for w in text.split()):
        return True
    return bool(_FROM_A_PARTY.search(text))


# a reference a payer quotes: letters and digits in one word (INV-1003, FT26309ABC123)
_REFERENCE = re.compile(r"(?=[\w/-]*[^\W\d_])(?=[\w/-]*\d)[\w/-]{4,}")


# no reference a payer quotes: the account a summary sums (an IBAN), a day ("30th"), a
# month ("Nov-2026")
_NOT_A_REFERENCE = re.compile(r"(?i)[a-z]{2}\d{2}[a-z0-9]{10,30}|\d{1,2}(st|nd|rd|th)|"
                              r"(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*[-/]?"
                              r"\d{2,4}")


# a transfer or payment from or to a party named by a word (not "from previous page", "from
# 01/11 to 30/11")
_FROM_A_PARTY = re.compile(
    r"(?i)\b(transfer|trf|tfr|remittance|payment|pmt|deposit|credit)\s+(from|to|by)\s+"
    r"(?!(previous|last|next|page|the|this|period|date|account|other|opening|closing|start|"
    r"end|beginning|month|day|year|statement)\b)[^\W\d_]{2,}|"
    r"(تحويل|حوالة|حواله|إيداع|ايداع|سداد|دفعة)\s+(وارد|واردة|صادر|صادرة)?\s*(من|إلى|الى|لصالح)"
    r"\s+(?!(الصفحة|الفترة|تاريخ|حساب))[^\W\d_]{2,}")
