"""What each column of a statement export holds, from its header.

The rule: a header names a column of the contract's ``Bank Statement`` sheet when it is one of
that column's aliases (``schema.BANK``: English, Arabic, German, French; case, spaces and
``_-./()`` ignored, Latin accents dropped), else when its words name the role (``Trans Date``,
``Withdrawal Amt.``, ``Available Balance``, ``Cargo``) and the values under it agree - dates
for a date, amounts for money. A Hijri date or an amount as instructed abroad ("Original
Amount") is never the account's date or money, nor a part of it or a hold ("Tax Amount",
"amount_refunded"). ``Amount (EUR)`` also gives the currency; numbered narrative columns
(``VWZ1``..``VWZ14``, DBS's ``Transaction Ref1``..``Ref3`` where nothing else is the narrative)
are joined into the narrative. Bank exports' own headers beyond the sheet's aliases
(``EXPORT_ALIASES``: Wise, Revolut, PayPal, Dutch and German banks) are known too.

Where a file leaves a choice, the running balance settles it: of two amount columns the
account's is the one the balance moves by (else the first, said so); a Debit without its
Credit takes the column beside it whose money fills its blanks. A second column of the other
party ("Payee Name" beside "Payer Name") fills the first's blanks; a party column holding
account numbers is the party's account. A "Started Date" is no booking date where another
date is given (Revolut's "Completed Date").
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from itertools import islice
from typing import Any

from ar_excel.bank.hijri import mostly_hijri
from ar_excel.bank.numbers import parse_amount, parse_date
from ar_excel.bank.page_breaks import heading_key, page_number_of
from ar_excel.core.customers.contacts import IBAN_WHOLE, is_iban
from ar_excel.core.customers.currencies import ISO_4217
from ar_excel.errors import InputError
from ar_excel.model import column_letter
from ar_excel.names import match_key
from ar_excel.parsing import is_blank, parse_currency
from ar_excel.schema import BANK

OPTION_KEYS = {"decimal", "date_format", "date_order", "day_first", "delimiter", "header_row",
               "sheet", "year"}


def header_row_asked(mapping: dict[str, Any] | None, rows: list[list[Any]], source: str
                     ) -> int | None:
    """The row a mapping's ``header_row`` names (1-based, as Excel numbers rows), 0-based;
    None where it names none. A value that is no row of the file is an ``InputError`` saying
    so (it would otherwise end in an index error)."""
    if not mapping or not mapping.get("header_row"):
        return None
    text = str(mapping["header_row"]).strip()
    if not text.isdigit() or not 1 <= int(text) <= len(rows):
        raise InputError(f"{source}: header_row '{text}' is not a row of the file: name the row "
                         f"holding the column names by its number, 1 to {len(rows)}")
    return int(text) - 1


def decimal_asked(mapping: dict[str, Any] | None, source: str) -> str | None:
    """The decimal mark a mapping names (``decimal=,``), None where it names none; any other
    value is an ``InputError`` saying what it may be."""
    value = str((mapping or {}).get("decimal") or "").strip()
    if not value:
        return None
    if value not in (",", "."):
        raise InputError(f"{source}: decimal '{value}' is neither ',' (1.234,56) nor '.' "
                         "(1,234.56)")
    return value


# Columns the contract does not name but exports carry and the importer uses.
EXTRA_FIELDS: dict[str, tuple[str, ...]] = {
    "_sign": ("Debit/Credit", "Credit/Debit", "D/C", "C/D", "Cr/Dr", "Dr/Cr", "DC", "CD",
              "Soll/Haben", "S/H", "Sens", "Debit Credit Indicator", "CdtDbtInd", "مدين/دائن",
              "دائن/مدين", "م/د", "د/م", "Af Bij", "Af/Bij"),
    "_posting_text": ("Posting Text", "Buchungstext", "Transaction Type", "Type d'opération",
                      "نوع العملية", "Mutatiesoort", "Art der Transaktion",
                      "Booking Text"),  # ZKB's English export: "Credit salary: <payer>"
    "_status": ("Status", "Booking Status", "الحالة", "Info",  # Sparkasse: "Umsatz vorgemerkt"
                "State", "Transaction Status", "Transaction State", "حالة العملية",
                "حالة المعاملة"),  # Revolut: COMPLETED / PENDING / REVERTED / DECLINED
    "_fee": ("Fee", "Fees", "Total Fees", "Fee Amount", "Commission", "رسوم", "الرسوم",
             "عمولة", "العمولة"),  # Revolut, Wise: beside the amount (see fees.py)
    "_net": ("Net", "Net Amount", "الصافي", "صافي المبلغ"),  # PayPal: Gross + Fee = Net
    # ABN AMRO: Beginsaldo | Eindsaldo, the balance before and after each line
    "_balance_before": ("Beginsaldo", "Saldo voor mutatie", "Balance Before"),
}

# Headers of fintech and portal exports naming a contract column no alias of the workbook's
# sheet spells: Wise's "TransferWise ID" and Revolut's "ID" are the bank's transaction id;
# the beneficiary's account of a Revolut or Wise payment out is the other party's account.
EXPORT_ALIASES: dict[str, tuple[str, ...]] = {
    # Dutch exports (ABN AMRO: Transactiedatum | Beginsaldo | Eindsaldo | Rentedatum |
    # Transactiebedrag; Rabobank, ING NL): the balance after the line is the running one
    "Date": ("Transactiedatum", "Boekdatum", "Boekingsdatum",
             "Buchung"),  # ING Germany: Buchung | Wertstellungsdatum (or Valuta)
    "Value Date": ("Rentedatum", "Wert",  # Deutsche Bank: Buchungstag | Wert
                   "Wertstellungsdatum"),
    # PayPal: Gross | Fee | Net, the balance moving by the net (see fees.py)
    "Amount": ("Transactiebedrag", "Gross", "Gross Amount"),
    "Reference": ("Invoice Number", "Invoice No", "Invoice ID", "Transactiereferentie",
                  "Betalingskenmerk", "Kenmerk", "End-to-End ID", "EndToEndId",
                  "End to End Reference", "Document No", "Document Number", "Voucher No",
                  "رقم الحوالة", "رقم السند"),
    "Bank Ref": ("ID", "TransferWise ID", "Wise ID", "Transaction Ref", "Volgnr", "Trans ID",
                 "Txn ID", "Bank Ref", "Bank Ref No", "Bank Reference No", "Transaktions-ID",
                 "Transaktionsnummer",
                 # Egyptian and Gulf exports' number of the bank's entry (movement, posting)
                 "رقم الحركة", "رقم المعاملة", "رقم القيد"),
    "Description": ("Omschrijving", "Remittance Info", "Payment Details",
                    "Transaction Narrative",
                    "Zahlungsreferenz"),  # SumUp: the payer's words ("RE 2026-1003")
    "Balance": ("Eindsaldo", "Saldo na trn", "Saldo na mutatie"),
    "Currency": ("Muntsoort",),
    "Counterparty": ("Naam tegenpartij", "Other Party", "الطرف الآخر", "اسم الطرف الآخر"),
    "Counterparty Account": ("Tegenrekening", "Tegenrekening IBAN/BBAN", "Payee Account Number",
                             "Beneficiary Account Number",
                             "Beneficiary IBAN", "Payer Account Number",
                             "Counterparty Account Number",
                             # the other party's account in Gulf and Egyptian exports
                             "حساب الطرف الآخر", "رقم حساب الطرف الآخر", "آيبان الطرف الآخر",
                             "حساب الطرف المقابل", "آيبان الطرف المقابل", "Other Party Account",
                             "Other Party IBAN"),
}

# A second column of the other party's name or account ("Payer Name" beside "Payee Name"):
# the one filled on each line names it (the payer of money in, the payee of money out).
PARTY_ROLES = ("Counterparty", "Counterparty Account")


# Narrative split over numbered columns: "VWZ1".."VWZ14", "Description 1", "Verwendungszweck 2".
_PART_STEMS = ("vwz", "description", "verwendungszweck", "narrative", "details", "memo",
               "libelle", "remittanceinformation", "purpose", "البيان", "الوصف")  # folded keys


# a currency sign in brackets that names one currency ("$" does not: USD, CAD, AUD...)
_HEADER_WORD_CCY = re.compile(r"(?i)^(.*?)[\s_]*[(\[]\s*euros?\s*[)\]]\s*$")  # "Montant(EUROS)"
_HEADER_TRAILING_CCY = re.compile(r"^(\w.*?)\s+([A-Z]{3})$")  # an ISO code after the words
_HEADER_SYMBOL = re.compile(r"^(.*?)[\s_]*[(\[]\s*([€£₹])\s*[)\]]\s*$")
# Gulf and Egyptian banks' abbreviations of their currency in a header, each of one currency
# only ("ريال" alone may be Saudi, Qatari or Omani: not here)
_HEADER_ABBREVIATIONS = {"dhs": "AED", "kd": "KWD", "qr": "QAR", "sr": "SAR", "le": "EGP",
                         "bd": "BHD", "ro": "OMR", "د.ك": "KWD", "ر.ق": "QAR", "ر.س": "SAR",
                         "ج.م": "EGP", "د.إ": "AED", "د.ا": "AED", "ر.ع": "OMR", "د.ب": "BHD"}
# in brackets ("Amount (KD)"), or after a space where it is no word of a name: the Arabic
# ones, written with their dot, and Dhs ("المبلغ د.ك", "Balance Dhs"); never inside a word
# ("Title", "Role")
_HEADER_ABBREVIATED = re.compile(
    r"(?i)^(.*?)[\s_]*[(\[]\s*(" + "|".join(re.escape(a) for a in _HEADER_ABBREVIATIONS)
    + r")\.?\s*[)\]]\s*$|^(.*?)\s+(" + "|".join(
        re.escape(a) for a in _HEADER_ABBREVIATIONS if "." in a or a == "dhs") + r")\.?\s*$")
_HEADER_CCY = re.compile(r"^(.*?)[\s_]*[(\[]\s*([A-Za-z]{3})\s*[)\]]\s*$|^(.*?)\s+in\s+([A-Z]{3})$")


def fold_key(text: Any) -> str:
    """match_key plus Latin accents dropped, so ``Débit`` finds ``Debit``."""
    key = match_key(text)
    return "".join(c for c in unicodedata.normalize("NFKD", key) if not unicodedata.combining(c))


# The date the bank booked a line, before the one the customer made it on, where an export
# prints both ("Posting Date | Transaction Date": a card payment of 31 Oct booked on 1 Nov is
# November's, and the running balance follows the booking)
BOOKING_FIRST = ("Booking Date", "Posting Date", "تاريخ القيد")


def _alias_keys() -> dict[str, list[str]]:
    keys: dict[str, list[str]] = {}
    for f in BANK.fields:
        aliases = [*f.aliases, *EXPORT_ALIASES.get(f.name, ())]
        if f.name == "Date":
            aliases = [a for a in BOOKING_FIRST if a in aliases] + [
                a for a in aliases if a not in BOOKING_FIRST]
        keys[f.name] = list(dict.fromkeys(fold_key(a) for a in (f.name, *aliases)))
    for name, aliases in EXTRA_FIELDS.items():
        keys[name] = list(dict.fromkeys(fold_key(a) for a in aliases))
    return keys


ALIASES = _alias_keys()


@dataclass
class Layout:
    header_row: int  # 0-based index in rows
    columns: dict[str, int]  # canonical -> column index
    parts: list[int] = field(default_factory=list)  # numbered narrative columns
    currency_hint: str | None = None
    headers: list[str] = field(default_factory=list)
    note: str | None = None  # how the layout was decided, where the clerk should check it
    headerless: bool = False  # no header row: the rows above the first line are all preamble
    # further columns of a party role (PARTY_ROLES), read where the chosen one is blank
    alternates: dict[str, list[int]] = field(default_factory=dict)
    # the payer's and the payee's name columns (DKB: Zahlungspflichtige*r | Zahlungsempfänger*in,
    # the account holder's own name in the other): the other party is the payer of money in
    # and the payee of money out
    payer_payee: tuple[int, int] | None = None
    asked: frozenset[str] = frozenset()  # the roles the clerk's mapping names: not second-guessed
    # the account's closing balance beside every line and the day it is as at (HSBCnet's
    # "Closing ledger balance | Closing ledger balance as at"): their columns
    account_closing: tuple[int, int] | None = None

    @property
    def preamble_end(self) -> int:
        """The rows above the statement's table (account information) end here."""
        return self.header_row + 1 if self.headerless else max(self.header_row, 0)


