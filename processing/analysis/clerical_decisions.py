"""The officer's decisions on the clerical review, read back on the next run of Find people at risk or Housing
benefit overlay: a pair marked 'same home' is linked, a pair marked 'different homes' is never in one household.

A pair is named by what stays the same when the same extracts are read again: each record's dataset name and row
number, and a check code, a keyed hash (HMAC-SHA256 with the run's pseudonym secret) of the fields the row is
matched on (UPRNs, postcode, address lines). A decision whose rows no longer say what they said (an extract
re-exported in another order, a table from other files or another secret) is skipped and said to be, never applied
to the wrong rows. The decisions table needs no address or name, and the check codes reveal nothing without the
secret, which is never written.

The review a run writes lists the undecided pairs first and then every pair decided, with its decision: the newest
review holds every decision so far, and it is the one file to fill in and give to the next run."""
import difflib
import hashlib
import hmac
import re
from dataclasses import dataclass, field

import numpy as np

from .messages import AnalysisError, Note, listed, translatable

SAME, DIFFERENT = "same home", "different homes"
# what an officer may write, compared without case or spaces
WORDS = {SAME: ("same", "samehome", "yes", "y", "match"),
         DIFFERENT: ("different", "differenthome", "differenthomes", "no", "n", "nomatch", "notamatch")}
REQUIRED = ("dataset_l", "row_l", "check_l", "dataset_r", "row_r", "check_r", "decision")
CHECK_LENGTH = 12  # hex digits: a changed row passes as unchanged once in 2**48
# a check code starts with a letter so a spreadsheet never reads it as a number ('12e4...' would become 1.2E+5)
CHECK_PREFIX = "x"
ALREADY_DECIDED = "decided in an earlier review"
NOT_SCORED = "not scored this run"


def decision_of(text):
    """SAME, DIFFERENT, None for an empty cell, or False for text that is neither (never guessed)."""
    if text is None or (isinstance(text, float) and np.isnan(text)):
        return None
    compact = re.sub(r"\s+", "", str(text)).lower().rstrip(".")
    if not compact:
        return None
    for decision, words in WORDS.items():
        if compact in words:
            return decision
    return False


def matching_fields(columns):
    """The fields a row is matched on (people_at_risk.detect_columns' UPRNs, postcode and address lines)."""
    uprns = columns.get("uprns") or ([columns["uprn"]] if columns.get("uprn") else [])
    return list(uprns) + [c for c in [columns.get("postcode")] if c] + list(columns.get("address") or [])


def _cell(value):
    if value is None or (isinstance(value, float) and np.isnan(value)):
        return ""
    return str(value).strip()


def row_check(secret, values):
    """The check code of a row from the values of its matching fields."""
    text = "\x1f".join(["clerical review row"] + [_cell(v) for v in values])
    digest = hmac.new(secret.encode("utf-8"), text.encode("utf-8"), hashlib.sha256).hexdigest()
    return CHECK_PREFIX + digest[:CHECK_LENGTH]


def checks_of(sources, secret, keys):
    """{(dataset, row from 1): check code} for the given keys; sources: {dataset: (DataFrame, its columns)}. A key
    naming no row of its dataset has no code."""
    wanted = {}
    for dataset, row in set(keys):
        wanted.setdefault(dataset, []).append(int(row))
    codes = {}
    for dataset, rows in wanted.items():
        frame, columns = sources.get(dataset, (None, None))
        if frame is None:
            continue
        rows = sorted(row for row in rows if 0 < row <= len(frame))
        fields = [f for f in matching_fields(columns) if f in frame.columns]
        values = frame[fields].iloc[[row - 1 for row in rows]].itertuples(index=False, name=None)
        codes.update({(dataset, row): row_check(secret, cells) for row, cells in zip(rows, values)})
    return codes


@dataclass
class _Decided:
    line: int  # the spreadsheet row of the decisions table (its header is row 1)
    left: tuple  # (dataset, row from 1, check code)
    right: tuple
    decision: str


