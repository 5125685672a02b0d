"""Customer Checks and Credit Status on small masters as Egyptian and Gulf finance teams keep
them: every row of the output is asserted, so a false alarm fails as surely as a miss."""

from __future__ import annotations

from datetime import datetime

import openpyxl
import pytest

from ar_excel.io.reader import read_book
from ar_excel.jobs import JobOptions
from ar_excel.jobs.credit import run as run_credit
from ar_excel.jobs.validate import run as run_validate

AS_OF = datetime(2026, 6, 30)
HEADER = ["Customer ID", "Customer Name", "Tax ID", "E-mail", "Mobile", "Currency", "Terms",
          "Credit Limit", "Discount %", "Status", "Next Credit Review"]
REVIEW = datetime(2027, 3, 31)


def master(tmp_path, rows, invoices=None):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Customers"
    ws.append(HEADER)
    for r in rows:
        ws.append(r)
    if invoices:
        inv = wb.create_sheet("Invoices")
        inv.append(["Invoice No", "Customer ID", "Invoice Date", "Due Date", "Amount"])
        for r in invoices:
            inv.append(r)
    path = tmp_path / "customers.xlsx"
    wb.save(path)
    return read_book(path)


def rec(cid, name, tax, email, phone, ccy="EGP", terms="Net 30", limit=50000, discount=0):
    return [cid, name, tax, email, phone, ccy, terms, limit, discount, "Active", REVIEW]


def checks(book):
    frame = run_validate(book, JobOptions(as_of=AS_OF, args={"user": "t"})).tabs[0].frame
    return [(r["Customer ID"], r["Field"], r["Code"], r["Severity"], r["Message"])
            for _, r in frame.iterrows()]


def codes(found):
    return [(cid, code, sev) for cid, _, code, sev, _ in found]


# Every phone below is valid as Egyptian and Gulf clerks type them.
VALID_PHONES = ["01001234567", "01112345678", "01223456789", "01534567890", "+20 10 0123 4568",
                "0020 100 123 4569", "02-22345678", "03-4871234", "(02) 2234 5679",
                "٠١٠٠١٢٣٤٥٧٠", "0100 123 4599 / 0122 765 4321", "02 2345 6781 x123",
                "0501234567", "+966 55 123 4567", "056 123 4567", "+971 4 123 4567",
                "+965 2222 3333", "99887766", "+966 11 234 5699 تحويلة 12",
                "0100 111 2233 و 0122 111 2244", "+20 (0) 100 123 4500", "04 123 4577",
                1001234588, "٠١٠٠١٢٣٤٥٠١ - ٠١٢٢٧٦٥٤٣٠٢"]


def test_phones_as_egyptian_and_gulf_clerks_type_them(tmp_path):
    rows = [rec(f"P{i:02d}", f"Phone Client {chr(65 + i)}{chr(66 + i)}q",
                f"{200 + i:03d}-{300 + i:03d}-{400 + i:03d}", f"ap@phone{i}.com", p)
            for i, p in enumerate(VALID_PHONES)]
    rows += [rec("X1", "Short Number Co", "511-111-111", "ap@x1.com", "12345"),
             rec("X2", "Letters Co", "522-222-222", "ap@x2.com", "0100-ABC-4567"),
             rec("X3", "Own Tax Co", "533-333-333", "ap@x3.com", "533-333-333"),
             rec("X4", "Saudi Vat Co", "544-444-444", "ap@x4.com", "310123456700003"),
             rec("X5", "Intl Fifteen Co", "555-555-555", "ap@x5.com", "+310 1234 5670 0017"),
             rec("X6", "Short Mobile Co", "566-666-666", "ap@x6.com", "01001234"),
             rec("X7", "Short Intl Mobile Co", "577-777-777", "ap@x7.com", "+20 100 123 45"),
             rec("X8", "Short Saudi Mobile Co", "588-888-888", "ap@x8.com", "+966 50 123 456")]
    found = checks(master(tmp_path, rows))
    assert codes(found) == [("X1", "INVALID_PHONE", "Warning"), ("X2", "INVALID_PHONE", "Warning"),
                            ("X3", "INVALID_PHONE", "Warning"), ("X4", "INVALID_PHONE", "Warning"),
                            ("X6", "INVALID_PHONE", "Warning"), ("X7", "INVALID_PHONE", "Warning"),
                            ("X8", "INVALID_PHONE", "Warning")]
    messages = [m for *_, m in found]
    assert "'12345'" in messages[0] and "too few digits" in messages[0]
    assert "letters or symbols" in messages[1]
    assert "'533-333-333'" in messages[2] and "the customer's tax ID" in messages[2]
    assert "a 15-digit VAT number, not a phone" in messages[3] and "(E29)" in messages[3]
    assert "'01001234'" in messages[4] and "an Egyptian mobile has 11 digits" in messages[4]
    assert "an Egyptian mobile has 11 digits" in messages[5]
    assert "a Saudi mobile has 10 digits" in messages[6]


