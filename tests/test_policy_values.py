"""Policy values an accountant mistypes (found by the month-end fuzz): a value read but out of its
range is an Input Issue at its cell (the key, the value as typed, what is expected) and the
default is used, as for a value that cannot be read; valid values read as before."""

from __future__ import annotations

import pandas as pd
import pytest

from ar_excel.cli import main
from ar_excel.io.messages_ar import arabic_message
from ar_excel.io.reader import read_book
from ar_excel.policy import Policy, policy_from_pairs
from tests.test_reader import CUSTOMER_ROWS, _book

DEFAULT = Policy()

BAD = [  # key, value as typed, Policy field, message (before "; the default is used")
    ("overdue_hold_days", -5, "overdue_hold_days",
     "'-5' is not a number of days of 0 or more (e.g. 90)"),
    ("fee_tolerance", -5, "fee_tolerance_abs",
     "'-5' is not a fee tolerance (expected an amount of 0 or more and/or a percentage from 0 "
     "to 100, e.g. '25 or 0.5 %')"),
    ("fee_tolerance", "25 or 150 %", "fee_tolerance_pct",
     "'25 or 150 %' is not a fee tolerance (expected an amount of 0 or more and/or a percentage "
     "from 0 to 100, e.g. '25 or 0.5 %')"),
    ("credit_warning_pct", 250, "credit_warning_pct",
     "'250' is not a percentage from 0 to 100 (e.g. 80)"),
    ("credit_warning_pct", -10, "credit_warning_pct",
     "'-10' is not a percentage from 0 to 100 (e.g. 80)"),
    ("max_discount_pct", -1, "max_discount_pct",
     "'-1' is not a percentage from 0 to 100 (e.g. 5)"),
    ("max_discount_pct", 150, "max_discount_pct",
     "'150' is not a percentage from 0 to 100 (e.g. 5)"),
    # (found by fuzzing: 1E+9 dunning days failed the collections job, OutOfBoundsTimedelta)
    ("dunning_levels_days", "0, 15, 1000000000", "dunning_levels_days",
     "'0, 15, 1000000000' is more days than a century (e.g. '7, 30, 60, 90')"),
    ("overdue_hold_days", 1_000_000_000, "overdue_hold_days",
     "'1000000000' is more days than a century (e.g. 90)"),
    ("aging_buckets_days", "60;30", "aging_buckets_days",
     "'60;30' is not a list of days above 0 in ascending order (e.g. '30, 60, 90')"),
    ("aging_buckets_days", "0, 30, 60", "aging_buckets_days",
     "'0, 30, 60' is not a list of days above 0 in ascending order (e.g. '30, 60, 90')"),
    ("aging_buckets_days", "-30, 30, 60", "aging_buckets_days",
     "'-30, 30, 60' is not a list of days above 0 in ascending order (e.g. '30, 60, 90')"),
    ("dunning_levels_days", "30, 7, 60", "dunning_levels_days",
     "'30, 7, 60' is not a list of days of 0 or more in ascending order (e.g. '7, 30, 60, 90')"),
    ("allowed_terms_days", "0, -30, 60", "allowed_terms_days",
     "'0, -30, 60' is not a list of days of 0 or more (e.g. '0, 7, 15, 30, 45, 60, 90')"),
    ("language", 1_000_000_000, "language",
     "'1000000000' is not a language (expected 'ar' or 'en'; blank: from the workbook's "
     "headers)"),
    ("base_currency", "EGYPT", "base_currency",
     "'EGYPT' is not a currency code (expected 3 letters, e.g. EGP, SAR, USD)"),
    ("date_order", "sideways", "date_order",
     "'sideways' is not a date order (expected 'day first' or 'month first')"),
    ("aging_basis", "whenever", "aging_basis",
     "'whenever' is not an aging basis (expected 'due date' or 'invoice date')"),
    ("uninvoiced_delivery_days", -3, "uninvoiced_delivery_days",
     "'-3' is not a number of days of 0 or more (e.g. 7)"),
]


def _policy_book(tmp_path, rows):
    return read_book(_book(tmp_path, {"Customers": CUSTOMER_ROWS,
                                      "Policy": [["Key", "Value"], *rows]}))


@pytest.mark.parametrize(("key", "typed", "field", "reason"), BAD,
                         ids=[f"{k}={v}" for k, v, *_ in BAD])