def split_header(cell: Any) -> tuple[str, str | None]:
    """A header and the currency it names: ``Amount (EUR)``, ``Betrag in EUR``; in a header
    over two lines, either line (``Withdrawal (AED)`` over ``سحب``)."""
    text = "" if cell is None else str(cell).strip()
    m = _HEADER_CCY.match(text)
    if m:
        name, ccy = (m.group(1), m.group(2)) if m.group(1) is not None else (m.group(3), m.group(4))
        # three letters that are no currency's code ("Amount (Net)") name none; "(Dhs)" is
        # the dirham's, not a currency DHS no invoice is in
        ccy = ccy.upper()
        return name, ccy if ccy in ISO_4217 else _HEADER_ABBREVIATIONS.get(ccy.lower())
    m = _HEADER_ABBREVIATED.match(text)  # "Amount (KD)", "المبلغ د.ك", "Balance (QR)"
    if m and (m.group(1) or m.group(3) or "").strip():
        name, abbreviation = (m.group(1), m.group(2)) if m.group(2) else (m.group(3), m.group(4))
        return name.strip(), _HEADER_ABBREVIATIONS[abbreviation.lower()]
    m = _HEADER_WORD_CCY.match(text)
    if m:
        return m.group(1), "EUR"
    m = _HEADER_TRAILING_CCY.match(text)  # ZKB's "Debit CHF | Credit CHF | Balance CHF"
    if m and m.group(2) in ISO_4217:
        return m.group(1), m.group(2)
    m = _HEADER_SYMBOL.match(text)  # "Betrag (€)", "Amount (£)"
    if m and re.fullmatch(r"[A-Z]{3}", parse_currency(m.group(2))):
        return m.group(1), parse_currency(m.group(2))
    if "\n" in text:
        for line in text.splitlines():
            name, ccy = split_header(line)
            if ccy:
                return text.replace(line, name), ccy
    return text, None


