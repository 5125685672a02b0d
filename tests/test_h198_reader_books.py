"""Books as accountants bring them (helper-198): ERP exports and hand-kept sheets whose
leftovers the reader got wrong. Each book is built here as exported, its figures worked out
by hand as of 30/11/2026."""

from __future__ import annotations

import pandas as pd
import pytest

from ar_excel.io.reader import read_book
from tests._workbooks import save_sheets

# ---------------------------------------------------------------- ERPNext Payment Entry


def test_erpnext_internal_transfer_is_said_once(tmp_path):
    """ERPNext's Payment Entry list holds the company's internal transfers beside its
    customers' receipts, with no Party Type and no Party: the row is set aside as an internal
    transfer (one Input Issue at its Payment Type), and its blank Party is no second issue
    ('Party is required but blank' at E3 was)."""
    path = save_sheets(tmp_path / "erpnext.xlsx", {
        "Customer": [["ID", "Customer Name", "Customer Group", "Territory", "Default Currency"],
                     ["CUST-0001", "Nile Foods", "Commercial", "Egypt", "EGP"]],
        "Sales Invoice": [
            ["ID", "Customer", "Posting Date", "Due Date", "Currency", "Grand Total",
             "Outstanding Amount", "Status"],
            ["ACC-SINV-2026-00011", "CUST-0001", "2026-10-01", "2026-10-31", "EGP", 10000,
             6000, "Partly Paid"]],
        "Payment Entry": [
            ["ID", "Payment Type", "Posting Date", "Party Type", "Party", "Paid Amount",
             "Mode of Payment", "Status"],
            ["ACC-PAY-2026-00005", "Receive", "2026-11-10", "Customer", "CUST-0001", 4000,
             "Bank Draft", "Submitted"],
            ["ACC-PAY-2026-00006", "Internal Transfer", "2026-11-12", None, None, 50000,
             "Bank Draft", "Submitted"],
            ["ACC-PAY-2026-00007", "Receive", "2026-11-14", "Customer", None, 700,
             "Cash", "Submitted"]]})
    book = read_book(path)
    assert book.payments["Payment ID"].tolist() == ["ACC-PAY-2026-00005",
                                                    "ACC-PAY-2026-00007"]
    assert book.payments["Amount"].tolist() == [4000, 700]
    assert [(i.sheet, i.cell, i.message) for i in book.issues] == [
        # a customer's receipt naming no Party still says so
        ("Payment Entry", "E4", "Party is required but blank"),
        ("Payment Entry", "B3", "1 payment(s) internal transfers, not a customer's: not "
                                "read as receipts (B3)")]


# ---------------------------------------------------------------- an aging detail by bands


def _aging(book) -> dict[str, list[float]]:
    from tests.test_erp_exports import _run

    aging = _run(book, "aging")["Aging"]
    buckets = ["Current", "1-30", "31-60", "61-90", "90+", "Total"]
    return {r["Customer ID"]: [r[b] for b in buckets] for _, r in aging.iterrows()
            if isinstance(r["Customer ID"], str) and r["Customer ID"].startswith("C")}


def test_aging_detail_with_band_columns_and_no_total_reads_the_bands_sum(tmp_path):
    """An aged receivables detail listing each open invoice's amount under its age band
    (Current, 1-30 ... 90+) with no total column: each invoice's Amount is its bands' sum.
    It was 'sheet has no column for Amount' and no job ran. By hand, as of 30/11/2026:
    C1 5,000.00 current and 2,500.00 16 days late; C2 1,200.00 60 days late and 800.00
    152 days late; 9,500.00 in all; a band cell that is no amount is said at its own cell."""
    path = save_sheets(tmp_path / "aged.xlsx", {
        "Customers": [["Customer ID", "Name"], ["C1", "Nile Foods"], ["C2", "Delta Traders"]],
        "Aged Receivables Detail": [
            ["Aged Receivables Detail"], ["As at 30 November 2026"], [],
            ["Customer ID", "Invoice No", "Invoice Date", "Due Date", "Current", "1-30",
             "31-60", "61-90", "90+"],
            ["C1", "INV-1", "20/11/2026", "20/12/2026", "5,000.00", None, None, None, None],
            ["C1", "INV-2", "15/10/2026", "14/11/2026", None, "2,500.00", None, None, None],
            ["C2", "INV-3", "01/09/2026", "01/10/2026", None, None, 1200, None, None],
            ["C2", "INV-4", "01/06/2026", "01/07/2026", None, None, None, None, "800.00"],
            ["C2", "INV-5", "01/06/2026", "01/07/2026", None, None, None, "n/a", None],
            ["Total", None, None, None, "5,000.00", "2,500.00", "1,200.00", None, "800.00"]],
        "Payments": [["Payment ID", "Customer ID", "Date", "Amount", "Invoice No"]]})
    book = read_book(path)
    assert book.invoices["Amount"].tolist()[:4] == [5000, 2500, 1200, 800]
    assert [(i.cell, i.value) for i in book.issues] == [("A10", "Total"), ("H9", "n/a")]
    assert _aging(book) == {"C1": [5000, 2500, 0, 0, 0, 7500],
                            "C2": [0, 0, 1200, 0, 800, 2000]}


