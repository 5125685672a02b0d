"""The statement read early (``bank.prefetch``, started by the command line while the workbook
is read) is used only when the reconciliation asks for the same, unchanged file with the same
settings; otherwise the file is read again. Same result, same errors, either way."""

from __future__ import annotations

import os

import pandas as pd
import pytest

import ar_excel.bank as bank
from ar_excel.bank import prefetch, read_statement
from ar_excel.cli import main
from ar_excel.errors import InputError
from tests.test_reconcile_job import read_tab

CSV = "Date,Description,Amount\n03/11/2026,INV-1 ACME,100.50\n04/11/2026,FEES,-5.00\n"


@pytest.fixture()
def reads(monkeypatch):
    """Counts the reads of statement files."""
    calls = []
    real = bank.read_statement_file

    def counting(path, *args):
        calls.append(str(path))
        return real(path, *args)

    monkeypatch.setattr(bank, "read_statement_file", counting)
    return calls


def test_the_early_read_is_taken_for_the_same_file_and_settings(tmp_path, reads):
    f = tmp_path / "st.csv"
    f.write_text(CSV)
    prefetch.start(f, None, day_first=True)
    got = read_statement(f, None, day_first=True)
    assert reads == [str(f)]  # read once, in the background
    assert got.lines["Amount"].tolist() == [100.5, -5.0]
    assert got.lines["Date"].tolist() == [pd.Timestamp("2026-11-03"), pd.Timestamp("2026-11-04")]
    read_statement(f, None, day_first=True)  # taken once only: a second read reads the file
    assert len(reads) == 2


def test_other_settings_read_the_file_again(tmp_path, reads):
    f = tmp_path / "st.csv"
    f.write_text(CSV)
    prefetch.start(f, None, day_first=True)
    got = read_statement(f, None, day_first=False)  # the workbook's Policy: month first
    assert len(reads) == 2
    assert got.lines["Date"].tolist() == [pd.Timestamp("2026-03-11"), pd.Timestamp("2026-04-11")]


def test_a_file_changed_since_is_read_again(tmp_path, reads):
    f = tmp_path / "st.csv"
    f.write_text(CSV)
    prefetch.start(f, None, day_first=True)
    f.write_text(CSV + "05/11/2026,INV-2 ACME,7.00\n")
    os.utime(f, ns=(1, 1))  # a different modification time, whatever the clock's resolution
    got = read_statement(f, None, day_first=True)
    assert got.lines["Amount"].tolist() == [100.5, -5.0, 7.0]


def test_an_error_of_the_early_read_is_the_error_of_the_read(tmp_path):
    f = tmp_path / "st.csv"
    f.write_text("   \n")
    prefetch.start(f, None, day_first=True)
    with pytest.raises(InputError, match="empty"):
        read_statement(f, None, day_first=True)


def test_reconcile_reads_the_statement_once_and_writes_what_a_plain_read_gives(tmp_path, reads,
                                                                              monkeypatch):
    from tests.test_reconcile_job import write_book

    customers = pd.DataFrame({"Customer ID": ["C1"], "Name": ["Acme Trading"],
                              "Payment Terms": [30], "Currency": ["EGP"]})
    invoices = pd.DataFrame({"Invoice No": ["INV-1"], "Customer ID": ["C1"],
                             "Invoice Date": [pd.Timestamp("2026-10-01")], "Amount": [100.5]})
    book = write_book(tmp_path / "book.xlsx", {"Customers": customers, "Invoices": invoices})
    f = tmp_path / "st.csv"
    f.write_text(CSV)
    assert main(["reconcile", str(book), "--bank", str(f), "-o", str(tmp_path / "a.xlsx")]) == 0
    assert reads == [str(f)]
    monkeypatch.setattr(prefetch, "start", lambda *a, **k: None)  # no early read
    assert main(["reconcile", str(book), "--bank", str(f), "-o", str(tmp_path / "b.xlsx")]) == 0
    a = read_tab(tmp_path / "a.xlsx", "Bank Matches", "Bank Line")
    b = read_tab(tmp_path / "b.xlsx", "Bank Matches", "Bank Line")
    pd.testing.assert_frame_equal(a, b)
    assert a[["Invoice No", "Applied Amount", "Status"]].values.tolist() == [["INV-1", 100.5, "Matched"]]
