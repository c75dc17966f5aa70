"""A contributor's path: scaffold a tool, fill it in, check it; the files that guide them stay in sync."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
import yaml

from conftest import ROOT, TODAY
from landscape.cli import main


@pytest.fixture
def catalog(fixture_catalog: Path) -> Path:
    return fixture_catalog


def test_a_new_tool_starts_with_every_field_and_placeholders_the_check_rejects(catalog, capsys):
    assert main(["--root", str(catalog), "new", "Açaí ML", "--category", "experiment-tracking"], today=TODAY) == 0
    created = catalog / "catalog/tools/acai-ml.yml"
    assert f"created {created}" in capsys.readouterr().out
    text = created.read_text()
    assert text.startswith("# yaml-language-server: $schema=../schema/tool.schema.json\n")
    schema = json.loads((ROOT / "catalog/schema/tool.schema.json").read_text())
    data = yaml.safe_load(text)
    assert set(schema["required"]) <= set(data)
    assert data["id"] == "acai-ml" and data["name"] == "Açaí ML"

    assert main(["--root", str(catalog), "check"], today=TODAY) == 1
    lines = capsys.readouterr().err.splitlines()
    fields = [re.match(r"catalog/tools/acai-ml\.yml:\d+:\d+: ([\w.\[\]]+):", line).group(1) for line in lines[:-1]]
    assert {"homepage", "repository", "docs", "license", "model", "deployment", "steward", "description.es",
            "description.en", "sources[0].url"} <= set(fields)


def test_a_filled_in_scaffold_passes(catalog, capsys):
    main(["--root", str(catalog), "new", "Açaí ML", "--category", "experiment-tracking"], today=TODAY)
    path = catalog / "catalog/tools/acai-ml.yml"
    text = path.read_text()
    for placeholder, value in {
        "homepage: https://TODO.example/": "homepage: https://acai.example.org/",
        "repository: https://TODO.example/": "repository: https://github.com/example/acai",
        "docs: https://TODO.example/": "docs: https://acai.example.org/docs/",
        "license: TODO": "license: Apache-2.0",
        "model: TODO": "model: open-source",
        "deployment: TODO": "deployment: self-managed",
        "steward: TODO": "steward: Açaí community",
    }.items():
        text = text.replace(placeholder, value)
    text = text.replace("url: https://TODO.example/  # e.g. the LICENSE file", "url: https://pypi.org/project/acai-ml/  #", 1)
    text = text.replace("url: https://TODO.example/  # e.g. the homepage", "url: https://acai.example.org/  #", 1)
    text = re.sub(r"es: >-\n    TODO.*", "es: >-\n    Servidor de modelos de ejemplo que responde predicciones por HTTP.", text)
    text = re.sub(r"en: >-\n    TODO.*", "en: >-\n    Example model server that answers predictions over HTTP.", text)
    path.write_text(text)
    assert main(["--root", str(catalog), "check"], today=TODAY) == 0, capsys.readouterr().err


def test_new_refuses_an_unknown_category_and_an_existing_file(catalog, capsys):
    assert main(["--root", str(catalog), "new", "X Tool", "--category", "nope"], today=TODAY) == 2
    assert "unknown category 'nope'" in capsys.readouterr().err
    main(["--root", str(catalog), "new", "X Tool", "--category", "platforms"], today=TODAY)
    assert main(["--root", str(catalog), "new", "X Tool", "--category", "platforms"], today=TODAY) == 2
    assert "already exists" in capsys.readouterr().err


def test_every_tool_file_names_the_schema_for_editors():
    for path in (ROOT / "catalog/tools").glob("*.yml"):
        assert path.read_text().startswith("# yaml-language-server: $schema=../schema/tool.schema.json\n"), path


def test_the_schema_is_published_with_the_site(built_site):
    published = json.loads((built_site / "schema/tool.schema.json").read_text())
    assert published == json.loads((ROOT / "catalog/schema/tool.schema.json").read_text())


def test_the_issue_form_must_offer_exactly_the_catalog_categories(catalog, capsys):
    form = catalog / ".github/ISSUE_TEMPLATE/new-tool.yml"
    form.parent.mkdir(parents=True)
    form.write_text("name: New tool\nbody:\n  - type: dropdown\n    id: category\n    attributes:\n"
                    "      label: Category\n      options:\n        - feature-stores (Feature stores)\n"
                    "        - experiment-trackin (Experiment tracking)\n", encoding="utf-8")
    assert main(["--root", str(catalog), "check"], today=TODAY) == 1
    assert capsys.readouterr().err.splitlines() == [
        ".github/ISSUE_TEMPLATE/new-tool.yml:8:9: body[0].attributes.options: misses "
        "'experiment-tracking (Experiment tracking)', 'platforms (End-to-end ML platforms)' "
        "(add each as an option, in the catalog's order)",
        ".github/ISSUE_TEMPLATE/new-tool.yml:9:11: body[0].attributes.options[1]: 'experiment-trackin "
        "(Experiment tracking)' is not a category of catalog/categories.yml "
        "(did you mean 'experiment-tracking (Experiment tracking)'?)",
        "2 errors in 1 file",
    ]


def test_the_pull_request_checklist_names_the_real_commands():
    template = (ROOT / ".github/pull_request_template.md").read_text()
    for command in ("landscape check", "make test", "make serve"):
        assert command in template


def test_both_guides_show_every_field_of_the_schema_with_the_same_rules(built_site):
    schema = json.loads((ROOT / "catalog/schema/tool.schema.json").read_text())
    tables = {}
    for lang, prefix in (("es", ""), ("en", "en/")):
        html = (built_site / prefix / "contributing/index.html").read_text(encoding="utf-8")
        section = html.split('id="fields"', 1)[1]
        tables[lang] = re.findall(r"<tr>\s*<td><code>([\w_]+)</code></td>", section)
        # the values a field may take are the same words in both languages
        assert all(f"<code>{value}</code>" in section for value in schema["properties"]["status"]["enum"])
    assert tables["es"] == tables["en"] == list(schema["properties"])
