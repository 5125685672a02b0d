"""`validate` on customer masters as Egypt and the Gulf keep them: Arabic headers and digits,
tax numbers written with their name before them, Egypt's spoken word for cash. Normal
practice gives no finding; a wrong number names its cell."""

from __future__ import annotations

from datetime import date

from ar_excel.io.reader import read_book
from ar_excel.jobs import JobOptions
from ar_excel.jobs.validate import JOB
from tests._workbooks import save_sheets

HEAD = ["كود العميل", "اسم العميل", "الرقم الضريبي", "الهاتف", "الدولة", "العملة", "شروط الدفع",
        "حد الائتمان", "الحالة"]


def checks(tmp_path, rows):
    book = read_book(save_sheets(tmp_path / "master.xlsx", {"العملاء": [HEAD, *rows]}))
    result = JOB.run(book, JobOptions(as_of=date(2026, 11, 20)))
    tab = result.tabs[0].frame
    return [[r["Customer ID"], int(r["Row"]), r["Field"], r["Code"], r["Severity"], r["Cell"],
             r["Message"]] for _, r in tab.iterrows()]


NORMAL = [
    ["C-001", "شركة النيل للأغذية", "١٢٣-٤٥٦-٧٨٩", "0100 123 4567", "مصر", "EGP", "30 يوم",
     "٥٠٬٠٠٠", "نشط"],
    ["C-002", "الدلتا للتوريدات", "204331876", "+20 111 234 5678", "مصر", "EGP", "نهاية الشهر",
     "200,000", "نشط"],
    ["C-003", "مؤسسة الرياض للمقاولات", "310123456700003", "0501234567", "السعودية", "SAR",
     "Net 30", 100000, "نشط"],
    ["C-004", "Al Futtaim Trading LLC", "TRN 100-2345-6789-0003", "+971 4 123 4567",
     "الإمارات", "AED", "60 days EOM", 250000, "Active"],
    ["C-005", "Emirates Steel LLC", "TRN: 100345678900003", "+971 50 765 4321", "UAE", "AED",
     "30", 90000, "Active"],
    ["C-006", "كافيه السلطان", "", "01007654321", "مصر", "EGP", "كاش", 0, "نشط"],
    ["C-007", "شركة الكويت للتجارة", "", "+965 2222 3333", "الكويت", "KWD", "30", 20000, "نشط"],
    ["C-008", "مصنع الشروق", "٥٥٥٤٤٤٣٣٣", "٠١٢٢٧٦٥٤٣٢١", "مصر", "EGP", "٤٥", "١٠٠ ألف", "نشط"],
    ["C-009", "VAT No. Saudi Trading", "VAT No. 300555666700003", "0551234567", "Saudi Arabia",
     "SAR", "60", 80000, "Active"],
    ["C-010", "شركة الصعيد للمقاولات", "ب.ض ٤٤٤-٣٣٣-٢٢٢", "01098765432", "مصر", "EGP", "60",
     150000, "نشط"],
    ["C-011", "مصنع العاشر للحديد", "رقم التسجيل: 333222111", "01556789012", "مصر", "EGP",
     "90", 500000, "نشط"],
    ["C-012", "مؤسسة جدة التجارية", "الرقم الضريبي 300777888900003", "0569876543", "السعودية",
     "SAR", "30", 60000, "نشط"],
]


def test_a_regional_master_as_typed_gives_no_finding(tmp_path):
    assert checks(tmp_path, NORMAL) == []


def test_cash_in_egypts_word_is_zero_days(tmp_path):
    book = read_book(save_sheets(tmp_path / "m.xlsx", {"العملاء": [HEAD, *NORMAL]}))
    terms = book.customers.set_index("Customer ID")["Payment Terms"]
    assert terms["C-006"] == 0 and terms["C-001"] == 30 and terms["C-008"] == 45


def test_wrong_gulf_and_egyptian_numbers_name_their_cell(tmp_path):
    rows = [list(r) for r in NORMAL]
    rows[2][2] = "310123456700004"          # a Saudi VAT number must end with 3
    rows[3][2] = "TRN 200-2345-6789-0003"   # a UAE TRN starts with 100
    rows[1][2] = "20433187"                 # an Egyptian number has 9 digits
    found = checks(tmp_path, rows)
    assert [f[:6] for f in found] == [
        ["C-002", 3, "Tax ID", "INVALID_TAX_ID", "Warning", "C3"],
        ["C-003", 4, "Tax ID", "INVALID_TAX_ID", "Warning", "C4"],
        ["C-004", 5, "Tax ID", "INVALID_TAX_ID", "Warning", "C5"],
    ]
    assert "15 رقماً يبدأ بـ 100" in found[2][6]
    assert found[1][6].startswith("الرقم الضريبي '310123456700004' للعميل C-003 (C4) غير صحيح")


def test_missing_tax_id_only_where_one_is_owed(tmp_path):
    """A master keeping tax IDs: a credit customer in Egypt without one is reported; a
    Kuwaiti or Qatari customer (no VAT there) and a walk-in cash buyer are not."""
    rows = [list(r) for r in NORMAL]
    rows[1][2] = ""                                   # C-002: credit customer, Egypt
    rows.append(["C-013", "Doha Supplies", "", "+974 4412 3456", "Qatar", "QAR", "30", 50000,
                 "Active"])
    found = checks(tmp_path, rows)
    assert [f[:6] for f in found] == [["C-002", 3, "Tax ID", "MISSING_TAX_ID", "Warning", "C3"]]
