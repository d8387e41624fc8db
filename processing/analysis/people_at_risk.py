"""People at risk from fire, found by joining datasets councils already hold, with privacy designed in.

Each dataset has a role (which risk factor its presence means). Rows are linked into households
(linkage.py); a household's flags are the roles of the datasets it appears in. Only what the output needs
leaves this module: names, dates of birth and free text are never carried past reading, and household
keys are keyed hashes (HMAC-SHA256 with the user's secret, which is never written anywhere).
"""
import hashlib
import hmac
import os
import re
from dataclasses import dataclass, field

import numpy as np

from .messages import AnalysisError, Note, listed, translatable

ROLES = ("older", "alone", "mobility", "health", "smoking", "near_miss", "care")
ROLE_ALIASES = {"older_person": "older", "lives_alone": "alone", "living_alone": "alone", "reduced_mobility": "mobility",
                "other_health": "health", "smoking_candles": "smoking", "candles": "smoking", "nearmiss": "near_miss",
                "previous_near_miss": "near_miss", "receives_care": "care", "needs_care": "care",
                "council_tax": "register", "electoral_register": "register", "households": "register"}
REGISTER = "register"  # a dataset that lists households without meaning any risk factor
# Weights of the risk factors in the score, after London Fire Brigade's profile of those who die in fires.
WEIGHTS = {"older": 1.0, "alone": 1.0, "mobility": 2.0, "health": 1.0, "smoking": 2.0, "near_miss": 2.0, "care": 1.0}
MIN_SECRET_LENGTH = 16
def normalise_role(text):
    role = re.sub(r"[^a-z_]", "_", str(text).strip().lower()).strip("_")
    role = ROLE_ALIASES.get(role, role)
    if role not in ROLES and role != REGISTER:
        raise AnalysisError(translatable("Unknown role '{}'. Roles are: {}, or register (households with no risk "
                                         "factor of their own)."), text, ", ".join(ROLES))
    return role


def read_table(path):
    """A council export as text columns: CSV in UTF-8 (with or without BOM) or Windows-1252, XLSX, or any
    vector file GDAL reads."""
    import pandas as pd

    name = os.path.basename(path)
    lower = path.lower()
    if lower.endswith((".xlsx", ".xlsm")):
        frame = pd.read_excel(path, dtype=str, engine="openpyxl").fillna("")
    elif lower.endswith((".csv", ".txt", ".csv.gz")):
        for encoding in ("utf-8-sig", "cp1252"):
            try:
                frame = pd.read_csv(path, dtype=str, keep_default_na=False, encoding=encoding)
                break
            except UnicodeDecodeError:
                continue
        else:  # pragma: no cover - cp1252 decodes almost anything; latin-1 decodes everything
            frame = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="latin-1")
    else:
        from .gdal_io import read_attribute_table

        frame = read_attribute_table(path)
    frame.columns = [str(c).strip() for c in frame.columns]
    if frame.empty:
        raise AnalysisError(translatable("The dataset '{}' is empty: it has no rows."), name)
    return frame


