"""People and organisations named in a story, from the one jieba pass plus anchored name rules.

jieba without HMM (the fast path) splits unknown personal names into single characters,
so people are recognised as surname + one or two characters next to an anchor: a title
or role word before (总经理陈某某) or after (某某副总经理), a speech verb after (某某表示),
or a list separator shared with another recognised name. Organisations are runs of place
and noun tokens ending in an organisation suffix (邮政分公司, 分行, 事务局 …).
"""

import re
from bisect import bisect_left
from collections import Counter
from operator import itemgetter

from pipeline.extract.lexicon import word_set
from pipeline.extract.places import FUNCTION_LED_CHARS
from pipeline.extract.segmenter import Segmenter, Token, domain_words
from pipeline.resources import Memo
from pipeline.split.rules import ethnic_name_element

SPEECH_VERBS = ("表示", "介绍", "指出", "强调", "认为", "告诉", "提出", "要求", "会见", "一行", "等人", "说", "称",
                "主持", "出席", "讲话", "致辞", "带队", "同志")
# A caption's place for a person in its photo, right after the name: 陈立（右一）
PLACES_IN_PHOTO = tuple(
    f"{bracket}{side}{number}{close}"
    for bracket, close in (("（", "）"), ("(", ")")) for side in ("左", "右", "前排左", "前排右", "后排左", "后排右")
    for number in "一二三四五六"
) + ("（中）", "(中)", "（左）", "（右）")
# What may follow a name directly; a given name stops before these.
NAME_BREAKS = ("作了", "在", "和", "与", "及", "等", "的", "了", "是", "也", "都", "就", "把", "被", "向", "对", "从",
               "为", "将", "到", "已", "还", "又", "带", "来", "去", "给", "一")
# (着, 地: a manner before a speech verb, 笑着说, 高兴地说: 吉木阿果笑着 was read as a name)
ADVERBS_BEFORE_SPEECH = frozenset("则也还却")
NON_NAME_CHARS = set("的了着地是在和与及等省市县区镇村局部司行院会委处厅社站所中心公我你他她们这那此该个不族")
HAN = re.compile(r"^[\u4e00-\u9fff]+$")
MASKED_NAME = re.compile(r"[\u4e00-\u9fff]{1,2}某{1,2}")  # 张某, 李某某: a court's or a police report's, no name
# Words before an organisation's kind that make it a category, no body named (各省辖市邮政管理局,
# 部分城市邮政所, 所有网点)
# After an organisation's name, what makes it a thing of the body's, no body: a point of its
# service (邮政代办点), its staff (邮政代办员), a vehicle (流动银行车), a card (银行卡)
SERVICE_POINT_WORDS = frozenset({"点", "员", "车", "卡", "村", "镇"})  # (and a place named after it: 淘宝村)
EVERY = ("各", "每")
LATIN_NAME_THEN_CHINESE = re.compile(r"[A-Z][a-z]+(?: [A-Z][a-z]+)+\s*[（(]([\u4e00-\u9fff]{2,4})[）)]")
# What a name may have after it in brackets: the person's age (雷金旺（52岁）), or the English name
# (区志恒（Ken Au）)
BRACKETS_AFTER_NAME = re.compile(r"[（(](?:\d{1,3}岁|[A-Z][a-z]+(?: [A-Z][a-z]+)+)[）)]")
SHORT_NAME_DEFINED = re.compile(r"简称[“\"「]([^”\"」]{2,12})[”\"」]")  # (以下简称“飞鹰智航”)
CATEGORY_WORDS = frozenset({
    "各", "每", "每个", "每家", "部分", "所有", "全部", "多家", "一些", "这些", "那些", "各级", "各地",
    "全市", "全省", "全县", "全区",  # 全市揽投部: every one of the city's
})
FAMILIAR_PREFIXES = "小老阿"  # before a surname alone: a familiar address (小刘, 老张, 阿陈)
MANNER_BEFORE_SPEECH = re.compile(r"[\u4e00-\u9fff]{1,2}[着地]$")
MAX_UNDOTTED_NAME_CHARS = 8  # 泽仁多吉; a longer run between a title and a verb is no name
# The last character of a word for a person by trade or post (评审员, 船长, 工程师, 收藏家)
PERSON_NOUN_ENDS = frozenset("员长师家手官")
MAX_DOTTED_NAME_CHARS = 16  # 阿不都热依木·吐尔逊: transliterated names run long
DOTTED_PART = "[\u4e00-\u9fff]{2,8}"
# A dot between a transliterated name's parts: the middle dot and the forms other fonts and
# places give it (Taiwan's full-width full stop: 伊將．卡布斯).
NAME_DOT_RE = re.compile("(?<=[\u4e00-\u9fff])[·．•‧・](?=[\u4e00-\u9fff])")
MAX_DOTTED_PART_BACK = 8  # characters before a dot read back for the first part
MAX_SPOKEN_PART_CHARS = 8  # a transliterated name's last part right before a speech verb: 热克西姆别科夫
MAX_NAME_PART_CHARS = 5  # a transliterated name's last part: 艾力, 吐尔逊, 托克塔罗夫
TRANSLITERATION_ENDINGS = frozenset("夫娃娜斯尔德特克姆诺科维奇")  # what ends a part of five (托克塔罗夫)
MAX_ONE_WORD_PART_CHARS = 6  # read by jieba as one word: 阿不都热西提
# A name does not follow a figure: 余 and 张 after one are "more than" and a counter (2000余户, 一万张).
NUMERALS = frozenset("0123456789０１２３４５６７８９〇零一二三四五六七八九十百千万亿两")
WORD_AFTER_NAME_FREQ = 50
MAX_NAME_CHARS = 4  # surname and given name, without a middle dot
REPEATED_NAME_TIMES = 3  # occurrences that show a name's full length
# A two-character candidate this common as an ordinary word (jieba frequency) is not taken as a name.
COMMON_WORD_FREQ = 1000
MIN_WORD_NOT_NAME_CHARS = 3  # a dictionary word this long, tagged no name, is read as the word (马铃薯)
ADVERB_FLAGS = frozenset("d")  # jieba's adverbs (陆续, 正在): no name starts with one
# a word and one of these name a job (分拣员, 割胶工, 风险官, 集邮家): a title before a name
OCCUPATION_SUFFIXES = frozenset("员工官家")

