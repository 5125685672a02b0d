"""`validate` on more customer masters as ERPs export them: Dynamics 365's Blocked values,
Tally's group rows, review dates given as a quarter, SAP's per-sales-area rows, GP's credit
limit types and Xero's terms split over two columns. Each reading is asserted at its cell."""

from __future__ import annotations

from datetime import date

import pandas as pd

from ar_excel.io.reader import read_book
from ar_excel.jobs import JobOptions
from ar_excel.jobs.validate import JOB
from tests._workbooks import save_sheets


def _run(tmp_path, sheets, name="master.xlsx"):
    book = read_book(save_sheets(tmp_path / name, sheets))
    result = JOB.run(book, JobOptions(as_of=date(2026, 11, 20)))
    return book, result.tabs[0].frame


def _findings(tab):
    return [(r["Customer ID"], r["Code"], r["Cell"]) for _, r in tab.iterrows()]


D365_HEAD = ["Customer account", "Name", "Telephone", "Currency", "Terms of payment",
             "Credit limit", "Blocked"]


def test_dynamics_365_blocked_values_hold_for_sales_and_never_is_not_blocked(tmp_path):
    rows = [["US-001", "Contoso Retail", "+1 425 555 0100", "USD", "Net30", 50000, "Never"],
            ["US-002", "Fabrikam Inc", "+1 425 555 0101", "USD", "Net30", 40000, "No"],
            ["US-003", "Litware Stores", "+1 425 555 0102", "USD", "Net30", 30000, "Invoice"],
            ["US-004", "Adatum Corp", "+1 425 555 0103", "USD", "Net30", 20000, "All"],
            ["US-005", "Northwind Traders", "+1 425 555 0104", "USD", "Net30", 10000,
             "Payment"],
            ["US-006", "Tailspin Toys", "+1 425 555 0105", "USD", "Net30", 15000, "Ship"],
            ["US-007", "Proseware", "+1 425 555 0106", "USD", "Net30", 5000, None],
            ["US-008", "Wingtip Toys", "+1 425 555 0107", "USD", "Net30", 5000, "Maybe"]]
    book, tab = _run(tmp_path, {"Customers": [D365_HEAD, *rows]})
    status = book.customers.set_index("Customer ID")["Status"]
    assert [status[f"US-00{i}"] if not pd.isna(status[f"US-00{i}"]) else None
            for i in range(1, 9)] == [None, None, "Hold", "Hold", None, "Hold", None, None]
    said = [i for i in book.issues if i.column == "Blocked"]
    assert [(i.cell, i.value) for i in said] == [("G9", "Maybe")]


TALLY_HEAD = ["Name of Ledger", "Under", "Mailing Name", "Country", "Phone No.", "E-mail", "TRN",
              "Credit Period", "Credit Limit"]


def test_tallys_ledger_groups_are_not_customers(tmp_path):
    rows = [["Sahara Trading LLC"], ["List of Ledgers (Sundry Debtors)"], TALLY_HEAD,
            ["Sundry Debtors", "Primary", None, None, None, None, None, None, None],
            ["Dubai Customers", "Sundry Debtors", None, None, None, None, None, None, None],
            ["Al Maya Supermarket", "Dubai Customers", "Al Maya Group LLC",
             "United Arab Emirates", "04-3977700", "accounts@almaya.ae", "100234567800003",
             "30 Days", "1,00,000.00"],
            ["Nesto Sharjah", "Sundry Debtors", None, "United Arab Emirates", "06-5551234",
             None, None, "45 Days", "50,000.00"],
            ["Gulf Mart", "Sundry Debtors", None, "United Arab Emirates", "04-3311220", None,
             None, "30 Days", "20,000.00"],
            ["Union Coop", "Sundry Debtors", None, "United Arab Emirates", "04-2850000", None,
             None, "30 Days", "20,000.00"],
            ["Oasis Trading", "Sundry Debtors", None, "United Arab Emirates", None, None, None,
             "30 Days", "10,000.00"],
            ["Grand Total"]]
    book, tab = _run(tmp_path, {"Ledgers": rows})
    assert book.customers["Customer ID"].tolist() == ["Al Maya Supermarket", "Nesto Sharjah",
                                                      "Gulf Mart", "Union Coop", "Oasis Trading"]
    assert book.customers["Credit Limit"].tolist() == [100000.0, 50000.0, 20000.0, 20000.0,
                                                       10000.0]
    said = [(i.cell, i.message) for i in book.issues if "ledger group" in i.message]
    assert said == [("A4", "'Sundry Debtors' is a ledger group (under 'Primary'), not a "
                           "customer: not read"),
                    ("A5", "'Dubai Customers' is a ledger group (under 'Sundry Debtors'), not "
                           "a customer: not read")]
    # the only customer without a contact is Oasis: no group is asked for one
    assert _findings(tab) == [("Oasis Trading", "MISSING_CONTACT", "F10")]


