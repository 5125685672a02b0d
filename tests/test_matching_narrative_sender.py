"""The sender a narrative names, read as the payer's name.

Without a name field, the payer is read from the narrative's words, which score less surely
than a name the bank prints (words anywhere in the text). When the narrative says who sent the
money (INWARD TRANSFER FROM X, حوالة واردة من X سداد ...), X is read as a printed name: when
that reading is certain and names the customer the words make likeliest (or the words make
none likely), the payer is known for sure, as from a name field. A name learned from an
earlier receipt is not taken from the sender's words.
"""

from __future__ import annotations

import pandas as pd

from ar_excel.core.matching.payers import PayerDirectory
from tests.test_matching_real_narratives import allocations, customer, invoice, match, reason

CUSTOMERS = [
    customer("C1", "Sinai Plastic Industries"),
    customer("C2", "El Dawlia Trading Group"),
    customer("C3", "Sapphire Paints Co."),
    customer("C4", "Sapphire Pharma Group"),
]
SINAI = "INWARD TRANSFER 2692181580918 FROM SINAI PLASTIC INDUSTRIES"


def test_the_sender_is_read_as_a_printed_name():
    payers = PayerDirectory(pd.DataFrame(CUSTOMERS))
    words = payers.by_name(SINAI, narrative=True)
    assert (words.customer, words.certain) == ("C1", False)  # (90: words of the text)
    sender = payers.by_sender(SINAI)
    assert (sender.customer, sender.how, sender.score) == ("C1", "narrative name", 100.0)
    cut = payers.by_sender("حوالة واردة من EL DAWLIA TRADING GROU قيمة ON ACC")
    assert cut.customer == "C2" and cut.certain
    # One word is no name.
    assert payers.by_sender("INWARD TRANSFER FROM SAPPHIRE") is None


def test_a_known_sender_pays_an_invoice_less_transfer_charges():
    """44.00 short of 19,644.20: above the absolute fee tolerance, within the percentage one;
    written off for a payer known for sure (before: a suggestion, the name read as words)."""
    invoices = [invoice("INV-2026-00812", "C1", 19644.20), invoice("INV-2026-00901", "C1", 3150.00)]
    r = match(CUSTOMERS, invoices, {"amount": 19600.20, "desc": SINAI})
    assert allocations(r) == [("INV-2026-00812", 19600.20, "fee-writeoff", "Matched")]
    assert reason(r) == ("payer by narrative name (100); INV-2026-00812 less 44.00 within the "
                         "fee tolerance: write-off proposed")


def test_the_ordering_customer_of_a_swift_transfer_is_the_sender():
    payers = PayerDirectory(pd.DataFrame(CUSTOMERS))
    text = "SWIFT INWARD TT151423741 /ORD/SINAI PLASTIC INDUSTRIES /RFB/PAYMENT"
    assert payers.narrative_sender(text) == "SINAI PLASTIC INDUSTRIES"
    invoices = [invoice("INV-2026-00812", "C1", 19644.20), invoice("INV-2026-00901", "C1", 3150.00)]
    r = match(CUSTOMERS, invoices, {"amount": 19600.20, "desc": text})
    assert allocations(r) == [("INV-2026-00812", 19600.20, "fee-writeoff", "Matched")]


# ------------------------------------------------ a name printed after the bank's words, no FROM

def test_a_name_after_the_banks_words_and_reference_is_the_sender():
    """ACH, IPI and cheque-clearing narratives print the remitter after their own words and
    reference without saying FROM: that one run of name words is read as a printed name."""
    payers = PayerDirectory(pd.DataFrame(CUSTOMERS))
    text = "IPI TT REF: 254726760 SINAI PLASTIC INDUSTRIES"
    assert payers.narrative_sender(text) == ""  # (no FROM: the sender proper is unsaid)
    assert payers.name_run(text) == "SINAI PLASTIC INDUSTRIES"
    sender = payers.by_sender(text)
    assert (sender.customer, sender.how, sender.score) == ("C1", "narrative name", 100.0)
    assert payers.name_run("INWARD TRF/FT26325770C358/EL DAWLIA TRADING GROUP") == \
        "EL DAWLIA TRADING GROUP"
    # Words on both sides of a number are no one name (a reference between two names).
    assert payers.name_run("CR ACH SINAI 60675817 PLASTIC INDUSTRIES") == ""
    assert payers.by_sender("CR ACH SINAI 60675817 PLASTIC INDUSTRIES") is None
    # The bank a cheque was drawn on is no part of the name.
    assert payers.name_run("CHQ CLEARING BANQUE MISR SAPPHIRE PAINTS") == "SAPPHIRE PAINTS"
    assert payers.name_run(None) == "" and payers.name_run("CR ACH 60675817") == ""


def test_an_ach_credit_naming_its_payer_is_written_off_like_a_transfer_from_it():
    """CR ACH 60675817 AL WAHA FOR TRADING FZCO, 52.50 short of the invoice: the name words
    alone score 90 (the customer's one distinctive word, WAHA, is short), read as the name
    they are they score 100: the payer is known for sure and the bank charge is written off,
    as for INWARD TRANSFER FROM AL WAHA FOR TRADING FZCO (before: a suggestion)."""
    customers = [customer("C1", "Al Waha For Trading FZCO"), customer("C2", "Al Waha Steel"),
                 customer("C3", "Sinai Plastic Industries")]
    invoices = [invoice("INV-0802", "C1", 36801.19), invoice("INV-0803", "C2", 36801.19),
                invoice("INV-0804", "C1", 12000.00)]
    for desc in ("CR ACH 60675817 AL WAHA FOR TRADING FZCO",
                 "INWARD TRANSFER FROM AL WAHA FOR TRADING FZCO"):
        r = match(customers, invoices, {"amount": 36748.69, "desc": desc})
        assert allocations(r) == [("INV-0802", 36748.69, "fee-writeoff", "Matched")], desc
        assert reason(r) == ("payer by narrative name (100); INV-0802 less 52.50 within the fee "
                             "tolerance: write-off proposed")
    # Scattered words are read as words only: a suggestion, as before.
    r = match(customers, invoices, {"amount": 36748.69,
                                    "desc": "CR ACH AL WAHA 60675817 FOR TRADING FZCO"})
    assert [a[3] for a in allocations(r)] == ["Suggested"]
