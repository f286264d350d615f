"""Layouts and names the seeds do not show, from text written for these tests (expected values
are read off it): a provincial site's article page (GB2312, a metadata line mixing the
article's fields with furniture), a copy of a WeChat account's article (header line, closing
source line, the app's buttons), names without a Han surname, a newspaper page rendered
from those stories by tests/split_synth.py, RSS and Atom feeds of such stories, an old
site's table layout with short paragraphs, a provincial notice, a newspaper page whose
editors' credit line the clean stage trims, a page of a commentary, briefs and a profile, a
Hong Kong press release in Big5-HKSCS, a WeChat account's article page, a page of photo news
with its folio line at the foot, a page's stories as an e-paper site gives their text, a site's
page of three articles, an article whose sections are headed in elements of their own, and a
newspaper's feature under a headline, deck and byline, in short sections headed by short lines,
and a column of briefs, each credited on a line of its own, an article that lost its line
breaks, an interview whose questions the page wraps into lines shaped like credits, and a page
of a commentary credited to the paper's commentator and a story with its reporter's notes,
a page of bulleted briefs and a table of figures under its title and unit note, and a page of
a wire story and a report whose headline sits on its reporters' credit line, and a profile under
a quoted headline and a deck the column wrapped, a page opening with a story continued from
the front page, a story whose photo, caption and credit stand between its paragraphs, and an
article a site reposted under its original title, a speech in sections numbered 一、 and （一）, and
a site's page whose logo is an <h1> above the article's <h2>, and an old site's article laid out
in a table's rows, and a page whose story opens with a short line under its byline, and a site's page whose logo
is an <h1> classed so, and a newspaper page a PDF-to-Markdown tool wrote."""

from pathlib import Path

import pytest

PAGES = Path(__file__).parent / "data" / "pages"


def process_page(processor, name: str) -> list[dict]:
    """The stories of a test page, read as its bytes stand."""
    return processor.process(name, (PAGES / name).read_bytes())


@pytest.fixture(scope="module")
def provincial(processor):
    raw = (PAGES / "provincial_site_article.html").read_text(encoding="utf-8").encode("gb2312")
    (story,) = processor.process("provincial_site_article.html", raw)
    return story


@pytest.fixture(scope="module")
def wechat(processor):
    (story,) = process_page(processor, "wechat_copy.txt")
    return story


def test_site_page_fields_come_from_its_metadata_line(provincial):
    assert provincial["encoding"] == "gbk"
    assert provincial["title"] == "四川邮政开通首条低空无人机邮路"
    assert provincial["published_date"] == "2024-05-17"
    assert provincial["source_name"] == "四川省分公司"
    assert provincial["authors"] == [{"name": "李明", "role": "author"}, {"name": "张晓燕", "role": "author"}]


def test_site_page_body_is_the_article_alone(provincial):
    body = provincial["body"]
    assert body.startswith("5月16日上午，随着一架载有30公斤邮件的无人机")
    assert body.rstrip().endswith("助力乡村振兴。")
    assert provincial["byline"].endswith("（编辑：王芳）")  # a credit: metadata, not text
    for furniture in ("浏览次数", "字号", "打印本页", "相关新闻", "版权所有", "当前位置"):
        assert furniture not in body


def test_wechat_copy_header_words_are_not_authors(wechat):
    # '原创 江西邮政 江西邮政 2024-06-03 08:30 发表于江西': a label and the account's name.
    assert wechat["published_date"] == "2024-06-03"
    assert wechat["authors"] == []


def test_wechat_copy_source_is_its_closing_line(wechat):
    assert wechat["source_name"] == "江西省邮政分公司"


def test_wechat_buttons_are_furniture(wechat):
    body = wechat["body"]
    assert "钟小平像往常一样" in body
    for furniture in ("阅读原文", "分享 收藏 点赞 在看", "收录于合集"):
        assert furniture not in body


def test_town_the_gazetteer_lacks_stays_in_its_organisation(provincial):
    # 塔公镇 is below the gazetteer's counties: jieba leaves it as 塔/公/镇.
    assert "塔公镇邮政所" in provincial["organizations"]
    assert "公镇邮政所" not in provincial["organizations"]


@pytest.mark.parametrize(
    ("sentence", "organization"),
    [
        # jieba tags 高桥镇 and 小溪 (of 小溪塔) as names: the organisations were lost or cut short.
        ("山东省临沂市沂水县高桥镇邮政支局的投递员每天进村。", "山东省临沂市沂水县高桥镇邮政支局"),
        ("走进湖北省宜昌市夷陵区小溪塔邮政支局，记者看到柜台焕然一新。", "湖北省宜昌市夷陵区小溪塔邮政支局"),
    ],
)
def test_a_place_name_jieba_tags_as_a_person_stays_in_its_organisation(processor, sentence, organization):
    (story,) = processor.process("sentence.txt", sentence.encode("utf-8"))
    assert story["organizations"] == [organization]


@pytest.mark.parametrize(
    ("sentence", "function_word"),
    [
        # 等地 cut as 等 / 地 (a particle): 地 and the suffix after it were read as an organisation.
        ("郑州市、洛阳市等地邮政分公司联合当地政府开展直播带货活动。", "地"),
        ("据中国邮政储蓄银行2023年年报显示，该行营业收入同比增长2.33%。", "据"),  # a preposition
        # 和 before 县…局 read as the county 和县 (with no city named before it)
        ("我们和县交通运输局合作，开通了客货邮融合线路。", "和"),
    ],
)
def test_a_function_word_jieba_cuts_alone_does_not_start_an_organisation(processor, sentence, function_word):
    (story,) = processor.process("sentence.txt", sentence.encode("utf-8"))
    assert not any(org.startswith(function_word) for org in story["organizations"])


@pytest.mark.parametrize("sentence", ["各省辖市邮政管理局局长参加了会议。", "部分城市邮政所延长了营业时间。"])
def test_a_category_of_bodies_names_no_organisation(processor, sentence):
    (story,) = processor.process("sentence.txt", f"邮政服务进村入户\n{sentence}\n".encode())
    assert story["organizations"] == []


@pytest.mark.parametrize(
    ("sentence", "people"),
    [
        ("村民李桂兰、张秀英和赵德胜一起来到网点。", ["李桂兰", "张秀英", "赵德胜"]),
        ("投递员王小明与李强分别负责两条线路。", ["王小明", "李强"]),
        ("总经理王伟和邮政员工一起参加。", ["王伟"]),
    ],
)
def test_names_listed_with_a_recognised_name_are_names(processor, sentence, people):
    # Only the first, after its title, was found: the list's 和 / 与 and what follows it hid the rest.
    (story,) = processor.process("sentence.txt", sentence.encode("utf-8"))
    assert story["people"] == people


@pytest.mark.parametrize(
    ("sentence", "places"),
    [
        ("湖北省恩施州邮政分公司近日开展活动，恩施州各县市积极参与。", ["恩施土家族苗族自治州", "湖北省"]),
        ("延边州邮政分公司联合商务部门开展活动。", ["延边朝鲜族自治州"]),
        ("云南省怒江州贡山县邮政所的投递员每天翻山越岭。", ["贡山独龙族怒族自治县", "云南省", "怒江傈僳族自治州"]),
    ],
)
def test_an_autonomous_division_written_as_its_short_name_and_level(processor, sentence, places):
    # 恩施州 names 恩施土家族苗族自治州 as fully as its full name (no place found before).
    (story,) = processor.process("sentence.txt", sentence.encode("utf-8"))
    assert story["places"] == places


@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        ("喀什地区邮政分公司总经理买买提·艾力表示，要加快农村寄递网络建设。", "买买提·艾力"),
        ("所长泽仁多吉告诉记者，包裹当天就能送到。", "泽仁多吉"),
    ],
)
def test_names_without_a_han_surname_between_a_title_and_a_speech_verb(processor, sentence, name):
    # The provincial page names 泽仁多吉 so; names are otherwise found from a Han surname.
    (story,) = processor.process("minority_names.txt", f"邮政服务进村入户\n{sentence}\n".encode())
    assert story["people"] == [name]


