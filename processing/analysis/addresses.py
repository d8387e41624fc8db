"""One address standardiser for every layout a council exports.

Reads an address written as one line, as `Address Line 1..n` / `Addr1..3`, or as separate flat, house number,
house name and street columns (found by name), and returns its parts in one standard form:
flat, number, building (house or building name), street, and the postcode when the text ends in one.

The vocabulary is data, in `address_data/`: Royal Mail thoroughfare types and their abbreviations
(`thoroughfares.csv`), qualifiers, building words and town words (`place_words.csv`), the ways a flat or a floor
is written (`sub_building.csv`), and words that change meaning with their place, such as St before a name
(Saint) or after one (Street) (`name_position.csv`).

What it does not handle (documented in the README too): flats written in words ("Flat One"); a floor written
for one record and a flat letter for another ("Ground Floor Flat" against "Flat A" of the same home); house
numbers written in words; localities written with no comma straight after a street that has no thoroughfare
word ("12 Kingsland High Hackney"); PO boxes; addresses outside the UK.
"""
import csv
import os
import re
from collections import namedtuple
from functools import lru_cache

from .postcodes import split_trailing_district, split_trailing_postcode

DATA = os.path.join(os.path.dirname(os.path.abspath(__file__)), "address_data")
Address = namedtuple("Address", "flat number building street postcode")


