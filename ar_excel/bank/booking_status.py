"""Lines the bank has not booked, by the statement's status column.

The rule: a pending line ("vorgemerkt", "معلق") comes on a later statement, and a payment the
bank never carried out (declined, reverted, "مرفوض") moved no money: both are left out, each
named with its row.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np

from ar_excel.bank.cells import (
    per_value,
)

_PENDING = {"pending", "pend", "pdng", "vorgemerkt", "umsatz vorgemerkt", "en attente", "معلق",
            "قيد التنفيذ",
            # a wallet's payment still on its way (Payoneer's "In Progress", Wise's
            # "Processing"): not available yet, it is on the statement it completes on
            "in progress", "in process", "processing", "قيد المعالجة"}


# a payment the bank never carried out (Revolut's and Wise's states): no money moved
_NOT_BOOKED = {"reverted", "declined", "failed", "cancelled", "canceled", "rejected", "refused",
               "void", "voided", "abgelehnt", "annule", "annulé", "rejete", "rejeté", "مرفوض",
               "مرفوضة", "ملغي", "ملغى", "ملغاة", "فاشلة"}


def unbooked_by_status(statuses: list[Any], main: np.ndarray,
                       issue: Callable[[int, int, str, Any, str], None]) -> np.ndarray:
    """Rows whose status says the bank has not booked them: pending (they come on a later
    statement) or never carried out (declined, reverted: no money moved); each is named."""
    words = per_value(statuses, lambda v: str(v or "").strip().lower())
    pending = np.array([w in _PENDING for w in words], dtype=bool) & main
    never = np.array([w in _NOT_BOOKED for w in words], dtype=bool) & main
    for pos in np.flatnonzero(pending).tolist():
        issue(pos, 6, "_status", statuses[pos],
              "pending (not yet booked) line left out; it will come on a later statement")
    for pos in np.flatnonzero(never).tolist():
        issue(pos, 6, "_status", statuses[pos],
              f"the bank did not carry this payment out (status '{statuses[pos]}'): no money "
              "moved, so the line was left out")
    return pending | never
