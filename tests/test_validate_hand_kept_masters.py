"""validate and credit on customer masters as finance teams keep them by hand: bilingual
header cells, a title and a note under the list, blank terms on a credit customer, limits typed
with the Gulf's Arabic currency abbreviations. Every output row is asserted: a false alarm
fails as surely as a miss."""

from __future__ import annotations

import random
from collections import defaultdict
from datetime import date, datetime, timedelta

from ar_excel.core.customers import duplicates
from ar_excel.core.customers.duplicates import (
    MAX_SCRIPT_BLOCK,
    branches_of_one_company,
    id_key,
    normalize_name,
)
from ar_excel.core.matching.names import distinctive, name_tokens
from ar_excel.io.reader import read_book
from ar_excel.jobs import JobOptions
from ar_excel.jobs.credit import run as run_credit
from ar_excel.jobs.validate import run as run_validate
from tests._workbooks import save_sheets

AS_OF = datetime(2026, 11, 30)


def _save(tmp_path, sheets: dict[str, list[list]], merges: dict[str, list[str]] | None = None):
    path = save_sheets(tmp_path / "book.xlsx", sheets, merges=merges)
    return read_book(path)


def _checks(book) -> list[tuple[str, str, str, str]]:
    frame = run_validate(book, JobOptions(as_of=AS_OF, args={"user": "t"})).tabs[0].frame
    return [(r["Customer ID"], r["Cell"], r["Code"], r["Severity"]) for _, r in frame.iterrows()]


def _credit(book):
    return run_credit(book, JobOptions(as_of=AS_OF)).tabs[0].frame.set_index("Customer ID")


def _issues(book) -> list[tuple[str, str]]:
    return [(i.cell, i.message) for i in book.issues]


SA_HEADER = ["رقم العميل / Customer No", "اسم العميل / Customer Name", "الرقم الضريبي / VAT No",
             "الجوال\nMobile", "الدولة - Country", "العملة / Currency",
             "حد الائتمان / Credit Limit", "شروط الدفع / Payment Terms", "الحالة / Status"]


def test_bilingual_header_cells_name_their_columns(tmp_path):
    rows = [["[LOGO]"], [], ["Customer Master File"], [], SA_HEADER,
            ["1001", "شركة الخليج للتجارة", "300123456700003", "0501234567", "السعودية", "SAR",
             "SAR 500,000", "Net 30", "Active"],
            ["1002", "Tihama Advertising", "30012345670000", "0551112222", "Saudi Arabia", "SAR",
             "75,000", "due on receipt", "Blocked"],
            ["1003", "Nahdi Medical", "300444555600003", "0552223333", "KSA", "SAR", "1.5m",
             "Net 90", "Active"]]
    book = _save(tmp_path, {"Customers": rows,
                            "Invoices": [["Invoice No", "Customer ID", "Invoice Date", "Amount"],
                                         ["S-1", "1001", AS_OF - timedelta(days=10), 450000],
                                         ["S-2", "1002", AS_OF - timedelta(days=5), 80000]]},
                 {"Customers": ["A3:I3"]})
    table = book.table("Customers")
    assert table.header_row == 5
    assert list(table.frame["Customer ID"]) == ["1001", "1002", "1003"]
    assert list(table.frame["Credit Limit"]) == [500000.0, 75000.0, 1500000.0]
    assert list(table.frame["Payment Terms"]) == [30, 0, 90]
    assert list(table.frame["Status"]) == ["Active", "Hold", "Active"]
    assert table.letters["Phone"] == "D" and table.letters["Country"] == "E"
    # the 14-digit VAT number is the one finding
    assert _checks(book) == [("1002", "C7", "INVALID_TAX_ID", "Warning")]
    credit = _credit(book)
    assert credit.loc["1001", "Status"] == "Warning" and credit.loc["1001", "Utilization %"] == 90
    assert credit.loc["1002", "Status"] == "Hold" and bool(credit.loc["1002", "Over Limit"])


def test_a_header_in_one_script_is_not_split():
    from ar_excel.io.headers import alias_index, header_field
    from ar_excel.schema import CUSTOMERS

    index = alias_index(CUSTOMERS)
    assert header_field("IBAN/Bank Account", index) == "IBAN / Bank Account"
    assert header_field("رقم الحساب / IBAN", index) == "IBAN / Bank Account"
    assert header_field("Payment Terms / Days", index) == "Payment Terms"
    assert header_field("ملاحظات / Notes", index) is None


