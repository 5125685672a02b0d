"""A date written the year first with a month or day of one digit (بتاريخ 2026/3/15, as
Iraqi and Levantine payers write one by hand) beside invoices numbered year/sequence
(2026/315): the date's digits are no invoice number named for sure (helper-207's Iraqi
month)."""

from __future__ import annotations

from ar_excel.core.matching.references import printed_dates
from tests.test_matching_real_narratives import allocations, customer, invoice, match, reason

CUSTOMERS = [customer("IQ-001", "شركة نينوى للأغذية", Currency="IQD"),
             customer("IQ-002", "شركة الرافدين للتجارة العامة المحدودة", Currency="IQD")]
INVOICES = [invoice("2026/315", "IQ-001", 12_500_000, "2026-10-05", Currency="IQD"),
            invoice("2026/340", "IQ-001", 6_250_000, "2026-10-20", Currency="IQD"),
            invoice("2026/341", "IQ-002", 9_000_000, "2026-10-21", Currency="IQD")]


def _line(desc: str):
    return match(CUSTOMERS, INVOICES, {"amount": 6_250_000, "desc": desc, "cur": "IQD",
                                       "date": "2026-11-06"})


def test_year_first_dates_with_one_digit_parts_are_dates():
    assert printed_dates("حواله بتاريخ 2026/3/15") == {"2026315"}
    assert printed_dates("TRF 2026-11-5") == {"2026115"}
    assert printed_dates("قائمه 2026/315") == set()  # one separator: a number


def test_a_date_reading_as_an_invoice_number_is_not_a_part_payment_for_sure():
    """Nineveh pays 6,250,000 'بتاريخ 2026/3/15' (dated 15 March): its invoice 2026/340 is
    exactly the amount. The date's digits (2026315) were read as invoice 2026/315 named in
    full and the receipt Matched as its part payment."""
    r = _line("حوالة واردة شركة نينوى للأغذية بتاريخ 2026/3/15")
    assert [st for *_, st in allocations(r)] == ["Suggested"]
    assert "may be a date" in reason(r)


def test_the_invoice_written_as_its_number_stays_a_part_payment():
    r = _line("حوالة واردة شركة نينوى للأغذية قائمة 2026/315")
    assert allocations(r) == [("2026/315", 6_250_000.0, "partial", "Matched")]
