"""An outside judge for household linkage: council extracts written the way nine real systems write them, with noise
chosen without reference to the linker or to the project's other generators (council_extracts, address_noise,
address_blind, address_holdout).

    from community_risk.synthetic import address_outsider
    world = address_outsider.generate(postcodes_of_one_borough, n_homes=2500, seed=1, borough="E09000032")
    world.extracts["council_tax"]      # DataFrame, only the columns that system exports
    world.truth["council_tax"]         # the home (UPRN) of each row, kept apart from the frame
    world.noise["council_tax"]         # the noise mechanisms that touched each row (tuples of tags)
    world.reference                    # the homes: uprn, subname, name, number, streetname, postcode (+ kind, ...)

The homes (``reference``). Streets are invented from builders' and landowners' surnames, trees, places and saints
with a weighted Royal Mail thoroughfare type (a few have none: 'The Chase'). Each street takes one to three real,
consecutive postcodes of the borough, and the premises along it are:
  * houses (about 50% of premises), a few with a letter suffix ('25A', a separate house, never beside a house
    converted into lettered flats at 25) or a house name as well as a number ('Fernlea, 31');
  * named houses with no number ('Rose Cottage');
  * houses converted into 2-4 flats, lettered (A, B, C), numbered (1, 2, 3) or named by floor (Basement, Ground,
    First, Second): each house keeps one convention, the truth's;
  * purpose-built blocks with a name ('Keats House', 'Oak Court') and 6-30 numbered flats, 40% of them with a
    street number too ('Keats House, 40 Elm Road');
  * numbered ranges with flats above ('Flat 2, 12-14 High Street').
Every home has a 12-digit UPRN; flats have their building's parent UPRN too. The home (its UPRN) is the household.

The layouts (``LAYOUTS``), with their column names as those systems export them:
  council_tax          LLPG (BS7666) export: SAO_TEXT / SAO_START_NUMBER / PAO_TEXT / PAO_START_NUMBER /
                       PAO_START_SUFFIX / PAO_END_NUMBER / STREET_DESCRIPTOR / LOCALITY / TOWN_NAME /
                       POSTCODE_LOCATOR, UPRN, 'Liable Party'. One row a home, about 92% of homes.
  electoral_register   EMS export: 'Elector Number', 'Full Name', 'Address 1'..'Address 6', 'Postcode'. No UPRN.
                       One row a person.
  housing_benefit      Revenues & benefits: 'Claim No', 'Claimant', 'Partner', 'Addr1'..'Addr4', 'Post Code', 'UPRN'.
                       One row a claim (a home).
  repairs_crm          CRM case export: 'Case Ref', 'Reported By', 'Full Address' (one field, ending in town and
                       postcode), no postcode column, no UPRN. One to three rows a home.
  adult_social_care    Case management: 'Person ID', 'Client Name', 'Next of Kin', 'Address Line 1'..'3', 'Town',
                       'Postcode', 'Property UPRN'. One row a client.
  landlord_register    Private rented / HMO licensing: 'Licence No', 'Licence Holder', 'Unit', 'Property Name',
                       'Street Address', 'Town', 'Post Code'. One row a home.
  referral_form        Home fire safety referrals typed by hand: 'Referrer', 'Client Name', 'Address', 'Postcode'.
                       One row a person.
  assisted_collections Waste system on a PAF export: 'Customer Name', 'UDPRN', 'Sub Building Name', 'Building Name',
                       'Building Number', 'Thoroughfare', 'Dependent Locality', 'Post Town', 'Postcode'. One row a home.
  gp_list              NHS-style patient list: 'Registered Patient', 'NHS Number', 'Address1'..'Address5' with the
                       postcode written in the last line used, no postcode column. One row a patient.

The noise mechanisms (tags in ``noise``), with their rates (per row of the layouts named; 'hand' = referral_form,
'typed' = repairs_crm, adult_social_care, landlord_register, gp_list):
  case                 whole row upper/title/lower by system; 10% of hand rows in lower case, 5% in upper.
  punctuation          commas dropped or doubled, full stops, double spaces: 15% of typed and hand rows.
  street_abbrev        street type abbreviated (own table: Rd, Ave/Av, Gdns/Gdn, Gr/Grv, Cres/Cresc, Terr/Tce,
                       Pl, Cl, Ln/La, Sq, Dr, Wlk/Wk, Wy, Mws, Pde, Pk, Grn, Hl): 0% LLPG/PAF, 10% electoral,
                       30% benefits/landlord, 25% care, 35% GP, 40% hand, 60% CRM.
  building_abbrev      House -> Ho/Hse, Court -> Ct, Mansions -> Mans, Lodge -> Ldg: 25% of CRM and hand rows
                       naming a block, 10% others.
  saint_form           'St Anselm's' written 'Saint Anselms', 'St. Anselm's', 'St Anselms' by system and by hand.
  apostrophe           apostrophes dropped (every PAF/LLPG row, half of the rest).
  flat_form            the flat written another way within the home's convention: 'Flat No. 2', 'Apartment 2',
                       'Apt 2', '2/14' (hand), '14B', '14 B', 'B 14', 'GFF', 'Grd Flr Flat', '1st Floor', 'FFF',
                       'Basement' / 'Lower Ground Floor Flat', '12 Keats House' with no 'Flat'.
  floor_top            the highest floor flat written 'Top Floor Flat' / 'Top Flat': 20% of such rows in every
                       layout but LLPG, PAF and the landlord register (the same home, but only a reader that knows
                       the house can say so).
  flat_convention      a lettered flat written by floor or a floor flat by letter (A = lowest): 3% of
                       converted-house flats in CRM, referral and care rows. Beyond any text-only linkage.
  flat_missing         the flat left out: 2% CRM, 2% care, 3% GP, 5% hand.
  wrong_flat           a neighbouring flat's number or letter typed: 0.5% of flat rows in hand and CRM rows.
  building_missing     a block's name left out where it has a street number (15% CRM/GP), or the street left out
                       where the block name is given (8% CRM, 10% care).
  number_missing       a block or named house's street number left out: 30% of rows where it has one.
  range_form           '12-14' written '12 - 14', '12/14' or '12' alone: 40% of range rows outside LLPG/PAF.
  house_name           a house with a name and a number written with the name only (20%) or the number only (30%).
  typo                 one keyboard slip in the street or building name (adjacent key, swap, drop, double, lost
                       space): 1% LLPG/PAF/benefits/electoral, 4% typed, 8% hand.
  old_street_name      streets renamed (6% of streets); the old name in 10% electoral, 35% care, 30% GP, 20% hand
                       rows of those streets.
  locality             the dependent locality as an extra line or before the town: PAF/LLPG always where the
                       street has one; 40% elsewhere. 'Wandsworth' (the borough) for 'London' in 6% of hand/CRM.
  town_missing         the town left out: 10% of typed and hand rows.
  postcode_format      no space, lower case, a double space, 'SW18 OAB' (O for 0 in the inward code): 3% typed,
                       12% hand (of those, a quarter are the O/0 swap).
  postcode_neighbour   the postcode of the next unit in the same sector: 2% typed, 4% hand, 0.5% systems.
  postcode_partial     only the outward code ('SW18'): 1% typed, 3% hand.
  postcode_missing     no postcode: 2% CRM, 4% care, 12% hand, 1% benefits, 3% GP.
  postcode_in_address  the postcode typed at the end of the address field and the Postcode column left blank:
                       6% hand.
  extra_text           'c/o', '(rear entrance)', 'ring bell twice', 'ground floor' notes in the address: 4% hand,
                       1% CRM.
  uprn_slip            a UPRN with one digit keyed wrong: 0.3% council tax, 1.5% benefits, 1% care.
  uprn_parent          the building's parent UPRN for a flat: 4% of flats in benefits and care.
  uprn_blank           no UPRN: 0.5% council tax, 12% benefits, 50% care.
The truth is the home; a row's tags are the mechanisms that changed its text from the system's clean form.
"""
import random
import re
from dataclasses import dataclass, field

