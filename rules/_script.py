"""Traditional-script copies of simplified text (什么 written 什麼): the vendor phrase pack is
written in simplified characters, so a page in traditional script is matched after it is
converted to simplified with OpenCC (``t2s``).  Not a rule family.

The converter (about 15 ms to load) is loaded only for a text that holds characters that
exist in traditional script alone; if it cannot be loaded, the text is matched as it is.
"""

from __future__ import annotations

from functools import lru_cache

# Frequent characters that exist only in traditional script (們, 個, 這 …: 们, 个, 这 …).
_TRADITIONAL_ONLY = frozenset(
    "們個這來時說會對國學發經過還與點擊載閱讀權聲檔頁數據網範總結報務記錄產業場開關門問間題頭見優請謝讓識證認議書東"
    "實體寫價購買員應專屬"
)
MIN_TRADITIONAL = 3  # distinct characters: a quoted name or two is not a traditional text


def traditional(chars: set[str] | frozenset[str]) -> bool:
    """Does a text with these characters look written in traditional script?"""
    return len(_TRADITIONAL_ONLY & chars) >= MIN_TRADITIONAL


def to_simplified(text: str) -> str:
    """``text`` in simplified characters (unchanged if the converter cannot be loaded)."""
    converter = _converter()
    return converter.convert(text) if converter is not None else text


@lru_cache(maxsize=1)
def _converter():
    try:
        import opencc

        return opencc.OpenCC("t2s")
    except Exception:  # not installed, or no usable build for this platform
        return None
