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
from khabar.persian.gate import JOINED, KEPT, SPACED, UNKNOWN, Mode, damage_mode, prefix_only
from khabar.persian.grammar import CACHE_LIMIT, HAS_MARK, VERB_PREFIXES
from khabar.persian.lexicon import Lexicon, load
from khabar.persian.phrases import LISTED_JOINED
from khabar.persian.ties import COUNTING, PluralTies, counted_before

_RUN = re.compile(f"[{LETTERS}{DIACRITICS}\u200c]+(?: [{LETTERS}{DIACRITICS}\u200c]+)*")
_SUFFIXES = tuple(sorted(A.SUFFIX_WEIGHT, key=len, reverse=True))
_NUMBERS = tuple(A.NUMBERS)
_THREE_PART_HEADS = tuple(A.THREE_PART_HEADS)
_AGENT_PLURALS = tuple(A.AGENT_PLURALS)
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
AS_WRITTEN_BONUS = 1.5
BUILT_THREE_PART = 8.0  # a built silent-ه compound + bound head: above an unknown word's 0
CORPUS_COMPOUND_SHARE = 10  # see ``_corpus_compound``
Candidate = tuple[str, float]


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


def _after(match: re.Match[str]) -> str:
    """The character after a run and its spaces ("" at the end): «پرهای ،» is read as «پرهای،» is."""
    return match.string[match.end() : match.end() + 8].lstrip(" \t")[:1]


