"""Work a read or a run does once, not once per step that needs it: an .ods file's
content.xml unzipped once per read, the Customers sheet of a book without invoices parsed
once, the pasted Bank Statement sheet looked for once per run; and the issues the code acts
on (a statement that does not tie out, a reader's issue a job answered) told by what they
are, not by their wording."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pandas as pd

import ar_excel.bank.workbook_sheet as workbook_sheet
import ar_excel.io.book_build as book_build
import ar_excel.io.ods_xml as ods_xml
from ar_excel.bank import read_statement
from ar_excel.bank.statement import TIE_OUT
from ar_excel.io.ods_errors import ods_errors
from ar_excel.io.ods_merges import ods_merges
from ar_excel.io.reader import read_book
from ar_excel.jobs import JobOptions, registry
from ar_excel.jobs.reconcile import load_statement
from ar_excel.runner import missing_inputs, run_jobs
from tests._workbooks import save_sheets

FIXTURES = Path(__file__).parent / "fixtures" / "excel_errors"


def _counting(monkeypatch, module, name):
    calls = []
    real = getattr(module, name)

    def counted(*args, **kwargs):
        calls.append(args)
        return real(*args, **kwargs)

    monkeypatch.setattr(module, name, counted)
    return calls


def test_an_ods_files_content_xml_is_unzipped_once_per_read(monkeypatch):
    unzips = _counting(monkeypatch, ods_xml, "_unzip")
    book = read_book(FIXTURES / "errors.ods")
    # merges, error cells, hidden rows and the Customers sheet's hidden columns all look
    assert len(unzips) == 1
    assert ("Invoices", "E3", "Amount", "#DIV/0!") in [
        (i.sheet, i.cell, i.column, i.value) for i in book.issues]
    # outside a read each look unzips it itself (nothing kept once the read is done)
    ods_merges(FIXTURES / "errors.ods")
    assert ods_errors(FIXTURES / "errors.ods", ["Invoices"])["Invoices"]["E3"] == "#DIV/0!"
    assert len(unzips) == 3


def test_the_customer_list_of_a_book_without_invoices_is_parsed_once(tmp_path, monkeypatch):
    path = save_sheets(tmp_path / "template.xlsx", {
        "Customers": [["Customer ID", "Name", "Currency"], ["C1", "Nile Foods", "EGP"],
                      ["C2", "Delta Trading", "EGP"]],
        "Invoices": [["Invoice No", "Customer ID", "Invoice Date", "Amount"]],
    })
    reads = _counting(monkeypatch, book_build, "read_table")
    book = read_book(path)
    assert [a[1] for a in reads].count("Customers") == 1
    assert book.customers["Customer ID"].tolist() == ["C1", "C2"]
    assert book.invoices.empty


PASTED = [
    ["Commercial International Bank (CIB) - Account Statement"],
    ["Account Number", "100012345678", None, "Currency", "EGP"],
    [],
    ["Transaction Date", "Description", "Reference", "Debit", "Credit", "Balance"],
    ["01/11/2026", "Opening Balance", None, None, None, "1,000,000.00"],
    ["05/11/2026", "INWARD TRF NILE FOODS CO INV-101", "FT2631", None, "37,000.00",
     "1,037,000.00"],
    ["12/11/2026", "BANK CHARGES", "CH99", "150.00", None, "1,036,850.00"],
    ["30/11/2026", "Closing Balance", None, None, None, "1,036,000.00"],
]
AR = {
    "Customers": [["Customer ID", "Name", "Currency", "Payment Terms"],
                  ["C1", "Nile Foods Co", "EGP", 30]],
    "Invoices": [["Invoice No", "Customer ID", "Invoice Date", "Amount"],
                 ["INV-101", "C1", dt.date(2026, 10, 20), 37000]],
}


def test_a_pasted_statement_is_looked_for_once_per_run(tmp_path, monkeypatch):
    book = read_book(save_sheets(tmp_path / "ar.xlsx", {**AR, "Bank Statement": PASTED}))
    searches = _counting(monkeypatch, workbook_sheet, "_pasted_statement_sheet")
    options = JobOptions(as_of=dt.date(2026, 11, 30))
    assert missing_inputs(registry()["reconcile"], book, options) is None
    statement = load_statement(book, options)
    assert len(searches) == 1
    assert statement.lines["Amount"].tolist() == [37000.0, -150.0]


def test_a_pasted_statement_that_does_not_tie_out_and_the_readers_issue_it_answers(tmp_path):
    book = read_book(save_sheets(tmp_path / "ar.xlsx", {**AR, "Bank Statement": PASTED}))
    said = book.unusable["Bank Statement"]
    assert [i.message for i in book.issues if i.sheet == "Bank Statement"] == [said]
    outcome = run_jobs(book, [registry()["reconcile"]], JobOptions(as_of=dt.date(2026, 11, 30)))
    # the reader's "could not read" is withdrawn: the importer read the sheet
    assert [i.message for i in book.withdrawn] == [said]
    assert said not in [i.message for i in outcome.issues]
    # 1,000,000 + 37,000 - 150 = 1,036,850, not the 1,036,000 stated: said at the closing
    # balance's cell (F8), told by its kind
    (tie,) = [i for i in outcome.issues if i.kind == TIE_OUT]
    assert (tie.sheet, tie.cell, tie.column, tie.value) == ("Bank Statement", "F8", "Balance",
                                                           850.0)


def test_a_file_that_does_not_tie_out_says_so_with_its_kind(tmp_path):
    path = tmp_path / "statement.csv"
    path.write_text("Date,Description,Amount,Balance\n"
                    "01/11/2026,Opening Balance,,1000.00\n"
                    "05/11/2026,TRF NILE FOODS,500.00,1500.00\n"
                    "30/11/2026,Closing Balance,,1400.00\n", encoding="utf-8")
    statement = read_statement(path)
    kinds = pd.Series([i.kind for i in statement.issues])
    assert (kinds == TIE_OUT).sum() == 1
    (tie,) = [i for i in statement.issues if i.kind == TIE_OUT]
    assert tie.value == 100.0 and "does not tie out" in tie.message
