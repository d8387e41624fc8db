"""The Processing provider `communityrisk`."""
from qgis.core import QgsProcessingProvider
from qgis.PyQt.QtGui import QIcon

from ..plugin.translation import tr
from .algorithms.base import ICON_PATH
from .algorithms.build_factors import BuildFactorsAlgorithm
from .algorithms.count_incidents import CountIncidentsAlgorithm
from .algorithms.fire_model import ApplyFireRiskModelAlgorithm, FitFireRiskModelAlgorithm
from .algorithms.health_index import HealthHousingIndexAlgorithm
from .algorithms.heat_surface import HeatSurfaceAlgorithm
from .algorithms.hmo import FindUnlicensedHmosAlgorithm
from .algorithms.hmo_prevalence import HmoPrevalenceAlgorithm
from .algorithms.housing_benefit import HousingBenefitOverlayAlgorithm
from .algorithms.lifestyle_profile import LifestyleProfileAlgorithm
from .algorithms.load_epc import LoadEpcAlgorithm
from .algorithms.people_at_risk import FindPeopleAtRiskAlgorithm
from .algorithms.priority_postcodes import PriorityPostcodesAlgorithm
from .algorithms.risk_dashboard import RiskDashboardAlgorithm
from .algorithms.validate_model import ValidateFireRiskModelAlgorithm
from .algorithms.visit_map_book import VisitMapBookAlgorithm

ALGORITHM_CLASSES = (CountIncidentsAlgorithm, BuildFactorsAlgorithm, FitFireRiskModelAlgorithm, ApplyFireRiskModelAlgorithm,
                     ValidateFireRiskModelAlgorithm, LifestyleProfileAlgorithm, PriorityPostcodesAlgorithm,
                     FindPeopleAtRiskAlgorithm, HeatSurfaceAlgorithm, LoadEpcAlgorithm,
                     HousingBenefitOverlayAlgorithm, HealthHousingIndexAlgorithm, HmoPrevalenceAlgorithm,
                     FindUnlicensedHmosAlgorithm, VisitMapBookAlgorithm, RiskDashboardAlgorithm)


class CommunityRiskProvider(QgsProcessingProvider):
    def id(self):
        return "communityrisk"

    def name(self):
        return tr("Community Risk Toolkit")

    def longName(self):
        return tr("Community Risk Toolkit: fire risk, targeting, health and housing")

    def icon(self):
        return QIcon(ICON_PATH)

    def svgIconPath(self):
        return ICON_PATH

    def loadAlgorithms(self):
        for algorithm_class in ALGORITHM_CLASSES:
            self.addAlgorithm(algorithm_class())
