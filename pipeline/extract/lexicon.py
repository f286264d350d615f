"""Loading of the extract stage's package data (word lists and tables)."""

from pipeline.resources import data_lines, read_data_text

PACKAGE = "pipeline.extract"


def word_set(name: str) -> frozenset[str]:
    """Whitespace-separated words of a data file, comments skipped."""
    return frozenset(word for line in data_lines(PACKAGE, name) for word in line.split())


def tsv_rows(name: str) -> list[list[str]]:
    """Tab-separated rows, empty trailing columns kept, comments skipped."""
    return [
        line.split("\t")
        for line in read_data_text(PACKAGE, name).splitlines()
        if line.strip() and not line.startswith("#")
    ]
