"""Bank Muscat's online statement saved as .xls (an HTML table, OMR to three decimals): the
account's heading above the header, lines whose narrative runs on to a row of text alone, and
at page 2 'Page 2 of 2', the bank's title and the header again. Worked out by hand: four
lines, booked 2, 3, 5 and 9 November 2026 (the cheque deposit of 3 November valued 2
November), 1,250.500 + 3,480.750 - 5.250 + 910.000 from 15,000.000 to 20,636.000. Before:
the page's number and title under 'Txn Date' were two of its eight values in the sample, too
few dates (6 of 8) for the column to be the booking date: the value date was taken for it,
the cheque deposit dated 2 November."""

from __future__ import annotations

from ar_excel.bank import read_statement

HEAD = ["Txn Date", "Value Date", "Description", "Cheque No", "Debit", "Credit", "Balance"]
TITLE = ["Bank Muscat - Account Statement"]
ROWS = [
    ["01/11/2026", "", "Opening Balance", "", "", "", "15,000.000 Cr"],
    ["02/11/2026", "02/11/2026", "ACH CREDIT", "", "", "1,250.500", "16,250.500 Cr"],
    ["", "", "AL BATINAH TRADING LLC INV BT-1001", "", "", "", ""],
    ["03/11/2026", "02/11/2026", "CHEQUE DEPOSIT", "112233", "", "3,480.750", "19,731.250 Cr"],
    ["", "", "MUSCAT CEMENT SUPPLIES 2026/0457", "", "", "", ""],
    ["Page 2 of 2"], TITLE, HEAD,
    ["05/11/2026", "05/11/2026", "SERVICE CHARGES", "", "5.250", "", "19,726.000 Cr"],
    ["09/11/2026", "09/11/2026", "INWARD TRANSFER SOHAR LOGISTICS LLC", "", "", "910.000",
     "20,636.000 Cr"],
    ["", "", "INV 2026/0460", "", "", "", ""],
    ["30/11/2026", "", "Closing Balance", "", "", "", "20,636.000 Cr"]]


def _row(cells, tag="td"):
    return "<tr>" + "".join(f"<{tag}>{c}</{tag}>" for c in cells) + "</tr>\n"


def test_a_pages_heading_is_no_value_of_the_date_column(tmp_path):
    heading = [TITLE, ["Account No", "0301012345670017"], ["Currency", "OMR"],
               ["Period", "01/11/2026 to 30/11/2026"], [""]]
    html = ("<html><head><meta charset='utf-8'></head><body><table>"
            + "".join(_row(r) for r in heading) + _row(HEAD, "th")
            + "".join(_row(r, "th" if r is HEAD else "td") for r in ROWS)
            + "</table></body></html>")
    path = tmp_path / "Statement.xls"
    path.write_text(html, encoding="utf-8")
    statement = read_statement(path)
    lines = statement.lines
    assert [f"{d:%d/%m}" for d in lines["Date"]] == ["02/11", "03/11", "05/11", "09/11"]
    assert [f"{d:%d/%m}" for d in lines["Value Date"]] == ["02/11", "02/11", "05/11", "09/11"]
    assert lines["Amount"].tolist() == [1250.5, 3480.75, -5.25, 910.0]
    assert lines["Description"].tolist() == [
        "ACH CREDIT AL BATINAH TRADING LLC INV BT-1001",
        "CHEQUE DEPOSIT MUSCAT CEMENT SUPPLIES 2026/0457", "SERVICE CHARGES",
        "INWARD TRANSFER SOHAR LOGISTICS LLC INV 2026/0460"]
    assert [(b.opening, b.closing, b.difference) for b in statement.balances] == [
        (15000.0, 20636.0, 0.0)]
