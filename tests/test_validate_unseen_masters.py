"""`validate` on customer masters as ERPs export them and clerks keep them, built the way
they arrive (SAP's KNA1/KNB1/KNVV columns, Business Central's list, QuickBooks Desktop's
customer list with its jobs, Sage 50's codes, Tally's outlet ledgers, Odoo in Arabic, a Gulf
master with Bahraini and Omani VAT numbers). A legitimate master gives no finding; each
planted problem is named at its cell."""

from __future__ import annotations

from datetime import date

import pandas as pd

from ar_excel.core.customers.checks import run_checks
from ar_excel.io.reader import read_book
from ar_excel.jobs import JobOptions
from ar_excel.jobs.validate import JOB
from tests._workbooks import save_sheets


def _run(tmp_path, sheets, name="master.xlsx"):
    book = read_book(save_sheets(tmp_path / name, sheets))
    result = JOB.run(book, JobOptions(as_of=date(2026, 11, 20)))
    return book, result.tabs[0].frame


def checks(tmp_path, sheets, **kw):
    """(Customer ID, Code, Cell) of every finding, in the tab's order."""
    _, tab = _run(tmp_path, sheets, **kw)
    return [(r["Customer ID"], r["Code"], r["Cell"]) for _, r in tab.iterrows()]


SAP_HEAD = ["Customer", "Name 1", "Name 2", "Country", "City", "Telephone 1", "Tax Number 1",
            "VAT Registration No.", "Terms of Payment", "Currency", "Credit Limit",
            "Central Posting Block", "Deletion Flag"]
SAP = [
    ["0000100001", "Nile Foods Industries S.A.E.", "", "EG", "Cairo", "+20 2 2574 1100",
     "204331876", "", "NT30", "EGP", 500000, "", ""],
    ["0000100002", "Delta Packaging Co.", "", "EG", "Alexandria", "03 4591234", "311422987", "",
     "NT45", "EGP", 250000, "", ""],
    ["0000100003", "Al Rajhi Building Materials", "", "SA", "Riyadh", "+966 11 465 2200", "",
     "300012345600003", "NT60", "SAR", 750000, "", ""],
    # Name 2 names the branch: the company's Alexandria account shares its tax number
    ["0000100005", "Nile Foods Industries SAE", "Alex Branch", "EG", "Alexandria",
     "+20 3 4251100", "204331876", "", "NT30", "EGP", 100000, "", ""],
    ["0000100006", "Bahrain Trading Co. W.L.L.", "", "BH", "Manama", "+973 1721 3344", "",
     "220018945400002", "NT30", "BHD", 50000, "", ""],
    ["0000100007", "Muscat Supplies LLC", "", "OM", "Muscat", "+968 2470 1234", "",
     "OM1100006083", "NT30", "OMR", 40000, "", ""],
    # marked for deletion: the retired record of a customer, kept for its history
    ["0000100009", "Old Customer (do not use)", "", "EG", "Cairo", "", "204331876", "", "NT30",
     "EGP", 10000, "X", "X"],
    ["0000100012", "Bahrain Steel BSC", "", "BH", "Manama", "+973 1755 1234", "",
     "2200189454000", "NT30", "BHD", 20000, "", ""],
    # an Egyptian number in Tax Number 1 typed short of a digit
    ["0000100013", "Cairo Cables", "", "EG", "Cairo", "+20 2 2222 1111", "20433187", "",
     "NT30", "EGP", 80000, "", ""],
    ["0000100014", "Giza Steel", "", "EG", "Giza", "", "", "", "NT30", "EGP", 90000, "", ""],
]


def test_sap_tax_numbers_in_either_column_branches_and_deleted_records(tmp_path):
    # Tax Number 1 (STCD1) holds the Egyptian numbers, VAT Registration No. (STCEG) the
    # Gulf ones: each customer's number is found in whichever column holds it, and named at
    # that cell; the branch in Name 2 and the record marked for deletion share the company's
    # number without a finding; the retired record needs no phone.
    assert checks(tmp_path, {"Customers": [SAP_HEAD, *SAP]}) == [
        ("0000100012", "INVALID_TAX_ID", "H9"),
        ("0000100013", "INVALID_TAX_ID", "G10"),
        ("0000100014", "MISSING_TAX_ID", "H11"),
        ("0000100014", "MISSING_CONTACT", "F11"),
    ]


def test_sap_tax_messages_name_the_cell_and_the_country_rule(tmp_path):
    _, tab = _run(tmp_path, {"Customers": [SAP_HEAD, *SAP]})
    messages = dict(zip(tab["Customer ID"] + " " + tab["Code"], tab["Message"], strict=True))
    assert messages["0000100012 INVALID_TAX_ID"] == (
        "Tax ID '2200189454000' of customer 0000100012 (H9) is not a valid tax number (a "
        "Bahraini VAT account number has 15 digits, starting with 2); tax invoices would carry "
        "a wrong number.")
    assert messages["0000100013 INVALID_TAX_ID"].startswith(
        "Tax ID '20433187' of customer 0000100013 (G10) is not a valid tax number (an "
        "Egyptian tax registration number has 9 digits")


def test_sap_a_duplicate_in_tax_number_1_is_found_against_a_live_record(tmp_path):
    rows = [r[:] for r in SAP]
    rows[1][6] = "204331876"  # Delta Packaging keyed with Nile Foods' number
    found = checks(tmp_path, {"Customers": [SAP_HEAD, *rows]})
    assert ("0000100002", "DUPLICATE_TAX_ID", "G3") in found
    assert [f for f in found if f[1] == "DUPLICATE_TAX_ID"] == [
        ("0000100001", "DUPLICATE_TAX_ID", "G2"), ("0000100002", "DUPLICATE_TAX_ID", "G3"),
        ("0000100005", "DUPLICATE_TAX_ID", "G5")]


