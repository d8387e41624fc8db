"""communityrisk:housingbenefitoverlay: claimants living in F/G-rated private rentals."""
import json
import os
from datetime import datetime, timezone

from qgis.core import (
    QgsProcessing,
    QgsProcessingOutputNumber,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterFile,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterString,
)

from ...plugin.translation import tr, translatable
from .base import CommunityRiskAlgorithm, analysis_error, fail, require_source, write_text
from .layers import AreaRecords, write_table
from .people_at_risk import SECRET_ENVIRONMENT


class HousingBenefitOverlayAlgorithm(CommunityRiskAlgorithm):
    ALGORITHM_ID = "housingbenefitoverlay"
    DISPLAY_NAME = translatable("Housing benefit overlay")
    GROUP_ID = "healthhousing"
    REQUIRED_MODULES = ("numpy", "pandas", "splink", "duckdb", "openpyxl")

    CLAIMANTS = "CLAIMANTS"
    EPC = "EPC"
    SECRET = "SECRET"
    REFERRAL_MODE = "REFERRAL_MODE"
    LAWFUL_BASIS = "LAWFUL_BASIS"
    OUTPUT = "OUTPUT"
    RECORD = "RECORD"

    def shortHelpString(self):
        return tr(
            "Finds housing benefit or Universal Credit housing-element claimants living in F/G-rated, privately "
            "rented homes: the homes a Housing Health and Safety Rating System inspection or minimum energy "
            "efficiency enforcement should reach first.\n\n"
            "Inputs\n"
            "- Claimants: the council's export (CSV or XLSX) with a UPRN, or address lines and a postcode.\n"
            "- EPC homes: the output of Load EPC certificates.\n"
            "- Secret: at least 16 characters, for the pseudonymised household keys (or the COMMUNITY_RISK_SECRET "
            "environment variable); never stored.\n"
            "- Referral mode, with its Lawful basis: adds the home's address and UPRN.\n\n"
            "Linkage: exact UPRN, else Splink address matching, as in Find people at risk. Names, dates of birth, "
            "claim references and amounts are never used or written.\n\n"
            "Output fields (one row per claimant household, flagged homes first)\n"
            "- household_key, postcode, claimants (rows in the export).\n"
            "- epc_found: 1 when matched to an EPC home; rating, band_fg, private_rented: from that home.\n"
            "- flagged: 1 for an F/G-rated private rental.\n"
            "Processing record (JSON): datasets, fields used, match rate, outputs, for the Privacy Impact Assessment.")

    def initAlgorithm(self, config=None):
        self.addParameter(QgsProcessingParameterFile(self.CLAIMANTS, tr("Claimants")))
        self.addParameter(QgsProcessingParameterFeatureSource(self.EPC, tr("EPC homes"), [QgsProcessing.TypeVector]))
        self.addParameter(QgsProcessingParameterString(self.SECRET, tr("Secret"), optional=True))
        self.addParameter(QgsProcessingParameterBoolean(self.REFERRAL_MODE, tr("Referral mode"), defaultValue=False))
        self.addParameter(QgsProcessingParameterString(self.LAWFUL_BASIS, tr("Lawful basis"), optional=True))
        self.addParameter(QgsProcessingParameterFeatureSink(self.OUTPUT, tr("Claimant households"), QgsProcessing.TypeVector))
        self.addParameter(QgsProcessingParameterFileDestination(self.RECORD, tr("Processing record"),
                                                                tr("JSON files (*.json)"), createByDefault=True))
        self.addOutput(QgsProcessingOutputNumber("FLAGGED", tr("Claimant households in F/G private rentals")))

    def processAlgorithm(self, parameters, context, feedback):
        from ..analysis.housing_benefit import overlay
        from ..analysis.messages import AnalysisError
        from ..analysis.people_at_risk import read_table

        path = self.parameterAsFile(parameters, self.CLAIMANTS, context)
        if not path or not os.path.exists(path):
            fail(tr("The claimant file '{}' does not exist.").format(path))
        checked = require_source(self, parameters, context, self.EPC, tr("EPC"))
        checked.require_features()
        secret = self.parameterAsString(parameters, self.SECRET, context) or os.environ.get(SECRET_ENVIRONMENT, "")
        referral = self.parameterAsBoolean(parameters, self.REFERRAL_MODE, context)
        lawful_basis = self.parameterAsString(parameters, self.LAWFUL_BASIS, context)
        homes = AreaRecords(checked, feedback, progress_share=10)
        if homes.cancelled:
            return {}
        wanted = [n for n in ("uprn", "address", "postcode", "rating", "band_fg", "private_rented")
                  if homes.fields.lookupField(n) >= 0]
        try:
            claimants = read_table(path)
            table, review, record, notes = overlay(claimants, homes.frame(wanted), secret, referral=referral,
                                                   lawful_basis=lawful_basis, claimants_name=os.path.basename(path))
        except AnalysisError as error:
            raise analysis_error(error)
        for note in notes:
            (feedback.pushWarning if note.warning else feedback.pushInfo)(note.render(tr))
        if feedback.isCanceled():
            return {}
        dest = write_table(self, parameters, context, self.OUTPUT, table)
        outputs = {self.OUTPUT: dest, "FLAGGED": int(table["flagged"].sum())}
        record_path = self.parameterAsFileOutput(parameters, self.RECORD, context)
        if record_path:
            record = dict(record, run_at=datetime.now(timezone.utc).isoformat(timespec="seconds"),
                          tool="Community Risk Toolkit, communityrisk:housingbenefitoverlay",
                          outputs_written={"claimant_households": parameters.get(self.OUTPUT)
                                           if isinstance(parameters.get(self.OUTPUT), str) else "layer"})
            write_text(record_path, json.dumps(record, indent=1, ensure_ascii=False))
            outputs[self.RECORD] = record_path
        return outputs
