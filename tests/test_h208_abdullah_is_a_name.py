"""ABDULLAH (عبدالله, the servant of God) is a whole name; ABDUL (عبد ال) the first half of
one, joined to the next word (ABDUL HAMEED, عبد الحميد). Their skeletons were the same (bdl:
the LL and the final -AH drop), so ABDULLA was joined to the next word as ABDUL is: ABDULLA
AHMED TRADING read as Abdul Hameed Trading (bdlhmd) and paid its 12,000.00 invoice Matched,
ABDULLA RAHMAN as Abdul Rahman. ABDULLAH in its spellings, in either script, is a name of its
own now.
"""

from __future__ import annotations

from ar_excel.core.matching.names import name_tokens
from tests.test_matching_real_narratives import allocations, customer, invoice, match

CUSTOMERS = [customer("C1", "Abdul Hameed Trading"), customer("C2", "Abdul Rahman Trading"),
             customer("C3", "Abdulla Ahmed Trading")]


def test_abdullah_is_no_abdul_joined_to_the_next_word():
    assert name_tokens("ABDULLA AHMED TRADING") != name_tokens("Abdul Hameed Trading")
    assert name_tokens("ABDULLA RAHMAN") != name_tokens("ABDUL RAHMAN")
    assert name_tokens("عبدالله الكواري") != name_tokens("عبد الكواري")
    for spelling in ("ABDULLAH", "ABDALLA", "ABDALLAH", "ABDULAH", "عبدالله", "عبد الله"):
        assert name_tokens(spelling + " AL KUWARI") == name_tokens("ABDULLA AL KUWARI"), spelling
    assert name_tokens("ABDUL HAMEED") == name_tokens("ABDULHAMEED") == name_tokens("عبد الحميد")


def test_abdullah_ahmed_pays_no_invoice_of_abdul_hameed():
    invoices = [invoice("I1", "C1", 12000.00), invoice("I2", "C2", 8000.00)]
    for row in ({"desc": "IBFT CR-ABDULLA AHMED TRADING"},
                {"desc": "TRF", "cp": "ABDULLA AHMED TRADING"}):
        r = match(CUSTOMERS[:2], invoices, {"amount": 12000.00, **row})
        assert all(st != "Matched" for *_, st in allocations(r)), row
    r = match(CUSTOMERS, invoices + [invoice("I3", "C3", 12000.00)],
              {"amount": 12000.00, "desc": "IBFT CR-ABDULLA AHMED TRADING"})
    assert allocations(r) == [("I3", 12000.00, "amount+payer", "Matched")]
