"""Markdown, as scrapers and HTML-to-text converters write pages: rendered to HTML by
markdown-it-py (CommonMark, with tables) and read as a page is, so that its breadcrumbs,
link lists and images go as a page's chrome does and ``#``, ``**``, ``[…](…)`` leave the text."""

import functools
import re
from dataclasses import dataclass

from markdown_it import MarkdownIt

from pipeline.clean.rules import CLAUSE_MARK

SAMPLE_CHARS = 8192
SHORTCODE = re.compile(r"\{\{[<%].*?[%>]\}\}|\{%.*?%\}", re.S)
HEADING_MARKS = re.compile(r"^ {0,3}#{1,6}[ \t]+")
HEADING = re.compile(HEADING_MARKS.pattern + r"\S", re.M)
LINK_OR_IMAGE = re.compile(r"!?\[[^\]\n]*\]\(\s*\S+?(?:\s+\"[^\"\n]*\")?\s*\)")
# Emphasis alone is no evidence: Chinese news masks names with asterisks (王**先生).
EMPHASIS = re.compile(r"(\*\*|__)\S[^*_\n]*?\1")
TABLE_RULE = re.compile(r"^\|?[ \t]*:?-{3,}:?[ \t]*(?:\|[ \t]*:?-{3,}:?[ \t]*)+\|?[ \t]*$", re.M)
# A brief's bold title leading its paragraph (**极兔西南转运中心扩建完工**　日前，…), and the
# credit closing it (（钟亦航）, （本报综合）).
BOLD_LEAD = re.compile(r"[ \t]*(\*\*|__)([^*_\n]{4,30}?)\1[ \t\u3000]*")
# A clipping's reader notes under their own heading (## 我的笔记), to the text's end: no article text
READER_NOTES = re.compile(r"^ {0,3}#{1,6}[ \t]*(?:我的笔记|读书笔记|笔记|批注|备注|my notes|notes)[ \t]*#*[ \t]*$.*", re.M | re.S | re.I)
# Bold that CommonMark leaves as written between Chinese characters: its delimiters beside a
# letter and a mark (装入印有**“信丰脐橙”**标识) flank neither way, though the writer meant bold.
UNRENDERED_STRONG = re.compile(r"\*\*([“‘《（(「『【][^*\n<>]{0,80}?|[^*\n<>]{0,80}?[”’》）)」』】。！？，])\*\*")
CLOSING_CREDIT = re.compile(r"[（(][^（）()]{2,10}[）)]\s*$")
MIN_BRIEFS = 2


def looks_like_markdown(text: str) -> bool:
    """A heading (# …), a table, two links or images, or one beside emphasis (**…**)."""
    sample = text[:SAMPLE_CHARS]
    if HEADING.search(sample) or TABLE_RULE.search(sample):
        return True
    links = len(LINK_OR_IMAGE.findall(sample))
    return links >= 2 or (links == 1 and EMPHASIS.search(sample) is not None)


@functools.cache
def _parser() -> MarkdownIt:
    """One parser per process, outside the Cleaner: MarkdownIt holds modules, which do not
    pickle as Beam ships a DoFn."""
    parser = MarkdownIt("commonmark").enable("table")
    # Its guard against script links (javascript:void(0);, a copied WeChat header's) left the
    # whole link as text; the page is read, never shown, so every link is its text.
    parser.validateLink = lambda url: True
    return parser


def markdown_to_html(text: str) -> str:
    """The HTML page of a Markdown text, a static site's shortcodes and template tags taken out
    (Hugo's {{< figure … >}}, Jekyll's {% include … %}: markup the site's generator renders), and
    a clipping's reader notes."""
    html = _parser().render(READER_NOTES.sub("", SHORTCODE.sub("", text)))
    return "<html><body>" + UNRENDERED_STRONG.sub(r"<strong>\1</strong>", html) + "</body></html>"


@dataclass
class _Block:
    """A top-level block of the Markdown source: its lines, a heading's level (0: none), for a
    paragraph led by a bold title the title (``lead``), for a paragraph all bold its text."""

    start: int
    end: int
    level: int = 0
    lead: str = ""
    bold: str = ""
    label: bool = False  # a column's heading over its briefs


