"""Contact details as people type them: what counts as a valid phone, email, IBAN or tax ID.

Lenient by design, because a false alarm on a good record costs the clerk's trust:

* Phone: country codes (``+20``, ``0020``), spaces, dashes, dots, brackets, Arabic-Indic
  digits, an extension (``ext 12``, ``x12``), a label (``Tel:``, ``(mobile)``, ``موبايل``,
  ``ت:``), the contact person beside a number (``01001234567 أ/ محمد``) and several numbers
  separated by ``/ ; , & و`` are all fine, as are two whole numbers with only a dash or a
  space between them; ``01001234567/8`` is two numbers, the second the first with its last
  digit replaced. A number is valid when it has
  7 to 15 digits (E.164 allows at most 15), is not a placeholder such as ``0000000``, and a
  mobile of a known plan has its length (Egypt 01[0125] + 8 digits, Saudi 05 + 8, UAE
  05x + 7); an Egyptian company's five-digit hotline (``19019``) is a number too. The
  customer's own tax ID, or a 15-digit Gulf VAT number, is no phone; ``N/A``, ``-``,
  ``لا يوجد`` say there is none (as a blank).
* Email: one address or several separated by ``;``, ``؛`` or ``,`` (``Name <address>`` is read as
  the address; a label beside it, ``Email:``, ``(accounts)``, is no address); each needs a
  local part, one
  ``@`` and a domain with a dot and a 2+ letter top-level domain, in letters of any script
  (``info@شركة.مصر``, kept as typed: not folded as a name is). Plus-addressing
  (``ap+invoices@x.com``) is valid.
* IBAN: checked when the value is typed as one (two letters, two digits): its length in its
  country (the ISO 13616 registry) and the mod-97 rule (``is_iban``, the bank readers' test
  too); local account numbers are accepted as typed.
* Tax ID: judged only where the customer's country is known (its Country cell, else its
  currency: EGP, SAR, AED), by that country's format, spaces, dashes and dots aside: Egypt a
  9-digit tax registration number (``123-456-789``) or, for a person, the 14-digit national
  ID; Saudi Arabia a 15-digit VAT number starting and ending with 3; the UAE a 15-digit TRN
  starting with 100; Bahrain a 15-digit VAT account number starting with 2 (NBR's
  ``200000412340002``); Oman the VATIN, ``OM`` and 10 digits (``OM1100006083``; the ``OM``
  may be left out, as a country code is), or the 7-digit tax card number of a customer not
  registered for VAT. A Gulf country taken from the currency alone accepts any Gulf format
  (a customer billed in another's currency keeps its own number). A number typed with its
  country's two letters (``EG204331876``, ``AE100...``: Odoo, Business Central) is the same
  number as without them.
* A Saudi landline is 10 digits from 011 (Riyadh) or 012 (Jeddah), the prefixes of Egyptian
  mobiles, which have 11: such a number is judged an Egyptian mobile only for a customer known
  to be in Egypt.

The ``*_key`` functions give the form used to spot two customers sharing a detail.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from ar_excel.core.countries import CURRENCY_OF, country_code
from ar_excel.core.customers.names import fold_text

# "و" (and) / "او" (or) only as a word: inside "تحويلة" (extension) it splits nothing
_PHONE_SPLIT = re.compile(r"\s*(?:/|;|؛|,|،|\||&|\bor\b|\band\b|\n)\s*|\s+(?:او|و)\s*|\s+[-–]\s+")
# (cells are folded first: "تحويلة" arrives as "تحويله")
_EXTENSION = re.compile(r"(?:ext\.?|extension|x|تحويلة|تحويله|داخلي)\s*:?\s*\d+\s*$",
                        re.IGNORECASE)
# Labels people put beside a number: "Tel: 02 ...", "0100 ... (mobile)", "موبايل ٠١٠...".
_PHONE_LABEL = re.compile(
    r"(?i)\((?:[^\d()]*)\)|\b(?:tel|telephone|phone|ph|mob|mobile|cell|office|whatsapp|"
    r"landline|main|home|work|fax)\b\.?\s*:?|(?:هاتف|تليفون|موبايل|محمول|جوال|واتساب|مكتب)\s*:?")
_PHONE_ALLOWED = re.compile(r"^[\d\s\-\.\(\)\+]+$")
# A word of letters alone beside a number: the contact person and the title or label before
# the name ("01001234567 أ/ محمد", "م/ أحمد", "Ahmed 0100...", "ت: 0100..." (تليفون)); a
# token mixing letters and digits ("O1001234567"), or letters inside a number ("0100-ABC-4567"),
# is no such word.
_WORD_BESIDE = re.compile(r"(?<!\S)[^\W\d_]+(?::|\.?(?!\S))")
# The last digits of a second number written after the first ("01001234567/8",
# "02 23456789/90": ...568, ...790), as Egypt's letterheads list consecutive lines.
_LAST_DIGITS = re.compile(r"\d{1,4}")
# (letters of any script, as internationalised addresses and domains are typed: an Egyptian
# company's "info@شركة.مصر", "josé@café.fr"; a domain's labels letters, digits and inner
# dashes, its top-level one letters or an ACE "xn--" label. A domain of Arabic letters under
# a Latin top-level one, "ali@شركة.com", is the company's name typed for its domain: none)
EMAIL_PATTERN = (
    r"^[\w!#$%&'*+/=?^`{|}~-]+(?:\.[\w!#$%&'*+/=?^`{|}~-]+)*"
    r"@(?![^@]*[\u0600-\u06ff][^@]*\.[A-Za-z0-9-]+$)(?:[^\W_](?:(?:[^\W_]|-){0,61}[^\W_])?\.)+(?:[^\W\d_]{2,24}|xn--[A-Za-z0-9-]{2,59})$"
)
_EMAIL = EMAIL_RE = re.compile(EMAIL_PATTERN)
_NON_DIGIT = re.compile(r"\D")
# marks pasted with Arabic text that are no character of an address (direction marks, zero
# width joiners, a byte order mark, a soft hyphen)
_INVISIBLE = re.compile("[\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff\u00ad]")
_BRACKETED = re.compile(r"<([^<>]+)>")
# (the Arabic semicolon "؛" as ";": the Arabic comma arrives folded to ",")
_EMAIL_SPLIT = re.compile(r"[;؛,،\s|]+|\s*/\s*(?=\S+@)")
_ACCOUNT_SPLIT = re.compile(r"[;؛,\n]+")
_ACCOUNT_NOISE = re.compile(r"[\s\-\.]")
TAX_NOISE = re.compile(r"[\s\-\./]")
# ISO 13616: an IBAN is its country's two letters, two check digits and 11 to 30 letters and
# digits (15 to 34 characters); the one shape of an IBAN written whole, for the bank readers too
IBAN_WHOLE = r"[A-Z]{2}\d{2}[A-Z0-9]{11,30}"
_IBAN_WHOLE = re.compile(IBAN_WHOLE)
# The IBAN's length in each country of the ISO 13616 registry (those listed: a length not
# sure is left out, and such a country's IBAN is judged by its shape and check digits)
IBAN_LENGTH = {
    "AD": 24, "AE": 23, "AL": 28, "AT": 20, "AZ": 28, "BA": 20, "BE": 16, "BG": 22, "BH": 22,
    "BR": 29, "BY": 28, "CH": 21, "CR": 22, "CY": 28, "CZ": 24, "DE": 22, "DK": 18, "DO": 28,
    "EE": 20, "EG": 29, "ES": 24, "FI": 18, "FO": 18, "FR": 27, "GB": 22, "GE": 22, "GI": 23,
    "GL": 18, "GR": 27, "GT": 28, "HR": 21, "HU": 28, "IE": 22, "IL": 23, "IQ": 23, "IS": 26,
    "IT": 27, "JO": 30, "KW": 30, "KZ": 20, "LB": 28, "LC": 32, "LI": 21, "LT": 20, "LU": 20,
    "LV": 21, "LY": 25, "MC": 27, "MD": 24, "ME": 22, "MK": 19, "MR": 27, "MT": 31, "MU": 30,
    "NL": 18, "NO": 15, "OM": 23, "PK": 24, "PL": 28, "PS": 29, "PT": 25, "QA": 29, "RO": 24,
    "RS": 22, "SA": 24, "SC": 31, "SD": 18, "SE": 24, "SI": 19, "SK": 24, "SM": 27, "ST": 25,
    "SV": 28, "TL": 23, "TN": 24, "TR": 26, "UA": 29, "VA": 22, "VG": 24, "XK": 20}
# typed as an IBAN, right or not: two letters, two digits, then letters and digits (a
# country's IBAN cut short or run over is one typed wrong, not a local account number)
_TYPED_AS_IBAN = re.compile(r"[A-Z]{2}\d{2}[A-Z0-9]{8,}")

# Mailbox providers: two customers on gmail.com share nothing.
FREE_MAIL_DOMAINS = frozenset({
    "gmail.com", "googlemail.com", "yahoo.com", "yahoo.co.uk", "hotmail.com", "outlook.com",
    "live.com", "msn.com", "icloud.com", "me.com", "aol.com", "mail.com", "gmx.com", "gmx.de",
    "yandex.com", "yandex.ru", "protonmail.com", "proton.me", "zoho.com", "web.de",
    "outlook.sa", "hotmail.fr", "yahoo.fr", "live.fr", "windowslive.com",
})


def _text(value: object) -> str:
    if value is None or (isinstance(value, float) and value != value):
        return ""
    return fold_text(str(value)).strip()


def phone_numbers(value: object) -> tuple[str, ...]:
    """The numbers in a phone cell, extensions removed."""
    text = _text(value)
    return _phone_parts(text) if text else ()


@lru_cache(maxsize=65536)  # the checks and the duplicate search read each phone cell
def _phone_parts(text: str) -> tuple[str, ...]:
    numbers = []
    # a label starts a number: "Phone: (415) 555-9876 Mobile: (415) 555-1212" is two
    for part in _PHONE_SPLIT.split(_PHONE_LABEL.sub(" / ", text)):
        part = _EXTENSION.sub("", part.strip()).strip()
        if part:
            numbers.append(part)
    return tuple(numbers)


# A 15-digit Gulf VAT number typed in the phone cell: Saudi VAT (3...3), UAE TRN (100...),
# Bahrain's VAT account number (2...).
# No national phone number is 15 digits long; only an international one with its "+"/"00".
_VAT_SHAPE = re.compile(r"^(?:3\d{13}3|100\d{12}|2\d{14})$")


# Mobile numbers have a fixed length in each country (the national plan): a digit dropped or
# doubled is a number that cannot be dialled. (country code, mobile prefix, national digits
# after the country code, name); Egypt 01[0125] + 8, Saudi 05 + 8, UAE 05[0-8] + 7, Kuwait 8.
_MOBILES = (("20", re.compile(r"1[0125]"), 10, "an Egyptian mobile has 11 digits (01x xxxx xxxx)"),
            ("966", re.compile(r"5"), 9, "a Saudi mobile has 10 digits (05x xxx xxxx)"),
            ("971", re.compile(r"5[0-8]"), 9, "a UAE mobile has 10 digits (05x xxx xxxx)"))
_LOCAL_MOBILES = ((re.compile(r"01[0125]"), 11, "an Egyptian mobile has 11 digits (01x xxxx xxxx)"),
                  (re.compile(r"05"), 10, "a Saudi or UAE mobile has 10 digits (05x xxx xxxx)"))


# Egypt's companies' five-digit hotlines (19019, 16xxx), dialled as they are
_HOTLINE = re.compile(r"1[5-9]\d{3}")


# "011 200 9134": Riyadh's (011) or Jeddah's (012) landline, or an Egyptian mobile short of
# a digit; which one only the customer's country says.
_SAUDI_LANDLINE = re.compile(r"01[12]\d{7}")


def _mobile_length(part: str, digits: str, country: str | None = None) -> str | None:
    """Why a number with a known mobile prefix has the wrong number of digits, or None."""
    international = part.lstrip().startswith(("+", "00"))
    if international:
        for code, prefix, length, why in _MOBILES:
            if digits.startswith(code):
                national = digits[len(code):]
                national = national[1:] if national.startswith("0") else national  # "+20 (0)"
                if prefix.match(national) and len(national) != length:
                    return why
                return None
        return None
    if country != "EG" and _SAUDI_LANDLINE.fullmatch(digits):
        return None
    for prefix, length, why in _LOCAL_MOBILES:
        if prefix.match(digits) and len(digits) != length:
            return why
    return None


# Where two numbers typed one after the other may part: a dash or spaces between digits
_NUMBER_GAP = re.compile(r"(?<=\d)[\s\-\.]+(?=[\d(+])")


def _one_number(part: str, country: str | None) -> bool:
    """The text is one plausible number written whole: from its trunk 0 or its country code
    (``+``, ``00``), 7 to 13 digits (a "00" aside), a mobile of its plan's length."""
    if not part.lstrip().startswith(("0", "+", "(")):
        return False  # ("8901 2345" after a number: more digits of it, not a number)
    digits = _NON_DIGIT.sub("", part)
    national = digits[2:] if digits.startswith("00") else digits
    return 7 <= len(national) <= 13 and len(set(national)) > 1 and \
        _mobile_length(part, national, country) is None


