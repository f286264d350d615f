"""Peak resident memory of a whole run, measured in a fresh child process per run.

The parent starts ``python -m bench.rss MODE GLOB``; the child runs the bare loop or the Beam
pipeline over the files and prints its own high-water mark (``VmHWM``, exact, reset at exec).
The parent meanwhile samples the RSS of the child's whole process tree (Beam's worker
processes included) with psutil, for the figure that counts. ``getrusage``'s ``ru_maxrss`` is
not used: Linux carries it across exec, so a child would report its parent's size.
"""

import glob
import json
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

MODES = ("bare", "beam")


SAMPLE_SECONDS = 0.05
MIB = 1 << 20


def measure_rss(mode: str, input_glob: str) -> dict:
    """Peak RSS (MiB) of one child run, and of its process tree, over the files matching ``input_glob``."""
    import psutil

    root = Path(__file__).resolve().parent.parent
    with tempfile.TemporaryFile("w+") as stdout, tempfile.TemporaryFile("w+") as stderr:
        child = psutil.Popen(
            [sys.executable, "-m", "bench.rss", mode, input_glob],
            stdout=stdout,
            stderr=stderr,
            text=True,
            cwd=root,
            env={**os.environ, "PYTHONPATH": str(root)},
        )
        peak_tree = 0
        while child.poll() is None:
            peak_tree = max(peak_tree, _tree_rss(child))
            time.sleep(SAMPLE_SECONDS)
        stdout.seek(0)
        stderr.seek(0)
        if child.returncode != 0:
            raise RuntimeError(f"bench.rss {mode} failed: {stderr.read()[-2000:]}")
        report = json.loads(stdout.read().strip().splitlines()[-1])
    report["peak_tree_rss_mib"] = round(max(peak_tree / MIB, report["self_hwm_mib"]), 1)
    return report


def _tree_rss(process) -> int:
    import psutil

    total = 0
    try:
        for member in [process, *process.children(recursive=True)]:
            total += member.memory_info().rss
    except psutil.Error:  # a process ended between listing and reading
        pass
    return total


def _run_bare(input_glob: str) -> int:
    from pipeline.process import Processor

    processor = Processor()
    files = 0
    for name in sorted(glob.glob(input_glob)):
        path = Path(name)
        processor.process_or_dead_letter(path.as_uri(), path.read_bytes())
        files += 1
    return files


def _run_beam(input_glob: str) -> int:
    from bench.beam import beam_argv
    from pipeline.beam.run import run_pipeline

    output = Path(tempfile.mkdtemp(prefix="bench-rss-"))
    try:
        run_pipeline(beam_argv(input_glob, output, workers=1))
    finally:
        shutil.rmtree(output, ignore_errors=True)
    return len(glob.glob(input_glob))


def main(argv: list[str]) -> None:
    mode, input_glob = argv
    files = {"bare": _run_bare, "beam": _run_beam}[mode](input_glob)
    print(json.dumps({"mode": mode, "files": files, "self_hwm_mib": round(_own_high_water_mark() / MIB, 1)}))


def _own_high_water_mark() -> int:
    """Bytes: this process's peak RSS since exec (Linux ``VmHWM``)."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) * 1024
    raise RuntimeError("no VmHWM in /proc/self/status (Linux only)")


if __name__ == "__main__":
    main(sys.argv[1:])
