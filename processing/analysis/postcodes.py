"""UK postcodes as councils and fire services write them: normalised, checked for form, and repaired where a
letter O or I was typed for a zero or a one (or the other way round) in a position where only one of them can
stand."""
import re
from functools import lru_cache
from itertools import product

import numpy as np

# Outward code (area letters, district digit(s) and optional letter), then inward code (digit, two letters).
POSTCODE_FORM = re.compile(r"^[A-Z]{1,2}[0-9][A-Z0-9]? [0-9][A-Z]{2}$")
# Royal Mail's letter rules per position: no Q, V, X first; no I, J, Z second; a limited set as the district's
# trailing letter; the inward letters never C, I, K, M, O or V. Used only to choose between O/0 and I/1 readings.
_FIRST, _SECOND = "[A-PR-UWYZ]", "[A-HK-Y]"
_OUTWARD = r"(?:{f}[0-9]{{1,2}}|{f}{s}[0-9]{{1,2}}|{f}[0-9][A-HJKPSTUW]|{f}{s}[0-9][ABEHMNPRVWXY])".format(
    f=_FIRST, s=_SECOND)
STRICT_FORM = re.compile(r"^" + _OUTWARD + r" [0-9][ABD-HJLNP-UW-Z]{2}$|^GIR 0AA$")
LOOKALIKES = {"O": "O0", "0": "0O", "I": "I1", "1": "1I"}


def normalise_postcode(text):
    """'n1 9gu' -> 'N1 9GU', 'SW1A1AA' -> 'SW1A 1AA', 'NI 9GU' -> 'N1 9GU' (an I where only a digit can stand);
    None for anything that is not a postcode in form."""
    if text is None or (isinstance(text, float) and np.isnan(text)):
        return None
    compact = re.sub(r"[^0-9A-Za-z]", "", str(text)).upper()
    if not 5 <= len(compact) <= 7:
        return None
    return _repaired(compact)


@lru_cache(maxsize=200_000)
def _repaired(compact):
    candidate = compact[:-3] + " " + compact[-3:]
    if STRICT_FORM.match(candidate):
        return candidate
    # Try every O/0 and I/1 reading; take it only when exactly one reading is a postcode under Royal Mail's rules.
    choices = [LOOKALIKES.get(c, c) for c in compact]
    readings = set()
    if sum(len(c) > 1 for c in choices) <= 4:
        for letters in product(*choices):
            reading = "".join(letters)
            reading = reading[:-3] + " " + reading[-3:]
            if reading != candidate and STRICT_FORM.match(reading):
                readings.add(reading)
    if len(readings) == 1:
        return readings.pop()
    return candidate if POSTCODE_FORM.match(candidate) else None


def split_trailing_postcode(text):
    """(address without its postcode, postcode) when a written address ends in a postcode, else (text, None). The
    postcode may be written in one, two or three pieces ('SE149BA', 'SE14 9BA', 'SE14 9B A', 'SE 14 9BA'); a
    postcode in pieces starts with a letter as written, so a house number before it is never taken for its
    start ('London SE 14 9BA' is SE14 9BA, not I4 9BA)."""
    upper = str(text or "").upper().rstrip(" ,.")
    pieces = list(re.finditer(r"[^\s,]+", upper))
    for count in (1, 2, 3):
        if len(pieces) < count:
            break
        joined = "".join(piece.group(0) for piece in pieces[-count:])
        if not 5 <= len(joined) <= 7 or not re.search(r"[0-9]", joined) or (count > 1 and not joined[0].isalpha()):
            continue
        postcode = normalise_postcode(joined)
        if postcode is not None:
            return upper[:pieces[-count].start()].rstrip(" ,"), postcode
    return text, None


# an outward code alone ('SE25', 'CR7', 'E3'): a postcode cut to its district
DISTRICT_FORM = re.compile("^" + _OUTWARD + "$")


def split_trailing_district(text):
    """(address without it, district) when a written address ends in a postcode cut to its district after two words
    or more ('Dickens House, Fern St, SE25'; 'Cressy Hse Victoria St Croydon CR7'), else (text, None). A unit's
    name before it is a flat, not a district ('Unit B2')."""
    upper = str(text or "").upper().rstrip(" ,.")
    pieces = list(re.finditer(r"[^\s,]+", upper))
    if len(pieces) < 3 or not DISTRICT_FORM.match(pieces[-1].group(0)) \
            or pieces[-2].group(0) in ("FLAT", "UNIT", "APARTMENT", "APT", "ROOM", "BLOCK", "STUDIO", "NO", "NO."):
        return text, None
    return upper[:pieces[-1].start()].rstrip(" ,"), pieces[-1].group(0)


def normalise_postcodes(values):
    return [normalise_postcode(v) for v in values]
