"""RSS (0.9x, 1.0, 2.0) and Atom feeds, and other XML exports of articles (a CMS's records,
each an element holding a title and a content element): a file of several articles, each entry
one of them.

An entry becomes the text of an article: its title, its date, source and author lines (the
feed's title is the source), its content (HTML fragments as the page extractor reads them).
lxml parses without loading DTDs, resolving entities or touching the network; a broken feed
is read as far as it goes (``recover``).
"""

import email.utils
import re
from dataclasses import dataclass, replace

from lxml import etree

# A feed's root element, after an optional declaration, comments, processing instructions and
# doctype: rss, feed (Atom) or rdf:RDF (RSS 1.0).
FEED_ROOT = re.compile(
    r"\A\s*(?:<\?xml[^>]*\?>\s*)?(?:<!--.*?-->\s*|<\?[^>]*\?>\s*|<!DOCTYPE[^>\[]*(?:\[.*?\])?\s*>\s*)*"
    r"<(?:[\w-]+:)?(?:rss|feed|RDF)\b",
    re.S | re.I,
)
XML_DECLARATION = re.compile(r"\A\s*<\?xml[^>]*\?>")  # lxml refuses str input that declares an encoding
# Any other XML document: its root element after the same prologue.
XML_ROOT = re.compile(
    r"\A\s*(?:<\?xml[^>]*\?>\s*)?(?:<!--.*?-->\s*|<\?[^>]*\?>\s*|<!DOCTYPE[^>\[]*(?:\[.*?\])?\s*>\s*)*"
    r"<([\w\u4e00-\u9fff][\w.:\u4e00-\u9fff-]*)[\s/>]",
    re.S,
)
# Roots of HTML pages and fragments (whose <title> and <article> are a page's, read as one).
HTML_ROOTS = frozenset(
    "html head body div p span table section article main header footer nav form center font b strong em "
    "blockquote pre iframe a img br meta link script style ul ol li dl h1 h2 h3 h4 h5 h6".split()
)
ENTRY_TAGS = frozenset({"item", "entry"})
# An export's record: any element with a title child and a content child (names as CMSs write
# them, any case, English or Chinese).
RECORD_TITLE_TAGS = ("title", "headline", "标题", "题目")
RECORD_CONTENT_TAGS = ("content", "body", "text", "fulltext", "article", "description", "正文", "内容")
RECORD_DATE_TAGS = (
    "pubdate", "published", "publishdate", "publish_date", "publishtime", "releasedate", "date", "发布时间", "发布日期",
    "成文日期", "日期",
    "contentcreated", "firstcreated",  # NewsML-G2's
)
# A news item's text outside its record (NewsML-G2: the metadata's headline and summary, the text
# in inline NITF): its paragraphs and byline, and the agency that provides it.
PARAGRAPH_TAGS = frozenset({"p", "para"})
BYLINE_TAG = "byline"
PROVIDER_TAG = "provider"
RECORD_AUTHOR_TAGS = ("author", "creator", "作者")
RECORD_SOURCE_TAGS = ("source", "来源", "发布机构", "发文机关", "发布单位")  # (a government open-data export's)
DATE_TAGS = ("pubDate", "published", "date", "issued", "updated", "modified")  # preferred first
CONTENT_TAGS = ("encoded", "content", "description", "summary")  # full text first
ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
EMAIL = re.compile(r"\S+@\S+")


@dataclass(frozen=True)
class FeedEntry:
    title: str | None
    published: str | None  # YYYY-MM-DD as the feed states it, or the feed's own text
    author: str | None
    content: str  # HTML fragment or plain text
    source: str | None = None  # the entry's own (a feed's entries have the feed's title instead)


def looks_like_feed(text: str) -> bool:
    return FEED_ROOT.match(text[:4096]) is not None


def read_feed(text: str) -> tuple[str | None, list[FeedEntry]]:
    """(the feed's title, its entries); no entries when the text holds none."""
    parser = etree.XMLParser(recover=True, resolve_entities=False, load_dtd=False, no_network=True)
    try:
        root = etree.fromstring(XML_DECLARATION.sub("", text, count=1), parser)
    except etree.XMLSyntaxError:
        return None, []
    if root is None:
        return None, []
    etree.strip_elements(root, etree.Entity, with_tail=False)  # references left unresolved: nothing to read
    entries = [_entry(element) for element in root.iter() if _local(element) in ENTRY_TAGS]
    channel = next((element for element in root.iter() if _local(element) == "channel"), root)
    return _child_text(channel, "title"), [entry for entry in entries if entry.title or entry.content.strip()]


