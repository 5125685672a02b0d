"""The sender an instant payment prints without FROM, after the scheme's words and the payer's
mobile number (FAWRAN IN 974 5512 3456 MOHAMMED ALI, WAMD P2P CREDIT 96599123456 KHALED AL
AJMI): a person who is no customer paying. The amount alone then does not make the invoice of
that amount paid for sure: Suggested ('paid by MOHAMMED ALI, not a customer'), as with FROM X.
Before, the sender was looked for only after FROM and the line was Matched amount-only (0.86).
A customer's own name there is still its payment, and a narrative of another kind is read as
before."""

from __future__ import annotations

from pathlib import Path

import python_calamine as pc

from tests.test_matching_instant_payments import _reconcile


def test_a_stranger_paying_by_instant_payment_is_suggested(tmp_path: Path) -> None:
    got = _reconcile(tmp_path, [
        ("K01", "Gulf Star General Trading Co WLL", "", ""),
        ("K03", "Salmiya Electronics Co", "", ""),
    ], [
        ("INV-5512", "K03", 275.0), ("INV-7001", "K01", 318.25), ("INV-7002", "K03", 412.375),
        ("INV-7003", "K01", 187.625),
    ], [
        ("P2", "FAWRAN IN 974 5512 3456 MOHAMMED ALI", 275.0),
        ("P6", "WAMD P2P CREDIT 96599123456 KHALED AL AJMI", 318.25),
        ("P7", "FAWRI+ CREDIT 97333123456 SALMIYA ELECTRONICS", 412.375),
        ("P8", "PAYMENT FOR NOVEMBER SUPPLIES", 187.625),
    ], "KWD")
    # (before: both Matched amount-only 0.86)
    assert got["P2"] == [("Suggested", "INV-5512", 275.0, "amount-only", 0.5)]
    assert got["P6"] == [("Suggested", "INV-7001", 318.25, "amount-only", 0.5)]
    assert got["P7"] == [("Matched", "INV-7002", 412.375, "amount+payer", 0.95)]
    assert got["P8"] == [("Matched", "INV-7003", 187.625, "amount-only", 0.86)]
    rows = pc.CalamineWorkbook.from_path(str(tmp_path / "KWD" / "out.xlsx")).get_sheet_by_name(
        "Bank Matches").to_python()
    reasons = {r[0]: dict(zip(rows[0], r, strict=False))["Reason"] for r in rows[1:]}
    assert reasons["P2"] == ("paid by MOHAMMED ALI, not a customer; INV-5512 is the only open "
                             "invoice of this amount, please confirm")
