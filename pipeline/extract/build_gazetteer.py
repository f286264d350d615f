"""Build ``data/gazetteer.tsv.gz`` from the administrative-division table of cpca.

Build time only (never imported by the pipeline). Source: the PyPI package
cpca 0.5.5 (https://github.com/DQinYuan/chinese_province_city_area_mapper),
file ``cpca/resources/adcodes.csv`` (adcode, name; 3,511 divisions, as of 2016) and
``56_nations.csv`` (ethnic-group names, used to derive short names of
autonomous divisions); divisions renamed since (``data/division_renames.tsv``: 那曲地区 is
那曲市 since 2017, 米林县 米林市 since 2023) take their new names. Divisions created or
renamed since 2016 come from jionlp 1.5.31 (Apache-2.0, https://github.com/dongrixinyu/JioNLP),
file ``jionlp/dictionary/china_location.zip`` (2025: 伊春市's 乌翠区 of 2019, 深圳市's 龙华区,
Taiwan's cities and counties); see ``_jionlp_changes``. Districts no source codes (Hong Kong's,
those of Taiwan's municipalities) come from the hand-kept ``data/districts_without_codes.tsv``.
Rebuild with:

    /tmp/probe/bin/pip install cpca==0.5.5 && /tmp/probe/bin/pip install --no-deps jionlp==1.5.31
    /tmp/probe/bin/python pipeline/extract/build_gazetteer.py

Output (gzip: 37 KB instead of 178 KB; mtime 0, so rebuilds are byte-identical), columns: code (6-digit adcode), name, level (province|city|county),
province, city (the enclosing divisions' full names; municipalities are their
own city), aliases (``|``-separated short names, e.g. 大庆 for 大庆市), forms (``|``-separated
names an autonomous division is written under as fully as its own: 恩施州 for 恩施土家族苗族自治州,
贡山县 for 贡山独龙族怒族自治县).
"""

import csv
import gzip
import importlib.util
import io
import re
import zipfile
from importlib import resources
from pathlib import Path

OUTPUT = Path(__file__).resolve().parent / "data" / "gazetteer.tsv.gz"
RENAMES = OUTPUT.with_name("division_renames.tsv")  # divisions renamed since the source's table
UNCODED = OUTPUT.with_name("districts_without_codes.tsv")

# Rows of the source that are groupings, not places.
PLACEHOLDERS = {"市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划"}
# jionlp's rows that are a division: a name with a division's ending, none of a zone's words
# (经济技术开发区, 天府新区 and 察北管理区 are administered, not divisions), none a grouping.
DIVISION_NAME_RE = re.compile(r"[\u4e00-\u9fff]{2,}(?:市|县|区|旗|盟|州)")
ZONE_WORDS_RE = re.compile("开发|园区|新区|管理区|示范区|实验区|食品区|产业|工业|保税|新城|管委会|委员会|风景|直辖")
JIONLP_TYPOS = {"苗粟县": "苗栗县"}
# Taiwan's 金门县 and 连江县 as jionlp lists them: the places cpca lists under 福建省 (350527,
# 350122's namesake aside), claimed by both; kept once, as cpca has them.
CLAIMED_TWICE = {"710715", "710716"}
MUNICIPALITIES = ("11", "12", "31", "50")
# Suffixes stripped to form a short name, longest first; a short name keeps at least two characters.
SUFFIXES = ("特别行政区", "自治区", "自治州", "自治县", "自治旗", "地区", "林区", "矿区", "省", "市", "县", "区", "旗", "盟")


def _read(resource: str) -> str:
    return resources.files("cpca.resources").joinpath(resource).read_text(encoding="utf-8")


def short_names(name: str, nations: list[str]) -> list[str]:
    stem = name
    for suffix in SUFFIXES:
        if stem.endswith(suffix) and len(stem) - len(suffix) >= 2:
            stem = stem[: -len(suffix)]
            break
    # 湘西土家族苗族自治州 -> 湘西, 新疆维吾尔自治区 -> 新疆: drop trailing ethnic-group names.
    changed = True
    while changed:
        changed = False
        for nation in nations:
            for form in (nation, nation.removesuffix("族")):
                if len(form) >= 2 and stem.endswith(form) and len(stem) - len(form) >= 2:
                    stem, changed = stem[: -len(form)], True
    if stem in nations and len(stem) >= 3:
        stem = stem.removesuffix("族")  # 东乡族自治县 -> 东乡: 东乡族 names the people, not the county
    return [stem] if stem != name and len(stem) >= 2 else []


