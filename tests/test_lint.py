"""pyflakes over the whole code base: no unused imports, undefined names or shadowed variables."""
import os
import subprocess
import sys

from helpers import REPO


def test_pyflakes_finds_nothing():
    targets = [os.path.join(REPO, d) for d in ("plugin", "processing", "tests", "scripts", "bench", "__init__.py")]
    done = subprocess.run([sys.executable, "-m", "pyflakes", *targets], capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr
