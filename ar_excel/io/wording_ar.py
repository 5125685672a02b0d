"""Arabic wording of the jobs' captions, small tables and text cells, for Arabic workbooks.

The jobs word their tabs in English (captions, the small tables under a table, the text that
explains a figure: a risk score's basis, how an expected payment date was reached) and the
issues they raise themselves (``JOB_ISSUES``). An Arabic workbook (or ``--lang ar``) shows them
in Arabic, in the accountant's terms (أعمار الديون، الرصيد المفتوح، مطالبات،
إيقاف التعامل). Only human text changes: the contract's tab names, column headers and codes
(``Hold``, ``Suggested``, ``DUPLICATE_TAX_ID``) stay English, they are keys. A text without a
known wording is shown as it is (English), so nothing is lost; dates and amounts are carried
over as written.

Each job translates the copy of a frame it hands to the writer, after every computation, so
nothing the jobs read back (Dunning History's levels, a plan's ``Overdue``) changes. Fixed
sets of values a user filters on (an instalment's ``Overdue``, Risk Class ``High``, Item Type
``Invoice``, a bucket ``Current`` in Aging Detail) are codes like the credit ``Status``:
English.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import replace

import pandas as pd

from ar_excel.core.aging import UNKNOWN_CUSTOMER
from ar_excel.io.labels_ar import LABELS
from ar_excel.io.wording_rules import apply_rules, arabic_commas, rules
from ar_excel.model import Chart, Tab


def _verdict(word: str) -> str:
    return "مطابق" if word == "ties" else "غير مطابق"


def _basis(word: str) -> str:
    return "تاريخ الفاتورة" if word == "invoice date" else "تاريخ الاستحقاق"


def _rates_named_ar(named: str) -> str:
    """The Credit Status title's source of its exchange rates in Arabic (``jobs.credit``)."""
    sheet = re.fullmatch(r"the exchange rates of sheet '(.*)'", named)
    if sheet:
        return f"بأسعار الصرف في ورقة '{sheet[1]}'"
    column = re.fullmatch(r"the invoices' own exchange rates \(column '(.*)'\)", named)
    if column:
        return f"بأسعار الصرف المكتوبة على الفواتير (عمود '{column[1]}')"
    return "بأسعار الصرف في السياسة"


