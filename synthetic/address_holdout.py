"""A held-out model of council address extracts, to judge the household linkage on data it was not written for.

Written apart from the linker (processing/analysis/addresses.py, linkage.py) and from the project's two other
generators (council_extracts.py, address_noise.py): its own homes, its own layouts and its own errors, from how UK
council systems export addresses:
- council tax (Academy style): 'Property Ref', a UPRN padded to 12 digits, 'Addr1'..'Addr5' in capitals, the
  postcode in the last line used and no postcode column;
- housing benefit (Northgate / Capita style): Flat, Building, House No, Street, Locality, Town and Post Code in
  separate fields;
- children's social care (Mosaic / Liquidlogic style): one line with commas and the town, sometimes the postcode too,
  people sharing a home listed once each;
- adult social care: Title Case address lines, some rows without a postcode;
- a council tax list passed through Excel: capitals, trailing and non-breaking spaces, leading zeros lost;
- fire safety referrals typed by partners: free text, lower case, postcodes typed badly;
- housing tenancies: Address Line 1..4 and two UPRN columns;
- an electoral register: Address1..Address6, people listed (most homes twice or more), a block's flat often written
  as a number before the block's name ('2 Keats House').
Homes lie on real London postcodes (Southwark by default, a borough no other generator uses). The truth (which
home each row is) is returned apart, and so is the list of errors each row carries.

    extracts, truth = extracts(homes(postcodes), audit=audit)
    extracts: {name: (layout, DataFrame)}; truth: {name: [home id of each row]}; audit: {name: [[error kinds]]}
"""
import re

import numpy as np

SEED = 4417
BOROUGH = "E09000028"  # Southwark

# The ways each flat is written: the form names (used in the audit and tests) with how each reads.
NUMBER_FLAT_FORMS = {"flat": "Flat {n}", "flat_no": "Flat No. {n}", "flat_no_bare": "Flat No {n}", "apt": "Apt {n}",
                     "apartment": "Apartment {n}", "unit": "Unit {n}", "flt": "Flt {n}"}
LETTER_FLAT_FORMS = {"flat_letter": "Flat {n}"}
FLOOR_FLAT_FORMS = {
    "Basement": {"basement_flat": "Basement Flat", "basement": "Basement", "lower_ground": "Lower Ground Floor Flat"},
    "Ground": {"ground_floor_flat": "Ground Floor Flat", "gff": "GFF", "ground_floor": "Ground Floor",
               "grd_flr_flat": "Grd Flr Flat"},
    "First": {"first_floor_flat": "First Floor Flat", "1st_floor_flat": "1st Floor Flat", "fff": "FFF"},
    "Second": {"second_floor_flat": "Second Floor Flat", "2nd_floor_flat": "2nd Floor Flat"},
    "Top": {"top_floor_flat": "Top Floor Flat", "top_flat": "Top Flat", "tff": "TFF"},
}
ROOM_FORMS = {"room": "Room {n}", "rm": "Rm {n}"}
# forms that fold the flat into the house number
JOINED_FORMS = ("slash", "number_letter", "number_space_letter")
# every flat form the brief names, for the test that each occurs
NAMED_FLAT_FORMS = ("flat", "flat_no", "apt", "apartment", "unit", "room", "slash", "number_letter",
                    "number_space_letter", "flat_letter", "ground_floor_flat", "first_floor_flat", "basement_flat",
                    "gff", "top_floor_flat")

# Thoroughfare types with how often streets carry them, and the shortenings councils' systems write.
STREET_TYPES = {
    "Road": (30, ["Rd", "Rd."]), "Street": (12, ["St", "St."]), "Avenue": (5, ["Ave", "Av"]),
    "Gardens": (4, ["Gdns", "Gdn"]), "Crescent": (3, ["Cres", "Cresc"]), "Terrace": (3, ["Terr", "Ter"]),
    "Place": (3, ["Pl"]), "Close": (4, ["Cl"]), "Lane": (4, ["Ln"]), "Square": (2, ["Sq"]), "Court": (1, ["Ct"]),
    "Drive": (2, ["Dr"]), "Grove": (4, ["Gr", "Gro"]), "Park": (1, ["Pk"]), "Walk": (2, ["Wk"]), "Way": (2, ["Wy"]),
    "Mews": (2, []), "Hill": (2, []), "Rise": (1, []), "Row": (1, []), "Vale": (1, []), "Green": (1, ["Grn"]),
    "Mount": (1, ["Mt"]), "Parade": (1, ["Pde"]), "Yard": (1, ["Yd"]), "Passage": (1, ["Pass"]),
    "Approach": (1, ["Appr"]), "Buildings": (1, ["Bldgs"]), "Cottages": (1, ["Cotts"]),
}
STREET_STEMS = [
    "Bellenden", "Lordship", "Choumert", "Adys", "Copleston", "Oglander", "Nutbrook", "Chadwick", "Gowlett", "Amott",
    "Maxted", "Elsie", "Ondine", "Tintagel", "Wingfield", "Danby", "Bushey", "Crystal", "Relf", "Everthorpe",
    "Nunhead", "Linden", "Kelvington", "Fenwick", "Harfield", "Ivydale", "Hollydale", "Athenlay", "Brenchley",
    "Kirkwood", "Montpelier", "Rye", "Scylla", "Sternhall", "Waveney", "Lyndhurst", "Grummant", "Azenby", "Crofton",
    "Marsden", "Talfourd", "Lugard", "Rosemary", "Cheltenham", "Shenley", "Elm", "Holly", "Cedar", "Oakhurst",
    "Ashbourne", "Barforth", "Hindmans", "Melbourne", "Friern", "Upland", "Dunstans", "Goodrich", "Crebor", "Whateley",
    "Pellatt", "Chesterfield", "Darrell", "Ashford", "Lacon", "Tell", "Frogley", "Heber", "Oxonian", "Thorncombe",
    "Ulverscroft", "Calton", "Woodwarde", "Glengarry", "Eynella", "Cox", "Ruskin", "Elfindale", "Kemerton", "Denmark",
    "Wanley", "Quorn", "Camberwell", "Grovelands", "Warner", "Jephson", "Graces", "Bromar", "Ivanhoe", "Lettsom",
    "Sunwell", "Cobourg", "Trafalgar", "Albany", "Surrey", "Rotherhithe", "Jamaica", "Abbey", "Spa", "Neckinger",
    "Tower", "Keeton", "Dockley", "Marigold", "Rouel", "Alscot", "Grange", "Bermondsey", "Tanner", "Long",
    "Bath", "Swan", "Redcross", "Union", "Lant", "Webber", "Borough", "Harper", "Rockingham", "Meadow",
]
SAINT_STEMS = ["St Marys", "St Georges", "St Johns", "St James's", "St Aidans", "St Francis", "St Saviours",
               "St Olaves", "St Norberts", "St Gabriels", "St Lukes", "St Annes", "St Thomas's"]