EG_HEADER = ["كود العميل", "اسم العميل", "الرقم الضريبي", "التليفون", "العملة", "حد الائتمان",
             "مدة السداد", "الحالة"]


def test_title_totals_and_a_note_under_an_arabic_master_are_no_customers(tmp_path):
    rows = [["شركة المصرية للتوزيع ش.م.م"], ["قائمة العملاء - نوفمبر ٢٠٢٦"], EG_HEADER,
            ["C001", "شركة النور للتجارة", "123-456-789", "01012345678", "EGP", "١٠٠٬٠٠٠",
             "٣٠ يوم", "نشط"],
            ["C002", "مؤسسة الأمل للمقاولات", "٢٣٤٥٦٧٨٩١", "01123456789", "EGP", "50,000 ج.م",
             "60 يوم", "نشط"],
            [],
            ["C003", "الدلتا للأسمدة", "345 678 912", "0223456789", "EGP", "غير محدود", "نقدي",
             "موقوف"],
            [],
            ["", "الإجمالي", "", "", "", 150000],
            ["ملاحظة: الحدود معتمدة من المدير المالي"],
            ["Prepared by: Ahmed Samir"]]
    invoices = [["رقم الفاتورة", "رقم العميل", "تاريخ الفاتورة", "المبلغ"],
                ["INV-1", "C001", AS_OF - timedelta(days=40), 90000],
                ["INV-2", "C003", AS_OF - timedelta(days=2), 500000]]
    book = _save(tmp_path, {"العملاء": rows, "الفواتير": invoices},
                 {"العملاء": ["A1:H1", "A2:H2"]})
    assert list(book.table("Customers").frame["Customer ID"]) == ["C001", "C002", "C003"]
    assert _issues(book) == [("B9", "'الإجمالي' row is a totals row, not a record: not read")]
    assert _checks(book) == []
    credit = _credit(book)
    assert list(credit.index) == ["C003", "C001", "C002"]  # Hold first, then Warning
    assert list(credit["Status"]) == ["Hold", "Warning", "OK"]
    assert credit.loc["C003", "Reason"] == "العميل موقوف في بيانات العملاء"
    assert credit.loc["C001", "Oldest Overdue Days"] == 10


def test_a_note_above_the_last_customer_is_still_a_customer(tmp_path):
    # a text alone in its row among the records is a record missing the rest: reported
    rows = [["Customer ID", "Name", "Currency"], ["Note: call first", None, None],
            ["C1", "Nile Foods", "EGP"]]
    book = _save(tmp_path, {"Customers": rows})
    assert list(book.table("Customers").frame["Customer ID"]) == ["Note: call first", "C1"]
    assert ("Note: call first", "B2", "MISSING_NAME", "Error") in _checks(book)


TERMS_HEADER = ["Customer ID", "Name", "Currency", "Credit Limit", "Payment Terms"]


def _terms_rows(blank_terms: dict[str, object], count: int = 10) -> list[list]:
    rows = [TERMS_HEADER]
    for i in range(1, count + 1):
        cid = f"T{i:02d}"
        rows.append([cid, f"Terms Client {chr(64 + i)}q", "EGP", 50000 if i % 2 else None,
                     blank_terms.get(cid, "Net 30")])
    return rows


def test_blank_terms_on_a_credit_customer_are_flagged_where_the_master_keeps_terms(tmp_path):
    # T01 has a limit and no terms; T02 has neither (cash: no finding); 8 of 10 keep terms
    rows = _terms_rows({"T01": None, "T02": "  "})
    rows.append(["", "Total", "", 250000, ""])
    book = _save(tmp_path, {"Customers": rows,
                            "Invoices": [["Invoice No", "Customer ID", "Invoice Date", "Amount"],
                                         ["I-1", "T01", AS_OF - timedelta(days=12), 1000]]})
    frame = run_validate(book, JobOptions(as_of=AS_OF, args={"user": "t"})).tabs[0].frame
    assert [(r["Customer ID"], r["Cell"], r["Code"], r["Severity"], r["Field"])
            for _, r in frame.iterrows()] == [("T01", "E2", "MISSING_TERMS", "Warning",
                                               "Payment Terms")]
    assert frame["Message"][0] == (
        "Customer T01 has a credit limit but no payment terms (E2); its invoices are taken as "
        "due on receipt (0 days) unless they state a due date.")
    # what the warning says: the invoice counts as overdue from its date
    assert _credit(book).loc["T01", "Oldest Overdue Days"] == 12


