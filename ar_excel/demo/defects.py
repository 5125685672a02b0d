"""The defects the demo plants, one row each, so a test can check a job finds exactly them."""

from __future__ import annotations

DEFECT_COLUMNS = ["Sheet", "Key", "Field", "Code", "Note"]


def defect(sheet: str, key: str, field: str, code: str, note: str = "") -> dict[str, str]:
    return {"Sheet": sheet, "Key": key, "Field": field, "Code": code, "Note": note}
