"""Administrative divisions named in a story, normalised to full names, main place first."""

import re
from collections import defaultdict
from dataclasses import dataclass

from pipeline.extract.lexicon import tsv_rows, word_set
from pipeline.extract.segmenter import Token

LEVEL_RANK = {"province": 0, "city": 1, "county": 2}
# A mention in the title weighs like this many mentions in the body.
TITLE_WEIGHT = 3
# A division written right before one inside it (省 before 市 before 县) is the address of that
# place rather than the story's subject: it counts half.
CHAIN_PREFIX_WEIGHT = 0.5
# jieba's tags of words that are no name (合作/vn, 比如/v, 南部/f, 振兴/v): a division's short name
# read so is a place only where the division's own city is named (甘南州 for 合作市); its
# province is no evidence (合作社 and 合作协议 in any story of 甘肃).
EVERYDAY_WORD_FLAGS = ("v", "a", "f", "s", "m", "d", "b", "c", "p", "q", "r", "t")
# A full name of two characters led by a conjunction or preposition (和县) is read by jieba across
# a phrase as often (快递和县乡客运): a place only where its city or a county near it is named.
FUNCTION_LED_CHARS = frozenset("和与及同跟在从向对为把被")
# A short name before one of these names a street (北苏州路, 成都路口, Tianjin's 营口道) or a
# sub-district (广州's 北京街道), not the place
STREET_WORDS = frozenset({"路", "街", "大街", "大道", "道", "巷", "路上", "路口", "路段", "路边", "街上", "街口", "街道"})
ANY_LEVEL = frozenset(LEVEL_RANK)
BELOW_PROVINCE = frozenset({"city", "county"})


@dataclass(frozen=True)
class Division:
    code: str
    name: str
    level: str
    province: str
    city: str | None

    def within(self, other: "Division") -> bool:
        prefix = {"province": 2, "city": 4, "county": 6}[other.level]
        return self.code[:prefix] == other.code[:prefix]


@dataclass(frozen=True)
class PlaceMatch:
    division: Division
    count: float
    first: int


NO_CANDIDATES: tuple[list[Division], bool] = ([], False)

# Townships and villages, which the gazetteer (county level) lacks: named right after their
# county's full name, as an address is written (从江县加榜乡党扭村, 清江浦区柳树湾街道), or their
# city's where it has no counties (东莞市长安镇): a name of two to four characters and its unit
# (Inner Mongolia's: 苏木 and 嘎查). Not a phrase about the county's towns (各乡镇, 所有村).
# (an ethnic township names its peoples: 酒井哈尼族乡, 夏塔柯尔克孜民族乡; Mongolian names run
# longer: 阿拉坦合力苏木)
TOWN_AFTER_COUNTY = re.compile(
    r"([\u4e00-\u9fff]{2,4}?(?:[\u4e00-\u9fff]{1,4}?族){0,3}(?=[镇乡]|街道)|[\u4e00-\u9fff]{2,6}?(?=苏木))(镇|乡|街道|苏木)"
)
VILLAGE_AFTER_TOWN = re.compile(r"([\u4e00-\u9fff]{2,4}?(?=村|社区)|[\u4e00-\u9fff]{2,6}?(?=嘎查))(村|社区|嘎查)(?![委民])")
# Townships listed one after another (芒信镇、富岩镇; 勐梭镇和力所拉祜族乡): each is the county's.
NEXT_IN_LIST = re.compile(r"[、和及与]")
# What follows a short name that heads a town's or village's name: one character and the unit (no
# name of a place itself: 朝阳 / 川镇, 徽州 / 古村), or the unit alone (常州 / 村: a village's name)
TOWN_NAME_END = re.compile(r"[\u4e00-\u9fff](?:镇|乡|村)")
TOWN_UNITS = frozenset("镇乡村")
POSTMAN_AFTER_UNIT = re.compile("邮(?:员|路|递员|投员|投递员)")  # 首位女乡邮员: the rural postman's 乡, no township
# a body's name before the unit (隰县分公司 / 乡邮…), no township's
BODY_NAME_ENDS = ("公司", "局", "中心", "支行", "分行", "委员会")
# a count after a word (新建4个), not of divisions (墨脱、波密两县)
NUMBER_START = re.compile(r"[0-9０-９一二两三四五六七八九十百千万几数多]+(?![县市区省州旗乡镇])")
UNIT_COMPOUND_NEXT = re.compile(r"[镇乡村]")
NOT_A_NAME_START = frozenset("各每全本该这那所其某多部个等和与及有在的对为城农乡镇村县区市省委政人公纪组宣统财教都")
# A phrase's words, no name's (万州区委和龙驹镇: 区委, then 和; 某县建设了城乡: 了); 都 ends a name (屏都街道)
NOT_IN_A_NAME = frozenset("和与及的、，了着过是在把被为对从向也就")


