"""Credited people and their roles, from byline lines and the byline spots of a story.

Roles: reporter (记者, 实习生), correspondent (通讯员), photographer (摄影, 摄, 图/), author (作者,
文/, 撰文:, or a byline without role, e.g. a closing ``□张三``); 文/图 (文·图, 图/文) credits
both. A byline ending in 摄影报道 / 摄 ("photos by") credits its people as photographers too: a
name with its own role keeps that role and gets a second, photographer entry; a name without a
role is a photographer only. One ending in 文/图 or 图文报道 credits a name without role as
author and photographer.
"""

import re
from collections.abc import Callable
from dataclasses import dataclass

# A web page's short credit words count only before a separator (文/王芳 图｜李明, 撰文：…):
# elsewhere 文 and 图 are words of the text.
CREDIT_SEPARATOR = r"\s*[/／｜|:：]"
TEXT_AND_PHOTOS = r"文\s*[·・/／]\s*[图摄]|图\s*[·・/／]\s*文"  # 文/图, 文·图, 图/文, 文/摄: text and photos by
ROLE_PATTERNS = (  # longest first; \s* because PDF text spaces characters (记 者)
    (r"摄\s*影\s*记\s*者", "photographer"),
    (r"(?:本\s*报\s*)?(?:特\s*约\s*|见\s*习\s*|实\s*习\s*)?记\s*者|实\s*习\s*生", "reporter"),
    (r"(?:特\s*约\s*)?通\s*讯\s*员", "correspondent"),
    (r"摄\s*影", "photographer"),
    (r"作\s*者\s*[:：]?", "author"),
    # 文/图 and 图/文 are credit words even before a space (□文/图 王芳): the slash makes them no text.
    (rf"(?:{TEXT_AND_PHOTOS})(?=\s|{CREDIT_SEPARATOR})|图\s*文(?={CREDIT_SEPARATOR})", "author+photographer"),
    # (撰文 is a credit before a space too: 撰文 林立 摄影 方圆)
    (rf"(?:撰\s*文|撰\s*稿)(?=\s|{CREDIT_SEPARATOR})|(?:供\s*稿|文\s*字|(?<![\u4e00-\u9fff])文)(?={CREDIT_SEPARATOR})", "author"),
    (rf"(?:图\s*片|(?<![\u4e00-\u9fff])图)(?={CREDIT_SEPARATOR})", "photographer"),
)
ROLE = re.compile("|".join(f"({pattern})" for pattern, _ in ROLE_PATTERNS))
WRITING_ROLES = frozenset({"reporter", "correspondent"})  # an author's credit, named more exactly
# A name before its role, after a slash (韩雪/文 罗平/图, 陈海生/摄): read as the role before it.
NAME_THEN_ROLE = re.compile(
    r"(?<![\u4e00-\u9fff·])([\u4e00-\u9fff]{2,4}|[\u4e00-\u9fff](?: [\u4e00-\u9fff]){1,3}|[\u4e00-\u9fff]+·[\u4e00-\u9fff·]+)"
    r"\s*[/／]\s*(文|图|摄影|摄)(?![\u4e00-\u9fff])"
)
TEXT_AND_PHOTOS_RE = re.compile(TEXT_AND_PHOTOS)
SOURCE_NOTE = re.compile(r"(?:摘自|选自|转自|转载自|原载|据)")  # a reprint's note; its writer only after 作者
ROLE_BEFORE_NAME = {"文": "文/", "图": "图/", "摄影": "摄影 ", "摄": "摄影 "}
PHOTO_CREDIT = re.compile(
    rf"\s*(?:(?P<text_and_photos>图\s*文\s*报\s*道|{TEXT_AND_PHOTOS})|摄\s*影\s*报\s*道|摄\s*影|摄)\s*$"
)
# Metadata after the names ends the byline: a date (日期：…), 来源 (文章来源, 稿源; …供稿, not 供稿：, a credit), 发布时间, 编辑,
# its reviewers (二审, 三审), the author's unit (作者单位：…),
# a web page's counters and controls (点击数：, 浏览次数：, 【字体：大 中 小】).
BYLINE_END = re.compile(
    r"\d|(?:文\s*章|本\s*文|稿\s*件|信\s*息|新\s*闻)?来\s*源|供\s*稿(?!\s*[:：])|稿\s*源|发\s*布|时\s*间|日\s*期|责\s*任\s*编\s*辑|责\s*编|编\s*辑|审\s*核|[初一二三复终]\s*审|校\s*对|作\s*者\s*(?:单\s*位|系|简\s*介)"
    r"|点\s*击|浏\s*览|阅\s*读|访\s*问|播\s*放|字\s*[体号]|【|[（(]"  # （江西省邮政分公司）: the author's unit
)
CONTACT_LINE = re.compile(r"(?:新\s*闻|媒\s*体)?联\s*系\s*(?:人|方\s*式|电\s*话)?\s*[:：]")
BRACKETED_NAME = re.compile(r"[（(][\u4e00-\u9fff]{2,3}[）)]")
BYLINE_MARKERS = "□■"  # a page's marks before a closing byline (□王娟, ■楚风)
MARKED_NAME = re.compile(rf"\s*[{BYLINE_MARKERS}]\s*([\u4e00-\u9fff]{{2,3}})\s*")  # □文华: the byline marker before a name alone
NAME = re.compile(r"^[\u4e00-\u9fff]{2,4}$|^[\u4e00-\u9fff]{1,6}·[\u4e00-\u9fff]{1,6}$")
MAX_ONE_NAME_CHARS = 6
# A unit credited before the names (文/品牌中心 何静, 图/宣传部 李明): no name ends so.
UNIT_ENDING = re.compile(r"(?:中心|部|处|科|室|办|组|站|局|所|队|社|司|院|厅)$")
ITEM_SEPARATORS = re.compile(r"[\s、，,;；/／｜|:：【】\[\]［］〔〕]+")  # a metadata line's brackets too: 【作者：王芳】
# Where the reporter filed from, after the names: 记者林志明／台北报导, 记者 王芳/北京报道, and a
# dateline's place and day after them: （中央社记者吴欣纭花莲5日电）.
FILED_FROM = re.compile(r"\s*[／/]\s*[\u4e00-\u9fff]{1,8}(?:报\s*导|报\s*道)|[\u4e00-\u9fff]{2}(?=\d{1,2}\s*日\s*电)")
# A dateline's credit: 本报讯（…） (anywhere near the top: PDF text may run a headline into it),
# and at a line's start 新华社北京3月5日电（…）, 本报讯 记者王芳报道, 【香港文汇报讯】记者黄家乐报道：,
# 央广网太原5月7日消息（…）, their dateline words (up to 讯, 电 or 消息, a bracket around them)
# without punctuation but an outlet's other name in brackets (荆楚网（湖北日报网）讯).
LEAD_BYLINE = re.compile(
    r"本\s*报\s*讯\s*[（(]([^）)]{2,80})[）)]|(?:^|\n)\s*[【〔［\[]?(?:[^\n，。；：！？、（）()【】〔〕［］\[\]]|[（(][^\n（）()]{2,12}[）)]){0,30}?(?:[讯电]|消息)[】〕］\]]?\s*"
    r"(?:[（(【〔［\[]([^）)】〕］\]]{2,80})[）)】〕］\]]|((?:记\s*者|通\s*讯\s*员)[^。，；！？\n（(]{2,30}?报\s*[道导]))"
)
# A credit in brackets opening a story: 【记者林志明／台北报导】, （记者 李明 北京报道）; only with a role word.
OPENING_BRACKETED_BYLINE = re.compile(r"(?:^|\n)\s*[（(【〔［\[]([^）)】〕］\]]{2,80})[）)】〕］\]]")
# 报道 or 报导 ("reports") after the names: a name's, or the place filed from (李明 北京报道).
REPORTED = re.compile(r"报\s*[道导]$")
MARKERS_AS_SPACES = str.maketrans(BYLINE_MARKERS, " " * len(BYLINE_MARKERS))
CLOSING_BYLINE = re.compile(r"□\s*([^□\n]{2,40}?)\s*$")  # (■ opens a bulleted brief there too)
# A closing credit in brackets: "（记者 陈家豪）"; only with a role word ("（完）", "（编辑：王芳）" are not).
CLOSING_BRACKETED_BYLINE = re.compile(r"[（(]([^（）()\n]{2,40})[）)]\s*$")
NAME_AFTER_ROLE = re.compile(
    rf"(?:(?:记\s*者|通\s*讯\s*员|摄\s*影|撰\s*文)\s+|(?:文|图|撰文|文字|图片|摄影|记者|通讯员|作者){CREDIT_SEPARATOR}\s*)"
    r"[\u4e00-\u9fff]{2,4}(?:\s|$)"
)
# An English release's credit: By Zhang Wei, Li Na and Wang Fang; Photo by Li Na.
# Two words or more (By Xinhua is an agency), capitalised or in capitals (By CHEN YU, China Daily's way).
_ENGLISH_NAME_WORD = r"(?:[A-Z][a-z]+|[A-Z]{2,})"
ENGLISH_NAME = rf"{_ENGLISH_NAME_WORD}(?:[ -]{_ENGLISH_NAME_WORD}){{1,3}}"
ENGLISH_BYLINE = re.compile(  # at a line's start, or a field of a metadata line (Updated: … | By Li Ming | …);
    # the place the writer filed from may follow (By CHEN YU in Haikou | China Daily)
    rf"(?:^|[|｜])\s*(Photos? )?[Bb]y\s+({ENGLISH_NAME}(?:\s*(?:,|and)\s*{ENGLISH_NAME})*)"
    rf"(?=\s*(?:$|[|,;(])|\s+in\s+[A-Z])"
)
ENGLISH_NAME_SEPARATORS = re.compile(r"\s*(?:,|\band\b)\s*")
MAX_BYLINE_CHARS = 100
# A sentence (记者从某公司获悉，2022年…) is not a byline.
SENTENCE_PUNCTUATION = re.compile(r"[。，,；;！？!?]")
HEAD_LINES = 4
# How far into / from the end of the body a byline may sit.
LEAD_CHARS, CLOSING_CHARS = 120, 60


