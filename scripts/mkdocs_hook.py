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
# MkDocs' own helpers for the parent and previous/next links it sets on a nav it builds (mkdocs<2 is pinned).
from mkdocs.structure.nav import Section, _add_parent_links, _add_previous_and_next_links, _get_by_type
from mkdocs.structure.pages import Page

from landscape.generate import GENERATED_DIRS, Project, generator_for
from landscape.problem_page import render_problem_page
from landscape.problems import CatalogError, Problem
from landscape.render import OUTPUT_DIR
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
    _generator(config).run()


def _generator(config):
    root = Path(config.config_file_path).parent
    return generator_for(Project(root), config.extra.get("catalog_edit_uri"), config.site_url or "")


@event_priority(-150)  # after mkdocs-static-i18n (-100) has made this language's nav and translated its titles
def on_nav(nav, config, files):
    """The sidebar in the reader's order: home, the landscape (its overview, then each phase with its categories,
    as catalog/categories.yml orders them), explore, the numbers, the chapter, the terms, the changes, the open
    data, the coverage, any other page, and the contributor guide last."""
    catalog = _generator(config).catalog
    if catalog is None:
        return nav
    lang = config.theme["language"]
    prefix = "" if lang == _languages(config)[0] else f"{lang}/"

    def key(item) -> str | None:  # a page's address within its language: "", "landscape/", "contributing/"
        return item.url.removeprefix(prefix) if isinstance(item, Page) else None

    def holds(item, address: str) -> bool:
        return key(item) == address or any(holds(child, address) for child in item.children or ())

    landscape = f"{OUTPUT_DIR}/"
    for section in (item for item in nav.items if item.is_section and holds(item, landscape)):
        pages = {key(child): child for child in section.children}
        phases = [Section(phase.name[lang], [pages[f"{landscape}{c.id}/"] for c in catalog.categories
                                             if c.phase == phase.id and f"{landscape}{c.id}/" in pages])
                  for phase in catalog.phases]
        placed = {id(page) for phase in phases for page in phase.children}
        section.children = ([child for child in section.children if key(child) == landscape]
                            + [phase for phase in phases if phase.children]
                            + [child for child in section.children if key(child) != landscape and id(child) not in placed])
    # A generated page in a folder of its own (explore/, stats/) is a section holding one page: show the page.
    nav.items = [item.children[0] if item.is_section and len(item.children) == 1 and isinstance(item.children[0], Page)
                 else item for item in nav.items]
    rank = {"": 0, landscape: 1, "explore/": 2, "stats/": 3, "mlops-tools/": 4, "terms/": 5, "changes/": 6,
            "data/": 7, "coverage/": 8, "contributing/": 10}
    nav.items.sort(key=lambda item: next((r for address, r in rank.items() if holds(item, address)), 9))
    nav.pages[:] = _get_by_type(nav.items, Page)
    _add_previous_and_next_links(nav.pages)
    _add_parent_links(nav.items)
    for item in nav.items:
        item.parent = None
    return nav


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
