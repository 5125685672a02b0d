"""A Dunning History sheet kept without its header row: the sheet is kept as it is, and the
user is told what happened and what to do (add the header row, or rename the sheet)."""

from __future__ import annotations

from datetime import datetime

import openpyxl
import pytest

from ar_excel.cli import main
from ar_excel.jobs.collections import HEADERLESS_HISTORY
from tests.collections_data import customers, invoices, payments, write_workbook

ROWS = [[datetime(2026, 10, 20), "C1", 2, "Firm reminder", "EGP", 5000, "Send firm reminder"],
        [datetime(2026, 10, 27), "C1", 2, "Firm reminder", "EGP", 5000, "Send firm reminder"]]
REFUSAL = (
    "the Dunning History sheet has no header row with Date, Customer ID, Level, so the letters "
    "in it cannot be read: the sheet is kept as it is and the collections run could not be "
    "written into 'ar.xlsx' (ar_excel never writes over a sheet it does not recognise as its "
    "own tab; no tab and no letter was written); add the header row Date, Customer ID, Level, "
    "Level Name, Currency, Amount, Action above its rows, or rename the sheet (a new history "
    "then starts from the next run)")


@pytest.fixture()
def book(tmp_path):
    cust = customers([{"Customer ID": "C1", "Name": "Alpha", "Email": "a@alpha.example"}])
    inv = invoices([("I1", "C1", "2026-08-01", "2026-08-31", 5000.00)])  # 61 days on 10-31
    path = tmp_path / "ar.xlsx"
    write_workbook(path, {"Customers": cust, "Invoices": inv, "Payments": payments([])})
    wb = openpyxl.load_workbook(path)
    ws = wb.create_sheet("Dunning History")
    for row in ROWS:
        ws.append(row)
    wb.save(path)
    return path


def sheet_rows(path, name):
    return [list(r) for r in openpyxl.load_workbook(path)[name].iter_rows(values_only=True)]


def test_collections_into_book_stops_and_says_why(book, tmp_path, capsys):
    before = book.read_bytes()
    assert main(["collections", str(book), "--as-of", "2026-10-31", "--no-backup"]) == 1
    assert capsys.readouterr().err == f"ar-excel: {REFUSAL}\n"
    assert book.read_bytes() == before  # the history and everything else as they were
    assert not (tmp_path / "dunning").exists()  # no draft the workbook would not record


def test_month_end_run_writes_the_other_jobs_and_keeps_the_history(book, tmp_path, capsys):
    assert main(["run", str(book), "--as-of", "2026-10-31", "--no-backup"]) == 1
    assert capsys.readouterr().err == f"ar-excel: collections: {REFUSAL}\n"
    wb = openpyxl.load_workbook(book)
    assert "Aging" in wb.sheetnames and "Dunning" not in wb.sheetnames
    assert sheet_rows(book, "Dunning History") == ROWS
    assert not (tmp_path / "dunning").exists()


def test_with_the_header_row_added_the_history_paces_the_letters(book, tmp_path):
    wb = openpyxl.load_workbook(book)
    wb["Dunning History"].insert_rows(1)
    for j, name in enumerate(["Date", "Customer ID", "Level", "Level Name", "Currency",
                              "Amount", "Action"], start=1):
        wb["Dunning History"].cell(row=1, column=j, value=name)
    wb.save(book)
    assert main(["collections", str(book), "--as-of", "2026-10-31", "--no-backup"]) == 0
    rows = sheet_rows(book, "Dunning")
    head = rows[0]
    c1 = dict(zip(head, rows[1], strict=False))
    # 61 days: level 3 is due; the last escalation (to 2) was 11 days ago: it goes out
    assert (c1["Level"], c1["Last Level"], c1["Letter"]) == (3, 2, True)
    hist = [r[:3] for r in sheet_rows(book, "Dunning History") if isinstance(r[0], datetime)]
    assert hist == [[datetime(2026, 10, 20), "C1", 2], [datetime(2026, 10, 27), "C1", 2],
                    [datetime(2026, 10, 31), "C1", 3]]


def test_written_elsewhere_the_run_goes_through_and_the_issue_says_so(book, tmp_path, capsys):
    before = book.read_bytes()
    out = tmp_path / "out.xlsx"
    assert main(["collections", str(book), "--as-of", "2026-10-31", "-o", str(out)]) == 0
    assert book.read_bytes() == before
    issues = sheet_rows(out, "Input Issues")
    assert [r[:2] + r[4:] for r in issues[1:]] == [["Dunning History", "A1", HEADERLESS_HISTORY]]
    assert HEADERLESS_HISTORY == (
        "the Dunning History sheet has no header row with Date, Customer ID, Level: its rows "
        "were not read and the sheet is kept as it is; the Dunning History written with this "
        "run starts from this run's letters (earlier letters were not known to pace them); to "
        "use it, add the header row Date, Customer ID, Level, Level Name, Currency, Amount, "
        "Action above its rows, or rename the sheet")
    hist = [r[:3] for r in sheet_rows(out, "Dunning History") if isinstance(r[0], datetime)]
    assert hist == [[datetime(2026, 10, 31), "C1", 3]]
    assert sorted(p.name for p in (tmp_path / "dunning").glob("*.eml")) == ["2026-10-31_C1.eml"]
    # the next run to the same OUT reads OUT's own history, as any -o user's
    capsys.readouterr()
    assert main(["collections", str(book), "--as-of", "2026-11-03", "-o", str(out)]) == 0
    rows = sheet_rows(out, "Dunning")
    c1 = dict(zip(rows[0], rows[1], strict=False))
    assert (c1["Level"], c1["Letter"], c1["Next Action"]) == (
        3, False, "Wait: letter sent 2026-10-31")
    # a headerless history in OUT itself is the workbook written: stopped, OUT kept
    wb = openpyxl.load_workbook(out)
    wb["Dunning History"].delete_rows(1)
    wb.save(out)
    kept = out.read_bytes()
    assert main(["collections", str(book), "--as-of", "2026-11-07", "-o", str(out)]) == 1
    assert "could not be written into 'out.xlsx'" in capsys.readouterr().err
    assert out.read_bytes() == kept