import pandas as pd

LOCALITIES = {
    "E09000032": ["Balham", "Battersea", "Earlsfield", "Putney", "Roehampton", "Southfields", "Tooting",
                  "Wandsworth"],
    "E09000011": ["Abbey Wood", "Blackheath", "Charlton", "Eltham", "Kidbrooke", "Plumstead", "Thamesmead",
                  "Woolwich"],
    "E09000022": ["Brixton", "Clapham", "Kennington", "Stockwell", "Streatham", "Vauxhall", "West Norwood"],
}
BOROUGH_NAMES = {"E09000032": "Wandsworth", "E09000011": "Greenwich", "E09000022": "Lambeth"}

SURNAMES_FOR_STREETS = [
    "Aldred", "Barrington", "Cavell", "Dunmore", "Elsworthy", "Fenwick", "Garrick", "Hartfield", "Inglewood",
    "Jessop", "Kingsmead", "Lavender", "Merrow", "Northcote", "Ormeley", "Pendle", "Quarrendon", "Ravensbury",
    "Sistova", "Tantallon", "Upcerne", "Veronica", "Wexford", "Yukon", "Zennor", "Baskerville", "Chivalry",
    "Dafforne", "Ellerton", "Fontarabia", "Gorst", "Honeywell", "Iveley", "Jedburgh", "Kyrle", "Leathwaite",
    "Mallinson", "Nimrod", "Oakmead", "Petergate", "Rusham", "Salcott", "Thurleigh", "Vardens", "Westover",
    "Beauchamp", "Cobham", "Dorlcote", "Erpingham", "Fawe", "Gwendolen", "Hotham", "Keswick", "Lebanon",
    "Magdalen", "Normanton", "Ouseley", "Pulborough", "Replingham", "Skeena", "Trinity", "Viewfield", "Wimbolt",
    "Acris", "Bolingbroke", "Clancarty", "Deauville", "Ennerdale", "Fernhurst", "Granard", "Heathfield",
]
TREES_AND_PLACES = ["Elm", "Oak", "Ash", "Rowan", "Linden", "Hazel", "Malvern", "Kelso", "Tenby", "Ludlow",
                    "Mill", "Church", "Chapel", "Manor", "Park", "Orchard", "Brook", "Spring", "Vicarage",
                    "Station", "Windmill", "Mount", "Priory", "Abbey"]
SAINTS = ["St Anselm's", "St Hilda's", "St Oswald's", "St John's", "St Mary's", "St Ann's", "St Margaret's",
          "St James's"]
THOROUGHFARE_TYPES = [("Road", 35), ("Street", 12), ("Avenue", 8), ("Gardens", 6), ("Grove", 5), ("Close", 5),
                      ("Crescent", 4), ("Terrace", 4), ("Place", 4), ("Lane", 4), ("Drive", 3), ("Way", 3),
                      ("Square", 2), ("Walk", 2), ("Hill", 2), ("Mews", 2), ("Parade", 1), ("Park", 1),
                      ("Green", 1), ("Rise", 1), ("Row", 1), ("Vale", 1)]
NO_TYPE = ["The Chase", "The Pavement", "The Broadway", "Highview", "The Ridgeway", "Northside", "Westside",
           "The Hollies"]
