"""The toolkit workbooks' example data: blank cells are blank, never pandas' "<NA>"/"nan"."""

from __future__ import annotations

from pathlib import Path

import pytest
from python_calamine import CalamineWorkbook

REPO = Path(__file__).resolve().parents[1]


@pytest.mark.parametrize("name", ["ar_toolkit.xlsm", "ar_toolkit_lite.xlsx"])
def test_no_cell_holds_a_missing_value_as_text(name):
    wb = CalamineWorkbook.from_path(str(REPO / "workbooks" / name))
    found = [(sheet, i + 1, v) for sheet in wb.sheet_names
             for i, row in enumerate(wb.get_sheet_by_name(sheet).to_python())
             for v in row if isinstance(v, str) and v.strip() in ("<NA>", "nan", "NaT", "None")]
    assert found == []


def test_the_policy_lists_the_buttons_keys_blank():
    from ar_excel.io.reader import read_book

    book = read_book(REPO / "workbooks" / "ar_toolkit.xlsm")
    assert book.policy.get("protect_password") == "" and book.policy.get("editable") == ""
    assert book.policy.bank_statement == ""
    # one planted blank name, and the demo's receipts naming a mistyped invoice
    assert not [i for i in book.issues if i.sheet != "Customers"
                and "is not in the invoice list" not in i.message]
