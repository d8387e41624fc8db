"""Find unlicensed houses in multiple occupation (HMOs): rank a borough's properties by how likely each is an
HMO that holds no licence, from files the council already holds (after the London Office of Data Analytics
pilot, 2016-17).

Method, in short:
- every file is linked to the property base (hmo_linkage.py) and reduced to documented features per property
  (hmo_data.py);
- positive-unlabelled learning: the licence register names some HMOs (the labelled positives); the unknown HMOs
  sit among all other properties, which are unlabelled, not negative. A classifier of "on the register" against
  the rest ranks properties as a classifier of "is an HMO" would, if licensed HMOs are like unlicensed ones
  (Elkan and Noto, 2008); dividing its score by its mean over held-out registered HMOs turns it into a
  probability under that assumption;
- two models are compared by spatially blocked cross-validation, whole streets (and so whole buildings) in one
  fold: a penalised (ridge) logistic model and gradient-boosted trees. The winner is kept;
- past inspection outcomes, when given, calibrate the probabilities (a logistic recalibration of the held-out
  score); without them the probabilities are said to be uncalibrated;
- each property's reasons are the three features that raised its score most: its score against the score with
  that feature at its commonest value.
"""
from dataclasses import dataclass, field

import numpy as np

from .hmo_data import AREA_PREFIX, FEATURES, ROLES, add_area_context, build_features, feature_meaning, check_roles, inspection_outcomes, link_all, match_rate, \
    normalise_role, register_state, select_columns
from .messages import AnalysisError, Cancelled, Note, no_progress, translatable

MIN_KNOWN_HMOS = 20
MIN_INSPECTIONS = 20
FOLDS = 5
LIST_SIZES = (50, 100, 500)
TIE = 0.02  # relative difference in held-out average precision below which the simpler model is kept
MAX_UNLABELLED_TRAINING = 30_000  # a larger borough trains on a weighted sample of its unlabelled properties
MIN_REGION = 100  # the fewest top-ranked properties the registered share is read from
CONFIDENCE_OF_BOUND = 0.5  # the share is read as the median of its Beta posterior


@dataclass
class HmoResult:
    properties: object  # DataFrame, one row per property of the base (its order)
    report: dict
    record: dict
    notes: list = field(default_factory=list)
    features: object = None  # DataFrame of the features per property (for benchmarks; never written)


