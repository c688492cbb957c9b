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
    if path.is_dir():
        raise ExchangeError(f"{path}: is a folder; name the file to write")
    if path.exists() and not path.is_file():
        # A device or pipe (--out /dev/null) is written into, never replaced: renaming over it made /dev/null a
        # regular file for every process on the machine when run as root.
        try:
            with path.open("wb") as fh:
                fh.write(data)
        except OSError as exc:
            raise ExchangeError(f"{path}: cannot write ({exc.strerror or exc})") from exc
        return
    try:
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".part")
    except OSError as exc:
        raise ExchangeError(f"{path}: cannot write in {path.parent} ({exc.strerror or exc})") from exc
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.replace(tmp, path)
    except OSError as exc:
        Path(tmp).unlink(missing_ok=True)
        raise ExchangeError(f"{path}: cannot write ({exc.strerror or exc})") from exc
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def sha256_bytes(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()
