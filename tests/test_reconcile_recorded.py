"""Book-to-bank: bank credits for receipts already recorded in Payments (``recorded``).

A receipt posted in Payments before the bank reconciliation runs is paired with its bank line
(Method ``recorded``) and not applied again; the period's recorded receipts no line pairs with
are listed (``Unbanked Receipts``) and totalled in ``Reconciliation``.
"""

from __future__ import annotations

import pandas as pd
import python_calamine as pc

from ar_excel.cli import main
from ar_excel.core.ledger import open_items
from ar_excel.core.matching import match_statement
from ar_excel.core.matching.recorded import written_pattern
from ar_excel.policy import Policy
from tests.test_matching_rules import CUSTOMERS, frame, lines
from tests.test_reconcile_job import read_tab, write_book

STATEMENT_END = pd.Timestamp("2026-11-30")

INVOICES = frame("Invoices", [
    {"Invoice No": "INV-1", "Customer ID": "C4", "Invoice Date": "2026-10-01", "Amount": 10000.00},
    {"Invoice No": "INV-2026-00204", "Customer ID": "C2", "Invoice Date": "2026-09-05",
     "Amount": 8000.00},
    {"Invoice No": "INV-2026-00205", "Customer ID": "C2", "Invoice Date": "2026-10-05",
     "Amount": 12500.00},
    {"Invoice No": "INV-2026-00301", "Customer ID": "C3", "Invoice Date": "2026-09-10",
     "Amount": 4321.00},
])


def reconcile(payments: list[dict], *rows: dict):
    pays = frame("Payments", payments)
    stmt = lines(*rows)
    as_of = stmt["Date"].max()
    items = open_items(CUSTOMERS, INVOICES, pays, as_of)
    return match_statement(stmt, items, CUSTOMERS, Policy(), None, recorded=pays)


def rows_of(result, line: str) -> list[tuple]:
    m = result.matches[result.matches["Bank Line"] == line]
    return [(i if isinstance(i, str) else None, c, round(a, 2), meth, st)
            for i, c, a, meth, st in m[["Invoice No", "Customer ID", "Applied Amount", "Method",
                                        "Status"]].itertuples(index=False, name=None)]


def summary(result) -> dict[str, tuple]:
    return {i: (a, n) for i, a, n in result.summary[["Item", "Amount", "Lines"]].itertuples(
        index=False, name=None)}


def test_banked_receipt_of_a_fully_paid_invoice_is_recorded_not_a_duplicate():
    result = reconcile(
        [{"Payment ID": "RC-501", "Customer ID": "C2", "Date": "2026-11-04", "Amount": 8000.00,
          "Invoice No": "INV-2026-00204"}],
        {"date": "2026-11-05", "amount": 8000.00, "desc": "TRF INV-2026-00204"})
    assert rows_of(result, "L1") == [("INV-2026-00204", "C2", 8000.0, "recorded", "Matched")]
    reason = result.matches["Reason"].iloc[0]
    assert "RC-501" in reason and "2026-11-04" in reason and "invoice INV-2026-00204" in reason
    assert not (result.unmatched["Amount"] > 0).any()
    assert "duplicate" not in " ".join(result.unmatched["Reason"])
    assert len(result.unbanked) == 0
    s = summary(result)
    assert s["Recorded in the books and in the bank"] == (8000.0, 1)
    assert s["Recorded in the books, not in the bank"] == (0.0, 0)
    assert s["Method: recorded"] == (8000.0, 1)
    assert s["Matched (applied)"] == (8000.0, 1)


def test_recorded_part_payment_is_not_applied_again():
    # Invoice 10,000; Payments has 4,000 on Nov 5; the bank credits 4,000 "INV-1" on Nov 5.
    result = reconcile(
        [{"Payment ID": "P-77", "Customer ID": "C4", "Date": "2026-11-05", "Amount": 4000.00,
          "Invoice No": "INV-1"}],
        {"date": "2026-11-05", "amount": 4000.00, "desc": "PAYMENT INV-1"})
    assert rows_of(result, "L1") == [("INV-1", "C4", 4000.0, "recorded", "Matched")]
    assert result.matches["Applied Amount"].sum() == 4000.0
    assert "partial" not in set(result.matches["Method"])
    assert summary(result)["Unmatched credits"] == (0.0, 0)


