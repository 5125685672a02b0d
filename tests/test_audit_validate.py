"""Audit of validate on a small Egyptian master where every finding is known by hand.

Twelve customers, all with a tax ID, currency, email and phone except where planted:
V04 has no currency, V06 neither email nor phone (both Warnings: the master keeps them for
everyone else, so a blank is an omission), V03 no tax ID (MISSING_TAX_ID), V02/V12 share an
ID (DUPLICATE_ID on both rows), V09/V10 are one company typed twice ('Mansoura Dairy' /
'Mansoura Dairy Co.', same email domain), V07's terms 'Net 35' and V08's '10%' discount are
off policy, V11's limit is negative. Valid variety is not flagged: '٣٠ يوم' terms,
Arabic-Indic phone digits, a plus-addressed email, a limit typed '50,000'.
A second master where a quarter of the customers have no currency keeps no currency column
in practice: no MISSING_CURRENCY there.
"""

from __future__ import annotations

import openpyxl

from ar_excel.cli import main

HEAD = ["Customer ID", "Name", "Tax ID", "Email", "Phone", "Currency", "Payment Terms",
        "Credit Limit", "Discount %"]
ROWS = [
    ["V01", "Cairo Trading", "111-222-333", "a@cairotrading.eg", "+20 100 000 0001", "EGP",
     "Net 30", 50000, 0],
    ["V02", "Alexandria Paints", "111-222-334", "b@alexpaints.eg", "0100 000 0002", "EGP", 30,
     "50,000", 2],
    ["V03", "Giza Plastics", None, "c@gizaplastics.eg", "+20 100 000 0003", "EGP", 30, 20000, 0],
    ["V04", "Aswan Marble", "111-222-336", "d@aswan.eg", "+20 100 000 0004", None, 30, 20000, 0],
    ["V05", "Luxor Tiles", "111-222-337", "e@luxortiles.eg", "+20 100 000 0005", "EGP", 30,
     20000, 0],
    ["V06", "Suez Chemicals", "111-222-338", None, None, "EGP", 30, 20000, 0],
    ["V07", "Port Said Shipping", "111-222-339", "g@psship.eg", "+20 100 000 0007", "EGP",
     "Net 35", 20000, 0],
    ["V08", "Tanta Flour Mills", "111-222-340", "h@tantaflour.eg", "+20 100 000 0008", "EGP", 30,
     20000, "10%"],
    ["V09", "Mansoura Dairy", "111-222-341", "i+ar@mansouradairy.eg", "٠١٠٠٠٠٠٠٠٠٩", "EGP",
     "٣٠ يوم", 20000, 0],
    ["V10", "Mansoura Dairy Co.", "111-222-342", "j@mansouradairy.eg", "+20 100 000 0010", "EGP",
     30, 20000, 0],
    ["V11", "Zagazig Feed", "111-222-343", "k@zagfeed.eg", "+20 100 000 0011", "EGP", 30,
     -5000, 0],
    ["V02", "Damietta Furniture", "111-222-344", "l@damfurn.eg", "+20 100 000 0012", "EGP", 30,
     50000, 0],
]
EXPECTED = {
    ("V02", 3, "Customer ID", "DUPLICATE_ID", "Error"),
    ("V02", 13, "Customer ID", "DUPLICATE_ID", "Error"),
    ("V03", 4, "Tax ID", "MISSING_TAX_ID", "Warning"),
    ("V04", 5, "Currency", "MISSING_CURRENCY", "Warning"),
    ("V06", 7, "Email", "MISSING_CONTACT", "Warning"),
    ("V07", 8, "Payment Terms", "UNUSUAL_TERMS", "Warning"),
    ("V08", 9, "Discount %", "DISCOUNT_ABOVE_POLICY", "Warning"),
    ("V09", 10, "Name", "POSSIBLE_DUPLICATE", "Warning"),
    ("V10", 11, "Name", "POSSIBLE_DUPLICATE", "Warning"),
    ("V11", 12, "Credit Limit", "INVALID_CREDIT_LIMIT", "Error"),
}


def _validate(tmp_path, rows):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Customers"
    for row in [HEAD, *rows]:
        ws.append(row)
    book, out = tmp_path / "book.xlsx", tmp_path / "out.xlsx"
    wb.save(book)
    assert main(["validate", str(book), "-o", str(out)]) == 0
    ws = openpyxl.load_workbook(out)["Customer Checks"]
    found = [r for r in ws.iter_rows(min_row=2, max_col=8, values_only=True) if r[0] or r[3]]
    return found


