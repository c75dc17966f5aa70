"""The landscape's social card: the 1200 x 630 PNG that link previews show (Open Graph image).

A summary rather than a shrunken diagram, so that the title and the phase names
stay legible at the size previews use: the title, the counts, each phase with its
categories, and the licensing models' symbols. Same catalog, same bytes.
"""

from __future__ import annotations

import pygraphviz

from .i18n import plural
from .drawing import FONT, MODEL_MARK, one_line, templates, wrap
from .model import Catalog

WIDTH, HEIGHT = 1200, 630  # pixels, at 72 dpi one per point
LANE_HEIGHT = 360  # the phases' row: what is left once the title and the key have their lines
MOST_CATEGORIES = 5  # per phase; more would not fit, "+N" says the rest


def render_card(catalog: Catalog, lang: str, strings: dict) -> bytes:
    """The social card for `lang` as PNG bytes."""
    column = (WIDTH - 26 * (len(catalog.phases) + 1)) // max(1, len(catalog.phases))
    phases = []
    for phase in catalog.phases:
        names = [c.name[lang] for c in catalog.categories if c.phase == phase.id]
        shown = names if len(names) <= MOST_CATEGORIES else [*names[: MOST_CATEGORIES - 1],
                                                             plural(strings["more_tools"], len(names) - 4, lang)]
        lines = [("• " if i == 0 else "  ") + line for name in shown
                 for i, line in enumerate(wrap(name, column // 12, 2))]
        phases.append({"name": wrap(phase.name[lang], column // 16, 2), "categories": lines})
    label = templates().get_template("card.j2").render(
        width=WIDTH, height=HEIGHT, column=column, lane_height=LANE_HEIGHT, phases=phases, title=strings["overview_title"],
        subtitle=plural(strings["card_subtitle"], len(catalog.tools), lang,
                        categories=plural(strings["categories_count"], len(catalog.categories), lang)),
        keys=[f"{MODEL_MARK[m]} {strings['models'][m]}" for m in MODEL_MARK])
    graph = pygraphviz.AGraph(name="card", pad="0", margin="0", bgcolor="white")
    graph.add_node("card", label=one_line(label), shape="plain", fontname=FONT, margin="0")
    graph.layout(prog="dot")
    return graph.draw(format="png", args="-Gdpi=72")
