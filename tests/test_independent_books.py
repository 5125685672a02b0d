"""An independent accountant's check of the month-end figures on six books we did not shape.

The books (``tests/independent_books.py``) are kept the way finance teams in Egypt, Saudi
Arabia, the UAE, Kuwait, Jordan and a QuickBooks shop keep them. Each is run through the command
line as a user would (``ar-excel run`` for Aging, Aging Detail, Credit Status, Dunning and
the Call/Visit lists; ``statements`` for Customer Statements; ``report`` for the KPIs), the
tabs are read back from the written workbooks, and every figure is compared with what an
accountant works out by hand from the contract's definitions (as-of 2026-11-30, KPI period
1-30 Nov 2026, 30 days). The arithmetic is written beside each figure.

Rounding: ratios are rounded half up, as an accountant and Excel's ROUND do.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from python_calamine import CalamineWorkbook

from ar_excel.cli import main
from tests.independent_books import AS_OF, BOOKS

BUCKETS = ["Current", "1-30", "31-60", "61-90", "90+"]


# ---------------------------------------------------------------- running and reading back

_RUNS: dict[str, dict[str, Path]] = {}


@pytest.fixture(scope="module")
def outputs(tmp_path_factory):
    """name -> {"run": month-end workbook, "statements": ..., "report": ...}, built once."""

    def get(name: str) -> dict[str, Path]:
        if name not in _RUNS:
            folder = tmp_path_factory.mktemp(name)
            book = BOOKS[name](folder / f"{name}.xlsx")
            out = {"run": folder / "month_end.xlsx", "statements": folder / "statements.xlsx",
                   "report": folder / "pack.xlsx"}
            assert main(["run", str(book), "--as-of", AS_OF, "-o", str(out["run"])]) == 0
            assert main(["statements", str(book), "--as-of", AS_OF, "--no-pdf",
                         "-o", str(out["statements"])]) == 0
            assert main(["report", str(book), "--as-of", AS_OF, "-o", str(out["report"])]) == 0
            _RUNS[name] = out
        return _RUNS[name]

    yield get
    _RUNS.clear()


def read_tab(path: Path, tab: str, header: list[str]) -> list[dict]:
    """The rows under the tab's English header row (the row starting with ``header``; an
    Arabic label row may sit above it), down to the first blank row."""
    rows = CalamineWorkbook.from_path(str(path)).get_sheet_by_name(tab).to_python()
    at = next(i for i, r in enumerate(rows) if list(r[:len(header)]) == header)
    names = [c for c in rows[at] if c != ""]
    out = []
    for r in rows[at + 1:]:
        if all(c == "" for c in r):
            break
        out.append({k: (None if v == "" else v) for k, v in zip(names, r, strict=False)})
    return out


def aging(out: dict[str, Path], buckets: list[str] = BUCKETS) -> dict[tuple, tuple]:
    rows = read_tab(out["run"], "Aging", ["Customer ID", "Customer"])
    return {(r["Customer ID"], r["Currency"]): tuple(round(r[b], 3) for b in [*buckets, "Total"])
            for r in rows}


def detail(out: dict[str, Path]) -> dict[str, tuple]:
    """Document No (Payment ID for cash on account) -> (Open Amount, Days Past Due, Bucket)."""
    rows = read_tab(out["run"], "Aging Detail", ["Customer ID", "Customer", "Item Type"])
    return {r["Document No"]: (round(r["Open Amount"], 3), int(r["Days Past Due"]), r["Bucket"])
            for r in rows}


CREDIT = ("Credit Limit", "Open Balance", "Overdue Amount", "Exposure", "Utilization %",
          "Oldest Overdue Days", "Over Limit", "Status", "Unapplied Credits")


def credit(out: dict[str, Path]) -> list[tuple]:
    """Credit Status rows in the tab's order: (Customer ID, *CREDIT)."""
    rows = read_tab(out["run"], "Credit Status", ["Customer ID", "Customer", "Credit Limit"])
    return [(r["Customer ID"], *(_clean(r[c]) for c in CREDIT)) for r in rows]


DUNNING = ("Level", "Days Overdue", "Overdue Amount", "Credit On Account", "Amount To Collect",
           "Open Balance", "Overdue Invoices", "Letter")


def dunning(out: dict[str, Path]) -> dict[tuple, tuple]:
    rows = read_tab(out["run"], "Dunning", ["Customer ID", "Customer", "Currency", "Level"])
    return {(r["Customer ID"], r["Currency"]): tuple(_clean(r[c]) for c in DUNNING)
            for r in rows}


def to_call(out: dict[str, Path], tab: str = "Call List") -> list[tuple]:
    rows = read_tab(out["run"], tab, ["Priority", "Customer ID", "Customer"])
    return [(r["Customer ID"], round(r["Amount To Collect"], 3), int(r["Days Overdue"]),
             r["Oldest Invoice"]) for r in rows]


def statement(out: dict[str, Path], customer: str, currency: str | None = None) -> list[tuple]:
    """(Type, Document, Debit, Credit, Balance) of one customer's section, opening to closing
    (the aging footer left out)."""
    rows = read_tab(out["statements"], "Customer Statements",
                    ["Customer ID", "Customer", "Currency", "Date"])
    mine = [r for r in rows if r["Customer ID"] == customer
            and (currency is None or r["Currency"] == currency) and r["Date"] is not None]
    return [(r["Type"], r["Document"], _clean(r["Debit"]), _clean(r["Credit"]),
             round(r["Balance"], 3)) for r in mine]


def statement_dates(out: dict[str, Path], customer: str) -> list[date]:
    rows = read_tab(out["statements"], "Customer Statements",
                    ["Customer ID", "Customer", "Currency", "Date"])
    return [r["Date"] for r in rows if r["Customer ID"] == customer and r["Date"] is not None]


def kpis(out: dict[str, Path], currency: str) -> dict[str, float]:
    rows = read_tab(out["report"], "KPIs", ["KPI", "Currency", "Value"])
    return {r["KPI"]: round(r["Value"], 3) for r in rows if r["Currency"] == currency}


