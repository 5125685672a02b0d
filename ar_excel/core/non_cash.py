"""Non-cash settlements recorded in Payments: write-offs, discounts, tax withheld, charges.

A receipt short-paid by the bank's charges or an early-payment discount, or paid less income
tax withheld at source, leaves the invoice open for the difference until the books record an
adjustment. Excel AR books record it where the receipts are: a Payments row against the
invoice whose Method says what it is (``Write-off``, ``Discount``, ``Withholding Tax``,
``شطب``, ``خصم تعجيل دفع``, ``ضريبة خصم من المنبع``...). Such a row settles the invoice
like a receipt (the ledger applies it), but no money came in with it:

* book-to-bank never looks for it on the bank statement, and it is never an "unbanked
  receipt";
* the KPIs' Receipts (cash collected) and the customers' payment behaviour leave it out;
* a customer statement shows it as an adjustment, not a receipt.

The Method's words decide; a Payments sheet without a Method column is all cash, as before.
"""

from __future__ import annotations

import re

import pandas as pd

from ar_excel.core.entries import CREDIT_NOTE_WORDS, per_distinct

# Words of a non-cash Method, English and Arabic. "Cash discount" / "خصم نقدي" is a discount
# (the words of the adjustment win over those of the instrument).
_NON_CASH = re.compile(
    r"write[\s-]*offs?|\bw/o\b|discount|allowance|withh?(?:old|eld)|\bwht\b|\btds\b|bank charge"
    r"|\bcharges\b|commission|" + CREDIT_NOTE_WORDS + r"|adjustment|bad debt|rounding"
    r"|شطب|خصم|ضريب|عمول|مصاريف بنكي|رسوم بنكي|تسوي|معدوم|فرق تقريب",
    re.IGNORECASE)


# Of those, the words that may go either way: an adjustment, a rounding difference, a credit
# note's use (taken back off the credit note as a negative row, ``entries``), a reversal, a
# write-off or charge undone (a bad debt recovered or reinstated, written back, refunded), and
# a charge the company bills the customer (late payment, interest, penalty, delivery): typed
# negative, such a row puts a debt on the account, and read positive it settled it instead.
_EITHER_WAY = re.compile(
    CREDIT_NOTE_WORDS + r"|adjustment|rounding|revers|cancel|recover|reinstat|refund"
    r"|writ(?:e|ten)[\s-]*back|\blate\b|interest|penalt|finance charge|delivery|freight"
    r"|shipping|تسوي|فرق تقريب|عكس|إلغاء|الغاء|ملغ|سترد|إعادة|اعادة"
    r"|غرام|فوائد|فائدة", re.IGNORECASE)


def settles_only(method: object) -> bool:
    """Whether a Payments row's Method names a settlement that only ever lowers what the
    customer owes (a write-off, discount, tax withheld, bank charge): typed negative, as a
    deduction is on a voucher, it is the same settlement, not money paid out."""
    return is_non_cash_method(method) and _EITHER_WAY.search(str(method)) is None


def is_non_cash_method(method: object) -> bool:
    """Whether a Payments row's Method names a settlement that is not money received."""
    return isinstance(method, str) and _NON_CASH.search(method) is not None


def non_cash(payments: pd.DataFrame) -> pd.Series:
    """Per row of ``payments``: True for a write-off, discount, tax withheld or charge."""
    if "Method" not in payments:
        return pd.Series(False, index=payments.index)
    return per_distinct(payments["Method"], is_non_cash_method).fillna(False).astype(bool)
