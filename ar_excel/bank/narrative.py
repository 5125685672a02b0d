"""MT940 ``:86:`` narratives -> description, references, counterparty name and account.

The ``:86:`` field is 6 lines of 65 characters and banks fill it in three dialects:

* German DFÜ/GVC sub-fields: ``166?00GUTSCHRIFT?20EREF+...?21SVWZ+RE 4711?32MUELLER GMBH``:
  ``?20``-``?29`` and ``?60``-``?63`` remittance (each 27 characters, a value runs on into the
  next), SEPA keywords ``EREF+``/``KREF+``/``MREF+``/``SVWZ+``/``ABWA+`` inside it, ``?32``/
  ``?33`` the name (a ``?33`` without ``?32`` right after an ``ABWA+``/``ABWE+`` name run on
  past its sub-field ends that name: LBBW), ``?35``-``?37``/``?39`` more of the parties' words
  (narrative), ``?31``/``?38`` account or IBAN, ``?30`` the counterparty's bank (BIC or
  BLZ), ``?00`` the posting text, the three digits before the first ``?`` the GVC
  (Geschaeftsvorfallcode: 166 a SEPA credit transfer, 051 a transfer credit...).
* Dutch/SWIFT tags: ``/CNTP/iban/bic/name/city/``, ``/NAME/``, ``/IBAN/``, ``/BIC/``, ``/EREF/``,
  ``/REMI/USTD//free text/`` (or ``/REMI/`` plain; ``/REMI/STRD/CUR/ref/`` or, without the
  issuer, ``/REMI/STRD//ref/``: a structured payment reference), ``/ORDP//NAME/``,
  ``/BENM//NAME/``.
* solarisBank's (Penta's) GVC ``999`` and colon-parted fields: ``999SEPA_CREDIT_TRANSFER:``
  purpose ``:`` name ``:`` IBAN (``parse_colon_fields``).
* Free text, sometimes labelled (``NAAM:``, ``IBAN:``, ``KENMERK:``, ``AUFTRAGGEBER:``,
  ``OD:``, ``TYT.:``; Gulf and UK banks ``REMITTER:``, ``BY ORDER OF:``, ``FROM:``, ``REF:``).

The wrap at 65 columns splits invoice numbers, IBANs and even tag names, so the lines are
joined before anything is tokenised: without a separator where a line is full (65 characters:
the bank broke a word; a line well over 65 is from a bank that does not wrap at 65 and ends
where the bank ended it: bunq's ``... TAURANGA SOUT, NZ`` + ``1.00 NZD, 1 NZD = 0.61 EUR``);
after a shorter line, in free text with a space, and in the structured dialects (where banks
also break tags and numbers short of the width: ``//RE`` + ``MI/``) without one, except where
digits meet letters (``.../11.3.2013`` + ``NR.201303-112`` are two words).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

# (the one shape and test of an IBAN, the bank readers' as the customer checks')
from ar_excel.core.customers.contacts import IBAN_WHOLE
from ar_excel.core.customers.contacts import is_iban as is_iban  # (re-exported)
from ar_excel.names import ARABIC_CHAR as _ARABIC

WRAP = 65
SUBFIELD = 27  # a GVC sub-field's width: a full one runs its word on into the next
# ?7x: some banks' ultimate parties; ?35-?37, ?39: more of the parties' words (Oldenburgische
# Landesbank's "?33+ XYZ GmbH + Co. KG?35EWE Vertrieb GmbH"), not a name's own letters
GVC_SUBFIELDS = "00|10|2[0-9]|3[0-9]|6[0-3]|7[0-9]"
_GVC_START = re.compile(r"^\s*\d{3}\?(?:" + GVC_SUBFIELDS + r")|^\?(?:" + GVC_SUBFIELDS + ")")
_GVC_SPLIT = re.compile(r"\?(" + GVC_SUBFIELDS + ")")
_SEPA_KEYS = ("EREF", "KREF", "MREF", "CRED", "SVWZ", "ABWA", "ABWE", "IBAN", "BIC", "DEBT",
              "COAM", "OAMT", "PURP", "MDAT", "SQTP", "ORCR", "ORMR", "DDAT")
_SEPA_KEY = re.compile(r"(?:(?<=[\s.,;])|^)(" + "|".join(_SEPA_KEYS) + r")\+|(?:(?<=\s)|^)(MTLG):")
DUTCH_TAGS = {"TRTP", "IBAN", "BIC", "NAME", "REMI", "EREF", "ORDP", "BENM", "ID", "CNTP",
              "MARF", "CSID", "ADDR", "ISDT", "ACCW", "PURP", "RTRN", "ULTC", "ULTD", "ULTB",
              "OCMT", "CHGS", "SUM", "TRCD", "BUSP", "PREF", "SVCL", "EXCH", "CDTRREF",
              "CDTRREFTP", "CD", "ISSR", "PAYMENTREF", "TRCODE", "FX", "OGB", "OSDR", "BBAN",
              # the ordering customer's own reference (SWIFT's "reference of customer"), which
              # Gulf banks put first: "/ROC/INV-2026-114/ORDP//NAME/..."
              "ROC",
              # the bank's own words for the transaction, which Gulf banks (QNB, ADCB) put
              # first: "/NARR/INWARD TRANSFER/ORDP/AL MANA TRADING WLL/REMI/INV 26-0451"
              "NARR"}
_DUTCH_START = re.compile(r"^/(" + "|".join(sorted(DUTCH_TAGS, key=len, reverse=True)) + ")/")
# (ING writes in the :61: reference field only which of its :86: tags holds the reference:
# EREF, PREF for a batch's payment information id, MARF for a direct debit's mandate)
_PLACEHOLDERS = {"", "NONREF", "NOTPROVIDED", "NOT PROVIDED", "EREF", "KREF", "PREF", "MARF",
                 "NONE", "-"}
_LABELS = re.compile(
    r"(?i)(?:(?<=[\s/;])|^)(IBAN|BIC|NAAM|NAME|OMSCHRIJVING|KENMERK|BETALINGSKENM\.|"
    r"ID DEBITEUR|REK|AUFTRAGGEBER|BEGUENSTIGTER|MITTEILUNGEN|OD|DO|TYT\.|Z RACH\.|TNR|"
    # English labels of Gulf and UK banks' free text: the payer's name, the reference, and
    # labels that only end the value before them
    r"REMITTER|ORDERING CUSTOMER|ORDERING PARTY|BY ORDER OF|SENDER|PAYER|FROM|REFERENCE|REF|"
    r"DETAILS|PURPOSE|REMARKS|BENEFICIARY|"
    # ING Netherlands' notes: labels that only end the value before them
    r"VALUTADATUM|MACHTIGING ID|INCASSANT ID|DATUM/TIJD|PASVOLGNR|TRANSACTIE|TERMINAL)\s*:")
# (the payer's labels are "ordering", the payee's "beneficiary": on a credit a German
# BEGUENSTIGTER: or a BENEFICIARY: is the account holder, on a debit the one paid)
_LABEL_ROLE = {"iban": "account", "rek": "account", "z rach.": "account", "naam": "name",
               "name": "name", "auftraggeber": "ordering", "beguenstigter": "beneficiary",
               "beneficiary": "beneficiary", "od": "name",
               "do": "name", "kenmerk": "ref", "betalingskenm.": "ref", "remitter": "ordering",
               "ordering customer": "ordering", "ordering party": "ordering",
               "by order of": "ordering", "sender": "ordering", "payer": "ordering",
               "from": "ordering", "reference": "ref", "ref": "ref", "bic": "bank"}
IBAN_RE = re.compile(r"\b[A-Z]{2}\d{2}(?: ?[A-Z0-9]){10,30}\b")
BIC_RE = re.compile(r"[A-Z]{4}[A-Z]{2}[A-Z0-9]{2}(?:[A-Z0-9]{3})?")  # ISO 9362


@dataclass
class Narrative:
    description: str | None = None
    references: list[str] = field(default_factory=list)
    counterparty: str | None = None
    account: str | None = None
    posting_text: str | None = None
    # SWIFT ``/ORDP//NAME/`` (who ordered the payment) and ``/BENM//NAME/`` (who received
    # it), where the narrative names both: the counterparty is one or the other by direction
    ordering: str | None = None
    beneficiary: str | None = None
    # SWIFT ``/ULTD/`` (the ultimate debtor: the party a payer paid for, where they differ)
    ultimate: str | None = None
    bank: str | None = None  # the counterparty's bank: BIC, else a bank code (BLZ)
    code: str | None = None  # the German GVC transaction code ("166")

    def party(self, money_in: bool) -> str | None:
        """The other side of a line: the ordering party of money in, the beneficiary of
        money out, where both are named; none where only the account holder's side is (the
        beneficiary of money in, "/BENM//NAME/OUR COMPANY FZE/" or "BEGUENSTIGTER: OUR
        COMPANY GMBH" on a credit; the ordering party of money out)."""
        if self.ordering and self.beneficiary:
            return self.ordering if money_in else self.beneficiary
        if self.counterparty and self.counterparty == (
                self.beneficiary if money_in else self.ordering):
            return None
        return self.counterparty


