"""Every real statement in ../shared/fixtures/bank imports: exact line counts, pinned tie-outs,
and specific lines checked field by field (amount, dates, counterparty, references)."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from ar_excel.bank import LINE_COLUMNS, detect_format, read_statement

# file -> (format, number of lines), counted by reading the files (one per :61:, camt TxDtls
# or Ntry without TxDtls, OFX STMTTRN, CSV data row)
EXPECTED = {
    "camt053/genkgo_v02_multi_statement.xml": ("camt053", 2),
    "camt053/ing_nl_v02_batch.xml": ("camt053", 3),
    "camt053/postfinance_ch_v04.xml": ("camt053", 32),
    "camt053/ubs_ch_v08.xml": ("camt053", 3),
    "camt053/vrbank_de_v02.xml": ("camt053", 5),
    "csv/gls_de_latin1.csv": ("csv", 1),
    "csv/n26_fr.csv": ("csv", 2),
    "csv/outbank_de.csv": ("csv", 4),
    "csv/schwab_us_checking.csv": ("csv", 4),
    "csv/ubs_ch_fr.csv": ("csv", 3),
    "mt940/abnamro_nl.sta": ("mt940", 10),
    "mt940/de_blz50880050_sepa.sta": ("mt940", 97),
    "mt940/deutsche_bank_de.sta": ("mt940", 2),
    "mt940/hsbc_hk.sta": ("mt940", 1),
    "mt940/ing_nl.sta": ("mt940", 21),
    "mt940/knab_nl_year_boundary.sta": ("mt940", 1),
    "mt940/komercijalna_mk.sta": ("mt940", 3),
    "mt940/kontist_de.sta": ("mt940", 6),
    "mt940/mbank_pl.sta": ("mt940", 3),
    "mt940/postfinance_ch.sta": ("mt940", 4),
    "mt940/rabobank_nl.sta": ("mt940", 12),
    "mt940/raiffeisen_hu_cp852.sta": ("mt940", 7),
    "mt940/sparkasse_de.sta": ("mt940", 10),
    "mt940/triodos_nl.sta": ("mt940", 4),
    "ofx/anz_au_cc_ofx203.ofx": ("ofx", 1),
    "ofx/bank_medium_ca_ofx102.ofx": ("ofx", 3),
    "ofx/checking_us_ofx102.ofx": ("ofx", 3),
    "ofx/suncorp_au_ofx200.ofx": ("ofx", 1),
}

# opening + credits - debits - closing per statement, as the files are. 0.0 = ties out to the
# cent; the others are trimmed or synthetic samples (see the fixtures' README) and must be
# reported, not hidden.
TIE_OUT = {
    "camt053/genkgo_v02_multi_statement.xml": [0.0, 0.0],
    "camt053/ing_nl_v02_batch.xml": [-12774.14],  # 3 of the 35 entries kept in the sample
    "camt053/postfinance_ch_v04.xml": [0.0],
    "camt053/ubs_ch_v08.xml": [-1251.02],
    "camt053/vrbank_de_v02.xml": [0.0],
    "mt940/abnamro_nl.sta": [-5.10, 8.00],
    "mt940/de_blz50880050_sepa.sta": [0.0] * 26,
    "mt940/deutsche_bank_de.sta": [-1.87],
    "mt940/hsbc_hk.sta": [-20000.0],
    "mt940/ing_nl.sta": [0.0],
    "mt940/knab_nl_year_boundary.sta": [0.0],
    "mt940/komercijalna_mk.sta": [0.0],
    "mt940/kontist_de.sta": [0.0],
    "mt940/mbank_pl.sta": [0.0],
    "mt940/postfinance_ch.sta": [0.0, -0.20],
    "mt940/rabobank_nl.sta": [345.16, 384.75],
    "mt940/raiffeisen_hu_cp852.sta": [-1123264.0],
    "mt940/sparkasse_de.sta": [0.0, 0.0, 0.0, 0.0],
    "mt940/triodos_nl.sta": [0.0],
}


BANK_FIXTURES = Path(__file__).resolve().parents[2] / "shared" / "fixtures" / "bank"


@pytest.fixture(scope="module")
def statements():
    if not BANK_FIXTURES.is_dir():
        pytest.skip(f"shared bank fixtures not found at {BANK_FIXTURES} (../shared is absent)")
    return {name: read_statement(BANK_FIXTURES / name) for name in EXPECTED}


def line(stmt, **where) -> pd.Series:
    frame = stmt.lines
    mask = pd.Series(True, index=frame.index)
    for col, value in where.items():
        mask &= frame[col.replace("_", " ")] == value
    found = frame[mask]
    assert len(found) == 1, f"{len(found)} lines match {where}"
    return found.iloc[0]


def test_every_fixture_is_listed(bank_fixtures: Path):
    on_disk = {str(p.relative_to(bank_fixtures)) for p in bank_fixtures.rglob("*")
               if p.is_file() and p.suffix != ".md"}
    assert on_disk == set(EXPECTED)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_fixture_imports_with_expected_lines(statements, name):
    fmt, count = EXPECTED[name]
    stmt = statements[name]
    assert stmt.source_format == fmt
    assert len(stmt.lines) == count
    assert list(stmt.lines.columns) == LINE_COLUMNS
    assert stmt.lines["Bank Line"].is_unique
    assert stmt.lines["Amount"].notna().all() and stmt.lines["Date"].notna().all()
    assert stmt.lines["Line No"].is_unique
    assert str(stmt.lines["Date"].dtype) == "datetime64[ns]"
    assert stmt.lines["Amount"].dtype == "float64"
    assert all(c is None or (c.isupper() and len(c) == 3) for c in stmt.lines["Currency"])


@pytest.mark.parametrize("name", sorted(TIE_OUT))
def test_stated_balances_tie_out_or_are_reported(statements, name):
    stmt = statements[name]
    assert [b.difference for b in stmt.balances] == pytest.approx(TIE_OUT[name], abs=0.001)
    for bal in stmt.balances:
        assert round(bal.opening + bal.credits - bal.debits - bal.difference, 2) == pytest.approx(
            bal.closing, abs=0.001)
        assert bal.lines == (stmt.lines["Statement"] == bal.statement).sum()
    reported = [i for i in stmt.issues if i.column == "Balance"]
    assert len(reported) == sum(1 for d in TIE_OUT[name] if abs(d) >= 0.005)


def test_format_detected_from_content_not_extension(bank_fixtures: Path, tmp_path: Path):
    for name, (fmt, count) in EXPECTED.items():
        data = (bank_fixtures / name).read_bytes()
        assert detect_format(data) == fmt
        renamed = tmp_path / f"{Path(name).stem}.txt"
        renamed.write_bytes(data)
        assert len(read_statement(renamed).lines) == count


# ---------------------------------------------------------------- MT940 lines

def test_mt940_funds_code_and_reversal_signs(statements):
    stmt = statements["mt940/de_blz50880050_sepa.sta"]
    amounts = stmt.lines["Amount"]
    assert (amounts > 0).sum() == 41 and (amounts < 0).sum() == 56  # 41 C; 2 RC + 54 D
    assert line(stmt, Bank_Ref="0724710345313905")["Amount"] == 300.00  # CR300, = credit, fund R
    storno = stmt.lines[stmt.lines["Description"].str.contains("STORNO", na=False)]
    assert storno["Amount"].tolist() == [-204.88, -204.88]  # RCR204,88: reversed credit
    assert len(stmt.balances) == 26 and stmt.balances[0].opening == -1234718.36  # a debit


def test_mt940_german_subfields(statements):
    stmt = statements["mt940/deutsche_bank_de.sta"]
    first = line(stmt, Bank_Ref="8848037917407749")
    assert first["Amount"] == 3.99
    assert first["Date"] == pd.Timestamp("2014-03-26") and first["Value Date"] == pd.Timestamp(
        "2014-03-25")
    assert first["Counterparty"] == "PETRA TESTER"
    assert first["Counterparty Account"] == "DE422938944551657098369"  # wrap split the IBAN
    assert first["Reference"] is None  # EREF+NOTPROVIDED, NONREF
    assert first["Description"].startswith("DE38XXZ76536723768 335?960.484.7561")  # ?96 is text
    second = line(stmt, Bank_Ref="96550046549608644")
    assert second["Reference"] == "15976; D979899680037A3DFA78E4?2A5315095381; 43478"
    assert second["Counterparty"] == "PETER TESTER"

    kontist = statements["mt940/kontist_de.sta"]
    inv = kontist.lines[kontist.lines["Amount"] == 95.95].iloc[0]
    assert inv["Description"] == "Rechnung-Nr.: INV-00002 v. 13.02.21"
    assert inv["Counterparty"] == "DM PUTZ + STUCK UG HAFTUNGSBESCHRANKT"
    assert kontist.lines.loc[kontist.lines["Amount"] == 250.0, "Counterparty"].item() == (
        "WCM UG HAFTUNGSBESCHRÄNKT")  # UTF-8 umlaut


def test_mt940_dutch_tags_joined_across_the_wrap(statements):
    triodos = statements["mt940/triodos_nl.sta"]
    second = line(triodos, Amount=3456.29)
    assert second["Description"] == "Factuurnummer 201801-001"  # //RE|MI/ and 201801-00|1
    assert second["Reference"] is None  # EREF NOTPROVIDED
    assert second["Counterparty"] == "G-AAAAA N.V."
    assert second["Counterparty Account"] == "NL21RABO0999999999"
    assert line(triodos, Amount=4383.23)["Reference"] == "7293-201801001"

    ing = statements["mt940/ing_nl.sta"]
    kpn = line(ing, Bank_Ref="12345678909876")
    assert kpn["Amount"] == -73.62 and kpn["Counterparty"] == "KPN - MOBIEL"
    assert kpn["Reference"] == "02164810730000043"
    assert kpn["Description"].startswith("Factuurnr: 2015/123456789.00.")
    assert line(ing, Bank_Ref="14237654096217")["Description"] == "22-08-2014 Omschrijving"

    rabo = statements["mt940/rabobank_nl.sta"]
    dln = line(rabo, Amount=1640.76)
    assert dln["Counterparty"] == "DLN CONSULTING"
    assert "factuurnummer 201303-128" in dln["Description"]
    assert dln["Counterparty Account"] == "0117888613"  # the second :61: line
    assert line(rabo, Amount=1923.90)["Reference"] == "1134027115"


def test_mt940_year_boundary_and_free_text(statements):
    knab = statements["mt940/knab_nl_year_boundary.sta"].lines.iloc[0]
    assert knab["Date"] == pd.Timestamp("2013-12-29")  # entry date 1229 is in 2013
    assert knab["Value Date"] == pd.Timestamp("2014-01-01")
    assert knab["Amount"] == 1000.0 and knab["Counterparty"] == "BEDRIJF VOF"
    assert knab["Counterparty Account"] == "NL26ABNA0999999999"
    assert knab["Bank Line"] == "ABC9886658908791"

    abn = statements["mt940/abnamro_nl.sta"]
    ideal = line(abn, Amount=4.0)
    assert ideal["Counterparty"] == "NS GROEP INZAKE NSR IDEA"
    assert ideal["Counterparty Account"] == "NL70ABNA0888888888"
    assert ideal["Reference"] == "26-01-2014 18:14 003000 0735822580"
    assert abn.lines["Bank Line"].tolist() == [str(i) for i in range(1, 11)]  # no bank refs

    post = statements["mt940/postfinance_ch.sta"]
    sonne = line(post, Amount=-79.9)
    assert sonne["Description"].endswith("MITTEILUNGEN: 1 SONNENGLAESER")  # full line: no space

    hsbc = statements["mt940/hsbc_hk.sta"].lines.iloc[0]
    assert hsbc["Amount"] == -20000.0 and hsbc["Currency"] == "HKD"  # DD = debit, funds D
    assert "PAYMENT OF INVOICES 204011665 20401 1687" in hsbc["Description"]
    assert "OSDR" not in hsbc["Description"]  # the statement-level :86: is not this line's


def test_mt940_encodings(statements):
    raif = statements["mt940/raiffeisen_hu_cp852.sta"]
    assert raif.encoding == "cp852"
    assert raif.lines.iloc[0]["Description"].startswith("Csoportos átutalás jóváírása")
    spk = statements["mt940/sparkasse_de.sta"]
    garbled = [i for i in spk.issues if "garbled" in i.message]
    assert len(garbled) == 1 and "MšLLER" in garbled[0].message
    assert len(spk.lines) == 10  # still imported, with the warning
    mbank = statements["mt940/mbank_pl.sta"]
    assert mbank.lines["Amount"].tolist() == [0.01, 0.01, 0.01]
    assert mbank.lines["Bank Line"].tolist() == ["MB170119012058", "MB170119012085",
                                                 "MB170119012121"]


def test_mt940_komercijalna_slash_lines(statements):
    stmt = statements["mt940/komercijalna_mk.sta"]
    credit = line(stmt, Amount=2250.0)
    assert credit["Counterparty"] == "IVOTEHNA DOOEL SKOPJE"
    assert credit["Counterparty Account"] == "300000000460495"
    assert "Uplata po faktura 747" in credit["Description"]
    assert credit["Bank Line"] == "25577226"


# ---------------------------------------------------------------- camt.053 lines

def test_camt_batch_split_with_isr_references(statements):
    stmt = statements["camt053/postfinance_ch_v04.xml"]
    batch = stmt.lines[stmt.lines["Description"].str.contains("PAKET ID: 160527CH000000RU",
                                                              na=False)]
    assert len(batch) == 10 and batch["Amount"].sum() == pytest.approx(1000.0)
    pia = line(stmt, Bank_Ref="160527CH00T3KWWA")
    assert pia["Amount"] == 50.0 and pia["Counterparty"] == "Rutschmann Pia"
    assert pia["Reference"] == "000000000002016030002820804"  # ISR reference
    assert pia["Date"] == pd.Timestamp("2016-05-27") and pia["Value Date"] == pd.Timestamp(
        "2016-05-30")
    refund = line(stmt, Bank_Ref="TST_205-28529-1")
    assert refund["Amount"] == -15.53  # DBIT + RvslInd: a refund, money out (ties out)
    # the returned direct debit names the customer who refused it (the reversal's debtor)
    assert refund["Counterparty"] == "Rutschmann Pia"
    assert refund["Counterparty Account"] == "CH4409000000495962779"


def test_camt_versions_and_directions(statements):
    ubs = statements["camt053/ubs_ch_v08.xml"]
    inv = line(ubs, Bank_Ref="9999181ZC0283079")
    assert inv["Amount"] == 474.4 and inv["Counterparty"] == "Jon Doe"  # Dbtr/Pty/Nm (v08)
    assert inv["Description"].startswith("INVOICE R77561")
    scor = line(ubs, Amount=88.85)
    assert scor["Reference"].split("; ")[0] == "RF38000000000000000000552"
    dhl = line(ubs, Amount=-20.97)
    assert dhl["Currency"] == "EUR" and dhl["Counterparty"] == "DHL Express (Schweiz) AG"
    assert dhl["Counterparty Account"] == "CH2222222222222222222"  # creditor for a debit
    assert dhl["Reference"].startswith("000000270148751802165444888")  # QR reference

    vr = statements["camt053/vrbank_de_v02.xml"]
    split = vr.lines[vr.lines["Bank Ref"] == "2013122711513230000"]
    assert split["Amount"].tolist() == [-3.5, -2.5]
    assert split["Bank Line"].tolist() == ["2013122711513230000", "2013122711513230000-2"]
    assert vr.balances[0].opening == 33.06  # PRCD when there is no OPBD
    nmsc = line(vr, Bank_Ref="2013122710583600000")
    assert nmsc["Reference"] is None  # EndToEndId NOTPROVIDED

    ing = statements["camt053/ing_nl_v02_batch.xml"]
    batch = line(ing, Amount=-4753.74)  # batch without TxDtls: one line
    assert batch["Bank Line"] == "68047a4871ab34285b5555555502010c"
    assert line(ing, Amount=2688.0)["Reference"] == "GBSXX21170607391766562"

    genkgo = statements["camt053/genkgo_v02_multi_statement.xml"]
    assert genkgo.lines["Statement"].tolist() == ["253EURNL26VAYB8060476890",
                                                  "254EURNL26VAYB8060476890"]
    assert genkgo.lines["Date"].tolist() == [pd.Timestamp("2014-12-31")] * 2
    assert genkgo.lines["Value Date"].tolist() == [pd.Timestamp("2015-01-02")] * 2


# ---------------------------------------------------------------- OFX and CSV lines

def test_ofx_local_dates_and_fields(statements):
    ca = statements["ofx/bank_medium_ca_ofx102.ofx"]
    first = ca.lines.iloc[0]
    assert first["Date"] == pd.Timestamp("2009-04-01")  # as written, [-5:EST] not shifted
    assert first["Currency"] == "CAD" and first["Amount"] == -6.60
    assert first["Bank Line"] == "0000123456782009040100001"
    assert first["Counterparty"] == "MCDONALD'S #112"
    assert first["Description"] == "POS MERCHANDISE;MCDONALD'S #112"
    assert ca.balances[0].closing == 382.34  # LEDGERBAL, not AVAILBAL 682.34
    us = statements["ofx/checking_us_ofx102.ofx"]
    assert line(us, Bank_Ref="0000488")["Reference"] == "319"
    anz = statements["ofx/anz_au_cc_ofx203.ofx"].lines.iloc[0]
    assert anz["Description"] == "SOME MEMO" and anz["Counterparty"] is None
    sun = statements["ofx/suncorp_au_ofx200.ofx"].lines.iloc[0]
    assert sun["Counterparty"] == "EFTPOS WDL HANDYWAY ALDI STORE"  # CDATA, trailing spaces


def test_csv_exports(statements):
    gls_stmt = statements["csv/gls_de_latin1.csv"]
    assert gls_stmt.encoding == "cp1252"  # ISO-8859-1 bytes; cp1252 reads them the same
    # its one accented byte reads "Empfänger" in cp1252 and "Empfńnger" in cp852, but the file
    # is plainly German (Buchungstag, Wertstellung, Betrag...) and German writes ä, not ń
    assert gls_stmt.issues == []
    gls = gls_stmt.lines.iloc[0]
    assert gls["Amount"] == -98.76 and gls["Balance"] == 1234.56
    assert gls["Date"] == pd.Timestamp("2017-10-10") and gls["Currency"] == "EUR"
    assert gls["Counterparty"] == "Drillisch Online AG"
    assert gls["Description"].startswith("B4658645 U123456789 B123456 987 SIMply Rechnung")

    ubs = statements["csv/ubs_ch_fr.csv"]
    assert ubs.lines["Amount"].tolist() == [-10.0, 240.0, -200.0]  # Débit / Crédit columns
    assert ubs.lines["Balance"].tolist() == [11373.94, 11613.94, 11413.94]  # 11'373.94
    assert ubs.lines["Bank Line"].tolist() == ["A01234BC01234567", "3456789ZT1234567",
                                               "9979360TI2115087"]
    assert "ASSOCIATION FOO-BAR" in ubs.lines.iloc[1]["Description"]
    assert "Compte personnel" not in ubs.lines.iloc[1]["Description"]  # same on every row

    schwab = statements["csv/schwab_us_checking.csv"].lines
    assert schwab["Amount"].tolist() == [20.0, -103.0, -75.0, -57.27]
    assert schwab["Date"].tolist() == pd.to_datetime(
        ["2022-08-17", "2022-08-14", "2022-08-09", "2022-08-04"]).tolist()  # MM/DD/YYYY
    assert schwab["Currency"].tolist() == ["USD"] * 4
    assert schwab.iloc[2]["Reference"] == "558"

    outbank = statements["csv/outbank_de.csv"].lines
    assert outbank["Amount"].tolist() == [100.0, -63.89, -47.0, -25.0]  # decimal comma
    assert outbank["Date"].tolist() == pd.to_datetime(
        ["2019-02-20", "2019-02-08", "2019-01-21", "2019-01-05"]).tolist()  # M/D/YY
    assert outbank.iloc[2]["Reference"] == "D0123456-R0123456"
    assert outbank.iloc[2]["Counterparty Account"] == "DE09550104000533925078"

    n26 = statements["csv/n26_fr.csv"].lines
    assert n26["Amount"].tolist() == [328.0, -328.0]
    assert n26["Currency"].tolist() == ["EUR", "EUR"]  # from the "Amount (EUR)" header
