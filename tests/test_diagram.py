"""The landscape diagram as files: memberships, links, the node cap, sizes and determinism.

Expectations are computed from the catalog, never hard-coded counts.
"""

from __future__ import annotations

import dataclasses
import sys
import re
import struct
import xml.etree.ElementTree as ET

import pytest

from conftest import ROOT, run
from landscape.diagram import NODE_BUDGET, node_href, render_diagram, shown_members
from landscape.load import load_catalog
from landscape.model import Catalog, Category, Text
from landscape.render import load_strings

SVG = "{http://www.w3.org/2000/svg}"
HREF = "href"  # SVG 2, written by diagram_svg.py


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return load_catalog(ROOT / "catalog")


@pytest.fixture(scope="module")
def drawn(catalog):
    return {lang: render_diagram(catalog, lang, load_strings()[lang]) for lang in ("es", "en")}


def png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    return struct.unpack(">II", data[16:24])


def cells(svg: str) -> dict[str, str]:
    """Cell id -> its link."""
    root = ET.fromstring(svg)
    return {g.get("id"): g.find(f"{SVG}a").get(HREF) for g in root.iter(f"{SVG}g")
            if g.get("id", "").startswith(("ls-tool-", "ls-also-")) and g.find(f"{SVG}a") is not None}


def test_every_tool_is_a_cell_of_each_category_it_belongs_to_linking_to_its_entry(catalog, drawn):
    for diagram in drawn.values():
        found = cells(diagram.svg)
        for tool in catalog.tools:
            assert found[f"ls-tool-{tool.id}"] == node_href(tool)
            for category in tool.also_in:
                assert found[f"ls-also-{category}-{tool.id}"] == node_href(tool)
        assert len(found) == sum(len(catalog.tools_in(c.id)) for c in catalog.categories)


def test_a_tool_cell_carries_its_model_deployment_and_status_as_classes(catalog, drawn):
    svg = drawn["en"].svg
    for tool in catalog.tools:
        match = re.search(rf'<g id="ls-tool-{re.escape(tool.id)}" class="([^"]+)"', svg)
        assert set(match.group(1).split()) >= {f"model-{tool.model}", f"deploy-{tool.deployment}",
                                               f"status-{tool.status}"}


def test_a_huge_catalog_shows_a_bounded_number_of_cells_and_counts_the_rest(catalog):
    tools = [dataclasses.replace(catalog.tools[i % len(catalog.tools)], id=f"tool-{i}", name=Text(f"Tool {i}", f"Tool {i}"),
                                 category=f"cat-{i % 40}", also_in=(f"cat-{(i + 1) % 40}",) if i % 3 == 0 else ())
             for i in range(2000)]
    categories = tuple(Category(id=f"cat-{n}", phase=catalog.phases[n % len(catalog.phases)].id,
                                name=catalog.categories[0].name, description=catalog.categories[0].description)
                       for n in range(40))
    big = Catalog(phases=catalog.phases, categories=categories, tools=tuple(tools))
    shown = shown_members(big)
    cells_shown = sum(len(m.main) + len(m.also) + (1 if m.hidden else 0) for m in shown.values())
    assert cells_shown <= NODE_BUDGET
    for category in categories:
        members = shown[category.id]
        assert len(members.main) + len(members.also) + members.hidden == len(big.tools_in(category.id))


def test_the_real_catalog_shows_every_membership(catalog):
    assert all(m.hidden == 0 for m in shown_members(catalog).values())


def test_the_png_is_drawn_at_twice_the_display_size_and_the_card_at_1200_by_630(drawn):
    for diagram in drawn.values():
        width, height = (float(n) for n in re.search(r'viewBox="0.00 0.00 ([\d.]+) ([\d.]+)"', diagram.svg).groups())
        png_width, png_height = png_size(diagram.png)
        assert abs(png_width - 2 * width) <= 2 and abs(png_height - 2 * height) <= 2
        assert png_size(diagram.card) == (1200, 630)


def test_the_same_catalog_gives_the_same_bytes(catalog, drawn):
    again = render_diagram(catalog, "en", load_strings()["en"])
    assert again == drawn["en"]


def test_the_figure_fits_a_laptop_column_at_full_size(drawn):
    # About 1,170 CSS px of column at 1,280 px with the sidebars hidden: the figure must not need
    # shrinking below 11/12 of its size, or its 12 pt names would render under 11 px.
    for diagram in drawn.values():
        width = float(re.search(r'viewBox="0.00 0.00 ([\d.]+)', diagram.svg).group(1))
        assert width * 11 / 12 <= 1170


def test_a_name_with_graphviz_escapes_and_markup_is_shown_literally(catalog):
    name = 'Back\\N slash \\G & "q" <b>'
    tool = dataclasses.replace(catalog.tools[0], name=Text(name, name))
    odd = Catalog(phases=catalog.phases, categories=catalog.categories, tools=(tool, *catalog.tools[1:]))
    root = ET.fromstring(render_diagram(odd, "en", load_strings()["en"]).svg)
    cell = next(g for g in root.iter(f"{SVG}g") if g.get("id") == f"ls-tool-{tool.id}")
    assert cell.find(f"{SVG}a").get("aria-label").startswith(name + " · ")
    assert "".join(t.text or "" for t in cell.iter(f"{SVG}text")).replace("\u00a0", " ").strip().startswith("● Back\\N")


def test_two_processes_draw_the_same_bytes(tmp_path):
    script = ("import hashlib, sys; from pathlib import Path; from landscape.load import load_catalog; "
              "from landscape.render import load_strings; from landscape.diagram import render_diagram; "
              "d = render_diagram(load_catalog(Path(sys.argv[1])), 'es', load_strings()['es']); "
              "print(hashlib.sha256(d.svg.encode() + d.png + d.dot.encode() + d.card).hexdigest())")
    digests = {run(sys.executable, "-c", script, str(ROOT / "catalog")).stdout for _ in range(2)}
    assert len(digests) == 1 and digests != {""}
