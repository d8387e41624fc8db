"""A seeded borough for finding unlicensed houses in multiple occupation (HMOs): a property base over real
London postcodes and the council files a housing team holds (HMO licence register, past inspections, council
tax, electoral register, housing benefit, complaints, EPC certificates, planning, fire incidents).

Each area's chance that a house is an HMO follows its Census 2021 shares of private renting and of converted
or shared houses, so HMOs cluster where London's do. About 5% of properties are HMOs and 10-20% of those hold a
licence. Every signal is noisy and partial: tenants often do not register to vote, family homes can hold
several surnames, not every HMO draws complaints, and each file carries a UPRN for only some rows and writes
addresses its own way (this module's own noise model, not the people-at-risk generator's). The truth (which
property is an HMO, who lives there) is returned and written apart from the files.
"""
import os

import numpy as np

SEED = 20170301
AS_AT = "2024-04-01"  # the day the files were extracted: licences ending before it have expired
HMO_SHARE = 0.05
LICENSED_SHARE = 0.15
EXPIRED_SHARE = 0.04  # HMOs whose licence lapsed (still on the register, with the dates)
ROLES = ("hmo_register", "inspections", "council_tax", "electoral_register", "housing_benefit", "complaints", "epc",
         "planning", "fire_incidents")
STREET_STEMS = ("Albion", "Milner", "Essex", "Highbury", "Hornsey", "Balfour", "Carlton", "Denmark", "Elgin",
                "Fairfax", "Gresham", "Harcourt", "Ingram", "Jubilee", "Kingsley", "Lansdowne", "Malvern",
                "Norfolk", "Oakley", "Palmerston", "Queensland", "Rosebery", "Stanhope", "Tavistock", "Upton",
                "Victoria", "Warwick", "Yarmouth", "Ashburnham", "Beaufort", "Chesterton", "Devonshire", "Ellington",
                "Forest", "Grafton", "Hamilton", "Ivy", "Kenilworth", "Leopold", "Montague", "Nelson", "Orchard",
                "Percy", "Radnor", "Sandringham", "Thornhill", "Vicarage", "Windsor", "Aberdeen", "Belgrave")
STREET_KINDS = ("Road", "Street", "Avenue", "Grove", "Gardens", "Lane", "Terrace", "Place", "Close", "Crescent")
SHORT_KINDS = {"Road": "Rd", "Street": "St", "Avenue": "Ave", "Grove": "Gr", "Gardens": "Gdns", "Lane": "Ln",
               "Terrace": "Terr", "Place": "Pl", "Close": "Cl", "Crescent": "Cres"}
SURNAMES = ("Smith", "Jones", "Khan", "Patel", "Brown", "Williams", "Taylor", "Ahmed", "Ali", "Wilson", "Nowak",
            "Kowalski", "Singh", "Begum", "Hussain", "Evans", "Thomas", "Johnson", "Roberts", "Walker", "Wright",
            "Popescu", "Ionescu", "Silva", "Santos", "Rossi", "Okafor", "Adeyemi", "Mensah", "Osei", "Chen", "Wang",
            "Nguyen", "Kaur", "Das", "Rahman", "Islam", "Murphy", "Kelly", "OBrien", "Green", "Hall", "Wood",
            "Clarke", "Hughes", "Edwards", "Turner", "Lewis", "Harris", "Martin", "Jackson", "Thompson", "White",
            "Kovacs", "Horvath", "Petrov", "Ivanova", "Garcia", "Lopez", "Fernandes", "Costa", "Yilmaz", "Demir")
FIRST_NAMES = ("Alex", "Sam", "Maria", "Adam", "Fatima", "John", "Priya", "Tomasz", "Anna", "Mohammed", "Grace",
               "Daniel", "Aisha", "Luca", "Ewa", "Kwame", "Li", "Sara", "Omar", "Ruth")
COMPLAINT_TYPES = ("noise", "refuse", "pests", "disrepair", "ASB")


