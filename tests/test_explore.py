"""Explore, compare and statistics pages in a real browser: filters agree with the catalog, the state
lives in the address, compare shows the named tools' facts, and nothing from the address runs."""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe

from conftest import ROOT
from landscape.families import licence_family
from landscape.load import load_catalog
from test_browser import Visit, base_url, browser, visit  # noqa: F401  (shared fixtures)


@pytest.fixture(scope="module")
def catalog():
    return load_catalog(ROOT / "catalog")


PAGE = 100  # rows shown before "show more" (explore.js)


def open_explore(visit, path: str):
    """Open an explore page and wait until its script has applied the address's filters."""
    page = visit.open(path)
    return settled(page)


def settled(page):
    """`page` once the explore script is set up and has no search text still loading (aria-busy)."""
    page.wait_for_selector("#ls-explore[data-ready] .ls-explore__table:not([aria-busy])")
    return page


def search(page) -> str:
    """The page's query string as the page sees it (history.replaceState does not always reach page.url at once)."""
    return page.evaluate("location.search")


def shown_ids(page) -> set[str]:
    return set(page.eval_on_selector_all("#ls-explore tbody tr:not([hidden])", "rows => rows.map(r => r.id.slice(5))"))


def test_a_filter_combination_leaves_exactly_the_tools_the_catalog_says(visit, catalog):
    page = open_explore(visit, "/explore/?model=open-source,open-core&deployment=self-managed,both&status=active")
    expected = {t.id for t in catalog.tools if t.model in ("open-source", "open-core")
                and t.deployment in ("self-managed", "both") and t.status == "active"}
    shown = shown_ids(page)
    assert expected and shown <= expected and len(shown) == min(len(expected), PAGE)
    for _ in range(len(expected) // PAGE):  # the rest, a page at a time
        page.click("#ls-explore-more")
    assert shown_ids(page) == expected
    assert not page.locator("#ls-explore-more").is_visible()  # nothing more to show, no button
    count = page.locator("#ls-explore-count")
    assert count.get_attribute("role") == "status"
    assert count.inner_text().startswith(f"{len(expected)} herramienta")


def test_each_value_tells_how_many_tools_it_would_leave(visit, catalog):
    page = open_explore(visit, "/en/explore/?status=active")
    open_source_active = sum(1 for t in catalog.tools if t.model == "open-source" and t.status == "active")
    label = page.locator("fieldset[data-facet=model] label", has=page.locator("input[value=open-source]"))
    assert label.locator(".ls-count").text_content() == f"({open_source_active})"


def test_with_no_filter_every_tool_shows_with_the_counts_of_the_whole_catalog(visit, catalog):
    page = open_explore(visit, "/en/explore/")
    assert shown_ids(page) == {t.id for t in catalog.tools}
    open_source = sum(1 for t in catalog.tools if t.model == "open-source")
    label = page.locator("fieldset[data-facet=model] label", has=page.locator("input[value=open-source]"))
    assert label.locator(".ls-count").text_content() == f"({open_source})"
    page.locator("details.ls-facet", has=page.locator("fieldset[data-facet=model]")).locator("summary").click()
    page.check("fieldset[data-facet=model] input[value=open-source]")  # the first change applies the page size
    assert len(shown_ids(page)) == min(open_source, PAGE)


def test_the_text_filter_ignores_accents_and_case_and_reads_descriptions(visit, catalog):
    page = open_explore(visit, "/explore/")
    page.fill("#ls-q", "VALIDACION")  # "validación" in the Spanish descriptions
    settled(page)
    expected = {t.id for t in catalog.tools
                if "validacion" in _searched(t)}
    assert expected and shown_ids(page) == expected
    assert search(page) == "?q=VALIDACION"


def test_a_shared_text_filter_opens_the_table_not_the_site_search(visit):
    """Material opens its site search for any ?q= in the address; on the explore page q is the table's."""
    page = open_explore(visit, "/en/explore/?model=open-source&q=feature")
    assert page.input_value("#ls-q") == "feature"
    assert not page.is_checked("#__search", timeout=1000)  # Material's search toggle: closed
    assert page.input_value(".md-search__input") == ""
    assert search(page) == "?model=open-source&q=feature"  # still shareable


def test_the_text_filter_still_finds_names_when_the_search_text_cannot_load(visit):
    visit.page.route("**/search.json", lambda route: route.abort())
    page = open_explore(visit, "/en/explore/?q=Great%20Expectations")
    assert shown_ids(page) == {"great-expectations"}
    visit.errors.clear()  # the aborted request, which the page survives


def test_the_state_survives_a_reload_and_the_language_switch(visit, catalog):
    page = open_explore(visit, "/explore/")
    page.locator("summary", has_text="Familia de licencia").click()
    page.check("fieldset[data-facet=family] input[value=permissive]")
    page.fill("#ls-q", "feature")
    assert search(settled(page)) == "?family=permissive&q=feature"
    page.reload(wait_until="networkidle")
    settled(page)
    assert page.is_checked("fieldset[data-facet=family] input[value=permissive]")
    assert page.input_value("#ls-q") == "feature"
    spanish = shown_ids(page)
    page.locator("a[hreflang=en]").first.dispatch_event("click")
    page.wait_for_url("**/en/explore/?family=permissive&q=feature")
    settled(page)
    expected = {t.id for t in catalog.tools if licence_family(t.license) == "permissive" and "feature" in _searched(t)}
    assert expected and shown_ids(page) == spanish == expected  # the same tools in either language


def test_the_filters_work_from_the_keyboard(visit):
    page = open_explore(visit, "/en/explore/")
    page.focus("#ls-q")
    page.keyboard.type("mlflow")
    assert "mlflow" in shown_ids(settled(page))
    page.keyboard.press("Tab")  # to the first facet's summary
    page.keyboard.press("Enter")  # opens it
    page.keyboard.press("Tab")
    page.keyboard.press("Space")  # ticks the first phase
    assert search(page).startswith("?phase=") and "q=mlflow" in search(page)


def test_screen_readers_get_the_explore_table_as_a_table(visit, catalog):
    """What a screen reader is given (Chromium's accessibility tree, not the DOM): one table with a row
    and a cell per column for every tool, and every column header named, the visually hidden one too."""
    page = open_explore(visit, "/en/explore/")
    tree = page.context.new_cdp_session(page).send("Accessibility.getFullAXTree")["nodes"]
    roles = [node["role"]["value"] for node in tree if not node.get("ignored")]
    headers = [node["name"]["value"] for node in tree
               if not node.get("ignored") and node["role"]["value"] == "columnheader"]
    assert roles.count("table") == 1
    assert roles.count("row") == len(catalog.tools) + 1  # and the header row
    assert headers[:3] == ["Compare", "Tool", "Phase"]  # the first one is read, not shown
    assert roles.count("cell") == len(catalog.tools) * len(headers)


@pytest.mark.parametrize("path, table", [
    ("/en/explore/", ".ls-explore__table"), ("/changes/", ".ls-changes"), ("/landscape/model-serving/", "article table"),
])
def test_columns_keep_their_widths_when_the_tables_become_sortable(visit, path, table):
    """Tablesort marks the column headers once the page has loaded, which shows Material's sort icon;
    the columns must not jump then (the space for the icon is kept from the first paint), and a column
    that cannot be sorted shows no icon."""
    page = visit.open(path)
    widths = """table => [...table.tHead.rows[0].cells].map(th => th.getBoundingClientRect().width)"""
    sortable = page.eval_on_selector(table, widths)
    assert page.eval_on_selector_all(f"{table} thead th[role=columnheader]", "ths => ths.length") >= 4
    page.eval_on_selector_all(f"{table} thead th[role]", "ths => ths.forEach(th => th.removeAttribute('role'))")
    assert page.eval_on_selector(table, widths) == pytest.approx(sortable, abs=0.5)  # as before the script ran
    icons = page.eval_on_selector_all(f"{table} thead th[data-sort-method=none]",
                                      "ths => ths.map(th => getComputedStyle(th, '::after').content)")
    assert icons == (["none"] if table == ".ls-explore__table" else [])  # Compare cannot be sorted: no icon


def test_compare_shows_the_facts_of_the_tools_named_and_names_unknown_ones(visit, catalog):
    page = visit.open("/en/compare/?tools=mlflow,clearml,no-such-tool")
    header = page.locator(".ls-compare__table thead th")
    assert header.all_inner_texts() == [catalog.tool("mlflow").name.en, catalog.tool("clearml").name.en]
    licence_row = page.locator(".ls-compare__table tbody tr").first.locator("td").all_inner_texts()
    assert licence_row == [catalog.tool("mlflow").license, catalog.tool("clearml").license]
    assert "no-such-tool" in page.locator(".ls-compare__message").inner_text()


def test_ticking_tools_on_explore_leads_to_compare(visit):
    page = open_explore(visit, "/en/explore/?category=experiment-tracking")
    for tool in ("mlflow", "clearml", "wandb"):
        page.check(f"#tool-{tool} input[name=tools]")
    page.click("#ls-compare button[type=submit]")
    page.wait_for_url("**/en/compare/?tools=*")
    assert sorted(search(page).removeprefix("?tools=").split(",")) == ["clearml", "mlflow", "wandb"]
    page.wait_for_selector(".ls-compare__table")
    assert page.locator(".ls-compare__table thead th").count() == 3


@pytest.mark.parametrize("path", [
    "/explore/?q=%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E&model=%3Cscript%3Ealert(2)%3C/script%3E",
    "/compare/?tools=%3Cscript%3Ealert(3)%3C/script%3E,%3Cimg%20src%3Dx%20onerror%3Dalert(4)%3E",
])
def test_nothing_from_the_address_runs_or_becomes_markup(visit, path):
    dialogs = []
    visit.page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page = visit.open(path)
    assert dialogs == []
    assert page.locator("article img[src=x], article script:not([src], #ls-explore-address)").count() == 0
    assert visit.errors == []


@pytest.mark.parametrize("path", ["/explore/", "/en/compare/?tools=mlflow,clearml", "/stats/", "/en/stats/"])
def test_axe_finds_nothing_on_the_pages_for_choosing(visit, path):
    violations = [f"{v['id']}: {v['help']}" for v in Axe().run(visit.open(path)).response["violations"]]
    assert violations == []


def _searched(tool) -> str:
    """What the text filter searches: names, former names and both descriptions, folded."""
    from landscape.checks import fold
    return fold(" ".join((tool.name.es, tool.name.en, *tool.former_names, tool.description.es, tool.description.en)))
