"""The management pack's Dashboard names the receivables in the book's other currencies.

Its headline is in the main currency (the Policy's ``base_currency``, else the largest). A
Gulf or Egyptian exporter also holds USD or EUR invoices: the Dashboard lists each other
currency's receivables, overdue and DSO, and at the Policy's exchange rates their equivalent
in the main currency and a total of every currency; without a rate it says which is missing
and gives no total (adding 1,000 USD as 1,000 EGP would be wrong).
"""

from __future__ import annotations

import openpyxl
import pytest

from ar_excel.cli import main
from tests._aging_books import customers, invoices, payments, write_book


def _book(tmp_path, policy: dict | None = None):
    cust = customers(("A", "Alex Paper", "EGP", 30), ("U", "Gulf Importers", "USD", 30),
                     ("E", "Euro Foods", "EUR", 30))
    inv = invoices(("I1", "A", "2026-06-05", None, 2000.00),    # due 07-05: current
                   ("I2", "A", "2026-04-01", None, 1000.00),    # due 05-01: overdue
                   ("U1", "U", "2026-04-10", None, 300.00),     # overdue
                   ("U2", "U", "2026-06-20", None, 200.00),     # current
                   ("E1", "E", "2026-06-01", None, 100.00))     # current
    pay = payments(("P1", "A", "2026-06-10", 400.00, "I2"))
    path = tmp_path / "book.xlsx"
    write_book(path, cust, inv, pay, policy)
    return path


def _rows(path, sheet: str = "Dashboard") -> list[tuple]:
    ws = openpyxl.load_workbook(path)[sheet]
    return [tuple(v for v in row if v is not None) for row in ws.iter_rows(values_only=True)]


def _block(rows: list[tuple], caption_start: str) -> list[tuple]:
    at = next(k for k, r in enumerate(rows) if r and str(r[0]).startswith(caption_start))
    out = []
    for r in rows[at + 2:]:
        if not r:
            break
        out.append(r)
    return out


def test_other_currencies_at_the_policys_rates(tmp_path, capsys):
    book = _book(tmp_path, {"exchange_rates": "USD=48.50; EUR=52.10",
                            "base_currency": "EGP"})
    out = tmp_path / "pack.xlsx"
    assert main(["report", str(book), "--as-of", "2026-06-30", "-o", str(out)]) == 0
    rows = _rows(out)
    headline = {r[0]: r[1:3] for r in rows[2:16] if len(r) >= 3}
    assert headline["Total receivables"] == (2600, "EGP")
    # 2,600.00 + 500.00 x 48.50 + 100.00 x 52.10
    assert headline["Total receivables, all currencies"] == (2600 + 24250 + 5210, "EGP")
    caption = next(r[0] for r in rows if r and str(r[0]).startswith("Receivables in other"))
    assert caption == ("Receivables in other currencies (equivalent in EGP at the Policy's "
                       "exchange rates)")
    block = _block(rows, "Receivables in other")
    assert [(r[0], r[1], r[2], r[-2], r[-1]) for r in block] == [
        ("EUR", 100, 0, 52.1, 5210), ("USD", 500, 300, 48.5, 24250)]


def test_without_a_rate_no_total_and_the_missing_rate_is_said(tmp_path, capsys):
    book = _book(tmp_path, {"exchange_rates": "USD=48.50", "base_currency": "EGP"})
    out = tmp_path / "pack.xlsx"
    assert main(["report", str(book), "--as-of", "2026-06-30", "-o", str(out)]) == 0
    rows = _rows(out)
    assert not any(r and r[0] == "Total receivables, all currencies" for r in rows)
    assert any(r and r[0] == ("Receivables in other currencies (equivalent in EGP at the "
                              "Policy's exchange rates; no rate for EUR)") for r in rows)
    block = _block(rows, "Receivables in other")
    assert block[0] == ("EUR", 100, 0, 30)  # DSO 30 days; no rate, no equivalent
    assert block[1][-2:] == (48.5, 24250)


def test_a_book_in_one_currency_has_no_such_block(tmp_path, capsys):
    cust = customers(("A", "Alex Paper", "EGP", 30))
    inv = invoices(("I1", "A", "2026-06-05", None, 2000.00))
    path = tmp_path / "one.xlsx"
    write_book(path, cust, inv, payments())
    out = tmp_path / "pack.xlsx"
    assert main(["report", str(path), "--as-of", "2026-06-30", "-o", str(out)]) == 0
    assert not any(r and str(r[0]).startswith("Receivables in other") for r in _rows(out))


@pytest.mark.parametrize("rates", ["USD=48.50; EUR=52.10", ""])
def test_in_an_arabic_pack(tmp_path, capsys, rates):
    book = _book(tmp_path, {"exchange_rates": rates, "base_currency": "EGP"} if rates
                 else {"base_currency": "EGP"})
    wb = openpyxl.load_workbook(book)
    wb["Customers"].title = "العملاء"
    wb.save(book)
    out = tmp_path / "pack.xlsx"
    assert main(["report", str(book), "--as-of", "2026-06-30", "--lang", "ar",
                 "-o", str(out)]) == 0
    rows = _rows(out)
    caption = next(r[0] for r in rows if r and str(r[0]).startswith("المديونية بالعملات"))
    assert caption == ("المديونية بالعملات الأخرى (المعادل بعملة EGP بأسعار الصرف في السياسة"
                       + ("" if rates else "؛ لا يوجد سعر صرف لـ EUR، USD") + ")")
    totals = [r for r in rows if r and r[0] == "إجمالي المديونية بكل العملات"]
    assert [r[1] for r in totals] == ([32060] if rates else [])
