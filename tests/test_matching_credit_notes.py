"""Receipts net of a credit note the customer holds: the invoices settled in full, the credit
note used up, and the posting that records it (cash rows plus non-cash credit-note rows)."""

from __future__ import annotations

import pandas as pd
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ar_excel.core.ledger import open_items
from ar_excel.core.matching import match_statement
from ar_excel.core.receipts_to_post import receipts_to_post
from ar_excel.policy import Policy

AS_OF = pd.Timestamp("2026-11-30")
B1 = "FT26309001"  # the first line's bank reference


def _customers(*rows: tuple[str, str]) -> pd.DataFrame:
    return pd.DataFrame({
        "Customer ID": [c for c, _ in rows], "Name": [n for _, n in rows], "Currency": "EGP",
        "Payment Terms": pd.array([30] * len(rows), dtype="Int64"),
        "_row": range(2, len(rows) + 2)})


def _invoices(*rows: tuple[str, str, str, float]) -> pd.DataFrame:
    return pd.DataFrame({
        "Invoice No": [r[0] for r in rows], "Customer ID": [r[1] for r in rows],
        "Invoice Date": pd.to_datetime([r[2] for r in rows]),
        "Due Date": pd.to_datetime([None] * len(rows)), "Currency": None,
        "Amount": [r[3] for r in rows], "_row": range(2, len(rows) + 2)})


NO_PAYMENTS = pd.DataFrame({"Payment ID": pd.Series(dtype=object),
                            "Customer ID": pd.Series(dtype=object),
                            "Date": pd.Series(dtype="datetime64[ns]"),
                            "Amount": pd.Series(dtype=float),
                            "Invoice No": pd.Series(dtype=object), "_row": pd.Series(dtype=int)})


def _lines(*rows: tuple[str, float]) -> pd.DataFrame:
    return pd.DataFrame([{"Bank Line": f"FT2630900{k}", "Date": pd.Timestamp("2026-11-05"),
                          "Value Date": None, "Amount": amount, "Currency": "EGP",
                          "Description": text, "Reference": None, "Counterparty": None,
                          "Counterparty Account": None, "Bank Ref": f"FT2630900{k}", "Balance": None,
                          "Statement": "S", "Line No": k + 1}
                         for k, (text, amount) in enumerate(rows, start=1)])


CUSTOMERS = _customers(("C1", "Nile Trading Company"), ("C2", "Delta Foods"))
INVOICES = _invoices(("INV-2026-00101", "C1", "2026-09-05", 114000.0),
                     ("INV-2026-00102", "C1", "2026-10-15", 57000.0),
                     ("CN-2026-00003", "C1", "2026-10-20", -4321.5),
                     ("INV-2026-00201", "C2", "2026-10-01", 8000.0))


def _match(lines: pd.DataFrame, invoices: pd.DataFrame = INVOICES,
           customers: pd.DataFrame = CUSTOMERS):
    items = open_items(customers, invoices, NO_PAYMENTS, AS_OF)
    return match_statement(lines, items, customers, Policy())


def _rows(matches: pd.DataFrame) -> list[tuple]:
    return list(zip(matches["Bank Line"], matches["Invoice No"], matches["Applied Amount"],
                    matches["Method"], matches["Status"], strict=True))


def test_a_receipt_naming_its_invoice_less_the_credit_note_settles_both():
    r = _match(_lines(("TRF NILE TRADING COMPANY INV-2026-00102", 52678.5)))
    assert _rows(r.matches) == [
        (B1, "INV-2026-00102", 57000.0, "credit-note", "Matched"),
        (B1, "CN-2026-00003", -4321.5, "credit-note", "Matched")]
    assert "less credit note CN-2026-00003 (4,321.50), which the customer deducted" \
        in r.matches["Reason"].iat[0]
    assert r.unmatched[r.unmatched["Amount"] > 0].empty


def test_a_known_payers_statement_balance_less_its_credit_note():
    r = _match(_lines(("NILE TRADING COMPANY", 166678.5)))
    assert _rows(r.matches) == [
        (B1, "INV-2026-00101", 114000.0, "credit-note", "Matched"),
        (B1, "INV-2026-00102", 57000.0, "credit-note", "Matched"),
        (B1, "CN-2026-00003", -4321.5, "credit-note", "Matched")]
    summary = r.summary.set_index("Item")
    assert summary.loc["Method: credit-note", "Amount"] == 166678.5
    assert summary.loc["Check: matched + suggested + unmatched - credits", "Amount"] == 0.0


