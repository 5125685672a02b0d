"""The sheets ar_excel reads: canonical column names, their aliases and value kinds.

Names follow ``../shared/spec/workbook-contract.md``. Matching of sheet names and headers
ignores case, spaces, ``_``, ``-`` and ``.`` (see ``names.match_key``). Kinds tell the reader
how to parse what people type:

* ``id``      text key: ``1001.0`` read from a number cell becomes ``"1001"``
* ``text``    free text, stripped
* ``money``   amount: thousands separators, currency symbols, Arabic-Indic digits, ``(12.50)``
* ``number``  a plain quantity, parsed like money
* ``percent`` ``5``, ``5%``, ``0.05`` formatted as percent -> 5.0
* ``date``    Excel serial, date cell, ISO, day-first (or month-first by policy) text
* ``terms``   payment terms in days: ``30``, ``Net 30``, ``30 days``, ``٣٠``
* ``status``  customer status: Active / Hold / Closed (English or Arabic)
* ``currency`` ISO 4217 code, upper-cased; symbols like ``$``/``ج.م`` mapped
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

import pandas as pd

from ar_excel.names import match_key

# Beside a sheet's Payment Terms, where any of its terms count from the end of a month ("Net
# 30 EOM"): on those rows, after the end of which month (0: the invoice's own, 1: the next;
# blank on the others); the terms are then the days after that month's end.
TERMS_EOM = "_terms_eom"
# Beside a Credit Limit typed as a word for no limit ("Unlimited", "غير محدود"): True on those
# rows (the limit itself is blank: no limit, as the contract's blank).
UNLIMITED = "_unlimited"
# Beside a Credit Limit whose limit type says the customer gets no credit (Dynamics GP's
# Credit Limit Type "No Credit"): True on those rows, whose limit is 0 (cash only, not "no
# limit" as a bare 0 is on credit terms).
NO_CREDIT = "_no_credit"
# An invoice's customer purchase order and its payment reference (optional Invoices columns):
# what a receipt may quote instead of the invoice number (``core.matching.order_references``).
CUSTOMER_PO = "Customer PO"
PAYMENT_REFERENCE = "Payment Reference"
ORDER_REFERENCES = (CUSTOMER_PO, PAYMENT_REFERENCE)
# A customer's name in Latin letters beside its name, as Arabic packages and SAP Business One
# head it (الاسم اللاتيني, الاسم الأجنبي, Foreign Name): Iraq's and Jordan's banks print it. Never
# the Name itself (SAP's BP Name is; its Foreign Name is the other).
NAME_IN_LATIN_LETTERS = (
    "Foreign Name", "Latin Name", "الاسم الأجنبي", "الاسم الاجنبي", "الاسم اللاتيني",
    "الاسم باللاتيني", "اسم العميل الأجنبي", "اسم العميل اللاتيني",
)
# A customer's name kept in each language (English Name beside الاسم بالعربي): the one in the
# language of the headers is the Name, the other a column of its own.
NAME_IN_EACH_LANGUAGE = (
    "English Name", "Name in English", "Name EN", "Arabic Name", "Name in Arabic", "Name AR",
    "الاسم بالعربي", "الاسم بالعربية", "اسم العميل بالعربي", "اسم العميل بالعربية", "الاسم عربي",
    "الاسم بالإنجليزي", "الاسم بالانجليزي", "الاسم بالإنجليزية", "الاسم بالانجليزية",
    "اسم العميل بالإنجليزي", "اسم العميل بالانجليزي", "الاسم انجليزي",
    *NAME_IN_LATIN_LETTERS,
)

# A ledger's narration column, by its usual headers (keys as ``names.match_key`` gives them):
# the reader takes it for the document number of a ledger without one and reads in it the
# invoices a receipt pays; billing reads in it a receipt's name ("سند قبض - شيك").
NARRATION_HEADERS = frozenset(match_key(h) for h in (
    "Description", "Details", "Detail", "Particulars", "Narration", "Memo", "Remarks",
    "Transaction Details", "البيان", "بيان", "الوصف", "التفاصيل", "الشرح", "التفصيل", "ملاحظات"))

# A running ledger's balance brought forward ("Balance b/f", "Opening Balance", "رصيد أول
# المدة"): the reader makes it an open item (``io.opening_balances``), the KPIs opening AR
# rather than a sale (``core.entries.opening_rows``).
OPENING = re.compile(
    r"(?i)\bbalance\s*(?:b\s*/\s*[fd]|brought\s*(?:forward|down)|forward)\b|^\s*b\s*/\s*[fd]\b|"
    r"\bbrought\s+(?:forward|down)\b|\bopening\s+(?:balance|bal\.?)|\bprevious\s+balance\b|"
    r"رصيد\s*(?:أول|اول|بداية)\s*(?:المدة|المده|الفترة|الفتره|السنة|العام)|"
    r"(?:ال)?رصيد\s*(?:ال)?افتتاحي|(?:ال)?رصيد\s*(?:ال)?سابق|رصيد\s*ما\s*قبله|رصيد\s*منقول\s*من|"
    r"رصيد\s*مرحل\s*من")


@dataclass(frozen=True)
class Field:
    name: str
    kind: str = "text"
    aliases: tuple[str, ...] = ()
    required: bool = False
    # words that mean "no limit" ("Unlimited", "مفتوح") are read as a blank, not an error
    unlimited_words: bool = False


@dataclass(frozen=True)
class SheetSchema:
    name: str
    aliases: tuple[str, ...]
    fields: tuple[Field, ...]

    def field(self, name: str) -> Field:
        return next(f for f in self.fields if f.name == name)

    @property
    def columns(self) -> list[str]:
        return [f.name for f in self.fields]


CUSTOMERS = SheetSchema(
    "Customers",
    ("العملاء", "Customer Master", "Customer List", "Clients", "عملاء", "بيانات العملاء",
     "قائمة العملاء", "Customer Data",
     # SAP Business One's master data of its business partners (customers, vendors, leads)
     "Business Partners", "Business Partner Master Data", "BP Master Data"),
    (
        Field("Customer ID", "id", ("رقم العميل", "Customer No", "Customer Number", "Account",
                                    "Account No", "Customer Code", "Cust ID", "Code",
                                    "كود العميل", "رقم الحساب العميل", "الكود", "كود",
                                    # SAP Business One's business partner code (CardCode),
                                    # before "No" (its exports' row number "#" reads so)
                                    "BP Code", "Business Partner Code",
                                    "Client Code", "Client ID",
                                    # ERP exports: Odoo's Reference, Zoho's Contact ID,
                                    # Business Central's No., ERPNext's ID
                                    "Reference", "Internal Reference", "Contact ID", "No",
                                    "ID", "Customer Account", "Party",
                                    "Customer Account Number",  # Oracle's
                                    # Sage's account reference, JD Edwards' address number
                                    "A/C", "Account Ref", "A/C Ref", "Account Reference",
                                    "Address Number",
                                    # Odoo in Arabic: the contact's Reference
                                    "المرجع", "المرجع الداخلي", "رمز العميل",
                                    "الرمز"),  # Wafeq's contacts in Arabic: the code
              required=True),
        Field("Name", "text", ("اسم العميل", "Customer Name", "Customer",
                               # Odoo's contacts: "Company" is the company owning the record
                               # (blank but on its contact persons); Display Name the name
                               "Display Name", "Company",
                               # the business's own name, before a contact person's "الاسم"
                               # (Daftra's, Qoyod's and other Arabic cloud books' exports)
                               "الاسم التجاري", "اسم المنشأة", "اسم المنشاة", "اسم المؤسسة",
                               "الاسم",
                               "Client Name", "العميل", "Name 1",
                               "Contact Name", "Company Name", "Party Name",
                               # Tally's ledger list, JD Edwards' Alpha Name, Sage's
                               # Account Name
                               "Name of Ledger", "Ledger Name", "Alpha Name",
                               "Account Name",
                               # a name kept in each language: the one in the language of
                               # the headers is the name (the other is carried as written,
                               # and the payer is known by it too)
                               *(n for n in NAME_IN_EACH_LANGUAGE
                                 if n not in NAME_IN_LATIN_LETTERS),
                               "اسم العرض", "الاسم المعروض",  # Odoo in Arabic
                               "Trade Name", "Business Name", "Legal Name", "اسم الشركة",
                               "BP Name", "Business Partner Name",  # SAP Business One
                               # an Arabic package's chart of accounts (Al-Ameen's account
                               # cards): the customer's account is its ID, its name the name
                               "اسم الحساب"),
              required=True),
        Field("Tax ID", "id", ("الرقم الضريبي", "VAT No", "VAT Number", "Tax Number", "TRN",
                               "Tax Registration No", "رقم التسجيل الضريبي", "VAT ID",
                               "VAT Registration No", "Tax Registration Number",
                               "Tax Number 1", "TIN", "GSTIN/UIN", "GSTIN",
                               # Egypt's tax card (البطاقة الضريبية) carries the number
                               "رقم البطاقة الضريبية", "البطاقة الضريبية", "رقم ضريبي",
                               "Tax Card No", "Tax Card Number", "Tax Reg No",
                               "VAT Reg No",  # Sage's VAT Reg. No.
                               "معرف الضريبة", "رقم التعريف الضريبي",  # Odoo in Arabic
                               # SAP Business One's (LicTradNum), in Egypt the tax card
                               "Federal Tax ID", "Unified Federal Tax ID")),
        Field("Email", "text", ("البريد الإلكتروني", "E-mail", "Email Address", "البريد",
                                "الايميل", "البريد الالكتروني", "EmailID",
                                "Main Email")),  # QuickBooks Desktop's customer list
        Field("Phone", "text", ("الهاتف", "Mobile", "Telephone", "Tel", "Phone No", "الجوال",
                                "رقم الهاتف", "الموبايل", "Phone Number", "Main Phone",
                                "Mobile Number", "رقم الجوال", "رقم الموبايل",
                                # Egypt's words: تليفون, محمول
                                "التليفون", "تليفون", "رقم التليفون", "التلفون", "تلفون",
                                "المحمول", "رقم المحمول", "موبايل", "جوال", "هاتف",
                                "Phone Numbers",  # QuickBooks Online's contact list
                                "Telephone 1")),  # SAP's TELF1
        Field("Address", "text", ("العنوان",
                                  # an address kept on numbered lines (Daftra's العنوان 1 and
                                  # 2, Zoho's and QuickBooks' Address Line 1): the first line
                                  "Address 1", "Address Line 1", "Billing Address",
                                  "Billing Address Line 1", "Street", "Street Address",
                                  "العنوان 1", "العنوان الأول", "عنوان 1")),
        Field("City", "text", ("المدينة",)),
        Field("Country", "text", ("الدولة", "البلد",
                                  "Country/Region Code")),  # Business Central's
        Field("Currency", "currency", ("العملة", "Ccy", "Curr", "Currency Code",
                                       "Default Currency", "Currency ID")),  # GP's
        Field("Payment Terms", "terms", ("شروط الدفع", "Terms", "Payment Terms Days",
                                         "Terms Days", "مدة السداد", "أجل السداد",
                                         "Customer Payment Terms", "Payment Terms Code",
                                         "Payment Terms Template",
                                         "Default Payment Terms Template",
                                         "Payment Terms Label", "Terms of Payment",
                                         "Credit Period", "Credit Days",
                                         "Payment Terms ID",  # Dynamics GP
                                         "Payment Due Days",  # Sage 50
                                         "Payment Terms Key", "ZTERM",  # SAP's key
                                         "شروط السداد للعميل", "شروط السداد",
                                         "شروط الدفع للعميل",  # Odoo in Arabic
                                         # Egypt's hand-kept lists: the credit period
                                         "فترة السماح", "مدة الائتمان", "فترة الائتمان",
                                         "أيام الائتمان", "ايام الائتمان", "مدة السماح",
                                         "فترة السداد", "أجل الدفع", "الأجل")),
        Field("Credit Limit", "money", ("حد الائتمان", "Limit", "Credit Line",
                                        "الحد الائتماني", "Credit Limit Amount",
                                        "Credit Limit LCY", "سقف الائتمان"),
              unlimited_words=True),
        Field("Discount %", "percent", ("الخصم", "Discount", "Discount Pct", "Discount Percent",
                                        "نسبة الخصم",
                                        # Sage's early-payment discount
                                        "Settlement Discount", "Settlement Discount %",
                                        # the discount agreed with the customer, as headed
                                        # in a hand-kept master
                                        "الخصم %", "نسبة الخصم %", "خصم العميل",
                                        "خصم العميل %", "الخصم المسموح", "نسبة الخصم المسموح",
                                        "الخصم المتفق عليه", "Agreed Discount",
                                        "Allowed Discount", "Discount Allowed")),
        Field("Status", "status", ("الحالة", "Account Status", "حالة العميل",
                                   "Active Status")),  # QuickBooks: Active / Inactive
        # Sage's and hand-kept lists' Yes/No hold flag (io/hold_flags.py: Status Hold)
        Field("On Hold", "text", ("Account On Hold", "Credit Hold", "Hold", "On Stop",
                                  "Account On Stop", "Blocked", "Is Blocked", "Account Blocked",
                                  "Is Frozen", "Frozen",  # ERPNext's Customer
                                  "Stop Credit", "Credit Stop", "موقوف", "إيقاف", "ايقاف",
                                  "محظور",
                                  "Central Posting Block", "Posting Block")),  # SAP's SPERR
        # NetSuite's Inactive, ERPNext's Disabled: Yes / No (io/hold_flags.py: Status Closed)
        Field("Inactive", "text", ("Is Inactive", "Disabled", "Is Disabled",
                                   "Account Inactive", "Inactive Customer")),
        Field("Next Credit Review", "date", ("تاريخ مراجعة الائتمان", "Credit Review",
                                             "Credit Review Date", "Next Review", "Review Date")),
        Field("IBAN / Bank Account", "text", ("رقم الحساب", "IBAN", "Bank Account", "Account IBAN",
                                              "IBAN/Bank Account", "Bank Accounts",
                                              "الحساب البنكي", "رقم الآيبان")),
    ),
)

# A document's customer, as invoice lists head it; an orders sheet beside them heads it the
# same way (a name is read through the master's names: ``io.customer_keys``).
CUSTOMER_OF_A_DOCUMENT = (
    "رقم العميل", "Customer No", "Customer Number", "Account",
    "Sell-to Customer No", "Bill-to Customer No",  # BC
    # Oracle Receivables: the bill-to customer's account
    "Account Number", "Bill-to Account Number", "Bill-to Customer Account Number",
    "Customer Account Number",  # (AR_OPEN_TRX_V's)
    "Payer", "Sold-To Party",  # SAP's VBRK
    "Customer Code", "Cust ID", "كود العميل", "Customer", "العميل", "Customer Account", "Party",
    # a column of names where an export keys its customers by name (Odoo's Partner,
    # QuickBooks' Name, Xero's Contact): read through the master's names
    "partner_id", "Partner", "Customer Name", "Contact",
    # Odoo's Customer Invoices list exported as is
    "Invoice Partner Display Name", "Partner Display Name",
    "Contact Name",  # Xero's invoice export (ContactName)
    "Bill-to Customer", "Bill-to Customer Name",  # Oracle's
    "invoice_partner_display_name",
    "Name", "اسم العميل", "Client", "Client Name", "Party's Name", "Party Name", "Account Name",
    "Alpha Name", "Address Number", "Customer Account No",
    "A/C", "رقم الحساب", "اسم الحساب", "الشريك", "الشريك التجاري",
    "الحساب",  # "Account" in Arabic (a customer's sub-account)
    "Customer Ref", "A/C No", "Acc No", "Customer Code/Name",
    "جهة الاتصال", "اسم جهة الاتصال",  # Wafeq in Arabic
    "رقم العميل / الاسم", "كود / اسم العميل",
    # SAP Business One's document lists
    "Customer/Vendor Code", "BP Code",
    # the tax authority portals' exports (Egypt's ETA, ZATCA's Fatoora): the buyer by name,
    # its tax number beside it links it to the master's Tax ID
    "Receiver Name", "اسم المستقبل", "Buyer Name", "اسم المشتري")

INVOICES = SheetSchema(
    "Invoices",
    ("الفواتير", "Invoice List", "Sales Invoices", "فواتير", "Open Invoices", "فواتير المبيعات",
     "Invoice Register", "سجل الفواتير", "Sales Invoice",
     # receivables reports as ERPs and accounting packages name them
     "Aged Receivables Detail", "Aged Receivables", "AR Aging Detail", "Accounts Receivable",
     "Open Items", "Customer Ledger Entries", "Aged Debtors", "Customer Open Items",
     "Open Transactions", "Open Customer Transactions", "Customer Transactions",
     "أعمار الديون", "أعمار المديونية",
     # Tally, Sage, Oracle, JD Edwards, Dynamics GP and local Arabic systems
     "Bills Receivable", "Aged Debtors Detailed", "Aged Debtors Detail", "AR Aging",
     "Receivables Aging", "Customer Aging", "Open AR", "Customer Line Items", "Line Items",
     "أعمار الذمم", "الذمم المدينة", "أرصدة العملاء", "كشف أعمار الديون",
     "Aged Receivable", "Aged Receivables Report", "Aged Receivable Report",
     # the same reports in Arabic (Odoo's, local systems')
     "أعمار الديون المدينة", "أعمار الذمم المدينة", "تقادم الذمم المدينة", "أعمار المدينين",
     "تقادم الديون",
     # hand-kept: the customers' debts, their invoices, what is open or falls due
     "كشف المديونية", "مديونية العملاء", "مديونيات العملاء", "المديونيات", "المديونية",
     "فواتير العملاء", "الفواتير المفتوحة", "الفواتير المستحقة", "قائمة الفواتير",
     "Customer Invoices", "Debtors Ledger", "Sales Ledger", "AR Ledger", "Debtors",
     # Business Central's and Dynamics 365's list pages as exported
     "Posted Sales Invoices", "Posted Sales Invoice",
     # an accounts receivable register: invoices and what settled them (NetSuite's A/R)
     "AR Register", "A/R Register", "Accounts Receivable Register", "Receivables Register",
     "Billing Documents", "List of Billing Documents"),  # SAP's VF05 / VBRK
    (
        Field("Invoice No", "id", ("رقم الفاتورة", "Invoice Number", "Invoice", "Inv No",
                                   "Invoice #", "Document No", "Doc No",
                                   # ERP exports (Odoo, QuickBooks, SAP, ERPNext, Zoho)
                                   "Document Number", "Voucher No", "Voucher Number",
                                   "Number", "Num",
                                   "Invoice ID", "ID",
                                   # Tally, Sage, Oracle, JD Edwards, Dynamics GP
                                   "Ref No", "Bill No", "Transaction Number",
                                   "Trx Number", "Invoice/CM", "Invoice/CM #",
                                   "رقم المستند", "رقم القيد",
                                   # Odoo's journal items, S/4HANA's line items
                                   "Journal Entry", "Accounting Document",
                                   "Ref",  # Sage 50's transaction reference
                                   "Transaction#", "Transaction No",  # Zoho's reports
                                   "الرقم", "قيد اليومية",  # Odoo in Arabic
                                   "Invoice Ref", "Inv Ref", "Invoice Reference No",
                                   # a hand-kept sub-ledger's reference column (Arabic)
                                   "المرجع", "رقم المرجع", "مرجع", "Doc Ref",
                                   "Billing Document",  # SAP's VBRK (VF05)
                                   "Internal ID",  # Egypt's e-invoicing portal export
                                   "رقم داخلي", "الرقم الداخلي",  # (the portal in Arabic)
                                   # an Arabic package's ledger (Al-Ameen): the voucher
                                   "رقم السند",
                                   # a bare "Number" in Arabic (Daftra's lists); weak, as
                                   # "No." is: a serial beside the invoice number gives way
                                   "رقم",
                                   "No."),  # Business Central's list pages (last: a serial
              required=True),              # "No" beside an invoice number gives way)
        Field("Customer ID", "id", CUSTOMER_OF_A_DOCUMENT,
              required=True),
        Field("Invoice Date", "date", ("تاريخ الفاتورة", "Date", "Inv Date", "Document Date",
                                       "التاريخ", "Invoice/Bill Date", "Posting Date",
                                       "Transaction Date", "Trx Date", "Bill Date",
                                       "تاريخ المستند", "تاريخ القيد",
                                       "Date of Invoice", "Doc Date", "Invoice Dt",
                                       # a Saudi register's Gregorian date beside its Hijri
                                       "التاريخ الميلادي", "تاريخ الفاتورة الميلادي",
                                       "تاريخ الفاتورة ميلادي", "Gregorian Date",
                                       "Invoice Date Gregorian", "تاريخ",
                                       "Billing Date",  # SAP's VBRK
                                       "Date Issued", "Issue Date", "dateTimeIssued",  # ETA
                                       "Issuance Date", "Date Time Issued",
                                       # Saudi cloud books (Qoyod, Wafeq in Arabic)
                                       "تاريخ الإصدار", "تاريخ إصدار الفاتورة",
                                       # a credit notes sheet beside it (Zoho's export)
                                       "Credit Note Date", "تاريخ الإشعار",
                                       "تاريخ السند"),  # a voucher's date (Al-Ameen)
              required=True),
        Field("Due Date", "date", ("تاريخ الاستحقاق", "Due", "Maturity Date", "Net Due Date",
                                   "Payment Due Date", "Due On", "invoice_date_due",
                                   "Due Date/Receive By")),  # NetSuite's transaction search
        Field("Currency", "currency", ("العملة", "Ccy", "Curr", "Currency Code",
                                       "Local Currency", "Document Currency",
                                       "Currency ID",  # Great Plains
                                       # Oracle's INVOICE_CURRENCY_CODE as labelled
                                       "Invoice Currency", "Invoice Currency Code",
                                       "Transaction Currency")),
        Field("Amount", "money", ("المبلغ", "Invoice Amount", "Total", "Amount Incl Tax",
                                  "Invoice Total", "Gross Amount", "القيمة", "الإجمالي",
                                  "Gross", "Gross Value", "Gross Total",  # (beside a Net)
                                  "قيمة الفاتورة", "إجمالي الفاتورة", "Invoice Value",
                                  "Total Amount", "مبلغ الفاتورة",
                                  "Amount Total Signed", "Amount Total", "Total Signed",
                                  "Grand Total", "Invoiced Amount", "Original Amount",
                                  "Amount in Local Currency", "Amount in LC",
                                  "Amount in Transaction Currency", "Amount in Doc Curr",
                                  "Original Trx Amount", "Amount Due Original",
                                  # Dynamics GP's reports and SmartLists ("Orig. Amount")
                                  "Orig Amount", "Orig Trx Amount", "Orig Doc Amount",
                                  "Original Document Amount", "Document Amount",
                                  "Doc Amount",
                                  "Original Value", "Original Amount Due",
                                  "Amount in Company Code Currency", "مبلغ المستند",
                                  # Odoo in Arabic: Total Signed, Total in Company Currency
                                  "الإجمالي بعملة الشركة", "الإجمالي الموقع",
                                  "إجمالي المبلغ", "المبلغ الإجمالي",
                                  # Business Central
                                  "Original Amt", "Amount LCY", "Original Amt LCY",
                                  # the total with VAT, beside the amount before it (Gulf)
                                  "الإجمالي شامل الضريبة", "الإجمالي شامل ضريبة القيمة المضافة",
                                  "الإجمالي بعد الضريبة", "المبلغ شامل الضريبة",
                                  "Total Incl VAT", "Amount Incl VAT", "Total with VAT",
                                  "Total Including VAT",
                                  "Document Total", "Doc Total"),  # SAP Business One
              required=True),
        # An invoice's own terms (an ERP export's "Terms" column) win over the customer's.
        Field("Payment Terms", "terms", ("Terms", "شروط الدفع", "مدة السداد", "أجل السداد",
                                         "Credit Days", "Credit Period", "Payment Terms Days",
                                         "Terms of Payment", "Payment Terms Key", "ZTERM")),
        # An invoice list kept as open items (no Payments sheet) says what is paid or open.
        Field("Paid Amount", "money", ("Paid", "Amount Paid", "Collected", "Amount Collected",
                                       "المدفوع", "المسدد", "المحصل", "المبلغ المدفوع",
                                       "Invoice Amount Paid",  # Xero's export
                                       # a Gulf sales register's Received beside its Balance
                                       "Received", "Total Received",
                                       "Paid to Date")),  # SAP Business One's PaidToDate
        # the day a hand-kept register's invoice was paid, beside its Paid Amount or Balance
        # (``io.paid_dates``: read as the receipt's date, so an earlier as-of date shows it owed)
        Field("Paid Date", "date", ("Date Paid", "Paid On", "Payment Received Date",
                                    "تاريخ السداد", "تاريخ الدفع")),
        Field("Balance", "money", ("Open Amount", "Outstanding", "Balance Due",
                                   "Outstanding Amount", "Remaining", "Open Balance", "الرصيد",
                                   "المتبقي", "الرصيد المستحق", "المبلغ المتبقي",
                                   "Amount Due", "Amount Due Signed", "Amount Residual",
                                   "Amount Remaining",  # NetSuite's transaction search
                                   "Invoice Amount Due",  # Xero's export
                                   "الباقي", "الباقى", "المتبقى", "الرصيد الباقي",
                                   "Remaining Amount", "Due Amount",
                                   "amount_residual_signed",
                                   # Tally, Oracle, Dynamics GP, Sage, JD Edwards
                                   "Pending Amount", "Amount Due Remaining",
                                   "Current Trx Amount", "Outstanding Value",
                                   "Outstanding Balance", "Amount Outstanding",
                                   "Open Balance Amount", "Remaining Balance",
                                   "الرصيد المتبقي", "المستحق", "المبلغ المستحق",
                                   "O/S", "Amount O/S", "Outstanding Amt",
                                   "Remaining Amt", "Remaining Amt LCY",  # Business Central
                                   "المبلغ المتبقي بعملة الشركة", "المتبقي بعملة الشركة")),
        # What the customer quotes when it pays instead of our invoice number: its purchase
        # order (one PO often covers several invoices, its deliveries), or the payment
        # reference an ERP gives each invoice (Odoo's Payment Reference, an RF creditor
        # reference, a Swiss QR reference). Read by the reconciliation (``order_references``).
        Field(CUSTOMER_PO, "id", ("PO No", "PO Number", "PO", "PO #", "P.O. No", "P.O. Number",
                                  "Customer PO No", "Customer PO Number", "Cust PO", "LPO",
                                  "LPO No", "LPO Number", "LPO #", "Purchase Order",
                                  "Purchase Order No", "Purchase Order Number", "Customer Order No",
                                  "External Document No",  # Business Central: the buyer's PO
                                  "Bestellnummer",
                                  "Your Reference", "Your Ref", "Customer Reference",
                                  "Client Reference", "Buyer Reference", "Client Order Ref",
                                  "رقم أمر الشراء", "أمر الشراء", "أمر شراء", "رقم أمر شراء",
                                  "رقم أمر التوريد", "أمر التوريد", "أمر توريد",
                                  "رقم طلب الشراء", "طلب الشراء", "مرجع العميل")),
        Field(PAYMENT_REFERENCE, "id", ("Payment Ref", "Payment Reference No",
                                        "Structured Reference", "Creditor Reference",
                                        "RF Reference", "QR Reference", "ESR Reference",
                                        "Remittance Reference", "payment_reference",
                                        "Zahlungsreferenz", "مرجع الدفع", "مرجع السداد")),
    ),
)

PAYMENTS = SheetSchema(
    "Payments",
    ("التحصيلات", "Receipts", "Collections", "Cash Receipts", "المقبوضات", "تحصيلات",
     "المدفوعات", "مدفوعات", "الدفعات", "المتحصلات", "Customer Payments", "Payments Received",
     "Incoming Payments", "Incoming Payment"),  # SAP Business One's
    (
        Field("Payment ID", "id", ("رقم التحصيل", "Receipt No", "Receipt ID", "Payment No",
                                   "رقم الإيصال", "Receipt Number", "رقم السند",
                                   "رقم سند القبض", "Voucher No", "Voucher Number",
                                   "Receipt Voucher",
                                   "Number", "Payment Number", "Document No",
                                   "رقم الدفعة",  # Wafeq's payments in Arabic
                                   "Document Number", "ID",
                                   # QuickBooks' payment lists: the receipt's own number
                                   "Num", "Ref No",
                                   "Doc No",  # SAP Business One's "Doc. No."
                                   "رقم")),  # a bare "Number" in Arabic (Daftra's)
        Field("Customer ID", "id", ("رقم العميل", "Customer No", "Customer Number", "Account",
                                    "Customer Code", "كود العميل", "Customer", "العميل",
                                    "Customer Account", "Party", "Partner", "Customer/Vendor",
                                    "Customer Name", "Contact", "Contact Name", "Name", "Received From",
                                    "جهة الاتصال", "اسم جهة الاتصال",  # Wafeq in Arabic
                                    "اسم العميل", "Client", "العميل/المورد", "الشريك",
                                    "Customer/Vendor Code", "BP Code"),  # SAP Business One
              required=True),
        Field("Date", "date", ("التاريخ", "Payment Date", "Receipt Date", "تاريخ التحصيل",
                               "Posting Date",
                               "Date Received", "Collection Date", "تاريخ السداد",
                               "تاريخ الدفع")),
        Field("Amount", "money", ("المبلغ", "Payment Amount", "Receipt Amount", "القيمة",
                                  "Amount Received", "Received Amount", "Received",
                                  "Value Received", "Paid Amount", "Amount Paid",
                                  "المبلغ المحصل", "المبلغ المدفوع", "المحصل", "قيمة التحصيل",
                                  # SAP Business One's incoming payments: the payment's total
                                  "Total", "Document Total", "Doc Total"),
              required=True),
        Field("Invoice No", "id", ("رقم الفاتورة", "Invoice Number", "Invoice", "Applied To",
                                   "Applied To Transaction",  # NetSuite's payment search
                                   "Inv No", "Reconciled Invoices", "Memo", "Reference Name",
                                   "مذكرة", "المذكرة",  # (Odoo's Memo in Arabic)
                                   # ERPNext's Payment Entry exported with its references
                                   "Payment References/Reference Name",
                                   "references/reference_name",
                                   # (its Data Export: child columns named for their table)
                                   "Name (Payment References)",
                                   "Reference Name (Payment References)",
                                   "Reference Name (Payment Entry Reference)",
                                   # receipt vouchers as Gulf and Egyptian clerks head them
                                   "Against Inv", "Against Inv No", "Against Invoice",
                                   "Against Invoice No", "Against Bill", "Against Bill No",
                                   "مقابل فاتورة", "عن فاتورة", "سداد فاتورة",
                                   "الفاتورة")),  # Wafeq's payments in Arabic
        # how it was paid; a write-off, discount or tax withheld is no cash (core.non_cash)
        Field("Method", "text", ("Payment Method", "طريقة الدفع", "طريقة السداد",
                                 "Payment Mode", "Mode of Payment",  # (ERPNext's, beside
                                 # its Payment Type, Receive / Pay)
                                 "Receipt Type", "Payment Type",
                                 "نوع التحصيل", "نوع السداد", "الطريقة",
                                 "Mode", "Payment Mode Name",  # Zoho Books' payments
                                 "Payment Means")),  # SAP Business One's
        # the cheque's number or the transfer's reference, by which the bank line is known
        # (book-to-bank: ``core.matching.recorded``)
        Field("Reference", "text", ("Cheque No", "Cheque Number", "Check No", "Check Number",
                                    "Cheque #", "Chq No", "رقم الشيك", "رقم الحوالة",
                                    "المرجع", "مرجع", "Bank Reference", "Transfer Reference",
                                    "Transaction Reference", "Cheque/Reference No")),
        # the receipt's own currency, where the book keeps one (blank: that of the invoice
        # it names, else its customer's, as an invoice's: ``core.ledger.stated_currencies``)
        Field("Currency", "currency", ("العملة", "Ccy", "Curr", "Currency Code", "Currency ID",
                                       "Receipt Currency", "Payment Currency",
                                       "عملة التحصيل", "عملة السداد")),
    ),
)

BANK = SheetSchema(
    "Bank Statement",
    ("كشف الحساب البنكي", "Bank", "Statement", "كشف البنك"),
    (
        Field("Date", "date", ("Booking Date", "Transaction Date", "Posting Date", "التاريخ",
                               "تاريخ العملية", "Buchungstag", "Date Operation",
                               "Buchungsdatum", "Datum", "Date opération", "Date comptable",
                               "تاريخ القيد", "تاريخ الحركة", "تاريخ المعاملة"),
              required=True),
        Field("Value Date", "date", ("Valuta", "تاريخ الحق", "Wertstellung", "Date Valeur",
                                     "Date de valeur", "Valutadatum", "Valeur",
                                     "تاريخ القيمة")),
        Field("Description", "text", ("Narrative", "Details", "Remittance Information", "Memo",
                                      "البيان", "الوصف", "Verwendungszweck", "Libelle",
                                      "Transaction Details", "Particulars", "Reason",
                                      "Purpose", "Libellé", "Communication",
                                      "Payment Details", "Transaction Description",
                                      "التفاصيل", "الشرح", "Narration", "Remarks",
                                      "تفاصيل العملية")),
        Field("Amount", "money", ("المبلغ", "Betrag", "Montant", "Signed Amount")),
        Field("Debit", "money", ("مدين", "Withdrawal", "Withdrawals", "Debit Amount", "Soll",
                                 "Paid Out", "سحب", "Débit", "Money Out", "مسحوبات")),
        Field("Credit", "money", ("دائن", "Deposit", "Deposits", "Credit Amount", "Haben",
                                  "Paid In", "إيداع", "Crédit", "Money In", "إيداعات")),
        Field("Currency", "currency", ("العملة", "Ccy", "Währung", "Devise", "Monn",
                                         "Monnaie")),
        Field("Reference", "text", ("المرجع", "Customer Reference", "Remittance Reference",
                                     "Payment Reference", "SEPA Reference",
                                     "End To End Reference", "Check Number",
                                     "Cheque Number", "Référence", "رقم الشيك",
                                     "Reference No", "Reference Number", "Ref No",
                                     "Cheque/Reference No", "رقم المرجع")),
        Field("Counterparty", "text", ("Payer", "Payer Name", "Name", "اسم المحول",
                                       "Counterparty Name", "Beneficiary", "Auftraggeber",
                                       "Partner Name", "Auftraggeber/Empfänger", "Payee",
                                       "Empfänger", "Bénéficiaire", "الطرف المقابل")),
        Field("Counterparty Account", "text", ("Payer Account", "IBAN", "Counterparty IBAN",
                                               "حساب المحول", "Account Number",
                                               "Partner Iban", "Number")),
        Field("Bank Ref", "text", ("Transaction ID", "Bank Reference", "مرجع البنك", "FITID",
                                   "Transaction Reference", "N° de transaction",
                                   "Transaction No", "Transaction Number",
                                   "رقم العملية")),
        Field("Balance", "money", ("الرصيد", "Running Balance", "Saldo", "Solde",
                                   "Kontostand")),
    ),
)

POLICY = SheetSchema("Policy", ("السياسة", "Settings", "Parameters", "الإعدادات"), ())

# Optional sheets used by later jobs. Each is read only where the workbook has it.
ORDERS = SheetSchema(
    "Orders",
    ("أوامر البيع", "Sales Orders", "Open Orders", "الطلبات", "Deliveries", "التسليمات",
     "Sales Order",  # (ERPNext's doctype, as its export names the sheet)
     # delivery notes: an Egyptian store's goods issue notes (أذون صرف بضاعة) too
     "Delivery Notes", "Delivery Note", "Dispatch Notes", "أذون التسليم", "أذونات التسليم",
     "أذون الصرف", "أذونات الصرف", "أذون صرف البضاعة"),
    (
        Field("Order No", "id", ("رقم الأمر", "Order", "Order Number", "Delivery No",
                                 "Delivery Number", "رقم التسليم", "SO No",
                                 "Delivery Note No", "DN No", "رقم الإذن", "رقم إذن الصرف",
                                 "رقم إذن التسليم")),
        Field("Customer ID", "id", CUSTOMER_OF_A_DOCUMENT, required=True),  # as Invoices' is
        Field("Date", "date", ("التاريخ", "Order Date", "Delivery Date", "تاريخ التسليم",
                               "Transaction Date", "Delivery Note Date", "DN Date",
                               "Dispatch Date", "تاريخ الإذن", "تاريخ الصرف")),
        Field("Amount", "money", ("المبلغ", "Order Amount", "Value", "القيمة", "Grand Total"),
              required=True),
        Field("Invoice No", "id", ("رقم الفاتورة", "Invoiced Invoice No", "Invoiced In",
                                   "Invoice")),
        Field("Status", "text", ("الحالة", "Order Status")),
    ),
)

CREDIT_REQUESTS = SheetSchema(
    "Credit Requests",
    ("طلبات الائتمان", "Limit Requests", "Credit Limit Requests", "طلبات زيادة الحد"),
    (
        Field("Customer ID", "id", ("رقم العميل", "Customer No", "Account", "كود العميل",
                                    "Customer Code", "Customer", "العميل"), required=True),
        Field("Requested Limit", "money", ("الحد المطلوب", "New Limit", "Requested Credit Limit"),
              required=True),
        Field("Reason", "text", ("السبب", "Justification")),
        Field("Requested By", "text", ("مقدم الطلب", "Requester")),
        Field("Date", "date", ("التاريخ", "Request Date")),
    ),
)

INVOICE_LINES = SheetSchema(
    "Invoice Lines",
    ("بنود الفواتير", "Invoice Items", "Lines", "Invoice Detail",
     "Sales Invoice Item", "Sales Invoice Items",  # ERPNext's child table exported
     "Billing Items", "Billing Document Items"),  # SAP's VBRP
    (
        Field("Invoice No", "id", ("رقم الفاتورة", "Invoice", "Invoice Number",
                                   # Odoo's Journal Items (account.move.line) of invoices
                                   "Journal Entry", "Move",
                                   # ERPNext's Sales Invoice Item, SAP's VBRP
                                   "Parent", "Sales Invoice", "Billing Document",
                                   "Document No",  # (Business Central's sales lines)
                                   "Num", "Invoice #", "Inv No"),  # QuickBooks' reports
              required=True),
        Field("Item", "id", ("الصنف", "Item Code", "SKU", "Product", "كود الصنف")),
        Field("Quantity", "number", ("الكمية", "Qty", "العدد", "Billed Quantity",
                                     "Invoiced Quantity")),
        Field("Unit", "text", ("الوحدة", "UOM", "Unit of Measure", "وحدة القياس",
                               "Unit of Measure Code", "Usage Unit", "Sales Unit")),
        Field("Unit Price", "money", ("سعر الوحدة", "Price", "السعر",
                                      # ERPNext, Zoho, Xero, QuickBooks, Business Central
                                      "Rate", "Item Price", "Unit Amount", "Sales Price",
                                      "Unit Price Excl. VAT")),
        Field("Discount %", "percent", ("الخصم", "Discount", "Disc %", "نسبة الخصم", "خصم %",
                                        "Discount (%)", "Discount Percentage", "Disc. %",
                                        "Line Discount %",
                                        # a clerk's own sheet: the word and a % sign
                                        "الخصم %", "نسبة الخصم %", "Discount Rate")),
        Field("Discount Amount", "money", ("مبلغ الخصم", "قيمة الخصم", "Discount Value",
                                           "Disc Amount")),
        Field("Tax Rate", "percent", ("نسبة الضريبة", "VAT %", "Tax %", "VAT Rate", "Tax",
                                      "Taxes",  # (Odoo's invoice lines: "15%")
                                      "Item Tax %",  # (Zoho's)
                                      "نسبة الضريبة %", "الضريبة %", "ضريبة القيمة المضافة %",
                                      "نسبة ضريبة القيمة المضافة", "VAT Rate %", "Tax Rate %")),
        Field("Tax Amount", "money", ("مبلغ الضريبة", "قيمة الضريبة", "VAT Amount", "VAT Value",
                                      "Tax Value", "VAT", "Item Tax Amount", "Tax Amount",
                                      # a hand-kept sheet's VAT column, its rate in the header
                                      "ضريبة القيمة المضافة", "قيمة ضريبة القيمة المضافة",
                                      "ض.ق.م", "VAT 5%", "VAT 10%", "VAT 14%", "VAT 15%",
                                      "ضريبة 5%", "ضريبة 14%", "ضريبة 15%", "ض.ق.م 14%",
                                      "ضريبة القيمة المضافة 5%", "ضريبة القيمة المضافة 14%",
                                      "ضريبة القيمة المضافة 15%")),
        Field("Line Total", "money", ("إجمالي البند", "Total", "Amount", "Line Amount",
                                      "Item Total", "Line Amount Excl. VAT",  # Zoho, BC
                                      "Net Value",  # SAP's VBRP
                                      # an Arabic invoice's lines: the line's value
                                      "الإجمالي", "القيمة", "المبلغ", "قيمة البند",
                                      # the line's total with its VAT, beside its net
                                      "Total Incl. VAT", "Total Including VAT",
                                      "Line Total Incl VAT", "Amount Incl VAT", "Total Amount",
                                      "الإجمالي شامل الضريبة", "الإجمالي بعد الضريبة",
                                      "الإجمالي شامل ضريبة القيمة المضافة")),
    ),
)

PRICE_LIST = SheetSchema(
    "Price List",
    ("قائمة الأسعار", "Prices", "Price Book", "الأسعار"),
    (
        Field("Item", "id", ("الصنف", "Item Code", "SKU", "Product", "كود الصنف"), required=True),
        Field("Unit", "text", ("الوحدة", "UOM")),
        Field("Price", "money", ("السعر", "Unit Price", "List Price",
                                 "Rate", "Price List Rate",  # ERPNext's Item Price
                                 # a retailer's list kept with VAT in (read so)
                                 "Price Incl VAT", "Price Including VAT", "Price with VAT",
                                 "Unit Price Incl VAT", "السعر شامل الضريبة",
                                 "السعر شامل ضريبة القيمة المضافة", "السعر بالضريبة"),
              required=True),
        Field("Valid From", "date", ("من تاريخ", "From", "Start Date")),
        Field("Valid To", "date", ("إلى تاريخ", "To", "End Date", "Valid Upto", "Valid Up To",
                                   "Valid Until")),
        # optional: a customer's own price (blank = every customer) and the price's currency
        Field("Customer ID", "id", ("رقم العميل", "Customer No", "Account", "كود العميل")),
        Field("Currency", "currency", ("العملة", "Ccy", "Curr")),
    ),
)

UNIT_CONVERSIONS = SheetSchema(
    "Unit Conversions",
    ("تحويل الوحدات", "UOM Conversions", "Unit Conversion", "Conversions", "معاملات التحويل"),
    (
        Field("Item", "id", ("الصنف", "Item Code", "SKU", "Product", "كود الصنف")),
        Field("From Unit", "text", ("من وحدة", "From UOM", "From", "Unit")),
        Field("To Unit", "text", ("إلى وحدة", "To UOM", "To", "Base Unit")),
        Field("Factor", "number", ("المعامل", "Conversion Factor", "Qty", "Quantity"),
              required=True),
    ),
)

PAYMENT_PLANS = SheetSchema(
    "Payment Plans",
    ("خطط السداد", "Instalment Plans", "Installment Plans", "جدولة المديونية"),
    (
        Field("Customer ID", "id", ("رقم العميل", "Customer No", "Account", "كود العميل",
                                    "Customer Code"), required=True),
        Field("Amount", "money", ("المبلغ", "Plan Amount", "Total Amount", "Total",
                                  "إجمالي المبلغ", "المبلغ الإجمالي", "قيمة الخطة"),
              required=True),
        Field("Instalments", "int", ("عدد الأقساط", "Installments", "Number of Instalments",
                                     "Number of Installments", "No of Instalments",
                                     "Number of Payments", "عدد الدفعات"),
              required=True),
        Field("Start", "date", ("تاريخ البدء", "Start Date", "First Due Date", "تاريخ البداية",
                                "تاريخ أول قسط", "تاريخ القسط الأول", "بداية الخطة",
                                "First Instalment Date", "First Installment Date",
                                "First Payment Date"), required=True),
        Field("Frequency", "text", ("التكرار", "Every", "الدورية", "دورية السداد", "دورية الأقساط",
                                    "Payment Frequency", "Instalment Frequency",
                                    "Installment Frequency")),
    ),
)

SCHEMAS: dict[str, SheetSchema] = {
    s.name: s
    for s in (CUSTOMERS, INVOICES, PAYMENTS, BANK, ORDERS, CREDIT_REQUESTS, INVOICE_LINES,
              PRICE_LIST, PAYMENT_PLANS, UNIT_CONVERSIONS)
}

_DTYPES = {
    "id": "object", "text": "object", "currency": "object", "status": "object",
    "money": "float64", "number": "float64", "percent": "float64",
    "date": "datetime64[ns]", "terms": "Int64", "int": "Int64",
}


def empty_frame(kind: str) -> pd.DataFrame:
    """An empty parsed frame of a sheet kind, with the canonical columns and dtypes."""
    # a copy of one built once per kind: asked for many times a run (a book's absent sheets,
    # each billing check), and building it took 40 times as long as copying it
    return _empty_frame(kind).copy()


@cache
def _empty_frame(kind: str) -> pd.DataFrame:
    from ar_excel.model import ROW

    schema = SCHEMAS[kind]
    cols = {f.name: pd.Series(dtype=_DTYPES.get(f.kind, "object")) for f in schema.fields}
    cols[ROW] = pd.Series(dtype="int64")
    return pd.DataFrame(cols)
