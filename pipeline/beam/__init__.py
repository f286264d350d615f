"""Beam wiring: sources, DoFns, composite transforms and sinks around the plain-Python stages.

Nothing here transforms text; it only moves files and records between the stages of
``pipeline.process`` and the Avro outputs.
"""
