"""The catalog as open data, published with the site under /data/ (docs/data/, generated):

- `catalog.json`, every fact of every tool, and `catalog.schema.json`, the JSON Schema of that export
  (a contract for consumers, separate from the schema of the YAML files);
- `catalog.csv`, one row per tool with the same values, flattened (COLUMNS documents them);
- `landscape2/data.yml`, the catalog in the format of cncf/landscape2 (docs/config/data.yml there).

`render_exports` returns the files; it reads the catalog and knows nothing of pages or MkDocs.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import yaml

from ..families import licence_family
from ..model import LANGS, Catalog, Tool
from ..render import environment, load_strings, page_strings

OUTPUT_DIR = "data"  # under docs/, so /data/ in the site
VERSION = "1.0.0"  # of the export format: a new major version when a field is removed or changes meaning
LICENSE = "CC-BY-4.0"
SCHEMA = Path(__file__).parent / "catalog.schema.json"
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")  # what spreadsheets read as a formula (OWASP, CSV injection)


def render_exports(catalog: Catalog) -> dict[str, bytes]:
    """Every export file, by its path under docs/data/."""
    data = catalog_data(catalog)
    return {
        "catalog.json": (json.dumps(data, ensure_ascii=False, indent=1) + "\n").encode("utf-8"),
        "catalog.schema.json": SCHEMA.read_bytes(),
        "catalog.csv": catalog_csv(data).encode("utf-8"),
        "landscape2/data.yml": landscape2_yaml(catalog, data).encode("utf-8"),
    }


def updated(catalog: Catalog) -> str:
    """The date of the newest fact check or addition: the data's own date, stable from build to build."""
    return max(max(t.checked, t.added or t.checked) for t in catalog.tools).isoformat()


def catalog_data(catalog: Catalog) -> dict:
    """The JSON export as Python data; `catalog.schema.json` describes it."""
    phase_of = {c.id: c.phase for c in catalog.categories}
    return {
        "version": VERSION,
        "updated": updated(catalog),
        "license": LICENSE,
        "phases": [{"id": p.id, "name": _text(p.name)} for p in catalog.phases],
        "categories": [{"id": c.id, "phase": c.phase, "name": _text(c.name), "description": _text(c.description)}
                       for c in catalog.categories],
        "tools": [_tool(t, phase_of) for t in catalog.tools],
    }


def _text(text) -> dict[str, str]:
    return {"es": text.es, "en": text.en}


def _value(text) -> str | dict[str, str]:
    """A value that is the same in both languages as a string; words that differ as {es, en}."""
    return text.en if text.es == text.en else _text(text)


def _tool(tool: Tool, phase_of: dict[str, str]) -> dict:
    return {
        "id": tool.id,
        "name": _text(tool.name),
        "category": tool.category,
        "also_in": list(tool.also_in),
        "phases": list(dict.fromkeys(phase_of[c] for c in tool.categories)),
        "homepage": tool.homepage,
        "repository": tool.repository,
        "docs": tool.docs,
        "packages": [{"index": p.index, "name": p.name} for p in tool.packages],
        "license": tool.license,
        "license_note": _text(tool.license_note) if tool.license_note else None,
        "license_family": licence_family(tool.license),
        "model": tool.model,
        "deployment": tool.deployment,
        "steward": _text(tool.steward),
        "status": tool.status,
        "successor": tool.successor,
        "former_names": list(tool.former_names),
        "predecessors": list(tool.predecessors),
        "description": _text(tool.description),
        "added": tool.added.isoformat() if tool.added else None,
        "checked": tool.checked.isoformat(),
        "sources": [{"url": s.url, "supports": list(s.supports), "secondary": s.secondary} for s in tool.sources],
        "changes": [{"date": c.date, "kind": c.kind, "from": _value(c.old), "to": _value(c.new), "source": c.source}
                    for c in tool.changes],
    }


# The CSV's columns: (header, how to read it from a tool of the JSON export). Lists are joined with "; ".
def _join(values) -> str:
    return "; ".join(values)


COLUMNS: tuple[tuple[str, object], ...] = (
    ("id", lambda t: t["id"]),
    ("name", lambda t: t["name"]["en"]),
    ("name_es", lambda t: t["name"]["es"]),
    ("category", lambda t: t["category"]),
    ("also_in", lambda t: _join(t["also_in"])),
    ("phases", lambda t: _join(t["phases"])),
    ("homepage", lambda t: t["homepage"]),
    ("repository", lambda t: t["repository"] or ""),
    ("docs", lambda t: t["docs"] or ""),
    ("license", lambda t: t["license"]),
    ("license_family", lambda t: t["license_family"]),
    ("model", lambda t: t["model"]),
    ("deployment", lambda t: t["deployment"]),
    ("steward", lambda t: t["steward"]["en"]),
    ("status", lambda t: t["status"]),
    ("successor", lambda t: t["successor"] or ""),
    ("former_names", lambda t: _join(t["former_names"])),
    ("description_en", lambda t: t["description"]["en"]),
    ("description_es", lambda t: t["description"]["es"]),
    ("added", lambda t: t["added"] or ""),
    ("checked", lambda t: t["checked"]),
    ("sources", lambda t: _join(s["url"] for s in t["sources"])),
    ("changes", lambda t: _join(f"{c['date']} {c['kind']}: {_en(c['from'])} -> {_en(c['to'])}" for c in t["changes"])),
)


