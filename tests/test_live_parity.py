"""The same workbook through the file path (``ar-excel JOB BOOK``) and through the live path
(an Excel button, xlwings): the same tables, the same Input Issues at the same cells, the same
output tabs.

The workbook holds what makes the two paths differ if nothing is done about it: rows typed
under an Excel table, a customer ID merged down beside its invoices, formulas (read by their
values) and formulas that give ``#N/A`` / ``#REF!``, a hidden row, a time of day, dates typed
several ways, Arabic names and digits, text starting with ``=``, ``+``, ``-``, ``@``. Excel is
stood in for by ``fake_xlwings.book_from_file`` over the very file the CLI reads, with the
cached results of its formulas as Excel saved them.
"""

from __future__ import annotations

import datetime as dt
import re
import zipfile
from pathlib import Path

import fake_xlwings as fake
import openpyxl
import pandas as pd
import pytest
from openpyxl.worksheet.table import Table as XlTable

from ar_excel.cli import main as cli_main
from ar_excel.excel import buttons
from ar_excel.excel.reading import read_live_book
from ar_excel.io.reader import read_book
from tests.test_buttons_jobs import _file_tabs, _grid

AS_OF = "2026-10-31"

CUSTOMERS = [
    ["Customer ID", "Customer Name", "Credit Limit", "Payment Terms", "Email", "Phone"],
    ["C001", "شركة النور للتجارة", 50000, "Net 30", "a@nour.eg", "+20 100 555 0101"],
    ["C002", "=Delta Trading", "٧٥٬٠٠٠", "30", "d@delta.eg", "0100 555 0102"],
    ["C003", "Gulf Supplies LLC", "=20000*2", "45 days", "g@gulf.ae", "@gulf"],
    ["C004", "Cairo Paper Co", "=VLOOKUP(A5,X:Y,2,0)", "Net 60", "c@paper.eg", "-"],
    ["C005", "Hidden Row Traders", 10000, "Net 30", "h@hidden.eg", ""],
    ["C006", "Red Sea Foods", "lots", "Net 30", "r@redsea.eg", ""],
]
INVOICES = [  # "Entered" (no contract column, kept as found): a time of day
    ["Customer ID", "Invoice No", "Invoice Date", "Due Date", "Amount", "Currency", "Entered"],
    ["C001", "INV-1001", dt.datetime(2026, 8, 3), dt.datetime(2026, 9, 2), 12000, "EGP",
     dt.time(9, 15)],
    [None, "INV-1002", dt.datetime(2026, 9, 10, 14, 30), None, "1,250.50", "EGP", None],
    [None, "INV-1003", "15/09/2026", "15/10/2026", "=E2/4", "EGP", dt.time(16, 45, 30)],
    ["C002", "INV-1004", 46230, None, "١٢٣٤", "EGP", None],
    ["C003", "INV-1005", dt.datetime(2026, 10, 1), None, "=1/0", "EGP", None],
    ["C004", "INV-1006", dt.datetime(2026, 7, 1), None, 8000, "EGP", None],
    ["C006", "INV-1007", dt.datetime(2026, 10, 20), None, 640, "EGP", None],
]
PAYMENTS = [  # an Excel table over the first two rows; two more typed under it
    ["Payment ID", "Customer ID", "Date", "Amount", "Invoice No", "Method"],
    ["R-1", "C001", dt.datetime(2026, 9, 1), 5000, "INV-1001", "Transfer"],
    ["R-2", "C002", dt.datetime(2026, 9, 15), 1000, "=VLOOKUP(B3,Invoices!A:B,2,0)", "Cheque"],
    ["R-3", "C001", dt.datetime(2026, 10, 2), 2000, "INV-1001", "Transfer"],
    ["R-4", "C006", "not a date", 640, "INV-1007", "Cash"],
    [None] * 6,
    ["Total", None, None, "=SUM(D2:D5)", None, None],
]
BANK = [
    ["Date", "Description", "Amount", "Bank Ref"],
    [dt.datetime(2026, 10, 5), "=HYPERLINK(\"http://x\",\"INV-1006\") Cairo Paper", 8000, "FT1"],
    [dt.datetime(2026, 10, 6), "+971 transfer GULF SUPPLIES INV-1005", 500, "FT2"],
    [dt.datetime(2026, 10, 7), "-fee charged", -25, "FT3"],
    [dt.datetime(2026, 10, 8), "@Red Sea Foods INV-1007", 640, "FT4"],
    [dt.datetime(2026, 10, 9), "تحويل شركة النور INV-1002", 1250.5, "FT5"],
]
# Formulas as Excel saved them: (formula, cached result); an error result is an error cell.
CACHED = {
    ("Customers", "D6"): 40000, ("Customers", "D7"): "#N/A",
    ("Invoices", "E4"): 3000, ("Invoices", "E6"): "#DIV/0!",
    ("Payments", "D7"): 8640, ("Payments", "E3"): "#N/A",  # inside the Excel table
}
ERRORS = {"#N/A", "#DIV/0!", "#REF!", "#VALUE!"}


