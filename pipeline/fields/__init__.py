"""Commitment fields: who acts, with whom, what, by when, citing what, where.

spaCy components (`components`) over underthesea word tokens (`tokenizer`),
driven by the word lists and patterns of `lexicon`; `extract` is the pipeline
stage and builds the spaCy pipeline; `evaluate` scores the fields on a table.
The public spaCy entry points are re-exported by `pipeline.nlp`.
"""
