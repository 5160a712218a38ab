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


def add_message_lang(parser: argparse.ArgumentParser) -> None:
    """`--lang` of the commands that print the data contract's messages (import, check):
    English by default, because the contract quotes them and scripts read them."""
    parser.add_argument(
        "--lang",
        choices=("nl", "en"),
        default="en",
        help=(
            "language of the messages: en (default) prints the data contract's wording, "
            "which scripts read; nl prints them in Dutch"
        ),
    )
