"""A customer named by letters that are also a legal form (BSC Engineering LLC, SPC Trading:
the Gulf's B.S.C., S.P.C.) was read without them, as all legal forms are: as Engineering, a
name of business words only, which any text saying ENGINEERING wrote in full (IBFT
CR-ENGINEERING paying 4,420.00, its invoice, was Matched). The letters a name begins with are
a word of it: a text that does not write them names the customer as a candidate only. Where the
letters are written (CLG BSC ENGINEERING, B.S.C ENGINEERING, a name field BSC ENGINEERING LLC)
nothing changes; nor for the legal form at a name's end (Muscat Hardware SPC).
"""

from __future__ import annotations

from tests.test_matching_real_narratives import allocations, customer, invoice, match

CUSTOMERS = [customer("A03", "BSC Engineering LLC"), customer("O10", "Muscat Hardware SPC"),
             customer("A07", "Gulf Pearl Electronics")]
INVOICES = [invoice("B1", "A03", 4420.00), invoice("B2", "A03", 23150.00),
            invoice("M1", "O10", 1777.25), invoice("G1", "A07", 5000.00)]


def test_a_text_without_the_letters_is_a_candidate_only():
    for row in ({"desc": "IBFT CR-ENGINEERING"}, {"desc": "TRF", "cp": "ENGINEERING SERVICES"},
                {"desc": "IBFT CR-AL FUTTAIM ENGINEERING"}):
        r = match(CUSTOMERS, INVOICES, {"amount": 4420.00, **row})
        assert all(st != "Matched" for *_, st in allocations(r)), row


def test_the_letters_written_read_the_customer():
    for row in ({"desc": "CHQ DEP 000231 CLG BSC ENGINEERING"},
                {"desc": "IBFT CR-B.S.C ENGINEERING"},
                {"desc": "TRF", "cp": "BSC ENGINEERING LLC"},
                {"desc": "CHQ DEP 000245 BSC ENGG"}):
        r = match(CUSTOMERS, INVOICES, {"amount": 4420.00, **row})
        assert allocations(r) == [("B1", 4420.00, "amount+payer", "Matched")], row
    r = match(CUSTOMERS, INVOICES, {"amount": 1777.25, "desc": "IBFT CR-MUSCAT HARDWARE"})
    assert allocations(r) == [("M1", 1777.25, "amount+payer", "Matched")]
