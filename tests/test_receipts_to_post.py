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
    assert list(post.columns) == POST_COLUMNS
    rows = post[["Payment ID", "Customer ID", "Date", "Amount", "Invoice No", "Method",
                 "Reference"]].astype(object).where(post.notna(), None)
    assert rows.values.tolist() == [
        ["FT1", "C1", pd.Timestamp("2026-11-03"), 1500.0, "INV-1", "Bank Transfer", "FT1"],
        ["FT2", "C2", pd.Timestamp("2026-11-04"), 300.0, "INV-2", "Bank Transfer", "FT2"],
        ["FT2", "C2", pd.Timestamp("2026-11-04"), 500.0, "INV-3", "Bank Transfer", "FT2"],
        ["FT3", "C1", pd.Timestamp("2026-11-05"), 990.0, "INV-4", "Cheque", "FT3"],
        # the shortfall within the tolerance, right after the receipt it closes the invoice with
        ["FT3", "C1", pd.Timestamp("2026-11-05"), 10.0, "INV-4", "Write-off", "FT3"],
        ["FT4", "C3", pd.Timestamp("2026-11-06"), 1000.0, "INV-5", "Bank Transfer", "FT4"],
        ["FT4", "C3", pd.Timestamp("2026-11-06"), 200.0, None, "Bank Transfer", "FT4"],
    ]
    # the cash to record is the cash the bank holds for the Matched lines; the write-off is not
    cash = post[post["Method"] != "Write-off"]
    assert cash["Amount"].sum() == 1500.0 + 800.0 + 990.0 + 1200.0
    assert post.loc[4, "Note"] == ("not cash: bank charges or discount within the tolerance; "
                                   "closes the invoice")
    assert post.loc[3, "Note"] is None
    assert post.loc[6, "Note"] == "on account"


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


def test_withholding_tax_is_a_row_of_its_own_after_the_cash():
    taxed = matches(("FT9", "2026-11-09", 970.0, "INV-9", "C9", 970.0, "withholding-tax", 0.96,
                     "Matched", 0.0, "Giza Pharma", "", "INV-9"))
    taxed["Withholding Tax"] = [30.0]
    post = receipts_to_post(taxed)
    assert post[["Payment ID", "Amount", "Invoice No", "Method"]].values.tolist() == [
        ["FT9", 970.0, "INV-9", "Bank Transfer"], ["FT9", 30.0, "INV-9", "Withholding Tax"]]
    assert post.loc[1, "Note"] == ("not cash: income tax withheld at source, to claim with the "
                                   "tax certificate; closes the invoice")


def test_posting_the_receipts_and_reconciling_again_applies_nothing_twice(tmp_path):
    """The accountant pastes Receipts To Post under Payments and re-runs the reconciliation
    of the same statement: every line posted is found in the books (``recorded``), none is
    applied again, none is posted again, and the books owe what the first run said."""
    from ar_excel.cli import main
    from ar_excel.core.ledger import open_items
    from ar_excel.demo.bank_month import make_bank_month, write_statement_csv
    from ar_excel.demo.ledger import AS_OF, make_ledger
    from ar_excel.io.reader import read_book
    from tests.test_reconcile_job import read_tab, write_book

    led = make_ledger(120, 1500, 1100, seed=5)
    start = pd.Timestamp(AS_OF) + pd.Timedelta(days=1)
    lines, _ = make_bank_month(led["Customers"], led["Invoices"], led["Payments"], start, 160,
                               seed=5, currency="EGP")
    csv = write_statement_csv(lines, tmp_path / "statement.csv")
    sheets = {k: led[k] for k in ("Customers", "Invoices", "Payments")}
    book = write_book(tmp_path / "book.xlsx", sheets)
    first = tmp_path / "first.xlsx"
    assert main(["reconcile", str(book), "--bank", str(csv), "-o", str(first)]) == 0
    matches = read_tab(first, "Bank Matches", "Bank Line")
    post = read_tab(first, "Receipts To Post", "Payment ID")
    matched = matches[(matches["Status"] == "Matched") & (matches["Method"] != "recorded")]
    adjustment = post["Method"] == "Write-off"
    assert len(post[~adjustment]) == len(matched) > 50
    assert round(post.loc[~adjustment, "Amount"].astype(float).sum(), 2) == round(
        matched["Applied Amount"].astype(float).sum(), 2)
    # the short payments' write-offs are posted with them, so those invoices close
    assert adjustment.sum() == (matched["Write-off"].astype(float) > 0).sum() > 0
    assert round(post.loc[adjustment, "Amount"].astype(float).sum(), 2) == round(
        matched["Write-off"].astype(float).sum(), 2)
    matched_lines = set(matched["Bank Line"])

    posted = pd.DataFrame({c: post[c].replace("", None) for c in
                           ("Payment ID", "Customer ID", "Date", "Amount", "Invoice No",
                            "Method", "Reference")})
    posted["Date"] = pd.to_datetime(posted["Date"])
    posted["Amount"] = posted["Amount"].astype(float)
    books = dict(sheets, Payments=pd.concat([led["Payments"], posted], ignore_index=True))
    book2 = write_book(tmp_path / "posted.xlsx", books)
    second = tmp_path / "second.xlsx"
    assert main(["reconcile", str(book2), "--bank", str(csv), "-o", str(second)]) == 0
    again = read_tab(second, "Bank Matches", "Bank Line")
    recorded = again[again["Method"] == "recorded"]
    assert set(recorded["Bank Line"]) == matched_lines  # every posted line found in the books
    assert (recorded["Status"] == "Matched").all()
    applied = again[(again["Method"] != "recorded") & again["Bank Line"].isin(matched_lines)]
    assert applied.empty  # nothing applied a second time
    names = pc_sheet_names(second)
    if "Receipts To Post" in names:  # a line the posted receipts made certain, never twice
        more = read_tab(second, "Receipts To Post", "Payment ID")
        assert not set(more["Bank Line"]) & matched_lines
    if "Unbanked Receipts" in names:
        unbanked = read_tab(second, "Unbanked Receipts", "Payment ID")
        assert not set(unbanked["Payment ID"]) & set(post["Payment ID"])

    # The books after posting owe what the first run left open: every receipt counted once.
    as_of = pd.to_datetime(lines["Date"]).max()
    before = open_items(led["Customers"], led["Invoices"], led["Payments"], as_of)
    after_book = read_book(book2)
    after = open_items(after_book.customers, after_book.invoices, after_book.payments, as_of)
    assert round(before["Open Amount"].sum() - after["Open Amount"].sum(), 2) == round(
        post["Amount"].astype(float).sum(), 2)


