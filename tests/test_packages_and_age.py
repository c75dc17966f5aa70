"""The catalog names each tool's packages, and the model says when a tool's facts are due for a re-check."""

from __future__ import annotations

import datetime as dt

from conftest import FIXTURE_TOOLS, TODAY, tool_text, write_catalog
from landscape.cli import main
from landscape.load import load_catalog
from landscape.model import Package, months_after


def catalog_with(root, **tools: str):
    """The fixture catalog with some of its tools replaced."""
    return write_catalog(root, {**FIXTURE_TOOLS, **{k.replace("_", "-"): v for k, v in tools.items()}})


def test_a_tool_may_name_its_packages_by_index(tmp_path):
    text = tool_text("sample-store", "Sample Store", **{
        "license: Apache-2.0": "packages: {pypi: [sample-store, sample_store.sdk], npm: ['@sample/store']}\n"
                               "license: Apache-2.0"})
    root = catalog_with(tmp_path, sample_store=text)
    tool = load_catalog(root / "catalog", today=TODAY).tool("sample-store")
    assert tool.packages == (Package("pypi", "sample-store"), Package("pypi", "sample_store.sdk"),
                             Package("npm", "@sample/store"))


def test_a_package_name_that_no_index_accepts_is_a_located_problem(tmp_path, capsys):
    text = tool_text("sample-store", "Sample Store", **{
        "license: Apache-2.0": "packages: {pypi: [sample store], conda: [x]}\nlicense: Apache-2.0"})
    root = catalog_with(tmp_path, sample_store=text)
    assert main(["--root", str(root), "check"], today=TODAY) == 1
    err = capsys.readouterr().err
    assert err.splitlines() == [
        "catalog/tools/sample-store.yml:8:19: packages.pypi[0]: 'sample store' is not a valid name "
        "(write the name as PyPI shows it: letters, digits, '.', '_' and '-', e.g. `feast`)",
        "catalog/tools/sample-store.yml:8:34: packages.conda: unknown key (known keys: pypi, npm)",
        "2 errors in 1 file"]


def test_facts_are_due_for_a_recheck_the_day_after_twelve_months(tmp_path):
    root = catalog_with(tmp_path)
    tool = load_catalog(root / "catalog", today=TODAY).tool("sample-store")  # checked 2026-11-20
    assert tool.recheck_due == dt.date(2027, 11, 20)
    assert not tool.needs_recheck(dt.date(2027, 11, 20))
    assert tool.needs_recheck(dt.date(2027, 11, 21))


def test_months_are_calendar_months():
    assert months_after(dt.date(2025, 1, 31), 1) == dt.date(2025, 2, 28)
    assert months_after(dt.date(2024, 2, 29), 12) == dt.date(2025, 2, 28)
    assert months_after(dt.date(2025, 6, 30), 18) == dt.date(2026, 12, 30)


def test_the_pages_have_words_for_an_entry_to_be_rechecked_in_both_languages():
    import yaml
    from conftest import ROOT
    strings = yaml.safe_load((ROOT / "scripts/landscape/strings.yml").read_text(encoding="utf-8"))
    assert strings["es"]["recheck"] == "Pendiente de revisión" and strings["en"]["recheck"] == "To be re-checked"
    for lang in ("es", "en"):
        assert strings[lang]["recheck_note"].format(date="1 Jan 2025", months=12)
