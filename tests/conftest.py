"""Shared fixtures: the worked example dataset and small contract datasets; the figures
cache off (tests build data with factories, which do not go through the services that
change the data revision) except where a test asks for it with `figures_cache`."""

from collections.abc import Iterator
from pathlib import Path

import pytest
from django.conf import LazySettings
from django.core.cache import caches

FIXTURES = Path(__file__).parent / "fixtures"
EXAMPLE = FIXTURES / "flanders-small"
LOCMEM = "django.core.cache.backends.locmem.LocMemCache"
DUMMY = "django.core.cache.backends.dummy.DummyCache"


@pytest.fixture
def example_dir() -> Path:
    return EXAMPLE


def _figures_backend(settings: LazySettings, backend: str) -> None:
    settings.CACHES = {**settings.CACHES, "figures": {"BACKEND": backend, "LOCATION": "figures-test"}}


@pytest.fixture(autouse=True)
def _no_figures_cache(settings: LazySettings) -> None:
    _figures_backend(settings, DUMMY)


@pytest.fixture
def figures_cache(settings: LazySettings) -> Iterator[None]:
    """The production cache of figures (per process, under the data revision), emptied."""
    _figures_backend(settings, LOCMEM)
    caches["figures"].clear()
    yield
    caches["figures"].clear()
