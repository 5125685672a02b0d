"""Helper-183: books as Egyptian and Gulf clerks keep them, read as they mean them (rows
numbered ahead, percentages typed both ways, terms counted from receipt, a bare 'دينار', a
customer left blank between its own rows) and the billing checks that judge them."""

from __future__ import annotations

from datetime import date

from ar_excel.io.reader import read_book
from tests._workbooks import save_sheets

CUSTOMERS = [["Customer ID", "Name", "Currency", "Payment Terms", "Credit Limit"],
             ["C1", "Nile Foods", "EGP", 30, 100000], ["C2", "Gulf Trading", "KWD", 30, 5000]]


def _issues(book, sheet=None):
    return [(i.sheet, i.cell, i.message) for i in book.issues if sheet is None or i.sheet == sheet]


def test_rows_numbered_ahead_on_the_invoices_and_receipts_are_no_records(tmp_path):
    invoices = [["م", "Invoice No", "Customer ID", "Invoice Date", "Amount"],
                [1, "INV-1", "C1", "2026-10-01", 1500],
                [2, "INV-2", "C1", "2026-10-02", 2500]]
    invoices += [[i, None, None, None, None] for i in range(3, 9)] + [["٩", None, None, None, None]]
    receipts = [["#", "Payment ID", "Customer ID", "Date", "Amount", "Invoice No"],
                [1, "R1", "C1", "2026-10-05", 1500, "INV-1"],
                [2, None, None, None, None, None], [3, None, None, None, None, None]]
    book = read_book(save_sheets(tmp_path / "b.xlsx", {
        "Customers": CUSTOMERS, "Invoices": invoices, "Payments": receipts}))
    assert _issues(book) == []
    assert book.invoices["Invoice No"].tolist() == ["INV-1", "INV-2"]
    assert book.payments["Payment ID"].tolist() == ["R1"]
    assert book.payments["Amount"].tolist() == [1500.0]


def test_a_numbered_row_with_something_on_it_is_still_read(tmp_path):
    invoices = [["م", "Invoice No", "Customer ID", "Invoice Date", "Amount"],
                [1, "INV-1", "C1", "2026-10-01", 1500],
                [2, None, "C1", None, None],  # a record begun: still one, its gaps said
                [7, None, None, None, None]]  # not the next number, no serial header: read
    invoices[0][0] = "Ref"
    book = read_book(save_sheets(tmp_path / "b.xlsx", {"Customers": CUSTOMERS,
                                                       "Invoices": invoices}))
    cells = [cell for _, cell, _ in _issues(book, "Invoices")]
    assert cells == ["B3", "B4", "C4", "D3", "D4", "E3", "E4"]


LINES_HEAD = ["Invoice No", "Item", "Quantity", "Unit Price", "Discount %", "Line Total"]


def _lines_book(tmp_path, discounts, totals=None):
    invoices = [["Invoice No", "Customer ID", "Invoice Date", "Amount"],
                ["INV-1", "C1", "2026-10-01", 4000]]
    lines = [LINES_HEAD] + [["INV-1", f"IT{k}", 1, 1000, d, (totals or {}).get(k, 1000)]
                            for k, d in enumerate(discounts)]
    return read_book(save_sheets(tmp_path / "b.xlsx", {
        "Customers": CUSTOMERS, "Invoices": invoices, "Invoice Lines": lines}))


def test_a_discount_typed_as_number_and_as_text_is_one_percentage(tmp_path):
    book = _lines_book(tmp_path, ["2%", 0.08, "0.08", 0.02])
    assert book.table("Invoice Lines").frame["Discount %"].tolist() == [2.0, 8.0, 8.0, 2.0]
    assert _issues(book) == [(
        "Invoice Lines", "E4",
        "1 percentage(s) typed as fractions read as percentages, '0.08' as 8 %, as the "
        "column's numbers (0.08 at E3 is 8 %) (E4)")]


def test_a_fraction_beside_whole_percentages_cannot_be_told(tmp_path):
    book = _lines_book(tmp_path, [5, 0.08, "3", 2])
    assert book.table("Invoice Lines").frame["Discount %"].tolist() == [5.0, 0.08, 3.0, 2.0]
    assert _issues(book) == [(
        "Invoice Lines", "E3",
        "1 percentage(s) typed as a fraction beside whole percentages (5 at E2): read as "
        "typed, '0.08' as 0.08 %, which may be meant as 8 %; write it with its % sign (8%) "
        "(E3)")]


