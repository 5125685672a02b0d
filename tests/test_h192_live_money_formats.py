"""The live Excel path (a button, xlwings) formats money as the file writer does: a column of
KWD amounts with three decimals (1,250.125, not 1,250.13) and, in a column of several
currencies, each row's amount in its own currency's decimals (helper-192; the file path has
done so since b43879e, the live path formatted every money column with two decimals)."""

from __future__ import annotations

import fake_xlwings as fake
import openpyxl
import pandas as pd

from ar_excel.excel.writing import write_tabs_live
from ar_excel.io.writer import write_tabs
from ar_excel.model import Tab

MONEY2 = "#,##0.00;[Red]-#,##0.00"
MONEY3 = "#,##0.000;[Red]-#,##0.000"
MONEY0 = "#,##0;[Red]-#,##0"


def _tabs() -> list[Tab]:
    mixed = pd.DataFrame({"Customer ID": ["C1", "K1", "K2", "C2", "J1"],
                          "Currency": ["EGP", "KWD", "KWD", "EGP", "JPY"],
                          "Open Balance": [1250.5, 310.125, 7.5, 99.0, 120000.0],
                          "Invoices": [2, 1, 1, 1, 3]})
    kwd = pd.DataFrame({"Customer ID": ["K1", "K2"], "Currency": ["KWD", "KWD"],
                        "Amount": [1250.125, 3.0]})
    return [Tab("Credit Status", mixed, formats={"Open Balance": "money", "Invoices": "int"}),
            Tab("Receipts To Post", kwd, formats={"Amount": "money"})]


def test_live_money_formats_are_the_files(tmp_path) -> None:
    book = fake.book_from_sheets({"Customers": [["Customer ID", "Name"], ["C1", "x"]]})
    write_tabs_live(book, _tabs())
    live = book.sheets["Credit Status"]
    assert [live.cell(f"C{r}").number_format for r in range(2, 7)] == [
        MONEY2, MONEY3, MONEY3, MONEY2, MONEY0]
    assert [live.cell(f"D{r}").number_format for r in range(2, 7)] == ["0"] * 5
    assert [book.sheets["Receipts To Post"].cell(f"C{r}").number_format for r in (2, 3)] == \
        [MONEY3, MONEY3]

    out = openpyxl.load_workbook(write_tabs(_tabs(), out=tmp_path / "out.xlsx"))
    assert [out["Credit Status"][f"C{r}"].number_format for r in range(2, 7)] == [
        live.cell(f"C{r}").number_format for r in range(2, 7)]
    assert [out["Receipts To Post"][f"C{r}"].number_format for r in (2, 3)] == [MONEY3, MONEY3]