# saints' names written with and without the apostrophe ('St Marys', 'St Mary's'; 'St James's', 'St James')
POSSESSIVE_SAINTS = {"Marys", "Georges", "Johns", "Aidans", "Saviours", "Olaves", "Norberts", "Gabriels", "Lukes",
                     "Annes"}
BUILDING_WORDS = {"House": ["Ho", "Hse"], "Court": ["Ct"], "Lodge": [], "Point": ["Pt"], "Mansions": ["Mans"],
                  "Heights": ["Hts"], "Tower": ["Twr"]}
HOUSE_NAMES = ["Rose Cottage", "The Old Forge", "The Coach House", "Ivy House", "Holly Lodge", "The Laurels",
               "Fairview", "The Old Bakery", "Glebe House", "Orchard House", "The Stables", "Wisteria Cottage",
               "The Old Vicarage", "Brookside", "The Lodge", "Beech House"]
LOCALITIES = {"SE1": "Bermondsey", "SE5": "Camberwell", "SE15": "Peckham", "SE16": "Rotherhithe", "SE17": "Walworth",
              "SE21": "Dulwich", "SE22": "East Dulwich", "SE24": "Herne Hill", "SE19": "Crystal Palace",
              "SE26": "Sydenham", "SE23": "Honor Oak", "SE14": "New Cross", "SE11": "Kennington",
              "N4": "Finsbury Park", "N6": "Highgate", "N8": "Hornsey", "N10": "Muswell Hill", "N11": "Bounds Green",
              "N15": "South Tottenham", "N17": "Tottenham", "N22": "Wood Green"}
FIRST_NAMES = ["John", "Mary", "Ade", "Fatima", "Grace", "Tomasz", "Mohammed", "Siobhan", "Kwame", "Ann", "Chen",
               "Rosa", "David", "Aisha", "Peter", "Olu", "Margaret", "Priya", "Ivy", "Stanley"]
# surnames that are also address words, so that a name read as address would show
SURNAMES = ["Street", "Lane", "Hill", "Wood", "Park", "Court", "Green", "Okafor", "Smith", "Nowak", "Begum",
            "O'Brien", "Mensah", "Patel", "Jones", "Khan", "Adeyemi", "Walsh", "Li", "House"]
KEYBOARD = {c: n for c, n in zip("qwertyuiopasdfghjklzxcvbnm",
                                 ["wa", "qes", "wrd", "etf", "ryg", "tuh", "yij", "uok", "ipl", "ol", "qsz", "awdx",
                                  "sefc", "drgv", "fthb", "gyjn", "hukm", "jil", "kop", "xa", "zsdc", "xdfv", "cfgb",
                                  "vghn", "bhjm", "njk"])}

# Each extract: its layout, the share of homes it lists, the share of its rows with a UPRN, the share of homes
# listed twice (people, not properties), and the rates of its typical errors.
EXTRACTS = {
    "council_tax": dict(layout="ctax_addr_lines", share=0.85, uprn=0.97, repeat=0.0),
    "housing_benefit": dict(layout="hb_components", share=0.25, uprn=0.92, repeat=0.0),
    "childrens_social_care": dict(layout="single_line_town", share=0.3, uprn=0.45, repeat=0.12),
    "adult_social_care": dict(layout="title_case_lines", share=0.3, uprn=0.35, repeat=0.08),
    "ctax_reminders_excel": dict(layout="excel_mangled", share=0.2, uprn=0.75, repeat=0.0),
    "fire_safety_referrals": dict(layout="free_text", share=0.15, uprn=0.0, repeat=0.15),
    "housing_tenancies": dict(layout="two_uprns", share=0.5, uprn=0.9, repeat=0.0),
    "electoral_register": dict(layout="address1_to_6", share=0.7, uprn=0.93, repeat=0.5),
}
LAYOUTS = tuple(spec["layout"] for spec in EXTRACTS.values())
NAME_COLUMNS = {"council_tax": "Householder", "housing_benefit": "Tenant Name",
                "childrens_social_care": "Client Name", "adult_social_care": "Contact",
                "ctax_reminders_excel": "CONTACT", "fire_safety_referrals": "Householder",
                "housing_tenancies": "Tenant", "electoral_register": "Elector Name"}


def homes(postcodes, n_homes=2000, seed=SEED):
    """The homes: one row each with home (the truth id), uprn, parent_uprn, structure, flat_kind, flat, building,
    house_name, number, street, locality, postcode. postcodes: the borough's real postcodes."""
    import pandas as pd

    rng = np.random.default_rng(seed)
    # geographic postcodes only (not a large user's 'SE1P 5RF')
    postcodes = sorted(p for p in set(str(p).strip().upper() for p in postcodes)
                       if re.fullmatch(r"[A-Z]{1,2}[0-9]{1,2} [0-9][A-Z]{2}", p))
    by_sector = {}
    for postcode in postcodes:
        by_sector.setdefault(postcode[:-2], []).append(postcode)
    sectors = sorted(by_sector)
    rng.shuffle(sectors)
    uprns = _uprns(rng)
    rows, street_names = [], set()
    # every thoroughfare type on some street, the rest drawn by how common each is
    first_types = list(STREET_TYPES)
    rng.shuffle(first_types)
    first_stems = ["St James's", "St Thomas's", "St Marys", "St Johns"]
    for sector in sectors:
        if len(rows) >= n_homes:
            break
        sector_postcodes = by_sector[sector]
        chosen = list(rng.choice(sector_postcodes, size=min(len(sector_postcodes), int(rng.integers(2, 6))),
                                 replace=False))
        district = sector.split(" ")[0]
        locality = LOCALITIES.get(district, "")
        street_pool = []
        while chosen:
            street = _street_name(rng, street_names, district, first_types.pop() if first_types else None,
                                  first_stems.pop() if first_stems else None)
            span = chosen[:int(rng.integers(1, 3))]  # a street runs through one or two postcodes
            chosen = chosen[len(span):]
            street_pool.append((street, span))
        for street, span in street_pool:
            number = 1 if rng.random() < 0.7 else int(rng.integers(2, 40))
            for postcode in span:
                for _ in range(int(rng.integers(4, 12))):
                    number = _place(rng, rows, uprns, number, street, locality, postcode)
    frame = pd.DataFrame(rows)
    frame["home"] = ["H{:05d}".format(i) for i in range(len(frame))]
    return frame