def test_percentages_with_decimals_of_their_own_are_percents(tmp_path):
    book = _lines_book(tmp_path, [2.5, 0.5, "1.5"])
    assert book.table("Invoice Lines").frame["Discount %"].tolist() == [2.5, 0.5, 1.5]
    assert _issues(book) == []


def _invoice_checks(book, as_of=date(2026, 11, 20)):
    from ar_excel.jobs import JobOptions
    from ar_excel.jobs.invoices import JOB

    tab = JOB.run(book, JobOptions(as_of=as_of)).tabs[0].frame
    return [[r["Invoice No"], r["Code"], r["Severity"]] for _, r in tab.iterrows()]


def test_an_8_percent_discount_typed_as_text_over_the_agreed_5_is_found(tmp_path):
    customers = [[*CUSTOMERS[0], "Discount %"], [*CUSTOMERS[1], 5], [*CUSTOMERS[2], 5]]
    invoices = [["Invoice No", "Customer ID", "Invoice Date", "Due Date", "Amount"],
                ["INV-1", "C1", "2026-10-01", "2026-10-31", 3880]]
    lines = [LINES_HEAD, ["INV-1", "IT1", 1, 1000, "2%", 980],
             ["INV-1", "IT2", 1, 1000, 0.02, 980], ["INV-1", "IT3", 1, 1000, "0.08", 920],
             ["INV-1", "IT4", 1, 1000, 0, 1000]]
    book = read_book(save_sheets(tmp_path / "b.xlsx", {
        "Customers": customers, "Invoices": invoices, "Invoice Lines": lines}))
    assert book.table("Invoice Lines").frame["Discount %"].tolist() == [2.0, 2.0, 8.0, 0.0]
    assert _invoice_checks(book) == [["INV-1", "DISCOUNT_NOT_AGREED", "Error"]]


def test_terms_counted_from_receipt_accept_a_due_date_after_the_invoice_date_plus_terms(tmp_path):
    customers = [CUSTOMERS[0], ["C1", "Nile Foods", "EGP", "30 يوم من تاريخ الاستلام", 100000],
                 ["C2", "Gulf Trading", "KWD", "30 days from receipt", 5000],
                 ["C3", "Cairo Steel", "EGP", "30 يوم", 5000]]
    invoices = [["Invoice No", "Customer ID", "Invoice Date", "Due Date", "Amount",
                 "Payment Terms"],
                ["INV-1", "C1", "2026-10-01", "2026-11-03", 1000, None],  # +3: received later
                ["INV-2", "C2", "2026-10-01", "2026-10-28", 1000, None],  # received before
                ["INV-3", "C3", "2026-10-01", "2026-11-03", 1000, "Net 30 from delivery"],
                ["INV-4", "C3", "2026-10-01", "2026-11-03", 1000, "45 days after delivery"],  # -12
                ["INV-5", "C1", "2026-10-01", "2026-09-28", 1000, None],  # before its date
                ["INV-6", "C2", "2026-10-01", "2027-03-01", 1000, None],  # 121 days on
                ["INV-7", "C3", "2026-10-01", "2026-11-03", 1000, None]]  # plain terms: +3
    book = read_book(save_sheets(tmp_path / "b.xlsx", {"Customers": customers,
                                                       "Invoices": invoices}))
    assert _issues(book) == []
    assert book.invoices["Payment Terms"].tolist()[2:4] == [30, 45]
    assert book.customers["Payment Terms"].tolist() == [30, 30, 30]
    from ar_excel.jobs import JobOptions
    from ar_excel.jobs.invoices import JOB

    tab = JOB.run(book, JobOptions(as_of=date(2026, 11, 20))).tabs[0].frame
    due = tab[tab["Code"] == "DUE_DATE_INCONSISTENT"]
    assert due[["Invoice No", "Severity", "Row"]].values.tolist() == [
        ["INV-5", "Error", 6], ["INV-6", "Error", 7], ["INV-7", "Error", 8]]
    assert due["Message"].iloc[1] == (
        "Due date 2027-03-01 does not follow the customer's terms: 30 days from receipt of the "
        "goods; invoice date 2026-10-01 + 30 days = 2026-10-31 (+121 days), more than a "
        "delivery takes")


