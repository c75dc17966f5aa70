"""Every mistake a contributor can make is reported at its line, with a way to fix it, all in one run."""

from __future__ import annotations

import re
import tracemalloc
from pathlib import Path

import pytest

from conftest import TODAY, TOOL, tool_text
from landscape.cli import main


@pytest.fixture
def catalog(fixture_catalog: Path) -> Path:
    """The fixture catalog: three categories, one valid tool in each (sample-store.yml among them)."""
    return fixture_catalog


def check(root: Path, capsys, *extra: str) -> tuple[int, list[str]]:
    """Run `landscape check` on the fixed clock; return the exit status and the lines it printed on stderr."""
    status = main(["--root", str(root), "check", *extra], today=TODAY)
    captured = capsys.readouterr()
    return status, captured.err.splitlines() + ([captured.out] if "::error" in captured.out else [])


def write(root: Path, name: str, text: str | bytes) -> None:
    path = root / "catalog/tools" / name
    path.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))


def other_with(old: str, new: str, id_: str = "other-tool", name: str = "Other Tool") -> str:
    """The fixture tool as another tool (own id, name and links), with `old` replaced by `new`."""
    return tool_text(id_, name, **{old: new})


def test_a_valid_catalog_passes(catalog, capsys):
    assert main(["--root", str(catalog), "check"]) == 0
    assert capsys.readouterr().out == "catalog OK: 3 tools in 3 categories\n"


# A licence change, as a tool file writes it (inserted after `status:`, line 12).
CHANGE = """changes:
  - date: 2024-05
    kind: license
    from: MIT
    to: Apache-2.0
    source: https://github.com/example/other-tool/pull/7
"""

