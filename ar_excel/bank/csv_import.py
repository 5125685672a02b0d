"""CSV and XLSX statement exports -> normalised statement lines.

Every bank exports its own layout, so the layout is detected from the file, not configured:

* encoding (``text.decode_bytes``), delimiter (the one that splits most rows into the same
  number of fields; the Arabic comma too), account-info lines above the header (the header is
  the first row naming at least two known columns); a header over two rows (``Amount`` merged
  over ``Debit | Credit``) is read as one; a file without a header row is read from its
  values only where they leave no doubt (one date column, one money column), and says so;
* headers in English, Arabic, German or French through the ``Bank Statement`` aliases in
  ``schema.BANK`` (matching ignores case, spaces, ``_-./()``); where no alias names a header,
  its words do (``Trans Date``, ``Withdrawal Amt.``, ``Available Balance``, ``Cargo``), but
  only when the values under it agree (dates for a date, amounts for money); ``Amount (EUR)``
  also gives the currency; numbered narrative columns (``VWZ1``..``VWZ14``) are joined;
* the decimal mark and the date order are decided per column from all its values; where
  every date reads both ways, the rest of the file decides (``date_order``: statement period,
  value dates, span, row order, language, currency), else the order asked for, said in an
  issue; date cells that Excel swapped
  (a day-first export opened month first) are put right when the dates left as text show it;
* text exports of ``Label: value`` records (``labelled_records``): the records as rows;
* a workbook whose statement sheet is followed by sheets under the same header (one per
  account, or a statement too long for one sheet): every such sheet, each its own statement;
* HTML pages saved as ``.xls`` (a common "Excel" export of bank portals): their table rows;
  Excel 2003 XML spreadsheets saved as ``.xls`` (``spreadsheet_xml``): their sheets' rows;
* a signed amount, or separate Debit/Credit columns (a debit is money out: negative, whether
  the bank printed it positive or negative), or an amount plus a D/C indicator column (found
  by its header or by its values: ``CR``/``DR``, ``Credit``/``Debit``, ``دائن``/``مدين``);
  amounts with no sign at all take it from the running balance.

Rows that are not transactions are told apart: totals rows (``Total``, ``Summe``, ``المجموع``)
are skipped and checked against the lines above them (reported where they differ); rows with
only text continue the narrative of the line above; opening/closing and brought/carried
forward rows become the statement's balances (also when printed as a dated credit line).
A running balance is checked line by line. A row with a date or an amount that cannot be
read is reported as an issue naming its cell as Excel opens the file (``D6``: the column's
letter, the record's row, a quoted cell over several lines being one row) and its column's
header; it never silently disappears.

``mapping`` ({canonical column: header as in the file}) overrides detection; extra keys:
``decimal`` ("," or "."), ``date_format`` (strptime), ``date_order`` ("day first" or
"month first"), ``day_first``, ``delimiter``,
``header_row`` (1-based), ``sheet`` (XLSX sheet name), ``year`` (for dates printed without it).

The readers here turn each kind of file into rows of cells; ``table_import.rows_to_statement``
turns rows into the statement. The rules live in modules named for them: ``dialect``
(delimiter), ``column_words`` (what a header names), ``table_layout`` (which row is the
header), ``date_order``, ``signs`` (debit/credit), ``balance_rows`` (totals and balances),
``preamble`` (account lines above the header), ``cells`` (the table read column by column),
``html_table`` (HTML pages saved as .xls), ``spreadsheet_xml`` (Excel 2003 XML saved as .xls).
"""

from __future__ import annotations

import csv
import io
from collections import Counter
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

from ar_excel.bank.column_words import fold_key
from ar_excel.bank.combine import combine_statements
from ar_excel.bank.dialect import sniff_delimiter
from ar_excel.bank.fixed_width import fixed_width_rows
from ar_excel.bank.html_table import TableRows
from ar_excel.bank.labelled_records import labelled_rows
from ar_excel.bank.numbers import date_order_shown
from ar_excel.bank.preamble import account_named
from ar_excel.bank.qif import qif_rows
from ar_excel.bank.sheet_pages import date_order_of, read_page, with_its_pages
from ar_excel.bank.spreadsheet_xml import spreadsheet_rows
from ar_excel.bank.statement import Statement, line_values
from ar_excel.bank.table_import import backwards_arabic_note, rows_to_statement
from ar_excel.bank.table_layout import find_layout
from ar_excel.bank.text import Decoded, decode_bytes, page_charset
from ar_excel.bank.visual_arabic import backwards_sample, letters_of_drawn_forms, read_back
from ar_excel.errors import InputError
from ar_excel.model import Issue
from ar_excel.names import match_key
from ar_excel.parsing import is_blank
from ar_excel.schema import BANK, POLICY, SCHEMAS


