"""The chapter page (mlops-tools/) as a lesson that cannot fall behind the catalog."""

from __future__ import annotations

import re

import pytest

from conftest import ROOT
from landscape.load import load_catalog

# A link to a tool: its section on a category page today, or its own page.
TOOL_LINK = re.compile(r"\[([^\]]+)\]\(landscape/(?:[\w-]+\.md#|tools/)([\w-]+)")


@pytest.fixture(scope="module")
def catalog():
    return load_catalog(ROOT / "catalog")


@pytest.mark.parametrize("lang", ["es", "en"])
def test_the_chapter_names_each_tool_it_links_by_its_current_name(catalog, lang):
    text = (ROOT / "docs" / lang / "mlops-tools.md").read_text(encoding="utf-8")
    links = TOOL_LINK.findall(text)
    assert links, "the chapter links to the tools it discusses"
    for shown, tool_id in links:
        tool = catalog.tool(tool_id)
        assert tool is not None, f"the chapter links to {tool_id!r}, which is not in the catalog"
        assert shown == tool.name[lang], f"the chapter calls {tool_id!r} {shown!r}; its name is {tool.name[lang]!r}"


@pytest.mark.parametrize("lang,prefix", [("es", ""), ("en", "en/")])
def test_the_chapter_page_lists_every_tool_the_chapter_named_with_its_current_name(built_site, catalog, lang, prefix):
    page = (built_site / prefix / "mlops-tools/index.html").read_text(encoding="utf-8")
    named = [entry.tool for area in catalog.chapter for entry in area.tools]
    assert len(named) == 17
    for tool in named:
        assert f'#{tool.id}">{tool.name[lang].replace("&", "&amp;")}</a>' in page, tool.id
