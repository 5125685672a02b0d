"""Who paid: the customer behind a bank line, from its account, or its name.

Order of evidence, strongest first (Odoo and ERPNext use the same order):

1. the counterparty's IBAN / account number, when exactly one customer has it — from the
   customer master's ``IBAN / Bank Account`` column (several separated by ``;``) or *learned*
   from earlier receipts (a previous run's ``Bank Matches`` tab or a ``Payer Accounts``
   sheet, and receipts matched by invoice reference earlier in this run). A master account
   that is the tail of the printed IBAN (Egyptian and Gulf IBANs embed the account number)
   counts too;
   The customer number the narrative quotes (CUST NO 11017, كود العميل 11017), exactly one
   customer's ID, names the customer as its account would; the mobile number an instant
   payment prints, exactly one customer's Phone (``mobiles``), names it as a certain name
   does, unless the name printed is another customer's for certain;
2. a payer name seen before on a receipt of exactly one customer (learned names), unless
   another customer of the master has that name too;
3. the name: the bank's counterparty field, or the narrative when the bank prints none,
   compared by name keys (see ``names``) with the customer names that share a word with it
   (blocking, so the work grows with the line count, not lines × customers). Of sister
   companies scoring alike, the one whose every word the text writes is the likely payer when
   each other lacks a word of its own there (GOLDEN GATE LOGISTICS, not Golden Gate
   Industries); a name field cut at its width (AHMED FATHI FOR ELECTR) that identifies no one
   gives way to the narrative printing the name in full. The sender a narrative names (FROM
   X, /ORD/X, or its one run of name words after the bank's own: CR ACH 60675817 X) is read
   as a printed name; a narrative's words otherwise by ``narrative_names``.

An account shared by several customers identifies none of them.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from functools import cached_property
from typing import NamedTuple

import numpy as np
import pandas as pd
from rapidfuzz import fuzz, process

from ar_excel.core.customers.contacts import IBAN_LENGTH, is_iban
from ar_excel.core.matching.bank_names import BANK_WORDS, without_banks
from ar_excel.core.matching.bilingual_names import (
    ARABIC_WORD,
    OTHER_LANGUAGE_HEADERS,
    halves_in_each_language,
    scripts,
)
from ar_excel.core.matching.legal_forms import (
    LATIN_FORMS,
    folded_words,
    leading_letters,
    legal_forms,
)
from ar_excel.core.matching.mobiles import MobileDirectory
from ar_excel.core.matching.names import (
    FILLER,
    GENERIC,
    GIVEN_NAME_RIVALS,
    TRADE_OF,
    distinctive,
    keys_of,
    name_tokens,
    needed_words,
    skeleton,
    token_scripts,
    token_shapes,
    translated_tokens,
)
from ar_excel.core.matching.narrative_names import (
    LIKELY_NAME,
    MARGIN,
    MAX_BLOCK,
    SHORT_NAME,
    NarrativeNames,
)
from ar_excel.core.matching.normalize import ONLY_DIGITS, Joined, alnum_key, fold_text
from ar_excel.names import match_key

TRUNCATED_AT = 30  # a bank name this long or longer may have been cut at the field width
# Narrative words that are the bank's or the payer's boilerplate, not a name.
BOILERPLATE = {
    "TRANSFER", "TRF", "TRNSFR", "TT", "IPI", "INWARD", "INCOMING", "REMITTANCE", "REMIT", "FROM",
    "BY", "ORDER", "OF", "PAYMENT", "PMT", "PYMT", "PAY", "INV", "INVOICE", "INVOICES", "INVS",
    "REF", "REFERENCE", "SETTLEMENT", "AGAINST", "CREDIT", "SEPA", "FT", "ACH", "SWIFT", "BEN",
    "NO", "NR", "NUM", "VALUE", "DATE", "CHQ", "CHEQUE", "CHECK", "DEPOSIT", "CLEARING",
    "EREF", "SVWZ", "KREF", "MREF", "NOTPROVIDED", "NONREF", "ORDP", "REMI", "BENM", "NAME",
    "IBAN", "BIC", "ACC", "AC", "A/C", "ACCOUNT", "INST", "INSTANT", "FAST", "IPN", "RTGS",
    "ONLINE", "MOBILE", "BANKING", "UEBERWEISUNG", "GUTSCHRIFT", "VIREMENT", "RECU",
    "FACTURE", "RECHNUNG", "RG", "RE", "FA", "PAID", "PARTIAL", "BALANCE", "FULL", "FINAL",
    "ADVANCE", "ON", "AND", "FOR", "THE", "TO", "PART", "MONTH", "BILL", "BILLS", "DUES",
    "CR", "CREDITED", "RECEIVED", "VIA", "CUST", "CUSTOMER", "EGP", "AED", "SAR", "USD", "EUR",
    "KWD", "QAR", "OMR", "BHD", "GBP", "CHF", "TRX", "TXN", "ID", "MSG", "DETAILS",
    "حواله", "وارده", "من", "سداد", "فاتوره", "فواتير", "رقم", "تحويل", "دفعه", "مبلغ", "قيمه",
    "ايداع", "شيك", "عن", "الي", "لصالح", "بنكي", "بنكيه", "حساب", "مستحقات", "جزء", "دفعات",
    "مقابل", "مرجع", "تحصيل", "وارد", "بتاريخ", "شهر", "الفاتوره", "الفواتير", "رصيد", "بخصوص",
    "بشان",
    "SARIE", "UAEFTS", "AANI", "IPP", "OUTWARD", "OUR", "YOUR",
    # the Gulf's instant-payment schemes, printed before the sender (FAWRAN IN AL RAYYAN BLDG
    # MATERIALS: Qatar; FAWRI+ Bahrain; WAMD Kuwait), no word of a name
    "FAWRAN", "FAWRI", "WAMD",
    # Saudi rails and banks' abbreviations (SADAD BILLER 090 BILL 1029384, INW TT): SADAD
    # would read as سعود
    "SADAD", "BILLER", "INW",
    "STATEMENT", "SUPPLIER", "SALARY", "JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG",
    "SEP", "SEPT", "OCT", "NOV", "DEC", "ABWA", "ABWE", "PURP", "BAL", "RCVD", "FRM",
    "BENEFICIARY", "ORDERING", "PARTY", "DEBTOR", "CREDITOR", "ULTIMATE", "PO", "LPO",
    # the tags of a SWIFT transfer's fields (/ORD/ ordering customer, /RFB/ reference for the
    # beneficiary, /BNF/ its information): ORD would read as the الرضا of a name
    "ORD", "RFB", "BNF",
    # the payment types British exports write beside the narrative (Lloyds: FPI, BGC...)
    "FPI", "FPO", "BGC", "BACS", "CHAPS", "TFR", "DDR",
    # Jordan's instant transfers and bill payments (CliQ حوالة فورية واردة من الاسم المستعار X;
    # eFAWATEERcom BILL PAYMENT BILLING NO 10105) and Iraq's words for a cheque and an invoice
    # (صك مقاصة، قائمة رقم ٣١٥): no word of a name
    "CLIQ", "ALIAS", "EFAWATEERCOM", "EFAWATEER", "BILLING", "JOD", "IQD",
    "فوريه", "الاسم", "المستعار", "الاشتراك", "المشترك", "صك", "قائمه", "قوائم",
}
# Words Gulf and Egyptian banks print around a name that are no part of it (IBFT FALCON TRDG,
# CASH DEP BRANCH 0286 BY ..., CLG CHQ ...): a run of name words ends there (``_name_runs``).
_BANKS_OWN_WORDS = frozenset({
    "IBFT", "CLG", "CLEARING", "DEP", "DEPOSIT", "CASH", "ATM", "CDM", "POS", "BRANCH", "BR",
    "WPS", "MOB", "SADAD", "NEFT", "IMPS", "SWIFT", "TRANSFER", "INWARD", "OUTWARD",
    # (folded: ايداع نقدي - الصعيد للتوريدات, ايداع نقدا بالفرع, صراف آلي)
    "نقدي", "نقدا", "نقديه", "كاش", "فرع", "بالفرع", "الفرع", "مقاصه", "صراف"})
# The legal forms a Latin name ends with: the words after them are no more of it. Not COMP,
# which a trade name also writes for a word of its own (Alpha Comp Systems).
_LEGAL_FORMS = LATIN_FORMS - {"COMP"}
# A narrative's words and what lies between them (``_name_runs``): a slash, a colon, a comma
# or a bracket between two words ends a run of name words; a dot, a dash or a space does not.
_RUN_PARTS = re.compile(r"([^\w\u0600-\u06ff]+)")
_RUN_BREAK = re.compile(r".*[/:,;|()\[\]<>].*")
_ALPHA = re.compile(r"[A-Z]+")
# The business words and legal forms a bank's field width cuts (CON for CONTRACTING, COM for
# COMPANY): a run's last word that begins one is that word cut.
_CUT_WORDS = frozenset(w for w in GENERIC | FILLER if _ALPHA.fullmatch(w) and len(w) >= 4)
# Arabic legal forms as banks spell them out (شركة, مؤسسة): no word of the name.
_LEGAL_FORMS_SPELLED = frozenset({
    "SHARIKAT", "SHARIKA", "SHARIKAH", "SHERKAT", "SHERKET", "SHARIKET", "MUASSASAT",
    "MUASSASA", "MUASSASAH", "MOASSASAT", "MOASSASA", "MOASSASAH", "MUASSASSAT", "MOASASAT"})
# Where a narrative says who sent the money: INWARD TRANSFER FROM X, /ORDP/X or /ORD/X (the
# ordering customer of a SWIFT transfer), BY ORDER OF X,
# حوالة واردة من X. The name runs to a digit, a slash or a word that starts what was paid.
_SENDER = re.compile(r"(?:\bFROM\b|\bFRM\b|\bB/O\b|\bBY ORDER OF\b|/ORDP?/|\bORDERING CUSTOMER\b|"
                     r"(?<![\w\u0600-\u06ff])من(?![\w\u0600-\u06ff]))\s*([^/\d]*)")
_SENDER_ENDS = frozenset({
    "INV", "INVOICE", "INVOICES", "INVS", "REF", "REFERENCE", "PO", "LPO", "PMT", "PAYMENT",
    "PYMT", "SETTLEMENT", "AGAINST", "LESS", "NET", "VIA", "IBAN", "ACC", "AC", "CHQ", "CHEQUE",
    "سداد", "فاتوره", "فواتير", "رقم", "مقابل", "دفعه", "قيمه", "تحت", "عن", "بتاريخ", "لصالح",
    "حساب", "بخصوص", "بشان"})
# The payer quoting its customer number at us (CUST NO 11017, CUSTOMER CODE C-1046, CLIENT ID
# 2045, كود العميل 11017): the number after the word naming it as one, not a bare CUST (CUST REF
# is the payer's own reference).
# eFAWATEERcom (Jordan) prints the number the biller gave the payer, its customer number:
# BILLING NO 10105, رقم الاشتراك / رقم المشترك 10105.
_CUSTOMER_CODE = re.compile(
    r"(?:\b(?:CUST(?:OMER)?|CLIENT)[\s.]*(?:NO|NR|NUMBER|CODE|ID)\b|(?:كود|رقم) العميل|"
    r"\bBILLING[\s.]*(?:NO|NR|NUMBER)\b|رقم (?:الاشتراك|المشترك))"
    r"[\s.:#-]*([A-Z/_-]*\d[A-Z0-9/_-]*)")
_NOT_DIGIT = re.compile(r"\D")
_ACCOUNT_LIST = re.compile(r"[;,\n]")
_NOT_A_WORD = re.compile(r"[^\w\u0600-\u06ff]+")
_LATIN_ARTICLE_APART = re.compile(r"(?<![A-Z0-9])(?:AL|EL)[ -]+([A-Z]{3,})")
_ACCOUNT_RUN = re.compile(r"\b[A-Z]{2}\d{2}[A-Z0-9]{10,30}\b|\b\d{10,30}\b")
# An IBAN printed in groups (EG38 0019 0005 0000 ...) or cut at the bank's field width with its
# last digits on after a space (SA03800000006080101675 19): its pieces, read whole where the
# check digits of the pieces joined hold.
_SPACED_IBAN = re.compile(r"\b[A-Z]{2}\d{2}[A-Z0-9]*(?:[ -][A-Z0-9]+){1,8}")
_PIECE = re.compile(r"[ -]")
# The countries whose banks pay ours, with their IBAN's length (the ISO 13616 registry's,
# IBAN_LENGTH): pieces are joined only to exactly that length, never to whatever passes the
# check by chance.
_IBAN_LENGTH = {c: IBAN_LENGTH[c] for c in (
    "EG", "AE", "SA", "QA", "KW", "BH", "OM", "JO", "LB", "IQ", "PS", "LY", "SD", "TN", "TR",
    "PK", "GB", "DE", "FR", "IT", "ES", "NL", "BE", "CH", "AT")}


def _code_key(code: object) -> str:
    """A customer number as compared: letters and digits, a number's zero padding dropped
    (11017, 011017)."""
    key = alnum_key(code)
    return key.lstrip("0") if key.isdigit() else key


# The least a printed name's distinctive key (``_DISTINCT_FLOOR``: 0.75 * 66 + 0.25 * 100 is
# under 75), or its full key where it has no distinctive word (``_FULL_FLOOR``), agrees with a
# customer's when it scores LIKELY_NAME - MARGIN or more (``_score``).
_DISTINCT_FLOOR = 66.0
_FULL_FLOOR = 74.0
# Each sector of ``TRADE_OF`` as a bit, to test the trades of many names at once.
_SECTOR_BIT = {sector: 1 << k for k, sector in enumerate(sorted(set(TRADE_OF.values())))}


def _sector_bits(sectors: set[str] | frozenset[str]) -> int:
    """``sectors`` as the sum of their bits (``_SECTOR_BIT``)."""
    return sum(_SECTOR_BIT[s] for s in sectors)


def _written(token: str, words: set[str]) -> bool:
    """Whether a name's word (a key) is in a text's words, perhaps cut (TRADI for TRADING)."""
    return token in words or any(len(w) >= 2 and (token.startswith(w) or w.startswith(token))
                                 for w in words)


def _name_words(text: str) -> list[str]:
    """The words of a folded text that may be part of a name: no boilerplate, no digit."""
    # (A word of letters only holds no digit: the common case, tested in C.)
    return [w for w in _NOT_A_WORD.split(text)
            if w and w not in BOILERPLATE and (w.isalpha() or not any(c.isdigit() for c in w))]


def _spaced_iban(printed: str) -> str | None:
    """The IBAN a run of pieces starting with a country's letters and check digits writes:
    the first pieces joined to that country's IBAN length, when the join passes the check
    (ISO 13616); None otherwise, or when one piece is the whole."""
    length = _IBAN_LENGTH.get(printed[:2])
    pieces = _PIECE.split(printed)
    if length is None or len(pieces[0]) >= length:
        return None
    key = ""
    for piece in pieces:
        key += piece
        if len(key) >= length:
            break
    return key if is_iban(key) else None  # (of the country's length: IBAN_LENGTH's)


def _accounts_in(text: str) -> list[str]:
    """The account numbers a folded narrative prints: IBANs and long digit runs, and IBANs
    printed in pieces (``_SPACED_IBAN``)."""
    found = [m.group(0) for m in _ACCOUNT_RUN.finditer(text)]
    for m in _SPACED_IBAN.finditer(text):
        key = _spaced_iban(m.group(0))
        if key is not None and key not in found:
            found.append(key)
    return found


def printed_accounts(texts: list[str] | Joined) -> list[list[str]]:
    """The account numbers (IBANs, long digit runs, IBANs printed in pieces) printed in each
    folded narrative, read from all of them joined in one pass of each pattern."""
    joined = texts if isinstance(texts, Joined) else Joined(texts)
    if not joined.apart:
        return [_accounts_in(t) for t in joined.texts]
    out: list[list[str]] = [[] for _ in joined.texts]
    for m in _ACCOUNT_RUN.finditer(joined.joined):
        out[joined.line_at(m.start())].append(m.group(0))
    # (the separator is no piece: a match never runs into the next line)
    for m in _SPACED_IBAN.finditer(joined.joined):
        key = _spaced_iban(m.group(0))
        line = out[joined.line_at(m.start())]
        if key is not None and key not in line:
            line.append(key)
    return out


@dataclass(slots=True)
class Payer:
    """Who a bank line is from, and how sure we are."""

    customer: str | None = None
    how: str = ""  # "account", "learned account", "learned name", "name", "narrative name"
    score: float = 0.0  # 100 for account evidence; the name score otherwise
    candidates: list[tuple[str, float]] = field(default_factory=list)  # name candidates
    evidence: str = ""  # what identified it, as printed (the mobile number)

    @property
    def by_account(self) -> bool:
        return self.how in ("account", "learned account")

    @property
    def certain(self) -> bool:
        """Known for sure: by its account, or by a name scoring at least ``CERTAIN_NAME``."""
        return self.by_account or self.score >= CERTAIN_NAME


# The column of ``learned`` rows from a previous run's Bank Matches, whose printed name must
# be the customer's (``name_fits``) to be learned: a third party paid by reference there.
THIRD_PARTY_CHECK = "Check Name"
CERTAIN_NAME = 92.0  # name score at which the payer counts as known
WHOLE_NAME = 97.0  # a name scoring this is printed whole: every word of it is on the line
# (LIKELY_NAME, MARGIN, MAX_BLOCK, SHORT_NAME: ``narrative_names``, whose scores they weigh
# too)
SISTER_NAME = 91.0  # the score of a name told apart from a sister company's by a word only
# The score of a name whose family name agrees but whose trade does not: a candidate a person
# confirms, under the 88 at which the amount decides between look-alike names (EL SHERIF BROS
# PACKAGING paying exactly what Sherif Brothers for Agricultural Products owes is a family
# company paying, as likely as the customer itself).
OTHER_TRADE_NAME = 87.0
TRANSLATED_NAME = 88.0  # an Arabic name printed translated: a candidate, never known for sure
MAX_CANDIDATES = 40  # look-alike names kept for the amount to decide between
MOBILE = "mobile number"  # ``Payer.how`` of a payer known by the mobile the narrative prints
# A name of one distinctive word (Golden, Golden Trading) in a run of the narrative's name words
# with another distinctive word (GOLDEN EAGLE): as likely another company whose name starts so;
# a candidate a person confirms (under the 88 of a name whose every distinctive word is written).
ONE_WORD_NAME = 85.0
# A customer's own mobile: the customer for sure, as a certain name is (its contact person
# pays, or pays for it), not as its bank account is: the amount decides as for a name.
MOBILE_SCORE = 95.0




class _NameRun(NamedTuple):
    """A run of name words a narrative writes (``PayerDirectory._name_run``)."""

    tokens: list[str]
    read: set[str]  # every word its tokens read as
    distinct: list[str]  # its distinctive tokens (``names.distinctive``)
    forms: dict[str, set[str]]  # each token's readings (``PayerDirectory._name_run``)


class PayerDirectory(NarrativeNames):
    """Customers indexed by account and by name keys, for identifying the payer of a line."""

    def __init__(self, customers: pd.DataFrame, learned: pd.DataFrame | None = None) -> None:
        self.names: dict[str, str] = {}
        self._accounts: dict[str, set[str]] = defaultdict(set)
        self._learned_accounts: dict[str, set[str]] = defaultdict(set)
        self._learned_names: dict[str, set[str]] = defaultdict(set)
        self._tail_lengths: set[int] = set()
        self._tails_longest_first: list[int] = []
        self._keys: dict[str, tuple[str, str]] = {}
        self._tokens: dict[str, list[str]] = {}
        self._needed: dict[str, tuple[frozenset[str], int]] = {}
        self._cache: dict[tuple, Payer | None] = {}
        self._round_memo: dict[float, float] = {}  # (``_rounded``)
        self._sectors: dict[str, frozenset[str]] = {}  # (``_sectors_of``)
        self._blocks: dict[str, list[str]] = defaultdict(list)
        self._customer_banks: dict[str, bool] = {}  # bank phrase -> in a customer's name
        self._scripts_of: dict[str, tuple[bool, bool]] = {}  # the name's scripts (``_scripts``)
        self._earlier_names: dict[str, list[tuple[list[str], tuple[bool, bool]]]] = {}
        self._fits: dict[tuple[object, object], bool] = {}  # (customer, name) -> name_fits
        self._senders: dict[str, str] = {}  # narrative -> ``narrative_sender``
        # The currency each customer is billed in, where the master says (``billed_in``).
        self._currencies: dict[str, str] = {}
        ids = customers["Customer ID"].astype("object")
        none = pd.Series(None, index=customers.index)
        names = customers.get("Name", none)
        accounts = customers.get("IBAN / Bank Account", none)
        currencies = customers.get("Currency", none)
        for cid, name, acc, cur in zip(ids, names, accounts, currencies, strict=True):
            if cid is None or (isinstance(cid, float) and cid != cid):
                continue
            cid = str(cid)
            if isinstance(cur, str) and cur.strip():
                self._currencies[cid] = cur.strip().upper()
            written = "" if name is None or name != name else str(name)
            if isinstance(acc, str):
                for part in _ACCOUNT_LIST.split(acc):
                    self._add_account(self._accounts, part, cid)
            tokens = name_tokens(name)
            if not tokens:
                # (An ID given twice, the second time with no name ('-', blank): the name is
                # still the first row's, the one its words below were read from.)
                self.names.setdefault(cid, written)
                continue
            self.names[cid] = written
            if cid in self._tokens:  # (an ID given twice: each of its names is its name)
                self._earlier_names.setdefault(cid, []).append(
                    (self._tokens[cid], self._scripts_of[cid]))
            full, distinct = self._keys[cid] = keys_of(tokens)
            self._tokens[cid] = tokens
            self._scripts_of[cid] = scripts(self.names[cid])
            needed = needed_words(tokens)
            self._needed[cid] = (frozenset(needed), sum(map(len, needed)))
            keys = self._block_keys(tokens, distinct, full, indexing=True)
            if not distinct:  # a name made of common words only ("International Medical Supplies")
                keys.update("~" + t for t in tokens if len(t) >= 3)
            for b in keys:
                self._blocks[b].append(cid)
        # Customers by position in id order, blocks as arrays of positions: the candidates of
        # a name are gathered and scored in C (numpy, rapidfuzz), not customer by customer.
        self._ids = sorted(self._keys)
        position = self._position = {c: i for i, c in enumerate(self._ids)}
        self._full = np.array([self._keys[c][0] for c in self._ids] or [""], dtype=object)
        self._distinct = np.array([self._keys[c][1] for c in self._ids] or [""], dtype=object)
        self._has_distinct = np.array([bool(self._keys[c][1]) for c in self._ids] or [False])
        self._full_fixed = self._full.astype(str)
        self._distinct_fixed = self._distinct.astype(str)
        self._id_array = np.array(self._ids or [""], dtype=object)
        self._block_pos = {b: np.array(sorted(position[c] for c in set(cids)), dtype=np.int64)
                           for b, cids in self._blocks.items()}
        self._prefixes = {c: frozenset(t[:4] for t in self._tokens[c]) for c in self._ids}
        # For narratives: which customers each distinctive word belongs to, and how many such
        # words each customer's name has (all must be in the text).
        postings: dict[str, list[int]] = defaultdict(list)
        for i, c in enumerate(self._ids):
            for t in self._needed[c][0]:
                postings[t].append(i)
        self._postings = {t: np.array(v, dtype=np.int64) for t, v in postings.items()}
        self._needed_count = np.array([len(self._needed[c][0]) for c in self._ids] or [0])
        prefix_postings: dict[str, list[int]] = defaultdict(list)
        for i, c in enumerate(self._ids):
            for t in self._prefixes[c]:
                prefix_postings[t].append(i)
        self._prefix_postings = {t: np.array(v, dtype=np.int64) for t, v in prefix_postings.items()}
        # (the name's words counted as the text's are, by their first four letters, once: a
        # name written in both languages in one cell, سالم بن حمد الحارثي / Salim Bin Hamad Al
        # Harthy, reads as the same words twice, and a text writing them all covers it all)
        self._token_count = np.array([len(self._prefixes[c]) for c in self._ids] or [1])
        self._needed_len = np.array([self._needed[c][1] for c in self._ids] or [0])
        self._index_short_words()
        self.other_language = self._names_in_the_other_language(customers)
        self._mobiles = MobileDirectory(customers)
        if learned is not None and len(learned):
            checked = learned.get(THIRD_PARTY_CHECK, [False] * len(learned))
            for cid, acc, nm, check in zip(
                    learned["Customer ID"], learned.get("Counterparty Account", [None] * len(learned)),
                    learned.get("Counterparty", [None] * len(learned)), checked, strict=True):
                if not check or self.name_fits(cid, nm):
                    self.learn(cid, acc, nm)

    def _names_in_the_other_language(self, customers: pd.DataFrame) -> PayerDirectory | None:
        """The customers by the name a master keeps in its other language (English Name beside
        الاسم بالعربي, the one the reader did not take for Name), each a name of its customer
        as well; None where the master keeps none. A bank prints the name in either."""
        columns = [c for c in customers.columns if isinstance(c, str) and c != "Name"
                   and match_key(c) in OTHER_LANGUAGE_HEADERS]
        halves = halves_in_each_language(self.names, self._scripts_of)
        if not columns and halves is None:
            return None
        frame = pd.concat([pd.DataFrame({"Customer ID": customers["Customer ID"],
                                         "Name": customers[c]}) for c in columns]
                          + ([halves] if halves is not None else []))
        frame = frame[[isinstance(n, str) and bool(name_tokens(n)) for n in frame["Name"]]]
        if not len(frame):
            return None
        for cid, name in zip(frame["Customer ID"].astype(str), frame["Name"], strict=True):
            if cid in self._tokens:
                self._earlier_names.setdefault(cid, []).append(
                    (name_tokens(name), scripts(name)))
        return PayerDirectory(frame.reset_index(drop=True))

    def billed_in(self, cid: str, currency: str | None) -> bool:
        """Whether customer ``cid`` may pay in ``currency``: the master bills it so, or
        says nothing of either."""
        own = self._currencies.get(cid)
        return own is None or not currency or own == currency.upper()

    def without_banks(self, text: str) -> str:
        """A folded narrative without the banks it names, except a bank's name that is a
        customer's name too (a customer that is a bank, Al Rajhi Steel, Al Ahly Trading), or
        is followed by a business word: a company's (INCOMING SARIE AL RAJHI STEEL CO)."""
        return without_banks(text, self._a_customers_name)

    def _a_customers_name(self, phrase: str) -> bool:
        """Whether some customer's name has every distinctive word of ``phrase``."""
        known = self._customer_banks.get(phrase)
        if known is None:
            tokens = name_tokens(phrase)
            postings = [self._postings.get(t) for t in (distinctive(tokens) or tokens)]
            known = bool(postings) and all(p is not None for p in postings) and bool(
                set.intersection(*(set(p.tolist()) for p in postings)))
            self._customer_banks[phrase] = known
        return known

    # ---------------------------------------------------------------- accounts

    def _add_account(self, index: dict[str, set[str]], text: object, cid: str) -> None:
        key = alnum_key(text)
        if len(key) < 6:
            return
        index[key].add(cid)
        digits = key.translate(ONLY_DIGITS)  # (a key is letters and digits)
        if len(digits) >= 8 and index is self._accounts:
            index["#" + digits].add(cid)
            if len(digits) not in self._tail_lengths:
                self._tail_lengths.add(len(digits))
                self._tails_longest_first = sorted(self._tail_lengths, reverse=True)

    def learn(self, cid: object, account: object, name: object) -> None:
        """Remember that a receipt from this account / under this name was this customer's."""
        if cid is None or (isinstance(cid, float) and cid != cid):
            return
        cid = str(cid)
        if isinstance(account, str) and account.strip():
            self._add_account(self._learned_accounts, account, cid)
        if isinstance(name, str) and name.strip():
            full, _ = keys_of(name_tokens(name))
            if len(full) >= 4:
                self._learned_names[full].add(cid)

    def name_fits(self, cid: object, name: object) -> bool:
        """Whether a printed payer name may be the customer's own. It may unless it is written
        only in the scripts of the customer's name and shares no word with it, nor comes close
        to it by the rule of ``by_name``, nor was learned for it. Banks transliterate Arabic
        names beyond what name keys equate (``AL LUULEUEH BUILDING MATERIALS`` for ``معرض
        اللؤلؤة لمواد البناء``): a name in (or partly in) another script proves nothing.
        Compared with this customer only: cheap enough for every receipt a reference settles.
        A name that does not fit is a third party paying for the customer (a parent company,
        an owner, a relative)."""
        key = (cid, name)
        known = self._fits.get(key)
        if known is None:
            known = self._fits[key] = self._name_fits(str(cid), name)
        return known

    def _name_fits(self, cid: str, name: object) -> bool:
        tokens = name_tokens(name) if isinstance(name, str) else []
        if not tokens or cid not in self._keys:
            return True
        if cid in self._learned_names.get("".join(tokens), ()):
            return True
        arabic, latin = scripts(name)
        return any((arabic and not own[0]) or (latin and not own[1])
                   or self._close_names(tokens, own_tokens)
                   for own_tokens, own in self._names_of(cid))

    def shares_words(self, cid: object, name: object) -> bool:
        """Whether a printed name comes close to the customer's in any script (by ``name_fits``'
        rule without its benefit of the doubt for another script): ALBIRAKEH BUILDING MATERIALS
        may be مصنع البركة لمواد البناء, SUNRISE AGRO EST. is not مصنع الذهبي للمقاولات."""
        tokens = name_tokens(name) if isinstance(name, str) else []
        cid = str(cid)
        if not tokens or cid not in self._tokens:
            return True
        tokens = self._without_unlike_short_words(cid, str(name), tokens)
        return any(self._close_names(tokens, own) for own, _ in self._names_of(cid))

    def _without_unlike_short_words(self, cid: str, name: str, tokens: list[str]) -> list[str]:
        """``tokens`` without those that are a short word of the customer's name written in
        the other script without the long vowels its Arabic writes (``_short_words_written``):
        AHMED ALMULLA shares no word with شركة الأمل للتجارة. (A customer with a name in
        each script keeps them all: its other name may be the one the printed name writes.)"""
        i = self._position.get(cid)
        if i is None or not self._has_short[i] or cid in self._earlier_names:
            return tokens
        own = dict(self._short_scripts_of(i))
        if not own or not any(t in own for t in tokens):
            return tokens
        written = token_scripts(name)
        if len(written) != len(tokens):
            return tokens
        return [t for t, w in zip(tokens, written, strict=True)
                if t not in own or w is None
                or not self._other_script_disagrees({t: [w]}, [(t, own[t])])]

    def needed_words(self, cid: str) -> frozenset[str]:
        """The distinctive words of the customer's name, as name tokens (all of them where it
        has none): what a text must write to name it."""
        needed = self._needed.get(cid)
        return needed[0] if needed is not None else frozenset()

    def name_words(self, cid: str) -> frozenset[str]:
        """Every word of the customer's name, as name tokens."""
        return frozenset(self._tokens.get(cid, ()))

    def legal_forms_beside(self, text: object, cid: str) -> frozenset[str] | None:
        """The legal forms ``text`` prints with the customer's name: in a run of name words
        (``_name_runs``) writing its distinctive words, the forms right after its last word
        (SIEMENS ENERGY AG, DAWOOD TRADING L.L.C) or, in Arabic, right before its first
        (شركة دلتا للتجارة). A form elsewhere is another's or no form at all: an exchange
        house's (VIA AL ANSARI EXCHANGE LLC), a unit (500 KG), AG for 'against', C/O. None
        where no run writes the name (glued, misspelt): the caller reads the whole text."""
        own = self.name_words(cid)
        if not isinstance(text, str) or not text.strip() or not own:
            return None
        needed = self.needed_words(cid) or own
        found: frozenset[str] | None = None
        for run in self._name_runs(text, forms=True):
            words = folded_words(run)
            tokens = [set(name_tokens(w)) for w in words]
            if not needed <= set().union(*tokens):
                continue
            at = [i for i, t in enumerate(tokens) if not own.isdisjoint(t)]
            forms: set[str] = set()
            for w in words[at[-1] + 1:]:
                if not (kinds := legal_forms(w)):
                    break
                forms |= kinds
            for w in reversed(words[:at[0]]):
                # (a Latin name ends with its form; an Arabic one may begin with it)
                if w.isascii() or not (kinds := legal_forms(w)):
                    break
                forms |= kinds
            found = (found or frozenset()) | forms
        return found

    def resembles(self, cid: object, name: object) -> bool:
        """Whether a printed name comes close to the customer's own (``shares_words``), both
        being names: a blank or placeholder name, or a customer without one, resembles none."""
        tokens = name_tokens(name) if isinstance(name, str) else []
        cid = str(cid)
        return any(len(t) >= 3 for t in tokens) and cid in self._tokens \
            and self.shares_words(cid, name)

    def shares_distinctive(self, cid: object, name: object) -> bool:
        """Whether a printed name and the customer's share a distinctive word (not a generic
        business word: TRADING, FOODS...), as a part of the other's key (banks glue words:
        MERIDIANMARBLE), or their distinctive keys score as a likely name."""
        tokens = distinctive(name_tokens(name)) if isinstance(name, str) else []
        cid = str(cid)
        if not any(len(t) >= 3 for t in tokens) or cid not in self._tokens:
            return False
        key = "".join(tokens)
        for own_tokens, _ in self._names_of(cid):
            own = distinctive(own_tokens)
            own_key = "".join(own)
            if own and (any(len(t) >= 3 and t in own_key for t in tokens)
                        or any(len(t) >= 3 and t in key for t in own)
                        or fuzz.ratio(key, own_key) >= LIKELY_NAME):
                return True
        return False

    def _names_of(self, cid: str) -> list[tuple[list[str], tuple[bool, bool]]]:
        """(tokens, scripts) of each name the customer master gives ``cid`` (an ID given twice
        has each of its names)."""
        return [(self._tokens[cid], self._scripts_of[cid]), *self._earlier_names.get(cid, ())]

    @staticmethod
    def _close_names(tokens: list[str], own: list[str]) -> bool:
        """Whether two names' tokens share a word (as a part of the other's key: banks glue
        an article or a word to the next), or their keys score as a likely name."""
        full, distinct = keys_of(tokens)
        own_full, own_distinct = keys_of(own)
        if any(len(t) >= 3 and t in own_full for t in tokens) or \
                any(len(t) >= 3 and t in full for t in own):
            return True
        score = fuzz.ratio(full, own_full)
        if distinct and own_distinct:
            score = 0.75 * fuzz.ratio(distinct, own_distinct) + 0.25 * score
        return score >= LIKELY_NAME

    def by_account(self, account: object, narrative: str = "",
                   printed: list[str] | None = None) -> Payer | None:
        """The customer whose account the line's counterparty account (or an account number
        printed in the narrative) is; ``printed``: the narrative's, when already read
        (``printed_accounts``)."""
        keys = []
        key = alnum_key(account)
        if len(key) >= 6:
            keys.append(key)
        keys.extend(printed if printed is not None else _accounts_in(narrative))
        for k in keys:
            owners = self._accounts.get(k)
            if owners is None:
                digits = _NOT_DIGIT.sub("", k)
                for n in self._tails_longest_first:
                    if len(digits) > n and (owners := self._accounts.get("#" + digits[-n:])):
                        break
            if owners and len(owners) == 1:
                return Payer(next(iter(owners)), "account", 100.0)
            learned = self._learned_accounts.get(k)
            if learned and len(learned) == 1:
                return Payer(next(iter(learned)), "learned account", 99.0)
        return None

    @staticmethod
    def _may_quote_a_code(text: str) -> bool:
        """Whether ``text`` holds a word of one of ``_CUSTOMER_CODE``'s labels (keep the two
        together): few lines quote a customer number, and this plain test spares the others
        the pattern, tried from every position."""
        return "CUST" in text or "CLIENT" in text or "العميل" in text \
            or "BILLING" in text or "رقم الاشتراك" in text or "رقم المشترك" in text

    def without_codes(self, text: str) -> str:
        """``text`` without the customer numbers it quotes as such (CUST NO 10105, BILLING NO
        10105, كود العميل 10105) where one is a customer's ID: the payer's number, no invoice's,
        though an invoice may be numbered so (10105 of another customer)."""
        if not self._may_quote_a_code(text):
            return text
        return _CUSTOMER_CODE.sub(
            lambda m: " " if self._code_keys.get(_code_key(m.group(1))) else m.group(0), text)

    def by_code(self, text: str) -> Payer | None:
        """The customer whose ID a folded narrative quotes as its customer number (CUST NO
        11017, كود العميل C1046), when it is exactly one customer's (zero padding aside)."""
        if not self._may_quote_a_code(text):
            return None
        for m in _CUSTOMER_CODE.finditer(text):
            owners = self._code_keys.get(_code_key(m.group(1)))
            if owners is not None and len(owners) == 1:
                cid = next(iter(owners))
                return Payer(cid, "customer code", 99.0, [(cid, 99.0)])
        return None

    def by_mobile(self, folded: str, fields: tuple[object, ...], name: object = None,
                  narrative: object = None) -> Payer | None:
        """The customer whose Phone is the mobile number the line prints (``mobiles``) in its
        ``folded`` narrative or its other ``fields`` (counterparty, its account), unless the
        name the bank prints (``name``, else the ``narrative``'s words) is another customer's
        for certain: the two disagree, and neither decides."""
        if not self._mobiles:  # (a master without phones: nothing read, line by line)
            return None
        found = self._mobiles.owner([folded, *(fold_text(f) for f in fields)])
        if found is None:
            return None
        cid, printed = found
        named = (self.by_name(name) if isinstance(name, str) and name.strip()
                 else self.by_name(narrative, narrative=True) if isinstance(narrative, str)
                 else None)
        if named is not None and named.customer not in (None, cid) and named.certain:
            return None
        return Payer(cid, MOBILE, MOBILE_SCORE, [(cid, MOBILE_SCORE)], printed)

    @cached_property
    def _code_keys(self) -> dict[str, set[str]]:
        keys: dict[str, set[str]] = defaultdict(set)
        for cid in self.names:
            key = _code_key(cid)
            if any(c.isdigit() for c in key):
                keys[key].add(cid)
        return dict(keys)

    # ---------------------------------------------------------------- names

    @staticmethod
    def _block_keys(tokens: list[str], distinct: str, full: str,
                    indexing: bool = False) -> set[str]:
        keys = {t for t in distinctive(tokens) if len(t) >= 3}
        if len(distinct) >= 3:
            keys.add("^" + distinct[:3])
        elif len(distinct) == 2 and not (indexing and full.startswith(distinct)):
            # A distinctive word of two letters (SINAI, سيناء: sn) is no blocking word, and
            # after a business word (مصنع سيناء للأدوية: fktr sn frm) it begins neither key:
            # the name is found by it or by nothing (SINAI PHARMACEUTICAL L.L.C). A name
            # beginning with it is found by its first letters, as before.
            keys.add("^" + distinct)
        if len(full) >= 3:
            keys.add("^" + full[:3])
        return keys

    def narrative_words(self, narrative: object) -> str:
        """The words of a narrative that may be a name: not the bank's or the payer's
        boilerplate (TRANSFER, INV, سداد...), no word holding a digit, no bank it names."""
        text = fold_text(narrative)
        words = _name_words(text)
        if not BANK_WORDS.isdisjoint(words):  # (rare: the costly pattern only then)
            words = _name_words(self.without_banks(text))
        return " ".join(words)

    def narrative_sender(self, narrative: object) -> str:
        """The name a narrative gives as the sender (INWARD TRANSFER FROM X INV 123, /ORDP/X,
        حوالة واردة من X سداد): its words up to what was paid, less boilerplate and banks;
        "" when the narrative says no sender."""
        if not isinstance(narrative, str):
            return ""
        known = self._senders.get(narrative)
        if known is None:
            known = self._senders[narrative] = self._sender_of(narrative)
        return known

    def _sender_of(self, narrative: str) -> str:
        text = fold_text(narrative)
        found = _SENDER.search(text)
        if found is None:
            return ""
        run = found.group(1)
        if run and not run[-1].isspace() and found.end(1) < len(text) \
                and text[found.end(1)].isdigit():
            # (The run stopped inside a number: its last word is the number's letters, SI- of
            # SI-26/00668, F of F2026000123, ف- of ف-٢٠٢٦-٠١٨٧, not the sender's name.)
            run = run.rsplit(None, 1)[0] if len(run.split()) > 1 else ""
        words = []
        for w in run.split():
            if w in _SENDER_ENDS:
                break
            words.append(w)
        return self.narrative_words(" ".join(words))

    def name_run(self, narrative: object) -> str:
        """The narrative's name words when they stand together, with no digit among them:
        the name a bank prints after its own words and references without saying FROM
        (CR ACH 60675817 AL WAHA FOR TRADING FZCO, IPI TT REF: 014530546 DELTA STAR PAINTS,
        INWARD TRF/FT26325770C358/AL HADETHA SUPPLIES); "" when they are scattered (names
        on both sides of a number) or there are none."""
        if not isinstance(narrative, str):
            return ""
        text = fold_text(narrative)
        if not BANK_WORDS.isdisjoint(_NOT_A_WORD.split(text)):
            text = self.without_banks(text)
        parts = [w for w in _NOT_A_WORD.split(text) if w]
        at = [k for k, w in enumerate(parts) if w not in BOILERPLATE
              and (w.isalpha() or not any(c.isdigit() for c in w))]
        if not at or any(any(c.isdigit() for c in w) for w in parts[at[0]:at[-1] + 1]):
            return ""
        return " ".join(parts[k] for k in at)

    def by_sender(self, narrative: object,
                  among: list[tuple[str, float]] | None = None) -> Payer | None:
        """The payer a narrative names as the sender (INWARD TRANSFER FROM X, حوالة واردة من X,
        or, saying no FROM, its one run of name words: CR ACH 60675817 X), read as a name the
        bank printed: the customer, when that reading is certain (its words are the name, not
        words scattered in the text, so they are scored in full). With ``among`` (the
        customers the narrative's words make likely, best first), the sender must be the
        first of them. None otherwise."""
        words = self.narrative_sender(narrative) or self.name_run(narrative)
        if not words:
            return None
        tokens = name_tokens(words)
        if len(tokens) < 2:
            return None
        if among:
            # (A quick first look, against those customers only: most senders are not
            # certain for the first of them, and the full reading is costly.)
            full, distinct = keys_of(tokens)
            first = among[0][0]
            if first not in self._keys or self._score_against(full, distinct, first) < CERTAIN_NAME:
                return None
        found = self.by_name(words)
        # (A name learned from an earlier receipt is not read from the customer master: the
        # narrative's own reading of it stands.)
        if found is None or found.customer is None or not found.certain or found.how != "name" \
                or (among and found.customer != among[0][0]):
            return None
        return Payer(found.customer, "narrative name", found.score, found.candidates)

    def _score_against(self, full: str, distinct: str, cid: str) -> float:
        """A name's score against customer ``cid``'s, as ``_score`` gives it (not cut)."""
        own_full, own_distinct = self._keys[cid]
        score = fuzz.ratio(full, own_full)
        if distinct and own_distinct:
            score = 0.75 * fuzz.ratio(distinct, own_distinct) + 0.25 * score
        return score

    def by_name(self, name: object, narrative: bool = False) -> Payer | None:
        """Identify the payer by a printed name (or the words of a narrative)."""
        text = self.narrative_words(name) if narrative else fold_text(name)
        printed = name_tokens(text)
        tokens = self._without_article(text, printed)
        tokens = self._with_article(text, tokens)
        if not tokens:
            return None
        truncated = len(str(name)) >= TRUNCATED_AT and not narrative and len(tokens) > 1
        scored = self._read(text, printed, tokens, truncated, narrative)
        if scored is None or not scored.certain:
            scored = self._article_left_out(text, printed, tokens, truncated, narrative,
                                            scored) or scored
        if narrative and scored is not None and scored.candidates \
                and scored.candidates[0][1] > ONE_WORD_NAME:
            scored = self._one_word_among_others(str(name), scored)
        if self._lettered and scored is not None and scored.candidates:
            scored = self._letters_unwritten(text, scored)
        if not narrative and (scored is None or not scored.certain):
            scored = self._surname_first(str(name)) \
                or self._trade_first(tokens, truncated, scored) or scored
        if self.other_language is not None and (
                scored is None or not scored.certain or scored.score < WHOLE_NAME):
            # (printed in the language of the master's other name column)
            other = self.other_language.by_name(name, narrative)
            if other is not None and other.certain:
                if scored is None or not scored.certain or other.customer == scored.customer:
                    return other
                if other.score > scored.score:
                    # The text writes another customer's name whole in its other language
                    # (MANAMA GATEWAY CONTRACTING: بوابة المنامة للمقاولات - Manama Gateway
                    # Contracting) and this one's in part (Manama Gateway Trading, 95): the
                    # better by the margin, else nobody for sure.
                    return self._either(other, scored)
        learned = self._learned_names.get("".join(tokens))
        if learned and len(learned) == 1:
            cid = next(iter(learned))
            # A name learned from one customer's receipt says nothing when another customer
            # of the master has that name too (Sanabel Trading LLC, Sanabel Trading & Co).
            rivals = [c for c, s in (scored.candidates if scored else ())
                      if c != cid and s >= CERTAIN_NAME]
            if not rivals:
                return Payer(cid, "learned name", 97.0)
        return scored

    def _read(self, text: str, printed: list[str], tokens: list[str], truncated: bool,
              narrative: bool) -> Payer | None:
        """``_score`` of a text's ``tokens`` (``printed``: as ``name_tokens`` reads it), with
        the shapes of its words where a token is a customer's short word; cached."""
        shapes = scripts = None
        if self._short_tokens and any(
                self._construct_state(t) in self._short_tokens for t in tokens):
            scripts = token_scripts(text)
            shapes = token_shapes(text)
            if tokens != printed and len(shapes) == len(tokens):
                # (a Latin AL SALMIYA read as SALMIYA: its shape without the article too)
                shapes = tuple(
                    sh[2:] if t != p and sh is not None and sh.startswith("_l") else sh
                    for t, p, sh in zip(tokens, printed, shapes, strict=True))
        key = (tuple(tokens), truncated, narrative, shapes, scripts)
        if key not in self._cache:  # the same payer name comes back all month
            self._cache[key] = self._score(tokens, truncated, narrative, shapes, scripts)
        return self._cache[key]

    def _article_left_out(self, text: str, printed: list[str], tokens: list[str],
                          truncated: bool, narrative: bool, scored: Payer | None) -> Payer | None:
        """The payer read with the article taken off a word the text writes with it (AL DELTA
        FOOD INDUSTRIES: Delta For Food Industries W.L.L.), where other customers' names have
        the word with the article (Al Delta Pharmaceutical, الدلتا للهندسة) and the reading with
        it (``scored``) names no one for sure: banks print AL / EL before a name the master
        writes without it. The payer when that reading is certain and its customer scores the
        margin over every candidate of the reading with the article; None otherwise."""
        bare = self._without_article(text, tokens, known=True)
        if bare == tokens:
            return None
        found = self._read(text, printed, bare, truncated, narrative)
        if found is None or found.customer is None or not found.certain:
            return None
        rivals = [(c, sc) for c, sc in (scored.candidates if scored else ())
                  if c != found.customer]
        if rivals and found.score - max(sc for _, sc in rivals) < MARGIN:
            return None
        seen = {c for c, _ in found.candidates}
        candidates = sorted([*found.candidates, *((c, sc) for c, sc in rivals if c not in seen)],
                            key=lambda x: -x[1])
        return Payer(found.customer, found.how, found.score, candidates, found.evidence)

    @staticmethod
    def _either(better: Payer, other: Payer) -> Payer:
        """Two readings naming two customers for sure: ``better``'s customer where it scores
        the margin over ``other``'s, else none; the candidates of both, best first."""
        best: dict[str, float] = {}
        for c, sc in [*better.candidates, *other.candidates]:
            best[c] = max(sc, best.get(c, 0.0))
        candidates = sorted(best.items(), key=lambda x: -x[1])
        sure = better.score - other.score >= MARGIN
        return Payer(better.customer if sure else None, better.how, better.score, candidates,
                     better.evidence)

    def _one_word_among_others(self, narrative: str, found: Payer) -> Payer:
        """``found`` (the customers a narrative's words name) with the score of each
        candidate whose name has one distinctive word only capped at ``ONE_WORD_NAME``,
        where the narrative writes that word in a run of name words with another distinctive
        word beside it: GOLDEN EAGLE 12000 is no Golden for sure (nor Golden Trading), but
        as likely another company whose name starts so. A word of the name cut short (GOLDEN
        EAGLE TRAD for Golden Eagle Trading) is its own; the bank's words apart from the name
        (CASH DEP BRANCH 0286 BY GOLDEN) are another run. The payer is then the best of the
        rest, by the margin, as ``_score`` reads it. So with a name of business words only
        (مؤسسة الدولية للتجارة: INTERNATIONAL TRADING), where a run writing it writes a
        distinctive word beside (AHMED INTERNATIONAL TRADING: another company's name,
        ``_more_than_the_name``)."""
        runs: list[_NameRun] | None = None
        capped, changed = [], set()
        for c, sc in found.candidates:
            needed = self._needed.get(c)
            one = needed is not None and len(needed[0]) == 1
            if sc > ONE_WORD_NAME and needed is not None and (
                    one or not self._keys[c][1]):  # (no distinctive word: business words only)
                if runs is None:
                    runs = [self._name_run(tokens)
                            for tokens in map(name_tokens, self._name_runs(narrative))]
                if self._beside_another_word(c, needed[0], runs) if one \
                        else self._more_than_the_name(c, needed[0], runs):
                    sc = ONE_WORD_NAME
                    changed.add(c)
            capped.append((c, sc))
        if not changed:
            return found
        capped.sort(key=lambda x: -x[1])  # (stable: ties keep the customer id order)
        best, top = capped[0]
        if best == found.customer:
            return Payer(best, found.how, min(found.score, top), capped, found.evidence)
        second = capped[1][1] if len(capped) > 1 else 0.0
        return Payer(best if top - second >= MARGIN else None, found.how, top, capped,
                     found.evidence)

    @cached_property
    def _lettered(self) -> dict[str, str]:
        """The customers whose name begins with letters that are also a legal form (BSC
        Engineering LLC): those letters, which names read without (``names.FILLER``)."""
        return {c: letters for c, name in self.names.items()
                if (letters := leading_letters(name)) is not None}

    def _letters_unwritten(self, text: str, found: Payer) -> Payer:
        """``found`` with the score of each candidate whose name begins with letters that are
        also a legal form (``_lettered``) capped at ``ONE_WORD_NAME`` where ``text`` does not
        write them: read without them, BSC Engineering is Engineering, which any text saying
        ENGINEERING writes whole. The payer is then the best of the rest, by the margin."""
        written: set[str] | None = None
        capped, changed = [], False
        for c, sc in found.candidates:
            letters = self._lettered.get(c)
            if letters is not None and sc > ONE_WORD_NAME:
                if written is None:
                    written = set(folded_words(text))
                if letters not in written:
                    sc, changed = ONE_WORD_NAME, True
            capped.append((c, sc))
        if not changed:
            return found
        capped.sort(key=lambda x: -x[1])  # (stable: ties keep the customer id order)
        best, top = capped[0]
        second = capped[1][1] if len(capped) > 1 else 0.0
        return Payer(best if top - second >= MARGIN else None, found.how, top, capped,
                     found.evidence)

    def _name_run(self, tokens: list[str]) -> _NameRun:
        """A run of name words as ``_beside_another_word`` reads it, worked out once for all
        the candidates of a narrative (tens a line): each token's readings (as written,
        without an attached article l-, and in its construct state, as the master has it:
        ``_construct_state``; a token reads as a name's word when one of them is), the words
        the run reads as (all of them) and its distinctive tokens."""
        forms = {t: {t, t[1:] if t[:1] == "l" else t, self._construct_state(t)} for t in tokens}
        return _NameRun(tokens, set().union(*forms.values()), distinctive(tokens), forms)

    def _beside_another_word(self, cid: str, needed: frozenset[str],
                             runs: list[_NameRun]) -> bool:
        """Whether a run of name words (``runs``: ``_name_run``) writes the customer's one
        distinctive word (``needed``) and a distinctive word that is not its name's: one that
        does not read as a word of the name (``_name_run``), nor begins a word of it the run
        does not write, cut short (GOLDEN EAGLE TRAD for Golden Eagle Trading)."""
        own: set[str] | None = None
        for run in runs:
            if needed.isdisjoint(run.read):
                continue
            if own is None:
                own = set(self._tokens[cid])
            # (A name of one word says nothing of a trade either: NOON FOOD TRADING is no
            # Noon for sure, where GOLDEN TRADING CO may be Golden Trading.)
            for t in (run.tokens if len(own) == 1 else run.distinct):
                if len(t) >= 2 and run.forms[t].isdisjoint(own) and not any(
                        o.startswith(t) and o not in run.read for o in own):
                    return True
        return False

    def _more_than_the_name(self, cid: str, needed: frozenset[str],
                            runs: list[_NameRun]) -> bool:
        """Whether a run of name words (``runs``: ``_name_run``) writes the words a name of
        business words only needs (``needed``) and a distinctive word beside that is none of
        the name's (AHMED, AL AMAL; not GULF, nor the INDUSTRIES a bank adds to ALHODA
        PLASTIC: business words themselves)."""
        own = set(self._tokens[cid])
        return any(needed <= run.read and any(len(t) >= 2 and run.forms[t].isdisjoint(own)
                                              for t in run.distinct)
                   for run in runs)

    def _name_runs(self, narrative: str, forms: bool = False) -> list[str]:
        """The runs of name words a narrative writes: words apart from the bank's and the
        payer's boilerplate, a word holding a digit, a slash or a colon (/ORD/, :50K:), and the
        banks it names; a run ends with a legal form (CO, LLC...), and its last word, where it
        begins a business word or a legal form, is that word cut at the bank's field width (AL
        SAFWA GENERAL CON, EL-WADY ENG COM): left out; ``forms``: but a legal form (CO, AG,
        which begin COMPANY, AGENCY) kept, as ``legal_forms_beside`` reads it."""
        text = fold_text(narrative)
        if not BANK_WORDS.isdisjoint(_NOT_A_WORD.split(text)):
            text = self.without_banks(text)
        runs: list[str] = []
        run: list[str] = []

        def end() -> None:
            if run and len(run[-1]) >= 2 and _ALPHA.fullmatch(run[-1]) and not (
                    forms and run[-1] in _LEGAL_FORMS) and any(
                    w.startswith(run[-1]) and w != run[-1] for w in _CUT_WORDS):
                run.pop()
            if run:
                runs.append(" ".join(run))
            run.clear()

        for w in _RUN_PARTS.split(text):
            if not w or w.isspace():
                continue
            if _RUN_BREAK.fullmatch(w) or w in BOILERPLATE or w in _BANKS_OWN_WORDS \
                    or any(c.isdigit() for c in w):
                end()
                continue
            if not _NOT_A_WORD.sub("", w) or w in _LEGAL_FORMS_SPELLED:
                continue  # (a dot, a dash, an ampersand; SHARIKAT: شركة)
            run.append(w)
            if w in _LEGAL_FORMS:
                # (a name printed to its legal form ends there: AL FAJR PHARMA CO SINV 42)
                end()
        end()
        return runs

    def _without_article(self, text: str, tokens: list[str], known: bool = False) -> list[str]:
        """``tokens`` with the article taken off a word written in Arabic with it (السالمية,
        الفريد) that is no customer's word while the word without it is (the master's Salmiya
        Electronics, Farid Motors): a bank printing the Arabic name writes the article the
        English name leaves out. Only a word of 3 consonants or more once without it, and
        only where the article is one for sure: ال in Arabic letters, or AL / EL printed as a
        word of its own (AL SALMIYA, EL-SALMIYA; ALBERT, ALFREDO: no AL). ``known``: also a
        word that is a customer's word with the article too (``_article_left_out``)."""
        postings = self._postings
        if not any(len(t) >= 4 and t[0] == "l" and (known or t not in postings)
                   and t[1:] in postings for t in tokens):
            return tokens
        written = token_scripts(text)
        if len(written) != len(tokens):
            return tokens
        # A word that is the article and a word of no name (الشركة, الحساب, المصنع: a legal
        # form, the bank's words, a business word read in English) keeps its article.
        kept = {name_tokens(w)[0] for w in ARABIC_WORD.findall(text)
                if w.startswith("ال") and len(name_tokens(w)) == 1
                and (w[2:] in BOILERPLATE or name_tokens(w[2:]) != [name_tokens(w)[0][1:]])}
        # A Latin AL / EL printed apart from a name word (not a business word nor the bank's)
        apart = {"l" + skeleton(m.group(1)) for m in _LATIN_ARTICLE_APART.finditer(text)
                 if m.group(1) not in BOILERPLATE
                 and name_tokens(m.group(1)) == [skeleton(m.group(1))]}
        # (written with the article ال, then a consonant: not ALAMAL, الامل)
        return [t[1:] if len(t) >= 4 and t[0] == "l" and (known or t not in postings)
                and t[1:] in postings and t not in kept and w is not None
                and ((w[1] and w[0][:2] == "_l" and w[0][2:3] not in ("", "_", "="))
                     or (not w[1] and t in apart and w[0][2:3] not in ("", "_", "~")))
                else t for t, w in zip(tokens, written, strict=True)]

    def _surname_first(self, name: str) -> Payer | None:
        """A person's name printed surname first, before a comma (German and Swiss banks:
        ``MÜLLER, GRETEL`` for Gretel Müller), read in the master's order: the payer when that
        reading is certain. (Only with the comma: without it ``AHMED MOHAMED`` and ``MOHAMED
        AHMED`` are two people.)"""
        surname, comma, given = name.partition(",")
        surname_tokens = name_tokens(fold_text(surname))
        given_tokens = name_tokens(fold_text(given))
        if not comma or "," in given or not 1 <= len(surname_tokens) <= 2 \
                or not 1 <= len(given_tokens) <= 3:
            return None
        tokens = given_tokens + surname_tokens
        key = (tuple(tokens), False, False)  # (scored untruncated: its own cache entry)
        if key not in self._cache:
            self._cache[key] = self._score(tokens, False, False)
        found = self._cache[key]
        return found if found is not None and found.certain else None

    def _trade_first(self, tokens: list[str], truncated: bool,
                     scored: Payer | None) -> Payer | None:
        """A name printed with what the company does ahead of its own name (TEXTILES EAGLE,
        TRADING TITAN, PLASTICS ABD ALLAH OSMAN: a bank's or a clerk's index order), read
        with those words put back after the name (EAGLE TEXTILES). The payer when that reading
        is certain and its customer scores the margin over every other candidate of the
        reading as printed (``scored``), and the words moved are the customer's name's whole
        key (its trade too, as a reorder would be); None otherwise. Only the business words
        that lead move: the name's own words keep their order (AHMED MOHAMED is not MOHAMED
        AHMED)."""
        if truncated:
            tokens = tokens[:-1]  # (the word cut at the field's width says nothing)
        lead = 0
        while lead < len(tokens) and not distinctive([tokens[lead]]):
            lead += 1
        if not 0 < lead < len(tokens):
            return None
        moved = tokens[lead:] + tokens[:lead]
        key = ("trade first", tuple(moved))
        if key not in self._cache:
            self._cache[key] = self._score(moved, False, False)
        found = self._cache[key]
        if found is None or found.customer is None or not found.certain:
            return None
        # (The same words moved: the trade words too are the customer's, not only the
        # distinctive word. CONTRACTING ELSAID is no مؤسسة الصعيد للهندسة by that reading.)
        if fuzz.ratio(keys_of(moved)[0], self._keys[found.customer][0]) < CERTAIN_NAME:
            return None
        rivals = [sc for c, sc in (scored.candidates if scored else ()) if c != found.customer]
        if rivals and found.score - max(rivals) < MARGIN:
            return None
        return found

    def by_translation(self, name: object, read: Payer | None) -> Payer | None:
        """The customer whose Arabic name a printed Latin name translates word for word
        (GULF TRADING CO for شركة الخليج للتجارة, EAST STAR for نجمة الشرق), as a candidate
        scoring ``TRANSLATED_NAME``: never known for sure, so only an amount that is exactly
        its open invoice(s) makes it the payer. Only when the name's distinctive words are
        all translated and are all of that customer's (not a word more, not a word less),
        its other words are the customer's too, no other customer's name translates so, and the name as
        printed (``read``) makes no other customer likely. None otherwise."""
        got = translated_tokens(fold_text(name))
        if got is None:
            return None
        tokens, translated = got
        words = set(distinctive(list(tokens)))
        # (Every distinctive word translated: ELITE SYSTEMS HAMDY is no translated name.)
        if not words or not words <= translated:
            return None
        lists = [self._postings.get(t) for t in words]
        if any(x is None for x in lists):
            return None
        where, counts = self._counted(lists)
        fits = [self._ids[i] for i, n in zip(where.tolist(), counts.tolist(), strict=True)
                if n == len(words) and self._needed_count[i] == len(words)]
        fits = [c for c in fits if self._scripts_of[c] == (True, False)
                and self._needed[c][0] == words]
        if len(fits) != 1:
            return None
        cid = fits[0]
        # (Its business words too are the customer's: NILE CONTRACTING is not النيل
        # للصناعات الغذائية.)
        own = set(self._tokens[cid])
        if not all(_written(t, own) for t in tokens):
            return None
        if read is not None and (read.certain or any(
                c != cid and s >= LIKELY_NAME for c, s in read.candidates)):
            return None
        return Payer(cid, "translated name", TRANSLATED_NAME, [(cid, TRANSLATED_NAME)])

    def _score(self, tokens: list[str], truncated: bool, narrative: bool,
               shapes: tuple[str | None, ...] | None = None,
               scripts: tuple[tuple[str, bool] | None, ...] | None = None) -> Payer | None:
        if truncated:
            tokens = tokens[:-1]  # the last word may have been cut
        full, distinct = keys_of(tokens)
        if narrative:
            where, scores = self._narrative_scores(tokens, full, shapes, scripts)
            if not len(where):
                return None
        else:
            keys = {"~" + t for t in tokens if len(t) >= 3} | self._block_keys(tokens, distinct, full)
            blocks = [self._block_pos[b] for b in keys
                      if b in self._block_pos and len(self._block_pos[b]) <= MAX_BLOCK]
            if not blocks:
                return None
            where = self._union(blocks) if len(blocks) > 1 else blocks[0]
            # The distinctive words decide; what the company does (often translated,
            # abbreviated or cut off) only refines. A score under LIKELY_NAME - MARGIN decides
            # nothing (no candidate, and the best likely name clears the margin over it), so it
            # is not worked out exactly: it is 0.
            if distinct:
                # (a name of business words only lacks the text's distinctive word: its
                # distinctive key, empty, agrees in nothing)
                by_distinct = process.cdist(
                    [distinct], self._keys_at(self._distinct, self._distinct_fixed, where,
                                              truncated, len(distinct)),
                    scorer=fuzz.ratio, dtype=np.float32, score_cutoff=_DISTINCT_FLOOR)[0]
                # (only the names whose distinctive key agrees enough are compared in full)
                near = np.flatnonzero(by_distinct)
                scores = np.zeros(len(where), dtype=np.float32)
                if len(near):
                    by_full = process.cdist(
                        [full], self._keys_at(self._full, self._full_fixed, where[near],
                                              truncated, len(full)),
                        scorer=fuzz.ratio, dtype=np.float32)[0]
                    scores[near] = 0.75 * by_distinct[near] + 0.25 * by_full
            else:
                scores = process.cdist(
                    [full], self._keys_at(self._full, self._full_fixed, where, truncated,
                                          len(full)),
                    scorer=fuzz.ratio, dtype=np.float32, score_cutoff=_FULL_FLOOR)[0]
            if scripts is not None:
                # (A name the bank prints, in the other script than the customer's: its short
                # words must agree on the long vowels the Arabic writes, as a narrative's.)
                # (a truncated name's last token is left out of ``tokens``: its shape with it)
                by_script = self._by_token(tokens, scripts, strict=False)
                scores[self._script_disagreements(where, scores > SHORT_NAME, by_script)] = \
                    SHORT_NAME
            if shapes is not None:
                # (and in the same script, in a shape of its own: ZAYED is no Zaid for sure)
                scores[self._shape_disagreements(
                    where, scores > SHORT_NAME,
                    self._by_token(tokens, shapes, strict=False))] = SHORT_NAME
            rivals = {(t, GIVEN_NAME_RIVALS[t]) for t in tokens if t in GIVEN_NAME_RIVALS}
            if rivals:
                # (MOHAMMED ABDULLA TRADING is one letter from Mahmoud Abdulla Trading's key,
                # 96, but another man's name: a candidate at most)
                scores[self._given_name_disagreements(where, scores > SHORT_NAME, rivals)] = \
                    SHORT_NAME
            # (SALIM AL HARTHY printed for Salim Bin Hamad Al Harthy Trading)
            self._fathers_names_left_out(tokens, where, scores)
        likely = np.flatnonzero(scores >= LIKELY_NAME)
        if not len(likely):  # no candidate: nobody
            return None
        mine = {TRADE_OF[t] for t in tokens if t in TRADE_OF}
        if mine:
            # A family name shared across trades (Al Kauthar Chemical, الكوثر للإلكترونيات):
            # the text's trade tells them apart, so a name of another trade is a candidate at
            # most, and not a rival of the name whose trade the text writes.
            # (as ``_other_trade_of`` reads each, over all candidates at once: a common
            # family name brings hundreds a line)
            high = likely[scores[likely] > OTHER_TRADE_NAME]
            theirs = self._sector_masks[where[high]]
            other = high[(theirs != 0) & ((theirs & _sector_bits(mine)) == 0)]
            if len(other):
                scores = scores.copy()
                scores[other] = OTHER_TRADE_NAME
        # Best first; ties in customer id order (positions are sorted).
        likely = likely[np.argsort(-scores[likely], kind="stable")]
        best = float(scores[likely[0]])
        if len(likely) > 1:
            second = float(scores[likely[1]])
        else:
            second = float(np.partition(scores, len(scores) - 2)[len(scores) - 2]) \
                if len(scores) > 1 else 0.0
        first = likely[0]
        likely = likely[:MAX_CANDIDATES]
        top = list(zip(self._id_array[where[likely]].tolist(),
                       self._rounded(scores[likely].tolist()), strict=True))
        how = "narrative name" if narrative else "name"
        if best - second >= MARGIN:
            cid = self._ids[where[first]]
            if best >= CERTAIN_NAME and self._other_trade(tokens, cid):
                # The family name alone agrees (EL SHERIF BROS PACKAGING against Sherif
                # Brothers for Agricultural Products): a candidate, not the payer for sure.
                return Payer(cid, how, min(round(best, 1), OTHER_TRADE_NAME), top)
            return Payer(cid, how, round(best, 1), top)
        if self._only_full_name(tokens, top, best):
            # Told apart from a sister company by a word: the payer, but not for certain (a
            # name the bank transliterated may be a third customer's).
            return Payer(self._ids[where[first]], how, min(round(best, 1), SISTER_NAME), top)
        return Payer(None, how, round(best, 1), top)

    def _rounded(self, scores: list[float]) -> list[float]:
        """``scores`` each rounded to one decimal; each score once a run (``round`` costs
        more than a look-up, and a run reads the same few scores over and over)."""
        known = self._round_memo
        out = []
        for score in scores:
            r = known.get(score)
            if r is None:
                r = known[score] = round(score, 1)
            out.append(r)
        return out

    @staticmethod
    def _keys_at(keys: np.ndarray, fixed: np.ndarray, where: np.ndarray, truncated: bool,
                 length: int) -> np.ndarray | list[str]:
        """The name keys (``keys``; ``fixed``: the same in a fixed-width string array) of the
        customers at positions ``where``; ``truncated``, each cut to one character more than
        ``length``, the printed name's (its last word may have been cut)."""
        if truncated:
            # (A fixed-width string array cuts every name in one C pass.)
            return fixed[where].astype(f"U{length + 1}").tolist()
        return keys[where]

    def _given_name_disagreements(self, where: np.ndarray, among: np.ndarray,
                                  rivals: set[tuple[str, str]]) -> np.ndarray:
        """The positions in ``where`` (of those ``among`` marks) of the customers whose name
        has the other name of a given name the text writes (``rivals``: its key, the other's:
        Mahmoud's for MOHAMMED) and not the text's own."""
        found = [k for k in np.flatnonzero(among).tolist()
                 if any(other in (own := self._tokens[self._ids[where[k]]]) and key not in own
                        for key, other in rivals)]
        return np.array(found, dtype=np.int64)

    def other_trade(self, cid: str, name: str) -> bool:
        """Whether a printed name names a trade of no sector in common with the customer's
        (``_other_trade``)."""
        return self._other_trade(name_tokens(name), cid)

    def same_trade(self, cid: str, name: str) -> bool:
        """Whether a printed name and the customer's name a trade of one sector (TRANSPORT,
        SHIPPING; LOGISTICS, النقل)."""
        mine = {TRADE_OF[t] for t in name_tokens(name) if t in TRADE_OF}
        return bool(mine & self._sectors_of(cid))

    def _other_trade(self, tokens: list[str], cid: str) -> bool:
        """Whether the text names a trade and the customer's name another, of no sector in
        common (``names.TRADES``): PACKAGING or PAPER against AGRICULTURAL PRODUCTS. Family
        companies share a family name across trades; the trade tells them apart."""
        mine = {TRADE_OF[t] for t in tokens if t in TRADE_OF}
        return bool(mine) and self._other_trade_of(mine, cid)

    def _other_trade_of(self, mine: set[str], cid: str) -> bool:
        """Whether the customer's name names a trade of none of the sectors ``mine``."""
        theirs = self._sectors_of(cid)
        return bool(theirs) and not mine & theirs

    @cached_property
    def _sector_masks(self) -> np.ndarray:
        """Each customer's ``_sectors_of`` as bits (``_sector_bits``), by position."""
        return np.array([_sector_bits(self._sectors_of(c)) for c in self._ids] or [0],
                        dtype=np.int64)

    def _sectors_of(self, cid: str) -> frozenset[str]:
        """The sectors of the trades the customer's name names; worked out once a customer
        (a common family name brings hundreds of candidates a line)."""
        found = self._sectors.get(cid)
        if found is None:
            found = self._sectors[cid] = frozenset(
                TRADE_OF[t] for t in self._tokens.get(cid, ()) if t in TRADE_OF)
        return found

    def _only_full_name(self, tokens: list[str], top: list[tuple[str, float]],
                        best: float) -> bool:
        """Whether, of look-alike names scoring within the margin (sister companies: Golden
        Gate Logistics, Golden Gate Industries), the best (a certain score) is the only one whose
        every word the text writes: each other, in the same script, lacks a word of its own
        there, not even cut short (the text says LOGISTICS, not INDUSTRIES)."""
        if best < CERTAIN_NAME:
            return False
        words = set(tokens)
        close = [c for c, score in top if score > best - MARGIN]
        if len(close) < 2 or not set(self._tokens[close[0]]) <= words:
            return False
        # (A name in another script than the best's is not contradicted by missing words: the
        # bank may have transliterated it.)
        script = self._scripts_of[close[0]]
        return all(self._scripts_of[c] == script and any(
            not _written(t, words) for t in self._tokens[c]) for c in close[1:])

    def _union(self, blocks: list[np.ndarray]) -> np.ndarray:
        """The positions in any of ``blocks``, ascending."""
        seen = np.zeros(len(self._ids), dtype=bool)
        for b in blocks:
            seen[b] = True
        return np.flatnonzero(seen)
