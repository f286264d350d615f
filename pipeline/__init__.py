"""postal-ingest: files of Chinese postal news in, Avro stories and dead letters out.

The data's path: ``decode`` (bytes to Unicode text) -> ``clean`` (markup and spam
out) -> ``split`` (one page into stories) -> ``extract`` (fields), composed in
``process``. ``beam`` wires those plain-Python stages into an Apache Beam pipeline.
"""

__version__ = "0.1.0"