def test_tax_ids_egyptian_saudi_uae_and_one_written_two_ways(tmp_path):
    rows = [rec("T1", "Cairo Client One", "123-456-789", "ap@t1.com", "01005551001"),
            rec("T2", "Giza Client Two", "123456789", "ap@t2.com", "01005551002"),
            rec("T3", "Tanta Client Three", 234567891, "ap@t3.com", "01005551003"),
            rec("T4", "Riyadh Client Four", "300123456700003", "ap@t4.com", "+966 50 555 1004",
                ccy="SAR"),
            rec("T5", "Dubai Client Five", "100234567800003", "ap@t5.com", "+971 4 555 1005",
                ccy="AED")]
    found = checks(master(tmp_path, rows))
    assert codes(found) == [("T1", "DUPLICATE_TAX_ID", "Warning"),
                            ("T2", "DUPLICATE_TAX_ID", "Warning")]
    assert "T2 'Giza Client Two'" in found[0][4] and "branches" in found[0][4]
    assert "T1 'Cairo Client One'" in found[1][4]


def test_emails_several_in_a_cell_are_valid_and_no_email_placeholders_are_not_errors(tmp_path):
    rows = [rec("E1", "Mail One Co", "611-000-001", "a@x1.com; b@x1.com", "01006661001"),
            rec("E2", "Mail Two Co", "611-000-002", "a@x2.com, b@x2.com", "01006661002"),
            rec("E3", "Mail Three Co", "611-000-003", "a@x3.com\nb@x3.com", "01006661003"),
            rec("E4", "Mail Four Co", "611-000-004", "N/A", "01006661004"),
            rec("E5", "Mail Five Co", "611-000-005", "لا يوجد", "01006661005"),
            rec("E6", "Mail Six Co", "611-000-006", "محاسبة الشركة", "01006661006"),
            rec("E7", "Mail Seven Co", "611-000-007", "accounts@", "01006661007")]
    found = checks(master(tmp_path, rows))
    assert codes(found) == [("E6", "INVALID_EMAIL", "Error"), ("E7", "INVALID_EMAIL", "Error")]
    assert "'محاسبة الشركة'" in found[0][4] and "(D7)" in found[0][4]
    assert "'accounts@'" in found[1][4] and "(D8)" in found[1][4]


def test_payment_terms_cash_words_net_and_eom_against_the_policy(tmp_path):
    terms = ["COD", "Cash", "نقدي", "فوري", "Net 30", "30 يوم", "60 days EOM", "Net 35", "EOM"]
    rows = [rec(f"R{i}", f"Terms Client {chr(65 + i)}{chr(70 + i)}w",
                f"{700 + i}-000-000", f"ap@r{i}.com", f"0100777{1000 + i}", terms=t)
            for i, t in enumerate(terms)]
    found = checks(master(tmp_path, rows))
    # "EOM" is due at the end of the invoice's month (0 days after it): readable, allowed
    assert codes(found) == [("R7", "UNUSUAL_TERMS", "Warning")]
    assert "'Net 35'" in found[0][4] and "not in the policy's list" in found[0][4]


LIMITS = [("L0", 0, "Cash"), ("L1", None, "Net 30"), ("L2", "Unlimited", "Net 30"),
          ("L3", "مفتوح", "Net 30"), ("L4", -100, "Net 30"), ("L5", "EGP 50,000", "Net 30"),
          ("L6", "50,000 ج.م", "Net 30"), ("L7", "fifty thousand", "Net 30"),
          ("L8", 0, "Net 30"), ("L9", 0, "نقدي")]


def test_credit_limits_unlimited_words_are_no_limit_not_an_error(tmp_path):
    rows = [rec(cid, f"Limit Client {cid}x", f"8{i}0-000-000", f"ap@{cid}.com",
                f"0100888{1000 + i}", terms=t, limit=lim)
            for i, (cid, lim, t) in enumerate(LIMITS)]
    book = master(tmp_path, rows)
    assert [i.value for i in book.issues if "H" in str(i.cell)] == ["fifty thousand"]
    found = checks(book)
    assert codes(found) == [("L4", "INVALID_CREDIT_LIMIT", "Error"),
                            ("L7", "INVALID_CREDIT_LIMIT", "Error")]
    assert "is negative" in found[0][4] and "'fifty thousand'" in found[1][4]


