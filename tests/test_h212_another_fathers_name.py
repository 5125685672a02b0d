"""A person's name printed with another father's name between the first and the family name
is another man: SALIM SAIF AL HARTHY is Salim son of Saif, not Salim Bin Hamad Al Harthy
Trading LLC, whose name Gulf banks print without the father's (SALIM AL HARTHY, read for sure
since aea9163). Read as 'the first and the family name in order, whatever between', it named
Salim Bin Hamad's company for sure (93): 2,750.000, which it and Muscat Pharmacy both owe, was
Matched to its invoice, and 2,745.000 Matched less a 5.000 charge. Only the name's own words
(the father's it has: SALIM HAMAD AL HARTHY) may stand between.
"""

from __future__ import annotations

import pandas as pd
import pytest

from ar_excel.core.matching.payers import PayerDirectory
from tests.test_matching_real_narratives import allocations, customer, invoice, match

CUSTOMERS = [customer("O01", "Salim Bin Hamad Al Harthy Trading LLC", Currency="OMR"),
             customer("O02", "Muscat Pharmacy LLC", Currency="OMR")]
INVOICES = [invoice("OMI-1001", "O01", 2750.000, Currency="OMR"),
            invoice("OMI-1002", "O02", 2750.000, Currency="OMR")]


@pytest.mark.parametrize("row", [
    {"desc": "IBFT CR-SALIM SAIF AL HARTHY"},
    {"desc": "IBFT CR-SALIM KHALFAN AL HARTHY"},
    {"desc": "IBFT CR", "cp": "SALIM SAIF AL HARTHY"},
    {"desc": "تحويل من سالم سيف الحارثي"},
])
def test_another_fathers_name_between_is_another_man(row):
    for amount in (2750.000, 2745.000):
        r = match(CUSTOMERS, INVOICES, {"amount": amount, "cur": "OMR", **row})
        assert allocations(r) == [], (row, amount)


def test_the_names_own_fathers_name_between_still_reads_it():
    payers = PayerDirectory(pd.DataFrame(CUSTOMERS))
    for text in ("IBFT CR-SALIM AL HARTHY", "IBFT CR-SALIM HAMAD AL HARTHY",
                 "تحويل من سالم الحارثي"):
        read = payers.by_name(text, narrative=True)
        assert read.customer == "O01" and read.certain, text
    assert payers.by_name("IBFT CR-SALIM SAIF AL HARTHY", narrative=True) is None


def test_bin_ending_the_name_is_the_family_name_not_a_fathers():
    """Ahmed Saif Bin Darwish Trading LLC: BIN DARWISH ends the person's name, the family's
    name (as Bin Laden's), not a father's left out. Read as 'AHMED SAIF, the father's name
    left out', any Ahmed Saif named the company for sure: IBFT CR-AHMED SAIF AL MAZROUI's
    2,750.00, which it and Gulf Pearl Electronics both owe, was Matched to its invoice."""
    customers = [customer("A01", "Ahmed Saif Bin Darwish Trading LLC", Currency="AED"),
                 customer("A02", "Gulf Pearl Electronics", Currency="AED")]
    invoices = [invoice("DXB-501", "A01", 2750.00, Currency="AED"),
                invoice("DXB-502", "A02", 2750.00, Currency="AED")]
    for row in ({"desc": "IBFT CR-AHMED SAIF AL MAZROUI"}, {"desc": "احمد سيف المزروعي"},
                {"desc": "IBFT CR", "cp": "AHMED SAIF AL MAZROUI"}):
        r = match(customers, invoices, {"amount": 2750.00, "cur": "AED", **row})
        assert allocations(r) == [], row
    r = match(customers, invoices, {"amount": 2750.00, "cur": "AED",
                                    "desc": "IBFT CR-AHMED SAIF BIN DARWISH"})
    assert allocations(r) == [("DXB-501", 2750.00, "amount+payer", "Matched")]
