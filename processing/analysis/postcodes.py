"""UK postcodes as councils and fire services write them: normalised, checked for form."""
import re

import numpy as np

# Outward code (area letters, district digit(s) and optional letter), then inward code (digit, two letters).
POSTCODE_FORM = re.compile(r"^[A-Z]{1,2}[0-9][A-Z0-9]? [0-9][A-Z]{2}$")


def normalise_postcode(text):
    """'n1 9gu' -> 'N1 9GU', 'SW1A1AA' -> 'SW1A 1AA'; None for anything that is not a postcode in form."""
    if text is None or (isinstance(text, float) and np.isnan(text)):
        return None
    compact = re.sub(r"[^0-9A-Za-z]", "", str(text)).upper()
    if not 5 <= len(compact) <= 7:
        return None
    candidate = compact[:-3] + " " + compact[-3:]
    return candidate if POSTCODE_FORM.match(candidate) else None


def normalise_postcodes(values):
    return [normalise_postcode(v) for v in values]
