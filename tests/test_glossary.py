"""One name per concept in each language: the glossary applied to the pages we write by hand,
the guide and the generator's interface text (the catalog's text is checked by `landscape check`)."""

from __future__ import annotations

from conftest import ROOT
from landscape.glossary import GLOSSARY, lint_markdown, lint_strings

GLOSSARY_FILE = ROOT / "catalog" / GLOSSARY


def test_hand_written_pages_the_guide_and_interface_text_use_the_glossary_terms():
    problems = []
    for lang in ("es", "en"):
        for page in sorted((ROOT / "docs" / lang).glob("*.md")):
            problems += lint_markdown(page, page.relative_to(ROOT).as_posix(), lang, GLOSSARY_FILE)
    for name in ("CONTRIBUTING.md", "README.md"):
        problems += lint_markdown(ROOT / name, name, "en", GLOSSARY_FILE)
    strings = ROOT / "scripts/landscape/strings.yml"
    problems += lint_strings(strings, "scripts/landscape/strings.yml", GLOSSARY_FILE)
    assert [str(p) for p in problems] == []


def test_the_lint_reports_a_variant_at_its_line_and_column(tmp_path):
    page = tmp_path / "page.md"
    page.write_text("# Título\n\nGuarda los ficheros de `ficheros.txt` y las características (*features*).\n",
                    encoding="utf-8")
    assert [str(p) for p in lint_markdown(page, "page.md", "es", GLOSSARY_FILE)] == [
        "page.md:3:12: 'ficheros' is not the glossary's term (write 'archivo' (a file on disk; see catalog/glossary.yml))"]
