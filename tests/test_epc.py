"""EPC certificates: the register's schema generated over real postcodes, loaded latest-per-home and placed."""
import numpy as np
import pandas as pd
import pytest
from qgis.core import QgsProcessingException

from community_risk.processing.analysis import epc
from community_risk.synthetic import epc_certificates
from community_risk.processing.analysis.messages import AnalysisError
from helpers import london_file, run_algorithm


@pytest.fixture(scope="module")
def certificates(tmp_path_factory):
    postcodes = pd.read_csv(london_file("postcodes.csv.gz"))
    postcodes = postcodes[postcodes["lad_code"] == "E09000019"]
    indicators = pd.read_csv(london_file("imd_2019_underlying_indicators_lsoa.csv.gz")).set_index("LSOA code (2011)")
    indicators = indicators.rename(columns={"Houses without central heating indicator": "no_central_heating",
                                            "Housing in poor condition indicator": "poor_condition"})
    frame = epc_certificates.generate_certificates(postcodes, indicators, n_homes=3000)
    folder = tmp_path_factory.mktemp("epc")
    path = folder / "certificates.csv"
    frame.to_csv(path, index=False)
    postcodes_path = folder / "postcodes.csv"
    postcodes.to_csv(postcodes_path, index=False)
    return frame, str(path), postcodes, folder


def test_generated_certificates_follow_the_register_schema(certificates):
    frame, _, _, _ = certificates
    assert tuple(frame.columns) == epc.SCHEMA
    assert frame["LMK_KEY"].is_unique and len(frame) > 3000  # repeat certificates for the same home
    valid = frame["CURRENT_ENERGY_RATING"].isin(list(epc.RATINGS))
    assert valid.mean() > 0.99
    for rating, (low, high) in epc.EFFICIENCY_BANDS.items():
        values = frame.loc[frame["CURRENT_ENERGY_RATING"] == rating, "CURRENT_ENERGY_EFFICIENCY"].astype(int)
        assert values.between(low, high).all(), rating


def test_latest_certificate_per_home(certificates):
    frame, path, _, _ = certificates
    homes, notes = epc.load_certificates(epc.read_certificates(path))
    assert len(homes) == 3000  # one per generated home
    latest = frame.assign(date=pd.to_datetime(frame["LODGEMENT_DATE"])).sort_values("date").drop_duplicates(
        "BUILDING_REFERENCE_NUMBER", keep="last")
    by_reference = dict(zip("B" + latest["BUILDING_REFERENCE_NUMBER"], latest["CURRENT_ENERGY_EFFICIENCY"].astype(float)))
    assert all(by_reference[k] == e for k, e in zip(homes["key"], homes["efficiency"]))
    assert homes["uprn"].notna().mean() > 0.88  # UPRN from any certificate; 15% of certificates lack one
    assert set(homes["heating"]) <= {"gas", "electric", "other", "none"}
    assert ((homes["rating"].isin(["F", "G"])) == (homes["band_fg"] == 1)).all()
    assert any("no valid rating" in str(n) for n in notes) or homes["rating"].notna().all()


def test_api_column_names_are_accepted(certificates, tmp_path):
    frame, path, _, _ = certificates
    api = frame.rename(columns=lambda c: c.lower().replace("_", "-"))[list(reversed(frame.columns.str.lower().str.replace("_", "-")))]
    api.to_csv(tmp_path / "api.csv", index=False)
    a, _ = epc.load_certificates(epc.read_certificates(path))
    b, _ = epc.load_certificates(epc.read_certificates(str(tmp_path / "api.csv")))
    assert a.sort_values("key").reset_index(drop=True).equals(b.sort_values("key").reset_index(drop=True))


def test_a_file_that_is_not_certificates_is_refused(tmp_path):
    pd.DataFrame({"a": [1], "b": [2]}).to_csv(tmp_path / "other.csv", index=False)
    with pytest.raises(AnalysisError) as raised:
        list(epc.read_certificates(str(tmp_path / "other.csv")))
    assert "other.csv" in str(raised.value) and "CURRENT_ENERGY_RATING" in str(raised.value)


