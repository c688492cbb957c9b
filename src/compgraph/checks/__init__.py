"""The checks: SHACL validation of structure and coverage.

Owns the report types (``report``: findings, outcomes, the saved report; ``reportiris``: the IRIs its results are
saved under, so a save writes only what changed), the fast SPARQL engine that
compiles shapes into queries run inside the store, the pySHACL reference engine, and ``validate``, which
chooses between them and saves the report in the store; ``incremental`` runs again only the queries a
change can affect (``sparqldeps`` reads what each query depends on), after triples were only added only for the
focus nodes they reach (``affected``), keeps the last run in memory beside its file (``lastrun``) and saves the
report in part (``reportpart``: the difference from the last save worked out in memory when the audit trail
vouches for it).

May import: ``compgraph.graph``.
"""
