"""Exchange: what leaves and enters the graph in the formats other GRC tools and auditors use.

Owns OSCAL export and import, the audit pack (graph snapshot, SHACL report, CSVs, evidence manifest,
human report as HTML and PDF, all under a SHA-256 manifest) and the Statement of Applicability.

May import: ``compgraph.graph``, ``compgraph.checks``, ``compgraph.questions``, ``compgraph.legal``.
"""