def behaviour(out: dict[str, Path]) -> dict[tuple, tuple]:
    """(Customer ID, Currency) -> (Payments, Amount Paid, Avg Days Late, Share Paid Late %)."""
    rows = read_tab(out["report"], "Payment Behaviour", ["Customer ID", "Customer", "Payments"])
    return {(r["Customer ID"], r["Currency"]): (int(r["Payments"]), round(r["Amount Paid"], 3),
                                                r["Avg Days Late"], r["Share Paid Late %"])
            for r in rows}


def input_issues(out: dict[str, Path]) -> list[dict]:
    return read_tab(out["run"], "Input Issues", ["Sheet", "Cell", "Column"])


def _clean(value):
    if isinstance(value, float):
        return round(value, 3)
    return value


# ---------------------------------------------------------------- Egypt: EGP, Arabic book

def test_egypt_aging_by_due_date_with_part_payments_and_cash_on_account(outputs):
    out = outputs("egypt")
    assert input_issues(out) == []
    # C-101 (30 days): F-0801 45,600 - RC-501 20,000 = 25,600, due 9 Sep (82 days: 61-90);
    # RC-502 (60,000, "F-2026-0902 و F-2026-1005") pays F-0902 38,000 in full and F-1005
    # 22,000 of 57,000 -> 35,000 open, due 14 Nov as stated (16 days: 1-30); F-1103 22,800
    # due 5 Dec (Current); RC-503 15,000 on account dated 20 Nov (10 days: 1-30, negative).
    # F-1201 (2 Dec) and RC-540 (3 Dec) are after the as-of date: they do not exist yet.
    # C-102 (Net 45): F-0710 18,240 - 10,000 = 8,240 due 29 Aug (93 days: 90+); F-1012 30,780
    # due 17 Nov (13: 1-30); credit note CN-015 -3,420 on its own date 10 Nov (20: 1-30).
    # C-103 (60 days): F-0950 paid 12,400 by cheque + 140 discount = settled; F-1120 4,560
    # due 11 Jan (Current). C-104 (٣٠ days): F-0830 9,120 due 19 Sep (72: 61-90), F-1015
    # 51,300 due 24 Nov (6: 1-30), F-1118 6,840 due 18 Dec (Current).
    assert aging(out) == {
        ("C-101", "EGP"): (22800.0, 35000.0 - 15000.0, 0.0, 25600.0, 0.0, 68400.0),
        ("C-102", "EGP"): (0.0, 30780.0 - 3420.0, 0.0, 0.0, 8240.0, 35600.0),
        ("C-103", "EGP"): (4560.0, 0.0, 0.0, 0.0, 0.0, 4560.0),
        ("C-104", "EGP"): (6840.0, 51300.0, 0.0, 9120.0, 0.0, 67260.0),
    }
    assert detail(out) == {
        "F-2026-0801": (25600.0, 82, "61-90"), "F-2026-1005": (35000.0, 16, "1-30"),
        "RC-503": (-15000.0, 10, "1-30"), "F-2026-1103": (22800.0, -5, "Current"),
        "F-2026-0710": (8240.0, 93, "90+"), "CN-2026-015": (-3420.0, 20, "1-30"),
        "F-2026-1012": (30780.0, 13, "1-30"), "F-2026-1120": (4560.0, -42, "Current"),
        "F-2026-0830": (9120.0, 72, "61-90"), "F-2026-1015": (51300.0, 6, "1-30"),
        "F-2026-1118": (6840.0, -18, "Current"),
    }


def test_egypt_aging_at_a_past_date_shows_the_ledger_as_it_stood(tmp_path):
    book = BOOKS["egypt"](tmp_path / "egypt.xlsx")
    out = {"run": tmp_path / "october.xlsx"}
    assert main(["aging", str(book), "--as-of", "2026-10-31", "-o", str(out["run"])]) == 0
    # on 31 Oct: RC-502 of 28 Oct has paid F-0902; F-1005 (35,000 left) is due 14 Nov;
    # F-0801 due 9 Sep is 52 days late; F-0710 due 29 Aug 63; F-0830 due 19 Sep 42; the
    # November documents and C-103's 25 Nov receipts do not exist yet
    assert aging(out) == {
        ("C-101", "EGP"): (35000.0, 0.0, 25600.0, 0.0, 0.0, 60600.0),
        ("C-102", "EGP"): (30780.0, 0.0, 0.0, 8240.0, 0.0, 39020.0),
        ("C-103", "EGP"): (12540.0, 0.0, 0.0, 0.0, 0.0, 12540.0),
        ("C-104", "EGP"): (51300.0, 0.0, 9120.0, 0.0, 0.0, 60420.0),
    }


def test_egypt_credit_status_hold_over_limit_and_ok(outputs):
    out = outputs("egypt")
    assert credit(out) == [
        # Hold: F-0710 is 93 days past due (> 90); utilization 35,600 / 100,000 = 35.6 %
        ("C-102", 100000.0, 35600.0, 8240.0 + 30780.0, 35600.0, 35.6, 93, False, "Hold",
         -3420.0),
        # Hold in the master (موقوف); 4,560 / 50,000 = 9.12 -> 9.1 %
        ("C-103", 50000.0, 4560.0, 0.0, 4560.0, 9.1, 0, False, "Hold", 0.0),
        # 67,260 > 60,000 (typed ٦٠٬٠٠٠): 112.1 %
        ("C-104", 60000.0, 67260.0, 9120.0 + 51300.0, 67260.0, 112.1, 72, True, "Over Limit",
         0.0),
        # 68,400 / 250,000 = 27.36 -> 27.4 %; overdue = invoices only: 25,600 + 35,000
        ("C-101", 250000.0, 68400.0, 60600.0, 68400.0, 27.4, 82, False, "OK", -15000.0),
    ]


