"""The bare chain: one file's bytes through every stage to story records.

No Beam here: the Beam DoFn, the benchmarks and the tests all call ``Processor``.
"""

from datetime import datetime, timezone

from pipeline.clean import CleanedText, Cleaner
from pipeline.decode import Decoder
from pipeline.extract import Extractor
from pipeline.records import dead_letter_record, sha256_hex, story_record
from pipeline.split import SplitPage, Splitter


class StageError(Exception):
    """A stage raised on one input; carries the stage's name for the dead letter."""

    def __init__(self, stage: str, cause: BaseException):
        super().__init__(f"{stage}: {type(cause).__name__}: {cause}")
        self.stage = stage
        self.cause = cause


class Processor:
    """Holds every stage's loaded resources; build once per worker, call per file."""

    def __init__(self) -> None:
        self.decoder = Decoder()
        self.cleaner = Cleaner()
        self.splitter = Splitter()
        self.extractor = Extractor()

    def process(self, source_uri: str, raw: bytes, ingested_at: datetime | None = None) -> list[dict]:
        """Story records for one file; raises ``StageError`` naming the failing stage."""
        ingested_at = ingested_at or datetime.now(timezone.utc)
        decoded = _run("decode", self.decoder.decode, raw)
        cleaned = _run("clean", self.cleaner.clean, decoded.text)
        stories, split_repairs = [], []  # (story, the text it was split from)
        for page, document in _run("split", split_documents, self.splitter, cleaned):
            stories += [(parts, document) for parts in page.stories if parts.body.strip()]
            split_repairs += [repair for repair in page.repairs if repair not in split_repairs]
        if not stories:
            raise StageError("split", ValueError("no story text left after cleaning"))
        repairs = [*decoded.repairs, *cleaned.repairs, *split_repairs]
        digest = sha256_hex(raw)
        records = []
        for index, (parts, document) in enumerate(stories):
            fields = _run("extract", self.extractor.extract, parts, document)
            records.append(
                story_record(
                    source_uri=source_uri,
                    source_sha256=digest,
                    story_index=index,
                    story_count=len(stories),
                    encoding=decoded.encoding,
                    script=decoded.script,
                    repairs=repairs,
                    spam_chars_removed=cleaned.spam_chars_removed,
                    parts=parts,
                    fields=fields,
                    ingested_at=ingested_at,
                )
            )
        return records

    def process_or_dead_letter(self, source_uri: str, raw: bytes) -> tuple[list[dict], list[dict]]:
        """(stories, dead letters) for one file: exactly one of the two lists is non-empty."""
        try:
            return self.process(source_uri, raw), []
        except StageError as error:
            return [], [dead_letter_record(source_uri=source_uri, stage=error.stage, error=error.cause, raw=raw)]


def split_documents(splitter: Splitter, cleaned: CleanedText) -> list[tuple[SplitPage, str]]:
    """(page, document) for each document of a cleaned file: a feed's entries are articles
    whatever their layout, any other text is split as its layout says."""
    if cleaned.entries:
        return [(splitter.split_article(document), document) for document in cleaned.documents]
    return [(splitter.split(document, cleaned.paragraph_lines), document) for document in cleaned.documents]


def _run(stage, function, *args):
    try:
        return function(*args)
    except Exception as cause:  # any failure of a stage becomes a dead letter, never a crash
        raise StageError(stage, cause) from cause