def read_csv(path: Path, data: bytes, mapping: dict[str, Any] | None = None,
             encoding: str | None = None, day_first: bool | None = None) -> Statement:
    decoded = decode_bytes(data, encoding)
    text = decoded.text
    records = None if (mapping or {}).get("delimiter") else labelled_rows(text)
    if records is not None:  # "Date: ..", "Amount: .." lines, a record per transaction
        return _text_statement(decoded, records[0], records[1], path, "csv", mapping,
                               day_first, excel_columns=False)
    fixed = None if (mapping or {}).get("delimiter") else fixed_width_rows(text)
    if fixed is not None:  # a report printed in columns under a ruler of dashes
        return _text_statement(decoded, fixed[0], fixed[1], path, "csv", mapping, day_first,
                               excel_columns=False)
    delim = (mapping or {}).get("delimiter") or sniff_delimiter(text)
    if len(delim) != 1:
        raise InputError(f"{path.name}: delimiter '{delim}' is not one character (such as ';', "
                         "',' or '|')")
    rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=delim))
    # each record is a row as Excel opens the file, a quoted cell over several lines too
    # (its line breaks kept within the cell): the n-th record is Excel's row n
    numbers = list(range(1, len(rows) + 1))
    if '="' in text:  # Excel-safe exports write text as a formula: ="000123", ="01/11/2026"
        rows = [[c[2:-1] if c.startswith('="') and c.endswith('"') else c for c in r]
                for r in rows]
    if "'" in text:
        rows = _without_text_marks(rows)
    return _text_statement(decoded, rows, numbers, path, "csv", mapping, day_first, delim)


def _without_text_marks(rows: list[list[str]]) -> list[list[str]]:
    """NatWest's export writes its text cells as Excel's typed text, an apostrophe first
    ("'NILE TRADING LTD", "'600000-12345678"): in a column where most filled cells open with
    one, it is the mark, not the bank's words, and is taken off."""
    # (Only the rows with a cell opening with one are looked at cell by cell: most of a
    # statement's apostrophes are inside its words. In a row joined at NULs each cell's first
    # character starts it or follows a NUL; a NUL in a cell only has its row looked at.)
    opened: dict[int, int] = {}
    for r, joined in zip(rows, map("\x00".join, rows), strict=True):
        if joined.startswith("'") or "\x00'" in joined:
            for i, c in enumerate(r):
                if c.startswith("'") and not c.endswith("'"):
                    opened[i] = opened.get(i, 0) + 1
    marked = []
    for i in sorted(opened):
        if opened[i] >= 2 and opened[i] * 2 > sum(1 for r in rows if i < len(r) and r[i].strip()):
            marked.append(i)
    if not marked:
        return rows
    return [[c[1:] if i in marked and c.startswith("'") and not c.endswith("'") else c
             for i, c in enumerate(r)] for r in rows]


def read_qif(path: Path, data: bytes, mapping: dict[str, Any] | None = None,
             encoding: str | None = None, day_first: bool | None = None) -> Statement:
    """A QIF download (``qif``): its records as the rows of a table."""
    decoded = decode_bytes(data, encoding)
    rows, numbers, accounts = qif_rows(decoded.text, path.name)
    named = list(dict.fromkeys(accounts[1:]))
    if len(named) < 2:
        return _text_statement(decoded, rows, numbers, path, "qif", mapping, day_first,
                               excel_columns=False)
    # several accounts (Quicken's !Account blocks): a statement each, as several files would
    # be, so one account's lines are never taken for another's; their dates read one way,
    # decided on all of them (one account's few lines may not show it)
    shown = date_order_shown(r[0] for r in rows[1:])
    if shown is not None and "date_order" not in (mapping or {}):
        mapping = {**(mapping or {}), "date_order": shown}
    parts = []
    unusable: list[tuple[str, InputError]] = []
    for k, account in enumerate(named, start=1):
        at = [i for i, a in enumerate(accounts) if i and a == account]
        # (the file's decoding said once, with the first account read)
        try:
            part = _text_statement(decoded, [rows[0], *(rows[i] for i in at)],
                                   [numbers[0], *(numbers[i] for i in at)], path, "qif",
                                   mapping, day_first, excel_columns=False,
                                   decoding_said=not parts)
        except InputError as exc:
            # one account without a usable line (its only record's date unreadable): said,
            # and the other accounts' lines read all the same, as separate files would be
            unusable.append((account or f"{path.stem} {k}", exc))
            continue
        parts.append((account or f"{path.stem} {k}", part))
    if not parts:
        raise unusable[0][1]
    stmt = combine_statements(parts)
    for account, exc in unusable:
        stmt.issues.append(Issue(path.name, f"account {account}", "", account,
                                 f"the account '{account}': {exc}"))
    stmt.source_format, stmt.source, stmt.encoding = "qif", path.name, decoded.encoding
    return stmt


