"""Translation helpers shared by the GUI and the Processing layers.

Every user-facing string goes through `tr()`, under one context, so that one Qt Linguist file per
language (i18n/community_risk_<locale>.ts) holds them all.
"""
import os

from qgis.PyQt.QtCore import QCoreApplication, QLocale, QTranslator

CONTEXT = "CommunityRisk"
I18N_DIR = os.path.join(os.path.dirname(os.path.dirname(__file__)), "i18n")


def tr(text):
    return QCoreApplication.translate(CONTEXT, text)


def translatable(text):
    """Mark a string for the translation file without translating it yet (like QT_TRANSLATE_NOOP)."""
    return text


def qgis_locale():
    """The two-letter locale QGIS uses for its interface (user override first, then the system)."""
    from qgis.core import QgsSettings

    settings = QgsSettings()
    if settings.value("locale/overrideFlag", False, type=bool):
        name = settings.value("locale/userLocale", "") or ""
    else:
        name = QLocale.system().name()
    return (name or "en")[:2]


def install_translator():
    """Install a translator for the QGIS locale; returns it (to remove on unload) or None."""
    path = os.path.join(I18N_DIR, "community_risk_{}.qm".format(qgis_locale()))
    translator = QTranslator()
    if not os.path.exists(path) or not translator.load(path):
        return None
    QCoreApplication.installTranslator(translator)
    return translator


def remove_translator(translator):
    if translator is not None:
        QCoreApplication.removeTranslator(translator)
