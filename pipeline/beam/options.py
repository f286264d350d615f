"""Command-line options of ``postal-ingest run``; Beam's own flags pass through to Beam."""

import argparse
import math
from dataclasses import dataclass

from apache_beam.options.pipeline_options import PipelineOptions, StandardOptions, _BeamArgumentParser

# The DirectRunner first tries to download the Prism runner; the FnApiRunner runs in-process.
DEFAULT_RUNNER = "FnApiRunner"
LOCAL_RUNNERS = {"FnApiRunner", "DirectRunner", "BundleBasedDirectRunner", "SwitchingDirectRunner", "PrismRunner"}


@dataclass(frozen=True)
class RunOptions:
    inputs: tuple[str, ...]
    output: str
    streaming: bool
    poll_interval: float
    stop_after: float | None
    settle_seconds: float
    beam_args: tuple[str, ...]

    def pipeline_options(self) -> PipelineOptions:
        options = PipelineOptions(list(self.beam_args))
        standard = options.view_as(StandardOptions)
        if not standard.runner:
            standard.runner = DEFAULT_RUNNER
        standard.streaming = self.streaming
        return options


def add_run_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--input", dest="inputs", action="append", metavar="GLOB",
                        help="input file pattern, repeatable (default: seeds/*)")
    parser.add_argument("--output", default="out/", metavar="DIR", help="output directory (default: out/)")
    parser.add_argument("--streaming", action="store_true",
                        help="watch the input patterns and process every new file once, until stopped")
    parser.add_argument("--poll-interval", type=_positive, default=2.0, metavar="SECONDS",
                        help="streaming: how often the patterns are matched again (default: 2)")
    parser.add_argument("--stop-after", type=_positive, default=None, metavar="SECONDS",
                        help="streaming: stop watching after this many seconds (default: run until Ctrl-C)")
    parser.add_argument("--settle-seconds", type=_non_negative, default=2.0, metavar="SECONDS",
                        help="streaming: a file is read only once unmodified this long (default: 2)")


def parse_run_options(argv: list[str]) -> RunOptions:
    parser = argparse.ArgumentParser(prog="postal-ingest run")
    add_run_arguments(parser)
    known, beam_args = parser.parse_known_args(argv)
    reject_unrecognised(parser, beam_args)
    return options_from_namespace(known, beam_args)


def reject_unrecognised(parser: argparse.ArgumentParser, beam_args: list[str]) -> None:
    """On the local runners, exit through ``parser.error`` for an argument neither ours nor any
    Beam option's: they drop it with a warning, so a misspelt --outptu wrote to the default
    directory, a positional pattern was ignored for the default one. A portable runner passes
    such flags, and their values, on to its job server (Flink's --checkpointing_interval 30000)."""
    beam_parser = _BeamArgumentParser(allow_abbrev=False)  # as PipelineOptions parses its flags
    for options_class in {str(cls): cls for cls in PipelineOptions.__subclasses__()}.values():
        options_class._add_argparse_args(beam_parser)
    known, unrecognised = beam_parser.parse_known_args(beam_args)
    if unrecognised and str(known.runner or DEFAULT_RUNNER).rsplit(".", 1)[-1] in LOCAL_RUNNERS:
        parser.error(f"unrecognized arguments: {' '.join(unrecognised)}")


def options_from_namespace(known: argparse.Namespace, beam_args: list[str]) -> RunOptions:
    return RunOptions(
        inputs=tuple(known.inputs or ["seeds/*"]),
        output=known.output,
        streaming=known.streaming,
        poll_interval=known.poll_interval,
        stop_after=known.stop_after,
        settle_seconds=known.settle_seconds,
        beam_args=tuple(beam_args),
    )


def _positive(text: str) -> float:
    value = _finite(text)
    if value <= 0:
        raise argparse.ArgumentTypeError(f"must be positive: {text}")
    return value


def _non_negative(text: str) -> float:
    value = _finite(text)
    if value < 0:
        raise argparse.ArgumentTypeError(f"must not be negative: {text}")
    return value


def _finite(text: str) -> float:
    value = float(text)
    if not math.isfinite(value):  # nan, inf: no time a run can wait (their arithmetic crashed the run)
        raise argparse.ArgumentTypeError(f"must be a finite number of seconds: {text}")
    return value
