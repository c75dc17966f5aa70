"""The open data and the record of change, as a consumer meets them: the JSON export validates against
its published schema, the CSV holds the same values and cannot run as a spreadsheet formula, the
landscape2 file puts every tool in its category with landscape2's own fields, and the Atom feeds hold
one entry per change. Built from the fixture catalog with a few changes added."""

from __future__ import annotations

import csv
import io
import json

import feedparser
import jsonschema
import pytest
import yaml

from conftest import TODAY, tool_text, write_catalog
from landscape.changes import events, render_changes
from landscape.exports import COLUMNS, render_exports
from landscape.load import load_catalog

CHANGES = """changes:
  - {date: 2021-03, kind: license, from: MIT, to: Apache-2.0, source: https://github.com/example/sample-tracker/pull/7}
  - {date: 2023-06-01, kind: name, from: Old Tracker, to: Sample Tracker, source: https://sample-tracker.example.org/news/rename}
  - {date: 2024-02-29, kind: steward, from: Old Tracker Inc., to: Sample Tracker community, source: https://sample-tracker.example.org/news/foundation}
former_names: [Old Tracker]
"""

# A description a spreadsheet would run as a formula, and HTML that a feed must carry as text.
FORMULA = "=HYPERLINK(\"https://evil.example.org\", \"click\") is how this made-up tool's description starts."
TOOLS = {
    "sample-store": tool_text("sample-store", "Sample Store").replace(
        "    Example feature store that defines each feature once and hands the same\n"
        "    values to training and to online inference with low latency.", f"    {FORMULA}"),
    "sample-tracker": tool_text("sample-tracker", "Sample <b>Tracker</b>", "experiment-tracking", **{
        "status: active\n": "status: active\n" + CHANGES.replace("to: Sample Tracker", "to: Sample <b>Tracker</b>")}),
    "sample-platform": tool_text("sample-platform", "Sample Platform", "platforms", **{
        "license: Apache-2.0": "license: proprietary", "model: open-source": "model: proprietary",
        "deployment: self-managed": "deployment: managed"}),
}

# The fields cncf/landscape2 documents for an item (docs/config/data.yml there) and for its `extra`.
LANDSCAPE2_ITEM = {"name", "homepage_url", "logo", "description", "second_path", "project", "joined", "repo_url",
                   "branch", "additional_repos", "crunchbase", "twitter", "url_for_bestpractices", "enduser", "extra"}
LANDSCAPE2_EXTRA = {"accepted", "archived", "audits", "annual_review_date", "annual_review_url", "artwork_url",
                    "blog_url", "chat_channel", "clomonitor_name", "dev_stats_url", "discord_url", "docker_url",
                    "github_discussions_url", "gitter_url", "graduated", "incubating", "linkedin_url",
                    "mailing_list_url", "other_links", "package_manager_url", "parent_project", "slack_url",
                    "specification", "stack_overflow_url", "summary_business_use_case", "summary_integration",
                    "summary_integrations", "summary_intro_url", "summary_personas", "summary_release_rate",
                    "summary_tags", "summary_use_case", "tag", "youtube_url"}


@pytest.fixture(scope="module")
def catalog(tmp_path_factory):
    root = write_catalog(tmp_path_factory.mktemp("open-data"), TOOLS)
    return load_catalog(root / "catalog", today=TODAY)


@pytest.fixture(scope="module")
def files(catalog):
    return render_exports(catalog)


def test_the_json_export_validates_against_its_published_schema(files):
    schema = json.loads(files["catalog.schema.json"])
    data = json.loads(files["catalog.json"])
    jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker()).validate(data)
    tracker = next(t for t in data["tools"] if t["id"] == "sample-tracker")
    assert tracker["changes"][0] == {"date": "2021-03", "kind": "license", "from": "MIT", "to": "Apache-2.0",
                                     "source": "https://github.com/example/sample-tracker/pull/7"}
    assert tracker["license_family"] == "permissive" and tracker["phases"] == ["development"]
    assert data["version"].count(".") == 2 and data["license"] == "CC-BY-4.0"