def join_lines(lines: list[str], first_prefix: int = 4) -> str:
    """Undo the 65-column wrap (see module docstring). ``lines[0]`` is the text after ``:86:``."""
    lines = [ln.replace("\r", "") for ln in lines]
    if not lines:
        return ""
    head = lines[0].lstrip()
    structured = bool(_GVC_START.match(head) or _DUTCH_START.match(head)
                      # the GVC code alone on the first line (or nothing), the fields below
                      or (re.fullmatch(r"(\d{3})?\s*", head) and len(lines) > 1
                          and bool(_GVC_START.match(lines[1].lstrip())
                                   or (not head and _DUTCH_START.match(lines[1].lstrip())))))
    gvc = bool(_GVC_START.match(head) or (len(lines) > 1 and _GVC_START.match(lines[1].lstrip())))
    out = lines[0]
    length = len(lines[0]) + first_prefix
    for ln in lines[1:]:
        if _full(length):
            sep = ""  # a full line: the bank broke a word
        elif not structured or (length > WRAP and not gvc):
            # (a line past the width: the bank ended it there, not a wrap; but German
            # sub-fields run on across lines of any length, to the next ?xx)
            sep = " "
        else:
            # banks also break structured text short of the width, inside tags and numbers
            # ("//RE" + "MI/", "201801-00" + "1"); a short line that ends a number where
            # letters start, or the reverse, ended a word ("11.3.2013" + "NR.201303-112")
            a, b = out[-1:], ln[:1]
            sep = " " if a.isalnum() and b.isalnum() and a.isdigit() != b.isdigit() else ""
        out += sep + ln
        length = len(ln)
    return out


