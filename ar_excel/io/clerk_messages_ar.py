"""Arabic wording of the reader's messages about what clerks type their own way (rows
numbered ahead aside, which are set aside in silence): a percentage column typed both ways
(``percent_columns``), a bare 'دينار' (``dinars``), a ditto in the customer column
(``ditto_customers``), a date typed without its year (``yearless_dates``), the amount owed
read from the net column (``net_payable``). Kept apart from ``messages_ar``'s table, whose every pattern its test
holds to a message of its own workbooks; these are held to theirs in
``tests/test_h183_clerk_books.py``."""

from __future__ import annotations

from ar_excel.io.cells_named import arabic_more
from ar_excel.io.wording_rules import Rule, apply_rules, arabic_commas, rules

_WHOSE = (
    (r"customer (.*)'s own currency is written '(.*)' too", "عملة العميل {0} نفسها مكتوبة '{1}' أيضاً"),
    (r"customer (.*)'s currency is (.*)", "عملة العميل {0} هي {1}"),
    (r"the company's currency is (.*)", "عملة الشركة هي {0}"),
    (r"neither the customer's currency nor the company's says which",
     "لا عملة العميل ولا عملة الشركة تحدد أياً منها"),
)

RULES: list[Rule] = rules(
    (r"(\d+) percentage\(s\) typed as fractions read as percentages, '(.*)' as (.*) %, as the "
     r"column's numbers \((.*) at (\S+) is (.*) %\) \((.*)\)",
     "{0} نسبة مكتوبة ككسور قُرئت نسباً مئوية، '{1}' على أنها {2}٪، كأرقام العمود ({3} في {4} "
     "هي {5}٪) ({6})"),
    (r"(\d+) percentage\(s\) typed as fractions read as percentages, '(.*)' as (.*) %, as the "
     r"column's percentages written with their sign \('(.*)' at (\S+)\) \((.*)\)",
     "{0} نسبة مكتوبة ككسور قُرئت نسباً مئوية، '{1}' على أنها {2}٪، كنسب العمود المكتوبة "
     "بعلامتها ('{3}' في {4}) ({5})"),
    (r"(\d+) percentage\(s\) typed as a fraction beside whole percentages \((.*) at (\S+)\): "
     r"read as typed, '(.*)' as (.*) %, which may be meant as (.*) %; write it with its % "
     r"sign \((.*)\) \((.*)\)",
     "{0} نسبة مكتوبة ككسر بجانب نسب مئوية صحيحة ({1} في {2}): قُرئت كما كُتبت، '{3}' على أنها "
     "{4}٪، وقد يكون المقصود {5}٪؛ اكتبها بعلامة ٪ ({6}) ({7})"),
    (r"(\d+) date\(s\) typed without a year read in the year of the dates around them "
     r"\('(.*)' = (.*)\) \((.*)\)",
     "{0} تاريخ مكتوب بلا سنة قُرئ بسنة التواريخ المحيطة به ('{1}' = {2}) ({3})"),
    (r"(\d+) row\(s\) numbered ahead hold nothing but their number and the figures of the "
     r"row above carried down \(a formula copied down\): not read \((.*)\)",
     "{0} صف مرقم مسبقاً ليس فيه إلا رقمه وأرقام الصف الذي فوقه منسوخة (صيغة مسحوبة لأسفل): "
     "لم يُقرأ ({1})"),
    (r"the invoices' amounts owed are read from '(.*)', which is '(.*)' less '(.*)' plus "
     r"'(.*)' on every row, not from '(.*)'",
     "قُرئت المبالغ المستحقة على الفواتير من '{0}'، وهو '{1}' ناقص '{2}' زائد '{3}' في كل "
     "صف، لا من '{4}'"),
    (r"the invoices' amounts owed are read from '(.*)', which is '(.*)' less '(.*)' on every "
     r"row, not from '(.*)'",
     "قُرئت المبالغ المستحقة على الفواتير من '{0}'، وهو '{1}' ناقص '{2}' في كل صف، لا من "
     "'{3}'"),
    (r"'(.*)' \(a ditto\) read as the customer above, (.*)",
     "'{0}' (علامة تكرار) قُرئت على أنها العميل الذي فوقها، {1}"),
    (r"(.*) is blank between two rows of customer (.*) \(rows (\d+) and (\d+)\): read as "
     r"(.*), as a ditto; write the customer if the invoice is another's",
     "{0} فارغ بين صفين للعميل {1} (الصفان {2} و{3}): قُرئ {4} تكراراً لما فوقه؛ اكتب العميل "
     "إن كانت الفاتورة لعميل آخر"),
)


def _dinar(text: str) -> str | None:
    import re

    m = re.fullmatch(r"'(.*)' names no one currency: a dinar may be (.*), and (.*): read as "
                     r"blank, the invoice in its customer's currency; write the code, e\.g\. "
                     r"KWD \((.*)\)", text)
    if m is None:
        return None
    whose = apply_rules(rules(*_WHOSE), m[3])
    if whose is None:
        return None
    codes = arabic_commas(m[2].replace(" or ", " أو "))
    return arabic_more(f"'{m[1]}' لا تدل على عملة واحدة: الدينار قد يكون {codes}، و{whose}: قُرئت فارغة، "
            f"الفاتورة بعملة عميلها؛ اكتب الرمز، مثل KWD ({m[4]})")


def arabic_clerk_message(message: str) -> str | None:
    """The Arabic of one of these messages, or None."""
    found = apply_rules(RULES, message)
    return found if found is not None else _dinar(message)
