#!/usr/bin/env bash
# The main job on the embedded sample, through the real qgis_process command line:
# count the sample borough's dwelling fires per small area -> build factors -> fit the fire risk model
# (styled GeoPackage, HTML report, JSON model) -> validate it out of time.
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
cd "$repo"
sample="$repo/resources/sample"
gpkg="$sample/sample_borough.gpkg"
out="$repo/output/demo"
rm -rf "$out"
mkdir -p "$out"
run() {  # qgis_process without its start-up chatter
  .build/qgis_process run "$@" 2>&1 | grep -v -e DeprecationWarning -e XDG_RUNTIME_DIR
}
echo "== 1/10 Count incidents per area (2009-2016, per year)"
run communityrisk:countincidents -- \
  "AREAS=$gpkg|layername=areas" AREA_ID=area_code \
  "INCIDENTS=$gpkg|layername=incidents" DATE_FIELD=date PER_YEAR=true \
  "OUTPUT=$out/incident_counts.gpkg"
echo "== 2/10 Build factors (census table, inspections, roads, impervious surface raster)"
run communityrisk:buildfactors -- \
  "AREAS=$out/incident_counts.gpkg" AREA_ID=area_code HOUSEHOLDS_FIELD=households \
  "TABLES=$sample/sample_census_extra.csv" "POINTS=$gpkg|layername=fire_safety_inspections" \
  "LINES=$gpkg|layername=roads" "RASTERS=$sample/sample_impervious.tif" \
  "OUTPUT=$out/factors.gpkg" "LOG=$out/factors_log.txt"
echo "== 3/10 Fit the fire risk model (defaults: automatic family, stepwise by AIC, history on, LFB bands)"
run communityrisk:fitfireriskmodel -- \
  "INPUT=$out/factors.gpkg" AREA_ID=area_code COUNT_FIELD=incidents HOUSEHOLDS_FIELD=households YEARS=8 \
  "OUTPUT=$out/fire_risk.gpkg" "REPORT=$out/fire_risk_report.html" "MODEL=$out/fire_risk_model.json"
echo "== 4/10 Validate out of time (fit 2009-2013, test 2014-2016)"
run communityrisk:validatefireriskmodel -- \
  "AREAS=$out/factors.gpkg" AREA_ID=area_code HOUSEHOLDS_FIELD=households \
  "INCIDENTS=$gpkg|layername=incidents" DATE_FIELD=date \
  TRAIN_START=2009-01-01 TRAIN_END=2013-12-31 TEST_START=2014-01-01 TEST_END=2016-12-31 \
  "REPORT=$out/validation_report.html"
echo "== 5/10 Lifestyle profile (the sample's postcodes by lifestyle segment)"
run communityrisk:lifestyleprofile -- \
  "HOMES=$gpkg|layername=postcodes" SEGMENT_FIELD=segment HOMES_FIELD=homes \
  "INCIDENTS=$gpkg|layername=incidents" CASUALTIES_FIELD=casualties \
  "OUTPUT=$out/lifestyle_profile.csv" "OUTPUT_HOMES=$out/homes_by_segment.gpkg" "REPORT=$out/lifestyle_profile.html"
echo "== 6/10 Generate council extracts for the sample (synthetic people; the truth kept apart)"
PYTHONPATH="$repo/.build/pkgroot" .venv/bin/python scripts/make_council_extracts.py "$out/council_extracts"
echo "== 7/10 Find people at risk (secret from COMMUNITY_RISK_SECRET, kept out of the history)"
c="$out/council_extracts"
COMMUNITY_RISK_SECRET="${COMMUNITY_RISK_SECRET:-demo-secret-not-for-real-data}" run communityrisk:findpeopleatrisk -- \
  "DATASETS=$c/council_tax.csv" "DATASETS=$c/older.xlsx" "DATASETS=$c/alone.csv" "DATASETS=$c/mobility.csv" \
  "DATASETS=$c/health.csv" "DATASETS=$c/smoking.csv" "DATASETS=$c/near_miss.xlsx" "DATASETS=$c/care.csv" \
  ROLES=register,older,alone,mobility,health,smoking,near_miss,care \
  "OUTPUT=$out/households_at_risk.csv" "REVIEW=$out/clerical_review.csv" "RECORD=$out/processing_record.json"