def test_payer_by_account_is_evidence_on_account_receipt_keeps_a_blank_invoice():
    result = reconcile(
        [{"Payment ID": "P-9", "Customer ID": "C2", "Date": "2026-11-10", "Amount": 1500.00}],
        {"date": "2026-11-12", "amount": 1500.00, "desc": "INWARD TRANSFER",
         "acc": "1234567890123"},
        {"date": "2026-11-01", "amount": 12.50, "desc": "CREDIT INTEREST"})
    assert rows_of(result, "L1") == [(None, "C2", 1500.0, "recorded", "Matched")]
    assert "payer is its customer C2 by account" in result.matches["Reason"].iloc[0]


def test_recorded_receipt_not_in_the_bank_is_listed_with_totals():
    result = reconcile(
        [{"Payment ID": "P-1", "Customer ID": "C2", "Date": "2026-11-03", "Amount": 8000.00,
          "Invoice No": "INV-2026-00204"},
         {"Payment ID": "P-2", "Customer ID": "C3", "Date": "2026-11-27", "Amount": 4321.00,
          "Invoice No": "INV-2026-00301"},
         {"Payment ID": "P-3", "Customer ID": "C2", "Date": "2026-11-06", "Amount": 700.00},
         # outside the period: neither paired nor listed
         {"Payment ID": "P-0", "Customer ID": "C2", "Date": "2026-09-01", "Amount": 999.00}],
        {"date": "2026-11-04", "amount": 8000.00, "desc": "INV-2026-00204"},
        {"date": "2026-11-30", "amount": 50.00, "desc": "CREDIT INTEREST"})
    assert rows_of(result, "L1") == [("INV-2026-00204", "C2", 8000.0, "recorded", "Matched")]
    u = result.unbanked
    assert list(u.columns) == ["Payment ID", "Date", "Customer ID", "Customer", "Invoice No",
                               "Amount", "Reason"]
    assert list(u["Payment ID"]) == ["P-3", "P-2"]  # date order
    assert list(u["Amount"]) == [700.0, 4321.0]
    assert list(u["Customer"]) == ["Delta Foods S.A.E.", "مؤسسة الفجر للمقاولات"]
    assert u["Invoice No"].tolist()[1] == "INV-2026-00301"
    assert "deposit in transit" in u["Reason"].iloc[1]  # three days before the statement's end
    assert "check the posting" in u["Reason"].iloc[0]
    s = summary(result)
    assert s["Recorded in the books, not in the bank"] == (5021.0, 2)
    assert s["Recorded in the books and in the bank"] == (8000.0, 1)
    # the credits still tie out
    assert s["Check: matched + suggested + unmatched - credits"][0] == 0.0


def test_two_same_amount_recorded_receipts_one_bank_line_is_suggested_deterministically():
    pays = [{"Payment ID": "P-B", "Customer ID": "C2", "Date": "2026-11-08", "Amount": 2500.00},
            {"Payment ID": "P-A", "Customer ID": "C2", "Date": "2026-11-09", "Amount": 2500.00}]
    line = {"date": "2026-11-09", "amount": 2500.00, "desc": "TRANSFER", "acc": "1234567890123"}
    opening = {"id": "L0", "date": "2026-11-01", "amount": 12.50, "desc": "CREDIT INTEREST"}
    result = reconcile(pays, line, opening)
    # nearest date first: P-A (same day); P-B fits as well and stays unbanked
    assert rows_of(result, "L1") == [(None, "C2", 2500.0, "recorded", "Suggested")]
    reason = result.matches["Reason"].iloc[0]
    assert "P-A" in reason and "P-B of 2026-11-08 fits as well" in reason
    assert list(result.unbanked["Payment ID"]) == ["P-B"]
    again = reconcile(list(reversed(pays)), line, opening)
    assert rows_of(again, "L1") == rows_of(result, "L1")
    assert again.matches["Reason"].tolist() == result.matches["Reason"].tolist()


