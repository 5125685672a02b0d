"""What each Customer Checks code means, its severity, and the clerk-facing message.

Severity: ``Error`` = the record is wrong and will break a later step (statements, matching,
credit control); ``Warning`` = unusual or against policy, needs a person's look, may be right.
Messages are plain sentences in English, or Arabic when the workbook is Arabic; each names the
cell so the clerk can go straight to it.
"""

from __future__ import annotations

from ar_excel.core.arabic_counts import agree_days

ERROR = "Error"
WARNING = "Warning"

# code -> (severity, English template, Arabic template)
MESSAGES: dict[str, tuple[str, str, str]] = {
    "MISSING_ID": (
        ERROR,
        "Row {row} has no customer ID ({cell}); invoices and receipts cannot be linked to it.",
        "الصف {row} بدون رقم عميل ({cell})؛ لا يمكن ربط الفواتير والتحصيلات به.",
    ),
    "MISSING_NAME": (
        ERROR,
        "Customer {id} has no name ({cell}); statements and letters cannot be addressed.",
        "العميل {id} بدون اسم ({cell})؛ لا يمكن إصدار كشوف الحساب والخطابات.",
    ),
    "MISSING_TAX_ID": (
        WARNING,
        "Customer {id} has no tax ID ({cell}); needed on tax invoices for a business customer.",
        "العميل {id} بدون رقم ضريبي ({cell})؛ مطلوب في الفواتير الضريبية للشركات.",
    ),
    "MISSING_CURRENCY": (
        WARNING,
        "Customer {id} has no currency ({cell}); its invoices are read in the book's "
        "currency and its credit limit in no particular one.",
        "العميل {id} بدون عملة ({cell})؛ تقرأ فواتيره بعملة الدفاتر وحد ائتمانه بلا عملة محددة.",
    ),
    "MISSING_TERMS": (
        WARNING,
        "Customer {id} has a credit limit but no payment terms ({cell}); its invoices are "
        "taken as due on receipt (0 days) unless they state a due date.",
        "العميل {id} له حد ائتمان بلا شروط دفع ({cell})؛ تعتبر فواتيره مستحقة عند الاستلام "
        "(0 يوم) ما لم يُذكر لها تاريخ استحقاق.",
    ),
    "MISSING_CONTACT": (
        WARNING,
        "Customer {id} has neither email nor phone ({cell}); statements and reminders cannot "
        "reach it.",
        "العميل {id} بدون بريد إلكتروني أو هاتف ({cell})؛ لا يمكن إرسال كشوف الحساب والتذكيرات.",
    ),
    "INVALID_TAX_ID": (
        WARNING,
        "Tax ID '{value}' of customer {id} ({cell}) is not a valid tax number ({reason}); "
        "tax invoices would carry a wrong number.",
        "الرقم الضريبي '{value}' للعميل {id} ({cell}) غير صحيح ({reason})؛ ستصدر الفواتير "
        "الضريبية برقم خاطئ.",
    ),
    "DUPLICATE_ID": (
        ERROR,
        "Customer ID {id} is used on {count} rows ({rows}); each customer needs its own ID.",
        "رقم العميل {id} مكرر في {count} صفوف ({rows})؛ يجب أن يكون لكل عميل رقم مستقل.",
    ),
    "DUPLICATE_TAX_ID": (
        WARNING,
        "Tax ID {value} is also used by {others}; the same company may be set up twice "
        "(fine only for branches of one company).",
        "الرقم الضريبي {value} مستخدم أيضاً للعميل {others}؛ ربما سُجلت الشركة مرتين "
        "(مقبول فقط لفروع نفس الشركة).",
    ),
    "POSSIBLE_DUPLICATE": (
        WARNING,
        "Possibly the same company as {others}: {evidence}. Merge or confirm they differ.",
        "ربما هي نفس الشركة المسجلة باسم {others}: {evidence}. يرجى الدمج أو التأكد من اختلافهما.",
    ),
    "INVALID_EMAIL": (
        ERROR,
        "Email '{value}' of customer {id} ({cell}) is not a valid address; statements "
        "cannot be sent.",
        "البريد الإلكتروني '{value}' للعميل {id} ({cell}) غير صحيح؛ لا يمكن إرسال كشف الحساب.",
    ),
    "INVALID_PHONE": (
        WARNING,
        "Phone '{value}' of customer {id} ({cell}) does not look like a phone number "
        "({reason}).",
        "رقم الهاتف '{value}' للعميل {id} ({cell}) لا يبدو رقماً صحيحاً ({reason}).",
    ),
    "INVALID_CURRENCY": (
        ERROR,
        "Currency '{value}' of customer {id} ({cell}) is not an ISO 4217 code such as EGP, "
        "SAR or USD{read_as}.",
        "العملة '{value}' للعميل {id} ({cell}) ليست رمزاً معتمداً مثل EGP أو SAR أو USD{read_as}.",
    ),
    "INVALID_CREDIT_LIMIT": (
        ERROR,
        "Credit limit '{value}' of customer {id} ({cell}) {reason}; enter an amount, or leave "
        "it blank for no limit.",
        "حد الائتمان '{value}' للعميل {id} ({cell}) {reason}؛ أدخل مبلغاً أو اتركه فارغاً.",
    ),
    "INVALID_IBAN": (
        WARNING,  # a local account number can look like an IBAN: a person should look
        "IBAN '{value}' of customer {id} ({cell}) fails the IBAN check digits; a digit is "
        "probably mistyped.",
        "رقم الآيبان '{value}' للعميل {id} ({cell}) غير صحيح (أرقام التحقق)؛ غالباً يوجد رقم خطأ.",
    ),
    "UNUSUAL_CREDIT_LIMIT": (
        WARNING,
        "Credit limit {value} of customer {id} ({cell}) {reason}; check it was typed as meant.",
        "حد الائتمان {value} للعميل {id} ({cell}) {reason}؛ تحقق من كتابته كما يُقصد.",
    ),
    "UNUSUAL_TERMS": (
        WARNING,
        "Payment terms '{value}' of customer {id} ({cell}) {reason}; the policy allows "
        "{allowed} days.",
        "شروط الدفع '{value}' للعميل {id} ({cell}) {reason}؛ السياسة تسمح بـ {allowed} يوماً.",
    ),
    "DISCOUNT_ABOVE_POLICY": (
        WARNING,
        "Discount {value}% of customer {id} ({cell}) is above the policy maximum of "
        "{maximum}%; needs approval.",
        "الخصم {value}% للعميل {id} ({cell}) أعلى من الحد الأقصى في السياسة {maximum}%؛ "
        "يحتاج موافقة.",
    ),
    "INVALID_DISCOUNT": (
        ERROR,
        "Discount '{value}' of customer {id} ({cell}) {reason}.",
        "الخصم '{value}' للعميل {id} ({cell}) {reason}.",
    ),
    "REVIEW_OVERDUE": (
        WARNING,
        "Credit review of customer {id} was due on {value} ({cell}), {days} days ago.",
        "مراجعة ائتمان العميل {id} كانت مستحقة في {value} ({cell})، منذ {days} يوماً.",
    ),
    "CHECK_FAILED": (
        ERROR,
        "The check '{value}' could not run: {reason}.",
        "تعذر تنفيذ الفحص '{value}': {reason}.",
    ),
}

