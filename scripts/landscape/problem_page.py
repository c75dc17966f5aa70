"""A page that lists the catalog's problems, for a preview server to show instead of the site.

A contributor who saves a broken catalog file under `mkdocs serve` sees this page in the
browser, with every problem located, and the site again on the next good save.
"""

from __future__ import annotations

from .problems import Problem, summary
from .render import html_environment, load_strings


def render_problem_page(problems: list[Problem], lang: str) -> str:
    """A whole HTML document in `lang` listing `problems`; every value is escaped."""
    return html_environment().get_template("problems.html.j2").render(problems=problems, lang=lang, s=load_strings()[lang], summary=summary(problems))