CASES = {
    "unknown category, with a suggestion": (
        "category: feature-stores", "category: feature-store",
        "catalog/tools/other-tool.yml:4:11: category: unknown category 'feature-store' (did you mean 'feature-stores'?)"),
    "invalid SPDX licence, with a suggestion": (
        "license: Apache-2.0", "license: Apache 2.0",
        "catalog/tools/other-tool.yml:8:10: license: unknown SPDX licence 'Apache 2.0' (did you mean 'Apache-2.0'?)"),
    "SPDX licence not in canonical form": (
        "license: Apache-2.0", "license: AGPL-3.0",
        "catalog/tools/other-tool.yml:8:10: license: 'AGPL-3.0' is not the canonical SPDX form (did you mean 'AGPL-3.0-only'?)"),
    "unknown model, with a suggestion": (
        "model: open-source", "model: opensource",
        "catalog/tools/other-tool.yml:9:8: model: 'opensource' is not one of the allowed values (did you mean 'open-source'?)"),
    "unknown deployment, with a suggestion": (
        "deployment: self-managed", "deployment: selfmanaged",
        "catalog/tools/other-tool.yml:10:13: deployment: 'selfmanaged' is not one of the allowed values "
        "(did you mean 'self-managed'?)"),
    "unknown key, with a suggestion": (
        "docs:", "doc:",
        "catalog/tools/other-tool.yml:7:1: doc: unknown key (did you mean 'docs'?)"),
    "missing required field": (
        "steward: Other Tool community\n", "",
        "catalog/tools/other-tool.yml:2:1: steward: required field is missing "
        "(add `steward:`: the company or foundation behind the product today)"),
    "wrong type": (
        "steward: Other Tool community", "steward: 42",
        "catalog/tools/other-tool.yml:11:10: steward: must be a text or {es: ..., en: ...}, not an integer (see the example in CONTRIBUTING.md)"),
    "javascript: URL": (
        "homepage: https://other-tool.example.org/", "homepage: javascript:alert(1)",
        "catalog/tools/other-tool.yml:5:11: homepage: 'javascript:alert(1)' is not an https:// link "
        "(write a full link such as `https://example.org/`)"),
    "data: URL in sources": (
        "url: https://pypi.org/project/other-tool/", "url: data:text/html,<script>alert(1)</script>",
        "catalog/tools/other-tool.yml:25:10: sources[1].url: 'data:text/html,<script>alert(1)</script>' is not an https:// link "
        "(write a full link such as `https://example.org/`)"),
    "file: URL": (
        "docs: https://docs.other-tool.example.org/", "docs: file:///etc/passwd",
        "catalog/tools/other-tool.yml:7:7: docs: 'file:///etc/passwd' is not an https:// link "
        "(write a full link such as `https://example.org/`)"),
    "date that is not ISO": (
        "checked: 2026-11-20", "checked: 26/11/2026",
        "catalog/tools/other-tool.yml:21:10: checked: '26/11/2026' is not an ISO date "
        "(write the day you checked the facts as YYYY-MM-DD, e.g. 2026-11-26)"),
    "impossible date": (
        "checked: 2026-11-20", "checked: 2026-02-30",
        "catalog/tools/other-tool.yml:21:10: checked: '2026-02-30' is not an ISO date "
        "(write the day you checked the facts as YYYY-MM-DD, e.g. 2026-11-26)"),
    "date in the future": (
        "checked: 2026-11-20", "checked: 2099-01-01",
        "catalog/tools/other-tool.yml:21:10: checked: 2099-01-01 is in the future "
        "(write the day you checked the facts, e.g. 2026-11-26)"),
    "description missing in one language": (
        "  en: >-\n    Example feature store that defines each feature once and hands the same\n"
        "    values to training and to online inference with low latency.\n", "",
        "catalog/tools/other-tool.yml:14:3: description.en: required field is missing (add `en:`)"),
    "description too short": (
        "    Example feature store that defines each feature once and hands the same\n"
        "    values to training and to online inference with low latency.", "    A store.",
        "catalog/tools/other-tool.yml:18:7: description.en: is 8 characters, fewer than 40 (write a full sentence)"),
    "renamed without successor": (
        "status: active", "status: renamed",
        "catalog/tools/other-tool.yml:12:9: status: status 'renamed' needs a successor "
        "(add `successor:` with the new tool's id or name)"),
    "deprecated without successor": (
        "status: active", "status: deprecated",
        "catalog/tools/other-tool.yml:12:9: status: status 'deprecated' needs a successor "
        "(add `successor:` with the new tool's id or name)"),
    "change dated in the future": (
        "status: active", "status: active\n" + CHANGE.replace("date: 2024-05", "date: 2099-01"),
        "catalog/tools/other-tool.yml:14:11: changes[0].date: 2099-01 is in the future "
        "(use the date of the change, as YYYY-MM-DD or YYYY-MM)"),
    "change without a source": (
        "status: active", "status: active\n" + CHANGE.replace("    source: https://github.com/example/other-tool/pull/7\n", ""),
        "catalog/tools/other-tool.yml:14:5: changes[0].source: required field is missing "
        "(add `source:`: one https:// link that shows the change and its date)"),
    "change of an unknown kind": (
        "status: active", "status: active\n" + CHANGE.replace("kind: license", "kind: licence"),
        "catalog/tools/other-tool.yml:15:11: changes[0].kind: 'licence' is not one of the allowed values "
        "(did you mean 'license'?)"),
    "latest licence change does not lead to the licence": (
        "status: active", "status: active\n" + CHANGE.replace("to: Apache-2.0", "to: MIT").replace("from: MIT", "from: Apache-2.0"),
        "catalog/tools/other-tool.yml:17:9: changes[0].to: the latest licence change leads to 'MIT', which is not "
        "part of the current licence 'Apache-2.0' (update `license`, or add the later change)"),
    "status change to a value that is not a status": (
        "status: active", "status: active\n" + CHANGE.replace("kind: license", "kind: status").replace(
            "from: MIT", "from: maintained").replace("to: Apache-2.0", "to: active"),
        "catalog/tools/other-tool.yml:16:11: changes[0].from: 'maintained' is not a status "
        "(statuses: active, limited-maintenance, deprecated, archived, renamed)"),
    "rename whose old name is not a former name": (
        "status: active", "status: active\n" + CHANGE.replace("kind: license", "kind: name").replace(
            "from: MIT", "from: Old Tool").replace("to: Apache-2.0", "to: Other Tool"),
        "catalog/tools/other-tool.yml:16:11: changes[0].from: the old name 'Old Tool' is not in `former_names` "
        "(add it to `former_names`)"),
    "key written twice": (
        "status: active", "status: active\nstatus: archived",
        "catalog/tools/other-tool.yml:13:1: status: key appears twice (keep one of the two)"),
}


