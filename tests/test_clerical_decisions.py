"""The officer's clerical decisions read back (issue 10): a pair marked 'same home' is linked, a pair marked
'different homes' is never in one household, whatever links would chain its two records together, and a decision
whose rows changed is skipped with a message, never applied to other rows. Analysis level, without QGIS."""
import pandas as pd
import pytest

from community_risk.processing.analysis import people_at_risk as par
from community_risk.processing.analysis.clerical_decisions import (DIFFERENT, SAME, ClericalDecisions, checks_of,
                                                                    decision_of)
from community_risk.processing.analysis.linkage import link_households, prepare_records
from community_risk.processing.analysis.messages import AnalysisError

SECRET = "clerical decisions secret, 16+ chars"


def table(*addresses):
    return pd.DataFrame({"UPRN": [""] * len(addresses), "Address Line 1": list(addresses),
                         "Post Code": ["N1 2UH"] * len(addresses), "Householder": ["A Person"] * len(addresses)})


# one home written three ways in three files, and its neighbours
FILES = {"a.csv": table("Flat 2, 5 Milner Road", "7 Milner Road", "Rose Cottage, Milner Road", "9 Milner Road"),
         "b.csv": table("5 Milner Rd, Flat 2", "7 Milner Rd", "Rose Cotage, Milner Rd", "11 Milner Road"),
         "c.csv": table("Flat 2, 5 Milner Rd", "13 Milner Road")}


def sources(files=FILES):
    return {name: (frame, par.detect_columns(frame, name)) for name, frame in files.items()}


def decisions_table(rows, secret=SECRET, files=FILES):
    """A filled-in review as the officer gives it back: (dataset, row, dataset, row, decision) a pair."""
    codes = checks_of(sources(files), secret, [(d, r) for pair in rows for d, r in (pair[:2], pair[2:4])])
    return pd.DataFrame([{"dataset_l": dl, "row_l": rl, "dataset_r": dr, "row_r": rr, "decision": decision,
                          "check_l": codes[(dl, rl)], "check_r": codes[(dr, rr)]}
                         for dl, rl, dr, rr, decision in rows])


def households(decisions=None, files=FILES):
    """{(dataset, row from 1): household number} as the linkage gives them, with the decisions applied."""
    prepared = sources(files)
    records = prepare_records([(name, frame, columns) for name, (frame, columns) in prepared.items()])
    if decisions is not None:
        decisions.match(records, prepared, SECRET)
    linked = link_households(records, review_low=0.0001, decisions=decisions)
    return {(s, int(r) + 1): int(h) for s, r, h in zip(records["source"], records["row"], linked.household)}, linked


@pytest.fixture(scope="module")
def undecided():
    return households()[0]


@pytest.mark.parametrize("text, decision", [
    ("same", SAME), (" Same Home ", SAME), ("YES", SAME), ("y", SAME), ("Match", SAME), ("same home.", SAME),
    ("different", DIFFERENT), ("Different homes", DIFFERENT), ("no", DIFFERENT), ("N", DIFFERENT),
    ("no match", DIFFERENT), ("NoMatch", DIFFERENT), ("", None), ("  ", None), (None, None), (float("nan"), None),
    ("maybe", False), ("=HYPERLINK(\"http://x\",\"same\")", False), ("'=1+1", False), ("same?", False),
    ("yes no", False)])
def test_a_few_obvious_spellings_are_understood_and_nothing_is_guessed(text, decision):
    assert decision_of(text) == decision


def test_same_home_joins_two_records_the_linker_kept_apart(undecided):
    assert undecided[("a.csv", 3)] != undecided[("b.csv", 3)]  # 'Rose Cottage' and 'Rose Cotage'
    decisions = ClericalDecisions.read(decisions_table([("a.csv", 3, "b.csv", 3, "same")]), "review.csv")
    decided, _ = households(decisions)
    assert decided[("a.csv", 3)] == decided[("b.csv", 3)]
    assert len(set(decided.values())) == len(set(undecided.values())) - 1  # those two households, nothing else
    assert decisions.summary()["applied"] == 1 and decisions.summary()["same_home"] == 1


