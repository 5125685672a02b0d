"""Three Odoo 17 list views exported to xlsx and pasted into one book as they came, each
export's sheet "Sheet 1" renamed by Excel on the paste ("Sheet 1 (2)", "Sheet 1 (3)"):
Contacts, Customer Invoices (Odoo's list columns: its Payment Status beside, and before,
its Status of Draft / Posted / Cancelled) and Payments (a Draft payment among them), closed
on 30 November 2026 and checked by pencil.
"""

from __future__ import annotations

from datetime import datetime as D

import pytest

from ar_excel.io.messages_ar import arabic_message
from tests._report_runs import BUCKETS, run_jobs, table
from tests._workbooks import save_sheets

AS_OF = "2026-11-30"

CONTACTS = [
    ["Display Name", "Phone", "Email", "City", "Country", "Tax ID", "Customer Payment Terms",
     "Credit Limit"],
    ["Nile Foods Co.", "+20 2 2345 6789", "ap@nilefoods.com.eg", "Cairo", "Egypt",
     "200-111-222", "30 Days", 150000],
    ["Alex Marine Services", "+20 3 4870 1234", "finance@alexmarine.com", "Alexandria",
     "Egypt", "300-222-333", "End of Following Month", 80000],
    ["Delta Pharma", "+20 40 333 1234", "ar@deltapharma.com.eg", "Tanta", "Egypt",
     "400-333-444", "45 Days", 60000],
    ["Sinai Resorts", "+20 69 360 1234", "accounts@sinairesorts.com", "Sharm El Sheikh",
     "Egypt", "500-444-555", "Immediate Payment", 0],
]

INVOICES = [
    ["Number", "Customer", "Invoice Date", "Due Date", "Tax Excluded", "Tax", "Total",
     "Amount Due", "Payment Status", "Status"],
    ["INV/2026/00101", "Nile Foods Co.", D(2026, 8, 10), D(2026, 9, 9), 100000, 14000, 114000,
     0, "Paid", "Posted"],
    ["INV/2026/00110", "Delta Pharma", D(2026, 8, 28), D(2026, 10, 12), 60000, 8400, 68400,
     68400, "Not Paid", "Posted"],
    ["INV/2026/00118", "Nile Foods Co.", D(2026, 9, 15), D(2026, 10, 15), 50000, 7000, 57000,
     27000, "Partially Paid", "Posted"],
    ["INV/2026/00120", "Alex Marine Services", D(2026, 9, 25), D(2026, 10, 31), 70000, 9800,
     79800, 79800, "Not Paid", "Posted"],
    # cancelled in Odoo: its Payment Status still says Not Paid, its Status Cancelled
    ["INV/2026/00130", "Delta Pharma", D(2026, 10, 5), D(2026, 11, 19), 12000, 1680, 13680,
     0, "Not Paid", "Cancelled"],
    ["INV/2026/00145", "Alex Marine Services", D(2026, 11, 3), D(2026, 12, 31), 20000, 2800,
     22800, 22800, "Not Paid", "Posted"],
    ["INV/2026/00150", "Delta Pharma", D(2026, 11, 10), D(2026, 12, 25), 10000, 1400, 11400,
     11400, "Not Paid", "Posted"],
    ["INV/2026/00152", "Nile Foods Co.", D(2026, 11, 12), D(2026, 12, 12), 30000, 4200, 34200,
     34200, "Not Paid", "Posted"],
    ["RINV/2026/00004", "Nile Foods Co.", D(2026, 11, 20), D(2026, 11, 20), -5000, -700, -5700,
     -5700, "Not Paid", "Posted"],
    ["INV/2026/00160", "Sinai Resorts", D(2026, 11, 25), D(2026, 11, 25), 8000, 1120, 9120,
     9120, "Not Paid", "Posted"],
    ["/", "Sinai Resorts", None, None, 5000, 700, 5700, 5700, "Not Paid", "Draft"],
]

