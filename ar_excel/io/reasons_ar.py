"""Arabic wording of the reconciliation's reasons and summary, for Arabic workbooks.

The matcher words each allocation's Reason in English, as clauses joined by "; " ("narrative
names INV-1; amount equals the open amount"). In an Arabic workbook the Bank Matches, Unmatched
Bank and Reconciliation tabs show them in Arabic, clause by clause; a clause without a known
pattern (a new rule's wording) is shown as it is, so nothing is lost. Invoice numbers, customer
IDs, names and amounts are carried over unchanged.
"""

from __future__ import annotations

import re

from ar_excel.core.matching.review import REJECTED_AR
from ar_excel.core.paid_in_the_list import PAID_IN_THE_LIST, PAID_IN_THE_LIST_AR
from ar_excel.io.wording_rules import apply_rules

# How the payer was found ("payer by account", "payer by name (92)").
_HOW = {
    "account": "رقم الحساب", "learned account": "حساب معروف من تحصيلات سابقة",
    "learned name": "اسم معروف من تحصيلات سابقة", "name": "الاسم",
    "narrative name": "الاسم في البيان",
    "translated name": "الاسم مترجماً إلى الإنجليزية", "customer code": "رقم العميل في البيان",
    "mobile number": "رقم المحمول في البيان",
}
# What a non-customer inflow is ("not a customer receipt (loan)").
_KIND = {
    "interest": "فوائد", "loan": "قرض", "own transfer": "تحويل بين حسابات الشركة",
    "refund": "استرداد", "capital": "رأس مال", "insurance": "تعويض تأمين",
    "treasury": "استثمار / وديعة", "card sales": "تسوية مبيعات بطاقات",
    "non-trade income": "إيرادات غير تجارية",
}
_CONFIRM = "يُرجى التأكيد"
_WRITE_OFF = "في حدود سماح المصاريف: يُقترح الشطب"


def _early_discount_ar(m: re.Match[str]) -> str:
    """The clause of an early-payment discount taken ("2/10 Net 30") in Arabic."""
    terms = re.sub(r"(\S+) % within (\d+) days",
                   lambda t: f"{t[1]} % خلال {t[2]} " + ("أيام" if 3 <= int(t[2]) <= 10 else "يوماً"),
                   m[5])
    # (The discount on the amount before VAT: "2 % within 10 days, on the amount before 14% VAT".)
    terms = re.sub(r", on the amount before (\S+) VAT",
                   lambda t: f"، على المبلغ قبل ضريبة القيمة المضافة {t[1]}", terms)
    text = (f"يسدد {m[1]} ({m[2]} مفتوح) " if m[1] else "") + (
        f"ناقصاً {m[3]}: خصم تعجيل الدفع {m[4]} الذي تمنحه شروطه ({terms})")
    if m[6]:
        text += f" و{m[6]} مصاريف في حدود السماح"
    text += ("، أُخذ في موعده: يُقترح شطبه خصماً" if m[7] is None else
             f"، أُخذ بعد انتهاء مدة الخصم بـ {m[7]} يوماً: غير مستحق، يبقى الفرق مفتوحاً على "
             "الفاتورة")
    return text + (f"، {_CONFIRM}" if m[8] else "")


def _at_the_peg_ar(text: str) -> str:
    """"(10,000.00 USD is 36,725.00 AED at the fixed rate: paid in AED?)" in Arabic."""
    text = re.sub(r"\((\S+ [A-Z]{3}) is (\S+ [A-Z]{3}) at the fixed rate: paid in ([A-Z]{3})\?\)",
                  r"(\1 تساوي \2 بالسعر الثابت: دُفعت بعملة \3؟)", text)
    return re.sub(r"\((\S+ [A-Z]{3}) is (\S+ [A-Z]{3}) at the Policy's exchange rate: paid in "
                  r"([A-Z]{3})\?\)", r"(\1 تساوي \2 بسعر الصرف في السياسة: دُفعت بعملة \3؟)", text)


def _how(text: str) -> str:
    return _HOW.get(text, text)


def _likeness(text: str) -> str:
    """The name match's score (0-100) said as what it is: 'تطابق 98%', not a bare '(98)'."""
    return f"تطابق {text}%" if text.isdigit() else text


def _kind(text: str) -> str:
    return _KIND.get(text, text)


