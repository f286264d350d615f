"""The publication a story comes from, when the text names it."""

import re
from functools import lru_cache

from pipeline.extract.lexicon import tsv_rows

SOURCE_FIELD = re.compile(r"来\s*源\s*[:：]\s*([^\s:：|/,，]{2,20}?)(?=\s|$|发布|作者|时间|编辑|责任|\d|[|/,，])")
# A short line of its own that opens with the field, as pages close or open a story with it
# ("来源：江西省邮政分公司", "（来源：新华社）"); not "资金来源：…" in the text.
SOURCE_LINE = re.compile(
    r"^[（(【\[]?\s*来\s*源\s*[:：]\s*([^\s:：|/,，（）()【】\[\]]{2,20}?)(?=\s|$|[）)】\]]|发布|作者|时间|编辑|责任|\d|[|/,，])"
)
SOURCE_LINE_MAX_CHARS = 40
EDGE_LINES = 4  # lines at the top and at the end of a story searched for a source line


class SourceFinder:
    def __init__(self) -> None:
        # Markers match across PDF spacing (本 报 讯).
        self.markers = [
            (re.compile(r"\s*".join(map(re.escape, marker))), name) for marker, name in tsv_rows("sources.tsv")
        ]
        # The stories of a page come one after another: the page is searched once for all of them.
        self.page_marker = lru_cache(maxsize=1)(self._marker)

    def find(self, bylines: list[str], body: str, page_text: str) -> str | None:
        """An explicit 来源 field wins; then a marker in the bylines or the story; then one on the page."""
        for line in bylines:
            match = SOURCE_FIELD.search(line)
            if match:
                return match.group(1)
        lines = [line.strip() for line in body.splitlines() if line.strip()]
        for line in [*lines[:EDGE_LINES], *lines[-EDGE_LINES:]]:
            match = SOURCE_LINE.search(line) if len(line) <= SOURCE_LINE_MAX_CHARS else None
            if match:
                return match.group(1)
        return self._marker("\n".join(bylines) + "\n" + body) or self.page_marker(page_text)

    def _marker(self, text: str) -> str | None:
        for marker, name in self.markers:
            if marker.search(text):
                return name
        return None
