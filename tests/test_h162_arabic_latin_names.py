"""A customer's name in one script, the payer's in the other: the long vowels Arabic writes.

Arabic writes no short vowels, so a short name word was compared by its consonant skeleton
alone across scripts: شركة الأمل للتجارة (Al Amal, lml) was read for certain in AHMED ALMULLA
or ALMULLA TRADING, مؤسسة سالم (slm) in ISLAM MOHAMED, شركة الأمين (lmn) in AL MANA PHARMA,
and the Latin customer Al Noor Trading in الانوار للتجارة (Al Anwar): each receipt of one of the
customer's open amounts was Matched amount+payer. Arabic does write its long vowels (ا و ي): a
Latin spelling writes a vowel there too (AL AMAL, SALEM, AL AMEEN, النور for AL NOOR). A short
word written in the other script without them is now a candidate scoring 85 (Suggested for a
person to confirm), in the narrative and in the bank's name field; the customer's spellings
stay Matched. And ABDUR RAHMAN / ABDURRAHMAN (the article spoken as the sun letter) is ABDUL
RAHMAN, عبد الرحمن.
"""

from __future__ import annotations

import pandas as pd
import pytest

from ar_excel.core.matching.names import arabic_shape, long_vowels_agree, name_tokens, word_shape
from ar_excel.core.matching.payers import SHORT_NAME, PayerDirectory
from tests.test_matching_real_narratives import allocations, customer, invoice, match, reason

CUSTOMERS = [customer("C1", "شركة الأمل للتجارة"), customer("C2", "Delta Star Paints"),
             customer("C3", "Al Noor Trading"), customer("C4", "مؤسسة عبد الرحمن الشهري"),
             customer("C5", "مؤسسة سالم للمقاولات"), customer("C6", "شركة الأمين للأدوية")]
INVOICES = [invoice("INV-101", "C1", 14250.00), invoice("INV-201", "C2", 14250.00),
            invoice("INV-301", "C3", 8600.00), invoice("INV-401", "C4", 22000.00),
            invoice("INV-501", "C5", 5150.00), invoice("INV-601", "C6", 7300.00)]


@pytest.mark.parametrize(("row", "inv", "printed_as"), [
    ({"amount": 14250.00, "desc": "INWARD TRANSFER AHMED ALMULLA"}, "INV-101", "narrative name"),
    ({"amount": 14250.00, "desc": "IPI TT 5541", "cp": "ALMULLA TRADING"}, "INV-101", "name"),
    ({"amount": 5150.00, "desc": "IPI TT ISLAM MOHAMED"}, "INV-501", "narrative name"),
    ({"amount": 7300.00, "desc": "INWARD TRANSFER AL MANA PHARMA"}, "INV-601", "narrative name"),
    ({"amount": 8600.00, "desc": "حوالة واردة من الانوار للتجارة"}, "INV-301", "narrative name"),
    ({"amount": 8600.00, "desc": "حوالة واردة", "cp": "الانوار للتجارة"}, "INV-301", "name"),
])
def test_a_short_word_without_the_long_vowels_the_arabic_writes_is_a_suggestion(
        row, inv, printed_as):
    r = match(CUSTOMERS, INVOICES, row)
    assert allocations(r) == [(inv, row["amount"], "amount+payer", "Suggested")]
    assert r.matches["Confidence"].tolist() == [0.75]
    assert reason(r) == f"payer by {printed_as} (85); amount equals the open amount of {inv}"


@pytest.mark.parametrize(("row", "inv", "score"), [
    ({"amount": 14250.00, "desc": "IPI TT AL AMAL TRADING"}, "INV-101", "narrative name (98)"),
    ({"amount": 14250.00, "desc": "INWARD TRF EL AMAL FOR TRADING"}, "INV-101",
     "narrative name (98)"),
    ({"amount": 14250.00, "desc": "IPI TT 5541", "cp": "AL AMAL TRADING CO"}, "INV-101",
     "name (100)"),
    ({"amount": 5150.00, "desc": "INWARD TRANSFER SALEM CONTRACTING"}, "INV-501",
     "narrative name (98)"),
    ({"amount": 7300.00, "desc": "INWARD TRANSFER AL AMEEN PHARMA"}, "INV-601",
     "narrative name (98)"),
    ({"amount": 7300.00, "desc": "INWARD TRANSFER ELAMIN PHARMA"}, "INV-601",
     "narrative name (98)"),
    ({"amount": 8600.00, "desc": "حوالة واردة من النور للتجارة"}, "INV-301",
     "narrative name (98)"),
    ({"amount": 22000.00, "desc": "INWARD TRANSFER ABDURRAHMAN ALSHEHRI"}, "INV-401",
     "narrative name (98)"),
    ({"amount": 22000.00, "desc": "IPI ABDUR RAHMAN AL SHEHRI EST"}, "INV-401",
     "narrative name (98)"),
    ({"amount": 22000.00, "desc": "INWARD TRANSFER ABDUL RAHMAN ALSHAHRI"}, "INV-401",
     "narrative name (98)"),
])
def test_the_customers_own_spellings_stay_matched(row, inv, score):
    r = match(CUSTOMERS, INVOICES, row)
    assert allocations(r) == [(inv, row["amount"], "amount+payer", "Matched")]
    assert r.matches["Confidence"].tolist() == [0.95]
    assert reason(r) == f"payer by {score}; amount equals the open amount of {inv}"


