"""An error model independent of the linker, for judging it on data it was not written for.

Homes are laid out on real postcodes in another way from council_extracts.py (named houses, ranges, blocks
with building names and flats, converted houses with lettered flats, Saint streets, the full range of street
types), and written down by the `address-errors` package, whose recording errors were learnt from real UK
councils' registers (its house styles: wigan, bradford, leeds, derby, cornwall). Each extract then takes one of
the layouts councils export. Nothing here is shared with the linker or the project's own generator; the truth
(which home every row is) is returned apart.
"""
import numpy as np

SEED = 20240510
NAMES = ("Albert", "Brownswood", "Cazenove", "Downs", "Evering", "Fountayne", "Glenarm", "Hindle", "Irongate", "Jenner",
         "Kyverdale", "Lordship", "Manor", "Nightingale", "Osbaldeston", "Prince George", "Queen Elizabeth",
         "Rendlesham", "St Johns", "St Marys", "St Kildas", "Stamford", "Tyssen", "Walford", "Wilberforce", "Yoakley")
TYPES = ("ROAD", "STREET", "AVENUE", "GARDENS", "CRESCENT", "TERRACE", "PLACE", "CLOSE", "LANE", "SQUARE", "COURT",
         "DRIVE", "GROVE", "PARK", "WALK", "WAY", "MEWS", "RISE", "HILL", "VALE")
HOUSE_NAMES = ("ROSE COTTAGE", "THE LODGE", "IVY HOUSE", "OLD FORGE", "WILLOW BANK", "THE COACH HOUSE", "ORCHARD VIEW")
BLOCKS = ("KEATS HOUSE", "SHELLEY COURT", "BYRON MANSIONS", "BLAKE TOWER", "CLARE POINT", "HARDY LODGE")
STYLES = ("leeds", "wigan", "bradford", "derby", "cornwall")
LAYOUTS = ("single_line", "address_lines", "addr", "columns", "postcode_holds_address")
PEOPLE = ("Ada Okoro", "Bill Sykes", "Cara Doyle", "Dev Patel", "Edna Price", "Femi Ade", "Gosia Lis", "Huw Rees")


