"""The landscape diagram as a reader sees it: at a laptop's 1280 x 800 and a phone's 390 x 844, in both languages.

Every expectation comes from the catalog and strings.yml; nothing depends on the date, the port or timings.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from test_browser import CHROMIUM, base_url, browser  # noqa: F401  (fixtures, and the skip without Chromium)

from conftest import ROOT
from landscape.drawing import MODEL_MARK
from landscape.load import load_catalog
from landscape.render import load_strings

assert CHROMIUM
LAPTOP = {"width": 1280, "height": 800}
PHONE = {"width": 390, "height": 844}
FIGURE_PAGES = [("es", "/landscape/"), ("es", "/mlops-tools/"), ("en", "/en/landscape/"), ("en", "/en/mlops-tools/")]

# What the figure looks like once laid out: page scroll, the figure's right edge, the smallest
# label in CSS px (font size times the SVG's scale), tool cells that overlap, and labels that
# overflow their cell (drawn in the browser's own font, not Graphviz's measure of it).
MEASURE = """() => {
  const svg = document.querySelector("svg.ls-diagram")
  const texts = [...svg.querySelectorAll("text")]
  const cells = [...svg.querySelectorAll("g.ls-tool")].map(g => ({id: g.id, box: g.querySelector(".ls-fill").getBoundingClientRect(), texts: [...g.querySelectorAll("text")]}))
  const overlaps = []
  for (let i = 0; i < cells.length; i++) for (let j = i + 1; j < cells.length; j++) {
    const a = cells[i].box, b = cells[j].box
    if (a.left < b.right - 0.5 && b.left < a.right - 0.5 && a.top < b.bottom - 0.5 && b.top < a.bottom - 0.5) overlaps.push([cells[i].id, cells[j].id])
  }
  const cut = cells.filter(c => c.texts.some(t => { const r = t.getBoundingClientRect(); return r.left < c.box.left - 0.5 || r.right > c.box.right + 0.5 }))
  return {
    scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth,
    right: svg.getBoundingClientRect().right,
    smallest: Math.min(...texts.map(t => parseFloat(getComputedStyle(t).fontSize) * t.getScreenCTM().a)),
    overlaps, cut: cut.map(c => c.id), cells: cells.length,
  }
}"""


@pytest.fixture
def open_page(browser, base_url) -> Iterator:  # noqa: F811
    contexts = []

    def open_(path: str, viewport: dict, scheme: str = "light"):
        context = browser.new_context(viewport=viewport, color_scheme=scheme)
        contexts.append(context)
        page = context.new_page()
        page.goto(base_url + path, wait_until="networkidle")
        return page

    yield open_
    for context in contexts:
        context.close()


@pytest.fixture(scope="module")
def catalog():
    return load_catalog(ROOT / "catalog")


@pytest.mark.parametrize(("lang", "path"), FIGURE_PAGES)
def test_on_a_laptop_the_whole_diagram_is_in_view_and_every_name_legible(open_page, catalog, lang, path):
    figure = open_page(path, LAPTOP).evaluate(MEASURE)
    assert figure["scrollWidth"] <= figure["innerWidth"], "the page scrolls sideways"
    assert figure["right"] <= figure["innerWidth"], "the figure's right edge is off screen"
    assert figure["smallest"] >= 11, f"a label renders at {figure['smallest']:.1f} px"
    assert figure["overlaps"] == []
    assert figure["cut"] == []
    assert figure["cells"] == sum(len(catalog.tools_in(c.id)) for c in catalog.categories)


@pytest.mark.parametrize(("lang", "path"), FIGURE_PAGES)
def test_on_a_phone_one_tap_opens_the_map_at_a_legible_size_that_pans(open_page, lang, path):
    page = open_page(path, PHONE)
    figure = page.evaluate(MEASURE)
    assert figure["scrollWidth"] <= figure["innerWidth"], f"the page scrolls sideways: {figure}"
    page.get_by_role("link", name=load_strings()[lang]["diagram_full_size"]).click()
    page.wait_for_url("**/landscape/landscape.svg")
    full = page.evaluate("""() => ({
        smallest: Math.min(...[...document.querySelectorAll("text")].map(t => parseFloat(getComputedStyle(t).fontSize) * t.getScreenCTM().a)),
        scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth})""")
    assert full["smallest"] >= 11
    assert full["scrollWidth"] > full["innerWidth"], "the full-size map should be wider than a phone, to pan"


@pytest.mark.parametrize("lang", ["es", "en"])
def test_the_legend_sits_above_the_lanes_and_names_every_value_of_each_encoding(open_page, lang):
    strings = load_strings()[lang]
    page = open_page("/landscape/" if lang == "es" else "/en/landscape/", LAPTOP)
    keys = {"model": strings["models"], "deploy": strings["deployments"]}
    for kind, values in keys.items():
        for value, text in values.items():
            assert text in page.locator(f"#ls-key-{kind}-{value}").text_content()
    legend = " ".join(page.locator("[id^=ls-key-status-]").all_text_contents())
    for text in strings["statuses"].values():
        assert text in legend
    legend_bottom = page.locator("#ls-key-status-active").bounding_box()
    lane_top = min(page.locator("[id^=ls-lane-]").nth(i).bounding_box()["y"] for i in range(4))
    assert legend_bottom["y"] + legend_bottom["height"] <= lane_top


def test_licensing_models_differ_by_a_symbol_not_only_by_colour(open_page, catalog):
    page = open_page("/en/landscape/", LAPTOP)
    marks = {model: page.locator(f"#ls-key-model-{model} .ls-mark").text_content() for model in MODEL_MARK}
    assert len(set(marks.values())) == len(marks), marks
    for tool in catalog.tools:
        assert page.locator(f"#ls-tool-{tool.id} .ls-mark").text_content() == marks[tool.model], tool.id


def test_keyboard_focus_on_a_tool_shows_its_name_licence_and_status(open_page, catalog):
    strings = load_strings()["en"]
    tool = catalog.tool("feast")
    page = open_page("/en/landscape/", LAPTOP)
    page.locator(f"#ls-tool-{tool.id} a").focus()
    tip = page.locator("#ls-tip")
    tip.wait_for(state="visible")
    for text in (tool.name.en, tool.license, strings["statuses"][tool.status]):
        assert text in tip.inner_text()