def test_egypt_dunning_sets_cash_on_account_against_the_oldest_debt(outputs):
    out = outputs("egypt")
    # C-101: the 15,000 on account covers 15,000 of F-0801 (oldest): 10,600 + 35,000 to
    # collect; oldest unpaid 82 days -> level 3 (7/30/60/90). C-102: 3,420 credit against
    # F-0710: 4,820 + 30,780; 93 days -> level 4. C-104: 72 days -> level 3.
    assert dunning(out) == {
        ("C-102", "EGP"): (4, 93, 39020.0, 3420.0, 35600.0, 35600.0, 2, True),
        ("C-104", "EGP"): (3, 72, 60420.0, 0.0, 60420.0, 67260.0, 2, True),
        ("C-101", "EGP"): (3, 82, 60600.0, 15000.0, 10600.0 + 35000.0, 68400.0, 2, True),
        ("C-103", "EGP"): (0, 0, 0.0, 0.0, 0.0, 4560.0, 0, False),
    }
    # calls: 30 <= days < 90, largest amount to collect first; visits: 90 days and more
    assert to_call(out) == [("C-104", 60420.0, 72, "F-2026-0830"),
                            ("C-101", 45600.0, 82, "F-2026-0801")]
    assert to_call(out, "Visit List") == [("C-102", 35600.0, 93, "F-2026-0710")]


def test_egypt_statements_show_the_discount_as_an_adjustment(outputs):
    out = outputs("egypt")
    # C-101 brought forward: 45,600 - 20,000 + 38,000 + 57,000 - 60,000 = 60,600
    # an Arabic book: the document types in Arabic as well (فاتورة، تحصيل، تسوية)
    assert statement(out, "C-101") == [
        ("الرصيد الافتتاحي", None, None, None, 60600.0),
        ("فاتورة", "F-2026-1103", 22800.0, 0.0, 83400.0),
        ("تحصيل", "RC-503", 0.0, 15000.0, 68400.0),
        ("الرصيد الختامي", None, None, None, 68400.0),
    ]
    assert statement(out, "C-103") == [
        ("الرصيد الافتتاحي", None, None, None, 12540.0),
        ("فاتورة", "F-2026-1120", 4560.0, 0.0, 17100.0),
        ("تحصيل", "RC-520", 0.0, 12400.0, 4700.0),
        ("تسوية", "RC-521", 0.0, 140.0, 4560.0),
        ("الرصيد الختامي", None, None, None, 4560.0),
    ]
    assert statement_dates(out, "C-101")[0] == date(2026, 11, 1)


def test_egypt_kpis(outputs):
    k = kpis(outputs("egypt"), "EGP")
    # AR on 31 Oct: C-101 25,600 + 35,000; C-102 8,240 + 30,780; C-103 12,540;
    # C-104 9,120 + 51,300 = 172,580. November: invoices 22,800 + 4,560 + 6,840 = 34,200,
    # credit note -3,420 -> credit sales 30,780. Cash: RC-503 15,000 + RC-520 12,400 (the
    # 140 discount is no cash). Closing 175,820 = 172,580 + 30,780 - 27,400 - 140.
    assert k["Opening AR"] == 172580.0
    assert (k["Invoices Issued"], k["Invoice Value Issued"]) == (3, 34200.0)
    assert (k["Credit Notes Issued"], k["Credit Note Value"]) == (1, -3420.0)
    assert k["Credit Sales"] == 30780.0
    assert (k["Receipts Count"], k["Receipts"]) == (2, 27400.0)
    assert k["Closing AR"] == 175820.0
    assert k["Closing Current AR"] == 22800.0 + 4560.0 + 6840.0
    assert k["DSO"] == 171.36  # 175,820 / 30,780 x 30 = 171.3645
    assert k["Best-Possible DSO"] == 33.33  # 34,200 / 30,780 x 30 = 33.333
    assert k["Average Days Delinquent"] == 138.03
    # CEI counts cash only: (172,580 + 30,780 - 175,820 - 140 discount) / (203,360 - 34,200)
    # = 27,400 / 169,160 = 16.198
    assert k["CEI %"] == 16.20
    assert k["Collection Rate %"] == 13.47  # 27,400 / 203,360 = 13.474
    # days late = receipt date - due date, weighted by the amount applied (the discount is no
    # payment): C-101 RC-501 20,000 16 days late (25 Sep vs 9 Sep), RC-502 38,000 8 days
    # (28 Oct vs 20 Oct) and 22,000 early: (16 x 20,000 + 8 x 38,000) / 80,000 = 7.8, late
    # 58,000 / 80,000 = 72.5 %; C-102 RC-510 32 days (30 Sep vs 29 Aug); C-103 16 days.
    # Payments counts receipts: RC-502 paid two invoices, one payment (2 for C-101)
    assert behaviour(outputs("egypt")) == {
        ("C-101", "EGP"): (2, 80000.0, 7.8, 72.5),
        ("C-102", "EGP"): (1, 10000.0, 32.0, 100.0),
        ("C-103", "EGP"): (1, 12400.0, 16.0, 100.0),
    }


def test_egypt_kpis_for_the_month_to_a_mid_month_date(tmp_path):
    book = BOOKS["egypt"](tmp_path / "egypt.xlsx")
    out = {"report": tmp_path / "pack.xlsx"}
    assert main(["report", str(book), "--as-of", "2026-11-15", "-o", str(out["report"])]) == 0
    k = kpis(out, "EGP")
    # 16 Oct .. 15 Nov, 31 days. AR on 15 Oct: C-101 25,600 + 38,000 + 57,000, C-102
    # 8,240 + 30,780, C-103 12,540, C-104 9,120 = 181,280. Sales: 51,300 + 22,800 + 4,560
    # - 3,420 = 75,240. One receipt, RC-502 of 28 Oct (60,000 naming two invoices).
    # Closing 181,280 + 75,240 - 60,000 = 196,520; not yet due on 15 Nov: F-1103 22,800,
    # F-1012 30,780 (due 17 Nov), F-1120 4,560, F-1015 51,300 = 109,440.
    assert k["Days in Period"] == 31
    assert (k["Opening AR"], k["Credit Sales"], k["Receipts Count"], k["Receipts"]) == (
        181280.0, 75240.0, 1, 60000.0)
    assert (k["Closing AR"], k["Closing Current AR"]) == (196520.0, 109440.0)
    assert k["DSO"] == 80.97  # 196,520 / 75,240 x 31 = 80.968
    assert k["Best-Possible DSO"] == 45.09  # 109,440 / 75,240 x 31 = 45.091
    assert k["CEI %"] == 40.79  # 60,000 / 147,080 = 40.794
    assert k["Collection Rate %"] == 23.39  # 60,000 / 256,520 = 23.390