def test_load_epc_through_processing(certificates, tmp_path):
    import geopandas as gpd

    frame, path, postcodes, folder = certificates
    gpd.GeoDataFrame(postcodes, geometry=gpd.points_from_xy(postcodes["easting"], postcodes["northing"]), crs=27700) \
        .to_file(tmp_path / "postcodes.gpkg", layer="postcodes")
    result = run_algorithm("communityrisk:loadepc", {"INPUT": path, "POSTCODES": str(tmp_path / "postcodes.gpkg"),
                                                     "POSTCODE_FIELD": "postcode", "AS_AT": "2025-01-01",
                                                     "OUTPUT": str(tmp_path / "homes.gpkg")})
    homes = gpd.read_file(tmp_path / "homes.gpkg")
    assert len(homes) == 3000 and result["UNPLACED"] == 0
    assert (homes["placed_by"] == "postcode").all()
    located = homes.merge(postcodes[["postcode", "easting", "northing"]], on="postcode")
    assert np.allclose(located.geometry.x, located["easting"]) and np.allclose(located.geometry.y, located["northing"])
    assert homes["cert_age_years"].between(0, 17).all()
    assert 0.1 < homes["band_fg"].mean() < 0.5 and 0.2 < homes["private_rented"].mean() < 0.45


def test_load_epc_refuses_a_missing_file(tmp_path):
    with pytest.raises(QgsProcessingException):
        run_algorithm("communityrisk:loadepc", {"INPUT": str(tmp_path / "nope.csv"), "POSTCODES": "x",
                                                "OUTPUT": str(tmp_path / "o.gpkg")})


def test_uprn_points_in_another_crs_and_postcodes_that_do_not_exist(certificates, tmp_path):
    import geopandas as gpd

    frame, _, postcodes, _ = certificates
    odd = frame.head(200).copy()
    odd.loc[odd.index[:20], "POSTCODE"] = "ZZ9 9ZZ"  # well formed, but no such postcode
    odd.loc[odd.index[:20], "UPRN"] = ""
    odd.to_csv(tmp_path / "odd.csv", index=False)
    postcode_points = gpd.GeoDataFrame(postcodes, geometry=gpd.points_from_xy(postcodes["easting"], postcodes["northing"]),
                                       crs=27700)
    postcode_points.to_file(tmp_path / "postcodes.gpkg", layer="postcodes")
    homes, _ = epc.load_certificates(epc.read_certificates(str(tmp_path / "odd.csv")))
    with_uprn = homes.dropna(subset=["uprn"]).head(50)
    uprns = gpd.GeoDataFrame({"UPRN": with_uprn["uprn"].astype(str).to_numpy()},
                             geometry=gpd.points_from_xy(np.full(len(with_uprn), 531000.0), np.full(len(with_uprn), 183000.0)),
                             crs=27700).to_crs(4326)
    uprns.to_file(tmp_path / "uprns.gpkg", layer="uprns")
    result = run_algorithm("communityrisk:loadepc", {"INPUT": str(tmp_path / "odd.csv"),
                                                     "POSTCODES": str(tmp_path / "postcodes.gpkg"), "POSTCODE_FIELD": "postcode",
                                                     "UPRNS": str(tmp_path / "uprns.gpkg"), "UPRN_FIELD": "UPRN",
                                                     "OUTPUT": str(tmp_path / "homes.gpkg")})
    placed = gpd.read_file(tmp_path / "homes.gpkg", layer="homes")
    by_uprn = placed[placed["placed_by"] == "uprn"]
    assert len(by_uprn) == 50
    assert np.allclose(by_uprn.geometry.x, 531000, atol=0.01) and np.allclose(by_uprn.geometry.y, 183000, atol=0.01)
    unplaced = placed[placed["placed_by"].isna()]
    assert result["UNPLACED"] == len(unplaced) > 0 and (unplaced["postcode"] == "ZZ9 9ZZ").all()
    assert unplaced.geometry.isna().all() or unplaced.geometry.is_empty.all()