def test_two_same_amount_receipts_two_bank_lines_pair_one_to_one_nearest_date():
    result = reconcile(
        [{"Payment ID": "P-1", "Customer ID": "C2", "Date": "2026-11-02", "Amount": 2500.00},
         {"Payment ID": "P-2", "Customer ID": "C2", "Date": "2026-11-06", "Amount": 2500.00}],
        {"date": "2026-11-07", "amount": 2500.00, "acc": "1234567890123"},
        {"date": "2026-11-03", "amount": 2500.00, "acc": "1234567890123"},
        {"date": "2026-11-01", "amount": 12.50, "desc": "CREDIT INTEREST"})
    reasons = dict(zip(result.matches["Bank Line"], result.matches["Reason"], strict=True))
    assert set(result.matches["Status"]) == {"Matched"}
    assert set(result.matches["Method"]) == {"recorded"}
    assert "P-2 on 2026-11-06" in reasons["L1"] and "P-1 on 2026-11-02" in reasons["L2"]
    assert len(result.unbanked) == 0


def test_payment_id_beats_payer_and_amount_alone_is_no_evidence():
    result = reconcile(
        [{"Payment ID": "RCV-2026-118", "Customer ID": "C3", "Date": "2026-11-10",
          "Amount": 4321.00}],
        {"date": "2026-11-11", "amount": 4321.00, "desc": "DEPOSIT REF RCV 2026/118"},
        {"date": "2026-11-12", "amount": 4321.00, "desc": "CASH DEPOSIT"})
    assert rows_of(result, "L1") == [(None, "C3", 4321.0, "recorded", "Matched")]
    assert "Payment ID RCV-2026-118" in result.matches["Reason"].iloc[0]
    # the second line has only the amount: it goes through the cascade, not paired
    assert "recorded" not in set(result.matches.loc[result.matches["Bank Line"] == "L2",
                                                    "Method"])


def test_outside_the_clearing_window_the_receipt_does_not_pair():
    result = reconcile(
        [{"Payment ID": "P-1", "Customer ID": "C2", "Date": "2026-11-01", "Amount": 8000.00,
          "Invoice No": "INV-2026-00204"}],
        {"date": "2026-11-20", "amount": 8000.00, "desc": "INV-2026-00204"},
        {"date": "2026-11-01", "amount": 12.50, "desc": "CREDIT INTEREST"})
    assert "recorded" not in set(result.matches["Method"])
    assert list(result.unbanked["Payment ID"]) == ["P-1"]
    # nineteen days later it is another receipt: left for a person, not applied
    assert result.unmatched[["Bank Line", "Unallocated Amount"]].values.tolist()[0] == [
        "L1", 8000.0]


def test_an_id_is_found_in_any_formatting_but_not_inside_a_longer_number():
    p = written_pattern("INV-1")
    assert p.search("PAYMENT INV 1 THANKS") and p.search("INV1") and p.search("SETTLE INV-1.")
    assert not p.search("INV-10") and not p.search("XINV1")
    assert written_pattern("P1") is None  # too short to tell from ordinary text
    assert written_pattern("ABCD") is None  # no digit


def test_without_receipts_in_the_period_nothing_changes():
    pays = [{"Payment ID": "P-0", "Customer ID": "C2", "Date": "2026-08-01", "Amount": 8000.00,
             "Invoice No": "INV-2026-00204"}]
    row = {"date": "2026-11-05", "amount": 12500.00, "desc": "INV-2026-00205"}
    with_pay = reconcile(pays, row)
    stmt = lines(row)
    items = open_items(CUSTOMERS, INVOICES, frame("Payments", pays), stmt["Date"].max())
    without = match_statement(stmt, items, CUSTOMERS, Policy(), None)
    assert with_pay.unbanked is None
    pd.testing.assert_frame_equal(with_pay.matches, without.matches)
    pd.testing.assert_frame_equal(with_pay.summary, without.summary)


