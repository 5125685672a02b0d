"""A reference naming another customer's invoice, a branch number read as a reference, and a
payer's own invoice number against an equal-amount coincidence: realistic narratives."""

from __future__ import annotations

from tests.test_matching_real_narratives import allocations, customer, invoice, match, reason

MUTTAHIDA_IBAN = "EG810019000500000000263180077"
CUSTOMERS = [
    customer("C1", "Al Muttahida For Engineering Group",
             **{"IBAN / Bank Account": MUTTAHIDA_IBAN}),
    customer("C2", "Nile Foods Company"),
    customer("C3", "مؤسسة وليد الشريف للنقل والشحن"),
]
INVOICES = [
    invoice("F2026001404", "C1", 19824.56, "2026-09-01"),
    invoice("F2026001405", "C2", 15000.00, "2026-09-02"),
    invoice("SI-26/00198", "C2", 7500.00, "2026-09-03"),
    invoice("ف-2026-0349", "C3", 30000.00, "2026-09-04"),
    invoice("ف-2026-0879", "C3", 12000.00, "2026-09-05"),
]


def test_a_reference_one_digit_off_the_paying_accounts_own_invoice_pays_that_invoice():
    """The customer's own IBAN, the exact amount of its invoice 1404, and 1405 (another
    customer's, 15,000.00) quoted: before, 1405 was Matched with 4,824.56 on account."""
    r = match(CUSTOMERS, INVOICES, {
        "amount": 19824.56, "acc": MUTTAHIDA_IBAN,
        "desc": f"AL MUTTAHIDA FOR ENGINEERING GROUP بخصوص F2026001405 A/C {MUTTAHIDA_IBAN}"})
    assert allocations(r) == [("F2026001404", 19824.56, "reference-fuzzy", "Matched")]


def test_the_paying_accounts_invoice_one_digit_off_paid_less_charges_is_written_off():
    """As above, less 24.56 of bank charges: 1404 is paid and the gap proposed as a write-off."""
    r = match(CUSTOMERS, INVOICES, {
        "amount": 19800.00, "acc": MUTTAHIDA_IBAN,
        "desc": f"AL MUTTAHIDA FOR ENGINEERING GROUP بخصوص F2026001405 A/C {MUTTAHIDA_IBAN}"})
    assert allocations(r) == [("F2026001404", 19800.00, "fee-writeoff", "Matched")]
    assert float(r.matches["Write-off"].iloc[0]) == 24.56
    assert "one digit away from F2026001404 of the payer's" in reason(r)


def test_a_reference_one_digit_off_an_invoice_paid_less_charges_is_only_suggested():
    """Nothing says who paid; 1404's open amount less 24.56 of charges is the receipt, and
    1405 (15,000.00) would be overpaid: the number may be mistyped, a person decides."""
    r = match(CUSTOMERS, INVOICES, {"amount": 19800.00, "desc": "INWARD TRF F2026001405"})
    got = allocations(r)
    assert got[0][0] == "F2026001405" and all(s == "Suggested" for *_, s in got)
    assert "or a mistyped F2026001404, which the amount fits" in reason(r)


def test_a_reference_of_the_payer_itself_is_not_doubted():
    """The payer is the customer of the invoice named (by name): an overpayment of its own
    invoice stays Matched, whatever other invoice one digit away the amount fits."""
    r = match(CUSTOMERS, INVOICES, {"amount": 19800.00, "cp": "NILE FOODS COMPANY",
                                    "desc": "INWARD TRF F2026001405"})
    assert allocations(r) == [("F2026001405", 15000.00, "overpayment", "Matched"),
                              (None, 4800.00, "on-account", "Matched")]


def test_a_branch_number_on_a_cash_deposit_is_no_reference():
    """0199 is the branch, one digit away from SI-26/00198 whose open amount is 7,500.00."""
    r = match(CUSTOMERS, INVOICES, {"amount": 7500.00, "desc": "CASH DEP BRANCH 0199"})
    assert allocations(r) == []


def test_the_payers_own_invoice_number_beats_an_equal_amount_coincidence():
    """قيمة دفعة من 0349: part of invoice 0349, written as its numbering is; 12,000.00 is
    also 0879's open amount. Before, 0879 was Matched by amount and payer."""
    r = match(CUSTOMERS, INVOICES, {
        "amount": 12000.00, "cp": "مؤسسة وليد الشريف للنقل والشحن",
        "desc": "حوالة واردة من مؤسسة وليد الشريف للنقل والشحن قيمة دفعة من 0349"})
    assert allocations(r) == [("ف-2026-0349", 12000.00, "partial", "Matched")]


