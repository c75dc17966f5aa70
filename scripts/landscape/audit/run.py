"""One audit run: load the catalog, ask the outside world about each tool, and gather a Report.

The catalog is read, never written. It must pass `landscape check` first (load_catalog raises CatalogError
otherwise), and each tool file is read again with source.read_yaml for the positions of its facts.
Parts run in the order of base.PARTS; `settings.parts` says which. Beside the parts themselves, two rules
need facts from several of them:
- age: facts checked more than 12 months before `settings.today` (Tool.needs_recheck), at `checked`;
- activity: an `active` tool whose latest package release and latest push (those known) are all older than
  STALE_MONTHS, at `status`. Without any of the two, nothing is said.
"""

from __future__ import annotations

import datetime as dt
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from ..load import load_catalog
from ..model import months_after
from ..source import read_yaml
from .base import PARTS, STALE_MONTHS, Settings, Target
from .github import GitHub, judge_repository
from .http import Client
from .links import check_links
from .packages import INDEX_NAMES, fetch, judge_package
from .report import Finding, Note, Report

WORKERS = 8  # requests in flight at once over all hosts; the client allows at most 2 per host


class UnknownTool(Exception):
    """`only` named a tool id the catalog does not have."""


def audit(root: Path, settings: Settings, client: Client, only: tuple[str, ...] = ()) -> Report:
    """Audit the catalog under `root` (or only the tools in `only`) and return what was found."""
    catalog = load_catalog(root / "catalog", today=settings.today)
    unknown = [tool_id for tool_id in only if catalog.tool(tool_id) is None]
    if unknown:
        raise UnknownTool(", ".join(unknown))
    tools = [t for t in catalog.tools if not only or t.id in only]
    targets = [Target(t, read_yaml((root / t.file).read_bytes(), t.file)[0]) for t in tools]
    parts = tuple(p for p in PARTS if p in settings.parts)
    if "repositories" in parts and not settings.github_token:
        parts = tuple(p for p in parts if p != "repositories")
        skipped_note = [Note("repositories", "", "repository checks skipped: no GITHUB_TOKEN in the environment "
                                                 "(archived flags, detected licences, last pushes and moves "
                                                 "are checked only with one)")]
    else:
        skipped_note = []
    report = Report(settings.today, tuple(t.id for t in tools), parts,
                    tuple(p for p in PARTS if p not in parts), notes=skipped_note)

    with ThreadPoolExecutor(max_workers=WORKERS) as executor:
        if "age" in parts:
            report.findings += [_age_finding(t, settings.today) for t in targets if t.tool.needs_recheck(settings.today)]
        if "links" in parts:
            findings, notes = check_links(targets, client, settings.endpoints, executor)
            report.findings += findings
            report.notes += notes
        latest: dict[str, list[tuple[dt.date, str]]] = {t.tool.id: [] for t in targets}
        if "packages" in parts:
            _packages(targets, client, settings, executor, report, latest)
        if "repositories" in parts:
            github = GitHub(client, settings.endpoints.github, settings.github_token or "")
            _repositories(targets, github, executor, report, latest)
            if github.limit_note:
                report.notes.append(Note("repositories", "", github.limit_note))
        if {"packages", "repositories"} & set(parts):
            report.findings += [f for t in targets if (f := _activity_finding(t, latest[t.tool.id], settings.today))]
    report.sort()
    return report


def _packages(targets, client, settings, executor, report, latest) -> None:
    jobs = [(t, position, index, name) for t in targets for index in INDEX_NAMES
            for position, name in enumerate(p.name for p in t.tool.packages if p.index == index)]
    base = {"pypi": settings.endpoints.pypi.rstrip("/"), "npm": settings.endpoints.npm.rstrip("/")}
    results = executor.map(lambda job: fetch(client, job[2], base[job[2]], job[3]), jobs)
    for (target, position, index, name), facts in zip(jobs, results):
        findings, notes, licence_verdict = judge_package(target, position, facts)
        note = next(p.note for p in target.tool.packages if p.index == index and p.name == name)
        if note:  # the entry already says why this package's metadata differs: a note, not a finding
            notes += [Note(f.check, target.tool.id, f"{f.field}: {f.finding} ({f.evidence}); explained in the entry: {note}")
                      for f in findings]
            findings = []
        report.findings += findings
        report.notes += notes
        report.facts.append({**facts.as_json(target.tool.id), "licence_verdict": licence_verdict})
        if facts.latest:
            latest[target.tool.id].append((facts.latest, f"latest release on {INDEX_NAMES[facts.index]} "
                                                          f"{facts.latest.isoformat()} ({facts.name} {facts.version})"))


def _repositories(targets, github: GitHub, executor, report, latest) -> None:
    with_repo = [t for t in targets if t.tool.repository]
    for target, facts in zip(with_repo, executor.map(lambda t: github.fetch(t.tool.repository), with_repo)):
        if facts is None:
            continue
        findings, notes = judge_repository(target, facts)
        report.findings += findings
        report.notes += notes
        report.facts.append(facts.as_json(target.tool.id))
        if facts.pushed:
            latest[target.tool.id].append((facts.pushed, f"last push to GitHub {facts.pushed.isoformat()}"))


def _age_finding(target: Target, today: dt.date) -> Finding:
    checked = target.tool.checked
    return target.finding(("checked",), "age", "facts were checked more than 12 months ago",
                          f"checked {checked.isoformat()}, {(today - checked).days} days before {today.isoformat()}",
                          "check every fact against its sources and put the day in checked")


def _activity_finding(target: Target, signals: list[tuple[dt.date, str]], today: dt.date) -> Finding | None:
    """An active tool whose every known release and push is older than STALE_MONTHS."""
    if target.tool.status != "active" or not signals:
        return None
    newest = max(signals)
    if months_after(newest[0], STALE_MONTHS) >= today:
        return None
    said = "; ".join(s for _, s in sorted(signals, reverse=True))
    return target.finding(("status",), "activity", f"no release or push in {STALE_MONTHS} months but the status is active",
                          said, "look for the project's own words on its state; set status to limited-maintenance "
                                "or archived if that is what they say")
