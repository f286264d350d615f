"""The batch pipeline end to end on the local runner: seeds and bad inputs, nothing lost."""

import os
import shutil

import pytest

from beam_helpers import read_output
from conftest import SEEDS_DIR
from pipeline.beam.dedup import STAGING_PREFIX
from pipeline.beam.dofns import ingest_file
from pipeline.beam.run import run_pipeline
from pipeline.beam.sources import InputFile

PNG_HEADER = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"


@pytest.fixture(scope="module")
def seed_run(tmp_path_factory):
    output = tmp_path_factory.mktemp("out")
    counts = run_pipeline(["--input", str(SEEDS_DIR / "*"), "--output", str(output)])
    return counts, read_output(output, "stories"), read_output(output, "dead_letters")


def test_every_seed_gives_stories_with_bodies(seed_run):
    counts, stories, dead = seed_run
    assert dead == []
    assert {os.path.basename(s["source_uri"])[:3] for s in stories} == {"000", "001", "002", "003", "004"}
    for story in stories:
        assert story["body"].strip()
        assert story["encoding"] and story["script"] in ("simplified", "traditional")
        assert 0 <= story["story_index"] < story["story_count"]
    assert counts["files_matched"] == 5 and counts["files_with_stories"] == 5
    assert counts["stories_written"] == len(stories)


def test_story_ids_are_unique_and_indices_complete(seed_run):
    _, stories, _ = seed_run
    assert len({s["story_id"] for s in stories}) == len(stories)
    by_file = {}
    for story in stories:
        by_file.setdefault(story["source_sha256"], []).append(story["story_index"])
    for indices in by_file.values():
        assert sorted(indices) == list(range(len(indices)))


def test_bad_inputs_become_dead_letters_and_the_run_goes_on(tmp_path):
    inputs = tmp_path / "in"
    inputs.mkdir()
    (inputs / "empty.txt").write_bytes(b"")
    (inputs / "image.png").write_bytes(PNG_HEADER + os.urandom(2000))
    (inputs / "invalid.txt").write_bytes(bytes(range(0x80, 0x100)) * 8 + b"\x00\x01\x02" * 50)
    (inputs / "a_directory").mkdir()
    os.mkfifo(inputs / "a_pipe")  # reading it waited for ever
    os.symlink(inputs / "gone.txt", inputs / "a_broken_link")  # skipped without a word
    shutil.copy(next(SEEDS_DIR.glob("000_*")), inputs / "good.txt")
    output = tmp_path / "out"

    counts = run_pipeline(["--input", str(inputs / "*"), "--output", str(output)])

    stories = read_output(output, "stories")
    dead = {os.path.basename(d["source_uri"]): d for d in read_output(output, "dead_letters")}
    assert {os.path.basename(s["source_uri"]) for s in stories} == {"good.txt"}
    assert set(dead) == {"empty.txt", "image.png", "invalid.txt", "a_directory", "a_pipe", "a_broken_link"}
    assert dead["a_directory"]["stage"] == "read" and dead["a_directory"]["error_type"] == "IsADirectoryError"
    assert "a named pipe" in dead["a_pipe"]["error_message"]
    assert "a symbolic link to nothing" in dead["a_broken_link"]["error_message"]
    for name in ("empty.txt", "image.png", "invalid.txt"):
        assert dead[name]["stage"] == "decode", dead[name]
        assert dead[name]["raw"] == (inputs / name).read_bytes()
        assert dead[name]["error_message"]
    assert counts["files_matched"] == 7
    assert counts["files_with_stories"] + counts["files_dead_lettered"] == 7


def test_file_without_chinese_text_is_accounted_for(tmp_path):
    inputs = tmp_path / "in"
    inputs.mkdir()
    (inputs / "english.txt").write_text("China Post opened a new sorting centre.\nIt handles parcels.\n")
    output = tmp_path / "out"
    run_pipeline(["--input", str(inputs / "*"), "--output", str(output)])
    outcomes = read_output(output, "stories") + read_output(output, "dead_letters")
    assert {os.path.basename(r["source_uri"]) for r in outcomes} == {"english.txt"}


