"""Jordanian and Iraqi statements as their banks export them (helper-207's hand-made month)."""

from __future__ import annotations

from pathlib import Path

from ar_excel.bank import read_statement
from ar_excel.parsing.codes import parse_currency


def test_the_iraqi_dinar_by_its_arabic_and_english_names():
    """Rafidain's CSV heads its lines 'العملة,دينار عراقي': read as IQD, as 'دينار أردني' is
    JOD (it was no currency: the account's lines were reconciled as 'no currency')."""
    assert parse_currency("دينار عراقي") == "IQD"
    assert parse_currency("الدينار العراقي") == "IQD"
    assert parse_currency("Iraqi Dinar") == "IQD"
    assert parse_currency("د.ع") == "IQD"
    assert parse_currency("د.أ") == "JOD"


def test_a_rafidain_csv_with_arabic_indic_figures_is_in_iqd(tmp_path: Path):
    path = tmp_path / "rafidain.csv"
    path.write_text(
        "مصرف الرافدين - كشف حساب جاري\n"
        "رقم الحساب,٠١٢٣٤٥٦٧\n"
        "العملة,دينار عراقي\n"
        "التاريخ,التفاصيل,مدين,دائن,الرصيد\n"
        "٠٢/١١/٢٠٢٦,حوالة واردة من شركة نينوى للأغذية قائمة ٣١٥,,١٢٬٥٠٠٬٠٠٠٫٠٠,٣٢٬٥٠٠٬٠٠٠٫٠٠\n"
        "١٥/١١/٢٠٢٦,عمولة مصرفية,١٥٬٠٠٠٫٠٠,,٣٢٬٤٨٥٬٠٠٠٫٠٠\n", encoding="utf-8")
    lines = read_statement(path).lines
    assert lines["Amount"].tolist() == [12_500_000.0, -15_000.0]
    assert lines["Date"].dt.strftime("%Y-%m-%d").tolist() == ["2026-11-02", "2026-11-15"]
    assert lines["Currency"].tolist() == ["IQD", "IQD"]



def test_accounts_stating_their_balances_and_accounts_running_them_tie_out_together():
    """A Jordanian month over three accounts: Arab Bank's XLSX states its opening (15,250.000)
    and closing (80,473.590), Housing Bank's CSV and Bank al Etihad's XLSX only run a balance
    on each line. The Reconciliation took the stated closing alone (80,473.590) against all
    three accounts' movements: 'DOES NOT TIE OUT' by 38,051.980. Each account without
    stated balances now opens and closes with its own running balance."""
    import pandas as pd

    from ar_excel.core.ledger import open_items
    from ar_excel.core.matching import match_statement
    from ar_excel.policy import Policy
    from ar_excel.schema import empty_frame

    lines = pd.DataFrame({
        "Bank Line": ["a1", "a2", "h1", "h2", "e1"],
        "Date": pd.to_datetime(["2026-11-02", "2026-11-09", "2026-11-01", "2026-11-22",
                                "2026-11-03"]),
        "Amount": [66_431.090, -1_207.500, 2_730.400, -3.500, 1_214.000],
        "Balance": [None, None, 11_130.400, 11_126.900, 22_214.000],
        "Currency": "JOD", "Description": "INTEREST",
        "Statement": ["arab_bank", "arab_bank", "housing_bank", "housing_bank",
                      "bank_al_etihad"]})
    customers, invoices = empty_frame("Customers"), empty_frame("Invoices")
    items = open_items(customers, invoices, empty_frame("Payments"), pd.Timestamp("2026-11-30"))
    out = match_statement(lines, items, customers, Policy(), balances=[
        {"statement": "arab_bank", "account": "0118123456500", "currency": "JOD",
         "opening": 15_250.000, "closing": 80_473.590}]).summary
    rows = {r["Item"]: (r["Amount"], r["Note"]) for _, r in out.iterrows()}
    # 15,250.000 + 8,400.000 + 21,000.000; 80,473.590 + 11,126.900 + 22,214.000
    assert rows["Opening balance"] == (
        44_650.0, "as stated by the bank, else from the oldest line's running balance")
    assert rows["Closing balance (statement)"] == (
        113_814.49, "as stated by the bank, else from the newest line's running balance")
    assert rows["Difference"] == (0.0, "ties out")
    from ar_excel.io.reasons_ar import arabic_note

    assert arabic_note(rows["Opening balance"][1]) == (
        "كما أورده البنك، وإلا من الرصيد الجاري لأقدم سطر")
    assert arabic_note(rows["Closing balance (statement)"][1]) == (
        "كما أورده البنك، وإلا من الرصيد الجاري لأحدث سطر")


def test_amounts_carrying_the_iraqi_dinar(tmp_path: Path):
    """'12,500,000 د.ع' (Iraq's abbreviation of دينار عراقي) and '... دينار عراقي' were 'not a
    number': a statement whose every amount carries it could not be read at all."""
    from ar_excel.parsing.numbers import parse_number_text

    assert parse_number_text("12,500,000 د.ع") == 12_500_000.0
    assert parse_number_text("د.ع 12,500,000") == 12_500_000.0
    assert parse_number_text("12,500,000 دينار عراقي") == 12_500_000.0
    assert parse_number_text("1,596.500 دينار أردني") == 1_596.5
    path = tmp_path / "rasheed.csv"
    path.write_text("التاريخ,البيان,المبلغ\n"
                    '02/11/2026,حوالة واردة,"12,500,000 د.ع"\n'
                    '03/11/2026,عمولة,"-15,000 د.ع"\n', encoding="utf-8")
    lines = read_statement(path).lines
    assert lines["Amount"].tolist() == [12_500_000.0, -15_000.0]
    assert lines["Currency"].tolist() == ["IQD", "IQD"]
