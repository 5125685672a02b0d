"""Each billing exception injected into a clean, realistic cycle is found exactly where it is,
and nothing else in the cycle is flagged as an Error."""

from __future__ import annotations

import pandas as pd
import pytest

from ar_excel.core.billing import CODES, TAB_COLUMNS, exception_report, prepare, run_checks
from ar_excel.policy import Policy
from tests._invoice_books import AS_OF, DECIMALS, Cycle, clean_cycle, line_total, rounded


def check(cyc: Cycle, **kw) -> pd.DataFrame:
    found, issues = run_checks(prepare(**cyc.frames(), as_of=kw.pop("as_of", AS_OF), **kw))
    assert issues == []
    assert list(found.columns[:8]) == TAB_COLUMNS
    return found


def only(found: pd.DataFrame, code: str) -> pd.DataFrame:
    return found[found["Code"] == code]


def errors_besides(found: pd.DataFrame, invoices: set[str]) -> pd.DataFrame:
    err = found[found["Severity"] == "Error"]
    return err[~err["Invoice No"].isin(invoices)]


def line_row(cyc: Cycle, line: dict) -> int:
    return cyc.lines.index(line) + 2


def invoice_row(cyc: Cycle, number: str) -> int:
    return cyc.invoices.index(cyc.invoice(number)) + 2


@pytest.fixture(scope="module")
def base() -> Cycle:
    return clean_cycle()


@pytest.fixture()
def cyc(base) -> Cycle:
    return base.copy()


def test_clean_cycle_has_no_findings(cyc):
    found = check(cyc)
    assert found.empty
    assert len(cyc.invoices) == 72 and len(cyc.lines) > 150


def test_every_code_has_both_languages_and_a_severity():
    for code in CODES.values():
        assert code.severity in ("Error", "Warning")
        assert code.en and code.ar and code.en != code.ar


def test_line_total_off_by_a_cent_is_found_and_its_invoice_no_longer_adds_up(cyc):
    line = cyc.lines_of("INV-2024-0013")[0]
    line["Line Total"] = round(line["Line Total"] + 0.01, 2)
    found = check(cyc)
    hit = only(found, "LINE_TOTAL_MISMATCH")
    assert hit[["Invoice No", "Row", "Field", "Severity"]].values.tolist() == [
        ["INV-2024-0013", line_row(cyc, line), "Line Total", "Error"]]
    assert "difference 0.01" in hit["Message"].iloc[0]
    assert only(found, "INVOICE_TOTAL_MISMATCH")["Invoice No"].tolist() == ["INV-2024-0013"]
    assert errors_besides(found, {"INV-2024-0013"}).empty


def test_line_total_restated_consistently_is_still_wrong(cyc):
    """The invoice is re-added from the wrong line: only the line is wrong."""
    line = cyc.lines_of("INV-2024-0020")[-1]
    line["Line Total"] = round(line["Line Total"] * 1.1, 2)
    cyc.retotal("INV-2024-0020")
    found = check(cyc)
    assert found["Code"].tolist() == ["LINE_TOTAL_MISMATCH"]
    assert found["Row"].tolist() == [line_row(cyc, line)]


def test_invoice_amount_not_equal_to_its_lines(cyc):
    inv = cyc.invoice("INV-2024-0025")
    inv["Amount"] = inv["Amount"] + 100
    found = check(cyc)
    assert found[["Invoice No", "Row", "Field", "Code"]].values.tolist() == [
        ["INV-2024-0025", invoice_row(cyc, "INV-2024-0025"), "Amount", "INVOICE_TOTAL_MISMATCH"]]
    assert "difference 100.00" in found["Message"].iloc[0]


def test_kwd_is_checked_to_three_decimals_and_jpy_to_none(cyc):
    kwd = next(ln for ln in cyc.lines if cyc.currency_of(ln["Invoice No"]) == "KWD")
    jpy = next(ln for ln in cyc.lines if cyc.currency_of(ln["Invoice No"]) == "JPY")
    kwd["Line Total"] = round(kwd["Line Total"] + 0.001, 3)  # one fils
    jpy["Line Total"] = jpy["Line Total"] + 0.4  # within half a yen: fine
    cyc.retotal(kwd["Invoice No"])
    cyc.retotal(jpy["Invoice No"])
    found = check(cyc)
    assert found[["Invoice No", "Code"]].values.tolist() == [
        [kwd["Invoice No"], "LINE_TOTAL_MISMATCH"]]
    assert "difference 0.001" in found["Message"].iloc[0]


