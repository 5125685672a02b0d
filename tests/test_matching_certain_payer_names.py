"""A payer known for sure by its name: a certain score, clearly one customer's.

Without a reference, who paid and the amount decide. A name that is clearly one customer's
and scores as certain (``Payer.certain``) counts as a payer known for sure, like its account:

* paid short of one of its invoices by a bank charge above the absolute fee tolerance but
  within the percentage one (the charges of a transfer, 44.00 on 19,644.20), the gap is
  written off, as it is for a payer known by account;
* a look-alike name scoring less (a lesser match, not certain) that also has an invoice of
  the amount is a coincidence of two similar names, not a doubt about who paid.

A second certain name keeps the doubt, and a name below the certain score keeps the
percentage gap a suggestion.
"""

from __future__ import annotations

import pandas as pd

from ar_excel.core.matching.payers import CERTAIN_NAME, PayerDirectory
from tests.test_matching_real_narratives import allocations, customer, invoice, match, reason

CUSTOMERS = [
    customer("C1", "Sinai Plastic Industries"),
    customer("C2", "Wave Agro Group"),
    customer("C3", "Wave Agro Trading"),
    customer("C4", "Unity Foods L.L.C."),
    customer("C5", "Unity Food Industries"),
]
TRANSFER = "SARIE IN 109360278519"


def test_a_charge_above_the_absolute_tolerance_from_a_certain_name_is_written_off():
    invoices = [invoice("INV-2026-00812", "C1", 19644.20), invoice("INV-2026-00901", "C1", 3150.00)]
    payers = PayerDirectory(pd.DataFrame(CUSTOMERS))
    payer = payers.by_name("SINAI PLASTIC")  # (the field cut: certain, but not 100)
    assert payer.customer == "C1" and CERTAIN_NAME <= payer.score < 97
    r = match(CUSTOMERS, invoices, {"amount": 19600.20, "desc": TRANSFER, "cp": "SINAI PLASTIC"})
    assert allocations(r) == [("INV-2026-00812", 19600.20, "fee-writeoff", "Matched")]
    assert reason(r) == (f"payer by name ({payer.score:.0f}); INV-2026-00812 less 44.00 within "
                         "the fee tolerance: write-off proposed")
    assert r.matches["Write-off"].tolist() == [44.00]


def test_the_same_charge_from_a_name_not_certain_stays_a_suggestion():
    """The narrative's words (no name field, no sender said) are read less surely than a
    name field (a partial score): the percentage gap needs a person."""
    invoices = [invoice("INV-2026-00812", "C1", 19644.20)]
    payers = PayerDirectory(pd.DataFrame(CUSTOMERS))
    text = f"{TRANSFER} SINAI PLASTIC INDUSTRIES"
    assert not payers.by_name(text, narrative=True).certain
    r = match(CUSTOMERS, invoices, {"amount": 19600.20, "desc": text})
    assert allocations(r) == [("INV-2026-00812", 19600.20, "fee-writeoff", "Suggested")]


def test_a_lesser_look_alike_name_with_the_amount_open_leaves_no_doubt():
    payers = PayerDirectory(pd.DataFrame(CUSTOMERS))
    payer = payers.by_name("UNITY FOODS LLC")
    assert payer.customer == "C4" and payer.certain
    assert [c for c, s in payer.candidates if s < CERTAIN_NAME] == ["C5"]
    invoices = [invoice("INV-2026-00019", "C4", 7500.00, "2026-09-01"),
                invoice("INV-2026-00020", "C5", 7500.00, "2026-09-01"),
                invoice("INV-2026-00021", "C5", 12040.00, "2026-09-01")]
    r = match(CUSTOMERS, invoices, {"amount": 7500.00, "desc": TRANSFER, "cp": "UNITY FOODS LLC"})
    assert allocations(r) == [("INV-2026-00019", 7500.00, "amount+payer", "Matched")]
    # Short by a bank charge: the look-alike's invoice of 7,500.00 is no doubt either.
    r = match(CUSTOMERS, invoices, {"amount": 7481.00, "desc": TRANSFER, "cp": "UNITY FOODS LLC"})
    assert allocations(r) == [("INV-2026-00019", 7481.00, "fee-writeoff", "Matched")]


def test_two_certain_names_with_the_amount_open_stay_a_suggestion():
    payers = PayerDirectory(pd.DataFrame(CUSTOMERS))
    payer = payers.by_name("WAVE AGRO GROUP")
    assert payer.customer == "C2" and sorted(s >= CERTAIN_NAME for _, s in payer.candidates) \
        == [True, True]
    invoices = [invoice("INV-2026-00599", "C2", 7500.00, "2026-09-01"),
                invoice("INV-2026-00600", "C3", 7500.00, "2026-09-01")]
    r = match(CUSTOMERS, invoices, {"amount": 7500.00, "desc": TRANSFER, "cp": "WAVE AGRO GROUP"})
    assert allocations(r) == [("INV-2026-00599", 7500.00, "amount+payer", "Suggested")]
    assert "several customers with similar names have this amount open" in reason(r)
