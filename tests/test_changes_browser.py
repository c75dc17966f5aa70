"""The Changes and data pages in a real browser: the filter by kind leaves exactly the changes the
catalog records, the address keeps it (reload, language switch), nothing from the address runs, every
page names its language's feed in its head, and the data page's downloads are there."""

from __future__ import annotations

import feedparser
import pytest

from conftest import ROOT
from landscape.changes import events
from landscape.load import load_catalog
from test_browser import Visit, base_url, browser, visit  # noqa: F401  (shared fixtures)


@pytest.fixture(scope="module")
def catalog():
    return load_catalog(ROOT / "catalog")


def open_changes(visit, path: str):
    """Open the Changes page and wait until its script has applied the address's filter."""
    page = visit.open(path)
    page.wait_for_selector("#ls-changes[data-ready]")
    return page


def shown_kinds(page) -> list[str]:
    return page.eval_on_selector_all(".ls-changelog li:not([hidden])", "items => items.map(i => i.dataset.kind)")


def test_the_kind_filter_leaves_exactly_the_recorded_changes_and_lives_in_the_address(visit, catalog):
    page = open_changes(visit, "/en/changes/")
    assert len(shown_kinds(page)) == len(events(catalog))
    page.select_option("#ls-kind", "license")
    expected = [e for e in events(catalog) if e.kind == "license"]
    assert expected and shown_kinds(page) == ["license"] * len(expected)
    assert page.evaluate("location.search") == "?kind=license"
    count = page.locator("#ls-changes-count")
    assert count.get_attribute("aria-live") == "polite" and count.inner_text().startswith(f"{len(expected)} change")
    page.reload()
    page.wait_for_selector("#ls-changes[data-ready]")
    assert page.input_value("#ls-kind") == "license" and len(shown_kinds(page)) == len(expected)
    spanish = page.locator("a[hreflang=es]").first.get_attribute("href")
    assert spanish.endswith("/changes/?kind=license")
    assert visit.errors == []


def test_a_hostile_kind_in_the_address_shows_everything_and_runs_nothing(visit, catalog):
    page = open_changes(visit, "/changes/?kind=%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E")
    dialogs = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    assert page.input_value("#ls-kind") == "" and len(shown_kinds(page)) == len(events(catalog))
    assert page.locator("img[src=x]").count() == 0 and dialogs == [] and visit.errors == []


def test_the_filter_works_from_the_keyboard(visit):
    page = open_changes(visit, "/en/changes/")
    page.focus("#ls-kind")
    page.keyboard.press("ArrowDown")  # the first kind after "All"
    assert page.evaluate("location.search") != "" and set(shown_kinds(page)) == {page.input_value("#ls-kind")}


@pytest.mark.parametrize("path, feed", [("/", "/changes/feed.xml"), ("/en/data/", "/en/changes/feed.xml")])
def test_every_page_names_its_language_feed_and_the_feed_is_atom(visit, built_site, path, feed):
    page = visit.open(path)
    href = page.get_attribute('link[rel=alternate][type="application/atom+xml"]', "href")
    assert href.endswith(feed)
    parsed = feedparser.parse((built_site / feed.lstrip("/")).read_bytes())
    assert not parsed.bozo and parsed.version == "atom10" and parsed.entries


def test_the_data_page_offers_every_export(visit, built_site):
    page = visit.open("/en/data/")
    links = page.eval_on_selector_all("a[download]", "links => links.map(a => a.href)")
    assert [link.rsplit("/data/", 1)[1] for link in links] == [
        "catalog.json", "catalog.schema.json", "catalog.csv", "landscape2/data.yml"]
    for link in links:
        assert visit.context.request.get(link).ok
