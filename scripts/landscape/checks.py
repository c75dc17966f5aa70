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
from urllib.parse import urlsplit

import fastjsonschema
import jsonschema
from license_expression import ExpressionError, get_spdx_licensing

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
        message, hint = "unknown key", _did_you_mean(unknown, known, "known keys")
    elif kind == "enum":
        message = f"{value!r} is not one of the allowed values"
        hint = _did_you_mean(str(value), [str(v) for v in expected], "allowed")
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
    elif kind == "pattern":
        message = f"{value!r} is not a valid id"
        hint = "use lower-case letters, digits and single hyphens, e.g. `model-serving`"
    else:
        message, hint = error.message, ""
    return Problem(document.file, position.line, position.column, field, message, hint)


def _about(schema: dict, key: str) -> str:
    described = schema.get("properties", {}).get(key, {}).get("description")
    return f": {described[0].lower()}{described[1:].rstrip('.')}" if described else ""


def _type_name(value: object) -> str:
    return {dict: "object", list: "array", str: "string", bool: "boolean", int: "integer",
            float: "number", type(None): "null"}.get(type(value), type(value).__name__)


def _a(noun: str) -> str:
    article = {"object": "an", "array": "an", "integer": "an"}.get(noun, "a")
    return f"{article} {'text' if noun == 'string' else noun}"


def _did_you_mean(value: str, choices: Iterable[str], label: str) -> str:
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

    def __init__(self, category_ids: list[str], today: dt.date):
        self.category_ids = category_ids
        self.today = today


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


def _at(document: Document, path: KeyPath, message: str, hint: str = "") -> Problem:
    position = document.where(path)
    return Problem(document.file, position.line, position.column, dotted(path), message, hint)


@tool_rule("id")
def id_matches_file_name(document: Document, file_id: str, context: Context) -> Iterator[Problem]:
    """The `id` is the file name without `.yml`, so a copied file cannot keep another tool's id."""
    if not ID_PATTERN.match(file_id):
        yield _at(document, (), f"file name {file_id + '.yml'!r} is not a valid id",
                  "rename it to lower-case words joined by hyphens, e.g. `great-expectations.yml`")
    elif document.data["id"] != file_id:
        yield _at(document, ("id",), f"id {document.data['id']!r} does not match the file name {file_id + '.yml'!r}",
                  f"write `id: {file_id}` or rename the file to `{document.data['id']}.yml`")


@tool_rule("category", "also_in")
def categories_exist(document: Document, file_id: str, context: Context) -> Iterator[Problem]:
    """`category` and every `also_in` name a category of catalog/categories.yml."""
    wanted = [(("category",), document.data["category"])]
    wanted += [(("also_in", i), c) for i, c in enumerate(document.data.get("also_in", []))]
    for path, category in wanted:
        if category not in context.category_ids:
            yield _at(document, path, f"unknown category {category!r}",
                      _did_you_mean(category, context.category_ids, "categories"))
        elif path[0] == "also_in" and category == document.data["category"]:
            yield _at(document, path, f"{category!r} is already the main category", "remove it from `also_in`")


@tool_rule("license", "license_changes")
def license_is_spdx(document: Document, file_id: str, context: Context) -> Iterator[Problem]:
    """`license` is a valid SPDX expression in canonical form, or the word `proprietary`."""
    data = document.data
    if data["license"] != PROPRIETARY:
        yield from _spdx_problems(document, ("license",), data["license"], historic=False)
    for i, change in enumerate(data.get("license_changes", [])):
        for key in ("from", "to"):
            yield from _spdx_problems(document, ("license_changes", i, key), change[key], historic=True)


def _spdx_problems(document: Document, path: KeyPath, expression: str, historic: bool) -> Iterator[Problem]:
    for message, hint in spdx_findings(expression, historic):
        yield _at(document, path, message, hint)


@cache  # most tools share a handful of licences
def spdx_findings(expression: str, historic: bool) -> tuple[tuple[str, str], ...]:
    """What is wrong with one licence expression, as (message, hint) pairs; empty when it is valid.

    A `historic` expression (in license_changes) may also be `proprietary` or name a
    `LicenseRef-...` licence that the SPDX list never held (e.g. HFOIL).
    """
    if historic and expression == PROPRIETARY:
        return ()
    join_hint = "join licences with AND / OR, e.g. `Apache-2.0 AND SSPL-1.0`"
    try:
        info = _licensing().validate(expression, strict=True)
    except ExpressionError as err:
        return ((f"{expression!r} is not a valid SPDX expression: {err}", join_hint),)
    invalid = [s for s in info.invalid_symbols if not (historic and s.startswith("LicenseRef-"))]
    if invalid:
        return tuple((f"unknown SPDX licence {symbol!r}",
                      _did_you_mean(symbol, _spdx_keys(), "see https://spdx.org/licenses/")
                      if symbol.lower() != PROPRIETARY else "use `proprietary` alone for a closed product")
                     for symbol in invalid)
    if info.errors and not info.invalid_symbols:
        return ((f"{expression!r} is not a valid SPDX expression: {info.errors[0]}", join_hint),)
    if info.normalized_expression not in (expression, None):
        return ((f"{expression!r} is not the canonical SPDX form", f"did you mean {info.normalized_expression!r}?"),)
    return ()


@cache
def _licensing():
    """The SPDX licence list, loaded once (building it takes a few hundred milliseconds)."""
    return get_spdx_licensing()