def _languages(header: str) -> list[str]:
    """The header in each language where it is written in both, Arabic and Latin letters:
    the one's words with the other's taken out ("Posting Date التاريخ" -> "Posting Date",
    "التاريخ"; "Debit/Credit مدين/دائن" -> "Debit/Credit", "مدين/دائن", each whole: no
    "Debit" of a Debit/Credit mark); none where it is in one language."""
    latin = re.sub(r"[\u0600-\u06ff]+", " ", header).strip(" /|-:()\n\t")
    arabic = re.sub(r"[A-Za-z]+", " ", header).strip(" /|-:()\n\t.")
    if not re.search(r"[A-Za-z]", latin) or not re.search(r"[\u0600-\u06ff]", arabic):
        return []
    return [latin, arabic]


# every alias of every column: a header that is one is that column's whole
_EVERY_ALIAS = frozenset(a for keys in ALIASES.values() for a in keys)


def match_columns(row: list[Any], mapping: dict[str, Any] | None) -> Layout | None:
    headers = ["" if c is None else str(c).strip() for c in row]
    split = [split_header(c) for c in headers]
    keys = [fold_key(name) for name, _ in split]
    columns: dict[str, int] = {}
    used: set[int] = set()
    if mapping:
        for canon, header in mapping.items():
            if canon in OPTION_KEYS or (canon == "Description" and isinstance(header, list)):
                continue
            want = fold_key(split_header(header)[0])
            # the header as written first: "Amount (AED)" beside "Amount (USD)" fold alike
            idx = next((i for i, h in enumerate(headers) if i not in used
                        and h.lower() == str(header).strip().lower()), None)
            if idx is None:
                idx = next((i for i, k in enumerate(keys) if k == want and i not in used), None)
            if idx is None:
                return None
            columns[canon] = idx
            used.add(idx)
    # a bilingual header ("Posting Date التاريخ", "Debit / مدين", "الرصيد\nBalance"): each
    # language's words name the column too, where the whole header names none
    bilingual = [(i, parts) for i, ((name, _), k) in enumerate(zip(split, keys, strict=True))
                 if k not in _EVERY_ALIAS and (parts := [fold_key(p) for p in _languages(name)])]
    for canon, alias_keys in ALIASES.items():
        if canon in columns:
            continue
        for alias in alias_keys:  # the canonical name first, then aliases in order
            idx = next((i for i, k in enumerate(keys) if k == alias and i not in used), None)
            if idx is None and bilingual:
                idx = next((i for i, parts in bilingual if alias in parts and i not in used), None)
            if idx is not None:
                columns[canon] = idx
                used.add(idx)
                break
    parts = []
    if mapping and isinstance(mapping.get("Description"), list):
        wanted = [fold_key(h) for h in mapping["Description"]]
        parts = [i for i, k in enumerate(keys) if k in wanted]
    else:
        for i, k in enumerate(keys):
            stem = k.rstrip("0123456789")
            if i not in used and stem != k and stem in _PART_STEMS:
                parts.append(i)
    money_cols = {columns.get(c) for c in ("Amount", "Debit", "Credit", "Balance")}
    ccy = next((c for i, (_, c) in enumerate(split) if c and i in money_cols), None)
    return Layout(0, columns, parts, ccy, headers,
                  asked=frozenset(c for c in (mapping or {}) if c not in OPTION_KEYS))


# Words that name a column's role in headers no alias spells out ("Trans Date", "Val Date",
# "Withdrawal Amt.", "Available Balance", "Débit euros", "Kontonummer/IBAN"): the fallback
# after the aliases, each role confirmed by the values under the header (dates, amounts).
_DATE_WORDS = {"date", "dt", "datum", "تاريخ", "fecha", "data", "tarih"}


