"""Plural-or-ای ties in joined text: «زمینهای» is زمین‌های or زمینه‌ای, «زنجیرهای» the plural
زنجیرهای or زنجیره‌ای.

Hand-written because no library decides it: the token alone cannot (both readings are words), so
the neighbours do — a verb, که or punctuation after it leaves only ای, a number before it leaves
only ای (Persian counts with the singular), before a noun or adjective the plural with its ezafe
dependent wins unless hazm tags X‌ه‌ای an adjective or the plural's stem is much the rarer word.
"""

from __future__ import annotations

import re

from khabar.persian import affixes as A
from khabar.persian.characters import ZWNJ, is_joining
from khabar.persian.grammar import CACHE_LIMIT
from khabar.persian.lexicon import Lexicon
from khabar.persian.pairs import PairRules

PLURAL_RATIO = 0.35  # see ``_plural_likely``
AFTER_PLURAL_RATIO = 2.0  # see ``_plural_modifier``: سد (2.9x سده) keeps its plural there, زمین (1.0x) not
JOINED_PLURAL_RATIO = 1.5  # see ``_modifier_after_noun``: قطر (1.3x قطره) loses there, بند (1.8x) not
PLURAL_STEM_MIN = 100_000  # a corpus-only word this frequent is a word (سرک), not noise
YEAR_DIGITS = 4
COUNTING = A.NUMBERS - {"نه"}  # نه is also «not»: نه زمین‌های کشاورزی و نه …


def counted_before(match: re.Match[str]) -> bool:
    """Whether a count (digits) comes just before the run: a number takes a singular noun. Not a
    four-digit number: a year ends the phrase before it (در سال ۱۴۰۳ زمین‌های کشاورزی)."""
    before = match.string[max(0, match.start() - 8) : match.start()].rstrip(" ")
    digits = len(before) - len(before.rstrip("0123456789۰۱۲۳۴۵۶۷۸۹٠١٢٣٤٥٦٧٨٩"))
    return 0 < digits != YEAR_DIGITS


