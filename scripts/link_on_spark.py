"""Link council extracts into households on a Spark cluster (or on DuckDB here), with no QGIS anywhere.

For a national body whose records outgrow one machine. It imports only processing/analysis, the project's QGIS-free
code, and runs the same linkage as Find people at risk: exact UPRN, then Splink's model with the same settings and
the same training. Each extract is CSV (.csv, .csv.gz; any encoding Find people at risk reads) or Parquet; its UPRN,
postcode and address columns are found by their names, and every other column (names, dates of birth, notes) is
dropped unread. The output holds, per input row, only its dataset, its row number (1 = the first data row) and its
household number: Parquet, or CSV (numbers unquoted, text neutralised).

    spark-submit --master spark://head:7077 --driver-memory 16g scripts/link_on_spark.py \\
        --engine spark --output households.parquet council_tax.parquet electoral_register.csv.gz care.csv

See README, 'Linkage on Spark'.
"""
import argparse
import json
import os
import sys
import tempfile


def package_root():
    """A folder that holds this checkout as the package `community_risk` (never the checkout itself on sys.path:
    its `processing` folder would shadow QGIS's)."""
    repo = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    built = os.path.join(repo, ".build", "pkgroot")
    if os.path.realpath(os.path.join(built, "community_risk")) == os.path.realpath(repo):
        return built
    root = tempfile.mkdtemp(prefix="community_risk_pkgroot_")
    os.symlink(repo, os.path.join(root, "community_risk"))
    return root


def read_extract(path):
    """An extract as text columns ('' for a missing cell), as Find people at risk reads its datasets."""
    from community_risk.processing.analysis.readers import read_table_file

    if path.lower().endswith(".parquet"):
        import pandas as pd

        frame = pd.read_parquet(path)
        return frame.astype(object).where(frame.notna(), "").astype(str)
    return read_table_file(path)


def link(paths, engine, threshold):
    """(table of dataset, row and household per input row, the linkage's statistics)."""
    import numpy as np
    import pandas as pd

    from community_risk.processing.analysis.linkage import link_households, prepare_records
    from community_risk.processing.analysis.people_at_risk import detect_columns

    names = [os.path.basename(path) for path in paths]
    if len(set(names)) < len(names):
        raise SystemExit("Two extracts have the same file name: rename one, so that the output tells them apart.")
    frames = []
    for name, path in zip(names, paths):
        frame = read_extract(path)
        frames.append((name, frame, detect_columns(frame, name)))
    records = prepare_records(frames)
    keyed = (records[["uprn", "postcode", "street", "building"]].notna().any(axis=1)).to_numpy()
    linkable = records[keyed].reset_index(drop=True)
    linkable["unique_id"] = np.arange(len(linkable))
    result = link_households(linkable, threshold=threshold, engine=engine)
    household = np.full(len(records), -1, dtype=np.int64)  # -1: a row with no UPRN, postcode or address
    household[keyed] = result.household
    table = pd.DataFrame({"dataset": records["source"].to_numpy(), "row": records["row"].to_numpy() + 1,
                          "household": household})
    return table, dict(result.stats, rows_without_address=int((~keyed).sum()))


def write(table, path):
    if path.lower().endswith(".parquet"):
        table.to_parquet(path, index=False)
    else:
        from community_risk.processing.analysis.tables import write_csv

        write_csv(path, table)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("extracts", nargs="+", help="CSV (.csv, .csv.gz) or Parquet files, one per dataset")
    parser.add_argument("--output", required=True, help="households.parquet or households.csv")
    parser.add_argument("--engine", choices=("auto", "duckdb", "spark"), default="auto",
                        help="spark under spark-submit; auto: Spark when COMMUNITY_RISK_SPARK_MASTER is set")
    parser.add_argument("--threshold", type=float, default=0.9, help="match probability that links (default 0.9)")
    args = parser.parse_args(argv)
    if os.path.abspath(args.output) in {os.path.abspath(p) for p in args.extracts}:
        raise SystemExit("The output would overwrite an extract: choose another output file.")
    sys.path.insert(0, package_root())
    from community_risk.processing.analysis.messages import AnalysisError

    try:
        table, stats = link(args.extracts, args.engine, args.threshold)
    except AnalysisError as error:
        raise SystemExit(str(error))
    try:
        write(table, args.output)
    except OSError as error:
        raise SystemExit("The output '{}' could not be written: {}.".format(args.output, error.strerror or error))
    stats.pop("model", None)
    print(json.dumps(dict(stats, output=args.output), indent=1))


if __name__ == "__main__":
    main()