_ROLE_WORDS: tuple[tuple[str, frozenset[str]], ...] = (
    ("Value Date", frozenset({"valuta", "valutadatum", "wertstellung", "valeur", "الاستحقاق",
                              "rentedatum"})),
    ("Date", frozenset(_DATE_WORDS)),
    ("Balance", frozenset({"balance", "bal", "saldo", "solde", "رصيد", "kontostand", "guthaben",
                           "bakiye", "zustatek", "egyenleg"})),
    ("Debit", frozenset({"debit", "debits", "withdrawal", "withdrawals", "debet", "مدين",
                         "سحب", "مسحوبات", "soll", "ausgang", "retrait", "retraits",
                         "cargo", "cargos", "debito", "dare", "borc", "borç", "dr",
                         "payments", "outflow", "outflows", "outgoing", "out",
                         "سحوبات", "خصم", "منه", "صادر", "صادرة", "مدفوعات", "مدينة",
                         "ausgehend", "ausgehende", "uscite", "gastos"})),
    ("Credit", frozenset({"credit", "credits", "deposit", "deposits", "دائن", "داين", "ايداع", "إيداع",
                          "إيداعات", "ايداعات", "haben", "eingang", "versement", "abono",
                          "abonos", "credito", "avere", "alacak", "cr", "receipts", "inflow",
                          "inflows", "incoming", "in", "له", "وارد", "واردة", "إضافة", "اضافة",
                          "مقبوضات", "دائنة", "eingehend", "eingehende", "entrate",
                          "ingresos"})),
    ("Amount", frozenset({"amount", "amt", "betrag", "montant", "مبلغ", "importe", "umsatz",
                          "bedrag", "importo", "valor", "tutar", "قيمة", "kwota", "castka",
                          "osszeg"})),
    ("Reference", frozenset({"ref", "reference", "referenz", "kundenreferenz", "chq", "cheque",
                             "instrument",
                             "check", "slip", "مرجع", "مرجعي", "المرجعي", "مستند", "شيك"})),
    # not "Kontonummer": GLS's own; the IBAN in Arabic letters ("آيبان المحول") too
    ("Counterparty Account", frozenset({"iban", "tegenrekening", "آيبان", "ايبان", "أيبان",
                                        "إيبان"})),
    ("Counterparty", frozenset({"beguenstigter", "begunstigter", "zahlungspflichtiger",
                                "payer", "payee", "beneficiary", "counterparty", "empfanger",
                                "empfaenger", "auftraggeber", "remitter", "naam",
                                "مستفيد", "المستفيد", "nadawca", "odbiorca", "kontrahent",
                                "protistrana", "sender", "ordering", "partner", "tegenpartij",
                                "contrepartie", "مرسل", "محول", "المحول", "zahlungsempfanger",
                                "zahlungsempfaenger", "zahlungspflichtige",
                                "جهة"})),  # Egyptian exports' "الجهة": who paid or was paid
    ("Description", frozenset({"description", "desc", "descr", "narration", "narr", "narrative",
                               "details", "detail",
                               "particulars", "memo", "remarks", "بيان", "وصف", "تفاصيل",
                               "بيانات",  # "البيانات", "بيانات إضافية"
                               "verwendungszweck", "libelle", "purpose", "omschrijving",
                               "mededelingen", "concepto", "descripcion", "descrizione",
                               "causale", "descricao", "historico", "aciklama", "acıklama",
                               "ملاحظات", "opis", "tytul", "tytuł", "popis", "kozlemeny",
                               # neon's "Subject", German "Betreff": the payer's words
                               "subject", "betreff"})),
    ("Currency", frozenset({"currency", "ccy", "waehrung", "wahrung", "devise", "عملة", "waluta", "munt",
                            "mena"})),
)


_WORDS_OF = dict(_ROLE_WORDS)
# Words saying a column of the other party's holds its account, not its name.
_ACCOUNT_WORDS = frozenset({"account", "acct", "acc", "iban", "حساب", "الحساب"})


MONEY_ROLES = {"Amount", "Debit", "Credit", "Balance"}


SAMPLE_ROWS = 200


def header_words(header: str) -> set[str]:
    """Lower-case words of a header, Latin accents dropped, Arabic 'ال' also taken off. An
    Arabic hamza is a letter's, not an accent: "الدائن" keeps it (stripped, it was "الداين",
    which no word list holds, and Riyad Bank's "المبلغ الدائن" went unread)."""
    text = re.sub(r"(?<=[a-z])(?=[A-Z])", " ", header)  # "PostingDate"
    text = re.sub(r"(?<=\w)[*:](?:in|innen|r|e)\b", "", text)  # "Zahlungsempfänger*in"
    kept: list[str] = []
    for c in unicodedata.normalize("NFKD", text.lower()):
        if unicodedata.combining(c) and kept and kept[-1] < "\u0250":
            continue  # an accent on a Latin letter
        kept.append(c)
    text = unicodedata.normalize("NFC", "".join(kept))
    words = set(re.findall(r"[^\W_]+", text))
    return words | {w[2:] for w in words if w.startswith("ال") and len(w) > 4}


# the day a payment was started or authorised (Revolut's "Started Date", "Date started (UTC)"),
# not the day the bank booked it ("Completed Date" beside it)
_STARTED_WORDS = {"started", "start", "initiated", "authorised", "authorized", "requested"}


# a date's word naming it the value date: "Value Date", "Val Dt", "تاريخ القيمة", and
# "تاريخ الاحتساب" (Egyptian banks': the day interest counts from)
_VALUE_OF_A_DATE = {"value", "val", "قيمة", "احتساب"}


_HIJRI_WORDS = {"هجري", "الهجري", "هجرى", "hijri", "hijrah", "hegira"}  # Saudi exports' second date


# the payment as instructed abroad ("Original Amount", "Orig Ccy"), not the account's money
_FOREIGN_WORDS = {"original", "orig", "instructed", "foreign", "fx", "fcy", "source", "الأصلي",
                  "الاصلي", "الأصلية", "الاصلية", "ursprungsbetrag", "oorspr", "oorspronkelijk"}


# money beside the line's own in shop and payment-app exports ("Shipping and Handling Amount",
# "Sales Tax", "Insurance Amount", "Tip", "Blocked Amount"): a part of it or a hold, never it
_PART_OF_THE_MONEY = {"shipping", "handling", "insurance", "tax", "vat", "discount", "cashback",
                      "tip", "blocked", "hold", "held", "reserved", "refunded", "disputed",
                      "ضريبة", "الضريبة"}  # Stripe: amount_refunded, disputed_amount


def _role_by_words(header: str, taken: set[str]) -> str | None:
    words = header_words(header)
    if words & _HIJRI_WORDS or words & _FOREIGN_WORDS or words & _PART_OF_THE_MONEY:
        return None
    if (words & _WORDS_OF["Debit"] and words & _WORDS_OF["Credit"]
            and not words & _WORDS_OF["Balance"]):  # "Debit/Credit ..." (not "Balance Dr/Cr")
        return "Amount" if words & _WORDS_OF["Amount"] and "Amount" not in taken else None
    if (words & _WORDS_OF["Counterparty"] and (words & _ACCOUNT_WORDS or {"a", "c"} <= words)
            and "Counterparty Account" not in taken):
        return "Counterparty Account"  # "Remitter Account", "Sender A/C", "حساب المحول"
    for canon, keys in _ROLE_WORDS:
        hit = bool(words & keys)
        if canon == "Date" and words & _STARTED_WORDS and "_started" not in taken:
            hit = False  # the booking day is another column's; see started_date_fallback
        if canon in ("Date", "Value Date") and words & _WORDS_OF["Balance"]:
            # the date of a balance ("Closing ledger balance date" on every row of HSBCnet's
            # and SAB's export, "تاريخ الرصيد"): the statement's, not the line's
            hit = False
        if canon == "Value Date":
            hit = hit or bool(words & _VALUE_OF_A_DATE and words & _DATE_WORDS)
        if hit and canon not in taken:
            return canon
    return None


