"""Arabic wording of the management pack (``report``), for Arabic workbooks.

The pack is a page for management: in an Arabic workbook its captions, the Dashboard's
measures and how each is computed, the KPIs' names, units and definitions, the payment
trend and the small tables under each tab (their headers, the weeks of the forecast) read in
Arabic, in the terms a Gulf or Egyptian finance manager uses (المديونية، متوسط فترة التحصيل،
مؤشر فعالية التحصيل). The international abbreviations (DSO, CEI) are kept beside the Arabic.
The tabs' English column headers stay (the Arabic label row names them), and so do the KPIs
tab's KPI names (keys a figure is looked up by; the Dashboard's measures are in Arabic).
Anything without a wording here stays English, so nothing is lost.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import replace

from ar_excel.core.fx import ALL_CURRENCIES
from ar_excel.core.kpis import (
    ADD_DEFINITION,
    CEI_DEFINITION,
    COLLECTION_RATE_DEFINITION,
    CREDIT_BALANCE,
    CURRENT_CREDIT,
    CURRENT_DEFINITION,
    NET_RETURNS,
    NO_RECEIPTS,
    NO_SALES,
    NON_CASH_DEFINITION,
    NOTHING_COLLECTIBLE,
    NOTHING_RECEIVABLE,
    OVERDUE_DEFINITION,
    OVERDUE_SHARE_DEFINITION,
    REFUNDS_DEFINITION,
    UNKNOWN_SALES,
)
from ar_excel.io.wording_ar import (
    BLOCK_HEADERS,
    arabic_block,
    arabic_caption,
    bucket_label,
    translate_columns,
)
from ar_excel.io.wording_rules import Rule, apply_rules, arabic_commas, rules
from ar_excel.model import Tab

KPI_NAMES = {
    "Days in Period": "عدد أيام الفترة",
    "Opening AR": "رصيد المدينين أول الفترة",
    "Invoices Issued": "عدد الفواتير الصادرة",
    "Invoice Value Issued": "قيمة الفواتير الصادرة",
    "Credit Notes Issued": "عدد الإشعارات الدائنة الصادرة",
    "Credit Note Value": "قيمة الإشعارات الدائنة الصادرة",
    "Credit Sales": "صافي المبيعات الآجلة",
    "Receipts Count": "عدد التحصيلات",
    "Receipts": "التحصيلات",
    "Non-Cash Settlements": "التسويات غير النقدية",
    "Refunds Paid": "المبالغ المردودة للعملاء",
    "Closing AR": "رصيد المدينين آخر الفترة",
    "Closing Current AR": "الرصيد غير المستحق آخر الفترة",
    "Closing Overdue AR": "الرصيد المتأخر آخر الفترة",
    "DSO": "متوسط فترة التحصيل (DSO)",
    "Best-Possible DSO": "أفضل فترة تحصيل ممكنة (Best-Possible DSO)",
    "Average Days Delinquent": "متوسط أيام التأخر (ADD)",
    "CEI %": "مؤشر فعالية التحصيل (CEI) %",
    "Collection Rate %": "نسبة التحصيل %",
}
MEASURES = {
    "Total receivables": "إجمالي المديونية",
    "Overdue receivables": "المديونية المتأخرة",
    "DSO": KPI_NAMES["DSO"],
    "Best-possible DSO": KPI_NAMES["Best-Possible DSO"],
    "Average days delinquent": KPI_NAMES["Average Days Delinquent"],
    "Collection effectiveness index (CEI)": "مؤشر فعالية التحصيل (CEI)",
    "Collection rate": "نسبة التحصيل",
    "Credit sales (net)": "صافي المبيعات الآجلة",
    "Invoice value issued": "قيمة الفواتير الصادرة",
    "Receipts": "التحصيلات",
    "Overdue share of receivables": "نسبة المتأخر من المديونية",
    "Total receivables, all currencies": "إجمالي المديونية بكل العملات",
    # the activity of the period
    "Invoices issued": "الفواتير الصادرة",
    "Credit notes issued": "الإشعارات الدائنة الصادرة",
    "Receipts recorded": "التحصيلات المسجلة",
    "Customers with an open balance": "عملاء لهم رصيد مفتوح",
    "Customers with an overdue balance": "عملاء لهم رصيد متأخر",
    "Input issues": "مشكلات بيانات الإدخال",
}
_RECEIPTS = ("التحصيلات النقدية المسجلة في الفترة (دون الشطب والخصومات والضريبة المخصومة من "
             "المنبع والمبالغ المردودة")
_LESS_RETURNED = "، ناقص الشيكات المرتدة فيها"
DEFINITIONS = {
    "open items at the day before the period starts": "البنود المفتوحة في اليوم السابق لبداية الفترة",
    "invoices dated in the period": "الفواتير المؤرخة في الفترة",
    "total of the invoices dated in the period": "إجمالي الفواتير المؤرخة في الفترة",
    "credit notes dated in the period": "الإشعارات الدائنة المؤرخة في الفترة",
    "total of the credit notes dated in the period": "إجمالي الإشعارات الدائنة المؤرخة في الفترة",
    "invoices less credit notes issued in the period":
        "الفواتير ناقص الإشعارات الدائنة الصادرة في الفترة",
    "cash receipts recorded in the period (not write-offs, discounts, tax withheld or refunds; "
    "a receipt paying several invoices counts once), less cheques returned unpaid in it":
        _RECEIPTS + "؛ التحصيل الذي يسدد عدة فواتير يُحسب مرة واحدة)" + _LESS_RETURNED,
    "cash receipts recorded in the period (not write-offs, discounts, tax withheld or refunds), "
    "less cheques returned unpaid in it":
        _RECEIPTS + ")" + _LESS_RETURNED,
    "open items at the period end": "البنود المفتوحة في نهاية الفترة",
    CURRENT_DEFINITION: "رصيد آخر الفترة - الرصيد المتأخر آخر الفترة",
    OVERDUE_DEFINITION: "لكل عميل: فواتيره المتأخرة في نهاية الفترة ناقص أرصدته الدائنة على "
                        "الحساب (دفعات مقدمة، تحصيلات وإشعارات دائنة غير مخصومة)، بحد أدنى "
                        "صفر؛ مجموع العملاء",
    "closing AR / credit sales x days in period":
        "رصيد آخر الفترة / صافي المبيعات الآجلة × أيام الفترة",
    "closing current AR / credit sales x days in period":
        "الرصيد غير المستحق آخر الفترة / صافي المبيعات الآجلة × أيام الفترة",
    ADD_DEFINITION: "الرصيد المتأخر آخر الفترة / صافي المبيعات الآجلة × أيام الفترة (= DSO - "
                    "أفضل DSO ممكن من الأرقام قبل التقريب، حيث يُعطى كلاهما)",
    CEI_DEFINITION: "(رصيد أول الفترة + صافي المبيعات الآجلة - رصيد آخر الفترة - التسويات "
                    "غير النقدية) / (رصيد أول الفترة + صافي المبيعات الآجلة - الرصيد غير "
                    "المستحق آخر الفترة) × 100؛ البسط هو النقد المحصل فعلاً ناقص المبالغ المردودة "
                    "للعملاء (مؤشر فترة واحدة)",
    NON_CASH_DEFINITION: "الشطب والخصومات والضريبة المخصومة من المنبع والمصاريف البنكية "
                         "وغيرها من التسويات غير النقدية المسجلة في التحصيلات خلال الفترة: "
                         "تخفض المديونية لكنها ليست تحصيلاً",
    COLLECTION_RATE_DEFINITION: "(التحصيلات - المبالغ المردودة للعملاء) / (رصيد أول الفترة + "
                                "صافي المبيعات الآجلة) × 100؛ البسط هو النقد المحصل فعلاً "
                                "ناقص المبالغ المردودة للعملاء، كبسط CEI",
    REFUNDS_DEFINITION: "المبالغ المردودة للعملاء المسجلة في التحصيلات أو في قائمة الفواتير "
                        "خلال الفترة (دون الشيكات المرتدة: تخصمها التحصيلات)",
    OVERDUE_SHARE_DEFINITION: "المديونية المتأخرة / أرصدة العملاء المدينين × 100 (العميل ذو "
                              "الرصيد الدائن لا يدين بشيء)",
    ALL_CURRENCIES: "إجمالي المديونية بالعملة الرئيسية + مديونية كل عملة أخرى × سعر صرفها في "
                    "السياسة",
}
UNITS = {"days": "يوم", "amount": "مبلغ", "count": "عدد"}
TRENDS = {"Improving": "يتحسن", "Worsening": "يتراجع", "Stable": "مستقر",
          "No recent payments": "لا مدفوعات حديثة",
          "New (no payments before)": "جديد (لا مدفوعات سابقة)"}
HEADERS = {
    **BLOCK_HEADERS, "Count": "العدد", "Month": "الشهر", "Period Start": "بداية الفترة",
    "Period End": "نهاية الفترة", "DSO": "DSO", "Best-Possible DSO": "أفضل DSO ممكن",
    "Average Days Delinquent": "متوسط أيام التأخر", "Credit Sales": "صافي المبيعات الآجلة",
    "Receipts": "التحصيلات", "Closing AR": "رصيد آخر الفترة", "CEI %": "CEI %",
    "Receivables": "المديونية", "Overdue": "المتأخر", "Rate": "سعر الصرف",
    "Equivalent": "المعادل",
}
MONTHS = ("يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو", "يوليو", "أغسطس", "سبتمبر",
          "أكتوبر", "نوفمبر", "ديسمبر")
_MONTH_ABBR = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov",
               "Dec")


def _period(label: str) -> str:
    """'2026-11-01 .. 2026-11-30' -> 'من 2026-11-01 إلى 2026-11-30'."""
    m = re.fullmatch(r"(\S+) \.\. (\S+)", label)
    return f"من {m[1]} إلى {m[2]}" if m else label


def _tie(text: str) -> str:
    return "مطابقة للدفاتر" if text == "ties to the ledger" else "غير مطابقة للدفاتر (انظر Aging)"


_CAPTIONS = rules(
    (r"Management pack: receivables as of (\S+) in (\S+); period (.+); aging (ties to the "
     r"ledger|DOES NOT TIE to the ledger \(see Aging\))",
     lambda m: f"تقرير الإدارة: المديونية في {m[1]} بعملة "
               f"{'غير محددة' if m[2] == 'n/a' else m[2]}؛ الفترة {_period(m[3])}؛ أعمار "
               f"الديون {_tie(m[4])}"),
    (r"Activity, (\S+ \.\. \S+)(?: \((\S+)\))?",
     lambda m: f"نشاط الفترة {_period(m[1])}" + (f" ({m[2]})" if m[2] else "")),
    (r"Receivables in other currencies \(equivalent in (\S+) at the Policy's exchange "
     r"rates(?:; no rate for (.+))?\)",
     lambda m: f"المديونية بالعملات الأخرى (المعادل بعملة {m[1]} بأسعار الصرف في السياسة"
               + (f"؛ لا يوجد سعر صرف لـ {arabic_commas(m[2])}" if m[2] else "") + ")"),
    (r"Aging by bucket \((.*)\)", lambda m: f"أعمار الديون حسب الفئة ({m[1]})"),
    (r"DSO trend, last 12 months \(days\)", lambda m: "اتجاه DSO، آخر 12 شهراً (بالأيام)"),
    (r"DSO trend, last 12 months, each ending on day (\d+)( or the month's last day)? "
     r"\(days\)",
     lambda m: f"اتجاه DSO، آخر 12 شهراً، ينتهي كل منها في اليوم {m[1]}"
               + (" أو في آخر الشهر" if m[2] else "") + " (بالأيام)"),
    (r"DSO trend \(days\)", lambda m: "اتجاه DSO (بالأيام)"),
    (r"Top (\d+) overdue customers \((.*)\)", lambda m: f"أكبر {m[1]} عملاء تأخراً ({m[2]})"),
    (r"Top (\d+) overdue customers", lambda m: f"أكبر {m[1]} عملاء تأخراً"),
    (r"Collection forecast, next 13 weeks \((.*)\)",
     lambda m: f"توقعات التحصيل للأسابيع الـ 13 القادمة ({m[1]})"),
    (r"Expected receipts, 13 weeks \((.*)\)",
     lambda m: f"التحصيلات المتوقعة، 13 أسبوعاً ({m[1]})"),
    (r"Collection KPIs for (.+) \((\d+) days\), per currency",
     lambda m: f"مؤشرات التحصيل للفترة {_period(m[1])} ({m[2]} يوماً)، لكل عملة"),
    (r"DSO trend by month \(each month: closing AR / its credit sales x its days\)",
     lambda m: "اتجاه DSO شهرياً (لكل شهر: رصيد آخر الشهر / صافي مبيعاته الآجلة × أيامه)"),
    (r"Customers with the most overdue as of (\S+) \(top (\d+) per currency\): Overdue "
     r"Amount = invoices past due \(by days past due\) less the customer's credits on "
     r"account, whatever their date, as the KPIs' overdue AR",
     lambda m: f"العملاء الأكثر تأخراً في {m[1]} (أعلى {m[2]} لكل عملة): المبلغ المتأخر = "
               "الفواتير المتأخرة (حسب أيام التأخير) ناقص الأرصدة الدائنة للعميل على الحساب "
               "أياً كان تاريخها، كالمتأخرات في مؤشرات التحصيل"),
    (r"Payments applied to invoices in the 6 months to (\S+): days late = payment date - due "
     r"date \(0 when on time\), weighted by amount; trend: last 3 months vs the 3 before "
     r"\(5-day band\)",
     lambda m: f"المدفوعات المطبقة على الفواتير في الأشهر الستة حتى {m[1]}: أيام التأخير = "
               "تاريخ السداد - تاريخ الاستحقاق (صفر عند السداد في الموعد)، مرجّحة بالمبلغ؛ "
               "الاتجاه: آخر 3 أشهر مقابل الثلاثة السابقة (هامش 5 أيام)"),
)


def pack_caption(text: str | None) -> str | None:
    if not text:
        return text
    found = apply_rules(_CAPTIONS, text)
    return found if found is not None else arabic_caption(text)


def _worded(table: list[Rule], words: Mapping[str, str]) -> Callable[[object], object]:
    """A cell's Arabic: by a rule of ``table``, else by ``words``, else as it is."""
    def word(text: object) -> object:
        if not isinstance(text, str):
            return text
        found = apply_rules(table, text)
        return words.get(text, text) if found is None else found
    return word


