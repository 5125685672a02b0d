"""ar_excel: accounts receivable from Excel workbooks.

The functional core (``ar_excel.core``) works on pandas DataFrames and never touches files;
``ar_excel.io`` reads and writes workbooks; ``ar_excel.jobs`` ties the two together for the
``ar-excel`` command and the Excel buttons.
"""

__version__ = "0.1.0"
