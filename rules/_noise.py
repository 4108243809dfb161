"""Anti-scrape noise, shared by the watermark rules (which report such a line) and the
X-slot rule (an X inside it is a scrap of noise, not a slot)."""

from __future__ import annotations


def noise_line(text: str) -> bool:
    """Anti-scrape noise: a line of short scraps, most of which mix kinds of character — a
    Latin letter and a digit, a digit and a symbol, upper and lower case (``k7 Q2 d+ m9 [3``,
    ``q7 Ld 9] aW 3+ K2``, ``f8 Lq 3z 窗 K2 pT+``); a row of numbers (``12 35 48 90 11``) or
    of initials is not, nor a list of names (``Mr Li Dr Wu``: no digit)."""
    if len(text) > 80:
        return False
    parts = text.split()
    if len(parts) < 5 or any(len(p) > 3 for p in parts):
        return False
    mixed = sum(_mixed_scrap(p) for p in parts)
    letter_digit = sum(any(c.isdigit() for c in p) and any(c.isascii() and c.isalpha() for c in p) for p in parts)
    if letter_digit >= 3 and letter_digit * 3 >= len(parts):
        return True
    if letter_digit >= 2 and mixed >= 4 and mixed * 2 >= len(parts):
        return True  # 4 `# P9 x# N9 b+ @$ k3 X) q
    return letter_digit >= 1 and mixed >= 3 and mixed * 3 >= len(parts) * 2


def _mixed_scrap(part: str) -> bool:
    kinds = {
        "digit" if c.isdigit() else "upper" if c.isupper() else "lower" if c.islower() else "symbol"
        for c in part if c.isascii()
    }
    return len(kinds) >= 2