def _put(ws, rows, top: int = 1, left: int = 1) -> None:
    for i, row in enumerate(rows):
        for j, v in enumerate(row):
            if v is None or v == "":
                continue
            cell = ws.cell(row=top + i, column=left + j, value=v)
            if isinstance(v, str) and (ws.title, cell.coordinate) not in CACHED:
                cell.data_type = "s"  # text typed (with its apostrophe): never a formula


def _with_cached_results(path: Path, names: list[str]) -> None:
    """Store the formulas' results as Excel does on saving (openpyxl writes none)."""
    with zipfile.ZipFile(path) as z:
        parts = {n: z.read(n) for n in z.namelist()}
    for (sheet, cell), value in CACHED.items():
        part = f"xl/worksheets/sheet{names.index(sheet) + 1}.xml"
        error = isinstance(value, str) and value in ERRORS
        pattern = re.compile(rf'(<c r="{cell}"[^>]*)(><f>.*?</f>)<v\s*(?:/>|></v>)'.encode())
        kind = b' t="e"' if error else b""
        result = b"<v>" + str(value).encode() + b"</v>"
        parts[part], n = pattern.subn(
            lambda m, kind=kind, result=result: m.group(1) + kind + m.group(2) + result,
            parts[part])
        assert n == 1, (sheet, cell)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in parts.items():
            z.writestr(name, data)


def build_workbook(path: Path, *, bank_sheet: bool = True, policy: list | None = None) -> Path:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Customers"
    ws["B1"] = "Customer master — October"
    ws.merge_cells("B1:G1")  # a title across the columns: no header, no data
    _put(ws, CUSTOMERS, top=3, left=2)  # the table starts at B3: addresses must follow
    ws.row_dimensions[8].hidden = True  # C005: hidden, still a customer
    ws["D4"] = 50000.123456  # formatted as currency: Excel for Windows gives a Decimal
    ws["D4"].number_format = '"$"#,##0.00'

    inv = wb.create_sheet("Invoices")
    _put(inv, INVOICES)
    inv.merge_cells("A2:A4")  # C001 merged down beside its three invoices
    inv["C3"].number_format = "yyyy-mm-dd hh:mm"
    inv["C5"].number_format = "yyyy-mm-dd"  # a date typed as its serial
    pay = wb.create_sheet("Payments")
    _put(pay, PAYMENTS)
    pay.add_table(XlTable(displayName="tblPayments", ref="A1:F3"))
    pay["G2"] = dt.time(9, 30)  # a time of day beside the table (no column of ours)
    if bank_sheet:
        _put(wb.create_sheet("Bank Statement"), BANK)
    pol = wb.create_sheet("Policy")
    _put(pol, [["Key", "Value"], ["date_order", "day first"], *(policy or [])])
    names = wb.sheetnames
    wb.save(path)
    _with_cached_results(path, names)
    return path


@pytest.fixture
def workbook(tmp_path) -> Path:
    return build_workbook(tmp_path / "ar.xlsx")


# ------------------------------------------------------------------ reading

