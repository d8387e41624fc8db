"""Find unlicensed HMOs (issue 11): the generator's truth and noise, truth recovery by the positive-unlabelled
model, the bad inputs users will feed it, and the privacy of every output."""
import glob
import os
import shutil

import numpy as np
import pandas as pd
import pytest
from qgis.core import QgsProcessingException

from helpers import SAMPLE, run_algorithm

ROLES = "hmo_register,inspections,council_tax,electoral_register,housing_benefit,complaints,epc,planning,fire_incidents"
AS_AT = "2024-04-01"


def sample_postcodes():
    import pyogrio

    frame = pyogrio.read_dataframe(SAMPLE, layer="postcodes")
    return frame[["postcode"]].assign(easting=frame.geometry.x, northing=frame.geometry.y)


@pytest.fixture(scope="module")
def borough(tmp_path_factory, sample_path):
    """A generated borough of 5,000 properties over the sample's postcodes, written as the council would."""
    from community_risk.synthetic import hmo_borough

    properties, datasets, truth = hmo_borough.generate(sample_postcodes(), None, n_properties=5000, seed=7)
    folder = str(tmp_path_factory.mktemp("hmo_borough"))
    paths = hmo_borough.write(folder, properties, datasets, truth)
    return {"properties": properties, "datasets": datasets, "truth": truth, "paths": paths, "folder": folder}


@pytest.fixture(scope="module")
def analysed(borough):
    from community_risk.processing.analysis.hmo import find_unlicensed_hmos

    datasets = [(role + ".csv", role, frame.astype(str)) for role, frame in borough["datasets"].items()]
    return find_unlicensed_hmos(borough["properties"], datasets, AS_AT)


def dataset_list(borough, replace=None, drop=()):
    """(paths, roles) for the algorithm; replace: role -> another path."""
    replace = replace or {}
    roles = [r for r in ROLES.split(",") if r not in drop]
    return [replace.get(r, borough["paths"][r]) for r in roles], ",".join(roles)


def parameters(borough, out, replace=None, drop=()):
    paths, roles = dataset_list(borough, replace, drop)
    return {"PROPERTIES": borough["paths"]["properties"], "DATASETS": paths, "ROLES": roles, "AS_AT": AS_AT,
            "OUTPUT": str(out / "scored.gpkg"), "INSPECTION_LIST": str(out / "lists"),
            "REPORT": str(out / "report.html"), "RECORD": str(out / "record.html")}


# --- the generator ------------------------------------------------------------------------------------------------

def test_generator_makes_about_five_percent_hmos_few_of_them_licensed(borough):
    truth = borough["truth"]
    share = truth["is_hmo"].mean()
    assert 0.03 <= share <= 0.07
    licensed = truth.loc[truth["is_hmo"], "licensed"].mean()
    assert 0.08 <= licensed <= 0.25
    assert truth["licence_expired"].sum() > 0 and not (truth["licence_expired"] & truth["licensed"]).any()


def test_generator_keeps_the_truth_apart_and_its_signals_noisy(borough):
    datasets, truth = borough["datasets"], borough["truth"]
    for role, frame in datasets.items():
        assert not {"is_hmo", "licensed", "occupants", "tenure"} & set(frame.columns), role
    assert os.path.dirname(borough["paths"]["truth"]) != borough["folder"]
    hmo_uprns = set(truth.loc[truth["is_hmo"], "uprn"])
    complained = set(datasets["complaints"]["UPRN"]) | set()
    # not every HMO draws complaints, and some family homes hold three or more surnames
    assert len(hmo_uprns - complained) > 0.3 * len(hmo_uprns)
    electors = datasets["electoral_register"]
    surnames = electors[electors["UPRN"] != ""].groupby("UPRN")["Surname"].nunique()
    families = set(truth.loc[~truth["is_hmo"], "uprn"])
    assert (surnames[surnames.index.isin(families)] >= 3).sum() > 0
    # each file has a UPRN on only some rows
    for role in ("complaints", "planning", "fire_incidents"):
        assert 0.1 < (datasets[role]["UPRN"] != "").mean() < 0.9, role


