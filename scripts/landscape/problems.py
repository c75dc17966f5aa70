"""What a check reports: one problem, located in a file, with a way to fix it."""

from __future__ import annotations

from dataclasses import dataclass

from .i18n import plural


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong in one file.

    Printed as `file:line:col: field: message (hint)`, the form editors, CI
    annotations and `grep` all understand.
    """

    file: str
    line: int
    column: int
    field: str
    message: str
    hint: str = ""

    def __str__(self) -> str:
        field = f"{self.field}: " if self.field else ""
        hint = f" ({self.hint})" if self.hint else ""
        return f"{self.file}:{self.line}:{self.column}: {field}{self.message}{hint}"


class CatalogError(Exception):
    """The catalog has problems; nothing was generated. `problems` lists them all."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(problems)
        super().__init__(summary(self.problems))


def summary(problems: list[Problem]) -> str:
    """'3 errors in 2 files' (singulars where they belong)."""
    errors = plural({"one": "{count} error", "other": "{count} errors"}, len(problems), "en")
    files = plural({"one": "{count} file", "other": "{count} files"}, len({p.file for p in problems}), "en")
    return f"{errors} in {files}"
