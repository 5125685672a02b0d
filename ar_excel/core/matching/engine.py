"""Cash application: which open invoices each bank credit pays, most certain rule first.

The cascade (each allocation names its rule in ``Method`` and carries a ``Confidence``):

1. ``reference``      the narrative names the invoice(s) in full, in any formatting; the
                      amount settles them exactly (``multi-invoice`` for several), or falls
                      short within the fee tolerance (``fee-writeoff``: the gap is proposed
                      as a write-off), or short beyond it (``partial``: only suggested when
                      the line shows someone else paying, by account, printed name or the
                      narrative's sender), or over it
                      (``overpayment``: the excess goes to other open invoices of the
                      customer that make it exactly, or that it pays less a bank charge,
                      else stays ``on-account``; more than twice the invoices named is only
                      suggested without a known payer). Numeric parts the narrative writes
                      that make the amount exactly win over a full number that does not.
                      A bare 5-6 digit number or a date (``references``: sure / loose) is
                      certain only with the exact amount or the invoice's payer. When a number
                      one digit away names another invoice whose open amount *is* the receipt,
                      that reading wins if the payer agrees (``reference-fuzzy``), and
                      otherwise everything is only suggested. A named invoice the amount does
                      not settle, paid by someone known for sure (account, full name) to be
                      another customer, or one digit away from an invoice the receipt pays
                      less charges or tax: the payer's own invoice one digit away is meant,
                      else it is only suggested;
   The number of a bank's branch, teller or ATM (``CASH DEP BRANCH 0199``) names none.
   A numeric part the narrative calls an invoice (``INV 4557``, ``فاتورة رقم 3547``) names
                      it like a full number when exactly one open invoice ends with it; the
                      digit groups of an IBAN printed in the narrative never name an invoice;
2. ``reference``      only the invoice's numeric part (``123``) or its digits without zero
                      padding, confirmed by the amount, or by a payer name shared by several
                      customers of which only one has that number (a part payment or an
                      overpayment only when the number has 4+ digits, or is called an invoice
                      or is the reference field, or comes from the customer's own account, and
                      is no PO / cheque / phone number; a month inside a written number,
                      the 09 of INV/2026/09/0022, is none);
2a. ``po-reference``  the narrative (or the Reference field) quotes the customer's purchase
                      order, or an invoice's payment reference (``payment-reference``), that
                      the invoice list files open invoices of one customer under: the amount
                      is one of them, all of them or one set of them (or short by a bank
                      charge): matched; a part payment or more: suggested (``order_references``);
3. ``amount+payer``   no usable reference: the payer is known by account or name and one of
                      its open invoices has exactly the receipt's amount (a name that is
                      clearly another customer's paying what a look-alike owes is suggested:
                      a related company; so is one when the narrative calls another open
                      invoice by number, or writes one of the payer's own, 0349); ``multi-invoice``:
                      exactly one set of its open invoices makes it, and the ledger is not so
                      long that a set could make it by chance;
4. ``fee-writeoff``   as 3, short by a bank charge (the policy's absolute tolerance, not an
                      odd gap under a round receipt, which is a part payment; a
                      percentage gap without a reference only from a known account, for one
                      invoice, a receipt that is not round, and no exact explanation);
   ``partial``      (``short_payments``) as 4, short by more than the tolerance: bank charges
                      (whole, up to 4x the absolute tolerance) or a usual discount rate, from a
                      payer known for sure, one invoice that far above and sums sparse: the
                      cash is applied and the gap left open on the invoice (no write-off);
                      a gap of no usual kind, or several such invoices, is suggested;
   ``withholding-tax`` (``withholding``) the invoice(s) named (stage 1), or one invoice or
                      set of the known payer's (before 4), paid less income tax withheld at
                      source at a policy rate of the total or of the amount before VAT (and
                      perhaps a bank charge, when named); the tax is a receivable, not a
                      write-off. Without a reference: certain only when that is the one reading
                      and no set makes the amount exactly;
5. ``amount-only``    payer unknown and no other payer named (a name the bank prints that is
                      no customer's and shares no word with the invoice's customer's is
                      someone else paying: suggested), one open invoice has exactly
                      the amount, the amount is not round and open amounts around it are so
                      sparse that a coincidence is unlikely (< 2 %): matched; otherwise
   suggestions only   payer known but the amount is ambiguous, partial or over everything
                      open (a payment on account, suggested oldest first; over everything
                      open, and exactly one other customer's invoice of that particular amount:
                      that invoice, a related company paying for it); a unique amount
                      that is round or in a dense range; payer unknown and several invoices
                      paid: the oldest open invoices of exactly one customer making the amount
                      (matched when the amount is not round and the name on the line shares a
                      word with that customer's).

``Matched`` is given only where the rule is certain (confidence >= 0.85); everything else is
``Suggested`` with its reason, or stays in ``Unmatched Bank`` with the reason and the best
candidates. Rules run over *all* lines one stage at a time, certain rules first and
suggestions only after them, against one ledger of remaining open amounts (integers: cents,
or thousandths where a currency of the run counts in fils; each amount first rounded to its
own currency's minor unit), so
a weaker rule never takes an invoice a stronger one needs, no invoice is applied beyond its
open amount and no receipt beyond its amount. The payer's name is read only for the lines a
full reference has not settled (it is the costly part), after the accounts learned from those
references have been added.

Inflows that are not customer receipts (interest, loans, own transfers, refunds...) are
never matched by amount or by name, and a refund or claim quoting an invoice number is only
suggested; debits are not AR. A credit that a later debit reverses (``reversals``) pays no
invoice. A bare 5-6 digit number or a date that is also an invoice's number names it only
when the amount or the payer agrees (``references``).

Where each part lives: ``line_facts`` reads the lines, ``invoice_ledger`` keeps the open
amounts, ``booking`` books allocations; the stages are ``full_references`` (1),
``partial_references`` (2), ``order_references`` (2a), ``payer_stages`` (3, 4 and the payer's suggestions),
``credit_notes`` (4a: receipts net of a credit note the customer holds),
``short_payments`` (4b),
``withholding_stage`` and ``amount_search`` (sets of invoices making an amount, and 5);
``recorded`` pairs credits with receipts already in Payments, ``unmatched`` says why a credit is
left. This module holds the order of the cascade (``Matcher.run``).
"""