def test_a_bare_dinar_is_the_customers_dinar_else_said_ambiguous(tmp_path):
    customers = [*CUSTOMERS, ["C3", "Manama Supplies", None, 30, 5000]]
    invoices = [["Invoice No", "Customer ID", "Invoice Date", "Amount", "العملة"],
                ["INV-1", "C2", "2026-10-01", 1250.5, "دينار"],
                ["INV-2", "C2", "2026-10-02", 800, "Dinar"],
                ["INV-3", "C1", "2026-10-03", 900, "دينار"],
                ["INV-4", "C1", "2026-10-04", 950, "دينار"],
                ["INV-5", "C3", "2026-10-05", 700, "دينار"]]
    policy = [["Setting", "Value"], ["Base Currency", "BHD"]]
    book = read_book(save_sheets(tmp_path / "b.xlsx", {
        "Customers": customers, "Invoices": invoices, "Policy": policy}))
    assert book.invoices["Currency"].tolist() == ["KWD", "KWD", None, None, "BHD"]
    assert "_dinar" not in book.invoices.columns
    assert _issues(book) == [(
        "Invoices", "E4",
        "'دينار' names no one currency: a dinar may be KWD, BHD, JOD, IQD, LYD, TND or DZD, "
        "and customer C1's currency is EGP: read as blank, the invoice in its customer's "
        "currency; write the code, e.g. KWD (E4, E5)")]


def _twice_on_a_day(tmp_path, extra_head, first, second, lines=None):
    invoices = [["Invoice No", "Customer ID", "Invoice Date", "Due Date", "Amount", *extra_head],
                ["INV-101", "C1", "2026-10-01", "2026-10-31", 5000, *first],
                ["INV-102", "C1", "2026-10-01", "2026-10-31", 5000, *second],
                ["INV-103", "C1", "2026-10-02", "2026-11-01", 7000, *first]]
    sheets = {"Customers": CUSTOMERS, "Invoices": invoices}
    if lines:
        sheets["Invoice Lines"] = [LINES_HEAD, *lines]
    book = read_book(save_sheets(tmp_path / "b.xlsx", sheets))
    return [f for f in _invoice_checks(book) if f[1] == "POSSIBLE_DUPLICATE_INVOICE"]


def test_same_amount_and_day_under_two_orders_or_items_is_no_duplicate(tmp_path):
    # the same monthly service bought twice on a day: two POs
    assert _twice_on_a_day(tmp_path, ["PO No"], ["PO-7781"], ["PO-7790"]) == []
    # two services, said in the list's description column
    assert _twice_on_a_day(tmp_path, ["البيان"], ["صيانة مصعد - أكتوبر"],
                           ["صيانة تكييف - أكتوبر"]) == []
    # two deliveries
    assert _twice_on_a_day(tmp_path, ["رقم إذن التسليم"], ["DN-55"], ["DN-56"]) == []
    # their items on the Invoice Lines
    assert _twice_on_a_day(tmp_path, [], [], [], lines=[
        ["INV-101", "SRV-LIFT", 1, 5000, None, 5000],
        ["INV-102", "SRV-AC", 1, 5000, None, 5000],
        ["INV-103", "SRV-LIFT", 1, 7000, None, 7000]]) == []


def test_same_amount_and_day_with_nothing_telling_them_apart_is_still_a_possible_duplicate(
        tmp_path):
    twice = [["INV-101", "POSSIBLE_DUPLICATE_INVOICE", "Warning"],
             ["INV-102", "POSSIBLE_DUPLICATE_INVOICE", "Warning"]]
    assert _twice_on_a_day(tmp_path, [], [], []) == twice
    assert _twice_on_a_day(tmp_path, ["PO No"], ["PO-7781"], ["PO-7781"]) == twice  # one PO
    assert _twice_on_a_day(tmp_path, ["PO No"], ["PO-7781"], [None]) == twice  # one says none
    # a narration naming only its own invoice tells nothing more
    assert _twice_on_a_day(tmp_path, ["البيان"], ["فاتورة مبيعات INV-101"],
                           ["فاتورة مبيعات INV-102"]) == twice
    # the same items on both
    assert _twice_on_a_day(tmp_path, [], [], [], lines=[
        ["INV-101", "SRV-LIFT", 1, 5000, None, 5000],
        ["INV-102", "SRV-LIFT", 1, 5000, None, 5000]]) == twice