def test_blank_terms_are_the_norm_in_a_quickbooks_style_list(tmp_path):
    # 3 of 10 blank ("due on receipt" left blank): no finding on any of them
    rows = _terms_rows({"T01": None, "T03": None, "T05": None})
    assert _checks(_save(tmp_path, {"Customers": rows})) == []


def test_blank_terms_in_an_arabic_master_say_so_in_arabic(tmp_path):
    rows = [["كود العميل", "اسم العميل", "حد الائتمان", "مدة السداد"]]
    rows += [[f"C{i}", f"عميل رقم {i}", 10000, "30 يوم"] for i in range(1, 6)]
    rows.append(["C6", "شركة الريان", "٢٠٬٠٠٠", None])
    book = _save(tmp_path, {"العملاء": rows})
    frame = run_validate(book, JobOptions(as_of=AS_OF, args={"user": "t"})).tabs[0].frame
    assert list(frame["Code"]) == ["MISSING_TERMS"] and list(frame["Cell"]) == ["D7"]
    assert frame["Message"][0].startswith("العميل C6 له حد ائتمان بلا شروط دفع (D7)")


def test_limits_with_the_gulfs_arabic_currency_abbreviations(tmp_path):
    rows = [["الكود", "العميل", "الدولة", "العملة", "سقف الائتمان", "أجل السداد"],
            ["K-1", "أسواق الميرة", "قطر", "QAR", "٢٠٠٬٠٠٠ ر.ق", "٣٠ يوم"],
            ["K-2", "شركة عمانتل", "عمان", "OMR", "10,000 ر.ع", "30"],
            ["K-3", "البحرين للتجارة", "البحرين", "BHD", "5,000.250 د.ب", "30"],
            ["K-4", "بترا للتجارة", "الأردن", "JOD", "د.أ 7,000", "30"]]
    book = _save(tmp_path, {"العملاء": rows,
                            "الفواتير": [["رقم الفاتورة", "رقم العميل", "تاريخ الفاتورة", "المبلغ"],
                                         ["G-1", "K-1", date(2026, 11, 20), 190000]]})
    assert _issues(book) == []
    assert list(book.table("Customers").frame["Credit Limit"]) == [200000.0, 10000.0, 5000.25,
                                                                   7000.0]
    assert _checks(book) == []
    credit = _credit(book)
    assert credit.loc["K-1", "Utilization %"] == 95 and credit.loc["K-1", "Status"] == "Warning"
    assert credit.loc["K-3", "Credit Limit"] == 5000.25


# The Arabic/Latin search reads only the names of a word count both scripts have; it must find
# exactly what reading every name finds.
AR = ["شركة النور للتجارة", "النور للتجارة", "مؤسسة الأمل", "الأمل للمقاولات", "طيبة",
      "شركة الخليج للتجارة", "مجموعة منصور", "السويدي إليكتريك", "الريان للأغذية", "الفجر",
      "الفجر للأغذية", "النيل للأغذية", "بنده فرع جدة", "عبد الرحمن للتجارة", "شركة الأهرام"]
EN = ["Al Nour Trading Co.", "Alnour Trading", "El Nour Trading", "Al Amal", "Taiba",
      "Al Amal Contracting", "Gulf Trading Co", "Al Khaleej Trading", "Mansour Group",
      "El Sewedy Electric", "Al Rayan Foods", "Al Fajr", "Al Fajr Foods", "Nile Foods",
      "El Nil Foods", "Al Ahram Co", "Panda Jeddah Branch", "Abdel Rahman Trading",
      "Abdul Rahman Trading", "Horizon ذ.م.م", "Sunrise Logistics LLC"]


def _every_name_read(names, reduced, keys):
    groups: dict[tuple, list[int]] = defaultdict(list)
    for p, name in enumerate(names):
        if reduced[p].tokens:
            tokens = name_tokens(name)
            if len("".join(distinctive(tokens))) >= 3:
                groups[(tuple(tokens), len(reduced[p].tokens))].append(p)
    pairs = []
    for members in groups.values():
        if 2 <= len(members) <= MAX_SCRIPT_BLOCK:
            pairs += [(p, q) for i, p in enumerate(members) for q in members[i + 1:]
                      if reduced[p].arabic != reduced[q].arabic
                      and not (keys[p] and keys[p] == keys[q])
                      and not branches_of_one_company(names[p], names[q])]
    return sorted(pairs)