def _full(length: int) -> bool:
    """A line the bank cut at the width: 65 columns with the tag, or (some banks) 65 after it,
    and a character of slack (a trailing blank). A longer line is from a bank that does not
    wrap at 65 at all, and ends where its writer ended it."""
    return WRAP <= length <= WRAP + 5


def clean_ref(value: str | None) -> str | None:
    if value is None:
        return None
    value = " ".join(value.split()).strip(" /")
    return None if value.upper() in _PLACEHOLDERS else value


def _join_segments(segments: list[str]) -> str:
    """Sub-fields of ``SUBFIELD`` characters: a full one continues a word into the next."""
    out, prev_len = "", SUBFIELD
    for seg in segments:
        if out and prev_len < SUBFIELD:
            out += " "
        out += seg
        prev_len = len(seg)
    return out


def parse_gvc(text: str) -> Narrative:
    """German ``?xx`` sub-fields (see module docstring)."""
    text = text.strip()
    rest = text[3:] if text[:3].isdigit() else text
    parts = _GVC_SPLIT.split(rest)
    fields: dict[str, list[str]] = {}
    for key, value in zip(parts[1::2], parts[2::2], strict=True):
        fields.setdefault(key, []).append(value)
    purpose_keys = [f"2{i}" for i in range(10)] + [f"6{i}" for i in range(4)]
    segments = [v for k in purpose_keys for v in fields.get(k, [])]
    # a SEPA keyword at the start of a sub-field opens a new value; otherwise text runs on
    values: list[tuple[str, str]] = []
    prev_len = 0
    for seg in segments:
        for j, (key, val) in enumerate(_split_sepa(seg)):
            if j == 0 and key == "" and values:
                k0, v0 = values[-1]
                values[-1] = (k0, v0 + ("" if prev_len >= SUBFIELD else " ") + val)
            else:
                values.append((key, val))
        prev_len = len(seg)
    if values and values[0][0] in _OPENING_SEPA_KEYS.split("|"):
        # a purpose of SEPA keywords: one glued to the value before it ("EREF+RE2026001SVWZ+
        # Rechnung", the sub-fields filled to the last character) opens a value all the same,
        # as in a table's purpose (parse_sepa_keywords)
        values = [kv for key, val in values for kv in _unglued(key, val)]
    name_rest = _name_run_into_the_purpose(parts[1::2], fields, purpose_keys, values, prev_len)
    keyed: dict[str, list[str]] = {}
    for key, val in values:
        keyed.setdefault(key, []).append(val)
    n = Narrative()
    n.code = text[:3] if text[:3].isdigit() else None
    n.posting_text = clean_ref(" ".join(fields.get("00", []))) or None
    name = name_rest or _join_segments(fields.get("32", []) + fields.get("33", []))
    n.counterparty = " ".join(name.split()) or None
    desc = [_on_behalf(v, n.counterparty) if k == "ABWA" else v
            for k, v in values if k in ("", "SVWZ", "MTLG", "ABWA", "ABWE")]
    desc += [v for k in ("35", "36", "37", "39", *(f"7{i}" for i in range(10)))
             for v in fields.get(k, [])]
    n.description = " ".join(" ".join(desc).split()) or None
    for key in ("EREF", "KREF"):
        for v in keyed.get(key, []):
            ref = clean_ref(v)
            if ref and ref not in n.references:
                n.references.append(ref)
    account = (fields.get("38") or fields.get("31") or [None])[0]
    if not account and keyed.get("IBAN"):
        account = keyed["IBAN"][0]
    n.account = clean_ref(account.replace(" ", "")) if account else None
    bank = (fields.get("30") or keyed.get("BIC") or [None])[0]
    n.bank = clean_ref(bank.replace(" ", "")) if bank else None
    return n


