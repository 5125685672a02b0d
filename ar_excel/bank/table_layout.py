"""Where the statement table starts and what each of its columns holds.

The rule: the header is the first row (of the first ``HEADER_SCAN_ROWS``) naming at least two
known columns by alias, one of them a date or money - account-info lines above it are the
preamble; failing that, the first naming a date, money and a third column by their words. A
header over two rows (``Amount`` merged over ``Debit | Credit``) is read as one. A file without
a header row is read from its values only where they leave no doubt (one date column, one money
column), and says so. What cannot be decided is an ``InputError`` telling how to name the
columns (``--bank-columns``).
"""

from __future__ import annotations

import re
from itertools import permutations, zip_longest
from typing import Any

from ar_excel.bank.column_positions import layout_by_places
from ar_excel.bank.column_words import (
    MONEY_ROLES,
    OPTION_KEYS,
    SAMPLE_ROWS,
    Layout,
    add_roles_by_words,
    fold_key,
    header_row_asked,
    is_gregorian_date,
    match_columns,
    money_role_by_words,
    reads_as_amount,
    role_of_header,
    split_header,
)
from ar_excel.bank.date_order import DATE_TEXT
from ar_excel.bank.hijri import mostly_hijri
from ar_excel.bank.numbers import parse_amount
from ar_excel.bank.signs import balance_sign_column, sign_column_by_values
from ar_excel.errors import InputError
from ar_excel.model import column_letter
from ar_excel.parsing import is_blank, normalize_digits

HEADER_SCAN_ROWS = 40


def _said(canon: str) -> str:
    """A column's role as the clerk reads it ("_balance_before" -> "Balance before")."""
    return canon.lstrip("_").replace("_", " ").capitalize() if canon.startswith("_") else canon


def _layout_by_values(rows: list[list[Any]]) -> Layout | None:
    """A file without a header row (Wells Fargo's CSV: date, amount, *, check number,
    description): the columns told apart by their values, where that is unambiguous - one
    date column, one column of amounts with cents or signs, the longest text the narrative."""
    sample = [r for r in rows[:SAMPLE_ROWS] if any(not is_blank(c) for c in r)]
    if len(sample) < 2:
        return None
    width = max(len(r) for r in sample)
    dates, amounts, texts = [], [], []
    for i in range(width):
        values = [r[i] for r in sample if i < len(r) and not is_blank(r[i])]
        if not values:
            continue
        as_text = [normalize_digits(v).strip() if isinstance(v, str) else v for v in values]
        if all(is_gregorian_date(v) and (not isinstance(v, str) or DATE_TEXT.search(v)
                                          or re.fullmatch(r"\d{4}-\d{2}-\d{2}", v)
                                          or _COMPACT_DATE.fullmatch(v))
               for v in as_text):
            dates.append(i)
        elif all(isinstance(v, str) and re.fullmatch(r"[-+(]?\d[\d,.' ]*\)?", v)
                 for v in as_text):
            if any(re.search(r"[.,]\d{1,2}\)?$|^[-(]", v) for v in as_text):
                amounts.append(i)  # cents or a sign: money, not a cheque or serial number
        elif all(isinstance(v, str) for v in values):
            texts.append((sum(len(v) for v in values) / len(values), i))
    columns = _balance_before_and_after(sample, dates, amounts)
    if columns is None and (len(dates) != 1 or len(amounts) != 1):
        return None
    columns = columns or {"Date": dates[0], "Amount": amounts[0]}
    codes = [i for i in range(width) if i not in columns.values() and _currency_codes(sample, i)]
    if len(codes) == 1:
        columns["Currency"] = codes[0]
    if texts:
        columns["Description"] = max(texts)[1]
    placed = ", ".join(f"{_said(canon)} = column {idx + 1}" for canon, idx in columns.items())
    named = ";".join(f"{canon}={column_letter(idx)}" for canon, idx in columns.items()
                     if not canon.startswith("_"))
    return Layout(-1, columns, [], None, [], headerless=True,
                  note=f"the file has no header row; its columns were read from their values: "
                       f"{placed}. If that is wrong, name them by column letter, as in "
                       f"--bank-columns \"{named}\", or add a header row (Date, Amount, "
                       "Description) to the file")


