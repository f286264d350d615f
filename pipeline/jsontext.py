"""JSON documents in a text, as both the decode stage (writing escaped JSON out) and the clean
stage (reading records) need them."""

import json


# A JSON text written again as a JSON string (json.dumps twice: "{\"title\": ...}"): unwrapped
# this many times at most.
MAX_STRING_LAYERS = 2


def json_documents(text: str, layers: int = MAX_STRING_LAYERS) -> list | None:
    """The values of a JSON text, or of JSON Lines (one value per line); None for other text."""
    stripped = text.strip()
    if stripped[:1] == '"' and layers:
        try:
            inner = json.loads(stripped)
        except ValueError:
            return None
        return json_documents(inner, layers - 1) if isinstance(inner, str) else None
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
