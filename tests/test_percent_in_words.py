"""A percentage written in words, as Arabic and English masters type it: '5 في المائة',
'5 بالمئة', '2.5 percent', '14 pct' were 'not a number' (an Input Issue, the discount or tax
rate lost)."""

from __future__ import annotations

import pytest

from ar_excel.io.reader import read_book
from ar_excel.parsing.terms import parse_percent
from tests._workbooks import save_sheets


@pytest.mark.parametrize(("typed", "rate"), [
    ("5 في المائة", 5.0), ("5 بالمائة", 5.0), ("٥ بالمئة", 5.0), ("15 في المائه", 15.0),
    ("2.5 percent", 2.5), ("3 per cent", 3.0), ("14 pct", 14.0), ("5%", 5.0),
])
def test_a_percentage_in_words(typed, rate):
    assert parse_percent(typed) == rate


def test_a_discount_in_words_is_read_in_the_master(tmp_path):
    path = save_sheets(tmp_path / "m.xlsx", {"العملاء": [
        ["رقم العميل", "اسم العميل", "الخصم"], ["1001", "شركة النيل للأغذية", "7 في المائة"],
        ["1002", "مؤسسة الفجر", "2%"]]})
    book = read_book(path)
    assert book.frame("Customers")["Discount %"].tolist() == [7.0, 2.0]
    assert not book.issues
