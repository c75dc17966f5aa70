"""MkDocs hook: run the landscape generator before each build, and tidy the built site after.

Thin on purpose: the work lives in the `landscape` package, which knows nothing of
MkDocs. mkdocs-static-i18n runs the build once per language, so every event here
fires once per language; generation is skipped when the catalog has not changed.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from landscape.generate import Project, generate
from landscape.problems import CatalogError
from landscape.site import split_search_index, write_sitemaps

_last_generated: str | None = None  # fingerprint of the catalog and generator last generated from
_not_found_pages: dict[str, str] = {}  # language -> its rendered 404 page, written after all languages are built


def on_pre_build(config) -> None:
    """Regenerate docs/<lang>/landscape/ from catalog/; stop the build, untouched, on catalog problems."""
    global _last_generated
    project = Project(Path(config.config_file_path).parent)
    fingerprint = _fingerprint(project)
    if fingerprint == _last_generated:
        return
    try:
        generate(project, edit_base=config.extra.get("catalog_edit_uri"))
    except CatalogError as err:
        raise PluginError("the catalog has problems:\n" + "\n".join(map(str, err.problems)) + f"\n{err}") from None
    _last_generated = fingerprint


def on_page_context(context, page, config, nav):
    """'Edit this page' on a generated page opens its catalog file, not the generated Markdown."""
    edit_path = page.meta.get("edit_path")
    if edit_path and config.extra.get("catalog_edit_uri"):
        page.edit_url = config.extra["catalog_edit_uri"] + edit_path
    return context


def on_post_template(output: str, template_name: str, config) -> str:
    """Keep each language's 404 page: the i18n plugin writes them all to /404.html, the last one winning."""
    if template_name == "404.html":
        _not_found_pages[config.theme["language"]] = output
    return output


@event_priority(-200)  # after mkdocs-static-i18n (-100), which writes the combined index and sitemap last
def on_post_build(config) -> None:
    """Give each language its own search index, sitemap and 404 page."""
    site_dir, languages = Path(config.site_dir), _languages(config)
    split_search_index(site_dir, languages)
    write_sitemaps(site_dir, languages, config.site_url or "")
    for lang, page in _not_found_pages.items():
        folder = site_dir if lang == languages[0] else site_dir / lang
        (folder / "404.html").write_text(page, encoding="utf-8")


def _languages(config) -> list[str]:
    """Locales of the site, the default (served at /) first."""
    i18n = config.plugins["i18n"]
    return sorted((lang.locale for lang in i18n.config.languages), key=lambda locale: locale != i18n.default_language)


def _fingerprint(project: Project) -> str:
    """Changes whenever a catalog file, template or generator module changes."""
    digest = hashlib.sha256()
    package = Path(generate.__code__.co_filename).parent
    for path in sorted([*project.catalog.rglob("*"), *package.rglob("*")]):
        if path.is_file() and "__pycache__" not in path.parts:
            digest.update(path.as_posix().encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()
