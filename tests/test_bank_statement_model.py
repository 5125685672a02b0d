"""The statement model's rules: the decimals a bank line keeps, the columns it carries."""

from __future__ import annotations

import numpy as np

from ar_excel.bank.statement import round_money, statement_decimals
from ar_excel.core.money import decimals_of


def test_a_bank_line_keeps_cents_even_in_a_currency_without_a_minor_unit():
    # the books round yen to whole units; a statement line is kept to the cent as printed
    assert [statement_decimals(c) for c in ("JPY", "EGP", "KWD", "BHD", None)] == [2, 2, 3, 3, 2]
    assert [decimals_of(c) for c in ("JPY", "EGP", "KWD")] == [0, 2, 3]
    amounts = round_money(np.array([1234.567, 1234.5678, 99.999]), ["JPY", "KWD", "EGP"])
    assert amounts.tolist() == [1234.57, 1234.568, 100.0]
