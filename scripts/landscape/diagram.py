"""The landscape diagram: phases as lanes, categories as boxes, tools as linked nodes.

Built with pygraphviz, whose wheels bundle Graphviz, so no system install is
needed. The layout is deterministic: nodes and clusters are added in catalog
order, one font is named, and Graphviz's version comment is dropped.

Node links are relative to a page one level below the language root (the
overview `landscape/` and the chapter page `mlops-tools/` both are), so one SVG
serves every page that embeds it and the standalone file beside it.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass

import pygraphviz

from .i18n import plural
from .model import Catalog, Category, Tool

FONT = "DejaVu Sans"
# A landscape of thousands of nodes is not a picture anyone can read (nor lay out quickly): each
# category shows at most NODE_BUDGET / categories tools, between 4 and 15, then a "+N more" node.
NODE_BUDGET = 300
MOST_PER_CATEGORY, LEAST_PER_CATEGORY = 15, 4
COLUMNS = 2  # tools per row inside a category box of a phase lane
SPANNING_COLUMNS = 12  # tools per row in the end-to-end lane, which runs under all the others
LINK_PREFIX = "../landscape/"

# Light-mode colours (PNG, standalone SVG); the site's CSS restyles the inline SVG by class for dark mode.
MODEL_FILL = {
    "open-source": "#c8e6c9",
    "open-core": "#bbdefb",
    "source-available": "#ffe0b2",
    "proprietary": "#e0e0e0",
}
DEPLOYMENT_STYLE = {
    "self-managed": {"style": "filled", "peripheries": "1"},
    "managed": {"style": "filled,dashed,rounded", "peripheries": "1"},
    "both": {"style": "filled", "peripheries": "2"},
}

MAX_PNG_PIXELS = 3_000_000  # a legible download and a sane Open Graph image, quick to draw at any size
SVG_NS = "http://www.w3.org/2000/svg"
XLINK_NS = "http://www.w3.org/1999/xlink"
ET.register_namespace("", SVG_NS)
ET.register_namespace("xlink", XLINK_NS)


@dataclass(frozen=True)
class Diagram:
    """One language's diagram in every form the site offers."""

    svg: str  # inline-ready <svg> element with a localized title and description
    png: bytes
    dot: str


def render_diagram(catalog: Catalog, lang: str, strings: dict) -> Diagram:
    """Lay out and render the landscape for `lang`, labels from `strings`."""
    graph = build_graph(catalog, lang, strings)
    graph.layout(prog="dot")
    svg = graph.draw(format="svg").decode("utf-8")
    return Diagram(svg=clean_svg(svg, lang, strings, catalog), png=_png(graph), dot=graph.string())


def _png(graph: pygraphviz.AGraph) -> bytes:
    """The laid-out graph as a PNG of at most MAX_PNG_PIXELS pixels (96 dpi when it fits)."""
    _, _, width, height = (float(n) for n in re.split(r"[ ,]", graph.graph_attr["bb"]))
    dpi = min(96.0, 72 * (MAX_PNG_PIXELS / (width * height)) ** 0.5)
    return graph.draw(format="png", args=f"-Gdpi={dpi:.1f}")


def build_graph(catalog: Catalog, lang: str, strings: dict) -> pygraphviz.AGraph:
    """The graph: one lane per phase, a box per category, a node per tool (in its main category)."""
    graph = pygraphviz.AGraph(directed=True, strict=True, name="landscape")
    graph.graph_attr.update(
        rankdir="TB", bgcolor="transparent", fontname=FONT, fontsize="13",
        nodesep="0.12", ranksep="0.18", pad="0.1", id="ls-graph", label="",
    )
    graph.node_attr.update(
        shape="box", fontname=FONT, fontsize="11", width="1.5", height="0.3", margin="0.08,0.04", color="#37474f",
        penwidth="1",
    )
    graph.edge_attr.update(style="invis")

    lane_bottoms: list[str] = []  # the last node of each lane
    spanning = []
    for phase in catalog.phases:
        categories = [c for c in catalog.categories if c.phase == phase.id]
        if phase.spans_all:
            spanning.append((phase, categories))
            continue
        lane = _add_lane(graph, phase, lang)
        above: list[str] = []
        for category in categories:
            top_row, last = _add_category(graph, lane, catalog, category, lang, strings, columns=COLUMNS)
            _place_below(graph, above, top_row)  # categories of a lane stack vertically
            above = [last]
        lane_bottoms += above

    # The end-to-end lane sits under all the others and stretches across them.
    above_rows = lane_bottoms
    for phase, categories in spanning:
        lane = _add_lane(graph, phase, lang)
        for category in categories:
            top_row, last = _add_category(graph, lane, catalog, category, lang, strings, columns=SPANNING_COLUMNS)
            _place_below(graph, above_rows, top_row)
            above_rows = [last]

    _add_legend(graph, lang, strings, above_rows)
    return graph


def _add_lane(graph, phase, lang: str):
    return graph.add_subgraph(name=f"cluster_phase_{phase.id}", label=_label(phase.name[lang]),
                              id=f"ls-phase-{phase.id}", **{"class": "ls-phase"}, style="rounded",
                              color="#90a4ae", fontsize="14", margin="10")


def _place_below(graph, above: list[str], row: list[str]) -> None:
    """Invisible edges that put every node of `row` under every node of `above`."""
    for upper in above:
        for lower in row:
            graph.add_edge(upper, lower)


