"""Links: every homepage, repository, docs and source link still answers, and stays on its site.

Each distinct link is asked once (HEAD, then GET when HEAD is refused or fails), however many tools
or fields hold it, and the outcome is reported at every place that holds it:
- no answer (timeout, DNS, refused connection, TLS) or an error status: a finding, "link is dead" for
  404 and 410, "link answers with an error" for the others;
- a redirect chain that ends on another registrable domain: a finding (the project moved, was sold, or
  the domain lapsed); on a code host, a redirect to another repository is a finding too (a rename);
- 401, 403 and 429 (bot protection, rate limits): a note, since the page may be fine in a browser;
- when no link at all can be reached, one note says the machine seems offline, instead of a finding per link.
"""

from __future__ import annotations

from collections.abc import Iterable
from concurrent.futures import Executor
from dataclasses import dataclass

from ..source import KeyPath, dotted
from .base import Endpoints, Target, code_repository, site
from .http import Client, FetchError
from .report import Finding, Note

LINK_FIELDS = ("homepage", "repository", "docs")
NOT_CHECKABLE = (401, 403, 429)
CHECK = "links"


@dataclass(frozen=True)
class Outcome:
    """How one link answered: the final status and address, the statuses on the way, or why there was no answer."""

    asked: str
    status: int | None = None
    final: str = ""
    hops: tuple[int, ...] = ()
    retry_after: str | None = None
    error: FetchError | None = None


def places(target: Target) -> list[tuple[KeyPath, str]]:
    """Each link field of a tool, with its path in the file."""
    tool = target.tool
    found = [((name,), getattr(tool, name)) for name in LINK_FIELDS if getattr(tool, name)]
    return found + [(("sources", i, "url"), source.url) for i, source in enumerate(tool.sources)]


def check_links(targets: Iterable[Target], client: Client, endpoints: Endpoints,
                executor: Executor) -> tuple[list[Finding], list[Note]]:
    """Ask every distinct link once, in parallel; report each outcome at every place that holds the link."""
    holders: dict[str, list[tuple[Target, KeyPath]]] = {}
    for target in targets:
        for path, url in places(target):
            holders.setdefault(url, []).append((target, path))
    outcomes = list(executor.map(lambda url: probe(client, endpoints.link(url)), holders))
    if len(outcomes) > 1 and all(o.error is not None and o.error.kind == "connection" for o in outcomes):
        # Not one host reachable: the machine is offline, not every site of the catalog gone.
        return [], [Note(CHECK, "", f"links not checked: none of {len(outcomes)} links could be reached "
                                    f"({outcomes[0].error.detail}); is this machine offline?")]
    findings, notes = [], []
    for url, outcome in zip(holders, outcomes):
        for target, path in holders[url]:
            finding, note = judge(target, path, url, outcome, client)
            findings += [finding] if finding else []
            notes += [note] if note else []
    return findings, notes


def probe(client: Client, url: str) -> Outcome:
    """HEAD the link, and GET it when HEAD does not give a good answer (many servers mishandle HEAD)."""
    try:
        response = client.get(url, method="HEAD")
        if response.status_code >= 400:
            response = client.get(url)
    except FetchError as err:
        return Outcome(url, error=err)
    return Outcome(url, response.status_code, response.url, tuple(r.status_code for r in response.history),
                   response.headers.get("Retry-After"))


def judge(target: Target, path: KeyPath, url: str, outcome: Outcome, client: Client) -> tuple[Finding | None, Note | None]:
    """The finding or note for one place holding `url`, or neither when the link is fine."""
    field = dotted(path)
    if outcome.error is not None:
        tries = client.retries + 1
        why = "no answer in time" if outcome.error.kind == "timeout" else outcome.error.detail or outcome.error.kind
        return target.finding(path, CHECK, "link does not answer", f"{why} from {url} after {tries} tries",
                              "check whether the site moved or closed"), None
    if outcome.status in NOT_CHECKABLE:
        wait = f", Retry-After: {outcome.retry_after}" if outcome.retry_after else ""
        return None, Note(CHECK, target.tool.id, f"{field}: {url} answered HTTP {outcome.status}{wait}; "
                                                 "not checked, open it in a browser")
    if outcome.status >= 400:
        dead = outcome.status in (404, 410)
        return target.finding(path, CHECK, "link is dead" if dead else "link answers with an error",
                              f"HTTP {outcome.status} for {url}",
                              "find the page's new address or remove the link" if dead
                              else "try again later; if it persists, find the page's new address"), None
    if outcome.hops and site(outcome.final) != site(outcome.asked):
        return target.finding(path, CHECK, "link redirects to another site",
                              f"{url} -> {outcome.final}, HTTP {outcome.hops[0]}",
                              "if the project moved, link the new address; if the domain changed hands, "
                              "check the steward and the status"), None
    before, after = code_repository(outcome.asked), code_repository(outcome.final)
    if outcome.hops and before and after and before != after:
        return target.finding(path, CHECK, "repository moved", f"{url} -> {outcome.final}, HTTP {outcome.hops[0]}",
                              "link the new address; if the project was renamed, check name and former_names"), None
    return None, None