def markdown_articles(text: str) -> list[str] | None:
    """The articles of a Markdown text holding several (a newspaper page as PDF-to-Markdown tools
    write it), each as Markdown: a part under each heading of the text's top level, when two or
    more, and each brief of a column of briefs (paragraphs led by a bold title, most closed by a
    credit), as its title over its text; the column's heading is its label, no article's. A
    part's headings are written as an article's text shows them: a bold line right above its
    heading is its kicker (【行业观察】…), a heading right under it its deck (——…). None for a
    text of one article."""
    lines = text.splitlines(keepends=True)
    blocks = _blocks(text)
    headings = [block.level for block in blocks if block.level]
    top = min(headings, default=0)
    starts: dict[int, str] = {}  # block index -> the brief's title ("" where a part starts)
    if headings.count(top) >= 2:
        first = next(index for index, block in enumerate(blocks) if block.level == top)  # the page's head above it
        for index, block in enumerate(blocks[first + 1:], first + 1):
            if block.level == top and not blocks[index - 1].level:  # (a run of # lines: a comment's)
                starts[index - 1 if _is_kicker(blocks, index - 1, top) else index] = ""
    index = 0
    while index < len(blocks):
        run = index
        while run < len(blocks) and blocks[run].lead:
            run += 1
        briefs = blocks[index:run]
        if len(briefs) >= MIN_BRIEFS and 2 * sum(
            1 for block in briefs if CLOSING_CREDIT.search("".join(lines[block.start:block.end]))
        ) >= len(briefs):
            starts.update((number, blocks[number].lead) for number in range(index, run))
            if run < len(blocks):
                starts.setdefault(run, "")
            if index and blocks[index - 1].level:
                blocks[index - 1].label = True  # the column's name (快讯)
        index = max(run, index + 1)
    if not starts:
        return None
    bounds = sorted({0, *starts})
    articles = []
    for begin, end in zip(bounds, [*bounds[1:], len(blocks)]):
        parts = [lines[0:blocks[0].start]] if begin == 0 and blocks else []
        if starts.get(begin):
            parts.append([starts[begin] + "\n\n", BOLD_LEAD.sub("", "".join(lines[blocks[begin].start:blocks[begin].end]), count=1)])
            begin += 1
        kicker = None
        for number in range(begin, end):
            block = blocks[number]
            source = lines[block.start:(blocks[number + 1].start if number + 1 < len(blocks) else len(lines))]
            if block.label:
                continue
            if _is_kicker(blocks, number, top):
                kicker = block.bold
                continue
            if block.level == top and kicker:
                source = [HEADING_MARKS.sub(lambda m: f"{m.group()}【{kicker}】", source[0], count=1), *source[1:]]
            elif block.level > top and number and blocks[number - 1].level == top:
                source = [HEADING_MARKS.sub(lambda m: f"{m.group()}——", source[0], count=1), *source[1:]]
            parts.append(source)
        article = "".join(line for part in parts for line in part)
        if article.strip():
            articles.append(article)
    # Each an article: a part without a sentence is a block of comments or links, not one.
    return articles if len(articles) >= 2 and all(CLAUSE_MARK.search(article) for article in articles) else None


def _is_kicker(blocks: list["_Block"], index: int, top: int) -> bool:
    """A bold line alone right above a heading of the ``top`` level, under no other."""
    return (
        0 <= index < len(blocks) - 1 and blocks[index].bold != "" and blocks[index + 1].level == top
        and (index == 0 or blocks[index - 1].bold == "")
    )


def _blocks(text: str) -> list[_Block]:
    blocks: list[_Block] = []
    tokens = _parser().parse(text)
    for number, token in enumerate(tokens):
        if token.level != 0 or token.nesting == -1 or not token.map:
            continue
        block = _Block(*token.map)
        if token.type == "heading_open":
            block.level = int(token.tag[1])
        elif token.type == "paragraph_open":
            inline = tokens[number + 1].content
            lead = BOLD_LEAD.match(inline)
            if lead and lead.end() == len(inline.rstrip()):
                block.bold = lead.group(2).strip()
            elif lead and CLAUSE_MARK.search(inline, lead.end()) and not CLAUSE_MARK.search(lead.group(2)):
                block.lead = lead.group(2).strip()
        blocks.append(block)
    return blocks
