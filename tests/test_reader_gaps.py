"""Values the reader used to lose or misread, each built into a small workbook cell by cell and
run through the reader and the jobs: Excel error cells in optional columns, credit limits
typed as "Unlimited" or "50K", end-of-month payment terms ("Net 30 EOM"), merged cells of an
.ods file, and the numbering-gap message of plain numeric invoice numbers."""

from __future__ import annotations

from datetime import date, datetime

import openpyxl
import pandas as pd
import pytest

from ar_excel.core.ledger import due_dates
from ar_excel.io.reader import read_book
from ar_excel.jobs import JobOptions, registry
from ar_excel.parsing import month_end_terms, parse_money, parse_terms, scaled
from ar_excel.schema import TERMS_EOM
from tests.conftest import soffice_convert

AS_OF = date(2026, 11, 30)
CUSTOMER_HEADER = ["Customer ID", "Name", "Currency", "Payment Terms", "Credit Limit",
                   "Discount %", "Status"]
INVOICE_HEADER = ["Invoice No", "Customer ID", "Invoice Date", "Due Date", "Amount"]


def book_file(tmp_path, customers: list[list], invoices: list[list], payments=None,
              invoice_header=INVOICE_HEADER, name="book.xlsx"):
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    for title, header, rows in (("Customers", CUSTOMER_HEADER, customers),
                                ("Invoices", invoice_header, invoices),
                                ("Payments", ["Payment ID", "Customer ID", "Date", "Amount",
                                              "Invoice No"], payments or [])):
        ws = wb.create_sheet(title)
        ws.append(header)
        for row in rows:
            ws.append(row)
    path = tmp_path / name
    wb.save(path)
    return path


def run(book, job: str, as_of: date = AS_OF, bank=None) -> dict[str, pd.DataFrame]:
    result = registry()[job].run(book, JobOptions(as_of=as_of, bank=bank))
    return {t.name: t.frame for t in result.tabs}


def issues_of(book) -> list[tuple[str, str, str]]:
    return [(i.sheet, i.cell, i.message) for i in book.issues]


# ---------------------------------------------------------------- numbering gaps


def test_a_gap_in_plain_numeric_invoice_numbers_names_the_numeric_series(tmp_path):
    path = book_file(tmp_path, [["C1", "Alpha", "EGP", 30, 100000, None, "Active"]], [
        [1001, "C1", datetime(2026, 11, 1), None, 100],
        [1002, "C1", datetime(2026, 11, 2), None, 100],
        [1005, "C1", datetime(2026, 11, 3), None, 100],
        ["INV-7", "C1", datetime(2026, 11, 4), None, 100],
        ["INV-9", "C1", datetime(2026, 11, 5), None, 100],
    ])
    checks = run(read_book(path), "invoices")["Invoice Checks"]
    gaps = checks[checks["Code"] == "NUMBER_GAP"]
    assert gaps["Message"].tolist() == [
        "2 number(s) missing in the numeric series: 1003 – 1004 (between 1002 and 1005)",
        "1 number(s) missing in series 'INV-': INV-8 (between INV-7 and INV-9)"]


# ---------------------------------------------------------------- credit limits


def test_scaled_amounts_parse_at_face_value():
    assert parse_money("50K") == 50_000.0
    assert parse_money("1.5M") == 1_500_000.0
    assert parse_money("٥٠ ألف") == 50_000.0
    assert parse_money("1.5 مليون") == 1_500_000.0
    assert parse_money("EGP 250k") == 250_000.0
    assert parse_money("1,5M", decimal_comma=True) == 1_500_000.0
    assert parse_money("1.1K") == 1_100.0  # no float dust
    assert parse_money("50 KD") == 50.0  # a currency, not thousands
    assert [scaled(v) for v in ("50K", "٥٠ ألف", "50 KD", "KWD 100", "50,000", 50000)] == [
        True, True, False, False, False, False]
    with pytest.raises(ValueError):
        parse_money("50KK")


