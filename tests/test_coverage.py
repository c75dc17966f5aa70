"""The coverage mapping (catalog/coverage.yml): `landscape check` holds it to the catalog, and the
coverage page shows each list's sections with where they land, or why they are out of scope."""

from __future__ import annotations

from conftest import TODAY
from landscape.coverage import render_coverage
from landscape.load import load_catalog
from test_checks import check  # `landscape check` on the fixed clock: (status, lines)

COVERAGE = """\
lists:
  - id: some-list
    name: Some <i>List</i>
    url: https://github.com/example/some-list
    commit: 0123456789abcdef0123456789abcdef01234567
    read: 2026-11-20
areas:
  - list: some-list
    section: Feature Store
    categories: [feature-stores]
  - list: some-list
    section: Books
    out_of_scope:
      es: Son libros, no herramientas; el catálogo solo recoge herramientas.
      en: These are books, not tools; the catalogue lists tools only.
left_out:
  - name: Old Store
    category: feature-stores
    reason:
      es: Archivado en 2020 y sustituido por otros almacenes.
      en: Archived in 2020 and replaced by other stores.
"""


def test_a_valid_mapping_passes_and_becomes_a_page_in_both_languages(fixture_catalog, capsys):
    (fixture_catalog / "catalog/coverage.yml").write_text(COVERAGE, encoding="utf-8")
    assert check(fixture_catalog, capsys) == (0, [])
    catalog = load_catalog(fixture_catalog / "catalog", today=TODAY)
    english = render_coverage(catalog, "en")["coverage/index.md"].decode("utf-8")
    assert '<a href="../landscape/feature-stores/">Feature stores</a>' in english
    assert "<em>Out of scope</em>: These are books" in english
    assert "Some &lt;i&gt;List&lt;/i&gt;" in english and "<i>List</i>" not in english
    assert "<strong>Old Store</strong>: Archived in 2020" in english
    spanish = render_coverage(catalog, "es")["coverage/index.md"].decode("utf-8")
    assert "Almacenes de características" in spanish and "Fuera del alcance" in spanish


def test_unknown_lists_and_categories_and_a_left_out_tool_that_is_here_are_located(fixture_catalog, capsys):
    text = (COVERAGE.replace("categories: [feature-stores]", "categories: [feature-store]")
            .replace("  - list: some-list\n    section: Books", "  - list: other-list\n    section: Books")
            .replace("name: Old Store", "name: sample store"))
    (fixture_catalog / "catalog/coverage.yml").write_text(text, encoding="utf-8")
    status, lines = check(fixture_catalog, capsys)
    assert status == 1
    assert lines == [
        "catalog/coverage.yml:10:18: areas[0].categories[0]: unknown category 'feature-store' "
        "(did you mean 'feature-stores'?)",
        "catalog/coverage.yml:11:11: areas[1].list: no list has the id 'other-list' (did you mean 'some-list'?)",
        "catalog/coverage.yml:17:11: left_out[0].name: 'sample store' is in the catalog "
        "(catalog/tools/sample-store.yml) (remove it from `left_out`)",
        "3 errors in 1 file",
    ]
