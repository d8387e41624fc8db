"""Where household linkage goes wrong on the independent error model (synthetic/address_noise.py), per layout and
per kind of recording error.

    PYTHONPATH=.build/pkgroot .venv/bin/python scripts/diagnose_linkage.py [--extra-noise 0.1] [--homes 1500]
        [--examples FILE]

Prints household quality overall and per layout, then, for every household not found exactly, the recording
errors (address-errors mechanisms and stress-noise operations) of the rows that went astray: a row split from the
rest of its household, or a row of another household merged in. With --examples, writes each wrong household's
rows (as written and as standardised) to FILE for reading.
"""
import argparse
import os
import sys
from collections import Counter

import pandas as pd

from community_risk.processing.analysis.linkage import link_households, prepare_records
from community_risk.processing.analysis.people_at_risk import detect_columns
from community_risk.synthetic import address_noise
from community_risk.synthetic import council_extracts as council_data

LONDON = os.environ.get("LONDON_DATA", os.path.join(os.path.dirname(__file__), "..", "..", "..", "shared", "data",
                                                    "london"))


def mechanisms(audit_row):
    applied = [m for m in str(audit_row.get("applied_rules") or "").split("|") if m]
    noise = [m for m in str(audit_row.get("noise_ops") or "").split("|") if m]
    if audit_row.get("label_drift_relation"):
        applied.append("LB:" + str(audit_row["label_drift_relation"]))
    if audit_row.get("postcode_edit"):
        applied.append("PC:" + str(audit_row["postcode_edit"]))
    return [m.split(":")[0] if not m.startswith(("NOISE", "LB", "PC")) else m for m in applied + noise] or ["clean"]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--extra-noise", type=float, default=0.0)
    parser.add_argument("--homes", type=int, default=1500)
    parser.add_argument("--borough", default="E09000012")
    parser.add_argument("--seed", type=int, default=address_noise.SEED)
    parser.add_argument("--examples")
    args = parser.parse_args()

    postcodes = pd.read_csv(os.path.join(LONDON, "postcodes.csv.gz"), usecols=["postcode", "lad_code"])
    reference = address_noise.homes(postcodes[postcodes["lad_code"] == args.borough]["postcode"], n_homes=args.homes,
                                    seed=args.seed)
    audit = {}
    extracts, truth = address_noise.extracts(reference, seed=args.seed, extra_noise=args.extra_noise, audit=audit)
    frames = [(name, frame, detect_columns(frame, name)) for name, (_, frame) in extracts.items()]
    records = prepare_records(frames)
    result = link_households(records)
    records["household"] = result.household
    records["truth"] = [h for name in extracts for h in truth[name]]
    records["errors"] = [mechanisms(a) for name in extracts for a in audit[name]]
    quality = council_data.household_quality(result.household, records["truth"])
    pairs = council_data.pairwise_quality(result.household, records["truth"])
    print("extra noise {}: {} reference homes, {} rows".format(args.extra_noise, len(reference), len(records)))
    print("all layouts: {households} households, exact {exact:.2%}, merged {merged:.2%}, split {split:.2%}".format(
        **quality), "pair precision {:.4f} recall {:.4f}".format(*pairs))

    # the households no text-only linkage can get exact (synthetic/linkage_ceiling.py)
    from community_risk.processing.analysis.addresses import standardise
    from community_risk.synthetic.linkage_ceiling import reference_addresses, text_ceiling

    ceiling, stuck = text_ceiling(records, records["truth"].to_numpy(), reference_addresses(reference, standardise))
    print("text ceiling {:.2%}: {} households have a row no reading of the text can place (a row without a UPRN "
          "another row gives, fitting its home and another, not settled by elimination in its file)".format(
              ceiling, len(stuck)))

    # per layout: the households that have a row in the extract
    truths_per_cluster = records.groupby("household")["truth"].nunique()
    clusters_per_truth = records.groupby("truth")["household"].nunique()
    merged = set(records.loc[records["household"].map(truths_per_cluster) > 1, "truth"])
    split = set(clusters_per_truth.index[clusters_per_truth > 1])
    for name in extracts:
        homes = set(records.loc[records["source"] == name, "truth"])
        print("  {:40s} {:5d} households, exact {:.2%}, merged {:.2%}, split {:.2%}".format(
            name, len(homes), 1 - len(homes & (merged | split)) / len(homes), len(homes & merged) / len(homes),
            len(homes & split) / len(homes)))

    # the rows that went astray, by error
    astray, total = Counter(), Counter()
    for errors in records["errors"]:
        total.update(set(errors))
    examples = []
    for home, rows in records[records["truth"].isin(merged | split)].groupby("truth"):
        main_cluster = rows["household"].value_counts().index[0]
        off = rows[rows["household"] != main_cluster]
        intruders = records[(records["household"].isin(rows["household"])) & (records["truth"] != home)]
        for errors in list(off["errors"]) + list(intruders["errors"]):
            astray.update(set(errors))
        examples.append((home, "merged" if home in merged else "split",
                         pd.concat([rows, intruders]).sort_values("household")))
    print("\nerror: rows astray / rows with it")
    for error, n in astray.most_common(40):
        print("  {:45s} {:5d} / {:5d}".format(error, n, total[error]))
    if args.examples:
        with open(args.examples, "w", encoding="utf-8") as out:
            for home, kind, rows in examples:
                out.write("== {} {}{}\n".format(home, kind, " (beyond text)" if home in stuck.index else ""))
                for r in rows.itertuples():
                    out.write("  h{:<5} t{} {:28s} {:14s} | {!r:45} | flat={} num={} bld={} st={} pc={} uprn={}\n"
                              .format(r.household, r.truth[-4:], r.source[:28], ",".join(r.errors)[:14], r.written,
                                      r.flat, r.number, r.building, r.street, r.postcode, r.uprn))
    return 0


if __name__ == "__main__":
    sys.exit(main())