PAYMENTS = [
    ["Date", "Number", "Journal", "Payment Method", "Customer/Vendor", "Amount", "Status",
     "Memo"],
    [D(2026, 9, 5), "PBNK1/2026/00031", "Bank", "Manual", "Nile Foods Co.", 114000, "Posted",
     "INV/2026/00101"],
    [D(2026, 10, 20), "PBNK1/2026/00044", "Bank", "Manual", "Nile Foods Co.", 30000, "Posted",
     "INV/2026/00118"],
    # not reconciled with an invoice in Odoo: on account
    [D(2026, 11, 26), "PBNK1/2026/00058", "Bank", "Manual", "Delta Pharma", 20000, "Posted",
     None],
    [D(2026, 11, 28), "PCSH1/2026/00007", "Cash", "Manual", "Alex Marine Services", 10000,
     "Draft", "INV/2026/00120"],
]


@pytest.fixture(scope="module")
def runs(tmp_path_factory):
    path = tmp_path_factory.mktemp("odoo") / "book.xlsx"
    save_sheets(path, {"Sheet 1": CONTACTS, "Sheet 1 (2)": INVOICES, "Sheet 1 (3)": PAYMENTS})
    return run_jobs(path, AS_OF, ("run", "pack"))


def test_aging_by_pencil(runs):
    got = {r["Customer ID"]: tuple(r[b] for b in BUCKETS) for r in table(runs["run"]["Aging"])}
    assert got == {
        # 00152 current; 00118 57,000 - 30,000 46 days; RINV of 20 Nov
        "Nile Foods Co.": (34200, -5700, 27000, 0, 0, 55500),
        # 00120 due at the end of October (End of Following Month): 30 days
        "Alex Marine Services": (22800, 79800, 0, 0, 0, 102600),
        # the cancelled 00130 (13,680, due 19 Nov) is no receivable; 00110 49 days; the
        # payment of 26 Nov on account
        "Delta Pharma": (11400, -20000, 68400, 0, 0, 59800),
        "Sinai Resorts": (0, 9120, 0, 0, 0, 9120),  # due on the day: 5 days; the draft is not
    }


def test_credit_status_by_pencil(runs):
    got = {r["Customer ID"]: (r["Open Balance"], r["Overdue Amount"], r["Utilization %"],
                              r["Over Limit"], r["Status"])
           for r in table(runs["run"]["Credit Status"])}
    assert got == {
        "Nile Foods Co.": (55500, 27000, 37, False, "OK"),
        "Alex Marine Services": (102600, 79800, 128.3, True, "Over Limit"),
        "Delta Pharma": (59800, 68400, 99.7, False, "Warning"),  # 122.5 % Over Limit before
        "Sinai Resorts": (9120, 9120, None, False, "OK"),
    }


def test_kpis_by_pencil(runs):
    got = {r["KPI"]: r["Value"] for r in table(runs["pack"]["KPIs"])}
    # opening 00118 27,000 + 00120 79,800 + 00110 68,400 = 175,200; sales
    # 34,200 + 22,800 + 11,400 + 9,120 - 5,700; receipts 20,000 (the draft is no receipt)
    assert tuple(got[k] for k in ("Opening AR", "Credit Sales", "Receipts", "Closing AR",
                                  "Closing Overdue AR", "DSO", "CEI %")) == (
        175200, 71820, 20000, 227020, 158620, 94.83, 11.2)


# --- a company's contact persons, as Odoo's Contacts export lists them -------------------

def _with_contacts(tmp_path, contacts: list[list]) -> dict:
    invoices = [*INVOICES, ["INV/2026/00140", "Nile Foods Co., Mona Adel", D(2026, 10, 20),
                            D(2026, 11, 19), 40000, 5600, 45600, 45600, "Not Paid", "Posted"]]
    path = save_sheets(tmp_path / "book.xlsx", {"Sheet 1": contacts, "Sheet 1 (2)": invoices,
                                                "Sheet 1 (3)": PAYMENTS})
    return run_jobs(path, AS_OF, ("run",))["run"]


