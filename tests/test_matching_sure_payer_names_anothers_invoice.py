"""A payer known for sure naming another customer's invoice whose amount the receipt pays
exactly, while its own invoice one digit away has that amount too (ABC CARGO SERVICES LLC
INV-2026-0422 for 5,250.00: 0422 Desert Rose's, 0421 ABC Cargo's, both 5,250.00). It was
Matched (0.99) to Desert Rose's invoice, and Desert Rose's own payment later that month found
its invoice taken and went on account. The number is as likely miscopied as ABC Cargo paying
for Desert Rose; with the payer's own invoice of the amount one digit away, the payer's own is
the reading (as a mistyped number's, ``_mistyped``). Found in a hand-made UAE month."""

from __future__ import annotations

from tests.test_matching_real_narratives import allocations, customer, invoice, match, reason

CUSTOMERS = [customer("C16", "ABC Cargo Services LLC"),
             customer("C17", "Desert Rose Events Management")]
INVOICES = [invoice("INV-2026-0421", "C16", 5250.00, "2026-10-07"),
            invoice("INV-2026-0422", "C17", 5250.00, "2026-10-07")]


def test_the_payers_own_invoice_one_digit_away_is_paid_not_anothers():
    r = match(CUSTOMERS, INVOICES,
              {"amount": 5250.00, "desc": "ABC CARGO SERVICES LLC INV-2026-0422"},
              {"amount": 5250.00, "desc": "DESERT ROSE EVENTS"})
    assert allocations(r, "L1") == [("INV-2026-0421", 5250.00, "amount+payer", "Matched")]
    assert allocations(r, "L2") == [("INV-2026-0422", 5250.00, "amount+payer", "Matched")]


def test_the_numeric_part_alone_naming_anothers_invoice_is_a_suggestion():
    r = match(CUSTOMERS, INVOICES,
              {"amount": 5250.00, "desc": "ABC CARGO SERVICES LLC INV 0422"})
    assert allocations(r) == [("INV-2026-0421", 5250.00, "reference-fuzzy", "Suggested")]
    assert reason(r) == (
        "narrative has the numeric part of INV-2026-0422, customer C17's; the payer, customer "
        "C16 (ABC Cargo Services LLC), has INV-2026-0421 of this amount open, one digit away: "
        "a mistyped number? please confirm")


def test_without_an_own_invoice_of_the_amount_the_named_invoice_is_paid():
    """ABC Cargo's own invoice is of another amount: nothing says the number is miscopied."""
    invoices = [invoice("INV-2026-0421", "C16", 4000.00, "2026-10-07"), INVOICES[1]]
    r = match(CUSTOMERS, invoices,
              {"amount": 5250.00, "desc": "ABC CARGO SERVICES LLC INV-2026-0422"})
    assert allocations(r) == [("INV-2026-0422", 5250.00, "reference", "Matched")]


def test_a_payer_not_known_for_sure_leaves_the_named_invoice_paid():
    r = match(CUSTOMERS, INVOICES, {"amount": 5250.00, "desc": "TT INWARD INV-2026-0422"})
    assert allocations(r) == [("INV-2026-0422", 5250.00, "reference", "Matched")]
    assert "narrative names INV-2026-0422" in reason(r)