def test_arabic_latin_search_finds_what_reading_every_name_finds():
    rng = random.Random(7)
    found = 0
    for _ in range(300):
        names = [rng.choice(AR + EN) for _ in range(rng.randint(2, 12))]
        ids = [f"C{i}" if rng.random() < 0.9 else "C0" for i in range(len(names))]
        reduced = [normalize_name(n) for n in names]
        keys = [id_key(i) for i in ids]
        got = duplicates._same_name_across_scripts(
            names, reduced, keys, [duplicates._NO_CONTACT] * len(names), set())
        assert sorted((m.left, m.right) for m in got) == _every_name_read(names, reduced, keys)
        found += len(got)
    assert found > 100  # the comparison was not empty


def test_statuses_of_customers_in_litigation_or_with_their_reason_hold_credit(tmp_path):
    statuses = ["Legal", "قضايا", "متعثر", "Hold - legal", "موقوف: قضية", "Blocked (over limit)",
                "Active - VIP", "Inactive (use C-0001)", "Prospect"]
    rows = [["Customer ID", "Name", "Currency", "Credit Limit", "Payment Terms", "Status"]]
    rows += [[f"S{i}", f"Status Client {chr(65 + i)}w", "EGP", 10000, 30, s]
             for i, s in enumerate(statuses)]
    invoices = [["Invoice No", "Customer ID", "Invoice Date", "Amount"]]
    invoices += [[f"I{i}", f"S{i}", AS_OF - timedelta(days=5), 100] for i in range(len(statuses))]
    book = _save(tmp_path, {"Customers": rows, "Invoices": invoices})
    assert list(book.table("Customers").frame["Status"].fillna("")) == [
        "Hold", "Hold", "Hold", "Hold", "Hold", "Hold", "Active", "Closed", ""]
    # the one status that says nothing of credit is reported where it stands, not guessed
    assert _issues(book) == [("F10", "'Prospect' is not a customer status (Active, Hold or "
                                     "Closed)")]
    credit = _credit(book)
    assert list(credit.index[credit["Status"] == "Hold"]) == [f"S{i}" for i in range(6)]


def test_credit_status_says_why_a_negative_limit_is_unused_and_a_closed_account_owes(tmp_path):
    rows = [["Customer ID", "Name", "Currency", "Credit Limit", "Payment Terms", "Status"],
            ["N1", "Minus Limit Co", "EGP", "(5,000)", "Net 30", "Active"],
            ["N2", "Closed Owing Co", "EGP", 20000, "Net 30", "Inactive"],
            ["N3", "Closed Settled Co", "EGP", 20000, "Net 30", "Inactive"]]
    invoices = [["Invoice No", "Customer ID", "Invoice Date", "Amount"],
                ["I1", "N1", AS_OF - timedelta(days=5), 700],
                ["I2", "N2", AS_OF - timedelta(days=45), 1250.5]]
    book = _save(tmp_path, {"Customers": rows, "Invoices": invoices})
    assert _checks(book) == [("N1", "D2", "INVALID_CREDIT_LIMIT", "Error")]
    credit = _credit(book)
    assert credit.loc["N1", "Reason"] == ("credit limit -5,000.00 is negative: not used (see "
                                          "Customer Checks)")
    assert not credit.loc["N1", "Over Limit"] and credit.loc["N1", "Status"] == "OK"
    assert credit.loc["N2", "Reason"] == ("within the limit; customer is Closed in the master "
                                          "but owes 1,250.50")
    assert credit.loc["N3", "Reason"] == "within the limit"