STREET_ABBREVIATIONS = {"Road": ["Rd"], "Street": ["St"], "Avenue": ["Ave", "Av"], "Gardens": ["Gdns", "Gdn"],
                        "Grove": ["Gr", "Grv"], "Crescent": ["Cres", "Cresc"], "Terrace": ["Terr", "Tce"],
                        "Place": ["Pl"], "Close": ["Cl"], "Lane": ["Ln", "La"], "Square": ["Sq"], "Drive": ["Dr"],
                        "Walk": ["Wlk", "Wk"], "Way": ["Wy"], "Mews": ["Mws"], "Parade": ["Pde"], "Park": ["Pk"],
                        "Green": ["Grn"], "Hill": ["Hl"]}
BLOCK_FIRST = ["Keats", "Shelley", "Byron", "Tennyson", "Brunel", "Faraday", "Nightingale", "Seacole", "Attlee",
               "Bevan", "Lansbury", "Oak", "Cedar", "Rowan", "Willow", "Beech", "Falcon", "Heron", "Kestrel",
               "Marlowe", "Chaucer", "Wren", "Hardy", "Blake", "Morris", "Ruskin", "Darwin", "Fleming"]
BLOCK_TYPES = [("House", 40), ("Court", 30), ("Lodge", 10), ("Mansions", 8), ("Point", 5), ("Heights", 4),
               ("Tower", 3)]
BUILDING_ABBREVIATIONS = {"House": ["Ho", "Hse"], "Court": ["Ct"], "Mansions": ["Mans"], "Lodge": ["Ldg"]}
HOUSE_NAMES = ["Rose Cottage", "The Old Vicarage", "Ivy House", "Hillcrest", "The Coach House", "Fernlea",
               "Woodside", "Holly Lodge", "The Stables", "Orchard House", "Laurel Bank", "Greystones"]
FORENAMES = ["Amina", "Brian", "Chloe", "Darius", "Eileen", "Farhan", "Grace", "Hamza", "Irene", "Jamal", "Kofi",
             "Lena", "Marek", "Nadia", "Oluwaseun", "Patrick", "Rosa", "Sanjay", "Tomasz", "Una", "Vera", "Winston",
             "Yusuf", "Zofia", "Margaret", "John", "Fatima", "Daniel", "Priya", "George"]
SURNAMES = ["Adeyemi", "Brennan", "Clarke", "Dimitrov", "Evans", "Fernandes", "Gallagher", "Hussain", "Ibrahim",
            "Jones", "Kowalski", "Lewis", "Mensah", "Nowak", "O'Connor", "Patel", "Quinn", "Rahman", "Smith",
            "Taylor", "Uddin", "Walsh", "Yilmaz", "Zhang", "Okafor", "Murphy", "Ahmed", "Williams"]
FLOORS = ["Basement", "Ground", "First", "Second", "Third"]
FLOOR_FORMS = {"Basement": ["Basement Flat", "Basement", "Lower Ground Floor Flat", "LGF Flat"],
               "Ground": ["Ground Floor Flat", "Ground Floor", "GFF", "Grd Flr Flat", "Ground Flr Flat"],
               "First": ["First Floor Flat", "1st Floor Flat", "1st Floor", "FFF", "First Flr Flat"],
               "Second": ["Second Floor Flat", "2nd Floor Flat", "2nd Floor", "SFF"],
               "Third": ["Third Floor Flat", "3rd Floor Flat", "3rd Floor"]}
EXTRA_TEXT = ["c/o {}", "(rear entrance)", "ring bell twice", "side door", "(key safe)"]
KEYBOARD = {c: n for c, n in zip("qwertyuiopasdfghjklzxcvbnm",
                                 ["wa", "qes", "wrd", "etf", "ryg", "tuh", "yij", "uok", "ipl", "ol", "qsz", "awdx",
                                  "sefc", "drgv", "fthb", "gyjn", "hukm", "jilm", "kop", "zxs", "xcd", "vfb", "cgn",
                                  "bhm", "njk", "bn"])}

LAYOUTS = {
    "council_tax": {"people": ["Liable Party"], "uprn": "UPRN", "postcode": "POSTCODE_LOCATOR", "per": "home",
                    "address": ["SAO_TEXT", "SAO_START_NUMBER", "PAO_TEXT", "PAO_START_NUMBER", "PAO_START_SUFFIX",
                                "PAO_END_NUMBER", "STREET_DESCRIPTOR", "LOCALITY", "TOWN_NAME"]},
    "electoral_register": {"people": ["Full Name"], "uprn": None, "postcode": "Postcode", "per": "person",
                           "address": ["Address 1", "Address 2", "Address 3", "Address 4", "Address 5", "Address 6"]},
    "housing_benefit": {"people": ["Claimant", "Partner"], "uprn": "UPRN", "postcode": "Post Code", "per": "home",
                        "address": ["Addr1", "Addr2", "Addr3", "Addr4"]},
    "repairs_crm": {"people": ["Reported By"], "uprn": None, "postcode": None, "per": "job",
                    "address": ["Full Address"]},
    "adult_social_care": {"people": ["Client Name", "Next of Kin"], "uprn": "Property UPRN", "postcode": "Postcode",
                          "per": "person", "address": ["Address Line 1", "Address Line 2", "Address Line 3", "Town"]},
    "landlord_register": {"people": ["Licence Holder"], "uprn": None, "postcode": "Post Code", "per": "home",
                          "address": ["Unit", "Property Name", "Street Address", "Town"]},
    "referral_form": {"people": ["Referrer", "Client Name"], "uprn": None, "postcode": "Postcode", "per": "person",
                      "address": ["Address"]},
    "assisted_collections": {"people": ["Customer Name"], "uprn": None, "postcode": "Postcode", "per": "home",
                             "address": ["Sub Building Name", "Building Name", "Building Number", "Thoroughfare",
                                         "Dependent Locality", "Post Town"]},
    "gp_list": {"people": ["Registered Patient"], "uprn": None, "postcode": None, "per": "person",
                "address": ["Address1", "Address2", "Address3", "Address4", "Address5"]},
}
# mechanisms that make a row name another home, or a home only a reader knowing the house could tell
BEYOND_TEXT = {"flat_convention", "wrong_flat", "floor_top"}
HAND = {"referral_form"}
TYPED = {"repairs_crm", "adult_social_care", "landlord_register", "gp_list"}
SYSTEM = {"council_tax", "assisted_collections"}