# ---------------------------------------------------------------- Saudi contractor: SAR

SAUDI_BUCKETS = ["Current", "1-30", "31-60", "61-90", "91-120", "120+"]


def test_saudi_retention_on_long_terms_and_vat_inclusive_totals(outputs):
    out = outputs("saudi")
    assert input_issues(out) == []
    # Amounts are the VAT-inclusive totals (net x 1.15). 2001: PB-0107 414,000 paid
    # 300,000 + 114,000 = settled; retentions RET-0107 46,000, RET-0108 28,750, RET-0109
    # 20,700, RET-0110 11,500 fall due 365 days after their bills (Current); PB-0109
    # 186,300 and PB-0110 103,500 on 90 days (Current); PB-0108 258,750 due 29 Nov (1 day).
    # 2002 (Net 60): INV-041 92,000 - 50,000 = 42,000 due 19 Jul (134: 120+); INV-052
    # 57,500 due 31 Oct (30: 1-30); INV-058 34,500 due 30 Nov (0: Current); RCV-3020 20,000
    # on account dated 28 Nov (2: 1-30). 2003 (90): INV-007 230,000 due 29 Sep (62: 61-90),
    # credit note -11,500 of 15 Nov (15: 1-30).
    assert aging(out, SAUDI_BUCKETS) == {
        ("2001", "SAR"): (46000.0 + 28750.0 + 20700.0 + 11500.0 + 186300.0 + 103500.0,
                          258750.0, 0.0, 0.0, 0.0, 0.0, 655500.0),
        ("2002", "SAR"): (34500.0, 57500.0 - 20000.0, 0.0, 0.0, 0.0, 42000.0, 114000.0),
        ("2003", "SAR"): (0.0, -11500.0, 0.0, 230000.0, 0.0, 0.0, 218500.0),
    }
    d = detail(out)
    assert d["RET-0107"] == (46000.0, -197, "Current")  # due 15 Jun 2027
    assert d["PB-0108"] == (258750.0, 1, "1-30")
    assert d["INV-2002-058"] == (34500.0, 0, "Current")
    assert "PB-0107" not in d


def test_saudi_credit_status(outputs):
    assert credit(outputs("saudi")) == [
        ("2002", 500000.0, 114000.0, 42000.0 + 57500.0, 114000.0, 22.8, 134, False, "Hold",
         -20000.0),
        # 655,500 / 1,500,000 = 43.7 %
        ("2001", 1500000.0, 655500.0, 258750.0, 655500.0, 43.7, 1, False, "OK", 0.0),
        # no limit: no utilization, never over; 62 days is within the 90-day hold rule
        ("2003", None, 218500.0, 230000.0, 218500.0, None, 62, False, "OK", -11500.0),
    ]


def test_saudi_dunning_and_lists(outputs):
    out = outputs("saudi")
    assert dunning(out) == {
        # 20,000 on account against INV-041: 22,000 + 57,500 to collect
        ("2002", "SAR"): (4, 134, 99500.0, 20000.0, 79500.0, 114000.0, 2, True),
        ("2003", "SAR"): (3, 62, 230000.0, 11500.0, 218500.0, 218500.0, 1, True),
        # 1 day late: below the first reminder (7 days)
        ("2001", "SAR"): (0, 1, 258750.0, 0.0, 258750.0, 655500.0, 1, False),
    }
    assert to_call(out) == [("2003", 218500.0, 62, "INV-2003-007")]
    assert to_call(out, "Visit List") == [("2002", 79500.0, 134, "INV-2002-041")]


def test_saudi_statement_and_kpis(outputs):
    out = outputs("saudi")
    # 2001 brought forward: PB-0107 114,000 still open on 31 Oct + the retentions and bills
    # dated up to 31 Oct: 46,000 + 258,750 + 28,750 + 186,300 + 20,700 = 654,500
    assert statement(out, "2001") == [
        ("Opening balance", None, None, None, 654500.0),
        ("Receipt", "RCV-3015", 0.0, 114000.0, 540500.0),
        ("Invoice", "PB-0110", 103500.0, 0.0, 644000.0),
        ("Invoice", "RET-0110", 11500.0, 0.0, 655500.0),
        ("Closing balance", None, None, None, 655500.0),
    ]
    k = kpis(out, "SAR")
    # opening 654,500 + 134,000 (2002) + 230,000 (2003) = 1,018,500
    assert k["Opening AR"] == 1018500.0
    assert k["Credit Sales"] == 103500.0 + 11500.0 - 11500.0
    assert k["Receipts"] == 114000.0 + 20000.0
    assert k["Closing AR"] == 655500.0 + 114000.0 + 218500.0
    assert k["Closing Current AR"] == 396750.0 + 34500.0
    assert k["DSO"] == 286.38  # 988,000 / 103,500 x 30 = 286.377
    assert k["Best-Possible DSO"] == 125.0  # 431,250 / 103,500 x 30
    assert k["CEI %"] == 19.40  # 134,000 / 690,750 = 19.399
    assert k["Collection Rate %"] == 11.94  # 134,000 / 1,122,000 = 11.943


# ---------------------------------------------------------------- UAE trader: AED and USD