def _text_statement(decoded: Decoded, rows: list[list[Any]], numbers: list[int], path: Path,
                    fmt: str, mapping: dict[str, Any] | None, day_first: bool | None,
                    delimiter: str = ",", excel_columns: bool = True,
                    decoding_said: bool = True) -> Statement:
    """The statement of a text file's table rows, with the file's encoding and what its
    decoding said (a guessed code page) first among the issues (``decoding_said``: not
    where another part of the same file says it). ``excel_columns``: the rows'
    cells are the columns Excel opens the file in (a delimited file, an HTML table), not a
    report's printed columns or a record's fields, which are named by their row."""
    stmt = rows_to_statement(rows, numbers, path.name, fmt, mapping, day_first, delimiter,
                             excel_columns=excel_columns)
    stmt.encoding = decoded.encoding
    if decoding_said:
        stmt.issues[:0] = decoded.issues(path.name)
    return stmt


def read_xlsx(path: Path, mapping: dict[str, Any] | None = None,
              day_first: bool | None = None) -> Statement:
    import python_calamine as pc

    try:
        wb = pc.CalamineWorkbook.from_path(str(path))
    except Exception as exc:  # calamine raises several of its own error types
        raise InputError(f"{path.name}: could not open the workbook ({exc})") from exc
    from ar_excel.io.sheet_loading import sheet_rows

    return statement_sheet(path, list(wb.sheet_names), lambda name: sheet_rows(wb, path, name),
                           "xlsx", mapping, day_first)


def read_spreadsheet_xml(path: Path, data: bytes, mapping: dict[str, Any] | None = None,
                         day_first: bool | None = None) -> Statement:
    """An Excel 2003 XML spreadsheet saved as .xls by a bank's portal (``spreadsheet_xml``)."""
    sheets = dict(spreadsheet_rows(data, path.name))
    return statement_sheet(path, list(sheets), sheets.__getitem__, "spreadsheetml", mapping,
                           day_first)


# The contract's AR sheets (Customers, Invoices, Payments...), by name and alias.
_AR_SHEET_KEYS = {match_key(n) for schema in (*SCHEMAS.values(), POLICY) if schema is not BANK
                  for n in (schema.name, *schema.aliases)}


def statement_sheet(path: Path, names: list[str], rows_of: Callable[[str], list[Any]],
                    fmt: str, mapping: dict[str, Any] | None = None,
                    day_first: bool | None = None) -> Statement:
    """The statement of a workbook: from the sheet ``mapping`` names, else the first sheet
    named as the contract's Bank Statement sheet, else the first sheet holding a statement
    table; its issues name the sheet."""
    wanted = (mapping or {}).get("sheet")
    if wanted and wanted not in names:
        raise InputError(f"{path.name}: the workbook has no sheet '{wanted}' (its sheets: "
                         f"{', '.join(names)})")
    bank_keys = {match_key(n) for n in (BANK.name, *BANK.aliases)}
    order = ([n for n in names if n == wanted] if wanted else
             [n for n in names if match_key(n) in bank_keys] + names)
    ar_sheets = [n for n in names if match_key(n) in _AR_SHEET_KEYS]
    if not wanted and len(ar_sheets) >= 2:
        # The AR workbook itself given as the statement: its invoices read as bank lines
        # would be "matched" to themselves, and posted as receipts
        order = [n for n in order if n not in ar_sheets]
        if not order:
            raise InputError(
                f"{path.name}: its sheets are an AR workbook's ({', '.join(ar_sheets)}), not a "
                "bank statement: give the bank's export (or name the sheet to read with "
                '--bank-columns "sheet=<name>")')
    rows_of, backwards = _in_reading_order(list(dict.fromkeys(order)), rows_of)
    stmt = _statement_sheet(path, names, rows_of, fmt, mapping, day_first, wanted, order,
                            bank_keys)
    if backwards is not None:  # said once for the file, on the sheet it is seen on
        sheet, sample = backwards
        stmt.issues.insert(0, backwards_arabic_note(f"{path.name} [{sheet}]", sample))
    return stmt


