"""Build the decode stage's Chinese text model from jieba's dictionary.

Run with the dev venv:  python pipeline/decode/data/build_textmodel.py
Writes, next to this script:
  charfreq.tsv  char<TAB>count    (every character of jieba's dict.txt, weighted by word frequency)
  bigrams.tsv   ab<TAB>count      (in-word character bigrams with count >= MIN_BIGRAM, from
                                  common words: proper nouns (tags nr/ns/nt/nz) are left to
                                  jieba's word model at run time)
Each word is counted in simplified form and in OpenCC s2t, s2tw and s2hk forms (their
variant choices differ: 爲/為, 裏/裡), so the model scores traditional text (Big5 sources,
spam mirrors) without converting it first.
"""

import collections
import os
from pathlib import Path

import jieba
import opencc

MIN_BIGRAM = 20  # keeps bigrams.tsv near 1.5 MB; rarer bigrams add little evidence
PROPER_NOUN_TAGS = {"nr", "ns", "nt", "nz", "nrt", "nrfg"}


def main() -> None:
    dict_path = Path(jieba.__file__).with_name("dict.txt")
    words = []
    for line in dict_path.read_text(encoding="utf-8").splitlines():
        word, freq, *tag = line.split(" ")
        words.append((word, int(freq), tag[0] in PROPER_NOUN_TAGS if tag else False))
    joined = "\n".join(word for word, _, _ in words)
    variants = [opencc.OpenCC(config).convert(joined).split("\n") for config in ("s2t", "s2tw", "s2hk")]
    chars: collections.Counter = collections.Counter()
    bigrams: collections.Counter = collections.Counter()
    for (word, freq, proper), *traditional in zip(words, *variants, strict=True):
        for form in {word, *traditional}:
            for ch in form:
                chars[ch] += freq
            if not proper:
                for a, b in zip(form, form[1:]):
                    bigrams[a + b] += freq
    out = Path(__file__).resolve().parent
    with open(out / "charfreq.tsv", "w", encoding="utf-8") as f:
        f.write(f"# built by {os.path.basename(__file__)} from jieba {jieba.__version__} dict.txt\n")
        for ch, count in chars.most_common():
            if ch.isprintable() and not ch.isspace():
                f.write(f"{ch}\t{count}\n")
    with open(out / "bigrams.tsv", "w", encoding="utf-8") as f:
        f.write(f"# built by {os.path.basename(__file__)}; in-word bigrams with count >= {MIN_BIGRAM}\n")
        for pair, count in bigrams.most_common():
            if count < MIN_BIGRAM:
                break
            if pair.isprintable() and not any(ch.isspace() for ch in pair):
                f.write(f"{pair}\t{count}\n")


if __name__ == "__main__":
    main()