def detect_columns(frame, name):
    """Which columns are the UPRN(s), the postcode and the address parts, from their names alone (addresses.py,
    column_role): only columns whose names say address, street, flat, house, building, premises or line are
    address columns, and a name of a person ("Householder", "Premises contact") never is. Every other column is
    dropped unread and listed. UPRNs that Excel turned into numbers like 1.00023E+11 are refused."""
    from .addresses import column_role

    columns = list(frame.columns)
    roles = {c: column_role(c) for c in columns}
    uprns = [c for c in columns if roles[c] == "uprn"]
    uprns.sort(key=lambda c: str(c).strip().upper() != "UPRN")  # the plain 'UPRN' column first
    postcode = next((c for c in columns if roles[c] == "postcode"), None)
    components = {part: [c for c in columns if roles[c] == part] for part in ("flat", "premise", "street", "line")}
    address = [c for c in columns if roles[c] in components]
    if not address and not uprns:  # first: a file of names alone ('Householder') has no address to speak of
        raise AnalysisError(translatable("The dataset '{}' has no address fields (e.g. 'Address Line 1') and no UPRN. "
                                         "Its fields are: {}. Only fields whose names say address, street, flat, "
                                         "house, building, premises or line are read as the address; a name field "
                                         "('Householder', 'Contact') never is."), name, listed(columns, 12))
    if postcode is None and not uprns and not _postcodes_in_address(frame, components):
        raise AnalysisError(translatable("The dataset '{}' has no UPRN or postcode field to link on, and its address "
                                         "fields do not end in a postcode. Its fields are: {}."),
                            name, listed(columns, 12))
    for column in uprns:
        text = frame[column].astype(str)
        spoiled = text[text.str.fullmatch(r"\s*[0-9](?:\.[0-9]+)?[eE]\+?[0-9]+\s*")]
        if len(spoiled):
            raise AnalysisError(translatable(
                "The dataset '{}' has {} UPRN(s) in '{}' written as numbers in scientific notation, e.g. '{}': Excel "
                "does this to long numbers and the last digits are lost, so these UPRNs cannot be trusted. Export "
                "the UPRN column again as text (in Excel: select the column, Format Cells > Text, or import the CSV "
                "with Data > From Text/CSV and set the column to Text), then run again."),
                name, len(spoiled), column, spoiled.iloc[0].strip())
    used = set(address + uprns + ([postcode] if postcode else []))
    return {"uprn": uprns[0] if uprns else None, "uprns": uprns, "postcode": postcode, "address": address,
            "components": components, "dropped": [c for c in columns if c not in used]}


def _postcodes_in_address(frame, components, sample=500):
    """Most rows' address ends in a postcode ('Addr Line 5' = 'LONDON E2 6BA'; 'Premises' = '9 Vallance Cres,
    London E2 6AZ'): an export with no postcode column that is linked on the postcodes in its addresses."""
    from .addresses import compose
    from .postcodes import split_trailing_postcode

    rows = frame.head(sample)
    if not any(components.values()) or not len(rows):
        return False
    found = [split_trailing_postcode(text)[1] is not None for text in compose(rows, components) if str(text).strip()]
    return bool(found) and sum(found) >= 0.5 * len(found)


def fields_used(columns):
    """The fields a dataset is matched on, in the order detect_columns found them: UPRNs, postcode, address."""
    return columns["uprns"] + [c for c in [columns["postcode"]] if c] + columns["address"]


def fields_note(name, columns):
    """What the log says of a dataset's fields: those matched on, and those left unread (names, notes, references),
    so the user sees that a 'Householder' or 'Contact' column played no part."""
    if columns["dropped"]:
        return Note(translatable("'{}': matched on {}; left unread, never used or written: {}."), name,
                    ", ".join(fields_used(columns)), ", ".join(columns["dropped"]))
    return Note(translatable("'{}': matched on {}; no other field."), name, ", ".join(fields_used(columns)))


def check_secret(secret):
    """At least 16 characters that are not spaces, and more than one distinct character: a key of sixteen
    spaces or 'aaaaaaaaaaaaaaaa' would make the pseudonyms guessable."""
    meaningful = "".join(str(secret or "").split())
    if len(meaningful) < MIN_SECRET_LENGTH or len(set(meaningful)) < 2:
        raise AnalysisError(translatable("The secret for pseudonymised keys must be at least {} characters long, not "
                                         "counting spaces, and not one character repeated."), MIN_SECRET_LENGTH)


def household_key(secret, canonical):
    return hmac.new(secret.encode("utf-8"), canonical.encode("utf-8"), hashlib.sha256).hexdigest()[:24]


@dataclass
class PeopleAtRiskResult:
    households: object  # DataFrame: household_key, postcode, flags, n_factors, score (+ address, uprn in referral)
    review: object  # DataFrame of borderline pairs
    record: dict  # the processing record
    notes: list = field(default_factory=list)


