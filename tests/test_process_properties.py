"""Any bytes in: stories or a dead letter out, both valid against the published schemas."""

import re

import fastavro
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import seed_bytes
from pipeline.resources import load_schema

# Text fields hold no control characters other than line breaks and tabs: downstream stores
# reject NUL, and the rest is noise no reader sees.
CONTROL_CHARACTER = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")
STORY_SCHEMA = fastavro.parse_schema(load_schema("story"))
DEAD_LETTER_SCHEMA = fastavro.parse_schema(load_schema("dead_letter"))

seed_fragments = st.sampled_from(["000", "001", "002", "003", "004"]).flatmap(
    lambda seed: st.tuples(st.integers(0, len(seed_bytes(seed))), st.integers(0, 3000)).map(
        lambda span: seed_bytes(seed)[span[0] : span[0] + span[1]]
    )
)
inputs = st.one_of(
    st.binary(max_size=2000),
    seed_fragments,
    st.tuples(seed_fragments, st.binary(max_size=50), seed_fragments).map(lambda parts: b"".join(parts)),
    st.text(max_size=500).flatmap(
        lambda text: st.sampled_from(["utf-8", "utf-16", "gb18030"]).map(lambda codec: text.encode(codec))
    ),
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(raw=inputs)
def test_any_bytes_give_stories_or_one_dead_letter(processor, raw):
    stories, dead = processor.process_or_dead_letter("input.bin", raw)
    assert bool(stories) != bool(dead)
    for story in stories:
        assert fastavro.validate(story, STORY_SCHEMA, raise_errors=True)
        assert story["body"].strip()
        assert not CONTROL_CHARACTER.search(story["body"] + (story["title"] or ""))
    for letter in dead:
        assert fastavro.validate(letter, DEAD_LETTER_SCHEMA, raise_errors=True)
        assert letter["raw"] == raw and letter["stage"] in ("decode", "clean", "split", "extract")
