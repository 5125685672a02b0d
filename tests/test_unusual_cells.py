"""Cells and headers nobody planned for, found by fuzzing the demo book's cells: each is read
or reported, and the month-end run completes (no job fails with an internal error)."""

from __future__ import annotations

import datetime as dt

from ar_excel.io.reader import read_book
from tests._workbooks import save_sheets

CUSTOMERS = [["Customer ID", "Name", "Currency", "Payment Terms", "Credit Limit", "On Hold"],
             ["C1", "Nile Foods", "EGP", 30, 50000, "Yes"],
             ["C2", "Delta Steel", "EGP", 30, 80000, "No"]]
INVOICES = [["Invoice No", "Customer ID", "Invoice Date", "Amount"],
            ["INV-1", "C1", dt.datetime(2026, 10, 1), 1200.0],
            ["INV-2", "C2", dt.datetime(2026, 10, 5), 3400.0]]


def test_a_column_headed_on_hold_outside_the_customer_list_is_kept_as_it_is(tmp_path):
    """'On Hold' is the customer list's hold flag; over an Orders column (an order held in
    the warehouse) it is a column of the orders like any other. Reading the book failed."""
    orders = [["Order No", "Customer ID", "Date", "Amount", "On Hold"],
              ["SO-1", "C2", dt.datetime(2026, 11, 2), 5000.0, "Yes"]]
    book = read_book(save_sheets(tmp_path / "book.xlsx", {
        "Customers": CUSTOMERS, "Invoices": INVOICES, "Orders": orders}))
    assert book.frame("Orders")["On Hold"].tolist() == ["Yes"]
    assert book.frame("Orders")["Amount"].tolist() == [5000.0]
    # on the customer list it is the hold flag: C1's Status says Hold
    status = book.customers.set_index("Customer ID")["Status"]
    assert status["C1"] == "Hold" and status["C2"] != "Hold"


def test_a_number_out_of_a_times_range_is_an_input_issue_not_a_crash(tmp_path):
    """-1E15 in a cell formatted as a time (a clerk's paste into a formatted column): the
    cell reader (python-calamine) panics on it, which no ``except Exception`` catches, and
    the command died with a Rust backtrace. The sheet is read another way; the cell is an
    Input Issue at its address and every other row is read."""
    def as_time(wb):
        wb["Invoices"]["C3"].number_format = "h:mm"
        wb["Invoices"]["D2"].number_format = "[h]:mm:ss"  # a duration too large for Python

    invoices = [*INVOICES, ["INV-3", "C1", dt.datetime(2026, 10, 9), 500.0]]
    invoices[2] = ["INV-2", "C2", -1e15, 3400.0]
    invoices[1] = ["INV-1", "C1", dt.datetime(2026, 10, 1), 1e15]
    path = save_sheets(tmp_path / "book.xlsx", {"Customers": CUSTOMERS, "Invoices": invoices},
                       post=as_time)
    book = read_book(path)
    assert book.invoices["Invoice No"].tolist() == ["INV-1", "INV-2", "INV-3"]
    assert book.invoices["Amount"].tolist()[1:] == [3400.0, 500.0]
    cells = {(i.sheet, i.cell) for i in book.issues}
    assert ("Invoices", "C3") in cells and ("Invoices", "D2") in cells


def test_the_same_in_an_excel_table_off_a1(tmp_path):
    """The same cell inside an Excel table (tblInvoices at B3) that does not start at A1."""
    from openpyxl.worksheet.table import Table

    def table(wb):
        ws = wb["Invoices"]
        ws.add_table(Table(displayName="tblInvoices", ref="B3:E5"))
        ws["D5"].number_format = "h:mm"

    rows = [["Invoices register"], [],
            [None, "Invoice No", "Customer ID", "Invoice Date", "Amount"],
            [None, "INV-1", "C1", dt.datetime(2026, 10, 1), 1200.0],
            [None, "INV-2", "C2", -1e15, 3400.0]]
    book = read_book(save_sheets(tmp_path / "book.xlsx", {"Customers": CUSTOMERS,
                                                          "Invoices": rows}, post=table))
    assert book.invoices["Invoice No"].tolist() == ["INV-1", "INV-2"]
    assert book.invoices["Amount"].tolist() == [1200.0, 3400.0]
    assert ("Invoices", "D5") in {(i.sheet, i.cell) for i in book.issues}


