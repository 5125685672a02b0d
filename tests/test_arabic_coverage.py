"""An Arabic workbook's month-end reads in Arabic: every text a user reads in the tabs
(captions, the label row, the small tables under a table, Reason / Basis / Note cells, a
plan's status) holds Arabic, or is a name, a number or a code.

The contract's keys stay English and are left out by column (``KEY_COLUMNS``): tab names,
the English header row, codes (``DUPLICATE_TAX_ID``, Severity ``Error``, Status ``Hold`` /
``Suggested``, Method ``on-account``), and data the user typed or the bank printed (names,
addresses, narratives). A text added in English to one of the other columns fails here until
its Arabic is written (``ar_excel/io/wording_ar.py``, ``labels_ar``, ``messages_ar``,
``reasons_ar``).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from openpyxl import load_workbook

from ar_excel.cli import main
from ar_excel.io.labels_ar import arabic_label
from ar_excel.io.summaries_ar import arabic_summary
from ar_excel.io.wording_ar import JOB_ISSUES, arabic_caption, bucket_label, cell_text
from ar_excel.jobs.collections import HEADERLESS_HISTORY

ROOT = Path(__file__).resolve().parents[1]
WORKBOOKS = ROOT / "workbooks"

ARABIC = re.compile(r"[\u0600-\u06FF]")
# A code, a reference or an amount: no lower-case Latin word in it ('OVER_CREDIT_LIMIT ×2',
# 'INV-2026-00697', 'FT263349XAUD3', 'AED', '1-30', '90+').
CODE = re.compile(r"[^a-z]*")

# Columns of every tab whose cells are keys or data, never wording of ours.
KEY_COLUMNS = {
    # identities and data as the user typed them (the master, invoices, the bank)
    "Customer ID", "Customer", "Name", "Invoice No", "Document No", "Document", "Reference",
    "Payment ID", "Bank Line", "Description", "Counterparty", "Counterparty Account",
    "Statement", "Email", "Phone", "Address", "City", "Plan", "Oldest Invoice", "Currency",
    "Request Reason", "Value", "Old Value", "New Value", "User", "Sheet", "Cell", "Column",
    "Candidates",
    # codes of the contract and its extensions (keys: filters, macros, the next run read them;
    # a plan instalment's Status, Risk Class, Item Type, an Aging Detail bucket naming its
    # Aging column, the pack's KPI names a figure is looked up by)
    "Code", "Severity", "Status", "Method", "Customer Status", "Recommendation", "Top Codes",
    "Language", "Risk Class", "Item Type", "Bucket", "KPI",
    # the contract's column a finding or a change is about (Customer Changes is read back by
    # the next run's change log; Customer / Invoice Checks name the same columns)
    "Field",
}
# ... except where one of those names holds our wording in a tab.
WORDED = {
    "Customer Statements": {"Document"},  # the aging footer's buckets ('Current')
}
# Tabs left out whole, with why.
SKIPPED_TABS = {
    "_ar_customer_snapshot": "hidden: the customer master as typed, read back by validate",
}


def _tabs_of(path: Path):
    wb = load_workbook(path)
    for ws in wb.worksheets:
        if ws.title in SKIPPED_TABS:
            continue
        yield ws


def _is_header(ws, row: int) -> bool:
    """Whether ``row`` holds English headers under their Arabic labels."""
    cells = [c for c in ws[row] if isinstance(c.value, str)]
    return bool(cells) and all(ws.cell(row - 1, c.column).value == arabic_label(c.value)
                               for c in cells)


def _tables(ws) -> list[tuple[int, int, int, dict[int, str]]]:
    """(header row, first data row, last data row, {column: header}) of each table on the
    sheet: its Excel tables (the main one and the small ones under it), and a main table
    written as a page (the Dashboard: no Excel table), found under its Arabic labels."""
    from openpyxl.utils.cell import range_boundaries

    found = []
    for table in ws.tables.values():
        min_col, top, max_col, bottom = range_boundaries(table.ref)
        found.append((top, top + 1, bottom,
                      {c: ws.cell(top, c).value for c in range(min_col, max_col + 1)}))
    header = next((r for r in range(2, min(ws.max_row, 5) + 1) if _is_header(ws, r)), 0)
    if header and all(top != header for top, *_ in found):
        last = header
        while last < ws.max_row and any(c.value is not None for c in ws[last + 1]):
            last += 1
        found.append((header, header + 1, last,
                      {c.column: c.value for c in ws[header] if c.value is not None}))
    return found


KEY_LABELS = KEY_COLUMNS | {arabic_label(k) for k in KEY_COLUMNS}


def english_texts(path: Path) -> list[tuple[str, str, str]]:
    """(tab, cell, text) of every text cell a user reads that holds no Arabic and is no
    code. Inside a table a cell is judged by its column (``KEY_COLUMNS`` left out, by their
    English or Arabic name); the contract's English header row is left out; everything else
    on the sheet (label row, captions, the small tables' captions and headers) is read."""
    found = []
    for ws in _tabs_of(path):
        tables = _tables(ws)
        main_header = min((top for top, *_ in tables), default=0)
        for row in ws.iter_rows():
            for cell in row:
                v = cell.value
                if not isinstance(v, str) or ARABIC.search(v) or CODE.fullmatch(v):
                    continue
                if cell.row == main_header and any(
                        top == main_header and cell.column in cols for top, _, _, cols in tables):
                    continue  # the contract's English header row
                if any(first <= cell.row <= last and cols.get(cell.column) in KEY_LABELS
                       and cols.get(cell.column) not in WORDED.get(ws.title, ())
                       for _, first, last, cols in tables):
                    continue
                found.append((ws.title, cell.coordinate, v))
    return found


def _run(tmp_path: Path, book: str, *extra: str) -> Path:
    out = tmp_path / "out.xlsx"
    code = main(["run", str(WORKBOOKS / book), "--bank", str(WORKBOOKS / "demo_bank.csv"),
                 "--as-of", "2026-11-30", "-o", str(out), "--no-backup", *extra])
    assert code == 0
    return out


@pytest.mark.parametrize(("book", "extra"), [("demo_ar_arabic.xlsx", ()),
                                              ("demo_ar.xlsx", ("--lang", "ar"))])
def test_every_text_of_an_arabic_month_end_is_arabic(tmp_path, capsys, book, extra):
    if not (WORKBOOKS / book).exists():
        pytest.skip(f"{book} not built (python workbooks/build_toolkit.py)")
    left = english_texts(_run(tmp_path, book, *extra))
    assert left == [], f"{len(left)} English texts, e.g. " + "; ".join(
        f"{t}!{c}: {v[:80]!r}" for t, c, v in left[:15])
    # the printout (the buttons' message box shows the same summaries): every line
    printed = capsys.readouterr().out.splitlines()
    assert len(printed) >= 8
    assert [line for line in printed if not ARABIC.search(line)] == []


def test_every_text_of_arabic_statements_is_arabic(tmp_path):
    out = tmp_path / "out.xlsx"
    assert main(["statements", str(WORKBOOKS / "demo_ar_arabic.xlsx"), "--as-of", "2026-11-30",
                 "--no-pdf", "-o", str(out), "--no-backup"]) == 0
    assert english_texts(out) == []
    ws = load_workbook(out)["Customer Statements"]
    footer = [r for r in ws.iter_rows(min_row=3, values_only=True) if r[4] == "أعمار الديون"]
    assert [r[5] for r in footer[:5]] == ["غير مستحق", "١-٣٠ يوم", "٣١-٦٠ يوم", "٦١-٩٠ يوم",
                                          "أكثر من ٩٠ يوم"]


def test_every_text_of_the_arabic_management_pack_is_arabic(demo_output):
    out = demo_output("report", str(WORKBOOKS / "demo_ar_arabic.xlsx"), "--as-of", "2026-11-30")
    assert english_texts(out) == []
    wb = load_workbook(out)
    kpis = {r[0]: (r[3], r[4]) for r in wb["KPIs"].iter_rows(min_row=3, max_row=20,
                                                              values_only=True)}
    assert kpis["DSO"] == (
        "يوم", "رصيد آخر الفترة / صافي المبيعات الآجلة × أيام الفترة")
    dash = [r for r in wb["Dashboard"].iter_rows(values_only=True) if r[0]]
    assert (dash[3][0], dash[3][2]) == ("إجمالي المديونية", "EGP")
    weeks = [r[0] for r in dash if isinstance(r[0], str) and r[0].startswith("أسبوع")]
    assert weeks[:2] == ["أسبوع 1 (30 نوفمبر)", "أسبوع 2 (07 ديسمبر)"]


def test_an_english_month_end_is_unchanged_by_the_arabic_wording(tmp_path):
    """The English book keeps its English captions and cells (the Arabic is added only for
    an Arabic book): the coverage check finds them all English."""
    if not (WORKBOOKS / "demo_ar.xlsx").exists():
        pytest.skip("demo_ar.xlsx not built")
    wb = load_workbook(_run(tmp_path, "demo_ar.xlsx"))
    caption = [c.value for c in wb["Aging"][1] if c.value and c.value.startswith("Aging as of")]
    assert caption and caption[0].startswith("Aging as of 2026-11-30 by due date; grand total")
    def column(tab, name):
        ws = wb[tab]
        header = [c.value for c in ws[1]]
        return {r[header.index(name)] for r in ws.iter_rows(min_row=2, values_only=True)
                if r[header.index(name)] is not None}

    assert column("Aging Detail", "Item Type") == {"Invoice", "Credit Note", "Payment"}
    assert column("Payment Risk", "Risk Class") == {"High", "Medium", "Low"}
    assert "portfolio average" in column("Payment Risk", "Basis")
    assert column("Payment Plan Schedule", "Status") <= {"Paid", "Partly paid", "Overdue",
                                                         "Due soon", "Not yet due"}
    assert not any(ARABIC.search(v) for v in column("Expected Payments", "Basis"))


@pytest.mark.parametrize(("english", "arabic"), [
    ("Aging as of 2026-11-30 by invoice date; grand total EGP 1,000.00 vs ledger open balance "
     "900.00: difference 100.00 (DOES NOT TIE)",
     "أعمار الديون في 2026-11-30 حسب تاريخ الفاتورة؛ الإجمالي العام EGP 1,000.00 مقابل الرصيد "
     "المفتوح في الدفاتر 900.00: الفرق 100.00 (غير مطابق)"),
    ("Aging as of 2026-11-30 by due date: no open items; ledger open balance 0.00, "
     "difference 0.00",
     "أعمار الديون في 2026-11-30 حسب تاريخ الاستحقاق: لا توجد بنود مفتوحة؛ الرصيد المفتوح في "
     "الدفاتر 0.00، الفرق 0.00"),
    ("As of 2026-11-30: Open Balance total EGP 10.00 ≠ ledger open balance EGP 12.00 (other "
     "currencies converted at the Policy's exchange rates; in their own currencies: EGP 9.00, "
     "USD 1.00)",
     "في 2026-11-30: إجمالي الرصيد المفتوح EGP 10.00 ≠ الرصيد المفتوح في الدفاتر EGP 12.00 "
     "(العملات الأخرى محوّلة بأسعار الصرف في السياسة؛ بعملاتها الأصلية: EGP 9.00، USD 1.00)"),
    ("As of 2026-11-30: Open Balance total EGP 10.00 = ledger open balance EGP 10.00 (other "
     "currencies added to their customer's currency as they stand: no exchange rate; in their "
     "own currencies: EGP 9.00, USD 1.00)",
     "في 2026-11-30: إجمالي الرصيد المفتوح EGP 10.00 = الرصيد المفتوح في الدفاتر EGP 10.00 "
     "(العملات الأخرى مضافة كما هي إلى عملة العميل: لا يوجد سعر صرف؛ بعملاتها الأصلية: EGP "
     "9.00، USD 1.00)"),
    ("13-week cash-collection forecast from 2026-11-30",
     "توقعات التحصيل النقدي لـ 13 أسبوعاً من 2026-11-30"),
    ("Statement of account C1 Nile Foods: 2026-11-01 to 2026-11-30",
     "كشف حساب C1 Nile Foods: من 2026-11-01 إلى 2026-11-30"),
])
def test_captions_in_arabic(english, arabic):
    assert arabic_caption(english) == arabic


def test_cell_texts_buckets_and_unknown_wording():
    assert cell_text("own history (3 paid) and 2 open overdue") == (
        "سجل سداد العميل (عدد 3 فاتورة مسددة) وعدد 2 فاتورة مفتوحة متأخرة")
    assert cell_text("doubtful: more than 90 days past due") == (
        "مشكوك في تحصيله: متأخر أكثر من 90 يوماً")
    assert (bucket_label("Current"), bucket_label("1-30"), bucket_label("91-120"),
            bucket_label("120+")) == ("غير مستحق", "١-٣٠ يوم", "91-120 يوم", "أكثر من 120 يوم")
    # a wording without its Arabic stays as it is, so nothing is lost
    assert cell_text("a new rule's basis") == "a new rule's basis"
    assert arabic_caption("A new caption") == "A new caption"
    assert cell_text(12.5) == 12.5


def test_summary_lines_clause_by_clause():
    assert arabic_summary("validate: 300 customers checked: 9 errors, 99 warnings; 4 changes "
                          "since the last run") == (
        "validate: فُحص 300 عميل: 9 خطأ، 99 تنبيه؛ 4 تغيير منذ التشغيل السابق")
    assert arabic_summary("aging: Aging as of 2026-11-30: 2 customer rows, 3 open items, grand "
                          "total 10.00 EGP (DOES NOT TIE to the ledger)") == (
        "aging: أعمار الديون في 2026-11-30: 2 صف عميل، 3 بند مفتوح، الإجمالي العام 10.00 EGP "
        "(غير مطابق للدفاتر)")
    assert arabic_summary("credit: 3 customers as of 2026-11-30: 1 Hold, 0 Over Limit, 0 Warning"
                          ", 2 OK; 1 credit reviews due") == (
        "credit: 3 عميل في 2026-11-30: 1 Hold, 0 Over Limit, 0 Warning, 2 OK؛ 1 مراجعة ائتمان "
        "مستحقة")  # the statuses are codes
    assert arabic_summary("collections: skipped, the workbook has no 'Invoices' sheet") == (
        "collections: تم التخطي: لا توجد ورقة 'Invoices' في المصنف")
    # a clause without its Arabic is kept beside the known ones; an unknown line as it is
    assert arabic_summary("invoices: 4 accounts to review; Tax % read oddly") == (
        "invoices: 4 حساب للمراجعة؛ Tax % read oddly")
    assert arabic_summary("newjob: did something") == "newjob: did something"
    assert arabic_summary("note: sheet protection applies to the sheets in the workbook written; "
                          "العملاء is protected only when written into BOOK (run without -o)"
                          ).startswith("ملاحظة: حماية الأوراق تسري على المصنف الذي كُتب؛ لا تُحمى "
                                       "العملاء")


def test_the_jobs_own_input_issues_have_their_arabic():
    """Ties the English wording of the issues the jobs raise (not the reader's) to their
    Arabic in ``messages_ar``: a reworded message fails here until its Arabic is written."""
    import pandas as pd

    from ar_excel.core.collections.payment_plans import plan_schedule
    from ar_excel.io.messages_ar import arabic_message
    from ar_excel.model import ROW

    day = pd.Timestamp("2026-11-01")
    plans = pd.DataFrame({
        "Customer ID": [None, "C1", "C1", "C1", "C1", "C1", "C9", "C1", "C1", "C1"],
        "Amount": [100.0, -5.0, 100.0, 100.0, 100.0, 100.0, 100.0, 100.0, 100.0, 100.0],
        "Instalments": [2, 2, 0, 2, 2, 2, 2, 45000, 2, 12],
        "Start": [day, day, day, None, day, day, day, day, day, pd.Timestamp("2261-12-01")],
        "Frequency": ["monthly"] * 4 + ["twice a month", "every blue moon", "monthly",
                                         "monthly", "45000", "monthly"],
        ROW: range(2, 12)})
    customers = pd.DataFrame({"Customer ID": ["C1"], "Name": ["Nile"], "Currency": ["EGP"]})
    payments = pd.DataFrame(columns=["Customer ID", "Date", "Amount", "Invoice No"])
    _, problems = plan_schedule(plans, payments, day, customers)
    messages = [m for _, _, m in problems]
    assert len(messages) == 10
    messages += ["3 customers have no currency (C1, C2, C3): read as USD, the only currency "
                 "the workbook names; nothing says the company's own currency (set Base "
                 "Currency on the Policy sheet, or the customers' Country)",
                 "INV-1 has no date, so it cannot be aged: its 10.00 is shown under Current",
                 "this item has no date, so it cannot be aged: its 10.00 is shown under Current",
                 "the billing check 'x' could not run; the other checks ran",
                 "USD has no exchange rate dated on or before the as-of date 2026-11-30; its "
                 "earliest, 50.1 of 2026-12-05, is used",
                 "customer C1's credit limit is in EGP (as typed) and it owes in USD: no "
                 "exchange rate in the Policy for USD to EGP, so Credit Status does not compare "
                 "them; give the rate (exchange_rates)",
                 "SAP Business One keeps a credit limit in the company's own currency, but "
                 "nothing in the workbook names it (customers in EGP, USD): each limit is "
                 "compared in its customer's currency; set base_currency on the Policy sheet",
                 HEADERLESS_HISTORY]
    assert [m for m in messages if not ARABIC.search(arabic_message(m))] == []
    used = {next(k for k, (p, _) in enumerate(JOB_ISSUES) if p.match(m)) for m in messages}
    assert sorted(used) == list(range(len(JOB_ISSUES)))  # no pattern is dead


SHARED = ROOT.parent / "shared" / "fixtures" / "bank"


@pytest.mark.skipif(not SHARED.is_dir(), reason="../shared/fixtures/bank is not next to the repo")
def test_the_statement_issues_of_the_real_fixtures_have_their_arabic():
    """The issues the real bank statements raise (a statement that does not tie out, text
    garbled by the wrong encoding) read in Arabic in an Arabic workbook's Input Issues."""
    from ar_excel.bank import read_statement
    from ar_excel.io.messages_ar import arabic_message

    messages = set()
    for path in sorted(p for p in SHARED.rglob("*") if p.is_file() and p.suffix != ".md"):
        try:
            messages |= {i.message for i in read_statement(path).issues}
        except Exception:  # noqa: BLE001 - a file the import refuses says so elsewhere
            continue
    assert len(messages) >= 5
    assert [m for m in messages if not ARABIC.search(arabic_message(m))] == []
    assert arabic_message(
        "statement 7 does not tie out: opening 100.00 + credits 50.00 - debits 20.00 = 130.00, "
        "but the closing balance is 125.00 (difference 5.00); lines may be missing from the "
        "file") == ("كشف الحساب 7 غير متوازن: الرصيد الافتتاحي 100.00 + الدائن 50.00 - المدين "
                    "20.00 = 130.00، لكن الرصيد الختامي 125.00 (الفرق 5.00)؛ قد تكون بعض الحركات "
                    "ناقصة من الملف")


def test_pack_captions_beyond_the_demo():
    from ar_excel.io.pack_ar import pack_caption

    assert pack_caption("Management pack: receivables as of 2026-11-30 in n/a; period "
                        "2026-11-01 .. 2026-11-30; aging DOES NOT TIE to the ledger (see Aging)"
                        ) == ("تقرير الإدارة: المديونية في 2026-11-30 بعملة غير محددة؛ الفترة من "
                              "2026-11-01 إلى 2026-11-30؛ أعمار الديون غير مطابقة للدفاتر (انظر "
                              "Aging)")
    assert pack_caption("Aging by bucket ()") == "أعمار الديون حسب الفئة ()"
    assert pack_caption("Open balance by bucket (KWD)") == "الرصيد المفتوح حسب الفئة العمرية (KWD)"
    assert arabic_caption("Open items as of 2026-11-30, each with its bucket (the first "
                          "1,048,572 of 2,000,000 items: more than a sheet holds; the Aging tab "
                          "includes them all)").startswith("البنود المفتوحة في 2026-11-30، كل بند")
