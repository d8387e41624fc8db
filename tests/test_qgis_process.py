"""The real `qgis_process` command line, end to end, in a throw-away QGIS profile."""
import json
import os
import shutil
import subprocess

import pytest

from helpers import QGIS_PROCESS, REPO, private_qgis_profile

ALG = "communityrisk:countincidents"


@pytest.fixture(scope="module")
def qgis_process(tmp_path_factory):
    """Run qgis_process (the working wrapper `make setup` installs) with the plugin linked and enabled."""
    config = tmp_path_factory.mktemp("qgis_config")
    env = private_qgis_profile(config)

    def run(*args, check=True):
        done = subprocess.run([QGIS_PROCESS, *args], capture_output=True, text=True, env=env, cwd="/",
                              timeout=300)
        if check and done.returncode != 0:
            raise AssertionError("qgis_process {} failed:\n{}\n{}".format(args, done.stdout, done.stderr))
        return done

    yield run
    shutil.rmtree(config, ignore_errors=True)


def test_list_shows_the_provider_and_its_algorithm(qgis_process):
    listing = qgis_process("list").stdout
    assert "Community Risk Toolkit" in listing
    assert ALG in listing


def test_run_reads_the_json_result(qgis_process, sample_path, sample_truth, tmp_path):
    import pyogrio

    out = tmp_path / "counts.gpkg"
    done = qgis_process("--json", "run", ALG, "--",
                        "AREAS={}|layername=areas".format(sample_path), "AREA_ID=area_code",
                        "INCIDENTS={}|layername=incidents".format(sample_path), "DATE_FIELD=date",
                        "START_DATE=2015-01-01", "END_DATE=2016-12-31", "PER_YEAR=true",
                        "OUTPUT={}".format(out))
    report = json.loads(done.stdout)
    expected = {code: years["2015"] + years["2016"] for code, years in sample_truth["counts"].items()}
    assert report["algorithm_details"]["id"] == ALG
    assert report["results"]["COUNTED"] == sum(expected.values())
    assert report["results"]["OUTPUT"] == str(out)
    assert any("outside every area" in line for line in report["log"]["warning"])
    table = pyogrio.read_dataframe(str(out), read_geometry=False).set_index("area_code")
    assert table["incidents"].to_dict() == expected
    assert list(table.columns[-3:]) == ["incidents", "incidents_2015", "incidents_2016"]


def test_bad_input_fails_with_the_message_and_writes_nothing(qgis_process, sample_path, tmp_path):
    out = tmp_path / "never.gpkg"
    done = qgis_process("--json", "run", ALG, "--",
                        "AREAS={}|layername=areas".format(sample_path), "AREA_ID=LSOA11CD",
                        "INCIDENTS={}|layername=incidents".format(sample_path), "OUTPUT={}".format(out),
                        check=False)
    assert done.returncode != 0
    assert "no field 'LSOA11CD'" in done.stdout + done.stderr
    assert "sample_borough (areas)" in done.stdout + done.stderr
    assert not out.exists()


def test_help_shows_the_algorithm_help(qgis_process):
    text = qgis_process("help", ALG).stdout
    assert "Counts incident points" in text and "AREA_ID" in text


def test_default_profile_from_make_setup_shows_the_provider():
    """`make setup` links and enables the plugin in the default profile: a plain qgis_process sees it."""
    profile = os.path.expanduser("~/.local/share/QGIS/QGIS3/profiles/default")
    link = os.path.join(profile, "python", "plugins", "community_risk")
    if os.path.realpath(link) != os.path.realpath(REPO):
        pytest.skip("the default QGIS profile links another checkout ({})".format(os.path.realpath(link)))
    env = {k: v for k, v in os.environ.items() if k != "QGIS_CUSTOM_CONFIG_PATH"}
    done = subprocess.run(["qgis_process", "list"], capture_output=True, text=True, env=env, cwd="/",
                          timeout=300)
    assert done.returncode == 0, done.stderr
    assert ALG in done.stdout
