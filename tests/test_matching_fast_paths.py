"""The matcher's fast paths give the answers of the plain, one-at-a-time rules they replace.

Each fast path (subset sums prepared once and pruned, a statement classified in one pass, the
reference look-up, array filters for customers with many invoices) is compared with a
straightforward reading of the same rule on many generated inputs.
"""

from __future__ import annotations

import itertools
import random
import re

import numpy as np
import pandas as pd
import pytest

from ar_excel.core.matching import amounts
from ar_excel.core.matching.classify import (
    cash_deposits,
    inflow_categories,
    inflow_category,
    is_cash_deposit,
)
from ar_excel.core.matching.engine import VECTOR_FROM, OpenInvoices, cents
from ar_excel.core.matching.normalize import (
    alnum_key,
    digit_runs,
    fold_text,
    one_digit_apart,
    reference_keys,
    tail_key,
)
from ar_excel.core.matching.references import InvoiceIndex
from ar_excel.policy import Policy

# ------------------------------------------------------------------ subset sums


def _subsets_reference(values: tuple[int, ...], low: int, high: int, limit: int):
    """The meet-in-the-middle search as first written: every left sum against every right."""
    if not values or high <= 0:
        return (0, (), 0.0)
    half = len(values) // 2

    def sums(vs):
        s = np.zeros(1, dtype=np.int64)
        m = np.zeros(1, dtype=np.int64)
        for i, v in enumerate(vs):
            s, m = np.concatenate([s, s + v]), np.concatenate([m, m | (1 << i)])
        return s, m

    left_sums, left_masks = sums(values[:half])
    right_sums, right_masks = sums(values[half:])
    order = np.argsort(right_sums, kind="stable")
    right_sums, right_masks = right_sums[order], right_masks[order]

    def count(lo_, hi_):
        lo = np.searchsorted(right_sums, lo_ - left_sums, "left")
        hi = np.searchsorted(right_sums, hi_ - left_sums, "right")
        return int((hi - lo).sum()) - (1 if lo_ <= 0 <= hi_ else 0), lo, hi

    total, lo, hi = count(low, high)
    near, _, _ = count(low - amounts.DENSITY_WINDOW, high + amounts.DENSITY_WINDOW)
    chance = max(near - total, 0) / (2 * amounts.DENSITY_WINDOW) * (high - low + 1)
    if total <= 0:
        return (0, (), chance)
    found = []
    for i in np.nonzero(hi - lo)[0]:
        for j in range(int(lo[i]), int(hi[i])):
            mask = int(left_masks[i]) | (int(right_masks[j]) << half)
            if mask:
                found.append((int(left_sums[i] + right_sums[j]), mask))
        if len(found) >= 64:
            break

    def rank(item):
        s, mask = item
        idx = [k for k in range(len(values)) if mask >> k & 1]
        return (high - s, len(idx), idx)

    found.sort(key=rank)
    return (total, tuple(tuple(k for k in range(len(values)) if mask >> k & 1)
                         for _, mask in found[:limit]), chance)


def test_subset_search_fast_paths_equal_the_full_search():
    rng = random.Random(7)
    for _ in range(3000):
        n = rng.choice([0, 1, 2, 3, 4, 5, 6, 7, 9, 12, 17, 24])
        kind = rng.random()
        if kind < 0.3:  # round amounts: many equal sums, the 64 cut-off reached
            values = [rng.choice([1000, 1500, 2000, 5000]) * rng.randint(1, 4) for _ in range(n)]
        elif kind < 0.4:
            values = [rng.randint(-50, 50) for _ in range(n)]
        elif kind < 0.45:  # sums too large to key with their masks
            values = [rng.randint(1, 1 << 52) for _ in range(n)]
        else:
            values = [rng.randint(1, 5_000_000) for _ in range(n)]
        if values and rng.random() < 0.6:
            target = sum(rng.sample(values, rng.randint(1, n)))
        else:
            target = rng.randint(-100, 10_000_000)
        low = target - rng.choice([0, 0, 1, 100, 5000])
        high = target + rng.choice([0, 0, 1, 2500])
        if rng.random() < 0.05:
            low = high + rng.choice([1, 2, 50])  # an empty range
        limit = rng.choice([1, 3])
        got = amounts._find_subsets.__wrapped__(tuple(values), low, high, limit)
        assert (got.count, got.found, got.chance) == _subsets_reference(tuple(values), low, high,
                                                                       limit), (values, low, high)


