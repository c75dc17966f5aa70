"""Tool pages in a real browser: status, old addresses, search and the sidebar, in both languages.

Expectations are computed from the loaded catalog (or from a change made to a copy of it), so
contributors can edit the catalog without breaking these tests; a test skips, saying why, when
the catalog has nothing of the kind it needs.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from conftest import ROOT, copy_project, mkdocs
from landscape.load import load_catalog
from landscape.site import fold_accents
from test_browser import CHROMIUM, Visit, browser, path_of, search, serve  # noqa: F401  (fixtures)

CATALOG = load_catalog(ROOT / "catalog", today=dt.date(2100, 1, 1))
PREFIX = {"es": "/", "en": "/en/"}
STATUS = {"es": "Archivada", "en": "Archived"}


@pytest.fixture
def visit(browser, base_url):
    session = Visit(browser, base_url)
    yield session
    session.close()


@pytest.fixture(scope="module")
def base_url(built_site: Path):
    with serve(built_site) as url:
        yield url


def archived_tool():
    tool = next((t for t in CATALOG.tools if t.status == "archived"), None)
    if tool is None:
        pytest.skip("no archived tool in the catalog")
    return tool


@pytest.mark.parametrize("lang", ["es", "en"])
def test_an_archived_tool_says_so_in_its_table_and_at_the_top_of_its_page(visit, lang):
    tool = archived_tool()
    page = visit.open(f"{PREFIX[lang]}landscape/{tool.category}/")
    row = page.locator("article table").first.locator("tr", has=page.locator(f'a[href$="tools/{tool.id}/"]'))
    assert row.locator(".ls-status").inner_text() == STATUS[lang]
    page = visit.open(f"{PREFIX[lang]}landscape/tools/{tool.id}/")
    first = page.locator("article h1 ~ *").first
    assert "admonition" in first.get_attribute("class")
    assert first.locator(".admonition-title").inner_text() == STATUS[lang]


@pytest.mark.parametrize("lang", ["es", "en"])
def test_an_old_category_address_lands_on_the_tools_entry(visit, lang):
    category = CATALOG.categories[-1]
    tool = CATALOG.tools_in(category.id)[-1]
    page = visit.open(f"{PREFIX[lang]}landscape/{category.id}/#{tool.id}")
    entry = page.locator(f"[id='{tool.id}']")
    assert entry.is_visible() and entry.evaluate("el => el.getBoundingClientRect().top >= 0 && "
                                                 "el.getBoundingClientRect().top < innerHeight")
    entry.locator(f'a[href$="tools/{tool.id}/"]').first.click()
    page.wait_for_url(f"**{PREFIX[lang]}landscape/tools/{tool.id}/")
    assert page.locator("h1").inner_text().removesuffix("¶").strip() == tool.name[lang]


@pytest.fixture(scope="module")
def site_with_former_id(tmp_path_factory):
    """The site built from a copy of the project in which one tool has a former id."""
    root = copy_project(tmp_path_factory.mktemp("former-id"))
    tool = CATALOG.tools[0]
    path = root / tool.file
    path.write_text(path.read_text(encoding="utf-8") + "former_ids: [zz-old-address]\n", encoding="utf-8")
    result = mkdocs("build", "--strict", "--site-dir", str(root / "site"), cwd=root)
    assert result.returncode == 0, result.stderr[-3000:]
    with serve(root / "site") as url:
        yield url, tool


@pytest.mark.parametrize("lang", ["es", "en"])
def test_a_former_ids_address_lands_on_the_current_page(browser, site_with_former_id, lang):
    url, tool = site_with_former_id
    session = Visit(browser, url)
    try:
        page = session.open(f"{PREFIX[lang]}landscape/tools/zz-old-address/")
        page.wait_for_url(f"**{PREFIX[lang]}landscape/tools/{tool.id}/")
        assert page.locator("h1").inner_text().removesuffix("¶").strip() == tool.name[lang]
        assert session.errors == [] and session.external == []
    finally:
        session.close()


def accented_category():
    for category in CATALOG.categories:
        for word in category.name["es"].split():
            if fold_accents(word) != word:
                return category, fold_accents(word).lower()
    pytest.skip("no Spanish category name has an accent")


def test_a_spanish_word_typed_without_its_accent_is_found(visit):
    category, word = accented_category()
    results = search(visit.open("/"), word)
    assert f"/landscape/{category.id}/" in results
    assert all(not r.startswith("/en/") for r in results)


def test_an_english_word_typed_in_other_case_is_found_in_english(visit):
    tool = next(t for t in CATALOG.tools if " " not in t.name.en and t.name.en.isascii())
    results = search(visit.open("/en/"), tool.name.en.upper())
    assert results[0] == f"/en/landscape/tools/{tool.id}/"
    assert all(r.startswith("/en/") for r in results)


@pytest.mark.parametrize("lang", ["es", "en"])
def test_a_former_name_finds_the_tool_in_the_pages_language(visit, lang):
    tool = next((t for t in CATALOG.tools if t.former_names), None)
    if tool is None:
        pytest.skip("no tool in the catalog has a former name")
    results = search(visit.open(PREFIX[lang]), tool.former_names[0])
    assert f"{PREFIX[lang]}landscape/tools/{tool.id}/" in results
    assert all(r.startswith("/en/") == (lang == "en") for r in results)


@pytest.mark.parametrize("lang", ["es", "en"])
def test_an_exact_tool_name_brings_its_page_first(visit, lang):
    tool = next(t for t in CATALOG.tools if " " not in t.name[lang] and t.name[lang].isascii())
    results = search(visit.open(PREFIX[lang]), tool.name[lang])
    assert results[0] == f"{PREFIX[lang]}landscape/tools/{tool.id}/"


@pytest.mark.parametrize("lang", ["es", "en"])
def test_the_sidebar_follows_the_catalogs_order(visit, lang):
    page = visit.open(PREFIX[lang])
    top = page.locator(".md-nav--primary > ul > li > :is(a, div, label).md-nav__link").all_inner_texts()
    assert top[0].strip() == ("Inicio" if lang == "es" else "Home")
    assert top[-1].strip() == ("Cómo contribuir" if lang == "es" else "Contributing")
    for phase in CATALOG.phases:
        categories = [c for c in CATALOG.categories if c.phase == phase.id]
        if not categories:
            continue
        page = visit.open(f"{PREFIX[lang]}landscape/{categories[0].id}/")
        level1 = page.locator('nav[data-md-level="1"] > ul > li > :is(a, label).md-nav__link')
        assert [t.strip() for t in level1.all_inner_texts()] == [p.name[lang] for p in CATALOG.phases]
        links = page.locator('nav[data-md-level="2"] > ul > li > a.md-nav__link').evaluate_all(
            "links => links.map(a => a.href)")
        assert [urlsplit(href).path for href in links] == [
            f"{PREFIX[lang]}landscape/{c.id}/" for c in categories]