# Whole captions (a tab's, a small table's, a chart's). First match wins.
_CAPTIONS = rules(
    # credit
    (r"As of (\S+): Open Balance total (.*) (=|≠) ledger open balance (.*?)"
     r"( \(other currencies converted at (the Policy's exchange rates|the exchange rates of "
     r"sheet '.*?'|the invoices' own exchange rates \(column '.*?'\)); in their own "
     r"currencies: (.*)\))?"
     r"( \(other currencies added to their customer's currency as they stand: no exchange "
     r"rate; in their own currencies: (.*)\))?",
     lambda m: f"في {m[1]}: إجمالي الرصيد المفتوح {arabic_commas(m[2])} {m[3]} الرصيد المفتوح في "
               f"الدفاتر {arabic_commas(m[4])}"
               + (f" (العملات الأخرى محوّلة {_rates_named_ar(m[6])}؛ بعملاتها الأصلية: "
                  f"{arabic_commas(m[7])})" if m[5] else "")
               + (" (العملات الأخرى مضافة كما هي إلى عملة العميل: لا يوجد سعر صرف؛ بعملاتها "
                  f"الأصلية: {arabic_commas(m[9])})" if m[8] else "")),
    # aging
    (r"Open items as of (\S+), each with its bucket",
     "البنود المفتوحة في {0}، كل بند في فئته العمرية"),
    (r"Open items as of (\S+), each with its bucket \(the first (\S+) of (\S+) items: more "
     r"than a sheet holds; the Aging tab includes them all\)",
     "البنود المفتوحة في {0}، كل بند في فئته العمرية (أول {1} من {2} بنداً: أكثر مما تتسع له "
     "الورقة؛ تبويب Aging يشملها كلها)"),
    (r"Tie-out: aging grand total vs the ledger's open balance",
     "المطابقة: إجمالي أعمار الديون مقابل الرصيد المفتوح في الدفاتر"),
    (r"Grand total by bucket", "الإجمالي حسب الفئة العمرية"),
    (r"Open balance by bucket", "الرصيد المفتوح حسب الفئة العمرية"),
    (r"Open balance by bucket \((\S+)\)", "الرصيد المفتوح حسب الفئة العمرية ({0})"),
    # collections
    (r"Dunning as of (\S+): levels at (.*) days overdue; one escalation a week; "
     r"Letter = draft written",
     lambda m: f"المطالبات في {m[1]}: المستويات عند {arabic_commas(m[2])} يوماً من التأخير؛ تصعيد "
               "واحد في الأسبوع بحد أقصى؛ خطاب = كُتبت مسودة الخطاب"),
    (r"Customers to call: oldest unpaid invoice past the firm-reminder level, largest amount "
     r"first", "عملاء للاتصال الهاتفي: أقدم فاتورة غير مسددة تجاوزت مستوى التذكير الحازم، "
               "الأكبر مبلغاً أولاً"),
    (r"Customers to visit: oldest unpaid invoice past the last dunning level",
     "عملاء للزيارة الميدانية: أقدم فاتورة غير مسددة تجاوزت آخر مستوى مطالبة"),
    (r"Instalments of each payment plan; receipts fill them oldest first",
     "أقساط كل خطة سداد؛ تُوزَّع التحصيلات على الأقساط من الأقدم"),
    (r"Risk Score = 60 x min\(avg days late, 60\)/60 \+ 40 x share 30\+ days overdue; avg "
     r"days late weighted by amount, halving every 180 days",
     "درجة المخاطر = 60 × (متوسط أيام التأخير بحد أقصى 60) / 60 + 40 × نسبة المتأخر أكثر من 30 "
     "يوماً؛ متوسط أيام التأخير مرجّح بالمبلغ، ويقل وزن السداد إلى النصف كل 180 يوماً"),
    (r"Each open invoice's expected payment date \(due date \+ the customer's average days "
     r"late\)", "تاريخ السداد المتوقع لكل فاتورة مفتوحة (تاريخ الاستحقاق + متوسط أيام تأخير "
                "العميل)"),
    (r"13-week cash-collection forecast from (\S+)",
     "توقعات التحصيل النقدي لـ 13 أسبوعاً من {0}"),
    (r"13-week cash-collection forecast from (\S+), in (\S+)",
     "توقعات التحصيل النقدي لـ 13 أسبوعاً من {0}، بعملة {1}"),
    (r"13-week cash-collection forecast from (\S+), in (\S+): (\S+) in all",
     "توقعات التحصيل النقدي لـ 13 أسبوعاً من {0}، بعملة {1}: {2} إجمالاً"),
    (r"13-week cash-collection forecast from (\S+), in (\S+): (\S+) in all; in their own "
     r"columns: (.+)",
     "توقعات التحصيل النقدي لـ 13 أسبوعاً من {0}، بعملة {1}: {2} إجمالاً؛ وبالعملات الأخرى "
     "في أعمدتها: {3}"),
    (r"Expected receipts by week", "التحصيلات المتوقعة حسب الأسبوع"),
    (r"Expected receipts by week \((\S+)\)", "التحصيلات المتوقعة حسب الأسبوع ({0})"),
    (r"Letters of every collections run \(read back to pace escalations\)",
     "خطابات كل دورة تحصيل (تُقرأ في التشغيل التالي لضبط وتيرة التصعيد)"),
    # statements
    (r"Customer statements (\S+) to (\S+): opening balance, movements, running balance, "
     r"aging of the closing balance",
     "كشوف حساب العملاء من {0} إلى {1}: الرصيد الافتتاحي، الحركات، الرصيد الجاري، أعمار "
     "الرصيد الختامي"),
    (r"Statement of account (\S+) ?(.*): (\S+) to (\S+)", "كشف حساب {0} {1}: من {2} إلى {3}"),
)

