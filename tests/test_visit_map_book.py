"""Visit map book (issue 12, part 2): the page plan (QGIS-free), and the PDF the algorithm prints from the
sample: one page per split area, pages that are not blank and show the risk bands, the right postcodes in each
page's table in visit order, a page that says it has no P1 postcodes, and the bad inputs of the issue."""
import os
import re
import shutil
import subprocess

import numpy as np
import pytest
from qgis.core import QgsProcessingException

from helpers import REPO, run_algorithm, sample_fire_risk

from community_risk.processing.analysis.map_book import (
    band_labels,
    banded,
    page_stems,
    plan_map_book,
    short_reason,
)

BAND_COLOURS = ("#1a9641", "#a6d96a", "#ffffbf", "#fdae61", "#d7191c")
STATIONS = ("Northeast", "Northwest", "Southeast", "Southwest")  # page order: by name


# --- the plan -------------------------------------------------------------------------------------------

def test_pages_in_name_order_and_visits_p1_first_then_by_rank():
    plan = plan_map_book(["b", "A", "c"], point_area=[0, 0, 1, 0, -1, 0, 2],
                         tiers=["P2", "P1", "P1", "P1", "P1", "P3", "p2 "], ranks=[2, 9, 1, 5, 3, 4, None],
                         rows_per_page=2)
    assert [(p.number, p.name) for p in plan.pages] == [(1, "A"), (2, "b"), (3, "c")]
    assert plan.page_of_point.tolist() == [2, 2, 1, 2, 0, 0, 3]
    # area 'b': P1 rank 5, P1 rank 9, then P2 rank 2; the table holds two rows
    assert plan.visit_number.tolist() == [3, 2, 1, 1, 0, 0, 1]
    assert plan.listed.tolist() == [False, True, True, True, False, False, True]
    assert plan.outside == 1 and plan.tier.tolist()[5] == "" and plan.tier.tolist()[6] == "P2"
    b = plan.pages[1]
    assert b.counts == {"P1": 2, "P2": 1} and b.listed == 2
    assert "the first 2 of 3" in b.note()


def test_a_page_without_p1_postcodes_says_so():
    plan = plan_map_book(["only P2", "nothing"], [0, 0], ["P2", "P2"], [1, 2])
    assert plan.pages[1].name == "only P2" and plan.pages[1].note().startswith("No P1 postcodes in this area. 2 P2")
    assert plan.pages[0].note().startswith("No P1 or P2 postcodes in this area")
    assert "first" not in plan.pages[1].note()  # both rows fit: no overflow sentence


def test_page_file_names_are_safe_and_unique():
    assert page_stems(["Bow", "Bow", "St. Mary's / Bow", ""]) == ["Bow", "Bow_2", "St_Mary_s_Bow", "area"]
    plan = plan_map_book(["Bow", None, "bow"], [], [], [])
    assert [p.name for p in plan.pages] == ["(no name)", "Bow", "bow"]
    assert len({p.stem.lower() for p in plan.pages}) == 3


def test_reasons_lose_their_rank_clause_and_bands_keep_the_layer_labels():
    assert short_reason("Rank 3 of 4000: 7 households at risk (top 1%); area risk 41.2") == \
        "7 households at risk (top 1%); area risk 41.2"
    assert short_reason("Safle 3 o 4000: rhywbeth") == "rhywbeth"
    assert short_reason(None) == "" and short_reason(float("nan")) == ""
    labels = band_labels([1, 5, None, 5], ["Up to 10", "Over 25", "x", "Over 25"])
    assert labels[0] == "Up to 10" and labels[4] == "Over 25" and labels[2] == "Average"


def test_bands_are_whole_numbers_one_to_five():
    assert banded([1, 5, "3", 2.0, None, float("nan"), 0, 6, 2.5, "Average", -1]).tolist() == [
        True, True, True, True, False, False, False, False, False, False, False]


