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

