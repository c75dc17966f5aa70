"""How the figures look, shared by the diagram and the social card: font, sizes, colours, the
encodings' fills, glyphs and borders, and Graphviz HTML-like labels rendered from templates.

Labels are XML, and Graphviz still expands its escapes (\\N, \\G, ...) inside them, in
text and in attributes (a character reference does not stop it): the template environment
escapes every value for XML and doubles each backslash, which Graphviz reads back as one,
so catalog text is always text.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import jinja2
from markupsafe import Markup, escape

FONT = "DejaVu Sans"  # one named font: Graphviz measures labels with it, and the site's CSS asks for it
TEMPLATES = Path(__file__).parent / "templates" / "diagram"

# Sizes in points; the SVG is drawn 1 pt = 1 CSS px, and a page that shows it at full width
# (about 1,170 px at 1,280 px) scales it by about 1, so every text renders at about 12 px or more.
STYLE = {
    "tool_size": 12, "mark_size": 12, "caption_size": 12, "lane_size": 15, "title_size": 20,
    "cell_width": 120, "spacing": 2, "padding": 2, "box_gap": 6, "lane_gap": 4, "lane_padding": 4, "title_gap": 24,
    "box": "#78909c", "border": "#37474f", "box_fill": "#ffffff", "lane_fill": "#eceff1",
}

# The licensing model is a fill colour AND a glyph, so it reads in greyscale and without colour vision.
MODEL_FILL = {"open-source": "#c8e6c9", "open-core": "#bbdefb", "source-available": "#ffe0b2", "proprietary": "#e0e0e0"}
MODEL_MARK = {"open-source": "●", "open-core": "◐", "source-available": "◇", "proprietary": "■"}
# Deployment is the cell's border, (width, dashed): thin solid, thick dashed, or thick solid for both.
DEPLOYMENT_BORDER = {"self-managed": (1, False), "managed": (2, True), "both": (2, False)}
# Status is the name's type and a suffix, (italic, struck through, suffix); active tools are plain.
STATUS_STYLE = {
    "active": (False, False, ""),
    "limited-maintenance": (True, False, ""),
    "deprecated": (False, True, "†"),
    "archived": (False, True, "†"),
    "renamed": (False, False, "→"),
}
LEGEND_STATUSES = (("active",), ("limited-maintenance",), ("deprecated", "archived"), ("renamed",))


def literal(value: object) -> Markup:
    """A value as literal label text: XML-escaped, and no backslash left for Graphviz to expand.
    Markup (a macro's output, already literal) is left as it is."""
    if isinstance(value, Markup):
        return value
    return Markup(str(escape(value)).replace("\\", "\\\\"))


@cache
def templates() -> jinja2.Environment:
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(TEMPLATES), autoescape=True, finalize=literal,
                             undefined=jinja2.StrictUndefined, trim_blocks=True, lstrip_blocks=True)
    env.globals["style"] = STYLE
    return env


def html_label(template: str, **values) -> str:
    """A label template rendered with `values`, on one line."""
    return one_line(templates().get_template(template).render(**values))


def one_line(label: str) -> str:
    """A label without line breaks, which Graphviz would draw as spaces between cells."""
    return " ".join(label.split("\n"))


def wrap(text: str, width: int, most: int) -> list[str]:
    """`text` broken at spaces into lines of at most `width` characters (longer words are split),
    at most `most` lines, the last one ending in "…" when the text did not fit."""
    lines: list[str] = []
    for word in text.split():
        while len(word) > width:
            lines.append(word[: width - 1] + "-")
            word = word[width - 1:]
        if lines and len(lines[-1]) + 1 + len(word) <= width:
            lines[-1] += " " + word
        else:
            lines.append(word)
    if len(lines) > most:
        lines = lines[:most]
        lines[-1] = lines[-1][: width - 1].rstrip() + "…"
    return lines
