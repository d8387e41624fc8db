"""communityrisk:riskdashboard: performance on a page, one page per borough, ward or station ground."""
import datetime
import os

from qgis.core import (
    QgsProcessing,
    QgsProcessingOutputFile,
    QgsProcessingOutputNumber,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterFolderDestination,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
    QgsWkbTypes,
)
from qgis.PyQt.QtCore import QVariant

from ...plugin.translation import tr, translatable
from .base import CommunityRiskAlgorithm, fail, require_same_kind_of_crs, write_text
from .layers import AreaRecords, check_unique_ids, numbers, read_incidents, write_with_columns

NUMERIC = QgsProcessingParameterField.Numeric
LAYER_COLUMNS = (("expected", QVariant.Double), ("ratio", QVariant.Double), ("funnel_z", QVariant.Double),
                 ("signal", QVariant.String), ("neighbours", QVariant.String), ("neighbour_rank", QVariant.Int))
SIGNAL_COLOURS = (("above", "#c0392b"), ("below", "#2166ac"), ("within", "#d9dde2"))


def apply_signal_style(layer):
    """Signals in colour (above red, below blue), noise in pale grey, areas without households uncoloured."""
    from qgis.core import QgsCategorizedSymbolRenderer, QgsRendererCategory, QgsSymbol
    from qgis.PyQt.QtGui import QColor

    labels = {"above": tr("Above: more than chance"), "below": tr("Below: fewer than chance"),
              "within": tr("Within: noise")}
    categories = []
    for value, colour in SIGNAL_COLOURS:
        symbol = QgsSymbol.defaultSymbol(layer.geometryType())
        symbol.setColor(QColor(colour))
        categories.append(QgsRendererCategory(value, symbol, labels[value]))
    layer.setRenderer(QgsCategorizedSymbolRenderer("signal", categories))
    layer.triggerRepaint()


