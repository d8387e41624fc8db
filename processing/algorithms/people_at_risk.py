"""communityrisk:findpeopleatrisk: households at risk from datasets the council already holds."""
import json
import os
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
from .base import analysis_error, write_text
from .layers import write_table

SECRET_ENVIRONMENT = "COMMUNITY_RISK_SECRET"


class FindPeopleAtRiskAlgorithm(CommunityRiskAlgorithm):
    ALGORITHM_ID = "findpeopleatrisk"
    DISPLAY_NAME = translatable("Find people at risk")
    GROUP_ID = "targeting"
    REQUIRED_MODULES = ("numpy", "pandas", "splink", "duckdb", "openpyxl")

    DATASETS = "DATASETS"
    ROLES = "ROLES"
    SECRET = "SECRET"
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
            "- Datasets: council exports (CSV in UTF-8 or Windows-1252, XLSX, or any vector file): council tax, "
            "electoral register, assisted bin collections, meals on wheels, disability allowance, carers, NHS "
            "Exeter data. The UPRN, postcode and address line fields are found by their names.\n"
            "- Roles: one per dataset, comma separated, in the same order: older, alone, mobility, health, smoking, "
            "near_miss, care, or register for a dataset of households with no risk factor of its own (council tax). "
            "A role may be given once.\n"
            "- Secret: at least 16 characters; household keys are keyed hashes (HMAC-SHA256) of it, so the same "
            "secret gives the same keys next time. It is never written anywhere. Leave it empty to take it from "
            "the COMMUNITY_RISK_SECRET environment variable, which keeps it out of the Processing history.\n"
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
            "Clerical review: the borderline pairs, most likely first, up to 50,000 (dataset and row of each record, "
            "match weight and probability). "
            "Processing record (JSON): datasets, fields used and dropped, row counts, match rates, outputs written, "
            "for the Privacy Impact Assessment.")

    def initAlgorithm(self, config=None):
        self.addParameter(QgsProcessingParameterMultipleLayers(self.DATASETS, tr("Datasets"), QgsProcessing.TypeFile))
        self.addParameter(QgsProcessingParameterString(self.ROLES, tr("Roles")))
        self.addParameter(QgsProcessingParameterString(self.SECRET, tr("Secret"), optional=True))
        self.addParameter(QgsProcessingParameterNumber(self.THRESHOLD, tr("Match threshold"),
                                                       QgsProcessingParameterNumber.Double, defaultValue=0.9,
                                                       minValue=0.5, maxValue=0.9999))
        self.addParameter(QgsProcessingParameterFeatureSource(self.POSTCODES, tr("Postcode list"), [QgsProcessing.TypeVector],
                                                              optional=True))
        self.addParameter(QgsProcessingParameterField(self.POSTCODE_FIELD, tr("Postcode list field"),
                                                      parentLayerParameterName=self.POSTCODES, optional=True,
                                                      defaultValue="postcode"))
        self.addParameter(QgsProcessingParameterBoolean(self.REFERRAL_MODE, tr("Referral mode"), defaultValue=False))
        self.addParameter(QgsProcessingParameterString(self.LAWFUL_BASIS, tr("Lawful basis"), optional=True))
        self.addParameter(QgsProcessingParameterFeatureSink(self.OUTPUT, tr("Households at risk"), QgsProcessing.TypeVector))
        self.addParameter(QgsProcessingParameterFeatureSink(self.REVIEW, tr("Clerical review"), QgsProcessing.TypeVector,
                                                            optional=True, createByDefault=True))
        self.addParameter(QgsProcessingParameterFileDestination(self.RECORD, tr("Processing record"),
                                                                tr("JSON files (*.json)"), createByDefault=True))
        self.addOutput(QgsProcessingOutputNumber("HOUSEHOLDS", tr("Households")))
        self.addOutput(QgsProcessingOutputNumber("AT_RISK", tr("Households with two or more risk factors")))

    def processAlgorithm(self, parameters, context, feedback):
        from ..analysis.messages import AnalysisError
        from ..analysis.people_at_risk import check_secret, find_people_at_risk, normalise_role, read_table

        paths = self.parameterAsFileList(parameters, self.DATASETS, context) \
            if hasattr(self, "parameterAsFileList") else self.parameterAsLayerList(parameters, self.DATASETS, context)
        paths = [p if isinstance(p, str) else p.source().split("|")[0] for p in paths]
        roles_text = self.parameterAsString(parameters, self.ROLES, context)
        roles = [r.strip() for r in roles_text.split(",") if r.strip()]
        secret = self.parameterAsString(parameters, self.SECRET, context) or os.environ.get(SECRET_ENVIRONMENT, "")
        referral = self.parameterAsBoolean(parameters, self.REFERRAL_MODE, context)
        lawful_basis = self.parameterAsString(parameters, self.LAWFUL_BASIS, context)
        threshold = self.parameterAsDouble(parameters, self.THRESHOLD, context)
        if not paths:
            fail(tr("Give at least one dataset."))
        known = None
        if parameters.get(self.POSTCODES):
            from ..analysis.postcodes import normalise_postcodes
            from .base import require_source
            from .layers import AreaRecords

            checked = require_source(self, parameters, context, self.POSTCODES, tr("postcode list"))
            field_name = self.parameterAsString(parameters, self.POSTCODE_FIELD, context)
            checked.field_index(field_name)
            known = set(normalise_postcodes(AreaRecords(checked, feedback, progress_share=0).column(field_name))) - {None}
        if len(roles) != len(paths):
            fail(tr("Give one role per dataset: {} datasets but {} roles ('{}').").format(len(paths), len(roles), roles_text))
        try:
            check_secret(secret)
            datasets = []
            for path, role in zip(paths, roles):
                if not os.path.exists(path):
                    fail(tr("The dataset '{}' does not exist.").format(path))
                feedback.pushInfo(tr("Reading '{}' as {}").format(os.path.basename(path), role))
                datasets.append((os.path.basename(path), normalise_role(role), read_table(path)))
                if feedback.isCanceled():
                    return {}
            feedback.setProgress(20)
            result = find_people_at_risk(datasets, secret, referral=referral, lawful_basis=lawful_basis,
                                         threshold=threshold, known_postcodes=known)
        except AnalysisError as error:
            raise analysis_error(error)
        for note in result.notes:
            (feedback.pushWarning if note.warning else feedback.pushInfo)(note.render(tr))
        if feedback.isCanceled():
            return {}
        feedback.setProgress(85)

        outputs = {}
        dest = write_table(self, parameters, context, self.OUTPUT, result.households)
        outputs[self.OUTPUT] = dest
        written = {"households": parameters.get(self.OUTPUT) if isinstance(parameters.get(self.OUTPUT), str) else "layer"}
        if parameters.get(self.REVIEW):
            outputs[self.REVIEW] = write_table(self, parameters, context, self.REVIEW, result.review)
            written["clerical_review"] = parameters.get(self.REVIEW) if isinstance(parameters.get(self.REVIEW), str) else "layer"
        record_path = self.parameterAsFileOutput(parameters, self.RECORD, context)
        record = dict(result.record, run_at=datetime.now(timezone.utc).isoformat(timespec="seconds"),
                      tool="Community Risk Toolkit, communityrisk:findpeopleatrisk", outputs_written=written)
        if record_path:
            write_text(record_path, json.dumps(record, indent=1, ensure_ascii=False))
            outputs[self.RECORD] = record_path
        households = result.households
        outputs["HOUSEHOLDS"] = int(len(households))
        outputs["AT_RISK"] = int((households["n_factors"] >= 2).sum())
        feedback.pushInfo(tr("{} households; {} with two or more risk factors; {} pairs for clerical review.").format(
            outputs["HOUSEHOLDS"], outputs["AT_RISK"], len(result.review)))
        return outputs
