"""The words collections uses, in English and Arabic: level names, next actions, letters.

Kept in one place so the wording can be reviewed (and changed) by the credit controller
without reading the rules. ``{placeholders}`` are filled by ``letters``.
"""

from __future__ import annotations

from typing import Any

# Level names for the default four-level policy (7, 30, 60, 90 days).
LEVEL_NAMES = {
    "en": ["Not overdue", "Friendly reminder", "Firm reminder", "Final notice", "Hold / visit"],
    "ar": ["غير متأخر", "تذكير ودي", "تذكير حازم", "إنذار نهائي", "إيقاف / زيارة ميدانية"],
}
# Level 0 of an account with something overdue, fewer days than the first level's: it is
# overdue all the same ("Not overdue" said otherwise of an invoice 10 days late).
BELOW_FIRST_LEVEL = {"en": "Overdue, below first level", "ar": "متأخر، دون المستوى الأول"}
# Level 0 of an amount too small to chase (the Policy's dunning_min_amount), however late:
# "below first level" said otherwise of 0.50 at 70 days, which is past the third.
BELOW_MINIMUM = {"en": "Below dunning minimum", "ar": "دون الحد الأدنى للمطالبة"}
PLAN = {"en": "Payment plan", "ar": "خطة سداد"}
PLAN_REMINDER = {"en": "Payment plan reminder", "ar": "تذكير بقسط خطة السداد"}

ACTIONS = {
    "en": {
        1: "Send friendly reminder",
        2: "Send firm reminder; call if no reply within 7 days",
        3: "Send final notice with statement; call the customer",
        4: "Put account on hold; field visit",
        "wait": "Wait: letter sent {date}",
        "held": "Escalate after {date} (one escalation a week)",
        "watch": "Not yet at the first reminder",
        "covered": "Apply credit on account to the overdue invoices",
        "disputed": "Resolve the dispute: the overdue invoices are in dispute (not dunned)",
        "credit_balance": "Credit balance: apply to new invoices or refund",
        "current": "Nothing overdue",
        "below_minimum": "Below the dunning minimum ({minimum} {currency}): no letter; write "
                         "off or collect with the next payment",
        "plan_overdue": "Send plan reminder: instalment {n} overdue",
        "plan_overdue_several": "Send plan reminder: instalments {numbers} overdue",
        "plan_upcoming": "Send plan reminder: instalment {n} due {date}",
        "plan_ok": "Payment plan on track",
        # a plan customer's row in another currency: the one reminder goes in the plan's
        "plan_other_currency": "Plan reminder goes in {currency} (one letter for the plan)",
        "plan_wait": "Wait: plan reminder sent {date}",
        "paid_on_the_bank": "Letter held: {amount} received on the bank statement ({date}), "
                            "not yet in Payments; record it (Receipts To Post) and run again",
        # what the bank shows leaves part of the overdue: the letter would ask for all of it
        "paid_on_the_bank_part": "Letter held: {amount} received on the bank statement "
                                 "({date}), not yet in Payments; {left} left to collect; "
                                 "record it (Receipts To Post) and run again",
        # covered on the bank between two letters: no call or visit for money paid
        "chasing_held": "Not chased: {amount} received on the bank statement ({date}) covers "
                        "the overdue, not yet in Payments; record it (Receipts To Post) and "
                        "run again",
        "paid_part": "{amount} received on the bank statement ({date}), not yet in Payments; "
                     "{left} left to collect",
        "then": "; ",
        # a Call / Visit List row shows what is left; its Note says what the books show
        "listed_for_the_rest": "{amount} received on the bank statement ({date}), not yet in "
                               "Payments: the books show {books} to collect, {days} days "
                               "overdue; this row is what is left",
        # a plan instalment the bank's receipt pays (Payment Plan Schedule's Note)
        "plan_paid": "{amount} of it received on the bank statement ({date}), not yet in "
                     "Payments: paid once recorded",
        "plan_part_paid": "{amount} of it received on the bank statement ({date}), not yet "
                          "in Payments: {left} outstanding once recorded",
    },
    "ar": {
        1: "إرسال تذكير ودي",
        2: "إرسال تذكير حازم، والاتصال إذا لم يرد خلال 7 أيام",
        3: "إرسال إنذار نهائي مع كشف الحساب، والاتصال بالعميل",
        4: "إيقاف الحساب وزيارة ميدانية",
        "wait": "انتظار: أرسل خطاب في {date}",
        "held": "التصعيد بعد {date} (تصعيد واحد في الأسبوع)",
        "watch": "لم يبلغ التذكير الأول بعد",
        "covered": "تسوية الرصيد الدائن مع الفواتير المتأخرة",
        "disputed": "حل النزاع: الفواتير المتأخرة محل نزاع (لا ترسل مطالبة)",
        "credit_balance": "رصيد دائن: يخصم من الفواتير القادمة أو يرد للعميل",
        "current": "لا توجد متأخرات",
        "below_minimum": "أقل من الحد الأدنى للمطالبة ({minimum} {currency}): لا يرسل خطاب؛ "
                         "يشطب أو يحصل مع الدفعة القادمة",
        "plan_overdue": "إرسال تذكير بالقسط رقم {n} المتأخر",
        "plan_overdue_several": "إرسال تذكير بالأقساط المتأخرة رقم {numbers}",
        "plan_upcoming": "إرسال تذكير بالقسط رقم {n} المستحق في {date}",
        "plan_ok": "خطة السداد منتظمة",
        "plan_other_currency": "تذكير خطة السداد بعملة {currency} (خطاب واحد للخطة)",
        "plan_wait": "انتظار: أرسل تذكير الخطة في {date}",
        "paid_on_the_bank": "الخطاب مؤجل: ورد {amount} في كشف البنك ({date}) ولم يسجل في "
                            "التحصيلات بعد؛ سجله (Receipts To Post) ثم أعد التشغيل",
        "paid_on_the_bank_part": "الخطاب مؤجل: ورد {amount} في كشف البنك ({date}) ولم يسجل "
                                 "في التحصيلات بعد؛ يتبقى {left} للتحصيل؛ سجله (Receipts To "
                                 "Post) ثم أعد التشغيل",
        "chasing_held": "لا متابعة: ورد {amount} في كشف البنك ({date}) ويغطي المتأخرات ولم "
                        "يسجل في التحصيلات بعد؛ سجله (Receipts To Post) ثم أعد التشغيل",
        "paid_part": "ورد {amount} في كشف البنك ({date}) ولم يسجل في التحصيلات بعد؛ يتبقى "
                     "{left} للتحصيل",
        "then": "؛ ",
        "listed_for_the_rest": "ورد {amount} في كشف البنك ({date}) ولم يسجل في التحصيلات "
                               "بعد: الدفاتر تظهر {books} للتحصيل، متأخر {days} يوماً؛ هذا "
                               "الصف يبين المتبقي",
        "plan_paid": "ورد {amount} منه في كشف البنك ({date}) ولم يسجل في التحصيلات بعد: "
                     "يُسدد عند تسجيله",
        "plan_part_paid": "ورد {amount} منه في كشف البنك ({date}) ولم يسجل في التحصيلات "
                          "بعد: يتبقى {left} بعد تسجيله",
    },
}

