"""Receipts paid less income tax withheld at source (Egypt's Form 41: 1 % goods, 3 % services).

Each case states the ledger, the bank line and the exact outcome: invoice, applied amount, tax
withheld, bank charge, Method, Status and the Reconciliation row.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import openpyxl
import pandas as pd
import python_calamine as pc
from hypothesis import given, settings
from hypothesis import strategies as st

from ar_excel.cli import main
from ar_excel.core.ledger import open_items
from ar_excel.core.matching import match_statement
from ar_excel.policy import Policy, policy_from_pairs
from tests.test_matching_rules import AS_OF, frame


def customers(currency: str = "EGP") -> pd.DataFrame:
    return frame("Customers", [
        {"Customer ID": "C1", "Name": "Nile Foods S.A.E.", "Currency": currency,
         "Payment Terms": 30, "IBAN / Bank Account": "EG380019000500000000263180002"},
        {"Customer ID": "C2", "Name": "Delta Contracting", "Currency": currency,
         "Payment Terms": 30, "IBAN / Bank Account": "1234567890123"},
    ])


def invoices(*rows: tuple[str, str, float]) -> pd.DataFrame:
    return frame("Invoices", [{"Invoice No": n, "Customer ID": c, "Invoice Date": "2026-10-01",
                               "Amount": a} for n, c, a in rows])


def run(invs: pd.DataFrame, *lines: dict, currency: str = "EGP", policy: Policy | None = None):
    cust = customers(currency)
    items = open_items(cust, invs, frame("Payments", []), AS_OF)
    bank = pd.DataFrame([{
        "Bank Line": f"L{n}", "Date": pd.Timestamp("2026-11-10"), "Value Date": None,
        "Amount": r["amount"], "Currency": currency, "Description": r.get("desc"),
        "Reference": None, "Counterparty": r.get("cp"), "Counterparty Account": r.get("acc"),
        "Bank Ref": None, "Balance": None, "Statement": "S1", "Line No": n}
        for n, r in enumerate(lines, start=1)])
    return match_statement(bank, items, cust, policy or Policy())


def outcome(result) -> list[tuple]:
    m = result.matches
    withheld = m["Withholding Tax"] if "Withholding Tax" in m else pd.Series(0.0, index=m.index)
    return [(i, round(a, 2), round(w, 2), round(fee, 2), meth, st)
            for i, a, w, fee, meth, st in zip(m["Invoice No"], m["Applied Amount"], withheld,
                                              m["Write-off"], m["Method"], m["Status"],
                                              strict=True)]


def summary_row(result, item: str) -> tuple:
    s = result.summary.set_index("Item")
    return (s.at[item, "Amount"], s.at[item, "Lines"])


BOOK = invoices(("INV-9001", "C1", 100000.00), ("INV-9002", "C1", 114000.00),
                ("INV-9003", "C1", 50000.00), ("INV-9004", "C1", 20000.00),
                ("INV-9101", "C2", 8000.00), ("INV-9102", "C2", 12500.00))


def test_one_percent_on_the_total_named_by_reference():
    r = run(BOOK, {"amount": 99000.00, "desc": "TRANSFER INV-9001"})
    assert outcome(r) == [("INV-9001", 99000.00, 1000.00, 0.0, "withholding-tax", "Matched")]
    assert r.matches["Reason"].iloc[0] == (
        "narrative names INV-9001; less 1% withholding tax (1,000.00): certificate expected")
    assert summary_row(r, "Withholding tax receivable") == (1000.00, 1)
    assert summary_row(r, "Method: withholding-tax") == (99000.00, 1)
    assert summary_row(r, "Write-offs proposed") == (0.0, 0)
    assert r.unmatched[r.unmatched["Amount"] > 0].empty


def test_one_percent_of_a_vat_invoice_total_and_three_percent_before_vat():
    total = run(BOOK, {"amount": 112860.00, "desc": "INV-9002"})
    assert outcome(total) == [("INV-9002", 112860.00, 1140.00, 0.0, "withholding-tax",
                               "Matched")]
    # 3 % of the 100,000.00 before the 14 % VAT: 111,000.00 paid
    net = run(BOOK, {"amount": 111000.00, "desc": "INV-9002"})
    assert outcome(net) == [("INV-9002", 111000.00, 3000.00, 0.0, "withholding-tax", "Matched")]
    assert net.matches["Reason"].iloc[0] == (
        "narrative names INV-9002; less 3% withholding tax (3,000.00) on the amount before "
        "14% VAT: certificate expected")
    # 1 % before VAT: 113,000.00
    assert outcome(run(BOOK, {"amount": 113000.00, "desc": "INV-9002"}))[0][:3] == (
        "INV-9002", 113000.00, 1000.00)


def test_three_percent_on_services_by_the_payers_account_without_a_reference():
    r = run(BOOK, {"amount": 12125.00, "desc": "INWARD TRANSFER", "acc": "1234567890123"})
    assert outcome(r) == [("INV-9102", 12125.00, 375.00, 0.0, "withholding-tax", "Matched")]
    assert summary_row(r, "Withholding tax receivable") == (375.00, 1)


def test_several_invoices_in_one_transfer_less_tax_on_each():
    named = run(BOOK, {"amount": 69300.00, "desc": "PAYMENT INV-9003 INV-9004"})
    assert outcome(named) == [
        ("INV-9003", 49500.00, 500.00, 0.0, "withholding-tax", "Matched"),
        ("INV-9004", 19800.00, 200.00, 0.0, "withholding-tax", "Matched")]
    assert summary_row(named, "Withholding tax receivable") == (700.00, 2)
    # Without a reference, from the payer's account: the one set its open invoices make.
    by_payer = run(invoices(("A-1", "C2", 11400.00), ("A-2", "C2", 5700.00),
                            ("A-3", "C2", 2280.50)),
                   {"amount": 16929.00, "desc": "TRANSFER", "acc": "1234567890123"})
    assert outcome(by_payer) == [
        ("A-1", 11286.00, 114.00, 0.0, "withholding-tax", "Matched"),
        ("A-2", 5643.00, 57.00, 0.0, "withholding-tax", "Matched")]


def test_tax_withheld_and_a_bank_charge():
    r = run(BOOK, {"amount": 98975.00, "desc": "INV-9001"})
    assert outcome(r) == [("INV-9001", 98975.00, 1000.00, 25.00, "withholding-tax", "Matched")]
    assert r.matches["Reason"].iloc[0].endswith(
        "certificate expected; bank charge 25.00 within the fee tolerance: write-off proposed")
    assert summary_row(r, "Write-offs proposed") == (25.00, 1)
    assert summary_row(r, "Withholding tax receivable") == (1000.00, 1)


def test_two_invoices_each_explaining_the_receipt_is_only_suggested():
    # 9,900.00 is 10,000.00 less 1 % and 10,206.19 less 3 %: no reference says which.
    book = invoices(("B-1", "C2", 10000.00), ("B-2", "C2", 10206.19))
    r = run(book, {"amount": 9900.00, "desc": "TRANSFER", "acc": "1234567890123"})
    assert [o[4:] for o in outcome(r)] == [("withholding-tax", "Suggested")]
    assert r.matches["Applied Amount"].sum() == 9900.00
    assert "please confirm" in r.matches["Reason"].iloc[0]
    # No payer at all: nothing is read as tax withheld.
    unknown = run(book, {"amount": 9900.00, "desc": "TRANSFER"})
    assert "withholding-tax" not in set(unknown.matches["Method"])


def test_a_whole_gap_within_the_fee_tolerance_stays_bank_charges():
    r = run(invoices(("INV-5001", "C1", 2000.00)), {"amount": 1980.00, "desc": "INV-5001"})
    assert outcome(r) == [("INV-5001", 1980.00, 0.0, 20.00, "fee-writeoff", "Matched")]
    assert "Withholding Tax" not in r.matches


def test_a_usd_book_is_untouched_unless_the_policy_sets_rates():
    book = invoices(("INV-6001", "C1", 100000.00))
    usd = run(book, {"amount": 99000.00, "desc": "INV-6001"}, currency="USD")
    assert outcome(usd) == [("INV-6001", 99000.00, 0.0, 0.0, "partial", "Matched")]
    assert "Withholding tax receivable" not in set(usd.summary["Item"])
    set_rates = run(book, {"amount": 99000.00, "desc": "INV-6001"}, currency="USD",
                    policy=Policy(withholding_tax_rates_pct=(1.0,)))
    assert outcome(set_rates) == [("INV-6001", 99000.00, 1000.00, 0.0, "withholding-tax",
                                   "Matched")]
    off = run(BOOK, {"amount": 99000.00, "desc": "INV-9001"},
              policy=Policy(withholding_tax_rates_pct=()))
    assert outcome(off) == [("INV-9001", 99000.00, 0.0, 0.0, "partial", "Matched")]


def test_policy_keys_in_english_and_arabic():
    policy, problems = policy_from_pairs([("Withholding Tax Rates", "1, 3, 5", "B2")])
    assert policy.withholding_tax_rates_pct == (1.0, 3.0, 5.0) and problems == []
    policy, _ = policy_from_pairs([("نسب الخصم تحت حساب الضريبة", "١ ، ٣", "B2")])
    assert policy.withholding_tax_rates_pct == (1.0, 3.0)
    assert policy_from_pairs([("wht_rates", "none", "B2")])[0].withholding_tax_rates_pct == ()
    policy, problems = policy_from_pairs([("Withholding Tax Rates", "lots", "B3")])
    assert policy.withholding_tax_rates_pct is None
    assert problems == [("B3", "policy 'Withholding Tax Rates': expected percentages, e.g. "
                               "'1, 3, 5' (or 'none'); the default is used")]
    assert Policy().withholding_tax_rates_pct is None


@settings(max_examples=60, deadline=None)
@given(amount=st.integers(1_000_00, 5_000_000_00), rate=st.sampled_from([1, 3, 5]),
       before_vat=st.booleans(), named=st.booleans())
def test_money_is_conserved_and_no_invoice_is_settled_beyond_its_open_amount(
        amount, rate, before_vat, named):
    total = amount / 100
    base = total / 1.14 if before_vat else total
    receipt = round(total - round(base * rate / 100, 2), 2)
    book = invoices(("P-1", "C1", total), ("P-2", "C1", 777.77))
    r = run(book, {"amount": receipt, "desc": "P-1" if named else "TRANSFER",
                   "acc": "EG380019000500000000263180002"})
    m = r.matches
    withheld = m.get("Withholding Tax", 0.0)
    settled = (m["Applied Amount"] + withheld + m["Write-off"]).groupby(m["Invoice No"]).sum()
    assert round(m["Applied Amount"].sum(), 2) == receipt
    assert round(settled.get("P-1", 0.0), 2) <= total
    assert round(settled.get("P-2", 0.0), 2) <= 777.77
    # paid in full: the invoice is settled by what was applied, withheld and written off
    assert round(settled["P-1"], 2) == total
    assert set(m["Status"]) == {"Matched"}


def test_reconcile_command_on_a_workbook_writes_the_tax_column_and_row(tmp_path: Path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Customers"
    ws.append(["Customer ID", "Name", "Currency", "Payment Terms"])
    ws.append(["C1", "شركة النيل للتوريدات", "EGP", 30])
    inv = wb.create_sheet("Invoices")
    inv.append(["Invoice No", "Customer ID", "Invoice Date", "Amount"])
    inv.append(["INV-2026-0101", "C1", datetime(2026, 10, 1), 114000])
    inv.append(["INV-2026-0102", "C1", datetime(2026, 10, 5), 5000])
    wb.create_sheet("Payments").append(["Payment ID", "Customer ID", "Date", "Amount",
                                        "Invoice No"])
    book = tmp_path / "book.xlsx"
    wb.save(book)
    csv = tmp_path / "bank.csv"
    csv.write_text("Date,Description,Amount\n"
                   "10/11/2026,TRANSFER INV-2026-0101 LESS WHT,112860.00\n"
                   "11/11/2026,TRANSFER INV-2026-0102,5000.00\n", encoding="utf-8")
    out = tmp_path / "out.xlsx"
    assert main(["reconcile", str(book), "--bank", str(csv), "-o", str(out)]) == 0
    rows = pc.CalamineWorkbook.from_path(str(out)).get_sheet_by_name("Bank Matches").to_python()
    h = next(i for i, r in enumerate(rows) if r and r[0] == "Bank Line")
    matches = pd.DataFrame(rows[h + 1:], columns=rows[h])
    assert list(matches.columns[:9]) == ["Bank Line", "Date", "Bank Amount", "Invoice No",
                                         "Customer ID", "Applied Amount", "Method",
                                         "Confidence", "Status"]
    assert list(matches.columns).index("Withholding Tax") > list(matches.columns).index("Line No")
    got = matches[["Invoice No", "Applied Amount", "Withholding Tax", "Method", "Status"]]
    assert got.values.tolist() == [["INV-2026-0101", 112860.0, 1140.0, "withholding-tax", "Matched"],
                                   ["INV-2026-0102", 5000.0, 0.0, "reference", "Matched"]]
    summary = pc.CalamineWorkbook.from_path(str(out)).get_sheet_by_name(
        "Reconciliation").to_python()
    found = [r for r in summary if r and r[0] == "Withholding tax receivable"]
    assert len(found) == 1 and found[0][1:3] == [1140.0, 1]