def role_of_header(header: Any) -> str | None:
    """The role one header names, by its aliases, else its words (no other column
    considered): "التاريخ" and "Date" both Date, "الرصيد" and "Balance" both Balance."""
    key = fold_key(header)
    name = split_header(header)[0]
    return next((canon for canon, keys in ALIASES.items() if key in keys), None) or (
        _role_by_words(name, set()) if name else None)


def money_role_by_words(header: str, taken: set[str]) -> str | None:
    """``Debit``, ``Credit`` or ``Amount`` where a header's words name one of them and no
    alias does ("مدين Debit", "Credit دائن"): a sub-header under a merged money group."""
    canon = _role_by_words(split_header(header)[0], taken)
    return canon if canon in ("Debit", "Credit", "Amount") else None


def is_gregorian_date(value: Any) -> bool:
    """A date of this era (a Hijri 1448/05/11 in a Saudi export's second column is not)."""
    try:
        stamp = parse_date(value)
    except (ValueError, OverflowError):
        return False
    return stamp is not None and 1900 <= stamp.year <= 2100


def _values_read_as(rows: list[list[Any]], idx: int, canon: str,
                    header: str | None = None) -> bool:
    """Whether the values under a header guessed from its words fit the role: dates for a
    date column, amounts for a money column (at least 4 in 5; a column blank in the sample
    passes). The header itself repeated on each page of the export is none of its values."""
    if canon not in MONEY_ROLES and canon not in ("Date", "Value Date"):
        return True
    again = fold_key(header) if header else None
    values = [r[idx] for r in rows[:SAMPLE_ROWS] if idx < len(r) and not is_blank(r[idx])
              and not (again and isinstance(r[idx], str) and fold_key(r[idx]) == again)]
    ok = 0
    for v in values:
        if isinstance(v, str) and not re.search(r"\d", v):
            continue
        ok += reads_as_amount(v) if canon in MONEY_ROLES else is_gregorian_date(v)
    return ok >= 0.8 * len(values)


def reads_as_amount(value: Any) -> bool:
    """Whether a cell reads as an amount, with either decimal mark."""
    if is_blank(value):
        return False
    for mark in (".", ","):
        try:
            if parse_amount(value, mark) is not None:
                return True
        except ValueError:
            pass
    return False


# a document's number as a payer writes it: letters and digits, a separator between
# ("INV-2026-00994", "PO/7781", "FT26310AGY3AS" is a code of the bank's, without one)
_DOCUMENT_NUMBER = re.compile(r"(?=.*\d)[^\W_]+(?:[-/#.][^\W_]+)+")


# a balance net of holds and limits: not the running balance of the booked lines
_AVAILABLE_WORDS = {"available", "avail", "cleared", "متاح", "المتاح", "verfugbar",
                    "verfuegbar", "disponible"}


def _rows_of_lines(above: list[list[Any]], data: list[list[Any]]) -> list[list[Any]]:
    """The rows under the header but a page's number and its heading printed again (a row
    of the rows above the header: the bank's title, the account's details): under a date
    column, 'Page 2 of 2' and the bank's name are no sign that it holds no dates, and on a
    short statement two such rows of eight would outvote its dates."""
    headings = {heading_key(r) for r in above} - {()}
    kept = (r for r in data if not page_number_of(r)
            and not (headings and heading_key(r) in headings))
    return list(islice(kept, SAMPLE_ROWS))  # (the sample ``_values_read_as`` reads)


def add_roles_by_words(rows: list[list[Any]], layout: Layout, data_from: int) -> None:
    """Give the headers no alias names a role from their words (see ``_ROLE_WORDS``)."""
    used = set(layout.columns.values()) | set(layout.parts)
    data = rows[data_from:]
    values = _rows_of_lines(rows[:data_from], data)
    for idx, header in enumerate(layout.headers):
        if idx in used or not header:
            continue
        taken = set(layout.columns)
        if taken & {"Debit", "Credit"}:
            # the money is in Debit/Credit; another amount ("Original Amount (USD)") is not it
            taken.add("Amount")
        canon = _role_by_words(split_header(header)[0], taken)
        if canon is None and "Description" in layout.columns and _role_by_words(
                split_header(header)[0], set(layout.columns) - {"Description"}
        ) == "Description" and any(isinstance(r[idx], str) and (
                " " in r[idx].strip() or _DOCUMENT_NUMBER.fullmatch(r[idx].strip()))
                                   for r in data[:SAMPLE_ROWS] if idx < len(r)):
            # a second narrative column of free text ("Mededelingen", "Memo") or of the
            # payer's document numbers ("Remarks: INV-2026-00994"), not of codes ("TRF")
            layout.parts.append(idx)
            used.add(idx)
            continue
        if canon == "Balance" and _one_figure(values, idx, header):
            # HSBCnet's "Closing ledger balance" on every line: the account's, not a line's
            # (kept with the day it is as at: ``account_balance_columns``)
            layout.account_closing = layout.account_closing or _closing_and_its_day(
                layout.headers, idx, values)
            continue
        if canon and _values_read_as(values, idx, canon, header):
            layout.columns[canon] = idx
            used.add(idx)
            if canon in MONEY_ROLES and layout.currency_hint is None:
                layout.currency_hint = split_header(header)[1]
    _ledger_balance_over_available(data, layout, used)
    _other_side_of_debit_and_credit(data, layout, used)
    _numbered_narrative(layout, used)
    _narrative_by_its_text(data, layout, used)
    _amount_the_balance_follows(data, layout, used)
    _accounts_under_a_party_header(data, layout, used)
    _account_beside_the_own_account(rows[:data_from], data, layout, used)
    _party_alternates(layout, used)
    _started_date_fallback(data, layout, used)
    _gregorian_over_hijri(data, layout, used)
    _the_payers_reference_and_the_banks(data, layout, used)


