"""Shared fixtures: a copy of the project to generate into, and the real site built once per run."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEED_TOOLS = {  # the 17 tools of the source chapter, by id, with their category
    "feast": "feature-stores", "hopsworks": "feature-stores",
    "mlflow": "experiment-tracking", "clearml": "experiment-tracking", "wandb": "experiment-tracking",
    "docker": "containers", "kubernetes": "containers", "aws-container-services": "containers",
    "azure-container-services": "containers", "google-cloud-container-services": "containers",
    "jenkins": "ci-cd", "gitlab": "ci-cd",
    "fiddler": "monitoring", "great-expectations": "data-validation",
    "sagemaker-ai": "platforms", "azure-machine-learning": "platforms", "vertex-ai": "platforms",
}


def run(*args: str, cwd: Path = ROOT, check: bool = False) -> subprocess.CompletedProcess:
    """Run a command with this interpreter's environment; capture its text output."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.run(args, cwd=cwd, env=env, capture_output=True, text=True, check=check)


def mkdocs(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess:
    return run(sys.executable, "-m", "mkdocs", *args, cwd=cwd)


def landscape(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess:
    return run(sys.executable, "-m", "landscape", *args, cwd=cwd)


def copy_project(target: Path) -> Path:
    """A copy of the catalog, docs, theme and config that a test may change freely."""
    for name in ("catalog", "docs", "overrides", "scripts"):
        shutil.copytree(ROOT / name, target / name,
                        ignore=shutil.ignore_patterns("landscape", "schema", "__pycache__")
                        if name == "docs" else shutil.ignore_patterns("__pycache__"))
    for name in ("mkdocs.yml", "CONTRIBUTING.md"):
        shutil.copy(ROOT / name, target / name)
    return target


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A private copy of the project (no generated files yet)."""
    return copy_project(tmp_path / "project")


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real site, built once with `mkdocs build --strict` from a copy of the project."""
    root = copy_project(tmp_path_factory.mktemp("site-build"))
    result = mkdocs("build", "--strict", "--site-dir", str(root / "site"), cwd=root)
    if result.returncode != 0 or "WARNING" in result.stderr:
        pytest.fail(f"mkdocs build --strict failed or warned:\n{result.stderr[-5000:]}")
    return root / "site"
