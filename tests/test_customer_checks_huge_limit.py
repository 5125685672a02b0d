"""A credit limit too large to be an amount (1E+308 in a number cell: a key held down, a
formula's overflow) is said as Excel shows it, not as its 309 digits, and why it cannot be used."""

from __future__ import annotations

from datetime import date

from ar_excel.io.reader import read_book
from ar_excel.jobs import JobOptions
from ar_excel.jobs.validate import JOB as VALIDATE
from tests._workbooks import save_sheets


def _checks(tmp_path, limits: list, arabic: bool = False):
    head = (["رقم العميل", "اسم العميل", "حد الائتمان"] if arabic else
            ["Customer ID", "Name", "Credit Limit"])
    rows = [head] + [[f"C{i}", f"Trader {i}", v] for i, v in enumerate(limits, 1)]
    book = read_book(save_sheets(tmp_path / "m.xlsx", {"Customers": rows}))
    frame = VALIDATE.run(book, JobOptions(as_of=date(2026, 11, 30))).tabs[0].frame
    return [(r["Customer ID"], r["Cell"], r["Value"], r["Message"]) for _, r in frame.iterrows()
            if r["Code"] == "INVALID_CREDIT_LIMIT"]


def test_a_limit_too_large_is_shown_short_and_said_too_large(tmp_path):
    assert _checks(tmp_path, [1e308, -1e20, "1e308", -50000, 2.5e15]) == [
        ("C1", "C2", "1E+308", "Credit limit '1E+308' of customer C1 (C2) is too large to be "
                               "an amount; enter an amount, or leave it blank for no limit."),
        ("C2", "C3", "-1E+20", "Credit limit '-1E+20' of customer C2 (C3) is too large to be "
                               "an amount; enter an amount, or leave it blank for no limit."),
        ("C3", "C4", "1e308", "Credit limit '1e308' of customer C3 (C4) is not a number; "
                              "enter an amount, or leave it blank for no limit."),
        ("C4", "C5", "-50,000", "Credit limit '-50,000' of customer C4 (C5) is negative; enter "
                                "an amount, or leave it blank for no limit."),
        ("C5", "C6", "2.5E+15", "Credit limit '2.5E+15' of customer C5 (C6) is too large to "
                                "be an amount; enter an amount, or leave it blank for no "
                                "limit.")]


def test_in_arabic(tmp_path):
    [(_, _, value, message)] = _checks(tmp_path, [1e308], arabic=True)
    assert value == "1E+308"
    assert message == ("حد الائتمان '1E+308' للعميل C1 (C2) أكبر من أن يكون مبلغاً؛ أدخل "
                       "مبلغاً أو اتركه فارغاً.")