def test_the_same_in_a_bank_statement_xlsx_and_when_writing_into_the_book(tmp_path):
    """A bank's .xlsx export with such a cell is read (that line an Input Issue). Writing into
    a book holding one keeps the number as it is (openpyxl, which writes, read it as a date
    and saved it as #VALUE!: the write was refused); with -o the tabs are written too."""
    import re
    import zipfile

    import openpyxl
    import pandas as pd

    from ar_excel.bank import read_statement
    from ar_excel.io.safety import sheet_parts
    from ar_excel.io.writer import write_tabs
    from ar_excel.model import Tab

    def as_time(wb):
        wb["Statement"]["A3"].number_format = "h:mm"

    bank = save_sheets(tmp_path / "bank.xlsx", {"Statement": [
        ["Date", "Description", "Amount"],
        [dt.datetime(2026, 11, 2), "TRF FROM NILE FOODS INV-1", 1200.0],
        [-1e15, "TRF FROM DELTA STEEL INV-2", 3400.0],
        [dt.datetime(2026, 11, 4), "TRF FROM DELTA STEEL INV-2", 3400.0]]}, post=as_time)
    statement = read_statement(bank)
    assert statement.lines["Amount"].tolist() == [1200.0, 3400.0]
    assert [(i.cell, i.message[:21]) for i in statement.issues] == [
        ("A3", "date '#VALUE!' could ")]

    def odd(wb):
        wb["Notes"]["A1"].number_format = "h:mm"

    book = save_sheets(tmp_path / "book.xlsx", {"Customers": CUSTOMERS, "Invoices": INVOICES,
                                                "Notes": [[-1e15]]}, post=odd)
    aging = Tab("Aging", pd.DataFrame({"Customer ID": ["C1"]}))
    write_tabs([aging], source=book)
    with zipfile.ZipFile(book) as z:
        notes = z.read(sheet_parts(z)["Notes"]).decode()
    assert re.search(r'<c r="A1"[^>]*><v>-1000000000000000</v>', notes), notes
    assert openpyxl.load_workbook(book)["Notes"]["A1"].number_format == "h:mm"
    out = write_tabs([aging], source=book, out=tmp_path / "out.xlsx")
    assert openpyxl.load_workbook(out).sheetnames == ["Aging"]


def test_payment_terms_of_more_than_a_century_are_an_input_issue(tmp_path):
    """1E15 days typed as a customer's terms (an amount in the wrong column): its due dates
    fell past the year 2262 and credit, aging and collections failed with an internal error.
    The cell is an Input Issue; the invoices fall due on their dates as with blank terms."""
    import contextlib
    import io

    import openpyxl

    from ar_excel.cli import main

    customers = [row[:] for row in CUSTOMERS]
    customers[1][3] = 1e15
    customers[2][3] = "Net 99999999"
    book = save_sheets(tmp_path / "book.xlsx", {"Customers": customers, "Invoices": INVOICES})
    issues = {(i.sheet, i.cell): i.message for i in read_book(book).issues}
    assert "more days than a century" in issues[("Customers", "D2")]
    assert ("Customers", "D3") in issues  # (not terms in days either)
    out = tmp_path / "out.xlsx"
    with contextlib.redirect_stdout(io.StringIO()) as printed:
        assert main(["run", str(book), "--as-of", "2026-11-30", "-o", str(out)]) == 0
    assert "internal error" not in printed.getvalue()
    aging = list(openpyxl.load_workbook(out)["Aging"].iter_rows(values_only=True))
    # due on their invoice dates (1 and 5 October): 56 and 52 days past due on 30 November
    assert [r[:8] for r in aging if r[0] in ("C1", "C2")] == [
        ("C1", "Nile Foods", 0, 0, 1200, 0, 0, 1200), ("C2", "Delta Steel", 0, 0, 3400, 0, 0, 3400)]