def test_unlimited_and_scaled_credit_limits_end_to_end(tmp_path):
    customers = [
        ["C1", "Unlimited Co", "EGP", 30, "Unlimited", None, "Active"],
        ["C2", "No Limit Co", "EGP", 30, "No limit", None, "Active"],
        ["C3", "شركة مفتوحة", "EGP", 30, "غير محدود", None, "Active"],
        ["C4", "Open Co", "EGP", 30, "مفتوح", None, "Active"],
        ["C5", "Fifty K Co", "EGP", 30, "50K", None, "Active"],
        ["C6", "Million Co", "EGP", 30, "1.5M", None, "Active"],
        ["C7", "شركة الألف", "EGP", 30, "٥٠ ألف", None, "Active"],
    ]
    invoices = [
        ["I-1", "C1", datetime(2026, 7, 1), datetime(2026, 7, 31), 900_000],  # 122 days late
        ["I-2", "C2", datetime(2026, 11, 1), datetime(2026, 12, 1), 5_000_000],
        ["I-3", "C3", datetime(2026, 11, 1), datetime(2026, 12, 1), 10],
        ["I-4", "C4", datetime(2026, 11, 1), datetime(2026, 12, 1), 10],
        ["I-5", "C5", datetime(2026, 11, 1), datetime(2026, 12, 1), 60_000],
        ["I-6", "C6", datetime(2026, 11, 1), datetime(2026, 12, 1), 1_200_000],
        ["I-7", "C7", datetime(2026, 11, 1), datetime(2026, 12, 1), 10_000],
    ]
    book = read_book(book_file(tmp_path, customers, invoices))
    limits = book.customers.set_index("Customer ID")["Credit Limit"]
    assert limits.isna().tolist()[:4] == [True] * 4  # no limit, as a blank cell
    assert limits[["C5", "C6", "C7"]].tolist() == [50_000.0, 1_500_000.0, 50_000.0]
    assert issues_of(book) == [
        ("Customers", "E6", "'50K' read as 50,000 (written in thousands or millions)"),
        ("Customers", "E7", "'1.5M' read as 1,500,000 (written in thousands or millions)"),
        ("Customers", "E8", "'٥٠ ألف' read as 50,000 (written in thousands or millions)"),
    ]
    checks = run(book, "validate")["Customer Checks"]
    assert "INVALID_CREDIT_LIMIT" not in set(checks["Code"])
    status = run(book, "credit")["Credit Status"].set_index("Customer ID")
    # unlimited: never over the limit, no utilization, but still on Hold when long overdue
    assert status.loc["C1", ["Over Limit", "Status"]].tolist() == [False, "Hold"]
    assert status.loc["C1", "Reason"] == "invoice I-1 is 122 days past due (policy: hold after 90)"
    assert status.loc["C2", ["Over Limit", "Status"]].tolist() == [False, "OK"]
    assert pd.isna(status.loc["C2", "Utilization %"])
    # said on purpose, not a limit nobody set
    assert status.loc["C2", "Reason"] == "unlimited credit (no limit)"
    assert status.loc["C5", "Reason"].startswith("exposure 60,000.00 is over the limit")
    assert status.loc["C5", ["Credit Limit", "Over Limit", "Status"]].tolist() == [
        50_000.0, True, "Over Limit"]
    assert status.loc["C6", ["Utilization %", "Status"]].tolist() == [80.0, "Warning"]
    assert status.loc["C7", ["Utilization %", "Status"]].tolist() == [20.0, "OK"]


# ---------------------------------------------------------------- end-of-month terms


