"""A bank's HTML "Excel" export in a code page says which one in its <meta charset>: read in
it, rather than in the code page the letters seem to fit (a Polish page was read as latin-1,
'Łódź' as '£ódŸ'; a Turkish one as cp1252, 'Şişecam' as 'Þiþecam', without a word)."""

from __future__ import annotations

from pathlib import Path

import pytest

from ar_excel.bank import read_statement
from ar_excel.bank.text import page_charset

_PAGE = ('<html><head>{meta}</head><body><table>'
         '<tr><th>Date</th><th>Description</th><th>Amount</th></tr>'
         '<tr><td>2026-11-03</td><td>{text}</td><td>1500.00</td></tr>'
         '<tr><td>2026-11-04</td><td>BANK FEE</td><td>-5.00</td></tr></table></body></html>')


@pytest.mark.parametrize(("charset", "meta", "text"), [
    ("windows-1250", '<meta http-equiv="Content-Type" content="text/html; '
                     'charset=windows-1250">', "PRZELEW OD Łódź Spółka INV-1001"),
    ("iso-8859-9", '<meta charset="iso-8859-9">', "GELEN HAVALE Şişecam INV-1001"),
    ("windows-1256", "<meta charset='windows-1256'>", "تحويل من شركة النيل فاتورة INV-1001"),
])
def test_a_page_is_read_in_the_code_page_it_declares(tmp_path: Path, charset: str, meta: str,
                                                      text: str) -> None:
    path = tmp_path / "statement.xls"
    path.write_bytes(_PAGE.format(meta=meta, text=text).encode(charset))
    st = read_statement(path)
    assert st.lines["Description"].tolist()[0] == text
    assert st.lines["Amount"].tolist() == [1500.0, -5.0]
    assert not [i for i in st.issues if "UTF-8" in i.message or "garbled" in i.message]


def test_a_stale_declaration_on_a_utf8_page_is_not_followed() -> None:
    page = _PAGE.format(meta='<meta charset="windows-1256">', text="شركة النيل").encode()
    assert page_charset(page) is None  # its bytes are UTF-8: saved again, in UTF-8
    assert page_charset(_PAGE.format(meta='<meta charset="no-such-code">',
                                     text="Łódź").encode("cp1250")) is None