from __future__ import annotations

from collections import defaultdict

import pandas as pd

from ar_excel.core.matching.amount_search import AMOUNT_ONLY_CHANCE, AmountSearch
from ar_excel.core.matching.amounts import DENSITY_WINDOW
from ar_excel.core.matching.booking import MATCHED, Allocation, Booking
from ar_excel.core.matching.credit_notes import CreditNotes, OpenCredits
from ar_excel.core.matching.early_discounts import EarlyDiscounts
from ar_excel.core.matching.full_references import FullReferences
from ar_excel.core.matching.invoice_ledger import VECTOR_FROM, OpenInvoices, Positions
from ar_excel.core.matching.line_facts import LineFacts, StatementLines
from ar_excel.core.matching.minor_units import (
    CENTS,
    THOUSANDTHS,
    cents,
    grain,
    money_text,
    unit_of,
    units,
)
from ar_excel.core.matching.order_references import OrderIndex, OrderReferences
from ar_excel.core.matching.partial_references import PartialReferences
from ar_excel.core.matching.payer_stages import SUMS_FOR, PayerStages
from ar_excel.core.matching.payers import Payer, PayerDirectory
from ar_excel.core.matching.recorded import Receipt, RecordedPairing
from ar_excel.core.matching.references import InvoiceIndex
from ar_excel.core.matching.reversals import reversed_credits
from ar_excel.core.matching.short_payments import ShortPayments
from ar_excel.core.matching.unmatched import UnmatchedReasons
from ar_excel.core.matching.withholding import bases
from ar_excel.core.matching.withholding_stage import WithholdingStage
from ar_excel.policy import Policy

# (Re-exported: the package, tests and benchmarks import these from ``engine``.)
__all__ = ["AMOUNT_ONLY_CHANCE", "CENTS", "MATCHED", "SUMS_FOR", "THOUSANDTHS", "VECTOR_FROM",
           "Allocation", "LineFacts", "Matcher", "OpenInvoices", "Payer", "Positions", "cents",
           "grain", "money_text", "unit_of", "units"]