def pc_sheet_names(path) -> list[str]:
    import python_calamine as pc

    return pc.CalamineWorkbook.from_path(str(path)).sheet_names


def test_a_statement_without_transaction_ids_round_trips_by_line_number():
    """Lines known only by their position: the posted receipt (BNK-<date>-<n>) is found again
    on the re-run even where nothing else ties it to the line (an amount-only match: no
    payer, no reference)."""
    from ar_excel.core.ledger import open_items
    from ar_excel.core.matching import match_statement
    from ar_excel.policy import Policy
    from tests.test_matching_rules import CUSTOMERS, INVOICES, PAYMENTS, frame, lines

    invoices = pd.concat([INVOICES, frame("Invoices", [
        {"Invoice No": "INV-2026-00777", "Customer ID": "C3", "Invoice Date": "2026-10-01",
         "Amount": 95389.75}])], ignore_index=True)
    stmt = lines({"id": "1", "date": "2026-11-10", "amount": 350.00, "desc": "RENT REFUND"},
                 {"id": "2", "date": "2026-11-12", "amount": 95389.75, "desc": "INWARD TRANSFER"})
    as_of = stmt["Date"].max()
    first = match_statement(stmt, open_items(CUSTOMERS, invoices, PAYMENTS, as_of), CUSTOMERS,
                            Policy(), None, recorded=PAYMENTS)
    assert first.matches[["Bank Line", "Method", "Status"]].values.tolist() == [
        ["2", "amount-only", "Matched"]]
    post = receipts_to_post(first.matches)
    assert post["Payment ID"].tolist() == ["BNK-20261112-2"]
    rows = [dict(r, Date=str(r["Date"].date())) for r in post[
        ["Payment ID", "Customer ID", "Date", "Amount", "Invoice No"]].to_dict("records")]
    books = pd.concat([PAYMENTS, frame("Payments", rows)], ignore_index=True)
    again = match_statement(stmt, open_items(CUSTOMERS, invoices, books, as_of), CUSTOMERS,
                            Policy(), None, recorded=books)
    line2 = again.matches[again.matches["Bank Line"] == "2"]
    assert line2[["Method", "Status", "Applied Amount"]].values.tolist() == [
        ["recorded", "Matched", 95389.75]]
    assert "bank's own reference BNK-20261112-2" in line2["Reason"].iloc[0]
    assert len(receipts_to_post(again.matches)) == 0
    assert len(again.unbanked) == 0


def test_an_arabic_workbook_gets_method_and_notes_in_arabic():
    post = receipts_to_post(BANK, arabic=True)
    assert post["Method"].tolist()[:5] == ["تحويل بنكي", "تحويل بنكي", "تحويل بنكي", "شيك",
                                           "شطب"]
    assert post.loc[4, "Note"] == "ليس نقدًا: مصاريف بنكية أو خصم في حدود السماح؛ يقفل الفاتورة"
    assert post.loc[6, "Note"] == "تحت الحساب"