def test_different_homes_splits_two_the_linker_joined_even_against_a_chain(undecided):
    """Flat 2 at 5 Milner Road is written three ways, all linked: the decision that a's row and c's row are two homes
    parts them, although b's row links to both; b's row goes with one of them."""
    flat = [("a.csv", 1), ("b.csv", 1), ("c.csv", 1)]
    assert len({undecided[key] for key in flat}) == 1
    decisions = ClericalDecisions.read(decisions_table([("a.csv", 1, "c.csv", 1, "different")]), "review.csv")
    decided, _ = households(decisions)
    assert decided[("a.csv", 1)] != decided[("c.csv", 1)]
    assert decided[("b.csv", 1)] in (decided[("a.csv", 1)], decided[("c.csv", 1)])
    assert len(set(decided.values())) == len(set(undecided.values())) + 1
    assert decisions.summary()["households_split"] == 1
    assert any("split a household that other links had joined" in str(note) for note in decisions.notes())


def test_same_home_decisions_cannot_chain_two_homes_decided_different(undecided):
    rows = [("a.csv", 1, "b.csv", 1, "same"), ("b.csv", 1, "c.csv", 1, "yes"), ("a.csv", 1, "c.csv", 1, "no"),
            ("a.csv", 2, "b.csv", 3, "same")]  # 7 Milner Road is not Rose Cotage: the officer says so all the same
    decisions = ClericalDecisions.read(decisions_table(rows), "review.csv")
    decided, _ = households(decisions)
    assert decided[("a.csv", 1)] != decided[("c.csv", 1)]
    assert decided[("a.csv", 2)] == decided[("b.csv", 3)]  # an officer's 'same' is followed, whatever the text says
    assert decisions.summary()["same_home_refused_as_contradicted"] == 1
    assert any("were not applied" in str(note) for note in decisions.notes())


def test_same_home_decisions_across_households_cannot_join_two_decided_different(undecided):
    """Three homes the linker kept apart: joined two by two, a third 'same' would join the pair decided different."""
    homes = [("a.csv", 3), ("b.csv", 3), ("a.csv", 4)]
    assert len({undecided[home] for home in homes}) == 3
    rows = [("a.csv", 3, "a.csv", 4, "different"), ("a.csv", 3, "b.csv", 3, "same"), ("b.csv", 3, "a.csv", 4, "same")]
    decisions = ClericalDecisions.read(decisions_table(rows), "review.csv")
    decided, _ = households(decisions)
    assert decided[("a.csv", 3)] == decided[("b.csv", 3)] != decided[("a.csv", 4)]
    assert [d.line for d in decisions.refused_same] == [4]
    summary = decisions.summary()
    assert summary["applied"] == 2 and summary["same_home_refused_as_contradicted"] == 1


def test_a_changed_row_skips_its_decision_with_a_message(undecided):
    """b.csv exported again in another order: its row 3 is now another home, so the decision naming b.csv row 3 is
    skipped, not applied to the row that took its place."""
    rows = [("a.csv", 3, "b.csv", 3, "same"), ("a.csv", 2, "b.csv", 2, "same")]
    filled = decisions_table(rows)
    reordered = dict(FILES, **{"b.csv": FILES["b.csv"].iloc[[0, 1, 3, 2]].reset_index(drop=True)})
    decisions = ClericalDecisions.read(filled, "review.csv")
    decided, _ = households(decisions, files=reordered)
    summary = decisions.summary()
    assert summary["applied"] == 1 and summary["no_longer_matching_their_rows"] == 1
    assert decided[("a.csv", 3)] != decided[("b.csv", 3)] and decided[("a.csv", 3)] != decided[("b.csv", 4)]
    said = " ".join(str(note) for note in decisions.notes())
    assert "spreadsheet row 2: row 3 of 'b.csv' no longer says what it said" in said


def test_a_table_from_another_run_applies_nothing_and_says_why(undecided):
    filled = decisions_table([("a.csv", 3, "b.csv", 3, "same")], secret="another secret of 16+ characters")
    decisions = ClericalDecisions.read(filled, "old_review.csv")
    decided, _ = households(decisions)
    assert decided == undecided
    said = " ".join(str(note) for note in decisions.notes())
    assert "None matched" in said and "another secret" in said
    renamed = decisions_table([("a.csv", 3, "b.csv", 3, "same")]).replace({"a.csv": "a_2025.csv"})
    decisions = ClericalDecisions.read(renamed, "old_review.csv")
    households(decisions)
    assert "no dataset of this run is called 'a_2025.csv'" in " ".join(str(n) for n in decisions.notes())


