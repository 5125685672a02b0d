"""Arabic wording of the run's summary lines, for Arabic workbooks.

Each job sums up its run in one English line (the command's printout, the buttons' message
box): clauses joined by "; ". For an Arabic workbook each clause is shown in Arabic; a clause
without a known wording (a new job's) is shown as it is, so nothing is lost. The job's name
before the colon (``credit:``), tab names, codes (``40 Hold``), sheet names, amounts, dates
and paths are carried over unchanged.
"""

from __future__ import annotations

from ar_excel.io.wording_rules import apply_rules, arabic_commas, rules


def _na(text: str) -> str:
    return "غير متاح" if text == "n/a" else text


_CLAUSES = rules(
    # validate
    (r"(\S+) customers checked: (\d+) errors, (\d+) warnings",
     "فُحص {0} عميل: {1} خطأ، {2} تنبيه"),
    (r"(\d+) changes since the last run", "{0} تغيير منذ التشغيل السابق"),
    (r"change log started", "بدأ سجل التغييرات"),
    (r"sheet '(.*)' to be protected, editable columns: (.*)",
     lambda m: f"ستُحمى الورقة '{m[1]}'، الأعمدة القابلة للتعديل: "
               + ("لا شيء" if m[2] == "none" else m[2])),
    # credit (the statuses and recommendations are codes: English)
    (r"(\d+) customers as of (\S+): (.*)", "{0} عميل في {1}: {2}"),
    (r"(\d+) credit reviews due", "{0} مراجعة ائتمان مستحقة"),
    (r"requests: (.*)", "طلبات زيادة حد الائتمان: {0}"),
    # invoices
    (r"Invoice checks on (\S+) invoices(?:, (\S+) lines)?(?: \(read from the rows of '(.*?)'\))?"
     r"(?: \(with (.*)\))?: (\d+) errors, (\d+) warnings",
     lambda m: f"فحص {m[1]} فاتورة" + (f"، {m[2]} سطر" if m[2] else "")
               + (f" (مقروءة من صفوف '{m[3]}')" if m[3] else "")
               + (f" (مع {arabic_commas(m[4])})" if m[4] else "") + f": {m[5]} خطأ، {m[6]} تنبيه"),
    (r"(\d+) accounts to review", "{0} حساب للمراجعة"),
    (r"(.*) read as fractions \(0\.14 = 14%\)", "{0} قُرئت كسوراً (0.14 = 14%)"),
    # reconcile
    (r"Reconciled (\d+) bank lines: (\d+) matched \(([^)]+)\), (\d+) suggested, (\d+) credits "
     r"unmatched", "مطابقة بنكية لـ {0} سطر: {1} مطابق ({2})، {3} مقترح، {4} إيداع غير مطابق"),
    (r"(\d+) receipts to record in Payments \(Receipts To Post\)",
     "{0} تحصيل يُسجَّل في التحصيلات (Receipts To Post)"),
    # aging
    (r"Aging as of (\S+): (\d+) customer rows, (\d+) open items, grand total (.*) "
     r"\((ties to the ledger|DOES NOT TIE to the ledger)\)",
     lambda m: f"أعمار الديون في {m[1]}: {m[2]} صف عميل، {m[3]} بند مفتوح، الإجمالي العام "
               f"{arabic_commas(m[4])} (" + ("مطابق للدفاتر" if m[5].startswith("ties") else
                              "غير مطابق للدفاتر") + ")"),
    # collections
    (r"Collections as of (\S+): (\d+) customer row\(s\) overdue, (\d+) letter\(s\) due "
     r"\((\d+) drafts written\), (\d+) to call, (\d+) to visit, (\d+) payment plan\(s\)",
     "التحصيل في {0}: {1} صف عميل متأخر، {2} خطاب مطالبة مستحق ({3} مسودة كُتبت)، {4} "
     "للاتصال، {5} للزيارة، {6} خطة سداد"),
    (r"13-week forecast (.*)", "توقعات التحصيل لـ 13 أسبوعاً {0}"),
    (r"(\d+) letter\(s\) held: paid on the bank statement, not yet in Payments",
     "{0} خطاب مؤجل: العميل دفع في كشف البنك ولم يسجل في التحصيلات بعد"),
    (r"(\d+) call\(s\) or visit\(s\) held: paid on the bank statement, not yet in Payments",
     "{0} اتصال أو زيارة مؤجلة: العميل دفع في كشف البنك ولم يسجل في التحصيلات بعد"),
    # statements
    (r"Statements to (\S+): (\d+) customer\(s\)(?:, (\d+) PDF file\(s\) in (.*))?",
     lambda m: f"كشوف الحساب حتى {m[1]}: {m[2]} عميل"
               + (f"، {m[3]} ملف PDF في {m[4]}" if m[3] else "")),
    # report
    (r"management pack as of (\S+?)(?:, (.*))?: DSO (\S+), CEI (\S+)( %)?, (\d+) customers "
     r"overdue( \(no collection forecast available\))?",
     lambda m: f"تقرير الإدارة في {m[1]}" + (f"، {m[2]}" if m[2] else "")
               + f": DSO {_na(m[3])}، CEI {_na(m[4])}{m[5] or ''}، "
               f"{m[6]} عميل متأخر" + (" (لا توجد توقعات تحصيل)" if m[7] else "")),
    # a job skipped by the month-end run
    (r"skipped, the workbook has no '(.*)' sheet", "تم التخطي: لا توجد ورقة '{0}' في المصنف"),
    (r"skipped, the workbook has no '(.*)' sheet of its own \(its customers are the ones '(.*)' "
     r"names\)", "تم التخطي: لا توجد ورقة '{0}' خاصة بالمصنف (عملاؤه هم من تذكرهم '{1}')"),
    (r"skipped, no bank statement \(give --bank FILE, a 'Bank Statement' sheet, or the Policy "
     r"key bank_statement\)",
     "تم التخطي: لا يوجد كشف حساب بنكي (استخدم --bank FILE أو ورقة 'Bank Statement' أو مفتاح "
     "السياسة bank_statement)"),
)

