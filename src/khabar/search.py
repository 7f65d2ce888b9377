"""The search query language, parsed into a backend-neutral tree.

A query is words, "phrases" (also «guillemets»), ``OR`` between two items, ``-`` before an item to
exclude it and ``*`` after a word for a prefix. Words are turned into search keys by the one key
function of :mod:`khabar.persian` (the same one the index uses), so every spelling variant of a word
meets the others. Each backend compiles the tree to its own form (Tantivy queries, a tsquery).

The parser is hand-written because the grammar is tiny and must run the Persian key function on runs
of words (repair needs the neighbours to join «همکاری های»); no query library does that.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from importlib import import_module
from typing import Literal, cast

from khabar.data.search_affixes import MIN_STEM, PLURAL_ENDINGS, PREFIXES, SUFFIXES
from khabar.errors import QueryError

Sort = Literal["relevance", "date"]

# ------------------------------------------------------------------ keys

_ARABIC_FORMS = str.maketrans({
    "ي": "ی", "ى": "ی", "ك": "ک", "ۀ": "ه", "ة": "ه", "ئ": "ی", "ؤ": "و", "أ": "ا", "إ": "ا", "ٱ": "ا",
    "\u0640": None, "\u200c": None, "\u200d": None, "\u200e": None, "\u200f": None,
    **{chr(c): None for c in range(0x064B, 0x0660)}, "\u0670": None,
    **dict(zip("۰۱۲۳۴۵۶۷۸۹", "0123456789", strict=True)),
    **dict(zip("٠١٢٣٤٥٦٧٨٩", "0123456789", strict=True)),
})
#: The izafe written after a silent ه as ۀ, ه‌ی or ه ی: all fold to the bare word.
_IZAFE = re.compile("ه(?:\u200c| )ی(?![\\w\u200c])")
_WORD = re.compile(r"[^\W_]+")


def _fallback_fold(text: str) -> str:
    """Stand-in when khabar.persian's key functions are missing: NFKC, no ZWNJ, one letter form."""
    return unicodedata.normalize("NFKC", text.replace("ۀ", "ه")).translate(_ARABIC_FORMS).casefold()


_PLURAL_ENDINGS = dict(PLURAL_ENDINGS)
_PLURAL = re.compile("(?:" + "|".join(ending for ending, _ in PLURAL_ENDINGS) + r")(?!\S)")


def _fold_plurals(key: str) -> str:
    """خانه‌های / خانه‌هایی → خانه‌ها in a folded key (see PLURAL_ENDINGS): one C-level pass."""
    return _PLURAL.sub(lambda m: _PLURAL_ENDINGS[m.group()], key) if "ها" in key else key


def _fallback_tokens(text: str) -> list[str]:
    return _fold_plurals(" ".join(_WORD.findall(_fallback_fold(_prefold(text))))).split()


@lru_cache(maxsize=1)
def _key_functions() -> tuple[Callable[[str], list[str]], Callable[[str], list[str]], int]:
    """(query tokens, document tokens, key version): khabar.persian's keys when present, else the fallback."""
    try:
        persian = import_module("khabar.persian")
        search_key = cast(Callable[[str], str], persian.search_key)
        fold_key = cast(Callable[[str], str], persian.fold_key)
        version = int(persian.SEARCH_KEY_VERSION)
    except (ImportError, AttributeError):
        return _fallback_tokens, _fallback_tokens, 0

    def query(text: str) -> list[str]:
        return _fold_plurals(search_key(_prefold(text))).split()

    def document(text: str) -> list[str]:
        return _fold_plurals(fold_key(_prefold(text))).split()

    return query, document, version


#: Bumped when the local pre-folding below changes (so the index is rebuilt).
_LOCAL_RULES_VERSION = 2


def key_version() -> int:
    """The version of the key functions; a store whose index was built with another one reindexes."""
    return _key_functions()[2] * 100 + _LOCAL_RULES_VERSION


def _prefold(text: str) -> str:
    """The izafe after silent ه written as its own word (خانه ی) folds like ۀ and ه‌ی do."""
    if "ه ی" in text or "ه\u200cی" in text:
        text = _IZAFE.sub("ه", text)
    return text


#: Distinct words whose key tokens are remembered (news vocabulary is Zipfian: most words repeat).
WORD_CACHE = 1 << 18