def test_one_invoice_less_the_credit_note_without_a_reference():
    r = _match(_lines(("NILE TRADING COMPANY", 109678.5)))
    assert _rows(r.matches) == [
        (B1, "INV-2026-00101", 114000.0, "credit-note", "Matched"),
        (B1, "CN-2026-00003", -4321.5, "credit-note", "Matched")]


def test_two_ways_to_make_the_amount_with_credit_notes_is_only_suggested():
    invoices = _invoices(("INV-1", "C1", "2026-09-05", 1000.0), ("INV-2", "C1", "2026-09-06", 1100.0),
                         ("CN-1", "C1", "2026-10-01", -200.0), ("CN-2", "C1", "2026-10-02", -300.0))
    r = _match(_lines(("NILE TRADING COMPANY", 800.0)), invoices)
    assert set(r.matches["Status"]) == {"Suggested"}
    assert r.matches["Applied Amount"].sum() == 800.0
    assert "one of several ways to make the amount with its credits" \
        in r.matches["Reason"].iat[0]


def test_a_customer_with_many_credit_notes_is_not_searched():
    invoices = _invoices(("INV-1", "C1", "2026-09-05", 1000.0),
                         *[(f"CN-{k}", "C1", "2026-10-01", -10.0 * k) for k in range(1, 5)])
    r = _match(_lines(("NILE TRADING COMPANY", 990.0)), invoices)
    assert "credit-note" not in set(r.matches["Method"])


def test_a_credit_note_is_used_once_across_the_statement():
    r = _match(_lines(("NILE TRADING COMPANY", 109678.5), ("NILE TRADING COMPANY", 52678.5)))
    used = r.matches[r.matches["Invoice No"] == "CN-2026-00003"]
    assert len(used) == 1 and used["Applied Amount"].iat[0] == -4321.5


def test_receipts_to_post_record_cash_and_the_credit_note_apart():
    r = _match(_lines(("NILE TRADING COMPANY", 166678.5)))
    post = receipts_to_post(r.matches)
    assert list(zip(post["Invoice No"], post["Amount"], post["Method"], strict=True)) == [
        ("INV-2026-00101", 114000.0, "Bank Transfer"),
        ("INV-2026-00102", 52678.5, "Bank Transfer"),
        ("INV-2026-00102", 4321.5, "Credit Note"),
        ("CN-2026-00003", -4321.5, "Credit Note")]
    assert set(post["Payment ID"]) == {B1}


def test_an_invoice_the_credit_note_settles_in_full_gets_no_cash_row():
    invoices = _invoices(("INV-1", "C1", "2026-09-05", 1000.0), ("INV-2", "C1", "2026-09-06", 300.0),
                         ("CN-1", "C1", "2026-10-01", -500.0))
    r = _match(_lines(("NILE TRADING COMPANY", 800.0)), invoices)
    post = receipts_to_post(r.matches)
    assert list(zip(post["Invoice No"], post["Amount"], post["Method"], strict=True)) == [
        ("INV-1", 800.0, "Bank Transfer"), ("INV-1", 200.0, "Credit Note"),
        ("INV-2", 300.0, "Credit Note"), ("CN-1", -500.0, "Credit Note")]


def test_posting_the_receipt_closes_the_invoices_and_the_credit_note_and_pairs_next_run():
    lines = _lines(("NILE TRADING COMPANY", 166678.5))
    r = _match(lines)
    post = receipts_to_post(r.matches)
    payments = post[["Payment ID", "Customer ID", "Date", "Amount", "Invoice No", "Method",
                     "Reference"]].assign(_row=range(2, len(post) + 2))
    items = open_items(CUSTOMERS, INVOICES, payments, AS_OF)
    assert sorted(items.loc[items["Customer ID"] == "C1", "Open Amount"].round(2)) == []
    again = match_statement(lines, items, CUSTOMERS, Policy(), recorded=payments)
    assert list(again.matches["Method"]) == ["recorded"]
    assert again.matches["Applied Amount"].sum() == 166678.5


