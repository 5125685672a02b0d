"""A cheque deposited and returned unpaid, as Egyptian and Gulf banks print the return in
Arabic (شيك مرتد, شيك راجع, شيك مرفوض, ارجاع شيك): the deposit pays no invoice, as 'RETURNED
CHQ' already did. Before, the deposit stayed Matched and was listed in Receipts To Post."""

from __future__ import annotations

import pandas as pd
import pytest

from ar_excel.core.matching.reversals import reversed_credits


def _lines(debit_text: str) -> pd.DataFrame:
    return pd.DataFrame({
        "Date": pd.to_datetime(["2026-10-20", "2026-10-21", "2026-10-22"]),
        "Amount": [5911.26, -120.00, -5911.26],
        "Description": ["ايداع شيك 4411 Delta Foods", "رسوم خدمات", debit_text],
    })


@pytest.mark.parametrize("debit_text", [
    "شيك مرتد 4411", "شيك مرتدة", "شيك راجع رقم 4411", "شيك مرفوض لعدم كفاية الرصيد",
    "ارجاع شيك 4411", "RETURNED CHQ 4411",
])
def test_the_return_undoes_the_deposit(debit_text: str) -> None:
    assert reversed_credits(_lines(debit_text)) == {0: 2}


@pytest.mark.parametrize("debit_text", [
    "مراجعة حسابات - اتعاب", "تحويل الى المورد", "سداد مستحقات",
])
def test_a_payment_out_of_the_same_sum_is_no_return(debit_text: str) -> None:
    assert reversed_credits(_lines(debit_text)) == {}
