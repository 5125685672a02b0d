"""Invoice numbers as payers write them in bank narratives.

* ``Inv. No. 1031/2026``: the numeric part and the year the invoice was issued in; the
  numeric part names the invoice as ``INV 1031`` does (the one open invoice ending so).
* ``INV/2026/06/32`` for ``INV/2026/06/0032``: the sequence without its padding; its digits run
  on like another series' number (ف-2026-0632: 20260632), but the letters written decide.
* ``2026-INV-00527`` for ``2026-INV-0527``: letters inside the number, other zero padding.
"""

from __future__ import annotations

import pytest

from ar_excel.core.matching.normalize import fold_text, invoice_mentions, invoice_ranges
from tests.test_matching_real_narratives import allocations, customer, invoice, match, reason

CUSTOMERS = [customer("C1", "Nile Foods Co"), customer("C2", "Delta Trading"),
             customer("C3", "Sinai Steel"), customer("C4", "Pyramids Plastics")]
INVOICES = [
    invoice("INV-01031", "C1", 25080.91, "2026-09-06"),
    invoice("INV-01038", "C1", 46177.80, "2026-10-06"),
    invoice("INV/2026/06/0032", "C2", 9000.00, "2026-06-20"),
    invoice("ف-2026-0632", "C3", 5900.00, "2026-09-01"),
    invoice("2026-INV-0527", "C4", 12000.00, "2026-09-10"),
    invoice("2026-INV-0528", "C4", 3000.00, "2026-09-11"),
]


@pytest.mark.parametrize(("text", "called"), [
    ("Inv. No. 1031/2026", {"1031"}),
    ("فاتورة رقم ١٠٣١/٢٠٢٦", {"1031"}),
    ("INV 0123-2026", {"123"}),
    ("INV 45/2026 + 46/2026", {"45", "46"}),
    ("INV 2026/1031", set()),  # the year first: a whole number, read by its keys
    ("INV 2025/2026", set()),
    ("INV 1031/2026/5", set()),
])
def test_a_numeric_part_and_the_year_after_it(text, called):
    assert invoice_mentions(fold_text(text)) == called


@pytest.mark.parametrize(("text", "called"), [
    ("فواتير من ١٠٠١ الى ١٠٠٤", {"1001", "1002", "1003", "1004"}),
    ("سداد الفواتير من ١٠٠١ إلى ١٠٠٣", {"1001", "1002", "1003"}),
    ("INVOICES FROM 1001 TO 1003", {"1001", "1002", "1003"}),
    ("INV NOS 1001-1002", {"1001", "1002"}),
    ("فواتير ارقام ١٠٠١ - ١٠٠٢", {"1001", "1002"}),
    ("INV NOS. 1001, 1003", {"1001", "1003"}),
    # "until" as Egyptian clerks write it: حتى (often حتي) and لغاية
    ("سداد فواتير ١٠٠١ حتي ١٠٠٤", {"1001", "1002", "1003", "1004"}),
    ("فواتير من 1001 حتى 1003", {"1001", "1002", "1003"}),
    ("فواتير ١٠٠١ لغاية ١٠٠٣", {"1001", "1002", "1003"}),
])
def test_ranges_and_lists_as_payers_word_them(text, called):
    assert invoice_mentions(fold_text(text)) == called


@pytest.mark.parametrize(("text", "ranges"), [
    ("EL HADITHA DRUGS سداد INV 383-660", [("383", "660")]),
    ("فواتير ٣٨٣ الى ٦٦٠", [("383", "660")]),
    ("INVOICES 00383 TO 00660", [("383", "660")]),
    ("INVOICES FROM 383 TO 660", [("383", "660")]),
    ("فواتير من ٣٨٣ حتى ٦٦٠", [("383", "660")]),
    ("فواتير من ٣٨٣ لغاية ٦٦٠", [("383", "660")]),
    ("INV 45-47", []),  # listed whole by invoice_mentions
    ("INV 2026-0045", []),  # a number with a dash
    ("INV 2026-2107", []),  # a year and a sequence
    ("INV/2026/383-660", []),  # inside a longer number
])
def test_ranges_too_wide_to_list(text, ranges):
    assert invoice_ranges(fold_text(text)) == ranges


def test_a_part_payment_of_an_invoice_written_with_its_year():
    r = match(CUSTOMERS, INVOICES, {"amount": 20000.00, "desc": "Inv. No. 1031/2026"})
    assert allocations(r) == [("INV-01031", 20000.00, "partial", "Matched")]
    assert reason(r) == "narrative names INV-01031; part payment of 25,080.91 open"


def test_a_sequence_written_without_its_padding_after_its_own_letters():
    # ف-2026-0632 (digits 20260632) is settled by another line; INV/2026/06/32 is C2's
    r = match(CUSTOMERS, INVOICES,
              {"amount": 5900.00, "desc": "TRF ف-2026-0632"},
              {"amount": 5000.00, "desc": "SWIFT INWARD /RFB/ON ACC INV/2026/06/32"})
    assert allocations(r) == [("ف-2026-0632", 5900.00, "reference", "Matched")]
    assert allocations(r, "L2") == [("INV/2026/06/0032", 5000.00, "partial", "Matched")]


def test_letters_inside_a_number_with_other_zero_padding():
    r = match(CUSTOMERS, INVOICES, {"amount": 9400.00, "desc": "PART PAYMENT 2026-INV-00527"})
    assert allocations(r) == [("2026-INV-0527", 9400.00, "partial", "Matched")]
    r = match(CUSTOMERS, INVOICES, {"amount": 12000.00, "desc": "2026INV00527"})
    assert allocations(r) == [("2026-INV-0527", 12000.00, "reference", "Matched")]


def test_invoices_from_the_first_to_the_last_in_arabic_words():
    invoices = INVOICES + [invoice("INV-01039", "C1", 1000.00, "2026-10-07")]
    # 500.00 more than the two invoices the range holds: an overpayment of them, on account
    r = match(CUSTOMERS, invoices,
              {"amount": 71758.71, "desc": "سداد الفواتير من ١٠٣١ إلى ١٠٣٨"})
    assert allocations(r) == [("INV-01031", 25080.91, "overpayment", "Matched"),
                              ("INV-01038", 46177.80, "overpayment", "Matched"),
                              (None, 500.00, "on-account", "Matched")]
