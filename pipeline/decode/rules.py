"""Rule constants of the decode stage (kept apart from the logic that uses them)."""

# Log-probability priors for characters the jieba dictionary does not cover. Chinese
# punctuation makes up roughly a tenth of news text; the split below follows its usual mix.
PUNCTUATION_PRIOR = {
    "，": 0.045, "。": 0.025, "、": 0.012, "“": 0.008, "”": 0.008, "：": 0.004, "；": 0.003,
    "（": 0.003, "）": 0.003, "《": 0.002, "》": 0.002, "！": 0.001, "？": 0.001, "—": 0.001,
    "…": 0.001, "·": 0.0005, "‘": 0.0005, "’": 0.0005, "「": 0.0005, "」": 0.0005, "『": 0.0002,
    "』": 0.0002, "【": 0.0003, "】": 0.0003, "％": 0.0003, "〈": 0.0001, "〉": 0.0001,
    "～": 0.0001, "　": 0.001,
}
ASCII_PRIORS = {"alnum": 0.004, "space": 0.01, "punct": 0.002}
UNKNOWN_CJK_PRIOR = 2e-8  # an ideograph absent from the dictionary
OTHER_LETTER_PRIOR = 3e-6  # Latin-1 letters, kana, hangul...: plausible but not Chinese
SYMBOL_PRIOR = 1e-6
OTHER_SPACE_PRIOR = 1e-4  # NBSP, en/em spaces: layout, less likely than punctuation
PRIVATE_USE_PRIOR = 1e-12  # GB18030 user-defined areas: a sign of misread bytes
REPLACEMENT_PRIOR = 1e-11  # U+FFFD
CONTROL_PRIOR = 1e-13
CHOICE_WORD_COST = 3.0  # nats per word when choosing a lost character (favours words over single characters)
BIGRAM_WEIGHT = 0.6  # interpolation weight of the in-word bigram estimate

# A character counts as "common" (not suspicious) above this share of the dictionary mass.
COMMON_CHAR_SHARE = 2e-7

# P(second | first) for pairs of punctuation marks; other pairs get PUNCT_PAIR_DEFAULT
# (two marks in a row are rare except closing quotes/brackets after a sentence end).
PUNCT_PAIRS = {
    "。”": 0.2, "！”": 0.3, "？”": 0.3, "…”": 0.2, "，“": 0.1, "：“": 0.4, "”，": 0.25, "”。": 0.2,
    "”、": 0.1, "》，": 0.2, "》。": 0.1, "》、": 0.1, "），": 0.2, "）。": 0.1, "……": 0.9, "——": 0.9,
    "。“": 0.05, "”“": 0.05, "）“": 0.02, "。（": 0.02, "”（": 0.02, "》（": 0.02, "、“": 0.1,
}
PUNCT_PAIR_DEFAULT = 1e-4
# Half-width punctuation that some sites use in Chinese text, for the punctuation pairs.
ASCII_AS_FULLWIDTH = {",": "，", ";": "；", ":": "：", "!": "！", "?": "？", "(": "（", ")": "）"}
DOCUMENT_NGRAM_WEIGHT = 2.0  # nats per log-count of a bi/trigram seen elsewhere in the document
# Opening mark -> closing mark; a closing mark that matches an open one earns a bonus.
PAIRED_MARKS = {"“": "”", "‘": "’", "《": "》", "（": "）", "「": "」", "『": "』"}
MATCHED_MARK_BONUS = 1.5
# Nats for a lost character that closes a mark opened earlier on its line (“黔货出山” ending
# a line, where the context the models see ends at 黔), and against a closing mark that
# closes none (过程”, for 过程中, before a comma: ” and a comma are likely together).
PAIRED_MARK_WEIGHT = 5.0
# Single bytes >= 0x80 that a Windows reader of a two-byte code shows as a character where
# Python's reader fails: code page 936 shows 0x80 as € (UTF-8 read so: 銆€ for U+3000).
WINDOWS_SINGLE_BYTES = {"gb18030": {"€": 0x80}}
# What ends a sentence (closing marks with it) and what ends a clause, for line ends.
SENTENCE_END_MARKS = frozenset("。！？…”’）》」』!?)")
CLAUSE_END_MARKS = frozenset("，、；：,;:")
OPENING_MARKS = frozenset("“‘（《「『【〔(")  # by the typesetting rule, never at a line's end
# Of lines that start with an ideographic space, those indented by two (the convention).
INDENT_PAIR_SHARE = 0.9
# A character a repair knows it cannot tell (the one a UTF-16 file lost a byte of): written
# U+FFFD at the end, and until then a noncharacter, which the later repairs do not take for
# damage of their own (to the GBK misalignment repair a U+FFFD is a lost lead's trail).
LOST_CHARACTER = "\ufdd3"
