"""The real catalog: it passes every check and gets right what the source chapter got wrong."""

from __future__ import annotations

import pytest

from conftest import ROOT, SEED_TOOLS, landscape
from landscape.load import load_catalog


@pytest.fixture(scope="module")
def catalog():
    return load_catalog(ROOT / "catalog")


def test_the_catalog_passes_its_checks():
    result = landscape("check")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("catalog OK")


@pytest.mark.parametrize("tool_id,category", sorted(SEED_TOOLS.items()))
def test_each_tool_of_the_source_chapter_is_in_its_category(catalog, tool_id, category):
    tool = catalog.tool(tool_id)
    assert tool is not None, f"{tool_id} is missing"
    assert category in tool.categories


def test_the_chapters_wrong_claims_are_corrected(catalog):
    gitlab = catalog.tool("gitlab")
    assert gitlab.model == "open-core" and "MIT" in gitlab.license
    clearml = catalog.tool("clearml")
    assert clearml.model == "open-core" and "SSPL-1.0" in clearml.license
    assert catalog.tool("sagemaker-ai").name == "Amazon SageMaker AI"
    assert "Amazon SageMaker" in catalog.tool("sagemaker-ai").former_names
    # Legacy AI Platform is a predecessor that Vertex AI replaced, not an earlier name of it.
    assert "Vertex AI" in catalog.tool("vertex-ai").former_names
    assert "Google Cloud AI Platform" not in catalog.tool("vertex-ai").former_names
    assert catalog.tool("great-expectations").category == "data-validation"
    assert {"model-registry", "model-serving"} <= set(catalog.tool("mlflow").categories)


def test_every_fact_has_a_source_and_a_date(catalog):
    for tool in catalog.tools:
        assert tool.sources, tool.id
        assert tool.checked.year >= 2025, tool.id


def test_the_landscape_covers_the_lifecycle(catalog):
    assert len(catalog.tools) >= 120
    assert len(catalog.categories) >= 12
    required = {"data-versioning", "orchestration", "model-registry", "model-serving", "data-labelling",
                "data-validation", "hyperparameter-tuning", "llm-ops", "monitoring"}
    assert required <= {c.id for c in catalog.categories}
    for category in catalog.categories:
        assert len(catalog.tools_in(category.id)) >= 5, category.id
    assert {t.model for t in catalog.tools} == {"open-source", "open-core", "source-available", "proprietary"}


def test_categories_are_grouped_into_phases_with_platforms_spanning_them(catalog):
    phases = {p.id: p for p in catalog.phases}
    assert len([p for p in catalog.phases if not p.spans_all]) >= 4
    assert phases[catalog.category("platforms").phase].spans_all


def test_known_licence_changes_are_recorded_with_their_dates(catalog):
    changes = {t.id: [(c.date[:7], c.new) for c in t.license_changes] for t in catalog.tools}
    assert ("2024-01", "BUSL-1.1") in changes["seldon-core"]
    assert ("2024-01", "BUSL-1.1") in changes["alibi-detect"]
    assert ("2021-04", "AGPL-3.0-only") in changes["grafana"]
    assert changes["text-generation-inference"][-1] == ("2024-04", "Apache-2.0")
