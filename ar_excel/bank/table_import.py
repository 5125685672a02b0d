"""Rows of a statement table -> the normalised statement.

The rule: every row is a transaction, a row that is not one (repeated page header, account
lines, totals, balances, section currency, narrative carried over to the next row - joined to
the line above), or a problem reported with its row and column; nothing silently disappears.
Pending (not yet booked) lines are left out with a word, and so are lines of amount 0 (no
money moved: a balance enquiry, a fee waived), as in every format. Stated balances are tied out and a
running balance is checked line by line. The layout, decimal mark and date order are decided
once per file; the columns are then parsed whole.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache
from typing import Any

import numpy as np

from ar_excel.bank.balance_rows import (
    totals_that_differ,
)
from ar_excel.bank.cells import (
    ColumnCells,
    cell_at,
    cell_texts,
    currency_code,
    is_constant,
    per_value,
    real_references,
)
from ar_excel.bank.column_words import SAMPLE_ROWS, Layout, decimal_asked, header_words
from ar_excel.bank.date_order import (
    currency_of_a_day_first_country,
    decide_date_order,
    headers_of_a_day_first_language,
    order_named,
    swap_day_month,
    swapped_by_excel,
)
from ar_excel.bank.day_rows import DayRows, narratives_after_their_amount, rows_of_the_day
from ar_excel.bank.dialect import amounts_split_by_the_delimiter, narratives_split_by_the_delimiter
from ar_excel.bank.fees import split_fees
from ar_excel.bank.hijri import hijri_parts, mostly_hijri, to_gregorian
from ar_excel.bank.numbers import (
    decide_decimal,
    decimal_mark,
    parse_amount_column,
    parse_date_column,
)
from ar_excel.bank.page_breaks import lines_copied_at_a_page_break, page_balances_that_disagree
from ar_excel.bank.preamble import (
    CURRENCY_LABEL,
    currency_from_text,
    currency_named,
    current_balance,
    read_preamble,
    section_currencies,
)
from ar_excel.bank.row_screening import (
    a_line_for_all_its_summary_word,
    moves_the_balance,
    screen_rows,
)
from ar_excel.bank.signs import net_of, signed_amounts, signs_from_balance
from ar_excel.bank.statement import (
    THREE_DECIMALS,
    Statement,
    StatementBalance,
    check_running_balance,
    lines_frame,
    tie_out,
    without_zero_amounts,
)
from ar_excel.bank.table_layout import find_layout
from ar_excel.bank.table_narratives import with_structured_narratives
from ar_excel.bank.text import language_of
from ar_excel.bank.two_columns import running_direction
from ar_excel.bank.yearless_dates import (
    is_yearless,
    named_year,
    value_dates_near_booking,
    yearless_sample,
    years_from_the_period,
)
from ar_excel.core.customers.currencies import ISO_4217
from ar_excel.errors import InputError
from ar_excel.model import Issue
from ar_excel.parsing import is_blank, normalize_digits

_PENDING = {"pending", "pend", "pdng", "vorgemerkt", "umsatz vorgemerkt", "en attente", "معلق",
            "قيد التنفيذ"}
# a payment the bank never carried out (Revolut's and Wise's states): no money moved
_NOT_BOOKED = {"reverted", "declined", "failed", "cancelled", "canceled", "rejected", "refused",
               "void", "voided", "abgelehnt", "annule", "annulé", "rejete", "rejeté", "مرفوض",
               "مرفوضة", "ملغي", "ملغى", "ملغاة", "فاشلة"}


def rows_to_statement(rows: list[list[Any]], row_numbers: list[int], source: str, fmt: str,
                      mapping: dict[str, Any] | None = None, day_first: bool | None = None,
                      delimiter: str = ",", layout: Layout | None = None,
                      dates_printed_once: int = 1) -> Statement:
    """Parsed rows of a CSV or sheet (with their 1-based row numbers) -> Statement.

    The layout (header, column roles, decimal mark, date order) is decided once; the columns
    are then parsed whole. Only rows that may not be transactions (no readable date, or no
    amount: totals, balances, repeated headers, narrative carried over) are looked at one by one.
    ``layout``: the one ``find_layout`` gave for these rows, where the caller needed it first.
    ``dates_printed_once``: how many rows without a date of their own it takes to read the
    statement as printing each day's date once (each taking the date above); fewer are
    lines without a date, each reported.
    """
    if layout is None:
        layout = find_layout(rows, mapping, source)
    cols = layout.columns
    header = layout.headers
    data = rows[layout.header_row + 1:]
    mended: list[int] = []
    if fmt == "csv" and "Description" in cols and header:
        data, mended = narratives_split_by_the_delimiter(data, layout, delimiter)
    split_amounts: list[int] = []
    if fmt == "csv" and header:
        data, split_amounts = amounts_split_by_the_delimiter(data, layout, delimiter)
    numbers = row_numbers[layout.header_row + 1:]
    options = mapping or {}
    table = ColumnCells(data)
    n = table.count
    hijri_note = _hijri_to_gregorian(table, cols)
    yearless_notes = []
    year = named_year(options.get("year"), source)
    no_year: tuple[int, str] | None = None  # (column, a date) where no year is known
    for canon in ("Date", "Value Date"):  # "22/11" under "Period: 01/11/2026 - 30/11/2026"
        given = (years_from_the_period(table.cells(cols[canon]), rows[: layout.preamble_end],
                                       year=year) if canon in cols else None)
        if given is not None:
            table.replace(cols[canon], given[0])
            yearless_notes.append((cols[canon], given[1]))
        elif canon in cols and no_year is None and (
                sample := yearless_sample(table.cells(cols[canon]))) is not None:
            no_year = cols[canon], sample

    date_idx = cols.get("Date", cols.get("Value Date"))
    amount_cols = [cols[c] for c in ("Amount", "Debit", "Credit", "Balance") if c in cols]
    decimal = decimal_asked(options, source) or decide_decimal(  # row by row, as the file reads
        v for row in zip(*(table.cells(i) for i in amount_cols), strict=True) for v in row)
    decimal_note = None if decimal_asked(options, source) else _undecided_decimal(
        table, amount_cols, layout, data, delimiter if fmt == "csv" else None,
        rows[: layout.preamble_end])
    if decimal_note is not None:
        decimal = decimal_note[0]

    @cache
    def running_balance() -> np.ndarray | None:
        """The Balance column's figures (NaN where blank or unreadable; None without the
        column): read once, and only where something needs them."""
        return (parse_amount_column(table.cells(cols["Balance"]), decimal)[0]
                if "Balance" in cols else None)

    date_format = options.get("date_format")
    preamble = rows[: layout.preamble_end]
    named_order = order_named(options.get("date_order", options.get("day_first")), source)
    dayfirst, order_note = decide_date_order(
        table.cells(date_idx),
        table.cells(cols["Value Date"]) if "Value Date" in cols and date_idx != cols[
            "Value Date"] else None,
        preamble, day_first if named_order is None else named_order,
        forced=named_order is not None or bool(date_format),
        column=header[date_idx] if date_idx is not None and date_idx < len(header) else "Date",
        locale=_day_first_locale(table, layout, preamble, amount_cols, data[:SAMPLE_ROWS]),
        running=lambda: _balance_direction(table, cols, decimal, running_balance()))
    # a narrative column with the same text on every row names the account product, not the line
    parts = [i for i in layout.parts if not is_constant(table.cells(i), table.blank(i))]
    desc_cols = ([cols["Description"]] if "Description" in cols and not (
        parts and is_constant(table.cells(cols["Description"]), table.blank(cols["Description"])))
        else []) + parts
    if not desc_cols and "Counterparty" in cols:  # "Date | Payee | Amount": the payee says it
        desc_cols = [cols["Counterparty"]]

    found: list[tuple[int, int, Issue]] = []  # (row position, order within the row, issue)
    balances = StatementBalance("1")

    def issue(pos: int, order: int, canon: str, value: Any, message: str) -> None:
        idx = cols.get(canon)
        name = header[idx] if idx is not None and idx < len(header) else canon
        found.append((pos, order, Issue(source, f"row {numbers[pos]}", name, value, message)))

    if layout.note:
        found.append((-1, -1, Issue(source, "", "", None, layout.note)))
    if split_amounts:  # one note: an export writes every amount over a thousand that way
        many = len(split_amounts) > 1
        found.append((-1, 0, Issue(
            source, f"row{'s' if many else ''} {_row_span([numbers[p] for p in split_amounts])}",
            "", len(split_amounts),
            f"{len(split_amounts)} row{'s' if many else ''}: the thousands separator of "
            "amounts is the file's delimiter, without quotes, which split each such amount "
            "over the next column ('2,000.75' as '2' and '000.75'); the parts were joined back "
            "and read as one amount")))
    for pos in mended:
        found.append((pos, -1, Issue(
            source, f"row {numbers[pos]}", header[cols["Description"]],
            data[pos][cols["Description"]],
            "the narrative holds the file's delimiter without quotes, which split it over "
            "the next columns; its parts were joined back and the line kept")))
    if decimal_note is not None:
        found.append((-1, 0, Issue(source, "", header[amount_cols[0]] if amount_cols[0] < len(
            header) else "Amount", decimal_note[1], decimal_note[2])))
    for idx, message in yearless_notes[:1]:
        found.append((-1, 0, Issue(source, "", header[idx] if idx < len(header) else "Date",
                                   None, message)))
    if hijri_note is not None:
        idx, sample, message = hijri_note
        found.append((-1, 0, Issue(source, "", header[idx] if idx < len(header) else "Date",
                                   sample, message)))
    if order_note is not None:
        found.append((-1, 0, Issue(source, "", header[date_idx] if date_idx is not None
                                   and date_idx < len(header) else "Date", order_note[0],
                                   order_note[1])))
    stated_ccy = read_preamble(preamble, balances, decimal, dayfirst)
    # ING Germany's "Saldo;12.345,67;EUR": the balance after the newest line
    current = current_balance(preamble, decimal)  # ("Kontostand" is read as closing there too)
    if current is not None and balances.closing in (None, current):
        balances.closing = current
    else:
        current = None
    file_ccy = layout.currency_hint or stated_ccy or currency_from_text(
        [cell_at(r, i) for r in data[:50] for i in amount_cols])

    raw_dates = table.cells(date_idx)

    def unswapped(idx: int, cells: list[Any]) -> list[Any]:
        """The column with dates Excel swapped put right, and an issue saying so."""
        swapped = swapped_by_excel(cells) if dayfirst and not date_format else []
        if not swapped:
            return cells
        cells = list(cells)
        for pos in swapped:
            cells[pos] = swap_day_month(cells[pos])
        rows_named = ", ".join(str(numbers[pos]) for pos in swapped[:10])
        found.append((-1, 1, Issue(
            source, "", header[idx] if idx < len(header) else "Date", len(swapped),
            f"{len(swapped)} dates were stored as dates with day and month swapped (rows "
            f"{rows_named}{' ...' if len(swapped) > 10 else ''}): the file went through Excel "
            "set to month first, which turned 01/11/2026 into 11 January and left 13/11/2026 "
            "as text. They were read day first, as the dates left as text show")))
        return cells

    raw_dates = unswapped(date_idx, raw_dates)
    booked, _, date_errors = parse_date_column(raw_dates, dayfirst, date_format)
    dated = ~np.isnat(booked)
    empty = (np.logical_and.reduce([table.blank(i) for i in range(table.width)])
             if table.width else np.ones(n, dtype=bool))
    no_money = table.blank(cols.get("Amount")) & table.blank(cols.get("Debit")) & table.blank(
        cols.get("Credit"))
    main = ~empty
    if "_status" in cols:  # before the dating: a pending line may have no booking date yet
        main &= ~_unbooked_by_status(table.cells(cols["_status"]), main, issue)

    screened = screen_rows(data, main, dated, no_money, table, header, preamble, cols,
                           desc_cols, balances, (decimal, dayfirst, date_format))
    main &= ~screened.not_lines
    continued, totals = screened.continued, screened.totals
    closing_at, sections = screened.closing_at, screened.sections
    foot = _foot(main, dated, no_money, [p for p, _ in totals] + (
        [closing_at] if closing_at is not None else []))  # summary rows may sit under it
    day, anchor = _dates_printed_once(data, main, dated, no_money, empty, table, cols, desc_cols,
                                      booked, foot, decimal, dates_printed_once)
    narratives_after_their_amount(day, [pos for pos, _, _ in continued], main & ~no_money,
                                  anchor)
    if day.dated_from:
        takers = sorted(day.dated_from)
        dated[takers] = True
        main[list(day.heads)] = False  # each opens the transaction of its amount row
        rows_named = ", ".join(str(numbers[pos]) for pos in takers[:10])
        found.append((-1, 1, Issue(
            source, "", header[date_idx] if date_idx is not None and date_idx < len(header)
            else "Date", len(takers),
            f"{len(takers)} {'lines have no date of their' if len(takers) > 1 else 'line has no date of its'} "
            f"own (row{'s' if len(takers) > 1 else ''} {rows_named}"
            f"{' ...' if len(takers) > 10 else ''}): the statement prints each day's date "
            "once, so each took the date of the dated row above it"
            + ("; a dated row without an amount and the rows down to the amount below it "
               "were read as one transaction" if day.heads else ""))))

    date_column = "Date" if "Date" in cols else "Value Date"
    undated = np.flatnonzero(main & ~dated).tolist()
    without_year = ([pos for pos in undated if is_yearless(raw_dates[pos])]
                    if no_year is not None and no_year[0] == date_idx else [])
    if without_year:
        rows_named = _row_span([numbers[pos] for pos in without_year])
        found.append((-1, 2, Issue(
            source, f"row{'s' if len(without_year) > 1 else ''} {rows_named}",
            header[date_idx] if date_idx < len(header) else "Date", no_year[1],
            f"the dates carry no year ('{no_year[1]}', {len(without_year)} "
            f"line{'s' if len(without_year) > 1 else ''}) and nothing above the table names "
            "the statement's year, so the lines cannot be dated and were left out: export "
            "the statement with full dates, or name the year with --bank-columns "
            "\"year=<year the statement begins in>\"")))
    skipped = set(without_year)
    for pos in undated:
        if pos in skipped:
            continue
        raw = raw_dates[pos]
        if no_money[pos] and not is_blank(raw):  # "Page 1 of 2", a printed footer
            issue(pos, 0, date_column, raw, f"row with no date and no amount ('{raw}'): not a "
                  "transaction; left out")
            continue
        label = " ".join(str(c).strip() for c in data[pos] if isinstance(c, str) and c.strip())
        if is_blank(raw) and _SUMMARY_LABEL.search(label) and (  # "No. of credits | 2"
                no_money[pos] or not a_line_for_all_its_summary_word(data, pos, cols, decimal,
                                                                     label)):
            issue(pos, 0, date_column, label, f"summary row without a date ('{label}'): not a "
                  "transaction; left out")
            continue
        issue(pos, 0, date_column, raw, f"date '{raw}' could not be read "
              f"({date_errors.get(pos, 'blank')}); the line was left out")
    live = main & dated

    if "Value Date" in cols and "Date" in cols:
        raw_values = unswapped(cols["Value Date"], table.cells(cols["Value Date"]))
        if not yearless_notes or all(idx != cols["Value Date"] for idx, _ in yearless_notes):
            raw_values, _ = value_dates_near_booking(raw_values, booked, dayfirst)
        value_dates, _, value_errors = parse_date_column(raw_values, dayfirst, date_format)
        for pos in sorted(value_errors):
            if live[pos]:  # the booking date is what matching needs: keep the line
                issue(pos, 1, "Value Date", raw_values[pos], f"value date '{raw_values[pos]}' "
                      "could not be read; the line was kept with its booking date")
    elif "Date" not in cols:
        value_dates = booked
    else:
        value_dates = np.full(n, np.datetime64("NaT"), dtype="datetime64[ns]")

    amount, failed = signed_amounts(table, cols, decimal, live, issue, header,
                                    balance_of=running_balance)
    live &= ~failed
    for pos in np.flatnonzero(live & np.isnan(amount)).tolist():
        issue(pos, 5, "Amount" if "Amount" in cols else "Credit", None,
              "no amount on this line; the line was left out")
    live &= ~np.isnan(amount)

    kept = np.flatnonzero(live)
    if closing_at is not None and (kept < closing_at).any() and (kept > closing_at).any():
        # a page's "carried forward" with lines after it: not the statement's closing balance
        balances.closing = balances.closing_date = None
    printed = running_balance() if screened.not_lines.any() else None
    for pos, above, proven in lines_copied_at_a_page_break(data, kept, screened.not_lines,
                                                           printed):
        if proven:
            live[pos] = False
        issue(pos, 0, date_column, raw_dates[pos], (
            f"this line repeats row {numbers[above]}, the last line of the page before, cell "
            "for cell" + (", with the same running balance: the line copied twice at the page "
                          "break; left out" if proven else
                          "; the file has no running balance to tell a line copied twice at "
                          "the page break from two like transactions: kept, so check it "
                          "against the bank's statement")))
    kept = np.flatnonzero(live)
    _page_breaks(screened, kept, amount, printed, balances.opening, issue, numbers)
    for pos, label, figure in screened.unnamed_balances:
        issue(pos, 0, "Balance", figure, f"row with a balance ({figure}) but no date and no "
              f"amount, under '{label}', which names no opening or closing balance: not a "
              "transaction and not read as the statement's balance; left out")
    if screened.page_numbers:
        pos, page = screened.page_numbers[0]
        named = ", ".join(str(numbers[p]) for p, _ in screened.page_numbers[:10])
        more = " ..." if len(screened.page_numbers) > 10 else ""
        where = next((i for i, c in enumerate(data[pos]) if not is_blank(c)), 0)
        found.append((pos, 0, Issue(
            source, f"row {numbers[pos]}", header[where] if where < len(header) else "", page,
            f"page number{'s' if len(screened.page_numbers) > 1 else ''} ('{page}', row"
            f"{'s' if len(screened.page_numbers) > 1 else ''} {named}{more}): the statement's "
            "page breaks, not a transaction; left out")))
    for pos, label, text in totals_that_differ(totals, data, cols, decimal, amount, kept):
        issue(pos, 0, "Amount" if "Amount" in cols else "Credit", label,
              "totals row left out, but it does not agree with the lines above it: " + text)
    descriptions = _descriptions(table, desc_cols, cols.get("_posting_text"), kept)
    leading: dict[int, list[tuple[int, str]]] = {}  # amount row -> narrative rows above it
    for head, pos in day.heads.items():
        if live[pos]:
            leading.setdefault(pos, []).append((head, _row_narrative(data[head], desc_cols)))
    if continued:  # narrative carried over to the next rows belongs to the line above
        last_kept = np.maximum.accumulate(np.where(live, np.arange(n), -1))
        carried: dict[int, list[str]] = {}
        for pos, desc, texts in continued:
            target = day.lead_target(pos, live, anchor)
            if foot[pos] and _SUMMARY_LABEL.search(texts):  # "Available balance" at the foot
                found.append((pos, 0, Issue(source, f"row {numbers[pos]}", "", texts,
                              f"summary row under the closing balance ('{desc}'): not a "
                              "transaction; left out")))
            elif target is not None:  # amounts on a transaction's last row: leads the one below
                leading.setdefault(target, []).append((pos, desc))
            elif last_kept[pos] >= 0:
                carried.setdefault(int(last_kept[pos]), []).append(desc)
            else:
                found.append((pos, 0, Issue(source, f"row {numbers[pos]}", "", texts,
                              "row has text but no date and no amount; not a transaction")))
        slot = {int(p): k for k, p in enumerate(kept.tolist())}
        for pos, more in carried.items():
            k = slot[pos]
            descriptions[k] = " ".join(filter(None, [descriptions[k], *more]))
    if leading:
        slot = {int(p): k for k, p in enumerate(kept.tolist())}
        for pos, texts in leading.items():
            k = slot[pos]
            descriptions[k] = " ".join(filter(None, [*(t for _, t in sorted(texts)),
                                                     descriptions[k]]))

    if screened.no_movement and not len(kept):
        found.append((-1, 2, Issue(source, "", "", screened.no_movement,
                                   "the statement has no transactions for its period (it says "
                                   f"'{screened.no_movement}')")))
    found.sort(key=lambda item: (item[0], item[1]))
    issues = [item[2] for item in found]
    if not len(kept) and without_year and not screened.no_movement:
        first = next(i for i in issues if i.message.startswith("the dates carry no year"))
        raise InputError(f"{source}: {first.cell}, {first.column}: {first.message}")
    if not len(kept) and issues and not screened.no_movement:
        # the first row that failed, not a note about the whole file (the date order, the
        # layout), which would send the clerk looking for the wrong fault
        first = next((i for i in issues if i.cell), issues[0])
        where = ", ".join(filter(None, (first.cell, first.column)))
        raise InputError(
            f"{source}: no line of the statement could be used; the first problem: "
            f"{where + ': ' if where else ''}{first.message}. If a column was "
            "misread, name it with --bank-columns \"Date=<header>;Amount=<header>\" (also "
            "date_format=%d.%m.%Y, decimal=,)"
        )

    kept_rows = kept.tolist()

    def kept_cells(canon: str) -> list[Any]:
        if canon not in cols:
            return [None] * len(kept_rows)
        return list(map(table.cells(cols[canon]).__getitem__, kept_rows))

    def party_cells(canon: str) -> list[str | None]:
        """The other party's name or account: the chosen column, its blanks filled from the
        role's other columns (the payee of a payment out beside the payer of money in)."""
        texts = cell_texts(kept_cells(canon))
        if canon == "Counterparty" and layout.payer_payee is not None:
            payer, payee = (cell_texts(list(map(table.cells(i).__getitem__, kept_rows)))
                            for i in layout.payer_payee)
            money_in = amount[kept] > 0
            texts = [(a or b) if inward else (b or a) for a, b, inward in
                     zip(payer, payee, money_in.tolist(), strict=True)]
        for idx in layout.alternates.get(canon, []):
            more = cell_texts(list(map(table.cells(idx).__getitem__, kept_rows)))
            texts = [t if t is not None else m for t, m in zip(texts, more, strict=True)]
        return texts

    column = running_balance()  # an unreadable running balance does not cost the line
    balance = column[kept] if column is not None else None
    line_numbers = np.asarray(numbers, dtype=np.int64)[kept] if n else np.zeros(0, np.int64)
    lines = lines_frame({
        "Date": booked[kept],
        "Value Date": value_dates[kept],
        "Amount": amount[kept],  # rounded to each currency's minor unit by lines_frame
        "Currency": [c or section_ccy for c, section_ccy in zip(
            per_value(kept_cells("Currency"), currency_code),
            section_currencies(kept, sections, file_ccy), strict=True)],
        "Description": descriptions,
        "Reference": real_references(cell_texts(kept_cells("Reference"))),
        "Counterparty": party_cells("Counterparty"),
        "Counterparty Account": _counterparty_accounts(
            party_cells("Counterparty Account"),
            header[cols["Counterparty Account"]] if "Counterparty Account" in cols
            and cols["Counterparty Account"] < len(header) else "", balances),
        "Bank Ref": cell_texts(kept_cells("Bank Ref")),
        "Balance": balance,
        "Statement": ["1"] * len(kept),
        "Line No": line_numbers.tolist(),
    }, len(kept))
    lines = with_structured_narratives(lines)
    _currency_of_the_own_account(lines, balances)
    if "_fee" in cols and len(lines):
        lines, fee_issues = split_fees(
            lines, parse_amount_column(kept_cells("_fee"), decimal)[0], source,
            header[cols["_fee"]] if cols["_fee"] < len(header) else "Fee",
            parse_amount_column(kept_cells("_net"), decimal)[0] if "_net" in cols else None)
        issues += fee_issues
    if "_balance_before" in cols and balances.opening is None and len(lines):
        _balances_of_the_chain(parse_amount_column(kept_cells("_balance_before"), decimal)[0],
                               lines, balances)
    if current is not None and len(lines):
        differs = _ends_of_the_lines(lines, balances)
        if differs:
            issues.append(Issue(source, "", "Balance", current, differs))
    stated = [balances] if balances.opening is not None or balances.closing is not None else []
    if stated and lines["Currency"].notna().any():
        balances.currency = lines["Currency"].dropna().iloc[0]
    if ("Balance" in cols and "Amount" in cols and not {"_sign", "Debit", "Credit"} & set(cols)
            and len(lines) > 1 and (lines["Amount"] >= 0).all()):
        issues += signs_from_balance(lines, balances.opening, source,
                                      header[cols["Amount"]] if cols["Amount"] < len(header)
                                      else "Amount")
    if ("Amount" in cols and not {"_sign", "Debit", "Credit", "Balance"} & set(cols)
            and not (balances.opening is not None and balances.closing is not None)
            and len(lines) >= 2 and (lines["Amount"] > 0).all()):
        outgoing = [int(no) for no, text in zip(lines["Line No"], lines["Description"],
                                                strict=True) if text and _MONEY_OUT.search(text)]
        if outgoing:
            name = header[cols["Amount"]] if cols["Amount"] < len(header) else "Amount"
            named = ", ".join(map(str, outgoing[:10])) + (" ..." if len(outgoing) > 10 else "")
            issues.append(Issue(source, "", name, len(outgoing), (
                f"every amount is positive and nothing in the file tells money out from money "
                "in (no debit/credit column or mark, no running balance, no stated balances), "
                f"so every line was read as money in, though rows {named} read like payments "
                "out (fees, cheques paid, withdrawals). Export the statement with debit and "
                "credit columns or signed amounts")))
    if "Balance" in cols:
        left_out = {int(i.cell[4:]) for i in issues if i.cell.startswith("row ")
                    and i.cell[4:].isdigit()} - {numbers[p] for p, _ in screened.page_numbers}
        name = header[cols["Balance"]] if cols["Balance"] < len(header) else ""
        currencies = lines["Currency"].dropna().unique().tolist()
        if len(currencies) > 1 and lines["Currency"].notna().all():
            # a multi-currency account (Wise, Revolut): each currency runs its own balance
            for ccy in sorted(currencies):
                issues += check_running_balance(
                    lines[lines["Currency"] == ccy].reset_index(drop=True), source,
                    name or "Balance", left_out)
        else:
            issues += check_running_balance(lines, source, name or "Balance", left_out)
    money = next((header[cols[c]] for c in ("Amount", "Credit", "Debit")
                  if c in cols and cols[c] < len(header) and header[cols[c]]), "Amount")
    lines, zero = without_zero_amounts(lines, [f"row {no}" for no in lines["Line No"].tolist()],
                                       source, str(money))
    issues += zero
    issues += tie_out(stated, lines, source)
    closing_row = (numbers[closing_at] if closing_at is not None and balances.closing is not None
                   else None)
    return Statement(lines, stated, issues, fmt, source, closing_row=closing_row)


