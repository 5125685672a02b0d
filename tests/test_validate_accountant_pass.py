"""validate and credit on customer masters as Egyptian and Gulf clerks type them, checked as
an accountant would: one code typed with a stray or non-breaking space or in full-width digits
is one code; a phone cell's shorthand for a second number (``01001234567/8``), its Arabic label
(``ت:``) and its contact person beside the number are a valid phone; an email list separated
by the Arabic semicolon is valid; a tax ID cell saying the customer has none is neither wrong
nor missing, a commercial register number in it is said so; shortened, transliterated and
given-name spellings of one company meet; a customer's further contact line is read into it;
a limit typed in another currency than the customer's, or one limit cell merged over several
customers, is said at its cell; a credit request never suggests a negative limit. Every
output row is asserted: a false alarm fails as surely as a miss."""

from __future__ import annotations

from datetime import date

import numpy as np

from ar_excel.core.customers import contacts
from ar_excel.core.customers.messages import REASONS, message
from ar_excel.io.messages_ar import arabic_message
from ar_excel.io.reader import read_book
from ar_excel.jobs import JobOptions
from ar_excel.jobs.credit import run as run_credit
from ar_excel.jobs.validate import run as run_validate
from tests._workbooks import save_sheets

AS_OF = date(2026, 11, 20)
HEAD = ["Customer ID", "Name", "Tax ID", "Email", "Phone", "Country", "Currency",
        "Payment Terms", "Credit Limit", "Status"]
_WORDS = ["Amber", "Birch", "Cedar", "Dune", "Elm", "Fern", "Grove", "Heath", "Iris", "Jade",
          "Kite", "Lark", "Maple", "Nova", "Oak", "Pine", "Quartz", "Reed", "Sage", "Teak"]


def _row(i: int, *, cid: object = None, name: str | None = None, email: str | None = None,
         phone: object = None, currency: str = "EGP", limit: object = 50000) -> list:
    word = _WORDS[i]
    return [f"C{i:02d}" if cid is None else cid, name or f"{word} Trading",
            f"{100 + i}-{200 + i}-{300 + i}", email or f"ap@{word.lower()}.com",
            phone or f"0100123{4000 + i}", "Egypt", currency, 30, limit, "Active"]


def _book(tmp_path, rows: list[list], **sheets):
    return read_book(save_sheets(tmp_path / "master.xlsx", {"Customers": [HEAD, *rows],
                                                            **sheets}))


def _checks(book) -> list[tuple[str, str, str, str]]:
    frame = run_validate(book, JobOptions(as_of=AS_OF)).tabs[0].frame
    return [(r["Customer ID"], r["Cell"], r["Code"], r["Severity"]) for _, r in frame.iterrows()]


def test_an_id_with_a_space_inside_or_full_width_digits_is_the_same_id(tmp_path):
    rows = [_row(1, cid="C001"), _row(2, cid="C 001"), _row(3, cid="C\u00a0002"),
            _row(4, cid="C002"), _row(5, cid="C\uff10\uff10\uff14"), _row(6, cid="C004"),
            _row(7, cid="C-005"), _row(8, cid="C005")]
    book = _book(tmp_path, rows)
    assert _checks(book) == [
        ("C001", "A2", "DUPLICATE_ID", "Error"), ("C 001", "A3", "DUPLICATE_ID", "Error"),
        ("C 002", "A4", "DUPLICATE_ID", "Error"), ("C002", "A5", "DUPLICATE_ID", "Error"),
        ("C\uff10\uff10\uff14", "A6", "DUPLICATE_ID", "Error"),
        ("C004", "A7", "DUPLICATE_ID", "Error")]
    frame = run_validate(book, JobOptions(as_of=AS_OF)).tabs[0].frame
    assert "rows (2 'C001', 3 'C 001')" in frame.iloc[0]["Message"]
    # (a dash is a different code: C-005 and C005 are two codes, as a system keys them)


