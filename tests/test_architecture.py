"""The layers of clustermonitor and the directions imports may take (docs/architecture.md).

An app imports only from the layers below its own; apps in one layer do not import each
other (except the pairs allowed below, each with its reason); and no module imports
another of ours inside a function to get around that (Django's `AppConfig.ready`, which
runs once the models are loaded, aside). A new top-level module must be placed in a layer.
"""

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest

import clustermonitor

ROOT = Path(clustermonitor.__file__).parent

# Top to bottom. A name is an app (package) or a top-level module of clustermonitor.
LAYERS: list[set[str]] = [
    {"web", "api", "urls", "wsgi", "settings", "__main__", "dbcheck"},  # the doors
    {"demo"},  # builds a demo database through the importer
    {"datasets", "questions"},  # import/export/check; written questions answered from reports
    {"reports"},  # every figure, computed in one place
    {"budget", "kpis"},  # budgets, allocations, the ledger; KPI targets and results
    {"projects"},  # project applications and decisions
    {"clusters"},  # clusters and the data revision every writer bumps
    # shared kernel: errors, money, facts, years, parameters, audit; access rules; the secret key
    {"kernel", "cli", "access", "secret"},
    {"domain"},  # pure rules: no Django, no database
]
# Imports within one layer that are allowed, with the reason.
SIDEWAYS: dict[tuple[str, str], str] = {}
# Function-level imports of our own modules that are not `AppConfig.ready`, with the reason.
FUNCTION_LEVEL: dict[tuple[str, str], str] = {}


def rank(name: str) -> int:
    for index, layer in enumerate(LAYERS):
        if name in layer:
            return index
    raise AssertionError(f"clustermonitor.{name} is in no layer: place it in LAYERS (and the docs)")


def module_name(path: Path) -> str:
    return ".".join(("clustermonitor", *path.relative_to(ROOT).with_suffix("").parts))


def sources() -> Iterator[Path]:
    for path in sorted(ROOT.rglob("*.py")):
        if "migrations" not in path.parts:
            yield path


def imports(tree: ast.AST) -> Iterator[tuple[ast.stmt, str, bool]]:
    """(statement, module imported, inside a function other than `ready` or under `if
    TYPE_CHECKING`) for our own modules."""

    def walk(node: ast.AST, in_function: bool) -> Iterator[tuple[ast.stmt, str, bool]]:
        for child in ast.iter_child_nodes(node):
            inside = in_function
            if isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef):
                inside = child.name != "ready"
            if isinstance(child, ast.If) and "TYPE_CHECKING" in ast.unparse(child.test):
                inside = True  # a type-only import dodges a cycle as well as a function-level one
            if isinstance(child, ast.ImportFrom) and child.module and child.level == 0:
                names = [child.module] + [f"{child.module}.{a.name}" for a in child.names]
                for name in names[:1] if child.module != "clustermonitor" else names[1:]:
                    if name.startswith("clustermonitor."):
                        yield child, name, inside
            elif isinstance(child, ast.Import):
                for alias in child.names:
                    if alias.name.startswith("clustermonitor."):
                        yield child, alias.name, inside
            yield from walk(child, inside)

    yield from walk(tree, False)


def edges() -> Iterator[tuple[str, int, str, str, str, bool]]:
    """(file, line, importing app, imported app, imported module, function-level)."""
    for path in sources():
        source_app = path.relative_to(ROOT).with_suffix("").parts[0]
        tree = ast.parse(path.read_text(), str(path))
        for node, name, in_function in imports(tree):
            yield str(path.relative_to(ROOT)), node.lineno, source_app, name.split(".")[1], name, in_function


def goes_up_or_sideways(source: str, target: str) -> bool:
    if source == target or (source, target) in SIDEWAYS:
        return False
    return rank(source) >= rank(target)


def test_every_import_goes_down_the_layers() -> None:
    wrong = [
        f"{file}:{line}: {source} may not import {name} (the layer of {target} is not below)"
        for file, line, source, target, name, _ in edges()
        if goes_up_or_sideways(source, target)
    ]
    assert not wrong, "\n".join(wrong)


def test_the_import_and_the_data_check_read_no_report_selectors() -> None:
    """The data's own rules read the owning apps' selectors (budget, projects), not the
    reports' (issue 10): a report's change must not change what an import accepts."""
    wrong = []
    for path in sources():
        if path.relative_to(ROOT).parts[0] != "datasets":
            continue
        for node in ast.walk(ast.parse(path.read_text(), str(path))):
            if isinstance(node, ast.ImportFrom) and node.module:
                names = {node.module, *(f"{node.module}.{a.name}" for a in node.names)}
                if "clustermonitor.reports.selectors" in names:
                    wrong.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    assert wrong == []


def test_no_function_level_import_dodges_a_cycle() -> None:
    found = [
        f"{file}:{line}: imports {name} inside a function (or under TYPE_CHECKING)"
        for file, line, source, _target, name, in_function in edges()
        if in_function and (file, name) not in FUNCTION_LEVEL
    ]
    assert not found, "\n".join(found)


@pytest.mark.parametrize(
    ("source", "target", "refused"),
    [
        ("budget", "clusters", False),
        ("questions", "reports", False),
        ("clusters", "budget", True),  # the old budget <-> clusters cycle
        ("projects", "budget", True),  # the old budget <-> projects cycle
        ("reports", "questions", True),
        ("kpis", "budget", True),  # one layer: siblings stay apart
        ("domain", "kernel", True),
    ],
)
def test_the_check_refuses_upward_and_sideways_imports(source: str, target: str, refused: bool) -> None:
    assert goes_up_or_sideways(source, target) is refused


def test_the_check_finds_a_function_level_import_but_not_in_ready() -> None:
    code = (
        "from clustermonitor.domain import rules\n"
        "def f():\n    from clustermonitor.budget import services\n"
        "class C:\n    def ready(self):\n        from clustermonitor.clusters import dependents\n"
    )
    found = [(name, inside) for _node, name, inside in imports(ast.parse(code))]

    assert found == [
        ("clustermonitor.domain", False),
        ("clustermonitor.budget", True),
        ("clustermonitor.clusters", False),
    ]


def test_an_unplaced_app_is_refused() -> None:
    with pytest.raises(AssertionError, match="in no layer"):
        rank("newapp")