@pytest.mark.parametrize(
    ("sentence", "names"),
    [
        ("近日，投递员买买提·艾力一起走访牧民，送去包裹。", ["买买提·艾力"]),  # 买买提 was read alone
        ("近日，投递员古丽·阿不都拉和同事为牧民送去包裹。", ["古丽·阿不都拉"]),
        # a middle part the list runs on from (买买提和同事艾力·…): the name ends at 和
        ("投递员阿依古丽·买买提和老乡艾力·吾斯曼正忙着分拣包裹。", ["阿依古丽·买买提", "艾力·吾斯曼"]),
        # a verb after a part jieba reads in pieces (索/南/像), a part jieba reads as one word
        ("投递员才仁·索南像往常一样驾驶邮车出发。", ["才仁·索南"]),
        ("近日，投递员热依拉·阿不都热西提，把一车防寒物资送到牧区。", ["热依拉·阿不都热西提"]),
        ("理事长麦麦提·艾则孜说，合作社的干果通过邮政卖到了全国。", ["麦麦提·艾则孜"]),  # 理事长: a title too
    ],
)
def test_transliterated_name_after_a_title_ends_where_a_word_starts(processor, sentence, names):
    # Its middle dot and the title before it vouch for it, whatever follows it.
    (story,) = processor.process("minority_names.txt", f"邮政服务进村入户\n{sentence}\n".encode())
    assert story["people"] == names


@pytest.mark.parametrize(
    ("sentence", "names"),
    [
        ("新疆的毕业生迪丽努尔·艾合买提寄了三个大箱子，说这是她四年的全部家当。", ["迪丽努尔·艾合买提"]),
        ("在观塘经营网店的英籍商人占士·霍尔表示，他每日要寄出数十件包裹。", ["占士·霍尔"]),  # not 霍尔
        ("俄罗斯商人伊万·彼得罗夫在珲春经营一家跨境电商企业。", ["伊万·彼得罗夫"]),
        ("原住民青年伊将．卡布斯说，以前寄包裹要跑很远。", ["伊将．卡布斯"]),  # Taiwan's full-width dot
        # a part of five ending as transliterations do; Uyghur name elements jieba reads as other words
        ("阿拉木图的服装批发商阿斯兰·托克塔罗夫每周都从义乌进货。", ["阿斯兰·托克塔罗夫"]),
        ("跨境电商企业负责人热依拉·阿不都热合曼正在直播间里推介薰衣草精油。", ["热依拉·阿不都热合曼"]),
        # parts jieba reads as other words: places, organisations, programmes
        ("第二十届中国·东盟博览会期间，邮政·惠农合作项目和丝路·敦煌文化节受到关注。", []),
    ],
)
def test_transliterated_name_without_a_title_before_it(processor, sentence, names):
    # No title before 毕业生 or 商人 vouches for these: the parts about the dot do, none of them
    # a word of another kind.
    (story,) = processor.process("foreign_names.txt", f"邮政服务跨境寄递\n{sentence}\n".encode())
    assert story["people"] == names


@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        ("湖南省分公司副总经理唐成文告诉记者，网点转型是一项系统性工作。", "唐成文"),  # 文告 is a word
        ("副总经理唐成文说，网点转型要因地制宜。", "唐成文"),
        ("会上，党委书记王建文书记作了讲话。", "王建文"),  # 文书 is a word
    ],
)
def test_a_given_names_last_character_making_a_word_with_the_next_stays_in_the_name(processor, sentence, name):
    (story,) = processor.process("sentence.txt", sentence.encode("utf-8"))
    assert story["people"] == [name]


@pytest.mark.parametrize(
    ("sentence", "people"),
    [
        # each after a title or before one or a speech verb; elements of Tibetan and Mongolian names
        ("村民服务站站长德吉卓嘎每天一早就开门营业。", ["德吉卓嘎"]),
        ("牧民贡布多吉说，上个月他通过邮政寄出了虫草。", ["贡布多吉"]),
        ("米玛次仁局长介绍，全县已实现快递进村。", ["米玛次仁"]),
        ("投递员额尔敦巴雅尔发动邮车，开始了一天的投递。", ["额尔敦巴雅尔"]),
        # no anchor: a name it is not
        ("达娃卓玛服务站今年收寄包裹三千件。", []),
    ],
)
def test_tibetan_and_mongolian_names_without_a_han_surname(processor, sentence, people):
    (story,) = processor.process("sentence.txt", f"邮政服务进村入户\n{sentence}\n".encode())
    assert story["people"] == people


@pytest.mark.parametrize(
    ("sentence", "people"),
    [
        ("当地合作社已带动蒙秀英、韦丽娟、覃金花、谭春燕等农户增收。", ["蒙秀英", "韦丽娟", "覃金花", "谭春燕"]),
        # places listed so are none; nor is a word ending in the first character (公司党组、…)
        ("该公司在福鼎、寿宁、周宁、屏南等地建设茶叶收寄点。", []),
        ("集团公司党组、王建华董事长充分肯定辽宁邮政发展成效。", ["王建华"]),
        # titles of everyday people before a name; 撒, a Hui surname; 黎族 before a title no name
        ("老旧小区的居民孙玉兰取出快递后说，很方便。", ["孙玉兰"]),
        ("黎族阿婆王亚花正在邮政村级服务站寄槟榔。", ["王亚花"]),
        ("同心县邮政分公司经理撒永平介绍，该县通过邮政寄出枸杞。", ["撒永平"]),
        ("投递员刘春燕和同事赵德明把一箱箱鲟鳇鱼装上邮车。", ["刘春燕", "赵德明"]),
        ("正在办理业务的市民刘女士说，现在方便多了。", []),
        # the list's last name after 和 however the sentence goes on; a surname that is a word's
        # head between a title and a speech verb; Yi compound surnames; a Dai name; 绣娘
        ("快递员刘建设、王平安和张国庆正把一箱箱多肉植物装车。", ["刘建设", "王平安", "张国庆"]),
        ("省邮政管理局副局长高建军表示，全省正推广绿色包装。", ["高建军"]),
        ("乡邮员阿西木呷又踏上了熟悉的邮路。", ["阿西木呷"]),
        ("茶农岩香南把刚压制好的普洱茶交给邮政员工。", ["岩香南"]),
        ("绣娘杨丽丽正在赶制苗绣订单。", ["杨丽丽"]),
        # people each with their unit in brackets: a list of names, a city's name (南京) one there
        (
            "受表彰的投递员是：孟凡宇（中国邮政集团有限公司黄石市分公司）、南京（顺丰速运有限公司襄阳分公司）、"
            "次仁央宗（中国邮政集团有限公司林芝市分公司）。",
            ["孟凡宇", "南京", "次仁央宗"],
        ),
        # a double surname's name listed before 、, and the list goes on before it; 此 names no one
        ("获此荣誉的还有罗晓梅、东方红英、葛亮等同志，葛亮说，这是大家的功劳。", ["葛亮", "罗晓梅", "东方红英"]),
    ],
)
def test_names_in_a_list_of_names_and_after_everyday_titles(processor, sentence, people):
    (story,) = processor.process("sentence.txt", f"邮政服务进村入户\n{sentence}\n".encode())
    assert story["people"] == people


