"""What every part of the audit shares: its settings, the tool being audited, and sites of links."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from functools import cache
from urllib.parse import urlsplit

from publicsuffixlist import PublicSuffixList

from ..model import Tool
from ..source import Document, KeyPath, dotted
from .report import Finding

PARTS = ("age", "links", "packages", "repositories")  # what `--skip` may name, in the order they run
STALE_MONTHS = 18  # an active tool with no release and no push for this long is reported
CODE_HOSTS = ("github.com", "gitlab.com", "bitbucket.org", "codeberg.org")


@dataclass(frozen=True)
class Endpoints:
    """Where the audit asks. Tests and mirrors replace them; `rewrite` maps a link prefix to another one
    (e.g. {"https://": "http://127.0.0.1:8000/"}) so that catalog links can be served locally."""

    pypi: str = "https://pypi.org"
    npm: str = "https://registry.npmjs.org"
    github: str = "https://api.github.com"
    rewrite: tuple[tuple[str, str], ...] = ()

    def link(self, url: str) -> str:
        for prefix, replacement in self.rewrite:
            if url.startswith(prefix):
                return replacement + url[len(prefix):]
        return url


@dataclass(frozen=True)
class Settings:
    """One run's choices. The token is kept out of repr() so that it cannot end up in a log by accident."""

    today: dt.date
    parts: tuple[str, ...] = PARTS
    github_token: str | None = field(default=None, repr=False)
    endpoints: Endpoints = Endpoints()


@dataclass(frozen=True)
class Target:
    """A tool and the document it was read from, to locate findings at the line of the fact."""

    tool: Tool
    document: Document

    def finding(self, path: KeyPath, check: str, finding: str, evidence: str, action: str) -> Finding:
        where = self.document.where(path)
        return Finding(self.document.file, where.line, where.column, dotted(path), self.tool.id, check,
                       finding, evidence, action)


@cache
def _suffixes() -> PublicSuffixList:
    return PublicSuffixList()


def site(url: str) -> str:
    """The registrable domain of a link (docs.feast.dev -> feast.dev), or its host when it has none."""
    host = (urlsplit(url).hostname or "").lower()
    return _suffixes().privatesuffix(host) or host


def code_repository(url: str) -> str | None:
    """'github.com/owner/name' for a link into a repository on a code host, in lower case; else None."""
    url = url.removeprefix("git+").replace("git://", "https://").replace("ssh://git@", "https://")
    if url.startswith("git@"):  # scp-like form: git@github.com:owner/name.git
        url = "https://" + url[4:].replace(":", "/", 1)
    parts = urlsplit(url)
    host = (parts.hostname or "").lower().removeprefix("www.")
    segments = [s for s in parts.path.split("/") if s]
    if host not in CODE_HOSTS or len(segments) < 2:
        return None
    return f"{host}/{segments[0]}/{segments[1].removesuffix('.git')}".lower()


def licence_note(tool: Tool) -> str:
    """The entry's license_note in both languages (where a licence it explains is named), or ''."""
    return f"{tool.license_note.es}\n{tool.license_note.en}" if tool.license_note else ""