def test_end_of_month_terms_parse_as_days_after_the_month_end():
    cases = {"EOM": 0, "E.O.M.": 0, "End of Month": 0, "نهاية الشهر": 0, "Net 30 EOM": 30,
             "60 days EOM": 60, "EOM + 30": 30, "EOM+45 days": 45, "Net EOM 30": 30,
             "30 days from end of month": 30, "30 يوم من نهاية الشهر": 30,
             "٦٠ يوم بعد نهاية الشهر": 60}
    assert {t: parse_terms(t) for t in cases} == cases
    assert {month_end_terms(t) for t in cases} == {0}  # the invoice's own month
    following = {"End of Following Month": 0, "Due end of next month": 0,
                 "10 Days after End of Next Month": 10, "نهاية الشهر التالي": 0,
                 "Due end of the month": 0}
    assert {t: parse_terms(t) for t in following} == following
    assert [month_end_terms(t) for t in following] == [1, 1, 1, 1, 0]
    assert [month_end_terms(t) for t in ("Net 30", "30 days", "Geometry 30", 30)] == [
        None, None, None, None]


def test_business_central_date_formulas_parse_as_days_and_a_month_end():
    from ar_excel.parsing import date_formula_terms

    cases = {"CM": (0, 0), "cm": (0, 0), "CM+30D": (30, 0), "CM + 15D": (15, 0),
             "CM+1M": (0, 1), "1M+CM": (0, 1), "CM+1M+10D": (10, 1), "14D": (14, None),
             "30D": (30, None), "0D": (0, None), "2W": (14, None), "1M": (30, None),
             "1M(8D)": (30, None), "30D(10D)": (30, None), "1M+8D": (38, None)}
    assert {t: date_formula_terms(t) for t in cases} == cases
    assert {t: parse_terms(t) for t in cases} == {t: d for t, (d, _) in cases.items()}
    assert {t: month_end_terms(t) for t in cases} == {t: m for t, (_, m) in cases.items()}
    for text in ("10D+CM", "1M+10D+CM"):  # days before the month's end: the month unknown
        assert date_formula_terms(text) is None and month_end_terms(text) is None
        with pytest.raises(ValueError, match="is not payment terms in days"):
            parse_terms(text)
    # not formulas: read as before
    assert [date_formula_terms(t) for t in ("30", "Net 30", "COD", "CMR", "D10")] == [None] * 5
    assert parse_terms("Net 30 EOM") == 30 and month_end_terms("Net 30 EOM") == 0