def _uprns(rng):
    """Distinct UPRNs of the lengths London's have: 12 digits from 1000 or 2000, and some of 9 or 10."""
    seen = set()
    while True:
        kind = rng.random()
        if kind < 0.6:
            value = 200003000000 + int(rng.integers(0, 999999))
        elif kind < 0.85:
            value = 100020000000 + int(rng.integers(0, 9999999))
        else:
            value = int(rng.integers(10 ** 8, 10 ** 10))
        if value not in seen:
            seen.add(value)
            yield str(value)


def _street_name(rng, taken, district, street_type=None, stem=None):
    """A street name not yet used in the district; the type and stem given are tried first."""
    types = list(STREET_TYPES)
    weights = np.array([STREET_TYPES[t][0] for t in types], dtype=float)
    for attempt in range(100):
        if attempt or not stem:
            stem = str(rng.choice(SAINT_STEMS)) if rng.random() < 0.08 else str(rng.choice(STREET_STEMS))
        if stem in STREET_TYPES:  # not 'Grove Grove'
            continue
        if attempt > 10 or not street_type:
            street_type = str(rng.choice(types, p=weights / weights.sum()))
        name = "{} {}".format(stem, street_type)
        if (name, district) not in taken:
            taken.add((name, district))
            return name
    raise RuntimeError("no street name left")


def _home(uprn, parent, structure, street, locality, postcode, number="", house_name="", building="",
          flat_kind="", flat=""):
    return {"uprn": uprn, "parent_uprn": parent, "structure": structure, "flat_kind": flat_kind, "flat": flat,
            "building": building, "house_name": house_name, "number": number, "street": street,
            "locality": locality, "postcode": postcode}


def _unused_name(rng, rows, street, field, names):
    """A house or building name no other property of the street has (two 'Rose Cottage's on one street would be
    one home to anyone reading the addresses)."""
    taken = {r[field] for r in rows if r["street"] == street}
    return str(rng.choice([n for n in names if n not in taken]))


def _place(rng, rows, uprns, number, street, locality, postcode):
    """Put one property at `number` (a house, a house of flats, a block...) and return the next free number."""
    kind = rng.random()
    where = dict(street=street, locality=locality, postcode=postcode)
    text = str(number)
    if kind < 0.50:
        rows.append(_home(next(uprns), "", "house", number=text, **where))
    elif kind < 0.56:
        name = _unused_name(rng, rows, street, "house_name", HOUSE_NAMES)
        rows.append(_home(next(uprns), "", "named_house", number=text if rng.random() < 0.6 else "",
                          house_name=name, **where))
    elif kind < 0.60:  # an infill house 14A beside the house 14
        rows.append(_home(next(uprns), "", "house", number=text, **where))
        rows.append(_home(next(uprns), "", "suffix_house", number=text + "A", **where))
    elif kind < 0.80:  # a house converted to flats
        parent = next(uprns)
        scheme = rng.choice(["letter", "number", "floor"], p=[0.4, 0.3, 0.3])
        count = int(rng.integers(2, 4))
        if scheme == "letter":
            flats = list("ABCD")[:count]
        elif scheme == "number":
            flats = [str(i) for i in range(1, count + 1)]
        else:
            flats = [["Ground", "First"], ["Basement", "Ground", "First"], ["Ground", "First", "Top"],
                     ["Ground", "First", "Second"]][int(rng.integers(0, 4))]
        for flat in flats:
            rows.append(_home(next(uprns), parent, "converted", number=text, flat_kind=str(scheme), flat=flat,
                              **where))
    elif kind < 0.83:  # a house in multiple occupation let by the room
        parent = next(uprns)
        for room in range(1, int(rng.integers(3, 6))):
            rows.append(_home(next(uprns), parent, "hmo", number=text, flat_kind="room", flat=str(room), **where))
    elif kind < 0.95:  # a purpose-built block with a name
        parent = next(uprns)
        word = str(rng.choice(list(BUILDING_WORDS)))
        building = _unused_name(rng, rows, street, "building",
                                ["{} {}".format(s, word) for s in STREET_STEMS if s not in BUILDING_WORDS])
        block_number = text if rng.random() < 0.5 else ""
        for flat in range(1, int(rng.integers(4, 19))):
            rows.append(_home(next(uprns), parent, "block", number=block_number, building=building,
                              flat_kind="number", flat=str(flat), **where))
        if not block_number:
            return number  # the block took no number
    else:  # a building over two numbers, '12-14', with flats or one home
        range_text = "{}-{}".format(number, number + 2)
        if rng.random() < 0.5:
            rows.append(_home(next(uprns), "", "range_house", number=range_text, **where))
        else:
            parent = next(uprns)
            for flat in range(1, int(rng.integers(3, 6))):
                rows.append(_home(next(uprns), parent, "range_flats", number=range_text, flat_kind="number",
                                  flat=str(flat), **where))
        return number + 4
    return number + (2 if rng.random() < 0.8 else 1)  # one side of the street, mostly


# ---------------------------------------------------------------------------------------------------------------
# Writing a home as a council system does


