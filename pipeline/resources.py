"""Access to package data (schemas, lexicons, tables) through importlib.resources, and to
jieba's dictionary, read once per process and shared by the stages, with tables derived from
jieba's files kept in a cache directory for the next worker's set-up.

Remote workers install the wheel and have no checkout, so nothing here reads the
working directory.
"""

import contextlib
import hashlib
import json
import logging
import marshal
import os
import tempfile
from collections.abc import Callable, Iterable
from functools import cache
from importlib import resources

import jieba


class Memo(dict):
    """``compute(key)`` remembered per key, read in C (``map(memo.__getitem__, keys)``), and
    forgotten all at once past ``limit`` keys: a stream's words are many but repeat. Hits cost
    less than functools.lru_cache's, which keeps an order of use."""

    def __init__(self, compute: Callable, limit: int) -> None:
        super().__init__()
        self._compute = compute
        self._limit = limit

    def __missing__(self, key):
        if len(self) >= self._limit:
            self.clear()
        value = self[key] = self._compute(key)
        return value


def data_path(package: str, name: str):
    """A Traversable for ``name`` in ``package``'s ``data/`` folder."""
    return resources.files(package).joinpath("data", name)


def read_data_text(package: str, name: str) -> str:
    return data_path(package, name).read_text(encoding="utf-8")


def data_lines(package: str, name: str) -> list[str]:
    """Non-empty, non-comment lines of a text data file."""
    return [
        line.strip()
        for line in read_data_text(package, name).splitlines()
        if line.strip() and not line.lstrip().startswith("#")
    ]


@cache
def load_schema(name: str) -> dict:
    """A parsed Avro schema from ``schemas/`` ("story" or "dead_letter")."""
    text = resources.files("pipeline").joinpath("schemas", f"{name}.avsc").read_text(encoding="utf-8")
    return json.loads(text)


def cache_dir() -> str:
    """Where tables derived from jieba's and the package's data are kept: $POSTAL_INGEST_CACHE or the
    system temp dir (never HOME)."""
    path = os.environ.get("POSTAL_INGEST_CACHE") or os.path.join(tempfile.gettempdir(), "postal-ingest-cache")
    os.makedirs(path, exist_ok=True)
    return path


@cache
def _jieba_dictionary() -> tuple[dict[str, int], int]:
    """jieba's dictionary (word or word prefix -> frequency, and their total), read once per
    process: the decode and extract stages each hold a tokenizer on it. Kept in the cache
    directory as jieba's own cache keeps it, but read whole before unmarshalling (jieba's
    marshal.load from the file took 0.6 s, this 0.2 s)."""
    logging.getLogger("jieba").setLevel(logging.WARNING)

    def build() -> dict:
        with jieba.Tokenizer().get_dict_file() as file:
            frequencies, total = jieba.Tokenizer.gen_pfdict(file)
        return {"frequencies": frequencies, "total": total}

    table = cached_in_cache_dir("jieba-dictionary", build)
    return table["frequencies"], table["total"]


def cached_in_cache_dir(name: str, build: Callable[[], dict]) -> dict:
    """``build()``, kept in cache_dir() for later processes (a worker's set-up then reads it
    instead of parsing jieba's text files again); keyed by jieba's version, whose files the
    tables are read from."""
    path = os.path.join(cache_dir(), f"{name}-jieba-{jieba.__version__}.marshal")
    try:
        with open(path, "rb") as file:
            return marshal.loads(file.read())  # marshal.load(file) reads object by object: 3x slower
    except (OSError, EOFError, ValueError, TypeError):
        pass
    value = build()
    partial = f"{path}.{os.getpid()}"  # workers starting together each write their own, then rename
    try:
        with open(partial, "wb") as file:
            marshal.dump(value, file)
        os.replace(partial, path)
    except OSError:  # a read-only or full cache directory: the next process builds it again
        with contextlib.suppress(OSError):
            os.remove(partial)
    return value


def cached_derived(name: str, inputs: Iterable[bytes], build: Callable[[], dict]) -> dict:
    """``build()``, kept in cache_dir() under a digest of ``inputs``: the bytes of the data and
    the source files it is derived from, so that a change to any of them builds it afresh."""
    digest = hashlib.sha256()
    for data in inputs:
        digest.update(hashlib.sha256(data).digest())
    return cached_in_cache_dir(f"{name}-{digest.hexdigest()[:16]}", build)


def package_files(package: str, *names: str) -> list[bytes]:
    """The bytes of files in ``package`` (its modules' sources, ``data/...``), for cached_derived."""
    return [resources.files(package).joinpath(name).read_bytes() for name in names]


def jieba_tokenizer(private: bool = False) -> jieba.Tokenizer:
    """A jieba tokenizer on jieba's dictionary; ``private``: on a copy of it, for adding words."""
    frequencies, total = _jieba_dictionary()
    tokenizer = jieba.Tokenizer()
    tokenizer.FREQ, tokenizer.total = (dict(frequencies) if private else frequencies), total
    tokenizer.initialized = True
    return tokenizer
