"""The Cash Forecast tab says its 13 weeks' total in its caption, in the forecast's currency."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from ar_excel.cli import main

DEMO = Path(__file__).resolve().parents[1] / "workbooks"


@pytest.mark.parametrize(("book", "words"), [
    ("demo_ar.xlsx", ("13-week cash-collection forecast from 2026-11-30, in EGP: ", " in all")),
    ("demo_ar_arabic.xlsx", ("توقعات التحصيل النقدي لـ 13 أسبوعاً من 2026-11-30، بعملة EGP: ",
                             " إجمالاً")),
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
    total = sum(r[at] for r in rows[start:] if isinstance(r[at], int | float))
    assert caption == f"{words[0]}{total:,.2f}{words[1]}"