# ------------------------------------------------------------------ a statement at once

NARRATIVES = [
    "INTEREST CREDIT Q3", "INT CR", "INT.CREDIT", "INTL TRADING INV 4557", "PRINTING CO",
    "OWN A/C TRANSFER", "OWN AC", "BETWEEN OUR ACC", "BETWEEN THE LINES", "LOAN DRAWDOWN",
    "REFUND OF INV 12", "TAX REFUND", "RETURNED CHQ", "RETURN OF GOODS", "RÜCKÜBERWEISUNG",
    "CASH DEPOSIT BRANCH 028", "CASH IN", "CDM 12", "CHQ DEPOSIT 1036108", "TIME DEPOSIT",
    "DEPOSIT MATURITY", "PARTNER CONTRIBUTION", "GULF PARTNERS TRADING", "POS SETTLEMENT MID 4",
    "CARD SETTLEMENT", "INSURANCE CLAIM", "FX DEAL", "SWAP", "TD MATURITY",
    "حوالة واردة من سداد INV-2026-157307", "فوائد دائنة", "تحويل بين الحسابات", "بين حسابات الشركة",
    "تحويل وارد", "رد مبلغ", "رد ضريبة", "ايداع نقدي", "ايداع نقدى", "نقدا", "وديعة", "قرض",
    "استرداد", "", " ", "INVOICE 1426, 2746 AND 3128", "ABC\nINTEREST",
]


def test_a_statement_classified_at_once_as_line_by_line():
    rng = random.Random(3)
    texts = [fold_text(t) for t in NARRATIVES]
    texts += [" ".join(rng.choice(NARRATIVES + ["X", "12", "من"]) for _ in range(rng.randint(0, 4)))
              for _ in range(2000)]
    texts = [fold_text(t) for t in texts]
    assert inflow_categories(texts) == [inflow_category(t) for t in texts]
    assert cash_deposits(texts) == [is_cash_deposit(t) for t in texts]
    assert inflow_categories([]) == [] and cash_deposits([]) == []
    with_nul = ["INTEREST\x00", "CASH IN"]  # a separator inside a text: line by line
    assert inflow_categories(with_nul) == [inflow_category(t) for t in with_nul]
    assert cash_deposits(with_nul) == [is_cash_deposit(t) for t in with_nul]


# ------------------------------------------------------------------ references


def _lookup_reference(numbers: list[str], folded: str, named: bool) -> tuple[set[int], set[int]]:
    """Invoice look-up from the key sets of ``reference_keys`` and plain dicts of lists."""
    from ar_excel.core.matching.normalize import invoice_mentions

    by_alnum, by_digits, by_tail = {}, {}, {}
    for pos, number in enumerate(numbers):
        a = alnum_key(number)
        d = re.sub(r"[A-Z]", "", a)
        t = tail_key(number)
        compact = "".join(g.lstrip("0") for g in re.findall(r"\d+", number))
        for index, key in ((by_alnum, a), (by_digits, d), (by_tail, t)):
            if key:
                index.setdefault(key, []).append(pos)
        if compact and compact != d:
            by_digits.setdefault(compact, []).append(pos)
    alnum, digits, tails = reference_keys(folded)
    strong, weak = set(), set()
    for index, keys in ((by_alnum, alnum), (by_digits, digits)):
        for key in keys:
            hits = index.get(key)
            if hits:
                (strong if len(key) >= 5 else weak).update(hits)
    for key in tails:
        weak.update(by_tail.get(key, ()))
    for key in (invoice_mentions(folded) if named else ()):
        hits = by_tail.get(key)
        if hits and len(hits) == 1 and len(key) >= 4:
            strong.update(hits)
        elif hits:
            weak.update(hits)
    return strong, weak - strong


