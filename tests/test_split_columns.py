"""Columns printed side by side (a PDF page extracted keeping its layout) are read one after
another: the same stories as the page whose column lines come one after another, as the
seeds' do. Pages are laid out here from the seeds' own lines."""

from pathlib import Path

import pytest

from conftest import seed_path
from pipeline.split import Splitter
from pipeline.split.columns import display_cells, unfold_columns

PAGES = Path(__file__).parent / "data" / "pages"


def side_by_side(lines: list[str], columns: int, measure, gap: int = 4) -> list[str]:
    """The lines cut into ``columns`` runs printed next to each other, padded by ``measure``."""
    height = -(-len(lines) // columns)
    runs = [lines[i * height : (i + 1) * height] for i in range(columns)]
    width = max(map(measure, lines)) + gap
    rows = []
    for row in range(height):
        cells = [run[row] if row < len(run) else "" for run in runs]
        rows.append("".join(cell + " " * (width - measure(cell)) for cell in cells[:-1]) + cells[-1])
    return [row.rstrip() for row in rows]


def stories(page):
    return [(s.title, s.subtitle, s.body, s.bylines) for s in page.stories]


@pytest.fixture(scope="module")
def splitter():
    return Splitter()


@pytest.mark.parametrize("prefix", ["003", "004"])
@pytest.mark.parametrize("columns", [2, 3, 4])
@pytest.mark.parametrize("measure", [display_cells, len], ids=["display-cells", "characters"])
def test_columns_side_by_side_give_the_stories_of_the_page_read_in_order(splitter, prefix, columns, measure):
    lines = [line.strip() for line in seed_path(prefix).read_text(encoding="utf-8").splitlines() if line.strip()]
    in_order = splitter.split("\n".join(lines))
    page = splitter.split("\n".join(side_by_side(lines, columns, measure)) + "\n")
    assert stories(page) == stories(in_order)
    assert "columns_unfolded" in page.repairs and "columns_unfolded" not in in_order.repairs


def test_a_line_across_the_columns_is_read_before_the_columns_below_it():
    left = ["今年以来，某省邮政分公司认真落实集团", "公司工作部署，各项业务保持稳步增长。", "全省新建村级寄递物流综合服务站二百个", "农村快递服务通达率持续提升。"]
    right = ["下一步，该公司将继续深化网点转型，", "推动寄递业务和金融业务协同发展，", "不断提升服务能力和服务质量，助力", "乡村振兴取得新成效。"]
    headline = "某省邮政分公司上半年各项业务稳步增长 寄递业务收入同比增长15%"
    rows = side_by_side(left + right, 2, display_cells)
    text = "\n".join([headline, *rows]) + "\n"
    assert unfold_columns(text).splitlines() == [headline, *left, *right]


@pytest.mark.parametrize("name", sorted(p.name for p in PAGES.iterdir()))
def test_pages_without_side_by_side_columns_are_left_as_they_are(name):
    assert unfold_columns((PAGES / name).read_text(encoding="utf-8")) is None


@pytest.mark.parametrize("prefix", ["000", "001", "002", "003", "004"])
def test_seeds_have_no_side_by_side_columns(prefix):
    assert unfold_columns(seed_path(prefix).read_text(encoding="utf-8")) is None


def test_a_text_table_is_read_row_by_row():
    table = [
        "项目          2023年      2024年      增长",
        "业务收入      86.5亿元    94.2亿元    8.9%",
        "寄递收入      32.1亿元    36.9亿元    15.0%",
        "金融收入      41.3亿元    44.5亿元    7.8%",
        "农村电商      5.2亿元     6.8亿元     30.8%",
    ]
    text = "\n".join(["今年以来，某省邮政分公司各项业务保持稳步增长，主要指标如下。", *table, "下一步，该公司将继续深化改革。"])
    assert unfold_columns(text) is None


def _row(cells: list[str], starts: list[int]) -> str:
    """Texts placed at display-cell ``starts`` (a layout-keeping extractor's row)."""
    row = ""
    for text, start in zip(cells, starts):
        row += " " * max(start - display_cells(row), 2 if row else 0) + text
    return row.rstrip()


def _centred(text: str, width: int = 92) -> str:
    return " " * ((width - display_cells(text)) // 2) + text


LEAD_LEFT = ["３月４日，湖南省湘西州永顺县、龙山县和", "保靖县的四个乡镇邮政支局同日挂牌“邮政便民", "服务中心”，集代收代缴、寄递揽投和农资配送", "于一体，首批覆盖８６个行政村。中心负责人说，", "“以前村民交一次电费要跑十几里路，现在"]
LEAD_RIGHT = ["在家门口就能办好。”据了解，四个中心由县邮政", "分公司统一运营，配备智能快递柜和冷藏箱。", "下一步，永顺县邮政分公司将把农特产品收寄纳", "入中心服务，力争年底前实现全县乡镇全覆盖。"]
LEFT_BRIEF = ["本报讯（通讯员 覃文静）３月２日，龙山县", "邮政分公司为全县１２０名乡邮员配发新式防", "寒服和电动三轮车，提升雨雪天气投递能力。"]
RIGHT_BRIEF = ["本报讯（记者 向晓峰）近日，保靖县邮政分公", "司联合县农业农村局开展“邮政助农”直播活", "动，当天销售黄金茶２３００余单。"]


def test_a_layout_page_is_read_band_by_band_though_decoding_narrowed_its_digits(processor):
    """A story flowing from one column into the next ends its band at the blank rows under it;
    two stories side by side, a label over a headline across the columns and a spread page
    header keep their places; full-width digits (narrowed by decoding, a cell each) shift the
    text after them on a line."""
    left, right = 0, 48
    rows = [
        _row(["2026年3月5日 星期四", "综合新闻", "湘西邮政报", "2"], [0, 36, 68, 86]),
        "",
        _centred("四个乡镇邮政便民服务中心同日挂牌"),
        _centred("本报记者 向晓峰 通讯员 彭海燕"),
        "",
        *(_row([a, b], [left + (4 if i == 0 else 0), right]) for i, (a, b) in enumerate(zip(LEAD_LEFT, LEAD_RIGHT + [""]))),
        "",
        "",
        _row(["龙山邮政为乡邮员配发防寒装备", "保靖邮政直播助农销售黄金茶"], [left, right]),
        "",
        *(_row([a, b], [left + (4 if i == 0 else 0), right + (4 if i == 0 else 0)]) for i, (a, b) in enumerate(zip(LEFT_BRIEF, RIGHT_BRIEF))),
        "",
        "短评",
        _centred("让便民服务中心“便”在实处"),
        "□ 田启明",
        "    便民服务中心挂牌只是开始，关键在于常态运转。要把群众最常办的事项搬进中心，让村民少跑腿、好办事。",
    ]
    page = "\n".join(rows) + "\n"
    stories, dead = processor.process_or_dead_letter("file:///pages/layout.txt", page.encode("utf-8"))
    assert not dead
    got = [(s["kicker"], s["title"], s["body"].replace("\n", "")) for s in stories]
    narrow = str.maketrans("０１２３４５６７８９", "0123456789")
    lead = "".join(LEAD_LEFT + LEAD_RIGHT).translate(narrow)
    assert got[0] == (None, "四个乡镇邮政便民服务中心同日挂牌", lead)
    assert [title for _, title, _ in got[1:]] == ["龙山邮政为乡邮员配发防寒装备", "保靖邮政直播助农销售黄金茶", "让便民服务中心“便”在实处"]
    assert got[1][2].endswith("提升雨雪天气投递能力。") and got[2][2].endswith("销售黄金茶2300余单。")
    assert got[3][0] == "短评"
    assert all("湘西邮政报" not in body for _, _, body in got)
