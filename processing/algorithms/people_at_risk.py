"""communityrisk:findpeopleatrisk: households at risk from datasets the council already holds."""
import json
import os
import re
from datetime import datetime, timezone

from qgis.core import (
    QgsProcessing,
    QgsProcessingOutputNumber,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterMultipleLayers,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
)

from ...plugin.translation import tr, translatable
from .base import CommunityRiskAlgorithm, fail
from .clerical_decisions import DECISIONS_HELP, add_decisions_parameter, read_decisions
from .layers import write_table
from .linkage_engine import ENGINE_HELP, add_engine_parameter, linkage_engine
from .pseudonym_secret import REVIEW_HELP, SECRET_ENVIRONMENT, SECRET_HELP, add_secret_parameter, secret_of

__all__ = ["FindPeopleAtRiskAlgorithm", "SECRET_ENVIRONMENT"]



# Each parameter's help, the tooltip of its label in the dialog: what a first-time user has to know to fill it in.
DATASETS_HELP = translatable(
    "The council's exports, one file each: CSV (any common encoding), CSV.GZ, XLSX or a vector file. Only the UPRN, "
    "postcode and address fields are read (found by their names); names and every other field are left unread, and "
    "the log lists them.")
ROLES_HELP = translatable(
    "One role per dataset, comma separated: older, alone, mobility, health, smoking, near_miss, care, or register for "
    "a list of households with no risk factor of its own (council tax). Either by file name, in any order (the "
    "Datasets box does not show its order), e.g.: council_tax.csv=register, older.xlsx=older, care=care; or in the "
    "order of the datasets, e.g.: register,older,care. The log says which file was read as which role.")
THRESHOLD_HELP = translatable(
    "From this match probability two records are one household. Lower finds more of the same households written "
    "differently, and joins more homes that are not the same; the pairs in between go to clerical review.")
REFERRAL_HELP = translatable(
    "Adds each household's address and UPRN to the output, and both addresses as written to the clerical review, "
    "for referrals. Leave it off for analysis: the outputs then hold no address.")
LAWFUL_BASIS_HELP = translatable(
    "Needed in referral mode: the lawful basis for sharing the addresses, written into the processing record, e.g. "
    "'UK GDPR Art. 6(1)(e) and 9(2)(h), care referral'.")
REVIEW_OUTPUT_HELP = translatable(
    "The pairs of records the linkage was unsure of, for an officer to decide, alike pairs together. Outside "
    "referral mode it gives each record's dataset and row, not its address. For Excel, save it as .xlsx: Excel opens "
    "a CSV (written in UTF-8) in the Windows code page, and accented letters (é, ŵ, ŷ) come out garbled.")
POSTCODES_HELP = translatable(
    "Optional: a layer or table of the postcodes that exist (e.g. Code-Point Open or ONS Postcode Directory), to "
    "report rows whose postcode is well formed but does not exist. Leave it empty to skip that check.")
POSTCODE_FIELD_HELP = translatable("The field of the Postcode list that holds the postcodes.")
HOUSEHOLDS_OUTPUT_HELP = translatable(
    "One row per household, highest score first: its pseudonymised key, postcode, the seven risk flags, how many "
    "and the score. No address or UPRN unless Referral mode is on. A CSV opens in a spreadsheet; a GeoPackage or "
    "temporary layer opens in QGIS with its fields labelled in words.")
RECORD_HELP = translatable(
    "A JSON file for the Privacy Impact Assessment: each dataset with its role, row count, the fields used and those "
    "left unread, match rates, the linkage model's trained parameters, the clerical review count, where the secret "
    "came from (never the secret) and the outputs written.")
# The households output's fields in words: the alias each has in QGIS's attribute table (saved in the .qml).
HOUSEHOLD_LABELS = {
    "household_key": translatable("Household (key)"), "postcode": translatable("Postcode"),
    "older": translatable("Older"), "alone": translatable("Lives alone"),
    "mobility": translatable("Reduced mobility"), "health": translatable("Other health issues"),
    "smoking": translatable("Smokes or uses candles"), "near_miss": translatable("Previous near miss"),
    "care": translatable("Receives or needs care"), "n_factors": translatable("Risk factors (of 7)"),
    "score": translatable("Risk score (weighted)"), "datasets": translatable("Datasets listing it"),
    "address": translatable("Address"), "uprn": translatable("UPRN"),
}


