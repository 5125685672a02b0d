"""The reconciliation's reasons and summary in Arabic, for an Arabic workbook."""

from __future__ import annotations

import csv

import openpyxl
import pandas as pd
import pytest

from ar_excel.cli import main
from ar_excel.core.matching import match_statement
from ar_excel.core.matching.review import reviews_from
from ar_excel.io.reasons_ar import (
    arabic_candidates,
    arabic_clause,
    arabic_item,
    arabic_note,
    arabic_reason,
)
from ar_excel.policy import Policy
from tests.test_arabic_headers import arabic_book
from tests.test_reconcile_job import read_tab


@pytest.mark.parametrize("english, arabic", [
    ("narrative names INV-2026-00102; amount equals the open amount",
     "البيان يذكر INV-2026-00102؛ المبلغ يساوي الرصيد المفتوح"),
    ("payer by name (92); amount equals the open amount of INV-1, INV-2",
     "الدافع عُرف من الاسم (تطابق 92%)؛ المبلغ يساوي الرصيد المفتوح لـ INV-1, INV-2"),
    ("narrative names INV-5 (or a mistyped INV-6, which has this amount); part payment of "
     "1,200.00 open",
     "البيان يذكر INV-5 (أو رقم INV-6 مكتوب خطأ، وهي بهذا المبلغ)؛ سداد جزئي من 1,200.00 مفتوح"),
    ("narrative names ف-102; short by 25.00 within the fee tolerance: write-off proposed",
     "البيان يذكر ف-102؛ ناقص 25.00 في حدود سماح المصاريف: يُقترح الشطب"),
    ("not a customer receipt (own transfer)", "ليس تحصيلاً من عميل (تحويل بين حسابات الشركة)"),
    ("debit (money out): not accounts receivable", "مدين (مبلغ خارج): ليس من حسابات العملاء"),
    ("recorded in Payments as R-9 on 2026-11-05: its Payment ID R-9 is in the narrative; "
     "already in the books, not applied again",
     "مسجل في التحصيلات برقم R-9 بتاريخ 2026-11-05: رقم التحصيل R-9 في البيان؛ مسجل بالدفاتر "
     "بالفعل، لا يُطبق مرة أخرى"),
    ("payer by name (90); no open invoice in the receipt's currency issued by its date (open: "
     "INV-1 in AED, INV-2 in USD): payment on account, please confirm",
     "الدافع عُرف من الاسم (تطابق 90%)؛ لا فاتورة مفتوحة بعملة التحصيل صادرة حتى تاريخه (المفتوح: "
     "INV-1 بعملة AED, INV-2 بعملة USD): دفعة تحت الحساب، يُرجى التأكيد"),
    ("paid by MIRAGEMARBLE, a name like customer C1204 (Mirage Marble Group)'s; its 3 oldest "
     "open invoices, F1, F2, F3, make the amount and no other set of its invoices does",
     "دفعه MIRAGEMARBLE، اسم يشبه اسم العميل C1204 (Mirage Marble Group)؛ أقدم 3 فواتير مفتوحة "
     "له، F1, F2, F3، تكوّن المبلغ ولا تكوّنه مجموعة أخرى من فواتيره"),
    ("narrative names F2026001529, one digit away from F2026001528 of the payer's (mistyped?); "
     "it F2026001528; amount equals the open amount",
     "البيان يذكر F2026001529، يختلف في خانة واحدة عن F2026001528 من فواتير الدافع (خطأ "
     "كتابة؟)؛ أي F2026001528؛ المبلغ يساوي الرصيد المفتوح"),
    ("payer by account; no open invoice in the receipt's currency issued by its date (open: "
     "INV-7 dated 2026-12-02): payment on account",
     "الدافع عُرف من رقم الحساب؛ لا فاتورة مفتوحة بعملة التحصيل صادرة حتى تاريخه (المفتوح: "
     "INV-7 بتاريخ 2026-12-02): دفعة تحت الحساب"),
    ("paid by MERIDIANMARBLE CO, a name like the customer's, and narrative names INV-101; "
     "amount equals the open amount",
     "دفعه MERIDIANMARBLE CO، اسم يشبه اسم العميل، والبيان يذكر INV-101؛ المبلغ يساوي الرصيد "
     "المفتوح"),
])
def test_reasons_read_in_arabic_clause_by_clause(english, arabic):
    assert arabic_reason(english) == arabic


