"""Reading the council files for Find unlicensed HMOs: which columns each role uses (all others are dropped
unread), linking rows to the property base, and the documented features per property.

Only what a feature needs leaves this module. Names, dates of birth, claim references and free text never do:
the electoral register gives only the number of electors and of distinct surnames per property; a planning
proposal only whether it mentions HMO use or a conversion.
"""
import re
from dataclasses import dataclass, field

import numpy as np

from .messages import AnalysisError, Note, listed, no_progress, translatable

ROLES = ("hmo_register", "inspections", "council_tax", "electoral_register", "housing_benefit", "complaints", "epc",
         "planning", "fire_incidents")
ROLE_ALIASES = {"register": "hmo_register", "licences": "hmo_register", "licence_register": "hmo_register",
                "hmo_licences": "hmo_register", "inspection": "inspections", "ctax": "council_tax",
                "electoral": "electoral_register", "electors": "electoral_register", "benefit": "housing_benefit",
                "benefits": "housing_benefit", "hb": "housing_benefit", "complaint": "complaints",
                "service_requests": "complaints", "certificates": "epc", "fire": "fire_incidents",
                "fires": "fire_incidents", "incidents": "fire_incidents"}
COMPLAINT_TYPES = ("noise", "refuse", "pests", "disrepair", "asb")
COMPLAINT_WORDS = {"noise": ("noise", "music", "party"), "refuse": ("refuse", "rubbish", "waste", "fly", "bin"),
                   "pests": ("pest", "rat", "mice", "mouse", "cockroach", "bedbug", "vermin"),
                   "disrepair": ("disrepair", "damp", "mould", "repair", "leak", "housing condition"),
                   "asb": ("asb", "anti-social", "antisocial", "anti social", "nuisance")}
HMO_PROPOSAL = re.compile(r"\bHMO\b|multiple occupation|\bC4\b|sui generis|bedsit", re.IGNORECASE)
CONVERSION_PROPOSAL = re.compile(r"additional (?:kitchen|bathroom|shower|bedroom)|conver(?:t|sion)|en-?suite",
                                 re.IGNORECASE)
# role -> field -> word sets (a column is the field when its name holds every word of one set)
ROLE_FIELDS = {
    "hmo_register": {"start": ({"start"}, {"issued"}, {"granted"}, {"from"}),
                     "expiry": ({"expiry"}, {"expires"}, {"end"}, {"valid", "to"}, {"until"})},
    "inspections": {"outcome": ({"outcome"}, {"result"}, {"finding"}, {"findings"}, {"decision"}, {"hmo", "found"})},
    "council_tax": {"changes": ({"changes"}, {"change"}), "band": ({"band"},),
                    "discount": ({"single", "person"}, {"spd"}, {"discount"}), "exemption": ({"exemption"}, {"exempt"}),
                    "liable": ({"liable", "type"}, {"liable", "party"}, {"liability", "type"}, {"payer", "type"})},
    "electoral_register": {"surname": ({"surname"}, {"last", "name"}, {"family", "name"}, {"lastname"})},
    "housing_benefit": {"shared": ({"shared"}, {"sar"})},
    "complaints": {"type": ({"type"}, {"category"}, {"nature"}), "date": ({"date"}, {"received"}, {"reported"})},
    "epc": {"tenure": ({"tenure"},), "floor_area": ({"total", "floor", "area"},),
            "rooms": ({"number", "habitable", "rooms"},), "date": ({"lodgement", "date"},)},
    "planning": {"proposal": ({"proposal"}, {"description"}, {"development"}, {"works"})},
    "fire_incidents": {"property_type": ({"property", "type"},), "date": ({"date"},)},
}
REQUIRED_FIELDS = {"inspections": ("outcome",)}
EPC_ADDRESS = ("ADDRESS1", "ADDRESS2", "ADDRESS3", "POSTCODE", "UPRN")

