"""The generator: pages in both languages from one code path, written only when they change."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import TODAY, landscape, tool_text
from landscape.generate import Generator, Project, generate
from landscape.problems import CatalogError


def snapshot(folder: Path) -> dict[str, tuple[bytes, int]]:
    """Every file under `folder` with its bytes and modification time."""
    return {p.relative_to(folder).as_posix(): (p.read_bytes(), p.stat().st_mtime_ns)
            for p in sorted(folder.rglob("*")) if p.is_file()}


def test_generation_writes_a_page_per_category_in_each_language(fixture_project):
    generate(Project(fixture_project), today=TODAY)
    for lang in ("es", "en"):
        pages = {p.name for p in (fixture_project / "docs" / lang / "landscape").glob("*.md")}
        assert pages == {"index.md", "_home.md", "_fields.md", "_data.md", "feature-stores.md", "experiment-tracking.md",
                         "platforms.md"}
        assert (fixture_project / "docs" / lang / "landscape" / "landscape.svg").is_file()
        assert (fixture_project / "docs" / lang / "landscape" / "landscape.png").read_bytes().startswith(b"\x89PNG")
        assert "digraph" in (fixture_project / "docs" / lang / "landscape" / "landscape.dot").read_text()
    assert "Almacenes de características" in (fixture_project / "docs/es/landscape/feature-stores.md").read_text()
    assert "Feature stores" in (fixture_project / "docs/en/landscape/feature-stores.md").read_text()


def test_a_second_run_writes_nothing(fixture_project):
    generate(Project(fixture_project), today=TODAY)
    before = snapshot(fixture_project / "docs")
    report = generate(Project(fixture_project), today=TODAY)
    assert report.written == [] and report.removed == []
    assert snapshot(fixture_project / "docs") == before


def test_an_edit_rewrites_only_the_pages_that_show_the_tool(fixture_project):
    generate(Project(fixture_project), today=TODAY)
    tool = fixture_project / "catalog/tools/sample-store.yml"
    tool.write_text(tool.read_text().replace("steward: Sample Store community", "steward: The Sample Store community"))
    report = generate(Project(fixture_project), today=TODAY)
    written = {Path(p).relative_to(fixture_project / "docs").as_posix() for p in report.written}
    # Its page and the comparison data, in both languages, and the open data; the steward is on no other page.
    assert written == {f"{lang}/{page}" for lang in ("es", "en")
                       for page in ("landscape/tools/sample-store.md", "compare/tools.json")} | {
                           "data/catalog.json", "data/catalog.csv"}


def test_a_kept_generator_redoes_only_what_an_edit_touches(fixture_project, monkeypatch):
    generator = Generator(Project(fixture_project))
    generator.run(today=TODAY)
    drawn = []
    monkeypatch.setattr("landscape.generate.render_diagram", lambda *args: drawn.append(args) or None)
    tool = fixture_project / "catalog/tools/sample-store.yml"
    tool.write_text(tool.read_text().replace("Example feature store", "An example feature store"))
    report = generator.run(today=TODAY)
    assert sorted(Path(p).relative_to(fixture_project / "docs").as_posix() for p in report.written) == [
        "data/catalog.csv", "data/catalog.json", "data/landscape2/data.yml",
        "en/explore/search.json", "en/landscape/feature-stores.md", "en/landscape/tools/sample-store.md",
        "es/explore/search.json"]  # the text filter searches both languages' descriptions
    assert drawn == []  # the diagram shows names, categories, models and deployments only


def test_a_removed_tool_disappears_and_stale_files_are_deleted(fixture_project):
    generate(Project(fixture_project), today=TODAY)
    stale = fixture_project / "docs/es/landscape/old-category.md"
    stale.write_text("# stale\n")
    (fixture_project / "catalog/tools/sample-tracker.yml").unlink()
    (fixture_project / "catalog/tools/other-tracker.yml").write_text(
        tool_text("other-tracker", "Other Tracker", "experiment-tracking"), encoding="utf-8")
    report = generate(Project(fixture_project), today=TODAY)
    assert stale.as_posix() in report.removed and not stale.exists()
    assert "Sample Tracker" not in (fixture_project / "docs/en/landscape/experiment-tracking.md").read_text()


def test_a_catalog_with_problems_writes_nothing(fixture_project):
    generate(Project(fixture_project), today=TODAY)
    before = snapshot(fixture_project / "docs")
    bad = fixture_project / "catalog/tools/sample-store.yml"
    bad.write_text(bad.read_text().replace("model: open-source", "model: open"))
    (fixture_project / "catalog/tools/sample-tracker.yml").write_text("name: [unclosed\n")
    with pytest.raises(CatalogError) as caught:
        generate(Project(fixture_project), today=TODAY)
    assert len(caught.value.problems) == 2
    assert snapshot(fixture_project / "docs") == before


def test_the_command_reports_what_it_wrote(fixture_project):
    first = landscape("--root", str(fixture_project), "generate")
    assert first.returncode == 0, first.stderr
    assert "written" in first.stdout
    second = landscape("--root", str(fixture_project), "generate")
    assert second.stdout.strip().startswith("0 written, 0 removed")


def test_generated_folders_are_git_ignored():
    ignored = (Path(__file__).parent.parent / ".gitignore").read_text()
    assert "docs/*/landscape/" in ignored and "site/" in ignored


def test_a_new_category_with_a_new_tool_appears_in_both_languages_and_the_diagram(fixture_project):
    categories = fixture_project / "catalog/categories.yml"
    categories.write_text(categories.read_text() + """\
  - id: explainability
    phase: development
    name: {es: Explicabilidad, en: Explainability}
    description:
      es: Explican por qué un modelo da una predicción, para depurarlo, auditarlo y justificar sus decisiones.
      en: Explain why a model makes a prediction, to debug it, audit it and justify its decisions.
""", encoding="utf-8")
    (fixture_project / "catalog/tools/shap.yml").write_text(tool_text("shap", "SHAP", "explainability"), encoding="utf-8")

    generate(Project(fixture_project), today=TODAY)
    assert "# Explicabilidad" in (fixture_project / "docs/es/landscape/explainability.md").read_text()
    assert '<div class="ls-entry" id="shap" markdown>' in (fixture_project / "docs/en/landscape/explainability.md").read_text()
    assert "# SHAP" in (fixture_project / "docs/es/landscape/tools/shap.md").read_text()
    assert "[Explainability](explainability.md)" in (fixture_project / "docs/en/landscape/index.md").read_text()
    svg = (fixture_project / "docs/en/landscape/landscape.svg").read_text()
    assert 'id="ls-heading-explainability"' in svg and 'href="../landscape/tools/shap/"' in svg


def test_a_kept_generator_still_restores_a_generated_file_changed_on_disk(fixture_project):
    # The generator skips re-reading files it wrote, but only while their size and time are as it left them.
    generator = Generator(Project(fixture_project))
    generator.run(today=TODAY)
    page = fixture_project / "docs/en/landscape/feature-stores.md"
    original = page.read_bytes()
    page.write_text("changed by hand\n")
    report = generator.run(today=TODAY)
    assert page.read_bytes() == original and page.as_posix() in report.written
