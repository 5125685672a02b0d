"""camt.053 batch entries as Saudi and Kuwaiti banks book SARIE / KNET collections: one Ntry
with the batch's total, its TxDtls each a payer. Where the transactions do not each state
their amount, or are in dinars to the fils, the note says so in the clerk's terms."""

from __future__ import annotations

from pathlib import Path

from ar_excel.bank import read_statement

_HEAD = ('<?xml version="1.0" encoding="UTF-8"?><Document xmlns="urn:iso:std:iso:20022:tech:'
         'xsd:camt.053.001.02"><BkToCstmrStmt><GrpHdr><MsgId>M</MsgId><CreDtTm>2026-11-30T20:00'
         ':00</CreDtTm></GrpHdr><Stmt><Id>S1</Id><Acct><Id><IBAN>{iban}</IBAN></Id><Ccy>{ccy}'
         '</Ccy></Acct>')
_TAIL = "</Stmt></BkToCstmrStmt></Document>"


def _tx(ref: str, payer: str, amount: str | None, ccy: str) -> str:
    amt = (f'<AmtDtls><TxAmt><Amt Ccy="{ccy}">{amount}</Amt></TxAmt></AmtDtls>'
           if amount else "")
    return (f"<TxDtls><Refs><EndToEndId>{ref}</EndToEndId></Refs>{amt}<RltdPties><Dbtr><Nm>"
            f"{payer}</Nm></Dbtr></RltdPties><RmtInf><Ustrd>{ref}</Ustrd></RmtInf></TxDtls>")


def _entry(ref: str, amount: str, ccy: str, txs: str) -> str:
    return (f'<Ntry><Amt Ccy="{ccy}">{amount}</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts>BOOK</Sts>'
            f"<BookgDt><Dt>2026-11-05</Dt></BookgDt><AcctSvcrRef>{ref}</AcctSvcrRef>"
            f"<NtryDtls>{txs}</NtryDtls></Ntry>")


def test_a_batch_whose_transactions_state_no_amount_is_one_line_and_said(tmp_path: Path
                                                                        ) -> None:
    path = tmp_path / "sarie.xml"
    path.write_text(_HEAD.format(iban="SA4410000001234567890123", ccy="SAR") + _entry(
        "B1", "7000.00", "SAR", _tx("INV-1", "Payer One", None, "SAR")
        + _tx("INV-2", "Payer Two", None, "SAR")) + _TAIL, encoding="utf-8")
    st = read_statement(path)
    assert st.lines["Amount"].tolist() == [7000.0]
    assert st.lines["Reference"].tolist() == ["INV-1; INV-2"]
    [note] = [i.message for i in st.issues]
    assert note == ("statement S1: batch entry of 7,000.00 has 2 transactions, 2 of which "
                    "state no amount of their own (TxDtls/AmtDtls); kept as one line")


def test_a_dinar_batch_that_does_not_add_up_is_said_to_the_fils(tmp_path: Path) -> None:
    path = tmp_path / "knet.xml"
    path.write_text(_HEAD.format(iban="KW81CBKU0000000000001234560101", ccy="KWD") + _entry(
        "K1", "1250.375", "KWD", _tx("INV-7", "Al Shaya", "1000.125", "KWD")
        + _tx("INV-8", "Alghanim", "250.500", "KWD")) + _TAIL, encoding="utf-8")
    st = read_statement(path)
    assert st.lines["Amount"].tolist() == [1250.375]
    [note] = [i.message for i in st.issues]
    assert note == ("statement S1: batch entry of 1,250.375 has 2 transactions adding up to "
                    "1,250.625; kept as one line")
