"""Welsh translation: the source file keeps up with the code, and shows under a `cy` locale."""
import os
import subprocess
import xml.etree.ElementTree as ET

import pytest
from qgis.core import QgsSettings

from helpers import REPO

TS = os.path.join(REPO, "i18n", "community_risk_cy.ts")
QM = os.path.join(REPO, "i18n", "community_risk_cy.qm")


def load_update_script():
    import importlib.util

    spec = importlib.util.spec_from_file_location("update_translations",
                                                  os.path.join(REPO, "scripts", "update_translations.py"))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_every_translatable_string_is_in_the_welsh_source():
    in_code = set(load_update_script().source_strings())
    root = ET.parse(TS).getroot()
    live = {m.findtext("source") for m in root.iter("message")
            if m.find("translation").get("type") != "obsolete"}
    assert len(in_code) > 40
    assert in_code <= live, "run `make translations`: missing " + repr(sorted(in_code - live)[:3])


def test_qm_is_compiled_from_the_source(tmp_path):
    compiled = tmp_path / "cy.qm"
    subprocess.run(["lrelease", "-silent", TS, "-qm", str(compiled)], check=True)
    assert compiled.stat().st_size > 1000
    assert os.path.getmtime(QM) >= os.path.getmtime(TS), "make setup compiles the .qm"


LOCALE_KEYS = ("locale/overrideFlag", "locale/userLocale")


def locale_settings():
    """The locale settings as QGIS stores them (None where a key is not set)."""
    settings = QgsSettings()
    return {key: settings.value(key) if settings.contains(key) else None for key in LOCALE_KEYS}


@pytest.fixture(autouse=True)
def locale_left_as_found():
    """Every test here leaves the locale as it found it. A user locale left at 'en_GB' makes QGIS title-case every
    dialog title (QgsGui.higFlags), so later tests in the same process (test_dialogs.py) saw 'Count Incidents per
    Area'."""
    before = locale_settings()
    yield
    assert locale_settings() == before


@pytest.fixture
def set_locale():
    """set_locale('cy_GB'): QGIS's locale overridden for the test, and the settings put back after it."""
    settings = QgsSettings()
    before = locale_settings()

    def choose(name):
        settings.setValue("locale/overrideFlag", True)
        settings.setValue("locale/userLocale", name)

    yield choose
    for key, value in before.items():
        if value is None:
            settings.remove(key)
        else:
            settings.setValue(key, value)


@pytest.fixture
def welsh_locale(set_locale):
    set_locale("cy_GB")


def test_welsh_shows_under_a_cy_locale(welsh_locale):
    import community_risk
    from community_risk.processing.algorithms.count_incidents import CountIncidentsAlgorithm
    from community_risk.processing.provider import CommunityRiskProvider

    plugin = community_risk.classFactory(None)
    try:
        assert plugin.translator is not None
        assert CountIncidentsAlgorithm().displayName() == "Cyfrif digwyddiadau fesul ardal"
        assert CountIncidentsAlgorithm().group() == "Paratoi data"
        assert CommunityRiskProvider().name() == "Pecyn Cymorth Risg Cymunedol"
    finally:
        plugin.unload()
    assert CountIncidentsAlgorithm().displayName() == "Count incidents per area"


def test_every_algorithm_name_group_and_input_is_in_welsh(welsh_locale, provider):
    """What a user sees first, the toolbox entries and dialog labels, is translated."""
    import community_risk

    english = {a.id(): (a.displayName(), a.group(), [p.description() for p in a.parameterDefinitions()])
               for a in provider.algorithms()}
    plugin = community_risk.classFactory(None)
    try:
        for algorithm in provider.algorithms():
            welsh = algorithm.create()
            name, group, descriptions = english[algorithm.id()]
            assert welsh.displayName() != name and welsh.group() != group, algorithm.id()
            for described, parameter in zip(descriptions, welsh.parameterDefinitions()):
                assert parameter.description() != described, (algorithm.id(), described)
    finally:
        plugin.unload()


def test_english_under_an_english_locale(set_locale):
    import community_risk
    from community_risk.processing.algorithms.count_incidents import CountIncidentsAlgorithm

    set_locale("en_GB")
    plugin = community_risk.classFactory(None)
    try:
        assert plugin.translator is None
        assert CountIncidentsAlgorithm().displayName() == "Count incidents per area"
    finally:
        plugin.unload()


def test_welsh_error_message_from_qgis_process_style_run(welsh_locale, provider, tmp_path):
    """Messages raised by an algorithm are translated too."""
    import community_risk
    from qgis.core import QgsProcessingException

    from helpers import points, run_algorithm, two_squares

    plugin = community_risk.classFactory(None)
    try:
        with pytest.raises(QgsProcessingException) as raised:
            run_algorithm("communityrisk:countincidents", {
                "AREAS": two_squares(), "AREA_ID": "code", "INCIDENTS": points([], name="tanau"),
                "OUTPUT": str(tmp_path / "o.gpkg")})
        assert "tanau" in str(raised.value) and "yn wag" in str(raised.value)
    finally:
        plugin.unload()


