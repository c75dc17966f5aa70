"""The GitHub files we cannot run here are at least valid: workflows and issue forms, checked offline
against the schemas check-jsonschema bundles."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest
import yaml

from conftest import ROOT, run

CHECK = str(Path(sys.executable).with_name("check-jsonschema"))
WORKFLOWS = sorted((ROOT / ".github/workflows").glob("*.yml"))
FORMS = sorted(p for p in (ROOT / ".github/ISSUE_TEMPLATE").glob("*.yml") if p.name != "config.yml")


@pytest.mark.parametrize("path", WORKFLOWS + FORMS, ids=lambda p: p.name)
def test_github_files_match_their_schema(path):
    schema = "vendor.github-workflows" if path.parent.name == "workflows" else "vendor.github-issue-forms"
    result = run(CHECK if Path(CHECK).exists() else shutil.which("check-jsonschema"), "--builtin-schema", schema,
                 str(path))
    assert result.returncode == 0, result.stdout + result.stderr


def test_no_workflow_installs_a_browser_the_runner_already_has():
    for path in WORKFLOWS:
        assert "apt-get install -y chromium" not in path.read_text(), path.name


def test_the_audit_runs_weekly_and_on_demand_and_can_only_write_issues():
    workflow = yaml.safe_load((ROOT / ".github/workflows/audit.yml").read_text())
    triggers = workflow[True]  # YAML 1.1 reads the key `on` as true
    assert set(triggers) == {"schedule", "workflow_dispatch"} and triggers["schedule"][0]["cron"]
    assert workflow["permissions"] == {"contents": "read", "issues": "write"}
    text = (ROOT / ".github/workflows/audit.yml").read_text()
    assert "landscape audit" in text and "git push" not in text and "git commit" not in text
