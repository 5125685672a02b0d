"""The invoice lists the tax authorities' portals make, read as the ledger, checked by pencil.

* Egypt's ETA portal export of issued documents (Internal ID beside the UUID; Document Type
  I / C / D; Issuance Date as an ISO timestamp in UTC; Receiver Name and Receiver ID, the
  receiver's tax registration number; Total Amount including VAT; Status Valid / Invalid /
  Rejected / Cancelled / Submitted), in English and in Arabic, with a customer master keyed
  by Customer ID whose Tax ID holds the receiver's number.
* A ZATCA (Fatoora) export from a POS: Invoice Number, Invoice Type, Issue Date, Buyer Name,
  Buyer VAT Number, Total Including VAT.

Nile (C-001): INV-101 11,400 + INV-106 2,280 (amounts typed as text) - CN-101 1,140 =
12,540; INV-103 2,280 Cancelled and INV-105 1,140 Invalid owe nothing. Delta (C-002):
INV-102 5,700 (issued 23:30 UTC on 31 October: dated 31 October) + DN-101 570 = 6,270;
INV-104 3,420 Rejected owes nothing. Total 18,810.00.
"""

from __future__ import annotations

import openpyxl

from ar_excel.cli import main

AS_OF = "2026-11-30"

CUSTOMERS = [["Customer ID", "Customer Name", "Tax ID", "Currency", "Payment Terms",
              "Credit Limit"],
             ["C-001", "Nile Foods Company S.A.E.", "123-456-789", "EGP", 30, 50000],
             ["C-002", "Delta Trading & Distribution", "204331876", "EGP", 30, 50000]]
ETA_HEAD = ["Internal ID", "UUID", "Document Type", "Issuance Date", "Receiver Name",
            "Receiver ID", "Total Sales Amount", "Total Discount", "Net Amount", "Total Tax",
            "Total Amount", "Status"]
# (the portal's registered names, not the master's spelling)
ETA = [
    ["INV-101", "7XKQ1A2B3C4D5E6F7G8H9J0K1L", "I", "2026-10-05T10:22:31Z", "NILE FOODS",
     "123456789", 10000, 0, 10000, 1400, 11400, "Valid"],
    ["INV-102", "8XKQ1A2B3C4D5E6F7G8H9J0K1L", "I", "2026-10-31T23:30:00Z", "DELTA TRADING",
     "204331876", 5000, 0, 5000, 700, 5700, "Valid"],
    ["INV-103", "9XKQ1A2B3C4D5E6F7G8H9J0K1L", "I", "2026-10-06T09:00:00Z", "NILE FOODS",
     "123456789", 2000, 0, 2000, 280, 2280, "Cancelled"],
    ["CN-101", "AXKQ1A2B3C4D5E6F7G8H9J0K1L", "C", "2026-10-20T08:00:00Z", "NILE FOODS",
     "123456789", 1000, 0, 1000, 140, 1140, "Valid"],
    ["DN-101", "BXKQ1A2B3C4D5E6F7G8H9J0K1L", "D", "2026-10-21T08:00:00Z", "DELTA TRADING",
     "204331876", 500, 0, 500, 70, 570, "Valid"],
    ["INV-104", "CXKQ1A2B3C4D5E6F7G8H9J0K1L", "I", "2026-10-22T08:00:00Z", "DELTA TRADING",
     "204331876", 3000, 0, 3000, 420, 3420, "Rejected"],
    ["INV-105", "DXKQ1A2B3C4D5E6F7G8H9J0K1L", "I", "2026-10-23T08:00:00Z", "NILE FOODS",
     "123456789", 1000, 0, 1000, 140, 1140, "Invalid"],
    ["INV-106", "EXKQ1A2B3C4D5E6F7G8H9J0K1L", "I", "2026-10-24T08:00:00Z", "NILE FOODS",
     "123456789", "2,000.00", "0.00", "2,000.00", "280.00", "2,280.00", "Submitted"]]
