"""The MLOps landscape generator: catalog/ (YAML) -> docs/<lang>/landscape/ (Markdown, SVG, PNG).

The path a change follows: source (read YAML safely) -> checks (rules) -> load
(typed Catalog) -> diagram + render (templates) -> write (only what changed).
`generate.generate` runs it all; `cli` wraps it as the `landscape` command.
"""
