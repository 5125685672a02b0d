"""A bank export whose layout is not recognised: the message says how to name the columns,
and --bank-columns (or the Policy key bank_columns) makes it readable."""

from __future__ import annotations

from datetime import datetime

import openpyxl
import pytest

from ar_excel.cli import main
from ar_excel.errors import UsageError
from ar_excel.jobs.reconcile import bank_columns


def _book(tmp_path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Customers"
    ws.append(["Customer ID", "Name", "Payment Terms"])
    ws.append(["C1", "Nile Foods S.A.E.", 30])
    inv = wb.create_sheet("Invoices")
    inv.append(["Invoice No", "Customer ID", "Invoice Date", "Amount"])
    inv.append(["INV-2024-0107", "C1", datetime(2024, 2, 1), 1250.0])
    path = tmp_path / "book.xlsx"
    wb.save(path)
    return path


def _statement(tmp_path):
    path = tmp_path / "export.csv"
    path.write_text("Tag;Summe;Info\n05.03.2024;1.250,00;NILE FOODS PAYMENT INV-2024-0107\n",
                    encoding="utf-8")
    return path


def test_unrecognised_layout_is_refused_with_the_option_to_use(tmp_path, capsys):
    code = main(["reconcile", str(_book(tmp_path)), "--bank", str(_statement(tmp_path)),
                 "-o", str(tmp_path / "out.xlsx")])
    assert code == 1
    assert "--bank-columns" in capsys.readouterr().err


def test_bank_columns_name_the_headers(tmp_path):
    out = tmp_path / "out.xlsx"
    code = main(["reconcile", str(_book(tmp_path)), "--bank", str(_statement(tmp_path)),
                 "--bank-columns", "Date=Tag; Amount=Summe; Description=Info; decimal=,",
                 "-o", str(out)])
    assert code == 0
    rows = list(openpyxl.load_workbook(out)["Bank Matches"].iter_rows(values_only=True))
    assert rows[1][:9] == ("1", datetime(2024, 3, 5), 1250.0, "INV-2024-0107", "C1", 1250.0,
                           "reference", rows[1][7], "Matched")


def test_bad_bank_columns_are_a_usage_error(tmp_path):
    assert bank_columns("Date=Tag;Amount=Summe") == {"Date": "Tag", "Amount": "Summe"}
    with pytest.raises(UsageError, match="'Colour=Red' is not COLUMN=HEADER"):
        bank_columns("Date=Tag;Colour=Red")
    code = main(["reconcile", str(_book(tmp_path)), "--bank", str(_statement(tmp_path)),
                 "--bank-columns", "Amount", "-o", str(tmp_path / "o.xlsx")])
    assert code == 2


def test_bank_columns_name_a_headerless_file_by_column_letter(tmp_path):
    statement = tmp_path / "export.csv"
    statement.write_text("2024-03-05;2024-03-06;NILE FOODS PAYMENT INV-2024-0107;1.250,00\n"
                         "2024-03-06;2024-03-06;GEBUEHR;-4,90\n", encoding="utf-8")
    out = tmp_path / "out.xlsx"
    code = main(["reconcile", str(_book(tmp_path)), "--bank", str(statement),
                 "--bank-columns", "Date=A;Value Date=B;Description=C;Amount=D;decimal=,",
                 "-o", str(out)])
    assert code == 0
    rows = list(openpyxl.load_workbook(out)["Bank Matches"].iter_rows(values_only=True))
    assert rows[1][:7] == ("1", datetime(2024, 3, 5), 1250.0, "INV-2024-0107", "C1", 1250.0,
                           "reference")
