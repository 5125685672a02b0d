"""The billing checks on the project's demo ledger (an independent generator of realistic
books with planted defects): every planted invoice or billing defect is found under its
code, and every other Error is a delivered order left uninvoiced (real in that ledger)."""

from __future__ import annotations

import pytest

from ar_excel.core.billing import prepare, run_checks

demo = pytest.importorskip("ar_excel.demo.ledger")

# the demo's defect codes -> ours
CODES = {"PRICE_NOT_LIST": "PRICE_OFF_LIST", "WRONG_TAX_RATE": "TAX_RATE_NOT_ALLOWED"}


@pytest.fixture(scope="module")
def demo_run():
    ledger = demo.make_ledger(n_customers=150, n_invoices=2500, n_payments=1500, seed=11,
                              lines_share=0.2)
    book = prepare(invoices=ledger["Invoices"], customers=ledger["Customers"],
                   lines=ledger["Invoice Lines"], prices=ledger["Price List"],
                   deliveries=ledger["Orders"], payments=ledger["Payments"],
                   as_of=demo.AS_OF, sheets={"Orders": "Orders"})
    found, issues = run_checks(book)
    assert issues == []
    return ledger, found


def test_every_planted_billing_defect_is_found(demo_run):
    ledger, found = demo_run
    planted = ledger["_defects"]
    planted = planted[planted["Sheet"].isin(["Invoices", "Invoice Lines"])]
    assert len(planted) >= 10
    for code, key in zip(planted["Code"], planted["Key"], strict=True):
        ours = CODES.get(code, code)
        hits = found[(found["Code"] == ours) & (found["Invoice No"] == key)]
        assert len(hits) >= 1, f"{code} on {key} not found"
        # a currency other than the customer's is for review (USD billing is common in the Gulf)
        assert set(hits["Severity"]) == {"Warning" if ours == "CURRENCY_MISMATCH" else "Error"}


def test_no_other_errors_but_uninvoiced_deliveries(demo_run):
    ledger, found = demo_run
    planted = set(ledger["_defects"]["Key"])
    errors = found[(found["Severity"] == "Error") & ~found["Invoice No"].isin(planted)]
    assert set(errors["Code"]) <= {"DELIVERY_NOT_INVOICED"}
    delivered = ledger["Orders"][(ledger["Orders"]["Status"] == "Delivered")
                                 & ledger["Orders"]["Invoice No"].isna()]
    assert set(errors["Row"]) <= set(delivered["_row"])
