"""Benchmark harness: ``python -m bench --size small|large`` (``make bench``).

corpus: deterministic corpus from seeds/; inprocess: stages, bare loop and peers on one core;
beam: the Beam pipeline end to end; rss: peak memory in child processes; timing: the timed loop.
"""
