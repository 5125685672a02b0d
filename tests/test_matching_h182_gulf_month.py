"""Findings of a Gulf distributor's month built by hand (helper-182: 38 Saudi, Kuwaiti and
UAE customers, sister companies and one-word names, SARIE / IBFT / UAEFTS / AANI lines).

* NOON FOOD TRADING LLC for exactly an invoice of the customer named just Noon was Matched
  (a name of one word, read at 90 from the narrative): a name of one word says nothing of a
  trade either, so a run of words naming one beside it (FOOD TRADING) is another company as
  likely: Suggested at most.
* SHARIKAT ALRIYADH (شركة الرياض spelled out) is the customer شركة الرياض للتجارة: SHARIKAT is
  the legal form, no other word beside its name."""

from __future__ import annotations

from tests.test_matching_real_narratives import allocations, customer, invoice, match

CUSTOMERS = [customer("S08", "Panda"), customer("U08", "Noon"),
             customer("S01", "شركة الرياض للتجارة"), customer("S02", "مؤسسة الرضا للتجارة"),
             customer("S12", "Al Rajhi Steel")]
INVOICES = [invoice("SI-2611-0004", "S08", 21390.00), invoice("100261", "U08", 5250.00),
            invoice("SI-2610-0057", "S01", 8625.00), invoice("SI-2610-0061", "S02", 4370.00),
            invoice("SI-2611-0007", "S12", 20700.00)]


def test_a_one_word_name_with_a_trade_beside_it_is_not_the_customer_for_sure():
    r = match(CUSTOMERS, INVOICES, {"amount": 5250.00, "desc": "NOON FOOD TRADING LLC"})
    assert [a[3] for a in allocations(r)] != ["Matched"]
    assert all(a[3] == "Suggested" for a in allocations(r))


def test_a_one_word_name_alone_or_with_its_legal_form_stays_matched():
    r = match(CUSTOMERS, INVOICES, {"amount": 21390.00, "desc": "SARIE TRF FROM PANDA LLC"})
    assert allocations(r) == [("SI-2611-0004", 21390.00, "amount+payer", "Matched")]


def test_the_arabic_legal_form_spelled_out_is_no_other_word():
    r = match(CUSTOMERS, INVOICES, {"amount": 8625.00,
                                    "desc": "SARIE TRF FROM SHARIKAT ALRIYADH"})
    assert allocations(r) == [("SI-2610-0057", 8625.00, "amount+payer", "Matched")]


def test_a_customer_named_like_a_bank_paying_stays_matched():
    r = match(CUSTOMERS, INVOICES, {"amount": 20700.00, "desc": "AL RAJHI STEEL"})
    assert allocations(r) == [("SI-2611-0007", 20700.00, "amount+payer", "Matched")]
