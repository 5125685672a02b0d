"""``python -m ar_excel.demo.build``: the demo books and the month's bank statement."""

from __future__ import annotations

import sys
from datetime import date

import pandas as pd

from ar_excel.demo import build
from ar_excel.io.reader import read_book


def test_build_writes_both_books_and_the_statement_at_any_scale(tmp_path, capsys):
    assert build.main(["--scale", "0.05", "--out", str(tmp_path), "--seed", "5"]) == 0
    names = sorted(p.name for p in tmp_path.iterdir())
    assert names == ["demo_ar.xlsx", "demo_ar_arabic.xlsx", "demo_bank.csv",
                     "demo_bank_arabic.csv"]
    book = read_book(tmp_path / "demo_ar.xlsx")
    assert (len(book.customers), len(book.invoices), len(book.payments)) == (15, 200, 185)
    arabic = read_book(tmp_path / "demo_ar_arabic.xlsx")
    assert arabic.arabic and len(arabic.invoices) == 75
    statement = pd.read_csv(tmp_path / "demo_bank.csv", encoding="utf-8-sig")
    assert len(statement) == 22  # round(450 x 0.05)
    dates = pd.to_datetime(statement["Booking Date"], dayfirst=True)
    assert dates.min() >= pd.Timestamp("2026-11-01") and dates.max() <= pd.Timestamp("2026-11-30")
    assert book.invoices["Invoice Date"].max() <= pd.Timestamp(build.AS_OF)
    assert book.payments["Date"].max() <= pd.Timestamp(build.AS_OF)
    arabic_statement = pd.read_csv(tmp_path / "demo_bank_arabic.csv", encoding="utf-8-sig")
    assert 0 < len(arabic_statement) <= 20  # at most round(180 x 0.05), what the book can pay
    said = capsys.readouterr().out
    assert "demo_bank.csv" in said and "demo_bank_arabic.csv" in said


def test_same_seed_same_bytes(tmp_path):
    for out in ("a", "b"):
        build.build(tmp_path / out, scale=0.03, seed=1, log=lambda *_: None)
    for name in ("demo_ar.xlsx", "demo_ar_arabic.xlsx", "demo_bank.csv", "demo_bank_arabic.csv"):
        assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes(), name


def test_statement_month_is_the_month_the_books_close_in():
    assert build.statement_month(date(2026, 11, 30)) == pd.Timestamp("2026-11-01")
    assert build.statement_month(pd.Timestamp("2026-02-14 10:30")) == pd.Timestamp("2026-02-01")
    assert build.statement_month(build.AS_OF) == pd.Timestamp("2026-11-01")


def test_missing_bank_month_module_is_a_clear_error(tmp_path, monkeypatch, capsys):
    monkeypatch.setitem(sys.modules, "ar_excel.demo.bank_month", None)  # import fails
    assert build.main(["--scale", "0.03", "--out", str(tmp_path)]) == 1
    err = capsys.readouterr().err
    assert "ar_excel.demo.bank_month" in err and "make_bank_month" in err


def test_bad_scale_is_a_usage_error(capsys):
    try:
        build.main(["--scale", "0"])
    except SystemExit as exc:
        assert exc.code == 2
    assert "--scale must be positive" in capsys.readouterr().err
