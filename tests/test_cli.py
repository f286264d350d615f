"""The command line: argument errors, the run summary, and reading output with `show`."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import SEEDS_DIR
from pipeline.cli import main

ROOT = Path(__file__).resolve().parent.parent


def test_no_matching_input_is_one_line_and_exit_2(tmp_path, capsys):
    code = main(["run", "--input", str(tmp_path / "nothing-*.txt"), "--output", str(tmp_path / "out")])
    err = capsys.readouterr().err
    assert code == 2
    assert err.strip().count("\n") == 0 and "no file matches" in err


def test_unwritable_output_is_one_line_and_exit_2(tmp_path, capsys):
    blocker = tmp_path / "a-file"
    blocker.write_text("x")
    code = main(["run", "--input", str(SEEDS_DIR / "000_*"), "--output", str(blocker / "out")])
    err = capsys.readouterr().err
    assert code == 2
    assert err.strip().count("\n") == 0 and "not writable" in err


def test_an_output_directory_named_with_a_wildcard_is_refused(tmp_path, capsys):
    # Beam matches and deletes by pattern: out? named a sibling out1, whose output went.
    (tmp_path / "out1").mkdir()
    (tmp_path / "out1" / "stories-00000-of-00001.avro").write_bytes(b"Obj\x01")
    code = main(["run", "--input", str(SEEDS_DIR / "000_*"), "--output", str(tmp_path / "out?")])
    assert code == 2 and "wildcard" in capsys.readouterr().err
    assert (tmp_path / "out1" / "stories-00000-of-00001.avro").exists()


@pytest.mark.parametrize(("value", "message"), [("-1", "must be positive"), ("nan", "finite number"), ("inf", "finite number")])
def test_bad_option_value_exits_2_without_traceback(value, message):
    result = subprocess.run([sys.executable, "-m", "pipeline", "run", "--poll-interval", value],
                            cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 2
    assert "Traceback" not in result.stderr and message in result.stderr


@pytest.mark.parametrize("arguments", [["--outptu", "elsewhere"], ["--streming"], ["seeds/000*"]])
def test_an_argument_neither_ours_nor_beams_is_an_error(tmp_path, arguments, capsys):
    # Beam drops flags it does not know: a misspelt --output wrote to the default directory.
    with pytest.raises(SystemExit) as exit_info:
        main(["run", "--input", str(SEEDS_DIR / "000_*"), *arguments])
    assert exit_info.value.code == 2
    assert "unrecognized arguments" in capsys.readouterr().err


@pytest.fixture(scope="module")
def seed_output(tmp_path_factory):
    output = tmp_path_factory.mktemp("out")
    result = subprocess.run(
        [sys.executable, "-m", "pipeline", "run", "--input", str(SEEDS_DIR / "*"), "--output", str(output)],
        cwd=ROOT, capture_output=True, text=True, timeout=300,
    )
    assert result.returncode == 0, result.stderr
    return output, result.stdout


def test_run_prints_a_summary_accounting_for_every_file(seed_output):
    _, stdout = seed_output
    assert "files: 5 matched, 5 read" in stdout
    assert "5 gave stories, 0 dead-lettered" in stdout
    assert "dead letters by stage: none" in stdout


def test_show_prints_a_table_with_a_row_per_story(seed_output, capsys):
    output, _ = seed_output
    assert main(["show", str(output)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].split() == ["story_id", "date", "title", "authors", "places", "body"]
    assert any("2019-08-23" in line for line in lines[1:])


def test_show_json_gives_one_parseable_record_per_line(seed_output, capsys):
    output, _ = seed_output
    assert main(["show", "--json", *sorted(str(p) for p in output.glob("stories-*.avro"))]) == 0
    records = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert records and all(r["body"] for r in records)
    assert {r["source_uri"].rsplit("/", 1)[-1][:3] for r in records} == {"000", "001", "002", "003", "004"}


def test_show_missing_path_is_one_line_and_exit_2(tmp_path, capsys):
    assert main(["show", str(tmp_path / "missing")]) == 2
    assert "no such file" in capsys.readouterr().err


def test_show_into_a_closed_pipe_ends_quietly(seed_output):
    # show … | head: the reader closes the pipe early; a BrokenPipeError traceback followed.
    output, _ = seed_output
    show = subprocess.Popen([sys.executable, "-m", "pipeline", "show", "--json", str(output)], cwd=ROOT,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    show.stdout.readline()
    show.stdout.close()
    _, err = show.communicate(timeout=60)
    assert b"Traceback" not in err and b"BrokenPipe" not in err


def test_a_summary_leaves_out_what_the_run_could_not_count():
    # A streaming run's summary comes from the records it wrote: files matched or skipped as
    # processed before leave none, and it printed "0 matched, 0 skipped" after skipping five.
    from pipeline.beam.metrics import FILES_MATCHED, FILES_READ, FILES_WITH_STORIES, format_summary

    streaming = format_summary({FILES_READ: 2, FILES_WITH_STORIES: 2})
    assert streaming.splitlines()[0] == "files: 2 read, 2 gave stories, 0 dead-lettered"
    batch = format_summary({FILES_MATCHED: 3, FILES_READ: 3, FILES_WITH_STORIES: 3})
    assert batch.startswith("files: 3 matched, 3 read")
