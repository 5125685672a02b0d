"""The management pack: contents, protection, never in place, and a headless LibreOffice render."""

from __future__ import annotations

import contextlib
import io
import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import openpyxl
import pytest

from ar_excel.cli import main
from tests._aging_books import kpi_book, write_book


@pytest.fixture()
def book(tmp_path) -> Path:
    path = tmp_path / "ar book.xlsx"
    write_book(path, *kpi_book())
    return path


@pytest.fixture(scope="module")
def pack(tmp_path_factory) -> tuple[Path, str]:
    """The pack of ``book`` as of 2026-06-30 and what the run printed: made once, read by the
    tests that only look at it (none writes to it)."""
    folder = tmp_path_factory.mktemp("pack")
    path = folder / "ar book.xlsx"
    write_book(path, *kpi_book())
    out = folder / "pack.xlsx"
    printed = io.StringIO()
    with contextlib.redirect_stdout(printed):
        assert main(["report", str(path), "--as-of", "2026-06-30", "-o", str(out)]) == 0
    return out, printed.getvalue()


def test_pack_contents(pack):
    out, printed = pack
    # CEI (1500 + 2400 - 2100) / (1500 + 2400 - 1300) = 1800 / 2600 (test_kpis_core)
    assert "DSO 26.25, CEI 69.23 %" in printed
    wb = openpyxl.load_workbook(out)
    assert wb.sheetnames == ["Dashboard", "KPIs", "Aging", "Top Overdue", "Payment Behaviour"]
    # what it says it wrote is what it wrote: no empty Input Issues (it listed one)
    assert printed.splitlines()[-1].endswith(
        "tabs written to " + str(out) + ": Dashboard, KPIs, Aging, Top Overdue, "
        "Payment Behaviour")
    dash = {r[0]: r[1:3] for r in wb["Dashboard"].iter_rows(values_only=True) if r[0]}
    assert dash["Total receivables"] == (2100, "EGP")
    assert dash["DSO"] == (26.25, "days")
    # overdue: B's I0 800; A has no invoice past due, its CN1 200 on account lowers its
    # current AR (1500 - 200), not B's arrears: current 2100 - 800 = 1300
    assert dash["Best-possible DSO"] == (16.25, "days")  # 1300 / 2400 x 30
    assert dash["Average days delinquent"] == (10, "days")  # 26.25 - 16.25
    assert dash["Collection effectiveness index (CEI)"] == (69.23, "%")  # 1800 / 2600
    assert dash["Collection rate"] == (46.15, "%")
    assert dash["Invoices issued"][0] == 2 and dash["Receipts recorded"][0] == 3
    assert dash["Customers with an open balance"][0] == 2
    assert dash["Customers with an overdue balance"][0] == 1  # B (A's CN1 is a credit)
    assert dash["Overdue share of receivables"] == (38.1, "%")  # 800 / 2100 = 38.095
    title = wb["Dashboard"]["A1"].value
    assert "as of 2026-06-30 in EGP" in title and "aging ties to the ledger" in title
    kpis = {r[0]: r[2] for r in wb["KPIs"].iter_rows(values_only=True) if r[1] == "EGP"}
    assert kpis["Opening AR"] == 1500 and kpis["Credit Sales"] == 2400
    top = [r for r in wb["Top Overdue"].iter_rows(values_only=True)]
    assert top[0][:5] == ("Rank", "Customer ID", "Customer", "Currency", "Overdue Amount")
    assert top[1][:5] == (1, "B", "Bahary Oils", "EGP", 800)
    behaviour = {r[0]: r for r in wb["Payment Behaviour"].iter_rows(values_only=True)}
    trend = behaviour["Customer ID"].index("Trend")
    assert behaviour["B"][4:6] == (18, 100) and behaviour["B"][trend] == "Improving"


def test_pack_is_values_only_protected_and_self_contained(tmp_path, book):
    out = tmp_path / "pack.xlsx"
    assert main(["report", str(book), "--as-of", "2026-06-30", "-o", str(out),
                 "--password", "s3cret"]) == 0
    with zipfile.ZipFile(out) as z:
        names = z.namelist()
        drawing_xml = "".join(z.read(n).decode() for n in names
                              if n.startswith("xl/drawings/drawing"))
    assert not any("vbaProject" in n or "externalLink" in n for n in names)
    charts = [n for n in names if re.fullmatch(r"xl/charts/chart\d+\.xml", n)]
    # Dashboard: buckets, DSO trend, top 10, forecast; Aging: buckets; Top Overdue: top 10.
    forecast = _has_forecast()
    assert len(charts) == (6 if forecast else 5)
    assert drawing_xml.count("<c:chart ") + drawing_xml.count(":chart ") >= len(charts)
    wb = openpyxl.load_workbook(out)
    assert wb.security is not None and wb.security.lockStructure
    for ws in wb.worksheets:
        assert ws.protection.sheet, ws.title
        assert ws.protection.password  # hashed
        for row in ws.iter_rows():
            for cell in row:
                assert cell.data_type != "f", (ws.title, cell.coordinate)