def test_sap_posting_block_holds_the_account(tmp_path):
    book, _ = _run(tmp_path, {"Customers": [SAP_HEAD, *SAP]})
    status = book.customers.set_index("Customer ID")["Status"]
    assert status["0000100009"] == "Hold" and pd.isna(status["0000100001"])


BC_HEAD = ["No.", "Name", "Phone No.", "Country/Region Code", "VAT Registration No.",
           "Payment Terms Code", "Currency Code", "Credit Limit (LCY)", "Blocked"]


def test_a_vat_number_with_its_country_letters_is_the_same_number(tmp_path):
    # Business Central and Odoo keep "EG204331876" / "AE1002..." where a clerk typed the bare
    # number on another record: one company's number on two customers
    rows = [
        ["C00010", "Adatum Corporation", "+20 100 123 4567", "EG", "EG204331876", "30 DAYS", "",
         500000, ""],
        ["C00030", "School of Fine Art", "+966 50 123 4567", "SA", "SA300012345600003", "1M(8D)",
         "SAR", 250000, ""],
        ["C00040", "Alpine Ski House", "+971 4 555 1234", "AE", "AE100234567800003", "CM", "AED",
         0, "Invoice"],
        ["C00050", "Relecloud", "+971 50 999 8877", "AE", "100234567800003", "30 DAYS", "AED",
         300000, ""],
        # (a blank Currency Code is Business Central's local currency)
        ["C00070", "Fabrikam Inc.", "+20 2 3333 4444", "EG", "204-331-876", "30 DAYS", "",
         20000, ""],
    ]
    assert checks(tmp_path, {"Customers": [BC_HEAD, *rows]}) == [
        ("C00010", "DUPLICATE_TAX_ID", "E2"), ("C00040", "DUPLICATE_TAX_ID", "E4"),
        ("C00050", "DUPLICATE_TAX_ID", "E5"), ("C00070", "DUPLICATE_TAX_ID", "E6")]


QB = [
    [None, "Customer Contact List"], [None, "Sahara Trading"], [None, "November 20, 2026"], [],
    [None, "Customer", "Balance Total", "Company", "Main Phone", "Main Email", "Terms",
     "Credit Limit", "Active Status"],
    [None, "Acme Supplies", 1500.0, "Acme Supplies LLC", "(212) 555-0100",
     "billing@acmesupplies.com", "Net 30", 25000, "Active"],
    [None, "Cool Cars", 3500.0, "Cool Cars", "(415) 555-9876", "cc@coolcars.com",
     "1% 10 Net 30", 10000, "Active"],
    [None, "Cool Cars:Service Dept", 200.0, "Cool Cars", "(415) 555-9876",
     "service@coolcars.com", "1% 10 Net 30", None, "Active"],
    [None, "Diego's Deli", 0, "", "555-0199", "diego@deli.com", "Net 15", 2000, "Active"],
    [None, "Freeman Sporting Goods", 0, "Freeman Sporting Goods", "(650) 555-0987",
     "jeff@freeman.com", "Net 30", 15000, "Active"],
    [None, "Freeman Sporting Goods:0969 Ocean View Road", 0, "Freeman Sporting Goods",
     "(650) 555-0987", "", "Net 30", None, "Active"],
    [None, "Freman Sporting Goods", 0, "Freman Sporting Goods", "(650) 555-0987",
     "jeff@freeman.com", "Net 30", 5000, "Active"],
    [None, "TOTAL", 5200.0],
]


def test_quickbooks_jobs_are_no_duplicates_and_a_person_needs_no_company(tmp_path):
    # a job ("Customer:Job") shares its customer's name and phone on purpose, and a person or
    # sole trader leaves Company blank: named by the Customer column. The customer keyed
    # again with a typo is still found, against the customer and not its job.
    assert checks(tmp_path, {"Sheet1": QB}) == [
        ("Freeman Sporting Goods", "POSSIBLE_DUPLICATE", "D10"),
        ("Freman Sporting Goods", "POSSIBLE_DUPLICATE", "D12"),
    ]
    _, tab = _run(tmp_path, {"Sheet1": QB}, name="again.xlsx")
    freman = tab[tab["Customer ID"] == "Freman Sporting Goods"]["Message"].iat[0]
    assert "Freeman Sporting Goods 'Freeman Sporting Goods' (row 10)" in freman


SAGE_HEAD = ["A/C", "Name", "Balance", "Credit Limit", "Contact name", "Telephone", "E-mail",
             "VAT Reg. No.", "Payment Due Days", "Settlement Discount", "Account Status"]
SAGE = [
    ["ABS001", "ABS Garages Ltd", 2905.83, 5000, "Mike Hall", "01987 234567",
     "mike@absgarages.co.uk", "GB 123 4567 89", 30, 0, "0 Open"],
    ["COM001", "Compton Packaging", 1250.0, 10000, "Sue Compton", "", "", "GB987654321", 60,
     2.5, "3 Closed"],
    ["KIN001", "Kinghorn & French", 8000, 7500, "Ms French", "01632 960 222",
     "kf@kingfrench.com", "GB555666777", 30, 0, "1 See Notes"],
    ["MID001", "Midland Motors", 350, 50000, "Jon Midland", "0121 496 0000",
     "jon@midlandmotors.co.uk", "GB444333222", 14, 12.5, "0 Open"],
    ["STE001", "Steven Stephenson", 0, 0, "", "07700 900123", "", "GB111222333", 30, 0,
     "2 On Hold"],
]


