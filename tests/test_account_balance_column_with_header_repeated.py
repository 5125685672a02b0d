"""An HSBCnet CSV (the account's 'Closing ledger balance' printed beside every line, the same
figure on each) of two pages, the second opening with the header printed again, or with the bank's heading
printed above the first page's header ('HSBC Bank Egypt S.A.E. | | | Account activity report',
its title under that column).

Worked out by hand: three lines (50,000.00 in, 1,250.75 out, 2,500.50 in) and no running
balance: 'Closing ledger balance' is the account's balance as at 22/11/2026, one figure on
every line. Before: the header or the heading printed again put its words under that column
beside the figure, so the column no longer held one figure (``_one_figure`` read the raw rows where the
role's check reads them without the header repeated and the page headings); it was taken for
the running balance, and two of the three lines were said not to follow from it.
"""

from __future__ import annotations

import pytest

from ar_excel.bank import read_statement

HEADER = ("Account name,Account number,Currency,Closing ledger balance,"
          "Closing ledger balance as at,Bank reference,Narrative,Customer reference,"
          "Value date,Credit amount,Debit amount,Post date\n")
ACCOUNT = 'NILE TRADING SAE,001-123456-001,EGP,"1,148,749.25",22/11/2026,'
HEADING = "HSBC Bank Egypt S.A.E.,,,Account activity report,,,,,,,,\n"


@pytest.mark.parametrize("above, again", [("", HEADER), (HEADING, HEADING)])
def test_the_accounts_balance_beside_each_line_is_no_running_balance(tmp_path, above, again):
    (tmp_path / "hsbcnet.csv").write_text(
        above + HEADER
        + ACCOUNT + 'FT26326001,INWARD TRANSFER DELTA FOODS INV 1003,INV1003,22/11/2026,'
                    '"50,000.00",,22/11/2026\n'
        + ACCOUNT + 'CHG26326002,SWIFT CHARGES,NONREF,22/11/2026,,"1,250.75",22/11/2026\n'
        + again
        + ACCOUNT + 'CHQ145,CHEQUE DEPOSIT 000145 CAIRO FOODS,145,13/11/2026,"2,500.50",,'
                    '12/11/2026\n', encoding="utf-8")
    st = read_statement(tmp_path / "hsbcnet.csv")
    assert st.lines["Amount"].tolist() == [50000.0, -1250.75, 2500.5]
    assert st.lines["Reference"].tolist() == ["INV1003", None, "145"]
    assert st.lines["Balance"].isna().all()
    assert st.issues == []
