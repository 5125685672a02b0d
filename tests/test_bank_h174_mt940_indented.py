"""An MT940 indented by its portal (every line, as some Egyptian banks' exports) whose Arabic
``:86:`` the bank wrapped at 65 bytes: its lines were not rejoined (the byte-wrap reader saw
tags only at a line's start), the file read as cp1256 (helper-174)."""

from __future__ import annotations

from pathlib import Path

from ar_excel.bank import detect_format, read_statement


def _wrapped_at_65_bytes(text: str) -> list[bytes]:
    data = text.encode("utf-8")
    return [data[i:i + 65] for i in range(0, len(data), 65)]


def test_indented_mt940_wrapped_at_65_bytes_is_rejoined(tmp_path: Path) -> None:
    free = "حوالة واردة من شركة الدلتا للتجارة والتوريدات فاتورة رقم INV-2026-3002 سداد كامل"
    pieces = _wrapped_at_65_bytes(free)
    lines = [b":20:NBE20261112", b":25:EG380003000100000000123450001", b":28C:00045/00001",
             b":60F:C261111EGP1000,00", b":61:2611121112C23380,00NTRFNONREF//NBE1",
             b":86:" + pieces[0], *pieces[1:], b":61:2611131113D500,00NCHGNONREF//NBE2",
             b":86:" + "عمولة".encode(), b":62F:C261113EGP23880,00", b""]
    data = b"\r\n".join(b"   " + line if line else line for line in lines)
    assert detect_format(data) == "mt940"
    path = tmp_path / "nbe.sta"
    path.write_bytes(data)
    st = read_statement(path)
    assert st.lines["Amount"].tolist() == [23380.0, -500.0]
    assert st.lines["Description"].tolist() == [free, "عمولة"]
    assert st.lines["Counterparty"].tolist() == ["شركة الدلتا للتجارة والتوريدات", None]
    assert st.encoding == "utf-8"
    assert st.balances[0].difference == 0.0
    assert st.issues == []
