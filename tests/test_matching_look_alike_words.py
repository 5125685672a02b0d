"""A look-alike name that scores as certain only by a word it shares with the payer's (CORAL
of Coral Agro among the words of CORAL SYSTEMS GROUP) is no doubt about who paid when the
line writes every word of the payer's name and not one of its own: the payer's invoice less
a bank charge within the tolerance is Matched, with the write-off proposed."""

from __future__ import annotations

from tests.test_matching_real_narratives import allocations, customer, invoice, match

CUSTOMERS = [customer("C1", "Coral Systems Group"), customer("C2", "Coral Agro"),
             customer("C3", "Delta Foods")]
INVOICES = [invoice("F599", "C1", 7500.00, "2026-09-01"),
            invoice("F029", "C2", 7500.00, "2026-09-02"),
            invoice("F100", "C3", 3000.00, "2026-09-03")]


def test_the_payers_invoice_less_a_charge_when_the_look_alike_lacks_its_words():
    r = match(CUSTOMERS, INVOICES, {"amount": 7486.00, "desc": "حوالة واردة من CORAL SYSTEMS GROUP"})
    assert allocations(r) == [("F599", 7486.00, "fee-writeoff", "Matched")]
    assert [round(w, 2) for w in r.matches["Write-off"]] == [14.00]


def test_a_line_writing_the_look_alikes_word_too_keeps_the_doubt():
    r = match(CUSTOMERS, INVOICES,
              {"amount": 7486.00, "desc": "حوالة واردة من CORAL SYSTEMS GROUP AGRO"})
    assert [a[3] for a in allocations(r)] == ["Suggested"]
