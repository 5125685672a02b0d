"""A family name shared across trades: Sherif Brothers Packaging is not Sherif Brothers for
Agricultural Products. A payer name whose family name agrees but whose trade is of another
sector is a candidate, never the payer for sure; a trade of the same sector (TRANSPORT for
للشحن, shipping) is no contradiction."""

from __future__ import annotations

import pandas as pd

from ar_excel.core.matching import match_statement
from ar_excel.core.matching.payers import CERTAIN_NAME, PayerDirectory
from ar_excel.policy import Policy

CUSTOMERS = pd.DataFrame({
    "Customer ID": ["C1", "C2", "C3"],
    "Name": ["شركة الشريف إخوان للمنتجات الزراعية", "شركة النور للشحن",
             "Delta Steel Company"],
})


def test_the_same_family_in_another_trade_is_not_the_payer_for_sure():
    payers = PayerDirectory(CUSTOMERS)
    other = payers.by_name("EL SHERIF BROS. PACKAGING")
    assert other.customer == "C1" and other.score < CERTAIN_NAME and not other.certain
    same = payers.by_name("EL SHERIF BROS AGRICULTURAL PRODUCTS")
    assert same.customer == "C1" and same.certain


def test_a_trade_of_the_same_sector_is_no_contradiction():
    payers = PayerDirectory(CUSTOMERS)
    assert payers.by_name("AL NOUR SHIPPING AND LOGISTICS").certain  # للشحن: shipping
    assert payers.by_name("EL SHERIF BROS AGRO").certain  # agricultural
    assert payers.by_name("DELTA STEEL").certain


def test_a_receipt_from_the_family_company_in_another_trade_is_no_advance():
    # nothing open for C1: from a certain payer it would be Matched on account
    lines = pd.DataFrame({
        "Bank Line": ["L1"], "Date": pd.to_datetime(["2026-11-13"]), "Amount": [3419.83],
        "Description": ["TRF FROM EG240037527150407259987582636"],
        "Counterparty": ["EL SHERIF BROS. PACKAGING"], "Reference": [None]})
    items = pd.DataFrame({
        "Customer ID": pd.Series(dtype=object), "Item Type": pd.Series(dtype=object),
        "Document No": pd.Series(dtype=object), "Invoice No": pd.Series(dtype=object),
        "Date": pd.Series(dtype="datetime64[ns]"), "Due Date": pd.Series(dtype="datetime64[ns]"),
        "Currency": pd.Series(dtype=object), "Amount": pd.Series(dtype=float),
        "Open Amount": pd.Series(dtype=float), "Days Past Due": pd.Series(dtype="Int64")})
    result = match_statement(lines, items, CUSTOMERS, Policy())
    assert (result.matches["Status"] != "Matched").all()
