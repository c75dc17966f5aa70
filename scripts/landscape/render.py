"""Render the catalog into page files: Jinja templates hold the markup, this module the data.

Catalog text is untrusted. The template environment escapes every value it
prints for Markdown and HTML unless the value is marked safe (`Markup`), so a
`<script>` in a description shows as text and `[x](javascript:...)` is no link.
The only values marked safe in templates are the output of their own macros
(`{{ links(tool) | safe }}`), whose values were escaped inside the macro.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import cache, partial
from pathlib import Path
from urllib.parse import quote

import jinja2
import yaml
from markupsafe import Markup

from .diagram import Diagram
from .i18n import long_date, long_month_or_date, plural
from .labels import license_parts, source_label
from .model import LANGS, Catalog, Category, Tool

TEMPLATES = Path(__file__).parent / "templates"
STRINGS = Path(__file__).parent / "strings.yml"
OUTPUT_DIR = "landscape"  # under docs/<lang>/
DIAGRAM_FRAGMENT = "_diagram.html"  # included by the hand-written chapter page
CARD = "landscape-card.png"  # the pages' Open Graph image (overrides/main.html)
HOME_FRAGMENT = "_home.md"  # included by the hand-written home page
TOOLS_DIR = "tools"  # landscape/tools/<id>/: one page per tool, and redirects from former ids
ALTERNATIVES_SHOWN = 12  # other tools of its main category listed on a tool's page; the rest are on the category page

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
        extensions=["jinja2.ext.do"],  # {% do list.append(...) %} in macros
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
                 cache: PageCache | None = None, site_url: str = "", today: dt.date | None = None) -> dict[str, bytes]:
    """Every generated file of one language, keyed by its path under docs/<lang>/landscape/.

    A `cache` kept between calls skips re-rendering a page whose inputs are equal to last time's.
    `today` decides which tools show as "to be re-checked" (default: the real date).
    """
    today = today or dt.date.today()
    strings = load_strings()[lang]
    env = environment()
    cache = {} if cache is None else cache
    common = template_values(catalog, lang, edit_base, today)

    def cached(name: str, inputs: object, template: jinja2.Template, **values) -> bytes:
        """`template` rendered with `values`, or last run's bytes when `inputs` are equal to last run's."""
        hit = cache.get((lang, name))
        inputs = (inputs, today)  # the day decides which tools are due for a re-check
        if hit is None or hit[0] != inputs:
            hit = (inputs, template.render(**values, **common).encode("utf-8"))
            cache[(lang, name)] = hit
        return hit[1]

    figure = env.get_template("diagram.html.j2").render(svg=Markup(diagram.svg), raw=strings, **common)
    counts = tuple(len(catalog.tools_in(c.id)) for c in catalog.categories)
    summary = counts_sentence(catalog, lang, strings)
    files = {
        "index.md": cached("index.md", (catalog.phases, catalog.categories, counts, summary, figure),
                           env.get_template("overview.md.j2"), figure=Markup(figure), counts=summary),
        HOME_FRAGMENT: cached(HOME_FRAGMENT, (catalog.phases, catalog.categories, summary, home_example(catalog),
                                              _svg_size(diagram.svg)),
                              env.get_template("home.md.j2"), counts=summary, example=home_example(catalog),
                              width=_svg_size(diagram.svg)[0], height=_svg_size(diagram.svg)[1]),
        DIAGRAM_FRAGMENT: figure.encode("utf-8"),
        "landscape.svg": _standalone_svg(diagram.svg).encode("utf-8"),
        "landscape.dot": diagram.dot.encode("utf-8"),
        "landscape.png": diagram.png,
        CARD: diagram.card,
    }

    entry = env.get_template("entry.md.j2")

    def entry_of(tool: Tool, is_main: bool) -> Markup:
        """A tool's short entry, rendered once per language (and per kind of listing) for every page that lists it."""
        shown = (tool.id, tool.name, tool.status, tool.license, tool.model, tool.description,
                 None if is_main else catalog.category(tool.category))
        return Markup(cached(f"entries/{tool.id}/{is_main}", shown, entry, tool=tool, is_main=is_main).decode())

    page = env.get_template("category.md.j2")
    for category in catalog.categories:
        tools = catalog.tools_in(category.id)
        own = tuple(t for t in tools if t.category == category.id)
        others = tools[len(own):]
        entries = {t.id: entry_of(t, t.category == category.id) for t in tools}
        description = category_description(catalog, category, lang, strings)
        files[f"{category.id}.md"] = cached(
            f"{category.id}.md", (category, tuple(map(_row, tools)), tuple(entries.values()), description),
            page, category=category, tools=tools, own=own, others=others, entries=entries, description=description)

    tool_page = env.get_template("tool.md.j2")
    redirect = env.get_template("redirect.html.j2")
    # Each category's own tools, active ones first: a tool page lists a bounded number of them, so a
    # page's size and cost do not grow with its category.
    candidates = {c.id: sorted((t for t in catalog.tools_in(c.id) if t.category == c.id),
                               key=lambda t: t.status != "active") for c in catalog.categories}
    for tool in catalog.tools:
        main = catalog.category(tool.category)
        own = candidates[main.id]
        alternatives = tuple(t for t in own[:ALTERNATIVES_SHOWN + 1] if t is not tool)[:ALTERNATIVES_SHOWN]
        count = len(own) - 1  # the other tools of its main category
        description = tool_description(tool, lang, strings)
        shown = (tool, catalog.tool(tool.successor or ""), tuple(catalog.category(c) for c in tool.categories),
                 tuple(map(_row, alternatives)), count, edit_base)
        files[f"{TOOLS_DIR}/{tool.id}.md"] = cached(
            f"{TOOLS_DIR}/{tool.id}.md", shown, tool_page,
            tool=tool, main=main, alternatives=alternatives, more=count - len(alternatives),
            description=description)
        for former in tool.former_ids:
            files[f"{TOOLS_DIR}/{former}/index.html"] = redirect.render(
                tool=tool, canonical=_page_url(site_url, lang, f"{OUTPUT_DIR}/{TOOLS_DIR}/{tool.id}/", f"../{tool.id}/"),
                **common).encode("utf-8")
    return files