def test_changes_of_every_kind_that_lead_to_the_entry_pass(catalog, capsys):
    changes = """changes:
  - {date: 2021-03, kind: license, from: MIT, to: Apache-2.0, source: https://github.com/example/other-tool/pull/7}
  - {date: 2023-06-01, kind: name, from: Old Tool, to: Other Tool, source: https://other-tool.example.org/news/rename}
  - {date: 2024-02-29, kind: steward, from: Old Tool Inc., to: Other Tool community, source: https://other-tool.example.org/news/foundation}
  - {date: 2020-01, kind: status, from: archived, to: active, source: https://other-tool.example.org/news/revived}
former_names: [Old Tool]
"""
    write(catalog, "other-tool.yml", other_with("status: active\n", "status: active\n" + changes))
    status, lines = check(catalog, capsys)
    assert (status, lines) == (0, [])


@pytest.mark.parametrize("case", CASES)
def test_each_mistake_is_reported_at_its_line_with_a_fix(catalog, capsys, case):
    old, new, expected = CASES[case]
    write(catalog, "other-tool.yml", other_with(old, new))
    status, lines = check(catalog, capsys)
    assert status == 1
    assert lines == [expected, "1 error in 1 file"]


def test_file_name_must_match_the_id(catalog, capsys):
    write(catalog, "other-tool.yml", other_with("id: other-tool", "id: other-kopy"))
    status, lines = check(catalog, capsys)
    assert lines[0] == ("catalog/tools/other-tool.yml:2:5: id: id 'other-kopy' does not match the file name "
                        "'other-tool.yml' (write `id: other-tool` or rename the file to `other-kopy.yml`)")


def test_a_copied_file_reports_the_duplicate_id_name_and_links(catalog, capsys):
    write(catalog, "zz-store.yml", TOOL)
    status, lines = check(catalog, capsys)
    assert status == 1
    assert lines == [
        "catalog/tools/zz-store.yml:2:5: id: 'sample-store' is also the id of catalog/tools/sample-store.yml "
        "(each tool has one file: update that one, or tell the two apart)",
        "catalog/tools/zz-store.yml:2:5: id: id 'sample-store' does not match the file name 'zz-store.yml' "
        "(write `id: zz-store` or rename the file to `sample-store.yml`)",
        "catalog/tools/zz-store.yml:3:7: name: 'Sample Store' is also the name of catalog/tools/sample-store.yml "
        "(each tool has one file: update that one, or tell the two apart)",
        "catalog/tools/zz-store.yml:5:11: homepage: 'https://sample-store.example.org/' is also the homepage of catalog/tools/sample-store.yml "
        "(each tool has one file: update that one, or tell the two apart)",
        "catalog/tools/zz-store.yml:6:13: repository: 'https://github.com/example/sample-store' is also the repository of "
        "catalog/tools/sample-store.yml (each tool has one file: update that one, or tell the two apart)",
        "5 errors in 1 file",
    ]


def test_names_are_compared_without_case_or_accents(catalog, capsys):
    write(catalog, "zz-copy.yml", other_with("name: Zz Copy", "name: SÁMPLE STORE", id_="zz-copy", name="Zz Copy"))
    status, lines = check(catalog, capsys)
    assert lines[0] == ("catalog/tools/zz-copy.yml:3:7: name: 'SÁMPLE STORE' is also the name of catalog/tools/sample-store.yml "
                        "(each tool has one file: update that one, or tell the two apart)")


def test_the_same_repository_with_another_spelling_is_a_duplicate(catalog, capsys):
    write(catalog, "zz-copy.yml", other_with("https://github.com/example/zz-copy", "https://www.github.com/Example/Sample-Store.git/",
                                             id_="zz-copy"))
    status, lines = check(catalog, capsys)
    assert "repository: 'https://www.github.com/Example/Sample-Store.git/' is also the repository of catalog/tools/sample-store.yml" \
        in lines[0]


