"""Streaming mode for real: files dropped into a watched directory while the pipeline runs."""

import hashlib
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from beam_helpers import read_output
from conftest import seed_bytes

ROOT = Path(__file__).resolve().parent.parent
LANDING_DEADLINE_SECONDS = 45  # generous for a loaded machine; typically poll + settle + about 1 s


def start_streaming(inputs: Path, output: Path, stop_after: float, sigint_ignored: bool = False) -> subprocess.Popen:
    """``sigint_ignored``: started as a shell starts a background job, with SIGINT ignored."""
    command = [
        sys.executable, "-m", "pipeline", "run", "--streaming",
        "--input", str(inputs / "*"), "--output", str(output),
        "--poll-interval", "0.3", "--settle-seconds", "1.0", "--stop-after", str(stop_after),
    ]
    ignore = (lambda: signal.signal(signal.SIGINT, signal.SIG_IGN)) if sigint_ignored else None
    return subprocess.Popen(
        command, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, preexec_fn=ignore
    )


def wait_for_story_of(output: Path, raw: bytes, process: subprocess.Popen) -> float:
    """Seconds until a story of these bytes is in the output; fails if the pipeline ended first."""
    digest = hashlib.sha256(raw).hexdigest()
    started = time.monotonic()
    while time.monotonic() - started < LANDING_DEADLINE_SECONDS:
        assert process.poll() is None, "the pipeline stopped before the file's stories appeared"
        if any(s["source_sha256"] == digest for s in read_output(output, "stories")):
            return time.monotonic() - started
        time.sleep(0.2)
    pytest.fail(f"no story for {digest[:12]} within {LANDING_DEADLINE_SECONDS}s")


def stop(process: subprocess.Popen) -> str:
    if process.poll() is None:
        process.send_signal(signal.SIGINT)
    try:
        out, _ = process.communicate(timeout=60)
    finally:
        process.kill()
    return out


def stories_by_source(output: Path) -> dict[str, list[str]]:
    by_source: dict[str, list[str]] = {}
    for story in read_output(output, "stories"):
        by_source.setdefault(story["source_sha256"], []).append(story["story_id"])
    return by_source


def test_new_files_are_processed_once_while_running_and_after_restart(tmp_path):
    inputs, output = tmp_path / "in", tmp_path / "out"
    inputs.mkdir()
    article, page, other = seed_bytes("000"), seed_bytes("004"), seed_bytes("001")

    process = start_streaming(inputs, output, stop_after=90)
    try:
        time.sleep(1.0)
        (inputs / "article.txt").write_bytes(article)
        wait_for_story_of(output, article, process)

        # Written slowly in two parts: only the complete file may be processed.
        with open(inputs / "page.txt", "wb") as handle:
            handle.write(page[: len(page) // 2])
            handle.flush()
            time.sleep(0.5)
            handle.write(page[len(page) // 2 :])
        wait_for_story_of(output, page, process)

        # The same content under another name is not processed again.
        (inputs / "article-copy.txt").write_bytes(article)
        time.sleep(3.0)
        assert process.poll() is None
    finally:
        log = stop(process)

    first_run = stories_by_source(output)
    assert set(first_run) == {hashlib.sha256(article).hexdigest(), hashlib.sha256(page).hexdigest()}, log
    for story_ids in first_run.values():
        assert len(story_ids) == len(set(story_ids))
    files_after_first_run = sorted(p.name for p in output.glob("*.avro"))

    # Restart on the same output directory: only the new file is processed.
    process = start_streaming(inputs, output, stop_after=90)
    try:
        time.sleep(1.0)
        (inputs / "later.txt").write_bytes(other)
        wait_for_story_of(output, other, process)
        time.sleep(2.0)
    finally:
        log = stop(process)
    second_run = stories_by_source(output)
    assert second_run == {**first_run, hashlib.sha256(other).hexdigest(): second_run[hashlib.sha256(other).hexdigest()]}, log
    assert len(sorted(p.name for p in output.glob("*.avro"))) == len(files_after_first_run) + 1


def test_stop_after_ends_the_run_with_a_summary(tmp_path):
    inputs, output = tmp_path / "in", tmp_path / "out"
    inputs.mkdir()
    (inputs / "bad.bin").write_bytes(b"\x89PNG\r\n\x1a\n" + os.urandom(500))
    process = start_streaming(inputs, output, stop_after=4)
    out, _ = process.communicate(timeout=120)
    assert process.returncode == 0, out
    assert "1 dead-lettered" in out and "decode 1" in out
    (letter,) = read_output(output, "dead_letters")
    assert letter["stage"] == "decode"


@pytest.mark.parametrize("sigint_ignored", [False, True], ids=["foreground", "background-shell"])
def test_ctrl_c_ends_a_streaming_run_with_its_summary(tmp_path, sigint_ignored):
    inputs, output = tmp_path / "in", tmp_path / "out"
    inputs.mkdir()
    process = start_streaming(inputs, output, stop_after=600, sigint_ignored=sigint_ignored)
    try:
        time.sleep(1.0)
        (inputs / "article.txt").write_bytes(seed_bytes("000"))
        wait_for_story_of(output, seed_bytes("000"), process)
        process.send_signal(signal.SIGINT)
        out, _ = process.communicate(timeout=60)
    finally:
        process.kill()
    assert process.returncode == 0, out
    assert "1 gave stories" in out and "stopped by Ctrl-C" in out


def test_ctrl_c_landing_inside_a_step_is_an_interrupt_too():
    # Beam re-raises a KeyboardInterrupt caught in a step as a RuntimeError: a Ctrl-C that
    # arrived while the watch listed the input directory ended the run with exit code 1.
    from pipeline.beam.run import _interrupted

    try:
        try:
            raise KeyboardInterrupt
        except KeyboardInterrupt:
            raise RuntimeError("KeyboardInterrupt [while running 'WatchInputs/Match']")
    except RuntimeError as wrapped:
        assert _interrupted(wrapped)
    assert not _interrupted(RuntimeError("a step failed"))


def test_a_file_dated_in_the_future_is_read_once_unchanged_for_the_settle_time(tmp_path):
    # Its mtime never grew settle-seconds old: the watch skipped it for ever, without a word.
    from pipeline.beam.sources import expand_pattern
    from pipeline.beam.streaming import IngestNewFileFn

    inputs, output = tmp_path / "in", tmp_path / "out"
    inputs.mkdir()
    output.mkdir()
    future = inputs / "future.txt"
    future.write_bytes(seed_bytes("000"))
    ahead = time.time() + 3600
    os.utime(future, (ahead, ahead))
    ingest = IngestNewFileFn(str(output), settle_seconds=0.5)
    ingest.setup()

    ingest.process(*expand_pattern(str(future)))
    assert read_output(output, "stories") == []  # not yet: unchanged since just now
    time.sleep(0.7)
    ingest.process(*expand_pattern(str(future)))
    assert read_output(output, "stories")
