"""The graph: where data comes from and where it is kept.

Owns the namespaces, the location of the shipped files (``paths``), the stores (the interface all speak, ``storebase``;
embedded Oxigraph, ``store``, and remote SPARQL 1.1 servers, ``remote``, with the embedded store's write bookkeeping in
``writes``, the audit trail in ``history``, whose head is the store's lasting state token, ``storestate``, rdflib's
SPARQL parser called so it keeps no caller alive, ``sparqlparse``, what each in-place write removed and added in
``deltas``, and its snapshots in ``snapfiles``, read back as stores by ``snapshots``; what those servers do differently,
``dialects``), the catalog loaders that turn YAML / SSSOM / RDF files into RDF (``catalog``) and the build that loads
them as named graphs with their provenance (``build``); evidence added by people (``evidence``), and the bytes of
evidence fetched from a web address, behind the server's address guard (``urlfetch``); how a duration reads to people,
for the browser and the CLI alike (``durations``); the private SQLite file the browser's pages and the canned answers
are kept in under a store state (``keptfile``); objects a later process goes on from, kept as owner-only files read
back by a restricted unpickler (``keptpickle``).

May import: nothing else in compgraph. Every other stage builds on this one.
"""