def test_a_field_without_bands_is_refused_and_missing_bands_said(inputs, tmp_path):
    with pytest.raises(QgsProcessingException, match="holds no band from 1 to 5"):
        run_algorithm("communityrisk:visitmapbook", book_parameters(inputs, str(tmp_path / "b.pdf"),
                                                                     BAND_FIELD="rate_10k"))
    assert not os.path.exists(tmp_path / "b.pdf")
    import geopandas as gpd
    from qgis.core import QgsProcessingFeedback

    risk = gpd.read_file(inputs["risk"])
    risk.loc[:2, "band"] = None
    risk.to_file(tmp_path / "gaps.gpkg", driver="GPKG")
    warnings = []

    class Feedback(QgsProcessingFeedback):
        def pushWarning(self, text):  # noqa: N802
            warnings.append(text)

    run_algorithm("communityrisk:visitmapbook", book_parameters(inputs, str(tmp_path / "b.pdf"),
                                                                 RISK=str(tmp_path / "gaps.gpkg")), Feedback())
    assert pdf_pages(tmp_path / "b.pdf") == 4
    assert any(w.startswith("3 area(s) of 'gaps' have no band from 1 to 5") for w in warnings), warnings


def test_split_areas_away_from_the_risk_areas_are_said(inputs, tmp_path):
    from helpers import memory_layer
    from qgis.core import QgsProcessingFeedback
    from qgis.PyQt.QtCore import QVariant

    elsewhere = memory_layer("Polygon", "elsewhere", [("name", QVariant.String)], [
        ("POLYGON((300000 300000, 302000 300000, 302000 302000, 300000 302000, 300000 300000))", ["Far"])])
    warnings = []

    class Feedback(QgsProcessingFeedback):
        def pushWarning(self, text):  # noqa: N802
            warnings.append(text)

    out = tmp_path / "b.pdf"
    run_algorithm("communityrisk:visitmapbook", book_parameters(inputs, str(out), SPLIT_AREAS=elsewhere,
                                                                 SPLIT_FIELD="name"), Feedback())
    assert pdf_pages(out) == 1 and any("lies on or near the split areas" in w for w in warnings), warnings


def test_rows_per_page_is_checked():
    from community_risk.processing.analysis.messages import AnalysisError

    with pytest.raises(AnalysisError, match="from 1 to 60"):
        plan_map_book(["a"], [], [], [], rows_per_page=0)


# --- the PDF ----------------------------------------------------------------------------------------------

def pdf_pages(path):
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    return int(next(line.split()[1] for line in info.splitlines() if line.startswith("Pages:")))


def page_text(path, page):
    """The page's text (ligatures such as 'ﬁ' as plain letters)."""
    import unicodedata

    return unicodedata.normalize("NFKC", subprocess.run(
        ["pdftotext", "-layout", "-f", str(page), "-l", str(page), str(path), "-"],
        capture_output=True, text=True, check=True).stdout)


def page_pixels(path, page, folder, dpi=40):
    """The page rendered by pdftoppm, as an (h, w, 3) array."""
    stem = os.path.join(str(folder), "page{}".format(page))
    subprocess.run(["pdftoppm", "-r", str(dpi), "-f", str(page), "-l", str(page), "-singlefile", str(path), stem],
                   check=True)
    with open(stem + ".ppm", "rb") as handle:
        data = handle.read()
    parts = data.split(maxsplit=4)  # P6, width, height, maxval, pixels
    width, height = int(parts[1]), int(parts[2])
    return np.frombuffer(parts[4][-width * height * 3:], dtype=np.uint8).reshape(height, width, 3)


def band_share(pixels):
    """Share of the map's pixels (the left 60% of the page, below the heading) in a band colour."""
    height, width, _ = pixels.shape
    return band_share_of(pixels[int(height * 0.13):int(height * 0.8), int(width * 0.03):int(width * 0.6)].reshape(-1, 3))


def band_share_of(rgb_rows):
    hits = np.zeros(len(rgb_rows), dtype=bool)
    for colour in BAND_COLOURS:
        rgb = np.array([int(colour[i:i + 2], 16) for i in (1, 3, 5)])
        hits |= np.abs(rgb_rows.astype(int) - rgb).max(axis=1) <= 12
    return hits.mean()


