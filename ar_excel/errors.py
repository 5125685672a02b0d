"""The exceptions ar_excel raises at its edges. Problems in rows are data (``Issue``), not these."""


class ArExcelError(Exception):
    """Base of ar_excel's own errors; the message is meant for the user as it is."""


class InputError(ArExcelError):
    """The input could not be processed at all (missing sheet, unreadable file): exit 1."""


class UnsafeWriteError(ArExcelError):
    """Writing into the source workbook would lose something: use ``-o``."""


class UsageError(ArExcelError):
    """Bad command-line usage: exit 2."""