def _two_numbers(part: str, country: str | None) -> list[str]:
    """Two numbers typed one after the other with only a dash or a space between them
    (``01001234567-01112345678``, ``0100 123 4567 0111 234 5678``): the first gap at which
    both halves are plausible numbers parts them, where the whole is too long for one."""
    digits = _NON_DIGIT.sub("", part)
    if len(digits[2:] if digits.startswith("00") else digits) <= 13:
        return [part]
    for gap in _NUMBER_GAP.finditer(part):
        left, right = part[:gap.start()], part[gap.end():]
        if _one_number(left, country) and _one_number(right, country):
            return [left, right]
    return [part]


# "02/23456789", "٠٤٠/٣٣١٢٣٤٥": an area code, then the subscriber's 6 to 8 digits after the
# slash (as Egypt's letterheads write a landline), one number and not two
_AREA_CODE = re.compile(r"\(?0\d{1,2}\)?")
_SUBSCRIBER = re.compile(r"[1-9](?:[\s\-]?\d){5,7}")


def area_codes_joined(parts: tuple[str, ...]) -> tuple[str, ...]:
    """A phone cell's parts with an area code parted from its number by a slash put back."""
    joined: list[str] = []
    for part in parts:
        if joined and _AREA_CODE.fullmatch(joined[-1]) and _SUBSCRIBER.fullmatch(part):
            joined[-1] = f"{joined[-1]} {part}"
        else:
            joined.append(part)
    return tuple(joined)