def test_arabic_aging_detail_by_bands(tmp_path):
    """The same report from a local Arabic system (أعمار الديون): جاري، 1-30 يوم ...
    أكثر من 90 يوم, no الإجمالي column."""
    path = save_sheets(tmp_path / "aged_ar.xlsx", {
        "العملاء": [["رقم العميل", "اسم العميل"], ["C1", "شركة النيل"], ["C2", "مؤسسة الدلتا"]],
        "أعمار الديون": [
            ["رقم العميل", "رقم الفاتورة", "تاريخ الفاتورة", "تاريخ الاستحقاق", "جاري",
             "1-30 يوم", "31-60 يوم", "61-90 يوم", "أكثر من 90 يوم"],
            ["C1", "ف-1", "20/11/2026", "20/12/2026", "٥٬٠٠٠٫٠٠", None, None, None, None],
            ["C2", "ف-2", "01/06/2026", "01/07/2026", None, None, None, None, 800]],
        "التحصيلات": [["رقم السند", "رقم العميل", "التاريخ", "المبلغ", "رقم الفاتورة"]]})
    book = read_book(path)
    assert book.invoices["Amount"].tolist() == [5000, 800]
    assert _aging(book) == {"C1": [5000, 0, 0, 0, 0, 5000], "C2": [0, 0, 0, 0, 800, 800]}


# ---------------------------------------------------------------- QuickBooks Desktop jobs


def _qb_desktop_open_invoices(job: str) -> list[list]:
    """QuickBooks Desktop's Open Invoices exported to Excel: the row labels in columns of
    their own (the customer in A, its jobs in B), each job closed by its total, the
    customer's own invoices after its jobs. ``job`` formats a job's heading."""
    def blank(n: int) -> list[None]:
        return [None] * n

    return [
        ["Nile Co"], ["Open Invoices"], ["As of November 30, 2026"],
        [None, None, None, "Type", "Date", "Num", "Terms", "Due Date", "Aging",
         "Open Balance"],
        ["Nile Foods"],
        [None, job.format("Cairo Branch")],
        [*blank(3), "Invoice", "10/01/2026", "1012", "Net 30", "10/31/2026", 30, 10000],
        [None, "Total " + job.format("Cairo Branch"), *blank(7), 10000],
        [None, job.format("Alex Branch")],
        [*blank(3), "Invoice", "11/10/2026", "1031", "Net 30", "12/10/2026", None, 3000],
        [None, "Total " + job.format("Alex Branch"), *blank(7), 3000],
        [*blank(3), "Invoice", "11/15/2026", "1033", "Net 30", "12/15/2026", None, 700],
        ["Total Nile Foods", *blank(8), 13700],
        ["Delta Traders"],
        [*blank(3), "Invoice", "09/15/2026", "1008", "Net 30", "10/15/2026", 46, 8000],
        ["Total Delta Traders", *blank(8), 8000],
        ["TOTAL", *blank(8), 21700]]


QB_CONTACTS = [["Customer Contact List"], [], ["Customer", "Email", "Bill to"],
               ["Nile Foods", "ap@nile.com", "Cairo"],
               ["Nile Foods:Cairo Branch", "cairo@nile.com", "Cairo"],
               ["Nile Foods:Alex Branch", "alex@nile.com", "Alexandria"],
               ["Delta Traders", "ap@delta.com", "Alexandria"]]


