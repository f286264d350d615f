"""The published forms of the output: Story and DeadLetter records as Avro-ready dicts.

Field names and types follow ``schemas/story.avsc`` and ``schemas/dead_letter.avsc``;
``tests/test_records.py`` checks every record built here against them.
"""

import hashlib
from datetime import datetime, timezone

from pipeline.extract import Fields
from pipeline.split import StoryParts

# Dead letters keep the input bytes up to this size; above it only size and hash.
RAW_CAP_BYTES = 1 << 20

STAGES = ("read", "decode", "clean", "split", "extract", "write")


def sha256_hex(raw: bytes) -> str:
    return hashlib.sha256(raw).hexdigest()


def story_id(source_sha256: str, story_index: int) -> str:
    """Stable id: a function of the input bytes (via their hash) and the story's position."""
    return f"{source_sha256[:16]}-{story_index:03d}"


def printable(text: str) -> str:
    """``text`` as valid Unicode: a file name that is no UTF-8 (bytes a GBK system wrote) comes
    from the OS with lone surrogates, which no Avro writer encodes; its bytes are shown as \\xNN."""
    try:
        text.encode("utf-8")
        return text
    except UnicodeEncodeError:
        try:
            return text.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
        except UnicodeEncodeError:
            return text.encode("utf-8", "backslashreplace").decode("utf-8")


def to_signed64(value: int) -> int:
    return value - (1 << 64) if value >= 1 << 63 else value


def story_record(
    *,
    source_uri: str,
    source_sha256: str,
    story_index: int,
    story_count: int,
    encoding: str,
    script: str,
    repairs: list[str],
    spam_chars_removed: int,
    parts: StoryParts,
    fields: Fields,
    ingested_at: datetime,
) -> dict:
    return {
        "story_id": story_id(source_sha256, story_index),
        "source_uri": printable(source_uri),
        "source_sha256": source_sha256,
        "story_index": story_index,
        "story_count": story_count,
        "encoding": encoding,
        "repairs": list(repairs),
        "script": script,
        "spam_chars_removed": spam_chars_removed,
        "kicker": parts.kicker,
        "title": parts.title,
        "subtitle": parts.subtitle,
        "byline": "\n".join(parts.bylines) or None,
        "body": parts.body,
        "published_date": fields.published_date,
        "authors": [{"name": a.name, "role": a.role} for a in fields.authors],
        "source_name": fields.source_name,
        "places": list(fields.places),
        "place_hierarchy": [
            {"name": p.name, "level": p.level, "province": p.province, "city": p.city, "county": p.county}
            for p in fields.place_hierarchy
        ],
        "organizations": list(fields.organizations),
        "people": list(fields.people),
        "keywords": list(fields.keywords),
        "is_continuation": parts.is_continuation,
        "is_photo": parts.is_photo,
        "simhash": to_signed64(fields.simhash),
        "duplicate_of": None,
        "ingested_at": ingested_at,
    }


def dead_letter_record(
    *,
    source_uri: str,
    stage: str,
    error: BaseException | str,
    raw: bytes | None = None,
    size_bytes: int | None = None,
    failed_at: datetime | None = None,
) -> dict:
    if stage not in STAGES:
        raise ValueError(f"unknown stage {stage!r}")
    if isinstance(error, BaseException):
        error_type, error_message = type(error).__name__, str(error) or type(error).__name__
    else:
        error_type, error_message = "Rejected", error
    return {
        "source_uri": printable(source_uri),
        "source_sha256": sha256_hex(raw) if raw is not None else None,
        "size_bytes": len(raw) if raw is not None else size_bytes,
        "stage": stage,
        "error_type": error_type,
        "error_message": printable(error_message),
        "raw": raw if raw is not None and len(raw) <= RAW_CAP_BYTES else None,
        "failed_at": failed_at or datetime.now(timezone.utc),
    }