def test_the_csv_has_one_row_per_tool_with_the_json_values(files):
    data = json.loads(files["catalog.json"])
    rows = list(csv.DictReader(io.StringIO(files["catalog.csv"].decode("utf-8"))))
    assert [r["id"] for r in rows] == [t["id"] for t in data["tools"]]
    assert list(rows[0]) == [header for header, _ in COLUMNS]
    for row, tool in zip(rows, data["tools"]):
        assert row["name"] == tool["name"]["en"] and row["license"] == tool["license"]
        assert row["checked"] == tool["checked"] and row["status"] == tool["status"]
        assert row["also_in"].split("; ") == tool["also_in"] or (row["also_in"] == "" and not tool["also_in"])
        description = row["description_en"]
        assert (description[1:] if description.startswith("'=") else description) == tool["description"]["en"]


def test_a_description_that_starts_like_a_formula_is_neutralised(files):
    rows = {r["id"]: r for r in csv.DictReader(io.StringIO(files["catalog.csv"].decode("utf-8")))}
    assert rows["sample-store"]["description_en"] == "'" + FORMULA
    assert not any(cell.startswith(("=", "+", "-", "@", "\t", "\r")) for row in rows.values() for cell in row.values())


def test_the_landscape2_file_has_every_tool_in_its_category_with_documented_fields_only(catalog, files):
    data = yaml.safe_load(files["landscape2/data.yml"])
    placed = {}
    for category in data["categories"]:
        for subcategory in category["subcategories"]:
            for item in subcategory["items"]:
                assert set(item) <= LANDSCAPE2_ITEM and set(item["extra"]) <= LANDSCAPE2_EXTRA
                assert {"name", "homepage_url", "logo"} <= set(item)
                placed[item["name"]] = (category["name"], subcategory["name"])
    for tool in catalog.tools:
        category = catalog.category(tool.category)
        phase = next(p for p in catalog.phases if p.id == category.phase)
        assert placed[tool.name.en] == (phase.name.en, category.name.en)


@pytest.mark.parametrize("lang", ["es", "en"])
def test_each_feed_is_atom_with_one_entry_per_change(catalog, lang):
    feed = feedparser.parse(render_changes(catalog, lang, "https://landscape.example.org/")["changes/feed.xml"])
    assert not feed.bozo, feed.bozo_exception
    assert feed.version == "atom10"
    recorded = events(catalog)
    assert len(feed.entries) == len(recorded) == 3 + len(catalog.tools)  # three changes, and each addition
    assert len({e.id for e in feed.entries}) == len(feed.entries)
    rename = next(e for e in feed.entries if "/name/" in e.id)
    assert "Sample <b>Tracker</b>" in rename.title  # markup in a name is text, not markup
    assert rename.link == ("https://landscape.example.org/" + ("en/" if lang == "en" else "")
                           + "landscape/tools/sample-tracker/")


def test_feed_entry_ids_stay_the_same_from_build_to_build(catalog):
    first = feedparser.parse(render_changes(catalog, "en", "https://landscape.example.org/")["changes/feed.xml"])
    again = feedparser.parse(render_changes(catalog, "en", "https://landscape.example.org/")["changes/feed.xml"])
    assert [e.id for e in first.entries] == [e.id for e in again.entries]


def test_the_changes_page_lists_changes_newest_first_and_escapes_names(catalog):
    page = render_changes(catalog, "en")["changes/index.md"].decode("utf-8")
    items = [line for line in page.splitlines() if line.startswith("<li data-kind=")]
    kinds = [line.split('"')[1] for line in items]
    assert kinds[:3] == ["added"] * 3 and kinds[3:] == ["steward", "name", "license"]
    assert "Sample &lt;b&gt;Tracker&lt;/b&gt;" in page and "<b>Tracker</b>" not in page
