import os
import tempfile
from pathlib import Path

import pytest

# First-run caches (jieba's dictionary cache) go to a temp dir, never into HOME.
os.environ.setdefault("POSTAL_INGEST_CACHE", os.path.join(tempfile.gettempdir(), "postal-ingest-test-cache"))

SEEDS_DIR = Path(__file__).resolve().parent.parent / "seeds"


def seed_path(prefix: str) -> Path:
    """The seed file whose name starts with ``prefix`` (e.g. "002")."""
    (path,) = SEEDS_DIR.glob(f"{prefix}_*.txt")
    return path


def seed_bytes(prefix: str) -> bytes:
    return seed_path(prefix).read_bytes()


@pytest.fixture(scope="session")
def processor():
    from pipeline.process import Processor

    return Processor()
