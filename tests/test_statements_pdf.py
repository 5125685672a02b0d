"""Statement PDFs: rendered headless (pdftoppm) and read back (pdftotext), English and Arabic."""

from __future__ import annotations

import re
import shutil
import subprocess

import pandas as pd
import pytest

from ar_excel.io.pdf_statement import render_combined, render_statement
from tests.test_statements_core import statement

BIDI_MARKS = re.compile("[\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def tool(name):
    exe = shutil.which(name)
    if exe is None:
        pytest.skip(f"{name} (poppler-utils) is not installed")
    return exe


def pdf_text(path) -> str:
    out = subprocess.run([tool("pdftotext"), "-layout", str(path), "-"], check=True,
                         capture_output=True, timeout=60).stdout.decode("utf-8")
    return BIDI_MARKS.sub("", out)


def rasterise(path, tmp_path) -> list:
    subprocess.run([tool("pdftoppm"), "-png", "-r", "50", str(path), str(tmp_path / "page")],
                   check=True, capture_output=True, timeout=60)
    pages = sorted(tmp_path.glob("page*.png"))
    assert pages, "pdftoppm produced no page"
    for p in pages:
        assert p.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and p.stat().st_size > 2000
    return pages


def test_english_statement_pdf(tmp_path):
    stmt, _ = statement("C2")
    path = render_statement(stmt, tmp_path / "C2.pdf", company="Example Trading Co")
    assert path.read_bytes()[:5] == b"%PDF-"
    assert len(rasterise(path, tmp_path)) == 1
    text = pdf_text(path)
    for expected in ("Example Trading Co", "Statement of Account", "Customer: Acme Ltd",
                     "Customer ID: C2", "Period: 2026-10-01 to 2026-10-31", "Currency: USD",
                     "Opening balance", "Closing balance", "No transactions in the period",
                     "Aging", "Current", "1-30", "300.00"):
        assert expected in text, expected


def test_arabic_statement_pdf_is_shaped_and_right_to_left(tmp_path):
    stmt, _ = statement("C1")
    path = render_statement(stmt, tmp_path / "C1.pdf")
    rasterise(path, tmp_path)
    text = pdf_text(path)
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    # extracted in logical (reading) order: the shaped glyphs map back to the letters
    assert lines[0] == "كشف حساب"
    assert "شركة النيل للتجارة" in text and "رقم العميل" in text
    for word in ("مدين", "دائن", "الرصيد", "فاتورة", "إشعار دائن", "تحصيل", "رد مبلغ",
                 "أعمار الديون", "غير مستحق"):
        assert word in text, word
    for figure in ("INV-2", "CN-1", "2026-10-05", "900.00", "650.00", "-250.00", "250.00"):
        assert figure in text, figure
    # right to left: in the table header the first column (Date) is the rightmost one
    header = next(line for line in lines if "مدين" in line)
    assert header.index("الرصيد") < header.index("مدين") < header.index("التاريخ")
    # a line of the table: balance on the left, date on the right
    row = next(line for line in lines if "INV-2" in line)
    assert row.index("900.00") < row.index("INV-2") < row.index("2026-10-05")
    # dates next to Arabic words keep their digits in order
    assert re.search(r"2026-10-01[\s:]+إلى\s+2026-10-31", text)


def test_combined_pdf_has_a_page_per_customer(tmp_path):
    statements = [statement("C1")[0], statement("C2")[0]]
    path = render_combined(statements, tmp_path / "all.pdf")
    assert len(rasterise(path, tmp_path)) == 2
    text = pdf_text(path)
    assert "Acme Ltd" in text and "شركة النيل للتجارة" in text
    assert pd.notna(path.stat().st_size)


def test_one_file_per_customer_with_its_own_pages(tmp_path):
    from ar_excel.core.collections.statements import customer_statement
    from ar_excel.core.ledger import due_dates, open_items
    from ar_excel.io.pdf_statement import render_each
    from tests.collections_data import customers, invoices, payments

    cust = customers([{"Customer ID": "BIG", "Name": "Big Buyer"},
                      {"Customer ID": "SMALL", "Name": "شركة صغيرة"}])
    inv = invoices([(f"B{k:03d}", "BIG", "2026-10-02", None, 10.0 + k) for k in range(70)]
                   + [("S1", "SMALL", "2026-10-03", None, 5.0)])
    pay = payments([])
    end = pd.Timestamp("2026-10-31")
    items = open_items(cust, inv, pay, end)
    stmts = [customer_statement(c, cust, inv, pay, "2026-10-01", end, due_dates(inv, cust), items)
             for c in ("BIG", "SMALL")]
    big, small = render_each(stmts, tmp_path / "out")
    assert (big.name, small.name) == ("Statement_BIG.pdf", "Statement_SMALL.pdf")
    big_text, small_text = pdf_text(big), pdf_text(small)
    assert "B069" in big_text and "S1" not in big_text.split()
    assert "Page 2" in big_text  # 70 lines run onto a second page
    assert "B000" not in small_text and "S1" in small_text
    assert "صفحة 1" in small_text and "صفحة 2" not in small_text  # numbered from 1 again
    (tmp_path / "big").mkdir()
    assert len(rasterise(big, tmp_path / "big")) == 2


def word_boxes(path) -> list[tuple[str, float, float]]:
    """(word, xMin, xMax) in mm of every word pdftotext finds on the pages."""
    html = subprocess.run([tool("pdftotext"), "-bbox", str(path), "-"], check=True,
                          capture_output=True, timeout=60).stdout.decode("utf-8")
    mm = 25.4 / 72
    return [(BIDI_MARKS.sub("", m[3]), float(m[1]) * mm, float(m[2]) * mm)
            for m in re.finditer(r'<word xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)"'
                                 r' yMax="[\d.]+">([^<]*)</word>', html)]


def test_long_document_numbers_and_names_stay_in_their_cells(tmp_path):
    """A long mixed Arabic/Latin document number, a long reference and a long company name
    are drawn smaller, not over the next column or past the page's edge."""
    stmt, _ = statement("C1")
    stmt.name = ("الشركة المتحدة العربية الدولية للتجارة والمقاولات والاستيراد والتصدير "
                 "والتوكيلات التجارية والخدمات البترولية والنقل البري والبحري ش.م.م")
    lines = stmt.sections[0].lines
    row = lines.index[lines["Document"] == "INV-2"][0]
    lines.loc[row, "Document"] = "فاتورة رقم 30 / ABC-29-LONGDOC"
    lines.loc[row, "Reference"] = "مرجع FT2530690086-LONGREF"
    path = render_statement(stmt, tmp_path / "C1.pdf")
    words = word_boxes(path)
    assert words and all(x0 >= 9.5 and x1 <= 200.5 for _, x0, x1 in words), \
        [w for w in words if w[1] < 9.5 or w[2] > 200.5]
    # Arabic: columns mirrored; from the left Balance 24, Credit 22, Debit 22, Due 22,
    # Reference 26, Document 28 (mm) after the 10 mm margin
    doc = [w for w in words if "LONGDOC" in w[0]]
    ref = [w for w in words if "LONGREF" in w[0]]
    assert doc and ref
    assert all(x0 >= 126 and x1 <= 154 for _, x0, x1 in doc), doc
    assert all(x0 >= 100 and x1 <= 126 for _, x0, x1 in ref), ref
    from pypdf import PdfReader  # keeps lam-alef as two letters, where pdftotext does not

    assert f"العميل:{stmt.name}\n" in PdfReader(path).pages[0].extract_text()  # whole, one line


def test_a_line_break_typed_in_a_name_is_a_space_on_the_statement(tmp_path, caplog):
    """A customer name typed with Alt+Enter ('Acme\\nLtd'): the PDF drew a glyph the font
    lacks and fpdf2 logged 'Font ... is missing the following glyphs' on the command's
    stderr; the name reads as one line."""
    text = _text_drawn_without_missing_glyphs(tmp_path, caplog, "Acme\nLtd\tCairo",
                                              "Example\r\nTrading Co")
    assert "Customer: Acme Ltd Cairo" in text and "Example Trading Co" in text


def test_characters_the_font_lacks_are_drawn_as_the_nearest_it_has(tmp_path, caplog):
    """An emoji or fullwidth letters typed in a customer's name (ＣＵＳ００１ 💰): fpdf2
    drew empty boxes and logged 'Font ... is missing the following glyphs' on the command's
    stderr. Fullwidth letters are their plain forms, an emoji a '?'. Found by fuzzing."""
    text = _text_drawn_without_missing_glyphs(tmp_path, caplog, "ＣＵＳ００１ Foods 💰",
                                              "Example 🧾 Trading")
    assert "Customer: CUS001 Foods ?" in text and "Example ? Trading" in text


def _text_drawn_without_missing_glyphs(tmp_path, caplog, name: str, company: str) -> str:
    """C2's statement with ``name`` and ``company`` as typed, rendered with no fpdf2 warning
    of glyphs the font lacks; its text."""
    from dataclasses import replace

    stmt, _ = statement("C2")
    with caplog.at_level("WARNING", logger="fpdf"):
        path = render_statement(replace(stmt, name=name), tmp_path / "C2.pdf", company=company)
    assert not [r for r in caplog.records if "missing the following glyphs" in r.getMessage()]
    return pdf_text(path)
