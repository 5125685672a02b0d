"""The messy demo workbook: it holds the messy values it claims, and the contract reader gets
the ledger back from it exactly, every record accounted for (parsed or an Input Issue)."""

from __future__ import annotations

import re
from datetime import datetime
from pathlib import Path

import numpy as np
import openpyxl
import pandas as pd
import pytest

from ar_excel.demo.ledger import make_ledger
from ar_excel.demo.workbook import SHEET_ORDER, WrittenBook, write_workbook
from ar_excel.io.reader import read_book
from ar_excel.model import ROW
from ar_excel.parsing import CURRENCY_ABBREVIATIONS
from ar_excel.schema import SCHEMAS

REPO = Path(__file__).resolve().parents[1]
SIZES = (60, 600, 450)


@pytest.fixture(scope="module")
def ledger() -> dict[str, pd.DataFrame]:
    return make_ledger(*SIZES, seed=8)


@pytest.fixture(scope="module")
def english(ledger, tmp_path_factory) -> WrittenBook:
    return write_workbook(ledger, tmp_path_factory.mktemp("wb") / "en.xlsx", seed=8)


@pytest.fixture(scope="module")
def arabic(ledger, tmp_path_factory) -> WrittenBook:
    return write_workbook(ledger, tmp_path_factory.mktemp("wb") / "ar.xlsx", seed=9, arabic=True)


def _cells(path: Path, sheet: str, column: str, header_row: int) -> list:
    ws = openpyxl.load_workbook(path)[sheet]
    headers = [c.value for c in ws[header_row]]
    j = headers.index(column)
    return [row[j] for row in ws.iter_rows(min_row=header_row + 1, values_only=True)]


def assert_reads_back(book: WrittenBook, ledger: dict[str, pd.DataFrame]) -> None:
    """read_book returns every ledger record at the row the writer put it, with the ledger's
    values, except the planted unusable values, each reported as an issue at its cell."""
    read = read_book(book.path)
    issues = {(i.sheet, i.cell): i for i in read.issues}
    for kind, layout in book.sheets.items():
        if kind not in SCHEMAS:
            continue
        table = read.tables[kind]
        assert table.sheet == layout.sheet
        expected = ledger[kind].reset_index(drop=True).copy()
        assert len(table.frame) == len(expected), kind
        assert list(table.frame[ROW]) == list(layout.rows), kind
        if "Currency" in expected:  # the Gulf's abbreviations (a planted SR) read as codes
            expected["Currency"] = expected["Currency"].map(
                lambda c: CURRENCY_ABBREVIATIONS.get(c.strip().upper(), c)
                if isinstance(c, str) else c)
        planted = book.planted[book.planted["Kind"] == kind]
        for p in planted.itertuples():
            expected.loc[p.Record, p.Column] = None
            assert (layout.sheet, p.Cell) in issues, (kind, p.Cell, p.Value)
            assert issues[(layout.sheet, p.Cell)].value == p.Value
        for column in SCHEMAS[kind].columns:
            got = table.frame[column].reset_index(drop=True)
            want = expected[column]
            if pd.api.types.is_float_dtype(want):
                same = np.isclose(got.astype(float), want.astype(float), rtol=0, atol=1e-9) | (
                    got.isna() & want.isna())
            else:
                same = (got.astype(object) == want.astype(object)) | (got.isna() & want.isna())
            bad = ~same.to_numpy()
            assert not bad.any(), (kind, column, list(zip(table.raw[column][bad][:3],
                                                          want[bad][:3], got[bad][:3], strict=True)))
    # Nothing else went wrong: the only other issues are required values left blank on purpose.
    planted = set(zip(book.planted["Sheet"], book.planted["Cell"], strict=True))
    others = [i for key, i in issues.items() if key not in planted]
    # the ledger's receipts naming a mistyped invoice, each said at its cell
    defects = ledger["_defects"]
    typos = [i for i in others if "is not in the invoice list" in i.message]
    assert sorted(i.value for i in typos) == sorted(
        defects.loc[defects["Code"] == "UNKNOWN_INVOICE", "Key"])
    others = [i for i in others if i not in typos]
    assert all("required but blank" in i.message for i in others), others[:3]
    missing_names = ledger["Customers"]["Name"].isna().sum()
    assert len(others) == missing_names


