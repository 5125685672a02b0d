"""Finding the invoices a narrative names, through hash maps of the open invoices.

Each open invoice is indexed under its number letters+digits (``INV202400123``), its digits
(``202400123``) and its numeric tail (``123``). A narrative's keys (see ``normalize``) are
looked up in these maps, so the work per line does not depend on the ledger's size.

* A *strong* hit: the narrative holds the whole number, in any formatting, and the number is
  distinctive (at least 5 characters): the invoice is named.
* A *weak* hit: only the tail, or a short number: it may be a coincidence (a date, an
  amount, a supplier's own invoice number) and counts only when the amount or the payer
  agree.
* A numeric part the narrative *calls* an invoice (``INV 4557``, ``فاتورة رقم 3547``,
  ``INVS 4255+4740``) of at least ``NAMED_TAIL_LENGTH`` digits that exactly one open invoice
  ends with is a strong hit: the customer wrote the invoice's number the way people say it.
"""

from __future__ import annotations

import re
from collections import defaultdict

from ar_excel.core.matching.normalize import (
    alnum_key,
    candidate_keys,
    invoice_mentions,
    tail_key,
    tail_keys,
)

_ONLY_DIGITS = str.maketrans("", "", "ABCDEFGHIJKLMNOPQRSTUVWXYZ")
_GROUPS = re.compile(r"\d+")

STRONG_LENGTH = 5
NAMED_TAIL_LENGTH = 4


class InvoiceIndex:
    def __init__(self, numbers: list[str]) -> None:
        self.alnum: dict[str, list[int]] = defaultdict(list)
        self.digits: dict[str, list[int]] = defaultdict(list)
        self.tail: dict[str, list[int]] = defaultdict(list)
        self.digit_strings: list[str] = []
        self.tails: list[str] = []
        for pos, number in enumerate(numbers):
            a = alnum_key(number)
            d = a.translate(_ONLY_DIGITS)
            t = tail_key(number)
            self.digit_strings.append(d)
            self.tails.append(t)
            if a:
                self.alnum[a].append(pos)
            if d:
                self.digits[d].append(pos)
            # The digits as people retype them, each group without its zero padding
            # (INV-2026-00123 -> 2026123): as distinctive as the full digits.
            compact = "".join(g.lstrip("0") for g in _GROUPS.findall(number))
            if compact and compact != d:
                self.digits[compact].append(pos)
            if t:
                self.tail[t].append(pos)

    def lookup(self, folded: str, named: bool = True) -> tuple[set[int], set[int]]:
        """(strong, weak) invoice positions named in a folded narrative; ``named=False``
        leaves out the numeric parts called invoices (text that is not a customer's)."""
        strong: set[int] = set()
        weak: set[int] = set()
        alnum, digits, tail = self.alnum, self.digits, self.tail
        for key, d in candidate_keys(folded):
            hits = alnum.get(key)
            if hits:
                (strong if len(key) >= STRONG_LENGTH else weak).update(hits)
            hits = digits.get(d)
            if hits:
                (strong if len(d) >= STRONG_LENGTH else weak).update(hits)
        for key in tail_keys(folded):
            hits = tail.get(key)
            if hits:
                weak.update(hits)
        for key in (invoice_mentions(folded) if named else ()):
            hits = tail.get(key)
            if hits and len(hits) == 1 and len(key) >= NAMED_TAIL_LENGTH:
                strong.update(hits)
        weak -= strong
        return strong, weak
