"""Collections on books with customers that lost their IDs (each an Input Issue): the call
and visit lists are still made for the customers that have them. Found by the month-end fuzz:
two risk-score rows without a customer ID crashed the call list."""

from __future__ import annotations

import pandas as pd

from ar_excel.cli import main
from ar_excel.core.collections import risk
from tests.test_reader import _book


def test_risk_rows_without_a_customer_id_do_not_stop_the_call_list(tmp_path, monkeypatch):
    scored = risk.risk_scores

    def with_id_less_rows(*args, **kwargs):  # as a book of ID-less invoices gives them
        scores = scored(*args, **kwargs)
        ghosts = scores.iloc[[0, 0]].assign(**{"Customer ID": None, "Risk Score": 60})
        return pd.concat([scores, ghosts], ignore_index=True)

    monkeypatch.setattr(risk, "risk_scores", with_id_less_rows)
    path = _book(tmp_path, {
        "Customers": [["Customer ID", "Name", "Payment Terms"], ["C1", "Nile Foods", 30]],
        "Invoices": [["Invoice No", "Customer ID", "Invoice Date", "Amount"],
                     ["I-1", "C1", "2026-07-01", 5000]]})
    out = tmp_path / "collections.xlsx"
    assert main(["collections", str(path), "--as-of", "2026-11-30", "-o", str(out)]) == 0
    visits = pd.read_excel(out, sheet_name="Visit List", engine="calamine")
    assert visits["Customer ID"].tolist() == ["C1"]
    assert visits["Risk Score"].tolist() == [100]
