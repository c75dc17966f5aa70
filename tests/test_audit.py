"""`landscape audit`: each kind of stale fact is reported at its line, with its evidence and what to check.

No test touches the network: a local server (pytest-httpserver) plays the tools' sites, PyPI, npm and
GitHub's API, and `Endpoints.rewrite` sends the catalog's https:// links to it. The clock is `TODAY`
or a day derived from it; no test depends on the real date, a fixed port or how long anything takes.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import time
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer
from werkzeug import Response

from conftest import FIXTURE_TOOLS, TODAY, TOOL, write_catalog
from landscape.audit import Client, Endpoints
from landscape.cli import main

FILE = "catalog/tools/sample-store.yml"
WITH_PACKAGE = TOOL.replace("license: Apache-2.0", "packages: {pypi: [sample-store]}\nlicense: Apache-2.0")
TOKEN = "ghp_NotARealTokenButShapedLikeOne0123456789"
OLD = "2023-01-10T09:00:00.000000Z"  # a release long before TODAY
RECENT = "2026-10-01T09:00:00.000000Z"


@pytest.fixture
def server():
    """A local web server answering in threads, so that a slow answer does not hold up the others."""
    with HTTPServer(threaded=True) as httpserver:
        yield httpserver


@pytest.fixture
def endpoints(server) -> Endpoints:
    base = server.url_for("").rstrip("/")
    return Endpoints(pypi=f"{base}/pypi", npm=f"{base}/npm", github=f"{base}/github",
                     rewrite=(("https://", f"{base}/web/"),))


@pytest.fixture(autouse=True)
def no_token(monkeypatch):
    monkeypatch.delenv("GITHUB_TOKEN", raising=False)


def client(**changes) -> Client:
    """No cache, no waiting between requests, one retry without backoff, short timeouts."""
    return Client(**{"cache": None, "timeout": 3.0, "retries": 1, "backoff": 0, "delay": 0, "max_wait": 5,
                     **changes})


def catalog(root: Path, tool: str = TOOL) -> Path:
    return write_catalog(root, {**FIXTURE_TOOLS, "sample-store": tool})


def web(server: HTTPServer, path: str = "") -> str:
    """The local path that a catalog link https://<path> is served at."""
    return f"/web/{path}"


def all_other_links_answer(server: HTTPServer) -> None:
    """Every link not given another answer by the test answers 200 (registered last: first match wins)."""
    server.expect_request(re.compile(r"^/web/.*")).respond_with_data("ok")


def pypi(server: HTTPServer, *, expression="Apache-2.0", uploaded=RECENT, urls=None) -> None:
    urls = {"Homepage": "https://sample-store.example.org/", "Source": "https://github.com/example/sample-store"} \
        if urls is None else urls
    server.expect_request("/pypi/pypi/sample-store/json").respond_with_json({
        "info": {"name": "sample-store", "version": "2.0.0", "license_expression": expression, "license": None,
                 "classifiers": [], "project_urls": urls},
        "releases": {"1.0.0": [{"upload_time_iso_8601": OLD, "yanked": False}],
                     "2.0.0": [{"upload_time_iso_8601": uploaded, "yanked": False}]}})


def audit(root: Path, endpoints: Endpoints, *args: str, today: dt.date = TODAY, http: Client | None = None) -> int:
    return main(["--root", str(root), "audit", "--only", "sample-store", "--no-cache", *args], today=today,
                endpoints=endpoints, client=http or client())


def test_a_dead_link_is_reported_at_its_line_and_the_audit_exits_1(tmp_path, server, endpoints, capsys):
    root = catalog(tmp_path)
    server.expect_request(web(server, "sample-store.example.org/")).respond_with_data("gone", status=404)
    all_other_links_answer(server)
    assert audit(root, endpoints, "--skip", "packages") == 1
    out, err = capsys.readouterr()
    assert out.splitlines() == [
        f"{FILE}:5:11: homepage: link is dead (HTTP 404 for https://sample-store.example.org/, "
        "find the page's new address or remove the link)"]
    assert err.splitlines() == [
        "note: repository checks skipped: no GITHUB_TOKEN in the environment (archived flags, detected licences, "
        "last pushes and moves are checked only with one)",
        "1 finding in 1 tool (1 tool audited for age, links; skipped: packages, repositories)"]


