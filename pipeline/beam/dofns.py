"""DoFns: read one input and run the stages on it, counting what happened."""

import logging
import time

import apache_beam as beam

from pipeline.beam import metrics
from pipeline.beam.sources import InputFile, read_bytes
from pipeline.records import dead_letter_record

DEAD_LETTERS = "dead_letters"
LOG = logging.getLogger("pipeline")


class ProgressLog:
    """Logs how many files this worker has done, at most every ``every_seconds``."""

    def __init__(self, every_seconds: float = 10.0):
        self.every_seconds = every_seconds
        self.files = 0
        self._last = time.monotonic()

    def tick(self) -> None:
        self.files += 1
        now = time.monotonic()
        if now - self._last >= self.every_seconds:
            self._last = now
            LOG.info("progress: %d files processed by this worker", self.files)


def read_input(entry: InputFile) -> tuple[bytes | None, dict | None]:
    """(bytes, None), or (None, a dead letter) for a directory or an unreadable file."""
    if entry.is_dir:
        error = IsADirectoryError(f"{entry.path} is a directory, not a file")
    elif entry.special:
        error = OSError(f"{entry.path} is {entry.special}, not a regular file")
    else:
        try:
            raw = read_bytes(entry.path)
        except Exception as read_error:  # vanished, unreadable: dead-lettered, the run goes on
            error = read_error
        else:
            metrics.counter(metrics.FILES_READ).inc()
            metrics.counter(metrics.BYTES_READ).inc(len(raw))
            return raw, None
    letter = dead_letter_record(source_uri=entry.path, stage="read", error=error, size_bytes=entry.size)
    metrics.count_outcome([], [letter])
    return None, letter


def ingest_bytes(processor, path: str, raw: bytes) -> tuple[list[dict], list[dict]]:
    stories, letters = processor.process_or_dead_letter(path, raw)
    metrics.count_outcome(stories, letters)
    return stories, letters


def ingest_file(processor, entry: InputFile) -> tuple[list[dict], list[dict]]:
    """(stories, dead letters) for one matched input; never raises for bad input."""
    raw, letter = read_input(entry)
    if letter is not None:
        return [], [letter]
    return ingest_bytes(processor, entry.path, raw)


class IngestFileFn(beam.DoFn):
    """InputFile -> story records (main output) and dead-letter records (tagged output)."""

    def setup(self):
        from pipeline.process import Processor  # stage resources load once per worker

        self._processor = Processor()
        self._progress = ProgressLog()

    def process(self, entry: InputFile):
        stories, letters = ingest_file(self._processor, entry)
        self._progress.tick()
        yield from stories
        for letter in letters:
            yield beam.pvalue.TaggedOutput(DEAD_LETTERS, letter)
