"""reportlint: find template residue in reports.

The public API is :func:`lint_text` and :func:`lint_paths`; both are imported
lazily so that ``reportlint --version`` stays cheap.
"""

from __future__ import annotations

__version__ = "0.1.0"

__all__ = ["__version__", "lint_text", "lint_paths", "iter_lint_paths", "load_config", "Config"]


def __getattr__(name: str):
    if name in ("lint_text", "lint_paths", "iter_lint_paths", "lint_document"):
        from . import api

        return getattr(api, name)
    if name in ("load_config", "Config"):
        from . import config

        return getattr(config, name)
    raise AttributeError(f"module 'reportlint' has no attribute {name!r}")
