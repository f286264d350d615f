"""Text input: seeds pass through whole; stray markup, spam and furniture lines go; nothing else moves."""

import pickle
import random
import re
from pathlib import Path

import opencc
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import seed_path
from pipeline.clean import CleanedText, Cleaner
from pipeline.clean.spamlines import JunkLineJudge

_PINYIN = re.compile(r"\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]+\)")


@pytest.fixture(scope="module")
def cleaner():
    return Cleaner()


@pytest.fixture(scope="module")
def judge():
    return JunkLineJudge()


def seed_text(prefix: str) -> str:
    """A seed as the decode stage hands it over: simplified script, pinyin annotations removed."""
    text = seed_path(prefix).read_text(encoding="utf-8")
    return _PINYIN.sub("", opencc.OpenCC("t2s").convert(text))


def article_lines(prefix: str) -> list[str]:
    return [line for line in seed_text(prefix).splitlines() if line.strip()]


@pytest.mark.parametrize("prefix", ["000", "001", "003", "004"])
def test_clean_seeds_pass_through_unchanged(cleaner, prefix):
    text = seed_text(prefix)
    assert cleaner.clean(text) == CleanedText(text, 0, ())


def test_seed_002_loses_markup_and_spam_line_and_keeps_the_article(cleaner):
    text = seed_text("002")
    result = cleaner.clean(text)
    lines = [line.strip() for line in result.text.splitlines() if line.strip()]
    assert not re.search(r"</?[A-Za-z]", result.text)
    assert lines[0] == "潇湘之“钻”"  # headline, first once the decoy tags and their "1. " are gone
    assert lines[1] == "——湖南邮政网点转型纪实"
    assert lines[2].startswith("中国邮政报记者 李珧 曾立军") and lines[2].endswith("来源:中国邮政报")
    assert lines[3].startswith("“苗家住在高山坡")
    assert lines[-1].endswith("熠熠生辉,光彩夺目。")
    assert "91视频" not in result.text and "导航" not in result.text
    assert len(lines) == len(article_lines("002")) - 3  # two markup lines and the spam line
    assert result.repairs == ("markup_stripped", "spam_lines_removed")
    assert result.spam_chars_removed == len(text) - len(result.text)
    assert result.spam_chars_removed >= len('1. <dfn id="vqgk9"><acronym id="vqgk9"></acronym></dfn><code id="vqgk9"></code>')


UNSEEN_SPAM_LINES = [
    # a spam site's list, whatever sites it names: each named with what to do there
    "开云体育官网,开云体育下载,开云体育登录",
    "乐鱼体育官网,乐鱼体育下载,乐鱼体育登录,爱游戏官网,爱游戏下载",
    "最新电影,免费电影,电视剧在线观看,好看的电影",
    "澳门威尼斯人 百家乐 真人娱乐 注册送彩金",
    "午夜影院、伦理片、中文字幕、高清无码",
    "亚洲精品在线观看",
    "xxx video free online porn tube",
    "传奇私服发布网,新开传奇私服,外挂下载",
    "欢迎访问快播影院，最新最全的免费在线观看平台！",
    "本站永久域名：www.91av.cc 请收藏",
    "彩票网投注平台,幸运飞艇,北京赛车pk10",
    "邮政快递查询,EMS单号查询,邮政网点查询,在线查询",
    # the domain's own words, no spam vocabulary: only the shape tells (phrases alone, one repeated)
    "快递查询 物流查询 快递单号查询 快递加盟 物流加盟 快递查询 物流查询",
]

