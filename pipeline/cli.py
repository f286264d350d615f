"""``postal-ingest``: run the pipeline, or show its Avro output."""

import argparse
import logging
import os
import signal
import sys


def main(argv: list[str] | None = None) -> int:
    # Before Beam is imported: its import-time warnings about absent cloud clients are noise here.
    logging.basicConfig(level=logging.ERROR, format="%(levelname)s %(name)s: %(message)s")
    logging.getLogger("pipeline").setLevel(logging.INFO)
    logging.getLogger("jieba").setLevel(logging.WARNING)  # its dictionary-loading chatter
    from pipeline.beam.options import add_run_arguments, options_from_namespace, reject_unrecognised

    parser = argparse.ArgumentParser(prog="postal-ingest", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    run = commands.add_parser("run", help="process input files into Avro stories and dead letters",
                              epilog="Beam's own flags are passed to Beam (e.g. --runner, --direct_num_workers).")
    add_run_arguments(run)
    show = commands.add_parser("show", help="print Avro output as a table, or JSON lines")
    show.add_argument("paths", nargs="+", metavar="PATH", help="Avro files or output directories")
    show.add_argument("--json", action="store_true", help="one JSON record per line")
    show.add_argument("--dead-letters", action="store_true", help="show dead letters instead of stories")

    args, extra = parser.parse_known_args(argv)
    if args.command == "show":
        if extra:
            parser.error(f"unrecognized arguments: {' '.join(extra)}")
        from pipeline.show import show_paths

        return show_paths(args.paths, as_json=args.json, dead_letters=args.dead_letters)
    reject_unrecognised(run, extra)
    return _run(options_from_namespace(args, extra))


def _run(options) -> int:
    from pipeline.beam import metrics
    from pipeline.beam.run import StoppedByUser, UsageError, run_with_options

    if options.streaming:
        # Ctrl-C (SIGINT) is how a streaming run ends. A shell starting a command in the
        # background makes it ignore SIGINT, and Python keeps an inherited "ignore".
        signal.signal(signal.SIGINT, signal.default_int_handler)
    try:
        counts = run_with_options(options)
    except UsageError as error:
        print(f"postal-ingest: error: {error}", file=sys.stderr)
        return 2
    except StoppedByUser as stop:
        print(metrics.format_summary(stop.counts))
        print(f"output: {options.output} (stopped by Ctrl-C)")
        sys.stdout.flush()
        # The local runner's streaming threads are not daemons and would keep the process alive.
        os._exit(0)
    except KeyboardInterrupt:
        print("postal-ingest: interrupted; output files written so far are complete", file=sys.stderr)
        return 130
    print(metrics.format_summary(counts))
    print(f"output: {options.output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
