"""The note on a match whose narrative reads like money in of another kind is good English for
every kind (it read 'reads like a insurance', 'a card sales', 'a interest') and said in Arabic."""

import pytest

from ar_excel.core.matching.booking import doubted_inflow_note
from ar_excel.io.reasons_ar import arabic_reason


@pytest.mark.parametrize(("category", "arabic"), [
    ("refund", "استرداد"), ("insurance", "تعويض تأمين"), ("card sales", "تسوية مبيعات بطاقات"),
    ("interest", "فوائد"), ("treasury", "استثمار / وديعة"), ("capital", "رأس مال")])
def test_each_kind_reads_well_in_english_and_arabic(category, arabic):
    note = doubted_inflow_note(category)
    assert note == (f"; the narrative reads like a non-customer inflow ({category}), not a "
                    "customer's payment: please confirm")
    said = arabic_reason("narrative names INV-1" + note)
    assert said == f"البيان يذكر INV-1؛ البيان يبدو {arabic} وليس سداد عميل: يُرجى التأكيد"
