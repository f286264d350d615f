"""The same pipeline on other Beam runners gives the same stories as the default local run.

PortableRunner with the embedded job service is the job-API path Flink and Dataflow use
(pipeline proto, artifact staging, SDK harness over gRPC); the local runner's
multi_processing mode runs the DoFns in separate worker processes.
"""

import hashlib
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from beam_helpers import read_output
from conftest import SEEDS_DIR, seed_bytes

ROOT = Path(__file__).resolve().parent.parent
PORTABLE_LOOPBACK = ["--runner=PortableRunner", "--job_endpoint=embed", "--environment_type=LOOPBACK"]
# The local runner's multi_processing mode. `--runner=DirectRunner` first tries to download and
# start Prism (which would ignore these flags) and then hands the pipeline to this same
# FnApiRunner; naming the FnApiRunner tests the two-process mode wherever the tests run.
TWO_WORKER_PROCESSES = ["--runner=FnApiRunner", "--direct_running_mode=multi_processing", "--direct_num_workers=2"]
FLINK_JAR_VARIABLE = "POSTAL_INGEST_FLINK_JOB_SERVER_JAR"


def run_cli(args: list[str], timeout: float = 300) -> subprocess.CompletedProcess:
    # Worker processes started by the runners import `pipeline` too: give them the checkout.
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run([sys.executable, "-m", "pipeline", "run", *args],
                          cwd=ROOT, env=env, capture_output=True, text=True, timeout=timeout)


def stories_of(output: Path) -> set[tuple]:
    return {(s["story_id"], s["title"], s["body"]) for s in read_output(output, "stories")}


def run_on_seeds(output: Path, runner_flags: list[str]) -> tuple[set[tuple], str]:
    """The stories of a run on the seeds, and the run's log."""
    result = run_cli(["--input", str(SEEDS_DIR / "*"), "--output", str(output), *runner_flags])
    assert result.returncode == 0, result.stderr[-4000:]
    assert "files: 5 matched, 5 read" in result.stdout
    assert read_output(output, "dead_letters") == []
    return stories_of(output), result.stderr


@pytest.fixture(scope="module")
def default_stories(tmp_path_factory) -> set[tuple]:
    stories, _ = run_on_seeds(tmp_path_factory.mktemp("default"), [])
    assert len({story_id.split("-")[0] for story_id, _, _ in stories}) == 5  # every seed gave stories
    return stories


@pytest.mark.slow
def test_portable_runner_with_embedded_job_service_gives_the_same_stories(default_stories, tmp_path):
    stories, _ = run_on_seeds(tmp_path, PORTABLE_LOOPBACK)
    assert stories == default_stories


@pytest.mark.slow
def test_local_runner_with_two_worker_processes_gives_the_same_stories(default_stories, tmp_path):
    stories, log = run_on_seeds(tmp_path, TWO_WORKER_PROCESSES)
    assert stories == default_stories
    # Each SDK worker process logs its start (apache_beam/runners/worker/sdk_worker_main.py).
    assert log.count("Python sdk harness starting") == 2


def _wait_for_story_of(output: Path, raw: bytes, process: subprocess.Popen, deadline_seconds: float = 30) -> None:
    digest = hashlib.sha256(raw).hexdigest()
    started = time.monotonic()
    while time.monotonic() - started < deadline_seconds:
        assert process.poll() is None, "the pipeline stopped before the file's stories appeared"
        if any(s["source_sha256"] == digest for s in read_output(output, "stories")):
            return
        time.sleep(0.3)
    pytest.fail(f"no story for {digest[:12]} within {deadline_seconds}s")


@pytest.mark.slow
def test_streaming_on_the_portable_runner_processes_each_new_file_once(default_stories, tmp_path):
    # The embedded job service cannot cancel a running job (Ctrl-C waits for the end),
    # so the watch is bounded by --stop-after, generous for a loaded machine.
    inputs, output = tmp_path / "in", tmp_path / "out"
    inputs.mkdir()
    article, page = seed_bytes("000"), seed_bytes("003")
    command = [sys.executable, "-m", "pipeline", "run", "--streaming", "--input", str(inputs / "*"),
               "--output", str(output), "--poll-interval", "0.3", "--settle-seconds", "0.5",
               "--stop-after", "40", *PORTABLE_LOOPBACK]
    process = subprocess.Popen(command, cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)},
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        time.sleep(2.0)
        (inputs / "article.txt").write_bytes(article)
        _wait_for_story_of(output, article, process)
        (inputs / "article-again.txt").write_bytes(article)  # same content, new name: not processed again
        (inputs / "page.txt").write_bytes(page)
        _wait_for_story_of(output, page, process)
        log, _ = process.communicate(timeout=120)
    finally:
        process.kill()
    assert process.returncode == 0, log[-4000:]

    digests = {hashlib.sha256(raw).hexdigest() for raw in (article, page)}
    assert sorted(p.name for p in output.glob("*.avro")) == sorted(f"stories-{d[:16]}.avro" for d in digests)
    streamed = read_output(output, "stories")
    assert len({s["story_id"] for s in streamed}) == len(streamed)
    assert stories_of(output) == {s for s in default_stories if s[0].split("-")[0] in {d[:16] for d in digests}}


@pytest.mark.skipif(
    not os.environ.get(FLINK_JAR_VARIABLE),
    reason=f"set {FLINK_JAR_VARIABLE} to a Beam 2.77 Flink job-server jar: Beam's FlinkRunner otherwise "
    "downloads it from Maven Central, which this machine cannot reach (deploy/flink/README.md)",
)
@pytest.mark.slow
def test_flink_runner_gives_the_same_stories(default_stories, tmp_path):
    """On an embedded Flink mini-cluster, or on POSTAL_INGEST_FLINK_MASTER (host:port) if set."""
    flink_flags = [
        "--runner=FlinkRunner",
        f"--flink_job_server_jar={os.environ[FLINK_JAR_VARIABLE]}",
        f"--flink_master={os.environ.get('POSTAL_INGEST_FLINK_MASTER', '[local]')}",
        "--environment_type=LOOPBACK",
        "--parallelism=2",
    ]
    stories, _ = run_on_seeds(tmp_path, flink_flags)
    assert stories == default_stories


def test_streaming_on_several_local_workers_is_refused_not_silently_cut_short(tmp_path, capsys):
    """Beam's FnApiRunner with more than one worker drops the watch's pending polls and ends the
    run within seconds whatever --stop-after says; the CLI says so instead of starting."""
    from pipeline.cli import main

    code = main(["run", "--streaming", "--input", str(tmp_path / "*"), "--output", str(tmp_path / "out"),
                 "--stop-after", "60", *TWO_WORKER_PROCESSES])
    assert code == 2
    assert "--direct_num_workers=1" in capsys.readouterr().err
