"""An MT940 from a Gulf bank (QNB, ADCB) whose :86: opens with the bank's own words for the
transaction in a /NARR/ sub-field, before the SWIFT ones: /ORDP/ the payer, /REMI/ the
remittance words, /BENM/ the account holder. Worked out by hand: AL MANA TRADING WLL paid
18,500.00 for 'INV 26-0451 AND 26-0460'; GULF HORIZON CONTRACTING 7,250.00 'PAYMENT'; the
charge of 35.00 reads 'TRANSFER CHARGES'. Before: /NARR/ was no sub-field read, so the whole
:86: was the description ('/NARR/INWARD TRANSFER/ORDP/AL MANA TRADING WLL/REMI/...') and no
line had its counterparty."""

from __future__ import annotations

from ar_excel.bank import read_statement

MT940 = [
    ":20:QNB261130", ":25:QNBAQAQA/0123456789001", ":28C:00330/001", ":60F:C261101QAR50000,00",
    ":61:2611031103C18500,00NTRFFT26307123//QNB26307123",
    ":86:/NARR/INWARD TRANSFER/ORDP/AL MANA TRADING WLL/REMI/INV 26-0451 AND",
    "26-0460/BENM/DOHA STEEL SUPPLIES",
    ":61:2611081108C7250,00NTRFFT26312001//QNB26312001",
    ":86:/NARR/INWARD TRF-LOCAL/ORDP/GULF HORIZON CONTRACTING/ADDR/DOHA QATAR/REMI/PAYMENT",
    ":61:2611091109D35,00NCHGNONREF//QNB26313009", ":86:/NARR/TRANSFER CHARGES",
    ":62F:C261130QAR75715,00", "-"]


def test_narr_before_the_swift_sub_fields(tmp_path):
    path = tmp_path / "qnb.sta"
    path.write_text("\r\n".join(MT940) + "\r\n", encoding="ascii")
    stmt = read_statement(path)
    lines = stmt.lines
    assert lines["Amount"].tolist() == [18500.0, 7250.0, -35.0]
    assert lines["Description"].tolist() == [
        "INV 26-0451 AND 26-0460 (INWARD TRANSFER)", "PAYMENT (INWARD TRF-LOCAL)",
        "TRANSFER CHARGES"]
    assert lines["Counterparty"].tolist()[:2] == ["AL MANA TRADING WLL",
                                                  "GULF HORIZON CONTRACTING"]
    assert stmt.balances[0].difference == 0.0