# a reference column's words saying it is the payer's own ("Customer Reference", "User
# Reference", "Your Reference", "مرجع العميل"), not the bank's transaction reference
_PAYERS_WORDS = {"customer", "user", "client", "your", "payer", "remitter", "sender", "kunde",
                 "عميل", "العميل",
                 # a cheque's number is the payer's instrument, beside the bank's reference
                 # ("Cheque No. | Reference No.", "رقم الشيك | رقم المرجع")
                 "cheque", "check", "chq", "شيك", "الشيك"}


def _the_payers_reference_and_the_banks(data: list[list[Any]], layout: Layout, used: set[int]
                                        ) -> None:
    """Two reference columns, one the payer's ("User Reference": the invoice number it
    wrote) and one the bank's ("Reference No": its transaction id), where only one had a
    role: the second was dropped, and with it, where it was the payer's, the invoice
    number. The payer's is the line's Reference, the bank's its Bank Ref; where the
    headers do not tell which is which, nothing is changed."""
    at = layout.columns.get("Reference")
    if at is None or "Bank Ref" in layout.columns or {"Reference", "Bank Ref"} & layout.asked:
        return

    def payers(idx: int) -> bool:
        return bool(header_words(split_header(layout.headers[idx])[0]) & _PAYERS_WORDS)

    others = [idx for idx, header in enumerate(layout.headers)
              if idx not in used and header
              and header_words(split_header(header)[0]) & _WORDS_OF["Reference"]
              and any(not is_blank(r[idx]) for r in data[:SAMPLE_ROWS] if idx < len(r))]
    if len(others) != 1 or payers(others[0]) == payers(at):
        return
    other = others[0]
    layout.columns["Reference"], layout.columns["Bank Ref"] = (
        (other, at) if payers(other) else (at, other))
    used.add(other)


def _gregorian_over_hijri(data: list[list[Any]], layout: Layout, used: set[int]) -> None:
    """A Saudi export's Date column of Hijri dates ('التاريخ': 21/05/1448 هـ) where another
    header names a date ('التاريخ الميلادي', 'Txn Date'; not a value or a start date) over
    Gregorian dates: the booking date is that one, as the bank booked it (a Hijri date is
    read in Umm al-Qura, which a bank's own calendar may differ from by a day)."""
    at = layout.columns.get("Date")
    if at is None or not mostly_hijri([r[at] for r in data[:SAMPLE_ROWS] if at < len(r)]):
        return
    for idx, header in enumerate(layout.headers):
        words = header_words(split_header(header)[0]) if header else set()
        if (idx not in used and words & _DATE_WORDS
                and not words & (_STARTED_WORDS | _WORDS_OF["Value Date"] | _VALUE_OF_A_DATE)
                and _values_read_as(data, idx, "Date", header)):
            layout.columns["Date"] = idx
            used.add(idx)
            return


# the other party's bank, not the party: "Beneficiary sort code or routing number", "Payee BIC"
_BANK_CODE_WORDS = {"code", "routing", "sort", "bic", "swift", "bank", "blz", "aba"}


def _numbered_narrative(layout: Layout, used: set[int]) -> None:
    """DBS's "Transaction Ref1 | Transaction Ref2 | Transaction Ref3" and no description
    column: numbered columns of one name hold the narrative, joined in order."""
    if "Description" in layout.columns or layout.parts:
        return
    groups: dict[str, list[int]] = {}
    for idx, header in enumerate(layout.headers):
        key = fold_key(header) if header else ""
        stem = key.rstrip("0123456789")
        if idx not in used and stem and stem != key:
            groups.setdefault(stem, []).append(idx)
    numbered = [cols for cols in groups.values() if len(cols) >= 2]
    if len(numbered) == 1:
        layout.parts = numbered[0]
        used.update(numbered[0])


def _narrative_by_its_text(data: list[list[Any]], layout: Layout, used: set[int]) -> None:
    """No column named as the narrative ("Posting Date | Text | Amount", a header no word of
    ours names): the column of words that vary from line to line is it, the longest where
    several are (as a file without a header is read), so that the lines' words are not lost.
    Not a column of a few codes repeated ("TRF", "CHQ": the kind of each line)."""
    if "Description" in layout.columns or layout.parts:
        return
    texts = []
    for idx in range(len(layout.headers)):
        if idx in used:
            continue
        values = [r[idx] for r in data[:SAMPLE_ROWS] if idx < len(r) and not is_blank(r[idx])]
        if (len(values) >= 2 and all(isinstance(v, str) and _LETTERS.search(v) for v in values)
                and sum(" " in v.strip() for v in values) * 2 >= len(values)
                and len(set(values)) * 2 > len(values)):
            texts.append((sum(len(v) for v in values) / len(values), idx))
    if texts:
        layout.columns["Description"] = max(texts)[1]
        used.add(max(texts)[1])


_LETTERS = re.compile(r"[^\W\d_]{2}")


def balance_steps_followed(data: list[list[Any]], value: int, balance: int) -> tuple[int, int]:
    """How many steps of the running balance from line to line a column's figures explain
    (oldest first or newest first, the better), and how many steps there are."""
    figures = []
    for row in data[:SAMPLE_ROWS]:
        pair = []
        for idx in (value, balance):
            cell = row[idx] if idx < len(row) else None
            try:
                pair.append(parse_amount(cell, ".") if not is_blank(cell) else 0.0)
            except ValueError:
                pair.append(None)
        if None not in pair and not is_blank(row[balance] if balance < len(row) else None):
            figures.append(pair)
    steps = list(zip(figures, figures[1:], strict=False))
    older_first = sum(abs(b[1] - a[1] - b[0]) < 0.005 for a, b in steps)
    newer_first = sum(abs(a[1] - b[1] - a[0]) < 0.005 for a, b in steps)
    return max(older_first, newer_first), len(steps)


# an amount column named as the payment's own currency's, not the account's
_FOREIGN_MONEY = re.compile(r"(?i)\b(local|original|orig|foreign|instructed)\b")


