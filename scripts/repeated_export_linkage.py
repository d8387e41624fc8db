"""A council export given twice: the linkage with a second year of one export added (the same homes, each row's
slips drawn again) or the same file added again (its rows shuffled), on the held-out and the blind error models.
Two years of one council system are near-duplicates: the model must not learn from them that one home's rows always
agree exactly, which would push every pair that differs somewhere far below the clerical review band.

    PYTHONPATH=.build/pkgroot .venv/bin/python scripts/repeated_export_linkage.py [--homes 400] [--seed N]
        [--model holdout|blind ...] [--alone] [--without-uprns]

Per case: households exact, merged and split (against the truth), the review's size and how many of its pairs are
truly one home, and the m the model learnt for an exact match of postcode, number and street.
"""
import argparse
import os
import sys
import tempfile

import numpy as np

from community_risk.processing.analysis.linkage import link_households, prepare_records
from community_risk.processing.analysis.people_at_risk import detect_columns, read_table
from community_risk.synthetic import address_blind, address_holdout
from community_risk.synthetic.address_holdout import household_status, summary

LONDON = os.environ.get("LONDON_DATA") or os.path.normpath(
    os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "shared", "data", "london"))
REDRAWN = 1000  # added to the seed of each row's slips for the second year


def holdout_exports(postcodes_csv, n_homes, seed, borough):
    """{name: frame}, {name: [home per row]} of the held-out model, and council tax written again with new slips."""
    import pandas as pd

    postcodes = pd.read_csv(postcodes_csv, usecols=["postcode", "lad_code"])
    reference = address_holdout.homes(postcodes.loc[postcodes["lad_code"] == borough, "postcode"], n_homes=n_homes,
                                      seed=seed)
    out, truth = address_holdout.extracts(reference, seed=seed)
    frames = {name: frame for name, (_, frame) in out.items()}
    by_home = {home["home"]: home for home in reference.to_dict("records")}
    uprns_by_postcode = reference.groupby("postcode")["uprn"].apply(list).to_dict()
    postcodes_by_sector = {}
    for postcode in sorted(uprns_by_postcode):
        postcodes_by_sector.setdefault(postcode[:-2], []).append(postcode)
    spec = address_holdout.EXTRACTS["council_tax"]
    spec = dict(spec, uprns_by_postcode=uprns_by_postcode, postcodes_by_sector=postcodes_by_sector,
                without=frozenset(), **address_holdout._RATES[spec["layout"]])
    writer = address_holdout._WRITERS[spec["layout"]]
    rows = [writer(np.random.default_rng([seed + REDRAWN, 0, position]), by_home[home], spec, "council_tax")[0]
            for position, home in enumerate(truth["council_tax"])]
    return frames, truth, pd.DataFrame(rows), "UPRN"


def blind_exports(postcodes_csv, n_homes, seed, borough):
    """As holdout_exports, for the blind model (each export read back from its file as a user's would be)."""
    import pandas as pd

    reference = address_blind.homes(address_blind.load_postcodes(postcodes_csv, borough), n_homes=n_homes, seed=seed,
                                    borough=borough)
    out, truth = address_blind.extracts(reference, seed=seed)
    with tempfile.TemporaryDirectory() as folder:
        frames = {name: read_table(path) for name, path in address_blind.write(folder, out).items()}
    # the second year: the first year's homes in its order, each written with the slips of another seed
    records = reference.to_dict("records")
    flats_of = {}
    for home in records:
        if home["flat"]:
            flats_of.setdefault(home["parent_uprn"], []).append(home["flat"])
    all_postcodes = reference.attrs.get("postcodes", sorted(set(reference["postcode"])))
    index_of = {int(home["home"]): i for i, home in enumerate(records)}
    rows = []
    for order, home_id in enumerate(truth["council_tax"]):
        i = index_of[home_id]
        w = address_blind._Writer(np.random.default_rng([seed + REDRAWN, 0, i]), address_blind.RATES["council_tax"],
                                  ())
        pieces = address_blind._pieces(w, records[i], flats_of.get(records[i]["parent_uprn"], []), all_postcodes,
                                       borough)
        rows.append(address_blind._WRITERS["council_tax"](w, records[i], pieces, order))
    second = pd.DataFrame(rows).fillna("").astype(str)
    uprn_column = next(c for c in second.columns if "uprn" in c.lower())
    return frames, truth, second, uprn_column


