"""The payer's IBAN as instant-payment narratives print it: in groups of four (IPN TRANSFER
FROM EG38 0019 0005 ...), or cut at the bank's field width with its last digits on after a
space (SARIE INWARD SA03800000006080101675 19). Read whole where its check digits hold, it is
the account on the customer record: payer by account, as when printed in one piece. Before,
'payer not identified' and only an amount-only suggestion."""

from __future__ import annotations

from pathlib import Path

from ar_excel.core.matching.payers import printed_accounts
from tests.test_matching_instant_payments import _reconcile

EG = "EG380019000500000000263180002"
SA = "SA0380000000608010167519"


def test_an_iban_in_pieces_is_read_whole() -> None:
    assert printed_accounts(["IPN TRANSFER FROM EG38 0019 0005 0000 0000 2631 8000 2",
                             "SARIE INWARD SA03800000006080101675 19 PAYMENT",
                             "SARIE INWARD SA03-8000-0000-6080-1016-7519",
                             "IPN TRANSFER FROM EG38 0019 0005 0000 0000 2631 8000 3",
                             "FT26 INWARD TRANSFER 0019 0005"]) == [
        [EG], ["SA03800000006080101675", SA], [SA], [], []]


def test_the_payer_is_known_by_its_iban_in_pieces(tmp_path: Path) -> None:
    got = _reconcile(tmp_path, [
        ("C1", "Delta Pharma SAE", "", EG),
        ("C2", "Nile Cotton Co", "", ""),
        ("C3", "Faisal Contracting", "", SA),
    ], [
        ("INV-2026-0411", "C1", 4100.0), ("INV-2026-2631", "C2", 5000.0),
        ("INV-2026-0412", "C3", 7000.0),
    ], [
        ("I1", "IPN TRANSFER FROM EG38 0019 0005 0000 0000 2631 8000 2", 4100.0),
        ("I2", "SARIE INWARD SA03800000006080101675 19 PAYMENT", 7000.0),
        # (a check digit mistyped: no IBAN, no payer; 2631 of the IBAN is no invoice)
        ("I3", "IPN TRANSFER FROM EG38 0019 0005 0000 0000 2631 8000 3", 5000.0),
    ], "EGP")
    assert got["I1"] == [("Matched", "INV-2026-0411", 4100.0, "amount+payer", 0.95)]
    assert got["I2"] == [("Matched", "INV-2026-0412", 7000.0, "amount+payer", 0.95)]
    assert got["I3"] == [("Suggested", "INV-2026-2631", 5000.0, "amount-only", 0.5)]
