"""Build dist/community_risk-<version>.zip for Plugins > Manage and Install Plugins > Install from ZIP.

The zip holds one folder, community_risk/, with what QGIS needs at run time: the plugin code, resources
(icons, styles, the embedded sample), compiled translations, metadata, README and licence. Tests,
scripts and build files stay out.
"""
import configparser
import os
import sys
import zipfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
INCLUDE = ("metadata.txt", "__init__.py", "README.md", "LICENSE", "requirements.txt",
           "plugin", "processing", "resources", "i18n")
SKIP_DIRS = {"__pycache__"}
SKIP_SUFFIXES = (".pyc", ".part.gpkg")


def plugin_files():
    for entry in INCLUDE:
        path = os.path.join(ROOT, entry)
        if os.path.isfile(path):
            yield entry
            continue
        for folder, dirs, files in os.walk(path):
            dirs[:] = sorted(d for d in dirs if d not in SKIP_DIRS)
            for name in sorted(files):
                if not name.endswith(SKIP_SUFFIXES):
                    yield os.path.relpath(os.path.join(folder, name), ROOT)


def build(dist_dir):
    metadata = configparser.ConfigParser()
    metadata.read(os.path.join(ROOT, "metadata.txt"), encoding="utf-8")
    version = metadata["general"]["version"]
    missing = [p for p in ("i18n/community_risk_cy.qm", "resources/sample/sample_borough.gpkg")
               if not os.path.exists(os.path.join(ROOT, p))]
    if missing:
        sys.exit("missing {}: run `make setup` first".format(", ".join(missing)))
    os.makedirs(dist_dir, exist_ok=True)
    target = os.path.join(dist_dir, "community_risk-{}.zip".format(version))
    partial = target + ".part"
    with zipfile.ZipFile(partial, "w", zipfile.ZIP_DEFLATED) as archive:
        for relative in plugin_files():
            archive.write(os.path.join(ROOT, relative), os.path.join("community_risk", relative))
    os.replace(partial, target)
    return target


if __name__ == "__main__":
    path = build(sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, "dist"))
    print("plugin zip written to", path)