@dataclass
class ClericalDecisions:
    """The decisions of one filled-in review table, matched to this run's rows (match) and applied to the households
    (applied_to, called by linkage.link_households). What happened is counted for the log and the record."""
    name: str
    decided: list = field(default_factory=list)  # _Decided read
    not_understood: list = field(default_factory=list)  # spreadsheet rows
    contradicting: list = field(default_factory=list)  # spreadsheet rows deciding a pair two ways
    unreadable: list = field(default_factory=list)  # (spreadsheet row, why): a row number that is no row
    stale: list = field(default_factory=list)  # (spreadsheet row, why): rows that no longer say what they said
    same: list = field(default_factory=list)  # (unique_id, unique_id, _Decided), matched to this run's rows
    different: list = field(default_factory=list)
    refused_same: list = field(default_factory=list)  # 'same home' decisions another decision contradicts
    split: list = field(default_factory=list)  # 'different homes' pairs that had to be split, and by what
    rows_read: int = 0

    # --- reading ----------------------------------------------------------------------------------------------

    @classmethod
    def read(cls, table, name):
        """The decisions of a filled-in review table (a DataFrame of what the file holds). Fields are found by their
        names or their labels in words, without case or spaces; a table lacking one is refused, naming it."""
        found = _fields(table, name)
        if not len(table):
            raise AnalysisError(translatable("The clerical decisions '{}' hold no rows: give the clerical review you "
                                             "filled in, or leave Clerical decisions empty."), name)
        decisions = cls(name=name, rows_read=int(len(table)))
        by_pair = {}
        keys = list(found)
        for position, values in enumerate(table[[found[k] for k in keys]].itertuples(index=False, name=None)):
            row = dict(zip(keys, values))
            line = position + 2
            decision = decision_of(row["decision"])
            if decision is None:
                continue
            if decision is False:
                decisions.not_understood.append(line)
                continue
            sides = []
            for side in ("l", "r"):
                number = _row_number(row["row_" + side])
                sides.append((_cell(row["dataset_" + side]), number, _cell(row["check_" + side])))
            if sides[0][1] is None or sides[1][1] is None:
                decisions.unreadable.append((line, "a row number is not a whole number"))
                continue
            pair = tuple(sorted(sides[:2]))
            if pair in by_pair and by_pair[pair].decision != decision:
                decisions.contradicting += [by_pair[pair].line, line]
                continue
            by_pair[pair] = _Decided(line, sides[0], sides[1], decision)
        clashing = set(decisions.contradicting)
        decisions.decided = [d for d in by_pair.values() if d.line not in clashing]
        return decisions

    def match(self, records, sources, secret):
        """Each decision's two records in this run (records: linkage.prepare_records' table, unique_id as its
        position), where both rows still say what they said; the others are stale, with the reason."""
        position = {(source, int(row) + 1): uid for source, row, uid in
                    zip(records["source"], records["row"], records["unique_id"])}
        sides = [side for d in self.decided for side in (d.left, d.right)]
        named = {dataset: _named_so(dataset, sources) for dataset, _, _ in sides}
        checks = checks_of(sources, secret, [(name, row) for dataset, row, _ in sides for name in named[dataset]])
        self.same, self.different, self.stale = [], [], []
        for decided in self.decided:
            why, keys = None, []
            for dataset, row, check in (decided.left, decided.right):
                key, why = _this_runs_row(dataset, row, check, named[dataset], checks, position)
                if why:
                    break
                keys.append(key)
            if why:
                self.stale.append((decided.line, why))
                continue
            pair = (position[keys[0]], position[keys[1]], decided)
            if pair[0] != pair[1]:
                (self.same if decided.decision == SAME else self.different).append(pair)
        return self

    # --- applying ---------------------------------------------------------------------------------------------

    def applied_to(self, household, uprn_links, links):
        """The households with the decisions applied. household: each row's household; uprn_links: (left, right)
        rows sharing a UPRN; links: (left, right, weight) the accepted address links. 'Same home' joins the two
        households (unless a 'different homes' decision would then share one); a household holding a pair decided
        'different homes' is built again from its own links, strongest first, 'same home' decisions before all,
        never following a link that would put the two together."""
        household = np.asarray(household)
        before, self.split = household.copy(), []
        household = self._joined(household)
        torn = sorted({int(household[a]) for a, b, _ in self.different if household[a] == household[b]})
        for a, b, decided in self.different:
            if household[a] == household[b]:
                self.split.append((decided, bool(before[a] == before[b])))
        if torn:
            household = self._rebuilt(household, torn, uprn_links, links)
        return np.unique(household, return_inverse=True)[1]

    def _joined(self, household):
        parent = {}

        def find(x):
            while parent.get(x, x) != x:
                x = parent[x]
            return x

        # each household's households it must not join (a pair decided different between them), merged as they join
        apart = {}
        for c, d, _ in self.different:
            gc, gd = int(household[c]), int(household[d])
            if gc != gd:
                apart.setdefault(gc, set()).add(gd)
                apart.setdefault(gd, set()).add(gc)
        self.refused_same = []
        for a, b, decided in self.same:
            ga, gb = find(int(household[a])), find(int(household[b]))
            if ga == gb:
                continue
            if len(apart.get(ga, ())) > len(apart.get(gb, ())):
                ga, gb = gb, ga  # the smaller list is read, and merged into the larger
            if any(find(g) == gb for g in apart.get(ga, ())):
                self.refused_same.append(decided)
                continue
            parent[ga] = gb
            apart.setdefault(gb, set()).update(apart.pop(ga, ()))
        if not parent:
            return household
        labels = np.unique(household)
        return np.array([find(int(g)) for g in labels])[np.searchsorted(labels, household)]

    def _rebuilt(self, household, torn, uprn_links, links):
        inside = np.isin(household, torn)
        rows = np.flatnonzero(inside)
        local = {int(row): k for k, row in enumerate(rows)}
        refused = {id(d) for d in self.refused_same}
        edges = [(a, b, decided) for a, b, decided in self.same if id(decided) not in refused]
        weight = np.asarray(links[2], dtype=float)
        # UPRNs first, then the address links, strongest first
        for left, right, order in [(*uprn_links, None), (*links[:2], np.argsort(-weight, kind="stable"))]:
            left, right = np.asarray(left, dtype=np.int64), np.asarray(right, dtype=np.int64)
            if order is not None:
                left, right = left[order], right[order]
            kept = np.flatnonzero(inside[left] & inside[right])
            edges += [(a, b, None) for a, b in zip(left[kept], right[kept])]
        # rows joined by no link (a household placed by elimination): together last, if no decision parts them
        edges += [(a, b, None) for a, b in zip(rows[:-1], rows[1:]) if household[a] == household[b]]
        parent = list(range(len(rows)))
        sides = [dict() for _ in rows]  # component root -> {decision number: which end it holds}
        for k, (a, b, _) in enumerate(self.different):
            if int(a) in local and int(b) in local:
                sides[local[int(a)]][k], sides[local[int(b)]][k] = 0, 1

        def find(x):
            while parent[x] != x:
                parent[x] = parent[parent[x]]
                x = parent[x]
            return x

        for a, b, decided in edges:
            if int(a) not in local or int(b) not in local or household[a] != household[b]:
                continue
            ra, rb = find(local[int(a)]), find(local[int(b)])
            if ra == rb:
                continue
            if any(sides[rb].get(k, end) != end for k, end in sides[ra].items()):
                if decided is not None:  # 'same home' beside 'different homes' of a row it would bring along
                    self.refused_same.append(decided)
                continue
            parent[rb] = ra
            sides[ra].update(sides[rb])
        out = household.astype(np.int64).copy()
        out[rows] = household.max() + 1 + np.array([find(k) for k in range(len(rows))])
        return out

    # --- what is said of them ---------------------------------------------------------------------------------

    def pairs(self):
        """{(unique_id, unique_id) in order: SAME or DIFFERENT} of the decisions applied."""
        refused = {id(d) for d in self.refused_same}
        return {tuple(sorted((int(a), int(b)))): decided.decision for a, b, decided in self.same + self.different
                if id(decided) not in refused}

    def summary(self):
        """For the processing record: counts only (no decision text, which may say anything)."""
        applied = self.pairs()
        return {"table": self.name, "rows_read": self.rows_read,
                "applied": len(applied), "same_home": sum(d == SAME for d in applied.values()),
                "different_homes": sum(d == DIFFERENT for d in applied.values()),
                "not_understood": len(self.not_understood) + len(self.contradicting),
                "no_longer_matching_their_rows": len(self.unreadable) + len(self.stale),
                "same_home_refused_as_contradicted": len(self.refused_same),
                "households_split": len(self.split)}

    def notes(self):
        summary = self.summary()
        notes = [Note(translatable(
            "Clerical decisions from '{}': {} applied ({} same home, {} different homes); {} not understood; {} no "
            "longer match their rows. The review lists the pairs still to decide first, then every pair decided, "
            "with its decision: fill in the new rows and give that review next time."), self.name,
            summary["applied"], summary["same_home"], summary["different_homes"], summary["not_understood"],
            summary["no_longer_matching_their_rows"])]
        if self.not_understood:
            notes.append(Note(translatable(
                "{} decision(s) in '{}' were not understood and were left undecided (spreadsheet rows {}): write same "
                "home or different homes (or same / different, yes / no, y / n, match / no match)."),
                len(self.not_understood), self.name, listed(self.not_understood, 10), warning=True))
        if self.contradicting:
            notes.append(Note(translatable(
                "'{}' decides the same pair both ways (spreadsheet rows {}): neither was applied."), self.name,
                listed(self.contradicting, 10), warning=True))
        skipped = self.unreadable + self.stale
        if skipped:
            everything = bool(self.decided) and len(self.stale) == len(self.decided)
            notes.append(Note(translatable(
                "{} decision(s) in '{}' were skipped because their rows no longer match: {}. Rows are named by "
                "dataset and row number, and checked against what the row says.{}"), len(skipped), self.name,
                listed(["spreadsheet row {}: {}".format(line, why) for line, why in sorted(skipped)], 5),
                translatable(" None matched: was the table written from other extracts, extracts saved in another "
                             "order, or with another secret?") if everything else "", warning=True))
        if self.refused_same:
            notes.append(Note(translatable(
                "{} 'same home' decision(s) in '{}' were not applied: they would put in one household two records "
                "decided to be different homes (spreadsheet rows {})."), len(self.refused_same), self.name,
                listed([d.line for d in self.refused_same], 10), warning=True))
        joined = [d.line for d, by_links in self.split if by_links]
        if joined:
            notes.append(Note(translatable(
                "{} 'different homes' decision(s) split a household that other links had joined (spreadsheet rows "
                "{}); its rows were shared out along their strongest links."), len(joined), listed(joined, 10)))
        return notes


