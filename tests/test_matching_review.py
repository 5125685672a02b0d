"""A person's answers to the Suggested allocations (Status cell: Matched / Rejected) carried
into the next run of the same statement."""

from __future__ import annotations

from datetime import datetime

import openpyxl
import pandas as pd

from ar_excel.cli import main
from ar_excel.core.matching.review import Review, apply_reviews, reviews_from
from ar_excel.demo.bank_month import make_bank_month, write_statement_csv
from ar_excel.demo.ledger import AS_OF, make_ledger
from tests.test_reconcile_job import read_tab, write_book


def previous(*rows: tuple) -> pd.DataFrame:
    return pd.DataFrame(rows, columns=["Bank Line", "Invoice No", "Applied Amount", "Status",
                                       "Confidence"])


def ids(*lines: str) -> pd.DataFrame:
    return pd.DataFrame({"Bank Line": list(lines)})


def test_a_line_numbered_alike_in_last_months_tab_is_not_this_months_line():
    """Statements numbered 1, 2, 3 every month: a review counts only for the line of the same
    number, date and amount."""
    lines = pd.DataFrame({"Bank Line": ["1", "2"], "Date": pd.to_datetime(["2026-11-03",
                                                                            "2026-11-04"]),
                          "Amount": [500.0, 300.0]})
    prev = previous(("1", "INV-1", 500.0, "Rejected", 0.5), ("2", "INV-2", 300.0, "Approved", 0.6))
    prev["Date"] = [datetime(2026, 10, 3), datetime(2026, 11, 4)]  # line 1: October's
    prev["Bank Amount"] = [500.0, 300.0]
    assert reviews_from(prev, lines) == {"2": Review(True, frozenset({("INV-2", 300.0)}))}
    unmatched = pd.DataFrame({"Bank Line": ["1"], "Date": [datetime(2026, 10, 3)],
                              "Amount": [500.0],
                              "Reason": ["the suggestion (INV-1) was rejected on review"]})
    assert reviews_from(None, lines, unmatched) == {}
    unmatched["Date"] = [datetime(2026, 11, 3)]
    assert reviews_from(None, lines, unmatched) == {"1": Review(False, frozenset({("INV-1",
                                                                                 None)}))}


def test_answers_are_read_per_line_of_this_statement_only():
    prev = previous(("L1", "INV-1", 100.0, "Matched", 0.5), ("L2", "INV-2", 60.0, "approved", 0.7),
                    ("L2", None, 40.0, "Approved", 0.7), ("L3", "INV-3", 75.5, "مرفوض", 0.5),
                    ("L4", "INV-4", 10.0, "Suggested", 0.5), ("L5", "INV-5", 5.0, "Matched", 0.6),
                    ("L5", "INV-6", 5.0, "Rejected", 0.6), ("OLD-9", "INV-9", 1.0, "Matched", 0.5),
                    ("L6", "INV-7", 80.0, "Matched", 0.99))
    got = reviews_from(prev, ids("L1", "L2", "L3", "L4", "L5", "L6"))
    assert got == {
        "L1": Review(True, frozenset({("INV-1", 100.0)})),
        "L2": Review(True, frozenset({("INV-2", 60.0), (None, 40.0)})),
        "L3": Review(False, frozenset({("INV-3", 75.5)})),
    }  # L4 unanswered, L5 answered both ways, OLD-9 another statement's line, L6 Matched by
    #    the run itself (confidence 0.99): no answer


def test_re_running_into_an_earlier_output_of_other_books_promotes_nothing(tmp_path):
    """The run's own Matched rows are no review: an output written from other books (same
    line numbers, other allocations) leaves this run's suggestions as they are."""
    prev = previous(("1", "INV-1", 100.0, "Matched", 0.99), ("2", "INV-2", 60.0, "Matched", 0.9),
                    ("3", "INV-3", 75.5, "Suggested", 0.5))
    matches, unmatched, lines = frames()
    matches["Bank Line"] = ["1", "2", "3", "4"]
    got = reviews_from(prev, ids("1", "2", "3", "4"))
    assert got == {}
    m, _ = apply_reviews(matches, unmatched, lines, got)
    assert m["Status"].tolist() == matches["Status"].tolist()
    assert not m["Reason"].str.contains("review").any()


def test_a_rejection_kept_in_unmatched_bank_is_read_back():
    unmatched = pd.DataFrame({"Bank Line": ["L7", "L8"], "Reason": [
        "the suggestion (INV-7, on account) was rejected on review; payer not identified",
        "no invoice reference and payer not identified"]})
    got = reviews_from(None, ids("L7", "L8"), unmatched)
    assert got == {"L7": Review(False, frozenset({("INV-7", None), (None, None)}))}
    assert got["L7"].fits(frozenset({("INV-7", 120.0), (None, 30.0)}))
    assert not got["L7"].fits(frozenset({("INV-8", 150.0)}))