class _WordKeys(dict[str, str]):
    """word → its key tokens joined by spaces ('' when it has none), folded on a miss: a plain
    dict's hits cost a third of lru_cache's bookkeeping, and ingest looks up every word of every
    article. Joined strings rather than token tuples: a text's key is then one C-level join of
    the words' keys (two fifths of the cost of chaining tuples). Emptied when full."""

    def __missing__(self, word: str) -> str:
        if len(self) >= WORD_CACHE:
            self.clear()
        key = " ".join(_key_functions()[1](word))
        key = self[word] = word if key == word else key  # most words are their own key: no copy
        return key


_WORD_KEYS = _WordKeys()


def document_key(text: str) -> str:
    """The index form of stored (already repaired) text: its key tokens joined by single spaces.

    Folding stored text is word-local once the izafe written apart (خانه ی) is joined, so each
    whitespace-separated word is folded once and remembered: ingest folds each distinct word of a
    corpus once instead of every article's whole text (3x faster at ingest). Checked equal to
    folding the whole text by a property test.
    """
    return " ".join(filter(None, map(_WORD_KEYS.__getitem__, _prefold(text).split())))


def document_tokens(text: str) -> list[str]:
    """Search-key tokens of stored text: what the index holds (see document_key)."""
    return document_key(text).split()


def query_tokens(text: str) -> list[str]:
    """Search-key tokens of text a user typed (repaired first, then folded)."""
    return _key_functions()[0](text)


# ------------------------------------------------------------------ the tree


@dataclass(frozen=True)
class Phrase:
    """Consecutive key tokens (one token = a plain word); ``prefix``: the last one is a prefix."""

    words: tuple[str, ...]
    prefix: bool = False


@dataclass(frozen=True)
class AnyOf:
    items: tuple[Node, ...]


@dataclass(frozen=True)
class AllOf:
    items: tuple[Node, ...]


Node = Phrase | AnyOf | AllOf


@dataclass(frozen=True)
class Query:
    """A parsed query: what must match, what must not, and the key tokens to highlight."""

    include: Node
    exclude: tuple[Node, ...] = ()
    highlights: tuple[tuple[str, bool], ...] = ()  # (key token, is prefix)


@dataclass(frozen=True)
class Filters:
    """Filters shared by search, browsing and export. Dates are inclusive days."""

    section: str | None = None
    source: str | None = None
    author: str | None = None
    since: date | None = None
    until: date | None = None

    def __post_init__(self) -> None:
        if self.since and self.until and self.since > self.until:
            raise QueryError(f"--since {self.since} is after --until {self.until}; swap them")


@dataclass(frozen=True)
class SearchRequest:
    text: str
    section: str | None = None
    source: str | None = None
    author: str | None = None
    since: date | None = None
    until: date | None = None
    sort: Sort = "relevance"
    limit: int = 20
    offset: int = 0
    facets: bool = True
    query: Query = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        if self.sort not in ("relevance", "date"):
            raise QueryError(f"sort must be 'relevance' or 'date', not {self.sort!r}")
        if not 1 <= self.limit <= 1000:
            raise QueryError(f"limit must be between 1 and 1000, not {self.limit}")
        if self.offset < 0:
            raise QueryError(f"offset must be 0 or more, not {self.offset}")
        self.filters  # noqa: B018 - validates the date range
        object.__setattr__(self, "query", parse_query(self.text))

    @property
    def filters(self) -> Filters:
        return Filters(self.section, self.source, self.author, self.since, self.until)


# ------------------------------------------------------------------ parsing

_LEXEME = re.compile(
    r"""(?P<neg>-)?(?:"(?P<dq>[^"]*)"?|«(?P<gq>[^»]*)»?)   # a phrase
      | (?P<or>\bOR\b|\|)
      | (?P<wneg>-)?(?P<word>[^\s"«|]+)""",
    re.VERBOSE,
)


@dataclass(frozen=True)
class _Lexeme:
    kind: Literal["word", "phrase", "or"]
    text: str = ""
    negated: bool = False
    prefix: bool = False


def _lex(text: str) -> list[_Lexeme]:
    out: list[_Lexeme] = []
    for match in _LEXEME.finditer(text):
        if match["or"]:
            out.append(_Lexeme("or"))
        elif match["word"] is not None:
            word = match["word"]
            prefix = word.endswith("*") and len(word.rstrip("*")) > 0
            out.append(_Lexeme("word", word.rstrip("*"), bool(match["wneg"]), prefix))
        else:
            phrase = match["dq"] if match["dq"] is not None else match["gq"]
            out.append(_Lexeme("phrase", phrase or "", bool(match["neg"])))
    return out


