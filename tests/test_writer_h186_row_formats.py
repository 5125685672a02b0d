"""Number formats per cell: each amount with its own row's currency's decimals (EGP 2, KWD 3,
JPY 0) in a column of several currencies, and the KPIs' days and percentages in formats of
their own, not as money (DSO 72.1, not 72.100 in a book with a KWD customer)."""

import openpyxl
import pandas as pd

from ar_excel.io.writer import write_tabs
from ar_excel.model import Tab
from tests._aging_books import customers, invoices, payments, write_book

MONEY2 = "#,##0.00;[Red]-#,##0.00"
MONEY3 = "#,##0.000;[Red]-#,##0.000"
MONEY0 = "#,##0;[Red]-#,##0"


def _written(tmp_path, tab: Tab):
    out = write_tabs([tab], out=tmp_path / "out.xlsx")
    return openpyxl.load_workbook(out)[tab.name]


def test_each_amount_takes_its_own_rows_currency_decimals(tmp_path):
    frame = pd.DataFrame({"Customer ID": ["C1", "C2", "C3", "C4", "C5", "C6", "C7"],
                          "Currency": ["EGP", "KWD", "EGP", "JPY", "SAR", None, float("nan")],
                          "Open Balance": [1250.5, 310.125, 99.0, 120000.0, 7.25, 1.5, 2.5],
                          "Invoices": [2, 1, 1, 3, 1, 1, 1]})
    ws = _written(tmp_path, Tab("Credit Status", frame,
                                formats={"Open Balance": "money", "Invoices": "int"}))
    assert [(ws[f"C{r}"].value, ws[f"C{r}"].number_format) for r in range(2, 9)] == [
        (1250.5, MONEY2), (310.125, MONEY3), (99, MONEY2), (120000, MONEY0), (7.25, MONEY2),
        (1.5, MONEY2), (2.5, MONEY2)]  # a blank currency: two decimals
    assert [ws[f"D{r}"].number_format for r in range(2, 9)] == ["0"] * 7
    # the column is wide enough for the KWD amount's third decimal and the JPY one
    assert ws.column_dimensions["C"].width >= len("120,000.000") + 2


def test_a_tab_of_one_currencys_decimals_keeps_one_format(tmp_path):
    frame = pd.DataFrame({"Currency": ["KWD", "BHD"], "Amount": [1.5, 2.125]})
    ws = _written(tmp_path, Tab("Receipts To Post", frame, formats={"Amount": "money"}))
    assert [ws[f"B{r}"].number_format for r in (2, 3)] == [MONEY3, MONEY3]
    egp = _written(tmp_path, Tab("Receipts To Post", frame.assign(Currency="EGP"),
                                 formats={"Amount": "money"}))
    assert [egp[f"B{r}"].number_format for r in (2, 3)] == [MONEY2, MONEY2]


def _kwd_egp_book(path) -> None:
    cust = customers(("A", "Alex Paper", "EGP", 30), ("K", "Kuwait Trading", "KWD", 30))
    inv = invoices(("I1", "A", "2026-05-10", None, 1000.00),
                   ("I2", "A", "2026-06-05", None, 2000.00),
                   ("K1", "K", "2026-05-01", None, 1500.125),
                   ("K2", "K", "2026-06-10", None, 800.250))
    pay = payments(("P1", "A", "2026-06-12", 700.00, "I1"),
                   ("P2", "K", "2026-06-20", 1000.000, "K1"))
    write_book(path, cust, inv, pay)


def test_pack_kpis_show_days_as_days_and_amounts_in_their_currency(tmp_path):
    from ar_excel.cli import main

    book, out = tmp_path / "book.xlsx", tmp_path / "pack.xlsx"
    _kwd_egp_book(book)
    assert main(["report", str(book), "--as-of", "2026-06-30", "-o", str(out)]) == 0
    wb = openpyxl.load_workbook(out)
    ws = wb["KPIs"]
    shown = {(r[0].value, r[1].value): r[2].number_format for r in ws.iter_rows(min_row=2)
             if r[1].value in ("EGP", "KWD") and r[2].value is not None}
    assert shown[("Closing AR", "EGP")] == MONEY2
    assert shown[("Closing AR", "KWD")] == MONEY3
    assert shown[("Invoices Issued", "KWD")] == "#,##0"
    for ccy in ("EGP", "KWD"):
        assert shown[("DSO", ccy)] == "#,##0.0"
        assert shown[("Days in Period", ccy)] == "#,##0"
        assert shown[("CEI %", ccy)] == '0.0"%"'
    # the DSO trend below: days as days, each month's amounts in its currency
    head = next(r[0].row for r in ws.iter_rows(min_row=2) if r[0].value == "Month")
    cols = {c.value: c.column for c in ws[head]}
    trend = {(ws.cell(r, 1).value, ws.cell(r, cols["Currency"]).value): r
             for r in range(head + 1, ws.max_row + 1) if ws.cell(r, 1).value}
    june_kwd, june_egp = trend[("2026-06", "KWD")], trend[("2026-06", "EGP")]
    assert ws.cell(june_kwd, cols["Closing AR"]).number_format == MONEY3
    assert ws.cell(june_egp, cols["Closing AR"]).number_format == MONEY2
    assert ws.cell(june_kwd, cols["DSO"]).number_format == "#,##0.0"
    # Top Overdue / Payment Behaviour: days late as days
    pb = wb["Payment Behaviour"]
    col = [c.value for c in pb[1]].index("Avg Days Late") + 1
    assert {pb.cell(r, col).number_format for r in range(2, pb.max_row + 1)
            if pb.cell(r, col).value is not None} == {"#,##0.0"}
    # the Dashboard: DSO in days, CEI in percent, the main currency's amounts in its decimals
    dash = wb["Dashboard"]
    rows = {r[0].value: r[1] for r in dash.iter_rows() if r[0].value and len(r) > 1}
    assert rows["DSO"].number_format == "#,##0.0"
    assert rows["Collection effectiveness index (CEI)"].number_format == '0.0"%"'
    main = rows["Total receivables"].offset(column=1).value
    assert rows["Total receivables"].number_format == (MONEY3 if main == "KWD" else MONEY2)
