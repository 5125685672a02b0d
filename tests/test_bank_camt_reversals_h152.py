"""camt.053 reversals that bring money in (CRDT + RvslInd): a payment of ours that came back
(a supplier transfer returned). No customer paid it, so it never settles an invoice, even
where its amount is an open invoice's and the party it names is a customer too; it lands in
Unmatched Bank as 'not a customer receipt (refund)'. Before, it was read as an ordinary
credit and Matched. A customer's credit reversed (DBIT + RvslInd) still undoes that credit."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pandas as pd
import python_calamine as pc

from ar_excel.bank import read_statement
from ar_excel.cli import main
from tests._workbooks import save_workbook

CAMT = """<?xml version="1.0" encoding="UTF-8"?>
<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.08"><BkToCstmrStmt>
<GrpHdr><MsgId>M1</MsgId><CreDtTm>2026-11-18T06:00:00</CreDtTm></GrpHdr>
<Stmt><Id>S1</Id><Acct><Id><IBAN>AE180260001012345678901</IBAN></Id><Ccy>AED</Ccy>
<Ownr><Nm>Our Company FZE</Nm></Ownr></Acct>
<Bal><Tp><CdOrPrtry><Cd>OPBD</Cd></CdOrPrtry></Tp><Amt Ccy="AED">1000.00</Amt>
<CdtDbtInd>CRDT</CdtDbtInd><Dt><Dt>2026-11-16</Dt></Dt></Bal>
<Bal><Tp><CdOrPrtry><Cd>CLBD</Cd></CdOrPrtry></Tp><Amt Ccy="AED">5650.00</Amt>
<CdtDbtInd>CRDT</CdtDbtInd><Dt><Dt>2026-11-18</Dt></Dt></Bal>
<Ntry><Amt Ccy="AED">3700.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><RvslInd>true</RvslInd>
<Sts><Cd>BOOK</Cd></Sts><BookgDt><Dt>2026-11-17</Dt></BookgDt><AcctSvcrRef>R1</AcctSvcrRef>
<NtryDtls><TxDtls><RltdPties><Dbtr><Pty><Nm>OUR COMPANY FZE</Nm></Pty></Dbtr>
<DbtrAcct><Id><IBAN>AE180260001012345678901</IBAN></Id></DbtrAcct>
<Cdtr><Pty><Nm>GULF MARINE SERVICES LLC</Nm></Pty></Cdtr>
<CdtrAcct><Id><IBAN>AE550330000012345678902</IBAN></Id></CdtrAcct></RltdPties>
<RmtInf><Ustrd>TRANSFER GULF MARINE SERVICES</Ustrd></RmtInf></TxDtls></NtryDtls></Ntry>
<Ntry><Amt Ccy="AED">950.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><RvslInd>true</RvslInd>
<Sts><Cd>BOOK</Cd></Sts><BookgDt><Dt>2026-11-17</Dt></BookgDt><AcctSvcrRef>R2</AcctSvcrRef>
<AddtlNtryInf>TT 5521</AddtlNtryInf></Ntry>
<Ntry><Amt Ccy="AED">500.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts><Cd>BOOK</Cd></Sts>
<BookgDt><Dt>2026-11-17</Dt></BookgDt><AcctSvcrRef>C1</AcctSvcrRef>
<NtryDtls><TxDtls><RltdPties><Dbtr><Pty><Nm>AL NOOR TRADING LLC</Nm></Pty></Dbtr></RltdPties>
<RmtInf><Ustrd>CHEQUE 000877 INV-2026-4002</Ustrd></RmtInf></TxDtls></NtryDtls></Ntry>
<Ntry><Amt Ccy="AED">500.00</Amt><CdtDbtInd>DBIT</CdtDbtInd><RvslInd>true</RvslInd>
<Sts><Cd>BOOK</Cd></Sts><BookgDt><Dt>2026-11-18</Dt></BookgDt><AcctSvcrRef>C2</AcctSvcrRef>
<NtryDtls><TxDtls><RltdPties><Dbtr><Pty><Nm>AL NOOR TRADING LLC</Nm></Pty></Dbtr>
<Cdtr><Pty><Nm>OUR COMPANY FZE</Nm></Pty></Cdtr></RltdPties>
<RmtInf><Ustrd>CHEQUE 000877</Ustrd></RmtInf></TxDtls></NtryDtls></Ntry>
</Stmt></BkToCstmrStmt></Document>
"""


def _book(path: Path) -> Path:
    sheets = {
        "Customers": [["Customer ID", "Name", "Currency"],
                      ["C-GMS", "Gulf Marine Services LLC", "AED"],
                      ["C-ANT", "Al Noor Trading LLC", "AED"],
                      ["C-DEL", "Delta Foods", "AED"]],
        "Invoices": [["Invoice No", "Customer ID", "Invoice Date", "Amount"],
                     ["INV-2026-4001", "C-GMS", pd.Timestamp("2026-10-20").to_pydatetime(), 3700.0],
                     ["INV-2026-4002", "C-ANT", pd.Timestamp("2026-10-21").to_pydatetime(), 500.0],
                     ["INV-2026-4003", "C-DEL", pd.Timestamp("2026-10-22").to_pydatetime(), 950.0]],
        "Payments": [["Payment ID", "Customer ID", "Date", "Amount", "Invoice No"]],
    }
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    for name, rows in sheets.items():
        ws = wb.create_sheet(name)
        for row in rows:
            ws.append(row)
    save_workbook(wb, path)
    return path


def _tab(path: Path, name: str) -> list[dict]:
    rows = pc.CalamineWorkbook.from_path(str(path)).get_sheet_by_name(name).to_python()
    h = next(i for i, r in enumerate(rows) if r and r[0] == "Bank Line")
    return [dict(zip(rows[h], r, strict=False)) for r in rows[h + 1:] if r and r[0] != ""]


def test_reversal_bringing_money_in_says_so_in_its_narrative(tmp_path: Path) -> None:
    path = tmp_path / "s.xml"
    path.write_text(CAMT, encoding="utf-8")
    st = read_statement(path)
    lines = st.lines
    assert st.balances[0].difference == 0.0 and not st.issues  # ties out as ISO reads it
    assert lines["Amount"].tolist() == [3700.0, 950.0, 500.0, -500.0]
    assert lines["Description"].tolist() == [
        "TRANSFER GULF MARINE SERVICES Reversal of a payment out (RvslInd)",
        "TT 5521 Reversal of a payment out (RvslInd)",
        "CHEQUE 000877 INV-2026-4002", "CHEQUE 000877"]  # money out: as the bank wrote it
    assert lines["Counterparty"].tolist()[0] == "GULF MARINE SERVICES LLC"


def test_returned_payment_of_ours_is_never_matched(tmp_path: Path) -> None:
    book = _book(tmp_path / "book.xlsx")
    path = tmp_path / "s.xml"
    path.write_text(CAMT, encoding="utf-8")
    out = tmp_path / "out.xlsx"
    assert main(["reconcile", str(book), "--bank", str(path), "-o", str(out)]) == 0
    # nothing Matched or Suggested: the two returns are ours, the cheque was returned unpaid
    assert _tab(out, "Bank Matches") == []
    unmatched = {r["Bank Line"]: (r["Unallocated Amount"], r["Reason"])
                 for r in _tab(out, "Unmatched Bank")}
    assert unmatched["R1"] == (3700.0, "not a customer receipt (refund)")
    assert unmatched["R2"] == (950.0, "not a customer receipt (refund)")
    assert unmatched["C1"][0] == 500.0
    assert unmatched["C1"][1].startswith("reversed by bank line C2")
