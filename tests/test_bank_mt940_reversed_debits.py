"""MT940 ':61:' mark RD, a debit of ours reversed (a supplier transfer returned to us): money
in that no customer paid. It never settles an invoice, even where its amount is an open
invoice's and its :86: names a customer; it lands in Unmatched Bank as a refund. Before, it
read as an ordinary credit and was Matched (camt's CRDT + RvslInd: 63b435b)."""

from __future__ import annotations

from pathlib import Path

from ar_excel.bank import read_statement
from ar_excel.cli import main
from tests.test_bank_camt_reversals_h152 import _book, _tab

MT940 = """:20:STMT2611
:25:AE180260001012345678901
:28C:00211/001
:60F:C261116AED1000,00
:61:2611171117RD3700,00NTRFR1//FT2632100001
:86:TRANSFER GULF MARINE SERVICES LLC
:61:2611171117C500,00NTRFC1//FT2632100002
:86:AL NOOR TRADING LLC INV-2026-4002
:62F:C261117AED5200,00
-
"""


def test_a_reversed_debit_says_so_and_pays_no_invoice(tmp_path: Path) -> None:
    path = tmp_path / "s.sta"
    path.write_text(MT940, encoding="utf-8")
    st = read_statement(path)
    assert st.lines["Amount"].tolist() == [3700.0, 500.0]
    assert st.lines["Description"].tolist()[0].endswith("Reversal of a payment out (RD)")
    assert st.balances[0].difference == 0.0
    out = tmp_path / "out.xlsx"
    assert main(["reconcile", str(_book(tmp_path / "book.xlsx")), "--bank", str(path),
                 "-o", str(out)]) == 0
    matches = [(r["Bank Line"], r["Invoice No"], r["Status"]) for r in _tab(out, "Bank Matches")]
    assert matches == [("FT2632100002", "INV-2026-4002", "Matched")]
    unmatched = {r["Bank Line"]: (r["Unallocated Amount"], r["Reason"])
                 for r in _tab(out, "Unmatched Bank")}
    assert unmatched["FT2632100001"] == (3700.0, "not a customer receipt (refund)")