def test_quickbooks_desktop_job_headings_name_the_jobs(tmp_path):
    """A job's heading in column B ('Cairo Branch' under 'Nile Foods') was read as an
    invoice with no number, date or amount ('Num is required but blank' at F6 and F9, 'Date
    ...' at E6 and E9) and the job's invoices as the parent's. Now the heading names the job,
    as QuickBooks does ('Nile Foods:Cairo Branch', written so or not), its invoices are the
    job's, and the customer's own invoice after its jobs (1033, 700.00) the customer's. By
    hand: Cairo Branch 10,000.00 30 days late, Alex Branch 3,000.00 and Nile Foods 700.00
    current, Delta Traders 8,000.00 46 days late: 21,700.00."""
    for job in ("{}", "Nile Foods:{}"):
        path = save_sheets(tmp_path / "qb.xlsx", {
            "Customer Contact List": QB_CONTACTS,
            "Open Invoices": _qb_desktop_open_invoices(job)})
        book = read_book(path)
        assert book.invoices[["Invoice No", "Customer ID", "Amount"]].values.tolist() == [
            ["1012", "Nile Foods:Cairo Branch", 10000], ["1031", "Nile Foods:Alex Branch", 3000],
            ["1033", "Nile Foods", 700], ["1008", "Delta Traders", 8000]]
        assert [i.cell for i in book.issues] == ["B8", "A17"]  # the subtotals, the TOTAL


def test_a_job_not_in_the_contact_list_is_its_customers(tmp_path):
    """The contact list exported without its jobs: an invoice of 'Nile Foods:Cairo
    Branch' (a heading, or QuickBooks' A/R Aging Detail's Name column) is Nile Foods', said
    once per sheet; before, the jobs aged as '(not in Customers)'."""
    contacts = [r for r in QB_CONTACTS if not (len(r) > 1 and ":" in str(r[0]))]
    path = save_sheets(tmp_path / "qb.xlsx", {
        "Customer Contact List": contacts,
        "Open Invoices": _qb_desktop_open_invoices("{}")})
    book = read_book(path)
    assert book.invoices["Customer ID"].tolist() == [
        "Nile Foods", "Nile Foods", "Nile Foods", "Delta Traders"]
    assert [(i.cell, i.message) for i in book.issues][-1] == (
        "A7", "2 row(s) name a customer's job not in Customer Contact List ('Nile Foods:Cairo "
              "Branch'): read as the job's customer, Nile Foods (A7, A10)")
    aging = _aging_by_name(book)
    assert aging == {"Nile Foods": [700 + 3000, 10000, 0, 0, 0, 13700],
                     "Delta Traders": [0, 0, 8000, 0, 0, 8000]}


def _aging_by_name(book, names=("Nile Foods", "Delta Traders")) -> dict[str, list[float]]:
    from tests.test_erp_exports import _run

    aging = _run(book, "aging")["Aging"]
    buckets = ["Current", "1-30", "31-60", "61-90", "90+", "Total"]
    return {r["Customer ID"]: [r[b] for b in buckets] for _, r in aging.iterrows()
            if r["Customer ID"] in names}


# ---------------------------------------------------------------- dinars kept without a currency


def _kuwaiti_book(tmp_path, amounts: list[object]):
    """A Kuwaiti trader's list: its own customer kept without a currency (its dinars), one
    customer of the US billed in USD, the only currency the workbook names."""
    return save_sheets(tmp_path / "kw.xlsx", {
        "Customers": [["Customer ID", "Name", "Currency"], ["K1", "Al Salam Trading", None],
                      ["U1", "Acme Inc", "USD"]],
        "Invoices": [["Invoice No", "Customer ID", "Invoice Date", "Due Date", "Currency",
                      "Amount"],
                     ["INV-1", "K1", "01/10/2026", "31/10/2026", None, amounts[0]],
                     ["INV-2", "K1", "01/11/2026", "01/12/2026", None, amounts[1]],
                     ["INV-3", "U1", "01/11/2026", "01/12/2026", "USD", "2,000.00"]],
        "Payments": [["Payment ID", "Customer ID", "Date", "Amount", "Invoice No"]]})


def test_amounts_in_fils_without_a_currency_are_not_read_as_the_only_currency(tmp_path):
    """1,250.500 and 3,400.250 kept without a currency, beside a USD customer: they were
    aged as USD 4,650.75 (an Input Issue said USD was a guess). Three decimals are a dinar's
    fils, never cents: the currency is left blank, Al Salam's 4,650.75 is aged apart from
    Acme's USD 2,000.00, and one Input Issue at F2 asks for the currency."""
    from tests.test_erp_exports import _run

    # (a number cell shows fils only by a thousandth: 3400.25 may be either)
    for amounts, count, cells in ((["1,250.500", "3,400.250"], 2, "F2, F3"),
                                  ([1250.125, 3400.25], 1, "F2")):
        book = read_book(_kuwaiti_book(tmp_path, amounts))
        issues = [(i.cell, i.message) for i in book.issues]
        assert len(issues) == 1 and issues[0][0] == "F2"
        assert issues[0][1] == (
            f"{count} amount(s) kept without a currency are written with three decimals "
            f"({amounts[0] if count == 2 else '1,250.125'}: fils, as a dinar or rial counts "
            f"them), and USD, the only currency the workbook names, counts cents: their "
            f"currency is left blank, not read as USD; write it in the Currency column (e.g. "
            f"KWD, BHD, OMR) or set Base Currency on the Policy sheet ({cells})")
        aging = _run(book, "aging")["Aging"].set_index("Customer ID")
        assert pd.isna(aging.at["K1", "Currency"]) and aging.at["U1", "Currency"] == "USD"
        assert aging.at["U1", "Total"] == 2000


