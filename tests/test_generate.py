"""The generator: pages in both languages from one code path, written only when they change."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from conftest import landscape
from landscape.generate import Generator, Project, generate
from landscape.problems import CatalogError

TODAY = dt.date(2026, 11, 26)


def snapshot(folder: Path) -> dict[str, tuple[bytes, int]]:
    """Every file under `folder` with its bytes and modification time."""
    return {p.relative_to(folder).as_posix(): (p.read_bytes(), p.stat().st_mtime_ns)
            for p in sorted(folder.rglob("*")) if p.is_file()}


def test_generation_writes_a_page_per_category_in_each_language(project):
    generate(Project(project), today=TODAY)
    for lang in ("es", "en"):
        pages = {p.name for p in (project / "docs" / lang / "landscape").glob("*.md")}
        assert {"index.md", "feature-stores.md", "platforms.md"} <= pages
        assert (project / "docs" / lang / "landscape" / "landscape.svg").is_file()
        assert (project / "docs" / lang / "landscape" / "landscape.png").read_bytes().startswith(b"\x89PNG")
        assert "digraph" in (project / "docs" / lang / "landscape" / "landscape.dot").read_text()
    assert "Almacenes de características" in (project / "docs/es/landscape/feature-stores.md").read_text()
    assert "Feature stores" in (project / "docs/en/landscape/feature-stores.md").read_text()


def test_a_second_run_writes_nothing(project):
    generate(Project(project), today=TODAY)
    before = snapshot(project / "docs")
    report = generate(Project(project), today=TODAY)
    assert report.written == [] and report.removed == []
    assert snapshot(project / "docs") == before


def test_an_edit_rewrites_only_the_pages_that_show_the_tool(project):
    generate(Project(project), today=TODAY)
    feast = project / "catalog/tools/feast.yml"
    feast.write_text(feast.read_text().replace("steward: Feast community", "steward: The Feast community"))
    report = generate(Project(project), today=TODAY)
    written = {Path(p).relative_to(project / "docs").as_posix() for p in report.written}
    assert written == {"es/landscape/tools/feast.md", "en/landscape/tools/feast.md"}  # only its page shows the steward


def test_a_kept_generator_redoes_only_what_an_edit_touches(project, monkeypatch):
    generator = Generator(Project(project))
    generator.run(today=TODAY)
    drawn = []
    monkeypatch.setattr("landscape.generate.render_diagram", lambda *args: drawn.append(args) or None)
    feast = project / "catalog/tools/feast.yml"
    feast.write_text(feast.read_text().replace("Open-source feature store", "Open source feature store"))
    report = generator.run(today=TODAY)
    assert [Path(p).relative_to(project / "docs").as_posix() for p in report.written] == [
        "en/landscape/feature-stores.md", "en/landscape/tools/feast.md"]  # its entry and its page
    assert drawn == []  # the diagram shows names, categories, models and deployments only


def test_a_removed_tool_disappears_and_stale_files_are_deleted(project):
    generate(Project(project), today=TODAY)
    stale = project / "docs/es/landscape/old-category.md"
    stale.write_text("# stale\n")
    (project / "catalog/tools/feast.yml").unlink()
    report = generate(Project(project), today=TODAY)
    assert stale.as_posix() in report.removed and not stale.exists()
    assert "Feast" not in (project / "docs/en/landscape/feature-stores.md").read_text().split("## ", 2)[-1]


def test_a_catalog_with_problems_writes_nothing(project):
    generate(Project(project), today=TODAY)
    before = snapshot(project / "docs")
    bad = project / "catalog/tools/feast.yml"
    bad.write_text(bad.read_text().replace("category: feature-stores", "category: feature-store"))
    (project / "catalog/tools/mlflow.yml").write_text("name: [unclosed\n")
    with pytest.raises(CatalogError) as caught:
        generate(Project(project), today=TODAY)
    assert len(caught.value.problems) == 2
    assert snapshot(project / "docs") == before


def test_the_command_reports_what_it_wrote(project):
    first = landscape("--root", str(project), "generate")
    assert first.returncode == 0, first.stderr
    assert "written" in first.stdout
    second = landscape("--root", str(project), "generate")
    assert second.stdout.strip().startswith("0 written, 0 removed")


def test_generated_folders_are_git_ignored():
    ignored = (Path(__file__).parent.parent / ".gitignore").read_text()
    assert "docs/*/landscape/" in ignored and "site/" in ignored


def test_a_new_category_with_a_new_tool_appears_in_both_languages_and_the_diagram(project):
    categories = project / "catalog/categories.yml"
    categories.write_text(categories.read_text() + """\
  - id: explainability
    phase: operations
    name: {es: Explicabilidad, en: Explainability}
    description:
      es: Explican por qué un modelo da una predicción, para depurarlo, auditarlo y justificar sus decisiones.
      en: Explain why a model makes a prediction, to debug it, audit it and justify its decisions.
""", encoding="utf-8")
    tool = (project / "catalog/tools/feast.yml").read_text()
    tool = tool.replace("id: feast", "id: shap").replace("name: Feast", "name: SHAP")
    tool = tool.replace("category: feature-stores", "category: explainability")
    tool = tool.replace("https://feast.dev/", "https://shap.example.org/").replace("feast-dev/feast", "shap/shap")
    (project / "catalog/tools/shap.yml").write_text(tool, encoding="utf-8")

    generate(Project(project), today=TODAY)
    assert "# Explicabilidad" in (project / "docs/es/landscape/explainability.md").read_text()
    assert '<div class="ls-entry" id="shap" markdown>' in (project / "docs/en/landscape/explainability.md").read_text()
    assert "# SHAP" in (project / "docs/es/landscape/tools/shap.md").read_text()
    assert "[Explainability](explainability.md)" in (project / "docs/en/landscape/index.md").read_text()
    svg = (project / "docs/en/landscape/landscape.svg").read_text()
    assert 'id="ls-category-explainability"' in svg and 'xlink:href="../landscape/explainability/#shap"' in svg


def test_a_kept_generator_still_restores_a_generated_file_changed_on_disk(project):
    # The generator skips re-reading files it wrote, but only while their size and time are as it left them.
    generator = Generator(Project(project))
    generator.run(today=TODAY)
    page = project / "docs/en/landscape/feature-stores.md"
    original = page.read_bytes()
    page.write_text("changed by hand\n")
    report = generator.run(today=TODAY)
    assert page.read_bytes() == original and page.as_posix() in report.written
