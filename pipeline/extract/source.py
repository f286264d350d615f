"""The publication a story comes from, when the text names it."""

import re
from functools import lru_cache

from pipeline.clean.rules import DATED_OUTLET  # (a portal's header line the clean stage leaves a source)
from pipeline.extract.lexicon import tsv_rows
from pipeline.resources import data_lines

TITLED_PUBLICATION = re.compile(r"《([^《》]{2,16})》")
SOURCE_FIELD = re.compile(  # (labels besides 来源: 稿源, 供稿单位, 发布单位, 转载自, 转自, 出处; a bilingual page's 来源 Source：;
    # not a figure's or a picture's source: 数据来源, 图片来源; a brand's figures, 香港01, not a date's)
    r"(?:(?<!数据)(?<!资料)(?<!图片)(?<!资金)来\s*源|稿\s*源|(?:供\s*稿|发\s*布|发\s*稿)\s*(?:单\s*位|机\s*构)|转\s*(?:载\s*)?自|出\s*处)\s*(?:Source\s*)?[:：]\s*([^\s:：|｜/,，（）()【】\[\]［］]{2,20}?(?:(?<=[\u4e00-\u9fff])\d{1,3}(?=\s|$|[|｜/,，）)】\]］]))?)(?=\s|$|本报|发布|作者|时间|编辑|责任|摄影|记者|通讯员|文字|图片|阅读|浏览|点击|\d|[|｜/,，）)】\]］])"
)
# A short line of its own that opens with the field, as pages close or open a story with it
# ("来源：江西省邮政分公司", "（来源：新华社）", "（本文来源：黑龙江日报）", "供稿：…", "稿源：…",
# a release's "发布单位：…");
# not "资金来源：…" in the text.
SOURCE_LINE = re.compile(
    r"^[（(【\[]?\s*(?:(?:本\s*文\s*|文\s*章\s*|稿\s*件\s*|信\s*息\s*|新\s*闻\s*)?来\s*源|供\s*稿(?:\s*单\s*位)?|(?:发\s*布|发\s*稿)\s*(?:单\s*位|机\s*构)|稿\s*源|转\s*(?:载\s*)?自)\s*[:：]\s*([^\s:：|｜/,，（）()【】\[\]]{2,20}?)(?=\s|$|[）)】\]]|本报|发布|作者|时间|编辑|责任|摄影|记者|通讯员|文字|图片|阅读|浏览|点击|\d|[|｜/,，])"
)
# A field of an English metadata line (one with By or Updated), between bars, that is a name of
# capitalised words: the publication (By CHEN YU in Haikou | China Daily | Updated: 2024-09-12 15:30).
ENGLISH_META_FIELD = re.compile(
    r"^(?=.*\b(?:By|Updated)\b).*?[|｜]\s*(?!By\b|Updated\b|Photo)([A-Z][A-Za-z.&'-]*(?: [A-Z][A-Za-z.&'-]*){0,4})\s*(?=[|｜]|$)"
)
ENGLISH_SOURCE_LINE = re.compile(r"^\(?\s*Source\s*:\s*([A-Z][A-Za-z.&' -]{1,30}?)\s*\)?$")
SOURCE_LINE_MAX_CHARS = 40
# Where a reprinted story first ran: 原载《中国邮政快递报》2024年6月3日第3版, 摘自《人民邮电》
ORIGINALLY_IN = re.compile(r"(?:原载|原刊|原文刊载于|刊载于|摘自|选自|转载自|转自)\s*[:：]?\s*《([^《》\s]{2,20})》")
# A dateline names the agency or paper that filed the story: 新华社北京3月5日电, 人民网长沙电,
# 据中新社电; 本报…电 is the paper's own (the marker table names it, as it names 本报讯).
DATELINE = re.compile(
    r"^\s*据?\s*([\u4e00-\u9fff]{1,8}?(?:社|网|报|台))\s*[\u4e00-\u9fff]{0,8}?\s*(?:\d{1,2}\s*月\s*\d{1,2}\s*日\s*)?电"
)
OWN_DATELINE = ("本报", "本刊", "本网", "本台")
OWN_PLACE_DATELINE = re.compile(r"^\s*(本报|本刊|本网|本台)\s*[\u4e00-\u9fff]{1,6}?\s*讯")  # 本报北京讯: as 本报讯
OWN_PAPER = "本报"  # a marker naming the paper the page is of (本报讯, 本报记者)
MASTHEAD_LINES = 6
MASTHEAD_MAX_CHARS = 40
MASTHEAD_FORBIDDEN = re.compile(r"[，。；！？、“”]")  # a sentence's marks: no header line
# A WeChat article's header: 原创, its writer when credited, the account that published it and
# the date (原创 云南邮政 云南邮政 2024-05-30 07:45 发表于云南): the account is the source.
WECHAT_HEADER = re.compile(r"^原创\s+(?:\S+\s+)?([^\s\d]{2,20})\s+\d{4}[-年/.]\d{1,2}")
# An English release's dateline names its agency in brackets: BEIJING, May 16 (Xinhua) --
ENGLISH_DATELINE = re.compile(r"^[A-Z][A-Z .'-]+,(?:[^(\n]{0,30})\(([A-Z][A-Za-z ]{1,30})\)\s*[-—–]")
# A closing credit naming who supplied the story: （中华邮政供稿）, 稿件由…提供 is not read.
SUPPLIED_BY = re.compile(r"[（(]\s*([^（）()\s]{2,20}?)\s*供\s*稿\s*[）)]")
EDGE_LINES = 4  # lines at the top and at the end of a story searched for a source line
# A metadata line opening with a name and the date (云南邮政网　2023-08-25　文/杨春梅; an app's
# share page prints them together: 央视新闻客户端2025-01-20 18:32): the name is the
# publication's, unless it is a field's label or a credit (发布时间 2023-08-25, 本报记者 …).
DATED_NAME = re.compile(r"^([\u4e00-\u9fff]{2,12})\s*(?:19|20)\d\d(?:年\d{1,2}月\d{1,2}日|[-/.]\d{1,2}[-/.]\d{1,2})")
NO_PUBLICATION = re.compile(r"记者|通讯员|编辑|作者|摄影|时间|日期|本报|本刊|发布|更新")
# A bulletin's issuing office over its stories, before the issue's date (某省邮政管理局办公室
# 2025年8月15日, 某县邮政分公司综合办公室编 2025年7月18日): the office issued them.
ISSUER_NAME = r"[\u4e00-\u9fff]{2,20}(?:办公室|公司|委员会|中心|部|厅|局|处)"  # (品牌宣传部: a press office)
ISSUER_LINE = re.compile(rf"^({ISSUER_NAME})(?:编|编印|印发|主办)?\s*\d{{4}}年\d{{1,2}}月\d{{1,2}}日$")
# A press office's document-type header (新 闻 通 稿) under the issuer's name alone
ISSUER_ALONE = re.compile(f"^({ISSUER_NAME})$")
SIGNATURE_DATE = re.compile(r"(?:19|20)\d\d年\d{1,2}月\d{1,2}日")
DOCUMENT_TYPE_LINE = re.compile(r"^新\s*闻\s*(?:通\s*|发\s*布\s*)?稿$|^通\s*讯\s*稿$")


