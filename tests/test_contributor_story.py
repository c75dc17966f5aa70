"""A newcomer follows CONTRIBUTING: adds a category and a tool in it, dated today, then makes the usual
mistakes. Runs the real commands, on the real date, in a copy of the whole project."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from conftest import landscape

CATEGORY = """\
  - id: edge-inference
    phase: operations
    name: {es: Inferencia en el borde, en: Edge inference}
    description:
      es: Ejecutan modelos en teléfonos, cámaras y otros dispositivos, cerca de los datos y sin depender de la red.
      en: Run models on phones, cameras and other devices, close to the data and without depending on the network.
"""
FILLED = {
    "homepage: https://TODO.example/": "homepage: https://acai-explain.example.org/",
    "repository: https://TODO.example/  # optional: delete if the source is not public":
        "repository: https://github.com/example/acai-explain",
    "docs: https://TODO.example/  # optional": "docs: https://acai-explain.example.org/docs/",
    "license: TODO": "license: MIT",
    "model: TODO": "model: open-source",
    "deployment: TODO": "deployment: self-managed",
    "steward: TODO": "steward: Açaí Explain community",
    "url: https://TODO.example/  # e.g. the LICENSE file or the package's page on PyPI":
        "url: https://pypi.org/project/acai-explain/",
    "url: https://TODO.example/  # e.g. the homepage or the product's own documentation":
        "url: https://acai-explain.example.org/",
}


def line_of(path: Path, text: str) -> int:
    """The 1-based number of the first line of `path` that contains `text`."""
    return next(i for i, line in enumerate(path.read_text().splitlines(), 1) if text in line)


@pytest.fixture
def newcomer(project: Path) -> Path:
    """The project after the guide's steps 2 and 3: a new category, in the issue form too, and a filled-in tool."""
    categories = project / "catalog/categories.yml"
    categories.write_text(categories.read_text() + CATEGORY)
    form = project / ".github/ISSUE_TEMPLATE/new-tool.yml"
    last = re.findall(r"(?m)^        - .*\)$", form.read_text())[-1]
    form.write_text(form.read_text().replace(last, last + "\n        - edge-inference (Edge inference)"))

    created = landscape("--root", str(project), "new", "Açaí Explain", "--category", "edge-inference")
    assert created.returncode == 0, created.stderr
    tool = project / "catalog/tools/acai-explain.yml"
    text = tool.read_text()
    for placeholder, value in FILLED.items():
        assert placeholder in text, placeholder
        text = text.replace(placeholder, value)
    text = re.sub(r"es: >-\n    TODO.*", "es: >-\n    Biblioteca de ejemplo que explica cada predicción de un modelo.", text)
    text = re.sub(r"en: >-\n    TODO.*", "en: >-\n    Example library that explains each prediction of a model.", text)
    tool.write_text(text)
    return project


def test_a_new_category_and_tool_dated_today_pass_the_check_and_get_their_pages(newcomer):
    check = landscape("--root", str(newcomer), "check")
    assert check.returncode == 0, check.stderr
    assert check.stdout.startswith("catalog OK: ")
    generate = landscape("--root", str(newcomer), "generate")
    assert generate.returncode == 0, generate.stderr
    for lang, title in (("es", "# Inferencia en el borde"), ("en", "# Edge inference")):
        page = (newcomer / f"docs/{lang}/landscape/edge-inference.md").read_text()
        assert title in page and "Açaí Explain" in page


def test_a_mistyped_category_id_is_blamed_on_categories_yml(newcomer):
    categories = newcomer / "catalog/categories.yml"
    categories.write_text(categories.read_text().replace("- id: edge-inference", "- id: edge-inferece"))
    line = line_of(categories, "- id: edge-inferece")
    check = landscape("--root", str(newcomer), "check")
    assert check.returncode == 1
    index = len(re.findall(r"(?m)^  - id: ", categories.read_text().split("categories:", 1)[1])) - 1
    assert check.stderr.splitlines() == [
        f"catalog/categories.yml:{line}:9: categories[{index}].id: "
        "no tool uses category 'edge-inferece', while catalog/tools/acai-explain.yml names 'edge-inference' "
        "(did you mean `id: edge-inference`?)",
        "1 error in 1 file",
    ]


def test_a_category_missing_from_the_issue_form_is_reported_at_the_form(newcomer):
    form = newcomer / ".github/ISSUE_TEMPLATE/new-tool.yml"
    form.write_text(form.read_text().replace("\n        - edge-inference (Edge inference)", ""))
    check = landscape("--root", str(newcomer), "check")
    assert check.returncode == 1
    line = line_of(form, "options:") + 1
    assert check.stderr.splitlines() == [
        f".github/ISSUE_TEMPLATE/new-tool.yml:{line}:9: body[2].attributes.options: misses "
        "'edge-inference (Edge inference)' (add each as an option, in the catalog's order)",
        "1 error in 1 file",
    ]


def test_a_left_placeholder_a_bad_licence_and_a_tracking_link_are_each_reported_once(newcomer):
    tool = newcomer / "catalog/tools/acai-explain.yml"
    text = tool.read_text().replace("model: open-source", "model: TODO").replace("license: MIT", "license: MIT-0.9")
    tool.write_text(text.replace("https://pypi.org/project/acai-explain/", "https://pypi.org/project/acai-explain/?utm_source=x"))
    check = landscape("--root", str(newcomer), "check")
    assert check.returncode == 1
    assert check.stderr.splitlines() == [
        f"catalog/tools/acai-explain.yml:{line_of(tool, 'license:')}:10: license: unknown SPDX licence 'MIT-0.9' "
        "(did you mean 'MIT-0'?)",
        f"catalog/tools/acai-explain.yml:{line_of(tool, 'model:')}:8: model: still holds a placeholder "
        "(replace the TODO text with the real value)",
        f"catalog/tools/acai-explain.yml:{line_of(tool, 'utm_source')}:10: sources[0].url: "
        "'https://pypi.org/project/acai-explain/?utm_source=x' has tracking parameters (utm_source) "
        "(remove them: link to the page itself)",
        "3 errors in 1 file",
    ]
