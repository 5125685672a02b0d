"""The dunning letters themselves: subject, greeting, paragraphs and the open items listed.

Rule: a letter lists every open item of the customer in that currency — invoices (with their
days overdue), credit notes and payments on account — so the customer sees the same balance
we do, then the total overdue still to collect and the account balance. The wording depends
on the level (``texts.BODIES``); a firm reminder to a customer never written to before (no
letter in the Dunning History) does not speak of an earlier reminder. A customer on a
payment plan gets the plan reminder and the plan's instalments instead. The language is the
customer's (``language.letter_language``).
A running ledger's balance brought forward (``entries.opening_rows``) is listed as such
("Balance b/f", رصيد مرحل, as on the customer's statement), not as an invoice: it is what the
customer owed before the ledger starts; it is chased all the same (its due date and days).
Amounts are written in the currency's minor units: a KWD, BHD, OMR or JOD letter shows fils
(``1,234.567 KWD``), as the customer's own books do.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd

from ar_excel.core.arabic_counts import agree_days
from ar_excel.core.collections import texts
from ar_excel.core.collections.disputes import is_disputed
from ar_excel.core.collections.language import format_date, format_money
from ar_excel.core.money import decimals_of
from ar_excel.model import ROW

BROUGHT_FORWARD = "_brought_forward"  # the open items' column: True for a balance b/f


@dataclass
class Letter:
    customer_id: str
    customer: str | None
    email: str | None
    language: str  # "ar" | "en"
    level: int  # 0 for a payment-plan reminder
    subject: str
    greeting: str
    paragraphs: list[str]
    headers: list[str]
    rows: list[list[str]]  # the table, already formatted as text
    totals: list[tuple[str, str]] = field(default_factory=list)
    closing: str = ""
    currency: str | None = None

    @property
    def rtl(self) -> bool:
        return self.language == "ar"

    def text(self) -> str:
        """Plain-text body (columns separated by `` | ``)."""
        parts = [self.greeting, "", *[p + "\n" for p in self.paragraphs]]
        parts.append(" | ".join(self.headers))
        parts += [" | ".join(r) for r in self.rows]
        parts.append("")
        parts += [f"{label}: {value}" for label, value in self.totals]
        parts += ["", self.closing]
        return "\n".join(parts).strip() + "\n"


def mark_brought_forward(items: pd.DataFrame, invoices: pd.DataFrame) -> pd.DataFrame:
    """``items`` (``ledger.open_items``) with ``BROUGHT_FORWARD``: True for an open invoice
    item that is a running ledger's balance brought forward (its Invoices row, by sheet row
    and number, is one of ``entries.opening_rows``)."""
    from ar_excel.core.entries import opening_rows

    flags = opening_rows(invoices) if len(invoices) else None
    if flags is None or not flags.any() or ROW not in invoices or ROW not in items:
        return items.assign(**{BROUGHT_FORWARD: False})
    opening = invoices[flags]
    keys = set(zip(opening[ROW], opening["Invoice No"].astype(str), strict=True))
    marked = [kind == "Invoice" and (row, str(doc)) in keys for kind, row, doc in zip(
        items["Item Type"], items[ROW], items["Document No"], strict=True)]
    return items.assign(**{BROUGHT_FORWARD: marked})


def dunning_letter(row: dict, items: pd.DataFrame, levels: int,
                   signature: str | None = None, several_currencies: bool = False,
                   oldest_days: int | None = None) -> Letter:
    """The letter for one Dunning row (``Letter`` TRUE, Level > 0).

    ``items`` are the customer's open items in that currency (``ledger.open_items`` rows), in
    the order to list them (the job sorts them by due date). ``several_currencies``: the
    customer has a Dunning row in another currency too, so the subject names the account's
    currency ("account C1 (USD)"): two letters of one day would otherwise read alike in the
    customer's inbox and the sender's. ``oldest_days``: the days past due of the oldest
    invoice the letter asks for (after credits on account), which it names ("the oldest 92
    days past due"); without it, the row's Days Overdue (its level's invoice, which may be
    younger than a small remainder the table lists).
    """
    lang = row.get("Language") or "en"
    kind = texts.letter_kind(int(row["Level"]), levels)
    ccy = row.get("Currency")
    name = _text(row.get("Customer")) or row["Customer ID"]
    # a firm reminder to a customer we have not written to before claims no earlier reminder
    never_written = pd.isna(row.get("Last Letter")) and not row.get("Last Level")
    wording = "2_first" if kind == 2 and never_written else kind
    body = texts.BODIES[lang][wording].format(
        total=format_money(row["Amount To Collect"], ccy),
        days=int(row["Days Overdue"] if oldest_days is None else oldest_days))
    if lang == "ar":  # 'متأخرة 8 أيام', not '8 يوماً' (arabic_counts)
        body = agree_days(body)
    types = texts.ITEM_TYPES[lang]
    places = decimals_of(ccy)  # the table's amounts in the letter's currency, without its code
    table = []
    disputed = is_disputed(items)
    brought = items[BROUGHT_FORWARD].fillna(False).astype(bool) if BROUGHT_FORWARD in items \
        else pd.Series(False, index=items.index)
    for doc, kind_, when, due, dpd, amount, held, before in zip(
            items["Document No"], items["Item Type"], items["Date"], items["Due Date"],
            items["Days Past Due"], items["Open Amount"], disputed, brought, strict=True):
        overdue = kind_ == "Invoice" and dpd is not None and not pd.isna(dpd) and dpd > 0
        label = texts.DISPUTED_ITEM[lang] if held else \
            types["Balance Brought Forward"] if before else types.get(kind_, kind_)
        table.append(["" if doc is None else str(doc), label,
                      format_date(when), format_date(due) if kind_ == "Invoice" else "",
                      str(int(dpd)) if overdue else "", format_money(amount, places=places)])
    words = texts.TOTALS[lang]
    account = f"{row['Customer ID']} ({ccy})" if several_currencies and ccy \
        else row["Customer ID"]
    return Letter(
        customer_id=str(row["Customer ID"]), customer=_text(row.get("Customer")),
        email=_text(row.get("Email")), language=lang, level=int(row["Level"]),
        subject=texts.SUBJECTS[lang][wording].format(cid=account),
        greeting=texts.GREETING[lang].format(name=name),
        paragraphs=[body], headers=texts.ITEM_HEADERS[lang], rows=table,
        totals=[(words["overdue"], format_money(row["Amount To Collect"], ccy)),
                (words["balance"], format_money(row["Open Balance"], ccy))],
        closing=texts.CLOSING[lang].format(signature=signature or texts.SIGNATURE[lang]),
        currency=ccy,
    )


def plan_letter(row: dict, reminder: dict, schedule: pd.DataFrame,
                signature: str | None = None) -> Letter:
    """The payment-plan reminder for one customer: the instalment due, and the plan's table."""
    lang = row.get("Language") or "en"
    ccy = reminder.get("Currency")
    wording, several = texts.plan_reminder_wording(reminder)
    body = texts.BODIES[lang][wording].format(
        n=int(reminder["Instalment"]), count=int(reminder["Of"]),
        amount=format_money(reminder["Amount"], ccy), date=format_date(reminder["Due Date"]),
        open=format_money(reminder["Outstanding"], ccy),
        total=format_money(reminder.get("Overdue Total"), ccy),
        numbers=texts.numbers_list(several, lang))
    status = texts.PLAN_STATUS[lang]
    places = decimals_of(ccy)
    plan = schedule[schedule["Plan"] == reminder["Plan"]].sort_values("Instalment")
    table = [[f"{int(r['Instalment'])}/{int(r['Of'])}", format_date(r["Due Date"]),
              format_money(r["Amount"], places=places),
              format_money(r["Paid Amount"], places=places),
              format_money(r["Outstanding"], places=places), status.get(r["Status"], r["Status"])]
             for r in plan.to_dict("records")]
    name = _text(row.get("Customer")) or row["Customer ID"]
    return Letter(
        customer_id=str(row["Customer ID"]), customer=_text(row.get("Customer")),
        email=_text(row.get("Email")), language=lang, level=0,
        subject=texts.SUBJECTS[lang]["plan"].format(cid=row["Customer ID"]),
        greeting=texts.GREETING[lang].format(name=name), paragraphs=[body],
        headers=texts.PLAN_HEADERS[lang], rows=table,
        totals=[(texts.TOTALS[lang]["balance"], format_money(row["Open Balance"], ccy))],
        closing=texts.CLOSING[lang].format(signature=signature or texts.SIGNATURE[lang]),
    )


def _text(value: object) -> str | None:
    """A cell's text, or None for a blank (None / NaN) cell."""
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return None
    return str(value).strip() or None