def _this_runs_row(dataset, row, check, names, checks, position):
    """((dataset, row) of this run, None) for a decision's record, or (None, why not). names: the datasets its dataset
    name may mean (_named_so); checks: their rows' check codes; position: the rows there are to link."""
    if not names:
        return None, "no dataset of this run is called '{}'".format(dataset)
    if len(names) > 1:  # a name from a run given one of the files: the file whose row still says what it said
        saying = [name for name in names if checks.get((name, row)) == check]
        if len(saying) != 1:
            return None, "row {} of '{}' is row {} of {}, {}".format(
                row, dataset, row, " or ".join("'{}'".format(name) for name in names),
                "which say the same: write which in its dataset field" if saying else
                "neither of which says what it said")
        names = saying
    key = (names[0], row)
    if key not in checks:
        return None, "'{}' has no row {}".format(dataset, row)
    if checks[key] != check:
        return None, "row {} of '{}' no longer says what it said".format(row, dataset)
    if key not in position:
        return None, "row {} of '{}' has nothing to link on".format(row, dataset)
    return key, None


def _named_so(dataset, sources):
    """The datasets of this run a decision's dataset name means: that name; else, where a run given one of two files
    of the same name named it by its file name alone ('council_tax.csv'), every dataset now named with a folder
    before that file name ('2024/council_tax.csv', '2025/council_tax.csv'); the row checks then tell which."""
    if dataset in sources:
        return [dataset]
    return sorted(name for name in sources if dataset and name.endswith("/" + dataset))


