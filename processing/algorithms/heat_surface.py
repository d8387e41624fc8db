"""communityrisk:heatsurface: a kernel density GeoTIFF of any point layer."""
from qgis.core import (
    QgsColorRampShader,
    QgsProcessing,
    QgsProcessingOutputNumber,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterNumber,
    QgsProcessingParameterRasterDestination,
    QgsProcessingParameterString,
    QgsRasterBandStats,
    QgsRasterShader,
    QgsRectangle,
    QgsSingleBandPseudoColorRenderer,
    QgsStyle,
    QgsUnitTypes,
    QgsWkbTypes,
)

from ...plugin.translation import tr, translatable
from .base import CommunityRiskAlgorithm, fail, require_same_kind_of_crs
from .layers import AreaRecords, numbers, read_incidents

NODATA = -9999.0
BANDWIDTH_METHODS = ("nearest", "silverman")
BANDWIDTH_LABELS = (translatable("Hot spots: distance to the 20th nearest point"),
                    translatable("Smooth overview: Silverman's rule"))
GEOTIFF_EXTENSIONS = (".tif", ".tiff")


def apply_heat_style(layer, units):
    """A Magma ramp from the surface's minimum to its maximum, each legend entry with its units."""
    stats = layer.dataProvider().bandStatistics(1, QgsRasterBandStats.All)
    ramp = QgsStyle.defaultStyle().colorRamp("Magma") or QgsStyle.defaultStyle().colorRamp("Reds")
    shader_function = QgsColorRampShader(stats.minimumValue, stats.maximumValue, ramp)
    shader_function.setClassificationMode(QgsColorRampShader.EqualInterval)  # five legend entries, not every stop
    shader_function.classifyColorRamp(5)
    items = shader_function.colorRampItemList()
    for item in items:
        item.label = "{:,.1f} {}".format(item.value, units)
    shader_function.setColorRampItemList(items)
    shader = QgsRasterShader()
    shader.setRasterShaderFunction(shader_function)
    layer.setRenderer(QgsSingleBandPseudoColorRenderer(layer.dataProvider(), 1, shader))