def _add_category(graph, lane, catalog: Catalog, category: Category, lang: str, strings: dict, columns: int):
    """Add a category box with its tools in a grid; return its top row and its last node."""
    tools = [t for t in catalog.tools_in(category.id) if t.category == category.id]
    box = lane.add_subgraph(name=f"cluster_{category.id}", label=_label(category.name[lang]),
                            id=f"ls-category-{category.id}", **{"class": "ls-category"}, style="rounded",
                            color="#b0bec5", fontsize="12", URL=f"{LINK_PREFIX}{category.id}/",
                            tooltip=_label(category.name[lang]), target="_self")
    most = max(LEAST_PER_CATEGORY, min(MOST_PER_CATEGORY, NODE_BUDGET // len(catalog.categories)))
    shown: list[Tool] = tools if len(tools) <= most else tools[: most - 1]
    names = []
    for tool in shown:
        box.add_node(tool.id, **_tool_attributes(tool, category, lang, strings))
        names.append(tool.id)
    if len(shown) < len(tools):
        more = f"more-{category.id}"
        box.add_node(more, label=_label(plural(strings["more_tools"], len(tools) - len(shown), lang)),
                     URL=f"{LINK_PREFIX}{category.id}/", id=f"ls-more-{category.id}", **{"class": "ls-more"},
                     style="rounded,dotted", shape="box", target="_self")
        names.append(more)
    if not names:
        empty = f"empty-{category.id}"
        box.add_node(empty, label="", shape="point", style="invis", width="0.01")
        names.append(empty)
    columns = min(columns, len(names))
    for i in range(len(names) - columns):
        graph.add_edge(names[i], names[i + columns])  # grid: each node above the one a row below
    return names[:columns], names[-1]


def _tool_attributes(tool: Tool, category: Category, lang: str, strings: dict) -> dict[str, str]:
    model = strings["models"][tool.model]
    deployment = strings["deployments"][tool.deployment]
    return {
        "label": _wrap(_label(tool.name[lang])),
        "URL": f"{LINK_PREFIX}{category.id}/#{tool.id}",
        "tooltip": _label(f"{tool.name[lang]}: {model}, {deployment}"),
        "target": "_self",
        "id": f"ls-tool-{tool.id}",
        "class": f"ls-tool model-{tool.model} deploy-{tool.deployment}",
        "fillcolor": MODEL_FILL[tool.model],
        **DEPLOYMENT_STYLE[tool.deployment],
    }


def _add_legend(graph, lang: str, strings: dict, above: list[str]) -> None:
    legend = graph.add_subgraph(name="cluster_legend", label=_label(strings["legend"]), id="ls-legend",
                                **{"class": "ls-legend"}, style="rounded", color="#90a4ae", fontsize="12")
    names = []
    for model, fill in MODEL_FILL.items():
        name = f"legend-model-{model}"
        legend.add_node(name, label=_label(strings["models"][model]), fillcolor=fill, style="filled",
                        id=f"ls-legend-{model}", **{"class": f"ls-key model-{model}"})
        names.append(name)
    for deployment, style in DEPLOYMENT_STYLE.items():
        name = f"legend-deploy-{deployment}"
        legend.add_node(name, label=_label(strings["deployments"][deployment]), fillcolor="#ffffff",
                        id=f"ls-legend-{deployment}", **{"class": f"ls-key deploy-{deployment}"}, **style)
        names.append(name)
    _place_below(graph, above, names[:4])
    for a, b in zip(names[:4], names[4:], strict=False):  # four models over three deployments
        graph.add_edge(a, b)


def _wrap(label: str, width: int = 22) -> str:
    """Break a long label into centred lines ("\\n" in Graphviz) at spaces, `width` characters at most."""
    lines: list[str] = []
    for word in label.split(" "):
        if lines and len(lines[-1]) + 1 + len(word) <= width:
            lines[-1] += " " + word
        else:
            lines.append(word)
    return "\\n".join(lines)


def _label(text: str) -> str:
    """Graphviz reads backslash escapes (\\N, \\G, \\l) in labels: keep catalog text literal."""
    return text.replace("\\", "\\\\")


def clean_svg(svg: str, lang: str, strings: dict, catalog: Catalog) -> str:
    """Make Graphviz's SVG fit to inline in a page.

    Drops the XML prolog, comments and Graphviz's <title> elements (they would
    fill the search index with node names), makes it scale to its container,
    and gives it a localized <title> and <desc> for screen readers.
    """
    root = ET.fromstring(svg)
    for parent in root.iter():
        for child in [c for c in parent if c.tag == f"{{{SVG_NS}}}title"]:
            parent.remove(child)
    for attribute in ("width", "height"):
        root.attrib.pop(attribute, None)
    counts = {"tools": len(catalog.tools), "categories": len(catalog.categories)}
    title = ET.Element(f"{{{SVG_NS}}}title", id=f"ls-title-{lang}")
    title.text = strings["diagram_title"]
    desc = ET.Element(f"{{{SVG_NS}}}desc", id=f"ls-desc-{lang}")
    desc.text = strings["diagram_desc"].format(**counts).strip()
    root.insert(0, desc)
    root.insert(0, title)
    root.set("class", "ls-diagram")
    root.set("aria-labelledby", f"ls-title-{lang}")
    root.set("aria-describedby", f"ls-desc-{lang}")
    root.set("lang", lang)
    root.set("preserveAspectRatio", "xMidYMin meet")
    return ET.tostring(root, encoding="unicode")
