"""The rules a catalog file must follow, each a small function that yields problems.

Structure (keys, types, allowed values, lengths) comes from the JSON Schemas in
`catalog/schema/`, the same files editors use, so the two cannot drift. The rules
below add what a schema cannot say: SPDX expressions, dates, URLs, ids, and facts
that involve several files.
"""

from __future__ import annotations

import datetime as dt
import difflib
import json
import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator
from functools import cache
from pathlib import Path
from urllib.parse import parse_qsl, urlsplit

import fastjsonschema
import jsonschema
from disarm import skeleton_key
from license_expression import ExpressionError, get_spdx_licensing
from publicsuffixlist import PublicSuffixList

from .model import STATUSES
from .problems import Problem
from .source import Document, KeyPath, dotted

PROPRIETARY = "proprietary"
ID_PATTERN = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
PLACEHOLDER = "TODO"
URL_FIELDS = ("homepage", "repository", "docs")
NEEDS_SUCCESSOR = ("renamed", "deprecated")


# --- Structure, from the JSON Schema -------------------------------------------------------

@cache
def schema_validators(schema_file: Path) -> tuple[Callable, jsonschema.protocols.Validator]:
    """A fast yes/no validator compiled from the schema, and a thorough one that explains every error."""
    schema = json.loads(schema_file.read_text(encoding="utf-8"))
    return fastjsonschema.compile(schema), jsonschema.Draft202012Validator(schema)


def check_schema(document: Document, schema_file: Path) -> Iterator[Problem]:
    """Every key known, every required key present, every value of the right type and size."""
    is_valid, explain = schema_validators(schema_file)
    try:
        is_valid(document.data)  # ten times faster; most files pass
        return
    except fastjsonschema.JsonSchemaException:
        pass  # explain below, with every error and its location
    for error in explain.iter_errors(document.data):
        yield _schema_problem(document, tuple(error.absolute_path), error)


def _schema_problem(document: Document, path: KeyPath, error: jsonschema.ValidationError) -> Problem:
    kind, expected, value = error.validator, error.validator_value, error.instance
    position = document.where(path)
    field = dotted(path)
    if kind == "required":
        missing = next(k for k in expected if k not in value)
        field = dotted(path + (missing,))
        message, hint = "required field is missing", f"add `{missing}:`{_about(error.schema, missing)}"
    elif kind == "additionalProperties":
        known = list(error.schema.get("properties", {}))
        unknown = sorted(set(value) - set(known))[0]
        position = document.where_key(path + (unknown,))
        field = dotted(path + (unknown,))
        message, hint = "unknown key", did_you_mean(unknown, known, "known keys")
    elif kind == "enum":
        message = f"{value!r} is not one of the allowed values"
        hint = did_you_mean(str(value), [str(v) for v in expected], "allowed")
    elif kind == "oneOf":  # a name, or the same name in both languages
        within = [e for e in error.context if e.validator != "type"]
        if within:  # the value has one of the right shapes: say what is wrong inside it
            return _schema_problem(document, tuple(within[0].absolute_path), within[0])
        message = f"must be a text or {{es: ..., en: ...}}, not {_a(_type_name(value))}"
        hint = "see the example in CONTRIBUTING.md"
    elif kind == "type":
        message = f"must be {_a(expected)}, not {_a(_type_name(value))}"
        hint = "see the example in CONTRIBUTING.md"
    elif kind == "minLength":
        message = f"is {len(value)} characters, fewer than {expected}"
        hint = "write a full sentence" if expected > 1 else "fill it in"
    elif kind == "maxLength":
        message, hint = f"is {len(value)} characters, more than {expected}", "shorten it"
    elif kind == "minItems":
        message, hint = f"needs at least {expected} item{'s' if expected > 1 else ''}", "add one"
    elif kind == "uniqueItems":
        message, hint = "lists the same item twice", "remove the repeat"
    elif kind == "pattern" and "description" in error.schema:  # a name with its own rule, said in the schema
        message = f"{value!r} is not a valid name"
        hint = error.schema["description"][0].lower() + error.schema["description"][1:].rstrip(".")
    elif kind == "pattern":
        message = f"{value!r} is not a valid id"
        hint = "use lower-case letters, digits and single hyphens, e.g. `model-serving`"
    else:
        message, hint = error.message, ""
    return Problem(document.file, position.line, position.column, field, message, hint)


