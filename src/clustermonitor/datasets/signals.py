"""A hook for whoever keeps an audit of imports (the web app does): sent by
`clustermonitor import` after a confirmed (not dry-run) import has committed, with
`path` (the dataset imported), `summary` (its ImportSummary), `replace` and `actor`
(the operating-system user who ran the command)."""

from django.dispatch import Signal

dataset_imported = Signal()
