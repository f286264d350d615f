"""HTML pages: drop invisible and furniture elements, then keep the densest run of article blocks.

Parsing is beautifulsoup4 over lxml's HTML parser, which neither loads DTDs nor resolves
external entities nor fetches anything.
"""

import re
from dataclasses import dataclass

from bs4 import BeautifulSoup, NavigableString, Tag
from bs4.element import CData, Comment, Declaration, Doctype, ProcessingInstruction

from pipeline.clean import rules
from pipeline.clean.spamlines import JunkLineJudge
from pipeline.resources import data_lines

_NON_TEXT_STRINGS = (Comment, CData, Declaration, Doctype, ProcessingInstruction)
_BARRIER = "clean-barrier"  # stands where a large furniture element was removed
_WHITESPACE = re.compile(r"\s+")
_CLASS_TOKEN = re.compile(r"[-_\s]+")


def looks_like_html(text: str) -> bool:
    """HTML by content: a document marker, or enough block tags to be a page rather than stray tags."""
    head = text[:4096]
    if rules.HTML_DOCUMENT_MARKER.search(head):
        return True
    return len(rules.HTML_BLOCK_TAG.findall(text, 0, 200_000)) >= rules.HTML_MIN_BLOCK_TAGS


@dataclass
class _Block:
    text: str = ""
    link_chars: int = 0
    heading: int = 0  # 1..6 for h1..h6
    titled: bool = False  # an ancestor's class/id says "title"
    barrier: bool = False
    junk: bool = False

    @property
    def size(self) -> int:
        return len(self.text.replace(" ", ""))

    @property
    def link_dense(self) -> bool:
        return self.size > 0 and self.link_chars / self.size > rules.LINK_DENSE_RATIO