_measure = _worded(rules((r"Customers with amounts (\d+)\+ days past due",
                          "عملاء لهم مبالغ متأخرة أكثر من {0} يوماً")), MEASURES)
_BLANKS = {
    NO_SALES: "فارغ: لا مبيعات آجلة في الفترة",
    NET_RETURNS: "فارغ: الإشعارات الدائنة تزيد على فواتير الفترة (صافي المبيعات الآجلة أقل من "
                 "صفر)",
    UNKNOWN_SALES: "فارغ: مبيعات الفترة غير معروفة (فواتير بلا تاريخ فاتورة)",
    NOTHING_COLLECTIBLE: "فارغ: لم يكن هناك ما يُحصَّل في الفترة",
    NOTHING_RECEIVABLE: "فارغ: لا مديونية في نهاية الفترة",
    NO_RECEIPTS: "فارغ: لا يسجل الملف التحصيلات (قائمة الفواتير تذكر الأرصدة المفتوحة)",
    CREDIT_BALANCE: "فارغ: رصيد آخر الفترة دائن (أرصدة العملاء الدائنة تزيد على ما يدينون به)",
    CURRENT_CREDIT: "فارغ: الرصيد غير المستحق آخر الفترة أقل من صفر (الأرصدة الدائنة على "
                    "الحساب تزيد على الفواتير غير المستحقة)",
}
_definition = _worded(rules((r"(\S+ \.\. \S+), both days included",
                             lambda m: f"{_period(m[1])}، شاملاً اليومين"),
                            (r"(.+); (blank: .+)",
                             lambda m: f"{DEFINITIONS.get(m[1], m[1])}؛ "
                                       f"{_BLANKS.get(m[2], m[2])}")), DEFINITIONS)