def test_phone_cells_as_egyptian_clerks_write_them_are_valid(tmp_path):
    phones = ["01001234561/2", "02 23456781/90", "ت: 01001234563", "ت/ 0223456784",
              "م: 01112345675", "01001234566 & 0223456786", "01001234567 أ/ محمد",
              "Ahmed 01001234568", "01001234569 - م/ أحمد", "٠١٠٠١٢٣٤٥٧٠ Eng. Sameh"]
    assert [contacts.phone_problem(p, country="EG") for p in phones] == [None] * len(phones)
    rows = [_row(i + 1, phone=p) for i, p in enumerate(phones)]
    assert _checks(_book(tmp_path, rows)) == []


def test_a_phone_cell_of_words_or_a_short_number_alone_is_still_invalid():
    assert contacts.phone_problem("see email", country="EG") == "letters or symbols"
    assert contacts.phone_problem("Ahmed", country="EG") == "letters or symbols"
    assert contacts.phone_problem("O1001234567", country="EG") == "letters or symbols"
    assert contacts.phone_problem("12345/8", country="EG") == "too few digits"
    assert contacts.phone_problem("01001234567/12345", country="EG") == "too few digits"
    assert contacts.phone_problem("0100123456/7", country="EG") == \
        "an Egyptian mobile has 11 digits (01x xxxx xxxx)"
    # the shorthand's second number is the first with its last digits replaced
    assert contacts.phone_keys("01001234567/8") == {"001234567", "001234568"}
    # two numbers with only a dash or spaces between them: each judged and compared; where
    # no gap parts them into two plausible numbers, the whole is still too long
    assert contacts.phone_problem("01001234567-01112345678", country="EG") is None
    assert contacts.phone_problem("0100 123 4567 0111 234 5678", country="EG") is None
    assert contacts.phone_problem("02 2345 6789 02 2345 6790", country="EG") is None
    assert contacts.phone_keys("01001234567-01112345678") == {"001234567", "112345678"}
    assert contacts.phone_problem("0100123456701112345678", country="EG") == "too many digits"
    assert contacts.phone_problem("01001234567-0111234567", country="EG") == "too many digits"
    assert contacts.phone_problem("00201001234567", country="EG") is None  # one number


def test_emails_separated_by_the_arabic_semicolon_are_valid(tmp_path):
    rows = [_row(1, email="ap@amber.com؛ finance@amber.com"),
            _row(2, email="AP@BIRCH.COM ؛ ar@birch.com")]
    assert _checks(_book(tmp_path, rows)) == []


def test_a_limit_typed_in_another_currency_than_the_customers_is_said_at_its_cell(tmp_path):
    rows = [_row(1, limit="USD 10,000"), _row(2, limit="$10,000"),
            _row(3, currency="USD", limit="10,000 ج.م"), _row(4, currency="USD", limit="$10,000"),
            _row(5, limit="50,000 EGP"), _row(6, limit="٥٠ ألف ج.م"), _row(7, limit=40000)]
    invoices = [["Invoice No", "Customer ID", "Invoice Date", "Due Date", "Amount"],
                ["I1", "C01", date(2026, 10, 1), date(2026, 10, 31), 20000]]
    book = _book(tmp_path, rows, Invoices=invoices)
    said = [(i.cell, i.message) for i in book.issues if "is billed in" in i.message]
    assert said == [
        ("I2", "'USD 10,000' is a limit in USD, but customer C01 is billed in EGP: Credit "
               "Status compares USD 10,000.00 with what it owes converted at the Policy's "
               "exchange rates"),
        ("I3", "'$10,000' is a limit in USD, but customer C02 is billed in EGP: Credit Status "
               "compares USD 10,000.00 with what it owes converted at the Policy's exchange "
               "rates"),
        ("I4", "'10,000 ج.م' is a limit in EGP, but customer C03 is billed in USD: Credit "
               "Status compares EGP 10,000.00 with what it owes converted at the Policy's "
               "exchange rates")]
    assert arabic_message(said[0][1]) == (
        "'USD 10,000' حد بعملة USD، لكن العميل C01 يُفوتر بعملة EGP: تقارن حالة الائتمان USD "
        "10,000.00 بالمستحق عليه محوّلاً بأسعار الصرف في السياسة")
    status = run_credit(book, JobOptions(as_of=AS_OF)).tabs[0].frame.set_index("Customer ID")
    # as typed, in USD: EGP 20,000 owed and no rate, so not compared (before: 200 %, Over
    # Limit, as if the limit were EGP 10,000)
    assert status.loc["C01", ["Credit Limit", "Over Limit", "Status"]].tolist() == [
        10000.0, False, "OK"]