class Matcher(StatementLines, Booking, FullReferences, PartialReferences, OrderReferences,
              PayerStages, CreditNotes, ShortPayments, WithholdingStage, AmountSearch, RecordedPairing, UnmatchedReasons):
    """The cascade over one statement: reads its lines, then runs the stages in order against
    one ledger of open invoices, certain rules first. Each stage lives in the module named for
    it; this class only holds the run's state and the order of the stages."""

    def __init__(self, lines: pd.DataFrame, invoices: OpenInvoices, payers: PayerDirectory,
                 policy: Policy, credits: OpenCredits | None = None,
                 advances: OpenCredits | None = None) -> None:
        self.lines = lines
        self.inv = invoices
        # The customers' open credit notes, which a receipt may be net of (``credit_notes``).
        nothing = pd.DataFrame(columns=["Item Type", "Open Amount", "Invoice No",
                                        "Customer ID"])
        self.credits = credits if credits is not None else OpenCredits(nothing, invoices.unit)
        # Their receipts held on account (an advance, an earlier overpayment), which a receipt
        # may be net of too (``credit_notes``).
        self.advances = advances if advances is not None else OpenCredits(
            nothing, invoices.unit, "Payment")
        self.inv.use_policy(policy)
        # The early-payment discounts the customers' terms grant; set by ``match_statement``.
        self.discounts = EarlyDiscounts(invoices, None)
        self.payers = payers
        self.policy = policy
        self.index = InvoiceIndex(invoices.number)
        # The open invoices by the customer's PO / payment reference (empty without such a
        # column: the stage then costs nothing).
        self.orders = OrderIndex(invoices, self.index)
        # the window around a target where the density of subset sums is measured (50.00)
        self._window = DENSITY_WINDOW * invoices.cent
        self.allocations: list[Allocation] = []
        # Invoice position -> the bank line of a suggestion booked against it (``apply``).
        self.suggested_on: dict[int, int] = {}
        # What the suggestions booked took off each invoice, (invoice, units, bank line), and
        # the lines holding one (``Booking._sure_without_suggestions``, ``apply``).
        self.suggestion_takes: list[tuple[int, int, int]] = []
        self.suggested_lines: set[int] = set()
        self.facts: dict[int, LineFacts] = {}
        self.settled_refs: dict[int, list[str]] = defaultdict(list)
        # The ledger's invoices no longer open: a receipt writing one names an invoice settled
        # in the books (``PartialReferences._paid_twice_fits``); read from the Invoices sheet
        # (set by ``match_statement``) the first time a typo reading needs it.
        self.invoice_sheet: pd.DataFrame | None = None
        self._closed: tuple | None = None  # (``PartialReferences._closed_invoice``)
        self.reversed: dict[int, int] = {}  # credit position -> the debit reversing it
        # Line position -> a recorded receipt the line may be (``Booking._recorded_doubted``).
        self.recorded_doubt: dict[int, Receipt] = {}
        self._memo: dict[tuple, tuple[int, object]] = {}
        self._neighbour_cache: dict[int, list[int]] = {}  # (``FullReferences._neighbours_of``)
        # Each payer's long invoice numbers (``PartialReferences._own_one_digit_away``).
        self._own_digits: dict[str, list[tuple[int, str]]] = {}
        # Each series' highest number in the book (``PartialReferences._beyond_own``).
        self._series_top: dict[tuple[str, int], str] | None = None
        self._tries: dict[tuple[int, bool], tuple[Payer | None, list]] = {}
        # Book-to-bank (``recorded``): the receipts of Payments the statement's credits may be,
        # and the statement's first and last dates; set by ``match_statement``.
        self.recorded: pd.DataFrame | None = None
        self.period: tuple[pd.Timestamp, pd.Timestamp] | None = None
        self.unbanked: pd.DataFrame | None = None
        self.paired_total = 0
        self._wht_bases = bases(policy)
        self._floor = MATCHED  # the round of the cascade running (``run``)
        # Every customer's oldest-first running totals (``AmountSearch._oldest_totals``).
        self._oldest: tuple | None = None
        self._wht_rates: dict[str, tuple[float, ...]] = {}
        # The largest share of an invoice withheld (the highest rate on the total): no invoice
        # open for more than the receipt plus that share and a bank charge is read.
        self._wht_top = max((r for c in set(invoices.currency)
                             for r in self._rates_of_currency(c)), default=0.0)
        # The shares of an invoice's total each rate and base withholds.
        self._wht_ratios = sorted({r / 100.0 / divisor for c in set(invoices.currency)
                                   for r in self._rates_of_currency(c)
                                   for _, divisor in self._wht_bases})

    def run(self) -> None:
        """Read the lines, pair those already recorded in Payments, then run the stages over
        all pending lines, one stage at a time: the round of certain rules, then suggestions."""
        self.read_lines()
        if self.recorded is not None:
            self.pair_recorded()
        # A credit the bank took back (returned cheque, recalled transfer) pays nothing.
        self.reversed = reversed_credits(self.lines)
        pending = sorted((f for f in self.facts.values() if f.pos not in self.reversed),
                         key=lambda f: f.pos)
        # (A receipt net of a credit note before tax withheld or charges: writing its gap off
        # would grant the credit twice.)
        stages = (self.propose_reference, self.propose_weak_reference,
                  self.propose_order_reference, self.propose_payer_exact,
                  self.propose_net_of_credits, self.propose_withholding,
                  self.propose_payer_tolerance, self.propose_payer_short,
                  self.propose_payer_rest,
                  self.propose_amount_only)
        # Certain allocations first, across all rules; suggestions only from what is left.
        for floor in (MATCHED, 0.0):
            self._floor = floor
            for stage in stages:
                self.run_stage(stage, [f for f in pending if f.remaining > 0], floor)
                if stage == self.propose_reference and floor == MATCHED:
                    self.refresh_payers()
                    self.read_names()
