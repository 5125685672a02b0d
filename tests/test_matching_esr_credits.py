"""Swiss ESR batch credits: PostFinance prints each one's reject code (``?REJECT?0``).

The code says how the payment slip's reference was read; the money is the customer's all the
same. Read as the word REJECT it made every ESR credit of the statement "not a customer receipt
(refund)", never matched. The returns of the same statement (``RETOUREN VERARBEITUNG``) stay
refunds.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from ar_excel.bank import read_statement
from ar_excel.cli import main
from ar_excel.core.matching.classify import inflow_category
from ar_excel.core.matching.normalize import fold_text
from tests._workbooks import save_frames

POSTFINANCE = (Path(__file__).resolve().parents[2] / "shared" / "fixtures" / "bank" / "camt053"
               / "postfinance_ch_v04.xml")
needs_fixture = pytest.mark.skipif(not POSTFINANCE.exists(),
                                   reason="../shared/fixtures/bank is not next to the repo")


@pytest.mark.parametrize(("narrative", "category"), [
    ("?REJECT?0 SAMMELGUTSCHRIFT ESR VERARBEITUNG VOM 27.05.2016 KUNDENNUMMER 01-000000-4", None),
    ("MUSTER MITTEILUNG ?REJECT?0 ?ERROR?000 SAMMELGUTSCHRIFT ES VERARBEITUNG VOM 27.05.2016", None),
    ("?REJECT?1 ?ERROR?008 SAMMELGUTSCHRIFT ES VERARBEITUNG VOM 27.05.2016", None),
    ("REJECT AUS SEPA-UEBERWEISUNGSAUFTRAG (RETOURE) TFNR 40016", "refund"),
    ("PAYMENT REJECTED BY BENEFICIARY BANK", "refund"),
    ("SAMMELGUTSCHRIFT RETOUREN VERARBEITUNG VOM 06.04.2016 RETURNED: RETOUR", "refund"),
])
def test_reject_code_of_an_esr_credit_is_no_return(narrative, category):
    assert inflow_category(fold_text(narrative)) == category


@needs_fixture
def test_postfinance_esr_credits_are_matched_and_its_returns_are_not(tmp_path):
    book = save_frames(tmp_path / "ch.xlsx", {
        "Customers": pd.DataFrame({"Customer ID": ["K1"], "Name": ["Hans Kaufmann"],
                                   "Currency": ["CHF"]}),
        "Invoices": pd.DataFrame({"Invoice No": ["2016-0311"], "Customer ID": ["K1"],
                                  "Invoice Date": [pd.Timestamp("2016-05-01")],
                                  "Amount": [100.00]})})
    out = tmp_path / "o.xlsx"
    assert main(["reconcile", str(book), "--bank", str(POSTFINANCE), "-o", str(out)]) == 0
    matches = pd.read_excel(out, sheet_name="Bank Matches", dtype={"Bank Line": str})
    got = list(zip(matches["Bank Line"], matches["Invoice No"], matches["Applied Amount"],
                   matches["Status"], strict=True))
    assert ("160527CH00T3L0GE", "2016-0311", 100.0, "Matched") in got
    unmatched = pd.read_excel(out, sheet_name="Unmatched Bank", dtype={"Bank Line": str})
    refunds = unmatched[unmatched["Reason"].astype(str).str.contains("refund")]
    assert sorted(refunds["Bank Line"]) == ["160406CH00NKSQ5N", "160406CH00NKSQ5Q",
                                            "160406CH00NKZCKG"]
    credits = read_statement(POSTFINANCE).lines
    esr = credits[credits["Description"].str.contains(r"\?REJECT\?0", regex=True, na=False)]
    assert len(esr) == 18
    assert not set(esr["Bank Line"]) & set(refunds["Bank Line"])
