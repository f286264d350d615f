"""Avro outputs: a fastavro FileSink for sharded batch writes, and whole-file atomic writes."""

from collections.abc import Iterable

import fastavro
from apache_beam.io import fileio
from apache_beam.io.filesystems import FileSystems

from pipeline.resources import load_schema

STORY_PREFIX = "stories"
DEAD_LETTER_PREFIX = "dead_letters"
SCHEMA_OF_PREFIX = {STORY_PREFIX: "story", DEAD_LETTER_PREFIX: "dead_letter"}


def parsed_schema(name: str) -> dict:
    return fastavro.parse_schema(load_schema(name))


class AvroSink(fileio.FileSink):
    """Streams records into one Avro container file per shard."""

    def __init__(self, schema_name: str):
        self._schema_name = schema_name
        self._writer = None

    def open(self, fh):
        self._writer = fastavro.write.Writer(fh, parsed_schema(self._schema_name), codec="deflate")

    def write(self, record):
        self._writer.write(record)

    def flush(self):
        self._writer.flush()


def write_avro_atomic(path: str, schema_name: str, records: Iterable[dict]) -> None:
    """Write a whole Avro file under a temporary name, then rename it into place.

    Readers globbing ``stories-*.avro`` never see a half-written file.
    """
    temporary = path + ".tmp"
    with FileSystems.create(temporary) as handle:
        fastavro.writer(handle, parsed_schema(schema_name), records, codec="deflate")
    FileSystems.rename([temporary], [path])