# Reasons inserted into the messages above, per language.
REASONS: dict[str, tuple[str, str]] = {
    "not a number": ("is not a number", "ليس رقماً"),
    "too large": ("is too large to be an amount", "أكبر من أن يكون مبلغاً"),
    "negative": ("is negative", "سالب"),
    "not allowed": ("are not in the policy's list", "غير مدرجة في السياسة"),
    "unreadable terms": ("cannot be read as days", "لا يمكن قراءتها كعدد أيام"),
    "negative terms": ("are negative", "سالبة"),
    "letters or symbols": ("letters or symbols", "حروف أو رموز"),
    "too few digits": ("too few digits", "أرقام قليلة جداً"),
    "too many digits": ("too many digits", "أرقام كثيرة جداً"),
    "placeholder": ("a placeholder, not a real number", "رقم وهمي"),
    "an Egyptian mobile has 11 digits (01x xxxx xxxx)": (
        "an Egyptian mobile has 11 digits (01x xxxx xxxx)",
        "رقم الموبايل المصري 11 رقماً (01x xxxx xxxx)"),
    "a Saudi mobile has 10 digits (05x xxx xxxx)": (
        "a Saudi mobile has 10 digits (05x xxx xxxx)", "رقم الجوال السعودي 10 أرقام (05x xxx xxxx)"),
    "a UAE mobile has 10 digits (05x xxx xxxx)": (
        "a UAE mobile has 10 digits (05x xxx xxxx)", "رقم الجوال الإماراتي 10 أرقام (05x xxx xxxx)"),
    "a Saudi or UAE mobile has 10 digits (05x xxx xxxx)": (
        "a Saudi or UAE mobile has 10 digits (05x xxx xxxx)",
        "رقم الجوال السعودي أو الإماراتي 10 أرقام (05x xxx xxxx)"),
    "it is the customer's tax ID": ("it is the customer's tax ID", "هذا هو الرقم الضريبي للعميل"),
    "a 15-digit VAT number, not a phone": ("a 15-digit VAT number, not a phone",
                                           "رقم ضريبي من 15 رقماً وليس هاتفاً"),
    "an Egyptian tax registration number has 9 digits (123-456-789)": (
        "an Egyptian tax registration number has 9 digits (123-456-789)",
        "رقم التسجيل الضريبي المصري 9 أرقام (123-456-789)"),
    "a Saudi VAT number has 15 digits, starting and ending with 3": (
        "a Saudi VAT number has 15 digits, starting and ending with 3",
        "الرقم الضريبي السعودي 15 رقماً يبدأ وينتهي بالرقم 3"),
    "a UAE TRN has 15 digits, starting with 100": (
        "a UAE TRN has 15 digits, starting with 100",
        "رقم التسجيل الضريبي الإماراتي 15 رقماً يبدأ بـ 100"),
    "a Bahraini VAT account number has 15 digits, starting with 2": (
        "a Bahraini VAT account number has 15 digits, starting with 2",
        "رقم حساب ضريبة القيمة المضافة البحريني 15 رقماً يبدأ بالرقم 2"),
    "an Omani VATIN is OM and 10 digits (OM1100006083)": (
        "an Omani VATIN is OM and 10 digits (OM1100006083)",
        "الرقم الضريبي العماني OM ثم 10 أرقام (OM1100006083)"),
    "a commercial register number (س.ت / CR), not the tax registration number": (
        "a commercial register number (س.ت / CR), not the tax registration number",
        "رقم سجل تجاري (س.ت / CR) وليس رقم التسجيل الضريبي"),
    "a Saudi VAT number has 15 digits, starting and ending with 3; this one has the shape of "
    "a commercial registration (CR) number": (
        "a Saudi VAT number has 15 digits, starting and ending with 3; this one has the shape "
        "of a commercial registration (CR) number",
        "الرقم الضريبي السعودي 15 رقماً يبدأ وينتهي بالرقم 3؛ وهذا الرقم على شكل رقم سجل "
        "تجاري"),
    "discount below zero": ("is negative", "سالب"),
    "discount over 100": ("is more than 100%", "أكبر من 100%"),
    "discount not a number": ("is not a number", "ليس رقماً"),
}