echo "== 8/10 Priority postcodes (area risk + lifestyle + households at risk, per station ground)"
run communityrisk:prioritypostcodes -- \
  "POSTCODES=$gpkg|layername=postcodes" POSTCODE_FIELD=postcode \
  "AREAS=$out/fire_risk.gpkg" AREA_RISK_FIELD=rate_10k "LIFESTYLE=$out/homes_by_segment.gpkg" \
  "HOUSEHOLD_RISK=$out/households_at_risk.csv" HOUSEHOLD_POSTCODE_FIELD=postcode HOUSEHOLD_FACTORS_FIELD=n_factors \
  "SPLIT_AREAS=$gpkg|layername=station_grounds" SPLIT_FIELD=station P1_COUNT=100 P2_COUNT=400 \
  "OUTPUT=$out/priority_postcodes.gpkg" "VISIT_LISTS=$out/visit_lists"
echo "== Visit map book: one A4 page per station ground (risk bands, P1/P2 postcodes in visit order, roads, visit list)"
run communityrisk:visitmapbook -- \
  "SPLIT_AREAS=$gpkg|layername=station_grounds" SPLIT_FIELD=station "RISK=$out/fire_risk.gpkg" \
  "POSTCODES=$out/priority_postcodes.gpkg" "ROADS=$gpkg|layername=roads" \
  "OUTPUT=$out/visit_map_book.pdf" "PAGES=$out/visit_map_book"
echo "== 9/10 Load EPC certificates (generated in the register's schema) onto the sample's postcodes"
PYTHONPATH="$repo/.build/pkgroot" .venv/bin/python scripts/make_epc_certificates.py "$out/epc/certificates.csv"
run communityrisk:loadepc -- "INPUT=$out/epc/certificates.csv" "POSTCODES=$gpkg|layername=postcodes" \
  POSTCODE_FIELD=postcode "OUTPUT=$out/epc_homes.gpkg"
echo "== 10/10 Heat surface of the sample's fires (50 m cells, hot-spot bandwidth, clipped to the station grounds)"
run communityrisk:heatsurface -- "INPUT=$gpkg|layername=incidents" POINTS_NAME=fires CELL_SIZE=50 \
  "BOUNDARY=$gpkg|layername=station_grounds" "OUTPUT=$out/fire_heat.tif"
echo
echo "Demo outputs in $out:"
echo "  incident_counts.gpkg      incidents per small area, and per year"
echo "  factors.gpkg              areas with every candidate factor (factors_log.txt: the joins)"
echo "  fire_risk.gpkg            forecast, rate per 10,000 households and five risk bands (styled in QGIS)"
echo "  fire_risk_report.html     the model explained in plain words, with charts"
echo "  fire_risk_model.json      the model, for 'Apply fire risk model'"
echo "  validation_report.html    the forward-looking proof: capture of later fires"
echo "  lifestyle_profile.csv/.html, homes_by_segment.gpkg   share of homes vs share of fires per segment"
echo "  households_at_risk.csv    pseudonymised households with the seven risk flags (processing_record.json for the PIA)"
echo "  priority_postcodes.gpkg   P1/P2/P3 per postcode; visit_lists/: one CSV and one summary page per station ground"
echo "  visit_map_book.pdf        the crews' map book: one A4 page per station ground (visit_map_book/: one PDF each)"
echo "  epc_homes.gpkg            latest EPC per home, F/G flag, tenure, heating, placed on its postcode"
echo "  fire_heat.tif             kernel density of fires per square kilometre"
echo
echo "== HMO prevalence, area mode (Housing standards): the sample's HMO fires modelled on its housing factors"
# The sample's synthetic fires flag far more HMOs than London's (10% of fires, not 3%), so London's default
# fire rate per HMO does not fit them: a stock of 16,600 HMOs (5% of its 332,628 households) is shared out.
run communityrisk:countincidents -- \
  "AREAS=$gpkg|layername=areas" AREA_ID=area_code "INCIDENTS=$gpkg|layername=incidents" \
  "FILTER=\"property_type\" = 'House in multiple occupation'" "OUTPUT=$out/hmo_fire_counts.gpkg"
run communityrisk:hmoprevalence -- \
  "AREAS=$out/hmo_fire_counts.gpkg" AREA_ID=area_code HOUSEHOLDS_FIELD=households HMO_INCIDENT_FIELD=incidents \
  FACTORS=pct_flats FACTORS=pct_social_rent FACTORS=imd_score YEARS=8 TOTAL_HMOS=16600 \
  "OUTPUT=$out/hmo_prevalence.gpkg" "REPORT=$out/hmo_prevalence.html"