# --- the borough -------------------------------------------------------------------------------------------------

def london_inputs(folder, borough="E09000025"):
    """(postcodes, census) for one borough from the shared London data: postcode points with their 2011 LSOA,
    and the Census 2021 housing table by LSOA code (about 96% of codes are the same in 2011 and 2021)."""
    import pandas as pd

    postcodes = pd.read_csv(os.path.join(folder, "postcodes.csv.gz"))
    postcodes = postcodes[postcodes["lad_code"] == borough].rename(columns={"lsoa11cd_pip": "lsoa"})
    census = pd.read_csv(os.path.join(folder, "census2021_lsoa21_housing.csv.gz")).set_index("LSOA21CD")
    return postcodes[["postcode", "easting", "northing", "lsoa"]].reset_index(drop=True), census


def london_area_context(folder, borough="E09000025"):
    """The borough's 2011 LSOAs (polygons, EPSG:27700) with their Census 2021 shares of households renting
    privately, in converted or shared houses, in purpose-built flats and overcrowded (one bedroom short or
    more): the area context a council would give Find unlicensed HMOs. Only public area figures: the generator's
    hidden truth is not in it."""
    import geopandas as gpd
    import pandas as pd

    lsoas = gpd.read_file(os.path.join(folder, "lsoa_2011.gpkg"))
    lsoas = lsoas[lsoas["LAD11CD"] == borough][["LSOA11CD", "geometry"]]
    census = pd.read_csv(os.path.join(folder, "census2021_lsoa21_housing.csv.gz")).set_index("LSOA21CD")
    households = census["households"].clip(lower=1)
    shares = pd.DataFrame({
        "private_rented_share": census["private_rented"] / households,
        "converted_share": (census["converted_or_shared_house"] + census["other_converted_building"]) / households,
        "flat_share": census["purpose_built_flat"] / households,
        "overcrowded_share": (census["occ_bed_minus1"] + census["occ_bed_minus2_or_less"]) / households})
    return lsoas.join(shares.round(4), on="LSOA11CD").reset_index(drop=True)


def area_shares(postcodes, census):
    """Per postcode: shares of private renting, converted/shared houses, houses and purpose-built flats."""
    default = {"private": 0.30, "converted": 0.10, "house": 0.40, "flat": 0.50}
    if census is None:
        return {k: np.full(len(postcodes), v) for k, v in default.items()}
    households = census["households"].clip(lower=1)
    table = {"private": census["private_rented"] / households,
             "converted": (census["converted_or_shared_house"] + census["other_converted_building"]) / households,
             "house": (census["detached"] + census["semi_detached"] + census["terraced"]) / households,
             "flat": census["purpose_built_flat"] / households}
    lsoa = postcodes["lsoa"] if "lsoa" in postcodes else None
    return {k: (lsoa.map(v).fillna(default[k]).to_numpy() if lsoa is not None else np.full(len(postcodes), default[k]))
            for k, v in table.items()}


