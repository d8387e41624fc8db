"""Community Risk Toolkit: find the homes and people most at risk from fire, poor housing and ill health.

QGIS loads this package as the plugin `community_risk`. Nothing heavy is imported here, so QGIS
start-up stays fast; the analysis packages load only when an algorithm runs.
"""


def classFactory(iface):  # noqa: N802 (QGIS's required name)
    from .plugin.main import CommunityRiskPlugin

    return CommunityRiskPlugin(iface)