def test_uae_aging_keeps_currencies_apart(outputs):
    out = outputs("uae")
    assert input_issues(out) == []
    # CU-01's USD invoice INV-7002 10,000 - 4,000 paid = 6,000 (11 days: 1-30) is aged in
    # USD, never added to its AED items. CU-03 is a USD account: the blank currency of
    # INV-7020 is USD; PMT-05 5,000 on account dated on the as-of date is Current.
    assert aging(out) == {
        ("CU-01", "AED"): (31500.0, 0.0, 52500.0 - 20000.0, 0.0, 0.0, 64000.0),
        ("CU-01", "USD"): (0.0, 6000.0, 0.0, 0.0, 0.0, 6000.0),
        ("CU-02", "AED"): (42000.0, -2100.0, 0.0, 0.0, 18900.0, 58800.0),
        ("CU-03", "USD"): (8400.0 - 5000.0, 12250.0, 0.0, 0.0, 0.0, 15650.0),
    }


def test_uae_credit_converts_usd_at_the_policy_rate(outputs):
    # CU-01: 64,000 AED + 6,000 USD x 3.6725 = 64,000 + 22,035 = 86,035 AED; overdue 32,500 +
    # 22,035 = 54,535; 86,035 / 200,000 = 43.0 %. CU-03 is kept in its own USD.
    assert credit(outputs("uae")) == [
        ("CU-02", 100000.0, 58800.0, 18900.0, 58800.0, 58.8, 92, False, "Hold", -2100.0),
        ("CU-01", 200000.0, 86035.0, 54535.0, 86035.0, 43.0, 46, False, "OK", 0.0),
        ("CU-03", 50000.0, 15650.0, 12250.0, 15650.0, 31.3, 15, False, "OK", -5000.0),
    ]


def test_uae_credit_caption_totals_each_currency_apart(outputs):
    rows = CalamineWorkbook.from_path(str(outputs("uae")["run"])).get_sheet_by_name(
        "Credit Status").to_python()
    caption = next(c for r in rows for c in r if isinstance(c, str) and c.startswith("As of"))
    # AED rows 86,035 + 58,800 (USD converted into CU-01's AED), CU-03 in USD; the ledger
    # holds AED 64,000 + 58,800 and USD 6,000 + 15,650
    # tied as the tab counts it; the ledger in its own currencies beside it
    assert caption == ("As of 2026-11-30: Open Balance total AED 144,835.00, USD 15,650.00 = "
                       "ledger open balance AED 144,835.00, USD 15,650.00 (other currencies "
                       "converted at the Policy's exchange rates; in their own currencies: "
                       "AED 122,800.00, USD 21,650.00)")


def test_uae_dunning_per_currency(outputs):
    out = outputs("uae")
    # one row per customer and currency, each dunned on its own: CU-01 is 46 days late in
    # AED (level 2) and 11 days in USD (level 1)
    assert dunning(out) == {
        ("CU-02", "AED"): (4, 92, 18900.0, 2100.0, 16800.0, 58800.0, 1, True),
        ("CU-01", "AED"): (2, 46, 32500.0, 0.0, 32500.0, 64000.0, 1, True),
        ("CU-01", "USD"): (1, 11, 6000.0, 0.0, 6000.0, 6000.0, 1, True),
        ("CU-03", "USD"): (1, 15, 12250.0, 5000.0, 7250.0, 15650.0, 1, True),
    }
    assert to_call(out) == [("CU-01", 32500.0, 46, "INV-7001")]


def test_uae_statement_has_a_section_per_currency(outputs):
    out = outputs("uae")
    assert statement(out, "CU-01", "USD") == [
        ("Opening balance", None, None, None, 10000.0),
        ("Receipt", "PMT-02", 0.0, 4000.0, 6000.0),
        ("Closing balance", None, None, None, 6000.0),
    ]
    assert statement(out, "CU-01", "AED") == [
        ("Opening balance", None, None, None, 32500.0),
        ("Invoice", "INV-7003", 31500.0, 0.0, 64000.0),
        ("Closing balance", None, None, None, 64000.0),
    ]


def test_uae_kpis_count_a_usd_receipt_in_usd(outputs):
    out = outputs("uae")
    aed, usd = kpis(out, "AED"), kpis(out, "USD")
    # PMT-02 pays the USD invoice INV-7002: 4,000 USD received, not 4,000 AED.
    assert (aed["Receipts Count"], aed["Receipts"]) == (0, 0.0)
    assert (usd["Receipts Count"], usd["Receipts"]) == (2, 4000.0 + 5000.0)
    # AED: opening 32,500 + 18,900 + 42,000 = 93,400; sales 31,500 - 2,100 = 29,400;
    # closing 122,800; current 31,500 + 42,000 = 73,500
    assert (aed["Opening AR"], aed["Credit Sales"], aed["Closing AR"],
            aed["Closing Current AR"]) == (93400.0, 29400.0, 122800.0, 73500.0)
    assert aed["DSO"] == 125.31  # 122,800 / 29,400 x 30 = 125.306
    assert aed["CEI %"] == 0.0  # nothing collected: (93,400 + 29,400 - 122,800) = 0
    assert aed["Collection Rate %"] == 0.0
    # USD: opening 10,000 + 12,250 = 22,250; sales 8,400; closing 6,000 + 15,650 = 21,650;
    # overdue per customer, past-due invoices less its own credits: CU-01 6,000; CU-03
    # 12,250 - PMT-05's 5,000 on account = 7,250 (as its Dunning's Amount To Collect) ->
    # 13,250; current 21,650 - 13,250 = 8,400 (INV-7020; the old rule set the 5,000, dated
    # on the as-of date, against the invoice not yet due: 3,400)
    assert (usd["Opening AR"], usd["Credit Sales"], usd["Closing AR"],
            usd["Closing Current AR"], usd["Closing Overdue AR"]) == (
        22250.0, 8400.0, 21650.0, 8400.0, 13250.0)
    assert usd["DSO"] == 77.32  # 21,650 / 8,400 x 30 = 77.321
    assert usd["Best-Possible DSO"] == 30.0  # 8,400 / 8,400 x 30
    assert usd["CEI %"] == 40.45  # 9,000 / (22,250 + 8,400 - 8,400) = 9,000 / 22,250 = 40.449
    assert usd["Collection Rate %"] == 29.36  # 9,000 / 30,650 = 29.364
    # payment behaviour per currency: PMT-01 paid INV-7001 5 days early (AED), PMT-02 paid
    # INV-7002 6 days late (USD); never weighed together
    assert behaviour(out) == {("CU-01", "AED"): (1, 20000.0, 0.0, 0.0),
                              ("CU-01", "USD"): (1, 4000.0, 6.0, 100.0)}