def test_english_book_reads_back_exactly(english, ledger):
    assert_reads_back(english, ledger)


def test_arabic_book_reads_back_exactly(arabic, ledger):
    assert_reads_back(arabic, ledger)
    assert read_book(arabic.path).arabic


def test_streaming_writer_gives_the_same_book(ledger, tmp_path):
    book = write_workbook(ledger, tmp_path / "cm.xlsx", seed=8, constant_memory=True)
    assert_reads_back(book, ledger)
    table = openpyxl.load_workbook(book.path)["Invoices"].tables["tblInvoices"]
    assert table.ref == f"A1:{book.sheets['Invoices'].letters['Notes']}{len(ledger['Invoices']) + 1}"


def test_layout_title_row_blank_row_table_and_sheet_names(english, arabic, ledger):
    wb = openpyxl.load_workbook(english.path)
    assert wb.sheetnames == ["Customers", "Invoices", "Receipts", "Orders", "Credit Requests",
                             "Invoice Lines", "Price List", "Payment Plans", "Policy"]
    customers = wb["Customers"]
    assert [str(r) for r in customers.merged_cells.ranges] == ["A1:P1"]  # over the header's width
    assert customers["A1"].value == "Customer Master" and customers["A3"].value == "Customer ID"
    blank = english.sheets["Customers"].blank_rows[0]
    assert all(c.value is None for c in customers[blank])
    assert english.sheets["Customers"].rows[-1] == len(ledger["Customers"]) + 4  # title, gap, header, blank
    assert list(wb["Invoices"].tables) == ["tblInvoices"]
    assert [c.value for c in wb["Receipts"][3]][:2] == ["Receipt No", "Customer ID"]

    ar = openpyxl.load_workbook(arabic.path)
    assert ar.sheetnames[:3] == ["العملاء", "الفواتير", "التحصيلات"]
    assert all(ws.sheet_view.rightToLeft for ws in ar.worksheets)
    assert [c.value for c in ar["الفواتير"][1]] == [
        "رقم الفاتورة", "رقم العميل", "تاريخ الفاتورة", "تاريخ الاستحقاق", "العملة", "المبلغ",
        "المندوب", "ملاحظات"]
    statuses = {s.strip() for s in _cells(arabic.path, "العملاء", "الحالة", 3) if s}
    assert statuses == {"نشط", "موقوف", "مغلق"}


def test_amounts_are_typed_the_ways_people_type_them(english):
    values = _cells(english.path, "Invoices", "Amount", 1)
    texts = [v for v in values if isinstance(v, str)]
    numbers = [v for v in values if isinstance(v, int | float)]
    assert len(numbers) > 0.6 * len(values) and len(texts) > 0.2 * len(values)
    assert any(re.fullmatch(r"\d{1,3}(,\d{3})+\.\d\d", t) for t in texts)  # 12,345.50
    assert any(re.search(r"[٠-٩]", t) for t in texts)  # Arabic-Indic digits
    assert any(re.search(r"[۰-۹]", t) for t in texts)  # Persian digits
    assert any(re.match(r"(EGP|SAR|AED|USD) |\$", t) for t in texts)  # currency word/symbol
    assert any(t != t.strip() for t in texts)  # stray spaces
    assert any(t.startswith(("-", "(")) or "-" in t for t in texts)  # credit notes as text


