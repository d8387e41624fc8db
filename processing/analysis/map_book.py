"""Visit map book: what each page of the atlas shows. One page per split area (station ground, ward,
borough), in name order; on it, the P1 and P2 postcodes that lie in the area, in visit order (P1 first, then
by priority rank), numbered so the table beside the map and the numbers on the map agree.

QGIS-free: the Processing algorithm reads the layers, calls plan_map_book() and fills the print layout."""
import re
from dataclasses import dataclass, field

import numpy as np

from .banding import NAMES as BAND_NAMES
from .messages import AnalysisError, translatable

VISIT_TIERS = ("P1", "P2")
DEFAULT_ROWS = 25
MAX_ROWS = 60
DEFAULT_TITLE = translatable("Home fire safety visits")
ATTRIBUTION = translatable(
    "Contains OS data © Crown copyright and database right. Contains National Statistics data © Crown copyright "
    "and database right (ONS). Contains Royal Mail data © Royal Mail copyright and database right. Fire "
    "incidents: London Fire Brigade (LFB) Incident Records. Public sector information licensed under the Open "
    "Government Licence v3.0.")
# The reason prioritypostcodes writes begins "Rank 3 of 4000: " (any language): the table has its own number.
_RANK_CLAUSE = re.compile(r"^[^:;]*\d[^:;]*:\s+")


@dataclass
class MapPage:
    number: int  # 1-based, in name order: the page of the book
    name: str  # the split area's name as given
    stem: str  # file name (without .pdf) of the area's own PDF: letters, digits, - and _ only, unique
    area: int  # index of the split area in the input
    counts: dict = field(default_factory=dict)  # "P1", "P2" -> postcodes in the area
    listed: int = 0  # rows printed in the page's table

    def note(self, translate=lambda text: text):
        """One sentence for the top of the page: how many visits, and what the table holds."""
        p1, p2 = self.counts.get("P1", 0), self.counts.get("P2", 0)
        if p1 == 0 and p2 == 0:
            return translate(translatable("No P1 or P2 postcodes in this area: no home fire safety visits are due "
                                          "here in this round."))
        if p1 == 0:
            text = translate(translatable("No P1 postcodes in this area. {} P2 postcodes (visit next)."))
            text = text.format(p2)
        else:
            text = translate(translatable("{} P1 postcodes (visit first) and {} P2 (visit next).")).format(p1, p2)
        if self.listed < p1 + p2:
            more = translate(translatable("The table lists the first {} of {}; the rest are in the area's visit "
                                          "list."))
            text += " " + more.format(self.listed, p1 + p2)
        return text + " " + translate(translatable("Numbers on the map are the rows of the table."))

    def page_label(self, total, translate=lambda text: text):
        return translate(translatable("Page {} of {}")).format(self.number, total)


@dataclass
class MapBookPlan:
    pages: list  # MapPage, in page order
    page_of_point: np.ndarray  # page number of each postcode (0: not on any page)
    visit_number: np.ndarray  # 1… within its page, in visit order (0: not a P1/P2 postcode on a page)
    tier: np.ndarray  # "P1", "P2" or "" per postcode
    listed: np.ndarray  # True where the postcode is a row of its page's table
    outside: int  # P1/P2 postcodes in no split area


def normal_tier(value):
    """'P1' / 'P2' / 'P3' from the tier field as written ('p1 ', 'P1'); '' for anything else."""
    text = "" if value is None else str(value).strip().upper()
    return text if text in ("P1", "P2", "P3") else ""


def short_reason(reason):
    """The reason without its leading 'Rank 3 of 4000:' clause; '' for none."""
    if reason is None or (isinstance(reason, float) and not np.isfinite(reason)):
        return ""
    return _RANK_CLAUSE.sub("", str(reason).strip(), count=1)