@pytest.mark.parametrize(
    ("sentence", "people"),
    [
        # a job the title list lacks, a word and 员, before a name with no speech verb after it
        ("年近六十的安检员马桂芳在中心值守了十年。", ["马桂芳"]),
        # Tibetan given-name elements of Amdo names (东珠) between a title and a speech verb
        ("牧场负责人东珠扎西介绍，包裹三天就能送到。", ["东珠扎西"]),
        # a word (陆续) and a character after a title, nothing after them: no name
        ("快递员陆续装车出发，网点门前排起了长队。", []),
        # a common word that is no name (方便) and a character after a title: no name either
        ("请转告站长方便时回个电话，我们在营业厅等他。", []),
        # a name read from another's last character on (林回答 of 牛春林回答记者) is none
        ("副局长牛春林回答记者提问时说，网点将延长营业时间。", ["牛春林"]),
        # a character jieba tags no name's, a surname alone and a title address someone: no name
        ("收购商邵经理告诉我们，订单翻了一番。", []),
        # a spokesperson's single given name before 在; a Tibetan given-name element (泽让)
        ("新闻发言人潘悦在会上介绍，寄递量稳步增长。", ["潘悦"]),
        ("牧民泽让拉姆笑着说，包裹三天就到了。", ["泽让拉姆"]),
        # a character ending a word (面单) and an adverb (一边) before a verb: no name
        ("投递员何秀兰给纸箱贴面单一边说，今年的海带卖得好。", ["何秀兰"]),
        # a caption's place in the photo after the name; a police officer by post
        ("公司为投递员詹小燕、孟立（右一）送去防暑用品。", ["詹小燕", "孟立"]),
        ("派出所民警于鹏飞说，冒充快递客服的电话要提高警惕。", ["于鹏飞"]),
        # a transliterated surname longer than five characters, jieba's pieces of it names and places
        ("驻连云港代表努尔兰·热克西姆别科夫表示，通道让包裹跑得更快。", ["努尔兰·热克西姆别科夫"]),
        ("德方代表托马斯·施耐德也表示，双方将开通回程班列。", ["托马斯·施耐德"]),  # an adverb before the verb
        # a familiar address (小刘, 老张) after a title names no one
        ("卫生院的护士小刘说，过去送样本要跟车跑一趟。", []),
        # names a court or the police masked (张某, 李某某)
        ("被告人张某、李某某分别被判处有期徒刑，民警于鹏飞说，张某曾在网点工作。", ["于鹏飞"]),
    ],
)
def test_names_after_jobs_and_words_after_titles(processor, sentence, people):
    (story,) = processor.process("sentence.txt", f"邮政服务进村入户\n{sentence}\n".encode())
    assert story["people"] == people


@pytest.mark.parametrize("sentence", ["会上，王书记说，要抓好落实。", "张经理介绍，网点已完成改造。"])
def test_a_surname_and_a_title_are_no_name(processor, sentence):
    (story,) = processor.process("sentence.txt", sentence.encode("utf-8"))
    assert story["people"] == []


def test_an_adverb_after_a_name_is_not_part_of_it(processor):
    (story,) = processor.process("adverb.txt", "邮政服务进村入户\n所长郭品华高兴地说，包裹当天就能送到。\n".encode())
    assert story["people"] == ["郭品华"]


def test_two_headlines_printed_one_under_the_other_are_cut_apart():
    # A page laid out as PDF text, rendered from the stories of the probe pages:
    # the headlines of two stories stand one under the other, and the pair read as one
    # title and subtitle, leaving the other story untitled.
    from pipeline.split import Splitter

    page = (PAGES / "stacked_headlines_page.txt").read_text(encoding="utf-8")
    titles = {story.body[:8]: (story.title, story.subtitle) for story in Splitter().split(page).stories}
    assert titles["香港邮政昨日宣布"] == ("香港邮政推出「邮趣速递」新服务", None)
    assert titles["今年以来，在集团"] == ("湖南省邮政分公司2023年上半年工作总结", None)


def test_each_entry_of_a_gb2312_rss_feed_is_a_story(processor):
    raw = (PAGES / "news_feed_rss.xml").read_text(encoding="utf-8").encode("gb2312")
    stories = processor.process("news_feed_rss.xml", raw)
    assert [(s["story_index"], s["story_count"]) for s in stories] == [(0, 3), (1, 3), (2, 3)]
    assert [s["title"] for s in stories] == [
        "四川邮政开通首条低空无人机邮路",
        "江西邮政农产品寄递量快速增长",
        "成都邮政为高校毕业生寄递录取通知书",
    ]
    assert [s["published_date"] for s in stories] == ["2024-05-17", "2024-06-03", "2024-07-08"]
    assert {s["source_name"] for s in stories} == {"四川邮政新闻"}
    assert [[a["name"] for a in s["authors"]] for s in stories] == [[], ["刘晓东"], ["赵敏"]]
    assert stories[2]["body"] == (
        "7月以来，成都市邮政分公司组建专门投递队伍，确保每一份录取通知书安全、准确、及时送达考生手中。\n"
        "截至目前，已投递录取通知书1.2万余件。"
    )
    assert stories[0]["encoding"] == "gbk"


def test_each_entry_of_an_atom_feed_is_a_story(processor):
    stories = process_page(processor, "news_feed_atom.xml")
    assert [(s["title"], s["published_date"]) for s in stories] == [
        ("广西邮政开通跨境电商寄递专线", "2024-07-29"),
        ("云南邮政助力咖啡豆出山", "2024-07-25"),
    ]
    assert [a["name"] for a in stories[0]["authors"]] == ["韦丽萍"]
    assert stories[1]["body"] == "普洱市邮政分公司今年已帮助当地农户寄递咖啡豆800余吨，并在产地设立收寄点12个。"


def test_an_empty_feed_is_a_dead_letter(processor):
    feed = '<?xml version="1.0"?><rss version="2.0"><channel><title>邮政新闻</title></channel></rss>'
    stories, dead = processor.process_or_dead_letter("empty.xml", feed.encode())
    assert not stories and dead[0]["stage"] == "split"


def test_an_article_of_short_paragraphs_is_not_taken_for_a_newspaper_page(processor):
    # An old site's table layout, <br> between paragraphs none wider than 48 cells: it was
    # split as a PDF page, its metadata line becoming the headline's subtitle (no author, no
    # source). Half its lines end a sentence; a PDF page's column lines end one in 6-25%.
    raw = (PAGES / "table_layout_article.html").read_text(encoding="utf-8").encode("gb2312")
    (story,) = processor.process("table_layout_article.html", raw)
    assert story["title"] == "宁夏邮政开通“寄递+电商”服务专线"
    assert story["subtitle"] is None
    assert story["published_date"] == "2024-04-22"
    assert [a["name"] for a in story["authors"]] == ["杨磊"]
    assert story["source_name"] == "宁夏邮政"
    assert story["body"].splitlines()[0].startswith("4月20日，宁夏邮政")
    assert len(story["body"].splitlines()) == 3


def test_a_notice_indented_by_ideographic_spaces_is_one_article_dated_by_its_signature(processor):
    # Short numbered paragraphs, none wider than a PDF column, each indented by two U+3000 (a
    # word processor's paragraphs): it was reflowed as a newspaper page into two stories, the
    # signature a headline, the date the activity's start (2024-06-01), not the notice's.
    raw = (PAGES / "provincial_notice.txt").read_text(encoding="utf-8").encode("gbk")
    (story,) = processor.process("provincial_notice.txt", raw)
    assert story["title"] == "关于开展2024年“邮政服务质量提升月”活动的通知"
    assert story["published_date"] == "2024-05-20"
    assert story["byline"] == "中国邮政集团有限公司贵州省分公司\n2024年5月20日"
    lines = story["body"].splitlines()
    assert lines[0] == "各市（州）分公司："
    assert "一、活动时间" in lines and "三、工作要求" in lines
    assert lines[-1] == "联系人：张丽 电话：0851-12345678"


def test_an_editors_credit_line_is_page_furniture_whatever_the_editors_title(processor):
    # The clean stage drops 责任编辑 from the page's credit line as site furniture; what is left
    # (美术编辑：王芳 校对：陈静) was taken for a headline and took the first story's title line.
    first, second = process_page(processor, "newspaper_page_editors_line.txt")
    assert first["title"] == "青海邮政开通 高原“绿色邮路”"
    assert [a["name"] for a in first["authors"]] == ["马丽", "韩强"]
    assert first["published_date"] == second["published_date"] == "2024-05-20"
    assert first["source_name"] == "中国邮政报"
    assert not any("王芳" in (story["kicker"] or "") + story["title"] + story["body"] for story in (first, second))


@pytest.fixture(scope="module")
def commentary_page(processor):
    """A page of a commentary (its byline under the headline, the author's unit in brackets
    at the end), three briefs each closed by its writer's name in brackets, and a profile
    with a dashed deck and a reporter's byline above its text."""
    return process_page(processor, "commentary_and_briefs_page.txt")