# --- issue 8: dates in every form, encodings, gzip, long names, cancel, safe CSV; issue 9: styled from disk ---

def certificate_rows(rows):
    """Minimal register rows: (building reference, postcode, rating, lodgement date, address)."""
    return pd.DataFrame([{"BUILDING_REFERENCE_NUMBER": brn, "POSTCODE": postcode, "CURRENT_ENERGY_RATING": rating,
                          "CURRENT_ENERGY_EFFICIENCY": {"C": "72", "G": "12", "D": "60"}[rating],
                          "LODGEMENT_DATE": date, "ADDRESS1": address, "ADDRESS2": "Sampletown",
                          "TENURE": "rental (private)", "MAINS_GAS_FLAG": "Y", "UPRN": ""}
                         for brn, postcode, rating, date, address in rows])


def kept_ratings(frame, tmp_path, name="c.csv", **options):
    frame.to_csv(tmp_path / name, index=False, **options)
    homes, notes = epc.load_certificates(epc.read_certificates(str(tmp_path / name)))
    return dict(zip(homes["key"], homes["rating"])), " ".join(str(n) for n in notes)


def test_month_first_dates_keep_the_latest_certificate(tmp_path):
    # 01/12/2016 is 12 January and 11/02/2016 is 2 November: read day first, the G would look newer
    frame = certificate_rows([("1", "XS1 8AH", "G", "01/12/2016", "1 Albion Road"),
                              ("1", "XS1 8AH", "C", "11/02/2016", "1 Albion Road"),
                              ("2", "XS1 8AH", "D", "03/31/2016", "2 Albion Road")])
    kept, notes = kept_ratings(frame, tmp_path)
    assert kept == {"B1": "C", "B2": "D"}
    assert "month first" in notes and "03/31/2016" in notes and "01/12/2016" in notes  # the ambiguous one named


def test_excel_day_numbers_keep_the_latest_certificate(tmp_path):
    frame = certificate_rows([("1", "XS1 8AH", "G", "2014-01-01", "1 Albion Road"),
                              ("1", "XS1 8AH", "C", "43101", "1 Albion Road")])  # 1 January 2018, as Excel counts
    kept, notes = kept_ratings(frame, tmp_path)
    assert kept == {"B1": "C"} and "Excel day numbers" in notes
    homes, _ = epc.load_certificates(epc.read_certificates(str(tmp_path / "c.csv")))
    assert homes["date"].iloc[0] == pd.Timestamp("2018-01-01")


def test_dates_that_could_be_either_way_are_read_day_first_with_a_warning(tmp_path):
    frame = certificate_rows([("1", "XS1 8AH", "G", "05/06/2016", "1 Albion Road"),
                              ("1", "XS1 8AH", "C", "06/05/2016", "1 Albion Road")])
    kept, notes = kept_ratings(frame, tmp_path)
    assert kept == {"B1": "G"}  # 5 June is after 6 May
    assert "could be day first or month first" in notes and "05/06/2016" in notes


def test_date_reader_reads_each_form_in_one_column():
    from community_risk.processing.analysis.dates import DateReader

    reader = DateReader()
    values = pd.Series(["2016-03-31", "31/03/2016", "42460", "", "not a date", "2016-03-31 14:05:00"])
    dates = reader.read(values)
    assert list(dates.dt.strftime("%Y-%m-%d").fillna("")) == ["2016-03-31", "2016-03-31", "2016-03-31", "", "",
                                                              "2016-03-31"]
    notes = " ".join(str(n) for n in reader.notes("Dates"))
    assert "'not a date'" in notes and "day first" in notes


@pytest.mark.parametrize("name, options", [("c.csv.gz", {"compression": "gzip"}),
                                           ("c.csv", {"encoding": "cp1252"}),
                                           ("c.csv", {"encoding": "utf-16"})])
