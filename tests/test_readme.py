"""The README's London walk-through, run as written: from the repository folder, with the London data at
../shared/data/london. Only the first steps run here (the ogr2ogr import, counting and building the
factors); the fit that follows takes minutes and has its own London tests."""
import os
import re
import subprocess

import pytest

from helpers import QGIS_PROCESS, REPO, london_file


def london_commands():
    """The shell commands of the README's LSOA walk-through, continuation lines joined."""
    with open(os.path.join(REPO, "README.md"), encoding="utf-8") as handle:
        text = handle.read()
    section = text[text.index("### London's 4,835 LSOAs"):]
    block = re.search(r"```sh\n(.*?)```", section, re.S).group(1)
    return [line for line in block.replace("\\\n", " ").splitlines() if line.strip()]


def test_walk_through_says_where_to_run_and_writes_under_output():
    commands = london_commands()
    assert commands[:3] == ["L=../shared/data/london", "O=output/london", "mkdir -p $O"]
    for command in commands:
        for value in re.findall(r"(?:OUTPUT|REPORT|MODEL|LOG)=(\S+)", command):
            assert value.startswith("$O/"), command  # never into the plugin folder
        if command.startswith("ogr2ogr"):
            assert command.split()[3].startswith("$O/")


@pytest.mark.london
def test_first_steps_run_from_the_repository_folder(tmp_path):
    london_file("lsoa_2011.gpkg")
    commands = london_commands()
    last = next(i for i, c in enumerate(commands) if c.startswith("qgis_process run communityrisk:buildfactors"))
    # The outputs go to a temporary folder instead of the checkout's output/london.
    script = ["set -e", 'qgis_process() { "$QGIS_PROCESS" "$@"; }']
    script += [c if c != "O=output/london" else "O={}".format(tmp_path) for c in commands[:last + 1]]
    config = tmp_path / "qgis_config"
    plugins = config / "profiles" / "default" / "python" / "plugins"
    plugins.mkdir(parents=True)
    os.symlink(REPO, plugins / "community_risk")
    env = dict(os.environ, QGIS_PROCESS=QGIS_PROCESS, QGIS_CUSTOM_CONFIG_PATH=str(config),
               QT_QPA_PLATFORM="offscreen")
    subprocess.run([QGIS_PROCESS, "plugins", "enable", "community_risk"], env=env, capture_output=True,
                   timeout=120)
    done = subprocess.run(["bash", "-c", "\n".join(script)], cwd=REPO, env=env, capture_output=True, text=True,
                          timeout=600)
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    assert "4835 areas" in done.stdout
    assert (tmp_path / "lsoa_factors.gpkg").exists()
