"""Command line: `landscape check`, `landscape generate`, `landscape new`, `landscape audit`.

Exit status 0 when all is well, 1 when the catalog has problems, 2 for bad usage.
`landscape audit`: 0 no findings, 1 findings, 2 bad usage, 3 the catalog has problems (nothing audited).
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
from pathlib import Path

from . import audit as audit_
from .generate import Project, generate
from .i18n import plural
from .load import load_catalog
from .problems import CatalogError, Problem, summary
from .scaffold import ScaffoldError, scaffold


def main(argv: list[str] | None = None, today: dt.date | None = None, *,
         endpoints: audit_.Endpoints | None = None, client: audit_.Client | None = None) -> int:
    """Run one command. `today` is the clock for date rules (default: the real date); tests fix it,
    and give `audit` local `endpoints` and a `client` that does not wait between requests."""
    parser = argparse.ArgumentParser(prog="landscape", description=__doc__.splitlines()[0])
    parser.add_argument("--root", type=Path, default=Path.cwd(),
                        help="project folder holding catalog/ and docs/ (default: the current folder)")
    commands = parser.add_subparsers(dest="command", required=True)

    check = commands.add_parser("check", help="check every catalog file and report all problems")
    check.add_argument("--format", choices=("text", "github"), default="text",
                       help="github: also print ::error annotations so pull requests show problems inline")
    check.set_defaults(run=run_check)

    gen = commands.add_parser("generate", help="check the catalog, then write pages and diagrams under docs/")
    gen.add_argument("--edit-base", help="URL that catalog paths are appended to for 'edit this entry' links")
    gen.set_defaults(run=run_generate)

    new = commands.add_parser("new", help="start a new tool file from a name and a category")
    new.add_argument("name", help="the tool's name, e.g. 'Great Expectations'")
    new.add_argument("--category", required=True, help="category id, e.g. data-validation")
    new.add_argument("--id", help="file name without .yml (default: derived from the name)")
    new.set_defaults(run=run_new)

    aud = commands.add_parser("audit", help="check every entry against the outside world and report what went "
                                            "stale; never edits the catalog",
                              description="Check links, package metadata, GitHub repositories and the age of "
                                          "every entry. Exit status: 0 no findings, 1 findings, 2 bad usage, "
                                          "3 the catalog has problems (run `landscape check`).")
    aud.add_argument("--only", action="append", default=[], metavar="ID", help="audit only this tool (repeatable)")
    aud.add_argument("--skip", action="append", default=[], choices=audit_.PARTS, metavar="PART",
                     help=f"leave out one part: {', '.join(audit_.PARTS)} (repeatable)")
    aud.add_argument("--json", type=Path, metavar="PATH", help="also write the whole report as JSON")
    aud.add_argument("--markdown", type=Path, metavar="PATH", help="also write the findings, grouped by tool, "
                                                                   "as the body of a tracking issue")
    aud.add_argument("--file-base", default="", metavar="URL",
                     help="with --markdown: URL that file paths are appended to, to link each finding")
    aud.add_argument("--cache", type=Path, metavar="PATH",
                     help="where answers are kept between runs (default: .cache/audit.sqlite in the project)")
    aud.add_argument("--no-cache", action="store_true", help="ask every host again, and keep nothing")
    aud.add_argument("--timeout", type=float, default=15.0, metavar="SECONDS", help="per request (default 15)")
    aud.set_defaults(run=run_audit)

    args = parser.parse_args(argv)
    args.today = today
    args.endpoints = endpoints
    args.client = client
    return args.run(args)


def run_check(args: argparse.Namespace) -> int:
    """Check the catalog; print every problem as file:line:col, then a count."""
    project = Project(args.root)
    try:
        catalog = load_catalog(project.catalog, today=args.today)
    except CatalogError as err:
        report_problems(err.problems, args.format)
        return 1
    tools = plural({"one": "{count} tool", "other": "{count} tools"}, len(catalog.tools), "en")
    categories = plural({"one": "{count} category", "other": "{count} categories"}, len(catalog.categories), "en")
    print(f"catalog OK: {tools} in {categories}")
    return 0


def run_generate(args: argparse.Namespace) -> int:
    """Regenerate pages; print what changed."""
    try:
        report = generate(Project(args.root), edit_base=args.edit_base, today=args.today)
    except CatalogError as err:
        report_problems(err.problems, "text")
        return 1
    for path in report.written:
        print(f"wrote {path}")
    for path in report.removed:
        print(f"removed {path}")
    print(f"{len(report.written)} written, {len(report.removed)} removed, {report.unchanged} unchanged")
    return 0


def run_new(args: argparse.Namespace) -> int:
    """Write catalog/tools/<id>.yml with every field present and placeholders to replace."""
    try:
        path = scaffold(Project(args.root).catalog, args.name, args.category, args.id, today=args.today)
    except ScaffoldError as err:
        print(f"landscape new: {err}", file=sys.stderr)
        return 2
    print(f"created {path}: replace every TODO, then run `landscape check`")
    return 0


def run_audit(args: argparse.Namespace) -> int:
    """Audit the catalog; print each finding as file:line:col, notes and a summary on stderr."""
    settings = audit_.Settings(today=args.today or dt.date.today(),
                               parts=tuple(p for p in audit_.PARTS if p not in args.skip),
                               github_token=os.environ.get("GITHUB_TOKEN") or None,
                               endpoints=args.endpoints or audit_.Endpoints())
    cache = None if args.no_cache else (args.cache or args.root / ".cache" / "audit.sqlite")
    client = args.client or audit_.Client(cache=cache, timeout=args.timeout)
    try:
        report = audit_.audit(args.root, settings, client, only=tuple(args.only))
    except CatalogError as err:
        report_problems(err.problems, "text")
        print("landscape audit: the catalog has problems; fix them first (`landscape check`)", file=sys.stderr)
        return 3
    except audit_.UnknownTool as err:
        print(f"landscape audit: no tool with id {err} in the catalog", file=sys.stderr)
        return 2
    finally:
        if args.client is None:
            client.close()
    for finding in report.findings:
        print(finding)
    for note in report.notes:
        print(note, file=sys.stderr)
    print(report.summary(), file=sys.stderr)
    if args.json:
        report.write_json(args.json)
    if args.markdown:
        report.write_markdown(args.markdown, file_base=args.file_base)
    return 1 if report.findings else 0


def report_problems(problems: list[Problem], style: str) -> None:
    for problem in problems:
        print(problem, file=sys.stderr)
        if style == "github":
            title = f"{problem.field}: {problem.message}" if problem.field else problem.message
            detail = f" ({problem.hint})" if problem.hint else ""
            print(f"::error file={problem.file},line={problem.line},col={problem.column}::{_gh(title + detail)}")
    print(summary(problems), file=sys.stderr)


def _gh(text: str) -> str:
    """Escape a GitHub workflow command message."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
