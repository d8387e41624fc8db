"""The clerical review as the officer reads it, for Find people at risk and Housing benefit overlay.

linkage.clerical_review gives the borderline pairs, alike pairs together. This is the sheet an officer clears: both
addresses side by side as they were written (the postcode too, which a separate postcode column had kept out of the
written text), then why the pair is in review and the comparison levels that decided its weight, and only after
them the standardised addresses, the UPRNs and the figures. The officer's decision goes beside the reason
(clerical_decisions.py reads it back on the next run). Each column has a label in words, for the attribute
table (field aliases saved beside the output)."""
import re

import numpy as np

from .messages import translatable
from .postcodes import normalise_postcode, split_trailing_postcode

COMPARISONS = ("postcode", "premise", "flat", "street")
# left to right as the officer reads a row: which rows, what they say, why they are here, how they compared
OFFICER_ORDER = (["dataset_l", "row_l", "dataset_r", "row_r", "written_l", "written_r", "uprn_l", "uprn_r",
                  "household_l", "household_r", "linked", "reason", "decision"]
                 + [c for name in COMPARISONS for c in (name, name + "_weight")]
                 + ["held_back_by", "match_probability", "match_weight", "pattern_pairs",
                    "standard_l", "standard_r", "check_l", "check_r"])
LABELS = {
    "dataset_l": translatable("Dataset A"), "row_l": translatable("Row in dataset A"),
    "dataset_r": translatable("Dataset B"), "row_r": translatable("Row in dataset B"),
    "written_l": translatable("Address A, as written"), "written_r": translatable("Address B, as written"),
    "household_l": translatable("Household A (key)"), "household_r": translatable("Household B (key)"),
    "linked": translatable("Linked by the tool"),
    "reason": translatable("Why it needs a decision"),
    "postcode": translatable("Postcodes"), "postcode_weight": translatable("Postcode weight"),
    "premise": translatable("House numbers or names"), "premise_weight": translatable("House number or name weight"),
    "flat": translatable("Flats"), "flat_weight": translatable("Flat weight"),
    "street": translatable("Streets"), "street_weight": translatable("Street weight"),
    "held_back_by": translatable("Weighed most against a match"),
    "match_probability": translatable("Match probability"), "match_weight": translatable("Match weight"),
    "pattern_pairs": translatable("Pairs like this one"),
    "standard_l": translatable("Address A, standardised"), "standard_r": translatable("Address B, standardised"),
    "uprn_l": translatable("UPRN A"), "uprn_r": translatable("UPRN B"),
    "decision": translatable("Your decision: same home / different homes"),
    "check_l": translatable("Row A check (leave as written)"), "check_r": translatable("Row B check (leave as written)"),
}


# A person named in an address ('C/O Mrs Smith, 14 Rye Lane', 'FAO Ann Lee', 'Mr J Smith 3 Elm Road'), from the
# title or the 'care of' to the next comma or number: Mr, Mrs, Ms, Miss and Mx wherever they stand as words (no
# address word is written so), Dr and the 'care of' forms only at the start of a part ('12 Elm Dr London' is Drive).
PERSON_IN_ADDRESS = re.compile(
    r"(^|,\s*|\s)(?:(?:mr|mrs|ms|miss|mx)\.?\s+(?=[a-z])|(?<![^,\s])(?<!\w\s)(?:dr\.?\s+(?=[a-z])|c/o\b\s*|"
    r"care\s+of\s+|f\.?a\.?o\.?\b:?\s*|attn\b:?\s*|for\s+the\s+attention\s+of\s+))[^,0-9]*", re.IGNORECASE)
NAME_LEFT_OUT = "[name left out]"


def without_names(text):
    """An address with any person it names replaced by '[name left out]'. Errs on the side of leaving out: a block
    named after a doctor ('Dr Johnson House') is left out too."""
    if not isinstance(text, str):
        return text

    def replace(match):
        after = text[match.end():match.end() + 1]
        return match.group(1) + NAME_LEFT_OUT + (" " if after and after != "," else "")

    return PERSON_IN_ADDRESS.sub(replace, text).strip()


