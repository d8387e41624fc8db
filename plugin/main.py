"""The plugin object QGIS creates: menu, toolbar button, translator and Processing provider."""
from qgis.core import QgsApplication
from qgis.PyQt.QtGui import QIcon
from qgis.PyQt.QtWidgets import QMenu, QToolButton

from ..processing.algorithms.base import GROUPS, ICON_PATH
from .translation import install_translator, remove_translator, tr

MENU_OBJECT_NAME = "mCommunityRiskMenu"
TOOLBAR_OBJECT_NAME = "mCommunityRiskToolBar"


class CommunityRiskPlugin:
    def __init__(self, iface):
        self.iface = iface
        self.translator = install_translator()
        self.provider = None
        self.menu = None
        self.toolbar = None

    # qgis_process calls initProcessing() only; QGIS desktop calls initGui(), which includes it.
    def initProcessing(self):  # noqa: N802
        if self.provider is None:
            from ..processing.provider import CommunityRiskProvider

            provider = CommunityRiskProvider()
            # The registry refuses (and deletes) a second provider with our id, e.g. from another copy.
            if QgsApplication.processingRegistry().addProvider(provider):
                self.provider = provider

    def initGui(self):  # noqa: N802
        self.initProcessing()
        main_window = self.iface.mainWindow()
        self.menu = QMenu(tr("Community Risk"), main_window)
        self.menu.setObjectName(MENU_OBJECT_NAME)
        self.menu.setIcon(QIcon(ICON_PATH))
        registered = QgsApplication.processingRegistry().providerById("communityrisk")
        for group_id, group_name in GROUPS.items():
            algorithms = [a for a in registered.algorithms() if a.groupId() == group_id]
            if not algorithms:
                continue
            submenu = self.menu.addMenu(tr(group_name))
            for algorithm in sorted(algorithms, key=lambda a: a.displayName()):
                action = submenu.addAction(algorithm.icon(), algorithm.displayName())
                action.setToolTip(algorithm.shortDescription() or algorithm.displayName())
                action.triggered.connect(lambda checked=False, a=algorithm.id(): self.open_algorithm(a))
        main_window.menuBar().insertMenu(self._help_menu_action(main_window), self.menu)

        self.toolbar = self.iface.addToolBar(tr("Community Risk Toolkit"))
        self.toolbar.setObjectName(TOOLBAR_OBJECT_NAME)
        button = QToolButton(self.toolbar)
        button.setObjectName("mCommunityRiskButton")
        button.setIcon(QIcon(ICON_PATH))
        button.setToolTip(tr("Community Risk Toolkit"))
        button.setMenu(self.menu)
        button.setPopupMode(QToolButton.InstantPopup)
        self.toolbar.addWidget(button)

    def unload(self):
        if self.menu is not None:
            self.iface.mainWindow().menuBar().removeAction(self.menu.menuAction())
            self.menu.deleteLater()
            self.menu = None
        if self.toolbar is not None:
            self.iface.mainWindow().removeToolBar(self.toolbar)
            self.toolbar.deleteLater()
            self.toolbar = None
        if self.provider is not None:
            QgsApplication.processingRegistry().removeProvider(self.provider)
            self.provider = None
        remove_translator(self.translator)
        self.translator = None

    def open_algorithm(self, algorithm_id):
        """Open the Processing dialog of one algorithm (QGIS's own `processing` package)."""
        import processing

        processing.execAlgorithmDialog(algorithm_id)

    @staticmethod
    def _help_menu_action(main_window):
        """The menu bar's Help entry, so our menu goes just before it (None: at the end)."""
        for action in main_window.menuBar().actions():
            menu = action.menu()
            if menu is not None and menu.objectName() == "mHelpMenu":
                return action
        return None
