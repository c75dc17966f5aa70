"""The record of change: the Changes page and the Atom feed of each language.

Every dated change of every tool (licence, name, status, steward; `changes:` in the tool files) and
every addition to the catalog (`added:`) is one event. The page lists them newest first, with a
filter by kind (docs/assets/changes.js; without JavaScript the whole list shows) and the licence
changes as a timeline; the feed (Atom, RFC 4287) has one entry per event, with an id that stays the
same from build to build.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import partial
from urllib.parse import urlsplit

from markupsafe import Markup, escape

from .i18n import long_date, long_month_or_date, plural
from .model import CHANGE_KINDS, LANGS, Catalog, Text, Tool
from .render import html_environment, load_strings

FOLDER = "changes"  # docs/<lang>/changes/: index.md and feed.xml
FEED = "feed.xml"
KINDS = (*CHANGE_KINDS, "added")
TOOL_PAGE = "../landscape/tools/{id}/"  # from docs/<lang>/changes/


@dataclass(frozen=True)
class Event:
    """One change to one tool, or its addition to the catalog (kind "added", no old or new value)."""

    date: str  # YYYY-MM-DD or YYYY-MM
    tool: Tool
    kind: str
    old: Text = Text("", "")
    new: Text = Text("", "")
    source: str = ""

    @property
    def day(self) -> dt.date:
        """The day it happened; the first of the month when only the month is known."""
        return dt.date.fromisoformat(self.date if len(self.date) == 10 else f"{self.date}-01")

    @property
    def key(self) -> str:
        """What identifies the event for good: tool, kind and date (plus the new value for same-day changes)."""
        return f"{self.tool.id}/{self.kind}/{self.date}" + (f"/{self.new.en}" if self.kind != "added" else "")


def events(catalog: Catalog) -> list[Event]:
    """Every event, newest first (then by tool id, so the order is stable)."""
    found = [Event(c.date, tool, c.kind, c.old, c.new, c.source) for tool in catalog.tools for c in tool.changes]
    found += [Event(tool.added.isoformat(), tool, "added") for tool in catalog.tools if tool.added]
    return sorted(found, key=lambda e: (e.day, e.date, e.tool.id, e.kind), reverse=True)


def sentence(event: Event, lang: str, s: dict, html: bool) -> str:
    """The event in words, after the tool's name: "licence changed from Apache-2.0 to BUSL-1.1"."""
    if event.kind == "added":
        return s["history_added"]
    old, new = event.old[lang], event.new[lang]
    if event.kind == "status":
        old, new = s["statuses"][old], s["statuses"][new]
    elif event.kind == "steward":
        new = event.tool.steward_as(event.new, lang)
    if not html:
        return s["change_words"][event.kind].format(old=old, new=new)
    wrap = (lambda v: Markup("<code>{}</code>").format(v)) if event.kind == "license" else escape
    return Markup(escape(s["change_words"][event.kind])).format(old=wrap(old), new=wrap(new))


def render_changes(catalog: Catalog, lang: str, site_url: str = "") -> dict[str, bytes]:
    """The Changes page and the Atom feed of one language, by path under docs/<lang>/."""
    s = load_strings()[lang]
    all_events = events(catalog)
    env = html_environment()
    common = {"lang": lang, "s": s, "events": all_events, "kinds": KINDS,
              "sentence": partial(sentence, lang=lang, s=s, html=True),
              "long_date": partial(long_date, lang=lang), "long_month_or_date": partial(long_month_or_date, lang=lang),
              "plural": partial(plural, lang=lang), "tool_href": lambda tool: TOOL_PAGE.format(id=tool.id)}
    page = env.get_template("changes.md.j2").render(
        licence_changes=[e for e in all_events if e.kind == "license"], **common)
    return {f"{FOLDER}/index.md": page.encode("utf-8"),
            f"{FOLDER}/{FEED}": render_feed(lang, s, all_events, site_url).encode("utf-8")}


def render_feed(lang: str, s: dict, all_events: list[Event], site_url: str) -> str:
    """The Atom feed in `lang` (interface strings `s`): one entry per event, newest first, absolute links
    when the site's address is known."""
    root = (site_url.rstrip("/") + "/" if site_url else "/") + ("" if lang == LANGS[0] else f"{lang}/")
    host = urlsplit(site_url).hostname or "mlops-landscape.invalid"
    newest = max((e.day for e in all_events), default=dt.date(2000, 1, 1))
    entries = [{
        "id": f"tag:{host},2026:{e.key}",
        "title": f"{e.tool.name[lang]}: {sentence(e, lang, s, html=False)}",
        "updated": f"{e.day.isoformat()}T00:00:00Z",
        "link": f"{root}landscape/tools/{e.tool.id}/",
        "source": e.source,
        "summary": " ".join(filter(None, [long_month_or_date(e.date, lang) + ".",
                                          f"{s['change_source'].capitalize()}: {e.source}" if e.source else ""])),
    } for e in all_events]
    return html_environment().get_template("feed.xml.j2").render(
        s=s, lang=lang, root=root, host=host, updated=f"{newest.isoformat()}T00:00:00Z", entries=entries)
