"""Graphviz's SVG made fit to inline in a page and to restyle with CSS.

Contract of the output (the site's CSS, script and tests rely on it):
- no XML prolog, comments or Graphviz <title> elements (those would fill the search
  index with node names); a localized <title> and <desc> instead, named by
  aria-labelledby / aria-describedby;
- each linked table cell is a <g id="ls-tool-<id>"> (main membership),
  <g id="ls-also-<category>-<id>"> (secondary membership), <g id="ls-heading-<category>">
  or <g id="ls-more-<category>">, holding one <a href> (SVG 2, not xlink:href) whose aria-label (and xlink:title)
  gives the tool's name, licence, model, deployment and status; cells that are not links
  (legend keys, lane names) hold no <a>;
- lane bands, box backgrounds and box borders (shapes outside cells) carry the classes `frames` gives;
- tool cells and legend keys carry classes `model-<model> deploy-<deployment> status-<status>`;
  inside them the fill polygon has class `ls-fill`, the border `ls-border`, and the
  licensing model's glyph is a <text class="ls-mark">;
- the root keeps Graphviz's width and height (1 pt per CSS px) so the standalone file opens at
  full size; the page's CSS scales the inline copy to its column.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET

from .i18n import plural
from .model import Catalog

SVG_NS = "http://www.w3.org/2000/svg"
XLINK_NS = "http://www.w3.org/1999/xlink"
ET.register_namespace("", SVG_NS)
ET.register_namespace("xlink", XLINK_NS)
_G, _A, _TEXT, _TITLE = (f"{{{SVG_NS}}}{tag}" for tag in ("g", "a", "text", "title"))
_XLINK_TITLE, _XLINK_HREF = f"{{{XLINK_NS}}}title", f"{{{XLINK_NS}}}href"
# Graphviz names the group of a table cell with ID "x" "a_x".
_CELL_PREFIX = "a_"


def clean_svg(svg: str, lang: str, strings: dict, catalog: Catalog, frames: dict[str, dict[str, str]]) -> str:
    """The inline-ready <svg> element for `lang` (see the module's contract).

    `frames` gives, for "fill" and for "stroke", the class of the shapes outside
    cells painted in a colour: lane bands, box backgrounds and box borders, which
    dark mode restyles.
    """
    root = ET.fromstring(svg)
    for parent in root.iter():
        for child in [c for c in parent if c.tag == _TITLE]:
            parent.remove(child)
    classes = _cell_classes(catalog)
    for group in root.iter(_G):
        cell_id = group.get("id", "")
        if cell_id.startswith(_CELL_PREFIX):
            _mark_cell(group, cell_id.removeprefix(_CELL_PREFIX), classes)
    for shape in root.iter():
        if shape.tag.endswith(("polygon", "path")) and "class" not in shape.attrib:
            kind = frames["fill"].get(shape.get("fill", "")) or frames["stroke"].get(shape.get("stroke", ""))
            if kind:
                shape.set("class", kind)
    counts = {"tools": plural(strings["tools_count"], len(catalog.tools), lang),
              "categories": plural(strings["categories_count"], len(catalog.categories), lang)}
    title = ET.Element(_TITLE, id=f"ls-title-{lang}")
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


def _cell_classes(catalog: Catalog) -> dict[str, str]:
    """Classes of every cell id that shows a tool or a legend key."""
    classes = {}
    for tool in catalog.tools:
        encoding = f"model-{tool.model} deploy-{tool.deployment} status-{tool.status}"
        classes[f"ls-tool-{tool.id}"] = f"ls-tool {encoding}"
        for category in tool.also_in:
            classes[f"ls-also-{category}-{tool.id}"] = f"ls-tool ls-secondary {encoding}"
    return classes


def _mark_cell(group: ET.Element, cell_id: str, classes: dict[str, str]) -> None:
    """Give a table cell's group its id, classes and accessible name."""
    group.set("id", cell_id)
    kind = classes.get(cell_id) or _key_class(cell_id)
    if kind:
        group.set("class", kind)
    for shape in group.iter():
        if shape.tag.endswith(("polygon", "path", "polyline")):
            shape.set("class", "ls-border" if shape.get("fill") == "none" else "ls-fill")
    texts = list(group.iter(_TEXT))
    if texts and ("model-" in (kind or "")):
        texts[0].set("class", "ls-mark")
    link = group.find(_A)
    if link is None:
        return
    if link.get(_XLINK_HREF):
        # SVG 2's plain href, which crawlers and HTML tools read (Lighthouse flags xlink:href alone).
        link.set("href", link.attrib.pop(_XLINK_HREF))
        link.set("aria-label", link.get(_XLINK_TITLE, ""))
    else:  # Graphviz wraps a cell with a TITLE but no HREF in an <a>: not a link, so not an <a>
        index = list(group).index(link)
        group.remove(link)
        for offset, child in enumerate(link):
            group.insert(index + offset, child)


def _key_class(cell_id: str) -> str:
    """Classes of a legend key (ls-key-model-open-source -> "ls-key model-open-source"), or of a link."""
    for kind in ("model", "deploy", "status"):
        prefix = f"ls-key-{kind}-"
        if cell_id.startswith(prefix):
            return f"ls-key {kind}-{cell_id.removeprefix(prefix)}"
    for kind in ("heading", "more", "caption", "lane"):
        if cell_id.startswith(f"ls-{kind}-"):
            return f"ls-{kind}"
    return ""