def test_limits_kept_in_thousands_are_read_as_amounts(tmp_path):
    rows = [["كود العميل", "اسم العميل", "حد الائتمان (بالألف جنيه)", "مدة السداد"],
            ["C1", "شركة النور", 50, 30], ["C2", "شركة الأمل", "٢٥٠", 30],
            ["C3", "شركة الفجر", "1.5M", 30], ["C4", "شركة الدلتا", None, 30]]
    invoices = [["رقم الفاتورة", "رقم العميل", "تاريخ الفاتورة", "المبلغ"],
                ["F1", "C1", AS_OF - timedelta(days=3), 45000]]
    book = _save(tmp_path, {"العملاء": rows, "الفواتير": invoices})
    assert list(book.table("Customers").frame["Credit Limit"].fillna(-1)) == [
        50000.0, 250000.0, 1500000.0, -1]
    assert _issues(book)[0] == ("C1", "'حد الائتمان (بالألف جنيه)' gives limits in thousands: 2 "
                                      "read x 1,000 (e.g. 50,000)")
    credit = _credit(book)
    assert credit.loc["C1", "Utilization %"] == 90 and credit.loc["C1", "Status"] == "Warning"
    # a header with its currency only is not in thousands
    plain = [["Customer ID", "Name", "Credit Limit (EGP)"], ["C1", "Nile Foods", 50]]
    assert list(_save(tmp_path, {"Customers": plain}).table("Customers").frame["Credit Limit"]) \
        == [50.0]


def test_a_duplicate_the_master_has_closed_is_not_reported_again(tmp_path):
    rows = [["Customer ID", "Name", "VAT Number", "Phone", "Status", "Remarks"],
            ["C-1", "Nile Foods", "987654321", "01011112222", "Active", ""],
            ["C-2", "Delta Sugar", "876543219", "01022223333", "Active", ""],
            ["C-3", "Nile Foods", "987654321", "01011112222", "Inactive", "old code, use C-1"],
            ["C-4", "Delta Sugar Co", "876543219", "01022223334", "Active", "keyed twice"],
            ["C-5", "الريان للأغذية", "", "0509876543", "Active", ""],
            ["C-6", "Al Rayan Foods", "", "0509876543", "موقوف نهائيا", ""]]
    assert _checks(_save(tmp_path, {"Customers": rows})) == [
        ("C-2", "C3", "DUPLICATE_TAX_ID", "Warning"), ("C-2", "B3", "POSSIBLE_DUPLICATE", "Warning"),
        ("C-4", "C5", "DUPLICATE_TAX_ID", "Warning"), ("C-4", "B5", "POSSIBLE_DUPLICATE", "Warning")]


def test_discounts_as_fractions_percents_and_early_payment_terms(tmp_path):
    discounts = [0.02, "2%", "2/10 net 30", "2% 10 Net 30", "خصم ٢٪ خلال ١٠ أيام صافي ٣٠",
                 "8/10 net 60", "lots"]
    rows = [["Customer ID", "Name", "Payment Terms", "Discount %"]]
    rows += [[f"D{i}", f"Discount Client {chr(65 + i)}w", "Net 30", d]
             for i, d in enumerate(discounts)]
    book = _save(tmp_path, {"Customers": rows})
    assert list(book.table("Customers").frame["Discount %"].fillna(-1)) == [
        2.0, 2.0, 2.0, 2.0, 2.0, 8.0, -1]
    assert _checks(book) == [("D5", "D7", "DISCOUNT_ABOVE_POLICY", "Warning"),
                             ("D6", "D8", "INVALID_DISCOUNT", "Error")]


def test_a_yes_no_hold_flag_puts_the_account_on_hold(tmp_path):
    rows = [["A/C", "Name", "Credit Limit", "Terms", "On Hold", "Telephone"],
            ["ACME01", "Acme Supplies Ltd", 5000, "30 days net", "No", "01632 960001"],
            ["BRIG01", "Brighton Retail", 2000, "Net 30 days", "Yes", "01632 960002"],
            ["COOP01", "Cooper Hardware", 10000, "Net 30", True, "01632 960003"],
            ["DALE01", "Dale Farm Foods", 3000, "Net 30", "maybe", "01632 960004"],
            ["FORD01", "Ford Garage", 3000, "Net 30", "Invoice", "01632 960006"],
            ["EAST01", "Eastway Motors", 7500, "Net 30", None, "01632 960005"]]
    invoices = [["Invoice No", "Customer ID", "Invoice Date", "Amount"],
                ["SI-1", "ACME01", AS_OF - timedelta(days=20), 1200],
                ["SI-2", "BRIG01", AS_OF - timedelta(days=5), 800]]
    book = _save(tmp_path, {"Customers": rows, "Invoices": invoices})
    assert list(book.table("Customers").frame["Status"].fillna("")) == [
        "", "Hold", "Hold", "", "Hold", ""]  # (Business Central: blocked for invoicing)
    assert _issues(book) == [("E5", "'maybe' is neither Yes nor No: the account is not put on "
                                    "hold")]
    credit = _credit(book)
    assert list(credit.index[credit["Status"] == "Hold"]) == ["BRIG01", "COOP01", "FORD01"]
    assert credit.loc["BRIG01", "Reason"] == "customer is on Hold in the master"