# The clauses of the Aging caption ("; " between them): its head, then one per currency.
_AGING_CLAUSES = rules(
    (r"Aging as of (\S+) by (due date|invoice date)",
     lambda m: f"أعمار الديون في {m[1]} حسب {_basis(m[2])}"),
    (r"Aging as of (\S+) by (due date|invoice date): no open items",
     lambda m: f"أعمار الديون في {m[1]} حسب {_basis(m[2])}: لا توجد بنود مفتوحة"),
    (r"ledger open balance 0\.00, difference 0\.00",
     "الرصيد المفتوح في الدفاتر 0.00، الفرق 0.00"),
    (r"grand total(?: (\S+))? (\S+) vs ledger open balance (\S+): difference (\S+) "
     r"\((ties|DOES NOT TIE)\)",
     lambda m: f"الإجمالي العام{' ' + m[1] if m[1] else ''} {m[2]} مقابل الرصيد المفتوح في "
               f"الدفاتر {m[3]}: الفرق {m[4]} ({_verdict(m[5])})"),
)


def arabic_caption(text: str | None) -> str | None:
    """The Arabic wording of a caption, or the caption as it is."""
    if not text:
        return text
    found = apply_rules(_CAPTIONS, text)
    if found is not None:
        return found
    if text.startswith("Aging as of "):
        clauses = text.split("; ")
        words = [apply_rules(_AGING_CLAUSES, c) for c in clauses]
        if all(w is not None for w in words):
            return "؛ ".join(words)  # type: ignore[arg-type]
    return text


# --- the text of cells -------------------------------------------------------------------


def bucket_label(label: object) -> object:
    """An aging bucket's name in Arabic ('Current' غير مستحق, '1-30' ١-٣٠ يوم, '120+')."""
    if not isinstance(label, str):
        return label
    if label in LABELS:
        return LABELS[label]
    m = re.fullmatch(r"(\d+)-(\d+)", label)
    if m:
        return f"{m[1]}-{m[2]} يوم"
    m = re.fullmatch(r"(\d+)\+", label)
    return f"أكثر من {m[1]} يوم" if m else label


CHECKS = {"OK": "مطابق", "DIFFERENCE": "فرق"}
UNKNOWN_CUSTOMER_AR = {UNKNOWN_CUSTOMER: "(غير مسجل في العملاء)"}

_CELL_TEXTS = rules(
    # Payment Risk: where a customer's average days late come from
    (r"own history \((\d+) paid\)", "سجل سداد العميل (عدد {0} فاتورة مسددة)"),
    (r"own history \((\d+) paid\) and (\d+) open overdue",
     "سجل سداد العميل (عدد {0} فاتورة مسددة) وعدد {1} فاتورة مفتوحة متأخرة"),
    (r"(\d+) open overdue", "عدد {0} فاتورة مفتوحة متأخرة"),
    (r"portfolio average", "متوسط المحفظة (لا سجل سداد للعميل)"),
    # Expected Payments: how the expected date was reached
    (r"due \+ (\S+) days \(customer average\)", "الاستحقاق + {0} يوم (متوسط العميل)"),
    (r"due \+ (\S+) days \(portfolio average\)", "الاستحقاق + {0} يوم (متوسط المحفظة)"),
    (r"doubtful: more than (\d+) days past due",
     "مشكوك في تحصيله: متأخر أكثر من {0} يوماً"),
    (r"later than usual: expected within (\d+) days of chasing",
     "متأخر عن المعتاد: متوقع خلال {0} أيام من المتابعة"),
    (r"payment plan instalment", "قسط خطة سداد"),
    (r"in dispute: not expected until the dispute is resolved",
     "محل نزاع: لا يتوقع تحصيلها قبل حل النزاع"),
    (r"no due date: the invoice's date could not be read",
     "بلا تاريخ استحقاق: تعذرت قراءة تاريخ الفاتورة"),
    (r"not expected: due too far off to forecast", "غير متوقعة: الاستحقاق أبعد من أن يُتوقع"),
)


def cell_text(value: object) -> object:
    """The Arabic wording of a cell's explanation, or the value as it is."""
    if not isinstance(value, str):
        return value
    found = apply_rules(_CELL_TEXTS, value)
    return value if found is None else found


