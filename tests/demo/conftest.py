"""The demo dataset, generated once per session, and loaded into the test database per test."""

from pathlib import Path

import pytest

from clustermonitor.datasets.services import ImportSummary, dataset_import
from clustermonitor.demo.generator import DEFAULT_SEED, generate
from clustermonitor.demo.writer import Dataset, write_dataset


@pytest.fixture(scope="session")
def demo_dataset() -> Dataset:
    return generate(DEFAULT_SEED)


@pytest.fixture(scope="session")
def demo_dir(tmp_path_factory: pytest.TempPathFactory, demo_dataset: Dataset) -> Path:
    folder = tmp_path_factory.mktemp("demo")
    write_dataset(demo_dataset, folder)
    return folder


@pytest.fixture
def demo_db(db: None, demo_dir: Path) -> ImportSummary:
    """The demo imported through the product's importer into the (empty) test database."""
    return dataset_import(demo_dir, replace=True)
