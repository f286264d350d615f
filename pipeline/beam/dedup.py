"""Near-duplicate marking: SimHash bands meet under GroupByKey (batch), or an index of the
output directory (streaming).

Batch runs write every story to a staging directory first, find the near-duplicate pairs from
small summaries, then rewrite each staged file with ``duplicate_of`` set. Holding the stories
until the pairs are known would keep the whole corpus in memory on the local runner, which
keeps every grouped collection whole. Works unchanged on distributed runners: no story ever
needs to see more than the stories sharing one of its band keys.
"""

import uuid

import apache_beam as beam
import fastavro
from apache_beam.io.filesystems import FileSystems

from pipeline.beam import metrics
from pipeline.beam.sinks import STORY_PREFIX, write_avro_atomic
from pipeline.beam.transforms import WriteAvro
from pipeline.extract.simhash import NEAR_DUPLICATE_MAX_DISTANCE, band_keys, hamming_distance

STAGING_PREFIX = ".staging-"


def precedence(story: dict) -> tuple:
    """Which of two near-duplicates is the earlier: dated before undated, then by source and index."""
    return (story["published_date"] or "9999-99-99", story["source_uri"], story["story_index"])


def _band_entries(story: dict):
    summary = (story["story_id"], precedence(story), story["simhash"])
    for key in band_keys(story["simhash"] & (1 << 64) - 1):
        yield key, summary


def _earlier_duplicates(band_members):
    """(story_id, (precedence, earlier story_id)) for every later member of a near-duplicate pair.
    Copies of one file's bytes share their story_id (the schema's stable id): a later copy makes
    no pair, as in streaming; else the earliest copy was marked a duplicate of itself."""
    _, members = band_members
    members = sorted(set(members), key=lambda m: m[1])
    seen_ids = set()
    for later_index, (later_id, _, later_hash) in enumerate(members):
        if later_id in seen_ids:
            continue  # a later copy: what its id is marked with, its earliest copy says
        seen_ids.add(later_id)
        for earlier_id, earlier_order, earlier_hash in members[:later_index]:
            if hamming_distance(earlier_hash, later_hash) <= NEAR_DUPLICATE_MAX_DISTANCE:
                yield later_id, (earlier_order, earlier_id)
                break


def _rewrite_marked(file_name: str, staging_dir: str, output_dir: str, earliest: dict[str, tuple]) -> str:
    """Copy one staged story file into the output directory, ``duplicate_of`` set; the new path."""

    def marked(stories):
        for story in stories:
            earlier = earliest.get(story["story_id"])
            if earlier is not None:
                metrics.counter(metrics.NEAR_DUPLICATES).inc()
                story["duplicate_of"] = earlier[1]
            yield story

    final_path = FileSystems.join(output_dir, file_name)
    with FileSystems.open(FileSystems.join(staging_dir, file_name)) as handle:
        write_avro_atomic(final_path, "story", marked(fastavro.reader(handle)))
    return final_path


def remove_staging(staging_dir: str) -> None:
    """Delete a staging directory and the files in it (on object stores: the files under it)."""
    staged = [m.path for m in FileSystems.match([FileSystems.join(staging_dir, "*")])[0].metadata_list]
    if staged:
        FileSystems.delete(staged)
    if FileSystems.exists(staging_dir):
        FileSystems.delete([staging_dir])


def leftover_staging_dirs(output_dir: str) -> set[str]:
    """Staging directories an interrupted batch run left in ``output_dir``.

    Local globs list the directories; object stores, which have none, list the files under them.
    """
    directories, files = FileSystems.match(
        [FileSystems.join(output_dir, STAGING_PREFIX + "*"), FileSystems.join(output_dir, STAGING_PREFIX + "*", "*")]
    )
    return {m.path for m in directories.metadata_list} | {FileSystems.split(m.path)[0] for m in files.metadata_list}


class WriteMarkedStories(beam.PTransform):
    """Stories -> ``DIR/stories-*.avro``, each ``duplicate_of`` the earliest near-duplicate of the run."""

    def __init__(self, output_dir: str):
        super().__init__()
        self._output_dir = output_dir

    def expand(self, stories):
        staging_dir = FileSystems.join(self._output_dir, STAGING_PREFIX + uuid.uuid4().hex)
        earliest = (
            stories
            | "BandKeys" >> beam.FlatMap(_band_entries)
            | "GroupByBand" >> beam.GroupByKey()
            | "FindEarlier" >> beam.FlatMap(_earlier_duplicates)
            | "Earliest" >> beam.CombinePerKey(min)
        )
        return (
            stories
            | "Stage" >> WriteAvro(staging_dir, STORY_PREFIX)
            | "StagedNames" >> beam.Map(lambda result: result.file_name)
            | "Spread" >> beam.Reshuffle()
            | "Rewrite" >> beam.Map(_rewrite_marked, staging_dir, self._output_dir, beam.pvalue.AsDict(earliest))
            | "AllRewritten" >> beam.combiners.Count.Globally()
            | "RemoveStaging" >> beam.Map(lambda _count: remove_staging(staging_dir))
        )


class DirectoryDuplicateIndex:
    """Band index over the stories already written to a streaming output directory.

    Streaming has no GroupByKey (see ``streaming``), so a worker marks a new story
    against what the shared output directory holds: every worker re-reads the story
    files it has not indexed yet before marking, so the index is the directory's.
    """

    def __init__(self, output_dir: str):
        self._output_dir = output_dir
        self._indexed_files: set[str] = set()
        self._bands: dict[str, list[tuple]] = {}

    def _refresh(self) -> None:
        import fastavro
        from apache_beam.io.filesystems import FileSystems

        pattern = FileSystems.join(self._output_dir, "stories-*.avro")
        for metadata in FileSystems.match([pattern])[0].metadata_list:
            if metadata.path in self._indexed_files:
                continue
            with FileSystems.open(metadata.path) as handle:
                for story in fastavro.reader(handle):
                    self._add(story)
            self._indexed_files.add(metadata.path)

    def _add(self, story: dict) -> None:
        for key, summary in _band_entries(story):
            self._bands.setdefault(key, []).append(summary)

    def mark(self, stories: list[dict]) -> list[dict]:
        """The stories with ``duplicate_of`` set from the directory's earlier stories."""
        self._refresh()
        marked = []
        for story in stories:
            candidates = {
                (order, story_id)
                for key in band_keys(story["simhash"] & (1 << 64) - 1)
                for story_id, order, simhash in self._bands.get(key, ())
                if story_id != story["story_id"]
                and hamming_distance(simhash, story["simhash"]) <= NEAR_DUPLICATE_MAX_DISTANCE
            }
            if candidates:
                metrics.counter(metrics.NEAR_DUPLICATES).inc()
                story = {**story, "duplicate_of": min(candidates)[1]}
            marked.append(story)
        return marked
