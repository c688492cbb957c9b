"""The embedded store's lasting state token: what a cache kept on disk beside the store is keyed by.

The token is the audit trail's head, ``"<sequence>-<entry hash>"`` (see ``history``): every write path of
``LocalStore`` adds its trail entry in the same transaction or generation as the change, so the sequence is a
persistent write counter and the hash (chained over every earlier entry) names the whole history of writes. A
crash leaves the old data with the old token or the new data with the new one, and the token survives a
restart, unlike the RocksDB files' names and sizes (``web.storestate.files_stamp``), which change when the
store is merely reopened. Writes that leave nothing behind (a validation's scratch graph, dropped before the
command ends) add no entry and need none. A write that bypasses compgraph (pyoxigraph or RocksDB directly) is
invisible to the token, as it is to the audit trail.

May import: ``history`` and ``store``.
"""

from __future__ import annotations

from compgraph.graph import history
from compgraph.graph.store import GraphStore, LocalStore


def state_token(store: GraphStore) -> str | None:
    """The store's lasting state token; None for a store without an audit trail (a remote endpoint)."""
    if not isinstance(store, LocalStore):
        return None
    seq, digest = history.head(store.oxigraph)
    return f"{seq}-{digest}"
