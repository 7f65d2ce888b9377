"""The shipped lexicon: word forms with corpus counts, ZWNJ spellings, compounds and verb forms.

Loaded once (``functools.lru_cache``) from ``data/lexicon.tsv.gz`` and ``data/verbs.tsv``, which
``tools/build_lexicon.py`` derives from hazm's and shekar's MIT-licensed word lists. Parsing them
(and dropping damaged corpus spellings) costs every process about a second, so the build tool also
writes ``data/lexicon.compiled.xz``: the finished tables, pickled with a digest of the two source
files. ``load`` uses it when the digest matches and parses the sources otherwise.
"""

from __future__ import annotations

import contextlib
import gzip
import hashlib
import lzma
import math
import pickle
from dataclasses import dataclass, field, replace
from functools import lru_cache
from importlib import resources
from pathlib import Path

from khabar.errors import ConfigError
from khabar.persian.affixes import (
    COMPARATIVE,
    IMPERSONAL_STEMS,
    NUMBERS,
    PAST_ENDINGS,
    PRESENT_ENDINGS,
    SUFFIX_LOOKALIKES,
    ZWNJ_SUFFIXES,
    needs_zwnj,
    pronounced_h,
)
from khabar.persian.characters import ZWNJ


@dataclass(frozen=True)
class Lexicon:
    """Look-up tables; ``counts`` holds forms without ZWNJ, ``zwnj`` maps a joined key to its ZWNJ form."""

    counts: dict[str, int]
    tags: dict[str, str]
    zwnj: dict[str, tuple[str, int]]
    spaced: dict[str, tuple[str, int]]
    verbs: frozenset[str]
    participles: frozenset[str]
    attested: frozenset[str]  # ZWNJ forms in hazm's tagged dictionary, not only in corpus counts
    #: Everything before the last space of a ``spaced`` key, with the first two letters of the
    #: words that follow it there: a pre-check that spares most neighbouring words the look-ups.
    heads: dict[str, frozenset[str]]
    #: Likely tokens' ZWNJ repairs, solved at build time (``write_compiled``): cold text costs a
    #: dictionary look-up per common word instead of scoring its analyses. A listed form (in
    #: ``counts``) that repairs to itself has no entry: absent means unchanged for those.
    solved: dict[str, str] = field(default_factory=dict, compare=False)
    #: ZWNJ forms hazm's dictionary tags as adjectives (حرفه‌ای، هسته‌ای): words of their own.
    adjectives: frozenset[str] = field(default_factory=frozenset, compare=False)
    #: The curated list's forms (``data/compounds.txt``) with the corpus's own count: rules that
    #: weigh corpus spellings (productive tails) read that one, not the list's weight.
    curated: dict[str, int] = field(default_factory=dict, compare=False)

    def logcount(self, word: str) -> float:
        return math.log(self.counts.get(word, 0) + 1)

    def known(self, word: str) -> bool:
        return word in self.counts or word in self.tags


SOURCES = ("lexicon.tsv.gz", "verbs.tsv", "compounds.txt")
#: The rules' code: the solved table is only valid for the code that solved it.
CODE = (
    "affixes.py",
    "characters.py",
    "evidence.py",
    "grammar.py",
    "lexicon.py",
    "pairs.py",
    "phrases.py",
    "ties.py",
    "zwnj.py",
)
COMPILED = "lexicon.compiled.xz"  # xz: a third smaller than gzip and faster to unpack
_FORMAT = 5  # bump when the Lexicon fields change: old compiled files are then ignored


def _raw(name: str) -> bytes:
    try:
        return resources.files("khabar.persian").joinpath("data").joinpath(name).read_bytes()
    except OSError as exc:
        raise ConfigError(f"khabar's lexicon file {name} is missing; reinstall khabar") from exc


def _read(name: str) -> str:
    raw = _raw(name)
    return (gzip.decompress(raw) if name.endswith(".gz") else raw).decode("utf-8")


def _digest() -> str:
    sha = hashlib.sha256(str(_FORMAT).encode())
    for name in SOURCES:
        sha.update(_raw(name))
    package = resources.files("khabar.persian")
    for name in CODE:
        with contextlib.suppress(OSError):  # a zipped install without sources: data digest only
            sha.update(package.joinpath(name).read_bytes())
    return sha.hexdigest()