def test_amounts_in_cents_without_a_currency_are_still_the_only_currency(tmp_path):
    """The same book written in cents (1,250.50): the blank is read as USD, the only
    currency named, and the jobs say it was a guess, as before."""
    from tests.test_erp_exports import _run

    book = read_book(_kuwaiti_book(tmp_path, ["1,250.50", "3,400.25"]))
    assert book.issues == []
    tabs = _run(book, "aging")
    aging = tabs["Aging"].set_index("Customer ID")
    assert aging.at["K1", "Currency"] == "USD" and aging.at["K1", "Total"] == 4650.75


# ---------------------------------------------------------------- Business Central limits


def test_a_zero_limit_in_the_company_currency_needs_no_exchange_rate(tmp_path):
    """Business Central's customer list keeps Credit Limit (LCY) 0 for a customer with no
    limit set. Selangorian Ltd. is billed in EUR with limit 0: Credit Status was told the
    limit was in GBP and no rate converts EUR to it ('customer 20000's credit limit is in
    GBP ... give the rate', an Input Issue at F3). A limit of 0 is the same in any currency:
    no issue, and the customer is 'no credit limit set' as the contract says."""
    from tests.test_erp_exports import _run

    path = save_sheets(tmp_path / "bc.xlsx", {
        "Customer": [["No.", "Name", "Country/Region Code", "Currency Code",
                      "Payment Terms Code", "Credit Limit (LCY)"],
                     ["10000", "The Cannon Group PLC", "GB", None, "30 DAYS", 50000],
                     ["20000", "Selangorian Ltd.", "MY", "EUR", "1M(8D)", 0]],
        "Cust. Ledger Entries": [
            ["Posting Date", "Document Type", "Document No.", "Customer No.", "Currency Code",
             "Amount", "Remaining Amount", "Due Date"],
            ["2026-09-30", "Invoice", "PS-INV103001", "10000", None, 12500, 12500,
             "2026-10-30"],
            ["2026-11-02", "Invoice", "PS-INV103003", "20000", "EUR", 4000, 4000,
             "2026-12-02"]]})
    book = read_book(path)
    from ar_excel.jobs import JobOptions, registry
    from tests.test_erp_exports import AS_OF

    result = registry()["credit"].run(book, JobOptions(as_of=AS_OF))
    assert [i.message for i in result.issues] == []
    status = _run(book, "credit")["Credit Status"].set_index("Customer ID")
    assert status.at["20000", "Exposure"] == 4000 and status.at["20000", "Status"] == "OK"
    assert status.at["20000", "Reason"] == "no credit limit set"
    assert status.at["10000", "Exposure"] == 12500


# ---------------------------------------------------------------- Xero Customer Invoice Report


