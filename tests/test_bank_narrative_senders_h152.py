"""The payer a money-in narrative names without a label's colon: ENBD's 'INWARD TT FROM AL
NOOR TRADING LLC' gave no Counterparty (FROM was read as a label only as 'FROM:'). The name
after FROM / BY / من in a transfer or deposit phrase is read, up to a label, a number or a
word of what was paid; never a debit's (its TO, or FROM on money out), never one word, the
account holder or a bank: a wrong counterparty is worse than none."""

from __future__ import annotations

from pathlib import Path

import pytest

from ar_excel.bank import read_statement
from ar_excel.bank.narrative import parse_narrative


@pytest.mark.parametrize(("text", "name"), [
    ("INWARD TT FROM AL NOOR TRADING LLC", "AL NOOR TRADING LLC"),
    ("INWARD TRANSFER 2692181580918 FROM SINAI PLASTIC INDUSTRIES", "SINAI PLASTIC INDUSTRIES"),
    ("SARIE IN 414393793488 FROM ELEZZIMP&EXP L.L.C. ON ACC INV NO 1433", "ELEZZIMP&EXP L.L.C."),
    ("TRANSFER FROM GULF STAR TRADING INV-2026-1001", "GULF STAR TRADING"),
    ("PAYMENT FROM DELTA FOODS CO REF: 77", "DELTA FOODS CO"),
    ("CASH DEP BY MOHAMED AHMED", "MOHAMED AHMED"),
    ("INWARD TT BY ORDER OF ABC TRADING LLC P.O. BOX 1234 DUBAI", "ABC TRADING LLC"),
    ("REF: INV-2026-4001 محول من دوحة للخدمات البحرية", "دوحة للخدمات البحرية"),
    ("حوالة واردة من شركة الدلتا للتجارة فاتورة رقم 3002", "شركة الدلتا للتجارة"),
    # no payer named for sure
    ("INWARD TT FROM ACME", None),  # one word
    ("TRANSFER FROM OUR ACCOUNT 1234", None),  # the holder
    ("INWARD TT FROM EMIRATES NBD", None),  # a bank
    ("INVOICES FROM 1001 TO 1004", None),
    ("FROM AL NOOR TRADING", None),  # no transfer or deposit phrase
    ("OUTWARD TT TO GULF STAR TRADING LLC", None),  # a debit's TO
    ("OUTWARD TT TO X LLC FROM AL FAHIM GROUP", None),
    ("تحويل من حساب 1234", None),
])
def test_sender_after_from_by_or_min(text: str, name: str | None) -> None:
    assert parse_narrative(text).counterparty == name


def test_enbd_mt940_credit_names_its_sender_a_debit_none(tmp_path: Path) -> None:
    text = "\n".join([
        ":20:ENBD261120", ":25:AE070260001015123456701", ":28C:320/1",
        ":60F:C261119AED1000,00",
        ":61:2611201120C8400,00NTRFNONREF//TT26324001",
        ":86:INWARD TT FROM AL NOOR TRADING LLC",
        ":61:2611201120D500,00NTRFNONREF//TT26324002",
        ":86:TRANSFER FROM AL FAHIM GROUP LLC",  # money out: no payer
        ":62F:C261120AED8900,00", "-", ""])
    path = tmp_path / "enbd.sta"
    path.write_text(text, encoding="utf-8")
    lines = read_statement(path).lines
    assert lines["Counterparty"].tolist() == ["AL NOOR TRADING LLC", None]
    assert lines["Description"].tolist() == ["INWARD TT FROM AL NOOR TRADING LLC",
                                             "TRANSFER FROM AL FAHIM GROUP LLC"]
