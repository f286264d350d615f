"""HTML pages: drop invisible and furniture elements, then keep the densest run of article blocks.

Parsing is beautifulsoup4 over lxml's HTML parser, which neither loads DTDs nor resolves
external entities nor fetches anything. The tree is measured once (text, link text, prose and
anchors per element) and removals are decided on those measures before the tree is touched:
bs4's own searches are too slow to run per element.
"""

import re
import warnings
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from bs4 import BeautifulSoup, MarkupResemblesLocatorWarning, NavigableString, Tag, XMLParsedAsHTMLWarning
from bs4.element import CData, Comment, Declaration, Doctype, ProcessingInstruction

from pipeline.clean import rules
from pipeline.clean.spamlines import JunkLineJudge, related_list_start
from pipeline.resources import data_lines

_NON_TEXT_STRINGS = (Comment, CData, Declaration, Doctype, ProcessingInstruction)
_BARRIER = "clean-barrier"  # stands where a large furniture element was removed
TABLE_CELLS = ("td", "th")
_WHITESPACE = re.compile(r"\s+")
# A line break in a text's markup between two wide characters (CSS Text's segment break rule):
# no space in Chinese text. Word and old CMSs wrap their source lines anywhere (宁\n波邮政).
# (Between elements, a line break stays a space: a WeChat header's 原创 / 浙江邮政 spans.)
_WIDE = "\u2e80-\u9fff\uf900-\ufaff\uff01-\uff60\u201c\u201d\u2018\u2019"
_SEGMENT_BREAK_BETWEEN_WIDE = re.compile(f"(?<=[{_WIDE}])[ \t]*[\r\n][ \t\r\n]*(?=[{_WIDE}])")
_NEXT_CELL = "\0"  # between a table row's cells while their text is gathered
_CLOCK_TIME_END = re.compile(r"\d{1,2}:\d{2}(?::\d{2})?$")
_WIDE_START = re.compile(r"[\u4e00-\u9fff]")
_INDENT = re.compile(r"[ \t\r\n]*[\u00a0\u3000]{2}")
_ENDS_SENTENCE = re.compile(r"[。！？!?…][”’」』）)\"']*$")
_CLASS_TOKEN = re.compile(r"[-_\s]+")
_DROP = frozenset(rules.DROP_TAGS)
_INLINE = frozenset(rules.INLINE_TAGS)
_CONTENT = frozenset(rules.CONTENT_TAGS)
_FARM_CANDIDATES = rules.BLOCK_TAGS - {"html", "body"}


def with_noscript_shown(markup: str) -> str | None:
    """``markup`` with its <noscript> elements' content in their place, as a browser without
    scripts shows it (a single-page app's shell may hold its article there alone); None where
    no <noscript> holds text."""
    if not rules.NOSCRIPT_WITH_TEXT.search(markup):
        return None
    return rules.NOSCRIPT_TAG.sub("", markup)


def with_noframes_shown(markup: str) -> str | None:
    """A frameset page's <noframes> content as its page (the frames' own pages are elsewhere:
    the fallback is all a saved copy holds); None where there is no such content."""
    frameset = rules.FRAMESET_TAG.search(markup)
    if frameset is None or not (shown := rules.NOFRAMES_WITH_TEXT.search(markup)):
        return None
    return markup[:frameset.start()] + shown.group(1)  # (its head: the <title>)


def looks_like_html(text: str) -> bool:
    """HTML by content: a document marker, or a fragment made of block tags.

    Text that merely carries stray tags on a few of its lines stays text, so that its line
    structure (PDF page text reflowed by the split stage) survives.
    """
    if rules.HTML_DOCUMENT_MARKER.search(text[:4096]):
        return True
    sample = text[: rules.HTML_SAMPLE_CHARS]
    if len(rules.HTML_BLOCK_TAG.findall(sample)) < rules.HTML_MIN_BLOCK_TAGS:
        return False
    lines = [line for line in sample.splitlines() if line.strip()]
    tagged = sum(1 for line in lines if rules.MARKUP.search(line))
    return tagged >= rules.HTML_MIN_TAGGED_LINE_SHARE * len(lines)


@dataclass
class _Block:
    text: str = ""
    link_chars: int = 0
    heading: int = 0  # 1..6 for h1..h6
    titled: bool = False  # an ancestor's class/id says "title", or the text is the <title>'s headline
    logo: bool = False  # an ancestor's class/id says "logo": the site's name, whatever its tag
    barrier: bool = False
    junk: bool = False
    owner: int = 0  # id of the block element the text sits in, and of that element's parent
    container: int = 0
    in_root: bool = True  # inside the element holding most of the page's prose
    cell: bool = False  # a table's row or cell
    indented: bool = False  # opens with an indent (&nbsp;&nbsp;, 　　): a paragraph's first line
    tool_row: bool = False  # a barrier of the page's tools (分享到Facebook 分享到LINE 列印 字级：大中小)
    items: str = ""  # its text nodes apart by spaces, when more than one: a row of buttons, each an element

    @property
    def size(self) -> int:
        return len(self.text.replace(" ", ""))

    @property
    def link_dense(self) -> bool:
        return self.size > 0 and self.link_chars / self.size > rules.LINK_DENSE_RATIO


class _Measures:
    """Visible, link, prose characters and anchors per element; updated as subtrees are dropped.
    A string ``is_furniture`` takes for site furniture (a reposting notice, a copyright line)
    is no prose, however it is punctuated."""

    def __init__(self, root: Tag, is_furniture: Callable[[str], bool]) -> None:
        self.text: dict[int, int] = defaultdict(int)
        self.links: dict[int, int] = defaultdict(int)
        self.prose: dict[int, int] = defaultdict(int)
        self.anchors: dict[int, int] = defaultdict(int)
        for node in root.descendants:
            if isinstance(node, Tag):
                if node.name == "a":
                    for parent in node.parents:
                        self.anchors[id(parent)] += 1
                continue
            if isinstance(node, _NON_TEXT_STRINGS):
                continue
            chars = len(_WHITESPACE.sub("", node))
            if not chars:
                continue
            parents = list(node.parents)
            in_link = any(p.name == "a" for p in parents) and not _is_linked_prose(node, chars)
            is_prose = (
                not in_link and chars >= rules.PROSE_MIN_CHARS and rules.PROSE_PUNCTUATION.search(node)
                and not is_furniture(str(node))
            )
            for parent in parents:
                key = id(parent)
                self.text[key] += chars
                if in_link:
                    self.links[key] += chars
                if is_prose:
                    self.prose[key] += chars

    def drop(self, element: Tag) -> None:
        key = id(element)
        amounts = [(table, table.get(key, 0)) for table in (self.text, self.links, self.prose, self.anchors)]
        for parent in element.parents:
            for table, amount in amounts:
                if amount:
                    table[id(parent)] -= amount
        for table, _ in amounts:
            table[key] = 0


# XHTML pages (an XML declaration first) are read as the HTML browsers show, on purpose; a
# short page may look like a file name to bs4. Neither is news to a user.
warnings.filterwarnings("ignore", category=XMLParsedAsHTMLWarning)
warnings.filterwarnings("ignore", category=MarkupResemblesLocatorWarning)