def test_credit_status_unlimited_and_zero_are_no_limit_and_zero_on_cash_terms_is_said(tmp_path):
    rows = [rec(cid, f"Limit Client {cid}x", f"8{i}0-000-000", f"ap@{cid}.com",
                f"0100888{1000 + i}", terms=t, limit=lim)
            for i, (cid, lim, t) in enumerate(LIMITS)]
    invoices = [[f"I{cid}", cid, datetime(2026, 6, 20), None, 60000]
                for cid, _, _ in LIMITS]
    book = master(tmp_path, rows, invoices)
    tab = run_credit(book, JobOptions(as_of=AS_OF, args={})).tabs[0].frame.set_index(
        "Customer ID")
    for cid in ("L2", "L3", "L1"):
        assert tab.at[cid, "Credit Limit"] != tab.at[cid, "Credit Limit"]  # blank: no limit
        assert not tab.at[cid, "Over Limit"]
        assert tab.at[cid, "Exposure"] == pytest.approx(60000)
    for cid in ("L5", "L6"):
        assert tab.at[cid, "Credit Limit"] == pytest.approx(50000)
        assert tab.at[cid, "Over Limit"]
        assert tab.at[cid, "Utilization %"] == pytest.approx(120)
        assert tab.at[cid, "Status"] == "Over Limit"
    # 0 is no limit set (the contract), on cash terms too: never Over Limit, but the balance
    # owed on cash terms is said
    for cid in ("L0", "L9"):
        assert tab.at[cid, "Credit Limit"] == 0
        assert not tab.at[cid, "Over Limit"] and tab.at[cid, "Status"] == "OK"
        assert tab.at[cid, "Utilization %"] != tab.at[cid, "Utilization %"]
        assert tab.at[cid, "Reason"] == (
            "no credit limit set; cash terms give no credit, yet 60,000.00 is owed")
    assert not tab.at["L8", "Over Limit"] and tab.at["L8", "Status"] == "OK"


def test_duplicates_legal_forms_in_either_script_and_branches_sharing_a_tax_id(tmp_path):
    rows = [rec("D1", "Delta Paints LLC", "901-000-001", "ap@deltapaints.com", "01009991001"),
            rec("D2", "Delta Paints", "901-000-002", "x@dp-trade.com", "01009991002"),
            rec("D3", "Horizon Co.", "901-000-003", "ap@horizon.com", "01009991003"),
            rec("D4", "Horizon ذ.م.م", "901-000-004", "x@hz-trade.com", "01009991004"),
            rec("D5", "مؤسسة الفجر للتجارة", "901-000-005", "ap@fajr.com", "01009991005"),
            rec("D6", "الفجر للتجارة ش.م.م", "901-000-006", "x@fajr-eg.com", "01009991006"),
            rec("G1", "Mansour Group - Cairo Branch", "555-666-777", "cairo@mansour.com",
                "0222223333"),
            rec("G2", "Mansour Group - Alex Branch", "555666777", "alex@mansour.com",
                "0333334444")]
    found = checks(master(tmp_path, rows))
    assert codes(found) == [("D1", "POSSIBLE_DUPLICATE", "Warning"),
                            ("D2", "POSSIBLE_DUPLICATE", "Warning"),
                            ("D3", "POSSIBLE_DUPLICATE", "Warning"),
                            ("D4", "POSSIBLE_DUPLICATE", "Warning"),
                            ("D5", "POSSIBLE_DUPLICATE", "Warning"),
                            ("D6", "POSSIBLE_DUPLICATE", "Warning")]
    # G1 and G2 are named as two branches of one company: sharing its tax ID is by law
    assert "D4 'Horizon ذ.م.م'" in found[2][4]


def test_two_names_on_one_phone_line_or_mailbox_are_a_possible_duplicate(tmp_path):
    rows = [rec("S1", "Apex Supplies", "111-222-333", "ap@apex.com", "0100 444 5555"),
            rec("S2", "Zenith Traders", "111-222-334", "ap@zenith.com", "+20 100 444 5555"),
            rec("S3", "Orbit Metals", "111-222-335", "finance.orbit@gmail.com", "0100 444 6666"),
            rec("S4", "Quasar Plastics", "111-222-336", "Finance.Orbit@gmail.com; b@q.com",
                "0100 444 7777"),
            # one agent's mobile on four accounts: a pattern, not a duplicate
            *[rec(f"A{i}", f"Agent Client {w}", f"12{i}-000-000", f"ap@a{i}.com",
                  "0111 999 8888") for i, w in enumerate(["Kilo", "Lima", "Mike", "Oscar"])]]
    found = checks(master(tmp_path, rows))
    assert codes(found) == [("S1", "POSSIBLE_DUPLICATE", "Warning"),
                            ("S2", "POSSIBLE_DUPLICATE", "Warning"),
                            ("S3", "POSSIBLE_DUPLICATE", "Warning"),
                            ("S4", "POSSIBLE_DUPLICATE", "Warning")]
    assert "S2 'Zenith Traders' (row 3): same phone." in found[0][4]
    assert "S4 'Quasar Plastics' (row 5): same email address." in found[2][4]


def test_arabic_workbook_gets_the_new_phone_reasons_in_arabic(tmp_path):
    from ar_excel.core.customers.checks import run_checks

    rows = [rec("H1", "شركة الهدى", "911-000-001", "ap@huda.com", "01001234"),
            rec("H2", "شركة السلام", "922-000-002", "ap@salam.com", "922-000-002")]
    book = master(tmp_path, rows)
    found = run_checks(book.table("Customers"), book.policy, AS_OF, arabic=True)
    assert [(f.customer_id, f.code) for f in found] == [("H1", "INVALID_PHONE"),
                                                        ("H2", "INVALID_PHONE")]
    assert "رقم الموبايل المصري 11 رقماً" in found[0].message
    assert "هذا هو الرقم الضريبي للعميل" in found[1].message
