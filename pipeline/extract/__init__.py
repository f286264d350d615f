"""Stage 4, extract: the fields consumers query, from one story and its page.

Public interface: ``Extractor().extract(story, page_text) -> Fields``.

One jieba pass per story (segmenter) feeds places, entities and keywords; dates, authors
and source read the byline lines; simhash hashes the body. ``simhash`` also exposes
``hamming_distance``, ``NEAR_DUPLICATE_MAX_DISTANCE`` and ``band_keys`` for the Beam
near-duplicate step.
"""

from pipeline.extract.extractor import Author, Extractor, Fields, PlaceRef

__all__ = ["Author", "Extractor", "Fields", "PlaceRef"]