def test_a_value_out_of_range_is_an_input_issue_at_its_cell_and_the_default_is_used(
        tmp_path, key, typed, field, reason):
    book = _policy_book(tmp_path, [["bank_statement", "nov.csv"], [key, typed]])
    issues = [(i.sheet, i.cell, i.column, str(i.value), i.message) for i in book.issues]
    assert issues == [("Policy", "B3", key, str(typed),
                       f"policy '{key}': {reason}; the default is used")]
    assert getattr(book.policy, field) == getattr(DEFAULT, field)
    assert book.policy.bank_statement == "nov.csv"  # the rows beside it are still read


def test_each_policy_message_reads_in_arabic():
    for key, _typed, _field, reason in BAD:
        arabic = arabic_message(f"policy '{key}': {reason}; the default is used")
        assert arabic.startswith(f"السياسة '{key}': ") and arabic.endswith(
            "؛ استُخدمت القيمة الافتراضية"), arabic
        for english in ("is not", "expected", "ascending", "e.g."):
            assert english not in arabic, arabic


def test_a_wrong_fee_tolerance_keeps_both_parts_of_the_default(tmp_path):
    p = _policy_book(tmp_path, [["fee_tolerance", "25 or -0.5 %"]]).policy
    assert (p.fee_tolerance_abs, p.fee_tolerance_pct) == (25.0, 0.5)


def test_an_excel_error_is_never_read_as_a_number():
    """Live Excel (xlwings) and a text export give a formula's error as its text: the 0 in
    "#DIV/0!" is no hold days."""
    policy, problems = policy_from_pairs([("overdue_hold_days", "#DIV/0!", "B2")])
    assert problems == [
        ("B2", "policy 'overdue_hold_days' is the Excel error #DIV/0! (its formula has no "
               "value); the default is used")]
    assert policy.overdue_hold_days == 90
    assert arabic_message(problems[0][1]) == (
        "السياسة 'overdue_hold_days' فيها خطأ Excel #DIV/0! (المعادلة بلا قيمة)؛ استُخدمت "
        "القيمة الافتراضية")


def test_an_excel_error_cell_in_a_saved_workbook_is_told_not_read_as_blank(tmp_path):
    """The cell reader gives a saved error cell as blank, which would keep the default in
    silence: a broken formula in the Policy is an Input Issue at its cell, the rows beside it
    are read and a setting left blank on purpose says nothing."""
    book = _policy_book(tmp_path, [["overdue_hold_days", "#REF!"], ["max_discount_pct", 7],
                                   ["credit_warning_pct", "#DIV/0!"], ["aging_basis", None]])
    assert [(i.sheet, i.cell, i.column, i.value, i.message) for i in book.issues] == [
        ("Policy", "B2", "overdue_hold_days", "#REF!",
         "policy 'overdue_hold_days' is the Excel error #REF! (its formula has no value); the "
         "default is used"),
        ("Policy", "B4", "credit_warning_pct", "#DIV/0!",
         "policy 'credit_warning_pct' is the Excel error #DIV/0! (its formula has no value); "
         "the default is used")]
    assert book.policy.overdue_hold_days == DEFAULT.overdue_hold_days
    assert book.policy.credit_warning_pct == DEFAULT.credit_warning_pct
    assert book.policy.max_discount_pct == 7


def test_valid_values_read_as_before_with_no_issue(tmp_path):
    book = _policy_book(tmp_path, [
        ["overdue_hold_days", 0], ["credit_warning_pct", 100], ["max_discount_pct", 0],
        ["fee_tolerance", "0 or 0 %"], ["aging_buckets_days", "30, 60, 90, 120"],
        ["dunning_levels_days", "0, 15, 45"], ["allowed_terms_days", "60, 0, 30, 30"],
        ["language", "ar-EG"], ["base_currency", "egp"], ["date_order", "MM/DD/YYYY"],
        ["aging_basis", "Invoice Date"], ["uninvoiced_delivery_days", 0]])
    assert book.issues == []
    p = book.policy
    assert (p.overdue_hold_days, p.credit_warning_pct, p.max_discount_pct) == (0, 100.0, 0.0)
    assert (p.fee_tolerance_abs, p.fee_tolerance_pct) == (0.0, 0.0)
    assert (p.aging_buckets_days, p.dunning_levels_days) == ((30, 60, 90, 120), (0, 15, 45))
    assert p.allowed_terms_days == (0, 30, 30, 60)
    assert (p.language, p.base_currency, p.date_order, p.aging_basis) == (
        "ar", "EGP", "month first", "invoice date")
    assert (p.day_first, p.uninvoiced_delivery_days) == (False, 0)