def test_price_off_the_list_valid_on_the_invoice_date(cyc):
    """An April invoice billed at the old (Q1) steel price."""
    line = next(ln for ln in cyc.lines if ln["Item"] == "P100" and ln["Unit Price"] == 45.0)
    number = line["Invoice No"]
    line["Unit Price"] = 42.50
    line["Line Total"] = line_total(line["Quantity"], 42.5, line["Discount %"], line["Tax Rate"], 2)
    cyc.retotal(number)
    found = check(cyc)
    assert found[["Invoice No", "Row", "Field", "Code", "Severity"]].values.tolist() == [
        [number, line_row(cyc, line), "Unit Price", "PRICE_OFF_LIST", "Error"]]
    assert "list price 45 " in found["Message"].iloc[0]
    assert "(-5.6%)" in found["Message"].iloc[0]


def test_customers_own_price_applies_and_general_price_is_off_for_them(cyc):
    line = next(ln for ln in cyc.lines if ln["Item"] == "P200" and ln["Unit Price"] == 1.10)
    line["Unit Price"] = 1.25  # the general price, but C005 has its own
    line["Line Total"] = line_total(line["Quantity"], 1.25, line["Discount %"], 14.0, 2)
    cyc.retotal(line["Invoice No"])
    found = check(cyc)
    assert found["Code"].tolist() == ["PRICE_OFF_LIST"]
    assert "list price 1.1 " in found["Message"].iloc[0]


def test_unit_not_on_the_price_list_without_conversion(cyc):
    line = next(ln for ln in cyc.lines if ln["Item"] == "P300" and ln["Invoice No"] < "INV-2024-0040")
    line["Unit"] = "Drum"
    found = check(cyc)
    assert found[["Invoice No", "Row", "Field", "Code", "Severity"]].values.tolist() == [
        [line["Invoice No"], line_row(cyc, line), "Unit", "UNIT_MISMATCH", "Error"]]
    assert "(L)" in found["Message"].iloc[0]


def test_converted_units_are_priced_through_the_conversion(cyc):
    boxes = [ln for ln in cyc.lines if ln["Unit"] in ("BOX", "Dozen")]
    assert boxes, "the clean cycle sells boxes and dozens"
    line = boxes[0]
    line["Unit Price"] = line["Unit Price"] / 2  # priced per piece-ish: off the converted list
    line["Line Total"] = line_total(line["Quantity"], line["Unit Price"], line["Discount %"],
                                    line["Tax Rate"], 2)
    cyc.retotal(line["Invoice No"])
    found = check(cyc)
    assert found["Code"].tolist() == ["PRICE_OFF_LIST"]


def test_item_missing_from_the_price_list_is_a_warning(cyc):
    line = cyc.lines_of("INV-2024-0002")[0]
    line["Item"] = "P999"
    found = check(cyc)
    assert found[["Code", "Severity", "Row"]].values.tolist() == [
        ["NO_PRICE", "Warning", line_row(cyc, line)]]


def test_tax_rate_not_allowed_with_the_fraction_hint(cyc):
    a = cyc.lines_of("INV-2024-0005")[0]
    b = cyc.lines_of("INV-2024-0011")[0]
    for ln, rate in ((a, 10.0), (b, 0.14)):
        ln["Tax Rate"] = rate
        ln["Line Total"] = line_total(ln["Quantity"], ln["Unit Price"], ln["Discount %"], rate,
                                      DECIMALS[cyc.currency_of(ln["Invoice No"])])
        cyc.retotal(ln["Invoice No"])
    found = check(cyc)
    assert found[["Invoice No", "Row", "Code"]].values.tolist() == [
        ["INV-2024-0005", line_row(cyc, a), "TAX_RATE_NOT_ALLOWED"],
        ["INV-2024-0011", line_row(cyc, b), "TAX_RATE_NOT_ALLOWED"]]
    assert found["Message"].iloc[0] == "Tax rate 10% is not an allowed rate (0, 5, 14 for EGP)"
    assert found["Message"].iloc[1].endswith("; if 14% was meant, enter 14")


