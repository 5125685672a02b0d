"""On random books, the reports tie: for every customer and currency, the statement's
closing balance equals its Aging row and the sum of its open items, and its aging footer
equals that row bucket by bucket; per currency the Aging's total equals the KPIs' closing AR
and, without exchange rates, Credit Status's open balances; the statement's closing equals
its opening plus its lines. Books mix two currencies (an EGP customer billed in USD too),
credit notes, partial and excess payments, receipts on account, write-offs, credit notes
applied by a pair of Payments rows, refunds, and documents dated after the as-of date."""

from __future__ import annotations

from datetime import date, timedelta

import pandas as pd
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ar_excel.core.aging import aging_by_customer, bucket_labels, to_mills
from ar_excel.core.collections.statements import customer_statements
from ar_excel.core.credit import credit_status
from ar_excel.core.kpis import kpi_table, month_to
from ar_excel.core.ledger import due_dates, open_items
from ar_excel.policy import Policy
from tests._aging_books import customers, invoices, payments

AS_OF = date(2028, 2, 29)
START = date(2027, 11, 1)
days = st.integers(0, 150).map(lambda d: START + timedelta(days=d))  # some after AS_OF
amounts = st.integers(1, 500_000).map(lambda c: c / 100)
METHODS = ("Transfer", "Cheque", "Write-off", None)


@st.composite
def books(draw):
    cust = customers(("A", "Alpha", "EGP", 30), ("B", "شركة الأمل", "EGP", 0),
                     ("C", "Gulf", "USD", 60))
    inv_rows, pay_rows, methods = [], [], []
    for k in range(draw(st.integers(0, 10))):
        who = draw(st.sampled_from("ABC"))
        ccy = draw(st.sampled_from(["USD", None])) if who == "A" else None
        sign = -1 if draw(st.integers(0, 5)) == 0 else 1  # now and then a credit note
        inv_rows.append((f"I{k}", who, draw(days), draw(st.one_of(st.none(), days)),
                         sign * draw(amounts), ccy))
    numbers = [r[0] for r in inv_rows if r[4] > 0]
    for k in range(draw(st.integers(0, 10))):
        who = draw(st.sampled_from("ABC"))
        pay_rows.append((f"P{k}", who, draw(days), draw(amounts),
                         draw(st.one_of(st.none(), st.sampled_from(numbers or ["X"])))))
        methods.append(draw(st.sampled_from(METHODS)))
    notes = [r for r in inv_rows if r[4] < 0]
    if notes and numbers and draw(st.booleans()):  # a credit note applied to an invoice
        note = notes[0]
        target = next(r for r in inv_rows if r[0] == numbers[0])
        if target[1] == note[1] and target[5] == note[5]:
            share = min(-note[4], target[4])
            when = max(note[2], target[2])
            pay_rows += [("CN", note[1], when, share, target[0]),
                         ("CN", note[1], when, -share, note[0])]
            methods += ["Credit Note", "Credit Note"]
    if draw(st.booleans()):  # a refund paid out to a customer
        pay_rows.append(("RF", draw(st.sampled_from("AB")), draw(days), -draw(amounts), None))
        methods.append("Refund")
    pay = payments(*pay_rows).assign(Method=pd.Series(methods, dtype=object))
    return cust, invoices(*inv_rows), pay


def _m(value) -> int:
    return int(to_mills(pd.Series([value], dtype="float64"))[0])


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(books())
def test_statements_aging_kpis_and_credit_status_tie(book):
    cust, inv, pay = book
    policy = Policy()
    items = open_items(cust, inv, pay, AS_OF)
    aging = aging_by_customer(items, cust, policy)
    labels = bucket_labels(policy.aging_buckets_days)
    rows = {(r["Customer ID"], r["Currency"]): r for r in aging.to_dict("records")}
    due = due_dates(inv, cust)
    statements = customer_statements(["A", "B", "C"], cust, inv, pay, date(2028, 2, 1),
                                     AS_OF, due, items, policy)
    closing: dict = {}
    for statement in statements:
        for section in statement.sections:
            key = (statement.customer_id, section.currency)
            moved = section.lines["Debit"].fillna(0).sum() - section.lines["Credit"].fillna(
                0).sum() if len(section.lines) else 0.0
            assert _m(section.opening + moved) == _m(section.closing)
            row = rows.get(key)
            assert _m(section.closing) == (_m(row["Total"]) if row else 0), key
            if row:
                assert [_m(section.aging[b]) for b in labels] == [_m(row[b]) for b in labels]
            closing[section.currency] = closing.get(section.currency, 0) + _m(section.closing)
    for key, row in rows.items():
        if _m(row["Total"]):  # every balance is on a statement
            assert key[1] in closing
    totals = {ccy: int(to_mills(part["Total"]).sum())
              for ccy, part in aging.groupby(aging["Currency"])}
    assert {c: v for c, v in closing.items() if v} == {c: v for c, v in totals.items() if v}
    kpis = kpi_table(cust, inv, pay, month_to(AS_OF))
    closing_ar = kpis[kpis["KPI"] == "Closing AR"].set_index("Currency")["Value"]
    for ccy, total in totals.items():
        assert _m(closing_ar.get(ccy, 0.0)) == total
    status = credit_status(cust, items, policy, as_of=AS_OF)
    # without rates a USD invoice of EGP customer A counts as it stands (the Note says so):
    # the tab's total is the ledger's, currency by currency added as they are
    assert int(to_mills(status["Open Balance"]).sum()) == sum(totals.values())


