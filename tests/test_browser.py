"""The built site in a real browser (Playwright driving Debian's Chromium), served on 127.0.0.1.

Skipped when no Chromium is installed, except in CI (CI=true), where a missing browser fails the run.
"""

from __future__ import annotations

import contextlib
import functools
import http.server
import os
import re
import shutil
import threading
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from conftest import ROOT
from landscape.load import load_catalog

playwright_sync = pytest.importorskip("playwright.sync_api")
from axe_playwright_python.sync_playwright import Axe  # noqa: E402

# Debian's package (our machines, .ci/run) or what GitHub's Ubuntu runner image ships (Chromium, Google Chrome).
BROWSERS = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
CHROMIUM = next(filter(None, map(shutil.which, BROWSERS)), None)
if not CHROMIUM:
    if os.environ.get("CI") == "true":
        raise RuntimeError(f"CI needs one of {', '.join(BROWSERS)} for the browser tests (see .ci/run)")
    pytest.skip("no Chromium installed (apt-get install chromium)", allow_module_level=True)

# One page of each kind, in both languages.
PAGES = [
    "/", "/landscape/", "/landscape/model-serving/", "/landscape/tools/mlflow/", "/mlops-tools/", "/contributing/",
    "/en/", "/en/landscape/", "/en/landscape/model-serving/", "/en/landscape/tools/mlflow/", "/en/mlops-tools/",
    "/en/contributing/",
]


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass


@contextlib.contextmanager
def serve(directory: Path) -> Iterator[str]:
    """`directory` served over HTTP on a free loopback port, for the duration of the block."""
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_QuietHandler, directory=directory))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}"
    finally:
        server.shutdown()


@pytest.fixture(scope="module")
def base_url(built_site: Path) -> Iterator[str]:
    """The built site served over HTTP on a free loopback port."""
    with serve(built_site) as url:
        yield url


@pytest.fixture(scope="module")
def browser() -> Iterator:
    with playwright_sync.sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        )
        yield browser
        browser.close()


class Visit:
    """A browser page that records console errors and every request that leaves 127.0.0.1."""

    def __init__(self, browser, base_url: str, color_scheme: str = "light"):
        self.context = browser.new_context(color_scheme=color_scheme)
        self.page = self.context.new_page()
        self.base_url = base_url
        self.errors: list[str] = []
        self.external: list[str] = []
        self.page.on("console", lambda m: m.type == "error" and self.errors.append(f"console: {m.text}"))
        self.page.on("pageerror", lambda e: self.errors.append(f"page error: {e}"))
        # A request the browser itself aborts (the next page was opened before it ended) is no fault of
        # the site; a missing file still shows as an HTTP error below.
        self.page.on("requestfailed", lambda r: r.failure != "net::ERR_ABORTED"
                     and self.errors.append(f"request failed: {r.url} ({r.failure})"))
        self.page.on("response", lambda r: r.status >= 400 and self.errors.append(f"HTTP {r.status}: {r.url}"))
        self.context.route(re.compile(r".*"), self._only_local)

    def _only_local(self, route) -> None:
        host = urlsplit(route.request.url).hostname
        if route.request.url.startswith("data:") or host == "127.0.0.1":
            route.continue_()
        else:
            self.external.append(route.request.url)
            route.abort()

    def open(self, path: str):
        self.page.goto(self.base_url + path, wait_until="networkidle")
        return self.page

    def close(self) -> None:
        self.context.close()


@pytest.fixture
def visit(browser, base_url) -> Iterator[Visit]:
    session = Visit(browser, base_url)
    yield session
    session.close()


def path_of(page) -> str:
    parts = urlsplit(page.url)
    return parts.path + (f"#{parts.fragment}" if parts.fragment else "")