def test_sage_status_codes_due_days_and_settlement_discount(tmp_path):
    book, tab = _run(tmp_path, {"Customers": [SAGE_HEAD, *SAGE]})
    status = book.customers.set_index("Customer ID")["Status"].to_dict()
    assert status == {"ABS001": "Active", "COM001": "Closed", "KIN001": "Active",
                      "MID001": "Active", "STE001": "Hold"}
    assert [i for i in book.issues if i.sheet == "Customers"] == []
    assert [(r["Customer ID"], r["Code"], r["Cell"]) for _, r in tab.iterrows()] == [
        ("MID001", "UNUSUAL_TERMS", "I5"), ("MID001", "DISCOUNT_ABOVE_POLICY", "J5")]
    assert book.customers.set_index("Customer ID")["Payment Terms"]["COM001"] == 60


GULF_HEAD = ["Customer Code / كود العميل", "Customer Name / اسم العميل",
             "VAT No / الرقم الضريبي", "Country / الدولة", "Mobile / الجوال", "Email",
             "Currency", "Credit Limit / حد الائتمان", "Terms / شروط الدفع", "Status"]
GULF = [
    ["G-101", "Al Othaim Markets", "300055566600003", "KSA", "0551234567", "ap@othaim.com",
     "SAR", "1,000,000", "Net 30", "Active"],
    ["G-105", "Lulu Bahrain", "200000898300002", "Bahrain", "+973 1756 0000", "ap@lulu.bh",
     "BHD", "50K", "PDC 90", "Active"],
    ["G-106", "Al Meera Qatar", "", "Qatar", "+974 4011 9111", "ap@almeera.qa", "QAR", "200K",
     "CDC", "Active"],
    ["G-107", "Sultan Center Oman", "OM1100002920", "Oman", "+968 9988 7766", "ap@sultan.om",
     "OMR", "25K", "2/10 net 30", "Active"],
    ["G-108", "Sultan Center Kuwait", "", "Kuwait", "+965 9988 7766", "ap@sultan.com.kw",
     "KWD", "٥٠٬٠٠٠", "30 يوم", "Active"],
    ["G-110", "Gulf Walk-in", "", "UAE", "", "", "AED", "", "CIA", "Active"],
    ["G-111", "Bahrain Duty Free", "2000008983", "Bahrain", "+973 1772 8989", "ap@bdf.bh",
     "BHD", "20,000", "Net 45", "Active"],
    ["G-112", "Omantel", "1100006083", "Oman", "+968 2463 1111", "ap@omantel.om", "OMR",
     "40,000", "Net 60", "Active"],
    ["G-113", "Nesto Oman", "OM 110 000 6999", "سلطنة عمان", "+968 2412 3456", "ap@nesto.om",
     "OMR", "30,000", "Net 30", "Active"],
    ["G-115", "Oman Oasis Trading", "OM11000050", "Oman", "+968 2412 0000", "ap@oasis.om",
     "OMR", "25,000", "Net 30", "Active"],
    ["G-116", "Manama Clinic", "BH200000412340002", "", "+973 3344 5566", "ap@clinic.bh",
     "BHD", "15,000", "Net 30", "Active"],
    ["G-117", "Seef Traders", "", "Bahrain", "+973 1700 2222", "ap@seef.bh", "BHD", "10,000",
     "Net 30", "Active"],
]


def test_bahraini_and_omani_vat_numbers_in_a_gulf_master(tmp_path):
    # Bahrain: a 15-digit VAT account number starting with 2; Oman: the VATIN, OM and 10
    # digits (the OM may be left out, spaces typed in); Qatar and Kuwait have no VAT. The
    # cash customer paying in advance needs neither tax number nor contact.
    assert checks(tmp_path, {"Customers": [GULF_HEAD, *GULF]}) == [
        ("G-111", "INVALID_TAX_ID", "C8"),
        ("G-115", "INVALID_TAX_ID", "C11"),
        ("G-117", "MISSING_TAX_ID", "C13"),
    ]


def test_bahraini_and_omani_reasons_in_arabic(tmp_path):
    book = read_book(save_sheets(tmp_path / "m.xlsx", {"العملاء": [GULF_HEAD, *GULF]}))
    found = run_checks(book.table("Customers"), book.policy, date(2026, 11, 20), arabic=True)
    bad = {f.customer_id: f.message for f in found if f.code == "INVALID_TAX_ID"}
    assert "رقم حساب ضريبة القيمة المضافة البحريني 15 رقماً يبدأ بالرقم 2" in bad["G-111"]
    assert "الرقم الضريبي العماني OM ثم 10 أرقام (OM1100006083)" in bad["G-115"]
    assert "(C8)" in bad["G-111"] and "(C11)" in bad["G-115"]


def test_a_saudi_cr_number_in_the_vat_column_is_no_omani_vatin(tmp_path):
    # a SAR customer without a Country: any Gulf format will do, but ten bare digits are
    # Oman's only with their OM (a Saudi CR number has ten digits too)
    head = ["Customer ID", "Name", "VAT Number", "Currency", "Phone"]
    rows = [["SA1", "Nujoom Al Sharq Est.", "1010456789", "SAR", "0551112223"],
            ["SA2", "Muscat Branch Co", "OM1100006083", "SAR", "0551112224"],
            ["SA3", "Oman Rial Customer", "1100011333", "OMR", "+968 2400 1111"]]
    assert checks(tmp_path, {"Customers": [head, *rows]}) == [("SA1", "INVALID_TAX_ID", "C2")]