LEGITIMATE_SHORT_LINES = [
    "1.紧盯“一个目标”",
    "做得好,政邮合作是关键",
    "统筹抓好四项业务——快包聚量直发,高效做大规模",
    "落实考核",
    "规范操作流程",
    "资格审核",
    "用户可通过中国邮政官网、邮政APP、微信小程序办理。",
    "中国邮政官网、邮储银行官网、邮政APP",
    "审核通过后，商户即可上线。",
    "□王娟",
    "（上接第1版）",
    "本报讯 （记者 纪海霞 通讯员 李珊）",
    "邮件流向：县中心>乡镇网点>村级站点，全程可追溯。",
    "营业时间调整为8:30/17:30，午间不休。",
    "2024-05-02 09:41·楚南晚报官方帐号",
    "作者:来源:中国邮政网发布时间:2019-08-23",
    "邮政推出在线寄递服务",
    "中国邮政推出短视频平台，在线观看量突破百万",
    "通过图片、视频展示及与学生互动等多种形式向学生讲述集邮",
    # phrases repeated in a list that is a sentence's, or a PDF line's characters spaced out
    "加快网点转型、加快人员转型、加快业务转型、加快网点转型，",
    "彻 底 遏 制 解 车 未 下 段 、入 库 未",
    "日本邮政与韩国邮政开展视频会议",
    "助销土豆28万余斤",
    "草莓、黄桃、猕猴桃等农产品",
    "注册登录",
    "I have a good avenue in Sussex",
    "邮政推荐好看的明信片，收藏价值高",
    "集邮爱好者可登录中国邮政官网www.chinapost.com.cn查询。",
    "一户户走访、一户户建档、一户户",
    "本次活动主办单位为邮政分公司",
    "视频点击量突破十万次",
    "提供视频、直播、在线观看等服务",
]


@pytest.mark.parametrize("line", UNSEEN_SPAM_LINES)
def test_unseen_keyword_stuffing_lines_are_spam(judge, line):
    assert judge.is_spam(line)


@pytest.mark.parametrize("line", LEGITIMATE_SHORT_LINES)
def test_article_lines_are_not_junk(judge, line):
    assert not judge.is_junk(line)


@pytest.mark.parametrize(
    "line",
    [
        "版权所有 © 2020 邮政资讯网 京ICP备18023456号-1",
        "本网站所有内容均为原创，转载请注明出处。如有侵权，请联系删除。",
        "分享到：微信 微博 QQ空间", "上一篇：邮政网点转型", "当前位置：首页 > 新闻中心 > 正文",
        # a portal's footer under its stories: the photos' agency, the reviewing editor, buttons
        "图片来源：视觉中国", "审核：韩冬", "【纠错】 【打印】 【关闭】",
        # the editors under a story besides its 责任编辑: pictures, proofreading, review
        "图片编辑：周兰", "美术编辑：葛云", "校对：李青", "初审：王敏 复审：孙涛",
        # a video player's bar and now-playing line; a font-size control and a read count alone;
        # an app account's badge, an ad slot's text, a platform's copyright and app prompts
        "00:00 / 03:42 倍速 高清 全屏", "播放00:00 / 02:16 倍速 1.0X高清全屏", "正在播放：邮路上的冬天", "字号", "阅读 2.6万", "楚南新闻官方帐号",
        "广告位招商 联系电话", "著作权归作者所有，商业转载请联系作者获得授权。", "打开百度APP看高清图片",
        # a picture's stock label where the picture was
        "资料图", "（示意图）",
        # a breadcrumb without its label
        "首页>新闻中心>邮政要闻", "首页 » 要闻 » 正文", "楚南日报网 > 地方频道 > 正文",
        # a portal's copyright notice under every story
        "【某某网声明】凡本网注明“来源：某某网”的所有作品，版权均属于某某网，未经授权不得转载。"],
)
def test_site_furniture_lines_are_junk(judge, line):
    assert judge.is_chrome(line)


def test_stray_markup_lines_and_numbering_go_inline_tags_are_stripped(cleaner):
    text = "2. <span id=\"x9k\"></span>\n邮政网点<b>转型</b>纪实\n<div class=\"a\">\n正文第一段。&nbsp;\n</div>\n3.深耕“三个项目”\n"
    result = cleaner.clean(text)
    assert result.text == "邮政网点转型纪实\n正文第一段。\xa0\n3.深耕“三个项目”\n"
    assert result.repairs == ("markup_stripped",)


def test_character_references_left_in_plain_text_are_resolved(cleaner):
    # A scraper's text with its references unresolved: they stood in the body as &ldquo;.
    text = "邮政网点开展&ldquo;邮爱护苗&rdquo;活动，发放图书&#8220;100&#8221;册&nbsp;。\n详见 http://x.cn/a?id=1&para=2\n"
    cleaned = cleaner.clean(text)
    assert cleaned.text.splitlines() == ["邮政网点开展“邮爱护苗”活动，发放图书“100”册\xa0。", "详见 http://x.cn/a?id=1&para=2"]
    assert "markup_stripped" in cleaned.repairs