@dataclass(frozen=True)
class Credit:
    name: str
    role: str


def _split_glued(item: str, surnames: frozenset[str], one_name: Callable[[str], bool] | None = None) -> list[str]:
    """张三李小明 (a line break lost between two names): the one split into 2-3 + 2-3 characters
    where both parts start with a surname; unchanged when there is none or more than one, and
    for a transliterated name (艾力·买买提: its middle dot joins the parts of one name) or one
    ``one_name`` reads whole (阿依古丽, not 阿依 and 古丽)."""
    if len(item) < 4 or (len(item) == 4 and item[:2] in surnames) or "·" in item or one_name and one_name(item):
        return [item]
    splits = [
        [item[:cut], item[cut:]]
        for cut in (2, 3)
        if 2 <= len(item) - cut <= 3 and item[0] in surnames and item[cut] in surnames
    ]
    return splits[0] if len(splits) == 1 else [item]


def _names(segment: str, surnames: frozenset[str], one_name: Callable[[str], bool] | None = None) -> list[str]:
    items: list[str] = []
    for item in ITEM_SEPARATORS.split(segment):
        if REPORTED.search(item):
            stem = REPORTED.sub("", item)
            if not stem or items:
                continue  # 报道 alone, or the place after the names (李明 北京报道)
            item = stem  # 记者王芳报道
        items += _split_glued(item, surnames, one_name) if item else []
    merged: list[str] = []
    for index, item in enumerate(items):  # PDF spacing inside a name: 张 三 -> 张三
        if len(item) == 1 and index and len(items[index - 1]) == 1:
            merged[-1] += item
        else:
            merged.append(item)
    # (a Mongolian or Tibetan name of five or six characters, 乌云其木格, as one_name reads it whole)
    return [
        name for name in merged
        if (NAME.match(name) or one_name is not None and len(name) <= MAX_ONE_NAME_CHARS and one_name(name))
        and not UNIT_ENDING.search(name)
    ]