TALLY = [
    ["Sahara Trading LLC"], ["List of Ledgers (Sundry Debtors)"],
    ["Name of Ledger", "Under", "Mailing Name", "Address", "Country", "Phone No.", "E-mail", "TRN",
     "Credit Period", "Credit Limit"],
    ["Al Maya Supermarket", "Sundry Debtors", "Al Maya Group LLC", "Bur Dubai",
     "United Arab Emirates", "04-3977700", "accounts@almaya.ae", "100234567800003", "30 Days",
     "1,00,000.00"],
    ["Lulu Hypermarket - Al Barsha", "Sundry Debtors", "Lulu Hypermarket LLC",
     "Al Barsha, Dubai", "United Arab Emirates", "04-3419000", "ap@lulu.ae", "100345678900003",
     "60 Days", "5,00,000.00"],
    ["Lulu Hypermarket - Karama", "Sundry Debtors", "Lulu Hypermarket LLC", "Karama, Dubai",
     "United Arab Emirates", "04-3370000", "ap@lulu.ae", "100345678900003", "60 Days",
     "5,00,000.00"],
    ["Nesto Sharjah", "Sundry Debtors", "", "Sharjah", "United Arab Emirates", "06-5551234",
     "ap@nesto.ae", "100456789000003", "45 Days", "50,000.00"],
    ["Cash Customer", "Sundry Debtors", "", "", "", "", "", "", "", ""],
    ["Grand Total"],
]


def test_outlets_named_by_their_place_share_the_companys_trn(tmp_path):
    # Tally keeps a ledger per outlet, "Lulu Hypermarket - Al Barsha" at Al Barsha: branches
    # of one company, one TRN by law; the shop's cash ledger needs no TRN or contact
    assert checks(tmp_path, {"Ledgers": TALLY}) == []


def test_two_names_on_one_trn_not_named_by_their_place_are_still_reported(tmp_path):
    rows = [r[:] for r in TALLY]
    rows[6] = [*rows[6][:7], "100345678900003", *rows[6][8:]]  # Nesto keyed with Lulu's TRN
    rows[5][3] = "Deira"  # the Karama outlet's address no longer names Karama
    found = checks(tmp_path, {"Ledgers": rows})
    assert [f[1] for f in found].count("POSSIBLE_DUPLICATE") == 2  # the two Lulu outlets
    assert [f for f in found if f[1] == "DUPLICATE_TAX_ID"] == [
        ("Lulu Hypermarket - Al Barsha", "DUPLICATE_TAX_ID", "H5"),
        ("Lulu Hypermarket - Karama", "DUPLICATE_TAX_ID", "H6"),
        ("Nesto Sharjah", "DUPLICATE_TAX_ID", "H7")]


def test_closed_and_walk_in_records_need_no_contact_but_a_credit_customer_does(tmp_path):
    head = ["Customer Number", "Customer Name", "Account Status", "Tax Registration Number",
            "Payment Terms", "Credit Limit", "Currency Code", "Primary Phone", "Email Address"]
    rows = [
        ["1001", "ARAB CONTRACTORS CO", "Active", "100-200-300", "30 NET", 1000000, "EGP",
         "02-25761234", "ap@arabcont.com"],
        ["1002", "ORASCOM CONSTRUCTION", "Active", "200-300-400", "45 NET", 2000000, "EGP",
         "02 2461 1111", "finance@orascom.com"],
        ["1003", "MISR INSURANCE", "Inactive", "", "30 NET", 0, "EGP", "", ""],
        ["1004", "Walk-in Customer", "Active", "", "", 0, "EGP", "", ""],
        ["1005", "عميل نقدي", "Active", "", "", "", "EGP", "", ""],
        ["1006", "EL SEWEDY ELECTRIC", "Active", "600700800", "30 NET", 800000, "EGP", "", ""],
        ["1007", "TALAAT MOUSTAFA GROUP", "Active", "500600700", "60 NET", 5000000, "EGP",
         "02 2345 6789", "ar@tmg.com.eg"],
        ["1008", "GB AUTO", "Active", "700800900", "30 NET", 300000, "EGP", "02 3539 1111",
         "ap@ghabbour.com"],
        ["1009", "JUHAYNA FOOD", "Active", "800900100", "30 NET", 400000, "EGP", "02 3827 1111",
         "ap@juhayna.com"],
        ["1010", "EDITA FOOD", "Active", "900100200", "30 NET", 350000, "EGP", "02 3851 1111",
         "ap@edita.com.eg"],
        ["1011", "CAIRO POULTRY", "Active", "", "30 NET", 250000, "EGP", "02 3539 2222",
         "ap@cpg.com.eg"],
        ["1012", "IBNSINA PHARMA", "Active", "110220330", "30 NET", 600000, "EGP", "02 2222 3333",
         "ap@ibnsina-pharma.com"],
        ["1013", "EFG HERMES", "Active", "220330440", "30 NET", 900000, "EGP", "02 3535 6000",
         "ap@efg-hermes.com"],
        ["1014", "SODIC", "Active", "330440550", "45 NET", 1200000, "EGP", "02 3827 0300",
         "ap@sodic.com"],
        ["1015", "PALM HILLS", "Active", "440550660", "45 NET", 1500000, "EGP", "02 3535 1200",
         "ap@palmhills.com"],
    ]
    assert checks(tmp_path, {"Customers": [head, *rows]}) == [
        ("1006", "MISSING_CONTACT", "I7"),
        ("1011", "MISSING_TAX_ID", "D12"),
    ]


