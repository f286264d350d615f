"""Build ``data/gazetteer.tsv.gz`` from the administrative-division table of cpca.

Build time only (never imported by the pipeline). Source: the PyPI package
cpca 0.5.5 (https://github.com/DQinYuan/chinese_province_city_area_mapper),
file ``cpca/resources/adcodes.csv`` (adcode, name; 3,511 divisions) and
``56_nations.csv`` (ethnic-group names, used to derive short names of
autonomous divisions); divisions renamed since (``data/division_renames.tsv``: 那曲地区 is
那曲市 since 2017, 米林县 米林市 since 2023) take their new names. Rebuild with:

    /tmp/probe/bin/pip install cpca==0.5.5
    /tmp/probe/bin/python pipeline/extract/build_gazetteer.py

Output (gzip: 37 KB instead of 178 KB; mtime 0, so rebuilds are byte-identical), columns: code (6-digit adcode), name, level (province|city|county),
province, city (the enclosing divisions' full names; municipalities are their
own city), aliases (``|``-separated short names, e.g. 大庆 for 大庆市), forms (``|``-separated
names an autonomous division is written under as fully as its own: 恩施州 for 恩施土家族苗族自治州,
贡山县 for 贡山独龙族怒族自治县).
"""

import csv
import gzip
import io
from importlib import resources
from pathlib import Path

OUTPUT = Path(__file__).resolve().parent / "data" / "gazetteer.tsv.gz"
RENAMES = OUTPUT.with_name("division_renames.tsv")  # divisions renamed since the source's table

# Rows of the source that are groupings, not places.
PLACEHOLDERS = {"市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划"}
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
    return rows


def _renames() -> dict[str, str]:
    """Old name -> new name, from data/division_renames.tsv."""
    rows = (line.split("\t") for line in RENAMES.read_text(encoding="utf-8").splitlines() if line and not line.startswith("#"))
    return {old: new for old, new, _year in rows}


def main() -> None:
    header = (
        "# code\tname\tlevel\tprovince\tcity\taliases\tforms -- built by pipeline/extract/build_gazetteer.py"
        " from cpca 0.5.5 and data/division_renames.tsv"
    )
    lines = [header]
    lines += ["\t".join(row) for row in build()]
    with gzip.GzipFile(OUTPUT, "wb", mtime=0) as out:
        out.write(("\n".join(lines) + "\n").encode("utf-8"))
    print(f"{len(lines) - 1} divisions -> {OUTPUT}")


if __name__ == "__main__":
    main()
