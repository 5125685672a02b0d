"""An accountant's independent check of the ``collections`` job on two hand-built books
(``tests/_collections_books.py``): every figure below was worked out by hand from the
documented rules (``ar_excel/core/collections/*.py``), then compared with the CLI's tabs
read back with python-calamine and the ``.eml`` drafts read back with the email package.

Hand workings (as of 2026-11-30):

Egypt (default levels 7/30/60/90): N-01 F-1001 due 20 Nov -> 10 days, level 1;
N-02 F-1002 due 26 Oct -> 35 days, level 2 (F-1012 not yet due: balance 25,000, to collect
20,000); N-03 F-1003 due 21 Sep -> 70 days, level 3 (final notice + statement PDF);
N-04 F-1004 due 2 Aug -> 120 days and F-1014 due 1 Oct -> 60 days, gross 55,000 less
credit note 6,000 and cash on account 4,000 = 45,000 to collect (oldest first: F-1004 left
at 30,000), level 4 -> Visit List; N-05 plan 25,000 / 3 = 8,333.33, 8,333.33, 8,333.34 due
30 Sep, 30 Oct, 30 Nov: the first paid by RC-02, the second 31 days overdue -> plan reminder.
Forecast: nobody but N-01 has a paid invoice (10 days late), so each overdue customer's
average is its own days past due: N-01/N-02/N-03 expected 30 Nov, N-04 F-1014 at
due + 100 days (weighted 120/60) = 9 Jan (week 6), F-1004 doubtful (> 90), F-1012 at
15 Dec + 35 = 19 Jan (week 8); plan instalment 3 on 30 Nov, instalment 2 overdue -> 7 Dec.
Week 1 = 12,500 + 20,000 + 33,750.50 + 8,333.34 = 74,583.84.

Gulf (Policy levels 15/45/75, three levels: friendly, final notice, hold): G-01 40 days ->
1; G-02 50 days AED 18,375.75 - 5,000 = 13,375.75 -> 2 (final notice; Call List from 45);
G-03 exactly 75 days -> 3 (Visit List); G-04 10 days -> 0, first reminder on 20 Nov + 15 =
5 Dec; G-05 plan 10,000.10 / 4 fortnightly = 2,500.02 x 3 + 2,500.04 from 16 Nov, the
second due on the as-of date -> "due soon" reminder.

Kuwait (KWD, fils; default levels): K-01 exactly 7 days -> 1 (an Arabic name: an Arabic
letter in an English book), K-02 exactly 30 days -> 2 and the Call List, K-03's credit note
covers its 60-day invoice -> no letter, "apply the credit"; K-04 plan 1,000.001 / 4 monthly
from 31 Aug = 250.000 x 3 + 250.001 due 31 Aug, 30 Sep, 31 Oct, 30 Nov; receipts 250.000 and
150.000 leave instalment 2 at 100.000 (61 days overdue) and 3 (30 days) unpaid.
Forecast week 1 = 1,234.567 + 845.250 + 250.001 = 2,329.818; week 2 = 100 + 250 = 350.
"""

from __future__ import annotations

import email
from datetime import date, datetime
from email import policy as email_policy
from pathlib import Path

import pytest
from python_calamine import CalamineWorkbook

from ar_excel.cli import main
from tests import _collections_books as books

AS_OF = books.AS_OF


def _run(book: Path, out: Path, as_of: str = AS_OF) -> None:
    assert main(["collections", str(book), "--as-of", as_of, "-o", str(out)]) == 0