def _compiled(digest: str) -> Lexicon | None:
    """The pickled tables if they were compiled from the current sources (our own file, not input)."""
    try:
        raw = resources.files("khabar.persian").joinpath("data").joinpath(COMPILED).read_bytes()
        stored, lexicon = pickle.loads(lzma.decompress(raw))
    except (OSError, ValueError, EOFError, lzma.LZMAError, pickle.UnpicklingError, TypeError):
        return None
    return lexicon if stored == digest and isinstance(lexicon, Lexicon) else None


def write_compiled(folder: Path) -> Path:
    """Pickle the parsed tables beside the sources (run by ``tools/build_lexicon.py``)."""
    path = folder / COMPILED
    from khabar.persian.zwnj import ZwnjRepairer  # the rules import this module

    lexicon = parse()
    repairer = ZwnjRepairer(lexicon)
    solved = {}
    for word in _likely_tokens(lexicon):
        fixed = repairer.fix_token(word)
        if len(word) >= 4 and (fixed != word or word not in lexicon.counts):
            solved[word] = fixed  # a listed word repaired to itself needs no entry (see ``solved``)
    payload = pickle.dumps((_digest(), replace(lexicon, solved=solved)), protocol=pickle.HIGHEST_PROTOCOL)
    path.write_bytes(lzma.compress(payload, preset=9))
    return path


def _glided(prefix: str, stem: str) -> str:
    """ب/ن before a stem in آ/ا takes a ی: آ becomes یا (بیاید، نیامد), ا stays after it (بیفکند)."""
    if stem[0] == "آ":
        return prefix + "یا" + stem[1:]
    return prefix + "ی" + stem if stem[0] == "ا" else prefix + stem


def _verb_forms(text: str) -> tuple[frozenset[str], frozenset[str]]:
    forms: set[str] = set()
    participles: set[str] = set()
    for line in text.splitlines():
        past, _, present = line.partition("\t")
        for neg in ("", "ن"):
            if past:
                forms.update(neg + past + e for e in PAST_ENDINGS)
                participles.add(neg + past + "ه")
            if present:
                glides = ("ی",) if present[-1] in "اآ" else ("", "ی") if present[-1] == "و" else ("",)
                forms.update(neg + present + g + e for g in glides for e in PRESENT_ENDINGS)
        if present:  # subjunctive and imperative: بماند، بیاید، بنویسید
            forms.update(_glided("ب", present) + g + e for g in glides for e in PRESENT_ENDINGS)
            if present[0] in "آا":  # the negative glides the same way: نیاید، نیاورند
                forms.update(_glided("ن", present) + g + e for g in glides for e in PRESENT_ENDINGS)
        if past and past[0] in "آا":  # نیامد، نیاوردند
            forms.update(_glided("ن", past) + e for e in PAST_ENDINGS)
    forms.update(participles)
    forms.update(IMPERSONAL_STEMS)
    return frozenset(f for f in forms if len(f) > 1), frozenset(participles)


@lru_cache(maxsize=1)
def load() -> Lexicon:
    """The lexicon: the compiled tables when current, else parsed from the sources."""
    return _compiled(_digest()) or parse()


SOLVED_NOUNS = 30_000  # the most frequent nouns and adjectives get their inflections solved too
#: Endings of those inflections: the unlisted forms cold news text is mostly made of (بیماران،
#: اعضای، تازه‌ای، نگران‌اند، سریع‌تر، کتابش), which would otherwise each be scored at first sight.
SOLVED_ENDINGS = ("ها", "های", "ان", "ی", "ای", "اند", "تر")


def _likely_tokens(lexicon: Lexicon) -> list[str]:
    """Words news text is made of, damaged or not: listed forms, verb forms with and without a
    joined می/نمی, joined ZWNJ spellings, and the joined inflections of the most frequent nouns."""
    verbs = lexicon.verbs
    nominal = [w for w, t in lexicon.tags.items() if "N" in t.split(",") or "AJ" in t.split(",")]
    nominal.sort(key=lambda w: -lexicon.counts.get(w, 0))
    plurals = [w + s for w in nominal[:SOLVED_NOUNS] for s in SOLVED_ENDINGS]
    return [*lexicon.counts, *verbs, *lexicon.zwnj, *("می" + v for v in verbs), *("نمی" + v for v in verbs), *plurals]


