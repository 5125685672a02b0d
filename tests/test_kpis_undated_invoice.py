"""One invoice whose date was mistyped (an Input Issue of its own) leaves the period's sales
known: it is left out of them; only undated invoices weighing more than 5 % of the sales (an
aging report giving due dates only) leave the KPIs built on sales blank."""

from __future__ import annotations

import pandas as pd

from ar_excel.cli import main
from tests.test_reader import _book


def _kpis(tmp_path, undated_amount: float) -> pd.Series:
    rows = [["Invoice No", "Customer ID", "Invoice Date", "Amount"]]
    rows += [[f"I-{k}", "C1", f"2026-11-{k + 1:02d}", 1000] for k in range(10)]
    rows += [["I-X", "C1", "31/11/2026", undated_amount]]  # no such day: read as no date
    path = _book(tmp_path, {
        "Customers": [["Customer ID", "Name", "Payment Terms", "Currency"],
                      ["C1", "Nile Foods", 30, "EGP"]],
        "Invoices": rows,
        "Payments": [["Payment ID", "Customer ID", "Date", "Amount", "Invoice No"],
                     ["P1", "C1", "2026-11-20", 2000, "I-0"]]}, name=f"b{undated_amount}.xlsx")
    pack = tmp_path / f"pack{undated_amount}.xlsx"
    assert main(["report", str(path), "--as-of", "2026-11-30", "-o", str(pack)]) == 0
    kpis = pd.read_excel(pack, sheet_name="KPIs", engine="calamine")
    return kpis[kpis["Currency"] == "EGP"].set_index("KPI")["Value"]


def test_a_mistyped_date_leaves_the_sales_known(tmp_path):
    kpis = _kpis(tmp_path, 300)
    assert kpis["Credit Sales"] == 10000
    assert round(kpis["DSO"], 2) == round(8300 / 10000 * 30, 2)


def test_undated_invoices_weighing_much_leave_the_sales_unknown(tmp_path):
    kpis = _kpis(tmp_path, 5000)
    assert pd.isna(kpis["Credit Sales"]) and pd.isna(kpis["DSO"])