def _role_before_name(credit: re.Match) -> str:
    name = credit.group(1).replace(" ", "")  # (PDF text spaces a name out: 许 晴/文)
    if ROLE.search(name) or TEXT_AND_PHOTOS_RE.fullmatch(name[-1] + "/" + credit.group(2)):
        return credit.group()  # 本报记者/文, 王芳 文/图: the role words come first as they stand
    return f"{ROLE_BEFORE_NAME[credit.group(2)]}{name}"


def _capitalised(name: str) -> str:
    """An English byline's name as names are written: CHEN YU -> Chen Yu (Zhang Wei as it is)."""
    return re.sub(r"[A-Z]{2,}", lambda word: word.group().capitalize(), name)


def parse_byline(
    line: str, units: frozenset[str], surnames: frozenset[str], could_be_name: Callable[[str], bool] | None = None,
    one_name: Callable[[str], bool] | None = None,
) -> list[Credit]:
    """Credits of one byline; ``units`` are words that are never names (titles, units);
    ``could_be_name`` vets the names of a byline without role words, which has no other cue;
    ``one_name`` tells a name of four characters or more that is one name, not two glued."""
    english = ENGLISH_BYLINE.search(line)
    if english:
        role = "photographer" if english.group(1) else "author"
        return [Credit(_capitalised(name), role) for name in ENGLISH_NAME_SEPARATORS.split(english.group(2)) if name]
    text = FILED_FROM.sub(" ", line.translate(MARKERS_AS_SPACES)).strip()
    if CONTACT_LINE.match(text):
        return []  # 联系人：方宁: whom the press may call, no author
    text = NAME_THEN_ROLE.sub(_role_before_name, text)
    # A brief's closing credit in brackets, or after the byline marker, a name alone (（方舟）,
    # □文华): a name however it reads as a word.
    marked = MARKED_NAME.fullmatch(line)
    alone = BRACKETED_NAME.fullmatch(text) is not None and text[1:] or marked is not None and marked.group(1)
    name_alone = bool(alone) and (alone[0] in surnames or alone[:2] in surnames)
    text = re.sub(r"^本\s*报\s*讯\s*", "", text).strip("（）() ")
    end = BYLINE_END.search(text)
    first_role = ROLE.search(text)
    if end and first_role and end.start() < first_role.start():
        # A web page's metadata line lists the date and source first (发布时间：… 来源：… 作者：…).
        text = text[first_role.start() :]
        end = BYLINE_END.search(text)
    if end:
        text = text[: end.start()]
    photo = PHOTO_CREDIT.search(text)
    if photo:
        text = text[: photo.start()]
    markers = list(ROLE.finditer(text))
    credits: list[Credit] = []
    photo_credits: list[Credit] = []
    if not markers:
        if SOURCE_NOTE.match(text):
            return []  # （原载《某某报》）, （据新华社）: a source, no one's credit
        text_and_photos = photo is not None and photo.group("text_and_photos") is not None
        for name in _names(text, surnames, one_name):
            if could_be_name is None or could_be_name(name) or one_name is not None and one_name(name) or name_alone:
                credits.append(Credit(name, "photographer" if photo and not text_and_photos else "author"))
                if text_and_photos:
                    photo_credits.append(Credit(name, "photographer"))
        return [c for c in credits + photo_credits if c.name not in units]
    carried = ""  # 文/图 over no name of its own: its photographer role goes to the next role's names
    for index, marker in enumerate(markers):
        role, _, second_role = ROLE_PATTERNS[marker.lastindex - 1][1].partition("+")  # 文/图: both
        stop = markers[index + 1].start() if index + 1 < len(markers) else len(text)
        segment = text[marker.end() : stop]
        second_role, carried = second_role or carried, second_role if not segment.strip() else ""
        items = [item for item in ITEM_SEPARATORS.split(segment) if item]
        # Glued to the next role: a unit (湖南记者), not a name; unless it is the only item,
        # glued to both roles (记者李萍通讯员: PDF text despaced), and can be a name.
        alone = len(items) == 1 and not segment[:1].isspace() and could_be_name is not None
        if index + 1 < len(markers) and items and segment[-1:].isalpha():  # (a bar or a space parts them)
            if not (alone and all(map(could_be_name, _split_glued(items[0], surnames, one_name)))):
                items = items[:-1]
        for name in _names(" ".join(items), surnames, one_name):
            if name not in units:
                credits.append(Credit(name, role))
                if (photo and role != "photographer") or second_role:
                    photo_credits.append(Credit(name, second_role or "photographer"))
    return credits + photo_credits