# The review's row numbers count from the first row under the header; a spreadsheet shows that row as row 2.
ROW_LABELS = {"row_l": translatable("Row in dataset A (1 = first under the header)"),
              "row_r": translatable("Row in dataset B (1 = first under the header)")}


def with_help(parameter, text):
    """The parameter, with its help as the tooltip of its label in the dialog."""
    parameter.setHelp(tr(text))
    return parameter


def add_record_parameter(algorithm, text):
    algorithm.addParameter(with_help(QgsProcessingParameterFileDestination(
        algorithm.RECORD, tr("Processing record"), tr("JSON files (*.json)"), createByDefault=True), text))


def add_referral_parameters(algorithm):
    algorithm.addParameter(with_help(QgsProcessingParameterBoolean(algorithm.REFERRAL_MODE, tr("Referral mode"),
                                                                   defaultValue=False), REFERRAL_HELP))
    algorithm.addParameter(with_help(QgsProcessingParameterString(algorithm.LAWFUL_BASIS, tr("Lawful basis"),
                                                                  optional=True), LAWFUL_BASIS_HELP))


class FindPeopleAtRiskAlgorithm(CommunityRiskAlgorithm):
    ALGORITHM_ID = "findpeopleatrisk"
    DISPLAY_NAME = translatable("Find people at risk")
    GROUP_ID = "targeting"
    REQUIRED_MODULES = ("numpy", "pandas", "splink", "duckdb", "openpyxl")
    LAYER_ROLES = {"POSTCODES": translatable("postcode list")}

    DATASETS = "DATASETS"
    ROLES = "ROLES"
    THRESHOLD = "THRESHOLD"
    POSTCODES = "POSTCODES"
    POSTCODE_FIELD = "POSTCODE_FIELD"
    REFERRAL_MODE = "REFERRAL_MODE"
    LAWFUL_BASIS = "LAWFUL_BASIS"
    OUTPUT = "OUTPUT"
    REVIEW = "REVIEW"
    RECORD = "RECORD"

    def shortHelpString(self):
        return tr(
            "Finds the households most at risk of dying in a fire (older, living alone, reduced mobility, other "
            "health issues, smoking or candles, a previous near miss, receiving or needing care) by joining "
            "datasets the council already holds, with privacy designed in.\n\n"
            "Inputs\n"
            "- Datasets: council exports (CSV, CSV.GZ or XLSX, or any vector file; CSV in UTF-8, UTF-16 or "
            "Windows-1252, comma, semicolon or tab separated; the format is read from the content, whatever the "
            "extension says): council tax, "
            "electoral register, assisted bin collections, meals on wheels, disability allowance, carers, NHS "
            "Exeter data. The UPRN, postcode and address line fields are found by their names.\n"
            "- Roles: one per dataset, comma separated: older, alone, mobility, health, smoking, near_miss, care, or "
            "register for a dataset of households with no risk factor of its own (council tax). Give them by file "
            "name, in any order (council_tax.csv=register, older.xlsx=older; the extension may be left out), or in "
            "the order of the datasets (register,older). A role may be given once.\n") + tr(SECRET_HELP) + tr(
            "Household keys are keyed hashes (HMAC-SHA256) with the secret.\n"
            "- Postcode list (optional): the postcodes that exist (e.g. Code-Point Open) and its Postcode list "
            "field, to report rows whose postcode is well formed but does not exist.\n"
            "- Match threshold: the match probability from which two records are one household (default 0.9).\n"
            "- Referral mode: adds the address and UPRN to the output, for a referral; it needs the Lawful basis.\n\n"
            "Linkage: rows sharing a UPRN are one household; other rows are matched on their address (postcode, "
            "flat and house number, street) by Splink's probabilistic model on DuckDB. Names, dates of birth and "
            "free text are never used and never written.\n\n"
            "Output fields (one row per household, highest score first)\n"
            "- household_key: the pseudonymised household; postcode.\n"
            "- older, alone, mobility, health, smoking, near_miss, care: 1 where a dataset of that role lists it.\n"
            "- n_factors: how many of the seven; score: weighted sum (mobility, smoking and near miss count 2).\n"
            "- datasets: in how many datasets it appears; address, uprn: in referral mode only.\n"
            "Clerical review: ") + tr(REVIEW_HELP) + tr("Clerical decisions: ") + tr(DECISIONS_HELP) + "\n" + tr(
            "Processing record (JSON), for the Privacy Impact Assessment: each dataset with its role, rows, fields "
            "used and fields left unread; match rates; households by number of factors; the linkage model's trained "
            "parameters (m and u of each comparison level, what m was learnt from); the clerical review and decisions "
            "counts; where the secret came from (never the secret); the outputs written.") + \
            tr("\n\nLinkage engine (advanced): ") + tr(ENGINE_HELP)

    def initAlgorithm(self, config=None):
        self.addParameter(with_help(QgsProcessingParameterMultipleLayers(self.DATASETS, tr("Datasets"),
                                                                         QgsProcessing.TypeFile), DATASETS_HELP))
        self.addParameter(with_help(QgsProcessingParameterString(self.ROLES, tr("Roles")), ROLES_HELP))
        add_secret_parameter(self)
        self.addParameter(with_help(QgsProcessingParameterNumber(
            self.THRESHOLD, tr("Match threshold"), QgsProcessingParameterNumber.Double, defaultValue=0.9, minValue=0.5,
            maxValue=0.9999), THRESHOLD_HELP))
        self.addParameter(with_help(QgsProcessingParameterFeatureSource(
            self.POSTCODES, tr("Postcode list"), [QgsProcessing.TypeVector], optional=True), POSTCODES_HELP))
        self.addParameter(with_help(QgsProcessingParameterField(
            self.POSTCODE_FIELD, tr("Postcode list field"), parentLayerParameterName=self.POSTCODES, optional=True,
            defaultValue="postcode"), POSTCODE_FIELD_HELP))
        add_referral_parameters(self)
        add_decisions_parameter(self)
        self.addParameter(with_help(QgsProcessingParameterFeatureSink(
            self.OUTPUT, tr("Households at risk"), QgsProcessing.TypeVector), HOUSEHOLDS_OUTPUT_HELP))
        self.addParameter(with_help(QgsProcessingParameterFeatureSink(
            self.REVIEW, tr("Clerical review"), QgsProcessing.TypeVector, optional=True, createByDefault=True),
            REVIEW_OUTPUT_HELP))
        add_record_parameter(self, RECORD_HELP)
        add_engine_parameter(self)
        self.addOutput(QgsProcessingOutputNumber("HOUSEHOLDS", tr("Households")))
        self.addOutput(QgsProcessingOutputNumber("AT_RISK", tr("Households with two or more risk factors")))

    def perform(self, run):
        from ..analysis.dataset_names import dataset_names
        from ..analysis.people_at_risk import check_request, find_people_at_risk

        paths = self.dataset_paths(run)
        roles = self.roles(run, paths)
        secret, secret_source = secret_of(run)
        referral = self.parameterAsBoolean(run.parameters, self.REFERRAL_MODE, run.context)
        check_request(secret, referral, run.string(self.LAWFUL_BASIS), list(zip(dataset_names(paths), roles)))
        known = self.known_postcodes(run)
        decisions = read_decisions(self, run)
        run.steps(3)
        run.step()
        datasets = read_datasets(run, paths, roles)
        run.step(tr("Linking households"))
        with linkage_engine(self, run):
            result = find_people_at_risk(datasets, secret, referral=referral,
                                         lawful_basis=run.string(self.LAWFUL_BASIS),
                                         threshold=self.parameterAsDouble(run.parameters, self.THRESHOLD, run.context),
                                         known_postcodes=known, progress=run.progress, decisions=decisions)
        run.notes(result.notes)
        review, record = review_once(run, result, datasets)
        run.step(tr("Writing"))
        outputs = {self.OUTPUT: write_labelled(self, run, self.OUTPUT, result.households, HOUSEHOLD_LABELS)}
        written = {"households": written_as(run, self.OUTPUT)}
        if run.given(self.REVIEW):
            outputs[self.REVIEW] = write_review(self, run, self.REVIEW, review)
            written["clerical_review"] = written_as(run, self.REVIEW)
        if run.given(self.RECORD):
            outputs[self.RECORD] = write_record(run, self.RECORD, dict(record, secret_from=secret_source),
                                                self.ALGORITHM_ID, written)
        households = result.households
        outputs["HOUSEHOLDS"] = int(len(households))
        outputs["AT_RISK"] = int((households["n_factors"] >= 2).sum())
        run.info(tr("{} households; {} with two or more risk factors.").format(outputs["HOUSEHOLDS"],
                                                                                outputs["AT_RISK"]))
        run.info(review_summary(review))
        return outputs

    def dataset_paths(self, run):
        layers = self.parameterAsFileList(run.parameters, self.DATASETS, run.context) \
            if hasattr(self, "parameterAsFileList") else self.parameterAsLayerList(run.parameters, self.DATASETS,
                                                                                   run.context)
        paths = [file_path(p if isinstance(p, str) else p.source().split("|")[0]) for p in layers]
        if not paths:
            fail(tr("Give at least one dataset."))
        for path in paths:
            if not os.path.exists(path):
                fail(tr("The dataset '{}' does not exist.").format(path))
        return paths

    def roles(self, run, paths):
        from ..analysis.dataset_names import dataset_names
        from ..analysis.people_at_risk import normalise_role

        text = run.string(self.ROLES)
        roles = [r.strip() for r in text.split(",") if r.strip()]
        if any("=" in role for role in roles):  # by name, in any order: the Datasets box does not show its order
            return [normalise_role(role) for role in roles_by_name(roles, dataset_names(paths))]
        if len(roles) != len(paths):
            fail(tr("Give one role per dataset, in the order of the datasets: {} dataset(s) ({}) but {} role(s) ('{}'). "
                    "A file missing from that list was not kept by the Datasets box (QGIS keeps only files it can "
                    "open when a run is repeated from the history): add it again with '…' > Add File(s).").format(
                len(paths), ", ".join(os.path.basename(p) for p in paths), len(roles), text))
        return [normalise_role(role) for role in roles]

    def known_postcodes(self, run):
        from ..analysis.postcodes import normalise_postcodes
        from .layers import AreaRecords

        if not run.given(self.POSTCODES):
            return None
        checked = run.source(self.POSTCODES)
        records = AreaRecords(checked, run.feedback, progress_share=0)
        return set(normalise_postcodes(records.column(run.string(self.POSTCODE_FIELD)))) - {None}