def _row_number(value):
    try:
        number = float(_cell(value))
    except ValueError:
        return None
    return int(number) if number.is_integer() and number > 0 else None


def _fields(table, name):
    """{required field: the table's column}, found by name or label in words; refused naming what is missing."""
    from .review_sheet import LABELS

    def compact(text):
        return re.sub(r"[\s_]+", "", str(text)).lower()

    columns = {compact(c): c for c in table.columns}
    found, missing = {}, []
    for key in REQUIRED:
        names = [compact(key)] + ([compact(LABELS[key])] if key in LABELS else [])
        column = next((columns[n] for n in names if n in columns), None)
        if column is None:
            missing.append(key)
        else:
            found[key] = column
    if missing and set(missing) <= {"check_l", "check_r"}:
        raise AnalysisError(translatable(
            "The clerical decisions '{}' have no check codes (check_l, check_r): a review written before decisions "
            "were read back has none. Run again to get a review with them, and write the decisions in that."), name)
    if missing:
        near = [difflib.get_close_matches(key, [str(c) for c in table.columns], n=1, cutoff=0.7) for key in missing]
        said = ", ".join("{}{}".format(key, " (is '{}' it?)".format(n[0]) if n else "") for key, n in zip(missing, near))
        raise AnalysisError(translatable(
            "The clerical decisions '{}' lack the field(s) {}. Give the clerical review this tool wrote, with the "
            "decision column filled in and every other column as written. Its fields are: {}."), name, said,
            listed([str(c) for c in table.columns], 12))
    return found


