"""Chinese word segmentation, loaded only when a rule needs word boundaries.

Two backends implement jieba's algorithm and dictionary: ``rjieba`` (the
default, a Rust port that starts in ~0.2 s) and ``jieba`` (pure Python,
~1.5 s to its first cut).  Both give word spans as code-point offsets.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache

from .errors import ConfigError

BACKENDS = ("rjieba", "jieba")

_loaded: dict[str, Callable[[str], list[tuple[int, int]]]] = {}


def _load(name: str) -> Callable[[str], list[tuple[int, int]]]:
    if name == "rjieba":
        import rjieba

        def spans(text: str) -> list[tuple[int, int]]:
            return [(start, end) for _word, start, end in rjieba.tokenize(text)]

        return spans
    if name == "jieba":
        import logging

        import jieba

        jieba.setLogLevel(logging.WARNING)

        def spans(text: str) -> list[tuple[int, int]]:
            return [(start, end) for _word, start, end in jieba.tokenize(text)]

        return spans
    raise ConfigError(f"unknown segmenter {name!r}: choose one of {', '.join(BACKENDS)}")


def backend(name: str = "rjieba") -> Callable[[str], list[tuple[int, int]]]:
    fn = _loaded.get(name)
    if fn is None:
        try:
            fn = _load(name)
        except ImportError:
            raise ConfigError(
                f"segmenter {name!r} is not installed (pip install {name})"
            ) from None
        _loaded[name] = fn
    return fn


@lru_cache(maxsize=4096)
def _cached(name: str, text: str) -> tuple[tuple[int, int], ...]:
    return tuple(backend(name)(text))


def word_spans(text: str, name: str = "rjieba") -> tuple[tuple[int, int], ...]:
    """Word spans of ``text`` as (start, end) code-point offsets."""
    return _cached(name, text)
