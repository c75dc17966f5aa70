"""Every mistake a contributor can make is reported at its line, with a way to fix it, all in one run."""

from __future__ import annotations

import re
import shutil
import time
import tracemalloc
from pathlib import Path

import pytest

from conftest import ROOT
from landscape.cli import main

FEAST = (ROOT / "catalog/tools/feast.yml").read_text(encoding="utf-8")


@pytest.fixture
def catalog(tmp_path: Path) -> Path:
    """A project with the real categories and one valid tool, feast.yml."""
    (tmp_path / "catalog/tools").mkdir(parents=True)
    shutil.copy(ROOT / "catalog/categories.yml", tmp_path / "catalog")
    shutil.copytree(ROOT / "catalog/schema", tmp_path / "catalog/schema")
    (tmp_path / "catalog/tools/feast.yml").write_text(FEAST, encoding="utf-8")
    return tmp_path


def check(root: Path, capsys, *extra: str) -> tuple[int, list[str]]:
    """Run `landscape check`; return the exit status and the lines it printed on stderr."""
    status = main(["--root", str(root), "check", *extra])
    captured = capsys.readouterr()
    return status, captured.err.splitlines() + ([captured.out] if "::error" in captured.out else [])


def write(root: Path, name: str, text: str | bytes) -> None:
    path = root / "catalog/tools" / name
    path.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))


def feast_with(old: str, new: str, id_: str = "feast-copy", name: str = "Feast copy") -> str:
    """feast.yml as another tool (own id, name and links), with `old` replaced by `new`."""
    text = FEAST.replace("id: feast", f"id: {id_}").replace("name: Feast", f"name: {name}")
    text = text.replace("https://feast.dev/", f"https://{id_}.example.org/").replace("feast-dev/feast", f"example/{id_}")
    assert old in text, old
    return text.replace(old, new)


def test_a_valid_catalog_passes(catalog, capsys):
    assert main(["--root", str(catalog), "check"]) == 0
    assert capsys.readouterr().out == "catalog OK: 1 tool in 14 categories\n"


CASES = {
    "unknown category, with a suggestion": (
        "category: feature-stores", "category: feature-store",
        "catalog/tools/feast-copy.yml:4:11: category: unknown category 'feature-store' (did you mean 'feature-stores'?)"),
    "invalid SPDX licence, with a suggestion": (
        "license: Apache-2.0", "license: Apache 2.0",
        "catalog/tools/feast-copy.yml:8:10: license: unknown SPDX licence 'Apache 2.0' (did you mean 'Apache-2.0'?)"),
    "SPDX licence not in canonical form": (
        "license: Apache-2.0", "license: AGPL-3.0",
        "catalog/tools/feast-copy.yml:8:10: license: 'AGPL-3.0' is not the canonical SPDX form (did you mean 'AGPL-3.0-only'?)"),
    "unknown model, with a suggestion": (
        "model: open-source", "model: opensource",
        "catalog/tools/feast-copy.yml:9:8: model: 'opensource' is not one of the allowed values (did you mean 'open-source'?)"),
    "unknown deployment, with a suggestion": (
        "deployment: self-managed", "deployment: selfmanaged",
        "catalog/tools/feast-copy.yml:10:13: deployment: 'selfmanaged' is not one of the allowed values "
        "(did you mean 'self-managed'?)"),
    "unknown key, with a suggestion": (
        "docs:", "doc:",
        "catalog/tools/feast-copy.yml:7:1: doc: unknown key (did you mean 'docs'?)"),
    "missing required field": (
        "steward: Feast community (LF AI & Data Foundation)\n", "",
        "catalog/tools/feast-copy.yml:2:1: steward: required field is missing "
        "(add `steward:`: the company or foundation behind the product today)"),
    "wrong type": (
        "steward: Feast community (LF AI & Data Foundation)", "steward: 42",
        "catalog/tools/feast-copy.yml:11:10: steward: must be a text, not an integer (see the example in CONTRIBUTING.md)"),
    "javascript: URL": (
        "homepage: https://feast-copy.example.org/", "homepage: javascript:alert(1)",
        "catalog/tools/feast-copy.yml:5:11: homepage: 'javascript:alert(1)' is not an http(s) link "
        "(write a full link such as `https://example.org/`)"),
    "data: URL in sources": (
        "  - https://pypi.org/project/feast/", "  - data:text/html,<script>alert(1)</script>",
        "catalog/tools/feast-copy.yml:24:5: sources[1]: 'data:text/html,<script>alert(1)</script>' is not an http(s) link "
        "(write a full link such as `https://example.org/`)"),
    "file: URL": (
        "docs: https://docs.feast.dev/", "docs: file:///etc/passwd",
        "catalog/tools/feast-copy.yml:7:7: docs: 'file:///etc/passwd' is not an http(s) link "
        "(write a full link such as `https://example.org/`)"),
    "date that is not ISO": (
        "checked: 2026-11-26", "checked: 26/11/2026",
        "catalog/tools/feast-copy.yml:21:10: checked: '26/11/2026' is not an ISO date "
        "(write the day you checked the facts as YYYY-MM-DD, e.g. 2026-11-26)"),
    "impossible date": (
        "checked: 2026-11-26", "checked: 2026-02-30",
        "catalog/tools/feast-copy.yml:21:10: checked: '2026-02-30' is not an ISO date "
        "(write the day you checked the facts as YYYY-MM-DD, e.g. 2026-11-26)"),
    "date in the future": (
        "checked: 2026-11-26", "checked: 2099-01-01",
        "catalog/tools/feast-copy.yml:21:10: checked: 2099-01-01 is in the future "
        "(write the day you checked the facts, e.g. 2026-11-26)"),
    "description missing in one language": (
        "  en: >-\n    Open-source feature store that defines features once and serves them both\n"
        "    to training, from an offline store, and to online inference with low latency.\n", "",
        "catalog/tools/feast-copy.yml:14:3: description.en: required field is missing (add `en:`)"),
    "description too short": (
        "    Open-source feature store that defines features once and serves them both\n"
        "    to training, from an offline store, and to online inference with low latency.", "    A store.",
        "catalog/tools/feast-copy.yml:18:7: description.en: is 8 characters, fewer than 40 (write a full sentence)"),
    "renamed without successor": (
        "status: active", "status: renamed",
        "catalog/tools/feast-copy.yml:12:9: status: status 'renamed' needs a successor "
        "(add `successor:` with the new tool's id or name)"),
    "deprecated without successor": (
        "status: active", "status: deprecated",
        "catalog/tools/feast-copy.yml:12:9: status: status 'deprecated' needs a successor "
        "(add `successor:` with the new tool's id or name)"),
    "key written twice": (
        "status: active", "status: active\nstatus: archived",
        "catalog/tools/feast-copy.yml:13:1: status: key appears twice (keep one of the two)"),
}