def roles_by_name(entries, names):
    """The role of each dataset, in the datasets' order, from entries 'name=role' in any order: a dataset is named as
    the log names it ('council_tax.csv', '2024/council_tax.csv') or without its extension ('council_tax'), in any
    case."""
    given = {}
    for entry in entries:
        name, equals, role = entry.partition("=")
        if not equals or not name.strip():
            fail(tr("Give every role as name=role (e.g. council_tax.csv=register), or every role in the order of the "
                    "datasets: '{}' names no dataset.").format(entry))
        given[name.strip().lower()] = role.strip()
    roles = []
    for name in names:
        forms = {name.lower(), os.path.splitext(re.sub(r"\.gz$", "", name.lower()))[0]}
        found = [key for key in given if key in forms]
        if len(found) != 1:
            fail(tr("Give a role for the dataset '{}' (e.g. {}=register). The datasets are: {}.").format(
                name, name, ", ".join(names)))
        roles.append(given.pop(found[0]))
    if given:
        fail(tr("The roles name datasets that were not given: {}. The datasets are: {}.").format(
            ", ".join(sorted(given)), ", ".join(names)))
    return roles


def file_path(path):
    """A dataset's file as the Datasets box may give it back: a CSV.GZ it has opened as a layer (a run repeated from
    the history, or sent to batch) comes as GDAL's '/vsigzip//folder/extract.csv.gz'."""
    return path[len("/vsigzip/"):] if path.startswith("/vsigzip/") else path