def test_a_tax_id_cell_saying_the_customer_has_none_is_no_wrong_or_missing_number(tmp_path):
    # a person, a consumer, a business not registered for VAT: nothing to fix; a number
    # awaited ("Pending", "تحت التسجيل") or "بدون" (without) is missing
    names = ["Amber", "Birch", "Cedar", "Dune", "Elm", "Fern", "Grove", "Heath", "Iris",
             "Jade", "Kite", "Lark", "Maple", "Nova", "Oak", "Pine", "Quartz", "Reed", "Sage",
             "Teak", "Onyx", "Vale", "Willow", "Yarrow", "Zinc", "Aspen", "Brook", "Cliff",
             "Delta", "Flint", "Glen", "Holly", "Ivy", "Juniper", "Kelp", "Lotus"]
    stated = [("Individual", "Egypt", "EGP"), ("فرد", "Egypt", "EGP"), ("أفراد", "Egypt", "EGP"),
              ("مستهلك نهائي", "Egypt", "EGP"), ("معفى", "Egypt", "EGP"),
              ("Not registered", "Saudi Arabia", "SAR"), ("غير مسجل", "Saudi Arabia", "SAR"),
              ("Non-VAT", "UAE", "AED"), ("Unregistered", "UAE", "AED"),
              ("individual", "Egypt", "EGP")]
    missing = ["Pending", "تحت التسجيل", "بدون"]
    rows = []
    for i, name in enumerate(names):
        if i < len(stated):
            tax, country, currency = stated[i]
        elif i < len(stated) + len(missing):
            tax, country, currency = missing[i - len(stated)], "Egypt", "EGP"
        else:
            tax, country, currency = f"{100 + i}-{200 + i}-{300 + i}", "Egypt", "EGP"
        rows.append([f"C{i + 1:02d}", f"{name} Supplies", tax, f"ap@{name.lower()}.com",
                     f"0100123{4000 + i}", country, currency, 30, 50000, "Active"])
    assert _checks(_book(tmp_path, rows)) == [
        ("C11", "C12", "MISSING_TAX_ID", "Warning"), ("C12", "C13", "MISSING_TAX_ID", "Warning"),
        ("C13", "C14", "MISSING_TAX_ID", "Warning")]


def test_a_name_shortened_to_fit_an_old_systems_field_is_the_same_company(tmp_path):
    rows = [_row(1, name="Misr Food Industries S.A.E."), _row(2, name="MISR FOOD IND."),
            _row(3, name="Delta Trading & Contracting"), _row(4, name="Delta Trdg & Contr. Co."),
            _row(5, name="Nile International Import & Export"),
            _row(6, name="Nile Intl Imp. & Exp."), _row(7, name="Cairo Food Industries"),
            _row(8, name="Cairo Steel Ind.")]
    assert _checks(_book(tmp_path, rows)) == [
        ("C01", "B2", "POSSIBLE_DUPLICATE", "Warning"), ("C02", "B3", "POSSIBLE_DUPLICATE", "Warning"),
        ("C03", "B4", "POSSIBLE_DUPLICATE", "Warning"), ("C04", "B5", "POSSIBLE_DUPLICATE", "Warning"),
        ("C05", "B6", "POSSIBLE_DUPLICATE", "Warning"), ("C06", "B7", "POSSIBLE_DUPLICATE", "Warning")]