class SourceFinder:
    def __init__(self) -> None:
        # Markers match across PDF spacing (本 报 讯).
        self.markers = [
            (re.compile(r"\s*".join(map(re.escape, marker))), name, marker.startswith(OWN_PAPER))
            for marker, name in tsv_rows("sources.tsv")
        ]
        # A paper's name as a field of a metadata line of its own, between spaces (2024年06月15日
        # 16:42 新华日报 记者 张伟): the paper the story comes from.
        suffixes = "|".join(data_lines("pipeline.extract", "newspaper_suffixes.txt"))
        self.paper_field = re.compile(rf"(?:^|\s)([\u4e00-\u9fff]{{2,6}}(?:{suffixes}))(?=\s|$)")
        # A credit naming the outlet its reporter works for (澎湃新闻记者 陈思远, 楚南晚报记者 罗敏).
        self.outlet_reporter = re.compile(rf"^\s*([\u4e00-\u9fff]{{2,6}}(?:{suffixes}|新闻|网|电视台))\s*(?:首席|特约)?记者")
        # The stories of a page come one after another: the page is searched once for all of them.
        self.page_marker = lru_cache(maxsize=1)(lambda page_text: self._marker(page_text, page_text))
        self.masthead = lru_cache(maxsize=1)(self._masthead)
        self.issuer = lru_cache(maxsize=1)(_issuer)

    def find(self, bylines: list[str], body: str, page_text: str) -> str | None:
        """An explicit 来源 field wins, then a paper named in a byline; then a marker in the
        bylines or the story; then one on the page. A field naming a site and its paper
        (光明网-《光明日报》) names the paper."""
        found = self._find(bylines, body, page_text)
        titled = found and TITLED_PUBLICATION.search(found)
        return titled.group(1) if titled else found

    def _find(self, bylines: list[str], body: str, page_text: str) -> str | None:
        for field in (SOURCE_FIELD, ORIGINALLY_IN, self.paper_field, ENGLISH_META_FIELD):
            for line in bylines:
                match = field.search(line)
                if match:
                    return match.group(1)
        for line in bylines:
            match = DATED_NAME.match(line.strip()) or DATED_OUTLET.fullmatch(line.strip())
            if match and not NO_PUBLICATION.search(match.group(1)):
                return match.group(1)
        lines = [line.strip() for line in body.splitlines() if line.strip()]
        for line in [*lines[:EDGE_LINES], *lines[-EDGE_LINES:]]:
            short = len(line) <= SOURCE_LINE_MAX_CHARS
            match = short and (SOURCE_LINE.search(line) or ORIGINALLY_IN.search(line) or ENGLISH_SOURCE_LINE.match(line))
            if match:
                return match.group(1)
        for line in [*bylines, *lines[:EDGE_LINES]]:
            match = self.outlet_reporter.match(line)
            if match and not match.group(1).startswith(OWN_DATELINE):
                return match.group(1)
        for line in [*bylines, *lines[:1]]:
            match = DATELINE.match(line) or OWN_PLACE_DATELINE.match(line)
            if match:
                agency = match.group(1)
                return self._marker(agency + "讯", page_text) if agency in OWN_DATELINE else agency
            match = ENGLISH_DATELINE.match(line) or WECHAT_HEADER.match(line)
            if match:
                return match.group(1)
        for line in [*bylines, *lines[-EDGE_LINES:]]:
            match = SUPPLIED_BY.search(line)
            if match:
                return match.group(1)
        return (
            self._marker("\n".join(bylines) + "\n" + body, page_text) or self.page_marker(page_text)
            or self.issuer(page_text) or _signing_issuer(bylines)
        )

    def _marker(self, text: str, page_text: str) -> str | None:
        """The publication a marker in ``text`` names; 本报 (this paper) is the paper the page's
        masthead names, the table's where it names none."""
        for marker, name, own_paper in self.markers:
            if marker.search(text):
                return (own_paper and self.masthead(page_text)) or name
        return None

    def _masthead(self, page_text: str) -> str | None:
        """The paper a page's header names on a line of its own among its first lines (人民邮电报,
        楚南日报 2024年6月18日 星期二, 2 综合新闻 中国邮政报 2024年6月12日)."""
        for line in page_text.strip().splitlines()[:MASTHEAD_LINES]:
            line = " ".join(line.split())  # (a layout's header spaces its name and date apart)
            if len(line) <= MASTHEAD_MAX_CHARS and not MASTHEAD_FORBIDDEN.search(line):
                match = self.paper_field.search(line)
                if match:
                    return match.group(1)
        return None