# (pattern of a whole clause, Arabic with {0}, {1}... for the groups, or a function of the
# match). First match wins, so the specific comes before the general.
_CLAUSES: list[tuple[str, object]] = [
    # the customer's purchase order or the invoice's payment reference (``order_references``)
    (r"quotes PO (.+?) \(of (.+)\)", "يذكر أمر الشراء {0} (لـ {1})"),
    (r"quotes payment reference (.+?) \(of (.+)\)", "يذكر مرجع الدفع {0} (لـ {1})"),
    (r"amount equals the open total of (.+) \(one of several sets of them\): please confirm",
     "المبلغ يساوي إجمالي المفتوح لـ {0} (إحدى عدة مجموعات منها): " + _CONFIRM),
    (r"amount equals the open total of (.+)", "المبلغ يساوي إجمالي المفتوح لـ {0}"),
    (r"amount equals the open amount of each of (.+): the oldest, please confirm",
     "المبلغ يساوي الرصيد المفتوح لكل من {0}: طُبّق على الأقدم، " + _CONFIRM),
    (r"short of (\S+) by (\S+) within the fee tolerance: write-off proposed",
     "ناقص {1} عن {0} " + _WRITE_OFF),
    (r"paid (\S+) more than their open total: please confirm",
     "مدفوع {0} زيادة عن إجمالي المفتوح منها: " + _CONFIRM),
    (r"pays less than their open total \((\S+)\): applied oldest first, please confirm",
     "يدفع أقل من إجمالي المفتوح منها ({0}): طُبّق على الأقدم أولاً، " + _CONFIRM),
    (r"it also names (.+): please confirm", "يذكر أيضاً {0}: " + _CONFIRM),
    (r"the payer is customer (\S+): please confirm", "الدافع هو العميل {0}: " + _CONFIRM),
    # references
    (r"amount equals the open amount of (.+) less the customer's unapplied receipt (.+): "
     r"apply it to (.+) too",
     "المبلغ يساوي الرصيد المفتوح لـ {0} ناقص تحصيل العميل غير المطبق {1}: طبّقه على {2} أيضاً"),
    (r"narrative names (\S+), customer (\S+)'s", "البيان يذكر {0} وهي للعميل {1}"),
    (r"the payer, customer (\S+) \((.*)\), has (\S+) of this amount open, one digit away: a "
     r"mistyped number\? please confirm",
     "الدافع هو العميل {0} ({1}) وعليه {2} مفتوحة بهذا المبلغ وبفارق رقم واحد: رقم مكتوب "
     "خطأ؟ " + _CONFIRM),
    (r"the payer, customer (\S+) \((.*)\), has (\S+) open, which the amount pays less "
     r"charges, one digit away: a mistyped number\? please confirm",
     "الدافع هو العميل {0} ({1}) وعليه {2} مفتوحة يسددها المبلغ بعد خصم المصاريف وبفارق رقم "
     "واحد: رقم مكتوب خطأ؟ " + _CONFIRM),
    (r"narrative names (.+)", "البيان يذكر {0}"),
    (r"amount equals the open amount", "المبلغ يساوي الرصيد المفتوح"),
    (r"amount equals the open amount of (.+)", "المبلغ يساوي الرصيد المفتوح لـ {0}"),
    (r"the amount equals (?:its|the) open amount", "المبلغ يساوي الرصيد المفتوح"),
    (r"the amount equals (.+)", "المبلغ يساوي {0}"),
    (r"short by (\S+) within the fee tolerance: write-off proposed",
     "ناقص {0} " + _WRITE_OFF),
    (r"paid (\S+) more than open", "مدفوع {0} زيادة عن المفتوح"),
    (r"paid (\S+) more than open, more than the invoices themselves: please confirm",
     "مدفوع {0} زيادة عن المفتوح، أكثر من الفواتير نفسها: " + _CONFIRM),
    (r"part payment of (\S+) open", "سداد جزئي من {0} مفتوح"),
    (r"the rest equals (.+?)( \(one of several ways: please confirm\))?",
     lambda m: f"الباقي يساوي {m[1]}"
               + (f" (إحدى عدة طرق: {_CONFIRM})" if m[2] else "")),
    (r"the rest is exactly (\S+) of customer (\S+) \((.*)\), which it also names: paid for it "
     r"too\? please confirm", "الباقي يساوي تماماً {0} للعميل {1} ({2})، ويذكرها البيان أيضاً: "
     "دُفعت عنه أيضاً؟ " + _CONFIRM),
    (r"the rest is (.+?) less charges within the fee tolerance: write-off proposed(, please "
     r"confirm)?", lambda m: f"الباقي {m[1]} ناقص المصاريف {_WRITE_OFF}"
                             + (f"، {_CONFIRM}" if m[2] else "")),
    (r"the rest is (.+)", "الباقي {0}"),
    # a range of invoices (``partial_references``)
    (r"narrative writes the range (\S+): of customer (\S+)'s invoices in it, (.+) make the "
     r"amount exactly", "البيان يكتب نطاق الفواتير {0}: من فواتير العميل {1} فيه، {2} تساوي "
     "المبلغ تماماً"),
    (r"narrative writes the range (\S+): of customer (\S+)'s invoices in it, (.+) make the "
     r"amount less (\S+) within the fee tolerance: write-off proposed",
     "البيان يكتب نطاق الفواتير {0}: من فواتير العميل {1} فيه، {2} تساوي المبلغ ناقص {3} "
     + _WRITE_OFF),
    (r"pays less than their open total: applied oldest first, please confirm",
     "يدفع أقل من إجمالي المفتوح منها: طُبّق على الأقدم أولاً، " + _CONFIRM),
    (r"less credit note (.+), which the customer deducted",
     "ناقص إشعار دائن {0} خصمه العميل"),
    (r"one of several ways to make the amount with its credits: please confirm",
     "إحدى عدة طرق لتكوين المبلغ مع أرصدته الدائنة: " + _CONFIRM),
    (r"short by (\S+): the customer's unapplied receipt (.+) pays the rest: apply it to (.+) "
     r"too", "ناقص {0}: تحصيل العميل غير المطبق {1} يسدد الباقي: طبّقه على {2} أيضاً"),

    (r"excess over the open invoices stays on account",
     "الزيادة عن الفواتير المفتوحة تبقى تحت الحساب"),
    (r"narrative has a number one digit away from (.+?)(?:; the amount equals its open amount)?",
     "البيان به رقم يختلف في خانة واحدة عن {0}"),
    (r"narrative has the numeric part of (\S+) \((\S+) open\); payer not known: please confirm",
     "البيان به الجزء الرقمي من {0} ({1} مفتوح)؛ الدافع غير معروف: " + _CONFIRM),
    (r"narrative has the numeric part of (\S+), customer (\S+)'s",
     "البيان به الجزء الرقمي من {0} وهي للعميل {1}"),
    (r"narrative has the numeric part of (.+)", "البيان به الجزء الرقمي من {0}"),
    (r"the number may be a date, a cheque or an order number, and the amount does not confirm "
     r"it(?:: please confirm)?",
     "قد يكون الرقم تاريخاً أو رقم شيك أو أمر شراء، والمبلغ لا يؤكده: " + _CONFIRM),
    (r"the narrative reads like a non-customer inflow \((.+)\), not a customer's payment: "
     r"please confirm",
     lambda m: f"البيان يبدو {_kind(m[1])} وليس سداد عميل: {_CONFIRM}"),
    # who paid
    (r"payer by mobile number (.+) \(the customer's phone\)",
     "الدافع عُرف من رقم المحمول {0} المسجل هاتفاً للعميل"),
    (r"payer by (account|learned account|learned name|name|narrative name|translated name|customer code|mobile number) \((.+)\)",
     lambda m: f"الدافع عُرف من {_how(m[1])} ({_likeness(m[2])})"),
    (r"payer by (account|learned account|learned name|name|narrative name|translated name|customer code|mobile number)",
     lambda m: f"الدافع عُرف من {_how(m[1])}"),
    (r"payer by (account|learned account|learned name|name|narrative name|translated name|customer code|mobile number) and narrative "
     r"names (.+)", lambda m: f"الدافع عُرف من {_how(m[1])} والبيان يذكر {m[2]}"),
    (r"payer by (account|learned account|learned name|name|narrative name|translated name|customer code|mobile number) and narrative has "
     r"a number one digit away from (.+)",
     lambda m: f"الدافع عُرف من {_how(m[1])} والبيان به رقم يختلف في خانة واحدة عن {m[2]}"),
    (r"payer by a name seen on earlier receipts", "الدافع عُرف من اسم ظهر في تحصيلات سابقة"),
    (r"payer by (.+) \((.+)\); no open invoice fits the amount",
     lambda m: f"الدافع عُرف من {_how(m[1])} ({m[2]})؛ لا فاتورة مفتوحة تناسب المبلغ"),
    (r"no open invoice fits the amount", "لا فاتورة مفتوحة تناسب المبلغ"),
    (r"payer not identified", "الدافع غير معروف"),
    (r"payer not known: please confirm", "الدافع غير معروف: " + _CONFIRM),
    (r"payer name ambiguous: (.+)", "اسم الدافع يحتمل أكثر من عميل: {0}"),
    (r"paid by (.+), not a customer", "دفعه {0} وهو ليس عميلاً"),
    (r"paid by (.+), a name like the customer's", "دفعه {0}، اسم يشبه اسم العميل"),
    (r"paid by (.+), a name like the customer's, and narrative names (.+)",
     "دفعه {0}، اسم يشبه اسم العميل، والبيان يذكر {1}"),
    (r"paid by (.+), a name like customer (\S+) \((.*)\)'s",
     "دفعه {0}، اسم يشبه اسم العميل {1} ({2})"),
    (r"paid by (.+), not the customer's name: a third party, not learned as the customer's "
     r"payer", "دفعه {0} وليس باسم العميل: طرف ثالث، لم يُحفظ دافعاً للعميل"),
    (r"paid by (.+), not the customer's name: a third party paying (.+)\? please confirm",
     "دفعه {0} وليس باسم العميل: طرف ثالث يدفع {1}؟ " + _CONFIRM),
    (r"the narrative names customer (\S+) \((.*)\): a related company paying (.+)\? please "
     r"confirm", "البيان يذكر العميل {0} ({1}): شركة شقيقة تدفع {2}؟ " + _CONFIRM),
    (r"the narrative names (.+), not the customer: a third party paying (.+)\? please confirm",
     "البيان يذكر {0} وليس العميل: طرف ثالث يدفع {1}؟ " + _CONFIRM),
    (r"paid from the account of customer (\S+) \((.*)\): paying for it\? please confirm",
     "دُفع من حساب العميل {0} ({1}): يدفع عنه؟ " + _CONFIRM),
    (r"the name is customer (\S+)'s \((.*)\): a related company paying (?:for it|(.+))\? "
     r"please confirm", lambda m: f"الاسم هو اسم العميل {m[1]} ({m[2]}): شركة شقيقة تدفع "
                                  f"{m[3] or 'عنه'}؟ {_CONFIRM}"),
    (r"the name is customer (\S+)'s \((.*)\), its legal form printed: a related company "
     r"paying for it\? please confirm",
     "الاسم هو اسم العميل {0} ({1}) بشكله القانوني المطبوع: شركة شقيقة تدفع عنه؟ " + _CONFIRM),
    (r"several customers with similar names have this amount open: (.+) chosen, please confirm",
     "عدة عملاء بأسماء متشابهة لديهم هذا المبلغ مفتوحاً: اختير {0}، " + _CONFIRM),
    (r"but the narrative has the number of (\S+) \((\S+) open\): a part payment of it\? please "
     r"confirm", "لكن البيان به رقم {0} ({1} مفتوح): سداد جزئي لها؟ " + _CONFIRM),
    (r"but the narrative calls it a part payment: please confirm",
     "لكن البيان يصفه بأنه سداد جزئي: " + _CONFIRM),
    (r"but the narrative calls it an advance: please confirm",
     "لكن البيان يصفه بأنه دفعة مقدمة: " + _CONFIRM),
    (r"but the narrative writes (\S+) in full, which only ends like it: please confirm",
     "لكن البيان يكتب {0} كاملاً، ولا يشبهها إلا في آخره: " + _CONFIRM),
    (r"but its oldest open invoices make it too \((.+)\): paid oldest first\? please confirm",
     "لكن أقدم فواتيره المفتوحة تساويه أيضاً ({0}): سُدّدت الأقدم أولاً؟ " + _CONFIRM),
    (r"it owes (\S+) in all", "وعليه {0} إجمالاً"),
    (r"it owes nothing", "وليس عليه شيء مفتوح"),
    (r"(.+) of customer (\S+) \((.*)\) is the only open invoice of this amount: a related "
     r"company paying for it\? please confirm",
     "{0} للعميل {1} ({2}) هي الفاتورة المفتوحة الوحيدة بهذا المبلغ: شركة شقيقة تدفع عنه؟ "
     + _CONFIRM),
    # amounts
    (r"(.+) is the only open invoice of this amount, please confirm",
     "{0} هي الفاتورة المفتوحة الوحيدة بهذا المبلغ، " + _CONFIRM),
    (r"(.+) is the only open invoice of this amount, and an amount this particular matches by "
     r"chance about once in (\S+) receipts",
     "{0} هي الفاتورة المفتوحة الوحيدة بهذا المبلغ، ومبلغ بهذه الدقة يطابق صدفةً مرة كل {1} "
     "تحصيل تقريباً"),
    (r"(\d+) ways to make the amount from its open invoices: oldest chosen \((.*)\), please "
     r"confirm", "{0} طرق لتكوين المبلغ من فواتيره المفتوحة: اختيرت الأقدم ({1})، " + _CONFIRM),
    (r"(.+) make the amount, but with this many open invoices a sum can match by chance: "
     r"please confirm", "{0} تكوّن المبلغ، لكن مع هذا العدد من الفواتير المفتوحة قد يطابق "
                        "المجموع صدفةً: " + _CONFIRM),
    (r"(.+) less (\S+) within the fee tolerance: write-off proposed(, please confirm)?",
     lambda m: f"{m[1]} ناقص {m[2]} {_WRITE_OFF}" + (f"، {_CONFIRM}" if m[3] else "")),
    (r"pays (.+?) \((\S+) open\) short by (\S+): bank charges over the fee tolerance, left "
     r"open on the invoice(, please confirm)?",
     lambda m: f"يسدد {m[1]} ({m[2]} مفتوح) ناقصاً {m[3]}: مصاريف بنكية تتجاوز سماحية "
               "المصاريف، يبقى الفرق مفتوحاً على الفاتورة" + (f"، {_CONFIRM}" if m[4] else "")),
    (r"pays (.+?) \((\S+) open\) short by (\S+): a (\S+) % discount taken, left open on the "
     r"invoice(, please confirm)?",
     lambda m: f"يسدد {m[1]} ({m[2]} مفتوح) ناقصاً {m[3]}: خصم {m[4]} % مأخوذ، يبقى الفرق "
               "مفتوحاً على الفاتورة" + (f"، {_CONFIRM}" if m[5] else "")),
    (r"(?:pays (.+?) \((\S+) open\) )?short by (\S+): the early-payment discount of (\S+) its "
     r"terms grant \((.+?)\)(?: and (\S+) of charges within the fee tolerance)?, taken "
     r"(?:in time: write-off proposed as a discount|(\d+) days after the discount period: not "
     r"earned, left open on the invoice)(, please confirm)?", lambda m: _early_discount_ar(m)),
    (r"or it pays (.+), which it names, and the rest is on account",
     "أو يسدد {0} التي يذكرها، والباقي تحت الحساب"),
    (r"or it pays (.+?) \((\S+) open\) short by (\S+): (?:bank charges over the fee "
     r"tolerance|a (\S+) % discount taken)",
     lambda m: f"أو يسدد {m[1]} ({m[2]} مفتوح) ناقصاً {m[3]}: " + (
         f"خصم {m[4]} % مأخوذ" if m[4] else "مصاريف بنكية تتجاوز سماحية المصاريف")),
    (r"short by (\S+): bank charges over the fee tolerance, left open on the invoice",
     "ناقص {0}: مصاريف بنكية تتجاوز سماحية المصاريف، يبقى الفرق مفتوحاً على الفاتورة"),
    (r"short by (\S+): a (\S+) % discount taken, left open on the invoice",
     "ناقص {0}: خصم {1} % مأخوذ، يبقى الفرق مفتوحاً على الفاتورة"),
    (r"pays (.+?) \((\S+) open\) short by (\S+), neither whole bank charges nor a usual "
     r"discount: please confirm",
     "يسدد {0} ({1} مفتوح) ناقصاً {2}، والفرق ليس مصاريف بنكية بمبلغ صحيح ولا خصماً بنسبة "
     "معتادة: " + _CONFIRM),
    (r"pays more than everything open \((.*)\): all invoices settled, the excess stays on "
     r"account", "يدفع أكثر من كل المفتوح ({0}): سُويت كل الفواتير والزيادة تبقى تحت الحساب"),
    (r"names no invoice and pays less than the oldest open one \((.*), (\S+) open\): a payment "
     r"on account, suggested against the oldest, please confirm",
     "لا يذكر فاتورة ويدفع أقل من أقدم فاتورة مفتوحة ({0}، {1} مفتوح): دفعة تحت الحساب "
     "مقترحة على الأقدم، " + _CONFIRM),
    (r"names no invoice and calls it an advance: held on account, please confirm",
     "لا يذكر فاتورة ويصفه بأنه دفعة مقدمة: يبقى تحت الحساب، " + _CONFIRM),
    (r"names no invoice and no set of its open invoices makes the amount: a payment on "
     r"account, suggested oldest first, please confirm",
     "لا يذكر فاتورة ولا تكوّن أي مجموعة من فواتيره المفتوحة المبلغ: دفعة تحت الحساب مقترحة "
     "على الأقدم أولاً، " + _CONFIRM),
    (r"no open invoice in the receipt's currency issued by its date \((?:open: )?(.*)\): "
     r"payment on account(, please confirm)?",
     lambda m: "لا فاتورة مفتوحة بعملة التحصيل صادرة حتى تاريخه (المفتوح: "
               + re.sub(r" dated (\S+)", r" بتاريخ \1",
                        re.sub(r" in ([A-Z]{3})\b", r" بعملة \1", _at_the_peg_ar(m[1])))
               + "): دفعة تحت الحساب" + (f"، {_CONFIRM}" if m[2] else "")),
    (r"no open invoice: payment on account(, please confirm)?",
     lambda m: "لا فاتورة مفتوحة: دفعة تحت الحساب" + (f"، {_CONFIRM}" if m[1] else "")),
    (r"the (\d+) oldest open invoices of customer (\S+) \((.*?)\), (.*), make the amount and no "
     r"other set of its invoices does: is it the payer\? please confirm",
     "أقدم {0} فواتير مفتوحة للعميل {1} ({2})، {3}، تكوّن المبلغ ولا تكوّنه مجموعة أخرى من "
     "فواتيره: هل هو الدافع؟ " + _CONFIRM),
    (r"its (\d+) oldest open invoices, (.+), make the amount and no other set of its invoices "
     r"does", "أقدم {0} فواتير مفتوحة له، {1}، تكوّن المبلغ ولا تكوّنه مجموعة أخرى من فواتيره"),
    # withholding tax
    (r"less (\S+)% withholding tax \((.*?)\)(.*): certificate expected",
     lambda m: f"ناقص ضريبة خصم من المنبع {m[1]}% ({m[2]})"
               + (m[3].replace(" on the amount ", " على المبلغ ")
                  .replace("net of", "بدون").replace("before", "قبل")
                  .replace("VAT", "ضريبة القيمة المضافة"))
               + ": شهادة الخصم متوقعة"),
    (r"bank charge (\S+) within the fee tolerance: write-off proposed",
     "مصاريف بنكية {0} " + _WRITE_OFF),
    (r"other invoices could be paid so: please confirm",
     "قد تُسدَّد فواتير أخرى بهذه الطريقة: " + _CONFIRM),
    # lines that are no receipt
    (r"debit \(money out\): not accounts receivable", "مدين (مبلغ خارج): ليس من حسابات العملاء"),
    (r"not a customer receipt \((.+)\)", lambda m: f"ليس تحصيلاً من عميل ({_kind(m[1])})"),
    (r"cash deposit without reference or known payer", "إيداع نقدي بلا مرجع ولا دافع معروف"),
    (r"no invoice reference and payer not identified", "لا مرجع لفاتورة والدافع غير معروف"),
    (r"no amount on the line", "لا مبلغ في السطر"),
    (r"reverses the credit of bank line (.+)", "يعكس إيداع سطر البنك {0}"),
    (r"reversed by bank line (\S+) \(a debit of the same amount\): nets to zero, the invoices "
     r"stay open", "عكسه سطر البنك {0} (سحب بنفس المبلغ): صافيهما صفر والفواتير تبقى مفتوحة"),
    (r"(.+), which it names, is already settled: paid twice\?",
     "{0} التي يذكرها مسددة بالفعل: مدفوعة مرتين؟"),
    (r"names invoice (.+) already settled \(duplicate payment\?\)",
     "يذكر الفاتورة {0} المسددة بالفعل (دفعة مكررة؟)"),
    # book-to-bank
    (r"recorded in Payments as (.+) on (\S+): (.+)",
     lambda m: f"مسجل في التحصيلات برقم {m[1]} بتاريخ {m[2]}: {_evidence(m[3])}"),
    (r"already in the books, not applied again", "مسجل بالدفاتر بالفعل، لا يُطبق مرة أخرى"),
    (r"but recorded receipt (.+) of (\S+) \((.+)\) has this amount and the narrative writes "
     r"its invoice's number: already in the books\? please confirm",
     "لكن التحصيل المسجل {0} بتاريخ {1} ({2}) بنفس المبلغ والبيان يذكر رقم فاتورته: مسجل "
     "بالدفاتر بالفعل؟ " + _CONFIRM),
    (r"a deposit of (\d+) receipts recorded in Payments on (\S+) \((.+)\): all (?:the (.+) )?"
     r"receipts of that day still unpaired, their total the credit",
     lambda m: f"إيداع {m[1]} تحصيلات مسجلة في التحصيلات بتاريخ {m[2]} ({m[3]}): كل تحصيلات "
               + (f"({m[4]}) " if m[4] else "") + "ذلك اليوم غير المطابقة، ومجموعها مبلغ الإيداع"),
    (r"nothing on the line says it is a deposit: check the slip",
     "لا شيء في السطر يدل على أنه إيداع: راجع حافظة الإيداع"),
    (r"but recorded receipt (.+) of (\S+) fits as well: check which one the bank holds",
     "لكن التحصيل المسجل {0} بمبلغ {1} يناسب أيضاً: تحقق أيهما في البنك"),
    (r"but bank line (.+) fits it as well: check which one it is",
     "لكن سطر البنك {0} يناسبه أيضاً: تحقق أيهما"),
    (r"fits what is left after the suggestion of bank line (.+): please confirm",
     "يطابق ما تبقى بعد اقتراح سطر البنك {0}: " + _CONFIRM),
    (r"sure only once the suggestion of bank line (.+) took another invoice: please confirm",
     "مؤكد فقط بعد أن أخذ اقتراح سطر البنك {0} فاتورة أخرى: " + _CONFIRM),
    (r"the rest of a receipt partly suggested: please confirm",
     "باقي تحصيل اقتُرح جزء منه: " + _CONFIRM),
    (r"but a round amount may be another receipt: check it is this one",
     "لكن المبلغ المقرّب قد يكون تحصيلاً آخر: تحقق أنه هذا التحصيل"),
    (r"recorded in the books, not in the bank: a deposit in transit if the bank credits it "
     r"after (\S+), else check the posting",
     "مسجل بالدفاتر وليس في البنك: إيداع بالطريق إن أودعه البنك بعد {0}، وإلا راجع القيد"),
    (r"recorded in the books, not in the bank: check the posting \(date, amount, customer\) "
     r"or whether the deposit was made", "مسجل بالدفاتر وليس في البنك: راجع القيد (التاريخ "
                                         "والمبلغ والعميل) أو هل تم الإيداع"),
    (r"bank line (.+) has the same amount but nothing says it is this receipt",
     "سطر البنك {0} بنفس المبلغ لكن لا شيء يدل على أنه هذا التحصيل"),
    # the short forms that follow a clause above ("...(mistyped?); it F2", "...; pays F1, F2")
    (r"it (\S+)", "أي {0}"),
    (r"pays (.+)", "يدفع {0}"),
    # a person's review
    (r"approved on review", "اعتُمد عند المراجعة"),
    (r"the proposal changed since it was reviewed: review again",
     "تغير الاقتراح منذ مراجعته: راجعه مرة أخرى"),
    (r"the suggestion \((.*)\) was rejected on review", REJECTED_AR.replace("{}", "{0}")),
]
_COMPILED = [(re.compile(p + "$"), t) for p, t in _CLAUSES]