def _en(value: str | dict[str, str]) -> str:
    return value["en"] if isinstance(value, dict) else value


def neutralise(cell: str) -> str:
    """A cell a spreadsheet will show as text: one starting like a formula gets a leading apostrophe."""
    return "'" + cell if cell.startswith(FORMULA_START) else cell


def catalog_csv(data: dict) -> str:
    """One row per tool, with a header row (see COLUMNS); UTF-8, RFC 4180 quoting, formulas neutralised."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow([header for header, _ in COLUMNS])
    for tool in data["tools"]:
        writer.writerow([neutralise(str(value(tool))) for _, value in COLUMNS])
    return out.getvalue()


def landscape2_yaml(catalog: Catalog, data: dict) -> str:
    """The catalog as a cncf/landscape2 data file: phases as categories, our categories as subcategories.

    Only fields landscape2 documents are used: name, homepage_url, logo, description, second_path, repo_url,
    and, under `extra`, other_links, package_manager_url and summary_tags. Our facts without a landscape2 field (licence,
    licensing model, deployment, status) go into the description's last sentence and into other_links.
    """
    phase_names = {p.id: _no_slash(p.name.en) for p in catalog.phases}
    subcategory = {c.id: (phase_names[c.phase], _no_slash(c.name.en)) for c in catalog.categories}
    tools = {t["id"]: t for t in data["tools"]}
    categories = []
    for phase in catalog.phases:
        subcategories = []
        for category in (c for c in catalog.categories if c.phase == phase.id):
            items = [_landscape2_item(tools[t.id], subcategory) for t in catalog.tools if t.category == category.id]
            subcategories.append({"name": subcategory[category.id][1], "items": items})
        categories.append({"name": phase_names[phase.id], "subcategories": subcategories})
    header = ("# The MLOps landscape catalogue in cncf/landscape2's data format (docs/config/data.yml there).\n"
              f"# Export format {VERSION}, data of {data['updated']}, licensed {LICENSE}. Logos are not included:\n"
              "# each item names `<id>.svg`; put your own files in landscape2's logos folder.\n")
    return header + yaml.safe_dump({"categories": categories}, allow_unicode=True, sort_keys=False, width=120)


def _no_slash(name: str) -> str:
    """landscape2 joins category and subcategory with " / ", so a name may not hold a slash ("CI/CD")."""
    return name.replace("/", "-")


def _landscape2_item(tool: dict, subcategory: dict[str, tuple[str, str]]) -> dict:
    facts = f"Licence: {tool['license']} ({tool['model']}); deployment: {tool['deployment']}; status: {tool['status']}."
    item = {
        "name": tool["name"]["en"],
        "homepage_url": tool["homepage"],
        "logo": f"{tool['id']}.svg",
        "description": f"{tool['description']['en']} {facts}",
    }
    second = [" / ".join(subcategory[c]) for c in tool["also_in"]]
    if second:
        item["second_path"] = second
    if tool["repository"]:
        item["repo_url"] = tool["repository"]
    extra: dict = {}
    links = [{"name": "Documentation", "url": tool["docs"]}] if tool["docs"] else []
    links += [{"name": f"Source {n}", "url": s["url"]} for n, s in enumerate(tool["sources"], 1)]
    extra["other_links"] = links
    pypi = next((p["name"] for p in tool["packages"] if p["index"] == "pypi"), None)
    if pypi:
        extra["package_manager_url"] = f"https://pypi.org/project/{pypi}/"
    extra["summary_tags"] = ", ".join((tool["model"], tool["license_family"], tool["deployment"], tool["status"]))
    item["extra"] = extra
    return item


COLUMNS_TABLE = "_data.md"  # under docs/<lang>/landscape/, included by docs/<lang>/data.md


def render_data_table(catalog: Catalog, lang: str, files: dict[str, bytes]) -> bytes:
    """The data page's generated part in `lang`: version, date and size of each export, and the CSV's columns."""
    sizes = {name: len(content) for name, content in files.items()}
    return environment().get_template("data.md.j2").render(
        s=page_strings(lang), plain=load_strings()[lang], lang=lang, version=VERSION, updated=updated(catalog),
        tools=len(catalog.tools), sizes=sizes, columns=[header for header, _ in COLUMNS],
        files_url="" if lang == LANGS[0] else "../../data/").encode("utf-8")