def test_a_customer_id_too_long_for_a_file_name_still_gets_its_letter_and_statement(tmp_path):
    """A master keyed by long names (an Arabic name of 150 letters is 300 bytes; a file name
    holds 255): the dunning draft and the statement PDF named after the Customer ID failed
    with 'File name too long' and the collections job with them. The name is cut, with a
    digest of the whole, so two IDs beginning alike still get a file each."""
    from ar_excel.io.eml import safe_name

    long_a = "شركة " + "النيل للتجارة والتوزيع " * 7 + "فرع أ"
    long_b = long_a[:-1] + "ب"
    a, b = safe_name(long_a), safe_name(long_b)
    assert a != b and len(a.encode("utf-8")) < 150 and len(b.encode("utf-8")) < 150
    assert safe_name("C0042") == "C0042" and safe_name("a/b:c") == "a_b_c"
    path = tmp_path / f"2026-11-30_{a}.eml"
    path.write_text("x", encoding="utf-8")  # the file system takes it
    assert path.exists()


def test_an_amount_of_more_digits_than_a_number_holds_is_an_input_issue(tmp_path):
    """400 nines pasted into an Amount cell as text: read as a float it is infinity, which
    the month-end's credit job could not round (decimal.InvalidOperation, an internal
    error). It is a value that cannot be parsed: an Input Issue on its cell, the invoice kept
    without an amount and every other row read. Found by fuzzing the tests' Saudi book."""
    invoices = [*INVOICES]
    invoices[2] = ["INV-2", "C2", dt.datetime(2026, 10, 5), "9" * 400]
    book = read_book(save_sheets(tmp_path / "book.xlsx",
                                 {"Customers": CUSTOMERS, "Invoices": invoices}))
    assert book.invoices["Invoice No"].tolist() == ["INV-1", "INV-2"]
    assert book.invoices["Amount"].tolist()[0] == 1200.0
    issues = [(i.sheet, i.cell, i.column, i.message) for i in book.issues]
    assert issues == [("Invoices", "D3", "Amount",
                       f"'{'9' * 400}' is too large to be an amount")]


def test_utilization_of_a_figure_of_three_hundred_digits_is_still_rounded():
    """An exposure of 1E+300 (a figure typed in the wrong column) on a limit of 1,000: the
    ratio has more digits than the decimal module's default precision rounds, and the
    credit job failed with decimal.InvalidOperation. An infinite exposure has no ratio."""
    from ar_excel.core.credit import utilization_pct

    assert utilization_pct(1e300, 1000) == 1e299
    assert utilization_pct(8900, 8000) == 111.3  # a half still rounded up
    assert utilization_pct(float("inf"), 1000) != utilization_pct(float("inf"), 1000)  # NaN


def test_an_as_of_date_no_month_end_can_be_run_as_of_is_refused_in_one_line(tmp_path, capsys):
    """--as-of 9999-12-31 (Excel's "no end date") or 2262-04-11: every dated job (credit,
    aging, collections) failed with an internal error (pandas OutOfBoundsDatetime) and the
    run said so once per job. The option is bad usage (exit 2, naming it); the same date as
    the Policy's as_of is an input that cannot be processed (exit 1, one line)."""
    import pytest

    from ar_excel.cli import main

    book = save_sheets(tmp_path / "book.xlsx", {"Customers": CUSTOMERS, "Invoices": INVOICES})
    for day in ("9999-12-31", "2262-04-11", "1969-12-31"):
        with pytest.raises(SystemExit) as exit_:
            main(["run", str(book), "--as-of", day, "-o", str(tmp_path / "out.xlsx")])
        assert exit_.value.code == 2
        assert (f"--as-of: {day} is outside the years 1970 to 2190 a month-end can be run as "
                f"of") in capsys.readouterr().err
    book = save_sheets(tmp_path / "policy.xlsx", {
        "Customers": CUSTOMERS, "Invoices": INVOICES,
        "Policy": [["Key", "Value"], ["as_of", dt.datetime(9999, 12, 31)]]})
    assert main(["run", str(book), "-o", str(tmp_path / "out.xlsx")]) == 1
    assert capsys.readouterr().err == ("ar-excel: the as-of date 9999-12-31 is outside the "
                                       "years 1970 to 2190 a month-end can be run as of\n")
    assert main(["run", str(book), "--as-of", "2190-12-31", "-o",
                 str(tmp_path / "out.xlsx")]) == 0