def _about(schema: dict, key: str) -> str:
    described = schema.get("properties", {}).get(key, {}).get("description")
    if not described:
        return ""
    first = described.split(". ", 1)[0].rstrip(".")  # the first sentence says what the field holds
    keep = first[1:2].isupper()  # an acronym such as "ISO" keeps its case
    return f": {first if keep else first[0].lower() + first[1:]}"


def _type_name(value: object) -> str:
    return {dict: "object", list: "array", str: "string", bool: "boolean", int: "integer",
            float: "number", type(None): "null"}.get(type(value), type(value).__name__)


def _a(noun: str) -> str:
    article = {"object": "an", "array": "an", "integer": "an"}.get(noun, "a")
    return f"{article} {'text' if noun == 'string' else noun}"


def did_you_mean(value: str, choices: Iterable[str], label: str) -> str:
    choices = list(choices)
    close = difflib.get_close_matches(value, choices, n=1, cutoff=0.6)
    if close:
        return f"did you mean {close[0]!r}?"
    shown = ", ".join(choices[:12]) + (", ..." if len(choices) > 12 else "")
    return f"{label}: {shown}"


# --- Rules for one tool file ----------------------------------------------------------------

ToolRule = Callable[[Document, str, "Context"], Iterator[Problem]]
TOOL_RULES: list[tuple[ToolRule, tuple[str, ...]]] = []


class Context:
    """What the rules of one file may look at beyond the file itself."""

    def __init__(self, category_ids: list[str], today: dt.date, glossary: Path | None = None):
        self.category_ids = category_ids
        self.today = today
        self.glossary = glossary  # catalog/glossary.yml, when the catalog has one


def tool_rule(*fields: str) -> Callable[[ToolRule], ToolRule]:
    """Register a rule that reads `fields`; it is skipped for a file where the schema found one of them broken."""
    def register(function: ToolRule) -> ToolRule:
        TOOL_RULES.append((function, fields))
        return function
    return register


def check_tool(document: Document, file_id: str, context: Context, broken: set[str]) -> list[Problem]:
    """All problems of one tool file, beyond the schema's. `broken`: top-level fields the schema rejected."""
    return [problem
            for rule, fields in TOOL_RULES if not broken.intersection(fields)
            for problem in rule(document, file_id, context)]


def broken_fields(problems: list[Problem]) -> set[str]:
    """Top-level fields named by schema problems: 'description.es' -> 'description'."""
    return {re.split(r"[.\[]", p.field, maxsplit=1)[0] for p in problems}


def problem_at(document: Document, path: KeyPath, message: str, hint: str = "") -> Problem:
    """A problem located at the value under `path` in `document` (any catalog file)."""
    position = document.where(path)
    return Problem(document.file, position.line, position.column, dotted(path), message, hint)


@tool_rule("id")
def id_matches_file_name(document: Document, file_id: str, context: Context) -> Iterator[Problem]:
    """The `id` is the file name without `.yml`, so a copied file cannot keep another tool's id."""
    if not ID_PATTERN.match(file_id):
        yield problem_at(document, (), f"file name {file_id + '.yml'!r} is not a valid id",
                         "rename it to lower-case words joined by hyphens, e.g. `great-expectations.yml`")
    elif document.data["id"] != file_id:
        yield problem_at(document, ("id",),
                         f"id {document.data['id']!r} does not match the file name {file_id + '.yml'!r}",
                         f"write `id: {file_id}` or rename the file to `{document.data['id']}.yml`")


@tool_rule("category", "also_in")
def also_in_differs_from_category(document: Document, file_id: str, context: Context) -> Iterator[Problem]:
    """`also_in` does not repeat the main category. (Unknown categories: see `check_category_use`.)"""
    for i, category in enumerate(document.data.get("also_in", [])):
        if category == document.data["category"]:
            yield problem_at(document, ("also_in", i), f"{category!r} is already the main category", "remove it from `also_in`")