_EVIDENCE = [
    (re.compile(r"its Payment ID (.+) is in the narrative$"), "رقم التحصيل {0} في البيان"),
    (re.compile(r"its reference (.+) is in the narrative$"), "مرجعه {0} في البيان"),
    (re.compile(r"the narrative names its invoice (.+)$"), "البيان يذكر فاتورته {0}"),
    (re.compile(r"the narrative writes its invoice's number (.+) by its numeric part$"),
     "البيان يذكر رقم فاتورته {0} بجزئه الرقمي"),
    (re.compile(r"the payer is its customer (.+) by (.+) \(a name (.+) bears too\)$"),
     lambda m: f"الدافع هو عميله {m[1]} من {_how(m[2])} (اسم يحمله {m[3]} أيضاً)"),
    (re.compile(r"the payer is its customer (.+) by (.+)$"),
     lambda m: f"الدافع هو عميله {m[1]} من {_how(m[2])}"),
    (re.compile(r"no other credit of this amount is in its clearing window, nor another "
                r"recorded receipt of it$"),
     "لا إيداع آخر بهذا المبلغ في مهلة تحصيله، ولا تحصيل مسجل آخر به"),
    (re.compile(r"it is recorded under the bank's own reference (.+)$"),
     "مسجل بمرجع البنك نفسه {0}"),
]