def test_comparison_signs_in_prose_are_not_markup(cleaner):
    text = "实现经济效益1+1>2,成本费用1+1<2,提升整体质量和效益。\n"
    assert cleaner.clean(text).text == text


def text_dump(lines: list[str], rng: random.Random) -> tuple[str, list[str]]:
    """Article lines with stray markup, furniture and stuffing lines spliced in at random places."""
    junk = [
        '1. <dfn id="k3x"><acronym id="k3x"></acronym></dfn>',
        '<code id="z8q1"></code>',
        "</div></div>",
        "分享到：微信 微博 QQ空间",
        "版权所有 © 2021 邮政资讯网 京ICP备18023456号",
        rng.choice(UNSEEN_SPAM_LINES),
        "亚洲精品在线观看,国产精品久久,日韩中文字幕,欧美高清视频",
    ]
    out = list(lines)
    for line in junk:
        out.insert(rng.randrange(len(out) + 1), line)
    return "\n".join(out) + "\n", junk


@settings(max_examples=25, deadline=None)
@given(prefix=st.sampled_from(["000", "001", "003", "004"]), seed=st.integers(0, 10_000))
def test_junk_lines_spliced_into_a_text_dump_go_and_only_they(prefix, seed):
    lines = article_lines(prefix)
    text, junk = text_dump(lines, random.Random(seed))
    result = Cleaner().clean(text)
    assert [line for line in result.text.splitlines() if line.strip()] == lines
    for line in junk:
        assert line not in result.text


@settings(max_examples=25, deadline=None)
@given(data=st.data())
def test_any_sample_of_article_lines_passes_through(data):
    pool = article_lines("001") + article_lines("003") + article_lines("004")
    lines = data.draw(st.lists(st.sampled_from(pool), min_size=1, max_size=40))
    text = "\n".join(lines)
    assert Cleaner().clean(text).text == text


def test_spam_glued_to_an_article_line_is_cut_off_the_sentence_stays(cleaner):
    text = "每个完成转型的网点，熠熠生辉，光彩夺目。91视频最新网站,欧美日韩导航,无毒不卡在线播放\n第二段。\n"
    result = cleaner.clean(text)
    assert result.text == "每个完成转型的网点，熠熠生辉，光彩夺目。\n第二段。\n"
    assert result.repairs == ("spam_lines_removed",)


def test_spam_link_planted_in_a_text_line_goes_with_its_text(cleaner):
    text = '湖南邮政<a href="http://x.cc">高清无码在线观看</a>全面推进网点转型。\n第二行<b>重点</b>内容。\n'
    assert cleaner.clean(text).text == "湖南邮政全面推进网点转型。\n第二行重点内容。\n"


@pytest.mark.parametrize(
    "text, expected",
    [
        ("全省邮政【澳门新葡京娱乐场官网】累计投递包裹1.2亿件。\n", "全省邮政累计投递包裹1.2亿件。\n"),
        ("服务能力不断提升[bet365体育在线投注]，群众满意度持续提高。\n", "服务能力不断提升，群众满意度持续提高。\n"),
        ("网点转型（太阳城娱乐官网）全面推进。\n", "网点转型全面推进。\n"),
        ("<p>群众满意度持续提高（亚博体育app下载）。</p>", "群众满意度持续提高。"),
    ],
)
def test_spam_planted_in_brackets_inside_a_sentence_is_removed(cleaner, text, expected):
    assert cleaner.clean(text).text == expected


@pytest.mark.parametrize(
    "text",
    [
        "用户可在手机上（中国邮政APP下载）办理业务。（记者 王娟）\n",  # one app word: may be the article's
        "活动期间（澳门回归纪念日前后），邮政推出纪念封。\n",
        "【新闻】邮政网点在线办理业务量增长（上接第1版）。\n",
    ],
)
def test_brackets_of_the_article_stay(cleaner, text):
    assert cleaner.clean(text).text == text


def test_zero_width_characters_are_removed_and_counted(cleaner):
    text = "湖南邮政\u200b全面推进\u200d网点转型。\n"
    assert cleaner.clean(text) == CleanedText("湖南邮政全面推进网点转型。\n", 2, ("invisible_chars_removed",))
    # the joiner inside an emoji sequence is the emoji's: 🏃‍♂️, 👨‍👩‍👧
    emoji = "晨跑🏃\u200d♂️的快递员，一家人👨\u200d👩\u200d👧。\n"
    assert cleaner.clean(emoji).text == emoji


