"""Page segmentation (first version: one story per file, first short line as title)."""

from dataclasses import dataclass


@dataclass(frozen=True)
class StoryParts:
    body: str  # paragraphs separated by "\n"
    title: str | None = None
    subtitle: str | None = None
    kicker: str | None = None
    bylines: tuple[str, ...] = ()  # byline / source / date lines, as found
    is_continuation: bool = False
    is_photo: bool = False


@dataclass(frozen=True)
class SplitPage:
    stories: tuple[StoryParts, ...]
    repairs: tuple[str, ...] = ()


class Splitter:
    def split(self, text: str) -> SplitPage:
        lines = [line.strip() for line in text.splitlines() if line.strip()]
        title = None
        if len(lines) > 1 and len(lines[0]) <= 40:
            title, lines = lines[0], lines[1:]
        return SplitPage((StoryParts(body="\n".join(lines), title=title),))