@tool_rule("license", "changes")
def license_is_spdx(document: Document, file_id: str, context: Context) -> Iterator[Problem]:
    """`license` is a valid SPDX expression in canonical form, or the word `proprietary`; so are both
    sides of a licence change (which may also name a `LicenseRef-...` licence)."""
    data = document.data
    if data["license"] != PROPRIETARY:
        yield from _spdx_problems(document, ("license",), data["license"], historic=False)
    for i, change in enumerate(data.get("changes", [])):
        if change["kind"] == "license":
            for key in ("from", "to"):
                if isinstance(change[key], str):  # else reported by changes_agree_with_entry
                    yield from _spdx_problems(document, ("changes", i, key), change[key], historic=True)


def _spdx_problems(document: Document, path: KeyPath, expression: str, historic: bool) -> Iterator[Problem]:
    for message, hint in spdx_findings(expression, historic):
        yield problem_at(document, path, message, hint)


@cache  # most tools share a handful of licences
def spdx_findings(expression: str, historic: bool) -> tuple[tuple[str, str], ...]:
    """What is wrong with one licence expression, as (message, hint) pairs; empty when it is valid.

    A `historic` expression (a side of a licence change) may also be `proprietary` or name a
    `LicenseRef-...` licence that the SPDX list never held (e.g. HFOIL).
    """
    if historic and expression == PROPRIETARY:
        return ()
    join_hint = "join licences with AND / OR, e.g. `Apache-2.0 AND SSPL-1.0`"
    try:
        info = spdx_licensing().validate(expression, strict=True)
    except ExpressionError as err:
        return ((f"{expression!r} is not a valid SPDX expression: {err}", join_hint),)
    invalid = [s for s in info.invalid_symbols if not (historic and s.startswith("LicenseRef-"))]
    if invalid:
        return tuple((f"unknown SPDX licence {symbol!r}",
                      _nearest_spdx(symbol) if symbol.lower() != PROPRIETARY
                      else "use `proprietary` alone for a closed product")
                     for symbol in invalid)
    if info.errors and not info.invalid_symbols:
        return ((f"{expression!r} is not a valid SPDX expression: {info.errors[0]}", join_hint),)
    if info.normalized_expression not in (expression, None):
        return ((f"{expression!r} is not the canonical SPDX form", f"did you mean {info.normalized_expression!r}?"),)
    return ()


@cache
def spdx_licensing():
    """The SPDX licence list, loaded once (building it takes a few hundred milliseconds)."""
    return get_spdx_licensing()


@cache
def _spdx_keys() -> dict[str, str]:
    """SPDX ids by their lower-case form."""
    return {key.lower(): key for key in spdx_licensing().known_symbols}


def _nearest_spdx(symbol: str) -> str:
    """A hint naming the (at most three) SPDX ids closest to `symbol`, or where to look them up."""
    keys = _spdx_keys()
    scored = sorted(((difflib.SequenceMatcher(None, symbol.lower(), key).ratio(), key) for key in keys), reverse=True)
    close = [key for score, key in scored[:3] if score >= max(0.6, scored[0][0] - 0.05)]
    if not close:
        return "find its id at https://spdx.org/licenses/"
    return "did you mean " + " or ".join(repr(keys[c]) for c in close) + "?"


@tool_rule("license", "model")
def open_source_has_open_licence(document: Document, file_id: str, context: Context) -> Iterator[Problem]:
    """A product marked open source, open core or source available cannot be `proprietary` as a whole."""
    if document.data["license"] == PROPRIETARY and document.data["model"] != "proprietary":
        yield problem_at(document, ("model",), f"model is {document.data['model']!r} but the licence is 'proprietary'",
                         "give the licence of the public code, or set `model: proprietary`")