class HtmlExtractor:
    def __init__(self, judge: JunkLineJudge) -> None:
        self._judge = judge
        self._chrome_hints = frozenset(data_lines("pipeline.clean", "chrome_hints.txt")) | rules.COMMENT_HINTS

    def extract(self, markup: str) -> str:
        """The article of an HTML page as plain text, one paragraph per line."""
        return self.extract_page(markup)[0]

    def extract_page(self, markup: str) -> tuple[str, bool]:
        """The article of an HTML page as plain text, and whether its lines are a PDF's printed
        lines (a PDF converted to HTML) rather than paragraphs, one per line."""
        soup = BeautifulSoup(markup, "lxml")
        if rules.DOCUMENT_WRITE.search(markup):
            _written_markup_in_place(soup)
        if "srcdoc" in markup:
            _frame_documents_in_place(soup)
        _decks_marked(soup)
        _image_headlines_as_text(soup)
        _buttons_removed(soup)
        _document_comments_removed(soup)
        if rules.READER_NOTE_HINT.search(markup):  # (most pages: none)
            _reader_notes_removed(soup)
        title_parts = _title_parts(soup)
        headline = _WHITESPACE.sub("", max(title_parts, key=len, default=""))  # as blocks are compared
        headline = headline if len(headline) >= rules.TITLE_MIN_CHARS and not _paper_alone(title_parts) else ""
        # The <title>'s parts after its first name the section and the site: a heading of them is
        # the logo. (The headline is its longest part: on a mirror's page, its spam suffix.)
        site_names = {_WHITESPACE.sub("", part) for part in title_parts[1:]} - {headline}
        published = _published_in_markup(soup)
        account = _publishing_account(soup, dated=published is not None)
        site = account or _site_name_in_markup(soup) or _site_in_title(title_parts, headline)
        author = _author_in_markup(soup)
        positioned_classes = _positioned_classes(soup)  # (read before the <style> elements go)
        _remove_outermost(soup, _invisible_elements(soup), barriers=set())
        printed = _printed_lines(soup, positioned_classes) if rules.POSITION_ABSOLUTE.search(markup) else None
        if printed is not None:
            return "\n".join(printed), True
        measures = _Measures(soup, self._judge.is_junk)
        # The article's container is judged without the prose of what markup names furniture
        # (a footer's copyright and address lines): by a footer of some length it was the page's
        # container, which holds the comments, whose class hint then counted for nothing.
        semantic = self._furniture(soup, measures, None, headline, hinted=False)
        content_root = _content_root(soup, measures, semantic)
        furniture = [*semantic, *self._furniture(soup, measures, content_root, headline, hinted=True)]
        barriers = {id(e) for e in furniture if _is_large(e, measures)}
        farms = _link_farms(soup, measures, barriers)
        planted = self._planted_spam(soup, measures)
        _remove_outermost(soup, [*furniture, *farms, *planted], barriers)
        photographers = _captions_removed(soup, measures, content_root)
        blocks = _blocks(soup, content_root)
        named = None  # the block the <title> names the headline of
        for block in blocks:
            # (字号收藏分享: a row of buttons, one element each, is judged with its items apart)
            block.junk = not block.barrier and (
                self._judge.is_junk(block.text) or bool(block.items) and self._judge.is_chrome(block.items)
            )
            # (or its links taken out as a farm, the row left empty)
            block.tool_row = block.barrier and (
                not block.size or block.size <= rules.HEAD_MAX_CHARS and self._judge.is_chrome(block.text)
            )
            if block.junk and (fields := self._judge.without_furniture_fields(block.text)):
                block.text, block.junk = fields, False
            if block.heading and (block.logo or _WHITESPACE.sub("", block.text) in site_names):
                # <h1>中国邮政网</h1> under <title>…_中国邮政网, or <h1 class="logo">: the site's name
                block.heading, block.junk = 0, True
            elif headline and _is_headline(_WHITESPACE.sub("", block.text), headline):
                block.titled = True
                named = named or block
                site = site or _site_glued_to(headline, _WHITESPACE.sub("", block.text))
        start, end = _main_window(blocks)
        lines: list[str] = []
        previous, top_level = None, 7
        title_text, decks = None, 0  # the headline's line, which the <title> names, and the decks under it
        indenting = {block.owner for block in blocks[start:end] if block.indented}
        for block in blocks[start:end]:
            text = self._judge.strip_spam_sentences(block.text) if _is_text(block) else ""
            if block.heading or block.titled:
                text = self._judge.without_spam_suffixes(text)
            if not text:
                continue
            if _wrapped_by_hand(block, previous, indenting, lines):
                lines[-1] += _wrap_glue(lines[-1][-1], text[0]) + text
                previous = block
                continue
            # A heading of the highest level yet that opens another element's text may start
            # another article (a page of several); under a higher heading it heads a section.
            opens_element = previous is not None and block.container != previous.container
            if block.heading and block.heading <= top_level and opens_element:
                lines.append("")
            top_level = min(top_level, block.heading or top_level)
            if block is named:
                title_text = text
            elif title_text is not None and len(lines) > decks and lines[-1 - decks] == title_text and (
                block.heading or text.startswith(rules.DECK_DASHES)
            ):
                decks += 1  # a heading right under the headline: its deck
            lines.append(text)
            previous = block
        related = related_list_start(lines)  # a related list's label, its linked titles gone
        if related is not None:
            del lines[related:]
        if not any(rules.SENTENCE_MARK.search(line) for line in lines):
            return "", False  # no sentence: a list or index page, its linked titles gone, its furniture left
        _related_articles_set_apart(lines)
        _drop_restated_summary(lines)
        _drop_translated_summary(lines)
        _cut_at_end_mark(lines)
        _drop_rights_notice(lines)
        if photographers and lines:
            lines.append(f"（摄影：{' '.join(photographers)}）")  # credited as a closing line credits them
        titled = any(block.titled or block.heading for block in blocks[start:end])
        # (a line goes under the headline, a kicker above it, and its decks)
        under_title = lines.index(title_text) + 1 + decks if title_text in lines[: rules.HEAD_LOOKBACK] else _head_end(lines, titled)
        if published and lines and not any(rules.DATE.search(line) for line in lines[: rules.HEAD_LOOKBACK]):
            # The date the page shows only by script or states in its <meta>: under the headline,
            # on the line naming the publishing account if one does (原创 王芳 某某邮政: the
            # date's place, which script fills), a line of fields then.
            if account and under_title < len(lines) and account in lines[under_title]:
                lines[under_title] += f"  发布时间：{published}"
            else:
                lines.insert(under_title, f"发布时间：{published}")
        if account and sum(1 for line in lines if rules.SOURCE_LABEL.search(line)) > 1:
            # An account's copy that states its source (本文来源：某某晚报): that is the source.
            field = rules.ACCOUNT_FIELD.format(account)  # (in the account's line: the text's own stays)
            head = next(index for index, line in enumerate(lines) if field in line)
            lines[head] = lines[head].replace(field, account, 1)
        if site and lines and not any(rules.SOURCE_LABEL.search(line) for line in lines) and not any(
            rules.PAPER_NAME.search(line) or rules.DATED_OUTLET.fullmatch(line.strip()) for line in lines[:rules.HEAD_LOOKBACK]
        ):
            # The site the page names only in its head (og:site_name, the <title>): the story's
            # source, unless the text names one (a portal's copy: 2024年07月08日 06:52 经济日报).
            lines.insert(under_title, f"来源：{site}")
        if author and lines and not any(rules.CREDIT_LABEL.search(line) for line in lines[:rules.HEAD_LOOKBACK]):
            # The writer the page names only in its <meta name="author"> (a platform's column):
            # credited under the headline, where the text credits no one.
            lines.insert(under_title, f"作者：{author}")
        if lines and not titled:
            # No headline in the page's text: the <title>'s part the article is about heads it.
            title = _title_of_body(title_parts, "".join(lines))
            if title:
                lines.insert(0, title)
        return "\n".join(lines), False

    def _furniture(
        self, soup: BeautifulSoup, measures: _Measures, content_root: Tag | None, headline: str, hinted: bool
    ) -> list[Tag]:
        """Navigation, headers, footers, asides and forms (``hinted``: hint-classed furniture
        instead), unless they hold the article.

        Markup may lie: an element marked as furniture stays when it holds most of the prose,
        sits inside the article's container (class hints only), is the page's headline, or is
        a lone byline/date line (HTML5 puts article metadata in <footer>).
        """
        total_prose = measures.prose[id(soup)]
        found = []
        for element in _tags(soup):
            semantic = self._semantic_furniture(element)
            if hinted and (semantic or not self._hinted_furniture(element)) or not hinted and not semantic:
                continue
            if total_prose and measures.prose[id(element)] >= rules.PROSE_SHARE_KEEP * total_prose:
                continue
            if hinted and content_root is not None and _is_inside(element, content_root) and not (
                _class_tokens(element) & rules.COMMENT_HINTS  # readers' comments: never the article's
            ):
                continue
            if element.name != "nav" and self._is_headline_or_meta(element, measures, headline):
                continue
            found.append(element)
        return found

    def _is_headline_or_meta(self, element: Tag, measures: _Measures, headline: str) -> bool:
        key = id(element)
        if not measures.text[key] or measures.text[key] > rules.HEAD_MAX_CHARS or measures.anchors[key] > 1:
            return False
        text = element.get_text(" ", strip=True)
        if headline and _WHITESPACE.sub("", text) == headline:
            return True
        if rules.CLAUSE_MARK.search(text):  # a byline/date line is a list of fields, not clauses
            return False
        return bool(rules.META_LINE.search(text)) and not self._judge.is_junk(text)

    @staticmethod
    def _semantic_furniture(element: Tag) -> bool:
        if element.name in rules.CHROME_TAGS or element.get("role") in rules.CHROME_ROLES:
            return True
        if element.name == "header":
            return not any(p.name in _CONTENT for p in element.parents) and not _is_article_header(element)
        return False

    def _hinted_furniture(self, element: Tag) -> bool:
        tokens = _class_tokens(element)
        return bool(tokens & self._chrome_hints) and not any(rules.TITLE_HINT.search(t) for t in tokens)

    def _planted_spam(self, soup: BeautifulSoup, measures: _Measures) -> list[Tag]:
        """Spam phrases planted as visible inline elements (often links) inside running text."""
        found = []
        for element in _tags(soup, _INLINE):
            chars = measures.text[id(element)]
            if not chars or chars > rules.INLINE_MAX_CHARS or not self._judge.is_spam(element.get_text()):
                continue
            # A block made of the phrase alone is judged as a block, not cut out here.
            owner = next((p for p in element.parents if p.name in rules.BLOCK_TAGS), None)
            if owner is not None and chars < rules.PLANTED_MAX_SHARE * measures.text[id(owner)]:
                found.append(element)
        return found