class _Row:
    """One home written by one system: its parts as text and the errors put into them."""

    def __init__(self, home, without=frozenset()):
        self.home = home
        self.without = without
        self.errors = []
        self.flat = ""
        self.premise = ""  # a building or house name
        self.number = ""
        self.street = home["street"]
        self.locality = home["locality"]
        self.town = "London"
        self.postcode = home["postcode"]
        self.flat_form = ""
        self.neighbours = []  # the other postcodes of its sector


def _chance(rng, p):
    return rng.random() < p


def _error(rng, row, kind, p):
    """Whether the row takes the error `kind`, drawn with probability p and recorded in its audit; never when
    extracts() was asked to leave that kind out (the draw is made all the same)."""
    if rng.random() >= p or kind in row.without:
        return False
    row.errors.append(kind)
    return True


def _write_flat(rng, row, style):
    """The flat part, in one of the forms the system uses. style: 'lines' (text) or 'column' (a Flat field). A form
    extracts() was asked to leave out is written as the plainest form of its kind instead."""
    home = row.home
    kind, flat, number = home["flat_kind"], home["flat"], home["number"]
    if not kind:
        return
    plain_number = number and "-" not in number and not home["building"]
    if kind == "number":
        weights = {"flat": 8, "flat_no": 1, "flat_no_bare": 0.5, "apt": 1, "apartment": 1, "unit": 0.5, "flt": 0.3}
        if plain_number:
            weights["slash"] = 1
        if style == "column":
            weights["bare"] = 4
        form = _unless_left_out(row, _pick(rng, weights), "flat")
        if form == "slash":
            row.number = "{}/{}".format(flat, number)
        elif form == "bare":
            row.flat = flat
        else:
            row.flat = NUMBER_FLAT_FORMS[form].format(n=flat)
    elif kind == "letter":
        weights = {"flat_letter": 5, "number_letter": 3, "number_space_letter": 1}
        if style == "column":
            weights["bare"] = 3
        form = _unless_left_out(row, _pick(rng, weights), "flat_letter")
        if form == "number_letter":
            row.number = number + (flat if rng.random() < 0.8 else flat.lower())
        elif form == "number_space_letter":
            row.number = "{} {}".format(number, flat)
        elif form == "bare":
            row.flat = flat
        else:
            row.flat = "Flat " + flat
    elif kind == "floor":
        forms = FLOOR_FLAT_FORMS[flat]
        form = _unless_left_out(row, str(rng.choice(list(forms))), list(forms)[0])
        row.flat = forms[form]
    else:
        form = _unless_left_out(row, _pick(rng, {"room": 4, "rm": 1}), "room")
        row.flat = ROOM_FORMS[form].format(n=flat)
    row.flat_form = form
    row.errors.append("flat:" + form)


def _unless_left_out(row, form, plainest):
    return plainest if "flat:" + form in row.without else form


def _pick(rng, weights):
    names = list(weights)
    p = np.array([weights[n] for n in names], dtype=float)
    return str(rng.choice(names, p=p / p.sum()))


def _write_premise(rng, row, rates):
    """House name, building name and house number, with what systems leave out or shorten."""
    home = row.home
    if not row.number:
        row.number = home["number"]
    if home["house_name"]:
        name = home["house_name"]
        if home["number"] and _error(rng, row, "house_name:name_dropped", rates.get("name_dropped", 0.15)):
            name = ""
        elif home["number"] and _error(rng, row, "house_name:number_dropped", 0.15):
            row.number = ""
        if name.startswith("The ") and _error(rng, row, "house_name:the_dropped", 0.2):
            name = name[4:]
        row.premise = name
    if home["building"]:
        building = home["building"]
        stem, word = building.rsplit(" ", 1)
        if home["number"] and _error(rng, row, "building:dropped", 0.2):
            building = ""
        elif home["number"] and _error(rng, row, "building:number_dropped", 0.15):
            row.number = ""
        elif BUILDING_WORDS[word] and _error(rng, row, "building:abbreviated", 0.12):
            building = "{} {}".format(stem, rng.choice(BUILDING_WORDS[word]))
        if building and _error(rng, row, "building:typo", rates.get("typo", 0.0)):
            building = _typo(rng, building)
        row.premise = building
    if "-" in home["number"] and row.number == home["number"]:
        if _error(rng, row, "range:first_number_only", 0.15):
            row.number = home["number"].split("-")[0]
        elif _error(rng, row, "range:spaced", 0.2):
            row.number = home["number"].replace("-", " - ")


def _write_street(rng, row, rates):
    street = row.street
    stem, street_type = street.rsplit(" ", 1)
    if stem.startswith("St "):
        name = stem[3:]
        if name in POSSESSIVE_SAINTS and _error(rng, row, "street:apostrophe_added", 0.25):
            name = name[:-1] + "'s"
        elif name.endswith("'s") and _error(rng, row, "street:apostrophe_dropped", 0.5):
            name = name[:-2]
        saint = "St "
        if _error(rng, row, "street:saint_st_dot", 0.25):
            saint = "St. "
        elif _error(rng, row, "street:saint_in_full", 0.33):
            saint = "Saint "
        stem = saint + name
    abbreviations = STREET_TYPES[street_type][1]
    if abbreviations and _error(rng, row, "street:abbreviated", rates.get("abbreviate", 0.25)):
        street_type = str(rng.choice(abbreviations))
    street = "{} {}".format(stem, street_type)
    if _error(rng, row, "street:typo", rates.get("typo", 0.02)):
        street = _typo(rng, street)
    if row.home["building"] and row.premise and _error(rng, row, "street:dropped", 0.1):
        street, row.number = "", ""  # the block named alone: 'Flat 2, Keats House, London'
    row.street = street


def _typo(rng, text):
    """One slip of the keyboard in the name (not its first letter): a neighbouring key, a letter left out,
    doubled, or two swapped."""
    letters = [i for i, c in enumerate(text) if c.isalpha() and i > 0]
    if not letters:
        return text
    i = int(rng.choice(letters))
    slip = rng.integers(0, 4)
    c = text[i]
    if slip == 0 and c.lower() in KEYBOARD:
        near = str(rng.choice(list(KEYBOARD[c.lower()])))
        return text[:i] + (near.upper() if c.isupper() else near) + text[i + 1:]
    if slip == 1:
        return text[:i] + text[i + 1:]
    if slip == 2:
        return text[:i] + c + text[i:]
    if i + 1 < len(text) and text[i + 1].isalpha():
        return text[:i] + text[i + 1] + c + text[i + 2:]
    return text[:i] + text[i + 1:]