def test_a_nisba_is_no_name_without_its_ending():
    """SALMIYA is السالمية: an Arabic narrative naming سالم (a person) or اسلام is no Salmiya
    Electronics for sure."""
    directory = PayerDirectory(pd.DataFrame([customer("C1", "Salmiya Electronics Co"),
                                             customer("C2", "Delta Star Paints")]))
    for narrative in ("حوالة واردة سالم", "حوالة واردة اسلام"):
        payer = directory.by_name(narrative, narrative=True)
        assert (payer.customer, payer.score, payer.certain) == ("C1", SHORT_NAME, False)


@pytest.mark.parametrize(("arabic", "latin", "agree"), [
    ("الأمل", "AL AMAL", True), ("الأمل", "ALMULLA", False), ("سالم", "SALEM", True),
    ("سالم", "SELIM", True), ("سالم", "ISLAM", False), ("الانوار", "AL NOOR", False),
    ("النور", "EL NUR", True), ("الأمين", "ALMANA", False), ("الأمين", "AL AMEEN", True),
    ("الهواري", "AL HAWARI", True), ("الوزان", "ALWAZZAN", True), ("السالمية", "SALMIYA", True),
    ("سالم", "SALMIYA", False), ("سيد", "SAYED", True), ("الرواد", "AL ROWAD", True),
])
def test_long_vowels_agree(arabic, latin, agree):
    ar = arabic_shape(arabic)
    la = word_shape("".join(latin.split()))
    assert long_vowels_agree(ar, la) is agree


@pytest.mark.parametrize(("name", "tokens"), [
    ("ABDURRAHMAN", ["bdlrhmn"]), ("ABDUR RAHMAN", ["bdlrhmn"]), ("ABDUS SALAM", ["bdlslm"]),
    ("ABDUNNASER", ["bdlnsr"]), ("عبد الناصر", ["bdlnsr"]), ("ABDOU SALEH", ["bd", "sl"]),
    ("ABDUR", ["bdr"])])
def test_abdul_spoken_with_the_sun_letter(name, tokens):
    assert name_tokens(name) == tokens


SALMIYA = [customer("C1", "Salmiya Electronics Co"), customer("C2", "Delta Star Paints"),
           customer("C3", "Barta Est")]
SALMIYA_INVOICES = [invoice("INV-101", "C1", 1250.00), invoice("INV-201", "C2", 1250.00),
                    invoice("INV-301", "C3", 640.00), invoice("INV-302", "C3", 980.00)]


@pytest.mark.parametrize(("row", "how"), [
    ({"amount": 1250.00, "desc": "حوالة واردة من السالمية للالكترونيات"}, "narrative name (98)"),
    ({"amount": 1250.00, "desc": "تحويل وارد", "cp": "السالمية للالكترونيات"}, "name (100)")])
def test_the_arabic_article_the_english_name_leaves_out(row, how):
    """A bank printing the Arabic name writes the article (السالمية) the master's English name
    leaves out (Salmiya Electronics): the same name. Its amount, open for two customers, is
    the payer's invoice."""
    r = match(SALMIYA, SALMIYA_INVOICES, row)
    assert allocations(r) == [("INV-101", 1250.00, "amount+payer", "Matched")]
    assert reason(r) == f"payer by {how}; amount equals the open amount of INV-101"


def test_a_latin_word_beginning_with_al_keeps_its_letters():
    """ALBERT is no AL + BERT: only ال in Arabic letters is taken for the article."""
    r = match(SALMIYA, SALMIYA_INVOICES, {"amount": 640.00, "desc": "INWARD TRANSFER ALBERT"})
    assert allocations(r) == [("INV-301", 640.00, "amount-only", "Suggested")]
    assert reason(r) == ("payer not identified; INV-301 is the only open invoice of this amount, "
                         "please confirm")