def _written_markup_in_place(soup: BeautifulSoup) -> None:
    """Each script writing prose into the page (document.write("<p>…</p>"), a mirror's article
    written so, escape()d: document.write(unescape("%3Cp%3E%u897F…"))) replaced by what it
    writes. (An advert's few words written so stay out with the script.)"""
    for script in soup.find_all("script"):
        written = "".join(_written(call) for call in rules.DOCUMENT_WRITE.finditer(script.get_text()))
        if not written.strip():
            continue
        fragment = BeautifulSoup(written, "lxml")
        text = fragment.get_text()
        if len(text.strip()) < rules.PROSE_MIN_CHARS or not rules.SENTENCE_MARK.search(text):
            continue
        for child in list((fragment.body or fragment).contents):
            script.insert_before(child.extract())
        script.decompose()


def _frame_documents_in_place(soup: BeautifulSoup) -> None:
    """Each frame whose document its srcdoc attribute holds (a CMS showing the article's body
    so) replaced by that document's body: the page's text as a browser shows it."""
    for frame in soup.find_all("iframe", srcdoc=True):
        document = BeautifulSoup(frame["srcdoc"], "lxml")
        for child in list((document.body or document).contents):
            frame.insert_before(child.extract())
        frame.decompose()


def _written(call: re.Match) -> str:
    """The string a document.write call writes: its literals joined, unescape()d if it says so."""
    text = "".join(
        rules.JS_STRING_ESCAPE.sub(_js_escaped_character, literal[1:-1])
        for literal in rules.JS_STRING_LITERAL.findall(call.group("strings"))
    )
    if call.group("unescape"):
        text = rules.JS_PERCENT_ESCAPE.sub(lambda m: chr(int(m.group(1) or m.group(2), 16)), text)
    return text.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "replace")  # %uD83D%uDE00: one character


def _js_escaped_character(match: re.Match) -> str:
    code = match.group(1) or match.group(2)
    if code:
        return chr(int(code, 16))
    return {"n": "\n", "t": "\t", "r": ""}.get(match.group(3), match.group(3))


def _invisible_elements(soup: BeautifulSoup) -> list[Tag]:
    """Non-text elements and everything hidden by attribute, inline style or the page's own CSS,
    but for an element holding most of the page's prose: the article, which the page's script
    shows once loaded (a WeChat article saved from the browser: #js_content visibility:hidden)."""
    hidden = _css_hidden_elements(soup)
    found = []
    for element in _tags(soup):
        if element.name in _DROP:
            found.append(element)
        elif element.has_attr("hidden") or element.get("aria-hidden") == "true":
            hidden.append(element)
        else:
            style = element.get("style")
            if style and rules.HIDDEN_STYLE.search(style) or _white_on_white(element, style):
                hidden.append(element)
    # (an element's text's length bounds its prose: most hidden elements are short, and the
    # page's prose goes unmeasured)
    long_enough = {id(e) for e in hidden if len(e.get_text()) >= rules.REVEALED_ARTICLE_MIN_CHARS}
    least = rules.REVEALED_ARTICLE_SHARE * _prose_chars(soup) if long_enough else 0
    found.extend(e for e in hidden if id(e) not in long_enough or _prose_chars(e) < least)
    return found


def _drop_rights_notice(lines: list[str]) -> None:
    """A site's rights notice under its label closing the page (某某网版权说明：凡注明来源…), longer
    than the furniture lines are judged up to."""
    while lines and rules.RIGHTS_NOTICE.match(lines[-1].strip()):
        del lines[-1]


def _cut_at_end_mark(lines: list[str]) -> None:
    """An article's end mark on a line of its own (END, - END -, （完）): what follows it is,
    but for its credit lines (来源：… 文字：…, 编辑：…), the account's or site's closing
    furniture (分享、点赞、在看, 往期推荐), short lines all."""
    for index in range(len(lines) - 2, 0, -1):
        mark = lines[index].strip()
        if rules.END_MARK.fullmatch(mark):
            if all(len(line) <= rules.HEAD_MAX_CHARS for line in lines[index + 1:]):
                credits = [line for line in lines[index + 1:] if rules.META_LINE.search(line)]
                del lines[index + ("完" in mark):]  # (a wire's （完） is its text's, END a layout's)
                lines += credits
            return


def _white_on_white(element: Tag, style: str | None) -> bool:
    """Text coloured white (<font color="#ffffff">, style="color:#fff") where neither it nor an
    element around it sets a background: on the page's white, unseen (a spam mirror's planted
    words). A banner's or button's white text stands on a background its markup sets."""
    colour = element.get("color") if element.name == "font" else None
    if not (colour and rules.WHITE.fullmatch(colour.strip()) or style and rules.WHITE_TEXT_STYLE.search(style)):
        return False
    for around in (element, *element.parents):
        if isinstance(around, Tag) and (
            around.get("bgcolor") or around.get("background") or rules.BACKGROUND_STYLE.search(around.get("style") or "")
        ):
            return False
    return True