def _amount_the_balance_follows(data: list[list[Any]], layout: Layout, used: set[int]) -> None:
    """Two amount columns ("Amount (USD)" beside "Amount (AED)", the payment's own amount
    beside "Amount in AED"): the account's money is the one the running balance moves by.
    The first named would otherwise be taken, and a dollar receipt booked as dirhams."""
    amount, balance = layout.columns.get("Amount"), layout.columns.get("Balance")
    if amount is None or "Amount" in layout.asked:
        return
    others = [i for i, h in enumerate(layout.headers) if i not in used and h and i != amount
              and (fold_key(split_header(h)[0]) in ALIASES["Amount"] or _role_by_words(
                  split_header(h)[0], set(layout.columns) - {"Amount"}) == "Amount")]
    if not others:
        return
    if balance is None:  # nothing tells which is the account's: the first, said so
        rows = data[:SAMPLE_ROWS]
        others = [i for i in others if any(
            not is_blank(r[i] if i < len(r) else None) and reads_as_amount(r[i])
            and (r[i] if i < len(r) else None) != (r[amount] if amount < len(r) else None)
            for r in rows)]  # a column of other figures, not an empty or copied one
        if not _FOREIGN_MONEY.search(layout.headers[amount]):
            # Monzo's "Local amount" beside "Amount": the payment's own currency, said to be
            others = [i for i in others if not _FOREIGN_MONEY.search(layout.headers[i])]
        if not others:
            return
        headers = [h.strip().lower() for h in layout.headers]

        def called(i: int) -> str:  # "'Amount' (column D)" where another column is so headed
            alike = headers.count(headers[i]) > 1
            return f"'{layout.headers[i]}'" + (f" (column {column_letter(i)})" if alike else "")

        other = others[0]
        asked = column_letter(other) if headers.count(headers[other]) > 1 else layout.headers[other]
        named = ", ".join(called(i) for i in others)
        layout.note = layout.note or (
            f"the file has more than one amount column ({called(amount)}, {named}) "
            f"and no running balance to tell which is the account's money: "
            f"{called(amount)} was read. If another is, name it with --bank-columns "
            f"\"Amount={asked}\"")
        return
    best, (fits, steps) = amount, balance_steps_followed(data, amount, balance)
    for idx in others:
        theirs = balance_steps_followed(data, idx, balance)[0]
        if theirs > fits:
            best, fits = idx, theirs
    if best == amount or fits * 5 < steps * 4:
        return
    layout.columns["Amount"] = best
    used.add(best)
    # a currency column beside them is the payment's own, which the balance does not move by
    layout.columns.pop("Currency", None)
    ccy = split_header(layout.headers[best])[1] or split_header(layout.headers[balance])[1]
    if ccy or layout.currency_hint == split_header(layout.headers[amount])[1]:
        layout.currency_hint = ccy


def _other_side_of_debit_and_credit(data: list[list[Any]], layout: Layout, used: set[int]
                                    ) -> None:
    """A Debit column found without its Credit (or the other way round) under a header no
    word list holds ("حركة دائنة", "Abonos en cuenta"): the column beside it whose cells are
    amounts where its own are blank is the other side. Without it every line of that side
    would be left out for want of an amount."""
    sides = [c for c in ("Debit", "Credit") if c in layout.columns]
    if len(sides) != 1 or "Amount" in layout.columns:
        return
    known = layout.columns[sides[0]]
    rows = data[:SAMPLE_ROWS]
    for idx in (known + 1, known - 1):
        if idx < 0 or idx >= len(layout.headers) or idx in used or not layout.headers[idx]:
            continue
        filled = [not is_blank(r[idx]) if idx < len(r) else False for r in rows]
        theirs = [not is_blank(r[known]) if known < len(r) else False for r in rows]
        both = sum(a and b for a, b in zip(filled, theirs, strict=True))
        if sum(filled) < 1 or both * 10 > sum(filled) + sum(theirs) or not _values_read_as(
                data, idx, "Credit"):
            continue
        if not any(re.search(r"[.,]\d{2,3}\)?$", str(r[idx]).strip()) or (
                isinstance(r[idx], float) and not r[idx].is_integer())
                for r in rows if idx < len(r) and not is_blank(r[idx])):
            continue  # whole numbers only: cheque or slip numbers, not money
        layout.columns["Credit" if sides[0] == "Debit" else "Debit"] = idx
        used.add(idx)
        return


_LOCAL_ACCOUNT = re.compile(r"\d{6,34}")


def _is_account_number(text: str) -> bool:
    """A local account number (digits) or an IBAN whose check digits hold: a party's name
    after a code ("SI2600984 BLUE OCEAN") has an IBAN's shape once its spaces go, not its
    check."""
    return bool(_LOCAL_ACCOUNT.fullmatch(text)) or is_iban(text)


def _accounts_under_a_party_header(data: list[list[Any]], layout: Layout, used: set[int]
                                   ) -> None:
    """bunq's "Counterparty" column holds the other party's IBAN and its "Name" column the
    name: a party column of account numbers is the party's account, and a name column
    beside it the party."""
    idx = layout.columns.get("Counterparty")
    if idx is None or "Counterparty Account" in layout.columns:
        return
    values = [str(r[idx]).replace(" ", "") for r in data[:SAMPLE_ROWS]
              if idx < len(r) and not is_blank(r[idx])]
    if not values or sum(_is_account_number(v) for v in values) < 0.8 * len(values):
        return
    layout.columns["Counterparty Account"] = layout.columns.pop("Counterparty")
    for other, header in enumerate(layout.headers):
        name = split_header(header)[0] if header else ""
        if other not in used and name and (fold_key(name) in ALIASES["Counterparty"] or (
                not header_words(name) & _BANK_CODE_WORDS
                and _role_by_words(name, set(layout.columns)) == "Counterparty")):
            layout.columns["Counterparty"] = other
            used.add(other)
            return


_OWN_ACCOUNT_KEYS = {"auftragskonto", "eigeneskonto", "eigenekontonummer"}
_OTHER_ACCOUNT_KEYS = {"kontonummer", "kontonummeriban", "ibankontonummer"}
# a Gulf or Egyptian export's "Account" / "رقم الحساب" on each line: the other party's only
# beside the other party's name, and where it changes from line to line (the holder's own
# in its local form beside its IBAN above the table, or the holder's accounts of an export
# of several, are no other party's)
_LINE_ACCOUNT_KEYS = {"account", "accountno", "acno", "رقمالحساب", "الحساب"}