def test_reference_lookup_as_from_the_key_sets():
    rng = random.Random(11)
    numbers = ["INV-2026-00123", "INV-2026-00124", "inv2026/00125", "٠١٢٣٤", "2026-0001", "A-1",
               "INV-2025-000062", "CN-2025-00001", "12", "INV 2026 00205", "INV-2026-00123"]
    numbers += [f"INV-{rng.choice([2025, 2026])}-{rng.randint(1, 99999):0{rng.choice([5, 6])}d}"
                for _ in range(300)]
    index = InvoiceIndex(numbers)
    texts = ["IPN TRANSFER REF INV-2026-00123", "INV 2026 00205 PO 77", "INV 4557",
             "NR.201303-111/11.3.2013NR.201303-112/11.3.2013", "فاتورة رقم ١٢٣٤", "PAY 2026123",
             "EG89 0019 0115 3993 4903", "INVS 123+124 AND 125", "", "INV 121-125", "فواتير ١٢٣ الى ١٢٥"]
    texts += [" ".join(rng.choice(["INV", "-", "2026", "00123", "REF", rng.choice(numbers)])
                       for _ in range(rng.randint(1, 6))) for _ in range(500)]
    for text in texts:
        folded = fold_text(text)
        for named in (True, False):
            assert index.lookup(folded, named) == _lookup_reference(numbers, folded, named), text


def _index_one_by_one(numbers: list[str]) -> InvoiceIndex:
    """The invoice index built one number after the other (``Keyed.add``)."""
    from ar_excel.core.matching.references import Keyed, _number_keys

    index = InvoiceIndex([])
    index.alnum, index.digits, index.tail = Keyed(), Keyed(), Keyed()
    index.digit_strings, index.tails = [], []
    for pos, number in enumerate(numbers):
        a, d, t, compact = _number_keys(number)
        index.digit_strings.append(d)
        index.tails.append(t)
        for keyed, key in ((index.alnum, a), (index.digits, d), (index.tail, t)):
            if key:
                keyed.add(key, pos)
        if compact and compact != d:
            index.digits.add(compact, pos)
    return index


@pytest.mark.parametrize("arabic", [False, True])
def test_invoice_index_built_at_once_as_one_by_one(arabic):
    rng = random.Random(7)
    numbers = ["INV-2026-00123", "inv-2026-00123", "2026-00123", "INV 2026 00205", "A-1", "12",
               "---", "", "000", "INV-0", "CN/2025/00001", "SI-A12-345", "INV-2026-00123",
               "00123", "123", "X", "INV 2026 0 0205"]
    numbers += [f"{rng.choice(['INV-', 'inv', 'CN ', '', 'SI/A'])}{rng.randint(2024, 2026)}"
                f"{rng.choice(['-', '/', ' ', ''])}{rng.randint(0, 999):0{rng.randint(1, 5)}d}"
                for _ in range(2000)]
    if arabic:  # not all ASCII: read number by number
        numbers.append("فاتورة ٠١٢٣٤")
    at_once, one_by_one = InvoiceIndex(numbers), _index_one_by_one(numbers)
    assert at_once.digit_strings == one_by_one.digit_strings
    assert at_once.tails == one_by_one.tails
    for name in ("alnum", "digits", "tail"):
        a, b = getattr(at_once, name), getattr(one_by_one, name)
        assert a.one == b.one and a.several == b.several, name
        assert b.several  # numbers shared by several invoices are in the test


def test_reference_lookup_skips_only_words_no_invoice_number_begins_with():
    # Numbers beginning with letters of all kinds, and narratives whose words are those
    # letters, their beginnings, other words, and numbers glued to them: the look-up (which
    # leaves out keys opening with a word no number begins with) finds what every key finds.
    rng = random.Random(5)
    numbers = ["SI/A12-345", "INVX-00017", "AB12", "S-2026-0042", "2026-777", "INV-2026-00123",
               "A-00017", "SIA-9-9", "BILL2026/55"]
    numbers += [f"{rng.choice(['INV', 'SI', 'S', 'AB', 'INVX', ''])}-{rng.randint(1, 9999)}"
                for _ in range(200)]
    index = InvoiceIndex(numbers)
    words = ["SI", "S", "SIA", "A", "AB", "IN", "INV", "INVX", "X", "REF", "BILL", "NO", "-", "/",
             "12", "345", "00017", "2026", "9", "A12-345", "SI/A12", "INV2026", "2026/55"]
    for _ in range(1500):
        parts = [rng.choice(words + [rng.choice(numbers)]) for _ in range(rng.randint(1, 7))]
        text = "".join(p + rng.choice([" ", " ", "", "-", "/"]) for p in parts)
        folded = fold_text(text)
        for named in (True, False):
            assert index.lookup(folded, named) == _lookup_reference(numbers, folded, named), text