def test_unmatched_reasons_and_candidates():
    assert arabic_reason("payer by account (C-104); no open invoice fits the amount") == \
        "الدافع عُرف من رقم الحساب (C-104)؛ لا فاتورة مفتوحة تناسب المبلغ"
    assert arabic_reason("names invoice INV-7 already settled (duplicate payment?)") == \
        "يذكر الفاتورة INV-7 المسددة بالفعل (دفعة مكررة؟)"
    assert arabic_candidates("INV-1 (C1, 1,000.00 open); customer C2 (88); INV-9 (C3, same "
                             "amount)") == ("INV-1 (C1، 1,000.00 مفتوح)؛ العميل C2 (88)؛ "
                                            "INV-9 (C3، نفس المبلغ)")


def test_an_unknown_clause_is_kept_as_it_is():
    assert arabic_reason("a new rule's words; payer not identified") == \
        "a new rule's words؛ الدافع غير معروف"
    assert arabic_reason(None) is None and arabic_reason("") == ""


def test_summary_items_and_notes():
    assert arabic_item("Matched (applied)") == "مطابق (مطبق)"
    assert arabic_item("Method: reference") == "الطريقة: reference"
    assert arabic_item("Statement 1234 EGP: opening") == "كشف 1234 EGP: الرصيد الافتتاحي"
    assert arabic_note("12 matched, 3 suggested allocations") == "12 مطابق، 3 مقترح"
    assert arabic_note("ties out") == "متطابق"
    assert arabic_item("USD: unmatched credits") == "USD: إيداعات غير مطابقة"
    assert arabic_item("no currency: matched (applied)") == "بلا عملة: مطابق (مطبق)"
    assert arabic_note("adds EGP, no currency, USD: each currency below") == (
        "يجمع EGP وبلا عملة وUSD: كل عملة أدناه")


def test_every_reason_of_a_generated_month_has_its_arabic():
    """Ties the English wording to the Arabic: a reworded or new reason fails here until its
    Arabic is written (else an Arabic workbook would show it in English)."""
    import sys
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
    from reconcile_quality import month, statement_balances

    untranslated = set()
    for seed in (3, 7):
        customers, items, lines, _ = month(400, seed, 400, 5000)
        result = match_statement(lines, items, customers, Policy(),
                                 balances=statement_balances(lines))
        for frame in (result.matches, result.unmatched):
            for reason in frame["Reason"].dropna():
                untranslated |= {c for c in reason.split("; ") if arabic_clause(c) == c}
        untranslated |= {i for i in result.summary["Item"] if arabic_item(i) == i}
        untranslated |= {n for n in result.summary["Note"] if n and arabic_note(n) == n}
    assert not untranslated


def _bank(path, *rows):
    with open(path, "w", encoding="utf-8-sig", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["التاريخ", "البيان", "مدين", "دائن"])
        w.writerows(rows)
    return path


