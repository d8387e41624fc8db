"""communityrisk:heatsurface: a kernel density GeoTIFF of any point layer."""
import os

from qgis.core import (
    QgsColorRampShader,
    QgsProcessing,
    QgsProcessingLayerPostProcessorInterface,
    QgsProcessingOutputNumber,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterNumber,
    QgsProcessingParameterRasterDestination,
    QgsRasterBandStats,
    QgsRasterShader,
    QgsSingleBandPseudoColorRenderer,
    QgsStyle,
    QgsUnitTypes,
    QgsWkbTypes,
)

from ...plugin.translation import tr, translatable
from .base import CommunityRiskAlgorithm, analysis_error, fail, require_source
from .layers import AreaRecords, numbers, read_incidents

NODATA = -9999.0


class HeatSurfaceAlgorithm(CommunityRiskAlgorithm):
    ALGORITHM_ID = "heatsurface"
    DISPLAY_NAME = translatable("Heat surface (kernel density)")
    GROUP_ID = "healthhousing"
    REQUIRED_MODULES = ("numpy", "scipy", "rasterio", "shapely")

    INPUT = "INPUT"
    WEIGHT_FIELD = "WEIGHT_FIELD"
    CELL_SIZE = "CELL_SIZE"
    BANDWIDTH = "BANDWIDTH"
    BOUNDARY = "BOUNDARY"
    OUTPUT = "OUTPUT"

    def shortHelpString(self):
        return tr(
            "A smooth surface of how densely points (fires, F/G-rated homes, benefit claimants) lie, as a GeoTIFF.\n\n"
            "Inputs\n"
            "- Points: any point layer in a projected CRS; Weight field (optional): a number per point, e.g. "
            "casualties (default 1).\n"
            "- Cell size: in the layer's units (default 50, metres in British National Grid).\n"
            "- Bandwidth (optional): the kernel's radius. Empty: Silverman's rule of thumb for two dimensions, "
            "h = 2.78 × sigma × n^(-1/6), with sigma the mean of the coordinates' robust standard deviations "
            "(the log reports the value used).\n"
            "- Boundary (optional): polygons to clip to; cells outside are left empty.\n\n"
            "Output: a one-band GeoTIFF of points per square kilometre, using QGIS's quartic (biweight) kernel so "
            "the surface adds up to the number of points; loaded with a colour ramp.")

    def initAlgorithm(self, config=None):
        self.addParameter(QgsProcessingParameterFeatureSource(self.INPUT, tr("Points"), [QgsProcessing.TypeVectorPoint]))
        self.addParameter(QgsProcessingParameterField(self.WEIGHT_FIELD, tr("Weight field"), parentLayerParameterName=self.INPUT,
                                                      optional=True, type=QgsProcessingParameterField.Numeric))
        self.addParameter(QgsProcessingParameterNumber(self.CELL_SIZE, tr("Cell size"), QgsProcessingParameterNumber.Double,
                                                       defaultValue=50.0, minValue=0.001))
        self.addParameter(QgsProcessingParameterNumber(self.BANDWIDTH, tr("Bandwidth"), QgsProcessingParameterNumber.Double,
                                                       optional=True, minValue=0.001))
        self.addParameter(QgsProcessingParameterFeatureSource(self.BOUNDARY, tr("Boundary"), [QgsProcessing.TypeVectorPolygon],
                                                              optional=True))
        self.addParameter(QgsProcessingParameterRasterDestination(self.OUTPUT, tr("Heat surface")))
        self.addOutput(QgsProcessingOutputNumber("BANDWIDTH_USED", tr("Bandwidth used")))

    def processAlgorithm(self, parameters, context, feedback):
        import numpy as np
        import rasterio
        import shapely
        from rasterio import features
        from rasterio.transform import from_origin

        from ..analysis.kde import default_bandwidth, density_grid
        from ..analysis.messages import AnalysisError

        checked = require_source(self, parameters, context, self.INPUT, tr("point"))
        checked.require_geometry(QgsWkbTypes.PointGeometry).require_features()
        crs = checked.source.sourceCrs()
        if crs.isGeographic():
            fail(tr("The point layer '{}' is in a geographic CRS ({}): reproject it to a projected CRS (e.g. EPSG:27700) "
                    "so cells and bandwidth are in metres.").format(checked.label, crs.authid()))
        weight_name = self.parameterAsString(parameters, self.WEIGHT_FIELD, context)
        if weight_name:
            checked.field_index(weight_name)
        cell = self.parameterAsDouble(parameters, self.CELL_SIZE, context)
        bandwidth = self.parameterAsDouble(parameters, self.BANDWIDTH, context) \
            if parameters.get(self.BANDWIDTH) not in (None, "", 0) else None
        output = self.parameterAsOutputLayer(parameters, self.OUTPUT, context)

        xs, ys, _ = read_incidents(self, parameters, context, feedback, checked, crs, progress_share=40)
        weights = None
        if weight_name:
            weights = np.array([np.nan if v is None else v for v in
                                numbers(AreaRecords(checked, feedback, 0).column(weight_name), weight_name, checked.label)])
        ok = np.isfinite(xs)
        try:
            if bandwidth is None:
                bandwidth = default_bandwidth(xs[ok], ys[ok])
                feedback.pushInfo(tr("Bandwidth by Silverman's rule: {:.1f}").format(bandwidth))
            boundary = None
            if parameters.get(self.BOUNDARY):
                area = require_source(self, parameters, context, self.BOUNDARY, tr("boundary"))
                area.require_features()
                boundary = shapely.union_all(AreaRecords(area, feedback, 0).shapely_geometries(
                    crs, context.transformContext()))
                minx, miny, maxx, maxy = boundary.bounds
            else:
                minx, miny = np.nanmin(xs) - bandwidth, np.nanmin(ys) - bandwidth
                maxx, maxy = np.nanmax(xs) + bandwidth, np.nanmax(ys) + bandwidth
            grid, (west, north) = density_grid(xs, ys, (minx, miny, maxx, maxy), cell, bandwidth, weights)
        except AnalysisError as error:
            raise analysis_error(error)
        if feedback.isCanceled():
            return {}
        per_km2 = QgsUnitTypes.fromUnitToUnitFactor(QgsUnitTypes.DistanceKilometers, crs.mapUnits()) ** 2
        grid = (grid * per_km2).astype("float32")
        transform = from_origin(west, north, cell, cell)
        if boundary is not None:
            outside = features.geometry_mask([boundary], out_shape=grid.shape, transform=transform)
            grid[outside] = NODATA
        feedback.setProgress(90)
        os.makedirs(os.path.dirname(os.path.abspath(output)), exist_ok=True)
        partial = output + ".part.tif"
        with rasterio.open(partial, "w", driver="GTiff", width=grid.shape[1], height=grid.shape[0], count=1,
                           dtype="float32", crs=crs.toWkt(), transform=transform, nodata=NODATA,
                           compress="deflate") as dataset:
            dataset.write(grid, 1)
            dataset.update_tags(units="points per square kilometre", bandwidth=str(bandwidth), kernel="quartic")
        os.replace(partial, output)
        if context.willLoadLayerOnCompletion(output):
            self._style = HeatStyle()
            context.layerToLoadOnCompletionDetails(output).setPostProcessor(self._style)
        return {self.OUTPUT: output, "BANDWIDTH_USED": bandwidth}


class HeatStyle(QgsProcessingLayerPostProcessorInterface):
    """A pseudo-colour ramp from the surface's minimum to its maximum."""

    def postProcessLayer(self, layer, context, feedback):  # noqa: N802
        stats = layer.dataProvider().bandStatistics(1, QgsRasterBandStats.All)
        ramp = QgsStyle.defaultStyle().colorRamp("Magma") or QgsStyle.defaultStyle().colorRamp("Reds")
        shader_function = QgsColorRampShader(stats.minimumValue, stats.maximumValue, ramp)
        shader_function.classifyColorRamp(5)
        shader = QgsRasterShader()
        shader.setRasterShaderFunction(shader_function)
        layer.setRenderer(QgsSingleBandPseudoColorRenderer(layer.dataProvider(), 1, shader))
        layer.triggerRepaint()
