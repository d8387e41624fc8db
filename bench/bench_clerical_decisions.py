"""Figures for clerical decisions read back (printed, never asserted): Find people at risk on 100,000 generated
households over the real London postcodes, run once to write a review (and warm up), again without decisions (the
baseline, in the same process), then with its review given back with decisions written in the first pairs of two
households the tool kept apart (half same home, half different homes). BENCH_QUICK=1: 20,000 households."""
import os

from common import LONDON, run_script

DECISIONS = """
import sys, time
import pandas as pd
from community_risk.processing.analysis import people_at_risk as par
from community_risk.processing.analysis.clerical_decisions import ClericalDecisions
from community_risk.synthetic import council_extracts as council_data
n, decided = int(sys.argv[1]), int(sys.argv[3])
postcodes = pd.read_csv(sys.argv[2], usecols=["postcode"])
extracts, _ = council_data.generate(postcodes, n_households=n)
datasets = [(name, par.normalise_role(role), frame.drop(columns="_household")) for name, (role, frame) in extracts.items()]
secret = "benchmark-secret-0123456789"
first = par.find_people_at_risk(datasets, secret)  # also warms up (imports, DuckDB): its time is not a baseline
start = time.perf_counter()
par.find_people_at_risk(datasets, secret)
baseline = time.perf_counter() - start
review = first.review.copy()
pairs = review.drop_duplicates(["household_l", "household_r"])
pairs = pairs[pairs["linked"] == 0].head(decided)
review.loc[pairs.index, "decision"] = ["same" if k % 2 == 0 else "different" for k in range(len(pairs))]
start = time.perf_counter()
decisions = ClericalDecisions.read(review, "review.csv")
reading = time.perf_counter() - start
from community_risk.processing.analysis import linkage
scoring, scored_pairs = [], linkage._scored_pairs


def timed_scoring(*args):  # the decided pairs scored by the trained model, so the review shows their levels
    begun = time.perf_counter()
    out = scored_pairs(*args)
    scoring.append(time.perf_counter() - begun)
    return out


linkage._scored_pairs = timed_scoring
start = time.perf_counter()
second = par.find_people_at_risk(datasets, secret, decisions=decisions)
again = time.perf_counter() - start
summary = second.record["clerical_decisions"]
print("   {:,} households, {:,} review pairs: without decisions {:.1f} s (baseline); {:,} decisions read in {:.2f} s and "
      "applied in a run of {:.1f} s ({:+.1f} s); applied {:,} ({:,} same, {:,} different), households {:,} -> {:,}, "
      "review {:,} pairs to decide and {:,} decided; of the run, {:.1f} s scored the decided pairs".format(
          n, len(first.review), baseline, len(pairs), reading, again, again - baseline, summary["applied"],
          summary["same_home"], summary["different_homes"], len(first.households), len(second.households),
          int(second.review["decision"].isna().sum()), int(second.review["decision"].notna().sum()), sum(scoring)))
"""


def main():
    households = 20_000 if os.environ.get("BENCH_QUICK") else 100_000
    print("Clerical decisions read back (Find people at risk, generated extracts on London postcodes)")
    run_script(DECISIONS, str(households), os.path.join(LONDON, "postcodes.csv.gz"), "2000")


if __name__ == "__main__":
    main()
