"""Access to package data (schemas, lexicons, tables) through importlib.resources.

Remote workers install the wheel and have no checkout, so nothing here reads the
working directory.
"""

import json
from functools import cache
from importlib import resources


def data_path(package: str, name: str):
    """A Traversable for ``name`` in ``package``'s ``data/`` folder."""
    return resources.files(package).joinpath("data", name)


def read_data_text(package: str, name: str) -> str:
    return data_path(package, name).read_text(encoding="utf-8")


def data_lines(package: str, name: str) -> list[str]:
    """Non-empty, non-comment lines of a text data file."""
    return [
        line.strip()
        for line in read_data_text(package, name).splitlines()
        if line.strip() and not line.lstrip().startswith("#")
    ]


@cache
def load_schema(name: str) -> dict:
    """A parsed Avro schema from ``schemas/`` ("story" or "dead_letter")."""
    text = resources.files("pipeline").joinpath("schemas", f"{name}.avsc").read_text(encoding="utf-8")
    return json.loads(text)
