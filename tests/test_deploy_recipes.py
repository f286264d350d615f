"""deploy/flink and deploy/dataflow agree with the project: the CLI's options, the pinned Beam
and Python versions, and the flags the submit scripts hand to the pipeline."""

import argparse
import importlib.util
import json
import os
import re
import shutil
import subprocess
import tomllib
from pathlib import Path

import pytest
import yaml
from apache_beam.options.pipeline_options import FlinkRunnerOptions, PipelineOptions, PortableOptions
from hypothesis import given
from hypothesis import strategies as st

from pipeline.beam.options import add_run_arguments, parse_run_options

ROOT = Path(__file__).resolve().parent.parent
DEPLOY = ROOT / "deploy"
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text())
BEAM_VERSION = next(d.split("==")[1] for d in PYPROJECT["project"]["dependencies"] if d.startswith("apache-beam=="))
PYTHON_VERSION = re.search(r">=(\d+\.\d+)", PYPROJECT["project"]["requires-python"]).group(1)
SDK_IMAGE = f"apache/beam_python{PYTHON_VERSION}_sdk:{BEAM_VERSION}"
METADATA = json.loads((DEPLOY / "dataflow" / "metadata.json").read_text())
PARAMETERS = {p["name"]: p for p in METADATA["parameters"]}
# Their CLI defaults (seeds/*, out/) are local paths that mean nothing on Dataflow workers.
REQUIRED_ON_DATAFLOW = {"input", "output"}


def _cli_actions() -> dict[str, argparse.Action]:
    """The run command's options by long flag."""
    parser = argparse.ArgumentParser(add_help=False)
    add_run_arguments(parser)
    return {a.option_strings[0]: a for a in parser._actions}


def _flag(parameter_name: str) -> str:
    return "--" + parameter_name.replace("_", "-")


