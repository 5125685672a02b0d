"""Why a credit is left (partly) unallocated, and the candidates a person should look at.

Accounting rule: every credit not fully applied says why, most telling first: reversed by a
later debit, not a customer receipt (its kind of inflow), naming invoices already settled (a
duplicate payment?), a known payer with no open invoice fitting the amount, an ambiguous payer
name, a cash deposit, or neither reference nor payer. The candidates are the invoices named
(those of the receipt's amount first), the customers the name may be, and open invoices of the
same amount.
"""

from __future__ import annotations

from ar_excel.core.matching.line_facts import LineFacts


class UnmatchedReasons:
    """The reasons of ``Unmatched Bank`` (a part of ``Matcher``)."""

    def unmatched_reason(self, f: LineFacts) -> tuple[str, str]:
        """(reason, candidates) for a credit left (partly) unallocated."""
        cands: list[str] = []
        debit = self.reversed.get(f.pos)
        if debit is not None:
            bank_line = self.lines["Bank Line"].iloc[debit] if "Bank Line" in self.lines else debit
            reason = (f"reversed by bank line {bank_line} (a debit of the same amount): nets to "
                      "zero, the invoices stay open")
        elif f.category:
            reason = f"not a customer receipt ({f.category})"
        elif self.settled_refs.get(f.pos):
            reason = ("names invoice " + ", ".join(sorted(set(self.settled_refs[f.pos])))
                      + " already settled (duplicate payment?)")
        elif f.payer and f.payer.customer:
            reason = f"payer by {f.payer.how} ({f.payer.customer}); no open invoice fits the amount"
        elif f.payer and f.payer.candidates:
            reason = "payer name ambiguous: " + ", ".join(c for c, _ in f.payer.candidates[:3])
        elif f.cash:
            reason = "cash deposit without reference or known payer"
        else:
            reason = "no invoice reference and payer not identified"
        # an invoice matched only by a number's tail (a cheque's 000123 for 2026-123) that owes
        # nothing is no place for the credit; one named in full stays (the reason says settled)
        named = f.strong | {p for p in f.weak if self.inv.remaining[p] > 0}
        for p in sorted(named, key=lambda p: (self.inv.remaining[p] != f.remaining, p))[:3]:
            cands.append(f"{self.inv.number[p]} ({self.inv.customer[p]}, "
                         f"{self._money(self.inv.remaining[p])} open)")
        if f.payer:
            for c, s in f.payer.candidates[:3]:
                cands.append(f"customer {c} ({s:.0f})")
        if not f.category:
            for p in self.inv.by_amount.get(f.remaining, ())[:3]:
                if self.inv.remaining[p] == f.remaining:
                    cands.append(f"{self.inv.number[p]} ({self.inv.customer[p]}, same amount)")
        return reason, "; ".join(dict.fromkeys(cands))