def _page_breaks(screened: Any, kept: np.ndarray, amount: np.ndarray,
                 balance: np.ndarray | None, opening: float | None, issue: Any,
                 numbers: list[int]) -> None:
    """Each balance brought or carried forward between pages that is not the running balance
    at its place, reported at its cell (a line lost or misread at the page break)."""
    if not screened.page_balances:
        return
    starts = [p for p, _ in screened.sections]  # another account's lines: not this balance's
    breaks = [b for b in screened.page_balances
              if not any(s < b[0] for s in starts)]
    labels = {p: label for p, _, _, label in breaks}
    for pos, stated, running, anchor, last in page_balances_that_disagree(
            breaks, kept, amount, balance, opening):
        if anchor is None:
            whose = "the opening balance"
        elif anchor in labels:
            whose = f"the balance of row {numbers[anchor]} ('{labels[anchor]}')"
        else:
            whose = f"the balance of row {numbers[anchor]}"
        whose += (f" plus the lines down to row {numbers[last]}" if last is not None else
                  ", the line above it" if anchor is not None and anchor not in labels
                  else " above it" if anchor is not None else "")
        d = 3 if any(round(v, 2) != round(v, 3) for v in (stated, running)) else 2  # fils
        issue(pos, 0, "Balance", stated,
              f"'{labels[pos]}' between pages is {stated:,.{d}f}, but the running balance "
              f"there is {running:,.{d}f} ({whose}; difference {stated - running:,.{d}f}): a "
              "line may be missing at the page break, or misread")


