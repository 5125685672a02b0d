"""Summary rows printed without a date under the statement's lines are not transactions, even
without a totals or closing-balance row above them; a line of the last day printed without
its date still is one."""

from __future__ import annotations

from ar_excel.bank import read_statement_file

HEADER = "التاريخ,البيان,مدين,دائن,الرصيد\n"


def _read(tmp_path, body: str, name: str = "cib.csv"):
    path = tmp_path / name
    path.write_text(body, encoding="utf-8")
    return read_statement_file(path)


def test_a_net_movement_row_under_the_lines_is_no_receipt(tmp_path):
    # was read as a 12,475.00 receipt dated the 5th (the day's date carried down)
    s = _read(tmp_path, HEADER + "01/11/2026,رصيد افتتاحي,,,100000.00\n"
              "03/11/2026,تحويل وارد من شركة النيل فاتورة INV-1001,,12500.00,112500.00\n"
              "05/11/2026,عمولة تحويل,25.00,,112475.00\n"
              ",صافي الحركة,,12475.00,\n")
    assert s.lines["Amount"].tolist() == [12500.0, -25.0]
    assert [i.message for i in s.issues] == [
        "summary row without a date ('صافي الحركة 12475.00'): not a transaction; left out"]


def test_english_summary_labels_under_the_lines(tmp_path):
    for label in ("Net movement", "Total credits", "Closing balance:", "إجمالي الإيداعات"):
        s = _read(tmp_path, "Date,Description,Debit,Credit\n"
                  "29/11/2026,TRF FROM NILE FOODS INV-1001,,12500.00\n"
                  "30/11/2026,TRF FROM DELTA INV-1003,,4100.00\n"
                  f",{label},,9999.00\n", name="hsbc.csv")
        assert s.lines["Amount"].tolist() == [12500.0, 4100.0], label


def test_a_line_of_the_last_day_printed_without_its_date_is_kept(tmp_path):
    # narratives that open like a summary but are transfers: kept, with the day's date
    for narrative in ("NET PAYMENT FROM DELTA INV-1003", "NET PAYMENT INV-1003",
                      "BALANCE TRANSFER DELTA INV-1003"):
        s = _read(tmp_path, "Date,Description,Debit,Credit,Balance\n"
                  "29/11/2026,TRF FROM NILE FOODS INV-1001,,12500.00,112500.00\n"
                  f",{narrative},,4100.00,116600.00\n", name="hsbc.csv")
        assert s.lines["Amount"].tolist() == [12500.0, 4100.0], narrative
        assert s.lines["Description"].tolist()[1] == narrative


def test_an_undated_line_opening_total_that_moves_the_balance_is_a_line(tmp_path):
    # 'TOTAL ENERGIES ...' printed without the day's date: it moves the running balance by
    # its amount, as a payment does (it was left out as a totals row that does not agree)
    s = _read(tmp_path, "Date,Description,Debit,Credit,Balance\n"
              "29/11/2026,TRF FROM NILE FOODS INV-1001,,12500.00,112500.00\n"
              ",TOTAL ENERGIES MARKETING INV-1003,,4100.00,116600.00\n"
              ",Total,,16600.00,116600.00\n", name="hsbc.csv")
    assert s.lines["Description"].tolist() == ["TRF FROM NILE FOODS INV-1001",
                                               "TOTAL ENERGIES MARKETING INV-1003"]
    assert s.lines["Amount"].tolist() == [12500.0, 4100.0]
    assert not any("does not agree" in i.message for i in s.issues)


def test_the_ar_workbook_given_as_the_statement_is_refused(tmp_path):
    # its Invoices read as bank lines were 'matched' to themselves: 712 receipts to post
    import openpyxl
    import pytest

    from ar_excel.errors import InputError

    wb = openpyxl.Workbook()
    wb.active.title = "Customers"
    wb.active.append(["Customer ID", "Name"])
    inv = wb.create_sheet("Invoices")
    inv.append(["Invoice No", "Customer ID", "Invoice Date", "Amount"])
    inv.append(["I1", "C1", "05/11/2026", 100])
    path = tmp_path / "book.xlsx"
    wb.save(path)
    with pytest.raises(InputError, match=r"its sheets are an AR workbook's \(Customers, "
                                         r"Invoices\), not a bank statement"):
        read_statement_file(path)
    # a statement kept on a sheet of the workbook is still read, by its name
    st = wb.create_sheet("Bank Statement")
    st.append(["Date", "Description", "Amount"])
    st.append(["05/11/2026", "TRF NILE FOODS I1", 100])
    wb.save(path)
    assert read_statement_file(path).lines["Amount"].tolist() == [100.0]