@pytest.fixture(scope="module")
def inputs(tmp_path_factory, sample_path):
    """The sample's fire risk bands and priority postcodes per station ground (few P1, so some grounds have
    none)."""
    folder = tmp_path_factory.mktemp("map_book_inputs")
    sample_fire_risk(sample_path, folder)
    run_algorithm("communityrisk:prioritypostcodes", {
        "POSTCODES": sample_path + "|layername=postcodes", "POSTCODE_FIELD": "postcode",
        "AREAS": str(folder / "risk.gpkg"), "AREA_RISK_FIELD": "rate_10k", "P1_COUNT": 2, "P2_COUNT": 60,
        "SPLIT_AREAS": sample_path + "|layername=station_grounds", "SPLIT_FIELD": "station",
        "OUTPUT": str(folder / "priority.gpkg")})
    return {"risk": str(folder / "risk.gpkg"), "priority": str(folder / "priority.gpkg"),
            "grounds": sample_path + "|layername=station_grounds", "roads": sample_path + "|layername=roads"}


def book_parameters(inputs, out, **changes):
    parameters = {"SPLIT_AREAS": inputs["grounds"], "SPLIT_FIELD": "station", "RISK": inputs["risk"],
                  "POSTCODES": inputs["priority"], "ROADS": inputs["roads"], "ROWS": 12, "OUTPUT": out}
    parameters.update(changes)
    return parameters


def expected_rows(priority, station, rows):
    import geopandas as gpd

    table = gpd.read_file(priority)
    table = table[(table["split_area"] == station) & table["tier"].isin(["P1", "P2"])]
    return table.sort_values(["tier", "rank"])["postcode"].tolist()[:rows]


@pytest.fixture(scope="module")
def book(inputs, tmp_path_factory):
    folder = tmp_path_factory.mktemp("map_book")
    # folders that do not exist yet: both are created
    out = folder / "new" / "deeper" / "book.pdf"
    result = run_algorithm("communityrisk:visitmapbook", book_parameters(
        inputs, str(out), PAGES=str(folder / "pages" / "each"), ROAD_NAME_FIELD="road_class"))
    return result, out, folder


def test_one_page_per_split_area_and_one_pdf_each(book):
    result, out, folder = book
    assert result["PAGE_COUNT"] == 4 and pdf_pages(out) == 4
    assert sorted(os.listdir(folder / "pages" / "each")) == [s + ".pdf" for s in STATIONS]
    for station in STATIONS:
        assert pdf_pages(folder / "pages" / "each" / (station + ".pdf")) == 1
    assert not [name for name in os.listdir(out.parent) if name != "book.pdf"]  # no partial files left


def test_pages_are_not_blank_and_show_the_risk_bands(book, tmp_path):
    _, out, _ = book
    for page in range(1, 5):
        pixels = page_pixels(out, page, tmp_path)
        assert pixels.std() > 30, "page {} looks blank".format(page)
        assert band_share(pixels) > 0.3, "page {}: the map shows few band colours".format(page)


def test_the_map_keeps_the_template_frame(inputs, tmp_path):
    """A template's map has no extent until filled; the atlas then resized the frame to each area's
    proportions: a tall area's map ran down under the legend and the attributions. In the attributions' strip
    (203.5-209 mm down), no band colours."""
    from community_risk.processing.algorithms.map_book import in_proportion
    from helpers import memory_layer
    from qgis.core import QgsRectangle
    from qgis.PyQt.QtCore import QVariant

    fitted = in_proportion(QgsRectangle(0, 0, 100, 400), 172, 148)
    assert abs(fitted.width() / fitted.height() - 172 / 148) < 1e-9 and fitted.center().y() == 200
    tall = memory_layer("Polygon", "tall", [("name", QVariant.String)], [
        ("POLYGON((529000 178000, 531000 178000, 531000 186000, 529000 186000, 529000 178000))", ["Tall"])])
    out = tmp_path / "book.pdf"
    run_algorithm("communityrisk:visitmapbook", book_parameters(inputs, str(out), SPLIT_AREAS=tall,
                                                                 SPLIT_FIELD="name"))
    pixels = page_pixels(out, 1, tmp_path, dpi=60)
    height, width, _ = pixels.shape
    assert band_share(pixels) > 0.3
    below = pixels[int(height * 203.5 / 210):int(height * 209 / 210), int(width * 10 / 297):int(width * 178 / 297)]
    assert band_share_of(below.reshape(-1, 3)) < 0.01


