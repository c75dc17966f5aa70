"""Read one catalog YAML file into plain values, remembering where each value stands.

Catalog files come from anyone who opens a pull request, so reading is defensive:
a size cap, UTF-8 only, no aliases (no "billion laughs"), no tags that would
build objects, bounded nesting, no duplicate keys. Every refusal is a
`Problem` with a line and column; nothing here raises on bad input.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import yaml

from .problems import Problem

MAX_BYTES = 32 * 1024
MAX_DEPTH = 6
# libyaml's parser when PyYAML was built with it (PyPI's wheels are): ten times faster than pure Python.
LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
# Tags the YAML core schema resolves on its own; anything else is an explicit tag.
_PLAIN_TAGS = {
    "tag:yaml.org,2002:str",
    "tag:yaml.org,2002:int",
    "tag:yaml.org,2002:float",
    "tag:yaml.org,2002:bool",
    "tag:yaml.org,2002:null",
    "tag:yaml.org,2002:timestamp",
    "tag:yaml.org,2002:seq",
    "tag:yaml.org,2002:map",
}

KeyPath = tuple[str | int, ...]


@dataclass(frozen=True)
class Position:
    """A 1-based line and column in a file."""

    line: int
    column: int


@dataclass
class Document:
    """The values of one YAML file and where each stands.

    `positions[path]` is where the value at `path` starts; `key_positions[path]`
    is where the key that holds it starts (for mappings). A path is a tuple of
    keys and list indexes, e.g. ("description", "es").
    """

    file: str
    data: Any
    positions: dict[KeyPath, Position] = field(default_factory=dict)
    key_positions: dict[KeyPath, Position] = field(default_factory=dict)

    def where(self, path: KeyPath = ()) -> Position:
        """The position of `path`, or of its nearest ancestor that has one."""
        while path not in self.positions and path:
            path = path[:-1]
        return self.positions.get(path, Position(1, 1))

    def where_key(self, path: KeyPath) -> Position:
        """The position of the key that holds `path` (or of the value)."""
        return self.key_positions.get(path) or self.where(path)


def read_yaml(raw: bytes, display: str, max_bytes: int = MAX_BYTES) -> tuple[Document | None, list[Problem]]:
    """Parse the bytes of a file (shown to people as `display`) into a Document, or say why not.

    Files over `max_bytes` are refused unread (MAX_BYTES suits a tool file; lists such as the
    coverage mapping pass a larger bound)."""

    def problem(line: int, column: int, message: str, hint: str = "") -> Problem:
        return Problem(display, line, column, "", message, hint)

    if len(raw) > max_bytes:
        return None, [problem(1, 1, f"file is {len(raw):,} bytes, over the limit of {max_bytes:,}",
                              "a tool file needs a few hundred bytes; remove what does not belong")]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as err:
        line = raw[: err.start].count(b"\n") + 1
        column = err.start - (raw.rfind(b"\n", 0, err.start) + 1) + 1
        return None, [problem(line, column, "file is not valid UTF-8", "save the file as UTF-8")]
    if text.startswith("\ufeff"):
        text = text[1:]

    try:
        node = yaml.compose(text, Loader=LOADER)
    except yaml.MarkedYAMLError as err:
        mark = err.problem_mark or err.context_mark
        context = f"{err.context} (line {err.context_mark.line + 1}), " if err.context and err.context_mark else ""
        message = f"YAML syntax error: {context}{err.problem or ''}".rstrip(", ")
        return None, [problem(mark.line + 1 if mark else 1, mark.column + 1 if mark else 1, message,
                              "check indentation, colons and quotes on this line or the one before")]
    except yaml.YAMLError as err:  # e.g. a reader error on control characters
        return None, [problem(1, 1, f"YAML error: {err}", "remove control characters")]

    if node is None:  # nothing but blank lines and comments
        return None, [problem(1, 1, "file is empty", "start from `landscape new` or copy an existing tool file")]
    refusal = _refusal(node)
    if refusal:
        mark, message, hint = refusal
        return None, [problem(mark.line + 1, mark.column + 1, message, hint)]

    document = Document(display, None)
    problems: list[Problem] = []
    document.data = _to_plain(node, (), document, problems, display)
    return document, problems


def _refusal(root: yaml.Node) -> tuple[yaml.Mark, str, str] | None:
    """Why the composed tree must not be read: an alias, an explicit tag, or nesting too deep.

    Composing does not expand aliases (an alias is the anchored node again), so a
    "billion laughs" file composes in time and memory linear in its size; this
    walk, iterative and stopping at the first reason, never expands them either.
    """
    seen: set[int] = set()
    stack = [(root, 0)]
    while stack:
        node, depth = stack.pop()
        if id(node) in seen:
            return node.start_mark, "YAML anchors and aliases (& and *) are not allowed", "write the value out in full"
        seen.add(id(node))
        if node.tag not in _PLAIN_TAGS:
            return node.start_mark, f"YAML tag {node.tag!r} is not allowed", "remove the tag; write a plain value"
        if isinstance(node, yaml.CollectionNode):
            if depth >= MAX_DEPTH:
                return (node.start_mark, f"nesting is deeper than {MAX_DEPTH} levels",
                        "tool files are flat: see the example in CONTRIBUTING.md")
            children = node.value if isinstance(node, yaml.SequenceNode) else [n for pair in node.value for n in pair]
            stack.extend((child, depth + 1) for child in reversed(children))
    return None


# Builds ints, floats, booleans and nulls from scalar nodes the same way yaml.safe_load does.
_constructor = yaml.SafeLoader("")


def _to_plain(node: yaml.Node, path: KeyPath, document: Document, problems: list[Problem], display: str) -> Any:
    """Turn a composed node into dicts, lists and scalars, recording positions.

    Timestamps stay the text that was written, so the checks can say what is wrong
    with a date rather than YAML guessing at it.
    """
    document.positions[path] = Position(node.start_mark.line + 1, node.start_mark.column + 1)
    if isinstance(node, yaml.MappingNode):
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            key = key_node.value if isinstance(key_node, yaml.ScalarNode) else str(key_node.value)
            key_path = path + (key,)
            key_position = Position(key_node.start_mark.line + 1, key_node.start_mark.column + 1)
            if key in result:
                problems.append(Problem(display, key_position.line, key_position.column, dotted(key_path),
                                        "key appears twice", "keep one of the two"))
                continue
            document.key_positions[key_path] = key_position
            result[key] = _to_plain(value_node, key_path, document, problems, display)
        return result
    if isinstance(node, yaml.SequenceNode):
        return [_to_plain(item, path + (i,), document, problems, display) for i, item in enumerate(node.value)]
    if node.tag in ("tag:yaml.org,2002:str", "tag:yaml.org,2002:timestamp"):
        return node.value
    return _constructor.construct_object(node, deep=True)


def dotted(path: KeyPath) -> str:
    """("sources", 0) -> "sources[0]"; ("description", "es") -> "description.es"."""
    text = ""
    for part in path:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else part)
    return text