@dataclass
class World:
    reference: pd.DataFrame
    extracts: dict = field(default_factory=dict)
    truth: dict = field(default_factory=dict)
    noise: dict = field(default_factory=dict)
    streets: list = field(default_factory=list)


def _weighted(rng, pairs):
    total = sum(w for _, w in pairs)
    x = rng.uniform(0, total)
    for value, weight in pairs:
        x -= weight
        if x <= 0:
            return value
    return pairs[-1][0]


def _uprn(rng, used):
    while True:
        value = str(rng.choice([100021, 100022, 100023, 121000, 100062])) + "{:06d}".format(rng.randrange(10 ** 6))
        if value not in used:
            used.add(value)
            return value


def _make_streets(rng, postcodes, n_streets, localities):
    """Streets with their real postcodes: consecutive units of one sector, one to three a street."""
    by_sector = {}
    for pc in sorted(postcodes):
        by_sector.setdefault(pc[:-2], []).append(pc)
    sectors = [s for s in sorted(by_sector) if len(by_sector[s]) >= 4]
    sector_locality = {s: (rng.choice(localities) if localities and rng.random() < 0.7 else None) for s in sectors}
    used_names, used_postcodes, streets = set(), set(), []
    while len(streets) < n_streets:
        sector = rng.choice(sectors)
        units = by_sector[sector]
        start = rng.randrange(len(units))
        take = [pc for pc in units[start:start + rng.choice([1, 1, 2, 2, 3])] if pc not in used_postcodes]
        if not take:
            continue
        roll = rng.random()
        if roll < 0.04:
            name, kind = rng.choice(NO_TYPE), None
        else:
            kind = _weighted(rng, THOROUGHFARE_TYPES)
            stem = rng.choice(SAINTS) if roll < 0.12 else (
                rng.choice(TREES_AND_PLACES) if roll < 0.3 else rng.choice(SURNAMES_FOR_STREETS))
            name = "{} {}".format(stem, kind)
        if name in used_names and rng.random() < 0.9:
            continue  # a few names recur in a borough, in other sectors (two Church Roads)
        used_names.add(name)
        used_postcodes.update(take)
        old = None
        if rng.random() < 0.06:
            old = "{} {}".format(rng.choice(SURNAMES_FOR_STREETS), kind or "Road")
        streets.append({"name": name, "type": kind, "postcodes": take, "locality": sector_locality[sector],
                        "old_name": old, "sector": sector, "units": units})
    return streets


