"""A customer statement foots to the Aging tab to the cent when the invoice list holds amounts
as a formula leaves them (net x 1.15 = 5,858.6175, shown 5,858.62).

The Aging ages each item at its amount in the currency's minor unit; the statement summed the
unrounded amounts and rounded only the running balance, so half-cents of different invoices
offset or added up: a customer who underpaid an invoice by 0.01 closed at 0.00 under an aging
footer of 0.01, one who paid everything closed at -0.01, and the Balance column did not foot
from the Debit and Credit columns printed beside it.
"""

from __future__ import annotations

from datetime import date

import openpyxl
import pytest

from ar_excel.cli import main

AS_OF = "2026-10-31"


def _book(tmp_path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Customers"
    ws.append(["Customer ID", "Name", "Currency", "Payment Terms"])
    ws.append(["R02", "Underpaid by a cent", "SAR", 30])
    ws.append(["R09", "Paid in full", "SAR", 30])
    ws.append(["R19", "Paid in full too", "SAR", 30])
    inv = wb.create_sheet("Invoices")
    inv.append(["Invoice No", "Customer ID", "Invoice Date", "Amount"])
    inv.append(["V0004", "R02", date(2026, 8, 5), 6309.57 * 1.15])    # 7,256.0055 -> 7,256.01
    inv.append(["V0005", "R02", date(2026, 8, 10), 1317.65 * 1.15])   # 1,515.2975 -> 1,515.30
    inv.append(["V0006", "R02", date(2026, 8, 24), 5094.45 * 1.15])   # 5,858.6175 -> 5,858.62
    inv.append(["V0025", "R09", date(2026, 7, 1), 7751.84 * 1.15])    # 8,914.616 -> 8,914.62
    inv.append(["V0027", "R09", date(2026, 8, 1), 4730.19 * 1.15])    # 5,439.7185 -> 5,439.72
    inv.append(["V0026", "R09", date(2026, 10, 1), 7543.0 * 1.15])   # 8,674.45 -> 8,674.45
    inv.append(["V0055", "R19", date(2026, 7, 5), 5519.69 * 1.15])    # 6,347.6435 -> 6,347.64
    inv.append(["V0056", "R19", date(2026, 7, 6), 3102.0 * 1.15 + 0.004])  # 3,567.304 -> 3,567.30
    inv.append(["V0057", "R19", date(2026, 7, 7), 5961.73 * 1.15])    # 6,855.9895 -> 6,855.99
    pay = wb.create_sheet("Payments")
    pay.append(["Payment ID", "Customer ID", "Date", "Amount", "Invoice No"])
    for pid, day in (("P4", 14), ("Q4", 15), ("S4", 16)):
        pay.append([pid, "R02", date(2026, 9, day), 2418.67, "V0004"])
    for pid, day in (("P5", 18), ("Q5", 23), ("S5", 24)):
        pay.append([pid, "R02", date(2026, 9, day), 505.10, "V0005"])
    for pid, day in (("P6", 13), ("Q6", 18), ("S6", 19)):
        pay.append([pid, "R02", date(2026, 9, day), 1952.87, "V0006"])      # 5,858.61: 0.01 short
    for pid, day in (("P25", 1), ("Q25", 5), ("S25", 6)):
        pay.append([pid, "R09", date(2026, 8, day), 2971.54, "V0025"])
    pay.append(["P27", "R09", date(2026, 9, 9), 5439.72, "V0027"])
    pay.append(["P26", "R09", date(2026, 10, 21), 8674.45, "V0026"])
    pay.append(["P55", "R19", date(2026, 9, 20), 6347.64, "V0055"])
    pay.append(["P56", "R19", date(2026, 8, 30), 3567.30, "V0056"])
    pay.append(["P57", "R19", date(2026, 8, 6), 6855.99, "V0057"])
    path = tmp_path / "book.xlsx"
    wb.save(path)
    return path


def _rows(path, tab):
    return list(openpyxl.load_workbook(path, data_only=True)[tab].iter_rows(values_only=True))


@pytest.fixture(scope="module")
def outputs(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("cents")
    book = _book(tmp)
    assert main(["aging", str(book), "--as-of", AS_OF, "-o", str(tmp / "aging.xlsx")]) == 0
    assert main(["statements", str(book), "--as-of", AS_OF, "--from", "2026-07-01",
                 "--no-pdf", "-o", str(tmp / "stmt.xlsx")]) == 0
    return _rows(tmp / "aging.xlsx", "Aging"), _rows(tmp / "stmt.xlsx", "Customer Statements")


def test_the_aging_is_the_items_to_the_cent(outputs):
    aging, _ = outputs
    totals = {r[0]: r[7] for r in aging[1:] if r[0] in ("R02", "R09", "R19")}
    # only V0006's cent is owed: 5,858.62 less 3 x 1,952.87
    assert totals == {"R02": 0.01}


@pytest.mark.parametrize(("customer", "closing"), [("R02", 0.01), ("R09", 0.0), ("R19", 0.0)])
def test_the_statement_closes_at_the_aging_total(outputs, customer, closing):
    _, stmt = outputs
    rows = [r for r in stmt[1:] if r[0] == customer]
    closing_row = next(r for r in rows if r[4] == "Closing balance")
    assert closing_row[10] == closing
    footer = [r[10] for r in rows if r[4] == "Aging"]
    assert round(sum(footer), 2) == closing


@pytest.mark.parametrize("customer", ["R02", "R09", "R19"])
def test_each_balance_foots_from_the_debit_and_credit_beside_it(outputs, customer):
    _, stmt = outputs
    rows = [r for r in stmt[1:] if r[0] == customer and r[3] is not None]
    balance = rows[0][10]
    assert rows[0][4] == "Opening balance" and balance == 0
    for r in rows[1:-1]:
        balance = round(balance + (r[8] or 0) - (r[9] or 0), 2)
        assert r[10] == balance, r
    assert rows[-1][10] == balance
