"""Find words of the other language on a built page: interface text a reader should not meet.

Standard library only. A page's language is its `<html lang>`. Its reader-facing text is
every text node and the `aria-label`, `title`, `alt` and `placeholder` attributes, minus code
(`code`, `pre`, `kbd`, `script`, `style`), emphasis (`em`), where a term of the other
language is introduced on purpose, source links, which read as a site and a path, and elements marked
with another `lang` (quotations, such as the section titles of English lists on the coverage page). Proper names (the catalog's tool names, former names and
stewards written as names) and licence ids are removed before looking for the other language's
marker words: function words and the vocabulary of a site's interface, written in lower case (a
capitalised word inside a sentence is a name: "la edición Community").
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

MARKERS = {
    # On a Spanish page, these English words mean untranslated text.
    "es": {"the", "and", "with", "of", "for", "from", "this", "that", "is", "are", "by", "to", "on", "or", "not",
           "your", "you", "it", "its", "has", "have", "can", "will", "be", "made", "found", "link", "page", "pages",
           "switch", "mode", "dark", "light", "search", "skip", "previous", "next", "copy", "back", "top", "edit",
           "tool", "tools", "community", "project", "team", "services", "formerly", "licence", "license",
           "deployment", "managed", "steward", "sources", "checked", "download", "legend", "more"},
    # On an English page, these Spanish words do.
    "en": {"el", "la", "los", "las", "del", "que", "con", "para", "una", "por", "es", "son", "esta", "este",
           "página", "herramienta", "herramientas", "buscar", "enlace", "modo", "oscuro", "claro", "inicio",
           "código", "abierto", "licencia", "despliegue", "responsable", "fuentes", "comprobados", "más"},
}
# SPDX ids and expressions: "AGPL-3.0-or-later AND Apache-2.0", "LicenseRef-Pachyderm-Community-License".
LICENCE_ID = re.compile(r"\b(?:[\w.+]+-)+[\w.+]*\d[\w.+-]*|\bLicenseRef-[\w.+-]+|\b(?:AND|OR|WITH)\b")
SKIPPED = {"code", "pre", "kbd", "script", "style", "em"}
SKIPPED_CLASSES = {"ls-source", "ls-cite"}  # source links and their markers read as the link's site and path
ATTRIBUTES = ("aria-label", "title", "alt", "placeholder")
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.lang = ""
        self.skipping = 0
        self.runs: list[str] = []

    def handle_starttag(self, tag, attrs):
        values = dict(attrs)
        if tag == "html":
            self.lang = (values.get("lang") or "").split("-")[0]
        other_language = tag != "html" and (values.get("lang") or self.lang).split("-")[0] != self.lang
        if (self.skipping or tag in SKIPPED or other_language
                or SKIPPED_CLASSES.intersection((values.get("class") or "").split())):
            self.skipping += tag not in VOID
            return
        self.runs += [values[name] for name in ATTRIBUTES if values.get(name)]

    def handle_endtag(self, tag):
        if self.skipping and tag not in VOID:
            self.skipping -= 1

    def handle_data(self, data):
        if not self.skipping and data.strip():
            self.runs.append(" ".join(data.split()))


def foreign_words(html: str, proper_names: list[str]) -> tuple[str, list[tuple[str, str]]]:
    """The page's language and its (word, text) pairs where a word of the other language stands."""
    parser = _Text()
    parser.feed(html)
    markers = MARKERS.get(parser.lang, set())
    found = []
    for run in parser.runs:
        text = run
        for name in proper_names:
            text = text.replace(name, " ")
        text = LICENCE_ID.sub(" ", text)
        for word in re.findall(r"[^\W\d_]+", text):
            if word in markers:
                found.append((word, run[:120]))
    return parser.lang, found
