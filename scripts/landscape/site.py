"""Fixes applied to the built site, per language.

mkdocs-static-i18n builds every language into one site but writes one search
index and one sitemap for all of them, and leaves the root 404 page in whichever
language was built last. These functions give each language its own index,
sitemap and 404 page: the default language at the root, each other one under
`<lang>/`. They read and write files only; nothing here knows MkDocs.
"""

from __future__ import annotations

import gzip
import json
import re
import unicodedata
from pathlib import Path

import jinja2

from .write import write_atomic

INDEX = Path("search") / "search_index.json"
# An extra search field holding each document's words without their accents, so "orquestacion" finds
# "orquestación". Material's search worker indexes every field the index's config names and shows
# only title, text and tags, so readers never see it. Lunr lower-cases every field itself.
FOLDED_FIELD = "folded"
_WORD = re.compile(r"\w+")
_TAG = re.compile(r"<[^>]*>")
REDIRECT_MARK = b'http-equiv="refresh"'


def language_of(location: str, languages: list[str]) -> str:
    """The language of a site-relative location: 'en/x/' -> 'en'; anything else is the default (languages[0])."""
    return next((lang for lang in languages[1:] if location.startswith(f"{lang}/") or location == lang), languages[0])


def split_search_index(site_dir: Path, languages: list[str]) -> None:
    """Split the search index by language, with locations relative to each language's folder."""
    root_index = site_dir / INDEX
    if not root_index.is_file():
        return
    index = json.loads(root_index.read_text(encoding="utf-8"))
    parts: dict[str, list[dict]] = {lang: [] for lang in languages}
    for doc in index["docs"]:
        lang = language_of(doc["location"], languages)
        if lang != languages[0]:
            doc = {**doc, "location": doc["location"].removeprefix(f"{lang}/")}
        parts[lang].append(doc)
    fields = {**index["config"].get("fields", {}), FOLDED_FIELD: {"boost": 1}}
    for lang, docs in parts.items():
        docs = [_with_folded_words(doc) for doc in docs]
        target = site_dir / _folder(lang, languages) / INDEX
        config = {**index["config"], "lang": [lang], "fields": fields}
        index_json = json.dumps({"config": config, "docs": docs}, ensure_ascii=False, separators=(",", ":"))
        write_atomic(target, index_json.encode("utf-8"))


def _with_folded_words(doc: dict) -> dict:
    """`doc` plus, in FOLDED_FIELD, each word of its title and text that has accents, without them."""
    words = _WORD.findall(doc.get("title", "") + " " + _TAG.sub(" ", doc.get("text", "")))
    folded = dict.fromkeys(f for f in map(fold_accents, words) if f not in words)
    return {**doc, FOLDED_FIELD: " ".join(folded)} if folded else doc


def fold_accents(text: str) -> str:
    """`text` without combining marks: 'Orquestación' -> 'Orquestacion' (case is lunr's business)."""
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def write_sitemaps(site_dir: Path, languages: list[str], site_url: str) -> None:
    """Write each language's pages to its own sitemap.xml (and .gz), and point robots.txt at them all."""
    if not site_url:
        return
    pages: dict[str, list[str]] = {lang: [] for lang in languages}
    for page in sorted(site_dir.rglob("index.html")):
        relative = page.parent.relative_to(site_dir).as_posix()
        location = "" if relative == "." else f"{relative}/"
        if location.split("/")[0] in ("assets", "search", "schema") or _is_redirect(page):
            continue
        pages[language_of(location, languages)].append(site_url + location)
    lines = []
    for lang, urls in pages.items():
        folder = site_dir / _folder(lang, languages)
        content = _SITEMAP.render(urls=urls).encode("utf-8")
        write_atomic(folder / "sitemap.xml", content)
        write_atomic(folder / "sitemap.xml.gz", gzip.compress(content, mtime=0))
        lines.append(f"Sitemap: {site_url}{_folder(lang, languages)}sitemap.xml")
    write_atomic(site_dir / "robots.txt", _ROBOTS.render(sitemaps=lines).encode("utf-8"))


_SITEMAP = jinja2.Template(
    '<?xml version="1.0" encoding="UTF-8"?>\n'
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n'
    "{% for url in urls %}  <url><loc>{{ url | e }}</loc></url>\n{% endfor %}"
    "</urlset>\n")
_ROBOTS = jinja2.Template("User-agent: *\nAllow: /\n\n{% for line in sitemaps %}{{ line }}\n{% endfor %}")


def _is_redirect(page: Path) -> bool:
    """A former address's redirect page (small, with a meta refresh): not a page of its own for search engines."""
    return page.stat().st_size < 2048 and REDIRECT_MARK in page.read_bytes()


def write_not_found_pages(site_dir: Path, languages: list[str], pages: dict[str, str]) -> None:
    """Put each language's rendered 404 page in its own folder (`pages`: language -> HTML)."""
    for lang, html in pages.items():
        write_atomic(site_dir / _folder(lang, languages) / "404.html", html.encode("utf-8"))


def _folder(lang: str, languages: list[str]) -> str:
    return "" if lang == languages[0] else f"{lang}/"
