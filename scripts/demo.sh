#!/usr/bin/env bash
# The main job on the embedded sample, through the real qgis_process command line:
# count the sample borough's dwelling fires per small area, per year, into a GeoPackage.
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
cd "$repo"
sample="$repo/resources/sample/sample_borough.gpkg"
out="$repo/output/demo"
mkdir -p "$out"
rm -f "$out/incident_counts.gpkg"
.build/qgis_process run communityrisk:countincidents -- \
  "AREAS=$sample|layername=areas" AREA_ID=area_code \
  "INCIDENTS=$sample|layername=incidents" DATE_FIELD=date PER_YEAR=true \
  "OUTPUT=$out/incident_counts.gpkg" 2>&1 | grep -v -e DeprecationWarning -e XDG_RUNTIME_DIR
echo
echo "Demo outputs:"
echo "  $out/incident_counts.gpkg  (the sample's small areas with incidents and incidents_2009 ... incidents_2016)"
echo "Open it in QGIS, or run: .build/qgis_process help communityrisk:countincidents"
