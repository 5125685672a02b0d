"""The codes of the ``Invoice Checks`` tab: what each means, how serious it is, what it says.

A code keeps its meaning once released; new codes may be added. Severity is the one an
accountant would give before invoices go out:

* ``Error``: the invoice is wrong or must not go out without a correction or an approval
  (wrong amounts, prices, units, tax rates, duplicates, unknown or blocked customers, goods
  delivered and never billed).
* ``Warning``: worth a look but often legitimate (numbering gaps from cancelled numbers, an
  invoice that looks like another, a customer going over its limit, late invoicing).

Messages are templates filled with already formatted values, in English and Arabic.
"""

from __future__ import annotations

from dataclasses import dataclass

ERROR = "Error"
WARNING = "Warning"


@dataclass(frozen=True)
class Code:
    name: str
    severity: str
    en: str
    ar: str


_CODES = (
    Code("LINE_TOTAL_MISMATCH", ERROR,
         "Line total {actual} should be {expected} ({qty} × {price}, discount {disc}, "
         "tax {tax}%{basis}); difference {diff}",
         "إجمالي البند {actual} يجب أن يكون {expected} ({qty} × {price}، خصم {disc}، "
         "ضريبة {tax}%{basis})؛ الفرق {diff}"),
    Code("INVOICE_TOTAL_MISMATCH", ERROR,
         "Invoice amount {actual} does not equal its {n} line(s){basis}: {expected}; "
         "difference {diff}",
         "مبلغ الفاتورة {actual} لا يساوي مجموع بنودها ({n}){basis}: {expected}؛ الفرق {diff}"),
    Code("INCOMPLETE_LINE", WARNING,
         "Item {item}, quantity {qty}: no unit price and no line total, the line cannot be valued",
         "الصنف {item}، الكمية {qty}: لا يوجد سعر وحدة ولا إجمالي للبند، لا يمكن تقييم البند"),
    Code("LINE_WITHOUT_INVOICE", WARNING,
         "Invoice {invoice} of {n} line(s) from this row on is not in the Invoices sheet",
         "الفاتورة {invoice} الخاصة بعدد {n} بند بدءًا من هذا الصف غير موجودة في ورقة الفواتير"),
    Code("PRICE_OFF_LIST", ERROR,
         "Unit price {price} differs from the list price {expected} of item {item} per {unit} "
         "valid on {date} ({pct})",
         "سعر الوحدة {price} يختلف عن سعر القائمة {expected} للصنف {item} لكل {unit} "
         "الساري في {date} ({pct})"),
    Code("PRICE_UNUSUAL", WARNING,
         "Unit price {price} of item {item}{per} is {times} × {whose} price {usual} (median "
         "of {n} lines): a price per another unit, or a digit too many or too few?",
         "سعر الوحدة {price} للصنف {item}{per} يساوي {times} × السعر {whose} {usual} (وسيط "
         "{n} بند): هل السعر لوحدة أخرى أو به رقم زائد أو ناقص؟"),
    Code("NO_PRICE", WARNING,
         "Item {item} has no price in the price list valid on {date}",
         "الصنف {item} ليس له سعر في قائمة الأسعار ساري في {date}"),
    Code("UNIT_MISMATCH", ERROR,
         "Unit {unit} does not match the unit of item {item} in the price list ({item_unit}) "
         "and no unit conversion is defined",
         "الوحدة {unit} لا تطابق وحدة الصنف {item} في قائمة الأسعار ({item_unit}) "
         "ولا يوجد معامل تحويل"),
    Code("DISCOUNT_NOT_AGREED", ERROR,
         "Discount {disc}% is more than the {agreed}% agreed with customer {customer}",
         "الخصم {disc}% أكبر من الخصم المتفق عليه مع العميل {customer} ({agreed}%)"),
    Code("TAX_RATE_NOT_ALLOWED", ERROR,
         "Tax rate {rate}% is not an allowed rate ({allowed}){hint}",
         "نسبة الضريبة {rate}% غير مسموح بها ({allowed}){hint}"),
    Code("TAX_AMOUNT_MISMATCH", ERROR,
         "Tax amount {actual} should be {expected} ({tax}% of {net}); difference {diff}",
         "مبلغ الضريبة {actual} يجب أن يكون {expected} ({tax}% من {net})؛ الفرق {diff}"),
    Code("TAX_CATEGORY_MISMATCH", ERROR,
         "Tax category {category} ({name}) but the line charges {charged} tax: the category "
         "reported to the tax authority or the tax billed is wrong",
         "فئة الضريبة {category} ({name}) لكن البند يحمل ضريبة {charged}: إما الفئة المبلغة "
         "للجهة الضريبية أو الضريبة المفوترة خاطئة"),
    Code("DUE_DATE_INCONSISTENT", ERROR,
         "Due date {due} does not follow the customer's terms: invoice date {date} + {terms} "
         "days = {expected} ({diff} days)",
         "تاريخ الاستحقاق {due} لا يتفق مع شروط دفع العميل: تاريخ الفاتورة {date} + {terms} "
         "يوم = {expected} ({diff} يوم)"),
    Code("DUPLICATE_INVOICE_NO", ERROR,
         "Invoice number {invoice} appears {n} times (rows {rows})",
         "رقم الفاتورة {invoice} مكرر {n} مرات (الصفوف {rows})"),
    Code("CREDIT_NOTE_EXCEEDS_INVOICE", ERROR,
         "Credit note {amount} for invoice {invoice} takes the credits on it to {credited}, "
         "more than the invoice's {total} by {over}",
         "الإشعار الدائن {amount} للفاتورة {invoice} يرفع إجمالي ما أشعر به عليها إلى "
         "{credited}، أكثر من مبلغ الفاتورة {total} بمقدار {over}"),
    Code("CREDIT_NOTE_OTHER_CUSTOMER", ERROR,
         "Credit note for invoice {invoice}, which was billed to customer {owner}, not to "
         "this customer",
         "إشعار دائن للفاتورة {invoice} الصادرة للعميل {owner} وليس لهذا العميل"),
    Code("CREDIT_NOTE_INVOICE_UNKNOWN", WARNING,
         "Credit note for invoice {invoice}, which is not in the Invoices sheet",
         "إشعار دائن للفاتورة {invoice} غير الموجودة في ورقة الفواتير"),
    Code("POSSIBLE_DUPLICATE_INVOICE", WARNING,
         "Same customer, amount {amount} and date {date} as invoice {others}",
         "نفس العميل والمبلغ {amount} والتاريخ {date} مثل الفاتورة {others}"),
    Code("NUMBER_GAP", WARNING,
         "{count} number(s) missing in {series}: {missing} (between {prev} and {next})",
         "أرقام مفقودة ({count}) في {series}: {missing} (بين {prev} و {next})"),
    Code("UNKNOWN_CUSTOMER", ERROR,
         "Customer {customer} is not in the Customers sheet",
         "العميل {customer} غير موجود في ورقة العملاء"),
    Code("CUSTOMER_ON_HOLD", ERROR,
         "Customer {customer} is on Hold: this invoice of {date} ({amount} open) needs the "
         "credit controller's approval",
         "العميل {customer} موقوف: هذه الفاتورة بتاريخ {date} ({amount} مفتوح) تحتاج موافقة "
         "مسؤول الائتمان"),
    Code("CUSTOMER_CLOSED", ERROR,
         "Customer {customer} is Closed: an invoice of {date} ({amount} open) should not exist",
         "حساب العميل {customer} مغلق: لا يجب أن توجد فاتورة بتاريخ {date} ({amount} مفتوح)"),
    Code("INVOICE_BEFORE_CUSTOMER", WARNING,
         "Invoice dated {date}, {days} days before customer {customer} was created in the "
         "master ({created}): backdated, or billed to the wrong account?",
         "تاريخ الفاتورة {date} يسبق إنشاء العميل {customer} في ورقة العملاء ({created}) بعدد "
         "{days} يوم: هل الفاتورة بتاريخ سابق أم صادرة لحساب خاطئ؟"),
    Code("INVOICE_AFTER_AS_OF", WARNING,
         "Invoice dated {date}, {days} days after the as-of date {as_of}: a slip in the date, "
         "or raised ahead of time? It is in no balance or aging as of {as_of}",
         "تاريخ الفاتورة {date} بعد تاريخ التقرير {as_of} بعدد {days} يوم: خطأ في كتابة "
         "التاريخ أم فاتورة صادرة مقدمًا؟ لا تدخل في أي رصيد أو أعمار ديون حتى {as_of}"),
    Code("OVER_CREDIT_LIMIT", WARNING,
         "With this invoice the open balance reaches {balance}, over the credit limit {limit} "
         "by {excess}",
         "بهذه الفاتورة يصل الرصيد المفتوح إلى {balance} متجاوزًا حد الائتمان {limit} بمقدار "
         "{excess}"),
    # a USD invoice to an AED customer is common practice (a review, not a mistake for sure)
    Code("CURRENCY_MISMATCH", WARNING,
         "Invoice currency {currency} differs from the customer's currency {expected}",
         "عملة الفاتورة {currency} تختلف عن عملة العميل {expected}"),
    Code("DELIVERY_NOT_INVOICED", ERROR,
         "Delivery {order} of {date} ({amount}) is not invoiced after {days} days "
         "(policy: {limit} days)",
         "التسليم {order} بتاريخ {date} ({amount}) لم تصدر له فاتورة بعد {days} يوم "
         "(السياسة: {limit} يوم)"),
    Code("LATE_INVOICING", WARNING,
         "Invoiced {days} days after delivery {order} of {date} (policy: {limit} days)",
         "صدرت الفاتورة بعد {days} يوم من التسليم {order} بتاريخ {date} (السياسة: {limit} يوم)"),
    Code("INVOICE_BEFORE_DELIVERY", WARNING,
         "Invoice dated {days} days before delivery {order} of {date}",
         "تاريخ الفاتورة قبل التسليم {order} بتاريخ {date} بعدد {days} يوم"),
    Code("DELIVERY_INVOICE_UNKNOWN", WARNING,
         "Delivery {order} names invoice {invoice}, which is not in the Invoices sheet",
         "التسليم {order} يشير إلى الفاتورة {invoice} غير الموجودة في ورقة الفواتير"),
    Code("EINVOICE_NOT_VALID", ERROR,
         "The e-invoice is {status} at the tax authority ('{written}') but {amount} is still "
         "open in receivables: reverse it with a credit note or replace it with a valid "
         "e-invoice",
         "الفاتورة الإلكترونية {status} لدى الجهة الضريبية ('{written}') ولكن {amount} ما زال "
         "مفتوحًا في المديونية: ألغها بإشعار دائن أو استبدلها بفاتورة إلكترونية صالحة"),
    Code("EINVOICE_DUPLICATE", ERROR,
         "E-invoice UUID {uuid} is also on invoice {others}: one e-invoice cannot be two "
         "invoices; the one keyed with the other's UUID has no valid e-invoice of its own",
         "الرقم الموحد للفاتورة الإلكترونية {uuid} مسجل أيضًا على الفاتورة {others}: لا يمكن "
         "أن تكون فاتورة إلكترونية واحدة فاتورتين؛ الفاتورة المسجلة برقم غيرها ليس لها فاتورة "
         "إلكترونية صالحة"),
    Code("EINVOICE_TAX_ID", ERROR,
         "E-invoice tax registration number '{number}' ({column}): {reason}",
         "رقم التسجيل الضريبي '{number}' على الفاتورة الإلكترونية ({column}): {reason}"),
    Code("CHECK_FAILED", ERROR,
         "The check '{check}' could not run ({error}); its findings are missing",
         "تعذر تشغيل الفحص '{check}' ({error})؛ نتائجه غير متوفرة"),
)

