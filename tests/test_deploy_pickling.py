"""What a remote worker receives: every transform and DoFn pickles with Beam's pickler,
carries no loaded stage resources, and works in a fresh interpreter with no launcher state."""

import copy
import importlib
import json
import os
import pkgutil
import subprocess
import sys
from pathlib import Path

import apache_beam as beam
import pytest
from apache_beam.internal import pickler
from apache_beam.pipeline import PipelineVisitor

import pipeline
from beam_helpers import read_output
from conftest import SEEDS_DIR, seed_path
from pipeline.beam.dofns import IngestFileFn
from pipeline.beam.options import parse_run_options
from pipeline.beam.run import build_batch, build_streaming, run_pipeline
from pipeline.beam.streaming import IngestNewFileFn

ROOT = Path(__file__).resolve().parent.parent
# A DoFn ships to every worker; its resources load in setup(). Anything near this size
# means a lexicon or model was captured at construction.
MAX_PICKLED_DOFN_BYTES = 64 * 1024


class _CollectTransforms(PipelineVisitor):
    def __init__(self):
        self.transforms = []

    def enter_composite_transform(self, node):
        if node.transform is not None:
            self.transforms.append(node.transform)

    def visit_transform(self, node):
        self.transforms.append(node.transform)


def _transforms_of(mode_flags: list[str], tmp_path: Path) -> list:
    options = parse_run_options(["--input", str(SEEDS_DIR / "*"), "--output", str(tmp_path / "out"), *mode_flags])
    built = beam.Pipeline(options=options.pipeline_options())
    (build_streaming if options.streaming else build_batch)(built, options)
    visitor = _CollectTransforms()
    built.visit(visitor)
    return visitor.transforms


@pytest.mark.parametrize("mode_flags", [[], ["--streaming", "--stop-after", "5"]], ids=["batch", "streaming"])
def test_every_transform_and_dofn_roundtrips_through_beams_pickler(mode_flags, tmp_path):
    transforms = _transforms_of(mode_flags, tmp_path)
    dofns = [t.fn for t in transforms if isinstance(t, beam.ParDo)]
    expected_fn = IngestNewFileFn if mode_flags else IngestFileFn
    assert any(isinstance(fn, expected_fn) for fn in dofns)
    for transform in transforms:
        restored = pickler.loads(pickler.dumps(transform))
        assert type(restored) is type(transform)
    for fn in dofns:
        encoded = pickler.dumps(fn)
        restored = pickler.loads(encoded)
        assert type(restored) is type(fn)
        if type(fn).__module__.startswith("pipeline."):
            assert len(encoded) < MAX_PICKLED_DOFN_BYTES, f"{type(fn).__name__} pickles to {len(encoded)} bytes"
            assert not hasattr(restored, "_processor"), "stage resources must load in setup(), not before pickling"


_FRESH_WORKER = """
import json, sys
from apache_beam.internal import pickler
from pipeline.beam.sources import InputFile

seed, size = sys.argv[1], int(sys.argv[2])
emitted = {}
for name in sys.argv[3:]:
    with open(name, "rb") as handle:
        fn = pickler.loads(handle.read())
    fn.setup()
    outputs = fn.process(InputFile(seed, size=size, mtime=0.0)) or ()
    emitted[name] = sorted(o["story_id"] for o in outputs if isinstance(o, dict))
print(json.dumps(emitted))
"""


def test_pickled_dofns_work_in_a_fresh_interpreter(processor, tmp_path):
    """The worker side: a new process with no launcher state unpickles, sets up and processes."""
    output = tmp_path / "out"
    output.mkdir()
    (tmp_path / "batch.pickle").write_bytes(pickler.dumps(IngestFileFn()))
    (tmp_path / "streaming.pickle").write_bytes(pickler.dumps(IngestNewFileFn(str(output), settle_seconds=0.0)))
    seed = seed_path("003")
    expected = sorted(s["story_id"] for s in processor.process_or_dead_letter(str(seed), seed.read_bytes())[0])

    result = subprocess.run(
        [sys.executable, "-c", _FRESH_WORKER, str(seed), str(seed.stat().st_size), "batch.pickle", "streaming.pickle"],
        cwd=tmp_path, env={**os.environ, "PYTHONPATH": str(ROOT)}, capture_output=True, text=True, timeout=120,
    )
    assert result.returncode == 0, result.stderr
    emitted = json.loads(result.stdout.splitlines()[-1])
    assert emitted["batch.pickle"] == expected
    # The streaming DoFn writes its own content-addressed Avro file instead of emitting.
    assert emitted["streaming.pickle"] == []
    assert sorted(s["story_id"] for s in read_output(output, "stories")) == expected


def _pipeline_modules():
    names = [info.name for info in pkgutil.walk_packages(pipeline.__path__, "pipeline.")]
    return [importlib.import_module(name) for name in names if not name.endswith("__main__")]


def _globals_snapshot(modules) -> dict:
    snapshot = {}
    for module in modules:
        for name, value in vars(module).items():
            if name.startswith("__"):
                continue
            content = copy.copy(value) if isinstance(value, (dict, list, set)) else None
            snapshot[(module.__name__, name)] = (id(value), content)
    return snapshot


def test_a_run_sets_no_module_level_globals(tmp_path):
    """Workers never see the launcher's module state, so a run must not create or rely on any."""
    modules = _pipeline_modules()
    before = _globals_snapshot(modules)
    run_pipeline(["--input", str(SEEDS_DIR / "00[01]_*"), "--output", str(tmp_path / "out")])
    after = _globals_snapshot(modules)
    assert set(after) == set(before), f"globals added: {sorted(set(after) - set(before))}"
    changed = [key for key in before if after[key] != before[key]]
    assert changed == [], f"module globals rebound or mutated by a run: {changed}"
