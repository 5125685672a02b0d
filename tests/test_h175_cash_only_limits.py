"""A Credit Limit typed as cash only ('كاش', 'Cash only', 'نقدي'): no credit, a limit of 0
meaning none (as a Credit Limit Type's No Credit), said once at the cells; before, each was
INVALID_CREDIT_LIMIT 'not a number' and the customer had no limit at all."""

from __future__ import annotations

from datetime import date

from python_calamine import CalamineWorkbook

from ar_excel.cli import main
from ar_excel.parsing import means_no_credit
from tests._workbooks import save_sheets


def _run(tmp_path, lang="en"):
    book = save_sheets(tmp_path / "book.xlsx", {
        "Customers": [["Customer ID", "Name", "Currency", "Payment Terms", "Credit Limit"],
                      ["C1", "Nile", "EGP", 0, "كاش"], ["C2", "Delta", "EGP", 30, "Cash only"],
                      ["C3", "Giza", "EGP", "نقدي", "نقدي"], ["C4", "Aswan", "EGP", 30, "abc"],
                      ["C5", "Luxor", "EGP", 30, 0]],
        "Invoices": [["Invoice No", "Customer ID", "Invoice Date", "Amount"],
                     ["I1", "C1", date(2026, 10, 1), 1000], ["I2", "C2", date(2026, 10, 1), 500],
                     ["I3", "C3", date(2026, 10, 30), 700], ["I4", "C4", date(2026, 10, 1), 100],
                     ["I5", "C5", date(2026, 10, 1), 100]],
        "Payments": [["Payment ID", "Customer ID", "Date", "Amount", "Invoice No"]]})
    out = tmp_path / f"out_{lang}.xlsx"
    assert main(["run", str(book), "--as-of", "2026-10-31", "--lang", lang,
                 "-o", str(out)]) == 0
    wb = CalamineWorkbook.from_path(str(out))
    return {t: wb.get_sheet_by_name(t).to_python()[1:]
            for t in ("Input Issues", "Customer Checks", "Credit Status")}


def test_words_for_cash_only():
    for word in ("كاش", "Cash only", "CASH", "نقدي", "نقداً", "COD", "No credit", "بدون ائتمان"):
        assert means_no_credit(word), word
    for word in ("Unlimited", "None", "0", "abc", "50,000", "Cash 5000"):
        assert not means_no_credit(word), word


def test_a_cash_only_limit_is_no_credit_said_at_its_cells(tmp_path):
    tabs = _run(tmp_path)
    issues = {r[1]: r[4] for r in tabs["Input Issues"]}
    assert issues == {
        "E2": "3 credit limit(s) typed as cash only ('كاش'): read as no credit, a limit of 0, "
              "so what is owed is Over Limit (E2, E3, E4); leave the cell blank for no limit",
        "E5": "'abc' is not a number"}
    checks = [(r[0], r[3]) for r in tabs["Customer Checks"]]
    assert checks == [("C4", "INVALID_CREDIT_LIMIT")]
    status = {r[0]: (r[2], r[8], r[9]) for r in tabs["Credit Status"]}
    assert status["C1"] == (0.0, True, "Over Limit")
    assert status["C2"] == (0.0, True, "Over Limit")
    assert status["C3"] == (0.0, False, "OK")  # invoiced yesterday: cash on its way
    assert status["C4"] == ("", False, "OK")
    assert status["C5"] == (0.0, False, "OK")  # a bare 0: no limit set, as the contract says


def test_the_arabic_wording(tmp_path):
    issues = {r[1]: r[4] for r in _run(tmp_path, "ar")["Input Issues"]}
    assert issues["E2"].startswith("3 حد ائتمان مكتوب نقداً فقط ('كاش'): قُرئ بلا ائتمان")
