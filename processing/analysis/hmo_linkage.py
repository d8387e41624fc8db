"""Linking each council file to the property base, row by row: by UPRN, else by address.

This wraps the linkage engine of Find people at risk (linkage.py and addresses.py) for a different question:
not "which rows are one household" but "which property of the base is this row about". The steps, cheapest
first, so that a large borough links in seconds:
1. the row's UPRN is a UPRN of the base;
2. its address, standardised by addresses.py, equals a property's (postcode, flat, number, building, street);
   or, with the postcode missing or mistyped, the one property with that flat, number and street;
   a room or flat at a house the base holds as one property ("Room 3, 12 Essex Road") links to that house;
3. what is left goes through the probabilistic model (linkage.link_households, Splink) together with the
   properties in its postcodes and streets; a row linked to exactly one property takes it.
Rows that link to no property are reported, never guessed.
"""
import re

import numpy as np

from .linkage import clean_uprns
from .messages import no_progress

SLASH_FLAT = re.compile(r"^\s*([A-Za-z]|[0-9]{1,3}[A-Za-z]?)\s*/\s*([0-9]+[A-Za-z]?)\s+", re.UNICODE)
METHODS = ("uprn", "address", "probabilistic", "none")


def _unslash(text):
    """'A/12 Essex Road' (flat A at number 12), a common council shorthand, written out."""
    return SLASH_FLAT.sub(lambda m: "Flat {}, {} ".format(m.group(1), m.group(2)), str(text or ""))


class PropertyIndex:
    """The property base's UPRNs and standardised addresses, for looking rows up."""

    def __init__(self, uprns, addresses, postcodes):
        import pandas as pd

        from .addresses import standardise
        from .postcodes import normalise_postcode

        self.uprns = clean_uprns(uprns)
        self.by_uprn = {u: i for i, u in enumerate(self.uprns) if u is not None}
        self.postcodes = [normalise_postcode(p) for p in postcodes]
        parsed = [standardise(_unslash(a)) for a in addresses]
        self.flat = [p.flat for p in parsed]
        self.number = [p.number for p in parsed]
        self.building = [p.building for p in parsed]
        self.street = [p.street for p in parsed]
        self.postcodes = [pc or p.postcode for pc, p in zip(self.postcodes, parsed)]
        self.written = list(addresses)
        self.full = self._unique_keys(lambda i: (self.postcodes[i], self.flat[i], self.number[i], self.building[i],
                                                 self.street[i]))
        self.no_postcode = self._unique_keys(lambda i: (self.flat[i], self.number[i], self.building[i], self.street[i]))
        self.house = self._unique_keys(lambda i: (self.postcodes[i], self.number[i], self.street[i]))
        self.has_flat = np.array([f is not None for f in self.flat])
        self.size = len(self.uprns)
        self.frame = pd.DataFrame({"postcode": self.postcodes, "street": self.street})

    def _unique_keys(self, key):
        """key -> property index, for keys that name exactly one property."""
        seen = {}
        for i in range(len(self.uprns)):
            k = key(i)
            if k[-1] is None and k[-2] is None:
                continue
            seen[k] = -1 if k in seen else i
        return {k: i for k, i in seen.items() if i >= 0}


