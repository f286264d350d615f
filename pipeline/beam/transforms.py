"""Composite transforms of the batch pipeline: inputs -> stories and dead letters -> Avro."""

import apache_beam as beam
from apache_beam.io import fileio

from pipeline.beam import metrics
from pipeline.beam.dofns import DEAD_LETTERS, IngestFileFn
from pipeline.beam.sinks import SCHEMA_OF_PREFIX, AvroSink
from pipeline.beam.sources import expand_pattern


def _expand_counted(patterns: tuple[str, ...]):
    """Every entry the patterns match, once: a file two patterns match is one input."""
    seen = set()
    for pattern in patterns:
        for entry in expand_pattern(pattern):
            if entry.path not in seen:
                seen.add(entry.path)
                metrics.counter(metrics.FILES_MATCHED).inc()
                yield entry


class ExpandInputs(beam.PTransform):
    """Input patterns -> every matched file (and directory), spread over the workers."""

    def __init__(self, patterns):
        super().__init__()
        self._patterns = list(patterns)

    def expand(self, pbegin):
        return (
            pbegin
            | "Patterns" >> beam.Create([tuple(self._patterns)])
            | "Match" >> beam.FlatMap(_expand_counted)
            | "Spread" >> beam.Reshuffle()
        )


class IngestFiles(beam.PTransform):
    """Matched inputs -> tagged outputs ``stories`` and ``dead_letters``."""

    def expand(self, entries):
        return entries | "Ingest" >> beam.ParDo(IngestFileFn()).with_outputs(DEAD_LETTERS, main="stories")


class WriteAvro(beam.PTransform):
    """Records -> ``DIR/<prefix>-SSSSS-of-NNNNN.avro`` with the prefix's schema."""

    def __init__(self, output_dir: str, prefix: str):
        super().__init__()
        self._output_dir = output_dir
        self._prefix = prefix

    def expand(self, records):
        schema_name = SCHEMA_OF_PREFIX[self._prefix]
        return records | "Write" >> fileio.WriteToFiles(
            path=self._output_dir,
            file_naming=fileio.default_file_naming(self._prefix, ".avro"),
            sink=lambda _destination: AvroSink(schema_name),
        )
