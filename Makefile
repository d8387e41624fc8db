# The two commands users need: `make demo` and `make test`. Each runs `make setup` first.
SHELL := /bin/bash
VENV := .venv
PY := $(VENV)/bin/python
# Import the plugin as the package `community_risk` (its folder `processing` would shadow QGIS's own).
export PYTHONPATH := $(CURDIR)/.build/pkgroot
export QT_QPA_PLATFORM ?= offscreen
# The shared London GeoPackages were written by a newer GDAL (GeoPackage 1.4): Debian's GDAL 3.6 reads them
# correctly but warns on every open. What this project writes, one GDAL writes (tests/test_one_gdal.py).
export GPKG_WARN_UNRECOGNIZED_APPLICATION_ID ?= NO

.PHONY: setup demo test bench package translations sample clean

setup:
	@bash scripts/setup.sh

demo: setup
	@bash scripts/demo.sh

test: setup
	@$(VENV)/bin/pytest

bench: setup
	@$(PY) bench/bench_foundation.py
	@$(PY) bench/bench_fire_model.py
	@$(PY) bench/bench_targeting.py
	@$(PY) bench/bench_health_housing.py
	@$(PY) bench/bench_hmo_prevalence.py
	@$(PY) bench/bench_hmo.py
	@$(PY) bench/bench_linkage_engines.py
	@$(PY) bench/bench_clerical_decisions.py
	@$(PY) bench/bench_reports.py

package: setup
	@$(PY) scripts/package.py

translations: setup
	@$(PY) scripts/update_translations.py

sample: setup
	@$(PY) scripts/make_sample.py

clean:
	rm -rf .build dist output