def _on_behalf(name: str, counterparty: str | None) -> str:
    """An ``ABWA+`` name (abweichender Auftraggeber: the ultimate debtor, for whom the ?32
    party paid: a holding for its subsidiary) as ``on_behalf_of`` says it; as it is where it
    is the counterparty itself (LBBW's name run on from the purpose)."""
    return on_behalf_of(name, counterparty) or name


def on_behalf_of(ultimate: str | None, counterparty: str | None, told: str | None = None
                 ) -> str | None:
    """"ON BEHALF OF X" for a payment's ultimate debtor X (camt ``UltmtDbtr``, SWIFT ``/ULTD/``,
    the GVC's ``ABWA+``: the customer a holding, an agent or an exchange house paid for), the
    words the matcher reads to pay X's invoice whoever sent the money. None where X is the
    counterparty itself (its name, or a part of it at word bounds: a name the bank ran on),
    or where ``told`` (the line's narrative) already says so. Every format's one rule."""
    written = " ".join((ultimate or "").split())
    if not written:
        return None
    said = f"ON BEHALF OF {written}"
    if counterparty and re.search(r"(?<!\w)" + re.escape(written.upper()) + r"(?!\w)",
                                  " ".join(counterparty.upper().split())):
        return None
    if told and said.upper() in " ".join(told.upper().split()):
        return None
    return said


def _name_run_into_the_purpose(order: list[str], fields: dict[str, list[str]],
                               purpose_keys: list[str], values: list[tuple[str, str]],
                               last_len: int) -> str | None:
    """A ``?33`` (the name's second part) without its ``?32``, straight after the purpose's
    last sub-field, whose last value names a party (``ABWA+``/``ABWE+``): the bank ran that
    name on past its sub-field (LBBW's ``?21ABWA+J.W.EXAMPLE GMBH + CO. KG F?33REIBURG``), so
    ``?33`` continues it (without a space where the sub-field was full), and that whole name is
    the counterparty; ``values`` gets the continued name. None where this is not so."""
    if "32" in fields or "33" not in fields or not values or values[-1][0] not in (
            "ABWA", "ABWE"):
        return None
    at = order.index("33")
    if not at or order[at - 1] not in purpose_keys or any(
            k in purpose_keys for k in order[at:]):
        return None
    key, value = values[-1]
    rest = " ".join(fields["33"])
    values[-1] = (key, value + ("" if last_len >= SUBFIELD else " ") + rest)
    fields["33"] = []
    return values[-1][1]


def _split_sepa(segment: str) -> list[tuple[str, str]]:
    """``'EREF+123 SVWZ+RE 4711'`` -> [('EREF', '123 '), ('SVWZ', 'RE 4711')]."""
    out: list[tuple[str, str]] = []
    pos, key = 0, ""
    for m in _SEPA_KEY.finditer(segment):
        if m.start() > pos or key:
            out.append((key, segment[pos:m.start()]))
        key = m.group(1) or m.group(2)
        pos = m.end()
    out.append((key, segment[pos:]))
    return [(k, v) for k, v in out if k or v]


# the SEPA keywords a purpose of keywords alone opens with
_OPENING_SEPA_KEYS = "EREF|KREF|MREF|CRED|SVWZ"
SEPA_OPENING = re.compile(r"^\s*(?:" + _OPENING_SEPA_KEYS + r")\+")
# a SEPA keyword where the bank glued the 27-character fields together ("...PAYPALMREF+",
# "...0011SVWZ+"): in text that opens with one, every one of these opens a value
_GLUED_SEPA_KEY = re.compile(r"(" + _OPENING_SEPA_KEYS + r"|ABWA|ABWE|DEBT)\+")


def _unglued(key: str, value: str) -> list[tuple[str, str]]:
    """A keyed value split where a SEPA keyword is glued into it (see ``_GLUED_SEPA_KEY``)."""
    parts = _GLUED_SEPA_KEY.split(value)
    return [(k, v) for k, v in [(key, parts[0]), *zip(parts[1::2], parts[2::2], strict=True)]
            if k or v]