def find_unlicensed_hmos(properties, datasets, as_at, progress=no_progress, seed=1, folds=FOLDS, area_context=None):
    """properties: DataFrame with uprn, address, postcode (text; any other columns pass through untouched).
    datasets: list of (name, role, DataFrame of text). as_at: the date licences and complaints are judged at.
    area_context: optional DataFrame, one row per property, of its area's figures (e.g. Census 2021 shares of
    private renting and converted houses in its LSOA; NaN outside every area)."""
    from .hmo_linkage import PropertyIndex

    notes = []
    roles = [normalise_role(role) for _, role, _ in datasets]
    check_roles(roles, [name for name, _, _ in datasets])
    prepared = [select_columns(name, role, frame) for (name, _, frame), role in zip(datasets, roles)]
    for p in prepared:
        notes.extend(p.notes)
    n = len(properties)
    if n == 0:
        raise AnalysisError(translatable("The property base has no properties."))
    progress(0.02)
    index = PropertyIndex(properties["uprn"].to_numpy(), properties["address"].to_numpy(),
                          properties["postcode"].to_numpy())
    progress(0.08)
    link_all(prepared, index, progress=lambda f: progress(0.08 + 0.32 * f))
    by_role = {p.role: p for p in prepared}
    on_register, licensed, licence_start, licence_end, expired_rows = register_state(by_role["hmo_register"], n, as_at)
    if expired_rows:
        notes.append(Note(translatable("{} licence(s) on the register had expired on {} (or not yet begun): those "
                                       "properties are treated as unlicensed; their dates are kept in the output."),
                          expired_rows, str(as_at)))
    outcome, unreadable = inspection_outcomes(by_role["inspections"], n) if "inspections" in by_role else (None, 0)
    if unreadable:
        notes.append(Note(translatable("{} inspection outcome(s) were neither 'HMO' nor 'not HMO' and were not used."),
                          unreadable, warning=True))
    features = build_features(by_role, n, index.has_flat, as_at)
    if area_context is not None:
        features = add_area_context(features, area_context, notes)
    known = int(on_register.sum())
    if known < MIN_KNOWN_HMOS:
        raise AnalysisError(translatable(
            "Only {} known HMO(s) on the register link to the property base; at least {} are needed to learn what "
            "an HMO looks like in the other files. Nothing was fitted. Check the register's UPRNs and addresses "
            "(the match rates are in the log) or add past inspection outcomes of 'HMO' to the register."),
            known, MIN_KNOWN_HMOS)
    progress(0.42)
    groups = street_groups(index)
    inspected = np.where(licensed, np.nan, outcome) if outcome is not None else None
    model = fit_and_compare(features, on_register, groups, seed, folds,
                            progress=lambda f: progress(0.42 + 0.38 * f), inspected=inspected)
    area_value = area_context_value(features, on_register, groups, seed, folds, model, inspected)
    probability, probability_low, probability_high, calibration = calibrate(model["held_out"], on_register, outcome,
                                                                            licensed, notes, seed)
    progress(0.82)
    reasons, effects = explain(model["final"], features, progress=lambda f: progress(0.82 + 0.15 * f))
    output = assemble(properties, features, probability, licensed, on_register, licence_start, licence_end, reasons)
    output.insert(output.columns.get_loc("hmo_probability") + 1, "hmo_probability_low", np.round(probability_low, 4))
    output.insert(output.columns.get_loc("hmo_probability") + 2, "hmo_probability_high", np.round(probability_high, 4))
    evaluation = evaluate(model["held_out"], on_register, features, seed)
    evaluation["inspections"] = inspection_check(probability, outcome, licensed)
    report = {"as_at": str(as_at), "properties": n, "known_hmos": known, "licensed": int(licensed.sum()),
              "expired_licences": int((on_register & ~licensed).sum()), "model": model["summary"],
              "calibration": calibration, "evaluation": evaluation, "effects": effects,
              "match_rates": [match_rate(p) for p in prepared], "area_context": area_value,
              "features": {name: feature_meaning(name) for name in features.columns},
              "calibration_points": calibration_points(model["held_out"], on_register, probability, outcome, licensed)}
    record = processing_record(prepared, features)
    progress(1.0)
    return HmoResult(output, report, record, notes, features)


def street_groups(index):
    """Cross-validation blocks: one per street (a building is on one street), else per postcode."""
    import pandas as pd

    key = [s if s else (p or "?") for s, p in zip(index.street, index.postcodes)]
    return pd.factorize(pd.Series(key))[0]


def candidate_models(seed):
    """The two models compared: name -> a factory of an unfitted scikit-learn estimator."""
    from sklearn.ensemble import HistGradientBoostingClassifier
    from sklearn.impute import SimpleImputer
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import make_pipeline
    from sklearn.preprocessing import FunctionTransformer, StandardScaler

    return {
        "penalised logistic regression": lambda: make_pipeline(
            SimpleImputer(strategy="median", add_indicator=True), FunctionTransformer(_signed_log),
            StandardScaler(), LogisticRegression(C=0.3, max_iter=1000)),
        "gradient-boosted trees": lambda: HistGradientBoostingClassifier(
            max_iter=150, learning_rate=0.06, max_leaf_nodes=15, min_samples_leaf=40, l2_regularization=1.0,
            early_stopping=False, random_state=seed),
    }


def _signed_log(x):
    """log(1 + |x|) with x's sign: counts are squeezed, and an area figure below zero (a z-score) stays finite."""
    return np.sign(x) * np.log1p(np.abs(x))


def area_context_value(features, labels, groups, seed, folds, model, inspected=None):
    """What the area context added: the kept model's held-out figures with and without the area features (the
    same folds; for registered HMOs and, when given, past inspections), or None when no area context was given."""
    from sklearn.metrics import average_precision_score

    area = [name for name in features.columns if name.startswith(AREA_PREFIX)]
    if not area:
        return None
    rest = features.drop(columns=area)
    y = labels.astype(int)
    make = candidate_models(seed)[model["summary"]["winner"]]
    without = _held_out_scores(make, rest.to_numpy(dtype=float), y, model["splits"], np.random.default_rng(seed))
    with_area = model["held_out"]

    def figures(scores):
        out = {"average_precision": float(average_precision_score(y, scores)),
               "precision_at_100": float(y[np.argsort(-scores, kind="stable")[:100]].mean())}
        if _usable(inspected):
            known = np.isfinite(inspected)
            out["inspection_average_precision"] = float(average_precision_score(inspected[known].astype(int),
                                                                                scores[known]))
        return out

    return {"fields": [name[len(AREA_PREFIX):] for name in area], "with": figures(with_area),
            "without": figures(without)}


