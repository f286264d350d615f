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