# the words of a summary row printed without a date under the lines (never a transaction
# that takes the date above): balances other than opening/closing, counts of lines
_SUMMARY_LABEL = re.compile(r"(?i)balance|saldo|solde|kontostand|رصيد|\b(number|no\.?|count)\s+"
                            r"of\b|\bcount\b|عدد|anzahl|nombre\s+d|available|blocked|on hold|"
                            r"\bnet\s+(movement|change|total|amount|flow)|turnover|صافي|"
                            r"الإجمالي|اجمالي|إجمالي|\btotals?\b")


# the first word of a short summary label under the lines ("صافي الحركة", "Net movement",
# "Total credits", "إجمالي الحركات الدائنة"); not "balance": a line's narrative may open so
_WORD = re.compile(r"[^\d.,'()+\-]")  # a word, not an amount or a count
_SUMMARY_HEAD = re.compile(r"(?i)\s*(net\s+(movement|change|total|amount|flow)|totals?|sum|"
                           r"subtotal|turnover|(closing|available)\s+balance|صافي|إجمالي|"
                           r"اجمالي|الإجمالي|الاجمالي|مجموع|المجموع)(\s|:|$)")


# a summary row counting the lines ("No. of credits | 3", "عدد الحركات الدائنة | 2")
_COUNT_LABEL = re.compile(r"(?i)(?:(?:number|no\.?|count)\s+of\b|count\b|عدد|anzahl|"
                          r"nombre\s+d)")


