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


# What a sync wrote or found last time, per file: (mtime_ns, size, bytes). Kept by a caller between
# syncs, it lets a file whose bytes and stat are unchanged go unread: thousands of pages, one edit.
Known = dict[Path, tuple[int, int, bytes]]


def sync_folder(folder: Path, files: dict[str, bytes], report: WriteReport | None = None,
                known: Known | None = None) -> WriteReport:
    """Make `folder` hold exactly `files` (relative path -> bytes), touching only what differs."""
    report = report or WriteReport()
    known = {} if known is None else known
    for relative, content in sorted(files.items()):
        target = folder / relative
        if _unchanged(target, content, known.get(target)):
            report.unchanged += 1
            continue
        if target.is_file() and target.read_bytes() == content:
            report.unchanged += 1
        else:
            write_atomic(target, content)
            report.written.append((folder / relative).as_posix())
        stat = target.stat()
        known[target] = (stat.st_mtime_ns, stat.st_size, content)
    if folder.is_dir():
        expected = {str(folder / relative) for relative in files}  # strings: hashing thousands of Paths is slow
        for path in sorted(folder.rglob("*"), key=str, reverse=True):  # children before their folders
            if path.is_file() and str(path) not in expected:
                path.unlink()
                known.pop(path, None)
                report.removed.append(path.as_posix())
            elif path.is_dir() and not any(path.iterdir()):
                path.rmdir()
    return report


def _unchanged(target: Path, content: bytes, seen: tuple[int, int, bytes] | None) -> bool:
    """True when the last sync left `content` at `target` and the file has not been touched since."""
    if seen is None or not (seen[2] is content or seen[2] == content):
        return False
    try:
        stat = target.stat()
    except FileNotFoundError:
        return False
    return (stat.st_mtime_ns, stat.st_size) == seen[:2]


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
