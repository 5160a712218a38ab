"""The shared kernel: what every core app (clusters, projects, budget, KPIs) builds on.

Refusals of a write (`errors`), the money column (`fields`), exact money sums in SQL
(`aggregates`) and the domain facts of stored rows (`facts`). It imports only Django
and `domain`, never an app, so no app depends on another through it.
"""
