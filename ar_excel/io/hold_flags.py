"""A customer list's "on hold" flag column (Sage's ``On Hold``, ``Account On Hold``, ``Credit
Hold``, ``موقوف``: Yes / No; Business Central's ``Blocked``: Ship, Invoice or All) beside or
instead of a Status column. A customer flagged is on Hold, as a Status of Hold says: the
credit job holds it, the invoice checks call it blocked. A closed customer stays Closed. A flag that is neither a yes nor a no is reported at its cell
and leaves the status as it stands.

Dynamics' Blocked says what the account is blocked for. Business Central's customer values are
blank, Ship, Invoice and All; Dynamics 365 Finance adds No, Never (never blocked, not even for
inactivity), Payment and Requisition. Ship, Invoice and All stop new sales: Hold. Payment
blocks only payment transactions (the customer can still be sold to and invoiced) and
Requisition is a vendor's value: neither puts a customer on credit hold, and neither is an
error."""

from __future__ import annotations

from collections.abc import Callable

import pandas as pd

from ar_excel.model import Issue
from ar_excel.parsing import is_blank

_YES = frozenset({"yes", "y", "true", "1", "x", "✓", "✔", "hold", "on hold", "blocked", "stop",
                  "on stop", "نعم", "موقوف", "ايقاف", "إيقاف", "محظور", "معلق",
                  # Business Central's Blocked: what the customer is blocked for
                  "ship", "invoice", "all"})
_NO = frozenset({"no", "n", "false", "0", "-", "لا", "active", "نشط", "open",
                 # Dynamics 365 Finance's Blocked: never blocked; blocked only for payments
                 # (sales and invoicing go on); a vendor's requisition block
                 "never", "payment", "requisition"})


def _said(value: object) -> str:
    return " ".join(str(value).strip().lower().split())


def hold_flags(flags: pd.Series, status: pd.Series | None, sheet: str, letter: str,
               header: str, excel_rows: list[int]) -> tuple[pd.Series, list[Issue]]:
    """The Status column with Hold where the flag says yes (a new one where the sheet has
    none), and an Input Issue for each flag that says neither yes nor no."""
    return _flagged(flags, status, (sheet, letter, header, excel_rows), _YES, _NO,
                    lambda now: now if now == "Closed" else "Hold",
                    "is not put on hold", from_numbers=False)


def _flagged(flags: pd.Series, status: pd.Series | None,
             where: tuple[str, str, str, list[int]], yes: frozenset[str], no: frozenset[str],
             flagged: Callable[[object], object], otherwise: str, from_numbers: bool
             ) -> tuple[pd.Series, list[Issue]]:
    """The Status column with ``flagged(status)`` where a flag says yes, and an Input Issue
    (its account ``otherwise``) for each flag that says neither yes nor no. ``from_numbers``:
    a 1.0 / 0.0 of a number cell reads as 1 / 0."""
    sheet, letter, header, excel_rows = where
    out = status.copy() if status is not None else pd.Series(None, index=flags.index,
                                                             dtype="object")
    issues = []
    for pos, value in enumerate(flags.tolist()):
        if is_blank(value):
            continue
        said = _said(value)
        if from_numbers and said.endswith(".0"):
            said = said[:-2]
        if said in yes:
            out.iat[pos] = flagged(out.iat[pos])
        elif said not in no:
            issues.append(Issue(sheet, f"{letter}{excel_rows[pos]}", header, value,
                                f"'{str(value).strip()}' is neither Yes nor No: the account "
                                f"{otherwise}"))
    return out, issues


# NetSuite's Inactive (Yes / No; T / F in a CSV) and ERPNext's Disabled (1 / 0): a retired
# customer, Closed as a Status of Closed says (a Hold becomes Closed: it is no longer sold to).
_RETIRED = frozenset({"yes", "y", "true", "t", "1", "x", "✓", "✔", "نعم", "inactive",
                      "disabled"})
_IN_USE = frozenset({"no", "n", "false", "f", "0", "-", "لا", "active"})


def inactive_flags(flags: pd.Series, status: pd.Series | None, sheet: str, letter: str,
                   header: str, excel_rows: list[int]) -> tuple[pd.Series, list[Issue]]:
    """The Status column with Closed where an inactive flag says yes (a new one where the
    sheet has none), and an Input Issue for each flag that says neither yes nor no."""
    return _flagged(flags, status, (sheet, letter, header, excel_rows), _RETIRED, _IN_USE,
                    lambda now: "Closed", "is not taken as inactive", from_numbers=True)