@cache
def _spdx_keys() -> list[str]:
    return sorted(_licensing().known_symbols)


@tool_rule("license", "model")
def open_source_has_open_licence(document: Document, file_id: str, context: Context) -> Iterator[Problem]:
    """A product marked open source, open core or source available cannot be `proprietary` as a whole."""
    if document.data["license"] == PROPRIETARY and document.data["model"] != "proprietary":
        yield _at(document, ("model",), f"model is {document.data['model']!r} but the licence is 'proprietary'",
                  "give the licence of the public code, or set `model: proprietary`")


@tool_rule("homepage", "repository", "docs", "sources")
def urls_are_web_links(document: Document, file_id: str, context: Context) -> Iterator[Problem]:
    """Every link is an absolute http(s) URL: no `javascript:`, `data:` or `file:` links reach the site."""
    data = document.data
    paths: list[KeyPath] = [(key,) for key in URL_FIELDS if key in data]
    paths += [("sources", i) for i in range(len(data["sources"]))]
    for path in paths:
        value = data[path[0]] if len(path) == 1 else data[path[0]][path[1]]
        problem = url_problem(value)
        if problem:
            yield _at(document, path, problem, "write a full link such as `https://example.org/`")


_SPACE_OR_CONTROL = re.compile(r"[\s\x00-\x1f\x7f]")


def url_problem(value: str) -> str:
    """Why `value` is not an acceptable web link, or '' if it is."""
    if _SPACE_OR_CONTROL.search(value):
        return f"{value!r} contains spaces or control characters"
    parts = urlsplit(value)
    if parts.scheme not in ("http", "https"):
        return f"{value!r} is not an http(s) link" if parts.scheme else f"{value!r} is not an absolute link"
    if not parts.hostname or "." not in parts.hostname:
        return f"{value!r} has no host name"
    return ""


@tool_rule("checked", "license_changes")
def dates_are_past_iso_dates(document: Document, file_id: str, context: Context) -> Iterator[Problem]:
    """`checked` is a real YYYY-MM-DD date, not in the future; licence-change dates likewise (YYYY-MM allowed)."""
    checked = str(document.data["checked"])
    try:
        day = dt.date.fromisoformat(checked) if re.fullmatch(r"\d{4}-\d{2}-\d{2}", checked) else None
    except ValueError:
        day = None
    if day is None:
        yield _at(document, ("checked",), f"{checked!r} is not an ISO date",
                  f"write the day you checked the facts as YYYY-MM-DD, e.g. {context.today.isoformat()}")
    elif day > context.today:
        yield _at(document, ("checked",), f"{checked} is in the future",
                  f"write the day you checked the facts, e.g. {context.today.isoformat()}")
    for i, change in enumerate(document.data.get("license_changes", [])):
        when = str(change["date"])
        try:
            day = dt.date.fromisoformat(when if len(when) == 10 else f"{when}-01")
        except ValueError:
            yield _at(document, ("license_changes", i, "date"), f"{when!r} is not a real date", "use YYYY-MM or YYYY-MM-DD")
            continue
        if day > context.today:
            yield _at(document, ("license_changes", i, "date"), f"{when} is in the future", "use the date of the change")


@tool_rule("status", "successor")
def status_names_successor(document: Document, file_id: str, context: Context) -> Iterator[Problem]:
    """A renamed or deprecated tool says what replaces it."""
    status = document.data["status"]
    if status in NEEDS_SUCCESSOR and not document.data.get("successor"):
        yield _at(document, ("status",), f"status {status!r} needs a successor",
                  "add `successor:` with the new tool's id or name")


@tool_rule()
def no_placeholders_left(document: Document, file_id: str, context: Context) -> Iterator[Problem]:
    """Nothing still says TODO: the scaffold's placeholders must all be replaced."""
    for path, value in _strings(document.data, ()):
        if PLACEHOLDER in value:
            yield _at(document, path, "still holds a placeholder", f"replace the {PLACEHOLDER} text with the real value")


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

def check_unique(documents: list[Document]) -> Iterator[Problem]:
    """No two tools share an id, a name (ignoring case and accents), a homepage or a repository."""
    keys = {
        "id": str,
        "name": fold,
        "homepage": normalize_url,
        "repository": normalize_url,
    }
    for field, key_of in keys.items():
        first: dict[str, Document] = {}
        for document in documents:
            value = document.data.get(field)
            if not isinstance(value, str):
                continue
            key = key_of(value)
            if key in first:
                other = first[key]
                yield _at(document, (field,), f"{value!r} is also the {field} of {other.file}",
                          "each tool has one file: update that one, or tell the two apart")
            else:
                first[key] = document


def check_former_ids(documents: list[Document]) -> Iterator[Problem]:
    """A former id names no current tool and no other tool's former id: its address can lead to one tool only."""
    owners: dict[str, Document] = {d.data["id"]: d for d in documents if isinstance(d.data.get("id"), str)}
    for document in documents:
        for i, former in enumerate(document.data.get("former_ids", [])):
            other = owners.get(former)
            if other is document:
                yield _at(document, ("former_ids", i), f"{former!r} is this tool's own id", "remove it from `former_ids`")
            elif other is not None:
                kind = "id" if other.data.get("id") == former else "former id"
                yield _at(document, ("former_ids", i), f"{former!r} is also the {kind} of {other.file}",
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
