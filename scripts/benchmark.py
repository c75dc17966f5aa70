#!/usr/bin/env python3
"""Time the landscape generator and the MkDocs build on synthetic catalogs of growing size.

    python scripts/benchmark.py [--sizes 20 200 2000] [--repeat R] [--keep]

For each size N the script builds, in a temporary folder, a copy of the project
(mkdocs.yml, overrides/, scripts/mkdocs_hook.py, the hand-written docs/ pages,
CONTRIBUTING.md which one of them includes, and catalog/schema/) with a synthetic, schema-valid catalog of N tools in
max(1, round(N / 50)) categories, and measures:

(a) the generator alone: `landscape.generate.generate()` on a clean docs tree
    (load, check, render, diagram, write), in a fresh Python process, so it pays
    the same one-off costs (SPDX list, templates) as a build does;
(b) the full site: `mkdocs build --strict`, from a clean generated state, so the
    hook generates the pages;
(c) the engine alone: the same build with the generated pages already in place
    and a copy of mkdocs.yml without `hooks:` (no generation, no search split);
(d) a regeneration after one tool's description changes (seconds, files written);
(e) peak memory: max RSS of the full build process and of the generator process;
(f) the largest HTML page of the built site, the number of pages (tool pages among
    them: one per tool and language) and each language's search index size.

Output: a Markdown table on stdout (progress goes to stderr), then details and,
when both were run, the ratios of size 2000 to size 200. Every timing runs once
(`--repeat R` runs it R times and reports the median). Nothing here asserts on a
time: the script reports, it does not judge. Standard library plus pyyaml.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import random
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_SIZES = (20, 200, 2000)
TOOLS_PER_CATEGORY = 50
LANGS = ("es", "en")
GENERATED = ("es/landscape", "en/landscape", "schema")  # under docs/
ENGINE_CONFIG = "mkdocs-engine.yml"  # mkdocs.yml without the hook
SITE, ENGINE_SITE = "site", "site-engine"
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}


# --- Synthetic catalog ------------------------------------------------------------------------

PHASES = [
    {"id": "data", "name": {"es": "Datos", "en": "Data"}},
    {"id": "development", "name": {"es": "Desarrollo de modelos", "en": "Model development"}},
    {"id": "deployment", "name": {"es": "Despliegue", "en": "Deployment"}},
    {"id": "operations", "name": {"es": "Operación", "en": "Operations"}},
    {"id": "end-to-end", "name": {"es": "De extremo a extremo", "en": "End to end"}, "spans_all": True},
]

# (name es, name en, description es, description en): the real kinds of category, reused with qualifiers.
CATEGORY_KINDS = [
    ("Versionado de datos", "Data versioning",
     "Registran cada versión de los conjuntos de datos, igual que Git hace con el código, para poder reproducir un entrenamiento.",
     "Record every version of a data set, the way Git does for code, so that a training run can be reproduced."),
    ("Etiquetado de datos", "Data labelling",
     "Permiten a personas y modelos anotar imágenes, textos, audio o vídeo para crear los conjuntos de entrenamiento.",
     "Let people and models annotate images, text, audio or video to build training and evaluation sets."),
    ("Almacenes de características", "Feature stores",
     "Guardan y sirven las características de los modelos, de modo que el entrenamiento y la inferencia usen los mismos valores.",
     "Store and serve model features, so that training and inference use the same values computed the same way."),
    ("Validación de datos", "Data validation",
     "Comprueban que los datos cumplen lo esperado (esquema, rangos, nulos, distribuciones) antes de que lleguen a un modelo.",
     "Check that data meets expectations (schema, ranges, nulls, distributions) before it reaches a model."),
    ("Seguimiento de experimentos", "Experiment tracking",
     "Anotan los parámetros, métricas, código y artefactos de cada ejecución de entrenamiento para compararlas y reproducirlas.",
     "Log the parameters, metrics, code and artefacts of each training run so that runs can be compared and reproduced."),
    ("Ajuste de hiperparámetros", "Hyperparameter tuning",
     "Buscan de forma automática la combinación de hiperparámetros que da el mejor modelo, repartiendo las pruebas.",
     "Search automatically for the hyperparameters that give the best model, spreading the trials over machines."),
    ("Orquestación y pipelines", "Orchestration and pipelines",
     "Definen los pasos de un flujo de ML como un grafo y los ejecutan en orden, con reintentos y programación.",
     "Define the steps of an ML workflow as a graph and run them in order, with retries and schedules."),
    ("Registro de modelos", "Model registry",
     "Guardan los modelos entrenados con sus versiones, metadatos y etapas para saber qué modelo se despliega.",
     "Keep trained models with their versions, metadata and stages, so it is clear which model is deployed."),
    ("Contenedores", "Containers",
     "Empaquetan un modelo con todo lo que necesita para ejecutarse igual en cualquier máquina y lo escalan en un clúster.",
     "Package a model with everything it needs to run the same on any machine, and scale it across a cluster."),
    ("Integración y entrega continuas (CI/CD)", "Continuous integration and delivery (CI/CD)",
     "Prueban, construyen y despliegan de forma automática cada cambio de código, datos o modelo.",
     "Test, build and deploy every change to code, data or models automatically."),
    ("Servicio de modelos", "Model serving",
     "Exponen un modelo entrenado como un servicio HTTP o gRPC que responde predicciones con baja latencia.",
     "Expose a trained model as an HTTP or gRPC service that answers predictions with low latency."),
    ("Monitorización de modelos", "Model monitoring",
     "Vigilan los modelos en producción (calidad, deriva de datos, latencia, errores) y avisan cuando algo se degrada.",
     "Watch models in production (quality, data drift, latency, errors) and raise alerts when something degrades."),
    ("Operación de LLM (LLMOps)", "LLM operations (LLMOps)",
     "Herramientas para construir, evaluar, servir y observar aplicaciones con grandes modelos de lenguaje.",
     "Tools to build, evaluate, serve and observe applications on large language models."),
]
SPANNING_KIND = ("Plataformas de ML", "ML platforms",
                 "Reúnen en un solo producto la mayoría de las etapas del ciclo de vida del ML, de los datos a la monitorización.",
                 "Bring most stages of the ML lifecycle into one product, from data and training to monitoring.")
QUALIFIERS = [("", ""), (" para LLM", " for LLMs"), (" en tiempo real", " in real time"),
              (" en el borde", " at the edge"), (" para visión", " for vision")]

NAME_HEADS = ["Data", "Model", "Feature", "Flow", "Stream", "Vector", "Neural", "Deep", "Auto", "Hyper", "Lake",
              "Graph", "Metric", "Drift", "Label", "Serve", "Pipe", "Kube", "Tensor", "Spark", "Quant", "Ray",
              "Sky", "Iron", "Blue", "Nova", "Astra", "Orbit", "Pulse", "Açaí", "Cédar", "Zephyr"]
NAME_TAILS = ["Hub", "Forge", "Ops", "Lab", "Kit", "Base", "Track", "Store", "Guard", "Scope", "Sense", "Mesh",
              "Works", "Board", "Pilot", "Loop", "Stack", "Cast", "Link", "Gate", "Deck", "Vault"]
NAME_EXTRAS = ["AI", "ML", "Cloud", "Studio", "Platform", "Server", "Enterprise", "Lite"]
TLDS = ["io", "ai", "dev", "com", "org"]
STEWARDS = ["{name} Inc.", "{name} Labs", "{name} community", "{name} GmbH", "Apache Software Foundation",
            "Linux Foundation (LF AI & Data)", "Cloud Native Computing Foundation", "{name} Technologies Ltd."]

# Licence per model, weighted like the real catalog (mostly Apache-2.0 and MIT, a tail of others).
LICENSES = {
    "open-source": ["Apache-2.0"] * 12 + ["MIT"] * 5 + ["BSD-3-Clause", "BSD-2-Clause", "MPL-2.0",
                                                      "AGPL-3.0-only", "GPL-3.0-or-later", "LGPL-3.0-only"],
    "open-core": ["Apache-2.0", "Apache-2.0", "MIT", "Apache-2.0 AND SSPL-1.0", "AGPL-3.0-only AND Apache-2.0"],
    "source-available": ["BUSL-1.1", "Elastic-2.0", "SSPL-1.0"],
    "proprietary": ["proprietary"] * 4 + ["Apache-2.0", "MIT"],  # the latter: an open client
}
# Fixed cycles of coprime lengths: realistic proportions, and every value appears even for N = 20.
MODEL_CYCLE = ["open-source", "open-core", "proprietary", "source-available", "open-source", "open-source",
               "proprietary", "open-source", "open-core", "open-source", "open-source", "open-source",
               "proprietary", "open-source", "open-source", "open-core", "open-source", "open-source",
               "open-source"]
DEPLOYMENT_CYCLE = ["self-managed", "both", "managed", "self-managed", "both", "self-managed", "self-managed",
                    "both", "self-managed", "both", "self-managed"]
STATUS_CYCLE = ["active"] * 17 + ["limited-maintenance"] * 3 + ["archived"]

# Paired sentence parts (es, en): a subject, what it does, and extra clauses added until the text is long enough.
SUBJECTS = [("Biblioteca de Python", "Python library"), ("Plataforma gestionada", "Managed platform"),
            ("Servidor de código abierto", "Open-source server"), ("Herramienta de línea de órdenes", "Command-line tool"),
            ("Servicio en la nube", "Cloud service"), ("Marco de trabajo", "Framework"),
            ("Sistema distribuido", "Distributed system"), ("Extensión para Kubernetes", "Kubernetes extension")]
ACTIONS = [
    ("que registra parámetros, métricas y artefactos de cada ejecución", "that records the parameters, metrics and artefacts of every run"),
    ("que sirve modelos entrenados como API HTTP o gRPC con baja latencia", "that serves trained models as HTTP or gRPC APIs with low latency"),
    ("que versiona conjuntos de datos y modelos junto al código en Git", "that versions data sets and models alongside the code in Git"),
    ("que vigila la deriva de datos y la calidad de las predicciones", "that watches data drift and the quality of predictions"),
    ("que define flujos de ML como grafos de tareas con reintentos", "that defines ML workflows as task graphs with retries"),
    ("que busca hiperparámetros con métodos bayesianos y poda temprana", "that searches hyperparameters with Bayesian methods and early pruning"),
    ("que anota imágenes, texto, audio y vídeo con ayuda de modelos", "that annotates images, text, audio and video with model assistance"),
    ("que calcula y sirve características en línea y por lotes", "that computes and serves features both online and in batch"),
]
EXTRAS = [
    (", con integraciones para PyTorch, TensorFlow y scikit-learn", ", with integrations for PyTorch, TensorFlow and scikit-learn"),
    (". Se despliega en Kubernetes o en una sola máquina", ". It runs on Kubernetes or on a single machine"),
    (". Incluye una interfaz web para comparar resultados", ". It includes a web interface to compare results"),
    (", y guarda el historial completo (quién, cuándo y por qué)", ", and keeps the full history (who, when and why)"),
    (". La edición comercial añade control de acceso y soporte", ". The commercial edition adds access control and support"),
    (", compatible con almacenes como S3, GCS o Azure Blob", ", compatible with stores such as S3, GCS or Azure Blob"),
    (". Ofrece un SDK en Python y una API REST", ". It offers a Python SDK and a REST API"),
    (", pensada para equipos que trabajan con modelos de lenguaje", ", aimed at teams that work with language models"),
    (". Las alertas llegan por correo, Slack o webhooks", ". Alerts go out by email, Slack or webhooks"),
    (", con trazabilidad del linaje de datos de extremo a extremo", ", with end-to-end tracing of data lineage"),
    (". Nació en 2019 como proyecto interno y hoy tiene comunidad propia", ". It began in 2019 as an internal project and now has its own community"),
    (", y escala de un portátil a cientos de GPU sin cambiar el código", ", and scales from a laptop to hundreds of GPUs without code changes"),
    (". Los resultados se exportan a Parquet, CSV o JSON", ". Results export to Parquet, CSV or JSON"),
    (", con reglas escritas en YAML o en Python", ", with rules written in YAML or in Python"),
]
NOTES = [("El SDK cliente es de código abierto; el servicio es propietario.",
          "The client SDK is open source; the service is proprietary."),
         ("El núcleo es Apache-2.0; las funciones de empresa tienen licencia comercial.",
          "The core is Apache-2.0; the enterprise features are commercially licensed.")]


def category_count(tools: int) -> int:
    """About one category per 50 tools, at least one."""
    return max(1, round(tools / TOOLS_PER_CATEGORY))


def slug(text: str) -> str:
    """A catalog id from a name: 'Açaí Hub AI' -> 'acai-hub-ai'."""
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    return re.sub(r"[^a-z0-9]+", "-", plain).strip("-")


def make_categories(count: int) -> dict:
    """categories.yml data: the 5 phases; with 2+ categories the last one is the spanning lane's."""
    regular = count - 1 if count > 1 else count
    categories = []
    for i in range(regular):
        es, en, desc_es, desc_en = CATEGORY_KINDS[i % len(CATEGORY_KINDS)]
        q_es, q_en = QUALIFIERS[(i // len(CATEGORY_KINDS)) % len(QUALIFIERS)]
        round_ = i // (len(CATEGORY_KINDS) * len(QUALIFIERS))
        suffix = f" {round_ + 1}" if round_ else ""
        categories.append({"id": slug(en + q_en + suffix), "phase": PHASES[i * 4 // regular]["id"],
                           "name": {"es": es + q_es + suffix, "en": en + q_en + suffix},
                           "description": {"es": desc_es, "en": desc_en}})
    if count > 1:
        es, en, desc_es, desc_en = SPANNING_KIND
        categories.append({"id": slug(en), "phase": PHASES[-1]["id"], "name": {"es": es, "en": en},
                           "description": {"es": desc_es, "en": desc_en}})
    return {"phases": [dict(p, name=dict(p["name"])) for p in PHASES], "categories": categories}


def make_description(rng: random.Random) -> dict[str, str]:
    """A bilingual description, 200-300 characters in each language when the parts allow."""
    subject, action = rng.choice(SUBJECTS), rng.choice(ACTIONS)
    es, en = f"{subject[0]} {action[0]}", f"{subject[1]} {action[1]}"
    for extra_es, extra_en in rng.sample(EXTRAS, len(EXTRAS)):
        if min(len(es), len(en)) >= 200:
            break
        if max(len(es) + len(extra_es), len(en) + len(extra_en)) < 300:
            es, en = es + extra_es, en + extra_en
    return {"es": es + ".", "en": en + "."}


def make_names(count: int, rng: random.Random) -> list[str]:
    """`count` tool names, unique by id and by case- and accent-folded form."""
    names, seen = [], set()
    while len(names) < count:
        head, tail = rng.choice(NAME_HEADS), rng.choice(NAME_TAILS)
        style = rng.randrange(4)
        name = [f"{head}{tail}", f"{head} {tail}", f"{head.lower()}{tail.lower()}",
                f"{head} {tail} {rng.choice(NAME_EXTRAS)}"][style]
        if len(seen) > len(NAME_HEADS) * len(NAME_TAILS):  # past the easy combinations: number them
            name += f" {len(names)}"
        key = slug(name)
        if key not in seen:
            seen.add(key)
            names.append(name)
    return names


def make_tool(i: int, name: str, categories: list[str], weights: list[float], rng: random.Random,
              checked: dt.date) -> dict:
    """One tool file's data, with the optional fields present in realistic proportions."""
    tool_id = slug(name)
    model = MODEL_CYCLE[i % len(MODEL_CYCLE)]
    tld = TLDS[i % len(TLDS)]
    category = rng.choices(categories, weights)[0]
    data: dict = {"id": tool_id, "name": name, "category": category}
    others = [c for c in categories if c != category]
    if others and rng.random() < 0.3:
        data["also_in"] = rng.sample(others, min(len(others), 1 if rng.random() < 0.8 else 2))
    data["homepage"] = f"https://{tool_id}.{tld}/"
    if model != "proprietary" or rng.random() < 0.3:
        data["repository"] = f"https://github.com/{tool_id}-org/{tool_id}"
    if rng.random() < 0.95:
        data["docs"] = rng.choice([f"https://docs.{tool_id}.{tld}/", f"https://{tool_id}.readthedocs.io/en/latest/"])
    data["license"] = rng.choice(LICENSES[model])
    if model in ("open-core", "proprietary") or rng.random() < 0.2:
        note = rng.choice(NOTES)
        data["license_note"] = {"es": note[0], "en": note[1]}
    changes = []
    if model == "source-available" and rng.random() < 0.5:
        changes.append({"date": f"20{rng.randint(18, 24)}-0{rng.randint(1, 9)}", "kind": "license",
                        "from": "Apache-2.0", "to": data["license"], "source": f"https://{tool_id}.{tld}/blog/licence"})
    data["model"] = model
    data["deployment"] = DEPLOYMENT_CYCLE[i % len(DEPLOYMENT_CYCLE)]
    data["steward"] = rng.choice(STEWARDS).format(name=name)
    data["status"] = STATUS_CYCLE[i % len(STATUS_CYCLE)]
    if rng.random() < 0.07:
        data["former_names"] = [f"{name} Classic"]
        changes.append({"date": f"20{rng.randint(18, 25)}-1{rng.randint(0, 2)}-0{rng.randint(1, 9)}", "kind": "name",
                        "from": f"{name} Classic", "to": name, "source": f"https://{tool_id}.{tld}/blog/new-name"})
    if data["status"] in ("archived", "limited-maintenance"):
        changes.append({"date": f"2025-0{rng.randint(1, 9)}", "kind": "status", "from": "active",
                        "to": data["status"], "source": f"https://{tool_id}.{tld}/blog/status"})
    if changes:
        data["changes"] = changes
    data["added"] = (checked - dt.timedelta(days=rng.randint(0, 400))).isoformat()
    data["description"] = make_description(rng)
    data["checked"] = checked.isoformat()
    sources = [f"https://pypi.org/project/{tool_id}/", f"https://github.com/{tool_id}-org/{tool_id}/blob/main/LICENSE",
               f"https://{tool_id}.{tld}/pricing", f"https://{tool_id}.{tld}/blog/licence"]
    facts = [f for f in ("name", "former_names", "license", "model", "deployment", "steward", "status", "successor")
             if data.get(f)]
    chosen = sources[: rng.choice([1, 2, 2, 2, 3, 3, 4])]
    # Every fact supported, as the checker requires: the first source backs all, the others a part.
    data["sources"] = [{"url": url, "supports": facts if n == 0 else facts[n::2] or facts[:1]}
                       for n, url in enumerate(chosen)]
    return data


def make_catalog(tools: int, seed: int = 0) -> tuple[dict, list[dict]]:
    """Deterministic categories.yml data and tool data for a catalog of `tools` tools.

    Tools spread over categories with a mild skew (the first category about three
    times the last), like a real catalog. A few deprecated or renamed tools name
    another tool as successor, so cross-page links are built and checked too.
    """
    rng = random.Random(seed * 100_003 + tools)
    categories = make_categories(category_count(tools))
    ids = [c["id"] for c in categories["categories"]]
    weights = [1 / (1 + 0.05 * i) for i in range(len(ids))]
    checked = dt.date.today() - dt.timedelta(days=30)
    data = [make_tool(i, name, ids, weights, rng, checked) for i, name in enumerate(make_names(tools, rng))]
    for i in range(7, len(data), 97):  # about 1 % deprecated or renamed, pointing at the next tool
        data[i]["status"] = "renamed" if i % 2 else "deprecated"
        data[i]["successor"] = data[(i + 1) % len(data)]["id"]
        data[i]["sources"][0]["supports"] = [*data[i]["sources"][0]["supports"], "successor"]
        data[i]["changes"] = [c for c in data[i].get("changes", []) if c["kind"] != "status"]
    return categories, data


def dump_yaml(data: dict, schema: str) -> str:
    header = f"# yaml-language-server: $schema={schema}\n"
    return header + yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=100)


# --- Synthetic project ------------------------------------------------------------------------

CHAPTER = {  # stand-ins for docs/<lang>/mlops-tools.md, whose anchors name real tools
    "es": ("Herramientas MLOps", "Qué problema resuelve cada tipo de herramienta MLOps, en un diagrama por fase.",
           "El [mapa de herramientas](landscape/index.md) presenta todas las categorías."),
    "en": ("MLOps tools", "The problem each kind of MLOps tool solves, in one diagram by phase.",
           "The [tool landscape](landscape/index.md) presents every category."),
}


@dataclass
class Synthetic:
    """A synthetic project on disk: its root, its size, and the tool the regeneration edits."""

    root: Path
    tools: int
    categories: int
    edited_tool: str


def make_project(root: Path, tools: int) -> Synthetic:
    """Copy the project's configuration, theme, hook and hand-written pages; write a synthetic catalog."""
    shutil.copy(ROOT / "mkdocs.yml", root / "mkdocs.yml")
    shutil.copy(ROOT / "CONTRIBUTING.md", root / "CONTRIBUTING.md")  # docs/en/contributing.md includes it
    shutil.copytree(ROOT / "overrides", root / "overrides")
    (root / "scripts").mkdir()
    shutil.copy(ROOT / "scripts" / "mkdocs_hook.py", root / "scripts" / "mkdocs_hook.py")
    shutil.copytree(ROOT / "docs", root / "docs", ignore=_generated_docs)
    for lang, (title, description, link) in CHAPTER.items():
        (root / "docs" / lang / "mlops-tools.md").write_text(
            f"---\ntitle: {title}\ndescription: {description}\n---\n\n# {title}\n\n"
            f'--8<-- "{lang}/landscape/_diagram.html"\n\n{link}\n', encoding="utf-8")
    shutil.copytree(ROOT / "catalog" / "schema", root / "catalog" / "schema")
    categories, data = make_catalog(tools)
    (root / "catalog" / "categories.yml").write_text(
        dump_yaml(categories, "schema/categories.schema.json"), encoding="utf-8")
    (root / "catalog" / "tools").mkdir()
    for tool in data:
        (root / "catalog" / "tools" / f"{tool['id']}.yml").write_text(
            dump_yaml(tool, "../schema/tool.schema.json"), encoding="utf-8")
    config = (root / "mkdocs.yml").read_text(encoding="utf-8")
    engine = re.sub(r"^hooks:\n(?:[ \t]+-.*\n)+", "", config, flags=re.MULTILINE)
    if engine == config:
        raise SystemExit("benchmark: found no `hooks:` entry in mkdocs.yml to leave out of the engine build")
    (root / ENGINE_CONFIG).write_text(engine, encoding="utf-8")
    edited = next((t for t in data if t.get("also_in")), data[len(data) // 2])
    return Synthetic(root, tools, len(categories["categories"]), edited["id"])


def _generated_docs(folder: str, names: list[str]) -> set[str]:
    """copytree filter: leave out docs/<lang>/landscape/ and docs/schema/, which the generator writes."""
    top = Path(folder).resolve() == (ROOT / "docs").resolve()
    return {n for n in names if (n == "schema" and top) or (n == "landscape" and not top)}


def clean_generated(root: Path) -> None:
    """Remove every generated page, diagram and schema copy, and both built sites."""
    for relative in GENERATED:
        shutil.rmtree(root / "docs" / relative, ignore_errors=True)
    for site in (SITE, ENGINE_SITE):
        shutil.rmtree(root / site, ignore_errors=True)


# --- Measuring ----------------------------------------------------------------------------------

@dataclass
class Run:
    """One child process: wall time, CPU time (user + system), peak resident memory, exit status, output."""

    seconds: float
    cpu_seconds: float
    max_rss_mb: float
    returncode: int
    stdout: str
    stderr: str


def run_measured(args: list[str], cwd: Path, log: Path) -> Run:
    """Run `args` to completion; time it with perf_counter and read its own max RSS with wait4."""
    with open(log.with_suffix(".out"), "w+b") as out, open(log.with_suffix(".err"), "w+b") as err:
        start = time.perf_counter()
        process = subprocess.Popen(args, cwd=cwd, env=ENV, stdout=out, stderr=err)
        _, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - start
        process.returncode = os.waitstatus_to_exitcode(status)  # reaped here, so Popen must not wait
        out.seek(0), err.seek(0)
        return Run(seconds, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, process.returncode,
                   out.read().decode("utf-8", "replace"), err.read().decode("utf-8", "replace"))


def checked_run(args: list[str], cwd: Path, log: Path, what: str) -> Run:
    """run_measured, stopping the benchmark with the tail of stderr when the command fails."""
    run = run_measured(args, cwd, log)
    if run.returncode != 0:
        raise SystemExit(f"benchmark: {what} failed (exit {run.returncode}):\n{run.stderr[-4000:]}")
    return run


def measure_generator(project: Synthetic, log: Path) -> dict:
    """(a), (d), (e): run the generator in a fresh process on a clean tree; returns the child's JSON report."""
    clean_generated(project.root)
    run = checked_run([sys.executable, __file__, "--generator-child", str(project.root), project.edited_tool],
                      project.root, log, "the generator")
    report = json.loads(run.stdout.strip().splitlines()[-1])
    report["process_max_rss_mb"] = run.max_rss_mb
    return report


def generator_child(root: Path, edited_tool: str) -> None:
    """In a fresh interpreter: time a cold generation, then a rerun after one tool's description changes.

    Prints one JSON line: seconds, a breakdown by pipeline step (the steps are
    wrapped with timers in landscape.generate's namespace; no generator file
    changes), the files written, and ru_maxrss before and after.
    """
    import resource

    import landscape.generate as pipeline
    from landscape.generate import Generator, Project

    steps: dict[str, float] = {}
    for name in ("load_catalog", "render_diagram", "render_pages", "sync_folder"):
        setattr(pipeline, name, _timed(getattr(pipeline, name), name, steps))
    import pygraphviz  # Graphviz's layout alone, inside render_diagram (both languages, with the social cards)
    pygraphviz.AGraph.layout = _timed(pygraphviz.AGraph.layout, "layout", steps)
    edit_base = (yaml.safe_load((root / "mkdocs.yml").read_text(encoding="utf-8")).get("extra") or {}).get(
        "catalog_edit_uri")  # what the hook passes, so (a) writes the same bytes as (b)
    rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    start = time.perf_counter()
    generator = Generator(Project(root), edit_base)  # kept, as the MkDocs hook keeps it under `mkdocs serve`
    first = generator.run()
    seconds = time.perf_counter() - start
    rss_after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    cold_steps = dict(steps)

    path = root / "catalog" / "tools" / f"{edited_tool}.yml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data["description"] = {lang: text.rstrip(".") + f" (edited {time.time_ns()})." for lang, text in
                           data["description"].items()}
    path.write_text(dump_yaml(data, "../schema/tool.schema.json"), encoding="utf-8")
    steps.clear()
    start = time.perf_counter()
    second = generator.run()
    regen_seconds = time.perf_counter() - start
    print(json.dumps({
        "seconds": seconds, "files": len(first.written), "steps": cold_steps,
        "regen_seconds": regen_seconds, "regen_steps": dict(steps),
        "regen_written": [Path(p).relative_to(root).as_posix() for p in second.written],
        "rss_before_mb": rss_before, "rss_after_mb": rss_after,
    }))


def _timed(function, name: str, totals: dict[str, float]):
    """`function`, adding the seconds of each call to totals[name]."""
    def wrapper(*args, **kwargs):
        start = time.perf_counter()
        try:
            return function(*args, **kwargs)
        finally:
            totals[name] = totals.get(name, 0.0) + time.perf_counter() - start
    return wrapper


def measure_full_build(project: Synthetic, log: Path) -> Run:
    """(b), (e): `mkdocs build --strict` from a clean generated state, so the hook generates."""
    clean_generated(project.root)
    return checked_run([sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", SITE],
                       project.root, log, "mkdocs build --strict")


def measure_engine_build(project: Synthetic, log: Path) -> Run:
    """(c): the same build with the generated pages in place and no hook (run after a full build)."""
    shutil.rmtree(project.root / ENGINE_SITE, ignore_errors=True)
    return checked_run([sys.executable, "-m", "mkdocs", "build", "--strict", "-f", ENGINE_CONFIG,
                        "--site-dir", ENGINE_SITE], project.root, log, "the engine-only mkdocs build")


def site_sizes(site: Path) -> dict:
    """(f) and context: the largest HTML page, the inline diagram, the search index, the whole site."""
    html = sorted(site.rglob("*.html"), key=lambda p: p.stat().st_size)
    largest = html[-1]
    index = site / "search" / "search_index.json"
    return {
        "largest_html": largest.relative_to(site).as_posix(), "largest_html_kb": largest.stat().st_size / 1024,
        "html_pages": len(html),
        "tool_pages": sum(1 for p in html if p.name == "index.html" and p.parent.parent.name == "tools"
                          and p.parent.parent.parent.name == "landscape"),
        "search_es_kb": _size_kb(index), "search_en_kb": _size_kb(site / "en" / index),
        "largest_category_html_kb": max((p.stat().st_size for p in html
                                         if "landscape" in p.parts and p.parent.name != "landscape"),
                                        default=0) / 1024,
        "svg_kb": _size_kb(site / "landscape" / "landscape.svg"),
        "search_index_kb": _size_kb(index) + _size_kb(site / "en" / index),
        "site_mb": sum(p.stat().st_size for p in site.rglob("*") if p.is_file()) / 2**20,
    }


def _size_kb(path: Path) -> float:
    return path.stat().st_size / 1024 if path.is_file() else 0.0


@dataclass
class Result:
    """Everything measured for one size (medians when repeated)."""

    tools: int
    categories: int
    generator: dict
    generator_s: float
    regen_s: float
    full_s: float
    engine_s: float
    full_cpu_s: float
    engine_cpu_s: float
    full_rss_mb: float
    engine_rss_mb: float
    sizes: dict = field(default_factory=dict)


def benchmark_size(tools: int, workdir: Path, repeat: int) -> Result:
    """Build the synthetic project for `tools` tools and measure (a) to (f), each `repeat` times."""
    root = workdir / f"n{tools}"
    root.mkdir()
    project = make_project(root, tools)
    logs = workdir / "logs"
    logs.mkdir(exist_ok=True)
    progress(f"N={tools}: {project.categories} categories, project in {root}")
    generators, fulls, engines = [], [], []
    for r in range(repeat):
        progress(f"N={tools}: generator (run {r + 1}/{repeat})")
        generators.append(measure_generator(project, logs / f"n{tools}-generator-{r}"))
    for r in range(repeat):
        progress(f"N={tools}: full build (run {r + 1}/{repeat})")
        fulls.append(measure_full_build(project, logs / f"n{tools}-full-{r}"))
    sizes = site_sizes(root / SITE)
    for r in range(repeat):
        progress(f"N={tools}: engine-only build (run {r + 1}/{repeat})")
        engines.append(measure_engine_build(project, logs / f"n{tools}-engine-{r}"))
    return Result(
        tools=tools, categories=project.categories, generator=generators[-1],
        generator_s=statistics.median(g["seconds"] for g in generators),
        regen_s=statistics.median(g["regen_seconds"] for g in generators),
        full_s=statistics.median(r.seconds for r in fulls), engine_s=statistics.median(r.seconds for r in engines),
        full_cpu_s=statistics.median(r.cpu_seconds for r in fulls),
        engine_cpu_s=statistics.median(r.cpu_seconds for r in engines),
        full_rss_mb=max(r.max_rss_mb for r in fulls), engine_rss_mb=max(r.max_rss_mb for r in engines),
        sizes=sizes)


# --- Report ---------------------------------------------------------------------------------------

def markdown_table(headers: list[str], rows: list[list[str]]) -> str:
    lines = ["| " + " | ".join(headers) + " |", "|" + "|".join(" ---: " for _ in headers) + "|"]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return "\n".join(lines)


def main_table(results: list[Result]) -> str:
    headers = ["N", "tools", "categories", "generator s", "full build s", "engine build s", "generator/full %",
               "full/engine ratio", "regen s", "files rewritten", "peak MB (build)", "largest HTML kB",
               "HTML pages (tool pages)", "search index kB es / en"]
    rows = [[f"{r.tools:,}", str(r.tools), str(r.categories), f"{r.generator_s:.2f}", f"{r.full_s:.2f}",
             f"{r.engine_s:.2f}", f"{100 * r.generator_s / r.full_s:.0f}", f"{r.full_s / r.engine_s:.2f}",
             f"{r.regen_s:.2f}", str(len(r.generator["regen_written"])), f"{r.full_rss_mb:.0f}",
             f"{r.sizes['largest_html_kb']:.0f}", f"{r.sizes['html_pages']:,} ({r.sizes['tool_pages']:,})",
             f"{r.sizes['search_es_kb']:,.0f} / {r.sizes['search_en_kb']:,.0f}"] for r in results]
    return markdown_table(headers, rows)


def details_table(results: list[Result]) -> str:
    headers = ["N", "full build CPU s", "engine build CPU s", "load+check s", "diagram s", "layout s", "render s", "write s", "generated files", "gen peak MB",
               "gen growth MB", "engine peak MB", "largest HTML", "category page kB", "SVG kB",
               "search index kB", "site MB"]
    rows = []
    for r in results:
        g, s, steps = r.generator, r.sizes, r.generator["steps"]
        rows.append([f"{r.tools:,}", f"{r.full_cpu_s:.2f}", f"{r.engine_cpu_s:.2f}", f"{steps.get('load_catalog', 0):.2f}", f"{steps.get('render_diagram', 0):.2f}",
                     f"{steps.get('layout', 0):.2f}", f"{steps.get('render_pages', 0):.2f}", f"{steps.get('sync_folder', 0):.2f}", str(g["files"]),
                     f"{g['process_max_rss_mb']:.0f}", f"{g['rss_after_mb'] - g['rss_before_mb']:.0f}",
                     f"{r.engine_rss_mb:.0f}", s["largest_html"], f"{s['largest_category_html_kb']:.0f}",
                     f"{s['svg_kb']:.0f}", f"{s['search_index_kb']:.0f}", f"{s['site_mb']:.1f}"])
    return markdown_table(headers, rows)


def ratios(results: list[Result], big: int = 2000, small: int = 200) -> str:
    """Growth from `small` to `big` tools, when both sizes were run ('' otherwise)."""
    by_size = {r.tools: r for r in results}
    if big not in by_size or small not in by_size:
        return ""
    b, s = by_size[big], by_size[small]
    parts = [f"- full build({big})/full build({small}): {b.full_s / s.full_s:.1f}×",
             f"- engine build({big})/engine build({small}): {b.engine_s / s.engine_s:.1f}×",
             f"- generator({big})/generator({small}): {b.generator_s / s.generator_s:.1f}×",
             f"- tools grew {big / small:.0f}×; peak build memory grew {b.full_rss_mb / s.full_rss_mb:.1f}×"]
    return "\n".join(parts)


def report(results: list[Result], repeat: int) -> str:
    """The whole Markdown report."""
    note = "each timing once" if repeat == 1 else f"median of {repeat} runs"
    out = [f"## Landscape benchmark ({note}; Python {sys.version.split()[0]}, {os.cpu_count()} CPUs)", "",
           main_table(results), "",
           "generator/full %: share of the full build spent in generate(); full/engine: full build over the "
           "build without the hook. Peak MB: max RSS of the full build process.", "",
           "### Details", "", details_table(results), "",
           "CPU s: user + system time of the build process, steadier than wall time on a busy machine. "
           "Steps of the cold generate() (load+check includes loading the SPDX licence list; diagram: both "
           "languages' SVG, PNG and social card, of which layout is Graphviz's layout alone); "
           "gen peak MB: max RSS of the generator process; category page kB: largest category page.", ""]
    for r in results:
        out.append(f"- N={r.tools:,}: regeneration wrote {', '.join(r.generator['regen_written']) or 'nothing'}")
    growth = ratios(results)
    if growth:
        out += ["", "### Growth from 200 to 2,000 tools", "", growth]
    return "\n".join(out)


def progress(message: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0],
                                     epilog="Prints a Markdown table on stdout; progress on stderr.")
    parser.add_argument("--sizes", type=int, nargs="+", default=list(DEFAULT_SIZES), metavar="N",
                        help="catalog sizes in tools (default: 20 200 2000)")
    parser.add_argument("--repeat", type=int, default=1, metavar="R",
                        help="run each timing R times and report the median (default: 1)")
    parser.add_argument("--keep", action="store_true", help="keep the temporary projects and logs, and print where")
    parser.add_argument("--generator-child", nargs=2, metavar=("ROOT", "TOOL"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if any(n < 1 for n in args.sizes) or args.repeat < 1:
        parser.error("sizes and --repeat must be at least 1")
    args.sizes = list(dict.fromkeys(args.sizes))  # each size once, in the order given
    return args


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    if args.generator_child:
        generator_child(Path(args.generator_child[0]), args.generator_child[1])
        return 0
    workdir = Path(tempfile.mkdtemp(prefix="landscape-benchmark-"))
    try:
        results = [benchmark_size(n, workdir, args.repeat) for n in args.sizes]
        print(report(results, args.repeat))
    finally:
        if args.keep:
            progress(f"kept the projects and logs in {workdir}")
        else:
            shutil.rmtree(workdir, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