def test_a_ledger_none_of_whose_customers_is_in_the_customer_list_is_aged_quietly(tmp_path,
                                                                                  capsys):
    """Every invoice naming a customer the list lacks (IDs mistyped in each row): the aging
    names each 'not in Customers' and the command's stderr stays empty (pandas warned there
    of a text fill on a float column, twice a run). Found by fuzzing the tests' Kuwait book."""
    import warnings

    import openpyxl

    from ar_excel.cli import main

    invoices = [INVOICES[0], ["INV-1", "K-77", dt.datetime(2026, 10, 1), 1200.0],
                ["INV-2", "K-88", dt.datetime(2026, 10, 5), 3400.0]]
    book = save_sheets(tmp_path / "book.xlsx", {"Customers": CUSTOMERS, "Invoices": invoices})
    out = tmp_path / "out.xlsx"
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # a warning is what the command wrote on stderr
        assert main(["aging", str(book), "--as-of", "2026-11-30", "-o", str(out)]) == 0
    assert capsys.readouterr().err == ""
    rows = list(openpyxl.load_workbook(out)["Aging"].iter_rows(min_row=2, max_col=2,
                                                               values_only=True))
    assert rows[:2] == [("K-77", "(not in Customers)"), ("K-88", "(not in Customers)")]


def test_a_count_of_instalments_too_large_for_any_column_is_an_input_issue(tmp_path):
    """1E+308 typed as a plan's number of instalments: the reader's whole-number column
    could not hold it and reading the book failed (OverflowError), every job with it. It
    is an Input Issue at its cell; the plan's other cells and every other sheet are read.
    Found by fuzzing the tests' Egypt collections book."""
    plans = [["Customer ID", "Total Amount", "Instalments", "Start Date"],
             ["C1", 1200.0, 1e308, dt.datetime(2026, 9, 1)],
             ["C2", 3400.0, 4, dt.datetime(2026, 9, 1)]]
    book = read_book(save_sheets(tmp_path / "book.xlsx", {
        "Customers": CUSTOMERS, "Invoices": INVOICES, "Payment Plans": plans}))
    frame = book.frame("Payment Plans")
    assert frame["Customer ID"].tolist() == ["C1", "C2"]
    assert frame["Instalments"].isna().tolist() == [True, False]
    assert frame["Instalments"].iloc[1] == 4
    assert [(i.sheet, i.cell, i.column, i.message) for i in book.issues] == [
        ("Payment Plans", "C2", "Instalments", "'1e+308' is too large to be a count")]


def test_an_invoice_numbered_with_a_superscript_is_aged(tmp_path):
    """'²' typed as an invoice number (a superscript two, which str.isdigit takes for a digit
    and int() refuses): the Aging Detail's natural sort of document numbers failed the aging
    job (ValueError). It sorts as text, after INV-1. Found by fuzzing the tests' Saudi book."""
    import openpyxl

    from ar_excel.cli import main

    invoices = [*INVOICES, ["²", "C1", dt.datetime(2026, 10, 9), 500.0]]
    book = save_sheets(tmp_path / "book.xlsx", {"Customers": CUSTOMERS, "Invoices": invoices})
    out = tmp_path / "out.xlsx"
    assert main(["aging", str(book), "--as-of", "2026-11-30", "-o", str(out)]) == 0
    detail = openpyxl.load_workbook(out)["Aging Detail"]
    header = [c.value for c in next(detail.iter_rows(max_row=1))]
    docs = [r[header.index("Document No")] for r in detail.iter_rows(min_row=2, values_only=True)
            if r[0] in ("C1", "C2")]
    assert docs == ["INV-1", "²", "INV-2"]


def test_the_forecasts_currency_of_expected_payments_kept_without_one_is_quiet():
    """Expected payments whose Currency is blank on every row (a float column of NaN): the
    base currency is worked out without pandas warning on the command's stderr (a text
    fill on a float column). Found by fuzzing the tests' Kuwait book."""
    import warnings

    import pandas as pd

    from ar_excel.core.collections.forecast import base_currency

    expected = pd.DataFrame({"Currency": [float("nan")] * 2, "Expected Amount": [100.0, 50.0]})
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert base_currency(expected) is None


