"""The plugin object QGIS creates: menu, toolbar button, translator and Processing provider."""
import html

from qgis.core import QgsApplication
from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtGui import QIcon
from qgis.PyQt.QtWidgets import QMenu, QMessageBox, QToolButton

from ..processing.algorithms.base import GROUPS, ICON_PATH
from . import dependencies
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
        # No icon on the menu-bar entry: a menu bar shows an action's icon instead of its title.
        self.menu = QMenu(tr("Community Risk"), main_window)
        self.menu.setObjectName(MENU_OBJECT_NAME)
        self.menu.setToolTipsVisible(True)
        self.menu.menuAction().setToolTip(tr("Community Risk Toolkit: find the homes and people most at risk "
                                             "from fire, poor housing and ill health"))
        registered = QgsApplication.processingRegistry().providerById("communityrisk")
        for group_id, group_name in GROUPS.items():
            algorithms = [a for a in registered.algorithms() if a.groupId() == group_id]
            if not algorithms:
                continue
            submenu = self.menu.addMenu(tr(group_name))
            submenu.setToolTipsVisible(True)
            for algorithm in sorted(algorithms, key=lambda a: a.displayName()):
                action = submenu.addAction(algorithm.icon(), algorithm.displayName())
                describe(action, what_it_does(algorithm))
                action.triggered.connect(lambda checked=False, a=algorithm.id(): self.open_algorithm(a))
        self.menu.addSeparator()
        packages = self.menu.addAction(tr("Python packages…"))
        packages.setObjectName("mCommunityRiskPackages")
        describe(packages, tr("Check that the Python packages the algorithms need are installed, in versions "
                              "that work"))
        packages.triggered.connect(self.show_packages)
        main_window.menuBar().insertMenu(self._help_menu_action(main_window), self.menu)

        self.toolbar = self.iface.addToolBar(tr("Community Risk Toolkit"))
        self.toolbar.setObjectName(TOOLBAR_OBJECT_NAME)
        button = QToolButton(self.toolbar)
        button.setObjectName("mCommunityRiskButton")
        button.setIcon(QIcon(ICON_PATH))
        describe(button, tr("Community Risk Toolkit: open one of its algorithms (count incidents, model fire "
                            "risk, target home visits, map health and housing)"))
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
        """Open the Processing dialog of one algorithm (QGIS's own `processing` package), after the same
        package check the toolbox makes, so a missing or too old package gets a message, not a traceback."""
        import processing

        algorithm = QgsApplication.processingRegistry().algorithmById(algorithm_id)
        if algorithm is None:
            return None
        ok, message = algorithm.canExecute()
        if not ok:
            return self.show_message(QMessageBox.Warning, tr("{} cannot run").format(algorithm.displayName()),
                                     message)
        processing.execAlgorithmDialog(algorithm_id)
        return None

    def show_packages(self):
        return self.show_message(QMessageBox.Information, tr("Python packages"),
                                 "\n".join(dependencies.report()))

    def show_message(self, icon, title, text):
        """A window-modal message box that does not block (the caller returns at once); kept until closed."""
        box = QMessageBox(icon, title, text, QMessageBox.Ok, self.iface.mainWindow())
        box.setObjectName("mCommunityRiskMessage")
        box.setAttribute(Qt.WA_DeleteOnClose)
        box.open()
        return box

    @staticmethod
    def _help_menu_action(main_window):
        """The menu bar's Help entry, so our menu goes just before it (None: at the end)."""
        for action in main_window.menuBar().actions():
            menu = action.menu()
            if menu is not None and menu.objectName() == "mHelpMenu":
                return action
        return None


def what_it_does(algorithm):
    """One sentence for a tooltip: the algorithm's short description, else its help's first paragraph."""
    text = algorithm.shortDescription() or algorithm.shortHelpString().split("\n\n")[0]
    return text.strip() or algorithm.displayName()


def describe(widget_or_action, text):
    """The same words as tooltip and as status-bar tip (shown while the pointer is over a menu entry); the
    tooltip as a paragraph, so Qt wraps it instead of drawing one line across the screen."""
    widget_or_action.setToolTip("<p>{}</p>".format(html.escape(text)))
    widget_or_action.setStatusTip(text)