def test_an_egyptian_tax_card_column_is_the_tax_id(tmp_path):
    rows = [["م", "كود", "اسم العميل", "رقم البطاقة الضريبية", "السجل التجاري", "العملة"],
            [1, "١٠١", "شركة الأمانة للتجارة", "٢٠٠٥٠٠١٢٣", "12345", "EGP"],
            [2, "١٠٢", "مصنع النصر", "200-500-123", "12346", "EGP"],
            [3, "١٠٣", "سوبر ماركت الحمد", "40070034", "", "EGP"]]  # a digit short
    book = _save(tmp_path, {"العملاء": rows})
    assert book.table("Customers").letters["Tax ID"] == "D"
    assert _checks(book) == [("101", "D2", "DUPLICATE_TAX_ID", "Warning"),
                             ("102", "D3", "DUPLICATE_TAX_ID", "Warning"),
                             ("103", "D4", "INVALID_TAX_ID", "Warning")]


def test_a_second_phone_or_email_column_is_read_too(tmp_path):
    rows = [["Code", "Name", "Phone", "Mobile", "Email", "Email 2"],
            ["C1", "Nile Foods", "0223456789", "01012345678", "a@nile.com", None],
            ["C2", "Delta Sugar", None, "01112345678", None, None],  # a mobile only
            ["C3", "Sinai Cement", "0223456780", None, None, None],
            ["C4", "Giza Co", None, None, None, "x@giza"],
            ["C5", "Aswan Trading", None, None, None, "ap@aswan.com"],
            ["C6", "Nile Motors", None, None, None, None],
            ["C7", "Luxor Foods", "0223456781", "0101234567", "l@luxor.com", None],
            ["C8", "Suez Steel", None, "01012345678", None, None]]  # C1's mobile
    frame = run_validate(_save(tmp_path, {"Customers": rows}),
                         JobOptions(as_of=AS_OF, args={"user": "t"})).tabs[0].frame
    assert [(r["Customer ID"], r["Cell"], r["Field"], r["Code"]) for _, r in frame.iterrows()] == [
        ("C1", "B2", "Name", "POSSIBLE_DUPLICATE"), ("C4", "F5", "Email 2", "INVALID_EMAIL"),
        ("C6", "E7", "Email", "MISSING_CONTACT"), ("C7", "D8", "Mobile", "INVALID_PHONE"),
        ("C8", "B9", "Name", "POSSIBLE_DUPLICATE")]
    assert "same phone" in frame["Message"][0]


def test_names_kept_in_two_languages(tmp_path):
    rows = [["كود العميل", "الاسم بالعربي", "الاسم بالإنجليزي", "العملة"],
            ["C1", "النيل للأغذية", "Nile Foods", "EGP"], ["C2", "الدلتا للسكر", "Delta Sugar", "EGP"]]
    table = _save(tmp_path, {"العملاء": rows}).table("Customers")
    assert list(table.frame["Name"]) == ["النيل للأغذية", "الدلتا للسكر"]
    assert list(table.frame["الاسم بالإنجليزي"]) == ["Nile Foods", "Delta Sugar"]  # carried
    rows = [["Customer Code", "English Name", "Arabic Name"], ["C1", "Nile Foods", "النيل"]]
    assert list(_save(tmp_path, {"Customers": rows}).table("Customers").frame["Name"]) == [
        "Nile Foods"]