def test_xero_customer_invoice_report_due_column_is_what_is_open(tmp_path):
    """Xero's Customer Invoice Report prints Invoice Total, Paid, Credited and Due (what is
    still due) beside the Due Date. 'Due' was carried as an unknown column, so an invoice
    credited in part (INV-0021: 750.00, 250.00 credited, 500.00 due) aged at 750.00. The
    amount column headed 'Due' is the open balance. By hand as of 30/11/2026: Al Noor 1,200.00
    current and 2,400.00 16 days late; Bayside 500.00 151 days late."""
    path = save_sheets(tmp_path / "xero.xlsx", {
        "Customer Invoice Report": [
            ["Customer Invoice Report"], ["Demo Company (AU)"],
            ["For the period 1 June 2026 to 30 November 2026"], [],
            ["Invoice Date", "Invoice Number", "Reference", "Due Date", "Invoice Total", "Paid",
             "Credited", "Due", "Status"],
            ["Al Noor Trading"],
            ["12 Nov 2026", "INV-0051", "PO 801", "12 Dec 2026", "1,200.00", "0.00", "0.00",
             "1,200.00", "Awaiting Payment"],
            ["15 Oct 2026", "INV-0047", None, "14 Nov 2026", "3,000.00", "600.00", "0.00",
             "2,400.00", "Awaiting Payment"],
            ["01 Sep 2026", "INV-0039", None, "01 Oct 2026", "800.00", "800.00", "0.00",
             "0.00", "Paid"],
            ["Total Al Noor Trading", None, None, None, "5,000.00", "1,400.00", "0.00",
             "3,600.00", None],
            ["Bayside Club"],
            ["02 Jun 2026", "INV-0021", None, "02 Jul 2026", "750.00", "0.00", "250.00",
             "500.00", "Awaiting Payment"],
            ["Total Bayside Club", None, None, None, "750.00", "0.00", "250.00", "500.00", None],
            ["Total", None, None, None, "5,750.00", "1,400.00", "250.00", "4,100.00", None]]})
    book = read_book(path)
    assert book.tables["Invoices"].headers["Balance"] == "Due"
    assert book.invoices["Balance"].tolist() == [1200, 2400, 0, 500]
    assert _aging_by_name(book, ("Al Noor Trading", "Bayside Club")) == {
        "Al Noor Trading": [1200, 2400, 0, 0, 0, 3600],
        "Bayside Club": [0, 0, 0, 0, 500, 500]}


# ---------------------------------------------------------------- Dynamics GP, Odoo in Arabic


def test_dynamics_gp_aged_trial_balance_customer_headings(tmp_path):
    """Dynamics GP's RM Historical Aged Trial Balance printed to Excel heads each customer's
    documents with 'Customer: AARONFIT0001  Aaron Fitz Electrical' in the Document Number
    column. The heading was taken for a document missing the rest, the sheet had 'no
    column for Customer ID', and the jobs were skipped saying only that the 'Grand Totals:'
    row is a totals row (the first of the sheet's issues, not why it was unread). Each
    heading now names its customer: 4,512.98 of Aaron Fitz, 7,500.00 of Adam Park open."""
    path = save_sheets(tmp_path / "gp.xlsx", {
        "Customers": [["Customer ID", "Customer Name"], ["AARONFIT0001", "Aaron Fitz Electrical"],
                      ["ADAMPARK0001", "Adam Park Resort"]],
        "RM Aged Trial Balance": [
            ["System:  11/30/2026  5:41:12 PM", "Fabrikam, Inc."],
            ["RM Historical Aged Trial Balance"], [],
            ["Document Number", "Type", "Document Date", "Due Date", "Orig. Amount", "Balance",
             "Current", "31 - 60 Days", "61 - 90 Days", "91 and Over"],
            ["Customer: AARONFIT0001  Aaron Fitz Electrical"],
            ["STDINV2231", "SLS", "10/23/2026", "11/22/2026", "$4,512.98", "$4,512.98",
             "$4,512.98", "$0.00", "$0.00", "$0.00"],
            ["Customer: ADAMPARK0001  Adam Park Resort"],
            ["STDINV2240", "SLS", "9/1/2026", "10/1/2026", "$12,000.00", "$7,500.00", "$0.00",
             "$7,500.00", "$0.00", "$0.00"],
            ["Grand Totals:", None, None, None, "$16,512.98", "$12,012.98", "$4,512.98",
             "$7,500.00", "$0.00", "$0.00"]]})
    book = read_book(path)
    assert book.unusable == {}
    assert book.invoices[["Invoice No", "Customer ID", "Balance"]].values.tolist() == [
        ["STDINV2231", "AARONFIT0001", 4512.98], ["STDINV2240", "ADAMPARK0001", 7500]]
    assert [i.cell for i in book.issues] == ["A9"]  # the grand totals row


def test_a_sheet_unread_says_why_it_was_unread(tmp_path):
    """An invoice list naming no customer (no column, no headings), with a totals row: the
    jobs are skipped for the missing column, not for the totals row said before it."""
    path = save_sheets(tmp_path / "book.xlsx", {
        "Customers": [["Customer ID", "Name"], ["C1", "Nile"]],
        "Invoices": [["Invoice No", "Invoice Date", "Amount"], ["I-1", "2026-10-01", 100],
                     ["Total", None, 100]]})
    book = read_book(path)
    assert [i.cell for i in book.issues] == ["A3", "A1"]
    assert book.unusable["Invoices"].startswith(
        "sheet 'Invoices' has no column for Customer ID")


