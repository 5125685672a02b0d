"""Shared test helpers: where the shared fixtures live, and a LibreOffice runner."""

from __future__ import annotations

import atexit
import contextlib
import functools
import io
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


@pytest.fixture(scope="session")
def demo_output(tmp_path_factory):
    """``demo_output(command, *args)``: the workbook ``ar-excel command *args -o OUT
    --no-backup`` writes, run once per session for the tests (in several files) that run the
    same command on the committed demo files and only read what it wrote."""
    from ar_excel.cli import main

    made: dict[tuple[str, ...], Path] = {}

    def get(*args: str) -> Path:
        if args not in made:
            out = tmp_path_factory.mktemp("demo_output") / "out.xlsx"
            with contextlib.redirect_stdout(io.StringIO()):
                assert main([*args, "-o", str(out), "--no-backup"]) == 0
            made[args] = out
        return made[args]

    return get


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
