"""The statement importer's input issues in an Arabic workbook are in Arabic
(``io.bank_messages_ar``): checked on messages the importer really gives (a statement built
row by row, the shared bank fixtures), so that English reworded in ``ar_excel.bank`` without
its Arabic fails here, and through ``ar-excel reconcile`` into the Input Issues tab."""

from __future__ import annotations

import re
from pathlib import Path

import openpyxl
import pytest

from ar_excel.bank import read_statement
from ar_excel.cli import main
from ar_excel.io.bank_messages_ar import arabic_bank_message
from ar_excel.io.messages_ar import arabic_message
from tests.test_arabic_headers import arabic_book

SHARED = Path(__file__).resolve().parents[2] / "shared" / "fixtures" / "bank"
LOCAL = Path(__file__).resolve().parent / "fixtures"

# A statement as a clerk exports it: a reversed charge, a row holding two movements, a page
# number, an impossible date and a totals row that disagrees with the lines.
STATEMENT = """\
Date,Description,Debit,Credit,Balance
01/11/2026,Opening balance,,,"10,000.00"
02/11/2026,TRF FROM AL NOUR TRADING INV 1001,,"5,000.00","15,000.00"
03/11/2026,BANK CHARGES REFUND,-15.00,,"15,015.00"
04/11/2026,CHQ DEP 123456,100.00,"2,100.00","17,015.00"
,Page 1 of 2,,,
05/11/2026,TRF FROM MOSTAFA,,"1,000.00","18,015.00"
31/02/2026,BAD DATE LINE,,50.00,"18,065.00"
Total,,115.00,"9,100.00",
"""

ARABIC = {  # cell (the row where no one cell) -> the Arabic of what the importer says there
    "C4": "Debit '-15.00' سالب: قُرئ عكس قيد مدين (عمولة مستردة أو دفعة مرتجعة)، مبلغاً "
          "وارداً (15.00)، إذ يتحرك الرصيد الجاري به (يرتفع)",
    "row 5": "Debit (100.00) وCredit (2,100.00) كلاهما مملوء: قُرئا سطراً واحداً بالفرق "
             "بينهما، 2,000.00؛ تحرك الرصيد الجاري بمقدار 2,000.00، فهما حركتان قُيّدتا في صف "
             "واحد (2,100.00 وارد، 100.00 صادر)",
    "B6": "رقم صفحة ('Page 1 of 2'، الصف 6): فاصل صفحات الكشف وليس معاملة؛ استُبعد",
    "A8": "التاريخ '31/02/2026' تعذرت قراءته ('31/02/2026' ليس تاريخاً صحيحاً)؛ استُبعد "
          "السطر",
    "D9": "استُبعد صف الإجماليات، لكنه لا يوافق السطور التي فوقه: 'Total' يقول المدين "
          "115.00، الدائن 9,100.00؛ والسطور مجموعها المدين 0.00، الدائن 8,015.00؛ ربما سقط "
          "سطر من الملف أو قُرئ خطأ",
}


def _numbers(text: str) -> list[str]:
    return re.findall(r"\d[\d,.]*\d|\d", text)


def _statement(tmp_path: Path) -> Path:
    path = tmp_path / "nov.csv"
    path.write_text(STATEMENT, encoding="utf-8")
    return path


def test_each_thing_the_importer_says_of_a_statement_is_worded_in_arabic(tmp_path):
    issues = read_statement(_statement(tmp_path)).issues
    assert {i.cell: arabic_message(i.message) for i in issues} == ARABIC


def _statement_files() -> list[Path]:
    files = [p for folder in (SHARED, LOCAL / "bank_xls", LOCAL / "bank_real")
             if folder.is_dir() for p in sorted(folder.rglob("*"))
             if p.is_file() and p.suffix.lower() not in (".md", ".py")
             and p.name.lower() != "readme.txt"
             and "licen" not in p.name.lower()]
    if not any(SHARED in p.parents for p in files):
        pytest.skip(f"the shared bank fixtures are not here ({SHARED}): the check runs on the "
                    "local ones only")
    return files


def test_every_message_of_the_real_statements_has_its_arabic_keeping_every_figure():
    messages = set()
    for path in _statement_files():
        try:
            messages |= {i.message for i in read_statement(path).issues}
        except Exception:  # noqa: BLE001 - a file the importer refuses says so elsewhere
            continue
    assert messages, "the fixtures gave no message to check"
    for message in sorted(messages):
        arabic = arabic_message(message)
        assert arabic != message, f"no Arabic wording for: {message}"
        assert all(n in arabic for n in _numbers(message)), (message, arabic)


@pytest.mark.parametrize("message", [
    "Credit '-300.00' is negative, but the running balance rises by it: read as money in "
    "(300.00)",
    "Withdrawals '3,000.00' is positive, where the column writes its debits with a minus: read "
    "as money out (-3,000.00), as its column says; the file has no running balance to confirm "
    "it, so check it against the bank's statement",
    "both Withdrawals (35.00) and Deposits (5,000.00) are filled: read as one line of their "
    "difference, 4,965.00; the file has no running balance to tell whether they are two "
    "movements booked on one row, so check it against the bank's statement",
])
def test_a_message_built_from_parts_is_worded_part_by_part(message):
    arabic = arabic_bank_message(message)
    assert arabic is not None and not re.search(r"\b(read|running|balance|money)\b", arabic)
    assert _numbers(arabic) == _numbers(message)


def test_a_message_of_unknown_wording_is_left_as_it_is():
    assert arabic_bank_message("Debit '-1' is negative: read as something new") is None
    assert arabic_message("Debit '-1' is negative: read as something new") == (
        "Debit '-1' is negative: read as something new")


def test_reconcile_of_an_arabic_workbook_writes_the_statements_issues_in_arabic(tmp_path):
    book = arabic_book(tmp_path / "book.xlsx")
    out = tmp_path / "out.xlsx"
    assert main(["reconcile", str(book), "--bank", str(_statement(tmp_path)),
                 "-o", str(out)]) == 0
    rows = list(openpyxl.load_workbook(out)["Input Issues"].iter_rows(values_only=True))
    assert rows[1] == ("Sheet", "Cell", "Column", "Value", "Message")
    written = {r[1]: r[4] for r in rows[2:] if r[0] == "nov.csv"}
    # a whole row named in Arabic too ('row 5' -> 'الصف 5'), a cell as Excel names it
    assert written == {f"الصف {k.removeprefix('row ')}" if k.startswith("row ") else k: v
                       for k, v in ARABIC.items()}
    assert "الصف 5" in written and "C4" in written
