"""Household linkage judged on the blind extract model (synthetic/address_blind.py), written as an outside judge,
without reading the linker or the repo's other error models: overall, per layout, per kind of slip or written form,
and the failures ranked by class with the rows as written.

    PYTHONPATH=.build/pkgroot .venv/bin/python scripts/blind_linkage.py [--homes 2500] [--seed N]
        [--borough E09000030] [--examples 2] [--classes 15] [--without KIND ...] [--costs N]

A household (a home) is exact when all its rows, and no others, are in one linked household; merged when a linked
household holding its rows holds another home's too; split when its rows are in two or more. A failure's class is
the slips and forms of its rows astray less those of the rows that stayed. --costs N rebuilds the set without each
of the N kinds of slip that part the most households (every other row as it was) and prints what the linkage
reaches then: the households that kind costs.
"""
import argparse
import os
import sys
from collections import Counter

from community_risk.synthetic import address_blind
from community_risk.synthetic.address_blind import address_of, beyond_text, failures, per_layout, per_slip, summary
from community_risk.synthetic.council_extracts import pairwise_quality

LONDON = os.environ.get("LONDON_DATA") or os.path.normpath(
    os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "shared", "data", "london"))


def percent(x):
    return "{:.1%}".format(x)


def print_overall(records, status, args):
    overall = summary(records, status)
    precision, recall = pairwise_quality(records["household"], records["truth"])
    print("blind model, borough {}, seed {}{}: {} rows, {} households{}".format(
        args.borough, args.seed, ", as fixed by the user ({})".format(
            "all" if args.user_fixes is True else ", ".join(args.user_fixes)) if args.user_fixes else "", len(records),
        overall["households"],
        "; left out: " + ", ".join(args.without) if args.without else ""))
    print("all layouts: exact {} ({}), merged {} ({}), split {} ({}); pair precision {:.4f}, recall {:.4f}".format(
        percent(overall["exact"]), round(overall["exact"] * overall["households"]),
        percent(overall["merged"]), round(overall["merged"] * overall["households"]),
        percent(overall["split"]), round(overall["split"] * overall["households"]), precision, recall))
    lost = beyond_text(records)
    print("beyond a text linkage (a row naming no home or another, with no UPRN another export gives): {} households, "
          "so about {} at most; of them {} exact now".format(
              len(lost), percent(1 - len(lost) / overall["households"]), int((status[list(lost)] == "exact").sum())))
    for name, why in records.attrs["refused"].items():
        print("REFUSED, left out of the linkage: {} ({})".format(name, why))
    return overall


def print_breakdowns(records, status):
    print("\nper layout (the households each export holds, within the joint linkage):")
    print("  {:22s} {:>6s} {:>7s} {:>7s} {:>7s} {:>9s} {:>7s} {:>8s}".format(
        "layout", "homes", "exact", "merged", "split", "pair prec", "recall", "ceiling"))
    lost = beyond_text(records)
    for layout, figures in per_layout(records, status).items():
        homes = set(records.loc[records["layout"] == layout, "truth"])
        print("  {:22s} {:6d} {:>7s} {:>7s} {:>7s} {:9.4f} {:7.4f} {:>8s}".format(
            layout, figures["households"], percent(figures["exact"]), percent(figures["merged"]),
            percent(figures["split"]), figures["pair_precision"], figures["pair_recall"],
            percent(1 - len(homes & lost) / len(homes))))
    print("\nper kind of slip or written form (the households with a row carrying it), worst first:")
    print("  {:34s} {:>6s} {:>7s} {:>7s} {:>7s}".format("kind", "homes", "exact", "merged", "split"))
    for kind, figures in sorted(per_slip(records, status).items(), key=lambda item: item[1]["exact"]):
        print("  {:34s} {:6d} {:>7s} {:>7s} {:>7s}".format(kind, figures["households"], percent(figures["exact"]),
                                                           percent(figures["merged"]), percent(figures["split"])))


