"""Late-payment risk and the 13-week forecast against figures worked out by hand."""

from __future__ import annotations

import pandas as pd
import pytest

from ar_excel.core.collections.forecast import forecast_from_expected, weekly_forecast
from ar_excel.core.collections.risk import (
    expected_payments,
    paid_history,
    risk_class,
    risk_score,
    risk_scores,
)
from ar_excel.core.ledger import due_dates, open_items
from ar_excel.policy import Policy
from tests.collections_data import customers, invoices, payments

AS_OF = pd.Timestamp("2026-07-10")
# weights: amount x 0.5 ^ (days since paid / 180)
W1 = 1000 * 0.5 ** (150 / 180)  # I1 paid 02-10, 150 days before the as-of date
W2 = 500 * 0.5 ** (107 / 180)  # I2 paid 03-25
W3 = 800.0  # I3 paid on the as-of date
C1_AVG = (10 * W1 - 6 * W2 + 40 * W3) / (W1 + W2 + W3)  # = 21.05...
W9 = 200 * 0.5 ** (39 / 180)  # C6's I9 paid 06-01
C6_AVG = (0 * W9 + 10 * 300) / (W9 + 300)  # its open I10, 10 days past due, joins: 6.35...


def ledger():
    cust = customers([{"Customer ID": c, "Name": f"Customer {c}"}
                      for c in ("C1", "C2", "C3", "C4", "C5", "C6")])
    inv = invoices([
        ("I1", "C1", "2026-01-01", "2026-01-31", 1000.00),
        ("I2", "C1", "2026-03-01", "2026-03-31", 500.00),
        ("I3", "C1", "2026-05-01", "2026-05-31", 800.00),
        ("I4", "C1", "2026-06-15", "2026-07-15", 600.00),  # open, not yet due
        ("I5", "C2", "2026-05-01", "2026-05-11", 1000.00),  # 60 days past due
        ("I6", "C3", "2026-06-20", "2026-07-20", 400.00),  # not yet due, no history
        ("I7", "C4", "2026-02-01", "2026-03-01", 700.00),  # 131 days: doubtful
        ("I8", "C5", "2026-06-01", "2026-06-20", 250.00),  # 20 days past due
        ("I9", "C6", "2026-05-01", "2026-06-01", 200.00),
        ("I10", "C6", "2026-06-01", "2026-06-30", 300.00),  # 10 days past due
        ("CN1", "C1", "2026-02-01", None, -50.00),  # credit notes are not payments
    ])
    pay = payments([
        ("R1", "C1", "2026-02-10", 1000.00, "I1"),  # 10 days late
        ("R2", "C1", "2026-03-25", 500.00, None),  # on account -> oldest open: I2, 6 early
        ("R3", "C1", "2026-06-20", 300.00, "I3"),
        ("R4", "C1", "2026-07-10", 500.00, None),  # completes I3: 40 days late
        ("R5", "C6", "2026-06-01", 200.00, "I9"),  # on the day
        ("R6", "C1", "2026-07-11", 600.00, "I4"),  # after the as-of date: not yet
    ])
    return cust, inv, pay


def compute():
    cust, inv, pay = ledger()
    items = open_items(cust, inv, pay, AS_OF)
    hist = paid_history(inv, pay, due_dates(inv, cust), AS_OF)
    return cust, items, hist, risk_scores(items, hist, cust, AS_OF)


def test_paid_history_days_late():
    _, _, hist, _ = compute()
    rows = hist[["Customer ID", "Invoice No", "Paid Date", "Days Late"]].astype(object)
    assert rows.values.tolist() == [
        ["C1", "I1", pd.Timestamp("2026-02-10"), 10],
        ["C1", "I2", pd.Timestamp("2026-03-25"), -6],
        ["C1", "I3", pd.Timestamp("2026-07-10"), 40],
        ["C6", "I9", pd.Timestamp("2026-06-01"), 0],
    ]


def test_risk_scores_by_hand():
    _, _, _, risk = compute()
    r = risk.set_index("Customer ID")
    assert pytest.approx(21.05, abs=1e-2) == C1_AVG
    assert r.loc["C1", "Average Days Late"] == round(C1_AVG, 1) == 21.1
    assert r.loc["C1", "Risk Score"] == round(60 * C1_AVG / 60) == 21
    assert r.loc["C1", "Risk Class"] == "Medium"
    assert r.loc["C1", "Paid Invoices"] == 3
    assert r.loc["C1", "Paid On Time %"] == pytest.approx(33.3)
    assert r.loc["C1", "Basis"] == "own history (3 paid)"
    # C2: no history, 60 days past due with the whole balance -> 60 + 40
    assert (r.loc["C2", "Average Days Late"], r.loc["C2", "Risk Score"]) == (60.0, 100)
    assert r.loc["C2", "Basis"] == "1 open overdue"
    # C3: nothing paid, nothing overdue: the portfolio's average (C1 and C6 histories)
    portfolio = (10 * W1 - 6 * W2 + 40 * W3 + 0 * W9) / (W1 + W2 + W3 + W9)
    assert r.loc["C3", "Average Days Late"] == round(portfolio, 1)
    assert r.loc["C3", "Basis"] == "portfolio average"
    assert r.loc["C6", "Average Days Late"] == round(C6_AVG, 1) == 6.4
    assert r.loc["C6", "Paid On Time %"] == 100.0
    assert risk["Customer ID"].tolist()[:2] == ["C2", "C4"]  # highest score, then balance


@pytest.mark.parametrize(("late", "share", "score", "klass"), [
    (-5, 0.0, 0, "Low"), (9.9, 0.0, 10, "Low"), (30, 0.5, 50, "High"), (90, 1.0, 100, "High"),
    (20, 0.0, 20, "Medium"), (0, 0.75, 30, "Medium")])
