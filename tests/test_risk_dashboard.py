"""communityrisk:riskdashboard through Processing (issue 12): the sample borough per station ground with dated
incidents, factors and targets, into a folder that does not exist; what users feed it (a group with one area,
zero households, negative counts, no factors, 33 groups); the pages rendered by headless Chromium."""
import os

import pytest
from qgis.core import QgsProcessingException, QgsVectorLayer
from qgis.PyQt.QtCore import QVariant

from helpers import count_sample_incidents, memory_layer, run_algorithm
from test_dashboard import EXTERNAL

ALG = "communityrisk:riskdashboard"


@pytest.fixture(scope="module")
def counts(sample_path, tmp_path_factory):
    return count_sample_incidents(sample_path, tmp_path_factory.mktemp("dashboard_counts"))


def square(k, size=100):
    x = (k % 40) * size
    y = (k // 40) * size
    return "POLYGON(({0} {1}, {2} {1}, {2} {3}, {0} {3}, {0} {1}))".format(x, y, x + size, y + size)


def grid_layer(counts, households, groups=None, factors=None):
    fields = [("code", QVariant.String), ("fires", QVariant.Double), ("homes", QVariant.Double),
              ("borough", QVariant.String), ("deprivation", QVariant.Double), ("flats", QVariant.Double)]
    rows = []
    for k, (count, homes) in enumerate(zip(counts, households)):
        group = groups[k] if groups else "B{}".format(k % 3)
        deprivation, flats = factors[k] if factors else (k % 7, (k * 13) % 11)
        rows.append((square(k), ["A{:04d}".format(k), count, homes, group, deprivation, flats]))
    return memory_layer("Polygon", "grid", fields, rows)


def grid_parameters(layer, tmp_path, **extra):
    parameters = {"AREAS": layer, "AREA_ID": "code", "COUNT_FIELD": "fires", "HOUSEHOLDS_FIELD": "homes",
                  "YEARS": 3, "GROUP_FIELD": "borough", "FACTORS": ["deprivation", "flats"],
                  "OUTPUT": str(tmp_path / "out.gpkg"), "PAGES": str(tmp_path / "pages")}
    parameters.update(extra)
    return parameters


def grid_counts(n=120):
    households = [400 + (k * 37) % 900 for k in range(n)]
    return [round(0.006 * h) for h in households], households


def test_sample_per_station_ground_with_incidents_factors_and_targets(sample_path, counts, tmp_path):
    targets = tmp_path / "targets.csv"
    targets.write_text("group,measure,planned,made\nNorthwest,Home fire safety visits,400,310\n"
                       ",Home fire safety visits,1500,1320\n", encoding="utf-8")
    out = tmp_path / "not" / "yet" / "there"
    result = run_algorithm(ALG, {
        "AREAS": counts, "AREA_ID": "area_code", "NAME_FIELD": "area_name", "COUNT_FIELD": "incidents",
        "HOUSEHOLDS_FIELD": "households", "YEARS": 8, "FACTORS": ["imd_score", "pct_social_rent", "pct_flats",
                                                                  "pct_over_65", "pct_no_car"],
        "SPLIT_AREAS": sample_path + "|layername=station_grounds", "SPLIT_FIELD": "station",
        "INCIDENTS": sample_path + "|layername=incidents", "DATE_FIELD": "date", "TARGETS": str(targets),
        "TITLE": "Dwelling fires", "ALL_AREAS_NAME": "The borough",
        "OUTPUT": str(out / "dashboard.gpkg"), "PAGES": str(out / "pages")})
    layer = QgsVectorLayer(result["OUTPUT"], "d", "ogr")
    assert layer.isValid() and layer.featureCount() == 480
    names = layer.fields().names()
    assert {"expected", "ratio", "funnel_z", "signal", "neighbours", "neighbour_rank"} <= set(names)
    signals = [f["signal"] for f in layer.getFeatures()]
    assert set(signals) <= {"above", "below", "within"} and signals.count("within") > 400
    first = next(layer.getFeatures())
    assert len(first["neighbours"].split(",")) == 5 and first["area_code"] not in first["neighbours"]
    assert abs(first["ratio"] * first["expected"] - first["incidents"]) < 1e-6
    assert os.path.exists(str(out / "dashboard.qml"))
    pages = sorted(os.listdir(result["PAGES"]))
    assert {"index.html", "all_areas.html", "Northwest.html", "Northeast.html", "charts"} <= set(pages)
    assert result["INDEX"] == os.path.join(result["PAGES"], "index.html") and result["ABOVE"] == signals.count("above")
    charts = os.listdir(os.path.join(result["PAGES"], "charts"))
    assert "Northwest_funnel.svg" in charts and "Northwest_lead.svg" in charts and "Northwest_targets.svg" in charts
    for name in charts:
        text = open(os.path.join(result["PAGES"], "charts", name), encoding="utf-8").read()
        assert text.startswith("<?xml") and text.count("<svg") == 1 and not EXTERNAL.search(text)
    northwest = open(os.path.join(result["PAGES"], "Northwest.html"), encoding="utf-8").read()
    assert "Dwelling fires: Northwest" in northwest and "made 310 of 400 planned" in northwest
    assert "no previous period in the incidents" in northwest  # the count covers all eight years
    everything = open(os.path.join(result["PAGES"], "all_areas.html"), encoding="utf-8").read()
    assert "made 1,320 of 1,500 planned" in everything
    for name in pages:
        if name.endswith(".html"):
            assert not EXTERNAL.search(open(os.path.join(result["PAGES"], name), encoding="utf-8").read()), name
    assert not [d for d in os.listdir(str(out)) if d.startswith(".community-risk-partial")]


def test_negative_counts_are_refused_and_nothing_is_written(tmp_path):
    fires, homes = grid_counts(30)
    fires[4] = -1
    parameters = grid_parameters(grid_layer(fires, homes), tmp_path)
    with pytest.raises(QgsProcessingException, match="negative or infinite for 1 area.*A0004"):
        run_algorithm(ALG, parameters)
    assert not os.path.exists(parameters["OUTPUT"])
    assert not os.path.exists(parameters["PAGES"]) or os.listdir(parameters["PAGES"]) == []


def test_zero_households_are_left_out_and_named(tmp_path):
    from qgis.core import QgsProcessingFeedback

    fires, homes = grid_counts(60)
    homes[2], fires[2] = 0, 0
    warnings = []

    class Feedback(QgsProcessingFeedback):
        def pushWarning(self, text):  # noqa: N802
            warnings.append(text)

    result = run_algorithm(ALG, grid_parameters(grid_layer(fires, homes), tmp_path), feedback=Feedback())
    layer = QgsVectorLayer(result["OUTPUT"], "d", "ogr")
    by_code = {f["code"]: f for f in layer.getFeatures()}
    assert by_code["A0002"]["signal"] is None or str(by_code["A0002"]["signal"]) == "NULL"
    assert by_code["A0003"]["signal"] in ("above", "below", "within")
    assert any("no households" in w and "A0002" in w for w in warnings)
    page = open(os.path.join(result["PAGES"], "all_areas.html"), encoding="utf-8").read()
    assert "no households" in page and "A0002" in page


def test_a_group_with_one_area_and_33_groups(tmp_path):
    fires, homes = grid_counts(331)
    groups = ["Borough {:02d}".format(k % 33) for k in range(330)] + ["Solo"]
    result = run_algorithm(ALG, grid_parameters(grid_layer(fires, homes, groups), tmp_path))
    pages = [name for name in os.listdir(result["PAGES"]) if name.endswith(".html")]
    assert len(pages) == 34 + 1 + 1  # 33 boroughs and Solo, all areas, the index
    solo = open(os.path.join(result["PAGES"], "Solo.html"), encoding="utf-8").read()
    assert "Incidents: Solo" in solo and "1 areas" in solo


def test_without_factors_the_pages_say_there_are_no_neighbours_or_lead_indicators(tmp_path):
    fires, homes = grid_counts(40)
    result = run_algorithm(ALG, grid_parameters(grid_layer(fires, homes), tmp_path, FACTORS=[]))
    page = open(os.path.join(result["PAGES"], "B0.html"), encoding="utf-8").read()
    assert "No factor fields were given, so there are no statistical neighbours and no lead indicators" in page
    layer = QgsVectorLayer(result["OUTPUT"], "d", "ogr")
    assert all(not f["neighbours"] for f in layer.getFeatures())


def test_incidents_need_their_date_field_and_one_kind_of_group(sample_path, counts, tmp_path):
    base = {"AREAS": counts, "AREA_ID": "area_code", "COUNT_FIELD": "incidents", "HOUSEHOLDS_FIELD": "households",
            "YEARS": 8, "OUTPUT": str(tmp_path / "o.gpkg")}
    with pytest.raises(QgsProcessingException, match="date field of the incident layer"):
        run_algorithm(ALG, dict(base, INCIDENTS=sample_path + "|layername=incidents"))
    with pytest.raises(QgsProcessingException, match="either a group field or split areas"):
        run_algorithm(ALG, dict(base, GROUP_FIELD="area_name", SPLIT_AREAS=sample_path + "|layername=station_grounds",
                                SPLIT_FIELD="station"))
    with pytest.raises(QgsProcessingException, match="480 different values"):
        run_algorithm(ALG, dict(base, GROUP_FIELD="area_name"))
    assert not os.path.exists(base["OUTPUT"])


def test_a_count_written_as_text_is_read_and_a_word_is_refused(tmp_path):
    fields = [("code", QVariant.String), ("fires", QVariant.String), ("homes", QVariant.Double)]
    rows = [(square(k), ["A{}".format(k), str(k % 4), 500.0]) for k in range(30)]
    result = run_algorithm(ALG, {"AREAS": memory_layer("Polygon", "text", fields, rows), "AREA_ID": "code",
                                 "COUNT_FIELD": "fires", "HOUSEHOLDS_FIELD": "homes", "YEARS": 3,
                                 "OUTPUT": str(tmp_path / "text.gpkg")})
    assert QgsVectorLayer(result["OUTPUT"], "d", "ogr").featureCount() == 30
    rows[5] = (square(5), ["A5", "seven", 500.0])
    with pytest.raises(QgsProcessingException, match="'fires'.*should hold numbers but has 'seven'"):
        run_algorithm(ALG, {"AREAS": memory_layer("Polygon", "text", fields, rows), "AREA_ID": "code",
                            "COUNT_FIELD": "fires", "HOUSEHOLDS_FIELD": "homes", "YEARS": 3,
                            "OUTPUT": str(tmp_path / "word.gpkg")})
