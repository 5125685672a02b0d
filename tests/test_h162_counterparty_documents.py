"""An invoice number of the books printed in the bank's Counterparty field.

Some exports put the payer's reference in the counterparty column ('SI2600984 BLUE OCEAN',
'INV-2026-0042'). Only Description and Reference were read for invoice numbers, so the line
was matched by its amount alone and its reason said 'paid by SI2600984 BLUE OCEAN, not a
customer'. The field's document numbers are now read with the narrative's, and the field is
the payer's name without them.
"""

from __future__ import annotations

import pytest

from tests.test_matching_real_narratives import allocations, customer, invoice, match, reason

CUSTOMERS = [customer("C1", "Blue Ocean Trading LLC"), customer("C2", "Delta Star Paints"),
             customer("C3", "Gulf Pearl Foods")]
INVOICES = [invoice("SI2600984", "C1", 12500.00), invoice("SI2600990", "C1", 4000.00),
            invoice("SI2600985", "C2", 7350.00), invoice("INV-2026-0042", "C3", 8000.00),
            invoice("INV-2026-0043", "C3", 3000.00)]


@pytest.mark.parametrize("cp", ["SI2600984 BLUE OCEAN", "SI2600984", "INV NO SI2600984"])
def test_an_invoice_number_in_the_counterparty_names_the_invoice(cp):
    r = match(CUSTOMERS, INVOICES, {"amount": 12500.00, "desc": "INWARD TRANSFER", "cp": cp})
    assert allocations(r) == [("SI2600984", 12500.00, "reference", "Matched")]
    assert reason(r) == "narrative names SI2600984; amount equals the open amount"


def test_two_invoices_in_the_counterparty_with_the_payers_name():
    r = match(CUSTOMERS, INVOICES, {"amount": 11000.00, "desc": "INWARD TRANSFER",
                                    "cp": "INV-2026-0042/0043 GULF PEARL"})
    assert allocations(r) == [("INV-2026-0042", 8000.00, "multi-invoice", "Matched"),
                              ("INV-2026-0043", 3000.00, "multi-invoice", "Matched")]
    assert reason(r) == " | ".join(["payer by name and narrative names INV-2026-0042, "
                                    "INV-2026-0043; amount equals the open amount"] * 2)


def test_the_number_is_no_part_of_the_payer_named():
    """A person paying the customer's invoice: the name left once the number is taken out is
    the third party the reason names, not 'AHMED SI2600985'."""
    r = match(CUSTOMERS, INVOICES, {"amount": 7350.00, "desc": "INWARD TRANSFER",
                                    "cp": "AHMED SAEED SI2600985"})
    assert allocations(r) == [("SI2600985", 7350.00, "reference", "Matched")]
    assert reason(r) == ("narrative names SI2600985; amount equals the open amount; paid by "
                         "AHMED SAEED, not the customer's name: a third party, not learned as "
                         "the customer's payer")


def test_a_number_in_a_name_that_is_no_invoice_of_the_books_is_left_as_it_was():
    """ALPHA 2000 TRADING: no document of the books, the field is a name as before."""
    customers = [*CUSTOMERS, customer("C4", "Alpha 2000 Trading")]
    invoices = [*INVOICES, invoice("INV-9001", "C4", 6100.00)]
    r = match(customers, invoices, {"amount": 6100.00, "desc": "INWARD TRANSFER",
                                    "cp": "ALPHA 2000 TRADING"})
    assert allocations(r) == [("INV-9001", 6100.00, "amount+payer", "Matched")]
    assert reason(r) == "payer by name (100); amount equals the open amount of INV-9001"


def test_a_short_bare_number_in_the_counterparty_names_nothing():
    """A bare four-digit number is not sure to be an invoice's (a branch, a shop number): the
    field 'SHOP 2040' does not name invoice 2040."""
    customers = [*CUSTOMERS, customer("C5", "Nile Foods")]
    invoices = [*INVOICES, invoice("2040", "C5", 900.00), invoice("2041", "C5", 900.00)]
    r = match(customers, invoices, {"amount": 900.00, "desc": "CASH DEPOSIT",
                                    "cp": "SHOP 2040"})
    assert allocations(r) == []
    assert reason(r) == "cash deposit without reference or known payer"