def _load_template_main():
    spec = importlib.util.spec_from_file_location("dataflow_template_main", DEPLOY / "dataflow" / "main.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


# --- Dataflow Flex Template metadata against the CLI ---------------------------------------

def test_template_parameters_are_exactly_the_cli_options():
    assert {_flag(name) for name in PARAMETERS} == set(_cli_actions())
    for parameter in METADATA["parameters"]:
        assert parameter["label"] and parameter["helpText"]
        assert re.fullmatch(r"[a-z][a-z0-9_]*", parameter["name"])


def test_template_defaults_and_types_follow_the_cli():
    for flag, action in _cli_actions().items():
        parameter = PARAMETERS[flag[2:].replace("-", "_")]
        if parameter["name"] in REQUIRED_ON_DATAFLOW:
            assert parameter["isOptional"] is False
            continue
        assert parameter["isOptional"] is True
        if action.nargs == 0:
            assert parameter["paramType"] == "BOOLEAN" and parameter["defaultValue"] == "false"
        else:
            assert parameter["paramType"] == "NUMBER"
            assert parameter.get("defaultValue") == (None if action.default is None else str(action.default))
        for regex in parameter["regexes"]:
            if "defaultValue" in parameter:
                assert re.fullmatch(regex, parameter["defaultValue"])


NUMERIC = [name for name, p in PARAMETERS.items() if p["paramType"] == "NUMBER"]


def _cli_accepts(name: str, text: str) -> bool:
    try:
        _cli_actions()[_flag(name)].type(text)
    except (argparse.ArgumentTypeError, ValueError):
        return False
    return True


@pytest.mark.parametrize("name", NUMERIC)
@given(text=st.text(alphabet="0123456789.-+e ", max_size=8))
def test_a_number_the_template_accepts_is_one_the_cli_accepts(name, text):
    if all(re.fullmatch(regex, text) for regex in PARAMETERS[name]["regexes"]):
        assert _cli_accepts(name, text)


@pytest.mark.parametrize("name", NUMERIC)
@given(text=st.from_regex(r"\A[0-9]{0,4}(\.[0-9]{0,3})?\Z"))
def test_a_plain_decimal_the_cli_accepts_passes_the_template_check(name, text):
    matches = all(re.fullmatch(regex, text) for regex in PARAMETERS[name]["regexes"])
    assert matches == _cli_accepts(name, text)


def test_template_input_and_output_must_be_on_gcs():
    for name in ("input", "output"):
        (regex,) = PARAMETERS[name]["regexes"]
        assert re.fullmatch(regex, "gs://bucket/some/dir/*.txt" if name == "input" else "gs://bucket/out")
        assert not re.fullmatch(regex, "/local/path")


def test_template_entry_point_turns_launcher_arguments_into_run_options():
    main = _load_template_main()
    launcher_argv = [
        "--input=gs://b/in/*", "--output=gs://b/out", "--streaming=true", "--poll_interval=5",
        "--stop_after=60", "--settle_seconds=0", "--runner=DataflowRunner", "--project=p",
        "--region=europe-west1", "--temp_location=gs://b/temp", "--sdk_container_image=img:1",
    ]
    options = parse_run_options(main.cli_args(launcher_argv))
    assert options.inputs == ("gs://b/in/*",) and options.output == "gs://b/out"
    assert options.streaming is True
    assert (options.poll_interval, options.stop_after, options.settle_seconds) == (5.0, 60.0, 0.0)
    assert options.beam_args == ("--runner=DataflowRunner", "--project=p", "--region=europe-west1",
                                 "--temp_location=gs://b/temp", "--sdk_container_image=img:1")
    assert parse_run_options(main.cli_args(["--streaming=false", "--output=gs://b/o"])).streaming is False
    with pytest.raises(SystemExit):
        main.cli_args(["--streaming=sometimes"])


def test_template_defaults_give_the_cli_defaults():
    main = _load_template_main()
    required = ["--input=gs://b/in/*", "--output=gs://b/out"]
    with_defaults = required + [f"--{n}={p['defaultValue']}" for n, p in PARAMETERS.items() if "defaultValue" in p]
    assert parse_run_options(main.cli_args(with_defaults)) == parse_run_options(main.cli_args(required))


def test_dataflow_image_is_the_pinned_sdk_with_the_project_and_gcp_extra():
    dockerfile = (DEPLOY / "dataflow" / "Dockerfile").read_text()
    assert f"FROM {SDK_IMAGE}\n" in dockerfile
    assert f'"apache-beam[gcp]=={BEAM_VERSION}"' in dockerfile
    entry_copy = dockerfile.index("COPY deploy/dataflow/main.py deploy/dataflow/metadata.json ./")
    template_dir = re.findall(r"^WORKDIR (\S+)", dockerfile[:entry_copy], re.M)[-1]
    assert f"ENV FLEX_TEMPLATE_PYTHON_PY_FILE={template_dir}/main.py" in dockerfile
    assert 'ENTRYPOINT ["/opt/apache/beam/boot"]' in dockerfile


# --- submit scripts, run with recording stand-ins for python, docker and gcloud ------------

def _recorder(directory: Path, name: str) -> Path:
    """An executable that writes its arguments, one per line, to ``<name>.args``."""
    path = directory / name
    path.write_text(f'#!/bin/sh\nfor a in "$@"; do printf "%s\\n" "$a"; done > "{directory}/{name}.args"\n')
    path.chmod(0o755)
    return path


def _run_script(script: Path, args: list[str], env: dict, tmp_path: Path) -> subprocess.CompletedProcess:
    env = {"PATH": f"{tmp_path}{os.pathsep}{os.environ['PATH']}", "HOME": str(tmp_path), **env}
    return subprocess.run(["bash", str(script), *args], env=env, capture_output=True, text=True, timeout=60)


def _recorded(tmp_path: Path, name: str) -> list[str]:
    return (tmp_path / f"{name}.args").read_text().splitlines()


@pytest.mark.parametrize("script", ["flink/submit.sh", "dataflow/submit.sh"])
def test_submit_scripts_are_valid_shell(script):
    assert subprocess.run(["bash", "-n", str(DEPLOY / script)]).returncode == 0
    if shutil.which("shellcheck"):
        result = subprocess.run(["shellcheck", str(DEPLOY / script)], capture_output=True, text=True)
        assert result.returncode == 0, result.stdout


def test_dataflow_submit_needs_project_region_and_bucket(tmp_path):
    result = _run_script(DEPLOY / "dataflow" / "submit.sh", ["run"], {}, tmp_path)
    assert result.returncode != 0 and "PROJECT" in result.stderr


DATAFLOW_ENV = {"PROJECT": "p", "REGION": "europe-west1", "BUCKET": "gs://b/pi"}


def test_dataflow_submit_run_passes_the_required_options(tmp_path):
    python = _recorder(tmp_path, "python")
    result = _run_script(DEPLOY / "dataflow" / "submit.sh", ["run", "--streaming"],
                         {**DATAFLOW_ENV, "PYTHON": str(python), "STOP_AFTER": "600"}, tmp_path)
    assert result.returncode == 0, result.stderr
    argv = _recorded(tmp_path, "python")
    assert argv[:3] == ["-m", "pipeline", "run"]
    options = parse_run_options(argv[3:])
    assert options.inputs == ("gs://b/pi/in/*",) and options.output == "gs://b/pi/out"
    assert options.streaming is True and options.stop_after == 600
    beam = dict(arg[2:].split("=", 1) for arg in options.beam_args)
    assert beam["runner"] == "DataflowRunner" and beam["project"] == "p" and beam["region"] == "europe-west1"
    assert beam["temp_location"] == "gs://b/pi/temp" and beam["staging_location"] == "gs://b/pi/staging"
    assert beam["sdk_container_image"] == "europe-west1-docker.pkg.dev/p/postal-ingest/postal-ingest:0.1.0"


def test_dataflow_run_template_parameters_are_the_templates(tmp_path):
    _recorder(tmp_path, "gcloud")
    result = _run_script(DEPLOY / "dataflow" / "submit.sh", ["run-template", "--streaming"], DATAFLOW_ENV, tmp_path)
    assert result.returncode == 0, result.stderr
    argv = _recorded(tmp_path, "gcloud")
    assert argv[:3] == ["dataflow", "flex-template", "run"]
    (parameters,) = [a.split("=", 1)[1] for a in argv if a.startswith("--parameters=")]
    values = dict(item.split("=", 1) for item in parameters.split(","))
    # sdk_container_image is a Dataflow launch option, not one of the pipeline's.
    assert set(values) - {"sdk_container_image"} <= set(PARAMETERS)
    assert values["streaming"] == "true" and values["input"] == "gs://b/pi/in/*"
    for name, value in values.items():
        for regex in PARAMETERS.get(name, {}).get("regexes", []):
            assert re.fullmatch(regex, value), (name, value)


# --- Flink recipe ---------------------------------------------------------------------------

COMPOSE = yaml.safe_load((DEPLOY / "flink" / "docker-compose.yml").read_text())


def _flink_version_of(image: str) -> str:
    return re.match(r"flink:(\d+\.\d+)", image).group(1)


def test_compose_runs_a_flink_version_that_beam_supports_with_the_project_worker_pool():
    services = COMPOSE["services"]
    versions = {_flink_version_of(services[name]["image"]) for name in ("jobmanager", "taskmanager")}
    assert len(versions) == 1 and versions <= set(FlinkRunnerOptions.PUBLISHED_FLINK_VERSIONS)
    pool = services["beam-worker-pool"]
    assert pool["build"]["dockerfile"] == "deploy/flink/Dockerfile"
    assert (DEPLOY / "flink" / pool["build"]["context"]).resolve() == ROOT
    assert pool["network_mode"] == "service:taskmanager" and pool["command"] == ["--worker_pool"]
    assert services["submit"]["image"] == pool["image"]
    dockerfile = (DEPLOY / "flink" / "Dockerfile").read_text()
    assert f"FROM {SDK_IMAGE}\n" in dockerfile and "pip install --no-cache-dir ." in dockerfile


@pytest.mark.parametrize("mode", [[], ["--streaming", "--stop-after", "3600"]], ids=["batch", "streaming"])
def test_flink_submit_passes_flink_options_the_pipeline_accepts(mode, tmp_path):
    python = _recorder(tmp_path, "python")
    env = {"LAUNCHER": "local", "PYTHON": str(python), "POSTAL_INGEST_DATA": str(tmp_path / "data")}
    result = _run_script(DEPLOY / "flink" / "submit.sh", mode, env, tmp_path)
    assert result.returncode == 0, result.stderr
    options = parse_run_options(_recorded(tmp_path, "python")[3:])
    assert options.inputs == (f"{tmp_path}/data/in/*",) and options.streaming == bool(mode)
    beam_options = PipelineOptions(list(options.beam_args))
    flink = beam_options.view_as(FlinkRunnerOptions)
    portable = beam_options.view_as(PortableOptions)
    compose_version = _flink_version_of(COMPOSE["services"]["jobmanager"]["image"])
    assert flink.flink_version == compose_version and flink.flink_master == "localhost:8081"
    assert flink.flink_submit_uber_jar is True and flink.parallelism == 2
    assert (portable.environment_type, portable.environment_config) == ("EXTERNAL", "localhost:50000")
    checkpointing = [a for a in options.beam_args if a.startswith("--checkpointing_interval=")]
    assert bool(checkpointing) == bool(mode)


def test_flink_submit_runs_the_launcher_in_the_compose_submit_service(tmp_path):
    _recorder(tmp_path, "docker")
    env = {"POSTAL_INGEST_DATA": str(tmp_path / "data"), "FLINK_JOB_SERVER_JAR": "/jars/js.jar"}
    result = _run_script(DEPLOY / "flink" / "submit.sh", [], env, tmp_path)
    assert result.returncode == 0, result.stderr
    argv = _recorded(tmp_path, "docker")
    service_at = argv.index("submit", argv.index("run"))
    assert argv[:3] == ["compose", "-f", str(DEPLOY / "flink" / "docker-compose.yml")]
    assert argv[service_at] in COMPOSE["services"]
    assert "/jars/js.jar:/opt/beam-jars/job-server.jar:ro" in argv
    options = parse_run_options(argv[service_at + 2:])
    flink = PipelineOptions(list(options.beam_args)).view_as(FlinkRunnerOptions)
    assert flink.flink_master == "jobmanager:8081" and flink.flink_job_server_jar == "/opt/beam-jars/job-server.jar"