def test_reconcile_command_writes_recorded_rows_and_the_unbanked_tab(tmp_path):
    customers = CUSTOMERS.drop(columns="_row")
    book = write_book(tmp_path / "book.xlsx", {
        "Customers": customers,
        "Invoices": INVOICES.drop(columns="_row"),
        "Payments": frame("Payments", [
            {"Payment ID": "P-77", "Customer ID": "C4", "Date": "2026-11-05", "Amount": 4000.00,
             "Invoice No": "INV-1"},
            {"Payment ID": "P-78", "Customer ID": "C3", "Date": "2026-11-28", "Amount": 4321.00,
             "Invoice No": "INV-2026-00301"}]).drop(columns="_row"),
        "Bank Statement": pd.DataFrame({
            "Date": pd.to_datetime(["2026-11-05", "2026-11-30"]),
            "Amount": [4000.00, 12500.00],
            "Description": ["PAYMENT INV-1", "TRF INV-2026-00205"]}),
    })
    out = tmp_path / "out.xlsx"
    assert main(["reconcile", str(book), "-o", str(out)]) == 0
    m = read_tab(out, "Bank Matches", "Bank Line")
    got = m[["Invoice No", "Customer ID", "Applied Amount", "Method", "Status"]].values.tolist()
    assert got == [["INV-1", "C4", 4000.0, "recorded", "Matched"],
                   ["INV-2026-00205", "C2", 12500.0, "reference", "Matched"]]
    assert m["Reason"].iloc[0].startswith("recorded in Payments as P-77 on 2026-11-05")
    r = read_tab(out, "Reconciliation", "Item").set_index("Item")
    assert r.loc["Recorded in the books, not in the bank", "Amount"] == 4321.0
    assert r.loc["Recorded in the books, not in the bank", "Lines"] == 1
    assert r.loc["Recorded in the books and in the bank", "Amount"] == 4000.0
    assert r.loc["Matched (applied)", "Amount"] == 16500.0
    u = read_tab(out, "Unbanked Receipts", "Payment ID")
    assert u[["Payment ID", "Customer ID", "Invoice No", "Amount"]].values.tolist() == [
        ["P-78", "C3", "INV-2026-00301", 4321.0]]
    assert "Unbanked Receipts" in pc.CalamineWorkbook.from_path(str(out)).sheet_names


def test_a_receipt_from_before_the_period_needs_its_id_or_invoice_not_only_its_payer():
    # Perhaps banked on last month's statement: the customer paying the same amount again
    # this month would be a new receipt. The payer is no evidence for it; the amount alone
    # (unique in the window, but round) only suggests the pairing, saying what to check.
    pays = [{"Payment ID": "P-OCT", "Customer ID": "C2", "Date": "2026-10-30", "Amount": 8000.00,
             "Invoice No": "INV-2026-00204"}]
    same_payer = reconcile(pays, {"date": "2026-11-02", "amount": 12500.00 - 4500.00,
                                  "acc": "1234567890123", "desc": "TRANSFER"})
    assert rows_of(same_payer, "L1") == [("INV-2026-00204", "C2", 8000.0, "recorded",
                                          "Suggested")]
    reason = same_payer.matches["Reason"].iloc[0]
    assert "payer" not in reason and "a round amount may be another receipt" in reason
    named = reconcile(pays, {"date": "2026-11-02", "amount": 8000.00,
                             "desc": "TRF INV-2026-00204"})
    assert rows_of(named, "L1") == [("INV-2026-00204", "C2", 8000.0, "recorded", "Matched")]
    assert len(named.unbanked) == 0  # (P-OCT is not of the period: never listed)