# narratives of money going out: a statement whose every amount is positive and unsigned
# but has these lines has lost its signs
_MONEY_OUT = re.compile(
    r"(?i)\b(fees?|charges?|commission|withdrawal|atm|pos purchase|direct debit|standing order|"
    r"cheque paid|chq paid|check paid|outward|payment to|transfer to)\b|عمولة|عمولات|مصاريف|"
    r"رسوم|سحب|خصم|صادر")


_DECIMAL_COMMA_LANGUAGES = {"de": "German", "fr": "French", "pl": "Polish", "cs": "Czech",
                            "hu": "Hungarian"}


def _undecided_decimal(table: ColumnCells, amount_cols: list[int], layout: Layout,
                       data: list[list[Any]], delimiter: str | None,
                       preamble: list[list[Any]]) -> tuple[str, str, str] | None:
    """Where no amount shows its decimal mark and some read both ways (``1.250``: one and a
    quarter, or twelve hundred and fifty), the mark the file's language or delimiter writes
    (German, French... and ';'-separated files: the comma), else the point; with the note
    for the clerk (mark, sample, message). None where the amounts leave no doubt."""
    texts = [v for i in amount_cols for v in table.cells(i)[:SAMPLE_ROWS * 5]
             if isinstance(v, str) and v]
    if any(decimal_mark(v) for v in texts):
        return None
    both = [v for v in texts if _EITHER_MARK.search(normalize_digits(v))]
    if not both:
        return None
    codes = {c for c in _currencies_named(table, layout, preamble, amount_cols) if c}
    if codes and codes <= THREE_DECIMALS and not any("," in v for v in both):
        return None  # dinars written to the fils ("250.500"): the point is the mark
    language = language_of(" ".join([*layout.headers, *(str(c) for r in data[:20] for c in r
                                                        if isinstance(c, str))]))
    why = None
    if language in _DECIMAL_COMMA_LANGUAGES:
        why = f"the headers are {_DECIMAL_COMMA_LANGUAGES[language]}"
    elif delimiter == ";":
        why = "the file is separated by ';', as where the comma is the decimal mark"
    mark = "," if why else "."
    value = parse_amount_column([both[0]], mark)[0][0]
    return mark, both[0], (
        f"no amount in the file shows its decimal mark: '{both[0]}' and {len(both) - 1} more "
        f"like it were read with '{mark}' as the decimal mark ('{both[0]}' = "
        f"{value:,.{3 if round(value, 2) != value else 2}f}), "
        f"{'because ' + why if why else 'the more common reading'}. If that is wrong, name "
        f"the mark with --bank-columns \"decimal={'.' if why else ','}\"")


