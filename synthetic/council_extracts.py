"""Seeded, realistic council extracts for testing household linkage: never real people.

Households are placed on real London postcodes (Code-Point Open, read in place from the shared data).
Each council dataset lists some of them the way its system writes addresses: abbreviations (Rd/Road),
flats written three ways (Flat 2, 10 ... / 2/10 ... / 10 ..., Flat 2), case and spacing noise, typos,
postcodes badly formatted or mistyped, UPRNs often missing, duplicate rows, and people in several
datasets. The truth (which household each row belongs to) is returned apart from the extracts.
"""
import numpy as np

SEED = 20161206
STREET_STEMS = ("Albion", "Arlington", "Barnsbury", "Beaumont", "Caledonian", "Canonbury", "Chalk Farm", "Clarence",
                "Colebrooke", "Copenhagen", "Cross", "Culford", "Dalston", "De Beauvoir", "Essex", "Fairmead",
                "Gillespie", "Grosvenor", "Hargrave", "Highbury", "Holloway", "Hornsey", "Junction", "Kingsland",
                "Lavender", "Liverpool", "Lordship", "Mildmay", "Milner", "Mountgrove", "Northchurch", "Offord",
                "Packington", "Percy", "Plimsoll", "Queensland", "Riversdale", "St Paul's", "Sotheby", "Thornhill",
                "Tollington", "Upper", "Victoria", "Wedmore", "Whittington", "Windsor", "Wordsworth", "Yerbury")
STREET_TYPES = (("Road", "Rd"), ("Street", "St"), ("Avenue", "Ave"), ("Grove", "Gr"), ("Place", "Pl"),
                ("Lane", "Ln"), ("Gardens", "Gdns"), ("Terrace", "Terr"), ("Crescent", "Cres"), ("Close", "Cl"))
FORENAMES = ("Mary", "Patricia", "Margaret", "Joan", "Doris", "Irene", "John", "David", "Michael", "Peter", "Ahmed",
             "Fatima", "Olu", "Ngozi", "Wei", "Priya", "Sean", "Aoife", "Tomasz", "Agnieszka")
SURNAMES = ("Smith", "Jones", "Williams", "Brown", "Taylor", "Davies", "Evans", "Khan", "Ali", "Okafor", "Adeyemi",
            "Chen", "Patel", "Murphy", "Kowalski", "Nowak", "O'Brien", "Wilson", "Hughes", "Begum")
# Role datasets: which households each holds, given the household's hidden traits.
ROLES = ("older", "alone", "mobility", "health", "smoking", "near_miss", "care")


