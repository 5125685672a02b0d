"""Demo data: a realistic AR ledger (``ledger``), written as messy workbooks people keep
(``workbook``), built into ``workbooks/`` by ``python -m ar_excel.demo.build``."""
