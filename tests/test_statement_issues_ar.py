"""The Arabic wording of the statement issues helper-165 added (a missing page between pages
that tie out, an OFX transaction in two overlapping downloads, a report's entry booked again
in the day's statement): an Arabic workbook said them in English."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

from ar_excel.bank import read_statement_file
from ar_excel.io.wording_ar import arabic_job_issue
from tests.test_h165_structured_statements import _camt, _entry, _ofx_statement, _pages, _write


def _only_issue(path: Path) -> str:
    [issue] = read_statement_file(path).issues
    return issue.message


def test_a_page_missing_between_pages_in_arabic(tmp_path: Path) -> None:
    path = _write(tmp_path, "pages.sta", _pages(["00215/00001", "00215/00003"],
                                                [("1000,00", "1500,00"), ("2700,00", "3000,00")]))
    assert arabic_job_issue(_only_issue(path)) == (
        "كشف الحساب 00215/00003 يبدأ برصيد 2,700.00، لكن الكشف 00215/00001 قبله (الحساب "
        "AE070260001015123456701) انتهى برصيد 1,500.00 (الفرق 1,200.00)؛ قد يكون كشف أو صفحة "
        "بينهما ناقصاً من الملف")


def test_a_transaction_in_two_overlapping_downloads_in_arabic(tmp_path: Path) -> None:
    first = _ofx_statement([("20261102", "1000.00", "F1", "AL NOOR TRADING"),
                            ("20261103", "2500.00", "F2", "DESERT ROSE CONTRACTING")], "3500.00")
    second = _ofx_statement([("20261103", "2500.00", "F2", "DESERT ROSE CONTRACTING"),
                             ("20261104", "700.00", "F3", "AL NOOR TRADING")], "4200.00")
    head = "OFXHEADER:100\nDATA:OFXSGML\nVERSION:102\n\n<OFX><BANKMSGSRSV1>"
    path = _write(tmp_path, "two.ofx", head + first + second + "</BANKMSGSRSV1></OFX>\n",
                  newline="\n")
    assert arabic_job_issue(_only_issue(path)) == (
        "كشف الحساب AE070331234567890123456 #2: الحركة F2 (2,500.00 بتاريخ 2026-11-03) موجودة "
        "أيضاً في كشف الحساب AE070331234567890123456 #1 للحساب نفسه (فترتاهما متداخلتان): "
        "قُرئت مرة واحدة حتى لا تُحتسب مرتين")


def test_a_report_entry_booked_again_in_the_statement_in_arabic(tmp_path: Path) -> None:
    statement = _camt(_entry("350.00", "CRDT", "E1") + _entry("100.00", "CRDT", "E2"),
                      opening="1000.00", closing="1450.00")
    report = (statement.replace("camt.053.001.02", "camt.052.001.02")
              .replace("BkToCstmrStmt", "BkToCstmrAcctRpt").replace("<Stmt>", "<Rpt>")
              .replace("</Stmt>", "</Rpt>").replace("<Id>S1</Id>", "<Id>R1</Id>")
              .replace(_entry("100.00", "CRDT", "E2"), ""))
    report = re.sub(r"<Bal><Tp><CdOrPrtry><Cd>CLBD.*?</Bal>", "", report, flags=re.S)
    path = tmp_path / "EBICS.zip"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("C52.xml", report)
        archive.writestr("C53.xml", statement)
    assert arabic_job_issue(_only_issue(path)) == (
        "التقرير R1: الحركة E1 بمبلغ 350.00 SAR مقيدة مرة أخرى في كشف الحساب نفسه في الملف "
        "(camt.053)؛ قُرئت من الكشف وحده حتى لا تُحتسب مرتين")
    mt942 = ("report MT942-001 00307/00001: line QA26307-1 of 12,500.00 QAR is booked again in "
             "a statement of the same account in the file (MT940): read from the statement "
             "only, so it is not counted twice")
    assert arabic_job_issue(mt942) == (
        "التقرير MT942-001 00307/00001: الحركة QA26307-1 بمبلغ 12,500.00 QAR مقيدة مرة أخرى "
        "في كشف الحساب نفسه في الملف (MT940)؛ قُرئت من الكشف وحده حتى لا تُحتسب مرتين")