def review_with_decisions(review, records, written, sources, threshold, households, secret, decisions=None,
                          scored=None):
    """The officer's review (review_sheet.officer_review) with a decision column and each record's check code: the
    pairs still to decide first, empty decision; then every pair decided, with its decision. review:
    link_households' review pairs; scored: its decided pairs, scored by this run's model (LinkageResult.decided), so
    that a decided pair this run did not put in review shows the comparison levels and weights as a review pair
    does; the other arguments as officer_review takes them.

    The review puts the pairs of two households one after another so that the officer decides two households once:
    one row of such a block written 'different' says it of the block, and its other pairs come back decided so too
    (a 'same' joins the two households, so their pairs are in review no more)."""
    import pandas as pd

    from .linkage import clerical_review
    from .review_sheet import OFFICER_ORDER, officer_review

    decided = decisions.pairs() if decisions is not None else {}
    keys = [tuple(sorted((int(a), int(b)))) for a, b in zip(review["unique_id_l"], review["unique_id_r"])]
    if decided:
        def homes(pair):
            found = frozenset(households.get(_rows(records, uid)) for uid in pair)
            return found if all(isinstance(key, str) for key in found) else None

        apart = {homes(pair) for pair, decision in decided.items() if decision == DIFFERENT} - {None}
        decided = {**{key: DIFFERENT for key in keys if key not in decided and homes(key) in apart}, **decided}
    is_decided = np.array([key in decided for key in keys], dtype=bool)
    table = officer_review(clerical_review(review[~is_decided].reset_index(drop=True), records, written=written),
                           sources, threshold, households)
    table["decision"] = pd.Series([None] * len(table), dtype=object)
    if decided:
        present = set(k for k, d in zip(keys, is_decided) if d)
        extra = pd.DataFrame(sorted(pair for pair in decided if pair not in present),
                             columns=["unique_id_l", "unique_id_r"])
        extra = _with_scores(extra, scored).assign(reason=ALREADY_DECIDED)
        pairs = pd.concat([review[is_decided], extra], ignore_index=True) if is_decided.any() else extra
        done = officer_review(clerical_review(pairs, records, written=written), sources, threshold, households)
        by_rows = {frozenset((_rows(records, a), _rows(records, b))): decision for (a, b), decision in decided.items()}
        done["decision"] = [by_rows.get(frozenset(((dl, int(rl)), (dr, int(rr))))) for dl, rl, dr, rr in
                            zip(done["dataset_l"], done["row_l"], done["dataset_r"], done["row_r"])]
        table = pd.concat([table, done], ignore_index=True) if len(table) else done
    codes = checks_of(sources, secret, list(zip(table["dataset_l"], table["row_l"].astype(int)))
                      + list(zip(table["dataset_r"], table["row_r"].astype(int))))
    for side in ("l", "r"):
        table["check_" + side] = pd.Series([codes.get((d, int(r))) for d, r in
                                            zip(table["dataset_" + side], table["row_" + side])], dtype=object)
    return table[[c for c in OFFICER_ORDER if c in table]].reset_index(drop=True)


def _with_scores(pairs, scored):
    """The pairs (unique_id_l < unique_id_r) with their weights and comparison levels from `scored`; a pair it lacks
    says in each comparison that it was not scored this run, with no weight."""
    from .linkage import REVIEW_COMPARISONS

    columns = ["match_weight", "match_probability"] + [c for name in REVIEW_COMPARISONS
                                                       for c in (name, name + "_weight")]
    if scored is None or not len(scored):
        scored = pairs.iloc[:0].assign(**{c: np.nan for c in columns})
    scored = scored[["unique_id_l", "unique_id_r"] + [c for c in columns if c in scored]]
    out = pairs.merge(scored.astype({"unique_id_l": np.int64, "unique_id_r": np.int64}), how="left",
                      on=["unique_id_l", "unique_id_r"])
    missing = out["match_weight"].isna().to_numpy()
    for name in REVIEW_COMPARISONS:
        out[name] = out[name].astype(object).where(~missing, NOT_SCORED) if name in out else NOT_SCORED
    return out


def _rows(records, uid):
    return (records["source"].iat[uid], int(records["row"].iat[uid]) + 1)
