"""The ar-excel command as a user runs it: help, version, exit codes, outputs."""

from __future__ import annotations

import subprocess
import sys
from datetime import datetime

import openpyxl
import pytest

from ar_excel.cli import main


def _book(tmp_path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Customers"
    ws.append(["Customer ID", "Name", "Payment Terms", "Credit Limit"])
    ws.append(["C1", "Nile Foods", "Net 30", "50,000"])
    ws.append(["C2", "=cmd|' /C calc'!A0", "abc", 100])
    inv = wb.create_sheet("Invoices")
    inv.append(["Invoice No", "Customer ID", "Invoice Date", "Amount"])
    inv.append(["I-1", "C1", datetime(2024, 1, 5), 1000])
    path = tmp_path / "book.xlsx"
    wb.save(path)
    return path


def test_version_and_help(capsys):
    with pytest.raises(SystemExit) as e:
        main(["--version"])
    assert e.value.code == 0 and "ar-excel 0.1.0" in capsys.readouterr().out
    with pytest.raises(SystemExit) as e:
        main(["run", "--help"])
    assert e.value.code == 0 and "--as-of" in capsys.readouterr().out


def test_bad_usage_exits_2(capsys):
    assert main([]) == 2
    with pytest.raises(SystemExit) as e:
        main(["run"])  # BOOK missing
    assert e.value.code == 2
    with pytest.raises(SystemExit) as e:
        main(["run", "x.xlsx", "--as-of", "someday"])
    assert e.value.code == 2 and "--as-of" in capsys.readouterr().err


def test_unprocessable_input_exits_1_with_one_line(tmp_path, capsys):
    assert main(["run", str(tmp_path / "missing.xlsx")]) == 1
    err = capsys.readouterr().err.strip()
    assert err.count("\n") == 0 and "no such file" in err


def test_run_writes_input_issues_to_out(tmp_path, capsys):
    book = _book(tmp_path)
    before = book.read_bytes()
    out = tmp_path / "out.xlsx"
    assert main(["run", str(book), "-o", str(out), "--as-of", "2024-01-31"]) == 0
    assert book.read_bytes() == before  # -o leaves the book alone
    ws = openpyxl.load_workbook(out)["Input Issues"]
    rows = [[c.value for c in r] for r in ws.iter_rows()]
    assert rows[0] == ["Sheet", "Cell", "Column", "Value", "Message"]
    assert rows[1][:4] == ["Customers", "C3", "Payment Terms", "abc"]


def test_module_entry_point_runs(tmp_path):
    done = subprocess.run([sys.executable, "-m", "ar_excel", "--version"], capture_output=True,
                          text=True, timeout=120)
    assert done.returncode == 0 and done.stdout.startswith("ar-excel")


def test_change_log_continues_in_out_across_runs(tmp_path):
    book = _book(tmp_path)
    out = tmp_path / "out.xlsx"
    assert main(["validate", str(book), "-o", str(out)]) == 0
    wb = openpyxl.load_workbook(book)
    wb["Customers"]["D2"] = 75000  # credit limit raised between the two runs
    wb.save(book)
    assert main(["validate", str(book), "-o", str(out)]) == 0
    changes = openpyxl.load_workbook(out)["Customer Changes"]
    rows = [[c.value for c in r] for r in changes.iter_rows(values_only=False)]
    flat = [" ".join(str(v) for v in r if v is not None) for r in rows]
    assert any("C1" in line and "50000" in line.replace(",", "") and "75000" in line.replace(",", "")
               for line in flat), flat


def test_arabic_workbook_gets_arabic_input_issue_messages(tmp_path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "العملاء"
    ws.append(["رقم العميل", "اسم العميل", "شروط الدفع", "حد الائتمان"])
    ws.append(["١٠٠١", "شركة النور للتجارة", "قريباً", "يحدد لاحقاً"])
    ws.append([None, "مؤسسة الفجر", "٣٠", "١٠٬٠٠٠"])
    book = tmp_path / "دفتر.xlsx"
    wb.save(book)
    out = tmp_path / "out.xlsx"
    assert main(["validate", str(book), "-o", str(out)]) == 0
    rows = list(openpyxl.load_workbook(out)["Input Issues"].iter_rows(values_only=True))
    assert rows[1] == ("Sheet", "Cell", "Column", "Value", "Message")  # under the label row
    by_cell = {r[1]: r[4] for r in rows[2:]}
    assert by_cell == {
        "C2": "'قريباً' ليست شروط دفع بالأيام (مثل 30 أو Net 30 أو 30 يوم)",
        "D2": "'يحدد لاحقاً' ليس رقماً",
        "A3": "رقم العميل مطلوب لكنه فارغ",
    }


def test_validate_needs_a_customer_list_of_the_workbooks_own(tmp_path, capsys):
    # an invoice list handed over alone: the other jobs run on the customers it names, but
    # there is no customer master to check (it reported '2 customers checked: 0 errors' and
    # started a change log of customers made up from the invoices)
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Invoices"
    ws.append(["Invoice No", "Customer ID", "Customer Name", "Invoice Date", "Amount"])
    ws.append(["I1", "C1", "Nile Foods", datetime(2026, 10, 1), 100])
    ws.append(["I2", "C2", "Delta Traders", datetime(2026, 10, 5), 200])
    book = tmp_path / "invoices_only.xlsx"
    wb.save(book)
    assert main(["validate", str(book), "-o", str(tmp_path / "v.xlsx")]) == 1
    err = capsys.readouterr().err
    assert err == ("ar-excel: validate: the workbook has no 'Customers' sheet of its own (its "
                   "customers are the ones 'Invoices' names)\n")
    out = tmp_path / "run.xlsx"
    assert main(["run", str(book), "--as-of", "2026-11-30", "-o", str(out)]) == 0
    printed = capsys.readouterr().out
    assert "validate: skipped, the workbook has no 'Customers' sheet of its own" in printed
    names = openpyxl.load_workbook(out, read_only=True).sheetnames
    assert "Aging" in names and "Customer Checks" not in names
    from ar_excel.io.summaries_ar import arabic_summary

    assert arabic_summary("validate: skipped, the workbook has no 'Customers' sheet of its own "
                          "(its customers are the ones 'Invoices' names)") == (
        "validate: تم التخطي: لا توجد ورقة 'Customers' خاصة بالمصنف (عملاؤه هم من تذكرهم "
        "'Invoices')")
