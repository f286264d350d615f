"""The clean stage: HTML pages go through main-content extraction (Markdown rendered to HTML
first), text through line cleanup, feeds, JSON and CSV records and front matter are read entry
by entry, subtitle files cue by cue."""

import re
from dataclasses import dataclass

from pipeline.clean import rules
from pipeline.clean.csvrecords import read_csv
from pipeline.clean.feeds import FeedEntry, looks_like_feed, read_feed, read_xml_records
from pipeline.clean.frontmatter import read_front_matter, read_labelled_header
from pipeline.clean.html import HtmlExtractor, looks_like_html, with_noframes_shown, with_noscript_shown
from pipeline.clean.jsonrecords import read_json, script_data_entries
from pipeline.clean.markdown import looks_like_markdown, markdown_articles, markdown_to_html
from pipeline.clean.spamlines import JunkLineJudge, clean_lines
from pipeline.clean.subtitles import read_subtitles


@dataclass(frozen=True)
class CleanedText:
    text: str
    spam_chars_removed: int  # characters of markup, furniture and spam taken out
    repairs: tuple[str, ...] = ()
    entries: tuple[str, ...] = ()  # a feed's entries, each an article's text; () for any other file

    @property
    def paragraph_lines(self) -> bool:
        """Whether each line is a paragraph or a heading (an HTML page's blocks), never a
        printed line of a column, whatever its width."""
        return "html_extracted" in self.repairs or "markdown_rendered" in self.repairs

    @property
    def documents(self) -> tuple[str, ...]:
        """The texts to split into stories one by one."""
        return self.entries or (self.text,)