@tool_rule("homepage", "repository", "docs", "sources", "changes")
def urls_are_safe_web_links(document: Document, file_id: str, context: Context) -> Iterator[Problem]:
    """Every link (homepage, repository, docs, sources, the source of each change) is an `https://` link
    to a public, registrable domain, going where it seems to go: no other scheme, no user info before
    the host, no tracking parameters."""
    data = document.data
    paths: list[KeyPath] = [(key,) for key in URL_FIELDS if key in data]
    paths += [("sources", i, "url") for i in range(len(data["sources"]))]
    paths += [("changes", i, "source") for i in range(len(data.get("changes", [])))]
    for path in paths:
        value = data[path[0]] if len(path) == 1 else data[path[0]][path[1]][path[2]]
        found = url_problem(value)
        if found:
            yield problem_at(document, path, *found)


_SPACE_OR_CONTROL = re.compile(r"[\s\x00-\x1f\x7f]")
# Query parameters that only tell a site where a reader came from (campaign tags and click ids).
TRACKING_PARAMETER = re.compile(r"utm_\w+|fbclid|gclid|gbraid|wbraid|dclid|msclkid|mc_cid|mc_eid|_hsenc|_hsmi|"
                                r"igshid|yclid|twclid|mkt_tok|_ga|_gl", re.IGNORECASE)
FULL_LINK = "write a full link such as `https://example.org/`"


@cache
def _public_suffixes() -> PublicSuffixList:
    """The Public Suffix List bundled with the `publicsuffixlist` package (nothing is downloaded)."""
    return PublicSuffixList(accept_unknown=False)


def url_problem(value: str) -> tuple[str, str] | None:
    """Why `value` is not an acceptable link, as (message, hint), or None if it is."""
    if _SPACE_OR_CONTROL.search(value):
        return f"{value!r} contains spaces or control characters", FULL_LINK
    parts = urlsplit(value)
    if parts.scheme == "http":
        return f"{value!r} is a plain http:// link", "use the https:// address of the same page"
    if parts.scheme != "https":
        return (f"{value!r} is not an https:// link" if parts.scheme else f"{value!r} is not an absolute link"), FULL_LINK
    if "@" in parts.netloc:
        return (f"{value!r} has user information before the host, so it does not go where it seems to",
                "remove everything between `https://` and `@`")
    host = parts.hostname or ""
    if not _public_suffixes().privatesuffix(host):
        return f"{value!r} has no public, registrable host name", FULL_LINK
    tracking = [key for key, _ in parse_qsl(parts.query, keep_blank_values=True) if TRACKING_PARAMETER.fullmatch(key)]
    if tracking:
        return (f"{value!r} has tracking parameters ({', '.join(tracking)})",
                "remove them: link to the page itself")
    return None


# The fields that state a fact about the tool, each of which a source must support.
# (Each of `changes` names its own source.)
FACTS = ("name", "former_names", "predecessors", "license", "model", "deployment", "steward", "status", "successor")


@tool_rule("sources", "changes", *FACTS)
def facts_have_sources(document: Document, file_id: str, context: Context) -> Iterator[Problem]:
    """Every fact the entry states is supported by at least one source, and a source supports only facts
    the entry states (optional facts count when present and not empty). The source of a rename (a
    `changes` entry of kind `name`) counts for `former_names`."""
    data = document.data
    stated = [f for f in FACTS if data.get(f) not in (None, [], "")]
    supported = {f for source in data["sources"] for f in source["supports"]}
    if any(change["kind"] == "name" for change in data.get("changes", [])):
        supported.add("former_names")  # the source of a rename shows the old name
    for field in stated:
        if field not in supported:
            yield problem_at(document, (field,), "no source supports this fact",
                             f"add `{field}` to the `supports:` of a source that shows it, or add such a source")
    for i, source in enumerate(data["sources"]):
        for j, field in enumerate(source["supports"]):
            if field not in stated:
                yield problem_at(document, ("sources", i, "supports", j), f"supports {field!r}, which this entry does not state",
                                 f"remove it, or add `{field}:` to the entry")


