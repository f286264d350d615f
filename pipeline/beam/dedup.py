"""Near-duplicate marking across a batch run: SimHash bands meet under GroupByKey.

Works unchanged on distributed runners: no story ever needs to see more than the
stories sharing one of its band keys.
"""

import apache_beam as beam

from pipeline.beam import metrics
from pipeline.extract.simhash import NEAR_DUPLICATE_MAX_DISTANCE, band_keys, hamming_distance


def precedence(story: dict) -> tuple:
    """Which of two near-duplicates is the earlier: dated before undated, then by source and index."""
    return (story["published_date"] or "9999-99-99", story["source_uri"], story["story_index"])


def _band_entries(story: dict):
    summary = (story["story_id"], precedence(story), story["simhash"])
    for key in band_keys(story["simhash"] & (1 << 64) - 1):
        yield key, summary


def _earlier_duplicates(band_members):
    """(story_id, (precedence, earlier story_id)) for every later member of a near-duplicate pair."""
    _, members = band_members
    members = sorted(set(members), key=lambda m: m[1])
    for later_index, (later_id, _, later_hash) in enumerate(members):
        for earlier_id, earlier_order, earlier_hash in members[:later_index]:
            if hamming_distance(earlier_hash, later_hash) <= NEAR_DUPLICATE_MAX_DISTANCE:
                yield later_id, (earlier_order, earlier_id)
                break


def _with_duplicate_of(joined):
    _, grouped = joined
    earliest = min(grouped["earlier"], default=None)
    for story in grouped["story"]:
        if earliest is not None:
            metrics.counter(metrics.NEAR_DUPLICATES).inc()
            story = {**story, "duplicate_of": earliest[1]}
        yield story


class MarkNearDuplicates(beam.PTransform):
    """Sets ``duplicate_of`` to the earliest near-duplicate story of the same PCollection."""

    def expand(self, stories):
        earlier = (
            stories
            | "BandKeys" >> beam.FlatMap(_band_entries)
            | "GroupByBand" >> beam.GroupByKey()
            | "FindEarlier" >> beam.FlatMap(_earlier_duplicates)
        )
        by_id = stories | "KeyById" >> beam.Map(lambda s: (s["story_id"], s))
        return (
            {"story": by_id, "earlier": earlier}
            | "Join" >> beam.CoGroupByKey()
            | "SetDuplicateOf" >> beam.FlatMap(_with_duplicate_of)
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