def test_a_clerks_ditto_in_the_customer_column(tmp_path):
    customers = [*CUSTOMERS, ["C3", "Cairo Steel", "EGP", 30, 5000]]
    invoices = [["Invoice No", "Customer ID", "Invoice Date", "Amount", "Currency"],
                ["INV-1", "C1", "2026-10-01", 100, None],
                ["INV-2", "C2", "2026-10-02", 200, None],
                ["INV-3", "C1", "2026-10-03", 300, None],
                ["INV-4", None, "2026-10-04", 400, None],  # between two of C1's: C1
                ["INV-5", "C1", "2026-10-05", 500, None],
                ["INV-6", '"', "2026-10-06", 600, None],  # a ditto mark: C1
                ["INV-7", "C2", "2026-10-07", 700, None],
                ["INV-8", None, "2026-10-08", 800, None],  # C2 above, C1 below: left
                ["INV-9", "C1", "2026-10-09", 900, None],
                ["INV-10", None, "2026-10-10", 1000, "USD"],  # its own currency: left
                ["INV-11", "C1", "2026-10-11", 1100, None],
                ["INV-12", "C3", "2026-10-12", 1200, None],
                ["INV-13", "كما سبق", "2026-10-13", 1300, None]]  # C3
    receipts = [["Payment ID", "Customer ID", "Date", "Amount"],
                ["R1", "C1", "2026-10-20", 100], ["R2", None, "2026-10-21", 50],
                ["R3", "C1", "2026-10-22", 300], ["R4", "〃", "2026-10-23", 400]]
    book = read_book(save_sheets(tmp_path / "b.xlsx", {
        "Customers": customers, "Invoices": invoices, "Payments": receipts}))
    assert book.invoices["Customer ID"].tolist() == [
        "C1", "C2", "C1", "C1", "C1", "C1", "C2", None, "C1", None, "C1", "C3", "C3"]
    assert book.payments["Customer ID"].tolist() == ["C1", None, "C1", "C1"]
    assert _issues(book) == [
        ("Invoices", "B5", "Customer ID is blank between two rows of customer C1 (rows 4 and "
                           "6): read as C1, as a ditto; write the customer if the invoice is "
                           "another's"),
        ("Invoices", "B7", "'\"' (a ditto) read as the customer above, C1"),
        ("Invoices", "B14", "'كما سبق' (a ditto) read as the customer above, C3"),
        ("Invoices", "B9", "Customer ID is required but blank"),
        ("Invoices", "B11", "Customer ID is required but blank"),
        ("Payments", "B5", "'〃' (a ditto) read as the customer above, C1"),
        ("Payments", "B3", "Customer ID is required but blank")]


