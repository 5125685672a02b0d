"""Units that say what they hold, as Egyptian and Gulf distributors write them on invoice
lines and price lists ('Box of 12', 'CTN x 24', 'كرتونة 12 قطعة', 'شيكارة 50 كجم'): priced
from the list's piece or kilo without a Unit Conversions row."""

from __future__ import annotations

from datetime import datetime as D

import pandas as pd

from ar_excel.core.billing.units import normalize_units, pack_size
from ar_excel.io.reader import read_book
from ar_excel.jobs import JobOptions
from ar_excel.jobs.invoices import JOB
from tests._workbooks import save_sheets
from tests.test_invoice_checks_unseen_s22 import AS_OF, codes, run


def test_a_unit_written_with_its_contents():
    written = pd.Series(["Box of 12", "BOX (12)", "CTN x 24", "كرتونة 12 قطعة", "كرتونة (24)",
                         "شيكارة 50 كجم", "Pack of 6 bottles", "M2", "BOX", "Box of 12 widgets"])
    units = normalize_units(written).tolist()
    assert units == ["BOX×12", "BOX×12", "CTN×24", "CTN×12", "CTN×24", "BAG×50KG",
                     "PACK×6BOTTLE", "M2", "BOX", "BOXOF12WIDGETS"]
    assert [pack_size(u) for u in units[:6]] == [
        ("BOX", 12.0, "PC"), ("BOX", 12.0, "PC"), ("CTN", 24.0, "PC"), ("CTN", 12.0, "PC"),
        ("CTN", 24.0, "PC"), ("BAG", 50.0, "KG")]
    assert pack_size("M2") is None and pack_size("BOX") is None


def test_lines_in_packs_are_priced_from_the_list_without_a_conversion(tmp_path):
    """Juice at 15 a piece: a box of 12 is 180 (the clerk's 15 a box is off the list); sugar
    at 4 a kilo: a 50 kg bag is 200; biscuits listed per carton of 12 at 180: a piece 15.
    Before, each was UNIT_MISMATCH ('no unit conversion is defined') and 15 a box passed."""
    customers = [["Customer ID", "Customer Name", "Currency"], ["C1", "Nile Stores", "EGP"]]
    invoices = [["Invoice No", "Customer ID", "Invoice Date", "Amount"],
                ["I-1", "C1", D(2026, 11, 2), 205.20], ["I-2", "C1", D(2026, 11, 3), 17.10],
                ["I-3", "C1", D(2026, 11, 4), 456.00], ["I-4", "C1", D(2026, 11, 5), 17.10],
                ["I-5", "C1", D(2026, 11, 6), 10.00]]
    lines = [["Invoice No", "Item", "Qty", "Unit", "Unit Price", "VAT %", "Line Total"],
             ["I-1", "JUICE", 1, "Box of 12", 180, 14, 205.20],
             ["I-2", "JUICE", 1, "Box of 12", 15, 14, 17.10],
             ["I-3", "SUGAR", 2, "شيكارة 50 كجم", 200, 14, 456.00],
             ["I-4", "BISC", 1, "pcs", 15, 14, 17.10],
             ["I-5", "SUGAR", 1, "Pallet", 10, 0, 10.00]]
    prices = [["Item", "Unit", "Price"], ["JUICE", "PCS", 15], ["SUGAR", "KG", 4],
              ["BISC", "كرتونة 12 قطعة", 180]]
    found = run(tmp_path, {"Customers": customers, "Invoices": invoices,
                           "Invoice Lines": lines, "Price List": prices})
    assert codes(found) == [("I-2", 3, "PRICE_OFF_LIST", "Error"),
                            ("I-5", 6, "UNIT_MISMATCH", "Error")]
    assert found[0][5] == ("Unit price 15 differs from the list price 180 of item JUICE per "
                           "Box of 12 valid on 2026-11-03 (-91.7%)")


def test_a_quantity_typed_with_its_unit(tmp_path):
    """'5 كرتونة' and '١٠ قطعة' in the quantity column (no unit column): read as 5 cartons
    and 10 pieces, the reader's 'not a number' issue answered. Before, each line was one
    unit and LINE_TOTAL_MISMATCH ('should be 570.00 (1 × 500 ...)'). A line of 4 cartons
    typed '5 كرتونة' is still wrong; '5 widgets' stays an Input Issue and its line, of no
    known quantity, is not valued (it was one unit: 'should be 114.00')."""
    customers = [["كود العميل", "اسم العميل", "العملة"], ["C1", "النيل", "EGP"]]
    invoices = [["رقم الفاتورة", "كود العميل", "تاريخ الفاتورة", "الإجمالي"],
                ["F-1", "C1", D(2026, 11, 2), 2850], ["F-2", "C1", D(2026, 11, 3), 1140],
                ["F-3", "C1", D(2026, 11, 4), 2280], ["F-4", "C1", D(2026, 11, 5), 570]]
    lines = [["رقم الفاتورة", "الصنف", "الكمية", "سعر الوحدة", "نسبة الضريبة", "إجمالي البند"],
             ["F-1", "A", "5 كرتونة", 500, "14%", 2850],
             ["F-2", "B", "١٠ قطعة", 100, "14%", 1140],
             ["F-3", "A", "5 كرتونة", 500, "14%", 2280],
             ["F-4", "B", "5 widgets", 100, "14%", 570]]
    prices = [["الصنف", "الوحدة", "السعر"], ["A", "كرتونة", 500], ["B", "قطعة", 100]]
    path = save_sheets(tmp_path / "book.xlsx", {"العملاء": customers, "الفواتير": invoices,
                                                "بنود الفواتير": lines, "قائمة الأسعار": prices})
    book = read_book(path)
    checks = JOB.run(book, JobOptions(as_of=AS_OF)).tabs[0].frame
    # (the line whose quantity cannot be read is not valued: no 'should be 114.00 (1 × 100')
    assert checks[["Invoice No", "Row", "Code"]].values.tolist() == [
        ["F-3", 4, "LINE_TOTAL_MISMATCH"]]
    assert checks["Message"].iloc[0] == ("إجمالي البند 2,280.00 يجب أن يكون 2,850.00 (5 × 500، "
                                         "خصم 0%، ضريبة 14%)؛ الفرق -570.00")
    assert [(i.cell, i.value) for i in book.issues] == [("C5", "5 widgets")]
