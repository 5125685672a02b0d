"""`ar-excel validate --protect-password` protects the customer master in the workbook itself."""

from __future__ import annotations

import openpyxl

from ar_excel.cli import main


def _book(tmp_path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Customers"
    ws.append(["Customer ID", "Name", "Email", "Phone", "Credit Limit", "Payment Terms"])
    ws.append(["C1", "Nile Foods S.A.E.", "ap@nilefoods.com.eg", "+20 2 2345 6789", 50000, 30])
    ws.append(["C2", "Delta Trading LLC", "finance@delta.ae", "+971 4 123 4567", 20000, 45])
    path = tmp_path / "book.xlsx"
    wb.save(path)
    return path


def test_protects_master_in_place_leaving_contact_fields_editable(tmp_path, capsys):
    book = _book(tmp_path)
    assert main(["validate", str(book), "--protect-password", "s3cret", "--as-of", "2026-01-31"]) == 0
    ws = openpyxl.load_workbook(book)["Customers"]
    assert ws.protection.sheet is True and ws.protection.password  # hashed by openpyxl
    assert ws["E2"].protection.locked  # Credit Limit stays locked
    assert ws["A2"].protection.locked
    assert ws["A1"].protection.locked and ws["C1"].protection.locked  # header row
    editable = [c for c in "ABCDEF" if not ws[f"{c}2"].protection.locked]
    assert editable and "E" not in editable and "F" not in editable
    assert ws["B2"].value == "Nile Foods S.A.E."  # the data is untouched


def test_with_out_the_master_is_not_touched_and_the_user_is_told(tmp_path, capsys):
    book = _book(tmp_path)
    before = book.read_bytes()
    out = tmp_path / "out.xlsx"
    assert main(["validate", str(book), "--protect-password", "s3cret", "-o", str(out)]) == 0
    assert book.read_bytes() == before
    assert "protected only when written into BOOK" in capsys.readouterr().out