def test_an_empty_payments_sheet_is_no_receipts(tmp_path, capsys):
    """A Payments tab left empty (a template's, before the first receipt is recorded): the
    month-end's credit, aging and collections jobs failed, each saying only 'unreadable'.
    It is no receipts, as a Payments sheet with only its header row is; an empty Invoices
    sheet, which a run cannot do without, is said to be empty."""
    import openpyxl

    from ar_excel.cli import main

    book = save_sheets(tmp_path / "book.xlsx", {"Customers": CUSTOMERS, "Invoices": INVOICES,
                                                "Payments": []})
    out = tmp_path / "out.xlsx"
    assert main(["run", str(book), "--as-of", "2026-11-30", "-o", str(out)]) == 0
    assert capsys.readouterr().err == ""
    aging = {r[0]: r[-1] for r in openpyxl.load_workbook(out)["Aging"].iter_rows(
        min_row=2, max_row=3, max_col=8, values_only=True)}
    assert aging == {"C1": 1200, "C2": 3400}
    book = save_sheets(tmp_path / "empty.xlsx", {"Customers": CUSTOMERS, "Invoices": []})
    assert main(["aging", str(book), "-o", str(out)]) == 1
    assert capsys.readouterr().err == "ar-excel: aging: sheet 'Invoices' is empty\n"


def test_a_header_marked_required_with_a_trailing_asterisk_is_its_column(tmp_path):
    """A template marking its required columns after the name ('Amount *', 'Customer ID*';
    Xero's '*Name' before it was already read): the Payments sheet had no Amount column
    and the month-end's credit, aging and collections jobs failed. Found by fuzzing the
    tests' Egypt book."""
    payments = [["Receipt No", "Customer ID*", "Date", "Amount Received *", "Invoice No"],
                ["R1", "C1", dt.datetime(2026, 11, 2), 200.0, "INV-1"]]
    book = read_book(save_sheets(tmp_path / "book.xlsx", {
        "Customers": CUSTOMERS, "Invoices": INVOICES, "Payments": payments}))
    assert book.issues == []
    assert book.payments[["Customer ID", "Amount", "Invoice No"]].values.tolist() == [
        ["C1", 200.0, "INV-1"]]


def test_a_date_before_excels_calendar_is_an_input_issue_and_the_run_completes(tmp_path,
                                                                               capsys):
    """'1678-01-01' typed as an invoice's date (Excel holds no date before 1900): it was
    read, and the month-end as of 2026 failed in every job reading the ledger, its age of
    348 years overflowing pandas' nanoseconds (OverflowError). It is an Input Issue at its
    cell and the run completes. Found by fuzzing the tests' UAE books."""
    from ar_excel.cli import main

    invoices = [*INVOICES, ["INV-3", "C1", "1678-01-01", 500.0]]
    book = save_sheets(tmp_path / "book.xlsx", {"Customers": CUSTOMERS, "Invoices": invoices})
    assert [(i.cell, i.message) for i in read_book(book).issues] == [
        ("C4", "'1678-01-01' is not a usable date (only years 1900 to 2261)")]
    assert main(["run", str(book), "--as-of", "2026-11-30", "-o",
                 str(tmp_path / "out.xlsx")]) == 0
    assert capsys.readouterr().err == ""


