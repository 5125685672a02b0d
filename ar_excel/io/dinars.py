"""An invoice's Currency written 'دينار' (or 'Dinar') alone: a dinar, but which one is
for the customer to say. Kuwait, Bahrain, Jordan, Iraq, Libya, Tunisia and Algeria each pay
in their own, and a Kuwaiti dinar is worth ten Algerian ones by a hundred. The word is read as
the customer's own currency where that is a dinar (else the company's, where the customer
names none); otherwise as blank, the invoice in its customer's currency as the contract
reads a blank, and one Input Issue per customer says it is ambiguous and which dinars it may
be. A customer's own Currency written so is its country's dinar, or the company's.

The riyal and the dirham are several countries' too (Saudi Arabia, Qatar, Oman, Yemen; the
Emirates, Morocco), but the bare word has a reading every book has had: the Saudi riyal and the
UAE dirham. Where the customer's country (or, for a customer naming none, the company's) pays
in another of that name, that one is meant: a Qatari company's 'ريال' is QAR, and read as SAR
its receipts in QAR never met its invoices (``namesakes_as_meant``)."""

from __future__ import annotations

import re

import pandas as pd

from ar_excel.core.entries import per_distinct
from ar_excel.io.cells_named import cells_named
from ar_excel.model import Book

# The company's currency is asked of core.local_currency three times below, each with what
# may be known at that point, not once: a customer's own bare dinar by the Policy alone (the
# customers' currencies are what is being read), a customer's riyal or dirham by the Policy or
# the customers' countries and tax numbers, an invoice's dinar by those or, failing them, the
# one currency the book names (its customers' dinars read by then). One answer for all three
# would read more: a customer without a Country writing 'دينار' among Kuwaiti customers would
# become KWD where it is now left for the customer checks to report. Each runs only where such
# a word is found.

# Beside an invoice's Currency, the word typed where it names a dinar without a country
# (the Currency itself left blank until the book says which).
DINAR = "_dinar"
DINARS = ("KWD", "BHD", "JOD", "IQD", "LYD", "TND", "DZD")
_WORD = re.compile(r"(?i)^(?:ال)?(?:دينار|دنانير|دينارا)$|^dinars?$")


# The currencies of one name, the first the one the bare word reads as (parsing.codes).
RIYALS = ("SAR", "QAR", "OMR", "YER")
DIRHAMS = ("AED", "MAD")
_NAMESAKES = ((re.compile(r"(?i)^(?:ال)?(?:ريال|ريالات)$|^riyals?$"), RIYALS),
              (re.compile(r"(?i)^(?:ال)?(?:درهم|دراهم)$|^dirhams?$"), DIRHAMS))


def _namesakes(typed: object) -> tuple[str, ...] | None:
    """The currencies a Currency cell's bare riyal or dirham may be; None for anything else."""
    if not isinstance(typed, str):
        return None
    word = " ".join(typed.split()).strip().rstrip(".")
    return next((codes for pattern, codes in _NAMESAKES if pattern.match(word)), None)


def _meant(own: str | None, names: tuple[str, ...], company: str | None) -> str | None:
    """Which of ``names`` (one word's currencies) a bare word means: the customer's own
    (``own``, its country's or its Currency) where that is one of them, else the company's
    where the customer names none and the company's is; None where neither says."""
    return own if own in names else company if own is None and company in names else None


def _currencies_of(customers: pd.DataFrame) -> dict[object, object]:
    """Each customer's Currency, by Customer ID (the first row of a customer listed twice)."""
    known = customers.dropna(subset=["Customer ID"]).drop_duplicates("Customer ID")
    return dict(zip(known["Customer ID"], known["Currency"], strict=True))


def customer_currencies(book: Book) -> dict[object, object]:
    """Each customer's Currency of the book's customer list, by Customer ID ({} where there
    is no customer list or it has no Currency column)."""
    customers = book.frame("Customers")
    if customers is None or "Currency" not in customers:
        return {}
    return _currencies_of(customers)


def names_a_dinar(typed: str) -> bool:
    """Whether a Currency cell's text is the word dinar with no country."""
    return bool(_WORD.match(" ".join(typed.split()).strip().rstrip(".")))


