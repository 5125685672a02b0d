"""Money in whose narrative reads like a refund, a claim or a card settlement is doubted in one
place, the booking, for every stage (the reference stage capped it itself too): a quoted
invoice is a suggestion with the note, said once; a customer whose own name holds those words
(Gulf Claim Settlement Services paying its invoice) is not doubted for them (line_facts clears
the reading; the booking spares it too). Both held before the move: guards of it."""

from __future__ import annotations

from tests.test_matching_real_narratives import allocations, customer, invoice, match, reason

NOTE = ("; the narrative reads like a non-customer inflow (insurance), not a customer's "
        "payment: please confirm")


def test_a_claim_quoting_an_invoice_is_a_suggestion_with_the_note():
    customers = [customer("C1", "Delta Star Paints"), customer("C2", "Nile Foods")]
    invoices = [invoice("INV-5501", "C1", 12500.00), invoice("INV-5502", "C2", 800.00)]
    r = match(customers, invoices,
              {"amount": 12500.00, "desc": "INSURANCE CLAIM SETTLEMENT REF INV-5501"})
    assert allocations(r) == [("INV-5501", 12500.00, "reference", "Suggested")]
    assert r.matches["Confidence"].tolist() == [0.6]
    assert reason(r).endswith(NOTE) and reason(r).count("non-customer inflow") == 1


def test_a_customer_named_by_those_words_paying_its_invoice_is_matched():
    customers = [customer("C1", "Gulf Claim Settlement Services"),
                 customer("C2", "Nile Foods")]
    invoices = [invoice("INV-5501", "C1", 12500.00), invoice("INV-5502", "C2", 800.00)]
    r = match(customers, invoices,
              {"amount": 12500.00, "desc": "GULF CLAIM SETTLEMENT SERVICES INV-5501"})
    assert allocations(r) == [("INV-5501", 12500.00, "reference", "Matched")]
    assert "non-customer inflow" not in reason(r)