# a date written as yyyymmdd (ABN AMRO's TXT export): 2000-2099, a real month and day
_COMPACT_DATE = re.compile(r"20\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])")


def _currency_codes(sample: list[list[Any]], idx: int) -> bool:
    """Whether a column holds one ISO currency code on every row (``EUR``)."""
    values = {str(r[idx]).strip() if idx < len(r) else "" for r in sample}
    return len(values) == 1 and bool(re.fullmatch(r"[A-Z]{3}", values.pop()))


# Core banking exports print each line's balance before and after it: "Opening Balance" |
# "Closing Balance" as columns of the table (not the statement's, which are rows of their own
# or a summary block above it, and so never in the header row chosen here)
_BEFORE_HEADERS = frozenset(fold_key(h) for h in (
    "Opening Balance", "Balance Before", "Previous Balance", "Old Balance", "Balance B/F",
    "الرصيد السابق", "الرصيد قبل العملية", "الرصيد الافتتاحي"))
_AFTER_HEADERS = frozenset(fold_key(h) for h in (
    "Closing Balance", "Balance After", "New Balance", "Balance C/F", "الرصيد بعد العملية",
    "الرصيد الختامي"))


def _balances_before_and_after(layout: Layout, sample: list[list[Any]]) -> None:
    """Of a header with one column of each, the balance after the line is the running
    balance and the one before it the chain's start (else the header words take the first
    "... Balance" for the running one: the balance before, off by each line's amount). Not
    where the same figure stands on every line: the account's balances repeated beside each
    line (HSBCnet), no line's."""
    keys = [fold_key(split_header(h)[0]) for h in layout.headers]
    before = [i for i, k in enumerate(keys) if k in _BEFORE_HEADERS]
    after = [i for i, k in enumerate(keys) if k in _AFTER_HEADERS]
    if len(before) != 1 or len(after) != 1 or "_balance_before" in layout.columns:
        return
    taken = {i for c, i in layout.columns.items() if c != "Balance"}
    if before[0] in taken or after[0] in taken:
        return
    figures = {str(row[after[0]]).strip() for row in sample
               if after[0] < len(row) and not is_blank(row[after[0]])}
    if len(figures) < 2 and len(sample) > 1:
        return
    layout.columns["Balance"] = after[0]
    layout.columns["_balance_before"] = before[0]


def _balance_before_and_after(sample: list[list[Any]], dates: list[int], amounts: list[int]
                              ) -> dict[str, int] | None:
    """ABN AMRO's TXT export (account, currency, date, balance before, balance after, value
    date, amount, narrative; no header): of three money columns, the amount is the one that
    takes the balance before to the balance after on every row, whichever decimal mark. The
    first date is the booking date, a second one the value date."""
    if len(amounts) != 3 or not 1 <= len(dates) <= 2:
        return None
    for mark in (",", "."):
        try:
            figures = [[parse_amount(r[i], mark) if i < len(r) else None for i in amounts]
                       for r in sample]
        except ValueError:
            continue
        if any(None in row for row in figures):
            continue
        for before, amount, after in permutations(range(3)):
            if all(abs(row[before] + row[amount] - row[after]) < 0.005 for row in figures):
                columns = {"Date": dates[0], "Amount": amounts[amount], "Balance": amounts[after],
                           "_balance_before": amounts[before]}
                if len(dates) == 2:
                    columns["Value Date"] = dates[1]
                return columns
    return None


