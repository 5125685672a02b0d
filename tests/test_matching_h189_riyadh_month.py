"""Findings of a Riyadh wholesaler's month built by hand (helper-189: 40 customers registered
in Arabic and a few in English, 98 invoices INV-1448-0231 onwards with 15 % VAT, an Al Rajhi
and an SNB export of 101 lines, each line's true allocation written first).

* "and sons" in Arabic (شركة محمد الحربي وأولاده, شركة أبناء عبدالرحمن الغامدي) was read as
  a word of the name (the skeleton ld, bn) that the bank's SONS, a legal word, never writes:
  MOHAMMED AL HARBI & SONS CO and ABDULRAHMAN AL GHAMDI SONS CO named their customer only in
  part (87-90), and their exact receipts were Suggested.
* الاستشارات (consulting) was no business word: مكتب الأفق للاستشارات printed AL OFUQ
  CONSULTING was nobody, its receipt matched on the amount alone."""

from __future__ import annotations

from tests.test_matching_real_narratives import allocations, customer, invoice, match, reason


def sar(cid: str, name: str) -> dict:
    return customer(cid, name, Currency="SAR")


CUSTOMERS = [sar("C006", "شركة محمد الحربي وأولاده"), sar("C028", "مكتب الأفق للاستشارات"),
             sar("C031", "شركة الشمري وأبناؤه"), sar("C037", "شركة أبناء عبدالرحمن الغامدي"),
             sar("C001", "مؤسسة عبدالله السعود التجارية"), sar("C002", "شركة الرياض للمقاولات"),
             sar("C015", "Gulf Horizon Trading Co."), sar("C036", "مصنع الجزيرة للحديد")]
INVOICES = [invoice("INV-1448-0244", "C006", 37950.00, "2026-09-19"),
            invoice("INV-1447-0955", "C006", 14490.00, "2026-05-27"),
            invoice("INV-1448-0280", "C028", 2300.00, "2026-10-26"),
            invoice("INV-1448-0252", "C031", 5635.00, "2026-09-29"),
            invoice("INV-1448-0291", "C037", 12777.65, "2026-11-06"),
            invoice("INV-1448-0232", "C001", 14260.00, "2026-09-03"),
            invoice("INV-1448-0255", "C002", 8740.00, "2026-10-01"),
            invoice("INV-1448-0259", "C015", 16652.00, "2026-10-05"),
            invoice("INV-1448-0233", "C036", 24150.00, "2026-09-04")]


def test_sons_printed_as_a_legal_word_names_the_customer_in_full():
    r = match(CUSTOMERS, INVOICES, {"amount": 12777.65, "cur": "SAR", "date": "2026-11-20",
                                    "desc": "ABDULRAHMAN AL GHAMDI SONS CO"})
    assert allocations(r) == [("INV-1448-0291", 12777.65, "amount+payer", "Matched")]


def test_and_sons_short_by_the_senders_charges_is_matched_with_the_write_off():
    r = match(CUSTOMERS, INVOICES, {"amount": 37925.00, "cur": "SAR",
                                    "desc": "SARIE INW MOHAMMED AL HARBI & SONS CO"})
    assert allocations(r) == [("INV-1448-0244", 37925.00, "fee-writeoff", "Matched")]
    assert r.matches["Write-off"].tolist() == [25.00]


def test_and_sons_spelled_out_stays_matched():
    r = match(CUSTOMERS, INVOICES, {"amount": 5635.00, "cur": "SAR",
                                    "desc": "SHARIKAT AL SHAMMARI WA ABNAUH"})
    assert allocations(r) == [("INV-1448-0252", 5635.00, "amount+payer", "Matched")]


def test_consulting_is_the_business_word_of_al_istisharat():
    r = match(CUSTOMERS, INVOICES, {"amount": 2300.00, "cur": "SAR",
                                    "desc": "CHQ DEP 000123 AL OFUQ CONSULTING"})
    assert allocations(r) == [("INV-1448-0280", 2300.00, "amount+payer", "Matched")]


