"""Structured narratives in a table export's description column.

Dutch banks' CSV, XLS and TXT exports (ABN AMRO above all) write the same ``/TRTP/.../IBAN/
.../NAME/.../REMI/.../EREF/...`` structure as their MT940 ``:86:``, and German exports the
``166?00GUTSCHRIFT?20...?32NAME`` sub-fields, or (Sparkasse's CSV-MT940) a purpose of SEPA
keywords alone (``EREF+...MREF+...SVWZ+...``). The rule is the MT940 one (``narrative.py``):
the remittance text is the description (the posting text after it in brackets), the tagged
name, account, bank and end-to-end reference are the other party's and the payer's reference.
A column of the file that states them already wins: only its blanks are filled. Free text is
left as it is (its labels are too loose to be read as fields without the :86: context), but
for ING Netherlands' "Naam: .. Omschrijving: .. Kenmerk: .." notes, kept whole as the
description, whose labels fill the blank fields.
"""

from __future__ import annotations

import re

import pandas as pd

from ar_excel.bank.narrative import (
    DUTCH_TAGS,
    SEPA_OPENING,
    Narrative,
    parse_free,
    parse_narrative,
    parse_sepa_keywords,
)

# the opening of a structured narrative: a Dutch/SWIFT tag or a German GVC with a sub-field
# ING Netherlands' "Mededelingen": "Naam: X Omschrijving: Y IBAN: Z Kenmerk: R Valutadatum: .."
_LABELLED = re.compile(r"^Naam: .+ (?:Omschrijving|IBAN|Kenmerk): ")
# the tags MT940's :86: is read as structured by (narrative.DUTCH_TAGS), so a key taught there
# (the Gulf banks' /ROC/) opens a table's narrative too
_TAGS = "|".join(sorted(DUTCH_TAGS, key=len, reverse=True))
_STRUCTURED = re.compile(rf"^(?:/(?:{_TAGS})/|\d{{3}}\?\d\d)")
_EITHER = re.compile(f"{_STRUCTURED.pattern}|{_LABELLED.pattern}|{SEPA_OPENING.pattern}")
_ANY_OPENING = re.compile(rf"\n(?:/(?:{_TAGS})/|\d{{3}}\?\d\d|Naam: |"
                          + SEPA_OPENING.pattern.removeprefix("^") + ")")


def _description(n: Narrative) -> str | None:
    text = n.description
    if n.posting_text and n.posting_text not in (text or ""):
        text = " ".join(filter(None, [text, f"({n.posting_text})"]))
    return text


def with_structured_narratives(lines: pd.DataFrame) -> pd.DataFrame:
    """``lines`` with each structured description read into its fields (see module rule)."""
    texts = lines["Description"].tolist()
    if not _ANY_OPENING.search("\n" + "\n".join(filter(None, texts))):
        return lines  # one look at all of them: most statements have none
    found = [i for i, t in enumerate(texts) if t and _EITHER.match(t)]
    if not found:
        return lines
    lines = lines.copy()
    for i in found:
        if _LABELLED.match(texts[i]):  # ING's "Naam: .. Omschrijving: .. Kenmerk: ..": kept
            n = parse_free(texts[i])     # whole, its labels fill the blank fields
            n.description = texts[i]
        elif SEPA_OPENING.match(texts[i]):  # Sparkasse's "EREF+..MREF+..SVWZ+Rechnung 4711"
            n = parse_sepa_keywords(texts[i])
        else:
            n = parse_narrative(texts[i])
        counterparty = n.party(money_in=lines.at[i, "Amount"] > 0)
        fills = {
            "Description": _description(n),
            "Reference": "; ".join(n.references) or None,
            "Counterparty": counterparty,
            "Counterparty Account": n.account.replace(" ", "") if n.account else None,
            "Counterparty Bank": n.bank,
            "Transaction Code": n.code,
        }
        for column, value in fills.items():
            if value and (column == "Description" or lines.at[i, column] is None):
                lines.at[i, column] = value
    return lines
