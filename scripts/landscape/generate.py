"""The pipeline from catalog to page files: load -> check -> render -> write.

Plain Python with no MkDocs import: the MkDocs hook, the command line and the
tests all call `generate`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from .diagram import render_diagram
from .load import load_catalog
from .model import LANGS
from .render import OUTPUT_DIR, load_strings, render_pages
from .write import WriteReport, sync_folder

SCHEMA_OUTPUT = "schema"  # docs/schema/: the JSON Schemas, published with the site for editors


@dataclass(frozen=True)
class Project:
    """Where things are: the catalog to read and the docs folder to write into."""

    root: Path

    @property
    def catalog(self) -> Path:
        return self.root / "catalog"

    @property
    def docs(self) -> Path:
        return self.root / "docs"


def generate(project: Project, *, edit_base: str | None = None, today: dt.date | None = None) -> WriteReport:
    """Regenerate every page, diagram and schema copy from the catalog.

    Raises CatalogError, before writing anything, when the catalog has problems.
    `edit_base` (e.g. "https://github.com/o/r/edit/main/") adds an edit link to
    each tool's entry.
    """
    # 1. Load and check: every problem in every file, or a typed catalog.
    catalog = load_catalog(project.catalog, today=today)

    # 2. Render everything in memory, so a failure here leaves the old files alone.
    outputs: dict[Path, dict[str, bytes]] = {}
    for lang in LANGS:
        diagram = render_diagram(catalog, lang, load_strings()[lang])
        outputs[project.docs / lang / OUTPUT_DIR] = render_pages(catalog, lang, diagram, edit_base)
    outputs[project.docs / SCHEMA_OUTPUT] = {
        schema.name: schema.read_bytes() for schema in sorted((project.catalog / "schema").glob("*.json"))
    }

    # 3. Write only what changed; remove what the catalog no longer produces.
    report = WriteReport()
    for folder, files in outputs.items():
        sync_folder(folder, files, report)
    return report
