"""Loading of the extract stage's package data (word lists and tables), and of jieba's IDF and
part-of-speech tables."""

import gzip
from importlib import resources

import jieba

from pipeline.resources import cached_in_cache_dir, data_lines, data_path

PACKAGE = "pipeline.extract"


def word_set(name: str) -> frozenset[str]:
    """Whitespace-separated words of a data file, comments skipped."""
    return frozenset(word for line in data_lines(PACKAGE, name) for word in line.split())


def jieba_idf() -> dict[str, float]:
    """jieba.analyse's IDF table: each word's inverse document frequency."""
    return cached_in_cache_dir("jieba-idf", _read_jieba_idf)


def _read_jieba_idf() -> dict[str, float]:
    text = resources.files("jieba.analyse").joinpath("idf.txt").read_text(encoding="utf-8")
    idf = {}
    for line in text.splitlines():
        word, _, value = line.partition(" ")
        if value:
            idf[word] = float(value)
    return idf


def jieba_word_tags() -> dict[str, str]:
    """The part-of-speech tag of each word of jieba's dictionary, as jieba.posseg reads it."""
    return cached_in_cache_dir("jieba-word-tags", _read_word_tags)


def _read_word_tags() -> dict[str, str]:
    tags = {}
    with jieba.Tokenizer().get_dict_file() as file:
        for line in file:
            word, _, tag = line.decode("utf-8").strip().split(" ")
            tags[word] = tag
    return tags


def tsv_rows(name: str) -> list[list[str]]:
    """Tab-separated rows (of a .tsv or .tsv.gz file), empty trailing columns kept, comments skipped."""
    raw = data_path(PACKAGE, name).read_bytes()
    text = (gzip.decompress(raw) if name.endswith(".gz") else raw).decode("utf-8")
    return [line.split("\t") for line in text.splitlines() if line.strip() and not line.startswith("#")]