SUBJECTS = {
    "en": {
        1: "Payment reminder - account {cid}",
        2: "Second reminder: overdue invoices - account {cid}",
        3: "Final notice: overdue account {cid}",
        4: "Account {cid} on hold",
        "plan": "Payment plan instalment reminder - account {cid}",
        "2_first": "Overdue invoices - account {cid}",
    },
    "ar": {
        1: "تذكير بالسداد - حساب رقم {cid}",
        2: "تذكير ثان: فواتير متأخرة - حساب رقم {cid}",
        3: "إنذار نهائي: حساب رقم {cid}",
        4: "إيقاف الحساب رقم {cid}",
        "plan": "تذكير بقسط خطة السداد - حساب رقم {cid}",
        "2_first": "فواتير متأخرة - حساب رقم {cid}",
    },
}

GREETING = {"en": "Dear {name},", "ar": "السادة / {name}،\nتحية طيبة وبعد،"}

BODIES = {
    "en": {
        # {total} is what is past due net of the credits on account, not the sum of the
        # table below: that lists every open item of the account (credits, invoices not yet
        # due), as the customer's statement would
        1: ("Our records show your invoices past due, net of credits on account {total} in "
            "all; the open items of your account are listed below. It may simply "
            "have been overlooked; we would be grateful if you could arrange payment at your "
            "earliest convenience. If you have already paid, please accept our thanks and "
            "disregard this reminder."),
        2: ("Despite our earlier reminder, your past-due invoices remain unpaid, net of "
            "credits on account {total} in all, the oldest {days} days past due. Please settle "
            "them within 7 days or let us know when payment will be made. The open items of "
            "your account are listed below."),
        # the firm reminder of a customer we never wrote to (the first run, a new account):
        # it cannot speak of an earlier reminder
        "2_first": ("Your past-due invoices remain unpaid, net of credits on account {total} "
                    "in all, the oldest {days} days past due. Please settle them within 7 days "
                    "or let us know when payment will be made. The open items of your account "
                    "are listed below."),
        3: ("This is our final notice. Your past-due invoices, net of credits on account "
            "{total} in all, are now up to {days} days past due. Unless payment reaches us within 7 days we will place your "
            "account on hold and stop further deliveries. If you cannot pay the full amount at "
            "once, please contact us to agree a payment plan. Your statement of account is "
            "attached; the open items are listed below."),
        4: ("Your account has been placed on hold because your past-due invoices, net of "
            "credits on account {total} in all, are up to {days} days past due. Our representative will contact you to arrange a "
            "visit. Deliveries will resume once the balance is settled or a payment plan is "
            "agreed."),
        "plan_overdue": ("Instalment {n} of {count} of your payment plan, {amount}, was due "
                         "on {date} and has not been received in full ({open} outstanding). "
                         "Please pay it within 7 days to keep the plan in place."),
        "plan_overdue_several": ("Instalment {n} of {count} of your payment plan, {amount}, was "
                                 "due on {date} and has not been received in full ({open} "
                                 "outstanding). Instalments {numbers} are now overdue, {total} "
                                 "outstanding in all. Please pay this within 7 days to keep the "
                                 "plan in place."),
        "plan_upcoming": ("This is a reminder that instalment {n} of {count} of your payment "
                          "plan, {amount}, is due on {date}."),
    },
    "ar": {
        # {total} is the overdue net of the credits: said after "بإجمالي" of the invoices,
        # never right after "الأرصدة الدائنة", where it would read as the credits' total
        1: ("تشير سجلاتنا إلى فواتير متأخرة السداد على حسابكم بإجمالي {total} بعد خصم "
            "الأرصدة الدائنة، "
            "والبنود المفتوحة في حسابكم مدرجة أدناه. "
            "ربما فاتكم سدادها سهواً، لذا نرجو التكرم بترتيب السداد في أقرب وقت. وإذا كنتم قد "
            "سددتم بالفعل فنشكركم ونرجو تجاهل هذا التذكير."),
        2: ("على الرغم من تذكيرنا السابق، ما زالت فواتيركم المتأخرة بإجمالي {total} بعد خصم "
            "الأرصدة الدائنة غير مسددة، وأقدمها متأخرة {days} يوماً. نرجو سدادها خلال 7 "
            "أيام أو إبلاغنا بموعد السداد. البنود المفتوحة في حسابكم مدرجة أدناه."),
        "2_first": ("ما زالت فواتيركم المتأخرة بإجمالي {total} بعد خصم الأرصدة الدائنة "
                    "غير مسددة، وأقدمها متأخرة {days} يوماً. نرجو سدادها خلال 7 أيام أو إبلاغنا "
                    "بموعد السداد. البنود المفتوحة في حسابكم مدرجة أدناه."),
        3: ("هذا إنذار نهائي. فواتيركم المتأخرة بإجمالي {total} بعد خصم الأرصدة الدائنة "
            "متأخرة حتى {days} يوماً عن "
            "تاريخ استحقاقها. ما لم يصلنا السداد خلال 7 أيام فسيتم إيقاف حسابكم ووقف "
            "التوريدات. وإذا تعذر عليكم سداد المبلغ كاملاً دفعة واحدة، نرجو التواصل معنا "
            "للاتفاق على خطة سداد. مرفق كشف حسابكم، والبنود المفتوحة مدرجة أدناه."),
        4: ("تم إيقاف حسابكم لدينا لأن فواتيركم المتأخرة بإجمالي {total} بعد خصم "
            "الأرصدة الدائنة متأخرة حتى {days} "
            "يوماً عن تاريخ استحقاقها. سيتواصل معكم مندوبنا لترتيب زيارة، وسيستأنف التوريد "
            "بعد سداد الرصيد أو الاتفاق على خطة سداد."),
        "plan_overdue": ("القسط رقم {n} من {count} من خطة السداد المتفق عليها بمبلغ {amount} "
                         "كان مستحقاً في {date} ولم يصلنا كاملاً (المتبقي {open}). نرجو سداده "
                         "خلال 7 أيام للحفاظ على خطة السداد."),
        "plan_overdue_several": ("القسط رقم {n} من {count} من خطة السداد المتفق عليها بمبلغ "
                                 "{amount} كان مستحقاً في {date} ولم يصلنا كاملاً (المتبقي "
                                 "{open}). والأقساط المتأخرة الآن هي {numbers}، والمتبقي منها "
                                 "{total} إجمالاً. نرجو سداده خلال 7 أيام للحفاظ على خطة "
                                 "السداد."),
        "plan_upcoming": ("نود تذكيركم بأن القسط رقم {n} من {count} من خطة السداد بمبلغ "
                          "{amount} يستحق في {date}."),
    },
}

