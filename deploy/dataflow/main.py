"""Flex Template entry point: runs ``postal-ingest run`` with the template's parameters.

The template launcher passes every parameter of metadata.json as ``--name=value``, names in
snake case and booleans as ``true``/``false``; the CLI spells its flags with hyphens and
``--streaming`` takes no value. Those are translated here; every other flag (project, region,
temp_location, sdk_container_image, ...) goes to Beam unchanged.
"""

import argparse
import sys

from pipeline.beam.options import add_run_arguments
from pipeline.cli import main


def _cli_flags() -> tuple[set[str], set[str]]:
    """(every flag of the run command, the flags that take no value)."""
    parser = argparse.ArgumentParser(add_help=False)
    add_run_arguments(parser)
    flags, switches = set(), set()
    for action in parser._actions:
        flags.update(action.option_strings)
        if action.nargs == 0:
            switches.update(action.option_strings)
    return flags, switches


def cli_args(template_argv: list[str]) -> list[str]:
    """The ``run`` command's arguments for the launcher's ``--name=value`` arguments."""
    flags, switches = _cli_flags()
    translated = []
    for arg in template_argv:
        name, has_value, value = arg.partition("=")
        flag = name.replace("_", "-")
        if not name.startswith("--") or flag not in flags:
            translated.append(arg)
        elif flag in switches:
            if not has_value or value.lower() == "true":
                translated.append(flag)
            elif value.lower() != "false":
                raise SystemExit(f"{name} takes true or false, not {value!r}")
        else:
            translated.append(f"{flag}={value}" if has_value else flag)
    return translated


if __name__ == "__main__":
    sys.exit(main(["run", *cli_args(sys.argv[1:])]))