def looks_like_byline(line: str) -> bool:
    """A short line of credits or metadata (记者 某某 … 来源:…), as left in a body by a splitter."""
    if len(line) > MAX_BYLINE_CHARS or SENTENCE_PUNCTUATION.search(line) or not ROLE.search(line):
        return False
    return bool(BYLINE_END.search(line) or NAME_AFTER_ROLE.search(line))


def byline_spots(bylines: tuple[str, ...], body: str) -> list[str]:
    """The byline lines, byline-like lines at the top of the body, a 本报讯（…） lead, and a
    closing □… or bracketed credit."""
    spots = list(bylines)
    head = [line.strip() for line in body.splitlines()[:HEAD_LINES]]
    spots += [line for line in head if line not in spots and looks_like_byline(line)]
    lead = LEAD_BYLINE.search(body[:LEAD_CHARS])
    if lead:
        spots.append(next(group for group in lead.groups() if group))
    else:
        opening = OPENING_BRACKETED_BYLINE.search(body[:LEAD_CHARS])
        if opening and ROLE.search(opening.group(1)):
            spots.append(opening.group(1))
    closing = CLOSING_BYLINE.search(body[-CLOSING_CHARS:])
    if closing:
        spots.append(closing.group(1))
    bracketed = CLOSING_BRACKETED_BYLINE.search(body[-CLOSING_CHARS:])
    if bracketed and ROLE.search(bracketed.group(1)):
        spots.append(bracketed.group(1))
    return spots


def find_authors(
    spots: list[str], units: frozenset[str], surnames: frozenset[str], could_be_name: Callable[[str], bool] | None = None,
    one_name: Callable[[str], bool] | None = None,
) -> list[Credit]:
    """Credits of the byline spots, in order, each (name, role) once; a name the spots credit
    as reporter or correspondent not credited as author too (a page's 作者：王卓 over the text's
    记者 王卓: one writer, named by the field and by the credit)."""
    credits: list[Credit] = []
    for spot in spots:
        for credit in parse_byline(spot, units, surnames, could_be_name, one_name):
            if credit not in credits:
                credits.append(credit)
    writers = {credit.name for credit in credits if credit.role in WRITING_ROLES}
    return [credit for credit in credits if not (credit.role == "author" and credit.name in writers)]