def _in_reading_order(names: list[str], rows_of: Callable[[str], list[Any]]
                      ) -> tuple[Callable[[str], list[Any]], tuple[str, str] | None]:
    """The sheets' rows (each read once), their Arabic read back where a PDF conversion wrote
    the file's backwards (``visual_arabic``): decided on all its sheets at once, as a PDF's
    pages each on a sheet of their own are one document, so a page of few Arabic words is
    read back too (and one sheet's few words of one shape decide nothing alone). With the
    sheet and text that show it, where they do."""
    raw: dict[str, list[list[Any]]] = {}
    texts: list[str] = []
    for name in names:
        try:
            raw[name] = letters_of_drawn_forms([list(r) for r in rows_of(name)])
        except InputError:
            continue  # (said where the sheet is read)
        texts += [c for r in raw[name] for c in r if isinstance(c, str)]
    sample = backwards_sample(texts)
    if sample is None:
        return lambda name: raw[name] if name in raw else rows_of(name), None
    back = {name: read_back(rows) for name, rows in raw.items()}
    shown = next(n for n in raw if any(sample in r for r in raw[n]))
    return lambda name: back[name] if name in back else rows_of(name), (shown, sample)


def _statement_sheet(path: Path, names: list[str], rows_of: Callable[[str], list[Any]],
                     fmt: str, mapping: dict[str, Any] | None, day_first: bool | None,
                     wanted: str | None, order: list[str], bank_keys: set[str]) -> Statement:
    """``statement_sheet`` of sheets whose Arabic is in reading order."""
    last_error: InputError | None = None
    no_table: list[list[list[Any]]] = []  # sheets before it without a statement table
    tried = list(dict.fromkeys(order))
    for name in tried:
        rows = rows_of(name)
        if not rows:
            continue
        try:
            stmt = rows_to_statement([list(r) for r in rows], list(range(1, len(rows) + 1)),
                                     f"{path.name}", fmt, mapping, day_first,
                                     arabic_decided=True)
        except InputError as exc:
            stmt = _printed_report_in_one_column(path, rows, fmt, mapping, day_first)
            if stmt is None:
                last_error = exc
                if _header_of([list(r) for r in rows], mapping, path.name) is None:
                    no_table.append([list(r) for r in rows[:_SUMMARY_ROWS]])
                continue
        if not no_table and not wanted and not stmt.balances:
            # the portal's summary sheet after its Transactions sheet: read as if before it
            no_table = _summary_sheets(path, tried[tried.index(name) + 1:], rows_of, mapping)
        if no_table and not stmt.balances:
            stmt = _with_the_summary_sheets(path, rows, fmt, mapping, day_first, stmt, no_table)
        _name_the_sheet(stmt, path, name)
        if wanted or match_key(name) in bank_keys:
            return stmt  # the sheet asked for, or the contract's Bank Statement sheet
        return _with_sheets_like_it(path, names, rows_of, name, stmt, fmt, mapping, day_first)
    raise last_error or InputError(f"{path.name}: the workbook has no sheet with data")


def _printed_report_in_one_column(path: Path, rows: list[Any], fmt: str,
                                  mapping: dict[str, Any] | None, day_first: bool | None
                                  ) -> Statement | None:
    """A printed report pasted or converted into a sheet a line per row, all in one column
    (its columns only spaces apart): read as the text report it is (``fixed_width``), each
    issue at its row. None where the sheet is no such report."""
    if mapping and mapping.get("delimiter"):
        return None
    lines = []
    for row in rows:
        filled = [c for c in row if not is_blank(c)]
        if len(filled) > 1 or (filled and not isinstance(filled[0], str)):
            return None
        lines.append(filled[0] if filled else "")
    fixed = fixed_width_rows("\n".join(lines))
    if fixed is None:
        return None
    return rows_to_statement(fixed[0], fixed[1], path.name, fmt, mapping, day_first,
                             excel_columns=False)


