"""A receipt in AED for an invoice in USD (both held at a fixed rate to the dollar) is not
applied across currencies, but the suggestion says which invoice the amount is, converted."""

from __future__ import annotations

import pandas as pd

from ar_excel.core.fx import pegged_factor
from ar_excel.core.ledger import open_items
from ar_excel.core.matching import match_statement
from ar_excel.io.reasons_ar import arabic_reason
from ar_excel.policy import Policy
from tests.test_matching_credit_notes import NO_PAYMENTS, _customers, _lines

CUSTOMERS = _customers(("G2", "Desert Rose General Trading"))


def _invoices() -> pd.DataFrame:
    numbers = [f"INV-{k}" for k in range(5)]
    return pd.DataFrame({"Invoice No": numbers, "Customer ID": "G2",
                         "Invoice Date": pd.to_datetime(["2026-09-15"] * 5),
                         "Due Date": pd.to_datetime([None] * 5), "Currency": "USD",
                         "Amount": [1000.0, 2000.0, 3000.0, 10000.0, 500.0],
                         "_row": range(2, 7)})


def _match(amount: float) -> pd.DataFrame:
    lines = _lines(("TT DESERT ROSE GENERAL TRADING", amount)).assign(Currency="AED")
    items = open_items(CUSTOMERS, _invoices(), NO_PAYMENTS, pd.Timestamp("2026-11-30"))
    return match_statement(lines, items, CUSTOMERS, Policy()).matches


def test_the_pegs():
    assert pegged_factor("USD", "AED") == 3.6725
    assert round(pegged_factor("SAR", "AED"), 6) == round(3.6725 / 3.75, 6)
    assert pegged_factor("EGP", "USD") is None and pegged_factor("AED", "AED") is None


def test_an_aed_receipt_of_a_usd_invoice_at_the_peg_is_suggested_and_says_so():
    m = _match(36700.0)  # 10,000.00 USD at the bank's buying rate 3.67: within the spread
    assert list(zip(m["Method"], m["Status"], m["Applied Amount"], strict=True)) == [
        ("on-account", "Suggested", 36700.0)]
    reason = m["Reason"].iat[0]
    assert "(open: INV-3 in USD (10,000.00 USD is 36,725.00 AED at the fixed rate: paid in " \
           "AED?), INV-0 in USD, INV-1 in USD)" in reason
    assert "(10,000.00 USD تساوي 36,725.00 AED بالسعر الثابت: دُفعت بعملة AED؟)" \
        in arabic_reason(reason)


def test_an_amount_no_invoice_is_at_the_peg_says_nothing_of_it():
    reason = _match(20000.0)["Reason"].iat[0]
    assert "fixed rate" not in reason


def _match_egp(amount: float, rates: str | None) -> pd.DataFrame:
    lines = _lines(("TT DESERT ROSE GENERAL TRADING", amount)).assign(Currency="EGP")
    items = open_items(CUSTOMERS, _invoices(), NO_PAYMENTS, pd.Timestamp("2026-11-30"))
    policy = Policy() if rates is None else Policy(extra={"exchangerates": rates})
    return match_statement(lines, items, CUSTOMERS, policy).matches


def test_an_egp_receipt_of_a_usd_invoice_at_the_policys_rate_is_suggested_and_says_so():
    """A floating currency: the Policy's month rate, within 3 % (the bank's rate of the day
    differs). Still on account: the invoice is recorded in USD, with an exchange difference."""
    m = _match_egp(484_000.0, "USD=48.50")  # 10,000.00 USD at 48.40
    assert list(zip(m["Method"], m["Status"], m["Applied Amount"], strict=True)) == [
        ("on-account", "Suggested", 484_000.0)]
    reason = m["Reason"].iat[0]
    assert "(open: INV-3 in USD (10,000.00 USD is 485,000.00 EGP at the Policy's exchange " \
           "rate: paid in EGP?), INV-0 in USD, INV-1 in USD)" in reason
    assert "(10,000.00 USD تساوي 485,000.00 EGP بسعر الصرف في السياسة: دُفعت بعملة EGP؟)" \
        in arabic_reason(reason)
    assert "exchange rate" not in _match_egp(484_000.0, None)["Reason"].iat[0]  # no rate
    assert "exchange rate" not in _match_egp(300_000.0, "USD=48.50")["Reason"].iat[0]


def test_a_rates_sheet_is_read_as_it_stood_on_the_statements_last_day():
    """The bank line of 5 November: a rates sheet's USD 48.50 of 31 October, not its 60.00 of
    5 December (the latest on the sheet, which the Policy's exchange_rates carries), says
    which invoice an EGP receipt of 484,000.00 is."""
    from datetime import date

    from ar_excel.core.fx import SheetRate

    sheet = (SheetRate("USD", 48.5, date(2026, 10, 31), "FX", "C2", "Date"),
             SheetRate("USD", 60.0, date(2026, 12, 5), "FX", "C3", "Date"))
    lines = _lines(("TT DESERT ROSE GENERAL TRADING", 484_000.0)).assign(Currency="EGP")
    items = open_items(CUSTOMERS, _invoices(), NO_PAYMENTS, pd.Timestamp("2026-11-30"))
    policy = Policy(extra={"exchangerates": "USD=60"}, rate_sheet=sheet)
    reason = match_statement(lines, items, CUSTOMERS, policy).matches["Reason"].iat[0]
    assert "(10,000.00 USD is 485,000.00 EGP at the Policy's exchange rate: paid in EGP?)" \
        in reason