def test_an_invoice_called_by_number_doubts_an_equal_amount_of_the_payers_own():
    """Waleed El Sherif's transfer says INV#777: Nile Foods' invoice 777, not 0879 whose open
    amount 12,000.00 it is. Before, 0879 was Matched by amount and payer."""
    invoices = INVOICES + [invoice("777", "C2", 9500.00, "2026-09-06")]
    r = match(CUSTOMERS, invoices, {
        "amount": 12000.00, "cp": "مؤسسة وليد الشريف للنقل والشحن",
        "desc": "حوالة واردة من مؤسسة وليد الشريف للنقل والشحن INV#777"})
    assert allocations(r) == [("ف-2026-0879", 12000.00, "amount+payer", "Suggested")]
    assert "the narrative has the number of 777" in reason(r)


GULF = [
    customer("C1", "Sunrise Agro Est."),
    customer("C2", "مصنع الذهبي للمقاولات"),
    customer("C3", "Mustafa Alshamari Iron & Steel Est"),
    customer("C4", "Delta Star Motors Co.", **{"IBAN / Bank Account": "AE503156516431139003157"}),
]
GULF_INVOICES = [
    invoice("SI-26/00740", "C1", 14766.68, "2026-09-01"),
    invoice("SI-26/00704", "C2", 42151.99, "2026-09-02"),
    invoice("INV/2026/04/0009", "C2", 2500.00, "2026-09-03"),
    invoice("INV/2026/09/0022", "C3", 1800.00, "2026-09-04"),
    invoice("INV/2026/08/0106", "C4", 31463.51, "2026-09-05"),
    invoice("INV/2026/08/0117", "C4", 11900.00, "2026-09-06"),
]


def test_a_customers_full_name_overpaying_its_invoice_one_digit_off_the_reference():
    """SUNRISE AGRO EST. in full; 00704 is another customer's invoice (42,151.99); 00740,
    Sunrise's, is 14,766.68 and the receipt 10% more: its overpayment, not 704's part."""
    r = match(GULF, GULF_INVOICES, {"amount": 16243.35,
                                    "desc": "CR ACH 44453589 SUNRISE AGRO EST. SI-26/00704"})
    assert allocations(r) == [("SI-26/00740", 14766.68, "overpayment", "Matched"),
                              (None, 1476.67, "on-account", "Matched")]
    assert "one digit away from SI-26/00740 of the payer's" in reason(r)


def test_a_month_inside_a_full_number_is_no_numeric_part_of_another_invoice():
    """INV/2026/09/0022 is written (the payer's, 1,800.00 open): its 09 does not name
    INV/2026/04/0009 (another customer's), whose open amount is the receipt's."""
    r = match(GULF, GULF_INVOICES, {
        "amount": 2500.00,
        "desc": "CR ACH 71242865 MUSTAFA ALSHAMARI IRON & STEEL EST INV/2026/09/0022"})
    assert allocations(r) == [("INV/2026/09/0022", 1800.00, "overpayment", "Suggested"),
                              (None, 700.00, "on-account", "Suggested")]


def test_a_part_payment_quoting_the_end_of_an_invoice_from_the_customers_account_is_matched():
    """The payer's own account, PART PAYMENT 0106: INV/2026/08/0106 (31,463.51 open), even
    though 11,900.00 is the open amount of its invoice 0117 (the number says which)."""
    r = match(GULF, GULF_INVOICES, {
        "amount": 11900.00, "acc": "AE503156516431139003157",
        "desc": "IPI TT REF: 683609014 DELTA STAR MOTORS PART PAYMENT 0106 "
                "A/C AE503156516431139003157"})
    assert allocations(r) == [("INV/2026/08/0106", 11900.00, "partial", "Matched")]


SISTERS = [
    customer("11277", "Golden Gate Logistics LLC"),
    customer("11189", "Golden Gate Industries"),
    customer("11300", "Ahmed Fathi For Electronics"),
    customer("11301", "Ahmed Fathi For Furniture"),
]
SISTER_INVOICES = [
    invoice("F2026000851", "11277", 3595.85, "2026-09-01"),
    invoice("F2026000852", "11189", 4210.00, "2026-09-02"),
    invoice("F2026000900", "11300", 8250.00, "2026-09-03"),
    invoice("F2026000901", "11301", 6120.00, "2026-09-04"),
]