def _write_postcode(rng, row, rates, uprn_given):
    """The postcode with the slips people and systems make in it."""
    postcode = row.postcode
    missing = "postcode:missing_with_uprn" if uprn_given else "postcode:missing_no_uprn"
    if _error(rng, row, missing, rates.get("missing", 0.02)):
        row.postcode = ""
        return
    # a neighbouring postcode of the same sector (the one next door, or the street's other postcode)
    if row.neighbours and _error(rng, row, "postcode:neighbour", rates.get("neighbour", 0.0)):
        postcode = str(rng.choice(row.neighbours))
    outward, inward = postcode.split(" ")
    joined = outward + inward
    digits = [i for i, c in enumerate(joined) if c in "01" and i > 1]
    if digits:  # O for 0 or I for 1, where a digit stands
        i = int(rng.choice(digits))
        letter = {"0": "O", "1": "I"}[joined[i]]
        if _error(rng, row, "postcode:o_for_0" if letter == "O" else "postcode:i_for_1", rates.get("swap", 0.02)):
            joined = joined[:i] + letter + joined[i + 1:]
            outward, inward = joined[:len(outward)], joined[len(outward):]
    postcode = outward + " " + inward
    if _error(rng, row, "postcode:no_space", rates.get("nospace", 0.03)):
        postcode = outward + inward
    elif _error(rng, row, "postcode:stray_space", rates.get("stray", 0.02)):
        postcode = _pick_text(rng, [" {} {}".format(outward, inward), "{}  {}".format(outward, inward),
                                    "{} {} {}".format(outward, inward[:2], inward[2:]), "{} {} ".format(outward, inward)])
    if _error(rng, row, "postcode:lower_case", rates.get("lower", 0.02)):
        postcode = postcode.lower()
    row.postcode = postcode


def _pick_text(rng, options):
    return options[int(rng.integers(0, len(options)))]


def _written(rng, home, spec, style):
    row = _Row(home, spec["without"])
    row.neighbours = [p for p in spec["postcodes_by_sector"][home["postcode"][:-2]] if p != home["postcode"]]
    _write_flat(rng, row, style)
    _write_premise(rng, row, spec.get("premise", {}))
    _write_street(rng, row, spec.get("street", {}))
    return row


def _flat_line(row):
    """'Flat 2, Keats House, 14 Bellenden Road' as its parts: the flat, the building or house name, the number and
    street."""
    number_street = " ".join(p for p in (row.number, row.street) if p)
    parts = [row.flat, row.premise, number_street]
    return [p for p in parts if p]


def _uprn_text(rng, row, spec):
    """The UPRN as the system writes it, or '' where it gives none."""
    if _error(rng, row, "uprn:none", 1 - spec["uprn"]):
        return ""
    uprn = row.home["uprn"]
    # keyed wrong: another home's of the same postcode
    others = [u for u in spec["uprns_by_postcode"][row.home["postcode"]] if u != uprn]
    if others and _error(rng, row, "uprn:wrong", spec.get("uprn_wrong", 0.0)):
        uprn = str(rng.choice(others))
    if spec["layout"] == "ctax_addr_lines" and len(uprn) < 12 and _error(rng, row, "uprn:zero_padded", 1.0):
        return uprn.zfill(12)
    return uprn


def _slip_number(rng, row, spec, uprn):
    """A house number keyed wrong (the house two along) on a row whose UPRN is right: the UPRN should win."""
    if uprn and row.number.isdigit() and _error(rng, row, "number:keyed_wrong", spec.get("number_wrong", 0.0)):
        row.number = str(int(row.number) + 2)


def _case(text, style):
    if style == "caps":
        return text.upper()
    if style == "title":
        return " ".join(w[:1].upper() + w[1:].lower() if not any(ch.isdigit() for ch in w) else w
                        for w in text.split(" "))
    if style == "lower":
        return text.lower()
    return text


def _person(rng):
    return "{} {}".format(rng.choice(FIRST_NAMES), rng.choice(SURNAMES))


def _lines(parts, n):
    """Address parts put into n lines, one a line from the first, the lines left over empty; when there are more
    parts than lines, the first ones share the first line."""
    out = list(parts)
    if len(out) > n:
        head = ", ".join(out[:len(out) - n + 1])
        out = [head] + out[len(out) - n + 1:]
    return out + [""] * (n - len(out))


def extracts(homes_frame, seed=SEED, audit=None, without=()):
    """{name: (layout, DataFrame)} and the truth {name: [home id per row]}. audit, when a dict, gets
    {name: [list of the error kinds of each row]}. without: kinds of error (as in the audit) to leave out, to see
    what each costs; each row is written from its own random stream, so the other rows stay as they were."""
    import pandas as pd

    rng = np.random.default_rng(seed + 1)
    home_rows = homes_frame.to_dict("records")
    uprns_by_postcode = homes_frame.groupby("postcode")["uprn"].apply(list).to_dict()
    postcodes_by_sector = {}
    for postcode in sorted(uprns_by_postcode):
        postcodes_by_sector.setdefault(postcode[:-2], []).append(postcode)
    out, truth = {}, {}
    for name, spec in EXTRACTS.items():
        spec = dict(spec, uprns_by_postcode=uprns_by_postcode, postcodes_by_sector=postcodes_by_sector,
                    without=frozenset(without), **_RATES[spec["layout"]])
        listed = _listed(rng, home_rows, spec)
        writer = _WRITERS[spec["layout"]]
        records, kinds = [], []
        for position, home in enumerate(listed):
            row_dict, row = writer(np.random.default_rng([seed, len(out), position]), home, spec, name)
            records.append(row_dict)
            kinds.append(sorted(set(row.errors)) or ["clean"])
            truth.setdefault(name, []).append(home["home"])
        frame = pd.DataFrame(records)
        out[name] = (spec["layout"], frame)
        if audit is not None:
            audit[name] = kinds
    return out, truth


