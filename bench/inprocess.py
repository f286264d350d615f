"""Single-core, in-process measurements: each stage alone, the bare loop, and the peer libraries.

Every stage and peer object is built once before its timed loop; only the calls are timed.
Stages run in pipeline order, each on the previous stage's outputs, so a file that fails a
stage drops out of the later stages (counted in ``errors`` where it failed).
"""

import os
import time
from functools import partial
from pathlib import Path

from bench.timing import Item, Throughput, timed_loop

PEERS = ("jieba", "chardet", "charset_normalizer", "ftfy", "trafilatura")


def load(paths: list[Path]) -> list[tuple[str, bytes]]:
    return [(path.as_uri(), path.read_bytes()) for path in paths]


def measure_stages(files: list[tuple[str, bytes]], kinds: list[str]) -> tuple[list[Throughput], list]:
    """Decode+repair, clean, split, extract; also returns the decoded texts (``None`` on failure)
    for the peers that take text. Decode's result also counts the encoding it reported per kind."""
    from pipeline.clean import Cleaner
    from pipeline.decode import Decoder
    from pipeline.extract import Extractor
    from pipeline.process import split_documents
    from pipeline.split import Splitter

    decoder, cleaner, splitter, extractor = Decoder(), Cleaner(), Splitter(), Extractor()
    sizes = [len(raw) for _, raw in files]
    decode, decoded = timed_loop("decode+repair", [Item(len(raw), raw) for _, raw in files], decoder.decode)
    decode.extra["encodings_by_kind"] = _encodings_by_kind(kinds, decoded)
    clean, cleaned = timed_loop("clean", _next(sizes, decoded, lambda d: d.text), cleaner.clean)
    split, pages = timed_loop("split", _next(sizes, cleaned, lambda c: c), partial(split_documents, splitter))
    extract, _ = timed_loop(
        "extract",
        _next(sizes, pages, lambda pairs: pairs),
        lambda pairs: [extractor.extract(story, document) for page, document in pairs for story in page.stories],
        note="all stories of each page",
    )
    return [decode, clean, split, extract], [d.text if d else None for d in decoded]


def _encodings_by_kind(kinds: list[str], decoded: list) -> dict[str, dict[str, int]]:
    """Per corpus kind, how often decode reported each encoding (joined with its repairs) or failed."""
    table: dict[str, dict[str, int]] = {}
    for kind, result in zip(kinds, decoded):
        label = "DecodeError" if result is None else "+".join([result.encoding, *result.repairs])
        counts = table.setdefault(kind, {})
        counts[label] = counts.get(label, 0) + 1
    return table


def _next(sizes, outputs, value_of) -> list[Item]:
    return [Item(size, value_of(out)) for size, out in zip(sizes, outputs) if out is not None]


def measure_bare_loop(files: list[tuple[Path, str]]) -> Throughput:
    """``Processor`` over (path, kind) pairs, reading each file inside the loop (as Beam's read does).

    Also counts stories and dead letters per corpus kind: a cheap view of where the chain gives up.
    """
    from pipeline.process import Processor

    start = time.perf_counter()
    processor = Processor()
    setup_seconds = time.perf_counter() - start
    by_kind: dict[str, dict[str, int]] = {}

    def process(path_and_kind: tuple[Path, str]):
        path, kind = path_and_kind
        stories, dead = processor.process_or_dead_letter(path.as_uri(), path.read_bytes())
        counts = by_kind.setdefault(kind, {"files": 0, "stories": 0, "dead_letters": 0})
        counts["files"] += 1
        counts["stories"] += len(stories)
        counts["dead_letters"] += len(dead)

    items = [Item(path.stat().st_size, (path, kind)) for path, kind in files]
    result, _ = timed_loop("bare loop (Processor)", items, process, note="reads files; Processor() built untimed")
    result.extra = {
        "stories": sum(c["stories"] for c in by_kind.values()),
        "dead_letters": sum(c["dead_letters"] for c in by_kind.values()),
        "setup_seconds": round(setup_seconds, 3),
        "by_kind": by_kind,
    }
    return result


def measure_peers(
    files: list[tuple[str, bytes]],
    decoded_texts: list,
    html_files: list[tuple[str, bytes]],
    skip: set[str],
    skipped: dict[str, str],
) -> list[Throughput]:
    """Each peer not skipped; one that cannot be imported is recorded in ``skipped``, not fatal."""
    raw_items = [Item(len(raw), raw) for _, raw in files]
    plans = {
        "jieba": lambda: _jieba_lcut(files, decoded_texts),
        "chardet": lambda: _chardet(raw_items),
        "charset_normalizer": lambda: _charset_normalizer(raw_items),
        "ftfy": lambda: _ftfy(files),
        "trafilatura": lambda: _trafilatura(html_files),
    }
    results = []
    for name, plan in plans.items():
        if name in skip:
            continue
        try:
            results.append(plan())
        except ImportError as error:
            skipped[name] = f"not importable: {error}"
    return results


def _jieba_lcut(files, decoded_texts) -> Throughput:
    import jieba

    cache = os.environ.get("POSTAL_INGEST_CACHE")
    if cache:  # jieba writes its dictionary cache here instead of the system temp dir
        os.makedirs(cache, exist_ok=True)
        jieba.dt.tmp_dir = cache
    jieba.setLogLevel(60)
    jieba.initialize()
    items = [Item(len(raw), text) for (_, raw), text in zip(files, decoded_texts) if text is not None]
    return timed_loop("jieba.lcut", items, jieba.lcut, note="on our decoded text")[0]


def _chardet(raw_items) -> Throughput:
    import chardet

    return timed_loop("chardet.detect", raw_items, chardet.detect)[0]


def _charset_normalizer(raw_items) -> Throughput:
    import charset_normalizer

    def normalize(raw: bytes):
        best = charset_normalizer.from_bytes(raw).best()
        return str(best) if best is not None else None

    return timed_loop("charset_normalizer", raw_items, normalize, note="from_bytes().best() and str(): bytes to text")[0]


def _ftfy(files) -> Throughput:
    import ftfy

    items = [Item(len(raw), raw.decode("utf-8", errors="replace")) for _, raw in files]
    return timed_loop("ftfy.fix_text", items, ftfy.fix_text, note="on the bytes read as UTF-8")[0]


def _trafilatura(html_files) -> Throughput:
    import trafilatura

    items = [Item(len(raw), raw) for _, raw in html_files]
    return timed_loop("trafilatura.extract", items, trafilatura.extract, note="HTML pages, from bytes")[0]


def measure_html_clean(html_files: list[tuple[str, bytes]]) -> Throughput:
    """Our decode+clean on the HTML pages: the work trafilatura.extract does on them."""
    from pipeline.clean import Cleaner
    from pipeline.decode import Decoder

    decoder, cleaner = Decoder(), Cleaner()
    items = [Item(len(raw), raw) for _, raw in html_files]
    result, _ = timed_loop("decode+clean (HTML)", items, lambda raw: cleaner.clean(decoder.decode(raw).text))
    result.note = "HTML pages only"
    return result