def translate_columns(frame: pd.DataFrame,
                      words: Mapping[str, Mapping[str, str] | Callable[[object], object]]
                      ) -> pd.DataFrame:
    """A copy of ``frame`` with the text of the named columns in Arabic: a column's mapping
    (a dict: unknown values kept) or function."""
    out = frame.copy()
    for column, how in words.items():
        if column not in out.columns or not len(out):
            continue
        if callable(how):
            fn = how
        else:
            table = dict(how)

            def fn(v: object, table: dict[str, str] = table) -> object:
                return table.get(v, v) if isinstance(v, str) else v
        values = out[column]
        unique = {v: fn(v) for v in pd.unique(values.to_numpy(dtype=object))
                  if isinstance(v, str)}
        out[column] = values.map(lambda v, u=unique: u.get(v, v) if isinstance(v, str) else v)
    return out


# The column names of the small tables written under a tab (not contract columns).
BLOCK_HEADERS = {
    "Aging Grand Total": "إجمالي أعمار الديون", "Ledger Open Balance": "الرصيد المفتوح في الدفاتر",
    "Difference": "الفرق", "Check": "المطابقة", "Bucket": "الفئة العمرية",
    "Share %": "النسبة %", "Amount": "المبلغ", "Currency": "العملة",
}


def arabic_block(block: Tab, values: Mapping[str, Mapping[str, str] | Callable[[object], object]]
                 | None = None) -> Tab:
    """A small table under a tab, in Arabic: its caption, its column names (a currency code
    stays), the text of ``values``' columns, and its charts' titles and series."""
    frame = translate_columns(block.frame, values or {})
    names = {c: BLOCK_HEADERS.get(c, LABELS.get(c, c)) for c in frame.columns
             if isinstance(c, str)}
    frame = frame.rename(columns=names)
    charts = [replace(c, title=arabic_caption(c.title) or c.title,
                      categories=names.get(c.categories, c.categories),
                      values=[names.get(v, v) for v in c.values]) for c in block.charts]
    return replace(block, frame=frame, title=arabic_caption(block.title),
                   formats={names.get(k, k): v for k, v in block.formats.items()},
                   charts=charts)


def arabic_chart(chart: Chart) -> Chart:
    return replace(chart, title=arabic_caption(chart.title) or chart.title)


