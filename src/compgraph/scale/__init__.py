"""Scale: synthetic organisations (``generate``) and the benchmarks that measure compgraph against its
baselines in the same run (``bench``).

May import: every other stage, the web app included (the bench times pages).
"""
