"""`validate` on a master whose clerk numbered the rows ahead ("م" 1 to 11, five customers
filled in so far): the numbered blank rows are no customers missing an ID and a name."""

from __future__ import annotations

from datetime import date

from ar_excel.io.reader import read_book
from ar_excel.jobs import JobOptions
from ar_excel.jobs.validate import JOB
from tests._workbooks import save_sheets

HEAD = ["م", "كود العميل", "اسم العميل", "الرقم الضريبي", "الموبايل", "شروط الدفع",
        "الحد الائتماني", "الحالة"]


def _run(tmp_path, rows):
    book = read_book(save_sheets(tmp_path / "master.xlsx", {"العملاء": rows}))
    result = JOB.run(book, JobOptions(as_of=date(2026, 11, 20)))
    tab = result.tabs[0].frame
    return result.summary, [[r["Customer ID"], int(r["Row"]), r["Code"], r["Cell"]]
                            for _, r in tab.iterrows()]


def test_rows_numbered_ahead_are_no_customers(tmp_path):
    rows = [["بيان العملاء"], [], HEAD]
    rows += [[i, f"K{i}", f"شركة رقم {i} للتجارة", f"12{i}-456-789", f"0101234560{i}",
              "آجل 30 يوم", "50 ألف", "نشط"] for i in range(1, 6)]
    rows += [[i, None, None, None, None, None, None, None] for i in range(6, 11)]
    rows += [["١١", None, None, None, None, None, None, None]]
    rows += [[None, None, "الإجمالي", None, None, None, "=SUM(G4:G8)", None]]
    summary, found = _run(tmp_path, rows)
    assert found == []
    assert summary.startswith("5 customers checked: 0 errors, 0 warnings")


def test_a_numbered_row_with_a_field_is_still_checked(tmp_path):
    rows = [HEAD,
            [1, "K1", "شركة الأمل للتجارة", "121-456-789", "01012345601", "30", 1000, "نشط"],
            [2, None, "شركة بدون كود", "122-456-789", "01012345602", "30", 1000, "نشط"],
            [3, None, None, None, None, None, None, "نشط"],
            [4, None, None, None, None, None, None, None]]
    summary, found = _run(tmp_path, rows)
    assert found == [["", 3, "MISSING_ID", "B3"], ["", 4, "MISSING_ID", "B4"],
                     ["", 4, "MISSING_NAME", "C4"]]
    assert summary.startswith("3 customers checked: 3 errors, 0 warnings")
