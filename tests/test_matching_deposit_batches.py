"""A deposit of several recorded receipts (the day's cheques on one slip) is one bank credit.

Before: no receipt had the credit's amount, so the one-to-one pairing left it to the cascade,
which suggested another customer's invoice of that amount (applying the money twice if
accepted), and the cheques were said not to be in the bank.
"""

from __future__ import annotations

import pandas as pd
from hypothesis import given, settings
from hypothesis import strategies as st

from ar_excel.cli import main
from ar_excel.core.matching.deposit_batches import pair_deposits
from ar_excel.io.reasons_ar import arabic_reason
from tests._workbooks import save_frames

CUSTOMERS = pd.DataFrame({"Customer ID": ["C1", "C2", "C3"],
                          "Name": ["Nile Foods", "Delta Paper", "Cairo Steel"],
                          "Currency": ["EGP"] * 3})
# INV-10004 is another customer's invoice of the deposit's total: the amount alone fits it.
INVOICES = pd.DataFrame({"Invoice No": ["INV-10001", "INV-10002", "INV-10003", "INV-10004"],
                         "Customer ID": ["C1", "C2", "C3", "C3"],
                         "Invoice Date": [pd.Timestamp("2026-10-01")] * 4,
                         "Amount": [10000.0, 5500.0, 2250.0, 17750.0]})


def _cheques(methods=("Cheque", "Cheque", "Cheque"), amounts=(10000.0, 5500.0, 2250.0)):
    n = len(amounts)
    return pd.DataFrame({"Payment ID": [f"RC-{k + 1}" for k in range(n)],
                         "Customer ID": ["C1", "C2", "C3"][:n],
                         "Date": [pd.Timestamp("2026-11-05")] * n, "Amount": list(amounts),
                         "Invoice No": ["INV-10001", "INV-10002", "INV-10003"][:n], "Method": list(methods),
                         "Reference": ["CHQ 100201", "CHQ 554433", "CHQ 778899"][:n]})


def _reconcile(tmp_path, payments, statement):
    book = save_frames(tmp_path / "b.xlsx", {
        "Customers": CUSTOMERS, "Invoices": INVOICES, "Payments": payments,
        "Bank Statement": pd.DataFrame(statement, columns=["Date", "Description", "Amount"])})
    out = tmp_path / "o.xlsx"
    assert main(["reconcile", str(book), "-o", str(out)]) == 0
    matches = pd.read_excel(out, sheet_name="Bank Matches", dtype={"Bank Line": str})
    return out, matches


def _rows(matches):
    return list(zip(matches["Bank Line"], matches["Invoice No"], matches["Customer ID"],
                    matches["Applied Amount"], matches["Method"], matches["Status"], strict=True))


def test_the_days_cheques_on_one_slip_are_the_credit(tmp_path):
    out, m = _reconcile(tmp_path, _cheques(), [("06/11/2026", "CHEQUE DEPOSIT SLIP 4471 - 3 CHQS",
                                                17750.0)])
    assert _rows(m) == [("1", "INV-10001", "C1", 10000.0, "recorded", "Matched"),
                        ("1", "INV-10002", "C2", 5500.0, "recorded", "Matched"),
                        ("1", "INV-10003", "C3", 2250.0, "recorded", "Matched")]
    assert m["Reason"].iloc[0].startswith(
        "a deposit of 3 receipts recorded in Payments on 2026-11-05 (RC-1, RC-2, RC-3)")
    # INV-10004, of the same amount, is not offered; nothing is left unbanked or unmatched
    assert pd.read_excel(out, sheet_name="Unmatched Bank").empty
    assert pd.read_excel(out, sheet_name="Unbanked Receipts").empty
    s = pd.read_excel(out, sheet_name="Reconciliation").set_index("Item")
    assert s.at["Recorded in the books and in the bank", "Amount"] == 17750.0


def test_arabic_deposit_words_and_digits(tmp_path):
    _, m = _reconcile(tmp_path, _cheques(("شيك",) * 3),
                      [("06/11/2026", "إيداع شيكات حافظة رقم ٤٤٧١", 17750.0)])
    assert m["Status"].tolist() == ["Matched"] * 3
    assert m["Applied Amount"].sum() == 17750.0


