"""Billing cycle checks: are the invoices right before they go out?

Lines add up to their invoices, prices and units come from the price list valid on the
invoice date, tax rates are allowed ones, due dates follow the customer's terms, invoices are
neither duplicated nor missing from the numbering, customers are known, in good standing and
billed in their currency, and delivered goods are invoiced on time. Each rule is a small
module; ``checks.CHECKS`` runs them in order; ``report`` builds the exception report.
"""

from ar_excel.core.billing.checks import CHECKS, run_checks
from ar_excel.core.billing.codes import CODES
from ar_excel.core.billing.context import BillingBook, prepare
from ar_excel.core.billing.findings import TAB_COLUMNS
from ar_excel.core.billing.report import exception_report

__all__ = ["CHECKS", "CODES", "TAB_COLUMNS", "BillingBook", "exception_report", "prepare",
           "run_checks"]