def test_the_sister_company_whose_word_the_narrative_writes_pays():
    """GOLDEN GATE LOGISTICS: not Golden Gate Industries (whose INDUSTRIES is not written),
    though both names score alike; paid less a 25.00 charge."""
    r = match(SISTERS, SISTER_INVOICES, {
        "amount": 3570.85, "desc": "SWIFT INWARD TT151423741 /ORD/GOLDEN GATE LOGISTICS /RFB/PAYMENT"})
    assert allocations(r) == [("F2026000851", 3570.85, "fee-writeoff", "Matched")]
    assert float(r.matches["Write-off"].iloc[0]) == 25.00


def test_sister_companies_stay_ambiguous_when_the_narrative_writes_neither_word():
    """GOLDEN GATE only, 1,000.00 on account: which sister? Left for a person; with
    LOGISTICS written, suggested against Logistics' oldest invoice."""
    r = match(SISTERS, SISTER_INVOICES, {
        "amount": 1000.00, "desc": "SWIFT INWARD TT151423741 /ORD/GOLDEN GATE /RFB/PAYMENT"})
    assert allocations(r) == [] and reason(r) == "payer name ambiguous: 11189, 11277"
    r = match(SISTERS, SISTER_INVOICES, {
        "amount": 1000.00,
        "desc": "SWIFT INWARD TT151423741 /ORD/GOLDEN GATE LOGISTICS /RFB/PAYMENT"})
    assert allocations(r) == [("F2026000851", 1000.00, "partial", "Suggested")]


def test_a_counterparty_cut_at_the_field_width_is_read_from_the_narrative_in_full():
    """The Counterparty column holds AHMED FATHI FOR ELECTR (both sisters' names fit it);
    the narrative prints AHMED FATHI FOR ELECTRONICS."""
    r = match(SISTERS, SISTER_INVOICES, {
        "amount": 8250.00, "cp": "AHMED FATHI FOR ELECTR",
        "desc": "INWARD TRANSFER FROM AHMED FATHI FOR ELECTRONICS PAYMENT"})
    assert allocations(r) == [("F2026000900", 8250.00, "amount+payer", "Matched")]


def test_trade_words_of_arabic_names_match_their_english_spelling():
    """مصنع الشروق للسيراميك pays as ALSHOROUK CERAMICS COMPANY, شركة الذهبي للنقل والشحن
    as AL THAHABI TRANSPORT & SHIPPING (each the exact amount of its invoice; the second name
    names no payer for sure: its amount decides, below)."""
    names = [customer("11099", "مصنع الشروق للسيراميك"), customer("11100", "شركة المنار للسيراميك"),
             customer("01218", "شركة الذهبي للنقل والشحن"), customer("01219", "شركة الذهبي للحديد")]
    invoices = [invoice("100807", "11099", 17563.70), invoice("100808", "11100", 17563.70),
                invoice("100809", "01218", 42034.39), invoice("100810", "01219", 12500.00)]
    r = match(names, invoices,
              {"amount": 17563.70, "desc": "INWARD TRANSFER 2652507915545 FROM ALSHOROUK CERAMICS COMPANY"},
              {"amount": 42034.39, "desc": "INWARD TRF/FT26351071E866/AL THAHABI TRANSPORT & SHIPPING"})
    assert allocations(r, "L1") == [("100807", 17563.70, "amount+payer", "Matched")]
    # (THAHABI is no skeleton of الذهبي; with SHIPPING a trade word, the name needs only
    # الذهبي, which the text does not write: no payer, and the amount, the only open invoice
    # of it and particular, decides)
    assert allocations(r, "L2") == [("100809", 42034.39, "amount-only", "Matched")]


def test_a_cut_name_like_the_customer_of_the_invoice_one_digit_away_leaves_it_to_a_person():
    """SUMMIT A (cut) looks like Summit Agro, whose F2026001136 is one digit from the quoted
    F2026001116 (another customer's, 98,912.10 open): the part payment is only suggested."""
    names = [customer("C1372", "Summit Agro"), customer("C1373", "Summit Paints"),
             customer("C1121", "مؤسسة عمرو الدسوقي للأدوية")]
    invoices = [invoice("F2026001136", "C1372", 15400.00), invoice("F2026001116", "C1121", 98912.10)]
    r = match(names, invoices, {
        "amount": 9900.00, "desc": "IPN TRANSFER FROM SUMMIT A 01042051531 دفعة من F2026001116"})
    assert allocations(r) == [("F2026001116", 9900.00, "partial", "Suggested")]
    assert "or a mistyped number of the payer's" in reason(r)