def test_file_deleted_between_match_and_read_is_dead_lettered(processor, tmp_path):
    vanished = tmp_path / "gone.txt"
    vanished.write_bytes("本报讯 邮政".encode())
    entry = InputFile(str(vanished), size=vanished.stat().st_size, mtime=vanished.stat().st_mtime)
    vanished.unlink()
    stories, dead = ingest_file(processor, entry)
    assert stories == []
    assert [(d["stage"], d["source_uri"], d["size_bytes"]) for d in dead] == [("read", str(vanished), 16)]
    assert dead[0]["error_type"] == "FileNotFoundError"


def test_compressed_files_are_opened_by_their_content_not_their_name(processor, tmp_path):
    # Beam opened .gz by its name and returned 16 MiB at most: 17 MiB of text was cut silently;
    # a text named .gz was a read dead letter.
    import gzip

    from pipeline.beam.sources import read_bytes

    text = next(SEEDS_DIR.glob("001_*")).read_bytes()
    big = text * (17 * 1024 * 1024 // len(text) + 1)
    (tmp_path / "big.txt.gz").write_bytes(gzip.compress(big, compresslevel=1))
    (tmp_path / "plain.gz").write_bytes(text)
    assert read_bytes(str(tmp_path / "big.txt.gz")) == (tmp_path / "big.txt.gz").read_bytes()
    stories, dead = ingest_file(processor, InputFile(str(tmp_path / "plain.gz")))
    assert dead == [] and stories[0]["body"]


def _first_run(tmp_path) -> tuple:
    """(input dir, output dir, story ids) of a batch run over one seed."""
    inputs = tmp_path / "in"
    inputs.mkdir()
    shutil.copy(next(SEEDS_DIR.glob("001_*")), inputs / "one.txt")
    output = tmp_path / "out"
    run_pipeline(["--input", str(inputs / "*"), "--output", str(output)])
    return inputs, output, sorted(s["story_id"] for s in read_output(output, "stories"))


def test_a_second_batch_run_replaces_the_first(tmp_path):
    inputs, output, first = _first_run(tmp_path)
    interrupted = output / (STAGING_PREFIX + "0123abcd")  # what a run killed before its rewrite leaves
    interrupted.mkdir()
    (interrupted / "stories-00000-of-00001.avro").write_bytes(b"Obj\x01")

    run_pipeline(["--input", str(inputs / "*"), "--output", str(output)])

    assert sorted(s["story_id"] for s in read_output(output, "stories")) == first
    assert {name.split("-")[0] for name in os.listdir(output)} == {"stories"}  # no staging left


def test_a_traditional_mirror_copy_is_marked_as_near_duplicate(tmp_path):
    import opencc

    inputs = tmp_path / "in"
    inputs.mkdir()
    original = next(SEEDS_DIR.glob("000_*")).read_text(encoding="utf-8")
    mirror = opencc.OpenCC("s2t").convert(original) + "\n\n最新影视,在线播放,免费观看,高清导航\n"
    (inputs / "a_original.txt").write_text(original, encoding="utf-8")
    (inputs / "b_mirror.txt").write_text(mirror, encoding="big5", errors="ignore")
    shutil.copy(next(SEEDS_DIR.glob("001_*")), inputs / "c_other.txt")
    (inputs / "d_copy.txt").write_text(original, encoding="utf-8")  # the original's bytes again
    output = tmp_path / "out"

    counts = run_pipeline(["--input", str(inputs / "*"), "--output", str(output)])

    by_name = {os.path.basename(s["source_uri"]): s for s in read_output(output, "stories")}
    assert by_name["b_mirror.txt"]["script"] == "traditional"
    assert by_name["b_mirror.txt"]["duplicate_of"] == by_name["a_original.txt"]["story_id"]
    assert by_name["c_other.txt"]["duplicate_of"] is None
    # a copy of the same bytes shares the original's story_id: neither is marked, by itself least
    assert by_name["d_copy.txt"]["story_id"] == by_name["a_original.txt"]["story_id"]
    assert by_name["a_original.txt"]["duplicate_of"] is None and by_name["d_copy.txt"]["duplicate_of"] is None
    assert counts["near_duplicates"] == 1


def test_a_file_name_that_is_no_utf8_and_a_file_two_patterns_match(tmp_path):
    # A GBK system's file name reaches Python with lone surrogates, which no Avro writer
    # encodes: the run crashed, writing nothing; a file two patterns match is one input.
    inputs = tmp_path / "in"
    inputs.mkdir()
    gbk_name = os.fsdecode("中文.txt".encode("gbk"))
    shutil.copy(next(SEEDS_DIR.glob("001_*")), inputs / gbk_name)
    shutil.copy(next(SEEDS_DIR.glob("000_*")), inputs / "one.txt")
    output = tmp_path / "out"

    counts = run_pipeline(["--input", str(inputs / "*"), "--input", str(inputs / "one*"), "--output", str(output)])

    uris = sorted(os.path.basename(s["source_uri"]) for s in read_output(output, "stories"))
    assert counts["files_matched"] == 2
    assert uris == ["\\xd6\\xd0\\xce\\xc4.txt", "one.txt"]


def test_a_failed_batch_run_leaves_the_earlier_output_whole(tmp_path, monkeypatch):
    import types

    import apache_beam as beam

    from pipeline.beam import transforms

    inputs, output, first = _first_run(tmp_path)

    def failing(self, entries):
        return types.SimpleNamespace(
            stories=entries | "Fail" >> beam.Map(_fail), dead_letters=entries | "None" >> beam.Filter(lambda _: False)
        )

    monkeypatch.setattr(transforms.IngestFiles, "expand", failing)
    with pytest.raises(Exception, match="disk full"):
        run_pipeline(["--input", str(inputs / "*"), "--output", str(output)])
    assert sorted(s["story_id"] for s in read_output(output, "stories")) == first


def _fail(_entry):
    raise OSError("disk full")


def test_streaming_index_marks_stories_already_in_the_output_directory(processor, tmp_path):
    from pipeline.beam.dedup import DirectoryDuplicateIndex
    from pipeline.beam.sinks import write_avro_atomic

    original, _ = processor.process_or_dead_letter("a.txt", next(SEEDS_DIR.glob("000_*")).read_bytes())
    write_avro_atomic(str(tmp_path / "stories-0000000000000000.avro"), "story", original)
    index = DirectoryDuplicateIndex(str(tmp_path))
    copy = [{**original[0], "story_id": "copy-000", "source_uri": "copy.txt"}]
    other, _ = processor.process_or_dead_letter("b.txt", next(SEEDS_DIR.glob("001_*")).read_bytes())

    assert index.mark(copy)[0]["duplicate_of"] == original[0]["story_id"]
    assert index.mark(other)[0]["duplicate_of"] is None


@pytest.mark.parametrize("suffix", ["", "/"])
def test_a_directory_named_alone_is_its_files(tmp_path, suffix):
    # --input DIR was one dead letter ("is a directory"); DIR/ added that letter to its files'.
    inputs = tmp_path / "in"
    inputs.mkdir()
    shutil.copy(next(SEEDS_DIR.glob("000_*")), inputs / "one.txt")
    output = tmp_path / "out"
    counts = run_pipeline(["--input", str(inputs) + suffix, "--output", str(output)])
    assert counts["files_matched"] == 1 and read_output(output, "dead_letters") == []
    assert [os.path.basename(s["source_uri"]) for s in read_output(output, "stories")] == ["one.txt"]