@pytest.mark.parametrize("row", [
    {"amount": 4400.00, "desc": "INWARD TRANSFER AL TAYYAR TRAVEL"},
    {"amount": 4400.00, "desc": "IPI TT 8812", "cp": "AL TAYYAR TRAVEL & TOURISM"}])
def test_travel_in_arabic_is_travel(row):
    """شركة الطيار للسفر والسياحة: للسفر (travel) was no word the name keys put in English, so
    AL TAYYAR TRAVEL lacked one of the name's words and named no one."""
    customers = [customer("C1", "شركة الطيار للسفر والسياحة"), customer("C2", "Delta Star Paints")]
    invoices = [invoice("INV-11", "C1", 4400.00), invoice("INV-21", "C2", 4400.00)]
    r = match(customers, invoices, row)
    assert allocations(r) == [("INV-11", 4400.00, "amount+payer", "Matched")]


AMAL = [customer("C1", "شركة الأمل للتجارة"), customer("C2", "Delta Star Paints")]
AMAL_INVOICES = [invoice("INV-101", "C1", 6107.80, "2026-09-01"),
                 invoice("INV-102", "C1", 8129.65, "2026-09-10"),
                 invoice("INV-103", "C1", 2500.00, "2026-09-20"),
                 invoice("INV-201", "C2", 3000.00)]


def test_a_name_unlike_in_its_long_vowels_is_no_name_like_the_customers():
    """AHMED ALMULLA in the name field was 'a name like the customer's' (the skeleton lml of
    الأمل), so a particular amount making the customer's oldest invoices was Matched on it
    (multi-invoice 0.86) as no stranger's would be: now it is a stranger paying, Suggested."""
    r = match(AMAL, AMAL_INVOICES, {"amount": 14237.45, "desc": "INWARD TRANSFER",
                                    "cp": "AHMED ALMULLA"})
    assert allocations(r) == [("INV-101", 6107.80, "multi-invoice", "Suggested"),
                              ("INV-102", 8129.65, "multi-invoice", "Suggested")]
    assert r.matches["Confidence"].tolist() == [0.5, 0.5]
    assert reason(r) == " | ".join(
        ["paid by AHMED ALMULLA, not a customer; the 2 oldest open invoices of customer C1 "
         "(شركة الأمل للتجارة), INV-101, INV-102, make the amount and no other set of its "
         "invoices does: is it the payer? please confirm"] * 2)
    r = match(AMAL, AMAL_INVOICES, {"amount": 6107.80, "desc": "INWARD TRANSFER",
                                    "cp": "AHMED ALMULLA"})
    assert allocations(r) == [("INV-101", 6107.80, "amount-only", "Suggested")]
    assert reason(r) == ("paid by AHMED ALMULLA, not a customer; INV-101 is the only open "
                         "invoice of this amount, please confirm")


def test_the_customers_own_spelling_still_pays_its_invoices():
    r = match(AMAL, AMAL_INVOICES, {"amount": 14237.45, "desc": "INWARD TRANSFER",
                                    "cp": "AL AMAL TRADING"})
    assert allocations(r) == [("INV-101", 6107.80, "multi-invoice", "Matched"),
                              ("INV-102", 8129.65, "multi-invoice", "Matched")]
    assert r.matches["Confidence"].tolist() == [0.9, 0.9]


def test_a_customer_with_a_name_in_each_script_keeps_its_words():
    """With an English name beside the Arabic (Al Mulla Trading), ALMULLA may be that one."""
    directory = PayerDirectory(pd.DataFrame([
        {"Customer ID": "C1", "Name": "شركة الأمل للتجارة", "English Name": "Almulla Trading"},
        customer("C2", "Delta Star Paints")]))
    assert directory.shares_words("C1", "AHMED ALMULLA")
    assert not PayerDirectory(pd.DataFrame(AMAL)).shares_words("C1", "AHMED ALMULLA")
    assert PayerDirectory(pd.DataFrame(AMAL)).shares_words("C1", "EL AMAL FOR TRADING")


@pytest.mark.parametrize(("narrative", "payer"), [
    ("حوالة واردة من الشركة المتحدة", None), ("حوالة من الشركة", None), ("حوالة المصنع", None),
    ("حوالة الشرق", ("C1", 98.0, True))])
def test_the_article_of_a_word_of_no_name_is_kept(narrative, payer):
    """الشركة (the company) is no AL + SHARQ: a legal form, a business word or the bank's word
    with the article names no customer written without it."""
    directory = PayerDirectory(pd.DataFrame([customer("C1", "Sharq Co"),
                                             customer("C2", "Delta Star Paints"),
                                             customer("C3", "Masna Group")]))
    found = directory.by_name(narrative, narrative=True)
    assert (None if found is None else (found.customer, found.score, found.certain)) == payer
