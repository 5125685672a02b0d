"""Structured statements as some Gulf banks' converters write them, off the standard: an OFX
whose DTPOSTED is an ISO 8601 timestamp ("2026-11-03T23:30:00+03:00", dashes and all) instead
of OFX's "20261103233000[+3:AST]"."""

from __future__ import annotations

from pathlib import Path

from ar_excel.bank import read_statement


def test_ofx_iso_8601_posting_dates_are_read_as_the_day_written(tmp_path: Path) -> None:
    path = tmp_path / "st.ofx"
    path.write_text(
        "OFXHEADER:100\nDATA:OFXSGML\nVERSION:102\n\n<OFX><BANKMSGSRSV1><STMTTRNRS><STMTRS>"
        "<CURDEF>SAR<BANKACCTFROM><BANKID>X<ACCTID>0012345678001<ACCTTYPE>CHECKING"
        "</BANKACCTFROM><BANKTRANLIST>\n"
        "<STMTTRN><TRNTYPE>CREDIT<DTPOSTED>2026-11-03T23:30:00+03:00<TRNAMT>9800.00"
        "<FITID>SB1<NAME>TABUK AGRI CO<MEMO>INV-8801</STMTTRN>\n"
        "<STMTTRN><TRNTYPE>DEBIT<DTPOSTED>2026-11-05<TRNAMT>-120.00<FITID>SB2"
        "<NAME>SABB<MEMO>CARD FEE</STMTTRN>\n"
        "</BANKTRANLIST><LEDGERBAL><BALAMT>9680.00<DTASOF>2026-11-30T00:00:00</LEDGERBAL>"
        "</STMTRS></STMTTRNRS></BANKMSGSRSV1></OFX>\n", encoding="ascii")
    st = read_statement(path)
    assert st.lines["Amount"].tolist() == [9800.0, -120.0]
    assert st.lines["Date"].dt.strftime("%Y-%m-%d").tolist() == ["2026-11-03", "2026-11-05"]
    assert st.lines["Currency"].tolist() == ["SAR", "SAR"]
    assert st.balances[0].closing == 9680.0
    assert st.balances[0].closing_date == st.lines["Date"].iloc[0].replace(day=30)
    assert st.issues == []
