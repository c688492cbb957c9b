"""``ondisk.keep_json``: the files kept beside a store to save work next time (incremental validation's rows, the
report's last save) are written whole or not at all, private to the store's owner."""

from __future__ import annotations

import json
import stat
from pathlib import Path

from compgraph.graph import ondisk


def test_a_kept_file_is_written_whole_and_private(tmp_path: Path) -> None:
    path = tmp_path / "cache" / "kept.json"
    assert ondisk.keep_json(path, {"rows": [1, 2, 3]})
    assert json.loads(path.read_text()) == {"rows": [1, 2, 3]}
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700


def test_a_second_write_replaces_the_first_and_leaves_no_temporary_file(tmp_path: Path) -> None:
    path = tmp_path / "cache" / "kept.json"
    ondisk.keep_json(path, {"n": 1})
    ondisk.keep_json(path, {"n": 2})
    assert json.loads(path.read_text()) == {"n": 2}
    assert sorted(p.name for p in path.parent.iterdir()) == ["kept.json"]


def test_a_folder_that_cannot_be_made_gives_false(tmp_path: Path) -> None:
    blocker = tmp_path / "cache"
    blocker.write_text("a file where the folder would go")
    assert not ondisk.keep_json(blocker / "kept.json", {"n": 1})
    assert blocker.read_text() == "a file where the folder would go"