def parse_sepa_keywords(text: str) -> Narrative:
    """A purpose written as SEPA keywords and nothing else (Sparkasse's CSV-MT940
    "Verwendungszweck": ``EREF+...MREF+...CRED+...SVWZ+Rechnung 4711``): the end-to-end
    (EREF) and customer (KREF) references, the remittance words (SVWZ, else the text)."""
    parts = _GLUED_SEPA_KEY.split(text.strip())
    keyed: dict[str, list[str]] = {}
    for key, value in zip(parts[1::2], parts[2::2], strict=True):
        keyed.setdefault(key, []).append(" ".join(value.split()))
    n = Narrative()
    for key in ("EREF", "KREF"):
        for value in keyed.get(key, []):
            ref = clean_ref(value)
            if ref and ref not in n.references:
                n.references.append(ref)
    words = [v for k in ("SVWZ", "ABWA", "ABWE") for v in keyed.get(k, []) if v]
    n.description = " ".join(words) or " ".join(text.split()) or None
    return n


def parse_dutch(text: str) -> Narrative:
    """SWIFT/Dutch ``/TAG/value/`` structures (see module docstring)."""
    tokens = text.strip().split("/")
    fields: dict[str, list[str]] = {}
    current = None
    order: list[str] = []
    for tok in tokens[1:]:
        if tok in DUTCH_TAGS and (current is None or tok != current or fields[current]):
            current = tok
            fields.setdefault(current, [])
            order.append(current)
            continue
        if current is not None:
            fields[current].append(tok)
    def val(tag: str) -> str | None:
        if tag not in fields:
            return None
        return "/".join(fields[tag]).strip().strip("/").strip() or None

    n = Narrative()
    remi = val("REMI")
    if remi:
        structured = remi.startswith("STRD")
        remi = re.sub(r"^(USTD|STRD)//?", "", remi)
        m = re.match(r"^(?:CUR|ISO)/(.+)$", remi)
        if m:
            n.references.append(m.group(1).strip("/ "))
        elif structured and remi.strip("/ "):
            # "/REMI/STRD//6865444446401120/" (Triodos: no issuer named): the payment
            # reference (betalingskenmerk) all the same
            n.references.append("".join(remi.strip("/ ").split()))
        n.description = " ".join(remi.split()) or None
    for tag in ("EREF", "PREF", "CDTRREF", "ROC"):
        ref = clean_ref(val(tag))
        if ref and ref not in n.references:
            n.references.append(ref)
    cntp = fields.get("CNTP")
    if cntp:
        n.account = clean_ref(cntp[0]) if cntp else None
        n.bank = clean_ref(cntp[1]) if len(cntp) > 1 else None
        n.counterparty = clean_ref(cntp[2]) if len(cntp) > 2 else None
    n.bank = clean_ref(val("BIC")) or n.bank
    n.counterparty = clean_ref(val("NAME")) or n.counterparty
    # Knab's and ABN AMRO's older files give a domestic account number as /BBAN/
    n.account = clean_ref(val("IBAN")) or clean_ref(val("BBAN")) or n.account
    if not n.account and val("ACCW"):
        n.account = clean_ref(val("ACCW").split(",")[0])
    next_tag = "|".join(sorted(DUTCH_TAGS, key=len, reverse=True))
    # each party named "/TAG//NAME/X/": the ultimate debtor too (ING's "/ULTD//NAME/ARKAN LLC/")
    for tag, role in (("ORDP", "ordering"), ("BENM", "beneficiary"), ("ULTD", "ultimate")):
        party = re.search(rf"/{tag}/[^/]*/NAME/(.*?)(?=/(?:{next_tag})/|/?$)", text.strip())
        if party and clean_ref(party.group(1)):
            setattr(n, role, " ".join(party.group(1).split()))
    # "/ULTD/ARKAN LLC/ID123/" (Rabobank's name, then id)
    first = (fields.get("ULTD") or [""])[0].strip()
    if not n.ultimate and re.search(r"[A-Za-z]{2}", first) and not re.search(r"\d", first):
        n.ultimate = " ".join(first.split())
    if n.ordering and n.beneficiary and n.counterparty == val("NAME"):
        n.counterparty = n.ordering  # "name1/name2" is the two parties: the caller picks
    elif order.count("NAME") > 1 and n.counterparty == val("NAME") and (
            n.ordering or n.beneficiary):
        # "/ORDP//NAME/X/.../ULTD//NAME/Y/": two parties' names, not one name "X/Y"
        n.counterparty = n.ordering or n.beneficiary
    elif order.count("NAME") > 1 and n.counterparty == val("NAME") and n.ultimate:
        # "/NAME/X/.../ULTD//NAME/Y/": the payer X, and Y it paid for; not one name "X/Y"
        own = [" ".join(t.split()) for t in fields["NAME"] if t.strip()]
        own = [t for t in own if t != n.ultimate]
        if len(own) == 1:
            n.counterparty = own[0]
    for tag in ("ORDP", "BENM"):
        parts = fields.get(tag, [])
        if parts and parts[0].strip():
            first = parts[0].strip()
            if not n.account and re.fullmatch(r"[A-Z0-9 \-]{6,34}", first) and re.search(
                    r"\d", first):
                n.account = first
            elif re.search(r"[A-Za-z]{2}", first) and not re.search(r"\d", first):
                # "/ORDP/NILE TRADING CO/": the party's name with no account before it
                role = "ordering" if tag == "ORDP" else "beneficiary"
                if getattr(n, role) is None:
                    setattr(n, role, " ".join(first.split()))
                continue
            rest = [p.strip() for p in parts[1:] if p.strip()]
            if len(rest) > 1 and BIC_RE.fullmatch(rest[0]):
                # ING's "/BENM/NL50INGB0001234567/INGBNL2A/ING Bank N.V./": the account,
                # the party's bank, then its name (as /CNTP/ writes them)
                n.bank = n.bank or rest.pop(0)
            if not n.counterparty and rest and re.search(r"[A-Za-z]{2}", rest[0]):
                n.counterparty = " ".join(rest[0].split())
    if not n.counterparty and not (n.ordering and n.beneficiary):
        n.counterparty = n.ordering or n.beneficiary  # one party named: that one
    narr = " ".join((val("NARR") or "").split()) or None  # the bank's words for it
    if not n.description and "REMI" not in fields:
        # (a /REMI/ left empty says there are no words: not the tags as the description;
        # a /NARR/ alone is the bank's words for it. Beside other sub-fields the whole text
        # stays the description: an invoice number may be in one not read here, /RFB/,
        # /URI/, or after the payer's name in /ORDP/, and no number is lost.)
        alone = narr if set(fields) == {"NARR"} else None
        n.description = alone or " ".join(text.split()) or None
    n.posting_text = clean_ref(val("TRTP")) or narr
    return n


