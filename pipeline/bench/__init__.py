"""Benchmarks that print figures (never pass/fail tests): the whole pipeline
against underthesea's `word_tokenize` (`pipeline`), batch throughput and memory
by worker count (`workers`). Nothing in the stages imports this package."""
