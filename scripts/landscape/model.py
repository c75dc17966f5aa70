"""The catalog as typed objects: what the loader produces and the renderers read."""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass, field

LANGS = ("es", "en")  # the default language, served at /, first
RECHECK_MONTHS = 12  # facts checked longer ago than this are shown as "to be re-checked"


@dataclass(frozen=True)
class Text:
    """The same sentence in every language of the site."""

    es: str
    en: str

    def __getitem__(self, lang: str) -> str:
        return getattr(self, lang)


@dataclass(frozen=True)
class Phase:
    """A stage of the ML lifecycle; a lane in the diagram."""

    id: str
    name: Text
    spans_all: bool = False


@dataclass(frozen=True)
class Category:
    """A group of tools with one page per language, in one phase."""

    id: str
    phase: str
    name: Text
    description: Text


@dataclass(frozen=True)
class Change:
    """A dated change to the product, with the link that shows it.

    `kind` is one of CHANGE_KINDS; `old` and `new` are licence expressions, names, statuses
    or stewards, as the kind says. `date` is YYYY-MM-DD or YYYY-MM.
    """

    date: str
    kind: str
    old: str
    new: str
    source: str


CHANGE_KINDS = ("license", "name", "status", "steward")
STATUSES = ("active", "limited-maintenance", "deprecated", "archived", "renamed")  # as tool.schema.json says


@dataclass(frozen=True)
class Source:
    """A page that backs some of a tool's facts."""

    url: str
    supports: tuple[str, ...]  # the fields it shows to be true
    secondary: bool = False  # news or a third party, used only where no primary source exists


@dataclass(frozen=True)
class Package:
    """A package the tool's makers publish on a package index (`pypi` or `npm`)."""

    index: str
    name: str
    note: str = ""  # why its metadata is known to disagree with the catalog (the audit then says "explained")


def months_after(day: dt.date, months: int) -> dt.date:
    """The same day `months` calendar months later (the month's last day when it is shorter: Jan 31 -> Feb 28)."""
    year, month = divmod(day.year * 12 + day.month - 1 + months, 12)
    return dt.date(year, month + 1, min(day.day, calendar.monthrange(year, month + 1)[1]))


@dataclass(frozen=True)
class Tool:
    """One tool, as its file `catalog/tools/<id>.yml` describes it."""

    id: str
    file: str
    name: Text  # the same in both languages for a proper name
    category: str
    homepage: str
    license: str
    model: str
    deployment: str
    steward: Text  # the same in both languages for a proper name
    status: str
    description: Text
    checked: dt.date
    sources: tuple[Source, ...]
    also_in: tuple[str, ...] = ()
    repository: str | None = None
    docs: str | None = None
    license_note: Text | None = None
    changes: tuple[Change, ...] = ()  # oldest first
    added: dt.date | None = None  # when the entry joined the catalog
    successor: str | None = None
    former_names: tuple[str, ...] = ()
    predecessors: tuple[str, ...] = ()  # other products this one replaced: ids where in the catalog, else names
    packages: tuple[Package, ...] = ()
    former_ids: tuple[str, ...] = ()  # earlier ids, whose addresses redirect to this tool's page

    @property
    def license_changes(self) -> tuple[Change, ...]:
        """The licence changes, oldest first."""
        return tuple(change for change in self.changes if change.kind == "license")

    def sources_of(self, field: str) -> tuple[Source, ...]:
        """The sources that support one fact (a field name such as "license")."""
        return tuple(source for source in self.sources if field in source.supports)

    @property
    def recheck_due(self) -> dt.date:
        """The last day the facts count as fresh: RECHECK_MONTHS after `checked`."""
        return months_after(self.checked, RECHECK_MONTHS)

    def needs_recheck(self, today: dt.date) -> bool:
        """True when the facts were checked more than RECHECK_MONTHS ago, seen from `today`.

        Pages show such a tool as "to be re-checked" (strings.yml: `recheck`); `landscape audit` reports it.
        """
        return today > self.recheck_due

    @property
    def categories(self) -> tuple[str, ...]:
        """The main category first, then the others it belongs to."""
        return (self.category, *self.also_in)


@dataclass(frozen=True)
class Catalog:
    """Everything the site is generated from, in display order."""

    phases: tuple[Phase, ...]
    categories: tuple[Category, ...]
    tools: tuple[Tool, ...]
    chapter: tuple = ()  # the source chapter's areas and tools (chapter.Area), when catalog/chapter.yml exists
    _by_category: dict[str, tuple[Tool, ...]] = field(default_factory=dict, compare=False, repr=False)
    _by_id: dict[str, Tool] = field(default_factory=dict, compare=False, repr=False)
    _categories_by_id: dict[str, Category] = field(default_factory=dict, compare=False, repr=False)

    def __post_init__(self) -> None:
        self._by_id.update((t.id, t) for t in self.tools)
        self._categories_by_id.update((c.id, c) for c in self.categories)
        members: dict[str, list[Tool]] = {category.id: [] for category in self.categories}
        for tool in self.tools:  # one pass over the tools, not one per category
            for category_id in tool.categories:
                members.setdefault(category_id, []).append(tool)
        for category in self.categories:
            # Tools whose main category this is come first, each group by name.
            self._by_category[category.id] = tuple(sorted(
                members[category.id], key=lambda t: (t.category != category.id, t.name.en.casefold())))

    def tools_in(self, category_id: str) -> tuple[Tool, ...]:
        """Tools listed on a category's page: its own, then those also in it."""
        return self._by_category[category_id]

    def category(self, category_id: str) -> Category:
        return self._categories_by_id[category_id]

    def replaced_by(self, tool_id: str) -> tuple[Tool, ...]:
        """The tools that name `tool_id` among their predecessors."""
        return tuple(t for t in self.tools if tool_id in t.predecessors)

    def tool(self, tool_id: str) -> Tool | None:
        return self._by_id.get(tool_id)