def template_values(catalog: Catalog, lang: str, edit_base: str | None = None, today: dt.date | None = None) -> dict:
    """What every Markdown template of `lang` may use: the catalog, the interface text and the language's helpers."""
    return {"catalog": catalog, "lang": lang, "s": page_strings(lang), "plain": load_strings()[lang],
            "edit_base": edit_base, "plural": partial(plural, lang=lang), "long_date": partial(long_date, lang=lang),
            "long_month_or_date": partial(long_month_or_date, lang=lang),
            "license_parts": license_parts, "source_label": source_label, "today": today or dt.date.today()}


def render_chapter_table(catalog: Catalog, lang: str) -> bytes:
    """The table of the source chapter's tools, with their facts today (see chapter.py)."""
    return environment().get_template("chapter_tools.md.j2").render(**template_values(catalog, lang)).encode("utf-8")
def _page_url(site_url: str, lang: str, location: str, relative: str) -> str:
    """A page's absolute address on the published site, or `relative` when the site's address is not known."""
    if not site_url:
        return relative
    return f"{site_url.rstrip('/')}/{'' if lang == LANGS[0] else lang + '/'}{location}"


def _row(tool: Tool) -> tuple:
    """What a tool's row in a comparison table shows: a page listing it changes when this does."""
    return (tool.id, tool.name, tool.license, tool.model, tool.deployment, tool.status)


def counts_sentence(catalog: Catalog, lang: str, strings: dict) -> str:
    """"120 tools and 173 listings in 14 categories": tools, category memberships and categories, from the catalog."""
    memberships = sum(len(t.categories) for t in catalog.tools)
    return strings["counts"].format(
        tools=plural(strings["counts_tools"], len(catalog.tools), lang),
        memberships=plural(strings["counts_memberships"], memberships, lang),
        categories=plural(strings["counts_categories"], len(catalog.categories), lang))


def home_example(catalog: Catalog) -> Tool | None:
    """The tool the home page names as an example of a tool page: the first active one of the first category."""
    for category in catalog.categories:
        for tool in catalog.tools_in(category.id):
            if tool.status == "active":
                return tool
    return catalog.tools[0] if catalog.tools else None


def tool_description(tool: Tool, lang: str, strings: dict) -> str:
    """The meta description of a tool page: its status (when not active) and what it is."""
    status = "" if tool.status == "active" else f"{strings['statuses'][tool.status]}. "
    text = f"{tool.name[lang]}: {status}{tool.description[lang]}"
    return " ".join(text.split()) if len(text) <= 300 else text[:297].rsplit(" ", 1)[0] + "..."


_VIEW_BOX = re.compile(r'<svg[^>]*?\sviewBox="[-\d.]+ [-\d.]+ ([\d.]+) ([\d.]+)"')


def _svg_size(svg: str) -> tuple[int, int]:
    """The diagram's width and height from its viewBox, so the home preview reserves its space before it loads."""
    found = _VIEW_BOX.search(svg)
    return (round(float(found[1])), round(float(found[2]))) if found else (800, 600)


def category_description(catalog: Catalog, category: Category, lang: str, strings: dict) -> str:
    """The meta description of a category page, from the catalog."""
    count = len(catalog.tools_in(category.id))
    text = plural(strings["category_description"], count, lang,
                  category=category.name[lang], text=category.description[lang])
    return text if len(text) <= 300 else text[:297].rsplit(" ", 1)[0] + "..."


def _standalone_svg(svg: str) -> str:
    return '<?xml version="1.0" encoding="UTF-8" standalone="no"?>\n' + svg + "\n"
