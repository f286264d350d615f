"""Articles as a crawler or a site's API saves them in JSON: one object, an array of them, JSON
Lines, or a response wrapping its list of items. Each object holding an article's text is one
entry, read as a feed's entry is: its title, date, author and source fields by their names
(English or Chinese), its content an HTML fragment or plain text.
"""

import dataclasses
import html
import json
import re
from datetime import datetime, timedelta, timezone

from pipeline.clean.feeds import FeedEntry, entry_date
from pipeline.jsontext import json_documents

MIN_CONTENT_CHARS = 20  # a named content field shorter than this is a teaser or a label
MIN_UNNAMED_CONTENT_CHARS = 200  # a string this long is an article's text whatever its key
MAX_TITLE_CHARS = 120
SCRIPT_DATA = re.compile(r"<script\b[^>]*\btype=[\"']?application/(?:ld\+)?json[\"']?[^>]*>(.*?)</script>", re.S | re.I)
# A script that assigns the page's state to a variable (window.__INITIAL_STATE__ = {...}, Vue's and
# Nuxt's servers write it so): the JSON value after its =.
SCRIPT_STATE = re.compile(
    r"<script\b[^>]*>\s*(?:(?:window|self|globalThis)\.|(?:var|let|const)\s+)?[\w$]+\s*=\s*(?=[\[{])", re.I
)
CONTENT_KEY = re.compile(r"content|body|text|article|html|detail|正文|内容", re.I)
TITLE_KEY = re.compile(r"title|headline|subject|标题|题目", re.I)
SUBTITLE_KEY = re.compile(r"sub|short|seo|副", re.I)  # subtitle, short_title, seo_title, 副标题
DATE_KEY = re.compile(r"date|time|pub|发布|日期|时间", re.I)
PUBLISHED_KEY = re.compile(r"pub|release|发布", re.I)
AUTHOR_KEY = re.compile(r"author|writer|byline|reporter|creator|作者|记者", re.I)
SOURCE_KEY = re.compile(r"source|media|origin|publisher|来源|出处|稿源|供稿", re.I)  # publisher: schema.org's NewsArticle
URL = re.compile(r"\s*(?:https?:)?//")  # source_url, author_link: no names
RICH_TEXT_COPY_SUFFIX = "_entities"  # Telegram's text_entities: the text's runs again, each styled
NAME_KEY = re.compile(r"name|姓名|名称", re.I)
# Release times as numbers: seconds or milliseconds since 1970 (between 2000 and 2100).
EPOCH_SECONDS = range(946_684_800, 4_102_444_800)
EPOCH_DIGITS = re.compile(r"\d{10}|\d{13}")  # seconds or milliseconds, as some APIs quote them
JSON_FEED_VERSION = "jsonfeed.org/version"
CHINA_TIME = timezone(timedelta(hours=8))  # a date is the day it was where the article was published


def read_json(text: str) -> list[FeedEntry] | None:
    """The article entries of a JSON text; None when the text is no JSON."""
    documents = json_documents(text)
    if documents is None:
        return None
    return [_with_feed_source(entry, document) for document in documents for entry in _entries(document)]


def _with_feed_source(entry: FeedEntry, document) -> FeedEntry:
    """An entry of a JSON Feed (jsonfeed.org) with the feed's title for its source, where it names
    none itself, as an RSS channel's title names its items' publisher."""
    if entry.source or not isinstance(document, dict) or JSON_FEED_VERSION not in str(document.get("version", "")):
        return entry
    title = document.get("title")
    return dataclasses.replace(entry, source=title.strip()) if isinstance(title, str) and title.strip() else entry


def script_data_entries(markup: str) -> list[FeedEntry]:
    """The articles of the JSON a page embeds for its script (<script type="application/json">,
    "application/ld+json", or a state object a script assigns: window.__INITIAL_STATE__ = {...})."""
    entries = []
    for data in SCRIPT_DATA.findall(markup):
        entries += read_json(html.unescape(data) if "&quot;" in data else data) or []
    decoder = json.JSONDecoder()
    for match in SCRIPT_STATE.finditer(markup):
        try:
            state, _ = decoder.raw_decode(markup, match.end())
        except json.JSONDecodeError:
            continue  # a JavaScript literal that is no JSON (unquoted keys): not read
        entries += _entries(state)
    return entries


def _entries(value):
    """Entries of the objects in ``value``, in document order; an article's own nested
    objects (its comments, related items) are not looked into."""
    if isinstance(value, dict):
        entry = record_entry(value)
        if entry:
            yield entry
            return
        for item in value.values():
            yield from _entries(item)
    elif isinstance(value, list):
        for item in value:
            yield from _entries(item)


def record_entry(record: dict) -> FeedEntry | None:
    """The entry of an object holding an article's text (a content field, or a long string);
    None for any other object."""
    record = {key: _rich_text(value) for key, value in record.items() if not key.endswith(RICH_TEXT_COPY_SUFFIX)}
    strings = {key: value.strip() for key, value in record.items() if isinstance(value, str) and value.strip()}
    named = [value for key, value in strings.items() if CONTENT_KEY.search(key) and len(value) >= MIN_CONTENT_CHARS]
    unnamed = [value for value in strings.values() if len(value) >= MIN_UNNAMED_CONTENT_CHARS]
    content = max(named or unnamed, key=len, default=None)
    if content is None:
        return None
    titles = [
        value
        for key, value in strings.items()
        if TITLE_KEY.search(key) and not SUBTITLE_KEY.search(key) and len(value) <= MAX_TITLE_CHARS
    ]
    # A publication time before any other (update_time, create_time).
    dated = sorted(record.items(), key=lambda item: not PUBLISHED_KEY.search(item[0]))
    published = next((date for key, value in dated if DATE_KEY.search(key) and (date := _date(value))), None)
    return FeedEntry(
        title=titles[0] if titles else None,
        published=published,
        author=next((name for key, value in record.items() if AUTHOR_KEY.search(key) and (name := _name(value))), None),
        content=content,
        source=next((name for key, value in record.items() if SOURCE_KEY.search(key) and (name := _name(value))), None),
    )


def _rich_text(value):
    """A text written as a list of strings and styled runs ({"type": "bold", "text": …}: a
    messenger's export, Telegram's), as one string; its bold run opening it a line of its own
    (the post's headline). Any other value as it is."""
    if not isinstance(value, list) or not value or not all(
        isinstance(item, str) or isinstance(item, dict) and isinstance(item.get("text"), str) for item in value
    ):
        return value
    runs = [item if isinstance(item, str) else item["text"] for item in value]
    if isinstance(value[0], dict) and value[0].get("type") == "bold":
        runs[0] += "\n"
    return "".join(runs)


def _date(value) -> str | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        seconds = value / 1000 if value >= EPOCH_SECONDS.stop else value
        if int(seconds) not in EPOCH_SECONDS:
            return None
        return datetime.fromtimestamp(seconds, CHINA_TIME).date().isoformat()
    if isinstance(value, str) and EPOCH_DIGITS.fullmatch(value.strip()):
        return _date(int(value))  # "1678754400000": a number written as a string
    if isinstance(value, str) and re.search(r"\d", value):
        return entry_date(value.strip())
    return None


def _name(value) -> str | None:
    """A name given as a string, an object with a name field, or a list of either."""
    if isinstance(value, str):
        return None if URL.match(value) else value.strip() or None
    if isinstance(value, dict):
        return next((_name(item) for key, item in value.items() if NAME_KEY.search(key) and _name(item)), None)
    if isinstance(value, list):
        names = [name for item in value if (name := _name(item))]
        return "、".join(names) or None
    return None