# ---------------------------------------------------------------- Kuwait: KWD in fils

def test_kuwait_fils_are_kept_to_the_third_decimal(outputs):
    out = outputs("kuwait")
    assert input_issues(out) == []
    # No Due Date column: due = invoice date + terms. K-1 (30): KW-1001 4,250.750 -
    # 1,500.250 = 2,750.500 due 24 Sep (67: 61-90); KW-1002 paid in full on 29 Nov;
    # KW-1003 2,045.500 Current; P-04 250.000 on account of 15 Nov (15: 1-30).
    # K-2 (60): KW-2001 1,875.375 - 1,000.000 = 875.375 due 9 Aug (113: 90+); KW-2002
    # 2,960.625 due 21 Nov (9: 1-30); credit note -125.125 (20: 1-30); KW-2003 Current.
    assert aging(out) == {
        ("K-1", "KWD"): (2045.5, -250.0, 0.0, 2750.5, 0.0, 4546.0),
        ("K-2", "KWD"): (1215.0, 2835.5, 0.0, 0.0, 875.375, 4925.875),
    }
    assert detail(out)["KW-CN-01"] == (-125.125, 20, "1-30")
    assert credit(out) == [
        # 4,925.875 / 5,000 = 98.5 %; on Hold for KW-2001, 113 days past due
        ("K-2", 5000.0, 4925.875, 875.375 + 2960.625, 4925.875, 98.5, 113, False, "Hold",
         -125.125),
        ("K-1", 15000.0, 4546.0, 2750.5, 4546.0, 30.3, 67, False, "OK", -250.0),
    ]
    assert dunning(out) == {
        # 125.125 credit against KW-2001: 750.250 + 2,960.625 = 3,710.875 to collect
        ("K-2", "KWD"): (4, 113, 3836.0, 125.125, 3710.875, 4925.875, 2, True),
        ("K-1", "KWD"): (3, 67, 2750.5, 250.0, 2500.5, 4546.0, 1, True),
    }


def test_kuwait_statement_and_kpis(outputs):
    out = outputs("kuwait")
    assert statement(out, "K-1") == [
        ("Opening balance", None, None, None, 2750.5 + 3180.125),
        ("Receipt", "P-04", 0.0, 250.0, 5680.625),
        ("Invoice", "KW-1003", 2045.5, 0.0, 7726.125),
        ("Receipt", "P-02", 0.0, 3180.125, 4546.0),
        ("Closing balance", None, None, None, 4546.0),
    ]
    k = kpis(out, "KWD")
    assert k["Opening AR"] == 9766.625  # 2,750.500 + 3,180.125 + 875.375 + 2,960.625
    assert k["Credit Sales"] == 3135.375  # 2,045.500 + 1,215.000 - 125.125
    assert k["Receipts"] == 3430.125  # 250.000 + 3,180.125
    assert k["Closing AR"] == 9471.875
    assert k["Closing Current AR"] == 3260.5
    assert k["DSO"] == 90.63  # 9,471.875 / 3,135.375 x 30 = 90.629
    assert k["Best-Possible DSO"] == 31.2  # 3,260.500 / 3,135.375 x 30 = 31.197
    assert k["CEI %"] == 35.58  # 3,430.125 / 9,641.500 = 35.577
    assert k["Collection Rate %"] == 26.59  # 3,430.125 / 12,902.000 = 26.586


# ---------------------------------------------------------------- QuickBooks-like, month first

def test_quickbooks_month_first_dates_and_credit_memo(outputs):
    out = outputs("quickbooks")
    assert input_issues(out) == []
    # Dates read month first (10/05/2026 is 5 Oct). Acme (Net 30): 1045 4,200 - 2,000 =
    # 2,200 due 27 Sep (64: 61-90); 1061 paid on its due date; 1077 3,300 Current.
    # Blue Ridge (Net 15): 1050 1,180 due 18 Sep (73); 1068 2,460 due 6 Nov (24);
    # Credit Memo CM-1068 -460 of 2 Nov (28); 500 on account of 10 Nov (20); 1080 Current.
    # Cornerstone (due on receipt): 1071 8,900 due 1 Nov (29); 1072 paid.
    assert aging(out) == {
        ("Acme Hardware", "USD"): (3300.0, 0.0, 0.0, 2200.0, 0.0, 5500.0),
        ("Blue Ridge Cafe", "USD"): (1950.0, 2460.0 - 460.0 - 500.0, 0.0, 1180.0, 0.0, 4630.0),
        ("Cornerstone Builders", "USD"): (0.0, 8900.0, 0.0, 0.0, 0.0, 8900.0),
    }
    d = detail(out)
    assert d["CM-1068"] == (-460.0, 28, "1-30")
    assert d["5540"] == (-500.0, 20, "1-30")  # the receipt's QuickBooks Num