def _dialled(parts: tuple[str, ...], country: str | None = None
             ) -> list[tuple[str, str]] | None:
    """Each number of a phone cell's parts as (its text, its digits): the words beside the
    numbers set aside, two numbers typed with a dash or a space between them parted, a second
    number's last digits alone (``/8``) completed from the number before it (its text then
    stands for both). None when a part mixes letters with its digits, or the cell holds words
    and no number."""
    parts = area_codes_joined(tuple(p for part in parts for p in _two_numbers(part, country)))
    numbers: list[tuple[str, str]] = []
    worded = False
    for part in parts:
        if not _PHONE_ALLOWED.match(part):
            bare = _WORD_BESIDE.sub(" ", part).strip()
            if bare and not _PHONE_ALLOWED.match(bare):
                return None
            worded, part = True, bare
            if not part:
                continue
        digits = _NON_DIGIT.sub("", part)
        if numbers and _LAST_DIGITS.fullmatch(part) and len(numbers[-1][1]) >= 7:
            text, before = numbers[-1]
            numbers.append((text, before[:-len(digits)] + digits))
            continue
        numbers.append((part, digits))
    return None if worded and not numbers else numbers


def phone_problem(value: object, tax_id: str = "", country: str | None = None) -> str | None:
    """Why a phone cell is not usable, or None when every number in it is plausible.
    ``tax_id`` is the customer's own tax ID (``tax_key``): typed in the phone cell, it is
    no phone. ``country`` (``tax_country``), where known, settles numbers two plans share."""
    numbers = _dialled(phone_numbers(value), country)
    if numbers is None:
        return "letters or symbols"
    for part, digits in numbers:
        if tax_id and digits.lstrip("0") == tax_id:
            return "it is the customer's tax ID"
        if _VAT_SHAPE.match(digits) and not part.lstrip().startswith("+"):
            return "a 15-digit VAT number, not a phone"
        if digits.startswith("00"):
            digits = digits[2:]
        if len(digits) < 7 and not (country in (None, "EG") and _HOTLINE.fullmatch(digits)):
            return "too few digits"
        if len(digits) > 15:
            return "too many digits"
        if len(set(digits)) == 1:
            return "placeholder"
        if wrong := _mobile_length(part, digits, country):
            return wrong
    return None