def test_text_that_is_no_decision_is_listed_never_guessed(undecided):
    rows = [("a.csv", 3, "b.csv", 3, '=HYPERLINK("http://example.org","same")'), ("a.csv", 2, "b.csv", 2, "maybe"),
            ("a.csv", 4, "b.csv", 4, ""), ("a.csv", 1, "c.csv", 1, "same"), ("c.csv", 1, "a.csv", 1, "different")]
    decisions = ClericalDecisions.read(decisions_table(rows), "review.csv")
    decided, _ = households(decisions)
    assert decided == undecided
    summary = decisions.summary()
    assert summary["applied"] == 0 and summary["not_understood"] == 4  # two unreadable, and a pair decided both ways
    said = " ".join(str(note) for note in decisions.notes())
    assert "spreadsheet rows 2, 3" in said and "rows 5, 6" in said
    assert "HYPERLINK" not in said and "maybe" not in said  # what was typed may say anything: it is not repeated


@pytest.mark.parametrize("rename, said", [({"decision": "decison"}, "decision (is 'decison' it?)"),
                                          ({"check_l": "row A check"}, "check_l"),
                                          ({"row_r": "row_1"}, "row_r")])
def test_a_misspelt_field_is_refused_naming_it(rename, said):
    filled = decisions_table([("a.csv", 3, "b.csv", 3, "same")]).rename(columns=rename)
    with pytest.raises(AnalysisError) as raised:
        ClericalDecisions.read(filled, "review.csv")
    assert said in str(raised.value) and "review.csv" in str(raised.value)


def test_a_review_without_check_codes_is_refused_with_what_to_do():
    filled = decisions_table([("a.csv", 3, "b.csv", 3, "same")]).drop(columns=["check_l", "check_r"])
    with pytest.raises(AnalysisError, match="no check codes .* Run again"):
        ClericalDecisions.read(filled, "old_review.csv")


@pytest.mark.parametrize("row", ["-1", "0", "2.5", "inf", "nan", "three", ""])
def test_a_row_number_that_is_no_row_skips_its_decision(row, undecided):
    filled = decisions_table([("a.csv", 3, "b.csv", 3, "same")]).astype(object)
    filled.loc[0, "row_r"] = row
    decisions = ClericalDecisions.read(filled, "review.csv")
    decided, _ = households(decisions)
    assert decided == undecided and decisions.summary()["no_longer_matching_their_rows"] == 1


def test_fields_are_found_by_their_labels_in_words_too():
    """QGIS can save a layer with its aliases as field names ('Your decision: same home / different homes')."""
    from community_risk.processing.analysis.review_sheet import LABELS

    filled = decisions_table([("a.csv", 3, "b.csv", 3, "same")])
    decisions = ClericalDecisions.read(filled.rename(columns=LABELS), "review.csv")
    assert len(decisions.decided) == 1 and decisions.decided[0].decision == SAME


def test_the_next_review_lists_the_decided_pairs_last_with_their_decision():
    """The newest review holds every decision so far, so it is the one file to fill in next time; it holds no address
    outside referral mode, and check codes that say nothing without the secret."""
    datasets = [(name, role, frame) for (name, frame), role in zip(FILES.items(), ("older", "care", "alone"))]
    first = par.find_people_at_risk(datasets, SECRET, review_low=0.0001)
    assert first.review["decision"].isna().all() and first.review["check_l"].str.fullmatch(r"x[0-9a-f]{12}").all()
    filled = first.review.copy()
    apart = filled.index[filled["linked"] == 0][:2]
    filled.loc[apart, "decision"] = ["same", "different"]
    second = par.find_people_at_risk(datasets, SECRET, review_low=0.0001,
                                     decisions=ClericalDecisions.read(filled, "review.csv"))
    review = second.review
    decided = review[review["decision"].notna()]
    assert list(decided.index) == list(range(len(review) - len(decided), len(review)))  # at the end
    assert set(decided["decision"]) == {DIFFERENT, SAME}  # (other pairs of a block decided different, too)
    assert set(decided.loc[decided["decision"] == SAME, "linked"]) == {1}
    assert set(decided.loc[decided["decision"] == DIFFERENT, "linked"]) == {0}
    keys = {tuple(sorted([(dl, rl), (dr, rr)])) for dl, rl, dr, rr in filled.loc[apart, ["dataset_l", "row_l",
                                                                                         "dataset_r", "row_r"]].values}
    assert {tuple(sorted([(dl, rl), (dr, rr)])) for dl, rl, dr, rr in
            decided[["dataset_l", "row_l", "dataset_r", "row_r"]].values} >= keys
    assert not (set(review.columns) & {"written_l", "written_r", "standard_l", "uprn_l"})
    text = review.to_csv()
    assert "Milner" not in text and SECRET not in text and "Person" not in text
    assert second.record["clerical_decisions"]["applied"] == 2
    assert second.record["pairs_for_clerical_review"] == len(review) - len(decided)
    # the second review given back once more applies the same two decisions, and lists them once
    third = par.find_people_at_risk(datasets, SECRET, review_low=0.0001,
                                    decisions=ClericalDecisions.read(second.review, "review2.csv"))
    assert third.review.equals(second.review)
    assert set(third.households["household_key"]) == set(second.households["household_key"])