def test_score_formula(late, share, score, klass):
    assert risk_score(late, share) == score
    assert risk_class(score) == klass


def test_expected_payment_dates():
    cust, items, _, risk = compute()
    e = expected_payments(items, risk, AS_OF, Policy()).set_index("Invoice No")
    assert e.loc["I4", "Expected Date"] == pd.Timestamp("2026-07-15") + pd.Timedelta(days=21)
    assert e.loc["I5", "Expected Date"] == pd.Timestamp("2026-07-10")  # due + 60 = today
    assert pd.isna(e.loc["I7", "Expected Date"])  # 131 days past due: doubtful
    assert e.loc["I7", "Basis"] == "doubtful: more than 90 days past due"
    # C6: due 06-30 + 6 days = 07-06 has passed: expected within 7 days of chasing
    assert e.loc["I10", "Expected Date"] == pd.Timestamp("2026-07-17")
    assert e.loc["I8", "Expected Date"] == pd.Timestamp("2026-06-20") + pd.Timedelta(
        days=round(risk.set_index("Customer ID").loc["C5", "Average Days Late"]))
    # the credit note reduces what C1 pays: I4 600 - CN1 50
    assert e.loc["I4", "Expected Amount"] == 550.00


def test_an_invoice_without_a_readable_date_is_listed_with_no_expected_date():
    # its date was an Input Issue: open, undated, so not scheduled (this crashed collections)
    cust, inv, pay = ledger()
    inv = pd.concat([inv, invoices([("I11", "C3", "2026-06-20", None, 90.00)])],
                    ignore_index=True)
    inv.loc[inv["Invoice No"] == "I11", "Invoice Date"] = pd.NaT
    items = open_items(cust, inv, pay, AS_OF)
    assert pd.isna(items.set_index("Document No").loc["I11", "Days Past Due"])
    risk = risk_scores(items, paid_history(inv, pay, due_dates(inv, cust), AS_OF), cust, AS_OF)
    e = expected_payments(items, risk, AS_OF, Policy()).set_index("Invoice No")
    assert pd.isna(e.loc["I11", "Expected Date"]) and e.loc["I11", "Expected Amount"] == 90.0
    assert e.loc["I11", "Basis"] == "no due date: the invoice's date could not be read"
    from ar_excel.io.wording_ar import cell_text
    assert cell_text(e.loc["I11", "Basis"]) == "بلا تاريخ استحقاق: تعذرت قراءة تاريخ الفاتورة"
    assert e.loc["I4", "Expected Amount"] == 550.00  # the others as before


def test_forecast_weeks_and_horizon():
    def row(day, amount, ccy="EGP"):
        return {"Expected Date": AS_OF + pd.Timedelta(days=day) if day is not None else pd.NaT,
                "Expected Amount": amount, "Currency": ccy}
    expected = pd.DataFrame([row(0, 100.0), row(6, 50.0), row(7, 25.0), row(90, 10.0),
                             row(91, 999.0), row(None, 500.0), row(8, 70.0, "USD")])
    f = forecast_from_expected(expected, AS_OF)
    assert len(f) == 13
    assert f["Week Start"].iloc[0] == AS_OF and f["Week End"].iloc[0] == AS_OF + pd.Timedelta(days=6)
    assert f["Expected Receipts"].tolist() == [150.0, 25.0] + [0.0] * 10 + [10.0]
    assert f["Expected Receipts USD"].tolist() == [0.0, 70.0] + [0.0] * 11
    assert f["Items"].tolist()[:2] == [2, 2]
    assert f.attrs["currency"] == "EGP"


def test_weekly_forecast_from_the_book():
    cust, inv, pay = ledger()
    f = weekly_forecast(cust, inv, pay, AS_OF)
    assert {"Week Start", "Expected Receipts"} <= set(f.columns)
    # week 1 (07-10..07-16): I5 1000 (today), I10 300 (07-17 is week 2)
    # I8 250 on 06-20 + 21 = 07-11 (week 1); I4 550 on 08-05 (week 4); I6 400 on 08-10 (week 5)
    assert f["Expected Receipts"].tolist()[:5] == [1250.0, 300.0, 0.0, 550.0, 400.0]
    assert f["Expected Receipts"].sum() == 2500.0  # I7 (doubtful) left out


def test_weekly_forecast_takes_plan_instalments_instead_of_invoices():
    from tests.collections_data import plans

    cust, inv, pay = ledger()
    # C4's doubtful 700 is rescheduled: two instalments of 350, 07-15 and 08-15
    f = weekly_forecast(cust, inv, pay, AS_OF, policy=Policy(),
                        plans=plans([("C4", 700.00, 2, "2026-07-15", "monthly")]))
    assert f["Expected Receipts"].tolist()[:6] == [1600.0, 300.0, 0.0, 550.0, 400.0, 350.0]
    assert f["Expected Receipts"].sum() == 3200.0


def test_blank_currency_as_nan_is_a_blank_currency():
    """Frames built outside the reader (xlwings, a script) may carry NaN for a blank
    currency: the scores are those of a blank (None) currency, and Currency stays blank."""
    cust, items, hist, _ = compute()
    blank = items.assign(Currency=pd.Series([None] * len(items), index=items.index,
                                            dtype=object))
    nan = items.assign(Currency=pd.Series([float("nan")] * len(items), index=items.index,
                                          dtype=object))
    expected = risk_scores(blank, hist, cust, AS_OF)
    got = risk_scores(nan, hist, cust, AS_OF)
    pd.testing.assert_frame_equal(got, expected)
    assert got["Currency"].isna().all()
    assert got.loc[got["Customer ID"] == "C2", "Open Balance"].item() == 1000.00