def print_failures(records, status, args):
    found = failures(records, status)
    homes = records.attrs["homes"].set_index("home")
    causes = Counter(what.split(": ", 1)[1] for _, what, _, _ in found)
    classes = Counter((how, what) for how, what, _, _ in found)
    print("\nhouseholds not exact: {} ({} split, {} merged)".format(
        len(found), sum(1 for f in found if f[0] == "split"), sum(1 for f in found if f[0] == "merged")))
    print("by likeliest cause (households, split/merged, the exports of the rows astray):")
    for cause, count in causes.most_common(args.classes):
        mine = [f for f in found if f[1].split(": ", 1)[1] == cause]
        where = Counter(f[1].split(": ", 1)[0] for f in mine)
        print("  {:4d} {:34s} {:3d}/{:<3d} {}".format(count, cause, sum(1 for f in mine if f[0] == "split"),
                                                    sum(1 for f in mine if f[0] == "merged"),
                                                    ", ".join("{} {}".format(w, n) for w, n in where.most_common())))
    print("\nby export and cause, with examples (* a row of another home):")
    for (how, what), count in classes.most_common(args.classes):
        print("  {:4d} {:6s} {}".format(count, how, what))
        for _, _, truth, rows in [f for f in found if f[:2] == (how, what)][:args.examples]:
            print("       home {}: {}".format(truth, address_of(homes.loc[truth])))
            for _, row in rows.iterrows():
                mark = " " if row["truth"] == truth else "*"
                print("        {}[h{}] {}: {}  {{{}}}".format(mark, row["household"], row["source"],
                                                           row["as_written"], ", ".join(row["errors"])))
    return causes


def print_costs(args, postcodes, overall, causes):
    print("\nwhat each kind costs (the set rebuilt without it, everything else as it was):")
    print("  {:34s} {:>7s} {:>7s} {:>9s}".format("left out", "exact", "merged", "households"))
    print("  {:34s} {:>7s} {:>7s}".format("(nothing)", percent(overall["exact"]), percent(overall["merged"])))
    for kind, _ in [c for c in causes.most_common() if c[0] != "(none)"][:args.costs]:
        figures = summary(*address_blind.judge(postcodes, args.homes, args.seed, args.borough, args.without + [kind],
                                               args.user_fixes))
        gained = round((figures["exact"] - overall["exact"]) * overall["households"])
        print("  {:34s} {:>7s} {:>7s} {:>+9d}".format(kind, percent(figures["exact"]), percent(figures["merged"]),
                                                      gained))


def main(argv=None):
    parser = argparse.ArgumentParser()
    parser.add_argument("--homes", type=int, default=2500)
    parser.add_argument("--seed", type=int, default=address_blind.SEED)
    parser.add_argument("--borough", default=address_blind.BOROUGH)
    parser.add_argument("--examples", type=int, default=2, help="example households per failure class")
    parser.add_argument("--classes", type=int, default=15)
    parser.add_argument("--without", action="append", default=[], help="a kind of slip to leave out")
    parser.add_argument("--user-fixes", action="store_true",
                        help="measure the exports as a user fixes them after the toolkit's messages (block column "
                             "renamed, postcode copied out of the address into its own column)")
    parser.add_argument("--only-fix", choices=address_blind.USER_FIXES,
                        help="with --user-fixes: make this fix only")
    parser.add_argument("--costs", type=int, default=0, help="measure the top N kinds of slip left out one by one")
    args = parser.parse_args(argv)
    if args.user_fixes and args.only_fix:
        args.user_fixes = (args.only_fix,)

    postcodes = os.path.join(LONDON, "postcodes.csv.gz")
    records, status = address_blind.judge(postcodes, args.homes, args.seed, args.borough, args.without,
                                          args.user_fixes)
    overall = print_overall(records, status, args)
    print_breakdowns(records, status)
    causes = print_failures(records, status, args)
    if args.costs:
        print_costs(args, postcodes, overall, causes)
    return 0


if __name__ == "__main__":
    sys.exit(main())