# The features, each in the words a housing officer reads in the reasons and the report.
FEATURES = {
    "electors": "people on the electoral register",
    "surnames": "different surnames on the electoral register",
    "discount_but_electors": "single-person discount although two or more people are registered",
    "single_person_discount": "council tax single-person discount",
    "student_exemption": "council tax student exemption (class N)",
    "landlord_liable": "council tax paid by a landlord or agent, not the occupier",
    "liable_changes": "changes of council tax payer in the last three years",
    "band": "council tax band (A=1 to H=8)",
    "benefit_claims": "housing benefit claims at the address",
    "shared_rate_claims": "housing benefit claims at the shared accommodation rate",
    "complaints_12m": "complaints in the last 12 months",
    "complaints_noise_12m": "noise complaints in the last 12 months",
    "complaints_refuse_12m": "refuse complaints in the last 12 months",
    "complaints_pests_12m": "pest complaints in the last 12 months",
    "complaints_disrepair_12m": "disrepair complaints in the last 12 months",
    "complaints_asb_12m": "anti-social behaviour complaints in the last 12 months",
    "complaints_36m": "complaints in the last three years",
    "epc_private_rented": "the latest energy certificate says privately rented",
    "epc_subunits": "energy certificates for separate rooms or flats at the address",
    "habitable_rooms": "habitable rooms on the energy certificate",
    "floor_area_per_elector": "floor area per registered elector (m²)",
    "planning_hmo": "planning applications for HMO use",
    "planning_conversion": "planning applications for conversions or extra kitchens or bathrooms",
    "fire_incidents": "fire incidents or referrals at the property",
    "fire_flagged_hmo": "fire incidents that recorded the property as an HMO",
    "is_flat": "the property is a flat (from its address)",
}
AREA_PREFIX = "area_"  # area context features: "area_" + the areas layer's field name


def feature_meaning(name):
    """A feature in a housing officer's words: FEATURES, or for area context the field it came from."""
    if name in FEATURES:
        return FEATURES[name]
    return "the area's {} (area context layer)".format(name[len(AREA_PREFIX):])


def add_area_context(features, context, notes):
    """features with one column per area context field (numbers; NaN outside every area). A field with no
    number, or the same for every property, can tell nothing apart and is left out, with a note."""
    import pandas as pd

    columns = {}
    for name in context.columns:
        values = pd.to_numeric(pd.Series(context[name]).reset_index(drop=True), errors="coerce").to_numpy(dtype=float)
        values[~np.isfinite(values)] = np.nan
        finite = values[np.isfinite(values)]
        if len(finite) == 0 or np.all(finite == finite[0]):
            notes.append(Note(translatable("The area context field '{}' has no numbers, or the same for every "
                                           "property: it was not used."), name, warning=True))
            continue
        columns[AREA_PREFIX + str(name)] = values
    outside = int(np.sum(~np.isfinite(next(iter(columns.values()))))) if columns else 0
    if outside:
        notes.append(Note(translatable("{} propert(ies) lie in no area of the area context layer (or its figure is "
                                       "missing): their area figures are unknown."), outside, warning=True))
    return features.assign(**columns) if columns else features


FEATURE_ROLES = {"electors": "electoral_register", "surnames": "electoral_register",
                 "discount_but_electors": ("council_tax", "electoral_register"), "single_person_discount": "council_tax",
                 "student_exemption": "council_tax", "landlord_liable": "council_tax", "liable_changes": "council_tax",
                 "band": "council_tax", "benefit_claims": "housing_benefit", "shared_rate_claims": "housing_benefit",
                 "epc_private_rented": "epc", "epc_subunits": "epc", "habitable_rooms": "epc",
                 "floor_area_per_elector": ("epc", "electoral_register"), "planning_hmo": "planning",
                 "planning_conversion": "planning", "fire_incidents": "fire_incidents",
                 "fire_flagged_hmo": "fire_incidents", "is_flat": None}
FEATURE_ROLES.update({name: "complaints" for name in FEATURES if name.startswith("complaints")})