def test_the_messages_read_in_arabic(tmp_path):
    from ar_excel.io.clerk_messages_ar import RULES
    from ar_excel.io.messages_ar import arabic_message

    messages = []
    for k, (discounts, extra) in enumerate([(["2%", 0.08, "0.08", 0.02], {}),
                                            ([5, 0.08, "3", 2], {}),
                                            (["2%", "0.08"], {})]):
        (tmp_path / str(k)).mkdir()
        book = _lines_book(tmp_path / str(k), discounts, **extra)
        messages += [i.message for i in book.issues]
    invoices = [["Invoice No", "Customer ID", "Invoice Date", "Amount", "Currency"],
                ["INV-1", "C1", "2026-10-01", 100, "دينار"],
                ["INV-2", "C1", "2/10", 100, None], ["INV-3", None, "2026-10-03", 100, None],
                ["INV-4", "C1", "2026-10-04", 100, None], ["INV-5", '"', "2026-10-05", 100, None],
                ["INV-6", "C9", "2026-10-06", 100, "Dinar"]]
    book = read_book(save_sheets(tmp_path / "d.xlsx", {"Customers": CUSTOMERS,
                                                       "Invoices": invoices}))
    messages += [i.message for i in book.issues]
    book = read_book(save_sheets(tmp_path / "r.xlsx", {"Customers": CUSTOMERS,
                                                       "Invoices": _running_total_register()}))
    messages += [i.message for i in book.issues]
    for k, head in enumerate((["الإجمالي", "الخصم", "الصافي"],
                              ["القيمة", "الخصم", "ض.ق.م 14%", "الصافي"])):
        (tmp_path / f"n{k}").mkdir()
        figures = [[10000, 500, 9500], [10000, 500, 1330, 10830]][k]
        book = _register(tmp_path / f"n{k}", head, figures, figures)
        messages += [i.message for i in book.issues]
    arabic = [arabic_message(m) for m in messages]
    assert len(messages) == 11
    assert [a for a in arabic if any(w in a for w in ("read as", "percentage", "ditto",
                                                      "currency", " as ", "year", "owed"))
            ] == []
    used = {next((k for k, (p, _) in enumerate(RULES) if p.match(m)), None) for m in messages}
    assert used >= set(range(len(RULES)))
    assert arabic[2] == (
        "1 نسبة مكتوبة ككسور قُرئت نسباً مئوية، '0.08' على أنها 8٪، كنسب العمود المكتوبة "
        "بعلامتها ('2%' في E2) (E3)")


def test_a_saudi_clerks_register_reads_figure_for_figure(tmp_path):
    """A hand-kept register: merged title rows, SAR written every way, dates typed four ways,
    a subtotal per customer, a ditto, terms counted from receipt, two same-day invoices of
    one amount under two POs."""
    customers = [["م", "رقم العميل", "اسم العميل", "العملة", "مدة السداد", "حد الائتمان"],
                 [1, "1001", "مؤسسة الرياض التجارية", "ريال", "30 يوم من تاريخ الاستلام",
                  "200,000 ر.س"],
                 [2, "1002", "شركة جدة للمقاولات", "ر.س", "60 يوم", "500 ألف"]]
    register = [["سجل فواتير المبيعات الآجلة"], ["الفترة: أكتوبر 2026"],
                ["رقم الفاتورة", "رقم العميل", "تاريخ الفاتورة", "تاريخ الاستحقاق",
                 "المبلغ شامل الضريبة", "رقم أمر الشراء", "ملاحظات"],
                ["INV-0101", "1001", "01/10/2026م", "03/11/2026م", "SAR 11,500.00", "PO-88",
                 "تسليم المستودع"],
                ["INV-0102", "1001", "2026-10-01", "2026-11-03", "11,500.00 ر.س", "PO-91", None],
                ["INV-0103", None, "05.10.2026", "07.11.2026", "2,300 ر.س", "PO-95", None],
                ["INV-0104", "1001", "10/10/2026", "12/11/2026", "٤٬٦٠٠٫٥٠ ر.س", None, None],
                [None, "إجمالي 1001", None, None, 29900.5, None, None],
                ["INV-0105", "1002", "03/10/2026", "02/12/2026", "57,500.00", None, None],
                ["INV-0106", '"', "17/10/2026", "16/12/2026", "86,250", None, None],
                [None, "إجمالي 1002", None, None, 143750, None, None],
                [None, "الإجمالي العام", None, None, 173650.5, None, None]]
    book = read_book(save_sheets(tmp_path / "b.xlsx", {
        "العملاء": customers, "سجل المبيعات": register},
        merges={"سجل المبيعات": ["A1:G1", "A2:G2"]}))
    frame = book.invoices
    assert frame["Customer ID"].tolist() == ["1001"] * 4 + ["1002"] * 2
    assert frame["Amount"].tolist() == [11500.0, 11500.0, 2300.0, 4600.5, 57500.0, 86250.0]
    assert frame["Invoice Date"].dt.strftime("%d/%m").tolist() == [
        "01/10", "01/10", "05/10", "10/10", "03/10", "17/10"]
    assert book.customers["Credit Limit"].tolist() == [200000.0, 500000.0]
    assert [c for _, c, _ in _issues(book)] == ["F3", "B8", "B12", "B6", "B10"]
    assert _invoice_checks(book) == []