# An autonomous division's short name with its level's suffix: as specific as its full name.
AUTONOMOUS_LEVEL_SUFFIXES = {"自治州": "州", "自治县": "县", "自治旗": "旗"}


def written_forms(name: str, nations: list[str], names: set[str]) -> list[str]:
    """恩施州 for 恩施土家族苗族自治州: the short name and the level's suffix, unless another
    division has that name."""
    suffix = next((s for s in AUTONOMOUS_LEVEL_SUFFIXES if name.endswith(s)), None)
    if suffix is None:
        return []
    forms = [stem + AUTONOMOUS_LEVEL_SUFFIXES[suffix] for stem in short_names(name, nations)]
    return [form for form in forms if form not in names]


def build() -> list[tuple[str, ...]]:
    nations = [line.strip() for line in _read("56_nations.csv").splitlines() if line.strip()]
    nations.sort(key=len, reverse=True)
    names: dict[str, str] = {}
    for row in csv.DictReader(io.StringIO(_read("adcodes.csv"))):
        if row["name"] not in PLACEHOLDERS:
            names[row["adcode"][:6]] = row["name"]
    renames = _renames()
    old_names = {code: name for code, name in names.items() if name in renames}
    names = {code: renames.get(name, name) for code, name in names.items()}
    rows = []
    for code, name in sorted(names.items()):
        province = names[code[:2] + "0000"]
        if code.endswith("0000"):
            level, city = "province", name if code[:2] in MUNICIPALITIES else None
        elif code.endswith("00"):
            level, city = "city", name
        else:
            level = "county"
            city = province if code[:2] in MUNICIPALITIES else names.get(code[:4] + "00")
        aliases = short_names(name, nations)
        forms = written_forms(name, nations, set(names.values()))
        if code in old_names:  # the old name still names it, as fully
            forms.append(old_names[code])
        rows.append((code, name, level, province, city or "", "|".join(aliases), "|".join(forms)))
    return _with_uncoded_districts(_with_jionlp_changes(rows, set(renames.values()), nations), nations)


def _jionlp_divisions() -> dict[str, tuple[str, int, str | None]]:
    """jionlp's divisions down to county level: code -> (name, depth 0-2, parent code)."""
    package = importlib.util.find_spec("jionlp").submodule_search_locations[0]  # (no import: jionlp loads much)
    with zipfile.ZipFile(Path(package) / "dictionary" / "china_location.zip") as archive:
        text = archive.read("china_location.txt").decode("utf-8")
    divisions, parents = {}, [None, None, None]
    for line in text.splitlines():
        depth = len(line) - len(line.lstrip("\t"))
        fields = line.strip().split("\t")
        if depth > 2 or len(fields) < 2 or not re.fullmatch(r"\d{6}", fields[1]):
            continue  # townships and villages; Taiwan's districts, Hong Kong's and Macau's (no codes of their own)
        parents[depth] = fields[1]
        name = JIONLP_TYPOS.get(fields[0], fields[0])
        divisions.setdefault(fields[1], (name, depth, parents[depth - 1] if depth else None))
    return divisions