def test_end_of_month_terms_give_due_dates_aging_and_credit(tmp_path):
    customers = [
        ["C1", "Net 30 EOM Co", "EGP", "Net 30 EOM", 100_000, None, "Active"],
        ["C2", "EOM Co", "EGP", "EOM", 0, None, "Active"],  # 0 days after month end: credit
        ["C3", "Sixty EOM Co", "EGP", "60 days EOM", 100_000, None, "Active"],
        ["C4", "شركة نهاية الشهر", "EGP", "30 يوم من نهاية الشهر", 100_000, None, "Active"],
        ["C5", "Net 30 Co", "EGP", "Net 30", 100_000, None, "Active"],
        ["C6", "Odoo Co", "EGP", "End of Following Month", 100_000, None, "Active"],
        ["C7", "Odoo Ten Co", "EGP", "10 Days after End of Next Month", 100_000, None,
         "Active"],
    ]
    header = INVOICE_HEADER + ["Terms"]
    invoices = [
        ["I-1", "C1", datetime(2026, 10, 10), None, 1000, None],
        ["I-2", "C2", datetime(2026, 10, 10), None, 2000, None],
        ["I-3", "C3", datetime(2026, 10, 10), None, 3000, None],
        ["I-4", "C4", datetime(2026, 10, 31), None, 4000, None],
        ["I-5", "C5", datetime(2026, 10, 10), None, 5000, None],
        ["I-6", "C5", datetime(2026, 10, 10), None, 6000, "Net 15 EOM"],  # its own terms
        ["I-7", "C1", datetime(2026, 10, 10), None, 7000, "Net 7"],  # its own, not EOM
        ["I-8", "C6", datetime(2026, 10, 10), None, 8000, None],
        ["I-9", "C7", datetime(2026, 10, 31), None, 9000, None],
    ]
    book = read_book(book_file(tmp_path, customers, invoices, invoice_header=header))
    assert book.issues == []
    assert book.customers["Payment Terms"].tolist() == [30, 0, 60, 30, 30, 0, 10]
    eom = book.customers[TERMS_EOM]
    assert eom.astype(object).where(eom.notna(), None).tolist() == [0, 0, 0, 0, None, 1, 1]
    due = due_dates(book.invoices, book.customers).dt.strftime("%Y-%m-%d").tolist()
    assert due == ["2026-11-30", "2026-10-31", "2026-12-30", "2026-11-30", "2026-11-09",
                   "2026-11-15", "2026-10-17", "2026-11-30", "2026-12-10"]
    aging = run(book, "aging")["Aging"].set_index("Customer ID")
    assert aging.loc["C1", ["Current", "1-30", "31-60"]].tolist() == [1000, 0, 7000]
    assert aging.loc["C2", ["Current", "1-30"]].tolist() == [0, 2000]
    assert aging.loc["C3", "Current"] == 3000 and aging.loc["C4", "Current"] == 4000
    assert aging.loc["C5", ["Current", "1-30"]].tolist() == [0, 11000]
    status = run(book, "credit")["Credit Status"].set_index("Customer ID")
    # "EOM" with limit 0 is credit to the month's end, not a cash customer: no limit set
    assert status.loc["C2", ["Over Limit", "Status"]].tolist() == [False, "OK"]
    checks = run(book, "validate")["Customer Checks"]
    # read as days after a month's end: only Odoo's 10 days is outside the policy's list
    assert checks[["Customer ID", "Code"]].values.tolist() == [["C7", "UNUSUAL_TERMS"]]


def test_a_day_of_the_following_month_as_terms(tmp_path):
    """"15th of following month", proximo and MFI terms (and their Arabic): due on that day of
    the month after the invoice's, whatever day the invoice is dated."""
    cases = {"15th of following month": 15, "Due 10th of next month": 10, "Net 10th Prox": 10,
             "Prox 25": 25, "10 MFI": 10, "يوم 15 من الشهر التالي": 15,
             "١٠ من الشهر القادم": 10}
    assert {t: parse_terms(t) for t in cases} == cases
    assert {month_end_terms(t) for t in cases} == {0}
    customers = [
        ["C1", "Fifteenth Co", "EGP", "15th of following month", 100_000, None, "Active"],
        ["C2", "Prox Co", "EGP", "Prox 10", 100_000, None, "Active"],
        ["C3", "شركة الخامس عشر", "EGP", "يوم 15 من الشهر التالي", 100_000, None, "Active"],
    ]
    invoices = [
        ["I-1", "C1", datetime(2026, 10, 1), None, 1000],
        ["I-2", "C1", datetime(2026, 10, 31), None, 2000],
        ["I-3", "C2", datetime(2026, 1, 31), None, 3000],  # the 10th of February
        ["I-4", "C3", datetime(2026, 12, 20), None, 4000],  # across the year end
    ]
    book = read_book(book_file(tmp_path, customers, invoices))
    assert book.issues == []
    assert book.customers["Payment Terms"].tolist() == [15, 10, 15]
    due = due_dates(book.invoices, book.customers).dt.strftime("%Y-%m-%d").tolist()
    assert due == ["2026-11-15", "2026-11-15", "2026-02-10", "2027-01-15"]


def test_the_scaled_amount_message_reads_in_arabic():
    from ar_excel.io.messages_ar import arabic_message

    assert arabic_message("'٥٠ ألف' read as 50,000 (written in thousands or millions)") == (
        "'٥٠ ألف' قُرئ 50,000 (مكتوب بالآلاف أو الملايين)")