class HtmlExtractor:
    def __init__(self, judge: JunkLineJudge) -> None:
        self._judge = judge
        self._chrome_hints = frozenset(data_lines("pipeline.clean", "chrome_hints.txt"))

    def extract(self, markup: str) -> str:
        """The article of an HTML page as plain text, one paragraph per line."""
        soup = BeautifulSoup(markup, "lxml")
        headline = _headline_from_title(soup)
        self._remove_invisible(soup)
        self._remove_furniture(soup)
        self._remove_link_farms(soup)
        self._remove_inline_spam(soup)
        blocks = self._blocks(soup)
        for block in blocks:
            block.junk = not block.barrier and self._judge.is_junk(block.text)
            if headline and _squeeze(block.text) == headline:
                block.titled = True
        start, end = _main_window(blocks)
        return "\n".join(b.text for b in blocks[start:end] if _is_text(b))

    # --- removal

    def _remove_invisible(self, soup: BeautifulSoup) -> None:
        hidden = _css_hidden_elements(soup)  # read <style> before it goes
        for element in soup.find_all(rules.DROP_TAGS):
            _decompose(element)
        for element in hidden:
            _decompose(element)
        for element in soup.find_all(_is_hidden):
            _decompose(element)

    def _remove_furniture(self, soup: BeautifulSoup) -> None:
        total_prose = _prose_chars(soup)
        for element in soup.find_all(self._is_furniture):
            if getattr(element, "decomposed", False):
                continue
            if total_prose and _prose_chars(element) / total_prose >= rules.PROSE_SHARE_KEEP:
                continue  # lying structure: the article itself sits in this element
            _replace_by_barrier(soup, element)

    def _is_furniture(self, element: Tag) -> bool:
        if element.name in rules.CHROME_TAGS:
            return True
        if element.get("role") in rules.CHROME_ROLES:
            return True
        if element.name == "header":
            return element.find_parent(rules.CONTENT_TAGS) is None and not _is_article_header(element)
        tokens = _class_tokens(element)
        return bool(tokens & self._chrome_hints) and not any(rules.TITLE_HINT.search(t) for t in tokens)

    def _remove_link_farms(self, soup: BeautifulSoup) -> None:
        # Innermost first: a page whose link farms outweigh its article must not go as a whole.
        for element in reversed(soup.find_all(rules.BLOCK_TAGS - {"html", "body"})):
            if getattr(element, "decomposed", False):
                continue
            links = element.find_all("a")
            if len(links) < rules.LINK_FARM_MIN_LINKS:
                continue
            text_chars = _visible_chars(element)
            link_chars = sum(_visible_chars(a) for a in links)
            if text_chars and link_chars / text_chars >= rules.LINK_FARM_MIN_RATIO:
                _replace_by_barrier(soup, element)

    def _remove_inline_spam(self, soup: BeautifulSoup) -> None:
        """Spam phrases planted as visible inline elements (often links) inside paragraphs."""
        for element in soup.find_all(rules.INLINE_TAGS):
            if getattr(element, "decomposed", False):
                continue
            text = element.get_text()
            if len(text) > rules.INLINE_MAX_CHARS or not self._judge.is_spam(text):
                continue
            # Only a phrase planted in running text; a block made of it is judged as a block.
            owner = element.find_parent(rules.BLOCK_TAGS)
            if owner is not None and _visible_chars(element) < rules.PLANTED_MAX_SHARE * _visible_chars(owner):
                element.decompose()

    # --- linearisation

    def _blocks(self, soup: BeautifulSoup) -> list[_Block]:
        """Text blocks in document order; a block ends where a block element or <br> starts or ends."""
        blocks: list[_Block] = []
        current_owner = None
        parts: list[str] = []
        link_chars = 0
        heading = 0
        titled = False

        def flush() -> None:
            nonlocal parts, link_chars
            text = _WHITESPACE.sub(" ", "".join(parts)).strip()
            if text:
                blocks.append(_Block(text, link_chars, heading, titled))
            parts, link_chars = [], 0

        for node in soup.descendants:
            if isinstance(node, Tag):
                if node.name == "br":
                    flush()
                elif node.name == _BARRIER:
                    flush()
                    blocks.append(_Block(barrier=True))
                continue
            if isinstance(node, _NON_TEXT_STRINGS) or not isinstance(node, NavigableString):
                continue
            owner, in_link, in_pre, level, has_title = self._context(node)
            if owner is not current_owner:
                flush()
                current_owner, heading, titled = owner, level, has_title
            if in_pre and "\n" in node:
                lines = node.split("\n")
                for line in lines[:-1]:
                    parts.append(line)
                    flush()
                node = lines[-1]
            parts.append(str(node))
            if in_link:
                link_chars += len(_WHITESPACE.sub("", node))
        flush()
        return blocks

    @staticmethod
    def _context(node: NavigableString) -> tuple[Tag | None, bool, bool, int, bool]:
        """(nearest block ancestor, inside <a>, inside <pre>, heading level, title hint) of a string."""
        owner = None
        in_link = in_pre = has_title = False
        level = 0
        for parent in node.parents:
            name = parent.name
            if name == "a":
                in_link = True
            elif name == "pre":
                in_pre = True
            elif name in rules.HEADING_TAGS and not level:
                level = int(name[1])
            if owner is None and name in rules.BLOCK_TAGS:
                owner = parent
            if not has_title and parent.attrs and any(rules.TITLE_HINT.search(t) for t in _class_tokens(parent)):
                has_title = True
        return owner, in_link, in_pre, level, has_title


def _main_window(blocks: list[_Block]) -> tuple[int, int]:
    """[start, end) of the article: the best-scoring run of blocks, widened to its head and tail lines."""
    best_sum, best = 0, None
    running, run_start = 0, 0
    for index, block in enumerate(blocks):
        if running <= 0:
            running, run_start = 0, index
        running += 0 if index and _is_teaser(blocks[index - 1], block) else _weight(block)
        if running > best_sum:
            best_sum, best = running, (run_start, index + 1)
    if best is None:
        return 0, len(blocks)
    start, end = best
    return _head_start(blocks, start), _tail_end(blocks, end)


def _weight(block: _Block) -> int:
    if block.barrier:
        return -rules.BARRIER_COST
    if block.junk:
        return -max(block.size, rules.BARRIER_COST)
    if block.link_dense:
        return -rules.LINK_DENSE_COST_FACTOR * block.size
    if block.size >= rules.PROSE_MIN_CHARS and rules.PROSE_PUNCTUATION.search(block.text):
        return block.size
    return -rules.SHORT_BLOCK_COST


def _is_teaser(previous: _Block, block: _Block) -> bool:
    """A summary under a linked title (related-news lists): no evidence of article either way."""
    if not previous.link_dense or block.link_dense:
        return False
    return block.size < rules.TEASER_MAX_CHARS or block.text.endswith(rules.TRUNCATION_MARKS)