def normalise_role(text):
    role = re.sub(r"[^a-z_]", "_", str(text).strip().lower()).strip("_")
    role = ROLE_ALIASES.get(role, role)
    if role not in ROLES:
        raise AnalysisError(translatable("Unknown role '{}'. Roles are: {}."), text, ", ".join(ROLES))
    return role


def check_roles(roles, names):
    """One file per role: a role given twice would count every property twice."""
    seen = {}
    for role, name in zip(roles, names):
        if role in seen:
            raise AnalysisError(translatable("The role '{}' is given twice ('{}' and '{}'). Give each role once: "
                                             "join the two files first if they are parts of one extract."),
                                role, seen[role], name)
        seen[role] = name
    if "hmo_register" not in seen:
        raise AnalysisError(translatable("No file has the role hmo_register: the licensed HMOs are the known cases "
                                         "the model learns from."))


def _words(name):
    from .addresses import column_words

    return set(column_words(name))


@dataclass
class Prepared:
    """One file after reading: the columns kept (by field), the rows' property, what was dropped."""
    name: str
    role: str
    frame: object  # only the kept columns
    fields: dict  # field -> column name
    columns: dict  # address columns, from people_at_risk.detect_columns
    dropped: list
    property_index: object = None  # numpy array: property per row, -1 none
    used: list = field(default_factory=list)  # the columns kept, by their names in the file
    method: object = None
    notes: list = field(default_factory=list)


def select_columns(name, role, frame):
    """Prepared with only the columns the role uses: role fields, UPRN, postcode and address parts."""
    from .addresses import column_role
    from .epc import canonical_name
    from .people_at_risk import detect_columns

    original = list(frame.columns)
    fields, taken = {}, set()
    if role == "epc":
        frame = frame.rename(columns={c: canonical_name(c) for c in frame.columns})
    for field_name, word_sets in ROLE_FIELDS[role].items():
        for column in frame.columns:
            words = _words(column)
            if column in taken or (role != "electoral_register" and "name" in words):
                continue
            if any(ws <= words for ws in word_sets) and column_role(column) not in ("uprn", "postcode"):
                fields[field_name] = column
                taken.add(column)
                break
    for field_name in REQUIRED_FIELDS.get(role, ()):
        if field_name not in fields:
            raise AnalysisError(translatable("The {} file '{}' has no {} column (a column named e.g. 'Outcome' holding "
                                             "'HMO' or 'not HMO'). Its columns are: {}."), role, name, field_name,
                                listed(original, 12))
    rest = frame.drop(columns=list(taken))
    if role == "epc":
        rest = rest[[c for c in rest.columns if c in EPC_ADDRESS]]
    else:  # complaint systems often call the address 'Location'
        rest = rest.rename(columns={c: c + " address" for c in rest.columns
                                    if _words(c) & {"location", "site"} and column_role(c) is None})
    named = dict(zip(frame.columns, original))  # the name each kept column has in the file
    named.update({c + " address": named.get(c, c) for c in frame.columns})
    columns = detect_columns(rest, name)
    address_columns = [c for c in [columns["postcode"]] + columns["uprns"] + columns["address"] if c]
    kept = frame[list(fields.values())].join(rest[address_columns])
    used = set(fields.values()) | set(address_columns)
    dropped = [c for c, canonical in zip(original, frame.columns)
               if canonical not in used and c + " address" not in used]
    prepared = Prepared(name, role, kept.reset_index(drop=True), fields, columns, dropped)
    prepared.used = sorted(named.get(c, c) for c in used)
    personal = [c for c in dropped if column_role(c) == "personal" or _words(c) & {"surname", "forename", "complainant"}]
    if personal and role not in ("electoral_register", "epc"):  # the EPC register holds no personal columns
        prepared.notes.append(Note(translatable(
            "The {} file '{}' has column(s) of personal data the tool does not use: {}. They were dropped unread and "
            "reach no output; leave them out of future extracts (share only what is needed)."),
            role, name, listed(personal, 8), warning=True))
    return prepared