def test_the_stand_in_shows_the_file_as_excel_would(workbook):
    book = fake.book_from_file(workbook)
    customers, invoices = book.sheets["Customers"], book.sheets["Invoices"]
    assert customers.range("D6").value == 40000.0  # a formula: its value
    assert customers.range("D7").value is None  # #N/A: None, unless asked for its text
    assert customers.range("D7").options(err_to_str=True).value == "#N/A"
    assert customers.range("C5").value == "=Delta Trading"  # text, not a formula
    assert invoices.range("A3").value is None and invoices.range("A3").merge_area.address \
        == "$A$2:$A$4"
    assert invoices.range("A1:A8").merge_cells is None
    assert invoices.range("B1:B8").merge_cells is False
    assert book.sheets["Payments"].range("G2").value == dt.datetime(1899, 12, 30, 9, 30)


def test_live_read_gives_the_file_readers_tables_issues_and_policy(workbook):
    from_file = read_book(workbook)
    live = read_live_book(fake.book_from_file(workbook))
    assert set(live.tables) == set(from_file.tables) == {
        "Customers", "Invoices", "Payments", "Bank Statement"}
    for kind in from_file.tables:
        pd.testing.assert_frame_equal(live.tables[kind].frame, from_file.tables[kind].frame,
                                      obj=kind)
        assert live.tables[kind].letters == from_file.tables[kind].letters
        assert live.tables[kind].sheet == from_file.tables[kind].sheet
    assert live.policy == from_file.policy
    assert [i.as_row() for i in live.issues] == [i.as_row() for i in from_file.issues]


def test_what_the_two_paths_read_the_same(workbook):
    live = read_live_book(fake.book_from_file(workbook))
    customers = live.tables["Customers"].frame.set_index("Customer ID")
    assert customers.loc["C001", "Credit Limit"] == 50000.123456  # not cut to 50000.1234
    assert customers.loc["C003", "Credit Limit"] == 40000.0  # the formula's value
    assert customers.loc["C002", "Name"] == "=Delta Trading"
    assert customers.loc["C002", "Credit Limit"] == 75000.0  # Arabic digits
    assert "C005" in customers.index  # the hidden row is read
    assert live.tables["Customers"].frame["_row"].tolist() == [4, 5, 6, 7, 8, 9]
    invoices = live.tables["Invoices"].frame.set_index("Invoice No")
    assert invoices.loc[["INV-1001", "INV-1002", "INV-1003"], "Customer ID"].tolist() == \
        ["C001"] * 3  # merged down: every row has it
    assert invoices.loc["INV-1003", "Amount"] == 3000.0
    assert invoices.loc["INV-1004", "Amount"] == 1234.0
    assert invoices.loc["INV-1003", "Invoice Date"] == pd.Timestamp("2026-09-15")
    assert invoices.loc["INV-1003", "Entered"] == dt.time(16, 45, 30)  # a time, as in the file
    assert live.tables["Payments"].frame["Payment ID"].tolist() == ["R-1", "R-2", "R-3", "R-4"]
    issues = {(i.sheet, i.cell): i.message for i in live.issues}
    assert "(rows 4-5) are outside it" in issues[("Payments", "A4")]
    assert "Excel error #N/A" in issues[("Customers", "D7")]  # the optional limit
    assert "Excel error #DIV/0!" in issues[("Invoices", "E6")]  # the required amount
    assert "Excel error #N/A" in issues[("Payments", "E3")]  # in a table: found there too
    assert ("Customers", "D9") in issues and ("Payments", "C5") in issues  # "lots", a text date