CODES: dict[str, Code] = {c.name: c for c in _CODES}

# Message variants of a code: same code and severity rules, different wording.
VARIANTS: dict[str, tuple[str, str]] = {
    "INVOICE_TOTAL_MISMATCH/parts": (
        "Invoice amount {actual} does not equal its {net_col} {net} + {tax_col} {tax} = "
        "{expected}; difference {diff}",
        "مبلغ الفاتورة {actual} لا يساوي {net_col} {net} + {tax_col} {tax} = {expected}؛ "
        "الفرق {diff}",
    ),
    "INVOICE_TOTAL_MISMATCH/parts_discount": (
        "Invoice amount {actual} does not equal its {net_col} {net} − {disc_col} {disc} + "
        "{tax_col} {tax} = {expected}; difference {diff}",
        "مبلغ الفاتورة {actual} لا يساوي {net_col} {net} − {disc_col} {disc} + {tax_col} {tax} "
        "= {expected}؛ الفرق {diff}",
    ),
    "TAX_CATEGORY_MISMATCH/standard": (
        "Tax category S (standard rate) but the line charges {charged} tax: a standard-rated "
        "supply carries the standard rate; a zero-rated, exempt or out-of-scope one is "
        "category Z, E or O",
        "فئة الضريبة S (النسبة الأساسية) لكن البند يحمل ضريبة {charged}: التوريد الخاضع "
        "للنسبة الأساسية يحمل النسبة الأساسية، والخاضع للنسبة الصفرية أو المعفى أو خارج "
        "النطاق فئته Z أو E أو O",
    ),
    "INVOICE_TOTAL_MISMATCH/net": (
        "Invoice {net_col} {actual} does not equal its {n} line(s), which state no tax: "
        "{expected}; difference {diff}",
        "{net_col} الفاتورة {actual} لا يساوي مجموع بنودها ({n}) وهي بلا ضريبة: {expected}؛ "
        "الفرق {diff}",
    ),
    "DUE_DATE_INCONSISTENT/before": (
        "Due date {due} is before the invoice date {date}",
        "تاريخ الاستحقاق {due} يسبق تاريخ الفاتورة {date}",
    ),
    "DUE_DATE_INCONSISTENT/eom": (
        "Due date {due} does not follow the customer's terms: end of the month of the invoice "
        "date {date} + {terms} days = {expected} ({diff} days)",
        "تاريخ الاستحقاق {due} لا يتفق مع شروط دفع العميل: نهاية شهر تاريخ الفاتورة {date} + "
        "{terms} يوم = {expected} ({diff} يوم)",
    ),
    "DUE_DATE_INCONSISTENT/eom_next": (
        "Due date {due} does not follow the customer's terms: end of the month after the "
        "invoice date {date} + {terms} days = {expected} ({diff} days)",
        "تاريخ الاستحقاق {due} لا يتفق مع شروط دفع العميل: نهاية الشهر التالي لتاريخ الفاتورة "
        "{date} + {terms} يوم = {expected} ({diff} يوم)",
    ),
    "DUE_DATE_INCONSISTENT/receipt": (
        "Due date {due} does not follow the customer's terms: {terms} days from receipt of "
        "the goods; invoice date {date} + {terms} days = {expected} ({diff} days), more than "
        "a delivery takes",
        "تاريخ الاستحقاق {due} لا يتفق مع شروط دفع العميل: {terms} يوم من تاريخ الاستلام؛ "
        "تاريخ الفاتورة {date} + {terms} يوم = {expected} ({diff} يوم)، أكثر مما يستغرقه "
        "التسليم",
    ),
    "DUPLICATE_INVOICE_NO/years": (
        "Invoice number {invoice} appears {n} times (rows {rows}), once in each of {years}: "
        "the series restarts each year, so receipts and the bank cannot tell them apart; "
        "put the year in the number ({example})",
        "رقم الفاتورة {invoice} مكرر {n} مرات (الصفوف {rows})، مرة في كل سنة من {years}: "
        "الترقيم يبدأ من جديد كل سنة فلا يمكن التمييز بينها عند التحصيل أو في كشف البنك؛ "
        "أضف السنة إلى الرقم ({example})",
    ),
    "NUMBER_GAP/series": (
        "{Series} has {ranges} gaps ({count} numbers missing between {prev} and "
        "{next}): the sheet may hold only part of the series",
        "{Series} به {ranges} فجوات ({count} رقم مفقود بين {prev} و {next}): "
        "قد تحتوي الورقة على جزء فقط من التسلسل",
    ),
    "PRICE_OFF_LIST/other_currency": (
        "Unit price {price} differs from the list price {expected} of item {item} per {unit} "
        "valid on {date} ({pct}); the list has no {currency} price, so check the conversion",
        "سعر الوحدة {price} يختلف عن سعر القائمة {expected} للصنف {item} لكل {unit} الساري في "
        "{date} ({pct})؛ لا يوجد سعر بعملة {currency} في القائمة، راجع التحويل",
    ),
    "CUSTOMER_ON_HOLD/earlier": (
        "Customer {customer} is on Hold; this invoice of {date} billed before the current "
        "cycle is still open ({amount})",
        "العميل {customer} موقوف؛ هذه الفاتورة بتاريخ {date} الصادرة قبل الدورة الحالية ما زالت "
        "مفتوحة ({amount})",
    ),
    "CUSTOMER_CLOSED/earlier": (
        "Customer {customer} is Closed; this invoice of {date} is still open ({amount})",
        "حساب العميل {customer} مغلق؛ هذه الفاتورة بتاريخ {date} ما زالت مفتوحة ({amount})",
    ),
    "NO_PRICE/unknown_item": (
        "Item {item} is not in the price list",
        "الصنف {item} غير موجود في قائمة الأسعار",
    ),
}


def template(key: str, arabic: bool) -> str:
    """The message template of a code (``CODE``) or of one of its variants (``CODE/variant``)."""
    if key in VARIANTS:
        en, ar = VARIANTS[key]
    else:
        code = CODES[key]
        en, ar = code.en, code.ar
    return ar if arabic else en