REVIEW_HEAD = ["Customer ID", "Name", "Phone", "Currency", "Credit Limit", "Next Credit Review"]


def test_a_review_due_in_a_quarter_is_due_by_its_last_day(tmp_path):
    rows = [["C1", "Nile Foods", "0225741100", "EGP", 100000, "Q1 2027"],
            ["C2", "Delta Packaging", "034591234", "EGP", 100000, "2026-Q3"],
            ["C3", "Cairo Steel", "0223456789", "EGP", 100000, "H2 2027"],
            ["C4", "Giza Mills", "0233445566", "EGP", 100000, "الربع الرابع 2026"],
            ["C5", "Alex Trading", "034445566", "EGP", 100000, "Q5 2027"]]
    book, tab = _run(tmp_path, {"Customers": [REVIEW_HEAD, *rows]})
    review = book.customers.set_index("Customer ID")["Next Credit Review"]
    assert [None if pd.isna(review[c]) else review[c].date() for c in review.index] == [
        date(2027, 3, 31), date(2026, 9, 30), date(2027, 12, 31), date(2026, 12, 31), None]
    said = [(i.cell, i.message) for i in book.issues if i.column == "Next Credit Review"]
    assert said == [
        ("F2", "4 review date(s) given as a month, a quarter or a year read as its last day "
               "('Q1 2027' = 31/03/2027): F2, F3, F4, F5"),
        ("F6", "'Q5 2027' is not a date ('Q' is not a month)")]
    # Q3 2026 ended before 20/11/2026: that review is overdue, the others are not yet due
    assert [(c, code) for c, code, _ in _findings(tab) if code == "REVIEW_OVERDUE"] == [
        ("C2", "REVIEW_OVERDUE")]


KNVV_HEAD = ["Customer", "Name 1", "Sales Organization", "Distribution Channel", "Division",
             "Country", "Telephone 1", "Tax Number 1", "Terms of Payment", "Currency",
             "Credit Limit"]
NILE = ["0000100001", "Nile Foods Industries S.A.E."]
NILE_REST = ["EG", "+20 2 2574 1100", "204331876"]


def test_sap_rows_per_sales_area_are_one_customer_not_a_duplicate_id(tmp_path):
    rows = [[*NILE, "EG10", "10", "00", *NILE_REST, "NT30", "EGP", 500000],
            [*NILE, "EG10", "20", "00", *NILE_REST, "NT30", "EGP", 500000],
            [*NILE, "EG20", "10", "00", *NILE_REST, "NT45", "EGP", 500000],
            ["0000100002", "Delta Packaging Co.", "EG10", "10", "00", "EG", "03 4591234",
             "311422987", "NT45", "EGP", 250000],
            # one ID under two names in one area: a duplicate ID still
            ["0000100003", "Cairo Steel", "EG10", "10", "00", "EG", "02 23456789", "100200300",
             "NT30", "EGP", 100000],
            ["0000100003", "Giza Mills", "EG10", "10", "00", "EG", "02 33445566", "100200311",
             "NT30", "EGP", 100000]]
    book, tab = _run(tmp_path, {"Customers": [KNVV_HEAD, *rows]})
    customers = book.customers
    assert customers["Customer ID"].tolist() == ["0000100001", "0000100002", "0000100003",
                                                 "0000100003"]
    assert customers["Payment Terms"].tolist()[:2] == [30, 45]
    assert customers["Credit Limit"].tolist() == [500000, 250000, 100000, 100000]
    said = [(i.cell, i.message) for i in book.issues if "sales area" in i.message]
    assert said == [("A2", "customer 0000100001 is on 3 rows (2, 3, 4), one per sales area "
                           "(EG10/10/00, EG10/20/00, EG20/10/00): read as one customer; the "
                           "areas differ in Payment Terms (NT30, NT45): row 2's are read")]
    assert _findings(tab) == [("0000100003", "DUPLICATE_ID", "A6"),
                              ("0000100003", "DUPLICATE_ID", "A7")]


GP_HEAD = ["Customer Number", "Customer Name", "Phone 1", "Currency ID", "Payment Terms ID",
           "Credit Limit Type", "Credit Limit Amount"]


