"""Repositories: what GitHub's API says about each `repository` on github.com (needs a token).

`<github>/repos/<owner>/<name>` gives the archived flag, the licence GitHub detects, the last push and the
repository's current full name (the API follows a rename or transfer to the new name). `judge_repository`
reports, located in the file:
- a repository that no longer exists, or moved / was renamed (at `repository`);
- an archived repository while the status is `active` or `limited-maintenance` (at `status`);
- a detected licence that is not among the catalog's licences (at `license`; "Other" and none are not compared).
The token goes only into the Authorization header of requests to `<github>`; it is never printed, logged or
written, and the cache does not store it (requests-cache leaves Authorization out of keys and saved requests).
When the API answers that the rate limit is spent, the remaining repositories are skipped with a note.
"""

from __future__ import annotations

import datetime as dt
import threading
from dataclasses import dataclass

from .base import Target, code_repository, licence_note
from .http import Client, FetchError
from .licences import compare, published_licence
from .report import Finding, Note

CHECK = "repositories"
NOT_COMPARED = (None, "", "NOASSERTION", "OTHER")
STILL_MAINTAINED = ("active", "limited-maintenance")


@dataclass(frozen=True)
class RepositoryFacts:
    """What GitHub says about one repository; `problem` says why it could not be read."""

    asked: str  # owner/name as the catalog links it
    found: bool = True
    problem: str = ""
    full_name: str = ""
    archived: bool = False
    licence: str | None = None
    pushed: dt.date | None = None

    def as_json(self, tool: str) -> dict:
        return {"kind": "repository", "tool": tool, "name": self.asked, "found": self.found, "problem": self.problem,
                "full_name": self.full_name, "archived": self.archived, "licence": self.licence,
                "last_push": self.pushed.isoformat() if self.pushed else None}


class GitHub:
    """Asks GitHub's API about repositories, and stops asking once the rate limit is spent."""

    def __init__(self, client: Client, base: str, token: str):
        self._client = client
        self._base = base.rstrip("/")
        self._headers = {"Authorization": f"Bearer {token}", "Accept": "application/vnd.github+json",
                         "X-GitHub-Api-Version": "2022-11-28"}
        self._spent = threading.Event()
        self.limit_note = ""

    def fetch(self, repository_url: str) -> RepositoryFacts | None:
        """The facts about a github.com repository link, or None when the link is not one."""
        repo = code_repository(repository_url)
        if not repo or not repo.startswith("github.com/"):
            return None
        asked = repo.removeprefix("github.com/")
        if self._spent.is_set():
            return RepositoryFacts(asked, problem="skipped: the API's rate limit is spent")
        try:
            response = self._client.get(f"{self._base}/repos/{asked}", headers=self._headers)
        except FetchError as err:
            return RepositoryFacts(asked, problem=str(err))
        if response.status_code in (403, 429) and (response.headers.get("X-RateLimit-Remaining") == "0"
                                                   or response.headers.get("Retry-After")):
            self._spent.set()
            self.limit_note = _limit_note(response.headers)
            return RepositoryFacts(asked, problem="skipped: the API's rate limit is spent")
        if response.status_code == 404:
            return RepositoryFacts(asked, found=False)
        if response.status_code != 200:
            return RepositoryFacts(asked, problem=f"HTTP {response.status_code}")
        data = response.json()
        pushed = data.get("pushed_at")
        return RepositoryFacts(asked, full_name=data.get("full_name", ""), archived=bool(data.get("archived")),
                               licence=(data.get("license") or {}).get("spdx_id"),
                               pushed=dt.date.fromisoformat(pushed[:10]) if pushed else None)


def _limit_note(headers) -> str:
    """What GitHub said about its rate limit, in words: when it resets, or how long to wait."""
    reset = headers.get("X-RateLimit-Reset")
    if reset and reset.isdigit():
        when = dt.datetime.fromtimestamp(int(reset), dt.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
        return f"GitHub's API rate limit is spent until {when}; the remaining repositories were not checked"
    return (f"GitHub's API asked to wait {headers.get('Retry-After')} s; "
            "the remaining repositories were not checked")


def judge_repository(target: Target, facts: RepositoryFacts) -> tuple[list[Finding], list[Note]]:
    """The findings (and notes) for one tool's repository."""
    tool, page = target.tool, f"https://github.com/{facts.asked}"
    if facts.problem:
        return [], ([] if "rate limit" in facts.problem else [Note(CHECK, tool.id, f"{page} not checked: {facts.problem}")])
    if not facts.found:
        return [target.finding(("repository",), CHECK, "repository does not exist on GitHub",
                               f"HTTP 404 from the API for {facts.asked}",
                               "find where the source lives now, or remove the link if it is no longer public")], []
    findings = []
    if facts.full_name.lower() != facts.asked.lower():
        findings.append(target.finding(("repository",), CHECK, f"repository moved to {facts.full_name}",
                                       f"GitHub's API answers for {facts.asked} with {facts.full_name}",
                                       "link the new address; if the project was renamed, check name and former_names"))
    if facts.archived and tool.status in STILL_MAINTAINED:
        when = f", last push {facts.pushed.isoformat()}" if facts.pushed else ""
        findings.append(target.finding(("status",), CHECK, f"repository is archived but the status is {tool.status}",
                                       f"archived on GitHub: {page}{when}",
                                       "find the project's own words and set status (and successor) to match"))
    if facts.licence not in NOT_COMPARED:
        agrees, why = compare(tool.license, published_licence(expression=facts.licence), licence_note(tool))
        if not agrees:
            findings.append(target.finding(("license",), CHECK, f"GitHub detects {facts.licence} in the repository",
                                           f"{why}, {page}",
                                           "read the licence file at the latest release; if the licence changed, "
                                           "record it under `changes` (kind: license)"))
    return findings, []

