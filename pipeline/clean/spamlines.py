"""Junk lines in text: stray markup, markup list artefacts, keyword stuffing and site chrome.

Keyword stuffing is recognised by a score, not a list of known lines: weighted spam vocabulary
(package data) combined with the shape of a stuffed line (many short comma-separated phrases,
no sentence), so unseen spam lines built from the same vocabulary are caught too.
"""

import html
import re
from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from pipeline.clean import rules
from pipeline.resources import data_lines


_ASCII_UPPER = re.compile("[A-Z]")
_ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")
_FIELD_OPENING_BRACKETS = "【[［〔(（"


class WeightedLexicon:
    """Weighted terms matched leftmost-longest, case-insensitively; Latin terms only as whole words.

    Candidate positions come from a character class of the terms' first characters, then a
    dictionary lookup per term length: far faster than one regex alternation of all terms.
    """

    def __init__(self, weights: dict[str, float]) -> None:
        self.weights = weights
        lengths: dict[str, set[int]] = {}
        for term in weights:
            lengths.setdefault(term[0], set()).add(len(term))
        self._lengths = {first: sorted(ls, reverse=True) for first, ls in lengths.items()}
        self._first = re.compile("[" + "".join(re.escape(c) for c in sorted(lengths)) + "]")
        self.matches = lru_cache(maxsize=rules.MATCH_CACHE_LINES)(self._scan)

    def __reduce__(self):
        return WeightedLexicon, (self.weights,)  # the match cache is rebuilt, not pickled

    @classmethod
    def load(cls, name: str) -> "WeightedLexicon":
        weights = {}
        for line in data_lines("pipeline.clean", name):
            term, weight = line.rsplit("\t", 1)
            weights[term.strip().lower()] = float(weight)
        return cls(weights)

    def _scan(self, text: str) -> list[tuple[int, int, float]]:
        # ASCII-only lowering keeps offsets (str.lower may not); translate is slow, so only when needed.
        lower = text.translate(_ASCII_LOWER) if _ASCII_UPPER.search(text) else text
        found = []
        resume = 0
        for candidate in self._first.finditer(lower):
            index = candidate.start()
            if index < resume:
                continue
            for length in self._lengths[lower[index]]:
                term = lower[index : index + length]
                if len(term) == length and term in self.weights and _whole_word(lower, index, index + length):
                    found.append((index, index + length, self.weights[term]))
                    resume = index + length
                    break
        return found


def _whole_word(text: str, start: int, end: int) -> bool:
    """Latin terms must not sit inside a longer word: "av" not inside "have"."""
    if text[start].isascii() and text[start].isalpha() and start and _is_latin(text[start - 1]):
        return False
    return not (text[end - 1].isascii() and text[end - 1].isalpha() and end < len(text) and _is_latin(text[end]))


def _is_latin(char: str) -> bool:
    return "a" <= char <= "z"


def _coverage(text: str, hits: list[tuple[int, int, float]]) -> float:
    """Weighted share of ``text``'s characters (separators and digits aside) covered by ``hits``."""
    core = len(rules.COVERAGE_IGNORED.sub("", text))
    if not core:
        return 0.0
    return min(1.0, sum((end - start) * weight for start, end, weight in hits) / core)


