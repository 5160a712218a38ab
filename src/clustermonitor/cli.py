"""Small helpers shared by the management commands."""

import argparse
from datetime import date


def parse_date(text: str) -> date:
    """argparse type for YYYY-MM-DD dates, with a message that names the expected form."""
    try:
        return date.fromisoformat(text) if len(text) == 10 else date.fromisoformat("bad")
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date YYYY-MM-DD") from None
