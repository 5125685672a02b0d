"""ZATCA's simplified (B2C) invoice typed in the Invoice Type column as a POS or a clerk types
it: 'Simplified', 'مبسطة', beside the full names. Each is the simplified invoice it is: its
amount read as an invoice, no 'no document type' Input Issue."""

from tests.test_reader_tax_portal_exports import _aging


def test_a_plain_simplified_type_is_a_simplified_invoice(tmp_path):
    customers = [["Customer ID", "Customer Name", "VAT Number", "Currency", "Payment Terms"],
                 ["S-3", "Riyadh Corner Store", "312222222200003", "SAR", 30]]
    invoices = [["Invoice Number", "Invoice Type", "Issue Date", "Customer ID",
                 "Total Including VAT"],
                ["SS-1", "Simplified", "2026-10-05", "S-3", 1150],
                ["SS-2", "Simplified Tax Invoice", "2026-10-06", "S-3", 230],
                ["SS-3", "فاتورة ضريبية مبسطة", "2026-10-07", "S-3", 100],
                ["SS-4", "مبسطة", "2026-10-08", "S-3", 46],
                ["SS-5", "Simplified Credit Note", "2026-10-09", "S-3", 115]]
    totals, detail, issues = _aging(tmp_path, {"Customers": customers, "Invoices": invoices})
    assert totals["S-3"] == 1411  # 1,150 + 230 + 100 + 46 - 115
    assert detail["SS-1"] == ("2026-10-05", 1150)
    assert detail["SS-4"] == ("2026-10-08", 46)
    assert detail["SS-5"] == ("2026-10-09", -115)
    assert issues == []