def test_gzipped_and_windows_1252_certificates_through_processing(sample_path, tmp_path, name, options):
    frame = certificate_rows([("1", "XS1 8AH", "G", "2014-01-01", "1 Café Row"),
                              ("1", "XS1 8AH", "C", "2018-01-01", "1 Café Row"),
                              ("2", "XS1 3WN", "D", "2016-01-01", "2 Ålesund Way")])
    frame.to_csv(tmp_path / name, index=False, **options)
    result = run_algorithm("communityrisk:loadepc", {"INPUT": str(tmp_path / name),
                                                     "POSTCODES": sample_path + "|layername=postcodes", "POSTCODE_FIELD": "postcode",
                                                     "OUTPUT": str(tmp_path / "homes.gpkg")})
    import geopandas as gpd

    homes = gpd.read_file(tmp_path / "homes.gpkg").sort_values("address")
    assert result["UNPLACED"] == 0
    assert list(homes["address"]) == ["1 Café Row, Sampletown", "2 Ålesund Way, Sampletown"]
    assert list(homes["rating"]) == ["C", "D"]


def sample_certificates(sample_path, tmp_path, n_homes=3000):
    import geopandas as gpd

    from community_risk.synthetic import epc_certificates

    postcodes = gpd.read_file(sample_path, layer="postcodes")
    frame = epc_certificates.generate_certificates(postcodes, None, n_homes=n_homes)
    frame.loc[frame.index[0], "ADDRESS1"] = "=HYPERLINK(\"http://x\",\"click\")"
    path = tmp_path / "certificates.csv"
    frame.to_csv(path, index=False)
    return str(path)


def test_csv_output_neutralises_formulas_and_keeps_numbers(sample_path, tmp_path):
    import csv

    path = sample_certificates(sample_path, tmp_path, 500)
    run_algorithm("communityrisk:loadepc", {"INPUT": path, "POSTCODES": sample_path + "|layername=postcodes", "POSTCODE_FIELD": "postcode",
                                            "OUTPUT": str(tmp_path / "homes.csv")})
    rows = list(csv.reader(open(tmp_path / "homes.csv", encoding="utf-8")))
    header = rows[0]
    assert header[-2:] == ["x", "y"] and "band_fg" in header
    assert not any(cell.startswith("=") for row in rows for cell in row)
    assert any(cell.startswith("'=HYPERLINK") for row in rows for cell in row)
    types = (tmp_path / "homes.csvt").read_text().strip().split(",")
    assert types[header.index("band_fg")] == '"Integer"' and types[header.index("x")] == '"Real"'
    raw = (tmp_path / "homes.csv").read_text(encoding="utf-8").splitlines()[1]
    assert '"' not in raw.split(",")[header.index("efficiency")]  # numbers unquoted


def test_output_opens_styled_by_rating_from_disk(sample_path, tmp_path):
    from qgis.core import QgsVectorLayer

    path = sample_certificates(sample_path, tmp_path, 300)
    run_algorithm("communityrisk:loadepc", {"INPUT": path, "POSTCODES": sample_path + "|layername=postcodes", "POSTCODE_FIELD": "postcode",
                                            "OUTPUT": str(tmp_path / "homes.gpkg")})
    layer = QgsVectorLayer(str(tmp_path / "homes.gpkg"), "homes", "ogr")
    renderer = layer.renderer()
    assert renderer.type() == "categorizedSymbol" and renderer.classAttribute() == "rating"
    assert [c.value() for c in renderer.categories()] == list("ABCDEFG")
    assert layer.fields().field("band_fg").alias() == "Rated F or G (1 = yes)"


def test_cancel_at_half_way_keeps_the_earlier_result(sample_path, tmp_path):
    import hashlib

    from helpers import cancelling_feedback

    path = sample_certificates(sample_path, tmp_path, 3000)
    params = {"INPUT": path, "POSTCODES": sample_path + "|layername=postcodes", "POSTCODE_FIELD": "postcode", "OUTPUT": str(tmp_path / "homes.gpkg")}
    run_algorithm("communityrisk:loadepc", params)
    before = hashlib.sha256((tmp_path / "homes.gpkg").read_bytes()).hexdigest()
    with pytest.raises(QgsProcessingException, match="Cancelled"):
        run_algorithm("communityrisk:loadepc", params, feedback=cancelling_feedback(50))
    assert hashlib.sha256((tmp_path / "homes.gpkg").read_bytes()).hexdigest() == before