def homes(postcodes, n_homes=3000, seed=SEED):
    """The reference homes: uprn, subname, name, number, streetname, townname, postcode, parentuprn, usrn."""
    import pandas as pd

    rng = np.random.default_rng(seed)
    codes = rng.choice(np.asarray(postcodes), size=max(1, n_homes // 10), replace=False)
    rows, uprn = [], 200000000000
    street_no = 0
    # a street (which may run through several postcodes) has one Rose Cottage, one Blake Tower and one number 12
    names_on, numbers_on = {}, {}
    for postcode in codes:
        street_no += 1
        street = "{} {}".format(NAMES[rng.integers(len(NAMES))], TYPES[rng.integers(len(TYPES))]).upper()
        taken, used = names_on.setdefault(street, set()), numbers_on.setdefault(street, set())
        number = int(rng.integers(1, 200))
        while sum(1 for r in rows if r["postcode"] == postcode) < 10 and len(rows) < n_homes:
            kind = rng.random()
            number += int(rng.integers(1, 4))
            span = {number, number + 1, number + 2} if 0.62 <= kind < 0.67 else {number}
            if span & used:
                continue
            used.update(span)
            if kind < 0.55:  # a house
                rows.append(_home(uprn, "", "", str(number), street, postcode, "", street_no))
            elif kind < 0.62:  # a named house with no number
                name = _unused(rng, HOUSE_NAMES, taken)
                rows.append(_home(uprn, "", name, "" if name else str(number), street, postcode, "", street_no))
            elif kind < 0.67:  # a range
                rows.append(_home(uprn, "", "", "{}-{}".format(number, number + 2), street, postcode, "", street_no))
                number += 2
            elif kind < 0.82:  # a converted house: lettered or floor flats
                parent = uprn
                uprn += 1
                for sub in (("FLAT A", "FLAT B") if rng.random() < 0.6 else ("GROUND FLOOR FLAT", "FIRST FLOOR FLAT")):
                    rows.append(_home(uprn, sub, "", str(number), street, postcode, parent, street_no))
                    uprn += 1
                continue
            else:  # a block with a name and numbered flats
                parent = uprn
                uprn += 1
                block = _unused(rng, BLOCKS, taken)
                with_number = rng.random() < 0.5 or not block
                for flat in range(1, int(rng.integers(3, 7))):
                    rows.append(_home(uprn, "FLAT {}".format(flat), block, str(number) if with_number else "", street,
                                      postcode, parent, street_no))
                    uprn += 1
                continue
            uprn += 1
    frame = pd.DataFrame(rows[:n_homes])
    # one home per written address: drop the rare repeats of a name or block on one street
    return frame.drop_duplicates(["subname", "name", "number", "streetname"]).reset_index(drop=True)


def _unused(rng, names, taken):
    """A name not yet on the street (and now taken), or '' when every name is."""
    free = [n for n in names if n not in taken]
    if not free:
        return ""
    name = free[rng.integers(len(free))]
    taken.add(name)
    return name


def _home(uprn, subname, name, number, street, postcode, parent, usrn):
    return {"uprn": str(uprn), "subname": subname, "name": name, "number": number, "streetname": street,
            "townname": "LONDON", "postcode": postcode, "parentuprn": str(parent) if parent else "", "usrn": str(usrn)}


def extracts(reference, n_extracts=5, share=0.6, seed=SEED, extra_noise=0.0, audit=None):
    """{name: (layout, DataFrame)} and the truth {name: array of the home (uprn) of each row}. Each extract lists a
    share of the homes, written by address-errors in one council's house style, in one layout. With extra_noise 0
    the errors are the package's own, at the rates it learnt from real councils' registers; extra_noise adds that
    share of records with one more error of its stress noise (typo, abbreviation, dropped, swapped or joined word),
    beyond what councils showed. audit, a dict, receives the package's record of the errors each row was given
    ({name: [its audit row, ...]}), for diagnosis."""
    import os
    import tempfile

    from address_errors import Controls, Corruptor, Noise, Profile, load_components

    rng = np.random.default_rng(seed)
    profile = Profile.load()
    with tempfile.TemporaryDirectory() as folder:  # its loader derives the fields it needs from a components CSV
        path = os.path.join(folder, "components.csv")
        reference.to_csv(path, index=False)
        records = load_components(path)
    out, truth = {}, {}
    for k in range(n_extracts):
        layout = LAYOUTS[k % len(LAYOUTS)]
        style = STYLES[k % len(STYLES)]
        chosen = [r["uprn"] for r in records if rng.random() < share]
        controls = Controls(postcode="with_errors", commas=layout in ("address_lines", "addr"),
                            noise=Noise(rate=extra_noise))
        corruptor = Corruptor(profile, style=style, seed=int(rng.integers(1 << 30)), controls=controls)
        corruptor.index(records)
        written = corruptor.generate(chosen)
        name = "{}_{}".format(layout, style)
        out[name] = (layout, _layout(rng, layout, written, reference))
        truth[name] = np.array([w["source_uprn"] for w in written])
        if audit is not None:
            audit[name] = written
    return out, truth


def _layout(rng, layout, written, reference):
    import pandas as pd

    by_uprn = reference.set_index("uprn")
    n = len(written)
    people = {"Householder": [PEOPLE[i] for i in rng.integers(len(PEOPLE), size=n)],
              "Premises contact": ["Mr " + PEOPLE[i] for i in rng.integers(len(PEOPLE), size=n)],
              "Contact": [PEOPLE[i].upper() for i in rng.integers(len(PEOPLE), size=n)]}
    # the UPRN the register carries (a neighbour's under label drift), for some rows only
    uprn = [w["assigned_uprn"] if rng.random() < 0.5 else "" for w in written]
    postcode = [w["recorded_postcode"] for w in written]
    # a missing postcode where the UPRN is given
    postcode = ["" if u and rng.random() < 0.1 else p for u, p in zip(uprn, postcode)]
    text = [w["recorded_address"] for w in written]
    if layout == "single_line":
        frame = pd.DataFrame({"UPRN": uprn, "Address": text, "Postcode": postcode})
    elif layout in ("address_lines", "addr"):
        parts = [[p.strip() for p in t.split(",")] for t in text]
        width = 4 if layout == "address_lines" else 3
        parts = [p[:width - 1] + [" ".join(p[width - 1:])] if len(p) > width else p + [""] * (width - len(p))
                 for p in parts]
        names = ["Address Line {}".format(i + 1) for i in range(width)] if layout == "address_lines" \
            else ["Addr{}".format(i + 1) for i in range(width)]
        frame = pd.DataFrame(parts, columns=names)
        frame.insert(0, "UPRN", uprn)
        # two UPRN columns: the council's own, and the one a partner system added
        frame.insert(1, "LLPG UPRN", [w["assigned_uprn"] if not u and rng.random() < 0.3 else "" for u, w in
                                      zip(uprn, written)])
        frame["Post Code"] = postcode
    elif layout == "columns":
        # separate columns, with errors of this module's own (not address-errors'): abbreviations, case, flat forms
        homes_ = by_uprn.loc[[w["source_uprn"] for w in written]]
        flat = [_flat_form(rng, s) for s in homes_["subname"]]
        street = [_street_form(rng, s) for s in homes_["streetname"]]
        frame = pd.DataFrame({"UPRN": uprn, "Flat": flat, "House No": homes_["number"].to_numpy(),
                              "House Name": homes_["name"].str.title().to_numpy(), "Street": street,
                              "Town": "London", "Postcode": postcode})
    else:  # the postcode column holds the whole address
        frame = pd.DataFrame({"UPRN": uprn, "Postcode": ["{}, {}".format(t, p).strip(", ") for t, p in
                                                        zip(text, postcode)]})
    for column, values in people.items():
        frame[column] = values
    return frame


def _flat_form(rng, subname):
    if not subname:
        return ""
    identifier = subname.split()[-1]
    if subname.startswith("FLAT") and rng.random() < 0.5:
        return identifier  # just "2" or "B" in a column called Flat
    return subname.title() if rng.random() < 0.5 else subname


def _street_form(rng, street):
    words = street.split()
    short = {"ROAD": "Rd", "STREET": "St", "AVENUE": "Ave", "GARDENS": "Gdns", "CRESCENT": "Cres", "TERRACE": "Terr",
             "PLACE": "Pl", "CLOSE": "Cl", "LANE": "Ln", "SQUARE": "Sq", "COURT": "Ct", "DRIVE": "Dr", "GROVE": "Gr",
             "PARK": "Pk", "WALK": "Wk", "WAY": "Wy"}
    if rng.random() < 0.4 and words[-1] in short:
        words[-1] = short[words[-1]]
    if words[0] == "ST" or (words[0] == "ST" and rng.random() < 0.5):
        words[0] = "Saint"
    text = " ".join(w.title() for w in words)
    return text.replace("St ", "St. ", 1) if text.startswith("St ") and rng.random() < 0.3 else text