def test_an_odoo_export_in_arabic_is_read_as_the_customer_list(tmp_path):
    head = ["الاسم المعروض", "المرجع", "معرف الضريبة", "البريد الإلكتروني", "الهاتف", "الدولة",
            "شروط السداد للعميل", "الحد الائتماني", "العملة"]
    rows = [
        ["شركة الأمل للتوزيع", "CUST-001", "EG204331876", "info@alamal.com.eg", "+20 2 2222 3333",
         "مصر", "30 يوم", 200000, "EGP"],
        ["شركة البحرين للتجارة", "CUST-004", "BH220018945400002", "ap@bahtrade.bh",
         "+973 1700 1234", "البحرين", "30 يوم", 30000, "BHD"],
        ["عمان للمقاولات ش.م.م", "CUST-005", "OM1100018164", "ar@omancon.om", "+968 2400 1111",
         "عمان", "45 يوم", 25000, "OMR"],
        ["الأمل للتوزيع ش.م.م", "CUST-003", "204331876", "ar@alamal.com.eg", "01005556666",
         "مصر", "نهاية الشهر التالي", 150000, "EGP"],
    ]
    assert checks(tmp_path, {"جهات الاتصال (res.partner)": [head, *rows]}) == [
        ("CUST-001", "DUPLICATE_TAX_ID", "C2"), ("CUST-001", "POSSIBLE_DUPLICATE", "A2"),
        ("CUST-003", "DUPLICATE_TAX_ID", "C5"), ("CUST-003", "POSSIBLE_DUPLICATE", "A5")]


def test_missing_contact_names_the_sheets_own_phone_column(tmp_path):
    # the only phone column is a numbered one ("Mobile 2"): the finding names its cell, not a
    # column the sheet does not have
    head = ["Customer ID", "Name", "Mobile 2", "Payment Terms", "Credit Limit"]
    rows = [[f"C{i}", f"Customer {chr(65 + i)} Trading", f"0100{i:07d}", 30, 10000]
            for i in range(1, 10)] + [["C10", "Silent Co", "", 30, 10000]]
    assert checks(tmp_path, {"Customers": [head, *rows]}) == [("C10", "MISSING_CONTACT", "C11")]


def test_an_erpnext_customer_disabled_needs_no_contact(tmp_path):
    head = ["ID", "Customer Name", "Customer Type", "Tax ID", "Default Currency",
            "Default Payment Terms Template", "Credit Limit (Credit Limit)", "Disabled",
            "Email Id", "Mobile No"]
    rows = [[f"CUST-2026-{i:05d}", f"Customer {chr(64 + i)} Pharma", "Company",
             f"{i:03d}-331-876", "EGP", "Net 30", "300000", 0, f"ar{i}@pharma{i}.com",
             f"+2010012345{i:02d}"] for i in range(1, 9)]
    rows += [["CUST-2026-00009", "Old Pharma", "Company", "", "EGP", "Net 30", "0", 1, "", ""],
             ["CUST-2026-00010", "New Pharma", "Company", "", "EGP", "Net 30", "50000", 0, "",
              ""]]
    assert checks(tmp_path, {"Customer": [head, *rows]}) == [
        ("CUST-2026-00010", "MISSING_TAX_ID", "D11"),
        ("CUST-2026-00010", "MISSING_CONTACT", "I11")]


def test_paid_before_or_at_delivery_terms_are_zero_days(tmp_path):
    # export and Gulf trade terms: a wire in advance, cash before or against delivery, a
    # letter of credit or documents paid at sight; nothing owed after delivery
    terms = ["TT in advance", "T/T in advance", "100% advance", "Advance Payment", "CBD",
             "Cash Before Delivery", "against delivery", "COD/Cash", "L/C at sight",
             "Irrevocable L/C at sight", "D/P", "تحويل بنكي مقدم", "دفعة مقدمة",
             "نقدي عند الاستلام"]
    head = ["Customer ID", "Name", "Payment Terms", "Phone"]
    rows = [[f"X{i}", f"Importer {chr(65 + i)}", t, f"+971 4 555 {1000 + i}"]
            for i, t in enumerate(terms)]
    book, tab = _run(tmp_path, {"Customers": [head, *rows]})
    assert book.customers["Payment Terms"].tolist() == [0] * len(terms)
    assert tab.empty and [i for i in book.issues if i.sheet == "Customers"] == []


def _limits_master(limits):
    head = ["كود العميل", "اسم العميل", "حد الائتمان", "العملة", "مدة السداد"]
    return {"العملاء": [head, *[[f"R{k:03d}", f"عميل رقم {k}", limit, "EGP", "30 يوم"]
                               for k, limit in enumerate(limits)]]}


SHOPS = [10000, 15000, 20000, 25000, 30000, 50000, 75000, 100000] * 12 + \
    [200000, 300000, 500000, 800000] * 4


def test_key_accounts_far_above_the_shops_are_a_tier_not_a_zero_too_many(tmp_path):
    # a distributor's hypermarket chains at 2-10 million beside shops at 10-100 thousand
    keys = [10_000_000, 5_000_000, 3_000_000, 2_000_000, 4_000_000]
    assert checks(tmp_path, _limits_master(SHOPS + keys)) == []