def test_stated_tax_amounts_are_checked_against_the_rate(cyc):
    for ln in cyc.lines:
        if ln["Quantity"] is not None:
            places = DECIMALS[cyc.currency_of(ln["Invoice No"])]
            net = rounded(ln["Quantity"] * ln["Unit Price"] * (1 - ln["Discount %"] / 100), places)
            ln["Tax Amount"] = rounded(net * ln["Tax Rate"] / 100, places)
    assert check(cyc).empty  # stated taxes that are right change nothing
    wrong = cyc.lines_of("INV-2024-0014")[0]  # SAR, 15 %
    wrong["Tax Amount"] = round(wrong["Tax Amount"] + 3.0, 2)
    wrong["Line Total"] = round(wrong["Line Total"] + 3.0, 2)  # added up from the wrong tax
    cyc.retotal("INV-2024-0014")
    found = check(cyc)
    assert found[["Invoice No", "Row", "Field", "Code", "Severity"]].values.tolist() == [
        ["INV-2024-0014", line_row(cyc, wrong), "Tax Amount", "TAX_AMOUNT_MISMATCH", "Error"]]
    assert "difference 3.00" in found["Message"].iloc[0]


def test_due_date_against_terms(cyc):
    late = cyc.invoice("INV-2024-0002")  # C002, 45 days
    early = cyc.invoice("INV-2024-0003")  # C003, 60 days
    before = cyc.invoice("INV-2024-0004")
    late["Due Date"] = late["Invoice Date"] + pd.Timedelta(days=90)
    early["Due Date"] = early["Invoice Date"] + pd.Timedelta(days=30)
    before["Due Date"] = before["Invoice Date"] - pd.Timedelta(days=1)
    found = check(cyc)
    assert found[["Invoice No", "Code", "Severity"]].values.tolist() == [
        ["INV-2024-0002", "DUE_DATE_INCONSISTENT", "Error"],
        ["INV-2024-0003", "DUE_DATE_INCONSISTENT", "Warning"],
        ["INV-2024-0004", "DUE_DATE_INCONSISTENT", "Error"]]
    assert "+ 45 days" in found["Message"].iloc[0] and "(+45 days)" in found["Message"].iloc[0]
    assert found["Message"].iloc[2].startswith("Due date")
    assert "before the invoice date" in found["Message"].iloc[2]


def test_the_same_number_twice_reports_both_rows(cyc):
    twin = dict(cyc.invoice("INV-2024-0030"), **{"Customer ID": "C005"})
    cyc.invoices.append(twin)
    found = check(cyc)
    dup = only(found, "DUPLICATE_INVOICE_NO")
    assert dup["Row"].tolist() == [invoice_row(cyc, "INV-2024-0030"), len(cyc.invoices) + 1]
    assert set(dup["Severity"]) == {"Error"}
    assert "appears 2 times" in dup["Message"].iloc[0]
    assert errors_besides(found, {"INV-2024-0030"}).empty


def test_same_customer_amount_and_date_under_another_number(cyc):
    copy = dict(cyc.invoice("INV-2024-0040"), **{"Invoice No": "MAN-0001"})
    cyc.invoices.append(copy)
    found = check(cyc)
    assert found[["Invoice No", "Code", "Severity"]].values.tolist() == [
        ["INV-2024-0040", "POSSIBLE_DUPLICATE_INVOICE", "Warning"],
        ["MAN-0001", "POSSIBLE_DUPLICATE_INVOICE", "Warning"]]
    assert found["Message"].iloc[0].endswith("as invoice MAN-0001")


def test_gap_in_the_numbering_reported_once_per_range(cyc):
    gone = {"INV-2024-0010", "INV-2024-0011", "INV-2024-0012", "INV-2024-0050"}
    cyc.invoices = [i for i in cyc.invoices if i["Invoice No"] not in gone]
    cyc.lines = [ln for ln in cyc.lines if ln["Invoice No"] not in gone]
    cyc.deliveries = [d for d in cyc.deliveries if d["Invoice No"] not in gone]
    cyc.payments = [p for p in cyc.payments if p["Invoice No"] not in gone]
    found = check(cyc)
    assert found[["Invoice No", "Code", "Severity", "Customer ID"]].values.tolist() == [
        ["INV-2024-0010", "NUMBER_GAP", "Warning", None],
        ["INV-2024-0050", "NUMBER_GAP", "Warning", None]]
    assert found["Message"].iloc[0] == (
        "3 number(s) missing in series 'INV-2024-': INV-2024-0010 – INV-2024-0012 "
        "(between INV-2024-0009 and INV-2024-0013)")
    assert found["Row"].iloc[0] == invoice_row(cyc, "INV-2024-0013")


