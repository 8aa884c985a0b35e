"""camket: commitment registers from Vietnamese speech transcripts.

Importing the package does no I/O and loads no model; see `pipeline.run`
for the stages and `pipeline.cli` for the command line.
"""

__version__ = "0.1.0"