@tool_rule("checked", "added", "changes")
def dates_are_past_iso_dates(document: Document, file_id: str, context: Context) -> Iterator[Problem]:
    """`checked` and `added` are real YYYY-MM-DD dates, not in the future; so are the dates of changes
    (YYYY-MM allowed there)."""
    example = context.today.isoformat()
    for field, what in (("checked", "the day you checked the facts"), ("added", "the day the entry joined the catalog")):
        value = str(document.data[field])
        day = _past_date(value, context.today, whole_day=True)
        if isinstance(day, str):
            as_iso = "" if day.endswith("future") else " as YYYY-MM-DD"
            yield problem_at(document, (field,), day.format(value=value), f"write {what}{as_iso}, e.g. {example}")
    for i, change in enumerate(document.data.get("changes", [])):
        when = str(change["date"])
        day = _past_date(when, context.today, whole_day=False)
        if isinstance(day, str):
            yield problem_at(document, ("changes", i, "date"), day.format(value=when),
                             "use the date of the change, as YYYY-MM-DD or YYYY-MM")


def _past_date(value: str, today: dt.date, whole_day: bool) -> dt.date | str:
    """The date `value` names, or what is wrong with it (a message with a `{value}` slot)."""
    pattern = r"\d{4}-\d{2}-\d{2}" if whole_day else r"\d{4}-\d{2}(-\d{2})?"
    try:
        day = dt.date.fromisoformat(value if len(value) == 10 else f"{value}-01") if re.fullmatch(pattern, value) else None
    except ValueError:
        day = None
    if day is None:
        return "{value!r} is not an ISO date" if whole_day else "{value!r} is not a real date"
    if day > today:
        return "{value} is in the future"
    return day


@tool_rule("changes", "name", "former_names", "license", "status", "steward")
def changes_agree_with_entry(document: Document, file_id: str, context: Context) -> Iterator[Problem]:
    """The latest change of each kind leads to what the entry states today: a rename to `name` (and the
    old name is among `former_names`), a status change to `status`, a steward change to `steward`, and a
    licence change to a licence that is part of `license`. Status changes use status values."""
    data = document.data
    latest: dict[str, int] = {}
    for i, change in enumerate(data.get("changes", [])):
        kind = change["kind"]
        if kind in latest and str(data["changes"][latest[kind]]["date"]) > str(change["date"]):
            continue
        latest[kind] = i
        if kind in ("license", "status"):
            worded = [key for key in ("from", "to") if not isinstance(change[key], str)]
            for key in worded:
                yield problem_at(document, ("changes", i, key), f"a {'licence' if kind == 'license' else 'status'} "
                                 "is the same in both languages", "write one value, not {es: ..., en: ...}")
            if worded:
                continue
        if kind == "status":
            for key in ("from", "to"):
                if change[key] not in STATUSES:
                    yield problem_at(document, ("changes", i, key), f"{change[key]!r} is not a status",
                                     did_you_mean(change[key], list(STATUSES), "statuses"))
        if kind == "name" and not set(_said(change["from"])) & set(data.get("former_names", [])):
            yield problem_at(document, ("changes", i, "from"), f"the old name {_said(change['from'])[-1]!r} is not in "
                             "`former_names`", "add it to `former_names`")
    for kind, i in latest.items():
        new = data["changes"][i]["to"]
        if not isinstance(new, str) and kind in ("license", "status"):
            continue  # reported above
        if kind == "license":
            current = set(spdx_licensing().license_keys(data["license"])) if data["license"] != PROPRIETARY else {PROPRIETARY}
            try:
                after = set(spdx_licensing().license_keys(new)) if new != PROPRIETARY else {PROPRIETARY}
            except ExpressionError:
                continue  # reported by license_is_spdx
            if not after <= current:
                yield problem_at(document, ("changes", i, "to"), f"the latest licence change leads to {new!r}, "
                                 f"which is not part of the current licence {data['license']!r}",
                                 "update `license`, or add the later change")
            continue
        if not set(_said(new)) & set(_said(data[kind])):  # the kinds name, status and steward are fields
            yield problem_at(document, ("changes", i, "to"), f"the latest {kind} change leads to {_said(new)[-1]!r}, "
                             f"but `{kind}` is {_said(data[kind])[-1]!r}", f"update `{kind}`, or add the later change")


def _said(value: str | dict) -> list[str]:
    """The words of a value that may be one string or {es: ..., en: ...} (English last)."""
    return [value] if isinstance(value, str) else [value["es"], value["en"]]


