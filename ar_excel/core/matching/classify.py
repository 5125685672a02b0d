"""Money in that is not a customer paying an invoice.

Interest, loan drawdowns, transfers between the company's own accounts, refunds and
reversals, dividends and capital, insurance claims: these credit the bank account but settle
no receivable, so they must never be matched to an invoice by amount or by a look-alike
name. A cash deposit may be a customer paying at the branch: it is matched only on a clear
invoice reference or a known payer account. Debits are payments out and never AR.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ar_excel.core.matching.normalize import Joined

# (pattern over the folded narrative, category). Arabic words are folded (ة -> ه, أ -> ا).
# The words the bank importers add to the narrative of money in that reverses a payment of
# ours (camt RvslInd on a credit, MT940 ':61:' RD): the statement itself says no customer paid
# it, so neither a known account nor a customer's name makes it a receipt.
PAYMENT_OUT_REVERSED = "Reversal of a payment out"

_RULES: list[tuple[str, str]] = [
    # (Islamic banks pay profit, not interest: Mudaraba and Murabaha deposits.)
    (r"\bINTEREST\b|\bINT\.? ?(CR|CREDIT|PAID)\b|\bZINS|\bINTERETS?\b|فوائد|فايده|عائد|عوائد|"
     r"\bPROFIT (DISTRIBUTION|PAYMENT|CREDIT|SHARE|ON DEPOSIT|ON TD)\b|\bMUDARABA|\bCR INT\b|"
     # (Hibah: the Islamic bank's gift on a savings account. Hiba alone is a woman's name.)
     r"\bHIBAH?(?: PAYMENT| CREDIT| DISTRIBUTION| ON (?:SAVINGS|DEPOSIT|ACCOUNT))|"
     r"ارباح (الوديعه|وديعه|حساب|الحساب)", "interest"),
    # (A bank's facility is lent money; "EMIRATES FACILITY MANAGEMENT" is a customer's name.)
    (r"\bLOAN\b|\bFINANCING\b|\bDRAWDOWN\b|\bCREDIT FACILITY|\bBANK FACILITY|"
     r"\bREVOLVING FACILITY|\bTERM FACILITY|\bFACILITY (?:DRAW|DISBURS|UTILI[SZ]|ADVANCE)|"
     r"\bDARLEHEN|\bKREDIT\b|قرض|تمويل|تسهيل|"
     # Islamic financing paid out (Tawarruq, a Murabaha drawn), and money advanced against
     # the receivables themselves (factoring, bills or invoice discounting): the invoices
     # stay open to the customer, whatever the amount.
     r"\bTAWARR?UQ\b|\bMURABAHA (?:DISBURS|PROCEEDS|DRAW|FINANC)|\bFACTORING\b|"
     r"\bBILLS? DISCOUNTING|\bDISCOUNTING PROCEEDS|\bINVOICE DISCOUNTING|شيكات مخصومه|"
     r"خصم شيكات|خصم (?:ال)?اوراق",
     "loan"),
    (r"\bOWN ACC|\bOWN A/?C|\bBETWEEN (OUR|OWN) ACC|\bINTERNAL TRANSFER|\bBOOK TRANSFER|"
     r"\bACCOUNT TRANSFER\b|\bUMBUCHUNG|\bVIREMENT INTERNE|تحويل بين الحسابات|بين حسابات|"
     r"تحويل داخلي|\bSWEEP\b|\bCASH POOL|\bFROM OUR (?:[A-Z]{3}|OTHER) (?:ACCOUNT|ACC|A/?C)\b|"
     r"\bFROM OUR (?:ACCOUNT|ACC|A/?C)\b|\bBETWEEN ACCOUNTS|\bINTERNAL (?:TRF|TFR|FUNDS)|"
     r"\bSELF TRANSFER|\bOWN FUNDS|\bINTER ?ACCOUNT TRANSFER|"
     # The statement's holder addressed by its bank: from YOUR account, من حسابكم الى
     # حسابكم; to a savings or deposit account of its own (الى حساب توفير).
     r"\bFROM YOUR (?:ACCOUNT|ACC|A/?C)\b|من حسابكم.*الي حسابكم|الي حساب (?:التوفير|توفير|الودائع)|"
     # The company's own account in its own words: from the company's account (تحويل من
     # حساب الشركة), ours (حساب شركتنا). 'الشركة' then a name or an adjective is another
     # company's account, a customer paying (من حساب الشركة المصرية للتجارة, من حساب شركة
     # النور): only the bare word, then nothing, a number, or where the account is held.
     r"من حساب(?:ات)? الشركه(?= *(?:$|\d|[/-]|الي |الجاري|الاخر|رقم|لدي |في |ب?بنك |بالبنك ))|"
     r"حساب(?:ات)? شركتنا",
     "own transfer"),
    (r"\bREFUND\b|\bREVERSAL\b|\bREVERSED\b|\bRETURNED\b|\bRETURN OF\b|\bRUECKUEBERWEISUNG|"
     r"\bRÜCK|\bSTORNO|\bCHARGEBACK|استرداد|مرتجع|عكس قيد|رد مبلغ|"
     # (PostFinance prints each ESR credit's reject code, ``?REJECT?0``: the slip's reference
     # was read by hand or not, the money is the customer's all the same.)
     r"\bRETURN (?:PAYMENT|TRANSFER|TRF|FUNDS)\b|"
     # A transfer of ours that the instant-payment or clearing rail sent back (IPP RETURN,
     # FAWRAN RETURN, AANI RTN, UAEFTS RETURN ... CLOSED ACCOUNT): the payee is often a
     # supplier that is a customer too, and its name is no receipt.
     r"\bIPP (?:RETURN|RTN)\b|\bAANI (?:RETURN|RTN)\b|\bIPI (?:RETURN|RTN)\b|"
     r"\bIPN (?:RETURN|RTN)\b|\bINSTAPAY (?:RETURN|RTN)\b|\bUAEFTS (?:RETURN|RTN)\b|"
     r"\bFTS (?:RETURN|RTN)\b|\bSARIE (?:RETURN|RTN)\b|\bIPS (?:RETURN|RTN)\b|"
     r"\bFAWRAN (?:RETURN|RTN)\b|\bWAMD (?:RETURN|RTN)\b|\bFAWRI\+? (?:RETURN|RTN)\b|"
     r"\bACH (?:RETURN|RTN)\b|\bRTGS (?:RETURN|RTN)\b|\bTT (?:RETURN|RTN)\b|"
     r"\bTRF (?:RETURN|RTN)\b|\bTFR (?:RETURN|RTN)\b|\bTRANSFER (?:RETURN|RTN)\b|"
     r"\bOUTWARD (?:RETURN|RTN)\b|\bRETURN OUTWARD\b|"
     r"\b(?:CLOSED|INVALID|INCORRECT|WRONG) (?:ACCOUNT|ACC|A/C|IBAN)\b|\bNAME MISMATCH\b|"
     r"\bCANCELL?ATION OF\b|الغاء|\bRETOURE|\bREJECT(?!\?\d)|"
     # The bank giving back our own money: a cheque of ours returned, a margin held against a
     # letter of credit or guarantee released, fees refunded.
     r"\bRTN CHQ|\bCHQ RTN|\bUNPAID CHQ|\bRETURNED UNPAID|\bMARGIN RELEASE|\bMARGIN REFUND|"
     r"\bCASH MARGIN|\bLC MARGIN|\bLG MARGIN|رد رسوم|رد مصاريف|استرداد رسوم|\bCASHBACK|"
     r"\bPETTY CASH RETURN|"
     # A card dispute won, a guarantee's or a bond's cash given back.
     r"\bDISPUTE (?:CREDIT|SETTLEMENT|REFUND)|\b(?:LG|L/G|BID BOND|TENDER BOND|"
     r"PERFORMANCE BOND|GUARANTEE) RELEASE|رد تامين|خطاب ضمان|خطابات ضمان",
     "refund"),
    (r"\bDIVIDEND|\bCAPITAL INCREASE|\bSHAREHOLDER|\bPARTNER CONTRIBUTION|توزيعات|زياده راس المال|"
     r"\bCAPITAL INJECTION|\bCAPITAL CONTRIBUTION|\bPARTNER CURRENT|\bPARTNERS CURRENT|"
     r"راس المال|جاري الشركاء", "capital"),
    # (An insurer is often a customer paying an invoice, MISR INSURANCE, شركة مصر للتأمين: a
    # claim or a compensation is what it pays that is no receivable.)
    (r"\bINSURANCE (?:CLAIM|SETTLEMENT|COMPENSATION|PAYOUT|INDEMNITY)|\bCLAIM SETTLEMENT|"
     r"تعويض|مطالبه تامين", "insurance"),
    (r"\bTAX REFUND|\bVAT REFUND|\bCUSTOMS REFUND|رد ضريبه", "refund"),
    (r"\bFX DEAL|\bFX CONVERSION|\bFX (?:SPOT|FORWARD|FWD)\b|\bFOREX|\bMONEY MARKET|\bSWAP\b|"
     r"\bDEPOSIT MATURITY|\bTIME DEPOSIT|\bTD MATURITY|"
     r"وديعه|ودائع|شهادات|\bT-BILL|\bTBILL|\bTREASURY BILL|اذون خزانه|\bSUKUK|صكوك|\bCOUPON PAYMENT|"
     r"\bSUKUK COUPON|\bBOND COUPON|كوبون", "treasury"),
    # Money the company receives outside its trade: a government's export or other subsidy,
    # the sale of a fixed asset, an employee repaying an advance.
    (r"\bEXPORT SUBSIDY|\bGOVERNMENT SUBSIDY|\bEXPORT SUPPORT|\bSUBSIDY PAYMENT|دعم الصادرات|"
     r"صندوق تنميه الصادرات|\bSALE OF FIXED ASSET|\bFIXED ASSET SALE|\bASSET DISPOSAL|"
     r"\bGOVT? GRANT|\bGOVERNMENT GRANT|\bEMPLOYEE ADVANCE|\bSTAFF ADVANCE|\bSTAFF LOAN|سلفه موظف|سلف الموظفين|سلفه العامل",
     "non-trade income"),
    # (Card schemes and payment gateways pay out the shop's card and online sales in batches.)
    # (Saudi banks print a mada payout as مدى - تسوية مبيعات نقاط البيع: the POS sales. A
    # settlement of sales alone, تسوية مبيعات, is also what a customer writes paying for its
    # purchases: only with the card scheme it is the shop's card sales.)
    (r"\bPOS SETTLEMENT|\bCARD SETTLEMENT|\bMERCHANT SETTLEMENT|تسويه نقاط البيع|"
     r"مبيعات نقاط البيع|تسويه مبيعات (?:مدي|البطاقات|فيزا)|"
     r"\bVISA SETTLEMENT|\bMASTERCARD SETTLEMENT|\bMADA SETTLEMENT|\bMERCHANT CREDIT|"
     r"\bFAWRY SETTLEMENT|\bFAWRY PAYOUT|\bPAYMOB|\bPAYTABS|\bHYPERPAY|\bSTRIPE PAYOUT|"
     r"\bACQUIRING SETTLEMENT|"
     # Egypt's and the Gulf's acquirers, wallets and buy-now-pay-later providers paying out
     # the shop's sales (MEEZA SETTLEMENT, GEIDEA PAYOUT, TABBY, تسوية ميزة, مستحقات التاجر),
     # and a settlement quoting the merchant's id (MID 4410023): no customer paying an
     # invoice, whatever the amount.
     r"\bMEEZA (?:SETTL|POS|PAYOUT|MERCHANT)|\bGEIDEA\b|"
     # (Tamara is a woman's name too: the provider only with what it pays.)
     r"\b(?:TABBY|TAMARA|VALU) (?:SETTL|PAYOUT|DISBURS)|"
     r"\bCHECKOUT\.?COM\b|\bNETWORK INT(?:ERNATIONAL|L)?\.? (?:PAYOUT|SETTL|MERCHANT|MID)|"
     r"\bMERCHANT (?:PAYOUT|DEPOSIT|SALES)|\bPOS SETTL|\bCARD SETTL|\bMADA SETTL|"
     r"\b(?:AMAN|OPAY|MASARY|KHALES|DAMEN) (?:SETTL|PAYOUT)|"
     # The Gulf's and Egypt's payment gateways and wallets paying out the shop's sales, and
     # a payout counting its transactions (142 TXNS): many buyers in one sum.
     r"\b(?:TELR|CCAVENUE|PAYFORT|AMAZON PAYMENT SERVICES|MOYASAR|TAP PAYMENTS|MYFATOORAH|"
     r"UPAYMENTS|THAWANI|SKIPCASH|POSTPAY|PAYSKY|NOON PAYMENTS|SPOTII|DIBSY|TABBY|MAMO PAY|"
     r"ZIINA) (?:SETTL|PAYOUT|TRANSFER|TRF|DISBURS|COLLECTIONS|MERCH)|"
     # (FAWRY PAY 8812345 NILE FOODS is one customer paying; its COLLECTIONS, many.)
     r"\bFAWRY(?: ?PAY| PLUS)? (?:PAYOUT|DISBURS|COLLECTIONS)\b|"
     r"\b(?:BENEFIT ?PAY|(?:APPLE|GOOGLE|SAMSUNG) PAY|STC ?PAY|URPAY|SADAD ?PAY|QPAY) "
     r"(?:SETTL|PAYOUT|MERCH)|\bPAYMENT GATEWAY|\bGATEWAY SETTL|\bPG SETTL|تحصيلات فوري|"
     r"\bCOLLECTIONS? SETTL|"
     r"\b\d{2,} (?:TXNS?|TRX|TRANSACTIONS)\b|"
     r"\bE-?COMMERCE SETTL|\bECOM SETTL|\bPAY SETTLEMENT|\bWALLET SETTLEMENT|"
     r"\b(?:K-?NET|NAPS|OMANNET|SPAN) (?:SETTL|PAYOUT|POS)|\bMID[ :#]*\d{5,}|تسويه ميزه|تسويه مدي|تسويه فيزا|تسويه البطاقات|مستحقات التاجر|"
     r"مستحقات تاجر", "card sales"),
    # Salaries paid through the Wage Protection System (UAE, KSA) that the employee's bank
    # sent back: the company's own payroll coming back (a refund), never a customer's money.
    # A salary paid into the company's account is payroll coming back, never a customer's.
    # A narrative that opens with the word (SALARY MOHAMED AHMED HASSAN, راتب شهر 10) is a
    # salary whoever it names: an employee who is also a customer does not pay an invoice so.
    (r"\bWPS\b|\bSALARY (?:TRANSFER|TRF|CREDIT)\b|\bPAYROLL (?:CREDIT|TRANSFER)\b|"
     r"تحويل (?:ال)?(?:مرتبات|رواتب)|"
     r"^SALARY\b|^SALARIES\b|^PAYROLL\b|^راتب\b|^مرتب\b|"
     r"\bSALARY RETURN|\bSALARIES RETURN|\bPAYROLL RETURN|\bRETURNED SALAR|"
     r"مرتجع رواتب|رواتب مرتجعه|مرتجع مرتبات", "refund"),
]
_CASH = re.compile(r"\bCASH DEP|\bCASH IN\b|\bCDM\b|\bATM DEP|\bBAREINZAHLUNG|\bVERSEMENT ESPECES|"
                   r"ايداع نقدي|ايداع نقدى|نقدا")
# One pass over the text: the rules as named alternatives (the first rule wins a tie).
_ANY = re.compile("|".join(f"(?P<r{k}>{p})" for k, (p, _) in enumerate(_RULES)))
_CATEGORY = {f"r{k}": c for k, (_, c) in enumerate(_RULES)}


# Words at least one rule needs: most narratives have none, and a substring test is cheap.
_TRIGGERS = (
    "INT", "ZINS", "فوائد", "فايده", "عائد", "LOAN", "FINANC", "DRAWDOWN", "FACILITY",
    "DARLEHEN", "KREDIT", "قرض", "تمويل", "تسهيل", "OWN", "BETWEEN", "BOOK TRANSFER",
    "ACCOUNT TRANSFER", "UMBUCHUNG", "VIREMENT", "تحويل", "REFUND", "REVERS", "RETURN", "RUECK",
    "RÜCK", "STORNO", "CHARGEBACK", "استرداد", "مرتجع", "عكس", "رد ", "DIVIDEND", "CAPITAL",
    "SHAREHOLDER", "PARTNER", "توزيعات", "راس المال", "جاري الشركاء", "INSURANCE", "CLAIM",
    "تعويض", "تامين", "TAX", "VAT", "CUSTOMS", "FX ", "SWAP", "DEPOSIT", "TD ", "وديعه",
    "ودائع", "شهادات", "POS ", "CARD", "MERCHANT", "تسويه",
    "عوائد", "PROFIT", "MUDARABA", "ارباح", "SWEEP", "POOL", "FROM OUR", "CANCEL", "الغاء",
    "RETOURE", "REJECT",
    "FOREX", "MONEY MARKET", "WPS", "SALAR", "PAYROLL", "رواتب", "مرتبات", "راتب", "مرتب",
    "CR INT", "CR. INT", "BETWEEN ACCOUNTS", "INTERNAL", "SELF TRANSFER", "OWN FUNDS", "INTER",
    "RTN", "UNPAID", "MARGIN", "رد رسوم", "رد مصاريف", "رسوم", "CASHBACK", "PETTY CASH",
    "BILL", "اذون", "SUKUK", "صكوك", "COUPON", "SETTLEMENT", "MERCHANT", "FAWRY", "PAYMOB",
    "PAYTABS", "HYPERPAY", "STRIPE", "بين حسابات", "SUBSIDY", "EXPORT SUPPORT", "دعم",
    "من حساب", "حساب شركتنا", "حسابات شركتنا",
    "MEEZA", "GEIDEA", "TABBY", "TAMARA", "VALU", "CHECKOUT", "NETWORK INT", "SETTL", "MID",
    "PAYOUT", "HIBA", "TAWAR", "MURABAHA", "FACTORING", "DISCOUNT", "DISPUTE", "RELEASE",
    "KNET", "NAPS", "OMANNET", "SPAN", "GRANT", "YOUR", "حسابكم", "توفير", "الودائع", "كوبون",
    "مخصومه", "خصم", "ضمان", "تامين",
    "ECOM", "تسويه", "مستحقات",
    "صندوق", "FIXED ASSET", "ASSET DISPOSAL", "ADVANCE", "STAFF", "سلف",
    "CLOSED", "INVALID", "INCORRECT", "WRONG", "MISMATCH", "TELR", "CCAVENUE", "PAYFORT",
    "AMAZON PAYMENT", "MOYASAR", "TAP PAYMENTS", "MYFATOORAH", "UPAYMENTS", "THAWANI",
    "SKIPCASH", "POSTPAY", "PAYSKY", "NOON PAYMENTS", "SPOTII", "DIBSY", "MAMO", "ZIINA",
    "GATEWAY", "تحصيلات", "TXN", "TRX", "TRANSACTIONS",
)


def inflow_category(folded: str) -> str | None:
    """The kind of non-customer inflow a folded narrative describes, or None."""
    if not any(t in folded for t in _TRIGGERS):
        return None
    m = _ANY.search(folded)
    return None if m is None else _CATEGORY[m.lastgroup]


def category_words(folded: str) -> list[str]:
    """The words of a folded narrative that make it a non-customer inflow (``FINANCING``,
    ``تمويل``): every match of the rules."""
    return [m.group(0) for m in _ANY.finditer(folded)]


def is_cash_deposit(folded: str) -> bool:
    return bool(_CASH.search(folded))


# ---------------------------------------------------------------- a statement at once
#
# The same answers for all lines of a statement, without running the rules' large patterns
# over every narrative: a pattern can only match a text holding the literal words each of its
# alternatives starts with, and those are found for all lines in one pass over the joined text.


def _alternatives(pattern: str) -> list[str]:
    """The top-level alternatives of a pattern."""
    out, depth, start, escaped = [], 0, 0, False
    for k, ch in enumerate(pattern):
        if escaped:
            escaped = False
        elif ch == "\\":
            escaped = True
        elif ch in "([":
            depth += 1
        elif ch in ")]":
            depth -= 1
        elif ch == "|" and depth == 0:
            out.append(pattern[start:k])
            start = k + 1
    out.append(pattern[start:])
    return out


def _literal_start(alternative: str) -> str:
    """Text every match of a pattern alternative contains: its literal start ("" if none)."""
    body = alternative.removeprefix("^").removeprefix(r"\b")
    literal = re.match(r"[^\\.?*+()\[\]{}|^$]*", body).group(0)
    if body[len(literal):len(literal) + 1] in ("?", "*", "+", "{"):
        literal = literal[:-1]  # the last letter is optional
    return literal


# (rule, alternative, its literal start) in pattern order.
_RULE_ALTERNATIVES = [(k, alt, _literal_start(alt))
                      for k, (p, _) in enumerate(_RULES) for alt in _alternatives(p)]
# The trigger words that hold no other one (INT, not INTER or CR INT): a line holds a trigger
# word exactly when it holds one of these, so only these are looked for.
_LEAST_TRIGGERS = tuple(dict.fromkeys(t for t in _TRIGGERS
                                      if not any(s != t and s in t for s in _TRIGGERS)))
_CASH_LITERALS = [_literal_start(alt) for alt in _alternatives(_CASH.pattern)]


@lru_cache(maxsize=256)
def _rules_pattern(alternatives: tuple[int, ...]) -> re.Pattern:
    """The rules' pattern with only some alternatives, in their order and groups."""
    by_rule: dict[int, list[str]] = {}
    for a in alternatives:
        k, alt, _ = _RULE_ALTERNATIVES[a]
        by_rule.setdefault(k, []).append(alt)
    return re.compile("|".join(f"(?P<r{k}>{'|'.join(alts)})" for k, alts in by_rule.items()))


