"""ON BEHALF OF in Arabic typed with ه for ة (نيابه عن), as many Egyptian and Gulf keyboards
and bank systems write it: read as نيابة عن is (c0f9f4d)."""

from __future__ import annotations

from tests.test_matching_real_narratives import allocations, match
from tests.test_matching_unseen_h142 import BEHALF, BEHALF_INVOICES


def test_on_behalf_typed_with_ha_pays_that_customers_invoice():
    """Al Saqr sends 3,150.00 on behalf of Al Lulua; both owe 3,150.00. Before: Matched to
    Al Saqr's SI-5090 (the sender read as the payer), as نيابة عن was before c0f9f4d."""
    r = match(BEHALF, BEHALF_INVOICES, {
        "amount": 3150.00, "cur": "AED",
        "desc": "حوالة واردة من شركة الصقر للتجارة نيابه عن مؤسسة اللؤلؤة للمقاولات"})
    assert [(a[0], a[3]) for a in allocations(r)] in ([("SI-5091", "Matched")],
                                                      [("SI-5091", "Suggested")])
