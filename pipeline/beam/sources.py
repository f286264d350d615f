"""Finding and reading input files on any Beam filesystem (local, gs://, s3://, ...)."""

import glob
import os
import stat
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
    special: str | None = None  # what a matched entry that is no regular file is ("a named pipe")


def _is_local(pattern: str) -> bool:
    return "://" not in pattern


def has_wildcard(path: str) -> bool:
    """Whether Beam's file systems would read ``path`` as a pattern."""
    return any(char in path for char in "*?[")


def expand_pattern(pattern: str) -> list[InputFile]:
    """Every entry the pattern matches, sorted by path.

    Beam's match lists only files; on the local filesystem the directories a glob
    matches are listed too, since every matched input must end as stories or a dead letter.
    """
    if _is_local(pattern) and not has_wildcard(pattern) and os.path.isdir(pattern):
        pattern = os.path.join(pattern, "*")  # a directory named alone: the files in it
    matches = FileSystems.match([pattern])[0].metadata_list
    found = {m.path: InputFile(m.path, m.size_in_bytes, m.last_updated_in_seconds) for m in matches}
    if _is_local(pattern):
        for path in glob.glob(pattern):
            if os.path.isdir(path):
                found[path] = InputFile(path, is_dir=True)
            elif special := _special_kind(path):  # reading a pipe would wait for ever
                found[path] = InputFile(path, special=special)
    return sorted(found.values(), key=lambda f: f.path)


def _special_kind(path: str) -> str | None:
    """What a local entry that is neither a directory nor a regular file is; None for a file."""
    try:
        mode = os.stat(path).st_mode
    except FileNotFoundError:
        return "a symbolic link to nothing" if os.path.islink(path) else None
    except OSError:
        return None  # unreadable: the read says why
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISFIFO(mode):
        return "a named pipe"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "a device" if stat.S_ISCHR(mode) or stat.S_ISBLK(mode) else "no regular file"


def read_bytes(path: str) -> bytes:
    """The file's bytes as stored: Beam would inflate a .gz, .bz2 or .xz by its name, and its
    reader returns 16 MiB at most (a bigger text was cut silently, a bomb read as empty, a text
    named .gz failed); the decode stage opens compressed files by their content, within limits."""
    with FileSystems.open(path, compression_type=CompressionTypes.UNCOMPRESSED) as handle:
        return handle.read()
