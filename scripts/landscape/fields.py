"""The table of a tool file's fields and their rules, for the contributor guides of both languages.

The rules come from the JSON Schema that `landscape check` applies (required fields, allowed
values, lengths, id patterns) and from the rules the checker adds (SPDX, links, sources); what
each field holds comes from strings.yml. Both guides include the table, so they cannot disagree.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from markupsafe import Markup

from .checks import FACTS
from .render import environment, load_strings, page_strings

TABLE = "_fields.md"  # under docs/<lang>/landscape/, included by docs/<lang>/contributing.md


@dataclass(frozen=True)
class Field:
    name: str
    required: bool
    holds: Markup  # interface text from strings.yml (trusted), written as Markdown
    rules: tuple[Markup, ...]


def code(value: object) -> Markup:
    return Markup(f"`{value}`")


def fields(schema_file: Path, strings: dict) -> list[Field]:
    """The schema's fields in order, with the rules a contributor must follow for each."""
    schema = json.loads(schema_file.read_text(encoding="utf-8"))
    rules_text = strings["field_rules"]
    found = []
    for name, spec in schema["properties"].items():
        rules = []
        variants = spec.get("oneOf", [spec])
        if "enum" in spec:
            rules.append(Markup(rules_text["one_of"]) + Markup(" ") + Markup(", ").join(map(code, spec["enum"])))
        if any(v.get("type") == "object" for v in variants) and name in ("name", "steward"):
            rules.append(Markup(rules_text["words_in_both"]))
        if "$ref" in spec:  # a text in both languages: its lengths are the definition's
            text = schema["$defs"][spec["$ref"].rsplit("/", 1)[1]]["properties"]["es"]
            rules.append(Markup(rules_text["both_languages"].format(least=text["minLength"], most=text["maxLength"])))
        length = spec.get("maxLength") or next((v.get("maxLength") for v in variants if "maxLength" in v), None)
        if length:
            rules.append(Markup(rules_text["max_length"].format(count=length)))
        if spec.get("pattern") or spec.get("items", {}).get("pattern"):
            rules.append(Markup(rules_text["id"]))
        if name in ("homepage", "repository", "docs", "sources"):
            rules.append(Markup(rules_text["links"]))
        if name == "packages":
            rules.append(Markup(rules_text["packages"]))
        if name in ("license",):
            rules.append(Markup(rules_text["spdx"]))
        if name in ("checked", "added"):
            rules.append(Markup(rules_text["date"]))
        if name == "changes":
            rules.append(Markup(rules_text["changes"]))
        if name in FACTS:
            rules.append(Markup(rules_text["needs_source"]))
        if name in ("successor",):
            rules.append(Markup(rules_text["successor"]))
        found.append(Field(name, name in schema["required"], Markup(strings["field_help"][name]), tuple(rules)))
    return found


def render_fields_table(schema_file: Path, lang: str) -> bytes:
    """The fields table of one language (see the module's docstring)."""
    return environment().get_template("fields.md.j2").render(
        fields=fields(schema_file, load_strings()[lang]), s=page_strings(lang), plain=load_strings()[lang],
        lang=lang).encode("utf-8")
