"""Shared fixtures: small made-up catalogs, a copy of the project to generate into, and the real site built once.

Tests of the checker and the generator run on fixture catalogs written here, checked against
a fixed clock (`TODAY`), so they pass on any day whatever the real catalog holds. The real
catalog is tested only through the rules `landscape check` states, and through the built site.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
TODAY = dt.date(2026, 11, 26)  # the clock fixture catalogs are checked against

CATEGORIES = """\
# yaml-language-server: $schema=schema/categories.schema.json
phases:
  - id: data
    name: {es: Datos, en: Data}
  - id: development
    name: {es: Desarrollo de modelos, en: Model development}
  - id: end-to-end
    name: {es: Plataformas de extremo a extremo, en: End-to-end platforms}
    spans_all: true

categories:
  - id: feature-stores
    phase: data
    name: {es: Almacenes de características, en: Feature stores}
    description:
      es: Guardan y sirven las características de los modelos para que el entrenamiento y la inferencia usen los mismos valores.
      en: Store and serve model features, so that training and inference use the same values.
  - id: experiment-tracking
    phase: development
    name: {es: Seguimiento de experimentos, en: Experiment tracking}
    description:
      es: Registran los parámetros, las métricas y los artefactos de cada entrenamiento para compararlos después.
      en: Record the parameters, metrics and artefacts of each training run so that runs can be compared.
  - id: platforms
    phase: end-to-end
    name: {es: Plataformas de ML de extremo a extremo, en: End-to-end ML platforms}
    description:
      es: Reúnen en un solo producto los datos, el entrenamiento, el despliegue y la supervisión de modelos.
      en: Bring data, training, deployment and monitoring of models together in one product.
"""

# A made-up tool; test cases replace parts of it, so its line layout is part of their expectations.
TOOL = """\
# yaml-language-server: $schema=../schema/tool.schema.json
id: sample-store
name: Sample Store
category: feature-stores
homepage: https://sample-store.example.org/
repository: https://github.com/example/sample-store
docs: https://docs.sample-store.example.org/
license: Apache-2.0
model: open-source
deployment: self-managed
steward: Sample Store community
status: active
description:
  es: >-
    Almacén de características de ejemplo que define cada característica una
    sola vez y la entrega con los mismos valores al entrenamiento y a la
    inferencia en línea.
  en: >-
    Example feature store that defines each feature once and hands the same
    values to training and to online inference with low latency.
checked: 2026-11-20
sources:
  - url: https://github.com/example/sample-store/blob/main/LICENSE
    supports: [license, model]
  - url: https://pypi.org/project/sample-store/
    supports: [name, deployment, steward, status]
added: 2026-11-20
"""


def tool_text(id_: str, name: str, category: str = "feature-stores", **replace: str) -> str:
    """TOOL as another tool: its own id, name, links and category, then each `old=new` of `replace` applied."""
    text = TOOL.replace("sample-store", id_).replace("Sample Store", name).replace("category: feature-stores",
                                                                                    f"category: {category}")
    for old, new in replace.items():
        assert old in text, old
        text = text.replace(old, new)
    return text


FIXTURE_TOOLS = {
    "sample-store": TOOL,
    "sample-tracker": tool_text("sample-tracker", "Sample Tracker", "experiment-tracking"),
    "sample-platform": tool_text("sample-platform", "Sample Platform", "platforms", **{
        "license: Apache-2.0": "license: proprietary", "model: open-source": "model: proprietary",
        "deployment: self-managed": "deployment: managed", "repository: https://github.com/example/sample-platform\n": ""}),
}


def write_catalog(root: Path, tools: dict[str, str] | None = None) -> Path:
    """A fixture catalog under `root/catalog`: the real schemas, CATEGORIES, and `tools` (id -> YAML text)."""
    catalog = root / "catalog"
    (catalog / "tools").mkdir(parents=True, exist_ok=True)
    shutil.copytree(ROOT / "catalog/schema", catalog / "schema", dirs_exist_ok=True)
    (catalog / "categories.yml").write_text(CATEGORIES, encoding="utf-8")
    for tool_id, text in (FIXTURE_TOOLS if tools is None else tools).items():
        (catalog / "tools" / f"{tool_id}.yml").write_text(text, encoding="utf-8")
    return root


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
    for name in ("catalog", "docs", "overrides", "scripts", ".github"):
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


@pytest.fixture
def fixture_project(tmp_path: Path) -> Path:
    """A private copy of the project whose catalog is the fixture catalog."""
    root = copy_project(tmp_path / "project")
    shutil.rmtree(root / "catalog")
    shutil.rmtree(root / ".github")  # its issue form lists the real categories, not the fixture's
    return write_catalog(root)


@pytest.fixture
def fixture_catalog(tmp_path: Path) -> Path:
    """A folder holding only the fixture catalog (for the checker and the scaffold)."""
    return write_catalog(tmp_path)


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real site, built once with `mkdocs build --strict` from a copy of the project."""
    root = copy_project(tmp_path_factory.mktemp("site-build"))
    result = mkdocs("build", "--strict", "--site-dir", str(root / "site"), cwd=root)
    if result.returncode != 0 or "WARNING" in result.stderr:
        pytest.fail(f"mkdocs build --strict failed or warned:\n{result.stderr[-5000:]}")
    return root / "site"