def test_odoo_aged_receivable_in_arabic(tmp_path):
    """Odoo 17's Aged Receivable exported in Arabic (sheet 'أعمار الديون المدينة', the first
    column unlabelled, the partner's row carrying its sums) was no sheet the reader knew:
    'the workbook has no Invoices sheet'. By hand: 5,000.00 current, 10,000.00 30 days."""
    path = save_sheets(tmp_path / "odoo.xlsx", {
        "العملاء": [["الاسم", "البريد الإلكتروني", "المدينة", "الدولة"],
                    ["شركة النيل", "ap@nile.eg", "القاهرة", "مصر"]],
        "أعمار الديون المدينة": [
            ["أعمار الديون المدينة"], ["حتى 30/11/2026"], [],
            [None, "تاريخ الفاتورة", "تاريخ الاستحقاق", "المبلغ بالعملة", "العملة", "الحساب",
             "في التاريخ", "1-30", "31-60", "61-90", "91-120", "أقدم", "الإجمالي"],
            ["شركة النيل", None, None, None, None, None, 5000, 10000, 0, 0, 0, 0, 15000],
            ["INV/2026/00012", "01/10/2026", "31/10/2026", 10000, "EGP", "121000 المدينون",
             None, 10000, None, None, None, None, 10000],
            ["INV/2026/00031", "10/11/2026", "10/12/2026", 5000, "EGP", "121000 المدينون",
             5000, None, None, None, None, None, 5000],
            ["الإجمالي", None, None, None, None, None, 5000, 10000, 0, 0, 0, 0, 15000]]})
    book = read_book(path)
    assert book.invoices[["Invoice No", "Customer ID", "Amount"]].values.tolist() == [
        ["INV/2026/00012", "شركة النيل", 10000], ["INV/2026/00031", "شركة النيل", 5000]]
    assert _aging_by_name(book, ("شركة النيل",)) == {"شركة النيل": [5000, 10000, 0, 0, 0, 15000]}


def test_a_customer_balances_summary_is_named_as_one(tmp_path):
    """Zoho Books' Customer Balances (Customer Name, Invoiced Amount, Amount Received,
    Closing Balance) handed over instead of the invoices: the jobs stopped with 'the
    workbook has no 'Customers' sheet'; they now say it is a balance summary and which report
    to export instead, as for an aging summary."""
    from ar_excel.errors import InputError

    path = save_sheets(tmp_path / "balances.xlsx", {"Customer Balances": [
        ["Customer Balances"], ["As of 30/11/2026"],
        ["Customer Name", "Invoiced Amount", "Amount Received", "Closing Balance"],
        ["Delta Traders", 4560, 1140, 3420], ["Nile Foods", 20520, 5000, 15520],
        ["Total", 25080, 6140, 18940]]})
    book = read_book(path)
    said = ("sheet 'Customer Balances' is a balance summary (one balance per customer, no "
            "invoices): ar_excel works from the invoices themselves; export the open invoices "
            "instead (Zoho Books' Invoice Details, QuickBooks' Open Invoices, Xero's Aged "
            "Receivables Detail) or the open invoice list")
    assert book.unusable == {"Invoices": said, "Customers": said}
    with pytest.raises(InputError) as raised:
        _ = book.invoices
    assert str(raised.value) == said


# ---------------------------------------------------------------- Sage 50 Aged Debtors


def test_sage_aged_debtors_customer_rows_head_their_documents(tmp_path):
    """Sage 50's Aged Debtors Analysis (Detailed) prints A/C and Name alone on a row above
    each customer's documents. Those rows were read as documents missing their number and
    date: four Input Issues ('Ref is required but blank' at F5, F9, 'Date ...' at E5, E9).
    They now name the documents' customer, one issue saying so; the aging is as before: Nile
    1,200.00 current + 3,400.00 46 days late, Delta 850.00 26 days late."""
    path = save_sheets(tmp_path / "sage.xlsx", {
        "Customers": [["A/C", "Name", "Credit Limit", "Terms"],
                      ["NIL001", "Nile Foods Ltd", 10000, "30 days"],
                      ["DEL002", "Delta Traders Ltd", 5000, "30 days"]],
        "Aged Debtors": [
            ["Nile Co Ltd"], ["Aged Debtors Analysis (Detailed)"], ["Date: 30/11/2026"],
            ["A/C", "Name", "No", "Type", "Date", "Ref", "Balance", "Future", "Current",
             "Period 1", "Period 2", "Period 3", "Older"],
            ["NIL001", "Nile Foods Ltd", *[None] * 11],
            [None, None, "45", "SI", "15/09/2026", "10045", 3400, 0, 0, 0, 3400, 0, 0],
            [None, None, "61", "SI", "20/11/2026", "10061", 1200, 0, 1200, 0, 0, 0, 0],
            [None, None, None, None, None, "Totals:", 4600, 0, 1200, 0, 3400, 0, 0],
            ["DEL002", "Delta Traders Ltd", *[None] * 11],
            [None, None, "52", "SI", "05/10/2026", "10052", 850, 0, 0, 850, 0, 0, 0],
            [None, None, None, None, None, "Totals:", 850, 0, 0, 850, 0, 0, 0],
            [None, None, None, None, None, "Grand Totals:", 5450, 0, 1200, 850, 3400, 0, 0]]})
    book = read_book(path)
    assert len(book.invoices) == 3
    messages = [i.message for i in book.issues]
    assert not [m for m in messages if "required but blank" in m]
    assert "2 customer row(s) name only the customer of the documents listed under them: not " \
           "documents, not read; each document is its customer's (B5, B9)" in messages
    from tests.test_erp_exports import _run

    aging = _run(book, "aging")["Aging"].set_index("Customer ID")
    assert aging.loc["NIL001", ["Current", "31-60", "Total"]].tolist() == [1200, 3400, 4600]
    assert aging.loc["DEL002", ["1-30", "Total"]].tolist() == [850, 850]