def test_a_redirect_to_another_site_is_reported_and_one_within_the_site_is_not(tmp_path, server, endpoints, capsys):
    root = catalog(tmp_path)
    elsewhere = server.url_for("/parked").replace("localhost", "127.0.0.1")
    server.expect_request(web(server, "docs.sample-store.example.org/")).respond_with_response(
        Response(status=301, headers={"Location": elsewhere}))
    server.expect_request("/parked").respond_with_data("domain for sale")
    server.expect_request(web(server, "sample-store.example.org/")).respond_with_response(
        Response(status=302, headers={"Location": "/web/sample-store.example.org/en/"}))
    all_other_links_answer(server)
    assert audit(root, endpoints, "--skip", "packages") == 1
    assert capsys.readouterr().out.splitlines() == [
        f"{FILE}:7:7: docs: link redirects to another site (https://docs.sample-store.example.org/ -> {elsewhere}, "
        "HTTP 301, if the project moved, link the new address; if the domain changed hands, check the steward "
        "and the status)"]


def test_a_link_that_does_not_answer_in_time_is_reported_after_its_retries(tmp_path, server, endpoints, capsys):
    root = catalog(tmp_path)
    asked = []

    def slow(request):
        asked.append(request.method)
        time.sleep(1.5)
        return Response("late")

    server.expect_request(web(server, "pypi.org/project/sample-store/")).respond_with_handler(slow)
    all_other_links_answer(server)
    assert audit(root, endpoints, "--skip", "packages", http=client(timeout=0.3)) == 1
    assert capsys.readouterr().out.splitlines() == [
        f"{FILE}:25:10: sources[1].url: link does not answer (no answer in time from https://pypi.org/project/sample-store/ "
        "after 2 tries, check whether the site moved or closed)"]
    assert asked == ["HEAD", "HEAD"]


def test_a_rate_limited_link_is_a_note_not_a_finding_and_a_long_retry_after_is_not_waited_for(
        tmp_path, server, endpoints, capsys):
    root = catalog(tmp_path)
    server.expect_request(web(server, "github.com/example/sample-store")).respond_with_response(
        Response("slow down", status=429, headers={"Retry-After": "120"}))
    all_other_links_answer(server)
    assert audit(root, endpoints, "--skip", "packages") == 0
    out, err = capsys.readouterr()
    assert out == ""
    assert ("note: sample-store: repository: https://github.com/example/sample-store answered HTTP 429, "
            "Retry-After: 120; not checked, open it in a browser") in err.splitlines()
    asked = [r.method for r, _ in server.log if r.path == "/web/github.com/example/sample-store"]
    assert asked == ["HEAD", "GET"]  # each asked once: 120 s is more than the client waits


def test_a_licence_that_changed_on_the_package_index_is_reported_at_license(tmp_path, server, endpoints, capsys):
    root = catalog(tmp_path, WITH_PACKAGE)
    pypi(server, expression="BUSL-1.1")
    assert audit(root, endpoints, "--skip", "links") == 1
    assert capsys.readouterr().out.splitlines() == [
        f"{FILE}:9:10: license: PyPI package sample-store is published under BUSL-1.1 (BUSL-1.1 is not among the "
        "catalog's licences (Apache-2.0), https://pypi.org/project/sample-store/ 2.0.0, if the licence changed, "
        "record it under `changes` (kind: license) and update license; if the package is only one part, say so in license_note)"]


def test_a_package_licence_that_is_one_of_the_catalogs_licences_is_consistent(tmp_path, server, endpoints, capsys):
    root = catalog(tmp_path, WITH_PACKAGE.replace("license: Apache-2.0", "license: Apache-2.0 AND MIT"))
    pypi(server, expression="MIT")
    json_path = tmp_path / "report.json"
    assert audit(root, endpoints, "--skip", "links", "--json", str(json_path)) == 0
    facts = json.loads(json_path.read_text())["facts"]
    assert facts == [{"kind": "package", "tool": "sample-store", "index": "pypi", "name": "sample-store",
                      "page": "https://pypi.org/project/sample-store/", "found": True, "problem": "",
                      "version": "2.0.0", "licence": "MIT", "licence_stated_as": "expression",
                      "latest_release": "2026-10-01", "links": {
                          "Homepage": "https://sample-store.example.org/",
                          "Source": "https://github.com/example/sample-store"}, "retired": "",
                      "licence_verdict": "MIT is one of the catalog's licences (Apache-2.0 AND MIT)"}]