def test_control_characters_are_removed_and_page_breaks_end_lines(cleaner):
    # NUL padding, a bell, a C1 control, a right-to-left override; pdftotext's form feed
    # between two pages.
    text = "湖南邮政\x00全面推进\x07网点\x9d转型。\u202e\n第一版末行。\f第二版首行。\n\x00\x00"
    result = cleaner.clean(text)
    assert result.text == "湖南邮政全面推进网点转型。\n第一版末行。\n第二版首行。\n"
    assert result.repairs == ("invisible_chars_removed",)


def test_metadata_line_of_a_saved_page_loses_only_its_furniture_fields(cleaner):
    text = "邮政网点转型纪实\n来源：中国邮政报 发布日期：2020-08-28 阅读次数：356 【字体：大 中 小】\n湖南邮政全面推进网点转型。\n"
    result = cleaner.clean(text)
    assert result.text == "邮政网点转型纪实\n来源：中国邮政报  发布日期：2020-08-28\n湖南邮政全面推进网点转型。\n"
    assert result.repairs == ("spam_lines_removed",)


def test_a_furniture_word_alone_on_a_wrapped_pdf_line_stays(cleaner):
    lines = article_lines("004")[:60]
    text = "\n".join([*lines[:30], "等相关新闻", *lines[30:]]) + "\n"
    assert cleaner.clean(text).text == text


def test_spam_sentence_inside_an_article_line_is_cut_out(cleaner):
    text = "湖南邮政全面推进网点转型。亚洲精品在线观看,国产精品久久,日韩中文字幕。成效显著，群众满意。\n"
    assert cleaner.clean(text).text == "湖南邮政全面推进网点转型。成效显著，群众满意。\n"


def test_cleaner_survives_pickling_as_beam_ships_it(cleaner):
    text = seed_text("002")
    assert pickle.loads(pickle.dumps(cleaner)).clean(text) == cleaner.clean(text)


@pytest.mark.parametrize("head", ["【作者】张伟 【来源】江西日报", "[作者] 张伟  [来源] 江西日报", "〖作者〗张伟〖来源〗江西日报"])
def test_bracketed_field_labels_read_as_fields(processor, head):
    text = (
        "江西邮政农村寄递物流体系建设提速\n" + head + "\n"
        "今年以来，全省邮政加快县乡村三级寄递物流体系建设，新建村级寄递物流综合服务站420个。\n"
        "在赣州市于都县，邮政网点每天把农产品发往全国各地，村民足不出村就能寄快递。\n"
    )
    (story,) = processor.process("labels.txt", text.encode("utf-8"))
    assert [author["name"] for author in story["authors"]] == ["张伟"]
    assert story["source_name"] == "江西日报"
    assert story["body"].startswith("今年以来")
    assert "invisible_chars_removed" not in story["repairs"]


@pytest.mark.parametrize("line", ["点赞 收藏 分享", "【打印】【关闭】", "打印 | 关闭"])
def test_a_row_of_page_buttons_is_furniture(judge, line):
    assert judge.is_chrome(line)


@pytest.mark.parametrize("line", ["未经正式授权严禁转载本文，侵权必究。", "本文图片均为作者拍摄，转载请联系作者。"])
def test_a_site_s_reprint_notice_closing_the_text_is_furniture(judge, line):
    assert judge.is_chrome(line)


def test_a_static_site_s_shortcodes_are_no_text(processor):
    # A Hugo post: its figure shortcode ({{< figure … >}}) is markup its generator renders.
    text = (
        '+++\ntitle = "乡邮员的一天"\ndate = 2024-10-09T08:00:00+08:00\nauthor = "许清禾"\n+++\n\n'
        "老雷每天早上先到揽投部，把当天要送的报纸、信件和包裹按村分好。\n\n"
        '{{< figure src="/images/postman.jpg" caption="老雷在分拣邮件" >}}\n\n'
        "从县城出发，摩托车沿着盘山公路一路往上，最远的村要走两个小时。\n"
    )
    (story,) = processor.process("post.md", text.encode("utf-8"))
    assert story["body"].split("\n") == [
        "老雷每天早上先到揽投部，把当天要送的报纸、信件和包裹按村分好。", "从县城出发，摩托车沿着盘山公路一路往上，最远的村要走两个小时。"
    ]


