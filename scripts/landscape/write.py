"""Write generated files: only those whose bytes changed, atomically, removing what is no longer produced.

Writing nothing when nothing changed is what keeps `mkdocs serve` from rebuilding
in a loop, and atomic replacement means a reader never sees half a file.
"""

from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass, field
from pathlib import Path


@dataclass
class WriteReport:
    """What a sync did, as paths relative to the folder it was given."""

    written: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    unchanged: int = 0


def sync_folder(folder: Path, files: dict[str, bytes], report: WriteReport | None = None) -> WriteReport:
    """Make `folder` hold exactly `files` (relative path -> bytes), touching only what differs."""
    report = report or WriteReport()
    for relative, content in sorted(files.items()):
        target = folder / relative
        if target.is_file() and target.read_bytes() == content:
            report.unchanged += 1
            continue
        write_atomic(target, content)
        report.written.append((folder / relative).as_posix())
    if folder.is_dir():
        expected = {folder / relative for relative in files}
        for path in sorted(folder.rglob("*"), reverse=True):  # children before their folders
            if path.is_file() and path not in expected:
                path.unlink()
                report.removed.append(path.as_posix())
            elif path.is_dir() and not any(path.iterdir()):
                path.rmdir()
    return report


def write_atomic(target: Path, content: bytes) -> None:
    """Replace `target` with `content` in one step (write a temporary file beside it, then rename)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(content)
        os.chmod(temporary, 0o644)
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