class JunkLineJudge:
    """Scores one line (or one HTML block's text) as keyword spam or site chrome."""

    def __init__(self) -> None:
        self.spam = WeightedLexicon.load("spam_terms.tsv")
        self.chrome = WeightedLexicon.load("chrome_terms.tsv")
        self.prose = WeightedLexicon({m: 1.0 for m in data_lines("pipeline.clean", "prose_markers.txt")})

    def spam_score(self, line: str) -> float:
        hits = self.spam.matches(line)
        if not hits:
            return 0.0
        segments = [(m.start(), m.group()) for m in rules.KEYWORD_SEGMENT.finditer(line)]
        core_chars = sum(len(text) for _, text in segments)
        if core_chars < rules.SPAM_MIN_CHARS:
            return 0.0
        starts = [start for start, _ in segments]
        evidence = [0.0] * len(segments)
        for start, _, weight in hits:
            evidence[max(0, bisect_right(starts, start) - 1)] += weight
        coverage = _coverage(line, hits)
        variety = 0
        if coverage >= rules.VARIETY_MIN_COVERAGE:
            distinct = {line[start:end].lower() for start, end, _ in hits}
            variety = min(rules.VARIETY_MAX_TERMS, max(0, len(distinct) - rules.VARIETY_FREE))
        sentence_marks = len(rules.SENTENCE_END.findall(line)) + len(rules.QUOTE.findall(line))
        prose_markers = len({line[start:end] for start, end, _ in self.prose.matches(line)})
        w = rules.SPAM_WEIGHTS
        return (
            w["coverage"] * coverage
            + w["prose"] * min(rules.PROSE_MARKERS_MAX, prose_markers)
            + w["variety"] * variety
            + w["repetition"] * _repeats_across_segments([text for _, text in segments])
            + w["site_actions"] * _site_action_list([text for _, text in segments])
            + w["segment_hits"] * sum(min(1.0, e) for e in evidence) / len(segments)
            + w["many_segments"] * (len(segments) >= rules.MANY_SEGMENTS)
            + w["short_segments"] * (core_chars / len(segments) <= rules.SHORT_SEGMENT_CHARS)
            + w["sentence"] * min(2, sentence_marks)
        )

    def is_spam(self, line: str, wrap_width: int = 0) -> bool:
        """Keyword stuffing. A line of wrapped text (``wrap_width``: PDF column width) can be a
        piece of a sentence that looks like a keyword: unless it lists several phrases, it must
        score higher."""
        fragment = len(line.strip()) <= wrap_width and len(rules.KEYWORD_SEGMENT.findall(line)) < rules.MANY_SEGMENTS
        return _stuffed_phrases(line) or self.spam_score(line) >= (
            rules.SPAM_FRAGMENT_THRESHOLD if fragment else rules.SPAM_THRESHOLD
        )

    def is_chrome(self, line: str, wrap_width: int = 0) -> bool:
        """Site furniture. On a line of wrapped text (``wrap_width``) one furniture word may be
        a piece of a sentence, so there it is no evidence."""
        stripped = line.strip()
        if rules.PRINTED_PAGE_HEADER.fullmatch(stripped) or rules.PRINTED_PAGE_FOOTER.fullmatch(stripped):
            return True  # (a browser's, wrapped text or not; its address and spaces run long)
        if not stripped or len(stripped) > rules.CHROME_MAX_CHARS:
            return False
        if rules.BREADCRUMB.match(stripped) and not rules.SENTENCE_END.search(stripped):
            return True
        if not wrap_width and any(
            pattern.fullmatch(stripped)
            for pattern in (
                rules.LONE_BUTTON, rules.PLAYER_CONTROLS, rules.ACCOUNT_BADGE, rules.POSTED_FROM, rules.OPEN_IN_APP,
                rules.SENT_FROM_PHONE, rules.POST_TAIL, rules.PICTURE_LABEL, rules.HASHTAGS, rules.APP_PROMOTION,
                rules.STOCK_QUOTE, rules.SLIDE_COUNTER, rules.CLIPPER_LINE, rules.READ_RECEIPTS, rules.REPOST_NOTICE,
                rules.CIRCULATION_NOTE, rules.SWIPE_HINT, rules.RELATIVE_TIME_INFO,
            )
        ):
            return True
        hits = self.chrome.matches(stripped)
        if not hits:
            return False
        if len(hits) >= rules.CHROME_MIN_TERMS and (
            _coverage(stripped, hits) >= rules.CHROME_MIN_COVERAGE
            or _is_menu(stripped)
            or _is_button_row(stripped, hits)
        ):
            return True
        # Unmistakable furniture terms ("版权所有", "上一篇"): several in a notice ("转载请注明出处。
        # 如有侵权，请联系删除。"), or one as the label or end of a short line that is no sentence.
        strong = [(start, end) for start, end, weight in hits if weight >= 1.0]
        if len(strong) >= rules.CHROME_STRONG_TERMS_IN_NOTICE:
            return True
        if not strong or len(stripped) <= wrap_width or len(stripped) > rules.CHROME_STRONG_MAX_CHARS:
            return False
        if rules.SENTENCE_END.search(stripped):
            return False
        return any(_is_label(stripped, start, end) for start, end in strong)

    def is_junk(self, line: str, wrap_width: int = 0) -> bool:
        return self.is_spam(line, wrap_width) or self.is_chrome(line, wrap_width)

    def without_furniture_fields(self, line: str) -> str | None:
        """A web page's metadata line that also carries furniture fields ("发布时间：… 来源：…
        浏览次数：1283 字号：大 中 小"), without them: the whole line reads as furniture, but
        its date, source and author fields are the article's. None for any other line."""
        stripped = line.strip()
        if len(stripped) > rules.HEAD_MAX_CHARS or rules.CLAUSE_MARK.search(stripped) or not rules.META_LINE.search(stripped):
            return None
        stripped = rules.POSTED_AT.sub(rules.POSTED_AT_FIELD, stripped)
        # (a label in brackets begins at its bracket: 【字号：大 中 小】 after 来源：…)
        labelled = {
            start - 1 if start and stripped[start - 1] in _FIELD_OPENING_BRACKETS else start
            for start in (match.start() for match in rules.META_FIELD_START.finditer(stripped))
        }
        # Bars part the fields of a line that labels some (发表于 2024-5-20 20:58 | 只看该作者),
        # not a site's header of today's date and its buttons (2023年03月15日 | 设为首页).
        bars = {match.end() for match in rules.FIELD_BAR.finditer(stripped)} if labelled else set()
        starts = sorted({0, *labelled, *bars})
        fields = [stripped[a:b].strip(rules.META_FIELD_SEPARATORS) for a, b in zip(starts, [*starts[1:], len(stripped)])]
        # A label alone ("字号：" before "【大 中 小】", a field of its own) says nothing either.
        kept = [field for field in fields if field and not self.is_chrome(field) and not rules.BARE_LABEL.fullmatch(field)]
        if len(kept) == len([field for field in fields if field]):
            return None
        salvaged = "  ".join(kept)
        return salvaged if rules.META_LINE.search(salvaged) and not self.is_junk(salvaged) else None

    def strip_spam_sentences(self, line: str) -> str:
        """``line`` without keyword-spam "sentences" glued into it ("…光彩夺目。91视频,欧美导航…")
        and without bracketed spam planted inside a sentence ("全省邮政【澳门新葡京娱乐场官网】累计")."""
        if not self.spam.matches(line):
            return line
        line = rules.BRACKETED_SPAN.sub(lambda m: "" if self._is_planted(m.group(1)) else m.group(0), line)
        chunks = rules.SENTENCE_CHUNK.findall(line)
        if len(chunks) < 2:
            return line
        kept = [chunk for chunk in chunks if not self.is_spam(chunk)]
        return line if len(kept) == len(chunks) else "".join(kept).strip()

    def without_spam_suffixes(self, heading: str) -> str:
        """A headline without the spam site names a mirror appends to it, after a dash, bar or
        underscore (…纪念邮票发行-澳门新葡京-新葡京官网)."""
        end = len(heading)
        for separator in reversed(list(rules.HEADING_SUFFIX_SEPARATOR.finditer(heading))):
            if separator.start() == 0 or not self._is_planted(heading[separator.end():end]):
                break
            end = separator.start()
        return heading[:end].rstrip()

    def _is_planted(self, bracketed: str) -> bool:
        """Spam in brackets: it scores as spam and holds an unmistakable term or is mostly spam
        vocabulary (中国邮政APP下载 scores as spam on one app word: it may be the article's)."""
        hits = self.spam.matches(bracketed)
        return self.is_spam(bracketed) and (
            any(weight >= 1.0 for _, _, weight in hits) or _coverage(bracketed, hits) >= rules.PLANTED_MIN_COVERAGE
        )

    def strip_planted_elements(self, line: str) -> str:
        """Drop inline elements whose own text is spam (``<a href=…>在线观看</a>``) before tags go."""
        return rules.PAIRED_INLINE_ELEMENT.sub(lambda m: "" if self.is_spam(m.group(2)) else m.group(0), line)


