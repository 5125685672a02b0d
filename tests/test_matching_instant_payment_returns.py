"""Proposed (classify.py change): money in that an instant-payment or clearing rail sends back
(IPP RETURN, UAEFTS RETURN ... INCORRECT ACCOUNT, AANI RTN, RETURN OUTWARD TT, IPS RETURN,
FAWRAN RETURN, FAWRI+ RETURN), a salary transfer, a payment gateway's or wallet's payout
(KNET PAYMENT GATEWAY SETTLEMENT, BENEFITPAY SETTLEMENT, MYFATOORAH, TELR, Tap...) is no
customer's payment: never Matched, whatever name or amount it prints. Before: Matched by the
payee's name (amount+payer 0.95) or by the amount alone (0.86)."""

from __future__ import annotations

from pathlib import Path

from tests.test_matching_instant_payments import _reconcile

REFUND = [("Unmatched", "not a customer receipt (refund)")]
CARDS = [("Unmatched", "not a customer receipt (card sales)")]


def test_returned_instant_transfers_and_salaries_are_no_receipts(tmp_path: Path) -> None:
    got = _reconcile(tmp_path, [
        ("A03", "Blue Ocean Technical Services LLC", "", ""),
        ("A06", "Khalid Saeed Auto Spare Parts", "", ""),
        ("A07", "Gulf Horizon Logistics LLC", "", ""),
        ("A08", "Al Jazira Foodstuff Trading", "", ""),
        ("A09", "Desert Rose Events LLC", "", ""),
    ], [
        ("SI-26/00984", "A03", 5250.0), ("SI-26/00990", "A06", 1575.0),
        ("SI-26/00992", "A07", 3300.0), ("SI-26/00993", "A08", 980.0),
        ("SI-26/00994", "A09", 6120.0),
    ], [
        ("V1", "IPP RETURN BLUE OCEAN TECHNICAL SERVICES AC04 CLOSED ACCOUNT", 5250.0),
        ("V2", "SALARY TRANSFER KHALID SAEED AUTO NOV26", 1575.0),
        ("V3", "UAEFTS RETURN GULF HORIZON LOGISTICS LLC INCORRECT ACCOUNT", 3300.0),
        ("V4", "AANI RTN AL JAZIRA FOODSTUFF TRADING", 980.0),
        ("V5", "RETURN OUTWARD TT DESERT ROSE EVENTS LLC", 6120.0),
    ], "AED")
    # (before: each Matched amount+payer by the name, 0.95 / 0.91)
    assert {k: got[k] for k in ("V1", "V2", "V3", "V4", "V5")} == dict.fromkeys(
        ("V1", "V2", "V3", "V4", "V5"), REFUND)
    qa = _reconcile(tmp_path, [("Q02", "Al Wakra Contracting & Trading", "", "")],
                    [("INV-Q-2209", "Q02", 12075.0)],
                    [("Q4", "FAWRAN RETURN AL WAKRA CONTRACTING", 12075.0)], "QAR")
    assert qa["Q4"] == REFUND  # (before: Matched amount-only 0.86)
    bh = _reconcile(tmp_path, [("B02", "Manama Building Materials", "", "")],
                    [("BP-7783", "B02", 2210.25), ("BP-7784", "B02", 1447.72)],
                    [("B4", "FAWRI+ RETURN MANAMA BUILDING MATERIALS", 2210.25),
                     ("B2", "BENEFITPAY SETTLEMENT MERCHANT 1100234", 1447.72)], "BHD")
    assert bh["B4"] == REFUND  # (before: Matched amount+payer 0.95)
    assert bh["B2"] == CARDS


def test_gateway_and_wallet_payouts_are_card_sales(tmp_path: Path) -> None:
    payouts = ["KNET PAYMENT GATEWAY SETTLEMENT 10/11/2026", "MYFATOORAH SETTLEMENT 88231",
               "TAP PAYMENTS PAYOUT 10-11-2026", "TELR SETTLEMENT 10NOV26 MERCH 77412",
               "AMAZON PAYMENT SERVICES SETTLEMENT", "MOYASAR SETTLEMENT 441",
               "APPLE PAY 142 TXN 10NOV", "تحصيلات فوري 10/11/2026",
               "FAWRY PAY COLLECTIONS 10/11", "AMAN COLLECTION SETTLEMENT"]
    amounts = [round(100 + 7.131 * (k + 1), 3) for k in range(len(payouts))]
    got = _reconcile(tmp_path, [("K01", "Gulf Star General Trading Co WLL", "", "")],
                     [(f"33{k:02d}", "K01", a) for k, a in enumerate(amounts)],
                     [(f"G{k}", t, a) for k, (t, a) in enumerate(zip(payouts, amounts, strict=True))],
                     "KWD")
    # (before: each Matched amount-only 0.86, 'an amount this particular')
    assert {k: got[f"G{k}"] for k in range(len(payouts))} == dict.fromkeys(
        range(len(payouts)), CARDS)
