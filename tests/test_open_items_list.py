"""A workbook kept as an open-items list: no Payments sheet, the invoice list says what is
paid (Paid Amount) or still open (Balance), in English or Arabic headers. The ledger takes it
at its word, within each invoice's amount; with a Payments sheet the payments decide."""

from __future__ import annotations

import openpyxl
import pandas as pd

from ar_excel.cli import main
from ar_excel.core.ledger import open_balance, open_items
from ar_excel.io.reader import read_book
from ar_excel.model import ROW
from ar_excel.schema import empty_frame

CUSTOMERS = pd.DataFrame({"Customer ID": ["C1", "C2"], "Payment Terms": pd.array([30, 30], dtype="Int64"),
                          "Currency": ["EGP", "EGP"]})


def invoices(**columns) -> pd.DataFrame:
    frame = pd.DataFrame({
        "Invoice No": ["I1", "I2", "I3", "CN1"], "Customer ID": ["C1", "C1", "C2", "C2"],
        "Invoice Date": pd.to_datetime(["2026-08-01", "2026-09-01", "2026-10-01", "2026-10-05"]),
        "Due Date": pd.Series(pd.NaT, index=range(4), dtype="datetime64[ns]"),
        "Currency": [None] * 4, "Amount": [1000.0, 500.0, 800.0, -100.0], ROW: [2, 3, 4, 5],
    })
    for name, values in columns.items():
        frame[name] = pd.Series(values, dtype="float64")
    return frame


def test_balance_column_is_what_is_open():
    items = open_items(CUSTOMERS, invoices(Balance=[250.0, 0.0, None, -40.0]),
                       empty_frame("Payments"), pd.Timestamp("2026-10-31"))
    got = dict(zip(items["Document No"], items["Open Amount"], strict=True))
    assert got == {"I1": 250.0, "I3": 800.0, "CN1": -40.0}  # I2 settled; I3 says nothing
    assert open_balance(items).to_dict() == {"C1": 250.0, "C2": 760.0}


def test_paid_amount_column_and_the_limits_of_an_invoice():
    items = open_items(CUSTOMERS, invoices(**{"Paid Amount": [400.0, 900.0, -50.0, 30.0]}),
                       empty_frame("Payments"), pd.Timestamp("2026-10-31"))
    got = dict(zip(items["Document No"], items["Open Amount"], strict=True))
    # overpaid I2 is settled, not negative; a paid amount typed negative is read as paid
    assert got == {"I1": 600.0, "I3": 750.0, "CN1": -70.0}


def test_with_a_payments_sheet_the_payments_decide():
    payments = pd.DataFrame({"Payment ID": ["R1"], "Customer ID": ["C1"],
                             "Date": pd.to_datetime(["2026-10-10"]), "Amount": [100.0],
                             "Invoice No": ["I1"], ROW: pd.Series([2], dtype="int64")})
    items = open_items(CUSTOMERS, invoices(Balance=[0.0, 0.0, 0.0, 0.0]), payments,
                       pd.Timestamp("2026-10-31"))
    got = dict(zip(items["Document No"], items["Open Amount"], strict=True))
    assert got == {"I1": 900.0, "I2": 500.0, "I3": 800.0, "CN1": -100.0}


def test_arabic_open_items_workbook_ages_its_balances(tmp_path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "العملاء"
    ws.append(["رقم العميل", "اسم العميل", "العملة", "شروط الدفع"])
    ws.append(["C1", "شركة النور للتجارة", "EGP", 30])
    inv = wb.create_sheet("الفواتير")
    inv.append(["رقم الفاتورة", "رقم العميل", "تاريخ الفاتورة", "المبلغ", "المدفوع", "الرصيد"])
    inv.append(["F-1", "C1", "2026-08-01", 1000, 1000, 0])
    inv.append(["F-2", "C1", "2026-09-15", 2000, 500, 1500])
    inv.append(["F-3", "C1", "2026-10-20", 700, None, None])
    path = tmp_path / "open_items.xlsx"
    wb.save(path)
    book = read_book(path)
    assert book.invoices["Balance"].tolist()[:2] == [0.0, 1500.0]
    out = tmp_path / "out.xlsx"
    assert main(["aging", str(path), "--as-of", "2026-10-31", "-o", str(out)]) == 0
    rows = [list(r) for r in openpyxl.load_workbook(out)["Aging"].iter_rows(values_only=True)]
    h = next(i for i, r in enumerate(rows) if r[0] == "Customer ID")  # under the Arabic labels
    row = dict(zip(rows[h], rows[h + 1], strict=True))
    assert row["Customer ID"] == "C1"
    assert row["Total"] == 2200.0  # 1,500.00 of F-2 (16 days past due) + 700.00 of F-3
    assert row["1-30"] == 1500.0 and row["Current"] == 700.0
