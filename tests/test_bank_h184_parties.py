"""Bank import leftovers of earlier rounds (helper-184): whose name a line carries where the
bank names the payee too, and a batch entry kept whole."""

from __future__ import annotations

from pathlib import Path

from ar_excel.bank import read_statement

HEAD = """<?xml version="1.0" encoding="UTF-8"?>
<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02">
<BkToCstmrStmt><GrpHdr><MsgId>M1</MsgId><CreDtTm>2026-11-30T18:00:00</CreDtTm></GrpHdr>
<Stmt><Id>S1</Id><CreDtTm>2026-11-30T18:00:00</CreDtTm>
<Acct><Id><IBAN>AE070331234567890123456</IBAN></Id><Ccy>AED</Ccy></Acct>
"""
TAIL = "</Stmt></BkToCstmrStmt></Document>\n"


def _batch(entry_words: str, *parties: tuple[str, str]) -> str:
    """One credit entry of 3,000.00 whose transactions state no amounts of their own."""
    txs = "".join(
        f"<TxDtls><RltdPties><Dbtr><Nm>{name}</Nm></Dbtr><DbtrAcct><Id><IBAN>{iban}</IBAN>"
        f"</Id></DbtrAcct></RltdPties><RmtInf><Ustrd>INV 2026-{130 + i}</Ustrd></RmtInf>"
        "</TxDtls>" for i, (name, iban) in enumerate(parties))
    return ('<Ntry><Amt Ccy="AED">3000.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts>BOOK</Sts>'
            "<BookgDt><Dt>2026-11-06</Dt></BookgDt><AcctSvcrRef>FT1</AcctSvcrRef>"
            f"<AddtlNtryInf>{entry_words}</AddtlNtryInf><NtryDtls>{txs}</NtryDtls></Ntry>")


def _line(tmp_path: Path, entry: str) -> dict:
    path = tmp_path / "batch.xml"
    path.write_text(HEAD + entry + TAIL, encoding="utf-8")
    st = read_statement(path)
    assert len(st.lines) == 1
    return st.lines.iloc[0].to_dict()


NILE = ("NILE FOODS CO", "AE460260001015555555501")
DELTA = ("DELTA TRADING LLC", "AE070331234567890123456")


def test_batch_kept_whole_names_the_one_payer_of_its_transactions(tmp_path: Path) -> None:
    # a customer's two invoices in one transfer, the transactions' amounts not stated: the
    # line is kept whole, and its payer is the one both transactions name
    line = _line(tmp_path, _batch("INWARD TT FROM NILE FOODS CO", NILE, NILE))
    assert (line["Amount"], line["Counterparty"], line["Counterparty Account"]) == (
        3000.0, "NILE FOODS CO", "AE460260001015555555501")
    line = _line(tmp_path, _batch("BULK CREDIT", NILE, NILE))
    assert line["Counterparty"] == "NILE FOODS CO"
    # two payers: none of them is the line's
    line = _line(tmp_path, _batch("INWARD TT FROM NILE FOODS CO", NILE, DELTA))
    assert (line["Counterparty"], line["Counterparty Account"]) == (None, None)
    # the entry's words name another payer than the transactions do: none
    line = _line(tmp_path, _batch("INWARD TT FROM DELTA TRADING LLC", NILE, NILE))
    assert line["Counterparty"] is None


def test_beguenstigter_on_a_credit_is_the_holder_in_mt940(tmp_path: Path) -> None:
    """A German free-text :86: naming the payee (BEGUENSTIGTER:): on a credit it is the account
    holder, never the payer; on a debit it is the one paid. Only camt knew it."""
    text = "\r\n".join([
        ":20:STARTUMS", ":25:10020030/1234567890", ":28C:00001/001", ":60F:C261111EUR1000,00",
        ":61:2611121112C500,00NTRFNONREF",
        ":86:GUTSCHRIFT BEGUENSTIGTER: OUR COMPANY GMBH RE 4711",
        ":61:2611121112C300,00NTRFNONREF",
        ":86:GUTSCHRIFT BEGUENSTIGTER: OUR COMPANY GMBH AUFTRAGGEBER: MUELLER GMBH",
        ":61:2611121112C250,00NTRFNONREF",
        ":86:INWARD TT FROM GULF STAR TRADING LLC BENEFICIARY: OUR COMPANY GMBH",
        ":61:2611121112D200,00NTRFNONREF",
        ":86:UEBERWEISUNG AUFTRAGGEBER: OUR COMPANY GMBH BEGUENSTIGTER: SCHMIDT AG",
        ":62F:C261112EUR1850,00", ""])
    path = tmp_path / "de.sta"
    path.write_text(text, encoding="latin-1")
    st = read_statement(path)
    assert st.lines["Amount"].tolist() == [500.0, 300.0, 250.0, -200.0]
    assert st.lines["Counterparty"].tolist() == [None, "MUELLER GMBH", "GULF STAR TRADING LLC",
                                                 "SCHMIDT AG"]

