"""Customer statements: opening balance, running balance, closing = ledger, aging footer."""

from __future__ import annotations

import pandas as pd
from hypothesis import given, settings
from hypothesis import strategies as st

from ar_excel.core.collections.statements import customer_statement, statement_rows
from ar_excel.core.ledger import due_dates, open_balance, open_items
from tests.collections_data import customers, invoices, payments

START, END = pd.Timestamp("2026-10-01"), pd.Timestamp("2026-10-31")


def ledger():
    cust = customers([
        {"Customer ID": "C1", "Name": "شركة النيل للتجارة", "Address": "12 شارع النيل",
         "City": "القاهرة", "Tax ID": "100-200-300"},
        {"Customer ID": "C2", "Name": "Acme Ltd", "Currency": "USD"},
    ])
    inv = invoices([
        ("INV-1", "C1", "2026-07-01", None, 1000.00),  # due 07-31
        ("INV-2", "C1", "2026-10-05", None, 500.00),  # due 11-04
        ("CN-1", "C1", "2026-10-10", None, -100.00),
        ("INV-3", "C1", "2026-11-02", None, 999.00),  # after the period: not there yet
        ("INV-4", "C1", "2026-10-05", "2026-10-20", 250.00, "USD"),  # another currency
        ("INV-5", "C2", "2026-09-01", None, 300.00),
    ])
    pay = payments([
        ("R5", "C1", "2026-10-25", 50.00, "INV-4"),  # pays the USD invoice: a USD receipt
        ("R1", "C1", "2026-09-15", 600.00, "INV-1"),
        ("R2", "C1", "2026-10-20", 200.00, None),
        ("R3", "C1", "2026-10-05", -50.00, None),  # a refund paid out: a debit
        ("R4", "C1", "2026-11-03", 100.00, None),  # after the period
    ])
    return cust, inv, pay


def statement(cid):
    cust, inv, pay = ledger()
    items = open_items(cust, inv, pay, END)
    return customer_statement(cid, cust, inv, pay, START, END, due_dates(inv, cust), items), items


def test_lines_and_running_balance():
    stmt, items = statement("C1")
    egp = stmt.sections[0]
    assert egp.currency == "EGP"
    assert egp.opening == 400.00  # INV-1 1000 - R1 600
    lines = egp.lines[["Date", "Type", "Document", "Debit", "Credit", "Balance"]]
    assert lines.astype(object).values.tolist() == [
        [pd.Timestamp("2026-10-05"), "Invoice", "INV-2", 500.0, 0.0, 900.0],
        [pd.Timestamp("2026-10-05"), "Refund", "R3", 50.0, 0.0, 950.0],
        [pd.Timestamp("2026-10-10"), "Credit Note", "CN-1", 0.0, 100.0, 850.0],
        [pd.Timestamp("2026-10-20"), "Receipt", "R2", 0.0, 200.0, 650.0],
    ]
    assert egp.lines["Due Date"].iloc[0] == pd.Timestamp("2026-11-04")
    assert egp.closing == 650.00
    # the closing balance is the ledger's open balance (signed items) on the last day
    egp_items = items[(items["Customer ID"] == "C1") & (items["Currency"] == "EGP")]
    assert open_balance(egp_items)["C1"] == 650.00
    # aging footer: INV-1 400 at 92 days; INV-2 not due; CN-1 21 days; R2 11; R3 26 (debit)
    assert egp.aging == {"Current": 500.0, "1-30": -250.0, "31-60": 0.0, "61-90": 0.0,
                         "90+": 400.0}
    assert round(sum(egp.aging.values()), 2) == egp.closing
    usd = stmt.sections[1]
    assert (usd.currency, usd.opening, usd.closing) == ("USD", 0.0, 200.0)
    assert usd.lines["Document"].tolist() == ["INV-4", "R5"]
    assert usd.aging["1-30"] == 200.0
    usd_items = items[(items["Customer ID"] == "C1") & (items["Currency"] == "USD")]
    assert open_balance(usd_items)["C1"] == 200.00
    assert stmt.language == "ar"
    assert stmt.address == "12 شارع النيل, القاهرة"