# ---------------------------------------------------------------- a hidden old amount


def test_an_invoice_lists_hidden_old_amount_is_not_read(tmp_path):
    """A hand-kept invoice list keeps its old Amount (before VAT) hidden in column E beside
    the current one in F, both headed 'Amount': E was read, in silence (INV-101 aged at
    10,000.00, not 11,400.00). The visible column is read and one Input Issue says so, as a
    customer list's hidden old limit is."""
    def hide(wb):
        wb["Invoices"].column_dimensions["E"].hidden = True

    path = save_sheets(tmp_path / "hidden.xlsx", {
        "Customers": [["Customer ID", "Name"], ["C1", "Nile Foods"], ["C2", "Delta Traders"]],
        "Invoices": [["Invoice No", "Customer ID", "Invoice Date", "Due Date", "Amount",
                      "Amount"],
                     ["INV-101", "C1", "15/09/2026", "15/10/2026", 10000, 11400],
                     ["INV-103", "C2", "20/10/2026", "04/11/2026", 3000, 3420]],
        "Payments": [["Payment ID", "Customer ID", "Date", "Amount", "Invoice No"]]}, post=hide)
    book = read_book(path)
    assert book.invoices["Amount"].tolist() == [11400, 3420]
    assert [(i.cell, i.message) for i in book.issues] == [(
        "F1", "columns E ('Amount') and F ('Amount') both give the Amount and differ on 2 "
              "row(s): column F is read (the other is hidden in Excel); delete or rename the "
              "other")]


# ---------------------------------------------------------------- colour-only marks


def _coloured_book(tmp_path, rows: list[int], status: bool = False):
    from openpyxl.styles import PatternFill

    def colour(wb):
        ws = wb["المديونيات"]
        for r in rows:
            for cell in ws[r]:
                cell.fill = PatternFill("solid", fgColor="00B050")
        ws["A1"].fill = PatternFill("solid", fgColor="FFFF00")  # the title, coloured too

    head = ["م", "العميل", "رقم الفاتورة", "التاريخ", "قيمة الفاتورة"] + (
        ["الحالة"] if status else [])
    extra = [["مفتوحة"], ["مفتوحة"], ["مسددة"], ["مسددة"]] if status else [[]] * 4
    return save_sheets(tmp_path / "colours.xlsx", {"المديونيات": [
        ["شركة الأمل للتوريدات - كشف مديونيات العملاء"], head,
        [1, "شركة النيل", "1501", "01/09/2026", "15,000", *extra[0]],
        [2, "شركة النيل", "1502", "15/10/2026", "8,500", *extra[1]],
        [3, "مؤسسة السلام", "1503", "20/10/2026", "6,200", *extra[2]],
        [4, "مؤسسة السلام", "1504", "05/11/2026", "3,000", *extra[3]],
        [None, "الإجمالي", None, None, "32,700"]]}, post=colour)