def test_every_page_loads_without_console_errors_or_other_hosts(browser, base_url, built_site):
    pages = sorted("/" + p.relative_to(built_site).as_posix().removesuffix("index.html")
                   for p in built_site.rglob("*.html") if "assets" not in p.parts)
    assert len(pages) >= 38
    problems = {}
    # A few tabs at once: most of a page's time here is the quiet wait that tells it has finished
    # loading (no request for 500 ms), and those waits overlap.
    tabs = [Visit(browser, base_url) for _ in range(4)]
    try:
        for start in range(0, len(pages), len(tabs)):
            batch = list(zip(tabs, pages[start:start + len(tabs)]))
            for tab, path in batch:
                tab.page.goto(base_url + path, wait_until="commit")
            for tab, path in batch:
                tab.page.wait_for_load_state("networkidle")
                if tab.errors or tab.external:
                    problems[path] = tab.errors + tab.external
                tab.errors.clear()
                tab.external.clear()
    finally:
        for tab in tabs:
            tab.close()
    assert problems == {}


@pytest.mark.parametrize("path", PAGES + ["/404.html"])
def test_axe_finds_no_accessibility_violations(visit, path):
    results = Axe().run(visit.open(path))
    violations = [f"{v['id']}: {v['help']} ({len(v['nodes'])} nodes)" for v in results.response["violations"]]
    assert violations == []


@pytest.mark.parametrize("path", ["/", "/landscape/", "/landscape/model-serving/", "/en/mlops-tools/", "/en/contributing/"])
def test_axe_finds_no_violations_in_dark_mode_on_a_phone(browser, base_url, path):
    session = Visit(browser, base_url, color_scheme="dark")
    try:
        session.page.set_viewport_size({"width": 390, "height": 844})
        page = session.open(path)
        assert page.evaluate("document.body.getAttribute('data-md-color-scheme')") == "slate"
        violations = [f"{v['id']}: {v['help']}" for v in Axe().run(page).response["violations"]]
        assert violations == []
    finally:
        session.close()


def test_the_language_switcher_keeps_the_reader_on_the_same_page(visit):
    page = visit.open("/landscape/model-serving/")
    page.locator(".md-header__option .md-select").hover()
    page.get_by_role("link", name="English").click()
    page.wait_for_url("**/en/landscape/model-serving/")
    assert page.locator("h1").inner_text().startswith("Model serving")
    page.locator(".md-header__option .md-select").hover()
    page.get_by_role("link", name="Español").click()
    page.wait_for_url(re.compile(r".*/landscape/model-serving/$"))
    assert "/en/" not in page.url
    assert page.locator("h1").inner_text().startswith("Servicio de modelos")


def search(page, query: str) -> list[str]:
    """Type `query` in the search box; return the paths of the results."""
    page.locator("label.md-search__icon, .md-search__input").first.click()
    page.locator(".md-search__input").press_sequentially(query, delay=20)  # typed, as a reader types
    page.wait_for_selector(".md-search-result__item", timeout=10_000)
    return [urlsplit(href).path for href in page.locator(".md-search-result__link").evaluate_all(
        "links => links.map(a => a.href)")]


def test_a_spanish_search_finds_spanish_pages_only(visit):
    results = search(visit.open("/"), "almacenes de características")
    assert "/landscape/feature-stores/" in results
    assert not [r for r in results if r.startswith("/en/")]


def test_an_english_search_finds_english_pages_only(visit):
    results = search(visit.open("/en/"), "feature stores")
    assert "/en/landscape/feature-stores/" in results
    assert all(r.startswith("/en/") for r in results)


@pytest.mark.parametrize("query", ["versión", "awesome", "desactualizados"])
def test_spanish_words_next_to_accents_and_punctuation_are_found(visit, query):
    # The home page says «awesome» and "quedan desactualizados"; ¿ « » must separate words, not stick to them.
    results = search(visit.open("/"), query)
    assert results and all(not r.startswith("/en/") for r in results)
    if query != "versión":
        assert "/" in results


