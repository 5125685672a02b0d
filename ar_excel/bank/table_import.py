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
from functools import cache
from typing import Any

import numpy as np

from ar_excel.bank.balance_rows import (
    totals_that_differ,
)
from ar_excel.bank.booking_status import unbooked_by_status
from ar_excel.bank.cells import (
    ColumnCells,
    cell_at,
    cell_texts,
    currency_code,
    is_constant,
    per_value,
    real_references,
)
from ar_excel.bank.column_words import SAMPLE_ROWS, Layout, decimal_asked
from ar_excel.bank.date_order import (
    decide_date_order,
    order_named,
    swap_day_month,
    swapped_by_excel,
)
from ar_excel.bank.day_rows import narratives_after_their_amount
from ar_excel.bank.dialect import amounts_split_by_the_delimiter, narratives_split_by_the_delimiter
from ar_excel.bank.fees import split_fees
from ar_excel.bank.line_balances import (
    balances_of_the_chain,
    ends_of_the_lines,
    report_page_balances,
)
from ar_excel.bank.narrative_columns import (
    counterparty_accounts,
    currency_of_the_own_account,
    line_descriptions,
    row_narrative,
)
from ar_excel.bank.numbers import (
    decide_decimal,
    parse_amount_column,
    parse_date_column,
)
from ar_excel.bank.page_breaks import lines_copied_at_a_page_break
from ar_excel.bank.preamble import (
    currency_from_text,
    current_balance,
    read_preamble,
    section_currencies,
)
from ar_excel.bank.row_screening import (
    a_line_for_all_its_summary_word,
    screen_rows,
)
from ar_excel.bank.signs import signed_amounts, signs_from_balance
from ar_excel.bank.statement import (
    Statement,
    StatementBalance,
    check_running_balance,
    lines_frame,
    tie_out,
    without_zero_amounts,
)
from ar_excel.bank.statement_locale import (
    balance_direction,
    day_first_locale,
    undecided_decimal,
)
from ar_excel.bank.summary_rows import (
    SUMMARY_LABEL,
    rows_under_the_foot,
)
from ar_excel.bank.table_dates import hijri_to_gregorian, rows_taking_the_date_above
from ar_excel.bank.table_layout import find_layout
from ar_excel.bank.table_narratives import with_structured_narratives
from ar_excel.bank.yearless_dates import (
    is_yearless,
    named_year,
    value_dates_near_booking,
    yearless_sample,
    years_from_the_period,
)
from ar_excel.errors import InputError
from ar_excel.model import Issue
from ar_excel.parsing import is_blank


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
    hijri_note = hijri_to_gregorian(table, cols)
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
    decimal_note = None if decimal_asked(options, source) else undecided_decimal(
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
        locale=day_first_locale(table, layout, preamble, amount_cols, data[:SAMPLE_ROWS]),
        running=lambda: balance_direction(table, cols, decimal, running_balance()))
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
        main &= ~unbooked_by_status(table.cells(cols["_status"]), main, issue)

    screened = screen_rows(data, main, dated, no_money, table, header, preamble, cols,
                           desc_cols, balances, (decimal, dayfirst, date_format))
    main &= ~screened.not_lines
    continued, totals = screened.continued, screened.totals
    closing_at, sections = screened.closing_at, screened.sections
    foot = rows_under_the_foot(main, dated, no_money, [p for p, _ in totals] + (
        [closing_at] if closing_at is not None else []))  # summary rows may sit under it
    day, anchor = rows_taking_the_date_above(data, main, dated, no_money, empty, table, cols, desc_cols,
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
        if is_blank(raw) and SUMMARY_LABEL.search(label) and (  # "No. of credits | 2"
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
    report_page_balances(screened, kept, amount, printed, balances.opening, issue, numbers)
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
    descriptions = line_descriptions(table, desc_cols, cols.get("_posting_text"), kept)
    leading: dict[int, list[tuple[int, str]]] = {}  # amount row -> narrative rows above it
    for head, pos in day.heads.items():
        if live[pos]:
            leading.setdefault(pos, []).append((head, row_narrative(data[head], desc_cols)))
    if continued:  # narrative carried over to the next rows belongs to the line above
        last_kept = np.maximum.accumulate(np.where(live, np.arange(n), -1))
        carried: dict[int, list[str]] = {}
        for pos, desc, texts in continued:
            target = day.lead_target(pos, live, anchor)
            if foot[pos] and SUMMARY_LABEL.search(texts):  # "Available balance" at the foot
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
        "Counterparty Account": counterparty_accounts(
            party_cells("Counterparty Account"),
            header[cols["Counterparty Account"]] if "Counterparty Account" in cols
            and cols["Counterparty Account"] < len(header) else "", balances),
        "Bank Ref": cell_texts(kept_cells("Bank Ref")),
        "Balance": balance,
        "Statement": ["1"] * len(kept),
        "Line No": line_numbers.tolist(),
    }, len(kept))
    lines = with_structured_narratives(lines)
    currency_of_the_own_account(lines, balances)
    if "_fee" in cols and len(lines):
        lines, fee_issues = split_fees(
            lines, parse_amount_column(kept_cells("_fee"), decimal)[0], source,
            header[cols["_fee"]] if cols["_fee"] < len(header) else "Fee",
            parse_amount_column(kept_cells("_net"), decimal)[0] if "_net" in cols else None)
        issues += fee_issues
    if "_balance_before" in cols and balances.opening is None and len(lines):
        balances_of_the_chain(parse_amount_column(kept_cells("_balance_before"), decimal)[0],
                               lines, balances)
    if current is not None and len(lines):
        differs = ends_of_the_lines(lines, balances)
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


# narratives of money going out: a statement whose every amount is positive and unsigned
# but has these lines has lost its signs
_MONEY_OUT = re.compile(
    r"(?i)\b(fees?|charges?|commission|withdrawal|atm|pos purchase|direct debit|standing order|"
    r"cheque paid|chq paid|check paid|outward|payment to|transfer to)\b|عمولة|عمولات|مصاريف|"
    r"رسوم|سحب|خصم|صادر")


def _row_span(rows: list[int]) -> str:
    """"2-31" for rows one after another, else the first ten named ("2, 5, 9 ...")."""
    if rows == list(range(rows[0], rows[0] + len(rows))):
        return f"{rows[0]}-{rows[-1]}" if len(rows) > 1 else str(rows[0])
    return ", ".join(map(str, rows[:10])) + (" ..." if len(rows) > 10 else "")