def test_a_300_character_output_name_gets_a_clear_message(sample_path, tmp_path):
    path = sample_certificates(sample_path, tmp_path, 100)
    with pytest.raises(QgsProcessingException) as raised:
        run_algorithm("communityrisk:loadepc", {"INPUT": path, "POSTCODES": sample_path + "|layername=postcodes", "POSTCODE_FIELD": "postcode",
                                                "OUTPUT": str(tmp_path / ("h" * 296 + ".gpkg"))})
    assert "at most 255 characters" in str(raised.value)


@pytest.mark.parametrize("content", [b"", b"LMK_KEY,POSTCODE\n\x00\x00garbage"])
def test_an_empty_or_foreign_certificates_file_is_refused_clearly(sample_path, tmp_path, content):
    (tmp_path / "c.csv").write_bytes(content)
    with pytest.raises(QgsProcessingException) as raised:
        run_algorithm("communityrisk:loadepc", {"INPUT": str(tmp_path / "c.csv"),
                                                "POSTCODES": sample_path + "|layername=postcodes", "POSTCODE_FIELD": "postcode",
                                                "OUTPUT": str(tmp_path / "homes.gpkg")})
    assert "c.csv" in str(raised.value) and ("empty" in str(raised.value) or "lacks the column" in str(raised.value))


# --- issue 13: DuckDB reads the file; GDAL writes the GeoPackage in bulk -------------------------------------

def test_a_certificate_lodged_the_same_day_as_another_wins_by_its_place_in_the_file(tmp_path):
    frame = certificate_rows([("1", "XS1 8AH", "G", "2016-03-31", "1 Albion Road"),
                              ("1", "XS1 8AH", "C", "2016-03-31", "1 Albion Road"),
                              ("2", "XS1 8AH", "D", "", "2 Albion Road"),
                              ("2", "XS1 8AH", "G", "", "2 Albion Road")])
    kept, _ = kept_ratings(frame, tmp_path)
    assert kept == {"B1": "C", "B2": "G"}


def test_date_reader_weighs_each_distinct_value_by_how_often_it_occurs():
    from community_risk.processing.analysis.dates import DateReader

    values = pd.Series(["13/01/2016", "01/14/2016", "02/03/2016"])
    reader = DateReader()
    dates = reader.read(values, weights=[1, 5, 7])
    assert reader.day_first is False  # five month-first certificates outweigh one day-first
    assert list(dates.dt.strftime("%Y-%m-%d")) == ["2016-01-13", "2016-01-14", "2016-02-03"]
    assert reader.counts["numeric"] == 13 and reader.counts["contrary"] == 1 and reader.counts["ambiguous"] == 7


def test_geopackage_output_has_a_spatial_index_of_every_placed_home(sample_path, tmp_path):
    import sqlite3

    path = sample_certificates(sample_path, tmp_path, 400)
    frame = pd.read_csv(path, dtype=str, keep_default_na=False)
    frame.loc[frame.index[:5], ["POSTCODE", "UPRN"]] = ["ZZ9 9ZZ", ""]  # no such postcode: kept unplaced
    frame.to_csv(path, index=False)
    result = run_algorithm("communityrisk:loadepc", {"INPUT": path, "POSTCODES": sample_path + "|layername=postcodes",
                                                     "POSTCODE_FIELD": "postcode", "OUTPUT": str(tmp_path / "homes.gpkg")})
    database = sqlite3.connect(tmp_path / "homes.gpkg")
    homes, placed = database.execute("SELECT count(*), count(geom) FROM homes").fetchone()
    assert homes == 400 and placed == 400 - result["UNPLACED"] and result["UNPLACED"] >= 1
    assert database.execute("SELECT count(*) FROM rtree_homes_geom").fetchone()[0] == placed
    assert database.execute("SELECT rtreecheck('rtree_homes_geom')").fetchone()[0] == "ok"
    assert database.execute("SELECT count(*) FROM homes WHERE placed_by IS NULL AND geom IS NOT NULL").fetchone()[0] == 0