_EITHER_MARK = re.compile(r"\d[.,]\d{3}(?![\d.,])")


def _unbooked_by_status(statuses: list[Any], main: np.ndarray,
                       issue: Callable[[int, int, str, Any, str], None]) -> np.ndarray:
    """Rows whose status says the bank has not booked them: pending (they come on a later
    statement) or never carried out (declined, reverted: no money moved); each is named."""
    words = per_value(statuses, lambda v: str(v or "").strip().lower())
    pending = np.array([w in _PENDING for w in words], dtype=bool) & main
    never = np.array([w in _NOT_BOOKED for w in words], dtype=bool) & main
    for pos in np.flatnonzero(pending).tolist():
        issue(pos, 6, "_status", statuses[pos],
              "pending (not yet booked) line left out; it will come on a later statement")
    for pos in np.flatnonzero(never).tolist():
        issue(pos, 6, "_status", statuses[pos],
              f"the bank did not carry this payment out (status '{statuses[pos]}'): no money "
              "moved, so the line was left out")
    return pending | never


def _row_narrative(row: list[Any], desc_cols: list[int]) -> str:
    return " ".join(str(cell_at(row, i)) for i in desc_cols if not is_blank(cell_at(row, i)))


def _dates_printed_once(data: list[list[Any]], main: np.ndarray, dated: np.ndarray,
                        no_money: np.ndarray, empty: np.ndarray, table: ColumnCells,
                        cols: dict[str, int], desc_cols: list[int], booked: np.ndarray,
                        foot: np.ndarray, decimal: str, at_least: int = 1
                        ) -> tuple[DayRows, np.ndarray]:
    """Rows without a date of their own that take the date above (``day_rows``), where there
    are ``at_least`` of them; their dates are set in ``booked``."""
    text_cols = [*desc_cols, *(cols[c] for c in ("Reference", "Counterparty", "_posting_text")
                               if c in cols)]
    has_text = np.zeros(len(main), dtype=bool)
    for i in text_cols:
        has_text |= ~table.blank(i)
    own_dates = np.flatnonzero(main & dated & ~no_money)
    last_dated = int(own_dates[-1]) if len(own_dates) else -1
    for pos in np.flatnonzero(has_text & main & ~dated & ~no_money).tolist():
        label = " ".join(str(c).strip() for c in data[pos] if isinstance(c, str)).strip()
        # "No. of credits | 3", "Available balance" under the closing balance: no
        # transaction; a line of the day whose narrative mentions a balance ("BALANCE
        # TRANSFER", "PAYMENT OF OUTSTANDING BALANCE", "سداد رصيد") is one. Under the
        # last line, a short label that opens with a summary word ("صافي الحركة", "Net
        # movement", "Total credits") sums the lines even without a totals row above it.
        if _COUNT_LABEL.match(label) or (
                foot[pos] and _SUMMARY_LABEL.search(label)
                and not a_line_for_all_its_summary_word(data, pos, cols, decimal, label)) or (
                pos > last_dated and _summary_label(label)
                and not moves_the_balance(data, pos, cols, decimal)):
            has_text[pos] = False
    # a row with a value date but no booking date has a date of its own (not yet booked,
    # perhaps): it does not take the one above
    undated = table.blank(cols.get("Date", cols.get("Value Date"))) & table.blank(
        cols.get("Value Date"))
    day, anchor = rows_of_the_day(main, dated, undated, no_money, has_text, empty)
    if len(day.dated_from) < at_least:  # a date left out here and there: no such layout
        day = DayRows(memos=day.memos)
    for pos, above in day.dated_from.items():
        booked[pos] = booked[above]
    return day, anchor


