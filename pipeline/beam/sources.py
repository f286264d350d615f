"""Finding and reading input files on any Beam filesystem (local, gs://, s3://, ...)."""

import glob
import os
from dataclasses import dataclass

from apache_beam.io.filesystem import CompressionTypes
from apache_beam.io.filesystems import FileSystems


@dataclass(frozen=True)
class InputFile:
    """One match of an input pattern. Directories are kept so that they can be dead-lettered."""

    path: str
    size: int | None = None
    mtime: float | None = None
    is_dir: bool = False


def _is_local(pattern: str) -> bool:
    return "://" not in pattern


def expand_pattern(pattern: str) -> list[InputFile]:
    """Every entry the pattern matches, sorted by path.

    Beam's match lists only files; on the local filesystem the directories a glob
    matches are listed too, since every matched input must end as stories or a dead letter.
    """
    matches = FileSystems.match([pattern])[0].metadata_list
    found = {m.path: InputFile(m.path, m.size_in_bytes, m.last_updated_in_seconds) for m in matches}
    if _is_local(pattern):
        for path in glob.glob(pattern):
            if os.path.isdir(path):
                found[path] = InputFile(path, is_dir=True)
    return sorted(found.values(), key=lambda f: f.path)


def read_bytes(path: str) -> bytes:
    """The file's bytes as stored: Beam would inflate a .gz, .bz2 or .xz by its name, and its
    reader returns 16 MiB at most (a bigger text was cut silently, a bomb read as empty, a text
    named .gz failed); the decode stage opens compressed files by their content, within limits."""
    with FileSystems.open(path, compression_type=CompressionTypes.UNCOMPRESSED) as handle:
        return handle.read()
