"""The same export given twice under two file names ('older.xlsx' and 'older (1).xlsx', a copy saved again): every
pair of the clerical review that one of its rows is in comes back once per copy, so an officer would decide it twice
or four times. Here a file that holds the same table as an earlier one, row for row, is named a repeat of it, and the
review keeps each pair of rows once (its first place, the earlier file's where both stand), with a note saying which
files repeat. Only exact copies: two exports of one register taken on different days differ in some rows, and their
pairs are different pairs."""
import pandas as pd

from .messages import Note, translatable


def repeated_files(datasets):
    """{repeat's name: the earlier file's name} for each file whose table as read equals an earlier one's (the same
    columns, in order, and the same text in every cell); datasets: [(name, role, DataFrame)] in the order given."""
    repeats = {}
    seen = []
    for name, _, table in datasets:
        original = next((earlier for earlier, content in seen if _same_table(content, table)), None)
        if original is None:
            seen.append((name, table))
        else:
            repeats[name] = original
    return repeats


def _same_table(one, other):
    if one.shape != other.shape or list(one.columns) != list(other.columns):
        return False
    return one.reset_index(drop=True).astype(str).equals(other.reset_index(drop=True).astype(str))


def review_without_repeats(review, repeats, roles=None):
    """(review, notes): the clerical review with each pair of rows once, a repeat's row read as the earlier file's
    same row (a pair of a row with its own copy is no pair at all), and a note per repeated file; roles: {name: role},
    to warn where a copy given under another role flags every household it lists for that role too."""
    if not repeats or not len(review):
        return review, _notes(repeats, roles or {})

    def as_original(side):
        return list(zip((repeats.get(d, d) for d in review["dataset_" + side]), review["row_" + side].astype(int)))

    seen = set()
    keep = []
    for left, right in zip(as_original("l"), as_original("r")):
        pair = frozenset((left, right))
        keep.append(left != right and pair not in seen)
        seen.add(pair)
    return review[pd.Series(keep, index=review.index)].reset_index(drop=True), _notes(repeats, roles or {})


def _notes(repeats, roles):
    notes = []
    for repeat, original in repeats.items():
        notes.append(Note(translatable(
            "'{}' repeats '{}' row for row (the same export under another name): the clerical review shows each of "
            "their pairs once."), repeat, original, warning=True))
        if roles.get(repeat) != roles.get(original):
            notes.append(Note(translatable(
                "'{}' is given as {} and its copy '{}' as {}: every household the copy lists is flagged {} too. Give "
                "each export once, with its own role."), original, roles.get(original), repeat, roles.get(repeat),
                roles.get(repeat), warning=True))
    return notes