@tool_rule("status", "successor")
def status_names_successor(document: Document, file_id: str, context: Context) -> Iterator[Problem]:
    """A renamed or deprecated tool says what replaces it."""
    status = document.data["status"]
    if status in NEEDS_SUCCESSOR and not document.data.get("successor"):
        yield problem_at(document, ("status",), f"status {status!r} needs a successor",
                         "add `successor:` with the new tool's id or name")


def check_text(document: Document) -> list[Problem]:
    """Problems with the text itself, in any field: a left-over placeholder, or hidden characters.

    A field with such a problem gets no other report: its value is not what the
    contributor means yet, so rules about that value would only repeat the news.
    """
    problems = []
    for path, value in _strings(document.data, ()):
        hidden = list(dict.fromkeys(c for c in value if c != "\n" and unicodedata.category(c) in HIDDEN_CATEGORIES))
        if hidden:
            names = ", ".join(f"U+{ord(c):04X} {unicodedata.name(c, 'CONTROL')}" for c in hidden)
            problems.append(problem_at(document, path, f"contains invisible or direction-changing characters ({names})",
                                       "retype the text without them: they can make text look like what it is not"))
        elif PLACEHOLDER in value:
            problems.append(problem_at(document, path, "still holds a placeholder",
                                       f"replace the {PLACEHOLDER} text with the real value"))
    return problems


# Unicode "format" (Cf: zero-width spaces and joiners, bidirectional overrides and isolates, ...) and
# "control" (Cc) characters: nothing a reader can see, so nothing a tool's text needs.
HIDDEN_CATEGORIES = ("Cf", "Cc")


def _strings(value: object, path: KeyPath) -> Iterator[tuple[KeyPath, str]]:
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _strings(item, path + (key,))
    elif isinstance(value, list):
        for i, item in enumerate(value):
            yield from _strings(item, path + (i,))


# --- Rules across files -----------------------------------------------------------------

def check_category_use(categories: Document, tools: list[Document], complete: bool = True) -> Iterator[Problem]:
    """Every category a tool names exists, and every category is the main category of a tool.

    The blame goes to the file that is wrong. A tool naming a category that does not
    exist is reported in the tool file, with the nearest existing category. But when an
    unused category of categories.yml is a near miss of the name the tools use, the
    typo is in categories.yml, and it is reported there, once. Unused categories are
    reported only when every tool file could be read (`complete`).
    """
    ids = [c["id"] for c in categories.data["categories"]]
    main = {d.data["category"] for d in tools if isinstance(d.data.get("category"), str)}
    references = [(d, path, value) for d in tools for path, value in _category_references(d.data) if value not in ids]
    unused = [c for c in ids if c not in main]
    explained: set[str] = set()
    for document, path, value in references:
        near_unused = difflib.get_close_matches(value, unused, n=1, cutoff=0.8)
        if near_unused and ID_PATTERN.match(value):
            if near_unused[0] not in explained:
                explained.add(near_unused[0])
                yield problem_at(categories, ("categories", ids.index(near_unused[0]), "id"),
                                 f"no tool uses category {near_unused[0]!r}, while {document.file} names {value!r}",
                                 f"did you mean `id: {value}`?")
            continue
        yield problem_at(document, path, f"unknown category {value!r}",
                         did_you_mean(value, [c for c in ids if c not in explained], "categories"))
    for category in unused if complete else ():
        if category not in explained:
            yield problem_at(categories, ("categories", ids.index(category), "id"),
                             f"no tool has {category!r} as its main category",
                             f"add a tool with `category: {category}`, or remove the category")


def _category_references(data: dict) -> Iterator[tuple[KeyPath, str]]:
    if isinstance(data.get("category"), str):
        yield ("category",), data["category"]
    also_in = data.get("also_in")
    if isinstance(also_in, list):
        yield from ((("also_in", i), c) for i, c in enumerate(also_in) if isinstance(c, str))