# ---------------------------------------------------------------- the article left out
# A Saudi bank prints the family or the place without its article as often as with it
# (TAMIMI, QAHTANI, RIYAD CONTRACTING for التميمي, القحطاني, الرياض للمقاولات); the skeleton
# without the l- was nobody's, so the payer was not identified at all.

ARTICLE = [sar("C002", "شركة الرياض للمقاولات"), sar("C025", "مؤسسة الرياض للتجارة"),
           sar("C004", "شركة العثيم للتجارة"), sar("C026", "شركة التميمي"),
           sar("C017", "شركة القحطاني وشركاه"), sar("C032", "Red Sea Logistics LLC"),
           sar("C039", "مؤسسة البدر")]
ARTICLE_INVOICES = [invoice("INV-1448-0255", "C002", 8740.00, "2026-10-01"),
                    invoice("INV-1448-0262", "C002", 21390.00, "2026-10-08"),
                    invoice("INV-1448-0277", "C025", 8395.00, "2026-10-23"),
                    invoice("INV-1448-0240", "C004", 5750.00, "2026-09-14"),
                    invoice("INV-1448-0278", "C026", 12017.50, "2026-10-24"),
                    invoice("INV-1448-0247", "C017", 7245.00, "2026-09-23"),
                    invoice("INV-1448-0285", "C032", 28750.00, "2026-10-31"),
                    invoice("INV-1448-0294", "C039", 3300.00, "2026-10-09")]


def test_the_place_without_its_article_and_the_trade_of_the_name():
    """RIYAD is rd as RED of Red Sea Logistics is: that customer's name says SEA too, which
    the text does not."""
    for text in ("RIYAD CONTRACTING CO", "RIYADH CONTRACTING", "AL RIADH CONTRACTING"):
        r = match(ARTICLE, ARTICLE_INVOICES, {"amount": 8740.00, "cur": "SAR", "desc": text})
        assert allocations(r) == [("INV-1448-0255", 8740.00, "amount+payer", "Matched")], text


def test_a_part_payment_naming_the_invoice_by_its_last_digits():
    r = match(ARTICLE, ARTICLE_INVOICES, {"amount": 10000.00, "cur": "SAR",
                                          "desc": "AL RIADH CONTRACTING PART PMT INV 0262"})
    assert allocations(r) == [("INV-1448-0262", 10000.00, "partial", "Matched")]


def test_a_family_nisba_alone_and_the_sister_skeleton():
    """العثيم and التميمي are both ltm: OTHAIM TRADING and TAMIMI CO are told apart by the
    trade and the nisba (matched on the amount alone before, TAMIMI CO at 0.86)."""
    r = match(ARTICLE, ARTICLE_INVOICES, {"amount": 12017.50, "cur": "SAR", "desc": "TAMIMI CO"})
    assert allocations(r) == [("INV-1448-0278", 12017.50, "amount+payer", "Matched")]
    r = match(ARTICLE, ARTICLE_INVOICES, {"amount": 5750.00, "cur": "SAR",
                                          "desc": "INCOMING SARIE OTHAIM TRADING CO"})
    assert allocations(r) == [("INV-1448-0240", 5750.00, "amount+payer", "Matched")]
    r = match(ARTICLE, ARTICLE_INVOICES, {"amount": 7245.00, "cur": "SAR",
                                          "desc": "INCOMING SARIE QAHTANI AND PARTNERS"})
    assert allocations(r) == [("INV-1448-0247", 7245.00, "amount+payer", "Matched")]


def test_a_bare_word_saying_nothing_more_of_the_name_stays_nobody():
    """A city or a given name alone (a branch, a person) is no company named with the
    article: not read as one."""
    r = match(ARTICLE, ARTICLE_INVOICES, {"amount": 21390.00, "cur": "SAR",
                                          "desc": "SARIE INWARD RIYADH OLAYA"})
    assert [a[3] for a in allocations(r)] != ["Matched"]
    r = match(ARTICLE, ARTICLE_INVOICES, {"amount": 3300.00, "cur": "SAR",
                                          "desc": "SARIE INWARD BADR ALI AHMED"})
    assert [a[3] for a in allocations(r)] != ["Matched"]


