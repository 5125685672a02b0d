"""The sender a narrative names, where the invoice number follows it with letters of its own.

'INWARD TRANSFER ... FROM ABDALLAH OSMAN PLASTICS SI-26/00668': the sender's name runs to the
first digit, so it took the number's letters along ('ABDALLAH OSMAN PLASTICS SI'; F of
F2026000123, ف- of ف-٢٠٢٦-٠١٨٧), a word of no name, said in the reason and scored with the
name. A word glued to the digits where the run stops is the number's, not the sender's.
"""

from __future__ import annotations

import pandas as pd
import pytest

from ar_excel.core.matching.payers import PayerDirectory
from tests.test_h221_family_name_of_another_trade import INVOICES, MASTER
from tests.test_matching_real_narratives import allocations, match, reason


@pytest.mark.parametrize(("narrative", "sender"), [
    ("INWARD TRANSFER 2607968371570 FROM ABDALLAH OSMAN PLASTICS SI-26/00668",
     "ABDALLAH OSMAN PLASTICS"),
    ("INWARD TRANSFER 2601371820815 FROM PIONEER INDUSTRIES ف-٢٠٢٦-٠١٨٧", "PIONEER INDUSTRIES"),
    ("INWARD TRANSFER 2616542944513 FROM WALID AL SHAMMARI TRADING F2026000625",
     "WALID AL SHAMMARI TRADING"),
    ("INWARD TRANSFER FROM AL NOUR TRADING 12345", "AL NOUR TRADING"),
])
def test_the_numbers_letters_are_not_the_senders(narrative, sender):
    assert PayerDirectory(pd.DataFrame(MASTER)).narrative_sender(narrative) == sender


def test_the_reason_names_the_sender_alone():
    r = match(MASTER, INVOICES, {"amount": 11711.75, "desc": "INWARD TRANSFER 2607968371570 "
                                 "FROM ABDALLAH OSMAN PLASTICS SI-26/00668"})
    assert allocations(r) == [("SI-26/00668", 11711.75, "partial", "Suggested")]
    assert reason(r).endswith("the narrative names ABDALLAH OSMAN PLASTICS, not the customer: "
                              "a third party paying part of it? please confirm")