@pytest.mark.london
def test_hmos_cluster_where_london_rents_privately_and_converts_houses():
    from community_risk.synthetic import hmo_borough
    from helpers import london_file

    folder = os.path.dirname(london_file("census2021_lsoa21_housing.csv.gz"))
    postcodes, census = hmo_borough.london_inputs(folder)
    properties, _, truth = hmo_borough.generate(postcodes, census, n_properties=6000, seed=3)
    shares = hmo_borough.area_shares(postcodes.set_index("postcode").loc[truth["postcode"]].reset_index(), census)
    high = shares["private"] >= np.quantile(shares["private"], 0.75)
    low = shares["private"] <= np.quantile(shares["private"], 0.25)
    assert truth["is_hmo"][high].mean() > 2 * truth["is_hmo"][low].mean()


# --- the analysis -------------------------------------------------------------------------------------------------

def test_the_model_recovers_the_hidden_hmos(borough, analysed):
    truth = borough["truth"].set_index("uprn").loc[analysed.properties["uprn"]]
    ranked = analysed.properties[analysed.properties["rank"].notna()].sort_values("rank")
    is_hmo = truth["is_hmo"].to_numpy()
    random_rate = is_hmo[analysed.properties["rank"].notna().to_numpy()].mean()
    top = truth.loc[ranked["uprn"].head(50), "is_hmo"].mean()
    assert top >= 5 * random_rate, (top, random_rate)
    # both models were compared by blocked folds and the winner is named with its reason
    model = analysed.report["model"]
    assert set(model["compared"]) == {"penalised logistic regression", "gradient-boosted trees"}
    assert model["winner"] in model["compared"] and model["why"]
    assert model["blocks"] > model["folds"]


def test_licensed_hmos_are_not_ranked_and_expired_licences_count_as_unlicensed(borough, analysed):
    out = analysed.properties
    truth = borough["truth"].set_index("uprn").loc[out["uprn"]]
    assert out.loc[out["licensed"] == 1, "rank"].isna().all()
    assert out.loc[out["licensed"] == 0, "rank"].notna().all()
    expired = truth["licence_expired"].to_numpy()
    linked_expired = out[expired & (out["on_register"] == 1).to_numpy()]
    assert len(linked_expired) > 0
    assert (linked_expired["licensed"] == 0).all()
    assert (linked_expired["licence_end"] < AS_AT).all() and (linked_expired["licence_end"] != "").all()
    assert any("expired" in str(note) for note in analysed.notes)


def test_reasons_are_plain_words_and_match_rates_are_reported(analysed):
    top = analysed.properties.sort_values("rank").head(20)
    assert (top["reason_1"] != "").all()
    assert all(not r.startswith(("complaints_", "epc_")) for r in top["reason_1"])
    rates = {m["role"]: m for m in analysed.report["match_rates"]}
    assert set(rates) == set(ROLES.split(","))
    for match in rates.values():
        assert 0.8 < match["match_rate"] <= 1.0
        assert match["by_uprn"] + match["by_address"] + match["by_probabilistic"] + match["unlinked"] == match["rows"]
    assert any(m["unlinked_examples"] for m in rates.values())


def test_inspection_outcomes_calibrate_and_their_absence_is_said(borough, analysed):
    from community_risk.processing.analysis.hmo import find_unlicensed_hmos

    assert analysed.report["calibration"]["calibrated"]
    datasets = [(role + ".csv", role, frame.astype(str)) for role, frame in borough["datasets"].items()
                if role != "inspections"]
    uncalibrated = find_unlicensed_hmos(borough["properties"], datasets, AS_AT)
    assert not uncalibrated.report["calibration"]["calibrated"]
    assert any("uncalibrated" in str(note) for note in uncalibrated.notes)
    # the ranking stands either way; only the probabilities' scale changes
    assert uncalibrated.properties["hmo_probability"].between(0, 1).all()


def positive_unlabelled_sample(n=20000, c=0.2, seed=5):
    """A population where a feature makes some properties clear HMOs and leaves others in doubt; a share c of the
    HMOs, picked at random, is on the register; the score is the true chance of being on it."""
    rng = np.random.default_rng(seed)
    # 2% look like HMOs and nearly all are; 6% are in doubt; the rest are homes (a few HMOs among them)
    group = rng.choice(3, size=n, p=[0.02, 0.06, 0.92])
    p_hmo = np.array([0.95, 0.3, 0.01])[group] * np.exp(rng.normal(0, 0.03, n)).clip(max=1 / 0.95)
    is_hmo = rng.random(n) < p_hmo
    on_register = is_hmo & (rng.random(n) < c)
    return c * p_hmo, on_register, is_hmo


