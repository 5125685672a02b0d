"""An HSBCnet CSV prints the account's 'Closing ledger balance' and the day it is as at beside
every line (1,148,749.25 as at 22/11/2026 on each), and no opening balance.

Worked out by hand: the lines' newest booking day is 22/11/2026, the day the closing ledger
balance is as at: that is the statement's closing balance (the booked balance at the end of
the newest line's day). Before: the column was rightly not read as a running balance, and the
statement stated no closing balance at all. A balance as at another day than the newest line's
(the day after it, or before it) is not the closing balance of these lines, and is not taken;
neither is the available one.
"""

from __future__ import annotations

import pytest

from ar_excel.bank import read_statement

HEADER = ("Account name,Account number,Currency,Closing ledger balance,"
          "Closing ledger balance as at,Closing available balance,"
          "Closing available balance as at,Bank reference,Narrative,Customer reference,"
          "Value date,Credit amount,Debit amount,Post date\n")


def _read(tmp_path, as_at: str, newest: str = "22/11/2026"):
    account = (f'NILE TRADING SAE,001-123456-001,EGP,"1,148,749.25",{as_at},"1,100,000.00",'
               f"{as_at},")
    (tmp_path / "hsbcnet.csv").write_text(
        HEADER
        + account + f'FT26326001,INWARD TRANSFER DELTA FOODS INV 1003,INV1003,{newest},'
                    f'"50,000.00",,{newest}\n'
        + account + 'CHG26326002,SWIFT CHARGES,NONREF,20/11/2026,,"1,250.75",20/11/2026\n'
        + account + 'CHQ145,CHEQUE DEPOSIT 000145 CAIRO FOODS,145,13/11/2026,"2,500.50",,'
                    '12/11/2026\n', encoding="utf-8")
    return read_statement(tmp_path / "hsbcnet.csv")


def test_the_closing_ledger_balance_as_at_the_newest_lines_day_closes_the_statement(tmp_path):
    st = _read(tmp_path, "22/11/2026")
    assert st.lines["Amount"].tolist() == [50000.0, -1250.75, 2500.5]
    assert st.lines["Balance"].isna().all()
    (bal,) = st.balances
    assert (bal.opening, bal.closing, bal.difference) == (None, 1148749.25, None)
    assert str(bal.closing_date.date()) == "2026-11-22"
    assert st.issues == []


@pytest.mark.parametrize("as_at, newest", [("23/11/2026", "22/11/2026"),
                                           ("21/11/2026", "22/11/2026")])
def test_a_balance_as_at_another_day_is_not_the_closing_balance(tmp_path, as_at, newest):
    st = _read(tmp_path, as_at, newest)
    assert st.lines["Amount"].tolist() == [50000.0, -1250.75, 2500.5]
    assert st.balances == []
    assert st.issues == []


def test_the_real_export(tmp_path):
    from pathlib import Path
    st = read_statement(Path(__file__).parent / "fixtures" / "bank_real"
                        / "hsbcnet_egypt_account_columns_on_each_line.csv")
    assert [(b.opening, b.closing, str(b.closing_date.date())) for b in st.balances] == [
        (None, 1148749.25, "2026-11-22")]