_LINES = rules(
    (r"note: (\d+) receipts? matched on the bank statement (?:are|is) not in Payments yet; "
     r"(.*) shows? (?:them|it) as owing until recorded \(Receipts To Post\)",
     "ملاحظة: {0} تحصيل مطابق في كشف البنك غير مسجل في التحصيلات بعد؛ تظهره {1} مستحقاً حتى "
     "يُسجَّل (Receipts To Post)"),
    (r"note: (\d+) receipts? matched on the bank statement (?:are|is) dated after the as-of "
     r"date (\S+): not received at that date, (?:they hold|it holds) no letter, call or visit",
     "ملاحظة: {0} تحصيل مطابق في كشف البنك بتاريخ بعد تاريخ التقرير {1}: لم يكن قد وصل في ذلك "
     "التاريخ، فلا يؤجل خطاب مطالبة ولا اتصالاً ولا زيارة"),
    (r"(\d+) input issue\(s\); tabs written to (.*?): (.*)",
     "{0} مشكلة في بيانات الإدخال (Input Issues)؛ كُتبت التبويبات في {1}: {2}"),
    (r"note: sheet protection applies to the sheets in the workbook written; (.*) is "
     r"protected only when written into BOOK \(run without -o\)",
     "ملاحظة: حماية الأوراق تسري على المصنف الذي كُتب؛ لا تُحمى {0} إلا عند الكتابة في "
     "المصنف نفسه (التشغيل دون -o)"),
    (r"also wrote (\d+) more file\(s\) in (.*)", "كُتب أيضاً {0} ملف آخر في {1}"),
    (r"also wrote (.*)", "كُتب أيضاً {0}"),
)


def arabic_summary(line: str) -> str:
    """The Arabic wording of a summary line (``job: clause; clause``), clause by clause; the
    job's name and an unknown clause are kept as they are."""
    whole = apply_rules(_LINES, line)
    if whole is not None:
        return whole
    head, sep, body = line.partition(": ")
    if not sep or " " in head:  # no job name before the colon: the line is all clauses
        head, body = "", line
    if body.startswith("skipped, "):  # skipped for a list the reader could not read: its
        from ar_excel.io.messages_ar import arabic_message  # Input Issue's own wording

        why = body.removeprefix("skipped, ")
        said = arabic_message(why)
        if said != why:
            return f"{head}: تم التخطي: {said}" if head else f"تم التخطي: {said}"
    clauses = body.split("; ")
    words = [apply_rules(_CLAUSES, c) for c in clauses]
    if all(w is None for w in words):
        return line
    text = "؛ ".join(w if w is not None else c for w, c in zip(words, clauses, strict=True))
    return f"{head}: {text}" if head else text
