"""Customer Checks on a workbook with every defect injected beside realistic clean rows."""

from __future__ import annotations

from datetime import date

import pandas as pd
import pytest
from _customer_books import AS_OF, CLEAN, DEFECTS, HEADER, master_rows, row, write_customers

from ar_excel.core.customers import checks as checks_module
from ar_excel.core.customers.checks import CHECKS_COLUMNS, run_checks
from ar_excel.io.reader import read_book
from ar_excel.jobs import JobOptions, registry
from ar_excel.jobs.validate import run
from ar_excel.policy import Policy

CONTRACT_CODES = {"MISSING_NAME", "MISSING_TAX_ID", "DUPLICATE_ID", "DUPLICATE_TAX_ID",
                  "POSSIBLE_DUPLICATE", "INVALID_EMAIL", "INVALID_PHONE", "INVALID_CURRENCY",
                  "INVALID_CREDIT_LIMIT", "UNUSUAL_TERMS", "DISCOUNT_ABOVE_POLICY",
                  "REVIEW_OVERDUE"}


@pytest.fixture(scope="module")
def master(tmp_path_factory):
    rows, expected = master_rows()
    path = write_customers(tmp_path_factory.mktemp("v") / "customers.xlsx", rows)
    book = read_book(path)
    result = run(book, JobOptions(as_of=AS_OF, args={"user": "tester"}))
    checks = result.tabs[0].frame
    # Excel rows: title row 1, header row 2, data from row 3.
    return checks, {3 + i: e for i, e in enumerate(expected)}, result


def test_the_checks_tab_has_the_contract_columns_in_order(master):
    checks, _, result = master
    assert result.tabs[0].name == "Customer Checks"
    assert list(checks.columns[:6]) == ["Customer ID", "Row", "Field", "Code", "Severity",
                                         "Message"]
    assert list(checks.columns) == CHECKS_COLUMNS


def test_every_injected_defect_is_found_on_its_row(master):
    checks, expected, _ = master
    found = set(zip(checks["Row"], checks["Code"], strict=True))
    for excel_row, code in expected.items():
        if code is not None:
            assert (excel_row, code) in found, f"{code} not reported on row {excel_row}"
    assert set(checks["Code"]) >= CONTRACT_CODES


def test_no_clean_row_gets_any_finding(master):
    checks, expected, _ = master
    clean_rows = {r for r, code in expected.items() if code is None}
    assert len(clean_rows) == len(CLEAN)
    flagged = checks[checks["Row"].isin(clean_rows)]
    assert flagged.empty, flagged.to_string()


def test_each_defect_row_gets_only_its_own_code(master):
    checks, expected, _ = master
    for excel_row, code in expected.items():
        if code is not None:
            assert set(checks.loc[checks["Row"] == excel_row, "Code"]) == {code}


def test_findings_name_row_field_cell_and_severity(master):
    checks, _, _ = master
    limit = checks[(checks["Code"] == "INVALID_CREDIT_LIMIT") & (checks["Value"] == "abc")]
    assert limit.iloc[0][["Customer ID", "Field", "Severity", "Cell"]].tolist() == [
        "C116", "Credit Limit", "Error", "J28"]
    assert "'abc'" in limit.iloc[0]["Message"] and "J28" in limit.iloc[0]["Message"]
    negative = checks[(checks["Code"] == "INVALID_CREDIT_LIMIT") & (checks["Row"] == 29)]
    assert "negative" in negative.iloc[0]["Message"]
    review = checks[checks["Code"] == "REVIEW_OVERDUE"].iloc[0]
    assert review["Message"] == ("Credit review of customer C120 was due on 2026-01-15 (M32), "
                                 "166 days ago.")
    assert set(checks["Severity"]) == {"Error", "Warning"}


def test_every_row_of_a_duplicate_id_group_is_reported(tmp_path):
    rows = [CLEAN[0], row("C001", "Other Co", "1", "a@other.com", "+20 100 999 8888"),
            CLEAN[1], row("C001", "Third Co", "2", "b@third.com", "+20 100 999 7777")]
    book = read_book(write_customers(tmp_path / "d.xlsx", rows))
    findings = run_checks(book.table("Customers"), book.policy, AS_OF)
    dup = [f for f in findings if f.code == "DUPLICATE_ID"]
    assert [f.row for f in dup] == [3, 4, 6]
    assert all("3 rows (3, 4, 6)" in f.message for f in dup)


def test_valid_but_unusual_values_are_accepted(tmp_path):
    rows = [row(f"V{i}", f"Company {name}", f"90{i}-123-456", email, phone, terms=terms, limit=limit)
            for i, (name, email, phone, terms, limit) in enumerate([
                ("Alpha", "ap+invoices@alpha.com", "+20 (100) 123-4567", "Net 30", "50,000"),
                ("Beta", "first.last@beta.co.uk; ar@beta.co.uk", "٠١٠٠١٢٣٤٥٦٨", "30 days",
                 "١٢٬٥٠٠"),
                ("Gamma", "AR@Gamma.COM", "00966 11 234 5678", "٣٠", "EGP 75,000"),
                ("Delta", "x_y-z@sub.delta-corp.com", "+971-4-123-4567 ext. 22", "net 60",
                 75000.0),
            ])]
    book = read_book(write_customers(tmp_path / "ok.xlsx", rows))
    assert not book.issues
    assert run_checks(book.table("Customers"), book.policy, AS_OF) == []


