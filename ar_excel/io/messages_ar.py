"""Arabic wording of the reader's input-issue messages, for Arabic workbooks.

The reader words its messages in English (they are also raised as errors and logged); the
``Input Issues`` tab of an Arabic workbook shows them in Arabic. A message without a known
pattern (a job's own wording) is shown as it is.
"""

from __future__ import annotations

import re

from ar_excel.io.wording_rules import Rule, apply_rules

_PATTERNS: list[Rule] = [(re.compile(p), t) for p, t in (
    (r"^'(.*)' is not a number$", "'{0}' ليس رقماً"),
    # receipts listed beside invoices whose Paid to Date counts them (io.list_receipts)
    (r"^(\d+) receipt\(s\) listed beside the invoices \((.*)\) say nothing of what they paid: "
     r"read as the money the invoices' '(.*)' shows paid \(oldest first, per customer\), not "
     r"as money on account again$",
     "{0} تحصيل مُدرج بجوار الفواتير ({1}) لا يذكر ما سدده: قُرئ على أنه المال الذي يُظهره "
     "العمود '{2}' مسدداً من الفواتير (الأقدم أولاً، لكل عميل)، لا مالاً على الحساب مرة أخرى"),
    # the invoices' own Exchange Rate read as the book's rates (io.invoice_rates)
    (r"^no exchange rates in the Policy: column '(.*)' read as the invoices' rates to (\S+) "
     r"\((.*)\), each currency at its latest invoice's rate on or before the as-of date$",
     "لا أسعار صرف في السياسة: قُرئ العمود '{0}' أسعارَ صرف الفواتير إلى {1} ({2})، كل عملة "
     "بسعر أحدث فاتورة لها في تاريخ التقرير أو قبله"),
    # a rate column whose direction is unknown (io.invoice_rates.UNSURE_HEADERS)
    (r"^column '(.*)' not used as exchange rates: it does not say whether a rate is the "
     r"company's currency per unit of the invoice's or the other way round \(give the rates "
     r"in the Policy's exchange_rates, or name the column 'Exchange Rate' if it is the "
     r"company's currency per unit\); other currencies are added as they stand$",
     "لم يُستخدم العمود '{0}' أسعارَ صرف: لا يبيّن هل السعر بعملة الشركة لكل وحدة من عملة "
     "الفاتورة أم العكس (اذكر الأسعار في exchange_rates بالسياسة، أو سمِّ العمود "
     "'Exchange Rate' إن كان بعملة الشركة لكل وحدة)؛ وتُجمع العملات الأخرى كما هي"),
    # a register's Paid Date beside its Paid Amount (io.paid_dates)
    (r"^(\d+) invoice\(s\) paid on the day column '(.*)' gives \((.*); (\S+) \.\. (\S+)\): "
     r"each paid part read as a receipt of that day naming its invoice, so an earlier as-of "
     r"date shows it owed$",
     "{0} فاتورة مسددة في اليوم الذي يذكره العمود '{1}' ({2}؛ {3} .. {4}): قُرئ كل جزء مسدد "
     "تحصيلاً في ذلك اليوم باسم فاتورته، فتظهر الفاتورة مستحقة في أي تاريخ تقرير أسبق"),
    (r"^column '(.*)' not read as the days invoices were paid: (\d+) paid invoice\(s\) without "
     r"a date \((.*)\); (\d+) date\(s\) beside an invoice the list shows unpaid \((.*)\); the "
     r"list is taken as it states what is open, today's balances at every date$",
     "لم يُقرأ العمود '{0}' تواريخَ سداد الفواتير: {1} فاتورة مسددة بلا تاريخ ({2})؛ {3} تاريخ "
     "بجوار فاتورة تظهر في القائمة غير مسددة ({4})؛ أُخذت القائمة كما تذكر المفتوح، أي أرصدة "
     "اليوم في كل تاريخ"),
    (r"^column '(.*)' not read as the days invoices were paid: (\d+) paid invoice\(s\) without "
     r"a date \((.*)\); the list is taken as it states what is open, today's balances at every "
     r"date$",
     "لم يُقرأ العمود '{0}' تواريخَ سداد الفواتير: {1} فاتورة مسددة بلا تاريخ ({2})؛ أُخذت "
     "القائمة كما تذكر المفتوح، أي أرصدة اليوم في كل تاريخ"),
    (r"^column '(.*)' not read as the days invoices were paid: (\d+) date\(s\) beside an "
     r"invoice the list shows unpaid \((.*)\); the list is taken as it states what is open, "
     r"today's balances at every date$",
     "لم يُقرأ العمود '{0}' تواريخَ سداد الفواتير: {1} تاريخ بجوار فاتورة تظهر في القائمة غير "
     "مسددة ({2})؛ أُخذت القائمة كما تذكر المفتوح، أي أرصدة اليوم في كل تاريخ"),
    (r"^'(.*)' has misplaced thousands separators$", "'{0}' فواصل الآلاف فيه في غير موضعها"),
    (r"^'(.*)' is too large to be an amount$", "'{0}' أكبر من أن يكون مبلغاً"),
    (r"^'(.*)' is TRUE/FALSE, not an amount$", "'{0}' قيمة صح/خطأ وليس مبلغاً"),
    (r"^a date \((.*)\) where an amount was expected$", "تاريخ ({0}) في موضع مبلغ"),
    (r"^'(.*)' is not a whole number$", "'{0}' ليس عدداً صحيحاً"),
    (r"^'(.*)' is too large to be a count$", "'{0}' أكبر من أن يكون عدداً"),
    (r"^'(.*)' is too large to be a percentage$", "'{0}' أكبر من أن يكون نسبة مئوية"),
    (r"^'(.*)' is not a valid date$", "'{0}' ليس تاريخاً صحيحاً"),
    (r"^(.*) is not a date \(as an Excel date number it is out of range\)$",
     "{0} ليس تاريخاً (رقم تاريخ Excel خارج النطاق)"),
    (r"^'(.*)' is not a date \(expected e\.g\. 31/01/2024 or 2024-01-31\)$",
     "'{0}' ليس تاريخاً (المتوقع مثلاً 31/01/2024 أو 2024-01-31)"),
    (r"^'(.*)' is TRUE/FALSE, not a date$", "'{0}' قيمة صح/خطأ وليس تاريخاً"),
    (r"^'(.*)' is not a date$", "'{0}' ليس تاريخاً"),
    (r"^'(.*)' is not a usable date \(only years 1900 to 2261\)$",
     "'{0}' تاريخ غير قابل للاستخدام (السنوات من 1900 إلى 2261 فقط)"),
    (r"^'(.*)' is a ledger group \(under '(.*)'\), not a customer: not read$",
     "'{0}' مجموعة حسابات (تحت '{1}') وليس عميلاً: لم يُقرأ"),
    (r"^'(.*)' is a ledger group, not a customer: not read$",
     "'{0}' مجموعة حسابات وليس عميلاً: لم يُقرأ"),
    (r"^'(.*)' is not a credit limit type \(No Credit, Unlimited or Amount\): the limit is "
     r"read as it stands$", "'{0}' ليس نوع حد ائتمان (بدون ائتمان أو غير محدود أو مبلغ): قُرئ "
                            "الحد كما هو"),
    (r"^customer (.*) is on (\d+) rows \((.*)\), one per sales area \((.*)\): read as one "
     r"customer$", "العميل {0} في {1} صفوف ({2})، صف لكل منطقة مبيعات ({3}): قُرئ عميلاً واحداً"),
    (r"^customer (.*) is on (\d+) rows \((.*)\), one per sales area \((.*)\): read as one "
     r"customer; the areas differ in (.*): row (\d+)'s are read$",
     "العميل {0} في {1} صفوف ({2})، صف لكل منطقة مبيعات ({3}): قُرئ عميلاً واحداً؛ تختلف "
     "المناطق في {4}: قُرئت قيم الصف {5}"),
    (r"^'(.*)' is not a date \('(.*)' is not a month\)$",
     "'{0}' ليس تاريخاً ('{1}' ليس اسم شهر)"),
    (r"^'(.*)' is not payment terms in days \(e\.g\. 30, Net 30, 30 days\)$",
     "'{0}' ليست شروط دفع بالأيام (مثل 30 أو Net 30 أو 30 يوم)"),
    (r"^'(.*)' is not a whole number of days$", "'{0}' ليس عدداً صحيحاً من الأيام"),
    (r"^'(.*)' is an SAP payment terms key whose net days cannot be read from it: write its "
     r"days \(e\.g\. 30, Net 30\)$", "'{0}' رمز شروط دفع من SAP لا يُعرف عدد أيامه من اسمه: "
                                      "اكتب عدد الأيام (مثل 30 أو Net 30)"),
    (r"^'(.*)' is not a customer status \(Active, Hold or Closed\)$",
     "'{0}' ليست حالة عميل (نشط أو موقوف أو مغلق)"),
    (r"^(.*) is required but blank \(the sheet has no Invoice Date column\)$",
     "{0} مطلوب لكنه فارغ (الورقة ليس فيها عمود تاريخ الفاتورة)"),
    (r"^(.*) is required but blank$", "{0} مطلوب لكنه فارغ"),
    (r"^sheet '(.*)' has no Invoice Date column: (\d+) invoice date\(s\) worked out as the "
     r"(.*) less the Payment Terms \(a credit note: its own date\) \((.*)\)$",
     "الورقة '{0}' ليس فيها عمود تاريخ الفاتورة: حُسب {1} تاريخ فاتورة على أنه {2} ناقص شروط "
     "الدفع (الإشعار الدائن: تاريخه هو نفسه) ({3})"),
    (r"^sheet '(.*)' has no Invoice Date column: (\d+) invoice date\(s\) worked out as the "
     r"(.*) less the Payment Terms \((.*)\)$",
     "الورقة '{0}' ليس فيها عمود تاريخ الفاتورة: حُسب {1} تاريخ فاتورة على أنه {2} ناقص شروط "
     "الدفع ({3})"),
    (r"^sheet '(.*)' has no Invoice Date column and no Payment Terms in days for (\d+) "
     r"invoice\(s\): their invoice dates are left blank \(aged by their (.*); DSO and the "
     r"invoice date checks leave them out\) \((.*)\)$",
     "الورقة '{0}' ليس فيها عمود تاريخ الفاتورة ولا شروط دفع بالأيام لـ {1} فاتورة: تُركت "
     "تواريخها فارغة (تُعمَّر حسب {2}؛ ولا تدخل في DSO ولا في فحوص تاريخ الفاتورة) ({3})"),
    (r"^sheet '(.*)' is named like a tab ar_excel writes, but holds an invoice list \(no other "
     r"sheet does\): read as the Invoices sheet; rename it \(e\.g\. 'Invoices'\), as ar_excel "
     r"writes a tab of that name$",
     "الورقة '{0}' اسمها كاسم تبويب يكتبه ar_excel لكنها تحوي قائمة فواتير (ولا ورقة غيرها "
     "تحويها): قُرئت على أنها ورقة الفواتير؛ غيّر اسمها (مثلاً 'الفواتير') لأن ar_excel يكتب "
     "تبويباً بهذا الاسم"),
    (r"^(\d+) document\(s\) the tax authority holds as (.*) \(no valid tax invoice\): not "
     r"receivables, counted as 0 \((.*)\)$",
     "{0} مستند تعتبره الجهة الضريبية {1} (ليس فاتورة ضريبية صالحة): ليست مديونية، حُسبت "
     "صفراً ({2})"),
    (r"^(\d+) row\(s\) whose customer is not a Customer ID of (.*) read by this tax "
     r"registration number as the customer with that Tax ID$",
     "{0} صف عميلها ليس رقم عميل في {1}: قُرئ برقم التسجيل الضريبي هذا على أنه العميل "
     "صاحب هذا الرقم الضريبي"),
    (r"^(.*) '(.*)' is no document type ar_excel reads \(an invoice, a credit note, a "
     r"receipt\): (\d+) row\(s\) read with their amounts as written \((.*)\)$",
     "{0} '{1}' ليس نوع مستند يقرؤه ar_excel (فاتورة أو إشعار دائن أو تحصيل): قُرئ {2} صف "
     "بمبالغه كما كُتبت ({3})"),
    (r"^(.*) is the Excel error (\S+) \(its formula has no value\): treated as missing "
     r"\(no credit limit\)$", "{0} فيه خطأ Excel {1} (المعادلة بلا قيمة): اعتُبر فارغاً "
                              "(بلا حد ائتمان)"),
    (r"^(.*) is the Excel error (\S+) \(its formula has no value\): treated as missing "
     r"\(due by the payment terms\)$", "{0} فيه خطأ Excel {1} (المعادلة بلا قيمة): اعتُبر "
                                        "فارغاً (الاستحقاق حسب شروط الدفع)"),
    (r"^(.*) is the Excel error (\S+) \(its formula has no value\): treated as missing"
     r"(?: \(.*\))?$", "{0} فيه خطأ Excel {1} (المعادلة بلا قيمة): اعتُبر فارغاً"),
    (r"^'(.*)' read as (\S+) \(written in thousands or millions\)$",
     "'{0}' قُرئ {1} (مكتوب بالآلاف أو الملايين)"),
    (r"^(\d+) amount\(s\) written with a point before three digits read as thousands "
     r"\('(.*)' = (\S+): (\S+) has no third decimal, the point groups thousands\): (.*)$",
     "{0} مبلغاً مكتوباً بنقطة قبل ثلاثة أرقام قُرئت بالآلاف ('{1}' = {2}: ليس لـ {3} منزلة "
     "عشرية ثالثة، فالنقطة تفصل الآلاف): {4}"),
    (r"^(\d+) amount\(s\) written with a point before three digits read as decimals "
     r"\('(.*)' = (\S+), as a dinar's fils are written\), but no currency says so: it may "
     r"mean (\S+); give the row its Currency \(or the Policy its base_currency\): (.*)$",
     "{0} مبلغاً مكتوباً بنقطة قبل ثلاثة أرقام قُرئت كسوراً عشرية ('{1}' = {2}، كما تُكتب "
     "فلوس الدينار)، لكن لا عملة تدل على ذلك: قد يكون المقصود {3}؛ اذكر عملة الصف (أو "
     "base_currency في السياسة): {4}"),
    (r"^(\d+) amount\(s\) written with a point before three digits read as decimals "
     r"\('(.*)' = (\S+), as a dinar's fils are written\), but the column groups thousands "
     r"with commas without decimals \('(.*)' at (\S+)\): it may mean (\S+); type it as a "
     r"number: (.*)$",
     "{0} مبلغاً مكتوباً بنقطة قبل ثلاثة أرقام قُرئت كسوراً عشرية ('{1}' = {2}، كما تُكتب "
     "فلوس الدينار)، لكن العمود يفصل الآلاف بفواصل دون كسور ('{3}' في {4}): قد يكون "
     "المقصود {5}؛ اكتبه رقماً: {6}"),
    (r"^'(.*)' read as (\S+) \(a decimal (comma|point), as the Policy says\), but the column "
     r"mixes decimal commas \('(.*)' at (\S+)\) and points \('(.*)' at (\S+)\): it may "
     r"mean (\S+); type it as a number$",
     lambda m: f"'{m[1]}' قُرئ {m[2]} ({'بفاصلة' if m[3] == 'comma' else 'بنقطة'} عشرية كما "
               f"تقول السياسة)، لكن العمود يخلط الفاصلة العشرية ('{m[4]}' في {m[5]}) والنقطة "
               f"العشرية ('{m[6]}' في {m[7]}): قد يكون المقصود {m[8]}؛ اكتبه رقماً"),
    (r"^(\d+) date cell\(s\) read with day and month swapped back \(the cell's (\S+) as "
     r"(\S+)\): the column's typed dates are written (day|month) first \('(.*)'\) and none "
     r"of its date cells has a day above 12, as where Excel opened a CSV in the other date "
     r"order: (.*)$",
     lambda m: f"{m[1]} خلية تاريخ قُرئت بعد إعادة اليوم والشهر إلى موضعيهما ({m[2]} في الخلية "
               f"= {m[3]}): التواريخ المكتوبة نصاً في العمود تبدأ "
               f"{'باليوم' if m[4] == 'day' else 'بالشهر'} ('{m[5]}') ولا يزيد اليوم في أي خلية "
               f"تاريخ فيه على 12، كما يحدث حين يفتح Excel ملف CSV بترتيب التاريخ الآخر: {m[6]}"),
    (r"^sheet '(.*)' holds each row in one cell, its values separated by ('.'|tabs) \(a CSV "
     r"opened without being split into columns\): read split into (\d+) columns, its cells "
     r"named as Excel's Text to Columns would place them$",
     lambda m: f"الورقة '{m[1]}' تضع كل صف في خلية واحدة، قيمه مفصولة "
               f"{'بعلامات الجدولة' if m[2] == 'tabs' else 'بـ ' + m[2]} (ملف CSV فُتح دون "
               f"تقسيمه إلى أعمدة): قُرئت مقسمة إلى {m[3]} أعمدة، وعناوين خلاياها كما "
               f"يضعها أمر تحويل النص إلى أعمدة في Excel"),
    (r"^'(.*)' gives limits in thousands: (\d+) read x 1,000 \(e\.g\. (\S+)\)$",
     "'{0}' يذكر الحدود بالألف: قُرئ {1} منها مضروباً في 1,000 (مثلاً {2})"),
    (r"^(.*) is the Excel error (\S+) \(its formula has no value\), so the row cannot be used$",
     "{0} فيه خطأ Excel {1} (المعادلة بلا قيمة)، فلا يمكن استخدام الصف"),
    (r"^the row holds nothing but the Excel error (\S+) \(its formula has no value\): not read$",
     "الصف ليس فيه إلا خطأ Excel {0} (المعادلة بلا قيمة): لم يُقرأ"),
    # an Orders sheet's 'Name' of its items (io.orders_customer): before the general one
    (r"^sheet '(.*)' has no column for Customer ID: column '(.*)' \((\S+)\) names no "
     r"customer of sheet '(.*)' \('(.*)' \.\.\.\), so it is not read as the orders' customer "
     r"and the (\d+) order\(s\) are left out \(header row (\d+) has: (.*)\)$",
     "الورقة '{0}' ليس فيها عمود رقم العميل: العمود '{1}' ({2}) لا يذكر أي عميل من الورقة "
     "'{3}' ('{4}' ...)، فلا يُقرأ عميلاً للأوامر، وتُركت الأوامر وعددها {5} (صف العناوين {6} "
     "فيه: {7})"),
    (r"^sheet '(.*)' has no column for (.*) \(header row (\d+) has: (.*)\)$",
     "الورقة '{0}' ليس فيها عمود {1} (صف العناوين {2} فيه: {3})"),
    (r"^sheet '(.*)' has no Customer ID column \(column (.*) is not read as one\): each "
     r"customer's (.*) is read as its ID; name the code column 'Customer ID' to key by code$",
     "الورقة '{0}' ليس فيها عمود رقم العميل (العمود {1} لا يُقرأ كذلك): يُقرأ {2} لكل عميل "
     "رقماً له؛ سمِّ عمود الكود 'رقم العميل' ليُعرف العملاء بأكوادهم"),
    (r"^no header row found in sheet '(.*)'$", "لم يوجد صف عناوين في الورقة '{0}'"),
    (r"^(\d+) date\(s\) that read either way read month first, as the book's other dates "
     r"are written \((.*): (.*)\): set date_order on the Policy sheet if they are day first "
     r"\((.*)\)$",
     "{0} تاريخ يُقرأ بالترتيبين قُرئ الشهر فيه أولاً كما تُكتب تواريخ الملف الأخرى ({1}: "
     "{2}): اضبط date_order في ورقة السياسة إن كان اليوم فيها أولاً ({3})"),
    (r"^'(.*)' is neither Yes nor No: the account is not taken as inactive$",
     "'{0}' ليست نعم ولا لا: لا يُعد الحساب غير نشط"),
    (r"^(\d+) contact\(s\) the list marks as suppliers only, named by no invoice or receipt: "
     r"not read as customers \((.*)\)$",
     "{0} جهة اتصال تصفها القائمة بأنها مورد فقط ولا تذكرها فاتورة ولا تحصيل: لم تُقرأ عملاء "
     "({1})"),
    (r"^policy '(.*)' is the Excel error (\S+) \(its formula has no value\); the default is "
     r"used$", "السياسة '{0}' فيها خطأ Excel {1} (المعادلة بلا قيمة)؛ استُخدمت القيمة "
               "الافتراضية"),
    (r"^policy '(.*)': '(.*)' is not a number of days of 0 or more \(e\.g\. (\S+)\); the "
     r"default is used$", "السياسة '{0}': '{1}' ليس عدداً من الأيام صفراً أو أكثر (مثل {2})؛ "
                          "استُخدمت القيمة الافتراضية"),
    (r"^policy '(.*)': '(.*)' is not an amount of 0 or more \(e\.g\. (\S+)\); the default "
     r"is used$", "السياسة '{0}': '{1}' ليس مبلغاً صفراً أو أكثر (مثل {2})؛ استُخدمت القيمة "
                  "الافتراضية"),
    (r"^policy '(.*)': '(.*)' is more days than a century \(e\.g\. (.*)\); the default is used$",
     "السياسة '{0}': '{1}' أيام أكثر من قرن (مثل {2})؛ استُخدمت القيمة الافتراضية"),
    (r"^policy '(.*)': '(.*)' is not a percentage from 0 to 100 \(e\.g\. (\S+)\); the default "
     r"is used$", "السياسة '{0}': '{1}' ليس نسبة مئوية من 0 إلى 100 (مثل {2})؛ استُخدمت القيمة "
                  "الافتراضية"),
    (r"^policy '(.*)': '(.*)' is not a list of days above 0 in ascending order \(e\.g\. '(.*)'\); "
     r"the default is used$", "السياسة '{0}': '{1}' ليس قائمة أيام أكبر من صفر بترتيب تصاعدي "
                              "(مثل '{2}')؛ استُخدمت القيمة الافتراضية"),
    (r"^policy '(.*)': '(.*)' is not a list of days of 0 or more in ascending order \(e\.g\. "
     r"'(.*)'\); the default is used$", "السياسة '{0}': '{1}' ليس قائمة أيام من صفر فأكثر بترتيب "
                                        "تصاعدي (مثل '{2}')؛ استُخدمت القيمة الافتراضية"),
    (r"^policy '(.*)': '(.*)' is not a list of days of 0 or more \(e\.g\. '(.*)'\); the default "
     r"is used$", "السياسة '{0}': '{1}' ليس قائمة أيام من صفر فأكثر (مثل '{2}')؛ استُخدمت القيمة "
                  "الافتراضية"),
    (r"^policy '(.*)': '(.*)' is not a fee tolerance \(expected an amount of 0 or more and/or a "
     r"percentage from 0 to 100, e\.g\. '25 or 0\.5 %'\); the default is used$",
     "السياسة '{0}': '{1}' ليس حد فرق عمولة (المتوقع مبلغ صفر أو أكثر و/أو نسبة من 0 إلى 100، "
     "مثل '25 أو 0.5 %')؛ استُخدمت القيمة الافتراضية"),
    (r"^policy '(.*)': '(.*)' is not a currency code \(expected 3 letters, e\.g\. EGP, SAR, "
     r"USD\); the default is used$", "السياسة '{0}': '{1}' ليس رمز عملة (المتوقع 3 أحرف، مثل "
                                      "EGP أو SAR أو USD)؛ استُخدمت القيمة الافتراضية"),
    (r"^policy '(.*)': '(.*)' is not a date order \(expected 'day first' or 'month first'\); the "
     r"default is used$", "السياسة '{0}': '{1}' ليس ترتيب تاريخ (المتوقع 'اليوم أولاً' أو 'الشهر "
                          "أولاً')؛ استُخدمت القيمة الافتراضية"),
    (r"^policy '(.*)': '(.*)' is not an aging basis \(expected 'due date' or 'invoice date'\); "
     r"the default is used$", "السياسة '{0}': '{1}' ليس أساساً للأعمار (المتوقع 'تاريخ "
                              "الاستحقاق' أو 'تاريخ الفاتورة')؛ استُخدمت القيمة الافتراضية"),
    (r"^policy '(.*)': '(.*)' is not a language \(expected 'ar' or 'en'; blank: from the "
     r"workbook's headers\); the default is used$",
     "السياسة '{0}': '{1}' ليست لغة (المتوقع 'ar' للعربية أو 'en' للإنجليزية؛ الفارغ: حسب "
     "عناوين المصنف)؛ استُخدمت القيمة الافتراضية"),
    (r"^policy '(.*)': (.*); the default is used$", "السياسة '{0}': {1}؛ استُخدمت القيمة الافتراضية"),
    (r"^row (\d+) repeats the header row: not read$", "الصف {0} يكرر صف العناوين: لم يُقرأ"),
    (r"^'(.*)' row is a totals row, not a record: not read$",
     "صف '{0}' صف إجماليات وليس سجلاً: لم يُقرأ"),
    (r"^(\d+) subtotal rows \('(.*)' and the like\) are not records: not read \((.*) and "
     r"(\d+) more\)$", "{0} صفوف إجماليات فرعية ('{1}' وما يشبهه) ليست سجلات: لم تُقرأ "
                        "({2} و{3} غيرها)"),
    (r"^(\d+) subtotal rows \('(.*)' and the like\) are not records: not read \((.*)\)$",
     "{0} صفوف إجماليات فرعية ('{1}' وما يشبهه) ليست سجلات: لم تُقرأ ({2})"),
    (r"^row (\d+) holds only (\S+), the sum of the rows above it: a totals row, not a "
     r"record: not read$", "الصف {0} فيه {1} فقط، مجموع الصفوف التي فوقه: صف إجماليات وليس "
                           "سجلاً: لم يُقرأ"),
    (r"^(\d+) rows hold only the sum of the rows above them \(subtotals and totals without a "
     r"label, the first (\S+)\): not records, not read \((.*)\)$",
     "{0} صفوف فيها مجموع الصفوف التي فوقها فقط (إجماليات فرعية وكلية بلا عنوان، أولها {1}): "
     "ليست سجلات، لم تُقرأ ({2})"),
    (r"^(.*) is written only on the first row of each customer's group: (\d+) blank "
     r"cell\(s\) read as the customer above \((.*)\)$",
     "{0} مكتوب في أول صف من كل مجموعة للعميل فقط: {1} خلية فارغة قُرئت على أنها العميل الذي "
     "فوقها ({2})"),
    (r"^row (\d+) has no customer ID, only a further contact \((.*)\): read as customer (.*)'s "
     r"of row (\d+) above, the contact added to row (\d+)'s$",
     "الصف {0} بلا رقم عميل وبه جهة اتصال إضافية فقط ({1}): قُرئت للعميل {2} من الصف {3} "
     "أعلاه وأُضيفت جهة الاتصال إلى الصف {4}"),
    (r"^row (\d+) repeats customer (.*) of row (\d+) with only a further contact \((.*)\): "
     r"read as one customer, the contact added to row (\d+)'s$",
     "الصف {0} يكرر العميل {1} من الصف {2} بجهة اتصال إضافية فقط ({3}): قُرئ عميلاً واحداً "
     "وأُضيفت جهة الاتصال إلى الصف {4}"),
    (r"^one credit limit cell \((.*)\) is merged over customers (.*) \(rows (\d+)-(\d+)\): "
     r"read as each one's limit; type each customer's own limit in its row$",
     "خلية حد ائتمان واحدة ({0}) مدمجة على العملاء {1} (الصفوف {2}-{3}): قُرئت حداً لكل "
     "منهم؛ اكتب حد كل عميل في صفه"),
    (r"^limits in (.*) and none in the customer's currency \((.*)\): the (\S+) limit is "
     r"read$", "حدود بعملات {0} وليس بعملة العميل ({1}): قُرئ الحد بعملة {2}"),
    (r"^'(.*)' is a limit in (\S+), but customer (.*) is billed in (\S+): Credit Status "
     r"compares \S+ (\S+) with what it owes converted at the Policy's exchange rates$",
     "'{0}' حد بعملة {1}، لكن العميل {2} يُفوتر بعملة {3}: تقارن حالة الائتمان {1} {4} بالمستحق "
     "عليه محوّلاً بأسعار الصرف في السياسة"),
    (r"^'(.*)' is a limit in (\S+), but (?:customer (.*)|the customer()) has no currency and is "
     r"billed in the book's (\S+): Credit Status compares \S+ (\S+) with what it owes "
     r"converted at the Policy's exchange rates$",
     lambda m: f"'{m[1]}' حد بعملة {m[2]}، لكن العميل {m[3] + ' ' if m[3] else ''}بلا عملة "
               f"ويُفوتر بعملة الدفاتر {m[5]}: تقارن حالة الائتمان {m[2]} {m[6]} بالمستحق عليه "
               "محوّلاً بأسعار الصرف في السياسة"),
    (r"^'(.*)' is a limit in (\S+), but the customer is billed in (\S+): Credit Status "
     r"compares \S+ (\S+) with what it owes converted at the Policy's exchange rates$",
     "'{0}' حد بعملة {1}، لكن العميل يُفوتر بعملة {2}: تقارن حالة الائتمان {1} {3} بالمستحق "
     "عليه محوّلاً بأسعار الصرف في السياسة"),
    (r"^(\d+) review date\(s\) given as a month or a year read as its last day "
     r"\('(.*)' = (\S+)\): (.*)$",
     "{0} من تواريخ المراجعة مكتوبة شهراً أو سنة فقُرئت بآخر يوم فيها "
     "('{1}' = {2}): {3}"),
    (r"^(\d+) review date\(s\) given as a month, a quarter or a year read as its last day "
     r"\('(.*)' = (\S+)\): (.*)$",
     "{0} من تواريخ المراجعة مكتوبة شهراً أو ربع سنة أو سنة فقُرئت بآخر يوم فيها "
     "('{1}' = {2}): {3}"),
    (r"^(\d+) date\(s\) in the Hijri calendar read as Gregorian dates \('(.*)' = (\S+)\): "
     r"(.*)$", "{0} تاريخ بالتقويم الهجري قُرئ بالميلادي ('{1}' = {2}): {3}"),
    (r"^no Customer ID: the sheet has no customer column and this invoice is not in the "
     r"invoice list$", "بدون رقم عميل: الورقة ليس فيها عمود للعميل وهذه الفاتورة ليست في قائمة الفواتير"),
    (r"^'(.*)' is not in (.*): read as (.*), the same number, on (\d+) row\(s\)$",
     "'{0}' غير موجود في {1}: قُرئ على أنه {2} (نفس الرقم) في {3} صف"),
    (r"^a receipt in (\S+) names invoice (.*), which is in (\S+): none of it is applied to "
     r"\2 \(amounts are not converted\); it is held on account in \1 and \2 stays open: "
     r"write the receipt in \3 to apply it$",
     lambda m: f"تحصيل بعملة {m[1]} يذكر الفاتورة {m[2]} وعملتها {m[3]}: لم يُطبق منه شيء "
               f"على {m[2]} (لا تحويل بين العملات)؛ بقي تحت الحساب بعملة {m[1]} وبقيت "
               f"{m[2]} مفتوحة: اكتب التحصيل بعملة {m[3]} ليُطبق عليها"),
    (r"^applies credit note (.*) of the invoice list \((\S+)\): read as its use, not a "
     r"second credit$", "تطبيق لإشعار الدائن {0} من قائمة الفواتير ({1}): قُرئ استخداماً له لا "
     "دائناً ثانياً"),
    (r"^names credit note (.*) of the invoice list and no invoice it paid \((\S+)\): read as "
     r"the credit note's own record, not a payment; (.*) stays open on the account$",
     "يذكر إشعار الدائن {0} من قائمة الفواتير دون فاتورة سددها ({1}): قُرئ سجلاً لإشعار الدائن "
     "نفسه لا دفعة؛ يبقى {2} مفتوحاً على الحساب"),
    (r"^every receipt amount is negative \(receipts kept as credits\): each is read as money "
     r"received$", "كل مبالغ التحصيلات سالبة (مسجلة كدائن): قُرئ كل منها مبلغاً محصلاً"),
    (r"^(\d+) row\(s\) with no amount of their own but a credit open \((.*) below zero: a "
     r"credit note, a payment on account\) read as credits of their open amount \((.*)\)$",
     "{0} صف بلا مبلغ خاص بها لكن عليها رصيد دائن مفتوح ({1} أقل من صفر: إشعار دائن أو دفعة "
     "تحت الحساب) قُرئت دائنةً بمبلغها المفتوح ({2})"),
    (r"^the workbook has no customer list: its (\d+) customer\(s\) are the ones '(.*)' "
     r"names \(no credit limits, payment terms or tax IDs known\)$",
     "المصنف ليس فيه قائمة عملاء: عملاؤه الـ {0} هم من تذكرهم '{1}' (لا حدود ائتمان ولا شروط "
     "دفع ولا أرقام ضريبية معروفة)"),
    (r"^(\d+) sale\(s\) to the walk-in account \('(.*)'\) with no Customer ID, paid in full: "
     r"no receivable, no customer needed \((.*)\)$",
     "{0} بيع للحساب النقدي ('{1}') بلا رقم عميل، مسددة بالكامل: لا مديونية ولا حاجة إلى عميل "
     "({2})"),
    (r"^(\d+) sale\(s\) to the walk-in account with no Customer ID paid at the till \((.*)\): "
     r"not receivables, counted as 0 in the Aging and KPIs; still checked as invoices "
     r"\((.*)\)$",
     "{0} بيع للحساب النقدي بلا رقم عميل سُدد ثمنه عند البيع ({1}): ليست مديونية، حُسبت صفراً "
     "في أعمار الديون والمؤشرات؛ وتُفحص مع ذلك كفواتير ({2})"),
    (r"^(\d+) cash sale\(s\) \(paid at the sale\): not receivables nor receipts, counted as "
     r"0 \((.*)\)$",
     "{0} بيع نقدي (سُدد ثمنه عند البيع): ليست مديونية ولا تحصيلاً، حُسبت صفراً ({1})"),
    (r"^(\d+) row\(s\) of documents that never touch the receivable \((.*): a bank deposit, "
     r"a sale's money refunded at the till, an estimate or an order\): not receivables nor "
     r"receipts, counted as 0 \((.*)\)$",
     "{0} صف لمستندات لا تمس حساب العملاء ({1}: إيداع بنكي، أو رد ثمن بيع نقداً، أو عرض سعر أو "
     "أمر بيع): ليست مديونية ولا تحصيلاً، حُسبت صفراً ({2})"),
    (r"^(\d+) amount\(s\) written in another currency than their (.*) \(the first in (\S+), "
     r"its (?:.*) (\S+)\): read in the (?:.*) as written; correct whichever is wrong \((.*)\)$",
     "{0} مبلغ مكتوب بعملة غير المذكورة في {1} (أولها بـ {2} و{1} فيه {3}): قُرئت العملة من "
     "{1} كما كُتبت؛ صحّح أيهما كان خطأً ({4})"),
    (r"^sheet '(.*)' looks like an invoice list \(its header row (\d+) names (.*)\) but has no "
     r"column for (.*): not read; head those columns as the contract names them \(e\.g\. "
     r"'Amount', 'Customer ID'\)$",
     "الورقة '{0}' تبدو قائمة فواتير (صف العناوين {1} فيها يذكر {2}) لكن ليس فيها عمود {3}: لم "
     "تُقرأ؛ سمِّ هذه الأعمدة بالأسماء المعتمدة (مثلاً 'المبلغ' و'رقم العميل')"),
    (r"^the exchange rate of (\S+) is not a number above zero; (?:\S+) is given no rate from "
     r"this row$",
     "سعر صرف {0} ليس رقماً أكبر من صفر: لم يؤخذ لـ {0} سعر من هذا الصف"),
    (r"^(\d+) draft invoice\(s\) \(not posted\): not receivables, counted as 0 \((.*)\)$",
     "{0} فاتورة مسودة (غير مرحّلة): ليست مديونية، احتُسبت صفراً ({1})"),
    (r"^(\d+) document\(s\) numbered as reversals of the invoices \('(.*)'\) read as credit "
     r"notes: their amounts count negative \((.*)\)$",
     "{0} مستند مرقّم كعكس للفواتير ('{1}') قُرئ إشعاراً دائناً: مبالغه سالبة ({2})"),
    (r"^(\d+) row\(s\) hold only the lines of the invoice above them \((.*), \.\.\.\): read "
     r"as part of it, not as invoices \((.*)\)$",
     "{0} صف فيها بنود الفاتورة التي فوقها فقط ({1}، ...): عُدّت جزءاً منها لا فواتير ({2})"),
    (r"^(\d+) invoice\(s\) are written on several rows, one per line \((.*) differs, the "
     r"invoice's total the same\): each read once, (\d+) row\(s\) not counted again \((.*)\)$",
     "{0} فاتورة مكتوبة في عدة صفوف، صف لكل بند ({1} يختلف وإجمالي الفاتورة واحد): قُرئت كل "
     "منها مرة واحدة، و{2} صف لم تُحتسب ثانيةً ({3})"),
    (r"^sheets (.*) hold more invoices of '(.*)': read with it as one list \((\d+) rows\)$",
     "الأوراق {0} فيها مزيد من فواتير '{1}': قُرئت معها قائمةً واحدة ({2} صفاً)"),
    (r"^sheets (.*) hold more receipts of '(.*)': read with it as one list \((\d+) rows\)$",
     "الأوراق {0} فيها مزيد من تحصيلات '{1}': قُرئت معها قائمةً واحدة ({2} صفاً)"),
    (r"^sheet '(.*)' has the columns of '(.*)' but repeats (\d+) of its numbers \('(.*)' "
     r"\.\.\.\): a copy, not read; delete it or hide it if it is an old copy$",
     "الورقة '{0}' لها أعمدة '{1}' لكنها تكرر {2} من أرقامها ('{3}' ...): نسخة لم تُقرأ؛ "
     "احذفها أو أخفها إن كانت نسخة قديمة"),
    (r"^sheet '(.*)' is the invoice list of (\d+) \(the current one, '(.*)', runs to (\d+)\), "
     r"with no Paid or Balance column, and no receipt of the book pays one of its invoices or "
     r"is dated in \d+: kept as last year's archive, not aged as open \((\d+) invoice\(s\), "
     r"(.*) in all\); if some are still owed, carry them to '.*' or add a Balance column$",
     "الورقة '{0}' قائمة فواتير سنة {1} (والقائمة الحالية '{2}' تمتد إلى {3})، ليس فيها عمود "
     "للمسدد أو الرصيد، ولا تحصيل في الملف يسدد إحدى فواتيرها أو مؤرخ في سنتها: حُفظت أرشيفاً "
     "للسنة الماضية ولم تُعمَّر كأرصدة مفتوحة ({4} فاتورة، بإجمالي {5})؛ إن بقي منها شيء "
     "مستحق فانقله إلى '{2}' أو أضف عمود الرصيد"),
    (r"^sheet '(.*)' is the invoice list of (\d+), and nothing in the book says what is paid "
     r"\(no receipts, no Paid or Balance column\): its (\d+) invoice\(s\), (.*) in all, are "
     r"aged as still open; add a Balance column, or move the paid ones out, if they are not$",
     "الورقة '{0}' قائمة فواتير سنة {1}، ولا شيء في الملف يبين المسدد (لا تحصيلات ولا عمود "
     "للمسدد أو الرصيد): فعُمِّرت فواتيرها الـ{2} ({3} إجمالاً) على أنها ما زالت مفتوحة؛ أضف "
     "عمود الرصيد أو انقل المسدد منها إن لم تكن كذلك"),
    (r"^sheet '(.*)': (\d+) positive amount\(s\) read as credit notes \(the sheet's name\)$",
     "الورقة '{0}': {1} مبلغ موجب قُرئ إشعاراً دائناً (حسب اسم الورقة)"),
    (r"^sheet '(.*)': (\d+) invoice\(s\) read as paid in full \(the sheet's name\)$",
     "الورقة '{0}': {1} فاتورة قُرئت مسددة بالكامل (حسب اسم الورقة)"),
    (r"^(\d+) payment\(s\) paid to or by a vendor, supplier or employee, not a customer: not "
     r"read as receipts \((.*)\)$",
     "{0} دفعة من مورد أو إليه أو لموظف وليست لعميل: لم تُقرأ تحصيلات ({1})"),
    (r"^(\d+) payment\(s\) internal transfers, not a customer's: not read as receipts "
     r"\((.*)\)$", "{0} دفعة تحويلات داخلية وليست لعميل: لم تُقرأ تحصيلات ({1})"),
    (r"^(\d+) payment\(s\) drafts, cancelled or bounced, not posted: not read as receipts "
     r"\((.*)\)$", "{0} دفعة مسودة أو ملغاة أو شيك مرتد غير مرحّلة: لم تُقرأ تحصيلات ({1})"),
    (r"^(\d+) payment\(s\) cancelled, not posted: not read as receipts \((.*)\)$",
     "{0} دفعة ملغاة غير مرحّلة: لم تُقرأ تحصيلات ({1})"),
    (r"^(\d+) customer row\(s\) carry the sums of the documents listed under them: not "
     r"documents, not read; each document is its customer's \((.*)\)$",
     "{0} صف عميل يحمل مجاميع المستندات المدرجة تحته: ليست مستندات ولم تُقرأ؛ كل مستند "
     "لعميله ({1})"),
    (r"^(\d+) customer row\(s\) name only the customer of the documents listed under them: "
     r"not documents, not read; each document is its customer's \((.*)\)$",
     "{0} صف يذكر عميل المستندات المدرجة تحته فقط: ليست مستندات ولم تُقرأ؛ كل مستند "
     "لعميله ({1})"),
    (r"^(\d+) invoice\(s\) the status says are partly paid, the list giving no amount paid: "
     r"counted open in full \((.*)\)$",
     "{0} فاتورة حالتها مدفوعة جزئياً ولا تذكر القائمة المبلغ المدفوع: احتُسبت مفتوحة "
     "بكامل قيمتها ({1})"),
    (r"^(\d+) payment\(s\) sent to customers \(refunds\): read as money paid out, their "
     r"amounts negative \((.*)\)$",
     "{0} دفعة مرسلة إلى عملاء (ردّ مبالغ): قُرئت مبالغ مدفوعة لهم، بالسالب ({1})"),
    (r"^(\d+) payment\(s\) whose Method says refunds paid out to customers: read as money "
     r"paid out, their amounts negative \((.*)\)$",
     "{0} دفعة تقول طريقة الدفع إنها ردّ مبالغ للعملاء: قُرئت مبالغ مدفوعة لهم، بالسالب ({1})"),
    (r"^(\d+) payment\(s\) whose Method says cheques returned unpaid \(each takes back its "
     r"receipt\): read as money paid out, their amounts negative \((.*)\)$",
     "{0} دفعة تقول طريقة الدفع إنها شيكات مرتدة (كلٌّ منها يلغي التحصيل الذي ارتد): قُرئت "
     "بالسالب ({1})"),
    (r"^'(.*)' is (\S+) % of (.*) on every row \((.*)\): (.*) looks like the amount before "
     r"tax, and the invoices with their tax total (\S+), (\S+) more than read; (.*) is read "
     r"as each invoice's total, as written: if it is before tax, head it 'Net Amount' and the "
     r"tax is added$",
     "'{0}' تساوي {1} % من {2} في كل صف ({3}): يبدو أن {4} هو المبلغ قبل الضريبة، وإجمالي "
     "الفواتير بضريبتها {5}، أي أكثر بمقدار {6} مما قُرئ؛ قُرئ {7} إجمالياً لكل فاتورة كما "
     "كُتب: إن كان قبل الضريبة فسمِّ العمود 'الصافي' فتُضاف إليه الضريبة"),
    (r"^(\d+) payment\(s\) typed negative whose note says a cheque returned unpaid: read "
     r"as returned cheques, each taking back its receipt \((.*)\)$",
     "{0} دفعة مكتوبة بالسالب تقول ملاحظتها إن الشيك ارتد: قُرئت شيكات مرتدة، كلٌّ منها يلغي "
     "التحصيل الذي ارتد ({1})"),
    (r"^(\d+) payment\(s\) typed negative whose Method says a write-off, discount, tax "
     r"withheld or charge: read as settling what the customer owes, their amounts positive "
     r"\((.*)\)$",
     "{0} دفعة مكتوبة بالسالب تقول طريقة الدفع إنها شطب أو خصم أو ضريبة مخصومة من المنبع أو "
     "مصاريف: قُرئت تسوية تخفض ما على العميل، بالموجب ({1})"),
    (r"^(\d+) receipt\(s\) written on several rows, one per invoice paid, the receipt's "
     r"amount on each: each row read for its (.*), the receipt counted once \((.*)\)$",
     "{0} تحصيل مكتوب في عدة صفوف، صف لكل فاتورة مسددة ومبلغ التحصيل في كل منها: قُرئ كل صف "
     "بقيمة {1} وحُسب التحصيل مرة واحدة ({2})"),
    (r"^(\d+) allocation row\(s\) under their payment \(the invoice and its (.*), the "
     r"payment's own cells blank\) read as part of the payment above them \((.*)\)$",
     "{0} صف تخصيص تحت دفعته (الفاتورة وقيمة {1}، وخانات الدفعة نفسها فارغة): قُرئ جزءاً من "
     "الدفعة التي فوقه ({2})"),
    (r"^(\d+) cancelled invoice\(s\): not receivables, counted as 0 \((.*)\)$",
     "{0} فاتورة ملغاة: ليست مديونية، احتُسبت صفراً ({1})"),
    (r"^(.*) is blank: read as (.*), the customer named beside it$",
     "{0} فارغ: قُرئ على أنه {1}، العميل المذكور اسمه بجانبه"),
    (r"^a customer's name, not an ID: read as (.*) on (\d+) row\(s\)$",
     "اسم عميل وليس رقمه: قُرئ على أنه {0} في {1} صف"),
    (r"^(\d+) invoice row\(s\) are marked by a fill colour and nothing else \((.*)\): colours "
     r"are not read, so each is read as written; where a colour means paid, cancelled or "
     r"disputed, write it in a Status or Paid column$",
     "{0} صف فاتورة مُعلَّم بلون التعبئة فقط ({1}): الألوان لا تُقرأ، فقُرئ كل منها كما هو "
     "مكتوب؛ إن كان اللون يعني مسددة أو ملغاة أو متنازعاً عليها فاكتب ذلك في عمود الحالة أو "
     "المسدد"),
    (r"^(\d+) amount\(s\) kept without a currency are written with three decimals \((.*): "
     r"fils, as a dinar or rial counts them\) and nothing in the workbook names the currency: "
     r"they are counted to the cent; write it in the Currency column \(e\.g\. KWD, BHD, OMR\) "
     r"or set Base Currency on the Policy sheet \((.*)\)$",
     "{0} مبلغ بلا عملة مكتوب بثلاث خانات عشرية ({1}: فلوس، كما يُحسب الدينار أو الريال) ولا "
     "شيء في المصنف يسمي العملة: حُسبت لأقرب سنت؛ اكتبها في عمود العملة (مثل KWD أو BHD أو "
     "OMR) أو حدّد Base Currency في ورقة السياسة ({2})"),
    (r"^(\d+) amount\(s\) kept without a currency are written with three decimals \((.*): "
     r"fils, as a dinar or rial counts them\), and (.*), the only currency the workbook names, "
     r"counts cents: their currency is left blank, not read as (.*); write it in the Currency "
     r"column \(e\.g\. KWD, BHD, OMR\) or set Base Currency on the Policy sheet \((.*)\)$",
     "{0} مبلغ بلا عملة مكتوب بثلاث خانات عشرية ({1}: فلوس، كما يُحسب الدينار أو الريال)، "
     "و{2}، العملة الوحيدة المذكورة في المصنف، تُحسب بالسنتات: تُركت عملتها فارغة ولم تُقرأ "
     "{3}؛ اكتبها في عمود العملة (مثل KWD أو BHD أو OMR) أو حدّد Base Currency في ورقة "
     "السياسة ({4})"),
    (r"^(\d+) row\(s\) name a customer's job not in (.*) \('(.*)'\): read as the job's "
     r"customer, (.*) \((.*)\)$",
     "{0} صف تذكر مشروعاً لعميل ليس في {1} ('{2}'): قُرئت للعميل صاحب المشروع، {3} ({4})"),
    (r"^(\d+) invoice\(s\) the list shows paid for (.*) more than the Payments rows naming "
     r"them add up to \((.*)\): with a Payments sheet the receipts are read from it, not from "
     r"the '(.*)' column, so that part is still owed; record those receipts in Payments, or "
     r"leave the Payments sheet out to age the list by '(.*)'$",
     "{0} فاتورة تُظهرها القائمة مسددة بمبلغ {1} أكثر مما تبلغه التحصيلات المسجلة لها في ورقة "
     "التحصيلات ({2}): مع وجود ورقة التحصيلات تُقرأ التحصيلات منها لا من عمود '{3}'، فيبقى "
     "هذا الجزء مستحقاً؛ سجّل هذه التحصيلات في ورقة التحصيلات، أو احذف ورقة التحصيلات لتُحسب "
     "أعمار الديون من عمود '{4}'"),
    (r"^'(.*)' \(row (\d+)\) is a contact of '(.*)' \(row (\d+)\), as Odoo names a "
     r"company's contacts: read as customer (.*), with the documents naming it$",
     "'{0}' (الصف {1}) جهة اتصال لدى '{2}' (الصف {3})، كما يسمّي Odoo جهات اتصال الشركة: "
     "قُرئ العميل {4}، ومعه المستندات التي تذكره"),
    (r"^(\d+) row\(s\) under the Excel table '(.*)' \(rows (.*)\) are outside it: read as its "
     r"rows; extend the table to include them$",
     "{0} صف أسفل جدول Excel '{1}' (الصفوف {2}) خارج الجدول: قُرئت كصفوف منه؛ وسّع الجدول "
     "ليشملها"),
    (r"^(\d+) formula cell\(s\) were saved without their values \(the file was written by a "
     r"program, not saved by Excel\): their values were worked out from their formulas \(e\.g\. "
     r"(\S+) (.*) = (.*)\)$",
     "{0} خلية معادلات حُفظت بلا قيمها (كتب الملفَ برنامجٌ ولم يحفظه Excel): حُسبت قيمها من "
     "معادلاتها (مثلاً {1} {2} = {3})"),
    (r"^(.*) holds the formula (.*) with no saved value \(the file was written by a program, "
     r"not saved by Excel\) and (.*), (so the row cannot be used|so it is read as blank)(: the "
     r"invoice is aged under '\(not in Customers\)'|: the receipt is aged under '\(not in "
     r"Customers\)'|: the customer is left out and its "
     r"invoices are aged under '\(not in Customers\)'|, and the receipt as invoice (.*)'s "
     r"customer, (.*))?: open the workbook in Excel, save it and run again$",
     lambda m: f"{m[1]} فيه المعادلة {m[2]} بلا قيمة محفوظة (كتب الملفَ برنامجٌ ولم يحفظه "
               f"Excel) ولا تُحسب هنا ({_formula_why(m[3])})، "
               + ("فلا يمكن استخدام الصف" if m[4].endswith("used") else "فقُرئت فارغة")
               + ("" if not m[5] else "؛ فتدخل الفاتورة أعمار الديون تحت (غير مسجل في العملاء)"
                  if "invoice is aged" in m[5] else
                  "؛ فيدخل التحصيل أعمار الديون تحت (غير مسجل في العملاء)"
                  if "receipt is aged" in m[5] else
                  f"، وقُرئ التحصيل للعميل {m[7]} صاحب الفاتورة {m[6]}" if m[6] else
                  "؛ فيُستبعد العميل وتدخل فواتيره أعمار الديون تحت (غير مسجل في العملاء)")
               + ": افتح المصنف في Excel واحفظه ثم أعد التشغيل"),
    (r"^'(.*)' is payment terms, not a date: the invoice is due (\d+) days after its date, "
     r"on (\S+)$",
     "'{0}' شروط دفع وليس تاريخاً: تستحق الفاتورة بعد {1} يوماً من تاريخها، في {2}"),
    (r"^'(.*)' is not a currency \(an ISO code such as EGP, SAR or USD\): read as blank, the "
     r"invoice in its customer's currency \((.*)\)$",
     "'{0}' ليست عملة (رمزاً معتمداً مثل EGP أو SAR أو USD): قُرئت فارغة، فالفاتورة بعملة "
     "عميلها ({1})"),
    (r"^'(.*)' is not a currency \(an ISO code such as EGP, SAR or USD\): read as blank, the "
     r"receipt in the currency of the invoice it names, else its customer's \((.*)\)$",
     "'{0}' ليست عملة (رمزاً معتمداً مثل EGP أو SAR أو USD): قُرئت فارغة، فالتحصيل بعملة "
     "الفاتورة التي يذكرها، وإلا فبعملة عميله ({1})"),
    (r"^(\d+) credit limit\(s\) typed as cash only \('(.*)'\): read as no credit, a limit of 0, "
     r"so what is owed is Over Limit \((.*)\); leave the cell blank for no limit$",
     "{0} حد ائتمان مكتوب نقداً فقط ('{1}'): قُرئ بلا ائتمان، حداً قدره 0، فما على العميل "
     "يتجاوز الحد ({2})؛ اترك الخلية فارغة إن لم يكن هناك حد"),
    (r"^'(.*)' is a credit note \((\S+)\), not an invoice: the receipt of (\S+) is held on "
     r"account, unapplied, beside it; if it is the credit refunded to the customer, type it "
     r"negative$",
     "'{0}' إشعار دائن ({1}) وليس فاتورة: التحصيل البالغ {2} محفوظ على الحساب غير مطبق "
     "بجانبه؛ إن كان ردّاً لقيمة الإشعار إلى العميل فاكتبه بالسالب"),
    (r"^'(.*)' is a credit note \((\S+)\), not an invoice: the (.+) of (\S+) is held on "
     r"account, unapplied, beside it; name the invoice it settles$",
     "'{0}' إشعار دائن ({1}) وليس فاتورة: التسوية ({2}) البالغة {3} محفوظة على الحساب غير "
     "مطبقة بجانبه؛ اكتب رقم الفاتورة التي تسويها"),
    (r"^'(.*)' is a receipt of the invoice list \((\S+)\), not an invoice: the receipt of "
     r"(\S+) is held on account, unapplied, beside it; if both record the same money, "
     r"delete one of them$",
     "'{0}' سند قبض في قائمة الفواتير ({1}) وليس فاتورة: التحصيل البالغ {2} محفوظ على الحساب "
     "غير مطبق بجانبه؛ إن كانا يسجلان المبلغ نفسه فاحذف أحدهما"),
    (r"^'(.*)' is not in the invoice list: the receipt is held on account, unapplied, until "
     r"its invoice number is corrected \(the same customer's invoice (.*) is one keystroke "
     r"away\)$",
     "'{0}' غير موجود في قائمة الفواتير: التحصيل محفوظ على الحساب غير مطبق حتى يُصحَّح رقم "
     "فاتورته (فاتورة العميل نفسه {1} على بعد حرف واحد)"),
    (r"^'(.*)' is not in the invoice list: the receipt is held on account, unapplied, until "
     r"its invoice number is corrected$",
     "'{0}' غير موجود في قائمة الفواتير: التحصيل محفوظ على الحساب غير مطبق حتى يُصحَّح رقم "
     "فاتورته"),
    # a ledger kept a sheet per customer (``customer_sheets``), its running balance's
    # brought and carried forward rows (``opening_balances``), rows hidden (``hidden_rows``)
    (r"^no Invoices sheet: (\d+) sheet\(s\) each holding one customer's account read as the "
     r"invoice list, each sheet's customer from its title \(the cell given\) or its name "
     r"\((.*)\)$",
     "لا ورقة للفواتير: قُرئت {0} ورقة، كل منها حساب عميل واحد، على أنها قائمة الفواتير، وعميل "
     "كل ورقة من عنوانها (الخلية المذكورة) أو من اسمها ({1})"),
    (r"^sheet '(.*)' is laid out like the other customers' sheets \(header row (\d+)\) but "
     r"neither its name nor its title names a customer of the list: not read; write the "
     r"customer's ID in its title$",
     "الورقة '{0}' مرتبة كأوراق العملاء الأخرى (صف العناوين {1}) لكن لا اسمها ولا عنوانها "
     "يذكر عميلاً من القائمة: لم تُقرأ؛ اكتب كود العميل في عنوانها"),
    (r"^opening balance '(.*)' read as one open item of its balance, (\S+) \(nothing under "
     r"Debit or Credit\): the balance owed from before the ledger's first entry"
     r"(?: \(undated: aged from that entry's date, (\S+)\))?$",
     lambda m: f"الرصيد الافتتاحي '{m[1]}' قُرئ بنداً مفتوحاً واحداً برصيده {m[2]} (لا شيء "
               f"تحت مدين أو دائن): المستحق من قبل أول قيد في الدفتر" + _undated(m[3])),
    (r"^opening balance '(.*)' read as one open item of (\S+): the balance owed from before "
     r"the ledger's first entry(?: \(undated: aged from that entry's date, (\S+)\))?$",
     lambda m: f"الرصيد الافتتاحي '{m[1]}' قُرئ بنداً مفتوحاً واحداً بمبلغ {m[2]}: المستحق من "
               f"قبل أول قيد في الدفتر" + _undated(m[3])),
    (r"^opening balance '(.*)' on row (\d+) gives no amount \(no debit, credit or balance\): "
     r"not read$",
     "الرصيد الافتتاحي '{0}' في الصف {1} بلا مبلغ (لا مدين ولا دائن ولا رصيد): لم يُقرأ"),
    (r"^sheet '(.*)' has no document number column: each entry is known by its '(.*)' "
     r"\(column ([A-Z]+)\)$",
     "الورقة '{0}' ليس فيها عمود لرقم المستند: يُعرف كل قيد بـ'{1}' (العمود {2})"),
    (r"^the ledger's first balance (\S+) is not its first entry's (\S+): (\S+) brought "
     r"forward has no row of its own and is not read; add a 'Balance b/f' row$",
     "أول رصيد في الدفتر {0} لا يساوي أول قيد فيه {1}: {2} رصيد مُرحّل بلا صف خاص به فلم "
     "يُقرأ؛ أضف صف 'رصيد أول المدة'"),
    (r"^running balance (\S+) does not follow from the balance above \((\S+)\) and this "
     r"row's debit less credit \((\S+)\): (\S+) unaccounted for; check the rows between$",
     "الرصيد الجاري {0} لا ينتج عن الرصيد السابق ({1}) ومدين هذا الصف ناقص دائنه ({2}): "
     "{3} بلا تفسير؛ راجع الصفوف بينهما"),
    (r"^sheet '(.*)' keeps its receipts beside its invoices \(from column ([A-Z]+)\): read "
     r"as the receipts, the columns before as the invoices$",
     "الورقة '{0}' تحفظ التحصيلات بجانب الفواتير (من العمود {1}): قُرئت تحصيلاتٍ، والأعمدة "
     "قبلها فواتير"),
    (r"^sheet '(.*)' holds its header only: the customers' sheets are read instead$",
     "الورقة '{0}' ليس فيها إلا صف العناوين: قُرئت أوراق العملاء بدلاً منها"),
    (r"^'(.*)' restates the account's balance: (\d+) closing balance row\(s\) not read as "
     r"records \(row (.*)\)$",
     "'{0}' يعيد ذكر رصيد الحساب: {1} صف رصيد ختامي لم تُقرأ سجلات (الصف {2})"),
    (r"^columns (.*) both give the (.*) and differ on (\d+) row\(s\): column ([A-Z]+) is "
     r"read \(the other is hidden in Excel\); delete or rename the other$",
     "العمودان {0} يعطيان {1} ويختلفان في {2} صف: قُرئ العمود {3} (الآخر مخفي في Excel)؛ "
     "احذف الآخر أو غيّر اسمه"),
    (r"^columns (.*) both give the (.*) and differ on (\d+) row\(s\): column ([A-Z]+) is "
     r"read \(the surer header, the leftmost\); delete or rename the other$",
     "العمودان {0} يعطيان {1} ويختلفان في {2} صف: قُرئ العمود {3} (عنوانه أدق، أو هو الأول)؛ "
     "احذف الآخر أو غيّر اسمه"),
    (r"^(\d+) row\(s\) of sheet '(.*)' are hidden by the sheet's filter \(AutoFilter\): read "
     r"like every other row \(a filter is a view; the figures count them all\): rows (.*)$",
     "{0} صفاً في الورقة '{1}' مخفية بفلتر الورقة (AutoFilter): قُرئت كسائر الصفوف (الفلتر "
     "طريقة عرض؛ والأرقام تحسبها كلها): الصفوف {2}"),
    (r"^(\d+) row\(s\) of sheet '(.*)' are hidden \(by hand or in a collapsed group\): read "
     r"like every other row \(a filter is a view; the figures count them all\): rows (.*)$",
     "{0} صفاً في الورقة '{1}' مخفية (يدوياً أو في مجموعة مطوية): قُرئت كسائر الصفوف (الفلتر "
     "طريقة عرض؛ والأرقام تحسبها كلها): الصفوف {2}"),
    (r"^(\d+) receipts name invoices that are not in the invoice list \((.*)\): held on "
     r"account, unapplied\. If the invoice list holds open invoices only, the receipts of the "
     r"paid ones do not belong beside it$",
     "{0} تحصيلاً تذكر فواتير غير موجودة في قائمة الفواتير ({1}): محفوظة على الحساب غير "
     "مطبقة. إن كانت القائمة للفواتير المفتوحة فقط، فتحصيلات الفواتير المسددة لا مكان لها "
     "بجانبها"),
    (r"^'(.*)' \(the local currency\) read as (\S+), the company's currency on the Policy "
     r"sheet: (.*)$", "'{0}' (العملة المحلية) قُرئت {1}، عملة الشركة في ورقة السياسة: {2}"),
    (r"^'(.*)' \(the local currency\) read as (\S+), the one currency the workbook's rows "
     r"state: (.*)$", "'{0}' (العملة المحلية) قُرئت {1}، العملة الوحيدة التي تذكرها صفوف "
     "المصنف: {2}"),
)]


