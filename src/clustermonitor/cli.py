"""Small helpers shared by the management commands."""

import argparse
from datetime import date

from clustermonitor.domain import dates


def parse_date(text: str) -> date:
    """argparse type for YYYY-MM-DD dates, with a message that names the expected form."""
    try:
        return dates.parse_date(text)
    except dates.BadDate as error:
        raise argparse.ArgumentTypeError(str(error)) from None