def _prose_chars(root: Tag) -> int:
    """Characters of ``root``'s text in sentences: text outside script, style and the like,
    up to each string's last sentence end."""
    total = 0
    for string in root.find_all(string=True):
        if string.parent is not None and string.parent.name not in _DROP:
            end = max(string.rfind(mark) for mark in "。！？!?")
            total += end + 1
    return total


def _positioned_classes(soup: BeautifulSoup) -> set[str]:
    """Classes the page's CSS positions absolutely (simple class selectors)."""
    return {
        selector.strip()[1:]
        for style in soup.find_all("style")
        for selectors, declarations in rules.CSS_RULE.findall(style.get_text())
        if rules.POSITION_ABSOLUTE.search(declarations)
        for selector in selectors.split(",")
        if rules.CLASS_SELECTOR.fullmatch(selector.strip())
    }


def _printed_lines(soup: BeautifulSoup, positioned_classes: set[str]) -> list[str] | None:
    """The lines of a PDF converted to HTML (pdf2htmlEX, pdftohtml -c): nearly all its text in
    absolutely positioned elements, each a printed line; None for any other page."""
    positioned = [
        element for element in _tags(soup)
        if rules.POSITION_ABSOLUTE.search(element.get("style") or "")
        or not positioned_classes.isdisjoint(element.get("class") or ())
    ]
    if len(positioned) < rules.PRINTED_LINES_MIN:
        return None
    ids = {id(element) for element in positioned}
    outer = {id(parent) for element in positioned for parent in element.parents if id(parent) in ids}
    lines = [
        text for element in positioned
        if id(element) not in outer and (text := _WHITESPACE.sub(" ", element.get_text()).strip())
    ]
    printed_chars = sum(len(_WHITESPACE.sub("", line)) for line in lines)
    all_chars = len(_WHITESPACE.sub("", soup.get_text()))
    if len(lines) < rules.PRINTED_LINES_MIN or printed_chars < rules.PRINTED_TEXT_SHARE * all_chars:
        return None
    return lines


def _css_hidden_elements(soup: BeautifulSoup) -> list[Tag]:
    """Elements hidden by simple selectors in the page's <style> blocks, but those a later rule
    shows again, setting the hiding property otherwise (pdf2htmlEX sets every line's font-size
    to 1px, then each line's size by another class)."""
    css = [rule for style in soup.find_all("style") for rule in rules.CSS_RULE.findall(style.get_text())]
    showing: dict[str, list[tuple[int, set[int]]]] = {}  # per property: (rule's order, elements it shows)
    hidden = []
    for order, (selectors, declarations) in enumerate(css):
        hiding = rules.HIDDEN_STYLE.search(declarations)
        if not hiding:
            continue
        found = _selected(soup, selectors)
        prop = rules.OVERRIDABLE_PROPERTY.match(hiding.group())
        if found and prop:
            prop = prop.group().lower()
            if prop not in showing:  # (each rule selected once, however many rules it overrides)
                showing[prop] = [
                    (index, {id(element) for element in _selected(soup, later)})
                    for index, (later, later_declarations) in enumerate(css) if _shows(later_declarations, prop)
                ]
            shown = set().union(*(ids for index, ids in showing[prop] if index > order))
            found = [element for element in found if id(element) not in shown]
        hidden += found
    return hidden


def _shows(declarations: str, prop: str) -> bool:
    """Whether ``declarations`` set ``prop`` to a value that hides nothing."""
    value = re.search(rf"(?<![-\w]){prop}\s*:\s*([^;]+)", declarations, re.I)
    return value is not None and not rules.HIDDEN_STYLE.search(f"{prop}:{value.group(1)};")


def _selected(soup: BeautifulSoup, selectors: str) -> list[Tag]:
    """The elements simple ``selectors`` select (none for pseudo-classes and at-rules)."""
    found = []
    for selector in selectors.split(","):
        selector = selector.strip()
        if not selector or ":" in selector or "@" in selector:
            continue
        try:
            found.extend(soup.select(selector))
        except Exception:  # soupsieve rejects what it cannot parse; such a rule is skipped
            continue
    return found


def _link_farms(soup: BeautifulSoup, measures: _Measures, barriers: set[int]) -> list[Tag]:
    """Blocks of several links that are mostly anchor text, innermost first.

    Each farm found is taken out of its ancestors' measures, so a page whose farms outweigh
    its article is not judged a farm as a whole.
    """
    found = []
    for element in reversed(_tags(soup, _FARM_CANDIDATES)):
        key = id(element)
        text = measures.text[key]
        if (
            measures.anchors[key] >= rules.LINK_FARM_MIN_LINKS
            and text
            and measures.links[key] / text >= rules.LINK_FARM_MIN_RATIO
        ):
            found.append(element)
            if _is_large(element, measures):
                barriers.add(key)
            measures.drop(element)
    return found


def _content_root(soup: BeautifulSoup, measures: _Measures, furniture: list[Tag]) -> Tag | None:
    """The deepest element that still holds most of the page's prose, ``furniture``'s not
    counted: the article's container."""
    discount: dict[int, int] = defaultdict(int)
    chosen = {id(e) for e in furniture}
    for element in furniture:
        if not any(id(p) in chosen for p in element.parents):  # outermost: counted once
            for node in (element, *element.parents):
                discount[id(node)] += measures.prose[id(element)]

    def prose(element: Tag) -> int:
        return measures.prose[id(element)] - discount[id(element)]

    total = prose(soup)
    if total <= 0:
        return None
    node: Tag = soup
    while True:
        best = max((c for c in node.children if isinstance(c, Tag)), key=prose, default=None)
        if best is None or prose(best) < rules.CONTENT_ROOT_SHARE * total:
            return node
        node = best


def _remove_outermost(soup: BeautifulSoup, elements: list[Tag], barriers: set[int]) -> None:
    """Remove elements decided on the intact tree, outermost only; ``barriers`` leave a marker behind."""
    chosen = {id(e) for e in elements}
    outermost = [e for e in elements if not any(id(p) in chosen for p in e.parents)]
    seen = set()
    for element in outermost:
        if id(element) in seen:
            continue
        seen.add(id(element))
        if id(element) in barriers:
            element.replace_with(soup.new_tag(_BARRIER))
        element.decompose()


def _captions_removed(soup: BeautifulSoup, measures: _Measures, content_root: Tag | None) -> list[str]:
    """Take the captions of the article's pictures out of its text (a <figcaption>; a short
    centred or caption-classed line right under a picture), unless they are most of it (a photo
    report's text is its captions); the photographers their credits name (次旦 摄), in order."""
    captions = [element for element in _tags(soup) if _is_caption(element)]
    if not captions:
        return []
    caption_chars = sum(len(_WHITESPACE.sub("", element.get_text())) for element in captions)
    prose = measures.prose[id(content_root if content_root is not None else soup)]
    if prose - caption_chars < max(rules.CAPTIONED_PROSE_MIN_CHARS, rules.CAPTIONS_PROSE_FACTOR * caption_chars):
        return []
    photographers: list[str] = []
    for element in captions:
        credit = rules.CAPTION_CREDIT.search(element.get_text().strip())
        if credit:
            names = (credit.group(1) or credit.group(2)).split()
            photographers += [name for name in names if name not in photographers]
        measures.drop(element)
        element.extract()
    return photographers