def test_an_amount_no_ledger_holds_is_an_input_issue_not_a_wrapped_aging(tmp_path, capsys):
    """1E+16 in an Amount cell (an ID or a serial pasted into the column): the aging sums in
    thousandths in 64-bit integers, which it overflowed, wrapping round to a negative bucket
    in silence (numpy's RuntimeWarning on the command's stderr). An amount of 1E+15 or more
    (Excel holds 15 digits: no such amount to the unit) is an Input Issue at its cell; one
    just below is read. Found by fuzzing the tests' Egypt book."""
    from ar_excel.cli import main

    invoices = [*INVOICES, ["INV-3", "C1", dt.datetime(2026, 10, 9), 1e16],
                ["INV-4", "C1", dt.datetime(2026, 10, 9), "-1,000,000,000,000,000"],
                ["INV-5", "C2", dt.datetime(2026, 10, 9), 999_999_999_999.99]]
    book = save_sheets(tmp_path / "book.xlsx", {"Customers": CUSTOMERS, "Invoices": invoices})
    read = read_book(book)
    assert [(i.cell, i.message) for i in read.issues] == [
        ("D4", "'1e+16' is too large to be an amount"),
        ("D5", "'-1,000,000,000,000,000' is too large to be an amount")]
    assert read.invoices["Amount"].tolist()[-1] == 999_999_999_999.99
    assert main(["aging", str(book), "--as-of", "2026-11-30", "-o",
                 str(tmp_path / "out.xlsx")]) == 0
    assert capsys.readouterr().err == ""


def test_a_discount_percentage_no_rate_can_be_is_an_input_issue(tmp_path):
    """1E+308 typed as an invoice line's Discount %: the billing checks multiplied it out to
    infinity (numpy's overflow warnings on the command's stderr). A percentage of 1E+15 or
    more is an Input Issue at its cell, as such an amount is. Found by fuzzing the lite
    toolkit's Invoice Lines."""
    lines = [["Invoice No", "Item", "Quantity", "Unit Price", "Discount %", "Line Total"],
             ["INV-1", "Rice 5kg", 10, 120.0, 1e308, 1200.0],
             ["INV-2", "Oil 1L", 20, 170.0, 0, 3400.0]]
    book = read_book(save_sheets(tmp_path / "book.xlsx", {
        "Customers": CUSTOMERS, "Invoices": INVOICES, "Invoice Lines": lines}))
    assert [(i.sheet, i.cell, i.message) for i in book.issues] == [
        ("Invoice Lines", "E2", "'1e+308' is too large to be a percentage")]
    assert book.frame("Invoice Lines")["Discount %"].isna().tolist() == [True, False]


def test_an_invoice_due_at_the_end_of_the_calendar_is_not_forecast(tmp_path, capsys):
    """An invoice due 2261-12-31 (a 'never' placeholder a frame still holds) of a customer
    who pays months late: its due date plus the customer's lateness passed the last day
    pandas holds (April 2262) and the collections job failed (OutOfBoundsDatetime). It is
    listed as not expected, the due date too far off to forecast. Found by fuzzing the
    tests' Egypt master."""
    import openpyxl

    from ar_excel.cli import main

    invoices = [[*INVOICES[0], "Due Date"], *[[*r, None] for r in INVOICES[1:]],
                ["INV-0", "C1", dt.datetime(2026, 1, 1), 800.0, dt.datetime(2026, 1, 31)],
                ["INV-9", "C1", dt.datetime(2026, 10, 1), 500.0, "2261-12-31"],
                # due 122 years ago: the guard's own subtraction overflowed (a Timedelta)
                ["INV-8", "C1", dt.datetime(1904, 1, 1), 300.0, dt.datetime(1904, 1, 31)]]
    payments = [["Receipt No", "Customer ID", "Date", "Amount", "Invoice No"],
                ["R1", "C1", dt.datetime(2026, 6, 1), 800.0, "INV-0"]]
    book = save_sheets(tmp_path / "book.xlsx", {"Customers": CUSTOMERS, "Invoices": invoices,
                                                "Payments": payments})
    out = tmp_path / "out.xlsx"
    assert main(["collections", str(book), "--as-of", "2026-11-30", "-o", str(out)]) == 0
    assert capsys.readouterr().err == ""
    ws = openpyxl.load_workbook(out)["Expected Payments"]
    header = [c.value for c in ws[1]]
    rows = {r[header.index("Invoice No")]: r for r in ws.iter_rows(min_row=2, values_only=True)}
    assert rows["INV-9"][header.index("Expected Date")] is None
    assert rows["INV-9"][header.index("Basis")] == "not expected: due too far off to forecast"
    assert rows["INV-8"][header.index("Basis")] == "doubtful: more than 90 days past due"