def test_tab_rows():
    stmt, _ = statement("C1")
    rows = statement_rows(stmt)
    egp = rows[rows["Currency"] == "EGP"]
    assert egp["Type"].tolist() == ["Opening balance", "Invoice", "Refund", "Credit Note",
                                    "Receipt", "Closing balance"] + ["Aging"] * 5
    assert egp["Balance"].tolist()[:6] == [400.0, 900.0, 950.0, 850.0, 650.0, 650.0]
    assert egp["Document"].tolist()[6:] == ["Current", "1-30", "31-60", "61-90", "90+"]
    assert set(rows["Customer ID"]) == {"C1"}


def test_customer_with_nothing_in_the_period():
    stmt, _ = statement("C2")
    (usd,) = stmt.sections
    assert (usd.currency, usd.opening, len(usd.lines), usd.closing) == ("USD", 300.0, 0, 300.0)
    assert usd.aging["1-30"] == 300.0  # due 10-01 (30 days' terms): 30 days past due
    assert stmt.language == "en"


@settings(max_examples=40, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 300), st.integers(-50_000, 200_000)), min_size=1,
                max_size=12),
       st.lists(st.tuples(st.integers(0, 300), st.integers(-20_000, 200_000),
                          st.booleans()), max_size=10),
       st.integers(0, 300))
def test_closing_balance_ties_to_the_ledger(docs, receipts, start_day):
    base = pd.Timestamp("2026-01-01")
    end = base + pd.Timedelta(days=300)
    cust = customers([{"Customer ID": "C1", "Name": "A"}])
    inv = invoices([(f"D{k}", "C1", base + pd.Timedelta(days=d), None, c / 100 or 0.01)
                    for k, (d, c) in enumerate(docs)])
    pay = payments([(f"R{k}", "C1", base + pd.Timedelta(days=d), c / 100 or 0.01,
                     f"D{k % len(docs)}" if named else None)
                    for k, (d, c, named) in enumerate(receipts)])
    items = open_items(cust, inv, pay, end)
    stmt = customer_statement("C1", cust, inv, pay, base + pd.Timedelta(days=start_day), end,
                              due_dates(inv, cust), items)
    (egp,) = stmt.sections
    signed = round(sum(c for _, c in docs if c) - sum(c for _, c, _ in receipts if c))
    assert round(egp.closing * 100) == round(open_balance(items).get("C1", 0.0) * 100)
    assert abs(egp.closing * 100 - signed) <= len(docs) + len(receipts)  # 0.01 stand-ins
    assert round(sum(egp.aging.values()) * 100) == round(egp.closing * 100)
    if len(egp.lines):
        assert egp.lines["Balance"].iloc[-1] == egp.closing


def test_a_currency_settled_before_the_period_and_quiet_in_it_is_left_out():
    cust, inv, pay = ledger()
    inv = pd.concat([inv, invoices([("INV-6", "C2", "2026-08-01", None, 400.00, "EGP")])],
                    ignore_index=True)
    pay = pd.concat([pay, payments([("R6", "C2", "2026-08-20", 400.00, "INV-6")])],
                    ignore_index=True)
    items = open_items(cust, inv, pay, END)
    stmt = customer_statement("C2", cust, inv, pay, START, END, due_dates(inv, cust), items)
    assert [(s.currency, s.opening, s.closing) for s in stmt.sections] == [("USD", 300.0, 300.0)]
    # still one section when every currency is quiet (the statement says 'no transactions')
    pay = pd.concat([pay, payments([("R7", "C2", "2026-09-20", 300.00, "INV-5")])],
                    ignore_index=True)
    items = open_items(cust, inv, pay, END)
    stmt = customer_statement("C2", cust, inv, pay, START, END, due_dates(inv, cust), items)
    assert [(s.currency, s.closing, len(s.lines)) for s in stmt.sections] == [("USD", 0.0, 0)]


def test_a_receipt_of_a_fraction_of_a_fils_naming_another_customers_invoice():
    """C2's one receipt is 1E-9 (a value typed by mistake) naming C1's invoice: split between
    the two customers it is nothing on either side; the statements job failed ('No objects
    to concatenate'). Both statements are as without it."""
    cust, inv, _ = ledger()
    tiny = payments([("R9", "C2", "2026-10-12", 1e-9, "INV-2")])
    none = tiny.iloc[:0]
    for cid, closing in (("C1", 1400.00), ("C2", 300.00)):  # 1,000 + 500 - 100 in EGP
        got = [customer_statement(cid, cust, inv, pay, START, END, due_dates(inv, cust),
                                  open_items(cust, inv, pay, END)) for pay in (tiny, none)]
        assert got[0].sections[0].closing == got[1].sections[0].closing == closing