def test_a_table_with_no_rows_under_it_gets_no_issue(tmp_path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Data"
    _put(ws, PAYMENTS[:3])
    ws.add_table(XlTable(displayName="tblPayments", ref="A1:F3"))
    ws["A10"] = "notes far below"
    wb.save(tmp_path / "b.xlsx")
    live = read_live_book(fake.book_from_file(tmp_path / "b.xlsx"))
    assert live.tables["Payments"].frame["Payment ID"].tolist() == ["R-1", "R-2"]
    assert live.issues == read_book(tmp_path / "b.xlsx").issues == []


def test_a_text_that_reads_like_an_error_is_text(tmp_path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Customers"
    _put(ws, [["Customer ID", "Customer Name"], ["C1", "#N/A"]])
    ws["B2"].data_type = "s"
    wb.save(tmp_path / "b.xlsx")
    live = read_live_book(fake.book_from_file(tmp_path / "b.xlsx"))
    from_file = read_book(tmp_path / "b.xlsx")
    assert live.tables["Customers"].frame["Name"].tolist() == ["#N/A"]
    assert [i.as_row() for i in live.issues] == [i.as_row() for i in from_file.issues]


# ------------------------------------------------------------------ jobs, end to end

def _both(job: str, workbook: Path, tmp_path: Path, cli: list[str] = (), **button):
    now = dt.datetime.now()
    out = tmp_path / f"{job}-cli.xlsx"
    assert cli_main([job, str(workbook), "-o", str(out), "--as-of", AS_OF, *cli]) == 0
    book = fake.book_from_file(workbook)
    outcome = buttons.run(job, book, as_of=AS_OF, quiet=True, **button)
    assert outcome.ok, outcome.message
    return _file_tabs(out, now), book, outcome, now


@pytest.mark.parametrize("job", ["validate", "credit", "aging", "reconcile", "collections"])
def test_button_writes_what_the_command_line_writes(job, workbook, tmp_path):
    expected, book, outcome, now = _both(job, workbook, tmp_path)
    assert outcome.tabs == list(expected)
    for name, rows in expected.items():
        assert _grid(book.sheets[name].grid(), now) == rows, name
    issues = expected["Input Issues"]
    cells = {(r[0], r[1]) for r in issues[1:]}
    assert {("Payments", "A4"), ("Customers", "D7"), ("Invoices", "E6")} <= cells


@pytest.mark.parametrize("job", ["validate", "reconcile"])
def test_arabic_workbook_same_tabs_both_ways(job, tmp_path):
    path = build_workbook(tmp_path / "ar.xlsx", policy=[["language", "ar"]])
    expected, book, outcome, now = _both(job, path, tmp_path)
    assert outcome.tabs == list(expected)
    for name, rows in expected.items():
        assert _grid(book.sheets[name].grid(), now) == rows, name
    assert any(isinstance(v, str) and "\u0600" <= v[:1] <= "\u06ff"
               for v in expected["Input Issues"][0])  # the Arabic label row


def test_month_end_button_writes_what_ar_excel_run_writes(workbook, tmp_path):
    now = dt.datetime.now()
    out = tmp_path / "run.xlsx"
    assert cli_main(["run", str(workbook), "-o", str(out), "--as-of", AS_OF]) == 0
    expected = _file_tabs(out, now)
    book = fake.book_from_file(workbook)
    outcome = buttons.month_end_run(book, as_of=AS_OF, quiet=True)
    assert outcome.ok, outcome.message
    assert outcome.tabs == list(expected)
    for name, rows in expected.items():
        assert _grid(book.sheets[name].grid(), now) == rows, name


def test_bank_narratives_land_as_text_never_as_formulas(workbook, tmp_path):
    _, book, _, _ = _both("reconcile", workbook, tmp_path)
    written = [book.sheets[n] for n in ("Bank Matches", "Unmatched Bank")]
    texts = [c.value for s in written for c in s.cells_.values() if isinstance(c.value, str)]
    assert not [c for s in written for c in s.cells_.values() if c.formula]
    for narrative in (r[1] for r in BANK[1:]):
        assert narrative in texts, narrative


# ------------------------------------------------------------------ the review drop-down

def _file_choices(path: Path, sheet: str) -> list[tuple[str, str]]:
    ws = openpyxl.load_workbook(path)[sheet]
    return [(str(v.sqref), v.formula1) for v in ws.data_validations.dataValidation]


@pytest.mark.parametrize("separator", [",", ";"])
def test_review_status_gets_the_file_writers_drop_down(workbook, tmp_path, separator):
    now = dt.datetime.now()
    out = tmp_path / "cli.xlsx"
    assert cli_main(["reconcile", str(workbook), "-o", str(out), "--as-of", AS_OF]) == 0
    ((sqref, formula),) = _file_choices(out, "Bank Matches")
    book = fake.book_from_file(workbook)
    book.app._list_separator = separator  # Windows' list separator: ";" in Arabic locales
    assert buttons.reconcile_bank(book, as_of=AS_OF, quiet=True).ok
    sheet = book.sheets["Bank Matches"]
    (rule,) = sheet._validations
    assert rule["address"].replace("$", "") == sqref
    assert rule["formula1"].split(separator) == formula.strip('"').split(",") == [
        "Matched", "Suggested", "Rejected"]
    assert rule["type"] == 3 and rule["show_error"] is False and rule["ignore_blank"]
    assert _grid(sheet.grid(), now) == _file_tabs(out, now)["Bank Matches"]


def test_arabic_workbook_offers_the_arabic_answers_too(tmp_path):
    path = build_workbook(tmp_path / "ar.xlsx", policy=[["language", "ar"]])
    out = tmp_path / "cli.xlsx"
    assert cli_main(["reconcile", str(path), "-o", str(out), "--as-of", AS_OF]) == 0
    ((sqref, formula),) = _file_choices(out, "Bank Matches")
    book = fake.book_from_file(path)
    assert buttons.reconcile_bank(book, as_of=AS_OF, quiet=True).ok
    (rule,) = book.sheets["Bank Matches"]._validations
    assert rule["formula1"] == formula.strip('"') == "Matched,Suggested,Rejected,معتمد,مرفوض"
    assert rule["address"].replace("$", "") == sqref


def test_a_rerun_replaces_the_drop_down_with_its_tab(workbook):
    book = fake.book_from_file(workbook)
    for _ in range(2):
        assert buttons.reconcile_bank(book, as_of=AS_OF, quiet=True).ok
    assert len(book.sheets["Bank Matches"]._validations) == 1


# ------------------------------------------------------------------ customer-sheet protection

def _file_protection(path: Path, sheet: str):
    ws = openpyxl.load_workbook(path)[sheet]
    unlocked = {letter for letter, d in ws.column_dimensions.items()
                if d.protection is not None and d.protection.locked is False}
    return ws.protection, unlocked


def test_validate_button_protects_the_customer_sheet_as_the_command_line(tmp_path):
    policy = [["protect_password", 4321], ["editable", "Email, Phone"]]
    path = build_workbook(tmp_path / "ar.xlsx", policy=policy)
    in_place = tmp_path / "cli.xlsx"
    in_place.write_bytes(path.read_bytes())
    assert cli_main(["validate", str(in_place), "--as-of", AS_OF, "--no-backup"]) == 0
    protection, unlocked = _file_protection(in_place, "Customers")
    assert protection.sheet and unlocked == {"F", "G"}  # Email, Phone (the sheet starts at B)

    book = fake.book_from_file(path)
    outcome = buttons.validate_customers(book, as_of=AS_OF, quiet=True)
    assert outcome.ok and "not protected" not in outcome.message, outcome.message
    sheet = book.sheets["Customers"]
    assert sheet._protection["password"] == "4321"  # typed as a number, meant as "4321"
    assert protection.password == _hash("4321")
    assert sheet._protection["AllowSorting"] and sheet._protection["AllowFiltering"]
    assert not sheet._protection["objects"] and not protection.objects
    live_unlocked = {col for col in "ABCDEFG" if not fake.locked(sheet, 9, ord(col) - 64)}
    assert live_unlocked == unlocked
    assert fake.locked(sheet, 3, 6) and fake.locked(sheet, 5000, 6) is False  # header; new rows
    # clicked again: the same password lifts the earlier protection, nothing fails
    again = buttons.validate_customers(book, as_of=AS_OF, quiet=True)
    assert again.ok and "not protected" not in again.message


def _hash(password: str) -> str:
    from openpyxl.utils.protection import hash_password

    return hash_password(password)


def test_a_sheet_protected_with_another_password_is_said(tmp_path):
    path = build_workbook(tmp_path / "ar.xlsx", policy=[["protect_password", "new"]])
    book = fake.book_from_file(path)
    book.sheets["Customers"].api.Protect(Password="old")
    outcome = buttons.validate_customers(book, as_of=AS_OF, quiet=True)
    assert "the sheet 'Customers' was not protected" in outcome.message
    assert "another password" in outcome.message
    assert book.sheets["Customers"]._protection["password"] == "old"
    assert "Customer Checks" in outcome.tabs  # the checks are written all the same


def test_without_a_password_nothing_is_protected(workbook):
    book = fake.book_from_file(workbook)
    assert buttons.validate_customers(book, as_of=AS_OF, quiet=True).ok
    assert book.sheets["Customers"]._protection is None


# ------------------------------------------------------------------ which bank statement

def _statement_csv(folder: Path) -> Path:
    path = folder / "oct statement.csv"
    path.write_text("Date,Description,Amount,Bank Ref\n"
                    "2026-10-05,Cairo Paper INV-1006,8000,CSV1\n", encoding="utf-8")
    return path


def _bank_lines(rows) -> set:
    header = rows[0] if "Bank Line" in rows[0] else rows[1]
    j = header.index("Bank Line")
    return {r[j] for r in rows[rows.index(header) + 1:] if len(r) > j and r[j] is not None}


def test_a_bank_statement_sheet_wins_over_the_policy_file_both_ways(tmp_path):
    _statement_csv(tmp_path)
    path = build_workbook(tmp_path / "ar.xlsx", policy=[["bank_statement", "oct statement.csv"]])
    expected, book, _, now = _both("reconcile", path, tmp_path)
    live = _grid(book.sheets["Bank Matches"].grid(), now)
    assert live == expected["Bank Matches"]
    assert "FT1" in _bank_lines(live) and "CSV1" not in _bank_lines(live)


def test_the_policy_files_are_read_both_ways_without_a_sheet(tmp_path):
    _statement_csv(tmp_path)
    (tmp_path / "usd.csv").write_text("Date,Description,Amount,Bank Ref\n"
                                      "2026-10-06,Red Sea Foods INV-1007,640,USD1\n")
    path = build_workbook(tmp_path / "ar.xlsx", bank_sheet=False,
                          policy=[["bank_statement", "oct statement.csv; usd.csv"]])
    expected, book, _, now = _both("reconcile", path, tmp_path)
    live = _grid(book.sheets["Bank Matches"].grid(), now)
    assert live == expected["Bank Matches"]
    assert {"CSV1", "USD1"} <= _bank_lines(live)


def test_a_chosen_file_wins_over_the_sheet_as_bank_does(workbook, tmp_path):
    chosen = _statement_csv(tmp_path)
    expected, book, _, now = _both("reconcile", workbook, tmp_path, ["--bank", str(chosen)],
                                   bank=str(chosen))
    live = _grid(book.sheets["Bank Matches"].grid(), now)
    assert live == expected["Bank Matches"] and _bank_lines(live) == {"CSV1"}


def test_a_missing_policy_file_fails_reconcile_only_both_ways(tmp_path):
    path = build_workbook(tmp_path / "ar.xlsx", bank_sheet=False,
                          policy=[["bank_statement", "gone.csv"]])
    now = dt.datetime.now()
    out = tmp_path / "run.xlsx"
    assert cli_main(["run", str(path), "-o", str(out), "--as-of", AS_OF]) == 1  # a job failed
    expected = _file_tabs(out, now)
    book = fake.book_from_file(path)
    outcome = buttons.month_end_run(book, as_of=AS_OF, quiet=True)
    assert not outcome.ok and "cannot read the bank statement" in outcome.message
    assert "gone.csv" in outcome.message
    assert outcome.tabs == list(expected) and "Aging" in expected  # the other jobs ran
    for name, rows in expected.items():
        assert _grid(book.sheets[name].grid(), now) == rows, name


def test_a_table_with_a_totals_row_reads_the_same_both_ways(tmp_path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Data"
    _put(ws, [*PAYMENTS[:3], ["Total", None, None, 6000, None, None], PAYMENTS[3]])
    table = XlTable(displayName="tblPayments", ref="A1:F4")
    table.totalsRowCount = 1
    ws.add_table(table)
    wb.save(tmp_path / "b.xlsx")
    from_file = read_book(tmp_path / "b.xlsx")
    live = read_live_book(fake.book_from_file(tmp_path / "b.xlsx"))
    pd.testing.assert_frame_equal(live.tables["Payments"].frame, from_file.tables["Payments"].frame)
    assert live.tables["Payments"].frame["Payment ID"].tolist() == ["R-1", "R-2", "R-3"]
    assert [i.as_row() for i in live.issues] == [i.as_row() for i in from_file.issues]
    # the table's own Total Row is no payment and not outside the table; R-3 typed under it is
    assert [(i.cell, i.message[:44]) for i in live.issues] == [
        ("A5", "1 row(s) under the Excel table 'tblPayments'")]