ORG_PART_FLAGS = {"n", "nz", "nt", "ns", "nrt", "j", "vn", "an", "eng", "l"}
# Words joining two bodies acting together, never inside one's name (交通运输局会同邮政管理局)
ORG_JOINING_WORDS = frozenset({"会同", "连同", "携手"})  # (协同 names departments: 协同金融业务部)
# Attributes jieba tags as such (b) inside a body's name (郑州大学第一附属医院, 国有, 民营)
ORG_ATTRIBUTES = frozenset({"附属", "国有", "民营"})
ORDINAL_RE = re.compile(r"第[一二三四五六七八九十]{1,3}")
# Verbs naming a co-op's or a company's trade inside its name (宛西香菇种植专业合作社, 苦荞种植农民专业合作社)
ORG_TRADE_VERBS = {
    "种植", "养殖", "加工", "销售", "生产", "运输", "回收", "培育", "快递", "配送", "担保", "融资", "租赁", "制造", "咨询",
    "制冰", "冷藏", "仓储", "包装", "印刷", "装卸", "批发", "零售", "代理", "检测", "维修",
}
ORG_TRADES = tuple(ORG_TRADE_VERBS)
# Single characters that never sit inside an organisation's name (others may: 湘维支局 splits into 湘/维/支局).
FUNCTION_CHARS = set(
    "的了在是和与及等对向从把被为将到也都就又还而并或且让使由于受给去来成着过说要会能可这那其各每该我你他她它以所远超有好当一"
)
FUNCTION_WORD_FLAGS = frozenset("upcq")  # jieba's tags of particles, prepositions, conjunctions, measure words (12家)
GENERIC_ORG_PARTS = {
    "省", "市", "县", "区", "各", "该", "本", "全", "我", "其", "集团", "公司", "集团公司", "分公司", "邮政",
    "家庭",  # 家庭农场: a kind of farm
    # levels and trades that name a kind of body, not one (乡镇邮政支局, 邮政电商仓储中心)
    "乡镇", "乡村", "农村", "村级", "县级", "市级", "电商", "仓储", "物流", "快递", "寄递", "分拣", "科技", "运营", "共配",
}
# Units ending the names of towns and villages (塔公镇, 木鱼村), which the gazetteer (down to
# counties) lacks: before an organisation suffix, the characters before one name the place.
ADMIN_UNITS = {"镇", "乡", "村"}
ADMIN_LEVELS = {"省", "市", "县", "区", "州"}
# The nation, as a place heads a body's name: 国家市场监督管理总局, 国家发展和改革委员会
NATIONAL = {"国家"}
LIST_LAST_JOINERS = "和与及"  # 张三、李四和王五
# A line of names (a label, then names apart by spaces or 、): an award list's, those present.
NAME_LIST_LINE = re.compile(r"^[ \t\u3000]*(?:[^\n：:，。；]{1,12}[：:])?[ \t\u3000]*(?P<names>[^\n：:，。；！？]+?)[ \t\u3000]*$", re.M)
NAME_LIST_SEPARATORS = re.compile(r"[ \t\u3000、，,]+")
MIN_LISTED_NAMES = 2
FIELD_BUREAU_ENDINGS = "局署司"  # a government bureau's, after its field (旅游局, 监管司; 厅 is a hall too: 营业厅)
FIELD_TAGS = frozenset({"n", "vn", "nz", "v"})  # (保障局, 统计局: their fields are verbs to jieba)
NAME_HEADER = "姓名"  # a table's column of names
LIST_END_WORDS = "一起|一同|共同|分别|先后|获评|荣获|获得|被评为|当选|入选"  # words a list of people's names runs into (获评: an award list)
LIST_MIDDLE_RUN = re.compile(r"、(?:[\u4e00-\u9fff]{2,3}、){2,}")  # two or more items between 、
# A list of people each with their unit in brackets (于海（某市分公司）、马兰花（某快递公司）): the
# items, after a colon, 、 or a sentence's start, before 、 or the sentence's end.
AFFILIATED_ITEM = re.compile(r"(?<=[：:、，。；\n])([\u4e00-\u9fff·]{2,8})（([^（）\n]{2,40})）(?=[、，。；和及与等]|$)", re.M)
MIN_AFFILIATED_ITEMS = 2
MAX_UNLISTED_PLACE_CHARS = 3
LEGAL_FORM_ENDINGS = ("有限公司", "有限责任公司", "股份有限公司", "联合社")
LEGAL_FORM_PARTS = {"股份", "有限", "责任", "有限责任"}  # words of a legal form jieba parts from 有限公司
MIN_TRADE_NAME_CHARS = 4  # a company's name before its legal form: 中铁快运, 云途速运 (with its trade)
# A company's registered name is its place, trade name, trade and legal form (靖西市 壮乡好物 电子商务
# 有限公司): a trade name of words jieba reads as no name's (好/a 物/zg, 顺/p 玉/nr) runs back to
# the place at most this many characters before the rest, over no word but these joining two names.
MAX_TRADE_NAME_CHARS = 8
TRADE_NAME_BOUNDARY_CHARS = set("的了在是和与及等对向从把被为将到也都就又还而并或且让使由给")
MIN_ORG_LEN = 4
MAX_SHORT_NAME_CHARS = 3  # a company's short name (顺丰, 菜鸟): no words before it make it longer
MAX_ORG_TOKENS = 8
# From a place heading it, a name may hold more tokens (jieba leaves an unknown township's and
# village's names in single characters: 五指山市/水/满/乡/毛/纳/村/茶叶/专业/合作社), as many characters.
MAX_PLACE_HEADED_ORG_CHARS = 30
SHORT_ORG_TOKENS = 3
GENERIC_SUFFIX_LEN = 3


def _unlisted_place_head(run: list[Token]) -> list[int]:
    """Where a town or village the gazetteer lacks starts: jieba leaves its name as single
    characters before the unit (塔/公/镇/邮政所): up to three of them before the last unit, or
    one word of two (点头/镇)."""
    units = [i for i, (word, _, _) in enumerate(run[:-1]) if word in ADMIN_UNITS]
    if not units:
        return []
    start = units[-1]
    while start > 0 and units[-1] - start < MAX_UNLISTED_PLACE_CHARS and len(run[start - 1][0]) == 1 \
            and run[start - 1][0] not in FUNCTION_CHARS and HAN.match(run[start - 1][0]):
        start -= 1
    if start == units[-1] and start and len(run[start - 1][0]) == 2 and HAN.match(run[start - 1][0]):
        start -= 1  # a name jieba reads as a word (点头/镇)
    return [start] if start < units[-1] else []


WORD_AND_FLAG = itemgetter(0, 1)
AFTER_PLACE = "after place"  # a token that is part of a run only right after a place's token
MAX_REMEMBERED_KINDS = 200_000  # (word, flag) pairs whose organisation-run kind is remembered


def _names_town(token: Token) -> bool:
    """Whether a word jieba tags otherwise (点头/v) may be the name of the town (镇) after it."""
    word, flag, _ = token
    return len(word) == 2 and HAN.match(word) is not None and flag[:1] not in FUNCTION_WORD_FLAGS | {"d", "r"}


def _with_unknown_name(run: list[Token], length: int) -> list[Token]:
    """The run's last ``length`` tokens, and one more if a name jieba broke into characters
    starts before them (大/才/邮政/支局: a name of two characters, unknown to it)."""
    start = max(len(run) - length, 0)
    if start and len(run[start][0]) == 1 and len(run[start - 1][0]) == 1 and HAN.match(run[start - 1][0]):
        start -= 1
    joined = next((i for i in (start, start - 1) if 0 < i < len(run) and run[i][0] == "和"), None)
    return run[joined - 1:] if joined else run[start:]  # (粮食/和/物资/储备/局: both fields of its remit)


def _with_trade_name(run: list[Token]) -> list[Token] | None:
    """A company's run from its trade name before its legal form: the tokens before the form
    until they hold MIN_TRADE_NAME_CHARS characters (中铁/快运/股份/有限公司, 云/途/速/运/股份/有限公司);
    None unless the run ends in a legal form."""
    if not run[-1][0].endswith(LEGAL_FORM_ENDINGS) and not (
        run[-1][0] == "公司" and len(run) > 1 and run[-2][0] in LEGAL_FORM_PARTS  # (有限责任/l 公司)
    ):
        return None
    start = len(run) - 1
    while start and run[start - 1][0] in LEGAL_FORM_PARTS:
        start -= 1
    name_chars = 0
    while start and name_chars < MIN_TRADE_NAME_CHARS:
        start -= 1
        # (a trade of one token, 集装箱运输, is no name: 中铁 before it is)
        name_chars += 0 if run[start][0].endswith(ORG_TRADES) else len(run[start][0])
    return run[start:]


def _with_level_before(run: list[Token], tail: list[Token]) -> list[Token]:
    """``tail`` (the end of ``run``) with the level word right before it (省 of 省/发展/改革/委):
    the province's or county's own body, not any province's."""
    start = len(run) - len(tail)
    return run[start - 1:] if start and run[start - 1][0] in ADMIN_LEVELS else tail


def _from_bare_level(run: list[Token]) -> list[Token]:
    """With no place named, a level word (省, 市) starts the name: what comes before it is
    not the place's name (报省分公司: "report to the provincial branch")."""
    levels = [i for i, (word, _, _) in enumerate(run[:-1]) if word in ADMIN_LEVELS]
    return run[levels[-1]:] if levels else run


class _TokenEnds:
    """Offsets where a token ends: where the next one starts, or the last one's end."""

    def __init__(self, tokens: list[Token]) -> None:
        self._starts = list(map(itemgetter(2), tokens))  # sorted: tokens follow the text
        self._end = tokens[-1][2] + len(tokens[-1][0]) if tokens else 0

    def __contains__(self, offset: int) -> bool:
        index = bisect_left(self._starts, offset)
        return offset == self._end or index < len(self._starts) and self._starts[index] == offset