# The alternatives' literal starts, shortest first, each with the shorter ones it holds
# (INTEREST holds INT): a line holding a literal holds those, so it is looked for only among
# their lines instead of in the whole statement again.
# Words several literals hold (POS SETTLEMENT, VISA SETTLEMENT...) are looked for once too.
_ANCHORS = ("SETTLEMENT", "FACILITY", "MARGIN", "SUBSID", "CAPITAL", "PARTNER", "RETURN",
            "COUPON", "ASSET", "ADVANCE", "MATURITY", "SALAR", "BILL", "سلف", "RTN", "CHQ",
            "CONTRIBUTION", "الصادرات", "تامين", "REVERS", "TRANSFER", "BETWEEN", "DEPOSIT")
_LITERALS = sorted({literal for _, _, literal in _RULE_ALTERNATIVES} | set(_ANCHORS),
                   key=lambda x: (len(x), x))
_INSIDE = {lit: [s for s in _LITERALS[:k] if s and s in lit] for k, lit in enumerate(_LITERALS)}
# The same for the trigger words no literal is.
_TRIGGER_INSIDE = {t: [s for s in _LITERALS if s and s in t]
                   for t in _LEAST_TRIGGERS if t not in _INSIDE}


def _lines_holding(joined: Joined, word: str, found: dict[str, set[int]],
                   inside: list[str]) -> set[int]:
    """The lines holding ``word``, where ``found`` holds the lines of the shorter words
    ``inside`` it (a line holding ``word`` holds them)."""
    if inside:
        fewest = min((found[s] for s in inside), key=len)
        # Reading the few lines that may hold it beats a scan of the whole statement; not
        # when they are most of it (E, of E-COMMERCE, is in three lines of four).
        if len(fewest) * 4 <= len(joined.texts):
            texts = joined.texts
            return {line for line in fewest if word in texts[line]}
    return joined.lines_with(word)