def link(frames, truth):
    """(households exact, merged, split, review pairs, review pairs truly one home, the learnt model)."""
    named = [(name, frame, detect_columns(frame, name)) for name, frame in frames.items()]
    records = prepare_records(named)
    result = link_households(records)
    records["household"] = list(result.household)
    records["truth"] = [h for name in frames for h in truth[name]]
    status = household_status(records)
    figures = summary(records, status)
    n = figures["households"]
    review = result.review
    true_ids = records["truth"].to_numpy()
    one_home = int((true_ids[review["unique_id_l"].astype(int)] == true_ids[review["unique_id_r"].astype(int)]).sum()) \
        if len(review) else 0
    return (round(figures["exact"] * n), round(figures["merged"] * n), round(figures["split"] * n), len(review),
            one_home, result.stats.get("model") or {})


def exact_m(model):
    levels = model.get("comparisons", {})
    out = []
    for name in ("postcode", "premise", "street"):
        first = (levels.get(name) or [{}])[0]
        out.append("{}={}".format(name, first.get("m")))
    return ", ".join(out)


def cases(frames, truth, second, uprn_column, alone, without_uprns):
    base = {"council_tax": frames["council_tax"]} if alone else dict(frames)
    shuffled = frames["council_tax"].sample(frac=1.0, random_state=7).reset_index(drop=True)
    order = frames["council_tax"].sample(frac=1.0, random_state=7).index
    truth = dict(truth, council_tax_copy=[truth["council_tax"][i] for i in order],
                 council_tax_next_year=list(truth["council_tax"]))
    out = [("as given", base),
           ("+ the same file again, shuffled", dict(base, council_tax_copy=shuffled)),
           ("+ next year's file (slips drawn again)", dict(base, council_tax_next_year=second))]
    if without_uprns:
        out = [(label, {name: frame.drop(columns=[c for c in frame.columns if "uprn" in c.lower()])
                        for name, frame in chosen.items()}) for label, chosen in out]
    return out, truth


def main(argv=None):
    parser = argparse.ArgumentParser()
    parser.add_argument("--homes", type=int, default=400)
    parser.add_argument("--seed", type=int)
    parser.add_argument("--borough")
    parser.add_argument("--model", action="append", choices=("holdout", "blind"))
    parser.add_argument("--alone", action="store_true", help="council tax only, not every export")
    parser.add_argument("--without-uprns", action="store_true", help="every UPRN column left out")
    args = parser.parse_args(argv)
    postcodes = os.path.join(LONDON, "postcodes.csv.gz")
    for model in args.model or ("holdout", "blind"):
        module = address_holdout if model == "holdout" else address_blind
        seed = args.seed if args.seed is not None else module.SEED
        borough = args.borough or module.BOROUGH
        build = holdout_exports if model == "holdout" else blind_exports
        frames, truth, second, uprn_column = build(postcodes, args.homes, seed, borough)
        chosen, truth = cases(frames, truth, second, uprn_column, args.alone, args.without_uprns)
        print("{} model, borough {}, seed {}, {} homes; {}{}".format(
            model, borough, seed, args.homes, "council tax alone" if args.alone else "every export",
            ", without UPRNs" if args.without_uprns else ""))
        print("  {:40s} {:>6s} {:>6s} {:>6s} {:>7s} {:>9s}  learnt m of exact agreement".format(
            "case", "exact", "merged", "split", "review", "one home"))
        for label, given in chosen:
            exact, merged, split, review, one_home, learnt = link(given, truth)
            print("  {:40s} {:6d} {:6d} {:6d} {:7d} {:9d}  {} ({})".format(
                label, exact, merged, split, review, one_home, exact_m(learnt), learnt.get("m_learnt_from")))
    return 0


if __name__ == "__main__":
    sys.exit(main())
