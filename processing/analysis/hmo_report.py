"""The pages Find unlicensed HMOs writes: the report (how good the ranking is, and why), the inspection lists per
ward or patch, and the processing record written as a filled-in information-sharing agreement and DPIA summary.
Only property-level facts appear: no name, date of birth or claim reference reaches any page."""
from html import escape

import numpy as np

from . import charts
from .messages import translatable
from .report import STYLE

LAWFUL_BASIS = ("Housing Act 2004, Part 2 (licensing of houses in multiple occupation: the duty to secure that HMOs "
                "required to be licensed are licensed, s.55(5)); UK GDPR Article 6(1)(e), a task carried out in the "
                "public interest; Data Protection Act 2018, s.8.")
RETENTION = ("Outputs are kept for 12 months from the run, or until the inspections they list are closed, then "
             "deleted; source extracts are deleted as soon as the run is checked.")
INSPECTION_COLUMNS = ["rank", "uprn", "address", "postcode", "hmo_probability", "reason_1", "reason_2", "reason_3",
                      "area"]


def _page(title, body):
    return ("<!DOCTYPE html><html><head><meta charset='utf-8'><title>{0}</title><style>{1}</style></head><body>"
            "<h1>{0}</h1>{2}</body></html>").format(escape(title), STYLE, "".join(body))


def _table(header, rows):
    head = "".join("<th>{}</th>".format(escape(str(h))) for h in header)
    body = "".join("<tr>{}</tr>".format("".join("<td>{}</td>".format(escape(str(c))) for c in row)) for row in rows)
    return "<table><tr>{}</tr>{}</table>".format(head, body)


def _pct(value):
    return "–" if value is None or not np.isfinite(value) else "{:.1%}".format(value)


def _x(value):
    return "–" if value is None or not np.isfinite(value) else "{:.1f}×".format(value)