def test_quickbooks_credit_and_dunning(outputs):
    out = outputs("quickbooks")
    assert credit(out) == [
        # 8,900 / 8,000 = 111.25 % -> 111.3 (half up)
        ("Cornerstone Builders", 8000.0, 8900.0, 8900.0, 8900.0, 111.3, 29, True,
         "Over Limit", 0.0),
        # 4,630 / 5,000 = 92.6 % >= 80 %
        ("Blue Ridge Cafe", 5000.0, 4630.0, 1180.0 + 2460.0, 4630.0, 92.6, 73, False,
         "Warning", -960.0),
        ("Acme Hardware", 20000.0, 5500.0, 2200.0, 5500.0, 27.5, 64, False, "OK", 0.0),
    ]
    assert dunning(out) == {
        # 960 of credits (memo + cash) against 1050: 220 + 2,460 to collect
        ("Blue Ridge Cafe", "USD"): (3, 73, 3640.0, 960.0, 2680.0, 4630.0, 2, True),
        ("Acme Hardware", "USD"): (3, 64, 2200.0, 0.0, 2200.0, 5500.0, 1, True),
        ("Cornerstone Builders", "USD"): (1, 29, 8900.0, 0.0, 8900.0, 8900.0, 1, True),
    }
    assert to_call(out) == [("Blue Ridge Cafe", 2680.0, 73, "1050"),
                            ("Acme Hardware", 2200.0, 64, "1045")]
    # the book names no currency but its Policy's base currency: every tab says USD
    rows = read_tab(out["run"], "Credit Status", ["Customer ID", "Customer", "Credit Limit"])
    assert [r["Currency"] for r in rows] == ["USD", "USD", "USD"]


def test_quickbooks_statement_and_kpis(outputs):
    out = outputs("quickbooks")
    assert statement(out, "Blue Ridge Cafe") == [
        ("Opening balance", None, None, None, 1180.0 + 2460.0),
        ("Credit Note", "CM-1068", 0.0, 460.0, 3180.0),
        ("Receipt", "5540", 0.0, 500.0, 2680.0),
        ("Invoice", "1080", 1950.0, 0.0, 4630.0),
        ("Closing balance", None, None, None, 4630.0),
    ]
    k = kpis(out, "USD")
    # opening: Acme 2,200 + 6,750, Blue Ridge 1,180 + 2,460 = 12,590; sales 3,300 + 1,950 +
    # 8,900 - 460 = 13,690; receipts 6,750 + 500; closing 19,030; current 3,300 + 1,950
    assert (k["Opening AR"], k["Credit Sales"], k["Receipts"], k["Closing AR"],
            k["Closing Current AR"]) == (12590.0, 13690.0, 7250.0, 19030.0, 5250.0)
    assert k["DSO"] == 41.7  # 19,030 / 13,690 x 30 = 41.702
    assert k["Best-Possible DSO"] == 11.5  # 5,250 / 13,690 x 30 = 11.505
    assert k["Average Days Delinquent"] == 30.2
    assert k["CEI %"] == 34.47  # 7,250 / 21,030 = 34.475
    assert k["Collection Rate %"] == 27.59  # 7,250 / 26,280 = 27.588


# ---------------------------------------------------------------- Jordan: JOD, Policy edges

def test_jordan_invoice_date_basis_overpayment_and_a_refunded_credit_note(outputs):
    out = outputs("jordan")
    assert input_issues(out) == []
    # Aged by invoice date (Policy). J-1: RJ-1 1,200.000 pays JI-01 1,000.000 and leaves
    # 200.000 on account (10 Nov: 20 days); JI-02 of 1 Nov is 29 days old (1-30) though not
    # yet due. J-2: JI-10 of 17 Aug is 105 days old (90+), JI-12 of 20 Nov 10 days.
    # J-3: CN-20 -300.000 was refunded in cash (RF-1 -300.000 "CN-20"): both are settled,
    # leaving JI-20 450.750 of 31 Aug (91 days: 90+).
    assert aging(out) == {
        ("J-1", "JOD"): (0.0, 2500.5 - 200.0, 0.0, 0.0, 0.0, 2300.5),
        ("J-2", "JOD"): (0.0, 1100.0, 0.0, 0.0, 800.0, 1900.0),
        ("J-3", "JOD"): (0.0, 0.0, 0.0, 0.0, 450.75, 450.75),
    }
    assert detail(out) == {
        "RJ-1": (-200.0, 20, "1-30"), "JI-02": (2500.5, -1, "1-30"),
        "JI-10": (800.0, 60, "90+"), "JI-12": (1100.0, -35, "1-30"),
        "JI-20": (450.75, 61, "90+"),
    }


def test_jordan_hold_after_60_days_and_warning_at_75(outputs):
    out = outputs("jordan")
    assert credit(out) == [
        # 61 days past due > 60: Hold; the refunded credit note is no unapplied credit
        ("J-3", None, 450.75, 450.75, 450.75, None, 61, False, "Hold", 0.0),
        # exactly 60 days is not more than 60: 1,900 / 2,000 = 95 % >= 75 %
        ("J-2", 2000.0, 1900.0, 800.0, 1900.0, 95.0, 60, False, "Warning", 0.0),
        ("J-1", 10000.0, 2300.5, 0.0, 2300.5, 23.0, 0, False, "OK", -200.0),
    ]
    assert dunning(out) == {
        ("J-2", "JOD"): (3, 60, 800.0, 0.0, 800.0, 1900.0, 1, True),
        # nothing on account to set against JI-20: the credit went back to the customer
        ("J-3", "JOD"): (3, 61, 450.75, 0.0, 450.75, 450.75, 1, True),
        ("J-1", "JOD"): (0, 0, 0.0, 200.0, 0.0, 2300.5, 0, False),
    }
    assert to_call(out) == [("J-2", 800.0, 60, "JI-10"), ("J-3", 450.75, 61, "JI-20")]