def test_dates_typed_without_a_year_take_the_year_of_the_rows_around_them(tmp_path):
    invoices = [["Invoice No", "Customer ID", "Invoice Date", "Amount"],
                ["I-1", "C1", "12/10", 100],  # at the top: the row below gives 2026
                ["I-2", "C1", "15/10/2026", 100],
                ["I-3", "C1", "20 أكتوبر", 100],
                ["I-4", "C1", "30/12/2026", 100],
                ["I-5", "C1", "2/1", 100],  # across the new year: 2027
                ["I-6", "C1", "Jan 9", 100],
                ["I-7", "C1", "31/2", 100]]  # no such day: still an Input Issue
    book = read_book(save_sheets(tmp_path / "b.xlsx", {"Customers": CUSTOMERS,
                                                       "Invoices": invoices}))
    assert book.invoices["Invoice Date"].dt.strftime("%d/%m/%Y").fillna("").tolist() == [
        "12/10/2026", "15/10/2026", "20/10/2026", "30/12/2026", "02/01/2027", "09/01/2027", ""]
    assert _issues(book) == [
        ("Invoices", "C2", "4 date(s) typed without a year read in the year of the dates around "
                           "them ('12/10' = 12/10/2026) (C2, C4, C6, C7)"),
        ("Invoices", "C8", "'31/2' is not a date (expected e.g. 31/01/2024 or 2024-01-31)")]


def test_dates_without_a_year_and_no_full_date_to_go_by_stay_input_issues(tmp_path):
    invoices = [["Invoice No", "Customer ID", "Invoice Date", "Amount"],
                ["I-1", "C1", "12/10", 100], ["I-2", "C1", "15/10", 100]]
    book = read_book(save_sheets(tmp_path / "b.xlsx", {"Customers": CUSTOMERS,
                                                       "Invoices": invoices}))
    assert [c for _, c, _ in _issues(book)] == ["C2", "C3"]
    # a word only starting like a month is no month, with no year to say the cell is a date
    invoices = [invoices[0], ["I-1", "C1", "01/11/2026", 100], ["I-2", "C1", "5 Novemberish", 1]]
    book = read_book(save_sheets(tmp_path / "c.xlsx", {"Customers": CUSTOMERS,
                                                       "Invoices": invoices}))
    assert [c for _, c, _ in _issues(book)] == ["C3"]


def _running_total_register(header: str = "الإجمالي التراكمي") -> list[list]:
    rows = [["م", "رقم الفاتورة", "كود العميل", "التاريخ", "المبلغ", header],
            [1, "F-1", "C1", "01/10/2026", 1000, 1000], [2, "F-2", "C2", "02/10/2026", 500, 1500],
            [3, "F-3", "C1", "03/10/2026", 250, 1750]]
    return rows + [[i, None, None, None, None, 1750] for i in range(4, 8)]


def test_rows_numbered_ahead_beside_a_running_total_copied_down(tmp_path):
    for header in ("الإجمالي التراكمي", "الرصيد"):  # read as no field; read as the Balance
        book = read_book(save_sheets(tmp_path / f"{header}.xlsx", {
            "Customers": CUSTOMERS, "Invoices": _running_total_register(header)}))
        assert book.invoices["Invoice No"].tolist() == ["F-1", "F-2", "F-3"]
        assert _issues(book) == [(
            "Invoices", "A5", "4 row(s) numbered ahead hold nothing but their number and the "
            "figures of the row above carried down (a formula copied down): not read (A5, A6, "
            "A7, A8)")]


def test_a_numbered_row_with_a_figure_of_its_own_is_still_read(tmp_path):
    rows = _running_total_register()
    rows[4][5] = 1900  # a figure typed, not the row above's: read, and so the row after it
    book = read_book(save_sheets(tmp_path / "b.xlsx", {"Customers": CUSTOMERS, "Invoices": rows}))
    assert [c for _, c, _ in _issues(book)] == [
        "A7", "B5", "B6", "C5", "C6", "D5", "D6", "E5", "E6"]


