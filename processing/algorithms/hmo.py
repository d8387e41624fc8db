"""communityrisk:findunlicensedhmos: rank a borough's properties by how likely each is an unlicensed HMO."""
import os
from datetime import date, datetime, timezone

from qgis.core import (
    QgsProcessing,
    QgsProcessingOutputNumber,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterFolderDestination,
    QgsProcessingParameterMultipleLayers,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
)
from qgis.PyQt.QtCore import QVariant

from ...plugin.translation import tr, translatable
from .base import CommunityRiskAlgorithm, fail, require_same_kind_of_crs, write_text
from .linkage_engine import ENGINE_HELP, add_engine_parameter, linkage_engine
from .people_at_risk import read_datasets  # one reader of council files for both linkage algorithms


class FindUnlicensedHmosAlgorithm(CommunityRiskAlgorithm):
    ALGORITHM_ID = "findunlicensedhmos"
    DISPLAY_NAME = translatable("Find unlicensed HMOs")
    GROUP_ID = "housingstandards"
    REQUIRED_MODULES = ("numpy", "pandas", "sklearn", "threadpoolctl", "splink", "duckdb", "openpyxl")
    LAYER_ROLES = {"PROPERTIES": translatable("property base"), "SPLIT_AREAS": translatable("ward or patch"),
                   "AREAS": translatable("area context")}

    PROPERTIES = "PROPERTIES"
    UPRN_FIELD = "UPRN_FIELD"
    ADDRESS_FIELDS = "ADDRESS_FIELDS"
    POSTCODE_FIELD = "POSTCODE_FIELD"
    DATASETS = "DATASETS"
    ROLES = "ROLES"
    AS_AT = "AS_AT"
    AREAS = "AREAS"
    AREA_FIELDS = "AREA_FIELDS"
    SPLIT_AREAS = "SPLIT_AREAS"
    SPLIT_FIELD = "SPLIT_FIELD"
    LIST_LENGTH = "LIST_LENGTH"
    OUTPUT = "OUTPUT"
    INSPECTION_LIST = "INSPECTION_LIST"
    REPORT = "REPORT"
    RECORD = "RECORD"

    def shortHelpString(self):
        return tr(
            "Ranks every property of a borough by how likely it is a house in multiple occupation (HMO) without a "
            "licence, from files the council already holds (after the London Office of Data Analytics pilot).\n\n"
            "Inputs\n"
            "- Property base: gazetteer points (LLPG or AddressBase) in a projected CRS; its UPRN field, address "
            "field(s) and postcode field.\n"
            "- Datasets and Roles: council files (CSV, XLSX or any table) and one role each, comma separated, in the "
            "same order: hmo_register (licensed HMOs, with licence start and expiry dates), inspections (an outcome "
            "column: HMO / not HMO), council_tax, electoral_register, housing_benefit, complaints, epc (the EPC "
            "register's certificates.csv), planning, fire_incidents. Each role once; hmo_register is required.\n"
            "- Judged at: the date licences and complaints are judged at (YYYY-MM-DD; default today). An expired "
            "licence counts as no licence; its dates are kept.\n"
            "- Area context (optional) and Area context fields: polygons with figures about each area, such as the Census "
            "2021 shares of private renting and of converted or shared houses per LSOA; each property takes its "
            "area's figures as extra features, and the report says what they added in the cross-validation.\n"
            "- Wards or patches (optional) and their ward or patch name field: one inspection list per area, of at "
            "most the properties per inspection list (default 100).\n\n"
            "Every file is linked to the property base by UPRN, else by address (the linkage engine of Find people "
            "at risk); match rates are reported. Only the columns each role needs are kept; all others are dropped "
            "unread. The model learns from the licensed HMOs (positive-unlabelled learning), compares a penalised "
            "logistic model with gradient-boosted trees by spatially blocked cross-validation and keeps the better; "
            "inspection outcomes, when given, calibrate the probabilities. At least 20 known HMOs are needed.\n\n"
            "Output fields (scored properties): the base's own fields; hmo_probability, with hmo_probability_low "
            "and hmo_probability_high (at either end of the interval of the share of HMOs on the register); rank "
            "(unlicensed "
            "properties only, 1 = inspect first); licensed (a licence valid on the date judged at); on_register; "
            "licence_start and licence_end (kept for expired licences); reason_1..3 (the three features that raised "
            "the score most, in plain words).\n"
            "Other outputs: inspection lists (CSV and HTML per area, index.csv); the report (HTML: precision at 50, "
            "100 and 500 inspections, lift over random and over the best single rule, calibration, feature effects, "
            "match rates); the processing record (HTML: an information-sharing agreement and DPIA summary to start "
            "from). Names, dates of birth and claim references reach no output.") + \
            tr("\n\nLinkage engine (advanced): ") + tr(ENGINE_HELP)

    def initAlgorithm(self, config=None):
        self.addParameter(QgsProcessingParameterFeatureSource(self.PROPERTIES, tr("Property base"),
                                                              [QgsProcessing.TypeVectorPoint]))
        self.addParameter(QgsProcessingParameterField(self.UPRN_FIELD, tr("UPRN field"), defaultValue="uprn", optional=True,
                                                      parentLayerParameterName=self.PROPERTIES))
        self.addParameter(QgsProcessingParameterField(self.ADDRESS_FIELDS, tr("Address field(s)"), defaultValue="address", optional=True,
                                                      parentLayerParameterName=self.PROPERTIES, allowMultiple=True))
        self.addParameter(QgsProcessingParameterField(self.POSTCODE_FIELD, tr("Postcode field"), defaultValue="postcode", optional=True,
                                                      parentLayerParameterName=self.PROPERTIES))
        self.addParameter(QgsProcessingParameterMultipleLayers(self.DATASETS, tr("Datasets"), QgsProcessing.TypeFile))
        self.addParameter(QgsProcessingParameterString(self.ROLES, tr("Roles")))
        self.addParameter(QgsProcessingParameterString(self.AS_AT, tr("Judged at (YYYY-MM-DD)"), optional=True))
        self.addParameter(QgsProcessingParameterFeatureSource(self.AREAS, tr("Area context (optional)"),
                                                              [QgsProcessing.TypeVectorPolygon], optional=True))
        self.addParameter(QgsProcessingParameterField(self.AREA_FIELDS, tr("Area context fields"), optional=True,
                                                      parentLayerParameterName=self.AREAS, allowMultiple=True,
                                                      type=QgsProcessingParameterField.Numeric))
        self.addParameter(QgsProcessingParameterFeatureSource(self.SPLIT_AREAS, tr("Wards or patches"),
                                                              [QgsProcessing.TypeVectorPolygon], optional=True))
        self.addParameter(QgsProcessingParameterField(self.SPLIT_FIELD, tr("Ward or patch name field"), optional=True,
                                                      parentLayerParameterName=self.SPLIT_AREAS))
        self.addParameter(QgsProcessingParameterNumber(self.LIST_LENGTH, tr("Properties per inspection list"),
                                                       defaultValue=100, minValue=1, maxValue=100000))
        self.addParameter(QgsProcessingParameterFeatureSink(self.OUTPUT, tr("Scored properties"),
                                                            QgsProcessing.TypeVectorPoint))
        self.addParameter(QgsProcessingParameterFolderDestination(self.INSPECTION_LIST, tr("Inspection lists"),
                                                                  optional=True, createByDefault=True))
        self.addParameter(QgsProcessingParameterFileDestination(self.REPORT, tr("Report"), tr("HTML files (*.html)"),
                                                                optional=True, createByDefault=True))
        self.addParameter(QgsProcessingParameterFileDestination(self.RECORD, tr("Processing record"),
                                                                tr("HTML files (*.html)"), optional=True,
                                                                createByDefault=True))
        add_engine_parameter(self)
        self.addOutput(QgsProcessingOutputNumber("KNOWN_HMOS", tr("Known HMOs")))

    def perform(self, run):
        from ..analysis.hmo import find_unlicensed_hmos

        as_at = self.as_at(run)
        run.steps(3)
        run.step(tr("Reading the property base and the files"))
        records, properties = self.read_properties(run)
        datasets = read_datasets(run, self.dataset_paths(run), self.roles(run))
        areas = self.split_names(run, records)
        context = self.area_context(run, records)
        run.step(tr("Linking, learning and ranking"))
        with linkage_engine(self, run):
            result = find_unlicensed_hmos(properties, datasets, as_at, progress=run.progress, area_context=context)
        run.notes(result.notes)
        run.step(tr("Writing"))
        outputs = {self.OUTPUT: self.write_properties(run, records, result.properties), "KNOWN_HMOS": result.report["known_hmos"]}
        if run.given(self.INSPECTION_LIST):
            outputs[self.INSPECTION_LIST] = self.write_lists(run, result.properties, areas)
        written = {name: run.guard.final(run.string(name)) for name in (self.INSPECTION_LIST, self.REPORT) if run.given(name)}
        if run.given(self.REPORT):
            from ..analysis.hmo_report import report_html

            outputs[self.REPORT] = run.write_text(self.REPORT, report_html(result.report, tr("Find unlicensed HMOs"), tr))
        if run.given(self.RECORD):
            from ..analysis.hmo_report import record_html

            run_at = datetime.now(timezone.utc).isoformat(timespec="seconds")
            outputs[self.RECORD] = run.write_text(self.RECORD, record_html(
                result.record, result.report, written, run_at, tr("Processing record: Find unlicensed HMOs"), tr))
        self.summarise(run, result)
        return outputs

    def as_at(self, run):
        text = run.string(self.AS_AT).strip()
        if not text:
            return date.today().isoformat()
        try:
            return datetime.strptime(text, "%Y-%m-%d").date().isoformat()
        except ValueError:
            fail(tr("'Judged at' must be a date written YYYY-MM-DD, such as 2024-04-01; it is '{}'.").format(text))

    def read_properties(self, run):
        from .layers import AreaRecords

        checked = run.source(self.PROPERTIES)
        checked.require_projected_crs()
        uprn_field, postcode_field = run.string(self.UPRN_FIELD), run.string(self.POSTCODE_FIELD)
        address_fields = [f for f in self.parameterAsFields(run.parameters, self.ADDRESS_FIELDS, run.context) if f]
        for name in [uprn_field, postcode_field] + address_fields:
            checked.field_index(name)
        if not address_fields:
            fail(tr("Choose the address field(s) of the property base."))
        records = AreaRecords(checked, run.feedback, progress_share=0)
        uprns = records.column(uprn_field)
        postcodes = records.column(postcode_field)
        import pandas as pd

        parts = [["" if v is None else str(v) for v in records.column(name)] for name in address_fields]
        addresses = [", ".join(p for p in row if p.strip()) for row in zip(*parts)] if parts else [""] * len(records)
        properties = pd.DataFrame({"uprn": ["" if u is None else str(u) for u in uprns], "address": addresses,
                                   "postcode": ["" if p is None else str(p) for p in postcodes]})
        return records, properties

    def dataset_paths(self, run):
        layers = self.parameterAsFileList(run.parameters, self.DATASETS, run.context)
        paths = [p if isinstance(p, str) else p.source().split("|")[0] for p in layers]
        if not paths:
            fail(tr("Give at least one dataset: the HMO register."))
        for path in paths:
            if not os.path.exists(path):
                fail(tr("The dataset '{}' does not exist.").format(path))
        return paths

    def roles(self, run):
        text = run.string(self.ROLES)
        roles = [r.strip() for r in text.split(",") if r.strip()]
        count = len(self.parameterAsFileList(run.parameters, self.DATASETS, run.context))
        if len(roles) != count:
            fail(tr("Give one role per dataset: {} datasets but {} roles ('{}').").format(count, len(roles), text))
        return roles

    def split_names(self, run, records):
        """The ward or patch of each property, or None for one list."""
        if not run.given(self.SPLIT_AREAS):
            return None
        from ..analysis.priority import names_in_areas
        from .layers import AreaRecords

        if not run.string(self.SPLIT_FIELD):
            fail(tr("Choose the ward or patch name field."))
        checked = run.source(self.SPLIT_AREAS)
        require_same_kind_of_crs(run.source(self.PROPERTIES, features=False), checked)
        areas = AreaRecords(checked, run.feedback, progress_share=0)
        crs = records.source.sourceCrs()
        geometries = areas.shapely_geometries(crs, run.context.transformContext())
        points = records.shapely_geometries()
        import shapely

        x, y = shapely.get_x(points), shapely.get_y(points)
        return names_in_areas(geometries, areas.column(run.string(self.SPLIT_FIELD)), x, y,
                              tr("outside every area"))

    def area_context(self, run, records):
        """Each property's area figures (its area's value of every area context field; NaN outside), or None."""
        if not run.given(self.AREAS):
            return None
        import numpy as np
        import pandas as pd
        import shapely

        from ..analysis.counting import assign_points_to_areas
        from .layers import AreaRecords, numbers

        names = [f for f in self.parameterAsFields(run.parameters, self.AREA_FIELDS, run.context) if f]
        if not names:
            fail(tr("Choose the area context fields (e.g. the Census 2021 shares of private renting and of converted "
                    "or shared houses), or leave the area context layer out."))
        checked = run.source(self.AREAS)
        require_same_kind_of_crs(run.source(self.PROPERTIES, features=False), checked)
        for name in names:
            checked.field_index(name)
        areas = AreaRecords(checked, run.feedback, progress_share=0)
        geometries = areas.shapely_geometries(records.source.sourceCrs(), run.context.transformContext())
        points = records.shapely_geometries()
        where = assign_points_to_areas(geometries, shapely.get_x(points), shapely.get_y(points))
        table = {}
        for name in names:
            values = np.array([np.nan if v is None else v for v in numbers(areas.column(name), name, checked.label)],
                              dtype=float)
            table[name] = np.where(where >= 0, values[np.maximum(where, 0)], np.nan)
        return pd.DataFrame(table)

    def write_properties(self, run, records, table):
        from .layers import write_with_columns
        from .styling import apply_graduated_style

        columns = [("hmo_probability", QVariant.Double, table["hmo_probability"].tolist()),
                   ("hmo_probability_low", QVariant.Double, table["hmo_probability_low"].tolist()),
                   ("hmo_probability_high", QVariant.Double, table["hmo_probability_high"].tolist()),
                   ("rank", QVariant.Int, [None if v is None or v != v else int(v) for v in table["rank"].astype(object)
                                           .where(table["rank"].notna(), None)]),
                   ("licensed", QVariant.Int, table["licensed"].tolist()),
                   ("on_register", QVariant.Int, table["on_register"].tolist()),
                   ("licence_start", QVariant.String, table["licence_start"].tolist()),
                   ("licence_end", QVariant.String, table["licence_end"].tolist())]
        columns += [("reason_{}".format(k), QVariant.String, table["reason_{}".format(k)].tolist()) for k in (1, 2, 3)]
        dest_id = write_with_columns(self, run.parameters, run.context, run.feedback, self.OUTPUT, records, columns)
        run.style(dest_id, lambda layer: apply_graduated_style(layer, "hmo_probability"))
        return dest_id

    def write_lists(self, run, table, areas):
        """One CSV and one HTML page per ward or patch (or one for the borough), and index.csv."""
        import pandas as pd

        from ..analysis.hmo_report import inspection_list_html, inspection_lists
        from ..analysis.priority import file_stems
        from ..analysis.tables import write_table_file

        folder = run.string(self.INSPECTION_LIST)
        os.makedirs(folder, exist_ok=True)
        length = self.parameterAsInt(run.parameters, self.LIST_LENGTH, run.context)
        lists = inspection_lists(table, length, areas)
        stems = file_stems(list(lists))
        index = []
        for name, rows in lists.items():
            run.check_cancel()
            stem = stems[name]
            write_table_file(os.path.join(folder, stem + ".csv"), rows)
            write_text(os.path.join(folder, stem + ".html"), inspection_list_html(
                name, rows, tr("Inspection list: {}").format(name), tr))
            index.append({"area": name, "properties": len(rows), "csv": stem + ".csv", "html": stem + ".html"})
        write_table_file(os.path.join(folder, "index.csv"), pd.DataFrame(index))
        return folder

    def summarise(self, run, result):
        report = result.report
        at = report["evaluation"]["at"].get(100, {})
        run.info(tr("{} properties scored; {} known HMOs; model kept: {}. Held-out precision among the first 100: {:.1%} "
                    "({:.1f}× random).").format(report["properties"], report["known_hmos"], report["model"]["winner"],
                                                at.get("precision", float("nan")), at.get("lift_over_random", float("nan"))))
        for match in report["match_rates"]:
            run.info(tr("'{}' ({}): {} rows, {:.1%} linked to a property; {} not linked.").format(
                match["dataset"], match["role"], match["rows"], match["match_rate"], match["unlinked"]))