def test_a_shapefile_output_is_written_feature_by_feature(sample_path, tmp_path):
    from qgis.core import QgsVectorLayer

    path = sample_certificates(sample_path, tmp_path, 300)
    run_algorithm("communityrisk:loadepc", {"INPUT": path, "POSTCODES": sample_path + "|layername=postcodes",
                                            "POSTCODE_FIELD": "postcode", "OUTPUT": str(tmp_path / "homes.shp")})
    gpkg = tmp_path / "homes.gpkg"
    run_algorithm("communityrisk:loadepc", {"INPUT": path, "POSTCODES": sample_path + "|layername=postcodes",
                                            "POSTCODE_FIELD": "postcode", "OUTPUT": str(gpkg)})
    shapefile, geopackage = (QgsVectorLayer(str(p), "homes", "ogr") for p in (tmp_path / "homes.shp", gpkg))
    assert shapefile.featureCount() == geopackage.featureCount() == 300

    def rows(layer):
        return sorted((f["address"], f["rating"] or "", round(f.geometry().asPoint().x(), 1)) for f in layer.getFeatures())
    assert rows(shapefile) == rows(geopackage)


def test_postcodes_read_straight_from_a_geopackage_place_homes_as_qgis_reading_them_does(sample_path, tmp_path,
                                                                                         monkeypatch):
    import sqlite3

    from community_risk.processing.analysis import counting

    read = []
    original = counting.geopackage_points
    monkeypatch.setattr(counting, "geopackage_points", lambda *args: read.append(args) or original(*args))
    path = sample_certificates(sample_path, tmp_path, 500)
    outputs = []
    for postcodes in (sample_path + "|layername=postcodes", sample_path + "|layername=postcodes|subset=1 = 1"):
        outputs.append(str(tmp_path / "homes{}.gpkg".format(len(outputs))))
        run_algorithm("communityrisk:loadepc", {"INPUT": path, "POSTCODES": postcodes, "POSTCODE_FIELD": "postcode",
                                                "OUTPUT": outputs[-1]})
    assert len(read) == 1  # the subset made QGIS read the second run's postcodes

    def homes(output):
        name = output.rsplit("/", 1)[1][:-5]
        query = 'SELECT address, postcode, placed_by, hex(geom) FROM "{}" ORDER BY address, hex(geom)'.format(name)
        return sqlite3.connect(output).execute(query).fetchall()
    assert homes(outputs[0]) == homes(outputs[1]) and len(homes(outputs[0])) == 500


def test_same_day_ties_go_to_the_later_row_when_the_file_is_read_in_parallel(tmp_path):
    # 300,000 rows (14 MB): DuckDB reads the file in parallel pieces, so the later row must be known by the
    # file's order, not by the order pieces happen to finish in. Each home's two certificates are far apart.
    homes = 150000
    path = tmp_path / "ties.csv"
    with open(path, "w") as out:
        out.write("BUILDING_REFERENCE_NUMBER,POSTCODE,CURRENT_ENERGY_RATING,LODGEMENT_DATE,ADDRESS1\n")
        for later in (False, True):
            for home in range(homes):
                rating = "A" if (home % 2 == 1) == later else "G"
                out.write("{0},XS1 8AH,{1},2016-03-31,{0} Albion Road\n".format(home, rating))
    kept, _ = epc.load_certificates(epc.read_certificates(str(path)))
    expected = np.where(kept["key"].str[1:].astype(int) % 2 == 1, "A", "G")
    assert len(kept) == homes and (kept["rating"].to_numpy() == expected).all()


