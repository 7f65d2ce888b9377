"""Word tests the ZWNJ rules share: function words, dictionary words, nominals, bound heads.

Split from the rules so the token rules (:mod:`khabar.persian.zwnj`) and the pair rules
(:mod:`khabar.persian.pairs`) ask the lexicon the same questions the same way.
"""

from __future__ import annotations

import math
import re

from khabar.persian import affixes as A
from khabar.persian.characters import DIACRITICS, ZWNJ, is_joining
from khabar.persian.lexicon import Lexicon

CACHE_LIMIT = 200_000
HAS_MARK = re.compile(f"[{DIACRITICS}]")
#: Verbal prefixes with any preverb (می، نمی، برمی، درنمی…).
VERB_PREFIXES = tuple(p + v for p in ("", *A.PREVERBS) for v in A.VERB_PREFIXES)
#: Suffixes that may stand as a token of their own in spaced text ("است" is a word of its own).
TOKEN_SUFFIXES = frozenset(A.SUFFIX_WEIGHT) - {"است"}
NOMINAL_COUNT = 10_000_000
PRIVATIVE_REST_MIN = 20_000  # what a word after بی‌ that no dictionary lists must reach
CONJUNCTION_COUNT = 1_000_000_000  # که 3.8G: only the commonest function words reach it
#: Person endings no noun shares often (ی is also the relational suffix, a bare stem the short infinitive).
BUILT_WEIGHT = -4.0  # a word built on a compound: like any compound reading (zwnj.COMPOUND_WEIGHT)
PERSON_ENDINGS = tuple(e for e in A.PAST_ENDINGS if len(e) > 1 or e == "م")