class HeatSurfaceAlgorithm(CommunityRiskAlgorithm):
    ALGORITHM_ID = "heatsurface"
    DISPLAY_NAME = translatable("Heat surface (kernel density)")
    GROUP_ID = "healthhousing"
    REQUIRED_MODULES = ("numpy", "scipy", "osgeo", "shapely")
    LAYER_ROLES = {"INPUT": translatable("point"), "BOUNDARY": translatable("boundary")}

    INPUT = "INPUT"
    WEIGHT_FIELD = "WEIGHT_FIELD"
    POINTS_NAME = "POINTS_NAME"
    CELL_SIZE = "CELL_SIZE"
    BANDWIDTH_METHOD = "BANDWIDTH_METHOD"
    BANDWIDTH = "BANDWIDTH"
    BOUNDARY = "BOUNDARY"
    OUTPUT = "OUTPUT"

    def shortHelpString(self):
        return tr(
            "A smooth surface of how densely points (fires, F/G-rated homes, benefit claimants) lie, as a GeoTIFF "
            "of points per square kilometre.\n\n"
            "Inputs\n"
            "- Points: any point layer with a CRS; Weight field (optional): a number per point, e.g. casualties "
            "(default 1).\n"
            "- Points are (optional): what the points are, for the legend, e.g. 'fires' gives 'fires per km²' "
            "(default: the layer's name).\n"
            "- Cell size (metres): default 50.\n"
            "- Automatic bandwidth: how the kernel's radius is chosen when Bandwidth is empty.\n"
            "  Hot spots (default): the median distance from a point to its 20th nearest point, so a kernel "
            "typically holds about 20 points. It adapts to how dense the points are and keeps streets and estates "
            "apart: about 300 m for the sample's fires and for London's. Use it to find where to act.\n"
            "  Smooth overview: Silverman's rule of thumb, h = 2.78 × sigma × n^(-1/6), with sigma the mean of "
            "the coordinates' robust standard deviations. It describes the spread of the whole layer: 1.7 km on "
            "the sample and 3.7 km on London, which blurs a borough into one or two blobs. Use it for a "
            "borough-wide picture.\n"
            "- Bandwidth (metres, optional): the kernel's radius; overrides the automatic choice. The log reports "
            "the value used.\n"
            "- Boundary (optional): polygons to clip to; cells outside are left empty. When the points are in a "
            "geographic CRS (degrees) and the boundary in a projected one, the points are reprojected to it.\n\n"
            "Output: a one-band GeoTIFF (.tif; other formats are refused) of points per square kilometre, using "
            "QGIS's quartic (biweight) kernel so the surface adds up to the number of points. It opens with a colour "
            "ramp whose legend gives the units, from the .qml saved beside it. A grid that would need more than "
            "half the free memory is refused before any work, with the figure.")

    def initAlgorithm(self, config=None):
        self.addParameter(QgsProcessingParameterFeatureSource(self.INPUT, tr("Points"), [QgsProcessing.TypeVectorPoint]))
        self.addParameter(QgsProcessingParameterField(self.WEIGHT_FIELD, tr("Weight field"), parentLayerParameterName=self.INPUT,
                                                      optional=True, type=QgsProcessingParameterField.Numeric))
        self.addParameter(QgsProcessingParameterString(self.POINTS_NAME, tr("Points are (for the legend, e.g. fires)"),
                                                       optional=True))
        self.addParameter(QgsProcessingParameterNumber(self.CELL_SIZE, tr("Cell size (metres)"),
                                                       QgsProcessingParameterNumber.Double, defaultValue=50.0,
                                                       minValue=0.001))
        self.addParameter(QgsProcessingParameterEnum(self.BANDWIDTH_METHOD, tr("Automatic bandwidth"),
                                                     [tr(label) for label in BANDWIDTH_LABELS], defaultValue=0))
        self.addParameter(QgsProcessingParameterNumber(self.BANDWIDTH, tr("Bandwidth (metres; empty: automatic)"),
                                                       QgsProcessingParameterNumber.Double, optional=True,
                                                       minValue=0.001))
        self.addParameter(QgsProcessingParameterFeatureSource(self.BOUNDARY, tr("Boundary"), [QgsProcessing.TypeVectorPolygon],
                                                              optional=True))
        self.addParameter(QgsProcessingParameterRasterDestination(self.OUTPUT, tr("Heat surface")))
        self.addOutput(QgsProcessingOutputNumber("BANDWIDTH_USED", tr("Bandwidth used (metres)")))

    def perform(self, run):
        from ..analysis.kde import check_memory, density_grid

        output = self.parameterAsOutputLayer(run.parameters, self.OUTPUT, run.context)
        if not output.lower().endswith(GEOTIFF_EXTENSIONS):
            fail(tr("The heat surface is written as a GeoTIFF, so its file must end in .tif; '{}' would be a "
                    "GeoTIFF under another format's name. Name it e.g. heat.tif.").format(output.rsplit("/", 1)[-1]))
        points = run.source(self.INPUT, QgsWkbTypes.PointGeometry)
        boundary = run.source(self.BOUNDARY, QgsWkbTypes.PolygonGeometry) if run.given(self.BOUNDARY) else None
        crs = self.grid_crs(run, points, boundary)
        metres = QgsUnitTypes.fromUnitToUnitFactor(QgsUnitTypes.DistanceMeters, crs.mapUnits())  # map units a metre
        cell = self.parameterAsDouble(run.parameters, self.CELL_SIZE, run.context) * metres
        given = self.parameterAsDouble(run.parameters, self.BANDWIDTH, run.context) if run.given(self.BANDWIDTH) else 0
        check_memory(self.extent(run, points, boundary, crs), cell, given * metres)
        run.steps(4)
        run.step(tr("Reading points from '{}'").format(points.label))
        xs, ys, weights = self.read_points(run, points, crs)
        run.step()
        bandwidth = given * metres if given else self.automatic_bandwidth(run, xs, ys, metres)
        clip = self.boundary_shape(run, boundary, crs) if boundary is not None else None
        bounds = clip.bounds if clip is not None else (
            xs.min() - bandwidth, ys.min() - bandwidth, xs.max() + bandwidth, ys.max() + bandwidth)
        run.step(tr("Making the surface"))
        grid, origin = density_grid(xs, ys, bounds, cell, bandwidth, weights)
        run.step(tr("Writing"))
        units = tr("{} per km²").format(run.string(self.POINTS_NAME).strip() or points.source.sourceName())
        self.write(run, output, grid * (1000.0 * metres) ** 2, origin, cell, crs, clip, units, bandwidth / metres)
        run.style(output, lambda layer: apply_heat_style(layer, units))
        return {self.OUTPUT: output, "BANDWIDTH_USED": bandwidth / metres}

    def grid_crs(self, run, points, boundary):
        """The CRS the surface is made in: the points', or the boundary's when the points are in degrees."""
        if boundary is not None:
            require_same_kind_of_crs(points, boundary)
        crs = points.source.sourceCrs()
        if crs.isValid() and crs.isGeographic() and boundary is not None and not boundary.source.sourceCrs().isGeographic():
            run.info(tr("The points are in degrees ({}); they are reprojected to the boundary's CRS ({}).")
                     .format(crs.authid(), boundary.source.sourceCrs().authid()))
            return boundary.source.sourceCrs()
        points.require_projected_crs()
        return crs

    def extent(self, run, points, boundary, crs):
        """The surface's extent as far as it is known before reading: the boundary's, else the points'."""
        from qgis.core import QgsCoordinateTransform

        layer = boundary if boundary is not None else points
        rectangle = QgsRectangle(layer.source.sourceExtent())
        if layer.source.sourceCrs() != crs:
            rectangle = QgsCoordinateTransform(layer.source.sourceCrs(), crs, run.context.transformContext()) \
                .transformBoundingBox(rectangle)
        return rectangle.xMinimum(), rectangle.yMinimum(), rectangle.xMaximum(), rectangle.yMaximum()

    def read_points(self, run, points, crs):
        import numpy as np

        xs, ys, _ = read_incidents(self, run.parameters, run.context, run.feedback, points, crs, progress_share=100)
        weights = None
        if run.string(self.WEIGHT_FIELD):
            name = run.string(self.WEIGHT_FIELD)
            weights = np.array([np.nan if v is None else v for v in
                                numbers(AreaRecords(points, run.feedback, 0).column(name), name, points.label)])
        located = np.isfinite(xs) & np.isfinite(ys)
        if weights is not None and len(weights) != len(xs):
            fail(tr("The point layer '{}' holds multipoints, whose parts cannot share one weight. Split them first "
                    "(Vector > Geometry Tools > Multipart to Singleparts).").format(points.label))
        if weights is not None:
            if (weights < 0).any():
                fail(tr("The weight field '{}' of the point layer '{}' has {} negative value(s) (e.g. {:g}); a density "
                        "needs weights of zero or more.").format(run.string(self.WEIGHT_FIELD), points.label,
                                                                 int((weights < 0).sum()), weights[weights < 0][0]))
            unusable = located & ~np.isfinite(weights)
            if unusable.any():
                run.warn(tr("{} point(s) have no usable weight (empty, NaN or infinite) and are left out.")
                         .format(int(unusable.sum())))
            located &= np.isfinite(weights)
        return xs[located], ys[located], None if weights is None else weights[located]

    def automatic_bandwidth(self, run, xs, ys, metres):
        from ..analysis.kde import nearest_neighbour_bandwidth, silverman_bandwidth

        method = BANDWIDTH_METHODS[self.parameterAsEnum(run.parameters, self.BANDWIDTH_METHOD, run.context)]
        if method == "silverman":
            bandwidth = silverman_bandwidth(xs, ys)
            run.info(tr("Bandwidth by Silverman's rule: {:,.0f} m").format(bandwidth / metres))
        else:
            bandwidth = nearest_neighbour_bandwidth(xs, ys)
            run.info(tr("Bandwidth for hot spots (median distance to the 20th nearest point): {:,.0f} m")
                     .format(bandwidth / metres))
        return bandwidth

    def boundary_shape(self, run, boundary, crs):
        import shapely

        return shapely.union_all(AreaRecords(boundary, run.feedback, 0).shapely_geometries(
            crs, run.context.transformContext()))

    @staticmethod
    def write(run, output, grid, origin, cell, crs, clip, units, bandwidth_m):
        from ..analysis.gdal_io import north_up, write_geotiff

        write_geotiff(output, grid, north_up(origin, cell), crs.toWkt(), NODATA, clip=clip, description=units,
                      tags={"units": "points per square kilometre", "bandwidth_m": "{:.1f}".format(bandwidth_m),
                            "kernel": "quartic"})