def phone_keys(value: object) -> set[str]:
    """The last 9 digits of each number: the same line typed with or without country code."""
    keys = set()
    numbers = _dialled(phone_numbers(value))
    for digits in ([_NON_DIGIT.sub("", p) for p in phone_numbers(value)] if numbers is None
                   else [d for _, d in numbers]):
        if len(digits) >= 7 and len(set(digits)) > 1:
            keys.add(digits[-9:])
    return keys


def email_addresses(value: object) -> tuple[str, ...]:
    text = _email_text(value)
    return _email_parts(text) if text else ()


def _email_text(value: object) -> str:
    """An email cell as typed, lower case: not folded as names are (ة to ه, é to e: another
    address, on a domain of its own), only what is no letter of it taken off (marks of
    direction pasted with Arabic, a zero-width joiner) and compatibility forms unified (a
    full-width @)."""
    if value is None or (isinstance(value, float) and value != value):
        return ""
    text = str(value)
    if not text.isascii():
        text = _INVISIBLE.sub("", unicodedata.normalize("NFKC", text))
    return text.strip().lower()


@lru_cache(maxsize=65536)
def _email_parts(text: str) -> tuple[str, ...]:
    return tuple(_without_full_stop(p) for p in _typed_parts(text))


def _without_full_stop(address: str) -> str:
    """'ap@firm.com.' (an address pasted from a sentence) is ap@firm.com: a full stop
    cannot end an address, and the one before it is plain."""
    if address.endswith(".") and not _EMAIL.match(address) and _EMAIL.match(address[:-1]):
        return address[:-1]
    return address


