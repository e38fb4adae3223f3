"""The shape of the code: which app may import which.

- ``home`` is the foundation: it imports no feature app. Feature apps plug into it
  (publication steps, home page sections, demo loaders, roles) and into search
  (kinds, the directory) through registries filled in ``AppConfig.ready()``.
- No import cycle between apps, at module level or inside functions.
- A function-level import of project code (outside ``AppConfig.ready()``) carries a
  comment saying why, on its line or the line above.

Read from the source with ``ast``: nothing is imported, so a cycle cannot hide behind
import order.
"""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
# Longest first: "merchants.portal" before "merchants".
APPS = sorted(
    [
        "home",
        "news",
        "merchants",
        "merchants.portal",
        "merchants.collect",
        "search",
        "events",
        "offers",
    ],
    key=len,
    reverse=True,
)
FOUNDATION = "home"
# The project package (settings, urls, middleware) composes everything; apps import
# only its settings helpers.
PROJECT = "site_cms"
SKIPPED_PARTS = {".venv", "tests", "bench", ".ci", "var", "migrations", "node_modules"}


def app_of(module):
    for app in APPS:
        if module == app or module.startswith(app + "."):
            return app
    return None


def project_modules():
    for path in ROOT.rglob("*.py"):
        relative = path.relative_to(ROOT)
        if SKIPPED_PARTS & set(relative.parts):
            continue
        module = ".".join(relative.with_suffix("").parts).removesuffix(".__init__")
        if app_of(module) or module.startswith(PROJECT):
            yield module, path


def imported_modules(node, module):
    if isinstance(node, ast.Import):
        return [alias.name for alias in node.names]
    if node.level:  # relative import: resolve against the importing package
        package = module.split(".")
        base = package[: len(package) - node.level]
        return [".".join([*base, node.module] if node.module else base)]
    return [node.module or ""]


def collect_imports():
    """``[(module, imported module, line, inside a function other than ready())]``."""
    found = []
    for module, path in project_modules():
        source = path.read_text()
        tree = ast.parse(source)
        inside = set()
        for node in ast.walk(tree):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef) and node.name != "ready":
                for child in ast.walk(node):
                    if isinstance(child, ast.Import | ast.ImportFrom):
                        inside.add(id(child))
        for node in ast.walk(tree):
            if isinstance(node, ast.Import | ast.ImportFrom):
                for target in imported_modules(node, module):
                    found.append((module, target, node.lineno, id(node) in inside, path))
    return found


IMPORTS = collect_imports()


def app_graph():
    graph = {}
    for module, target, _line, _inside, _path in IMPORTS:
        source, destination = app_of(module), app_of(target)
        if source and destination and source != destination:
            graph.setdefault(source, set()).add(destination)
    return graph


def test_the_foundation_imports_no_feature_app():
    offending = [
        f"{module} imports {target} (line {line})"
        for module, target, line, _inside, _path in IMPORTS
        if app_of(module) == FOUNDATION and app_of(target) not in (None, FOUNDATION)
    ]
    assert offending == []


# Helpers the settings use, which apps may use too: they import no app.
SETTINGS_HELPERS = {"site_cms.env", "site_cms.logs", "site_cms.security"}


def test_apps_import_the_project_package_only_for_its_settings_helpers():
    offending = [
        f"{module} imports {target} (line {line})"
        for module, target, line, _inside, _path in IMPORTS
        if app_of(module) and target.startswith(PROJECT + ".") and target not in SETTINGS_HELPERS
    ]
    assert offending == []
    leaves = [
        f"{module} imports {target}"
        for module, target, _line, _inside, _path in IMPORTS
        if module in SETTINGS_HELPERS and (app_of(target) or target.startswith(PROJECT + "."))
    ]
    assert leaves == []


def find_cycle(graph):
    """One cycle of ``graph`` as a list of nodes, or None."""
    visiting, done = [], set()

    def visit(node):
        if node in visiting:
            return [*visiting[visiting.index(node) :], node]
        if node in done:
            return None
        visiting.append(node)
        for successor in sorted(graph.get(node, ())):
            cycle = visit(successor)
            if cycle:
                return cycle
        visiting.pop()
        done.add(node)
        return None

    for node in sorted(graph):
        cycle = visit(node)
        if cycle:
            return cycle
    return None


def test_no_import_cycle_between_apps():
    assert find_cycle(app_graph()) is None


def test_the_cycle_check_finds_a_cycle():
    assert find_cycle({"news": {"home"}, "home": {"news"}}) == ["home", "news", "home"]
    assert find_cycle({"a": {"b"}, "b": {"c"}}) is None


FUNCTION_LEVEL = [
    entry for entry in IMPORTS if entry[3] and (app_of(entry[1]) or entry[1].startswith(PROJECT))
]


@pytest.mark.parametrize("entry", FUNCTION_LEVEL, ids=lambda entry: f"{entry[0]}:{entry[2]}")
def test_function_level_imports_of_project_code_say_why(entry):
    module, target, line, _inside, path = entry
    lines = path.read_text().splitlines()
    here, above = lines[line - 1], lines[line - 2] if line > 1 else ""
    assert "#" in here or above.strip().startswith("#"), (
        f"{module} line {line} imports {target} inside a function without a comment "
        "saying why (import at module level, or explain the exception)"
    )


def test_url_patterns_take_ids_through_the_range_checked_converter():
    # Django's <int:…> hands any number of digits to the database (10**30 is an
    # OverflowError on SQLite, a 500); <id:…> (home.params.IdConverter) is a 404.
    found = [
        f"{path.relative_to(ROOT)}"
        for path in ROOT.rglob("*urls.py")
        if not SKIPPED_PARTS & set(path.relative_to(ROOT).parts) and "<int:" in path.read_text()
    ]
    assert found == []
