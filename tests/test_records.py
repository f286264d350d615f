"""Records built by the chain conform to the published Avro schemas."""

import io

import fastavro
import pytest

from conftest import SEEDS_DIR, seed_bytes
from pipeline.records import RAW_CAP_BYTES, dead_letter_record, story_id
from pipeline.resources import load_schema


def _roundtrip(schema_name, records):
    schema = fastavro.parse_schema(load_schema(schema_name))
    buffer = io.BytesIO()
    fastavro.writer(buffer, schema, records)
    buffer.seek(0)
    return list(fastavro.reader(buffer))


def test_every_schema_field_has_a_doc():
    for name in ("story", "dead_letter"):
        schema = load_schema(name)
        assert schema["doc"]
        for field in schema["fields"]:
            assert field.get("doc"), f"{name}.{field['name']} has no doc"


@pytest.mark.parametrize("seed", sorted(p.name[:3] for p in SEEDS_DIR.glob("*.txt")))
def test_seed_stories_roundtrip_through_avro(processor, seed):
    stories, dead = processor.process_or_dead_letter(f"seeds/{seed}", seed_bytes(seed))
    assert dead == []
    back = _roundtrip("story", stories)
    assert [r["story_id"] for r in back] == [r["story_id"] for r in stories]
    for record in back:
        assert record["body"].strip()
        assert record["story_count"] == len(stories)


def test_story_id_depends_only_on_bytes_and_position(processor):
    raw = seed_bytes("000")
    first, _ = processor.process_or_dead_letter("a/000.txt", raw)
    second, _ = processor.process_or_dead_letter("elsewhere/copy.txt", raw)
    assert [r["story_id"] for r in first] == [r["story_id"] for r in second]
    assert story_id("ab" * 32, 0) != story_id("ab" * 32, 1)


def test_dead_letter_keeps_raw_up_to_the_cap():
    small = dead_letter_record(source_uri="x", stage="decode", error=ValueError("bad"), raw=b"\x00" * 10)
    large = dead_letter_record(source_uri="y", stage="decode", error=ValueError("bad"), raw=b"\x00" * (RAW_CAP_BYTES + 1))
    back = _roundtrip("dead_letter", [small, large])
    assert back[0]["raw"] == b"\x00" * 10 and back[0]["size_bytes"] == 10
    assert back[1]["raw"] is None and back[1]["size_bytes"] == RAW_CAP_BYTES + 1
    assert back[1]["source_sha256"] and back[0]["error_type"] == "ValueError"


def test_every_repair_a_story_names_is_documented_in_the_schema(processor):
    # The schema is the output's reference: each repair kind the seeds and the test pages get,
    # as they are and in other encodings, is named in the repairs field's doc.
    import re
    from pathlib import Path

    doc = next(field["doc"] for field in load_schema("story")["fields"] if field["name"] == "repairs")
    documented = set(re.findall(r"[a-z0-9_]+", doc))
    inputs = [path.read_bytes() for path in sorted(SEEDS_DIR.glob("*.txt"))]
    inputs += [path.read_bytes() for path in sorted((Path(__file__).parent / "data" / "pages").iterdir())]
    text = seed_bytes("001").decode("utf-8")
    inputs += [text.encode("gbk"), text.encode("utf-16"), text.encode("utf-8").decode("cp1252", "replace").encode("utf-8")]
    named = {repair for raw in inputs for story in processor.process("input", raw) for repair in story["repairs"]}
    assert named - documented == set()
