"""Fixtures of the budget tests: the world of `scenario.py`."""

import pytest

from .scenario import World, make_world


@pytest.fixture
def world(db: None) -> World:
    return make_world()