def test_a_lone_limit_far_above_the_rest_is_still_a_zero_too_many(tmp_path):
    found = checks(tmp_path, _limits_master([*SHOPS, 5_000_000]))
    assert found == [("R112", "UNUSUAL_CREDIT_LIMIT", "C114")]
    # a lone limit typed in thousands is reported; three staff accounts at 150-250 are a tier
    found = checks(tmp_path, _limits_master([*SHOPS, 200]), name="b.xlsx")
    assert found == [("R112", "UNUSUAL_CREDIT_LIMIT", "C114")]
    assert checks(tmp_path, _limits_master([*SHOPS, 150, 200, 250]), name="c.xlsx") == []


def test_hotlines_and_no_phone_placeholders_in_an_egyptian_master(tmp_path):
    # Egyptian companies give their five-digit hotline; "-" and "لا يوجد" say there is none:
    # no INVALID_PHONE, and a customer with nothing but placeholders has no contact
    head = ["كود العميل", "اسم العميل", "التليفون", "البريد الإلكتروني", "الدولة"]
    rows = [["E1", "بنك مصر", "19888", "ap@banquemisr.com", "مصر"],
            ["E2", "جهينة", "16700", "-", "مصر"],
            ["E3", "فودافون مصر", "0100 123 4567", "لا يوجد", "مصر"],
            ["E4", "شركة الدلتا", "-", "-", "مصر"],
            ["E5", "شركة المنار", "لا يوجد", "ap@manar.com.eg", "مصر"],
            ["E6", "شركة الرواد", "0222 555 666", "n/a", "مصر"],
            ["E7", "شركة النصر", "0122 333 4444", "ap@nasr.com", "مصر"],
            ["E8", "شركة الفتح", "0111 222 3333", "ap@fath.com", "مصر"],
            ["E9", "شركة البدر", "0155 666 7777", "ap@badr.com", "مصر"],
            ["E10", "شركة القمر", "12345", "ap@qamar.com", "مصر"]]
    assert checks(tmp_path, {"العملاء": [head, *rows]}) == [
        ("E4", "MISSING_CONTACT", "D5"), ("E10", "INVALID_PHONE", "C11")]


def test_emails_with_a_label_beside_them_are_valid_a_broken_one_is_not(tmp_path):
    head = ["Customer ID", "Name", "Email"]
    rows = [["M1", "Alpha Trading", "ap@alpha.com (accounts)"],
            ["M2", "Beta Foods", "Email: finance@betafoods.ae"],
            ["M3", "Gamma Steel", "ap@gamma.com.eg و finance@gamma.com.eg"],
            ["M4", "Delta Misr", "ap@xn--mgbh0fb.xn--wgbh1c"],  # an Arabic domain in punycode
            ["M5", "Epsilon Co", "ap @epsilon.com"]]
    assert checks(tmp_path, {"Customers": [head, *rows]}) == [("M5", "INVALID_EMAIL", "C6")]


def test_a_blank_currency_code_is_business_centrals_local_currency(tmp_path):
    rows = [[f"C{i:05d}", f"Customer {chr(65 + i)}", f"+20 100 123 45{i:02d}", "EG",
             f"{i:03d}331876", "30 DAYS", "USD" if i else "", 50000, ""] for i in range(10)]
    assert checks(tmp_path, {"Customers": [BC_HEAD, *rows]}) == []
    head = [h.replace(" (LCY)", "").replace("Currency Code", "Currency") for h in BC_HEAD]
    assert checks(tmp_path, {"Customers": [head, *rows]}, name="hand.xlsx") == [
        ("C00000", "MISSING_CURRENCY", "G2")]


def test_statuses_as_erps_and_clerks_write_them(tmp_path):
    head = ["Customer Account Number", "Party Name", "Account Status", "Phone"]
    said = ["A", "I", "Closed account", "Do not use", "Blacklisted", "قائمة سوداء",
            "متوقف عن التعامل", "موقوف مؤقتاً", "جديد", "Active*", "Cash only"]
    rows = [[str(1000 + i), f"Customer {chr(65 + i)}", s, f"+20 2 2574 11{i:02d}"]
            for i, s in enumerate(said)]
    book, _ = _run(tmp_path, {"Customers": [head, *rows]})
    assert book.customers["Status"].tolist() == [
        "Active", "Closed", "Closed", "Closed", "Hold", "Hold", "Closed", "Hold", "Active",
        "Active", "Hold"]
    assert [i for i in book.issues if i.sheet == "Customers"] == []


def test_name_variants_of_gulf_and_egyptian_masters_are_possible_duplicates(tmp_path):
    # an Arabic compound name with and without its space, M/s. before a firm's name (Tally),
    # (Pvt) Ltd for Private Limited
    head = ["Customer ID", "Name", "Phone"]
    rows = [["T1", "مؤسسة عبد الرحمن محمد للتجارة", "0501111111"],
            ["T2", "مؤسسة عبدالرحمن محمد للتجارة", "0502222222"],
            ["T3", "M/s. Rajan Traders", "0503333333"],
            ["T4", "Rajan Traders", "0504444444"],
            ["T5", "ABC Trading (Pvt) Ltd", "0505555555"],
            ["T6", "ABC Trading Private Limited", "0506666666"],
            ["T7", "أبو بكر للمقاولات", "0507777777"],
            ["T8", "Zamil Steel", "0508888888"]]
    found = checks(tmp_path, {"Customers": [head, *rows]})
    assert found == [(f"T{i}", "POSSIBLE_DUPLICATE", f"B{i + 1}") for i in range(1, 7)]


