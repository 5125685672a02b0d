"""Amounts are rounded as Excel rounds them: half away from zero, of the figure the cell shows.

A hand-made book totals its invoices with a formula (``=net*1.14``) and no ROUND: the cell holds
140.50499999999999545 and Excel shows 140.51, the figure printed on the invoice and paid.
Rounding the binary value (numpy's ``round``) left 140.50 open, the payment of 140.51 a cent
over, and that cent on account."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import python_calamine as pc

from ar_excel.cli import main
from ar_excel.core.money import round_money
from tests._workbooks import save_sheets


def test_a_half_cent_the_cell_shows_rounds_up_as_in_excel():
    values = pd.Series([123.25 * 1.14, 1.005, -1.005, 2.675, 10.115, 1234.5649999, 0.0])
    assert values[0] == 140.50499999999999545  # not the half it shows
    assert round_money(values, None).tolist() == [140.51, 1.01, -1.01, 2.68, 10.12, 1234.56, 0.0]
    assert round_money(pd.Series([1.0005, 1.0005]), pd.Series(["KWD", "EGP"])).tolist() == [
        1.001, 1.0]


def _rows(path, sheet):
    return pc.CalamineWorkbook.from_path(str(path)).get_sheet_by_name(sheet).to_python()


def test_a_formula_total_paid_as_shown_is_matched_to_the_cent(tmp_path):
    day = dt.date(2026, 10, 1)
    # the cached values of =net*1.14 in the Amount column
    totals = [123.25 * 1.14, 8.875 * 1.14, 1083.8 * 1.14]
    book = save_sheets(tmp_path / "book.xlsx", {
        "Customers": [["Customer ID", "Name", "Currency", "Payment Terms", "Credit Limit"],
                      ["C1", "Delta Foods", "EGP", 30, 100000],
                      ["C2", "Nile Pharma", "EGP", 30, 100000]],
        "Invoices": [["Invoice No", "Customer ID", "Invoice Date", "Currency", "Amount"],
                     ["INV-001", "C1", day, "EGP", totals[0]],
                     ["INV-002", "C1", day, "EGP", totals[1]],
                     ["INV-003", "C2", day, "EGP", totals[2]]],
        "Payments": [["Payment ID", "Customer ID", "Date", "Amount", "Invoice No"]],
    })
    bank = tmp_path / "bank.csv"
    bank.write_text("Date,Description,Amount\n"
                    "2026-11-05,TRF DELTA FOODS INV-001,140.51\n"
                    "2026-11-07,DELTA FOODS INV-002,10.12\n", encoding="utf-8")
    out = tmp_path / "out.xlsx"
    assert main(["run", str(book), "--bank", str(bank), "--as-of", "2026-11-30",
                 "-o", str(out)]) == 0
    matches = _rows(out, "Bank Matches")
    head = matches[0]
    got = [[r[head.index(c)] for c in ("Invoice No", "Applied Amount", "Method", "Status")]
           for r in matches[1:] if r[0]]
    assert got == [["INV-001", 140.51, "reference", "Matched"],
                   ["INV-002", 10.12, "reference", "Matched"]]
    detail = _rows(out, "Aging Detail")
    col = detail[0].index("Open Amount")
    assert [r[col] for r in detail[1:4]] == [140.51, 10.12, 1235.53]
    recon = {r[0]: r[1] for r in _rows(out, "Reconciliation")}
    assert recon["On account (no invoice)"] == 0.0
