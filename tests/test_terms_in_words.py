"""Payment terms whose days are spelled out, as clerks write them in English and Arabic."""

from __future__ import annotations

import pytest

from ar_excel.parsing import parse_terms


@pytest.mark.parametrize(("text", "days"), [
    ("thirty days", 30), ("Sixty Days", 60), ("ninety days", 90), ("forty five days", 45),
    ("forty-five days", 45), ("fifteen days", 15), ("net thirty", 30), ("thirty", 30),
    ("ثلاثين يوم", 30), ("ستين يوماً", 60), ("تسعين يوم", 90), ("خمسة وأربعين يوم", 45),
    ("خمسة عشر يوم", 15), ("عشرة أيام", 10), ("آجل ستين يوم", 60),
    # as before
    ("Net 30", 30), ("٤٥ يوم", 45), ("three months", 90), ("شهرين", 60), ("two weeks", 14),
])
def test_days_spelled_out(text, days):
    assert parse_terms(text) == days


@pytest.mark.parametrize("text", ["thirty-one flavours", "sixty percent", "ستين ريال"])
def test_other_words_are_no_terms(text):
    with pytest.raises(ValueError, match="is not payment terms in days"):
        parse_terms(text)
