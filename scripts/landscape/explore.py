"""The pages for choosing: explore (every tool, filterable), compare (tools side by side) and stats.

Each page is complete HTML without JavaScript; docs/assets/explore.js filters and counts the
explore table (the text filter reads explore/search.json, loaded when a reader first types: the
descriptions would otherwise be most of the page's weight) and docs/assets/compare.js fills the
comparison from compare/tools.json. Facet values are ids, the same in both languages, so a filtered
address works in either language.
Templates are HTML with autoescaping: catalog text is escaped wherever it lands.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass
from functools import partial

from .checks import fold
from .families import FAMILIES, licence_family
from .i18n import long_date, long_month_or_date, medium_date, plural
from .model import Catalog, Tool
from .render import html_environment, load_strings

TOOL_PAGE = "../landscape/tools/{id}/"  # a tool's page, from a page one level below the language root
PAGES = ("explore", "compare", "stats")  # folders under docs/<lang>/, all generated


@dataclass(frozen=True)
class Row:
    """One tool as the explore table shows it."""

    tool: Tool
    phases: tuple[str, ...]  # of every category it belongs to
    phase_name: str
    category_name: str
    licence: str
    family: str
    search: str  # names, former names and descriptions in both languages, without accents or case


def render_choosing_pages(catalog: Catalog, lang: str) -> dict[str, bytes]:
    """The explore, compare and stats pages of one language, keyed by path under docs/<lang>/."""
    s = load_strings()[lang]
    rows = [_row(catalog, tool, lang, s) for tool in catalog.tools]
    common = {"catalog": catalog, "lang": lang, "s": s, "plural": partial(plural, lang=lang),
              "medium_date": partial(medium_date, lang=lang), "tool_href": tool_href}
    env = html_environment()
    return {
        "explore/index.md": env.get_template("explore.md.j2").render(
            rows=rows, facets=_facets(catalog, rows, s, lang), **common).encode("utf-8"),
        "explore/search.json": _json({row.tool.id: row.search for row in rows}),
        "compare/index.md": env.get_template("compare.md.j2").render(**common).encode("utf-8"),
        "compare/tools.json": _json(_compare_data(catalog, rows, lang, s)),
        "stats/index.md": env.get_template("stats.md.j2").render(charts=_charts(catalog, rows, s, lang),
                                                                  changes=_licence_changes(catalog), **common
                                                                  ).encode("utf-8"),
    }


def _json(data: dict) -> bytes:
    """Compact JSON for the browser, keys sorted (the same catalog gives the same bytes)."""
    return json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode("utf-8")


def tool_href(tool: Tool) -> str:
    return TOOL_PAGE.format(id=tool.id)


def _row(catalog: Catalog, tool: Tool, lang: str, s: dict) -> Row:
    main = catalog.category(tool.category)
    phases = tuple(dict.fromkeys(catalog.category(c).phase for c in tool.categories))
    phase = next(p for p in catalog.phases if p.id == main.phase)
    # Both languages' words: a filtered address gives the same tools in either language.
    text = " ".join((tool.name.es, tool.name.en, *tool.former_names, tool.description.es, tool.description.en))
    return Row(tool, phases, phase.name[lang], main.name[lang],
               s["proprietary"] if tool.license == "proprietary" else tool.license,
               licence_family(tool.license), fold(text))


@dataclass(frozen=True)
class Facet:
    key: str
    label: str
    options: tuple[tuple[str, str, int], ...]  # (value, label, tools with it), in display order; only values some tool has


def _facets(catalog: Catalog, rows: list[Row], s: dict, lang: str) -> list[Facet]:
    used = {key: Counter() for key in ("phase", "category", "model", "family", "deployment", "status")}
    for row in rows:  # the counts with no filter on, as explore.js would compute them
        used["phase"].update(set(row.phases))
        used["category"].update(set(row.tool.categories))
        used["model"][row.tool.model] += 1
        used["family"][row.family] += 1
        used["deployment"][row.tool.deployment] += 1
        used["status"][row.tool.status] += 1
    every = {
        "phase": [(p.id, p.name[lang]) for p in catalog.phases],
        "category": [(c.id, c.name[lang]) for c in catalog.categories],
        "model": list(s["models"].items()),
        "family": [(f, s["families"][f]) for f in FAMILIES],
        "deployment": list(s["deployments"].items()),
        "status": list(s["statuses"].items()),
    }
    return [Facet(key, s["explore_facets"][key], tuple((*o, used[key][o[0]]) for o in options if used[key][o[0]]))
            for key, options in every.items()]


def _compare_data(catalog: Catalog, rows: list[Row], lang: str, s: dict) -> dict:
    """What compare.js needs: the row labels, and each tool's facts as display text in `lang`."""
    tools = {}
    for row in rows:
        tool = row.tool
        tools[tool.id] = {
            "name": tool.name[lang],
            "href": tool_href(tool),  # compare/ is as deep as explore/
            "facts": {
                "license": row.licence,
                "family": s["families"][row.family],
                "model": s["models"][tool.model],
                "deployment": s["deployments"][tool.deployment],
                "steward": tool.steward[lang],
                "status": s["statuses"][tool.status],
                "categories": ", ".join(catalog.category(c).name[lang] for c in tool.categories),
                "history": "; ".join(f"{long_month_or_date(c.date, lang)}: "
                                     + s["license_change_words"].format(old=c.old.en, new=c.new.en)
                                     for c in tool.license_changes) or "—",
                "checked": long_date(tool.checked, lang),
            },
            "links": [[s[key], url] for key, url in (("homepage", tool.homepage), ("repository", tool.repository),
                                                      ("docs", tool.docs)) if url],
        }
    labels = {key: s[f"compare_row_{key}"] for key in
              ("license", "family", "model", "deployment", "steward", "status", "categories", "history", "checked")}
    labels["links"] = s["col_links"]
    return {"labels": labels, "tools": tools}


