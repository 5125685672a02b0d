"""Arabic display labels for output headers (the optional translated header row).

The English headers stay the table's real column names (the contract's interface); this row
sits above them for Arabic-speaking readers.
"""

import re

LABELS = {
    "Customer ID": "رقم العميل", "Customer": "العميل", "Name": "اسم العميل", "Row": "الصف",
    "Field": "الحقل", "Code": "الرمز", "Severity": "الخطورة", "Message": "الرسالة",
    "Credit Limit": "حد الائتمان", "Open Balance": "الرصيد المفتوح",
    "Overdue Amount": "المبلغ المتأخر", "Exposure": "التعرض الائتماني", "Utilization %": "نسبة الاستخدام",
    "Oldest Overdue Days": "أقدم تأخير (يوم)", "Over Limit": "تجاوز الحد", "Status": "الحالة",
    "Bank Line": "سطر البنك", "Date": "التاريخ", "Bank Amount": "مبلغ البنك",
    "Invoice No": "رقم الفاتورة", "Applied Amount": "المبلغ المطبق", "Method": "الطريقة",
    "Confidence": "درجة الثقة", "Amount": "المبلغ", "Description": "البيان",
    "Unallocated Amount": "المبلغ غير المخصص", "Reason": "السبب", "Current": "غير مستحق",
    "Total": "الإجمالي", "Sheet": "الورقة", "Cell": "الخلية", "Column": "العمود",
    "Value": "القيمة", "Invoice Date": "تاريخ الفاتورة", "Due Date": "تاريخ الاستحقاق",
    "Currency": "العملة", "Days Past Due": "أيام التأخير", "Open Amount": "المبلغ المفتوح",
    "Item": "البند", "Level": "المستوى", "Next Action": "الإجراء التالي", "Old Value": "القيمة السابقة",
    "New Value": "القيمة الجديدة", "User": "المستخدم", "When": "الوقت", "Bucket": "الفئة",
    "Document No": "رقم المستند", "Item Type": "نوع البند", "Payment ID": "رقم التحصيل",
    "Balance": "الرصيد", "Debit": "مدين", "Credit": "دائن", "Key": "البند", "Figure": "الرقم",
    # validate / credit
    "Open Orders": "أوامر بيع مفتوحة", "Unapplied Credits": "أرصدة دائنة غير مطبقة",
    "Customer Status": "حالة العميل", "Next Credit Review": "مراجعة الائتمان التالية",
    "Note": "ملاحظة", "Credit Change": "تغيير ائتماني", "Days To Review": "أيام حتى المراجعة",
    "Review": "المراجعة", "Requested Limit": "الحد المطلوب", "Current Limit": "الحد الحالي",
    "Increase": "الزيادة", "Utilization At Request %": "نسبة الاستخدام عند الحد المطلوب",
    "Avg Days Late": "متوسط أيام التأخير", "Paid Invoices": "فواتير مسددة",
    "Overdue Share %": "نسبة المتأخرات", "Recommendation": "التوصية",
    "Suggested Limit": "الحد المقترح", "Reasons": "الأسباب", "Request Reason": "سبب الطلب",
    # invoices
    "Errors": "الأخطاء", "Warnings": "التنبيهات", "Documents": "المستندات",
    "Amount at Stake": "المبلغ المعرض للخطر", "Top Codes": "أكثر الرموز",
    "Avg Days to Invoice": "متوسط أيام الفوترة",
    # statements, aging detail, dunning
    "Type": "النوع", "Document": "المستند", "Reference": "المرجع", "Age Days": "عمر البند (يوم)",
    "Source Row": "صف المصدر", "Level Name": "اسم المستوى", "Days Overdue": "أيام التأخير",
    "Credit On Account": "رصيد دائن على الحساب", "Amount To Collect": "المبلغ المطلوب تحصيله", "Disputed Amount": "مبلغ محل نزاع", "Disputed": "محل نزاع",
    "Overdue Invoices": "فواتير متأخرة", "Last Level": "آخر مستوى", "Last Letter": "آخر خطاب",
    "Letter": "خطاب", "Next Action Date": "تاريخ الإجراء التالي", "Email": "البريد الإلكتروني",
    "Phone": "الهاتف", "Language": "اللغة",
    # customer master fields
    "Tax ID": "الرقم الضريبي", "Payment Terms": "شروط السداد", "Address": "العنوان",
    "City": "المدينة", "Country": "الدولة", "Discount %": "نسبة الخصم",
    "IBAN / Bank Account": "الحساب البنكي / IBAN", "Sales Rep": "مندوب المبيعات",
    # reconcile
    "Write-off": "الشطب المقترح", "Withholding Tax": "ضريبة الخصم من المنبع",
    "Counterparty": "الطرف المقابل", "Counterparty Account": "حساب الطرف المقابل",
    "Statement": "الكشف", "Line No": "رقم السطر", "Candidates": "المرشحون", "Lines": "الأسطر",
    "Bank Ref": "مرجع البنك",
    # aging buckets
    "1-30": "١-٣٠ يوم", "31-60": "٣١-٦٠ يوم", "61-90": "٦١-٩٠ يوم", "90+": "أكثر من ٩٠ يوم",
    # collections
    "Priority": "الأولوية", "Risk Score": "درجة المخاطر", "Risk Class": "فئة المخاطر",
    "Oldest Invoice": "أقدم فاتورة", "Oldest Due Date": "أقدم تاريخ استحقاق", "Plan": "الخطة",
    "Instalment": "القسط", "Of": "من", "Paid Amount": "المبلغ المسدد", "Outstanding": "المتبقي",
    "Paid Date": "تاريخ السداد", "Average Days Late": "متوسط أيام التأخير",
    "Paid On Time %": "نسبة السداد في الموعد", "Overdue 30+ %": "نسبة المتأخر أكثر من ٣٠ يوم",
    "Basis": "الأساس", "Expected Amount": "المبلغ المتوقع",
    "Expected Days Late": "أيام التأخير المتوقعة", "Expected Date": "التاريخ المتوقع",
    "Week": "الأسبوع", "Week Start": "بداية الأسبوع", "Week End": "نهاية الأسبوع",
    "Expected Receipts": "التحصيلات المتوقعة", "Items": "البنود", "Action": "الإجراء",
    # management pack
    "Measure": "المؤشر", "Unit": "الوحدة", "How it is computed": "طريقة الحساب",
    "KPI": "مؤشر الأداء", "Definition": "التعريف", "Period": "الفترة", "Rank": "الترتيب",
    "Oldest Days Past Due": "أقدم تأخير (يوم)", "Share of Overdue %": "نسبة من المتأخرات",
    "Trend": "الاتجاه", "Payments": "عدد الدفعات", "Amount Paid": "المبلغ المسدد",
    "Share Paid Late %": "نسبة المسدد متأخراً",
    "Avg Days Late (last 3 months)": "متوسط أيام التأخير (آخر ٣ أشهر)",
    "Avg Days Late (3 months before)": "متوسط أيام التأخير (الأشهر الثلاثة السابقة)",
}


def arabic_label(header: str) -> str:
    if header in LABELS:
        return LABELS[header]
    if isinstance(header, str) and header.startswith("Expected Receipts "):  # Cash Forecast
        return f"{LABELS['Expected Receipts']} {header[len('Expected Receipts '):]}"
    if isinstance(header, str) and _BUCKET.fullmatch(header):
        # the Policy's own aging buckets ('91-180', '365+') are named as the rows name them
        from ar_excel.io.wording_ar import bucket_label

        return bucket_label(header)
    return header


_BUCKET = re.compile(r"\d+-\d+|\d+\+")