def _head_start(blocks: list[_Block], start: int) -> int:
    """Take in headline, kicker, subtitle, byline and date lines just above the body.

    Lines are taken up to the furthest "anchor" (a heading, a title-classed element or a
    byline/date line), stopping at furniture, at long prose, and after the first <h1>.
    """
    head = start
    for index in range(start - 1, max(-1, start - 1 - rules.HEAD_LOOKBACK), -1):
        block = blocks[index]
        if not _is_text(block) or block.size > rules.HEAD_MAX_CHARS:
            break
        if block.heading or block.titled or rules.META_LINE.search(block.text):
            head = index
            if block.heading == 1:
                break
    return head


def _tail_end(blocks: list[_Block], end: int) -> int:
    """Take in byline/source lines just below the body (□记者, 作者单位, 来源)."""
    for index in range(end, min(len(blocks), end + rules.TAIL_LOOKAHEAD)):
        block = blocks[index]
        if not _is_text(block) or block.size > rules.HEAD_MAX_CHARS or not rules.META_LINE.search(block.text):
            return index
    return min(len(blocks), end + rules.TAIL_LOOKAHEAD)


def _is_text(block: _Block) -> bool:
    return not (block.barrier or block.junk or block.link_dense)


# --- element tests


def _is_hidden(element: Tag) -> bool:
    if element.has_attr("hidden") or element.get("aria-hidden") == "true":
        return True
    style = element.get("style")
    return bool(style) and bool(rules.HIDDEN_STYLE.search(style))


def _css_hidden_elements(soup: BeautifulSoup) -> list[Tag]:
    """Elements hidden by simple selectors in the page's own <style> blocks."""
    hidden = []
    for style in soup.find_all("style"):
        for selectors, declarations in rules.CSS_RULE.findall(style.get_text()):
            if not rules.HIDDEN_STYLE.search(declarations):
                continue
            for selector in selectors.split(","):
                selector = selector.strip()
                if not selector or ":" in selector or "@" in selector:
                    continue
                try:
                    hidden.extend(soup.select(selector))
                except Exception:  # soupsieve rejects what it cannot parse; such a rule is skipped
                    continue
    return hidden


def _is_article_header(element: Tag) -> bool:
    """A <header> holding a headline rather than the site's logo and menu."""
    if element.find(("h1", "h2")) is None:
        return False
    text_chars = _visible_chars(element)
    link_chars = sum(_visible_chars(a) for a in element.find_all("a"))
    return not text_chars or link_chars / text_chars < rules.HEADER_MAX_LINK_RATIO


def _headline_from_title(soup: BeautifulSoup) -> str:
    """The longest part of the page's <title> ("headline_site"), whitespace removed."""
    title = soup.find("title")
    if title is None:
        return ""
    parts = [_squeeze(p) for p in rules.TITLE_SEPARATORS.split(title.get_text())]
    longest = max(parts, key=len, default="")
    return longest if len(longest) >= rules.TITLE_MIN_CHARS else ""


def _squeeze(text: str) -> str:
    return _WHITESPACE.sub("", text)


def _class_tokens(element: Tag) -> set[str]:
    classes = element.get("class") or []
    if isinstance(classes, str):
        classes = [classes]
    ident = element.get("id") or ""
    return {t for t in _CLASS_TOKEN.split(" ".join([*classes, ident]).lower()) if t}


def _prose_chars(element) -> int:
    """Characters of punctuated, non-link text: the measure of how much article an element holds."""
    total = 0
    for string in element.find_all(string=True):
        if isinstance(string, _NON_TEXT_STRINGS):
            continue
        text = string.strip()
        if len(text) >= rules.PROSE_MIN_CHARS and rules.PROSE_PUNCTUATION.search(text) and not string.find_parent("a"):
            total += len(text)
    return total


def _visible_chars(element: Tag) -> int:
    return len(_WHITESPACE.sub("", element.get_text()))


def _decompose(element: Tag) -> None:
    if not getattr(element, "decomposed", False):
        element.decompose()


def _replace_by_barrier(soup: BeautifulSoup, element: Tag) -> None:
    links = len(element.find_all("a"))
    if links >= rules.BARRIER_MIN_LINKS or _visible_chars(element) >= rules.BARRIER_MIN_CHARS:
        element.replace_with(soup.new_tag(_BARRIER))
    element.decompose()