def parse() -> Lexicon:
    """Build the tables from ``lexicon.tsv.gz`` and ``verbs.tsv``."""
    counts: dict[str, int] = {}
    tags: dict[str, str] = {}
    zwnj: dict[str, tuple[str, int]] = {}
    spaced: dict[str, tuple[str, int]] = {}
    attested: set[str] = set()
    adjectives: set[str] = set()
    tag_names: dict[str, str] = {}
    for line in _read("lexicon.tsv.gz").splitlines():
        form, count_text, tag = line.split("\t")
        count = int(count_text)
        if ZWNJ in form:
            key = form.replace(ZWNJ, "")
            if key not in zwnj or zwnj[key][1] < count:
                zwnj[key] = (form, count)
            spaced_key = form.replace(ZWNJ, " ")
            if spaced_key not in spaced or spaced[spaced_key][1] < count:
                spaced[spaced_key] = (form, count)
            if tag not in ("", "0", "C"):
                attested.add(form)
            if "AJ" in tag.split(","):
                adjectives.add(form)

            continue
        counts[form] = count
        if tag:
            tags[form] = tag_names.setdefault(tag, tag)  # one object per tag set: a smaller pickle
    dictionary = {w for w, t in tags.items() if t not in ("0", "C")}
    for word in _damaged_forms(counts, zwnj, dictionary, attested, set(tags)):
        counts.pop(word, None)
        tags.pop(word, None)
        if word in zwnj and _must_part(zwnj[word][0]):
            attested.add(zwnj[word][0])  # تازه‌ساز: the only spelling left is the standard's
    curated = _add_curated(_read("compounds.txt"), counts, tags, (zwnj, spaced, attested))
    verbs, participles = _verb_forms(_read("verbs.tsv"))
    starts: dict[str, set[str]] = {}
    for key in spaced:
        head, _, second = key.rpartition(" ")
        starts.setdefault(head, set()).add(second[:2])
    heads = {head: frozenset(two) for head, two in starts.items()}
    return Lexicon(
        counts,
        tags,
        zwnj,
        spaced,
        verbs,
        participles,
        frozenset(attested),
        heads,
        adjectives=frozenset(adjectives),
        curated=curated,
    )


#: A listed compound's weight: enough to count as a compound before a light verb
#: (زمستان‌گذرانی کردند, ``COMPOUND_BEFORE_VERB_MIN`` in pairs.py)...
CURATED_COUNT = 100_000
#: ...except an entry marked ``?``, which also reads as a verb phrase (تازه وارد شدند، آسیب دیده
#: است): weighed like a rare compound, so a light verb or auxiliary after it keeps it apart.
GUARDED_COUNT = 30_000
GUARDED = "?"
#: A curated compound whose joined spelling is no dictionary word drops that spelling as lost
#: ZWNJs, unless the corpus writes it this many times more often: then, as for a dictionary word,
#: joined text keeps it and only a spaced pair takes the ZWNJ (پاسخ گویی → پاسخ‌گویی).
JOINED_VARIANT_MAX = 5
#: Marks an entry whose joined spelling goes even though the dictionary lists it (همزمان, راهحل):
#: the standard's ZWNJ spelling for a word correct text also writes joined. Kept for a handful.
FORCED = "!"