def full_stop_addresses(value: object) -> list[str]:
    """The addresses of an email cell typed with a full stop after them, read without it."""
    text = _email_text(value)
    return [_without_full_stop(p) for p in _typed_parts(text)
            if _without_full_stop(p) != p] if text and "." in text else []


@lru_cache(maxsize=65536)
def _typed_parts(text: str) -> tuple[str, ...]:
    if text.lower().startswith("mailto:"):
        text = text[7:]
    bracketed = _BRACKETED.findall(text)  # "Ali Hassan <ali@x.com>": the address
    if bracketed:
        return tuple(b.strip() for b in bracketed)
    parts = [p.strip().strip("<>") for p in _EMAIL_SPLIT.split(text) if p.strip()]
    if any("@" in p for p in parts):  # "ap@x.com (accounts)", "Email: ap@x.com", "و": the
        parts = [p for p in parts if "@" in p]  # words beside the addresses are no address
    return tuple(parts)


_NO_EMAIL = frozenset({"n/a", "na", "none", "nil", "-", "--", "---", ".", "no email",
                       "no e-mail", "no phone", "no number", "لا يوجد", "لايوجد", "غير متوفر",
                       "لا", "بدون"})


def no_email(value: object) -> bool:
    """The cell says the customer has no email or phone ("N/A", "-", "لا يوجد"): as blank,
    not a bad address or number."""
    return " ".join(_text(value).lower().split()) in _NO_EMAIL


no_phone = no_email


def email_problem(value: object) -> str | None:
    """Why an email cell is not usable, or None."""
    for address in email_addresses(value):
        if not _EMAIL.match(address):
            return address
    return None


def email_domains(value: object) -> set[str]:
    """Company mail domains (free mailboxes excluded) of an email cell."""
    domains = set()
    for address in email_addresses(value):
        if _EMAIL.match(address):
            domain = address.rsplit("@", 1)[1].lower()
            if domain not in FREE_MAIL_DOMAINS:
                domains.add(domain)
    return domains


def account_keys(value: object) -> set[str]:
    """Each payer account of an ``IBAN / Bank Account`` cell, spaces and dashes removed."""
    text = _text(value).upper()
    keys = set()
    for part in _ACCOUNT_SPLIT.split(text):
        key = _ACCOUNT_NOISE.sub("", part)
        if len(key) >= 6:
            keys.add(_labelled_ibans(key) or key)
    return {k for key in keys for k in key.split("\n")}


