"""The run-time package check (plugin/dependencies.py) names exactly what the plugin's code imports, read from
the code itself; requirements.txt pins exactly that; test, sample and bench packages stay out of both."""
import ast
import os
import re
import sys

from helpers import REPO

from community_risk.plugin.dependencies import REQUIREMENTS

RUNTIME_FOLDERS = ("plugin", "processing")
# Provided by QGIS itself, never checked or pinned (processing: QGIS's own Processing plugin, for its dialogs).
QGIS_PROVIDED = {"qgis", "PyQt5", "sip", "processing"}
# Imported inside processing/ only by a reference used by tests and benchmarks, never by an algorithm:
# module -> (file, the one function allowed to import it).
REFERENCE_ONLY = {"statsmodels": ("processing/analysis/glm.py", "forward_stepwise_reference")}
# Optional engines, checked by their own code when chosen (never by the package check) and pinned in their own
# requirements file: module -> (the only file that imports it, that file).
OPTIONAL = {"pyspark": ("processing/analysis/linkage_engines.py", "requirements-spark.txt")}


def runtime_files():
    yield os.path.join(REPO, "__init__.py")
    for folder in RUNTIME_FOLDERS:
        for root, _, names in os.walk(os.path.join(REPO, folder)):
            yield from (os.path.join(root, name) for name in sorted(names) if name.endswith(".py"))


def third_party_imports(path):
    """(top-level module, the function the import sits in or None) for each absolute import outside the
    standard library."""
    tree = ast.parse(open(path, encoding="utf-8").read(), path)
    found = []

    def visit(node, function):
        for child in ast.iter_child_nodes(node):
            if isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef)):
                visit(child, child.name)
                continue
            modules = []
            if isinstance(child, ast.Import):
                modules = [alias.name for alias in child.names]
            elif isinstance(child, ast.ImportFrom) and child.level == 0:
                modules = [child.module]
            for module in modules:
                top = module.split(".")[0]
                if top not in sys.stdlib_module_names:
                    found.append((top, function))
            visit(child, function)

    visit(tree, None)
    return found


def imports_by_module():
    found = {}
    for path in runtime_files():
        for module, function in third_party_imports(path):
            found.setdefault(module, set()).add((os.path.relpath(path, REPO), function))
    return found


def test_the_package_check_lists_exactly_what_the_plugin_imports():
    imported = set(imports_by_module()) - QGIS_PROVIDED - set(REFERENCE_ONLY) - set(OPTIONAL)
    assert imported == set(REQUIREMENTS), (
        "imported but not checked: {}; checked but never imported: {}".format(
            sorted(imported - set(REQUIREMENTS)), sorted(set(REQUIREMENTS) - imported)))


def test_reference_only_packages_are_imported_only_by_their_reference_function():
    found = imports_by_module()
    for module, place in REFERENCE_ONLY.items():
        assert found.get(module) == {place}, (module, found.get(module))
        assert module not in REQUIREMENTS


def test_optional_engines_are_imported_by_their_engine_only_and_pinned_apart():
    found = imports_by_module()
    for module, (path, requirements) in OPTIONAL.items():
        assert {place[0] for place in found.get(module, ())} == {path}, (module, found.get(module))
        assert module in pinned(requirements) and module not in pinned("requirements.txt")
        assert module not in REQUIREMENTS


def test_no_gdal_bundling_wheel_is_imported_at_run_time():
    """rasterio, fiona and pyogrio wheels each carry a libgdal of their own; geopandas loads pyogrio. Inside
    QGIS only QGIS's GDAL (osgeo) is used."""
    assert not {"rasterio", "fiona", "pyogrio", "geopandas"} & set(imports_by_module())


def required_modules_of_each_algorithm():
    pattern = re.compile(r"^\s+REQUIRED_MODULES = \(([^)]*)\)", re.M)
    folder = os.path.join(REPO, "processing", "algorithms")
    for name in sorted(os.listdir(folder)):
        if name.endswith(".py"):
            source = open(os.path.join(folder, name), encoding="utf-8").read()
            for match in pattern.finditer(source):
                yield name, re.findall(r'"(\w+)"', match.group(1))


def test_every_algorithms_modules_are_checked_known_packages():
    listed = list(required_modules_of_each_algorithm())
    assert len(listed) >= 14
    for name, modules in listed:
        assert set(modules) <= set(REQUIREMENTS), (name, set(modules) - set(REQUIREMENTS))


def pinned(path):
    names = []
    for line in open(os.path.join(REPO, path), encoding="utf-8"):
        match = re.match(r"([A-Za-z0-9_.\-]+)==", line)
        if match:
            names.append(match.group(1).lower())
    return names


def test_requirements_txt_pins_the_checked_packages_and_nothing_for_tests_only():
    runtime = set(pinned("requirements.txt"))
    for needed in REQUIREMENTS.values():
        if needed.module != "osgeo":  # GDAL's bindings come with QGIS, built against its libgdal
            assert needed.distribution.lower() in runtime, needed.distribution
    # test references, sample generation and the GDAL-bundling wheels belong in requirements-dev.txt
    assert not runtime & {"statsmodels", "geopandas", "rasterio", "fiona", "pyogrio", "pytest", "gdal"}
    assert not set(pinned("requirements-dev.txt")) & runtime, "pinned twice"


def test_every_pin_says_its_role():
    """Each pinned line sits under a comment saying what it is for."""
    for path in ("requirements.txt", "requirements-dev.txt"):
        comment = None
        for line in open(os.path.join(REPO, path), encoding="utf-8"):
            if line.startswith("#"):
                comment = line
            elif not line.strip():
                comment = None
            elif "==" in line:
                assert comment, "{}: {} has no comment above it".format(path, line.strip())