def test_each_page_lists_its_own_postcodes_in_visit_order(book, inputs):
    _, out, _ = book
    listed = 0
    for page, station in enumerate(STATIONS, start=1):
        text = page_text(out, page)
        assert "Home fire safety visits: {}".format(station) in text
        assert "Page {} of 4".format(page) in text and "Contains OS data" in text and "(LFB)" in text
        assert "A road" in text or "B road" in text  # the road names (here their class) along the roads
        wanted = expected_rows(inputs["priority"], station, 12)
        if not wanted:  # the table's own message
            assert text.count("No P1 or P2 postcodes in this area") == 2, text
            continue
        listed += 1
        positions = [text.find(code) for code in wanted]
        assert all(p >= 0 for p in positions), (station, wanted, text)
        assert positions == sorted(positions), "not in visit order on page {}".format(page)
        others = [code for other in STATIONS if other != station
                  for code in expected_rows(inputs["priority"], other, 12)]
        assert not [code for code in others if code in text], station
    assert listed >= 2


def test_a_ground_without_p1_postcodes_says_so(book, inputs):
    import geopandas as gpd

    _, out, _ = book
    table = gpd.read_file(inputs["priority"])
    without = [s for s in STATIONS if not ((table["split_area"] == s) & (table["tier"] == "P1")).any()]
    assert without  # two P1 postcodes for four grounds
    for page, station in enumerate(STATIONS, start=1):
        said = re.search("No P1 (or P2 )?postcodes in this area", " ".join(page_text(out, page).split())) is not None
        assert said == (station in without), station