@pytest.mark.parametrize("case", CASES)
def test_each_mistake_is_reported_at_its_line_with_a_fix(catalog, capsys, case):
    old, new, expected = CASES[case]
    write(catalog, "feast-copy.yml", feast_with(old, new))
    status, lines = check(catalog, capsys)
    assert status == 1
    assert lines == [expected, "1 error in 1 file"]


def test_file_name_must_match_the_id(catalog, capsys):
    write(catalog, "feast-copy.yml", feast_with("id: feast-copy", "id: feast-kopy"))
    status, lines = check(catalog, capsys)
    assert lines[0] == ("catalog/tools/feast-copy.yml:2:5: id: id 'feast-kopy' does not match the file name "
                        "'feast-copy.yml' (write `id: feast-copy` or rename the file to `feast-kopy.yml`)")


def test_a_copied_file_reports_the_duplicate_id_name_and_links(catalog, capsys):
    write(catalog, "zz-feast.yml", FEAST)
    status, lines = check(catalog, capsys)
    assert status == 1
    assert lines == [
        "catalog/tools/zz-feast.yml:2:5: id: 'feast' is also the id of catalog/tools/feast.yml "
        "(each tool has one file: update that one, or tell the two apart)",
        "catalog/tools/zz-feast.yml:2:5: id: id 'feast' does not match the file name 'zz-feast.yml' "
        "(write `id: zz-feast` or rename the file to `feast.yml`)",
        "catalog/tools/zz-feast.yml:3:7: name: 'Feast' is also the name of catalog/tools/feast.yml "
        "(each tool has one file: update that one, or tell the two apart)",
        "catalog/tools/zz-feast.yml:5:11: homepage: 'https://feast.dev/' is also the homepage of catalog/tools/feast.yml "
        "(each tool has one file: update that one, or tell the two apart)",
        "catalog/tools/zz-feast.yml:6:13: repository: 'https://github.com/feast-dev/feast' is also the repository of "
        "catalog/tools/feast.yml (each tool has one file: update that one, or tell the two apart)",
        "5 errors in 1 file",
    ]


def test_names_are_compared_without_case_or_accents(catalog, capsys):
    write(catalog, "zz-copy.yml", feast_with("name: Feast copy", "name: FÉAST", id_="zz-copy"))
    status, lines = check(catalog, capsys)
    assert lines[0] == ("catalog/tools/zz-copy.yml:3:7: name: 'FÉAST' is also the name of catalog/tools/feast.yml "
                        "(each tool has one file: update that one, or tell the two apart)")


