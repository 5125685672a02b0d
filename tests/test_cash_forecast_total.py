"""The Cash Forecast tab says its 13 weeks' total in its caption, in the forecast's currency."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from ar_excel.cli import main

DEMO = Path(__file__).resolve().parents[1] / "workbooks"


@pytest.mark.parametrize(("book", "words"), [
    ("demo_ar.xlsx", ("13-week cash-collection forecast from 2026-11-30, in EGP: ", " in all",
                      "; in their own columns: ")),
    ("demo_ar_arabic.xlsx", ("توقعات التحصيل النقدي لـ 13 أسبوعاً من 2026-11-30، بعملة EGP: ",
                             " إجمالاً", "؛ وبالعملات الأخرى في أعمدتها: ")),
])
def test_the_caption_gives_the_forecasts_total(tmp_path, capsys, book, words):
    out = tmp_path / "out.xlsx"
    assert main(["collections", str(DEMO / book), "--as-of", "2026-11-30", "-o", str(out)]) == 0
    ws = openpyxl.load_workbook(out)["Cash Forecast"]
    rows = list(ws.iter_rows(values_only=True))
    caption = next(v for r in rows[:2] for v in r if isinstance(v, str) and v.startswith(words[0]))
    header = next(r for r in rows if "Expected Receipts" in r)
    at = header.index("Expected Receipts")
    start = rows.index(header) + 1
    def total_of(column: int) -> float:
        return sum(r[column] for r in rows[start:] if isinstance(r[column], int | float))

    # the demo's other currencies, each totalled in its own column, are said after it
    others = ", ".join(f"{name.removeprefix('Expected Receipts ')} {total_of(k):,.2f}"
                       for k, name in enumerate(header)
                       if isinstance(name, str) and name.startswith("Expected Receipts ")
                       and total_of(k))
    assert others.startswith("AED ")
    assert caption == f"{words[0]}{total_of(at):,.2f}{words[1]}{words[2]}{others}"


def test_other_currencies_are_said_in_their_own_minor_units():
    """A dinar column keeps its fils in the caption (KWD 1,000.000, as the tab shows it; it
    said 1,000.00), a yen column has none."""
    import pandas as pd

    from ar_excel.jobs.collections import _other_currencies

    weekly = pd.DataFrame({"Expected Receipts": [100.0, 50.0],
                           "Expected Receipts KWD": [1000.0, 0.0],
                           "Expected Receipts JPY": [5000.0, 250.0],
                           "Expected Receipts USD": [12.5, 0.0],
                           "Expected Receipts SAR": [0.0, 0.0]})
    assert _other_currencies(weekly) == (
        "; in their own columns: KWD 1,000.000, JPY 5,250, USD 12.50")