def test_payer_by_name_is_evidence_a_vague_name_is_not():
    pays = [{"Payment ID": "P-5", "Customer ID": "C1", "Date": "2026-11-10", "Amount": 3000.00}]
    start = {"date": "2026-11-01", "amount": 12.50, "desc": "CREDIT INTEREST"}
    by_name = reconcile(pays, {"date": "2026-11-11", "amount": 3000.00,
                               "cp": "شركة النور للتجارة"}, start)
    assert rows_of(by_name, "L1") == [(None, "C1", 3000.0, "recorded", "Matched")]
    assert "payer is its customer C1 by name" in by_name.matches["Reason"].iloc[0]
    # A vague name is no payer; two credits of the amount in the window: nothing says which.
    vague_line = {"date": "2026-11-11", "amount": 3000.00, "cp": "TRADING CO"}
    vague = reconcile(pays, vague_line, start,
                      {"date": "2026-11-13", "amount": 3000.00, "desc": "TRANSFER"})
    assert "recorded" not in set(vague.matches["Method"])
    assert list(vague.unbanked["Payment ID"]) == ["P-5"]
    assert "bank line L1, L3 has the same amount" in vague.unbanked["Reason"].iloc[0]
    # The one credit of the amount: the amount alone suggests it (round: not Matched).
    alone = reconcile(pays, vague_line, start)
    assert rows_of(alone, "L1") == [(None, "C1", 3000.0, "recorded", "Suggested")]
    assert "payer" not in alone.matches["Reason"].iloc[0]
    assert "a round amount may be another receipt" in alone.matches["Reason"].iloc[0]


def test_a_receipt_recorded_over_two_invoice_rows_is_one_bank_credit():
    # One transfer of 20,500 posted as the ERP's allocation lines: same Payment ID and date.
    result = reconcile(
        [{"Payment ID": "RC-610", "Customer ID": "C2", "Date": "2026-11-07", "Amount": 8000.00,
          "Invoice No": "INV-2026-00204"},
         {"Payment ID": "RC-610", "Customer ID": "C2", "Date": "2026-11-07", "Amount": 12500.00,
          "Invoice No": "INV-2026-00205"}],
        {"date": "2026-11-07", "amount": 20500.00, "desc": "INWARD TRANSFER",
         "acc": "1234567890123"})
    assert rows_of(result, "L1") == [("INV-2026-00204, INV-2026-00205", "C2", 20500.0,
                                      "recorded", "Matched")]
    assert len(result.unbanked) == 0


def reconcile_with_references(payments: list[dict], stmt: pd.DataFrame):
    pays = frame("Payments", payments).assign(Reference=[p.get("Reference") for p in payments])
    items = open_items(CUSTOMERS, INVOICES, pays, stmt["Date"].max())
    return match_statement(stmt, items, CUSTOMERS, Policy(), None, recorded=pays)


def test_a_receipt_recorded_under_the_banks_reference_pairs_by_it():
    # The narrative names nothing; the receipt's Reference is the bank's transaction id.
    pays = [{"Payment ID": "RCT-88", "Customer ID": "C3", "Date": "2026-11-09",
             "Amount": 4321.00, "Invoice No": "INV-2026-00301", "Reference": "FT26313ABC12"}]
    stmt = lines({"date": "2026-11-09", "amount": 4321.00, "desc": "INWARD TRANSFER"})
    stmt["Bank Ref"] = ["FT26313ABC12"]
    result = reconcile_with_references(pays, stmt)
    assert rows_of(result, "L1") == [("INV-2026-00301", "C3", 4321.0, "recorded", "Matched")]
    assert "bank's own reference FT26313ABC12" in result.matches["Reason"].iloc[0]


def test_a_cheque_number_kept_as_the_receipts_reference_pairs_by_the_narrative():
    pays = [{"Payment ID": "RCT-89", "Customer ID": "C4", "Date": "2026-11-02",
             "Amount": 10000.00, "Invoice No": "INV-1", "Reference": "CHQ 648914"}]
    stmt = lines({"date": "2026-11-04", "amount": 10000.00, "desc": "CLEARING CHQ NO 648914"})
    result = reconcile_with_references(pays, stmt)
    assert rows_of(result, "L1") == [("INV-1", "C4", 10000.0, "recorded", "Matched")]
    assert "its reference CHQ 648914 is in the narrative" in result.matches["Reason"].iloc[0]