def link_rows(index, frame, columns, progress=no_progress):
    """(property index per row, -1 where none; method per row; the rows left, as standardised records with the
    rows they stand for). columns: from people_at_risk.detect_columns."""
    import pandas as pd

    from .linkage import prepare_records

    n = len(frame)
    found = np.full(n, -1, dtype=np.int64)
    method = np.full(n, "none", dtype=object)
    uprn = pd.Series([None] * n, dtype=object)
    for name in columns.get("uprns") or []:
        uprn = uprn.where(uprn.notna(), clean_uprns(frame[name].to_numpy()))
    by_uprn = uprn.map(index.by_uprn)
    hit = by_uprn.notna().to_numpy()
    found[hit] = by_uprn[hit].astype(np.int64).to_numpy()
    method[hit] = "uprn"
    progress(0.3)
    rest = np.flatnonzero(~hit)
    address_columns = [c for c in ([columns.get("postcode")] + list(columns.get("address") or [])) if c]
    if len(rest) == 0 or not address_columns:
        return found, method, None
    # the address columns of the rows left, each distinct address standardised once
    part = frame.iloc[rest][address_columns].astype(str)
    for c in columns.get("address") or []:
        part[c] = part[c].map(_unslash)
    distinct = part.drop_duplicates().reset_index(drop=True)
    records = prepare_records([("rows", distinct, dict(columns, uprn=None, uprns=[]))])
    progress(0.7)
    keys = zip(records["postcode"], records["flat"], records["number"], records["building"], records["street"])
    matched = np.array([_lookup(index, key) for key in keys], dtype=np.int64)
    position = part.merge(distinct.assign(_d=np.arange(len(distinct))), how="left", on=address_columns)["_d"].to_numpy()
    chosen = matched[position]
    found[rest] = chosen
    method[rest[chosen >= 0]] = "address"
    unmatched = np.flatnonzero(matched < 0)
    left = None
    if len(unmatched):
        # which rows each leftover distinct address stands for
        # rows sorted by their distinct address once, then cut (a groupby-apply per address took half a minute)
        order = np.argsort(position, kind="stable")
        starts = np.searchsorted(position[order], unmatched)
        ends = np.searchsorted(position[order], unmatched, side="right")
        left = (records.iloc[unmatched].reset_index(drop=True),
                [rest[order[a:b]] for a, b in zip(starts, ends)])
    progress(1.0)
    return found, method, left


def link_leftovers(index, leftovers, limit=30_000):
    """One probabilistic pass over every file's leftover rows: [(found, method, left)] updated in place."""
    import pandas as pd

    parts = [(k, left) for k, (_, _, left) in enumerate(leftovers) if left is not None]
    if not parts:
        return
    records = pd.concat([left[0] for _, left in parts], ignore_index=True)
    matched = _probabilistic(index, records, limit)
    offset = 0
    for k, (left_records, rows) in parts:
        found, method, _ = leftovers[k]
        for d, row_list in enumerate(rows):
            target = matched[offset + d]
            if target >= 0:
                found[row_list] = target
                method[row_list] = "probabilistic"
        offset += len(left_records)


def _lookup(index, key):
    postcode, flat, number, building, street = key
    if street is None and building is None:
        return -1
    i = index.full.get(key)
    if i is None:
        i = index.no_postcode.get((flat, number, building, street))
    if i is None and flat is not None and number is not None:
        house = index.house.get((postcode, number, street))
        if house is not None and not index.has_flat[house]:
            i = house  # a room or flat of a house the base holds as one property
    return -1 if i is None else i


def _probabilistic(index, records, limit=20_000):
    """Rows no exact rule placed, matched by Splink with the properties in their postcodes and streets. A row
    takes a property only when it lands in a household with exactly one property. Skipped (left unlinked) when
    there are more rows than `limit`: the exact rules have then failed wholesale, which the match rate shows."""
    import pandas as pd

    from .linkage import link_households

    result = np.full(len(records), -1, dtype=np.int64)
    if len(records) == 0 or len(records) > limit:
        return result
    postcodes = set(records["postcode"].dropna())
    streets = set(records["street"].dropna())
    near = np.flatnonzero(index.frame["postcode"].isin(postcodes).to_numpy() | index.frame["street"].isin(streets).to_numpy())
    if len(near) == 0:
        return result
    base = pd.DataFrame({"source": "properties", "row": near, "uprn": [index.uprns[i] for i in near],
                         "postcode": [index.postcodes[i] for i in near], "flat": [index.flat[i] for i in near],
                         "number": [index.number[i] for i in near], "building": [index.building[i] for i in near],
                         "street": [index.street[i] for i in near], "written": [index.written[i] for i in near]})
    rows = records.drop(columns=["unique_id"]).assign(source="rows", uprn=None)
    combined = pd.concat([base, rows], ignore_index=True)
    combined.insert(0, "unique_id", np.arange(len(combined)))
    try:
        household = link_households(combined, threshold=0.9).household
    except Exception:  # the exact links stand if the probabilistic model cannot be trained on so few rows
        return result
    is_base = np.arange(len(combined)) < len(base)
    owners = pd.DataFrame({"household": household[is_base], "property": near})
    counts = owners.groupby("household")["property"].agg(["count", "first"])
    single = counts[counts["count"] == 1]["first"]
    return pd.Series(household[~is_base]).map(single).fillna(-1).astype(np.int64).to_numpy()