def test_an_arabic_workbook_gets_arabic_reasons_and_a_rejection_stays(tmp_path):
    book = arabic_book(tmp_path / "book.xlsx")
    bank = _bank(tmp_path / "bank.csv",
                 ["16/11/2026", "حوالة واردة من شركة النور للتجارة فاتورة ف-102", "",
                  "22,800.00"],
                 ["20/11/2026", "مصاريف بنكية", "25.00", ""],
                 ["25/11/2026", "حوالة واردة من مؤسسة الفجر للمقاولات", "", "19,000.00"])
    out = tmp_path / "out.xlsx"
    assert main(["reconcile", str(book), "--bank", str(bank), "-o", str(out)]) == 0
    matches = read_tab(out, "Bank Matches", "Bank Line")
    assert matches["Reason"].iloc[0] == ("الدافع عُرف من الاسم في البيان والبيان يذكر ف-102؛ "
                                         "المبلغ يساوي الرصيد المفتوح")
    summary = read_tab(out, "Reconciliation", "Item")
    assert "تحقق: المطابق + المقترح + غير المطابق - الإيداعات" in set(summary["Item"])
    unmatched = read_tab(out, "Unmatched Bank", "Bank Line")
    assert "مدين (مبلغ خارج): ليس من حسابات العملاء" in set(unmatched["Reason"])

    captions = {ws.title: [c.value for c in ws[1] if isinstance(c.value, str)][-1]
                for ws in openpyxl.load_workbook(out).worksheets if ws.title != "Input Issues"}
    assert captions["Reconciliation"] == "مطابقة بنكية لـ 3 سطر من كشف البنك حتى 2026-11-25"
    assert captions["Unmatched Bank"].startswith("الإيداعات غير المطبقة")
    checks = openpyxl.load_workbook(out)["Bank Matches"].data_validations.dataValidation
    assert [c.formula1 for c in checks] == ['"Matched,Suggested,Rejected,معتمد,مرفوض"']
    # the 19,000.00 from ع-002 is proposed against its oldest invoice; the reviewer says no
    suggested = matches[matches["Status"] == "Suggested"]
    assert suggested["Invoice No"].tolist() == ["ف-103"]
    assert suggested["Reason"].iloc[0] == (
        "الدافع عُرف من الاسم في البيان (تطابق 98%)؛ لا يذكر فاتورة ويدفع أقل من أقدم فاتورة مفتوحة "
        "(ف-103، 57,000.00 مفتوح): دفعة تحت الحساب مقترحة على الأقدم، يُرجى التأكيد")
    line = suggested["Bank Line"].iloc[0]
    wb = openpyxl.load_workbook(out)
    ws = wb["Bank Matches"]
    header = next(r for r in ws.iter_rows() if r[0].value == "Bank Line")
    status = [c.value for c in header].index("Status")
    for row in ws.iter_rows(min_row=header[0].row + 1):
        if row[0].value == line:
            row[status].value = "مرفوض"
    wb.save(out)
    for _ in range(2):  # rejected, and still rejected on the run after (read back in Arabic)
        assert main(["reconcile", str(book), "--bank", str(bank), "-o", str(out)]) == 0
        assert line not in set(read_tab(out, "Bank Matches", "Bank Line")["Bank Line"])
        unmatched = read_tab(out, "Unmatched Bank", "Bank Line")
        why = unmatched.loc[unmatched["Bank Line"] == line, "Reason"].tolist()
        assert len(why) == 1 and why[0].startswith("رُفض الاقتراح (ف-103) عند المراجعة")


def test_the_arabic_rejection_is_read_back_by_the_review():
    unmatched = pd.DataFrame({"Bank Line": ["7"], "Date": [pd.Timestamp("2026-11-25")],
                              "Amount": [57000.0],
                              "Reason": [arabic_reason("the suggestion (ف-103) was rejected on "
                                                       "review; payer not identified")]})
    lines = unmatched[["Bank Line", "Date", "Amount"]]
    reviews = reviews_from(None, lines, unmatched)
    assert not reviews["7"].approved


def test_lang_option_sets_the_wording_both_ways(tmp_path):
    book = arabic_book(tmp_path / "book.xlsx")
    bank = _bank(tmp_path / "bank.csv",
                 ["16/11/2026", "حوالة واردة من شركة النور للتجارة فاتورة ف-102", "",
                  "22,800.00"])
    english, arabic = tmp_path / "en.xlsx", tmp_path / "ar.xlsx"
    assert main(["reconcile", str(book), "--bank", str(bank), "-o", str(english),
                 "--lang", "en"]) == 0
    assert read_tab(english, "Bank Matches", "Bank Line")["Reason"].tolist() == [
        "payer by narrative name and narrative names ف-102; amount equals the open amount"]
    assert main(["reconcile", str(book), "--bank", str(bank), "-o", str(arabic)]) == 0
    assert read_tab(arabic, "Bank Matches", "Bank Line")["Reason"].tolist() == [
        "الدافع عُرف من الاسم في البيان والبيان يذكر ف-102؛ المبلغ يساوي الرصيد المفتوح"]
    # the English run has no Arabic label row above the header
    first = openpyxl.load_workbook(english)["Bank Matches"]["A1"].value
    assert first == "Bank Line"


def test_every_kind_of_money_in_that_is_no_customers_has_its_arabic_name():
    """A reason names the kind of inflow it took a line for ("loan", "non-trade income"):
    each kind the classifier can give has its Arabic name, or the Arabic reason would carry
    an English word."""
    from ar_excel.core.matching.classify import _RULES
    from ar_excel.io.reasons_ar import _KIND

    assert sorted({kind for _, kind in _RULES} - set(_KIND)) == []