@dataclass(frozen=True)
class LocalPlace:
    """A township or village named after its county (see TOWN_AFTER_COUNTY)."""

    name: str
    level: str  # township | village
    county: Division  # or the city, where the city has no counties
    first: int


def local_places(text: str, counties: list[Division]) -> list[LocalPlace]:
    """The townships and villages ``text`` names right after one of ``counties`` (full names:
    counties, and cities without counties)."""
    found: dict[str, LocalPlace] = {}
    for county in counties:
        start = text.find(county.name)
        while start >= 0:
            end = start + len(county.name)
            at = end
            while (town := TOWN_AFTER_COUNTY.match(text, at)) and _could_name(town.group(1)) and (
                at == end or not UNIT_COMPOUND_NEXT.match(text, town.end())  # 和周边乡镇: no township listed
            ) and not (town.group(2) == "乡" and POSTMAN_AFTER_UNIT.match(text, town.end())):
                found.setdefault(town.group(), LocalPlace(town.group(), "township", county, at))
                at = town.end()
                # its villages, listed one after another (普兰镇科迦村、贤柏村)
                village = VILLAGE_AFTER_TOWN.match(text, at)
                while village and _could_name(village.group(1)):
                    found.setdefault(village.group(), LocalPlace(village.group(), "village", county, at))
                    at = village.end()
                    village = VILLAGE_AFTER_TOWN.match(text, at + 1) if NEXT_IN_LIST.match(text, at) else None
                if not NEXT_IN_LIST.match(text, at):
                    break
                at += 1  # another township listed (芒信镇、富岩镇; after a village: 科迦村、霍尔乡)
            start = text.find(county.name, end)
    return sorted(found.values(), key=lambda place: place.first)


def _could_name(name: str) -> bool:
    return name[0] not in NOT_A_NAME_START and NOT_IN_A_NAME.isdisjoint(name) and not name.endswith(BODY_NAME_ENDS)


class Gazetteer:
    """Full names and short names of China's divisions (data/gazetteer.tsv.gz, built from cpca)."""

    def __init__(self) -> None:
        self.by_name: dict[str, list[Division]] = defaultdict(list)
        self.by_alias: dict[str, list[Division]] = defaultdict(list)
        for code, name, level, province, city, aliases, forms in tsv_rows("gazetteer.tsv.gz"):
            division = Division(code, name, level, province, city or None)
            for full_name in (name, *filter(None, forms.split("|"))):  # 恩施州 names it as fully
                self.by_name[full_name].append(division)
            for alias in filter(None, aliases.split("|")):
                self.by_alias[alias].append(division)
        self.context_only_names = word_set("place_name_stopwords.txt")
        # Cities whose townships lie in no county (东莞市, 中山市, 儋州市, 嘉峪关市).
        county_cities = {division.code[:4] for divisions in self.by_name.values() for division in divisions
                         if division.level == "county"}
        self.without_counties = frozenset(
            division for divisions in self.by_name.values() for division in divisions
            if division.level == "city" and division.code[:4] not in county_cities and division.code[2:] != "0000"
        )
        # candidates() of every name and short name, in one table (a full name wins over a short one)
        self.by_word = {alias: (divisions, False) for alias, divisions in self.by_alias.items()}
        self.by_word.update((name, (divisions, True)) for name, divisions in self.by_name.items())

    def segmenter_words(self) -> set[str]:
        """Names the tokenizer should keep whole: full names, and short names of provinces and cities."""
        words = set(self.by_name)
        for alias, divisions in self.by_alias.items():
            if alias not in self.context_only_names and any(d.level != "county" for d in divisions):
                words.add(alias)
        return words

    def candidates(self, word: str) -> tuple[list[Division], bool]:
        """Divisions a token may name, and whether the token is a full name."""
        return self.by_word.get(word, NO_CANDIDATES)