echo "  hmo_prevalence.gpkg       estimated HMOs per area with intervals (styled); licensed and unlicensed share"
echo "                            need a register count (LICENSED_FIELD) or property data"
echo "  hmo_prevalence.html       one-page summary for an additional licensing consultation (Housing Act 2004, s56)"
echo
echo "== Find unlicensed HMOs: generate the sample borough's council files (properties, licence register, inspections,"
echo "   council tax, electoral register, housing benefit, complaints, EPC, planning, fire incidents; the truth apart)"
PYTHONPATH="$repo/.build/pkgroot" .venv/bin/python scripts/make_hmo_borough.py "$out/hmo"
h="$out/hmo"
run communityrisk:findunlicensedhmos -- "PROPERTIES=$h/properties.gpkg" \
  "DATASETS=$h/hmo_register.csv" "DATASETS=$h/inspections.csv" "DATASETS=$h/council_tax.csv" \
  "DATASETS=$h/electoral_register.csv" "DATASETS=$h/housing_benefit.csv" "DATASETS=$h/complaints.csv" \
  "DATASETS=$h/epc.csv" "DATASETS=$h/planning.csv" "DATASETS=$h/fire_incidents.csv" \
  ROLES=hmo_register,inspections,council_tax,electoral_register,housing_benefit,complaints,epc,planning,fire_incidents \
  AS_AT=2024-04-01 "SPLIT_AREAS=$gpkg|layername=station_grounds" SPLIT_FIELD=station \
  "OUTPUT=$out/hmo_scored.gpkg" "INSPECTION_LIST=$out/hmo_inspection_lists" \
  "REPORT=$out/hmo_report.html" "RECORD=$out/hmo_record.html"
echo "  hmo_scored.gpkg           every property: hmo_probability, rank, licence state and three reasons (styled)"
echo "  hmo_inspection_lists/     unlicensed properties in rank order, one CSV and one page per station ground"
echo "  hmo_report.html, hmo_record.html   precision and lift, calibration, match rates; the sharing agreement and DPIA"
run communityrisk:hmoprevalence -- "PROPERTIES=$out/hmo_scored.gpkg" \
  "AREAS=$gpkg|layername=station_grounds" AREA_ID=station \
  "OUTPUT=$out/hmo_prevalence_by_ground.gpkg" "REPORT=$out/hmo_prevalence_by_ground.html"
echo "  hmo_prevalence_by_ground.gpkg/.html   HMO prevalence, property mode: licensed HMOs plus the other properties'"
echo "                            probabilities per station ground, with intervals"
echo
echo "== Risk dashboard (Reports): one page per station ground, 2014-2016 dwelling fires against 2011-2013"
run communityrisk:countincidents -- \
  "AREAS=$gpkg|layername=areas" AREA_ID=area_code "INCIDENTS=$gpkg|layername=incidents" DATE_FIELD=date \
  START_DATE=2014-01-01 END_DATE=2016-12-31 "OUTPUT=$out/incident_counts_2014_2016.gpkg"
# Example targets, made up for the demo: home fire safety visits planned and made per station ground
cat > "$out/dashboard_targets.csv" <<'CSV'
group,measure,planned,made
Northwest,Home fire safety visits,900,812
Northeast,Home fire safety visits,900,655
Southwest,Home fire safety visits,700,731
Southeast,Home fire safety visits,700,602
CSV
run communityrisk:riskdashboard -- \
  "AREAS=$out/incident_counts_2014_2016.gpkg" AREA_ID=area_code NAME_FIELD=area_name COUNT_FIELD=incidents \
  HOUSEHOLDS_FIELD=households YEARS=3 FACTORS=imd_score FACTORS=pct_social_rent FACTORS=pct_flats \
  FACTORS=pct_over_65 FACTORS=pct_living_alone FACTORS=pct_no_car FACTORS=median_income_k \
  "SPLIT_AREAS=$gpkg|layername=station_grounds" SPLIT_FIELD=station \
  "INCIDENTS=$gpkg|layername=incidents" DATE_FIELD=date "TARGETS=$out/dashboard_targets.csv" \
  "TITLE=Dwelling fires" "ALL_AREAS_NAME=Sample borough" \
  "OUTPUT=$out/dashboard.gpkg" "PAGES=$out/dashboard"
echo "  dashboard.gpkg            areas with expected, ratio, funnel_z, signal, statistical neighbours (styled by signal)"
echo "  dashboard/index.html      one A4 page per station ground and one for the borough: signals, trends,"
echo "                            neighbours, lead indicators, targets; every chart also as SVG in dashboard/charts/"
