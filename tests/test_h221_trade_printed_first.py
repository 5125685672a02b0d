"""A payer's name printed with its trade ahead of its own name (TEXTILES EAGLE for Eagle
Textiles Co., TRADING TITAN for Titan Trading LLC): a bank's or a clerk's index order.

Names are compared as keys in their order, so TEXTILES EAGLE named no one and its receipt of
exactly Eagle Textiles' open 17,654.15 was left unmatched ('no invoice reference and payer not
identified'). The business words that lead are now read after the name too: where that
reading is certain, by the margin over every other candidate, it is the payer. The name's
own words keep their order (TRADING MOHAMED AHMED is no Ahmed Mohamed Trading for sure).
"""

from __future__ import annotations

import pandas as pd

from ar_excel.core.matching.payers import PayerDirectory
from tests.test_matching_real_narratives import allocations, customer, invoice, match

MASTER = [customer("01222", "Eagle Textiles Co."), customer("01223", "Eagle Foods Co"),
          customer("CUST-01268", "Titan Trading LLC"), customer("C7", "Ahmed Mohamed Trading"),
          customer("C8", "Falcon Steel Est"), customer("C9", "Falcon Steel Trading")]
INVOICES = [invoice("INV/2026/06/0065", "01222", 17654.15),
            invoice("INV/2026/06/0066", "01223", 17654.15),
            invoice("SI-26/00542", "CUST-01268", 49003.80),
            invoice("SI-26/00671", "CUST-01268", 6758.84),
            invoice("SI-26/00700", "C7", 3000.00), invoice("SI-26/00701", "C8", 4000.00),
            invoice("SI-26/00702", "C9", 4000.00)]


def test_a_name_printed_trade_first_names_its_customer():
    payers = PayerDirectory(pd.DataFrame(MASTER))
    for text, cid in (("TEXTILES EAGLE", "01222"), ("TRADING TITAN", "CUST-01268"),
                      ("TRADING TITAN LLC", "CUST-01268")):
        found = payers.by_name(text)
        assert found is not None and found.customer == cid and found.certain, text
    # (the name's own words in another order are another man's name)
    found = payers.by_name("TRADING MOHAMED AHMED")
    assert found is None or not found.certain


def test_its_receipt_is_matched():
    r = match(MASTER, INVOICES, {"amount": 17654.15,
                                 "desc": "INWARD TRF/FT26318487A848/TEXTILES EAGLE"})
    assert allocations(r) == [("INV/2026/06/0065", 17654.15, "amount+payer", "Matched")]
    r = match(MASTER, INVOICES, {"amount": 55762.64, "desc": "SARIE IN 734736717669 FROM "
                                 "TRADING TITAN", "cp": "TRADING TITAN"})
    assert allocations(r) == [("SI-26/00542", 49003.80, "multi-invoice", "Matched"),
                              ("SI-26/00671", 6758.84, "multi-invoice", "Matched")]


def test_two_customers_of_that_name_leave_it_to_a_person():
    r = match(MASTER, INVOICES, {"amount": 4000.00, "desc": "INWARD TRANSFER FROM STEEL FALCON"})
    assert all(st != "Matched" for *_, st in allocations(r))
