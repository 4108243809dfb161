"""Traditional-script copies of simplified text (什么 written 什麼): the vendor phrase pack is
written in simplified characters, so a page in traditional script is matched after it is
converted to simplified with OpenCC (``t2s``).  Not a rule family.

The converter (about 15 ms to load) is loaded only for a text that holds characters that
exist in traditional script alone; if it cannot be loaded, the text is matched as it is.
"""

from __future__ import annotations

from collections.abc import Callable
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


def simplified_view(doc) -> Callable[[str], str]:
    """For a document in traditional script, a function that gives a text of it in simplified
    characters, of the same length, so that a rule can weigh the words around a token
    (（單位名稱）, 縣（區）, X光檢查) as it does in simplified text and report what it found at
    the same place in the original; for any other document, the text itself."""
    def choose() -> Callable[[str], str]:
        if not traditional(doc.chars()) or _converter() is None:
            return _itself
        return _same_length_simplified

    return doc.memo("_simplified_view", choose)


def _itself(text: str) -> str:
    return text


@lru_cache(maxsize=4096)
def _same_length_simplified(text: str) -> str:
    simplified = to_simplified(text)
    return simplified if len(simplified) == len(text) else text  # (a phrase that changed length: as it is)


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
