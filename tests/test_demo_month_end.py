"""The demo as a company's books at a month end: billing and receipts every month up to the
as-of date (``make_ledger(receipts="steady")``), the month's bank statement holding the
receipts the books recorded and those they did not (``make_bank_month(recorded=True)``), and
the committed demo's month-end figures. The defaults, which the matching gauges and the
benchmarks measure, stay what they were."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from openpyxl import load_workbook

from ar_excel.cli import main
from ar_excel.core.kpis import payment_currency
from ar_excel.core.ledger import open_items
from ar_excel.demo.bank_month import make_bank_month
from ar_excel.demo.ledger import make_ledger

REPO = Path(__file__).resolve().parents[1]
DEMO = REPO / "workbooks" / "demo_ar.xlsx"
DEMO_AR = REPO / "workbooks" / "demo_ar_arabic.xlsx"
DEMO_BANK = REPO / "workbooks" / "demo_bank.csv"
MONTH_END = pd.Timestamp("2026-11-30")
NOVEMBER = pd.Timestamp("2026-11-01")


@pytest.fixture(scope="module")
def steady() -> dict[str, pd.DataFrame]:
    return make_ledger(90, 1000, 930, seed=3, as_of=MONTH_END, receipts="steady")


def _per_month(dates: pd.Series) -> pd.Series:
    return dates.dt.to_period("M").value_counts().sort_index()


def test_a_steady_book_bills_and_collects_every_month_to_the_as_of_date(steady):
    inv, pay, cust = steady["Invoices"], steady["Payments"], steady["Customers"]
    assert (len(cust), len(inv), len(pay)) == (90, 1000, 930)
    billed, received = _per_month(inv["Invoice Date"]), _per_month(pay["Date"])
    months = pd.period_range("2025-12", "2026-11", freq="M")
    assert list(billed.index) == list(months) and billed.min() >= 60
    assert list(received.index) == list(months)
    # From the third month on the receipts run at the billing's pace, the last month too
    # (the backlog profile's receipts thin out towards the as-of date instead).
    assert received.loc["2026-02":].min() >= 0.75 * received.loc["2026-02":].median()
    assert received.loc["2026-11"] >= 0.85 * received.loc["2026-02":].median()
    # Hold in the master is for a few customers, not a third of them.
    assert (cust["Status"] == "Hold").mean() <= 0.06
    # Few invoices are open past their customer's habit: most of what is open is recent.
    items = open_items(cust, inv, pay, as_of=MONTH_END)
    items = items[(items["Item Type"] == "Invoice") & (items["Open Amount"] > 0)]
    assert (items["Days Past Due"] > 90).sum() <= 0.15 * len(items)


def test_a_steady_books_receipt_typos_are_recent_ones(steady):
    d = steady["_defects"]
    typos = set(d.loc[d["Code"] == "UNKNOWN_INVOICE", "Key"])
    pay = steady["Payments"]
    dated = pay.loc[pay["Invoice No"].isin(typos), "Date"]
    assert len(dated) == len(typos) == 3
    assert (dated >= MONTH_END - pd.Timedelta(days=60)).all()


def test_an_unknown_receipts_profile_is_refused():
    with pytest.raises(ValueError, match="receipts must be one of backlog, steady: 'monthly'"):
        make_ledger(20, 50, 40, receipts="monthly")


@settings(max_examples=10, deadline=None)
@given(n_c=st.integers(10, 40), n_i=st.integers(10, 150), per_invoice=st.floats(0.0, 1.2),
       seed=st.integers(0, 10_000))
def test_any_small_steady_book_is_exact_and_pays_no_invoice_twice_over(n_c, n_i, per_invoice,
                                                                       seed):
    n_p = int(n_i * per_invoice)
    f = make_ledger(n_c, n_i, n_p, seed=seed, as_of=MONTH_END, receipts="steady")
    assert (len(f["Customers"]), len(f["Invoices"]), len(f["Payments"])) == (n_c, n_i, n_p)
    inv = f["Invoices"].set_index("Invoice No")
    pay = f["Payments"]
    known = pay[pay["Invoice No"].isin(inv.index)]
    paid = known.groupby("Invoice No")["Amount"].sum()
    over = set(paid[paid > inv.loc[paid.index, "Amount"] + 0.005].index)
    assert over <= set(f["_defects"].loc[f["_defects"]["Code"] == "OVERPAYMENT", "Key"])
    assert (known["Date"].to_numpy() >= inv.loc[known["Invoice No"], "Invoice Date"].to_numpy()).all()
    assert (pay["Date"] <= MONTH_END).all() and (pay["Amount"] > 0).all()


def test_the_default_ledger_and_statement_are_what_the_benchmarks_measured():
    """The matching gauges and benchmarks call ``make_ledger`` and ``make_bank_month`` with
    their defaults: these figures were taken before the steady profile existed."""
    f = make_ledger(80, 700, 500, seed=3)
    pay = f["Payments"]
    assert pay.groupby(pay["Date"].dt.month).size().to_dict() == {
        1: 47, 2: 42, 3: 49, 4: 53, 5: 61, 6: 60, 7: 52, 8: 67, 9: 32, 10: 2, 11: 8, 12: 27}
    assert round(pay["Amount"].sum(), 2) == 12_319_462.79
    assert round(f["Invoices"]["Amount"].sum(), 2) == 18_106_919.78
    assert (f["Customers"]["Status"] == "Hold").sum() == 7
    lines, truth = make_bank_month(f["Customers"], f["Invoices"], f["Payments"], "2026-11-01",
                                   200, 7, currency="EGP")
    assert (len(lines), round(lines["Amount"].sum(), 2)) == (161, 7_071_495.05)
    assert not truth["Kind"].eq("recorded").any()
    assert truth["Kind"].value_counts()[["debit", "receipt:ref-exact", "receipt:multi"]].tolist() \
        == [44, 27, 14]


# ------------------------------------------------------------------ the month's statement

@pytest.fixture(scope="module")
def month(steady):
    c, i, p = steady["Customers"], steady["Invoices"], steady["Payments"]
    lines, truth = make_bank_month(c, i, p, NOVEMBER, 160, 11, currency="EGP", recorded=True)
    return lines, truth


def test_the_statement_holds_the_months_recorded_receipts_as_the_bank_credited_them(
        steady, month):
    lines, truth = month
    c, i, p = steady["Customers"], steady["Invoices"], steady["Payments"]
    assert set(lines["Currency"]) == {"EGP"}
    assert lines["Date"].min() >= NOVEMBER and lines["Date"].max() <= MONTH_END
    egp = p[payment_currency(p, c, i).eq("EGP").to_numpy()]
    cleared = egp[(egp["Date"] >= NOVEMBER) & (egp["Date"] <= MONTH_END - pd.Timedelta(days=3))]
    recorded = truth[truth["Kind"] == "recorded"].merge(lines, on="Bank Line")
    assert len(cleared) >= 25
    # Each receipt recorded up to three days before the month's end is on the statement
    # once, for its amount, on its day or up to three days after (a cheque's clearing).
    for r in cleared.itertuples(index=False):
        same = recorded[(recorded["Customer ID"] == r[1]) & np.isclose(recorded["Amount_x"], r[3])
                        & (recorded["Date"] >= r[2]) & (recorded["Date"] <= r[2] + pd.Timedelta(days=3))]
        assert len(same) >= 1, r
    assert len(recorded) <= len(egp[egp["Date"] >= NOVEMBER - pd.Timedelta(days=7)])


def test_the_other_receipts_pay_what_is_open_at_the_months_end_once_it_was_issued(steady, month):
    lines, truth = month
    c, i, p = steady["Customers"], steady["Invoices"], steady["Payments"]
    paying = truth[truth["Kind"].str.startswith("receipt") & truth["Invoice No"].notna()]
    assert len(paying) >= 40
    items = open_items(c, i, p, as_of=MONTH_END).set_index("Invoice No")
    issued = i.set_index("Invoice No")["Invoice Date"]
    day = paying.merge(lines[["Bank Line", "Date"]], on="Bank Line")
    assert (issued.loc[day["Invoice No"]].to_numpy() <= day["Date"].to_numpy()).all()
    applied = paying.groupby("Invoice No")["Amount"].sum()
    assert (applied <= items.loc[applied.index, "Open Amount"] + 0.005).all()
    # invoices open at the end of October, and some billed in November itself
    november = issued.loc[applied.index] >= NOVEMBER
    assert 0.2 * len(applied) < november.sum() < 0.6 * len(applied)


# ------------------------------------------------------------------ the committed demo

def _kpis(pack: Path) -> dict[tuple[str, str], float]:
    ws = load_workbook(pack)["KPIs"]
    return {(r[0], r[1]): r[2] for r in ws.iter_rows(min_row=2, values_only=True) if r[0]}


@pytest.mark.skipif(not DEMO.exists(), reason="workbooks/demo_ar.xlsx not built")
def test_the_demo_books_close_on_the_30th_of_november_like_a_real_companys(tmp_path, capsys):
    out = tmp_path / "pack.xlsx"
    assert main(["report", str(DEMO), "--as-of", "2026-11-30", "-o", str(out),
                 "--no-backup"]) == 0
    # EGP CEI (opening 7,799,202.30 + sales 5,148,234.64 - closing 7,202,843.52) /
    # (12,947,436.94 - closing current AR 5,177,637.49) = 5,744,593.42 / 7,769,799.45 = 73.93.
    # Current AR = closing AR - overdue 2,025,206.03: per customer its past-due invoices less
    # its own credits on account, never below zero. (82.40 before: of the 46 customers'
    # 1,543,526.52 on account, the 1,447,526.52 dated in past-due buckets were netted
    # against the whole book's 2,674,469.85 past due, an overdue of 1,226,943.33 and a
    # current AR of 5,975,900.19.) The other currencies move the same way, DSO not at all.
    assert "EGP: DSO 41.97, CEI 73.93 %, 21 customers overdue" in capsys.readouterr().out
    k = _kpis(out)
    assert [k[("Invoices Issued", c)] for c in ("EGP", "SAR", "AED", "USD")] == [146, 100, 35, 28]
    assert [k[("Receipts Count", c)] for c in ("EGP", "SAR", "AED", "USD")] == [155, 112, 42, 27]
    assert [k[("DSO", c)] for c in ("EGP", "SAR", "AED", "USD")] == [41.97, 36.48, 70.07, 42.19]
    assert [k[("CEI %", c)] for c in ("EGP", "SAR", "AED", "USD")] == [73.93, 68.81, 54.11,
                                                                       66.95]
    assert main(["credit", str(DEMO), "--as-of", "2026-11-30", "-o", str(tmp_path / "c.xlsx"),
                 "--no-backup"]) == 0
    assert ("301 customers as of 2026-11-30: 18 Hold, 10 Over Limit, 4 Warning, 269 OK"
            in capsys.readouterr().out)


def test_the_readme_quotes_the_demos_figures():
    """The figures the README promises a new user are the ones pinned above."""
    text = " ".join((REPO / "README.md").read_text(encoding="utf-8").split())
    for quoted in ("300 customers, 4,000 invoices and 3,700 receipts", "450 lines",
                   "18 of 301 customers on Hold", "DSO of 41.97 days", "CEI of 73.93 %"):
        assert quoted in text, quoted


@pytest.mark.skipif(not DEMO_AR.exists(), reason="workbooks/demo_ar_arabic.xlsx not built")
def test_the_arabic_demo_closes_on_the_same_day(demo_output):
    out = demo_output("report", str(DEMO_AR), "--as-of", "2026-11-30")
    k = _kpis(out)
    assert [k[("DSO", c)] for c in ("EGP", "SAR", "AED", "USD")] == [43.9, 28.69, 37.86, 66.73]
    # overdue per customer after its own credits (EGP 494,322.39 where the book-wide netting
    # gave 317,590.20): EGP (2,948,339.92 + 1,592,169.49 - 2,329,704.34) / (4,540,509.41 -
    # 1,835,381.95) = 2,210,805.07 / 2,705,127.46 = 81.73 (87.44 before)
    assert [k[("CEI %", c)] for c in ("EGP", "SAR", "AED", "USD")] == [81.73, 88.6, 64.92,
                                                                       65.12]


DEMO_AR_BANK = REPO / "workbooks" / "demo_bank_arabic.csv"


@pytest.mark.skipif(not DEMO_AR_BANK.exists(), reason="workbooks/demo_bank_arabic.csv not built")
def test_the_arabic_demo_has_its_own_statement(tmp_path):
    """The Arabic book's EGP account: its receipts, not the English book's (against which
    most lines were only suggested on their amounts)."""
    out = tmp_path / "month.xlsx"
    assert main(["reconcile", str(DEMO_AR), "--bank", str(DEMO_AR_BANK), "-o", str(out),
                 "--no-backup"]) == 0
    rows = list(load_workbook(out)["Bank Matches"].iter_rows(values_only=True))
    at = next(k for k, r in enumerate(rows) if "Status" in r)  # under the Arabic labels
    matches = pd.DataFrame(rows[at + 1:], columns=rows[at])
    credits = pd.read_csv(DEMO_AR_BANK, encoding="utf-8-sig")["Credit"].notna().sum()
    matched = matches.loc[matches["Status"] == "Matched", "Bank Line"].nunique()
    assert matched >= 0.6 * credits
    assert (matches["Status"] == "Suggested").sum() <= 5


@pytest.mark.skipif(not DEMO_BANK.exists(), reason="workbooks/demo_bank.csv not built")
def test_the_demo_month_end_reconciles_recorded_and_new_receipts(demo_output):
    """The counts of what the matcher finds are other modules' to move; the demo must show
    each kind: pairs with recorded receipts, matches, suggestions, unmatched credits, and
    unbanked receipts that are all the EGP account's (a SAR receipt is on the SAR account)."""
    from ar_excel.io.reader import read_book

    out = demo_output("reconcile", str(DEMO), "--bank", str(DEMO_BANK))
    wb = load_workbook(out)

    def frame(tab: str) -> pd.DataFrame:
        rows = list(wb[tab].iter_rows(values_only=True))
        at = next(k for k, r in enumerate(rows) if "Amount" in r or "Applied Amount" in r)
        return pd.DataFrame(rows[at + 1:], columns=rows[at])

    matches = frame("Bank Matches")
    assert matches["Status"].eq("Suggested").any()
    assert matches.loc[matches["Method"] == "recorded", "Bank Line"].nunique() >= 120
    assert matches.loc[matches["Method"] != "recorded", "Bank Line"].nunique() >= 150
    unmatched = frame("Unmatched Bank")
    assert (pd.to_numeric(unmatched["Amount"]) > 0).sum() >= 20
    unbanked = frame("Unbanked Receipts")
    book = read_book(DEMO)
    egp = book.customers.drop_duplicates("Customer ID").set_index("Customer ID")["Currency"]
    assert 0 < len(unbanked) <= 30
    assert unbanked["Customer ID"].map(egp).eq("EGP").all()


@pytest.mark.skipif(not DEMO.exists(), reason="workbooks/demo_ar.xlsx not built")
def test_only_the_statements_currencies_receipts_are_looked_for_in_it():
    from ar_excel.io.reader import read_book
    from ar_excel.jobs.reconcile import receipts_of_accounts

    book = read_book(DEMO)
    pay = book.payments
    ccy = payment_currency(pay, book.customers, book.invoices)
    egp = receipts_of_accounts(book, pd.DataFrame({"Currency": ["EGP", "egp "]}))
    assert len(egp) == int(ccy.eq("EGP").sum() + ccy.isna().sum()) < len(pay)
    assert set(payment_currency(egp, book.customers, book.invoices).dropna()) == {"EGP"}
    both = receipts_of_accounts(book, pd.DataFrame({"Currency": ["EGP", "SAR"]}))
    assert len(both) == int(ccy.isin(["EGP", "SAR"]).sum() + ccy.isna().sum())
    # a statement that names no currency: every receipt may be on it
    assert len(receipts_of_accounts(book, pd.DataFrame({"Currency": [None, " "]}))) == len(pay)
    assert len(receipts_of_accounts(book, pd.DataFrame({"Amount": [1.0]}))) == len(pay)