# An IBAN inside a part written with its bank's name or a label ("الراجحي: SA03 8000 ...",
# "CIB EG38 ...", "IBAN: EG38 ..."), or two IBANs with a slash between them: the IBANs, so
# the account is compared and its check digits tested as written elsewhere without them
# (A label run into the IBAN without a separator, "CIBEG38...": only an IBAN of a country
# whose length it has exactly, IBAN_LENGTH, not letters of the label, "Acc 1234...")
_IBAN_TOKEN = re.compile(IBAN_WHOLE + "$")


def _labelled_ibans(key: str) -> str | None:
    if typed_as_iban(key):
        return None
    found = []
    for token in re.split(r"[^A-Z0-9]+", key):
        m = _IBAN_TOKEN.search(token)
        if m and (m.start() == 0 or IBAN_LENGTH.get(m.group()[:2]) == len(m.group())):
            found.append(m.group())
    return "\n".join(found) or None


def typed_as_iban(account: str) -> bool:
    """An account (spaces out, upper case) typed as an IBAN, right or wrong: two letters of a
    country of the registry, two digits, and 8 or more letters and digits; else of an IBAN's
    shape (``IBAN_WHOLE``)."""
    return bool(_TYPED_AS_IBAN.fullmatch(account)) and (
        account[:2] in IBAN_LENGTH or bool(_IBAN_WHOLE.fullmatch(account)))


def is_iban(text: str) -> bool:
    """An IBAN written whole (no spaces): its shape, its country's length where the registry
    gives it, and its ISO 13616 mod-97 check digits; a code, or a name glued to digits, that
    merely has the shape is none. The one test of an IBAN, the bank readers' too."""
    return (bool(_IBAN_WHOLE.fullmatch(text))
            and IBAN_LENGTH.get(text[:2], len(text)) == len(text) and iban_valid(text))


def iban_valid(account: str) -> bool:
    """ISO 13616 check: move the first four characters to the end, letters to numbers, mod 97."""
    rearranged = account[4:] + account[:4]
    number = "".join(str(int(c, 36)) for c in rearranged)
    return int(number) % 97 == 1


def invalid_ibans(value: object) -> list[str]:
    """Accounts in the cell shaped like an IBAN whose check digits are wrong."""
    return [a for a in sorted(account_keys(value)) if typed_as_iban(a) and not is_iban(a)]


# A country's two letters before a registration number: "EG204331876", "SA3000...", "OM11..."
COUNTRY_PREFIX = re.compile(r"^[A-Z]{2}(?=\d{7,}$)")


# A tax ID cell saying the customer has no number to give, rightly: a person or a consumer,
# or a business not registered for VAT or exempt from it (Gulf masters mark their small
# customers so). Neither a wrong number nor a missing one. (Cells are folded first:
# "أفراد" arrives as "افراد", "معفى" as "معفي".)
_NOT_REGISTERED = re.compile(
    r"(?i)^(?:individuals?|(?:private|natural) person|person|(?:end |final )?consumers?|"
    r"not (?:vat |tax )?registered|non[- ]?(?:vat[- ]?)?registered|unregistered|non[- ]?vat|"
    r"no vat|(?:vat |tax )?exempt(?:ed)?|فرد|افراد|شخص طبيعي|مستهلك(?: نهايي)?|"
    r"غير مسجل(?: ضريبيا| في الضريبه)?|غير خاضع(?: للضريبه)?|معفي|معفاه)$")


def not_registered(value: object) -> bool:
    """The tax ID cell says the customer has no tax number: a person, a consumer, or not
    registered for VAT (``Individual``, ``فرد``, ``Not registered``, ``غير مسجل``, ``Exempt``)."""
    text = " ".join(_text(value).split()).strip(" .()-")
    return bool(text) and _NOT_REGISTERED.match(text) is not None


def tax_key(value: object) -> str:
    """A tax registration number without spaces, dashes, dots or a leading country prefix."""
    text = COUNTRY_PREFIX.sub("", TAX_NOISE.sub("", _text(value)).upper())
    return text.lstrip("0") if text.isdigit() else text


# The countries with no VAT (Kuwait, Qatar: no tax number to give), by Country cell or by the
# currency a customer without one is billed in.
_NO_VAT = frozenset({"KW", "QA"})
_NO_VAT_CURRENCIES = frozenset(CURRENCY_OF[code] for code in _NO_VAT)


