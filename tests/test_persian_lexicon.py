"""The compiled lexicon (pickled tables) must match the sources, or every process pays the parse."""

from __future__ import annotations

from khabar.persian import lexicon


def test_compiled_tables_are_current() -> None:
    compiled = lexicon._compiled(lexicon._digest())
    assert compiled is not None, "run: python tools/build_lexicon.py --compile"
    assert compiled == lexicon.parse()


def test_stale_digest_falls_back_to_parsing() -> None:
    assert lexicon._compiled("not the digest of the sources") is None


def test_load_gives_known_words() -> None:
    lex = lexicon.load()
    assert lex.known("کتاب")
    assert lex.zwnj["رئیسجمهور"][0] == "رئیس\u200cجمهور"
