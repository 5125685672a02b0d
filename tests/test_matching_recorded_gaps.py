"""Book-to-bank pairing where the bank writes the receipt otherwise than the books.

A receipt recorded in Payments pairs with the bank credit of its amount (to the minor unit)
in its date window when something says it is that receipt: its invoice named in any form the
cascade's reference reading understands (``INV 3190``, ``Inv#02340``, ``2026/3108``, a number
wrapped across lines), its customer paying under a name one or two other customers bear too,
or the amount alone being unique in the window with nothing on the line saying someone else
paid. Same amount with another customer's evidence, or two receipts (two lines) the amount
fits equally, pair nothing.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ar_excel.core.ledger import open_items
from ar_excel.core.matching import match_statement
from ar_excel.core.matching.recorded import (
    ADVICE_DAYS,
    BY_AMOUNT,
    BY_PAYER,
    CLEARING_DAYS,
    Receipt,
    pair_receipts,
)
from ar_excel.io.reasons_ar import arabic_clause, arabic_reason
from ar_excel.policy import Policy
from tests.test_matching_rules import frame, lines
from tests.test_reconcile_job import read_tab

CUSTOMERS = frame("Customers", [
    {"Customer ID": "C1", "Name": "Delta Foods S.A.E.", "Currency": "EGP", "Payment Terms": 30,
     "IBAN / Bank Account": "1234567890123"},
    {"Customer ID": "C2", "Name": "Diamond Textiles", "Currency": "EGP", "Payment Terms": 30},
    {"Customer ID": "C3", "Name": "DIAMOND TEXTILES", "Currency": "EGP", "Payment Terms": 30},
    {"Customer ID": "C4", "Name": "Cairo Steel Company", "Currency": "EGP", "Payment Terms": 30,
     "IBAN / Bank Account": "9876543210987"},
    {"Customer ID": "C5", "Name": "مؤسسة الفجر للمقاولات", "Currency": "EGP",
     "Payment Terms": 30},
])

INVOICES = frame("Invoices", [
    {"Invoice No": "INV-2026-03190", "Customer ID": "C1", "Invoice Date": "2026-10-01",
     "Amount": 30000.00},
    {"Invoice No": "INV-2026-02340", "Customer ID": "C4", "Invoice Date": "2026-09-20",
     "Amount": 60000.00},
    {"Invoice No": "INV-2026-02982", "Customer ID": "C2", "Invoice Date": "2026-10-10",
     "Amount": 30000.00},
    {"Invoice No": "INV-2026-02990", "Customer ID": "C3", "Invoice Date": "2026-10-12",
     "Amount": 20000.00},
    {"Invoice No": "INV-2026-03108", "Customer ID": "C5", "Invoice Date": "2026-10-15",
     "Amount": 90000.00},
    {"Invoice No": "INV-2026-04001", "Customer ID": "C4", "Invoice Date": "2026-10-20",
     "Amount": 7358.28},
    {"Invoice No": "INV-2026-00726", "Customer ID": "C5", "Invoice Date": "2026-10-25",
     "Amount": 40000.00},
])

# The statement's first line, so that the period starts on November 1st.
FIRST = {"id": "L0", "date": "2026-11-01", "amount": 12.50, "desc": "CREDIT INTEREST"}


def pay(pid: str, cid: str, date: str, amount: float, invoice: str | None = None) -> dict:
    return {"Payment ID": pid, "Customer ID": cid, "Date": date, "Amount": amount,
            "Invoice No": invoice}


def reconcile(payments: list[dict], *rows: dict):
    pays = frame("Payments", payments)
    stmt = lines(FIRST, *rows)
    items = open_items(CUSTOMERS, INVOICES, pays, stmt["Date"].max())
    return match_statement(stmt, items, CUSTOMERS, Policy(), None, recorded=pays)


def recorded_rows(result) -> list[tuple]:
    """(Bank Line, Customer ID, Invoice No, Applied Amount, Status) of the recorded pairs."""
    m = result.matches[result.matches["Method"] == "recorded"]
    return [(b, c, i if isinstance(i, str) else None, round(a, 2), s)
            for b, c, i, a, s in m[["Bank Line", "Customer ID", "Invoice No", "Applied Amount",
                                    "Status"]].itertuples(index=False, name=None)]


def reason_of(result, line: str) -> str:
    m = result.matches
    return " | ".join(m.loc[m["Bank Line"] == line, "Reason"])


# Two receipts of 12,345.67 in the window: the amount alone says nothing, the invoice decides.
TWO_OF_THE_AMOUNT = [pay("RCT-1", "C1", "2026-11-10", 12345.67, "INV-2026-03190"),
                     pay("RCT-2", "C4", "2026-11-10", 12345.67, "INV-2026-02340")]


@pytest.mark.parametrize(("desc", "ref"), [
    ("INWARD TRF INV 3190", None),  # the numeric part the narrative calls an invoice
    ("PAYMENT INVOICE NO 2026/3190", None),  # its digits without the padding
    ("حوالة واردة سداد 202603190", None),  # its digits only
    ("ACH CREDIT /REF/Inv#03190", None),
    ("INCOMING TRANSFER INV-2026-", "03190"),  # wrapped: the number's end in the next field
    ("INCOMING TRANSFER PAYMENT OF INV-2026-\n03190 THANK YOU", None),  # wrapped across lines
])
def test_the_receipts_invoice_in_the_forms_the_reference_reading_knows(desc, ref):
    result = reconcile(TWO_OF_THE_AMOUNT,
                       {"date": "2026-11-11", "amount": 12345.67, "desc": desc, "ref": ref})
    assert recorded_rows(result) == [("L2", "C1", "INV-2026-03190", 12345.67, "Matched")]
    assert "as RCT-1 on 2026-11-10: the narrative names its invoice INV-2026-03190" \
        in reason_of(result, "L2")
    assert list(result.unbanked["Payment ID"]) == ["RCT-2"]  # (its line is RCT-1's)
    assert "bank line" not in result.unbanked["Reason"].iloc[0]


def test_an_invoice_paid_in_two_receipts_pairs_the_receipt_of_the_lines_amount():
    # INV-2026-02340 is recorded twice (a part on Oct 31, the rest on Nov 7): "Inv#02340"
    # names it once (its tail is one invoice's, not two), the amount says which receipt.
    result = reconcile(
        [pay("RCT-A", "C4", "2026-10-31", 43410.00, "INV-2026-02340"),
         pay("RCT-B", "C4", "2026-11-07", 15249.75, "INV-2026-02340")],
        {"date": "2026-11-02", "amount": 43410.00, "desc": "INCOMING TRANSFER"},
        {"date": "2026-11-07", "amount": 15249.75,
         "desc": "ACH CREDIT AL SHAROOK PHARMA /REF/Inv#02340"},
        {"date": "2026-11-08", "amount": 15249.75, "desc": "ACH CREDIT"})
    rows = recorded_rows(result)
    assert ("L3", "C4", "INV-2026-02340", 15249.75, "Matched") in rows
    assert "as RCT-B on 2026-11-07: the narrative names its invoice" in reason_of(result, "L3")
    assert all(r[0] != "L4" for r in rows)  # one receipt, one line


def test_the_invoices_numeric_part_names_it_when_the_amount_agrees():
    result = reconcile(
        [pay("RCT-T1", "C5", "2026-11-24", 25893.39, "INV-2026-00726"),
         pay("RCT-T2", "C1", "2026-11-24", 25893.39, "INV-2026-03190")],
        {"date": "2026-11-25", "amount": 25893.39,
         "desc": "ACH CREDIT CO ALFAGR FOR CONTRACTING /REF/726",
         "cp": "CO ALFAGR FOR CONTRACTING"})
    assert recorded_rows(result) == [("L2", "C5", "INV-2026-00726", 25893.39, "Matched")]
    assert "the narrative writes its invoice's number INV-2026-00726 by its numeric part" \
        in reason_of(result, "L2")
    assert list(result.unbanked["Payment ID"]) == ["RCT-T2"]


def test_a_transliterated_name_does_not_stop_a_unique_amount():
    # The bank writes مؤسسة الفجر للمقاولات in Latin letters: no evidence, no contradiction.
    result = reconcile([pay("RCT-8", "C5", "2026-11-11", 49711.96, "INV-2026-03108")],
                       {"date": "2026-11-12", "amount": 49711.96,
                        "desc": "تحويل وارد MOASSASAT ALFAJR BAL PAYMENT",
                        "cp": "MOASSASAT ALFAJR LILMOQAWALAT"})
    assert recorded_rows(result) == [("L2", "C5", "INV-2026-03108", 49711.96, "Matched")]
    assert len(result.unbanked) == 0


def test_a_name_two_customers_bear_is_its_customers_payer_for_a_receipt_of_the_amount():
    result = reconcile(
        [pay("RCT-7", "C2", "2026-11-20", 12209.30, "INV-2026-02982")],
        {"date": "2026-11-21", "amount": 12209.30, "desc": "تحويل وارد DIAMOND TEXTILES",
         "ref": "مستحقات", "cp": "DIAMOND TEXTILES"},
        # another credit of the amount in the window: the amount alone would say nothing
        {"date": "2026-11-22", "amount": 12209.30, "desc": "TRANSFER"})
    assert recorded_rows(result) == [("L2", "C2", "INV-2026-02982", 12209.30, "Matched")]
    assert "the payer is its customer C2 by name (a name C3 bears too)" in reason_of(result, "L2")
    assert len(result.unbanked) == 0


def test_two_receipts_of_the_amount_from_both_customers_of_a_name_are_suggested():
    result = reconcile(
        [pay("RCT-C2", "C2", "2026-11-12", 5500.55, "INV-2026-02982"),
         pay("RCT-C3", "C3", "2026-11-12", 5500.55, "INV-2026-02990")],
        {"date": "2026-11-13", "amount": 5500.55, "cp": "DIAMOND TEXTILES"})
    assert recorded_rows(result) == [("L2", "C2", "INV-2026-02982", 5500.55, "Suggested")]
    assert "but recorded receipt RCT-C3 of 2026-11-12 fits as well: check which one the bank " \
           "holds" in reason_of(result, "L2")
    assert list(result.unbanked["Payment ID"]) == ["RCT-C3"]


def test_a_plain_remark_pairs_by_a_unique_particular_amount():
    result = reconcile(
        [pay("RCT-9", "C5", "2026-11-12", 7358.28, "INV-2026-03108")],
        {"date": "2026-11-13", "amount": 7358.28, "desc": "ACH CREDIT /REF/دفعة تحت الحساب"},
        {"date": "2026-11-25", "amount": 7358.28, "desc": "ACH CREDIT"})  # out of its window
    assert recorded_rows(result) == [("L2", "C5", "INV-2026-03108", 7358.28, "Matched")]
    m = result.matches
    assert m.loc[m["Bank Line"] == "L2", "Confidence"].tolist() == [0.9]
    assert reason_of(result, "L2") == (
        "recorded in Payments as RCT-9 on 2026-11-12: no other credit of this amount is in its "
        "clearing window, nor another recorded receipt of it; already in the books, not "
        "applied again")
    assert len(result.unbanked) == 0


def test_a_unique_round_amount_is_suggested_a_receipt_before_the_period_matched():
    # RCT-O, recorded on Oct 31, is credited on the statement's first day: in transit then.
    result = reconcile(
        [pay("RCT-R", "C5", "2026-11-01", 39400.00, "INV-2026-03108"),
         pay("RCT-O", "C1", "2026-10-31", 6431.20, "INV-2026-03190")],
        {"date": "2026-11-01", "amount": 39400.00, "desc": "INCOMING SWIFT SUPPLIER PAYMENT"},
        {"date": "2026-11-01", "amount": 6431.20, "desc": "INCOMING SWIFT DELTA FOODS"})
    assert recorded_rows(result) == [("L2", "C5", "INV-2026-03108", 39400.0, "Suggested"),
                                     ("L3", "C1", "INV-2026-03190", 6431.2, "Matched")]
    assert reason_of(result, "L2").endswith(
        "; but a round amount may be another receipt: check it is this one")
    assert "no other credit of this amount" in reason_of(result, "L3")
    assert "on-account" not in set(result.matches["Method"])  # not applied a second time
    assert list(result.unbanked["Payment ID"]) == []


def test_a_receipt_before_the_period_is_not_the_next_equal_instalment():
    # INV-2026-04002 is paid in two equal halves: the first recorded on Oct 29 (banked on
    # October's statement), the line of Nov 2 is the second, applied by the cascade.
    invoices = pd.concat([INVOICES, frame("Invoices", [
        {"Invoice No": "INV-2026-04002", "Customer ID": "C5", "Invoice Date": "2026-10-01",
         "Amount": 12862.40}])], ignore_index=True)
    pays = frame("Payments", [pay("RCT-H1", "C5", "2026-10-29", 6431.20, "INV-2026-04002")])
    stmt = lines(FIRST, {"date": "2026-11-02", "amount": 6431.20,
                         "desc": "INCOMING TRANSFER 2ND INSTALMENT"})
    items = open_items(CUSTOMERS, invoices, pays, stmt["Date"].max())
    result = match_statement(stmt, items, CUSTOMERS, Policy(), None, recorded=pays)
    assert recorded_rows(result) == []
    m = result.matches[result.matches["Bank Line"] == "L2"]
    assert m[["Invoice No", "Applied Amount"]].values.tolist() == [["INV-2026-04002", 6431.2]]


# ------------------------------------------------------------------ hard negatives

@pytest.mark.parametrize("line", [
    {"acc": "9876543210987", "desc": "INWARD TRANSFER"},  # C4's account
    {"cp": "Cairo Steel Company"},  # C4's name, certain
    {"cp": "MOHAMED AHMED HASSAN"},  # a person's name nothing like the customer's
    {"desc": "INWARD TRANSFER INV-2026-04001"},  # another open invoice of the amount
    {"desc": "LOAN DRAWDOWN"},  # no customer's money
])
def test_same_amount_with_someone_else_on_the_line_pairs_nothing(line):
    result = reconcile([pay("RCT-5", "C1", "2026-11-12", 7358.28, "INV-2026-03190")],
                       {"date": "2026-11-13", "amount": 7358.28, **line})
    assert recorded_rows(result) == []
    assert list(result.unbanked["Payment ID"]) == ["RCT-5"]
    assert "bank line L2 has the same amount but nothing says it is this receipt" \
        in result.unbanked["Reason"].iloc[0]


def test_same_amount_two_receipts_or_two_lines_pair_nothing():
    two_receipts = reconcile(
        [pay("RCT-1", "C1", "2026-11-12", 7358.28, "INV-2026-03190"),
         pay("RCT-2", "C5", "2026-11-13", 7358.28, "INV-2026-03108")],
        {"date": "2026-11-13", "amount": 7358.28, "desc": "INWARD TRANSFER"})
    assert recorded_rows(two_receipts) == []
    assert list(two_receipts.unbanked["Payment ID"]) == ["RCT-1", "RCT-2"]
    assert all("bank line L2 has the same amount" in r for r in two_receipts.unbanked["Reason"])
    two_lines = reconcile(
        [pay("RCT-1", "C1", "2026-11-12", 7358.28, "INV-2026-03190")],
        {"date": "2026-11-12", "amount": 7358.28, "desc": "INWARD TRANSFER"},
        {"date": "2026-11-14", "amount": 7358.28, "desc": "INWARD TRANSFER"})
    assert recorded_rows(two_lines) == []
    assert "bank line L2, L3 has the same amount" in two_lines.unbanked["Reason"].iloc[0]


def test_a_line_paired_by_evidence_leaves_the_other_of_the_amount_unique():
    # RCT-1's line names its invoice; the second receipt of the amount then has one line left.
    result = reconcile(
        [pay("RCT-1", "C1", "2026-11-10", 12345.67, "INV-2026-03190"),
         pay("RCT-2", "C4", "2026-11-10", 12345.67, "INV-2026-02340")],
        {"date": "2026-11-11", "amount": 12345.67, "desc": "TRF INV 3190"},
        {"date": "2026-11-12", "amount": 12345.67, "desc": "INWARD TRANSFER"})
    assert recorded_rows(result) == [("L2", "C1", "INV-2026-03190", 12345.67, "Matched"),
                                     ("L3", "C4", "INV-2026-02340", 12345.67, "Matched")]
    assert "no other credit of this amount" in reason_of(result, "L3")
    assert len(result.unbanked) == 0


# ------------------------------------------------------------------ one to one, always

@settings(max_examples=150, deadline=None)
@given(st.data())
def test_pairs_are_one_to_one_of_the_same_amount_within_the_window(data):
    n_lines = data.draw(st.integers(0, 8))
    n_receipts = data.draw(st.integers(0, 8))
    amounts = st.sampled_from([100, 250, 999])
    credits = [(pos, data.draw(amounts), data.draw(st.integers(0, 20)), 1)
               for pos in range(n_lines)]
    receipts = [Receipt(k, f"P{k}", data.draw(st.sampled_from(["C1", "C2"])), None,
                        data.draw(st.integers(0, 20)), pd.Timestamp("2026-11-01"),
                        data.draw(amounts) / 100) for k in range(n_receipts)]
    payers = {pos: data.draw(st.sampled_from([None, frozenset({"C1"}), frozenset({"C1", "C2"})]))
              for pos in range(n_lines)}
    strangers = data.draw(st.sets(st.integers(0, max(n_lines - 1, 0))))
    pairs = pair_receipts(credits, receipts, lambda r, g: round(r.amount * 100), lambda pos: "",
                          lambda pos: None if payers[pos] is None else (payers[pos], "name"),
                          5, someone_else=lambda pos, r: pos in strangers,
                          round_amount=lambda amount, grain: False)
    assert len({p.line for p in pairs}) == len(pairs)
    assert len({p.receipt.index for p in pairs}) == len(pairs)
    paired = {p.receipt.index for p in pairs}
    for p in pairs:
        _pos, amount, day, _g = credits[p.line]
        assert amount == round(p.receipt.amount * 100)
        assert -ADVICE_DAYS <= day - p.receipt.day <= CLEARING_DAYS
        if p.rank == BY_AMOUNT:  # the amount alone: nothing else fits either of them
            assert p.line not in strangers
            fits = [r for r in receipts if round(r.amount * 100) == amount
                    and -ADVICE_DAYS <= day - r.day <= CLEARING_DAYS]
            assert [r for r in fits if r is p.receipt or r.index not in paired] == [p.receipt]
        else:
            assert p.rank == BY_PAYER and p.receipt.day >= 5 and p.receipt.customer in payers[p.line]


# ------------------------------------------------------------------ a generated month

@pytest.mark.parametrize("seed", [3, 9, 10])
def test_every_receipt_the_bank_credits_pairs_with_its_line_and_no_other_line_pairs(seed):
    """A steady book closed on Nov 30 and its EGP statement (``make_bank_month(recorded=True)``
    knows which line is which recorded receipt): each pairs with its own line, customer and
    invoice, and no line that is not a recorded receipt pairs (seeds 9 and 10 wrote the
    invoice as ``/REF/726`` and the payer's name only transliterated)."""
    from ar_excel.demo.bank_month import make_bank_month
    from ar_excel.demo.ledger import make_ledger

    f = make_ledger(90, 1000, 930, seed=seed, as_of=pd.Timestamp("2026-11-30"),
                    receipts="steady")
    c, i, p = f["Customers"], f["Invoices"], f["Payments"]
    stmt, truth = make_bank_month(c, i, p, "2026-11-01", 160, 11, currency="EGP",
                                  recorded=True)
    items = open_items(c, i, p, stmt["Date"].max())
    result = match_statement(stmt, items, c, Policy(), None, recorded=p)
    m = result.matches[result.matches["Method"] == "recorded"]
    got = {(b, cid, inv) for b, cid, inv in m[["Bank Line", "Customer ID", "Invoice No"]]
           .itertuples(index=False, name=None)}
    want = {(b, cid, inv) for b, cid, inv in truth.loc[truth["Kind"] == "recorded",
                                                        ["Bank Line", "Customer ID",
                                                         "Invoice No"]]
            .itertuples(index=False, name=None)}
    assert len(want) >= 30
    assert got == want
    assert m["Status"].eq("Matched").sum() >= len(want) - 2
    # Every clause of their reasons reads in Arabic in an Arabic workbook.
    reasons = list(m["Reason"]) + list(result.unbanked["Reason"])
    assert not {c for r in reasons for c in r.split("; ") if arabic_clause(c) == c}


@pytest.mark.parametrize(("english", "arabic"), [
    ("recorded in Payments as RCT-9 on 2026-11-12: no other credit of this amount is in its "
     "clearing window, nor another recorded receipt of it; already in the books, not applied "
     "again; but a round amount may be another receipt: check it is this one",
     "مسجل في التحصيلات برقم RCT-9 بتاريخ 2026-11-12: لا إيداع آخر بهذا المبلغ في مهلة تحصيله، "
     "ولا تحصيل مسجل آخر به؛ مسجل بالدفاتر بالفعل، لا يُطبق مرة أخرى؛ لكن المبلغ المقرّب قد "
     "يكون تحصيلاً آخر: تحقق أنه هذا التحصيل"),
    ("recorded in Payments as RCT-O on 2026-10-31: the narrative writes its invoice's number "
     "INV-2026-00726 by its numeric part; already in the books, not applied again",
     "مسجل في التحصيلات برقم RCT-O بتاريخ 2026-10-31: البيان يذكر رقم فاتورته INV-2026-00726 "
     "بجزئه الرقمي؛ مسجل بالدفاتر بالفعل، لا يُطبق مرة أخرى"),
    ("recorded in Payments as RCT-7 on 2026-11-20: the payer is its customer C2 by name (a name "
     "C3 bears too); already in the books, not applied again",
     "مسجل في التحصيلات برقم RCT-7 بتاريخ 2026-11-20: الدافع هو عميله C2 من الاسم (اسم يحمله "
     "C3 أيضاً)؛ مسجل بالدفاتر بالفعل، لا يُطبق مرة أخرى"),
])
def test_the_new_reasons_read_in_arabic(english, arabic):
    assert arabic_reason(english) == arabic


# ------------------------------------------------------------------ the committed demo

REPO = Path(__file__).resolve().parents[1]
DEMO, DEMO_BANK = REPO / "workbooks" / "demo_ar.xlsx", REPO / "workbooks" / "demo_bank.csv"


@pytest.mark.skipif(not DEMO_BANK.exists(), reason="workbooks/demo_bank.csv not built")
def test_the_demo_pairs_every_recorded_receipt_the_bank_credited(demo_output):
    """November's statement credits 157 receipts the books recorded (README): all pair, one
    only suggested (a round amount); the three receipts of Nov 28-29 not
    yet credited are the Unbanked Receipts, deposits in transit."""
    out = demo_output("reconcile", str(DEMO), "--bank", str(DEMO_BANK))
    m = read_tab(out, "Bank Matches", "Bank Line")
    paired = m[m["Method"] == "recorded"]
    assert paired["Bank Line"].nunique() == len(paired) == 157
    assert paired["Status"].value_counts().to_dict() == {"Matched": 156, "Suggested": 1}
    u = read_tab(out, "Unbanked Receipts", "Payment ID")
    assert u["Payment ID"].tolist() == ["RCT-2026-03621", "RCT-2026-03625", "RCT-2026-03626"]
    assert u["Reason"].str.contains("a deposit in transit").all()