def test_a_brief_s_credit_whose_given_name_a_spam_site_shares_stays(cleaner):
    # 婷婷 is a common given name as well as a spam site's word: the credit was cut as spam.
    text = "本报讯 近日，某分行开展反诈宣讲，帮助80多名老年人安装了国家反诈中心APP。（陆婷婷）"
    assert cleaner.clean(text).text.strip() == text


@pytest.mark.parametrize(
    ("label", "titles"),
    [("相关阅读：", ["某县邮政开通冷链专线", "某市邮政助力春耕生产"]),
     ("Related Stories:", ["Hainan free trade port sees surge in cross-border parcels", "Express delivery volume hits record high"])],
)
def test_a_list_of_other_articles_titles_closing_the_text_goes_with_its_label(cleaner, label, titles):
    article = "邮政网点转型升级\n近日，某市邮政分公司推进网点转型，新增便民服务功能十余项。\n该公司还将在年内完成全部网点改造。\n"
    assert cleaner.clean(article + "\n".join([label, *titles]) + "\n").text == article
    # under the label, text that ends a sentence is no list of titles: it stays
    story = f"{article}{label}\n某县邮政开通冷链专线\n今年以来，某县邮政分公司开通冷链专线，果农的鲜果当天就能进城。\n"
    assert "某县邮政开通冷链专线" in cleaner.clean(story).text


@pytest.mark.parametrize(
    "closing",
    [
        ["-- ", "王立新", "某县邮政分公司综合办公室"],  # an e-mail's signature under its delimiter
        ["发自我的华为手机"],  # a phone's, alone
        ["——————————————————", "新闻联系人：孔敏 0371-1234567", "地    址：某市某路1号"],  # a release's contacts
    ],
)
def test_a_mail_s_signature_and_a_release_s_contact_block_closing_the_text_go(cleaner, closing):
    article = "邮政网点转型升级\n近日，某市邮政分公司推进网点转型，新增便民服务功能十余项。\n该公司还将在年内完成全部网点改造。\n"
    assert cleaner.clean(article + "\n".join(closing) + "\n").text.strip() == article.strip()


@pytest.mark.parametrize(
    ("line", "kept"),
    [("（编辑：黄敏）浏览量：1563", "（编辑：黄敏）"), ("记者：普少华 赵磊播放次数：12.6万", "记者：普少华 赵磊")],
)
def test_a_counter_glued_to_a_credit_goes_and_the_credit_stays(judge, line, kept):
    # 浏览量, 播放次数 are a page's counters: the line is furniture, its credit field is the article's.
    assert judge.is_junk(line)
    assert "".join(judge.without_furniture_fields(line).split()) == "".join(kept.split())


def test_a_markdown_page_of_several_articles_counts_what_it_removed(cleaner):
    # Cut into its articles, the page is counted whole: what its articles' texts leave out (the
    # count had been taken against the last article's text).
    page = (Path(__file__).parent / "data" / "pages" / "markdown_newspaper_page.md").read_text(encoding="utf-8")
    result = cleaner.clean(page)
    assert len(result.entries) == 5
    assert result.spam_chars_removed == len(page) - len(result.text)