def _lines_with_literals(joined: Joined) -> dict[str, set[int]]:
    """The lines holding each literal start of the rules' alternatives."""
    found: dict[str, set[int]] = {}
    for lit in _LITERALS:
        found[lit] = _lines_holding(joined, lit, found, _INSIDE[lit])
    return found


def inflow_categories(folded: list[str] | Joined) -> list[str | None]:
    """``inflow_category`` of each folded narrative (or of the narratives joined)."""
    joined = folded if isinstance(folded, Joined) else Joined(folded)
    folded = joined.texts
    if not joined.apart:
        return [inflow_category(t) for t in folded]
    # Which alternatives each line holds the literal start of: the only ones that can match
    # it, so the first match of those is the first match of all.
    found = _lines_with_literals(joined)
    # ``inflow_category`` reads no further a line holding no trigger word: those lines are
    # found for the whole statement at once (the words the literals' search found already
    # are not looked for again), not by each line trying every word (a few alternatives,
    # BID BOND RELEASE, have no literal start, so every line holds them).
    triggered: set[int] = set()
    for word in _LEAST_TRIGGERS:
        triggered |= found[word] if word in found else _lines_holding(
            joined, word, found, _TRIGGER_INSIDE[word])
    holds: dict[int, list[int]] = {}
    for a, (_, _, literal) in enumerate(_RULE_ALTERNATIVES):
        for line in found[literal] & triggered:
            holds.setdefault(line, []).append(a)
    out: list[str | None] = [None] * len(folded)
    for line, alternatives in holds.items():
        m = _rules_pattern(tuple(alternatives)).search(folded[line])
        if m is not None:
            out[line] = _CATEGORY[m.lastgroup]
    return out


def cash_deposits(folded: list[str] | Joined) -> list[bool]:
    """``is_cash_deposit`` of each folded narrative (or of the narratives joined)."""
    joined = folded if isinstance(folded, Joined) else Joined(folded)
    folded = joined.texts
    if not joined.apart:
        return [is_cash_deposit(t) for t in folded]
    maybe: set[int] = set()
    for literal in _CASH_LITERALS:
        maybe |= joined.lines_with(literal)
    out = [False] * len(folded)
    for line in maybe:
        out[line] = bool(_CASH.search(folded[line]))
    return out
