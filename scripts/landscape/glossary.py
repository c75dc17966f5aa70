"""The glossary (catalog/glossary.yml) applied to text: one name per concept in each language.

`check_wording` finds avoided variants in the text fields of a catalog file, for `landscape
check`; `lint_markdown` and `lint_strings` do the same for the hand-written pages, the guide
and the generator's interface text, for the test suite. Every finding is a located Problem.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import yaml

from .problems import Problem
from .source import Document, KeyPath, dotted

GLOSSARY = "glossary.yml"  # in catalog/
LANGS = ("es", "en")
# What is not prose: fenced code, inline code, link targets, URLs, HTML tags, and a term in italics:
# a term of the other language introduced on purpose, "(*features*)", or a word mentioned rather than
# used, as a guide does when it says which word to avoid ("no *capacitación*").
_NOT_PROSE = re.compile(r"`[^`]*`|\]\([^)]*\)|https?://\S+|<[^>]+>|(?<![*\w])\*[^*\s][^*]*\*(?![*\w])")


@dataclass(frozen=True)
class Rule:
    concept: str
    use: str
    pattern: re.Pattern


@cache
def rules(glossary_file: Path) -> dict[str, tuple[Rule, ...]]:
    """The glossary's rules per language."""
    data = yaml.safe_load(glossary_file.read_text(encoding="utf-8"))
    found: dict[str, list[Rule]] = {lang: [] for lang in LANGS}
    for term in data["terms"]:
        for lang, patterns in term.get("avoid", {}).items():
            for pattern in patterns:
                found[lang].append(Rule(term["concept"], term[lang], re.compile(rf"(?<![\w-])(?:{pattern})(?![\w-])")))
    return {lang: tuple(items) for lang, items in found.items()}


def findings(text: str, lang: str, glossary_file: Path) -> Iterator[tuple[int, str, str]]:
    """(offset, message, hint) for each avoided variant in `text`, a prose text in `lang`."""
    prose = _NOT_PROSE.sub(lambda m: " " * len(m.group()), text)
    for rule in rules(glossary_file)[lang]:
        for match in rule.pattern.finditer(prose):
            yield (match.start(), f"{match.group()!r} is not the glossary's term",
                   f"write {rule.use!r} ({rule.concept}; see catalog/{GLOSSARY})")


def check_wording(document: Document, glossary_file: Path) -> Iterator[Problem]:
    """Avoided variants in a catalog file's texts of one language (fields ending in `.es` or `.en`)."""
    for path, value, lang in _texts(document.data, ()):
        position = document.where(path)
        for _, message, hint in findings(value, lang, glossary_file):
            yield Problem(document.file, position.line, position.column, dotted(path), message, hint)


def _texts(value: object, path: KeyPath) -> Iterator[tuple[KeyPath, str, str]]:
    if isinstance(value, dict):
        for key, item in value.items():
            if key in LANGS and isinstance(item, str):
                yield path + (key,), item, key
            else:
                yield from _texts(item, path + (key,))
    elif isinstance(value, list):
        for i, item in enumerate(value):
            yield from _texts(item, path + (i,))


def lint_markdown(path: Path, shown_as: str, lang: str, glossary_file: Path) -> list[Problem]:
    """Avoided variants in a Markdown page written in `lang`, outside code blocks."""
    problems, fenced = [], False
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if line.lstrip().startswith(("```", "~~~")):
            fenced = not fenced
            continue
        if fenced or line.startswith("--8<--"):
            continue
        problems += [Problem(shown_as, number, offset + 1, "", message, hint)
                     for offset, message, hint in findings(line, lang, glossary_file)]
    return problems


def lint_strings(path: Path, shown_as: str, glossary_file: Path) -> list[Problem]:
    """Avoided variants in strings.yml, whose top-level keys are languages."""
    problems, lang = [], None
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        top = re.match(r"^(\w+):", line)
        if top:
            lang = top.group(1) if top.group(1) in LANGS else None
        elif lang and not line.lstrip().startswith("#"):
            text = line.split(":", 1)[1] if re.match(r"^\s+[\w-]+:", line) else line
            offset = len(line) - len(text)
            problems += [Problem(shown_as, number, offset + start + 1, "", message, hint)
                         for start, message, hint in findings(text, lang, glossary_file)]
    return problems