def test_jordan_statement_and_kpis_leave_the_refund_out_of_receipts(outputs):
    out = outputs("jordan")
    assert statement(out, "J-3") == [
        ("Opening balance", None, None, None, 450.75 - 300.0),
        ("Refund", "RF-1", 300.0, 0.0, 450.75),
        ("Closing balance", None, None, None, 450.75),
    ]
    k = kpis(out, "JOD")
    # opening: 1,000.000 + 800.000 + 450.750 - 300.000 = 1,950.750; sales 2,500.500 +
    # 1,100.000; received RJ-1 1,200.000 (the refund is money paid out, no receipt);
    # closing 2,300.500 + 1,900.000 + 450.750; overdue per customer, past-due invoices less
    # its own credits: J-1 0 - RJ-1 200 -> 0; J-2 JI-10 800; J-3 JI-20 450.750 -> 1,250.750;
    # current 4,651.250 - 1,250.750 = 3,400.500 (JI-02 2,500.500 + JI-12 1,100 less J-1's
    # 200 on account, which no longer offsets J-2's and J-3's arrears: 3,600.500 before)
    assert (k["Opening AR"], k["Credit Sales"], k["Receipts Count"], k["Receipts"],
            k["Closing AR"], k["Closing Current AR"], k["Closing Overdue AR"]) == (
        1950.75, 3600.5, 1, 1200.0, 4651.25, 3400.5, 1250.75)
    assert k["DSO"] == 38.76  # 4,651.250 / 3,600.500 x 30 = 38.755
    assert k["Best-Possible DSO"] == 28.33  # 3,400.500 / 3,600.500 x 30 = 28.334
    # (1,950.750 + 3,600.500 - 4,651.250) / (5,551.250 - 3,400.500) = 900 / 2,150.750
    assert k["CEI %"] == 41.85  # 41.846
    # the cash CEI counts: received 1,200 less the 300 refunded (1,200 / 5,551.250 = 21.62
    # counted the refunded 300 as collected)
    assert k["Refunds Paid"] == 300.0
    assert k["Collection Rate %"] == 16.21  # 900 / 5,551.250 = 16.212


def test_every_book_ties_aging_credit_statements_and_kpis(outputs):
    """Across tabs: per customer and currency, the aging total is the statement's closing
    balance and the dunning's open balance; per currency the aging grand total is the KPIs'
    closing AR."""
    for name in BOOKS:
        out = outputs(name)
        buckets = SAUDI_BUCKETS if name == "saudi" else BUCKETS
        ages = aging(out, buckets)
        duns = dunning(out)
        for (cid, ccy), row in ages.items():
            lines = statement(out, cid, ccy)
            assert lines[-1][-1] == row[-1], (name, cid, ccy)
            assert duns[(cid, ccy)][5] == row[-1], (name, cid, ccy)
        for ccy in {c for _, c in ages}:
            grand = round(sum(r[-1] for (_, c), r in ages.items() if c == ccy), 3)
            assert kpis(out, ccy)["Closing AR"] == grand, (name, ccy)


# ---------------------------------------------------------------- the core rules these books found

def test_a_receipt_is_in_the_currency_of_the_invoice_it_pays():
    import pandas as pd

    from ar_excel.core.kpis import payment_currency

    customers = pd.DataFrame({"Customer ID": ["CU-01"], "Currency": ["AED"]})
    invoices = pd.DataFrame({"Invoice No": ["INV-1", "INV-2", None],
                             "Customer ID": ["CU-01"] * 3, "Currency": ["USD", None, "EUR"]})
    payments = pd.DataFrame({"Customer ID": ["CU-01"] * 4,
                             "Invoice No": ["INV-1", "INV-2", None, "INV-9"]})
    # INV-2 has no currency: its customer's; on account or an unknown invoice: the customer's
    assert payment_currency(payments, customers, invoices).tolist() == [
        "USD", "AED", "AED", "AED"]


def test_ratios_round_a_half_up():
    from ar_excel.core.credit import utilization_pct
    from ar_excel.core.kpis import _ratio

    assert utilization_pct(8900.0, 8000.0) == 111.3  # 111.25
    assert utilization_pct(-8900.0, 8000.0) == -111.3
    assert utilization_pct(4925.875, 5000.0) == 98.5  # 98.5175
    assert _ratio(1.125 * 30, 30.0) == 1.13  # the float 1.125 rounds to 1.12 half-even
    assert _ratio(171.364 * 100, 100.0) == 171.36
    assert _ratio(5.0, 0.0) != _ratio(5.0, 0.0)  # blank (NaN), never a made-up number


@settings(max_examples=150, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(["A", "B"]), st.sampled_from(["EGP", "KWD"]),
                          st.sampled_from(["Invoice", "Credit Note", "Payment"]),
                          st.integers(-5000, 5000), st.integers(0, 30)), max_size=14))
def test_a_refund_moves_no_money_between_customers_or_currencies(rows):
    import pandas as pd

    from ar_excel.core.ledger import refunds_settle_credits

    items = pd.DataFrame({
        "Customer ID": [r[0] for r in rows], "Currency": [r[1] for r in rows],
        "Item Type": [r[2] for r in rows], "Document No": [f"D{i}" for i in range(len(rows))],
        "Date": pd.to_datetime([pd.Timestamp("2026-11-01") + pd.Timedelta(days=r[4])
                                for r in rows]),
        "Open Amount": [r[3] / 1000 if r[1] == "KWD" else r[3] / 100 for r in rows],
        "_row": range(2, len(rows) + 2),
        "_refund_of": [None] * len(rows),
    }, columns=["Customer ID", "Currency", "Item Type", "Document No", "Date", "Open Amount",
                "_row", "_refund_of"])
    after = refunds_settle_credits(items)

    def balances(frame):
        return frame.groupby(["Customer ID", "Currency"])["Open Amount"].sum().round(3)

    if len(items):
        assert balances(after).equals(balances(items))  # every balance kept to the fils
    before, now = items["Open Amount"].to_numpy(), after["Open Amount"].to_numpy()
    # a credit only shrinks towards zero, a refund too; other debits are untouched
    assert all(b <= n <= 0 for b, n in zip(before, now, strict=True) if b < 0)
    assert all(0 <= n <= b for b, n in zip(before, now, strict=True) if b > 0)
    refunds = (items["Item Type"] == "Payment") & (items["Open Amount"] > 0)
    assert (now[~refunds.to_numpy() & (before > 0)] == before[~refunds.to_numpy() & (before > 0)]).all()
