"""Write resources/models/fire_risk_chain.model3: the graphical model count -> build factors -> fit.

Built with the Processing modeller API (rather than written by hand) so the file is exactly what QGIS's
own modeller would save. Run it in batch over boroughs from the Processing toolbox (Models)."""
import os
import sys

from qgis.core import (
    QgsApplication,
    QgsProcessingModelAlgorithm,
    QgsProcessingModelChildAlgorithm,
    QgsProcessingModelChildParameterSource as Source,
    QgsProcessingModelOutput,
    QgsProcessingModelParameter,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterMultipleLayers,
    QgsProcessingParameterNumber,
    QgsProcessing,
)
from qgis.PyQt.QtCore import QPointF

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TARGET = os.path.join(ROOT, "resources", "models", "fire_risk_chain.model3")


def build_model():
    model = QgsProcessingModelAlgorithm("Fire risk: count, factors, fit", "Community Risk Toolkit")

    def add_input(definition, x, y):
        component = QgsProcessingModelParameter(definition.name())
        component.setPosition(QPointF(x, y))
        model.addModelParameter(definition, component)  # the model takes ownership of definition

    add_input(QgsProcessingParameterFeatureSource("areas", "Areas", [QgsProcessing.TypeVectorPolygon]), 120, 60)
    add_input(QgsProcessingParameterField("area_id", "Area id field", parentLayerParameterName="areas"), 120, 120)
    add_input(QgsProcessingParameterField("households", "Households field", parentLayerParameterName="areas",
                                          type=QgsProcessingParameterField.Numeric), 120, 180)
    add_input(QgsProcessingParameterFeatureSource("incidents", "Incidents", [QgsProcessing.TypeVectorPoint]), 120, 240)
    add_input(QgsProcessingParameterNumber("years", "Years the incidents cover", QgsProcessingParameterNumber.Double,
                                           defaultValue=5, minValue=0.01), 120, 300)
    add_input(QgsProcessingParameterMultipleLayers("tables", "Attribute tables (census, deprivation…)",
                                                   QgsProcessing.TypeVector, optional=True), 120, 360)

    count = QgsProcessingModelChildAlgorithm("communityrisk:countincidents")
    count.setChildId("count")
    count.setDescription("Count incidents per area")
    count.setPosition(QPointF(420, 100))
    count.addParameterSources("AREAS", [Source.fromModelParameter("areas")])
    count.addParameterSources("AREA_ID", [Source.fromModelParameter("area_id")])
    count.addParameterSources("INCIDENTS", [Source.fromModelParameter("incidents")])
    count.addParameterSources("PER_YEAR", [Source.fromStaticValue(False)])
    model.addChildAlgorithm(count)

    factors = QgsProcessingModelChildAlgorithm("communityrisk:buildfactors")
    factors.setChildId("factors")
    factors.setDescription("Build factors")
    factors.setPosition(QPointF(420, 240))
    factors.addParameterSources("AREAS", [Source.fromChildOutput("count", "OUTPUT")])
    factors.addParameterSources("AREA_ID", [Source.fromModelParameter("area_id")])
    factors.addParameterSources("HOUSEHOLDS_FIELD", [Source.fromModelParameter("households")])
    factors.addParameterSources("TABLES", [Source.fromModelParameter("tables")])
    factors.addParameterSources("FILL", [Source.fromStaticValue(0)])
    model.addChildAlgorithm(factors)

    fit = QgsProcessingModelChildAlgorithm("communityrisk:fitfireriskmodel")
    fit.setChildId("fit")
    fit.setDescription("Fit fire risk model")
    fit.setPosition(QPointF(420, 380))
    fit.addParameterSources("INPUT", [Source.fromChildOutput("factors", "OUTPUT")])
    fit.addParameterSources("AREA_ID", [Source.fromModelParameter("area_id")])
    fit.addParameterSources("COUNT_FIELD", [Source.fromStaticValue("incidents")])
    fit.addParameterSources("HOUSEHOLDS_FIELD", [Source.fromModelParameter("households")])
    fit.addParameterSources("YEARS", [Source.fromModelParameter("years")])
    outputs = {}
    for name, child_output, description in (("fire_risk", "OUTPUT", "Fire risk"), ("report", "REPORT", "Report"),
                                            ("model", "MODEL", "Model file")):
        output = QgsProcessingModelOutput(name, description)
        output.setChildId("fit")
        output.setChildOutputName(child_output)
        output.setPosition(QPointF(700, 380 + 50 * len(outputs)))
        outputs[name] = output
    fit.setModelOutputs(outputs)
    model.addChildAlgorithm(fit)
    model.setHelpContent({"ALG_DESC": "Counts incidents per area, builds factors (area, household density and "
                                      "any attribute tables), then fits the fire risk model with its defaults: "
                                      "five LFB risk bands, an HTML report and a reusable JSON model. Run it in "
                                      "batch (right-click, Execute as batch process) to do several boroughs."})
    return model


if __name__ == "__main__":
    app = QgsApplication([], False)
    app.initQgis()
    sys.path.insert(0, os.path.join(ROOT, ".build", "pkgroot"))
    from community_risk.processing.provider import CommunityRiskProvider

    provider = CommunityRiskProvider()
    QgsApplication.processingRegistry().addProvider(provider)
    model = build_model()
    os.makedirs(os.path.dirname(TARGET), exist_ok=True)
    if not model.toFile(TARGET):
        sys.exit("could not write " + TARGET)
    print("model written to", TARGET)
