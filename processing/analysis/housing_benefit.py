"""Housing benefit / Universal Credit housing-element claimants overlaid on EPC homes: which claimants live
in F/G-rated, privately rented homes (where HHSRS inspections and minimum energy efficiency enforcement
should reach first). Linkage is the same engine as Find people at risk (exact UPRN, else Splink address
matching); privacy is handled the same way (keyed-hash household keys, referral mode, processing record)."""

from .clerical_decisions import review_with_decisions
from .linkage import LINKAGE_DECISIONS, link_households, prepare_records, progress_after
from .messages import AnalysisError, Note, translatable
from .people_at_risk import check_secret, detect_columns, fields_note, fields_used, household_key, \
    with_street_frequencies

EPC_COLUMNS = {"uprn": "uprn", "postcode": "postcode", "address": ["address"]}
EPC_DATASET = "epc"  # the EPC homes' dataset name in the review and the decisions


def overlay(claimants, epc_homes, secret, referral=False, lawful_basis="", threshold=0.9, claimants_name="claimants",
            progress=None, decisions=None):
    """claimants: a council export (DataFrame); epc_homes: the loadepc output as a DataFrame (uprn, address,
    postcode, rating, band_fg, private_rented, …); decisions: an officer's decisions on an earlier review
    (clerical_decisions.ClericalDecisions.read). Returns (table, review, record, notes)."""
    import pandas as pd

    check_secret(secret)
    if referral and not (lawful_basis or "").strip():
        raise AnalysisError(translatable("Referral mode writes where claimants live: it needs the lawful basis for "
                                         "sharing it."))
    if claimants_name == EPC_DATASET:
        raise AnalysisError(translatable("The claimant dataset cannot be called '{}': the EPC homes go by that name."),
                            EPC_DATASET)
    if len(claimants) == 0:
        raise AnalysisError(translatable("The claimant dataset '{}' is empty: it has no rows."), claimants_name)
    missing = [c for c in ("address", "postcode", "rating", "band_fg", "private_rented") if c not in epc_homes.columns]
    if missing:
        raise AnalysisError(translatable("The EPC layer lacks the field(s) {}: use the output of Load EPC certificates."),
                            ", ".join(missing))
    columns = detect_columns(claimants, claimants_name)
    epc = epc_homes.reset_index(drop=True).copy()
    epc["uprn"] = epc["uprn"].astype(object).where(epc["uprn"].notna(), None)
    records = prepare_records([(claimants_name, claimants, columns), (EPC_DATASET, epc, EPC_COLUMNS)])
    sources = {claimants_name: (claimants, columns), EPC_DATASET: (epc, EPC_COLUMNS)}
    if decisions is not None:
        decisions.match(records, sources, secret)
    linked = link_households(records, threshold=threshold, progress=progress_after(progress, 0.25),
                             decisions=decisions)
    records["household"] = linked.household
    claimant_rows = records[records["source"] == claimants_name]
    epc_rows = records[records["source"] == EPC_DATASET].set_index("household")
    epc_of = epc_rows[~epc_rows.index.duplicated()]["row"]
    rows, households = [], []
    for household, group in claimant_rows.groupby("household", sort=True):
        households.append(household)
        home = epc.iloc[int(epc_of[household])] if household in epc_of.index else None
        uprn = group["uprn"].dropna()
        canonical = ("UPRN:" + str(home["uprn"])) if home is not None and home["uprn"] else (
            "UPRN:" + uprn.iloc[0] if len(uprn) else "ADDR:" + " ".join(
                str(v) for v in group[["flat", "number", "street", "postcode"]].iloc[0].fillna("")))
        band_fg = None if home is None or pd.isna(home["band_fg"]) else int(home["band_fg"])
        private = None if home is None or pd.isna(home["private_rented"]) else int(home["private_rented"])
        row = {"household_key": household_key(secret, canonical),
               "postcode": group["postcode"].dropna().iloc[0] if group["postcode"].notna().any() else None,
               "claimants": int(len(group)), "epc_found": int(home is not None),
               "rating": None if home is None else home["rating"], "band_fg": band_fg, "private_rented": private,
               "flagged": int(band_fg == 1 and private == 1)}
        if referral:
            row["address"] = None if home is None else home["address"]
            row["uprn"] = None if home is None else home["uprn"]
        rows.append(row)
    table = pd.DataFrame(rows).sort_values(["flagged", "band_fg", "household_key"], ascending=[False, False, True],
                                           na_position="last", kind="stable").reset_index(drop=True)
    for flag in ("band_fg", "private_rented"):  # 0 or 1, empty where no EPC home was found: never '1.0'
        table[flag] = table[flag].astype("Int64")
    found = table["epc_found"].mean() if len(table) else 0.0
    keys = records["household"].map({household: row["household_key"] for household, row in zip(households, rows)})
    review = review_with_decisions(linked.review, records, referral, sources, threshold,
                                   {(source, row + 1): key for source, row, key in
                                    zip(records["source"], records["row"], keys) if isinstance(key, str)},
                                   secret, decisions, scored=linked.decided)
    undecided = int(review["decision"].isna().sum())
    notes = [fields_note(claimants_name, columns)] + list(linked.notes) \
        + (decisions.notes() if decisions is not None else []) + [Note(translatable(
            "{} claimant household(s); {:.1%} matched to an EPC home; {} in F/G-rated private rentals; {} pairs for "
            "clerical review."), len(table), found, int(table["flagged"].sum()), undecided)]
    record = {"purpose": "Find housing benefit claimants in F/G-rated private rentals for HHSRS and MEES enforcement.",
              "datasets": [{"dataset": claimants_name, "rows": int(len(claimants)),
                            "fields_used_for_matching": fields_used(columns), "fields_dropped_unread": columns["dropped"]},
                           {"dataset": "EPC homes (Load EPC certificates)", "rows": int(len(epc))}],
              "claimant_households": int(len(table)), "matched_to_epc": float(round(found, 4)),
              "flagged": int(table["flagged"].sum()), "pairs_for_clerical_review": undecided,
              "clerical_decisions": decisions.summary() if decisions is not None else None,
              "linkage_decisions": {key: linked.stats[key] for key in LINKAGE_DECISIONS},
              "linkage_model": with_street_frequencies(linked.stats["model"], records["street"]),
              "referral_mode": bool(referral), "lawful_basis": lawful_basis if referral else None,
              "pseudonymisation": "HMAC-SHA256 with a secret supplied at run time; the secret is not stored"}
    return table, review, record, notes