def _merge_second_header_row(rows: list[list[Any]], layout: Layout) -> None:
    """A header over two rows (merged cells in Excel exports: "المبلغ" over "مدين | دائن",
    "Amount" over "Debit | Credit"): the second row names the columns under the first's
    group, and the lines start after it."""
    r = layout.header_row + 1
    if r >= len(rows):
        return
    cells = ["" if is_blank(c) else str(c).strip() for c in rows[r]]
    if not any(cells):
        return
    if _names_split_over_two_rows(rows, layout, cells):
        return
    sub = match_columns(rows[r], None)
    if sub is not None:  # bilingual sub-headers no alias spells ("مدين Debit | دائن Credit")
        for i, cell in enumerate(cells):
            role = money_role_by_words(cell, set(sub.columns)) if cell else None
            if role and i not in sub.columns.values():
                sub.columns[role] = i
    named = set(sub.columns.values()) if sub else set()
    # every filled cell of the row is a column name, at least one of them money
    if sub is None or any(c and i not in named for i, c in enumerate(cells)) or not (
            MONEY_ROLES & set(sub.columns)):
        return
    for canon, idx in sub.columns.items():
        held = next((c for c, i in layout.columns.items() if i == idx), None)
        if held is not None and held not in MONEY_ROLES:
            continue  # the first row's own name wins over a stray second-row one
        if held is not None:
            del layout.columns[held]
        layout.columns.pop(canon, None)
        layout.columns[canon] = idx
    layout.headers = [sub_name or top for top, sub_name in
                      zip_longest(layout.headers, cells, fillvalue="")]
    layout.header_row = r


def _names_split_over_two_rows(rows: list[list[Any]], layout: Layout, cells: list[str]) -> bool:
    """A header whose names a PDF conversion wrapped over two rows, no cell merged
    ("Transaction | Value | Debit" over "Date | Date | Amount"): where the first row names no
    date column and each column's two lines joined ("Transaction Date", "Value Date", "Debit
    Amount") name a date and money, those are the header, and the lines start after it."""
    if {"Date", "Value Date"} & set(layout.columns):
        return False
    r = layout.header_row
    here = ["" if is_blank(c) else str(c).strip() for c in rows[r]]
    above = ["" if is_blank(c) else str(c).strip() for c in rows[r - 1]] if r > 0 else []
    # the header's first line and the row under it, or the row above it and the header
    for top, under, last in ((here, cells, r + 1), (above, here, r)):
        if not any(top) or any(c and (any(ch.isdigit() for ch in c) or len(c) > 40)
                               for c in (*top, *under)):
            continue  # a line, a note, an account line: no header's other line
        joined = [" ".join(filter(None, pair)) for pair in zip_longest(top, under, fillvalue="")]
        both = match_columns(joined, None)
        if both is None or not ({"Date", "Value Date"} & set(both.columns)
                                and MONEY_ROLES & set(both.columns)):
            continue
        for name in ("columns", "parts", "currency_hint", "alternates", "payer_payee"):
            setattr(layout, name, getattr(both, name))
        layout.headers = joined
        layout.header_row = last
        return True
    return False


def _header_again_in_another_language(rows: list[list[Any]], layout: Layout) -> None:
    """A bilingual export's header over two rows, one language each (a Saudi CSV's "Date |
    Hijri Date | Description | Amount | Balance" over "التاريخ | التاريخ الهجري | الوصف |
    المبلغ | الرصيد"): the second row is the header again, no line of the statement (it was
    reported as a date that cannot be read); the lines start after it. Each of its filled
    cells names the role of the header above it (or none where that names none), and at
    least a date and money are named so."""
    r = layout.header_row + 1
    if r >= len(rows):
        return
    top, under = rows[layout.header_row], rows[r]
    agreed: set[str] = set()
    for i, cell in enumerate(under):
        if is_blank(cell):
            continue
        if not isinstance(cell, str) or i >= len(top) or is_blank(top[i]):
            return
        role = role_of_header(cell)
        if role != role_of_header(top[i]):
            return
        agreed |= {role} if role else set()
    if agreed & {"Date", "Value Date"} and agreed & MONEY_ROLES:
        layout.header_row = r