def check_unique(documents: list[Document]) -> Iterator[Problem]:
    """No two tools share an id, a name, a homepage or a repository.

    Ids and names are compared by their look (Unicode UTS #39 skeletons, after folding case and
    accents), so a name written with a Cyrillic "е" or a zero-width space is the same name.
    Of two files that clash, the one whose value is not plain text (its skeleton differs) is
    the look-alike and gets the report; otherwise the later file does.
    """
    keys = {
        "id": look,
        "name": look,
        "homepage": normalize_url,
        "repository": normalize_url,
    }
    for field, key_of in keys.items():
        first: dict[str, tuple[Document, str]] = {}
        for document in sorted(documents, key=lambda d: (not _plain(d.data.get(field)), d.file)):
            for value in _values(document.data.get(field)):
                key = key_of(value)
                if key not in first:
                    first[key] = (document, value)
                    continue
                other, seen = first[key]
                if other is document:
                    continue
                if field not in ("id", "name") or fold(seen) == fold(value):
                    message = f"{value!r} is also the {field} of {other.file}"
                else:
                    message = f"{value!r} looks the same as {seen!r}, the {field} of {other.file}"
                yield problem_at(document, (field,), message,
                                 "each tool has one file: update that one, or tell the two apart")
                break


def _values(value: object) -> list[str]:
    """The texts of a field: a string, or the distinct ones of {es: ..., en: ...}."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return list(dict.fromkeys(v for v in value.values() if isinstance(v, str)))
    return []


def look(text: str) -> str:
    """What a name looks like: its UTS #39 skeleton after folding case and accents."""
    return skeleton_key(fold(text))


def _plain(value: object) -> bool:
    return all(text.isascii() for text in _values(value))


def check_former_ids(documents: list[Document]) -> Iterator[Problem]:
    """A former id names no current tool and no other tool's former id: its address can lead to one tool only."""
    owners: dict[str, Document] = {d.data["id"]: d for d in documents if isinstance(d.data.get("id"), str)}
    for document in documents:
        for i, former in enumerate(document.data.get("former_ids", [])):
            other = owners.get(former)
            if other is document:
                yield problem_at(document, ("former_ids", i), f"{former!r} is this tool's own id", "remove it from `former_ids`")
            elif other is not None:
                kind = "id" if other.data.get("id") == former else "former id"
                yield problem_at(document, ("former_ids", i), f"{former!r} is also the {kind} of {other.file}",
                                 "an old address can lead to one tool only: remove it from one of the two files")
            else:
                owners[former] = document


def fold(text: str) -> str:
    """Case- and accent-insensitive form of a name: 'Açaí ML' -> 'acai ml'."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return " ".join("".join(c for c in decomposed if not unicodedata.combining(c)).split())


def normalize_url(url: str) -> str:
    """The form two links share when they point at the same place."""
    parts = urlsplit(url.strip().lower())
    host = (parts.hostname or "").removeprefix("www.")
    path = parts.path.rstrip("/").removesuffix(".git")
    return f"{host}{path}"


def check_issue_form(form: Document, categories: list[dict]) -> Iterator[Problem]:
    """The "new tool" issue form offers exactly the categories of categories.yml, as `id (English name)`."""
    body = form.data.get("body") if isinstance(form.data, dict) else None
    index = next((i for i, item in enumerate(body or []) if isinstance(item, dict) and item.get("id") == "category"), None)
    if index is None:
        yield problem_at(form, (), "has no dropdown with `id: category`", "restore the category dropdown")
        return
    path: KeyPath = ("body", index, "attributes", "options")
    options = form.data["body"][index].get("attributes", {}).get("options", [])
    expected = [f"{c['id']} ({c['name']['en']})" for c in categories]
    for i, option in enumerate(options):
        if option not in expected:
            yield problem_at(form, path + (i,), f"{option!r} is not a category of catalog/categories.yml",
                             did_you_mean(str(option), expected, "options"))
    missing = [option for option in expected if option not in options]
    if missing:
        yield problem_at(form, path, f"misses {', '.join(map(repr, missing))}", "add each as an option, in the catalog's order")
    elif [o for o in options if o in expected] != expected:
        yield problem_at(form, path, "lists the categories in another order than catalog/categories.yml",
                         "put them in the catalog's order")