def _week(text: object) -> object:
    """'W1 30 Nov' -> 'أسبوع 1 (30 نوفمبر)'."""
    m = re.fullmatch(r"W(\d+) (\d+) (\w{3})", text) if isinstance(text, str) else None
    if not m or m[3] not in _MONTH_ABBR:
        return text
    return f"أسبوع {m[1]} ({m[2]} {MONTHS[_MONTH_ABBR.index(m[3])]})"


_VALUES: dict[str, dict[str, object]] = {
    "Dashboard": {"Measure": _measure, "Unit": UNITS, "How it is computed": _definition},
    # the KPI names stay English: keys a reader of the pack looks a figure up by (DSO, CEI %)
    "KPIs": {"Unit": UNITS, "Definition": _definition},
    "Top Overdue": {"Trend": TRENDS},
    "Payment Behaviour": {"Trend": TRENDS},
}
_BLOCK_VALUES: dict[str, dict[str, object]] = {
    "Activity": {"Measure": _measure}, "Buckets": {"Bucket": bucket_label},
    "Forecast": {"Week": _week},
}


def _block(block: Tab) -> Tab:
    out = arabic_block(block, _BLOCK_VALUES.get(block.name, {}))  # type: ignore[arg-type]
    names = {c: HEADERS.get(c, c) for c in out.frame.columns if isinstance(c, str)}
    charts = [replace(c, title=pack_caption(c.title) or c.title,
                      categories=names.get(c.categories, c.categories),
                      values=[names.get(v, v) for v in c.values]) for c in out.charts]
    return replace(out, frame=out.frame.rename(columns=names), title=pack_caption(block.title),
                   formats={names.get(k, k): v for k, v in out.formats.items()}, charts=charts)


def arabic_pack(tabs: list[Tab]) -> list[Tab]:
    """The pack's tabs as an Arabic workbook shows them (copies; the Aging tab is worded by
    the aging job already)."""
    out = []
    for tab in tabs:
        if tab.name == "Aging":
            out.append(tab)
            continue
        frame = translate_columns(tab.frame, _VALUES.get(tab.name, {}))  # type: ignore[arg-type]
        charts = [replace(c, title=pack_caption(c.title) or c.title) for c in tab.charts]
        out.append(replace(tab, frame=frame, title=pack_caption(tab.title), charts=charts,
                           blocks=[_block(b) for b in tab.blocks]))
    return out