def test_a_credit_request_never_suggests_a_negative_limit(tmp_path):
    # -5,000 typed as the limit is an input error (INVALID_CREDIT_LIMIT): no limit in Credit
    # Status; a declined request kept "the current limit", suggesting -5,000.00
    rows = [_row(1, limit=-5000), _row(2, limit="(5,000)")]
    rows[0][9] = "Hold"
    requests = [["Customer ID", "Requested Limit", "Reason"], ["C01", 20000, "growth"],
                ["C02", 20000, "growth"]]
    invoices = [["Invoice No", "Customer ID", "Invoice Date", "Due Date", "Amount"]]
    book = _book(tmp_path, rows, Invoices=invoices, **{"Credit Requests": requests})
    tabs = {t.name: t.frame for t in run_credit(book, JobOptions(as_of=AS_OF)).tabs}
    review = tabs["Credit Requests Review"].set_index("Customer ID")
    assert review.loc["C01", "Recommendation"] == "Decline"
    assert review.loc["C01", "Current Limit"] == -5000.0  # as typed, as in Credit Status
    assert np.isnan(review.loc["C01", "Suggested Limit"])
    assert review.loc["C01", "Reasons"] == (
        "the customer is on Hold (customer is on Hold in the master); no payment history yet; "
        "0% of what it owes is overdue (after credits on account); the current limit -5,000.00 is negative: not used "
        "(see Customer Checks); exposure 0.00; 0% of the requested limit")
    assert review.loc["C02", ["Recommendation", "Suggested Limit", "Increase"]].tolist() == [
        "Refer", 20000.0, 20000.0]


def test_transliterated_compound_and_given_names_are_one_name(tmp_path):
    rows = [_row(1, name="Abdel Aziz Trading"), _row(2, name="Abd El Aziz Trading"),
            _row(3, name="Abdelaziz Trading"), _row(4, name="Mohamed Hassan Stores"),
            _row(5, name="Muhammad Hasan Stores"), _row(6, name="Mostafa Kamel Motors"),
            _row(7, name="Mustafa Kamel Motors"), _row(8, name="Abou Bakr Sweets"),
            _row(9, name="Abu Bakr Sweets"), _row(10, name="Abdel Rahman Motors"),
            _row(11, name="El Abd Sweets")]
    assert _checks(_book(tmp_path, rows)) == [
        (f"C{i:02d}", f"B{i + 1}", "POSSIBLE_DUPLICATE", "Warning") for i in range(1, 10)]


def test_a_commercial_register_number_in_the_tax_column_is_said_so(tmp_path):
    rows = [_row(i) for i in range(1, 13)]
    rows[0][2] = "س.ت 123456789"  # nine digits, but the clerk says it is the CR's number
    rows[1][2] = "سجل تجاري 98765"
    rows[2][2], rows[2][4:7] = "1010123456", ["0501234567", "Saudi Arabia", "SAR"]
    rows[3][2], rows[3][4:7] = "C.R. 4030123456", ["0551234567", "Saudi Arabia", "SAR"]
    frame = run_validate(_book(tmp_path, rows), JobOptions(as_of=AS_OF)).tabs[0].frame
    assert [(r["Customer ID"], r["Cell"], r["Code"], r["Severity"]) for _, r in
            frame.iterrows()] == [(f"C0{i}", f"C{i + 1}", "INVALID_TAX_ID", "Warning")
                                  for i in range(1, 5)]
    cr = "(a commercial register number (س.ت / CR), not the tax registration number)"
    assert [cr in m for m in frame["Message"]] == [True, True, False, True]
    assert "(a Saudi VAT number has 15 digits, starting and ending with 3; this one has the " \
           "shape of a commercial registration (CR) number)" in frame["Message"][2]
    for reason in (contacts.CR_LABELLED, contacts.SAUDI_CR_SHAPE):  # worded in Arabic too
        arabic = message("INVALID_TAX_ID", True, value="x", id="C01", cell="C2", reason=reason)
        assert REASONS[reason][1] in arabic and "commercial" not in arabic