def test_policy_from_the_workbook_drives_the_anomalies(tmp_path):
    rows = [row("P1", "Policy Co", "100-200-300", "a@p.com", "+20 100 123 4567", terms=35, discount=7)]
    policy = [["Key", "Value"], ["allowed_terms_days", "30, 35"], ["max_discount_pct", 10]]
    book = read_book(write_customers(tmp_path / "p.xlsx", rows, extra={"Policy": policy}))
    assert run_checks(book.table("Customers"), book.policy, AS_OF) == []
    findings = run_checks(book.table("Customers"), Policy(), AS_OF)
    assert [f.code for f in findings] == ["UNUSUAL_TERMS", "DISCOUNT_ABOVE_POLICY"]


def test_unreadable_terms_and_discount_are_reported_with_their_cells(tmp_path):
    rows = [row("U1", "Odd Co", "100-200-300", "a@odd.com", "+20 100 123 4567", terms="whenever",
                discount="lots", ccy="XYZ")]
    book = read_book(write_customers(tmp_path / "u.xlsx", rows))
    findings = run_checks(book.table("Customers"), book.policy, AS_OF)
    assert [(f.code, f.cell, f.value) for f in findings] == [
        ("INVALID_CURRENCY", "H3", "XYZ"), ("UNUSUAL_TERMS", "I3", "whenever"),
        ("INVALID_DISCOUNT", "K3", "lots")]


def test_closed_customers_need_no_credit_review():
    frame = pd.DataFrame({"Customer ID": ["A", "B"], "Name": ["A Co", "B Co"],
                          "Status": ["Closed", "Active"],
                          "Next Credit Review": pd.to_datetime(["2020-01-01", "2020-01-01"]),
                          "_row": [2, 3]})
    from ar_excel.model import Table
    table = Table("Customers", "Customers", frame, frame.copy(),
                  {"Customer ID": "A", "Name": "B", "Status": "C", "Next Credit Review": "D"})
    assert [(f.customer_id, f.code) for f in run_checks(table, Policy(), date(2026, 6, 30))] == [
        ("B", "REVIEW_OVERDUE")]


def test_records_flagged_for_deletion_or_disabled_need_no_credit_review(tmp_path):
    """SAP's Deletion Flag X and ERPNext's Disabled 1 retire a record as Status Closed does:
    its review date long past is no REVIEW_OVERDUE (nor MISSING_TAX_ID, as before); the live
    record beside it still is, at its cell."""
    from tests._workbooks import save_sheets

    review = date(2026, 1, 15)
    for flag, yes in (("Deletion Flag", "X"), ("Disabled", 1)):
        book = read_book(save_sheets(tmp_path / f"{flag}.xlsx", {"Customers": [
            ["Customer ID", "Name", "Tax ID", "Email", "Next Credit Review", flag],
            ["K1", "Kept Co", "100-200-301", "a@kept.example", review, None],
            ["R1", "Retired Co", None, None, review, yes]]}))
        findings = run_checks(book.table("Customers"), book.policy, date(2026, 6, 30))
        assert [(f.customer_id, f.code, f.cell) for f in findings] == [
            ("K1", "REVIEW_OVERDUE", "E2")], flag


def test_arabic_workbook_gets_arabic_messages(tmp_path):
    header = ["رقم العميل", "اسم العميل", "الرقم الضريبي", "البريد الإلكتروني", "الهاتف",
              "المدينة", "الدولة", "العملة", "شروط الدفع", "حد الائتمان", "الخصم", "الحالة",
              "تاريخ مراجعة الائتمان", "رقم الحساب"]
    rows = [row("ع1", "شركة النيل للأغذية", "100-200-301", "بريد", "+20 100 123 4567", limit="abc"),
            row("ع2", "النيل للاغذيه ش.م.م", "100-200-302", "a@nile.com", "+20 100 123 4567")]
    book = read_book(write_customers(tmp_path / "ar.xlsx", rows, sheet="العملاء",
                                     header=header))
    assert book.arabic
    result = run(book, JobOptions(as_of=AS_OF))
    checks = result.tabs[0].frame
    assert list(checks["Code"]) == ["POSSIBLE_DUPLICATE", "INVALID_EMAIL",
                                    "INVALID_CREDIT_LIMIT", "POSSIBLE_DUPLICATE"]
    email = checks[checks["Code"] == "INVALID_EMAIL"].iloc[0]["Message"]
    assert email == "البريد الإلكتروني 'بريد' للعميل ع1 (D3) غير صحيح؛ لا يمكن إرسال كشف الحساب."
    assert "نفس رقم الهاتف" in checks.iloc[0]["Message"]


def test_a_crashing_rule_is_reported_and_the_others_still_run(tmp_path):
    book = read_book(write_customers(tmp_path / "c.xlsx", [DEFECTS[0][1]]))

    def broken(ctx):
        raise KeyError("boom")

    findings = run_checks(book.table("Customers"), book.policy, AS_OF,
                          checks=[broken, checks_module.missing_name])
    assert [f.code for f in findings] == ["CHECK_FAILED", "MISSING_NAME"]
    assert "broken" in findings[0].message and "boom" in findings[0].message


def test_validate_and_credit_are_registered_first_in_month_end_order():
    names = list(registry())
    assert names[:2] == ["validate", "credit"]


def test_header_row_is_found_below_a_title_and_rows_are_excel_rows(tmp_path):
    book = read_book(write_customers(tmp_path / "t.xlsx", [DEFECTS[0][1]], title=None))
    findings = run_checks(book.table("Customers"), book.policy, AS_OF)
    assert [(f.row, f.cell) for f in findings] == [(2, "B2")]
    assert HEADER[1] == "Customer Name"
