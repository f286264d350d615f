"""Builds and runs the pipeline for ``postal-ingest run``; returns the run's counters."""

import os
from datetime import datetime, timezone

import apache_beam as beam
from apache_beam.io.filesystems import FileSystems
from apache_beam.options.pipeline_options import DirectOptions, StandardOptions

from pipeline.beam import metrics
from pipeline.beam.dedup import WriteMarkedStories, leftover_staging_dirs, remove_staging
from pipeline.beam.options import RunOptions, parse_run_options
from pipeline.beam.sinks import DEAD_LETTER_PREFIX, STORY_PREFIX
from pipeline.beam.sources import expand_pattern, has_wildcard
from pipeline.beam.streaming import WatchAndIngest
from pipeline.beam.transforms import ExpandInputs, IngestFiles, WriteAvro


class UsageError(Exception):
    """Bad arguments: reported as one line and a non-zero exit, not a traceback."""


class StoppedByUser(Exception):
    """Ctrl-C ended a streaming run; carries the counters of what it wrote."""

    def __init__(self, counts: dict[str, int]):
        super().__init__("stopped by the user")
        self.counts = counts


def check_options(options: RunOptions) -> None:
    if options.streaming:
        _check_streaming_runner(options)
    else:
        unmatched = [pattern for pattern in options.inputs if not expand_pattern(pattern)]
        if unmatched:
            raise UsageError(f"no file matches {', '.join(unmatched)}")
    _check_output_writable(options.output)


def _check_streaming_runner(options: RunOptions) -> None:
    """The FnApiRunner with several workers drops the watch's pending polls: it would end early, silently."""
    beam_options = options.pipeline_options()
    runner = str(beam_options.view_as(StandardOptions).runner).rsplit(".", 1)[-1]
    workers = beam_options.view_as(DirectOptions).direct_num_workers
    if runner == "FnApiRunner" and workers != 1:
        raise UsageError(f"--streaming on the {runner} needs --direct_num_workers=1 (got {workers}); "
                         "for parallel streaming use a distributed runner (deploy/)")


def _check_output_writable(output_dir: str) -> None:
    if has_wildcard(output_dir):
        # Beam's file systems match and delete by pattern: out? would be out1, a sibling's output.
        raise UsageError(f"output directory {output_dir} holds a wildcard (*, ? or [): name it plainly")
    probe = FileSystems.join(output_dir, ".postal-ingest-write-check")
    try:
        if "://" not in output_dir:
            os.makedirs(output_dir, exist_ok=True)
        with FileSystems.create(probe) as handle:
            handle.write(b"")
        FileSystems.delete([probe])
    except Exception as error:
        raise UsageError(f"output directory {output_dir} is not writable: {error}") from error


def _batch_shards(output_dir: str) -> set[str]:
    patterns = [FileSystems.join(output_dir, f"{prefix}-*-of-*.avro") for prefix in (STORY_PREFIX, DEAD_LETTER_PREFIX)]
    return {m.path for result in FileSystems.match(patterns) for m in result.metadata_list}


def _remove_replaced_batch_output(output_dir: str, earlier_shards: set[str]) -> None:
    """Once a batch run has written its shards, those of an earlier batch run into the same
    directory that it did not write over: an interrupted or failed run leaves the earlier
    output whole."""
    stale = sorted(earlier_shards - _batch_shards(output_dir))  # (one named as a new one was replaced)
    if stale:
        FileSystems.delete(stale)
    # fileio's emptied temporary directories (.temp…), which it leaves behind
    if "://" not in output_dir:
        for entry in os.scandir(output_dir):
            if entry.name.startswith(".temp") and entry.is_dir() and not os.listdir(entry.path):
                os.rmdir(entry.path)


def build_batch(pipeline: beam.Pipeline, options: RunOptions) -> None:
    outputs = pipeline | "Inputs" >> ExpandInputs(options.inputs) | "Process" >> IngestFiles()
    outputs.stories | "WriteStories" >> WriteMarkedStories(options.output)
    outputs.dead_letters | "WriteDeadLetters" >> WriteAvro(options.output, DEAD_LETTER_PREFIX)


def build_streaming(pipeline: beam.Pipeline, options: RunOptions) -> None:
    pipeline | "WatchInputs" >> WatchAndIngest(
        options.inputs, options.output, options.poll_interval, options.stop_after, options.settle_seconds
    )


def run_pipeline(argv: list[str]) -> dict[str, int]:
    """Run ``postal-ingest run`` with these arguments; the counters of the finished run."""
    return run_with_options(parse_run_options(argv))


def _interrupted(error: BaseException) -> bool:
    """Whether ``error`` is a Ctrl-C: KeyboardInterrupt itself, or the RuntimeError Beam raises
    in its place when it lands inside a step ("KeyboardInterrupt [while running 'WatchInputs/Match']")."""
    while error is not None:
        if isinstance(error, KeyboardInterrupt) or str(error).startswith("KeyboardInterrupt"):
            return True
        error = error.__cause__ or error.__context__
    return False


def run_with_options(options: RunOptions) -> dict[str, int]:
    check_options(options)
    pipeline = beam.Pipeline(options=options.pipeline_options())
    if options.streaming:
        started = datetime.now(timezone.utc)
        build_streaming(pipeline, options)
        # The local runner's streaming metrics overflow the stack on long runs, and the
        # output directory is the record that holds on every runner: count from it.
        try:
            pipeline.run().wait_until_finish()
        except (KeyboardInterrupt, RuntimeError) as error:  # Ctrl-C: how an unbounded watch ends
            if not _interrupted(error):
                raise
            raise StoppedByUser(metrics.counters_from_output(options.output, since=started)) from None
        return metrics.counters_from_output(options.output, since=started)
    for staging_dir in leftover_staging_dirs(options.output):  # an interrupted batch run's
        remove_staging(staging_dir)
    earlier_shards = _batch_shards(options.output)
    build_batch(pipeline, options)
    try:
        result = pipeline.run()
        result.wait_until_finish()
    except (KeyboardInterrupt, RuntimeError) as error:
        if _interrupted(error):
            raise KeyboardInterrupt from None  # Beam's RuntimeError in its place: one line, not its traceback
        raise
    _remove_replaced_batch_output(options.output, earlier_shards)
    return metrics.counters_from_result(result)