def test_an_egyptian_clerks_invoice_book_reads_figure_for_figure(tmp_path):
    """Merged title rows, rows numbered ahead on every sheet, ج.م written before, after and
    joined to the figure, Arabic-Indic digits, dates typed five ways, totals rows, notes."""
    customers = [["شركة النيل للتوريدات - بيان العملاء"], [],
                 ["م", "كود العميل", "اسم العميل", "العملة", "شروط الدفع", "الحد الائتماني"],
                 [1, "ع-001", "شركة الأمل للتجارة", "ج.م", "30 يوم", "100,000 ج.م"],
                 [2, "ع-002", "مؤسسة الفجر", "جنيه", "45 يوم", "٥٠٬٠٠٠"],
                 [3, "ع-003", "مصنع الدلتا", "EGP", "آجل 60 يوم", 250000],
                 *[[i] for i in range(4, 11)]]
    invoices = [["شركة النيل للتوريدات"], ["دفتر فواتير المبيعات - أكتوبر 2026"], [],
                ["م", "رقم الفاتورة", "كود العميل", "اسم العميل", "تاريخ الفاتورة", "القيمة",
                 "ملاحظات"],
                [1, "ف-1001", "ع-001", "شركة الأمل للتجارة", "1/10/2026", "15,000 ج.م", "تم التسليم"],
                [2, "ف-1002", "ع-001", "شركة الأمل للتجارة", "٠٥/١٠/٢٠٢٦", "٣٬٥٠٠ ج.م", None],
                [3, "ف-1003", "ع-002", "مؤسسة الفجر", "2026/10/07", "ج.م 7,250.50", "مرتجع جزئي"],
                [4, "ف-1004", "ع-002", "مؤسسة الفجر", "12 أكتوبر 2026", 12000, None],
                [5, "ف-1005", "ع-003", "مصنع الدلتا", "15-10-2026", "44500ج.م", "شيك آجل"],
                [6, "ف-1006", "ع-003", "مصنع الدلتا", "20/10", "1,250.75 جنيه", None],
                *[[i] for i in range(7, 12)],
                [None, None, None, "الإجمالي", None, 83501.25, None]]
    receipts = [["التحصيلات - أكتوبر 2026"],
                ["م", "رقم الإيصال", "التاريخ", "كود العميل", "المبلغ", "رقم الفاتورة", "ملاحظات"],
                [1, "إ-501", "10/10/2026", "ع-001", "15,000 ج.م", "ف-1001", "تحويل بنكي"],
                [2, "إ-502", "٢٠/١٠/٢٠٢٦", "ع-002", "5,000", "ف-1003", "دفعة من الحساب"],
                [3, "إ-503", "25/10/2026", "ع-003", "44,500.00 ج.م", "ف-1005", None],
                *[[i] for i in range(4, 9)]]
    book = read_book(save_sheets(tmp_path / "b.xlsx", {
        "العملاء": customers, "الفواتير": invoices, "التحصيلات": receipts},
        merges={"العملاء": ["A1:F1"], "الفواتير": ["A1:G1", "A2:G2"], "التحصيلات": ["A1:G1"]}))
    assert book.customers["Credit Limit"].tolist() == [100000.0, 50000.0, 250000.0]
    assert book.customers["Payment Terms"].tolist() == [30, 45, 60]
    assert book.invoices["Amount"].tolist() == [15000.0, 3500.0, 7250.5, 12000.0, 44500.0,
                                                1250.75]
    assert book.invoices["Invoice Date"].dt.day.tolist() == [1, 5, 7, 12, 15, 20]
    assert book.payments["Amount"].tolist() == [15000.0, 5000.0, 44500.0]
    assert [(s, c) for s, c, _ in _issues(book)] == [("الفواتير", "D16"), ("الفواتير", "E10")]
    from ar_excel.jobs import JobOptions
    from ar_excel.jobs.aging import JOB

    aging = JOB.run(book, JobOptions(as_of=date(2026, 11, 20))).tabs[0].frame
    assert aging.set_index("Customer ID")["Total"].to_dict() == {
        "ع-001": 3500.0, "ع-002": 14250.5, "ع-003": 1250.75}


