"""The statement model's rules: the decimals a bank line keeps, the columns it carries."""

from __future__ import annotations

import numpy as np

from ar_excel.bank.statement import round_money, statement_decimals
from ar_excel.core.money import decimals_of


def test_a_bank_line_keeps_cents_even_in_a_currency_without_a_minor_unit():
    # the books round yen to whole units; a statement line is kept to the cent as printed
    assert [statement_decimals(c) for c in ("JPY", "EGP", "KWD", "BHD", None)] == [2, 2, 3, 3, 2]
    assert [decimals_of(c) for c in ("JPY", "EGP", "KWD")] == [0, 2, 3]
    amounts = round_money(np.array([1234.567, 1234.5678, 99.999]), ["JPY", "KWD", "EGP"])
    assert amounts.tolist() == [1234.57, 1234.568, 100.0]


def test_a_damaged_camt_date_is_reported_not_read_as_a_time_with_a_zone(tmp_path):
    from ar_excel.bank import read_statement

    entry = ('<Ntry><Amt Ccy="EUR">{amt}</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts>BOOK</Sts>'
             '<BookgDt><Dt>{booked}</Dt></BookgDt><ValDt><Dt>2026-11-30</Dt></ValDt></Ntry>')
    xml = ('<?xml version="1.0"?><Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02">'
           '<BkToCstmrStmt><Stmt><Id>S1</Id><Acct><Id><IBAN>DE44500400000123456700</IBAN></Id>'
           '</Acct>' + entry.format(amt="10.00", booked="2026-1:1-30")  # pandas: a zone
           + entry.format(amt="20.00", booked="2026-02-30")  # no such day
           + entry.format(amt="30.00", booked="2026-11-29") + '</Stmt></BkToCstmrStmt></Document>')
    path = tmp_path / "d.xml"
    path.write_text(xml)
    stmt = read_statement(path)
    assert stmt.lines["Amount"].tolist() == [10.0, 20.0, 30.0]
    assert stmt.lines["Date"].astype(str).tolist() == ["2026-11-30", "2026-11-30", "2026-11-29"]
    assert [(i.cell, i.column) for i in stmt.issues] == [("entry 1", "BookgDt"),
                                                         ("entry 2", "BookgDt")]