def _split_affix(token: str) -> Phrase | None:
    """The spaced spelling of a joined word (همکاریهای → همکاری های), if it has an affix."""
    for suffix in sorted(SUFFIXES, key=len, reverse=True):
        if token.endswith(suffix) and len(token) - len(suffix) >= MIN_STEM:
            return Phrase((token[: -len(suffix)], suffix))
    for prefix in PREFIXES:
        if token.startswith(prefix) and len(token) - len(prefix) >= MIN_STEM:
            return Phrase((prefix, token[len(prefix):]))
    return None


def _joinable(left: str, right: str) -> bool:
    return right in SUFFIXES or left in PREFIXES


def _expand_run(tokens: list[str]) -> list[Node]:
    """Plain words → nodes, offering the joined or spaced form wherever an affix stands alone or joined."""
    nodes: list[Node] = []
    i = 0
    while i < len(tokens):
        token = tokens[i]
        if i + 1 < len(tokens) and _joinable(token, tokens[i + 1]):
            joined = token + tokens[i + 1]
            nodes.append(AnyOf((Phrase((joined,)), Phrase((token, tokens[i + 1])))))
            i += 2
            continue
        split = _split_affix(token)
        nodes.append(AnyOf((Phrase((token,)), split)) if split else Phrase((token,)))
        i += 1
    return nodes


def _joined_phrase(tokens: list[str]) -> tuple[str, ...]:
    out: list[str] = []
    for token in tokens:
        if out and _joinable(out[-1], token):
            out[-1] += token
        else:
            out.append(token)
    return tuple(out)


def _phrase_node(text: str, prefix: bool = False) -> Node | None:
    tokens = query_tokens(text)
    if not tokens:
        return None
    joined = _joined_phrase(tokens)
    first = Phrase(tuple(tokens), prefix)
    if joined != first.words and not prefix:
        return AnyOf((first, Phrase(joined)))
    return first


def _single_node(lexeme: _Lexeme) -> Node | None:
    if lexeme.kind == "phrase" or lexeme.prefix:
        return _phrase_node(lexeme.text, lexeme.prefix)
    nodes = _expand_run(query_tokens(lexeme.text))
    if not nodes:
        return None
    return nodes[0] if len(nodes) == 1 else AllOf(tuple(nodes))


def _highlights(node: Node) -> set[tuple[str, bool]]:
    if isinstance(node, Phrase):
        last = len(node.words) - 1
        return {(word, node.prefix and i == last) for i, word in enumerate(node.words)}
    out: set[tuple[str, bool]] = set()
    for item in node.items:
        out |= _highlights(item)
    return out


def _or_groups(lexemes: list[_Lexeme]) -> list[list[_Lexeme]]:
    """Group the positive lexemes: ``a OR b c`` → [[a, b], [c]]."""
    groups: list[list[_Lexeme]] = []
    join_next = False
    for lexeme in lexemes:
        if lexeme.kind == "or":
            join_next = bool(groups)
            continue
        if join_next:
            groups[-1].append(lexeme)
        else:
            groups.append([lexeme])
        join_next = False
    return groups


def parse_query(text: str) -> Query:
    """Parse a user's query; raises QueryError when nothing is left to search for."""
    lexemes = _lex(text)
    exclude = tuple(n for lx in lexemes if lx.negated and (n := _single_node(lx)) is not None)
    positives = [lx for lx in lexemes if not lx.negated]
    nodes: list[Node] = []
    run: list[str] = []  # plain words keyed together so repair sees their neighbours

    def flush() -> None:
        if run:
            nodes.extend(_expand_run(query_tokens(" ".join(run))))
            run.clear()

    for group in _or_groups(positives):
        if len(group) == 1 and group[0].kind == "word" and not group[0].prefix:
            run.append(group[0].text)
            continue
        flush()
        options = tuple(n for lx in group if (n := _single_node(lx)) is not None)
        if options:
            nodes.append(options[0] if len(options) == 1 else AnyOf(options))
    flush()
    if not nodes:
        raise QueryError("the query has no word to search for; add one (exclusions alone match nothing)")
    include = nodes[0] if len(nodes) == 1 else AllOf(tuple(nodes))
    marks = {(word, prefix) for word, prefix in _highlights(include) if word not in SUFFIXES | PREFIXES}
    return Query(include, exclude, tuple(sorted(marks)))