def test_a_byline_under_a_headline_credits_the_story_below_it(commentary_page):
    commentary, *_, profile = commentary_page
    assert commentary["title"] == "让农村寄递更“接地气”"
    assert commentary["authors"] == [{"name": "李明", "role": "author"}]
    assert commentary["body"].endswith("让农村寄递真正“接地气”。")
    assert "作者单位" in commentary["byline"] and "作者单位" not in commentary["body"]
    assert profile["title"] == "一线投递员的“暖心账本”"
    assert profile["subtitle"] == "记山东省济南市邮政分公司投递员赵刚"
    assert profile["authors"] == [{"name": "孙丽", "role": "reporter"}]
    assert profile["body"].startswith("早上7点，赵刚已经在投递部分拣邮件。")


def test_briefs_closed_by_a_bracketed_name_are_stories_of_their_own(commentary_page):
    briefs = commentary_page[1:-1]
    assert [story["authors"] for story in briefs] == [
        [{"name": name, "role": "author"}] for name in ("沈佳", "陈晓", "王芳")
    ]
    assert [story["title"] for story in briefs] == [None, None, None]
    assert briefs[0]["body"] == "■近日，浙江省湖州市邮政分公司与当地农业农村局签订战略合作协议，双方将在农产品寄递、电商培训等方面开展合作。"
    assert briefs[2]["body"].endswith("120名员工参加培训。")


def test_briefs_credited_on_lines_of_their_own_with_spaced_out_names(processor):
    # （张 磊）: PDF text spaces the name out; the last credit was taken for a headline.
    stories = process_page(processor, "briefs_spaced_credits.txt")
    assert [story["authors"] for story in stories] == [
        [{"name": "张磊", "role": "author"}],
        [{"name": "李芳", "role": "author"}, {"name": "陈刚", "role": "author"}],
        [{"name": "马强", "role": "author"}],
    ]
    assert [story["title"] for story in stories] == [None, None, None]
    assert stories[2]["body"].endswith("发放宣传资料2000余份。")


def test_a_release_signed_with_a_date_in_chinese_numerals(processor):
    # HKSCS puts 〇 where big5 and cp950 read a kana (ま); the date closes the release.
    raw = (PAGES / "hong_kong_release.txt").read_text(encoding="utf-8").encode("big5hkscs")
    (story,) = processor.process("hong_kong_release.txt", raw)
    assert story["encoding"] == "big5hkscs"
    assert story["title"] == "香港邮政推出电子邮务新服务"
    assert story["published_date"] == "2024-03-15"
    assert "二〇二四年三月十五日" in story["byline"]
    assert story["body"].endswith("客户服务热线。")


@pytest.mark.parametrize(
    "credit, expected",
    [
        ("文/王芳 图/李明", [("王芳", "author"), ("李明", "photographer")]),
        ("撰文：王芳 摄影：李明", [("王芳", "author"), ("李明", "photographer")]),
        ("记者｜王芳 通讯员｜李明", [("王芳", "reporter"), ("李明", "correspondent")]),
    ],
)
@pytest.mark.parametrize("place", ["under the title", "closing, in brackets"])
def test_a_web_articles_credit_line_is_its_byline(processor, credit, expected, place):
    body = "近日，江西省赣州市邮政分公司在全市开展“邮爱护苗”主题活动，为留守儿童送去书包、图书等爱心物资。\n活动期间，全市各地邮政企业共组织志愿者600余人次，走访农村学校85所。"
    lines = [credit, body] if place == "under the title" else [body, f"（{credit}）"]
    (story,) = processor.process("web.txt", "\n".join(["赣州邮政开展“邮爱护苗”活动", *lines]).encode())
    assert [(a["name"], a["role"]) for a in story["authors"]] == expected
    assert story["body"] == body


def test_a_wechat_article_page_closing_with_credit_lines(processor):
    # Its text opens with the account's 点击蓝字 关注我们 and closes with two credit lines:
    # writer and photographer, then editor and reviewer (no authors: editors are not credited).
    (story,) = process_page(processor, "wechat_article.html")
    assert story["title"] == "邮政网点变身“便民驿站”"
    assert story["published_date"] == "2024-03-15"
    assert story["authors"] == [{"name": "张丽", "role": "author"}, {"name": "王强", "role": "photographer"}]
    assert story["body"].startswith("今年以来，浙江省邮政分公司推动全省1200余个邮政网点转型升级")
    assert story["body"].endswith("进一步拓展代收代缴、政务服务等功能。")
    assert "编辑：刘洋 审核：陈明" in story["byline"]
    assert story["source_name"] == "浙江邮政"  # the account that published it, named in its header


def test_a_wechat_article_saved_from_the_browser_hidden_until_its_script_runs(processor):
    # Saved from the browser, the article's element is still hidden (visibility: hidden, which
    # the page's script lifts); its date is in the script alone; the account's name links
    # between headline and text; the text ends with END, a line of credit fields set apart by
    # bars, the editor, and the list of earlier articles under 往期推荐.
    (story,) = process_page(processor, "wechat_saved_article.html")
    assert story["title"] == "海岛上的“流动邮局”"
    assert story["published_date"] == "2024-06-13"
    assert story["body"].startswith("在浙江省舟山市，有一艘往返于12个小岛之间的邮政服务船。")
    assert story["body"].endswith("为岛上居民代办各类业务4000余笔。")
    assert story["authors"] == [{"name": "陈晓燕", "role": "author"}, {"name": "林海涛", "role": "photographer"}]
    assert story["source_name"] == "舟山邮政"


WECHAT_MARKDOWN = """# 小小邮路，一走就是二十八年

原创 云南邮政 [云南邮政](javascript:void(0);) *2024-05-30 07:45* *发表于云南*

**点击上方蓝字关注我们**

在怒江州贡山县，有一条从县城通往独龙江乡的邮路，全程96公里。投递员和志光在这条邮路上一走就是二十八年。

二十八年来，和志光累计行程超过70万公里，没有丢失过一件邮件。

> 文字 | 杨春燕
> 图片 | 李卫东
> 编辑 | 赵一鸣　审核 | 段红梅

**长按二维码关注**
"""


def test_a_markdown_copy_of_a_wechat_article_credits_its_writer_photographer_and_account(processor):
    # The account's name is a script link (javascript:void(0);), which the Markdown renderer
    # left whole; the closing credits use a bar (文字 | …), which split read as text.
    (story,) = processor.process("wechat.md", WECHAT_MARKDOWN.encode())
    assert story["source_name"] == "云南邮政"
    assert "javascript" not in story["byline"]
    assert [(a["name"], a["role"]) for a in story["authors"]] == [("杨春燕", "author"), ("李卫东", "photographer")]
    assert story["body"].endswith("没有丢失过一件邮件。")


@pytest.fixture(scope="module")
def photo_page(processor):
    """Two captioned photos (one credit on a line of its own, one after the caption's last
    sentence), an editor's note, a story, and the page's folio line at the bottom."""
    return process_page(processor, "photo_news_page_with_footer.txt")


def test_a_photo_credit_after_its_caption_closes_the_caption(photo_page):
    first, second, *_ = photo_page
    assert first["authors"] == [{"name": "刘晓东", "role": "reporter"}, {"name": "刘晓东", "role": "photographer"}]
    assert second["body"] == "6月11日，云南省普洱市邮政分公司工作人员在澜沧县帮助咖啡种植户打包寄递咖啡豆。"
    assert second["authors"] == [{"name": "李华", "role": "correspondent"}, {"name": "李华", "role": "photographer"}]
    assert first["is_photo"] and second["is_photo"]


def test_a_folio_line_at_the_foot_of_the_page_dates_it_and_titles_nothing(photo_page):
    assert {story["published_date"] for story in photo_page} == {"2024-06-12"}
    assert not any("星期三" in (story["title"] or "") + story["body"] for story in photo_page)