def _is_label(line: str, start: int, end: int) -> bool:
    """The term opens or closes the line, or labels a field ("责任编辑：")."""
    return start <= rules.LABEL_SLACK or end >= len(line) - rules.LABEL_SLACK or line[end : end + 1] in ("：", ":")


def _is_button_row(line: str, hits: list[tuple[int, int, float]]) -> bool:
    """Furniture words alone, set apart: a page's buttons ("点赞 收藏 分享", "【打印】【关闭】"),
    not a line of text made of such words ("注册登录", a step in a guide)."""
    items = [item for item in rules.BUTTON_SEPARATORS.split(line) if item]
    return len(items) >= 2 and _coverage(line, [(start, end, 1.0) for start, end, _ in hits]) == 1.0


def _is_menu(line: str) -> bool:
    """A row of short items and no clause: "首页 | 新闻中心 | 关于我们 | 联系我们"."""
    items = rules.KEYWORD_SEGMENT.findall(line)
    return (
        len(items) >= rules.MENU_MIN_ITEMS
        and sum(map(len, items)) <= rules.MENU_MAX_ITEM_CHARS * len(items)
        and not rules.SENTENCE_END.search(line)
        and "，" not in line
    )


def _site_action_list(segments: list[str]) -> bool:
    """A list of sites and what to do there, every phrase ending so and some site named with
    several (开云体育官网,开云体育下载,开云体育登录): a spam site's list, whatever sites it names;
    not a list of channels (中国邮政官网、邮储银行官网、邮政APP)."""
    if len(segments) < rules.SITE_ACTION_MIN_SEGMENTS:
        return False
    sites = []
    for segment in segments:
        ending = next((ending for ending in rules.SITE_ACTION_ENDINGS if segment.endswith(ending)), None)
        if ending is None or len(segment) == len(ending):
            return False
        sites.append(segment[: -len(ending)])
    return len(set(sites)) < len(sites)


