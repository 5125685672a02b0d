"""The payer's mobile number as instant-payment narratives print it, in groups (Fawran's
974 5512 3456, WAMD's 965 9912 3456, AANI's +971 50 123 4567, InstaPay's 0100 123 1234): its
groups are no invoice numbers. Before, 5512 of 974 5512 3456 was read as the numeric part of
INV-5512 and, the amount agreeing, Matched by reference (0.93) a line whose payer nobody knows;
now the amount alone suggests it. An invoice number the line names beside the mobile still
matches."""

from __future__ import annotations

from pathlib import Path

from ar_excel.core.matching.normalize import without_accounts
from tests.test_matching_instant_payments import _reconcile


def test_mobile_numbers_in_groups_are_blanked_for_invoice_numbers() -> None:
    assert without_accounts("FAWRAN IN 974 5512 3456 MOHAMMED ALI").split() == [
        "FAWRAN", "IN", "MOHAMMED", "ALI"]
    assert without_accounts("AANI CR +971 50 123 4567 INV 5512").split() == [
        "AANI", "CR", "INV", "5512"]
    assert without_accounts("IPN TRANSFER 0100 123 1234 FROM SAMEH").split() == [
        "IPN", "TRANSFER", "FROM", "SAMEH"]
    # (no mobile: too many digits, or an invoice list)
    assert without_accounts("INV 0512 3456 7788") == "INV 0512 3456 7788"
    assert without_accounts("INV 2026 0512 3456") == "INV 2026 0512 3456"
    assert without_accounts("IPN 01012345678 X") == "IPN 01012345678 X"


def test_a_mobile_numbers_group_names_no_invoice(tmp_path: Path) -> None:
    got = _reconcile(tmp_path, [
        ("K01", "Gulf Star General Trading Co WLL", "", ""),
        ("K03", "Salmiya Electronics Co", "", ""),
    ], [
        ("INV-5512", "K03", 250.0), ("INV-1234", "K03", 120.0), ("INV-4567", "K01", 300.0),
        ("INV-7788", "K01", 90.0),
    ], [
        ("P2", "FAWRAN IN 974 5512 3456 MOHAMMED ALI", 250.0),
        ("P3", "IPN TRANSFER 0100 123 1234 FROM SAMEH", 120.0),
        ("P4", "AANI CR +971 50 123 4567", 300.0),
        ("P5", "FAWRAN IN 974 5512 3456 INV 7788", 90.0),
    ], "KWD")
    # (before: each Matched reference 0.93, 'narrative has the numeric part of')
    assert got["P2"] == [("Suggested", "INV-5512", 250.0, "amount-only", 0.5)]
    assert got["P3"] == [("Suggested", "INV-1234", 120.0, "amount-only", 0.5)]
    assert got["P4"] == [("Suggested", "INV-4567", 300.0, "amount-only", 0.5)]
    assert got["P5"] == [("Matched", "INV-7788", 90.0, "reference", 0.99)]
