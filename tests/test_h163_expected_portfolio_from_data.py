"""Expected Payments' Basis for a customer that has never paid (helper-163): 'portfolio
average' was decided by reading Payment Risk's Basis words ('portfolio average'), so a risk
frame whose Basis is shown in Arabic (as the tab is, cell_text) or reworded said 'customer
average' for the portfolio's pace. risk_scores now says which customers it averaged at the
portfolio's pace, from their paid and open invoices, and expected_payments reads that."""

from __future__ import annotations

import pandas as pd

from ar_excel.core.collections.risk import expected_payments, risk_scores
from ar_excel.io.wording_ar import cell_text


def _items() -> pd.DataFrame:
    return pd.DataFrame({
        "Customer ID": ["N1", "P1"], "Item Type": ["Invoice"] * 2,
        "Document No": ["INV-1", "INV-2"], "Invoice No": ["INV-1", "INV-2"],
        "Date": pd.to_datetime(["2026-11-10", "2026-10-01"]),
        "Due Date": pd.to_datetime(["2026-12-10", "2026-10-31"]),
        "Currency": ["EGP", "EGP"], "Amount": [5000.0, 3000.0],
        "Open Amount": [5000.0, 3000.0], "Days Past Due": [-10, 30]})


def _paid() -> pd.DataFrame:
    return pd.DataFrame({"Customer ID": ["P1"], "Invoice No": ["INV-0"],
                         "Due Date": pd.to_datetime(["2026-08-31"]), "Amount": [2000.0],
                         "Paid Date": pd.to_datetime(["2026-09-10"]), "Currency": ["EGP"],
                         "Days Late": [10]})


def test_never_paid_is_known_from_the_data_not_the_basis_words() -> None:
    customers = pd.DataFrame({"Customer ID": ["N1", "P1"], "Name": ["New", "Payer"],
                              "Currency": ["EGP", "EGP"]})
    risk = risk_scores(_items(), _paid(), customers, pd.Timestamp("2026-11-30"))
    assert dict(zip(risk["Customer ID"], risk["Basis"], strict=True))["N1"] \
        == "portfolio average"
    shown = risk.assign(Basis=risk["Basis"].map(cell_text))  # as the Arabic tab shows it
    assert shown.loc[shown["Customer ID"] == "N1", "Basis"].iloc[0] != "portfolio average"
    for frame in (risk, shown):
        expected = expected_payments(_items(), frame, pd.Timestamp("2026-11-30"))
        basis = dict(zip(expected["Invoice No"], expected["Basis"], strict=True))
        # Expected Payments!J (Basis) of N1's invoice (P1's is chased: later than usual)
        assert basis["INV-1"] == "due + 10 days (portfolio average)"