_UNIT = re.compile(r"^[(\[]?\s*([A-Z]{3})\s*[)\]]?$")


def _currency_row_under_the_header(rows: list[list[Any]], layout: Layout) -> None:
    """A row under the header naming the money columns' currency (``| (EGP) | (EGP) |``) is
    part of the header: it gives the currency, and the lines start after it."""
    r = layout.header_row + 1
    if r >= len(rows):
        return
    cells = [str(c).strip() for c in rows[r] if not is_blank(c)]
    codes = {m.group(1) for c in cells for m in [_UNIT.match(c)] if m}
    if cells and len(codes) == 1 and all(_UNIT.match(c) for c in cells):
        layout.currency_hint = layout.currency_hint or codes.pop()
        layout.header_row = r


def find_layout(rows: list[list[Any]], mapping: dict[str, Any] | None, source: str) -> Layout:
    """The header row and what each column holds; InputError when it cannot be decided."""
    asked = header_row_asked(mapping, rows, source)
    candidates = [asked] if asked is not None else list(range(min(len(rows), HEADER_SCAN_ROWS)))
    best: Layout | None = None
    anchors = {"Date", "Value Date", "Amount", "Debit", "Credit", "Balance"}
    for by_words in (False, True):  # the aliases first; header words only where they fail
        for r in candidates:
            if r >= len(rows):
                break
            layout = match_columns(rows[r], mapping)
            if layout is None:
                continue
            if by_words:
                add_roles_by_words(rows, layout, r + 1)
            contract_cols = [c for c in layout.columns if not c.startswith("_")]
            # an account-info line ("Account Number: .., Currency: ..") is not the header;
            # headers read from their words need a date, money and a third column
            enough = (len(contract_cols) + (1 if layout.parts else 0)
                      >= (3 if by_words else 2))
            if enough and anchors & set(contract_cols) and (not by_words or (
                    {"Date", "Value Date"} & set(contract_cols)
                    and MONEY_ROLES & set(contract_cols))):
                layout.header_row = r
                best = layout
                break
        if best is not None:
            if asked is None:
                _merge_second_header_row(rows, best)
                _currency_row_under_the_header(rows, best)
                _header_again_in_another_language(rows, best)
            if not by_words:
                add_roles_by_words(rows, best, best.header_row + 1)
            sign_column_by_values(rows, best, best.header_row + 1)
            break
    if best is None and mapping:
        best = layout_by_places(rows, mapping, source, HEADER_SCAN_ROWS)
        if best is not None and not best.headerless:
            add_roles_by_words(rows, best, best.header_row + 1)
        if best is not None:
            sign_column_by_values(rows, best, best.header_row + 1)
    if best is None and mapping:
        wanted = [h for k, h in mapping.items() if k not in OPTION_KEYS]
        raise InputError(
            f"{source}: the mapping names headers not found in one row of the file: {wanted}; "
            "check their spelling against the file's header row"
        )
    if best is None:
        best = _layout_by_values(rows)
    if best is None:
        first = next((r for r in rows if any(str(c).strip() for c in r if c is not None)), [])
        raise InputError(
            f"{source}: could not find the header row of the bank statement (looked in the first "
            f"{HEADER_SCAN_ROWS} rows for column names such as Date, Amount, Debit, Credit, "
            f"Description; the first row is {[str(c) for c in first][:8]}). Name the columns "
            "with --bank-columns \"Date=<date header>;Amount=<amount header>\", or by column "
            "letter where the file has no header row: \"Date=A;Amount=D;Description=C\" (for "
            "the Excel buttons: the Policy key bank_columns)"
        )
    if mapping is None or "Balance" not in mapping:
        _balances_before_and_after(best, rows[best.header_row + 1:best.header_row + 1
                                               + SAMPLE_ROWS])
    cols = best.columns
    if "Date" not in cols and "Value Date" not in cols:
        guessed = _date_column_by_content(rows, best)
        if guessed is None:
            raise InputError(
                f"{source}: could not decide which column holds the booking date (headers: "
                f"{_header_list(best)}). Name it with --bank-columns \"Date=<header of the date column>\""
            )
        cols["Date"] = guessed
    if "Amount" not in cols and "Debit" not in cols and "Credit" not in cols and "_sign" in cols \
            and _holds_amounts(rows[best.header_row + 1:], cols["_sign"]):
        # "Debit/Credit", "مدين / دائن" over signed amounts, not over D/C marks: the amount
        cols["Amount"] = cols.pop("_sign")
    if "Amount" not in cols and "Debit" not in cols and "Credit" not in cols:
        _value_column_the_balance_follows(rows, best)
    if "Amount" not in cols and "Debit" not in cols and "Credit" not in cols:
        raise InputError(
            f"{source}: could not decide which column holds the amount (headers: "
            f"{_header_list(best)}). Name it with --bank-columns \"Amount=<signed amount header>\" "
            "or \"Debit=<money out header>;Credit=<money in header>\""
        )
    balance_sign_column(rows, best, best.header_row + 1)
    return best