def generate(postcodes, n_households=2000, seed=SEED, role_share=None):
    """(extracts, truth): extracts is {dataset name: (role, DataFrame)}; truth holds the households and, for
    every extract row, its true household.

    postcodes: a DataFrame with a `postcode` column (real postcodes to put households on).
    """
    import pandas as pd

    rng = np.random.default_rng(seed)
    chosen = rng.choice(postcodes["postcode"].to_numpy(), size=max(1, n_households // 12), replace=False)
    households = _households(rng, chosen, n_households)
    traits = _traits(rng, len(households))
    households = pd.concat([households, traits], axis=1)
    extracts = {}
    extracts["council_tax"] = ("register", _extract(rng, households, np.ones(len(households), bool), uprn_share=0.95,
                                                    style="council_tax"))
    for role in ROLES:
        share = (role_share or {}).get(role, 0.85)  # each service knows most, not all, of its clients
        listed = traits[role].to_numpy() & (rng.random(len(households)) < share)
        extracts[role] = (role, _extract(rng, households, listed, uprn_share=rng.uniform(0.3, 0.7), style=role))
    truth = households
    return extracts, truth


def _households(rng, postcodes, n):
    import pandas as pd

    rows = []
    street_of = {}
    for k in range(n):
        postcode = postcodes[k % len(postcodes)]
        if postcode not in street_of:
            stem = STREET_STEMS[rng.integers(len(STREET_STEMS))]
            kind = STREET_TYPES[rng.integers(len(STREET_TYPES))]
            street_of[postcode] = (stem, kind, int(rng.integers(1, 120)))
        stem, kind, base = street_of[postcode]
        number = base + int(rng.integers(0, 40))
        flat = int(rng.integers(1, 9)) if rng.random() < 0.35 else None
        rows.append({"household": k, "postcode": postcode, "number": number, "flat": flat, "street": stem,
                     "street_type": kind[0], "street_abbreviation": kind[1]})
    frame = pd.DataFrame(rows)
    # one household per (postcode, number, flat): drop the rare collisions
    frame = frame.drop_duplicates(["postcode", "number", "flat", "street"]).reset_index(drop=True)
    frame["household"] = np.arange(len(frame))
    frame["uprn"] = 100000000000 + rng.choice(900000000, size=len(frame), replace=False)
    return frame


def _traits(rng, n):
    """Hidden traits that make a household known to each service, correlated as in life."""
    import pandas as pd

    age = rng.normal(size=n)
    frailty = 0.6 * age + 0.8 * rng.normal(size=n)
    older = age > 0.6
    alone = rng.random(n) < np.where(older, 0.45, 0.2)
    mobility = frailty > 1.1
    health = (frailty + 0.5 * rng.normal(size=n)) > 0.9
    smoking = rng.random(n) < 0.08
    near_miss = rng.random(n) < np.where(smoking, 0.15, 0.03)
    care = (frailty > 1.3) | (mobility & (rng.random(n) < 0.5))
    return pd.DataFrame({"older": older, "alone": alone, "mobility": mobility, "health": health, "smoking": smoking,
                         "near_miss": near_miss, "care": care})


def _extract(rng, households, listed, uprn_share, style):
    """One dataset's rows for the listed households, written messily."""
    import pandas as pd

    rows = []
    for h in households[listed].itertuples():
        people = 1 if h.alone else int(rng.integers(1, 4))
        for _ in range(people if style in ("council_tax", "older", "health") else 1):
            rows.append(_row(rng, h, uprn_share, style))
            if rng.random() < 0.03:  # duplicate entries, as every system has
                rows.append(_row(rng, h, uprn_share, style))
            if style == "council_tax":
                break
    frame = pd.DataFrame(rows)
    if len(frame):
        frame = frame.sample(frac=1.0, random_state=int(rng.integers(1 << 31))).reset_index(drop=True)
    return frame


def _row(rng, h, uprn_share, style):
    street = h.street + " " + (h.street_abbreviation if rng.random() < 0.4 else h.street_type)
    if rng.random() < 0.08:
        street = _typo(rng, street)
    form = rng.integers(3)
    if h.flat is None or (isinstance(h.flat, float) and np.isnan(h.flat)):
        line1, line2 = "{} {}".format(h.number, street), ""
    elif form == 0:
        line1, line2 = "Flat {}".format(int(h.flat)), "{} {}".format(h.number, street)
    elif form == 1:
        line1, line2 = "{}/{} {}".format(int(h.flat), h.number, street), ""
    else:
        line1, line2 = "{} {}, Flat {}".format(h.number, street, int(h.flat)), ""
    case = rng.integers(3)
    line1 = line1.upper() if case == 0 else (line1.lower() if case == 1 else line1)
    postcode = h.postcode
    noise = rng.random()
    if noise < 0.15:
        postcode = postcode.lower()
    elif noise < 0.25:
        postcode = postcode.replace(" ", "")
    elif noise < 0.27:
        postcode = _postcode_typo(rng, postcode)
    forename = FORENAMES[rng.integers(len(FORENAMES))]
    surname = SURNAMES[rng.integers(len(SURNAMES))]
    born = "{:02d}/{:02d}/{}".format(int(rng.integers(1, 29)), int(rng.integers(1, 13)),
                                     int(rng.integers(1925, 1950) if h.older else rng.integers(1950, 2000)))
    row = {"UPRN": str(h.uprn) if rng.random() < uprn_share else "",
           "Name": "{} {}".format(forename, surname), "Date of birth": born,
           "Address Line 1": line1, "Address Line 2": line2, "Town": "LONDON" if rng.random() < 0.7 else "",
           "Post Code": postcode, "Notes": _note(rng, style), "_household": h.household}
    return row


def _typo(rng, text):
    letters = [i for i, c in enumerate(text) if c.isalpha()]
    i = letters[rng.integers(len(letters))]
    kind = rng.integers(3)
    if kind == 0:
        return text[:i] + text[i + 1:]
    if kind == 1:
        return text[:i] + text[i] + text[i:]
    return text[:i] + "aeiou"[rng.integers(5)] + text[i + 1:]


def _postcode_typo(rng, postcode):
    inward = postcode[-3:]
    digit = str((int(inward[0]) + 1) % 10)
    return postcode[:-3] + digit + inward[1:]


def _note(rng, style):
    notes = {"older": "Lives with daughter", "mobility": "Bins collected from door", "health": "Uses oxygen at home",
             "smoking": "Smoker, burns on carpet", "near_miss": "Pan fire 2015", "care": "Meals daily"}
    return notes.get(style, "") if rng.random() < 0.5 else ""


def pairwise_quality(predicted_household, true_household):
    """Precision and recall of 'same household' links over all pairs of rows."""
    import pandas as pd

    frame = pd.DataFrame({"p": predicted_household, "t": true_household})

    def pairs(sizes):
        sizes = np.asarray(sizes, dtype=float)
        return float(np.sum(sizes * (sizes - 1) / 2))

    true_positive = pairs(frame.groupby(["p", "t"]).size())
    predicted = pairs(frame.groupby("p").size())
    actual = pairs(frame.groupby("t").size())
    precision = true_positive / predicted if predicted else 1.0
    recall = true_positive / actual if actual else 1.0
    return precision, recall


FORMATS = {"council_tax": ("csv", "utf-8-sig"), "older": ("xlsx", None), "alone": ("csv", "cp1252"),
           "mobility": ("csv", "utf-8"), "health": ("csv", "cp1252"), "smoking": ("csv", "utf-8-sig"),
           "near_miss": ("xlsx", None), "care": ("csv", "utf-8")}


def write(folder, postcodes, n_households=2000, seed=SEED):
    """Write each extract as its council system would export it (CSV in UTF-8, UTF-8 with BOM or
    Windows-1252, or XLSX) into folder, and the truth into folder/truth/. Returns {dataset: path}."""
    import os

    import pandas as pd

    extracts, households = generate(postcodes, n_households, seed)
    os.makedirs(os.path.join(folder, "truth"), exist_ok=True)
    paths, truth = {}, []
    for name, (role, frame) in extracts.items():
        kind, encoding = FORMATS[name]
        data = frame.drop(columns="_household")
        if encoding == "cp1252":
            data["Name"] = data["Name"].str.replace("Aoife", "Zoë").str.replace("Agnieszka", "Agnès")
        path = os.path.join(folder, "{}.{}".format(name, kind))
        if kind == "xlsx":
            data.to_excel(path, index=False)
        else:
            data.to_csv(path, index=False, encoding=encoding)
        paths[name] = path
        truth.append(pd.DataFrame({"dataset": name, "row": range(len(frame)), "household": frame["_household"]}))
    pd.concat(truth).to_csv(os.path.join(folder, "truth", "rows.csv"), index=False)
    households.to_csv(os.path.join(folder, "truth", "households.csv"), index=False)
    return paths


def household_quality(predicted_household, true_household):
    """Household-level figures: the share of true households found exactly (all their rows, and no others,
    together), merged with another household, and split in two or more."""
    import pandas as pd

    frame = pd.DataFrame({"p": np.asarray(predicted_household), "t": np.asarray(true_household)})
    truths_per_cluster = frame.groupby("p")["t"].nunique()
    clusters_per_truth = frame.groupby("t")["p"].nunique()
    merged_truth = frame[frame["p"].map(truths_per_cluster) > 1].groupby("t").size().index
    split = clusters_per_truth > 1
    merged = clusters_per_truth.index.isin(merged_truth)
    exact = ~split & ~merged
    return {"households": int(len(clusters_per_truth)), "exact": float(exact.mean()), "merged": float(merged.mean()),
            "split": float(split.mean())}