class RiskDashboardAlgorithm(CommunityRiskAlgorithm):
    ALGORITHM_ID = "riskdashboard"
    DISPLAY_NAME = translatable("Risk dashboard")
    GROUP_ID = "reports"
    REQUIRED_MODULES = ("numpy", "pandas", "scipy", "shapely")
    LAYER_ROLES = {"AREAS": translatable("area"), "INCIDENTS": translatable("incident"),
                   "TARGETS": translatable("targets"), "SPLIT_AREAS": translatable("split area")}

    AREAS = "AREAS"
    AREA_ID = "AREA_ID"
    NAME_FIELD = "NAME_FIELD"
    COUNT_FIELD = "COUNT_FIELD"
    HOUSEHOLDS_FIELD = "HOUSEHOLDS_FIELD"
    YEARS = "YEARS"
    FACTORS = "FACTORS"
    GROUP_FIELD = "GROUP_FIELD"
    SPLIT_AREAS = "SPLIT_AREAS"
    SPLIT_FIELD = "SPLIT_FIELD"
    NEIGHBOURS = "NEIGHBOURS"
    INCIDENTS = "INCIDENTS"
    DATE_FIELD = "DATE_FIELD"
    TARGETS = "TARGETS"
    TITLE = "TITLE"
    ALL_AREAS_NAME = "ALL_AREAS_NAME"
    OUTPUT = "OUTPUT"
    PAGES = "PAGES"

    def shortHelpString(self):
        return tr(
            "Performance on a page: one page per borough, ward, station ground or other group, plus one for all "
            "areas and an index, each readable in a minute and printable on A4. Signals are separated from noise "
            "with a funnel plot; each area stands beside its statistical neighbours; a few lead indicators stand "
            "for the rest. The pages are offline HTML (no script, nothing fetched from the internet); every chart is "
            "also written as an SVG file in the charts folder.\n\n"
            "Inputs\n"
            "- Areas: the fire risk model's output or any area layer, with an Area id field (unique) and optionally "
            "an Area name field.\n"
            "- Incident count field: incidents per area (whole numbers, zero or more), over Years the counts cover.\n"
            "- Households field: households per area. Areas with none are left out of the rates, and named.\n"
            "- Factors (optional): e.g. deprivation, tenure, age. Without them there are no statistical neighbours "
            "and no lead indicators, and the pages say so. Statistical neighbours per area: how many (default 5).\n"
            "- Group field (optional): one page per value (at most 500). Or Split areas (e.g. station grounds) with "
            "their Split area name field: each area goes to the split area holding a point inside it.\n"
            "- Incidents and their Date field (optional): yearly trends, and the change of the last Years the counts "
            "cover on the same number of years before, with an exact Poisson test of whether it is more than "
            "chance.\n"
            "- Targets (optional): a table with the columns group, measure, planned and made (e.g. Borough 1, Home "
            "fire safety visits, 1200, 950). A row with an empty group, or the all-areas name, is for the all-areas "
            "page; otherwise that page sums the groups.\n"
            "- What is counted: the pages' titles, e.g. Dwelling fires. Name of all areas together: e.g. London.\n\n"
            "Method\n"
            "Expected = the all-areas rate x households x years. The funnel's limits (95% and 99.8%) are exact "
            "Poisson; where areas differ more than chance allows (Spiegelhalter's test on winsorised z-scores) they "
            "are exact negative binomial, widened by his additive overdispersion. Areas outside the 99.8% limits are "
            "signals; the rest is noise and is not ranked. Statistical neighbours: the k areas nearest by the root "
            "mean square difference of the standardised factors. Lead indicators: factors clustered by Spearman "
            "correlation (|rho| of 0.5 or more), each cluster's most representative member, shown as bullet graphs "
            "against the all-areas average.\n\n"
            "Output fields (the areas' own fields are kept): expected, ratio (observed / expected), funnel_z, signal "
            "(above, below or within; empty without households), neighbours (their ids, nearest first), "
            "neighbour_rank (1 = the highest rate among the area and its neighbours). Styled by signal.")

    def initAlgorithm(self, config=None):
        self.addParameter(QgsProcessingParameterFeatureSource(self.AREAS, tr("Areas"), [QgsProcessing.TypeVectorPolygon]))
        self.addParameter(QgsProcessingParameterField(self.AREA_ID, tr("Area id field"), parentLayerParameterName=self.AREAS))
        self.addParameter(QgsProcessingParameterField(self.NAME_FIELD, tr("Area name field"),
                                                      parentLayerParameterName=self.AREAS, optional=True))
        self.addParameter(QgsProcessingParameterField(self.COUNT_FIELD, tr("Incident count field"), "incidents",
                                                      self.AREAS, NUMERIC))
        self.addParameter(QgsProcessingParameterField(self.HOUSEHOLDS_FIELD, tr("Households field"), "households",
                                                      self.AREAS, NUMERIC))
        self.addParameter(QgsProcessingParameterNumber(self.YEARS, tr("Years the counts cover"),
                                                       QgsProcessingParameterNumber.Double, minValue=0))
        self.addParameter(QgsProcessingParameterField(self.FACTORS, tr("Factors"), None, self.AREAS, NUMERIC,
                                                      allowMultiple=True, optional=True))
        self.addParameter(QgsProcessingParameterField(self.GROUP_FIELD, tr("Group field (one page each)"),
                                                      parentLayerParameterName=self.AREAS, optional=True))
        self.addParameter(QgsProcessingParameterFeatureSource(self.SPLIT_AREAS, tr("Split areas"),
                                                              [QgsProcessing.TypeVectorPolygon], optional=True))
        self.addParameter(QgsProcessingParameterField(self.SPLIT_FIELD, tr("Split area name field"),
                                                      parentLayerParameterName=self.SPLIT_AREAS, optional=True))
        self.addParameter(QgsProcessingParameterNumber(self.NEIGHBOURS, tr("Statistical neighbours per area"),
                                                       QgsProcessingParameterNumber.Integer, defaultValue=5,
                                                       minValue=1, maxValue=50))
        self.addParameter(QgsProcessingParameterFeatureSource(self.INCIDENTS, tr("Incidents"),
                                                              [QgsProcessing.TypeVectorPoint], optional=True))
        self.addParameter(QgsProcessingParameterField(self.DATE_FIELD, tr("Date field"),
                                                      parentLayerParameterName=self.INCIDENTS, optional=True))
        self.addParameter(QgsProcessingParameterFeatureSource(self.TARGETS, tr("Targets (group, measure, planned, made)"),
                                                              [QgsProcessing.TypeVector], optional=True))
        self.addParameter(QgsProcessingParameterString(self.TITLE, tr("What is counted (page titles)"),
                                                       defaultValue="Incidents"))
        self.addParameter(QgsProcessingParameterString(self.ALL_AREAS_NAME, tr("Name of all areas together"),
                                                       defaultValue="All areas"))
        self.addParameter(QgsProcessingParameterFeatureSink(self.OUTPUT, tr("Areas with signals"),
                                                            QgsProcessing.TypeVectorPolygon))
        self.addParameter(QgsProcessingParameterFolderDestination(self.PAGES, tr("Pages"), optional=True,
                                                                  createByDefault=True))
        self.addOutput(QgsProcessingOutputFile("INDEX", tr("Index page")))
        self.addOutput(QgsProcessingOutputNumber("ABOVE", tr("Areas above the limits")))

    def perform(self, run):
        from ..analysis.dashboard import build_dashboard

        areas_source = run.source(self.AREAS)
        run.steps(5)
        run.step(tr("Reading areas from '{}'").format(areas_source.label))
        records = AreaRecords(areas_source, run.feedback, progress_share=100)
        ids = records.column(run.string(self.AREA_ID))
        check_unique_ids(ids, run.string(self.AREA_ID), areas_source.label)
        run.step()
        yearly, current = self.incident_years(run, areas_source, records)
        run.step(tr("Funnel, statistical neighbours and lead indicators"))
        dashboard = build_dashboard(
            ids, self.numeric(records, run.string(self.COUNT_FIELD)),
            self.numeric(records, run.string(self.HOUSEHOLDS_FIELD)),
            self.parameterAsDouble(run.parameters, self.YEARS, run.context),
            groups=self.groups(run, areas_source, records),
            names=records.column(run.string(self.NAME_FIELD)) if run.given(self.NAME_FIELD) else None,
            factors=self.factors(run, records), k=self.parameterAsInt(run.parameters, self.NEIGHBOURS, run.context),
            yearly=yearly, current_years=current, targets=self.targets(run),
            all_name=run.string(self.ALL_AREAS_NAME).strip() or tr("All areas"),
            title=run.string(self.TITLE).strip() or tr("Incidents"), progress=run.progress)
        run.notes(dashboard.notes)
        run.step(tr("Writing the areas"))
        table = dashboard.table
        columns = [(name, kind, table[name].astype(object).where(table[name].notna(), None).tolist())
                   for name, kind in LAYER_COLUMNS]
        dest = write_with_columns(self, run.parameters, run.context, run.feedback, self.OUTPUT, records, columns, 0)
        run.style(dest, apply_signal_style)
        above = int((table["signal"] == "above").sum())
        run.info(tr("{} area(s) above the 99.8% limits, {} below; {} limits.").format(
            above, int((table["signal"] == "below").sum()), dashboard.funnel.method))
        outputs = {self.OUTPUT: dest, "ABOVE": above}
        run.step(tr("Writing the pages"))
        if run.given(self.PAGES):
            outputs[self.PAGES], outputs["INDEX"] = self.write_pages(run, dashboard, areas_source.label)
        return outputs

    def incident_years(self, run, areas_source, records):
        """(areas x calendar years of incidents, the current period's years), or (None, None) without incidents."""
        from ..analysis.counting import assign_points_to_areas
        from ..analysis.dashboard import current_period, yearly_counts

        if not run.given(self.INCIDENTS):
            return None, None
        incidents = run.source(self.INCIDENTS, QgsWkbTypes.PointGeometry)
        if not run.given(self.DATE_FIELD):
            fail(tr("Choose the date field of the incident layer '{}': the trends and the change on the previous "
                    "period need each incident's date.").format(incidents.label))
        areas_source.require_geometry(QgsWkbTypes.PolygonGeometry)
        require_same_kind_of_crs(areas_source, incidents)
        xs, ys, dates = read_incidents(self, run.parameters, run.context, run.feedback, incidents,
                                       areas_source.source.sourceCrs(), run.string(self.DATE_FIELD))
        import numpy as np

        area_of = assign_points_to_areas(records.shapely_geometries(), xs, ys)
        known = ~np.isnat(dates)
        if (~known).any():
            run.warn(tr("{} incident(s) have no date and are left out of the trends.").format(int((~known).sum())))
        years = np.where(known, dates.astype("datetime64[Y]").astype(float) + 1970, np.nan)
        yearly = yearly_counts(area_of, years, len(records))
        if not yearly.shape[1]:
            run.warn(tr("No dated incident lies in an area: the pages have no trends."))
            return None, None
        last = dates[known].max()
        if str(last)[5:] < "12-01":
            run.warn(tr("The incidents end on {}: the last year, {}, is not complete, so its count and the change on "
                        "the previous period are low.").format(last, str(last)[:4]))
        return yearly, current_period(list(yearly.columns),
                                      self.parameterAsDouble(run.parameters, self.YEARS, run.context))

    def groups(self, run, areas_source, records):
        """Each area's group: its group field, or the name of the split area holding a point inside it."""
        from ..analysis.priority import names_in_areas

        if run.given(self.GROUP_FIELD):
            if run.given(self.SPLIT_AREAS):
                fail(tr("Give either a group field or split areas, not both."))
            return records.column(run.string(self.GROUP_FIELD))
        if not run.given(self.SPLIT_AREAS):
            return None
        import shapely

        split = run.source(self.SPLIT_AREAS, QgsWkbTypes.PolygonGeometry)
        if not run.given(self.SPLIT_FIELD):
            fail(tr("Choose the name field of the split area layer '{}'.").format(split.label))
        areas_source.require_geometry(QgsWkbTypes.PolygonGeometry)
        require_same_kind_of_crs(areas_source, split)
        split_records = AreaRecords(split, run.feedback, progress_share=0)
        inside = shapely.point_on_surface(records.shapely_geometries())
        names = names_in_areas(split_records.shapely_geometries(areas_source.source.sourceCrs(),
                                                                run.context.transformContext()),
                               split_records.column(run.string(self.SPLIT_FIELD)), shapely.get_x(inside),
                               shapely.get_y(inside), tr("Outside every split area"))
        return list(names)

    def factors(self, run, records):
        import pandas as pd

        names = self.parameterAsFields(run.parameters, self.FACTORS, run.context)
        if not names:
            return None
        return pd.DataFrame({name: self.numeric(records, name) for name in names})

    def targets(self, run):
        import pandas as pd

        if not run.given(self.TARGETS):
            return None
        checked = run.source(self.TARGETS)
        records = AreaRecords(checked, run.feedback, progress_share=0)
        return pd.DataFrame({name: records.column(name) for name in records.fields.names()})

    def write_pages(self, run, dashboard, label):
        """Every page, its charts as SVG files in charts/, and the index; returns (folder, index path)."""
        from ..analysis.dashboard_report import pages, svg_file

        folder = run.string(self.PAGES)
        os.makedirs(os.path.join(folder, "charts"), exist_ok=True)
        generated = tr("Made {} from '{}'.").format(datetime.date.today().isoformat(), label)
        for page in pages(dashboard, tr, generated, progress=run.progress):
            write_text(os.path.join(folder, page.stem + ".html"), page.html)
            for name, svg in page.charts.items():
                write_text(os.path.join(folder, "charts", "{}_{}.svg".format(page.stem, name)), svg_file(svg))
        run.info(tr("Pages written to '{}': open index.html.").format(run.guard.final(folder)))
        return folder, os.path.join(folder, "index.html")

    @staticmethod
    def numeric(records, name):
        import numpy as np

        values = records.column(name)
        try:  # a numeric field's values are numbers already: one conversion (61 London factors: 1 s saved)
            return np.array([np.nan if v is None else v for v in values], dtype=float)
        except (TypeError, ValueError):  # text that is not a number: numbers() names the field and the value
            return np.array([np.nan if v is None else v for v in numbers(values, name, records.label)], dtype=float)