def test_an_editors_note_above_a_headline_goes_with_the_story_below_it(photo_page):
    # It made a story of its own, which took the headline both share (寄递进村).
    *_, story = photo_page
    assert len(photo_page) == 3
    assert story["title"] == "寄递进村 让山货“飞”出大山"
    assert story["body"].startswith("编者按：今年是农村寄递物流体系建设")
    assert story["authors"] == [{"name": "王磊", "role": "reporter"}]


@pytest.fixture(scope="module")
def epaper(processor):
    """A page's stories as an e-paper site gives their text: one paragraph per line, each
    story's headline block over it, a blank line between stories."""
    return process_page(processor, "epaper_stories.txt")


def test_stories_given_one_after_another_as_text_are_split(epaper):
    assert [(s["kicker"], s["title"], s["subtitle"]) for s in epaper] == [
        ("寄递服务进山乡", "云南怒江邮政开通乡村邮路", "全州乡镇实现邮件日投递"),
        (None, "“邮政管家”走进社区", None),
        (None, "邮政储蓄银行加大涉农信贷投放", None),
        (None, "全国邮政行业业务收入稳定增长", None),
    ]
    assert [[(a["name"], a["role"]) for a in s["authors"]] for s in epaper] == [
        [("杨晓东", "reporter"), ("木春梅", "correspondent")], [("沈思远", "author")], [], [("高远", "reporter")]]
    assert epaper[0]["body"].endswith("农村邮件平均投递时限由3天缩短至1天。")


def test_a_story_s_section_heads_continuation_and_end_mark_stay_its_own(epaper):
    managers, continued, release = epaper[1:]
    assert "\n服务上门\n" in managers["body"] and "\n线上预约\n" in managers["body"]
    assert continued["is_continuation"] and continued["body"].startswith("截至9月末，邮储银行涉农贷款余额")
    assert release["body"].endswith("快递业务收入累计完成1.05万亿元。") and release["source_name"] == "新华社"


def test_articles_of_a_site_s_page_are_split_by_their_headings(processor):
    """Three articles, each a heading and its paragraphs in an element of its own; the third
    has no dateline opener to start it."""
    stories = process_page(processor, "epaper_page.html")
    assert [s["title"] for s in stories] == ["山西邮政助力小杂粮出村进城", "广西南宁开通跨境寄递新线路", "邮政网点推出“适老化”服务"]
    assert [[a["name"] for a in s["authors"]] for s in stories] == [["赵志刚"], ["黄丽娟"], ["林晓敏"]]
    assert stories[2]["body"] == "近日，福建省福州市邮政分公司在全市82个网点设置老年人服务专区，配备老花镜、轮椅等便民设施。"
    assert {s["published_date"] for s in stories} == {"2024-06-12"}


def test_an_article_s_sections_in_elements_of_their_own_stay_one_story(processor):
    """Headed sections, each in a <section>, the last on other matters (创新业态): the headings
    alone show no second article."""
    (story,) = process_page(processor, "article_with_sections.html")
    assert story["title"] == "某市邮政推进农村寄递物流体系建设"
    assert story["body"].endswith("下一步，某市邮政分公司将继续发挥网络优势，助力乡村振兴。")
    assert "\n创新业态\n" in story["body"]


@pytest.mark.parametrize("blank_lines", ["as written", "after every line", "none"])
def test_a_feature_s_short_section_heads_stay_inside_it(processor, blank_lines):
    text = (PAGES / "feature_with_section_heads.txt").read_text(encoding="utf-8")
    lines = [line for line in text.splitlines() if line.strip()]
    text = {"as written": text, "after every line": "\n\n".join(lines), "none": "\n".join(lines)}[blank_lines]
    (story,) = processor.process("feature_with_section_heads.txt", text.encode("utf-8"))
    assert story["title"] == "让邮政网点成为“便民驿站”"
    assert story["subtitle"] == "湖北邮政网点转型发展调查"
    assert story["authors"] == [{"name": "周敏", "role": "reporter"}]
    assert story["body"].startswith("走进湖北省宜昌市夷陵区小溪塔邮政支局")
    assert story["body"].endswith("湖北省邮政分公司人力资源部负责人说。")
    for head in ("一站式服务解民忧", "数字化转型提效率", "人才培养强支撑"):
        assert f"\n{head}\n" in story["body"]


def test_short_headlines_over_stories_with_bylines_of_their_own_part_them(processor):
    # The same short headlines, each over a byline of its own: three stories, not sections.
    page = "\n".join([
        "邮车开进山村", "□本报记者 周 敏",
        "近日，湖北省宜昌市夷陵区邮政分公司新开通三条农村邮路，", "覆盖沿线二十余个行政村。",
        "网点变身驿站", "□通讯员 李 娜",
        "在武汉市江汉区的一个邮政网点，智能柜员机、自助寄件", "机一字排开，客户等候时间缩短了一半。",
        "培训助力转型", "□通讯员 王 强",
        "为适应网点转型需要，湖北邮政今年组织开展各类培训", "230余场，培训员工1.5万人次。",
    ])
    stories = processor.process("short_headlines.txt", page.encode("utf-8"))
    assert [story["title"] for story in stories] == ["邮车开进山村", "网点变身驿站", "培训助力转型"]


RUN_ON_ARTICLE = (
    "快递进村服务惠及千家万户 来源：江西省邮政分公司 发布时间：2024-05-16 10:32 作者：张华 "
    "今年以来，全省邮政加快县乡村三级寄递物流体系建设，新建村级寄递物流综合服务站420个。"
    "在赣州市于都县，邮政网点每天把农产品发往全国各地，村民足不出村就能寄快递。"
    "张华介绍，下一步将继续完善农村寄递网络，让更多农产品走出大山。"
)


@pytest.mark.parametrize("lines_after", ["", "\n责任编辑：王芳\n"])
def test_an_article_that_lost_its_line_breaks_is_cut_at_its_metadata_fields(processor, lines_after):
    # Text taken from a page with every tag dropped: headline, fields and body on one line.
    (story,) = processor.process("run_on.txt", (RUN_ON_ARTICLE + lines_after).encode("gbk"))
    assert story["title"] == "快递进村服务惠及千家万户"
    assert story["published_date"] == "2024-05-16"
    assert story["source_name"] == "江西省邮政分公司"
    assert [author["name"] for author in story["authors"]] == ["张华"]
    assert story["body"].startswith("今年以来，全省邮政加快")
    assert "run_on_head_unfolded" in story["repairs"]


def test_a_run_on_article_s_names_and_page_tools_are_fields_not_text(processor):
    # Several names after 作者：, the font-size tool among the fields, print and close after the text.
    text = RUN_ON_ARTICLE.replace("作者：张华 ", "作者：张华 刘建华 【字体：大 中 小】 ") + "【打印本页】【关闭窗口】"
    (story,) = processor.process("run_on.txt", text.encode("utf-8"))
    assert [author["name"] for author in story["authors"]] == ["张华", "刘建华"]
    assert story["body"].startswith("今年以来，全省邮政加快")
    assert story["body"].endswith("让更多农产品走出大山。")


def test_a_run_on_article_starting_with_a_sentence_keeps_it_in_its_body(processor):
    text = "据统计，今年以来全省新建服务站420个。来源：江西省邮政分公司 " + RUN_ON_ARTICLE.split("10:32 ")[1]
    (story,) = processor.process("run_on.txt", text.encode("utf-8"))
    assert story["title"] is None
    assert story["body"].startswith("据统计，今年以来")


def test_an_interview_s_wrapped_questions_are_its_text_not_credits(processor):
    # 记者：宜昌邮政是怎样争取到 has the shape of 编辑：刘洋; it was taken for a closing credit,
    # lost from the text, and the interview fell into three stories.
    (story,) = process_page(processor, "interview_page.txt")
    assert (story["title"], story["subtitle"]) == ("让拥军服务更有温度", "访宜昌市邮政分公司总经理张立新")
    assert story["authors"] == [{"name": "周唯", "role": "reporter"}]
    lines = story["body"].splitlines()
    assert lines[1] == "记者：宜昌邮政是怎样争取到优待证寄递业务的？"
    assert [line.split("：")[0] for line in lines[1:]] == ["记者", "张立新"] * 3
    assert lines[-1].endswith("让退役军人感受到邮政服务的温度。")