def _sections(statements) -> dict:
    return {(s.customer_id, sec.currency): sec for s in statements for sec in s.sections}


def test_what_is_left_of_a_receipt_stays_in_the_currency_of_the_invoice_it_paid():
    """An EGP customer pays 130 on a USD 100 invoice: USD 30 is left on account (the ledger
    kept EGP 30, while its statement showed the receipt in USD and the KPIs counted it as
    USD received: the EGP statement and Aging no longer agreed)."""
    cust = customers(("A", "Alpha", "EGP", 30))
    inv = invoices(("U2", "A", "2027-11-01", None, 100.0, "USD"),
                   ("E1", "A", "2027-11-01", None, 1000.0, None))
    pay = payments(("P1", "A", "2027-11-05", 130.0, "U2"), ("P2", "A", "2027-11-05", 50.0, None))
    items = open_items(cust, inv, pay, AS_OF)
    assert items[["Document No", "Currency", "Open Amount"]].values.tolist() == [
        ["E1", "EGP", 1000.0], ["P1", "USD", -30.0], ["P2", "EGP", -50.0]]
    got = _sections(customer_statements(["A"], cust, inv, pay, date(2028, 2, 1), AS_OF,
                                        due_dates(inv, cust), items))
    assert {k: v.closing for k, v in got.items()} == {("A", "EGP"): 950.0, ("A", "USD"): -30.0}
    kpis = kpi_table(cust, inv, pay, month_to(AS_OF))
    closing = kpis[kpis["KPI"] == "Closing AR"].set_index("Currency")["Value"].to_dict()
    assert closing == {"EGP": 950.0, "USD": -30.0}


def test_a_receipt_naming_another_customers_invoice_is_where_the_ledger_applied_it():
    """Alpha (A) records 150 against B's invoice I0 of 100 (a group company paying for its
    sister): the ledger pays I0 and leaves 50 on A's account. B's statement shows the 100
    that paid its invoice, A's the 50 left (A's showed all 150 and B's none: neither tied
    to the Aging). B's invoice counts as paid on that date in its payment history."""
    from ar_excel.core.collections.risk import paid_history

    cust = customers(("A", "Alpha", "EGP", 30), ("B", "Beta", "EGP", 0))
    inv = invoices(("I0", "B", "2028-02-01", None, 100.0, None),
                   ("I9", "A", "2028-02-01", None, 70.0, None))
    pay = payments(("P0", "A", "2028-02-10", 150.0, "I0"))
    items = open_items(cust, inv, pay, AS_OF)
    assert items[["Customer ID", "Document No", "Open Amount"]].values.tolist() == [
        ["A", "I9", 70.0], ["A", "P0", -50.0]]
    due = due_dates(inv, cust)
    got = _sections(customer_statements(["A", "B"], cust, inv, pay, date(2028, 2, 1), AS_OF,
                                        due, items))
    lines = {k: v.lines[["Type", "Document", "Debit", "Credit", "Balance"]].values.tolist()
             for k, v in got.items()}
    assert lines == {("A", "EGP"): [["Invoice", "I9", 70.0, 0.0, 70.0],
                                    ["Receipt", "P0", 0.0, 50.0, 20.0]],
                     ("B", "EGP"): [["Invoice", "I0", 100.0, 0.0, 100.0],
                                    ["Receipt", "P0", 0.0, 100.0, 0.0]]}
    hist = paid_history(inv, pay, due, AS_OF)
    assert hist[["Customer ID", "Invoice No", "Days Late"]].values.tolist() == [["B", "I0", 9]]
