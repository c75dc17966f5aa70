"""MkDocs hook: run the landscape generator before each build, and tidy the built site after.

Thin on purpose: the work lives in the `landscape` package, which knows nothing of
MkDocs. mkdocs-static-i18n runs the build once per language, so every event here
fires once per language; the generator remembers its last run and redoes only what changed.
"""

from __future__ import annotations

import logging
import os
from html import escape
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from landscape.generate import GENERATED_DIRS, Project, generator_for
from landscape.problem_page import render_problem_page
from landscape.problems import CatalogError, Problem
from landscape.site import split_search_index, write_not_found_pages, write_sitemaps

log = logging.getLogger("mkdocs.hooks.landscape")
# Set by on_startup under `mkdocs serve`. An environment variable, because MkDocs re-imports this
# module for every rebuild but calls on_startup only once.
SERVING = "LANDSCAPE_SERVING"
_not_found_pages: dict[str, str] = {}  # language -> its rendered 404 page, written after all languages are built
_problems: list[Problem] = []  # under `mkdocs serve`: the catalog's problems, shown in place of every page


def on_startup(command: str, dirty: bool) -> None:
    if command == "serve":
        os.environ[SERVING] = "1"


def on_pre_build(config) -> None:
    """Regenerate docs/<lang>/landscape/ from catalog/; on catalog problems, leave every file untouched and
    stop the build, or, under `mkdocs serve`, show the problems in the browser instead of the pages.

    MkDocs re-reads this module on every rebuild, so the generator, which remembers
    its last run, is kept by the landscape package: the second language's call and
    a rebuild after one file changed redo only what changed.
    """
    _problems.clear()
    try:
        _generate(config)
    except CatalogError as err:
        report = "the catalog has problems:\n" + "\n".join(map(str, err.problems)) + f"\n{err}"
        if not os.environ.get(SERVING):
            raise PluginError(report) from None
        # INFO, not ERROR: under --strict MkDocs aborts a build that logged a warning, and an aborted
        # rebuild leaves the browser waiting ("the server will appear stuck").
        log.info(report + "\nThe browser shows them in place of the pages; fix them and save.")
        _problems.extend(err.problems)


def on_page_content(html: str, page, config, files) -> str:
    """Heading permalinks titled in the page's language (Python-Markdown's toc writes "Permanent link")."""
    return html.replace('title="Permanent link"', f'title="{escape(config.extra["ui"]["permalink"])}"')


def on_post_page(output: str, page, config) -> str:
    """Under `mkdocs serve`, while the catalog has problems, every page lists them instead."""
    return render_problem_page(_problems, config.theme["language"]) if _problems else output


def on_serve(server, config, builder):
    """Under `mkdocs serve`, watch the hand-written docs but not the generated folders.

    A catalog edit (catalog/ is in `watch:`) triggers one rebuild, whose pre_build
    writes the pages; were those folders watched, the writes would trigger a second
    rebuild and a second reload.
    """
    docs = Path(config.docs_dir)
    server.unwatch(config.docs_dir)
    for path, recursive in _hand_written(docs, {docs / folder for folder in GENERATED_DIRS}):
        server.watch(str(path), recursive=recursive)
    return server


def _hand_written(folder: Path, generated: set[Path]):
    """(path, recursive) pairs that cover every file under `folder` except those under `generated`."""
    if not any(g.is_relative_to(folder) for g in generated):
        yield folder, True
        return
    yield folder, False  # its own files
    for child in sorted(p for p in folder.iterdir() if p.is_dir() and p not in generated):
        yield from _hand_written(child, generated)


def _generate(config) -> None:
    """Run this project's generator, the same one across rebuilds, so it redoes only what changed."""
    root = Path(config.config_file_path).parent
    generator_for(Project(root), config.extra.get("catalog_edit_uri")).run()


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
    """Give each language its own search index, sitemap and 404 page, once all languages are built."""
    if config.plugins["i18n"].building:
        return  # the i18n plugin is building another language inside the default one's build, which ends last
    site_dir, languages = Path(config.site_dir), _languages(config)
    split_search_index(site_dir, languages)
    write_sitemaps(site_dir, languages, config.site_url or "")
    write_not_found_pages(site_dir, languages, _not_found_pages)


def _languages(config) -> list[str]:
    """Locales of the site, the default (served at /) first."""
    i18n = config.plugins["i18n"]
    return sorted((lang.locale for lang in i18n.config.languages), key=lambda locale: locale != i18n.default_language)