def test_a_package_licence_named_in_the_license_note_is_explained_there(tmp_path, server, endpoints, capsys):
    note = ("license_note:\n  es: El servidor es Apache-2.0 y el cliente de Python, MIT.\n"
            "  en: The server is Apache-2.0 and the Python client MIT.\nmodel: open-source")
    root = catalog(tmp_path, WITH_PACKAGE.replace("model: open-source", note))
    pypi(server, expression="MIT")
    assert audit(root, endpoints, "--skip", "links") == 0
    assert capsys.readouterr().out == ""


def test_the_proprietary_classifier_agrees_with_a_source_available_licence(tmp_path, server, endpoints, capsys):
    root = catalog(tmp_path, WITH_PACKAGE.replace("license: Apache-2.0", "license: BUSL-1.1").replace(
        "model: open-source", "model: source-available"))
    server.expect_request("/pypi/pypi/sample-store/json").respond_with_json({
        "info": {"version": "2.0.0", "license": "", "classifiers": ["License :: Other/Proprietary License"],
                 "project_urls": {"Source": "https://github.com/example/sample-store"}},
        "releases": {"2.0.0": [{"upload_time_iso_8601": RECENT}]}})
    assert audit(root, endpoints, "--skip", "links") == 0
    assert capsys.readouterr().out == ""


def test_package_links_to_another_repository_and_a_missing_package_are_reported(tmp_path, server, endpoints, capsys):
    tool = WITH_PACKAGE.replace("pypi: [sample-store]", "pypi: [sample-store, sample-store-gone]")
    root = catalog(tmp_path, tool)
    pypi(server, urls={"Homepage": "https://sample-store.example.org/", "Source": "https://github.com/someone/fork"})
    server.expect_request("/pypi/pypi/sample-store-gone/json").respond_with_data("not found", status=404)
    assert audit(root, endpoints, "--skip", "links") == 1
    assert capsys.readouterr().out.splitlines() == [
        f"{FILE}:8:19: packages.pypi[0]: PyPI package sample-store links another repository "
        "(https://github.com/someone/fork on https://pypi.org/project/sample-store/, the catalog links "
        "https://github.com/example/sample-store, check that this is the tool's own package, or whether the "
        "repository moved)",
        f"{FILE}:8:33: packages.pypi[1]: PyPI package sample-store-gone does not exist (HTTP 404 for "
        "https://pypi.org/project/sample-store-gone/, check the name; the package may have been renamed or removed)"]


def test_a_package_whose_entry_explains_its_links_gets_a_note_not_a_finding(tmp_path, server, endpoints, capsys):
    tool = WITH_PACKAGE.replace("packages: {pypi: [sample-store]}", "packages:\n  pypi:\n    - name: sample-store\n"
                                "      note: Its metadata still links the fork it started as.")
    root = catalog(tmp_path, tool)
    pypi(server, urls={"Homepage": "https://sample-store.example.org/", "Source": "https://github.com/someone/fork"})
    assert audit(root, endpoints, "--skip", "links") == 0
    captured = capsys.readouterr()
    assert captured.out == ""
    assert ("note: sample-store: packages.pypi[0]: PyPI package sample-store links another repository "
            "(https://github.com/someone/fork on https://pypi.org/project/sample-store/, the catalog links "
            "https://github.com/example/sample-store); explained in the entry: Its metadata still links the fork "
            "it started as.") in captured.err.splitlines()


def test_an_active_tool_without_a_release_or_push_in_18_months_is_reported(tmp_path, server, endpoints, capsys):
    root = catalog(tmp_path, WITH_PACKAGE)
    pypi(server, uploaded=OLD)
    assert audit(root, endpoints, "--skip", "links") == 1
    assert capsys.readouterr().out.splitlines() == [
        f"{FILE}:13:9: status: no release or push in 18 months but the status is active (latest release on PyPI "
        "2023-01-10 (sample-store 2.0.0), look for the project's own words on its state; set status to "
        "limited-maintenance or archived if that is what they say)"]


def test_an_entry_checked_more_than_12_months_ago_is_reported_at_checked(tmp_path, endpoints, capsys):
    root = catalog(tmp_path)  # checked: 2026-11-20
    later = dt.date(2027, 11, 21)
    assert audit(root, endpoints, "--skip", "links", "--skip", "packages", today=later) == 1
    assert capsys.readouterr().out.splitlines() == [
        f"{FILE}:21:10: checked: facts were checked more than 12 months ago (checked 2026-11-20, 366 days before "
        "2027-11-21, check every fact against its sources and put the day in checked)"]
    assert audit(root, endpoints, "--skip", "links", "--skip", "packages", today=dt.date(2027, 11, 20)) == 0


