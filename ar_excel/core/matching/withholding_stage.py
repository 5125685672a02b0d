"""Receipts paid less income tax withheld at source, read by the cascade (``withholding``).

Accounting rule (see ``withholding``): the invoice(s) named (stage 1), or one invoice or set of
the known payer's (before the fee tolerance), paid less income tax withheld at a policy rate of
the total or of the amount before VAT (and perhaps a bank charge, when named); the tax is a
receivable, not a write-off. Without a reference: certain only when that is the one reading and
no set makes the amount exactly.
"""

from __future__ import annotations

from ar_excel.core.matching.amount_search import AMOUNT_ONLY_CHANCE
from ar_excel.core.matching.amounts import MAX_ITEMS, find_subsets
from ar_excel.core.matching.booking import MATCHED, Allocation
from ar_excel.core.matching.line_facts import LineFacts
from ar_excel.core.matching.minor_units import units
from ar_excel.core.matching.payer_stages import SUMS_FOR
from ar_excel.core.matching.withholding import Reading, rates_for, tax_on


class WithholdingStage:
    """Withholding-tax readings (a part of ``Matcher``)."""

    def _rates_of_currency(self, currency: str) -> tuple[float, ...]:
        rates = self._wht_rates.get(currency)
        if rates is None:
            rates = self._wht_rates[currency] = rates_for(self.policy, currency)
        return rates

    def _withholding_readings(self, f: LineFacts, invs: list[int],
                              charges: bool = True) -> list[Reading]:
        """The ways the receipt pays all of ``invs`` less income tax withheld at one rate on one
        base (each invoice's tax rounded on its own, or on their sum: a minor unit per invoice
        is rounding), perhaps less a bank charge too (``charges``); the exact readings when
        there are any.
        A whole gap within the absolute fee tolerance is bank charges as well: not read."""
        rates = self._rates_of_currency(self.inv.currency[invs[0]])
        if not rates or any(self._rates_of_currency(self.inv.currency[p]) != rates
                            for p in invs):
            return []
        opened = [self.inv.remaining[p] for p in invs]
        gap = sum(opened) - f.remaining
        tol = units(self.policy.fee_tolerance_abs, f.grain, self.inv.unit)
        whole = self.inv.whole
        if gap <= 0 or (gap <= tol and gap % whole == 0):
            return []
        slack = f.grain * len(invs)
        exact: dict[tuple[int, ...], Reading] = {}
        charged: dict[tuple[int, ...], Reading] = {}
        for rate in rates:
            for name, divisor in self._wht_bases:
                taxes = [tax_on(o, rate, divisor, f.grain) for o in opened]
                fee = gap - sum(taxes)
                if abs(fee) <= slack:
                    taxes[-1] += fee
                    key = tuple(taxes)
                    exact.setdefault(key, Reading(tuple(invs), key, rate, name))
                elif charges and 0 < fee <= tol and fee % whole == 0 and sum(taxes) > tol:
                    key = tuple(taxes)
                    charged.setdefault(key, Reading(tuple(invs), key, rate, name, fee))
        return list((exact or charged).values())

    def _withheld_with_rest(self, f: LineFacts, refs: list[int], others: list[int]
                            ) -> tuple[Reading, bool] | None:
        """A receipt over the invoices it names (``refs``, one customer's) read as those and
        other open invoices of the customer's (``others``, oldest first) all paid less tax
        withheld at one rate on one base (INV 1021 1022 and the 1024 it does not name, less
        1 %), perhaps less a whole bank charge too: (the reading, certain). Certain when it is
        the one set of any rate and base (the exact readings before those with a charge) and
        sets that large making the amount by chance are rare; None when no set does."""
        rates = self._rates_of_currency(self.inv.currency[refs[0]])
        others = [p for p in self.inv.without_residues(others)[:MAX_ITEMS]
                  if self._rates_of_currency(self.inv.currency[p]) == rates]
        if not rates or not others:
            return None
        remaining = self.inv.remaining
        whole = self.inv.whole
        charge = units(self.policy.fee_tolerance_abs, f.grain, self.inv.unit)
        # (A minor unit per invoice either way: the payer's rounding, not ours.)
        slack = f.grain * (len(refs) + 1)
        # (A round receipt over the invoices named is a round sum sent on account, not invoices
        # less tax and a charge that happen to leave a round sum.)
        for charges in (False, True) if f.remaining % self.inv.tens else (False,):
            found: list[Reading] = []
            chance = 0.0
            for rate in rates:
                for name, divisor in self._wht_bases:
                    named = [tax_on(remaining[p], rate, divisor, f.grain) for p in refs]
                    rest = f.remaining - sum(remaining[p] for p in refs) + sum(named)
                    if rest <= 0:
                        continue
                    taxes = [tax_on(remaining[p], rate, divisor, f.grain) for p in others]
                    low, high = (rest + slack + 1, rest + charge) if charges \
                        else (rest - slack, rest + slack)
                    sub = find_subsets([remaining[p] - t for p, t in zip(others, taxes,
                                                                         strict=True)],
                                       low, high, limit=8, grain=f.grain, window=self._window)
                    chance += sub.chance
                    tax_of = dict(zip(others, taxes, strict=True))
                    listed = 0
                    for k in sub.found:
                        chosen = refs + self.inv.by_due([others[i] for i in k])
                        withheld = named + [tax_of[p] for p in chosen[len(refs):]]
                        over = sum(remaining[p] for p in chosen) - sum(withheld) - f.remaining
                        # (A charge is whole and the tax exact: a charge of any amount and a
                        # rounding would fit too many gaps.)
                        fee = over if charges else 0
                        if charges and not (0 < fee <= charge and fee % whole == 0):
                            continue
                        # The rounding left over goes to the last invoice's tax.
                        withheld[-1] += over - fee
                        found.append(Reading(tuple(chosen), tuple(withheld), rate, name, fee))
                        listed += 1
                    if listed and sub.count > len(sub.found):
                        found.extend(found[-1:])  # more ways than listed: not unique
            if found:
                return found[0], len(found) == 1 and chance < AMOUNT_ONLY_CHANCE
        return None

    def _alloc_withheld(self, f: LineFacts, reading: Reading, conf: float, said: str,
                        several: bool = False) -> list[Allocation] | None:
        """Each invoice settled by the receipt and the tax withheld on it (the last also by
        a bank charge written off)."""
        last = len(reading.invoices) - 1
        tax = sum(reading.withheld)
        base = "" if reading.base == "total" else f" on the amount {reading.base}".replace(
            "net of", "before")
        reason = (f"{said}; less {reading.rate:g}% withholding tax ({self._money(tax)}){base}: "
                  "certificate expected")
        if reading.fee:
            reason += f"; bank charge {self._money(reading.fee)} within the fee tolerance: " \
                "write-off proposed"
        if several:
            reason += "; other invoices could be paid so: please confirm"
        out = []
        for k, (p, withheld) in enumerate(zip(reading.invoices, reading.withheld, strict=True)):
            fee = reading.fee if k == last else 0
            applied = self.inv.remaining[p] - withheld - fee
            if applied <= 0 or withheld < 0:
                return None
            out.append(Allocation(f.pos, p, self.inv.customer[p], applied, fee,
                                  "withholding-tax", conf, reason, withheld=withheld))
        if sum(a.applied for a in out) != f.remaining:
            return None
        return out

    def _withheld_of(self, cust: str, f: LineFacts, subsets: bool
                     ) -> tuple[list[Reading], bool]:
        """The readings of the receipt as one of the customer's open invoices paid exactly less
        tax withheld, else (``subsets``) as one set of them paid less tax on each at one rate
        on one base; and whether the reading is certain. One invoice is certain when no other
        open invoice of the customer lies between the receipt and the receipt plus the top
        rate's share (nothing else it could be); a set when it is the only set of any rate and
        base, and sets that large making the amount by chance are rare. Without a reference a
        bank charge on top is not read (tax and a charge would fit too many gaps)."""
        remaining = self.inv.remaining
        exact: list[Reading] = []
        # The open amount each rate and base would leave the receipt from, looked up (a
        # minor unit either side: the tax's rounding) rather than every open invoice tried.
        seen: set[int] = set()
        for ratio in self._wht_ratios:
            guess = int(round(f.remaining / (1.0 - ratio) / f.grain)) * f.grain
            for amount in (guess - f.grain, guess, guess + f.grain):
                for p in self.inv.by_customer_amount.get((cust, amount), ()):
                    if p not in seen and remaining[p] == amount \
                            and self.inv.usable(p, f.currency, f.date):
                        seen.add(p)
                        exact.extend(self._withholding_readings(f, [p], charges=False))
        if exact:
            # An invoice the receipt pays less tax is open for more than the receipt and at
            # most the receipt plus the top rate's share: one such open invoice, one reading.
            most = f.remaining / (1.0 - self._wht_top / 100.0) + f.grain
            near = [p for p in self.inv.open_of(cust, f.currency, f.date)
                    if f.remaining < remaining[p] <= most]
            return exact, len(exact) == 1 and len(near) == 1
        if not subsets:
            return [], False
        # Sets only among few enough open invoices that all of them are searched, and where
        # no set makes the amount exactly (that reading comes first).
        items = self.inv.open_of(cust, f.currency, f.date)
        if not 2 <= len(items) <= MAX_ITEMS or self.inv.total(items) <= f.remaining \
                or not self._no_exact_sum(cust, f):
            return [], False
        items = [p for p in self.inv.without_residues(items)
                 if self._rates_of_currency(self.inv.currency[p])]
        if len(items) < 2:
            return [], False
        readings: list[Reading] = []
        chance = 0.0
        for rate in self._rates_of_currency(self.inv.currency[items[0]]):
            for name, divisor in self._wht_bases:
                taxes = [tax_on(remaining[p], rate, divisor, f.grain) for p in items]
                sub = find_subsets([remaining[p] - t for p, t in zip(items, taxes, strict=True)],
                                   f.remaining, f.remaining, grain=f.grain, window=self._window)
                chance += sub.chance
                tax_of = dict(zip(items, taxes, strict=True))
                for k in sub.found:
                    chosen = self.inv.by_due([items[i] for i in k])
                    readings.append(Reading(tuple(chosen), tuple(tax_of[p] for p in chosen),
                                            rate, name))
                if sub.count > len(sub.found):
                    readings.extend(readings[-1:])  # more ways than listed: not unique
        # A set read only by chance is no suggestion worth a person's time either.
        certain = len(readings) == 1 and chance < AMOUNT_ONLY_CHANCE
        return (readings, True) if certain else ([], False)

    def _agreed_discount(self, invoices: list[int], f: LineFacts) -> bool:
        """Whether the receipt's gap under ``invoices`` is the early-payment discount their
        terms grant, taken in time (read as that, not as tax withheld)."""
        total = self.inv.total(invoices)
        taken = self.discounts.taken(list(invoices), total - f.remaining, f.date,
                                     self.inv.tolerance(total, f.grain))
        return taken is not None and taken.in_time

    def propose_withholding(self, f: LineFacts) -> list[Allocation] | None:
        """Payer known, no amount explains the receipt exactly: one of its invoices (or one
        set) paid less income tax withheld. Certain only when that is the one reading among
        the likeliest payers (``_withheld_of``) and no set of the payer's open invoices makes
        the amount exactly (the exact reading, even if ambiguous, comes first)."""
        if not self._wht_top or (f.category is not None and not (f.payer and f.payer.by_account)):
            return None
        found = []
        for rank, (cust, sure, how) in enumerate(self._payers_to_try(f)[:SUMS_FOR]):
            if not self.inv.has_open(cust) or self.inv.open_total(cust) <= f.remaining:
                continue
            # Sets are read only when they can be certain (a set read by chance is dropped):
            # the likeliest payer known by account, in the round of certain rules.
            readings, certain = self._withheld_of(
                cust, f, subsets=rank == 0 and sure >= 0.97 and self._floor == MATCHED)
            if readings:
                found.append((cust, sure, how, readings, certain))
        if not found:
            return None
        cust, sure, how, readings, certain = found[0]
        if not self._no_exact_sum(cust, f):
            return None
        reading = readings[0]
        if self.discounts and self._agreed_discount(reading.invoices, f):
            return None  # the early-payment discount its terms grant (``propose_payer_short``)
        nums = ", ".join(self.inv.number[p] for p in reading.invoices)
        conf = self._payer_confidence(f, cust, sure, 0.9) if len(found) == 1 and certain else 0.6
        said = f"{how}; pays {nums}"
        if len(found) > 1:
            said += " (several customers with similar names could be paying)"
        several = len(readings) > 1 or len(found) > 1 or not certain
        return self._alloc_withheld(f, reading, conf, said, several)
