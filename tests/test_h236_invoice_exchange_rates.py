"""An exporter's invoice list in three currencies with an Exchange Rate column (EGP rows at 1,
USD at 48.50 and 48.20, EUR at 52.10), no rates in the Policy. Credit Status added Misr
Export's 500,000 EGP, 20,000 USD and 10,000 EUR as they stand: 530,000 against its
2,000,000 EGP limit, 26.5 % OK, where its own invoices' rates make 1,991,000 (99.6 %,
Warning). The invoices' rates are now the book's rates, each currency at its latest
invoice's rate on or before the as-of date; rates in the Policy still win."""

from __future__ import annotations

from datetime import date

import openpyxl

from ar_excel.io.reader import read_book
from ar_excel.jobs import JobOptions
from ar_excel.jobs.credit import JOB as CREDIT


def _book(tmp_path, policy=None, usd_rate=48.50):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Customers"
    ws.append(["Customer ID", "Name", "Currency", "Payment Terms", "Credit Limit"])
    ws.append(["X1", "Misr Export Co.", "EGP", 30, 2000000])
    ws.append(["X2", "Cairo Tourism", "EGP", 30, 500000])
    sheet = wb.create_sheet("Invoices")
    sheet.append(["Invoice No", "Customer ID", "Invoice Date", "Due Date", "Currency",
                  "Exchange Rate", "Amount"])
    sheet.append(["TR-01", "X2", date(2026, 9, 1), date(2026, 10, 1), "USD", 48.20, 3000])
    sheet.append(["EX-01", "X1", date(2026, 10, 1), date(2026, 10, 31), "EGP", 1, 500000])
    sheet.append(["EX-02", "X1", date(2026, 10, 10), date(2026, 11, 9), "USD", usd_rate, 20000])
    sheet.append(["EX-03", "X1", date(2026, 11, 5), date(2026, 12, 5), "EUR", 52.10, 10000])
    if policy:
        wb.create_sheet("Policy").append(["exchange_rates", policy])
    path = tmp_path / "exporter.xlsx"
    wb.save(path)
    return path


def _credit(path, as_of=date(2026, 11, 30)):
    result = CREDIT.run(read_book(path), JobOptions(as_of=as_of))
    return {t.name: t.frame for t in result.tabs}["Credit Status"].set_index("Customer ID")


COLUMNS = ["Exposure", "Utilization %", "Status"]


def test_the_invoices_rates_convert_the_exposure(tmp_path):
    path = _book(tmp_path)
    status = _credit(path)
    # 500,000 + 20,000 x 48.50 + 10,000 x 52.10; the USD at its latest invoice's rate
    assert status.loc["X1", COLUMNS].tolist() == [1991000, 99.6, "Warning"]
    assert status.loc["X2", COLUMNS].tolist() == [145500, 29.1, "OK"]
    said = [i for i in read_book(path).issues if i.column == "Exchange Rate"]
    assert [(i.sheet, i.cell) for i in said] == [("Invoices", "F2")]
    assert "read as the invoices' rates to EGP (EUR, USD)" in said[0].message
    # as of 30 September only the USD invoice of 1 September existed: its 48.20
    assert _credit(path, date(2026, 9, 30)).loc["X2", "Exposure"] == 3000 * 48.20


def test_the_policys_rates_win(tmp_path):
    status = _credit(_book(tmp_path, policy="USD=50; EUR=55"))
    assert status.loc["X1", "Exposure"] == 500000 + 20000 * 50 + 10000 * 55
    assert not [i for i in read_book(_book(tmp_path, policy="USD=50; EUR=55")).issues
                if i.column == "Exchange Rate"]


def test_the_note_says_the_rates_are_the_invoices(tmp_path):
    # the rates came from the invoices' Exchange Rate column, not from the Policy
    note = _credit(_book(tmp_path)).loc["X1", "Note"]
    assert ("open items converted to EGP at the invoices' own exchange rates (column "
            "'Exchange Rate'): EUR 52.1, USD 48.5") in note
    assert "Policy" not in note
    assert "Policy's exchange rates: EUR 55, USD 50" in _credit(
        _book(tmp_path, policy="USD=50; EUR=55")).loc["X1", "Note"]


def test_the_note_names_the_rates_sheet(tmp_path):
    path = _book(tmp_path)
    wb = openpyxl.load_workbook(path)
    wb["Invoices"].delete_cols(6)  # no Exchange Rate column: the rates on their own sheet
    fx = wb.create_sheet("FX Rates")
    fx.append(["Currency", "Rate"])
    fx.append(["USD", 49])
    fx.append(["EUR", 53])
    wb.save(path)
    assert ("open items converted to EGP at the exchange rates of sheet 'FX Rates': EUR 53, "
            "USD 49") in _credit(path).loc["X1", "Note"]


def test_the_arabic_note_says_so_too(tmp_path):
    path = _book(tmp_path)
    book = read_book(path)
    book.arabic = True
    result = CREDIT.run(book, JobOptions(as_of=date(2026, 11, 30)))
    frame = result.tabs[0].frame
    notes = " ".join(str(v) for v in frame.to_numpy().ravel() if isinstance(v, str))
    assert "بأسعار الصرف المكتوبة على الفواتير (عمود 'Exchange Rate')" in notes
    assert ("العملات الأخرى محوّلة بأسعار الصرف المكتوبة على الفواتير (عمود 'Exchange Rate')؛"
            in result.tabs[0].title)


def test_the_title_says_so(tmp_path):
    result = CREDIT.run(read_book(_book(tmp_path)), JobOptions(as_of=date(2026, 11, 30)))
    assert ("(other currencies converted at the invoices' own exchange rates (column "
            "'Exchange Rate'); in their own currencies:") in result.tabs[0].title
