"""The name each input file goes by in the log, the clerical review (dataset_l, dataset_r), the officer's decisions
read back and the processing record: its file name, and where two inputs share a file name ('2024/council_tax.csv'
and '2025/council_tax.csv', a year's extract beside the last), as many of its folders as tell them apart. A name is
what the officer reads and writes back, so it says no more of the path than it must."""
import os

from .messages import AnalysisError, translatable


def dataset_names(paths, taken=()):
    """One name per path, in order: the file name alone where no other file (nor a name in `taken`, a dataset the
    tool names itself) has it; else the file name after as many of its folders as make it unique, written with '/'
    on every system. The same file given twice (however its path is written) gets the same name twice: the caller
    refuses it, as a decision could not say which of the two it meant."""
    files = [os.path.normcase(os.path.realpath(path)) for path in paths]
    first = {}
    for path, file in zip(paths, files):
        first.setdefault(file, path)
    distinct = list(first)
    parts = [_parts(first[file]) for file in distinct]
    depth = [1] * len(distinct)
    while True:
        names = ["/".join(p[-d:]) for p, d in zip(parts, depth)]
        clashing = {name for name in names if names.count(name) > 1 or name in taken}
        if not clashing:
            return [dict(zip(distinct, names))[file] for file in files]
        longer = [k for k, name in enumerate(names) if name in clashing and depth[k] < len(parts[k])]
        if not longer:
            raise AnalysisError(translatable("The datasets cannot be told apart by their names ({}): rename or move "
                                             "one of the files."), ", ".join(sorted(clashing)))
        for k in longer:
            depth[k] += 1


def _parts(path):
    """The folders and file name of a path, the file name last."""
    parts = []
    rest = os.path.abspath(path)
    while True:
        rest, last = os.path.split(rest)
        if not last:
            return parts[::-1]
        parts.append(last)
