"""A Customer ID given twice, the second row's name no words ('-x', '-', blank): the payer
directory kept the second row's text as the customer's name while its words came from the
first, and reading a narrative naming the customer crashed the whole reconcile ('internal
error: zip() argument 2 is shorter than argument 1'; found by the month-end fuzz test)."""

from __future__ import annotations

import pytest

from tests.test_matching_real_narratives import allocations, customer, invoice, match


@pytest.mark.parametrize("second", ["-x", "-", None, "  "])
def test_a_customer_id_twice_the_second_without_a_name_is_read_by_the_first(second):
    customers = [customer("C1", "Nile Foods"), customer("C1", second),
                 customer("C2", "شركة النيل للأغذية")]
    r = match(customers, [invoice("INV-1", "C1", 1000.00)],
              {"amount": 1000.00, "desc": "TRF NILE FOODS INV-1"})
    assert allocations(r) == [("INV-1", 1000.00, "reference", "Matched")]