# ---------------------------------------------------------------- Excel errors in optional cells

WIDE_HEADER = ["Customer ID", "Name", "Tax ID", "Email", "Phone", "Address", "City", "Country",
               "Currency", "Payment Terms", "Credit Limit", "Discount %", "Status",
               "Next Credit Review"]


def _wide_master(errors: dict[tuple[int, str], str]) -> openpyxl.Workbook:
    """12 customers (rows 3..14 under a title and the header), with Excel errors written as
    error cells (openpyxl writes "#N/A" as one: what paste-values of a broken VLOOKUP leaves)."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Customers"
    ws.append(["Customer master"])
    ws.append(WIDE_HEADER)
    for n in range(1, 13):
        ws.append([f"C{n:02d}", f"Customer {n}", f"TX{n:04d}", f"ap@c{n}.com", None, None,
                   "Cairo", "Egypt", "EGP", 30, 10_000 * n, 2, "Active", None])
    for (row, letter), error in errors.items():
        ws[f"{letter}{row}"] = error
    inv = wb.create_sheet("Invoices")
    inv.append(INVOICE_HEADER)
    inv.append(["I-1", "C12", datetime(2026, 10, 1), "#N/A", 130_000])
    inv.append(["I-2", "C01", datetime(2026, 11, 1), datetime(2026, 11, 15), 500])
    return wb


def test_excel_errors_in_optional_cells_are_input_issues_and_the_value_missing(tmp_path):
    wb = _wide_master({(14, "K"): "#DIV/0!", (5, "L"): "#N/A", (7, "N"): "#REF!",
                       (8, "J"): "#VALUE!"})
    path = tmp_path / "errors.xlsx"
    wb.save(path)
    book = read_book(path)
    assert [(i.sheet, i.cell, i.column, i.value, i.message) for i in book.issues] == [
        ("Customers", "L5", "Discount %", "#N/A",
         "Discount % is the Excel error #N/A (its formula has no value): treated as missing"),
        ("Customers", "N7", "Next Credit Review", "#REF!",
         "Next Credit Review is the Excel error #REF! (its formula has no value): treated as "
         "missing"),
        ("Customers", "J8", "Payment Terms", "#VALUE!",
         "Payment Terms is the Excel error #VALUE! (its formula has no value): treated as "
         "missing (no terms)"),
        ("Customers", "K14", "Credit Limit", "#DIV/0!",
         "Credit Limit is the Excel error #DIV/0! (its formula has no value): treated as "
         "missing (no credit limit)"),
        ("Invoices", "D2", "Due Date", "#N/A",
         "Due Date is the Excel error #N/A (its formula has no value): treated as missing "
         "(due by the payment terms)"),
    ]
    frame = book.customers.set_index("Customer ID")
    assert pd.isna(frame.loc["C12", "Credit Limit"]) and pd.isna(frame.loc["C03", "Discount %"])
    assert frame.loc["C11", "Credit Limit"] == 110_000
    # the jobs go on with the value missing: C12 has no limit, I-1 is due on its terms
    status = run(book, "credit")["Credit Status"].set_index("Customer ID")
    assert status.loc["C12", ["Over Limit", "Status"]].tolist() == [False, "OK"]
    aging = run(book, "aging")["Aging"].set_index("Customer ID")
    assert aging.loc["C12", ["Current", "1-30", "31-60", "Total"]].tolist() == [
        0, 130_000, 0, 130_000]  # due 31/10/2026 (30 days), 30 days past due on 30/11


def test_excel_errors_computed_by_libreoffice_in_optional_cells(tmp_path):
    wb = _wide_master({(14, "K"): "=1/0", (4, "L"): "=NA()", (6, "K"): "=5*1000"})
    src = tmp_path / "formulas.xlsx"
    wb.save(src)
    out = tmp_path / "lo"
    out.mkdir()
    book = read_book(soffice_convert(src, "xlsx", out))  # the formulas' results saved
    assert [(i.cell, i.value) for i in book.issues] == [
        ("L4", "#N/A"), ("K14", "#DIV/0!"), ("D2", "#N/A")]
    assert book.customers.set_index("Customer ID").loc["C04", "Credit Limit"] == 5000


def test_the_excel_error_messages_read_in_arabic():
    from ar_excel.io.messages_ar import arabic_message

    assert arabic_message("حد الائتمان is the Excel error #DIV/0! (its formula has no value): "
                          "treated as missing (no credit limit)") == (
        "حد الائتمان فيه خطأ Excel #DIV/0! (المعادلة بلا قيمة): اعتُبر فارغاً (بلا حد ائتمان)")
    assert arabic_message("الخصم is the Excel error #N/A (its formula has no value): treated "
                          "as missing") == "الخصم فيه خطأ Excel #N/A (المعادلة بلا قيمة): اعتُبر فارغاً"


def test_a_sheet_too_large_to_inflate_is_looked_at_only_where_the_workbook_has_formulas(
        tmp_path, monkeypatch):
    import zipfile

    from ar_excel.io import cell_errors

    wb = _wide_master({(14, "K"): "#DIV/0!"})
    path = tmp_path / "values.xlsx"
    wb.save(path)
    monkeypatch.setattr(cell_errors, "SCAN_BYTES", 100)  # every sheet counts as large
    assert [i.cell for i in read_book(path).issues] == []  # values only: not inflated
    with_chain = tmp_path / "formulas.xlsx"
    with zipfile.ZipFile(path) as src, zipfile.ZipFile(with_chain, "w") as dst:
        for item in src.infolist():
            dst.writestr(item, src.read(item))
        dst.writestr("xl/calcChain.xml", '<calcChain xmlns="http://schemas.openxmlformats.org/'
                                         'spreadsheetml/2006/main"><c r="K14" i="1"/></calcChain>')
    assert [i.cell for i in read_book(with_chain).issues] == ["K14", "D2"]


# ---------------------------------------------------------------- .ods merged cells


def test_cells_merged_down_in_an_ods_saved_by_libreoffice_are_filled_down(tmp_path):
    from ar_excel.io.ods_merges import ods_merges

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Customers"
    for row in (["Customer list, November"], ["Customer ID", "Name", "Payment Terms"],
                ["C1", "Nile", 30], ["C2", "Delta", 45], ["C3", "Sinai", 60]):
        ws.append(row)
    ws.merge_cells("A1:C1")  # a title across: stays a title
    inv = wb.create_sheet("Invoices")
    inv.append(["Aged invoices"])
    inv.append(["Invoice No", "Customer ID", "Invoice Date", "Amount", "Note"])
    for row in (["I1", "C1", datetime(2026, 10, 1), 100, "x"],
                ["I2", None, datetime(2026, 10, 2), 200, None],
                ["I3", None, datetime(2026, 10, 3), 300, None],
                ["I4", "C2", datetime(2026, 10, 3), 50, None],
                ["I5", "C3", datetime(2026, 10, 4), 70, "box"],
                ["I6", None, datetime(2026, 10, 5), 80, None]):
        inv.append(row)
    inv.merge_cells("B3:B5")  # C1 beside its three invoices
    inv.merge_cells("B7:B8")  # C3 beside its two
    inv.merge_cells("E7:F8")  # a note over two rows and two columns
    src = tmp_path / "merged.xlsx"
    wb.save(src)
    out = tmp_path / "lo"
    out.mkdir()
    ods = soffice_convert(src, "ods", out)
    assert ods_merges(ods) == {"Invoices": [((2, 1), (4, 1)), ((6, 1), (7, 1)),
                                            ((6, 4), (7, 5))]}
    book = read_book(ods)
    assert book.issues == []
    assert book.customers["Customer ID"].tolist() == ["C1", "C2", "C3"]
    assert book.invoices["Customer ID"].tolist() == ["C1", "C1", "C1", "C2", "C3", "C3"]
    assert book.invoices["Note"].tolist() == ["x", None, None, None, "box", "box"]
    aging = run(book, "aging")["Aging"].set_index("Customer ID")
    assert aging["Total"].to_dict() == {"C1": 600, "C2": 50, "C3": 150}


def test_an_ods_without_merges_is_not_parsed_for_them(tmp_path):
    from ar_excel.io.ods_merges import ods_merges

    path = tmp_path / "plain.ods"
    import zipfile

    with zipfile.ZipFile(path, "w") as z:
        z.writestr("content.xml", "<not-even-xml")
    assert ods_merges(path) == {}  # no merge mark: the XML is never parsed
    assert ods_merges(tmp_path / "missing.ods") == {}


def test_xml_declaring_entities_is_refused_quietly_by_the_merge_and_error_scans(tmp_path):
    """defusedxml refuses entities with its own exception (no ParseError): the scans give
    nothing rather than a traceback (the merges and error cells are then not known)."""
    import zipfile

    from ar_excel.io.cell_errors import sheet_errors
    from ar_excel.io.ods_merges import ods_merges

    entity = '<!DOCTYPE x [<!ENTITY a "b">]>'
    ods = tmp_path / "entity.ods"
    with zipfile.ZipFile(ods, "w") as z:
        z.writestr("content.xml", f'{entity}<x number-rows-spanned="2">&a;</x>')
    assert ods_merges(ods) == {}
    xlsx = tmp_path / "entity.xlsx"
    main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    rels = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    package = "http://schemas.openxmlformats.org/package/2006/relationships"
    with zipfile.ZipFile(xlsx, "w") as z:
        z.writestr("xl/workbook.xml", f'<workbook xmlns="{main}" xmlns:r="{rels}"><sheets>'
                                      '<sheet name="S" r:id="rId1"/></sheets></workbook>')
        z.writestr("xl/_rels/workbook.xml.rels", f'<Relationships xmlns="{package}">'
                                                 '<Relationship Id="rId1" Target="worksheets/'
                                                 'sheet1.xml"/></Relationships>')
        z.writestr("xl/worksheets/sheet1.xml", f'{entity}<worksheet xmlns="{main}"><c r="A1" '
                                               't="e"><v>&a;</v></c></worksheet>')
    assert sheet_errors(xlsx, ["S"]) == {}


def test_a_stated_due_date_is_held_to_end_of_month_terms(tmp_path):
    path = book_file(tmp_path, [["C1", "EOM Co", "EGP", "Net 30 EOM", 100_000, None, "Active"]], [
        ["1001", "C1", datetime(2026, 10, 10), datetime(2026, 11, 30), 100],  # right
        ["1002", "C1", datetime(2026, 10, 10), datetime(2026, 11, 9), 100],  # plain 30 days
    ])
    checks = run(read_book(path), "invoices")["Invoice Checks"]
    found = checks[checks["Code"] == "DUE_DATE_INCONSISTENT"]
    assert found[["Invoice No", "Severity", "Message"]].values.tolist() == [
        ["1002", "Warning", "Due date 2026-11-09 does not follow the customer's terms: end of "
                            "the month of the invoice date 2026-10-10 + 30 days = 2026-11-30 "
                            "(-21 days)"]]


def test_a_due_date_held_to_terms_from_the_next_months_end_says_so(tmp_path):
    path = book_file(tmp_path, [["C1", "Odoo Co", "EGP", "10 Days after End of Next Month",
                                 100_000, None, "Active"]], [
        ["1001", "C1", datetime(2026, 10, 10), datetime(2026, 12, 10), 100],  # right
        ["1002", "C1", datetime(2026, 10, 10), datetime(2026, 11, 10), 100],  # from October's end
    ])
    checks = run(read_book(path), "invoices")["Invoice Checks"]
    found = checks[checks["Code"] == "DUE_DATE_INCONSISTENT"]
    assert found[["Invoice No", "Message"]].values.tolist() == [
        ["1002", "Due date 2026-11-10 does not follow the customer's terms: end of the month "
                 "after the invoice date 2026-10-10 + 10 days = 2026-12-10 (-30 days)"]]


def test_the_change_log_snapshot_tells_end_of_month_terms_from_plain_days():
    from ar_excel.core.customers.changes import snapshot

    master = pd.DataFrame({"Customer ID": ["C1", "C2", "C3"],
                           "Payment Terms": pd.array([30, 0, 30], dtype="Int64"),
                           TERMS_EOM: pd.array([0, 1, None], dtype="Int64"), "_row": [2, 3, 4]})
    assert snapshot(master)["Payment Terms"].tolist() == ["30 EOM", "0 EOM+1M", "30"]


def test_a_failing_error_scan_leaves_the_messages_and_prints_no_traceback(tmp_path, monkeypatch):
    import threading

    from ar_excel.io import cell_errors

    def broken(path, sheets):
        raise RuntimeError("an unexpected file")

    seen: list = []
    monkeypatch.setattr(cell_errors, "sheet_errors", broken)
    monkeypatch.setattr(threading, "excepthook", lambda args: seen.append(args))
    book = tmp_path / "b.xlsx"
    book.write_bytes(b"PK")
    scan = cell_errors.ErrorScan(book, ["Customers"])
    assert scan.result() == {}
    assert seen == []


@pytest.mark.parametrize("order", ["arabic first", "english first"])
def test_a_name_column_qualified_by_language_gives_way_to_the_plain_one(tmp_path, order):
    """A Saudi master keeps the English and the Arabic name: 'Customer Name' is the Name
    wherever it stands; 'Customer Name (Arabic)' is carried through under its own header."""
    headers = ["Customer ID", "Customer Name (Arabic)", "Customer Name", "Credit Limit (SAR)"]
    row = ["C1", "مؤسسة النخبة للتجارة", "Al Nukhba Trading Est.", 50000]
    if order == "english first":
        headers[1], headers[2], row[1], row[2] = headers[2], headers[1], row[2], row[1]
    wb = openpyxl.Workbook()
    wb.active.title = "Customers"
    wb.active.append(headers)
    wb.active.append(row)
    wb.save(tmp_path / "book.xlsx")
    customers = read_book(tmp_path / "book.xlsx").customers
    assert customers.loc[0, "Name"] == "Al Nukhba Trading Est."
    assert customers.loc[0, "Customer Name (Arabic)"] == "مؤسسة النخبة للتجارة"
    assert customers.loc[0, "Credit Limit"] == 50000  # a unit alone still names its column


def test_a_xero_contacts_export_keeps_the_mobile_number(tmp_path):
    """Xero's AccountNumber is mostly left blank (the contact name is the key, see
    test_erp_exports); its MobileNumber is the Phone."""
    wb = openpyxl.Workbook()
    wb.active.title = "Contacts"
    wb.active.append(["*ContactName", "AccountNumber", "EmailAddress", "MobileNumber",
                      "TaxNumber", "DefaultCurrency", "POCity"])
    wb.active.append(["Gulf Star Trading LLC", None, "ap@gulfstar.ae", "+971 50 123 4567",
                      "100234567890003", "AED", "Dubai"])
    wb.save(tmp_path / "book.xlsx")
    book = read_book(tmp_path / "book.xlsx")
    row = book.customers.iloc[0]
    assert [row["Customer ID"], row["Name"], row["Email"], row["Phone"], row["Tax ID"],
            row["Currency"]] == ["Gulf Star Trading LLC", "Gulf Star Trading LLC",
                                 "ap@gulfstar.ae", "+971 50 123 4567", "100234567890003", "AED"]
