"""Peak resident memory of a whole run, measured in a fresh child process per run.

The parent starts ``python -m bench.rss MODE GLOB``; the child runs the bare loop or the Beam
pipeline over the files and prints its own peak RSS plus that of its largest waited-for child
(Beam's worker processes), from ``getrusage``. A fresh process per run keeps one run's peak
out of the next one's figure.
"""

import glob
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

MODES = ("bare", "beam")


def measure_rss(mode: str, input_glob: str) -> dict:
    """Peak RSS (MiB) of one child run over the files matching ``input_glob``."""
    completed = subprocess.run(
        [sys.executable, "-m", "bench.rss", mode, input_glob],
        capture_output=True,
        text=True,
        check=False,
        cwd=Path(__file__).resolve().parent.parent,
        env={**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parent.parent)},
    )
    if completed.returncode != 0:
        raise RuntimeError(f"bench.rss {mode} failed: {completed.stderr[-2000:]}")
    return json.loads(completed.stdout.strip().splitlines()[-1])


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
    # ru_maxrss is in KiB on Linux
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(json.dumps({"mode": mode, "files": files, "peak_rss_mib": round(own + children, 1), "self_mib": round(own, 1)}))


if __name__ == "__main__":
    main(sys.argv[1:])