def test_every_planted_defect_and_nothing_else(tmp_path):
    found = _validate(tmp_path, ROWS)
    assert {r[:5] for r in found} == EXPECTED
    cells = {(r[0], r[3]): r[6] for r in found}
    assert cells[("V04", "MISSING_CURRENCY")] == "F5"
    assert cells[("V06", "MISSING_CONTACT")] == "D7"


def test_blank_currencies_are_no_omission_where_the_master_does_not_keep_them(tmp_path):
    rows = [r[:5] + [None if i % 4 == 0 else r[5]] + r[6:] for i, r in enumerate(ROWS)]
    found = _validate(tmp_path, rows)
    assert not [r for r in found if r[3] == "MISSING_CURRENCY"]


def test_one_company_under_its_arabic_and_latin_name(tmp_path):
    """'Al Nour Trading Co.' and 'شركة النور للتجارة' share no detail but are one name read in
    two scripts (POSSIBLE_DUPLICATE on both rows); 'Al Amal Plastics' is not 'الأمل للتجارة'
    (another trade), nor is a second 'Trading Co.' anything but generic."""
    head = ["Customer ID", "Name", "Tax ID", "Phone", "Currency"]
    rows = [["T1", "Al Nour Trading Co.", "100-000-001", "+20 100 100 0001", "EGP"],
            ["T2", "شركة النور للتجارة", "100-000-002", "+20 100 100 0002", "EGP"],
            ["T3", "Al Amal Plastics", "100-000-003", "+20 100 100 0003", "EGP"],
            ["T4", "شركة الأمل للتجارة", "100-000-004", "+20 100 100 0004", "EGP"],
            ["T5", "Trading Co.", "100-000-005", "+20 100 100 0005", "EGP"],
            ["T6", "شركة تجارة", "100-000-006", "+20 100 100 0006", "EGP"]]
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Customers"
    for row in [head, *rows]:
        ws.append(row)
    book, out = tmp_path / "book.xlsx", tmp_path / "out.xlsx"
    wb.save(book)
    assert main(["validate", str(book), "-o", str(out)]) == 0
    ws = openpyxl.load_workbook(out)["Customer Checks"]
    found = [r for r in ws.iter_rows(min_row=2, max_col=8, values_only=True) if r[0]]
    assert [(r[0], r[1], r[2], r[3], r[4]) for r in found] == [
        ("T1", 2, "Name", "POSSIBLE_DUPLICATE", "Warning"),
        ("T2", 3, "Name", "POSSIBLE_DUPLICATE", "Warning")]
    assert "T2 'شركة النور للتجارة' (row 3): name in Arabic and in English" in found[0][5]


def test_same_last_digits_under_two_country_codes_are_two_lines(tmp_path):
    """+966 50 123 4567 (Riyadh) and +971 50 123 4567 (Dubai) end alike but are two lines; the
    Egyptian mobile written +20 100 123 4567 and 0100 123 4567 is one line."""
    head = ["Customer ID", "Name", "Phone", "Currency"]
    rows = [["S1", "Riyadh Trading Co", "+966 50 123 4567", "SAR"],
            ["S2", "Gulf Star LLC", "+971 50 123 4567", "AED"],
            ["S3", "Cairo Paper", "+20 100 123 4567", "EGP"],
            ["S4", "Giza Print House", "0100 123 4567", "EGP"]]
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Customers"
    for row in [head, *rows]:
        ws.append(row)
    book, out = tmp_path / "book.xlsx", tmp_path / "out.xlsx"
    wb.save(book)
    assert main(["validate", str(book), "-o", str(out)]) == 0
    ws = openpyxl.load_workbook(out)["Customer Checks"]
    found = [r for r in ws.iter_rows(min_row=2, max_col=8, values_only=True) if r[0]]
    dup = [(r[0], r[3]) for r in found if r[3] == "POSSIBLE_DUPLICATE"]
    assert dup == [("S3", "POSSIBLE_DUPLICATE"), ("S4", "POSSIBLE_DUPLICATE")]
    assert all("same phone" in r[5] for r in found if r[3] == "POSSIBLE_DUPLICATE")