# Where a payer's postal address starts after its name (PostFinance's ``AUFTRAGGEBER: JANE DOE
# EXAMPLESTRASSE 10 1234 BERN``, a Gulf bank's ``BY ORDER OF: ABC TRADING LLC P.O. BOX 1234
# DUBAI``): a street word or a post-office box. A name scored with its address beside it is
# no customer's name.
_ADDRESS_START = re.compile(
    r"\s(?=\S*(?:STRASSE|STRAßE|GASSE|STR\.)(?:\s|$)|\S*(?:WEG|PLATZ|ALLEE|RING)\s+\d|"
    r"(?:P\.?\s?O\.?\s?BOX|POB|ص\.?\s?ب)\b)", re.IGNORECASE)


_SET_APART_SLASH = re.compile(r"\s+/+\s*|\s*/+\s+|//")


def without_address(name: str) -> str:
    """The payer's name printed before its postal address (see ``_ADDRESS_START``)."""
    m = _ADDRESS_START.search(name)
    return name[:m.start()].strip(" ,") if m else name


# A reference's part: letters or digits joined by - / . : (INV-2026-4001, 26-01-2014, 18:14)
_REF_PART = re.compile(r"(?:[^\W_]+[-/.:])*[^\W_]+[-/.:]?")


def reference_value(value: str) -> str:
    """The reference after a label, without the words the bank wrote after it: QNB's 'REF:
    INV-2026-4001 محول من دوحة للخدمات البحرية' is INV-2026-4001. The reference runs on over
    the parts with a digit that follow it (ABN AMRO's 'KENMERK: 26-01-2014 18:14 003000
    0735822580', 'REF: INV 77') and stops at the first word; a value without a digit in
    that run (no reference's shape) is kept whole, as written."""
    words = value.split()
    keep = 1
    while keep < len(words) and _REF_PART.fullmatch(words[keep]) and any(
            ch.isdigit() for ch in words[keep]):
        keep += 1
    head = " ".join(words[:keep])
    if keep == len(words) or not any(ch.isdigit() for ch in head):
        return value
    return head