def test_invoices_marked_paid_only_by_a_colour_are_said(tmp_path):
    """A hand-kept Egyptian sheet marks the invoices collected by colouring their rows green
    (1503 and 1504, rows 5 and 6) and writes nothing else: they were read as open, 9,200.00
    more owed than the clerk's book says, without a word. The colour is still not read (the
    amounts stand as written) but one Input Issue names the coloured rows; the coloured
    title and totals rows are no records and say nothing."""
    book = read_book(_coloured_book(tmp_path, [5, 6, 7]))
    assert book.invoices["Amount"].sum() == 32700
    assert [(i.cell, i.message) for i in book.issues if "colour" in i.message] == [(
        "C5", "2 invoice row(s) are marked by a fill colour and nothing else (C5, C6): colours "
              "are not read, so each is read as written; where a colour means paid, cancelled "
              "or disputed, write it in a Status or Paid column")]


def test_colours_beside_a_status_or_on_most_rows_say_nothing(tmp_path):
    """A list that writes its status beside the colour, or colours most of its rows (a band
    of colour every other row, a whole table filled), has nothing unread to say."""
    for rows, status in (([5, 6], True), ([3, 4, 5], False)):
        book = read_book(_coloured_book(tmp_path, rows, status))
        assert not [i for i in book.issues if "colour" in i.message]


def test_a_note_alone_in_the_job_column_is_no_job(tmp_path):
    """A note typed alone in column B under a customer's heading ('Disputed - see email'),
    never totalled, heads no job: the invoices under it stay the customer's."""
    rows = _qb_desktop_open_invoices("{}")
    rows[5] = [None, "Disputed - see email"]  # (was the Cairo Branch heading)
    rows[7] = [None, None, None, None, None, None, None, None, None, None]
    path = save_sheets(tmp_path / "qb.xlsx", {"Customer Contact List": QB_CONTACTS,
                                              "Open Invoices": rows})
    book = read_book(path)
    numbered = book.invoices.dropna(subset=["Invoice No"])
    assert dict(zip(numbered["Invoice No"], numbered["Customer ID"], strict=True)) == {
        "1012": "Nile Foods", "1031": "Nile Foods:Alex Branch", "1033": "Nile Foods",
        "1008": "Delta Traders"}
    # the note is a row as read before: its blanks are said at its cells
    assert "F6" in [i.cell for i in book.issues]


# ---------------------------------------------------------------- Dynamics GP Void Status


def test_dynamics_gp_voided_document_is_no_receivable(tmp_path):
    """Dynamics GP's Receivables Transactions SmartList says a voided document in its Void
    Status column (Normal / Voided): STDINV2245, 900.00, voided, was aged as owed (Adam Park
    8,100.00 instead of 7,200.00). It counts 0, said once; the return (RTN1007, 300.00) is a
    credit and the payment (1,000.00) is on account, as before."""
    path = save_sheets(tmp_path / "gp.xlsx", {
        "Customers": [["Customer Number", "Customer Name", "Currency ID"],
                      ["AARONFIT0001", "Aaron Fitz Electrical", "Z-US$"],
                      ["ADAMPARK0001", "Adam Park Resort", "Z-US$"]],
        "Receivables Transactions": [
            ["Customer Number", "Customer Name", "Document Number", "Document Type",
             "Document Date", "Due Date", "Original Trx Amount", "Current Trx Amount",
             "Currency ID", "Void Status"],
            ["AARONFIT0001", "Aaron Fitz Electrical", "STDINV2231", "Sales / Invoices",
             "10/3/2026", "11/2/2026", "$4,512.98", "$4,512.98", "Z-US$", "Normal"],
            ["AARONFIT0001", "Aaron Fitz Electrical", "PYMNT000000000381", "Payments",
             "11/12/2026", "11/12/2026", "$1,000.00", "$1,000.00", "Z-US$", "Normal"],
            ["ADAMPARK0001", "Adam Park Resort", "STDINV2240", "Sales / Invoices", "9/1/2026",
             "10/1/2026", "$12,000.00", "$7,500.00", "Z-US$", "Normal"],
            ["ADAMPARK0001", "Adam Park Resort", "STDINV2245", "Sales / Invoices", "9/5/2026",
             "10/5/2026", "$900.00", "$900.00", "Z-US$", "Voided"],
            ["ADAMPARK0001", "Adam Park Resort", "RTN1007", "Returns", "11/25/2026",
             "11/25/2026", "$300.00", "$300.00", "Z-US$", "Normal"]]})
    book = read_book(path)
    assert ("J5", "1 cancelled invoice(s): not receivables, counted as 0 (J5)") in [
        (i.cell, i.message) for i in book.issues]
    from tests.test_erp_exports import _run

    aging = _run(book, "aging")["Aging"].set_index("Customer ID")
    assert aging.at["ADAMPARK0001", "Total"] == 7200
    assert aging.at["AARONFIT0001", "Total"] == 3512.98