def _is_caption(element: Tag) -> bool:
    if element.name == "figcaption":
        return True
    if element.name not in rules.CAPTION_TAGS or element.find("img") is not None:
        return False
    text = _WHITESPACE.sub("", element.get_text())
    if not text or len(text) > rules.CAPTION_MAX_CHARS:
        return False
    style = (element.get("style") or "").replace(" ", "").lower()
    hinted = rules.CAPTION_CLASS.search(" ".join([*element.get("class", []), element.get("id") or ""]))
    if not (hinted or "text-align:center" in style or (element.get("align") or "").lower() == "center"):
        return False
    above = element.find_previous_sibling()  # the picture: an <img>, or an element holding one and no text
    if above is None:
        return False
    return above.name == "img" or above.find("img") is not None and not above.get_text().strip()


def _is_large(element: Tag, measures: _Measures) -> bool:
    key = id(element)
    return measures.anchors[key] >= rules.BARRIER_MIN_LINKS or measures.text[key] >= rules.BARRIER_MIN_CHARS


def _tags(root: Tag, names: frozenset[str] | None = None) -> list[Tag]:
    """Elements under ``root`` in document order (a plain walk: bs4's find_all is slow per call)."""
    return [n for n in root.descendants if isinstance(n, Tag) and (names is None or n.name in names)]


# --- linearisation


def _blocks(soup: BeautifulSoup, content_root: Tag | None) -> list[_Block]:
    """Text blocks in document order; a block ends where a block element or <br> starts or ends."""
    blocks: list[_Block] = []
    hints_cache: dict[int, tuple[bool, bool]] = {}
    current_owner = None
    parts: list[str] = []
    link_chars = 0
    heading = 0
    titled = logo = False
    in_root = True

    def flush() -> None:
        nonlocal parts, link_chars
        raw = "".join(parts)
        # (a data table's cells apart by a tab: spaces inside a cell are its own, 李　强)
        text = "\t".join(_WHITESPACE.sub(" ", cell).strip() for cell in raw.split(_NEXT_CELL)).strip()
        items = [part.strip() for part in parts if part.strip() and part != _NEXT_CELL]
        if text:
            container = current_owner.parent if current_owner is not None else None
            cell = current_owner is not None and current_owner.name in TABLE_CELLS
            blocks.append(
                _Block(
                    text, link_chars, heading, titled, logo=logo,
                    owner=id(current_owner), container=id(container), in_root=in_root, cell=cell,
                    indented=_INDENT.match(raw) is not None, items=" ".join(items) if len(items) > 1 else "",
                )
            )
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
        owner, in_link, in_pre, level, has_title, has_logo = _context(node, hints_cache)
        if owner is not current_owner and not in_pre and not node.strip():
            continue  # layout whitespace between elements (a row's cells, a list's items)
        if owner is not current_owner and _next_cell(current_owner, owner):
            parts.append(_NEXT_CELL)  # a data table's row is one line, its cells apart
            current_owner = owner
        elif owner is not current_owner:
            flush()
            current_owner, heading, titled, logo = owner, level, has_title, has_logo
            in_root = content_root is None or owner is content_root or (owner is not None and _is_inside(owner, content_root))
        text = str(node)
        if not in_pre:
            text = _SEGMENT_BREAK_BETWEEN_WIDE.sub("", text)
        if parts and _CLOCK_TIME_END.search(parts[-1]) and _WIDE_START.match(text):
            parts.append(" ")  # 08:15 and 中国新闻网, two elements of a header: a time, then the outlet
        if in_pre and "\n" in text:
            *whole_lines, text = text.split("\n")
            for line in whole_lines:
                parts.append(line)
                flush()
        parts.append(text)
        chars = len(_WHITESPACE.sub("", text))
        if in_link and not _is_linked_prose(text, chars):
            link_chars += chars
    flush()
    return blocks


def _wrapped_by_hand(block: _Block, previous: _Block | None, indenting: set[int], lines: list[str]) -> bool:
    """Whether ``block`` is more of the paragraph above it, a line an old site's editor broke
    with <br> (…在安定区邮政分公司的<br>电商仓储中心里…): in an element whose paragraphs open
    with an indent, an unindented line under one that ends no sentence."""
    return (
        previous is not None and not block.indented and block.owner == previous.owner and block.owner in indenting
        and not block.heading and bool(lines) and lines[-1] != "" and not _ENDS_SENTENCE.search(lines[-1])
    )


def _wrap_glue(before: str, after: str) -> str:
    """What a hand-wrapped line break stood for: a space between English words, nothing in
    Chinese text or inside a figure (带动农户增收8<br>00余万元)."""
    words = before.isascii() and after.isascii() and not (before.isdigit() and after.isdigit())
    return " " if words and before.isalnum() and after.isalnum() else ""


def _next_cell(cell: Tag | None, following: Tag | None) -> bool:
    """Whether ``following`` is the next cell of ``cell``'s table row, both short: a data
    table's (a layout table's cells hold whole columns of a page)."""
    return (
        cell is not None
        and following is not None
        and cell.name in TABLE_CELLS
        and following.name in TABLE_CELLS
        and following.parent is cell.parent
        and all(len(c.get_text(strip=True)) <= rules.TABLE_CELL_MAX_CHARS for c in (cell, following))
    )


def _context(
    node: NavigableString, hints_cache: dict[int, tuple[bool, bool]]
) -> tuple[Tag | None, bool, bool, int, bool, bool]:
    """(nearest block ancestor, inside <a>, inside <pre>, heading level, title hint, logo hint)
    of a string."""
    owner = None
    in_link = in_pre = has_title = has_logo = False
    level = 0
    for parent in node.parents:
        name = parent.name
        if name == "a" and owner is None:  # a link wrapping whole blocks is layout, not link text
            in_link = True
        elif name == "pre":
            in_pre = True
        elif name in rules.HEADING_TAGS and not level:
            level = int(name[1])
        if owner is None and name in rules.BLOCK_TAGS:
            owner = parent
        if parent.attrs and not (has_title and has_logo):
            key = id(parent)
            hints = hints_cache.get(key)
            if hints is None:
                tokens = _class_tokens(parent)
                hints = hints_cache[key] = (
                    any(rules.TITLE_HINT.search(t) for t in tokens), not tokens.isdisjoint(rules.LOGO_HINTS)
                )
            has_title, has_logo = has_title or hints[0], has_logo or hints[1]
    return owner, in_link, in_pre, level, has_title, has_logo


# --- main-content window


def _main_window(blocks: list[_Block]) -> tuple[int, int]:
    """[start, end) of the article: the best-scoring run of blocks, widened to its head and tail lines."""
    best_sum, best = 0, None
    running, run_start = 0, 0
    for index, block in enumerate(blocks):
        if running <= 0:
            running, run_start = 0, index
        teaser = index and _is_teaser(blocks[index - 1], block) and not _prose_resumed(blocks, index)
        running += 0 if teaser else _weight(block)
        if running > best_sum:
            best_sum, best = running, (run_start, index + 1)
    if best is None:
        return 0, len(blocks)
    start, end = _trim_to_root(blocks, *best)
    return _head_start(blocks, start), _tail_end(blocks, end)