def _summary_label(label: str) -> bool:
    """A short label of words only, opening with a summary word ("صافي الحركة", "Total
    credits"): no narrative of a payment, which names a payer or a reference."""
    words = [w for w in label.split() if _WORD.search(w)]
    return bool(_SUMMARY_HEAD.match(label)) and len(words) <= 4 and not any(
        ch.isdigit() for w in words for ch in w)


def _foot(main: np.ndarray, dated: np.ndarray, no_money: np.ndarray, stops: list[int]
          ) -> np.ndarray:
    """The rows under the statement's foot: below a totals or closing balance row
    (``stops``) that comes after the last line dated on its own row."""
    foot = np.zeros(len(main), dtype=bool)
    lines = np.flatnonzero(main & dated & ~no_money)
    after = [p for p in stops if not len(lines) or p > lines[-1]]
    if after:
        foot[min(after) + 1:] = True
    return foot


def _hijri_to_gregorian(table: ColumnCells, cols: dict[str, int]
                        ) -> tuple[int, str, str] | None:
    """Date columns written in the Hijri calendar, made Gregorian in place; the note for the
    clerk (column, sample, message)."""
    note = None
    for canon in ("Date", "Value Date"):
        idx = cols.get(canon)
        if idx is None or not mostly_hijri(table.cells(idx)):
            continue
        cells = table.cells(idx)
        table.replace(idx, per_value(cells, to_gregorian))
        sample = next(c for c in cells if hijri_parts(c) is not None)
        note = note or (idx, sample, (
            f"the dates are in the Hijri calendar ('{sample}'); they were read as Umm al-Qura "
            f"dates and converted to Gregorian ('{sample}' = {to_gregorian(sample):%d %b %Y})"))
    return note


