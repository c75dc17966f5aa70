"""The landscape diagram: phases as lanes side by side, categories as boxes, tools as linked cells.

Built with pygraphviz, whose wheels bundle Graphviz, so no system install is
needed. The whole figure is ONE node whose HTML-like table label (figure.j2)
holds the title and legend, then the phase lanes side by side in one table row
(so they start on one line), then the lanes that span all phases; each category
is a nested table whose tools are a grid of cells, each cell a link with its own
id and tooltip. Graphviz sizes every cell from the font's metrics, so no label
is cut or overlaps another. (Measured against one node per tool held in a grid
by invisible edges, and against one table node per category: see README, "The
landscape diagram".)

Contract:
- the same catalog gives byte-identical SVG, PNG and DOT on one machine (catalog
  order, one named font, no Graphviz version comment);
- every membership of a category (main tools first, then tools that list it in
  `also_in`, under a caption) is a cell of its box, unless the catalog is too big
  for that: then each box shows what fits in NODE_BUDGET and a "+N more" cell, so
  shown + N always equals the count on the category page;
- node links are relative to a page one level below the language root (the
  overview `landscape/` and the chapter `mlops-tools/` both are, and so is the
  standalone `landscape/landscape.svg`); `node_href` is the one place that says
  where a tool's node leads.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import pygraphviz

from .card import render_card
from .diagram_svg import clean_svg
from .drawing import (DEPLOYMENT_BORDER, FONT, LEGEND_STATUSES, MODEL_FILL, MODEL_MARK, STATUS_STYLE, STYLE,
                      html_label, one_line, templates, wrap)
from .i18n import plural
from .model import Catalog, Category, Tool

LINK_PREFIX = "../landscape/"
# Classes of the frames, by the colour they are painted in, for dark mode (see diagram_svg.py).
FRAMES = {"fill": {STYLE["lane_fill"]: "ls-lane", STYLE["box_fill"]: "ls-box-fill"}, "stroke": {STYLE["box"]: "ls-box"}}
COLUMNS = 2  # tools per row in a box of a phase lane: four lanes of two columns fit 1,170 px
SPANNING_COLUMNS = 8  # tools per row in the end-to-end lane, which runs under all the others
WRAP = 16  # characters per line of a tool name
MAX_LINES = 3  # a longer name is cut with "…" (the tooltip has it whole)
# A landscape of thousands of tools is neither readable nor quick to lay out: when the catalog has
# more memberships than NODE_BUDGET, each box shows at most NODE_BUDGET / categories (at least
# LEAST_PER_CATEGORY) cells, the last one "+N more".
NODE_BUDGET = 400  # the real catalogue (about 350 memberships) shows whole
LEAST_PER_CATEGORY = 4

MAX_PNG_PIXELS = 16_000_000  # twice the display density for the real catalog; less for huge ones
PNG_DENSITY = 2  # PNG pixels per SVG point (CSS px at full size)


@dataclass(frozen=True)
class Diagram:
    """One language's diagram in every form the site offers."""

    svg: str  # inline-ready <svg> element with a localized title and description
    png: bytes  # the figure at twice its display density
    dot: str
    card: bytes  # the 1200 x 630 social card (card.py)


def node_href(tool: Tool) -> str:
    """Where a tool's node leads, relative to a page one level below the language root: the tool's own page."""
    return f"{LINK_PREFIX}tools/{tool.id}/"


def category_href(category: Category) -> str:
    return f"{LINK_PREFIX}{category.id}/"


def render_diagram(catalog: Catalog, lang: str, strings: dict) -> Diagram:
    """Lay out and render the landscape for `lang`, labels from `strings`."""
    graph = build_graph(catalog, lang, strings)
    graph.layout(prog="dot")
    svg = graph.draw(format="svg").decode("utf-8")
    return Diagram(svg=clean_svg(svg, lang, strings, catalog, FRAMES), png=_png(graph), dot=graph.string(),
                   card=render_card(catalog, lang, strings))


def _png(graph: pygraphviz.AGraph) -> bytes:
    """The laid-out graph at PNG_DENSITY pixels per point, or less when that exceeds MAX_PNG_PIXELS."""
    _, _, width, height = (float(n) for n in re.split(r"[ ,]", graph.graph_attr["bb"]))
    density = min(PNG_DENSITY, (MAX_PNG_PIXELS / (width * height)) ** 0.5)
    return graph.draw(format="png", args=f"-Gdpi={72 * density:.1f} -Gbgcolor=white")


def build_graph(catalog: Catalog, lang: str, strings: dict) -> pygraphviz.AGraph:
    """The graph: one node whose table label is the whole figure (see figure.j2)."""
    graph = pygraphviz.AGraph(directed=True, strict=True, name="landscape")
    graph.graph_attr.update(bgcolor="transparent", fontname=FONT, pad="0.05", id="ls-graph")
    graph.node_attr.update(shape="plain", fontname=FONT, fontsize=str(STYLE["tool_size"]))
    members = shown_members(catalog)
    lanes, spanning = [], []
    for phase in catalog.phases:
        columns = SPANNING_COLUMNS if phase.spans_all else COLUMNS
        boxes = [_box(c, members[c.id], lang, strings, columns) for c in catalog.categories if c.phase == phase.id]
        (spanning if phase.spans_all else lanes).append(
            {"id": phase.id, "name": phase.name[lang], "boxes": boxes, "filler": 0})
    _even_out(lanes)
    legend = _legend(strings)
    label = html_label("figure.j2", lanes=lanes, spanning=spanning, legend=legend,
                        legend_width=max(len(row["entries"]) for row in legend),
                        title=wrap(strings["diagram_title"], 24, 3))
    graph.add_node("landscape", label=label, id="ls-figure")
    return graph