def _trim_to_root(blocks: list[_Block], start: int, end: int) -> tuple[int, int]:
    """Drop edge blocks outside the article's container (a notice column, a comment list).

    Headline and byline lines outside it come back through the head and tail rules.
    """
    trimmed_start, trimmed_end = start, end
    while trimmed_start < trimmed_end and not blocks[trimmed_start].in_root:
        trimmed_start += 1
    while trimmed_end > trimmed_start and not blocks[trimmed_end - 1].in_root:
        trimmed_end -= 1
    return (trimmed_start, trimmed_end) if trimmed_start < trimmed_end else (start, end)


def _weight(block: _Block) -> int:
    if block.barrier:
        return -rules.BARRIER_COST
    if block.junk:  # dropped anyway; spam planted between paragraphs must not split the article
        return -rules.SHORT_BLOCK_COST
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


def _prose_resumed(blocks: list[_Block], index: int) -> bool:
    """Whether blocks[index] goes on with the prose above the link before it, in one element (a
    link set between an article's paragraphs: 延伸阅读：<a>…</a>); a list's summaries sit each in
    its item."""
    before = next((b for b in reversed(blocks[: index - 1]) if not b.junk), None)
    return before is not None and before.container == blocks[index].container and _weight(before) > 0


def _head_start(blocks: list[_Block], start: int) -> int:
    """Take in headline, kicker, subtitle, byline and date lines just above the body.

    Lines are taken up to the furthest "anchor" (a heading, a title-classed element or a
    byline/date line), stopping at furniture, at long prose, and after the first <h1>.
    """
    body_start = start
    start = _same_container_run(blocks, start - 1, -1, blocks[start]) + 1
    if any(b.heading == 1 for b in blocks[start:body_start]):
        return _with_kicker(blocks, start)
    head = start
    headline_taken = False
    for index in range(start - 1, max(-1, start - 1 - rules.HEAD_LOOKBACK), -1):
        block = blocks[index]
        if block.junk or block.tool_row:  # (tools between headline and text: share, print, font size)
            continue
        # The headline may link to its own page; a linked heading over it is the site's logo.
        linked_headline = block.link_dense and (block.heading or block.titled) and not block.barrier
        if linked_headline and headline_taken:
            break
        linked_field = block.link_dense and not block.barrier and block.size <= rules.HEAD_MAX_CHARS
        if linked_field and rules.META_LINE.search(block.text):
            head = index  # a date or source line that links to its day's or the outlet's page
            block.link_chars = 0
            continue
        if (
            block.link_dense and not linked_headline and not block.barrier
            and block.size <= rules.HEAD_LINKED_NAME_MAX_CHARS
        ):
            continue  # the author's or the account's name linking to its page, under the headline
        if not (_is_text(block) or linked_headline) or block.size > rules.HEAD_MAX_CHARS:
            break
        if block.heading or block.titled or rules.META_LINE.search(block.text):
            head = index
            headline_taken = headline_taken or bool(block.heading or block.titled)
            block.link_chars = 0  # a headline linked to its own page is still the headline
            if block.heading == 1:
                return _with_kicker(blocks, head)
    return _unmarked_headline(blocks, head)


def _with_kicker(blocks: list[_Block], head: int) -> int:
    """``head`` (an <h1>'s block), or the heading right above it in its element: its kicker
    (<h3>从“马背邮路”到“无人机投递”</h3><h1>…</h1>)."""
    above = blocks[head - 1] if head else None
    if (
        above is not None and (above.heading or above.titled) and _is_text(above)
        and above.size <= rules.HEADLINE_MAX_CHARS and above.container == blocks[head].container
    ):
        return head - 1
    return head


def _unmarked_headline(blocks: list[_Block], head: int) -> int:
    """A plain short line right above the byline/date line, in the same element or in the table
    cell above the line's (an old site's layout, the title a <b> in a row of its own): the headline."""
    if head == 0 or blocks[head].heading or blocks[head].titled or not rules.META_LINE.search(blocks[head].text):
        return head
    above = blocks[head - 1]
    if (
        _is_text(above)
        and above.size <= rules.HEADLINE_MAX_CHARS
        and not rules.SENTENCE_END.search(above.text)
        and (above.container == blocks[head].container or above.cell and blocks[head].cell)
    ):
        return head - 1
    return head


def _tail_end(blocks: list[_Block], end: int) -> int:
    """Take in the body's own short closing lines, then byline/source lines below it (□记者, 来源)."""
    end = _same_container_run(blocks, end, 1, blocks[end - 1])
    limit = min(len(blocks), end + rules.TAIL_LOOKAHEAD)
    for index in range(end, limit):
        block = blocks[index]
        if block.junk:
            continue
        if not _is_text(block) or block.size > rules.HEAD_MAX_CHARS or not rules.META_LINE.search(block.text):
            return index
    return limit


def _same_container_run(blocks: list[_Block], index: int, step: int, edge: _Block) -> int:
    """First index from ``index`` (walking by ``step``) that is not text of the edge block's container.

    Short lines of the article (section heads, a closing "□name", PDF line fragments) sit in
    the same element as its paragraphs, or as text of their own in the element holding them
    (<div><b>headline</b><br><p>…); a table's rows inside the article's element belong to it
    too (figures after its last paragraph). They carry no density evidence.
    """
    while 0 <= index < len(blocks):
        block = blocks[index]
        if not block.junk:
            beside = block.owner == edge.owner or block.container == edge.container or block.owner == edge.container
            beside = beside or block.cell and block.in_root and edge.in_root
            if not _is_text(block) or not beside:
                break
        index += step
    return index


def _is_text(block: _Block) -> bool:
    return not (block.barrier or block.junk or block.link_dense)


# --- element tests


def _is_linked_prose(text: str, chars: int) -> bool:
    """Sentences inside a link (mirrors wrap whole articles in <a>) are prose, not navigation."""
    return chars >= rules.LINKED_PROSE_MIN_CHARS and bool(rules.SENTENCE_END.search(text))


def _is_article_header(element: Tag) -> bool:
    """A <header> holding a headline rather than the site's logo and menu."""
    if element.find(("h1", "h2")) is None:
        return False
    text_chars = len(_WHITESPACE.sub("", element.get_text()))
    link_chars = sum(len(_WHITESPACE.sub("", a.get_text())) for a in element.find_all("a"))
    return not text_chars or link_chars / text_chars < rules.HEADER_MAX_LINK_RATIO


def _is_inside(element: Tag, ancestor: Tag) -> bool:
    return any(p is ancestor for p in element.parents)


def _related_articles_set_apart(lines: list[str]) -> None:
    """Another article a page prints whole under the story, after a label (【相关报道】 over its
    headline and text): a blank line in the label's place sets it apart, a story of its own."""
    for index in range(1, len(lines) - 2):
        if (
            rules.RELATED_LIST_LABEL.fullmatch(lines[index].strip())
            and not _ENDS_SENTENCE.search(lines[index + 1]) and len(lines[index + 1]) <= rules.HEADLINE_MAX_CHARS
            and _ENDS_SENTENCE.search(lines[index + 2])
        ):
            lines[index] = ""


def _drop_translated_summary(lines: list[str]) -> None:
    """A summary in English a Chinese article's page sets above its text under a label (English
    Summary, Abstract, 英文摘要): a translation for foreign readers, not the story's text. The
    label and the lines of Latin text after it, when Chinese text follows and is most of the page's."""
    for index, line in enumerate(lines[: rules.HEAD_LOOKBACK + 2]):
        label = rules.TRANSLATED_SUMMARY_LABEL.match(line.strip())
        if not label:
            continue
        end = index + 1
        while end < len(lines) and not rules.IDEOGRAPH.search(lines[end]):
            end += 1
        text = "".join(lines)
        chinese = len(rules.IDEOGRAPH.findall(text)) > len(rules.LATIN_LETTER.findall(text))
        if end < len(lines) and chinese and not rules.IDEOGRAPH.search(label.group(1)):
            del lines[index:end]
        return


