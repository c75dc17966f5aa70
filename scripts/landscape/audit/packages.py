"""Packages: what PyPI and npm publish about each package a tool names under `packages:`.

For each package the index is asked once (PyPI's JSON API `<pypi>/pypi/<name>/json`, the npm registry's
`<npm>/<name>`), and its answer becomes `PackageFacts`. `judge_package` then reports, located in the file:
- a package the index does not know (at the package's name);
- a published licence that is not among the catalog's licences (at `license`; see licences.compare);
- project links that point to another repository (of another owner than the catalog's repository and
  sources), or, when it links no repository of the tool's, a homepage on another site (at the package's name);
- a package its makers marked deprecated or inactive while the tool is `active` (at `status`).
The latest release date is kept in the facts; run.py weighs it with the repository's last push.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from urllib.parse import quote

from .base import Target, code_repository, licence_note, site
from .http import Client, FetchError
from .licences import Published, compare, published_licence
from .report import Finding, Note

CHECK = "packages"
INDEX_NAMES = {"pypi": "PyPI", "npm": "npm"}
HOMEPAGE_LABELS = {"homepage", "home", "website"}


@dataclass(frozen=True)
class PackageFacts:
    """What an index says about one package; `problem` says why it could not be read (then the rest is empty)."""

    index: str
    name: str
    page: str
    found: bool = True
    problem: str = ""
    version: str = ""
    licence: Published | None = None
    latest: dt.date | None = None
    links: dict[str, str] = field(default_factory=dict)  # label -> url, as the index shows them
    retired: str = ""  # the makers' own words when they marked it deprecated or inactive

    def as_json(self, tool: str) -> dict:
        return {"kind": "package", "tool": tool, "index": self.index, "name": self.name, "page": self.page,
                "found": self.found, "problem": self.problem, "version": self.version,
                "licence": self.licence.said if self.licence else None,
                "licence_stated_as": self.licence.how if self.licence else None,
                "latest_release": self.latest.isoformat() if self.latest else None,
                "links": self.links, "retired": self.retired}


def fetch(client: Client, index: str, base: str, name: str) -> PackageFacts:
    """Ask the index about one package."""
    if index == "pypi":
        url, page = f"{base}/pypi/{quote(name)}/json", f"https://pypi.org/project/{name}/"
    else:
        url, page = f"{base}/{quote(name, safe='@')}", f"https://www.npmjs.com/package/{name}"
    try:
        response = client.get(url, headers={"Accept": "application/json"})
    except FetchError as err:
        return PackageFacts(index, name, page, problem=str(err))
    if response.status_code == 404:
        return PackageFacts(index, name, page, found=False)
    if response.status_code != 200:
        wait = response.headers.get("Retry-After")
        return PackageFacts(index, name, page, problem=f"HTTP {response.status_code}"
                                                       + (f", Retry-After: {wait}" if wait else ""))
    data = response.json()
    return _read_pypi(name, page, data) if index == "pypi" else _read_npm(name, page, data)


def _read_pypi(name: str, page: str, data: dict) -> PackageFacts:
    info = data.get("info") or {}
    classifiers = tuple(info.get("classifiers") or ())
    licence = published_licence(expression=info.get("license_expression"), text=info.get("license"),
                                classifiers=classifiers)
    uploads = [f.get("upload_time_iso_8601") or f.get("upload_time") for files in (data.get("releases") or {}).values()
               for f in files if not f.get("yanked")]
    latest = max((dt.date.fromisoformat(u[:10]) for u in uploads if u), default=None)
    links = dict(info.get("project_urls") or {})
    if info.get("home_page"):
        links.setdefault("Homepage", info["home_page"])
    inactive = "Development Status :: 7 - Inactive" in classifiers
    return PackageFacts("pypi", name, page, version=info.get("version") or "", licence=licence, latest=latest,
                        links=links, retired="classifier 'Development Status :: 7 - Inactive'" if inactive else "")


def _read_npm(name: str, page: str, data: dict) -> PackageFacts:
    version = (data.get("dist-tags") or {}).get("latest", "")
    current = (data.get("versions") or {}).get(version) or {}
    declared = current.get("license", data.get("license"))
    if isinstance(declared, dict):  # the old form: {"type": "MIT", "url": ...}
        declared = declared.get("type")
    licence = published_licence(expression=declared if isinstance(declared, str) else None)
    when = (data.get("time") or {}).get(version)
    repository = current.get("repository", data.get("repository"))
    links = {"homepage": current.get("homepage", data.get("homepage")),
             "repository": repository.get("url") if isinstance(repository, dict) else repository}
    return PackageFacts("npm", name, page, version=version, licence=licence,
                        latest=dt.date.fromisoformat(when[:10]) if when else None,
                        links={k: v for k, v in links.items() if isinstance(v, str) and v},
                        retired=f"deprecated: {current['deprecated']}" if current.get("deprecated") else "")


def judge_package(target: Target, position: int, facts: PackageFacts) -> tuple[list[Finding], list[Note], str]:
    """The findings and notes for one package of one tool ( `position` is its index in the file's list), and
    the licence comparison in words, consistent or not ('' when there was nothing to compare)."""
    tool, path = target.tool, ("packages", facts.index, position)
    index = INDEX_NAMES[facts.index]
    label = f"{index} package {facts.name}"
    if facts.problem:
        return [], [Note(CHECK, tool.id, f"{label} not checked: {facts.problem}")], ""
    if not facts.found:
        return [target.finding(path, CHECK, f"{label} does not exist", f"HTTP 404 for {facts.page}",
                               "check the name; the package may have been renamed or removed")], [], ""
    findings, notes, why = [], [], ""
    if facts.licence is None:
        notes.append(Note(CHECK, tool.id, f"{label} states no licence"))
    elif not facts.licence.groups:
        notes.append(Note(CHECK, tool.id, f"{label} states its licence as {facts.licence.shown!r}, "
                                          "which is not an SPDX id; compare it by hand"))
    else:
        agrees, why = compare(tool.license, facts.licence, licence_note(tool))
        if not agrees:
            findings.append(target.finding(("license",), CHECK, f"{label} is published under {facts.licence.shown}",
                                           f"{why}, {facts.page} {facts.version}",
                                           "if the licence changed, record it under `changes` (kind: license) and update "
                                           "license; if the package is only one part, say so in license_note"))
    findings += _links_elsewhere(target, path, label, facts)
    if facts.retired and tool.status == "active":
        findings.append(target.finding(("status",), CHECK, f"{label} is marked retired but the status is active",
                                       f"{facts.retired}, {facts.page}",
                                       "check the project's own words and set status (and successor)"))
    return findings, notes, why


def _links_elsewhere(target: Target, path: tuple, label: str, facts: PackageFacts) -> list[Finding]:
    """Findings when the package's own links point to another repository, or its homepage to another site."""
    tool = target.tool
    # A repository of the same owner counts as the tool's own (a client in its own repository, a monorepo split).
    ours = {_owner(r) for r in map(code_repository, (tool.repository or "", *(s.url for s in tool.sources))) if r}
    theirs = {url: code_repository(url) for url in facts.links.values()}
    repos = {url: repo for url, repo in theirs.items() if repo}
    found = []
    if tool.repository and repos and not ours.intersection(map(_owner, repos.values())):
        url = next(iter(repos))
        found.append(target.finding(path, CHECK, f"{label} links another repository",
                                    f"{url} on {facts.page}, the catalog links {tool.repository}",
                                    "check that this is the tool's own package, or whether the repository moved"))
    sites = {site(u) for u in (tool.homepage, tool.docs or "", tool.repository or "", *(s.url for s in tool.sources)) if u}
    homepages = [url for key, url in facts.links.items()
                 if re.sub(r"[^a-z]", "", key.lower()) in HOMEPAGE_LABELS and not theirs.get(url)
                 and url.startswith(("https://", "http://"))]
    # A package that links the tool's own repository is the tool's: its homepage may be a docs site elsewhere.
    if homepages and not any(site(url) in sites for url in homepages) and not (repos and not found):
        found.append(target.finding(path, CHECK, f"{label} links another homepage",
                                    f"{homepages[0]} on {facts.page}, the catalog links {tool.homepage}",
                                    "check that this is the tool's own package, or whether the homepage moved"))
    return found


def _owner(repository: str) -> str:
    """'github.com/owner/name' -> 'github.com/owner'."""
    return repository.rsplit("/", 1)[0]

