"""Tool pages, category entries, redirects and counts, as the generator writes them (no MkDocs build).

Expectations come from the loaded catalog or from a change the test makes to its own copy, so that
contributors can change the catalog without breaking these tests.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from landscape import render
from landscape.generate import Generator, Project, generate
from landscape.i18n import long_date
from landscape.labels import license_name, source_label
from landscape.load import load_catalog
from landscape.model import LANGS

TODAY = dt.date(2100, 1, 1)  # after any `checked` date a contributor can write


def edit(project: Path, tool_id: str, old: str, new: str) -> None:
    path = project / "catalog/tools" / f"{tool_id}.yml"
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def page(project: Path, lang: str, name: str) -> str:
    return (project / "docs" / lang / "landscape" / name).read_text(encoding="utf-8")


def test_every_tool_has_a_page_in_each_language_with_its_main_categorys_other_tools(project):
    generate(Project(project), today=TODAY)
    catalog = load_catalog(project / "catalog", today=TODAY)
    for lang in LANGS:
        for tool in catalog.tools:
            text = page(project, lang, f"tools/{tool.id}.md")
            assert f"edit_path: \"{tool.file}\"" in text
            own = [t for t in catalog.tools_in(tool.category) if t.category == tool.category and t is not tool]
            listed = [t for t in own if f"](../tools/{t.id}.md) |" in text]
            assert len(listed) == min(len(own), render.ALTERNATIVES_SHOWN), tool.id


def test_a_tool_page_lists_a_bounded_number_of_alternatives_and_counts_the_rest(project, monkeypatch):
    monkeypatch.setattr(render, "ALTERNATIVES_SHOWN", 1)
    generate(Project(project), today=TODAY)
    catalog = load_catalog(project / "catalog", today=TODAY)
    tool = next((t for t in catalog.tools
                 if sum(o.category == t.category for o in catalog.tools_in(t.category)) >= 3), None)
    if tool is None:
        pytest.skip("no category of the catalog has three tools of its own")
    more = sum(o.category == tool.category for o in catalog.tools_in(tool.category)) - 2
    text = page(project, "en", f"tools/{tool.id}.md")
    assert text.count("](../tools/") == 1
    assert f"And {more} more tool{'s' if more > 1 else ''} in [" in text


def test_a_tool_that_is_no_longer_active_says_so_at_the_top_with_its_successor(fixture_project):
    project = fixture_project
    edit(project, "sample-store", "status: active", "status: deprecated\nsuccessor: sample-tracker")
    edit(project, "sample-store", "supports: [name, deployment, steward, status]",
         "supports: [name, deployment, steward, status, successor]")
    generate(Project(project), today=TODAY)
    for lang, label in (("es", "Obsoleta"), ("en", "Deprecated")):
        text = page(project, lang, "tools/sample-store.md")
        body = text.split("# Sample Store\n", 1)[1]
        assert body.lstrip().startswith(f'!!! warning "{label}"')
        assert "[Sample Tracker](../tools/sample-tracker.md)" in body.split("## ", 1)[0]
        row = next(line for line in page(project, lang, "feature-stores.md").splitlines()
                   if line.startswith("| [Sample Store]"))
        assert f'<span class="ls-status ls-status--deprecated">{label}</span>' in row


def test_a_former_id_gets_a_page_that_redirects_to_the_current_one(project):
    edit(project, "feast", "status: active", "status: active\nformer_ids: [feast-store]")
    Generator(Project(project), site_url="https://example.org/").run(today=TODAY)
    for lang, prefix in (("es", ""), ("en", "en/")):
        html = page(project, lang, "tools/feast-store/index.html")
        assert '<meta http-equiv="refresh" content="0; url=../feast/">' in html
        assert re.search(f'<link rel="canonical" href="https://example.org/{prefix}landscape/tools/feast/">', html)


def test_old_category_anchors_still_name_each_tool(project):
    generate(Project(project), today=TODAY)
    catalog = load_catalog(project / "catalog", today=TODAY)
    for category in catalog.categories:
        text = page(project, "en", f"{category.id}.md")
        for tool in catalog.tools_in(category.id):
            assert f'<div class="ls-entry" id="{tool.id}" markdown>' in text


def test_tools_of_another_main_category_come_after_the_categorys_own(project):
    generate(Project(project), today=TODAY)
    catalog = load_catalog(project / "catalog", today=TODAY)
    category = next((c for c in catalog.categories
                     if any(t.category != c.id for t in catalog.tools_in(c.id))), None)
    if category is None:
        pytest.skip("no tool of the catalog belongs to a second category")
    text = page(project, "en", f"{category.id}.md")
    own, also = text.split("## Also in this category { #also }")
    for tool in catalog.tools_in(category.id):
        assert f'id="{tool.id}"' in (own if tool.category == category.id else also)


def test_licences_show_a_readable_name_beside_the_id_and_closed_products_say_proprietary_once(fixture_project):
    project = fixture_project
    edit(project, "sample-store", "license: Apache-2.0", "license: Apache-2.0 AND LicenseRef-scancode-hfoil-1.0")
    generate(Project(project), today=TODAY)
    text = page(project, "en", "feature-stores.md")
    assert ("Apache License 2\\.0 (<code>Apache\\-2\\.0</code>) and Hugging Face Optimized Inference License 1\\.0 "
            "(<code>LicenseRef\\-scancode\\-hfoil\\-1\\.0</code>)") in text
    text = page(project, "en", "platforms.md")
    row = next(line for line in text.splitlines() if line.startswith("| [Sample Platform]"))
    assert row.count("Proprietary") == 1 and "Closed source" in row
    assert "| Licensing model <a class=\"ls-term\"" in text


def test_sources_read_as_site_and_page_and_the_check_date_as_readers_write_it(project):
    generate(Project(project), today=TODAY)
    catalog = load_catalog(project / "catalog", today=TODAY)
    tool = catalog.tool("feast")
    for lang in LANGS:
        text = page(project, lang, "tools/feast.md").replace("\\", "")
        for source in tool.sources:
            assert f"[{source_label(source.url)}]({source.url})" in text
        assert f'<time datetime="{tool.checked.isoformat()}">{long_date(tool.checked, lang)}</time>' in text


def test_the_overview_and_the_home_page_count_tools_and_category_listings_from_the_catalog(project):
    generate(Project(project), today=TODAY)
    catalog = load_catalog(project / "catalog", today=TODAY)
    listings = sum(len(t.categories) for t in catalog.tools)
    sentence = f"{len(catalog.tools)} tools and {listings} listings in {len(catalog.categories)} categories"
    assert sentence in page(project, "en", "index.md").replace(",", "")
    home = page(project, "en", "_home.md")
    assert sentence in home.replace(",", "")
    positions = [home.index(f"(landscape/{c.id}.md)") for c in catalog.categories]
    assert positions == sorted(positions)  # phases and categories in catalog order


def test_spdx_ids_get_names_from_the_spdx_list():
    assert license_name("Apache-2.0") == "Apache License 2.0"
    assert license_name("LicenseRef-Pachyderm-Community-License") == "Pachyderm Community License"
    assert license_name("LicenseRef-unknown") == ""
    assert source_label("https://github.com/feast-dev/feast/blob/master/LICENSE") == "github.com › feast-dev/feast › LICENSE"
    assert source_label("https://www.example.org/") == "example.org"
