"""Shared test helpers: where the shared fixtures live, and a LibreOffice runner."""

from __future__ import annotations

import atexit
import functools
import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
BANK_FIXTURES = SHARED / "fixtures" / "bank"


@pytest.fixture
def bank_fixtures() -> Path:
    if not BANK_FIXTURES.is_dir():
        pytest.skip(f"shared bank fixtures not found at {BANK_FIXTURES} (../shared is absent)")
    return BANK_FIXTURES


@functools.cache
def _lo_profile() -> Path:
    """One LibreOffice user profile per test process, made by its first conversion and reused
    (a fresh profile costs each start ~0.3 s); per process, so parallel workers never share
    one, and conversions within a process run one at a time."""
    profile = tempfile.mkdtemp(prefix="ar_excel_lo_profile_")
    atexit.register(shutil.rmtree, profile, ignore_errors=True)
    return Path(profile)


def soffice_convert(path: Path, fmt: str, outdir: Path, *, sheet: str | None = None) -> Path:
    """Convert a file with headless LibreOffice; skip the test where LibreOffice is absent."""
    exe = shutil.which("soffice") or shutil.which("libreoffice")
    if exe is None:
        pytest.skip("LibreOffice (soffice) is not installed")
    profile = _lo_profile()
    target = fmt
    if sheet is not None and fmt == "csv":
        # 44,34,76,1,,0,false,true,false,false,false,N: UTF-8 CSV of the N-th sheet
        target = f'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,{sheet}'
    cmd = [exe, f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", target,
           "--outdir", str(outdir), str(path)]
    subprocess.run(cmd, check=True, capture_output=True, timeout=180)
    stem = path.stem
    found = sorted(outdir.glob(f"{stem}*.{fmt.split(':')[0]}"))
    assert found, f"LibreOffice produced no {fmt} for {path.name}"
    return found[0]