def read_datasets(run, paths, roles):
    """(name, role, text table) per dataset, read whatever its encoding and whatever its extension says. A dataset is
    named by its file name, with its folders where two files share one (analysis/dataset_names.py)."""
    from ..analysis.dataset_names import dataset_names
    from ..analysis.readers import read_table_file

    datasets = []
    for n, (path, name, role) in enumerate(zip(paths, dataset_names(paths), roles)):
        run.progress(n / len(paths))
        run.info(tr("Reading '{}' as {}").format(name, role))
        datasets.append((name, role, read_table_file(path, name)))
    return datasets


def review_once(run, result, datasets):
    """(review, record): the clerical review with each pair once where a file repeats another row for row (the same
    export under two names), the record saying which files repeat and counting the pairs left."""
    from ..analysis.repeated_files import repeated_files, review_without_repeats

    repeats = repeated_files(datasets)
    review, notes = review_without_repeats(result.review, repeats, {name: role for name, role, _ in datasets})
    run.notes(notes)
    if not repeats:
        return review, result.record
    return review, dict(result.record, files_repeating_another=repeats,
                        pairs_for_clerical_review=int(review["decision"].isna().sum()))


def review_summary(review):
    """The clerical review's undecided pairs in the log, those in doubt apart from those whose rows name two homes
    (kept apart, only to confirm), so the officer knows how much real deciding there is."""
    undecided = review[review["decision"].isna()] if "decision" in review else review
    settled = int(undecided["reason"].astype(str).str.startswith("the rows name two homes").sum()) \
        if "reason" in undecided else 0
    return tr("{} pairs for clerical review: {} in doubt, then {} whose rows name two homes (kept apart; confirm them "
              "a page at a time).").format(len(undecided), len(undecided) - settled, settled)