def test_dates_terms_and_ids_are_typed_the_ways_people_type_them(english):
    dates = _cells(english.path, "Invoices", "Invoice Date", 1)
    assert sum(isinstance(d, datetime) for d in dates) > 0.7 * len(dates)
    texts = [d for d in dates if isinstance(d, str)]
    assert any(re.fullmatch(r"20\d\d-\d\d-\d\d", t) for t in texts)  # ISO
    assert any(re.fullmatch(r"\d\d[/.-]\d\d[/.-]20\d\d", t) for t in texts)  # day first
    assert any(isinstance(d, int | float) and 40000 < d < 50000 for d in dates)  # bare serials
    assert any(d is None for d in _cells(english.path, "Invoices", "Due Date", 1))
    terms = _cells(english.path, "Customers", "Payment Terms", 3)
    assert any(isinstance(t, str) and t.startswith("Net ") for t in terms)
    assert any(isinstance(t, str) and t.endswith(" days") for t in terms)
    assert any(isinstance(t, int | float) for t in terms)
    ids = _cells(english.path, "Invoices", "Invoice No", 1)
    assert any(isinstance(i, str) and i != i.strip() for i in ids)
    discounts = [d for d in _cells(english.path, "Customers", "Discount %", 3)
                 if isinstance(d, int | float)]
    assert max(discounts) <= 1  # typed as 5 % in a percent-formatted column


def test_clean_mode_writes_proper_cell_types(ledger, tmp_path):
    book = write_workbook(ledger, tmp_path / "clean.xlsx", messy=False)
    assert book.planted.empty
    values = _cells(book.path, "Invoices", "Amount", 1)
    assert all(isinstance(v, int | float) for v in values)
    assert all(isinstance(d, datetime) for d in _cells(book.path, "Invoices", "Invoice Date", 1))
    assert_reads_back(book, ledger)


def test_sheet_order_covers_what_make_ledger_returns(ledger):
    assert [k for k in SHEET_ORDER if k in ledger] == [k for k in ledger if k in SHEET_ORDER]
    assert set(ledger) - set(SHEET_ORDER) == {"_defects"}


# ------------------------------------------------------------------ the committed demo books

DEMO = REPO / "workbooks" / "demo_ar.xlsx"
DEMO_AR = REPO / "workbooks" / "demo_ar_arabic.xlsx"
DEMO_BANK = REPO / "workbooks" / "demo_bank.csv"


@pytest.mark.skipif(not DEMO.exists(), reason="workbooks/demo_ar.xlsx not built")
def test_committed_demo_is_current_and_every_row_accounted_for(tmp_path):
    """The committed book is what the generator makes today, read back record for record."""
    from ar_excel.demo.build import ENGLISH, SEED, demo_ledger

    assert DEMO.stat().st_size < 1.5e6 and DEMO_AR.stat().st_size < 1.5e6
    ledger = demo_ledger(ENGLISH, SEED)
    fresh = write_workbook(ledger, tmp_path / "fresh.xlsx", seed=SEED)
    committed = WrittenBook(DEMO, fresh.sheets, fresh.planted, fresh.styles)
    try:
        assert_reads_back(committed, ledger)
    except AssertionError as exc:
        raise AssertionError(f"workbooks/demo_ar.xlsx is out of date: rebuild it with "
                             f"'python -m ar_excel.demo.build' ({exc})") from exc
    book = read_book(DEMO)
    assert (len(book.customers), len(book.invoices), len(book.payments)) == ENGLISH
    assert not book.arabic and read_book(DEMO_AR).arabic


@pytest.mark.skipif(not DEMO_BANK.exists(), reason="workbooks/demo_bank.csv not built")
def test_committed_bank_statement_is_the_month_the_books_close_in():
    from ar_excel.bank import read_statement
    from ar_excel.demo.build import AS_OF, statement_month

    statement = read_statement(DEMO_BANK)
    book = read_book(DEMO)
    dates = pd.to_datetime(statement.lines["Date"])
    month = statement_month(AS_OF)
    assert month == pd.Timestamp("2026-11-01") and book.payments["Date"].max() <= pd.Timestamp(AS_OF)
    assert dates.min() >= month and dates.max() <= month + pd.offsets.MonthEnd(0)
    assert len(statement.lines) == 450 and set(statement.lines["Currency"]) == {"EGP"}
    # Every invoice number, not a slice of a set: a set's order moves with the hash seed.
    numbers = set(book.invoices["Invoice No"].dropna().astype(str))
    quoted = statement.lines["Description"].astype(str).str.findall(r"INV-\d{4}-\d{5}")
    assert quoted.map(lambda found: any(n in numbers for n in found)).sum() == 85
