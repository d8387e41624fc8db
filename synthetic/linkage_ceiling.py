"""How many households any linkage that reads only the text could get exact, measured from the truth.

A household can only be found exactly when every one of its rows can be told to be its home. A row with a UPRN
that another row gives too can (the UPRN says which home it is). A row without one, or with one given nowhere else,
is placed by its text alone: where its standardised address agrees with two homes or more on everything it writes
('116 Evering Lane' when 116 holds Flats A and B, the flat left out; 'Flat, 35 Rendlesham Hill' when 35 holds a
ground and a first floor flat), no reading of it can say which, unless its own file, listing each home once, names
all but one of them in rows that are themselves placed (elimination). A household with such a row and at least one
other row cannot be exact but by a guess. The homes are known here (as a gazetteer would know them): a linkage
without one, knowing only the homes the rows name, can do no better.

The count is an upper bound on what text can reach: rows whose text names another home (a wrong letter, a wrong
number) are also beyond any method, but they are not counted here, as telling them from a typo needs the truth.
This module is for evaluation only; the linker does not use it.
"""
import numpy as np


def reference_addresses(reference, standardise):
    """The standardised form of each reference home (address_noise.homes columns), by its UPRN: a dict uprn ->
    (flat, number, building, street, postcode). standardise: the standardiser under judgement, given clean text."""
    out = {}
    for home in reference.itertuples(index=False):
        parts = [p for p in (home.subname, home.name) if p]
        premise = " ".join(p for p in (home.number, home.streetname) if p)
        address = standardise(", ".join(parts + [premise]))
        out[str(home.uprn)] = (address.flat or "-", address.number, address.building, address.street, home.postcode)
    return out


def _numbers_agree(a, b):
    def span(n):
        low, _, high = str(n).partition("-")
        digits = ["".join(c for c in x if c.isdigit()) for x in (low, high or low)]
        return (int(digits[0]), int(digits[1])) if all(digits) else None

    if a == b:
        return True
    x, y = span(a), span(b)
    return bool(x and y and x[0] <= y[1] and y[0] <= x[1])


def _building_key(name):
    return "".join(w for w in str(name).split() if w != "THE")


def compatible_homes(row, homes, index):
    """The homes whose standardised address agrees with everything the row writes: its postcode, street, house
    number, building name and flat (a named flat must be the home's; 'a flat' not named any flat; no flat written
    any home). row: (flat, number, building, street, postcode) with None where nothing is written."""
    flat, number, building, street, postcode = row
    if street:
        candidates = index["street"].get(street, set())
    elif building:
        candidates = index["building"].get(_building_key(building), set())
    elif number:
        candidates = index["number"].get(number.split("-")[0], set()) | index["all_ranges"]
    else:
        candidates = index["all"]
    found = set()
    for uprn in candidates:
        h_flat, h_number, h_building, h_street, h_postcode = homes[uprn]
        if postcode and postcode != h_postcode:
            continue
        if street and street != h_street:
            continue
        if number and not (h_number and _numbers_agree(number, h_number)):
            continue
        if building and not (h_building and _building_key(building) == _building_key(h_building)):
            continue
        if flat and flat not in ("-", "?") and flat != h_flat:
            continue
        if flat == "?" and h_flat == "-":
            continue
        found.add(uprn)
    return found


def _index(homes):
    index = {"street": {}, "building": {}, "number": {}, "all": set(homes), "all_ranges": set()}
    for uprn, (_, number, building, street, _) in homes.items():
        if street:
            index["street"].setdefault(street, set()).add(uprn)
        if building:
            index["building"].setdefault(_building_key(building), set()).add(uprn)
        if number:
            index["number"].setdefault(number.split("-")[0], set()).add(uprn)
            if "-" in number:
                index["all_ranges"].add(uprn)
    return index


def text_ceiling(records, truth, homes):
    """(share of households a text-only linkage can get exact, households it cannot, with the rows that stop them).

    records: the rows as the linker standardised them (prepare_records: source, uprn, flat, number, building, street,
    postcode); truth: the home (UPRN) of each row; homes: reference_addresses(). A household is out of reach when
    it has two rows or more and one of them, without a UPRN another row gives too, agrees with its own home and
    another on everything it writes, and its file does not settle which by elimination (the file lists each home
    once and names, in rows placed by UPRN or by text that fits one home only, every candidate but one)."""
    import pandas as pd

    index = _index(homes)
    truth = np.asarray(truth, dtype=object).astype(str)
    frame = records.reset_index(drop=True).assign(truth=truth)

    def value(v):
        return None if v is None or (isinstance(v, float) and np.isnan(v)) or v == "" else v

    fields = ["flat", "number", "building", "street", "postcode"]
    candidates = [compatible_homes(tuple(value(v) for v in row), homes, index)
                  for row in frame[fields].itertuples(index=False)]
    # a UPRN tells which home a row is only where another row gives it too (a UPRN given once links nothing)
    given = frame["uprn"].value_counts()
    has_uprn = (frame["uprn"].map(given).fillna(0) >= 2).to_numpy()
    # the homes each file places without doubt: by a UPRN, or by text that fits one home only
    placed = {}
    for k, (source, uprn) in enumerate(zip(frame["source"], frame["uprn"])):
        home = str(uprn) if has_uprn[k] else (next(iter(candidates[k])) if len(candidates[k]) == 1 else None)
        if home is not None:
            placed.setdefault(source, []).append((k, home))
    once = {source for source, rows in frame.groupby("source")["truth"] if rows.is_unique}
    rows_per_home = frame["truth"].value_counts()
    stuck = {}
    for k in np.flatnonzero(~has_uprn):
        found, home = candidates[k], truth[k]
        if home not in found or len(found) < 2 or rows_per_home[home] < 2:
            continue  # a text error (its own home does not fit), one home only, or a household of one row
        source = frame["source"].iat[k]
        if source in once:
            named = {h for j, h in placed.get(source, []) if j != k}
            if found - named == {home}:
                continue  # its file names every other candidate: placed by elimination
        stuck.setdefault(home, []).append(int(k))
    households = frame["truth"].nunique()
    out_of_reach = pd.Series(stuck, dtype=object)
    return 1 - len(stuck) / households, out_of_reach