def frames():
    matches = pd.DataFrame({
        "Bank Line": ["A", "B", "C", "D"], "Date": pd.to_datetime(["2026-11-02"] * 4),
        "Bank Amount": [500.0, 300.0, 200.0, 900.0], "Invoice No": ["I1", "I2", "I3", "I4"],
        "Customer ID": ["C1", "C2", "C3", "C4"], "Applied Amount": [500.0, 300.0, 200.0, 900.0],
        "Method": ["amount-only", "amount+payer", "amount-only", "reference"],
        "Confidence": [0.5, 0.7, 0.5, 1.0],
        "Status": ["Suggested", "Suggested", "Suggested", "Matched"],
        "Reason": ["only invoice of this amount"] * 4})
    lines = pd.DataFrame({"Bank Line": ["A", "B", "C", "D", "E"],
                          "Date": pd.to_datetime(["2026-11-02"] * 5),
                          "Amount": [500.0, 300.0, 200.0, 900.0, -50.0],
                          "Description": ["x", "y", "z", "w", "fee"]})
    unmatched = pd.DataFrame({"Bank Line": ["E"], "Date": pd.to_datetime(["2026-11-02"]),
                              "Amount": [-50.0], "Description": ["fee"],
                              "Unallocated Amount": [None], "Reason": ["debit"],
                              "Candidates": [""]})
    return matches, unmatched, lines


def test_approved_becomes_matched_rejected_goes_unmatched_changed_is_asked_again():
    matches, unmatched, lines = frames()
    reviews = {"A": Review(True, frozenset({("I1", 500.0)})),
               "B": Review(True, frozenset({("I9", 300.0)})),  # proposal changed since
               "C": Review(False, frozenset({("I3", 200.0)})),
               "D": Review(False, frozenset({("I4", 900.0)}))}  # Matched now: stays
    m, u = apply_reviews(matches, unmatched, lines, reviews)
    assert m[["Bank Line", "Status"]].values.tolist() == [
        ["A", "Matched"], ["B", "Suggested"], ["D", "Matched"]]
    assert m["Reason"].tolist()[:2] == [
        "approved on review; only invoice of this amount",
        "the proposal changed since it was reviewed: review again; only invoice of this amount"]
    assert u[["Bank Line", "Unallocated Amount", "Reason"]].values.tolist() == [
        ["C", 200.0, "the suggestion (I3) was rejected on review"],
        ["E", None, "debit"]]
    # money is conserved: what left Bank Matches is unallocated now
    assert m["Applied Amount"].sum() + 200.0 == matches["Applied Amount"].sum()


def test_a_reviewed_month_end_re_run_applies_the_answers(tmp_path):
    led = make_ledger(120, 1500, 1100, seed=3)
    start = pd.Timestamp(AS_OF) + pd.Timedelta(days=1)
    lines, _ = make_bank_month(led["Customers"], led["Invoices"], led["Payments"], start, 160,
                               seed=3, currency="EGP")
    csv = write_statement_csv(lines, tmp_path / "statement.csv")
    book = write_book(tmp_path / "book.xlsx",
                      {k: led[k] for k in ("Customers", "Invoices", "Payments")})
    out = tmp_path / "out.xlsx"
    assert main(["reconcile", str(book), "--bank", str(csv), "-o", str(out)]) == 0
    first = read_tab(out, "Bank Matches", "Bank Line")
    suggested = list(dict.fromkeys(first.loc[first["Status"] == "Suggested", "Bank Line"]))
    assert len(suggested) >= 2
    approve, reject = suggested[0], suggested[1]
    # the reviewer types the answers into the Status cells of the output workbook
    wb = openpyxl.load_workbook(out)
    ws = wb["Bank Matches"]
    header = next(r for r in ws.iter_rows() if r[0].value == "Bank Line")
    status_col = [c.value for c in header].index("Status")
    for row in ws.iter_rows(min_row=header[0].row + 1):
        if row[0].value == approve:
            row[status_col].value = "Matched"
        elif row[0].value == reject:
            row[status_col].value = "Rejected"
    wb.save(out)

    assert main(["reconcile", str(book), "--bank", str(csv), "-o", str(out)]) == 0
    again = read_tab(out, "Bank Matches", "Bank Line")
    assert set(again.loc[again["Bank Line"] == approve, "Status"]) == {"Matched"}
    assert again.loc[again["Bank Line"] == approve, "Reason"].str.startswith(
        "approved on review").all()
    assert reject not in set(again["Bank Line"])
    unmatched = read_tab(out, "Unmatched Bank", "Bank Line")
    why = unmatched.loc[unmatched["Bank Line"] == reject, "Reason"].tolist()
    assert len(why) == 1 and "rejected on review" in why[0]
    posted = read_tab(out, "Receipts To Post", "Payment ID")
    assert approve in set(posted["Bank Line"]) and reject not in set(posted["Bank Line"])
    # the tie-out still holds: matched + suggested + unmatched = credits
    summary = read_tab(out, "Reconciliation", "Item").set_index("Item")
    assert summary.loc["Check: matched + suggested + unmatched - credits", "Note"] == "ties out"
    # and a third run gives the same answers: the approval is Matched in the tab now, the
    # rejection is kept in Unmatched Bank
    assert main(["reconcile", str(book), "--bank", str(csv), "-o", str(out)]) == 0
    third = read_tab(out, "Bank Matches", "Bank Line")
    assert set(third.loc[third["Bank Line"] == approve, "Status"]) == {"Matched"}
    assert reject not in set(third["Bank Line"])
    unmatched = read_tab(out, "Unmatched Bank", "Bank Line")
    assert unmatched.loc[unmatched["Bank Line"] == reject, "Reason"].tolist() == why
