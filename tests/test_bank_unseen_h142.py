"""Statement columns as Egyptian and Gulf banks head them (realism round, helper-142)."""

from __future__ import annotations

import pytest

from ar_excel.bank import read_statement


@pytest.mark.parametrize(("name", "account"), [
    ("Remitter Name", "Remitter Account"), ("Sender Name", "Sender A/C"),
    ("Ordering Customer", "Ordering Account"), ("اسم المحول", "حساب المحول")])
def test_the_remitters_account_column_is_its_account_not_its_name(tmp_path, name, account):
    """QNB / NBE style: the remitter's name and account in two columns. Before: both read as
    the name (the account filling the name's blanks, 'paid by EG12..., not a customer'), and
    the customer's registered IBAN never met."""
    path = tmp_path / "qnb.csv"
    path.write_text(
        f"Booking Date;Description;{name};{account};Amount\n"
        "03.11.2026;ACH CREDIT PAYMENT OCT;IBNSINA PHARMA;EG800002000156789012345678901;"
        "363.850,40\n"
        "05.11.2026;IPN TRANSFER REF 33991202;;EG120003000100000000001234567;33.210,00\n",
        encoding="utf-8")
    lines = read_statement(path).lines
    assert lines["Counterparty"].tolist() == ["IBNSINA PHARMA", None]
    assert lines["Counterparty Account"].tolist() == ["EG800002000156789012345678901",
                                                      "EG120003000100000000001234567"]