def _account_beside_the_own_account(above: list[list[Any]], data: list[list[Any]],
                                    layout: Layout, used: set[int]) -> None:
    """A German export's "Kontonummer" (or "Kontonummer/IBAN") column: GLS's holds the
    holder's own account, the same on every line; it is the other party's where the export
    names the own one otherwise - Sparkasse's "Auftragskonto" column, DKB's "Kontonummer:"
    above the table (another number) - or where it changes from line to line."""
    if "Counterparty Account" in layout.columns:
        return
    keys = {fold_key(split_header(h)[0]): i for i, h in enumerate(layout.headers) if h}
    other = next((keys[k] for k in sorted(_OTHER_ACCOUNT_KEYS | _LINE_ACCOUNT_KEYS)
                  if k in keys), None)
    if other is None or other in used:
        return
    by_line = fold_key(split_header(layout.headers[other])[0]) in _LINE_ACCOUNT_KEYS
    if by_line and "Counterparty" not in layout.columns:
        return
    values = {str(r[other]).replace(" ", "") for r in data[:SAMPLE_ROWS]
              if other < len(r) and not is_blank(r[other])}
    from ar_excel.bank.preamble import account_named  # (preamble reads layouts: imported here)

    # the account the lines above name: after its label ("Kontonummer:"), or an IBAN whose
    # check digits hold wherever it is written; not any run of digits (a customer or
    # telephone number, a BLZ) or a code of an IBAN's shape
    stated = {a for r in above if (a := account_named(r))} | {
        m.group(0) for r in above for c in r if isinstance(c, str)
        for m in re.finditer(IBAN_WHOLE, c.replace(" ", "")) if is_iban(m.group(0))}
    if len(values) > 1 or (not by_line and (keys.keys() & _OWN_ACCOUNT_KEYS
                                            or (values and stated and not values & stated))):
        layout.columns["Counterparty Account"] = other
        used.add(other)


def _party_alternates(layout: Layout, used: set[int]) -> None:
    """Columns naming the other party beside the one chosen ("Payee Name" beside "Payer
    Name", "Beneficiary IBAN" beside "Payee Account Number"): kept to fill its blanks."""
    for idx, header in enumerate(layout.headers):
        if idx in used or not header:
            continue
        name = split_header(header)[0]
        role = next((canon for canon in PARTY_ROLES if fold_key(name) in ALIASES[canon]), None)
        if role is None and not header_words(name) & _BANK_CODE_WORDS:
            role = _role_by_words(name, set(layout.columns) - set(PARTY_ROLES))
        if role in PARTY_ROLES and role in layout.columns:
            layout.alternates.setdefault(role, []).append(idx)
            used.add(idx)
            if role == "Counterparty" and layout.payer_payee is None:
                layout.payer_payee = _payer_and_payee(layout, layout.columns[role], idx)


_PAYER_WORDS = {"payer", "zahlungspflichtige", "zahlungspflichtiger", "auftraggeber", "remitter",
                "sender", "ordering", "debtor", "originator", "مرسل", "المرسل", "المحول"}
_PAYEE_WORDS = {"payee", "beneficiary", "zahlungsempfanger", "zahlungsempfaenger", "empfanger",
                "recipient", "creditor", "begunstigter", "beguenstigter", "مستفيد", "المستفيد"}


def _payer_and_payee(layout: Layout, first: int, second: int) -> tuple[int, int] | None:
    """(payer column, payee column) where one header names the payer and the other the
    payee ("Payer Name" / "Payee Name"); None otherwise."""
    words = [header_words(split_header(layout.headers[i])[0]) for i in (first, second)]
    kinds = [("payer" if w & _PAYER_WORDS and not w & _PAYEE_WORDS else
              "payee" if w & _PAYEE_WORDS and not w & _PAYER_WORDS else None) for w in words]
    if kinds == ["payer", "payee"]:
        return first, second
    if kinds == ["payee", "payer"]:
        return second, first
    return None


def _started_date_fallback(data: list[list[Any]], layout: Layout, used: set[int]) -> None:
    """A "Started Date" is the booking date only where the file has no other date."""
    if "Date" in layout.columns or "Value Date" in layout.columns:
        return
    for idx, header in enumerate(layout.headers):
        if idx not in used and header and _role_by_words(
                split_header(header)[0], set(layout.columns) | {"_started"}) == "Date" and \
                _values_read_as(data, idx, "Date", header):
            layout.columns["Date"] = idx
            used.add(idx)
            return


def _one_figure(rows: list[list[Any]], idx: int, header: str) -> bool:
    """Whether a column repeats one value on every line of a statement of several (a
    balance of the account as of the export printed beside each line). ``rows``: those
    ``_values_read_as`` reads (no page number, no page heading printed again); the header
    printed again on a later page is none of the column's values either, as there."""
    again = fold_key(header)
    figures = [str(r[idx]).strip() for r in rows if idx < len(r)
               and not is_blank(r[idx]) and not (isinstance(r[idx], str)
                                                 and fold_key(r[idx]) == again)]
    return len(figures) >= 2 and len(set(figures)) == 1


# a closing balance's words ("Closing ledger balance"), and those of the day it is as at
_CLOSING_WORDS = {"closing", "ending", "final", "schluss", "cloture", "ختامي", "الختامي"}
_AS_AT_WORDS = {"as", "at", "date", "on", "datum", "تاريخ", "في"}


def _closing_and_its_day(headers: list[str], idx: int, rows: list[list[Any]]
                         ) -> tuple[int, int] | None:
    """The column of the account's closing balance (``idx``, one figure on every line) and
    the one of the day it is as at ("Closing ledger balance as at": its header's words and
    'as at' or 'date', one date under it); None for another balance (the available one,
    the current one) or without such a day."""
    words = header_words(headers[idx])
    if not words & _CLOSING_WORDS or words & _AVAILABLE_WORDS:
        return None
    for j, header in enumerate(headers):
        theirs = header_words(header) if header and j != idx else set()
        if not (theirs > words and theirs - words <= _AS_AT_WORDS):
            continue
        days = {str(r[j]).strip() for r in rows if j < len(r)
                and not is_blank(r[j])}
        if len(days) == 1 and is_gregorian_date(next(iter(days))):
            return idx, j
    return None


def _ledger_balance_over_available(data: list[list[Any]], layout: Layout, used: set[int]
                                   ) -> None:
    """"Available Balance" beside "Ledger Balance" (or a plain "Balance"): the running
    balance of the booked lines is the ledger one; the available one moves with holds."""
    balance = layout.columns.get("Balance")
    if balance is None or balance >= len(layout.headers) or not header_words(
            layout.headers[balance]) & _AVAILABLE_WORDS:
        return
    for idx, header in enumerate(layout.headers):
        words = header_words(header)
        if (idx not in used and words & _WORDS_OF["Balance"] and not words & _AVAILABLE_WORDS
                and _values_read_as(data, idx, "Balance", header)):
            layout.columns["Balance"] = idx
            return