def _listed(rng, home_rows, spec):
    if spec["layout"] == "two_uprns":  # council housing: the flats of blocks mostly, some houses
        weights = np.array([1.0 if h["structure"] == "block" else 0.08 for h in home_rows])
    else:
        weights = np.ones(len(home_rows))
    size = int(round(spec["share"] * (weights > 0.5).sum())) if spec["layout"] == "two_uprns" else \
        int(round(spec["share"] * len(home_rows)))
    chosen = rng.choice(len(home_rows), size=min(size, len(home_rows)), replace=False, p=weights / weights.sum())
    listed = [home_rows[i] for i in sorted(chosen)]
    repeated = [h for h in listed if _chance(rng, spec["repeat"])]
    listed = listed + repeated
    order = rng.permutation(len(listed))
    return [listed[i] for i in order]


# Rates of the errors each kind of system makes (the rest are defaults in the writers).
_RATES = {
    "ctax_addr_lines": dict(postcode=dict(missing=0.01, swap=0.01, nospace=0.01, stray=0.01, lower=0.0),
                            street=dict(abbreviate=0.1, typo=0.01)),
    "hb_components": dict(postcode=dict(missing=0.02, swap=0.02, nospace=0.03, stray=0.02, lower=0.01),
                          street=dict(abbreviate=0.3, typo=0.02), premise=dict(typo=0.01), uprn_wrong=0.006,
                          number_wrong=0.006),
    "single_line_town": dict(postcode=dict(missing=0.05, swap=0.03, nospace=0.04, stray=0.02, lower=0.03,
                                           neighbour=0.02),
                             street=dict(abbreviate=0.3, typo=0.04), premise=dict(typo=0.03)),
    "title_case_lines": dict(postcode=dict(missing=0.12, swap=0.02, nospace=0.03, stray=0.02, lower=0.02,
                                           neighbour=0.02),
                             street=dict(abbreviate=0.25, typo=0.03), premise=dict(typo=0.02)),
    "excel_mangled": dict(postcode=dict(missing=0.03, swap=0.02, nospace=0.1, stray=0.05, lower=0.0),
                          street=dict(abbreviate=0.2, typo=0.02)),
    "free_text": dict(postcode=dict(missing=0.06, swap=0.06, nospace=0.15, stray=0.05, lower=0.25, neighbour=0.03),
                      street=dict(abbreviate=0.4, typo=0.06), premise=dict(typo=0.05)),
    "two_uprns": dict(postcode=dict(missing=0.03, swap=0.02, nospace=0.02, stray=0.01, lower=0.0),
                      street=dict(abbreviate=0.2, typo=0.02), uprn_wrong=0.003, number_wrong=0.004),
    "address1_to_6": dict(postcode=dict(missing=0.005, swap=0.0, nospace=0.0, stray=0.0, lower=0.0),
                          street=dict(abbreviate=0.05, typo=0.005)),
}


def _ctax(rng, home, spec, name):
    """Academy-style council tax: Addr1..Addr5 in capitals, the postcode in the last line used."""
    row = _written(rng, home, spec, "lines")
    uprn = _uprn_text(rng, row, spec)
    _write_postcode(rng, row, spec["postcode"], bool(uprn))
    parts = _flat_line(row)
    if row.flat and _chance(rng, 0.5):  # the flat and house on one line
        parts = [", ".join(parts[:2])] + parts[2:] if len(parts) > 1 else parts
    if row.postcode and _error(rng, row, "postcode:on_the_town_line", 0.25):
        parts = parts + ["LONDON " + row.postcode]  # 'LONDON SE15 4RF'
    else:
        parts = parts + ["LONDON"] + ([row.postcode] if row.postcode else [])
    lines = _lines([p.upper() for p in parts], 5)
    record = {"Property Ref": "{:010d}".format(int(rng.integers(1, 10 ** 7))), "UPRN": uprn,
              NAME_COLUMNS[name]: _person(rng).upper()}
    record.update({"Addr{}".format(i + 1): line for i, line in enumerate(lines)})
    record["Band"] = str(rng.choice(list("ABCDEFG")))
    return record, row


def _hb(rng, home, spec, name):
    """Northgate / Capita style benefits: every part in its own field."""
    row = _written(rng, home, spec, "column")
    uprn = _uprn_text(rng, row, spec)
    _slip_number(rng, row, spec, uprn)
    _write_postcode(rng, row, spec["postcode"], bool(uprn))
    locality = row.locality.upper() if row.locality and _error(rng, row, "locality:given", 0.4) else ""
    record = {"Claim No": str(int(rng.integers(10 ** 6, 10 ** 7))), NAME_COLUMNS[name]: _person(rng).upper(),
              "Flat": row.flat.upper(), "Building": row.premise.upper(), "House No": row.number.upper(),
              "Street": row.street.upper(), "Locality": locality, "Town": "LONDON", "Post Code": row.postcode,
              "UPRN": uprn}
    return record, row


def _single_line(rng, home, spec, name):
    """Mosaic / Liquidlogic style: one line with commas and the town; the postcode column, or at the end of the
    line instead."""
    row = _written(rng, home, spec, "lines")
    uprn = _uprn_text(rng, row, spec)
    _write_postcode(rng, row, spec["postcode"], bool(uprn))
    parts = _flat_line(row)
    if row.flat and _error(rng, row, "flat:after_street", 0.08):  # '14 Bellenden Road, Flat 2'
        parts = parts[1:] + [parts[0]]
    if row.locality and _error(rng, row, "locality:given", 0.35):
        parts.append(row.locality)
    parts.append("London")
    postcode_column = row.postcode
    if row.postcode and _error(rng, row, "postcode:in_address_only", 0.15):
        parts.append(row.postcode)
        postcode_column = ""
    text = ", ".join(parts)
    if _error(rng, row, "punctuation:empty_fields", 0.08):  # empty fields joined: 'Flat 2, , 14 Rye Lane, , London'
        text = ", , ".join(text.rsplit(", ", 1)).replace(", ", ", , ", 1)
    if _error(rng, row, "punctuation:no_commas", 0.1):
        text = text.replace(", ", " ")
    record = {"Person ID": str(int(rng.integers(10 ** 5, 10 ** 6))), NAME_COLUMNS[name]: _person(rng),
              "Address": text, "Postcode": postcode_column, "UPRN": uprn}
    return record, row


