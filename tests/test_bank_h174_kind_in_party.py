"""The kind of the line written where the other party's name goes (helper-174,
``party_words``): a QIF payee "INWARD REMITTANCE" or "TRANSFER", a portal's
Remitter/Beneficiary column "CASH DEPOSIT", "ايداع نقدي", "رسوم": they were each line's
Counterparty, a payer named by the bank's words. Now no one is named, and the words stay in
the narrative."""

from __future__ import annotations

from pathlib import Path

from ar_excel.bank import read_statement


def test_qif_payee_of_bank_words_is_no_counterparty(tmp_path: Path) -> None:
    path = tmp_path / "kind.qif"
    path.write_text("!Type:Bank\nD03/11/2026\nT5,250.00\nPINWARD REMITTANCE\nMINV-1001 GULF STAR\n^\n"
                    "D04/11/2026\nT1,200.00\nPTRANSFER\n^\nD05/11/2026\nT-85.50\nPPOS PURCHASE\n^\n"
                    "D25/11/2026\nT900.00\nPFALCON TRADING LLC\n^\n", encoding="ascii")
    lines = read_statement(path).lines
    assert lines["Counterparty"].tolist() == [None, None, None, "FALCON TRADING LLC"]
    assert lines["Description"].tolist() == ["INWARD REMITTANCE INV-1001 GULF STAR", "TRANSFER",
                                             "POS PURCHASE", "FALCON TRADING LLC"]


def test_party_column_holding_the_kind_of_line(tmp_path: Path) -> None:
    path = tmp_path / "portal.csv"
    path.write_text(
        "Date,Remitter / Beneficiary,Details,Debit,Credit,Balance\n"
        "01/11/2026,CASH DEPOSIT,BRANCH 012,,\"3,000.00\",\"13,000.00\"\n"
        "02/11/2026,ايداع نقدي,فرع المعادي,,500.00,\"13,500.00\"\n"
        "03/11/2026,رسوم,عمولة تحويل,25.00,,\"13,475.00\"\n"
        "04/11/2026,GULF STAR TRADING LLC,INV-2026-1004,,\"5,250.00\",\"18,725.00\"\n"
        "05/11/2026,شركة النيل للأدوية,سداد فاتورة INV-2026-1001,,\"15,250.00\",\"33,975.00\"\n",
        encoding="utf-8")
    st = read_statement(path)
    lines = st.lines
    assert lines["Amount"].tolist() == [3000.0, 500.0, -25.0, 5250.0, 15250.0]
    assert lines["Counterparty"].tolist() == [None, None, None, "GULF STAR TRADING LLC",
                                              "شركة النيل للأدوية"]
    assert lines["Description"].tolist() == [
        "CASH DEPOSIT BRANCH 012", "ايداع نقدي فرع المعادي", "رسوم عمولة تحويل",
        "INV-2026-1004", "سداد فاتورة INV-2026-1001"]