def test_the_registered_share_is_read_where_nearly_all_are_hmos_not_averaged_over_doubtful_ones():
    from community_risk.processing.analysis.hmo import label_frequency, register_probability

    held_out, on_register, is_hmo = positive_unlabelled_sample()
    true_c = on_register.sum() / is_hmo.sum()
    share = label_frequency(held_out, on_register, register_probability(held_out, on_register))
    # Elkan and Noto's mean score over registered HMOs is low when many HMOs look like homes; the top region is not
    assert share["label_frequency_floor"] < 0.8 * true_c
    assert abs(share["label_frequency"] / true_c - 1) < 0.2
    assert share["label_frequency_low"] <= true_c <= share["label_frequency_high"]


@pytest.mark.parametrize("with_inspections", [False, True])
def test_probabilities_add_up_to_the_registered_hmos_over_their_share(with_inspections):
    from community_risk.processing.analysis.hmo import calibrate

    held_out, on_register, is_hmo = positive_unlabelled_sample()
    outcome = None
    if with_inspections:  # inspections aimed at HMOs: their level must not be taken, only their slope
        rng = np.random.default_rng(9)
        outcome = np.full(len(held_out), np.nan)
        pick = rng.choice(np.flatnonzero(~on_register), 400, replace=False,
                          p=np.where(is_hmo, 6.0, 1.0)[~on_register] / np.where(is_hmo, 6.0, 1.0)[~on_register].sum())
        outcome[pick] = is_hmo[pick]
    notes = []
    probability, low, high, info = calibrate(held_out, on_register, outcome, np.zeros(len(held_out), dtype=bool), notes)
    assert info["calibrated"] == with_inspections
    assert any("uncalibrated" in str(note) for note in notes) != with_inspections
    expected = on_register.sum() / info["label_frequency"]
    assert probability[~on_register].sum() + on_register.sum() == pytest.approx(expected, rel=0.01)
    assert abs((probability[~on_register].sum() + on_register.sum()) / is_hmo.sum() - 1) < 0.25
    assert (low <= probability + 1e-12).all() and (probability <= high + 1e-12).all()
    assert low[~on_register].sum() < (is_hmo & ~on_register).sum() < high[~on_register].sum()
    # the ranking is the score's
    order = np.argsort(-held_out)
    assert (np.diff(probability[order][~on_register[order]]) <= 1e-12).all()


def test_logistic_line_matches_a_known_fit_and_survives_separated_classes():
    from community_risk.processing.analysis.hmo import logistic_line

    rng = np.random.default_rng(2)
    x = rng.normal(size=5000)
    y = (rng.random(5000) < 1 / (1 + np.exp(-(1.5 * x - 3)))).astype(float)
    slope, intercept = logistic_line(x, y)
    assert slope == pytest.approx(1.5, abs=0.15) and intercept == pytest.approx(-3, abs=0.2)
    slope, intercept = logistic_line(np.array([0.0, 1, 2, 3]), np.array([0.0, 0, 1, 1]))
    assert np.isfinite(slope) and slope > 0 and np.isfinite(intercept)


# --- bad inputs: each a clear message, nothing half-written -----------------------------------------------------

def test_a_role_given_twice_is_refused(borough, tmp_path):
    p = parameters(borough, tmp_path)
    p["DATASETS"] = p["DATASETS"][:3] + [borough["paths"]["council_tax"]]
    p["ROLES"] = "hmo_register,inspections,council_tax,council_tax"
    with pytest.raises(QgsProcessingException, match="council_tax' is given twice"):
        run_algorithm("communityrisk:findunlicensedhmos", p)
    assert not [f for _, _, files in os.walk(tmp_path) for f in files]


def test_inspections_without_an_outcome_column_are_refused(borough, tmp_path):
    bad = tmp_path / "inspections_no_outcome.csv"
    borough["datasets"]["inspections"].drop(columns=["Outcome"]).to_csv(bad, index=False)
    out = tmp_path / "out"
    with pytest.raises(QgsProcessingException, match="has no outcome column"):
        run_algorithm("communityrisk:findunlicensedhmos", parameters(borough, out, {"inspections": str(bad)}))
    assert not [f for _, _, files in os.walk(out) for f in files]


