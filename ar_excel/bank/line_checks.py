"""What a statement's lines say about themselves once read: lost signs, the running balance.

The rule: a file whose every amount is positive, with nothing to tell money out from money in
(no debit/credit column or mark, no running balance, no stated balances), has lost its signs
where some narratives read like payments out: said, with those rows. Where the lines print a
running balance, each line must move it by its amount (rows already reported as left out
explain a gap); a multi-currency account (Wise, Revolut) runs one balance per currency.
"""

from __future__ import annotations

import re
from typing import Any

import pandas as pd

from ar_excel.bank.row_issues import RowIssues
from ar_excel.bank.statement import StatementBalance, check_running_balance
from ar_excel.model import Issue

# narratives of money going out: a statement whose every amount is positive and unsigned
# but has these lines has lost its signs
_MONEY_OUT = re.compile(
    r"(?i)\b(fees?|charges?|commission|withdrawal|atm|pos purchase|direct debit|standing order|"
    r"cheque paid|chq paid|check paid|outward|payment to|transfer to)\b|عمولة|عمولات|مصاريف|"
    r"رسوم|سحب|خصم|صادر")


def payments_out_read_as_money_in(lines: pd.DataFrame, cols: dict[str, int],
                                  balances: StatementBalance, report: RowIssues) -> list[Issue]:
    """Where every amount is positive and nothing tells money out from money in, the lines
    whose narrative reads like a payment out, in one issue: the file lost its signs."""
    if ("Amount" in cols and not {"_sign", "Debit", "Credit", "Balance"} & set(cols)
            and not (balances.opening is not None and balances.closing is not None)
            and len(lines) >= 2 and (lines["Amount"] > 0).all()):
        outgoing = [int(no) for no, text in zip(lines["Line No"], lines["Description"],
                                                strict=True) if text and _MONEY_OUT.search(text)]
        if outgoing:
            name = report.column_name(cols["Amount"], "Amount")
            named = ", ".join(map(str, outgoing[:10])) + (" ..." if len(outgoing) > 10 else "")
            return [Issue(report.source, "", name, len(outgoing), (
                f"every amount is positive and nothing in the file tells money out from money "
                "in (no debit/credit column or mark, no running balance, no stated balances), "
                f"so every line was read as money in, though rows {named} read like payments "
                "out (fees, cheques paid, withdrawals). Export the statement with debit and "
                "credit columns or signed amounts"))]
    return []


def running_balance_checked(lines: pd.DataFrame, cols: dict[str, int],
                            page_numbers: list[tuple[int, Any]], report: RowIssues
                            ) -> list[Issue]:
    """The running balance checked line by line, across the rows already reported as left
    out (in ``report``; a page number's row, of ``page_numbers``, is no line left out), each
    break at its line's Balance cell; on a multi-currency account each currency runs its own
    balance."""
    left_out = report.rows_reported() - {report.numbers[p] for p, _ in page_numbers}
    name = report.column_name(cols["Balance"], "") or "Balance"

    def place(row: int) -> str:
        return report.cell_of_row(row, cols["Balance"])

    currencies = lines["Currency"].dropna().unique().tolist()
    if len(currencies) > 1 and lines["Currency"].notna().all():
        found = []
        for ccy in sorted(currencies):
            found += check_running_balance(lines[lines["Currency"] == ccy].reset_index(
                drop=True), report.source, name, left_out, place)
        return found
    return check_running_balance(lines, report.source, name, left_out, place)