def parse_free(text: str) -> Narrative:
    """Free text, keeping it whole as the description; labelled parts fill the other fields."""
    n = Narrative(description=" ".join(text.split()) or None)
    matches = list(_LABELS.finditer(text))
    payer = None
    for i, m in enumerate(matches):
        end = matches[i + 1].start() if i + 1 < len(matches) else len(text)
        value = text[m.end():end]
        value = value.split(";")[0]
        role = _LABEL_ROLE.get(m.group(1).lower())
        value = " ".join(value.split()).strip(" /;,")
        if not value:
            continue
        if role == "account" and not n.account:
            n.account = value.replace(" ", "")
        elif role in ("name", "ordering", "beneficiary"):
            # "REMITTER: NILE FOODS CO / UAEFTS": a slash set apart ends the name (the bank's
            # words after it); one within a word (M/S, A/C) does not
            name = without_address(_SET_APART_SLASH.split(value)[0]).strip(" /,") or None
            if role == "beneficiary":
                n.beneficiary = n.beneficiary or name
            elif not n.counterparty:
                n.counterparty = name
                payer = payer or (name if role == "ordering" else None)
        elif role == "ref" and (value := reference_value(value)) not in n.references:
            n.references.append(value)
        elif role == "bank" and not n.bank and BIC_RE.fullmatch(value.split()[0]):
            n.bank = value.split()[0]
    if not n.counterparty:
        sender = sender_name(text, matches)
        if sender:
            # the one who ordered the money in: the MT940 reader takes it for credits only (a
            # debit's counterparty is its beneficiary)
            n.counterparty = n.ordering = sender
    if n.beneficiary:
        # the payee named: the payer, where one is named too, is the other side of a credit
        # (Narrative.party); the payee alone is the holder's own name on a credit
        n.ordering = n.ordering or payer
        n.counterparty = n.counterparty or n.beneficiary
    if not n.account:
        n.account = iban_in(text)
    return n


def iban_in(text: str) -> str | None:
    """The first IBAN of free text. Its shape allows the single spaces of an IBAN printed in
    groups of four, so it may run on into the next word: "NL09INGB0001236610 P.Klaassen"
    (BNG's 32-column fields) or "... 6610 PKLAASSEN". The longest run of its pieces whose
    check digits hold is the IBAN; where none holds (a masked or made-up one), an IBAN written
    whole is its first piece, the rest the next words."""
    m = IBAN_RE.search(text)
    if not m:
        return None
    pieces = m.group(0).split(" ")
    for k in range(len(pieces), 1, -1):
        if is_iban("".join(pieces[:k])):
            return "".join(pieces[:k])
    if len(pieces) > 1 and len(pieces[0]) >= 15:
        return pieces[0]
    return "".join(pieces)


# Who sent money in, as Gulf and Egyptian banks write it without a label's colon: INWARD TT
# FROM X, TRANSFER FROM X, CASH DEP BY X, BY ORDER OF X, حوالة واردة من X, المحول من X. FROM only
# after a word of a transfer or a deposit, BY only right after one (a debit's TO is never read).
_MONEY_IN_WORDS = (r"INWARD|INCOMING|TT|TRANSFER|TRANSFERRED|TRF|TFR|REMITTANCE|REMITTED|IPI|"
                   r"SWIFT|ACH|IBFT|UAEFTS|SARIE|AANI|INSTAPAY|RECEIVED|RCVD|CREDIT|DEPOSIT|"
                   r"DEPOSITED|DEP|CASH|CHQ|CHEQUE|PAYMENT|PAID")
_MONEY_IN_KINDS = (r"وارد|واردة|وارده|نقدي|نقدى|نقدا|نقداً|شيك|بشيك|بنكي|بنكى|بنكية|بنكيه|"
                   r"داخلي|داخلى|داخلية|خارجي|خارجى|خارجية|فوري|فورى|لحظي|لحظى|سريع|سويفت|"
                   r"انستاباي|إنستاباي|ميزة")
_SENDER_AT = re.compile(
    r"(?i)\b(?:" + _MONEY_IN_WORDS + r")\b(?:[^:;]*?)\bFROM\s+|"
    r"\b(?:" + _MONEY_IN_WORDS + r")\s+BY\s+(?:ORDER\s+OF\s+)?|"
    r"(?:^|\s)BY\s+ORDER\s+OF\s+|"
    r"(?:^|\s)(?:ال)?(?:محول|واردة|وارده|حوالة|حواله|تحويل|ايداع|إيداع)"
    # the kind of it between ("تحويل وارد من X", "ايداع نقدي من X", "حوالة سويفت واردة من")
    r"(?:\s+(?:" + _MONEY_IN_KINDS + r")){0,2}\s+من\s+")
# Words that end the sender's name: what was paid, how, or where to.
_SENDER_ENDS = frozenset({
    "INV", "INVOICE", "INVOICES", "INVS", "REF", "REFERENCE", "PO", "LPO", "PMT", "PAYMENT",
    "PYMT", "SETTLEMENT", "AGAINST", "LESS", "NET", "VIA", "IBAN", "ACC", "AC", "A/C", "ACCOUNT",
    "CHQ", "CHEQUE", "FOR", "ON", "BEING", "TO", "VALUE", "DATED", "DT", "DATE", "AMOUNT", "AMT",
    "TT", "TRF", "TRANSFER", "THRU", "THROUGH", "BANK",
    "سداد", "فاتورة", "فاتوره", "فواتير", "رقم", "مقابل", "دفعة", "دفعه", "قيمة", "قيمه", "تحت",
    "عن", "بتاريخ", "لصالح", "حساب", "بخصوص", "بشأن", "بشان", "الى", "إلى", "إلي", "الي"})