def _has_forecast() -> bool:
    try:
        from ar_excel.core.collections.forecast import weekly_forecast  # noqa: F401
    except ImportError:
        return False
    return True


def test_without_o_the_pack_goes_next_to_the_book(tmp_path, book, capsys):
    assert main(["report", str(book), "--as-of", "2026-06-30"]) == 0
    pack = tmp_path / "ar book - Management Pack.xlsx"
    assert pack.exists()
    assert openpyxl.load_workbook(book).sheetnames == ["Customers", "Invoices", "Payments"]
    # Re-running replaces the earlier pack (it is one of ours).
    assert main(["report", str(book), "--as-of", "2026-05-31"]) == 0
    assert "2026-05-31" in openpyxl.load_workbook(pack)["Dashboard"]["A1"].value


def test_never_into_the_book_or_over_another_workbook(tmp_path, book, capsys):
    before = book.read_bytes()
    assert main(["report", str(book), "--as-of", "2026-06-30", "-o", str(book)]) == 1
    assert "never into BOOK" in capsys.readouterr().err
    assert book.read_bytes() == before
    other = tmp_path / "budget.xlsx"
    wb = openpyxl.Workbook()
    wb.active.title = "Budget"
    wb.save(other)
    assert main(["report", str(book), "--as-of", "2026-06-30", "-o", str(other)]) == 1
    assert "is not a management pack" in capsys.readouterr().err
    assert openpyxl.load_workbook(other).sheetnames == ["Budget"]


def test_report_is_not_part_of_the_month_end_run():
    from ar_excel.jobs.report import JOB

    assert JOB.month_end is False and JOB.write is not None


@pytest.mark.skipif(shutil.which("soffice") is None or shutil.which("pdftotext") is None,
                    reason="LibreOffice (soffice) or pdftotext is not installed")
def test_pack_renders_headless_in_libreoffice(tmp_path, pack):
    out, _ = pack
    profile = (tmp_path / "lo-profile").as_uri()
    done = subprocess.run(
        ["soffice", f"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf",
         "--outdir", str(tmp_path / "pdf"), str(out)],
        capture_output=True, text=True, timeout=180)
    pdf = tmp_path / "pdf" / "pack.pdf"
    assert pdf.exists(), done.stderr
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True,
                          text=True, timeout=60).stdout
    for expected in ("Management pack: receivables as of 2026-06-30", "Total receivables",
                     "2,100.00", "26.3", "69.2%", "Aging by bucket (EGP)", "Bahary Oils",
                     "DSO trend", "closing AR / credit sales x days in period",
                     "difference 0.00 (ties)", "Improving"):
        assert expected in text, expected


def test_period_from_option(tmp_path, book):
    out = tmp_path / "pack.xlsx"
    assert main(["report", str(book), "--as-of", "2026-06-30", "--from", "2026-04-01",
                 "-o", str(out)]) == 0
    kpis = {r[0]: r[2] for r in openpyxl.load_workbook(out)["KPIs"].iter_rows(values_only=True)
            if r[1] == "EGP"}
    # 1 Apr .. 30 Jun (91 days): opening 0; sales 800 + 1000 + 2000 + 600 - 200; receipts
    # 300 + 700 + 600 + 500; closing 2100 of which 800 overdue (B's I0; A's CN1 200 offsets
    # no invoice of A's past due, so it lowers A's current AR: 1500 - 200 = 1300).
    assert (kpis["Days in Period"], kpis["Opening AR"], kpis["Credit Sales"]) == (91, 0, 4200)
    assert (kpis["Receipts"], kpis["Closing AR"]) == (2100, 2100)
    assert kpis["DSO"] == 45.5  # 2100 / 4200 x 91
    assert kpis["CEI %"] == 72.41  # (0 + 4200 - 2100) / (0 + 4200 - 1300) = 2100 / 2900
    assert kpis["Collection Rate %"] == 50.0