def _value_column_the_balance_follows(rows: list[list[Any]], layout: Layout) -> None:
    """NatWest's and RBS's "Date | Type | Description | Value | Balance": a column headed
    "Value" is the signed amount where the running balance moves by it from line to line
    (oldest or newest first, 4 steps in 5); a "Value" column alone says too little."""
    balance = layout.columns.get("Balance")
    value = next((i for i, h in enumerate(layout.headers) if h.strip().lower() == "value"
                  and i not in layout.columns.values()), None)
    if balance is None or value is None:
        return
    figures = []
    for row in rows[layout.header_row + 1: layout.header_row + 1 + SAMPLE_ROWS]:
        try:
            pair = (parse_amount(row[value], "."), parse_amount(row[balance], "."))
        except (ValueError, IndexError):
            continue
        if None not in pair:
            figures.append(pair)
    steps = list(zip(figures, figures[1:], strict=False))
    if len(steps) < 2:
        return
    older_first = sum(abs(b[1] - a[1] - b[0]) < 0.005 for a, b in steps)
    newer_first = sum(abs(a[1] - b[1] - a[0]) < 0.005 for a, b in steps)
    if max(older_first, newer_first) >= 0.8 * len(steps):
        layout.columns["Amount"] = value


def _holds_amounts(data: list[list[Any]], idx: int) -> bool:
    """Whether a column's filled cells (of the first ``SAMPLE_ROWS``) are mostly amounts."""
    values = [r[idx] for r in data[:SAMPLE_ROWS] if idx < len(r) and not is_blank(r[idx])]
    return bool(values) and sum(map(reads_as_amount, values)) >= 0.8 * len(values)


def _header_list(layout: Layout) -> str:
    return ", ".join(h for h in layout.headers if h) or "none"


def _date_column_by_content(rows: list[list[Any]], layout: Layout) -> int | None:
    data = rows[layout.header_row + 1: layout.header_row + 200]
    width = max((len(r) for r in data), default=0)
    found = []
    for i in range(width):
        if i in layout.columns.values():
            continue
        values = [r[i] for r in data if i < len(r) and r[i] not in (None, "")]
        if not values:
            continue
        ok = 0
        for v in values:
            if isinstance(v, str) and not re.search(r"\d[./\-]\d|\d{8}", v):
                continue
            ok += is_gregorian_date(v)
        if ok >= max(1, 0.9 * len(values)):
            found.append(i)
    if not found:  # a Saudi export dated in the Hijri calendar only
        found = [i for i in range(width) if i not in layout.columns.values()
                 and mostly_hijri([r[i] for r in data if i < len(r)])]
    return found[0] if len(found) == 1 else None
