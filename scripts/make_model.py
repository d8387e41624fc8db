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


def give_defaults(model, child_id):
    """Every mandatory input the chain leaves to the algorithm gets its default as a fixed value: the Model
    Designer marks a mandatory input without a source as an error, even when the algorithm has a default."""
    child = model.childAlgorithm(child_id)
    for definition in child.algorithm().parameterDefinitions():
        optional = definition.flags() & definition.FlagOptional
        if optional or definition.isDestination() or child.parameterSources().get(definition.name()):
            continue
        if definition.defaultValue() is None:
            raise SystemExit("{}: {} has no source and no default".format(child_id, definition.name()))
        child.addParameterSources(definition.name(), [Source.fromStaticValue(definition.defaultValue())])


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
                                           minValue=1), 120, 300)  # no default: the user says, it is checked
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
    for child in (count, factors, fit):
        give_defaults(model, child.childId())
    model.setHelpContent({"ALG_DESC": "Counts incidents per area, builds factors (area, household density and "
                                      "any attribute tables), then fits the fire risk model with its defaults: "
                                      "five bands on LFB's thresholds labelled by rate, an HTML report and a "
                                      "reusable JSON model. Add it to the toolbox (Models > Add Model to "
                                      "Toolbox…), then right-click it and choose Execute as Batch Process to do "
                                      "several boroughs."})
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