def test_a_work_app_s_announcement_is_its_notice_alone(processor):
    # A 钉钉 announcement copied as text: its type over its title, who posted it and whom to,
    # its read receipts, then under the notice its buttons, the comments and the app's footer.
    notice = "\n".join([
        "公告",
        "关于做好春节期间邮件寄递服务工作的通知",
        "发布人：综合办公室-林青　　发布时间：2025-01-20 09:15",
        "发送范围：市分公司本部各部门、各县分公司",
        "已读 96 人 / 未读 12 人",
        "",
        "各县分公司：",
        "　　春节将至，预计节日前后全市邮件业务量将比平日增长三成。为确保节日期间邮件寄递安全畅通、服务质量不降，现将有关事项通知如下。",
        "　　一、各单位要合理安排值班人员，确保网点正常营业，市邮件处理中心增开夜班分拣线，各县分公司按业务量配置投递运力。",
        "",
        "楚南市邮政分公司",
        "2025年1月20日",
        "",
        "确认收到　　评论(2)",
        "方卉：收到",
        "周强（城关分公司）：已收到，马上落实",
        "—— 来自钉钉 · 楚南邮政工作台 ——",
    ])
    (story,) = processor.process("notice.txt", notice.encode())
    assert story["title"] == "关于做好春节期间邮件寄递服务工作的通知"
    assert story["published_date"] == "2025-01-20"
    assert story["body"].splitlines() == [
        "各县分公司：",
        "春节将至，预计节日前后全市邮件业务量将比平日增长三成。为确保节日期间邮件寄递安全畅通、服务质量不降，现将有关事项通知如下。",
        "一、各单位要合理安排值班人员，确保网点正常营业，市邮件处理中心增开夜班分拣线，各县分公司按业务量配置投递运力。",
    ]


def test_a_release_s_contact_block_under_its_label_and_its_boilerplate_after_the_end_mark_go(processor):
    release = "\n".join([
        "【新闻稿】楚南邮政开通乡村冷链专线",
        "",
        "（2025年8月5日，楚南）",
        "",
        "8月5日，楚南省邮政分公司宣布开通乡村冷链专线，为果蔬种植户提供冷藏运输服务。",
        "",
        "专线开通后，全省果蔬可在24小时内运抵省城。",
        "",
        "（完）",
        "",
        "关于楚南省邮政分公司",
        "楚南省邮政分公司是中国邮政集团有限公司在楚南省的分支机构，依法经营各项邮政业务。",
        "",
        "附：媒体联系人",
        "楚南省邮政分公司品牌宣传部",
        "联系人：方卉",
        "电话：0731-12345678",
        "邮箱：fanghui@example.com",
    ])
    (story,) = processor.process("release.txt", release.encode())
    assert story["title"] == "楚南邮政开通乡村冷链专线"
    assert story["published_date"] == "2025-08-05"
    assert story["body"].splitlines() == [
        "8月5日，楚南省邮政分公司宣布开通乡村冷链专线，为果蔬种植户提供冷藏运输服务。", "专线开通后，全省果蔬可在24小时内运抵省城。",
    ]


def test_a_web_page_printed_to_pdf_is_its_article(processor):
    # A browser's print header (its date and time, the page's <title>) and footer (address, page
    # number) on each page; the page's fields line with a time to the second; paragraphs wrapped
    # at the page's width and apart by blank lines, the first ending its sentence where it fills
    # its last line; a related list, then the site's footer, closing the text.
    header = "2025/3/14 09:05                         某市邮政开通冷链专线_东江在线"
    footer = "https://news.example.cn/city/202503/t20250312_1001.shtml                                 {}/2"
    paragraphs = [
        "今年以来，某市邮政分公司开通乡村冷链专线，为全市果蔬种植户和养殖户提供冷藏运输服务，每天往返县城与乡镇两次，受到了欢迎。",
        "专线冷藏车全程温控，果蔬损耗率明显下降。“以前桃子运到城里要坏掉一成，现在基本没有损耗了。”种植户老李说。",
        "该公司相关负责人介绍，下一步将增开专线班次，并在主产乡镇设立产地预冷仓，方便果农就近发货，让更多农产品走出大山。",
    ]
    assert len(paragraphs[0]) % 30 == 0  # (its last line full)
    wrapped = ["\n".join(text[i:i + 30] for i in range(0, len(text), 30)) for text in paragraphs]
    page = "\n".join([
        header, "", "某市邮政开通冷链专线", "", "2025-03-12 08:15:40 来源：东江在线 作者：记者 李明 通讯员 王芳", "",
        wrapped[0], "", wrapped[1], footer.format(1), "\f" + header, "", wrapped[2], "",
        "相关新闻", "", "· 某县快递进村覆盖全部建制村", "", "· 邮政冷链助力果蔬出山", "",
        "东江在线版权所有，未经授权禁止复制或建立镜像。", footer.format(2),
    ])
    (story,) = processor.process("printed.txt", page.encode())
    assert (story["title"], story["published_date"], story["source_name"]) == ("某市邮政开通冷链专线", "2025-03-12", "东江在线")
    assert story["body"].split("\n") == paragraphs