@dataclass(frozen=True)
class Members:
    """What a category's box shows: main tools, tools also listed here, and how many are not shown."""

    main: tuple[Tool, ...]
    also: tuple[Tool, ...]
    hidden: int


def shown_members(catalog: Catalog) -> dict[str, Members]:
    """Every membership of every category, or, over NODE_BUDGET, each box's share of it."""
    total = sum(len(catalog.tools_in(c.id)) for c in catalog.categories)
    most = max(LEAST_PER_CATEGORY, NODE_BUDGET // max(1, len(catalog.categories)))
    shown = {}
    for category in catalog.categories:
        tools = catalog.tools_in(category.id)  # main members first
        keep = tools if total <= NODE_BUDGET or len(tools) <= most else tools[: most - 1]
        shown[category.id] = Members(main=tuple(t for t in keep if t.category == category.id),
                                     also=tuple(t for t in keep if t.category != category.id),
                                     hidden=len(tools) - len(keep))
    return shown


def _even_out(lanes: list[dict]) -> None:
    """Give shorter lanes a filler row, so that all lanes of the row are as tall as the tallest.

    Graphviz stretches a nested table to fill its cell by spreading the slack over
    every row, which would open gaps between the tools of the shorter lanes. So
    each lane is laid out on its own first, to learn its natural height.
    """
    if not lanes:
        return
    module = templates().get_template("_parts.j2").module
    probe = pygraphviz.AGraph(name="lanes")
    probe.node_attr.update(shape="plain", fontname=FONT, fontsize=str(STYLE["tool_size"]))
    for i, lane in enumerate(lanes):
        probe.add_node(f"lane{i}", label=one_line(f"<{module.lane(lane)}>"))
    probe.layout(prog="dot")
    heights = [float(probe.get_node(f"lane{i}").attr["height"]) * 72 for i in range(len(lanes))]
    for lane, height in zip(lanes, heights, strict=True):
        slack = max(heights) - height - STYLE["box_gap"]  # the filler row brings its own spacing
        lane["filler"] = f"{slack:.2f}" if slack >= 1 else 0


def _box(category: Category, members: Members, lang: str, strings: dict, columns: int) -> dict:
    """A category's box: its heading, its main tools, the tools also listed here, and "+N more"."""
    also = [_cell(t, f"ls-also-{category.id}-", lang, strings) for t in members.also]
    return {
        "id": category.id, "name": category.name[lang], "href": category_href(category), "columns": columns,
        "heading": wrap(category.name[lang], columns * STYLE["cell_width"] // 8, 2),
        "groups": [{"caption": "", "cells": [_cell(t, "ls-tool-", lang, strings) for t in members.main]},
                   {"caption": strings["diagram_also_here"], "cells": also}],
        "more": plural(strings["more_tools"], members.hidden, lang) if members.hidden else "",
    }


def _cell(tool: Tool, id_prefix: str, lang: str, strings: dict) -> dict:
    italic, struck, suffix = STATUS_STYLE[tool.status]
    border, dashed = DEPLOYMENT_BORDER[tool.deployment]
    return {
        "id": f"{id_prefix}{tool.id}", "href": node_href(tool), "title": tool_summary(tool, lang, strings),
        "lines": wrap(tool.name[lang], WRAP, MAX_LINES), "mark": MODEL_MARK[tool.model], "fill": MODEL_FILL[tool.model],
        "border": border, "dashed": dashed, "italic": italic, "struck": struck, "suffix": suffix,
    }


def tool_summary(tool: Tool, lang: str, strings: dict) -> str:
    """What hover and focus show: name, licence, model, deployment and status."""
    licence = strings["proprietary"] if tool.license == "proprietary" else tool.license
    return (f"{tool.name[lang]} · {strings['license']}: {licence} ({strings['models'][tool.model]}) · "
            f"{strings['deployments'][tool.deployment]} · {strings['status']}: {strings['statuses'][tool.status]}")


def _legend(strings: dict) -> list[dict]:
    """One legend row per encoding, in the page's language; each key is drawn like a tool cell."""
    def key(kind: str, value: str, text: str, **look) -> dict:
        return {"id": f"ls-key-{kind}-{value}", "href": "", "title": text, "lines": [text], "fill": "#ffffff",
                "border": 1, "dashed": False, "mark": "", "italic": False, "struck": False, "suffix": "", **look}

    models = [key("model", m, strings["models"][m], fill=MODEL_FILL[m], mark=MODEL_MARK[m]) for m in MODEL_FILL]
    deployments = [key("deploy", d, strings["deployments"][d], border=width, dashed=dashed)
                   for d, (width, dashed) in DEPLOYMENT_BORDER.items()]
    statuses = [key("status", group[0], " / ".join(strings["statuses"][s] for s in group),
                    **dict(zip(("italic", "struck", "suffix"), STATUS_STYLE[group[0]], strict=True)))
                for group in LEGEND_STATUSES]
    return [{"name": strings["model"], "entries": models}, {"name": strings["deployment"], "entries": deployments},
            {"name": strings["status"], "entries": statuses}]
