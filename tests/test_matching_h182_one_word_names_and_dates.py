"""Wrong ``Matched`` allocations helper-182 found: a customer named by one word (Golden) read
for sure from a narrative naming another company whose name starts with it (GOLDEN EAGLE); a
bare date-shaped number (PAYMENT 20261015, nobody named) that is also an invoice number taking
that invoice before the line of its customer, named for sure, paying the same amount."""

from __future__ import annotations

from tests.test_matching_real_narratives import allocations, customer, invoice, match, reason

CUSTOMERS = [customer("C1", "Golden"),
             customer("C2", "Golden Eagle Trading"),
             customer("C3", "Falcon Trading"),
             customer("C4", "Nile Trading Co"),
             customer("C5", "Delta Foods")]
INVOICES = [invoice("12000", "C1", 12000.00),
            invoice("INV-77", "C1", 5500.00),
            invoice("GE-1", "C2", 7000.00),
            invoice("FT-9", "C3", 4400.00),
            invoice("20261015", "C4", 5000.00, "2026-10-15"),
            invoice("DF-1", "C5", 3000.00)]


def test_a_one_word_name_inside_a_longer_printed_name_is_only_suggested():
    """GOLDEN EAGLE 12000 for 12,000.00: before, Matched to Golden's invoice 12000 (the
    payer 'Golden' for sure, 98)."""
    r = match(CUSTOMERS, INVOICES, {"amount": 12000.00, "desc": "GOLDEN EAGLE 12000"})
    assert allocations(r) == [("12000", 12000.00, "reference", "Suggested")]
    r = match(CUSTOMERS, INVOICES, {"amount": 5500.00, "desc": "TRANSFER FROM GOLDEN EAGLE CO"})
    assert allocations(r) == [("INV-77", 5500.00, "amount+payer", "Suggested")]
    assert "payer by narrative name (85)" in reason(r)


def test_a_one_distinctive_word_name_with_another_word_printed_is_only_suggested():
    """Falcon Trading's one distinctive word, printed with another (FALCON CREST TRADING)."""
    r = match(CUSTOMERS, INVOICES, {"amount": 4400.00, "desc": "SARIE TRF FALCON CREST TRADING"})
    assert allocations(r) == [("FT-9", 4400.00, "amount+payer", "Suggested")]


def test_the_whole_name_printed_or_cut_stays_matched():
    for row in ({"amount": 7000.00, "desc": "GOLDEN EAGLE TRADING"},
                {"amount": 7000.00, "desc": "SARIE TRF FROM GOLDEN EAGLE TRAD"},
                {"amount": 7000.00, "cp": "GOLDEN EAGLE TRAD", "desc": "TRF"}):
        r = match(CUSTOMERS, INVOICES, row)
        assert allocations(r) == [("GE-1", 7000.00, "amount+payer", "Matched")], row
    for row in ({"amount": 12000.00, "desc": "GOLDEN 12000"},
                {"amount": 5500.00, "cp": "GOLDEN", "desc": "TRF"},
                {"amount": 4400.00, "desc": "IBFT FALCON TRADING REF 5512"},
                {"amount": 4400.00, "desc": "CASH DEP BRANCH 0286 BY FALCON TRADING"}):
        r = match(CUSTOMERS, INVOICES, row)
        assert [a[3] for a in allocations(r)] == ["Matched"], row


def test_the_invoice_number_and_the_amount_confirm_a_one_word_name():
    r = match(CUSTOMERS, INVOICES, {"amount": 5500.00, "desc": "GOLDEN EAGLE INV-77"})
    assert allocations(r) == [("INV-77", 5500.00, "reference", "Matched")]


def test_a_date_shaped_number_does_not_beat_the_named_payer_of_the_amount():
    """PAYMENT 20261015 (nobody named) and Nile Trading, named for sure, each 5,000.00:
    before, the date took invoice 20261015 in the reference stage (Matched) and Nile's own
    receipt was left on account."""
    for first, second in (("L1", "L2"), ("L2", "L1")):
        rows = {first: {"amount": 5000.00, "desc": "PAYMENT 20261015"},
                second: {"amount": 5000.00, "desc": "TRANSFER FROM NILE TRADING CO"}}
        r = match(CUSTOMERS, INVOICES, rows["L1"], rows["L2"])
        assert allocations(r, second) == [("20261015", 5000.00, "amount+payer", "Matched")]
        assert allocations(r, first) == []


def test_a_date_shaped_number_alone_is_suggested():
    r = match(CUSTOMERS, INVOICES, {"amount": 5000.00, "desc": "PAYMENT 20261015"})
    assert allocations(r) == [("20261015", 5000.00, "reference", "Suggested")]
    assert "the number reads as a date: please confirm" in reason(r)


def test_a_date_shaped_number_called_an_invoice_or_with_its_payer_stays_matched():
    for desc in ("INV 20261015", "NILE TRADING 20261015"):
        r = match(CUSTOMERS, INVOICES, {"amount": 5000.00, "desc": desc})
        assert allocations(r) == [("20261015", 5000.00, "reference", "Matched")], desc
