"""Algorithms are thin adapters (issue 8): none overrides the base's processAlgorithm, and no method of an
algorithm class is longer than 40 lines; the work lives in processing/analysis."""
import ast
import glob
import os

import pytest

from helpers import REPO

ALGORITHM_FILES = sorted(glob.glob(os.path.join(REPO, "processing", "algorithms", "*.py")))
LIMIT = 40


def algorithm_classes():
    for path in ALGORITHM_FILES:
        tree = ast.parse(open(path, encoding="utf-8").read(), path)
        for node in tree.body:
            if isinstance(node, ast.ClassDef) and any(getattr(b, "id", "").endswith("Algorithm")
                                                      or getattr(b, "id", "") == "_StyledOutput" for b in node.bases):
                yield os.path.basename(path), node


CLASSES = {"{}:{}".format(f, c.name): c for f, c in algorithm_classes() if f != "base.py"}


def test_every_algorithm_class_is_found():
    assert len([n for n in CLASSES if n.endswith("Algorithm")]) >= 12


@pytest.mark.parametrize("name", sorted(CLASSES))
def test_no_process_algorithm_override_and_short_methods(name):
    methods = {m.name: m for m in CLASSES[name].body if isinstance(m, ast.FunctionDef)}
    assert "processAlgorithm" not in methods, "{} overrides the base's processAlgorithm".format(name)
    long = {m: methods[m].end_lineno - methods[m].lineno + 1 for m in methods
            if m not in ("shortHelpString", "initAlgorithm")
            and methods[m].end_lineno - methods[m].lineno + 1 > LIMIT}
    assert not long, long
