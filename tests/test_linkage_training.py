"""How the linkage model learns m when a council gives one export twice (two years of one system, a file sent
again) or a file lists a home on several rows: such rows agree far more often than files written by different
systems do, and a model that learns from them pushes every pair that differs somewhere out of the review band."""
import numpy as np
import pandas as pd
import pytest

from community_risk.processing.analysis.linkage import link_households, prepare_records
from community_risk.processing.analysis.people_at_risk import detect_columns
from community_risk.synthetic import address_holdout
from helpers import london_file

HOMES = 400


@pytest.fixture(scope="module")
def council_tax():
    """(last year's council tax file, this year's: the same homes, each row's slips drawn again, the home of each
    row) on the held-out error model."""
    postcodes = pd.read_csv(london_file("postcodes.csv.gz"), usecols=["postcode", "lad_code"])
    borough = postcodes.loc[postcodes["lad_code"] == address_holdout.BOROUGH, "postcode"]
    reference = address_holdout.homes(borough, n_homes=HOMES, seed=address_holdout.SEED)
    out, truth = address_holdout.extracts(reference, seed=address_holdout.SEED)
    by_home = {home["home"]: home for home in reference.to_dict("records")}
    uprns_by_postcode = reference.groupby("postcode")["uprn"].apply(list).to_dict()
    sectors = {}
    for postcode in sorted(uprns_by_postcode):
        sectors.setdefault(postcode[:-2], []).append(postcode)
    spec = address_holdout.EXTRACTS["council_tax"]
    spec = dict(spec, uprns_by_postcode=uprns_by_postcode, postcodes_by_sector=sectors, without=frozenset(),
                **address_holdout._RATES[spec["layout"]])
    write = address_holdout._WRITERS[spec["layout"]]
    this_year = pd.DataFrame([write(np.random.default_rng([address_holdout.SEED + 1000, 0, k]), by_home[home], spec,
                                    "council_tax")[0] for k, home in enumerate(truth["council_tax"])])
    return out, out["council_tax"][1], this_year, truth["council_tax"]


def linked(frames):
    records = prepare_records([(name, frame, detect_columns(frame, name)) for name, frame in frames])
    return records, link_households(records)


@pytest.mark.london
def test_two_years_of_one_system_without_uprns_keep_a_review_an_officer_can_clear(council_tax):
    _, last_year, this_year, homes = council_tax
    frames = [(name, frame.drop(columns=["UPRN"])) for name, frame in (("ctax_2025", last_year),
                                                                        ("ctax_2026", this_year))]
    records, result = linked(frames)
    model = result.stats["model"]
    # expectation maximisation over pairs brought together by postcode finds neighbours, not homes: a model that
    # took it would weigh agreeing on the house number as next to nothing and offer thousands of neighbours for review
    number = next(level for level in model["comparisons"]["premise"] if level["level"] == "same number")
    assert number["weight"] > 2, model
    assert model["m_learnt_from"] == "prior (expectation maximisation learnt neighbours, not homes)"
    assert len(result.review) < len(set(homes)), len(result.review)
    # and the review still holds pairs of one home the linkage left apart
    truth = np.array(homes + homes)
    review = result.review
    same_home = truth[review["unique_id_l"].astype(int)] == truth[review["unique_id_r"].astype(int)]
    assert same_home.sum() >= 3
    # most homes have their two rows in one household
    together = pd.Series(result.household).groupby(truth).nunique()
    assert (together == 1).mean() > 0.95


def m_values(model):
    return {name: [level["m"] for level in levels] for name, levels in model["comparisons"].items()}


@pytest.mark.london
def test_m_learnt_from_uprns_counts_each_home_once_per_pair_of_files(council_tax):
    out, last_year, _, _ = council_tax
    electors = out["electoral_register"][1]
    _, once = linked([("ctax", last_year), ("electors", electors)])
    # the register given twice over (each elector on two rows): no new evidence of how two systems write a home
    _, twice = linked([("ctax", last_year), ("electors", pd.concat([electors, electors], ignore_index=True))])
    assert once.stats["model"]["m_learnt_from"] == "pairs of rows sharing a UPRN"
    assert twice.stats["model"]["labelled_pairs"] == once.stats["model"]["labelled_pairs"]
    # the same m but for the few rows the repeats make read otherwise (a street the file now writes more often)
    assert m_apart(once, twice) < 0.01, (m_values(once.stats["model"]), m_values(twice.stats["model"]))


def m_apart(one, other):
    """The largest difference between the m of a level in two linkages' models."""
    return max(abs(a - b) for name, values in m_values(one.stats["model"]).items()
               for a, b in zip(values, m_values(other.stats["model"])[name]))


@pytest.mark.london
def test_a_file_given_twice_teaches_the_model_nothing_more(council_tax):
    out, last_year, this_year, _ = council_tax
    electors = out["electoral_register"][1]
    _, given = linked([("ctax", last_year), ("electors", electors)])
    again = last_year.sample(frac=1.0, random_state=3).reset_index(drop=True)
    _, twice = linked([("ctax", last_year), ("electors", electors), ("ctax_again", again)])
    assert twice.stats["model"]["files_left_out_of_training_as_copies"] == ["ctax_again"]
    assert twice.stats["model"]["labelled_pairs"] == given.stats["model"]["labelled_pairs"]
    # the same m but for the few rows the repeats make read otherwise (a street the files now write more often)
    assert m_apart(given, twice) < 0.01, (m_values(given.stats["model"]), m_values(twice.stats["model"]))
    # a second year of the same homes written with other slips is a second record of them: it is learnt from
    _, next_year = linked([("ctax", last_year), ("electors", electors), ("ctax_next", this_year)])
    assert next_year.stats["model"]["files_left_out_of_training_as_copies"] == []
    assert next_year.stats["model"]["labelled_pairs"] > given.stats["model"]["labelled_pairs"]