def test_fewer_than_twenty_known_hmos_refuses_to_fit_and_keeps_earlier_results(borough, tmp_path):
    out = tmp_path / "out"
    good = parameters(borough, out)
    run_algorithm("communityrisk:findunlicensedhmos", good)
    before = {path: open(path, "rb").read() for path in glob.glob(str(out / "*.*"))}
    # the good run's report names addresses that link to no property, and says the probabilities are calibrated
    report = before[str(out / "report.html")].decode("utf-8")
    assert "that link to no property" in report and "calibrated on 400 past inspections" in report
    small = tmp_path / "register_small.csv"
    borough["datasets"]["hmo_register"].head(12).to_csv(small, index=False)
    with pytest.raises(QgsProcessingException, match="Only 1[0-2] known HMO.*at least 20"):
        run_algorithm("communityrisk:findunlicensedhmos", parameters(borough, out, {"hmo_register": str(small)}))
    assert {path: open(path, "rb").read() for path in glob.glob(str(out / "*.*"))} == before


def test_without_inspections_the_report_and_log_say_the_probabilities_are_uncalibrated(borough, tmp_path):
    from qgis.core import QgsProcessingFeedback

    out = tmp_path / "out"
    feedback_messages = []

    class Recording(QgsProcessingFeedback):
        def pushWarning(self, text):
            feedback_messages.append(text)

        def pushInfo(self, text):
            feedback_messages.append(text)

    run_algorithm("communityrisk:findunlicensedhmos", parameters(borough, out, drop=("inspections",)),
                  feedback=Recording())
    report = open(out / "report.html", encoding="utf-8").read()
    assert "The probabilities are uncalibrated: no inspection outcomes were given" in report
    assert any("uncalibrated" in message for message in feedback_messages)


def test_a_bad_date_is_refused(borough, tmp_path):
    p = parameters(borough, tmp_path)
    p["AS_AT"] = "1/4/24"
    with pytest.raises(QgsProcessingException, match="YYYY-MM-DD"):
        run_algorithm("communityrisk:findunlicensedhmos", p)


# --- privacy --------------------------------------------------------------------------------------------------------

def output_texts(out):
    """Every output as text: CSV, HTML, and the scored GeoPackage's attributes."""
    import pyogrio

    texts = {}
    for path in glob.glob(str(out / "**" / "*.*"), recursive=True):
        if path.endswith((".csv", ".html", ".csvt", ".qml")):
            texts[path] = open(path, encoding="utf-8").read()
        elif path.endswith(".gpkg"):
            texts[path] = pyogrio.read_dataframe(path, read_geometry=False).to_csv(index=False)
    return texts


def test_no_name_birth_date_or_claim_reference_reaches_any_output(borough, tmp_path):
    from community_risk.synthetic.hmo_borough import FIRST_NAMES, SURNAMES

    # surnames where the tool should not keep them: a 'Notes' column of complaints, a 'Surname' in council tax
    complaints = borough["datasets"]["complaints"].copy()
    complaints["Notes"] = ["Caller Mr Zebedee{} next door".format(i) for i in range(len(complaints))]
    council_tax = borough["datasets"]["council_tax"].copy()
    council_tax["Surname"] = ["Quixotic{}".format(i) for i in range(len(council_tax))]
    complaints_path, council_tax_path = tmp_path / "complaints.csv", tmp_path / "council_tax.csv"
    complaints.to_csv(complaints_path, index=False)
    council_tax.to_csv(council_tax_path, index=False)
    out = tmp_path / "out"
    result = run_algorithm("communityrisk:findunlicensedhmos", parameters(
        borough, out, {"complaints": str(complaints_path), "council_tax": str(council_tax_path)}))
    assert result["KNOWN_HMOS"] >= 20
    texts = output_texts(out)
    assert {os.path.basename(p) for p in texts} >= {"scored.gpkg", "report.html", "record.html", "all.csv", "all.html"}
    everything = "\n".join(texts.values())
    for word in ("Zebedee", "Quixotic"):
        assert word not in everything
    forbidden = set(borough["datasets"]["housing_benefit"]["Claim Reference"]) | set(
        borough["datasets"]["housing_benefit"]["Date of Birth"]) | set(borough["datasets"]["hmo_register"]["Licence Holder"])
    assert not [value for value in forbidden if value in everything]
    import re

    names = set(borough["datasets"]["electoral_register"]["First Name"]) | set(
        borough["datasets"]["electoral_register"]["Surname"])
    assert names and names <= set(FIRST_NAMES) | set(SURNAMES)
    for path, text in texts.items():
        words = set(re.findall(r"[A-Za-z]+", text))
        assert not names & words, (path, sorted(names & words))
    record = texts[str(out / "record.html")]
    assert "Housing Act 2004" in record and "Surname" in record and "dropped unread" in record.lower()


