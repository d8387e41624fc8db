"""The Python packages the algorithms import, the versions they need, and the one check every path uses:
the toolbox and the locator (through canExecute), the plugin's menu and toolbar, and qgis_process or
processing.run (through prepareAlgorithm).

Nothing here imports the packages themselves: presence comes from importlib.util.find_spec and the
version from the installed distribution's metadata, so the check stays cheap and safe when a package
is broken or built against another NumPy.
"""
import importlib.metadata
import importlib.util
import re
from collections import namedtuple

from .translation import tr, translatable

Requirement = namedtuple("Requirement", "module distribution minimum below reason")

# Exactly the packages that plugin/ and processing/ import at run time (tests/test_dependencies.py checks it by
# reading the code): the oldest version with the functions the code calls, and (for NumPy) the first that breaks.
REQUIREMENTS = {
    "numpy": Requirement("numpy", "numpy", "1.22", "2", translatable(
        "QGIS's GDAL Python bindings are built against NumPy 1, so NumPy 2 breaks raster reading")),
    "pandas": Requirement("pandas", "pandas", "2.0", None, translatable(
        "dates written in several formats (EPC certificates, council extracts) need pandas 2")),
    "shapely": Requirement("shapely", "shapely", "2.0", None, translatable(
        "the vectorised geometry functions (shapely.points, STRtree queries) arrived in shapely 2")),
    "scipy": Requirement("scipy", "scipy", "1.8", None, ""),
    "sklearn": Requirement("sklearn", "scikit-learn", "1.0", None, ""),
    "threadpoolctl": Requirement("threadpoolctl", "threadpoolctl", "2.0", None, ""),
    # GDAL's own bindings, the GDAL QGIS loads (never a wheel bundling a second libgdal): rasters, vector tables
    "osgeo": Requirement("osgeo", "GDAL", "3.0", None, ""),
    "splink": Requirement("splink", "splink", "4.0", None, translatable(
        "the linkage uses Splink 4's Linker and DuckDBAPI; Splink 3 is different")),
    "duckdb": Requirement("duckdb", "duckdb", "1.0", None, ""),
    "openpyxl": Requirement("openpyxl", "openpyxl", "3.0", None, ""),
    # whole GeoPackage layers read in bulk through GDAL's Arrow stream (processing/algorithms/layers.py); without it
    # QGIS reads them feature by feature, so no algorithm requires it
    "pyarrow": Requirement("pyarrow", "pyarrow", "8.0", None, ""),
}

Problem = namedtuple("Problem", "requirement found")  # found: None when the package is missing


def requirement(module):
    return REQUIREMENTS.get(module) or Requirement(module, module, None, None, "")


def version_tuple(text):
    """'2.0.7' -> (2, 0, 7); '1.26.4rc1' -> (1, 26, 4); anything unreadable -> None."""
    match = re.match(r"\d+(\.\d+)*", text or "")
    return tuple(int(part) for part in match.group(0).split(".")) if match else None


def older(version, than):
    a, b = version_tuple(version), version_tuple(than)
    if a is None or b is None:
        return False
    width = max(len(a), len(b))
    return a + (0,) * (width - len(a)) < b + (0,) * (width - len(b))


def installed_version(needed):
    """The version of the package Python would import, or '' when it has no metadata to say."""
    try:
        return importlib.metadata.version(needed.distribution) or ""
    except importlib.metadata.PackageNotFoundError:
        return ""


def problems(modules):
    """The packages among `modules` that are missing, too old or too new, in the order given."""
    found_problems = []
    for module in dict.fromkeys(modules):
        needed = requirement(module)
        if importlib.util.find_spec(module) is None:
            found_problems.append(Problem(needed, None))
            continue
        version = installed_version(needed)
        if not version:  # installed without metadata: nothing to compare, let it run
            continue
        if (needed.minimum and older(version, needed.minimum)) or (needed.below and not older(version, needed.below)):
            found_problems.append(Problem(needed, version))
    return found_problems


def pip_specifier(needed):
    """A pip requirement without '<', which the toolbox's HTML message box would swallow."""
    if needed.minimum and needed.below and version_tuple(needed.below) == (version_tuple(needed.minimum)[0] + 1,):
        return '"{}~={}"'.format(needed.distribution, needed.minimum)
    if needed.minimum:
        return '"{}>={}"'.format(needed.distribution, needed.minimum)
    return needed.distribution


def describe(problem):
    needed, found = problem
    if found is None:
        text = tr("{}: not installed.").format(needed.module)
    elif needed.minimum and older(found, needed.minimum):
        text = tr("{}: version {} is installed, but {} or later is needed.").format(
            needed.module, found, needed.minimum)
    else:
        text = tr("{}: version {} is installed, but it must be older than {}.").format(
            needed.module, found, needed.below)
    if found is not None and needed.reason:
        text += " " + tr("Why: {}.").format(tr(needed.reason))
    return text


def message(found_problems):
    """What to tell the user, as plain sentences (readable as text and as the toolbox's HTML)."""
    lines = [tr("This algorithm needs Python packages which this QGIS cannot use:")]
    lines += [describe(p) for p in found_problems]
    lines.append(tr("Install them for the Python that QGIS uses, for example: python3 -m pip install {} "
                    "(on Windows, in the OSGeo4W Shell). The plugin's README, 'Using the plugin in your own "
                    "QGIS', explains more.").format(" ".join(pip_specifier(p.requirement) for p in found_problems)))
    return "\n".join(lines)


def check(modules):
    """(True, '') when every package in `modules` can be used, else (False, the friendly message)."""
    found_problems = problems(modules)
    if found_problems:
        return False, message(found_problems)
    return True, ""


def report():
    """One line per known package, for the plugin's 'Python packages' window."""
    lines = []
    for module in REQUIREMENTS:
        found_problems = problems([module])
        if found_problems:
            lines.append(describe(found_problems[0]))
        else:
            version = installed_version(REQUIREMENTS[module]) or tr("version unknown")
            lines.append(tr("{}: {}, usable.").format(module, version))
    return lines