def in_country_without_vat(country: object, currency: object) -> bool:
    """The customer is in Kuwait or Qatar (its Country cell, else its currency): it has no
    VAT number to give."""
    if _text(country):
        return country_code(country) in _NO_VAT
    return _text(currency).upper() in _NO_VAT_CURRENCIES


def tax_country(country: object, currency: object) -> tuple[str | None, bool]:
    """The customer's country code (EG, SA, AE, BH, OM) and whether its Country cell says
    so (False: taken from its currency); (None, False) when neither tells one of them. A
    Country cell naming another country is that country: none of them."""
    if _text(country):
        code = country_code(country)
        return (code if code in _CURRENCY_COUNTRY.values() else None), True
    return _CURRENCY_COUNTRY.get(_text(currency).upper()), False


TAX_FORMATS = {
    "EG": (re.compile(r"\d{9}|\d{14}"),
           "an Egyptian tax registration number has 9 digits (123-456-789)"),
    "SA": (re.compile(r"3\d{13}3"),
           "a Saudi VAT number has 15 digits, starting and ending with 3"),
    "AE": (re.compile(r"100\d{12}"), "a UAE TRN has 15 digits, starting with 100"),
    "BH": (re.compile(r"2\d{14}"),
           "a Bahraini VAT account number has 15 digits, starting with 2"),
    "OM": (re.compile(r"(?:OM)?\d{9}[\dX]|\d{7}"),
           "an Omani VATIN is OM and 10 digits (OM1100006083)"),
}
_GULF = ("SA", "AE", "BH", "OM")
TAX_COUNTRIES = tuple(TAX_FORMATS)
# the country whose tax IDs are checked, by the currency a customer without a Country is
# billed in (EGP: EG)
_CURRENCY_COUNTRY = {CURRENCY_OF[code]: code for code in TAX_COUNTRIES}
# a country code, or the number's name typed before it, in either script ("TRN 100...",
# "VAT No. 3...", "Tax Reg. No 204...", "ب.ض 204-331-876", "رقم التسجيل: 204331876")
TAX_PREFIX = re.compile(r"^(?:[^\W\d_]+:?)??(?:EG|SA|AE|BH|OM)?(?=\d+$)")


# The commercial register's number typed in the tax column, named as such ("س.ت 12345",
# "سجل تجاري ...", "CR 1010123456", "C.R. No."): whatever its digits, not the tax number.
_CR_LABEL = re.compile(r"(?i)^\s*(?:س\s*\.?\s*ت\b\.?|سجل\s+تجاري|c\s*\.?\s*r\b\.?|"
                       r"commercial\s+reg)")
# A Saudi commercial registration (CR) number: 10 digits from its city's office code (1010...
# Riyadh, 4030... Jeddah, 2050... Dammam, 7... the unified number)
_SAUDI_CR = re.compile(r"[1245]\d{9}|7\d{9}")
CR_LABELLED = "a commercial register number (س.ت / CR), not the tax registration number"
SAUDI_CR_SHAPE = ("a Saudi VAT number has 15 digits, starting and ending with 3; this one has "
                  "the shape of a commercial registration (CR) number")


def tax_id_problem(value: object, country: str | None, stated: bool = True) -> str | None:
    """Why a tax ID does not have its country's format, or None (see the module's rules).
    ``stated`` False: the country came from the currency, any Gulf format will do for a
    Gulf country (Oman's with its OM, from another's currency)."""
    if country not in TAX_FORMATS:
        return None
    if _CR_LABEL.match(_text(value)):
        return CR_LABELLED
    text = TAX_NOISE.sub("", _text(value)).upper()
    key = TAX_PREFIX.sub("", text)
    if not key:
        return None
    accepted = (country,) if stated or country == "EG" else _GULF
    if country != "OM" and not ((key.startswith("OM") or text.endswith("OM" + key))
                                and len(key) >= 10):
        # from another Gulf currency, Oman's format only for a VATIN written with its OM:
        # ten bare digits may be a Saudi CR number, seven any short number
        accepted = tuple(c for c in accepted if c != "OM")
    if any(TAX_FORMATS[c][0].fullmatch(key) for c in accepted):
        return None
    if "SA" in accepted and _SAUDI_CR.fullmatch(key):
        return SAUDI_CR_SHAPE
    return TAX_FORMATS[country][1]
