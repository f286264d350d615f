"""Beam metric names shared by the DoFns and the run summary."""

from apache_beam.metrics import Metrics

NAMESPACE = "postal_ingest"

FILES_MATCHED = "files_matched"
FILES_READ = "files_read"
BYTES_READ = "bytes_read"
FILES_WITH_STORIES = "files_with_stories"
FILES_DEAD_LETTERED = "files_dead_lettered"
FILES_SKIPPED_SEEN = "files_skipped_already_processed"
STORIES_WRITTEN = "stories_written"
NEAR_DUPLICATES = "near_duplicates"
DEAD_LETTERS_BY_STAGE = "dead_letters."
REPAIRS_BY_KIND = "repairs."


def counter(name: str):
    return Metrics.counter(NAMESPACE, name)


def count_outcome(stories: list[dict], dead_letters: list[dict]) -> None:
    """Counters for one file's outcome: stories and repairs, or dead letters by stage."""
    if stories:
        counter(FILES_WITH_STORIES).inc()
        counter(STORIES_WRITTEN).inc(len(stories))
        for repair in stories[0]["repairs"]:
            counter(REPAIRS_BY_KIND + repair).inc()
    if dead_letters:
        counter(FILES_DEAD_LETTERED).inc()
    for letter in dead_letters:
        counter(DEAD_LETTERS_BY_STAGE + letter["stage"]).inc()


def counters_from_result(result) -> dict[str, int]:
    """Committed counter values of a finished pipeline, by name."""
    from apache_beam.metrics.metric import MetricsFilter

    totals: dict[str, int] = {}
    for entry in result.metrics().query(MetricsFilter().with_namespace(NAMESPACE))["counters"]:
        value = entry.committed if entry.committed is not None else entry.attempted
        totals[entry.key.metric.name] = totals.get(entry.key.metric.name, 0) + (value or 0)
    return totals


def counters_from_output(output_dir: str, since) -> dict[str, int]:
    """The counters of a run recomputed from the Avro files it wrote (records newer than ``since``).

    Stories do not record their input's size, so bytes read are not among them; nor are the
    files matched, or skipped as processed before, which leave no record.
    """
    import fastavro
    from apache_beam.io.filesystems import FileSystems

    from pipeline.beam.sinks import DEAD_LETTER_PREFIX, STORY_PREFIX

    counts: dict[str, int] = {}

    def add(name: str, value: int = 1) -> None:
        counts[name] = counts.get(name, 0) + value

    for prefix, time_field in ((STORY_PREFIX, "ingested_at"), (DEAD_LETTER_PREFIX, "failed_at")):
        for metadata in FileSystems.match([FileSystems.join(output_dir, f"{prefix}-*.avro")])[0].metadata_list:
            with FileSystems.open(metadata.path) as handle:
                records = [r for r in fastavro.reader(handle) if r[time_field] >= since]
            if not records:
                continue
            if prefix == STORY_PREFIX:
                add(FILES_READ)
                add(FILES_WITH_STORIES)
                add(STORIES_WRITTEN, len(records))
                add(NEAR_DUPLICATES, sum(1 for r in records if r["duplicate_of"]))
                for repair in records[0]["repairs"]:
                    add(REPAIRS_BY_KIND + repair)
            else:
                add(FILES_DEAD_LETTERED)
                if records[0]["stage"] != "read":
                    add(FILES_READ)
                for record in records:
                    add(DEAD_LETTERS_BY_STAGE + record["stage"])
    return counts


def format_summary(counts: dict[str, int]) -> str:
    # What a run could not count (a streaming run's matches and skips: see counters_from_output)
    # is left out, not shown as 0.
    lines = [
        "files: "
        + (f"{counts[FILES_MATCHED]} matched, " if FILES_MATCHED in counts else "")
        + f"{counts.get(FILES_READ, 0)} read"
        + (f" ({counts[BYTES_READ]:,} bytes)" if BYTES_READ in counts else "")
        + f", {counts.get(FILES_WITH_STORIES, 0)} gave stories, "
        f"{counts.get(FILES_DEAD_LETTERED, 0)} dead-lettered"
        + (f", {counts[FILES_SKIPPED_SEEN]} skipped as already processed" if FILES_SKIPPED_SEEN in counts else ""),
        f"stories written: {counts.get(STORIES_WRITTEN, 0)} "
        f"({counts.get(NEAR_DUPLICATES, 0)} marked as near-duplicates)",
    ]
    dead = {k[len(DEAD_LETTERS_BY_STAGE):]: v for k, v in counts.items() if k.startswith(DEAD_LETTERS_BY_STAGE)}
    lines.append("dead letters by stage: " + (", ".join(f"{k} {v}" for k, v in sorted(dead.items())) or "none"))
    repairs = {k[len(REPAIRS_BY_KIND):]: v for k, v in counts.items() if k.startswith(REPAIRS_BY_KIND)}
    lines.append("repairs by kind (files): " + (", ".join(f"{k} {v}" for k, v in sorted(repairs.items())) or "none"))
    return "\n".join(lines)
