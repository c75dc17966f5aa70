"""The source chapter's tools (catalog/chapter.yml): checked against the catalog, and shown as a table.

The course chapter this site grew from named seventeen tools in six areas. The chapter page
lists them in a table generated here from the catalog, so the names, licences and status it
shows are always the catalog's current ones, and a tool that leaves the catalog is a located
error in chapter.yml rather than a dead link.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from .checks import did_you_mean, check_schema
from .model import Text, Tool
from .problems import Problem
from .source import Document

CHAPTER_FILE = "chapter.yml"  # in catalog/, optional
TABLE = "_chapter_tools.md"  # under docs/<lang>/landscape/, included by the chapter page


@dataclass(frozen=True)
class ChapterTool:
    tool: Tool
    chapter_name: str | None  # how the chapter called it, where that is no longer its name
    replaced: bool = False  # the chapter named another product, one this tool replaced


@dataclass(frozen=True)
class Area:
    """One section of the chapter and the tools it named."""

    name: Text
    tools: tuple[ChapterTool, ...]


def check_chapter(document: Document, schema_dir: Path, tools: dict[str, Tool]) -> list[Problem]:
    """Problems of chapter.yml: its shape, and tool ids that are not in the catalog."""
    problems = list(check_schema(document, schema_dir / "chapter.schema.json"))
    if not problems:
        problems += list(_unknown_ids(document, tools))
    return problems


def _unknown_ids(document: Document, tools: dict[str, Tool]) -> Iterator[Problem]:
    for i, area in enumerate(document.data["areas"]):
        for j, entry in enumerate(area["tools"]):
            if entry["id"] not in tools:
                where = document.where(("areas", i, "tools", j, "id"))
                yield Problem(document.file, where.line, where.column, f"areas[{i}].tools[{j}].id",
                              f"no tool has the id {entry['id']!r}", did_you_mean(entry["id"], sorted(tools), "ids"))


def build_chapter(document: Document, tools: dict[str, Tool]) -> tuple[Area, ...]:
    """The chapter's areas, from a chapter.yml that passed `check_chapter`."""
    return tuple(Area(Text(**area["name"]),
                      tuple(ChapterTool(tools[t["id"]], t.get("chapter_name"), t.get("relation") == "replaced")
                            for t in area["tools"]))
                 for area in document.data["areas"])