def _evidence(text: str) -> str:
    return apply_rules(_EVIDENCE, text) or text


# Asides the reference rules add to "narrative names X" (a possibly mistyped number).
_ASIDES = [(re.compile(p), t) for p, t in (
    (r" \(or a mistyped (.+?), which has this amount\)", r" (أو رقم \1 مكتوب خطأ، وهي بهذا المبلغ)"),
    (r" \(or a mistyped number of another invoice with this amount\)",
     " (أو رقم فاتورة أخرى بهذا المبلغ مكتوب خطأ)"),
    (r" \(or a mistyped (.+?), which the amount fits\)", r" (أو رقم \1 مكتوب خطأ، والمبلغ يناسبها)"),
    (r" \(or a mistyped number of the payer's, by its name\)",
     " (أو رقم مكتوب خطأ لإحدى فواتير الدافع حسب اسمه)"),
    (r" \(the payer is customer (\S+), (.*?): paying for it\?\)",
     r" (الدافع هو العميل \1، \2: يدفع عنه؟)"),
    (r", one digit away from (\S+) of the payer's \(mistyped\?\)",
     r"، يختلف في خانة واحدة عن \1 من فواتير الدافع (خطأ كتابة؟)"),
    # the ID of a receipt an open-items list holds (``core.paid_in_the_list``)
    (re.escape(PAID_IN_THE_LIST), PAID_IN_THE_LIST_AR),
)]


