"""The Beam pipeline end to end on the local DirectRunner, timed in this process.

No ``--runner`` is passed: the project's default, the FnApiRunner (the engine behind Beam's
DirectRunner for batch, without its attempt to download Prism), runs with
``--direct_num_workers`` and ``--direct_running_mode``. The time is the whole ``run_pipeline``
call: pipeline construction, worker start-up, each worker's ``Processor()`` set-up, reading
every file, processing, near-duplicate marking and writing Avro. Nothing is subtracted, so on
a small corpus the fixed start-up cost weighs heavily.
"""

import resource
import shutil
import tempfile
import time
from pathlib import Path

from bench.timing import Throughput


def beam_argv(input_glob: str, output: Path, workers: int) -> list[str]:
    # One worker runs in this process; more are separate processes, the way users scale locally.
    mode = "multi_processing" if workers > 1 else "in_memory"
    return [
        "--input",
        input_glob,
        "--output",
        str(output),
        "--direct_num_workers",
        str(workers),
        "--direct_running_mode",
        mode,
    ]


def measure_beam(input_glob: str, files: int, total_bytes: int, workers: int) -> Throughput:
    from pipeline.beam.run import run_pipeline

    output = Path(tempfile.mkdtemp(prefix="bench-beam-"))
    try:
        argv = beam_argv(input_glob, output, workers)
        cpu_start, start = _cpu_seconds(), time.perf_counter()
        summary = run_pipeline(argv)
        seconds, cpu_seconds = time.perf_counter() - start, _cpu_seconds() - cpu_start
    finally:
        shutil.rmtree(output, ignore_errors=True)
    mode = argv[argv.index("--direct_running_mode") + 1]
    note = f"{mode}; wall time incl. start-up"
    result = Throughput(f"beam DirectRunner x{workers}", files, total_bytes, seconds, cpu_seconds, note=note)
    result.extra = {"summary": summary, "workers": workers}
    return result


def _cpu_seconds() -> float:
    """User+system time of this process and of its finished children (Beam's worker processes)."""
    return sum(
        usage.ru_utime + usage.ru_stime
        for usage in (resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN))
    )
