"""A payer known for sure naming one of its own invoices pays that invoice: another
customer's invoice one digit away whose open amount the receipt happens to be is a
coincidence, not the payer's mistyped number (before, the part payment was only suggested
"or a mistyped ..."). Without a payer known for sure the doubt stays."""

from __future__ import annotations

from tests.test_matching_real_narratives import allocations, customer, invoice, match, reason

CUSTOMERS = [customer("C1", "Delta Star Motors Co."), customer("C2", "Nile Trading Co"),
             customer("C3", "Delta Star Paints Co.")]
INVOICES = [invoice("INV/2026/05/0012", "C1", 3116.14, "2026-05-03"),
            invoice("2026-INV-0121", "C2", 2000.00, "2026-04-12"),
            invoice("INV/2026/05/0013", "C2", 4000.00, "2026-05-03")]


def test_a_sure_payer_part_paying_its_named_invoice_is_matched():
    r = match(CUSTOMERS, INVOICES, {"amount": 2000.00, "cp": "DELTA STAR MOTORS CO",
                                    "desc": "CR ACH 46999158 PART PAYMENT فاتورة ٠٠١٢"})
    assert allocations(r) == [("INV/2026/05/0012", 2000.00, "partial", "Matched")]
    assert reason(r) == ("payer by name and narrative names INV/2026/05/0012; part payment "
                         "of 3,116.14 open")


def test_a_payer_only_likely_keeps_the_other_reading_as_a_doubt():
    """DELTA STR MOTOR scores 84 for Delta Star Motors: the other customer's invoice with
    the amount keeps the part payment a suggestion."""
    r = match(CUSTOMERS, INVOICES, {"amount": 2000.00, "cp": "DELTA STR MOTOR",
                                    "desc": "CR ACH 46999158 PART PAYMENT فاتورة ٠٠١٢"})
    assert allocations(r) == [("INV/2026/05/0012", 2000.00, "partial", "Suggested")]
    assert "or a mistyped 2026-INV-0121" in reason(r)
