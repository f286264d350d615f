"""Stage 4: the fields consumers query, from one story and the page it sits on."""

import re
from dataclasses import dataclass
from functools import lru_cache

from pipeline.extract.authors import byline_spots, find_authors
from pipeline.extract.dates import page_dates, published_date
from pipeline.extract.entities import EntityFinder, occurrences
from pipeline.extract.keywords import KeywordRanker
from pipeline.extract.lexicon import word_set
from pipeline.extract.places import Gazetteer, LocalPlace, PlaceFinder, local_places
from pipeline.extract.segmenter import Segmenter
from pipeline.extract.simhash import simhash64
from pipeline.extract.source import SourceFinder, dateline
from pipeline.split import StoryParts


@dataclass(frozen=True)
class Author:
    name: str
    role: str  # reporter | correspondent | photographer | author


@dataclass(frozen=True)
class PlaceRef:
    name: str
    level: str  # province | city | county | township | village
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


# PDF text spaces out characters (退 役 军 人); words are found only once the spaces go.
# Line breaks inside a word (毛某介\n绍) come from the same PDF layout.
SPACE_BETWEEN_HAN = re.compile(r"(?<=[\u4e00-\u9fff])\s+(?=[\u4e00-\u9fff])")


class Extractor:
    """Loads jieba, the gazetteer and the word lists once; ``extract`` is then per story."""

    def __init__(self) -> None:
        self.gazetteer = Gazetteer()
        self.segmenter = Segmenter(self.gazetteer.segmenter_words())
        self.places = PlaceFinder(self.gazetteer)
        place_words = set(self.gazetteer.by_name) | set(self.gazetteer.by_alias)
        self.entities = EntityFinder(self.segmenter, place_words)
        self.keywords = KeywordRanker(self.segmenter)
        self.sources = SourceFinder()
        self.not_names = word_set("person_titles.txt")
        # The stories of a page come one after another: its dates are read once for all of them.
        self.page_dates = lru_cache(maxsize=1)(page_dates)

    def extract(self, story: StoryParts, page_text: str) -> Fields:
        title = " ".join(part for part in (story.kicker, story.title, story.subtitle) if part)
        title = SPACE_BETWEEN_HAN.sub("", title)
        # (a table's cells, apart by tabs, read as clauses: 王芳 / 某县邮政分公司 make no organisation)
        body = SPACE_BETWEEN_HAN.sub("", story.body.replace("\t", "，"))
        # (the dateline a page's story opens with stands in its credit: the city it names is the story's too)
        filed = dateline(story.bylines)
        text = f"{title}\n{filed}\n{body}" if filed else f"{title}\n{body}"
        title_end = len(title)
        tokens = self.segmenter.segment(text)  # the one segmentation pass
        spots = byline_spots(story.bylines, story.body)
        authors = find_authors(
            spots, self.not_names, self.entities.surnames, self.entities.could_be_name, self.entities.is_ethnic_name
        )
        author_names = {a.name for a in authors}
        people = self.entities.people(text, tokens, author_names, self.entities.listed_names(story.body))
        in_names = {i for name in people for start in occurrences(name, text) for i in range(start, start + len(name))}
        places = self.places.find(tokens, title_end=title_end, blocked=in_names)
        found_places = {p.division for p in places}
        canonical_places = {}  # 黑龙江 and 黑龙江省 are one keyword
        by_word = self.gazetteer.by_word
        for word in by_word.keys() & {word for word, _, _ in tokens}:
            for division in by_word[word][0]:
                if division in found_places:
                    canonical_places[word] = division.name
        counties = [
            p.division for p in places if p.division.level == "county" or p.division in self.gazetteer.without_counties
        ]
        local = [place for place in local_places(text, counties) if place.name not in people]
        return Fields(
            published_date=published_date(tuple(spots), story.title, story.body, page_text, self.page_dates(page_text)),
            authors=tuple(Author(a.name, a.role) for a in authors),
            source_name=self.sources.find(spots, story.body, page_text),
            places=(*(p.division.name for p in places), *(place.name for place in local)),
            place_hierarchy=(*(_place_ref(p.division) for p in places), *map(_local_place_ref, local)),
            organizations=tuple(self.entities.organizations(tokens)),
            people=tuple(people),
            keywords=tuple(self.keywords.top(tokens, canonical_places, [*people, *author_names])),
            simhash=simhash64(story.body),
        )


def _local_place_ref(place: LocalPlace) -> PlaceRef:
    county = place.county
    county_name = county.name if county.level == "county" else None  # (东莞市长安镇: a city's, no county's)
    return PlaceRef(name=place.name, level=place.level, province=county.province, city=county.city, county=county_name)


def _place_ref(division) -> PlaceRef:
    return PlaceRef(
        name=division.name,
        level=division.level,
        province=division.province,
        city=division.city,
        county=division.name if division.level == "county" else None,
    )
