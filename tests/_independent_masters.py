"""Customer masters and invoice lists written the way four real books are kept, built from
scratch for the validate and invoices jobs (nothing here comes from ``ar_excel.demo``).

* Egypt: an FMCG distributor's Arabic workbook (العملاء, الفواتير, بنود الفواتير, قائمة
  الأسعار) under a title row; 9-digit tax registration numbers typed ``123-456-789`` or
  plain, mobiles ``01x`` and ``+20``, VAT 14 % (basic foods 0 %), line totals before tax.
* Saudi Arabia: an English sheet with an Arabic name column and a CR number column; VAT
  numbers of 15 digits starting and ending with 3, branches sharing one VAT number, VAT 15 %,
  line totals with tax.
* UAE: a trader's English sheet; TRNs of 15 digits starting with 100 (typed with or without
  spaces), FZE / LLC / L.L.C. names, ``PDC 90 days`` terms, limits ``AED 100,000``; an
  invoice register without lines giving each invoice's net, VAT (5 %) and total.
* English: a QuickBooks-style export (``Customer``, ``Account No.``, ``Main Phone``,
  ``Terms`` ``Net 30`` / ``Due on receipt``), invoices keyed by the customer's name.

Each book is 50 clean customers (with the variety good data has) and a short list of planted
problems, each with the finding an experienced accountant expects: (tab, code, key, Excel row,
field). Every other finding on a book is a false positive.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path

import openpyxl

from tests._workbooks import save_workbook

AS_OF = date(2026, 3, 31)


@dataclass(frozen=True)
class Expect:
    """One finding the accountant expects: ``key`` is the Customer ID (Customer Checks) or
    the Invoice No (Invoice Checks)."""

    tab: str
    code: str
    key: str
    row: int
    field: str


@dataclass
class Sheet:
    name: str
    header: list[str]
    rows: list[list] = field(default_factory=list)
    title: list[str] = field(default_factory=list)  # rows above the header

    @property
    def first_row(self) -> int:
        """The Excel row of the first data row."""
        return len(self.title) + 2 + (1 if self.title else 0)  # title, a blank row, header

    def add(self, values: list) -> int:
        """Append a row; its Excel row number."""
        self.rows.append(values)
        return self.first_row + len(self.rows) - 1

    def col(self, name: str) -> int:
        return self.header.index(name)


@dataclass
class Book:
    name: str
    sheets: list[Sheet]
    expected: list[Expect] = field(default_factory=list)
    clean_customers: int = 0

    def sheet(self, name: str) -> Sheet:
        return next(s for s in self.sheets if s.name == name)

    def expect(self, tab: str, code: str, key: str, row: int, field_: str) -> None:
        self.expected.append(Expect(tab, code, key, row, field_))

    def write(self, path: Path) -> Path:
        wb = openpyxl.Workbook()
        wb.remove(wb.active)
        for s in self.sheets:
            ws = wb.create_sheet(s.name)
            for t in s.title:
                ws.append([t])
            if s.title:
                ws.append([])
            ws.append(s.header)
            for r in s.rows:
                ws.append(r)
            for cells in ws.iter_rows(min_row=s.first_row):
                for c in cells:
                    if isinstance(c.value, datetime):
                        c.number_format = "dd/mm/yyyy"
        save_workbook(wb, path)
        return path


def _dt(d: date) -> datetime:
    return datetime(d.year, d.month, d.day)


def _r2(x: float) -> float:
    """Half-up to the cent, as invoicing systems round."""
    from decimal import ROUND_HALF_UP, Decimal

    return float(Decimal(repr(x)).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP))


@dataclass
class Line:
    item: str | None
    qty: float
    unit: str
    price: float
    disc: float = 0.0
    rate: float = 14.0

    @property
    def net(self) -> float:
        return _r2(self.qty * self.price * (1 - self.disc / 100))

    @property
    def tax(self) -> float:
        return _r2(self.net * self.rate / 100)

    @property
    def gross(self) -> float:
        return _r2(self.net + self.tax)


# ----------------------------------------------------------------------------------------
# Egypt: an FMCG distributor, Arabic workbook
# ----------------------------------------------------------------------------------------

EG_NAMES = [
    "شركة النيل للتجارة والتوزيع", "سوبر ماركت الفتح", "صيدلية د. منى عبد الرحمن",
    "محلات أولاد رجب", "شركة الدلتا للصناعات الغذائية", "مؤسسة السلام التجارية", "هايبر وان",
    "شركة المصريين للتوريدات", "محلات الحرمين", "شركة الإخلاص للاستيراد والتصدير",
    "سوبر ماركت خير زمان", "شركة النور للمقاولات", "صيدليات العزبي", "شركة القاهرة للأدوية",
    "مخازن الصعيد", "شركة مصر للأغذية", "بقالة الأمانة", "شركة الشروق للتجارة",
    "محلات البركة", "شركة سيناء للتوريدات العامة", "مجموعة الفرسان التجارية",
    "شركة الأهرام للتوزيع", "سوبر ماركت أبو زيد", "شركة طيبة للتجارة", "شركة النور للتجارة",
    "محلات الزهراء", "شركة الوادي الجديد للتجارة", "صيدلية الشفاء ",  # trailing space
    "شركة الإسكندرية للتوريدات", "شركة المنصورة للأغذية", "محلات فتح الله",
    "شركة بدر للتجارة", "Cairo Foods Co.", "Metro Markets", "Spinneys Egypt",
    "الشركة المتحدة للصيادلة", "محلات السعادة", "شركة الجيزة للتوزيع", "شركة الرحاب للتجارة",
    "شركة أسيوط للتوريدات", "شركة الحمد للتجارة", "سوبر ماركت الهنا", "شركة دمياط للتجارة",
    "شركة الأقصر للتوريدات", "محلات عبد الحميد", "شركة المستقبل للتوزيع",
    "شركة الصفا للتجارة", "شركة المروة للتجارة", "صيدلية النهار", "شركة الزمالك للتوريدات",
]
EG_CITIES = ["القاهرة", "الجيزة", "الإسكندرية", "المنصورة", "طنطا", "أسيوط", "الزقازيق"]
EG_TERMS = ["30", "30 يوم", "نقدي", "45 يوم", 60, "Net 30", "٣٠", 15, "آجل 60 يوم", 0]
EG_LIMITS = ["200,000", 150000, "٢٥٠٬٠٠٠", "300,000 ج.م", None, 400000, "بدون حد",
             "250,000 EGP", 180000, "مفتوح"]
# (code, unit, price, VAT %): sugar and rice are VAT-exempt basic foods in Egypt
EG_ITEMS = [("SKU-1001", "كرتونة", 780.0, 14.0), ("SKU-1002", "كرتونة", 1150.0, 14.0),
            ("SKU-1003", "شيكارة", 1325.0, 0.0), ("SKU-1004", "شيكارة", 1480.0, 0.0),
            ("SKU-1005", "علبة", 96.5, 14.0), ("SKU-1006", "كرتونة", 452.25, 14.0),
            ("SKU-1007", "قطعة", 38.75, 14.0), ("SKU-1008", "كرتونة", 2210.0, 14.0)]


def _eg_tax(i: int) -> str:
    digits = f"{(217 + i * 37) % 900 + 100:03d}{(i * 7919) % 1000:03d}{(i * 104729 + 11) % 1000:03d}"
    style = i % 3
    if style == 0:
        return f"{digits[:3]}-{digits[3:6]}-{digits[6:]}"
    if style == 1:
        return int(digits) if i % 2 else digits  # a number cell, or text
    return f"{digits[:3]} {digits[3:6]} {digits[6:]}"


def _eg_phone(i: int) -> str:
    prefix = ["010", "011", "012", "015"][i % 4]
    rest = f"{(i * 48271 + 1234567) % 10**8:08d}"
    style = i % 5
    if style == 0:
        return prefix + rest
    if style == 1:
        return f"+20 {prefix[1:]} {rest[:4]} {rest[4:]}"
    if style == 2:
        return f"{prefix} {rest[:4]} {rest[4:]}"
    if style == 3:
        land = f"2{(i * 7331 + 2345678) % 10**7:07d}"
        return f"(02) {land[:4]}-{land[4:]}"
    arabic = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")
    return (prefix + rest).translate(arabic)


EG_HEAD = ["كود العميل", "اسم العميل", "الرقم الضريبي", "السجل التجاري", "الموبايل",
           "البريد الإلكتروني", "العنوان", "المدينة", "العملة", "شروط الدفع", "حد الائتمان",
           "الخصم", "الحالة"]


def _eg_customer(i: int, name: str, **over) -> list:
    values = {
        "كود العميل": f"C-{1000 + i}", "اسم العميل": name, "الرقم الضريبي": _eg_tax(i),
        "السجل التجاري": str(50000 + i * 311), "الموبايل": _eg_phone(i),
        "البريد الإلكتروني": (f"accounts{i}@gmail.com" if i % 4 == 0 else
                              f"ap@customer{i}.com.eg" if i % 4 == 1 else
                              f"finance.dept@eg-client{i}.com" if i % 4 == 2 else None),
        "العنوان": f"{10 + i} شارع {['التحرير', 'الجمهورية', 'الهرم', 'فيصل'][i % 4]}",
        "المدينة": EG_CITIES[i % len(EG_CITIES)],
        "العملة": ["EGP", "جنيه", "ج.م", "EGP"][i % 4], "شروط الدفع": EG_TERMS[i % len(EG_TERMS)],
        "حد الائتمان": EG_LIMITS[i % len(EG_LIMITS)], "الخصم": [0, 2, "3%", 5, None][i % 5],
        "الحالة": ["نشط", "نشط", "Active", "نشط"][i % 4],
    }
    values.update(over)
    return [values[h] for h in EG_HEAD]


def _terms_days(value) -> int:
    text = str(value)
    digits = "".join(ch for ch in text.translate(str.maketrans("٠١٢٣٤٥٦٧٨٩", "0123456789"))
                     if ch.isdigit())
    return int(digits) if digits else 0


def egypt() -> Book:
    cust = Sheet("العملاء", EG_HEAD, title=["شركة الدلتا للتوزيع - بيانات العملاء"])
    book = Book("egypt", [cust])
    for i, name in enumerate(EG_NAMES, start=1):
        cust.add(_eg_customer(i, name))
    book.clean_customers = len(EG_NAMES)
    cc = "Customer Checks"
    # the same company keyed twice: hamza and legal form variants
    r = cust.add(_eg_customer(61, "شركة الأمل للتجارة"))
    book.expect(cc, "POSSIBLE_DUPLICATE", "C-1061", r, "Name")
    r = cust.add(_eg_customer(62, "الامل للتجارة ش.م.م"))
    book.expect(cc, "POSSIBLE_DUPLICATE", "C-1062", r, "Name")
    # taa marbuta / alif maqsura variants
    r = cust.add(_eg_customer(63, "مؤسسة الهدى للتوزيع"))
    book.expect(cc, "POSSIBLE_DUPLICATE", "C-1063", r, "Name")
    r = cust.add(_eg_customer(64, "مؤسسه الهدي للتوزيع"))
    book.expect(cc, "POSSIBLE_DUPLICATE", "C-1064", r, "Name")
    # one tax card under two names (the trading name and the company)
    r = cust.add(_eg_customer(65, "مخازن الفجر", **{"الرقم الضريبي": "345-678-912"}))
    book.expect(cc, "DUPLICATE_TAX_ID", "C-1065", r, "Tax ID")
    r = cust.add(_eg_customer(66, "شركة الفجر للتوريدات", **{"الرقم الضريبي": "345678912"}))
    book.expect(cc, "DUPLICATE_TAX_ID", "C-1066", r, "Tax ID")
    # one mobile under two unrelated-looking names
    r = cust.add(_eg_customer(67, "محلات الحاج سيد", **{"الموبايل": "01223456781"}))
    book.expect(cc, "POSSIBLE_DUPLICATE", "C-1067", r, "Name")
    r = cust.add(_eg_customer(68, "سوبر ماركت الأسرة", **{"الموبايل": "+20 122 345 6781"}))
    book.expect(cc, "POSSIBLE_DUPLICATE", "C-1068", r, "Name")
    # policy and data-entry problems
    r = cust.add(_eg_customer(69, "شركة الوفاء للتجارة", **{"الخصم": "25%"}))
    book.expect(cc, "DISCOUNT_ABOVE_POLICY", "C-1069", r, "Discount %")
    r = cust.add(_eg_customer(70, "شركة الرواد للتوزيع", **{"شروط الدفع": "120 يوم"}))
    book.expect(cc, "UNUSUAL_TERMS", "C-1070", r, "Payment Terms")
    r = cust.add(_eg_customer(71, None))
    book.expect(cc, "MISSING_NAME", "C-1071", r, "Name")
    r = cust.add(_eg_customer(72, "شركة الأصدقاء للتجارة", **{"الرقم الضريبي": None}))
    book.expect(cc, "MISSING_TAX_ID", "C-1072", r, "Tax ID")
    r = cust.add(_eg_customer(73, "محلات النجمة", **{"الموبايل": "0100123456"}))
    book.expect(cc, "INVALID_PHONE", "C-1073", r, "Phone")
    r = cust.add(_eg_customer(74, "شركة الكوثر للتجارة",
                              **{"البريد الإلكتروني": "kawthar.trading@gmail"}))
    book.expect(cc, "INVALID_EMAIL", "C-1074", r, "Email")
    r = cust.add(_eg_customer(75, "شركة التوحيد للتجارة", **{"الرقم الضريبي": "12345678"}))
    book.expect(cc, "INVALID_TAX_ID", "C-1075", r, "Tax ID")
    r = cust.add(_eg_customer(78, "محلات الصباح", **{"كود العميل": None}))
    book.expect(cc, "MISSING_ID", "", r, "Customer ID")
    # good data that looks odd: no findings
    cust.add(_eg_customer(76, "شركة النصر للتجارة", **{"الحالة": "مغلق"}))  # closed
    cust.add(_eg_customer(77, "سوبر ماركت الرحمة", **{"حد الائتمان": "50,000 EGP"}))
    cust.add(_eg_customer(79, "شركة الخليج للتجارة",
                          **{"الموبايل": "01001234567 / 02-25789012", "الخصم": "5%"}))
    cust.add(_eg_customer(80, "محلات الإيمان", **{"شروط الدفع": "Cash", "حد الائتمان": 0}))

    _eg_invoices(book)
    return book


def _eg_invoices(book: Book) -> None:
    cust = book.sheet("العملاء")
    inv = Sheet("الفواتير", ["رقم الفاتورة", "كود العميل", "تاريخ الفاتورة", "تاريخ الاستحقاق",
                            "المبلغ", "ملاحظات"])
    lines = Sheet("بنود الفواتير", ["رقم الفاتورة", "كود الصنف", "البيان", "الكمية", "الوحدة",
                                   "سعر الوحدة", "الخصم", "نسبة الضريبة", "مبلغ الضريبة",
                                   "إجمالي البند"])
    prices = Sheet("قائمة الأسعار", ["كود الصنف", "الوحدة", "السعر", "من تاريخ"])
    book.sheets += [inv, lines, prices]
    for code, unit, price, _ in EG_ITEMS:
        prices.add([code, unit, price, datetime(2025, 7, 1)])
    terms = {row[0]: _terms_days(row[EG_HEAD.index("شروط الدفع")]) for row in cust.rows}
    discount = {row[0]: row[EG_HEAD.index("الخصم")] for row in cust.rows}
    ic = "Invoice Checks"
    start = date(2026, 1, 4)
    number = 0

    def invoice(cid: str, day: date, items: list[Line], due: date | None = None,
                no: str | None = None, tax_override: dict[int, float] | None = None) -> tuple[int, list[int]]:
        nonlocal number
        if no is None:
            number += 1
            no = f"INV-26-{number:04d}"
        rows = []
        total = 0.0
        for k, ln in enumerate(items):
            tax = (tax_override or {}).get(k, ln.tax)
            rows.append(lines.add([no, ln.item, "", ln.qty, ln.unit, ln.price, ln.disc or None,
                                   f"{ln.rate:g}%", tax, ln.net]))
            total += ln.net + tax
        due = due or day + timedelta(days=terms[cid])
        r = inv.add([no, cid, _dt(day), _dt(due), _r2(total), None])
        return r, rows

    ids = [f"C-{1000 + i}" for i in range(1, 51)]
    for n in range(80):
        cid = ids[(n * 7) % 50]
        day = start + timedelta(days=(n * 5) % 85)
        disc = float(str(discount[cid] or 0).rstrip("%"))
        items = []
        for k in range(1 + n % 3):
            code, unit, price, rate = EG_ITEMS[(n + 3 * k) % len(EG_ITEMS)]
            items.append(Line(code, float(2 + (n * k + n) % 9), unit, price, disc, rate))
        invoice(cid, day, items)
    # a delivery fee line, lump sum (no item, no price list)
    r, _ = invoice(ids[3], date(2026, 3, 2), [Line(None, 1, "", 250.0, 0, 14.0),
                                             Line("SKU-1001", 3, "كرتونة", 780.0, 0, 14.0)])

    # VAT on the price before the customer's discount
    c = ids[1]  # 2 % discount
    ln = Line("SKU-1002", 10, "كرتونة", 1150.0, 2.0, 14.0)
    _, rows = invoice(c, date(2026, 3, 5), [ln], tax_override={0: _r2(10 * 1150 * 0.14)})
    book.expect(ic, "TAX_AMOUNT_MISMATCH", f"INV-26-{number:04d}", rows[0], "Tax Amount")
    # a rate that does not exist in Egypt
    ln = Line("SKU-1005", 20, "علبة", 96.5, 0, 10.0)
    _, rows = invoice(ids[0], date(2026, 3, 6), [ln])
    book.expect(ic, "TAX_RATE_NOT_ALLOWED", f"INV-26-{number:04d}", rows[0], "Tax Rate")
    # due date typed before the invoice date
    r, _ = invoice(ids[4], date(2026, 3, 10), [Line("SKU-1006", 4, "كرتونة", 452.25)],
                   due=date(2026, 2, 10))
    book.expect(ic, "DUE_DATE_INCONSISTENT", f"INV-26-{number:04d}", r, "Due Date")
    # one number keyed twice for two customers
    r1, _ = invoice(ids[6], date(2026, 3, 12), [Line("SKU-1007", 12, "قطعة", 38.75)])
    dup = f"INV-26-{number:04d}"
    r2, _ = invoice(ids[8], date(2026, 3, 12), [Line("SKU-1001", 2, "كرتونة", 780.0)], no=dup)
    book.expect(ic, "DUPLICATE_INVOICE_NO", dup, r1, "Invoice No")
    book.expect(ic, "DUPLICATE_INVOICE_NO", dup, r2, "Invoice No")
    # last year's price
    ln = Line("SKU-1008", 3, "كرتونة", 2050.0)
    _, rows = invoice(ids[9], date(2026, 3, 14), [ln])
    book.expect(ic, "PRICE_OFF_LIST", f"INV-26-{number:04d}", rows[0], "Unit Price")
    # billed to the closed customer
    r, _ = invoice("C-1076", date(2026, 3, 20), [Line("SKU-1003", 5, "شيكارة", 1325.0, 0, 0.0)])
    book.expect(ic, "CUSTOMER_CLOSED", f"INV-26-{number:04d}", r, "Customer ID")
    # a line whose total is net + tax while the sheet's totals are before tax
    ln = Line("SKU-1001", 5, "كرتونة", 780.0)
    _, rows = invoice(ids[10], date(2026, 3, 16), [ln])
    lines.rows[-1][-1] = ln.gross
    inv.rows[-1][4] = _r2(ln.gross + ln.tax)
    book.expect(ic, "LINE_TOTAL_MISMATCH", f"INV-26-{number:04d}", rows[0], "Line Total")
    # the customer ID typed with a trailing space: the same customer, no finding
    terms[ids[11] + " "] = terms[ids[11]]
    invoice(ids[11] + " ", date(2026, 3, 18), [Line("SKU-1005", 6, "علبة", 96.5)])


# ----------------------------------------------------------------------------------------
# Saudi Arabia: English sheet with an Arabic name column, CR numbers, VAT 15 %
# ----------------------------------------------------------------------------------------

SA_NAMES = [
    ("Al Rashid Trading Co.", "شركة الراشد للتجارة"),
    ("Najd Building Materials", "نجد لمواد البناء"),
    ("Riyadh Medical Supplies Est.", "مؤسسة الرياض للمستلزمات الطبية"),
    ("Al Jazirah Foodstuff Co. Ltd", "شركة الجزيرة للمواد الغذائية المحدودة"),
    ("Tamimi Markets", "أسواق التميمي"),
    ("Danube Company", "شركة الدانوب"),
    ("Al Othaim Markets", "أسواق العثيم"),
    ("Bin Dawood Trading", "بن داود للتجارة"),
    ("Al Sharqiya Contracting", "الشرقية للمقاولات"),
    ("Makkah Hospitality Co.", "شركة مكة للضيافة"),
    ("Qassim Dates Factory", "مصنع القصيم للتمور"),
    ("Hail Agricultural Co.", "شركة حائل الزراعية"),
    ("Tabuk Fisheries", "أسماك تبوك"),
    ("Al Madinah Printing Press", "مطابع المدينة"),
    ("Gulf Packaging Industries", "صناعات الخليج للتغليف"),
    ("Arabian Shield Electrical", "الدرع العربي للكهرباء"),
    ("Desert Rose Catering", "وردة الصحراء للتموين"),
    ("Yanbu Marine Services", "ينبع للخدمات البحرية"),
    ("Khobar Auto Parts", "الخبر لقطع غيار السيارات"),
    ("Jeddah Textile House", "دار جدة للأقمشة"),
    ("Al Faisaliah Pharmacy", "صيدلية الفيصلية"),
    ("Nahdi Medical Company", "شركة النهدي الطبية"),
    ("Abha Cold Stores", "مستودعات أبها المبردة"),
    ("Jazan Trading Est.", "مؤسسة جازان التجارية"),
    ("Al Ahsa Palm Products", "منتجات نخيل الأحساء"),
    ("Saudi Office Furniture Co.", "الشركة السعودية للأثاث المكتبي"),
    ("Red Sea Logistics", "البحر الأحمر للخدمات اللوجستية"),
    ("Al Kharj Dairy", "ألبان الخرج"),
    ("Taif Roses Perfumes", "عطور ورد الطائف"),
    ("Najran Steel Works", "نجران لأعمال الحديد"),
    ("Al Baha Bakeries", "مخابز الباحة"),
    ("Unaizah Hardware", "عنيزة للأدوات"),
    ("Al Jouf Olive Co.", "شركة الجوف للزيتون"),
    ("Sakaka Electric Trading", "سكاكا للتجارة الكهربائية"),
    ("Diriyah Interiors", "الدرعية للديكور"),
    ("Al Khaleej Water Co.", "شركة مياه الخليج"),
    ("Masdar Technical Supplies", "مصدر للتوريدات الفنية"),
    ("Zahrat Al Khaleej Flowers", "زهرة الخليج للزهور"),
    ("Al Wadi Poultry", "دواجن الوادي"),
    ("Eastern Cables Co.", "شركة كابلات الشرقية"),
    ("Sahara Tents Factory", "مصنع خيام الصحراء"),
    ("Al Muhaidib Sons", "أبناء المهيدب"),
    ("Jubail Chemical Traders", "الجبيل لتجارة الكيماويات"),
    ("Rabigh Paints", "دهانات رابغ"),
    ("Al Nakheel Restaurants", "مطاعم النخيل"),
    ("Asir Coffee Roasters", "محامص قهوة عسير"),
    ("Dammam Glass Co.", "شركة زجاج الدمام"),
    ("Al Yamamah Stationery", "قرطاسية اليمامة"),
    ("Hijaz Travel & Tourism", "الحجاز للسفر والسياحة"),
    ("Tuwaiq Security Services", "طويق للخدمات الأمنية"),
]
SA_HEAD = ["Customer No", "Customer Name", "Arabic Name", "VAT Number", "CR No", "Mobile",
           "Email", "City", "Currency", "Payment Terms", "Credit Limit", "Discount %", "Status"]
SA_CITIES = ["Riyadh", "Jeddah", "Dammam", "Khobar", "Makkah", "Madinah", "Buraidah"]


def sa_vat(i: int) -> str:
    return f"3{(i * 7919 + 1234567) % 10**9:09d}{(i * 31) % 1000:03d}03"


def _sa_customer(i: int, en: str, ar: str, **over) -> list:
    values = {
        "Customer No": f"SA{i:04d}", "Customer Name": en, "Arabic Name": ar,
        "VAT Number": (int(sa_vat(i)) if i % 3 == 1 else sa_vat(i)) if i % 3 else
        f"{sa_vat(i)[:5]} {sa_vat(i)[5:10]} {sa_vat(i)[10:]}",
        "CR No": str(1010000000 + i * 7907), "Mobile": [
            f"05{(i * 3571 + 1000000) % 10**8:08d}", f"+966 5{(i * 3571 + 1000000) % 10**8:08d}",
            f"011 {(i * 4567 + 2000000) % 10**7:07d}", f"+966 (0)12 {(i * 97 + 6000000) % 10**7:07d}",
        ][i % 4],
        "Email": f"finance@sa-customer{i}.com.sa" if i % 5 else f"ap.{i}@outlook.sa",
        "City": SA_CITIES[i % len(SA_CITIES)], "Currency": ["SAR", "SAR", "ر.س", "SAR"][i % 4],
        "Payment Terms": ["30", "60 days", "Cash", "Net 45", 90, "30 يوم"][i % 6],
        "Credit Limit": ["SAR 500,000", 250000, "1,000,000", 750000.0, None][i % 5],
        "Discount %": [None, 0, 2, 0.05, 3][i % 5], "Status": "Active",
    }
    values.update(over)
    return [values[h] for h in SA_HEAD]


def saudi() -> Book:
    cust = Sheet("Customers", SA_HEAD)
    book = Book("saudi", [cust])
    for i, (en, ar) in enumerate(SA_NAMES, start=1):
        cust.add(_sa_customer(i, en, ar))
    # two branches of one company share its VAT number: good data, distinct accounts
    cust.add(_sa_customer(51, "Panda Retail Co. - Riyadh Branch", "بنده للتجزئة - فرع الرياض",
                          **{"VAT Number": "300055566600003", "CR No": "1010221133"}))
    cust.add(_sa_customer(52, "Panda Retail Co. - Jeddah Branch", "بنده للتجزئة - فرع جدة",
                          **{"VAT Number": "300055566600003", "CR No": "4030221134"}))
    book.clean_customers = len(SA_NAMES) + 2
    cc = "Customer Checks"
    # the same customer keyed in English and again in Arabic, one VAT number
    vat = "310987654300003"
    r = cust.add(_sa_customer(61, "Al Fanar Trading Company", "شركة الفنار التجارية",
                              **{"VAT Number": vat}))
    book.expect(cc, "DUPLICATE_TAX_ID", "SA0061", r, "Tax ID")
    book.expect(cc, "POSSIBLE_DUPLICATE", "SA0061", r, "Name")
    r = cust.add(_sa_customer(62, "شركة الفنار التجارية", None, **{"VAT Number": vat}))
    book.expect(cc, "DUPLICATE_TAX_ID", "SA0062", r, "Tax ID")
    book.expect(cc, "POSSIBLE_DUPLICATE", "SA0062", r, "Name")
    # "Co." / "Company" / LLC variants of one name
    r = cust.add(_sa_customer(63, "Al Safwa Cement Co.", "شركة الصفوة للأسمنت"))
    book.expect(cc, "POSSIBLE_DUPLICATE", "SA0063", r, "Name")
    r = cust.add(_sa_customer(64, "Al-Safwa Cement Company LLC ", "الصفوة للأسمنت"))
    book.expect(cc, "POSSIBLE_DUPLICATE", "SA0064", r, "Name")
    # the CR number typed in the VAT column; a VAT number missing a digit; not ending in 3
    r = cust.add(_sa_customer(65, "Nujoom Al Sharq Est.", "مؤسسة نجوم الشرق",
                              **{"VAT Number": "1010456789"}))
    book.expect(cc, "INVALID_TAX_ID", "SA0065", r, "Tax ID")
    r = cust.add(_sa_customer(66, "Bayan Medical Co.", "شركة بيان الطبية",
                              **{"VAT Number": "30045678900003"}))
    book.expect(cc, "INVALID_TAX_ID", "SA0066", r, "Tax ID")
    r = cust.add(_sa_customer(67, "Wahat Al Riyadh", "واحة الرياض",
                              **{"VAT Number": "300456789000031"}))
    book.expect(cc, "INVALID_TAX_ID", "SA0067", r, "Tax ID")
    r = cust.add(_sa_customer(68, "Al Mansour Traders", "المنصور للتجارة",
                              **{"Discount %": "25%"}))
    book.expect(cc, "DISCOUNT_ABOVE_POLICY", "SA0068", r, "Discount %")
    r = cust.add(_sa_customer(69, "Qimmah Contracting", "قمة للمقاولات",
                              **{"Mobile": "0551234567 8"}))
    book.expect(cc, "INVALID_PHONE", "SA0069", r, "Phone")
    r = cust.add(_sa_customer(70, "Ruwad Catering", "رواد للتموين", **{"Currency": "RS"}))
    book.expect(cc, "INVALID_CURRENCY", "SA0070", r, "Currency")
    r = cust.add(_sa_customer(71, "Sama Holding", "سما القابضة", **{"Credit Limit": "-100000"}))
    book.expect(cc, "INVALID_CREDIT_LIMIT", "SA0071", r, "Credit Limit")
    r = cust.add(_sa_customer(72, "", "", **{"Customer No": "SA0072"}))
    book.expect(cc, "MISSING_NAME", "SA0072", r, "Name")
    cust.add(_sa_customer(73, "Al Hokair Fashion", "الحكير للأزياء", **{"Status": "Hold"}))
    _sa_invoices(book)
    return book


def _sa_invoices(book: Book) -> None:
    cust = book.sheet("Customers")
    inv = Sheet("Invoices", ["Invoice No", "Customer No", "Invoice Date", "Due Date", "Currency",
                             "Amount"])
    lines = Sheet("Invoice Lines", ["Invoice No", "Item Code", "Description", "Qty", "UOM",
                                    "Unit Price", "Discount %", "VAT %", "VAT Amount",
                                    "Line Total"])
    prices = Sheet("Price List", ["Item Code", "UOM", "Unit Price", "Valid From", "Valid To"])
    book.sheets += [inv, lines, prices]
    items = [("CEM-50", "BAG", 18.5), ("STL-12", "TON", 2875.0), ("PNT-20", "PAIL", 145.0),
             ("TIL-60", "M2", 42.75), ("SRV-INST", "HR", 120.0), ("PIP-4", "PC", 63.4)]
    for code, unit, price in items:
        prices.add([code, unit, round(price * 0.95, 2), datetime(2025, 1, 1),
                    datetime(2025, 12, 31)])
        prices.add([code, unit, price, datetime(2026, 1, 1), None])
    terms = {row[0]: _terms_days(row[SA_HEAD.index("Payment Terms")]) for row in cust.rows}
    ic = "Invoice Checks"
    seq = 0

    def invoice(cid: str, day: date, ls: list[Line], due: date | None = None,
                currency: str = "SAR") -> tuple[int, list[int], str]:
        nonlocal seq
        seq += 1
        no = f"SI-2026-{seq:05d}"
        rows = [lines.add([no, ln.item, None, ln.qty, ln.unit, ln.price, ln.disc or None,
                           ln.rate, ln.tax, ln.gross]) for ln in ls]
        due = due or day + timedelta(days=terms[cid])
        r = inv.add([no, cid, _dt(day), _dt(due), currency, _r2(sum(ln.gross for ln in ls))])
        return r, rows, no

    ids = [f"SA{i:04d}" for i in range(1, 51)]
    for n in range(60):
        cid = ids[(n * 11) % 50]
        day = date(2026, 1, 2) + timedelta(days=(n * 3) % 88)
        ls = [Line(items[(n + k) % 6][0], float(1 + (n + 2 * k) % 7), items[(n + k) % 6][1],
                   items[(n + k) % 6][2], 0.0, 15.0) for k in range(1 + n % 2)]
        invoice(cid, day, ls)
    # the old (2025) VAT... 5 % before July 2020: a rate the Kingdom no longer has
    _, rows, no = invoice(ids[2], date(2026, 3, 3), [Line("PNT-20", 10, "PAIL", 145.0, 0, 5.0)])
    book.expect(ic, "TAX_RATE_NOT_ALLOWED", no, rows[0], "Tax Rate")
    # VAT of 15 % taken on the total with VAT (a clerk grossing twice)
    ln = Line("STL-12", 2, "TON", 2875.0, 0, 15.0)
    _, rows, no = invoice(ids[4], date(2026, 3, 4), [ln])
    lines.rows[-1][8] = _r2(ln.gross * 0.15)
    lines.rows[-1][9] = _r2(ln.net + _r2(ln.gross * 0.15))
    inv.rows[-1][5] = lines.rows[-1][9]
    book.expect(ic, "TAX_AMOUNT_MISMATCH", no, rows[0], "Tax Amount")
    # 2025 price on a 2026 invoice
    _, rows, no = invoice(ids[5], date(2026, 3, 8), [Line("CEM-50", 400, "BAG", 17.58, 0, 15.0)])
    book.expect(ic, "PRICE_OFF_LIST", no, rows[0], "Unit Price")
    # due date 30 days although the customer is cash (0 days): credit nobody approved
    cash = next(c for c in ids if terms[c] == 0)
    r, _, no = invoice(cash, date(2026, 3, 9), [Line("PIP-4", 10, "PC", 63.4, 0, 15.0)],
                       due=date(2026, 4, 8))
    book.expect(ic, "DUE_DATE_INCONSISTENT", no, r, "Due Date")
    # invoice to the customer on hold, this cycle
    r, _, no = invoice("SA0073", date(2026, 3, 25), [Line("TIL-60", 80, "M2", 42.75, 0, 15.0)])
    book.expect(ic, "CUSTOMER_ON_HOLD", no, r, "Customer ID")
    # the same invoice typed twice under two numbers (same customer, amount, date)
    ls = [Line("SRV-INST", 6, "HR", 120.0, 0, 15.0)]
    r1, _, n1 = invoice(ids[7], date(2026, 3, 11), ls)
    r2, _, n2 = invoice(ids[7], date(2026, 3, 11), ls)
    book.expect(ic, "POSSIBLE_DUPLICATE_INVOICE", n1, r1, "Invoice No")
    book.expect(ic, "POSSIBLE_DUPLICATE_INVOICE", n2, r2, "Invoice No")
    # USD invoice to a SAR customer
    r, _, no = invoice(ids[8], date(2026, 3, 12), [Line("PIP-4", 5, "PC", 63.4, 0, 15.0)],
                       currency="USD")
    book.expect(ic, "CURRENCY_MISMATCH", no, r, "Currency")


# ----------------------------------------------------------------------------------------
# UAE: a trader's English master, TRNs, PDC terms, VAT 5 %
# ----------------------------------------------------------------------------------------

UAE_WORDS = ["Emirates", "Falcon", "Oasis", "Pearl", "Crescent", "Horizon", "Marina", "Jumeirah",
             "Sharjah", "Ajman", "Fujairah", "Hatta", "Liwa", "Creek", "Dune", "Palm", "Zenith",
             "Orbit", "Atlas", "Sapphire", "Coral", "Saffron", "Cedar", "Galaxy", "Summit"]
UAE_TRADES = [("General Trading LLC", "FZE"), ("Building Materials Trading L.L.C.", "FZCO"),
              ("Foodstuff Trading LLC", "FZ-LLC")]


def uae_names() -> list[str]:
    names = []
    for i, word in enumerate(UAE_WORDS):
        names.append(f"{word} {UAE_TRADES[i % 3][0]}")
        names.append(f"{word} {['Electronics', 'Spare Parts', 'Logistics', 'Textiles', 'Marine'][i % 5]} {UAE_TRADES[i % 3][1]}")
    return names


UAE_HEAD = ["Customer Code", "Customer Name", "TRN", "Contact Person", "Phone", "Email",
            "Emirate", "Currency", "Terms", "Credit Limit", "Status", "IBAN"]


def uae_trn(i: int) -> str:
    return f"100{(i * 982451653 + 12345) % 10**12:012d}"


def _uae_customer(i: int, name: str, **over) -> list:
    trn = uae_trn(i)
    values = {
        "Customer Code": f"AE-{i:03d}", "Customer Name": name,
        "TRN": trn if i % 2 else f"{trn[:3]} {trn[3:7]} {trn[7:11]} {trn[11:]}",
        "Contact Person": ["Mr. Rajesh", "Ms. Fatima", "Mr. Ahmed Khan", None][i % 4],
        "Phone": [f"+971 4 {(i * 7777 + 3000000) % 10**7:07d}",
                  f"050 {(i * 4111 + 1000000) % 10**7:07d}",
                  f"+971-55-{(i * 5333 + 2000000) % 10**7:07d}",
                  f"06 {(i * 3119 + 5000000) % 10**7:07d}"][i % 4],
        "Email": f"accounts@{name.split()[0].lower()}-{i}.ae",
        "Emirate": ["Dubai", "Sharjah", "Abu Dhabi", "Ajman"][i % 4],
        "Currency": "AED", "Terms": ["PDC 90 days", "Net 30", "60 days", "CDC", "45"][i % 5],
        "Credit Limit": ["AED 100,000", 250000, "AED 50,000.00", 500000, None][i % 5],
        "Status": "Active", "IBAN": None,
    }
    values.update(over)
    return [values[h] for h in UAE_HEAD]


def uae() -> Book:
    cust = Sheet("Customer Master", UAE_HEAD)
    book = Book("uae", [cust])
    for i, name in enumerate(uae_names(), start=1):
        cust.add(_uae_customer(i, name))
    book.clean_customers = len(uae_names())
    cc = "Customer Checks"
    r = cust.add(_uae_customer(61, "Al Noor Star General Trading LLC"))
    book.expect(cc, "POSSIBLE_DUPLICATE", "AE-061", r, "Name")
    r = cust.add(_uae_customer(62, "AL NOOR STAR GENERAL TRADING L.L.C"))
    book.expect(cc, "POSSIBLE_DUPLICATE", "AE-062", r, "Name")
    r = cust.add(_uae_customer(63, "Blue Wave Trading FZE", **{"TRN": "10012345678901"}))
    book.expect(cc, "INVALID_TAX_ID", "AE-063", r, "Tax ID")
    r = cust.add(_uae_customer(64, "Golden Sands Contracting", **{"Terms": "180 days"}))
    book.expect(cc, "UNUSUAL_TERMS", "AE-064", r, "Payment Terms")
    r = cust.add(_uae_customer(65, "Desert Palm Hotels", **{"Phone": "100234567890003"}))
    book.expect(cc, "INVALID_PHONE", "AE-065", r, "Phone")
    r = cust.add(_uae_customer(66, "Silver Line Shipping",
                               **{"IBAN": "AE07 0331 2345 6789 0123 457"}))
    book.expect(cc, "INVALID_IBAN", "AE-066", r, "IBAN / Bank Account")
    r = cust.add(_uae_customer(67, "Prime Tools Trading", **{"Credit Limit": "1OO,000"}))
    book.expect(cc, "INVALID_CREDIT_LIMIT", "AE-067", r, "Credit Limit")
    # the TRN of one customer on another, different name (a sister company keyed wrongly)
    r = cust.add(_uae_customer(68, "Royal Gate Interiors", **{"TRN": uae_trn(3)}))
    book.expect(cc, "DUPLICATE_TAX_ID", "AE-068", r, "Tax ID")
    book.expect(cc, "DUPLICATE_TAX_ID", "AE-003", cust.first_row + 2, "Tax ID")
    cust.add(_uae_customer(69, "Valid IBAN Traders",
                           **{"IBAN": "AE07 0331 2345 6789 0123 456"}))
    book.clean_customers += 1
    _uae_register(book)
    return book


def _uae_register(book: Book) -> None:
    """An invoice register without lines: net, VAT (5%) and total on each invoice."""
    cust = book.sheet("Customer Master")
    reg = Sheet("Sales Invoices", ["Inv No", "Customer Code", "Inv Date", "Due Date",
                                   "Net Amount", "VAT (5%)", "Total", "LPO No"])
    book.sheets.append(reg)
    days = {"PDC 90 days": 90, "Net 30": 30, "60 days": 60, "CDC": 0, "45": 45}
    terms = {r[0]: days.get(r[UAE_HEAD.index("Terms")], 30) for r in cust.rows}
    ic = "Invoice Checks"
    seq = 0

    def invoice(cid: str, day: date, net: float, vat: float | None = None,
                total: float | None = None) -> tuple[int, str]:
        nonlocal seq
        seq += 1
        no = f"TI-{seq:04d}"
        vat = _r2(net * 0.05) if vat is None else vat
        total = _r2(net + vat) if total is None else total
        r = reg.add([no, cid, _dt(day), _dt(day + timedelta(days=terms[cid])), net, vat, total,
                     f"LPO/{2026}/{seq * 7:03d}"])
        return r, no

    for n in range(30):
        cid = f"AE-{1 + (n * 7) % 50:03d}"
        invoice(cid, date(2026, 1, 3) + timedelta(days=(n * 3) % 85),
                _r2(850 + (n * 1234.56) % 40000))
    invoice("AE-002", date(2026, 3, 2), 12500.0, 0.0)  # zero-rated export
    invoice("AE-006", date(2026, 3, 3), -2400.0)  # credit note
    # VAT taken on the total with VAT
    r, no = invoice("AE-010", date(2026, 3, 4), 18000.0, _r2(18000 * 1.05 * 0.05))
    book.expect(ic, "TAX_AMOUNT_MISMATCH", no, r, "VAT (5%)")
    # the Saudi rate on a UAE invoice
    r, no = invoice("AE-012", date(2026, 3, 5), 4000.0, 600.0)
    book.expect(ic, "TAX_RATE_NOT_ALLOWED", no, r, "VAT (5%)")
    # total keyed wrong
    r, no = invoice("AE-014", date(2026, 3, 6), 7300.0, 365.0, 7635.0)
    book.expect(ic, "INVOICE_TOTAL_MISMATCH", no, r, "Amount")


# ----------------------------------------------------------------------------------------
# English: a QuickBooks-style export, invoices keyed by the customer's name
# ----------------------------------------------------------------------------------------

EN_NAMES = [
    "Acme Widgets Ltd", "Brightside Dental Practice", "Cobalt Engineering Ltd", "Dunmore Farms",
    "Elm Street Bakery", "Fairway Golf Club", "Granite & Co Builders", "Harbour View Hotel",
    "Ironbridge Motors", "Juniper Florists", "Kestrel Aviation Services", "Lakeside Veterinary",
    "Meridian Accountants LLP", "Northwind Traders", "Oakwood Furniture Ltd", "Pinnacle Roofing",
    "Quayside Seafood", "Redwood Estates", "Silverline Taxis", "Thames Valley Plumbing",
    "Union Street Cafe", "Vantage Print Ltd", "Westgate Pharmacy", "Yorkshire Tea Rooms",
    "Zephyr Software Inc.", "Abbey Road Studios Ltd", "Beacon Hill School", "Castle Electrical",
    "Dovetail Joinery", "Evergreen Landscapes", "Foxglove Nursery", "Greenleaf Organics",
    "Highland Outdoor Ltd", "Ivy House Care Home", "Jubilee Events", "Kingfisher Marine",
    "Lighthouse Media", "Maple Leaf Imports", "Nightingale Clinic", "Orchard Cider Co.",
    "Peak District Tours", "Queen's Arms Pub", "Riverside Garage", "Sterling Legal Services",
    "Tudor Rose Catering", "Upland Wool Co.", "Viking Removals", "Willow Tree Nursery School",
    "Yew Tree Veterinary Group", "Zenith Fitness",
]
EN_HEAD = ["Account No.", "Customer", "Main Phone", "Main Email", "Bill to City", "Country",
           "Currency", "Terms", "Credit Limit", "Tax ID", "Active Status"]


def _en_customer(i: int, name: str, **over) -> list:
    values = {
        "Account No.": f"{1000 + i}", "Customer": name,
        "Main Phone": [f"020 7{(i * 3331) % 1000:03d} {(i * 7) % 10000:04d}",
                       f"+44 161 {(i * 1113) % 1000:03d} {(i * 71) % 10000:04d}",
                       f"07{(i * 2222 + 700000000) % 10**9:09d}",
                       f"(555) {(i * 37) % 1000:03d}-{(i * 91) % 10000:04d}"][i % 4],
        "Main Email": f"accounts@{''.join(ch for ch in name.split()[0].lower() if ch.isalpha())}"
                      f"{i}.co.uk",
        "Bill to City": ["London", "Manchester", "Leeds", "Bristol"][i % 4],
        "Country": ["United Kingdom", "UK", "GB", "United Kingdom"][i % 4], "Currency": "GBP",
        "Terms": ["Net 30", "Due on receipt", "Net 15", "Net 60", "Net 30"][i % 5],
        "Credit Limit": ["£10,000.00", 5000, None, "25,000.00", 0][i % 5],
        "Tax ID": f"GB{(i * 12345679) % 10**9:09d}" if i % 3 else None,
        "Active Status": "Inactive" if i in (45, 50) else "Active",  # no invoices this year
    }
    values.update(over)
    return [values[h] for h in EN_HEAD]


def english() -> Book:
    cust = Sheet("Customer List", EN_HEAD)
    book = Book("english", [cust])
    for i, name in enumerate(EN_NAMES, start=1):
        cust.add(_en_customer(i, name))
    book.clean_customers = len(EN_NAMES)
    cc = "Customer Checks"
    r = cust.add(_en_customer(61, "Bluebell Cleaning Co."))
    book.expect(cc, "POSSIBLE_DUPLICATE", "1061", r, "Name")
    r = cust.add(_en_customer(62, "Bluebell Cleaning Company"))
    book.expect(cc, "POSSIBLE_DUPLICATE", "1062", r, "Name")
    r = cust.add(_en_customer(63, "Hartley & Sons Ltd", **{"Main Email": "accounts@hartley"}))
    book.expect(cc, "INVALID_EMAIL", "1063", r, "Email")
    r = cust.add(_en_customer(64, "Morgan Freight", **{"Terms": "Net 120"}))
    book.expect(cc, "UNUSUAL_TERMS", "1064", r, "Payment Terms")
    r = cust.add(_en_customer(65, "Ashford Interiors", **{"Currency": "STG"}))
    book.expect(cc, "INVALID_CURRENCY", "1065", r, "Currency")
    cust.add(_en_customer(66, "Quince Digital", **{"Terms": "2% 10 Net 30"}))
    cust.add(_en_customer(67, "Harlow Bookshop", **{"Terms": None}))  # no terms agreed
    book.clean_customers += 2

    inv = Sheet("Invoice List", ["Type", "Date", "Num", "Name", "Due Date", "Terms", "Amount",
                                 "Open Balance"])
    book.sheets.append(inv)
    terms = {r[1]: r[EN_HEAD.index("Terms")] for r in cust.rows}
    days = {"Net 30": 30, "Due on receipt": 0, "Net 15": 15, "Net 60": 60, "Net 120": 120,
            "2% 10 Net 30": 30}
    ic = "Invoice Checks"
    for n in range(40):
        name = EN_NAMES[(n * 3) % 40]
        day = date(2026, 1, 5) + timedelta(days=(n * 2) % 80)
        amount = _r2(120 + (n * 137.35) % 4000)
        inv.add(["Invoice", _dt(day), str(5001 + n), name,
                 _dt(day + timedelta(days=days[terms[name]])), terms[name], amount, amount])
    # the customer's name without "Ltd": the same customer; with a typo: unknown
    inv.add(["Invoice", _dt(date(2026, 3, 2)), "5043", "Acme Widgets",
             _dt(date(2026, 4, 1)), "Net 30", 300.0, 300.0])
    r = inv.add(["Invoice", _dt(date(2026, 3, 3)), "5044", "Acme Widget Ltd",
                 _dt(date(2026, 4, 2)), "Net 30", 310.0, 310.0])
    book.expect(ic, "UNKNOWN_CUSTOMER", "5044", r, "Customer ID")
    # a customer without terms: any due date will do, but not one before the invoice
    inv.add(["Invoice", _dt(date(2026, 3, 4)), "5045", "Harlow Bookshop",
             _dt(date(2026, 4, 14)), None, 215.0, 215.0])
    r = inv.add(["Invoice", _dt(date(2026, 3, 5)), "5046", "Harlow Bookshop",
                 _dt(date(2026, 2, 5)), None, 180.0, 180.0])
    book.expect(ic, "DUE_DATE_INCONSISTENT", "5046", r, "Due Date")
    name = EN_NAMES[3]
    r = inv.add(["Invoice", _dt(date(2026, 3, 20)), "5041", name, _dt(date(2026, 3, 1)),
                 terms[name], 980.0, 980.0])
    book.expect(ic, "DUE_DATE_INCONSISTENT", "5041", r, "Due Date")
    r1 = inv.add(["Invoice", _dt(date(2026, 3, 21)), "5042", EN_NAMES[6],
                  _dt(date(2026, 3, 21) + timedelta(days=days[terms[EN_NAMES[6]]])),
                  terms[EN_NAMES[6]], 1500.0, 1500.0])
    r2 = inv.add(["Invoice", _dt(date(2026, 3, 22)), "5042", EN_NAMES[9],
                  _dt(date(2026, 3, 22) + timedelta(days=days[terms[EN_NAMES[9]]])),
                  terms[EN_NAMES[9]], 640.0, 640.0])
    book.expect(ic, "DUPLICATE_INVOICE_NO", "5042", r1, "Invoice No")
    book.expect(ic, "DUPLICATE_INVOICE_NO", "5042", r2, "Invoice No")
    return book


BOOKS = {"egypt": egypt, "saudi": saudi, "uae": uae, "english": english}