def _one_digit_apart_plain(a: str, b: str) -> bool:
    """One digit mistyped, missing, extra or two adjacent swapped: every position tried."""
    if a == b:
        return False
    if len(a) == len(b):
        diff = [i for i in range(len(a)) if a[i] != b[i]]
        return len(diff) == 1 or (len(diff) == 2 and diff[1] == diff[0] + 1
                                  and a[diff[0]] == b[diff[1]] and a[diff[1]] == b[diff[0]])
    if abs(len(a) - len(b)) != 1:
        return False
    longer, shorter = (a, b) if len(a) > len(b) else (b, a)
    return any(longer[:i] + longer[i + 1:] == shorter for i in range(len(longer)))


def test_one_digit_apart_as_trying_every_position():
    rng = random.Random(3)
    # Every pair of short strings of two digits (runs of equal digits are the hard case)...
    short = ["".join(t) for n in range(5) for t in itertools.product("01", repeat=n)]
    pairs = [(a, b) for a in short for b in short]
    # ...and numbers with up to two edits of any kind.
    for _ in range(20_000):
        a = "".join(rng.choice("00129") for _ in range(rng.randint(0, 9)))
        b = list(a)
        for _ in range(rng.randint(0, 2)):
            k = rng.randint(0, len(b))
            edit = rng.choice("sdit")
            if edit == "s" and k < len(b):
                b[k] = rng.choice("0129")
            elif edit == "d" and k < len(b):
                del b[k]
            elif edit == "i":
                b.insert(k, rng.choice("0129"))
            elif k + 1 < len(b):
                b[k], b[k + 1] = b[k + 1], b[k]
        pairs.append((a, "".join(b)))
    assert sum(_one_digit_apart_plain(a, b) for a, b in pairs) > 1000
    for a, b in pairs:
        assert one_digit_apart(a, b) == _one_digit_apart_plain(a, b), (a, b)


def test_series_tops_as_read_by_the_series_pattern():
    from ar_excel.core.matching.partial_references import (
        _LAST_DIGITS,
        _series_of,
        series_tops,
    )

    def plain(numbers: set[str]) -> dict[tuple[str, int], str]:
        top: dict[tuple[str, int], str] = {}
        for number in numbers:
            if _LAST_DIGITS.search(number) is None:
                continue
            d = re.sub(r"\D", "", number)
            key = (_series_of(number), len(d))
            if d > top.get(key, ""):
                top[key] = d
        return top

    rng = random.Random(5)
    # Latin, Arabic-Indic and Persian digits, a Devanagari digit the series pattern does not
    # read as a last digit, letters of both cases, separators.
    alphabet = "0129٠١٩۰۹१aAsS-/ .\n"
    sets = [{"".join(rng.choice(alphabet) for _ in range(rng.randint(0, 8))).strip()
             for _ in range(rng.randint(1, 6))} for _ in range(5_000)]
    assert series_tops({"SI-26/00250", "si-26/00251", "SI-26/0099", "٢٠٢٦/٠٠٤", "CASH"}) == {
        ("SI-26/", 7): "2600251", ("SI-26/", 6): "260099", ("٢٠٢٦/", 7): "٢٠٢٦٠٠٤"}
    assert sum(bool(plain(s)) for s in sets) > 2_000
    for numbers in sets:
        assert series_tops(numbers) == plain(numbers), numbers


