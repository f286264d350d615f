"""Field extraction (first version: explicit ISO dates and a SimHash)."""

import re
from dataclasses import dataclass

from pipeline.extract.simhash import simhash64
from pipeline.split import StoryParts


@dataclass(frozen=True)
class Author:
    name: str
    role: str  # reporter | correspondent | photographer | author


@dataclass(frozen=True)
class PlaceRef:
    name: str
    level: str  # province | city | county
    province: str | None = None
    city: str | None = None
    county: str | None = None


@dataclass(frozen=True)
class Fields:
    published_date: str | None = None
    authors: tuple[Author, ...] = ()
    source_name: str | None = None
    places: tuple[str, ...] = ()
    place_hierarchy: tuple[PlaceRef, ...] = ()
    organizations: tuple[str, ...] = ()
    people: tuple[str, ...] = ()
    keywords: tuple[str, ...] = ()
    simhash: int = 0  # unsigned 64-bit


_ISO_DATE = re.compile(r"(?<!\d)(20\d\d|19\d\d)-(\d\d)-(\d\d)(?!\d)")


class Extractor:
    def extract(self, story: StoryParts, page_text: str) -> Fields:
        date = None
        for line in (*story.bylines, page_text[:500]):
            match = _ISO_DATE.search(line)
            if match:
                date = match.group(0)
                break
        return Fields(published_date=date, simhash=simhash64(story.body))