def report_html(report, title, translate=lambda text: text):
    t = translate
    body = []
    calibration = report["calibration"]
    model = report["model"]
    evaluation = report["evaluation"]
    body.append("<p>{}</p>".format(escape(t(translatable(
        "{:,} properties; {} on the HMO register, of which {} hold a licence valid on {} ({} expired: treated as "
        "unlicensed).")).format(report["properties"], report["known_hmos"], report["licensed"], report["as_at"],
                                report["expired_licences"]))))
    if not calibration["calibrated"]:
        body.append("<p class='note'>{}</p>".format(escape(t(translatable(
            "The probabilities are uncalibrated: {}. They rank properties but are not chances of being an HMO.")).format(
            calibration["why_not"]))))
    else:
        body.append("<p class='plain'>{}</p>".format(escape(t(translatable(
            "The probabilities are calibrated on {} past inspections of unlicensed properties ({} of which found an "
            "HMO).")).format(calibration["inspections_used"], _pct(calibration["inspected_hmo_rate"])))))
    body.append("<h2>{}</h2>".format(escape(t(translatable("How good is the ranking?")))))
    body.append("<p>{}</p>".format(escape(t(translatable(
        "Every property was scored by a model that did not see its street (spatially blocked cross-validation). "
        "Below: of the first k properties in that held-out ranking, the share that are HMOs on the register, against "
        "picking at random ({}) and against the best single rule. Registered HMOs are only the known ones, so "
        "these are lower bounds for finding HMOs of any kind.")).format(_pct(evaluation["base_rate"])))))
    rows = []
    for k, at in evaluation["at"].items():
        rows.append([k, _pct(at["precision"]), _x(at["lift_over_random"]), at["rule"] or "–",
                     _pct(at["rule_precision"]), _x(at["lift_over_rule"])])
    body.append(_table([t(translatable("Inspections")), t(translatable("Precision")), t(translatable("Lift over random")),
                        t(translatable("Best single rule")), t(translatable("Rule's precision")),
                        t(translatable("Lift over the rule"))], rows))
    check = evaluation.get("inspections")
    if check and check.get("inspected", 0) >= 5:
        body.append("<p>{}</p>".format(escape(t(translatable(
            "Past inspections: {} unlicensed properties inspected, {} found to be HMOs; among the fifth the model "
            "ranks highest, {}.")).format(check["inspected"], _pct(check["hmo_rate"]), _pct(check["hmo_rate_top_fifth"])))))
    body.append("<h2>{}</h2>".format(escape(t(translatable("Calibration")))))
    points = report["calibration_points"]
    register = points["register"]
    body.append(charts.scatter_chart([p[0] for p in register], [p[1] for p in register],
                                     t(translatable("Held-out score against the registered share (tenths)")),
                                     t(translatable("mean score")), t(translatable("share on the register"))))
    if "inspections" in points:
        inspected = points["inspections"]
        body.append(charts.scatter_chart([p[0] for p in inspected], [p[1] for p in inspected],
                                         t(translatable("Probability against inspection outcomes (fifths)")),
                                         t(translatable("mean probability")), t(translatable("share found to be HMOs"))))
    body.append("<p class='small'>{}</p>".format(escape(t(translatable(
        "Points on the dashed line are well calibrated. Method: {}; share of HMOs on the register estimated at {} "
        "(95% interval {} to {}), read among the {} highest-scored properties, where nearly all are HMOs; the mean "
        "score of registered HMOs, {}, is only a floor for it. The probabilities at either end of that interval are "
        "written beside each property's (hmo_probability_low and hmo_probability_high); HMO prevalence uses them "
        "for its intervals.")).format(
        calibration["method"], _pct(calibration["label_frequency"]), _pct(calibration["label_frequency_low"]),
        _pct(calibration["label_frequency_high"]), calibration["label_frequency_region"],
        _pct(calibration["label_frequency_floor"])))))
    body.append("<h2>{}</h2>".format(escape(t(translatable("The model")))))
    compared = model["compared"]
    body.append(_table([t(translatable("Model")), t(translatable("Held-out AUC")), t(translatable("Average precision")),
                        t(translatable("Precision at 100")), t(translatable("Average precision on past inspections"))],
                       [[name, "{:.3f} ± {:.3f}".format(m["auc"], m["auc_sd"]), "{:.3f}".format(m["average_precision"]),
                         _pct(m["precision_at_100"]),
                         "{:.3f}".format(m["inspection_average_precision"]) if "inspection_auc" in m else "–"]
                        for name, m in compared.items()]))
    body.append("<p class='small'>{}</p>".format(escape(t(translatable(
        "The first three columns are for registered HMOs. The register holds mostly the larger, licensable HMOs, so "
        "when past inspections are given the model that ranks them better is kept.")))))
    body.append("<p class='plain'>{}</p>".format(escape(t(translatable(
        "Kept: {}, because {}. {} folds; {} blocks (streets) kept whole.")).format(
        model["winner"], model["why"], model["folds"], model["blocks"]))))
    area = report.get("area_context")
    if area:
        body.append("<p class='plain'>{}</p>".format(escape(t(translatable(
            "Area context ({}): with it, the kept model's held-out average precision was {:.3f} and its precision "
            "among the first 100 {}; without it, on the same folds, {:.3f} and {}.")).format(
            ", ".join(area["fields"]), area["with"]["average_precision"], _pct(area["with"]["precision_at_100"]),
            area["without"]["average_precision"], _pct(area["without"]["precision_at_100"])))))
        if "inspection_average_precision" in area["with"]:
            body.append("<p class='plain'>{}</p>".format(escape(t(translatable(
                "On the past inspections, its held-out average precision was {:.3f} with the area context and {:.3f} "
                "without.")).format(area["with"]["inspection_average_precision"],
                                    area["without"]["inspection_average_precision"]))))
    body.append("<h2>{}</h2>".format(escape(t(translatable("What raises a property's score")))))
    effects = report["effects"]
    body.append(charts.bar_chart([e["feature"] for e in effects], [e["mean_raise_top_500"] for e in effects],
                                 t(translatable("Mean raise in log-odds among the 500 highest")), value_format="{:.2f}"))
    body.append(_table([t(translatable("Feature")), t(translatable("Meaning")), t(translatable("Properties with a value"))],
                       [[e["feature"], e["meaning"], _pct(e["share_with_value"])] for e in effects]))
    body.append("<h2>{}</h2>".format(escape(t(translatable("Linking each file to the property base")))))
    body.append(_table([t(translatable("File")), t(translatable("Role")), t(translatable("Rows")), t(translatable("By UPRN")),
                        t(translatable("By address")), t(translatable("Probabilistic")), t(translatable("Not linked")),
                        t(translatable("Match rate"))],
                       [[m["dataset"], m["role"], m["rows"], m["by_uprn"], m["by_address"], m["by_probabilistic"],
                         m["unlinked"], _pct(m["match_rate"])] for m in report["match_rates"]]))
    for m in report["match_rates"]:
        if m["unlinked_examples"]:
            body.append("<p class='small'>{} {}</p>".format(escape(t(translatable(
                "Addresses in '{}' that link to no property (first {}):")).format(m["dataset"], len(m["unlinked_examples"]))),
                escape("; ".join(m["unlinked_examples"]))))
    body.append("<h2>{}</h2>".format(escape(t(translatable("Privacy")))))
    body.append("<p>{}</p>".format(escape(t(translatable(
        "Every output is about properties, not people. Names, dates of birth and claim references are never read "
        "into the results; the electoral register gives only counts of electors and of distinct surnames. "
        "Addresses appear in the inspection lists and in the unlinked examples above: that is their purpose. "
        "See the processing record for who may see what.")))))
    return _page(title, body)