def link_all(prepared, index, progress=no_progress):
    """Each file's rows linked to the property base: exact rules per file, then one probabilistic pass."""
    from .hmo_linkage import link_leftovers, link_rows

    results = []
    for k, p in enumerate(prepared):
        results.append(link_rows(index, p.frame, p.columns,
                                 progress=lambda f, k=k: progress(0.8 * (k + f) / len(prepared))))
    link_leftovers(index, results)
    for p, (found, method, _) in zip(prepared, results):
        p.property_index, p.method = found, method
    progress(1.0)


def match_rate(prepared):
    """Rows, linked by UPRN / address, not linked, and a few of the addresses that linked to nothing."""
    method = prepared.method
    rows = len(method)
    unlinked = np.flatnonzero(method == "none")
    address_columns = [c for c in [prepared.columns.get("postcode")] + list(prepared.columns.get("address") or []) if c]
    examples = []
    if address_columns and len(unlinked):
        sample = prepared.frame.iloc[unlinked[:2000]][address_columns].astype(str)
        texts = sample.apply(lambda r: ", ".join(v.strip() for v in r if v and v.strip() and v != "nan"), axis=1)
        examples = list(dict.fromkeys(texts))[:15]
    return {"dataset": prepared.name, "role": prepared.role, "rows": int(rows),
            "by_uprn": int((method == "uprn").sum()), "by_address": int((method == "address").sum()),
            "by_probabilistic": int((method == "probabilistic").sum()),
            "unlinked": int(len(unlinked)), "match_rate": float((method != "none").mean()) if rows else 0.0,
            "unlinked_examples": examples}


# --- features ------------------------------------------------------------------------------------------------------

def _dates(values):
    import pandas as pd

    return pd.to_datetime(pd.Series(values, dtype=object).astype(str).str.strip(), errors="coerce", dayfirst=True,
                          format="mixed")


def _yes(values):
    text = values.astype(str).str.strip().str.lower()
    return text.isin(["y", "yes", "true", "1", "t"])


def _per_property(n, index, values=None):
    """Sum of `values` (or a count of rows) per property."""
    keep = index >= 0
    weights = None if values is None else np.asarray(values, dtype=float)[keep]
    return np.bincount(index[keep], weights=weights, minlength=n).astype(float)


def register_state(prepared, n, as_at):
    """Per property: on the register (valid or expired), licence valid on as_at, latest start and expiry."""
    import pandas as pd

    index = prepared.property_index
    frame = prepared.frame
    start = _dates(frame[prepared.fields["start"]]) if "start" in prepared.fields else pd.Series(pd.NaT, index=frame.index)
    expiry = _dates(frame[prepared.fields["expiry"]]) if "expiry" in prepared.fields else pd.Series(pd.NaT, index=frame.index)
    as_at = pd.Timestamp(as_at)
    valid = (expiry.isna() | (expiry >= as_at)) & (start.isna() | (start <= as_at))
    on_register = _per_property(n, index) > 0
    licensed = _per_property(n, index, valid.to_numpy()) > 0
    table = pd.DataFrame({"p": index, "start": start, "expiry": expiry})[index >= 0]
    latest = table.sort_values("expiry").groupby("p").last()
    licence_start = pd.Series([""] * n, dtype=object)
    licence_end = pd.Series([""] * n, dtype=object)
    licence_start.iloc[latest.index] = latest["start"].dt.strftime("%Y-%m-%d").fillna("").to_numpy()
    licence_end.iloc[latest.index] = latest["expiry"].dt.strftime("%Y-%m-%d").fillna("").to_numpy()
    return on_register, licensed, licence_start.to_numpy(), licence_end.to_numpy(), int((~valid).sum())


def inspection_outcomes(prepared, n):
    """Per property: 1 (found an HMO), 0 (found not to be one), NaN (not inspected); the latest row wins."""
    text = prepared.frame[prepared.fields["outcome"]].astype(str).str.strip().str.lower()
    negative = text.str.contains(r"\bnot\b|\bno\b|non-?hmo|single|family", regex=True)
    positive = text.str.contains("hmo|multiple occupation|yes", regex=True) & ~negative
    value = np.where(positive, 1.0, np.where(negative, 0.0, np.nan))
    outcome = np.full(n, np.nan)
    index = prepared.property_index
    keep = (index >= 0) & np.isfinite(value)
    outcome[index[keep]] = value[keep]
    return outcome, int((~np.isfinite(value)).sum())