def test_a_full_table_of_long_reasons_fits_the_page(inputs, tmp_path):
    """The default rows per page (25) with reasons as long as Priority postcodes writes them (three parts):
    every row is printed, none cut off at the foot of the table."""
    from helpers import memory_layer
    from qgis.PyQt.QtCore import QVariant

    reason = ("Rank {} of 5540: 12 households at risk (top 1%); lifestyle index 139 (top 5%); area risk 48.3 "
              "(top 3%)")
    rows = [("POINT({} {})".format(527000 + 100 * (k % 10), 183000 + 200 * (k // 10)),
             ["XS{} {}AB".format(k // 10, k % 10), "P1", k + 1, reason.format(k + 1)]) for k in range(30)]
    points = memory_layer("Point", "priority", [("postcode", QVariant.String), ("tier", QVariant.String),
                                                ("rank", QVariant.Int), ("reason", QVariant.String)], rows)
    out = tmp_path / "book.pdf"
    parameters = book_parameters(inputs, str(out), POSTCODES=points)
    del parameters["ROWS"]
    run_algorithm("communityrisk:visitmapbook", parameters)
    text = page_text(out, 2)  # Northwest
    assert "Northwest" in text and "the first 25 of 30" in " ".join(text.split())
    listed = [code for code, *_ in (r[1] for r in rows[:25])]
    assert all(code in text for code in listed), [code for code in listed if code not in text]
    assert rows[25][1][0] not in text


@pytest.mark.parametrize("at_percent", [50, 90])
def test_cancel_keeps_the_earlier_book(inputs, tmp_path, at_percent):
    """Cancelled half way (reading) or while the pages print (the layout exporter's own feedback): nothing is
    written, and the earlier book and pages stay byte for byte as they were."""
    import hashlib

    from helpers import cancelling_feedback

    parameters = book_parameters(inputs, str(tmp_path / "book.pdf"), PAGES=str(tmp_path / "pages"))
    run_algorithm("communityrisk:visitmapbook", parameters)
    files = sorted(str(p) for p in tmp_path.rglob("*") if p.is_file())
    before = {f: hashlib.sha256(open(f, "rb").read()).hexdigest() for f in files}
    with pytest.raises(QgsProcessingException, match="Cancelled"):
        run_algorithm("communityrisk:visitmapbook", parameters, feedback=cancelling_feedback(at_percent))
    after = {f: hashlib.sha256(open(f, "rb").read()).hexdigest()
             for f in sorted(str(p) for p in tmp_path.rglob("*") if p.is_file())}
    assert after == before and len(before) == 5


def test_empty_postcode_layer_prints_pages_that_say_no_visits(inputs, tmp_path):
    from test_hostile import layer_copy

    empty = layer_copy(inputs["priority"], tmp_path / "empty.gpkg", empty=True)
    out = tmp_path / "book.pdf"
    run_algorithm("communityrisk:visitmapbook", book_parameters(inputs, str(out), POSTCODES=empty, ROADS=None))
    assert pdf_pages(out) == 4
    assert all("No P1 or P2 postcodes in this area" in " ".join(page_text(out, p).split()) for p in range(1, 5))


def test_layers_in_another_crs_are_reprojected(inputs, tmp_path):
    from test_hostile import layer_copy

    risk = layer_copy(inputs["risk"], tmp_path / "risk_wgs84.gpkg", crs="EPSG:4326")
    points = layer_copy(inputs["priority"], tmp_path / "priority_wgs84.gpkg", crs="EPSG:4326")
    out = tmp_path / "book.pdf"
    run_algorithm("communityrisk:visitmapbook", book_parameters(inputs, str(out), RISK=risk, POSTCODES=points))
    assert pdf_pages(out) == 4
    assert band_share(page_pixels(out, 1, tmp_path)) > 0.3
    assert expected_rows(inputs["priority"], STATIONS[0], 1)[0] in page_text(out, 1)


@pytest.mark.parametrize("crs, message", [("EPSG:4326", "geographic"), ("", "no coordinate reference system")])
def test_split_areas_must_be_projected(inputs, tmp_path, crs, message):
    from test_hostile import layer_copy

    grounds = layer_copy(inputs["grounds"], tmp_path / "grounds.gpkg", crs=crs)
    with pytest.raises(QgsProcessingException, match=message):
        run_algorithm("communityrisk:visitmapbook", book_parameters(inputs, str(tmp_path / "book.pdf"),
                                                                     SPLIT_AREAS=grounds))
    assert not os.path.exists(tmp_path / "book.pdf")


def test_a_restyled_template_is_used_and_a_template_without_map_refused(inputs, tmp_path):
    text = open(os.path.join(REPO, "resources", "visit_map_book.qpt"), encoding="utf-8").read()
    assert all('id="{}"'.format(i) in text for i in ("map", "scalebar", "north_arrow", "legend", "title", "note"))
    mine = tmp_path / "mine.qpt"
    mine.write_text(text.replace("[% @map_book_title %]", "Crew sheet [% @map_book_title %]"), encoding="utf-8")
    out = tmp_path / "book.pdf"
    run_algorithm("communityrisk:visitmapbook", book_parameters(inputs, str(out), TEMPLATE=str(mine),
                                                                 TITLE="Visits"))
    assert "Crew sheet Visits: Northeast" in page_text(out, 1)
    broken = tmp_path / "no_map.qpt"
    broken.write_text(text.replace('id="map"', 'id="not_the_map"'), encoding="utf-8")
    with pytest.raises(QgsProcessingException, match="no map item"):
        run_algorithm("communityrisk:visitmapbook", book_parameters(inputs, str(tmp_path / "b.pdf"),
                                                                     TEMPLATE=str(broken)))


def test_poppler_is_installed():
    assert shutil.which("pdftoppm") and shutil.which("pdfinfo") and shutil.which("pdftotext")