# the rows of a summary sheet looked at for the account's details and balances
_SUMMARY_ROWS = 60


def _summary_sheets(path: Path, names: list[str], rows_of: Callable[[str], list[Any]],
                    mapping: dict[str, Any] | None) -> list[list[list[Any]]]:
    """The first rows of the sheets ``names`` that hold no statement table (a portal's
    "Account Summary" after its "Transactions" sheet), as the sheets before it are kept."""
    sheets = []
    for name in names:
        try:
            rows = [list(r) for r in rows_of(name)]
        except InputError:
            continue
        if rows and _header_of(rows, mapping, path.name) is None:
            sheets.append(rows[:_SUMMARY_ROWS])
    return sheets


def _with_the_summary_sheets(path: Path, rows: list[Any], fmt: str,
                             mapping: dict[str, Any] | None, day_first: bool | None,
                             stmt: Statement, sheets: list[list[list[Any]]]) -> Statement:
    """A portal's workbook of an "Account Summary" sheet (account, currency, opening and
    closing balances) before or after the "Transactions" sheet: the lines are read with the summary's
    details as if above them, so the statement has its currency and ties out. Not where the
    summary names another account than the lines' sheet."""
    details = [r for sheet in sheets for r in sheet]
    own = {a for r in rows[:_SUMMARY_ROWS] for a in [account_named(list(r))] if a}
    theirs = {a for r in details for a in [account_named(r)] if a}
    if own and theirs and not own & theirs:
        return stmt
    try:
        return rows_to_statement([list(r) for r in rows], list(range(1, len(rows) + 1)),
                                 f"{path.name}", fmt, mapping, day_first, details=details,
                                 arabic_decided=True)
    except InputError:
        return stmt


def _name_the_sheet(stmt: Statement, path: Path, name: str) -> None:
    for i, iss in enumerate(stmt.issues):  # name the sheet: the clerk opens it in Excel
        stmt.issues[i] = replace(iss, sheet=f"{path.name} [{name}]")  # its kind kept


def _header_of(rows: list[list[Any]], mapping: dict[str, Any] | None, source: str
               ) -> tuple[str, ...] | None:
    try:
        layout = find_layout(rows, mapping, source)
    except InputError:
        return None
    return tuple(fold_key(h) for h in layout.headers if h)


def _another_account(first: list[Any], rows: list[list[Any]]) -> bool:
    """Whether the lines above a sheet's table name an account, and another one than the first
    sheet's: a statement of its own whatever its columns (a USD account's sheet with a Value
    Date column the AED account's has not), not another kind of table of the same account."""
    def named(sheet: list[Any]) -> set[str]:
        return {a for r in sheet[:_SUMMARY_ROWS] for a in [account_named(list(r))] if a}
    theirs = named(rows)
    return bool(theirs) and bool(named(first)) and not theirs & named(first)


_LINE_KEYS = ["Date", "Value Date", "Amount", "Currency", "Description", "Reference",
              "Bank Ref", "Balance"]


def _lines_within(part: Statement, earlier: Statement) -> bool:
    """Whether every line of ``part`` is a line of ``earlier`` (as many times as it is there):
    the same date, amount, narrative, references and running balance. Another account's or
    the next page's lines are never all such: their dates and balances differ."""
    if not len(part.lines) or len(part.lines) > len(earlier.lines):
        return False
    return not (Counter(line_values(part.lines, _LINE_KEYS))
                - Counter(line_values(earlier.lines, _LINE_KEYS)))


def _one_month_each(parts: list[tuple[str, Statement]]) -> list[tuple[str, str]]:
    """The sheets and their months, where each sheet's lines fall in one calendar month and
    no two sheets share one (a clerk's workbook of a sheet per month, not an export of
    several accounts for one period); else none."""
    months = []
    for name, part in parts:
        dates = part.lines["Date"].dropna()
        if not len(dates):
            return []
        first, last = dates.min(), dates.max()
        if (first.year, first.month) != (last.year, last.month):
            return []
        months.append((name, f"{first:%b %Y}"))
    if len(months) < 2 or len({m for _, m in months}) < len(months):
        return []
    return months


