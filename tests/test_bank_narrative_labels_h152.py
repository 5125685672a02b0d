"""Labelled free-text narratives (MT940 :86:, ING's notes): the value after 'REF:' is the
reference, not the words the bank wrote after it. QNB's 'REF: INV-2026-4001 محول من دوحة
للخدمات البحرية' gave the Reference 'INV-2026-4001 محول من دوحة للخدمات البحرية'."""

from __future__ import annotations

from pathlib import Path

import pytest

from ar_excel.bank import read_statement
from ar_excel.bank.narrative import parse_narrative


@pytest.mark.parametrize(("text", "refs"), [
    ("REF: INV-2026-4001 محول من دوحة للخدمات البحرية", ["INV-2026-4001"]),
    ("INWARD TT REF: FT26306ABC PAYMENT FOR OCTOBER", ["FT26306ABC"]),
    ("REF: INV/2026/118 THANK YOU", ["INV/2026/118"]),
    # a reference the bank prints in parts with digits keeps them
    ("KENMERK: 26-01-2014 18:14 003000 0735822580", ["26-01-2014 18:14 003000 0735822580"]),
    ("BY ORDER OF: ABC TRADING LLC P.O. BOX 1234 DUBAI UAE REF: INV 77", ["INV 77"]),
    ("REF: INV 2026 4001 NOVEMBER", ["INV 2026 4001"]),
    # ended by the next label, as before
    ("REMITTER: X REF: INV-2026-1187 DETAILS: PAYMENT", ["INV-2026-1187"]),
    # no digit: no reference's shape, kept as written
    ("REF: PAYMENT FOR NOVEMBER", ["PAYMENT FOR NOVEMBER"]),
])
def test_reference_after_a_label_stops_at_the_words_after_it(text: str, refs: list[str]) -> None:
    assert parse_narrative(text).references == refs


def test_qnb_mt940_line_reference_and_full_description(tmp_path: Path) -> None:
    text = "\n".join([
        ":20:QNB261120", ":25:QA58QNBA000000000123456789012", ":28C:320/1",
        ":60F:C261119QAR1000,00",
        ":61:2611201120C12500,00NTRFNONREF//FT2632400017",
        ":86:REF: INV-2026-4001 محول من دوحة للخدمات البحرية",
        ":62F:C261120QAR13500,00", "-", ""])
    path = tmp_path / "qnb.sta"
    path.write_text(text, encoding="utf-8")
    line = read_statement(path).lines.iloc[0]
    assert line["Reference"] == "INV-2026-4001"
    assert line["Description"] == "REF: INV-2026-4001 محول من دوحة للخدمات البحرية"