def _table(name):
    with open(os.path.join(DATA, name), encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def _load():
    expand, thoroughfares, buildings, towns, qualifiers = {}, set(), set(), set(), set()
    for row in _table("thoroughfares.csv"):
        thoroughfares.add(row["standard"])
        for written in row["written"].split():
            expand[written] = row["standard"]
    for row in _table("place_words.csv"):
        {"building": buildings, "town": towns, "qualifier": qualifiers}[row["kind"]].add(row["standard"])
        for written in row["written"].split():
            expand.setdefault(written, row["standard"])
    units, number_words, floors, connectives, articles, rooms = set(), set(), {}, set(), set(), set()
    descriptors = {}
    for row in _table("sub_building.csv"):
        words = tuple(row["written"].split())
        if row["kind"] in ("unit", "room"):
            units.add(words[0])
            if row["kind"] == "room":
                rooms.add(words[0])
        elif row["kind"] == "number_word":
            number_words.add(words[0])
        elif row["kind"] == "connective":
            connectives.add(words[0])
        elif row["kind"] == "article":
            articles.add(words[0])
        elif row["kind"].startswith("descriptor"):
            descriptors[words] = row["kind"] == "descriptor_with_number"
        else:
            floors[words] = (row["standard"], row["kind"] == "floor_with_unit")
    by_position = {row["written"]: (row["before_a_name"], row["after_a_name"]) for row in _table("name_position.csv")}
    return (expand, thoroughfares, buildings, towns, qualifiers, units, number_words, floors, by_position, connectives,
            articles, rooms, descriptors)


(EXPAND, THOROUGHFARES, BUILDING_WORDS, TOWN_WORDS, QUALIFIERS, UNIT_WORDS, NUMBER_WORDS, FLOORS,
 BY_POSITION, CONNECTIVES, ARTICLES, ROOM_WORDS, DESCRIPTORS) = _load()
LONGEST_FLOOR = max(len(k) for k in FLOORS)
DESCRIPTOR_STARTS = {phrase[0] for phrase in DESCRIPTORS}
NAME_ENDINGS = THOROUGHFARES | BUILDING_WORDS  # a descriptor before one of these is a name's first word
# town words run together with the word before ('ROADLONDON'); thoroughfares are not split off, as they end too
# many names (Holloway, Churchill, Moorgate), and a street run together still scores as nearly the same
JOINABLE_TAILS = sorted((t for t in TOWN_WORDS if len(t) >= 4), key=len, reverse=True)
# building words that name a building when they end a name: those that never name a street, and those Royal Mail
# lists as thoroughfares but that name blocks far more often (Court and Estate name both: a street must follow)
BLOCK_WORDS = {"MANSIONS", "BUILDINGS", "TOWERS"}  # '9 Laurel Mansions' is flat 9 of the block
BUILDING_ONLY = (BUILDING_WORDS - THOROUGHFARES) | (BLOCK_WORDS & BUILDING_WORDS)
COMPASS = {"NORTH", "SOUTH", "EAST", "WEST"}

NUMBER = re.compile(r"^[0-9]+[A-Z]?$")
RANGE = re.compile(r"^[0-9]+[A-Z]?-[0-9]+[A-Z]?$")
SLASHED = re.compile(r"^([0-9]+[A-Z]?)/([0-9]+[A-Z]?(?:-[0-9]+[A-Z]?)?)$")  # 2/14: flat 2 of number 14
FLAT_ID = re.compile(r"^(?:[0-9]+[A-Z]?|[A-Z]|[A-Z][0-9]+)$")
LETTER_SUFFIX = re.compile(r"^([0-9]+)([A-Z])$")


def _tokens(text):
    """Segments (split at commas) of upper-case words; punctuation dropped, '2 / 14' -> '2/14', '12 - 14' -> '12-14',
    "John's" -> 'JOHNS', "Thomas's" -> 'THOMAS', 'Chalk-Farm' -> 'CHALK FARM'; words run together apart ('FLATB' -> 'FLAT B',
    'ROADLONDON' -> 'ROAD LONDON', 'HINDLEHILL' -> 'HINDLE HILL')."""
    text = str(text).upper().replace("\u2019", "'")
    # a possessive after an S is left out as most write it without the apostrophe: "Thomas's", "Thomas'" -> THOMAS
    text = re.sub(r"(?<=S)'S?\b", "", text).replace("'", "")
    text = re.sub(r"(?<=[0-9A-Z])\s*/\s*(?=[0-9])", "/", text)
    text = re.sub(r"(?<=[0-9])\s*-\s*(?=[0-9])", "\x00", text)  # keep ranges; other hyphens are spaces
    text = re.sub(r"[^0-9A-Z/,\x00 ]", " ", text).replace("\x00", "-")
    return [[part for word in segment.split() for part in _apart(word)] for segment in text.split(",")
            if segment.strip()]


@lru_cache(maxsize=100_000)
def _apart(word):
    """A word that is two run together, as its parts: a unit word and its flat ('FLAT2'), or a word and a town
    ('AVENUELONDON'). Known words are left whole."""
    if word in EXPAND or word in THOROUGHFARES or word in UNIT_WORDS or word in BUILDING_WORDS or len(word) < 5 \
            or not word.isalnum():
        return (word,)
    for unit in UNIT_WORDS:
        if word.startswith(unit) and FLAT_ID.match(word[len(unit):]):
            return (unit, word[len(unit):])
    if word.isalpha():
        for tail in JOINABLE_TAILS:
            if word.endswith(tail) and len(word) - len(tail) >= 3:
                return _apart(word[:-len(tail)]) + (tail,)
    return (word,)


def _clean_flat(value):
    return value.lstrip("0") or "0" if value.isdigit() else value


def _floor_at(words, i):
    """(length, standard floor, needs a unit word beside it) of the floor phrase starting at words[i], or None."""
    for length in range(min(LONGEST_FLOOR, len(words) - i), 0, -1):
        found = FLOORS.get(tuple(words[i:i + length]))
        if found:
            return (length,) + found
    return None


@lru_cache(maxsize=500_000)
def standardise(text, street=None):
    """Address(flat, number, building, street, postcode) from address text in any of the layouts above. The flat is
    '?' where the address says it is a flat without saying which ('Flat, 60 Irongate Vale', 'Flat at 152 …').
    street, when given, is a street known to be one (see local_streets): where the text holds it, it is the street,
    and the words before it (other than flat and number) are the building name ('Old Forge Cazenove Gardens')."""
    if str(text or "").lstrip().startswith("="):
        # a spreadsheet formula: its functions and joins are no part of the address, the text it holds is
        # ('=HYPERLINK("http://x")&"33 Milner Square"' is 33 Milner Square, not flat X of a building HYPERLINK)
        text = FORMULA_CALL.sub(" ", str(text).lstrip()[1:]).replace("&", " ").replace('"', " ")
    text, postcode = split_trailing_postcode(text)
    if postcode is None:
        text, _ = split_trailing_district(text)  # a district says too little to match on, and is not a street
    segments = _street_first_moved_last(_without_people(_tokens(text)))
    words = _blocks_by_letter(_without_descriptors([(s, w) for s, segment in enumerate(segments) for w in segment]))
    plain = [w for _, w in words]
    flat = floor = room = None
    some_flat = False  # a unit word with no identifier
    flat_from_unit = False  # the flat came after a unit word ("Flat 136 Fountayne Rise")
    after_floor = False  # "First Floor Flat 7 Park Road": the 7 is the house number
    numbers, kept = [], []  # numbers: (position in kept, value); kept: (segment, word) of the other words
    after_a_floor = set()  # numbers written after a floor, other than straight after its unit word
    i, flat_end = 0, -1  # flat_end: the word after a flat's identifier
    while i < len(words):
        segment, word = words[i]
        before = words[i - 1][1] if i else None
        following = words[i + 1] if i + 1 < len(words) else None
        floor_match = _floor_at(plain, i)
        if floor_match:
            length, standard, needs_unit = floor_match
            after = words[i + length][1] if i + length < len(words) else None
            # a floor word straight after a flat's identifier describes that flat: 'Flat A (Gnd)', 'Flat B (Top)'
            described = i == flat_end and EXPAND.get(after, after) not in THOROUGHFARES  # not 'Flat 2 Top Road'
            if not needs_unit or after in UNIT_WORDS or before in UNIT_WORDS or described:
                floor = floor or standard
                i += length
                after_floor = True
                continue
        if word in ARTICLES and following and (following[1] in UNIT_WORDS or _floor_at(plain, i + 1)):
            i += 1  # "The Flat, 24 Nightingale Grove": a flat, the article says nothing
            continue
        if word in UNIT_WORDS:
            j = i + 1
            while j < len(words) and words[j][1] in NUMBER_WORDS:
                j += 1
            if j < len(words) and words[j][0] == segment:
                target = CARDINALS.get(words[j][1], words[j][1])  # 'Flat One', 'Flat No. Twelve'
                slashed = SLASHED.match(target)
                if slashed:  # "Flat 2/14"
                    flat = flat or _clean_flat(slashed.group(1))
                    numbers.append((len(kept), slashed.group(2)))
                    i = j + 1
                    continue
                if word in ROOM_WORDS and FLAT_ID.match(target):
                    # a room is the home only where no flat is written: 'Room 2 Flat 3 Byron Mansions' is flat 3
                    room = room or _clean_flat(target)
                    i = flat_end = j + 1
                    continue
                later_number = any(NUMBER.match(w) or RANGE.match(w) for _, w in words[j + 1:])
                # "Flat A, The Flat 64 …": a second unit word before the last number names no second flat
                second = flat is not None and target[0].isdigit() and not later_number
                if FLAT_ID.match(target) and not (after_floor and target[0].isdigit() and not later_number) \
                        and not second:
                    flat_from_unit = flat_from_unit or flat is None
                    flat = flat or _clean_flat(target)
                    i = flat_end = j + 1
                    continue
            some_flat = True  # a unit word with no identifier: "Ground Floor Flat", "Flat, 12 …"
            i = j
            continue
        if word in CONNECTIVES and (before in UNIT_WORDS or after_floor or i == flat_end or _floor_at(plain, i + 1)):
            i += 1  # "Flat at 152 …", "Flat 1 at 1st Floor …", "Flat 1 At, Hardy Lodge"
            continue
        slashed = SLASHED.match(word)
        if slashed:
            low, high = slashed.group(1), slashed.group(2)
            if _is_range(low, high):  # "56/58": a range written with a slash
                numbers.append((len(kept), low + "-" + high))
            else:
                flat = flat or _clean_flat(low)
                numbers.append((len(kept), high))
            i += 1
            continue
        # "A 201 Stamford Road": a lone letter before the house number is the flat
        if re.fullmatch("[A-Z]", word) and word not in UNIT_WORDS and following and NUMBER.match(following[1]) \
                and not (before and NUMBER.match(before) and i != flat_end) and flat is None:
            flat = word
            i += 1
            continue
        if NUMBER.match(word) or RANGE.match(word):
            # "14 B": a lone letter after a number is its suffix (not the start of a street)
            if word.isdigit() and following and following[0] == segment and re.fullmatch("[A-Z]", following[1]) \
                    and following[1] not in UNIT_WORDS and not _names_block(words, i + 1):
                word += following[1]
                i += 1
            elif following and following[0] == segment and _is_range(word, following[1]):
                word += "-" + following[1]  # "161 163 Hindle Hill": a range whose hyphen was lost
                i += 1
            if after_floor and not (before in UNIT_WORDS and words[i - 1][0] == segment):
                after_a_floor.add(len(numbers))
            numbers.append((len(kept), word))
            i += 1
            continue
        if word in NUMBER_WORDS and before in UNIT_WORDS:
            i += 1
            continue
        kept.append((segment, word))
        i += 1

    if flat is None and room is not None:
        flat, flat_from_unit = room, True  # 'Room 3, 12 Essex Road': the room names the home
    number = None
    number_position = chosen = None
    if numbers:
        # the house number is the last number written before a street word; earlier numbers are flats
        followed = [k for k, (position, _) in enumerate(numbers) if position < len(kept)]
        chosen = followed[-1] if followed else len(numbers) - 1
        number_position, number = numbers[chosen]
        for _, value in numbers[:chosen]:
            if flat is None and FLAT_ID.match(value):
                flat = _clean_flat(value)
    if number and flat is None:
        suffix = LETTER_SUFFIX.match(number)
        if suffix:  # "40B" is written "Flat B, 40" as often: one home
            number, flat = suffix.group(1), suffix.group(2)
    building_words = None
    # a number after a floor, not straight after its unit word ('FFF, 3 Cox Buildings'), is the house's: the floor
    # names the flat ('First Floor Flat 1 Keats House' and '1 Ground Floor, Blake Tower' are flat 1)
    if number and flat is None and chosen not in after_a_floor and number_position is not None \
            and FLAT_ID.match(number):
        named = _building_after(kept, number_position)
        if named and street is not None and " ".join(_standard_words([w for _, w in kept[number_position:named]])) == street:
            named = None  # 'Heber Cottages' is the street the data writes, not a building whose flat 9 is
        if named:  # "2 Keats House, Glenarm Street": flat 2 of Keats House (its unit word left out)
            flat, number, building_words = number, None, [w for _, w in kept[number_position:named]]
            kept, number_position = kept[:number_position] + kept[named:], None
    if flat is None:
        flat = floor or ("?" if some_flat else None)
    found = _known_street(kept, street) if street else None
    if found:
        split_building, street_words = found
    else:
        # a flat whose block is read already ('6 Telford Court, Bullivant Street, Primrose Hill') names no other block
        split_building, street_words = _split_building_and_street(kept, number_position,
                                                                  flat is not None and building_words is None)
    building_words = building_words if building_words is not None else split_building
    street = _standard_street(street_words)
    building = _standard_building(building_words)
    if flat_from_unit and flat and flat[0].isdigit() and number is None and building is None:
        # "Flat 136 Fountayne Rise" (a floor left out of "First Floor Flat 136"): no building or house number is
        # written, so the number is the house's and the flat is not named
        number, flat = flat, "?"
    return Address(flat, number, building, street, postcode)


PEOPLE_WORDS = {tuple(row["written"].split()): row["kind"] for row in _table("people_words.csv")}
FORMULA_CALL = re.compile(r"[A-Za-z][A-Za-z0-9._]*\([^()]*\)")  # a spreadsheet function and its arguments
CARDINALS = {row["written"]: row["value"] for row in _table("cardinals.csv")}  # a flat's number in words


def _without_people(segments):
    """Segments without a person written into the address: a segment starting 'C/O', 'FAO' or 'Care of' ('C/O Mrs
    Smith, 14 Rye Lane'), and a title with a name or two after it, before a flat or a number or ending the segment
    ('Mr Okafor apartment 5 ...', 'Mrs A Smith, 14 ...'). A title before a building's name ('Dr Johnson House')
    is left: the name is the building's."""
    out = []
    for segment in segments:
        marker = 1 if PEOPLE_WORDS.get(tuple(segment[:1])) == "care_of" else \
            2 if PEOPLE_WORDS.get(tuple(segment[:2])) == "care_of" else 0
        if marker:
            # the name runs to the first number or flat ('c/o kemi rahman 9 providence court ...'), else to the comma
            start = next((k for k in range(marker, len(segment)) if NUMBER.match(segment[k])
                          or segment[k] in UNIT_WORDS or _floor_at(segment, k) is not None), len(segment))
            segment = segment[start:]
            if PEOPLE_WORDS.get(tuple(segment[:1])) == "title":
                segment = segment[1:]
        if segment and PEOPLE_WORDS.get((segment[0],)) == "title":
            names = 0
            while 1 + names < len(segment) and names < 3 and segment[1 + names].isalpha() \
                    and segment[1 + names] not in UNIT_WORDS and _floor_at(segment, 1 + names) is None:
                names += 1
            rest = segment[1 + names:]
            ends = not rest or rest[0] in UNIT_WORDS or NUMBER.match(rest[0]) or _floor_at(rest, 0) is not None
            if 1 <= names <= 3 and ends and not any(EXPAND.get(w, w) in NAME_ENDINGS for w in segment[1:1 + names]):
                segment = rest
        if segment:
            out.append(segment)
    return out


def _street_first_moved_last(segments):
    """Segments with a street written first moved to the end, where a later segment names the flat ('22 St Marys
    Road, 3, Providence Mansions'; 'St Peters Terr, Flat 18, Telford Lofts'; '12 Park Road, Flat 3'): a referral
    typed from the street down, read as councils' systems write it, from the flat up. The street goes after the flat
    and the block's name, before the rest ('Mill Grn, Flat 23, Holland Ct, Croydon'); a street and a flat typed
    without a comma are taken as two segments ('mill grn flat 22 byron house')."""
    if segments and segments[0]:
        unit = next((k for k, w in enumerate(segments[0]) if k and w in UNIT_WORDS), None)
        if unit is not None and _ends_as_a_street(segments[0][:unit]):
            segments = [segments[0][:unit], segments[0][unit:]] + segments[1:]
    if len(segments) < 2 or not segments[0] or not _ends_as_a_street(segments[0]):
        return segments

    def names_a_flat(segment):
        return segment[0] in UNIT_WORDS or _floor_at(segment, 0) is not None or (
            len(segment) == 1 and FLAT_ID.match(segment[0]) is not None)

    first = next((k for k in range(1, len(segments)) if segments[k] and names_a_flat(segments[k])), None)
    if first is None:
        return segments
    end = first + 1
    block_after = end < len(segments) and segments[end] and _as_thoroughfare(segments[end][-1]) in BUILDING_WORDS \
        and not any(NUMBER.match(w) for w in segments[end]) \
        and not any(_as_thoroughfare(w) in BUILDING_WORDS for w in segments[first])
    # a first name ending in a word that names blocks too ('Rose Court, Flat 3') is the block, unless a block's name
    # follows the flat ('Rhondda Ct, Flat 16, Orwell Court': the first is the street)
    if _as_thoroughfare(segments[0][-1]) in BUILDING_WORDS and not (
            block_after and not any(NUMBER.match(w) for w in segments[0])):
        return segments
    if block_after:
        end += 1  # the block's name after the flat
    return segments[1:end] + segments[:1] + segments[end:]


def _blocks_by_letter(words):
    """(segment, word) pairs with a block named by a letter written as a name ending in its building word ('FLAT 10
    BLOCK A' -> 'FLAT 10 A BLOCK'), as 'Keats House' is: its flats' numbers come before it, and its letter is no
    flat. ('Block 2' is left: a number there is read as a number.)"""
    out = list(words)
    for k in range(len(out) - 1):
        (segment, word), (next_segment, name) = out[k], out[k + 1]
        if EXPAND.get(word, word) == "BLOCK" and next_segment == segment and re.fullmatch("[A-Z]", name):
            out[k], out[k + 1] = (segment, name), (segment, "BLOCK")
    return out


def _names_block(words, i):
    """The letter at words[i] names a block ('2 A BLOCK')."""
    return i + 1 < len(words) and words[i + 1] == (words[i][0], "BLOCK")


def _without_descriptors(words):
    """The words without a development's descriptors, which name no part of the home ('New Build', 'Proposed',
    'Plot 23' before the address the plot became)."""
    if not any(w in DESCRIPTOR_STARTS for _, w in words):
        return words
    out, i = [], 0
    while i < len(words):
        for phrase, with_number in DESCRIPTORS.items():
            end = i + len(phrase)
            following = EXPAND.get(words[end][1], words[end][1]) if end < len(words) else None
            if tuple(w for _, w in words[i:end]) == phrase and following not in NAME_ENDINGS:
                if with_number and end < len(words) and NUMBER.match(words[end][1]) and end + 1 < len(words) \
                        and NUMBER.match(words[end + 1][1]):
                    i = end + 1  # 'Plot 23 78 Stamford Court': a house number follows, so 23 is the plot's
                    break
                if not with_number:
                    i = end
                    break
        else:
            out.append(words[i])
            i += 1
    return out


def _is_range(low, high):
    """Two house numbers that read as a range ('56/58', '161 163'): two apart on one side of the street, and too
    high to be a flat number of the second."""
    return low.isdigit() and high.isdigit() and int(low) >= 10 and int(high) - int(low) == 2


def _building_after(kept, position):
    """End (exclusive) of a building name starting at kept[position] ('Keats House' of '2 Keats House Glenarm
    Street'), or None: at most three words ending in a building word not followed straight by a thoroughfare
    ('63 Chalk Farm Gardens' is a house); a word that also names streets (Court) only when a street follows."""
    for end in range(position, min(position + 3, len(kept))):
        word = EXPAND.get(kept[end][1], kept[end][1])
        if word in THOROUGHFARES and word not in BUILDING_WORDS:
            return None
        # the next word of the same segment: after a comma ('3 Thorncombe Heights, Meadow Close') a street starts
        after = _as_thoroughfare(kept[end + 1][1]) if end + 1 < len(kept) and kept[end + 1][0] == kept[end][0] \
            else None
        # 'Chalk Farm Gardens': a building word inside a street's name; but in '4 Byron Mansions Downs Way' the
        # thoroughfare word after it (Downs) starts a street that ends in another (Way)
        later = any(_as_thoroughfare(w) in THOROUGHFARES for _, w in kept[end + 2:])
        if after in THOROUGHFARES and after not in BUILDING_ONLY and not (word in BUILDING_ONLY and later):
            continue
        if end > position and word in BUILDING_ONLY:
            return end + 1
        if end > position and word in BUILDING_WORDS and any(
                _as_thoroughfare(w) in THOROUGHFARES - BUILDING_WORDS for _, w in kept[end + 1:]):
            return end + 1
        if end > position and word in BUILDING_WORDS and end + 1 < len(kept) and kept[end + 1][0] != kept[end][0] \
                and _article_street([w for s, w in kept if s == kept[end + 1][0]]):
            return end + 1  # '6 Trinity Court, The Oval': a block, then its street
        # the name ends its segment and the next segment ends as a street that could be a building too:
        # '3 Kelvington Heights, Saint Gabriel's Buildings' (a block, then its street)
        rest = [w for s, w in kept[end + 1:] if s == kept[end + 1][0]] if end + 1 < len(kept) else []
        if end > position and word in BUILDING_WORDS and after is None and rest \
                and _as_thoroughfare(rest[-1]) in THOROUGHFARES and len(rest) > 1:
            return end + 1
    return None


def _split_building_and_street(kept, number_position, flat_named=False):
    kept = [(s, w) for s, w in kept if w not in TOWN_WORDS]
    if not kept:
        return [], []
    if number_position is not None and number_position < len(kept):
        street_segment = kept[number_position][0]
        building = [w for _, w in kept[:number_position]]
        street = [w for s, w in kept[number_position:] if s == street_segment]
        return building, street
    segments = sorted({s for s, _ in kept})
    by_segment = {s: [w for t, w in kept if t == s] for s in segments}
    if number_position is not None:  # the number comes last: "Milner Road 14"; "Hardy Lodge 121" (no street)
        first = by_segment[segments[0]]
        # between a flat and its house number stands a building name: "Flat 1, Shelley Court, 124, London"
        return (first, []) if _names_a_building(first) or flat_named else ([], first)
    if len(segments) > 1:
        # 'Flat 6, Trinity Court, The Oval, Dartmouth Park': a street named with an article, straight after a block
        for before, segment in zip(segments, segments[1:]):
            if _article_street(by_segment[segment]) and EXPAND.get(by_segment[before][-1], by_segment[before][-1]) \
                    in BUILDING_WORDS and len(by_segment[before]) > 1:
                return [w for s in segments if s < segment for w in by_segment[s]], by_segment[segment]
        with_street = [s for s in segments if _ends_as_a_street(by_segment[s])]
        # a segment ending in a word that only names streets before one that may name a building (Shelley Court)
        plain = [s for s in with_street if _as_thoroughfare(by_segment[s][-1]) not in BUILDING_WORDS]
        # of two names that may each be a block or a street ('Swan Court, Grummant Court', 'Scylla Ct, Thorncombe
        # Bldgs'), the block comes first
        either = [s for s in segments if len(by_segment[s]) > 1 and _as_thoroughfare(by_segment[s][-1]) in THOROUGHFARES]
        street_segment = plain[0] if plain else either[-1] if len(either) > 1 else (with_street or [segments[-1]])[0]
        if flat_named and len(plain) > 1 and plain[0] == segments[0]:
            # 'Flat 11, Darwin Close, Aberfeldy Hill': a flat's first name, with a street after it, is its block's
            street_segment = plain[1]
        building = [w for s in segments if s < street_segment for w in by_segment[s]]
        last = by_segment[street_segment]
        if street_segment == segments[-1] and not with_street and _names_a_building(last):
            # 'Marigold Lodge, Thorncombe Buildings': after a block's name, a name ending in a word that names
            # streets too is its street
            if _names_a_building(building) and _as_thoroughfare(last[-1]) in THOROUGHFARES:
                return building, last
            return building + last, []  # "Flat 1, Byron Mansions, London": no street
        return building, last
    words = by_segment[segments[0]]
    standard = [EXPAND.get(w, w) for w in words]
    if _names_a_building(words):  # "Flat 1 Blake Tower": a building, no street written
        # unless a block's name comes before a name ending in a word that names streets too ('MARIGOLD LODGE
        # THORNCOMBE BUILDINGS')
        inner = [cut for cut in range(1, len(words) - 2) if standard[cut] in BUILDING_ONLY]
        if inner and _as_thoroughfare(words[-1]) in THOROUGHFARES:
            return words[:inner[-1] + 1], words[inner[-1] + 1:]
        return words, []
    # one segment, no number: "Rose Cottage Mill Lane" -> building up to the last building word before the street
    for cut in range(len(standard) - 3, 0, -1):
        # the last building word that leaves a street of a name and a thoroughfare after it
        if standard[cut] in BUILDING_WORDS and any(_as_thoroughfare(w) in THOROUGHFARES for w in words[cut + 2:]):
            return words[:cut + 1], words[cut + 1:]
    return [], words


def _article_street(words):
    """A segment that is a street named with an article and no thoroughfare word ('The Oval', 'The Highway'): 'The'
    and one or two names, none a building, unit or town word. Such a name is a street only straight after a block or
    a house number ('Flat 6, Trinity Court, The Oval'); elsewhere it may name a house ('The Limes, High Street')."""
    standard = [EXPAND.get(w, w) for w in words]
    return 2 <= len(words) <= 3 and words[0] in ARTICLES and all(w.isalpha() for w in words[1:]) and not any(
        w in BUILDING_WORDS or w in UNIT_WORDS or w in TOWN_WORDS or w in THOROUGHFARES or w in ARTICLES
        for w in standard[1:])


def _ends_as_a_street(words):
    """A thoroughfare word after the first word, and no building word after the last of them: 'Grange Gardens' and
    'Mill Lane' (a building word starts many street names), 'Park Road Islington', not 'Byron Mansions'."""
    streets = [k for k, w in enumerate(words) if k and _as_thoroughfare(w) in THOROUGHFARES]
    buildings = [k for k, w in enumerate(words) if EXPAND.get(w, w) in BUILDING_ONLY]
    return bool(streets) and (not buildings or buildings[-1] < streets[-1])


def _as_thoroughfare(word):
    """The standard word, reading a word such as St after a name (Street)."""
    return BY_POSITION[word][1] if word in BY_POSITION else EXPAND.get(word, word)


def _names_a_building(words):
    """Words that end in a building word and hold no thoroughfare: 'Blake Tower', 'Keats House The Lodge'."""
    standard = [EXPAND.get(w, w) for w in words]
    return len(standard) > 1 and standard[-1] in BUILDING_ONLY and not any(
        w in THOROUGHFARES and w not in BUILDING_ONLY for w in standard)


def _standard_words(words):
    """Each word in its standard form: abbreviations expanded, St before a name Saint and after one Street ("St Johns
    Road", "High St")."""
    out = []
    for k, word in enumerate(words):
        if word in BY_POSITION:
            following = words[k + 1] if k + 1 < len(words) else None
            name_follows = following is not None and EXPAND.get(following, following) not in THOROUGHFARES \
                and following not in TOWN_WORDS
            # between two names, St is Saint only where a thoroughfare word follows ('Upper St Martins Lane'):
            # 'Victoria St Croydon' is Victoria Street, in Croydon
            if name_follows and k and not any(_as_thoroughfare(w) in THOROUGHFARES for w in words[k + 1:]):
                name_follows = False
            word = BY_POSITION[word][0] if name_follows else BY_POSITION[word][1]
        else:
            word = EXPAND.get(word, word)
        out.append(word)
    return out


def _known_street(kept, street):
    """(building words, street words) where the known street is written among the kept words, else None."""
    kept = [(s, w) for s, w in kept if w not in TOWN_WORDS]
    target = street.split()
    standard = _standard_words([w for _, w in kept])
    for start in range(len(standard) - len(target), -1, -1):
        if standard[start:start + len(target)] == target:
            return [w for _, w in kept[:start]], [w for _, w in kept[start:start + len(target)]]
    whole = _joined(street)
    for start in range(len(standard) - 1, -1, -1):  # run together or split apart ('RENDLESHAMSTREET', 'STMARYS')
        for end in range(start + 1, min(start + 5, len(standard)) + 1):
            if _joined(" ".join(standard[start:end])) == whole:
                return [w for _, w in kept[:start]], target
    stem = _street_stem(street)
    if stem and standard[-len(stem):] == stem:  # its thoroughfare word left out, last of all ('Ivy House, Tyssen')
        return [w for _, w in kept[:len(standard) - len(stem)]], target
    return None


def _street_stem(street):
    """The words of a street before its thoroughfare word ('WILBERFORCE WAY' -> ['WILBERFORCE']), or None where
    there is none to leave out or too little would be left to tell one street from another."""
    words = street.split()
    if len(words) < 2 or words[-1] not in THOROUGHFARES or len(" ".join(words[:-1])) < 4 \
            or words[-2] in THOROUGHFARES:
        return None
    return words[:-1]


@lru_cache(maxsize=500_000)
def street_phrases(text):
    """Every run of one to four words of the text, in standard form, that could be a street (the candidates that
    local_streets looks up among the streets other rows write), with where it first starts, counted in words over
    the whole text. Cached: the mapping is shared, never to be changed."""
    text, _ = split_trailing_postcode(text)
    order, offset = {}, 0
    for segment in _tokens(text):
        words = _standard_words([w for w in segment if w.isalpha() and w not in TOWN_WORDS])
        for length in range(1, 5):
            for k in range(len(words) - length + 1):
                order.setdefault(" ".join(words[k:k + length]), offset + k)
        offset += len(words)
    return order


def local_streets(texts, parsed, districts, min_rows=2, postcodes=None):
    """The parsed addresses again, read with the streets the data itself writes: a street written after a house
    number or a building name in at least min_rows rows of a postcode district is a street there. A row whose text
    holds such a street other than the one it was read with, as written or with its words run together, is read
    again with it ('Orchard View, Wilberforce St': Orchard View is the house, where Wilberforce Street is a known
    street; '15 Rendleshamstreet'); then a row read as having a street that is no street of its district but a
    building name other rows write there (as written, run together or a typo apart) has it as its building ('Flat 1,
    Shelley Court, London'; 'Flat 5 Keatshouse'; 'Flat 3, Keats Houcce')."""
    from collections import Counter

    streets = {}
    as_building = Counter((d, p.building) for p, d in zip(parsed, districts) if p.building)
    # a street is what follows a house number, or a building name ('Flat 4, Clare Point, Glenarm Close')
    counts = Counter((d, p.street) for p, d in zip(parsed, districts) if (p.number or p.building) and p.street)
    for (district, street), n in counts.items():
        # a street ends in a thoroughfare word and is written as a street more often than as a building name
        if n >= min_rows and street.split()[-1] in THOROUGHFARES and n > as_building[district, street]:
            streets.setdefault(district, set()).add(street)
    # one street written two ways by whole files ('STMARYS DRIVE' by one system, 'SAINT MARYS DRIVE' by the others):
    # the form written most often stands for both
    alias = {}
    for district, known in streets.items():
        forms = {}
        for street in known:
            forms.setdefault(_joined(street), []).append(street)
        for same in forms.values():
            usual = max(same, key=lambda x: (counts[district, x], len(x.split()), x))
            alias.update({(district, x): usual for x in same if x != usual})
        streets[district] = {alias.get((district, x), x) for x in known}
    _drop_blocks_read_as_streets(streets, counts, as_building)
    everywhere = set().union(*streets.values()) if streets else set()
    joined = {d: {_joined(x): x for x in known} for d, known in streets.items()}
    joined_everywhere = {_joined(x): x for x in everywhere}
    by_name = {}  # per district, as needed
    on_postcode, written_on = {}, Counter()  # the streets rows of each postcode write, and how often
    for p, code, district in zip(parsed, postcodes if postcodes is not None else (), districts):
        if p.street and code:
            street = alias.get((district, p.street), p.street)
            on_postcode.setdefault(code, set()).add(street)
            written_on[code, street] += 1
    out = list(parsed)
    for k, (text, p, district) in enumerate(zip(texts, parsed, districts)):
        if (district, p.street) in alias:
            out[k] = p = p._replace(street=alias[district, p.street])
        known = streets.get(district, set()) if district else everywhere
        if not known:
            continue
        if p.street in known:
            # '12 Saint Thomas's Court, Herne Hill': the building as read ends in a street of the district, so the
            # street as read (also written as a street, after it) is the locality ...
            street = _street_ending(p.building, known) if p.building else None
            # ... where the rows of its postcode (or district) write that street more often than the one read
            code = postcodes[k] if postcodes is not None else None
            written, place = (written_on, code) if code else (counts, district)
            if street and street != p.street and written[place, street] > written[place, p.street]:
                out[k] = standardise(text, street)._replace(postcode=p.postcode)
            elif code:
                # known in the district ('7 Grangr Street' elsewhere, or the same slip twice), but a typo apart from
                # the street the postcode's rows write far more often
                out[k] = _read_with_postcodes_street(text, p, code, on_postcode, written_on) or out[k]
            continue
        order = street_phrases(text)  # the text's phrases, with where each starts
        found = order.keys() & known
        if not found:  # words run together or split apart: 'RENDLESHAMSTREET', 'IRON GATE GROVE'
            by_joined = joined.get(district, {}) if district else joined_everywhere
            found = {by_joined[_joined(x)] for x in order if _joined(x) in by_joined}
        # the street as read written before every known street the text holds ('41 Woodwarde Rod, Wood Green'): the
        # known one may be the locality, and the street as read a typo of the street
        own_first = bool(found) and p.street in order and all(order.get(x, 0) > order[p.street] for x in found)
        if (not found or own_first) and p.street and district not in by_name:
            by_name[district] = _by_name(known)
        if not found and p.street and p.street.split()[-1] not in THOROUGHFARES and postcodes is not None:
            # 'Flat 2 Clare Point Wilberforce' ('Way' left out), where rows of its postcode write Wilberforce Way: the
            # postcode tells a district's Tyssen Lane from its Tyssen Place, and a locality ('Flat 2, Blake Tower,
            # Dalston') from a street of that name elsewhere in the district
            found = _street_with_stem(p.street, by_name[district]) & on_postcode.get(postcodes[k], set())
            found = found if len(found) == 1 else set()
        if (not found or own_first) and p.street:
            mistyped = _thoroughfare_mistyped(p.street, by_name[district])  # 'Elm Roa', 'Rouel Gdn'
            if mistyped:
                out[k] = p._replace(street=mistyped)
                continue
        if (not found or own_first) and p.street and postcodes is not None and postcodes[k]:
            # 'FLAT 1 TELL HOUSE GRANGR ST', where rows of its postcode write Grange Street: one postcode holds no
            # two streets a letter apart
            again = _read_with_postcodes_street(text, p, postcodes[k], on_postcode, written_on)
            if again:
                out[k] = again
                continue
        if found:
            # the longest; of two as long, the one written first (a street comes before its locality: 'Fairview
            # Nunhead Road Muswell Hill'), so the reading never depends on the order of a set
            best = max(found, key=lambda s: (len(s.split()), len(s), -order.get(s, len(order)), s))
            if best != p.street:
                out[k] = standardise(text, best)._replace(postcode=p.postcode)
    # building names as the rows now read them
    buildings = {}
    for p, d in zip(out, districts):
        if p.building:
            buildings.setdefault(d, set()).add(p.building)
    for k, (p, district) in enumerate(zip(out, districts)):
        known = streets.get(district, set()) if district else everywhere
        if not p.street or p.building or p.street in known:
            continue
        building = _known_building(p.street, buildings.get(district, ()))
        if building is None:
            continue
        if p.number and p.flat in (None, "?") and FLAT_ID.match(p.number):
            # '3 Shelley Court, London', 'Flat 4 Shelley Court': the number names the flat of the block
            out[k] = p._replace(flat=p.number, number=None, building=building, street=None)
        else:
            out[k] = p._replace(building=building, street=None)
    places = [c or d for c, d in zip(postcodes, districts)] if postcodes is not None else districts
    out = _numbers_naming_flats(_flats_of_blocks(out, districts), places)
    if postcodes is None:
        return out
    return _streets_mistyped_without_postcode(_localities_read_as_streets(texts, out, districts, postcodes, streets),
                                              postcodes, everywhere)


def _streets_mistyped_without_postcode(parsed, postcodes, everywhere):
    """'22 Vallnace Gdns' with no postcode read as Vallance Gardens: the street as read is no street the data
    writes, and one street the data writes has a name a typo apart, the same thoroughfare word and a home written
    as this row writes it (house number, building and flat). With no postcode, no district says which of the
    borough's streets a typo is of: the home must be there, and on no other look-alike street."""
    candidates = [k for k, (p, code) in enumerate(zip(parsed, postcodes))
                  if not code and p.street and (p.number or p.building) and p.street not in everywhere
                  and len(p.street.split()) >= 2]
    if not candidates:
        return parsed
    by_type = {}
    for street in everywhere:
        words = street.split()
        if len(words) >= 2 and len(words[-2]) >= 4:
            by_type.setdefault(words[-1], []).append(street)
    homes = {}
    for p in parsed:
        if p.street in everywhere and (p.number or p.building):
            homes.setdefault(p.street, set()).add((p.number, p.building, p.flat))
    out = list(parsed)
    for k in candidates:
        p = parsed[k]
        words = p.street.split()
        name = " ".join(words[:-1])
        close = [s for s in by_type.get(words[-1], ())
                 if _names_a_typo_apart(name, " ".join(s.split()[:-1]))
                 and any((p.number is None or n == p.number) and (p.building is None or b == p.building)
                         and (p.flat is None or f == p.flat) for n, b, f in homes.get(s, ()))]
        if len(close) == 1:
            out[k] = p._replace(street=close[0])
    return out


def _localities_read_as_streets(texts, parsed, districts, postcodes, streets):
    """'1st Flr Flat, 13 Primrose Hill, NW5 9US' read with the street of its postcode where the street as read is no
    street of the district but a locality: a name with no thoroughfare word ('19 Kilburn'), or one the postcode's
    other rows write beside another street ('13 Bullivant Street, Primrose Hill'). Only where one street of the
    postcode has that house number (and, for a flat, that flat), so a house on a street the data writes once is
    not moved onto another street."""
    def suspect(p, code, district):
        return code and p.number and p.street and p.street not in streets.get(district, ())

    candidates = [k for k, (p, code, d) in enumerate(zip(parsed, postcodes, districts)) if suspect(p, code, d)]
    if not candidates:
        return parsed
    wanted = {postcodes[k] for k in candidates}
    houses, rows_of = {}, {}
    for k, (p, code, d) in enumerate(zip(parsed, postcodes, districts)):
        if code in wanted:
            rows_of.setdefault(code, []).append(k)
            if p.number and p.street in streets.get(d, ()):
                houses.setdefault((code, p.number), {}).setdefault(p.street, set()).add(p.flat)
    out = list(parsed)
    for k in candidates:
        p, code = parsed[k], postcodes[k]
        on = [s for s, flats in houses.get((code, p.number), {}).items() if p.flat is None or p.flat in flats]
        if len(on) != 1:
            continue
        if p.street.split()[-1] in THOROUGHFARES and not any(
                parsed[j].street == on[0] and p.street in street_phrases(texts[j]) for j in rows_of[code] if j != k):
            continue
        out[k] = p._replace(street=on[0])
    return out


def _read_with_postcodes_street(text, parsed, postcode, on_postcode, written_on):
    """The text read again with the street the rows of its postcode write far more often than the street as read,
    where a phrase of the text writes that street's name a typo apart ('TELL HOUSE GRANGR ST' for Grange Street);
    else None."""
    phrase, street = _name_mistyped(text, _written_far_more(parsed.street, postcode, on_postcode, written_on))
    return standardise(text, phrase)._replace(street=street, postcode=parsed.postcode) if street else None


def _written_far_more(street, postcode, on_postcode, written_on):
    """The streets rows of the postcode write twice or more, and where the street is written more than once, at least
    three times as often less one: one postcode
    holds no two streets a letter apart, and one row's typo (or the same slip in a few rows) is not the street."""
    least = max(2, 3 * written_on[postcode, street] - 1)
    return {s: written_on[postcode, s] for s in on_postcode.get(postcode, ())
            if s != street and written_on[postcode, s] >= least}


def _drop_blocks_read_as_streets(streets, counts, as_building):
    """Takes from each district's streets those that are a building name, or the start of one, written before another
    of its streets, where that street is written more often ('KEATS HINDLE PLACE' from one file that leaves out the
    'House' of Keats House, Hindle Place): a whole file's way of writing a block must not make it a street."""
    starts = {}
    for district, building in as_building:
        starts.setdefault(district, set()).add(building.split()[0])
    for district, known in streets.items():
        dropped = set()
        for street in known:  # judged against all the district's streets, so the order of the set does not matter
            words = street.split()
            if words[0] not in starts.get(district, ()):
                continue
            if any(" ".join(words[k:]) in known and counts[district, " ".join(words[k:])] > counts[district, street]
                   for k in range(1, len(words) - 1)):
                dropped.add(street)
        known -= dropped


def _street_ending(building, known):
    """The known street a building name as read ends in ('ONDINE LODGE ST THOMAS COURT' -> 'SAINT THOMAS COURT'),
    else None."""
    words = _standard_words(building.split())
    for length in range(min(4, len(words)), 1, -1):
        street = " ".join(words[-length:])
        if street in known:
            return street
    return None


def _by_name(known):
    """The known streets by the words before their thoroughfare word ('ELM' -> {'ELM ROAD', 'ELM ROW'})."""
    out = {}
    for street in known:
        words = street.split()
        if len(words) > 1:
            out.setdefault(" ".join(words[:-1]), []).append(street)
    return out


def _thoroughfare_mistyped(street, by_name):
    """The one known street with the same name whose thoroughfare word the street's last word is a typo of ('ELM
    ROA' -> 'ELM ROAD', 'ST JOHNS OAD' -> 'SAINT JOHNS ROAD') or the singular or plural of ('ROUEL GARDEN' ->
    'ROUEL GARDENS'), else None. Only the thoroughfare word may differ: a name a letter apart ('St Marks Road', 'St
    Marys Road') is another street."""
    from difflib import SequenceMatcher

    words = street.split()
    if len(words) < 2:
        return None
    last = words[-1]
    if last in THOROUGHFARES:  # another thoroughfare word is another street, but for its plural ('Rouel Gdn')
        close = [s for s in by_name.get(" ".join(words[:-1]), ()) if s.split()[-1] in (last + "S", last[:-1])]
    else:
        close = [s for s in by_name.get(" ".join(words[:-1]), ())
                 if SequenceMatcher(None, s.split()[-1], last).ratio() >= 0.75]
    return close[0] if len(close) == 1 else None


def _names_a_typo_apart(name, other):
    """Two street names (the words before the thoroughfare word) that one is a typo of the other could write."""
    from difflib import SequenceMatcher

    return SequenceMatcher(None, name, other).ratio() >= 0.8


def _name_mistyped(text, streets):
    """(phrase of the text, street): the one street of streets (those of the text's postcode, with how often its rows
    write each) whose name a phrase of the text writes a typo apart, with the same thoroughfare word ('GRANGR STREET'
    for 'GRANGE STREET'); of two or more, the one written more than twice as often as any other (a typo of the
    street repeated beside it: 'Lanak Road' twice beside 'Lanark Road' forty times), else (None, None)."""
    if not streets:  # most rows: the postcode writes no street far more often than theirs
        return None, None
    close = set()
    for phrase in street_phrases(text):
        words = phrase.split()
        for street in streets:
            known = street.split()
            if len(words) == len(known) >= 2 and words[-1] == known[-1] and words != known and len(known[-2]) >= 4 \
                    and _names_a_typo_apart(" ".join(words[:-1]), " ".join(known[:-1])):
                close.add((phrase, street))
    ranked = sorted(close, key=lambda found: -streets[found[1]])
    if len(ranked) == 1 or (ranked and streets[ranked[0][1]] > 2 * streets[ranked[1][1]]):
        return ranked[0]
    return None, None


def _street_with_stem(street, by_name):
    """The known streets whose words before their thoroughfare word (_street_stem) end the street as read (the
    longest such ending). by_name: _by_name(known streets)."""
    words = street.split()
    for length in range(min(4, len(words)), 0, -1):
        found = {s for s in by_name.get(" ".join(words[-length:]), ()) if _street_stem(s)}
        if found:
            return found
    return set()


def _joined(name):
    """A name with its words run together, Saint as St ('ST MARYS DRIVE', 'STMARYS DRIVE' -> 'STMARYSDRIVE')."""
    return re.sub(r"\bSAINT\b", "ST", name).replace(" ", "")


def _known_building(name, buildings):
    """The building name among those other rows write that name is: the same, run together, a typo apart (and long
    enough for a typo to be told from another name), or the one name it is cut short from."""
    from difflib import SequenceMatcher

    if name in buildings:
        return name
    for building in sorted(buildings):
        if _joined(building) == _joined(name):
            return building
    if len(name) >= 8:
        close = [b for b in buildings if SequenceMatcher(None, b, name).ratio() >= 0.85]
        if len(close) == 1:
            return close[0]
    # cut short before its building word ('Byron' for 'Byron Mansions'), where one building name of the district is
    # so and the name itself holds no thoroughfare word
    words = name.split()
    if not any(w in THOROUGHFARES for w in words):
        cut = [b for b in buildings if b.split()[:len(words)] == words and len(b.split()) > len(words)
               and all(w in BUILDING_WORDS for w in b.split()[len(words):])]
        if len(cut) == 1:
            return cut[0]
    # a block's name with a locality run on after it ('Flat 14 Clipper Lodge Millwall'): a word or two that hold no
    # thoroughfare word
    for k in range(len(words) - 1, max(1, len(words) - 3), -1):
        head = " ".join(words[:k])
        if head in buildings and not any(w in THOROUGHFARES or w in BUILDING_WORDS for w in words[k:]):
            return head
    return None


def _flats_of_blocks(parsed, districts):
    """'Flat 1, St Kildas Lane' reads as a flat not named at number 1 ('Flat 136 Fountayne Rise', its floor left
    out); where no row writes a number 1 on that street but one block there has a flat 1, it is that block's flat 1
    with the block's name left out."""
    numbers = {(d, p.street, p.number) for p, d in zip(parsed, districts) if p.number and p.street and p.flat != "?"}
    blocks = {}
    for p, d in zip(parsed, districts):
        if p.building and p.flat and p.flat != "?" and p.street and not p.number:
            blocks.setdefault((d, p.street, p.flat), set()).add(p.building)
    out = list(parsed)
    for k, (p, d) in enumerate(zip(parsed, districts)):
        if p.flat != "?" or not p.number or p.building or not p.street or (d, p.street, p.number) in numbers:
            continue
        names = blocks.get((d, p.street, p.number), ())
        if len(names) == 1:
            out[k] = p._replace(flat=p.number, number=None, building=next(iter(names)))
    return out


def _numbers_naming_flats(parsed, places):
    """'3, Byron, Queen Elizabeth Court' reads as house number 3 of a building Byron; where the rows of its postcode
    (or district, without one) know a block of that name (as written, run together, a typo apart or cut short:
    Byron Mansions) by its named flats and never with a house number, the 3 is its flat."""
    blocks, numbered, streets = {}, set(), {}
    for p, place in zip(parsed, places):
        if p.building and p.number and p.flat:  # a block with a house number ('Flat 2, Keats House, 113 ...')
            numbered.add((place, p.building))
        elif p.building and p.flat and p.flat != "?":
            blocks.setdefault(place, set()).add(p.building)
            streets.setdefault((place, p.building), set()).add(p.street)
    for place, names in blocks.items():
        names.difference_update({b for b in names if (place, b) in numbered})
    out = list(parsed)
    for k, (p, place) in enumerate(zip(parsed, places)):
        if not (p.number and p.flat is None and blocks.get(place) and FLAT_ID.match(p.number)):
            continue
        if p.building:
            block = _known_building(p.building, blocks[place])
            if block is not None:
                out[k] = p._replace(flat=p.number, number=None, building=block)
        elif p.street in blocks[place] and (place, p.street) not in numbered:
            # '27 Darwin Close, Aberfeldy Hill', where rows of the postcode write the block Darwin Close by its
            # flats: its flat 27, on the street its rows write (where they write one)
            written = streets[place, p.street] - {None}
            out[k] = p._replace(flat=p.number, number=None, building=p.street,
                                street=next(iter(written)) if len(written) == 1 else None)
    return out


def _standard_street(words):
    out = [w for w in _standard_words(words) if w not in TOWN_WORDS and w not in UNIT_WORDS]
    # cut what follows the thoroughfare (a locality or town written without a comma): "Park Road Islington"
    for k in range(1, len(out) - 1):
        if out[k] in THOROUGHFARES and out[k + 1] not in THOROUGHFARES \
                and not (out[k + 1] in COMPASS and k + 2 == len(out)):
            out = out[:k + 1]
            break
    return " ".join(out) or None


def _standard_building(words):
    out = [EXPAND.get(w, w) for w in words if w not in UNIT_WORDS and w not in TOWN_WORDS]
    return " ".join(out) or None


# --- Columns ---------------------------------------------------------------------------------------------------

# The gazetteer standards' names: BS 7666 (an LLPG's secondary and primary addressable objects, SAO = the flat, PAO =
# the house number or name) and AddressBase (sub-building = the flat).
SECONDARY_OBJECT_WORDS = {"sao", "saon"}
PRIMARY_OBJECT_WORDS = {"pao", "paon"}
# 'block' too: a 'Block Name' column (housing repairs) holds the block of a flat, and never a person
ADDRESS_WORDS = {"address", "addr", "street", "flat", "apartment", "house", "building", "bldg", "block", "premises",
                 "line", "thoroughfare", "road", "door"} | SECONDARY_OBJECT_WORDS | PRIMARY_OBJECT_WORDS
# Words that make a column about a person (or another address than the home's), whatever else it says.
PERSON_WORDS = {"name", "names", "forename", "surname", "contact", "holder", "householder", "owner", "occupier",
                "occupant", "tenant", "resident", "person", "applicant", "claimant", "landlord", "agent", "email",
                "mail", "phone", "telephone", "tel", "mobile", "dob", "birth", "born", "age", "gender", "sex", "nhs",
                "ni", "notes", "note", "comment", "comments", "description", "ethnicity", "ethnic", "correspondence",
                "billing", "forwarding", "previous", "former", "manager", "officer", "worker", "carer", "gp",
                "doctor", "kin", "next", "emergency", "relative", "signature", "title"}
PLACE_NAME_QUALIFIERS = {"house", "building", "bldg", "block", "premises", "property", "street", "road"}  # "House name" is a place
NUMBER_SUFFIXES = {"no", "num", "number", "nbr", "nos"}


def column_words(name):
    """'AddressLine1' -> ['address', 'line', '1']; 'House_No' -> ['house', 'no']."""
    spaced = re.sub(r"(?<=[a-z])(?=[A-Z])|(?<=[A-Za-z])(?=[0-9])|(?<=[0-9])(?=[A-Za-z])", " ", str(name))
    return [w for w in re.split(r"[^0-9a-z]+", spaced.lower()) if w]


def column_role(name):
    """What a column holds, from its name only: 'uprn', 'parent_uprn', 'postcode', 'flat', 'premise' (house
    number or name), 'street', 'line' (free address text), 'personal', or None (not an address field: dropped)."""
    words = column_words(name)
    joined = "".join(words)
    present = set(words)
    if "uprn" in present or joined in ("uprn", "uniquepropertyreferencenumber"):
        return "parent_uprn" if present & {"parent", "root", "building", "block"} else "uprn"
    if joined in ("postcode", "postalcode", "pcode", "pc", "postcodes") or "postcode" in present \
            or {"post", "code"} <= present or {"postal", "code"} <= present:
        return "postcode"
    named = "name" in present and present & PLACE_NAME_QUALIFIERS
    if {"street", "description"} <= present and len(present) == 2:
        return "street"  # BS 7666's STREET_DESCRIPTION is the street's name, not free text
    if present & (PERSON_WORDS - {"name"}) or ("name" in present and not named):
        return "personal"
    if "unit" in present and present <= {"unit"} | NUMBER_SUFFIXES:
        return "flat"  # a landlord or licence register's 'Unit' is the flat; 'Business unit', 'Unit cost' are not
    if present == {"property", "name"}:
        return "premise"  # a register's 'Property Name' is the house's or block's name ('Property Ref' says nothing)
    if not present & ADDRESS_WORDS:
        return None
    if "line" in present and not present & (ADDRESS_WORDS - {"line"}) and not any(w.isdigit() for w in words):
        return None  # "line" alone says nothing of an address ("Line", "Service line")
    if present & SECONDARY_OBJECT_WORDS or {"sub", "building"} <= present:
        return "flat"
    if present & PRIMARY_OBJECT_WORDS or ("door" in present and present & NUMBER_SUFFIXES):
        return "premise"
    if present & {"flat", "apartment"} and not present & {"address", "addr", "line"}:
        return "flat"
    if present & {"house", "building", "bldg", "block", "premises"} and (named or present & NUMBER_SUFFIXES
                                                                          or len(present) == 1):
        return "premise"
    if present & {"street", "thoroughfare", "road"} and not present & {"address", "addr", "line"}:
        return "street"
    if "door" in present:
        return None  # 'Door entry code' says nothing of the address
    return "line"


def compose(frame, components):
    """One address text per row from the component columns: {'flat': [...], 'premise': [...], 'street': [...],
    'line': [...]}. Flat values get their unit word ('2' -> 'FLAT 2'); a house number joins its street."""
    import pandas as pd

    def column(name):
        return frame[name].fillna("").astype(str).str.strip()

    empty = pd.Series([""] * len(frame), index=frame.index)
    lines = [column(c) for c in components.get("line", [])]
    text = empty
    for part in lines:
        text = text.str.cat(part, sep=", ")
    if not any(components.get(k) for k in ("flat", "premise", "street")):
        return text.str.strip(", ").tolist()
    flat = empty
    for name in components.get("flat", []):
        value = column(name)
        # a flat column's number in words is its number ('One')
        cardinal = value.str.strip().str.upper().isin(CARDINALS)
        has_word = value.str.upper().str.contains(r"[A-Z]{2,}", regex=True) & ~cardinal
        flat = flat.where(flat != "", value.where(has_word | (value == ""), "FLAT " + value))
    numbers, names = empty, empty
    for name in components.get("premise", []):
        value = column(name)
        numeric = value.str.fullmatch(r"[0-9]+\s*[A-Za-z]?(?:\s*-\s*[0-9]+[A-Za-z]?)?")
        # a letter alone follows the number it belongs to (BS 7666's PAO_START_SUFFIX: 12 + A = 12A)
        joined = value.str.fullmatch(r"[A-Za-z]") & numbers.str.fullmatch(r"[0-9]+")
        numbers = numbers.where(~joined, numbers + value)
        if "end" in column_words(name):  # PAO_END_NUMBER: 12 and 14 are the range 12-14
            range_end = numeric & (numbers != "")
            numbers = numbers.where(~range_end, numbers + "-" + value)
            joined = joined | range_end
        numbers = numbers.where(numbers != "", value.where(numeric, ""))
        names = names.str.cat(value.where(~numeric & ~joined, ""), sep=", ")
    street = empty
    for name in components.get("street", []):
        street = street.str.cat(column(name), sep=" ")
    street = street.str.strip()
    # a house number with no street column joins the first address line: "124" + "Milner Road"
    first = lines[0] if lines else empty
    others = empty
    for part in lines[1:]:
        others = others.str.cat(part, sep=", ")
    use_street = street != ""
    numbered = (numbers + " " + street.where(use_street, first)).str.strip()
    rest = text.where(use_street, others)
    parts = pd.concat([flat, names, numbered, rest], axis=1)
    return [", ".join(p.strip(", ") for p in row if p.strip(", ")) for row in parts.itertuples(index=False)]
