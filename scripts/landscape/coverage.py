"""How the catalog covers what practitioners look for (catalog/coverage.yml): checked, and shown as a page.

The file maps every section of a few public MLOps lists to our categories, or says why the area is
out of scope, and names the tools a reader would expect that are left out on purpose, with the reason.
`landscape check` checks that lists, categories and names agree with the catalog; the coverage page
(docs/<lang>/coverage/) shows the mapping in both languages.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import partial
from pathlib import Path

from .checks import check_schema, did_you_mean, look, problem_at, url_problem
from .model import Catalog, Text, Tool
from .problems import Problem
from .render import html_environment, load_strings
from .source import Document

COVERAGE_FILE = "coverage.yml"  # in catalog/, optional
FOLDER = "coverage"  # docs/<lang>/coverage/


@dataclass(frozen=True)
class SourceList:
    id: str
    name: str
    url: str
    commit: str
    read: str


@dataclass(frozen=True)
class Area:
    list: str
    section: str
    categories: tuple[str, ...]  # empty when out of scope
    out_of_scope: Text | None


@dataclass(frozen=True)
class LeftOut:
    name: str
    category: str
    reason: Text


@dataclass(frozen=True)
class Coverage:
    lists: tuple[SourceList, ...]
    areas: tuple[Area, ...]
    left_out: tuple[LeftOut, ...]


def check_coverage(document: Document, schema_dir: Path, category_ids: list[str], tools: list[Tool]) -> list[Problem]:
    """Problems of coverage.yml: its shape; unknown lists and categories; a left-out tool that is in the catalog."""
    problems = list(check_schema(document, schema_dir / "coverage.schema.json"))
    if not problems:
        problems += list(_cross_checks(document, category_ids, tools))
    return problems


def _cross_checks(document: Document, category_ids: list[str], tools: list[Tool]) -> Iterator[Problem]:
    data = document.data
    list_ids = [item["id"] for item in data["lists"]]
    for i, item in enumerate(data["lists"]):
        found = url_problem(item["url"])
        if found:
            yield problem_at(document, ("lists", i, "url"), *found)
    for i, area in enumerate(data["areas"]):
        if area["list"] not in list_ids:
            yield problem_at(document, ("areas", i, "list"), f"no list has the id {area['list']!r}",
                      did_you_mean(area["list"], list_ids, "lists"))
        for j, category in enumerate(area.get("categories", [])):
            if category not in category_ids:
                yield problem_at(document, ("areas", i, "categories", j), f"unknown category {category!r}",
                          did_you_mean(category, category_ids, "categories"))
    names = {look(name): tool for tool in tools for name in (tool.name.en, tool.name.es, *tool.former_names)}
    for i, item in enumerate(data["left_out"]):
        if item["category"] not in category_ids:
            yield problem_at(document, ("left_out", i, "category"), f"unknown category {item['category']!r}",
                      did_you_mean(item["category"], category_ids, "categories"))
        tool = names.get(look(item["name"]))
        if tool:
            yield problem_at(document, ("left_out", i, "name"), f"{item['name']!r} is in the catalog ({tool.file})",
                      "remove it from `left_out`")


def build_coverage(document: Document) -> Coverage:
    """The coverage, from a coverage.yml that passed `check_coverage`."""
    data = document.data
    return Coverage(
        tuple(SourceList(i["id"], i["name"], i["url"], i["commit"], str(i["read"])) for i in data["lists"]),
        tuple(Area(a["list"], a["section"], tuple(a.get("categories", ())),
                   Text(**a["out_of_scope"]) if "out_of_scope" in a else None) for a in data["areas"]),
        tuple(LeftOut(i["name"], i["category"], Text(**i["reason"])) for i in data["left_out"]),
    )


def render_coverage(catalog: Catalog, lang: str) -> dict[str, bytes]:
    """The coverage page of one language, by path under docs/<lang>/; nothing when there is no coverage.yml."""
    coverage = catalog.coverage
    if coverage is None:
        return {}
    s = load_strings()[lang]
    page = html_environment().get_template("coverage.md.j2").render(
        catalog=catalog, coverage=coverage, lang=lang, s=s,
        areas_of=lambda source: [a for a in coverage.areas if a.list == source.id],
        left_out_in=lambda category: [i for i in coverage.left_out if i.category == category.id],
        count=partial(_count, coverage))
    return {f"{FOLDER}/index.md": page.encode("utf-8")}


def _count(coverage: Coverage, source: SourceList, covered: bool) -> int:
    return sum(1 for a in coverage.areas if a.list == source.id and bool(a.categories) == covered)