def _issuer(page_text: str) -> str | None:
    """The office a bulletin's header names as its issuer among the page's first lines, above
    its text (under it, the line is a notice's signature: see _signing_issuer), with the date or
    over a release's document-type header."""
    lines = [line.strip() for line in page_text.strip().splitlines()[:MASTHEAD_LINES] if line.strip()]
    for index, line in enumerate(lines):
        if MASTHEAD_FORBIDDEN.search(line):
            return None
        match = ISSUER_LINE.match(line) or (
            index + 1 < len(lines) and DOCUMENT_TYPE_LINE.match(lines[index + 1]) and ISSUER_ALONE.match(line)
        )
        if match:
            return match.group(1)
    return None


def _signing_issuer(bylines: list[str] | tuple[str, ...]) -> str | None:
    """The office a release or a notice signs with over its date (某省邮政管理局办公室 /
    2024年8月12日), where nothing else names a source: it issued the text."""
    lines = [line.strip() for line in bylines]
    for line, below in zip(lines, lines[1:]):
        issuer = ISSUER_ALONE.match(line)
        if issuer and SIGNATURE_DATE.fullmatch(below):
            return issuer.group(1)
    return None


def dateline(bylines: list[str] | tuple[str, ...]) -> str:
    """The dateline a story's credit opens with (新华社北京5月28日电, 本报北京讯), naming the city
    it was filed from; "" if none does."""
    for line in bylines:
        match = DATELINE.match(line) or OWN_PLACE_DATELINE.match(line)
        if match:
            return match.group(0).strip()
    return ""