# The issues the jobs raise themselves (the reader's are in ``messages_ar``), for the Input
# Issues tab of an Arabic workbook.
JOB_ISSUES: list[tuple[re.Pattern[str], str]] = [(re.compile(p), t) for p, t in (
    (r"^(?:the column is in|SAP Business One keeps a credit limit in) the company's own "
     r"currency, but nothing in the workbook names it \(customers in (.*)\): each limit is "
     r"compared in its customer's currency; set base_currency on the Policy sheet$",
     "حدود الائتمان بعملة الشركة المحلية، ولا شيء في المصنف يسميها (عملاء بعملات {0}): قورن كل "
     "حد بعملة عميله؛ اكتب base_currency في ورقة السياسة (Policy)"),
    (r"^customer (.*)'s credit limit is in (\S+) \((.*)\) and it owes in (.*): no exchange "
     r"rate in the Policy for (.*) to (\S+), so Credit Status does not compare them; give the "
     r"rate \(exchange_rates\)$",
     "حد ائتمان العميل {0} بعملة {1} والمستحق عليه بعملة {3}: لا سعر صرف في السياسة من {4} "
     "إلى {5}، فلم تُقارن حالة الائتمان بينهما؛ أضف السعر (exchange_rates)"),
    (r"^this item has no date, so it cannot be aged: its (\S+) is shown under Current$",
     "هذا البند بلا تاريخ فلا يمكن حساب عمره: مبلغه {0} يظهر تحت غير مستحق"),
    (r"^(.*) has no date, so it cannot be aged: its (\S+) is shown under Current$",
     "{0} بلا تاريخ فلا يمكن حساب عمره: مبلغه {1} يظهر تحت غير مستحق"),
    (r"^(\d+) (?:customers have|customer has) no currency \((.*)\): read as (\S+), the only "
     r"currency the workbook names; nothing says the company's own currency \(set Base "
     r"Currency on the Policy sheet, or the customers' Country\)$",
     "عملاء بلا عملة ({0}) ({1}): قُرئت عملتهم {2}، العملة الوحيدة المذكورة في المصنف؛ لا شيء "
     "يحدد عملة الشركة نفسها (اكتب العملة الأساسية في ورقة السياسة (Policy)، أو دولة العملاء)"),
    (r"^the Dunning History sheet has no header row with (.*?): its rows were not read and "
     r"the sheet is kept as it is; the Dunning History written with this run starts from this "
     r"run's letters \(earlier letters were not known to pace them\); to use it, add the "
     r"header row (.*) above its rows, or rename the sheet$",
     "ورقة Dunning History ليس فيها صف عناوين به {0}: لم تُقرأ صفوفها وبقيت الورقة كما هي؛ "
     "وسجل Dunning History المكتوب مع هذا التشغيل يبدأ من خطابات هذا التشغيل (لم تُعرف "
     "الخطابات السابقة لضبط التصعيد)؛ لاستخدامها أضف صف العناوين {1} فوق صفوفها، أو غيّر اسم "
     "الورقة"),
    (r"^payment plan without a customer: not scheduled$",
     "خطة سداد بلا عميل: لم تُجدول أقساطها"),
    (r"^payment plan amount must be a positive amount: not scheduled$",
     "مبلغ خطة السداد يجب أن يكون موجباً: لم تُجدول أقساطها"),
    (r"^number of instalments must be 1 or more: not scheduled$",
     "عدد الأقساط يجب أن يكون 1 أو أكثر: لم تُجدول الخطة"),
    (r"^number of instalments must be a whole number up to (\d+): not scheduled$",
     "عدد الأقساط يجب أن يكون عدداً صحيحاً حتى {0}: لم تُجدول الخطة"),
    (r"^payment plan without a start date: not scheduled$",
     "خطة سداد بلا تاريخ بداية: لم تُجدول أقساطها"),
    (r"^payment plan runs past the year 2261: not scheduled$",
     "خطة السداد تمتد إلى ما بعد سنة 2261: لم تُجدول أقساطها"),
    (r"^customer '(.*)' is not in the Customers sheet: payment plan not scheduled$",
     "العميل '{0}' غير موجود في ورقة العملاء: لم تُجدول خطة السداد"),
    (r"^frequency '(.*)' \(twice a month\) does not say which days: write '15 days' or "
     r"'2 weeks'; monthly is used$",
     "الدورية '{0}' (مرتين في الشهر) لا تحدد الأيام: اكتب '15 يوم' أو 'أسبوعين'؛ استُخدمت "
     "الدورية الشهرية"),
    (r"^unknown frequency '(.*)' \(use weekly, monthly, quarterly or e\.g\. '2 weeks'\); "
     r"monthly is used$",
     "دورية غير معروفة '{0}' (استخدم أسبوعي أو شهري أو ربع سنوي أو مثلاً 'أسبوعين')؛ "
     "استُخدمت الدورية الشهرية"),
    (r"^frequency '(.*)' is longer than a year between instalments; monthly is used$",
     "الدورية '{0}' أطول من سنة بين الأقساط؛ استُخدمت الدورية الشهرية"),
    (r"^the billing check '(.*)' could not run; the other checks ran$",
     "تعذر تشغيل فحص الفوترة '{0}'؛ تم تشغيل باقي الفحوص"),
    (r"^(\S+) has no exchange rate dated on or before the as-of date (\S+); its earliest, "
     r"(\S+) of (\S+), is used$",
     "لا يوجد سعر صرف لـ {0} بتاريخ في {1} (تاريخ التقرير) أو قبله؛ استُخدم أقدم سعر بعده، "
     "{2} بتاريخ {3}"),
)]