def test_accounts_printed_in_a_statement_read_at_once_as_line_by_line():
    from ar_excel.core.matching.payers import _ACCOUNT_RUN, printed_accounts

    rng = random.Random(9)
    pieces = ["EG380019000500000000263180002", "EG38 0019 0005 0000 0000 2631 800", "1234567890",
              "123456789", "12345678901234567890123456789012", "SA03800000006080101675",
              "INV-2026-00123", "FROM", "تحويل", "X", "-", "/", "EG38", "0019000500"]
    texts = ["", "EG380019000500000000263180002", "1234567890"]
    texts += ["".join(rng.choice(pieces) + rng.choice([" ", "", "-", "/"])
                      for _ in range(rng.randint(0, 6))) for _ in range(3000)]
    texts = [fold_text(t) for t in texts]
    line_by_line = [[m.group(0) for m in _ACCOUNT_RUN.finditer(t)] for t in texts]
    assert sum(map(len, line_by_line)) > 500
    assert printed_accounts(texts) == line_by_line
    assert printed_accounts(texts + ["A\x00 1234567890"]) == line_by_line + [["1234567890"]]
    assert printed_accounts([]) == []


def test_digit_runs_join_up_to_three_chunks():
    # Runs from each chunk of one, two and three chunks (INV 2026 is the digits of 2026).
    assert digit_runs("INV 2026 00205 PO 77") == [
        "2026", "202600205", "2026", "202600205", "202600205", "00205", "00205", "0020577"]
    assert digit_runs("NO DIGITS HERE") == []


# ------------------------------------------------------------------ a long ledger