def build_features(prepared_by_role, n, is_flat, as_at):
    """DataFrame of the features (FEATURES) the given roles allow, one row per property."""
    import pandas as pd

    as_at = pd.Timestamp(as_at)
    features = {"is_flat": is_flat.astype(float)}
    electors = None
    given = prepared_by_role
    if "electoral_register" in given:
        p = given["electoral_register"]
        electors = _per_property(n, p.property_index)
        features["electors"] = electors
        if "surname" in p.fields:
            surnames = p.frame[p.fields["surname"]].astype(str).str.strip().str.upper()
            pairs = pd.DataFrame({"p": p.property_index, "s": surnames})
            pairs = pairs[(pairs["p"] >= 0) & (pairs["s"] != "")].drop_duplicates()
            features["surnames"] = np.bincount(pairs["p"], minlength=n).astype(float)
    if "council_tax" in given:
        features.update(_council_tax_features(given["council_tax"], n, electors))
    if "housing_benefit" in given:
        p = given["housing_benefit"]
        features["benefit_claims"] = _per_property(n, p.property_index)
        if "shared" in p.fields:
            features["shared_rate_claims"] = _per_property(n, p.property_index, _yes(p.frame[p.fields["shared"]]))
    if "complaints" in given:
        features.update(_complaint_features(given["complaints"], n, as_at))
    if "epc" in given:
        features.update(_epc_features(given["epc"], n, electors, is_flat))
    if "planning" in given:
        p = given["planning"]
        proposal = p.frame[p.fields["proposal"]].astype(str) if "proposal" in p.fields else pd.Series([""] * len(p.frame))
        features["planning_hmo"] = _per_property(n, p.property_index, proposal.str.contains(HMO_PROPOSAL))
        features["planning_conversion"] = _per_property(n, p.property_index, proposal.str.contains(CONVERSION_PROPOSAL))
    if "fire_incidents" in given:
        p = given["fire_incidents"]
        features["fire_incidents"] = _per_property(n, p.property_index)
        if "property_type" in p.fields:
            flagged = p.frame[p.fields["property_type"]].astype(str).str.contains("multiple occupation|HMO", case=False)
            features["fire_flagged_hmo"] = _per_property(n, p.property_index, flagged)
    ordered = [name for name in FEATURES if name in features]
    return pd.DataFrame({name: features[name] for name in ordered})


def _council_tax_features(p, n, electors):
    index = p.property_index
    out = {}
    has = _per_property(n, index) > 0
    if "discount" in p.fields:
        discount = _per_property(n, index, _yes(p.frame[p.fields["discount"]])) > 0
        out["single_person_discount"] = discount.astype(float)
        if electors is not None:
            out["discount_but_electors"] = (discount & (electors >= 2)).astype(float)
    if "exemption" in p.fields:
        exempt = p.frame[p.fields["exemption"]].astype(str).str.strip().str.upper().str.startswith("N")
        out["student_exemption"] = (_per_property(n, index, exempt) > 0).astype(float)
    if "liable" in p.fields:
        liable = p.frame[p.fields["liable"]].astype(str).str.lower().str.contains("landlord|agent|owner|company")
        out["landlord_liable"] = (_per_property(n, index, liable) > 0).astype(float)
    if "changes" in p.fields:
        import pandas as pd

        changes = pd.to_numeric(p.frame[p.fields["changes"]], errors="coerce").fillna(0).clip(0, 50)
        out["liable_changes"] = _per_property(n, index, changes)
    if "band" in p.fields:
        letter = p.frame[p.fields["band"]].astype(str).str.strip().str.upper().str[:1]
        band = letter.map({c: i + 1 for i, c in enumerate("ABCDEFGH")}).fillna(0).to_numpy()
        value = np.zeros(n)
        keep = index >= 0
        np.maximum.at(value, index[keep], band[keep])
        out["band"] = np.where(has & (value > 0), value, np.nan)
    return out