def check_request(secret, referral, lawful_basis, names_and_roles):
    """What is refused before any file is read (a borough's exports take a while): a weak secret, referral mode
    without its lawful basis, no dataset, a role or a file given twice. names_and_roles: [(dataset name, role)]."""
    check_secret(secret)
    if referral and not (lawful_basis or "").strip():
        raise AnalysisError(translatable("Referral mode writes names of places people live: it needs the lawful basis "
                                         "for sharing them (e.g. 'UK GDPR Art. 6(1)(e) and 9(2)(h), care referral')."))
    if not names_and_roles:
        raise AnalysisError(translatable("Give at least one dataset."))
    seen = {}
    for name, role in names_and_roles:
        if role != REGISTER and role in seen:
            raise AnalysisError(translatable("The role '{}' is given twice: to '{}' and to '{}'. Merge those datasets or "
                                             "give each its own role."), role, seen[role], name)
        seen[role] = name
    names = [name for name, _ in names_and_roles]
    twice = sorted({name for name in names if names.count(name) > 1})
    if twice:  # the review and the decisions name each record by its dataset's name (dataset_names.py)
        raise AnalysisError(translatable("The dataset '{}' is given twice: give each file once (two files of one name "
                                         "in different folders go by their folders, '2024/council_tax.csv')."),
                            "', '".join(twice))