@pytest.mark.parametrize("start", ["/landscape/", "/en/mlops-tools/"])
def test_clicking_a_tool_in_the_diagram_opens_its_page(visit, start):
    tool = load_catalog(ROOT / "catalog").tools[0]
    page = visit.open(start)
    page.locator(f"#ls-tool-{tool.id} a").click()
    page.wait_for_url(f"**/landscape/tools/{tool.id}/")
    lang = "en" if start.startswith("/en/") else "es"
    assert page.locator("h1").inner_text().removesuffix("¶").strip() == tool.name[lang]


def _luminance(rgb: str) -> float:
    channels = [int(c) / 255 for c in re.findall(r"\d+", rgb)[:3]]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def _contrast(a: str, b: str) -> float:
    high, low = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def test_dark_mode_recolours_the_diagram_and_keeps_it_readable(visit):
    page = visit.open("/landscape/")
    node = "#ls-tool-feast"
    colours = "el => ({fill: getComputedStyle(el.querySelector('polygon, path')).fill, " \
              "text: getComputedStyle(el.querySelector('text')).fill})"
    light = page.locator(node).evaluate(colours)
    page.get_by_role("button", name="Cambiar a modo oscuro").click()
    page.wait_for_function("document.body.getAttribute('data-md-color-scheme') === 'slate'")
    dark = page.locator(node).evaluate(colours)
    assert dark["fill"] != light["fill"]
    assert _contrast(light["fill"], light["text"]) >= 4.5
    assert _contrast(dark["fill"], dark["text"]) >= 4.5


def test_the_light_or_dark_choice_follows_the_reader_to_other_pages_and_the_other_language(visit):
    page = visit.open("/landscape/")
    page.get_by_role("button", name="Cambiar a modo oscuro").click()
    assert page.get_by_role("button", name="Cambiar a modo claro").is_visible()
    for path, back_to_light in [("/contributing/", "Cambiar a modo claro"), ("/en/landscape/", "Switch to light mode")]:
        page = visit.open(path)
        assert page.evaluate("document.body.getAttribute('data-md-color-scheme')") == "slate"
        assert page.get_by_role("button", name=back_to_light).is_visible()
    page.get_by_role("button", name="Switch to light mode").click()
    assert visit.open("/").evaluate("document.body.getAttribute('data-md-color-scheme')") == "default"


@pytest.mark.parametrize("path", ["/", "/landscape/model-serving/"])
def test_the_text_is_painted_before_the_theme_scripts_are_fetched(visit, path):
    # Material's bundle is loaded after the first contentful paint (overrides/main.html), so its
    # evaluation on a slow phone does not hold back the text.
    page = visit.open(path)
    paint, bundle = page.evaluate("""() => [
        performance.getEntriesByName("first-contentful-paint")[0].startTime,
        performance.getEntriesByType("resource").find(r => r.name.includes("/javascripts/bundle.")).startTime]""")
    assert paint <= bundle


def test_comparison_tables_sort_by_a_column_click(visit):
    page = visit.open("/en/landscape/model-serving/")
    # Material set the page up once, though its bundle arrives after DOMContentLoaded.
    assert page.locator(".md-typeset__scrollwrap .md-typeset__scrollwrap").count() == 0
    assert page.locator(".md-typeset__scrollwrap").count() == page.locator("article table").count() > 0
    table = page.locator("article table").first
    header = table.locator("th", has_text="Licence")
    header.click()
    assert header.get_attribute("aria-sort") in ("ascending", "descending")
    licences = table.locator("tbody tr td:nth-child(2)").all_inner_texts()
    assert licences in (sorted(licences, key=str.casefold), sorted(licences, key=str.casefold, reverse=True))
    table.locator("th", has_text="Tool").click()
    tools = table.locator("tbody tr td:first-child").all_inner_texts()
    assert tools in (sorted(tools, key=str.casefold), sorted(tools, key=str.casefold, reverse=True))