# The bank statement import's most frequent issues (ar_excel.bank words them in English).
STATEMENT_ISSUES: list[tuple[re.Pattern[str], str]] = [(re.compile(p), t) for p, t in (
    (r"^statement (.+) does not tie out: opening (\S+) \+ credits (\S+) - debits (\S+) = "
     r"(\S+), but the closing balance is (\S+) \(difference (\S+)\); lines may be missing "
     r"from the file$",
     "كشف الحساب {0} غير متوازن: الرصيد الافتتاحي {1} + الدائن {2} - المدين {3} = {4}، لكن "
     "الرصيد الختامي {5} (الفرق {6})؛ قد تكون بعض الحركات ناقصة من الملف"),
    (r"^text looks garbled \(read as (\S+)\): (.*); the file may have been saved with the "
     r"wrong encoding - names and references there may not match\. Pass the right encoding "
     r"\(e\.g\. encoding='cp1256'\) if the file is not \S+$",
     "النص يبدو مشوهاً (قُرئ بترميز {0}): {1}؛ ربما حُفظ الملف بترميز خاطئ، فقد لا تتطابق "
     "الأسماء والمراجع. حدد الترميز الصحيح (مثلاً encoding='cp1256') إن لم يكن الملف {0}"),
    (r"^the file ends in half a character \(UTF-16 takes two bytes each\): it may have been "
     r"cut short, and its last line may be incomplete$",
     "ينتهي الملف بنصف حرف (في ترميز UTF-16 كل حرف بايتان): ربما قُطع الملف، وقد يكون سطره "
     "الأخير ناقصاً"),
    (r"^amount (\S+) is too large to be an amount; the line was left out$",
     "المبلغ {0} أكبر من أن يكون مبلغاً؛ استُبعد السطر"),
    (r"^row has text but no date and no amount; not a transaction$",
     "صف فيه نص بلا تاريخ ولا مبلغ؛ ليس حركة"),
    (r"^statement (.+) repeats statement (.+) \(the same account, balances and (\d+) lines\): "
     r"the file holds it twice; the copy was left out so its receipts are not counted twice$",
     "كشف الحساب {0} يكرر كشف الحساب {1} (نفس الحساب والأرصدة و{2} حركة): الملف يحتويه "
     "مرتين؛ استُبعدت النسخة المكررة حتى لا تُحتسب تحصيلاتها مرتين"),
    (r"^the sheet '(.+)' repeats lines of the sheet '(.+)' \(every one of its (\d+) lines, "
     r"with its date, amount, narrative and balance\): a copy, not another statement; it was "
     r"not read, so its receipts are not counted twice$",
     "الورقة '{0}' تكرر حركات الورقة '{1}' (كل حركاتها وعددها {2} بتاريخها ومبلغها وبيانها "
     "ورصيدها): نسخة وليست كشف حساب آخر؛ لم تُقرأ حتى لا تُحتسب تحصيلاتها مرتين"),
    (r"^summary row under the closing balance \('(.*)'\): not a transaction; left out$",
     "صف ملخص تحت الرصيد الختامي ('{0}'): ليس حركة؛ استُبعد"),
    (r"^statement (.+) opens at (\S+), but statement (.+) before it \(account (.+?)\) closed "
     r"at (\S+) \(difference (\S+)\): a statement or a page between them may be missing from "
     r"the file$",
     "كشف الحساب {0} يبدأ برصيد {1}، لكن الكشف {2} قبله (الحساب {3}) انتهى برصيد {4} (الفرق "
     "{5})؛ قد يكون كشف أو صفحة بينهما ناقصاً من الملف"),
    (r"^statement (.+): transaction (\S+) \((\S+) on (\S+)\) is also in statement (.+) of "
     r"the same account \(their periods overlap\): read once, so it is not counted twice$",
     "كشف الحساب {0}: الحركة {1} ({2} بتاريخ {3}) موجودة أيضاً في كشف الحساب {4} للحساب "
     "نفسه (فترتاهما متداخلتان): قُرئت مرة واحدة حتى لا تُحتسب مرتين"),
    (r"^report (.+): (?:entry|line) (\S+) of (\S+) ?(\S*) is booked again in (?:the|a) "
     r"statement of the same account in the file \((camt\.053|MT940)\): read from the "
     r"statement only, so it is not counted twice$",
     "التقرير {0}: الحركة {1} بمبلغ {2} {3} مقيدة مرة أخرى في كشف الحساب نفسه في الملف "
     "({4})؛ قُرئت من الكشف وحده حتى لا تُحتسب مرتين"),
)]


def arabic_job_issue(message: str) -> str:
    """The Arabic wording of a job's issue (or of the statement import's), or the message
    as it is."""
    found = apply_rules([*JOB_ISSUES, *STATEMENT_ISSUES], message)
    return message if found is None else found
