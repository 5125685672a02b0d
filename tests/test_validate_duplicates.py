"""Possible duplicates: spelling variants of one company found, different companies not."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ar_excel.core.customers.contacts import email_problem, invalid_ibans, phone_problem
from ar_excel.core.customers.duplicates import (
    compare_names,
    contact_of,
    possible_duplicates,
    shared_tax_ids,
)
from ar_excel.core.customers.names import normalize_name

SAME = [
    ("شركة النيل للأغذية ش.م.م", "النيل للاغذيه"),
    ("مؤسسة الأمل للتجارة", "الامل للتجاره"),
    ("إسكندرية للحديد", "اسكندريه للحديد"),  # alef with hamza / taa marbuta
    ("مصطفى للمقاولات", "مصطفي للمقاولات"),  # alef maqsura
    ("شركـــة النُّور للتجارة", "النور  للتجارة ذ.م.م"),  # tatweel, diacritics, double space
    ("شركة الهدى ش م م", "الهدي"),
    ("Nile Foods Co.", "NILE FOODS COMPANY"),
    ("Nile Foods, L.L.C.", "nile foods llc"),
    ("Al-Nour Trading S.A.E.", "Elnour Trading"),
    ("Delta Pharma Ltd.", "Delta Pharma Limited"),
    ("Misr & Sons Co", "Misr and Sons"),
    ("Noor Trading", "Nour Trading"),
    ("Cairo Electronics Inc", "Cairo Electronic"),
]
DIFFERENT = [
    ("Nile Foods", "Nile Motors"),
    ("Cairo Steel", "Giza Steel"),
    ("Egyptian Co. for Food Industries", "Egyptian Co. for Metal Industries"),
    ("Metro Market 12", "Metro Market 15"),
    ("ABC Trading", "ABD Trading"),
    ("النيل للأغذية", "النيل للسيارات"),
    ("Nile Foods", "Nile Foods Alexandria"),  # a branch: only with a shared detail
]


@pytest.mark.parametrize(("a", "b"), SAME)
def test_spelling_variants_of_one_company_match_on_names(a, b):
    assert compare_names(normalize_name(a), normalize_name(b)).alone


@pytest.mark.parametrize(("a", "b"), DIFFERENT)
def test_different_companies_do_not_match_on_names(a, b):
    assert not compare_names(normalize_name(a), normalize_name(b)).alone


def _contacts(*rows):
    return [contact_of(*r) for r in rows]


def test_a_name_contained_in_another_needs_a_shared_detail():
    ids = ["A", "B", "C"]
    names = ["Nile Foods", "Nile Foods Industries", "Nile Foods Alexandria"]
    details = _contacts(("+20 100 123 4567", None, None, None),
                        ("0100 123 4567", None, None, None),  # same line, local format
                        ("+20 3 555 1234", None, None, None))
    matches = possible_duplicates(ids, names, details)
    assert [(m.left, m.right, m.evidence) for m in matches] == [
        (0, 1, (("name", 64), ("phone", None)))]


def test_an_arabic_and_an_english_name_are_tied_by_a_shared_bank_account():
    ids = ["A", "B"]
    names = ["Nile Foods", "النيل للأغذية"]
    account = "EG380019000500000000263180002"
    matches = possible_duplicates(ids, names, _contacts((None, None, account, None),
                                                       (None, None, account.lower(), None)))
    assert [(m.left, m.right, m.evidence) for m in matches] == [
        (0, 1, (("scripts", None), ("iban", None)))]


def test_free_mail_domains_and_the_same_id_do_not_count():
    ids = ["A", "B", "A"]
    names = ["Nile Foods", "Nile Foods Alexandria", "Nile Foods Co"]
    details = _contacts((None, "x@gmail.com", None, None), (None, "y@gmail.com", None, None),
                        (None, None, None, None))
    assert possible_duplicates(ids, names, details) == []


def test_shared_tax_ids_ignore_placeholders_and_formatting():
    ids = ["A", "B", "C", "D", "E"]
    taxes = ["100-200-300", "100 200 300", "N/A", "n/a", "0000"]
    assert shared_tax_ids(ids, taxes) == {0: [1], 1: [0]}


def test_blocking_finds_a_typo_between_many_similar_names():
    # 3,000 names sorting between the two spellings: only the one-letter-deletion block
    # brings "Kalyoub" and "Kalyub" together.
    filler = [f"Kalyo{chr(117 + i % 6)}{chr(97 + i // 6 % 26)}{chr(97 + i // 156 % 26)} Textiles"
              for i in range(3000)]
    names = [*filler, "Kalyoub Textiles", "Kalyub Textiles"]
    ids = [f"C{i}" for i in range(len(names))]
    matches = possible_duplicates(ids, names, _contacts(*[(None,) * 4] * len(names)))
    assert (3000, 3001) in [(m.left, m.right) for m in matches]


def test_first_letter_typos_are_different_companies():
    assert possible_duplicates(["A", "B"], ["Taya Paper", "Saya Paper"],
                               _contacts((None,) * 4, (None,) * 4)) == []


@pytest.mark.parametrize("phone", ["+20 100 123 4567", "٠١٠٠١٢٣٤٥٦٧", "(02) 2345-6789 ext 12",
                                   "0020 2 2345 6789 / 01001234567", "+966-11-234-5678",
                                   "02.2345.6789", "Tel: 02 2345 6789",
                                   "0100 123 4567 (mobile)", "موبايل: ٠١٠٠١٢٣٤٥٦٧",
                                   "\u200e+20 100 123 4567\u200e",
                                   "0100-123-4567 - 0122-987-6543", "+20 (0) 100 123 4567"])
def test_valid_phone_numbers(phone):
    assert phone_problem(phone) is None


@pytest.mark.parametrize(("phone", "why"), [("12-34", "too few digits"),
                                            ("call me", "letters or symbols"),
                                            ("1111111111", "placeholder"),
                                            ("+20 100 123 4567 8901 2345", "too many digits")])
def test_invalid_phone_numbers(phone, why):
    assert phone_problem(phone) == why


@pytest.mark.parametrize("email", ["ap+invoices@nilefoods.com.eg", "A.B@X.CO",
                                   "a@b.com; c@d.org", "mailto:ar@x.com",
                                   "Ali Hassan <ali.hassan@nile.com>",
                                   "\u200fap@nile.com\u200f", "ap@nile.com\u00a0",
                                   "ap@nile.com / ar@nile.com", "ap@nile.com | ar@nile.com"])
def test_valid_emails(email):
    assert email_problem(email) is None


@pytest.mark.parametrize("email", ["accounts@nile", "no at sign.com", "a@@b.com", "a@b.c",
                                   "ali@شركة.com"])
def test_invalid_emails(email):
    assert email_problem(email) is not None


def test_iban_check_digits():
    assert invalid_ibans("EG380019000500000000263180002; 1234567890") == []
    assert invalid_ibans("EG38 0019 0005 0000 0000 2631 8000 3") == [
        "EG380019000500000000263180003"]


_BRANDS = ["Sakura", "Pyramid", "Horizon", "Oasis", "Phoenix", "Lotus", "Falcon", "Sphinx",
           "Meridian", "Orchid", "Zenith", "Nilemark"]
_SECTORS = ["Foods", "Motors", "Textiles", "Cement", "Logistics", "Pharma", "Plastics"]
_LEGAL = ["", " Co.", " Company", " LLC", " Ltd", " S.A.E.", " Inc."]


def _variant(name: str, how: int, legal: str) -> str:
    if how == 0:
        return name.upper() + legal
    if how == 1:
        return name.replace(" ", "-") + legal
    if how == 2:  # a letter dropped inside the first word (never its first letter)
        first, rest = name.split(" ", 1)
        return first[:3] + first[4:] + " " + rest + legal
    return "The " + name.lower() + "," + legal


@settings(max_examples=40, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(_BRANDS), st.sampled_from(_SECTORS)), min_size=5,
                max_size=40, unique=True),
       st.integers(0, 3), st.sampled_from(_LEGAL), st.data())
def test_blocking_finds_every_spelling_variant_among_other_companies(bases, how, legal, data):
    names = [f"{b} {s}" for b, s in bases]
    twin = data.draw(st.integers(0, len(names) - 1))
    names.append(_variant(names[twin], how, legal))
    ids = [f"C{i}" for i in range(len(names))]
    found = {(m.left, m.right) for m in possible_duplicates(
        ids, names, _contacts(*[(None,) * 4] * len(names)))}
    # ... and nothing else: another brand or another sector is another company.
    assert found == {(twin, len(names) - 1)}


_AR_BRANDS = ["الأمل", "النور", "الهدى", "الإسراء", "الفجر", "السلام", "المستقبل", "الريان",
              "الزهراء", "طيبة"]
_AR_SECTORS = ["للأغذية", "للتجارة", "للمقاولات", "للأدوية", "للنسيج", "للسيارات"]


def _ar_variant(name: str, how: int) -> str:
    if how == 0:
        return name.replace("أ", "ا").replace("إ", "ا").replace("ة", "ه").replace("ى", "ي")
    if how == 1:
        return "شركة " + name.replace(" ", "  ") + " ش.م.م"
    if how == 2:
        return "مؤسسـة " + name.replace("ل", "لـ", 1)  # tatweel
    return name.replace("ا", "اَ", 1) + " ذ.م.م"  # a diacritic


@settings(max_examples=40, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(_AR_BRANDS), st.sampled_from(_AR_SECTORS)),
                min_size=5, max_size=30, unique=True),
       st.integers(0, 3), st.data())
def test_arabic_spelling_variants_are_found_and_nothing_else(bases, how, data):
    names = [f"{b} {s}" for b, s in bases]
    twin = data.draw(st.integers(0, len(names) - 1))
    names.append(_ar_variant(names[twin], how))
    ids = [f"C{i}" for i in range(len(names))]
    found = {(m.left, m.right) for m in possible_duplicates(
        ids, names, _contacts(*[(None,) * 4] * len(names)))}
    assert found == {(twin, len(names) - 1)}


_CELLS = {
    "phone": [None, "", "+20 100 123 4567", "٠١٠٠١٢٣٤٥٦٧", "(02) 2345-6789 ext 12",
              "0020 2 2345 6789 / 01001234567", "12-34", "0000000", "Tel: 02 2345 6789",
              "0100-123-4567 - 0122-987-6543", "call me", " 02 2345 6789 ", "1111111111"],
    "email": [None, "", "ap+x@nile.com", "AR@Nile.COM ", "a@gmail.com", "a@b", "a@x.com; b@y.org",
              "mailto:ar@x.com", "Ali <ali@z.com>", "\u200fap@q.com", "no at all", "a@@b.com"],
    "account": [None, "", "EG380019000500000000263180002", "123-456-789; 987654321", "12"],
    "tax": [None, "", "100-200-300", "100 200 300", "N/A", "0000", "00123", "x", "٣١٠١٢٣",
            "AB.12/34", "-"],
}


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(*(st.sampled_from(v) for v in _CELLS.values())), min_size=1,
                max_size=30))
def test_column_wise_contacts_equal_cell_by_cell(rows):
    import pandas as pd

    from ar_excel.core.customers.duplicates import contacts_of

    columns = [pd.Series(list(c), dtype="object") for c in zip(*rows, strict=True)]
    assert contacts_of(*columns) == [contact_of(*r) for r in rows]
