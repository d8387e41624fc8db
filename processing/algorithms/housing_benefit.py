"""communityrisk:housingbenefitoverlay: claimants living in F/G-rated private rentals."""
import os

from qgis.core import (
    QgsProcessing,
    QgsProcessingOutputNumber,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterFile,
)

from ...plugin.translation import tr, translatable
from .base import CommunityRiskAlgorithm, fail
from .clerical_decisions import DECISIONS_HELP, add_decisions_parameter, read_decisions
from .layers import AreaRecords
from .linkage_engine import ENGINE_HELP, add_engine_parameter, linkage_engine
from .people_at_risk import (HOUSEHOLD_LABELS, REVIEW_OUTPUT_HELP, add_record_parameter, add_referral_parameters,
                             review_summary, with_help, write_labelled, write_record, write_review, written_as)
from .pseudonym_secret import REVIEW_HELP, SECRET_HELP, add_secret_parameter, secret_of


CLAIMANTS_HELP = translatable(
    "The council's housing benefit or Universal Credit export: CSV (any common encoding), CSV.GZ or XLSX, with a "
    "UPRN or address fields and a postcode. Names, claim references and amounts are left unread; the log lists them.")
EPC_HELP = translatable(
    "The homes with their latest EPC: the output of Load EPC certificates (its uprn, address, postcode, rating, "
    "band_fg and private_rented fields).")
CLAIMANT_HOUSEHOLDS_HELP = translatable(
    "One row per claimant household, flagged homes first: its pseudonymised key, postcode, how many claimants, "
    "whether it was matched to an EPC home, that home's rating, and flagged (an F/G-rated private rental). No "
    "address or UPRN unless Referral mode is on.")
HB_RECORD_HELP = translatable(
    "A JSON file for the Privacy Impact Assessment: the claimant file's row count, the fields used and those left "
    "unread, the match rate, the linkage model's trained parameters, the clerical review count, where the secret "
    "came from (never the secret) and the outputs written.")
CLAIMANT_LABELS = dict(HOUSEHOLD_LABELS, **{
    "claimants": translatable("Claimants (rows in the export)"), "epc_found": translatable("Matched to an EPC home"),
    "rating": translatable("EPC rating"), "band_fg": translatable("Rated F or G"),
    "private_rented": translatable("Privately rented"), "flagged": translatable("F/G private rental")})


