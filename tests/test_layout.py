"""The library's layers (README, Layout): each package imports only from the layers below it,
and no two modules import each other, directly or through others, at import time."""
import ast
import pathlib

import pytest

PKG = pathlib.Path(__file__).resolve().parent.parent / "python" / "plraster"

# Layer of each package, lowest first; a package may import its own layer and those below.
LAYERS = {
    "core": 0,
    "tiff": 1, "storage": 1,
    "outdb": 2,
    "functions": 3,
    "catalog": 4, "register": 4,
    "load": 5, "migrate": 5,
    "sqlapi": 6,
}
# Imports made inside a function on purpose, to run code of a higher layer only when it is
# needed: core reads an out-db band's pixels through the out-db engine.
LAZY_UPWARD = {("core.bands", "outdb")}


def _modules():
    for path in sorted(PKG.rglob("*.py")):
        rel = path.relative_to(PKG).with_suffix("")
        parts = rel.parts[:-1] if rel.name == "__init__" else rel.parts
        yield ".".join(parts), path, rel.name == "__init__"


def _imports(name, path, is_package, top_level_only):
    """(imported plraster module, line) pairs of one module."""
    tree = ast.parse(path.read_text())
    package = name if is_package else name.rpartition(".")[0]
    nodes = tree.body if top_level_only else list(ast.walk(tree))
    found = []
    for node in nodes:
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".") if package else []
                base = base[:len(base) - (node.level - 1)] if node.level > 1 else base
                mod = ".".join(base + ([node.module] if node.module else []))
            elif node.module and node.module.startswith("plraster"):
                mod = node.module[len("plraster."):] if node.module != "plraster" else ""
            else:
                continue
            targets = [mod] if mod else []
            for alias in node.names:
                targets.append((mod + "." if mod else "") + alias.name)
            found += [(t, node.lineno) for t in targets]
        elif isinstance(node, ast.Import):
            found += [(a.name[len("plraster."):], node.lineno) for a in node.names
                      if a.name.startswith("plraster.")]
    known = {m for m, _, _ in _modules()}
    return [(t, line) for t, line in found if t in known and t and t != name]


def test_each_package_imports_only_its_layer_and_below():
    wrong = []
    for name, path, is_package in _modules():
        own = name.split(".")[0]
        if own not in LAYERS:
            continue
        for target, line in _imports(name, path, is_package, top_level_only=False):
            other = target.split(".")[0]
            if other in LAYERS and LAYERS[other] > LAYERS[own] \
                    and (name, other) not in LAZY_UPWARD:
                wrong.append("%s:%d imports %s" % (path.relative_to(PKG), line, target))
    assert not wrong, "\n".join(wrong)


def test_every_module_belongs_to_a_layer():
    loose = [name for name, _, _ in _modules() if name and name.split(".")[0] not in LAYERS]
    assert not loose, "modules outside the layers: %s" % loose


def test_no_import_cycles():
    graph = {name: {t for t, _ in _imports(name, path, is_package, top_level_only=True)}
             for name, path, is_package in _modules()}
    cycles = []

    def visit(node, stack, seen):
        for nxt in sorted(graph.get(node, ())):
            if nxt in stack:
                cycles.append(" -> ".join(stack[stack.index(nxt):] + [nxt]))
            elif nxt not in seen:
                seen.add(nxt)
                visit(nxt, stack + [nxt], seen)

    for start in graph:
        visit(start, [start], {start})
    # A package importing its own submodules (its __init__ re-exports) is not a cycle of
    # behaviour unless a submodule imports the package back at import time.
    real = [c for c in cycles if not _package_reexport(c)]
    assert not real, "\n".join(sorted(set(real))[:20])


def _package_reexport(cycle):
    nodes = cycle.split(" -> ")
    return any(b.startswith(a + ".") or a.startswith(b + ".") for a, b in zip(nodes, nodes[1:]))


@pytest.mark.parametrize("family", ["accessors", "constructors", "editors", "pixels", "stats",
                                    "union", "tiling"])
def test_families_live_in_functions(family):
    assert (PKG / "functions" / (family + ".py")).exists()