def test_a_commentator_s_credit_and_a_story_s_box_of_notes(processor):
    # 本报评论员 alone on its line is a credit naming no one, not part of the headline under it;
    # 记者手记 heads a box of the story above, not a story of its own.
    stories = process_page(processor, "commentary_and_sidebar_page.txt")
    assert [story["title"] for story in stories] == ["让普遍服务更有温度", "邮政快递进村服务覆盖 全省所有建制村"]
    assert stories[0]["authors"] == []
    assert stories[0]["body"].startswith("普遍服务是邮政的立身之本。")
    lines = stories[1]["body"].splitlines()
    assert lines[-2:] == ["记者手记", "在采访中，记者深切感受到，快递进村不仅方便了群众生活，更带动了农产品上行。"
                          "一位果农告诉记者，过去苹果要等收购商上门，现在通过邮政可以直接寄往全国。"]
    assert stories[1]["authors"] == [{"name": "刘洋", "role": "reporter"}]


def test_a_table_s_rows_stay_lines_and_its_unit_note_is_no_title(processor):
    # The rows were joined into one run-on paragraph, and 单位：万元 was the story's title
    # (the table's title its kicker).
    stories = process_page(processor, "briefs_and_table_page.txt")
    assert [story["authors"][0]["name"] for story in stories[:3]] == ["李红", "王刚", "陈静"]
    table = stories[3]
    assert (table["kicker"], table["title"], table["subtitle"]) == (None, "全省邮政一季度主要业务指标", "单位：万元")
    assert table["body"].splitlines()[1:6] == [
        "寄递业务收入 12560 8.5%", "金融业务收入 35620 6.2%", "集邮业务收入 1230 -2.1%", "邮政业务总收入 49410 6.8%",
        "今年一季度，全省邮政实现业务总收入 4.94 亿元，同比增长6.8%，完成年度计划的 26.3%。"
        "其中，金融业务收入占比超过七成，寄递业务收入增幅居各板块首位。",
    ]


@pytest.mark.parametrize(
    ("line", "row"),
    [
        ("寄递业务收入 12560 8.5%", True),
        ("集邮业务收入 1230 -2.1%", True),
        ("全国快递业务量完成 256 亿件", False),  # a figure followed by its word
        ("、条码平信信息断点率为 0.008 6%", False),  # a sentence's line; digits grouped in threes
        ("信息断点率 0.008 6%", False),
        ("截至1 0月31日", False),
    ],
)
def test_a_table_row_is_a_short_label_and_figures(line, row):
    from pipeline.split.reflow import is_table_row

    assert is_table_row(line) is row


def test_a_headline_right_above_a_credit_line_is_the_story_s_below_it(processor):
    # “快递进村”按下快进键 shares 快递 with the wire story above and nothing with the report
    # under its credit line: content gave it to the wire story. (The photo item under the
    # report has no headline: its column's label over it, 图片新闻, is the only head it has.)
    stories = process_page(processor, "wire_story_and_report_page.txt")
    assert [story["title"] for story in stories] == [None, "“快递进村”按下快进键", "图片新闻"]
    assert stories[0]["source_name"] == "新华社"
    assert stories[0]["authors"] == [{"name": "王晓明", "role": "reporter"}]
    assert stories[1]["body"].startswith("走进湖南省湘西州花垣县十八洞村村邮站")
    assert [(a["name"], a["role"]) for a in stories[1]["authors"]][:2] == [("李萍", "reporter"), ("张华", "correspondent")]


def test_a_quoted_headline_and_a_wrapped_deck(processor):
    # The quotation's comma made the headline body text, the story's only text with the deck;
    # the page's photo note （本版图片均由…提供） was its title; the deck's second line another
    # story's title.
    story = process_page(processor, "profile_page.txt")[0]
    assert (story["title"], story["subtitle"]) == ("“乡亲们的包裹，一件都不能少”", "记四川省凉山州昭觉县邮政投递员吉克阿木")
    assert story["authors"] == [{"name": "赵敏", "role": "reporter"}]
    assert story["body"].startswith("凌晨五点，天还没亮，吉克阿木已经把当天要投递的 80 多件邮件装上了摩托车。")
    assert "本版图片" not in story["body"]


def test_a_column_label_between_stories_heads_an_item_of_its_own(processor):
    # 图片新闻 under the report: its captions and credit were the report's last paragraph.
    stories = process_page(processor, "wire_story_and_report_page.txt")
    assert stories[1]["body"].endswith("还能把猕猴桃寄出去。")
    assert stories[2]["body"] == "图①：投递员在十八洞村投递包裹。图②：村民在村邮站寄递猕猴桃。"
    assert stories[2]["is_photo"] and not stories[1]["is_photo"]  # 图①： is a caption as 图为 is
    assert ("李萍", "photographer") in [(a["name"], a["role"]) for a in stories[2]["authors"]]


def test_the_spaced_last_line_of_a_justified_paragraph_is_text_not_a_column_label():
    # 把握竞 / 争 优 势: four characters spaced out, like a label (动 态), but after text that
    # runs on; it was dropped as page furniture.
    from pipeline.split import Splitter

    page = "要看到发展空间，把握竞\n\n争 优 势\n\n1.加大考核力度，强化\n\n发展导向。\n"
    (story,) = Splitter().split(page).stories
    assert "把握竞争优势" in story.body.replace("\n", "")


def test_the_text_after_a_continued_from_marker_is_the_story_s_not_a_headline(processor):
    # （上接第一版）各级邮政企业要: the marker's line is as wide as the column, and its text
    # runs on; read alone it was short, taken for a headline with its next line as the deck,
    # and lost (a continuation takes no headline).
    stories = process_page(processor, "continued_story_page.txt")
    assert stories[0]["is_continuation"]
    assert stories[0]["body"] == "各级邮政企业要坚持问题导向，把普遍服务的短板补齐补强。"
    assert stories[0]["authors"][0] == {"name": "孙丽", "role": "reporter"}
    assert stories[1]["title"] == "“邮票上的家乡”主题展开幕"


def test_a_photo_credit_inside_a_story_closes_the_caption_not_the_story(processor):
    # 图为… / 本报记者 杨洁 摄 between two paragraphs: the credit closed the story, and its
    # last paragraph and closing credit made a story of their own without a headline.
    stories = process_page(processor, "story_with_photo_page.txt")
    assert [story["title"] for story in stories] == ["邮路上的“守护者”", "邮储银行推出“乡村振兴贷”"]
    lines = stories[0]["body"].splitlines()
    assert lines[-2:] == ["图为李小华在独龙江乡投递邮件。", "“再难走的路，也要把邮件送到群众手中。”李小华说。"]
    assert [(a["name"], a["role"]) for a in stories[0]["authors"]] == [
        ("杨洁", "reporter"), ("杨洁", "photographer"), ("和春明", "correspondent")
    ]


def test_a_reposted_article_s_original_title_line_is_not_its_title(processor):
    # 原标题：… over the article's own title: it was the title, and the title and the date and
    # source line were body text. 点击图片查看大图 is the site's furniture.
    (story,) = process_page(processor, "reposted_article.txt")
    assert story["title"] == "江西邮政：打通农村寄递“最后一公里”"
    assert (story["published_date"], story["source_name"]) == ("2023-08-15", "江西日报")
    assert story["authors"] == [{"name": "刘芳", "role": "author"}, {"name": "李军", "role": "author"}]
    assert story["body"].startswith("【编者按】农村寄递物流体系建设")
    assert "原标题" not in story["body"] and "点击图片" not in story["body"]
    assert story["body"].endswith("力争年底前实现快递服务建制村全覆盖。")


def test_a_speech_of_short_paragraphs_under_numbered_headings_is_one_article(processor):
    # Fewer than half its lines end a sentence (the headings do not), and no paragraph is wider
    # than a PDF column: it was read as a newspaper page, reflowed (一、2022年工作回顾过去一年)
    # and cut into four stories at its headings.
    (story,) = process_page(processor, "speech_with_sections.txt")
    assert story["title"] == "在全省邮政工作会议上的讲话"
    assert story["published_date"] == "2023-01-10"
    lines = story["body"].splitlines()
    assert "一、2022年工作回顾" in lines and "（二）深化协同发展" in lines
    assert lines[-1].startswith("同志们，让我们更加紧密地团结")