def test_arabic_reason():
    from ar_excel.io.reasons_ar import arabic_reason

    r = _match(_lines(("NILE TRADING COMPANY", 109678.5)))
    assert "ناقص إشعار دائن CN-2026-00003 (4,321.50) خصمه العميل" \
        in arabic_reason(r.matches["Reason"].iat[0])


@st.composite
def books_with_credit_notes(draw):
    n_inv = draw(st.integers(1, 6))
    amounts = draw(st.lists(st.sampled_from([1000.0, 2500.0, 999.99, 5000.5, 750.0]),
                            min_size=n_inv, max_size=n_inv))
    credits = draw(st.lists(st.sampled_from([-100.0, -250.0, -999.99, -50.0]),
                            min_size=1, max_size=4))
    rows = [(f"INV-{k}", f"C{draw(st.integers(1, 2))}", "2026-09-01", a)
            for k, a in enumerate(amounts)]
    rows += [(f"CN-{k}", f"C{draw(st.integers(1, 2))}", "2026-10-01", c)
             for k, c in enumerate(credits)]
    lines = []
    for _ in range(draw(st.integers(1, 6))):
        base = draw(st.sampled_from(amounts))
        amount = draw(st.sampled_from([base + c for c in credits] + [sum(amounts) + credits[0],
                                                                      base]))
        who = draw(st.sampled_from(["NILE TRADING COMPANY", "DELTA FOODS", "TRF"]))
        ref = draw(st.sampled_from(["", f" INV-{amounts.index(base)}"]))
        lines.append((who + ref, round(amount, 2)))
    return _invoices(*rows), _lines(*[(t, a) for t, a in lines if a > 0] or [("TRF", 1.0)])


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(books_with_credit_notes())
def test_credit_notes_are_used_once_and_money_is_conserved(book):
    invoices, lines = book
    items = open_items(CUSTOMERS, invoices, NO_PAYMENTS, AS_OF)
    r = match_statement(lines, items, CUSTOMERS, Policy())
    m = r.matches
    open_amount = items.set_index("Invoice No")["Open Amount"]
    taken = (m["Applied Amount"] + m["Write-off"]).groupby(m["Invoice No"].fillna("")).sum()
    for number, amount in taken.items():
        if not number:
            continue
        if open_amount[number] > 0:
            assert -0.005 < amount <= open_amount[number] + 0.005, number
        else:  # a credit note: used at most once, never beyond what is open on it
            assert open_amount[number] - 0.005 <= amount < 0, number
    credit_rows = m[m["Applied Amount"] < 0]
    assert (credit_rows["Method"] == "credit-note").all()
    assert credit_rows["Invoice No"].is_unique
    amount = lines.set_index("Bank Line")["Amount"]
    left = r.unmatched.set_index("Bank Line")["Unallocated Amount"]
    applied = m.groupby("Bank Line")["Applied Amount"].sum()
    for line, value in amount.items():
        got = applied.get(line, 0.0) + (left.get(line, 0.0) or 0.0)
        assert abs(got - value) < 0.005, line
    post = receipts_to_post(m)
    if len(post):
        cash = post[~post["Method"].isin(["Credit Note", "Write-off", "Withholding Tax"])]
        matched = m[m["Status"] == "Matched"].groupby("Bank Line")["Applied Amount"].sum()
        got = cash.groupby("Bank Line")["Amount"].sum()
        for line, total in matched.items():
            assert abs(got.get(line, 0.0) - total) < 0.005, line


def test_a_person_approving_the_suggestion_applies_the_credit_note_too():
    from ar_excel.core.matching.review import reviews_from

    invoices = _invoices(("INV-1", "C1", "2026-09-05", 1000.0), ("INV-2", "C1", "2026-09-06", 1100.0),
                         ("CN-1", "C1", "2026-10-01", -200.0), ("CN-2", "C1", "2026-10-02", -300.0))
    lines = _lines(("NILE TRADING COMPANY", 800.0))
    first = _match(lines, invoices).matches
    answered = first.assign(Status="Approved")
    items = open_items(CUSTOMERS, invoices, NO_PAYMENTS, AS_OF)
    again = match_statement(lines, items, CUSTOMERS, Policy(),
                            reviews=reviews_from(answered, lines)).matches
    assert list(again["Status"]) == ["Matched", "Matched"]
    assert list(zip(again["Invoice No"], again["Applied Amount"], strict=True)) == list(
        zip(first["Invoice No"], first["Applied Amount"], strict=True))
    post = receipts_to_post(again)
    assert list(zip(post["Invoice No"], post["Amount"], post["Method"], strict=True)) == [
        ("INV-1", 800.0, "Bank Transfer"), ("INV-1", 200.0, "Credit Note"),
        ("CN-1", -200.0, "Credit Note")]