def _inside_short_names(name: str, text: str, short_names: list[str]) -> bool:
    """Whether every occurrence of ``name`` lies inside one of ``short_names``."""
    covered = {
        index for short in short_names if name in short and short != name
        for start in occurrences(short, text) for index in range(start, start + len(short))
    }
    return bool(covered) and all(start in covered for start in occurrences(name, text))


def _across_commoner_names(name: str, text: str, names: list[str], counts: dict[str, int]) -> bool:
    """Whether every occurrence of ``name`` overlaps one of a name found more often."""
    commoner = {
        i
        for other in names if counts[other] > counts[name]
        for start in occurrences(other, text)
        for i in range(start, start + len(other))
    }
    return all(not commoner.isdisjoint(range(start, start + len(name))) for start in occurrences(name, text))


def _starts_inside_other_names(name: str, text: str, names: list[str]) -> bool:
    """Whether every occurrence of ``name`` starts inside another name's (林回答 of 马春林回答记者:
    read from a found name's last character on)."""
    inside = {
        i for other in names if other != name for start in occurrences(other, text)
        for i in range(start + 1, start + len(other))
    }
    return all(start in inside for start in occurrences(name, text))


def occurrences(word: str, text: str):
    """Starts of the non-overlapping occurrences of ``word``, left to right."""
    start = text.find(word)
    while start >= 0:
        yield start
        start = text.find(word, start + len(word))


def _after_figure(text: str, start: int) -> bool:
    """Whether a figure ends right before ``start``, a space apart at most (1200 余户农户: 余 is
    "more than", no surname)."""
    previous = start - 1
    if previous > 0 and text[previous] == " ":
        previous -= 1
    return text[previous] in NUMERALS


def _not_han(char: str) -> bool:
    """True for punctuation, digits, Latin, spaces and the end of the text."""
    return not HAN.match(char or "-")