EVIDENCE: dict[str, tuple[str, str]] = {
    "name": ("names match {score}%", "تشابه الاسمين {score}%"),
    "phone": ("same phone", "نفس رقم الهاتف"),
    "email": ("same email domain", "نفس نطاق البريد الإلكتروني"),
    "address": ("same email address", "نفس عنوان البريد الإلكتروني"),
    "iban": ("same bank account", "نفس الحساب البنكي"),
    "tax": ("same tax ID", "نفس الرقم الضريبي"),
    "scripts": ("name in Arabic and in English", "الاسم بالعربية والإنجليزية"),
}


# An email readable once the full stop after it is dropped: INVALID_EMAIL, but a Warning
# (statements go to the address read).
EMAIL_FULL_STOP = (
    "Email '{value}' of customer {id} ({cell}) ends with a full stop: read as {address}; "
    "remove the full stop.",
    "البريد الإلكتروني '{value}' للعميل {id} ({cell}) ينتهي بنقطة: قُرئ {address}؛ احذف "
    "النقطة.")


def severity(code: str) -> str:
    return MESSAGES[code][0]


def message(code: str, arabic: bool, **values: object) -> str:
    """The clerk-facing sentence for a finding, in the workbook's language."""
    template = MESSAGES[code][2 if arabic else 1]
    if "reason" in values and str(values["reason"]) in REASONS:
        values["reason"] = REASONS[str(values["reason"])][1 if arabic else 0]
    # '5 أيام', '25 يوماً': the count's own form in Arabic (arabic_counts)
    return agree_days(template.format(**values)) if arabic else template.format(**values)


def evidence(kinds: list[tuple[str, object]], arabic: bool) -> str:
    """``[("name", 96), ("phone", None)]`` -> ``names match 96%, same phone``."""
    parts = []
    for kind, score in kinds:
        parts.append(EVIDENCE[kind][1 if arabic else 0].format(score=score))
    return ("، " if arabic else ", ").join(parts)