def _title_lines(rng, home, spec, name):
    """Adult care: Title Case lines, a Town field, and no postcode for some."""
    row = _written(rng, home, spec, "lines")
    uprn = _uprn_text(rng, row, spec)
    _write_postcode(rng, row, spec["postcode"], bool(uprn))
    parts = _flat_line(row)
    if row.locality and _error(rng, row, "locality:given", 0.3):
        parts.append(row.locality)
    lines = _lines([_case(p, "title") for p in parts], 3)
    record = {NAME_COLUMNS[name]: _person(rng)}
    record.update({"Address Line {}".format(i + 1): line for i, line in enumerate(lines)})
    record.update({"Town": "London", "Postcode": row.postcode, "UPRN": uprn})
    return record, row


NBSP = "\u00a0"


def _excel(rng, home, spec, name):
    """A council tax list that went through Excel: capitals, padded cells, non-breaking spaces from a web page,
    the leading zeros of references and padded UPRNs lost."""
    row = _written(rng, home, spec, "lines")
    uprn = _uprn_text(rng, row, spec)
    # the council tax register wrote it padded to 12 digits; Excel read it as a number and lost the zeros
    if uprn and len(uprn) < 12 and not _error(rng, row, "uprn:leading_zeros_lost", 1.0):
        uprn = uprn.zfill(12)
    _write_postcode(rng, row, spec["postcode"], bool(uprn))
    parts = _flat_line(row)
    lines = _lines([p.upper() for p in parts], 3)
    if _error(rng, row, "space:trailing", 0.3):
        lines = [line + "   " if line else line for line in lines]
    if _error(rng, row, "space:non_breaking", 0.15):
        lines = [line.replace(" ", NBSP, 1) for line in lines]
    if _error(rng, row, "space:double", 0.05):
        lines = [line.replace(" ", "  ") for line in lines]
    row.errors.append("case:capitals")
    reference = str(int(rng.integers(1, 10 ** 6)))  # '0000123456' lost its zeros
    record = {"PROPERTY REF": reference, "UPRN": uprn, NAME_COLUMNS[name]: _person(rng).upper()}
    record.update({"ADDRESS {}".format(i + 1): line for i, line in enumerate(lines)})
    record["POSTCODE"] = row.postcode.upper() + (" " if row.postcode and _error(rng, row, "postcode:trailing_space", 0.3)
                                                 else "")
    return record, row


def _free_text(rng, home, spec, name):
    """Referrals typed by partners: the address as one string, often lower case, the postcode typed badly."""
    row = _written(rng, home, spec, "lines")
    uprn = _uprn_text(rng, row, spec)
    _write_postcode(rng, row, spec["postcode"], bool(uprn))
    parts = _flat_line(row)
    text = _pick_text(rng, [", ".join(parts), " ".join(parts), ", ".join(parts) + ", London"])
    case = _pick(rng, {"as_typed": 5, "lower": 3, "caps": 2})
    if case != "as_typed":
        text = _case(text, case)
        row.errors.append("case:" + ("lower" if case == "lower" else "capitals"))
    record = {"Referral ID": "R{}".format(int(rng.integers(10 ** 4, 10 ** 5))),
              NAME_COLUMNS[name]: _person(rng), "Address": text, "Post code": row.postcode}
    return record, row


def _two_uprns(rng, home, spec, name):
    """Housing tenancies: Address Line 1..4 and two UPRN columns, the housing system's and the LLPG's."""
    row = _written(rng, home, spec, "lines")
    uprn = _uprn_text(rng, row, spec)
    _slip_number(rng, row, spec, uprn)
    _write_postcode(rng, row, spec["postcode"], bool(uprn))
    own, llpg = "", ""
    if uprn:
        which = _pick(rng, {"both": 5, "own": 2, "llpg": 3})
        own = uprn if which in ("both", "own") else ""
        llpg = uprn if which in ("both", "llpg") else ""
        row.errors.append("uprn:in_" + which)
    parts = _flat_line(row)
    lines = _lines([_case(p, "title") for p in parts] + ["London"], 4)
    record = {"Tenancy Ref": "T{:06d}".format(int(rng.integers(0, 10 ** 6))), NAME_COLUMNS[name]: _person(rng),
              "UPRN": own, "LLPG UPRN": llpg}
    record.update({"Address Line {}".format(i + 1): line for i, line in enumerate(lines)})
    record["Postcode"] = row.postcode
    return record, row


def _electoral(rng, home, spec, name):
    """An electoral register (one row an elector, so most homes twice or more): Address1..Address6 as the
    registration system fills them, a block's flat often written as a number before the block ('2 Keats House')."""
    row = _written(rng, home, spec, "lines")
    uprn = _uprn_text(rng, row, spec)
    _write_postcode(rng, row, spec["postcode"], bool(uprn))
    first = row.flat
    if row.premise and home["structure"] == "block" and row.flat and \
            _error(rng, row, "flat:number_before_building", 0.4):
        first = ""
        row.premise = "{} {}".format(home["flat"], row.premise)
    number_street = " ".join(p for p in (row.number, row.street) if p)
    parts = [" ".join(p for p in (first, row.premise) if p), number_street]
    if row.locality and _error(rng, row, "locality:given", 0.5):
        parts.append(row.locality)
    lines = _lines([p for p in parts if p] + ["London"], 6)
    record = {"Elector Number": "{}{}-{}".format(rng.choice(list("ABCDEFGH")), rng.choice(list("ABCDEFGH")),
                                                 int(rng.integers(1, 3000))),
              NAME_COLUMNS[name]: _person(rng)}
    record.update({"Address{}".format(i + 1): line for i, line in enumerate(lines)})
    record.update({"PostCode": row.postcode, "UPRN": uprn})
    return record, row


