"""The running-text character model that shortlists lost bytes (pipeline/decode/runningtext.py)."""

import collections

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pipeline.decode.runningtext import RunningTextModel
from pipeline.decode.textmodel import TextModel


@pytest.fixture(scope="module")
def running():
    return RunningTextModel(TextModel())


@pytest.mark.parametrize(
    ("likely", "unlikely"),
    [
        ("8月11日", "8有11日"),  # across digits, where the dictionary knows no bigram
        ("个性化产品", "个性化了品"),  # both segment into dictionary words
        ("退役军人", "这役军人"),
        ("都要加快建设", "都要求快建设"),  # 要求 is the commoner word; 要加快 the commoner phrase
    ],
)
def test_running_text_prefers_what_news_text_says(running, likely, unlikely):
    assert running.logp(likely) > running.logp(unlikely)


def test_the_character_two_back_counts(running):
    # 人民币 is a word, 公民币 none: a bigram model would score 币 alike after both.
    assert running.transition_logp("人民", "币") > running.transition_logp("民", "币") > running.transition_logp("公民", "币")


def test_likely_neighbours_come_from_running_text(running):
    # 了 makes no dictionary word with 短, but follows it in running text (缩短了); so does
    # 的 (短的); 了 ends figures and clauses before a full stop or a digit.
    assert {"了", "的"} <= set(running.likely_neighbours("短", ""))
    assert "了" in running.likely_neighbours("", "。")


def test_traditional_text_scores_as_its_simplified_form(running):
    assert running.logp("郵政網點") == pytest.approx(running.logp("邮政网点"))


def test_whitespace_is_not_free(running):
    # PDF text spaces out characters: spaces do not part neighbours, but a space chosen
    # for a lost byte must cost what a space costs, or it would win every choice.
    assert running.logp("研 究 部 署") == pytest.approx(running.logp("研究部署") + 3 * running.transition_logp("", " "))
    assert running.transition_logp("作", "。") > running.transition_logp("作", "\u3000")


def test_unknown_characters_back_off_to_the_dictionary_model(running):
    # An ideograph neither source knows, after a character the corpus knows.
    assert running.transition_logp("的", "\U0002a6a5") < running.transition_logp("的", "人")


@given(
    left=st.text(alphabet="邮政局 \n的人網,8", max_size=4),
    chars=st.lists(st.sampled_from(list("政局的人網\u3000 ,。8a\U0002a6a5鍒") + ["\ufffd"]), min_size=2, max_size=12),
    right=st.text(alphabet="政務 \n。.网点", max_size=4),
)
@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_insertion_logps_differ_as_the_whole_contexts_do(running, left, chars, right):
    # A lost byte's choices are ranked by the transitions into and out of each: the differences
    # between choices must be those of scoring left + choice + right whole, as far as the
    # first character of right.
    scored = right.lstrip(" \n")
    right = right[:len(right) - len(scored) + 1]
    whole = [running.logp(left + ch + right) for ch in chars]
    local = running.insertion_logps(left, chars, right)
    for ch_whole, ch_local in zip(whole, local, strict=True):
        assert ch_whole - whole[0] == pytest.approx(ch_local - local[0], abs=1e-9)


def test_line_ends_favour_sentence_ends_as_far_as_the_document_does(running):
    def gap(intact: str) -> float:
        ends = running.line_ends(collections.Counter(intact))
        return ends.lift("。") - ends.lift("、")

    # The news corpus's paragraphs end a sentence; with no line end of its own seen, so
    # does a document. A document whose lines end in sentences says so more firmly; one
    # whose lines break after clauses too (PDF columns) less.
    assert gap("") > 2.0
    assert gap("。。。。。。！？”。") > gap("") > gap("务的，进设、建行，发")
    assert running.line_ends(collections.Counter()).lift("完") == running.line_ends(collections.Counter()).lift("家")


def test_within_a_kind_of_mark_the_corpus_says_which_ends_paragraphs(running):
    # "如下：" ends a paragraph before a list; a comma does not end one.
    assert running.end_mark_lift("：") > running.end_mark_lift("，") + 2.0
    assert running.end_mark_lift("。") > running.end_mark_lift("、")


def test_no_line_starts_with_a_clause_or_sentence_end(running):
    assert running.line_start_lift("，") < running.line_start_lift("》") < running.line_start_lift("“") - 3.0
    assert running.line_start_lift("\u3000") == 0.0  # an indent: the line's text has not started
    heads = running.line_head_lift("为", "\u3000\u3000") + running.line_head_lift("》", "")
    assert running.line_starts_logp("\u3000\u3000为进\n》。x") == pytest.approx(heads)
    assert heads == pytest.approx(running.line_start_lift("》") + running.line_start_lift("为") + running.line_head_lift("", "\u3000\u3000"))


def test_digits_are_one_class(running):
    # A January corpus writes 1月 and 于1月 far more often than 7月 and 于7月: which digit
    # comes is no business of the characters around it.
    assert running.transition_logp("7", "月") == running.transition_logp("1", "月")
    assert running.transition_logp("于", "7") == running.transition_logp("于", "1")
    assert running.transition_logp("8", "月") > running.transition_logp("8", "有") + 5.0


def test_an_indent_is_two_ideographic_spaces(running):
    pair = running.line_head_lift("\u3000", "\u3000")
    assert pair > 5.0
    assert running.line_head_lift("《", "\u3000") < pair
    assert running.line_head_lift("", "\u3000\u3000") == pair == running.line_head_lift("\u3000", "", indent_before="\u3000")
    assert running.line_head_lift("\u3000", "\u3000\u3000") == 0.0


def test_no_line_ends_with_an_opening_mark(running):
    # The typesetting rule: not even a line of print, broken anywhere, ends in “ or （.
    pdf_column = running.line_ends(collections.Counter("务的进设建行发务的进设建行发，、"))
    assert pdf_column.lift("“") < pdf_column.lift("、") - 3.0
    assert pdf_column.lift("（") < pdf_column.lift("发") - 3.0
