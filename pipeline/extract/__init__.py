"""Stage 4, extract: the fields consumers query, from one story and its page.

Public interface: ``Extractor().extract(story, page_text) -> Fields``.
"""

from pipeline.extract.extractor import Author, Extractor, Fields, PlaceRef

__all__ = ["Author", "Extractor", "Fields", "PlaceRef"]