def _make_homes(rng, streets, n_homes):
    used, homes = set(), []
    street_order = list(range(len(streets)))
    rng.shuffle(street_order)
    next_number = {k: 1 for k in street_order}
    names_taken = set()
    k = 0
    while len(homes) < n_homes:
        s = street_order[k % len(streets)]
        k += 1
        street = streets[s]
        for _ in range(rng.randint(3, 9)):
            postcode = street["postcodes"][min(len(street["postcodes"]) - 1,
                                               (next_number[s] // 30) % len(street["postcodes"]))]
            number = next_number[s]
            next_number[s] += rng.choice([1, 2, 2, 2])
            base = {"street": s, "streetname": street["name"], "postcode": postcode, "locality": street["locality"]}
            kind = _weighted(rng, [("house", 50), ("converted", 22), ("block", 7), ("named_house", 3),
                                   ("range", 4), ("suffix_house", 3), ("name_and_number", 4)])
            if kind == "house":
                homes.append(dict(base, kind="house", number=str(number), name="", subname="", flat=None,
                                  uprn=_uprn(rng, used), parent_uprn=None))
            elif kind == "suffix_house":
                homes.append(dict(base, kind="house", number=str(number), name="", subname="", flat=None,
                                  uprn=_uprn(rng, used), parent_uprn=None))
                homes.append(dict(base, kind="suffix_house", number="{}A".format(number), name="", subname="",
                                  flat=None, uprn=_uprn(rng, used), parent_uprn=None))
            elif kind == "named_house":
                next_number[s] -= 1  # a named house with no number takes none
                name = rng.choice(HOUSE_NAMES)
                if (s, name) in names_taken:
                    continue  # two 'Rose Cottage's on one street would be one address for two homes
                names_taken.add((s, name))
                homes.append(dict(base, kind="named_house", number="", name=name, subname="",
                                  flat=None, uprn=_uprn(rng, used), parent_uprn=None))
            elif kind == "name_and_number":
                name = rng.choice(HOUSE_NAMES)
                if (s, name) in names_taken:
                    continue  # 'The Stables, 26' beside 'The Stables': one address for two homes once 26 is dropped
                names_taken.add((s, name))
                homes.append(dict(base, kind="name_and_number", number=str(number), name=name,
                                  subname="", flat=None, uprn=_uprn(rng, used), parent_uprn=None))
            elif kind in ("converted", "range"):
                parent = _uprn(rng, used)
                convention = rng.choices(["letter", "number", "floor"], [40, 25, 35])[0]
                n = rng.randint(2, 4)
                if kind == "range":
                    number = "{}-{}".format(number, number + 2)
                    next_number[s] += 2
                    convention = "number"
                floors = FLOORS[:n] if rng.random() < 0.3 else FLOORS[1:n + 1]
                for i in range(n):
                    if convention == "letter":
                        flat, sub = ("letter", "ABCD"[i], i, n), "Flat " + "ABCD"[i]
                    elif convention == "number":
                        flat, sub = ("number", str(i + 1), i, n), "Flat {}".format(i + 1)
                    else:
                        flat, sub = ("floor", floors[i], i, n), "{} Floor Flat".format(floors[i]).replace(
                            "Basement Floor Flat", "Basement Flat")
                    homes.append(dict(base, kind=kind, number=str(number), name="", subname=sub, flat=flat,
                                      uprn=_uprn(rng, used), parent_uprn=parent))
            else:
                parent = _uprn(rng, used)
                name = "{} {}".format(rng.choice(BLOCK_FIRST), _weighted(rng, BLOCK_TYPES))
                if name in names_taken:
                    continue  # block names are unique in the borough here (a real borough has the odd repeat)
                names_taken.add(name)
                with_number = rng.random() < 0.4
                if not with_number:
                    next_number[s] -= 1
                n = rng.randint(6, 30)
                for i in range(n):
                    homes.append(dict(base, kind="block", number=str(number) if with_number else "", name=name,
                                      subname="Flat {}".format(i + 1), flat=("block", str(i + 1), i, n),
                                      uprn=_uprn(rng, used), parent_uprn=parent))
    return homes


# ---- noise ------------------------------------------------------------------------------------------------------

def _typo(rng, text):
    letters = [i for i, c in enumerate(text) if c.isalpha()]
    if len(letters) < 4:
        return text
    i = rng.choice(letters[1:-1])
    how = rng.choice(["adjacent", "swap", "drop", "double", "space"])
    if how == "adjacent" and text[i].lower() in KEYBOARD:
        c = rng.choice(KEYBOARD[text[i].lower()])
        return text[:i] + (c.upper() if text[i].isupper() else c) + text[i + 1:]
    if how == "swap" and i + 1 < len(text) and text[i + 1].isalpha():
        return text[:i] + text[i + 1] + text[i] + text[i + 2:]
    if how == "drop":
        return text[:i] + text[i + 1:]
    if how == "double":
        return text[:i] + text[i] + text[i:]
    if " " in text:
        return text.replace(" ", "", 1)
    return text[:i] + text[i + 1:]


def _rate(layout, hand, typed, other, system=None):
    if layout in HAND:
        return hand
    if layout in TYPED:
        return typed
    if layout in SYSTEM and system is not None:
        return system
    return other


class _Row:
    """One home written by one system: the parts, then the tags of what changed them."""

    def __init__(self, rng, layout, home, street):
        self.rng, self.layout, self.home, self.street, self.tags = rng, layout, home, street, []

    def chance(self, p, tag=None):
        hit = self.rng.random() < p
        if hit and tag:
            self.tags.append(tag)
        return hit

    def street_name(self):
        name = self.street["name"]
        r = self.layout
        if self.street["old_name"] and self.chance({"electoral_register": 0.1, "adult_social_care": 0.35,
                                                    "gp_list": 0.3, "referral_form": 0.2}.get(r, 0),
                                                   "old_street_name"):
            name = self.street["old_name"]
        if name.startswith("St ") and r not in SYSTEM:
            form = self.rng.choice(["Saint ", "St. ", "St ", "St "])
            if form != "St ":
                self.tags.append("saint_form")
            name = form + name[3:]
        kind = self.street["type"]
        abbreviate = {"electoral_register": 0.1, "housing_benefit": 0.3, "landlord_register": 0.3,
                      "adult_social_care": 0.25, "gp_list": 0.35, "referral_form": 0.4, "repairs_crm": 0.6}
        if kind in STREET_ABBREVIATIONS and name.endswith(" " + kind) and self.chance(abbreviate.get(r, 0),
                                                                                         "street_abbrev"):
            name = name[: -len(kind)] + self.rng.choice(STREET_ABBREVIATIONS[kind])
        name = self._apostrophe(name)
        if self.chance(_rate(r, 0.08, 0.04, 0.01, 0.01), "typo"):
            name = _typo(self.rng, name)
        return name

    def _apostrophe(self, text):
        if "'" in text and (self.layout in SYSTEM or self.chance(0.5)):
            if self.layout not in SYSTEM:
                self.tags.append("apostrophe")
            return text.replace("'", "")
        return text

    def building_name(self):
        name = self.home["name"]
        if not name:
            return ""
        first, _, kind = name.rpartition(" ")
        if kind in BUILDING_ABBREVIATIONS and self.home["kind"] == "block" and self.chance(
                0.25 if self.layout in HAND | {"repairs_crm"} else (0 if self.layout in SYSTEM else 0.1),
                "building_abbrev"):
            name = first + " " + self.rng.choice(BUILDING_ABBREVIATIONS[kind])
        if self.chance(_rate(self.layout, 0.04, 0.02, 0.005, 0.0), "typo"):
            name = _typo(self.rng, name)
        return name

    def flat(self, forms):
        """(flat text, suffix for the number or ''): the flat in this system's words. forms: 'formal', 'typed',
        'hand', 'short' (no 'Flat')."""
        flat = self.home["flat"]
        if flat is None:
            return "", ""
        convention, value, i, n = flat
        r = self.layout
        if convention in ("letter", "floor") and r in {"repairs_crm", "referral_form", "adult_social_care"} and \
                self.chance(0.03, "flat_convention"):
            if convention == "letter":
                convention, value = "floor", FLOORS[1 + i]
            else:
                convention, value = "letter", "ABCD"[i]
        if self.chance(_rate(r, 0.05, {"repairs_crm": 0.02, "adult_social_care": 0.02, "gp_list": 0.03}.get(r, 0),
                             0.0, 0.0), "flat_missing"):
            return "", ""
        if r in HAND | {"repairs_crm"} and self.chance(0.005, "wrong_flat"):
            if convention in ("number", "block"):
                value = str(int(value) + (1 if int(value) < n or int(value) == 1 else -1))
            elif convention == "letter":
                value = "ABCD"[(i + 1) % max(n, 2)]
        if convention == "floor":
            top = i == n - 1 and n >= 2
            if top and forms in ("typed", "hand") and self.chance(0.2, "floor_top"):
                return self.rng.choice(["Top Floor Flat", "Top Flat"]), ""
            options = FLOOR_FORMS[value]
            text = options[0] if forms == "formal" else self.rng.choice(options)
            if text != options[0]:
                self.tags.append("flat_form")
            return text, ""
        if convention == "letter":
            if forms == "formal":
                return "Flat " + value, ""
            pick = self.rng.choice(["Flat ", "suffix", "suffix_space", "Flat "])
            if pick == "suffix":
                self.tags.append("flat_form")
                return "", value
            if pick == "suffix_space":
                self.tags.append("flat_form")
                return "", " " + value
            return "Flat " + value, ""
        # numbered flats, in a converted house, a range or a block
        if forms == "formal":
            return "Flat " + value, ""
        if forms == "short":
            return value, ""
        options = ["Flat {}", "Flat {}", "Flat {}", "Flat No. {}", "Flat No {}", "Apartment {}", "Apt {}"]
        if convention == "block":
            options += ["{}"]
        text = self.rng.choice(options).format(value)
        if text != "Flat " + value:
            self.tags.append("flat_form")
        return text, ""

    def number(self):
        home = self.home
        number = home["number"]
        if not number:
            return ""
        if home["kind"] == "block" and self.layout not in SYSTEM and self.chance(0.3, "number_missing"):
            return ""
        if "-" in number and self.layout not in SYSTEM and self.chance(0.4, "range_form"):
            low, high = number.split("-")
            number = self.rng.choice(["{} - {}", "{}/{}", "{}"]).format(low, high)
        return number

    def house_name_and_number(self, name, number):
        if self.home["kind"] == "name_and_number" and self.layout not in SYSTEM:
            roll = self.rng.random()
            if roll < 0.2:
                self.tags.append("house_name")
                return name, ""
            if roll < 0.5:
                self.tags.append("house_name")
                return "", number
        return name, number

    def postcode(self):
        pc = self.home["postcode"]
        r = self.layout
        if self.chance(_rate(r, 0.04, 0.02, 0.005, 0.005), "postcode_neighbour"):
            units = self.street["units"]
            j = units.index(pc)
            pc = units[j + 1] if j + 1 < len(units) else units[j - 1]
        if self.chance(_rate(r, 0.12, {"repairs_crm": 0.02, "adult_social_care": 0.04, "gp_list": 0.03}.get(r, 0),
                             0.01 if r == "housing_benefit" else 0.0, 0.0), "postcode_missing"):
            return ""
        if self.chance(_rate(r, 0.03, 0.01, 0.0, 0.0), "postcode_partial"):
            return pc.split()[0]
        if self.chance(_rate(r, 0.12, 0.03, 0.0, 0.0), "postcode_format"):
            outward, inward = pc.split()
            how = self.rng.choice(["nospace", "lower", "double", "o_for_0"])
            if how == "o_for_0" and inward[0] == "0":
                return outward + " O" + inward[1:]
            return {"nospace": outward + inward, "lower": pc.lower(), "double": outward + "  " + inward,
                    "o_for_0": outward + inward}[how]
        return pc

    def town(self, borough_name):
        if self.chance(_rate(self.layout, 0.1, 0.1, 0.0, 0.0), "town_missing"):
            return ""
        if self.layout in HAND | {"repairs_crm"} and borough_name and self.chance(0.06, "locality"):
            return borough_name
        return "London"

    def locality(self):
        if not self.street["locality"]:
            return ""
        if self.layout in SYSTEM:
            return self.street["locality"]
        return self.street["locality"] if self.chance(0.4, "locality") else ""


def _case(rng, layout, values, tags):
    style = {"council_tax": "upper", "assisted_collections": "upper", "housing_benefit": "upper", "gp_list": "upper",
             "electoral_register": "title", "adult_social_care": "title", "repairs_crm": "title",
             "landlord_register": "as_is", "referral_form": "as_is"}[layout]
    if layout in HAND:
        roll = rng.random()
        if roll < 0.1:
            style = "lower"
            tags.append("case")
        elif roll < 0.15:
            style = "upper"
            tags.append("case")
    elif layout == "repairs_crm" and rng.random() < 0.1:
        style = "lower"
        tags.append("case")

    def apply(v):
        if not isinstance(v, str) or not v:
            return v
        if style == "upper":
            return v.upper()
        if style == "lower":
            return v.lower()
        if style == "title":
            return " ".join(w if re.fullmatch(r"[A-Z]{2,}\d?[A-Z0-9 ]*|\d+\w*", w) else w.capitalize()
                            for w in v.split(" "))
        return v
    return [apply(v) for v in values]


def _punctuation(rng, text, tags, rate):
    if not text or rng.random() >= rate:
        return text
    tags.append("punctuation")
    how = rng.choice(["no_commas", "double_commas", "full_stop", "double_space"])
    if how == "no_commas":
        return text.replace(",", "")
    if how == "double_commas":
        return text.replace(", ", ",, ", 1)
    if how == "full_stop":
        return text + "."
    return text.replace(" ", "  ", 1)


def _premise_lines(row, flat_text, suffix, building, number, street):
    """The address as lines in the usual order: flat, building, number + street (a suffix joins the number)."""
    lines = []
    if flat_text and building:
        lines.append("{} {}".format(flat_text, building) if row.rng.random() < 0.5 else flat_text)
        if not lines[-1].endswith(building):
            lines.append(building)
    elif flat_text:
        lines.append(flat_text)
    elif building:
        lines.append(building)
    number = (number + suffix) if number else number
    if suffix and suffix.startswith(" ") and row.rng.random() < 0.3:
        lines.insert(0, suffix.strip())  # 'B' on its own before '14 Elm Road' (hand-kept records)
        number = number.replace(suffix, "")
    lines.append(" ".join(p for p in (number, street) if p))
    return [x for x in lines if x]


def _render(rng, layout, home, street, person, borough_name):
    """One row of one layout for a home (and the person it is about): (dict of columns, tags)."""
    row = _Row(rng, layout, home, street)
    forms = {"council_tax": "formal", "assisted_collections": "formal", "electoral_register": "typed",
             "housing_benefit": "typed", "landlord_register": "short", "referral_form": "hand"}.get(layout, "typed")
    flat_text, suffix = row.flat(forms)
    building = row.building_name()
    number = row.number()
    building, number = row.house_name_and_number(building, number)
    street_name = row.street_name()
    postcode = row.postcode()
    tags = row.tags
    if layout == "council_tax":
        sao_number = flat_text.split()[-1] if home["flat"] and home["flat"][0] in ("number", "block") else ""
        sao_text = "" if sao_number else flat_text
        pao_number, pao_suffix, pao_end = home["number"], "", ""
        if pao_number.endswith("A"):
            pao_number, pao_suffix = pao_number[:-1], "A"
        if "-" in pao_number:
            pao_number, pao_end = pao_number.split("-")
        values = {"SAO_TEXT": sao_text, "SAO_START_NUMBER": sao_number, "PAO_TEXT": home["name"],
                  "PAO_START_NUMBER": pao_number, "PAO_START_SUFFIX": pao_suffix, "PAO_END_NUMBER": pao_end,
                  "STREET_DESCRIPTOR": street_name, "LOCALITY": row.locality(), "TOWN_NAME": "London",
                  "POSTCODE_LOCATOR": postcode}
    elif layout == "assisted_collections":
        number_text = home["number"]
        values = {"Sub Building Name": flat_text, "Building Name": home["name"] if home["name"] else (
                  number_text if "-" in number_text or number_text.endswith("A") else ""),
                  "Building Number": "" if ("-" in number_text or number_text.endswith("A")) else number_text,
                  "Thoroughfare": street_name, "Dependent Locality": row.locality(), "Post Town": "London",
                  "Postcode": postcode}
    elif layout == "landlord_register":
        street_address = " ".join(p for p in ((number + suffix) if number else "", street_name) if p)
        values = {"Unit": flat_text, "Property Name": building, "Street Address": street_address,
                  "Town": row.town(borough_name), "Post Code": postcode}
    else:
        if layout == "repairs_crm" and building and number and row.chance(0.15, "building_missing"):
            building = ""
        elif layout in ("repairs_crm", "adult_social_care") and building and street_name and home["kind"] == "block" \
                and row.chance(0.08 if layout == "repairs_crm" else 0.1, "building_missing"):
            street_name, number = "", ""
        lines = _premise_lines(row, flat_text, suffix, building, number, street_name)
        if layout == "referral_form" and flat_text.startswith("Flat ") and number and not building and \
                home["flat"][0] == "number" and "-" not in number and row.chance(0.15, "flat_form"):
            lines = ["{}/{} {}".format(flat_text.split()[-1], number, street_name)]  # '2/14 Elm Road'
        locality = row.locality()
        town = row.town(borough_name)
        if layout in HAND | {"repairs_crm"} and row.chance(0.04 if layout in HAND else 0.01, "extra_text"):
            lines.append(rng.choice(EXTRA_TEXT).format(person[1] if person else "resident"))
        tail = [x for x in (locality, town) if x]
        if layout == "repairs_crm":
            text = ", ".join(lines + tail) + ((" " + postcode) if postcode else "")
            values = {"Full Address": _punctuation(rng, text, tags, 0.15)}
        elif layout == "referral_form":
            text = ", ".join(lines + tail[:1] if rng.random() < 0.5 else lines)
            pc_column = postcode
            if postcode and row.chance(0.06, "postcode_in_address"):
                text, pc_column = text + " " + postcode, ""
            values = {"Address": _punctuation(rng, text, tags, 0.15), "Postcode": pc_column}
        elif layout == "gp_list":
            all_lines = lines + tail
            if postcode:
                if all_lines and rng.random() < 0.6:
                    all_lines[-1] = all_lines[-1] + " " + postcode
                else:
                    all_lines.append(postcode)
            all_lines = (all_lines + [""] * 5)[:5] if len(all_lines) <= 5 else all_lines[:4] + [
                " ".join(all_lines[4:])]
            values = dict(zip(LAYOUTS[layout]["address"], all_lines))
        elif layout == "adult_social_care":
            lines = lines + ([locality] if locality else [])
            lines = (lines + [""] * 3)[:3] if len(lines) <= 3 else lines[:2] + [", ".join(lines[2:])]
            values = dict(zip(["Address Line 1", "Address Line 2", "Address Line 3"], lines))
            values.update({"Town": town, "Postcode": postcode})
        else:
            names = LAYOUTS[layout]["address"]
            all_lines = lines + tail
            all_lines = all_lines[:len(names) - 1] + [", ".join(all_lines[len(names) - 1:])] \
                if len(all_lines) > len(names) else all_lines + [""] * (len(names) - len(all_lines))
            values = dict(zip(names, all_lines))
            values[LAYOUTS[layout]["postcode"]] = postcode
    keys = list(values)
    cased = _case(rng, layout, [values[k] for k in keys], tags)
    values = dict(zip(keys, cased))
    if layout in HAND | TYPED:
        for k in keys:
            if isinstance(values[k], str) and k not in ("Full Address", "Address"):
                values[k] = re.sub(r"\s+$", "", values[k])
    return values, tags


def _uprn_as_written(rng, layout, home, tags):
    rates = {"council_tax": (0.003, 0.0, 0.005), "housing_benefit": (0.015, 0.04, 0.12),
             "adult_social_care": (0.01, 0.04, 0.5)}
    slip, parent, blank = rates[layout]
    roll = rng.random()
    if roll < blank:
        tags.append("uprn_blank")
        return ""
    if home["parent_uprn"] and rng.random() < parent:
        tags.append("uprn_parent")
        return home["parent_uprn"]
    if rng.random() < slip:
        tags.append("uprn_slip")
        digits = list(home["uprn"])
        i = rng.randrange(6, 12)
        digits[i] = str((int(digits[i]) + rng.randint(1, 9)) % 10)
        return "".join(digits)
    return home["uprn"]


def _people(rng, homes):
    people = {}
    for home in homes:
        count = rng.choices([0, 1, 2, 3, 4], [4, 34, 34, 16, 12])[0]
        surname = rng.choice(SURNAMES)
        people[home["uprn"]] = [(rng.choice(FORENAMES), surname if rng.random() < 0.7 else rng.choice(SURNAMES))
                                for _ in range(count)]
    return people


def _homes_for(rng, layout, homes):
    """The homes a system knows: council tax nearly all, the rest a share, care and referrals biased to flats."""
    share = {"council_tax": 0.92, "electoral_register": 0.7, "housing_benefit": 0.18, "repairs_crm": 0.25,
             "adult_social_care": 0.08, "landlord_register": 0.2, "referral_form": 0.06, "assisted_collections": 0.1,
             "gp_list": 0.3}[layout]
    chosen = []
    for home in homes:
        p = share * (1.5 if home["flat"] and layout in ("repairs_crm", "housing_benefit", "landlord_register") else 1)
        if rng.random() < min(p, 0.95):
            chosen.append(home)
    return chosen


def generate(postcodes, n_homes=2500, seed=1, borough=None):
    """The homes over the given real postcodes (a Series or list of one borough's), and every layout's extract,
    truth and noise tags. Deterministic for a seed."""
    rng = random.Random(seed)
    postcodes = sorted(set(str(p) for p in postcodes))
    localities = LOCALITIES.get(borough, [])
    borough_name = BOROUGH_NAMES.get(borough, "")
    streets = _make_streets(rng, postcodes, max(8, n_homes // 45), localities)
    homes = _make_homes(rng, streets, n_homes)
    people = _people(rng, homes)
    world = World(reference=pd.DataFrame([{k: v for k, v in h.items() if k != "flat"} for h in homes]),
                  streets=streets)
    for layout, spec in LAYOUTS.items():
        rows, truth, noise = [], [], []
        for n, home in enumerate(_homes_for(rng, layout, homes)):
            residents = people[home["uprn"]]
            if spec["per"] == "person":
                who = residents if layout != "adult_social_care" else residents[:rng.choice([1, 1, 2])]
            elif spec["per"] == "job":
                who = [rng.choice(residents) if residents else ("", "")
                       for _ in range(rng.choices([1, 2, 3], [60, 28, 12])[0])]
            else:
                who = [residents[0] if residents else ("", "")]
            for person in who:
                values, tags = _render(rng, layout, home, streets[home["street"]], person, borough_name)
                full = "{} {}".format(*person).strip() if person else ""
                record = {}
                for column in spec["people"]:
                    record[column] = full if column in ("Full Name", "Client Name", "Claimant", "Liable Party",
                                                        "Reported By", "Registered Patient", "Customer Name",
                                                        "Licence Holder") else "{} {}".format(
                        rng.choice(FORENAMES), rng.choice(SURNAMES))
                if spec["uprn"]:
                    record[spec["uprn"]] = _uprn_as_written(rng, layout, home, tags)
                record.update(values)
                record.update(_identifiers(rng, layout, len(rows)))
                rows.append(record)
                truth.append(home["uprn"])
                noise.append(tuple(tags))
        world.extracts[layout] = pd.DataFrame(rows)
        world.truth[layout] = truth
        world.noise[layout] = noise
    return world


def _identifiers(rng, layout, k):
    """The system's own reference columns (never an address)."""
    if layout == "council_tax":
        return {"Account Ref": "CT{:08d}".format(k + 10000), "Band": rng.choice("ABCDEFG")}
    if layout == "electoral_register":
        return {"Elector Number": "{}{}-{}".format(rng.choice("ABCDEFGH"), rng.choice("ABCD"), k + 1)}
    if layout == "housing_benefit":
        return {"Claim No": str(4000000 + k)}
    if layout == "repairs_crm":
        return {"Case Ref": "CAS-{:06d}".format(k + 1), "Job Type": rng.choice(["Leak", "Heating", "Door entry",
                                                                                "Damp", "Electrics"])}
    if layout == "adult_social_care":
        return {"Person ID": str(800000 + k), "NHS Number": "{:010d}".format(rng.randrange(4 * 10 ** 9, 10 ** 10))}
    if layout == "landlord_register":
        return {"Licence No": "HMO/{}/{:05d}".format(rng.choice([2022, 2023, 2024]), k + 1)}
    if layout == "referral_form":
        return {"Referring Agency": rng.choice(["District nurse", "Housing officer", "Age UK", "Self"])}
    if layout == "assisted_collections":
        return {"UDPRN": str(20000000 + rng.randrange(10 ** 7))}
    return {"NHS Number": "{:010d}".format(rng.randrange(4 * 10 ** 9, 10 ** 10))}


def borough_postcodes(path, lad_code):
    """The real postcode units of one borough (Code-Point Open, SOURCES.md §6), positional quality 10 only."""
    table = pd.read_csv(path, usecols=["postcode", "pqi", "lad_code"])
    return table[(table["lad_code"] == lad_code) & (table["pqi"] == 10)]["postcode"]
