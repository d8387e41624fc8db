"""Household linkage judged on the held-out error model (synthetic/address_holdout.py), which neither the linker nor
the project's generators were written with: per layout, per kind of error, and the failures with examples.

    PYTHONPATH=.build/pkgroot .venv/bin/python scripts/holdout_linkage.py [--homes 2000] [--seed N]
        [--borough E09000028] [--examples 2] [--without KIND ...] [--costs 8]

--without leaves kinds of error out of the extracts (as named in the per-kind table, e.g. uprn:zero_padded);
--costs N measures, for the N kinds of error that part the most rows, what the linkage reaches without each.

A household (a home) is exact when all its rows, and no others, are in one linked household; merged when a linked
household holding its rows holds another home's too; split when its rows are in two or more.
"""
import argparse
import os
import sys
from collections import Counter

from community_risk.synthetic import address_holdout
from community_risk.synthetic.address_holdout import astray_rows, category, per_error, per_layout, summary
from community_risk.synthetic.council_extracts import pairwise_quality

LONDON = os.environ.get("LONDON_DATA") or os.path.normpath(
    os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "shared", "data", "london"))


def percent(x):
    return "{:.1%}".format(x)


def main(argv=None):
    parser = argparse.ArgumentParser()
    parser.add_argument("--homes", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=address_holdout.SEED)
    parser.add_argument("--borough", default=address_holdout.BOROUGH)
    parser.add_argument("--examples", type=int, default=2, help="example row pairs per failure category")
    parser.add_argument("--categories", type=int, default=15)
    parser.add_argument("--without", action="append", default=[], help="a kind of error to leave out")
    parser.add_argument("--costs", type=int, default=0, help="measure the top N kinds of error left out one by one")
    args = parser.parse_args(argv)

    postcodes = os.path.join(LONDON, "postcodes.csv.gz")
    records, status = address_holdout.judge(postcodes, args.homes, args.seed, args.borough, args.without)
    overall = summary(records, status)
    precision, recall = pairwise_quality(records["household"], records["truth"])
    print("held-out model, borough {}, seed {}: {} rows, {} households{}".format(
        args.borough, args.seed, len(records), overall["households"],
        "; left out: " + ", ".join(args.without) if args.without else ""))
    print("all layouts: exact {}, merged {}, split {}; pair precision {:.4f}, recall {:.4f}".format(
        percent(overall["exact"]), percent(overall["merged"]), percent(overall["split"]), precision, recall))

    print("\nper layout (the households each extract holds, within the joint linkage):")
    print("  {:22s} {:>6s} {:>7s} {:>7s} {:>7s} {:>9s} {:>7s}".format("layout", "homes", "exact", "merged", "split",
                                                                     "pair prec", "recall"))
    for layout, figures in per_layout(records, status).items():
        print("  {:22s} {:6d} {:>7s} {:>7s} {:>7s} {:9.4f} {:7.4f}".format(
            layout, figures["households"], percent(figures["exact"]), percent(figures["merged"]),
            percent(figures["split"]), figures["pair_precision"], figures["pair_recall"]))

    print("\nper kind of error (the households with a row carrying it):")
    print("  {:34s} {:>6s} {:>7s} {:>7s} {:>7s}".format("error", "homes", "exact", "merged", "split"))
    errors = per_error(records, status)
    rank = {kind: figures["exact"] for kind, figures in errors.items()}
    for kind, figures in sorted(errors.items(), key=lambda item: item[1]["exact"]):
        print("  {:34s} {:6d} {:>7s} {:>7s} {:>7s}".format(kind, figures["households"], percent(figures["exact"]),
                                                           percent(figures["merged"]), percent(figures["split"])))

    astray = astray_rows(records)
    categories = Counter((how, category(row, partner, rank)) for how, row, partner in astray)
    print("\nrows astray: {} ({} split off their home, {} merged into another); top categories (what tells the row "
          "from its partner):".format(len(astray), sum(1 for a in astray if a[0] == "split"),
                                      sum(1 for a in astray if a[0] == "merged")))
    for (how, what), count in categories.most_common(args.categories):
        print("  {:4d} {:6s} {}".format(count, how, what))
        shown = [(row, partner) for h, row, partner in astray if h == how and category(row, partner, rank) == what]
        for row, partner in shown[:args.examples]:
            print("         row:     {} [{}]".format(row["as_written"], row["source"]))
            print("         partner: {} [{}]".format(partner["as_written"], partner["source"]))

    if args.costs:
        parted = Counter(what for (how, what), count in categories.items() for _ in range(count)
                         if not what.startswith("same errors"))
        print("\nwhat each kind of error costs (the linkage with it left out, everything else as it was):")
        print("  {:34s} {:>7s} {:>7s}".format("left out", "exact", "merged"))
        print("  {:34s} {:>7s} {:>7s}".format("(nothing)", percent(overall["exact"]), percent(overall["merged"])))
        for kind, _ in parted.most_common(args.costs):
            figures = summary(*address_holdout.judge(postcodes, args.homes, args.seed, args.borough,
                                                     args.without + [kind]))
            print("  {:34s} {:>7s} {:>7s}".format(kind, percent(figures["exact"]), percent(figures["merged"])))
    return 0


if __name__ == "__main__":
    sys.exit(main())
