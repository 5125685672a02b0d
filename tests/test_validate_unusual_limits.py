"""UNUSUAL_CREDIT_LIMIT: a credit limit above the Policy's maximum, or far above or below the
limits of the customers of its currency (a zero too many, a limit typed in thousands)."""

from __future__ import annotations

import pandas as pd

from ar_excel.cli import main
from tests.test_reader import _book

LIMITS = [50000, 60000, 75000, 80000, 100000, 100000, 120000, 150000, 200000, 250000]


def _checks(tmp_path, limits: list, policy: list | None = None, arabic: bool = False
            ) -> pd.DataFrame:
    head = ["رقم العميل", "اسم العميل", "حد الائتمان", "العملة"] if arabic else \
        ["Customer ID", "Name", "Credit Limit", "Currency"]
    rows = [head] + [[f"C{k}", f"Customer {k}", limit, "EGP"] for k, limit in enumerate(limits)]
    sheets = {"العملاء" if arabic else "Customers": rows}
    if policy:
        sheets["Policy"] = [["Key", "Value"], *policy]
    path = _book(tmp_path, sheets, name=f"b{len(limits)}{arabic}.xlsx")
    out = tmp_path / f"checks{len(limits)}{arabic}.xlsx"
    assert main(["validate", str(path), "--as-of", "2026-11-30", "-o", str(out)]) == 0
    checks = pd.read_excel(out, sheet_name="Customer Checks", engine="calamine")
    if "Code" not in checks:  # an Arabic tab: the Arabic labels above the contract's
        checks = pd.read_excel(out, sheet_name="Customer Checks", engine="calamine", header=1)
    return checks[checks["Code"] == "UNUSUAL_CREDIT_LIMIT"]


def test_a_zero_too_many_and_a_limit_in_thousands_are_warned(tmp_path):
    found = _checks(tmp_path, [*LIMITS, 3_000_000, 500])
    assert list(zip(found["Customer ID"], found["Severity"], found["Cell"], strict=True)) == [
        ("C10", "Warning", "C12"), ("C11", "Warning", "C13")]
    assert found["Message"].tolist() == [
        "Credit limit 3,000,000 of customer C10 (C12) is more than 10 times the limits of 90% "
        "of the customers in EGP (up to 200,000): a zero too many?; check it was typed as "
        "meant.",
        "Credit limit 500 of customer C11 (C13) is under 1% of the usual limit in EGP "
        "(100,000): typed in thousands?; check it was typed as meant."]


def test_usual_limits_and_few_customers_are_not_compared(tmp_path):
    assert _checks(tmp_path, LIMITS).empty
    assert _checks(tmp_path, [50000, 2_000_000, 500]).empty  # too few to know what is usual


def test_a_limit_above_the_policys_maximum(tmp_path):
    found = _checks(tmp_path, [50000, 1_500_000], policy=[["Max Credit Limit", "1,000,000"]])
    assert found["Message"].tolist() == [
        "Credit limit 1,500,000 of customer C1 (C3) is above the policy's maximum of "
        "1,000,000; check it was typed as meant."]


def test_in_arabic(tmp_path):
    found = _checks(tmp_path, [*LIMITS, 3_000_000], arabic=True)
    assert found["Message"].tolist() == [
        "حد الائتمان 3,000,000 للعميل C10 (C12) يزيد على 10 أمثال حدود 90% من العملاء بعملة "
        "EGP (حتى 205,000): صفر زائد؟؛ تحقق من كتابته كما يُقصد."]