def github_repo(server: HTTPServer, **fields) -> None:
    server.expect_request("/github/repos/example/sample-store",
                          headers={"Authorization": f"Bearer {TOKEN}"}).respond_with_json({
                              "full_name": "example/sample-store", "archived": False,
                              "license": {"spdx_id": "Apache-2.0"}, "pushed_at": "2026-11-01T10:00:00Z", **fields})


def test_an_archived_repository_of_an_active_tool_is_reported_and_the_token_never_shows(
        tmp_path, server, endpoints, capsys, monkeypatch):
    monkeypatch.setenv("GITHUB_TOKEN", TOKEN)
    root = catalog(tmp_path)
    github_repo(server, archived=True, pushed_at="2026-03-02T10:00:00Z")
    report, issue, cache = tmp_path / "report.json", tmp_path / "issue.md", tmp_path / "cache.sqlite"
    code = main(["--root", str(root), "audit", "--only", "sample-store", "--skip", "links", "--json", str(report),
                 "--markdown", str(issue)], today=TODAY, endpoints=endpoints, client=client(cache=cache))
    out, err = capsys.readouterr()
    assert code == 1
    assert out.splitlines() == [
        f"{FILE}:12:9: status: repository is archived but the status is active (archived on GitHub: "
        "https://github.com/example/sample-store, last push 2026-03-02, find the project's own words and set status "
        "(and successor) to match)"]
    written = [out, err, report.read_text(), issue.read_text(), cache.read_bytes().decode("latin-1")]
    assert not [text for text in written if TOKEN in text or TOKEN[4:] in text]
    assert server.log and all(r.headers["Authorization"] == f"Bearer {TOKEN}" for r, _ in server.log)


def test_a_renamed_repository_and_a_licence_github_detects_differently_are_reported(
        tmp_path, server, endpoints, capsys, monkeypatch):
    monkeypatch.setenv("GITHUB_TOKEN", TOKEN)
    root = catalog(tmp_path)
    github_repo(server, full_name="example-org/sample-store-2", license={"spdx_id": "AGPL-3.0"})
    assert audit(root, endpoints, "--skip", "links", "--skip", "packages") == 1
    assert capsys.readouterr().out.splitlines() == [
        f"{FILE}:6:13: repository: repository moved to example-org/sample-store-2 (GitHub's API answers for "
        "example/sample-store with example-org/sample-store-2, link the new address; if the project was renamed, "
        "check name and former_names)",
        f"{FILE}:8:10: license: GitHub detects AGPL-3.0 in the repository (AGPL-3.0-only or AGPL-3.0-or-later is not among the catalog's "
        "licences (Apache-2.0), https://github.com/example/sample-store, read the licence file at the latest "
        "release; if the licence changed, record it under `changes` (kind: license))"]


def test_githubs_rate_limit_skips_the_remaining_repositories_with_a_note(tmp_path, server, endpoints, capsys,
                                                                       monkeypatch):
    monkeypatch.setenv("GITHUB_TOKEN", TOKEN)
    root = catalog(tmp_path)
    reset = int(dt.datetime(2026, 11, 26, 13, 30, tzinfo=dt.timezone.utc).timestamp())
    server.expect_request("/github/repos/example/sample-store").respond_with_json(
        {"message": "API rate limit exceeded"}, status=403,
        headers={"X-RateLimit-Remaining": "0", "X-RateLimit-Reset": str(reset)})
    assert audit(root, endpoints, "--skip", "links", "--skip", "packages") == 0
    out, err = capsys.readouterr()
    assert out == ""
    assert err.splitlines() == [
        "note: GitHub's API rate limit is spent until 2026-11-26 13:30 UTC; the remaining repositories were not "
        "checked",
        "no findings (1 tool audited for age, repositories; skipped: links, packages)"]


def test_answers_are_kept_between_runs(tmp_path, server, endpoints, capsys):
    root = catalog(tmp_path, WITH_PACKAGE)
    pypi(server)
    cache = tmp_path / "cache.sqlite"
    for _ in range(2):
        assert main(["--root", str(root), "audit", "--only", "sample-store", "--skip", "links", "--cache", str(cache)],
                    today=TODAY, endpoints=endpoints, client=client(cache=cache)) == 0
    assert len(server.log) == 1


