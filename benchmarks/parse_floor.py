"""The floor of an import that checks every value in Python: read each contract file of a
dataset and parse each of its cells by its column's rules, with no database at all.

`python -m benchmarks.parse_floor FOLDER` prints the seconds it took (CPU of this process
after start-up). The import does this and more (row rules, references, keys, the writes,
the ledger replay); the ratio of the import to this floor says how much of it is Python
per value that any validating importer would pay, and how much is ours.
"""

import os
import sys
import time
from pathlib import Path

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "clustermonitor.settings")


def main() -> None:
    import django

    django.setup()
    from clustermonitor.datasets import contract
    from clustermonitor.datasets.readers import Dataset
    from clustermonitor.datasets.values import PARSERS

    dataset = Dataset(Path(sys.argv[1]))
    start = time.process_time()
    cells = 0
    for spec in contract.FILES:
        source = dataset.open(spec)
        if source is None:
            continue
        index = {name: i for i, name in enumerate(source.header)}
        plan = [(index[c.name], PARSERS[c.kind]) for c in spec.columns if c.name in index]
        for _line, record in source.records():
            for position, parser in plan:
                text = record[position]
                if text:
                    parser(text)
                    cells += 1
    print(time.process_time() - start, cells)


if __name__ == "__main__":
    main()
