"""A cheque deposited and returned, its number ending as a settled invoice's: 'CHQ DEP 000123
ALEX BANK CLG' (4,560.00) beside 2026-123, Cairo Pharma's 22,800.00 paid in full the same
month by the transfer naming it. Worked out by hand: the deposit is reversed by 'RETURNED CHQ
000123' and left unallocated; the invoices a person should look at are those of its amount,
2026-124 (Alex Marine) and 2026-125 (Cairo Pharma). 2026-123 owes nothing: no place for
4,560.00. Before: the cheque number's tail made 2026-123 the first candidate, printed
'2026-123 (E05, 0.00 open)' (helper-222's leftover on CIB's statement). An invoice the
narrative names in full stays a candidate, settled or not: the reason says so."""

from __future__ import annotations

import pandas as pd

from tests.test_matching_real_narratives import customer, invoice, match

CUSTOMERS = [customer("E05", "Cairo Pharma"), customer("E06", "Alex Marine Services")]
INVOICES = [invoice("2026-123", "E05", 22800.00, "2026-10-22"),
            invoice("2026-124", "E06", 4560.00, "2026-10-25"),
            invoice("2026-125", "E05", 4560.00, "2026-10-26")]


def _candidates(result, line):
    rows = result.unmatched[result.unmatched["Bank Line"] == line]
    return rows["Candidates"].tolist()


def test_a_cheque_numbers_tail_names_no_settled_invoice():
    result = match(CUSTOMERS, INVOICES,
                   {"amount": 22800.00, "desc": "INWARD TRANSFER CAIRO PHARMA PAYMENT INV 2026-123",
                    "date": "2026-11-02"},
                   {"amount": 4560.00, "desc": "CHQ DEP 000123 ALEX BANK CLG",
                    "date": "2026-11-06"},
                   {"amount": -4560.00, "desc": "RETURNED CHQ 000123 INSUFFICIENT FUNDS",
                    "date": "2026-11-12"})
    m = result.matches
    assert m.loc[m["Bank Line"] == "L1", ["Invoice No", "Applied Amount", "Status"]].values.tolist() \
        == [["2026-123", 22800.0, "Matched"]]
    assert _candidates(result, "L2") == [
        "2026-124 (E06, same amount); 2026-125 (E05, same amount)"]


def test_an_invoice_named_in_full_stays_a_candidate_when_settled():
    result = match(CUSTOMERS, INVOICES,
                   {"amount": 22800.00, "desc": "INWARD TRANSFER CAIRO PHARMA PAYMENT INV 2026-123",
                    "date": "2026-11-02"},
                   {"amount": 3000.00, "desc": "INWARD TRANSFER REF INV 2026-123",
                    "date": "2026-11-09"})
    rows = result.unmatched[result.unmatched["Bank Line"] == "L2"]
    assert rows["Reason"].tolist() == ["names invoice 2026-123 already settled (duplicate payment?)"]
    assert pd.notna(rows["Candidates"]).all()
    assert _candidates(result, "L2") == ["2026-123 (E05, 0.00 open)"]