def test_the_json_report_and_the_issue_body_group_findings_by_tool(tmp_path, server, endpoints, capsys):
    root = catalog(tmp_path)
    server.expect_request(web(server, "sample-store.example.org/")).respond_with_data("gone", status=404)
    all_other_links_answer(server)
    report, issue = tmp_path / "report.json", tmp_path / "issue.md"
    assert audit(root, endpoints, "--skip", "packages", "--json", str(report), "--markdown", str(issue),
                 "--file-base", "https://github.com/o/r/blob/main/") == 1
    data = json.loads(report.read_text())
    assert data["summary"] == "1 finding in 1 tool (1 tool audited for age, links; skipped: packages, repositories)"
    assert data["findings"] == [{
        "file": FILE, "line": 5, "column": 11, "field": "homepage", "tool": "sample-store", "check": "links",
        "finding": "link is dead", "evidence": "HTTP 404 for https://sample-store.example.org/",
        "action": "find the page's new address or remove the link", "text": capsys.readouterr().out.strip()}]
    body = issue.read_text()
    assert "### sample-store\n\n- [`catalog/tools/sample-store.yml:5`](https://github.com/o/r/blob/main/" \
           "catalog/tools/sample-store.yml#L5) **homepage**: link is dead (HTTP 404 for " \
           "https://sample-store.example.org/, find the page's new address or remove the link)\n" in body


def test_usage_errors_exit_2_and_a_catalog_with_problems_exits_3(tmp_path, endpoints, capsys):
    root = catalog(tmp_path)
    assert main(["--root", str(root), "audit", "--only", "no-such-tool"], today=TODAY, endpoints=endpoints,
                client=client()) == 2
    assert capsys.readouterr().err == "landscape audit: no tool with id no-such-tool in the catalog\n"
    with pytest.raises(SystemExit) as exit_:
        main(["--root", str(root), "audit", "--skip", "everything"], today=TODAY)
    assert exit_.value.code == 2
    capsys.readouterr()
    (root / "catalog/tools/sample-store.yml").write_text(TOOL.replace("status: active", "status: alive"))
    assert main(["--root", str(root), "audit", "--no-cache"], today=TODAY, endpoints=endpoints, client=client()) == 3
    assert capsys.readouterr().err.splitlines()[-1] == ("landscape audit: the catalog has problems; fix them first "
                                                        "(`landscape check`)")


def test_the_audit_never_writes_the_catalog(tmp_path, server, endpoints, capsys):
    root = catalog(tmp_path, WITH_PACKAGE)
    pypi(server, expression="BUSL-1.1")
    all_other_links_answer(server)
    before = {p: p.read_bytes() for p in (root / "catalog").rglob("*") if p.is_file()}
    audit(root, endpoints)
    assert {p: p.read_bytes() for p in (root / "catalog").rglob("*") if p.is_file()} == before


def test_a_machine_that_reaches_no_site_gets_one_note_not_a_finding_per_link(tmp_path, capsys):
    root = catalog(tmp_path)
    offline = Endpoints(rewrite=(("https://", "http://127.0.0.1:9/"),))  # the discard port: nothing listens
    assert audit(root, offline, "--skip", "packages", http=client(retries=0)) == 0
    out, err = capsys.readouterr()
    assert out == ""
    assert re.match(r"note: links not checked: none of 5 links could be reached \(.+\); is this machine offline\?$",
                    err.splitlines()[0])


def test_npm_packages_are_read_from_the_registry(tmp_path, server, endpoints, capsys):
    root = catalog(tmp_path, TOOL.replace("license: Apache-2.0", "packages: {npm: ['@sample/store']}\nlicense: Apache-2.0"))
    server.expect_request("/npm/@sample/store").respond_with_json({  # asked as @sample%2Fstore; the server decodes it
        "dist-tags": {"latest": "3.1.0"}, "time": {"3.1.0": "2026-09-01T10:00:00.000Z"},
        "versions": {"3.1.0": {"license": "Apache-2.0", "deprecated": "use @sample/store-next",
                               "repository": {"type": "git", "url": "git+https://github.com/example/sample-store.git"}}}})
    assert audit(root, endpoints, "--skip", "links") == 1
    assert capsys.readouterr().out.splitlines() == [
        f"{FILE}:13:9: status: npm package @sample/store is marked retired but the status is active (deprecated: use "
        "@sample/store-next, https://www.npmjs.com/package/@sample/store, check the project's own words and set "
        "status (and successor))"]


def test_the_settings_never_show_the_token():
    from landscape.audit import Settings
    assert TOKEN not in repr(Settings(today=TODAY, github_token=TOKEN))