def record_html(record, report, outputs, run_at, title, translate=lambda text: text):
    """The processing record as an information-sharing agreement and DPIA summary a council can start from."""
    t = translate
    body = ["<p class='note'>{}</p>".format(escape(t(translatable(
        "Filled in by the tool on {}. Review every section, add your council's names and sign-off, and keep it "
        "with the outputs.")).format(run_at)))]
    body.append("<h2>{}</h2>".format(escape(t(translatable("1. Purpose")))))
    body.append("<p>{}</p>".format(escape(t(translatable(
        "To find houses in multiple occupation that should hold a licence and do not, so that officers can inspect "
        "them first. The output ranks properties; it decides nothing about any person.")))))
    body.append("<h2>{}</h2>".format(escape(t(translatable("2. Lawful basis")))))
    body.append("<p>{}</p>".format(escape(t(LAWFUL_BASIS))))
    body.append("<h2>{}</h2>".format(escape(t(translatable("3. Data shared and fields used")))))
    rows = [[d["name"], d["role"], d["rows"], ", ".join(d["fields_used"]), ", ".join(d["fields_dropped_unread"]) or "–"]
            for d in record["datasets"]]
    body.append(_table([t(translatable("File")), t(translatable("Role")), t(translatable("Rows")),
                        t(translatable("Fields used")), t(translatable("Fields dropped unread"))], rows))
    body.append("<p>{}</p>".format(escape(t(translatable(
        "Fields dropped unread were removed as each file was read; their values never reached the analysis or "
        "an output. From the electoral register only the number of electors and of distinct surnames per "
        "property is derived.")))))
    body.append("<h2>{}</h2>".format(escape(t(translatable("4. What is derived")))))
    body.append(_table([t(translatable("Feature")), t(translatable("Meaning"))],
                       [[name, meaning] for name, meaning in record["features"].items()]))
    body.append("<h2>{}</h2>".format(escape(t(translatable("5. Who may see what")))))
    body.append(_table([t(translatable("Output")), t(translatable("Holds")), t(translatable("Who may see it"))], [
        [t(translatable("Scored properties")), t(translatable("every property: probability, rank, licence state, reasons")),
         t(translatable("housing standards team and its analysts"))],
        [t(translatable("Inspection lists")), t(translatable("addresses of unlicensed properties in rank order, with reasons")),
         t(translatable("the officers of that ward or patch"))],
        [t(translatable("Report")), t(translatable("figures, model, match rates, a few unlinked addresses")),
         t(translatable("housing standards managers; the data protection officer"))],
        [t(translatable("This record")), t(translatable("files, fields, lawful basis, retention")),
         t(translatable("anyone who asks: publish it with the privacy notice"))]]))
    body.append("<h2>{}</h2>".format(escape(t(translatable("6. Retention")))))
    body.append("<p>{}</p>".format(escape(t(RETENTION))))
    body.append("<h2>{}</h2>".format(escape(t(translatable("7. Risks and how they are reduced (DPIA summary)")))))
    body.append(_table([t(translatable("Risk")), t(translatable("Reduced by"))], [
        [t(translatable("A household is visited because of a wrong link")),
         t(translatable("links by UPRN first, exact address next; match rates and unlinked rows are reported"))],
        [t(translatable("A score is read as a finding")),
         t(translatable("the list orders inspections only; an officer's inspection decides"))],
        [t(translatable("Personal data spreads")),
         t(translatable("outputs are property-level; names, dates of birth and claim references are never kept"))],
        [t(translatable("Uncalibrated probabilities are over-trusted")),
         t(translatable("the report says whether inspection outcomes calibrated them"))]]))
    body.append("<h2>{}</h2>".format(escape(t(translatable("8. This run")))))
    body.append(_table([t(translatable("Item")), t(translatable("Value"))], [
        [t(translatable("Properties")), report["properties"]], [t(translatable("Judged at")), report["as_at"]],
        [t(translatable("Model kept")), report["model"]["winner"]],
        [t(translatable("Calibrated")), t(translatable("yes")) if report["calibration"]["calibrated"] else t(translatable("no"))]]
        + [[name, where] for name, where in outputs.items()]))
    return _page(title, body)


def inspection_lists(properties, length, areas=None):
    """{area name: DataFrame} of unlicensed properties in rank order, at most `length` per area."""
    table = properties[properties["rank"].notna()].copy()
    table["area"] = (areas[table.index] if areas is not None else "all")
    table = table.sort_values("rank")
    return {name: group.head(length)[INSPECTION_COLUMNS].reset_index(drop=True)
            for name, group in table.groupby("area", sort=True)}


def inspection_list_html(name, rows, title, translate=lambda text: text):
    t = translate
    body = ["<p>{}</p>".format(escape(t(translatable(
        "{} unlicensed properties in {}, most likely HMOs first. The reasons are what raised each score most; "
        "an inspection decides.")).format(len(rows), name)))]
    body.append(_table([t(translatable("Rank")), "UPRN", t(translatable("Address")), t(translatable("Postcode")),
                        t(translatable("Probability")), t(translatable("Reasons"))],
                       [[int(r["rank"]), r["uprn"], r["address"], r["postcode"], "{:.2f}".format(r["hmo_probability"]),
                         "; ".join(x for x in (r["reason_1"], r["reason_2"], r["reason_3"]) if x)]
                        for _, r in rows.iterrows()]))
    return _page(title, body)