def test_inspection_lists_split_by_ward(borough, tmp_path, sample_path):
    out = tmp_path / "out"
    p = parameters(borough, out)
    p.update({"SPLIT_AREAS": SAMPLE + "|layername=station_grounds", "SPLIT_FIELD": "station", "LIST_LENGTH": 25})
    run_algorithm("communityrisk:findunlicensedhmos", p)
    index = pd.read_csv(out / "lists" / "index.csv")
    assert len(index) >= 2 and (index["properties"] <= 25).all()
    first = pd.read_csv(out / "lists" / index["csv"].iloc[0])
    assert list(first["rank"]) == sorted(first["rank"]) and (first["area"] == index["area"].iloc[0]).all()
    shutil.rmtree(out)


# --- area context (AREAS) -------------------------------------------------------------------------------------------

def test_area_context_joins_each_property_to_its_areas_figures_and_says_what_it_added(borough, tmp_path, sample_path):
    out = tmp_path / "out"
    p = parameters(borough, out)
    p.update({"AREAS": SAMPLE + "|layername=areas", "AREA_FIELDS": ["pct_flats", "pct_social_rent", "imd_score"]})
    run_algorithm("communityrisk:findunlicensedhmos", p)
    report = open(out / "report.html", encoding="utf-8").read()
    assert "Area context (pct_flats, pct_social_rent, imd_score)" in report
    assert "without it, on the same folds" in report and "past inspections, its held-out average precision" in report
    record = open(out / "record.html", encoding="utf-8").read()
    assert "area_pct_flats" in record and "the area&#x27;s pct_flats (area context layer)" in record


def test_area_context_values_follow_the_polygon_each_property_lies_in():
    from community_risk.processing.analysis.hmo_data import add_area_context

    features = pd.DataFrame({"is_flat": [0.0, 1.0, 0.0, 1.0]})
    context = pd.DataFrame({"private_rented_share": [0.5, 0.5, np.nan, 0.2], "same": [1, 1, 1, 1],
                            "z": ["-1.5", "0.3", "x", "2"]})
    notes = []
    joined = add_area_context(features, context, notes)
    assert list(joined.columns) == ["is_flat", "area_private_rented_share", "area_z"]
    assert np.isnan(joined["area_private_rented_share"][2]) and joined["area_z"][0] == -1.5
    assert any("'same'" in str(note) for note in notes) and any("1 propert(ies) lie in no area" in str(n) for n in notes)


def test_area_context_without_fields_or_with_a_misspelt_one_is_refused(borough, tmp_path, sample_path):
    out = tmp_path / "out"
    p = parameters(borough, out)
    p["AREAS"] = SAMPLE + "|layername=areas"
    with pytest.raises(QgsProcessingException, match="Choose the area context fields"):
        run_algorithm("communityrisk:findunlicensedhmos", p)
    p["AREA_FIELDS"] = ["pct_flatz"]
    with pytest.raises(QgsProcessingException, match="pct_flatz"):
        run_algorithm("communityrisk:findunlicensedhmos", p)
    assert not [f for _, _, files in os.walk(out) for f in files]


@pytest.mark.london
def test_census_area_context_is_used_where_hmos_cluster_by_area():
    from community_risk.processing.analysis.counting import assign_points_to_areas
    from community_risk.processing.analysis.hmo import find_unlicensed_hmos
    from community_risk.synthetic import hmo_borough
    from helpers import london_file

    folder = os.path.dirname(london_file("census2021_lsoa21_housing.csv.gz"))
    postcodes, census = hmo_borough.london_inputs(folder)
    properties, datasets, _ = hmo_borough.generate(postcodes, census, n_properties=6000, seed=4)
    areas = hmo_borough.london_area_context(folder)
    where = assign_points_to_areas(list(areas.geometry), properties["easting"], properties["northing"])
    assert (where >= 0).mean() > 0.99
    fields = ["private_rented_share", "converted_share"]
    context = pd.DataFrame({f: areas[f].to_numpy()[where] for f in fields})
    result = find_unlicensed_hmos(properties, [(r + ".csv", r, f.astype(str)) for r, f in datasets.items()], AS_AT,
                                  area_context=context)
    added = result.report["area_context"]
    assert added["fields"] == fields
    assert set(added["with"]) == set(added["without"]) >= {"average_precision", "inspection_average_precision"}
    effects = {e["feature"]: e["mean_raise_top_500"] for e in result.report["effects"]}
    # the generator puts HMOs where private renting and converted houses are: the model must lean on that
    assert max(effects["area_" + f] for f in fields) > 0.05