def find_people_at_risk(datasets, secret, referral=False, lawful_basis="", threshold=0.9, review_low=0.3,
                        known_postcodes=None, progress=None, decisions=None):
    """datasets: list of (name, role, DataFrame). known_postcodes: optional set of the postcodes that exist
    (e.g. Code-Point Open), to report rows whose postcode is well formed but unknown. decisions: an officer's
    decisions on an earlier review (clerical_decisions.ClericalDecisions.read), applied to the households. Returns a
    PeopleAtRiskResult."""
    from .clerical_decisions import review_with_decisions
    from .linkage import LINKAGE_DECISIONS, link_households, prepare_records, progress_after

    check_request(secret, referral, lawful_basis, [(name, role) for name, role, _ in datasets])
    notes, described, prepared = [], [], []
    for name, role, frame in datasets:
        columns = detect_columns(frame, name)
        prepared.append((name, frame, columns))
        described.append({"dataset": name, "role": role, "rows": int(len(frame)),
                          "fields_used_for_matching": fields_used(columns), "fields_dropped_unread": columns["dropped"]})
        notes.append(fields_note(name, columns))
    records = prepare_records(prepared)
    bad_postcodes = records["postcode"].isna() & _has_text(prepared)
    if bad_postcodes.any():
        examples = _raw_postcodes(prepared, records[bad_postcodes])
        notes.append(Note(translatable("{} row(s) have a postcode that is not a UK postcode and were matched on the rest "
                                       "of the address, e.g. {}."), int(bad_postcodes.sum()), listed(examples, 3),
                          warning=True))
    if known_postcodes is not None:
        unknown = records["postcode"].notna() & ~records["postcode"].isin(known_postcodes)
        if unknown.any():
            notes.append(Note(translatable("{} row(s) have a postcode that does not exist in the postcode list, e.g. {}; "
                                           "they were matched on the rest of the address."), int(unknown.sum()),
                              listed(records.loc[unknown, "postcode"].unique(), 3), warning=True))
    keyless = records["uprn"].isna() & records["postcode"].isna() & records["street"].isna() & records["building"].isna()
    if keyless.any():
        notes.append(Note(translatable("{} row(s) have no UPRN, postcode or address and were left out: {}."),
                          int(keyless.sum()), listed(["{} row {}".format(source, row + 1) for source, row in
                                                      records.loc[keyless, ["source", "row"]].itertuples(index=False)], 5),
                          warning=True))
        records = records[~keyless].reset_index(drop=True)
        records["unique_id"] = np.arange(len(records))
    sources = {name: (frame, columns) for name, frame, columns in prepared}
    if decisions is not None:
        decisions.match(records, sources, secret)
    # reading the addresses took about a quarter of the time
    linked = link_households(records, threshold=threshold, review_low=review_low,
                             progress=progress_after(progress, 0.25), decisions=decisions)
    notes += linked.notes + (decisions.notes() if decisions is not None else [])
    records["household"] = linked.household
    roles = {name: role for name, role, _ in datasets}
    records["role"] = records["source"].map(roles)

    households = _assemble_households(records, secret, referral)
    keys = records["household"].map(households.set_index("household")["household_key"])
    households = households.drop(columns="household")
    review = review_with_decisions(linked.review, records, referral, sources, threshold,
                                   dict(zip(zip(records["source"], records["row"] + 1), keys)), secret, decisions,
                                   scored=linked.decided)
    total_rows = int(len(records))
    record = {
        "purpose": "Identify households at higher risk of dying in a fire, for home fire safety visits.",
        "datasets": described,
        "rows_read": total_rows,
        "rows_with_uprn": linked.stats["records_with_uprn"],
        "rows_linked_by_uprn": linked.stats["uprn_links"],
        "households": int(len(households)),
        "households_with_a_risk_factor": int((households["n_factors"] > 0).sum()),
        "households_by_number_of_factors": {str(k): int(v) for k, v in
                                            households["n_factors"].value_counts().sort_index().items()},
        "match_rate_by_dataset": _match_rates(records),
        "pairs_for_clerical_review": int(review["decision"].isna().sum()),
        "clerical_decisions": decisions.summary() if decisions is not None else None,
        "conflicting_uprns": linked.stats["conflicting_uprns"],
        "match_threshold": threshold,
        "postcodes_filled_from_uprn": linked.stats["postcodes_filled_from_uprn"],
        "linkage_decisions": {key: linked.stats[key] for key in LINKAGE_DECISIONS},
        "linkage_model": with_street_frequencies(linked.stats["model"], records["street"]),
        "personal_data_in_outputs": "addresses and UPRNs (referral mode)" if referral else
        "none: households are keyed by a keyed hash; names, dates of birth and free text are never read past input",
        "referral_mode": bool(referral),
        "lawful_basis": lawful_basis if referral else None,
        "pseudonymisation": "HMAC-SHA256 with a secret supplied by the user at run time; the secret is not stored",
    }
    return PeopleAtRiskResult(households, review, record, notes)


def with_street_frequencies(model, streets, most_common=10):
    """The trained model described for the processing record, with the street term frequencies it used: the share
    of rows naming each street, and the weight two rows naming the same street then get, log2(m / share) (Splink's
    term frequency adjustment: a street many rows name is weaker evidence than a rare one)."""
    import math

    counts = streets.dropna().value_counts()
    if not len(counts):
        return model
    same = next((level for level in model["comparisons"].get("street", []) if level["level"] == "same"), None)
    m = same["m"] if same else None

    def weight(rows):
        return float(round(math.log2(m / (rows / counts.sum())), 2)) if m else None

    named_again = counts[counts > 1]  # a street one row names is most often a typo: its weight is 'named_once'
    top = named_again.sort_index().sort_values(ascending=False, kind="stable").head(most_common)
    return dict(model, street_term_frequencies={
        "rows_naming_a_street": int(counts.sum()), "streets": int(len(counts)),
        "weight_of_the_same_street": {"most_named": weight(counts.max()), "median": weight(float(counts.median())),
                                      "named_once": weight(1)},
        "most_named_streets": [{"street": street, "rows": int(rows), "share": float(round(rows / counts.sum(), 4)),
                                "weight_of_the_same_street": weight(rows)} for street, rows in top.items()]})


