"""A narrative writing only part of a customer's name (AL QAHTANI CONTRACTING for Saad Al
Qahtani Contracting Est: its given name left out) was read at 90 and Matched by the amount,
though the family's other firm (مؤسسة عبدالله القحطاني للمقاولات) prints so as well: a text
whose name key is a part of the customer's only is a candidate (87, Suggested). The whole name,
or cut at the end by the bank, stays Matched (helper-182's Gulf month)."""

from __future__ import annotations

from tests.test_matching_real_narratives import allocations, customer, invoice, match

CUSTOMERS = [customer("S13", "Mohammed Abdullah Al Qahtani"),
             customer("S14", "Saad Al Qahtani Contracting Est"),
             customer("S15", "مؤسسة عبدالله القحطاني للمقاولات")]
INVOICES = [invoice("26/1181", "S13", 5175.00), invoice("26/1184", "S14", 19550.00),
            invoice("26/1186", "S15", 7475.00)]


def test_part_of_the_name_is_only_suggested():
    r = match(CUSTOMERS, INVOICES, {"amount": 19550.00,
                                    "desc": "SARIE TRF FROM AL QAHTANI CONTRACTING"})
    assert allocations(r) == [("26/1184", 19550.00, "amount+payer", "Suggested")]


def test_the_whole_name_or_cut_by_the_bank_stays_matched():
    for desc in ("SARIE TRF FROM SAAD AL QAHTANI CONTRACTING", "SARIE TRF FROM SAAD AL QAHTANI CONT",
                 "IBFT SAAD AL QAHTANI CONTRACTING EST"):
        r = match(CUSTOMERS, INVOICES, {"amount": 19550.00, "desc": desc})
        assert allocations(r) == [("26/1184", 19550.00, "amount+payer", "Matched")], desc