@pytest.mark.parametrize("content,expected", [
    ("name: [unclosed\n",
     "catalog/tools/bad.yml:2:1: YAML syntax error: while parsing a flow sequence (line 1), did not find expected "
     "',' or ']' (check indentation, colons and quotes on this line or the one before)"),
    ("",
     "catalog/tools/bad.yml:1:1: file is empty (start from `landscape new` or copy an existing tool file)"),
    ("# only a comment\n\n",
     "catalog/tools/bad.yml:1:1: file is empty (start from `landscape new` or copy an existing tool file)"),
    (b"id: bad\nname: caf\xe9\n",
     "catalog/tools/bad.yml:2:10: file is not valid UTF-8 (save the file as UTF-8)"),
    ("id: bad\ndescription: " + "x" * 40_000 + "\n",
     "catalog/tools/bad.yml:1:1: file is 40,022 bytes, over the limit of 32,768 "
     "(a tool file needs a few hundred bytes; remove what does not belong)"),
    ("id: bad\nname: !!python/object/apply:os.system ['echo hi']\n",
     "catalog/tools/bad.yml:2:7: YAML tag 'tag:yaml.org,2002:python/object/apply:os.system' is not allowed "
     "(remove the tag; write a plain value)"),
    ("- just\n- a list\n",
     "catalog/tools/bad.yml:1:1: must be an object, not an array (see the example in CONTRIBUTING.md)"),
])
def test_unreadable_files_are_reported_with_their_location(catalog, capsys, content, expected):
    write(catalog, "bad.yml", content)
    status, lines = check(catalog, capsys)
    assert status == 1
    assert lines == [expected, "1 error in 1 file"]


def test_every_problem_of_every_file_comes_in_one_run(catalog, capsys):
    write(catalog, "one.yml", other_with("model: open-source", "model: free", id_="one", name="One"))
    write(catalog, "two.yml", "name: [\n")
    write(catalog, "three.yml", other_with("checked: 2026-11-20", "checked: soon", id_="three", name="Three")
          .replace("status: active", "status: archive"))
    status, lines = check(catalog, capsys)
    assert status == 1
    assert [line.split(":")[0] for line in lines[:-1]] == ["catalog/tools/one.yml", "catalog/tools/three.yml",
                                                           "catalog/tools/three.yml", "catalog/tools/two.yml"]
    assert lines[-1] == "4 errors in 3 files"


def test_problems_are_also_printed_as_github_annotations(catalog, capsys):
    write(catalog, "other-tool.yml", other_with("model: open-source", "model: opensource"))
    status, lines = check(catalog, capsys, "--format", "github")
    assert status == 1
    assert ("::error file=catalog/tools/other-tool.yml,line=9,col=8::model: 'opensource' is not one of the allowed "
            "values (did you mean 'open-source'?)") in lines[-1]


def test_a_billion_laughs_file_is_refused_in_little_memory(catalog, capsys):
    bomb = 'k0: &k0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n'
    for i in range(1, 30):
        bomb += f"k{i}: &k{i} [" + ",".join([f"*k{i - 1}"] * 9) + "]\n"
    write(catalog, "bomb.yml", bomb)
    tracemalloc.start()
    status, lines = check(catalog, capsys)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert lines[0] == ("catalog/tools/bomb.yml:1:5: YAML anchors and aliases (& and *) are not allowed "
                        "(write the value out in full)")
    # Generous bounds: expanding the aliases would need 9**30 strings.
    assert peak < 50 * 2**20


def test_deep_nesting_is_refused(catalog, capsys):
    write(catalog, "deep.yml", "id: deep\nname: " + "[" * 50 + "]" * 50 + "\n")
    status, lines = check(catalog, capsys)
    assert lines[0] == ("catalog/tools/deep.yml:2:12: nesting is deeper than 6 levels "
                        "(tool files are flat: see the example in CONTRIBUTING.md)")


def test_pathological_nesting_is_refused(catalog, capsys):
    write(catalog, "deep.yml", "id: deep\nname: " + "[" * 16_000 + "]" * 16_000 + "\n")
    status, lines = check(catalog, capsys)
    assert status == 1 and lines[0].startswith("catalog/tools/deep.yml:2:")


def test_a_broken_categories_file_is_reported_too(catalog, capsys):
    categories = catalog / "catalog/categories.yml"
    categories.write_text(categories.read_text().replace("phase: data\n", "phase: datos\n", 1))
    status, lines = check(catalog, capsys)
    assert re.match(r"catalog/categories\.yml:\d+:12: categories\[0\]\.phase: unknown phase 'datos' \(phases: data, ",
                    lines[0])


# --- What a hostile or careless pull request may try ---------------------------------------