def arabic_clause(clause: str) -> str:
    """One clause in Arabic, or as it is when its wording is not known."""
    text = clause.strip()
    for pattern, arabic in _ASIDES:
        text = pattern.sub(arabic, text)
    return apply_rules(_COMPILED, text) or (clause if text == clause.strip() else text)


_CANDIDATES = [(re.compile(p), t) for p, t in (
    (r"^(.+) \((.+), (\S+) open\)$", r"\1 (\2، \3 مفتوح)"),
    (r"^(.+) \((.+), same amount\)$", r"\1 (\2، نفس المبلغ)"),
    (r"^customer (\S+) \((\d+)\)$", r"العميل \1 (\2)"),
)]


def arabic_candidates(text: object) -> object:
    """Unmatched Bank's Candidates (``INV-1 (C1, 1,000.00 open); customer C2 (88)``) in
    Arabic."""
    if not isinstance(text, str) or not text.strip():
        return text
    out = []
    for part in text.split("; "):
        for pattern, arabic in _CANDIDATES:
            if pattern.match(part):
                part = pattern.sub(arabic, part)
                break
        out.append(part)
    return "؛ ".join(out)


def arabic_reason(reason: object) -> object:
    """A Reason in Arabic, clause by clause (blank and non-text values as they are)."""
    if not isinstance(reason, str) or not reason.strip():
        return reason
    return arabic_receipt_name("؛ ".join(arabic_clause(c) for c in reason.split("; ")))


