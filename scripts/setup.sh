#!/usr/bin/env bash
# Idempotent set-up for a fresh Debian 12 machine (quick when already done):
#   Debian's QGIS 3.22 packages, a .venv with the exactly pinned packages, compiled translations,
#   the seeded sample data, a working `qgis_process` on PATH, and the plugin linked into the
#   default QGIS profile and enabled.
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
cd "$repo"
say() { printf '[setup] %s\n' "$*"; }

# --- 1. Debian packages ---------------------------------------------------------------------
missing=()
[ -x /usr/bin/qgis_process.bin ] || missing+=(qgis qgis-providers)
[ -f /usr/lib/python3/dist-packages/qgis/core/__init__.py ] || missing+=(python3-qgis)
[ -d /usr/lib/python3/dist-packages/PyQt5 ] || missing+=(python3-pyqt5)
/usr/bin/python3 -c 'import ensurepip' 2>/dev/null || missing+=(python3-venv)
command -v lrelease >/dev/null 2>&1 || missing+=(qttools5-dev-tools)
command -v ogr2ogr >/dev/null 2>&1 || missing+=(gdal-bin)
command -v chromium >/dev/null 2>&1 || missing+=(chromium)  # the rendered-report tests (headless Chromium)
command -v pdftoppm >/dev/null 2>&1 || missing+=(poppler-utils)  # the map book tests (pdfinfo, pdftoppm, pdftotext)
# pyogrio and rasterio are built against Debian's libgdal (requirements-dev.txt says why): headers and a compiler
command -v gdal-config >/dev/null 2>&1 || missing+=(libgdal-dev)
command -v cc >/dev/null 2>&1 || missing+=(build-essential)
/usr/bin/python3 -c 'import os, sys, sysconfig; sys.exit(not os.path.exists(sysconfig.get_paths()["include"] + "/Python.h"))' \
  || missing+=(python3-dev)
