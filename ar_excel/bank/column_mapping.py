"""A bank export's column mapping as a person writes it (the command's ``--bank-columns``, the
Policy's ``bank_columns``): ``"Date=Buchungstag;Amount=Betrag;decimal=,"`` names the header
holding each statement column, and the reading options, for a layout not recognised."""

from __future__ import annotations

import re

from ar_excel.errors import UsageError
from ar_excel.names import match_key
from ar_excel.schema import BANK

MAPPING_OPTIONS = ("decimal", "date_format", "date_order", "delimiter", "header_row", "sheet",
                   "year")


def bank_columns(text: str | None) -> dict[str, str] | None:
    """``"Date=Buchungstag;Amount=Betrag;decimal=,"`` -> the importer's column mapping: which
    header holds each statement column, for a bank export whose layout is not recognised."""
    if not text or not str(text).strip():
        return None
    names = {match_key(n): n for n in (*BANK.columns, *MAPPING_OPTIONS)}
    mapping: dict[str, str] = {}
    for part in re.split(r"[;\n]", str(text)):
        if not part.strip():
            continue
        key, sep, header = part.partition("=")
        name = names.get(match_key(key))
        if not sep or name is None or not header.strip():
            known = ", ".join([*BANK.columns, *MAPPING_OPTIONS])
            raise UsageError(f"bank columns: '{part.strip()}' is not COLUMN=HEADER with a column "
                             f"among {known}")
        mapping[name] = header.strip() if name != "decimal" else header
    return mapping
