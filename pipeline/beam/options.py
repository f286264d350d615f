"""Command-line options of ``postal-ingest run``; unknown flags pass through to Beam."""

import argparse
from dataclasses import dataclass

from apache_beam.options.pipeline_options import PipelineOptions, StandardOptions

# The DirectRunner first tries to download the Prism runner; the FnApiRunner runs in-process.
DEFAULT_RUNNER = "FnApiRunner"


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
    return options_from_namespace(known, beam_args)


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
    value = float(text)
    if value <= 0:
        raise argparse.ArgumentTypeError(f"must be positive: {text}")
    return value


def _non_negative(text: str) -> float:
    value = float(text)
    if value < 0:
        raise argparse.ArgumentTypeError(f"must not be negative: {text}")
    return value