def _held_out_scores(make, x, y, splits, rng):
    scores = np.zeros(len(y))
    for train, test in splits:
        if 0 < y[train].sum() < len(train):
            scores[test] = _model_score(_fit(make, x, y, train, rng), x[test])
    return scores


def fit_and_compare(features, labels, groups, seed, folds, progress=no_progress, inspected=None):
    """Held-out scores of both models by spatially blocked folds; the winner refitted on everything.

    inspected: per property 1 (an inspection found an HMO), 0 (found none) or NaN. With enough outcomes of both
    kinds the winner is the model that ranks them better (held-out average precision, which weighs the top of
    the list most): the register holds mostly the larger, licensable HMOs, so the model best at finding
    registered ones is not always best at finding the others (on generated boroughs, trees won on the register
    and lost on the unlicensed HMOs).
    Without them, the one with the higher held-out average precision for registered HMOs wins."""
    from sklearn.metrics import average_precision_score, roc_auc_score
    from sklearn.model_selection import GroupKFold

    x = features.to_numpy(dtype=float)
    y = labels.astype(int)
    folds = max(2, min(folds, int(y.sum()), len(np.unique(groups))))
    splits = list(GroupKFold(n_splits=folds).split(x, y, groups))
    models = candidate_models(seed)
    held_out, summary = {}, {}
    steps = len(models) * (len(splits) + 0) + 1
    done = 0
    rng = np.random.default_rng(seed)
    for name, make in models.items():
        scores = np.zeros(len(y))
        aucs = []
        for train, test in splits:
            if y[train].sum() == 0 or y[train].sum() == len(train):
                continue
            fitted = _fit(make, x, y, train, rng)
            scores[test] = _model_score(fitted, x[test])
            if 0 < y[test].sum() < len(test):
                aucs.append(roc_auc_score(y[test], scores[test]))
            done += 1
            progress(done / steps)
        held_out[name] = scores
        summary[name] = {"auc": float(np.mean(aucs)) if aucs else float("nan"),
                         "auc_sd": float(np.std(aucs)) if aucs else float("nan"),
                         "average_precision": float(average_precision_score(y, scores)),
                         "precision_at_100": float(y[np.argsort(-scores, kind="stable")[:100]].mean())}
        if _usable(inspected):
            known = np.isfinite(inspected)
            summary[name]["inspection_auc"] = float(roc_auc_score(inspected[known].astype(int), scores[known]))
            summary[name]["inspection_average_precision"] = float(average_precision_score(
                inspected[known].astype(int), scores[known]))
    names = list(models)
    simple, trees = names[0], names[1]
    if _usable(inspected):
        ap_simple, ap_trees = (summary[m]["inspection_average_precision"] for m in (simple, trees))
        # the trees must win on the register as well: on the generated sample borough they won on 400 past
        # inspections by a hair and found 75% true HMOs among the first 100, against 87% for the logistic model
        on_register = summary[trees]["average_precision"] > summary[simple]["average_precision"] * (1 + TIE)
        winner = trees if ap_trees > ap_simple * (1 + TIE) and on_register else simple
        loser = simple if winner == trees else trees
        why = ("it ranked the {} past inspections better (held-out average precision {:.3f} against {:.3f} for "
               "{})".format(int(np.isfinite(inspected).sum()), summary[winner]["inspection_average_precision"],
                            summary[loser]["inspection_average_precision"], loser))
        if winner == simple and ap_trees > ap_simple:
            why = ("the trees did not beat the logistic model by more than {:.0%} on both the past inspections (held-out "
                   "average precision {:.3f} against {:.3f}) and the register ({:.3f} against {:.3f}), so the simpler "
                   "model, whose effects read directly, was kept".format(
                       TIE, ap_trees, ap_simple, summary[trees]["average_precision"],
                       summary[simple]["average_precision"]))
        final = _fit(models[winner], x, y, np.arange(len(y)), rng)
        progress(1.0)
        return {"held_out": held_out[winner], "final": final, "splits": splits, "compared_scores": held_out,
                "summary": {"compared": summary, "winner": winner, "why": why, "folds": len(splits),
                            "blocks": int(len(np.unique(groups))), "judged_by": "inspections"}}
    ap_simple, ap_trees = summary[simple]["average_precision"], summary[trees]["average_precision"]
    winner = trees if ap_trees > ap_simple * (1 + TIE) else simple
    why = ("its held-out average precision for registered HMOs was {:.3f} against {:.3f} for {}".format(
        summary[winner]["average_precision"], summary[simple if winner == trees else trees]["average_precision"],
        simple if winner == trees else trees))
    if winner == simple and ap_trees > ap_simple:
        why = ("the trees' held-out average precision ({:.3f}) was within {:.0%} of the logistic model's ({:.3f}), "
               "so the simpler model, whose effects read directly, was kept".format(ap_trees, TIE, ap_simple))
    final = _fit(models[winner], x, y, np.arange(len(y)), rng)
    progress(1.0)
    return {"held_out": held_out[winner], "final": final, "splits": splits, "compared_scores": held_out,
            "summary": {"compared": summary, "winner": winner, "why": why, "folds": len(splits),
                        "blocks": int(len(np.unique(groups))), "judged_by": "register"}}


