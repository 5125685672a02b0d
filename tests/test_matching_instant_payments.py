"""Statement lines of Egypt's and the Gulf's instant-payment rails and wallets (2025-2026), as
the banks print them: InstaPay / IPN (تحويل لحظي), UAE AANI / IPP and UAEFTS, Saudi SARIE
instant (IPS, سريع), Qatar Fawran, Kuwait WAMD, Bahrain Fawri+, Oman mobile payments; and what
is no customer's payment: card and wallet settlements of many buyers (Fawry, Meeza, ValU,
Apple Pay, Network International, mada, NAPS, KNET, OmanNet), WPS and Mudad payroll returned,
an instant transfer of ours sent back. A customer naming its invoice is Matched; a payer only
guessed (an InstaPay address, a mobile number) is Suggested at most; the rest is never
Matched."""

from __future__ import annotations

import csv
from pathlib import Path

import openpyxl
import pandas as pd
import python_calamine as pc

from ar_excel.cli import main
from tests._workbooks import save_workbook


def _reconcile(tmp_path: Path, customers: list[tuple], invoices: list[tuple],
               lines: list[tuple], currency: str) -> dict[str, list[tuple]]:
    """Each bank line's rows: (Status, Invoice No, Applied Amount, Method, Confidence) in
    Bank Matches, or ('Unmatched', Reason) in Unmatched Bank. ``customers``: (ID, name,
    phone, IBAN); ``invoices``: (number, customer, amount)."""
    tmp_path = tmp_path / currency
    tmp_path.mkdir()
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    day = pd.Timestamp("2026-10-05").to_pydatetime()
    for name, rows in {
        "Customers": [["Customer ID", "Name", "Currency", "Phone", "IBAN"],
                      *[[k, n, currency, phone, iban] for k, n, phone, iban in customers]],
        "Invoices": [["Invoice No", "Customer ID", "Invoice Date", "Amount"],
                     *[[n, c, day, a] for n, c, a in invoices]],
        "Payments": [["Payment ID", "Customer ID", "Date", "Amount", "Invoice No"]],
    }.items():
        ws = wb.create_sheet(name)
        for row in rows:
            ws.append(row)
    book = tmp_path / "book.xlsx"
    save_workbook(wb, book)
    statement = tmp_path / "s.csv"
    with statement.open("w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(["Bank Ref", "Date", "Description", "Amount", "Currency"])
        for ref, text, amount in lines:
            w.writerow([ref, "2026-11-10", text, amount, currency])
    out = tmp_path / "out.xlsx"
    assert main(["reconcile", str(book), "--bank", str(statement), "-o", str(out)]) == 0
    got: dict[str, list[tuple]] = {}
    wb_out = pc.CalamineWorkbook.from_path(str(out))
    rows = wb_out.get_sheet_by_name("Bank Matches").to_python()
    for r in rows[1:]:
        d = dict(zip(rows[0], r, strict=False))
        got.setdefault(d["Bank Line"], []).append(
            (d["Status"], d["Invoice No"], d["Applied Amount"], d["Method"], d["Confidence"]))
    rows = wb_out.get_sheet_by_name("Unmatched Bank").to_python()
    for r in rows[1:]:
        d = dict(zip(rows[0], r, strict=False))
        if d["Bank Line"]:
            got.setdefault(d["Bank Line"], []).append(("Unmatched", d["Reason"]))
    return got


def test_egypt_instapay_fawry_meeza_valu(tmp_path: Path) -> None:
    got = _reconcile(tmp_path, [
        ("C-E01", "Mohamed Abdelrahman Trading", "01012345678", ""),
        ("C-E02", "شركة النيل للتوريدات", "", ""),
        ("C-E04", "Ahmed Samir Electric", "01123456789", ""),
        ("C-E06", "Hassan Mahmoud Stores", "", ""),
    ], [
        ("INV-2026-0411", "C-E01", 12500.0), ("INV-2026-0412", "C-E02", 8750.0),
        ("INV-2026-0414", "C-E04", 3200.0), ("INV-2026-0416", "C-E01", 4100.0),
        ("INV-2026-0418", "C-E06", 2750.0), ("INV-2026-0419", "C-E02", 9999.0),
    ], [
        ("E01", "IPN TRANSFER FROM MOHAMED ABDELRAHMAN TRADING INV-2026-0411", 12500.0),
        ("E03", "تحويل لحظي من شركة النيل للتوريدات فاتورة 0412", 8750.0),
        ("E04", "INSTAPAY TRF FROM AHMEDSAMIR@INSTAPAY REF 8839201", 3200.0),
        ("E06", "FAWRY SETTLEMENT 10/11/2026 MID 4410023 142 TXNS", 4100.0),
        ("E07", "MEEZA POS SETTLEMENT TID 00123 BATCH 55", 2750.0),
        ("E08", "VALU DISBURSEMENT ORDER 5531", 9999.0),
        ("E11", "INSTAPAY FROM OWN ACCOUNT CIB 100023", 50000.0),
    ], "EGP")
    assert got["E01"] == [("Matched", "INV-2026-0411", 12500.0, "reference", 0.99)]
    assert got["E03"] == [("Matched", "INV-2026-0412", 8750.0, "reference", 0.94)]
    # An InstaPay address is no name on the customer record: the amount suggests, a person
    # confirms.
    assert got["E04"] == [("Suggested", "INV-2026-0414", 3200.0, "amount-only", 0.5)]
    assert got["E06"] == [("Unmatched", "not a customer receipt (card sales)")]
    assert got["E07"] == [("Unmatched", "not a customer receipt (card sales)")]
    assert got["E08"] == [("Unmatched", "not a customer receipt (card sales)")]
    assert got["E11"] == [("Unmatched", "not a customer receipt (own transfer)")]


def test_uae_aani_uaefts_wps_and_card_settlements(tmp_path: Path) -> None:
    got = _reconcile(tmp_path, [
        ("A01", "Al Noor Trading LLC", "", "AE070331234567890123456"),
        ("A02", "Emirates Facility Management LLC", "", ""),
        ("A05", "Star Electronics FZE", "", ""),
        ("A06", "Khalid Saeed Auto Spare Parts", "", ""),
    ], [
        ("SI-26/00981", "A01", 18900.0), ("SI-26/00982", "A02", 7350.0),
        ("SI-26/00983", "A02", 2650.0), ("SI-26/01204", "A05", 2500.0),
        ("SI-26/00990", "A06", 1575.0), ("SI-26/00991", "A01", 4410.0),
    ], [
        ("U01", "AANI IPP CREDIT FROM AL NOOR TRADING LLC REF SI-26/00981", 18900.0),
        ("U03", "UAEFTS INWARD REMITTANCE /BO/EMIRATES FACILITY MGMT LLC/INV 0982 0983",
         10000.0),
        ("U04", "WPS SALARY CREDIT NOV 2026 MOL ESTAB 1234567", 1575.0),
        ("U05", "APPLE PAY SETTLEMENT MID 880011223 11/11/26", 4410.0),
        ("U08", "INWARD AANI FROM STAR ELECTRONICS FZE FOR INV 1204", 2500.0),
        ("U10", "IPP TRF RETURNED ORG REF 26111000123 AL NOOR TRADING", 4410.0),
        ("U12", "CARD SETTLEMENT VISA/MC 142 TRX MERCHANT 4010023", 7350.0),
    ], "AED")
    assert got["U01"] == [("Matched", "SI-26/00981", 18900.0, "reference", 0.99)]
    assert got["U03"] == [("Matched", "SI-26/00982", 7350.0, "multi-invoice", 0.94),
                          ("Matched", "SI-26/00983", 2650.0, "multi-invoice", 0.94)]
    assert got["U08"] == [("Matched", "SI-26/01204", 2500.0, "reference", 0.99)]
    assert got["U04"] == [("Unmatched", "not a customer receipt (refund)")]
    assert got["U05"] == [("Unmatched", "not a customer receipt (card sales)")]
    assert got["U10"] == [("Unmatched", "not a customer receipt (refund)")]
    assert got["U12"] == [("Unmatched", "not a customer receipt (card sales)")]


def test_saudi_qatar_kuwait_bahrain_oman_rails(tmp_path: Path) -> None:
    sa = _reconcile(tmp_path, [
        ("S01", "مؤسسة الفيصل للمقاولات", "0501234567", ""),
        ("S02", "Riyadh Trading Company", "", ""),
        ("S03", "Najd Medical Supplies Co", "", ""),
    ], [
        ("INV-2026-118", "S01", 23000.0), ("INV-2026-119", "S03", 4312.5),
        ("INV-2026-124", "S02", 17250.0), ("INV-2026-125", "S03", 2875.0),
    ], [
        ("S1", "SARIE INSTANT PAYMENT FROM مؤسسة الفيصل للمقاولات INV 2026-118", 23000.0),
        ("S4", "MADA POS SETTLEMENT TID 12345678 10/11/2026", 4312.5),
        ("S5", "SARIE TRANSFER RETURNED INVALID IBAN SA4420000001234567891234", 2875.0),
        ("S7", "حوالة سريع واردة RIYADH TRADING CO فاتورة 124", 17250.0),
        ("S8", "MUDAD PAYROLL RETURN NOV-26", 4312.5),
    ], "SAR")
    assert sa["S1"] == [("Matched", "INV-2026-118", 23000.0, "reference", 0.99)]
    assert sa["S7"] == [("Matched", "INV-2026-124", 17250.0, "reference", 0.94)]
    assert sa["S4"] == [("Unmatched", "not a customer receipt (card sales)")]
    assert sa["S5"] == [("Unmatched", "not a customer receipt (refund)")]
    assert sa["S8"] == [("Unmatched", "not a customer receipt (refund)")]
    qa = _reconcile(tmp_path, [("Q01", "Doha Marine Services WLL", "55123456", "")], [
        ("INV-Q-2207", "Q01", 8400.0), ("INV-Q-2210", "Q01", 2205.0)], [
        ("Q1", "FAWRAN CREDIT FROM DOHA MARINE SERVICES WLL 97455123456 INV-Q-2207", 8400.0),
        ("Q3", "NAPS POS SETTLEMENT 10/11 TID 7788", 2205.0)], "QAR")
    assert qa["Q1"] == [("Matched", "INV-Q-2207", 8400.0, "reference", 0.99)]
    assert qa["Q3"] == [("Unmatched", "not a customer receipt (card sales)")]
    kw = _reconcile(tmp_path, [("K01", "Gulf Star General Trading Co WLL", "", "")], [
        ("3301", "K01", 1250.5), ("3303", "K01", 312.125), ("3304", "K01", 845.75)], [
        ("K1", "WAMD TRANSFER FROM GULF STAR GEN TRAD CO 96599123456 INV 3301", 1250.5),
        ("K4", "KNET SETTLEMENT TERMINAL 00112233", 312.125),
        # (the network's own spelling, K-Net)
        ("K5", "K-NET SETTLEMENT", 845.75)], "KWD")
    assert kw["K1"] == [("Matched", "3301", 1250.5, "reference", 0.99)]
    assert kw["K4"] == [("Unmatched", "not a customer receipt (card sales)")]
    assert kw["K5"] == [("Unmatched", "not a customer receipt (card sales)")]
    bh = _reconcile(tmp_path, [("B01", "Bahrain Pearl Trading WLL", "", "")], [
        ("BP-7781", "B01", 1540.0)], [
        ("B1", "FAWRI+ CREDIT FROM BAHRAIN PEARL TRADING WLL INV BP-7781", 1540.0)], "BHD")
    assert bh["B1"] == [("Matched", "BP-7781", 1540.0, "reference", 0.99)]
    om = _reconcile(tmp_path, [("O01", "Muscat Oasis LLC", "", "")], [
        ("5512", "O01", 1875.25), ("5513", "O01", 640.0)], [
        ("O1", "MOBILE PAYMENT FROM MUSCAT OASIS LLC 96891234567 INV 5512", 1875.25),
        ("O2", "OMANNET POS SETTLEMENT 09/11", 640.0)], "OMR")
    assert om["O1"] == [("Matched", "5512", 1875.25, "reference", 0.99)]
    assert om["O2"] == [("Unmatched", "not a customer receipt (card sales)")]