@pytest.fixture
def long_ledger():
    rng = random.Random(5)
    n = 3 * VECTOR_FROM
    frame = pd.DataFrame({
        "Invoice No": [f"I{k}" for k in range(n)],
        "Customer ID": ["BIG"] * n,
        "Currency": [rng.choice(["EGP", "USD", None]) for _ in range(n)],
        "Date": [pd.Timestamp("2026-10-01") + pd.Timedelta(days=rng.randint(0, 40)) if rng.random()
                 < 0.9 else pd.NaT for _ in range(n)],
        "Due Date": pd.Timestamp("2026-11-01"),
        "Amount": [rng.choice([1000.0, 2500.0, 7350.25, 600_000.0]) for _ in range(n)],
    })
    frame["Open Amount"] = frame["Amount"]
    inv = OpenInvoices(frame, Policy())
    for pos in rng.sample(range(n), n // 2):  # some paid, some short-paid, some in part
        inv.book(pos, rng.choice([inv.remaining[pos], inv.remaining[pos] - 1500, 100]))
    return inv


def test_a_long_ledger_filtered_with_arrays_as_one_by_one(long_ledger):
    inv = long_ledger
    day = int((pd.Timestamp("2026-10-20") - pd.Timestamp("1970-01-01")).days)
    for currency in ("", "EGP", "USD", "SAR"):
        for d in (None, day):
            items = inv.open_of("BIG", currency, d)
            assert items == [p for p in inv.by_customer["BIG"] if inv.usable(p, currency, d)]
            assert inv.without_residues(items) == [p for p in items if not inv.is_residue(p)]
            assert inv.total(items) == sum(inv.remaining[p] for p in items)
            assert inv.without(items, items[::3]) == [p for p in items if p not in items[::3]]
            assert inv.without(items, []) == items
            for amount in (100_000, 98_500, 99_000, 59_997_000, 735_025, 1):
                assert inv.with_remaining(items, amount) == [
                    p for p in items if inv.remaining[p] == amount]
                assert inv.within_tolerance(items, amount) == [
                    p for p in items if 0 < inv.remaining[p] - amount <= inv.tolerance(inv.remaining[p])]
    assert inv.has_open("BIG") and not inv.has_open("NOBODY")
    assert inv.open_total("BIG") == sum(r for r in inv.remaining if r > 0)
    for pos in inv.by_customer["BIG"]:  # all paid: nothing open, nothing owed
        inv.book(pos, inv.remaining[pos])
    assert not inv.has_open("BIG") and inv.open_total("BIG") == 0


class _FlatFee(Policy):
    """A policy whose fee tolerance is not the contract's formula (no array shortcut)."""

    def fee_tolerance(self, amount: float) -> float:
        return 20.0 if amount > 2000 else 5.0


@pytest.mark.parametrize("policy", [Policy(), _FlatFee()])
def test_invoices_of_one_amount_and_residues_filtered_with_arrays_as_one_by_one(policy):
    rng = random.Random(8)
    n = 4 * VECTOR_FROM
    frame = pd.DataFrame({
        "Invoice No": [f"I{k}" for k in range(n)],
        "Customer ID": [rng.choice(["BIG", "A", "B"]) for _ in range(n)],
        "Currency": [rng.choice(["EGP", "USD", None]) for _ in range(n)],
        "Date": pd.Timestamp("2026-10-01"), "Due Date": pd.Timestamp("2026-11-01"),
        "Amount": [rng.choice([5000.0, 2500.0]) for _ in range(n)],
    })
    frame["Open Amount"] = frame["Amount"]
    inv = OpenInvoices(frame, policy)
    for pos in rng.sample(range(n), n // 3):  # some paid, some short-paid, some in part
        inv.book(pos, rng.choice([inv.remaining[pos], inv.remaining[pos] - 1500, 100, 400]))
    assert len(inv.by_amount[500_000]) >= VECTOR_FROM and len(inv.by_amount[250_000]) >= VECTOR_FROM
    for currency in ("", "EGP", "USD", "SAR"):
        for amount in (500_000, 250_000, 499_900, 1):
            assert inv.untouched_of_amount(amount, currency) == [
                p for p in inv.by_amount.get(amount, ())
                if inv.remaining[p] == amount and inv.usable(p, currency)]
        for customer in ("BIG", "A", "B"):
            items = inv.open_of(customer, currency, None)
            assert inv.without_residues(items) == [p for p in items if not inv.is_residue(p)]
    assert any(inv.is_residue(p) for p in range(n))


def test_open_invoices_of_a_short_ledger_as_one_by_one():
    # Customers with a few invoices: in one currency, in none given, in several; dated,
    # undated, partly dated; some paid by now.
    rng = random.Random(12)
    rows = []
    for c, currencies in (("ONE", ["EGP"]), ("BLANK", [None]), ("MIXED", ["EGP", "USD", None]),
                          ("USD", ["USD", None])):
        for k in range(rng.randint(3, 12)):
            rows.append({"Invoice No": f"{c}{k}", "Customer ID": c,
                         "Currency": rng.choice(currencies),
                         "Date": rng.choice([pd.Timestamp("2026-10-03"), pd.Timestamp("2026-10-20"),
                                             pd.NaT]) if c != "BLANK" else pd.NaT,
                         "Due Date": pd.Timestamp("2026-11-01"), "Amount": 100.0})
    frame = pd.DataFrame(rows)
    frame["Open Amount"] = frame["Amount"]
    inv = OpenInvoices(frame, Policy())
    for pos in rng.sample(range(len(frame)), len(frame) // 3):
        inv.book(pos, inv.remaining[pos])
    days = [None] + [int((pd.Timestamp(d) - pd.Timestamp("1970-01-01")).days)
                     for d in ("2026-10-01", "2026-10-03", "2026-10-10", "2026-10-20", "2026-12-31")]
    for customer in ("ONE", "BLANK", "MIXED", "USD", "NOBODY"):
        for currency in ("", "EGP", "USD", "SAR"):
            for day in days:
                assert inv.open_of(customer, currency, day) == [
                    p for p in inv.by_customer.get(customer, ()) if inv.usable(p, currency, day)]


def test_fee_tolerance_of_many_amounts_is_the_policys():
    inv = OpenInvoices(pd.DataFrame({"Invoice No": ["I"], "Customer ID": ["C"], "Open Amount": [1.0],
                                     "Due Date": [pd.Timestamp("2026-11-01")]}),
                       Policy(fee_tolerance_abs=25.0, fee_tolerance_pct=0.5))
    amounts_ = np.array([0, 1, 4999_99, 5000_00, 5000_01, 5010_00, 123_456_789, 10**11, 3, 50_01,
                         4_999_950, 5_000_100, 5_000_300, -5000_00] + list(range(499_000, 502_000, 7)),
                        dtype=np.int64)
    assert inv._tolerance_array(amounts_).tolist() == [
        cents(inv.policy.fee_tolerance(int(a) / 100)) for a in amounts_]