def test_a_register_of_only_some_numbers_gives_one_summary(cyc):
    keep = [i for i in cyc.invoices if i["Invoice No"].startswith("CN")
            or int(i["Invoice No"][-4:]) % 3 == 0]
    cyc.invoices = keep
    numbers = {i["Invoice No"] for i in keep}
    cyc.lines = [ln for ln in cyc.lines if ln["Invoice No"] in numbers]
    cyc.deliveries, cyc.payments = [], []
    found = only(check(cyc), "NUMBER_GAP")
    assert len(found) == 1
    assert found["Message"].iloc[0].startswith("Series 'INV-2024-' has 22 gaps (44 numbers")


def test_invoices_to_customers_on_hold_or_closed(cyc):
    cyc.customers[1]["Status"] = "Hold"  # C002
    cyc.customers[3]["Status"] = "Closed"  # C004
    found = check(cyc)
    paid = {p["Invoice No"] for p in cyc.payments}
    hold = [i["Invoice No"] for i in cyc.invoices
            if i["Customer ID"] == "C002" and i["Invoice No"] not in paid]
    closed = [i["Invoice No"] for i in cyc.invoices
              if i["Customer ID"] == "C004" and i["Invoice No"] not in paid]
    assert only(found, "CUSTOMER_ON_HOLD")["Invoice No"].tolist() == sorted(hold)
    assert only(found, "CUSTOMER_CLOSED")["Invoice No"].tolist() == sorted(closed)
    assert set(found["Code"]) == {"CUSTOMER_ON_HOLD", "CUSTOMER_CLOSED"}
    # Errors for this cycle's invoices (the 30 days up to the last invoice, 2024-06-19, as
    # the book ends before the as-of date), Warnings for the older ones
    start = prepare(**cyc.frames(), as_of=AS_OF).cycle_start
    assert start == pd.Timestamp("2024-05-20")
    dated = {i["Invoice No"]: i["Invoice Date"] for i in cyc.invoices}
    expected = ["Error" if dated[n] > start else "Warning" for n in found["Invoice No"]]
    assert found["Severity"].tolist() == expected
    assert {"Error", "Warning"} <= set(expected)
    early = found[found["Severity"] == "Warning"].iloc[0]
    assert "billed before the current cycle is still open" in early["Message"] or (
        "is still open" in early["Message"])


def test_the_invoices_that_took_a_customer_over_its_limit(cyc):
    paid = {p["Invoice No"] for p in cyc.payments}
    open_c005 = [i for i in cyc.invoices if i["Customer ID"] == "C005"
                 and i["Invoice No"] not in paid]
    open_c005.sort(key=lambda i: (i["Invoice Date"], i["Invoice No"]))
    # a limit just below the balance after the first two open invoices
    limit = open_c005[0]["Amount"] + open_c005[1]["Amount"] - 1.0
    cyc.customers[4]["Credit Limit"] = limit
    found = check(cyc)
    over = only(found, "OVER_CREDIT_LIMIT")
    assert over["Invoice No"].tolist() == [i["Invoice No"] for i in open_c005[1:]]
    assert set(over["Severity"]) == {"Warning"}
    assert over["Message"].iloc[0].endswith("by 1.00")
    assert found[found["Severity"] == "Error"].empty


def test_invoice_in_another_currency_and_unknown_customer(cyc):
    cyc.invoice("INV-2024-0019")["Currency"] = "USD"  # customer C001 bills in EGP
    cyc.invoice("INV-2024-0013")["Customer ID"] = "C999"
    found = check(cyc)
    assert found[["Invoice No", "Field", "Code", "Severity"]].values.tolist() == [
        ["INV-2024-0013", "Customer ID", "UNKNOWN_CUSTOMER", "Error"],
        ["INV-2024-0019", "Currency", "CURRENCY_MISMATCH", "Warning"]]
    assert found["Message"].iloc[1] == "Invoice currency USD differs from the customer's currency EGP"