ADVANCE = pd.DataFrame({"Payment ID": ["R-56"], "Customer ID": ["C2"],
                        "Date": pd.to_datetime(["2026-10-20"]), "Amount": [3000.0],
                        "Invoice No": [None], "_row": [2]})


def _match_with_advance(lines: pd.DataFrame):
    items = open_items(CUSTOMERS, INVOICES, ADVANCE, AS_OF)
    return match_statement(lines, items, CUSTOMERS, Policy())


def test_an_invoice_less_the_advance_the_customer_sent_is_a_part_payment_saying_so():
    r = _match_with_advance(_lines(("TRF DELTA FOODS INV-2026-00201", 5000.0)))
    assert _rows(r.matches) == [(B1, "INV-2026-00201", 5000.0, "partial", "Matched")]
    assert r.matches["Reason"].iat[0].endswith(
        "short by 3,000.00: the customer's unapplied receipt R-56 (3,000.00) pays the rest: "
        "apply it to INV-2026-00201 too")


def test_a_known_payer_paying_an_invoice_less_its_advance_without_a_reference():
    r = _match_with_advance(_lines(("DELTA FOODS", 5000.0)))
    assert _rows(r.matches) == [(B1, "INV-2026-00201", 5000.0, "partial", "Matched")]
    assert "less the customer's unapplied receipt R-56 (3,000.00): apply it to INV-2026-00201 " \
        "too" in r.matches["Reason"].iat[0]
    from ar_excel.io.reasons_ar import arabic_reason

    assert "ناقص تحصيل العميل غير المطبق R-56 (3,000.00): طبّقه على INV-2026-00201 أيضاً" \
        in arabic_reason(r.matches["Reason"].iat[0])
    # nothing new to post but the cash: the advance is in the books already
    post = receipts_to_post(r.matches)
    assert list(zip(post["Invoice No"], post["Amount"], strict=True)) == [
        ("INV-2026-00201", 5000.0)]


def test_a_small_credit_note_is_used_not_written_off_as_charges():
    """A gap within the fee tolerance that is exactly a credit note's open amount: the
    customer deducted the credit note; proposing the gap as a write-off would grant it twice."""
    invoices = _invoices(("INV-1", "C1", "2026-09-05", 5000.0), ("CN-1", "C1", "2026-10-01", -20.0))
    for text in ("NILE TRADING COMPANY INV-1", "NILE TRADING COMPANY"):
        m = _match(_lines((text, 4980.0)), invoices).matches
        assert list(zip(m["Invoice No"], m["Applied Amount"], m["Write-off"], m["Method"],
                        strict=True)) == [("INV-1", 5000.0, 0.0, "credit-note"),
                                          ("CN-1", -20.0, 0.0, "credit-note")], text


def test_a_small_advance_is_not_written_off_as_charges():
    advance = ADVANCE.assign(Amount=[20.0])
    items = open_items(CUSTOMERS, INVOICES, advance, AS_OF)
    m = match_statement(_lines(("TRF DELTA FOODS INV-2026-00201", 7980.0)), items, CUSTOMERS,
                        Policy()).matches
    assert list(zip(m["Invoice No"], m["Applied Amount"], m["Write-off"], m["Method"],
                    strict=True)) == [("INV-2026-00201", 7980.0, 0.0, "partial")]
    assert m["Reason"].iat[0].endswith("the customer's unapplied receipt R-56 (20.00) pays the "
                                       "rest: apply it to INV-2026-00201 too")


def test_a_known_payer_less_a_small_advance_is_no_write_off_either():
    advance = ADVANCE.assign(Amount=[20.0])
    items = open_items(CUSTOMERS, INVOICES, advance, AS_OF)
    m = match_statement(_lines(("DELTA FOODS", 7980.0)), items, CUSTOMERS, Policy()).matches
    assert list(zip(m["Invoice No"], m["Applied Amount"], m["Write-off"], m["Method"],
                    strict=True)) == [("INV-2026-00201", 7980.0, 0.0, "partial")]
