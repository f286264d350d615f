"""Streaming mode: watch the input patterns and write each new file's output as it lands.

On the local runner, stages behind a GroupByKey run only when the source ends, so the
streaming path has none: every file's stories are written by the DoFn that made them,
to a file named by the content's SHA-256. That name is what makes the mode
idempotent: a file whose content was already written (in this run, by another worker,
or before a restart) is skipped, and a restart on the same output directory
processes only what is new.
"""

import logging
import os
import time

import apache_beam as beam
from apache_beam.io.filesystems import FileSystems
from apache_beam.transforms.periodicsequence import PeriodicImpulse
from apache_beam.utils.timestamp import MAX_TIMESTAMP

from pipeline.beam import metrics
from pipeline.beam.dedup import DirectoryDuplicateIndex
from pipeline.beam.dofns import ingest_bytes, read_input
from pipeline.beam.sinks import DEAD_LETTER_PREFIX, SCHEMA_OF_PREFIX, STORY_PREFIX, write_avro_atomic
from pipeline.beam.sources import InputFile, expand_pattern
from pipeline.records import sha256_hex

LOG = logging.getLogger("pipeline")
WINDOW_SECONDS = 10.0  # how often a streaming worker logs what it did


class WindowTally:
    """What this worker did in the current window, logged when the window closes."""

    def __init__(self, window_seconds: float):
        self.window_seconds = window_seconds
        self._opened = time.time()
        self._files = self._stories = 0
        self._dead: dict[str, int] = {}

    def add(self, stories: list[dict], letters: list[dict]) -> None:
        self._files += 1
        self._stories += len(stories)
        for letter in letters:
            self._dead[letter["stage"]] = self._dead.get(letter["stage"], 0) + 1

    def maybe_close(self) -> None:
        now = time.time()
        if now - self._opened < self.window_seconds:
            return
        if self._files:
            dead = ", ".join(f"{stage} {n}" for stage, n in sorted(self._dead.items())) or "none"
            LOG.info("window %s-%s: %d files, %d stories, dead letters: %s",
                     time.strftime("%H:%M:%S", time.localtime(self._opened)),
                     time.strftime("%H:%M:%S", time.localtime(now)), self._files, self._stories, dead)
        self.__init__(self.window_seconds)


def output_name(output_dir: str, prefix: str, content_key: str) -> str:
    return FileSystems.join(output_dir, f"{prefix}-{content_key[:16]}.avro")


class IngestNewFileFn(beam.DoFn):
    """Processes each matched file once per content and writes its own Avro file."""

    def __init__(self, output_dir: str, settle_seconds: float, window_seconds: float = WINDOW_SECONDS):
        self._output_dir = output_dir
        self._settle_seconds = settle_seconds
        self._window_seconds = window_seconds

    def setup(self):
        from pipeline.process import Processor

        self._processor = Processor()
        self._duplicates = DirectoryDuplicateIndex(self._output_dir)
        # Within one worker, a file whose size and mtime are unchanged is not read again;
        # across workers and restarts the content-addressed output names decide.
        self._seen: dict[str, tuple] = {}
        self._unsettled: dict[str, tuple[tuple, float]] = {}  # path -> (state, when first seen so)
        self._window = WindowTally(self._window_seconds)

    def _settled(self, entry: InputFile, state: tuple) -> bool:
        """Unmodified for the settle time: by its mtime, or, for an mtime in the future (a
        clock ahead, touch -d), by this worker's clock since it first saw the file so."""
        now = time.time()
        if entry.mtime is None or now - entry.mtime >= self._settle_seconds:
            return True
        seen_state, since = self._unsettled.get(entry.path, (None, now))
        if seen_state != state:
            self._unsettled[entry.path] = (state, now)
            return False
        return entry.mtime > now and now - since >= self._settle_seconds

    def process(self, entry: InputFile):
        self._window.maybe_close()
        state = (entry.size, entry.mtime, entry.is_dir)
        if self._seen.get(entry.path) == state:
            return
        if not entry.is_dir and not self._settled(entry, state):
            return  # still being written: matched again at the next poll
        self._unsettled.pop(entry.path, None)
        self._seen[entry.path] = state
        metrics.counter(metrics.FILES_MATCHED).inc()
        self._ingest(entry)

    def _ingest(self, entry: InputFile) -> None:
        raw, letter = read_input(entry)
        if letter is not None:
            # Named by the path: a directory or vanished file has no content to address.
            self._write(DEAD_LETTER_PREFIX, sha256_hex(os.fsencode(entry.path)), [letter])  # (a name no UTF-8 too)
            self._window.add([], [letter])
            return
        content_key = sha256_hex(raw)
        if any(FileSystems.exists(output_name(self._output_dir, prefix, content_key))
               for prefix in (STORY_PREFIX, DEAD_LETTER_PREFIX)):
            metrics.counter(metrics.FILES_SKIPPED_SEEN).inc()
            return
        stories, letters = ingest_bytes(self._processor, entry.path, raw)
        if stories:
            stories = self._duplicates.mark(stories)
            self._write(STORY_PREFIX, content_key, stories)
        if letters:
            self._write(DEAD_LETTER_PREFIX, content_key, letters)
        self._window.add(stories, letters)
        LOG.info("ingested %s: %d stories, %d dead letters", entry.path, len(stories), len(letters))

    def _write(self, prefix: str, content_key: str, records: list[dict]) -> None:
        write_avro_atomic(output_name(self._output_dir, prefix, content_key), SCHEMA_OF_PREFIX[prefix], records)


class WatchAndIngest(beam.PTransform):
    """Polls the patterns every ``poll_interval`` seconds until ``stop_after`` (or forever)."""

    def __init__(self, patterns, output_dir: str, poll_interval: float, stop_after: float | None,
                 settle_seconds: float):
        super().__init__()
        self._patterns = list(patterns)
        self._output_dir = output_dir
        self._poll_interval = poll_interval
        self._stop_after = stop_after
        self._settle_seconds = settle_seconds

    def expand(self, pbegin):
        start = time.time()
        stop = start + self._stop_after if self._stop_after else MAX_TIMESTAMP
        patterns = self._patterns
        return (
            pbegin
            | "Poll" >> PeriodicImpulse(start_timestamp=start, stop_timestamp=stop, fire_interval=self._poll_interval)
            | "Match" >> beam.FlatMap(lambda _tick: [e for p in patterns for e in expand_pattern(p)])
            | "IngestAndWrite" >> beam.ParDo(
                IngestNewFileFn(self._output_dir, self._settle_seconds, max(self._poll_interval, WINDOW_SECONDS)))
        )