def _customers_dinars(book: Book) -> None:
    """A customer's Currency written 'دينار' alone: the dinar of its Country, else the
    company's where that is a dinar (the Policy's Base Currency or Country); otherwise kept
    as typed, for the customer checks to report (INVALID_CURRENCY)."""
    customers = book.frame("Customers")
    if customers is None or "Currency" not in customers:
        return
    typed = customers["Currency"]
    bare = typed.map(lambda c: isinstance(c, str) and names_a_dinar(c)).astype(bool)
    if not bare.any():
        return
    from ar_excel.core.countries import country_currency
    from ar_excel.core.local_currency import local_currency

    company = local_currency(book.policy, [], None).code  # (the Policy's word only)
    countries = customers["Country"] if "Country" in customers else pd.Series(
        None, index=customers.index, dtype=object)
    codes = typed.copy()
    for i in customers.index[bare]:
        code = _meant(country_currency(countries.at[i]), DINARS, company)
        if code is not None:
            codes.at[i] = code
    book.tables["Customers"].frame = customers.assign(Currency=codes)


def namesakes_as_meant(book: Book) -> None:
    """Each customer's bare riyal or dirham read as its country's where that is one (Qatar's
    QAR), else the company's where that is one, else as read ('ريال' SAR; 'Riyal' unread, an
    INVALID_CURRENCY); each invoice's 'ريال' as its customer's currency where that is one of
    the name."""
    customers = book.frame("Customers")
    theirs: dict[object, object] = {}
    if customers is not None and "Currency" in customers:
        from ar_excel.core.countries import country_currency
        from ar_excel.core.local_currency import local_currency

        table = book.tables["Customers"]
        said = per_distinct(table.raw["Currency"], _namesakes) if "Currency" in table.raw \
            else None
        if said is not None and said.notna().any():
            company = local_currency(book.policy, [], customers).code
            countries = customers["Country"] if "Country" in customers else pd.Series(
                None, index=customers.index, dtype=object)
            codes = customers["Currency"].copy()
            for i in said.index[said.notna()]:
                code = _meant(country_currency(countries.at[i]), said[i], company)
                if code is not None:
                    codes.at[i] = code
            customers = customers.assign(Currency=codes)
            table.frame = customers
        theirs = _currencies_of(customers)
    table = book.tables.get("Invoices")
    if table is None or "Currency" not in table.raw or not theirs:
        return
    # (each distinct cell read once: an invoice list of 300,000 rows names few currencies)
    said = per_distinct(table.raw["Currency"], _namesakes)
    if said.isna().all():
        return
    frame = table.frame
    codes = frame["Currency"].copy()
    for i in said.index[said.notna()]:
        own = theirs.get(frame.at[i, "Customer ID"])
        # (A word the reader left unread, 'Riyal', is blank: its customer's currency already.)
        if isinstance(own, str) and own in said[i] and codes.at[i] in said[i]:
            codes.at[i] = own
    table.frame = frame.assign(Currency=codes)


def dinars_as_meant(book: Book) -> None:
    """Each customer's bare 'دينار' read as its country's dinar, or the company's
    (``_customers_dinars``); each invoice's as its customer's dinar, or the company's; where
    neither is a dinar, left blank and said (one Input Issue per customer, with its cells)."""
    _customers_dinars(book)
    table = book.tables.get("Invoices")
    if table is None or DINAR not in table.frame.columns:
        return
    frame = table.frame
    marked = frame[DINAR].notna()
    if not marked.any():
        table.frame = frame.drop(columns=[DINAR])
        return
    theirs = customer_currencies(book)
    customers = book.frame("Customers")
    from ar_excel.core.local_currency import local_currency

    company = local_currency(book.policy, book.named_currencies(), customers).code
    codes = frame["Currency"].copy()
    unsure: dict[object, list[int]] = {}
    for i in frame.index[marked]:
        customer = frame.at[i, "Customer ID"]
        own = theirs.get(customer)
        code = _meant(None if own is None or pd.isna(own) else str(own), DINARS, company)
        if code is not None:
            codes.at[i] = code
        else:
            unsure.setdefault(customer, []).append(i)
    for customer, at in unsure.items():
        cells = [table.cell(i, "Currency") for i in at]
        typed = str(frame.at[at[0], DINAR])
        own = theirs.get(customer)
        whose = (f"customer {customer}'s own currency is written '{own}' too"
                 if isinstance(own, str) and names_a_dinar(own) else
                 f"customer {customer}'s currency is {own}" if isinstance(own, str) else
                 f"the company's currency is {company}" if company else
                 "neither the customer's currency nor the company's says which")
        book.issues.append(table.issue(at[0], "Currency", (
            f"'{typed}' names no one currency: a dinar may be {', '.join(DINARS[:-1])} or "
            f"{DINARS[-1]}, and {whose}: read as blank, the invoice in its customer's "
            f"currency; write the code, e.g. KWD ({cells_named(cells)})")))
    table.frame = frame.assign(Currency=codes).drop(columns=[DINAR])
