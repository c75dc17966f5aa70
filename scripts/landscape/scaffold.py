"""Start a new tool file: every field present, both languages stubbed, placeholders the checks reject."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import jinja2
import yaml

from .checks import ID_PATTERN, fold
from .load import CATEGORIES_FILE, TOOLS_DIR

TEMPLATE = Path(__file__).parent / "templates" / "new_tool.yml.j2"


class ScaffoldError(Exception):
    """The scaffold could not be written; the message says why and what to do."""


def scaffold(catalog_dir: Path, name: str, category: str, tool_id: str | None = None,
             today: dt.date | None = None) -> Path:
    """Write catalog/tools/<id>.yml for `name` in `category`; return its path. Never overwrites."""
    tool_id = tool_id or slug(name)
    if not ID_PATTERN.match(tool_id):
        raise ScaffoldError(f"{tool_id!r} is not a valid id: use --id with lower-case words joined by hyphens")
    categories = [c["id"] for c in yaml.safe_load((catalog_dir / CATEGORIES_FILE).read_text(encoding="utf-8"))["categories"]]
    if category not in categories:
        raise ScaffoldError(f"unknown category {category!r}: add it to catalog/{CATEGORIES_FILE} first, "
                            f"or use one of {', '.join(categories)}")
    target = catalog_dir / TOOLS_DIR / f"{tool_id}.yml"
    if target.exists():
        raise ScaffoldError(f"{target} already exists: edit it instead")
    text = jinja2.Template(TEMPLATE.read_text(encoding="utf-8"), keep_trailing_newline=True).render(
        id=tool_id, name=yaml.safe_dump(name, allow_unicode=True, width=1000).removesuffix("\n...\n").strip(),
        category=category, today=(today or dt.date.today()).isoformat())
    target.write_text(text, encoding="utf-8")
    return target


def slug(name: str) -> str:
    """'Weights & Biases' -> 'weights-biases'; 'Açaí ML' -> 'acai-ml'."""
    return re.sub(r"[^a-z0-9]+", "-", fold(name)).strip("-")
