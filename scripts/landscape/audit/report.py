"""What the audit found, located in the catalog files, and the three forms it is written in.

A `Finding` is something in the catalog that the outside world now contradicts (or cannot confirm):
printed like the checker's problems, `file:line:col: field: finding (evidence, what to check)`.
A `Note` is something the audit could not check (a part skipped, a host that refused it); notes never
change the exit status. `Report` holds both, plus the facts gathered on the way (each package's licence
and latest release, each repository's state), and writes them as text, JSON or a Markdown issue body.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import jinja2

from ..i18n import plural
from ..problems import Problem

TEMPLATE = Path(__file__).resolve().parent.parent / "templates" / "audit_issue.md.j2"
MAX_ISSUE_BODY = 60_000  # GitHub refuses issue bodies over 65,536 characters


@dataclass(frozen=True, order=True)
class Finding:
    """One fact of one tool file that the outside world contradicts; `check` names the part of the audit."""

    file: str
    line: int
    column: int
    field: str
    tool: str
    check: str
    finding: str
    evidence: str
    action: str

    def __str__(self) -> str:
        return str(Problem(self.file, self.line, self.column, self.field, self.finding,
                           f"{self.evidence}, {self.action}"))


@dataclass(frozen=True, order=True)
class Note:
    """Something the audit did not or could not check; `tool` is empty when it concerns the whole run."""

    check: str
    tool: str
    message: str

    def __str__(self) -> str:
        return f"note: {self.tool + ': ' if self.tool else ''}{self.message}"


@dataclass
class Report:
    """Everything one run of the audit found, noted and learnt."""

    today: dt.date
    tools: tuple[str, ...]
    checks: tuple[str, ...]
    skipped: tuple[str, ...]
    findings: list[Finding] = field(default_factory=list)
    notes: list[Note] = field(default_factory=list)
    facts: list[dict[str, Any]] = field(default_factory=list)  # per package and per repository, for machines

    def sort(self) -> None:
        self.findings.sort()
        self.notes.sort()
        self.facts.sort(key=lambda f: (f["tool"], f["kind"], f.get("index", ""), f.get("name", "")))

    def summary(self) -> str:
        """'2 findings in 1 tool (120 tools audited for age, packages; skipped: links, repositories)'."""
        def count(n: int, noun: str) -> str:
            return plural({"one": "{count} " + noun, "other": "{count} " + noun + "s"}, n, "en")

        found = (f"{count(len(self.findings), 'finding')} in {count(len({f.tool for f in self.findings}), 'tool')}"
                 if self.findings else "no findings")
        skipped = f"; skipped: {', '.join(self.skipped)}" if self.skipped else ""
        return f"{found} ({count(len(self.tools), 'tool')} audited for {', '.join(self.checks) or 'nothing'}{skipped})"

    def as_json(self) -> dict[str, Any]:
        return {
            "today": self.today.isoformat(),
            "tools": list(self.tools),
            "checks": list(self.checks),
            "skipped": list(self.skipped),
            "summary": self.summary(),
            "findings": [{**asdict(f), "text": str(f)} for f in self.findings],
            "notes": [asdict(n) for n in self.notes],
            "facts": self.facts,
        }

    def write_json(self, path: Path) -> None:
        path.write_text(json.dumps(self.as_json(), indent=2, ensure_ascii=False) + "\n", encoding="utf-8")

    def write_markdown(self, path: Path, *, file_base: str = "") -> None:
        """The body of the tracking issue: the findings grouped by tool, then the notes.

        `file_base` (e.g. https://github.com/<owner>/<repo>/blob/<sha>/) turns each location into a link.
        """
        by_tool: dict[str, list[Finding]] = {}
        for finding in self.findings:
            by_tool.setdefault(finding.tool, []).append(finding)
        environment = jinja2.Environment(autoescape=False, keep_trailing_newline=True, trim_blocks=True,
                                         lstrip_blocks=True, undefined=jinja2.StrictUndefined)
        template = environment.from_string(TEMPLATE.read_text(encoding="utf-8"))
        shown = list(by_tool)
        while True:  # leave out the last tools until the body fits in an issue; the JSON report keeps them all
            left_out = sum(len(by_tool[tool]) for tool in by_tool if tool not in shown)
            text = template.render(report=self, by_tool={tool: by_tool[tool] for tool in shown}, left_out=left_out,
                                   file_base=file_base, escape=_escape_markdown)
            if len(text) <= MAX_ISSUE_BODY or not shown:
                break
            shown.pop()
        path.write_text(text, encoding="utf-8")


def _escape_markdown(text: str) -> str:
    """Keep catalog and server text from turning into Markdown or mentions in the issue."""
    for char in "\\`*[]<>|@":
        text = text.replace(char, "\\" + char)
    return text