def test_deliveries_not_invoiced_and_late_invoicing(cyc):
    cyc.deliveries.append({"Order No": "DN-0950", "Customer ID": "C003",
                           "Date": AS_OF - pd.Timedelta(days=12), "Amount": 1234.5,
                           "Invoice No": None, "Status": None})
    late = cyc.deliveries[30]
    late["Date"] = cyc.invoice(late["Invoice No"])["Invoice Date"] - pd.Timedelta(days=20)
    found = check(cyc)
    assert found[["Invoice No", "Row", "Code", "Severity", "Customer ID"]].values.tolist() == [
        [late["Invoice No"], 32, "LATE_INVOICING", "Warning", late["Customer ID"]],
        [None, len(cyc.deliveries) + 1, "DELIVERY_NOT_INVOICED", "Error", "C003"]]
    assert found["Message"].iloc[1] == ("Delivery DN-0950 of 2024-06-18 (1,234.50) is not "
                                        "invoiced after 12 days (policy: 7 days)")
    assert found["Message"].iloc[0].startswith("Invoiced 20 days after delivery")


def test_policy_days_for_uninvoiced_deliveries(cyc):
    """The open delivery of three days ago is late under a two-day policy."""
    found = check(cyc, policy=Policy(uninvoiced_delivery_days=2))
    assert "DN-0900" in only(found, "DELIVERY_NOT_INVOICED")["Message"].iloc[0]


def test_line_totals_stated_before_tax_are_held_to_that_basis(cyc):
    for ln in cyc.lines:
        if ln["Quantity"] is not None:
            ln["Line Total"] = line_total(ln["Quantity"], ln["Unit Price"], ln["Discount %"], 0,
                                          DECIMALS[cyc.currency_of(ln["Invoice No"])])
        else:
            ln["Line Total"] = rounded(ln["Line Total"] / 1.14, 2)
    bad = cyc.lines_of("INV-2024-0008")[0]
    bad["Line Total"] = line_total(bad["Quantity"], bad["Unit Price"], bad["Discount %"],
                                   bad["Tax Rate"], 2)  # this one includes tax: wrong basis
    found = check(cyc)
    assert only(found, "LINE_TOTAL_MISMATCH")["Row"].tolist() == [line_row(cyc, bad)]
    assert "before tax" in only(found, "LINE_TOTAL_MISMATCH")["Message"].iloc[0]
    # the invoice amounts (tax included) still add up from net lines plus tax
    assert set(found["Invoice No"]) == {"INV-2024-0008"}


def test_arabic_messages(cyc):
    cyc.invoice("INV-2024-0013")["Customer ID"] = "C999"
    found = check(cyc, arabic=True)
    assert found["Message"].tolist() == ["العميل C999 غير موجود في ورقة العملاء"]
    assert found["Code"].tolist() == ["UNKNOWN_CUSTOMER"] and found["Severity"].tolist() == ["Error"]


def test_a_crashing_check_becomes_an_issue_and_the_others_still_run(cyc):
    from ar_excel.core.billing.checks import CHECKS

    def broken(book):
        raise KeyError("Unit Price")

    cyc.invoice("INV-2024-0013")["Customer ID"] = "C999"
    found, issues = run_checks(prepare(**cyc.frames(), as_of=AS_OF),
                               [("broken", broken), *CHECKS])
    assert found["Code"].tolist() == ["UNKNOWN_CUSTOMER", "CHECK_FAILED"]
    assert "KeyError" in found["Message"].iloc[1]
    assert [(i.column, i.sheet) for i in issues] == [("broken", "Invoice Checks")]


def test_optional_sheets_absent_still_checks_invoices(cyc):
    frames = cyc.frames()
    cyc.invoice("INV-2024-0013")["Customer ID"] = "C999"
    found, _ = run_checks(prepare(invoices=cyc.frames()["invoices"],
                                  customers=frames["customers"], as_of=AS_OF))
    assert found["Code"].tolist() == ["UNKNOWN_CUSTOMER"]


def test_exception_report_lists_problem_accounts_errors_first(cyc):
    cyc.invoice("INV-2024-0019")["Currency"] = "USD"  # C001: a Warning
    inv = cyc.invoice("INV-2024-0025")  # C001 as well
    inv["Amount"] = inv["Amount"] + 100
    copy = dict(cyc.invoice("INV-2024-0040"), **{"Invoice No": "MAN-0001"})  # C004: warnings
    cyc.invoices.append(copy)
    book = prepare(**cyc.frames(), as_of=AS_OF)
    found, _ = run_checks(book)
    report = exception_report(found, book)
    assert report["Customer ID"].tolist() == ["C001", "C004"]
    first = report.iloc[0]
    assert (first["Severity"], first["Errors"], first["Warnings"], first["Documents"]) == (
        "Error", 1, 1, 2)
    expected = cyc.invoice("INV-2024-0019")["Amount"] + inv["Amount"]
    assert first["Amount at Stake"] == pytest.approx(expected)
    assert first["Top Codes"] == "CURRENCY_MISMATCH ×1, INVOICE_TOTAL_MISMATCH ×1"
    second = report.iloc[1]
    assert (second["Severity"], second["Errors"], second["Warnings"]) == ("Warning", 0, 2)
    assert second["Amount at Stake"] == pytest.approx(copy["Amount"] * 2)
    assert second["Customer"] == "Tokyo Parts K.K."


