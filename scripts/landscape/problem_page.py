"""A page that lists the catalog's problems, for a preview server to show instead of the site.

A contributor who saves a broken catalog file under `mkdocs serve` sees this page in the
browser, with every problem located, and the site again on the next good save.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import jinja2

from .problems import Problem, summary
from .render import load_strings

TEMPLATES = Path(__file__).parent / "templates"


@cache
def _template() -> jinja2.Template:
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(TEMPLATES), autoescape=True,
                             undefined=jinja2.StrictUndefined, trim_blocks=True, lstrip_blocks=True)
    return env.get_template("problems.html.j2")


def render_problem_page(problems: list[Problem], lang: str) -> str:
    """A whole HTML document in `lang` listing `problems`; every value is escaped."""
    return _template().render(problems=problems, lang=lang, s=load_strings()[lang], summary=summary(problems))