class ZwnjRepairer(PluralTies):
    """Restores ZWNJs with one lexicon; holds the per-token cache (the pair rules hold theirs)."""

    def __init__(self, lexicon: Lexicon) -> None:
        super().__init__(lexicon)
        self._tokens: dict[str, str] = {}

    # -------------------------------------------------------------- whole text
    def restore(self, text: str) -> str:
        """Each line (paragraph) is gated on its own, so a text repairs as its lines would."""
        if "\n" in text:
            return "".join(self._restore_line(line) for line in text.splitlines(keepends=True))
        return self._restore_line(text)

    def _restore_line(self, text: str) -> str:
        mode = damage_mode(text, self.fix_token)
        if mode == UNKNOWN:
            return _RUN.sub(self._run, text)
        out = _RUN.sub(lambda match: self._run(match, mode), text)
        if mode == SPACED and damage_mode(out, self.fix_token) in (UNKNOWN, JOINED):
            return self._restore_line(out)  # دیوار ها → دیوارها left no sign: repair it as a rerun would
        return out

    def _run(self, match: re.Match[str], mode: Mode = UNKNOWN) -> str:
        """One run of Persian words, repaired as far as the damage-mode gate allows (:mod:`gate`)."""
        run = match.group()
        keep_tokens = mode in (KEPT, SPACED)  # no ZWNJ inside an input token by lexicon evidence
        if " " not in run:
            fixed = self.fix_token(run)
            if keep_tokens:
                return prefix_only(run, fixed)
            if run.endswith("های") and self._plural_or_clitic(run) is not None:
                return self._in_context(run, fixed, None, _after(match), counted_before(match))
            return fixed
        tokens = run.split(" ")
        if mode in (KEPT, JOINED):
            merged = self.merge(tokens, affix_only=True)
        else:
            merged = self._prefix_pass(self.merge(tokens))
            merged = self.reduplicated(merged)
        cache, fix = self._tokens, self.fix_token
        out = [cache.get(t) or (t if ZWNJ in t else fix(t)) for t in merged]
        if keep_tokens:
            original = set(tokens)
            return " ".join(prefix_only(t, o) if t in original else o for t, o in zip(merged, out, strict=True))
        for i, token in enumerate(merged):
            if token in A.BEFORE_LIGHT_VERB and i + 1 < len(out) and self._making_verb(out[i + 1]):
                out[i] = A.BEFORE_LIGHT_VERB[token]
            if token.endswith("های") and self._plural_or_clitic(token) is not None:
                following = out[i + 1] if i + 1 < len(out) else None
                counted = merged[i - 1] in COUNTING if i else counted_before(match)
                previous = out[i - 1] if i else None
                out[i] = self._in_context(token, out[i], following, _after(match), counted, previous)
        return " ".join(out)

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

    # -------------------------------------------------------------- joined text
    def fix_token(self, token: str) -> str:
        cached = self._tokens.get(token) or self.lex.solved.get(token)
        if cached is not None:
            return cached
        if self.lex.solved and token in self.lex.counts:
            return token  # solved at build time: a listed word with no entry repairs to itself
        result = token if len(token) < 4 or ZWNJ in token or HAS_MARK.search(token) else self._best(token)
        if len(self._tokens) > CACHE_LIMIT:
            self._tokens.clear()
        self._tokens[token] = result
        return result

    def _best(self, token: str) -> str:
        return token if token in A.SUFFIX_LOOKALIKES else self._scored(token)[0]

    def _scored(self, token: str) -> Candidate:
        best, best_score = token, self._plain(token)
        for form, score in self._analyses(token):
            if score > best_score:
                best, best_score = form, score
        return best, best_score

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

    def _own_word(self, token: str) -> bool:
        """A joined token the corpus writes often and never with a ZWNJ (منها، اولاند، خواباند،
        بیدستان): not stem + suffix nor بی + word, however frequent the stem; nor is it in ا + ی (منهای).
        After a ی the ا must be a dictionary word's (رویای): the corpus glues «یا» to words (گالریا)."""
        glued = token[-2:] == "ای" and len(token) > 3 and self._own_word(token[:-1])
        if glued and (token[-3] != "ی" or self._dictionary_word(token[:-1])):
            return True
        return self.lex.counts.get(token, 0) >= A.OWN_WORD_MIN and token not in self.lex.zwnj

    def _analyses(self, token: str) -> Iterator[Candidate]:
        own = self._own_word(token)
        yield from self._stem_options(token, top=True, own=own)
        zwnj = self.lex.zwnj.get(token)
        listed = self._dictionary_word(token) or (zwnj is not None and zwnj[0] in self.lex.attested)
        for suffix in _SUFFIXES if token.endswith(_SUFFIXES) and not own else ():
            if listed and suffix in A.PERSONAL_CLITICS:
                continue  # دهات، بی‌نهایت: a dictionary word, not «your village(s)»
            if token.endswith(suffix) and len(token) - len(suffix) >= 2:
                stem = token[: -len(suffix)]
                for form, score in self._stem_options(stem, top=False):
                    joint = _joint(form, suffix)
                    if joint is not None and self._takes(form, suffix):
                        yield form + joint + suffix, score + A.SUFFIX_WEIGHT[suffix] + self._bonus(form, suffix)
        if token.endswith("ای") and token.startswith(_NUMBERS) and not self.lex.known(token[:-2]):
            for form, score in self._number_phrase(token[:-2], adjective=True):
                if _joint(form, "ای") is not None:
                    yield form + ZWNJ + "ای", score + A.SUFFIX_WEIGHT["ای"]
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
            if suffix == "ای" and self._dictionary_word(form[:-1]) and self._nominal(form[:-1]):
                return 0.0  # نهادهای: a noun's plural, not the rare «you have put» (نهاده‌ای)
            return PERFECT_BONUS  # رفته‌اند، نکرده‌ام
        if suffix == "اند" and form[-1] not in "هی":
            return CONSONANT_COPULA_WEIGHT  # نگران‌اند is rare; بماند is a verb
        if suffix in A.PLURAL and not is_joining(form[-1]):
            return AS_WRITTEN_BONUS  # رخدادهای: a plural after د is written joined, so correct text
        return 0.0

    def _takes(self, form: str, suffix: str) -> bool:
        """Whether a stem form can carry the suffix: plurals and clitics need a noun or adjective."""
        if ZWNJ in form:
            return True
        if suffix in A.VOWEL_CLITICS and form in self.lex.participles:
            return True
        if suffix in A.VOWEL_CLITICS and form + suffix in self.lex.verbs:
            return False  # نیاید is the negative verb, not نی «reed» + اید
        if suffix in A.COMPARATIVE:
            if self.lex.counts.get(form + suffix, 0) > self.lex.counts.get(form, 0):
                return False  # فیلتر: a listed word more frequent than its would-be base is no comparative
            tags = self.lex.tags.get(form)
            whole = self.lex.tags.get(form + "تر")  # ریشتر، داکتر: تر is part of the word
            if whole is not None and whole not in ("0", "C") and "AJ" not in whole.split(","):
                return False
            return tags is not None and "AJ" in tags.split(",")
        return self._nominal(form) or self._relational_adjective(form)

    def _relational_adjective(self, word: str) -> bool:
        """Listed noun + ی (نروژی، کاشانی): an adjective, even when a verb form is spelled the same
        (نروژی also reads ن + a verb stem): it takes plurals and clitics (نروژی‌اش)."""
        base = word[:-1]
        return word[-1] == "ی" and len(base) >= 3 and "N" in self.lex.tags.get(base, "").split(",")

    def _stem_options(self, stem: str, *, top: bool, own: bool = False) -> Iterator[Candidate]:
        lex = self.lex
        known = lex.known(stem)
        if not top:
            if known:
                bonus = DICTIONARY_BONUS if self._dictionary_word(stem) else 0.0
                yield stem, max(lex.logcount(stem) + bonus, VERB_BASE if stem in lex.verbs else 0.0)
            elif stem in lex.verbs:
                yield stem, VERB_BASE
            else:
                yield from self._derived(stem, final=False)
        zwnj = lex.zwnj.get(stem)
        if zwnj is None and not known and stem in LISTED_JOINED:
            yield LISTED_JOINED[stem], DICTIONARY_FLOOR  # هت‌تریک: a listed compound no corpus counts
        if zwnj is not None and not top and known and self.fix_token(stem) == stem:
            zwnj = None  # اینجاییم: an inflected word keeps the spelling its stem keeps alone (اینجا)
        if zwnj is not None:
            if zwnj[0] in lex.attested:
                bonus = ZWNJ_FORM_BONUS + (COORDINATED_BONUS if ZWNJ + "و" in zwnj[0] else 0.0)
                if not self._dictionary_word(stem):
                    bonus += DICTIONARY_BONUS  # hazm lists دست‌کم, only corpora write دستکم
                score = max(math.log(zwnj[1] + 1), ATTESTED_BASE) + bonus
                head = zwnj[0].rsplit(ZWNJ, 1)[1]
                if (stem not in lex.tags and self._bound(head)) or self._stem_compound(stem, zwnj[0]):
                    score = max(score, lex.logcount(stem) + PLAIN_BONUS + ZWNJ_FORM_BONUS)  # قیمتگذاری، کلاهبرداری
                yield zwnj[0], score
            elif self._corpus_compound(stem, zwnj):
                yield zwnj[0], lex.logcount(stem) + PLAIN_BONUS + ZWNJ_FORM_BONUS  # بوم‌گردی، جان‌باختگان
            else:
                yield zwnj[0], math.log(zwnj[1] + 1) + UNATTESTED_WEIGHT
        agent = self._corpus_agent(stem) if known and zwnj is None and stem.endswith(_AGENT_PLURALS) else None
        if agent is not None:
            yield agent, lex.logcount(stem) + PLAIN_BONUS + ZWNJ_FORM_BONUS
        number = self._number_compound(stem) if stem.startswith(_NUMBERS) else None
        if number is not None:
            yield number, self._plain(stem) + 1.0
        elif not known and zwnj is None and stem.startswith(_NUMBERS):
            yield from self._number_phrase(stem, adjective=False)
        antonym = self._antonym_compound(stem) if not known and zwnj is None and stem.startswith(("پر", "کم")) else None
        if antonym is not None:
            yield antonym, ATTESTED_BASE  # پرآب‌بر beside the listed کم‌آب‌بر
        negated = self._negated_compound(stem) if stem[:3] in A.NEGATIVE_PREFIXES else None
        if negated is not None:
            yield negated, max(self._plain(stem), ATTESTED_BASE) + ZWNJ_FORM_BONUS
        if stem.startswith("هیچ") and stem[3:] in A.HICH_PARTS:
            yield "هیچ" + ZWNJ + stem[3:], self._plain(stem) + 1.0
        for prefix in VERB_PREFIXES if stem.startswith(VERB_PREFIXES) else ():
            rest = stem[len(prefix) :]
            if stem.startswith(prefix) and len(rest) >= 2 and rest in lex.verbs and not self._second_person(stem, rest):
                yield (
                    prefix + ZWNJ + rest,
                    max(lex.logcount(rest), lex.logcount(stem), VERB_BASE) + VERB_BONUS,
                )
        rest = stem[2:]
        if stem.startswith(A.PRIVATIVE) and len(rest) >= 2 and not own and self._privative_rest(rest):
            yield (
                A.PRIVATIVE + ZWNJ + rest,
                max(lex.logcount(rest), lex.logcount(rest[:-1])) + PRIVATIVE_WEIGHT,
            )
        if not known and zwnj is None and stem not in lex.verbs and not any(self._derived(stem)):
            yield from self._compounds(stem)
        if top and not known and zwnj is None and len(stem) >= 7:
            yield from self._three_part(stem)

    def _corpus_compound(self, stem: str, zwnj: tuple[str, int]) -> bool:
        """A head compound only corpora list (no dictionary tag either way) whose ZWNJ spelling they
        count at least a tenth as often as the joined one: the ZWNJ is the news spelling and the
        joined count is largely lost ZWNJs (بومگردی، جان‌باختگان، سرخ‌پوشان), however frequent."""
        tags = self.lex.tags.get(stem, "C")
        head = zwnj[0].rsplit(ZWNJ, 1)[1]
        if tags != "C" or not (self._bound(head) or head in A.AFFIXOID_HEADS):
            return False
        first = len(zwnj[0]) - len(head) - 1
        if any(self._dictionary_word(stem[:cut]) for cut in range(first + 2, len(stem))):
            return False  # اصولگرایان: the dictionary lists the base joined (اصولگرا), and so the family
        return CORPUS_COMPOUND_SHARE * zwnj[1] >= self.lex.counts.get(stem, 0) > 0

    def _corpus_agent(self, stem: str) -> str | None:
        """A corpus-only joined listed noun + agent plural (گندمکاران): parted as the same word unseen
        is (زعفران‌کاران), since no dictionary vouches for the joined spelling."""
        if self.lex.tags.get(stem, "C") != "C":
            return None
        for head in A.AGENT_PLURALS:
            left = stem[: -len(head)]
            if stem.endswith(head) and len(left) >= 3 and is_joining(left[-1]) and self._dictionary_word(left):
                return left + ZWNJ + head if self._nominal(left) else None
        return None

    def _three_part(self, word: str) -> Iterator[Candidate]:
        """A compound of three parts, joined: a prefix before a known compound (غیرقابل‌پیش‌بینی،
        غیرهسته‌ای، قابل‌پیش‌بینی) or a known compound before a bound head (پیش‌بینی‌پذیر، هم‌سطح‌سازی). The
        two-part reading comes from the same analyses, so the parts nest as the grammar builds them."""
        lex = self.lex
        for prefix in A.THREE_PART_PREFIXES if word.startswith(tuple(A.THREE_PART_PREFIXES)) else ():
            rest = word[len(prefix) :]
            if not word.startswith(prefix) or len(rest) < 5 or rest.startswith(VERB_PREFIXES):
                continue
            form, score = self._scored(rest)
            if ZWNJ in form and not form.startswith(A.PRIVATIVE + ZWNJ):
                yield prefix + (ZWNJ if is_joining(prefix[-1]) else "") + form, score + A.NEGATIVE_WEIGHT
        for head in A.THREE_PART_HEADS if word.endswith(_THREE_PART_HEADS) else ():
            if not word.endswith(head) or len(word) - len(head) < 4:
                continue
            first = word[: -len(head)]
            known = lex.zwnj.get(first)
            if known is not None and known[0] in lex.attested and known[1] >= A.AFFIXOID_MIN:
                glue = ZWNJ if is_joining(known[0][-1]) else ""
                yield known[0] + glue + head, math.log(known[1] + 1) + BOUND_WEIGHT
            elif known is None and not lex.known(first):
                built = self.fix_token(first).split(ZWNJ)  # پیاده‌راه‌سازی: a silent-ه compound the rules build
                if len(built) == 2 and built[0][-1] == "ه" and len(built[1]) >= 2:
                    glue = ZWNJ if is_joining(built[1][-1]) else ""
                    yield ZWNJ.join(built) + glue + head, BUILT_THREE_PART

    def _second_person(self, word: str, verb: str) -> bool:
        """A dictionary word that also reads as می + a «you» verb (میدانی «field-», میانجی): news
        prose hardly addresses its reader, so the word wins."""
        if verb[-1] != "ی" or verb[:-1] + "د" not in self.lex.verbs:
            return False
        return self._dictionary_word(word) or self._dictionary_word(word[:-1])  # میدان + ی

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

    def _number_phrase(self, word: str, *, adjective: bool) -> Iterator[Candidate]:
        """An unlisted number compound: number + «و» + number (سی‌وهشتمین، بیست‌وپنج), and before the
        adjective ending ای number + listed noun (سه‌مرحله‌ای، پنج‌طبقه‌ای: «of three stages»), or
        without it a listed noun in silent ه (سه‌لایه، سه‌چرخه: no word of its own joins them) or a
        listed noun + the adjective ه the measures take (سه‌نوبته, as سه‌روزه)."""
        lex = self.lex
        for cut in range(2, min(len(word) - 2, 6)):
            left, right = word[:cut], word[cut:]
            if left not in A.NUMBERS or left == "نه":
                continue
            glue = ZWNJ if is_joining(left[-1]) else ""
            counted = adjective or (right[-1] == "ه" and not A.pronounced_h(right))  # سه‌لایه، یک‌کلاسه
            if right[0] == "و" and right[1:].startswith(_NUMBERS) and self._numeral(right[1:]):
                yield left + glue + right, DICTIONARY_FLOOR
            elif counted and len(right) >= 3 and self._counted_noun(right):
                yield left + glue + right, lex.logcount(right) + COMPOUND_WEIGHT
            elif counted and len(right) >= 5 and not lex.known(right) and self._counted_noun(right[:-1]):
                yield left + glue + right, lex.logcount(right[:-1]) + COMPOUND_WEIGHT  # سه‌نوبته, as سه‌روزه

    def _derived(self, stem: str, *, final: bool = True) -> Iterator[Candidate]:
        """An unlisted stem read as a listed word + a joined suffix (ورزشکاران، برزیلی، طلاست); the
        copula ست ends a word, so a stem before another suffix (``final`` False) never has it."""
        counts = self.lex.counts
        for prefix in A.NEGATIVE_PREFIXES if stem.startswith(tuple(A.NEGATIVE_PREFIXES)) else ():
            rest = stem[len(prefix) :]
            if stem.startswith(prefix) and self._negatable(rest):
                yield stem, max(self.lex.logcount(rest), DICTIONARY_FLOOR) + A.NEGATIVE_WEIGHT
        for ending in A.SILENT_H_DERIVED if stem.endswith(A.SILENT_H_DERIVED) else ():
            base = stem[: -len(ending)] + "ه"
            if stem.endswith(ending) and len(base) >= 4 and counts.get(base, 0) > 0 and self._nominal(base):
                yield stem, max(self.lex.logcount(base), DICTIONARY_FLOOR) + A.DERIVATIONAL_WEIGHT["ان"]
        for suffix in A.DERIVATIONAL if stem.endswith(A.DERIVATIONAL) else ():
            base = stem[: -len(suffix)]
            if suffix == "ست" and not final:
                continue
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
            built = self._built_on_compound(left, right)
            if built is not None:
                yield built  # پیش‌ثبت‌نام، پیش‌فروش‌شده
                continue
            if self._relational(left, right):
                yield left + ZWNJ + right, lex.logcount(right[:-1]) + COMPOUND_WEIGHT
                continue
            if lex.counts.get(left, 0) == 0 or self._function_word(left):
                continue
            if self._bound(right) and self._listed_before_ending(word):
                continue  # بخشداریها: the listed بخشداری + ها, not بخش + داریها
            if self._bound(right) or (right in lex.participles and len(right) >= 3 and dictionary(left)):
                yield left + ZWNJ + self._head_form(right), lex.logcount(left) + BOUND_WEIGHT  # زمین‌شناس‌ها
            elif right in A.AFFIXOID_HEADS and len(left) >= 3 and dictionary(left) and self._nominal(left):
                yield left + ZWNJ + right, lex.logcount(left) + BOUND_WEIGHT - 1.0  # فناوری‌محور
            elif right[-1] == "ی" and len(right) >= 3 and dictionary(left) and self._action(left, right[:-1]):
                yield left + ZWNJ + right, lex.logcount(left) + COMPOUND_WEIGHT  # برف‌باری: an action noun
            elif right[-2:] == "ان" and len(left) >= 3 and self._agent_plural(left, right):
                yield left + ZWNJ + right, lex.logcount(left) + COMPOUND_WEIGHT  # حافظ‌پژوهان
            elif right in A.SURNAME_ENDINGS and left[-1] == "ی":
                yield left + ZWNJ + right, lex.logcount(left) + COMPOUND_WEIGHT
            elif len(left) >= 3 and len(right) >= 2 and dictionary(left) and self._joins_as_compound(left, right):
                second = right[1:] if right[0] == "و" else right
                weight = min(lex.logcount(left), lex.logcount(second)) + COMPOUND_WEIGHT
                yield left + ZWNJ + right, weight
        yield from self._patterns(word)

    def _listed_before_ending(self, word: str) -> bool:
        """Whether the word is a dictionary word + a head's inflection (بخشداری + ها), or a word the
        corpus writes often and never with a ZWNJ (دامداری + های: a word of its own, not دام‌داری)."""
        bases = (word[: -len(end)] for end in A.HEAD_INFLECTIONS if word.endswith(end))
        return any(self._dictionary_word(base) or self._own_word(base) for base in bases)

    def _joins_as_compound(self, left: str, right: str) -> bool:
        if right[0] == "و" and self._dictionary_word(right[1:]):
            return left + "و" not in A.UNIT_PREFIXES  # نانوفناوری: the prefix نانو, not نان و فناوری
        if left in A.COMPASS_FIRST and right in A.COMPASS_SECOND:
            return True
        if left in A.POWER_UNITS and right == A.ENERGY_HEAD:
            return True  # کیلووات‌ساعت
        if len(right) == 2:  # ماهواره‌بر، گمانه‌زن: after a silent ه a two-letter head is a present stem
            stem = right == A.CARRIER_HEAD or self._present_stem(right)
            return stem and left[-1] == "ه" and not A.pronounced_h(left) and right not in A.SUFFIX_WEIGHT
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
