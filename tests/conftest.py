"""Shared fixtures: the worked example dataset and small contract datasets."""

from pathlib import Path

import pytest

FIXTURES = Path(__file__).parent / "fixtures"
EXAMPLE = FIXTURES / "flanders-small"


@pytest.fixture
def example_dir() -> Path:
    return EXAMPLE