def test_rates_typed_as_fractions_are_read_as_percentages(cyc):
    for ln in cyc.lines:
        ln["Tax Rate"] = ln["Tax Rate"] / 100
        if ln["Discount %"] is not None:
            ln["Discount %"] = ln["Discount %"] / 100
    book = prepare(**cyc.frames(), as_of=AS_OF)
    assert book.notes == ("Tax Rate read as fractions (0.14 = 14%)",
                          "Discount % read as fractions (0.14 = 14%)")
    found, _ = run_checks(book)
    assert found.empty


def test_a_price_list_without_units_prices_any_unit(cyc):
    for p in cyc.prices:
        p["Unit"] = None
    cyc.prices = [p for p in cyc.prices if p["Item"] != "P200"]  # boxes need P200 per piece
    cyc.prices.append({"Item": "P200", "Unit": "PC", "Price": 1.25})
    cyc.prices.append({"Item": "P200", "Unit": "PC", "Price": 1.10, "Customer ID": "C005"})
    cyc.prices.append({"Item": "P200", "Unit": "PC", "Price": 63.0, "Currency": "JPY"})
    found = check(cyc)
    assert found.empty


def test_a_list_without_currency_used_as_it_is_for_another_currency(cyc):
    """SAR invoices are at the (currency-less) list's prices: an SAR line off it is an Error."""
    sar = next(ln for ln in cyc.lines if cyc.currency_of(ln["Invoice No"]) == "SAR"
               and ln["Item"] == "P300")
    sar["Unit Price"] = 175.0
    sar["Line Total"] = line_total(sar["Quantity"], 175.0, sar["Discount %"], sar["Tax Rate"], 2)
    cyc.retotal(sar["Invoice No"])
    found = check(cyc)
    assert found[["Row", "Code", "Severity"]].values.tolist() == [
        [line_row(cyc, sar), "PRICE_OFF_LIST", "Error"]]


def test_a_list_in_the_home_currency_only_guides_foreign_currency_prices(cyc):
    """SAR invoices priced at converted prices, the list holding EGP prices only: SAR lines
    differ from it, as Warnings naming the missing SAR price; EGP lines are still held to it."""
    sar = [ln for ln in cyc.lines if cyc.currency_of(ln["Invoice No"]) == "SAR"]
    for ln in sar:
        ln["Unit Price"] = round(ln["Unit Price"] * 0.2, 2)
        ln["Line Total"] = line_total(ln["Quantity"], ln["Unit Price"], ln["Discount %"],
                                      ln["Tax Rate"], 2)
        cyc.retotal(ln["Invoice No"])
    egp = next(ln for ln in cyc.lines if cyc.currency_of(ln["Invoice No"]) == "EGP"
               and ln["Item"] == "P300")
    egp["Unit Price"] = 175.0
    egp["Line Total"] = line_total(egp["Quantity"], 175.0, egp["Discount %"], egp["Tax Rate"], 2)
    cyc.retotal(egp["Invoice No"])
    found = check(cyc)
    warnings = found[found["Severity"] == "Warning"]
    assert set(warnings["Row"]) == {line_row(cyc, ln) for ln in sar}
    assert set(warnings["Code"]) == {"PRICE_OFF_LIST"}
    assert "the list has no SAR price" in warnings["Message"].iloc[0]
    errors = found[found["Severity"] == "Error"]
    assert errors[["Row", "Code"]].values.tolist() == [[line_row(cyc, egp), "PRICE_OFF_LIST"]]