# A receipt kept in Payments without a Payment ID is named by its row (``matching.recorded``),
# in a Payment ID cell or inside a reason: in Arabic as the Input Issues name a row.
_RECEIPT_ROW = re.compile(r"\bPayments row (\d+)\b")
_RECEIPT_NO = re.compile(r"\breceipt (\d+)\b")


def arabic_receipt_name(text: object) -> object:
    """'Payments row 3' -> 'الصف 3 من التحصيلات', 'receipt 2' -> 'التحصيل 2'; else as it is."""
    if not isinstance(text, str) or not ("Payments row" in text or "receipt " in text):
        return text
    return _RECEIPT_NO.sub(r"التحصيل \1", _RECEIPT_ROW.sub(r"الصف \1 من التحصيلات", text))


# Reconciliation tab: its items and notes.
_ITEMS = {
    "Opening balance": "الرصيد الافتتاحي",
    "Credits (money in)": "الإيداعات (مبالغ داخلة)",
    "Debits (money out, not AR)": "المسحوبات (مبالغ خارجة، ليست من حسابات العملاء)",
    "Closing balance (computed)": "الرصيد الختامي (محسوب)",
    "Closing balance (statement)": "الرصيد الختامي (حسب الكشف)",
    "Difference": "الفرق",
    "Matched (applied)": "مطابق (مطبق)",
    "Suggested (to review)": "مقترح (للمراجعة)",
    "Unmatched credits": "إيداعات غير مطابقة",
    "Check: matched + suggested + unmatched - credits":
        "تحقق: المطابق + المقترح + غير المطابق - الإيداعات",
    "Write-offs proposed": "شطب مقترح",
    "Withholding tax receivable": "ضريبة خصم من المنبع مستحقة",
    "On account (no invoice)": "تحت الحساب (بلا فاتورة)",
    "Recorded in the books and in the bank": "مسجل بالدفاتر وفي البنك",
    "Recorded in the books, not in the bank": "مسجل بالدفاتر وليس في البنك",
}
_NOTES: list[tuple[re.Pattern[str], object]] = [(re.compile(p + "$"), t) for p, t in (
    (r"as stated by the bank", "كما أورده البنك"),
    (r"as stated by the bank, else from the oldest line's running balance",
     "كما أورده البنك، وإلا من الرصيد الجاري لأقدم سطر"),
    (r"as stated by the bank, else from the newest line's running balance",
     "كما أورده البنك، وإلا من الرصيد الجاري لأحدث سطر"),
    (r"from the oldest line's running balance", "من الرصيد الجاري لأقدم سطر"),
    (r"from the newest line's running balance", "من الرصيد الجاري لأحدث سطر"),
    (r"not stated", "غير مذكور"),
    (r"as stated by the bank; no opening balance stated, so no tie-out",
     "كما أورده البنك؛ لم يُذكر رصيد افتتاحي، فلا مطابقة للرصيد"),
    (r"opening \+ credits - debits", "الافتتاحي + الإيداعات - المسحوبات"),
    (r"ties out", "متطابق"),
    (r"adds (.+): each currency below", lambda m: "يجمع " + m[1].replace(
        "no currency", "بلا عملة").replace(", ", " و") + ": كل عملة أدناه"),
    (r"DOES NOT TIE OUT: check the statement", "غير متطابق: راجع الكشف"),
    (r"DOES NOT TIE OUT", "غير متطابق"),
    (r"difference (.+)", "فرق {0}"),
    (r"fees / discounts within the policy tolerance", "مصاريف / خصومات في حدود السماح"),
    (r"income tax the customers withheld at source: certificates expected \(not written off: "
     r"recovered from the tax authority\)", "ضريبة خصمها العملاء من المنبع: الشهادات متوقعة "
                                            "(لا تُشطب: تُسترد من مصلحة الضرائب)"),
    (r"(\d+) matched, (\d+) suggested allocations", "{0} مطابق، {1} مقترح"),
    (r"receipts already in Payments that bank lines pair with \(Method recorded\): not applied "
     r"again", "تحصيلات مسجلة في التحصيلات تقابلها سطور البنك (الطريقة recorded): لا تُطبق "
               "مرة أخرى"),
    (r"receipts in Payments dated (\S+) to (\S+) that no bank line pairs with \(Unbanked "
     r"Receipts\): deposits in transit or posting errors",
     "تحصيلات في التحصيلات من {0} إلى {1} لا يقابلها سطر بنك (Unbanked Receipts): إيداعات "
     "بالطريق أو أخطاء قيد"),
)]
_STATEMENT_ITEM = re.compile(r"^Statement (.*): (opening|closing)$")
_CURRENCY_ITEM = re.compile(r"^([A-Z]{3}|no currency): (.+)$")
_CURRENCY_WORDS = {"opening balance": "الرصيد الافتتاحي", "credits": "الإيداعات",
                   "debits": "المسحوبات", "closing balance (statement)": "الرصيد الختامي (حسب الكشف)",
                   "matched (applied)": "مطابق (مطبق)", "suggested (to review)": "مقترح (للمراجعة)",
                   "unmatched credits": "إيداعات غير مطابقة"}
_METHOD_ITEM = re.compile(r"^Method: (.+)$")


def arabic_item(item: object) -> object:
    """A Reconciliation item in Arabic (the Method names stay: they are the Method column's)."""
    if not isinstance(item, str):
        return item
    if item in _ITEMS:
        return _ITEMS[item]
    m = _STATEMENT_ITEM.match(item)
    if m:
        return f"كشف {m[1]}: " + ("الرصيد الافتتاحي" if m[2] == "opening" else "الرصيد الختامي")
    m = _CURRENCY_ITEM.match(item)
    if m and m[2] in _CURRENCY_WORDS:
        return f"{'بلا عملة' if m[1] == 'no currency' else m[1]}: {_CURRENCY_WORDS[m[2]]}"
    m = _METHOD_ITEM.match(item)
    if m:
        return f"الطريقة: {m[1]}"
    return item


def arabic_note(note: object) -> object:
    if not isinstance(note, str) or not note.strip():
        return note
    return apply_rules(_NOTES, note) or note
