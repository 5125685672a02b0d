"""The shortcuts that make a month-end's letters and statements faster write exactly what the
standard routes write: the email generator's bytes, the PDF's operators, the dates."""

from __future__ import annotations

import copy
import email.policy
import random
from datetime import date, datetime

import pandas as pd
import pytest

from ar_excel.core.collections.language import format_date
from ar_excel.core.collections.letters import Letter
from ar_excel.io import eml
from ar_excel.io import pdf_statement as ps
from tests.test_statements_core import statement


def letter(language: str = "ar") -> Letter:
    return Letter(customer_id="C1", customer="شركة النور للتجارة", email="ap@nour.example",
                  language=language, level=3, subject="إنذار نهائي: حساب رقم C1",
                  greeting="السادة / شركة النور للتجارة،", paragraphs=["هذا إنذار نهائي. " * 30],
                  headers=["Document", "Amount"],
                  rows=[[f"INV-{i}", f"{i * 1000:,.2f}"] for i in range(40)],
                  totals=[("Total", "40,000.00 EGP")], closing="Kind regards,\nAR")


def test_draft_bytes_are_the_standard_generators(tmp_path):
    pdf = tmp_path / "Statement_C1.pdf"
    pdf.write_bytes(bytes(range(256)) * 400)  # a binary attachment: many base64 lines
    for lang in ("ar", "en"):
        msg = eml.draft_message(letter(lang), "Credit <credit@ours.example>", [pdf])
        twin = copy.deepcopy(msg)
        random.seed(7)
        standard = msg.as_bytes(policy=email.policy.SMTP)
        random.seed(7)
        assert eml.draft_bytes(twin) == standard
        assert b"\r\n" in standard and b"\n" not in standard.replace(b"\r\n", b"")


def test_a_boundary_found_in_the_text_is_drawn_again_as_the_standard_does(monkeypatch):
    # the boundary drawn is printed in the letter: the substring check finds it, so the
    # standard regular expression decides, as in the standard generator (with CRLF lines
    # its "$" does not match before "\r": both keep the boundary)
    draws = iter([42] * 4)
    monkeypatch.setattr(random, "randrange", lambda _n: next(draws))
    clash = f"==============={42:019d}=="
    body = Letter(customer_id="C2", customer="Acme", email=None, language="en", level=1,
                  subject="Payment reminder - account C2", greeting="Dear Acme,",
                  paragraphs=[f"see below\n--{clash}\nthe end"], headers=["Document"],
                  rows=[["INV-1"]], closing="Kind regards,\nAR")
    msg = eml.draft_message(body)
    twin = copy.deepcopy(msg)
    standard = msg.as_bytes(policy=email.policy.SMTP)
    ours = eml.draft_bytes(twin)
    assert ours == standard
    assert f'boundary="{clash}"'.encode() in ours and f"--{clash}\r\nthe end".encode() in ours


@pytest.mark.parametrize("value", [
    pd.Timestamp("2026-01-05"), pd.Timestamp("2026-12-31 23:59"), datetime(2026, 2, 28, 8),
    date(2026, 3, 4), pd.Timestamp("2026-01-05", tz="Asia/Dubai"), date(999, 1, 2),
    "2026-07-08", pd.NaT, None, float("nan")])
def test_dates_are_written_as_strftime_writes_them(value):
    blank = value is None or (not isinstance(value, str) and pd.isna(value))
    assert format_date(value) == ("" if blank else pd.Timestamp(value).strftime("%Y-%m-%d"))


def test_plain_table_cells_write_the_operators_text_and_rect_write(monkeypatch):
    stmts = [statement("C1")[0], statement("C2")[0]]  # Arabic and English

    def document() -> bytes:
        pdf, _ = ps._combined(stmts, "Example Trading Co", label=True)
        pdf.set_creation_date(datetime(2026, 11, 30, 12, 0))
        return bytes(pdf.output())

    fast = document()

    def standard_cell(self, w, h, s, align, border, fill=False):  # noqa: ANN001, ANN202
        x, y = self.x, self.y
        if fill:
            self.rect(x, y, w, h, style="DF" if border else "F")
        elif border:
            self.rect(x, y, w, h)
        if s:
            width = self._width(s)
            dx = (w - self.c_margin - width if align == "R" else
                  (w - width) / 2 if align == "C" else self.c_margin)
            self.text(x + dx, y + 0.5 * h + 0.3 * self.font_size, s)
        self.x = x + w

    monkeypatch.setattr(ps._StatementPDF, "_plain_cell", standard_cell)
    assert document() == fast
