"""ZWNJ (نیم‌فاصله) restoration for joined (همکاریهای) and spaced (همکاری های) damage.

Hand-written because no library does this well enough (hazm, shekar and parsivar repair at most
57% / 91% on the development set, and change correct text): each token is scored as itself
against its analyses — lexicon ZWNJ spellings, verbal prefix + conjugated verb, privative بی +
word, and stem + suffix chain — by corpus log-counts plus affix weights, and the best wins.
Neighbouring tokens of spaced text are merged by the same grammar. Results are cached per token
and per token pair: news text repeats itself.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterator
from functools import lru_cache

from khabar.persian import affixes as A
from khabar.persian.characters import DIACRITICS, LETTERS, NON_JOINING, ZWNJ, is_joining
from khabar.persian.lexicon import Lexicon, load

_RUN = re.compile(f"[{LETTERS}{DIACRITICS}\u200c]+(?: [{LETTERS}{DIACRITICS}\u200c]+)*")
_HAS_MARK = re.compile(f"[{DIACRITICS}]")
_CACHE_LIMIT = 200_000
_SUFFIXES = tuple(sorted(A.SUFFIX_WEIGHT, key=len, reverse=True))
_VERB_PREFIXES = tuple(p + v for p in ("", *A.PREVERBS) for v in A.VERB_PREFIXES)
_TOKEN_SUFFIXES = frozenset(A.SUFFIX_WEIGHT) - {"است"}
_NUMBERS = tuple(A.NUMBERS)
_LEFT_TRIGGERS = frozenset(
    {*_VERB_PREFIXES, A.PRIVATIVE, "هیچ", *A.NUMBERS, *A.ADJECTIVE_PREFIXES, *A.RANGE_FIRST, *A.RELATIONAL_PREFIXES}
)
_RIGHT_TRIGGERS = _TOKEN_SUFFIXES | A.BOUND_HEADS
PLAIN_BONUS = 1.0
ZWNJ_FORM_BONUS = 0.5
VERB_BONUS = 4.0
PRIVATIVE_WEIGHT = -4.0
VERB_BASE = 12.0
DICTIONARY_FLOOR = 14.0
CONSONANT_COPULA_WEIGHT = -3.0
COORDINATED_BONUS = 3.0
ATTESTED_BASE = 10.0
UNKNOWN_PLURAL = 6.0
BOUND_WEIGHT = -3.0
COMPOUND_WEIGHT = -4.0
UNATTESTED_WEIGHT = -1.5
PERFECT_BONUS = 3.0
DICTIONARY_BONUS = 2.0
NOMINAL_COUNT = 10_000_000
Candidate = tuple[str, float]
COMPOUND_MIN = 30_000
COMPOUND_BEFORE_VERB_MIN = 100_000
RARE_ZWNJ = 100  # a ZWNJ spelling the corpus has seen (1-99 times) but rarely: one writer's habit
JOINED_DOMINANCE = 10  # a form the corpus joins 10x more often than it writes with ZWNJ: a name
_VERBAL = "\x00verbal"  # merge_pair's answer for a lexicon compound: the next token decides


def _joint(stem: str, suffix: str) -> str | None:
    """The separator between a stem form and a suffix: ZWNJ, nothing, or None (no such word)."""
    last = stem[-1]
    if suffix in A.PLURAL or suffix in A.COMPARATIVE:
        return ZWNJ if is_joining(last) else ""
    if last in "هی" and not A.pronounced_h(stem) and not A.glide_y(stem):
        return ZWNJ
    if suffix == "اند" and is_joining(last) and not A.glide_y(stem):
        return ZWNJ  # نگران‌اند: a joined نگراناند is no spelling at all
    return None


class ZwnjRepairer:
    """Restores ZWNJs with one lexicon; holds the per-token and per-pair caches."""

    def __init__(self, lexicon: Lexicon) -> None:
        self.lex = lexicon
        self._tokens: dict[str, str] = {}
        self._pairs: dict[tuple[str, str], str | None] = {}
        self._function: dict[str, bool] = {}

    # -------------------------------------------------------------- whole text
    def restore(self, text: str) -> str:
        return _RUN.sub(self._run, text)

    def _run(self, match: re.Match[str]) -> str:
        run = match.group()
        if " " not in run:
            return self.fix_token(run)
        merged = self._prefix_pass(self.merge(run.split(" ")))
        cache, fix = self._tokens, self.fix_token
        return " ".join(cache.get(t) or (t if ZWNJ in t else fix(t)) for t in merged)

    def _prefix_pass(self, tokens: list[str]) -> list[str]:
        """Adjective prefixes before a word merge already done (میان رشته ای → میان‌رشته‌ای)."""
        if A.ADJECTIVE_PREFIXES.isdisjoint(tokens):
            return tokens
        out = [tokens[0]]
        for token in tokens[1:]:
            if out[-1] in A.ADJECTIVE_PREFIXES and ZWNJ in token and self._adjectival(token):
                out[-1] += ZWNJ + token
            else:
                out.append(token)
        return out

    # -------------------------------------------------------------- spaced text
    def merge(self, tokens: list[str]) -> list[str]:
        out = [tokens[0]]
        pairs = self._pairs
        for i in range(1, len(tokens)):
            key = (out[-1], tokens[i])
            merged = pairs[key] if key in pairs else self.merge_pair(*key)
            if merged is not None and i + 1 < len(tokens) and self._loses_to_next(out[-1], tokens[i], tokens[i + 1]):
                merged = None
            if merged is _VERBAL and len(out) > 1 and (out[-2], out[-1]) in A.ATTRIBUTION_FORMULAS:
                merged = None  # به گزارش نامه: an outlet's name follows the formula, not a compound
            if merged is not None and merged is _VERBAL:
                after = tokens[i + 1] if i + 1 < len(tokens) else None
                merged = None if self._verb_follows(out[-1], tokens[i], after) else self._spaced(out[-1], tokens[i])
            if merged is None:
                out.append(tokens[i])
            else:
                out[-1] = merged
        return out

    def _may_merge(self, left: str, right: str) -> bool:
        """Whether any rule of ``_merge`` could apply: most neighbouring words are plain, and this
        test (set look-ups and end letters) keeps cold text from paying for the full rule chain."""
        return (
            left in _LEFT_TRIGGERS
            or right in _RIGHT_TRIGGERS
            or right[:-1] in A.ACTION_STEMS
            or right[0] == "و"
            or right.endswith("گان")
            or (left.replace(ZWNJ, " ") in self.lex.heads and self._spaced(left, right) is not None)
        )

    def _loses_to_next(self, left: str, middle: str, right: str) -> bool:
        """Two overlapping compounds (سطحی نگران کننده): a bound head or the more frequent one wins."""
        if right in _TOKEN_SUFFIXES or middle in _TOKEN_SUFFIXES or left in _VERB_PREFIXES:
            return False
        if self._spaced(left, middle) is None:
            return False
        if self._bound(right):
            return True
        theirs = self.lex.spaced.get(middle + " " + right)
        if theirs is None or not self._compound_ok(*theirs):
            return False
        ours = self.lex.spaced.get(left.replace(ZWNJ, " ") + " " + middle)
        return theirs[1] > (ours[1] if ours else 0)

    def merge_pair(self, left: str, right: str) -> str | None:
        key = (left, right)
        if key in self._pairs:
            return self._pairs[key]
        result = self._merge(left, right) if self._may_merge(left, right) else None
        if len(self._pairs) > _CACHE_LIMIT:
            self._pairs.clear()
        self._pairs[key] = result
        return result

    def _merge(self, left: str, right: str) -> str | None:
        if _HAS_MARK.search(left + right):
            return None
        lex = self.lex
        if right in _TOKEN_SUFFIXES:
            return self._attach(left, right)
        if left in _VERB_PREFIXES and right in lex.verbs:
            return left + ZWNJ + right
        if left == A.PRIVATIVE and self._privative_rest(right):
            return left + ZWNJ + right
        if self._coordinated(left, right):
            return left + ZWNJ + right  # گفت‌وگو، حمل‌ونقل
        if self._bound(right) and not self._function_word(left) and left not in A.NUMBERS:
            if right.startswith("مند"):  # ثروتمند but علاقه‌مند: a ZWNJ only after a silent ه
                return left + (ZWNJ if left[-1] == "ه" and not A.pronounced_h(left) else "") + right
            return left + (ZWNJ if is_joining(left[-1]) else "") + right
        if left in A.NUMBERS:
            return left + ZWNJ + right if right in A.MEASURES else None
        if self._verbal(right):
            return None
        if left == "هیچ" and right in A.HICH_SPACED:
            return left + ZWNJ + right
        if self._relational(left, right) or self._action_noun(left, right):
            return left + ZWNJ + right
        if left in A.ADJECTIVE_PREFIXES and self._adjectival(right) and not self._quantity_phrase(left, right):
            return left + ZWNJ + right
        if left in A.RANGE_FIRST and right in A.RANGE_SECOND:
            return left + (ZWNJ if is_joining(left[-1]) else "") + right
        form = self._spaced(left, right)
        if form is not None and left in lex.participles and right in lex.participles:
            return None
        return None if form is None else _VERBAL

    def _verb_follows(self, left: str, middle: str, after: str | None) -> bool:
        """Whether the token after a lexicon compound makes it a verb phrase instead: a participle
        before an auxiliary or verb (آسیب دیده بود), هم before a light verb (هم اندازه بگیرد,
        where هم means "also"), a rare compound before a light verb (پیش آغاز شده بود)."""
        if middle in self.lex.participles:
            return after is None or after in A.AUXILIARIES
        if left in A.QUANTITY_PREFIXES and after is not None and self._finite_verb(after):
            return True  # کم آب می‌نوشند: «little water», the object of the verb
        if after is None or not self._light_verb(after):
            return False
        if left == "هم":
            return True
        spaced = self.lex.spaced.get(left.replace(ZWNJ, " ") + " " + middle)
        return spaced is None or spaced[1] < COMPOUND_BEFORE_VERB_MIN

    def _finite_verb(self, word: str) -> bool:
        rest = word.split(ZWNJ, 1)[1] if word.startswith(("می" + ZWNJ, "نمی" + ZWNJ)) else word
        return rest in self.lex.verbs and rest not in self.lex.participles

    def _light_verb(self, word: str) -> bool:
        for prefix in ("می" + ZWNJ, "نمی" + ZWNJ, "ب", "ن", ""):
            rest = word[len(prefix) :]
            if word.startswith(prefix) and rest in self.lex.verbs and rest.startswith(A.LIGHT_VERB_STEMS):
                return True
        return False

    def _verbal(self, word: str) -> bool:
        """An infinitive (کردن، شدن): the noun before it is its object, not a compound part."""
        return len(word) >= 3 and word[-1] == "ن" and word[:-1] in self.lex.verbs

    def _relational(self, left: str, right: str) -> bool:
        """بین + a relational adjective of a noun (بین‌شهری، بین‌نسلی): one adjective, never a phrase."""
        if left not in A.RELATIONAL_PREFIXES or len(right) < 4 or right[-1] != "ی" or right[-2] in "یه":
            return False
        tags = self.lex.tags.get(right[:-1])
        return tags is not None and "N" in tags.split(",")

    @staticmethod
    def _quantity_phrase(left: str, right: str) -> bool:
        """کم before a relational adjective is the adjective of the noun before it (فروش کم
        پاییزی «the low autumn sales»); only its possessive compounds join (کم‌برخوردار)."""
        return left in A.QUANTITY_PREFIXES and right.endswith("ی")

    def _adjectival(self, word: str) -> bool:
        """A relational adjective of a listed noun (رقمی، ابری، رشته‌ای) or a possessive one
        (برخوردار): what an adjective prefix joins across a space."""
        if word.endswith(ZWNJ + "ای"):
            return self._dictionary_word(word[:-3]) and "N" in self.lex.tags[word[:-3]].split(",")
        if ZWNJ in word or len(word) < 4:
            return False
        if word.endswith(A.POSSESSIVE_ADJECTIVE_ENDINGS):
            return self._dictionary_word(word) and not self._function_word(word)
        if word[-1] != "ی" or word[-2] in "یه" or word.endswith("گی") or word in A.EZAFE_ADJECTIVES:
            return False  # نیمه جنوبی: an ezafe adjective, the southern half
        tags = self.lex.tags.get(word[:-1])
        return tags is not None and "N" in tags.split(",") and not self._function_word(word[:-1])

    def _action_noun(self, left: str, right: str) -> bool:
        """Noun + present stem + ی is an action noun (نوبت‌دهی، مالچ‌پاشی، اطلاع‌رسانی): a bare
        second-person verb (دهی «you give») has no place after a noun in news prose. Left alone when
        the second part is a noun of its own (زنی «a woman») or the first is a function word or verb."""
        if len(right) < 3 or right[-1] != "ی" or not is_joining(left[-1]):
            return False
        stem, lex = right[:-1], self.lex
        if stem not in A.ACTION_STEMS or "N" in lex.tags.get(right, "").split(","):
            return False
        if left in lex.verbs:
            return False
        tags = lex.tags.get(left)
        if tags is None or tags in ("0", "C"):
            return len(left) >= 3  # a loanword noun the dictionary lacks: مالچ‌پاشی
        return "N" in tags.split(",") and not self._function_word(left)

    def _coordinated(self, left: str, right: str) -> bool:
        lex = self.lex
        return (
            right[0] == "و"
            and len(right) > 3
            and not lex.known(right)
            and self._dictionary_word(right[1:])
            and self._dictionary_word(left)
            and not self._function_word(left)
        )

    def _attach(self, left: str, right: str) -> str | None:
        """A suffix written as a word of its own (همکاری های، رفته اند): attach it to the left."""
        if right in A.PLURAL or right in A.COMPARATIVE:
            return left + (ZWNJ if is_joining(left[-1]) else "") + right
        if A.needs_zwnj(left, right):
            return left + ZWNJ + right
        if right == "اند" and is_joining(left[-1]) and left not in self.lex.verbs and self._nominal(left):
            return left + ZWNJ + right  # نگران‌اند
        return None  # گفت ای مردم: a vocative, not a clitic

    def _bound(self, word: str) -> bool:
        """A second part that never stands alone: a bound head or a participle's plural (شدگان)."""
        return word in A.BOUND_HEADS or (word.endswith("گان") and word[:-3] + "ه" in self.lex.participles)

    def _word_or_derived(self, word: str) -> bool:
        counts = self.lex.counts
        return counts.get(word, 0) > 0 or (word[-1] == "ی" and counts.get(word[:-1], 0) > 0)

    def _compound_ok(self, form: str, count: int) -> bool:
        """Shekar's corpus spells many phrases with ZWNJ (تیم‌ملی); trust only hazm's dictionary."""
        lex = self.lex
        if form not in lex.attested or form in A.WRITTEN_APART:
            return False
        if 0 < count < RARE_ZWNJ and ZWNJ + "و" not in form:
            return False
        joined = form.replace(ZWNJ, "")
        if lex.counts.get(joined, 0) > JOINED_DOMINANCE * max(count, 1) and self._dictionary_word(joined):
            return False  # علیرضا: a listed word written joined, so a space there is two names
        parts = form.split(ZWNJ)
        if parts[-1] in A.EZAFE_ADJECTIVES or any(self._function_word(p) for p in parts if p != "هم"):
            return False
        return count >= COMPOUND_MIN or parts[-1] not in lex.participles

    def _function_word(self, word: str) -> bool:
        known = self._function.get(word)
        if known is None:
            tags = self.lex.tags.get(word)
            parts = set(tags.split(",")) if tags else set()
            known = bool(parts & A.FUNCTION_TAGS) and not parts & {"N", "AJ", "V"}
            if len(self._function) > _CACHE_LIMIT:
                self._function.clear()
            self._function[word] = known
        return known

    def _spaced(self, left: str, right: str) -> str | None:
        """A lexicon compound spelled with a space, also when the second part is inflected."""
        head = left.replace(ZWNJ, " ")
        if head not in self.lex.heads:
            return None
        prefix = head + " "
        spaced = self.lex.spaced.get(prefix + right)
        if spaced is not None:
            return spaced[0] if self._compound_ok(*spaced) else None
        for suffix, restore in A.COMPOUND_INFLECTIONS:
            if right.endswith(suffix) and len(right) > len(suffix) + 1:
                spaced = self.lex.spaced.get(prefix + right[: -len(suffix)] + restore)
                if suffix == "یی" and spaced is not None and ZWNJ + "و" not in spaced[0]:
                    continue  # رضایی after علی is a surname, گفت‌وگویی a compound's adjective
                if spaced is not None and self._compound_ok(*spaced):
                    stem = spaced[0][: len(spaced[0]) - len(restore)]
                    return stem + (ZWNJ if suffix in A.PLURAL and is_joining(stem[-1]) else "") + suffix
        return None

    # -------------------------------------------------------------- joined text
    def fix_token(self, token: str) -> str:
        cached = self._tokens.get(token) or self.lex.solved.get(token)
        if cached is not None:
            return cached
        if self.lex.solved and token in self.lex.counts:
            return token  # solved at build time: a listed word with no entry repairs to itself
        result = token if len(token) < 4 or ZWNJ in token or _HAS_MARK.search(token) else self._best(token)
        if len(self._tokens) > _CACHE_LIMIT:
            self._tokens.clear()
        self._tokens[token] = result
        return result

    def _best(self, token: str) -> str:
        if token in A.SUFFIX_LOOKALIKES:
            return token
        best, best_score = token, self._plain(token)
        for form, score in self._analyses(token):
            if score > best_score:
                best, best_score = form, score
        return best

    def _plain(self, token: str) -> float:
        lex = self.lex
        score = lex.logcount(token) + PLAIN_BONUS if lex.known(token) else 0.0
        if self._dictionary_word(token):
            score = max(score + DICTIONARY_BONUS, DICTIONARY_FLOOR)  # rare but real: ریشتر
        if token[-1] == "ی" and token[-2] in "اوآ" and lex.known(token[:-1]):
            score = max(score, lex.logcount(token[:-1]) + PLAIN_BONUS)
        if not lex.known(token):
            score = max([score, *(s for _, s in self._derived(token))])
        if token in lex.verbs:
            score = max(score, VERB_BASE)
        return score

    def _analyses(self, token: str) -> Iterator[Candidate]:
        yield from self._stem_options(token, top=True)
        for suffix in _SUFFIXES if token.endswith(_SUFFIXES) else ():
            if token.endswith(suffix) and len(token) - len(suffix) >= 2:
                stem = token[: -len(suffix)]
                for form, score in self._stem_options(stem, top=False):
                    joint = _joint(form, suffix)
                    if joint is not None and self._takes(form, suffix):
                        yield form + joint + suffix, score + A.SUFFIX_WEIGHT[suffix] + self._bonus(form, suffix)
        for suffix in A.JOINED if token.endswith(A.JOINED) else ():
            if token.endswith(suffix) and len(token) - len(suffix) >= 2:
                stem = token[: -len(suffix)]
                for form, score in self._stem_options(stem, top=False):
                    if form == stem and not self.lex.known(stem):
                        continue
                    if suffix not in A.SUFFIX_WEIGHT or not A.needs_zwnj(form, suffix):
                        yield form + suffix, score + A.JOINED_WEIGHT[suffix]

    def _bonus(self, form: str, suffix: str) -> float:
        if suffix in A.VOWEL_CLITICS and form in self.lex.participles:
            return PERFECT_BONUS  # رفته‌اند، نکرده‌ام
        if suffix == "اند" and form[-1] not in "هی":
            return CONSONANT_COPULA_WEIGHT  # نگران‌اند is rare; بماند is a verb
        return 0.0

    def _takes(self, form: str, suffix: str) -> bool:
        """Whether a stem form can carry the suffix: plurals and clitics need a noun or adjective."""
        if ZWNJ in form:
            return True
        if suffix in A.VOWEL_CLITICS and form in self.lex.participles:
            return True
        if suffix in A.COMPARATIVE:
            tags = self.lex.tags.get(form)
            whole = self.lex.tags.get(form + "تر")  # ریشتر، داکتر: تر is part of the word
            if whole is not None and whole not in ("0", "C") and "AJ" not in whole.split(","):
                return False
            return tags is not None and "AJ" in tags.split(",")
        return self._nominal(form)

    def _dictionary_word(self, word: str) -> bool:
        tags = self.lex.tags.get(word)
        return tags is not None and tags not in ("0", "C")

    def _nominal(self, word: str) -> bool:
        if self._dictionary_word(word):
            parts = self.lex.tags[word].split(",")
            return "N" in parts or "AJ" in parts
        verbs = self.lex.verbs
        if word + "م" in verbs and word + "ند" in verbs:  # a present stem: هست، دان
            return False
        return word not in verbs or self.lex.counts.get(word, 0) > NOMINAL_COUNT

    def _stem_options(self, stem: str, *, top: bool) -> Iterator[Candidate]:
        lex = self.lex
        known = lex.known(stem)
        if not top:
            if known:
                bonus = DICTIONARY_BONUS if self._dictionary_word(stem) else 0.0
                yield stem, max(lex.logcount(stem) + bonus, VERB_BASE if stem in lex.verbs else 0.0)
            elif stem in lex.verbs:
                yield stem, VERB_BASE
            else:
                yield from self._derived(stem)
        zwnj = lex.zwnj.get(stem)
        if zwnj is not None:
            if zwnj[0] in lex.attested:
                bonus = ZWNJ_FORM_BONUS + (COORDINATED_BONUS if ZWNJ + "و" in zwnj[0] else 0.0)
                if not self._dictionary_word(stem):
                    bonus += DICTIONARY_BONUS  # hazm lists دست‌کم, only corpora write دستکم
                yield zwnj[0], max(math.log(zwnj[1] + 1), ATTESTED_BASE) + bonus
            else:
                yield zwnj[0], math.log(zwnj[1] + 1) + UNATTESTED_WEIGHT
        number = self._number_compound(stem) if stem.startswith(_NUMBERS) else None
        if number is not None:
            yield number, self._plain(stem) + 1.0
        if stem.startswith("هیچ") and stem[3:] in A.HICH_PARTS:
            yield "هیچ" + ZWNJ + stem[3:], self._plain(stem) + 1.0
        for prefix in _VERB_PREFIXES if stem.startswith(_VERB_PREFIXES) else ():
            rest = stem[len(prefix) :]
            if stem.startswith(prefix) and len(rest) >= 2 and rest in lex.verbs:
                yield (
                    prefix + ZWNJ + rest,
                    max(lex.logcount(rest), lex.logcount(stem), VERB_BASE) + VERB_BONUS,
                )
        rest = stem[2:]
        if stem.startswith(A.PRIVATIVE) and len(rest) >= 2 and self._privative_rest(rest):
            yield (
                A.PRIVATIVE + ZWNJ + rest,
                max(lex.logcount(rest), lex.logcount(rest[:-1])) + PRIVATIVE_WEIGHT,
            )
        if not known and zwnj is None and stem not in lex.verbs and not any(self._derived(stem)):
            yield from self._compounds(stem)

    def _privative_rest(self, rest: str) -> bool:
        """What may follow بی‌: a word, not a verb — nor a verb whose آ the subjunctive ب wrote
        as بیا (بیاورند، بیاموزد are verbs, not بی‌ + اورند)."""
        if rest in self.lex.verbs:
            return False
        if rest.startswith("ا") and any("آ" + rest[1:] + end in self.lex.verbs for end in ("", "د")):
            return False
        return self._word_or_derived(rest)

    def _number_compound(self, word: str) -> str | None:
        """Number word + measure (سه‌روزه، شش‌ماهه، یک‌سوم); یکشنبه and پنجشنبه stay joined."""
        if word in A.JOINED_WEEKDAYS:
            return None
        for cut in range(2, min(len(word) - 2, 6)):
            measure = word[cut:]
            is_measure = measure in A.MEASURES or measure in A.JOINED_MEASURES
            if is_measure and word[:cut] in A.NUMBERS and is_joining(word[cut - 1]):
                return word[:cut] + ZWNJ + word[cut:]
        return None

    def _derived(self, stem: str) -> Iterator[Candidate]:
        """An unlisted stem read as a listed word + a joined suffix (ورزشکاران، برزیلی)."""
        counts = self.lex.counts
        for suffix in A.DERIVATIONAL if stem.endswith(A.DERIVATIONAL) else ():
            base = stem[: -len(suffix)]
            if (
                stem.endswith(suffix)
                and len(base) >= 2
                and counts.get(base, 0) > 0
                and (suffix not in A.SUFFIX_WEIGHT or not A.needs_zwnj(base, suffix))
            ):
                base_score = self.lex.logcount(base)
                if self._dictionary_word(base):
                    base_score = max(base_score + DICTIONARY_BONUS, DICTIONARY_FLOOR)
                yield stem, base_score + A.DERIVATIONAL_WEIGHT[suffix]

    def _compounds(self, word: str) -> Iterator[Candidate]:
        """An unlisted word read as listed parts where the standard writes a ZWNJ between them:
        after a final ه (نیمه‌ابری), before ا/آ (دانش‌آموز), before a bound head (زمین‌شناسان) or a
        participle (واژگون‌شده: joined, it cannot be the verb phrase واژگون شده),
        coordinated (رفت‌وآمد), به + word (به‌زودی), X‌به‌X (کارت‌به‌کارت), surnames (کریمی‌پور),
        compass points (شمال‌غرب), and a plural after an unlisted stem (ریزپلاستیک‌ها)."""
        lex = self.lex
        dictionary = self._dictionary_word
        for cut in range(2, len(word) - 1):
            if word[cut - 1] in NON_JOINING:
                continue
            left, right = word[:cut], word[cut:]
            if (left == "به" or left in A.COMPOUND_PREFIXES) and len(right) >= 3 and dictionary(right):
                yield left + ZWNJ + right, lex.logcount(right) + COMPOUND_WEIGHT
                continue
            if self._relational(left, right):
                yield left + ZWNJ + right, lex.logcount(right[:-1]) + COMPOUND_WEIGHT
                continue
            if lex.counts.get(left, 0) == 0 or self._function_word(left):
                continue
            if self._bound(right) or (right in lex.participles and len(right) >= 3 and dictionary(left)):
                yield left + ZWNJ + right, lex.logcount(left) + BOUND_WEIGHT  # زمین‌شناس، واژگون‌شده
            elif right in A.SURNAME_ENDINGS and left[-1] == "ی":
                yield left + ZWNJ + right, lex.logcount(left) + COMPOUND_WEIGHT
            elif len(left) >= 3 and len(right) >= 3 and dictionary(left) and self._joins_as_compound(left, right):
                second = right[1:] if right[0] == "و" else right
                weight = min(lex.logcount(left), lex.logcount(second)) + COMPOUND_WEIGHT
                yield left + ZWNJ + right, weight
        yield from self._patterns(word)

    def _joins_as_compound(self, left: str, right: str) -> bool:
        if right[0] == "و" and self._dictionary_word(right[1:]):
            return True
        if left in A.COMPASS_FIRST and right in A.COMPASS_SECOND:
            return True
        return (left[-1] == "ه" or right[0] in "اآ") and self._dictionary_word(right)

    def _patterns(self, word: str) -> Iterator[Candidate]:
        lex = self.lex
        half, rest = divmod(len(word) - 2, 2)
        if not rest and half >= 2 and word[:half] == word[half + 2 :] and word[half : half + 2] == "به":
            part = word[:half]
            if lex.counts.get(part, 0) > 0:
                glue = ZWNJ if is_joining(part[-1]) else ""
                yield part + glue + "به" + ZWNJ + part, lex.logcount(part) + COMPOUND_WEIGHT
        for suffix in A.PLURAL:
            stem = word[: -len(suffix)]
            if word.endswith(suffix) and len(stem) >= 4 and is_joining(stem[-1]) and not lex.known(stem):
                yield stem + ZWNJ + suffix, UNKNOWN_PLURAL
                return


@lru_cache(maxsize=1)
def default_repairer() -> ZwnjRepairer:
    return ZwnjRepairer(load())
