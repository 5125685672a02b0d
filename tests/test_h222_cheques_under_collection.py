"""A Saudi or Egyptian statement printing, under its booked lines and closing balance, a
second table of the cheques deposited and not yet cleared ('شيكات تحت التحصيل', 'Cheques
under collection'), with its own header and total. Worked out by hand: two lines (11,500.00
in, 57.50 out), opening 150,000.00, closing 161,442.50, ties out; the cheque of 4,025.00 is
no line (booked when it clears, on a later statement). Before: with the cheque's deposit date
under the statement's Date column it was read as a debit line of 4,025.00 (its amount under
the Debit column) and the statement no longer tied out (-4,025.00); with its number there,
the section's header and cheque were each 'date could not be read' and its total was said
to disagree with the lines above ('a line may have fallen out of the file')."""

from __future__ import annotations

import openpyxl
import pytest

from ar_excel.bank import read_statement
from ar_excel.io.bank_messages_ar import arabic_bank_message

HEAD = [["مصرف الإنماء - Alinma Bank"], ["رقم الحساب", "68201234567000"],
        ["العملة", "ريال سعودي"], ["الرصيد الافتتاحي", "150,000.00 CR"], [],
        ["التاريخ", "التاريخ الهجري", "الوصف", "مدين", "دائن", "الرصيد"],
        ["02/11/2026", "1448/05/22", "حوالة سريع واردة INV-26-0451", "0.00", "11,500.00",
         "161,500.00 CR"],
        ["04/11/2026", "1448/05/24", "رسوم خدمات بنكية", "57.50", "0.00", "161,442.50 CR"],
        [None, None, "الإجمالي", "57.50", "11,500.00", None],
        [None, None, "الرصيد الختامي", None, None, "161,442.50 CR"], []]


def _read(tmp_path, section):
    wb = openpyxl.Workbook()
    for row in HEAD + section:
        wb.active.append(row)
    wb.active.sheet_view.rightToLeft = True
    wb.save(tmp_path / "alinma.xlsx")
    return read_statement(tmp_path / "alinma.xlsx")


def _checked(stmt):
    assert stmt.lines["Amount"].tolist() == [11500.00, -57.50]
    (bal,) = stmt.balances
    assert (bal.opening, bal.closing, bal.difference) == (150000.0, 161442.50, 0.0)
    return [(i.cell, i.message) for i in stmt.issues]


@pytest.mark.parametrize("title", ["شيكات تحت التحصيل", "Cheques under collection"])
def test_the_cheques_dated_under_the_date_column(tmp_path, title):
    said = _checked(_read(tmp_path, [
        [title], ["تاريخ الإيداع", "رقم الشيك", "اسم الساحب", "المبلغ", "الحالة"],
        ["29/11/2026", "000123", "شركة الرواد للتجارة", "4,025.00", "تحت التحصيل"],
        [None, None, "الإجمالي", "4,025.00", None]]))
    message = (f"pending (not yet booked) line under '{title}' left out; it will come on a "
               "later statement")
    assert said == [("A14", message)]
    assert arabic_bank_message(message) != message


def test_the_cheques_in_columns_of_their_own(tmp_path):
    said = _checked(_read(tmp_path, [
        ["شيكات تحت التحصيل"], ["رقم الشيك", "البنك المسحوب عليه", "تاريخ الإيداع",
                                "المبلغ", "الحالة"],
        ["000123", "البنك الأهلي السعودي", "29/11/2026", "4,025.00", "تحت التحصيل"],
        [None, None, "الإجمالي", "4,025.00", None]]))
    message = ("the section 'شيكات تحت التحصيل' under the booked lines holds transactions not "
               "booked yet: left out; they will come on a later statement")
    assert said == [("A12", message)]
    assert arabic_bank_message(message) != message