def write_review(algorithm, run, name, review):
    """The clerical review table, each field labelled in words (its alias, saved in the .qml beside the output) for
    the attribute table: 'Address A, as written', not written_l."""
    from ..analysis.review_sheet import LABELS

    return write_labelled(algorithm, run, name, review, dict(LABELS, **ROW_LABELS))


def write_labelled(algorithm, run, name, table, labels):
    """A table output whose fields are labelled in words in QGIS (aliases, saved in the .qml beside a file)."""
    dest_id = write_table(algorithm, run.parameters, run.context, name, table)
    aliases = {column: tr(labels[column]) for column in table.columns if column in labels}
    run.style(dest_id, lambda layer: label_fields(layer, aliases))
    return dest_id


def label_fields(layer, labels):
    for name, label in labels.items():
        index = layer.fields().lookupField(name)
        if index >= 0:
            layer.setFieldAlias(index, label)


def given_as(run, name):
    """The destination as given: a path, 'TEMPORARY_OUTPUT', a layer name or ''."""
    value = run.parameters.get(name)
    if hasattr(value, "sink"):
        value = value.sink.staticValue()
    return value if isinstance(value, str) else ""


def written_as(run, name):
    """Where an output lands (its final path, not the temporary one), 'temporary layer' or 'layer'."""
    value = given_as(run, name)
    if value == QgsProcessing.TEMPORARY_OUTPUT:
        return "temporary layer" if name != "RECORD" else "temporary file"
    return run.guard.final(value) if value else "layer"


def write_record(run, name, record, algorithm_id, written):
    """The processing record (JSON) for the Privacy Impact Assessment. A record in a temporary file (the dialog's
    default) is gone when QGIS closes: the log says where it is, to copy it now."""
    record = dict(record, run_at=datetime.now(timezone.utc).isoformat(timespec="seconds"),
                  tool="Community Risk Toolkit, communityrisk:{}".format(algorithm_id), outputs_written=written)
    path = run.write_text(name, json.dumps(record, indent=1, ensure_ascii=False))
    if given_as(run, name) == QgsProcessing.TEMPORARY_OUTPUT:
        run.warn(tr("The processing record is in a temporary file, which QGIS deletes when it closes: {}. Copy it "
                    "now, or choose a file for 'Processing record' next time: it is the run's evidence for the "
                    "Privacy Impact Assessment.").format(path))
    return path