class WordTests:
    """The lexicon and the word-level questions both rule sets ask of it (cached where hot)."""

    def __init__(self, lexicon: Lexicon) -> None:
        self.lex = lexicon
        self._function: dict[str, bool] = {}

    def _function_word(self, word: str) -> bool:
        known = self._function.get(word)
        if known is None:
            tags = self.lex.tags.get(word)
            parts = set(tags.split(",")) if tags else set()
            known = bool(parts & A.FUNCTION_TAGS) and not parts & {"N", "AJ", "V"}
            if len(self._function) > CACHE_LIMIT:
                self._function.clear()
            self._function[word] = known
        return known

    def _clause_conjunction(self, word: str) -> bool:
        """A conjunction the corpus writes over a billion times (که): before a word it opens a clause
        (که بر اساس آن), whatever rare compound a dictionary lists (که‌بر)."""
        return self.lex.counts.get(word, 0) >= CONJUNCTION_COUNT and "CONJ" in self.lex.tags.get(word, "").split(",")

    def _determiner(self, word: str) -> bool:
        """A demonstrative (این، آن): before a noun it is a phrase unless the corpus writes the pair
        with a ZWNJ, and it mostly writes the adverb joined (اینگونه) instead."""
        return "DET" in self.lex.tags.get(word, "").split(",")

    def _plural_head(self, word: str) -> bool:
        """A plural in ‑های or a broken plural hazm tags PL (مناطق، افراد): its ezafe dependent follows."""
        return word.endswith("های") or "PL" in self.lex.tags.get(word, "").split(",")

    def _making_verb(self, word: str) -> bool:
        """A form of کردن or شدن (شد، می‌شود، کنید), the verbs that take an adjective complement."""
        return self._verb_of(word, A.MAKING_VERB_STEMS)

    def _without_clitic(self, word: str) -> str:
        """A word less a possessive clitic when what remains is a dictionary word (کارشان → کار)."""
        for clitic in (*A.POSSESSIVE, "ش"):
            if word.endswith(clitic) and len(word) > len(clitic) + 1 and self._dictionary_word(word[: -len(clitic)]):
                return word[: -len(clitic)]
        return word

    def _light_verb(self, word: str) -> bool:
        return word not in A.LIGHT_VERB_LOOKALIKES and self._verb_of(word, A.LIGHT_VERB_STEMS)

    def _verb_of(self, word: str, stems: tuple[str, ...]) -> bool:
        """A verb form, with or without می/نمی/ب/ن, of one of ``stems``."""
        for prefix in ("می" + ZWNJ, "نمی" + ZWNJ, "ب", "ن", ""):
            rest = word[len(prefix) :]
            if word.startswith(prefix) and rest in self.lex.verbs and rest.startswith(stems):
                return True
        return False

    def _predicate_follows(self, word: str) -> bool:
        """A verb, light verb or auxiliary: the word before it is its complement, not a compound part."""
        return word in A.AUXILIARIES or word in VERB_PREFIXES or self._light_verb(word) or self._finite_verb(word)

    def _noun(self, word: str) -> bool:
        return "N" in self.lex.tags.get(word, "").split(",")  # تولید: a noun the verb list also holds

    def _finite_verb(self, word: str) -> bool:
        rest = word.split(ZWNJ, 1)[1] if word.startswith(("می" + ZWNJ, "نمی" + ZWNJ)) else word
        return rest in self.lex.verbs and rest not in self.lex.participles

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

    def _counted_noun(self, word: str) -> bool:
        if word in A.NUMBERS or self._function_word(word):
            return False
        return self._dictionary_word(word) and self._nominal(word)

    def _numeral(self, word: str) -> bool:
        """A number word, its ordinal (هشتم، هشتمین) or a ZWNJ-free plural of them (هشتمی)."""
        for ending in ("", "م", "مین", "می"):
            if word.endswith(ending) and word[: len(word) - len(ending)] in A.NUMBERS:
                return True
        return False

    def _built_on_compound(self, left: str, right: str) -> tuple[str, float] | None:
        """A joined word built on a dictionary ZWNJ compound, whose ZWNJ it keeps: a compound prefix
        before it (پیش + ثبت‌نام) or a participle after it (پیش‌فروش + شده), scored by the compound."""
        lex = self.lex
        if left in A.COMPOUND_PREFIXES and len(right) >= 5:
            spelled = lex.zwnj.get(right)
            if spelled is not None and spelled[0] in lex.attested:
                return left + ZWNJ + spelled[0], math.log(spelled[1] + 1) + BUILT_WEIGHT
        if right in lex.participles and len(right) >= 3 and len(left) >= 5:
            spelled = lex.zwnj.get(left)
            if spelled is not None and spelled[0] in lex.attested:
                return spelled[0] + ZWNJ + right, math.log(spelled[1] + 1) + BUILT_WEIGHT
        return None

    def _privative_rest(self, rest: str) -> bool:
        """What may follow بی‌: a word, not a verb — nor a verb whose آ the subjunctive ب wrote
        as بیا (بیاورند، بیاموزد are verbs, not بی‌ + اورند)."""
        if rest in self.lex.verbs or len(rest) < 3:
            return False  # بیده، بیبر: too short a rest to vouch for بی‌
        if rest.startswith("ا") and any("آ" + rest[1:] + end in self.lex.verbs for end in ("", "د")):
            return False
        if rest[0] == "و" and not self._dictionary_word(rest):
            return False  # بیوک، بیوتین، بیوت: a name or a loanword in بیو…, not بی‌ + «و…»
        counts = self.lex.counts  # بیشکک: a rare corpus form (شکک, 2k) is noise or a name's piece, no word
        for word in (rest, rest[:-1] if rest[-1] == "ی" else ""):
            if word and (self._dictionary_word(word) or counts.get(word, 0) >= PRIVATIVE_REST_MIN):
                return True
        return False

    def _bound(self, word: str) -> bool:
        """A second part that never stands alone: a bound head, also inflected (پذیرتر، شناس‌ها), or a
        participle's plural (شدگان; not one with a preverb, a word of its own: درگذشتگان)."""
        if word in A.BOUND_HEADS:
            return True
        participle = word[:-3] + "ه"
        if word.endswith("گان") and participle in self.lex.participles and not participle.startswith(A.PREVERBS):
            return True
        if any(word.endswith(end) and word[: -len(end)] in A.BOUND_HEADS for end in A.HEAD_INFLECTIONS):
            return True
        for ending, clitics in A.HEAD_CLITICS:
            for clitic in clitics:
                base = word[: -len(clitic)]
                if word.endswith(clitic) and base.endswith(ending) and self._bound(base):
                    return True
        return False

    def _head_form(self, head: str) -> str:
        """A bound head's spelling with its inflection parted as the standard parts it (شناس‌ها),
        and so under a clitic after that inflection (کننده‌تری، پذیرترند)."""
        if head in A.BOUND_HEADS:
            return head
        for end in A.HEAD_INFLECTIONS:
            base = head[: -len(end)]
            if head.endswith(end) and base in A.BOUND_HEADS:
                return base + (ZWNJ if is_joining(base[-1]) else "") + end
        for ending, clitics in A.HEAD_CLITICS:
            for clitic in clitics:
                base = head[: -len(clitic)]
                if head.endswith(clitic) and base.endswith(ending) and self._bound(base):
                    return self._head_form(base) + clitic
        return head

    def _antonym_compound(self, word: str) -> str | None:
        """An unlisted joined کم/پر + rest whose antonym with the same rest the dictionary lists with
        a ZWNJ (پرآببر: کم‌آب‌بر): the pair is built alike, so the rest keeps the antonym's ZWNJs."""
        for mine, other in A.ANTONYM_PREFIXES:
            spelled = self.lex.zwnj.get(other + word[len(mine) :]) if word.startswith(mine) else None
            if spelled is not None and spelled[0] in self.lex.attested and spelled[0].startswith(other):
                return mine + (ZWNJ if is_joining(mine[-1]) else "") + spelled[0][len(other) :].lstrip(ZWNJ)
        return None

    def _negatable(self, word: str) -> bool:
        """What غیر negates: a listed noun or adjective (مجاز، ایمن، قانونی), not a function word or verb."""
        tags = self.lex.tags.get(word)
        if tags is None or len(word) < 3 or word in self.lex.verbs or self._function_word(word):
            return False
        parts = tags.split(",")
        if "DET" in parts or "PRO" in parts:
            return False  # در غیر این صورت: «other than this», a determiner the noun tag hides
        if "N" in parts or "AJ" in parts:
            return True
        base = self.lex.tags.get(word[:-1], "") if word[-1] == "ی" else ""
        return "N" in base.split(",")  # a relational adjective the dictionary leaves untagged: قانونی

    def _verb_form(self, word: str) -> bool:
        """A verb a head cannot attach to: می/نمی + verb (joined or not), or a verb with a person
        ending that is no dictionary noun or adjective (گفتند; not a bare stem: زیست‌شناس، خرید)."""
        for prefix in VERB_PREFIXES if word.startswith(VERB_PREFIXES) else ():
            if word.startswith(prefix) and word[len(prefix) :].lstrip(ZWNJ) in self.lex.verbs:
                return True
        if word not in self.lex.verbs or word in self.lex.participles or not word.endswith(PERSON_ENDINGS):
            return False
        return not (self._dictionary_word(word) and self._nominal(word))