def test_a_customers_further_contact_line_is_read_into_it_not_a_duplicate_id(tmp_path):
    """A hand-kept master keeps a second phone or email on the line under the customer, its
    ID and name merged down beside it (or the ID typed again): one customer, not two."""
    blank = [None] * 5
    rows = [_row(1),
            _row(2), ["C02", None, None, "b@cedar.com", "01001234599", *blank],  # merged
            _row(3), ["C03", None, None, None, "0223456789", *blank],  # the ID typed again
            _row(4), ["C04", "Other Name Co", None, None, "0223456780", *blank],  # another
            _row(5), ["C05", None, None, None, "0223456781", None, None, None, 9000, None],
            _row(6), _row(7, cid="C06", name="Grove Trading Branch 2")]
    invoices = [["Invoice No", "Customer ID", "Invoice Date", "Due Date", "Amount"],
                ["I1", "C02", date(2026, 10, 1), date(2026, 10, 31), 20000]]
    merges = {"Customers": ["A3:A4", "B3:B4", "C3:C4", "F3:F4", "G3:G4", "H3:H4", "I3:I4",
                            "J3:J4"]}
    book = read_book(save_sheets(tmp_path / "master.xlsx", {"Customers": [HEAD, *rows],
                                                            "Invoices": invoices},
                                 merges=merges))
    customers = book.customers.set_index("Customer ID")
    assert customers.loc["C02", ["Phone", "Email", "Credit Limit"]].tolist() == [
        "01001234002 / 01001234599", "ap@cedar.com; b@cedar.com", 50000.0]
    assert customers.loc["C03", "Phone"] == "01001234003 / 0223456789"
    said = [(i.cell, i.message) for i in book.issues if "further contact" in i.message]
    # (the name left blank on C03's line is C03's: no "required but blank"; on C05's own
    # record line it is said)
    assert [i.cell for i in book.issues if "required but blank" in i.message] == ["B10"]
    assert said == [
        ("A4", "row 4 repeats customer C02 of row 3 with only a further contact (email "
               "b@cedar.com, phone 01001234599): read as one customer, the contact added to "
               "row 3's"),
        ("A6", "row 6 repeats customer C03 of row 5 with only a further contact (phone "
               "0223456789): read as one customer, the contact added to row 5's")]
    assert arabic_message(said[1][1]) == (
        "الصف 6 يكرر العميل C03 من الصف 5 بجهة اتصال إضافية فقط (phone 0223456789): قُرئ "
        "عميلاً واحداً وأُضيفت جهة الاتصال إلى الصف 5")
    # another name, a limit of its own, or the same ID further down: two records on one ID
    assert _checks(book) == [
        ("C04", "A7", "DUPLICATE_ID", "Error"), ("C04", "A8", "DUPLICATE_ID", "Error"),
        ("C05", "A9", "DUPLICATE_ID", "Error"), ("C05", "B10", "MISSING_NAME", "Error"),
        ("C05", "A10", "DUPLICATE_ID", "Error"),
        ("C06", "A11", "DUPLICATE_ID", "Error"), ("C06", "A12", "DUPLICATE_ID", "Error")]
    status = run_credit(book, JobOptions(as_of=AS_OF)).tabs[0].frame
    assert status["Customer ID"].tolist().count("C02") == 1


