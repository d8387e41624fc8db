"""Figures for Find unlicensed HMOs (printed, never asserted):

1. Ranking quality on generated boroughs over real London postcodes (three boroughs, 20,000 properties each):
   the share of true HMOs among the first 100 unlicensed properties the tool ranks, against the random hit rate
   (goal: 8x) and against the best single rule (goal: 1.5x): the rule the tool itself picks from the register
   ('3+ different surnames on the electoral register' and the like), and, harder, the best rule in hindsight
   (picked on the hidden truth).
2. Scale: 150,000 properties with every file (one large London borough) through Processing, reading the files
   and writing every output: goal under 2 minutes and under 2 GB peak memory (generation not counted).
Without ../shared/data/london the sample borough's postcodes are used.
"""
import os
import sys
import tempfile

from common import LONDON, QGIS_PRELUDE, REPO, run_script

QUALITY = """
import sys, time
import numpy as np
from community_risk.synthetic import hmo_borough
from community_risk.processing.analysis.hmo import candidate_rules, find_unlicensed_hmos
source, borough, n, seed = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
if source == "sample":
    import pyogrio
    frame = pyogrio.read_dataframe(sys.argv[5], layer="postcodes")
    postcodes, census = frame[["postcode"]].assign(easting=frame.geometry.x, northing=frame.geometry.y), None
else:
    postcodes, census = hmo_borough.london_inputs(source, borough)
properties, datasets, truth = hmo_borough.generate(postcodes, census, n_properties=n, seed=seed)
start = time.perf_counter()
result = find_unlicensed_hmos(properties, [(r + ".csv", r, f.astype(str)) for r, f in datasets.items()], hmo_borough.AS_AT)
elapsed = time.perf_counter() - start
out = result.properties
is_hmo = truth.set_index("uprn").loc[out["uprn"], "is_hmo"].to_numpy()
unlicensed = out["rank"].notna().to_numpy()
ranked = out[unlicensed].sort_values("rank").index.to_numpy()
random_rate = is_hmo[unlicensed].mean()
model_100 = is_hmo[ranked[:100]].mean()
rng = np.random.default_rng(seed)
def rule_precision(flags):
    # inspect the flagged unlicensed properties first, in random order, then the rest at random
    idx = np.flatnonzero(unlicensed)
    flagged, rest = idx[flags[idx]], idx[~flags[idx]]
    order = np.concatenate([rng.permutation(flagged), rng.permutation(rest)])
    return is_hmo[order[:100]].mean()
chosen = result.report["evaluation"]["best_rule"]
rules = dict(candidate_rules(result.features))
tool_rule = rule_precision(rules[chosen]) if chosen in rules else float("nan")
hindsight = max(((label, rule_precision(flags)) for label, flags in rules.items() if flags[unlicensed].sum() >= 20),
                key=lambda item: item[1])
print("   {} (seed {}): {:,} properties, {} HMOs ({:.1%}), {} licensed; {:.0f} s; model kept: {}".format(
    borough, seed, len(out), int(is_hmo.sum()), is_hmo.mean(), int(out["licensed"].sum()), elapsed,
    result.report["model"]["winner"]))
print("     precision among the first 100 unlicensed: {:.0%}; random {:.1%} -> {:.1f}x (goal 8x)".format(
    model_100, random_rate, model_100 / random_rate))
print("     tool's best single rule '{}': {:.0%} -> {:.1f}x (goal 1.5x)".format(chosen, tool_rule, model_100 / tool_rule))
print("     best rule in hindsight '{}': {:.0%} -> {:.1f}x".format(hindsight[0], hindsight[1], model_100 / hindsight[1]))
print("     at 500: {:.0%}; inspections AUC {:.3f}".format(is_hmo[ranked[:500]].mean(),
      (result.report["evaluation"]["inspections"] or {}).get("auc", float("nan"))))
"""

GENERATE = """
import sys
from community_risk.synthetic import hmo_borough
postcodes, census = hmo_borough.london_inputs(sys.argv[2], sys.argv[3]) if sys.argv[2] != "sample" else (None, None)
if postcodes is None:
    import pyogrio
    frame = pyogrio.read_dataframe(sys.argv[4], layer="postcodes")
    postcodes = frame[["postcode"]].assign(easting=frame.geometry.x, northing=frame.geometry.y)
properties, datasets, truth = hmo_borough.generate(postcodes, census, n_properties=int(sys.argv[5]))
hmo_borough.write(sys.argv[1], properties, datasets, truth)
print("   generated {:,} properties; rows: {}".format(len(properties), ", ".join(
    "{} {:,}".format(role, len(frame)) for role, frame in datasets.items())))
"""

SCALE = QGIS_PRELUDE + """
import resource
folder = sys.argv[1]
roles = ["hmo_register", "inspections", "council_tax", "electoral_register", "housing_benefit", "complaints", "epc",
         "planning", "fire_incidents"]
out = os.path.join(folder, "out")
start = time.perf_counter()
result = processing.run("communityrisk:findunlicensedhmos", {
    "PROPERTIES": os.path.join(folder, "properties.gpkg"), "DATASETS": [os.path.join(folder, r + ".csv") for r in roles],
    "ROLES": ",".join(roles), "AS_AT": "2024-04-01", "OUTPUT": os.path.join(out, "scored.gpkg"),
    "INSPECTION_LIST": os.path.join(out, "lists"), "REPORT": os.path.join(out, "report.html"),
    "RECORD": os.path.join(out, "record.html")}, context=QgsProcessingContext(), feedback=QgsProcessingFeedback())
elapsed = time.perf_counter() - start
usage = resource.getrusage(resource.RUSAGE_SELF)
peak = usage.ru_maxrss / 1024
print("   150,000-property borough, every file, through Processing: {:.0f} s (goal 120 s; CPU {:.0f} s, which a busy "
      "machine does not stretch), peak memory {:,.0f} MB (goal 2,048 MB); {} known HMOs".format(
          elapsed, usage.ru_utime + usage.ru_stime, peak, result["KNOWN_HMOS"]))
"""


def main():
    sample = os.path.join(REPO, "resources", "sample", "sample_borough.gpkg")
    source = LONDON if os.path.isdir(LONDON) else "sample"
    print("Find unlicensed HMOs: ranking quality on generated boroughs (truth known)")
    boroughs = (("E09000025", "Newham"), ("E09000014", "Haringey"), ("E09000022", "Lambeth"))
    for seed, (code, name) in enumerate(boroughs, start=1):
        print("  " + name)
        run_script(QUALITY, source, code, "20000", str(seed), sample)
    if os.environ.get("BENCH_QUICK"):
        return
    print("Find unlicensed HMOs: scale")
    with tempfile.TemporaryDirectory() as folder:
        run_script(GENERATE, folder, source, "E09000003", sample, "150000")  # Barnet: London's largest borough
        run_script(SCALE, folder)


if __name__ == "__main__":
    sys.exit(main())
