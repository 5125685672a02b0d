"""A Dubai distributor's book kept by hand, closed on 30 November 2026, checked by pencil:
AED customers billed at 5 % VAT and Saudi ones in SAR at 15 %, terms `Net 60`, `60 يوم` and
`EOM+30`, the invoice list headed as a Gulf tax invoice register (`Tax Invoice No`, net,
VAT and `Total incl. VAT` side by side, an ERP-like Status column with `Paid`,
`Partially Paid`, `Disputed`), credit notes, part payments, advances on account, a
customer over its limit, one on Hold in the master, a post-dated cheque dated after the
as-of date.

Due dates: INV-AE-1001 13 Sep, 1003 30 Sep, 1008 19 Oct, 1015 19 Nov, 1020 4 Dec, 1028 24 Dec,
1030 17 Dec, 1032 9 Jan; INV-SA-2001 30 Sep (end of August + 30), 2010 30 Oct, 2018 30 Nov
(due on the day: current), 2025 30 Dec, 2003 19 Aug, 2015 19 Nov, 2022 12 Dec.
"""

from __future__ import annotations

from datetime import datetime as D

import pytest

from ar_excel.io.headers import alias_index, header_field
from ar_excel.schema import INVOICES, PAYMENTS
from tests._report_runs import BUCKETS, run_jobs, table
from tests._workbooks import save_sheets

AS_OF = "2026-11-30"

CUSTOMERS = [
    ["Al Noor Trading FZE - Customer Master"], [],
    ["Customer Code", "Customer Name", "TRN", "Email", "Mobile", "City", "Country",
     "Currency", "Payment Terms", "Credit Limit", "Status"],
    ["C001", "Al Falah Building Materials LLC", "100234567800003", "ap@alfalah.ae",
     "+971 50 123 4567", "Dubai", "UAE", "AED", "Net 60", 200000, "Active"],
    ["C002", "Gulf Star Trading", "100345678900003", "accounts@gulfstar.ae", "050 123 4568",
     "Sharjah", "UAE", "AED", "60 يوم", "50,000", "Active"],
    ["C003", "Riyadh Modern Supplies Co.", "300123456700003", "finance@rms.sa",
     "+966 55 123 4567", "Riyadh", "Saudi Arabia", "SAR", "EOM+30", 150000, "Active"],
    ["C004", "Jeddah Hardware Est.", "300987654300003", "ar@jhe.sa", "+966 55 765 4321",
     "Jeddah", "KSA", "SAR", "Net 30", 80000, "Active"],
    ["C005", "Emirates Contracting", "100456789000003", "pay@ec.ae", "+971 2 555 1234",
     "Abu Dhabi", "UAE", "AED", "Net 60", 0, "Hold"],
    ["C006", "Desert Rose Interiors", "100678901200003", "info@desertrose.ae",
     "+971 4 333 2211", "Dubai", "UAE", "AED", "Net 45", 30000, "Active"],
    ["C008", "Oasis Hotels & Resorts", "100567890100003", "ap@oasishotels.ae",
     "+971 4 222 1100", "Dubai", "UAE", "AED", "Net 30", 20000, "Active"],
]


def _invoices(number_header: str) -> list[list]:
    return [
        [number_header, "Customer Code", "Invoice Date", "Due Date", "Currency",
         "Amount excl. VAT", "VAT Amount", "Total incl. VAT", "Status", "Remarks"],
        ["INV-AE-1002", "C001", D(2026, 6, 10), None, "AED", 20000, 1000, 21000, "Paid", None],
        ["INV-AE-1001", "C001", D(2026, 7, 15), None, "AED", 40000, 2000, 42000,
         "Partially Paid", None],
        ["INV-AE-1003", "C002", D(2026, 8, 1), None, "AED", 25000, 1250, 26250, "Overdue", None],
        ["INV-AE-1008", "C005", D(2026, 8, 20), None, "AED", 8000, 400, "AED 8,400.00",
         "Overdue", None],
        ["INV-AE-1015", "C001", D(2026, 9, 20), None, "AED", 60000, 3000, 63000, "Unpaid", None],
        ["INV-AE-1020", "C002", D(2026, 10, 5), None, "AED", 20000, 1000, 21000, "Unpaid", None],
        ["INV-AE-1028", "C002", D(2026, 10, 25), None, "AED", 10000, 500, 10500, "Unpaid", None],
        ["INV-AE-1030", "C006", D(2026, 11, 2), None, "AED", 12000, 600, 12600,
         "Partially Paid", None],
        ["INV-AE-1032", "C001", D(2026, 11, 10), None, "AED", 30000, 1500, 31500, "Unpaid", None],
        ["CN-AE-0007", "C001", D(2026, 11, 18), None, "AED", -5000, -250, -5250, "Credit Note",
         "return of damaged tiles on INV-AE-1032"],
        ["INV-SA-2003", "C004", D(2026, 7, 20), None, "SAR", 15000, 2250, 17250, "Overdue", None],
        ["INV-SA-2001", "C003", D(2026, 8, 12), None, "SAR", 100000, 15000, 115000,
         "Partially Paid", None],
        ["INV-SA-2010", "C003", D(2026, 9, 28), None, "SAR", 40000, 6000, 46000, "Disputed",
         "customer disputes quantity delivered"],
        ["INV-SA-2015", "C004", D(2026, 10, 20), None, "SAR", 25000, 3750, 28750, "Paid", None],
        ["INV-SA-2018", "C003", D(2026, 10, 15), None, "SAR", 20000, 3000, 23000, "Unpaid", None],
        ["INV-SA-2025", "C003", D(2026, 11, 5), None, "SAR", 30000, 4500, 34500, "Unpaid", None],
        ["INV-SA-2022", "C004", D(2026, 11, 12), None, "SAR", 35000, 5250, 40250, "Unpaid", None],
        ["CN-SA-0003", "C003", D(2026, 11, 20), None, "SAR", -10000, -1500, -11500, "Credit Note",
         "price difference"],
    ]