def test_a_linked_logo_heading_above_the_article_s_heading_is_not_its_headline(processor):
    # <h1><a>中国邮政</a></h1> over <h2>邮储银行…</h2>: the logo was the title, and the headline
    # and the date/source line were body text.
    (story,) = process_page(processor, "logo_heading_page.html")
    assert story["title"] == "邮储银行湖北省分行助力春耕生产"
    assert (story["published_date"], story["source_name"]) == ("2023-03-14", "湖北省分行")
    assert story["body"].startswith("春耕时节，邮储银行湖北省分行积极发挥")


def test_a_bold_title_in_the_table_row_above_the_date_row_is_the_headline(processor):
    # An old site's layout: the title a <b> in a row of its own, the author and date in the next.
    # The title was dropped (the <title> says only 本站新闻).
    raw = (PAGES / "table_rows_article.html").read_text(encoding="utf-8").encode("gbk")
    (story,) = processor.process("table_rows_article.html", raw)
    assert story["title"] == "贵州邮政开通黔货出山寄递专线"
    assert story["published_date"] == "2022-11-08"
    assert story["authors"] == [{"name": "刘洋", "role": "author"}]
    assert story["body"].startswith("11月5日，贵州省邮政分公司开通")


def test_a_short_first_line_under_a_headlines_byline_opens_the_story(processor):
    # 在青溪县东部的柏树 under 本报记者 梁明远: short, unpunctuated, it was read as a headline
    # line of its own, matched no story, and was lost.
    first, second = process_page(processor, "byline_then_short_first_line.txt")
    assert (first["title"], first["subtitle"]) == ("山里通了邮路", "青溪县新开三条乡村邮路")
    assert first["authors"] == [{"name": "梁明远", "role": "reporter"}]
    assert first["body"].startswith("在青溪县东部的柏树湾，每周三趟的邮车")
    assert second["title"] == "邮储网点上新"


def test_a_heading_classed_as_the_logo_is_not_the_headline(processor):
    # <title> names only the site; <h1 class="site-logo"> above a headline in a classed <div>
    # had been taken for the title, the headline pushed into the body.
    (story,) = process_page(processor, "logo_class_heading_page.html")
    assert story["title"] == "青溪县邮政开通茶叶寄递专线"
    assert story["authors"] == [{"name": "宋晓光", "role": "author"}]
    assert story["body"].startswith("4月1日，青溪县邮政分公司开通春茶寄递专线")
    assert "青溪邮政" not in story["body"].splitlines()


def test_a_forum_thread_reposting_an_article(processor):
    # A Discuz thread: its type in brackets before the subject, the post's time beside the
    # forum's buttons (发表于 … | 只看该作者), the forum's edit note and the poster's profile.
    (story,) = process_page(processor, "forum_repost_thread.html")
    assert (story["kicker"], story["title"]) == ("本地新闻", "青溪邮路上的新邮车")
    assert story["published_date"] == "2024-03-12"
    assert story["source_name"] == "青溪日报"
    for furniture in ("只看该作者", "本帖最后由", "注册时间"):
        assert furniture not in story["body"]
    assert story["body"].endswith("一趟就能把沿线各村的包裹送到。")


def test_a_newspaper_page_written_as_markdown_is_cut_into_its_stories(processor):
    # A PDF-to-Markdown tool's page: a story under each # heading (its deck a ## heading, its
    # kicker a bold line above it), a column of briefs each led by a bold title and closed by a
    # credit. It had been one story.
    stories = process_page(processor, "markdown_newspaper_page.md")
    assert [(s["kicker"], s["title"], s["subtitle"]) for s in stories] == [
        (None, "青溪县邮政开通茶叶寄递专线", "县城至各产茶乡镇邮车增至每天两班"),
        (None, "柏树湾村邮站开业", None),
        (None, "城南邮储网点迁址", None),
        (None, "乡邮员技能比武举行", None),
        ("邮路随笔", "山路上的绿衣人", None),
    ]
    assert [[a["name"] for a in s["authors"]] for s in stories] == [["梁明远"], ["何志刚"], ["唐雪"], ["宋晓光"], ["林晓岚"]]
    assert stories[0]["body"].endswith("首日收寄茶叶包裹四百余件。")
    assert stories[1]["body"] == "日前，柏树湾村邮站在村委会旁开业，村民寄取快递不再出村。"
    assert stories[4]["body"].startswith("清晨五点，乡邮员何志刚")


def test_a_heading_over_the_h1_and_a_dashed_deck_under_it(processor):
    # <h3> over <h1> over <h4>——…: the kicker had been dropped as the page's, above its headline.
    (story,) = process_page(processor, "kicker_over_headline_page.html")
    assert (story["kicker"], story["title"], story["subtitle"]) == (
        "二十年风雨无阻", "山路上的绿衣人", "记青溪县柏树湾乡邮员何志刚",
    )
    assert story["source_name"] == "青溪日报"
    assert story["body"].startswith("清晨五点，乡邮员何志刚")


def test_a_photo_credited_to_a_unit_closes_its_caption(processor):
    # （…供图）: a photo supplied by a unit; it had been taken for the next headline, the
    # spaced-out headline above it lost.
    stories = process_page(processor, "photo_page_unit_credit.txt")
    assert [story["title"] for story in stories] == ["雪中送邮进山村", "冰雪“邮”局"]
    assert stories[1]["is_photo"]
    assert stories[1]["body"] == "1月5日，青溪县邮政分公司在城南公园开设冰雪主题邮局，游客可以购买主题明信片并加盖纪念戳。"


def test_a_bulletins_bracketed_column_label_and_distribution_list_are_furniture(processor):
    # 【工作动态】 over the column's items had been glued to the first one's title; the
    # distribution list at the foot (报：… 送：… 发：…, （共印30份）) had made a story.
    stories = process_page(processor, "bulletin_labels_and_distribution.txt")
    assert [story["title"] for story in stories] == ["乡邮员技能比武举行", "城南邮储网点迁址"]
    assert stories[1]["body"].endswith("方便下班的居民办理业务。")


def test_a_headline_set_vertically_is_read_as_one_line(processor):
    # One character a line (寻 / 访 / 山 / 中 / 邮 / 路): the headline had been cut into a title
    # of two and a story of the rest, its 文·图/ credit with them.
    stories = process_page(processor, "vertical_headline_page.txt")
    assert stories[0]["title"] == "寻访山中邮路"
    assert [a["name"] for a in stories[0]["authors"]][:1] == ["林晓岚"]
    assert stories[0]["body"].startswith("在青溪县柏树湾的大山深处")
    assert len(stories) == 2 and stories[1]["title"].endswith("什么是首日封")


def test_a_county_bulletin_from_a_word_document(processor):
    # Centred titles, paragraphs opened by ideographic indents, credits of a unit and a writer
    # at the right margin, the issuing office over the rule. The first paragraph's lines had
    # been read as decks under its title (commas), the credit as the next title's first line.
    stories = process_page(processor, "county_bulletin_layout.txt")
    assert [story["title"] for story in stories] == ["城南支局春季揽收实现开门红", "柏树湾邮政所获评县级文明窗口"]
    assert [[a["name"] for a in story["authors"]] for story in stories] == [["唐雪"], ["何志刚"]]
    assert stories[0]["body"].startswith("今年以来，城南支局组织揽投员走访沿街商户")
    assert stories[0]["body"].endswith("位居全县第一。")


