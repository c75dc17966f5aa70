"""Catalog text is untrusted: whatever a pull request puts in it shows on the site as text, never as markup."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from conftest import copy_project, mkdocs

EVIL = """\
# yaml-language-server: $schema=../schema/tool.schema.json
id: evil-tool
name: "Evil <b>Tool</b> & {: #pwn } | x"
category: model-serving
homepage: https://evil.example.org/a(b)c?d="e"&f=<g>
repository: https://evil.example.org/repo
license: MIT
model: open-source
deployment: self-managed
steward: "**Bold** [click](javascript:alert(1)) <img src=x onerror=alert(1)>"
status: active
description:
  es: >-
    Descripción con <script>alert('es')</script> y [un enlace](javascript:alert(2))
    y una imagen <img src=x onerror=alert(3)> y `código`.
  en: >-
    Description with <script>alert('en')</script> and [a link](javascript:alert(2))
    and an image <img src=x onerror=alert(3)> and # not a heading.
added: 2026-11-01
checked: 2026-11-01
sources:
  - url: https://evil.example.org/licence
    supports: [name, license, model, deployment, steward, status]
"""


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    root = copy_project(tmp_path_factory.mktemp("untrusted"))
    (root / "catalog/tools/evil-tool.yml").write_text(EVIL, encoding="utf-8")
    categories = root / "catalog/categories.yml"
    categories.write_text(categories.read_text().replace(
        "name: {es: Servicio de modelos,", 'name: {es: "Servicio <i>de</i> modelos \\"x\\"",'), encoding="utf-8")
    result = mkdocs("build", "--strict", cwd=root)
    assert result.returncode == 0, result.stderr[-3000:]
    return root


@pytest.mark.parametrize("lang", ["es", "en"])
def test_html_and_markdown_in_catalog_text_show_as_text(site, lang):
    folder = site / "site" / ("en/" if lang == "en" else "") / "landscape"
    # The category page shows the tool's entry, its own page every field: both, as one text.
    html = (folder / "model-serving/index.html").read_text() + (folder / "tools/evil-tool/index.html").read_text()
    assert "<script>alert" not in html
    assert "&lt;script&gt;alert(" in html
    assert not re.search(r"<img[^>]*onerror", html)
    assert "&lt;img src=x onerror=alert(3)&gt;" in html
    assert 'href="javascript:' not in html
    assert "[click](javascript:alert(1))" in html  # the Markdown link stays literal text
    assert "<strong>Bold</strong>" not in html and "**Bold**" in html
    assert 'id="pwn"' not in html
    assert "Evil &lt;b&gt;Tool&lt;/b&gt; &amp;" in html


def test_a_category_name_shows_as_text_in_the_title_navigation_and_description(site):
    html = (site / "site/landscape/model-serving/index.html").read_text()
    assert "<i>de</i>" not in html
    assert "<title>Servicio &lt;i&gt;de&lt;/i&gt; modelos &#34;x&#34; - " in html
    assert 'content="Servicio &lt;i&gt;de&lt;/i&gt; modelos &#34;x&#34;: ' in html


def test_a_url_with_quotes_and_brackets_stays_one_link(site):
    html = (site / "site/landscape/tools/evil-tool/index.html").read_text()
    assert 'href="https://evil.example.org/a%28b%29c?d=%22e%22&amp;f=%3Cg%3E"' in html


def test_catalog_text_is_escaped_in_the_diagram(site):
    svg = (site / "site/en/landscape/landscape.svg").read_text()
    assert "<b>" not in svg
    assert "Evil &lt;b&gt;Tool&lt;/b&gt; &amp;" in svg


def test_a_failed_check_leaves_the_pages_and_the_site_as_they_were(site):
    def snapshot() -> dict[str, bytes]:
        files = [*(site / "site").rglob("*"), *(site / "docs").rglob("*")]
        return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(files) if p.is_file()}

    before = snapshot()
    tool = site / "catalog/tools/evil-tool.yml"
    tool.write_text(tool.read_text().replace("license: MIT", "license: MIT-ish"), encoding="utf-8")
    result = mkdocs("build", "--strict", cwd=site)
    assert result.returncode != 0
    assert "catalog/tools/evil-tool.yml:7:10: license: unknown SPDX licence 'MIT-ish'" in result.stderr
    assert "1 error in 1 file" in result.stderr
    assert snapshot() == before