def test_arabic_pack_labels_every_column_in_arabic(tmp_path, book):
    """An Arabic workbook's pack: the Arabic row above each tab's headers names every column
    in Arabic (a manager reading Arabic sees no English caption left over)."""
    from datetime import date

    from ar_excel.io.labels_ar import LABELS
    from ar_excel.io.pack import write_pack
    from ar_excel.io.reader import read_book
    from ar_excel.jobs import JobOptions
    from ar_excel.jobs.report import run

    result = run(read_book(book), JobOptions(as_of=date(2026, 6, 30)))
    out = write_pack(result.tabs, out=tmp_path / "pack.xlsx", arabic=True)
    wb = openpyxl.load_workbook(out)
    arabic = re.compile("[\u0600-\u06ff]")
    for tab in result.tabs:
        if tab.frame.empty and tab.name == "Input Issues":
            continue
        ws = wb[tab.name]
        row = 2 if tab.title and not tab.as_table else 1  # the dashboard's caption is above
        labels = [c.value for c in ws[row][:len(tab.frame.columns)]]
        headers = [c.value for c in ws[row + 1][:len(tab.frame.columns)]]
        assert headers == [str(c) for c in tab.frame.columns], tab.name
        english = [h for h, lab in zip(headers, labels, strict=True)
                   if not (isinstance(lab, str) and arabic.search(lab))]
        assert english == [], (tab.name, english)
    assert LABELS["How it is computed"] == wb["Dashboard"]["D2"].value


def test_kpis_caption_is_right_of_every_table_not_inside_the_printed_page(pack):
    """The KPIs tab's DSO trend below is wider than the KPI table: its caption goes right of
    both, outside the print area (printed, it is the page header), not over the trend's
    columns where it was cut at the page edge."""
    from openpyxl.utils import column_index_from_string

    out, _ = pack
    ws = openpyxl.load_workbook(out)["KPIs"]
    captions = [c for c in ws[1] if isinstance(c.value, str)
                and c.value.startswith("Collection KPIs for")]
    assert len(captions) == 1
    last_printed = column_index_from_string(
        re.search(r":\$?([A-Z]+)\$?\d+$", ws.print_area).group(1))
    trend_width = max(sum(1 for c in row if c.value is not None)
                      for row in ws.iter_rows(min_row=2))
    assert last_printed >= trend_width > 6
    assert captions[0].column == last_printed + 2
    assert "Collection KPIs for" in ws.oddHeader.center.text


def test_arabic_pack_captions_are_aligned_right(tmp_path, book):
    """Right-to-left tabs: every caption (the dashboard's, the small tables', the one beside
    a table) is aligned right, so printed it stays on the page and off the table (left
    aligned, LibreOffice and Excel run it past the page's right edge)."""
    from datetime import date

    from ar_excel.io.pack import write_pack
    from ar_excel.io.reader import read_book
    from ar_excel.io.writer import TITLE_FONT
    from ar_excel.jobs import JobOptions
    from ar_excel.jobs.report import run

    result = run(read_book(book), JobOptions(as_of=date(2026, 6, 30)))
    for arabic, expected in ((True, "right"), (False, None)):
        out = write_pack(result.tabs, out=tmp_path / f"pack{arabic}.xlsx", arabic=arabic)
        wb = openpyxl.load_workbook(out)
        captions = [(ws.title, c.coordinate, c.alignment.horizontal) for ws in wb
                    for row in ws.iter_rows() for c in row
                    if c.value is not None and c.font.b and c.font.sz == TITLE_FONT.sz]
        assert {"Dashboard", "KPIs", "Aging"} <= {t for t, _, _ in captions}
        assert len(captions) >= 8
        assert [c for c in captions if c[2] != expected] == [], arabic


def test_a_period_starting_after_the_as_of_date_is_a_usage_error(tmp_path, capsys):
    # it was taken silently as the month to the as-of date
    book = tmp_path / "book.xlsx"
    write_book(book, *kpi_book())
    assert main(["report", str(book), "--as-of", "2026-11-30", "--from", "2027-01-01",
                 "-o", str(tmp_path / "pack.xlsx")]) == 2
    assert capsys.readouterr().err == ("ar-excel: --from 2027-01-01 is after the as-of date "
                                       "2026-11-30: the period must start on or before it\n")
    assert not (tmp_path / "pack.xlsx").exists()