if [ ${#missing[@]} -gt 0 ]; then
  say "installing Debian packages: ${missing[*]}"
  sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
fi

# Java for the Spark linkage engine's test (PySpark in local mode); the plugin's default engine never needs it, so
# a machine where it cannot be installed only skips that test (which says why).
if ! command -v java >/dev/null 2>&1; then
  say "installing Java (openjdk-17-jre-headless) for the Spark linkage engine"
  sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
  { $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq openjdk-17-jre-headless >/dev/null; } \
    || say "WARNING: Java could not be installed: the Spark linkage test will be skipped"
fi

# --- 2. The pinned virtual environment ----------------------------------------------------------
# --system-site-packages so that Debian's PyQGIS stays importable from the venv.
if [ ! -x .venv/bin/python ]; then
  say "creating .venv"
  /usr/bin/python3 -m venv --system-site-packages .venv
fi
quiet_pip() {  # pip's notes about absent local indexes are noise here
  # Debian 12's pip 23.0 ignores its cache of wheels built locally under --no-binary unless told: with it, a second
  # checkout (or CI's fresh clone) on this machine reuses the pyogrio and rasterio built against the system GDAL.
  .venv/bin/pip "$@" --use-feature=no-binary-enable-wheel-cache 2> >(grep -v "is ignored" >&2)
}
want=$(cat requirements.txt requirements-dev.txt requirements-spark.txt | sha256sum | cut -d' ' -f1)
if [ "$(cat .venv/.pinned 2>/dev/null)" != "$want" ]; then
  say "installing pinned Python packages (pyogrio and rasterio are compiled on first install: several minutes)"
  quiet_pip install -q --disable-pip-version-check -r requirements-dev.txt
  echo "$want" > .venv/.pinned
fi
site=$(.venv/bin/python -c 'import sysconfig; print(sysconfig.get_paths()["purelib"])')
# One GDAL: no package in the venv may carry a libgdal of its own (a wheel installed before requirements-dev.txt
# said --no-binary, say). A pinned one is rebuilt against Debian's libgdal; an unpinned one is removed.
for libs in "$site"/*.libs; do
  compgen -G "$libs/libgdal*" >/dev/null || continue
  name=$(basename "$libs" .libs)
  pin=$(grep -ihE "^$name==" requirements.txt requirements-dev.txt || true)
  if [ -n "$pin" ]; then
    say "rebuilding $name against the system GDAL: its wheel bundles a libgdal of its own (several minutes)"
    quiet_pip install -q --disable-pip-version-check --force-reinstall --no-deps --no-binary "$name" "$pin"
  else
    say "removing $name from .venv: nothing uses it, and its wheel bundles a libgdal of its own"
    .venv/bin/pip uninstall -q -y "$name"
  fi
done

# --- 3. The package root: imports the plugin as `community_risk`, never as a bare `processing` -----
mkdir -p .build/pkgroot
ln -sfn "$repo" .build/pkgroot/community_risk

# --- 4. Translations and the seeded sample ------------------------------------------------------
for ts in i18n/*.ts; do
  qm="${ts%.ts}.qm"
  if [ ! -f "$qm" ] || [ "$ts" -nt "$qm" ]; then lrelease -silent "$ts" -qm "$qm"; fi
done
if [ ! -f resources/sample/sample_borough.gpkg ] || \
   [ synthetic/sample_borough.py -nt resources/sample/sample_borough.gpkg ]; then
  say "generating the embedded sample (seeded)"
  PYTHONPATH="$repo/.build/pkgroot" .venv/bin/python scripts/make_sample.py
fi

# --- 5. A qgis_process that works -----------------------------------------------------------------
# Debian's /usr/bin/qgis_process passes --noversioncheck, which QGIS 3.22 rejects. This wrapper calls
# the real binary and puts the pinned packages on PYTHONPATH (QGIS embeds the system Python).
bindir=/usr/local/bin
[ -w "$bindir" ] || { bindir="$HOME/.local/bin"; mkdir -p "$bindir"; }
wrapper=$(cat <<WRAP
#!/bin/sh
# Written by Community Risk Toolkit's 'make setup' ($repo).
# Debian's /usr/bin/qgis_process passes --noversioncheck, which QGIS 3.22 rejects: call the binary.
if [ -d /usr/lib/grass82/lib ]; then
  LD_LIBRARY_PATH="\${LD_LIBRARY_PATH:+\$LD_LIBRARY_PATH:}/usr/lib/grass82/lib"; export LD_LIBRARY_PATH
fi
PYTHONPATH="$site\${PYTHONPATH:+:\$PYTHONPATH}"; export PYTHONPATH
QT_QPA_PLATFORM="\${QT_QPA_PLATFORM:-offscreen}"; export QT_QPA_PLATFORM
exec /usr/bin/qgis_process.bin "\$@"
WRAP
)
if [ "$(cat "$bindir/qgis_process" 2>/dev/null)" != "$wrapper" ]; then
  say "writing $bindir/qgis_process"
  printf '%s\n' "$wrapper" > "$bindir/qgis_process"
  chmod 755 "$bindir/qgis_process"
fi
ln -sfn "$bindir/qgis_process" .build/qgis_process

# --- 6. The plugin in the default QGIS profile, enabled -------------------------------------------
profile="${QGIS_PROFILE_DIR:-$HOME/.local/share/QGIS/QGIS3/profiles/default}"
plugins="$profile/python/plugins"
mkdir -p "$plugins"
if [ -e "$plugins/community_risk" ] && [ ! -L "$plugins/community_risk" ]; then
  say "WARNING: $plugins/community_risk is an installed copy, left as it is (remove it to use this checkout)"
else
  [ "$(readlink "$plugins/community_risk" 2>/dev/null)" = "$repo" ] || ln -sfn "$repo" "$plugins/community_risk"
  if ! grep -qs '^community_risk=true' "$profile/QGIS/QGIS3.ini"; then
    say "enabling the plugin in the QGIS profile"
    "$bindir/qgis_process" plugins enable community_risk >/dev/null 2>&1 || {
      say "qgis_process could not enable the plugin:"; "$bindir/qgis_process" plugins enable community_risk; exit 1; }
  fi
fi
say "ready"
