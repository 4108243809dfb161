"""Where each block of a Word file was read from, for the fixer and the annotator.

Linting never needs this; ``read_docx(record=Recording())`` fills it on request.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, NamedTuple

# What a block was read from, for the fixer and the annotator (see ``read_docx(record=…)``):
# the package member, how the block relates to ``element`` (a paragraph's visible text,
# its hidden or invisible runs, a watermark shape, a document property) and, for
# visible text, (start, end, element) of each character element in the block's text.
PARAGRAPH_ORIGIN, RUNS_ORIGIN, SHAPE_ORIGIN, PROPERTY_ORIGIN = "paragraph", "runs", "shape", "property"


class Origin(NamedTuple):
    member: str
    kind: str
    element: Any  # an lxml element
    spans: tuple[tuple[int, int, Any], ...] = ()
    # the runs of a hidden or invisible layer (none when one also holds a field mark or a
    # drawing: such a layer cannot simply go), a watermark's shape
    targets: tuple = ()


@dataclass
class Recording:
    """Filled by ``read_docx(record=…)``: block line -> Origin, and the parsed part
    trees (member -> root) the origins point into."""

    origins: dict[int, Origin] = field(default_factory=dict)
    trees: dict[str, Any] = field(default_factory=dict)
