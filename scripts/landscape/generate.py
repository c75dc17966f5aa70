"""The pipeline from catalog to page files: load -> check -> render -> write.

Plain Python with no MkDocs import: the MkDocs hook, the command line, the
benchmark and the tests all go through `Generator` (or `generate`, its one-shot form).
"""

from __future__ import annotations

import datetime as dt
import threading
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from .changes import FOLDER as CHANGES_DIR
from .changes import render_changes
from .diagram import Diagram, render_diagram
from .exports import OUTPUT_DIR as DATA_DIR
from .exports import COLUMNS_TABLE as DATA_TABLE
from .exports import render_data_table, render_exports
from .explore import PAGES as CHOOSING_PAGES
from .fields import TABLE as FIELDS_TABLE
from .fields import render_fields_table
from .explore import render_choosing_pages
from .load import load_catalog
from .model import LANGS, Catalog
from .chapter import TABLE as CHAPTER_TABLE
from .render import OUTPUT_DIR, PageCache, load_strings, render_chapter_table, render_pages
from .write import WriteReport, sync_folder

SCHEMA_OUTPUT = "schema"  # docs/schema/: the JSON Schemas, published with the site for editors
# Under docs/, all git-ignored: the landscape, the pages for choosing, the changes, the published schemas
# and the data exports.
GENERATED_DIRS = (*(f"{lang}/{folder}" for lang in LANGS for folder in (OUTPUT_DIR, *CHOOSING_PAGES, CHANGES_DIR)),
                  SCHEMA_OUTPUT, DATA_DIR)


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


@dataclass
class Generator:
    """Regenerates every page, diagram and schema copy from the catalog.

    It remembers what it read, drew and rendered, so a second `run` (say, after
    one tool file changed under `mkdocs serve`) parses only the changed file,
    redraws the diagram only if what it shows changed (a name, category, model,
    deployment, status or licence),
    and re-renders only the pages that show the changed tool.
    `edit_base` (e.g. "https://github.com/o/r/edit/main/") adds an edit link to
    each tool's entry.
    """

    project: Project
    edit_base: str | None = None
    site_url: str = ""  # the published site's address, for the canonical links of redirect pages
    _files: dict = field(default_factory=dict, repr=False)
    _diagrams: dict[str, tuple[object, Diagram]] = field(default_factory=dict, repr=False)
    _pages: PageCache = field(default_factory=dict, repr=False)
    _written: dict = field(default_factory=dict, repr=False)  # see write.Known
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)
    catalog: Catalog | None = field(default=None, repr=False)  # what the last run generated from

    def run(self, today: dt.date | None = None) -> WriteReport:
        """Generate; raise CatalogError, before writing anything, when the catalog has problems."""
        with self._lock:  # a server may ask from two threads; the caches are not shared-safe
            return self._run(today)

    def _run(self, today: dt.date | None) -> WriteReport:
        # 1. Load and check: every problem in every file, or a typed catalog.
        today = today or dt.date.today()
        catalog = load_catalog(self.project.catalog, today=today, cache=self._files)

        # 2. Render everything in memory, so a failure here leaves the old files alone.
        outputs: dict[Path, dict[str, bytes]] = {self.project.docs / DATA_DIR: render_exports(catalog)}
        for lang in LANGS:
            diagram = self._diagram(catalog, lang)
            outputs[self.project.docs / lang / OUTPUT_DIR] = render_pages(
                catalog, lang, diagram, self.edit_base, cache=self._pages, site_url=self.site_url, today=today)
            choosing = {**render_choosing_pages(catalog, lang), **render_changes(catalog, lang, self.site_url)}
            for name, content in choosing.items():
                folder, file = name.split("/", 1)
                outputs.setdefault(self.project.docs / lang / folder, {})[file] = content
            outputs[self.project.docs / lang / OUTPUT_DIR][FIELDS_TABLE] = render_fields_table(
                self.project.catalog / "schema" / "tool.schema.json", lang)
            outputs[self.project.docs / lang / OUTPUT_DIR][DATA_TABLE] = render_data_table(
                catalog, lang, outputs[self.project.docs / DATA_DIR])
            if catalog.chapter:
                outputs[self.project.docs / lang / OUTPUT_DIR][CHAPTER_TABLE] = render_chapter_table(catalog, lang)
        self.catalog = catalog
        outputs[self.project.docs / SCHEMA_OUTPUT] = {
            schema.name: schema.read_bytes() for schema in sorted((self.project.catalog / "schema").glob("*.json"))
        }

        # 3. Write only what changed; remove what the catalog no longer produces.
        report = WriteReport()
        for folder, files in outputs.items():
            sync_folder(folder, files, report, known=self._written)
        return report

    def _diagram(self, catalog: Catalog, lang: str) -> Diagram:
        """The landscape for `lang`, redrawn only when what it shows has changed."""
        shown = (catalog.phases, catalog.categories,
                 tuple((t.id, t.name, t.categories, t.model, t.deployment, t.status, t.license) for t in catalog.tools))
        hit = self._diagrams.get(lang)
        if hit is None or hit[0] != shown:
            hit = (shown, render_diagram(catalog, lang, load_strings()[lang]))
            self._diagrams[lang] = hit
        return hit[1]


@cache
def generator_for(project: Project, edit_base: str | None = None, site_url: str = "") -> Generator:
    """The one Generator of this process for a project, so that a long-running server keeps its caches."""
    return Generator(project, edit_base, site_url)


def generate(project: Project, *, edit_base: str | None = None, today: dt.date | None = None) -> WriteReport:
    """Generate once, from scratch (see Generator)."""
    return Generator(project, edit_base).run(today)