class HousingBenefitOverlayAlgorithm(CommunityRiskAlgorithm):
    ALGORITHM_ID = "housingbenefitoverlay"
    DISPLAY_NAME = translatable("Housing benefit overlay")
    GROUP_ID = "healthhousing"
    REQUIRED_MODULES = ("numpy", "pandas", "splink", "duckdb", "openpyxl")
    LAYER_ROLES = {"EPC": translatable("EPC")}

    CLAIMANTS = "CLAIMANTS"
    EPC = "EPC"
    REFERRAL_MODE = "REFERRAL_MODE"
    LAWFUL_BASIS = "LAWFUL_BASIS"
    OUTPUT = "OUTPUT"
    REVIEW = "REVIEW"
    RECORD = "RECORD"

    def shortHelpString(self):
        return tr(
            "Finds housing benefit or Universal Credit housing-element claimants living in F/G-rated, privately "
            "rented homes: the homes a Housing Health and Safety Rating System inspection or minimum energy "
            "efficiency enforcement should reach first.\n\n"
            "Inputs\n"
            "- Claimants: the council's export (CSV, CSV.GZ or XLSX, in any common encoding; the format is read from "
            "the content) with a UPRN, or address lines and a postcode.\n"
            "- EPC homes: the output of Load EPC certificates.\n") + tr(SECRET_HELP) + tr(
            "- Referral mode, with its Lawful basis: adds the home's address and UPRN.\n\n"
            "Linkage: exact UPRN, else Splink address matching, as in Find people at risk. Names, dates of birth, "
            "claim references and amounts are never used or written.\n\n"
            "Output fields (one row per claimant household, flagged homes first)\n"
            "- household_key, postcode, claimants (rows in the export).\n"
            "- epc_found: 1 when matched to an EPC home; rating, band_fg, private_rented: from that home.\n"
            "- flagged: 1 for an F/G-rated private rental.\n"
            "Clerical review (optional): ") + tr(REVIEW_HELP) + tr(
            "  · The EPC homes are the dataset 'epc': their row is counted in the layer's order, which in the "
            "GeoPackage Load EPC certificates writes is the home's fid (Select by expression: $id = 1416).\n") + tr(
            "Clerical decisions: ") + tr(DECISIONS_HELP) + \
            "\n" + tr(
            "Processing record (JSON), for the Privacy Impact Assessment: the claimant file's rows, fields used and "
            "fields left unread; the match rate; the linkage model's trained parameters (m and u of each comparison "
            "level); the clerical review and decisions counts; where the secret came from (never the secret); the "
            "outputs written.") + \
            tr("\n\nLinkage engine (advanced): ") + tr(ENGINE_HELP)

    def initAlgorithm(self, config=None):
        self.addParameter(with_help(QgsProcessingParameterFile(
            self.CLAIMANTS, tr("Claimants"), fileFilter=tr("Council exports (*.csv *.csv.gz *.txt *.xlsx);;All files (*)")),
            CLAIMANTS_HELP))
        self.addParameter(with_help(QgsProcessingParameterFeatureSource(self.EPC, tr("EPC homes"),
                                                                        [QgsProcessing.TypeVector]), EPC_HELP))
        add_secret_parameter(self)
        add_referral_parameters(self)
        add_decisions_parameter(self)
        self.addParameter(with_help(QgsProcessingParameterFeatureSink(
            self.OUTPUT, tr("Claimant households"), QgsProcessing.TypeVector), CLAIMANT_HOUSEHOLDS_HELP))
        self.addParameter(with_help(QgsProcessingParameterFeatureSink(
            self.REVIEW, tr("Clerical review"), QgsProcessing.TypeVector, optional=True, createByDefault=True),
            REVIEW_OUTPUT_HELP))
        add_record_parameter(self, HB_RECORD_HELP)
        add_engine_parameter(self)
        self.addOutput(QgsProcessingOutputNumber("FLAGGED", tr("Claimant households in F/G private rentals")))

    def perform(self, run):
        from ..analysis.housing_benefit import overlay
        from ..analysis.readers import read_table_file

        path = self.parameterAsFile(run.parameters, self.CLAIMANTS, run.context)
        if not path or not os.path.exists(path):
            fail(tr("The claimant file '{}' does not exist.").format(path))
        checked = run.source(self.EPC)
        secret, secret_source = secret_of(run)
        decisions = read_decisions(self, run)
        run.steps(3)
        name = claimants_name(path)
        run.step(tr("Reading '{}' and '{}'").format(name, checked.label))
        homes = AreaRecords(checked, run.feedback, progress_share=100)
        wanted = [n for n in ("uprn", "address", "postcode", "rating", "band_fg", "private_rented")
                  if homes.fields.lookupField(n) >= 0]
        claimants = read_table_file(path, name)
        run.step(tr("Linking claimants to EPC homes"))
        with linkage_engine(self, run):
            table, review, record, notes = overlay(claimants, homes.frame(wanted), secret,
                                              referral=self.parameterAsBoolean(run.parameters, self.REFERRAL_MODE, run.context),
                                              lawful_basis=run.string(self.LAWFUL_BASIS),
                                              claimants_name=name, progress=run.progress,
                                              decisions=decisions)
        run.notes(notes)
        run.info(review_summary(review))
        run.step(tr("Writing"))
        outputs = {self.OUTPUT: write_labelled(self, run, self.OUTPUT, table, CLAIMANT_LABELS),
                   "FLAGGED": int(table["flagged"].sum())}
        written = {"claimant_households": written_as(run, self.OUTPUT)}
        if run.given(self.REVIEW):
            outputs[self.REVIEW] = write_review(self, run, self.REVIEW, review)
            written["clerical_review"] = written_as(run, self.REVIEW)
        if run.given(self.RECORD):
            outputs[self.RECORD] = write_record(run, self.RECORD, dict(record, secret_from=secret_source), self.ALGORITHM_ID,
                                                written)
        return outputs


def claimants_name(path):
    """The claimant file's name in the log, the review and the decisions: its file name, with its folder where it is
    called as the EPC homes are."""
    from ..analysis.dataset_names import dataset_names
    from ..analysis.housing_benefit import EPC_DATASET

    return dataset_names([path], taken={EPC_DATASET})[0]
