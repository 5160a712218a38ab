"""Write a demo dataset as a folder of contract CSV files, in the contract's export form.

The rows are typed values keyed by contract column; the exporter's formatting and
writing make the files, so the demo's CSV is byte for byte what `export` writes back.
"""

from collections.abc import Mapping
from pathlib import Path

from clustermonitor.datasets import contract
from clustermonitor.datasets.exporter import cell_text, write_csv

Row = Mapping[str, object]
Dataset = dict[str, list[Row]]

COLUMNS: dict[str, tuple[str, ...]] = {spec.name: spec.column_names for spec in contract.FILES}


def write_dataset(dataset: Dataset, folder: Path) -> list[Path]:
    """Write every contract file (header only when empty) into `folder`; returns the paths."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for spec in contract.FILES:
        rows = (
            [cell_text(column, row.get(column.name)) for column in spec.columns]
            for row in dataset.get(spec.name, [])
        )
        path = folder / spec.name
        write_csv(path, spec, rows)
        paths.append(path)
    return paths
