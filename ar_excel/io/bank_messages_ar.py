"""Arabic wording of the bank statement importer's input issues, for Arabic workbooks.

The importer (``ar_excel.bank``) words what it left out or read in a particular way in
English; the ``Input Issues`` tab of an Arabic workbook shows it in Arabic, like the reader's
messages (``messages_ar``). Several messages are built from parts (what the cell says, then
how it was read, then what confirms it): they are worded part by part, so that each reading
keeps its own Arabic. Amounts, dates, cells and the file's own headers and labels are kept as
they are. A message with no rule here stays in English.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from ar_excel.io.wording_rules import apply_rules, arabic_commas

_WAY = {"money in": "مبلغاً وارداً", "money out": "مبلغاً صادراً"}
_COUNTED = {"debits": "الحركات المدينة", "credits": "الحركات الدائنة", "lines": "الحركات"}
_MOVES = {"rises": "يرتفع", "falls": "ينخفض"}
_SIDE = {"in": "وارد", "out": "صادر"}
_REVERSAL = {
    "a credit reversed (a cheque returned unpaid, a transfer recalled)":
        "عكس قيد دائن (شيك مرتد أو تحويل مسترد)",
    "a debit reversed (a charge refunded, a payment returned)":
        "عكس قيد مدين (عمولة مستردة أو دفعة مرتجعة)",
}
_NO_BALANCE = {"no running balance before this line": "ولا رصيد جارٍ قبل هذا السطر",
               "the file has no running balance": "والملف بلا رصيد جارٍ"}
_CHECK = "فطابقه مع كشف البنك"
_ORDER = {"day first": "اليوم أولاً", "month first": "الشهر أولاً"}
_READ_BY = {"day first": "باليوم أولاً", "month first": "بالشهر أولاً"}

# Why the dates that read both ways were read one way (bank.date_order._BECAUSE).
_BECAUSE: list[tuple[re.Pattern[str], Callable[[re.Match[str]], str] | str]] = [
    (re.compile(p), t) for p, t in (
        (r"^the statement period above the lines holds the dates only when read (.+)$",
         lambda m: f"فترة الكشف أعلى السطور لا تضم التواريخ إلا بقراءة {_ORDER.get(m[1], m[1])}"),
        (r"^its value dates then fall within days of the booking dates \((.+): a month or more "
         r"apart\)$",
         lambda m: "تواريخ الحق تقع حينها على بعد أيام من تواريخ القيد (وبقراءة "
                   f"{_ORDER.get(m[1], m[1])}: على بعد شهر أو أكثر)"),
        (r"^(.+) would spread the statement over more than (\d+) days$",
         lambda m: f"قراءة {_ORDER.get(m[1], m[1])} تمد الكشف على أكثر من {m[2]} يوماً"),
        (r"^its lines are then in date order \((.+): back and forth\)$",
         lambda m: "سطوره تكون حينها مرتبة بالتاريخ (وبقراءة "
                   f"{_ORDER.get(m[1], m[1])}: ذهاباً وإياباً)"),
        (r"^dates written with dots are day first$",
         "التواريخ المكتوبة بالنقاط تُكتب باليوم أولاً"),
        (r"^the dates written with the month's name put the statement there$",
         "التواريخ المكتوبة باسم الشهر تضع الكشف في هذه الفترة"),
    )]


def _hint(text: str) -> str:
    """How to name the other date order, in Arabic."""
    m = re.fullmatch(r'name the order with --bank-columns "(.*?)" \(or "(.*?)"; for the Excel '
                     r"buttons in the Policy key bank_columns\)", text)
    if m is None:
        return text
    return (f'حدّد الترتيب بـ --bank-columns "{m[1]}" (أو "{m[2]}"؛ ولأزرار Excel في مفتاح '
            "السياسة bank_columns)")


def _both_ways(m: re.Match[str]) -> str:
    because = apply_rules(_BECAUSE, m[4]) or m[4]
    return (f"كل تواريخ الكشف تُقرأ بالطريقتين؛ قُرئت {_READ_BY.get(m[1], m[1])} ('{m[2]}' = "
            f"{m[3]}) لأن {because}. إن كان هذا خطأ، {_hint(m[5])}")


def _column_both_ways(m: re.Match[str]) -> str:
    return (f"التواريخ في العمود '{m[1]}' تُقرأ بالطريقتين ('{m[2]}' هو {m[3]} باليوم أولاً، "
            f"و{m[4]} بالشهر أولاً) ولا شيء في الملف يحسم (لا تاريخ يومه فوق 12 ولا فترة كشف ولا "
            f"تواريخ حق ولا ترتيب تواريخ): قُرئت {_READ_BY.get(m[5], m[5])}، الترتيب المطلوب "
            f"(مفتاح السياسة date_order). إن كان البنك كتبها {_READ_BY.get(m[6], m[6])}، "
            f"{_hint(m[7])}")


def _inner(text: str) -> str:
    """A reader message quoted inside a bank message ("'31/02' is not a valid date")."""
    from ar_excel.io.messages_ar import arabic_message

    return {"blank": "فارغ"}.get(text) or arabic_message(text)


# Whose balance a page break's figure was held to (bank.table_import), then how far from it.
_WHOSE = ((re.compile(r"the opening balance"), "الرصيد الافتتاحي"),
          (re.compile(r"the balance of row (\d+) \('(.*)'\)"), "رصيد الصف {0} ('{1}')"),
          (re.compile(r"the balance of row (\d+)"), "رصيد الصف {0}"))
_WHOSE_TAIL = {", the line above it": "، السطر الذي فوقه", " above it": " فوقه", "": ""}


def _whose(text: str) -> str:
    for pattern, arabic in _WHOSE:
        head = pattern.match(text)
        if head is None:
            continue
        rest = text[head.end():]
        down = re.fullmatch(r" plus the lines down to row (\d+)", rest)
        if down is not None:
            return arabic.format(*head.groups()) + f" مضافاً إليه السطور حتى الصف {down[1]}"
        if rest in _WHOSE_TAIL:
            return arabic.format(*head.groups()) + _WHOSE_TAIL[rest]
    return text


def _page_balance(m: re.Match[str]) -> str:
    return (f"'{m[1]}' بين الصفحات {m[2]}، لكن الرصيد الجاري هناك {m[3]} ({_whose(m[4])}؛ "
            f"الفرق {m[5]}): ربما سقط سطر عند فاصل الصفحة أو قُرئ خطأ")


# How a figure signed against its column, or a row with both sides filled, was read
# (bank.two_columns): the part after what the cell says.
_READINGS: list[tuple[re.Pattern[str], Callable[[re.Match[str]], str]]] = [
    (re.compile(p), t) for p, t in (
        (r"^, but the running balance (rises|falls) by it: read as (money in|money out) "
         r"\((\S+)\)$",
         lambda m: f"، لكن الرصيد الجاري {_MOVES[m[1]]} به: قُرئ {_WAY[m[2]]} ({m[3]})"),
        (r"^: read as (a (?:credit|debit) reversed \(.*?\)), (money in|money out) \((\S+)\); "
         r"(no running balance before this line|the file has no running balance) to confirm "
         r"it$",
         lambda m: f": قُرئ {_REVERSAL.get(m[1], m[1])}، {_WAY[m[2]]} ({m[3]})؛ "
                   f"{_NO_BALANCE[m[4]]} يؤكد ذلك"),
        (r"^: read as (a (?:credit|debit) reversed \(.*?\)), (money in|money out) \((\S+)\), "
         r"as the running balance (rises|falls) by it$",
         lambda m: f": قُرئ {_REVERSAL.get(m[1], m[1])}، {_WAY[m[2]]} ({m[3]})، إذ يتحرك "
                   f"الرصيد الجاري به ({_MOVES[m[4]]})"),
        (r"^: read as (a (?:credit|debit) reversed \(.*?\)), (money in|money out) \((\S+)\); "
         r"the running balance moves by (\S+), by neither reading, so check the line against "
         r"the bank's statement$",
         lambda m: f": قُرئ {_REVERSAL.get(m[1], m[1])}، {_WAY[m[2]]} ({m[3]})؛ الرصيد "
                   f"الجاري يتحرك بمقدار {m[4]} لا بأي من القراءتين، {_CHECK}"),
        (r"^, and the running balance rises by it: read as money in \((\S+)\), a debit "
         r"reversed$",
         lambda m: f"، والرصيد الجاري يرتفع به: قُرئ مبلغاً وارداً ({m[1]})، عكس قيد مدين"),
        (r"^: read as money out \((\S+)\), as its column says; (no running balance before this "
         r"line|the file has no running balance) to confirm it, so check it against the bank's "
         r"statement$",
         lambda m: f": قُرئ مبلغاً صادراً ({m[1]}) كما يقول عموده؛ {_NO_BALANCE[m[2]]} يؤكد "
                   f"ذلك، {_CHECK}"),
        (r"^: read as money out \((\S+)\), as the running balance falls by it$",
         lambda m: f": قُرئ مبلغاً صادراً ({m[1]})، إذ ينخفض الرصيد الجاري به"),
        (r"^: read as money out \((\S+)\), as its column says; the running balance moves by "
         r"(\S+), by neither reading, so check the line against the bank's statement$",
         lambda m: f": قُرئ مبلغاً صادراً ({m[1]}) كما يقول عموده؛ الرصيد الجاري يتحرك بمقدار "
                   f"{m[2]} لا بأي من القراءتين، {_CHECK}"),
        (r"^: read as one line of their difference, (\S+); (no running balance before this "
         r"line|the file has no running balance) to tell whether they are two movements booked "
         r"on one row, so check it against the bank's statement$",
         lambda m: f": قُرئا سطراً واحداً بالفرق بينهما، {m[1]}؛ {_NO_BALANCE[m[2]]} يبيّن هل "
                   f"هما حركتان قُيّدتا في صف واحد، {_CHECK}"),
        (r"^: read as one line of their difference, (\S+); the running balance moved by (\S+), "
         r"so they are two movements booked on one row \((\S+) (in|out), (\S+) (in|out)\)$",
         lambda m: f": قُرئا سطراً واحداً بالفرق بينهما، {m[1]}؛ تحرك الرصيد الجاري بمقدار "
                   f"{m[2]}، فهما حركتان قُيّدتا في صف واحد ({m[3]} {_SIDE[m[4]]}، {m[5]} "
                   f"{_SIDE[m[6]]})"),
        (r"^, but the running balance moved by the (.+) alone: read as (money in|money out) "
         r"\((\S+)\); the other figure moved no money$",
         lambda m: f"، لكن الرصيد الجاري تحرك بـ {m[1]} وحده: قُرئ {_WAY[m[2]]} ({m[3]})؛ "
                   "والرقم الآخر لم يحرك مالاً"),
        (r"^: read as one line of their difference, (\S+); the running balance moves by (\S+), "
         r"by none of the readings, so check the line against the bank's statement$",
         lambda m: f": قُرئا سطراً واحداً بالفرق بينهما، {m[1]}؛ الرصيد الجاري يتحرك بمقدار "
                   f"{m[2]} لا بأي من القراءات، {_CHECK}"),
    )]

# What the cell says, before how it was read.
_SAID = [
    (re.compile(r"^(.+?) '(.*?)' is negative(?=[,:])"), "{0} '{1}' سالب"),
    (re.compile(r"^(.+?) '(.*?)' is positive, where the column writes its debits with a "
                r"minus(?=[,:])"), "{0} '{1}' موجب، والعمود يكتب المدين بعلامة ناقص"),
    (re.compile(r"^both (.+?) \((\S+)\) and (.+?) \((\S+)\) are filled(?=[,:])"),
     "{0} ({1}) و{2} ({3}) كلاهما مملوء"),
]


def _signed_against_column(message: str) -> str | None:
    for pattern, arabic in _SAID:
        m = pattern.match(message)
        if m is None:
            continue
        reading = apply_rules(_READINGS, message[m.end():])
        return None if reading is None else arabic.format(*m.groups()) + reading
    return None


# What an OFX correction did (bank.ofx._corrections_applied), by whether the transaction it
# corrects is in the file
_CORRECTED = {
    "both left out": "استُبعدت الاثنتان",
    "that one left out": "استُبعدت تلك",
    "the notice is left out; if that transaction was imported before, take it out":
        "استُبعد الإشعار؛ إن كانت تلك المعاملة قد استُوردت من قبل فاستبعدها",
    "read; if that transaction was imported before, take it out":
        "قُرئت؛ إن كانت تلك المعاملة قد استُوردت من قبل فاستبعدها",
}


def _correction(m: re.Match[str]) -> str:
    this = f"المعاملة {m[2]}" if m[2] else "المعاملة"
    earlier = (f"المعاملة {m[7]} من هذا الملف ({m[8]} بتاريخ {m[9]}، السطر {m[10]})" if m[8]
               else f"المعاملة {m[7]}، وليست في هذا الملف (تنزيل سابق)")
    does = "تحذف" if m[6] == "deletes" else "تحل محل"
    return (f"الكشف {m[1]}: {this} ({m[3]} بتاريخ {m[4]}، السطر {m[5]}) {does} {earlier} "
            f"(CORRECTACTION {m[11]}): {_CORRECTED[m[12]]}")


_PATTERNS: list[tuple[re.Pattern[str], Callable[[re.Match[str]], str] | str]] = [
    (re.compile(p), t) for p, t in (
        (r"^'(.*)' between pages is (\S+), but the running balance there is (\S+) \((.*); "
         r"difference (\S+)\): a line may be missing at the page break, or misread$",
         _page_balance),
        (r"^(\d+) lines? ha(?:s|ve) no date of (?:its|their) own \(rows? (.*?)\): the statement "
         r"prints each day's date once, so each took the date of the dated row above it"
         r"(; a dated row without an amount and the rows down to the amount below it were read "
         r"as one transaction)?$",
         lambda m: f"{m[1]} سطر بلا تاريخ خاص به (الصفوف {m[2]}): الكشف يطبع تاريخ كل يوم مرة "
                   "واحدة، فأخذ كل منها تاريخ الصف المؤرخ الذي فوقه"
                   + ("؛ وقُرئ صف مؤرخ بلا مبلغ مع الصفوف التي تليه حتى المبلغ معاملةً واحدة"
                      if m[3] else "")),
        (r"^the statement marks only its credits \('(.*)'\): the (\d+) amounts? without a mark "
         r"(?:were|was) read as money out \(rows (.*?)\)$",
         "الكشف لا يعلّم إلا الإيداعات ('{0}'): قُرئت المبالغ غير المعلَّمة ({1}) مبالغ خارجة "
         "(الصفوف {2})"),
        (r"^the date and the narrative are run together in column ([A-Z]+) \('(.*)'\), as a PDF "
         r"conversion leaves them: each cell was read as its date and its narrative$",
         "التاريخ والبيان مدمجان في العمود {0} ('{1}') كما يتركهما التحويل من PDF: قُرئت كل "
         "خلية تاريخاً وبياناً"),
        (r"^each transaction is printed over two dated rows \(rows (.*?)\): each pair was read "
         r"as one line, dated by its first row \(the booking date; the second is its value "
         r"date\), its narrative both rows'$",
         "كل معاملة مطبوعة على صفين مؤرخين (الصفوف {0}): قُرئ كل زوج سطراً واحداً بتاريخ صفه "
         "الأول (تاريخ القيد؛ والثاني تاريخ الحق)، وبيانه نص الصفين معاً"),
        (r"^(\d+) dates were stored as dates with day and month swapped \(rows (.*?)\): the file "
         r"went through Excel set to month first, which turned (\S+) into (.+?) and left (\S+) "
         r"as text\. They were read day first, as the dates left as text show$",
         "{0} تاريخ خُزّنت تواريخَ بعد تبديل اليوم والشهر (الصفوف {1}): مرّ الملف على Excel "
         "مضبوطاً على الشهر أولاً، فحوّل {2} إلى {3} وترك {4} نصاً. قُرئت باليوم أولاً كما "
         "تُظهر التواريخ التي بقيت نصاً"),
        (r"^(.+?) '(.*)' could not be read as an amount \((.*)\); the line was left out$",
         lambda m: f"{_field(m[1])} '{m[2]}' تعذرت قراءته مبلغاً ({_inner(m[3])})؛ استُبعد "
                   "السطر"),
        (r"^date '(.*)' could not be read \((.*)\); the line was left out$",
         lambda m: f"التاريخ '{m[1]}' تعذرت قراءته ({_inner(m[2])})؛ استُبعد السطر"),
        (r"^value date '(.*)' could not be read; the line was kept with its booking date$",
         "تاريخ الحق '{0}' تعذرت قراءته؛ أُبقي السطر بتاريخ قيده"),
        (r"^an investment account's statement \((\S+)\) is not a bank statement; it was left "
         r"out$", "كشف حساب استثمار ({0}) ليس كشف حساب بنكي؛ استُبعد"),
        (r"^available balance could not be read \(expected D/C mark, date YYMMDD, currency, "
         r"amount\); it was left out \(the statement's tie-out does not use it\)$",
         "تعذرت قراءة الرصيد المتاح (المتوقع: علامة D/C وتاريخ YYMMDD وعملة ومبلغ)؛ استُبعد "
         "(لا تعتمد عليه مطابقة أرصدة الكشف)"),
        (r"^balance could not be read \(expected D/C mark, date YYMMDD, currency, amount\); it "
         r"was left out, so this statement is not tied out$",
         "تعذرت قراءة الرصيد (المتوقع: علامة D/C وتاريخ YYMMDD وعملة ومبلغ)؛ استُبعد، فلا "
         "تُطابَق أرصدة هذا الكشف"),
        (r"^every amount in the file is positive; the (\d+) transactions typed as money out "
         r"\((.*)\) were read as debits$",
         "كل المبالغ في الملف موجبة؛ قُرئت المعاملات الـ {0} المصنفة صادرة ({1}) مدينة"),
        (r"^every amount is positive and nothing in the file tells money out from money in .*"
         r"so every line was read as money in, though rows (.*?) read like payments out .*$",
         "كل المبالغ موجبة ولا شيء في الملف يفرّق الصادر من الوارد (لا عمود مدين/دائن ولا "
         "علامة ولا رصيد جارٍ ولا أرصدة مذكورة)، فقُرئ كل سطر مبلغاً وارداً، مع أن الصفوف {0} "
         "تبدو مدفوعات صادرة (عمولات وشيكات مدفوعة وسحوبات). صدّر الكشف بعمودي مدين ودائن أو "
         "بمبالغ بإشارتها"),
        (r"^every date of the statement reads both ways; read (day first|month first) \('(.*)' "
         r"= (.+?)\) because (.+?)\. If that is wrong, (.+)$", _both_ways),
        (r"^the dates in column '(.*)' read both ways \('(.*)' is (.+?) day first, (.+?) month "
         r"first\) and nothing in the file tells which \(.*?\): read (day first|month first), "
         r"the order asked for \(the Policy's date_order\)\. If the bank wrote them "
         r"(day first|month first), (.+)$", _column_both_ways),
        (r"^no amount in the file shows its decimal mark: '(.*)' and (\d+) more like it were "
         r"read with '(.)' as the decimal mark \('(.*)' = (\S+)\); check them against the "
         r"bank's statement$",
         "لا مبلغ في الملف يُظهر علامته العشرية: قُرئ '{0}' و{1} غيره مثله بـ '{2}' علامةً "
         "عشرية ('{3}' = {4})؛ طابقها مع كشف البنك"),
        (r"^no amount in the file shows its decimal mark: '(.*)' and (\d+) more like it were "
         r"read with '(.)' as the decimal mark \('(.*)' = (\S+)\), (?:because )?(.*)\. If that "
         r"is wrong, name the mark with --bank-columns \"(.*)\"$",
         "لا مبلغ في الملف يُظهر علامته العشرية: قُرئ '{0}' و{1} غيره مثله بـ '{2}' علامةً "
         "عشرية ('{3}' = {4})، ({5}). إن كان هذا خطأ، حدّد العلامة بـ --bank-columns \"{6}\""),
        (r"^no amount on this line; the line was left out$", "لا مبلغ في هذا السطر؛ استُبعد"),
        (r"^no balance before this line to tell whether it is money in or out \(the statement "
         r"states no opening balance\); read as money in$",
         "لا رصيد قبل هذا السطر يبيّن هل هو وارد أم صادر (الكشف لا يذكر رصيداً افتتاحياً)؛ قُرئ "
         "مبلغاً وارداً"),
        (r"^no usable amount: the line was left out of the bank statement$",
         "لا مبلغ صالح: استُبعد السطر من كشف البنك"),
        (r"^no usable date: the line was left out of the bank statement$",
         "لا تاريخ صالح: استُبعد السطر من كشف البنك"),
        (r"^page number \('(.*)', row (.*?)\): the statement's page breaks, not a "
         r"transaction; left out$",
         "رقم صفحة ('{0}'، الصف {1}): فاصل صفحات الكشف وليس معاملة؛ استُبعد"),
        (r"^page numbers \('(.*)', rows (.*?)\): the statement's page breaks, not a "
         r"transaction; left out$",
         "أرقام صفحات ('{0}'، الصفوف {1}): فواصل صفحات الكشف وليست معاملات؛ استُبعدت"),
        (r"^pending \(not yet booked\) line left out; it will come on a later statement$",
         "استُبعد سطر معلّق (لم يُقيَّد بعد)؛ سيأتي في كشف لاحق"),
        (r"^pending \(not yet booked\) line under '(.*)' left out; it will come on a later "
         r"statement$",
         "استُبعد سطر معلّق (لم يُقيَّد بعد) تحت '{0}'؛ سيأتي في كشف لاحق"),
        (r"^the section '(.*)' under the booked lines holds transactions not booked yet: "
         r"left out; they will come on a later statement$",
         "القسم '{0}' تحت السطور المقيدة فيه معاملات لم تُقيَّد بعد: استُبعد؛ ستأتي في كشف لاحق"),
        (r"^row with no date and no amount \('(.*)'\): not a transaction; left out$",
         "صف بلا تاريخ ولا مبلغ ('{0}'): ليس معاملة؛ استُبعد"),
        (r"^summary row does not agree with the lines read: '(.*)' says (\d+) (debits|credits|"
         r"lines); (\d+) (?:were|was) read; a line may be missing from the file or misread$",
         lambda m: f"صف الملخص لا يوافق السطور المقروءة: '{m[1]}' يذكر أن عدد {_COUNTED[m[3]]} "
                   f"{m[2]}، وقُرئ منها {m[4]}؛ ربما سقط سطر من الملف أو قُرئ خطأ"),
        (r"^summary row does not agree with the lines read: '(.*)' says (debits|credits) (\S+); "
         r"the lines read add up to (\S+); a line may be missing from the file or misread$",
         lambda m: f"صف الملخص لا يوافق السطور المقروءة: '{m[1]}' يذكر أن إجمالي "
                   f"{_COUNTED[m[2]]} {m[3]}، ومجموع السطور المقروءة {m[4]}؛ ربما سقط سطر من "
                   "الملف أو قُرئ خطأ"),
        (r"^row under the closing balance \('(.*)'\): not a transaction, nor words of the line "
         r"above it; left out$",
         "صف تحت الرصيد الختامي ('{0}'): ليس حركة ولا تكملة لبيان السطر الذي فوقه؛ استُبعد"),
        (r"^row stating a balance other than the booked one \('(.*)'\): not a transaction, "
         r"nor the statement's closing balance; left out$",
         "صف يذكر رصيداً غير الرصيد المقيد ('{0}'): ليس حركة، ولا هو الرصيد الختامي للكشف؛ "
         "استُبعد"),
        (r"^summary row without a date \('(.*)'\): not a transaction; left out$",
         "صف ملخص بلا تاريخ ('{0}'): ليس معاملة؛ استُبعد"),
        (r"^running balance (\S+) does not follow from the balance (\S+) of row (\d+) and this "
         r"line's amount (\S+) \(expected (\S+)\); its sign looks misread: the balance moves the "
         r"other way$",
         "الرصيد الجاري {0} لا ينتج عن رصيد الصف {2} ({1}) ومبلغ هذا السطر {3} (المتوقع {4})؛ "
         "تبدو إشارته مقروءة خطأ: الرصيد يتحرك في الاتجاه الآخر"),
        (r"^running balance (\S+) does not follow from the balance (\S+) of row (\d+) and this "
         r"line's amount (\S+) \(expected (\S+)\); a line may be missing before it, or its amount "
         r"was misread$",
         "الرصيد الجاري {0} لا ينتج عن رصيد الصف {2} ({1}) ومبلغ هذا السطر {3} (المتوقع {4})؛ "
         "ربما سقط سطر قبله أو قُرئ مبلغه خطأ"),
        (r"^statement (.+?) has no closing balance \(:62F:\): the file may be cut short, and the "
         r"statement cannot be tied out$",
         "الكشف {0} بلا رصيد ختامي (:62F:): ربما الملف مبتور، ولا يمكن مطابقة أرصدة الكشف"),
        (r"^statement (.+?) of (.+?) is also in (.+?) \(the same account, balances and lines\): "
         r"both were read, so its receipts are counted twice; leave one file out$",
         "الكشف {0} في {1} موجود أيضاً في {2} (نفس الحساب والأرصدة والسطور): قُرئ الاثنان، "
         "فتُحسب تحصيلاته مرتين؛ استبعد أحد الملفين"),
        # (lines several files repeat, ``bank.repeated_lines``)
        (r"^every line of this file \((\d+)(?: dated (\S+) to (\S+))?\) is also in (.+?)(, given "
         r"twice)? \(the same date, amount, narrative, reference and balance\): read once, so "
         r"their receipts are not applied twice$",
         lambda m: f"كل سطور هذا الملف ({m[1]}" + (f" من {m[2]} إلى {m[3]}" if m[2] else "")
         + f") موجودة أيضاً في {m[4]}" + ("، أُعطي مرتين" if m[5] else "")
         + " (نفس التاريخ والمبلغ والبيان والمرجع والرصيد): قُرئت مرة واحدة كي لا تُطبق "
         "تحصيلاتها مرتين"),
        (r"^(\d+) of its (\d+) lines(?: dated (\S+) to (\S+))? are also in (.+?) \(the same date, "
         r"amount, narrative, reference and balance\): read once, so their receipts are not "
         r"applied twice(; its stated balances are not tied out, the lines left no longer running "
         r"from its opening balance to its closing one)?$",
         lambda m: f"{m[1]} من سطوره البالغة {m[2]}" + (f" من {m[3]} إلى {m[4]}" if m[3] else "")
         + f" موجودة أيضاً في {m[5]} (نفس التاريخ والمبلغ والبيان والمرجع والرصيد): قُرئت مرة "
         "واحدة كي لا تُطبق تحصيلاتها مرتين"
         + ("؛ لا تُطابق أرصدته المذكورة، فالسطور الباقية لم تعد تمتد من رصيده الافتتاحي إلى "
            "الختامي" if m[6] else "")),
        (r"^(a line|\d+ lines) alike in (.+?) \(the same date, amount and narrative, no bank id "
         r"or balance to tell them apart\): read in both; if one transaction was downloaded "
         r"twice, leave it out of one file$",
         lambda m: (f"سطر مماثل في {m[2]} (نفس التاريخ والمبلغ والبيان، بلا رقم بنكي أو رصيد "
                    "يميزه): قُرئ في الملفين؛ إن كان معاملة واحدة نُزّلت مرتين فاستبعده من أحد "
                    "الملفين") if m[1] == "a line" else (
             f"{m[1].split()[0]} سطور مماثلة في {m[2]} (نفس التاريخ والمبلغ والبيان، بلا رقم "
             "بنكي أو رصيد يميزها): قُرئت في الملفين؛ إن كانت معاملة واحدة نُزّلت مرتين "
             "فاستبعدها من أحد الملفين")),
        (r"^statement (.+?) in (.+?) repeats statement (.+?) in (.+?) \(the same statement id, "
         r"account, balances and (\d+) lines\): the archive holds it twice; (.+?) was skipped so "
         r"its receipts are not counted twice$",
         "الكشف {0} في {1} يكرر الكشف {2} في {3} (نفس رقم الكشف والحساب والأرصدة و{4} سطر): "
         "الملف المضغوط يحويه مرتين؛ تُخطي {5} كي لا تُحسب تحصيلاته مرتين"),
        (r"^statement (.+?) \((.+?)\) repeats statement (.+?) \((.+?)\): the same account, "
         r"balances and (\d+) lines; both were read\. If the archive holds it twice by mistake, "
         r"remove one: its receipts are counted twice$",
         "الكشف {0} ({1}) يكرر الكشف {2} ({3}): نفس الحساب والأرصدة و{4} سطر؛ قُرئ الاثنان. إن "
         "كان الملف المضغوط يحويه مرتين خطأً فاحذف أحدهما: تحصيلاته تُحسب مرتين"),
        (r"^statement (.+?): transaction (.+?) has an amount '(.*)' that is not a number; it was "
         r"left out$", "الكشف {0}: المعاملة {1} مبلغها '{2}' ليس رقماً؛ استُبعدت"),
        (r"^statement (.+?): transaction (.+?) has no amount \(TRNAMT\); it was left out$",
         "الكشف {0}: المعاملة {1} بلا مبلغ (TRNAMT)؛ استُبعدت"),
        (r"^statement (.+?): the ledger balance '(.*)' is not a number; the statement has no "
         r"closing balance$", "الكشف {0}: الرصيد الدفتري '{1}' ليس رقماً؛ الكشف بلا رصيد ختامي"),
        (r"^statement (.+?): the booking date of the entry of (\S+ \S+) cannot be read; its "
         r"value date is used$",
         "الكشف {0}: تعذرت قراءة تاريخ قيد الحركة {1}؛ استُخدم تاريخ الحق"),
        (r"^statement (.+?): entry of (\S+ \S+) does not say whether it is a credit or a debit "
         r"\(CdtDbtInd CRDT/DBIT\); entry left out$",
         "الكشف {0}: الحركة {1} لا تقول هل هي دائنة أم مدينة (CdtDbtInd CRDT/DBIT)؛ استُبعدت"),
        (r"^statement (.+?): batch entry of (\S+) has (\d+) transactions adding up to (\S+); "
         r"kept as one line$",
         "الكشف {0}: الحركة المجمعة {1} فيها {2} معاملة مجموعها {3}؛ أُبقيت سطراً واحداً"),
        (r"^statement (.+?): entry of (\S+ \S+) has no booking or value date that can be read; "
         r"entry left out$",
         "الكشف {0}: الحركة {1} بلا تاريخ قيد أو حق يمكن قراءته؛ استُبعدت"),
        (r"^statement (.+?): information entry \(info\) of (\S+ \S+): not booked on the "
         r"account; left out$",
         "الكشف {0}: حركة للعلم فقط (info) بمبلغ {1}: لم تُقيَّد على الحساب؛ استُبعدت"),
        (r"^statement (.+?): earmarked \(not booked\) line of (\S+(?: \S+)?) left out "
         r"\(:20:STARTDISPE\); it will come on a later statement$",
         "الكشف {0}: استُبعد السطر المحجوز (لم يُقيَّد بعد) {1} (:20:STARTDISPE)؛ سيأتي في كشف لاحق"),
        (r"^statement (.+?): pdng \(not booked\) entry of (\S+ \S+) left out; it will come on a "
         r"later statement$",
         "الكشف {0}: استُبعدت الحركة المعلقة (pdng، لم تُقيَّد) {1}؛ ستأتي في كشف لاحق"),
        (r"^statement (.+?): reversal entries carry the original direction \(Storno "
         r"convention\); their sign was flipped, which ties the statement out$",
         "الكشف {0}: قيود العكس تحمل اتجاه القيد الأصلي (أسلوب Storno)؛ عُكست إشارتها فتطابقت "
         "أرصدة الكشف"),
        (r"^statement (.+?): entry amount could not be read; entry left out$",
         "الكشف {0}: تعذرت قراءة مبلغ الحركة؛ استُبعدت"),
        (r"^statement line could not be read \(expected date, C/D mark, amount, type code\); "
         r"the line was left out$",
         "تعذرت قراءة سطر الكشف (المتوقع: تاريخ وعلامة C/D ومبلغ ورمز النوع)؛ استُبعد السطر"),
        (r"^the amounts carry no sign and no column says debit or credit; (\d+) (?:lines were|"
         r"line was) read as money out because the running balance falls by (?:their|its) amount "
         r"\(rows (.*?)\)$",
         "المبالغ بلا إشارة ولا عمود يقول مدين أو دائن؛ قُرئ {0} سطر مبالغ صادرة لأن الرصيد "
         "الجاري ينخفض بمبلغها (الصفوف {1})"),
        (r"^the dates are in the Hijri calendar \('(.*)'\); they were read as Umm al-Qura dates "
         r"and converted to Gregorian \('(.*)' = (.+)\)$",
         "التواريخ بالتقويم الهجري ('{0}')؛ قُرئت بتقويم أم القرى وحُوّلت إلى الميلادي "
         "('{1}' = {2})"),
        (r"^the file ends without </OFX>: it may be cut short, and transactions after the last "
         r"one read may be missing$",
         "الملف ينتهي بلا </OFX>: ربما هو مبتور، وقد تنقص معاملات بعد آخر معاملة مقروءة"),
        (r"^the file has no header row; its columns were read from their values: (.*)\. If "
         r"that is wrong, name them by column letter, as in --bank-columns \"(.*)\", or add a "
         r"header row \((.*)\) to the file$",
         "الملف بلا صف عناوين؛ قُرئت أعمدته من قيمها: {0}. إن كان هذا خطأ، سمّها بحرف العمود "
         "كما في --bank-columns \"{1}\"، أو أضف صف عناوين ({2}) إلى الملف"),
        (r"^the file is not UTF-8; it was read as (\S+), but (\S+) fits it about as well "
         r"\('(.*)' would read '(.*)'\)\. If names or references look wrong, pass "
         r"encoding='(.*)'$",
         "الملف ليس UTF-8؛ قُرئ بترميز {0}، لكن {1} يناسبه بالقدر نفسه تقريباً ('{2}' سيُقرأ "
         "'{3}'). إن بدت الأسماء أو المراجع خاطئة فمرّر encoding='{4}'"),
        (r"^the narrative holds the file's delimiter without quotes, which split it over the "
         r"next columns; its parts were joined back and the line kept$",
         "البيان يحوي فاصل الملف بلا علامات تنصيص فانقسم على الأعمدة التالية؛ جُمعت أجزاؤه "
         "وأُبقي السطر"),
        (r"^the sheet '(.*)' holds another table with dates and amounts \(its header differs "
         r"from the statement's on '(.*)'\); it was not read\. If it holds statement lines, "
         r"import it on its own \(--bank-columns \"(.*)\"\)$",
         "الورقة '{0}' فيها جدول آخر بتواريخ ومبالغ (عناوينه تختلف عن عناوين الكشف في '{1}')؛ "
         "لم تُقرأ. إن كانت فيها سطور كشف فاستوردها وحدها (--bank-columns \"{2}\")"),
        (r"^the statement has no transactions for its period \(it says '(.*)'\)$",
         "الكشف بلا معاملات لفترته (يقول '{0}')"),
        (r"^the statement's header could not be read \((.*)\); its lines and balances were "
         r"read without it$", "تعذرت قراءة رأس الكشف ({0})؛ قُرئت سطوره وأرصدته بدونه"),
        (r"^the workbook's sheets each hold another month of the statement \((.*)\): all were "
         r"read as one statement\. If only one month is to be reconciled, name its sheet "
         r"\(--bank-columns \"(.*)\"\)$",
         "كل ورقة في المصنف تحوي شهراً آخر من الكشف ({0}): قُرئت كلها كشفاً واحداً. إن كان "
         "المطلوب تسوية شهر واحد فسمِّ ورقته (--bank-columns \"{1}\")"),
        (r"^this line repeats row (\d+), the last line of the page before, cell for cell, with "
         r"the same running balance: the line copied twice at the page break; left out$",
         "هذا السطر يكرر الصف {0}، آخر سطر في الصفحة السابقة، خلية بخلية وبنفس الرصيد الجاري: "
         "سطر نُسخ مرتين عند فاصل الصفحة؛ استُبعد"),
        (r"^this line repeats row (\d+), the last line of the page before, cell for cell; the "
         r"file has no running balance to tell.*$",
         "هذا السطر يكرر الصف {0}، آخر سطر في الصفحة السابقة، خلية بخلية؛ والملف بلا رصيد جارٍ "
         "يحسم الأمر"),
        (r"^totals row left out, but it does not agree with the lines above it: '(.*)' says "
         r"(.*?); the lines (?:above )?add up to (.*?); a line may be missing from the file or "
         r"misread$",
         lambda m: f"استُبعد صف الإجماليات، لكنه لا يوافق السطور التي فوقه: '{m[1]}' يقول "
                   f"{_totals(m[2])}؛ والسطور مجموعها {_totals(m[3])}؛ ربما سقط سطر من الملف أو "
                   "قُرئ خطأ"),
        (r"^(\d+) lines? \(rows? (.*?)\) carr(?:y|ies) a fee the bank took on top of the amount "
         r"\((the running balance moves by the amount less the fee|the net column is the "
         r"amount less the fee)\): each fee is a line of its own, money out, beside its "
         r"payment, so the payment keeps its amount and the balance ties$",
         lambda m: f"{m[1]} سطر (الصفوف {m[2]}) عليها عمولة أخذها البنك فوق المبلغ ("
                   + ("الرصيد الجاري يتحرك بالمبلغ ناقص العمولة" if m[3].startswith("the running")
                      else "عمود الصافي هو المبلغ ناقص العمولة")
                   + "): كل عمولة سطر مستقل، مبلغاً صادراً، بجانب دفعتها، فتبقى الدفعة بمبلغها "
                     "ويتطابق الرصيد"),
        (r"^(\d+) lines? \(rows? (.*?)\) carr(?:y|ies) a fee, and (the file has no running "
         r"balance to show|the file's running balance does not show) whether the bank took it "
         r"on top of the amount or within it; the amounts were kept as printed and no fee was "
         r"booked\. Check them against the statement: a fee on top is money out of its own$",
         lambda m: f"{m[1]} سطر (الصفوف {m[2]}) عليها عمولة، "
                   + ("والملف بلا رصيد جارٍ يبيّن" if m[3].startswith("the file has")
                      else "ورصيد الملف الجاري لا يبيّن")
                   + " هل أخذها البنك فوق المبلغ أم ضمنه؛ أُبقيت المبالغ كما طُبعت ولم تُقيَّد "
                     "عمولة. طابقها مع الكشف: العمولة فوق المبلغ مبلغ صادر مستقل"),
        (r"^the bank did not carry this payment out \(status '(.*)'\): no money moved, so the "
         r"line was left out$",
         "لم ينفذ البنك هذه الدفعة (الحالة '{0}'): لم يتحرك مال، فاستُبعد السطر"),
        (r"^the dates carry no year \('(.*)'\); the year was taken from the statement period "
         r"above the lines \((.*)\)$",
         "التواريخ بلا سنة ('{0}')؛ أُخذت السنة من فترة الكشف أعلى السطور ({1})"),
        (r"^the file has more than one amount column \((.*)\) and no running balance to tell "
         r"which is the account's money: '(.*)' was read\. If another is, name it with "
         r"--bank-columns \"(.*)\"$",
         "في الملف أكثر من عمود مبلغ ({0}) ولا رصيد جارٍ يبيّن أيها مال الحساب: قُرئ '{1}'. "
         "إن كان غيره فسمّه بـ --bank-columns \"{2}\""),
        (r"^transaction without a usable posting date; left out$",
         "معاملة بلا تاريخ قيد صالح؛ استُبعدت"),
        (r"^the dates carry no year \('(.*)'\); they were given the year named \((.*)\)$",
         "التواريخ بلا سنة ('{0}')؛ أُعطيت السنة المسمّاة ({1})"),
        (r"^the dates carry no year \('(.*)', (\d+) lines?\) and nothing above the table names "
         r"the statement's year, so the lines cannot be dated and were left out: export the "
         r"statement with full dates, or name the year with --bank-columns \"year=<year the "
         r"statement begins in>\"$",
         "التواريخ بلا سنة ('{0}'، عدد السطور {1}) ولا شيء أعلى الجدول يذكر سنة الكشف، فتعذّر تأريخ "
         "السطور واستُبعدت: صدّر الكشف بتواريخ كاملة، أو سمِّ السنة بـ --bank-columns "
         "\"year=<سنة بداية الكشف>\""),
        (r"^(\d+) rows?: the thousands separator of amounts is the file's delimiter, without "
         r"quotes, which split each such amount over the next column \('2,000\.75' as '2' and "
         r"'000\.75'\); the parts were joined back and read as one amount$",
         "{0} صف: فاصل الآلاف في المبالغ هو فاصل أعمدة الملف بلا علامات تنصيص، فانقسم كل مبلغ "
         "منها على العمود التالي ('2,000.75' صار '2' و'000.75')؛ جُمعت الأجزاء وقُرئت مبلغاً "
         "واحداً"),
        (r"^row with a balance \((.*)\) but no date and no amount, under '(.*)', which names no "
         r"opening or closing balance: not a transaction and not read as the statement's "
         r"balance; left out$",
         "صف فيه رصيد ({0}) بلا تاريخ ولا مبلغ، تحت '{1}' الذي لا يسمّي رصيداً افتتاحياً ولا "
         "ختامياً: ليس معاملة ولم يُقرأ رصيداً للكشف؛ استُبعد"),
        (r"^the balance above the table \((.*)\) is not the running balance after the newest "
         r"line \((.*), row (\d+)\): it is of a later day \(a period ending before the file was "
         r"made\) or the statement's last lines are missing; not taken as the closing balance$",
         "الرصيد أعلى الجدول ({0}) ليس الرصيد الجاري بعد أحدث سطر ({1}، الصف {2}): فهو ليوم "
         "لاحق (فترة تنتهي قبل إنشاء الملف) أو سقطت آخر سطور الكشف؛ لم يؤخذ رصيداً ختامياً"),
        (r"^a line of amount 0( \(.*\))?: no money moved, so it is an information record, not a "
         r"transaction; left out$",
         lambda m: f"سطر بمبلغ 0{m[1] or ''}: لم يتحرك به مال، فهو قيد معلومات لا معاملة؛ استُبعد"),
        (r"^statement (.+?): the file counts (\d+) (credits?|debits?) totalling (\S+) \((.+?)\), "
         r"the (?:lines|entries) read (\d+) totalling (\S+); (?:lines|entries) may be missing "
         r"from the file or misread$",
         lambda m: f"الكشف {m[1]}: يذكر الملف أن عدد القيود "
                   f"{'الدائنة' if m[3].startswith('credit') else 'المدينة'} {m[2]} ومجموعها {m[4]} "
                   f"({m[5]})، والمقروء منها {m[6]} ومجموعه {m[7]}؛ ربما سقطت سطور من الملف أو "
                   "قُرئت خطأ"),
        (r"^(\d+) lines of amount 0( \(.*\))?: no money moved, so they are information "
         r"records, not transactions; left out$",
         lambda m: f"سطور بمبلغ 0 (عددها {m[1]}){m[2] or ''}: لم يتحرك بها مال، فهي قيود "
                   "معلومات لا معاملات؛ استُبعدت"),
        (r"^the closing balance (\S+) is not the running balance after the newest line "
         r"\((\S+), row (\d+); difference (\S+)\): lines may be missing from the file, or the "
         r"closing balance is of another day$",
         "الرصيد الختامي {0} ليس الرصيد الجاري بعد أحدث سطر ({1}، الصف {2}؛ الفرق {3}): ربما "
         "سقطت سطور من الملف، أو الرصيد الختامي ليوم آخر"),
        # (a day's intraday reports, MT942 / camt.052, repeat its entries: statement.reported_before)
        # (worded as its twin, the entry booked again, in wording_ar)
        (r"^report (.+?): (?:entry|line) (\S+) of (\S+) ?(\S*) on (\S+) is in report (.+?) of "
         r"the same account too \(a day's reports repeat its (?:entries|lines)\): read once, so "
         r"it is not counted twice$",
         lambda m: f"التقرير {m[1]}: الحركة {m[2]} بمبلغ {f'{m[3]} {m[4]}'.strip()} بتاريخ "
                   f"{m[5]} موجودة أيضاً في التقرير {m[6]} للحساب نفسه (تقارير اليوم تكرر "
                   "حركاته): قُرئت مرة واحدة حتى لا تُحتسب مرتين"),
        (r"^expected (credit|debit) \(E([CD])\) of (\S+): not booked on the account yet; left "
         r"out, it will come on a later statement$",
         lambda m: f"{'قيد دائن' if m[1] == 'credit' else 'قيد مدين'} متوقع (E{m[2]}) بمبلغ "
                   f"{m[3]}: لم يُقيَّد على الحساب بعد؛ استُبعد، وسيأتي في كشف لاحق"),
        (r"^statement (.+?): transaction (?:(\S+) )?\((\S+) on (\S+), line (\d+)\) "
         r"(deletes|replaces) transaction (\S+?)(?: of this file \((\S+) on (\S+), line "
         r"(\d+)\)|, not in this file \(an earlier download\)) \(CORRECTACTION "
         r"(DELETE|REPLACE)\): (" + "|".join(map(re.escape, _CORRECTED)) + ")$", _correction),
    )]


def _field(name: str) -> str:
    """A statement column the importer names in English (Credit, Debit, Amount) in Arabic."""
    from ar_excel.io.labels_ar import LABELS

    return LABELS.get(name, name)


def _totals(text: str) -> str:
    return arabic_commas(text.replace("debits", "المدين").replace("credits", "الدائن"))


def arabic_bank_message(message: str) -> str | None:
    """The Arabic of a statement importer's message, or None where no rule words it."""
    return _signed_against_column(message) or apply_rules(_PATTERNS, message)
