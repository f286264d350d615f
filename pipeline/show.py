"""``postal-ingest show``: Avro output as a readable table or JSON lines."""

import json
import os
import sys
from datetime import datetime

import fastavro

from pipeline.beam.sinks import DEAD_LETTER_PREFIX, STORY_PREFIX

_BODY_PREVIEW = 24


def avro_files(paths: list[str], prefix: str) -> list[str]:
    """The Avro files named, and those with ``prefix`` in the directories named."""
    files = []
    for path in paths:
        if os.path.isdir(path):
            files += sorted(
                os.path.join(path, name)
                for name in os.listdir(path)
                if name.startswith(prefix + "-") and name.endswith(".avro")
            )
        else:
            files.append(path)
    return files


def read_records(files: list[str]) -> list[dict]:
    records = []
    for path in files:
        try:
            with open(path, "rb") as handle:
                records.extend(fastavro.reader(handle))
        except (OSError, ValueError) as error:
            raise ValueError(f"{path}: {error}") from error
    return records


def _json_default(value):
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, bytes):
        return f"<{len(value)} bytes>"
    raise TypeError(type(value).__name__)


def _story_row(story: dict) -> list[str]:
    return [
        story["story_id"],
        story["published_date"] or "-",
        story["title"] or "-",
        ",".join(f"{a['name']}({a['role']})" for a in story["authors"]) or "-",
        ",".join(story["places"][:3]) or "-",
        story["body"].replace("\n", " ")[:_BODY_PREVIEW],
    ]


def _dead_letter_row(letter: dict) -> list[str]:
    return [letter["source_uri"], letter["stage"], letter["error_type"], letter["error_message"][:60]]


def _table(header: list[str], rows: list[list[str]]) -> str:
    widths = [max(_width(cell) for cell in column) for column in zip(header, *rows)]
    lines = []
    for row in [header, *rows]:
        lines.append("  ".join(cell + " " * (width - _width(cell)) for cell, width in zip(row, widths)).rstrip())
    return "\n".join(lines)


def _width(text: str) -> int:
    """Terminal columns: CJK characters take two."""
    return sum(2 if "\u2e80" <= ch <= "\uffef" else 1 for ch in text)


def show_paths(paths: list[str], as_json: bool = False, dead_letters: bool = False) -> int:
    missing = [path for path in paths if not os.path.exists(path)]
    if missing:
        print(f"postal-ingest: error: no such file or directory: {', '.join(missing)}", file=sys.stderr)
        return 2
    files = avro_files(paths, DEAD_LETTER_PREFIX if dead_letters else STORY_PREFIX)
    try:
        records = read_records(files)
    except (OSError, ValueError) as error:
        print(f"postal-ingest: error: cannot read Avro: {error}", file=sys.stderr)
        return 2
    try:
        if as_json:
            for record in records:
                print(json.dumps(record, ensure_ascii=False, default=_json_default))
        elif dead_letters:
            print(_table(["source_uri", "stage", "error_type", "error_message"], [_dead_letter_row(r) for r in records]))
        else:
            print(_table(["story_id", "date", "title", "authors", "places", "body"], [_story_row(r) for r in records]))
        sys.stdout.flush()
    except BrokenPipeError:  # show … | head: the reader had enough
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())  # no second error at exit
    return 0