@pytest.mark.parametrize(("sheet", "status", "flagged"), [
    ("Deliveries", "Open", True),  # delivered, open for invoicing
    ("Deliveries", None, True),
    ("Deliveries", "Cancelled", False),
    ("Orders", "Open", False),  # an open sales order: not delivered yet
    ("Orders", "Delivered", True),
    ("أوامر البيع", "ملغي", False),
])
def test_what_counts_as_a_delivery(cyc, sheet, status, flagged):
    cyc.deliveries.append({"Order No": "X-1", "Customer ID": "C001", "Amount": 10.0,
                           "Date": AS_OF - pd.Timedelta(days=30), "Invoice No": None,
                           "Status": status})
    found = check(cyc, sheets={"Orders": sheet})
    assert found["Code"].tolist() == (["DELIVERY_NOT_INVOICED"] if flagged else [])
    if flagged:
        assert found["Sheet"].tolist() == [sheet]


def test_every_exception_at_once_is_found_and_nothing_else_is_an_error(cyc):
    """All the injections of the tests above in one cycle: each code found on its invoice,
    and every Error belongs to an injected invoice or delivery."""
    injected = set()

    def restate(ln, **changes):
        ln.update(changes)
        ln["Line Total"] = line_total(ln["Quantity"], ln["Unit Price"], ln["Discount %"],
                                      ln["Tax Rate"], DECIMALS[cyc.currency_of(ln["Invoice No"])])
        cyc.retotal(ln["Invoice No"])
        injected.add(ln["Invoice No"])

    cyc.lines_of("INV-2024-0013")[0]["Line Total"] += 0.02  # line total
    cyc.invoice("INV-2024-0025")["Amount"] += 100  # invoice total
    steel = next(ln for ln in cyc.lines if ln["Item"] == "P100" and ln["Unit Price"] == 45.0)
    restate(steel, **{"Unit Price": 42.5})  # old price
    restate(cyc.lines_of("INV-2024-0005")[0], **{"Tax Rate": 10.0})  # tax rate
    drum = next(ln for ln in cyc.lines if ln["Item"] == "P300" and ln["Invoice No"] not in injected)
    drum["Unit"] = "Drum"  # unit
    due = cyc.invoice("INV-2024-0002")
    due["Due Date"] = due["Invoice Date"] + pd.Timedelta(days=90)  # terms
    cyc.invoices.append(dict(cyc.invoice("INV-2024-0030")))  # same number twice
    cyc.invoices.append(dict(cyc.invoice("INV-2024-0040"), **{"Invoice No": "MAN-0001"}))
    gone = {"INV-2024-0047"}  # a missing number
    cyc.invoices = [i for i in cyc.invoices if i["Invoice No"] not in gone]
    cyc.lines = [ln for ln in cyc.lines if ln["Invoice No"] not in gone]
    cyc.deliveries = [d for d in cyc.deliveries if d["Invoice No"] not in gone]
    cyc.invoice("INV-2024-0019")["Currency"] = "USD"  # currency
    cyc.invoice("INV-2024-0043")["Customer ID"] = "C999"  # unknown customer
    cyc.customers[3]["Status"] = "Hold"  # C004 on hold
    cyc.deliveries.append({"Order No": "DN-0950", "Customer ID": "C003", "Amount": 99.0,
                           "Date": AS_OF - pd.Timedelta(days=12), "Invoice No": None,
                           "Status": None})
    late = cyc.deliveries[50]
    late["Date"] = cyc.invoice(late["Invoice No"])["Invoice Date"] - pd.Timedelta(days=25)
    injected |= {"INV-2024-0013", "INV-2024-0025", drum["Invoice No"], "INV-2024-0002",
                 "INV-2024-0030", "INV-2024-0019", "INV-2024-0043"}
    held = {i["Invoice No"] for i in cyc.invoices if i["Customer ID"] == "C004"}

    found = check(cyc)
    by_code = found.groupby("Code")["Invoice No"].agg(lambda s: set(s.dropna()))
    assert by_code["LINE_TOTAL_MISMATCH"] == {"INV-2024-0013"}
    assert "INV-2024-0025" in by_code["INVOICE_TOTAL_MISMATCH"]
    assert by_code["PRICE_OFF_LIST"] == {steel["Invoice No"]}
    assert by_code["TAX_RATE_NOT_ALLOWED"] == {"INV-2024-0005"}
    assert by_code["UNIT_MISMATCH"] == {drum["Invoice No"]}
    assert by_code["DUE_DATE_INCONSISTENT"] == {"INV-2024-0002"}
    assert by_code["DUPLICATE_INVOICE_NO"] == {"INV-2024-0030"}
    assert by_code["POSSIBLE_DUPLICATE_INVOICE"] == {"INV-2024-0040", "MAN-0001"}
    assert by_code["NUMBER_GAP"] == {"INV-2024-0047"}
    assert by_code["CURRENCY_MISMATCH"] == {"INV-2024-0019"}
    assert by_code["UNKNOWN_CUSTOMER"] == {"INV-2024-0043"}
    assert by_code["CUSTOMER_ON_HOLD"] and by_code["CUSTOMER_ON_HOLD"] <= held
    assert by_code["LATE_INVOICING"] == {late["Invoice No"]}
    assert len(only(found, "DELIVERY_NOT_INVOICED")) == 1
    errors = found[found["Severity"] == "Error"]
    stray = errors[~errors["Invoice No"].isin(injected | held) & errors["Invoice No"].notna()]
    assert stray.empty, stray[["Invoice No", "Code", "Message"]].to_string()