def _gp_book(tmp_path):
    rows = [["AARONFIT0001", "Aaron Fitz Electrical", "4255550101", "Z-US$", "Net 30",
             "No Credit", 0],
            ["ADAMPARK0001", "Adam Park Resort", "4255550102", "Z-US$", "Net 30", "Unlimited", 0],
            ["ADVANCED0001", "Advanced Paper Co.", "4255550103", "Z-US$", "Net 30", "Amount",
             15000],
            ["AMERICAN0001", "American Science Museum", "4255550104", "Z-US$", "Net 30",
             "Sometimes", 5000]]
    invoices = [["Document Number", "Customer Number", "Document Date", "Due Date", "Amount"],
                ["SLS1001", "AARONFIT0001", date(2026, 11, 2), date(2026, 12, 2), 1200],
                ["SLS1002", "ADAMPARK0001", date(2026, 11, 3), date(2026, 12, 3), 90000],
                ["SLS1003", "ADVANCED0001", date(2026, 11, 4), date(2026, 12, 4), 16000]]
    return read_book(save_sheets(tmp_path / "gp.xlsx", {"Customers": [GP_HEAD, *rows],
                                                         "Invoices": invoices}))


def test_gp_no_credit_is_a_limit_of_zero_unlimited_is_none(tmp_path):
    from ar_excel.jobs.credit import JOB as CREDIT

    book = _gp_book(tmp_path)
    limits = book.customers.set_index("Customer ID")["Credit Limit"]
    assert [None if pd.isna(v) else v for v in limits.tolist()] == [0.0, None, 15000.0, 5000.0]
    said = [(i.cell, i.message) for i in book.issues if i.column == "Credit Limit Type"]
    assert said == [("F5", "'Sometimes' is not a credit limit type (No Credit, Unlimited or "
                           "Amount): the limit is read as it stands")]
    status = CREDIT.run(book, JobOptions(as_of=date(2026, 11, 20))).tabs[0].frame
    status = status.set_index("Customer ID")
    # No Credit owes 1,200: over its zero limit; Unlimited owes 90,000 and has no limit
    assert [(c, r["Over Limit"], r["Status"], r["Reason"]) for c, r in status.iterrows()] == [
        ("AARONFIT0001", True, "Over Limit",
         "open balance 1,200.00 is over the limit 0.00 by 1,200.00"),
        ("ADVANCED0001", True, "Over Limit",
         "exposure 16,000.00 is over the limit 15,000.00 by 1,000.00"),
        ("ADAMPARK0001", False, "OK", "unlimited credit (no limit)"),
        ("AMERICAN0001", False, "OK", "within the limit")]


XERO_HEAD = ["*ContactName", "AccountNumber", "EmailAddress", "PhoneNumber", "DueDateSalesDay",
             "DueDateSalesTerm", "DefaultCurrency"]


def test_xeros_terms_in_a_day_and_a_kind_are_one_payment_terms(tmp_path):
    from ar_excel.core.ledger import due_dates

    rows = [["Bayside Club", "BC001", "bob@bsclub.co", "02 2024455", "20", "OFFOLLOWINGMONTH",
             "AUD"],
            ["City Agency", "CA001", "ray@cityagency.co", "09 5557777", "30",
             "DAYSAFTERBILLDATE", "NZD"],
            ["Marine Systems", "MS001", "ms@marinesys.co", "021 555 123", 7,
             "DAYSAFTERBILLMONTH", "NZD"],
            ["Ridgeway University", "RU001", "accounts@ridgeway.edu", "02 555 1000", None, None,
             "AUD"],
            ["Hamilton Smith", "HS001", "ap@hsltd.co.uk", "020 7946 0000", "15",
             "OFCURRENTMONTH", "GBP"]]
    book, _ = _run(tmp_path, {"Contacts": [XERO_HEAD, *rows]})
    customers = book.customers
    assert [None if pd.isna(t) else int(t) for t in customers["Payment Terms"]] == [
        20, 30, 7, None, 15]
    said = [(i.cell, i.message) for i in book.issues if i.column == "DueDateSalesDay"]
    assert said == []  # OFCURRENTMONTH too: the 15th of the invoice's own month
    # invoices of 14/10/2026 fall due on the 20th of November, 30 days on, 7 days after 31/10,
    # on the 15th of October (Xero's invoices name the contact: the ContactName is the ID)
    invoices = pd.DataFrame({"Customer ID": ["Bayside Club", "City Agency", "Marine Systems",
                                             "Hamilton Smith"],
                             "Invoice Date": pd.to_datetime(["2026-10-14"] * 4),
                             "Due Date": pd.to_datetime([None] * 4)})
    assert [d.date() for d in due_dates(invoices, customers)] == [
        date(2026, 11, 20), date(2026, 11, 13), date(2026, 11, 7), date(2026, 10, 15)]
