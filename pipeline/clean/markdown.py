"""Markdown, as scrapers and HTML-to-text converters write pages: rendered to HTML by
markdown-it-py (CommonMark, with tables) and read as a page is, so that its breadcrumbs,
link lists and images go as a page's chrome does and ``#``, ``**``, ``[…](…)`` leave the text."""

import functools
import re

from markdown_it import MarkdownIt

SAMPLE_CHARS = 8192
HEADING = re.compile(r"^ {0,3}#{1,6}[ \t]+\S", re.M)
LINK_OR_IMAGE = re.compile(r"!?\[[^\]\n]*\]\(\s*\S+?(?:\s+\"[^\"\n]*\")?\s*\)")
# Emphasis alone is no evidence: Chinese news masks names with asterisks (王**先生).
EMPHASIS = re.compile(r"(\*\*|__)\S[^*_\n]*?\1")
TABLE_RULE = re.compile(r"^\|?[ \t]*:?-{3,}:?[ \t]*(?:\|[ \t]*:?-{3,}:?[ \t]*)+\|?[ \t]*$", re.M)


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
    """The HTML page of a Markdown text."""
    return "<html><body>" + _parser().render(text) + "</body></html>"
