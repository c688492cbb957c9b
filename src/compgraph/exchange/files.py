"""Writing exported files whole or not at all, and the digests the audit pack records."""

from __future__ import annotations

import hashlib
import os
import tempfile
from pathlib import Path


class ExchangeError(ValueError):
    """Bad input to an export or import; ``str()`` is one line naming the file, field or id."""


def write_atomic(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` through a temporary file in the same folder, so a failure leaves no half file."""
    path = Path(path)
    if not path.parent.is_dir():
        raise ExchangeError(f"{path}: folder {path.parent} does not exist")
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".part")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def sha256_bytes(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()