def test_the_overlay_applies_decisions_too():
    """Housing benefit overlay: a claimant's flat the linker left apart from the EPC home of its house, decided
    'same home' (the EPC register lists the house once), and a claimant it linked to an EPC home, decided not."""
    from community_risk.processing.analysis.housing_benefit import EPC_COLUMNS, overlay

    claimants = table("Flat B, 11 Milner Road", "7 Milner Rd", "Rose Cottage, Milner Rd")
    epc = pd.DataFrame({"uprn": ["100000000001", "100000000002", "100000000003"],
                        "address": ["11 Milner Road", "7 Milner Road", "Rose Cottage, Milner Road"],
                        "postcode": ["N1 2UH"] * 3, "rating": ["F", "C", "G"], "band_fg": [1, 0, 1],
                        "private_rented": [1, 0, 1]})
    table_1, _, _, _ = overlay(claimants, epc, SECRET, claimants_name="claimants.csv")
    assert table_1.set_index("rating")["epc_found"].to_dict() == {"G": 1, "C": 1, None: 0}  # Flat B, 11: none
    codes = checks_of({"claimants.csv": (claimants, par.detect_columns(claimants, "claimants.csv")),
                       "epc": (epc, EPC_COLUMNS)}, SECRET, [("claimants.csv", 1), ("epc", 1), ("claimants.csv", 3),
                                                           ("epc", 3)])
    filled = pd.DataFrame([{"dataset_l": "claimants.csv", "row_l": row, "check_l": codes[("claimants.csv", row)],
                            "dataset_r": "epc", "row_r": row, "check_r": codes[("epc", row)], "decision": decision}
                           for row, decision in ((1, "Y"), (3, "N"))])
    table_2, review, record, notes = overlay(claimants, epc, SECRET, claimants_name="claimants.csv",
                                             decisions=ClericalDecisions.read(filled, "review.csv"))
    assert record["clerical_decisions"]["applied"] == 2
    assert table_2.set_index("rating")["epc_found"].to_dict() == {"F": 1, "C": 1, None: 0}  # Rose Cottage: none
    assert list(review["decision"].iloc[-2:].sort_values()) == [DIFFERENT, SAME]


def test_one_row_decided_different_decides_its_block_of_two_households():
    """The review puts the pairs of two households one after another so the officer decides the two households
    once: 'different' written in one row of the block comes back on every row of it, so none is asked again."""
    datasets = [(name, role, frame) for (name, frame), role in zip(FILES.items(), ("older", "care", "alone"))]
    first = par.find_people_at_risk(datasets, SECRET, review_low=0.0001)
    households = [frozenset(pair) for pair in zip(first.review["household_l"], first.review["household_r"])]
    block = max(set(households), key=households.count)
    rows = [k for k, pair in enumerate(households) if pair == block]
    assert len(rows) >= 2 and rows == list(range(rows[0], rows[0] + len(rows)))  # one block
    filled = first.review.copy()
    filled.loc[rows[0], "decision"] = "no"
    second = par.find_people_at_risk(datasets, SECRET, review_low=0.0001,
                                     decisions=ClericalDecisions.read(filled, "review.csv"))
    review = second.review
    assert second.record["clerical_decisions"]["applied"] == 1
    assert list(review["decision"].iloc[-len(rows):]) == [DIFFERENT] * len(rows)
    assert review["decision"].iloc[:-len(rows)].isna().all()
    assert {frozenset(pair) for pair in zip(review["household_l"].iloc[-len(rows):],
                                            review["household_r"].iloc[-len(rows):])} == {block}
    assert second.record["pairs_for_clerical_review"] == len(first.review) - len(rows)