def test_the_month_end_run_says_the_aging_does_not_hold_the_receipts_to_post(tmp_path, capsys):
    import csv

    from ar_excel.cli import main
    from tests.test_arabic_headers import arabic_book

    book = arabic_book(tmp_path / "book.xlsx")
    bank = tmp_path / "bank.csv"
    with open(bank, "w", encoding="utf-8-sig", newline="") as fh:
        csv.writer(fh).writerows([["Date", "Description", "Amount"],
                                  ["16/11/2026", "TRANSFER INV ف-102", "22,800.00"]])
    assert main(["run", str(book), "--bank", str(bank), "--as-of", "2026-11-30",
                 "-o", str(tmp_path / "out.xlsx")]) == 0
    said = capsys.readouterr().out
    # an Arabic workbook: said in Arabic (the tab names stay as the contract names them)
    assert ("ملاحظة: 1 تحصيل مطابق في كشف البنك غير مسجل في التحصيلات بعد؛ تظهره Aging, "
            "Credit Status, Dunning مستحقاً حتى يُسجَّل (Receipts To Post)") in said
    assert main(["run", str(book), "--as-of", "2026-11-30", "-o", str(tmp_path / "o2.xlsx")]) == 0
    assert "غير مسجل في التحصيلات" not in capsys.readouterr().out


def test_an_all_digit_bank_id_is_the_payment_id_not_a_line_number():
    ofx = BANK.assign(**{"Bank Line": ["2026110201", "2026110202", "2026110202", "12",
                                       "2026110204", "2026110204", "7", "8"]})
    post = receipts_to_post(ofx, positions={"12", "7", "8"})
    assert post["Payment ID"].tolist() == ["2026110201", "2026110202", "2026110202",
                                           "BNK-20261105-12", "BNK-20261105-12", "2026110204",
                                           "2026110204"]


def test_any_matches_post_their_cash_and_adjustments_once():
    """Whatever the Bank Matches hold: the cash posted is the Matched cash, each write-off and
    tax withheld is posted once, after its receipt, and nothing else is posted."""
    from hypothesis import given, settings
    from hypothesis import strategies as st

    cents = st.integers(min_value=0, max_value=5_000_000).map(lambda c: c / 100)
    row = st.tuples(st.sampled_from(["FT1", "FT2", "FT3", "7"]), cents,
                    st.sampled_from(["INV-1", "INV-2", None]),
                    st.sampled_from(["reference", "fee-writeoff", "on-account", "recorded",
                                     "withholding-tax"]),
                    st.sampled_from(["Matched", "Suggested"]), cents, cents)

    @settings(max_examples=80, deadline=None)
    @given(st.lists(row, max_size=12))
    def check(rows):
        frame = matches(*[(b, "2026-11-05", 0.0, inv, "C1", applied, method, 0.9, status, wo,
                           "Nile Foods", "", "TRF") for b, applied, inv, method, status, wo, _
                          in rows])
        frame["Withholding Tax"] = [wht for *_, wht in rows]
        post = receipts_to_post(frame)
        kept = frame[(frame["Status"] == "Matched") & (frame["Method"] != "recorded")
                     & (frame["Applied Amount"] > 0)]
        cash = post[~post["Method"].isin(["Write-off", "Withholding Tax"])]
        assert len(cash) == len(kept)
        assert round(cash["Amount"].sum(), 2) == round(kept["Applied Amount"].sum(), 2)
        for method, column in (("Write-off", "Write-off"), ("Withholding Tax", "Withholding Tax")):
            made = post[post["Method"] == method]
            assert len(made) == int((kept[column] > 0).sum())
            assert round(made["Amount"].sum(), 2) == round(kept[column].sum(), 2)
        # an adjustment follows the receipt of its own bank line and invoice
        for k in post.index[post["Method"].isin(["Write-off", "Withholding Tax"])]:
            before = post.loc[k - 1]
            assert (before["Bank Line"], before["Invoice No"]) == (
                post.loc[k, "Bank Line"], post.loc[k, "Invoice No"]) or pd.isna(
                before["Invoice No"]) and pd.isna(post.loc[k, "Invoice No"])

    check()


def test_matches_without_a_method_column_are_still_posted():
    """helper-185: Bank Matches kept without Method (an API caller's frame) raised a
    KeyError; each Matched allocation is a receipt, its Method from the narrative."""
    bare = BANK.drop(columns=["Method"])
    post = receipts_to_post(bare)
    # FT6 (recorded) is no longer known as such: its Applied Amount 0 leaves it out anyway
    rows = post[["Payment ID", "Invoice No", "Amount", "Method"]].astype(object)
    assert rows.where(rows.notna(), None).values.tolist() == [
        ["FT1", "INV-1", 1500.0, "Bank Transfer"],
        ["FT2", "INV-2", 300.0, "Bank Transfer"],
        ["FT2", "INV-3", 500.0, "Bank Transfer"],
        ["FT3", "INV-4", 990.0, "Cheque"],
        ["FT3", "INV-4", 10.0, "Write-off"],
        ["FT4", "INV-5", 1000.0, "Bank Transfer"],
        ["FT4", None, 200.0, "Bank Transfer"],
    ]
    assert post["Note"].iloc[-1] is None  # on account is not known without the Method