def test_a_discount_stated_as_an_amount(cyc):
    line = cyc.lines_of("INV-2024-0013")[0]  # EGP, 14 %
    net = line["Quantity"] * line["Unit Price"] * (1 - line["Discount %"] / 100) - 50.0
    line["Discount Amount"] = 50.0
    line["Line Total"] = rounded(net * 1.14, 2)
    cyc.retotal("INV-2024-0013")
    assert check(cyc).empty
    line["Line Total"] = round(line["Line Total"] + 57.0, 2)  # the discount forgotten
    cyc.retotal("INV-2024-0013")
    found = check(cyc)
    assert found["Code"].tolist() == ["LINE_TOTAL_MISMATCH"]
    assert "discount 50.00, tax 14%" in found["Message"].iloc[0]
    assert "difference 57.00" in found["Message"].iloc[0]


def test_lines_without_quantity_or_price(cyc):
    one = cyc.lines_of("INV-2024-0013")[0]
    one["Line Total"] = line_total(1, one["Unit Price"], one["Discount %"], one["Tax Rate"], 2)
    one["Quantity"] = None  # a priced line without a quantity: one unit
    cyc.retotal("INV-2024-0013")
    unvalued = cyc.lines_of("INV-2024-0020")[0]
    unvalued["Unit Price"] = None
    unvalued["Line Total"] = None
    found = check(cyc)
    assert found[["Invoice No", "Row", "Field", "Code", "Severity"]].values.tolist() == [
        ["INV-2024-0020", line_row(cyc, unvalued), "Unit Price", "INCOMPLETE_LINE", "Warning"]]
    one["Line Total"] += 1.0
    cyc.retotal("INV-2024-0013")
    assert only(check(cyc), "LINE_TOTAL_MISMATCH")["Row"].tolist() == [line_row(cyc, one)]


def test_invoice_amounts_stated_before_tax_are_held_to_that(cyc):
    for inv in cyc.invoices:
        places = DECIMALS[cyc.currency_of(inv["Invoice No"])]
        inv["Amount"] = rounded(sum(ln["Line Total"] / (1 + ln["Tax Rate"] / 100)
                                    for ln in cyc.lines_of(inv["Invoice No"])), places)
    found = check(cyc)
    assert found.empty
    cyc.invoice("INV-2024-0014")["Amount"] += 10
    found = check(cyc)
    assert found[["Invoice No", "Code"]].values.tolist() == [
        ["INV-2024-0014", "INVOICE_TOTAL_MISMATCH"]]
    assert "line(s) before tax" in found["Message"].iloc[0]
    assert "difference 10.00" in found["Message"].iloc[0]


def test_discount_above_the_customers_agreed_discount(cyc):
    for c in cyc.customers:
        c["Discount %"] = 5.0
    cyc.customers[5]["Discount %"] = None  # C006: none agreed (lump-sum lines, no discounts)
    assert check(cyc).empty
    line = cyc.lines_of("INV-2024-0014")[0]
    line["Discount %"] = 10.0
    line["Line Total"] = line_total(line["Quantity"], line["Unit Price"], 10.0,
                                    line["Tax Rate"], 2)
    cyc.retotal("INV-2024-0014")
    found = check(cyc)
    assert found[["Invoice No", "Row", "Field", "Code", "Severity"]].values.tolist() == [
        ["INV-2024-0014", line_row(cyc, line), "Discount %", "DISCOUNT_NOT_AGREED", "Error"]]
    assert found["Message"].iloc[0] == "Discount 10% is more than the 5% agreed with customer C002"
