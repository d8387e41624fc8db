"""What the benchmark scripts share: paths, and running a script in a fresh Python with QGIS started."""
import os
import subprocess
import sys

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PKGROOT = os.path.join(REPO, ".build", "pkgroot")
LONDON = os.path.normpath(os.path.join(REPO, "..", "shared", "data", "london"))

# Prepended to a benchmark script that runs Processing algorithms: QGIS, Processing and our provider.
QGIS_PRELUDE = """
import os, sys, time
sys.path.append("/usr/share/qgis/python/plugins")
from qgis.core import QgsApplication, QgsProcessingContext, QgsProcessingFeedback
app = QgsApplication([], False); app.initQgis()
import processing
from processing.core.Processing import Processing
Processing.initialize()
from community_risk.processing.provider import CommunityRiskProvider
provider = CommunityRiskProvider(); QgsApplication.processingRegistry().addProvider(provider)
"""


def run_script(code, *args):
    """Run code in a fresh interpreter (so peak memory is its own) and print what it printed."""
    env = dict(os.environ, PYTHONPATH=PKGROOT, QT_QPA_PLATFORM="offscreen")
    done = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True, env=env, cwd="/")
    lines = [line for line in done.stdout.splitlines() if line.strip()]
    print("\n".join(lines) if lines else "   failed: " + done.stderr[-800:])
