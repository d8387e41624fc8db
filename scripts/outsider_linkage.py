"""Household linkage judged on the outside generator (synthetic/address_outsider.py): nine council layouts and
noise written without reference to the linker.

    LONDON_DATA=/work/shared/data/london PYTHONPATH=.build/pkgroot .venv/bin/python scripts/outsider_linkage.py \
        [--borough E09000032] [--seed 1] [--homes 2500] [--examples 3]

Prints, overall and per layout, the share of households exact / merged / split (a household is right only when
all its rows, and no others, are together; a layout's figure is over the households it has a row of), the columns
each layout was read by, the text ceiling (synthetic/linkage_ceiling.py, and again with the rows whose noise names
another home or a home only the house's owner could tell), and the failing households classified by the noise
mechanisms of the rows that went astray, most households lost first, with their rows as written.
"""
import argparse
import os
import sys
from collections import Counter, defaultdict

import pandas as pd

from community_risk.processing.analysis.linkage import link_households, prepare_records
from community_risk.processing.analysis.people_at_risk import detect_columns
from community_risk.synthetic import address_outsider
from community_risk.synthetic.council_extracts import household_quality

LONDON = os.environ.get("LONDON_DATA", os.path.join(os.path.dirname(__file__), "..", "..", "..", "shared", "data",
                                                    "london"))


def link(world):
    """(rows: one per extract row with layout, truth, tags, text as written; predicted household per row;
    the records as the linker prepared them; the columns each layout was read by)."""
    frames, rows, read = [], [], {}
    for name, frame in world.extracts.items():
        columns = detect_columns(frame, name)
        frames.append((name, frame, columns))
        read[name] = columns
        spec = address_outsider.LAYOUTS[name]
        used = set(columns["address"]) | set(columns["uprns"]) | {columns["postcode"]}
        shown = [c for c in frame.columns if c in spec["address"] or c in (spec["uprn"], spec["postcode"])]
        for k, (truth, tags) in enumerate(zip(world.truth[name], world.noise[name])):
            written = " | ".join("{}={}".format(c, frame[c].iat[k]) for c in shown if str(frame[c].iat[k]).strip())
            unread = [c for c in spec["address"] + [spec["uprn"], spec["postcode"]]
                      if c and c not in used and str(frame[c].iat[k]).strip()
                      and c not in ("Town", "TOWN_NAME", "Post Town", "LOCALITY", "Dependent Locality")]
            tags = tuple(tags) + (("unread_column:" + "/".join(unread),) if unread else ())
            rows.append({"layout": name, "truth": truth, "tags": tags, "written": written,
                         "uprn_written": frame[spec["uprn"]].iat[k] if spec["uprn"] else ""})
    records = prepare_records(frames)
    result = link_households(records.copy())
    table = pd.DataFrame(rows)
    table["predicted"] = list(result.household)
    return table, records, read


def household_status(table):
    """Per true household: 'exact', 'merged' or 'split' (merged wins when both)."""
    truths_per_cluster = table.groupby("predicted")["truth"].nunique()
    clusters_per_truth = table.groupby("truth")["predicted"].nunique()
    merged = set(table[table["predicted"].map(truths_per_cluster) > 1]["truth"])
    return {t: ("merged" if t in merged else "split" if clusters_per_truth[t] > 1 else "exact")
            for t in clusters_per_truth.index}


def astray_rows(table, truth, by_truth, by_cluster):
    """The rows that stop a household being exact: its rows outside its main cluster, and other households' rows
    inside it."""
    own = by_truth[truth]
    # its main cluster: the one with most of its rows; on a tie, the one whose rows were written cleanest
    score = Counter()
    for i in own:
        score[table.at[i, "predicted"]] += 1000 - len(table.at[i, "tags"])
    main = max(score, key=lambda c: (score[c], str(c)))
    outside = [i for i in own if table.at[i, "predicted"] != main]
    intruders = [i for i in by_cluster[main] if table.at[i, "truth"] != truth]
    return outside, intruders


# which mechanism to blame when a row went astray with several: those that change what home the text names, or
# leave out what tells it, before those that only change how it is spelt
PRECEDENCE = ["unread_column", "flat_convention", "wrong_flat", "floor_top", "old_street_name", "flat_missing",
              "postcode_neighbour", "postcode_missing", "postcode_partial", "number_missing", "building_missing",
              "house_name", "range_form", "typo", "flat_form", "building_abbrev", "street_abbrev", "saint_form",
              "postcode_format", "postcode_in_address", "uprn_slip", "uprn_parent", "uprn_blank", "town_missing",
              "locality", "extra_text", "apostrophe", "punctuation", "case", "clean"]


def primary(mechanisms):
    return min(mechanisms, key=lambda m: PRECEDENCE.index(m.split(":")[0]))


def classify(table, status):
    """(households per primary mechanism (PRECEDENCE, the first of those on the rows gone astray), households
    touched by each mechanism, example households per primary mechanism: those with fewest mechanisms first)."""
    by_truth = table.groupby("truth").indices
    by_cluster = table.groupby("predicted").indices
    classes, examples, sole = Counter(), defaultdict(list), Counter()
    for truth, state in status.items():
        if state == "exact":
            continue
        outside, intruders = astray_rows(table, truth, by_truth, by_cluster)
        astray = outside + intruders
        if state == "merged" and not intruders:
            # merged into another household's main cluster: the rows of it that sit with strangers
            clusters = set(table.loc[by_truth[truth], "predicted"])
            astray = [i for c in clusters for i in by_cluster[c] if len(set(table.loc[by_cluster[c], "truth"])) > 1]
        mechanisms = set()
        for i in astray:
            tags = table.at[i, "tags"]
            mechanisms.update(tags if tags else ["clean:" + table.at[i, "layout"]])
        if all(m.startswith("clean:") for m in mechanisms):
            # clean rows split from the rest: the rest were the ones written otherwise
            mechanisms.update(m for i in by_truth[truth] for m in table.at[i, "tags"])
        first = primary(mechanisms)
        classes[first] += 1
        examples[first].append((len(mechanisms), truth, state))
        for m in mechanisms:
            sole[m] += 1
    examples = {m: [(t, s) for _, t, s in sorted(found, key=lambda e: e[0])] for m, found in examples.items()}
    return classes, sole, examples


