"""The month-end collections summary says in Arabic how many calls / visits it held."""

from ar_excel.io.summaries_ar import arabic_summary


def test_held_calls_and_visits_said_in_arabic() -> None:
    line = ("Collections as of 2026-11-30: 62 customer row(s) overdue, 34 letter(s) due "
            "(34 drafts written), 8 to call, 12 to visit, 5 payment plan(s); 13-week forecast "
            "1,375,851.06 EGP; 15 letter(s) held: paid on the bank statement, not yet in "
            "Payments; 7 call(s) or visit(s) held: paid on the bank statement, not yet in "
            "Payments")
    said = arabic_summary(line)
    assert said.endswith("؛ 7 اتصال أو زيارة مؤجلة: العميل دفع في كشف البنك ولم يسجل في "
                         "التحصيلات بعد")
    assert "15 خطاب مؤجل" in said
    assert "call(s)" not in said