@pytest.mark.parametrize(("field", "typed", "read"), [
    ("language", "Arabic", "ar"), ("language", "EN", "en"), ("language", "العربية", "ar"),
    ("language", "en_GB", "en"), ("base_currency", "ج.م", "EGP"),
    ("base_currency", "Saudi Riyal", "SAR"), ("date_order", "day first", "day first"),
    ("date_order", "dd-mm-yyyy", "day first"), ("date_order", "الشهر أولاً", "month first"),
    ("aging_basis", "due", "due date"), ("aging_basis", "تاريخ الفاتورة", "invoice date"),
    ("aging_buckets_days", "30-60-90", (30, 60, 90)),  # a hyphen between days, no minus
    # an amount typed as text with its thousands separators is one number, not 1 and 0
    ("dunning_min_amount", "1,000", 1000.0), ("dunning_min_amount", "2,500.50", 2500.5),
    ("dunning_min_amount", "١٬٠٠٠", 1000.0), ("fee_tolerance_abs", "1,000 or 0.5 %", 1000.0),
    ("aging_buckets_days", "30,60,90,120", (30, 60, 90, 120)),  # a list keeps its commas
])
def test_the_ways_people_write_a_valid_value(tmp_path, field, typed, read):
    key = "fee_tolerance" if field == "fee_tolerance_abs" else field
    book = _policy_book(tmp_path, [[key, typed]])
    assert (book.issues, getattr(book.policy, field)) == ([], read)


def test_credit_with_negative_hold_days_holds_as_the_default_does(tmp_path):
    path = _book(tmp_path, {
        "Customers": [["Customer ID", "Name", "Payment Terms", "Credit Limit"],
                      ["C1", "Nile Foods", 30, 10000], ["C2", "Delta", 30, 10000],
                      ["C3", "Sinai", 30, 10000]],
        "Invoices": [["Invoice No", "Customer ID", "Invoice Date", "Amount"],
                     ["I-1", "C1", "2026-07-01", 1000],  # due 31/07: 122 days late
                     ["I-2", "C2", "2026-10-01", 500],  # due 31/10: 30 days late
                     ["I-3", "C3", "2026-11-20", 700]],  # not due yet
        "Policy": [["Key", "Value"], ["Hold After Days", -5]]})
    out = tmp_path / "credit.xlsx"
    assert main(["credit", str(path), "--as-of", "2026-11-30", "-o", str(out)]) == 0
    status = pd.read_excel(out, sheet_name="Credit Status", engine="calamine")
    assert dict(zip(status["Customer ID"], status["Status"], strict=True)) == {
        "C1": "Hold", "C2": "OK", "C3": "OK"}
    issues = pd.read_excel(out, sheet_name="Input Issues", engine="calamine")
    rows = issues[issues["Sheet"] == "Policy"][["Cell", "Column", "Value", "Message"]]
    assert rows.astype(str).values.tolist() == [[
        "B2", "Hold After Days", "-5",
        "policy 'Hold After Days': '-5' is not a number of days of 0 or more (e.g. 90); the "
        "default is used"]]


def test_bank_columns_that_name_no_column_are_an_input_issue_not_bad_usage(tmp_path, capsys):
    """The Policy's bank_columns was read as the command's --bank-columns: a value naming no
    column ('9999-12-31' pasted there) failed every run, even one without a statement, with
    exit 2 (bad usage). It is an Input Issue at its cell; the statement's columns are found
    from its headers, as with no bank_columns. Found by fuzzing the tests' Jordan book."""
    from datetime import datetime

    path = _book(tmp_path, {"Customers": CUSTOMER_ROWS,
                            "Policy": [["Key", "Value"], ["bank_columns", datetime(9999, 12, 31)],
                                       ["max_discount_pct", 7]]})
    book = read_book(path)
    assert [(i.sheet, i.cell, i.column, i.message) for i in book.issues] == [
        ("Policy", "B2", "bank_columns",
         "policy 'bank_columns': '9999-12-31' is not COLUMN=HEADER with a column among Date, "
         "Value Date, Description, Amount, Debit, Credit, Currency, Reference, Counterparty, "
         "Counterparty Account, Bank Ref, Balance, decimal, date_format, date_order, delimiter, "
         "header_row, sheet, year; the default is used")]
    assert book.policy.get("bank_columns") is None and book.policy.max_discount_pct == 7
    assert main(["run", str(path), "--as-of", "2026-11-30", "-o", str(tmp_path / "out.xlsx")]) == 0
    assert capsys.readouterr().err == ""
    # a good one is read as before
    path = _book(tmp_path, {"Customers": CUSTOMER_ROWS, "Policy": [
        ["Key", "Value"], ["bank_columns", "Date=Buchungstag;Amount=Betrag"]]}, name="good.xlsx")
    book = read_book(path)
    assert book.issues == [] and book.policy.get("bank_columns") == "Date=Buchungstag;Amount=Betrag"