def _with_jionlp_changes(rows: list[tuple[str, ...]], renamed: set[str], nations: list[str]) -> list[tuple[str, ...]]:
    """``rows`` with the divisions jionlp has that cpca lacks: renamed in place (same code: 桥东区
    is 襄都区 since 2020), succeeding one (another code, the same short name and level in the
    province: 肥乡县 is 肥乡区) or new (乌翠区, Taiwan's cities). A renamed or succeeded
    division's old name stays a form of it: older texts write it. Renames the hand-kept table
    names already (``renamed``: newer than jionlp's for some) stay as they are."""
    jionlp = _jionlp_divisions()
    by_code = {row[0]: list(row) for row in rows}
    names_by_province: dict[str, set[str]] = {}
    for row in rows:
        names_by_province.setdefault(row[3], set()).add(row[1])

    def is_division(code: str) -> bool:
        name = jionlp[code][0]
        return DIVISION_NAME_RE.fullmatch(name) is not None and not ZONE_WORDS_RE.search(name) and code not in CLAIMED_TWICE

    def enclosing(code: str) -> tuple[str, str, str]:
        """(level, province, city) of a jionlp division, as cpca's rows give them."""
        name, depth, parent = jionlp[code]
        province = jionlp[code[:2] + "0000"][0]
        if depth == 1:
            return "city", province, name
        city = jionlp[parent][0] if parent and is_division(parent) else ""  # (省直辖: no city, as cpca's)
        return "county", province, province if code[:2] in MUNICIPALITIES else city

    for code in sorted(jionlp):
        name, depth, _ = jionlp[code]
        if depth == 0 or not is_division(code):
            continue
        level, province, city = enclosing(code)
        row = by_code.get(code)
        if row is not None:
            if row[1] != name and row[1] not in renamed and row[2] == level:
                forms = [form for form in row[6].split("|") if form]
                row[1], row[5], row[6] = name, "|".join(short_names(name, nations)), "|".join([*forms, row[1]])
            continue
        if name in names_by_province.get(province, ()):
            continue  # a division cpca has under another code (滦州市, 130223 then 130284)
        aliases = short_names(name, nations)
        predecessor = next((
            other for other in by_code.values()
            if other[3] == province and other[2] == level and other[0] not in jionlp and aliases
            and other[5].split("|")[0] == aliases[0]
        ), None)
        forms = [] if predecessor is None else [f for f in (*predecessor[6].split("|"), predecessor[1]) if f]
        if predecessor is not None:
            del by_code[predecessor[0]]
        by_code[code] = [code, name, level, province, city, "|".join(aliases), "|".join(forms)]
        names_by_province.setdefault(province, set()).add(name)
    return [tuple(row) for _, row in sorted(by_code.items())]


def _with_uncoded_districts(rows: list[tuple[str, ...]], nations: list[str]) -> list[tuple[str, ...]]:
    """``rows`` with data/districts_without_codes.tsv's districts, numbered under their enclosing
    division (810101 for Hong Kong's first): county level, as a city's districts are."""
    by_code = {row[0]: row for row in rows}
    numbered: dict[str, int] = {}
    for line in UNCODED.read_text(encoding="utf-8").splitlines():
        if not line or line.startswith("#"):
            continue
        parent_code, name = line.split("\t")
        numbered[parent_code] = numbered.get(parent_code, 0) + 1
        code = f"{parent_code[:4] if parent_code[2:] != '0000' else parent_code[:2] + '01'}{numbered[parent_code]:02d}"
        assert code not in by_code, code
        parent = by_code[parent_code]
        city = parent[1] if parent[2] == "city" else ""
        by_code[code] = (code, name, "county", parent[3], city, "|".join(short_names(name, nations)), "")
    return [row for _, row in sorted(by_code.items())]


def _renames() -> dict[str, str]:
    """Old name -> new name, from data/division_renames.tsv."""
    rows = (line.split("\t") for line in RENAMES.read_text(encoding="utf-8").splitlines() if line and not line.startswith("#"))
    return {old: new for old, new, _year in rows}


def main() -> None:
    header = (
        "# code\tname\tlevel\tprovince\tcity\taliases\tforms -- built by pipeline/extract/build_gazetteer.py"
        " from cpca 0.5.5, data/division_renames.tsv, jionlp 1.5.31 and data/districts_without_codes.tsv"
    )
    lines = [header]
    lines += ["\t".join(row) for row in build()]
    with gzip.GzipFile(OUTPUT, "wb", mtime=0) as out:
        out.write(("\n".join(lines) + "\n").encode("utf-8"))
    print(f"{len(lines) - 1} divisions -> {OUTPUT}")


if __name__ == "__main__":
    main()