CLOSING = {
    "en": "Kind regards,\n{signature}",
    "ar": "وتفضلوا بقبول فائق الاحترام،\n{signature}",
}
SIGNATURE = {"en": "Accounts Receivable", "ar": "قسم حسابات العملاء"}

ITEM_HEADERS = {
    "en": ["Document", "Type", "Date", "Due Date", "Days Overdue", "Open Amount"],
    "ar": ["رقم المستند", "النوع", "التاريخ", "تاريخ الاستحقاق", "أيام التأخير", "المبلغ المتبقي"],
}
ITEM_TYPES = {
    "en": {"Invoice": "Invoice", "Credit Note": "Credit note", "Payment": "Payment on account",
           "Balance Brought Forward": "Balance b/f"},  # as the statement PDF says
    "ar": {"Invoice": "فاتورة", "Credit Note": "إشعار دائن", "Payment": "دفعة تحت الحساب",
           "Balance Brought Forward": "رصيد مرحل"},
}
# an invoice in dispute, listed in a letter but not asked for
DISPUTED_ITEM = {"en": "Invoice (in dispute)", "ar": "فاتورة (محل نزاع)"}
TOTALS = {
    "en": {"overdue": "Total overdue", "balance": "Account balance"},
    "ar": {"overdue": "إجمالي المتأخر", "balance": "رصيد الحساب"},
}
PLAN_HEADERS = {
    "en": ["Instalment", "Due Date", "Amount", "Paid", "Outstanding", "Status"],
    "ar": ["القسط", "تاريخ الاستحقاق", "المبلغ", "المسدد", "المتبقي", "الحالة"],
}
PLAN_STATUS = {
    "en": {"Paid": "Paid", "Written off": "Written off", "Partly paid": "Partly paid",
           "Overdue": "Overdue", "Due soon": "Due soon", "Not yet due": "Not yet due"},
    "ar": {"Paid": "مسدد", "Written off": "مشطوب", "Partly paid": "مسدد جزئياً",
           "Overdue": "متأخر", "Due soon": "يستحق قريباً", "Not yet due": "لم يستحق بعد"},
}