def read_xml_records(text: str) -> list[FeedEntry] | None:
    """The records of an XML export that is no feed (its root any element but html), or None
    when the text is no XML or holds no record with a title and a content."""
    root_name = XML_ROOT.match(text[:4096])
    if root_name is None or root_name.group(1).lower() in HTML_ROOTS:
        return None
    parser = etree.XMLParser(recover=True, resolve_entities=False, load_dtd=False, no_network=True)
    try:
        root = etree.fromstring(XML_DECLARATION.sub("", text, count=1), parser)
    except etree.XMLSyntaxError:
        return None
    if root is None:
        return None
    etree.strip_elements(root, etree.Entity, with_tail=False)
    records = []
    for element in root.iter():
        names = {(_local(child) or "").lower() for child in element}
        if names.isdisjoint(RECORD_TITLE_TAGS) or names.isdisjoint(RECORD_CONTENT_TAGS):
            continue
        content = _first_child_text(element, RECORD_CONTENT_TAGS, any_case=True) or ""
        if content.strip():
            records.append(FeedEntry(
                _first_child_text(element, RECORD_TITLE_TAGS, any_case=True),
                entry_date(_first_child_text(element, RECORD_DATE_TAGS, any_case=True)),
                _first_child_text(element, RECORD_AUTHOR_TAGS, any_case=True),
                content,
                _first_child_text(element, RECORD_SOURCE_TAGS, any_case=True),
            ))
    if len(records) == 1:
        records[0] = _with_item_text(root, records[0])
    return records or None


def _with_item_text(root, record: FeedEntry) -> FeedEntry:
    """A document's one record with the document's paragraphs for content where they say more
    (its record a summary: NewsML-G2's description, the text in NITF <p>s), its byline before
    them (crediting roles a creator field does not), and its provider for source if it has none."""
    by_name: dict[str, list] = {}
    for element in root.iter():
        by_name.setdefault((_local(element) or "").lower(), []).append(element)
    paragraphs = [
        text for tag in PARAGRAPH_TAGS for element in by_name.get(tag, ()) if (text := "".join(element.itertext()).strip())
    ]
    provider = next((
        element.get("literal") or "".join(element.itertext()).strip() for element in by_name.get(PROVIDER_TAG, ())
    ), None)
    record = replace(record, source=record.source or provider or None)
    if sum(map(len, paragraphs)) <= len(record.content):
        return record
    byline = next((text for element in by_name.get(BYLINE_TAG, ()) if (text := "".join(element.itertext()).strip())), None)
    return replace(record, content="\n".join([*filter(None, [byline]), *paragraphs]), author=None if byline else record.author)


def _entry(element) -> FeedEntry:
    published = _first_child_text(element, DATE_TAGS)
    content = _first_child_text(element, CONTENT_TAGS) or ""
    return FeedEntry(_child_text(element, "title"), entry_date(published), _author(element), content)


def _first_child_text(element, tags: tuple[str, ...], any_case: bool = False) -> str | None:
    """The text of ``element``'s child named by the first of ``tags`` it has with text."""
    return next((text for tag in tags if (text := _child_text(element, tag, any_case))), None)


def _child_text(element, tag: str, any_case: bool = False) -> str | None:
    """The text of ``element``'s first child named ``tag`` (any namespace; ``any_case``: in
    any case), stripped."""
    for child in element:
        name = _local(child)
        if (name.lower() if any_case and name else name) == tag:
            text = "".join(child.itertext()).strip()
            return text or None
    return None


def _author(element) -> str | None:
    """An RSS author ('mail@site (Name)'), a Dublin Core creator, or an Atom author's name."""
    for child in element:
        if _local(child) in ("author", "creator"):
            name = _child_text(child, "name") or "".join(child.itertext()).strip()
            bracketed = re.search(r"\(([^()]+)\)", name)
            name = bracketed.group(1) if bracketed and EMAIL.search(name) else EMAIL.sub("", name)
            return name.strip() or None
    return None


def entry_date(value: str | None) -> str | None:
    """An RFC 822 date (RSS) or an ISO 8601 one (Atom, Dublin Core) as YYYY-MM-DD, in the
    feed's own time zone; any other form as written."""
    if value is None:
        return None
    if match := ISO_DATE.match(value):
        return match.group()
    try:
        return email.utils.parsedate_to_datetime(value).date().isoformat()
    except (TypeError, ValueError, IndexError):
        return value


def _local(element) -> str | None:
    """An element's name without namespace; None for comments and processing instructions."""
    return etree.QName(element).localname if isinstance(element.tag, str) else None
