"""An MT940 :86: opening with the bank's words in /NARR/ (QNB, ADCB) and naming the invoice in
a sub-field this reader does not take apart (/RFB/, /URI/) or after the payer's name, with no
/REMI/: 'INV 26-0451' is the only reference the line carries. Worked out by hand: the payer is
AL MANA TRADING WLL, and the description keeps the invoice number (the whole :86:, as before
/NARR/ was read). Before: the description was the /NARR/ words alone ('INWARD TRANSFER'), the
number lost, and the receipt could not be matched by it. A /NARR/ alone is still its words."""

from __future__ import annotations

import pytest

from ar_excel.bank import read_statement


def _read(tmp_path, n86: str):
    mt940 = [":20:QNB261130", ":25:QNBAQAQA/0123456789001", ":28C:00330/001",
             ":60F:C261101QAR50000,00", ":61:2611031103C18500,00NTRFFT26307123//QNB26307123",
             n86, ":62F:C261130QAR68500,00", "-"]
    path = tmp_path / "qnb.sta"
    path.write_text("\r\n".join(mt940) + "\r\n", encoding="ascii")
    return read_statement(path).lines


@pytest.mark.parametrize("n86", [
    ":86:/NARR/INWARD TRANSFER/ORDP/AL MANA TRADING WLL/RFB/INV 26-0451",
    ":86:/NARR/INWARD TRANSFER/ORDP/AL MANA TRADING WLL/URI/INV 26-0451/BENM/DOHA STEEL",
])
def test_the_invoice_in_a_sub_field_not_read_stays_in_the_description(tmp_path, n86):
    lines = _read(tmp_path, n86)
    assert lines["Description"].tolist() == [n86[4:]]
    assert lines["Counterparty"].tolist() == ["AL MANA TRADING WLL"]


def test_narr_alone_is_its_words(tmp_path):
    lines = _read(tmp_path, ":86:/NARR/INWARD TRANSFER INV 26-0451")
    assert lines["Description"].tolist() == ["INWARD TRANSFER INV 26-0451"]