def level_name(level: int, levels: int, language: str = "en", days_overdue: int = 0,
               below_minimum: bool = False) -> str:
    """Name of a dunning level for a policy with ``levels`` levels.

    With four levels the names above apply. Otherwise the first is the friendly reminder,
    the last the hold / visit, the one before it the final notice, the rest firm reminders.
    Level 0 is "Not overdue" only where nothing is (``days_overdue``), and "Below dunning
    minimum" where what is overdue is too little to chase (``below_minimum``).
    """
    if level <= 0 and below_minimum:
        return BELOW_MINIMUM[language]
    if level <= 0 and days_overdue > 0:
        return BELOW_FIRST_LEVEL[language]
    return LEVEL_NAMES[language][letter_kind(level, levels)]


def letter_kind(level: int, levels: int) -> int:
    """Which of the four letters a level sends; ``level_name`` names the level after it."""
    if levels == 4 or level <= 0:
        return max(0, min(level, 4))
    if level == levels:
        return 4
    if level == 1:
        return 1
    return 3 if level == levels - 1 else 2


def plan_reminder_wording(reminder: Any) -> tuple[str, tuple[int, ...]]:
    """The key of a plan reminder's wording in ``ACTIONS`` and ``BODIES`` and the numbers of
    its plan's overdue instalments (``reminder``: a ``payment_plans.plan_reminders`` row):
    ``plan_overdue_several`` where more than one is overdue, so the customer is asked for
    all of them, else ``plan_`` and its Kind."""
    several = tuple(reminder.get("Overdue Instalments") or ())
    kind = "overdue_several" if reminder["Kind"] == "overdue" and len(several) > 1 else \
        reminder["Kind"]
    return f"plan_{kind}", several


def numbers_list(numbers: tuple[int, ...] | list[int], lang: str) -> str:
    """Instalment numbers as a sentence lists them: "2 and 3", "2, 3 and 4" ("2 و3")."""
    words = [str(n) for n in numbers]
    if len(words) < 2:
        return "".join(words)
    if lang == "ar":
        return "، ".join(words[:-1]) + " و" + words[-1]
    return ", ".join(words[:-1]) + " and " + words[-1]
