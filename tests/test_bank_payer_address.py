"""A payer's name labelled in free text is read without the postal address printed after it.

PostFinance's MT940 prints ``AUFTRAGGEBER: JANE DOE EXAMPLESTRASSE 10 1234 XXXX 131209CH...``;
Gulf banks ``BY ORDER OF: ABC TRADING LLC P.O. BOX 1234 DUBAI``. Scored with its address, the
name was no customer's: a receipt of exactly Jane Doe's open invoice was only Suggested on its
amount, or left unmatched where another customer had an invoice of that amount.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from ar_excel.bank import read_statement
from ar_excel.bank.narrative import parse_narrative
from ar_excel.cli import main
from tests._workbooks import save_frames

POSTFINANCE = (Path(__file__).resolve().parents[2] / "shared" / "fixtures" / "bank" / "mt940"
               / "postfinance_ch.sta")
needs_fixture = pytest.mark.skipif(not POSTFINANCE.exists(),
                                   reason="../shared/fixtures/bank is not next to the repo")


@pytest.mark.parametrize(("text", "name"), [
    ("GIRO AUS ONLINE-SIC 80532 AUFTRAGGEBER: JANE DOE EXAMPLESTRASSE 10 1234 BERN "
     "MITTEILUNGEN: RECHNUNG 4711", "JANE DOE"),
    ("AUFTRAGGEBER: MUSTER AG BAHNHOFSTR. 1 8001 ZUERICH", "MUSTER AG"),
    ("AUFTRAGGEBER: MUSTER AG BAHNHOFPLATZ 3 8001 ZUERICH", "MUSTER AG"),
    ("INWARD TT BY ORDER OF: ABC TRADING LLC P.O. BOX 1234 DUBAI UAE REF: INV 77", "ABC TRADING LLC"),
    ("REMITTER: GULF STAR CO PO BOX 55 MUSCAT", "GULF STAR CO"),
    # no address: the name as printed, a street word at its start included
    ("AUFTRAGGEBER: STRASSE UND WEG GMBH", "STRASSE UND WEG GMBH"),
    ("FROM: AL NOUR TRADING 2 REF: INV-1005", "AL NOUR TRADING 2"),
])
def test_the_payers_name_stops_where_its_address_starts(text, name):
    assert parse_narrative(text).counterparty == name


@needs_fixture
def test_postfinance_payers_are_read_by_name_and_their_receipts_matched(tmp_path):
    lines = read_statement(POSTFINANCE).lines
    assert lines["Counterparty"].tolist()[:2] == ["JANE DOE", "JOHN DOE"]
    # the whole text stays in the description
    assert "EXAMPLESTRASSE 10 1234 XXXX" in lines["Description"].iloc[0]

    book = save_frames(tmp_path / "ch.xlsx", {
        "Customers": pd.DataFrame({"Customer ID": ["K1", "K2"], "Name": ["Jane Doe", "Acme AG"],
                                   "Currency": ["CHF", "CHF"]}),
        # Acme's invoice is the same amount: the amount alone cannot tell the payer
        "Invoices": pd.DataFrame({"Invoice No": ["RE-7", "RE-9"], "Customer ID": ["K1", "K2"],
                                  "Invoice Date": [pd.Timestamp("2013-11-20")] * 2,
                                  "Amount": [79.70, 79.70]})})
    out = tmp_path / "o.xlsx"
    assert main(["reconcile", str(book), "--bank", str(POSTFINANCE), "-o", str(out)]) == 0
    m = pd.read_excel(out, sheet_name="Bank Matches", dtype={"Bank Line": str})
    assert list(zip(m["Bank Line"], m["Invoice No"], m["Applied Amount"], m["Method"],
                    m["Status"], strict=True)) == [("1", "RE-7", 79.70, "amount+payer", "Matched")]