def test_a_certificate_dated_before_1800_keeps_its_home_and_date(tmp_path):
    # the kept certificate's date is read back from its order number: a typo (1750) must come back as written
    frame = certificate_rows([("1", "XS1 8AH", "G", "1750-06-01", "1 Albion Road"),
                              ("2", "XS1 8AH", "C", "2016-03-31", "2 Albion Road"),
                              ("2", "XS1 8AH", "D", "2012-03-31", "2 Albion Road")])
    frame.to_csv(tmp_path / "c.csv", index=False)
    homes, _ = epc.load_certificates(epc.read_certificates(str(tmp_path / "c.csv")))
    kept = {key: (rating, str(date)[:10]) for key, rating, date in zip(homes["key"], homes["rating"], homes["date"])}
    assert kept == {"B1": ("G", "1750-06-01"), "B2": ("C", "2016-03-31")}


# A statement long enough to be running when it is stopped (DuckDB gives up on it within a moment).
LONG_STATEMENT = "SELECT sum(hash(i)) FROM range(100000000000) t(i)"


def test_a_statement_on_its_own_thread_stops_when_its_progress_raises_and_frees_the_connection(tmp_path):
    from community_risk.processing.analysis.messages import Cancelled

    connection = epc.connect(str(tmp_path))
    query = epc.Query(connection, LONG_STATEMENT)
    calls = []

    def progress(fraction):
        calls.append(fraction)
        if len(calls) == 2:
            raise Cancelled()
    with pytest.raises(Cancelled):
        query.result(progress)
    assert not query.worker.is_alive() and 0 <= calls[0] < 1
    assert connection.execute("SELECT 42").fetchone() == (42,)
    stopped = epc.Query(connection, LONG_STATEMENT)
    stopped.stop()
    assert not stopped.worker.is_alive()
    with pytest.raises(Exception, match="(?i)interrupt"):
        stopped.result()
    connection.close()


def test_cancel_while_the_points_are_read_stops_the_certificates_read_begun_meanwhile(sample_path, tmp_path):
    import hashlib
    import threading

    from helpers import cancelling_feedback

    path = sample_certificates(sample_path, tmp_path, 3000)
    params = {"INPUT": path, "POSTCODES": sample_path + "|layername=postcodes", "POSTCODE_FIELD": "postcode",
              "OUTPUT": str(tmp_path / "homes.gpkg")}
    run_algorithm("communityrisk:loadepc", params)
    before = hashlib.sha256((tmp_path / "homes.gpkg").read_bytes()).hexdigest()
    with pytest.raises(QgsProcessingException, match="Cancelled"):
        run_algorithm("communityrisk:loadepc", params, feedback=cancelling_feedback(20))  # the postcodes' step
    assert hashlib.sha256((tmp_path / "homes.gpkg").read_bytes()).hexdigest() == before
    assert not [t for t in threading.enumerate() if t.name == "community-risk-duckdb"]


def test_point_blobs_read_all_at_once_equal_those_read_one_by_one():
    import struct

    from community_risk.processing.analysis import counting

    def blob(x, y, flags=1, order=1, envelope=b""):
        wkb = struct.pack("<BIdd" if order == 1 else ">BIdd", order, 1, x, y)
        return b"GP\x00" + bytes([flags]) + struct.pack("<i", 27700) + envelope + wkb

    nan = float("nan")
    plain = [blob(530000.5, 180000.25), blob(nan, nan, flags=0x11), blob(-1e-300, 1e300)]
    fast = counting._plain_point_blobs(plain)
    assert fast is not None
    one_by_one = counting.wkb_point_coordinates([None if b[3] & 0x10 else b[8:] for b in plain])
    for got, expected in zip(fast, one_by_one):
        assert np.array_equal(got, expected, equal_nan=True)
    assert np.isnan(fast[0][1]) and fast[0][0] == 530000.5 and fast[1][2] == 1e300
    others = (plain + [None], plain + [blob(1, 2, flags=0x03, envelope=struct.pack("<4d", 1, 1, 2, 2))],
              plain + [blob(1, 2, order=0)], plain + [plain[0][:20]])
    for blobs in others:  # a missing geometry, an envelope, big-endian WKB, a cut blob: read one by one
        assert counting._plain_point_blobs(blobs) is None
    x, y = counting._blob_points(plain + [None, blob(1, 2, order=0)])
    assert np.isnan(x[3]) and (x[4], y[4]) == (1.0, 2.0)
