"""Customer master workbooks for the validate and credit tests: realistic clean rows, and one
row per defect the contract's Customer Checks codes name, each tagged with its expected code."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import openpyxl

from tests._workbooks import save_workbook

HEADER = ["Customer ID", "Customer Name", "Tax ID", "E-mail", "Mobile", "City", "Country",
          "Currency", "Terms", "Credit Limit", "Discount %", "Status", "Next Credit Review",
          "IBAN"]


def iban(country: str, bban: str) -> str:
    """A valid IBAN for ``bban`` (check digits computed by ISO 13616)."""
    number = int("".join(str(int(c, 36)) for c in bban + country + "00"))
    return f"{country}{98 - number % 97:02d}{bban}"


def row(cid, name, tax, email, phone, city="Cairo", country="Egypt", ccy="EGP", terms="Net 30",
        limit="50,000", discount=2, status="Active", review=date(2027, 3, 31), account=None):
    return [cid, name, tax, email, phone, city, country, ccy, terms, limit, discount, status,
            review, account]


# (expected code or None for clean, row values). Clean rows carry the valid-but-unusual values
# the checks must accept.
CLEAN = [
    row("C001", "Nile Foods Co.", "100-200-301", "ap+invoices@nilefoods.com.eg",
        "+20 100 123 4567", account=iban("EG", "0019000500000000263180002")),
    row("C002", "Nile Motors S.A.E.", "100-200-302", "finance@nilemotors.com", "٠١٠٠١٢٣٤٥٦٨",
        limit=250000, terms=45),
    row("C003", "شركة الأمل للتجارة ش.م.م", "200-300-401", "info@alamal-trading.com",
        "(02) 2345-6789 ext 12", terms="٣٠ يوم", limit="١٠٠٬٠٠٠"),
    row("C004", "Delta Pharma Ltd", "300-400-501", "accounts@deltapharma.com",
        "0020 2 2345 6790 / 01001234569", ccy="USD", terms="30 days", limit=0),
    row("C005", "Gulf Star Trading LLC", "310123456700003", "ar@gulfstar.sa", "+966 11 234 5678",
        city="Riyadh", country="Saudi Arabia", ccy="SAR", terms=60, limit="SAR 75,000",
        account=iban("SA", "80000000608010167519")),
    row("C006", "Cairo Steel Works", "400-500-601", "billing@cairosteel.com.eg", "02-27941234",
        discount="5%", review=None),
    row("C007", "مؤسسة النور للمقاولات", "500-600-701", "nour.contracting@gmail.com",
        "+20 122 987 6543", terms="Net 15", limit=30000, discount=0),
    row("C008", "Alexandria Logistics", "600-700-801", "john.doe+ap@alexlog.com",
        "+20 3 4871234", city="Alexandria", terms=0, limit=10000),
    row("C009", "Giza Steel Works", "600-700-802", "billing@gizasteel.com", "+20 2 3571 0000",
        city="Giza"),
    row("C010", "Nile Foods Alexandria Branch", "100-200-399", "alex@nilefoods-alex.com",
        "+20 3 5551234", city="Alexandria"),
]

DEFECTS = [
    ("MISSING_NAME", row("C101", None, "700-800-901", "a@missing-name.com", "+20 100 000 1111")),
    ("MISSING_TAX_ID", row("C102", "Sphinx Tours", None, "ops@sphinxtours.com",
                           "+20 100 000 2222")),
    ("DUPLICATE_ID", row("C103", "Luxor Hotels", "700-800-903", "ap@luxorhotels.com",
                         "+20 95 2371111")),
    ("DUPLICATE_ID", row("C103", "Aswan Resorts", "700-800-904", "ap@aswanresorts.com",
                         "+20 97 2312222")),
    ("DUPLICATE_TAX_ID", row("C105", "Red Sea Marine", "888-999-000", "ap@redseamarine.com",
                             "+20 65 3441111")),
    ("DUPLICATE_TAX_ID", row("C106", "Suez Canal Shipping", "888 999 000",
                             "ap@suezshipping.com", "+20 64 3332222")),
    ("POSSIBLE_DUPLICATE", row("C107", "شركة الأهرام للأغذية ش.م.م", "710-810-910",
                               "orders@ahramfoods.com", "+20 2 3377 1111")),
    ("POSSIBLE_DUPLICATE", row("C108", "الاهرام للاغذيه", "710-810-911", "acc@ahramfoods.com",
                               "+20 100 555 7777")),
    ("POSSIBLE_DUPLICATE", row("C109", "Sinai Cement Co.", "720-820-920", "ap@sinaicement.com",
                               "+20 2 2222 3333")),
    ("POSSIBLE_DUPLICATE", row("C110", "SINAI CEMENT COMPANY", "720-820-921",
                               "finance@sinai-cement.net", "+20 100 444 9999")),
    ("INVALID_EMAIL", row("C111", "Pyramid Textiles", "730-830-930", "accounts@pyramid",
                          "+20 100 111 2222")),
    ("INVALID_EMAIL", row("C112", "Fayoum Farms", "730-830-931", "fayoum farms at yahoo.com",
                          "+20 100 111 3333")),
    ("INVALID_PHONE", row("C113", "Mansoura Dairy", "740-840-940", "ap@mansouradairy.com",
                          "12-34")),
    ("INVALID_PHONE", row("C114", "Tanta Flax", "740-840-941", "ap@tantaflax.com",
                          "call the office")),
    ("INVALID_CURRENCY", row("C115", "Port Said Traders", "750-850-950", "ap@pstraders.com",
                             "+20 66 3201111", ccy="Dollars")),
    ("INVALID_CREDIT_LIMIT", row("C116", "Ismailia Mango", "760-860-960", "ap@ismailiamango.com",
                                 "+20 64 3912222", limit="abc")),
    ("INVALID_CREDIT_LIMIT", row("C117", "Qena Sugar", "760-860-961", "ap@qenasugar.com",
                                 "+20 96 5331111", limit=-5000)),
    ("UNUSUAL_TERMS", row("C118", "Minya Cotton", "770-870-970", "ap@minyacotton.com",
                          "+20 86 2341111", terms=35)),
    ("DISCOUNT_ABOVE_POLICY", row("C119", "Sohag Glass", "780-880-980", "ap@sohagglass.com",
                                  "+20 93 4601111", discount=12)),
    ("REVIEW_OVERDUE", row("C120", "Hurghada Diving", "790-890-990", "ap@hurghadadiving.com",
                           "+20 65 3551111", review=date(2026, 1, 15))),
    ("INVALID_IBAN", row("C121", "Damietta Furniture", "791-891-991", "ap@damiettafurn.com",
                         "+20 57 2221111", account="EG380019000500000000263180003")),
]

AS_OF = date(2026, 6, 30)


def write_customers(path: Path, rows: list[list], sheet: str = "Customers",
                    header: list[str] = HEADER, extra: dict[str, list[list]] | None = None,
                    title: str | None = "Customer master — June 2026") -> Path:
    """A workbook with a merged-looking title row, the header and ``rows``."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = sheet
    if title:
        ws.append([title])
    ws.append(header)
    for r in rows:
        ws.append([v if not isinstance(v, date) or isinstance(v, datetime) else
                   datetime(v.year, v.month, v.day) for v in r])
    for name, data in (extra or {}).items():
        other = wb.create_sheet(name)
        for r in data:
            other.append(r)
    save_workbook(wb, path)
    return path


def master_rows() -> tuple[list[list], list[str | None]]:
    """Clean and defective rows interleaved, and the expected code per row (None = clean)."""
    rows: list[list] = []
    expected: list[str | None] = []
    for i, (code, r) in enumerate(DEFECTS):
        rows.append(CLEAN[i % len(CLEAN)] if i < len(CLEAN) else None)
        expected.append(None if i < len(CLEAN) else "skip")
        rows.append(r)
        expected.append(code)
    pairs = [(r, e) for r, e in zip(rows, expected, strict=True) if e != "skip"]
    return [r for r, _ in pairs], [e for _, e in pairs]