AR_HEAD = ["رقم داخلي", "UUID", "نوع المستند", "تاريخ الإصدار", "اسم المستقبل",
           "رقم التسجيل الضريبي للمستقبل", "إجمالي المبيعات", "إجمالي الخصم", "الصافي",
           "ضريبة القيمة المضافة", "الإجمالي", "الحالة"]
_AR_TYPE = {"I": "فاتورة", "C": "إشعار دائن", "D": "إشعار مدين"}
_AR_STATUS = {"Valid": "صالحة", "Cancelled": "ملغاة", "Rejected": "مرفوضة",
              "Invalid": "غير صالحة", "Submitted": "صالحة"}


def _ar(row: list) -> list:
    y, m, d = row[3][:10].split("-")
    return [row[0], row[1], _AR_TYPE[row[2]], f"{d}/{m}/{y} {row[3][11:16]}", *row[4:11],
            _AR_STATUS[row[11]]]


def _book(path, sheets: dict) -> None:
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    for name, rows in sheets.items():
        ws = wb.create_sheet(name)
        for r in rows:
            ws.append(r)
    wb.save(path)


def _aging(tmp_path, sheets: dict) -> tuple[dict, dict, list]:
    book = tmp_path / "book.xlsx"
    _book(book, sheets)
    out = tmp_path / "aging.xlsx"
    assert main(["aging", str(book), "--as-of", AS_OF, "--lang", "en", "-o", str(out)]) == 0
    wb = openpyxl.load_workbook(out)
    totals = {r[0]: r[7] for r in wb["Aging"].iter_rows(min_row=2, max_row=3, values_only=True)}
    detail = {r[3]: (r[5].date().isoformat(), r[9])
              for r in wb["Aging Detail"].iter_rows(min_row=2, values_only=True) if r[0]}
    issues = [r[1:] for r in wb["Input Issues"].iter_rows(min_row=2, values_only=True) if r[0]]
    return totals, detail, issues


def test_the_eta_portal_export_beside_a_master_keyed_by_customer_id(tmp_path):
    totals, detail, issues = _aging(tmp_path, {"Customers": CUSTOMERS,
                                               "Documents": [ETA_HEAD, *ETA]})
    assert totals == {"C-001": 12540, "C-002": 6270}
    assert detail == {"INV-101": ("2026-10-05", 11400), "INV-106": ("2026-10-24", 2280),
                      "CN-101": ("2026-10-20", -1140), "INV-102": ("2026-10-31", 5700),
                      "DN-101": ("2026-10-21", 570)}
    assert ("L7", "Status", "Rejected", "2 document(s) the tax authority holds as Rejected / "
            "Invalid (no valid tax invoice): not receivables, counted as 0 (L7, L8)") in issues
    assert ("L4", "Status", "Cancelled",
            "1 cancelled invoice(s): not receivables, counted as 0 (L4)") in issues
    assert ("F2", "Receiver ID", "123456789", "8 row(s) whose customer is not a Customer ID "
            "of Customers read by this tax registration number as the customer with that Tax "
            "ID") in issues


def test_the_eta_portal_export_in_arabic(tmp_path):
    customers = [["رقم العميل", "اسم العميل", "الرقم الضريبي", "العملة", "شروط الدفع"],
                 *[r[:5] for r in CUSTOMERS[1:]]]
    totals, detail, issues = _aging(tmp_path, {"العملاء": customers,
                                               "المستندات": [AR_HEAD, *map(_ar, ETA)]})
    assert totals == {"C-001": 12540, "C-002": 6270}
    # '05/10/2026 10:22' is 5 October: the day first, as the export's 31/10/2026 says
    assert detail["INV-101"] == ("2026-10-05", 11400)
    assert detail["INV-102"] == ("2026-10-31", 5700)
    assert detail["CN-101"] == ("2026-10-20", -1140)
    assert detail["DN-101"] == ("2026-10-21", 570)  # إشعار مدين adds
    assert len(issues) == 3
    assert issues[0][:3] == ("L7", "الحالة", "مرفوضة")