def test_a_customers_bare_dinar_is_its_countrys_or_the_companys(tmp_path):
    from ar_excel.io.messages_ar import arabic_message
    from ar_excel.jobs import JobOptions
    from ar_excel.jobs.validate import JOB

    customers = [["Customer ID", "Name", "Currency", "Country"],
                 ["C1", "Kuwait Co", "دينار", "Kuwait"], ["C2", "Amman Co", "Dinar", "الأردن"],
                 ["C3", "Cairo Co", "دينار", "Egypt"], ["C4", "Somewhere", "دينار", None]]
    invoices = [["Invoice No", "Customer ID", "Invoice Date", "Amount", "Currency"],
                ["I1", "C2", "2026-10-01", 100, "دينار"], ["I2", "C3", "2026-10-01", 100, "دينار"]]
    book = read_book(save_sheets(tmp_path / "b.xlsx", {"Customers": customers,
                                                       "Invoices": invoices}))
    assert book.customers["Currency"].tolist() == ["KWD", "JOD", "دينار", "دينار"]
    assert book.invoices["Currency"].tolist() == ["JOD", None]
    assert _issues(book) == [(
        "Invoices", "E3",
        "'دينار' names no one currency: a dinar may be KWD, BHD, JOD, IQD, LYD, TND or DZD, "
        "and customer C3's own currency is written 'دينار' too: read as blank, the invoice in "
        "its customer's currency; write the code, e.g. KWD (E3)")]
    assert "'دينار' أيضاً" in arabic_message(book.issues[0].message)
    checks = JOB.run(book, JobOptions(as_of=date(2026, 11, 20))).tabs[0].frame
    assert checks[["Customer ID", "Code", "Severity"]].values.tolist() == [
        ["C1", "INVALID_CURRENCY", "Warning"], ["C2", "INVALID_CURRENCY", "Warning"],
        ["C3", "INVALID_CURRENCY", "Error"], ["C4", "INVALID_CURRENCY", "Error"]]
    assert checks["Message"].iloc[0].endswith("read as KWD, write KWD.")
    # the company's own dinar, where the customer's country says none
    policy = [["Key", "Value"], ["Base Currency", "BHD"]]
    book = read_book(save_sheets(tmp_path / "p.xlsx", {"Customers": customers,
                                                       "Invoices": invoices, "Policy": policy}))
    assert book.customers["Currency"].tolist() == ["KWD", "JOD", "دينار", "BHD"]


def _register(tmp_path, head, first, second):
    invoices = [["رقم الفاتورة", "كود العميل", "التاريخ", *head],
                ["F-1", "C1", "01/10/2026", *first], ["F-2", "C1", "02/10/2026", *second]]
    return read_book(save_sheets(tmp_path / "b.xlsx", {"Customers": CUSTOMERS,
                                                       "Invoices": invoices}))


def test_the_amount_owed_is_the_net_after_the_discount_and_vat(tmp_path):
    book = _register(tmp_path, ["الإجمالي", "الخصم", "الصافي", "ملاحظات"],
                     [10000, 500, 9500, "خصم تعجيل"], [2000, None, 2000, None])
    assert book.invoices["Amount"].tolist() == [9500.0, 2000.0]
    assert book.invoices["الإجمالي"].tolist() == [10000, 2000]  # kept, as typed
    assert _issues(book) == [("Invoices", "F1", "the invoices' amounts owed are read from "
                              "'الصافي', which is 'الإجمالي' less 'الخصم' on every row, not "
                              "from 'الإجمالي'")]
    book = _register(tmp_path, ["القيمة", "الخصم", "ض.ق.م 14%", "الصافي"],
                     ["10,000 ج.م", "500", "1,330", "10,830 ج.م"], [2000, 0, 280, 2280])
    assert book.invoices["Amount"].tolist() == [10830.0, 2280.0]
    assert book.table("Invoices").letters["Amount"] == "G"


def test_a_net_column_that_does_not_add_up_leaves_the_amount(tmp_path):
    book = _register(tmp_path, ["الإجمالي", "الخصم", "الصافي"], [10000, 500, 9000],
                     [2000, 0, 2000])
    assert book.invoices["Amount"].tolist() == [10000.0, 2000.0]
    assert _issues(book) == []


def test_the_vat_abbreviated_as_egyptian_books_write_it_makes_the_total_the_amount(tmp_path):
    book = _register(tmp_path, ["القيمة", "ض.ق.م 14%", "الإجمالي"], [10000, 1400, 11400],
                     [2000, 280, 2280])
    assert book.invoices["Amount"].tolist() == [11400.0, 2280.0]
