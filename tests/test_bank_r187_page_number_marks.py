"""A page number written with a direction mark, as Excel writes an Arabic cell (review-187)."""

from __future__ import annotations

import csv
from pathlib import Path

from ar_excel.bank import read_statement


def test_page_number_with_a_direction_mark_is_a_page_break(tmp_path: Path) -> None:
    """'\\u200fصفحة ١ من ٢' (a right-to-left mark first): a page number, as before 3d36c6b,
    not an Input Issue ('row with no date and no amount') nor, in the narrative column, words
    of the line above it."""
    rows = [["Date", "Description", "Debit", "Credit", "Balance"],
            ["2026-11-01", "INWARD TT FROM NILE FOODS CO INV 101", None, 1000, 11000],
            ["\u200fصفحة ١ من ٢"],
            ["2026-11-02", "CHARGES", 50, None, 10950],
            [None, "\u200fصفحة ٢ من ٢"]]
    path = tmp_path / "paged.csv"
    with open(path, "w", newline="", encoding="utf-8") as f:
        csv.writer(f).writerows(rows)
    st = read_statement(path)
    assert st.lines["Amount"].tolist() == [1000.0, -50.0]
    assert st.lines["Description"].tolist() == [
        "INWARD TT FROM NILE FOODS CO INV 101", "CHARGES"]
    assert [i.cell for i in st.issues] == ["A3"]
    assert "page numbers" in st.issues[0].message
    assert "rows 3, 5" in st.issues[0].message