def _drop_restated_summary(lines: list[str]) -> None:
    """A CMS's summary above the text (DedeCMS's intro) that the lead paragraph restates: the
    story would tell it twice. The first sentence-ending line, if the next holds most of its
    character bigrams and more."""
    prose = [index for index, line in enumerate(lines[: rules.HEAD_LOOKBACK + 2]) if _ENDS_SENTENCE.search(line)]
    if len(prose) < 2 or prose[1] != prose[0] + 1:
        return
    summary, lead = (_WHITESPACE.sub("", lines[index]) for index in prose[:2])
    grams = {summary[i : i + 2] for i in range(len(summary) - 1)}
    shared = sum(1 for gram in grams if gram in lead)
    if len(summary) < len(lead) and grams and shared >= rules.RESTATED_SUMMARY_SHARE * len(grams):
        del lines[prose[0]]


def _published_in_markup(soup: BeautifulSoup) -> str | None:
    """The publication date a page states in its <meta> tags (article:published_time, PubDate),
    or in the variable a WeChat article's script shows it from (var ct = "<Unix time>"), or in
    a post's <time> element, or an e-paper in its edition line, one date, furniture with the
    page's buttons (上一版 下一版), or an element its class or id names the time, one date and
    its time alone."""
    for meta in soup.find_all("meta"):
        key = (meta.get("property") or meta.get("name") or meta.get("itemprop") or "").lower()
        date = rules.DATE.match(meta.get("content") or "") if key in rules.PUBLISHED_META_KEYS else None
        if date:
            return "-".join(date.groups())
    for script in soup.find_all("script"):
        stamp = rules.WECHAT_PUBLISH_TIME.search(script.get_text())
        if stamp:
            return datetime.fromtimestamp(int(stamp.group(1)), rules.CHINA_TIME).strftime("%Y-%m-%d")
        # (structured data: schema.org's datePublished, Baidu's pubDate)
        if (script.get("type") or "").lower() == "application/ld+json" and (
            published := rules.LD_JSON_PUBLISHED.search(script.get_text())
        ):
            return "{}-{:0>2}-{:0>2}".format(*published.groups())
    for time in soup.find_all("time", attrs={"datetime": rules.DATE}):
        # a blog's or a CMS's post date (WordPress: <time class="entry-date published">), not
        # its update's nor a comment's
        if _class_tokens(time) & rules.PUBLISHED_TIME_CLASSES or (time.get("itemprop") or "").lower() == "datepublished":
            return "-".join(rules.DATE.search(time["datetime"]).groups())
    editions = {
        "{}-{:0>2}-{:0>2}".format(*edition.groups())
        for text in soup.find_all(string=rules.EDITION_DATE) for edition in rules.EDITION_DATE.finditer(text)
    }
    if len(editions) == 1:
        return editions.pop()
    # (one such element: a list's or comments' times are theirs)
    stated = [
        (element, stamp)
        for element in soup.find_all(True) if element.attrs and not _class_tokens(element).isdisjoint(rules.TIME_CLASS_TOKENS)
        if (stamp := rules.DATE_AND_TIME.fullmatch(_WHITESPACE.sub(" ", element.get_text()).strip()))
    ]
    outermost = [stamp for element, stamp in stated if not any(_is_inside(element, other) for other, _ in stated)]
    if len(outermost) == 1:
        return "{}-{:0>2}-{:0>2}".format(*outermost[0].groups())
    return _date_in_own_url(soup) or _issue_date(soup)


def _issue_date(soup: BeautifulSoup) -> str | None:
    """An e-paper's issue date, a date and its weekday on a line of the page's header apart from
    the edition it names elsewhere (2025年01月15日 星期三 … 当前版：第05版), one date."""
    if not soup.find(string=rules.EDITION_NUMBER):
        return None
    dates = {
        "{}-{:0>2}-{:0>2}".format(*match.groups())
        for text in soup.find_all(string=rules.DATE_AND_WEEKDAY) for match in rules.DATE_AND_WEEKDAY.finditer(text)
    }
    return dates.pop() if len(dates) == 1 else None


def _date_in_own_url(soup: BeautifulSoup) -> str | None:
    """The date a news CMS writes into the page's own address, which its canonical link or
    og:url states (/content/2024-06/18/content_1785.html, /202406/t20240618_123.html)."""
    link = soup.find("link", rel="canonical")
    meta = soup.find("meta", attrs={"property": "og:url"})
    for url in (link and link.get("href"), meta and meta.get("content")):
        date = rules.URL_DATE.search(url or "")
        if date:
            year, month, day = (int(part) for part in date.group("year", "month", "day"))
            if 1 <= month <= 12 and 1 <= day <= 31:
                return f"{year}-{month:02d}-{day:02d}"
    return None


def _publishing_account(soup: BeautifulSoup, dated: bool = False) -> str | None:
    """The account a platform's page was published by (a WeChat official account, a news
    app's creator), named in the article's date line by a nickname element or a link to its
    profile page: the story's source, not the platform its og:site_name names. The name in
    the line becomes its 来源 field (unless the text states another source: see extract).
    On a page ``dated`` by its script or <meta>, the line may show no date: a script fills it."""
    for element in soup.find_all(_names_account):
        name = " ".join(element.get_text(" ").split())
        line = next((p for p in element.parents if p.name in rules.BLOCK_TAGS), None)
        text = _WHITESPACE.sub("", line.get_text()) if line is not None else ""
        if rules.ACCOUNT_NAME.fullmatch(name) and (dated or rules.DATE.search(text)) and len(text) <= rules.HEAD_MAX_CHARS:
            element.replace_with(f" {rules.ACCOUNT_FIELD.format(name)} ")
            return name
    return None


def _names_account(element: Tag) -> bool:
    if element.name == "a" and rules.ACCOUNT_LINK.search(element.get("href") or ""):
        return True
    return bool(rules.ACCOUNT_HINT.search(_class_and_id(element)))


def _author_in_markup(soup: BeautifulSoup) -> str | None:
    """The person <meta name="author"> (or article:author) names: a Chinese name of two to four
    characters, not a site's or a body's name (新华网, 某某邮政)."""
    for meta in soup.find_all("meta"):
        key = (meta.get("name") or meta.get("property") or "").lower()
        name = (meta.get("content") or "").strip()
        if key in rules.AUTHOR_META_KEYS and rules.PERSON_NAME.fullmatch(name) and not name.endswith(rules.NOT_A_PERSON_ENDINGS):
            return name
    return None


def _site_name_in_markup(soup: BeautifulSoup) -> str | None:
    """The article's source its <meta> tags state (a CMS's source, 来源：… written in it or not),
    else the site's name (og:site_name, application-name), a brand's figures too (香港01)."""
    named: dict[bool, str] = {}
    for meta in soup.find_all("meta"):
        key = (meta.get("property") or meta.get("name") or "").lower()
        name = rules.SOURCE_LABEL_START.sub("", " ".join((meta.get("content") or "").split()))
        is_source = key in rules.SOURCE_META_KEYS
        if (is_source or key in rules.SITE_NAME_META_KEYS) and (branded := rules.BRANDED_SITE_NAME.fullmatch(name)):
            named.setdefault(is_source, branded.group(1))
    return named.get(True) or named.get(False)


