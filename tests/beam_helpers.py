"""Reading a run's Avro output in tests."""

from pathlib import Path

import fastavro


def read_output(output_dir: Path, prefix: str) -> list[dict]:
    records = []
    for path in sorted(Path(output_dir).glob(f"{prefix}-*.avro")):
        with open(path, "rb") as handle:
            records.extend(fastavro.reader(handle))
    return records