def _stuffed_phrases(line: str) -> bool:
    """A line of short phrases and nothing else, one of them written again: stuffing whatever its
    words (快递查询 物流查询 快递单号查询 快递加盟 物流加盟 快递查询 物流查询), no spam vocabulary needed."""
    phrases = rules.KEYWORD_SEGMENT.findall(line)
    return (
        len(phrases) >= rules.STUFFED_MIN_PHRASES and len(set(phrases)) < len(phrases)
        # (words of two characters or more: PDF text spaces a line's characters out)
        and all(2 <= len(phrase) <= rules.STUFFED_PHRASE_CHARS and rules.IDEOGRAPH.search(phrase) for phrase in phrases)
        and not rules.CLAUSE_MARK.search(line)
    )


def _repeats_across_segments(segments: list[str]) -> bool:
    """Stuffing repeats one keyword in every phrase ("…查询,…查询,…查询")."""
    if len(segments) < rules.REPEAT_MIN_SEGMENTS:
        return False
    counts: dict[str, int] = {}
    for segment in segments:
        for gram in {segment[i : i + 2] for i in range(len(segment) - 1)}:
            counts[gram] = counts.get(gram, 0) + 1
    return max(counts.values(), default=0) >= rules.REPEAT_MIN_SHARE * len(segments)


@dataclass(frozen=True)
class LineCleanup:
    text: str
    markup_removed: bool
    junk_lines_removed: int


def strip_stray_markup(line: str, judge: JunkLineJudge) -> str | None:
    """``line`` without tags and entities; None if nothing but markup (and its list numbering) was on it."""
    had_tags = bool(rules.MARKUP.search(line))
    if had_tags:
        line = judge.strip_planted_elements(line)
        line = rules.MARKUP.sub("", rules.NUMBERING_BEFORE_TAG.sub(r"\1", line))
    # Whole references only: html.unescape alone would read &para=1 in a link as ¶=1.
    line = rules.ENTITY.sub(lambda reference: html.unescape(reference.group()), line)
    return None if had_tags and not line.strip() else line


def clean_lines(text: str, judge: JunkLineJudge) -> LineCleanup:
    """Drop markup-only and junk lines, strip stray tags; other lines pass through untouched.

    Character references (&ldquo; &#8220; &nbsp;: a scraper's, left unresolved) count as markup.
    """
    has_markup = bool(rules.MARKUP.search(text) or rules.ENTITY.search(text))
    wrap_width = _wrap_width(text)
    kept = []
    markup_removed = False
    junk = 0
    lines = text.splitlines(keepends=True)
    related = related_list_start(lines, judge.is_junk)
    if related is not None:
        junk += sum(1 for line in lines[related:] if line.strip())
        lines = lines[:related]
    for closing in (closing_notes_start, comment_thread_start, boilerplate_start):
        at = closing(lines)
        if at is not None:
            junk += sum(1 for line in lines[at:] if line.strip())
            lines = lines[:at]
    for line in lines:
        body = line.rstrip("\r\n")
        without_markup = strip_stray_markup(body, judge) if has_markup else body
        if without_markup != body:
            markup_removed = True
        if without_markup is None:
            continue
        if not without_markup.strip():
            kept.append(line if without_markup == body else without_markup + line[len(body):])
            continue
        trimmed = judge.strip_spam_sentences(without_markup)
        if trimmed != without_markup:
            junk += 1
        if judge.is_junk(trimmed, wrap_width):
            fields = judge.without_furniture_fields(trimmed)
            if fields is None:
                junk += trimmed == without_markup
                continue
            trimmed = fields
            junk += 1
        kept.append(trimmed + line[len(body):])
    return LineCleanup(_collapse_blank_runs("".join(kept)) if markup_removed or junk else text, markup_removed, junk)


