"""Refusals of the budget services, each a `WriteRefused` (see `kernel.errors`)."""

from clustermonitor.kernel.errors import WriteRefused


class BookingRefused(WriteRefused):
    """A ledger entry was refused: a row rule, a closed year or a balance rule."""


class AllocationRefused(WriteRefused):
    """An allocation (verdeling) was refused."""


class BudgetRefused(WriteRefused):
    """A budget amount was refused."""


class YearCloseRefused(WriteRefused):
    """Closing a budget year was refused."""
