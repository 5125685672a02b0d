"""DH for ظ / ذ in Gulf spellings, the letter before an H.

A Latin DH is the ظ / ذ of the Arabic (ABU DHABI أبو ظبي, DHOFAR ظفار) and both scripts' skeletons
read it as ``z``. Only when a vowel then an H followed it (AL DHAHERI, الظاهري: ظ ا ه) the
vowel-less Latin DHH was merged into one DH (lzr) while the Arabic keeps its ه (lzhr): the
customer was no candidate and its open amount was left unmatched. DH is now read as one letter
before the vowels go. Names sharing only letters stay apart (الزهراني).
"""

from __future__ import annotations

import pytest

from ar_excel.core.matching.names import name_tokens
from tests.test_matching_real_narratives import allocations, customer, invoice, match, reason

CUSTOMERS = [customer("C1", "مؤسسة الظاهري"), customer("C2", "Delta Star Paints"),
             customer("C3", "شركة أبو ظبي للمقاولات"), customer("C4", "شركة ظفار للتجارة"),
             customer("C5", "مؤسسة جمال للتجارة"), customer("C6", "مؤسسة الزهراني")]
INVOICES = [invoice("INV-101", "C1", 4200.00), invoice("INV-201", "C2", 4200.00),
            invoice("INV-301", "C3", 3100.00), invoice("INV-202", "C2", 3100.00),
            invoice("INV-401", "C4", 2750.00), invoice("INV-203", "C2", 2750.00),
            invoice("INV-501", "C5", 990.00), invoice("INV-204", "C2", 990.00),
            invoice("INV-601", "C6", 5600.00), invoice("INV-205", "C2", 5600.00)]


@pytest.mark.parametrize(("row", "inv", "why"), [
    ({"amount": 4200.00, "desc": "INWARD TRANSFER AL DHAHERI EST"}, "INV-101",
     "payer by narrative name (98)"),
    ({"amount": 4200.00, "desc": "IPI TT 5541", "cp": "AL DHAHERI EST"}, "INV-101",
     "payer by name (100)"),
    ({"amount": 4200.00, "desc": "IPI TT 5541", "cp": "ALDHAHERI"}, "INV-101",
     "payer by name (100)"),
    # (already read so: pinned)
    ({"amount": 3100.00, "desc": "INWARD TRANSFER ABU DHABI CONTRACTING"}, "INV-301",
     "payer by narrative name (98)"),
    ({"amount": 2750.00, "desc": "INWARD TRANSFER DHOFAR TRADING"}, "INV-401",
     "payer by narrative name (98)"),
    ({"amount": 990.00, "desc": "INWARD TRANSFER GAMAL TRADING"}, "INV-501",
     "payer by narrative name (98)"),
])
def test_dh_meets_the_arabic_letter(row, inv, why):
    r = match(CUSTOMERS, INVOICES, row)
    assert allocations(r) == [(inv, row["amount"], "amount+payer", "Matched")]
    assert r.matches["Confidence"].tolist() == [0.95]
    assert reason(r) == f"{why}; amount equals the open amount of {inv}"


def test_al_dhaheri_is_no_al_zahrani():
    """الزهراني shares the letters z h r: AL DHAHERI paying its open amount is Al Dhaheri's
    money (more than it owes: Suggested), or, in the name field, a related company's for a
    person to confirm; never الزهراني's for certain."""
    r = match(CUSTOMERS, INVOICES, {"amount": 5600.00, "desc": "INWARD TRANSFER AL DHAHERI EST"})
    assert allocations(r) == [("INV-101", 4200.00, "overpayment", "Suggested"),
                              (None, 1400.00, "on-account", "Suggested")]
    r = match(CUSTOMERS, INVOICES, {"amount": 5600.00, "desc": "IPI TT 5541",
                                    "cp": "AL DHAHERI EST"})
    assert allocations(r) == [("INV-601", 5600.00, "amount+payer", "Suggested")]
    assert reason(r).endswith("the name is customer C1's (مؤسسة الظاهري): a related company "
                              "paying for it? please confirm")


@pytest.mark.parametrize(("name", "tokens"), [
    ("AL DHAHERI", ["lzhr"]), ("الظاهري", ["lzhr"]), ("DHAHRAN", ["zhrn"]), ("ADHAM", ["zm"]),
    ("أدهم", ["zm"]), ("HAFIDH", ["hfz"]), ("ABU DHABI", ["b", "zb"]), ("أبو ظبي", ["b", "zb"])])
def test_dh_skeletons(name, tokens):
    assert name_tokens(name) == tokens