HOSTILE = {
    "plain http link": (
        "homepage: https://other-tool.example.org/", "homepage: http://other-tool.example.org/",
        "catalog/tools/other-tool.yml:5:11: homepage: 'http://other-tool.example.org/' is a plain http:// link "
        "(use the https:// address of the same page)"),
    "user info before the host": (
        "docs: https://docs.other-tool.example.org/", "docs: https://github.com@evil.example.net/",
        "catalog/tools/other-tool.yml:7:7: docs: 'https://github.com@evil.example.net/' has user information before "
        "the host, so it does not go where it seems to (remove everything between `https://` and `@`)"),
    "tracking parameters": (
        "url: https://pypi.org/project/other-tool/", "url: https://pypi.org/project/other-tool/?utm_source=x&gclid=1&page=2",
        "catalog/tools/other-tool.yml:25:10: sources[1].url: 'https://pypi.org/project/other-tool/?utm_source=x&gclid=1&page=2' "
        "has tracking parameters (utm_source, gclid) (remove them: link to the page itself)"),
    "host that is not a registrable domain": (
        "homepage: https://other-tool.example.org/", "homepage: https://localhost/",
        "catalog/tools/other-tool.yml:5:11: homepage: 'https://localhost/' has no public, registrable host name "
        "(write a full link such as `https://example.org/`)"),
    "invisible character in a name": (
        "name: Other Tool", "name: Other\u200bTool",
        "catalog/tools/other-tool.yml:3:7: name: contains invisible or direction-changing characters "
        "(U+200B ZERO WIDTH SPACE) (retype the text without them: they can make text look like what it is not)"),
    "bidirectional override in a description": (
        "    Example feature store that", "    Example \u202efeature store that",
        "catalog/tools/other-tool.yml:18:7: description.en: contains invisible or direction-changing characters "
        "(U+202E RIGHT-TO-LEFT OVERRIDE) (retype the text without them: they can make text look like what it is not)"),
    "placeholder, reported once": (
        "model: open-source", "model: TODO",
        "catalog/tools/other-tool.yml:9:8: model: still holds a placeholder (replace the TODO text with the real value)"),
    "unknown licence, with only the nearest ids": (
        "license: Apache-2.0", "license: Apache2",
        "catalog/tools/other-tool.yml:8:10: license: unknown SPDX licence 'Apache2' (did you mean 'Apache-2.0'?)"),
    "unknown licence with nothing near": (
        "license: Apache-2.0", "license: Zzyzx",
        "catalog/tools/other-tool.yml:8:10: license: unknown SPDX licence 'Zzyzx' "
        "(find its id at https://spdx.org/licenses/)"),
}


@pytest.mark.parametrize("case", HOSTILE)
def test_each_hostile_or_careless_edit_is_refused_at_its_line(catalog, capsys, case):
    old, new, expected = HOSTILE[case]
    write(catalog, "other-tool.yml", other_with(old, new))
    status, lines = check(catalog, capsys)
    assert status == 1
    assert lines == [expected, "1 error in 1 file"]


def test_a_look_alike_name_is_reported_against_the_existing_tool(catalog, capsys):
    # "Sаmple Store" with a Cyrillic "а": another tool to the eye, the same to a reader.
    write(catalog, "a-look-alike.yml", other_with("name: Other Tool", "name: S\u0430mple Store", id_="a-look-alike"))
    status, lines = check(catalog, capsys)
    assert lines == ["catalog/tools/a-look-alike.yml:3:7: name: 'S\u0430mple Store' looks the same as 'Sample Store', "
                     "the name of catalog/tools/sample-store.yml "
                     "(each tool has one file: update that one, or tell the two apart)", "1 error in 1 file"]


# --- Categories: the blame goes to the file that is wrong -------------------------------------

def test_a_tool_with_a_mistyped_category_is_told_the_nearest_one(catalog, capsys):
    write(catalog, "other-tool.yml", other_with("category: feature-stores", "category: feature-store"))
    status, lines = check(catalog, capsys)
    assert lines == ["catalog/tools/other-tool.yml:4:11: category: unknown category 'feature-store' "
                     "(did you mean 'feature-stores'?)", "1 error in 1 file"]


def test_a_mistyped_category_id_is_reported_in_categories_yml(catalog, capsys):
    categories = catalog / "catalog/categories.yml"
    categories.write_text(categories.read_text().replace("id: experiment-tracking", "id: experiment-trackng"))
    status, lines = check(catalog, capsys)
    assert lines == ["catalog/categories.yml:18:9: categories[1].id: no tool uses category 'experiment-trackng', "
                     "while catalog/tools/sample-tracker.yml names 'experiment-tracking' "
                     "(did you mean `id: experiment-tracking`?)", "1 error in 1 file"]


