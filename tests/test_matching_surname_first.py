"""A person's name printed surname first before a comma (``MÜLLER, GRETEL``) names the
customer kept as ``Gretel Müller``: German and Swiss banks print private payers that way.
Without the comma the order is kept: ``AHMED MOHAMED`` and ``MOHAMED AHMED`` are two people.
"""

from __future__ import annotations

import pandas as pd
import pytest

from ar_excel.cli import main
from ar_excel.core.matching.payers import PayerDirectory
from tests._workbooks import save_frames

MASTER = pd.DataFrame({"Customer ID": ["K1", "K2", "K3"],
                       "Name": ["Gretel Müller", "Hans und Erna Schneider", "Mohamed Ahmed"]})


@pytest.mark.parametrize(("printed", "customer"), [
    ("MÜLLER, GRETEL", "K1"),
    ("MUELLER, GRETEL", "K1"),
    ("Müller, Gretel", "K1"),
    ("SCHNEIDER, HANS UND ERNA", "K2"),
    ("AHMED, MOHAMED", "K3"),
])
def test_surname_first_before_a_comma_is_the_customer(printed, customer):
    payer = PayerDirectory(MASTER).by_name(printed)
    assert payer is not None and payer.customer == customer and payer.certain


@pytest.mark.parametrize("printed", [
    "MUELLER GRETEL",  # no comma: not read the other way round
    "AHMED MOHAMED",
    "MÜLLER, GRETEL, BERN",  # more than one comma: not a surname-first name
    "MÜLLER, ANNA",  # another Müller
])
def test_without_the_comma_or_with_other_names_nobody_for_sure(printed):
    payer = PayerDirectory(MASTER).by_name(printed)
    assert payer is None or not payer.certain


def test_a_receipt_from_a_surname_first_payer_is_matched_where_the_amount_alone_cannot(tmp_path):
    book = save_frames(tmp_path / "b.xlsx", {
        "Customers": MASTER.assign(Currency="EUR"),
        # the Schneiders owe the same amount: the amount alone cannot tell who paid
        "Invoices": pd.DataFrame({"Invoice No": ["RE-101", "RE-102"], "Customer ID": ["K1", "K2"],
                                  "Invoice Date": [pd.Timestamp("2026-10-20")] * 2,
                                  "Amount": [80.00, 80.00]})})
    statement = tmp_path / "dkb.csv"
    statement.write_text(
        "Buchungsdatum;Wertstellung;Auftraggeber / Begünstigter;Verwendungszweck;Betrag (EUR)\n"
        "04.11.2026;04.11.2026;Müller, Gretel;Gutschrift;80,00\n", encoding="utf-8")
    out = tmp_path / "o.xlsx"
    assert main(["reconcile", str(book), "--bank", str(statement), "-o", str(out)]) == 0
    m = pd.read_excel(out, sheet_name="Bank Matches", dtype={"Bank Line": str})
    assert list(zip(m["Invoice No"], m["Customer ID"], m["Applied Amount"], m["Method"],
                    m["Status"], strict=True)) == [("RE-101", "K1", 80.00, "amount+payer",
                                                   "Matched")]
