"""A local package's CSV written with semicolons (decimal commas inside) or tabs, opened in an
Excel whose list separator is the comma and saved as .xlsx: every row lands whole in column
A. It is read split as Excel's Text to Columns would split it, and said."""

from __future__ import annotations

from datetime import date

import pytest

from ar_excel.io.reader import read_book
from ar_excel.jobs import JobOptions, registry
from tests._workbooks import save_sheets

AS_OF = date(2026, 11, 30)


@pytest.mark.parametrize("sep", [";", "\t", "|"])
def test_a_csv_opened_whole_into_column_a_is_split_and_said(tmp_path, sep):
    def row(*values):
        return [sep.join(values)]

    path = save_sheets(tmp_path / "semi.xlsx", {
        "Customers": [row("Customer ID", "Name", "Currency"),
                      row("C1", '"Nile Foods; Cairo"' if sep == ";" else "Nile Foods", "EGP"),
                      row("C2", "Delta Traders", "EGP")],
        "Invoices": [row("Invoice No", "Customer ID", "Invoice Date", "Amount"),
                     row("INV-1", "C1", "01/10/2026", "1.234,56"),
                     [None], row("INV-2", "C2", "05/11/2026", "500,00"),
                     row("CN-1", "C2", "20/11/2026", "-100,00")]})
    book = read_book(path)
    shown = {";": "';'", "\t": "tabs", "|": "'|'"}[sep]
    assert [(i.sheet, i.cell, i.message) for i in book.issues] == [
        (sheet, "A1", f"sheet '{sheet}' holds each row in one cell, its values separated by "
                      f"{shown} (a CSV opened without being split into columns): read split "
                      f"into {n} columns, its cells named as Excel's Text to Columns would "
                      f"place them") for sheet, n in (("Customers", 3), ("Invoices", 4))]
    assert book.customers["Name"].tolist()[1] == "Delta Traders"
    if sep == ";":
        assert book.customers["Name"].tolist()[0] == "Nile Foods; Cairo"  # (quoted)
    assert book.invoices[["Invoice No", "Customer ID", "Amount"]].values.tolist() == [
        ["INV-1", "C1", 1234.56], ["INV-2", "C2", 500.0], ["CN-1", "C2", -100.0]]
    assert book.tables["Invoices"].cell(2, "Amount") == "D5"  # (row 3 left blank)
    result = registry()["aging"].run(book, JobOptions(as_of=AS_OF))
    aging = next(t.frame for t in result.tabs if t.name == "Aging")
    assert aging["Total"].dropna().tolist()[:2] == [1234.56, 400.0]


def test_a_sheet_of_notes_or_of_real_columns_is_left_as_it_is(tmp_path):
    path = save_sheets(tmp_path / "plain.xlsx", {
        "Customers": [["Customer ID", "Name"], ["C1", "Nile; Cairo branch"]],
        "Invoices": [["Invoice No", "Customer ID", "Invoice Date", "Amount"],
                     ["INV-1", "C1", "01/10/2026", 100]],
        "Notes": [["call Nile; ask for the cheque"], ["Delta: PO pending"]]})
    book = read_book(path)
    assert book.issues == []
    assert book.customers["Name"].tolist() == ["Nile; Cairo branch"]
