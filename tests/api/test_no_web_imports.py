"""The API and the access rules stand beside the web app: neither imports `web`."""

import ast
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[2] / "src/clustermonitor"


def imported_modules(path: Path) -> set[str]:
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            found |= {node.module} | {f"{node.module}.{alias.name}" for alias in node.names}
    return found


@pytest.mark.parametrize("package", ["api", "access"])
def test_no_module_imports_the_web_app(package: str) -> None:
    offenders = {
        str(path.relative_to(SRC)): sorted(
            m for m in imported_modules(path) if m.startswith("clustermonitor.web")
        )
        for path in (SRC / package).rglob("*.py")
    }
    assert {path: names for path, names in offenders.items() if names} == {}