class Cleaner:
    def __init__(self) -> None:
        self._judge = JunkLineJudge()
        self._html = HtmlExtractor(self._judge)

    def clean(self, text: str) -> CleanedText:
        visible = text.translate(rules.CHARACTER_FIXES)
        if "\u200d" in visible:
            visible = rules.STRAY_JOINER.sub("", visible)
        repairs: tuple[str, ...] = ("invisible_chars_removed",) if len(visible) != len(text) else ()
        visible = rules.BRACKETED_LABEL.sub(r"\1：", visible)
        records = self._records(visible)
        if records is not None:
            return self._from_records(text, repairs, *records)
        if (cues := read_subtitles(visible)) is not None:
            return CleanedText(cues, max(0, len(text) - len(cues)), (*repairs, "subtitle_cues_read"))
        if looks_like_html(visible):
            if shown := with_noframes_shown(visible):
                visible, repairs = shown, (*repairs, "noframes_read")
            cleaned, printed = self._html.extract_page(visible)
            if printed:  # a PDF's lines: split as a page's, not paragraphs
                return CleanedText(cleaned, max(0, len(text) - len(cleaned)), (*repairs, "pdf_lines_extracted"))
            if header := read_labelled_header(cleaned):  # a release mailed as HTML: its header in the text
                return self._from_records(text, (*repairs, "html_extracted"), None, [header], "front_matter_read")
            if not cleaned and (entries := script_data_entries(visible)):
                # A page that renders its article by script from the data it embeds (Next.js's
                # __NEXT_DATA__, JSON-LD's articleBody): the data's articles.
                return self._from_records(text, repairs, None, entries, "script_data_read")
            if not cleaned and (shown := with_noscript_shown(visible)):
                # and one that shows it to browsers without scripts alone
                cleaned, _ = self._html.extract_page(shown)
                repairs += ("noscript_read",) if cleaned else ()
            repairs += ("html_extracted",)
        elif looks_like_markdown(visible):
            articles = markdown_articles(visible)
            if articles:  # a page of several, each read as its own
                pages = (self._html.extract(markdown_to_html(article)) for article in articles)
                entries = tuple(rules.POSTED_AT.sub(rules.POSTED_AT_FIELD, page) for page in pages if page)
                cleaned = "\n\n".join(entries)
                return CleanedText(cleaned, max(0, len(text) - len(cleaned)), (*repairs, "markdown_rendered"), entries)
            cleaned = self._html.extract(markdown_to_html(visible))
            repairs += ("markdown_rendered",)
        else:
            result = clean_lines(visible, self._judge)
            cleaned = result.text
            repairs += ("markup_stripped",) if result.markup_removed else ()
            repairs += ("spam_lines_removed",) if result.junk_lines_removed else ()
        cleaned = rules.POSTED_AT.sub(rules.POSTED_AT_FIELD, cleaned)
        if "·" in cleaned or "•" in cleaned:  # (a reading app's header; most texts have none)
            cleaned = rules.READER_ORIGIN.sub(_origin_fields, cleaned)
            cleaned = rules.OUTLET_AND_ENGLISH_DATE.sub(r"来源：\g<name>　发布时间：\g<date>", cleaned)
        return CleanedText(cleaned, max(0, len(text) - len(cleaned)), repairs)

    def _from_records(
        self, text: str, repairs: tuple[str, ...], feed_title: str | None, entries: list[FeedEntry], kind: str
    ) -> CleanedText:
        articles = tuple(article for entry in entries if (article := self._article(entry, feed_title)))
        cleaned = "\n\n".join(articles)  # none: the feed is empty, nothing else in it is news
        return CleanedText(cleaned, max(0, len(text) - len(cleaned)), (*repairs, kind), articles)

    @staticmethod
    def _records(text: str) -> tuple[str | None, list[FeedEntry], str] | None:
        """(the source the articles share, the articles, how they were read) of a file of
        several, or None for a file that is one text."""
        front_matter = read_front_matter(text) or read_labelled_header(text)
        if front_matter:
            return None, [front_matter], "front_matter_read"
        for read, kind in ((read_json, "json_records_extracted"), (read_csv, "csv_records_extracted")):
            entries = read(text)
            if entries is not None:
                return None, entries, kind
        if looks_like_feed(text):
            return *read_feed(text), "feed_entries_extracted"
        if records := read_xml_records(text):
            return None, records, "xml_records_extracted"
        return None

    def _article(self, entry: FeedEntry, feed_title: str | None) -> str:
        """An entry as an article's text: title, date, source and author lines, the content
        (a fragment of HTML read as a page is, or text cleaned line by line)."""
        content = entry.content
        body = self._html.extract(content) if rules.MARKUP.search(content) else clean_lines(content, self._judge).text
        body = body.strip()
        first, _, rest = body.partition("\n")
        title = entry.title
        if title and rest and "".join(first.split()) == "".join(title.split()):
            body = rest.strip()  # the content opens with the title its field gives (# title under front matter)
        elif not title and rest and len(first) <= rules.HEADLINE_MAX_CHARS and not rules.SENTENCE_MARK.search(first) \
                and not rules.META_LINE.search(first):
            title, body = first, rest.strip()  # no title field: the content's headline is the title (the fields go under it)
        if not body:
            return ""
        fields = (("发布时间", entry.published), ("来源", entry.source or _publisher(feed_title)), ("作者", entry.author))
        meta = [f"{label}：{value}" for label, value in fields if value]
        return "\n".join(line for line in (title, *meta, body) if line)


def _origin_fields(origin: re.Match) -> str:
    """A reader app's origin line as the fields it gives: the publisher (a body's name) as the
    source, else the writer; the date (the site and the reading time are the app's)."""
    name, date, credit = origin["name"].strip(), origin["date"].strip(), origin["credit"]
    label = "来源" if credit or name.endswith(rules.PUBLISHER_ENDINGS + rules.SITE_NAME_ENDINGS) else "作者"
    return "　".join(filter(None, (f"{label}：{name}", credit, f"发布时间：{date}")))


def _publisher(feed_title: str | None) -> str | None:
    """The publisher a feed's title names: the part naming a site or a body when the title
    also names a section (某省邮政管理局-工作动态: 某省邮政管理局), else the whole title."""
    if not feed_title:
        return feed_title
    parts = [part for part in rules.FEED_TITLE_SEPARATORS.split(feed_title.strip()) if part]
    if len(parts) < 2:
        return feed_title
    named = [
        part for part in parts
        if rules.SITE_NAME.fullmatch(part) and part.endswith((*rules.SITE_NAME_ENDINGS, *rules.PUBLISHER_ENDINGS))
    ]
    return named[0] if len(named) == 1 else feed_title