def test_a_bad_contact_on_a_further_line_is_said_at_the_cell_it_was_typed_in(tmp_path):
    """A further contact line's phone or email that is no phone or email: the finding names
    that line's cell and what was typed there, not the customer's first row cell holding
    both contacts (where the first ones are fine)."""
    blank = [None] * 5
    rows = [_row(1),
            _row(2), ["C02", None, None, "b@cedar", "555-12", *blank],  # the ID typed again
            _row(3, phone="0100"), ["C03", None, None, None, "0223456789", *blank]]
    book = _book(tmp_path, rows)
    assert book.customers.set_index("Customer ID").loc["C02", "Phone"] == \
        "01001234002 / 555-12"
    frame = run_validate(book, JobOptions(as_of=AS_OF)).tabs[0].frame
    assert [(r["Customer ID"], r["Row"], r["Cell"], r["Code"], r["Value"])
            for _, r in frame.iterrows()] == [
        ("C02", 4, "D4", "INVALID_EMAIL", "b@cedar"),
        ("C02", 4, "E4", "INVALID_PHONE", "555-12"),
        ("C03", 5, "E5", "INVALID_PHONE", "0100")]  # the customer's own number, its own cell
    assert "'555-12'" in frame["Message"].iloc[1] and "(E4)" in frame["Message"].iloc[1]


def test_a_limit_cell_merged_over_several_customers_is_said(tmp_path):
    rows = [_row(1), _row(2, limit=70000), _row(3, limit=None), _row(4, limit=None),
            _row(5, limit=None), _row(6, limit=20000), _row(7, limit=None)]
    rows[5][4] = None  # (C06's own line, its ID merged with its further contact below)
    rows[6][0:3] = [None, None, None]
    book = read_book(save_sheets(tmp_path / "master.xlsx", {"Customers": [HEAD, *rows]},
                                 merges={"Customers": ["I3:I5", "A7:A8", "I7:I8"]}))
    said = [(i.cell, i.message) for i in book.issues if "merged" in i.message]
    assert said == [("I3:I5", "one credit limit cell (70,000.00) is merged over customers C02, "
                              "C03, C04 (rows 3-5): read as each one's limit; type each "
                              "customer's own limit in its row")]
    limits = book.customers.set_index("Customer ID")["Credit Limit"]
    assert limits[["C02", "C03", "C04", "C05", "C06"]].tolist()[:3] == [70000.0] * 3
    assert limits["C06"] == 20000.0 and np.isnan(limits["C05"])
    assert arabic_message(said[0][1]) == (
        "خلية حد ائتمان واحدة (70,000.00) مدمجة على العملاء C02, C03, C04 (الصفوف 3-5): "
        "قُرئت حداً لكل منهم؛ اكتب حد كل عميل في صفه")


def test_a_further_contact_line_with_its_contact_person_and_mobile_columns(tmp_path):
    head = ["Customer ID", "Name", "Contact Person", "Phone", "Mobile", "Email",
            "Salesman Contact", "Currency", "Payment Terms", "Credit Limit"]
    rows = [["C01", "Birch Trading", "Mona", "0223456782", "01001234562", "a@birch.com", "Ali",
             "EGP", 30, 60000],
            [None, None, "Sami", None, "01001234599", "sami@birch.com", None, None, None, None],
            ["C02", "Cedar Trading", "Omar", "0223456783", "01001234563", "a@cedar.com", "Ali",
             "EGP", 30, 70000],
            ["C02", None, None, None, "01001234598", None, "Hany", None, None, None]]
    book = read_book(save_sheets(tmp_path / "master.xlsx", {"Customers": [head, *rows]},
                                 merges={"Customers": ["A2:A3", "B2:B3"]}))
    customers = book.customers
    assert customers["Customer ID"].tolist() == ["C01", "C02", "C02"]
    assert customers.iloc[0][["Contact Person", "Mobile", "Email"]].tolist() == [
        "Mona / Sami", "01001234562 / 01001234599", "a@birch.com; sami@birch.com"]
    raw = book.tables["Customers"].raw  # (the cells as the checks read them, alike)
    assert raw.iloc[0][["Mobile", "Email"]].tolist() == [
        "01001234562 / 01001234599", "a@birch.com; sami@birch.com"]
    assert [i.message for i in book.issues if "further contact" in i.message] == [
        "row 3 repeats customer C01 of row 2 with only a further contact (Contact Person "
        "Sami, Mobile 01001234599, email sami@birch.com): read as one customer, the contact "
        "added to row 2's"]  # (another salesman on C02's line: a record of its own)
