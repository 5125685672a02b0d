"""Payers as Jordanian banks print them (helper-207's hand-made month): eFAWATEERcom's billing
number, CliQ's alias label, the bank a transfer came through."""

from __future__ import annotations

import pytest

from tests.test_matching_real_narratives import allocations, customer, invoice, match, reason

CUSTOMERS = [customer("10105", "مؤسسة آل خطاب التجارية", Currency="JOD"),
             customer("10111", "مؤسسة بني عطية للتجارة العامة", Currency="JOD"),
             customer("10116", "شركة القواسمي ذ.م.م", Currency="JOD"),
             customer("10117", "صيدلية الشفاء", Currency="JOD")]
INVOICES = [invoice("INV-1049", "10105", 1785.600, "2026-10-07", Currency="JOD"),
            invoice("INV-1070", "10111", 1785.600, "2026-10-21", Currency="JOD"),
            invoice("INV-1068", "10116", 2200.000, "2026-10-23", Currency="JOD"),
            invoice("INV-1069", "10116", 980.000, "2026-10-24", Currency="JOD"),
            invoice("INV-1071", "10117", 412.750, "2026-10-26", Currency="JOD")]


def _line(desc: str, amount: float):
    return match(CUSTOMERS, INVOICES, {"amount": amount, "desc": desc, "cur": "JOD",
                                       "date": "2026-11-05"})


@pytest.mark.parametrize("desc", ["eFAWATEERcom BILL PAYMENT BILLING NO 10105",
                                  "eFAWATEERcom دفع فاتورة - رقم الاشتراك 10105"])
def test_the_efawateercom_billing_number_is_the_customer_number(desc):
    """eFAWATEERcom prints the number the biller gave the payer (its customer number here);
    two customers owe 1,785.600, so the amount alone could not tell them apart."""
    r = _line(desc, 1785.600)
    assert allocations(r) == [("INV-1049", 1785.6, "amount+payer", "Matched")]
    assert "customer code" in reason(r)


@pytest.mark.parametrize("desc", [
    "حوالة واردة ACH من بنك القاهرة عمان - شركة القواسمي ذ.م.م",  # Cairo Amman Bank
    "INWARD TRANSFER VIA HOUSING BANK شركة القواسمي ذ.م.م"])
def test_the_bank_a_transfer_came_through_is_no_part_of_the_payer(desc):
    """'عمان' of Cairo Amman Bank (بنك القاهرة عمان) was read as a word of the payer's name:
    the customer's full name scored 85 and the receipt was only suggested."""
    assert allocations(_line(desc, 2200.000)) == [("INV-1068", 2200.0, "amount+payer", "Matched")]


def test_cliq_alias_label_is_no_word_of_the_name():
    """CliQ's 'الاسم المستعار' (the alias) before the payer's name made it a part match (85)."""
    r = _line("CliQ حوالة فورية واردة من الاسم المستعار صيدلية الشفاء", 412.750)
    assert allocations(r) == [("INV-1071", 412.75, "amount+payer", "Matched")]
