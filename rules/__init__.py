"""Rule families.  Each module documents its rules in its docstring and
exports ``RULES``; :data:`MODULES` lists every family explicitly (a test fails
if a module exists that is not listed here)."""

MODULES = (
    "x_slots", "glyph_slots", "placeholders", "choices", "watermarks", "converted", "docx_leftovers", "numbering",
    "sections", "claims", "claim_wording", "suppressions",
)