def test_a_credit_that_does_not_say_deposit_is_only_suggested(tmp_path):
    _, m = _reconcile(tmp_path, _cheques(), [("06/11/2026", "INWARD TRANSFER", 17750.0)])
    assert [r[4:] for r in _rows(m)] == [("recorded", "Suggested")] * 3
    assert m["Reason"].iloc[0].endswith("nothing on the line says it is a deposit: check the slip")


def test_the_cheques_of_a_day_whose_cash_is_banked_apart(tmp_path):
    payments = _cheques(("Cheque", "Cheque", "Cash"))
    _, m = _reconcile(tmp_path, payments, [("06/11/2026", "CLEARING CHQS", 15500.0)])
    assert _rows(m) == [("1", "INV-10001", "C1", 10000.0, "recorded", "Matched"),
                        ("1", "INV-10002", "C2", 5500.0, "recorded", "Matched")]
    assert "all the cheque receipts of that day" in m["Reason"].iloc[0]


def test_part_of_a_days_cheques_is_not_guessed(tmp_path):
    # two of the three cheques deposited: a subset of a day's receipts is no evidence
    _, m = _reconcile(tmp_path, _cheques(), [("06/11/2026", "CHEQUE DEPOSIT", 15500.0)])
    assert "recorded" not in m["Method"].tolist()


def test_two_credits_of_the_deposits_total_are_left_to_a_person(tmp_path):
    _, m = _reconcile(tmp_path, _cheques(), [("06/11/2026", "CHEQUE DEPOSIT", 17750.0),
                                             ("07/11/2026", "CHEQUE DEPOSIT", 17750.0)])
    assert "recorded" not in m["Method"].tolist()


def test_a_credit_naming_another_invoice_is_only_suggested(tmp_path):
    _, m = _reconcile(tmp_path, _cheques(), [("06/11/2026", "CHQ DEPOSIT INV-10004", 17750.0)])
    assert set(m["Status"]) == {"Suggested"}


def test_the_reason_in_arabic():
    reason = ("a deposit of 2 receipts recorded in Payments on 2026-11-05 (RC-1, RC-2): all the "
              "cheque receipts of that day still unpaired, their total the credit; already in "
              "the books, not applied again; nothing on the line says it is a deposit: check the "
              "slip")
    assert arabic_reason(reason) == (
        "إيداع 2 تحصيلات مسجلة في التحصيلات بتاريخ 2026-11-05 (RC-1, RC-2): كل تحصيلات (cheque) "
        "ذلك اليوم غير المطابقة، ومجموعها مبلغ الإيداع؛ مسجل بالدفاتر بالفعل، لا يُطبق مرة أخرى؛ "
        "لا شيء في السطر يدل على أنه إيداع: راجع حافظة الإيداع")


@settings(max_examples=200, deadline=None)
@given(receipts=st.lists(st.tuples(st.integers(0, 6), st.sampled_from([None, "CASH", "CHQ"]),
                                   st.integers(1, 40)), max_size=10),
       lines=st.lists(st.tuples(st.integers(0, 9), st.integers(1, 200)), max_size=6))
def test_each_receipt_and_credit_at_most_once_and_the_totals_agree(receipts, lines):
    amounts = {k: a for k, (_, _, a) in enumerate(receipts)}
    credits = [(pos, amount, day, 1) for pos, (day, amount) in enumerate(lines)]
    found = pair_deposits(credits, [(k, d, m) for k, (d, m, _) in enumerate(receipts)],
                          lambda i, g: amounts[i], (3, 7), lambda pos: True,
                          lambda pos, members: False)
    used = [i for d in found for i in d.receipts]
    assert len(used) == len(set(used))
    assert len({d.line for d in found}) == len(found)
    for d in found:
        assert len(d.receipts) >= 2
        assert sum(amounts[i] for i in d.receipts) == credits[d.line][1]
        assert {receipts[i][0] for i in d.receipts} == {d.day}
        assert -3 <= credits[d.line][2] - d.day <= 7
