"""The wheel is what remote workers install: it must carry every runtime resource and run
with no checkout in sight, on the local runner and as a Beam worker pool (the SDK harness
that Flink's task managers and Dataflow's workers start)."""

import os
import shutil
import socket
import stat
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest

from beam_helpers import read_output
from conftest import SEEDS_DIR

ROOT = Path(__file__).resolve().parent.parent
# What `pip wheel` needs from the checkout; copied so that no build/ or egg-info lands there.
SOURCE_ENTRIES = ("pyproject.toml", "README.md", "pipeline", "schemas")

pytestmark = pytest.mark.slow


def _isolated_env() -> dict:
    """The environment of a process that must find `pipeline` only in the installed wheel."""
    return {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PYTHONHOME", "PYTHONSTARTUP")}


def _check(command: list, timeout: float = 240, **kwargs) -> subprocess.CompletedProcess:
    result = subprocess.run([str(c) for c in command], capture_output=True, text=True, timeout=timeout, **kwargs)
    assert result.returncode == 0, f"{command}:\n{result.stdout[-3000:]}\n{result.stderr[-3000:]}"
    return result


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    """The project's wheel, built from a copy of the checkout with the pinned setuptools backend."""
    source = tmp_path_factory.mktemp("source")
    for entry in SOURCE_ENTRIES:
        if (ROOT / entry).is_dir():
            shutil.copytree(ROOT / entry, source / entry, symlinks=True,
                            ignore=shutil.ignore_patterns("__pycache__", "*.egg-info"))
        else:
            shutil.copy2(ROOT / entry, source / entry)
    dist = tmp_path_factory.mktemp("dist")
    _check([sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "-w", dist, source])
    (built,) = dist.glob("postal_ingest-*.whl")
    return built


@pytest.fixture(scope="module")
def venv(wheel, tmp_path_factory) -> Path:
    """A fresh venv holding only the wheel; the test interpreter's site-packages provide its dependencies.

    They are added as a plain path line of a .pth file, so that .pth files in there (an
    editable install of this checkout among them) are not processed.
    """
    venv = tmp_path_factory.mktemp("venv")
    _check([sys.executable, "-m", "venv", "--without-pip", "--clear", venv])
    python = venv / "bin" / "python"
    purelib = _check([python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"]).stdout.strip()
    dependency_dirs = [p for p in sys.path if p.endswith("site-packages") and Path(p).is_dir()]
    (Path(purelib) / "test_dependencies.pth").write_text("".join(f"{p}\n" for p in dependency_dirs))
    _check([sys.executable, "-m", "pip", "--python", python, "install", "--quiet", "--no-deps", "--no-index", wheel])
    return venv


def _wheel_members(wheel: Path) -> dict[str, zipfile.ZipInfo]:
    with zipfile.ZipFile(wheel) as archive:
        return {info.filename: info for info in archive.infolist()}


def _read_member(wheel: Path, name: str) -> bytes:
    with zipfile.ZipFile(wheel) as archive:
        return archive.read(name)


def test_schemas_are_in_the_wheel_as_regular_files(wheel):
    """pipeline/schemas is a symlink to ../schemas in the checkout; the wheel must hold the files."""
    members = _wheel_members(wheel)
    schemas = sorted((ROOT / "schemas").glob("*.avsc"))
    assert schemas
    for schema in schemas:
        name = f"pipeline/schemas/{schema.name}"
        assert name in members, f"{name} missing from {wheel.name}"
        mode = members[name].external_attr >> 16
        assert mode == 0 or stat.S_ISREG(mode), f"{name} is not a regular file in the wheel"
        assert _read_member(wheel, name) == schema.read_bytes()


def test_every_stage_data_file_is_in_the_wheel(wheel):
    members = _wheel_members(wheel)
    data_files = [
        path for path in (ROOT / "pipeline").rglob("*")
        if path.is_file() and "data" in path.relative_to(ROOT / "pipeline").parts[:-1] and "__pycache__" not in path.parts
    ]
    missing = [str(p.relative_to(ROOT)) for p in data_files if str(p.relative_to(ROOT)) not in members]
    assert missing == [], "data files not shipped (pyproject package-data covers data/* only, not subfolders)"
    for path in data_files:
        assert _read_member(wheel, str(path.relative_to(ROOT))) == path.read_bytes()


@pytest.fixture()
def elsewhere(tmp_path) -> Path:
    """A working directory far from the checkout, with copies of the seeds under other names."""
    inputs = tmp_path / "in"
    inputs.mkdir()
    for seed in sorted(SEEDS_DIR.glob("*.txt")):
        shutil.copy(seed, inputs / f"copy-{seed.name}")
    return tmp_path


def _expected_stories(processor) -> set[tuple]:
    expected = set()
    for seed in sorted(SEEDS_DIR.glob("*.txt")):
        stories, _ = processor.process_or_dead_letter(str(seed), seed.read_bytes())
        expected |= {(s["story_id"], s["title"], s["body"]) for s in stories}
    return expected


def _stories(output: Path) -> set[tuple]:
    return {(s["story_id"], s["title"], s["body"]) for s in read_output(output, "stories")}


def test_installed_wheel_runs_the_pipeline_from_another_directory(venv, elsewhere, processor):
    located = _check([venv / "bin" / "python", "-c", "import pipeline; print(pipeline.__file__)"],
                     cwd=elsewhere, env=_isolated_env())
    assert Path(located.stdout.strip()).is_relative_to(venv)

    result = _check([venv / "bin" / "postal-ingest", "run", "--input", "in/*", "--output", "out"],
                    cwd=elsewhere, env=_isolated_env())
    assert "files: 5 matched, 5 read" in result.stdout and "0 dead-lettered" in result.stdout
    assert _stories(elsewhere / "out") == _expected_stories(processor)


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("localhost", 0))
        return probe.getsockname()[1]


def test_worker_pool_with_only_the_wheel_runs_the_portable_pipeline(venv, elsewhere, processor):
    """The Flink and Dataflow worker setup: an SDK worker pool whose python has the project installed."""
    port = _free_port()
    # The pool starts each SDK worker as plain `python`: the venv must come first on PATH,
    # as the project's python does in the SDK container.
    pool_env = {**_isolated_env(), "PATH": f"{venv / 'bin'}{os.pathsep}{os.environ.get('PATH', '')}"}
    pool = subprocess.Popen(
        [venv / "bin" / "python", "-m", "apache_beam.runners.worker.worker_pool_main", f"--service_port={port}"],
        cwd=elsewhere, env=pool_env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    try:
        time.sleep(1.0)
        assert pool.poll() is None, "the worker pool did not start"
        result = _check(
            [venv / "bin" / "postal-ingest", "run", "--input", "in/*", "--output", "out",
             "--runner=PortableRunner", "--job_endpoint=embed",
             "--environment_type=EXTERNAL", f"--environment_config=localhost:{port}"],
            cwd=elsewhere, env=_isolated_env(), timeout=120,  # the launcher waits forever for a worker that died
        )
    finally:
        pool.terminate()
        pool.wait(timeout=30)
    assert "files: 5 matched, 5 read" in result.stdout
    assert _stories(elsewhere / "out") == _expected_stories(processor)