def test_an_id_typed_with_and_without_its_leading_zeros_is_one_id(tmp_path):
    rows = [["Customer ID", "Name"], ["00123", "Nile Foods"], [456, "Delta Traders"],
            ["0456", "Delta Two"], ["C-7", "Seven Co"], ["c-7", "Seven Company"], ["0", "Zero"]]
    frame = run_validate(_save(tmp_path, {"Customers": rows}),
                         JobOptions(as_of=AS_OF, args={"user": "t"})).tabs[0].frame
    assert [(r["Customer ID"], r["Cell"], r["Code"]) for _, r in frame.iterrows()] == [
        ("456", "A3", "DUPLICATE_ID"), ("0456", "A4", "DUPLICATE_ID"),
        ("C-7", "A5", "DUPLICATE_ID"), ("c-7", "A6", "DUPLICATE_ID")]
    assert frame["Message"][1] == ("Customer ID 0456 is used on 2 rows (3 '456', 4 '0456'); "
                                   "each customer needs its own ID.")


def test_review_dates_given_as_a_month_or_year_are_due_by_its_end(tmp_path):
    rows = [["Customer ID", "Name", "Next Credit Review"],
            ["R1", "Review One", "Oct 2026"], ["R2", "Review Two", "Nov 2026"],
            ["R3", "Review Three", 2027], ["R4", "Review Four", "2025"],
            ["R5", "Review Five", "سبتمبر ٢٠٢٦"], ["R6", "Review Six", "09/2026"],
            ["R7", "Review Seven", datetime(2026, 11, 15)], ["R8", "Review Eight", "soon"]]
    book = _save(tmp_path, {"Customers": rows})
    assert [d.strftime("%Y-%m-%d") if d == d else "" for d in
            book.table("Customers").frame["Next Credit Review"]] == [
        "2026-10-31", "2026-11-30", "2027-12-31", "2025-12-31", "2026-09-30", "2026-09-30",
        "2026-11-15", ""]
    assert _issues(book)[0] == ("C2", "6 review date(s) given as a month or a year read as "
                                      "its last day ('Oct 2026' = 31/10/2026): C2, C3, C4, C5, "
                                      "C6 and 1 more")
    assert _issues(book)[1][0] == "C9"  # 'soon': not a date, said at its cell
    # a year was Excel's day 2,027 (19/07/1905), a review 44,000 days overdue
    frame = run_validate(book, JobOptions(as_of=AS_OF, args={"user": "t"})).tabs[0].frame
    assert [(r["Customer ID"], r["Cell"], r["Code"], r["Value"]) for _, r in frame.iterrows()] == [
        ("R1", "C2", "REVIEW_OVERDUE", "2026-10-31"), ("R4", "C5", "REVIEW_OVERDUE", "2025-12-31"),
        ("R5", "C6", "REVIEW_OVERDUE", "2026-09-30"), ("R6", "C7", "REVIEW_OVERDUE", "2026-09-30"),
        ("R7", "C8", "REVIEW_OVERDUE", "2026-11-15")]


def test_a_limit_column_per_currency_gives_each_customer_its_own(tmp_path):
    rows = [["Customer ID", "Name", "Currency", "حد الائتمان (ج.م)", "حد الائتمان (دولار)"],
            ["C1", "Nile Foods", "EGP", 100000, None], ["C2", "Delta Exports", "USD", None, 20000],
            ["C3", "Cairo Cables", "USD", 500000, 10000], ["C4", "Gulf Trading", "SAR", 1000, 2000],
            ["C5", "No Currency Co", None, None, 3000]]
    invoices = [["Invoice No", "Customer ID", "Invoice Date", "Currency", "Amount"],
                ["U1", "C2", AS_OF - timedelta(days=5), "USD", 21000],
                ["U2", "C3", AS_OF - timedelta(days=5), "USD", 9000]]
    book = _save(tmp_path, {"Customers": rows, "Invoices": invoices})
    assert list(book.table("Customers").frame["Credit Limit"]) == [
        100000.0, 20000.0, 10000.0, 1000.0, 3000.0]
    assert _issues(book) == [("D5", "limits in EGP, USD and none in the customer's currency "
                                    "(SAR): the EGP limit is read")]
    credit = _credit(book)
    assert credit.loc["C2", "Status"] == "Over Limit"  # its USD limit, not none
    assert credit.loc["C3", "Utilization %"] == 90  # 9,000 USD of 10,000 USD, not of 500,000
    # a second limit column named otherwise is carried, not read
    rows = [["Customer ID", "Name", "Currency", "Credit Limit", "Credit Limit OLD"],
            ["C1", "Nile Foods", "EGP", 100000, 50]]
    assert list(_save(tmp_path, {"Customers": rows}).table("Customers").frame["Credit Limit"]) \
        == [100000.0]
