"""Jaro-Winkler similarity computed exactly as DuckDB's jaro_winkler_similarity, to the last bit.

The linkage's comparisons are written with DuckDB's function. On Spark the same comparisons must give the same
levels, but Splink's Spark function (a Scala UDF) halves transpositions without rounding down and so scores many
pairs differently (0.69 against DuckDB's 0.80 for 'JUNNCTION CLOSE' and 'JUNCTION GGR'). This module is what Spark
runs instead. It imports nothing, so Spark can ship it to its executors by value.

DuckDB follows rapidfuzz: characters match within max(len)/2 - 1 places, transpositions are halved rounding down,
the sum is m/len1 + m/len2 + (m - t)/m over 3, and above 0.7 the common prefix (at most 4) adds 0.1 per character
of what is left. Its build fuses that last multiply and add (one rounding), which is done here with exact fractions.
"""
from fractions import Fraction


def similarity(s, t):
    """Jaro-Winkler similarity of two strings, None when either is None; 0 when either is empty."""
    if s is None or t is None:
        return None
    ls, lt = len(s), len(t)
    if not ls or not lt:
        return 0.0
    window = max(max(ls, lt) // 2 - 1, 0)
    taken = [False] * lt
    s_matched = []
    for i, c in enumerate(s):  # each character takes the first free equal character of t within the window
        end = min(lt, i + window + 1)
        j = t.find(c, max(0, i - window), end)
        while j >= 0 and taken[j]:
            j = t.find(c, j + 1, end)
        if j >= 0:
            taken[j] = True
            s_matched.append(c)
    m = len(s_matched)
    if not m:
        return 0.0
    t_matched = [c for c, used in zip(t, taken) if used]
    transpositions = sum(a != b for a, b in zip(s_matched, t_matched)) // 2
    sim = 0.0
    sim += m / ls
    sim += m / lt
    sim += (m - transpositions) / m
    sim /= 3.0
    if sim > 0.7:
        prefix = 0
        for a, b in zip(s[:4], t[:4]):
            if a != b:
                break
            prefix += 1
        if prefix:
            # sim + (prefix * 0.1) * (1 - sim), rounded once, as DuckDB's fused multiply-add gives it
            sim = min(float(Fraction(prefix * 0.1) * Fraction(1.0 - sim) + Fraction(sim)), 1.0)
    return sim