class PlaceFinder:
    def __init__(self, gazetteer: Gazetteer) -> None:
        self.gazetteer = gazetteer

    def find(self, tokens: list[Token], title_end: int, blocked: set[int]) -> list[PlaceMatch]:
        """``blocked``: offsets inside people's names (the 海东 of a name like 张海东 is no place)."""
        mentions = []  # (candidates, is_full_name, levels of the named places that vouch for it (None: any or none), token)
        by_word = self.gazetteer.by_word
        for index, (token_word, flag, token_start) in enumerate(tokens):
            if token_word not in by_word and (flag != "ns" or len(token_word) < 4):
                continue  # no place, and no compound of places (the common case, checked first)
            if token_start in blocked:
                continue
            for word, start in self._words(token_word, flag, token_start):
                candidates, full = self.gazetteer.candidates(word)
                if not candidates:
                    continue
                following = tokens[index + 1] if index + 1 < len(tokens) else None
                if not full and following is not None and (
                    TOWN_NAME_END.match("".join(w for w, _, _ in tokens[index + 1:index + 3]))
                    and not following[1].startswith("v")  # (深圳 / 返乡: a verb's 乡)
                    or following[0] in TOWN_UNITS
                ):
                    continue  # 朝阳 of 朝阳川镇, 常州 of 常州村: the head of a town's or village's name
                if not full and following is not None and NUMBER_START.match(
                    "".join(w for w, _, _ in tokens[index + 1:index + 3])
                ) and all(
                    division.level == "county" for division in candidates
                ):
                    continue  # 新建 of 新建4个: a verb before its count, no district
                if not full and index + 1 < len(tokens) and tokens[index + 1][0] in STREET_WORDS:
                    continue  # 苏州 of 北苏州路: a street named after a city
                vouching = None
                if not full and flag.startswith(EVERYDAY_WORD_FLAGS) or len(word) == 2 and word[0] in FUNCTION_LED_CHARS:
                    vouching = BELOW_PROVINCE
                elif word in self.gazetteer.context_only_names:
                    vouching = ANY_LEVEL
                mentions.append((candidates, full, vouching, (word, flag, start)))
        context = self._context(mentions)
        counts: dict[str, float] = defaultdict(float)
        first: dict[str, int] = {}
        chosen: dict[str, Division] = {}
        resolved = []
        for candidates, full, vouching, token in mentions:
            if resolved and resolved[-1][0] and resolved[-1][1][2] + len(resolved[-1][1][0]) == token[2]:
                address = resolved[-1][0]  # 台北市大安区: the division written before names which 大安区
                candidates = [d for d in candidates if d.within(address) and d.code != address.code] or candidates
            resolved.append((self._resolve(candidates, full, vouching, context), token))
        previous = None
        for index, (division, (word, _, start)) in enumerate(resolved):
            if division is None:
                continue
            if previous and previous[1] == start and not mentions[index][1] and not (
                division.within(previous[0]) or previous[0].within(division)
            ):
                continue  # 濠江 of 澳门濠江优品贸易有限公司: a short name right after a place it is no part of
            previous = (division, start + len(word))
            chosen[division.code] = division
            weight = TITLE_WEIGHT if start < title_end else 1
            following = resolved[index + 1] if index + 1 < len(resolved) else (None, None)
            if following[0] and following[1][2] == start + len(word) and following[0].within(division) \
                    and following[0].code != division.code:
                weight *= CHAIN_PREFIX_WEIGHT  # 山东省 in 山东省临沂市沂水县: context for the place it leads to
            counts[division.code] += weight
            first.setdefault(division.code, start)
        matches = [PlaceMatch(chosen[code], counts[code], first[code]) for code in chosen]
        return sorted(matches, key=lambda m: (-m.count, m.first))

    def _words(self, word: str, flag: str, start: int):
        """The token, or for a compound place token of jieba's own (四川省阿坝藏族羌族自治州)
        the full division names it is made of, longest first from the left."""
        if flag != "ns" or word in self.gazetteer.by_name or len(word) < 4:
            yield word, start
            return
        parts, i = [], 0
        while i < len(word):
            j = next((j for j in range(len(word), i + 1, -1) if word[i:j] in self.gazetteer.by_name), None)
            if j is None:
                i += 1
            else:
                parts.append((word[i:j], start + i))
                i = j
        yield from parts or [(word, start)]

    @staticmethod
    def _context(mentions) -> list[Division]:
        """Divisions named unambiguously (one candidate, or a full name above county level), each
        once: every mention is resolved against them, and a long text names its places hundreds
        of times."""
        context = {}
        for candidates, full, vouching, _ in mentions:
            if len(candidates) == 1 and vouching is None and (full or candidates[0].level != "county"):
                context[candidates[0]] = None
        return list(context)

    @staticmethod
    def _resolve(candidates, full, vouching, context) -> Division | None:
        """``vouching``: the levels of named places that make a short name a place (None: any, or
        none needed above county level)."""
        vouchers = context if vouching is None else [c for c in context if c.level in vouching]
        in_context = [d for d in candidates if any(d.within(c) or c.within(d) and c.code != d.code for c in vouchers)]
        if full and vouching is None:
            pool = in_context or candidates
        elif in_context:
            pool = in_context
        elif vouching is not None:
            return None
        else:
            # A short county name alone is too often a common word; higher levels stand on their own.
            pool = [d for d in candidates if d.level != "county"]
        if not pool:
            return None
        top = min(LEVEL_RANK[d.level] for d in pool)
        best = [d for d in pool if LEVEL_RANK[d.level] == top]
        return best[0] if len(best) == 1 else None