def page_stems(names):
    """A unique, safe file name stem per page (names in page order), e.g. 'Tower_Hamlets', 'Bow_2'."""
    from .priority import file_stems

    seen, labels = {}, []
    for name in names:
        seen[name] = seen.get(name, 0) + 1
        labels.append(name if seen[name] == 1 else "{} {}".format(name, seen[name]))
    stems = file_stems(labels)
    return [stems[label] for label in labels]


def check_rows(rows):
    if not isinstance(rows, (int, np.integer)) or not 1 <= rows <= MAX_ROWS:
        raise AnalysisError(translatable("Rows per page must be a whole number from 1 to {}, not {}."), MAX_ROWS, rows)
    return int(rows)


def plan_map_book(area_names, point_area, tiers, ranks, rows_per_page=DEFAULT_ROWS):
    """Pages and the visit order of postcodes on them.

    area_names: the split areas' names (None or '' kept as '(no name)'); point_area: the index of the split
    area each postcode lies in (-1: none); tiers: the tier field's values; ranks: the priority rank (1 first;
    NaN or None last). Pages are in name order (case-insensitive; input order among equal names)."""
    rows_per_page = check_rows(rows_per_page)
    names = ["" if n is None else str(n).strip() for n in area_names]
    names = [n or "(no name)" for n in names]
    order = sorted(range(len(names)), key=lambda i: (names[i].casefold(), i))
    stems = page_stems([names[i] for i in order])
    page_of_area = np.zeros(len(names), dtype=np.int64)
    pages = []
    for number, (index, stem) in enumerate(zip(order, stems), start=1):
        page_of_area[index] = number
        pages.append(MapPage(number, names[index], stem, index))
    point_area = np.asarray(point_area, dtype=np.int64)
    tier = np.array([normal_tier(t) for t in tiers], dtype=object)
    visiting = np.isin(tier, VISIT_TIERS)
    tier[~visiting] = ""
    inside = point_area >= 0
    page_of_point = np.where(inside & visiting, page_of_area[np.maximum(point_area, 0)] if len(names) else 0, 0)
    rank = np.array([np.inf if r is None else r for r in ranks], dtype=float)
    rank[~np.isfinite(rank)] = np.inf
    # visit order: page, then P1 before P2, then rank, then input order
    sequence = np.lexsort((np.arange(len(rank)), rank, tier != "P1", page_of_point))
    visit_number = np.zeros(len(rank), dtype=np.int64)
    listed = np.zeros(len(rank), dtype=bool)
    previous, n = 0, 0
    for i in sequence[page_of_point[sequence] > 0]:
        n = n + 1 if page_of_point[i] == previous else 1
        previous = page_of_point[i]
        visit_number[i] = n
        listed[i] = n <= rows_per_page
    for page in pages:
        on_page = page_of_point == page.number
        page.counts = {t: int((on_page & (tier == t)).sum()) for t in VISIT_TIERS}
        page.listed = int((on_page & listed).sum())
    return MapBookPlan(pages, page_of_point, visit_number, tier, listed, int((visiting & ~inside).sum()))


def band_labels(bands, labels):
    """The legend label of each band 1-5: the risk layer's own band label where it has one (the fire model
    writes 'Up to 10 per 10,000 households' …), else the band's name ('Well below average' …, to translate)."""
    found = {}
    for band, label in zip(bands, labels):
        if band is None or label in (None, "") or not np.isfinite(float(band)):
            continue
        found.setdefault(int(band), str(label))
    return [found.get(b, name) for b, name in enumerate(BAND_NAMES, start=1)]


def banded(values, count=len(BAND_NAMES)):
    """Whether each value is a band 1…count (a whole number; text such as '3' counts, NULL and NaN do not)."""
    out = []
    for value in values:
        try:
            number = float(value)
        except (TypeError, ValueError):
            out.append(False)
            continue
        out.append(bool(np.isfinite(number)) and number.is_integer() and 1 <= number <= count)
    return np.array(out, dtype=bool)
