"""Figures for the fire-risk model (printed, never asserted):

1. forward stepwise over 50+ candidate factors on the 4,835 London LSOAs: ours (score tests + warm starts)
   against a plain statsmodels loop refitting every candidate at every step (goal >= 10x), same model?;
2. the same at England scale (~33,800 areas: the London table replicated 7 times with jitter; goal < 30 s);
3. a whole `fitfireriskmodel` run on the London LSOAs through qgis_process (goal < 4 s plus start-up, beside start-up alone);
4. out-of-time validation: fit 2009-2013, forecast 2014-2016, share of fires in the top 10% of LSOAs.
"""
import os
import subprocess
import sys
import tempfile
import time

import numpy as np

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(REPO, "tests"))
sys.path.insert(0, os.path.join(REPO, ".build", "pkgroot"))
LONDON = os.path.normpath(os.path.join(REPO, "..", "shared", "data", "london"))
QGIS_PROCESS = os.path.join(REPO, ".build", "qgis_process")


def stepwise_figures(table, names, filled):
    from community_risk.processing.analysis import glm

    y = table[["fires_{}".format(y) for y in range(2009, 2014)]].sum(axis=1).to_numpy(float)
    offset = np.log(table["HHOLDS"].to_numpy() * 5.0)
    z = ((filled - filled.mean()) / filled.std()).to_numpy()
    alpha = glm.estimate_alpha(y, np.column_stack([np.ones(len(y)), z]), offset).alpha
    start = time.perf_counter()
    ours = glm.forward_stepwise(y, z, names, offset, alpha, "aic", max_factors=15)
    ours_time = time.perf_counter() - start
    start = time.perf_counter()
    plain = glm.forward_stepwise_reference(y, z, names, offset, alpha, "aic", max_factors=15)
    plain_time = time.perf_counter() - start
    print("1. forward stepwise by AIC, {} candidates, {} LSOAs, up to 15 factors:".format(z.shape[1], len(y)))
    print("   ours {:.2f} s ({} fits), plain refit-every-candidate {:.2f} s: {:.1f}x faster; same model: {}".format(
        ours_time, ours.fits, plain_time, plain_time / ours_time, ours.chosen == plain))

    rng = np.random.default_rng(1)
    copies = 7
    z_big = np.vstack([z + rng.normal(scale=0.05, size=z.shape) for _ in range(copies)])
    y_big = np.concatenate([rng.poisson(np.maximum(y, 0.1)) for _ in range(copies)]).astype(float)
    offset_big = np.tile(offset, copies)
    start = time.perf_counter()
    alpha_big = glm.estimate_alpha(y_big, np.column_stack([np.ones(len(y_big)), z_big]), offset_big).alpha
    big = glm.forward_stepwise(y_big, z_big, names, offset_big, alpha_big, "aic", max_factors=15)
    print("2. England scale ({:,} areas, {} candidates): dispersion + stepwise {:.2f} s, {} factors chosen".format(
        len(y_big), z.shape[1], time.perf_counter() - start, len(big.chosen)))


def qgis_process_figures(work):
    run = lambda *args: subprocess.run([QGIS_PROCESS, *args], capture_output=True, text=True, cwd="/")  # noqa: E731
    start = time.perf_counter()
    run("--version")
    startup = time.perf_counter() - start
    fires = os.path.join(work, "fires.gpkg")
    subprocess.run(["ogr2ogr", "-f", "GPKG", fires, "/vsigzip/" + os.path.join(LONDON, "lfb_dwelling_fires_2009_2016.csv.gz"),
                    "-oo", "X_POSSIBLE_NAMES=easting_rounded", "-oo", "Y_POSSIBLE_NAMES=northing_rounded",
                    "-oo", "AUTODETECT_TYPE=YES", "-a_srs", "EPSG:27700", "-nln", "fires"], check=True)
    counts, factors = os.path.join(work, "counts.gpkg"), os.path.join(work, "factors.gpkg")
    run("run", "communityrisk:countincidents", "--", "AREAS=" + os.path.join(LONDON, "lsoa_2011.gpkg"),
        "AREA_ID=LSOA11CD", "INCIDENTS=" + fires, "DATE_FIELD=date", "START_DATE=2009-01-01", "END_DATE=2013-12-31",
        "OUTPUT=" + counts)
    tables = ["imd_2019_lsoa", "imd_2019_underlying_indicators_lsoa", "lsoa_atlas_subset", "ptal_2015_lsoa",
              "lsoa_household_income_2001_2012"]
    run("run", "communityrisk:buildfactors", "--", "AREAS=" + counts, "AREA_ID=LSOA11CD", "HOUSEHOLDS_FIELD=HHOLDS",
        *["TABLES=" + os.path.join(LONDON, t + ".csv.gz") for t in tables], "OUTPUT=" + factors)
    start = time.perf_counter()
    done = run("run", "communityrisk:fitfireriskmodel", "--", "INPUT=" + factors, "AREA_ID=LSOA11CD",
               "COUNT_FIELD=incidents", "HOUSEHOLDS_FIELD=HHOLDS", "YEARS=5", "OUTPUT=" + os.path.join(work, "risk.gpkg"),
               "REPORT=" + os.path.join(work, "report.html"), "MODEL=" + os.path.join(work, "model.json"))
    whole = time.perf_counter() - start
    chosen = [line for line in done.stdout.splitlines() if line.startswith("FACTORS_CHOSEN")]
    print("3. fitfireriskmodel on 4,835 LSOAs with 100+ candidate fields via qgis_process: {:.2f} s; baseline QGIS "
          "start-up (qgis_process --version) {:.2f} s; the fit itself {:.2f} s (goal < 4 s plus start-up) ({})".format(
              whole, startup, whole - startup, chosen[0].replace("\t", " ") if chosen else done.stderr[-300:]))


def validation_figures(table, names):
    from community_risk.processing.analysis import firemodel, validation

    train = table[["fires_{}".format(y) for y in range(2009, 2014)]].sum(axis=1).to_numpy()
    test = table[["fires_{}".format(y) for y in range(2014, 2017)]].sum(axis=1).to_numpy()
    print("4. out of time on 4,835 LSOAs, fit 2009-2013, test 2014-2016 (share of test fires in the top 10% of LSOAs):")
    for selection, history in (("aic", True), ("aic", False), ("bic", True), ("lasso", True)):
        result = firemodel.fit_fire_model(table["LSOA11CD"], train, table["HHOLDS"], table[names],
                                          firemodel.FireModelOptions(years=5, selection=selection, use_history=history))
        scores = validation.validate(result.table["predicted"], train, test, 5, 3)
        print("   {:5s} history={!s:5s}: forecast {:.1%}, past incidents {:.1%}, hindsight best {:.1%}; Spearman {:.3f}; "
              "{} factors".format(selection, history, scores.capture["forecast"][0.1], scores.capture["past incidents"][0.1],
                                  scores.capture["hindsight best"][0.1], scores.spearman["forecast"], len(result.chosen)))


def main():
    if not os.path.isdir(LONDON):
        print("fire model benchmarks skipped: {} not found".format(LONDON))
        return
    from london_data import factor_names, filled_factors, london_lsoa_table

    table = london_lsoa_table()
    names = factor_names(table)
    stepwise_figures(table, names, filled_factors(table)[0])
    with tempfile.TemporaryDirectory(prefix="community_risk_bench_") as work:
        qgis_process_figures(work)
    validation_figures(table, names)


if __name__ == "__main__":
    main()