# ---------------------------------------------------------------- a short name on the line
def test_the_whole_short_name_of_another_customer_keeps_the_amount_a_suggestion():
    """SAUD EST is the whole name of مؤسسة سعود (sd: too short to name it for sure); 16,215.00
    is only شركة السعود للمقاولات's invoice. Who paid it a person decides: it was Matched on
    its amount alone (0.86), as if the line named nobody."""
    customers = [sar("C010", "مؤسسة سعود"), sar("C024", "شركة السعود للمقاولات"),
                 sar("C001", "مؤسسة عبدالله السعود التجارية")]
    invoices = [invoice("INV-1448-0251", "C010", 5750.00, "2026-09-28"),
                invoice("INV-1448-0319", "C024", 16215.00, "2026-10-24"),
                invoice("INV-1448-0232", "C001", 14260.00, "2026-09-03")]
    r = match(customers, invoices, {"amount": 16215.00, "cur": "SAR", "desc": "SAUD EST"})
    assert allocations(r) == [("INV-1448-0319", 16215.00, "amount-only", "Suggested")]
    # (a line saying no name: the amount as particular still names the invoice)
    r = match(customers, invoices, {"amount": 16215.00, "cur": "SAR",
                                    "desc": "SARIE INWARD 26112400017"})
    assert allocations(r) == [("INV-1448-0319", 16215.00, "amount-only", "Matched")]


def test_a_short_arabic_name_inside_a_persons_name_is_a_candidate_only():
    """مؤسسة سعود (sd) was read at 90 in SAAD ALI (the text's key sdl holds sd) and its
    5,750.00 Matched: SAAD, SAID and SAUD are one skeleton once the Arabic's ع and vowels are
    gone, so a name too short to be read complete is a candidate (85) a person confirms."""
    customers = [sar("C010", "مؤسسة سعود"), sar("C024", "شركة السعود للمقاولات")]
    invoices = [invoice("INV-1448-0251", "C010", 5750.00, "2026-09-28"),
                invoice("INV-1448-0319", "C024", 16215.00, "2026-10-24")]
    r = match(customers, invoices, {"amount": 5750.00, "cur": "SAR", "desc": "SAAD ALI"})
    assert allocations(r) == [("INV-1448-0251", 5750.00, "amount+payer", "Suggested")]
    assert "payer by narrative name (85)" in reason(r)


def test_the_article_left_out_of_a_word_that_is_another_customers_whole_name():
    """SAUD is مؤسسة سعود's whole name and السعود without its article: SAUD CONTRACTING CO
    says CONTRACTING, a word of شركة السعود للمقاولات and none of مؤسسة سعود's, so it is
    that company (it was مؤسسة سعود at 85, and its amount only a suggestion)."""
    customers = [sar("C010", "مؤسسة سعود"), sar("C024", "شركة السعود للمقاولات"),
                 sar("C001", "مؤسسة عبدالله السعود التجارية")]
    invoices = [invoice("INV-1448-0251", "C010", 5750.00, "2026-09-28"),
                invoice("INV-1448-0274", "C024", 44275.00, "2026-10-20"),
                invoice("INV-1448-0232", "C001", 14260.00, "2026-09-03")]
    for text in ("SAUD CONTRACTING CO", "INCOMING SARIE SOUD CONTRACTING"):
        r = match(customers, invoices, {"amount": 44275.00, "cur": "SAR", "desc": text})
        assert allocations(r) == [("INV-1448-0274", 44275.00, "amount+payer", "Matched")], text
    r = match(customers, invoices, {"amount": 44275.00, "cur": "SAR", "desc": "SAUD EST"})
    assert allocations(r) == [("INV-1448-0274", 44275.00, "amount-only", "Suggested")]


