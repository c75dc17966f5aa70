"""Fixes applied to the built site: one search index per language.

mkdocs-static-i18n writes a single `search/search_index.json` holding every
language, so a Spanish query would list English pages too. `split_search_index`
leaves the default language's pages at the root and moves each other language's
pages to `<lang>/search/search_index.json`, with locations relative to `<lang>/`;
the theme override points pages of that language at it (overrides/main.html).
"""

from __future__ import annotations

import json
from pathlib import Path

from .write import write_atomic

INDEX = Path("search") / "search_index.json"


def split_search_index(site_dir: Path, languages: list[str]) -> None:
    """Split the site's search index by language; `languages[0]` is the one served at /."""
    root_index = site_dir / INDEX
    if not root_index.is_file():
        return
    index = json.loads(root_index.read_text(encoding="utf-8"))
    default, others = languages[0], languages[1:]
    parts: dict[str, list[dict]] = {lang: [] for lang in languages}
    for doc in index["docs"]:
        lang = next((lang for lang in others if doc["location"].startswith(f"{lang}/")), default)
        if lang != default:
            doc = {**doc, "location": doc["location"].removeprefix(f"{lang}/")}
        parts[lang].append(doc)
    for lang, docs in parts.items():
        target = root_index if lang == default else site_dir / lang / INDEX
        config = {**index["config"], "lang": [lang]}
        write_atomic(target, json.dumps({"config": config, "docs": docs}, ensure_ascii=False).encode("utf-8"))