def test_decided_pairs_are_scored_as_the_review_scores_its_pairs(undecided):
    """The pairs decided earlier are scored by this run's trained model the way predict scores a review pair: every
    pair of this run's review, decided 'different homes', comes back with the same levels and weights as in review."""
    _, linked = households()
    prepared = sources()
    records = prepare_records([(name, frame, columns) for name, (frame, columns) in prepared.items()])
    rows = [(records["source"][a], int(records["row"][a]) + 1, records["source"][b], int(records["row"][b]) + 1, "no")
            for a, b in zip(linked.review["unique_id_l"], linked.review["unique_id_r"])]
    assert len(rows) > 10
    decisions = ClericalDecisions.read(decisions_table(rows), "review.csv")
    _, decided = households(decisions)
    columns = ["unique_id_l", "unique_id_r", "match_weight", "match_probability", "postcode", "postcode_weight",
               "premise", "premise_weight", "flat", "flat_weight", "street", "street_weight"]

    def ordered(frame):
        return frame[columns].astype({"unique_id_l": int, "unique_id_r": int}).sort_values(
            ["unique_id_l", "unique_id_r"]).reset_index(drop=True)

    pd.testing.assert_frame_equal(ordered(decided.decided), ordered(linked.review), check_dtype=False)


def test_a_decided_pair_without_a_score_says_so_in_its_levels():
    """Where a decided pair has no score from this run (a caller that gives none), each comparison says it was not
    scored this run, rather than an empty cell that looks like a missing value."""
    from community_risk.processing.analysis.clerical_decisions import NOT_SCORED, review_with_decisions

    prepared = sources()
    records = prepare_records([(name, frame, columns) for name, (frame, columns) in prepared.items()])
    decisions = ClericalDecisions.read(decisions_table([("a.csv", 3, "b.csv", 3, "same")]), "review.csv")
    decisions.match(records, prepared, SECRET)
    linked = link_households(records, review_low=0.0001, decisions=decisions)
    keys = {(s, int(r) + 1): "H{}".format(h) for s, r, h in zip(records["source"], records["row"], linked.household)}
    review = review_with_decisions(linked.review, records, False, prepared, 0.9, keys, SECRET, decisions)
    last = review.iloc[-1]
    assert last["decision"] == SAME and last["reason"] == "decided in an earlier review"
    assert [last[name] for name in ("postcode", "premise", "flat", "street")] == [NOT_SCORED] * 4
    scored = review_with_decisions(linked.review, records, False, prepared, 0.9, keys, SECRET, decisions,
                                   scored=linked.decided).iloc[-1]
    assert scored["premise"] == "same building name" and scored["flat"] == "neither a flat"
    assert scored["match_weight"] == round(float(linked.decided["match_weight"].iloc[0]), 2)


@pytest.mark.spark
def test_on_spark_decided_pairs_are_scored_as_on_duckdb(monkeypatch):
    """The decided pairs are scored through the engine that links (Splink's score_pairs on Spark too), to the same
    levels and weights."""
    import os
    import shutil

    from community_risk.processing.analysis import linkage_engines

    if not shutil.which("java") and not os.environ.get("JAVA_HOME"):
        pytest.skip("Java is not installed (scripts/setup.sh installs it where it can)")
    prepared = sources()
    records = prepare_records([(name, frame, columns) for name, (frame, columns) in prepared.items()])
    decisions = ClericalDecisions.read(decisions_table([("a.csv", 3, "b.csv", 3, "same"),
                                                        ("a.csv", 1, "c.csv", 2, "different")]), "review.csv")
    decisions.match(records, prepared, SECRET)
    duck = link_households(records.copy(), review_low=0.0001, decisions=decisions, engine="duckdb")
    monkeypatch.setenv(linkage_engines.MASTER_VARIABLE, "local[1]")
    try:
        spark = link_households(records.copy(), review_low=0.0001, decisions=decisions, engine="spark")
    finally:
        from pyspark.sql import SparkSession

        session = SparkSession.getActiveSession()
        if session is not None:
            session.stop()
    assert len(duck.decided) == 2
    pd.testing.assert_frame_equal(spark.decided.reset_index(drop=True), duck.decided.reset_index(drop=True),
                                  check_dtype=False)