@pytest.mark.parametrize(
    ("fields", "source"),
    [
        ("转自：青溪县人民政府网", "青溪县人民政府网"),  # a repost's label, as 转载自
        ("青溪日报　2024年03月02日（星期六）", "青溪日报"),  # the paper and its date, the weekday in brackets
    ],
)
def test_a_fields_line_under_the_title_is_no_text(processor, fields, source):
    text = (
        f"青溪邮政开通茶叶寄递专线\n{fields}\n4月1日，青溪县邮政分公司开通春茶寄递专线，茶农在家门口就能把新采的明前茶寄往全国各地。\n"
        "专线开通后，县城至各产茶乡镇的邮车由每天一班增加到两班，茶叶当天收寄、次日发运，首日即收寄茶叶包裹四百余件。\n"
    )
    (story,) = processor.process("article.txt", text.encode())
    assert story["source_name"] == source
    assert story["body"].startswith("4月1日，青溪县邮政分公司")


def test_a_credit_of_a_town_and_a_writer_closes_a_story(processor):
    # （城关 何志刚）: the town the writer files from, then the writer; it had stayed in the body.
    lines = ["青溪邮讯", "2025年3月6日", "", "柏树湾邮站开业", "日前，柏树湾村邮站在村委会旁开业，", "村民寄取快递不再出村。（城关 何志刚）",
             "", "城南邮储网点迁址", "城南邮储网点近日迁至新区商业街，", "营业时间延长至晚上七点。（唐雪）"]
    stories = processor.process("page.txt", "\n".join(lines).encode())
    assert [[a["name"] for a in story["authors"]] for story in stories] == [["何志刚"], ["唐雪"]]
    assert stories[0]["body"].endswith("村民寄取快递不再出村。")


def test_a_jump_head_over_its_marker_and_a_headline_broken_inside_a_quotation(processor):
    # The continued story's head right above （上接第1版） shares few words with its rest: it had
    # made a story of its own; the next headline, wrapped inside its quotation, was read as the
    # end of the story above (neither line balanced its marks).
    first, second = process_page(processor, "jump_head_and_broken_quote.txt")
    assert first["is_continuation"]
    assert "".join(first["title"].split()) == "青溪县乡村三级寄递体系覆盖全部行政村"
    assert first["body"].endswith("县里将推动服务站与便民缴费等功能融合。")
    assert second["title"] == "邮储银行推出“茶农专属信用贷”"
    assert second["authors"] == [{"name": "梁明远", "role": "reporter"}]


def test_paragraphs_indented_by_spaces_under_centred_headlines(processor):
    # pdftotext -layout: a paragraph's first line indented four columns, its clauses begun; it
    # had been read as a deck under the centred headline, the next line as the title.
    stories = process_page(processor, "layout_centred_heads_space_indents.txt")
    assert [story["title"] for story in stories] == ["城南支局开办跨境寄递专窗", "柏树湾乡邮员何志刚获评“最美邮递员”"]
    assert stories[0]["body"].startswith("3月4日，城南支局跨境寄递专窗正式开办")
    assert [[a["name"] for a in story["authors"]] for story in stories] == [["唐雪"], ["梁明远"]]


@pytest.mark.parametrize(
    ("sentence", "named", "not_named"),
    [
        # an ordinal and an attribute inside a hospital's name
        ("伤员被送往吉林大学第一附属医院救治。", "吉林大学第一附属医院", None),
        ("他在青岛大学附属医院工作。", "青岛大学附属医院", None),
        # 会同 joins two bodies acting together: no one name
        ("黄山市交通运输局会同黄山市邮政管理局开展检查。", "黄山市邮政管理局", "黄山市交通运输局会同黄山市邮政管理局"),
    ],
)
def test_an_organisations_name_holds_its_ordinal_and_attributes_not_a_joining_word(processor, sentence, named, not_named):
    (story,) = processor.process("sentence.txt", f"邮政服务进村入户\n{sentence}\n".encode())
    assert named in story["organizations"]
    assert not_named not in story["organizations"]


def test_a_mongolian_name_of_five_characters_in_a_byline(processor):
    # 额尔敦其木格: given-name elements read as one name; past four characters it was no name.
    text = (
        "草原深处的流动邮局\n□记者 额尔敦其木格　通讯员 巴图\n"
        "初冬的草原寒风凛冽。一辆越野车驶出旗政府所在地的镇子，向百公里外的牧区开去，车上装满了牧民网购的冬衣和药品。\n"
        "驾车的是旗邮政分公司投递员特木尔，这条邮路他已经跑了十一年，每周往返两次，从没误过班。\n"
    )
    (story,) = processor.process("article.txt", text.encode())
    assert story["authors"] == [{"name": "额尔敦其木格", "role": "reporter"}, {"name": "巴图", "role": "correspondent"}]


def test_a_page_of_letters_each_closed_by_its_signature(processor):
    # Signatures set against the right margin (place, 读者 or a job, then the name) close each
    # letter; a question may be a letter's title. They had run together as one story.
    stories = process_page(processor, "reader_letters_page.txt")
    assert [story["title"] for story in stories] == ["邮差送回了我的旧相册", "村里的快递点能否晚点关门？", "给乡邮员点个赞"]
    assert [[a["name"] for a in story["authors"]] for story in stories] == [["李秀英"], ["王德明"], ["张国华"]]
    assert stories[1]["body"].endswith("方便大家下班后取件。")


def test_a_features_subheads_of_up_to_fourteen_characters_are_its_sections(processor):
    # Short headline lines in a row under a story its reporter's byline opened, none of its parts
    # with a credit or opener of its own: section heads; 分拣机器人一小时分两万件 (12) had made a
    # story of its own.
    (story,) = process_page(processor, "feature_with_subheads.txt")
    assert story["title"] == "一张面单背后的服务之变"
    assert story["authors"] == [{"name": "梁明远", "role": "reporter"}]
    assert "分拣机器人一小时分两万件" in story["body"].splitlines()
    assert story["body"].endswith("提前调配人员和车辆。")


def test_a_news_app_s_article_saved_as_text_keeps_its_tabs_buttons_and_related_list_out(processor):
    # The app's tabs over the headline, its outlet alone over the date and account line, its
    # buttons and a related list with read counts and an ad under the text: one element a line.
    text = (
        "首页\n推荐\n热点\n\n邮政快递进景区 游客买完特产当场寄回家\n\n楚南晚报\n2024-05-02 09:41·楚南晚报官方帐号\n+ 关注\n\n"
        "楚南晚报记者 罗敏 通讯员 胡涛\n\n"
        "五一假期，某县古镇景区游客服务中心旁新设了一处邮政寄递点，游客买完特产可以当场打包寄回家。\n\n"
        "寄递点负责人介绍，开业三天已收寄包裹两千余件，以腊肉、茶叶和竹编工艺品为主。\n\n"
        "为方便游客，寄递点延长了营业时间，每天早八点到晚九点都有工作人员收寄，还提供免费的包装材料。\n\n"
        "“东西买多了拎着走不动，在这里寄回去，到家第二天就能收到。”来自外省的游客说。\n\n"
        "（来源：楚南晚报）\n\n举报\n评论 12\n\n相关推荐\n古镇夜游人气旺\n楚南晚报 · 3.4万阅读 · 2024-04-30\n"
        "广告\n品质楼盘火热认筹中\n某某置业 · 广告\n\n下载APP\n"
    )
    (story,) = processor.process("app_copy.txt", text.encode())
    assert story["title"] == "邮政快递进景区 游客买完特产当场寄回家"
    assert story["published_date"] == "2024-05-02" and story["source_name"] == "楚南晚报"
    assert [(a["name"], a["role"]) for a in story["authors"]] == [("罗敏", "reporter"), ("胡涛", "correspondent")]
    paragraphs = story["body"].splitlines()
    assert paragraphs[0].startswith("五一假期") and paragraphs[-1].startswith("“东西买多了")


def test_a_yi_name_of_a_clan_name_and_a_given_name_is_one_credit(processor):
    # 马海 is a Yi clan name: 马海拉则 is one person, not 马海 and 拉则 credited side by side.
    text = "山里的包裹当天到\n记者 曲木阿果 摄影 马海拉则\n昭觉县邮政分公司开通了新的邮路，山里的包裹当天就能送到。\n"
    (story,) = processor.process("yi.txt", text.encode("utf-8"))
    assert story["authors"] == [
        {"name": "曲木阿果", "role": "reporter"}, {"name": "马海拉则", "role": "photographer"},
    ]
