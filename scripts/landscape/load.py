"""Load the catalog: read every file, check it, and build typed objects.

The loader is the validator: `load_catalog` either returns a Catalog that passed
every check or raises CatalogError listing every problem in every file. There is
no other way into the data, so `landscape check` and the site build cannot disagree.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from .checks import (Context, broken_fields, check_category_use, check_former_ids, check_issue_form, check_schema,
                     check_text, check_tool, check_unique)
from .chapter import CHAPTER_FILE, build_chapter, check_chapter
from .glossary import GLOSSARY, check_wording
from .model import Catalog, Category, Change, Package, Phase, Source, Text, Tool
from .problems import CatalogError, Problem
from .source import Document, read_yaml

CATEGORIES_FILE = "categories.yml"
ISSUE_FORM = ".github/ISSUE_TEMPLATE/new-tool.yml"  # beside catalog/, checked when present
TOOLS_DIR = "tools"
SCHEMA_DIR = "schema"


@dataclass(frozen=True)
class _Checked:
    """One tool file as it was last read: its bytes, what they were checked against, and the outcome."""

    raw: bytes
    context: tuple
    document: Document | None
    problems: list[Problem]
    tool: Tool | None


def load_catalog(catalog_dir: Path, *, today: dt.date | None = None, display_root: Path | None = None,
                 cache: dict[Path, _Checked] | None = None) -> Catalog:
    """Read `catalog_dir` (categories.yml, tools/*.yml) into a Catalog, or raise CatalogError.

    File names in problems are shown relative to `display_root` (default: the
    catalog's parent, so they read `catalog/tools/feast.yml`). A `cache` dict kept
    between calls lets a tool file whose bytes did not change skip parsing and checking.
    """
    today = today or dt.date.today()
    display_root = display_root or catalog_dir.parent
    schema_dir = catalog_dir / SCHEMA_DIR
    problems: list[Problem] = []
    cache = {} if cache is None else cache

    def read(path: Path) -> Document | None:
        document, found = read_yaml(path.read_bytes(), _display(path, display_root))
        problems.extend(found)
        return document if not found else None

    categories_doc = read(catalog_dir / CATEGORIES_FILE)
    phases, categories = [], []
    if categories_doc:
        found = list(check_schema(categories_doc, schema_dir / "categories.schema.json"))
        found += _check_category_links(categories_doc)
        problems.extend(found)
        if not found:
            phases, categories = _build_categories(categories_doc.data)
    glossary = catalog_dir / GLOSSARY
    context = Context([c.id for c in categories], today, glossary if glossary.is_file() else None)
    context_key = (tuple(context.category_ids), today, display_root,
                   glossary.read_bytes() if context.glossary else None)
    if categories_doc and context.glossary and not problems:
        problems.extend(check_wording(categories_doc, context.glossary))

    tools, valid = [], []
    paths = sorted((catalog_dir / TOOLS_DIR).glob("*.y*ml"))
    shown_dir = _display(catalog_dir / TOOLS_DIR, display_root)
    for path in paths:
        raw = path.read_bytes()
        checked = cache.get(path)
        if checked is None or checked.raw != raw or checked.context != context_key:
            checked = _check_tool_file(path, f"{shown_dir}/{path.name}", raw, context, schema_dir, context_key)
            cache[path] = checked
        problems.extend(checked.problems)
        if checked.document is not None:
            valid.append(checked.document)
        if checked.tool is not None:
            tools.append(checked.tool)
    for gone in set(cache) - set(paths):
        del cache[gone]
    problems.extend(check_unique(valid))
    problems.extend(check_former_ids(valid))
    if categories:
        problems.extend(check_category_use(categories_doc, valid, complete=len(valid) == len(paths)))

    form = catalog_dir.parent / ISSUE_FORM
    categories_valid = categories and not any(p.file == categories_doc.file for p in problems)
    if categories_valid and form.is_file():  # else the form would only echo the categories' problems
        form_doc = read(form)
        if form_doc:
            problems.extend(check_issue_form(form_doc, categories_doc.data["categories"]))

    chapter_doc = read(catalog_dir / CHAPTER_FILE) if (catalog_dir / CHAPTER_FILE).is_file() else None
    by_id = {tool.id: tool for tool in tools}
    if chapter_doc and len(tools) == len(paths):  # ids can be checked only once every tool file is read
        problems.extend(check_chapter(chapter_doc, schema_dir, by_id))

    if problems:
        raise CatalogError(problems)
    chapter = build_chapter(chapter_doc, by_id) if chapter_doc else ()
    return Catalog(tuple(phases), tuple(categories), tuple(sorted(tools, key=lambda t: t.name.en.casefold())), chapter)


def _check_tool_file(path: Path, shown_as: str, raw: bytes, context: Context, schema_dir: Path,
                     context_key: tuple) -> _Checked:
    """Parse and check one tool file; build its Tool when it has no problem."""
    document, found = read_yaml(raw, shown_as)
    if document is None or found:
        return _Checked(raw, context_key, None, found, None)
    if path.suffix != ".yml":
        problem = Problem(document.file, 1, 1, "", "tool files end in .yml", f"rename it to {path.stem}.yml")
        return _Checked(raw, context_key, None, [problem], None)
    found = list(check_schema(document, schema_dir / "tool.schema.json"))
    if not isinstance(document.data, dict):
        return _Checked(raw, context_key, None, found, None)
    broken = broken_fields(found) | ({"category", "also_in"} if not context.category_ids else set())
    found += check_tool(document, path.stem, context, broken)
    if context.glossary:
        found += check_wording(document, context.glossary)
    text = check_text(document)
    shadowed = {p.field for p in text}
    found = text + [p for p in dict.fromkeys(found) if p.field not in shadowed]  # each problem once
    return _Checked(raw, context_key, document, found, None if found else _build_tool(document))


def _display(path: Path, root: Path) -> str:
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return path.as_posix()


def _check_category_links(document: Document) -> list[Problem]:
    """Category and phase ids are unique, and every category names a known phase."""
    problems = []
    data = document.data
    phase_ids = [p["id"] for p in data["phases"]]
    for kind, items in (("phases", data["phases"]), ("categories", data["categories"])):
        seen = set()
        for i, item in enumerate(items):
            if item["id"] in seen:
                where = document.where((kind, i, "id"))
                problems.append(Problem(document.file, where.line, where.column, f"{kind}[{i}].id",
                                        f"id {item['id']!r} appears twice", "give each one its own id"))
            seen.add(item["id"])
    for i, category in enumerate(data["categories"]):
        if category["phase"] not in phase_ids:
            where = document.where(("categories", i, "phase"))
            problems.append(Problem(document.file, where.line, where.column, f"categories[{i}].phase",
                                    f"unknown phase {category['phase']!r}", f"phases: {', '.join(phase_ids)}"))
    return problems


def _build_categories(data: dict) -> tuple[list[Phase], list[Category]]:
    phases = [Phase(p["id"], Text(**p["name"]), p.get("spans_all", False)) for p in data["phases"]]
    order = {p.id: i for i, p in enumerate(phases)}
    categories = [Category(c["id"], c["phase"], Text(**c["name"]), Text(**c["description"]))
                  for c in data["categories"]]
    # Display order: by phase, then as written.
    categories.sort(key=lambda c: order[c.phase])
    return phases, categories


def _build_tool(document: Document) -> Tool:
    data = document.data
    note = data.get("license_note")
    return Tool(
        id=data["id"],
        file=document.file,
        name=_words(data["name"]),
        category=data["category"],
        also_in=tuple(data.get("also_in", ())),
        homepage=data["homepage"],
        repository=data.get("repository"),
        docs=data.get("docs"),
        license=data["license"],
        license_note=Text(**note) if note else None,
        changes=tuple(sorted((Change(str(c["date"]), c["kind"], str(c["from"]), str(c["to"]), c["source"])
                              for c in data.get("changes", ())), key=lambda c: c.date)),
        added=dt.date.fromisoformat(str(data["added"])),
        model=data["model"],
        deployment=data["deployment"],
        steward=_words(data["steward"]),
        status=data["status"],
        successor=data.get("successor"),
        former_names=tuple(data.get("former_names", ())),
        predecessors=tuple(data.get("predecessors", ())),
        packages=tuple(Package(index, p) if isinstance(p, str) else Package(index, p["name"], p["note"])
                       for index, names in data.get("packages", {}).items() for p in names),
        former_ids=tuple(data.get("former_ids", ())),
        description=Text(**data["description"]),
        checked=dt.date.fromisoformat(str(data["checked"])),
        sources=tuple(Source(s["url"], tuple(s["supports"]), s.get("secondary", False)) for s in data["sources"]),
    )


def _words(value: str | dict) -> Text:
    """A name or steward: one string for both languages, or {es: ..., en: ...}."""
    return Text(value, value) if isinstance(value, str) else Text(**value)