def _document_comments_removed(soup: BeautifulSoup) -> None:
    """A word processor's review comments (Google Docs' export: [a] after the words, linking to
    the comment after the text, whose paragraphs its <div> holds): no text of the document's."""
    for link in soup.find_all("a", href=rules.COMMENT_LINK):
        if rules.COMMENT_ID.fullmatch(link.get("id") or ""):
            (link.find_parent("div") or link.find_parent("p") or link).decompose()
        else:
            (link.find_parent("sup") or link).decompose()


def _buttons_removed(soup: BeautifulSoup) -> None:
    """Links and buttons to follow a writer or an account (关注, 追踪 beside a writer's credit:
    read as a second name)."""
    for element in soup.find_all(("a", "button")):
        if rules.FOLLOW_BUTTON.fullmatch(element.get_text(strip=True)):
            element.decompose()


def _reader_notes_removed(soup: BeautifulSoup) -> None:
    """What a clipping tool and its reader add to the page it clipped: its header naming the page
    (剪藏自：… | the clipping's time), the reader's note (我的批注：…), to-do items (Evernote's
    <en-todo/>, a checkbox before a line)."""
    for box in soup.find_all(lambda tag: tag.name == "en-todo" or tag.name == "input" and tag.get("type") == "checkbox"):
        item = box.find_parent(rules.NOTE_ITEM_TAGS)
        if item is not None and len(item.get_text(strip=True)) <= rules.TODO_MAX_CHARS:
            item.decompose()
    for item in soup.find_all(rules.NOTE_ITEM_TAGS):
        if not item.find(rules.NOTE_ITEM_TAGS) and rules.CLIPPER_LINE.fullmatch(" ".join(item.get_text(" ").split())):
            item.decompose()


def _image_headlines_as_text(soup: BeautifulSoup) -> None:
    """A headline set as an image (a government site's title banner), alone in a heading or an
    element its class names a title: its alt text is the headline's text."""
    for image in soup.find_all("img", alt=True):
        holder = image.parent
        alt = " ".join(image["alt"].split())
        if (
            holder is not None and len(alt) >= rules.TITLE_MIN_CHARS and rules.SENTENCE_MARK.search(alt) is None
            and not holder.get_text(strip=True)
            and (holder.name in rules.HEADING_TAGS or any(rules.TITLE_HINT.search(t) for t in _class_tokens(holder)))
        ):
            image.replace_with(alt)


def _decks_marked(soup: BeautifulSoup) -> None:
    """A deck the markup names (Founder e-papers' <founder-subtitle>, class="subtitle") opened
    with the dash a printed deck has, as the later stages know decks: a headline's second line
    otherwise. An e-paper's head rows classed by their parts' initials (yt 引题, bt 标题, ft 副题)
    name the deck ft (YUI's footer elsewhere: only beside a bt or yt)."""
    decks = soup.find_all(_names_deck)
    if soup.find(class_=rules.PAPER_HEAD_CLASSES):
        decks += soup.find_all(class_=rules.PAPER_DECK_CLASS)
    for element in decks:
        first = next((node for node in element.descendants if isinstance(node, NavigableString) and node.strip()), None)
        if first is not None and not first.lstrip().startswith(rules.DECK_DASHES):
            first.replace_with(rules.DECK_DASHES[0] + first.lstrip())


def _names_deck(element: Tag) -> bool:
    return element.name == "founder-subtitle" or bool(rules.DECK_HINT.search(_class_and_id(element)))


def _is_headline(text: str, headline: str) -> bool:
    """Whether a block's text is the <title>'s headline, or most of it at its end or its start:
    a site's name glued to it by a bare hyphen (章江日报数字报-寻乌邮政…), which no separator parts."""
    return text == headline or (
        len(text) >= rules.TITLE_MIN_CHARS and 2 * len(text) >= len(headline)
        and (headline.endswith(text) or headline.startswith(text))
    )


def _site_glued_to(title: str, headline: str) -> str | None:
    """The site's name a <title> glues to the page's headline with a bare hyphen
    (章江日报数字报-寻乌邮政…: 章江日报, an e-paper's suffix dropped)."""
    rest = (title[: -len(headline)] if title.endswith(headline) else title[len(headline):]).strip("-－_|｜ ")
    name = rules.EPAPER_SUFFIX.sub("", rest)
    return name if rules.SITE_NAME.fullmatch(name) and name.endswith(rules.SITE_NAME_ENDINGS) else None


def _site_in_title(parts: list[str], headline: str) -> str | None:
    """The site's name as the <title>'s last part names it after the headline (…增收_中国邮政网),
    or the whole <title> where it is a paper's name alone (解放日报: an e-paper's article page)."""
    paper = _paper_alone(parts)
    if paper:
        return paper
    name = _WHITESPACE.sub("", parts[-1]) if len(parts) >= 2 else ""
    if name == headline or not rules.SITE_NAME.fullmatch(name) or not name.endswith(rules.SITE_NAME_ENDINGS):
        return None
    return name


def _head_end(lines: list[str], titled: bool) -> int:
    """Where a page's head ends that its <title> does not name: after its headings, the lines
    before its first sentence (a kicker, the headline and a deck in a table's rows), or none."""
    first_sentence = next(
        (index for index, line in enumerate(lines[: rules.HEAD_LOOKBACK]) if rules.SENTENCE_MARK.search(line)), 0
    )
    return first_sentence if titled and first_sentence > 1 else int(titled)


def _paper_alone(parts: list[str]) -> str | None:
    """The paper's name, where it is the whole <title> (解放日报): no headline."""
    name = _WHITESPACE.sub("", parts[0]) if len(parts) == 1 else ""
    return name if rules.PAPER_NAME.fullmatch(name) else None


def _title_parts(soup: BeautifulSoup) -> list[str]:
    """The parts of the page's <title> ("headline_section_site"), runs of whitespace as one space,
    without a forum's or a portal's tags in brackets about them (【图片】…【快递吧】)."""
    title = soup.find("title")
    if title is None:
        return []
    parts = (" ".join(p.split()) for p in rules.TITLE_SEPARATORS.split(title.get_text()))
    return [rules.TITLE_TAGS.sub("", part) or part for part in parts]


def _title_of_body(parts: list[str], body: str) -> str | None:
    """The <title> part sharing the most character bigrams with the body (the site's and the
    section's names share few), if enough of them (see rules.TITLE_BODY_SHARE)."""
    body = _WHITESPACE.sub("", body)
    body_grams = {body[i:i + 2] for i in range(len(body) - 1)}
    scored = []  # (shared bigrams, share of its own, part)
    for part in parts:
        bare = _WHITESPACE.sub("", part)
        grams = {bare[i:i + 2] for i in range(len(bare) - 1)}
        if len(bare) >= rules.TITLE_MIN_CHARS and grams:
            shared = len(grams & body_grams)
            scored.append((shared, shared / len(grams), part))
    scored.sort(key=lambda item: item[0], reverse=True)
    if not scored or scored[0][0] < rules.TITLE_MIN_SHARED_BIGRAMS:
        return None
    shared, share, part = scored[0]
    # A headline the text words otherwise shares less; the site's name beside it, far less still.
    runner_up = scored[1][0] if len(scored) > 1 else 0
    if share >= rules.TITLE_BODY_SHARE or share >= rules.TITLE_BODY_SHARE_CLEAR and shared >= 2 * runner_up:
        return part
    return None


def _class_and_id(element: Tag) -> str:
    classes = element.get("class") or []
    if isinstance(classes, str):
        classes = [classes]
    return " ".join([*classes, element.get("id") or ""])


def _class_tokens(element: Tag) -> set[str]:
    return {t for t in _CLASS_TOKEN.split(_class_and_id(element).lower()) if t}