def test_a_master_without_country_or_currency_is_judged_by_its_own_tax_ids(tmp_path):
    # a Saudi branch's hand-kept list: no Country, no Currency; most VAT numbers are Saudi,
    # so one short of five digits is wrong as a Saudi number
    head = ["رقم العميل", "اسم العميل", "الرقم الضريبي", "الجوال", "المدينة"]
    rows = [["101", "مؤسسة الراجحي للتجارة", "٣٠٠٠١٢٣٤٥٦٠٠٠٠٣", "٠٥٠١٢٣٤٥٦٧", "الرياض"],
            ["102", "شركة العثيم", "300055566600003", "0551234567", "الرياض"],
            ["103", "مطاعم البيك", "300099988800003", "0561234567", "جدة"],
            ["104", "مؤسسة الفيصل", "3000777888", "0541234567", "الرياض"],
            ["105", "شركة المراعي", "300044433300003", "0112345678", "الرياض"],
            ["106", "شركة جرير", "300033322200003", "0114445555", "الرياض"]]
    assert checks(tmp_path, {"العملاء": [head, *rows]}) == [("104", "INVALID_TAX_ID", "C5")]
    # (a master of many countries' numbers names none: nothing judged without a country)
    mixed = [r[:] for r in rows]
    for r, number in zip(mixed[1:4], ["204331876", "100234567800003", "220018945400002"],
                         strict=True):
        r[2] = number
    assert checks(tmp_path, {"العملاء": [head, *mixed]}, name="mixed.xlsx") == []


def test_a_delivery_account_billed_to_its_customer_is_no_duplicate(tmp_path):
    # Dynamics 365's Invoice account: the Alexandria account is billed to the head office
    head = ["Customer account", "Name", "Currency", "Telephone", "Email", "Terms of payment",
            "Credit limit", "Invoice account"]
    rows = [["EG-001", "Cairo Distribution SAE", "EGP", "+20 2 2574 9000", "ap@cairodist.com",
             "Net30", 2500000, ""],
            ["EG-002", "Cairo Distribution - Alexandria", "EGP", "+20 3 4251 9000",
             "alex@cairodist.com", "Net30", 0, "EG-001"],
            ["EG-003", "Cairo Distribution Co.", "EGP", "+20 2 2574 9001", "ar@cairodist.com",
             "Net30", 100000, ""]]
    assert checks(tmp_path, {"All customers": [head, *rows]}) == [
        ("EG-001", "POSSIBLE_DUPLICATE", "B2"), ("EG-003", "POSSIBLE_DUPLICATE", "B4")]


def test_limits_in_lakhs_and_crores_as_an_indian_run_tally_master_writes_them(tmp_path):
    # "1 crore" was read as 1 ("ore" taken for a currency code, "cr" for a credit mark)
    head = ["Name of Ledger", "Under", "Credit Limit", "Credit Period", "Phone No."]
    rows = [["Sharma Traders", "Sundry Debtors", "5 lakh", "30 Days", "+971 4 333 1111"],
            ["Gupta Exports", "Sundry Debtors", "1 crore", "60 Days", "+971 4 333 2222"],
            ["Patel Foods", "Sundry Debtors", "2.5 lacs", "30 Days", "+971 4 333 3333"],
            ["Rao & Sons", "Sundry Debtors", "1,00,000.00", "45 Days", "+971 4 333 4444"]]
    book, tab = _run(tmp_path, {"Ledgers": [head, *rows]})
    assert book.customers["Credit Limit"].tolist() == [500000.0, 10_000_000.0, 250000.0,
                                                       100000.0]
    assert tab.empty


def test_quickbooks_online_phone_numbers_cell_holds_two_labelled_numbers(tmp_path):
    # QuickBooks Online's contact list writes "Phone: ... Mobile: ..." in one cell, and clerks
    # put a second number on a new line: two numbers, not one too long
    head = ["Customer", "Phone Numbers", "Email"]
    rows = [["Amy's Bird Sanctuary", "Phone: (650) 555-3311 Mobile: (650) 555-1212",
             "birds@intuit.com"],
            ["Bill's Windsurf Shop", "Phone: (415) 444-6538", "surf@intuit.com"],
            ["مؤسسة النور", "0100 123 4567\n0122 345 6789", "ap@nour.com"],
            ["Cool Cars", "Phone: (415) 555-9933 Mobile: 555-12", "cars@intuit.com"]]
    assert checks(tmp_path, {"Customers": [head, *rows]}) == [
        ("Cool Cars", "INVALID_PHONE", "B5")]


def test_a_name_written_in_both_scripts_meets_its_english_or_arabic_twin(tmp_path):
    head = ["Customer Code / كود العميل", "Customer Name / اسم العميل", "Mobile / الجوال"]
    rows = [["G-201", "Al Othaim Markets - أسواق العثيم", "0551111111"],
            ["G-202", "Othaim Markets Co", "0552222222"],
            ["G-203", "Nile Foods - النيل للأغذية", "0553333333"],
            ["G-204", "شركة النيل للأغذية", "0554444444"],
            ["G-205", "Nile Motors", "0555555555"]]
    assert checks(tmp_path, {"Customers": [head, *rows]}) == [
        (f"G-20{i}", "POSSIBLE_DUPLICATE", f"B{i + 1}") for i in range(1, 5)]


