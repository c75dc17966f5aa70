"""The built site, as a reader meets it: tools, diagram links, search, edit links, nothing from other hosts."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from conftest import ROOT
from landscape.load import load_catalog
from landscape.render import load_strings
from landscape.site import fold_accents
from sitescan import broken_links, scan

LANG_PREFIX = {"es": "", "en": "en/"}


def page(site: Path, lang: str, path: str) -> Path:
    return site / LANG_PREFIX[lang] / path / "index.html"


class _Section(HTMLParser):
    """Text from the element with id=`anchor` (a heading) up to the next heading of the same level."""

    def __init__(self, anchor: str):
        super().__init__()
        self.anchor, self.level, self.inside, self.text = anchor, None, False, []

    def handle_starttag(self, tag, attrs):
        if re.fullmatch(r"h[1-6]", tag):
            if dict(attrs).get("id") == self.anchor:
                self.inside, self.level = True, tag
            elif self.inside and tag <= self.level:
                self.inside = False

    def handle_data(self, data):
        if self.inside:
            self.text.append(data)


def section_text(path: Path, anchor: str) -> str:
    parser = _Section(anchor)
    parser.feed(path.read_text(encoding="utf-8"))
    return " ".join(" ".join(parser.text).split())


@pytest.mark.parametrize("lang", ["es", "en"])
def test_each_tool_shows_its_licence_and_model_in_both_languages(built_site, lang):
    strings = load_strings()[lang]
    for tool in load_catalog(ROOT / "catalog").tools:
        text = section_text(page(built_site, lang, f"landscape/tools/{tool.id}"), "facts")
        licence = strings["closed_source"] if tool.license == "proprietary" else tool.license.split()[0]
        assert licence in text, tool.id
        assert strings["models"][tool.model] in text, tool.id
        assert tool.id in scan(page(built_site, lang, f"landscape/{tool.category}")).ids  # its entry there


@pytest.mark.parametrize("lang", ["es", "en"])
@pytest.mark.parametrize("where", ["landscape", "mlops-tools"])
def test_every_diagram_node_leads_to_its_tool_in_the_same_language(built_site, lang, where):
    source = page(built_site, lang, where)
    links = {href for tag, href in scan(source).links if tag == "a" and href.startswith("../landscape/tools/")}
    catalog = load_catalog(ROOT / "catalog")
    assert links == {f"../landscape/tools/{tool.id}/" for tool in catalog.tools}  # every tool has its node
    for href in links:
        assert page(built_site, lang, href.removeprefix("../").strip("/")).is_file(), href


def test_the_diagram_has_a_title_and_description_in_the_page_language(built_site):
    for lang, title in (("es", "Mapa de herramientas MLOps"), ("en", "MLOps tool landscape")):
        html = page(built_site, lang, "landscape").read_text()
        start = html.index('<svg class="ls-diagram"') if '<svg class="ls-diagram"' in html else html.index("ls-diagram")
        svg = html[html.rindex("<svg", 0, start + 5): html.index("</svg>", start)]
        assert f'aria-labelledby="ls-title-{lang}"' in svg
        assert re.search(rf'<title id="ls-title-{lang}">{title}', svg)
        assert "<title>" not in svg  # Graphviz's own titles would pollute the search index


def test_the_landscape_is_offered_as_svg_png_and_dot(built_site):
    for lang in ("es", "en"):
        folder = built_site / LANG_PREFIX[lang] / "landscape"
        assert (folder / "landscape.svg").read_text().lstrip().startswith("<?xml")
        assert (folder / "landscape.png").read_bytes()[:4] == b"\x89PNG"
        assert "digraph landscape {" in (folder / "landscape.dot").read_text()


def test_each_language_has_its_own_search_index(built_site):
    spanish = json.loads((built_site / "search/search_index.json").read_text())
    english = json.loads((built_site / "en/search/search_index.json").read_text())
    assert spanish["config"]["lang"] == ["es"] and english["config"]["lang"] == ["en"]
    assert not any(d["location"].startswith("en/") for d in spanish["docs"])
    spanish_titles = {d["title"] for d in spanish["docs"]}
    english_titles = {d["title"] for d in english["docs"]}
    assert "Almacenes de características" in spanish_titles and "Almacenes de características" not in english_titles
    assert "Feature stores" in english_titles and "Feature stores" not in spanish_titles
    # English pages look for the index under /en/ (theme override of the search base).
    assert '"base": "../../en/"' in page(built_site, "en", "landscape").read_text()


def test_every_tool_page_is_in_its_languages_search_index_with_words_also_unaccented(built_site):
    catalog = load_catalog(ROOT / "catalog")
    for lang, index in (("es", "search/search_index.json"), ("en", "en/search/search_index.json")):
        data = json.loads((built_site / index).read_text())
        assert data["config"]["fields"]["folded"] == {"boost": 1}
        locations = {d["location"] for d in data["docs"]}
        assert {f"landscape/tools/{t.id}/" for t in catalog.tools} <= locations, lang
        assert not any("#alternatives" in location for location in locations)  # kept out: it repeats other tools
    spanish = json.loads((built_site / "search/search_index.json").read_text())["docs"]
    category = next(c for c in catalog.categories if c.name["es"] != c.name["es"].encode("ascii", "ignore").decode())
    doc = next(d for d in spanish if d["location"] == f"landscape/{category.id}/")
    assert all(fold_accents(w) in doc["folded"].split() for w in category.name["es"].split() if fold_accents(w) != w)


def test_spanish_punctuation_separates_search_terms(built_site):
    separator = json.loads((built_site / "search/search_index.json").read_text())["config"]["separator"]
    for text, word in (("¿Cómo funciona?", "Cómo"), ("es «fácil» de usar", "fácil"), ("la (versión 2.0)", "versión")):
        assert word in re.split(separator, text)


def test_edit_links_of_generated_pages_open_the_catalog(built_site):
    category = page(built_site, "en", "landscape/feature-stores").read_text()
    assert re.search(r'href="[^"]+/edit/main/catalog/categories\.yml"[^>]*title=', category)
    assert "/edit/main/docs/en/landscape" not in category
    tool = page(built_site, "en", "landscape/tools/feast").read_text()
    assert re.search(r'href="[^"]+/edit/main/catalog/tools/feast\.yml"[^>]*title=', tool)  # the page's edit button
    assert "Edit this entry" in tool
    hand_written = page(built_site, "en", "mlops-tools").read_text()
    assert "/edit/main/docs/en/mlops-tools.md" in hand_written


def test_the_language_switcher_stays_on_the_same_page(built_site):
    html = page(built_site, "es", "landscape/model-serving").read_text()
    assert re.search(r'<a href="[./]*en/landscape/model-serving/" hreflang="en"', html)


def test_nothing_is_loaded_from_another_host(built_site):
    for path in built_site.rglob("*.html"):
        for tag, url in scan(path).links:
            if tag in ("script", "link", "img", "iframe", "source", "object"):
                assert not re.match(r"(https?:)?//", url), f"{path}: <{tag}> {url}"
    assert "fonts.googleapis" not in page(built_site, "es", "").read_text()


def test_no_internal_link_or_anchor_is_broken(built_site):
    assert broken_links(built_site) == []


SITE_URL = "https://mlops-landscape.github.io/"
PAGE_KINDS = ["", "landscape", "landscape/feature-stores", "mlops-tools", "contributing"]


def head(path: Path) -> str:
    html = path.read_text(encoding="utf-8")
    return html[: html.index("</head>")]


@pytest.mark.parametrize("lang", ["es", "en"])
@pytest.mark.parametrize("kind", PAGE_KINDS)
def test_every_page_has_its_description_canonical_url_and_absolute_alternates(built_site, lang, kind):
    text = head(page(built_site, lang, kind))
    url = SITE_URL + LANG_PREFIX[lang] + (f"{kind}/" if kind else "")
    description = re.search(r'<meta name="description" content="([^"]+)"', text).group(1)
    assert len(description) > 50
    assert f'<link rel="canonical" href="{url}">' in text
    same_page = f"{kind}/" if kind else ""
    assert f'<link rel="alternate" hreflang="es" href="{SITE_URL}{same_page}">' in text
    assert f'<link rel="alternate" hreflang="en" href="{SITE_URL}en/{same_page}">' in text
    assert f'<link rel="alternate" hreflang="x-default" href="{SITE_URL}{same_page}">' in text
    assert f'<meta property="og:image" content="{SITE_URL}{LANG_PREFIX[lang]}landscape/landscape-card.png">' in text
    assert f'<meta property="og:url" content="{url}">' in text


def test_generated_pages_describe_themselves_from_the_catalog(built_site):
    spanish = head(page(built_site, "es", "landscape/feature-stores"))
    english = head(page(built_site, "en", "landscape/feature-stores"))
    assert 'content="Almacenes de características: ' in spanish
    assert 'content="Feature stores: ' in english


def test_each_language_has_its_own_sitemap(built_site):
    spanish = (built_site / "sitemap.xml").read_text()
    english = (built_site / "en/sitemap.xml").read_text()
    assert f"<loc>{SITE_URL}landscape/feature-stores/</loc>" in spanish and f"{SITE_URL}en/" not in spanish
    assert f"<loc>{SITE_URL}en/landscape/feature-stores/</loc>" in english
    assert english.count("<loc>") == spanish.count("<loc>")
    robots = (built_site / "robots.txt").read_text()
    assert f"Sitemap: {SITE_URL}sitemap.xml" in robots and f"Sitemap: {SITE_URL}en/sitemap.xml" in robots


def test_each_language_has_a_404_page_in_its_own_language(built_site):
    assert '<html lang="es"' in (built_site / "404.html").read_text()
    assert '<html lang="en"' in (built_site / "en/404.html").read_text()


def test_the_sortable_table_script_is_served_from_the_site_with_its_licence(built_site):
    assert (built_site / "assets/vendor/tablesort/tablesort.min.js").is_file()
    assert "MIT" in (built_site / "assets/vendor/tablesort/LICENSE").read_text() or \
        "Permission is hereby granted" in (built_site / "assets/vendor/tablesort/LICENSE").read_text()