def _most_common(records, column):
    """Per household, the most frequent non-missing value of column (ties: the smallest)."""
    present = records.dropna(subset=[column])
    counts = present.groupby(["household", column]).size().rename("n").reset_index()
    counts = counts.sort_values(["household", "n", column], ascending=[True, False, True], kind="stable")
    return counts.drop_duplicates("household").set_index("household")[column]


def _assemble_households(records, secret, referral):
    """One row per household: pseudonymised key, postcode, the seven flags, count, score (vectorised: a
    county has hundreds of thousands of households)."""
    import pandas as pd

    from .review_sheet import without_names

    index = pd.Index(np.unique(records["household"]), name="household")
    flags = pd.crosstab(records["household"], records["role"]).reindex(index=index, columns=list(ROLES), fill_value=0)
    flags = (flags > 0).astype(int)
    uprn = _most_common(records, "uprn").reindex(index)
    postcode = _most_common(records, "postcode").reindex(index)
    home = records.assign(address=records["flat"].fillna("-") + "|" + records["number"].fillna("") + "|"
                          + records["street"].fillna("") + "|" + records["building"].fillna(""))
    # the address as most rows write it, from the rows that name no person where the household has such a row
    named = home["address"].map(lambda a: any(without_names(part) != part for part in a.split("|")))
    address = _most_common(home[~named], "address").reindex(index)
    address = address.fillna(_most_common(home, "address").reindex(index)).fillna("")
    canonical = np.where(uprn.notna(), "UPRN:" + uprn.fillna(""), "ADDR:" + address + "|" + postcode.fillna(""))
    households = pd.DataFrame({"household_key": [household_key(secret, c) for c in canonical],
                               "postcode": postcode.to_numpy()}, index=index)
    households = households.join(flags)
    households["n_factors"] = flags.sum(axis=1).astype(int)
    households["score"] = sum(WEIGHTS[role] * flags[role] for role in ROLES).astype(float)
    households["datasets"] = records.groupby("household")["source"].nunique().reindex(index).astype(int)
    if referral:
        households["address"] = [written_address(*a.split("|")) if a else "" for a in address]
        households["uprn"] = uprn.to_numpy()
    households = households.sort_values(["score", "household_key"], ascending=[False, True], kind="stable")
    return households.reset_index()  # 'household', the linkage's number, for the review; not an output field


def written_address(flat, number, street, building=""):
    """'Flat 2, Keats House, 12 Milner Road' from the standard parts ('-' is no flat); a person named in an address
    line, which the parts may carry ('C/O MRS SMITH' as a building), is left out: '[name left out], 14 Rye Lane'."""
    from .review_sheet import without_names

    parts = []
    if flat and flat != "-":
        parts.append(flat.title() + " Flat" if flat.replace(" ", "").isalpha() and len(flat) > 1 else "Flat " + flat)
    if building:
        parts.append(building.title())
    parts.append(" ".join(p for p in (number, (street or "").title()) if p))
    return without_names(", ".join(p for p in parts if p))


def _has_text(prepared):
    import pandas as pd

    parts = []
    for _, frame, columns in prepared:
        if columns["postcode"]:
            parts.append(frame[columns["postcode"]].astype(str).str.strip() != "")
        else:
            parts.append(pd.Series([False] * len(frame)))
    return pd.concat(parts, ignore_index=True).to_numpy()


def _raw_postcodes(prepared, bad):
    examples = []
    lookup = {name: (frame, columns) for name, frame, columns in prepared}
    for source, row in bad[["source", "row"]].head(3).itertuples(index=False):
        frame, columns = lookup[source]
        examples.append(repr(frame[columns["postcode"]].iloc[row]))
    return examples


def _match_rates(records):
    """Share of each dataset's rows that joined a household holding rows from another dataset."""
    sources_per_household = records.groupby("household")["source"].nunique()
    shared = records["household"].map(sources_per_household) > 1
    return {source: float(np.round(shared[records["source"] == source].mean(), 4))
            for source in records["source"].unique()}