PAYMENTS_ROWS = [
    ["Receipt No", "Customer Code", "Receipt Date", "Amount", "Currency", "Tax Invoice No",
     "Payment Mode", "Cheque / Ref No"],
    ["RV-0101", "C001", D(2026, 8, 5), 21000, "AED", "INV-AE-1002", "Bank Transfer", "FT2608051"],
    ["RV-0102", "C001", D(2026, 9, 10), 20000, "AED", "INV-AE-1001", "Cheque", "000451"],
    ["RV-0103", "C003", D(2026, 10, 5), 60000, "SAR", "INV-SA-2001", "Bank Transfer", "TT-9913"],
    ["RV-0104", "C004", D(2026, 11, 22), "28,750.00", "SAR", "INV-SA-2015", "Bank Transfer", None],
    ["RV-0105", "C004", D(2026, 11, 25), 10000, "SAR", None, "Bank Transfer", "advance"],
    ["RV-0106", "C006", D(2026, 11, 28), 6300, "AED", "INV-AE-1030", "Cheque", "100233"],
    ["RV-0107", "C008", D(2026, 11, 27), 15000, "AED", None, "Bank Transfer", "advance"],
    ["RV-0108", "C002", D(2026, 12, 2), 26250, "AED", "INV-AE-1003", "PDC", "000778"],
]


@pytest.fixture(scope="module")
def runs(tmp_path_factory):
    path = tmp_path_factory.mktemp("gulf") / "book.xlsx"
    save_sheets(path, {"Customers": CUSTOMERS, "Invoices": _invoices("Tax Invoice No"),
                       "Payments": PAYMENTS_ROWS})
    return run_jobs(path, AS_OF, ("run", "pack"))


@pytest.mark.parametrize(("schema", "header", "field"), [
    (INVOICES, "Tax Invoice No", "Invoice No"), (INVOICES, "Tax Invoice Number", "Invoice No"),
    (INVOICES, "VAT Invoice No.", "Invoice No"), (INVOICES, "Sales Invoice No", "Invoice No"),
    (INVOICES, "Tax Invoice Date", "Invoice Date"),
    (INVOICES, "رقم الفاتورة الضريبية", "Invoice No"),
    (INVOICES, "تاريخ الفاتورة الضريبيه", "Invoice Date"),
    (PAYMENTS, "Tax Invoice No", "Invoice No"),
    # the kind of invoice is read off only before an invoice's own word
    (INVOICES, "VAT Amount", None), (INVOICES, "Tax", None), (INVOICES, "Sales Person", None),
])
def test_the_kind_of_invoice_named_before_it_is_no_other_column(schema, header, field):
    assert header_field(header, dict(alias_index(schema))) == field


def test_aging_per_currency_by_pencil(runs):
    got = {(r["Customer ID"], r["Currency"]): tuple(r[b] for b in BUCKETS)
           for r in table(runs["run"]["Aging"])}
    assert got == {
        # 1032 current; 1015 11 days less CN-AE-0007 of 18 Nov (12 days); 1001 42,000 -
        # 20,000 78 days; RV-0101 paid 1002
        ("C001", "AED"): (31500, 57750, 0, 22000, 0, 111250),
        # 1003 61 days (the post-dated cheque of 2 December is not yet); 1020, 1028 current
        ("C002", "AED"): (31500, 0, 0, 26250, 0, 57750),
        ("C005", "AED"): (0, 0, 8400, 0, 0, 8400),  # "AED 8,400.00", 42 days
        ("C006", "AED"): (6300, 0, 0, 0, 0, 6300),
        ("C008", "AED"): (0, -15000, 0, 0, 0, -15000),  # an advance of 27 Nov
        # 2018 and 2025 current; CN-SA-0003 10 days; 2010 31 days; 2001 115,000 - 60,000
        ("C003", "SAR"): (57500, -11500, 46000, 55000, 0, 147000),
        ("C004", "SAR"): (40250, -10000, 0, 0, 17250, 47500),
    }


