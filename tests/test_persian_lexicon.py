"""The compiled lexicon (pickled tables) must match the sources, or every process pays the parse."""

from __future__ import annotations

import itertools

from khabar.persian import lexicon
from khabar.persian.zwnj import ZwnjRepairer


def test_compiled_tables_are_current() -> None:
    compiled = lexicon._compiled(lexicon._digest())
    assert compiled is not None, "run: python tools/build_lexicon.py --compile"
    assert compiled == lexicon.parse()


def test_solved_words_match_the_rules() -> None:
    """The build-time table gives what the rules give now (every 50th entry, both kinds)."""
    compiled = lexicon._compiled(lexicon._digest())
    assert compiled is not None
    fresh = ZwnjRepairer(lexicon.parse())
    sample = list(itertools.islice(compiled.solved.items(), 0, None, 50))
    assert len(sample) > 1000
    assert any(word != fixed for word, fixed in sample)
    assert [fresh.fix_token(word) for word, _ in sample] == [fixed for _, fixed in sample]
    unlisted = [w for w in itertools.islice(compiled.counts, 0, None, 100) if w not in compiled.solved]
    assert len(unlisted) > 1000
    assert [fresh.fix_token(word) for word in unlisted] == unlisted  # absent means unchanged


def test_stale_digest_falls_back_to_parsing() -> None:
    assert lexicon._compiled("not the digest of the sources") is None


def test_load_gives_known_words() -> None:
    lex = lexicon.load()
    assert lex.known("کتاب")
    assert lex.zwnj["رئیسجمهور"][0] == "رئیس\u200cجمهور"