def _usable(inspected):
    """Enough inspection outcomes, of both kinds, to judge or calibrate by."""
    if inspected is None:
        return False
    known = inspected[np.isfinite(inspected)]
    return len(known) >= MIN_INSPECTIONS and 0 < known.sum() < len(known)


def _fit(make, x, y, rows, rng):
    """Fit on `rows`: every registered HMO, and at most MAX_UNLABELLED_TRAINING unlabelled properties weighted
    up to stand for all of them (so the score stays the chance of being on the register)."""
    positives = rows[y[rows] == 1]
    unlabelled = rows[y[rows] == 0]
    weight = 1.0
    if len(unlabelled) > MAX_UNLABELLED_TRAINING:
        weight = len(unlabelled) / MAX_UNLABELLED_TRAINING
        unlabelled = rng.choice(unlabelled, MAX_UNLABELLED_TRAINING, replace=False)
    chosen = np.concatenate([positives, unlabelled])
    weights = np.where(y[chosen] == 1, 1.0, weight)
    model = make()
    with _threads():
        if hasattr(model, "steps"):
            return model.fit(x[chosen], y[chosen], **{model.steps[-1][0] + "__sample_weight": weights})
        return model.fit(x[chosen], y[chosen], sample_weight=weights)


def _threads():
    """One native thread per two cores: on a shared machine, more OpenMP threads than cores slow the trees
    down many times over."""
    import os

    from threadpoolctl import threadpool_limits

    return threadpool_limits(limits=max(1, (os.cpu_count() or 2) // 2))


def calibrate(held_out, on_register, outcome, licensed, notes, seed=1):
    """Probability of being an HMO per property, its low and high (under the interval of the share of HMOs on the
    register), and how it was calibrated.

    The held-out score is first made the chance of being on the register (register_probability). Its curve is
    logistic in that score's log-odds: slope 1 without inspections, the slope the inspection outcomes show with
    them. Its level comes from the share c of HMOs on the register (label_frequency), so that the expected HMOs
    in the base (registered ones counting 1 each) equal the registered HMOs divided by c: the Elkan-Noto prior
    shift, which without inspections and where no score exceeds c is their formula itself."""
    score = register_probability(held_out, on_register)
    share = label_frequency(held_out, on_register, score, seed)
    inspected = np.isfinite(outcome) & ~licensed if outcome is not None else np.zeros(len(held_out), dtype=bool)
    info = dict(share, inspections_used=int(inspected.sum()),
                expected_hmos=min(float(on_register.sum()) / share["label_frequency"], float(len(score))))
    logit = _logit(score)
    if outcome is not None and _usable(np.where(inspected, outcome, np.nan)):
        # Inspections are not a random sample (many follow complaints or tip-offs), so they teach the shape of the
        # curve, not its level.
        slope, _ = logistic_line(logit[inspected], outcome[inspected].astype(float))
        info.update(calibrated=True, slope=slope, inspected_hmo_rate=float(outcome[inspected].mean()), method=(
            "logistic recalibration of the held-out score on {} inspection outcomes (its slope), its level set to "
            "the positive-unlabelled estimate of {:.0f} HMOs in the base".format(int(inspected.sum()),
                                                                               info["expected_hmos"])))
    else:
        slope = 1.0
        why = ("no inspection outcomes were given" if outcome is None else
               "only {} usable inspection outcome(s) of unlicensed properties".format(int(inspected.sum())))
        info.update(calibrated=False, slope=slope, why_not=why, method=(
            "positive-unlabelled: the held-out score as the chance of being on the register, shifted so that the "
            "expected HMOs equal the registered ones divided by the share of HMOs on the register (Elkan and Noto); "
            "{:.0f} HMOs in the base".format(info["expected_hmos"])))
        notes.append(Note(translatable("The probabilities are uncalibrated ({}): they assume licensed HMOs are like "
                                       "unlicensed ones. Use them to rank properties, not as chances. Give past "
                                       "inspection outcomes (role inspections) to calibrate them."), why, warning=True))
    curves = []
    for key in ("label_frequency", "label_frequency_high", "label_frequency_low"):
        expected = min(float(on_register.sum()) / share[key], float(len(score)))
        intercept = _intercept_for_total(slope * logit, on_register, expected)
        curves.append(1.0 / (1.0 + np.exp(-(slope * logit + intercept))))
    info["intercept"] = float(_intercept_for_total(slope * logit, on_register, info["expected_hmos"]))
    return curves[0], curves[1], curves[2], info


def register_probability(held_out, on_register):
    """The held-out score recalibrated (Platt) to the chance of being on the register: scores from models fitted
    on other streets run overconfident, highest at the top."""
    if on_register.all() or not on_register.any():
        return np.clip(held_out, 0.0, 1.0)
    logit = _logit(held_out)
    slope, intercept = logistic_line(logit, on_register.astype(float))
    return 1.0 / (1.0 + np.exp(-(slope * logit + intercept)))


def logistic_line(x, y, steps=100):
    """(slope, intercept) of a logistic regression of y (0/1) on one variable: Newton's method, each step halved
    until the likelihood rises (a tiny ridge keeps it finite when the classes separate)."""
    design = np.column_stack([x, np.ones(len(x))])
    mean = float(np.clip(np.mean(y), 1e-6, 1 - 1e-6))
    beta = np.array([0.0, np.log(mean / (1 - mean))])

    def fit(b):
        z = design @ b
        return float(np.sum(y * z - np.logaddexp(0.0, z)) - 1e-6 * b @ b)

    current = fit(beta)
    for _ in range(steps):
        p = 1.0 / (1.0 + np.exp(-np.clip(design @ beta, -35, 35)))
        gradient = design.T @ (y - p) - 2e-6 * beta
        hessian = (design * (p * (1 - p))[:, None]).T @ design + 2e-6 * np.eye(2)
        step = np.linalg.solve(hessian, gradient)
        size = 1.0
        while size > 1e-6 and fit(beta + size * step) < current:
            size /= 2
        beta = beta + size * step
        improved, current = fit(beta) - current, fit(beta)
        if np.abs(size * step).max() < 1e-9 or improved < 1e-12:
            break
    return float(beta[0]), float(beta[1])


def label_frequency(held_out, on_register, score, seed=1, boots=200, level=0.95):
    """The share c of HMOs that are on the register, with an interval.

    Where the score is highest nearly every property is an HMO, so there the registered share is c itself (the
    idea of Bekker and Davis's TIcE): c is the largest registered share among the top k properties, over k from
    MIN_REGION to a quarter of the base, each share read as the median of its Beta posterior (so that a small
    region cannot win by luck). The mean of `score` (the held-out score as the chance of being on the register)
    over registered properties, Elkan and Noto's estimator, is a floor: it equals c only if every HMO looked like
    one, and on generated boroughs it is 0.4-0.8 of the true c. The interval comes from resampling the properties
    (a Poisson bootstrap of the same search)."""
    from scipy.stats import beta

    n = len(held_out)
    order = np.argsort(-held_out, kind="stable")
    labels = on_register[order].astype(float)
    sizes = np.unique(np.geomspace(min(MIN_REGION, n), max(min(MIN_REGION, n), n // 4), 120).astype(int))
    floor = float(np.clip(score[on_register].mean(), 1e-6, 1.0))

    def search(weights):
        counted = np.cumsum(weights)[sizes - 1]
        registered = np.cumsum(weights * labels)[sizes - 1]
        bound = np.where(registered > 0, beta.ppf(CONFIDENCE_OF_BOUND, np.maximum(registered, 1e-9),
                                                  np.maximum(counted - registered, 0) + 1), 0.0)
        best = int(np.argmax(bound))
        return max(float(bound[best]), floor), int(sizes[best])

    c, region = search(np.ones(n))
    rng = np.random.default_rng(seed)
    resampled = [search(rng.poisson(1.0, n).astype(float))[0] for _ in range(boots)]
    low, high = np.quantile(resampled, [(1 - level) / 2, (1 + level) / 2])
    return {"label_frequency": c, "label_frequency_low": float(min(low, c)), "label_frequency_high": float(max(high, c)),
            "label_frequency_floor": floor, "label_frequency_region": region}


def _intercept_for_total(linear, on_register, total):
    """b such that the registered properties (1 each) and sigmoid(linear + b) over the others sum to total."""
    others = linear[~on_register]
    wanted = total - float(on_register.sum())
    low, high = -50.0, 50.0
    for _ in range(80):
        middle = (low + high) / 2
        if (1.0 / (1.0 + np.exp(-(others + middle)))).sum() > wanted:
            high = middle
        else:
            low = middle
    return (low + high) / 2


def _logit(p):
    p = np.clip(p, 1e-6, 1 - 1e-6)
    return np.log(p / (1 - p))


def _model_score(model, x):
    with _threads():
        return model.predict_proba(x)[:, 1]


def explain(model, features, progress=no_progress, top=3):
    """reason_1..3 per property (plain words) and, per feature, how much it raised scores on average."""
    x = features.to_numpy(dtype=float)
    base = _logit(_model_score(model, x))
    raises = np.zeros_like(x)
    for j, name in enumerate(features.columns):
        column = x[:, j]
        reference = _commonest(column)
        # only properties whose value differs from the commonest one can owe anything to this feature
        differs = np.flatnonzero(~_is_commonest(column))
        if len(differs):
            changed = x[differs].copy()
            changed[:, j] = reference
            raises[differs, j] = base[differs] - _logit(_model_score(model, changed))
        progress((j + 1) / x.shape[1])
    order = np.argsort(-raises, axis=1)[:, :top]
    reasons = []
    names = list(features.columns)
    for k in range(top):
        column = order[:, k]
        positive = raises[np.arange(len(x)), column] > 1e-3
        reasons.append([_reason(names[j], x[i, j]) if positive[i] else "" for i, j in enumerate(column)])
    top_500 = np.argsort(-base, kind="stable")[:500]
    effects = [{"feature": name, "meaning": feature_meaning(name), "mean_raise_top_500": float(raises[top_500, j].mean()),
                "share_with_value": float(np.mean(~_is_commonest(x[:, j])))}
               for j, name in enumerate(names)]
    effects.sort(key=lambda e: -e["mean_raise_top_500"])
    return reasons, effects


def _is_commonest(column):
    reference = _commonest(column)
    return (column == reference) | (np.isnan(column) & np.isnan(reference))


def _commonest(column):
    finite = column[np.isfinite(column)]
    if len(finite) < len(column) / 2:
        return np.nan
    values, counts = np.unique(finite, return_counts=True)
    return float(values[np.argmax(counts)])


def _reason(name, value):
    text = feature_meaning(name)
    if not np.isfinite(value):
        return "no " + text
    if name in ("is_flat", "single_person_discount", "student_exemption", "landlord_liable", "discount_but_electors",
                "epc_private_rented"):
        return text[0].upper() + text[1:] if value else "not: " + text
    return "{}: {:g}".format(text[0].upper() + text[1:], round(float(value), 1))


def assemble(properties, features, probability, licensed, on_register, licence_start, licence_end, reasons):
    """The property-level output: the base's own columns, then the model's."""
    import pandas as pd

    out = properties[["uprn", "address", "postcode"]].copy().reset_index(drop=True)
    out["hmo_probability"] = np.round(probability, 4)
    order = np.lexsort((np.arange(len(out)), -probability))
    unlicensed_order = order[~licensed[order]]
    rank = pd.array([pd.NA] * len(out), dtype="Int64")
    rank[unlicensed_order] = np.arange(1, len(unlicensed_order) + 1)
    out["rank"] = rank
    out["licensed"] = licensed.astype(int)
    out["on_register"] = on_register.astype(int)
    out["licence_start"] = licence_start
    out["licence_end"] = licence_end
    for k, column in enumerate(reasons):
        out["reason_{}".format(k + 1)] = column
    return out


# --- how good is it ------------------------------------------------------------------------------------------------

def candidate_rules(features):
    """(label, flags) of simple rules a housing team might use instead of a model."""
    rules = []
    for name in features.columns:
        column = np.nan_to_num(features[name].to_numpy(dtype=float), nan=-1)
        if name == "floor_area_per_elector":
            for limit in (10, 15, 20):
                raw = features[name].to_numpy(dtype=float)
                rules.append(("{} at most {}".format(FEATURES[name], limit), np.isfinite(raw) & (raw <= limit)))
            continue
        if name in ("band", "habitable_rooms", "is_flat") or name.startswith(AREA_PREFIX):
            continue  # not a rule a housing team would inspect by
        highest = int(min(np.nanmax(column), 5)) if len(column) else 0
        for limit in range(1, max(highest, 1) + 1):
            rules.append(("{} {}+".format(FEATURES[name], limit) if highest > 1 else FEATURES[name], column >= limit))
    return rules


def precision_of_flags(flags, labels, k):
    """Expected precision of inspecting k properties: the flagged ones first, the rest at random."""
    flagged = int(flags.sum())
    if flagged >= k:
        return float(labels[flags].mean())
    rest = labels[~flags].mean() if (~flags).any() else 0.0
    return float((labels[flags].sum() + rest * (k - flagged)) / k)


def best_rule(features, labels, k=100):
    best = None
    for label, flags in candidate_rules(features):
        if flags.sum() < min(20, k):
            continue
        precision = precision_of_flags(flags, labels, k)
        if best is None or precision > best[1]:
            best = (label, precision, flags)
    return best


def evaluate(held_out, labels, features, seed):
    """Held-out precision among the first k properties for the registered HMOs, against random and the best rule."""
    labels = labels.astype(bool)
    order = np.argsort(-held_out, kind="stable")
    base = float(labels.mean())
    out = {"base_rate": base, "at": {}}
    rules = {}
    for k in LIST_SIZES:
        k_used = min(k, len(labels))
        precision = float(labels[order[:k_used]].mean())
        rule = best_rule(features, labels, k_used)
        rules[k] = rule
        out["at"][k] = {"precision": precision, "lift_over_random": precision / base if base else float("nan"),
                        "rule": rule[0] if rule else None, "rule_precision": rule[1] if rule else float("nan"),
                        "lift_over_rule": precision / rule[1] if rule and rule[1] > 0 else float("nan")}
    out["best_rule"] = rules[100][0] if rules.get(100) else None
    return out


def inspection_check(probability, outcome, licensed):
    """On past inspections of unlicensed properties: the HMO rate overall and among the top fifth by probability."""
    if outcome is None:
        return None
    inspected = np.isfinite(outcome) & ~licensed
    if inspected.sum() < 5:
        return {"inspected": int(inspected.sum())}
    p, y = probability[inspected], outcome[inspected]
    top = p >= np.quantile(p, 0.8)
    result = {"inspected": int(inspected.sum()), "hmo_rate": float(y.mean()), "hmo_rate_top_fifth": float(y[top].mean())}
    if 0 < y.sum() < len(y):
        from sklearn.metrics import roc_auc_score

        result["auc"] = float(roc_auc_score(y, p))
    return result


def calibration_points(held_out, labels, probability, outcome, licensed, bins=10):
    """(predicted, observed) per tenth: the held-out score against the registered share; and, with inspections,
    the calibrated probability against inspection outcomes (fifths)."""
    points = {"register": _binned(held_out, labels.astype(float), bins)}
    if outcome is not None:
        inspected = np.isfinite(outcome) & ~licensed
        if inspected.sum() >= MIN_INSPECTIONS:
            points["inspections"] = _binned(probability[inspected], outcome[inspected], 5)
    return points


def _binned(predicted, observed, bins):
    order = np.argsort(predicted, kind="stable")
    return [(float(predicted[part].mean()), float(observed[part].mean()), int(len(part)))
            for part in np.array_split(order, bins) if len(part)]


def processing_record(prepared, features):
    """What the processing record needs: per file its role, rows, the fields used and those dropped unread."""
    return {"datasets": [{"name": p.name, "role": p.role, "rows": int(len(p.frame)),
                          "fields_used": list(p.used),
                          "fields_dropped_unread": list(p.dropped)} for p in prepared],
            "features": {name: feature_meaning(name) for name in features.columns}}


__all__ = ["find_unlicensed_hmos", "HmoResult", "ROLES", "Cancelled", "MIN_KNOWN_HMOS"]
