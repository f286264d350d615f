"""JSON documents in a text, as both the decode stage (writing escaped JSON out) and the clean
stage (reading records) need them."""

import json


def json_documents(text: str) -> list | None:
    """The values of a JSON text, or of JSON Lines (one value per line); None for other text."""
    stripped = text.strip()
    if stripped[:1] not in ("{", "["):
        return None
    try:
        return [json.loads(stripped)]
    except ValueError:
        pass
    try:
        return [json.loads(line) for line in stripped.splitlines() if line.strip()]
    except ValueError:
        return None
