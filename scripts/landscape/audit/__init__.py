"""`landscape audit`: check the catalog's facts against the outside world, and report what went stale.

Beside the build, never inside it: the audit reads the catalog and the network and writes only reports.
- run.py: one run, part by part (age, links, packages, repositories), into a Report;
- links.py, packages.py (with licences.py), github.py: one part each, from answers to located findings;
- http.py: the single way out to the network (polite, bounded, retried, cached);
- report.py: findings and notes, written as text, JSON or the tracking issue's Markdown.
"""

from .base import PARTS, Endpoints, Settings
from .http import Client
from .report import Finding, Note, Report
from .run import UnknownTool, audit

__all__ = ["PARTS", "Client", "Endpoints", "Finding", "Note", "Report", "Settings", "UnknownTool", "audit"]
