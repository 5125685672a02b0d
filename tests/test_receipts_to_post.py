"""Receipts To Post: the month's Matched bank receipts laid out as Payments rows."""

from __future__ import annotations

import pandas as pd

from ar_excel.core.receipts_to_post import POST_COLUMNS, receipts_to_post

MATCH_COLUMNS = ["Bank Line", "Date", "Bank Amount", "Invoice No", "Customer ID",
                 "Applied Amount", "Method", "Confidence", "Status", "Write-off", "Customer",
                 "Reason", "Description"]


def matches(*rows: tuple) -> pd.DataFrame:
    frame = pd.DataFrame([dict(zip(MATCH_COLUMNS, r, strict=True)) for r in rows],
                         columns=MATCH_COLUMNS)
    frame["Date"] = pd.to_datetime(frame["Date"])
    return frame


BANK = matches(
    ("FT1", "2026-11-03", 1500.0, "INV-1", "C1", 1500.0, "reference", 1.0, "Matched", 0.0,
     "Nile Foods", "", "TRF INV-1"),
    ("FT2", "2026-11-04", 800.0, "INV-2", "C2", 300.0, "multi-invoice", 0.97, "Matched", 0.0,
     "Delta", "", "INV 2 3"),
    ("FT2", "2026-11-04", 800.0, "INV-3", "C2", 500.0, "multi-invoice", 0.97, "Matched", 0.0,
     "Delta", "", "INV 2 3"),
    ("FT3", "2026-11-05", 990.0, "INV-4", "C1", 990.0, "fee-writeoff", 0.96, "Matched", 10.0,
     "Nile Foods", "", "CHQ DEP 4411"),
    ("FT4", "2026-11-06", 1200.0, "INV-5", "C3", 1000.0, "overpayment", 0.97, "Matched", 0.0,
     "Cairo Steel", "", "INV-5"),
    ("FT4", "2026-11-06", 1200.0, None, "C3", 200.0, "on-account", 0.97, "Matched", 0.0,
     "Cairo Steel", "", "INV-5"),
    ("FT5", "2026-11-07", 400.0, "INV-6", "C4", 400.0, "amount-only", 0.5, "Suggested", 0.0,
     None, "", "CASH"),
    ("FT6", "2026-11-08", 700.0, None, "C1", 0.0, "recorded", 1.0, "Matched", 0.0,
     "Nile Foods", "recorded in Payments as R-9", "R-9"),
)


def test_matched_allocations_become_payments_rows():
    post = receipts_to_post(BANK)
    assert list(post.columns) == [c for c in POST_COLUMNS if c != "Withholding Tax"]
    rows = post[["Payment ID", "Customer ID", "Date", "Amount", "Invoice No", "Method",
                 "Reference", "Write-off"]].astype(object).where(post.notna(), None)
    assert rows.values.tolist() == [
        ["FT1", "C1", pd.Timestamp("2026-11-03"), 1500.0, "INV-1", "Bank Transfer", "FT1", 0.0],
        ["FT2", "C2", pd.Timestamp("2026-11-04"), 300.0, "INV-2", "Bank Transfer", "FT2", 0.0],
        ["FT2", "C2", pd.Timestamp("2026-11-04"), 500.0, "INV-3", "Bank Transfer", "FT2", 0.0],
        ["FT3", "C1", pd.Timestamp("2026-11-05"), 990.0, "INV-4", "Cheque", "FT3", 10.0],
        ["FT4", "C3", pd.Timestamp("2026-11-06"), 1000.0, "INV-5", "Bank Transfer", "FT4", 0.0],
        ["FT4", "C3", pd.Timestamp("2026-11-06"), 200.0, None, "Bank Transfer", "FT4", 0.0],
    ]
    # the cash to record is the cash the bank holds for the Matched lines, not the write-off
    assert post["Amount"].sum() == 1500.0 + 800.0 + 990.0 + 1200.0
    assert post.loc[3, "Note"] == "short by 10.00: post the write-off to close the invoice"
    assert post.loc[5, "Note"] == "on account"


def test_suggested_and_recorded_lines_are_not_posted():
    post = receipts_to_post(BANK)
    assert "FT5" not in set(post["Bank Line"])  # waits for a person's review
    assert "FT6" not in set(post["Bank Line"])  # already in the books


def test_line_numbers_are_made_unique_with_the_date():
    numbered = BANK.assign(**{"Bank Line": ["12", "13", "13", "14", "15", "15", "16", "17"]})
    post = receipts_to_post(numbered)
    assert post["Payment ID"].tolist()[:3] == ["BNK-20261103-12", "BNK-20261104-13",
                                               "BNK-20261104-13"]
    assert post["Reference"].tolist()[0] == "12"


def test_nothing_matched_gives_an_empty_table_with_the_columns():
    post = receipts_to_post(BANK[BANK["Status"] == "Suggested"])
    assert len(post) == 0 and list(post.columns) == POST_COLUMNS


def test_withholding_tax_is_carried_with_its_note():
    taxed = matches(("FT9", "2026-11-09", 970.0, "INV-9", "C9", 970.0, "withholding-tax", 0.96,
                     "Matched", 0.0, "Giza Pharma", "", "INV-9"))
    taxed["Withholding Tax"] = [30.0]
    post = receipts_to_post(taxed)
    assert post[["Amount", "Withholding Tax"]].values.tolist() == [[970.0, 30.0]]
    assert post.loc[0, "Note"] == "30.00 income tax withheld: post against the tax certificate"