def test_an_invoice_to_a_companys_contact_is_the_companys(tmp_path):
    # Mona Adel, Nile's contact (its tax ID, no limit of her own), is billed INV/2026/00140
    # of 45,600.00 due 19 Nov (11 days): Nile's debt, against Nile's limit of 150,000.00
    contacts = [*CONTACTS[:2], ["Nile Foods Co., Mona Adel", "+20 100 111 2222",
                                "mona@nilefoods.com.eg", "Cairo", "Egypt", "200-111-222",
                                "30 Days", 0], *CONTACTS[2:]]
    run = _with_contacts(tmp_path, contacts)
    aging = {r["Customer ID"]: tuple(r[b] for b in BUCKETS) for r in table(run["Aging"])}
    assert aging["Nile Foods Co."] == (34200, 39900, 27000, 0, 0, 101100)
    assert len(aging) == 4
    credit = {r["Customer ID"]: (r["Open Balance"], r["Utilization %"], r["Status"])
              for r in table(run["Credit Status"])}
    assert credit["Nile Foods Co."] == (101100, 67.4, "OK")
    assert not [r for r in table(run["Customer Checks"]) if r["Code"] == "DUPLICATE_TAX_ID"]
    issues = [(r["Sheet"], r["Cell"], r["Message"]) for r in table(run["Input Issues"])
              if r["Sheet"] == "Sheet 1"]
    assert issues == [("Sheet 1", "A3", "'Nile Foods Co., Mona Adel' (row 3) is a contact of "
                       "'Nile Foods Co.' (row 2), as Odoo names a company's contacts: read as "
                       "customer Nile Foods Co., with the documents naming it")]
    assert arabic_message(issues[0][2]).startswith("'Nile Foods Co., Mona Adel' (الصف 3) جهة")


def test_a_branch_with_its_own_tax_id_stays_an_account_of_its_own(tmp_path):
    contacts = [*CONTACTS[:2], ["Nile Foods Co., Mona Adel", "+20 100 111 2222",
                                "mona@nilefoods.com.eg", "Cairo", "Egypt", "200-999-888",
                                "30 Days", 0], *CONTACTS[2:]]
    run = _with_contacts(tmp_path, contacts)
    aging = {r["Customer ID"]: r["Total"] for r in table(run["Aging"])}
    assert (aging["Nile Foods Co."], aging["Nile Foods Co., Mona Adel"]) == (55500, 45600)


def test_odoo_in_arabic_names_the_invoice_paid_in_its_memo(tmp_path):
    # Odoo's Payments list in Arabic: التاريخ، الرقم، دفتر اليومية، طريقة الدفع، العميل/المورد،
    # المبلغ، الحالة، مذكرة (Memo: the invoice the payment was registered on)
    payments = [["التاريخ", "الرقم", "دفتر اليومية", "طريقة الدفع", "العميل/المورد", "المبلغ",
                 "الحالة", "مذكرة"], *PAYMENTS[1:]]
    path = save_sheets(tmp_path / "book.xlsx", {"Sheet 1": CONTACTS, "Sheet 1 (2)": INVOICES,
                                                "Sheet 1 (3)": payments})
    run = run_jobs(path, AS_OF, ("run",))["run"]
    got = {r["Customer ID"]: (r["Open Balance"], r["Overdue Amount"], r["Unapplied Credits"],
                              r["Oldest Overdue Days"]) for r in table(run["Credit Status"])}
    # 114,000 paid INV/2026/00101 and 30,000 INV/2026/00118: not 144,000 on account beside
    # 171,000 overdue since 9 September (82 days)
    assert got["Nile Foods Co."] == (55500, 27000, -5700, 46)


def test_a_draft_without_its_date_is_said_once(runs):
    # Odoo gives a draft no number ('/') and no date until it is posted: the draft issue at
    # its Status is all there is to say of it ('Invoice Date is required but blank' at C12
    # was said too)
    got = [(r["Sheet"], r["Cell"]) for r in table(runs["run"]["Input Issues"])]
    assert sorted(got) == [("Sheet 1 (2)", "J12"), ("Sheet 1 (2)", "J6"), ("Sheet 1 (3)", "G5")]