def _balance_direction(table: ColumnCells, cols: dict[str, int], decimal: str,
                       balance: np.ndarray | None) -> int | None:
    """+1 where the running balance (``balance``: None without one) follows the rows top down
    (each balance is the one above plus the row's amount: oldest first), -1 where it follows
    them bottom up (newest first), None where it says neither."""
    if balance is None:
        return None
    if "Amount" in cols:
        net = parse_amount_column(table.cells(cols["Amount"]), decimal)[0]
    elif "Debit" in cols or "Credit" in cols:
        debit, credit = (parse_amount_column(table.cells(cols[c]), decimal)[0] if c in cols
                         else np.full(table.count, np.nan) for c in ("Debit", "Credit"))
        net = net_of(debit, credit)
    else:
        return None
    return running_direction(balance, net)


_ARABIC = re.compile(r"[\u0600-\u06FF]")


def _day_first_locale(table: ColumnCells, layout: Layout, preamble: list[list[Any]],
                      amount_cols: list[int], sample: list[list[Any]]) -> str | None:
    """Why the file comes from a country that writes the day first, if it says so: headers in
    its language, Arabic text (every Arab country writes the day first), or its currency (the
    Currency column, a header, the account lines, a code at the amounts)."""
    if headers_of_a_day_first_language(layout.headers):
        return "the headers are in a language of countries that write the day first"
    if any(isinstance(c, str) and _ARABIC.search(c) for row in (*preamble, *sample)
           for c in row):
        return "the file is written in Arabic, and Arab countries write the day first"
    code = currency_of_a_day_first_country(_currencies_named(table, layout, preamble,
                                                             amount_cols))
    return f"the account is in {code}, the money of countries that write the day first" \
        if code else None