def test_a_suggestion_never_proposes_an_invalid_value(catalog, capsys):
    categories = catalog / "catalog/categories.yml"
    categories.write_text(categories.read_text().replace("id: experiment-tracking", "id: experiment-trackng"))
    write(catalog, "sample-tracker.yml", other_with("category: feature-stores", "category: Experiment-Tracking",
                                                    id_="sample-tracker", name="Sample Tracker"))
    status, lines = check(catalog, capsys)
    assert "`id: Experiment-Tracking`" not in "\n".join(lines)
    assert any(line.startswith("catalog/tools/sample-tracker.yml:4:11: category: unknown category 'Experiment-Tracking'")
               for line in lines)


def test_a_category_no_tool_uses_is_reported_at_its_line(catalog, capsys):
    (catalog / "catalog/tools/sample-platform.yml").unlink()
    status, lines = check(catalog, capsys)
    assert lines == ["catalog/categories.yml:24:9: categories[2].id: no tool has 'platforms' as its main category "
                     "(add a tool with `category: platforms`, or remove the category)", "1 error in 1 file"]


# --- Every fact cites its source ------------------------------------------------------------

def test_a_fact_no_source_supports_is_reported_at_the_fact(catalog, capsys):
    write(catalog, "other-tool.yml", other_with("supports: [name, deployment, steward, status]",
                                                "supports: [name, steward, status]"))
    status, lines = check(catalog, capsys)
    assert lines == ["catalog/tools/other-tool.yml:10:13: deployment: no source supports this fact "
                     "(add `deployment` to the `supports:` of a source that shows it, or add such a source)",
                     "1 error in 1 file"]


def test_a_source_cannot_support_a_fact_the_entry_does_not_state(catalog, capsys):
    write(catalog, "other-tool.yml", other_with("supports: [license, model]", "supports: [license, model, successor]"))
    status, lines = check(catalog, capsys)
    assert lines == ["catalog/tools/other-tool.yml:24:32: sources[0].supports[2]: supports 'successor', which this "
                     "entry does not state (remove it, or add `successor:` to the entry)", "1 error in 1 file"]


def test_a_former_name_needs_its_source_too(catalog, capsys):
    write(catalog, "other-tool.yml", other_with("status: active", "status: active\nformer_names: [Old Tool]"))
    status, lines = check(catalog, capsys)
    assert lines == ["catalog/tools/other-tool.yml:13:15: former_names: no source supports this fact "
                     "(add `former_names` to the `supports:` of a source that shows it, or add such a source)",
                     "1 error in 1 file"]


def test_a_name_too_long_is_told_its_length_in_either_form(catalog, capsys):
    write(catalog, "other-tool.yml", other_with("name: Other Tool", "name: {es: " + "x" * 81 + ", en: Other Tool}"))
    status, lines = check(catalog, capsys)
    assert lines == ["catalog/tools/other-tool.yml:3:12: name.es: is 81 characters, more than 80 (shorten it)",
                     "1 error in 1 file"]


def test_a_former_id_that_is_another_tools_id_is_reported_at_its_line(catalog, capsys):
    write(catalog, "other-tool.yml", other_with("status: active", "status: active\nformer_ids: [old-tool, sample-store]"))
    status, lines = check(catalog, capsys)
    assert status == 1
    assert lines == [
        "catalog/tools/other-tool.yml:13:24: former_ids[1]: 'sample-store' is also the id of catalog/tools/sample-store.yml "
        "(an old address can lead to one tool only: remove it from one of the two files)",
        "1 error in 1 file",
    ]


def test_two_tools_cannot_share_a_former_id(catalog, capsys):
    store = catalog / "catalog/tools/sample-store.yml"
    store.write_text(TOOL.replace("status: active", "status: active\nformer_ids: [old-store]"), encoding="utf-8")
    write(catalog, "other-tool.yml", other_with("status: active", "status: active\nformer_ids: [old-store]"))
    status, lines = check(catalog, capsys)
    assert lines == [
        "catalog/tools/sample-store.yml:13:14: former_ids[0]: 'old-store' is also the former id of "
        "catalog/tools/other-tool.yml (an old address can lead to one tool only: remove it from one of the two files)",
        "1 error in 1 file",
    ]