def closing_notes_start(lines: list[str]) -> int | None:
    """Where an e-mail's signature under its delimiter (--) starts, or a release's contact
    block under its closing rule (one of its lines labelled as a contact is: 新闻联系人：, 电话：,
    地址：) or under its label (附：媒体联系人): that line, when a few short lines (and the end
    mark) follow it; None when the text ends otherwise."""
    stripped = [line.strip() for line in lines]
    texts = [index for index, line in enumerate(stripped) if line and not rules.END_MARK.fullmatch(line)]
    for marker, labelled in (
        (rules.MAIL_SIGNATURE_DELIMITER, False), (rules.CLOSING_RULE, True), (rules.CONTACT_BLOCK_LABEL, False),
    ):
        at = [index for index in texts[-rules.MAX_CONTACT_LINES - 1:] if marker.fullmatch(stripped[index])]
        notes = [stripped[index] for index in texts if at and index > at[-1]]
        if at and all(len(note) <= rules.MAX_CONTACT_LINE_CHARS for note in notes) and (
            not labelled or any(rules.CONTACT_LABEL.match(note) for note in notes)
        ):
            return at[-1]
    return None


def boilerplate_start(lines: list[str]) -> int | None:
    """Where a release's boilerplate starts after its end mark (（完）): a heading about the
    issuer (关于某某集团有限公司, About …) over a paragraph or two; None when the text goes on
    otherwise (a file of several wire stories, each ending so)."""
    # (the mark and the boilerplate close the text: its last lines alone are looked at)
    start = max(0, len(lines) - 2 * (rules.MAX_BOILERPLATE_LINES + 1))
    stripped = [line.strip() for line in lines[start:]]
    marks = [index for index, line in enumerate(stripped) if rules.END_MARK.fullmatch(line)]
    if not marks:
        return None
    after = [index for index in range(marks[-1] + 1, len(stripped)) if stripped[index]]
    if after and rules.ABOUT_ISSUER.fullmatch(stripped[after[0]]) and len(after) <= rules.MAX_BOILERPLATE_LINES:
        return start + after[0]
    return None


def comment_thread_start(lines: list[str]) -> int | None:
    """Where the comments under a post or an announcement start: the line of its comment count
    (评论(3), 全部评论), when every line after it is a comment (its writer, a colon, a short
    text) or an app's footer; None when the text ends otherwise."""
    for index in range(len(lines) - 1, -1, -1):
        line = lines[index].strip()
        if rules.COMMENT_COUNT.fullmatch(line) and len(line) <= rules.MAX_CONTACT_LINE_CHARS:
            return index if index < len(lines) - 1 else None
        if line and not (rules.COMMENT_LINE.fullmatch(line) or rules.SENT_FROM_PHONE.fullmatch(line)):
            return None
    return None


def related_list_start(lines: list[str], is_furniture: Callable[[str], bool] = lambda line: False) -> int | None:
    """Where a list of other articles' titles under its label (相关阅读：, Related Stories:)
    closes the text: the label's line, when every line after it is a title (short, ending no
    sentence) or the site's furniture (``is_furniture``: a footer's copyright notice). None when
    the text ends otherwise."""
    for index in range(len(lines) - 1, -1, -1):
        line = lines[index].strip()
        if rules.RELATED_LIST_LABEL.fullmatch(line):
            return index
        if line and (len(line) > rules.RELATED_TITLE_MAX_CHARS or rules.SENTENCE_END.search(line[-1])) and not is_furniture(line):
            return None
    return None


def _wrap_width(text: str) -> int:
    """Column width of text wrapped at a fixed width (PDF pages: many short lines of about one
    length, fragments of sentences rather than headings or list items); 0 for other text."""
    lengths = sorted(len(line.strip()) for line in text.splitlines() if line.strip())
    if len(lengths) < rules.WRAPPED_MIN_LINES:
        return 0
    median = lengths[len(lengths) // 2]
    near_median = sum(1 for length in lengths if abs(length - median) <= rules.WRAPPED_WIDTH_SLACK)
    if median > rules.WRAPPED_MAX_MEDIAN_CHARS or near_median < rules.WRAPPED_MIN_SHARE * len(lengths):
        return 0
    return median + rules.WRAPPED_WIDTH_SLACK


def _collapse_blank_runs(text: str) -> str:
    """Removing lines leaves blank runs behind; keep at most one blank line, none at the ends."""
    return re.sub(r"\n(?:[ \t\u3000]*\n){2,}", "\n\n", text).strip("\n") + ("\n" if text.endswith("\n") else "")
