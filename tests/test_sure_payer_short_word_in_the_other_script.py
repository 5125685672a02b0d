"""A payer known for sure by its name in full, naming another customer's invoice, whose name
shares with that customer's only a short word written in the other script without the long
vowels its Arabic writes. 'INWARD TRANSFER ALMULLA PHARMA INV-2026-0422' for 5,250.00: the name
is Almulla Pharma's in full, INV-2026-0422 is Al Amal Trading's (شركة الأمل للتجارة), and
Almulla Pharma has INV-2026-0421 of 5,250.00 open, one digit away. ALMULLA is no الأمل
(``shares_words`` leaves it out: tests/test_h162_arabic_latin_names.py), so the names share
nothing and the payer's own invoice is the reading, as for ABC Cargo paying Desert Rose's
number (tests/test_matching_sure_payer_names_anothers_invoice.py). Reading the two names' word
skeletons alone (lml, lml) took the printed name for a transliteration of Al Amal's and
Matched (0.99) Al Amal's invoice."""

from __future__ import annotations

from tests.test_matching_real_narratives import allocations, customer, invoice, match

CUSTOMERS = [customer("C1", "شركة الأمل للتجارة"), customer("C7", "Almulla Pharma")]
INVOICES = [invoice("INV-2026-0421", "C7", 5250.00, "2026-10-07"),
            invoice("INV-2026-0422", "C1", 5250.00, "2026-10-07")]


def test_a_short_word_unlike_in_the_other_script_is_no_word_shared():
    r = match(CUSTOMERS, INVOICES,
              {"amount": 5250.00, "desc": "INWARD TRANSFER ALMULLA PHARMA INV-2026-0422"},
              {"amount": 5250.00, "desc": "حوالة واردة من شركة الأمل للتجارة"})
    assert allocations(r, "L1") == [("INV-2026-0421", 5250.00, "amount+payer", "Matched")]
    assert allocations(r, "L2") == [("INV-2026-0422", 5250.00, "amount+payer", "Matched")]


def test_the_same_word_in_the_other_script_leaves_the_named_invoice_paid():
    """AL AMAL PHARMA is a transliteration of الأمل: a sister company of Al Amal Trading may be
    paying for it, and the number written decides."""
    customers = [CUSTOMERS[0], customer("C7", "Al Amal Pharma")]
    r = match(customers, INVOICES,
              {"amount": 5250.00, "desc": "INWARD TRANSFER AL AMAL PHARMA INV-2026-0422"})
    assert allocations(r) == [("INV-2026-0422", 5250.00, "reference", "Matched")]