def ceilings(world, records, table):
    from community_risk.processing.analysis.addresses import standardise
    from community_risk.synthetic.linkage_ceiling import reference_addresses, text_ceiling

    ceiling, stuck = text_ceiling(records, table["truth"].to_numpy(),
                                  reference_addresses(world.reference, standardise))
    # rows naming another home, or one only the house's owner can tell, unless a UPRN given elsewhere places them
    given = table["uprn_written"].astype(str).value_counts()
    rows_per_home = table["truth"].value_counts()
    beyond = set()
    for row in table.itertuples():
        placed = str(row.uprn_written) == row.truth and given.get(row.truth, 0) >= 2
        if set(row.tags) & address_outsider.BEYOND_TEXT and not placed and rows_per_home[row.truth] >= 2:
            beyond.add(row.truth)
    households = table["truth"].nunique()
    out_of_reach = beyond | set(stuck.index)
    return ceiling, 1 - len(out_of_reach) / households, out_of_reach


def report(world, table, records, read, n_examples, out=sys.stdout):
    status = household_status(table)
    overall = household_quality(table["predicted"], table["truth"])
    print("rows {}, households {}".format(len(table), overall["households"]), file=out)
    print("OVERALL exact {exact:.4f} merged {merged:.4f} split {split:.4f}".format(**overall), file=out)
    ceiling, ceiling_beyond, out_of_reach = ceilings(world, records, table)
    print("text ceiling {:.4f}; with the rows beyond text ({}) {:.4f}".format(
        ceiling, "/".join(sorted(address_outsider.BEYOND_TEXT)), ceiling_beyond), file=out)
    print("\nper layout (households with a row in the layout):", file=out)
    print("{:22s} {:>6s} {:>6s} {:>7s} {:>7s} {:>7s}  {}".format("layout", "rows", "hh", "exact", "merged", "split",
                                                                 "columns not read / read"), file=out)
    for name, frame in world.extracts.items():
        spec = address_outsider.LAYOUTS[name]
        if not len(frame):
            continue
        states = Counter(status[t] for t in set(world.truth[name]))
        n = sum(states.values())
        used = set(read[name]["address"]) | set(read[name]["uprns"]) | {read[name]["postcode"]}
        lost = [c for c in spec["address"] + [spec["uprn"], spec["postcode"]] if c and c not in used]
        people_read = [c for c in spec["people"] if c in used]
        print("{:22s} {:6d} {:6d} {:7.4f} {:7.4f} {:7.4f}  not read: {}{}".format(
            name, len(frame), n, states["exact"] / n, states["merged"] / n, states["split"] / n,
            ", ".join(lost) or "-", ("; PERSON COLUMNS READ: " + ", ".join(people_read)) if people_read else ""),
            file=out)
    classes, sole, examples = classify(table, status)
    lost = sum(1 for s in status.values() if s != "exact")
    print("\nfailure classes ({} households not exact; each counted once, under the first mechanism in PRECEDENCE "
          "among its rows gone astray; 'clean:X' = an untouched row of layout X went astray):".format(lost), file=out)
    by_truth = table.groupby("truth").indices
    for mechanism, count in classes.most_common():
        states = Counter(s for _, s in examples[mechanism])
        reachable = sum(1 for t, _ in examples[mechanism] if t not in out_of_reach)
        print("\n== {}: {} households ({} merged, {} split; {} within the ceiling; touched by it in all: {})".format(
            mechanism, count, states["merged"], states["split"], reachable, sole[mechanism]), file=out)
        for truth, state in examples[mechanism][:n_examples]:
            home = world.reference.set_index("uprn").loc[truth]
            print("  home {} [{}]: {} / {} / {} / {} / {} ({})".format(
                truth, state, home["subname"] or "-", home["name"] or "-", home["number"] or "-", home["streetname"],
                home["postcode"], home["kind"]), file=out)
            for i in by_truth[truth]:
                r = table.iloc[i]
                print("    cl {:>6} {:20s} {}  {}".format(str(r["predicted"])[-6:], r["layout"], r["written"],
                                                        ",".join(r["tags"])), file=out)
    return overall, status


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--borough", default="E09000032")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--homes", type=int, default=2500)
    parser.add_argument("--examples", type=int, default=3)
    parser.add_argument("--skip", action="append", default=[], help="leave a layout out (to see what lies beneath "
                        "a failure class it dominates); may be given more than once")
    args = parser.parse_args(argv)
    postcodes = address_outsider.borough_postcodes(os.path.join(LONDON, "postcodes.csv.gz"), args.borough)
    world = address_outsider.generate(postcodes, n_homes=args.homes, seed=args.seed, borough=args.borough)
    for layout in args.skip:
        for part in (world.extracts, world.truth, world.noise):
            del part[layout]
    print("outside generator: borough {}, seed {}, homes {}{}".format(
        args.borough, args.seed, len(world.reference), "; left out: " + ", ".join(args.skip) if args.skip else ""))
    table, records, read = link(world)
    report(world, table, records, read, args.examples)


if __name__ == "__main__":
    main()
