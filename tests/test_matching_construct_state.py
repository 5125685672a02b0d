"""A final ة written -at before the next word (NAJMAT ALKHALEEJ for نجمة الخليج, MADINAT for
مدينة): the narrative's word meets the master's name without its t, only where no customer's
name has the word with the t."""

from __future__ import annotations

import pandas as pd

from ar_excel.core.matching.payers import PayerDirectory

CUSTOMERS = pd.DataFrame({"Customer ID": ["1001", "1005", "1006", "1007"],
                          "Name": ["شركة الراجحي للتجارة", "شركة نجمة الخليج", "مؤسسة بركات",
                                   "شركة بركة للأغذية"]})


def _payer(text: str):
    p = PayerDirectory(CUSTOMERS, None).by_name(text, narrative=True)
    return None if p is None else (p.customer, p.certain)


def test_the_construct_state_t_meets_the_name_without_it():
    assert _payer("INWARD TRF NAJMAT ALKHALEEJ CO") == ("1005", True)


def test_a_name_that_has_the_t_keeps_it():
    assert _payer("TRF BARAKAT EST") == ("1006", True)  # بركات, not بركة
    assert _payer("TRF BARAKA FOODS") == ("1007", True)


def test_no_customer_has_the_word_at_all():
    assert _payer("TRF MADINAT NASR CO") is None
