"""Every built page speaks one language: no interface text of the other one, in either direction."""

from __future__ import annotations

from pathlib import Path

from conftest import ROOT
from language import foreign_words
from landscape.labels import license_parts
from landscape.load import load_catalog


def proper_names() -> list[str]:
    """Names that stay as they are in both languages, longest first (so a longer name goes before its parts)."""
    catalog = load_catalog(ROOT / "catalog")
    licences = {part.name for tool in catalog.tools for expression in
                (tool.license, *(c.old.en for c in tool.license_changes), *(c.new.en for c in tool.license_changes))
                for part in license_parts(expression) if part.name}  # "GNU Affero General Public License v3.0 or later"
    names = licences | {"Material for MkDocs", "MkDocs", "English", "Español", "GitHub", "Graphviz", "Apache-2.0", "CC BY 4.0"}
    for tool in catalog.tools:
        names.update(tool.former_names)
        names.update(value.es for value in (tool.name, tool.steward) if value.es == value.en)  # a name, not words
    return sorted(names, key=len, reverse=True)


def test_no_page_shows_words_of_the_other_language(built_site: Path):
    names = proper_names()
    leaks = {}
    for page in sorted(built_site.rglob("*.html")):
        lang, found = foreign_words(page.read_text(encoding="utf-8"), names)
        if found:
            leaks[page.relative_to(built_site).as_posix()] = sorted(set(found))[:5]
    assert leaks == {}
