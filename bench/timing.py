"""Throughput records and the one timed loop every in-process measurement uses."""

import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

MB = 1_000_000  # throughputs are in MB (10^6 bytes) of source-file bytes per second


@dataclass
class Throughput:
    name: str
    files: int
    bytes: int  # source-file bytes of the files measured, whatever the stage's own input is
    seconds: float  # wall time
    cpu_seconds: float  # CPU time of this process (and of Beam's worker processes)
    errors: int = 0  # calls that raised; their time still counts
    note: str = ""
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def files_per_s(self) -> float:
        return self.files / self.seconds if self.seconds > 0 else 0.0

    @property
    def mb_per_s(self) -> float:
        return self.bytes / MB / self.seconds if self.seconds > 0 else 0.0

    @property
    def mb_per_cpu_s(self) -> float:
        """Throughput per CPU-second: steadier than wall time when other jobs share the cores."""
        return self.bytes / MB / self.cpu_seconds if self.cpu_seconds > 0 else 0.0

    def as_dict(self) -> dict[str, Any]:
        return {
            "files": self.files,
            "bytes": self.bytes,
            "seconds": round(self.seconds, 4),
            "files_per_s": round(self.files_per_s, 2),
            "mb_per_s": round(self.mb_per_s, 4),
            "cpu_seconds": round(self.cpu_seconds, 4),
            "mb_per_cpu_s": round(self.mb_per_cpu_s, 4),
            "errors": self.errors,
            "note": self.note,
            **self.extra,
        }


@dataclass(frozen=True)
class Item:
    """One file's input to a measured call, with the size of the file it came from."""

    source_bytes: int
    value: Any


def timed_loop(name: str, items: Sequence[Item], call: Callable[[Any], Any], note: str = "") -> tuple[Throughput, list]:
    """Calls ``call`` on every item's value, timing only the calls; returns the throughput and the
    results (``None`` where the call raised), so the next stage's inputs need no second run."""
    results: list = []
    errors = 0
    wall, cpu = time.perf_counter, time.process_time
    elapsed = cpu_elapsed = 0.0
    for item in items:
        start, cpu_start = wall(), cpu()
        try:
            result = call(item.value)
        except Exception:  # a peer or stage failing on one input is counted, not fatal
            result = None
            errors += 1
        elapsed += wall() - start
        cpu_elapsed += cpu() - cpu_start
        results.append(result)
    total = sum(item.source_bytes for item in items)
    return Throughput(name, len(items), total, elapsed, cpu_elapsed, errors, note), results