def test_the_same_repository_with_another_spelling_is_a_duplicate(catalog, capsys):
    write(catalog, "zz-copy.yml", feast_with("https://github.com/example/zz-copy", "https://www.github.com/Feast-Dev/feast.git/",
                                             id_="zz-copy"))
    status, lines = check(catalog, capsys)
    assert "repository: 'https://www.github.com/Feast-Dev/feast.git/' is also the repository of catalog/tools/feast.yml" \
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
    write(catalog, "one.yml", feast_with("model: open-source", "model: free", id_="one", name="One"))
    write(catalog, "two.yml", "name: [\n")
    write(catalog, "three.yml", feast_with("checked: 2026-11-26", "checked: soon", id_="three", name="Three")
          .replace("status: active", "status: archive"))
    status, lines = check(catalog, capsys)
    assert status == 1
    assert [line.split(":")[0] for line in lines[:-1]] == ["catalog/tools/one.yml", "catalog/tools/three.yml",
                                                           "catalog/tools/three.yml", "catalog/tools/two.yml"]
    assert lines[-1] == "4 errors in 3 files"


def test_problems_are_also_printed_as_github_annotations(catalog, capsys):
    write(catalog, "feast-copy.yml", feast_with("model: open-source", "model: opensource"))
    status, lines = check(catalog, capsys, "--format", "github")
    assert status == 1
    assert ("::error file=catalog/tools/feast-copy.yml,line=9,col=8::model: 'opensource' is not one of the allowed "
            "values (did you mean 'open-source'?)") in lines[-1]


def test_a_billion_laughs_file_is_refused_at_once_in_little_memory(catalog, capsys):
    bomb = 'k0: &k0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n'
    for i in range(1, 30):
        bomb += f"k{i}: &k{i} [" + ",".join([f"*k{i - 1}"] * 9) + "]\n"
    write(catalog, "bomb.yml", bomb)
    tracemalloc.start()
    started = time.perf_counter()
    status, lines = check(catalog, capsys)
    elapsed = time.perf_counter() - started
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert lines[0] == ("catalog/tools/bomb.yml:1:5: YAML anchors and aliases (& and *) are not allowed "
                        "(write the value out in full)")
    # Generous bounds: expanding the aliases would need 9**30 strings.
    assert peak < 50 * 2**20 and elapsed < 30


def test_deep_nesting_is_refused(catalog, capsys):
    write(catalog, "deep.yml", "id: deep\nname: " + "[" * 50 + "]" * 50 + "\n")
    status, lines = check(catalog, capsys)
    assert lines[0] == ("catalog/tools/deep.yml:2:12: nesting is deeper than 6 levels "
                        "(tool files are flat: see the example in CONTRIBUTING.md)")


def test_pathological_nesting_is_refused_at_once(catalog, capsys):
    write(catalog, "deep.yml", "id: deep\nname: " + "[" * 16_000 + "]" * 16_000 + "\n")
    started = time.perf_counter()
    status, lines = check(catalog, capsys)
    assert status == 1 and lines[0].startswith("catalog/tools/deep.yml:2:")
    assert time.perf_counter() - started < 30  # generous: it takes milliseconds


def test_a_broken_categories_file_is_reported_too(catalog, capsys):
    categories = catalog / "catalog/categories.yml"
    categories.write_text(categories.read_text().replace("phase: data\n", "phase: datos\n", 1))
    status, lines = check(catalog, capsys)
    assert re.match(r"catalog/categories\.yml:\d+:12: categories\[0\]\.phase: unknown phase 'datos' \(phases: data, ",
                    lines[0])


def test_a_former_id_that_is_another_tools_id_is_reported_at_its_line(catalog, capsys):
    write(catalog, "feast-copy.yml", feast_with("status: active", "status: active\nformer_ids: [old-feast, feast]"))
    status, lines = check(catalog, capsys)
    assert status == 1
    assert lines == [
        "catalog/tools/feast-copy.yml:13:25: former_ids[1]: 'feast' is also the id of catalog/tools/feast.yml "
        "(an old address can lead to one tool only: remove it from one of the two files)",
        "1 error in 1 file",
    ]


def test_two_tools_cannot_share_a_former_id(catalog, capsys):
    feast = catalog / "catalog/tools/feast.yml"
    feast.write_text(FEAST.replace("status: active", "status: active\nformer_ids: [old-feast]"), encoding="utf-8")
    write(catalog, "feast-copy.yml", feast_with("status: active", "status: active\nformer_ids: [old-feast]"))
    status, lines = check(catalog, capsys)
    assert lines == [
        "catalog/tools/feast.yml:13:14: former_ids[0]: 'old-feast' is also the former id of "
        "catalog/tools/feast-copy.yml (an old address can lead to one tool only: remove it from one of the two files)",
        "1 error in 1 file",
    ]
