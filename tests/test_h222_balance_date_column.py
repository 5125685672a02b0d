"""SAB's (Saudi Awwal Bank's) transaction history, exported as HSBCnet writes it: one row per
transaction, each repeating the account's details, among them 'Closing ledger balance date'
(the statement's last day) ahead of the line's own 'Value date' and 'Post date'. Worked out by
hand: three lines booked on 2, 4 and 8 November 2026. Before: the first header holding a date
word, 'Closing ledger balance date', was taken for the booking date, every line dated 30
November (receipts, their aging and the Receipts To Post all a month off)."""

from __future__ import annotations

import csv

from ar_excel.bank import read_statement

HEAD = ["Account name", "Account number", "Bank name", "Currency", "IBAN",
        "Closing ledger balance", "Closing ledger balance date", "Closing available balance",
        "Closing available balance date", "Current ledger balance as at", "Bank reference",
        "Narrative", "Customer reference", "TRN type", "Value date", "Credit amount",
        "Debit amount", "Balance", "Time", "Post date"]
ACCOUNT = ["AL OFOQ DISTRIBUTION CO", "001234567001", "SAUDI AWWAL BANK", "SAR",
           "SA4545000000001234567001", "184,442.50", "30/11/2026", "184,442.50", "30/11/2026",
           "30/11/2026 23:59"]
LINES = [["FT26306A1", "SARIE INCOMING AL ROWAD TRADING CO INV-26-0451", "INV-26-0451", "CRED",
          "02/11/2026", "11,500.00", "", "161,500.00", "09:12", "02/11/2026"],
         ["CH26308B2", "SERVICE CHARGES INCL VAT", "", "CHGS", "04/11/2026", "", "57.50",
          "161,442.50", "00:01", "04/11/2026"],
         ["FT26312C3", "IPS INWARD AL NOKHBA CONTRACTING EST", "0470", "CRED", "08/11/2026",
          "23,000.00", "", "184,442.50", "14:40", "08/11/2026"]]


def test_the_closing_balance_date_is_no_line_date(tmp_path):
    path = tmp_path / "sab.csv"
    with open(path, "w", newline="", encoding="utf-8") as f:
        csv.writer(f).writerows([HEAD] + [ACCOUNT + line for line in LINES])
    lines = read_statement(path).lines
    assert [f"{d:%Y-%m-%d}" for d in lines["Date"]] == ["2026-11-02", "2026-11-04",
                                                        "2026-11-08"]
    assert lines["Amount"].tolist() == [11500.0, -57.5, 23000.0]
    assert lines["Bank Line"].tolist() == ["FT26306A1", "CH26308B2", "FT26312C3"]
