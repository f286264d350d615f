"""``python -m bench --size small|large``: throughput and memory of postal-ingest beside its peers.

Prints a table and writes ``bench/results.json``; ratios compare throughputs measured in this run.
"""

import argparse
import json
import os
import platform
import subprocess
import sys
from datetime import datetime, timezone
from pathlib import Path

from bench import corpus as corpus_module
from bench.inprocess import PEERS, load, measure_bare_loop, measure_html_clean, measure_peers, measure_stages
from bench.timing import Throughput

ROOT = Path(__file__).resolve().parent.parent
SKIPPABLE = ("beam", "rss", *PEERS)
# ratio key -> (numerator, denominator) measurement names; higher is better for us
RATIOS = {
    "beam_vs_bare": ("beam DirectRunner x1", "bare loop (Processor)"),
    "beam_2_workers_vs_bare": ("beam DirectRunner x2", "bare loop (Processor)"),
    # Beam's time includes each worker's Processor() set-up; this one charges it to the bare loop too
    "beam_vs_bare_with_setup": ("beam DirectRunner x1", "bare loop + set-up"),
    "bare_vs_jieba": ("bare loop (Processor)", "jieba.lcut"),
    "decode_vs_charset_normalizer": ("decode+repair", "charset_normalizer"),
    "decode_vs_chardet": ("decode+repair", "chardet.detect"),
    "decode_vs_ftfy": ("decode+repair", "ftfy.fix_text"),
    "html_decode_clean_vs_trafilatura": ("decode+clean (HTML)", "trafilatura.extract"),
}
TARGETS = {"beam_vs_bare": 0.6, "bare_vs_jieba": 0.5, "decode_vs_charset_normalizer": 1.0}
RSS_LIMIT_MIB = 1024
DEFAULT_REPEAT = {"small": 3, "large": 1}


def parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__)
    parser.add_argument("--size", choices=sorted(corpus_module.SIZES), default="small")
    parser.add_argument("--files", type=int, help="corpus of this many files instead of --size's")
    parser.add_argument("--beam-files", type=int, help="run Beam on only the first N files (quick checks)")
    parser.add_argument("--beam-workers", type=int, nargs="+", default=[1, 2], help="Beam runs with these worker counts")
    parser.add_argument("--corpus-root", type=Path, default=corpus_module.DEFAULT_ROOT)
    parser.add_argument("--output", type=Path, default=ROOT / "bench" / "results.json")
    parser.add_argument("--skip", nargs="*", default=[], choices=SKIPPABLE, help="measurements to leave out")
    parser.add_argument("--repeat", type=int, help="rounds of measurements, best kept (default: 3 small, 1 large)")
    parser.add_argument("--profile", action="store_true", help="also profile the bare loop and Beam (pyinstrument)")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> dict:
    args = parse_args(sys.argv[1:] if argv is None else argv)
    count = args.files or corpus_module.SIZES[args.size]
    corpus = corpus_module.corpus_for(count, args.corpus_root)
    files = load(corpus.paths())
    html_files = load(corpus.paths("html"))

    skipped: dict[str, str] = {name: "skipped by --skip" for name in args.skip}
    repeat = args.repeat or DEFAULT_REPEAT[args.size]
    rounds = [_measure_round(corpus, files, html_files, args, skipped) for _ in range(repeat)]
    measurements = best_of(rounds)
    measurements += _with_setup(measurements)

    rss = {} if "rss" in args.skip else _measure_rss(count, args.corpus_root, skipped)
    by_name = {m.name: m for m in measurements}
    results = {
        "generated_at": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        "environment": _environment(),
        "corpus": {"size": args.size if not args.files else f"{count} files", **corpus_module.describe(corpus)},
        "measurements": {m.name: m.as_dict() for m in measurements},
        "ratios": _ratios(by_name, "mb_per_s"),
        # the same ratios per CPU-second: a cross-check when other jobs share the machine
        "ratios_cpu": _ratios(by_name, "mb_per_cpu_s"),
        "targets": TARGETS,
        "peak_rss": rss,
        "skipped": skipped,
    }
    if args.profile:
        results["profile"] = _profile(corpus)
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(json.dumps(results, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    print(_table(results))
    print(f"\nwritten: {args.output}")
    return results


def _measure_round(corpus, files, html_files, args, skipped: dict[str, str]) -> list[Throughput]:
    """Every throughput once, ours and the peers' in turn, so compared pairs see similar load."""
    skip = set(args.skip)
    stages, decoded_texts = measure_stages(files, [f.kind for f in corpus.files])
    measurements = [*stages, measure_bare_loop([(corpus.directory / f.path, f.kind) for f in corpus.files])]
    measurements += measure_peers(files, decoded_texts, html_files, skip, skipped)
    if html_files:
        measurements.append(measure_html_clean(html_files))
    if "beam" not in skip:
        measurements += _measure_beam(corpus, args.beam_files, args.beam_workers, skipped)
    return measurements


def best_of(rounds: list[list[Throughput]]) -> list[Throughput]:
    """Per measurement, the fastest round (least disturbed by other load); all wall times kept."""
    best = []
    for same in zip(*rounds):
        fastest = min(same, key=lambda m: m.seconds)
        fastest.cpu_seconds = min(m.cpu_seconds for m in same)
        fastest.extra["rounds_seconds"] = [round(m.seconds, 3) for m in same]
        best.append(fastest)
    return best


def _with_setup(measurements: list[Throughput]) -> list[Throughput]:
    """The bare loop charged with its one ``Processor()`` construction, as Beam's run is."""
    bare = next((m for m in measurements if m.name == "bare loop (Processor)"), None)
    if bare is None:
        return []
    setup = bare.extra["setup_seconds"]
    return [
        Throughput(
            "bare loop + set-up", bare.files, bare.bytes, bare.seconds + setup, bare.cpu_seconds + setup,
            note="derived: best round + Processor() construction",
        )
    ]


def _measure_beam(corpus, beam_files: int | None, workers: list[int], skipped: dict[str, str]) -> list[Throughput]:
    from bench.beam import measure_beam

    if not _beam_available():
        skipped["beam"] = "pipeline.beam.run not importable"
        return []
    if beam_files:  # the first N files of any corpus are the N-file corpus (same RNG sequence)
        corpus = corpus_module.corpus_for(beam_files, corpus.directory.parent)
    return [measure_beam(corpus.glob, len(corpus.files), corpus.total_bytes, n) for n in workers]


def _measure_rss(count: int, corpus_root: Path, skipped: dict[str, str]) -> dict:
    """Peak RSS on the corpus and on one twice its size, for the bare loop and for Beam."""
    from bench.rss import MODES, measure_rss

    modes = MODES if _beam_available() else ("bare",)
    rss = {}
    for mode in modes:
        runs = {}
        for n in (count, 2 * count):
            runs[str(n)] = measure_rss(mode, corpus_module.corpus_for(n, corpus_root).glob)
        first, second = (runs[str(n)]["peak_tree_rss_mib"] for n in (count, 2 * count))
        rss[mode] = {"runs": runs, "growth_when_doubled": round(second / first, 3), "limit_mib": RSS_LIMIT_MIB}
    if "beam" not in modes:
        skipped["rss beam"] = "pipeline.beam.run not importable"
    return rss


def _ratios(by_name: dict[str, Throughput], rate: str) -> dict[str, float]:
    ratios = {}
    for key, (numerator, denominator) in RATIOS.items():
        if numerator in by_name and denominator in by_name and getattr(by_name[denominator], rate) > 0:
            ratios[key] = round(getattr(by_name[numerator], rate) / getattr(by_name[denominator], rate), 4)
    return ratios


def _profile(corpus) -> dict[str, str]:
    """pyinstrument call trees of the bare loop and of the one-worker Beam run (same process)."""
    from pyinstrument import Profiler

    from pipeline.process import Processor

    def bare_loop():
        processor = Processor()
        for path in corpus.paths():
            processor.process_or_dead_letter(path.as_uri(), path.read_bytes())

    runs = {"bare": bare_loop}
    if _beam_available():
        from bench.beam import measure_beam

        runs["beam"] = lambda: measure_beam(corpus.glob, len(corpus.files), corpus.total_bytes, workers=1)
    trees = {}
    for name, run in runs.items():
        profiler = Profiler()
        profiler.start()
        run()
        profiler.stop()
        trees[name] = profiler.output_text(unicode=True, color=False, show_all=False)
        print(trees[name])
    return trees


def _beam_available() -> bool:
    try:
        import pipeline.beam.run  # noqa: F401  (the entry point may not exist on every branch)
    except ImportError:
        return False
    return True


def _environment() -> dict:
    from importlib.metadata import PackageNotFoundError, version

    versions = {}
    for package in ("apache-beam", "jieba", "chardet", "charset-normalizer", "ftfy", "trafilatura", "opencc"):
        try:
            versions[package] = version(package)
        except PackageNotFoundError:
            versions[package] = None
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True).stdout
    return {
        "python": platform.python_version(),
        "machine": platform.machine(),
        "cpus": _cpu_count(),
        "commit": commit.strip() or None,
        "packages": versions,
        "load_average_at_end": [round(x, 2) for x in os.getloadavg()],
    }


def _cpu_count() -> int | None:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()


def _table(results: dict) -> str:
    corpus = results["corpus"]
    lines = [
        f"corpus: {corpus['files']} files, {corpus['bytes'] / 1e6:.2f} MB ({corpus['size']}); MB = 10^6 source bytes",
        f"{'measurement':<26} {'files':>6} {'MB':>8} {'s':>8} {'files/s':>9} {'MB/s':>8} {'MB/cpu-s':>9} {'err':>4}  note",
    ]
    for name, m in results["measurements"].items():
        lines.append(
            f"{name:<26} {m['files']:>6} {m['bytes'] / 1e6:>8.2f} {m['seconds']:>8.2f} "
            f"{m['files_per_s']:>9.1f} {m['mb_per_s']:>8.3f} {m['mb_per_cpu_s']:>9.3f} {m['errors']:>4}  {m['note']}"
        )
    lines.append(f"\nratios of MB/s (higher is better; per CPU-second in brackets), load {results['environment']['load_average_at_end']}:")
    for key, value in results["ratios"].items():
        target = TARGETS.get(key)
        verdict = "" if target is None else f"  target >= {target}: {'met' if value >= target else 'NOT met'}"
        lines.append(f"  {key:<34} {value:>8.3f} ({results['ratios_cpu'].get(key, 0):.3f}){verdict}")
    for mode, entry in results["peak_rss"].items():
        runs = ", ".join(f"{n} files: {r['peak_tree_rss_mib']:.0f} MiB" for n, r in entry["runs"].items())
        lines.append(f"peak RSS {mode}: {runs}; x{entry['growth_when_doubled']} when doubled (limit {RSS_LIMIT_MIB} MiB)")
    for name, reason in results["skipped"].items():
        lines.append(f"skipped {name}: {reason}")
    return "\n".join(lines)


if __name__ == "__main__":
    main()