def _with_sheets_like_it(path: Path, names: list[str], rows_of: Callable[[str], list[Any]],
                         first: str, stmt: Statement, fmt: str,
                         mapping: dict[str, Any] | None, day_first: bool | None) -> Statement:
    """A bank's export of several accounts (or of one too long for a sheet) puts each on a
    sheet of its own under the same header: those sheets are read too, each its own
    statement (``combine``). A later sheet with another table is not read, and said so."""
    first_sheet = rows_of(first)  # (read once: a later sheet is compared with it)
    header = _header_of([list(r) for r in first_sheet], mapping, path.name)
    parts = [(first, stmt)]
    other_tables = []
    pages: list[tuple[str, Statement]] = []
    first_header: list[Any] = []
    page_mapping = mapping
    if header is not None:  # the pages are read under the first sheet's header, in its order
        first_rows = [list(r) for r in first_sheet]
        layout = find_layout(first_rows, mapping, path.name)
        first_header = first_rows[layout.header_row]
        order = date_order_of(first_rows, layout.columns.get(
            "Date", layout.columns.get("Value Date")), stmt.lines)
        if order is not None and not (mapping or {}).get("date_order"):
            page_mapping = {**(mapping or {}), "date_order": order}
    for name in names[names.index(first) + 1:]:
        rows = [list(r) for r in rows_of(name)]
        if not rows:
            continue
        its_header = _header_of(rows, mapping, path.name)
        if its_header is None:
            if len(parts) == 1 and header is not None and (not pages or pages[-1][0] == (
                    names[names.index(name) - 1])):
                page = read_page(first_header, rows,
                                 lambda page_rows, numbers: rows_to_statement(
                                     page_rows, numbers, path.name, fmt, page_mapping,
                                     day_first, arabic_decided=True))
                if page is not None:  # a PDF's next page on a sheet of its own
                    _name_the_sheet(page, path, name)
                    pages.append((name, page))
            continue
        if its_header != header and not _another_account(first_sheet, rows):
            other_tables.append(name)
            continue
        try:
            part = rows_to_statement(rows, list(range(1, len(rows) + 1)), path.name, fmt,
                                     mapping, day_first, arabic_decided=True)
        except InputError as exc:  # its lines cannot be used: said, not dropped silently
            stmt.issues.append(Issue(f"{path.name} [{name}]", "", "", None, str(exc)))
            continue
        _name_the_sheet(part, path, name)
        copied = next((n for n, earlier in parts if _lines_within(part, earlier)), None)
        if copied is not None:  # the clerk's copy of the statement, or an extract of it
            stmt.issues.append(Issue(
                f"{path.name} [{name}]", "", "", len(part.lines),
                f"the sheet '{name}' repeats lines of the sheet '{copied}' (every one of its "
                f"{len(part.lines)} lines, with its date, amount, narrative and balance): a "
                "copy, not another statement; it was not read, so its receipts are not "
                "counted twice"))
            continue
        parts.append((name, part))
    if pages and len(parts) == 1:
        stmt = with_its_pages(stmt, pages, first)
    months = _one_month_each(parts)
    if len(parts) > 1:
        stmt = combine_statements(parts)
    if months:
        named = ", ".join(f"'{n}' ({m})" for n, m in months)
        stmt.issues.append(Issue(
            path.name, "", "", len(months),
            f"the workbook's sheets each hold another month of the statement ({named}): all "
            "were read as one statement. If only one month is to be reconciled, name its "
            f"sheet (--bank-columns \"sheet={months[-1][0]}\")"))
    for name in other_tables:
        stmt.issues.append(Issue(
            f"{path.name} [{name}]", "", "", None,
            f"the sheet '{name}' holds another table with dates and amounts (its header "
            f"differs from the statement's on '{first}'); it was not read. If it holds "
            f"statement lines, import it on its own (--bank-columns \"sheet={name}\")"))
    return stmt


def read_html(path: Path, data: bytes, mapping: dict[str, Any] | None = None,
              encoding: str | None = None, day_first: bool | None = None) -> Statement:
    decoded = decode_bytes(data, encoding or page_charset(data))
    parser = TableRows(loose_text=True)
    parser.feed(decoded.text)
    parser.close()
    rows = parser.rows
    if not rows:
        raise InputError(f"{path.name}: an HTML file without a table of statement lines")
    return _text_statement(decoded, rows, list(range(1, len(rows) + 1)), path, "html", mapping,
                           day_first)