def _undated(day: str | None) -> str:
    """An opening balance without a date, aged from the first entry after it."""
    return f" (بلا تاريخ: يُعمَّر من تاريخ ذلك القيد {day})" if day else ""


def _formula_why(why: str) -> str:
    """Why a formula saved without its value was not worked out (``io.uncalculated``)."""
    for pattern, arabic in ((r"^it uses (.*), which is not worked out here$", "تستخدم {0}"),
                            (r"^it names (.*), which is not worked out here$", "تذكر {0}"),
                            (r"^it refers to itself$", "تشير إلى نفسها"),
                            (r"^it divides by zero \(#DIV/0!\)$", "فيها قسمة على صفر (#DIV/0!)"),
                            (r"^it counts with the text (.*)$", "تحسب بالنص {0}")):
        m = re.match(pattern, why)
        if m:
            return arabic.format(*m.groups())
    return why


def arabic_message(message: str) -> str:
    """The Arabic wording of a reader message (or of the statement importer's:
    ``bank_messages_ar``, or of a job's own issue: ``wording_ar.JOB_ISSUES``), or the message
    as it is."""
    found = apply_rules(_PATTERNS, message)
    if found is not None:
        return found
    from ar_excel.io.clerk_messages_ar import arabic_clerk_message

    found = arabic_clerk_message(message)
    if found is not None:
        return found
    from ar_excel.io.bank_messages_ar import arabic_bank_message

    found = arabic_bank_message(message)
    if found is not None:
        return found
    from ar_excel.io.wording_ar import arabic_job_issue

    return arabic_job_issue(message)


# Where a statement file's issue is: a row, line, entry or statement of the file (it has no
# cell of the workbook), named in Arabic
_PLACES = {"row": "الصف", "line": "السطر", "entry": "القيد", "statement": "الكشف"}
_PLACE = re.compile(r"(row|line|entry|statement) (\S+)")


def arabic_place(cell: object) -> object:
    """'row 14' -> 'الصف 14', 'statement 1' -> 'الكشف 1'; a cell address as it is."""
    m = _PLACE.fullmatch(cell) if isinstance(cell, str) else None
    return f"{_PLACES[m[1]]} {m[2]}" if m else cell


def arabic_field(column: object, cell: object) -> object:
    """The field of a whole statement's issue (its balance) in Arabic: the importer's own
    name for it (Balance الرصيد). A row's column is named as its file writes it, and a
    format's tag (:61:, BALAMT) as the file does."""
    from ar_excel.io.labels_ar import LABELS

    if isinstance(cell, str) and cell.startswith("statement ") and isinstance(column, str):
        return LABELS.get(column, column)
    return column