def officer_review(review, sources, threshold, households):
    """review: linkage.clerical_review's table; sources: {dataset name: (DataFrame as read, its columns from
    people_at_risk.detect_columns)}; threshold: the run's match threshold; households: {(dataset name, row from 1):
    household key in the output}. The same pairs, in the linkage's order but for households kept together, with:
    - the household each record is in (its key in the households output) and whether the tool linked the two, so
      the officer sees the decision taken and which output rows to correct where they disagree;
    - the pairs between the same two households together, at the place of the first of them;
    - a person named inside an address line left out ('[name left out]': names never leave the tool);
    - each written address followed by its postcode as written, where the dataset keeps the postcode in a column of
      its own (the comparison 'postcode: one character apart' is then checked by eye);
    - held_back_by (the weakest comparison) left empty where it held nothing back: the pair scored above the
      threshold and no comparison weighed against it (its reason is then something else: two UPRNs, a row
      matching another home too);
    - the standardised addresses without the empty part a missing number and street leave (', , ');
    - the match probability to 4 decimals and the weights to 2;
    - the columns in the officer's reading order (OFFICER_ORDER)."""
    table = review.copy()
    for side in ("l", "r"):
        table["household_" + side] = [households.get((dataset, int(row))) for dataset, row in
                                      zip(table["dataset_" + side], table["row_" + side])]
    table["linked"] = ((table["household_l"] == table["household_r"]) & table["household_l"].notna()).astype(int)
    table = _households_together(table)
    for side in ("l", "r"):
        if "written_" + side in table:
            table["written_" + side] = _with_postcodes(table, side, sources)
    weights = table[[name + "_weight" for name in COMPARISONS]].astype(float).fillna(0.0).to_numpy()
    below = table["match_probability"].astype(float).to_numpy() < threshold
    held_back = (weights.min(axis=1) < 0) | below if len(table) else np.zeros(0, dtype=bool)
    table["held_back_by"] = table["held_back_by"].where(held_back, None)
    for side in ("l", "r"):  # 'Flat 3, SHENLEY BUILDINGS, , XS4 2RN': no number and street, so no gap either
        if "standard_" + side in table:
            table["standard_" + side] = [without_names(re.sub(r"(?:,\s*)+,", ",", _text(t)))
                                         for t in table["standard_" + side]]
    table["match_probability"] = table["match_probability"].astype(float).round(4)
    table["match_weight"] = table["match_weight"].astype(float).round(2)
    return table[[c for c in OFFICER_ORDER if c in table]].reset_index(drop=True)


def _households_together(table):
    """The pairs between the same two households one after another, where the first of them stands in the linkage's
    order: the officer decides once whether two households are one home, not once per pair of their rows. A record in
    no output household (an EPC home no claimant lives in) stands for itself. Within a block, A is always the same
    household."""
    def side(s):
        return [h if isinstance(h, str) else "{}:{}".format(d, r)
                for h, d, r in zip(table["household_" + s], table["dataset_" + s], table["row_" + s])]

    lefts = side("l")
    keys = [tuple(sorted(pair)) for pair in zip(lefts, side("r"))]
    first = {}
    for position, key in enumerate(keys):
        first.setdefault(key, position)
    order = sorted(range(len(keys)), key=lambda position: (first[keys[position]], position))
    table = table.iloc[order].reset_index(drop=True)
    # within a block, household A is always the same one (the comparisons read the same either way round)
    turned = np.array([lefts[position] != lefts[first[keys[position]]] for position in order], dtype=bool)
    for left in [c for c in table.columns if c.endswith("_l") and c[:-2] + "_r" in table.columns]:
        right = left[:-2] + "_r"
        table.loc[turned, [left, right]] = table.loc[turned, [right, left]].to_numpy()
    return table


def _with_postcodes(table, side, sources):
    written = table["written_" + side].tolist()
    out = []
    for text, dataset, row in zip(written, table["dataset_" + side], table["row_" + side]):
        frame, columns = sources.get(dataset, (None, {}))
        column = columns.get("postcode") if columns else None
        raw = frame[column].iloc[int(row) - 1] if column and frame is not None and 0 < int(row) <= len(frame) else ""
        postcode = postcode_as_written(raw, text)
        out.append(without_names(", ".join(t for t in (_text(text), postcode) if t)))
    return out


def _text(value):
    return "" if value is None or (isinstance(value, float) and np.isnan(value)) else str(value)


def _compact(text):
    return re.sub(r"[\s,.]", "", text).upper()


def postcode_as_written(raw, written):
    """The postcode cell as written, for adding to a written address: '' when empty or already in the text; only
    its postcode when the cell holds a whole address whose rest the text already has."""
    raw, written = _text(raw).strip(), _text(written)
    if not raw or _compact(raw) in _compact(written):
        return ""
    if normalise_postcode(raw) is None:
        rest, found = split_trailing_postcode(raw)
        if found and rest and _compact(rest) in _compact(written) and len(rest) <= len(raw):
            return raw[len(rest):].strip(" ,.")
    return raw
