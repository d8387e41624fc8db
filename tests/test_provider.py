"""The provider, its groups and every algorithm's help."""
import pytest
from qgis.core import QgsApplication, QgsProcessingDestinationParameter

from community_risk.processing.algorithms.base import GROUPS
from community_risk.processing.provider import ALGORITHM_CLASSES


def test_provider_lists_its_algorithms(provider):
    assert provider.id() == "communityrisk"
    assert provider.name() == "Community Risk Toolkit"
    assert not provider.icon().isNull()
    ids = sorted(a.id() for a in provider.algorithms())
    assert ids == sorted("communityrisk:" + c.ALGORITHM_ID for c in ALGORITHM_CLASSES)
    assert "communityrisk:countincidents" in ids
    assert QgsApplication.processingRegistry().algorithmById("communityrisk:countincidents") is not None


def test_groups_are_the_six_of_the_design():
    assert list(GROUPS.values()) == ["Data preparation", "Fire risk", "Targeting", "Health and housing",
                                     "Housing standards", "Reports"]


@pytest.mark.parametrize("algorithm_class", ALGORITHM_CLASSES, ids=lambda c: c.ALGORITHM_ID)
def test_every_algorithm_explains_itself(provider, algorithm_class):
    algorithm = provider.algorithm(algorithm_class.ALGORITHM_ID)
    assert algorithm.groupId() in GROUPS
    assert algorithm.canExecute()[0]
    help_text = algorithm.shortHelpString()
    assert len(help_text) > 200
    for parameter in algorithm.parameterDefinitions():
        if isinstance(parameter, QgsProcessingDestinationParameter):
            continue
        # every input is explained by its name as the dialog shows it
        assert parameter.description().split(" (")[0].lower() in help_text.lower(), parameter.name()
    sinks = [p for p in algorithm.parameterDefinitions() if p.type() == "sink"]
    assert ("Output fields" in help_text) if sinks else ("Output" in help_text)


def test_can_execute_names_missing_packages(provider):
    algorithm = provider.algorithm("countincidents").create()
    algorithm.REQUIRED_MODULES = ("numpy", "no_such_package_xyz")
    ok, message = algorithm.canExecute()
    assert not ok
    assert "no_such_package_xyz" in message and "numpy" not in message.split("packages")[1].split("which")[0]
