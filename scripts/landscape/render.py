"""Render the catalog into page files: Jinja templates hold the markup, this module the data.

Catalog text is untrusted. The template environment escapes every value it
prints for Markdown and HTML unless the value is marked safe (`Markup`), so a
`<script>` in a description shows as text and `[x](javascript:...)` is no link.
The only values marked safe in templates are the output of their own macros
(`{{ links(tool) | safe }}`), whose values were escaped inside the macro.
"""

from __future__ import annotations

from functools import cache, partial
from pathlib import Path
from urllib.parse import quote

import jinja2
import yaml
from markupsafe import Markup

from .diagram import Diagram
from .i18n import long_date, plural
from .model import LANGS, Catalog, Category, Tool

TEMPLATES = Path(__file__).parent / "templates"
STRINGS = Path(__file__).parent / "strings.yml"
OUTPUT_DIR = "landscape"  # under docs/<lang>/
DIAGRAM_FRAGMENT = "_diagram.html"  # included by the hand-written chapter page
CARD = "landscape-card.png"  # the pages' Open Graph image (overrides/main.html)

# HTML entities for < > &, and a backslash before each character Python-Markdown (with tables and
# attr_list) gives a meaning to, so that catalog text always reads literally.
_LITERAL = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", **{c: "\\" + c for c in "\\`*_{}[]()#+-.!|"}})


def md(value: object) -> Markup:
    """Catalog text as literal Markdown on one line: no HTML, no Markdown syntax."""
    if isinstance(value, Markup):
        return value
    return Markup(" ".join(str(value).split()).translate(_LITERAL))


@cache  # the same links appear on several pages and in both languages
def url(value: str) -> Markup:
    """A checked http(s) URL made safe as a Markdown link target (no spaces, brackets or quotes)."""
    return Markup(quote(value, safe=":/?#@!$&*+,;=%~"))


@cache
def load_strings() -> dict[str, dict]:
    """Interface text per language, from strings.yml."""
    strings = yaml.safe_load(STRINGS.read_text(encoding="utf-8"))
    missing = [lang for lang in LANGS if lang not in strings]
    if missing:
        raise ValueError(f"{STRINGS}: no interface text for {', '.join(missing)}")
    return strings


@cache
def page_strings(lang: str) -> dict:
    """Interface text for templates, escaped once: plain strings become Markup; format patterns
    (with `{...}` fields) stay strings, escaped after they are filled in."""
    def escaped(value):
        if isinstance(value, dict):
            return {key: escaped(item) for key, item in value.items()}
        return value if "{" in value else md(value)  # counted strings: maps of patterns, see i18n.py
    return escaped(load_strings()[lang])


@cache
def environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES),
        finalize=md,  # every {{ value }} is escaped unless it is Markup
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
        autoescape=False,  # `finalize` escapes instead, for Markdown as well as HTML
    )
    env.filters["url"] = url
    env.filters["md"] = md
    return env


@cache
def html_environment() -> jinja2.Environment:
    """Templates that write HTML rather than Markdown: every value is HTML-escaped unless marked safe."""
    return jinja2.Environment(loader=jinja2.FileSystemLoader(TEMPLATES), autoescape=True,
                              undefined=jinja2.StrictUndefined, trim_blocks=True, lstrip_blocks=True,
                              keep_trailing_newline=True)


PageCache = dict[tuple[str, str], tuple[object, bytes]]


def render_pages(catalog: Catalog, lang: str, diagram: Diagram, edit_base: str | None,
                 cache: PageCache | None = None) -> dict[str, bytes]:
    """Every generated file of one language, keyed by its path under docs/<lang>/landscape/.

    A `cache` kept between calls skips re-rendering a page whose inputs are equal to last time's.
    """
    strings = load_strings()[lang]
    env = environment()
    cache = {} if cache is None else cache
    common = {"catalog": catalog, "lang": lang, "s": page_strings(lang), "edit_base": edit_base,
              "plural": partial(plural, lang=lang), "long_date": partial(long_date, lang=lang)}

    def cached(name: str, inputs: object, template: jinja2.Template, **values) -> bytes:
        """`template` rendered with `values`, or last run's bytes when `inputs` are equal to last run's."""
        hit = cache.get((lang, name))
        if hit is None or hit[0] != inputs:
            hit = (inputs, template.render(**values, **common).encode("utf-8"))
            cache[(lang, name)] = hit
        return hit[1]

    section, page = env.get_template("tool.md.j2"), env.get_template("category.md.j2")
    figure = env.get_template("diagram.html.j2").render(svg=Markup(diagram.svg), raw=strings, **common)
    counts = tuple(len(catalog.tools_in(c.id)) for c in catalog.categories)
    files = {
        "index.md": cached("index.md", (catalog.phases, catalog.categories, counts, len(catalog.tools), figure),
                           env.get_template("overview.md.j2"), figure=Markup(figure)),
        DIAGRAM_FRAGMENT: figure.encode("utf-8"),
        "landscape.svg": _standalone_svg(diagram.svg).encode("utf-8"),
        "landscape.dot": diagram.dot.encode("utf-8"),
        "landscape.png": diagram.png,
        CARD: diagram.card,
    }

    def section_of(tool: Tool) -> Markup:
        """A tool's section, rendered once per language and shown on each page that lists the tool."""
        shown = (tool, catalog.tool(tool.successor or ""), tuple(catalog.category(c) for c in tool.categories), edit_base)
        return Markup(cached(f"sections/{tool.id}", shown, section, tool=tool).decode())

    sections = {tool.id: section_of(tool) for tool in catalog.tools}
    for category in catalog.categories:
        tools = catalog.tools_in(category.id)
        description = category_description(catalog, category, lang, strings)
        files[f"{category.id}.md"] = cached(
            f"{category.id}.md", (category, tuple(sections[t.id] for t in tools), description),
            page, category=category, tools=tools, description=description, sections=sections)
    return files


def render_chapter_table(catalog: Catalog, lang: str) -> bytes:
    """The table of the source chapter's tools, with their facts today (see chapter.py)."""
    values = {"catalog": catalog, "lang": lang, "s": page_strings(lang)}
    return environment().get_template("chapter_tools.md.j2").render(**values).encode("utf-8")


def category_description(catalog: Catalog, category: Category, lang: str, strings: dict) -> str:
    """The meta description of a category page, from the catalog."""
    count = len(catalog.tools_in(category.id))
    text = plural(strings["category_description"], count, lang,
                  category=category.name[lang], text=category.description[lang])
    return text if len(text) <= 300 else text[:297].rsplit(" ", 1)[0] + "..."


def _standalone_svg(svg: str) -> str:
    return '<?xml version="1.0" encoding="UTF-8" standalone="no"?>\n' + svg + "\n"