# A sender that is the holder (FROM OUR ACCOUNT) or a bank (INWARD TT FROM HSBC BANK): no payer.
_NOT_A_SENDER = re.compile(
    r"(?i)^(?:OUR|YOUR|OWN|MY|ACCOUNT|ACC|A/C)\b|\b(?:BANK|BANQUE|BANCO|NBD|ENBD|QNB|HSBC|ADCB|"
    r"ADIB|FAB|CIB|NBE|NBK|KFH|MASHREQ|RAKBANK|CITIBANK|SABB|SNB|RAJHI|ALRAJHI|AAIB|ALEXBANK|"
    r"EXCHANGE)\b|بنك|مصرف|حسابكم|حسابنا|الصرافه|الصرافة")
# Money out: whatever follows names no payer (OUTWARD TT TO X FROM ...).
_PAID_OUT = re.compile(r"(?i)\b(?:OUTWARD|OUTGOING|TO)\b|(?:^|\s)(?:الى|إلى|لصالح)\s")
_LATIN = re.compile(r"[A-Za-z]")
_NAME_WORD = re.compile(r"[^\W\d_]+(?:[-'.&][^\W\d_]*)*\.?|&")


def sender_name(text: str, labels: list[re.Match] | None = None) -> str | None:
    """The sender's name a money-in phrase gives without a label (``_SENDER_AT``): the
    words after FROM / BY / من up to a label, a number (an invoice, an account), a slash or
    a word that says what was paid (``_SENDER_ENDS``). None where the name is one word, the
    account holder or a bank: a wrong counterparty is worse than none."""
    at = _SENDER_AT.search(text)
    if at is None or _PAID_OUT.search(text, 0, at.start()):
        return None
    end = next((m.start() for m in labels or [] if m.start() >= at.end()), len(text))
    words: list[str] = []
    for w in text[at.end():end].split():
        if w.upper() in _SENDER_ENDS or not _NAME_WORD.fullmatch(w):
            break
        if words and _LATIN.search(words[0]) and _ARABIC.search(w):
            # a name begun in Latin letters does not go on in Arabic: the bank's words after it
            # ("FALCON TRADING L.L.C مستحقات": dues); an Arabic name may hold Latin ("شركة ABC")
            break
        words.append(w)
    name = without_address(" ".join(words)).strip(" ,-&")
    if len(name.split()) < 2 or _NOT_A_SENDER.search(name):
        return None
    return name


# solarisBank's (Penta's) fields after the GVC 999, parted by colons: the kind of payment,
# the purpose (which may hold colons itself), the other party's name and account, and at
# times a note: "999SEPA_CREDIT_TRANSFER:Rechnung Nr 7983:SRB Steuerberatung mbH:DE70...677"
_COLON_KIND = re.compile(r"^\d{3}([A-Z][A-Z_]+):")
_COLON_ACCOUNT = re.compile(IBAN_WHOLE)


def parse_colon_fields(text: str) -> Narrative | None:
    """solarisBank's colon-parted fields (``_COLON_KIND``) -> Narrative: the account is the last
    field shaped as an IBAN, the name the field before it, the rest the purpose; None for text
    not of that shape."""
    kind = _COLON_KIND.match(text)
    if not kind:
        return None
    parts = text[kind.end():].split(":")
    at = max((i for i, p in enumerate(parts) if _COLON_ACCOUNT.fullmatch(p.strip())),
             default=None)
    if at is None or at < 1:
        return None
    n = Narrative(posting_text=kind.group(1).replace("_", " "), code=kind.group(1))
    n.account = parts[at].strip()
    n.counterparty = " ".join(parts[at - 1].split()) or None
    words = [" ".join(":".join(parts[:at - 1]).split()),
             *(" ".join(p.split()) for p in parts[at + 1:])]
    n.description = " ".join(w for w in words if w) or n.counterparty
    return n


def parse_narrative(text: str | None) -> Narrative:
    """Any ``:86:`` text (already joined with ``join_lines``) -> Narrative."""
    if not text or not text.strip():
        return Narrative()
    head = text.lstrip()
    if _GVC_START.match(head):
        return parse_gvc(head)
    if _DUTCH_START.match(head):
        return parse_dutch(head)
    return parse_colon_fields(head) or parse_free(text)