def test_a_contacts_export_as_csv_is_read_as_the_customer_list(tmp_path):
    # Zoho's contacts as exported: UTF-8 with a byte-order mark, commas, a 15-digit
    # Contact ID and a code with leading zeros that Excel would have dropped
    path = tmp_path / "Contacts.csv"
    path.write_bytes("\ufeffContact ID,Display Name,Currency Code,Payment Terms,EmailID,"
                     "Phone,Tax Registration Number\n"
                     "460000000026049,Emirates Logistics LLC,AED,30,ap@emlog.ae,"
                     "+971 4 800 1234,100123456700003\n"
                     "000123,Sharjah Foods,AED,45,ap@sharjahfoods.ae,+971 6 555 1212,"
                     "10098765430003\n".encode("utf-8"))
    book = read_book(path)
    assert book.customers["Customer ID"].tolist() == ["460000000026049", "000123"]
    result = JOB.run(book, JobOptions(as_of=date(2026, 11, 20)))
    tab = result.tabs[0].frame
    assert [(r["Customer ID"], r["Code"], r["Cell"]) for _, r in tab.iterrows()] == [
        ("000123", "INVALID_TAX_ID", "G3")]


def test_an_arabic_windows_csv_with_semicolons(tmp_path):
    # a local Egyptian system's export: Windows-1256, semicolons, Arabic headers
    path = tmp_path / "عملاء.csv"
    path.write_bytes("كود العميل;اسم العميل;الرقم الضريبي;التليفون;حد الائتمان\n"
                     "C1;شركة النيل للأغذية;204-331-876;01001234567;50000\n"
                     "C2;النيل للاغذيه ش.م.م;204331876;01001234567;50000\n".encode("cp1256"))
    book = read_book(path)
    assert book.customers["Name"].tolist() == ["شركة النيل للأغذية", "النيل للاغذيه ش.م.م"]
    result = JOB.run(book, JobOptions(as_of=date(2026, 11, 20)))
    assert [(r["Customer ID"], r["Code"]) for _, r in result.tabs[0].frame.iterrows()] == [
        ("C1", "DUPLICATE_TAX_ID"), ("C1", "POSSIBLE_DUPLICATE"),
        ("C2", "DUPLICATE_TAX_ID"), ("C2", "POSSIBLE_DUPLICATE")]


def test_dynamics_gp_terms_ids_and_its_inactive_flag(tmp_path):
    # GP's "2% 10/Net 30" and the classic "2/10, n/30" are net 30 with an early discount;
    # a customer flagged Inactive needs no phone
    head = ["Customer ID", "Customer Name", "Payment Terms ID", "Credit Limit Amount", "Hold",
            "Inactive", "Phone 1"]
    rows = [["AARONFIT0001", "Aaron Fitz Electrical", "Net 30", 15000, "No", "No",
             "(312) 555-0100"],
            ["ADAMPARK0001", "Adam Park Resort", "2% 10/Net 30", 0, "No", "No", "(312) 555-0101"],
            ["ADVANCED0001", "Advanced Paging", "2/10, n/30", 0, "Yes", "No", "(312) 555-0102"],
            ["ALLENSON0001", "Allenson Properties", "Net 30", 25000, "No", "Yes", ""],
            ["AMERICAN0001", "American Electrical Contractor", "Net 30", 20000, "No", "No",
             "(312) 555-0104"]]
    book, tab = _run(tmp_path, {"Customers": [head, *rows]})
    assert book.customers["Payment Terms"].tolist() == [30] * 5
    assert tab.empty and [i for i in book.issues if i.sheet == "Customers"] == []


def test_arabic_cloud_books_exports_name_the_business_not_the_contact(tmp_path):
    # Daftra's export: الاسم التجاري (trade name) beside the contact's first and last name;
    # Qoyod's: اسم المنشأة (the establishment) beside الاسم (the contact person)
    daftra = ["رقم العميل", "الاسم التجاري", "الاسم الأول", "الاسم الأخير", "الجوال",
              "الرقم الضريبي", "حد الائتمان", "أيام الائتمان"]
    qoyod = ["كود", "اسم المنشأة", "الاسم", "رقم الجوال", "الرقم الضريبي", "الدولة",
             "الحد الائتماني", "شروط الدفع"]
    rows = [["1", "مؤسسة النور للتجارة", "أحمد", "علي", "0501234567", "300012345600003",
             "50000", "30"],
            ["2", "شركة الفجر", "خالد", "عمر", "0561234567", "300098765400003", "100000", "60"]]
    book = read_book(save_sheets(tmp_path / "daftra.xlsx", {"Sheet1": [daftra, *rows]}))
    assert book.customers["Name"].tolist() == ["مؤسسة النور للتجارة", "شركة الفجر"]
    rows = [[r[0], r[1], f"{r[2]} {r[3]}", *r[4:6], "السعودية", *r[6:]] for r in rows]
    book = read_book(save_sheets(tmp_path / "qoyod.xlsx", {"Sheet1": [qoyod, *rows]}))
    assert book.customers["Name"].tolist() == ["مؤسسة النور للتجارة", "شركة الفجر"]
    assert book.customers["Payment Terms"].tolist() == [30, 60]


def test_a_blank_name_beside_a_code_is_still_missing(tmp_path):
    head = ["Customer", "Company", "Main Phone"]
    rows = [["C001", "", "(212) 555-0100"], ["Diego's Deli", "", "(212) 555-0199"],
            ["Acme", "", "(212) 555-0111"]]
    assert checks(tmp_path, {"Customers": [head, *rows]}) == [("C001", "MISSING_NAME", "B2")]