def _add_curated(
    text: str,
    counts: dict[str, int],
    tags: dict[str, str],
    lists: tuple[dict[str, tuple[str, int]], dict[str, tuple[str, int]], set[str]],
) -> dict[str, int]:
    """khabar's own list of news compounds the standard writes with a ZWNJ (``data/compounds.txt``):
    each becomes a dictionary compound counted at least ``CURATED_COUNT`` (``?``: ``GUARDED_COUNT``)
    times, so a rare or unlisted corpus spelling (سنگ‌نگاره 36 times, پیاده‌راه never) is trusted
    like hazm's own. A joined spelling hazm lists as a word (اصولگرا), or one the corpus writes far
    more often (پاسخگویی), stays a word and keeps winning in joined text: correct text writes it so.
    Returns the forms, each with the corpus's own count."""
    zwnj, spaced, attested = lists
    curated: dict[str, int] = {}
    for line in text.splitlines():
        entry = line.split("#", 1)[0].strip()
        forced = entry.endswith(FORCED)
        form = entry.removesuffix(FORCED).removesuffix(GUARDED).strip()
        if ZWNJ not in form:
            continue
        joined = form.replace(ZWNJ, "")
        corpus = zwnj.get(joined, ("", 0))[1]
        weight = GUARDED_COUNT if entry.endswith(GUARDED) else CURATED_COUNT
        dominant = counts.get(joined, 0) > JOINED_VARIANT_MAX * max(corpus, weight)  # پاسخگویی
        if forced or not (dominant or tags.get(joined, "0") not in ("0", "C")):
            counts.pop(joined, None)  # lost ZWNJs: the joined spelling is damage
            tags.pop(joined, None)
        counted = corpus if dominant and not forced else max(corpus, weight)
        zwnj[joined] = (form, counted)  # joined text: a dominant joined spelling keeps winning
        spaced[form.replace(ZWNJ, " ")] = (form, max(corpus, weight))  # a space there is always damage
        attested.add(form)
        curated[form] = corpus
    return curated


def _must_part(form: str) -> bool:
    """Whether the standard writes this hazm compound only with its ZWNJ, so a joined corpus
    spelling lost it: به‌ adverbs (به‌زودی), a first part in silent ه (علاقه‌مندی، صفحه‌آرایی),
    a second part in ا/آ (توهین‌آمیز، گریه‌آور). Numbers (نهصد) and نگه are joined by custom."""
    first, _, second = form.partition(ZWNJ)
    if first == "به" or (second[:1] in ("ا", "آ") and ZWNJ not in second):
        return True
    return first[-1] == "ه" and not pronounced_h(first) and first not in NUMBERS and first != "نگه"


def _parted(form: str, attested: set[str], unlisted: bool) -> bool:
    """Whether a ZWNJ form the lexicon lists is one the standard only parts, so its joined spelling is damage."""
    if not _must_part(form):
        return False
    return form in attested or (unlisted and len(form.split(ZWNJ, 1)[0]) >= 3)


OWN_COMPARATIVE = 10  # X + تر at least a tenth as frequent as X is a word (توییتر), not X's comparative


def _damaged_forms(
    counts: dict[str, int],
    zwnj: dict[str, tuple[str, int]],
    dictionary: set[str],
    attested: set[str],
    tagged: set[str],
) -> list[str]:
    """Corpus forms that are a stem + ZWNJ suffix with the ZWNJ lost (مدلها، خانهشان, میکند).

    The source corpora hold many such damaged spellings; left in, they would vouch for themselves.
    A form not in hazm's tagged dictionary counts as damaged when a ZWNJ spelling of it is more
    frequent or is a hazm compound the standard only parts (``_must_part``) — or any listed ZWNJ form
    the standard only parts when hazm does not list the joined form at all and the first part is
    no short word (تازهساز، توطئهآمیز; not بهیاد، زهکشی) —, or when it is a stem + suffix whose
    stem is frequent enough (a quarter of the form's count) and either the suffix needs a ZWNJ there
    or the stem itself is spelled with one.
    """
    damaged = []
    for word, count in counts.items():
        if word in SUFFIX_LOOKALIKES or word in dictionary:
            continue
        spelled = zwnj.get(word)
        if spelled is not None and (spelled[1] > count or _parted(spelled[0], attested, word not in tagged)):
            damaged.append(word)
            continue
        if not word.endswith(ZWNJ_SUFFIXES):
            continue
        for suffix in ZWNJ_SUFFIXES:
            if not word.endswith(suffix) or len(word) - len(suffix) < 2:
                continue
            stem = word[: -len(suffix)]
            spelled_stem = zwnj.get(stem, ("", 0))[1]  # کلانشهرها: the stem's own ZWNJ is lost
            if suffix in COMPARATIVE and counts.get(stem, 0) < (OWN_COMPARATIVE if suffix == "تر" else 1) * count:
                break  # فیلتر، توییتر، مستر: a comparative is much rarer than its base; this is a word of its own
            if 4 * spelled_stem >= count > 0 or (needs_zwnj(stem, suffix) and 4 * counts.get(stem, 0) >= count):
                damaged.append(word)
                break
    return damaged