def test_the_eta_portal_export_alone_names_its_receivers(tmp_path):
    totals, _, _ = _aging(tmp_path, {"Documents": [ETA_HEAD, *ETA]})
    assert totals == {"DELTA TRADING": 6270, "NILE FOODS": 12540}


def test_a_zatca_export_linked_to_the_master_by_vat_number(tmp_path):
    customers = [["Customer ID", "Customer Name", "VAT Number", "Currency", "Payment Terms",
                  "Country"],
                 ["S-1", "Al Rajhi Building Materials", "310123456700003", "SAR", 30, "Saudi Arabia"],
                 ["S-2", "Jeddah Retail Est.", "311111111100003", "SAR", 30, "Saudi Arabia"]]
    invoices = [["Invoice Number", "Invoice Type", "Issue Date", "Buyer Name", "Buyer VAT Number",
                 "Total Excluding VAT", "VAT Amount", "Total Including VAT",
                 "Clearance/Reporting Status"],
                ["SINV-1", "Tax Invoice", "2026-10-05T10:22:31Z", "Al Rajhi Building",
                 "310123456700003", 10000, 1500, 11500, "CLEARED"],
                ["SINV-2", "Tax Invoice", "2026-10-31T22:10:00Z", "JEDDAH RETAIL",
                 "311111111100003", 1000, 150, 1150, "REPORTED"],
                ["SCN-1", "Credit Note", "2026-10-15T10:00:00Z", "Al Rajhi Building",
                 "310123456700003", 1000, 150, 1150, "CLEARED"],
                ["SDN-1", "Debit Note", "2026-10-16T10:00:00Z", "JEDDAH RETAIL",
                 "311111111100003", 200, 30, 230, "REPORTED"]]
    totals, detail, issues = _aging(tmp_path, {"Customers": customers, "Invoices": invoices})
    assert totals == {"S-1": 10350, "S-2": 1380}  # 11,500 - 1,150; 1,150 + 230
    assert detail["SINV-2"] == ("2026-10-31", 1150)
    assert issues == [("E2", "Buyer VAT Number", "310123456700003", "4 row(s) whose customer "
                       "is not a Customer ID of Customers read by this tax registration "
                       "number as the customer with that Tax ID")]


def test_zatca_simplified_documents_are_read_as_their_kinds(tmp_path):
    """A POS's ZATCA export names the B2C documents 'Simplified ...': a simplified credit note
    is a credit, a simplified debit note a charge. Before, the credit note of 115 was added
    (1,150 + 115 + 23 = 1,288.00) and each type had a 'no document type' Input Issue."""
    customers = [["Customer ID", "Customer Name", "VAT Number", "Currency", "Payment Terms"],
                 ["S-3", "Riyadh Corner Store", "312222222200003", "SAR", 30]]
    invoices = [["Invoice Number", "Invoice Type", "Issue Date", "Buyer Name", "Buyer VAT Number",
                 "Total Including VAT"],
                ["SS-1", "Simplified Tax Invoice", "2026-10-05", "Riyadh Corner Store",
                 "312222222200003", 1150],
                ["SS-2", "Simplified Credit Note", "2026-10-06", "Riyadh Corner Store",
                 "312222222200003", 115],
                ["SS-3", "Simplified Debit Note", "2026-10-07", "Riyadh Corner Store",
                 "312222222200003", 23],
                ["SS-4", "فاتورة ضريبية مبسطة", "2026-10-08", "Riyadh Corner Store",
                 "312222222200003", 100],
                ["SS-5", "إشعار دائن مبسط", "2026-10-09", "Riyadh Corner Store",
                 "312222222200003", 10]]
    totals, detail, issues = _aging(tmp_path, {"Customers": customers, "Invoices": invoices})
    assert totals["S-3"] == 1148  # 1,150 - 115 + 23 + 100 - 10
    assert detail["SS-2"] == ("2026-10-06", -115)
    assert [i[0] for i in issues] == ["E2"]  # only the buyers read by their VAT number