@pytest.fixture(scope="module")
def egypt(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("egypt")
    out = folder / "out" / "collections.xlsx"
    out.parent.mkdir()
    _run(books.egypt_distributor(folder / "egypt.xlsx"), out)
    return out


@pytest.fixture(scope="module")
def kuwait(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("kuwait")
    out = folder / "out" / "collections.xlsx"
    out.parent.mkdir()
    _run(books.kuwait_trader(folder / "kuwait.xlsx"), out)
    return out


@pytest.fixture(scope="module")
def gulf(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("gulf")
    out = folder / "out" / "collections.xlsx"
    out.parent.mkdir()
    _run(books.gulf_trader(folder / "gulf.xlsx"), out)
    return out


def tab(path: Path, name: str) -> list[dict]:
    """The tab's rows as dicts keyed by the English header row (an Arabic label row and a
    caption may sit above it)."""
    rows = CalamineWorkbook.from_path(str(path)).get_sheet_by_name(name).to_python()
    head = next(i for i, r in enumerate(rows) if r and r[0] in ("Customer ID", "Priority",
                                                                "Plan", "Week", "Date",
                                                                "Sheet"))
    keys = [str(k) for k in rows[head]]
    out = []
    for r in rows[head + 1:]:
        rec = {k: _clean(v) for k, v in zip(keys, r, strict=False) if k}
        if any(v not in (None, "") for v in rec.values()):
            out.append(rec)
    return out


def _clean(value):
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def letter(out: Path, stem: str) -> tuple[email.message.EmailMessage, str]:
    path = out.parent / "dunning" / f"{stem}.eml"
    msg = email.message_from_binary_file(path.open("rb"), policy=email_policy.default)
    return msg, msg.get_body(preferencelist=("plain",)).get_content()


# --- Egypt: Arabic book, default levels ------------------------------------------------

def test_egypt_dunning_levels_and_amounts_net_of_credits(egypt):
    rows = {r["Customer ID"]: r for r in tab(egypt, "Dunning")}
    got = {cid: (r["Level"], r["Level Name"], r["Days Overdue"], r["Overdue Amount"],
                 r["Credit On Account"], r["Amount To Collect"], r["Open Balance"],
                 r["Overdue Invoices"], r["Letter"])
           for cid, r in rows.items()}
    assert got == {
        "N-01": (1, "تذكير ودي", 10, 12500, 0, 12500, 12500, 1, True),
        "N-02": (2, "تذكير حازم", 35, 20000, 0, 20000, 25000, 1, True),
        "N-03": (3, "إنذار نهائي", 70, 33750.5, 0, 33750.5, 33750.5, 1, True),
        "N-04": (4, "إيقاف / زيارة ميدانية", 120, 55000, 10000, 45000, 45000, 2, True),
        "N-05": (0, "خطة سداد", 152, 16666.67, 0, 16666.67, 16666.67, 1, True),
    }
    # highest level first, then the largest amount
    assert [r["Customer ID"] for r in tab(egypt, "Dunning")] == \
        ["N-04", "N-03", "N-02", "N-01", "N-05"]
    assert rows["N-05"]["Next Action"] == "إرسال تذكير بالقسط رقم 2 المتأخر"
    assert {r["Language"] for r in rows.values()} == {"ar"}


def test_egypt_call_and_visit_lists(egypt):
    calls = [(r["Priority"], r["Customer ID"], r["Amount To Collect"], r["Days Overdue"],
              r["Oldest Invoice"], r["Oldest Due Date"]) for r in tab(egypt, "Call List")]
    assert calls == [(1, "N-03", 33750.5, 70, "F-1003", date(2026, 9, 21)),
                     (2, "N-02", 20000, 35, "F-1002", date(2026, 10, 26))]
    visits = [(r["Customer ID"], r["Amount To Collect"], r["Days Overdue"], r["City"],
               r["Oldest Invoice"]) for r in tab(egypt, "Visit List")]
    # the plan customer (152 days) is following its plan: not visited
    assert visits == [("N-04", 45000, 120, "الإسكندرية", "F-1004")]


def test_egypt_payment_plan_instalments_to_the_piastre(egypt):
    sched = [(r["Plan"], r["Instalment"], r["Of"], r["Due Date"], r["Amount"],
              r["Paid Amount"], r["Outstanding"], r["Paid Date"] or None, r["Status"],
              r["Days Overdue"]) for r in tab(egypt, "Payment Plan Schedule")]
    assert sched == [
        ("N-05-1", 1, 3, date(2026, 9, 30), 8333.33, 8333.33, 0, date(2026, 9, 30), "Paid", 0),
        ("N-05-1", 2, 3, date(2026, 10, 30), 8333.33, 0, 8333.33, None, "Overdue", 31),
        ("N-05-1", 3, 3, date(2026, 11, 30), 8333.34, 0, 8333.34, None, "Due soon", 0),
    ]
    assert round(sum(r[4] for r in sched), 2) == 25000.00
    assert tab(egypt, "Input Issues") == []  # 'كود العميل' / 'إجمالي المبلغ' headers read


def test_egypt_risk_and_expected_payments(egypt):
    risk = {r["Customer ID"]: (r["Risk Score"], r["Risk Class"], r["Average Days Late"],
                               r["Overdue 30+ %"]) for r in tab(egypt, "Payment Risk")}
    assert risk == {"N-01": (10, "Low", 10, 0), "N-02": (67, "High", 35, 80),
                    "N-03": (100, "High", 70, 100), "N-04": (100, "High", 100, 100),
                    "N-05": (100, "High", 152, 100)}
    expected = {(r["Customer ID"], r["Invoice No"]): (r["Expected Amount"],
                                                      r["Expected Date"] or None)
                for r in tab(egypt, "Expected Payments")}
    assert expected == {
        ("N-01", "F-1001"): (12500, date(2026, 11, 30)),
        ("N-02", "F-1002"): (20000, date(2026, 11, 30)),
        ("N-02", "F-1012"): (5000, date(2027, 1, 19)),
        ("N-03", "F-1003"): (33750.5, date(2026, 11, 30)),
        ("N-04", "F-1014"): (15000, date(2027, 1, 9)),
        ("N-04", "F-1004"): (30000, None),  # doubtful: 120 days past due
        ("N-05", "Plan N-05-1 #2"): (8333.33, date(2026, 12, 7)),
        ("N-05", "Plan N-05-1 #3"): (8333.34, date(2026, 11, 30)),
    }


def test_egypt_cash_forecast_thirteen_weeks(egypt):
    weeks = tab(egypt, "Cash Forecast")
    assert [r["Week"] for r in weeks] == list(range(1, 14))
    assert weeks[0]["Week Start"] == date(2026, 11, 30)
    assert weeks[0]["Week End"] == date(2026, 12, 6)
    assert weeks[12]["Week End"] == date(2027, 2, 28)
    money = {r["Week"]: (r["Expected Receipts"], r["Items"]) for r in weeks
             if r["Expected Receipts"]}
    assert money == {1: (74583.84, 4), 2: (8333.33, 1), 6: (15000, 1), 8: (5000, 1)}


def test_egypt_arabic_letters(egypt):
    msg, body = letter(egypt, "2026-11-30_N-04")
    assert msg["To"] == "amana@market.eg"
    assert "N-04" in msg["Subject"] and "إيقاف" in msg["Subject"]
    assert "سوبرماركت الأمانة" in body
    for line in ("F-1004 | فاتورة | 2026-07-03 | 2026-08-02 | 120 | 40,000.00",
                 "F-1014 | فاتورة | 2026-09-01 | 2026-10-01 | 60 | 15,000.00",
                 "CN-01 | إشعار دائن | 2026-10-15 |  |  | -6,000.00",
                 "RC-03 | دفعة تحت الحساب | 2026-11-10 |  |  | -4,000.00",
                 "إجمالي المتأخر: 45,000.00 EGP", "رصيد الحساب: 45,000.00 EGP"):
        assert line in body
    # N-02's first letter is at the firm level: it claims no earlier reminder
    msg, body = letter(egypt, "2026-11-30_N-02")
    assert msg["Subject"] == "فواتير متأخرة - حساب رقم N-02"
    assert "تذكيرنا السابق" not in body and "بإجمالي 20,000.00 EGP" in body
    assert "F-1012 | فاتورة | 2026-11-15 | 2026-12-15 |  | 5,000.00" in body  # not yet due
    assert "رصيد الحساب: 25,000.00 EGP" in body
    msg, body = letter(egypt, "2026-11-30_N-03")
    assert "إنذار نهائي" in msg["Subject"] and "33,750.50 EGP" in body and "F-1003" in body
    assert [p.get_filename() for p in msg.iter_attachments()] == \
        ["Statement_N-03_2026-11-30.pdf"]
    msg, body = letter(egypt, "2026-11-30_N-05")
    assert "القسط رقم 2 من 3" in body and "2026-10-30" in body and "8,333.33 EGP" in body
    assert "3/3 | 2026-11-30 | 8,333.34 | 0.00 | 8,333.34" in body
    assert sorted(p.name for p in (egypt.parent / "dunning").glob("*.eml")) == \
        [f"2026-11-30_N-0{i}.eml" for i in range(1, 6)]


def test_egypt_dunning_history(egypt):
    hist = [(r["Date"], r["Customer ID"], r["Level"], r["Amount"])
            for r in tab(egypt, "Dunning History")]
    day = date(2026, 11, 30)
    # N-05's plan reminder asks for instalment 2 (8,333.33 overdue since 30 Oct; the third
    # falls due today), not the 16,666.67 of its invoice the plan rescheduled
    assert hist == [(day, "N-01", 1, 12500), (day, "N-02", 2, 20000),
                    (day, "N-03", 3, 33750.5), (day, "N-04", 4, 45000),
                    (day, "N-05", 0, 8333.33)]


# --- Gulf: SAR/AED, Policy levels 15/45/75 --------------------------------------------

def test_gulf_policy_levels_and_currencies(gulf):
    got = {r["Customer ID"]: (r["Currency"], r["Level"], r["Level Name"], r["Days Overdue"],
                              r["Amount To Collect"], r["Letter"], r["Next Action Date"])
           for r in tab(gulf, "Dunning")}
    day = date(2026, 11, 30)
    assert got == {
        "G-01": ("SAR", 1, "Friendly reminder", 40, 7850.25, True, day),
        "G-02": ("AED", 2, "Final notice", 50, 13375.75, True, day),
        "G-03": ("SAR", 3, "Hold / visit", 75, 64400, True, day),
        # 10 days late, under the Policy's first level (15 days): overdue, no letter yet
        "G-04": ("SAR", 0, "Overdue, below first level", 10, 3200, False, date(2026, 12, 5)),
        "G-05": ("SAR", 0, "Payment plan", 152, 7500.08, True, day),
    }
    assert [r["Customer ID"] for r in tab(gulf, "Call List")] == ["G-02"]
    assert [r["Customer ID"] for r in tab(gulf, "Visit List")] == ["G-03"]


def test_gulf_fortnightly_plan_and_forecast(gulf):
    sched = [(r["Instalment"], r["Due Date"], r["Amount"], r["Outstanding"], r["Status"])
             for r in tab(gulf, "Payment Plan Schedule")]
    assert sched == [(1, date(2026, 11, 16), 2500.02, 0, "Paid"),
                     (2, date(2026, 11, 30), 2500.02, 2500.02, "Due soon"),
                     (3, date(2026, 12, 14), 2500.02, 2500.02, "Not yet due"),
                     (4, date(2026, 12, 28), 2500.04, 2500.04, "Not yet due")]
    weeks = {r["Week"]: (r["Expected Receipts"], r["Expected Receipts AED"], r["Items"])
             for r in tab(gulf, "Cash Forecast") if r["Items"]}
    # G-01 (40 days late, usually ~23) is chased now and expected within the week after
    assert weeks == {1: (70100.02, 13375.75, 4), 2: (7850.25, 0, 1), 3: (2500.02, 0, 1),
                     5: (2500.04, 0, 1)}


def test_gulf_english_letters(gulf):
    msg, body = letter(gulf, "2026-11-30_G-02")
    assert msg["To"] == "accounts@desertrose.ae" and "Final notice" in msg["Subject"]
    assert "Desert Rose General Trading LLC" in body and "INV-2002" in body
    assert "13,375.75 AED" in body
    assert [p.get_filename() for p in msg.iter_attachments()] == \
        ["Statement_G-02_2026-11-30.pdf"]
    msg, body = letter(gulf, "2026-11-30_G-05")
    assert "Payment plan" in msg["Subject"] and "2,500.02 SAR" in body
    assert "2026-11-30" in body
    assert not (gulf.parent / "dunning" / "2026-11-30_G-04.eml").exists()


def test_gulf_rerun_five_days_later_paces_escalations(tmp_path):
    out = tmp_path / "out.xlsx"
    book = books.gulf_trader(tmp_path / "gulf.xlsx")
    _run(book, out)
    _run(book, out, "2026-12-05")
    got = {r["Customer ID"]: (r["Level"], r["Days Overdue"], r["Last Level"], r["Letter"],
                              r["Next Action"], r["Next Action Date"])
           for r in tab(out, "Dunning")}
    assert got["G-01"] == (1, 45, 1, False, "Escalate after 2026-12-07 (one escalation a week)",
                           date(2026, 12, 7))
    assert got["G-02"] == (2, 55, 2, False, "Wait: letter sent 2026-11-30", date(2026, 12, 7))
    assert got["G-04"][:4] == (1, 15, 0, True)
    assert got["G-05"][3:] == (False, "Wait: plan reminder sent 2026-11-30",
                               date(2026, 12, 7))
    hist = [(r["Date"], r["Customer ID"], r["Level"]) for r in tab(out, "Dunning History")]
    nov, dec = date(2026, 11, 30), date(2026, 12, 5)
    assert hist == [(nov, "G-01", 1), (nov, "G-02", 2), (nov, "G-03", 3), (nov, "G-05", 0),
                    (dec, "G-04", 1)]
    # a re-run on the same date replaces that date's rows, never duplicates them
    _run(book, out, "2026-12-05")
    assert len(tab(out, "Dunning History")) == 5
    # a week after the friendly reminder G-01 (now 47 days) gets its second, firm letter
    # (the second of three levels, named the final notice) that speaks of the first
    _run(book, out, "2026-12-07")
    g01 = next(r for r in tab(out, "Dunning") if r["Customer ID"] == "G-01")
    assert (g01["Level"], g01["Level Name"], g01["Letter"]) == (2, "Final notice", True)
    msg, _ = letter(out, "2026-12-07_G-01")
    assert msg["Subject"] == "Final notice: overdue account G-01"


# --- Kuwait: fils, level boundaries, a covered invoice, a month-end plan -----------------

def test_kuwait_boundaries_and_covered_invoice(kuwait):
    got = {r["Customer ID"]: (r["Level"], r["Days Overdue"], r["Overdue Amount"],
                              r["Credit On Account"], r["Amount To Collect"], r["Letter"],
                              r["Language"])
           for r in tab(kuwait, "Dunning")}
    assert got == {
        "K-01": (1, 7, 1234.567, 0, 1234.567, True, "ar"),
        "K-02": (2, 30, 845.25, 0, 845.25, True, "en"),
        "K-03": (0, 0, 500, 500, 0, False, "en"),
        "K-04": (0, 138, 600.001, 0, 600.001, True, "en"),
    }
    k03 = next(r for r in tab(kuwait, "Dunning") if r["Customer ID"] == "K-03")
    assert k03["Next Action"] == "Apply credit on account to the overdue invoices"
    assert [r["Customer ID"] for r in tab(kuwait, "Call List")] == ["K-02"]
    assert tab(kuwait, "Visit List") == []


def test_kuwait_month_end_plan_to_the_fils(kuwait):
    sched = [(r["Instalment"], r["Due Date"], r["Amount"], r["Paid Amount"], r["Outstanding"],
              r["Status"], r["Days Overdue"]) for r in tab(kuwait, "Payment Plan Schedule")]
    assert sched == [(1, date(2026, 8, 31), 250, 250, 0, "Paid", 0),
                     (2, date(2026, 9, 30), 250, 150, 100, "Overdue", 61),
                     (3, date(2026, 10, 31), 250, 0, 250, "Overdue", 30),
                     (4, date(2026, 11, 30), 250.001, 0, 250.001, "Due soon", 0)]
    weeks = {r["Week"]: (r["Expected Receipts"], r["Items"])
             for r in tab(kuwait, "Cash Forecast") if r["Items"]}
    assert weeks == {1: (2329.818, 3), 2: (350, 2)}


def test_kuwait_letters_show_fils(kuwait):
    _, body = letter(kuwait, "2026-11-30_K-01")
    assert "شركة الخليج للأغذية" in body and "INV-K100" in body
    assert "بإجمالي 1,234.567 KWD" in body
    assert "INV-K100 | فاتورة | 2026-10-24 | 2026-11-23 | 7 | 1,234.567" in body
    assert "1,234.57" not in body.replace("1,234.567", "")
    _, body = letter(kuwait, "2026-11-30_K-04")
    assert "Instalment 2 of 4 of your payment plan, 250.000 KWD, was due on 2026-09-30" in body
    assert "(100.000 KWD outstanding)" in body
    assert "4/4 | 2026-11-30 | 250.001 | 0.000 | 250.001 | Due soon" in body
    assert "Account balance: 600.001 KWD" in body
    assert not (kuwait.parent / "dunning" / "2026-11-30_K-03.eml").exists()


# --- plan frequencies as accountants write them ---------------------------------------

@pytest.mark.parametrize(("text", "period"), [
    ("biweekly", ("days", 14)), ("Bi-Weekly", ("days", 14)), ("fortnightly", ("days", 14)),
    ("every 2 weeks", ("days", 14)), ("كل أسبوعين", ("days", 14)),
    ("semi-annual", ("months", 6)), ("Half-yearly", ("months", 6)),
    ("نصف سنوي", ("months", 6)), ("ربع سنوي", ("months", 3)), ("quarterly", ("months", 3)),
    ("annually", ("months", 12)), ("سنوي", ("months", 12)), ("شهري", ("months", 1)),
    ("Monthly", ("months", 1)), ("weekly", ("days", 7)), ("daily", ("days", 1)),
])
def test_plan_frequency_words(text, period):
    from ar_excel.core.collections.payment_plans import parse_frequency

    assert parse_frequency(text) == period


@pytest.mark.parametrize("text", ["twice a month", "semi-monthly", "نصف شهري",
                                  "مرتين في الشهر"])
def test_twice_a_month_is_reported_not_read_as_monthly(text):
    from ar_excel.core.collections.payment_plans import parse_frequency

    with pytest.raises(ValueError, match="twice a month"):
        parse_frequency(text)


def test_semi_annual_plan_schedule():
    """A 2-instalment semi-annual plan from 31 May falls due 31 May and 30 Nov, not 31 May
    of next year."""
    import pandas as pd

    from ar_excel.core.collections.payment_plans import plan_schedule

    plans = pd.DataFrame({"Customer ID": ["X"], "Amount": [1000.01], "Instalments": [2],
                          "Start": [pd.Timestamp("2026-05-31")], "Frequency": ["semi-annual"],
                          "_row": [2]})
    payments = pd.DataFrame({"Customer ID": ["X"], "Date": [pd.Timestamp("2026-05-31")],
                             "Amount": [500.0], "Invoice No": [None], "_row": [2]})
    sched, problems = plan_schedule(plans, payments, "2026-11-30")
    assert problems == []
    assert list(sched["Due Date"]) == [pd.Timestamp("2026-05-31"), pd.Timestamp("2026-11-30")]
    assert list(sched["Amount"]) == [500.0, 500.01]
    assert list(sched["Status"]) == ["Paid", "Due soon"]


def test_plan_sheet_as_typed_by_hand_and_an_unknown_customer(tmp_path):
    """Text amounts, Arabic digits and day-first text dates are read; a plan for an account
    not in Customers is reported with its cell and kept out of the schedule and forecast."""
    import openpyxl

    book = books.egypt_distributor(tmp_path / "egypt.xlsx")
    wb = openpyxl.load_workbook(book)
    ws = wb["خطط السداد"]
    ws.delete_rows(2)
    ws.append(["N-05", "25,000.00 ج.م", "٣", "30/09/2026", "شهرياً"])
    ws.append(["N-99", 1000, 2, datetime(2026, 10, 1), "شهري"])
    wb.save(book)
    out = tmp_path / "out.xlsx"
    _run(book, out)
    assert [(r["Sheet"], r["Cell"], r["Value"]) for r in tab(out, "Input Issues")] == \
        [("خطط السداد", "A3", "N-99")]
    sched = [(r["Plan"], r["Due Date"], r["Amount"], r["Status"])
             for r in tab(out, "Payment Plan Schedule")]
    assert sched == [("N-05-1", date(2026, 9, 30), 8333.33, "Paid"),
                     ("N-05-1", date(2026, 10, 30), 8333.33, "Overdue"),
                     ("N-05-1", date(2026, 11, 30), 8333.34, "Due soon")]
    assert sum(r["Expected Receipts"] for r in tab(out, "Cash Forecast")) == \
        pytest.approx(102917.17, abs=0.001)
