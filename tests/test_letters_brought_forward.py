"""A running ledger's balance brought forward in a dunning letter's table: what the customer
owed before the ledger starts ('Balance b/f', رصيد مرحل, as its statement says since
01ea9dc), not an invoice of the day it is dated. Before, the letter listed it as 'Invoice'
(فاتورة in an Arabic letter) beside the customer's real invoices. It is still chased as the
debt it is: its due date and days overdue are listed, and it counts in the totals."""

from __future__ import annotations

import email
import email.policy
from datetime import datetime

from ar_excel.cli import main
from tests.test_statements_balance_brought_forward import _ledger


def _body(folder, name):
    msg = email.message_from_bytes((folder / name).read_bytes(), policy=email.policy.default)
    return msg.get_body(("plain",)).get_content()


def test_an_english_letter_lists_the_balance_brought_forward_as_such(tmp_path):
    path = _ledger(tmp_path, ["Customer ID", "Date", "Ref", "Description", "Debit", "Credit",
                              "Balance"], "L1", [
        (datetime(2026, 9, 1), "OB", "Balance b/f", 7000, None),
        (datetime(2026, 9, 10), "INV-5", "Invoice 5", 3000, None),
        (datetime(2026, 10, 5), "RCPT-1", "Cheque received", None, 2000)], "ledger.xlsx")
    assert main(["collections", str(path), "--as-of", "2026-11-15", "-o",
                 str(tmp_path / "out.xlsx")]) == 0
    lines = _body(tmp_path / "dunning", "2026-11-15_L1.eml").splitlines()
    table = [line for line in lines if line.startswith(("OB |", "INV-5 |", "RCPT-1 |"))]
    assert table == [
        "OB | Balance b/f | 2026-09-01 | 2026-10-01 | 45 | 7,000.00",  # was '| Invoice |'
        "RCPT-1 | Payment on account | 2026-10-05 |  |  | -2,000.00",
        "INV-5 | Invoice | 2026-09-10 | 2026-10-10 | 36 | 3,000.00"]
    assert "Total overdue: 8,000.00 EGP" in lines  # the b/f still asked for


def test_an_arabic_letter_says_raseed_murahhal(tmp_path):
    path = _ledger(tmp_path, ["كود العميل", "التاريخ", "المرجع", "البيان", "مدين", "دائن",
                              "الرصيد"], "A1", [
        (datetime(2026, 9, 1), "1", "رصيد افتتاحي", 7000, None),
        (datetime(2026, 9, 10), "F-5", "فاتورة مبيعات", 3000, None)], "ledger_ar.xlsx",
        arabic=True)
    assert main(["collections", str(path), "--as-of", "2026-11-15", "-o",
                 str(tmp_path / "out.xlsx")]) == 0
    lines = _body(tmp_path / "dunning", "2026-11-15_A1.eml").splitlines()
    assert [line.split(" | ")[:2] for line in lines if line.startswith(("1 |", "F-5 |"))] == [
        ["1", "رصيد مرحل"], ["F-5", "فاتورة"]]