class EntityFinder:
    def __init__(self, segmenter: Segmenter, place_words: set[str]) -> None:
        self.segmenter = segmenter
        # names and short names of places: they start organisations' names, and name no one (寿宁 of 寿宁县)
        self.place_words = place_words
        self.surnames = word_set("surnames.txt")
        self.weak_surnames = word_set("weak_surnames.txt")
        self.titles = tuple(sorted(word_set("person_titles.txt"), key=len, reverse=True))
        self.title_set = frozenset(self.titles)
        self.title_last_chars = frozenset(title[-1] for title in self.titles) | OCCUPATION_SUFFIXES
        self.surname_initials = frozenset(surname[0] for surname in self.surnames)
        self.org_suffixes = word_set("org_suffixes.txt")
        self.long_org_suffixes = tuple(suffix for suffix in self.org_suffixes if len(suffix) >= 2)
        self.org_stopwords = word_set("org_stopwords.txt")
        # The organisations the domain dictionary names (jieba's own nt words hold 国家队, 最大化).
        self.named_orgs = frozenset(word for word, _, tag in domain_words() if tag == "nt")
        self.place_org_suffixes = word_set("place_org_suffixes.txt")
        # A token ending in none of these characters ends no suffix, so cannot end an organisation.
        self.suffix_last_chars = frozenset(suffix[-1] for suffix in self.org_suffixes | self.place_org_suffixes)
        # _org_token_kind remembered per (word, flag): a stream repeats its words, and the scan asked
        # every token of every story five questions
        self._org_kinds = Memo(self._org_token_kind, MAX_REMEMBERED_KINDS)
        self._suffix_title_cuts = Memo(self._suffix_title_cut, MAX_REMEMBERED_KINDS)
        # (suffix, rest) of a title jieba cuts after an organisation's suffix: 支局 / 长 of 支局长
        self._title_parts = {
            (suffix, title[len(suffix):]) for title in self.titles for suffix in self.org_suffixes
            if len(title) > len(suffix) and title.startswith(suffix) and title[len(suffix):] not in self.title_set
        }  # (党支部 / 书记: the suffix and a title whole, the organisation's and its head's)
        self._title_tails = frozenset(tail for _, tail in self._title_parts)
        # suffixes a one-character tail makes a title of (支局 of 支局长): jieba may glue that tail
        # to the surname after it (支局 / 长江 / 海涛 of 支局长江海涛)
        self._suffixes_of_char_tails = frozenset(suffix for suffix, tail in self._title_parts if len(tail) == 1)
        self.after_name = self.titles + SPEECH_VERBS + PLACES_IN_PHOTO
        self.one_char_given_name_before = self.after_name + NAME_BREAKS
        self.after_name_initials = frozenset(word[0] for word in self.after_name)
        self.after_name_set = frozenset(self.after_name)
        self.after_name_longest = max(map(len, self.after_name))
        self.title_alternation = "|".join(map(re.escape, self.titles))
        self.part_before_speech_re = re.compile(
            rf"([\u4e00-\u9fff]{{2,{MAX_SPOKEN_PART_CHARS}}}?)(?:{'|'.join(map(re.escape, SPEECH_VERBS))})"
        )
        self.title_speech_re = re.compile(
            f"(?:{self.title_alternation})([\u4e00-\u9fff·]{{2,{MAX_DOTTED_NAME_CHARS}}}?)"
            f"(?:{'|'.join(map(re.escape, SPEECH_VERBS))})"
        )
        # Tibetan, Mongolian and Uyghur names: two or three given-name elements in a row (德吉卓嘎).
        element = ethnic_name_element()
        self.ethnic_name_re = re.compile(f"{element}{element}{{1,2}}")  # (so written, searched 15x as fast)
        self.ethnic_elements_re = re.compile(f"{element}+")  # a transliterated part made of them (阿不都热合曼)
        # One element of three characters or more is a name of its own (工作人员其其格, 站长巴特尔):
        # searched for alone (the run of elements about each is looked at where one stands).
        long_elements = sorted((part for part in element[3:-1].split("|") if len(part) >= 3), key=len, reverse=True)
        self.long_ethnic_name_re = re.compile("|".join(long_elements))
        # A transliterated name right after a title, whatever follows (投递员买买提·艾力一起…):
        # parts of two characters or more about a middle dot (中国·东盟 follows no title).
        self.title_dotted_re = re.compile(
            f"(?:{self.title_alternation})({DOTTED_PART}(?:·{DOTTED_PART}){{1,2}})"
        )

    # People ---------------------------------------------------------------
    def people(self, text: str, tokens: list[Token], exclude: set[str], listed: list[str] = ()) -> list[str]:
        """Names in ``text`` ordered by frequency, then position; none overlapping ``exclude``
        (authors); ``listed``: names its lists of names alone hold (see listed_names)."""
        found: dict[str, int] = {name: text.find(name) for name in listed if name not in exclude and name in text}
        initials, after_name_initials = self.surname_initials, self.after_name_initials
        token_ends = _TokenEnds(tokens)
        for word, flag, start in tokens:
            if len(word) == 2 and word[1] in initials and self._title_ends_at(text, start + 1):
                # jieba glued a title's last character to the surname after it (支局/长方/建国 of
                # 支局长方建国): the name starts inside the token, right after the title; not
                # where the surname starts a word (局长方便时), unless a speech verb or a title
                # follows the name (支局长江海涛介绍: 江海 a word too).
                name = self._name_at(text, start + 1, token_ends)
                if name and name not in exclude and (
                    self.segmenter.frequency(text[start + 1:start + 3]) < WORD_AFTER_NAME_FREQ
                    or text.startswith(self.after_name, start + 1 + len(name))
                ):
                    found.setdefault(name, start + 1)
                continue
            if word[0] not in initials or start and _after_figure(text, start):
                continue
            # A name (2-4 characters) needs a title before it or a title or speech verb right after:
            # most candidates have neither, and are dropped before the closer look.
            if after_name_initials.isdisjoint(text[start + 2 : start + 5]) and not self._title_ends_at(text, start):
                continue
            # A name starts a token and is not the head of a longer word (党组书记, 黑龙江).
            name = self._name_at(text, start, token_ends)
            if name and len(word) > len(name):
                continue
            if name == word and len(word) >= MIN_WORD_NOT_NAME_CHARS and not flag.startswith("nr"):
                continue  # 马铃薯种植户: a word of the dictionary that names no one (two characters: _name_at's)
            if name == word and not flag.startswith("nr") and text[start + len(word):start + len(word) + 1] == word[-1]:
                continue  # 农场场长, 车站站长: a body and its head's title, its last character the title's first
            if name and len(name) > len(word) > self._surname_len(text, start) and (
                flag[:1] in ADVERB_FLAGS or self._is_common_word(word)
            ) and not text.startswith(self.after_name, start + len(name)):
                # 快递员陆续装车, 局长方便时: an adverb (陆续) or a common word no name (方便) and a
                # character, no title or speech verb after
                continue
            if (
                name and len(name) == len(word) + 1 == 2 and not flag.startswith("nr") and name[1] in self.surnames
                and start + 2 in token_ends and text.startswith(self.titles, start + 2)
            ):
                # 收购商邵经理: a character jieba tags no name's (商) before a surname standing alone
                # and a title (邵经理 addresses someone), not 林立副总经理 (one word to jieba)
                continue
            if name and name not in exclude:
                found.setdefault(name, start)
        self._add_ethnic(text, found, exclude)
        self._add_affiliated(text, found, exclude)
        if "（" in text or "(" in text:
            self._add_before_brackets(text, found, exclude)
        self._add_listed(text, found, exclude, token_ends)
        self._add_between_title_and_speech(text, found, exclude, token_ends)
        if "（" in text:
            # the Chinese name in brackets after an English one (Kevin Zhou（周凯文）)
            for match in LATIN_NAME_THEN_CHINESE.finditer(text):
                name = match.group(1)
                if self._surname_len(name, 0) and name not in exclude and self.could_be_name(name):
                    found.setdefault(name, match.start(1))
        if NAME_DOT_RE.search(text):
            self._add_dotted(text, found, exclude)
        found = {self._whole_name(text, name): start for name, start in found.items()}
        # 小明 inside 张小明: a shorter reading of a longer name found elsewhere.
        names = [
            n
            for n in found
            if not MASKED_NAME.fullmatch(n) and not any(n != other and n in other for other in found)
            and not any(n in author or author in n for author in exclude)
        ]
        if "简称" in text:  # 智航 of 飞鹰智航董事长, a company's short name (以下简称“飞鹰智航”)
            short_names = SHORT_NAME_DEFINED.findall(text)
            names = [name for name in names if not _inside_short_names(name, text, short_names)]
        counts = {name: text.count(name) for name in names}
        # 阿木常 in 吉克阿木常说: a reading across a name that recurs more often; 林回答 in
        # 马春林回答记者: one starting inside another.
        names = [
            name for name in names
            if not _across_commoner_names(name, text, names, counts) and not _starts_inside_other_names(name, text, names)
        ]
        return sorted(names, key=lambda name: (-counts[name], found[name]))

    def _whole_name(self, text: str, name: str) -> str:
        """``name`` with the character that follows it at every one of several occurrences: a
        name longer than the surname rule reads (Yi names: 吉克阿木, cut to 吉克阿), unless that
        character reads as a title, verb or break after a name, or starts a word."""
        if "·" in name or len(name) >= MAX_NAME_CHARS:
            return name
        ends = [start + len(name) for start in occurrences(name, text)]
        followers = {text[end:end + 1] for end in ends}
        if len(ends) < REPEATED_NAME_TIMES or len(followers) != 1:
            return name
        follower = followers.pop()
        frequency = self.segmenter.frequency
        if not HAN.match(follower) or follower in NON_NAME_CHARS or any(
            text.startswith(self.one_char_given_name_before, end) or frequency(text[end:end + 2]) >= WORD_AFTER_NAME_FREQ
            for end in ends
        ):
            return name  # 王建国夫妇: the character starts a word
        return name + follower

    def could_be_name(self, item: str) -> bool:
        """Whether a credit standing without a role word (a byline's bare list) can be a
        personal name: a surname and one or two given characters, not an ordinary word
        (原创, 江西邮政: items a web page's header line carries)."""
        if not HAN.match(item):
            return False
        surname_len = self._surname_len(item, 0)
        if not surname_len or not 1 <= len(item) - surname_len <= 2:
            return False
        entry = self.segmenter.words.get(item)
        return entry is None or entry.tag.startswith("nr") or entry.freq < WORD_AFTER_NAME_FREQ

    def _surname_len(self, text: str, start: int) -> int:
        if text[start : start + 2] in self.surnames:
            return 2
        return 1 if text[start] in self.surnames else 0

    def _given_len(self, text: str, after_surname: int) -> int:
        """One or two given-name characters, judged by what follows them."""
        second = after_surname + 1
        if text.startswith(self.one_char_given_name_before, second) or _not_han(text[second : second + 1]):
            return 1
        if text[second] in NON_NAME_CHARS:
            return 1  # 邹静在当天: no given name holds 在
        if text[second] in ADVERBS_BEFORE_SPEECH and text.startswith(self.after_name, second + 1):
            return 1  # 谭勇则表示, 王芳也说: an adverb between the name and its verb
        # 唐成文告诉记者, 王建文书记: a title or speech verb right after it ends a two-character
        # given name, whatever word its second character makes with the next (文告, 文书).
        if text[second] not in NON_NAME_CHARS and text.startswith(self.after_name, second + 1):
            return 2
        # 张明看来, 王芳正在: the second candidate character starts a word; unless the word after
        # it is likelier (包志远去年: 去年 over 远去).
        frequency = self.segmenter.frequency
        word_from_second = frequency(text[second : second + 2])
        if word_from_second >= WORD_AFTER_NAME_FREQ and frequency(text[second + 1 : second + 3]) <= word_from_second:
            return 1
        return 2

    def _name_at(self, text: str, start: int, token_ends: "_TokenEnds") -> str | None:
        surname_len = self._surname_len(text, start)
        if not surname_len:
            return None
        end = start + surname_len + self._given_len(text, start + surname_len)
        name = text[start:end]
        if len(name) < 2 or not HAN.match(name) or set(name[surname_len:]) & NON_NAME_CHARS:
            return None
        if len(name) == 2 and self.segmenter.frequency(name) >= COMMON_WORD_FREQ:
            return None
        if self._familiar_address(name) or name[:surname_len] in self.weak_surnames and self._familiar_address(name[surname_len:]):
            return None  # (和小孙 of 陈师傅和小孙: a word read as a surname before the address; 李小华 is a name)
        if name in self.title_set or name[surname_len:] in self.title_set:
            return None  # 王书记, 张经理: a surname and a title address a person but name none
        before = self._title_ends_at(text, start)
        if name[:surname_len] in self.weak_surnames:
            # 管好, 和检查: the characters read as a word rather than a name; unless a title and
            # a speech verb stand about them (副局长高建军表示, 经理党建民介绍).
            # (职工于海洋: a name the dictionary has whole, 海洋 no word of it there)
            frequency = self.segmenter.frequency
            is_word = frequency(name[:2]) or frequency(name[1:3]) >= WORD_AFTER_NAME_FREQ
            named = text.startswith(SPEECH_VERBS, end) or len(name) > 2 and self._is_name_word(name)
            # (主席由新加坡…: no name ends inside a word jieba reads on past it)
            return name if before and (not is_word or named) and end in token_ends else None
        after = text.startswith(self.after_name, end) and self._word_after(text, end, token_ends)
        if not before and len(name) - surname_len == 2 and self._is_adverb(name[surname_len:]):
            return None  # 面单一边说: a character (单) and an adverb (一边) before the verb, no given name
        if len(name) == 2 and not after and self._is_other_word(name):
            return None  # 员工关爱工作: a title before a word (关爱) names no one unless a title or verb follows
        return name if before or after else None

    def _is_common_word(self, word: str) -> bool:
        """Whether ``word`` is a common dictionary word that jieba tags no name or place
        (方便; not 高明, 金华: given names and places make names too)."""
        entry = self.segmenter.words.get(word)
        return entry is not None and entry.freq >= COMMON_WORD_FREQ and entry.tag[:2] not in ("nr", "ns")

    def _is_name_word(self, word: str) -> bool:
        """Whether the dictionary has ``word`` as a person's name."""
        entry = self.segmenter.words.get(word)
        return entry is not None and entry.tag.startswith("nr")

    def _familiar_address(self, name: str) -> bool:
        """小刘, 老张, 阿陈: what colleagues call someone, a surname after 小/老/阿, no name."""
        return len(name) == 2 and name[0] in FAMILIAR_PREFIXES and name[1] in self.surnames

    def _is_adverb(self, word: str) -> bool:
        """Whether ``word`` is an adverb of the dictionary of some frequency (一边, 正在)."""
        entry = self.segmenter.words.get(word)
        return entry is not None and entry.freq >= WORD_AFTER_NAME_FREQ and entry.tag[:1] in ADVERB_FLAGS

    def _is_other_word(self, word: str) -> bool:
        """Whether ``word`` is a dictionary word of some frequency that jieba tags no name."""
        entry = self.segmenter.words.get(word)
        return entry is not None and entry.freq >= WORD_AFTER_NAME_FREQ and not entry.tag.startswith("nr")

    def _word_after(self, text: str, end: int, token_ends: "_TokenEnds") -> bool:
        """Whether a title or speech verb starting at ``end`` is a word of the text, not the head
        of a longer one (智能柜员机: 柜员 is no title there, so 智能 no name)."""
        return any(
            text[end:end + length] in self.after_name_set and end + length in token_ends
            for length in range(1, self.after_name_longest + 1)
        )

    def _title_ends_at(self, text: str, end: int) -> bool:
        # Most characters end no title: one set look-up spares comparing all the titles.
        last = text[end - 1 : end]
        if last not in self.title_last_chars:
            return False
        # (or a job the list lacks: a word and 员 or 工, 分拣员, 维修工)
        return text.endswith(self.titles, 0, end) or last in OCCUPATION_SUFFIXES and end >= 3 and (
            self.segmenter.frequency(text[end - 3 : end - 1]) > 0
        )

    def is_ethnic_name(self, item: str) -> bool:
        """Whether ``item`` is given-name elements of a Tibetan, Mongolian or Uyghur name alone
        (德吉卓嘎, 阿依古丽): one name, not two Han names glued."""
        return self.ethnic_name_re.fullmatch(item) is not None

    def _add_ethnic(self, text: str, found: dict[str, int], exclude: set[str]) -> None:
        """站长德吉卓嘎, 额尔敦巴雅尔说, 米玛次仁局长: Tibetan and Mongolian given-name elements in a
        row (see ethnic_name_parts.txt), a title right before them or a title or speech verb after;
        one element of three characters or more right after a title (工作人员其其格)."""
        for match in self.ethnic_name_re.finditer(text):
            anchored = self._title_ends_at(text, match.start()) or text.startswith(self.after_name, match.end())
            if anchored and match.group() not in exclude:
                found.setdefault(match.group(), match.start())
        for match in self.long_ethnic_name_re.finditer(text):
            name = match.group()
            if self._title_ends_at(text, match.start()) and self.ethnic_elements_re.match(text, match.start()).group() == name \
                    and name not in exclude:
                found.setdefault(name, match.start())

    def listed_names(self, body: str) -> list[str]:
        """Names of the lines of names alone in ``body`` as printed (spaces between names kept),
        after a label or none (一等奖：龙金花 欧阳雪 尹杰, 出席：王芳、李明): every item a surname
        and a given name, most of them no word, none a title (记者 王芳 is a credit). A name that
        is a word too (向阳, 黄河) is one there."""
        names = self._name_column(body)
        for line in NAME_LIST_LINE.finditer(body):
            items = NAME_LIST_SEPARATORS.split(line.group("names").strip())
            if len(items) >= MIN_LISTED_NAMES and all(
                "·" in item or HAN.match(item) and 1 <= len(item) - self._surname_len(item, 0) <= 2 for item in items
            ) and sum(map(self.could_be_name, items)) * 2 > len(items) and self.title_set.isdisjoint(items):
                names += items
        return names

    def _name_column(self, body: str) -> list[str]:
        """The names of a table's 姓名 column, its rows one a line and their cells apart (序号 姓名
        性别 单位 / 1 王芳 女 某县邮政分公司): a two-character name padded to three (李　强) is two cells."""
        names: list[str] = []
        column = cells = None
        for line in body.splitlines():
            items = line.split()
            if NAME_HEADER in items:
                column, cells = items.index(NAME_HEADER), len(items)
                continue
            if column is None:
                continue
            if len(items) == cells + 1 and len(items[column]) == len(items[column + 1]) == 1:
                items[column:column + 2] = [items[column] + items[column + 1]]
            name = items[column] if len(items) == cells else ""
            if not ("·" in name or HAN.match(name) and 2 <= len(name) <= MAX_UNDOTTED_NAME_CHARS):
                column = None  # the table ends
                continue
            names.append(name)
        return names

    def _add_affiliated(self, text: str, found: dict[str, int], exclude: set[str]) -> None:
        """于海（某市分公司）、马兰花（某快递公司）: a list of items each followed by the unit it works
        for in brackets (an organisation's name) is a list of people when most items read as
        names; the others are names too there (宁波, a city's name as well), if a surname and
        one or two characters, or a Tibetan or Mongolian name."""
        items = [
            (match.group(1), match.start(1)) for match in AFFILIATED_ITEM.finditer(text)
            if match.group(2).endswith(self.long_org_suffixes)
        ]
        named = sum(self.could_be_name(item) or self.is_ethnic_name(item) for item, _ in items)
        if len(items) < MIN_AFFILIATED_ITEMS or named * 2 <= len(items):
            return
        for item, start in items:
            surname_len = self._surname_len(item, 0)
            shaped = surname_len and 1 <= len(item) - surname_len <= 2 or self.is_ethnic_name(item) or "·" in item
            if shaped and item not in exclude and item not in self.title_set:
                found.setdefault(item, start)

    def _add_before_brackets(self, text: str, found: dict[str, int], exclude: set[str]) -> None:
        """A name with the person's age or English name in brackets after it (乡邮员雷金旺（52岁）,
        覃祖伟（45岁）、…, 区志恒（Ken Au）): a surname and one or two characters right before the
        brackets, the longer reading first."""
        for match in BRACKETS_AFTER_NAME.finditer(text):
            end = match.start()
            # (果农林立（56岁）: after a calling, the name is the rest, 农林立 no one)
            starts = (end - 2,) if self._title_ends_at(text, end - 2) else (end - 3, end - 2)
            for start in starts:
                name = text[max(start, 0):end]
                surname_len = self._surname_len(name, 0) if len(name) == end - start else 0
                # (波兰邮政（Poczta Polska）: 兰 ends a word, 波兰, no surname)
                if surname_len and self.could_be_name(name) and name not in exclude and not (
                    start and self.segmenter.frequency(text[start - 1:start + 1]) >= WORD_AFTER_NAME_FREQ
                ):
                    found.setdefault(name, start)
                    break

    def _add_listed(self, text: str, found: dict[str, int], exclude: set[str], token_ends: "_TokenEnds") -> None:
        """张明、李某某副总经理, 李桂兰、张秀英和赵德胜一起: a name listed with a recognised one (、, or
        和 / 与 / 及 before the last) is a name too, and so on along the list; after 、 also where
        the sentence goes on, when the name ends a word of jieba's (民警王建军、苟宇迅速赶到)."""
        pending = [*found, *self._names_amid_list(text, found, exclude)]
        while pending:
            name = pending.pop()
            if not any(joined in text for joined in (name + "、", "、" + name, *(name + c for c in LIST_LAST_JOINERS))):
                continue  # the common case, without compiling a pattern
            known = re.escape(name)
            after = (
                rf"{known}[、{LIST_LAST_JOINERS}]([\u4e00-\u9fff]{{2,3}})"
                rf"(?=[、，,。；\s{LIST_LAST_JOINERS}等]|{LIST_END_WORDS}|{self.title_alternation})"
            )
            found_before = (
                (other, m.start() - len(other)) for m in re.finditer(f"、{known}", text)
                if (other := self._listed_before(text, m.start()))
            )
            found_after = [(m.group(1), m.start(1)) for m in re.finditer(after, text)]
            # the last of the list, after 和 / 与 / 及, however the sentence goes on (和张国庆正把…)
            found_after += [
                (last, m.end()) for m in re.finditer(f"{known}[{LIST_LAST_JOINERS}]", text)
                if (last := self._name_from(text, m.end()))
            ]
            found_after += [
                (last, m.end()) for m in re.finditer(f"{known}、", text)
                if (last := self._name_from(text, m.end())) and m.end() + len(last) in token_ends
            ]
            for other, start in (*found_before, *found_after):
                if other and self._surname_len(other, 0) and other not in exclude and not set(other[1:]) & NON_NAME_CHARS \
                        and other not in found:
                    found[other] = start
                    pending.append(other)

    def _name_from(self, text: str, start: int) -> str | None:
        """The name at ``start`` as its surname and given name read, if it can be one."""
        surname_len = self._surname_len(text, start) if start < len(text) else 0
        if not surname_len:
            return None
        name = text[start : start + surname_len + self._given_len(text, start + surname_len)]
        return name if len(name) >= 2 and HAN.match(name) and self.could_be_name(name) else None

    def _unknown_or_name(self, word: str) -> bool:
        entry = self.segmenter.words.get(word)
        return entry is None or entry.tag.startswith("nr")

    def _listed_before(self, text: str, comma: int) -> str | None:
        """The name listed right before the 、 at ``comma``: its last four characters if they read
        as a double surname's name (司徒雅琴、…), else its last three if they read as a name
        (带动蒙秀英、…), else its last two (由王芳、…: 由 a word of the sentence)."""
        frequency = self.segmenter.frequency
        for length in (4, 3, 2):
            start = comma - length
            candidate = text[max(start, 0) : comma]
            if start < 0 or not HAN.match(candidate) or not self.could_be_name(candidate):
                continue
            if length == 4 and self._surname_len(candidate, 0) != 2:
                continue
            if start and frequency(text[start - 1 : start + 1]) >= WORD_AFTER_NAME_FREQ:
                continue  # 集团公司党组、…: its first character ends the word before (公司)
            if length != 3 or candidate[0] not in self.weak_surnames:
                return candidate
        return None

    def _names_amid_list(self, text: str, found: dict[str, int], exclude: set[str]) -> list[str]:
        """Names in the middle of a list of four or more (带动蒙秀英、韦丽娟、覃金花、谭春燕等), none
        found by an anchor: items between two 、 that each read as a name, two in a row at least."""
        added = []
        for match in LIST_MIDDLE_RUN.finditer(text):
            items = match.group().strip("、").split("、")
            if all(
                item[0] in self.surnames and item[0] not in self.weak_surnames and self.could_be_name(item)
                and not set(item[1:]) & NON_NAME_CHARS and item not in exclude
                and self._unknown_or_name(item) and item not in self.place_words  # 福鼎、寿宁、周宁、屏南
                for item in items
            ):
                start = match.start() + 1
                for item in items:
                    if item not in found:
                        found[item] = start
                        added.append(item)
                    start += len(item) + 1
        return added

    def _add_between_title_and_speech(
        self, text: str, found: dict[str, int], exclude: set[str], token_ends: "_TokenEnds"
    ) -> None:
        """所长泽仁多吉告诉记者: a name with no Han surname (Tibetan, Uyghur, 买买提·艾力) when a
        title stands right before it and a speech verb right after; without a middle dot, no
        function character in it. With a middle dot, right after a title whatever follows. The
        title is a word of the text (董事 of 董事会成员… is none)."""
        for match in self.title_speech_re.finditer(text):
            if match.start(1) not in token_ends:
                continue
            name = MANNER_BEFORE_SPEECH.sub("", match.group(1))  # 扎西 of 扎西高兴地说, 吉木阿果 of …笑着说
            if len(name) > 2 and name[-1] in ADVERBS_BEFORE_SPEECH:
                name = name[:-1]  # 阿里·汗则表示, 方立军则表示
            if len(name) < 2 or name in exclude:
                continue
            if "·" in name:
                # A transliterated name's parts may be words (买买提) or hold function characters
                # (阿不都热依木); its middle dot vouches for it. Its last part ends where jieba's
                # tokens stop reading a name (坎蓬 of 坎蓬前不久带队).
                *parts, last = name.split("·")
                name = "·".join([*parts, self._name_part(last)])
                if not all(len(part) >= 2 for part in name.split("·")):
                    continue
            elif (
                len(name) > MAX_UNDOTTED_NAME_CHARS or set(name) & NON_NAME_CHARS or self._holds_a_word(name)
                or name.endswith(self.titles)  # 市民刘女士说: a surname and a title address, name no one
                or self._familiar_address(name)
            ):
                continue
            found.setdefault(name, match.start(1))
        position = 0 if "·" in text else len(text)
        while match := self.title_dotted_re.search(text, position):
            # (searched on from the name: its parts' greed may swallow the next title, 吐尔逊拜和同事热依拉·…)
            position = match.start(1)
            if position not in token_ends:
                continue
            first, *parts = match.group(1).split("·")
            name = first
            for part in parts:  # each part as far as jieba's tokens read it a name's (阿依古丽·买买提和同事…)
                cut = self._name_part(part)
                name += "·" + cut
                if len(cut) < len(part):
                    break  # the name ended inside this part
            if len(cut) >= 2 and name not in exclude:
                found.setdefault(name, match.start(1))

    def _add_dotted(self, text: str, found: dict[str, int], exclude: set[str]) -> None:
        """A transliterated name wherever it stands (采购商穆罕默德·阿里正在…, 青年伊将．卡布斯说):
        parts of two characters or more about a name's dot, the first read back from the dot
        as far as jieba reads names or single characters (not 的, 在), the last as _name_part
        reads it. A part jieba reads as another word makes no name (中国·东盟, 邮政·惠农)."""
        for dot in NAME_DOT_RE.finditer(text):
            before = text[max(0, dot.start() - MAX_DOTTED_PART_BACK):dot.start()]
            first = ""
            for word, flag, start in reversed(self.segmenter.segment(before)):
                if not HAN.match(word) or len(word) > 1 and not flag.startswith("nr") or (
                    len(word) == 1 and flag[:1] in FUNCTION_WORD_FLAGS | {"r", "m"}
                ) or len(word) == 1 and start and (word in PERSON_NOUN_ENDS or before[:start + 1].endswith(self.titles)):
                    break  # (员 of 评审员, 乡邮员: a title's or a trade's end jieba cut off, no name's)
                first = word + first
            first = first[-MAX_ONE_WORD_PART_CHARS:]
            last = self._name_part(text[dot.end():dot.end() + MAX_DOTTED_NAME_CHARS])
            name = first + dot.group() + last
            if len(first) >= 2 and len(last) >= 2 and name not in exclude:
                found.setdefault(name, dot.start() - len(first))

    def _name_part(self, text: str) -> str:
        """The transliterated name part ``text`` starts with: up to a speech verb, where nothing but
        names' and places' pieces stand before it; else jieba's tokens up to the first word of the
        dictionary (艾力 of 艾力一起走访), a title or speech verb (吐尔洪 of 吐尔洪说) or a verb
        before a word (索南 of 索南像往常); four characters at most, six read as one word."""
        spoken = self.part_before_speech_re.match(text)
        part = spoken.group(1).rstrip("".join(ADVERBS_BEFORE_SPEECH)) if spoken else ""  # (施耐德也表示)
        if len(part) >= 2 and not set(part) & NON_NAME_CHARS and not self._holds_a_word(part, ("nr", "ns")):
            return part  # 热克西姆别科夫 of …表示: a long part, jieba's pieces names and places
        words = []
        tokens = self.segmenter.segment(text)
        for index, (word, flag, _) in enumerate(tokens):
            following = tokens[index + 1] if index + 1 < len(tokens) else None
            if words and (
                not HAN.match(word) or len(word) > 1 and not flag.startswith("nr") or word in self.after_name_set
                or flag[:1] in FUNCTION_WORD_FLAGS  # 和, 与: a list goes on to another name
                or len(word) == 1 and flag[:1] in "vd" and following is not None  # 索南像往常一样: a verb
                and len(following[0]) > 1 and not following[1].startswith("nr") and HAN.match(following[0])
            ):
                break
            words.append(word)
        # (a part jieba reads as one word may be longer: 阿不都热西提)
        longest = MAX_ONE_WORD_PART_CHARS if len(words) == 1 else MAX_NAME_PART_CHARS
        part = "".join(words)[:longest]
        if len(part) == MAX_NAME_PART_CHARS and part[-1] not in TRANSLITERATION_ENDINGS:
            part = part[:-1]  # 艾合买提寄 of …寄了: a verb after the name
        # Name elements jieba reads as words of other kinds (阿/不/都/热合 of 阿不都热合曼): as far as they go.
        elements = self.ethnic_elements_re.match(text)
        return elements.group() if elements and len(elements.group()) > len(part) else part

    def _holds_a_word(self, span: str, name_flags: tuple[str, ...] = ("nr",)) -> bool:
        """Whether jieba reads a word other than a name (``name_flags``: its tags' heads) into
        ``span`` (郭品华高兴地: 高兴)."""
        return any(len(word) > 1 and not flag.startswith(name_flags) for word, flag, _ in self.segmenter.segment(span))

    # Organisations --------------------------------------------------------
    def organizations(self, tokens: list[Token]) -> list[str]:
        found: Counter[str] = Counter()
        first: dict[str, int] = {}
        run: list[Token] = []
        may_end = False  # whether a token of the run may end an organisation (most runs have none)
        kinds = self._org_kinds
        tokens = self._suffixes_parted_from_titles(tokens)
        token_kinds = list(map(kinds.__getitem__, map(WORD_AND_FLAG, tokens)))
        for index, (token, (part, ends)) in enumerate(zip(tokens, token_kinds)):
            if not run:
                run_start = index
            if part is True or part is AFTER_PLACE and run and run[-1][1] == "ns" or (
                # 天津市住房和城乡建设委员会: 和 joins two fields of one body's remit, after a place
                # (or its level alone: 省粮食和物资储备局) and a field (no organisation: 省分公司和省分行
                # are two) and before another; a ministry's two fields need no place
                # (人力资源和社会保障部)
                token[0] == "和" and run and not may_end and run[-1][1] in ("n", "vn", "nz", "l") and len(run[-1][0]) > 1
                and index + 1 < len(tokens) and token_kinds[index + 1][0] is True and len(tokens[index + 1][0]) > 1
                and (
                    any(flag == "ns" or word in NATIONAL or word in ADMIN_LEVELS for word, flag, _ in run)
                    and tokens[index + 1][1] != "nt"
                    or len(run) == 1 and any(word.endswith("部") for word, _, _ in tokens[index + 1:index + 3])
                )
            ):
                if not run and token[0] in ADMIN_UNITS and index and _names_town(tokens[index - 1]):
                    run.append(tokens[index - 1])  # 点头/v 镇 邮政支局: the town's name is a word too
                run.append(token)
                may_end = may_end or ends
                continue
            if run:
                if may_end:  # (most runs: none, and nothing to count)
                    self._count_orgs(self._whole_run(tokens, run_start, run), found, first, token[0][:1])
                run = []
                may_end = False
        if run and may_end:
            self._count_orgs(self._whole_run(tokens, run_start, run), found, first)
        # 海南省农垦投资控股集团 of …集团有限公司, 供销合作社 of …供销合作社联合社: the name cut
        # before its legal form is no organisation of its own, unless named so elsewhere.
        cut_short = {
            org for org in found
            if any(found[org + ending] >= found[org] for ending in LEGAL_FORM_ENDINGS if org + ending in found)
        }
        # 山沟镇卫生院 of 青山沟镇卫生院 (jieba read 青 apart): a name standing nowhere but as the
        # end of a longer one found, the longer one's character before it before it each time.
        tails = {org for org in found if any(other != org and other.endswith(org) for other in found)}
        if tails:
            text = "".join(map(itemgetter(0), tokens))
            cut_short |= {
                org for org in tails
                if any(
                    other != org and other.endswith(org)
                    and all(text[start - 1:start] == other[-len(org) - 1] for start in occurrences(org, text))
                    for other in found
                )
            }
        return sorted((org for org in found if org not in cut_short), key=lambda org: (-found[org], first[org]))

    def _whole_run(self, tokens: list[Token], start: int, run: list[Token]) -> list[Token]:
        if run[0][0] in CATEGORY_WORDS or start and (
            tokens[start - 1][0] in CATEGORY_WORDS or tokens[start - 1][0].startswith(EVERY)  # (各市/r 邮政管理局)
        ):
            return []  # 各省辖市邮政管理局, 部分城市邮政所: every such body, or some, none named
        return self._with_placed_trade_name(tokens, start, self._function_led(tokens, start, run))

    def _function_led(self, tokens: list[Token], start: int, run: list[Token]) -> list[Token]:
        """``run`` without the conjunction or preposition jieba read into a two-character
        county's name at its head (我们和县交通运输局合作: 和 / 县交通运输局), unless a place
        stands before it (马鞍山市和县邮政分公司: the county)."""
        word, flag, at = run[0]
        if len(word) != 2 or word[0] not in FUNCTION_LED_CHARS or word not in self.place_words:
            return run
        before = tokens[start - 1] if start else None
        if before and (before[0] in self.place_words or before[1] == "ns"):
            return run
        return [(word[1:], "n", at + 1), *run[1:]]

    def _with_placed_trade_name(self, tokens: list[Token], start: int, run: list[Token]) -> list[Token]:
        """``run`` (tokens[start:…]) from the place before it, if it holds a company's legal
        form and no place before that, and a place stands at most MAX_TRADE_NAME_CHARS
        characters before it."""
        form = next((i for i, (word, _, _) in enumerate(run) if word.endswith(LEGAL_FORM_ENDINGS)), None)
        if form is None or any(word in self.place_words or flag == "ns" for word, flag, _ in run[:form]):
            return run
        chars = 0
        for index in range(start - 1, -1, -1):
            word, flag, _ = tokens[index]
            if word in self.place_words or flag == "ns" and len(word) > 1:
                return [*tokens[index:start], *run]
            chars += len(word)
            if chars > MAX_TRADE_NAME_CHARS or not HAN.fullmatch(word) or word in TRADE_NAME_BOUNDARY_CHARS or (
                len(word) > 1 and flag[:1] in "vpcu"
            ):
                return run
        return run

    def _suffixes_parted_from_titles(self, tokens: list[Token]) -> list[Token]:
        """Tokens with each word jieba makes of an organisation's suffix and a person's title
        after it (小学校长 of 中心小学校长彭德军) cut in two: the organisation ends at its suffix;
        and a title jieba cut after its first word, a suffix (支局 / 长 of 龙泉关支局支局长; 支局 /
        长江 of 支局长江海涛, its tail glued to the surname after it), made whole."""
        words = list(map(itemgetter(0), tokens))
        if not self._suffixes_of_char_tails.isdisjoint(words):  # (most stories: none, read in C)
            suffixes = self._suffixes_of_char_tails
            glued = [
                index + 1 for index, word in enumerate(words[:-1]) if word in suffixes
                and len(words[index + 1]) > 1 and (word, words[index + 1][0]) in self._title_parts
                and words[index + 1][1] in self.surnames
            ]
            if glued:
                tokens = list(tokens)
                for index in reversed(glued):
                    word, _, start = tokens[index]
                    tokens[index:index + 1] = [(word[0], "n", start), (word[1:], "n", start + 1)]
                words = list(map(itemgetter(0), tokens))
        joined = [] if self._title_tails.isdisjoint(words) else [  # (most stories: no tail, read in C)
            index for index in range(1, len(words)) if (words[index - 1], words[index]) in self._title_parts
        ]
        if joined:
            tokens = list(tokens)
            for index in reversed(joined):
                word, _, start = tokens[index - 1]
                tokens[index - 1:index + 1] = [(word + tokens[index][0], "n", start)]
        cuts = list(map(self._suffix_title_cuts.__getitem__, map(itemgetter(0), tokens)))
        if not any(cuts):  # most stories: their tokens as they are, read in C
            return tokens
        parted = []
        for token, cut in zip(tokens, cuts):
            word, _, start = token
            parted += [(word[:cut], "n", start), (word[cut:], "n", start + cut)] if cut else [token]
        return parted

    def _suffix_title_cut(self, word: str) -> int:
        """Where ``word`` parts into an organisation's suffix and a title (0: it does not). A
        title of its own (党委书记, 省委书记) stays whole."""
        if len(word) >= 3 and word not in self.org_suffixes and word not in self.title_set:
            for cut in range(1, len(word) - 1):
                if word[:cut] in self.org_suffixes and word[cut:] in self.title_set:
                    return cut
        return 0

    def _count_orgs(self, run: list[Token], found: Counter, first: dict, following: str = "") -> None:
        """``following``: the character after the run."""
        # one token names an organisation only if jieba tags it so
        if run and (len(run) > 1 or run[0][1] == "nt"):
            for org, start in self._orgs_in_run(run, following):
                found[org] += 1
                first.setdefault(org, start)

    def _org_token_kind(self, key: tuple[str, str]) -> tuple[bool | str, bool]:
        """(whether the token may sit in an organisation's run: True, False or AFTER_PLACE;
        whether it may end one)."""
        word, flag = key
        if word in ORG_JOINING_WORDS:
            return False, False
        part: bool | str = (
            flag in ORG_PART_FLAGS
            or flag == "b" and word in ORG_ATTRIBUTES
            or flag == "m" and ORDINAL_RE.fullmatch(word) is not None  # 第一 of 第一附属医院
            or word in ORG_TRADE_VERBS
            or flag == "i" and word.endswith(ORG_TRADES)  # a trade jieba reads as an idiom (集装箱运输)
            or word in self.place_words
            or word in self.org_suffixes
            # a character alone, unless a function word: listed, or tagged a particle, preposition
            # or conjunction (地 of 等地 cut 等 / 地; 据 of 据中国邮政储蓄银行年报)
            or len(word) == 1 and "\u4e00" <= word <= "\u9fff" and word not in FUNCTION_CHARS
            and flag[:1] not in FUNCTION_WORD_FLAGS
        )
        # a town jieba tags as a name (高桥镇/nr), or a name-tagged part of a place's name right
        # after the place it lies in (夷陵区 小溪/nr 塔 邮政支局)
        if not part and flag.startswith("nr"):
            part = True if word[-1:] in ADMIN_UNITS else AFTER_PLACE
        return part, flag == "nt" or word[-1:] in self.suffix_last_chars

    def _orgs_in_run(self, run: list[Token], following: str = ""):
        """The organisation a run names, and the ones it nests (邮储银行某市分行营业部 -> 邮储银行某市分行);
        ``following``: the character after the run."""
        org_suffixes, long_org_suffixes = self.org_suffixes, self.long_org_suffixes
        suffixes = [  # tagged nt, a suffix or ending in one, or a word that makes one after a place (某省邮政)
            i
            for i, (word, flag, _) in enumerate(run)
            if flag == "nt" or word in org_suffixes or word.endswith(long_org_suffixes) or self._field_bureau(word)
            # (after a place, or a country jieba tags one: 巴基斯坦邮政)
            or i and word in self.place_org_suffixes and (
                run[i - 1][0] in self.place_words or run[i - 1][1] == "ns" and len(run[i - 1][0]) > 1
            )
        ]
        frequency = self.segmenter.frequency
        ends = set(suffixes)
        for end in reversed(suffixes):
            if end + 1 in ends and frequency(run[end][0] + run[end + 1][0]):
                continue  # 中心 of 中心医院 (two suffixes, one word of the dictionary): no name ends inside a word
            if (run[end + 1][0][:1] if end + 1 < len(run) else following) in SERVICE_POINT_WORDS:
                continue  # 邮政代办/nt 点: a point of its service, no body
            yield from self._org_ending_at(run[: end + 1])

    def _field_bureau(self, word: str) -> bool:
        """A bureau named by its field, one token (旅游局, 保障局, 统计局): a word of the
        dictionary (a noun, or a verb to jieba) before 局 or 署; not 格局, 新格局, 布局 (新格 is no word)."""
        if len(word) < 3 or word[-1] not in FIELD_BUREAU_ENDINGS:
            return False
        field = self.segmenter.words.get(word[:-1])
        return field is not None and field.tag in FIELD_TAGS

    def _org_ending_at(self, run: list[Token]):
        # The name starts at its first place or known organisation (邮储银行黑龙江省分行), else
        # it is the suffix and the few tokens before it; a company's branch named after the
        # company and a place starts with the company's name (中铁快运股份有限公司成都分公司).
        heads = [
            i for i, (word, flag, _) in enumerate(run[:-1])
            if word in self.place_words or flag == "nt" or word in NATIONAL or i == 0 and flag == "ns" and len(word) > 1
        ]
        heads = heads or _unlisted_place_head(run)
        if heads and heads[0] and run[heads[0] - 1][0].endswith(LEGAL_FORM_ENDINGS):
            company = next(self._org_ending_at(run[:heads[0]]), None)
            if company:
                yield company[0] + "".join(word for word, _, _ in run[heads[0]:]), company[1]
                return
        if not heads and run[-1][1] == "nt":
            # a whole name (中通快递) after verbs: 统一投递中通快递 is "deliver Zhongtong's" too;
            # a short name (顺丰, 菜鸟) alone: 职场菜鸟 is no organisation
            verbs = [i for i, (_, flag, _) in enumerate(run[:-1]) if flag[:1] == "v"]
            short_name = run[-1][0] in self.named_orgs and len(run[-1][0]) <= MAX_SHORT_NAME_CHARS
            run = run[-1:] if short_name else run[verbs[-1] + 1 :] if verbs else run
        run = run[heads[0] :] if heads else _from_bare_level(
            _with_level_before(run, _with_trade_name(run) or _with_unknown_name(run, SHORT_ORG_TOKENS))
        )
        if not heads or sum(len(word) for word, _, _ in run) > MAX_PLACE_HEADED_ORG_CHARS:
            run = run[-MAX_ORG_TOKENS:]
        if run[0][0] in ORG_TRADE_VERBS:
            return  # 种植专业合作社: the trade without the name before it
        words = [word for word, _, _ in run]
        if len(run) < 2 and run[0][1] != "nt":
            return
        # 省分公司, 集团公司 alone are references, not names; 集团公司寄递事业部 names a division.
        named = len(run) == 1 and run[0][0] in self.named_orgs  # a company the domain knows (顺丰), however short
        # (its head's words, or their characters jieba left apart: 共/配 中心)
        generic_head = all(word in GENERIC_ORG_PARTS for word in words[:-1]) or "".join(words[:-1]) in GENERIC_ORG_PARTS
        if not heads and generic_head and len(words[-1]) <= GENERIC_SUFFIX_LEN and not named and (
            len(run) == 1 or run[-1][1] != "nt" or words[-1] in GENERIC_ORG_PARTS
        ):
            return
        org = "".join(words)
        if (len(org) >= MIN_ORG_LEN or named) and org not in self.place_words and org not in self.org_stopwords:
            yield org, run[0][2]

