"""The commitment tracker: every register in one SQLite database, commitments linked across
conferences, statuses computed, a workbook and a Datasette site to browse it.

One job per module: `inputs` (transcripts and registers to per-document rows), `store`
(the SQLite schema and upserts), `link` (repeats / extends / reports_on), `status`
(statuses and threads), `add` (the `camket track add` job), `report` (the workbook),
`serve` (Datasette), `evaluate` (linking precision and recall on a gold file).
"""

DEFAULT_DB = "commitments.db"