_WRITERS = {"ctax_addr_lines": _ctax, "hb_components": _hb, "single_line_town": _single_line,
            "title_case_lines": _title_lines, "excel_mangled": _excel, "free_text": _free_text,
            "two_uprns": _two_uprns, "address1_to_6": _electoral}


def excel_scientific_uprns(frame, column="UPRN"):
    """The same extract saved by Excel with its UPRNs as numbers: 100023336956 becomes '1.00023E+11'."""
    spoiled = frame.copy()
    spoiled[column] = ["{:.5E}".format(int(u)) if str(u).strip() else "" for u in spoiled[column]]
    return spoiled


# ---------------------------------------------------------------------------------------------------------------
# Judging the linkage on the model (scripts/holdout_linkage.py, tests/test_linkage_holdout.py)


def judge(postcodes_csv, n_homes=2000, seed=SEED, borough=BOROUGH, without=()):
    """Link the held-out extracts of `borough` (postcodes from London's postcodes.csv.gz) with the toolkit's
    linkage, as a user would: columns found by their names. Returns the linked records (with household, truth,
    layout, errors and as_written for each row) and every true household's status (household_status). without:
    kinds of error left out of the extracts (see extracts)."""
    import pandas as pd

    from ..processing.analysis.linkage import link_households, prepare_records
    from ..processing.analysis.people_at_risk import detect_columns

    postcodes = pd.read_csv(postcodes_csv, usecols=["postcode", "lad_code"])
    reference = homes(postcodes.loc[postcodes["lad_code"] == borough, "postcode"], n_homes=n_homes, seed=seed)
    audit = {}
    out, truth = extracts(reference, seed=seed, audit=audit, without=without)
    frames = [(name, frame, detect_columns(frame, name)) for name, (_, frame) in out.items()]
    records = prepare_records(frames)
    result = link_households(records)
    records["household"] = list(result.household)
    records["truth"] = [h for name in out for h in truth[name]]
    records["layout"] = [layout for name, (layout, frame) in out.items() for _ in range(len(frame))]
    records["errors"] = [kinds for name in out for kinds in audit[name]]
    records["as_written"] = [as_written(row, name) for name, (_, frame) in out.items()
                             for row in frame.to_dict("records")]
    return records, household_status(records)


def as_written(row, name):
    """The row's address, UPRN and postcode fields as the file holds them (names and references left out)."""
    skip = {NAME_COLUMNS[name], "Property Ref", "PROPERTY REF", "Band", "Claim No", "Person ID",
            "Referral ID", "Tenancy Ref", "Elector Number"}
    return " | ".join("{}={}".format(k, v) for k, v in row.items() if k not in skip and str(v).strip())


def household_status(records):
    """'exact', 'merged' or 'split' for every true household (merged wins over split): the same figures as
    council_extracts.household_quality, kept per household so that they can be broken down."""
    import pandas as pd

    truths_per_cluster = records.groupby("household")["truth"].nunique()
    clusters_per_truth = records.groupby("truth")["household"].nunique()
    merged = set(records.loc[records["household"].map(truths_per_cluster) > 1, "truth"])
    status = pd.Series("exact", index=clusters_per_truth.index)
    status[clusters_per_truth > 1] = "split"
    status[status.index.isin(merged)] = "merged"
    return status


def summary(records, status):
    """Exact, merged and split shares over the households of records."""
    homes = status[status.index.isin(set(records["truth"]))]
    return {"households": len(homes), "exact": float((homes == "exact").mean()),
            "merged": float((homes == "merged").mean()), "split": float((homes != "exact").mean()
                                                                        - (homes == "merged").mean())}


def per_layout(records, status):
    """summary() for the households each layout holds, with pair_quality() for the pairs with a row in it."""
    return {layout: dict(summary(group, status), **pair_quality(records, records["layout"] == layout))
            for layout, group in records.groupby("layout", sort=False)}


def pair_quality(records, rows):
    """Pair-level precision and recall over the pairs of rows of which at least one is in `rows` (a mask): all
    pairs less the pairs of the other rows, for the linked households, the true ones and both."""
    def pairs(frame, keys):
        sizes = frame.groupby(keys).size().to_numpy(dtype=float)
        return float((sizes * (sizes - 1) / 2).sum())

    others = records[~rows.to_numpy()]
    linked, true, both = [pairs(records, k) - pairs(others, k) for k in ("household", "truth", ["household", "truth"])]
    return {"pair_precision": both / linked if linked else 1.0, "pair_recall": both / true if true else 1.0}


def per_error(records, status):
    """For each kind of error: the households with a row carrying it, and how they came out."""
    exploded = records[["truth", "errors"]].explode("errors")
    return {kind: summary(group, status) for kind, group in exploded.groupby("errors")}


def astray_rows(records):
    """Rows that went astray: for a split household, every row outside the linked household holding most of its
    rows ('split'); for a merged one, every row of a linked household that belongs to a home other than the one
    most of its rows are ('merged'). Each with a partner row it should (or should not) have been with."""
    out = []
    for truth, group in records.groupby("truth"):
        clusters = group["household"].value_counts()
        if len(clusters) > 1:
            main = group[group["household"] == clusters.index[0]].iloc[0]
            for _, row in group[group["household"] != clusters.index[0]].iterrows():
                out.append(("split", row, main))
    for household, group in records.groupby("household"):
        homes = group["truth"].value_counts()
        if len(homes) > 1:
            main = group[group["truth"] == homes.index[0]].iloc[0]
            for _, row in group[group["truth"] != homes.index[0]].iterrows():
                out.append(("merged", row, main))
    return out


def category(row, partner, rank):
    """The error most likely to have parted (or joined) the row and its partner: of the kinds one of the two rows
    carries and the other does not, the one whose households come out exact least often (rank: kind -> exact
    share). Pairs carrying the same kinds are named by the kinds they share."""
    differing = (set(row["errors"]) ^ set(partner["errors"])) - {"clean"}
    if differing:
        return min(differing, key=lambda kind: (rank.get(kind, 1.0), kind))
    return "same errors: " + ", ".join(sorted(set(row["errors"])))
