"""A tiny run of the benchmark harness: it runs end to end and writes the agreed results file.

No timing is asserted: only that each measurement happened and the ratios are positive numbers.
"""

import json
import re

import pytest

from bench.__main__ import main
from bench.corpus import KINDS, corpus_for, describe

SMOKE_FILES = 8  # one file per plain encoding (the first kinds); every kind is checked on the corpus below
REQUIRED_RATIOS = ("beam_vs_bare", "bare_vs_jieba", "decode_vs_charset_normalizer")


def _beam_entry_point_exists() -> bool:
    try:
        import pipeline.beam.run  # noqa: F401
    except ImportError:
        return False
    return True


@pytest.fixture(scope="module")
def results(tmp_path_factory):
    root = tmp_path_factory.mktemp("bench")
    output = root / "results.json"
    skip = ["rss", "chardet", "ftfy", "trafilatura"]
    if not _beam_entry_point_exists():
        skip.append("beam")
    main(
        ["--files", str(SMOKE_FILES), "--beam-files", "3", "--beam-workers", "1", "--repeat", "1"]
        + ["--corpus-root", str(root / "corpus"), "--output", str(output), "--skip", *skip]
    )
    return json.loads(output.read_text(encoding="utf-8"))


def test_results_have_positive_required_ratios(results):
    expected = REQUIRED_RATIOS if _beam_entry_point_exists() else REQUIRED_RATIOS[1:]
    for key in expected:
        assert isinstance(results["ratios"][key], float) and results["ratios"][key] > 0, key


def test_every_stage_and_the_bare_loop_measured_every_file(results):
    measured = results["measurements"]
    for name in ("decode+repair", "bare loop (Processor)"):
        assert measured[name]["files"] == SMOKE_FILES
        assert measured[name]["bytes"] == results["corpus"]["bytes"]
    for name in ("clean", "split", "extract", "jieba.lcut", "charset_normalizer"):
        assert measured[name]["files"] > 0 and measured[name]["mb_per_s"] > 0


def test_bare_loop_accounts_for_every_file(results):
    bare = results["measurements"]["bare loop (Processor)"]
    # process_or_dead_letter gives each file stories or one dead letter, never neither
    assert bare["stories"] >= SMOKE_FILES - bare["dead_letters"]


def test_corpus_is_deterministic_and_has_every_kind(tmp_path):
    first = corpus_for(len(KINDS), tmp_path / "a")
    second = corpus_for(len(KINDS), tmp_path / "b")
    assert [f.kind for f in first.files] == list(KINDS)
    for a, b in zip(first.paths(), second.paths()):
        assert a.read_bytes() == b.read_bytes()
    assert describe(first)["files"] == len(KINDS)


def test_corpus_files_are_in_the_encoding_their_kind_names(tmp_path):
    corpus = corpus_for(len(KINDS), tmp_path)
    raw = {f.kind: (corpus.directory / f.path).read_bytes() for f in corpus.files}
    assert raw["plain-utf-8-sig"].startswith(b"\xef\xbb\xbf")
    assert "邮政" in raw["plain-utf-16-le"].decode("utf-16")
    assert "邮政" in raw["plain-utf-16-be"].decode("utf-16")
    assert "邮政" in raw["plain-gbk"].decode("gbk")
    assert "郵政" in raw["plain-big5"].decode("big5")
    assert "é" in raw["plain-latin-1-en"].decode("latin-1")
    # mojibake copies are valid UTF-8 whose text is wrong: the original words are gone
    for kind in ("mojibake-utf-8-as-gbk", "mojibake-utf-8-as-cp1252", "mojibake-gbk-as-utf-8"):
        assert "邮政" not in raw[kind].decode("utf-8")
    # a page that declares UTF-8 but is GBK
    lying = raw["html-spam-gbk-lying-charset"]
    assert b'charset="utf-8"' in lying and "邮政" in lying.decode("gbk")
    assert re.search(r"\w\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]+\)", raw["html-spam-big5-pinyin"].decode("big5"))


def test_newspaper_pages_are_wrapped_short_lines(tmp_path):
    corpus = corpus_for(len(KINDS), tmp_path)
    (page,) = corpus.paths("newspaper-utf-8")
    lines = [line for line in page.read_text(encoding="utf-8").splitlines() if line.strip()]
    unjustified = [line.replace(" ", "") for line in lines if "□" not in line]
    assert len(lines) > 20
    assert max(len(line) for line in unjustified) <= 25