class PluralTies(PairRules):
    """The tie rules; the token rules (:class:`khabar.persian.zwnj.ZwnjRepairer`) supply ``fix_token``."""

    def __init__(self, lexicon: Lexicon) -> None:
        super().__init__(lexicon)
        self._readings: dict[str, tuple[str, str] | None] = {}

    def fix_token(self, token: str) -> str:
        raise NotImplementedError

    # -------------------------------------------------------------- plural or clitic
    def _plural_or_clitic(self, token: str) -> tuple[str, str] | None:
        """A joined token read two ways, stem + های or silent-ه stem + ای (زمینهای: زمین‌های or
        زمینه‌ای; زنجیرهای: the plural زنجیرهای or زنجیره‌ای): both forms when both stems are nouns
        or adjectives (``_plural_stem``, ``_clitic_stem``), else None."""
        if token in self._readings:
            return self._readings[token]
        both = None
        if len(token) >= 5 and ZWNJ not in token and not A.pronounced_h(token[:-2]):
            plural, clitic = self._plural_stem(token[:-3]), self._clitic_stem(token[:-2])
            if plural is not None and clitic is not None and not self._relational_stem(plural):
                glue = ZWNJ if is_joining(plural[-1]) else ""  # زنجیرهای: after ر the plural is written joined
                both = (plural + glue + "های", clitic + ZWNJ + "ای")
        if len(self._readings) > CACHE_LIMIT:
            self._readings.clear()
        self._readings[token] = both
        return both

    def _plural_stem(self, stem: str) -> str | None:
        """The stem's spelling if it is a noun that takes های: a listed noun or adjective, a listed
        compound (دستپخت → دست‌پخت), or a frequent corpus word that is no verb form (a loanword); a
        bound head (کوب) stands alone nowhere, so it takes no plural either (کوبهای is کوبه‌ای)."""
        if stem in A.BOUND_HEADS:
            return None
        if self._dictionary_word(stem):
            # هفتهای is هفته‌ای: a number word counts nouns, it takes no plural with an ezafe;
            # شعبهای is شعبه‌ای: شعب is a plural already (hazm's PL), it takes no second one
            plural = "PL" in self.lex.tags[stem].split(",")
            return stem if self._nominal(stem) and stem not in A.NUMBERS and not plural else None
        spelled = self.lex.zwnj.get(stem)
        if spelled is not None and spelled[0] in self.lex.attested and stem not in self.lex.counts:
            return spelled[0]
        common = self.lex.counts.get(stem, 0) >= PLURAL_STEM_MIN and stem not in self.lex.verbs
        return stem if common else None

    def _relational_stem(self, stem: str) -> bool:
        """A relational adjective in ی of a listed noun (روحی of روح, ترکی of ترک, سرمای of
        سرما): an adjective takes no plural with an ezafe, so its ‑ه word wins the tie (روحیه‌ای
        بالا، همتای ترکیه‌ای، سرمایه‌ای). Not a ی after ا/و/ی, a glide (دانشجوی), nor a noun hazm
        lists in ی without the adjective tag (ماهی، کشتی): those are nouns of their own."""
        if len(stem) < 4 or stem[-1] != "ی" or stem[-2] in "اوی" or ZWNJ in stem:
            return False
        base = self.lex.tags.get(stem[:-1], "").split(",")
        if "N" not in base:
            return False
        tags = self.lex.tags.get(stem)
        return tags is None or tags in ("0", "C") or "AJ" in tags.split(",")

    def _clitic_stem(self, stem: str) -> str | None:
        """The silent-ه stem's spelling if it is a listed noun or adjective, or a compound the rules
        build (دستپخته → دست‌پخته)."""
        if self._dictionary_word(stem):
            return stem if self._nominal(stem) else None
        fixed = self.fix_token(stem)
        return fixed if ZWNJ in fixed else None

    def _in_context(
        self, token: str, fixed: str, following: str | None, after: str, counted: bool, previous: str | None = None
    ) -> str:
        """Which reading the neighbours allow: های is followed by its ezafe dependent (a noun, an
        adjective, a pronoun), so before که، از، a verb or punctuation only ای fits; after a number
        (۳۰ دقیقه‌ای) a plural cannot stand, since Persian counts with the singular; right after a
        plural comes its modifier (``_plural_modifier``)."""
        readings = self._plural_or_clitic(token)
        if readings is None or fixed not in readings:
            return fixed
        plural, clitic = readings
        if counted:
            return clitic
        joined_modifier = ZWNJ not in plural and previous is not None and self._modifier_after_noun(token, previous)
        if following is None:
            return clitic if after in A.PHRASE_END_MARKS or joined_modifier else fixed
        verb = self._finite_verb(following) and not self._adjective_too(following)
        if following in A.PHRASE_END_WORDS or following in A.AUXILIARIES or verb:
            return clitic  # not روزه‌ای سرد: سرد is also a verb form, but a listed adjective first
        tags = self.lex.tags.get(following, "").split(",")
        if ("P" in tags or "CONJ" in tags) and "N" not in tags and "AJ" not in tags:
            return clitic
        if previous is not None and self._plural_modifier(token, previous, following):
            return clitic
        if ZWNJ not in plural:  # دورهای بعدی، سدهای بزرگ: a plural written joined after ر/د stays as written
            return clitic if joined_modifier else fixed
        if self._double_plural(token[:-3], token[:-2]) or self._lexical_adjective(clitic):
            return clitic  # دوستانه‌ای تازه: not the plural of a plural; مجوز حرفه‌ای
        return plural if self._plural_likely(token) else clitic

    def _plural_modifier(self, token: str, previous: str, following: str) -> bool:
        """Right after a plural in ‑های, whose ezafe ی makes the next word its dependent, comes its
        modifier, and the relational adjective in ‑ه‌ای is one (بیماری‌های زمینه‌ای، فروشگاه‌های
        زنجیره‌ای), where a second plural would be the first's possessor (هتل‌های شهرهای تاریخی): the
        ای reading wins unless the plural's stem is clearly the commoner word (``AFTER_PLURAL_RATIO``)
        or a relational adjective of a noun follows, the plural's own modifier (قیمت‌های زمین‌های
        کشاورزی). A plural in ‑ان may end its phrase as a subject (کشاورزان زمین‌های بایر را …)."""
        if not previous.endswith("های"):
            return False
        if len(following) >= 4 and following[-1] == "ی" and "N" in self.lex.tags.get(following[:-1], "").split(","):
            return False
        return self._stem_count(token[:-3]) < AFTER_PLURAL_RATIO * self._stem_count(token[:-2])

    def _modifier_after_noun(self, token: str, previous: str) -> bool:
        """A joined plural after ر/د/ز (سیارهای) right after a noun that is no preposition or
        determiner: there X‌ه‌ای is the noun's relational adjective or indefinite dependent (آبیاری
        قطره‌ای، تصادف زنجیره‌ای، جو سیاره‌ای) and the plural, the noun's possessor, wins only when
        its stem is clearly the commoner word (``JOINED_PLURAL_RATIO``: ذخایر سدهای، آمار شهرهای)."""
        tags = self.lex.tags.get(previous, "").split(",")
        if "N" not in tags or not A.FUNCTION_TAGS.isdisjoint(tags):
            return False
        return self._stem_count(token[:-3]) < JOINED_PLURAL_RATIO * self._stem_count(token[:-2])

    def _adjective_too(self, word: str) -> bool:
        """A verb form that is also a listed noun or adjective, or a listed noun + ی (تولیدی: «you
        produced» but first the relational adjective of واحدهای تولیدی)."""
        if self._dictionary_word(word) and self._nominal(word):
            return True
        return word[-1] == "ی" and len(word) > 3 and "N" in self.lex.tags.get(word[:-1], "").split(",")

    def _plural_likely(self, token: str) -> bool:
        """Before a noun or adjective, های with its ezafe dependent (زمین‌های دولتی) is the common
        construction and an indefinite ای before an adjective (کمیته‌ای ویژه) the marked one, so the
        plural wins unless its stem is much rarer than the ه stem (کمیت beside کمیته)."""
        plural, clitic = token[:-3], token[:-2]
        return self._stem_count(plural) >= PLURAL_RATIO * self._stem_count(clitic)

    def _stem_count(self, stem: str) -> int:
        spelled = self.lex.zwnj.get(stem)
        return max(self.lex.counts.get(stem, 0), spelled[1] if spelled is not None else 0)

    def _lexical_adjective(self, clitic: str) -> bool:
        """X‌ه‌ای hazm's dictionary tags as an adjective (حرفه‌ای، هسته‌ای): a word of its own,
        the relational adjective, not an indefinite noun; before a noun or adjective an unlisted
        X‌ه‌ای (زمینه‌ای، کشته‌ای) loses to the plural with its ezafe dependent (زمین‌های چمن)."""
        return clitic in self.lex.adjectives

    def _double_plural(self, plural_stem: str, clitic_stem: str) -> bool:
        """دوستان + های is a plural of a plural; دوستانه + ای an adjective with its article."""
        base = plural_stem[:-2]
        tags = self.lex.tags.get(clitic_stem, "").split(",")
        return plural_stem.endswith("ان") and "AJ" in tags and self._dictionary_word(base) and self._nominal(base)