def test_a_sender_written_without_from_who_shares_no_word_with_the_customer():
    """A Saudi bank writes the sender after its own words without FROM (INCOMING SARIE KHALID
    ALI HASSAN). 6,520.50 is the only open amount of شركة الشمري وأبناؤه, but a sender sharing
    no word with it in any script is someone else paying as likely: it was Matched on the
    amount alone (0.86), as a line naming nobody is."""
    customers = [sar("C031", "شركة الشمري وأبناؤه"), sar("C007", "شركة الجبر للتجارة")]
    invoices = [invoice("INV-1448-0320", "C031", 6520.50, "2026-10-25"),
                invoice("INV-1448-0246", "C007", 8786.00, "2026-09-22")]
    for text in ("INCOMING SARIE KHALID ALI HASSAN", "INCOMING SARIE AL YAMAMAH STEEL CO"):
        r = match(customers, invoices, {"amount": 6520.50, "cur": "SAR", "desc": text})
        assert allocations(r) == [("INV-1448-0320", 6520.50, "amount-only", "Suggested")], text
    r = match(customers, invoices, {"amount": 6520.50, "cur": "SAR",
                                    "desc": "INCOMING SARIE AL SHAMMARI SONS"})
    assert allocations(r) == [("INV-1448-0320", 6520.50, "amount+payer", "Matched")]
    r = match(customers, invoices, {"amount": 6520.50, "cur": "SAR",
                                    "desc": "INCOMING SARIE 26112900017"})
    assert allocations(r) == [("INV-1448-0320", 6520.50, "amount-only", "Matched")]


def test_a_word_of_vowels_only_is_a_word_of_the_name():
    """EYE has no consonant, so its skeleton was empty and FALCON EYE TRADING EST read as
    Falcon Trading LLC (Matched its 6,095.50); it is another company as likely."""
    customers = [sar("C1", "Falcon Trading LLC"), sar("C2", "Falcon Eye Trading Est.")]
    invoices = [invoice("INV-101", "C1", 6095.50), invoice("INV-201", "C2", 7095.50)]
    r = match(customers, invoices, {"amount": 6095.50, "cur": "SAR",
                                    "desc": "SARIE INWARD FALCON EYE TRADING EST"})
    assert [a[3] for a in allocations(r)] == ["Suggested"]
    r = match(customers, invoices, {"amount": 7095.50, "cur": "SAR",
                                    "desc": "SARIE INWARD FALCON EYE TRADING EST"})
    assert allocations(r) == [("INV-201", 7095.50, "amount+payer", "Matched")]


def test_a_bank_name_followed_by_a_business_word_is_a_company():
    """AL RAJHI is the bank; AL RAJHI STEEL CO is a company (no customer here). The bank's
    name was taken out of the narrative, leaving STEEL CO, no sender at all, and the line was
    Matched on its amount alone to شركة الشمري وأبناؤه's 6,520.50."""
    customers = [sar("C031", "شركة الشمري وأبناؤه"), sar("C007", "شركة الجبر للتجارة")]
    invoices = [invoice("INV-1448-0320", "C031", 6520.50, "2026-10-25"),
                invoice("INV-1448-0246", "C007", 8786.00, "2026-09-22")]
    r = match(customers, invoices, {"amount": 6520.50, "cur": "SAR",
                                    "desc": "INCOMING SARIE AL RAJHI STEEL CO"})
    assert allocations(r) == [("INV-1448-0320", 6520.50, "amount-only", "Suggested")]
    # (the bank itself, named beside the sender, is still no name)
    r = match(customers, invoices, {"amount": 6520.50, "cur": "SAR",
                                    "desc": "CHQ CLEARING AL RAJHI BANK 000123 AL SHAMMARI SONS"})
    assert allocations(r) == [("INV-1448-0320", 6520.50, "amount+payer", "Matched")]
