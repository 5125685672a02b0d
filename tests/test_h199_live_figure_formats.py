"""A column of figures (the KPIs' Value: counts, amounts, days) looks the same written live into
Excel as in the file (helper-199). The file writer shows a count whole (Invoices Issued 35,
not 35.00) and a KWD amount among EGP ones with three decimals; the live path formatted the
whole column in its currency's decimals only: 35.00, and KWD 1,250.125 shown 1,250.13."""

from __future__ import annotations

import fake_xlwings as fake
import openpyxl
import pandas as pd

from ar_excel.excel.writing import write_tabs_live
from ar_excel.io.writer import write_tabs
from ar_excel.model import Tab


def _kpis() -> Tab:
    frame = pd.DataFrame({
        "KPI": ["Invoices Issued", "Receipts", "DSO", "Invoices Issued", "Receipts"],
        "Currency": ["EGP", "EGP", "EGP", "KWD", "KWD"],
        "Value": pd.Series([35, 561569.48, 70.0, 4, 1250.125], dtype=object),
        "Amount": [561569.48, 0.5, 1.0, 10.0, 1250.125],
    })
    return Tab("KPIs", frame, formats={"Value": "figure", "Amount": "money"})


def test_live_figures_take_the_file_writers_formats_cell_by_cell(tmp_path):
    tab = _kpis()
    ws = openpyxl.load_workbook(write_tabs([tab], out=tmp_path / "out.xlsx"))["KPIs"]
    in_file = [[ws.cell(r, c).number_format for c in (3, 4)] for r in range(2, 7)]
    book = fake.book_from_sheets({"Customers": [["Customer ID"]]})
    write_tabs_live(book, [tab])
    sheet = book.sheets["KPIs"]
    live = [[str(sheet.cell(f"{c}{r}").number_format) for c in "CD"] for r in range(2, 7)]
    money, fils = "#,##0.00;[Red]-#,##0.00", "#,##0.000;[Red]-#,##0.000"
    assert in_file == [["#,##0", money], [money, money], [money, money], ["#,##0", fils],
                       [fils, fils]]
    assert live == in_file