def test_credit_status_by_pencil(runs):
    got = {r["Customer ID"]: (r["Open Balance"], r["Overdue Amount"], r["Utilization %"],
                              r["Oldest Overdue Days"], r["Over Limit"], r["Status"])
           for r in table(runs["run"]["Credit Status"])}
    assert got == {
        "C001": (111250, 85000, 55.6, 78, False, "OK"),
        "C002": (57750, 26250, 115.5, 61, True, "Over Limit"),
        "C003": (147000, 101000, 98, 61, False, "Warning"),
        # 2003 103 days past due, the 10,000 advance does not cover it
        "C004": (47500, 17250, 59.4, 103, False, "Hold"),
        "C005": (8400, 8400, None, 42, False, "Hold"),
        "C006": (6300, 0, 21, 0, False, "OK"),
        "C008": (-15000, 0, 0, 0, False, "OK"),
    }


def test_kpis_per_currency_by_pencil(runs):
    rows = table(runs["pack"]["KPIs"])
    got = {(r["KPI"], r["Currency"]): r["Value"] for r in rows}
    # AED: opening 22,000 + 63,000 + 26,250 + 21,000 + 10,500 + 8,400; sales 31,500 + 12,600
    # - 5,250; receipts 6,300 + 15,000; overdue C001 85,000 - 5,250, C002 26,250, C005 8,400
    # SAR: opening 55,000 + 46,000 + 23,000 + 17,250 + 28,750; sales 34,500 + 40,250 - 11,500;
    # overdue C003 101,000 - 11,500, C004 17,250 - 10,000
    for currency, figures in {
            "AED": (151150, 38850, 21300, 168700, 114400, 130.27, 41.93, 88.34, 15.7),
            "SAR": (170000, 63250, 38750, 194500, 96750, 92.25, 46.36, 45.89, 28.6)}.items():
        assert tuple(got[(k, currency)] for k in (
            "Opening AR", "Credit Sales", "Receipts", "Closing AR", "Closing Overdue AR", "DSO",
            "Best-Possible DSO", "Average Days Delinquent", "CEI %")) == figures


def test_dunning_by_pencil(runs):
    got = {r["Customer ID"]: (r["Level"], r["Days Overdue"], r["Amount To Collect"],
                              r["Disputed Amount"])
           for r in table(runs["run"]["Dunning"]) if r["Level"]}
    # C003: its credit note goes to the undisputed INV-SA-2001 first; INV-SA-2010 in dispute
    assert got == {"C004": (4, 103, 7250, 0), "C001": (3, 78, 79750, 0),
                   "C003": (3, 61, 43500, 46000), "C002": (3, 61, 26250, 0),
                   "C005": (2, 42, 8400, 0)}


def test_open_sales_orders_headed_by_customer_code_count_in_the_exposure(tmp_path):
    # the distributor's order book: SO No, Customer Code (as its Invoices), Order Value
    orders = [["SO No", "Customer Code", "Order Date", "Currency", "Order Value", "Status"],
              ["SO-501", "C001", D(2026, 11, 20), "AED", "84,000.00", "Open"],
              ["SO-502", "C001", D(2026, 11, 22), "AED", 10500, "Cancelled"],
              ["SO-503", "C006", D(2026, 11, 25), "AED", 26250, "Confirmed"],
              ["SO-505", "C003", D(2026, 11, 27), "SAR", 4600, "Draft"]]
    path = save_sheets(tmp_path / "book.xlsx", {
        "Customers": CUSTOMERS, "Invoices": _invoices("Tax Invoice No"),
        "Payments": PAYMENTS_ROWS, "Sales Orders": orders})
    run = run_jobs(path, AS_OF, ("run",))["run"]
    got = {r["Customer ID"]: (r["Open Orders"], r["Exposure"], r["Utilization %"], r["Status"])
           for r in table(run["Credit Status"])}
    # C001 111,250 + 84,000 of 200,000; C006 6,300 + 26,250 of 30,000; the cancelled order
    # and the draft add nothing
    assert got["C001"] == (84000, 195250, 97.6, "Warning")
    assert got["C006"] == (26250, 32550, 108.5, "Over Limit")
    assert got["C003"] == (0, 147000, 98, "Warning")