def _currencies_named(table: ColumnCells, layout: Layout, preamble: list[list[Any]],
                      amount_cols: list[int]) -> list[str | None]:
    """The currencies the file names for its account: a header's code, the Currency column,
    the account lines above the header, a code or symbol at the amounts."""
    cols = layout.columns
    codes = [layout.currency_hint]
    if "Currency" in cols:
        codes += [currency_code(v) for v in dict.fromkeys(table.cells(cols["Currency"])[:200])]
    codes += [m.group(1).upper() for row in preamble for c in row if isinstance(c, str)
              for m in [CURRENCY_LABEL.search(c)] if m]
    codes += [currency_named(row) for row in preamble]  # "Currency: | Kuwaiti Dinar"
    if "Counterparty Account" in cols:  # Lloyds: "300000-12345678 GBP" on every line
        accounts = {str(v).strip() for v in table.cells(cols["Counterparty Account"])[:200]
                    if not is_blank(v)}
        own = re.fullmatch(r".*\d\s+([A-Z]{3})", accounts.pop()) if len(accounts) == 1 else None
        codes += [own.group(1)] if own and own.group(1) in ISO_4217 else []
    codes.append(currency_from_text([v for i in amount_cols for v in table.cells(i)[:50]]))
    return codes


def _descriptions(table: ColumnCells, desc_cols: list[int], posting_idx: int | None,
                  kept: np.ndarray) -> list[str]:
    """The narrative of each kept row: its narrative cells, then the posting text unless it
    repeats one of them."""
    columns = [(table.cells(i), table.blank(i)) for i in desc_cols]
    if len(columns) == 1 and posting_idx is None and set(map(type, columns[0][0])) == {str}:
        return list(map(columns[0][0].__getitem__, kept.tolist()))  # one narrative cell each
    posting = table.cells(posting_idx) if posting_idx is not None else None
    posting_blank = table.blank(posting_idx) if posting_idx is not None else None
    out = []
    for p in kept.tolist():
        parts = [str(values[p]) for values, blank in columns if not blank[p]]
        if posting is not None and not posting_blank[p] and str(posting[p]) not in parts:
            parts.append(str(posting[p]))
        out.append(" ".join(parts))
    return out


_COUNTERPARTY_WORDS = {"counterparty", "payer", "payee", "beneficiary", "partner", "remitter",
                       "tegenrekening", "gegenkonto", "empfanger", "auftraggeber", "مستفيد",
                       "المحول", "المستفيد", "zahlungspflichtiger", "beguenstigter"}


def _balances_of_the_chain(before: np.ndarray, lines: Any, balances: StatementBalance) -> None:
    """ABN AMRO's TXT export prints each line's balance before and after it: the line whose
    balance before no other line ends on opens the statement, the one whose balance after no
    other line starts from closes it (where each is one line), so the file is tied out."""
    after = lines["Balance"].to_numpy(dtype="float64")
    if len(before) != len(after) or np.isnan(before).any() or np.isnan(after).any():
        return
    ends, starts = set(np.round(after, 2).tolist()), set(np.round(before, 2).tolist())
    first = [i for i, b in enumerate(np.round(before, 2).tolist()) if b not in ends]
    last = [i for i, a in enumerate(np.round(after, 2).tolist()) if a not in starts]
    if len(first) == 1 and len(last) == 1:
        balances.opening = float(before[first[0]])
        balances.closing = float(after[last[0]])
        balances.opening_date = lines["Date"].iloc[first[0]]
        balances.closing_date = lines["Date"].iloc[last[0]]


def _ends_of_the_lines(lines: Any, balances: StatementBalance) -> str | None:
    """The statement's balance stated above the table as the account's balance now (ING
    Germany) is the balance after its newest line; where the lines print a running balance,
    the one before the oldest line opens the statement. Where the newest line's running
    balance is another figure, the balance above is of a later day (a period ending before
    the export) or the last lines are missing: it is not taken as the closing balance, and
    the message returned says so."""
    dates = lines["Date"]
    newest_first = len(lines) > 1 and dates.iloc[0] > dates.iloc[-1]
    oldest, newest = (len(lines) - 1, 0) if newest_first else (0, len(lines) - 1)
    balances.closing_date = dates.max()
    balance = lines["Balance"].iloc[oldest]
    if balances.opening is None and balance == balance and balance is not None:
        balances.opening = round(float(balance) - float(lines["Amount"].iloc[oldest]), 3)
        balances.opening_date = dates.iloc[oldest]
    last = lines["Balance"].iloc[newest]
    if last is None or last != last or round(float(last) - balances.closing, 3) == 0:
        return None
    stated = balances.closing
    balances.closing = balances.closing_date = None
    return (f"the balance above the table ({stated:,.2f}) is not the running balance after "
            f"the newest line ({float(last):,.2f}, row {int(lines['Line No'].iloc[newest])}): "
            "it is of a later day (a period ending before the file was made) or the "
            "statement's last lines are missing; not taken as the closing balance")


def _currency_of_the_own_account(lines: Any, balances: StatementBalance) -> None:
    """Lloyds writes the account as "300000-12345678 GBP" on every line: the code after the
    number is the account's currency, where nothing else in the file names one."""
    m = re.fullmatch(r"(.*\d)\s+([A-Z]{3})", balances.account or "")
    if m and m.group(2) in ISO_4217 and len(lines) and lines["Currency"].isna().all():
        balances.account = m.group(1)
        lines["Currency"] = m.group(2)


def _counterparty_accounts(values: list[str | None], header: str,
                           balances: StatementBalance) -> list[str | None]:
    """A generic account column ("Account Number") holding one number on every line is the
    statement's own account (Lloyds, HSBC exports repeat it), not who paid: kept as the
    statement's account, and no line is said to come from it."""
    filled = {v for v in values if v}
    if (len(values) >= 3 and len(filled) == 1 and all(values)
            and not header_words(header) & _COUNTERPARTY_WORDS):
        balances.account = balances.account or next(iter(filled))
        return [None] * len(values)
    return values


def _row_span(rows: list[int]) -> str:
    """"2-31" for rows one after another, else the first ten named ("2, 5, 9 ...")."""
    if rows == list(range(rows[0], rows[0] + len(rows))):
        return f"{rows[0]}-{rows[-1]}" if len(rows) > 1 else str(rows[0])
    return ", ".join(map(str, rows[:10])) + (" ..." if len(rows) > 10 else "")