def _complaint_features(p, n, as_at):
    import pandas as pd

    index = p.property_index
    if "date" in p.fields:
        dates = _dates(p.frame[p.fields["date"]])
        age = (as_at - dates).dt.days
        recent = ((age >= 0) & (age <= 365)).to_numpy()
        three = ((age >= 0) & (age <= 3 * 365)).to_numpy()
    else:  # no dates: every complaint counts as recent
        recent = three = np.ones(len(p.frame), dtype=bool)
    kind = p.frame[p.fields["type"]].astype(str).str.lower() if "type" in p.fields else pd.Series([""] * len(p.frame))
    out = {"complaints_12m": _per_property(n, index, recent)}
    for name in COMPLAINT_TYPES:
        hit = kind.apply(lambda text: any(word in text for word in COMPLAINT_WORDS[name])).to_numpy()
        out["complaints_{}_12m".format(name)] = _per_property(n, index, recent & hit)
    out["complaints_36m"] = _per_property(n, index, three)
    return out


def _epc_features(p, n, electors, is_flat):
    """From the latest certificate per property; sub-units are certificates naming a room or flat at a property
    the base holds as one (linked there by the 'room of a house' rule)."""
    import pandas as pd

    from .addresses import standardise

    frame = p.frame
    index = p.property_index
    date = _dates(frame[p.fields["date"]]) if "date" in p.fields else pd.Series(pd.NaT, index=frame.index)
    table = pd.DataFrame({"p": index, "date": date})
    table["private"] = frame[p.fields["tenure"]].astype(str).str.lower().str.contains("rent.*priv|priv.*rent") \
        if "tenure" in p.fields else False
    table["area"] = pd.to_numeric(frame[p.fields["floor_area"]], errors="coerce") if "floor_area" in p.fields else np.nan
    table["rooms"] = pd.to_numeric(frame[p.fields["rooms"]], errors="coerce") if "rooms" in p.fields else np.nan
    address = p.columns.get("address") or []
    table = table[table["p"] >= 0].copy()
    # Only a certificate at a house can be a sub-unit, so only those addresses are parsed, each distinct one once.
    at_house = table.index[~is_flat[table["p"].to_numpy()].astype(bool)]
    table["unit"] = None
    if address and len(at_house):
        written = frame.loc[at_house, address].astype(str).agg(", ".join, axis=1)
        distinct = written.unique()
        flats = dict(zip(distinct, (standardise(text).flat for text in distinct)))
        table.loc[at_house, "unit"] = written.map(flats)
    # a flat's own certificate names its flat; a room or flat named at a house is a sub-unit of it
    table["sub"] = table["unit"].notna() & ~is_flat[table["p"].to_numpy()].astype(bool)
    whole = table[~table["sub"]].sort_values("date").groupby("p").last()
    units = table[table["sub"]].groupby("p")["unit"].nunique()
    out = {"epc_private_rented": np.zeros(n), "epc_subunits": np.zeros(n), "habitable_rooms": np.full(n, np.nan)}
    latest = table.sort_values("date").groupby("p").last()
    out["epc_private_rented"][latest.index] = latest["private"].astype(float).to_numpy()
    out["epc_subunits"][units.index] = units.to_numpy()
    out["habitable_rooms"][whole.index] = whole["rooms"].to_numpy()
    area = np.full(n, np.nan)
    area[whole.index] = whole["area"].to_numpy()
    summed = table.groupby("p")["area"].sum(min_count=1)
    area[summed.index] = np.where(np.isfinite(area[summed.index]), area[summed.index], summed.to_numpy())
    if electors is not None:
        with np.errstate(divide="ignore", invalid="ignore"):
            out["floor_area_per_elector"] = np.where(electors > 0, area / np.maximum(electors, 1), np.nan)
    return out
