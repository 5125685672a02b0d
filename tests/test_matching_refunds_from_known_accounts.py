"""Money in that the narrative calls a refund, a chargeback, a returned transfer or an
insurance claim, sent from an account a customer record holds: a customer that is also our
supplier, insurer or card acquirer gives money back from the account it pays its invoices
from. The account says who sent it, not that an invoice is paid: a person confirms (Suggested,
with the reason). Before, the known account overrode the narrative and the line was Matched
(amount+payer 0.95, fee-writeoff 0.9, overpayment 0.86). A customer whose own name holds the
word (EGYPT LEASING AND FINANCING CO) paying from its account is still Matched."""

from __future__ import annotations

import csv
from pathlib import Path

import openpyxl
import pandas as pd
import python_calamine as pc

from ar_excel.cli import main
from tests._workbooks import save_workbook

CFI = "EG120003000400000000123450001"
ELF = "EG550003000400000000999990001"
GMS = "EG660003000400000000777770001"
MIS = "EG770003000400000000888880001"
NPK = "EG880003000400000000555550001"


def _book(path: Path) -> Path:
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    day = pd.Timestamp("2026-10-05").to_pydatetime()
    for name, rows in {
        "Customers": [["Customer ID", "Name", "Currency", "IBAN"],
                      ["C-1", "Cairo Food Industries", "EGP", CFI],
                      ["C-2", "Egypt Leasing and Financing Co", "EGP", ELF],
                      ["C-3", "Gulf Marine Services LLC", "EGP", GMS],
                      ["C-4", "Misr Insurance", "EGP", MIS],
                      ["C-5", "Nasr Packaging", "EGP", NPK]],
        "Invoices": [["Invoice No", "Customer ID", "Invoice Date", "Amount"],
                     ["INV-1", "C-1", day, 6000.0],
                     ["INV-2", "C-2", day, 7300.0],
                     ["INV-3", "C-3", day, 3700.0],
                     ["INV-31", "C-3", day, 1200.0],
                     ["INV-4", "C-4", day, 25000.0],
                     ["INV-5", "C-5", day, 4000.0]],
        "Payments": [["Payment ID", "Customer ID", "Date", "Amount", "Invoice No"]],
    }.items():
        ws = wb.create_sheet(name)
        for row in rows:
            ws.append(row)
    save_workbook(wb, path)
    return path


LINES = [
    ("R1", "REFUND FROM CAIRO FOOD INDUSTRIES CN-2026-118", 6000.0, "CAIRO FOOD INDUSTRIES", CFI),
    ("R2", "TRANSFER FROM EGYPT LEASING AND FINANCING CO", 7300.0, "EGYPT LEASING AND FINANCING",
     ELF),
    ("R3", "CHARGEBACK REVERSAL GULF MARINE", 3690.0, "GULF MARINE SERVICES", GMS),
    ("R4", "INSURANCE CLAIM SETTLEMENT POLICY 55/2026", 25000.0, "MISR INSURANCE", MIS),
    ("R5", "مرتجع تحويل شركة نصر للتعبئة", 4500.0, "NASR PACKAGING", NPK),
]


def _rows(tmp_path: Path) -> dict[str, list[tuple]]:
    statement = tmp_path / "s.csv"
    with statement.open("w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(["Bank Ref", "Date", "Description", "Amount", "Currency", "Counterparty",
                    "Counterparty Account"])
        for ref, text, amount, name, account in LINES:
            w.writerow([ref, "2026-11-10", text, amount, "EGP", name, account])
    out = tmp_path / "out.xlsx"
    assert main(["reconcile", str(_book(tmp_path / "book.xlsx")), "--bank", str(statement),
                 "-o", str(out)]) == 0
    rows = pc.CalamineWorkbook.from_path(str(out)).get_sheet_by_name("Bank Matches").to_python()
    head = rows[0]
    got: dict[str, list[tuple]] = {}
    for r in rows[1:]:
        d = dict(zip(head, r, strict=False))
        got.setdefault(d["Bank Line"], []).append(
            (d["Status"], d["Invoice No"], d["Applied Amount"], d["Method"], d["Confidence"]))
    return got


def test_refunds_from_a_customers_account_are_suggested_not_matched(tmp_path: Path) -> None:
    got = _rows(tmp_path)
    # A supplier's refund of the invoice's amount.
    assert got["R1"] == [("Suggested", "INV-1", 6000.0, "amount+payer", 0.6)]
    # A chargeback reversed, 10.00 under the invoice: no bank charge written off for sure.
    assert got["R3"] == [("Suggested", "INV-3", 3690.0, "fee-writeoff", 0.6)]
    # An insurer's claim paid is no premium invoice paid.
    assert got["R4"] == [("Suggested", "INV-4", 25000.0, "amount+payer", 0.6)]
    # مرتجع: a transfer returned, more than the customer owes.
    assert got["R5"] == [("Suggested", "INV-5", 4000.0, "overpayment", 0.6),
                         ("Suggested", "", 500.0, "on-account", 0.6)]


def test_the_reason_says_the_narrative_reads_like_a_refund(tmp_path: Path) -> None:
    _rows(tmp_path)
    rows = pc.CalamineWorkbook.from_path(str(tmp_path / "out.xlsx")).get_sheet_by_name(
        "Bank Matches").to_python()
    reasons = {r[0]: dict(zip(rows[0], r, strict=False))["Reason"] for r in rows[1:]}
    assert reasons["R1"] == ("payer by account; amount equals the open amount of INV-1; the "
                             "narrative reads like a non-customer inflow (refund), not a "
                             "customer's payment: please confirm")


def test_a_customer_named_for_the_word_is_still_matched(tmp_path: Path) -> None:
    assert _rows(tmp_path)["R2"] == [("Matched", "INV-2", 7300.0, "amount+payer", 0.95)]