def test_a_part_payment_quoting_the_invoice_zero_padded_is_matched():
    """PART PAYMENT 0164 from El Safwa (by name): ف-2026-0164, written as its numbering is,
    not a bank's short reference; دفعة من SI-26/000519 (an extra zero) the same."""
    names = [customer("01097", "El Safwa Pharmaceutical"),
             customer("01276", "مؤسسة المصرية للصناعات الغذائية")]
    invoices = [invoice("ف-2026-0164", "01097", 11216.52), invoice("ف-2026-0165", "01097", 6000.50),
                invoice("SI-26/00519", "01276", 14559.30)]
    r = match(names, invoices,
              {"amount": 6000.00, "cp": "EL SAFWA PHARMACEUTICAL",
               "desc": "حوالة واردة من EL SAFWA PHARMACEUTICAL سداد PART PAYMENT 0164"},
              {"amount": 8100.00,
               "desc": "حوالة واردة من مؤسسة المصرية للصناعات الغذائية بخصوص دفعة من SI-26/000519"})
    assert allocations(r, "L1") == [("ف-2026-0164", 6000.00, "partial", "Matched")]
    assert allocations(r, "L2") == [("SI-26/00519", 8100.00, "partial", "Matched")]


def test_a_long_number_with_an_extra_zero_names_the_payers_own_invoice():
    """PART PAYMENT F20260000902 (an extra zero) from Amr Al Qahtani: its F2026000902, not a
    payment on account against its oldest invoice F2026000357. (The extra zero is read as
    zero padding of the sequence: the number itself names it, not a digit away.)"""
    names = [customer("C1383", "Amr Al Qahtani Supply"), customer("C1384", "Nile Foods")]
    invoices = [invoice("F2026000357", "C1383", 37614.59, "2026-08-01"),
                invoice("F2026000902", "C1383", 20000.00, "2026-09-10"),
                invoice("F2026000903", "C1384", 6900.00, "2026-09-11")]
    r = match(names, invoices, {
        "amount": 6900.00, "desc": "CR ACH 01222661 AMR AL QAHTANI SUPPLY PART PAYMENT F20260000902"})
    assert allocations(r) == [("F2026000902", 6900.00, "partial", "Matched")]
    assert reason(r) == "narrative names F2026000902; part payment of 20,000.00 open"


DELTA = [customer("C1", "Delta Trading Co"), customer("C2", "Cairo Retail Group")]
DELTA_INVOICES = [invoice("INV-2026-1002", "C1", 8400.50, "2026-10-05"),
                  invoice("INV-2026-120", "C1", 2400.00, "2026-10-05"),
                  invoice("INV-2026-1003", "C2", 1234.50, "2026-10-05")]


def test_a_number_one_digit_off_the_payers_invoice_the_amount_does_not_settle_is_suggested():
    """Delta (sure by name) pays 23,380.00 naming INV-2026-3002, not in the book, one digit
    off its INV-2026-1002 of 8,400.50: it was Matched with 14,979.50 parked on account; the
    invoice named may be one not booked yet, so a person decides."""
    r = match(DELTA, DELTA_INVOICES, {
        "amount": 23380.00, "desc": "TRANSFER FROM شركة الدلتا للتجارة والتوريدات INV-2026-3002"})
    assert allocations(r) == [("INV-2026-1002", 8400.50, "overpayment", "Suggested"),
                              (None, 14979.50, "on-account", "Suggested")]
    assert "the amount does not confirm the number: please confirm" in reason(r)


def test_a_number_one_digit_off_the_payers_invoice_of_the_amount_stays_matched():
    """The same typo with the invoice's open amount: the amount confirms it."""
    r = match(DELTA, DELTA_INVOICES, {
        "amount": 8400.50, "desc": "TRANSFER FROM شركة الدلتا للتجارة والتوريدات INV-2026-3002"})
    assert allocations(r) == [("INV-2026-1002", 8400.50, "reference-fuzzy", "Matched")]