def _streets(postcodes, rng):
    """A street name per postcode: neighbouring postcodes of one sector share a street."""
    sector = postcodes["postcode"].str[:-2].to_numpy()
    order = np.lexsort((postcodes["easting"].to_numpy(), sector))
    street_of = np.empty(len(postcodes), dtype=object)
    count, previous, run = 0, None, 0
    names = [s + " " + k for s in STREET_STEMS for k in STREET_KINDS]
    rng.shuffle(names)
    for i in order:
        if sector[i] != previous or run >= 3:
            count, run, previous = count + 1, 0, sector[i]
        run += 1
        base = names[count % len(names)]
        street_of[i] = base if count < len(names) else "{} {}".format(base.split(" ")[0] + ["", " North", " South",
                                                                                             " East", " West"][
            (count // len(names)) % 5], base.split(" ", 1)[1]).replace("  ", " ")
    return street_of


def build_properties(postcodes, census, n_properties, rng):
    """The property base and its hidden truth, one row per UPRN."""
    import pandas as pd

    shares = area_shares(postcodes, census)
    street_of = _streets(postcodes, rng)
    # buildings per postcode: a house (1 unit), a converted house (2-4 flats) or a block (6-24 flats)
    house_w = np.clip(shares["house"], 0.05, 1)
    conv_w = np.clip(shares["converted"], 0.01, 1) * 1.2
    block_w = np.clip(shares["flat"], 0.02, 1) / 8  # a block holds many units: fewer blocks for the same share
    total = house_w + conv_w + block_w
    per_postcode = max(1.0, n_properties / len(postcodes))
    rows = []
    next_number = {}
    uprn = 100021000000
    building = 0
    made = 0
    order = rng.permutation(len(postcodes))
    while made < n_properties:
        for i in order:
            if made >= n_properties:
                break
            units_here = rng.poisson(per_postcode)
            while units_here > 0 and made < n_properties:
                kind = rng.choice(3, p=[house_w[i] / total[i], conv_w[i] / total[i], block_w[i] / total[i]])
                street = street_of[i]
                number = next_number.get(street, 1 + int(rng.integers(0, 3)))
                next_number[street] = number + 1 + int(rng.random() < 0.4)
                units = 1 if kind == 0 else (int(rng.integers(2, 5)) if kind == 1 else int(rng.integers(6, 25)))
                units = min(units, n_properties - made)
                for u in range(units):
                    flat = None if kind == 0 else ("Flat {}".format("ABCD"[u]) if kind == 1 else "Flat {}".format(u + 1))
                    rows.append((uprn, building, i, street, str(number), flat, ("house", "converted", "block")[kind]))
                    uprn += 1 + int(rng.integers(0, 3))
                    made += 1
                building += 1
                units_here -= units
    frame = pd.DataFrame(rows, columns=["uprn", "building", "pc", "street", "number", "flat", "kind"])
    pc = frame["pc"].to_numpy()
    frame["postcode"] = postcodes["postcode"].to_numpy()[pc]
    frame["easting"] = postcodes["easting"].to_numpy()[pc] + rng.normal(0, 25, len(frame)).round(1)
    frame["northing"] = postcodes["northing"].to_numpy()[pc] + rng.normal(0, 25, len(frame)).round(1)
    frame["private_share"] = shares["private"][pc]
    frame["converted_share"] = shares["converted"][pc]
    frame["uprn"] = frame["uprn"].astype(str)
    return frame


def assign_truth(props, rng):
    """HMO or not, tenure, occupants and their surnames, licence state: the hidden truth."""
    n = len(props)
    eligible = (props["kind"] == "house").to_numpy() | ((props["kind"] == "converted").to_numpy() & (rng.random(n) < 0.3))
    z_private = (props["private_share"].to_numpy() - 0.3) / 0.12
    z_conv = (props["converted_share"].to_numpy() - 0.1) / 0.08
    weight = np.exp(0.9 * z_private + 0.5 * z_conv) * eligible
    p = np.clip(weight * (HMO_SHARE * n / max(weight.sum(), 1e-9)), 0, 0.7)
    is_hmo = rng.random(n) < p
    private_p = np.clip(props["private_share"].to_numpy(), 0.05, 0.8)
    u = rng.random(n)
    tenure = np.where(is_hmo, "private", np.where(u < private_p, "private",
                                                  np.where(u < private_p + 0.25, "social", "owned")))
    student = is_hmo & (rng.random(n) < 0.18)
    # occupants: an HMO 3-9 unrelated sharers; a home 1-6 people, mostly one family
    size = np.where(is_hmo, 3 + rng.poisson(2.2, n), np.clip(rng.choice([1, 2, 3, 4, 5, 6], n,
                                                                        p=[0.30, 0.30, 0.17, 0.13, 0.07, 0.03]), 1, 6))
    sharers = ~is_hmo & (tenure == "private") & (size >= 2) & (rng.random(n) < 0.12)  # flat-sharers: not an HMO
    families = np.where(is_hmo, np.maximum(1, size - rng.binomial(size, 0.15)),
                        np.where(sharers, size, 1 + (rng.random(n) < 0.12).astype(int) + (rng.random(n) < 0.03)))
    families = np.minimum(families, size)
    expired_or_valid = rng.random(n)
    weight_licence = np.where(is_hmo, 1.0 + (size >= 5) * 1.2, 0)
    licensed_p = np.clip(weight_licence * LICENSED_SHARE / max(weight_licence[is_hmo].mean() if is_hmo.any() else 1, 1e-9), 0, 1)
    licensed = is_hmo & (expired_or_valid < licensed_p)
    expired = is_hmo & ~licensed & (rng.random(n) < EXPIRED_SHARE / (1 - LICENSED_SHARE))
    props = props.assign(is_hmo=is_hmo, tenure=tenure, student=student, occupants=size, families=families,
                         licensed=licensed, licence_expired=expired)
    return props


# --- the noise of council files ------------------------------------------------------------------------------------

class Scribe:
    """How one council system writes addresses: its habits (abbreviations, capitals, where the flat goes) and
    its slips (missing or mistyped postcodes, dropped flats, transposed UPRN digits)."""

    def __init__(self, rng, uprn_rate, abbreviate=0.2, upper=0.3, postcode_missing=0.04, postcode_typo=0.02,
                 flat_dropped=0.03, uprn_typo=0.004, town=0.4):
        self.rng = rng
        self.uprn_rate = uprn_rate
        self.abbreviate, self.upper, self.town = abbreviate, upper, town
        self.postcode_missing, self.postcode_typo = postcode_missing, postcode_typo
        self.flat_dropped, self.uprn_typo = flat_dropped, uprn_typo

    def uprn(self, value):
        rng = self.rng
        if rng.random() >= self.uprn_rate:
            return ""
        if rng.random() < self.uprn_typo:
            digits = list(value)
            k = int(rng.integers(3, len(digits) - 1))
            digits[k], digits[k + 1] = digits[k + 1], digits[k]
            return "".join(digits)
        return value

    def postcode(self, value):
        rng = self.rng
        r = rng.random()
        if r < self.postcode_missing:
            return ""
        if r < self.postcode_missing + self.postcode_typo:
            return value[:-2] + value[-1] + value[-2]
        return value if rng.random() > 0.1 else value.replace(" ", "").lower()

    def line(self, flat, number, street, room=None):
        rng = self.rng
        if rng.random() < self.abbreviate:
            kind = street.rsplit(" ", 1)[-1]
            street = street[: -len(kind)] + SHORT_KINDS.get(kind, kind)
        if flat and rng.random() < self.flat_dropped:
            flat = None
        if flat and rng.random() < 0.15:
            text = "{}/{} {}".format(flat.split(" ", 1)[1], number, street)  # "A/12 Essex Road"
        else:
            text = ", ".join(p for p in (room, flat, "{} {}".format(number, street)) if p)
        if rng.random() < self.town:
            text += ", London"
        return text.upper() if rng.random() < self.upper else text


def _address_columns(scribe, prop, room=None, split=True):
    line = scribe.line(prop.flat, prop.number, prop.street, room)
    if split and "," in line and scribe.rng.random() < 0.5:
        first, rest = line.split(",", 1)
        return first, rest.strip()
    return line, ""


def _date(rng, start, end):
    import pandas as pd

    start, end = pd.Timestamp(start), pd.Timestamp(end)
    return (start + pd.Timedelta(days=int(rng.integers(0, max(1, (end - start).days))))).strftime("%Y-%m-%d")


def _surnames(rng, families, people):
    """Surnames of `people` residents from `families` families (each family one surname)."""
    pool = rng.choice(len(SURNAMES), size=families, replace=True)
    return [SURNAMES[pool[k % families]] for k in range(people)]


# --- the council files --------------------------------------------------------------------------------------------

def make_datasets(props, rng, as_at=AS_AT):
    """Every file, as DataFrames of text named by role."""
    import pandas as pd

    tables = {role: [] for role in ROLES}
    scribes = {role: Scribe(rng, rate) for role, rate in (
        ("hmo_register", 0.9), ("inspections", 0.85), ("council_tax", 0.95), ("electoral_register", 0.75),
        ("housing_benefit", 0.7), ("complaints", 0.25), ("epc", 0.8), ("planning", 0.5), ("fire_incidents", 0.4))}
    scribes["complaints"].postcode_missing = 0.15
    year = int(as_at[:4])
    three_years_ago = "{}-{}".format(year - 3, as_at[5:])
    for prop in props.itertuples(index=False):
        hmo = prop.is_hmo
        _register(tables, scribes, rng, prop, as_at)
        _council_tax(tables, scribes, rng, prop)
        _electors(tables, scribes, rng, prop)
        _benefit(tables, scribes, rng, prop, three_years_ago, as_at)
        n_complaints = rng.poisson(0.4 if hmo else (0.12 if prop.tenure != "owned" else 0.06))
        for _ in range(n_complaints):
            kind = rng.choice(COMPLAINT_TYPES, p=[0.3, 0.25, 0.15, 0.2, 0.1] if hmo else [0.35, 0.2, 0.1, 0.15, 0.2])
            tables["complaints"].append(_complaint(scribes["complaints"], rng, prop, kind, three_years_ago, as_at))
        _epc(tables, scribes, rng, prop, as_at)
        _planning(tables, scribes, rng, prop, as_at)
        for _ in range(rng.poisson(0.05 if hmo else 0.012)):
            scribe = scribes["fire_incidents"]
            line, _ = _address_columns(scribe, prop, split=False)
            flagged = hmo and rng.random() < 0.4
            tables["fire_incidents"].append({
                "Incident Number": "{:06d}-{}".format(int(rng.integers(1e6)), year), "Date": _date(rng, "2016-01-01", as_at),
                "UPRN": scribe.uprn(prop.uprn), "Address": line, "Postcode": scribe.postcode(prop.postcode),
                "Property Type": "House in multiple occupation" if flagged else (
                    "House - single occupancy" if prop.kind == "house" else "Purpose built flats/maisonettes")})
    _inspections(tables, scribes, rng, props, as_at)
    return {role: pd.DataFrame(rows) for role, rows in tables.items()}


def _register(tables, scribes, rng, prop, as_at):
    if not (prop.licensed or prop.licence_expired):
        return
    scribe = scribes["hmo_register"]
    year = int(as_at[:4])
    if prop.licensed:
        start = _date(rng, "{}-01-01".format(year - 4), as_at)
    else:
        start = _date(rng, "{}-01-01".format(year - 9), "{}-01-01".format(year - 5))
    end = "{}{}".format(int(start[:4]) + 5, start[4:])
    line, second = _address_columns(scribe, prop)
    tables["hmo_register"].append({
        "Licence Number": "HMO/{}/{:05d}".format(start[:4], int(rng.integers(1e5))), "UPRN": scribe.uprn(prop.uprn),
        "Property Address": line, "Address Line 2": second, "Postcode": scribe.postcode(prop.postcode),
        "Licence Start": start, "Licence Expiry": end, "Licence Holder": rng.choice(SURNAMES) + " Lettings Ltd",
        "Licence Type": "Mandatory" if prop.occupants >= 5 else "Additional"})


def _council_tax(tables, scribes, rng, prop):
    if rng.random() > 0.97:
        return
    scribe = scribes["council_tax"]
    hmo = prop.is_hmo
    band = "ABCDEFGH"[int(np.clip(rng.normal(3.2 if prop.kind == "house" else 1.6, 1.0), 0, 7))]
    adults = prop.occupants if hmo else max(1, prop.occupants - int(rng.binomial(max(prop.occupants - 2, 0), 0.8)))
    discount = (adults == 1 and rng.random() < 0.85) or (rng.random() < (0.08 if hmo else 0.02))
    if hmo:
        liable = rng.choice(["Landlord", "Agent", "Occupier"], p=[0.45, 0.2, 0.35])
    elif prop.tenure == "private":
        liable = rng.choice(["Landlord", "Agent", "Occupier"], p=[0.10, 0.06, 0.84])
    else:
        liable = "Occupier" if rng.random() > 0.01 else "Landlord"
    changes = rng.poisson(1.6 if hmo and liable == "Occupier" else (0.7 if prop.tenure == "private" else 0.12))
    exempt = "N" if (prop.student and rng.random() < 0.6) or rng.random() < 0.004 else (
        rng.choice(["C", "E", "F"]) if rng.random() < 0.01 else "")
    line, second = _address_columns(scribe, prop)
    tables["council_tax"].append({
        "Account Reference": "{:08d}".format(int(rng.integers(1e8))), "UPRN": scribe.uprn(prop.uprn),
        "Address Line 1": line, "Address Line 2": second, "Postcode": scribe.postcode(prop.postcode), "Band": band,
        "Single Person Discount": "Y" if discount else "N", "Exemption Class": exempt,
        "Liable Party Type": liable, "Liable Changes 3 Years": str(changes),
        "Liable Party Name": rng.choice(FIRST_NAMES) + " " + rng.choice(SURNAMES)})


def _electors(tables, scribes, rng, prop):
    scribe = scribes["electoral_register"]
    register_rate = {"owned": 0.92, "social": 0.82, "private": 0.62}[prop.tenure] * (0.7 if prop.is_hmo else 1.0)
    surnames = _surnames(rng, prop.families, prop.occupants)
    adults = prop.occupants if (prop.is_hmo or prop.families > 1) else max(1, prop.occupants - int(
        rng.binomial(max(prop.occupants - 2, 0), 0.8)))
    uprn = scribe.uprn(prop.uprn)  # one register: every elector at a property carries the same UPRN or none
    line, second = _address_columns(scribe, prop)
    for k in range(adults):
        if rng.random() > register_rate:
            continue
        tables["electoral_register"].append({
            "Elector Number": "{}-{}".format(prop.pc % 97, int(rng.integers(1e5))), "First Name": rng.choice(FIRST_NAMES),
            "Surname": surnames[k], "Address Line 1": line, "Address Line 2": second,
            "Postcode": prop.postcode, "UPRN": uprn})


def _benefit(tables, scribes, rng, prop, start, end):
    scribe = scribes["housing_benefit"]
    if prop.is_hmo:
        claims = rng.binomial(prop.occupants, 0.12)
    elif prop.families > 1 and prop.tenure != "owned":  # flat-sharers and lodgers claim one by one
        claims = rng.binomial(prop.occupants, 0.15)
    else:
        claims = int(rng.random() < {"owned": 0.02, "social": 0.45, "private": 0.18}[prop.tenure]) + int(
            rng.random() < 0.02)  # an adult son or daughter claiming separately
    for _ in range(claims):
        # the shared accommodation rate: single people under 35 renting privately, in an HMO or not
        shared = rng.random() < (0.5 if prop.is_hmo else (0.2 if prop.tenure == "private" else 0.01))
        line, _ = _address_columns(scribe, prop, split=False)
        tables["housing_benefit"].append({
            "Claim Reference": "HB{:07d}".format(int(rng.integers(1e7))),
            "Claimant Name": rng.choice(FIRST_NAMES) + " " + rng.choice(SURNAMES),
            "Date of Birth": _date(rng, "1950-01-01", "2004-01-01"), "UPRN": scribe.uprn(prop.uprn), "Address": line,
            "Postcode": scribe.postcode(prop.postcode), "Shared Accommodation Rate": "Y" if shared else "N",
            "Claim Start": _date(rng, start, end)})


def _complaint(scribe, rng, prop, kind, start, end):
    line, _ = _address_columns(scribe, prop, split=False)
    return {"Request ID": "SR{:07d}".format(int(rng.integers(1e7))), "Type": kind, "Date Received": _date(rng, start, end),
            "Location": line, "Postcode": scribe.postcode(prop.postcode), "UPRN": scribe.uprn(prop.uprn),
            "Complainant": rng.choice(FIRST_NAMES) + " " + rng.choice(SURNAMES)}


def _epc(tables, scribes, rng, prop, as_at):
    scribe = scribes["epc"]
    hmo = prop.is_hmo
    if rng.random() > (0.75 if hmo else (0.6 if prop.tenure == "private" else 0.45)):
        return
    rooms = int(np.clip(rng.normal(5.6 if hmo else (4.8 if prop.kind == "house" else 2.6), 1.3), 1, 12))
    area = float(np.clip(rng.normal(108 if hmo else (98 if prop.kind == "house" else 58), 25), 20, 300))
    units = [None]
    if hmo and rng.random() < 0.15:
        units = ["Room {}".format(k + 1) for k in range(int(rng.integers(2, 7)))]
    elif not hmo and prop.kind == "house" and rng.random() < 0.01:
        units = ["Flat {}".format(k + 1) for k in range(2)]  # a house split long ago, certified as flats
    private = prop.tenure == "private"
    tenure = "rental (private)" if private and rng.random() < 0.85 else (
        "rental (social)" if prop.tenure == "social" else "owner-occupied")
    for room in units:
        line, second = _address_columns(scribe, prop, room=room)
        date = _date(rng, "2012-01-01", as_at)
        efficiency = int(np.clip(rng.normal(58 if hmo else 63, 10), 1, 100))
        tables["epc"].append({
            "LMK_KEY": "{:032x}".format(int(rng.integers(1 << 62))), "ADDRESS1": line, "ADDRESS2": second,
            "ADDRESS3": "", "POSTCODE": scribe.postcode(prop.postcode), "BUILDING_REFERENCE_NUMBER": str(prop.building),
            "CURRENT_ENERGY_RATING": "ABCDEFG"[int(np.clip((100 - efficiency) // 12, 0, 6))],
            "CURRENT_ENERGY_EFFICIENCY": str(efficiency),
            "PROPERTY_TYPE": "House" if prop.kind == "house" and room is None else "Flat",
            "INSPECTION_DATE": date, "LODGEMENT_DATE": date,
            "TRANSACTION_TYPE": "rental (private)" if tenure == "rental (private)" else "marketed sale",
            "TOTAL_FLOOR_AREA": "{:.1f}".format(area if room is None else area / len(units)),
            "NUMBER_HABITABLE_ROOMS": str(rooms if room is None else 1), "MAINS_GAS_FLAG": "Y",
            "MAINHEAT_DESCRIPTION": "Boiler and radiators, mains gas", "MAIN_FUEL": "mains gas (not community)",
            "TENURE": tenure, "UPRN": scribe.uprn(prop.uprn), "UPRN_SOURCE": "Address Matched"})


HMO_PROPOSALS = ("Change of use from dwellinghouse (C3) to small house in multiple occupation (C4)",
                 "Change of use to a 7-bedroom house in multiple occupation (sui generis)",
                 "Installation of additional kitchen and shower rooms on first floor",
                 "Conversion of loft to provide two additional bedrooms with en-suite bathrooms")
OTHER_PROPOSALS = ("Single storey rear extension", "Loft conversion with rear dormer", "Replacement windows",
                   "Conversion of dwellinghouse into two self-contained flats", "Erection of outbuilding",
                   "New vehicle crossover", "Installation of additional bathroom")


def _planning(tables, scribes, rng, prop, as_at):
    scribe = scribes["planning"]
    hmo = prop.is_hmo
    if rng.random() > (0.08 if hmo else 0.04):
        return
    proposal = rng.choice(HMO_PROPOSALS) if hmo and rng.random() < 0.4 else rng.choice(OTHER_PROPOSALS)
    line, _ = _address_columns(scribe, prop, split=False)
    tables["planning"].append({
        "Application Number": "{}/{:04d}/FUL".format(as_at[2:4], int(rng.integers(1e4))), "Site Address": line,
        "Postcode": scribe.postcode(prop.postcode), "UPRN": scribe.uprn(prop.uprn), "Proposal": proposal,
        "Date Received": _date(rng, "2014-01-01", as_at), "Decision": rng.choice(["Granted", "Refused", "Withdrawn"])})


def _inspections(tables, scribes, rng, props, as_at, count=400):
    """Past inspections: half prompted by complaints about unlicensed properties (so biased towards HMOs), half
    planned visits to houses; each records what the officer found, with a few recording slips."""
    scribe = scribes["inspections"]
    unlicensed = props[~props["licensed"].to_numpy()]
    count = min(count, len(unlicensed))
    weights = np.where(unlicensed["is_hmo"].to_numpy(), 6.0, 1.0) * np.where(unlicensed["kind"].to_numpy() == "house", 1, 0.3)
    chosen = rng.choice(len(unlicensed), size=count, replace=False, p=weights / weights.sum())
    for prop in unlicensed.iloc[chosen].itertuples(index=False):
        found = prop.is_hmo if rng.random() > 0.03 else not prop.is_hmo
        line, _ = _address_columns(scribe, prop, split=False)
        tables["inspections"].append({
            "Inspection Ref": "INS{:06d}".format(int(rng.integers(1e6))), "UPRN": scribe.uprn(prop.uprn),
            "Address": line, "Postcode": scribe.postcode(prop.postcode),
            "Inspection Date": _date(rng, "2019-01-01", as_at), "Outcome": "HMO" if found else "not HMO",
            "Officer": rng.choice(FIRST_NAMES)})


# --- entry points -------------------------------------------------------------------------------------------------

def generate(postcodes, census=None, n_properties=8000, seed=SEED, as_at=AS_AT):
    """(properties, datasets, truth): the property base (uprn, address, postcode, easting, northing), a dict role ->
    DataFrame of text, and the truth per UPRN."""
    rng = np.random.default_rng(seed)
    props = assign_truth(build_properties(postcodes, census, n_properties, rng), rng)
    datasets = make_datasets(props, rng, as_at)
    address = [", ".join(p for p in (f, "{} {}".format(n, s)) if p)
               for f, n, s in zip(props["flat"], props["number"], props["street"])]
    properties = props[["uprn"]].assign(address=address, postcode=props["postcode"], easting=props["easting"],
                                        northing=props["northing"])
    truth = props[["uprn", "is_hmo", "licensed", "licence_expired", "tenure", "student", "occupants", "families",
                   "kind", "building", "street", "postcode"]]
    return properties, datasets, truth


def write(folder, properties, datasets, truth):
    """properties.gpkg (points, EPSG:27700), one CSV per role, and truth/truth.csv apart; returns the paths."""
    import geopandas as gpd

    os.makedirs(os.path.join(folder, "truth"), exist_ok=True)
    paths = {"properties": os.path.join(folder, "properties.gpkg")}
    layer = gpd.GeoDataFrame(properties.drop(columns=["easting", "northing"]),
                             geometry=gpd.points_from_xy(properties["easting"], properties["northing"]), crs="EPSG:27700")
    layer.to_file(paths["properties"], layer="properties", driver="GPKG")
    for role, frame in datasets.items():
        paths[role] = os.path.join(folder, role + ".csv")
        frame.to_csv(paths[role], index=False)
    paths["truth"] = os.path.join(folder, "truth", "truth.csv")
    truth.to_csv(paths["truth"], index=False)
    return paths