@dataclass(frozen=True)
class Chart:
    id: str
    title: str
    bars: tuple[tuple[str, int], ...]  # (label, count)

    @property
    def most(self) -> int:
        return max((count for _, count in self.bars), default=0) or 1


def _charts(catalog: Catalog, rows: list[Row], s: dict, lang: str) -> list[Chart]:
    def chart(key: str, counts: Counter, labels: list[tuple[str, str]]) -> Chart:
        return Chart(key, s["stats_charts"][key], tuple((label, counts[value]) for value, label in labels
                                                         if counts[value]))
    main_phase = Counter(catalog.category(r.tool.category).phase for r in rows)
    members = Counter(c for r in rows for c in r.tool.categories)
    years = Counter(c.date[:4] for t in catalog.tools for c in t.license_changes)
    return [
        chart("phase", main_phase, [(p.id, p.name[lang]) for p in catalog.phases]),
        chart("category", members, [(c.id, c.name[lang]) for c in catalog.categories]),
        chart("model", Counter(r.tool.model for r in rows), list(s["models"].items())),
        chart("family", Counter(r.family for r in rows), [(f, s["families"][f]) for f in FAMILIES]),
        chart("deployment", Counter(r.tool.deployment for r in rows), list(s["deployments"].items())),
        chart("status", Counter(r.tool.status for r in rows), list(s["statuses"].items())),
        chart("changes", years, [(y, y) for y in sorted(years)]),
    ]


def _licence_changes(catalog: Catalog) -> list[tuple[str, Tool, str, str]]:
    """Every recorded licence change, newest first: (date, tool, from, to)."""
    changes = [(c.date, t, c.old.en, c.new.en) for t in catalog.tools for c in t.license_changes]
    return sorted(changes, key=lambda c: (c[0], c[1].id), reverse=True)
