"""Spaced-text rules: whether two neighbouring tokens are one word whose ZWNJ became a space.

A suffix written apart (همکاری های), a verbal prefix (می کند), بی + word, coordinated and
bound-head compounds (گفت و گو، زمین شناس), adjective prefixes, and the lexicon's compounds
(رئیس جمهور) — each guarded against the phrases the standard writes apart (کره شمالی، کرده بود).
Hand-written: no Persian toolkit tells a compound from an ezafe phrase. Answers are cached per pair.
"""

from __future__ import annotations

from khabar.persian import affixes as A
from khabar.persian.characters import ZWNJ, is_joining
from khabar.persian.evidence import HeadEvidence
from khabar.persian.gate import DETACHED_AFFIXES
from khabar.persian.grammar import CACHE_LIMIT, HAS_MARK, TOKEN_SUFFIXES, VERB_PREFIXES
from khabar.persian.lexicon import Lexicon
from khabar.persian.phrases import LISTED_COMPOUNDS, SPACED_CONJUNCTIONS

_LEFT_TRIGGERS = frozenset(
    {
        *VERB_PREFIXES,
        A.PRIVATIVE,
        "هیچ",
        *A.NUMBERS,
        *A.ADJECTIVE_PREFIXES,
        *A.NOUN_PREFIXES,
        *A.RANGE_FIRST,
        *A.RELATIONAL_PREFIXES,
        *A.NEGATIVE_PREFIXES,
        A.HALF,
        *A.POWER_UNITS,
        *(form.split(ZWNJ, 1)[0] for form in LISTED_COMPOUNDS | SPACED_CONJUNCTIONS),
    }
)
_RIGHT_TRIGGERS = TOKEN_SUFFIXES | A.BOUND_HEADS | A.AFFIXOID_HEADS | A.COPULA_HEADS | {A.PLACE_SUFFIX}
_HEAD_ENDINGS = frozenset((*A.PLURAL, *A.COMPARATIVE))
_REJOIN_AFTER = TOKEN_SUFFIXES | A.THREE_PART_HEADS  # what may let a merged word join the one before
_AFTER_ZWNJ = _HEAD_ENDINGS | A.THREE_PART_HEADS  # the last part of a merged right word worth a look
_CO_AFTER_PRONOUN = TOKEN_SUFFIXES | A.NOW_ADVERBS  # what هم still takes after a subject pronoun
COMPOUND_MIN = 30_000
COMPOUND_BEFORE_VERB_MIN = 100_000
RARE_ZWNJ = 100  # a ZWNJ spelling the corpus has seen (1-99 times) but rarely: one writer's habit
NATURALISED = 20_000_000  # a corpus count no foreign name part reaches (سان 6M, کنگ 2M; تیم 111M)
JOINED_DOMINANCE = 10  # a form the corpus joins 10x more often than it writes with ZWNJ: a name
VERBAL = "\x00verbal"  # merge_pair's answer for a lexicon compound: the next token decides
_UNSEEN = "\x00unseen"  # a pair not in the cache yet


def _marked(word: str) -> bool:
    return ZWNJ in word or HAS_MARK.search(word) is not None


class PairRules(HeadEvidence):
    """Merges neighbouring tokens of spaced text; holds the per-pair cache."""

    def __init__(self, lexicon: Lexicon) -> None:
        super().__init__(lexicon)
        self._pairs: dict[tuple[str, str], str | None] = {}

    def merge(self, tokens: list[str], *, affix_only: bool = False) -> list[str]:
        """Neighbours merged; ``affix_only`` (the damage-mode gate) joins only a detached affix
        token (ها، ترین) to its word and a detached می/نمی to its verb."""
        out = [tokens[0]]
        pairs, merge_pair, heads = self._pairs, self.merge_pair, self.lex.heads
        skip = False
        for i in range(1, len(tokens)):
            if skip:
                skip = False
                continue
            left, right = out[-1], tokens[i]
            if affix_only and right not in DETACHED_AFFIXES and left not in A.VERB_PREFIXES:
                out.append(right)
                continue
            merged = pairs.get((left, right), _UNSEEN)
            if merged is _UNSEEN:
                merged = merge_pair(left, right)
            if merged is not None:
                merged = self._in_sentence(out, tokens, i, merged)
            if merged is None and (left in A.MODIFIER_PREFIXES or right in A.STRONG_HEADS) and len(out) > 1:
                modified = self._plural(out[-2]) or (right in A.STRONG_HEADS and self._indefinite(out[-2]))
                merged = self._after_plural(left, right) if modified else None
                if merged is None and out[-2] in A.PREPOSITIONS:
                    merged = self._after_preposition(left, right)
            if merged is None and right == A.CARRIER_HEAD:
                merged = self._carrier(left, tokens[i + 1] if i + 1 < len(tokens) else None)
            if merged is None and len(out) > 1 and right + "ند" in self.lex.verbs and self._plural(out[-2]):
                merged = self._stem_modifier(left, right, tokens[i + 1] if i + 1 < len(tokens) else None)
            if merged is None and not affix_only and i + 1 < len(tokens) and left + " " + right in heads:
                merged = self._three_words(left, right, tokens[i + 1])
                skip = merged is not None
            if merged is None:
                out.append(right)
            else:
                out[-1] = merged
                if not affix_only and (right in _REJOIN_AFTER or self._bound(right)) and len(out) > 1:
                    self._rejoin(out)
        return out

    def _rejoin(self, out: list[str]) -> None:
        """A word that just took its ending (پر هزینه‌تر) or its bound head (نامه‌نویس) may now join
        the word before it (نمایش‌نامه‌نویس)."""
        again = self.merge_pair(out[-2], out[-1])
        if again is not None and again is not VERBAL:
            out[-2:] = [again]

    def _in_sentence(self, out: list[str], tokens: list[str], i: int, merged: str) -> str | None:
        """A pair's answer checked against its neighbours: an overlapping compound that wins, an
        attribution formula before it, a verb after a lexicon compound (``VERBAL``)."""
        left, right = out[-1], tokens[i]
        after = tokens[i + 1] if i + 1 < len(tokens) else None
        if after is not None and self._loses_to_next(left, right, after):
            return None
        if right in TOKEN_SUFFIXES and right in A.LETTER_NAMES and self._letter_only(after):
            return None  # بیماری ام اس: a letter name before another spells a name, it is no clitic
        if len(out) > 1 and (out[-2], left) in A.ATTRIBUTION_FORMULAS and right not in TOKEN_SUFFIXES:
            return None  # به گزارش نامه: an outlet's name follows the formula, not a compound
        if left in A.NOUN_PREFIXES and after and self._predicate_follows(after) and not self._adjectival(right):
            return None  # جدول فوق نشان می‌دهد: «above-mentioned», and the noun is the verb's
        if left == A.CO_PREFIX and len(out) > 1 and out[-2] in A.PERSONAL_PRONOUNS and right not in _CO_AFTER_PRONOUN:
            return None  # او هم خانه‌اش را فروخت: after a subject pronoun هم is «too», not «co-» (but هم‌اکنون)
        if merged is not VERBAL:
            return merged
        if after in VERB_PREFIXES and i + 2 < len(tokens):
            after += ZWNJ + tokens[i + 2]  # the verb after a detached می: the pair's own verb
        verb = self._verb_follows(left, right, after)
        if verb and len(out) > 1 and self._plural_head(out[-2]) and right in self.lex.participles:
            verb = after in A.AUXILIARIES  # کشورهای توسعه یافته و …، مناطق جنگ زده: a plural's modifier
        verb = verb or (ZWNJ in left and right in self.lex.participles)  # برنامه‌ریزی شده: a compound verb
        return None if verb else self._spaced(left, right)

    def _plural(self, word: str) -> bool:
        """A plural noun (سال‌های، ناشران، تولیدکنندگان، افراد): what follows it is its modifier."""
        if self._plural_head(word):
            return True  # افراد کم‌توان: a broken plural hazm tags PL takes a modifier too
        if word.endswith("گان"):
            return self._dictionary_word(word[:-3] + "ه") and self._nominal(word[:-3] + "ه")
        return word.endswith("ان") and self._dictionary_word(word[:-2]) and self._nominal(word[:-2])

    def _may_merge(self, left: str, right: str) -> bool:
        """Whether any rule of ``_merge`` could apply: most neighbouring words are plain, and this
        test (set look-ups and end letters) keeps cold text from paying for the full rule chain."""
        return (
            left in _LEFT_TRIGGERS
            or right in _RIGHT_TRIGGERS
            or right[:-1] in A.ACTION_STEMS
            or (right[-1] == "ی" and left + right in self.lex.zwnj)
            or right[0] == "و"
            or (left == A.RECIPROCAL_LINK and right[-1] == "ی" and right not in self.lex.counts)
            or left[:3] in A.NEGATIVE_PREFIXES
            or right.endswith("گان")
            or (right[-2:] == "ان" and len(right) >= 5 and self._present_stem(right[:-2]))
            or self._bound(right)
            or (ZWNJ in right and (right.rsplit(ZWNJ, 1)[1] in _AFTER_ZWNJ or left == A.CO_PREFIX))
            or (left.replace(ZWNJ, " ") in self.lex.heads and self._spaced(left, right) is not None)
            or ((right in A.MEASURES or right in A.NUMBER_PIECES) and self._compound_number(left))
        )

    def _loses_to_next(self, left: str, middle: str, right: str) -> bool:
        """Two overlapping compounds (سطحی نگران کننده): a bound head or the more frequent one wins."""
        if right in TOKEN_SUFFIXES or middle in TOKEN_SUFFIXES or left in VERB_PREFIXES:
            return False
        if self._spaced(left, middle) is None:
            return False
        if self._bound(right):  # سطحی نگران کننده, but پیش بینی پذیر: the head follows a compound
            return middle + " " + right in self.lex.spaced or middle + right in self.lex.counts
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
        if len(self._pairs) > CACHE_LIMIT:
            self._pairs.clear()
        self._pairs[key] = result
        return result

    def _merge(self, left: str, right: str) -> str | None:
        if HAS_MARK.search(left + right):
            return None
        if ZWNJ in right:
            return self._inflected_head(left, right)
        lex = self.lex
        if right in TOKEN_SUFFIXES:
            return None if left == A.PRIVATIVE else self._attach(left, right)  # بی ام و: letters
        pair = left + ZWNJ + right
        if pair in A.WRITTEN_APART or (right == A.CARRIER_HEAD and pair not in lex.curated):
            return None  # میراث فرهنگی: an ezafe title; تکیه بر «relying on»: unless listed, ``_carrier`` decides
        if pair in LISTED_COMPOUNDS or pair in SPACED_CONJUNCTIONS:
            return pair  # استارت‌آپ، یک‌ضرب: listed, whatever the lexicon holds
        if pair in lex.curated and left not in A.NUMBERS:  # a number counts (سه پایه)
            return VERBAL  # میانجی‌گری: khabar's list, though میانجی reads as می + a stem; the next word decides
        if left in VERB_PREFIXES and right in lex.verbs:
            return left + ZWNJ + right
        if left == A.RECIPROCAL_LINK and self._be_action(right):
            return left + ZWNJ + right  # به‌روزرسانی: «به» + an action noun no text writes alone
        if left == A.PRIVATIVE and self._privative_pair(right):
            return left + ZWNJ + right
        if self._coordinated(left, right) or self._number_and(left, right):
            return left + (ZWNJ if is_joining(left[-1]) else "") + right  # گفت‌وگو، بیست‌وسوم; دادوستد
        bound = self._bound(right) or right in A.COPULA_HEADS
        if (bound or right in A.AFFIXOID_HEADS) and self._verb_form(left):
            return None  # می‌گویند طلب‌های معوق: a head never attaches to a verb
        if bound and self._plural(left) and self._indefinite_h(right):
            return None  # صادرکنندگان انگیزه‌ای: a plural ends its word, so انگیز‌ها is no head here
        if bound and self._head_taker(left, right) and not left.endswith("های"):  # سازهای کوبه‌ای: plural ends a word
            if right.startswith("مند"):  # ثروتمند but علاقه‌مند: a ZWNJ only after a silent ه
                return left + (ZWNJ if left[-1] == "ه" and not A.pronounced_h(left) else "") + right
            return left + (ZWNJ if is_joining(left[-1]) else "") + right
        prepositional = "P" in lex.tags.get(left, "").split(",")  # زیر بند «under the line», not زیربند
        if right in A.AFFIXOID_HEADS and not self._function_word(left) and left not in A.NUMBERS and not prepositional:
            affixoid = self._affixoid(left, right)
            if affixoid is not None:
                return affixoid
        if right[-2:] == "ان" and (agent := self._agent_plural(left, right)):
            return agent
        if left in A.NEGATIVE_PREFIXES:
            return left + right if self._negatable(right) else None  # غیرقانونی: ر does not join
        if left[:3] in A.NEGATIVE_PREFIXES and len(left) > 4:
            inner = self._spaced(left[3:], right)  # غیرهم سطح: after غیر, هم سطح is no «also level»
            return None if inner is None or inner not in lex.attested else left[:3] + inner
        if left in A.NUMBERS or self._compound_number(left) or (left == A.HALF and right.endswith("ه")):
            measure = right in A.MEASURES or right in A.NUMBER_PIECES or self._number_measure(right)
            measure = measure or (left[-1] == "ی" and right == A.ORDINAL_VOWEL)  # سی‌امین, not the name امین
            return left + ZWNJ + right if measure else None
        if self._verbal(right):
            return None
        if right == A.PLACE_SUFFIX and self._silent_h_place(left):
            return left + ZWNJ + right  # ذخیره‌گاه، تکیه‌گاه
        if left == "هیچ" and right in A.HICH_SPACED:
            return left + ZWNJ + right
        if self._relational(left, right) or self._action_noun(left, right) or self._corpus_action(left, right):
            return left + ZWNJ + right
        if left in A.ADJECTIVE_PREFIXES and self._adjectival(right) and not self._quantity_phrase(left, right):
            return left + ZWNJ + right
        if left == A.SEMI and self._half_adjective(right):
            return left + ZWNJ + right
        if left in A.NOUN_PREFIXES and len(right) >= 2 and self._modified(right):
            return left + ZWNJ + right
        if left in A.POWER_UNITS and right == A.ENERGY_HEAD:
            return left + ZWNJ + right  # کیلووات‌ساعت
        if left in A.RANGE_FIRST and right in A.RANGE_SECOND:
            return left + (ZWNJ if is_joining(left[-1]) else "") + right
        form = self._spaced(left, right)
        if form is not None and left in lex.participles and right in lex.participles:
            return None
        return None if form is None else VERBAL

    def _verb_follows(self, left: str, middle: str, after: str | None) -> bool:
        """Whether the token after a lexicon compound makes it a verb phrase instead: a participle
        before an auxiliary or verb (آسیب دیده بود), هم before a light verb other than شدن (هم
        اندازه بگیرد, where هم means "also"), a rare compound before a light verb (پیش آغاز شده بود)."""
        if middle in self.lex.participles:
            return after is None or after in A.AUXILIARIES or after in A.CLAUSE_LINKS
        quantity = left in A.QUANTITY_PREFIXES and not self._stem_noun(middle)  # کم‌فروشی کنند: no «little sale»
        if quantity and after and self._finite_verb(after) and not self._noun(after):
            return not self._verb_of(after, A.OBJECTLESS_STEMS)  # کم آب می نوشند; but کم‌رنگ شد, کم‌درآمد می‌توانند
        if after is None or not self._light_verb(after):
            return False
        if left == "هم":  # هم صدا شوند: شدن takes no object, so هم‌صدا is its predicate, not «also» + noun
            return not self._verb_of(after, A.BECOMING_STEMS)
        return self._compound_count(left, middle) < COMPOUND_BEFORE_VERB_MIN

    def _three_words(self, left: str, middle: str, right: str) -> str | None:
        """Three words the lexicon spells as one compound whose first two make no word alone (آب
        شیرین کن، سی وسه پل): the compound, trusted as a two-part one is (``_compound_ok``). Not a
        participle at the end (a verb phrase: بسته بندی شده است) nor letter names (سی ان ان)."""
        spaced = self.lex.spaced.get(left + " " + middle + " " + right)
        if spaced is None or right in self.lex.participles:
            return None
        if sum(part in A.LETTER_NAMES for part in (left, middle, right)) > 1:
            return None
        return spaced[0] if self._compound_ok(*spaced) else None

    def _relational(self, left: str, right: str) -> bool:
        """بین + a relational adjective of a noun (بین‌شهری، بین‌نسلی، درون‌گروهی): one adjective."""
        if left not in A.RELATIONAL_PREFIXES or len(right) < 4 or right[-1] != "ی" or right[-2] == "ی":
            return False
        if right[-2] == "ه" and not A.pronounced_h(right[:-1]):
            return False
        tags = self.lex.tags.get(right[:-1])
        return tags is not None and "N" in tags.split(",")

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
        if stem not in A.ACTION_STEMS or stem[-1] == "ا" or "N" in lex.tags.get(right, "").split(","):
            return False  # a stem in ا takes یی (صحنه‌آرایی): آرای is «the votes of»
        if left in lex.verbs and left not in lex.participles:
            return False  # a participle names a thing here: بسته‌بندی، داده‌کاوی
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
            and (self._dictionary_word(self._without_clitic(right[1:])) or self._relational_of(right[1:]))
            and self._dictionary_word(left.removeprefix(A.PRIVATIVE + ZWNJ))  # بی‌نام‌ونشان، بی‌سروصدا
            and not self._function_word(left)
            and (left not in A.NUMBERS or lex.known(left + right))  # هزار ویال counts vials; دوومیدانی
        )

    def _inflected_head(self, left: str, right: str) -> str | None:
        """A head that took its spaced plural or comparative first (نفت کش‌ها، انعطاف پذیرتر‌ها):
        the head joins the word before it as it would bare, and the ending stays after its ZWNJ."""
        head, ending = right.rsplit(ZWNJ, 1)
        if ZWNJ in head or len(head) < 2:
            return self._co_noun(left, head, ending) if head.endswith(ZWNJ + "ای") else None
        if ending in A.THREE_PART_HEADS:
            return self._compound_then_head(left, head, ending)
        if ending not in _HEAD_ENDINGS:
            return self._co_noun(left, head, ending)
        merged = self.merge_pair(left, head) if self._may_merge(left, head) else None
        if merged is VERBAL:
            merged = self._spaced(left, head)  # an ending follows, not a verb
        if merged is None and left in A.MODIFIER_PREFIXES and ending in A.COMPARATIVE and self._modified(head):
            # پر ترافیک‌تر: a comparative makes کم/پر + noun one adjective (پرهزینه‌تر: nothing after ر)
            merged = left + (ZWNJ if is_joining(left[-1]) else "") + head
        if not isinstance(merged, str) or merged == left + " " + head:
            return self._co_noun(left, head, ending)
        return merged + ZWNJ + ending

    def _compound_then_head(self, left: str, middle: str, head: str) -> str | None:
        """A known compound before a bound head that joined its second part first (نمایش نامه‌نویس):
        the compound as the lexicon spells it, the head after a ZWNJ, when the corpus knows the three
        parts as one word. Without that a compound's part before it is a phrase of its own (بزرگ
        راه‌سازی «large road-building», یک زبان‌شناس «a linguist»); nor is a function word or هم a part."""
        tags = self.lex.tags.get(left, "").split(",")
        if left == "هم" or not A.FUNCTION_TAGS.isdisjoint(tags) or not {"N", "AJ"} & set(tags):
            return None
        form = self._spaced(left, middle)
        if form is None or not self._known_three(left + middle, head):
            return None
        return form + (ZWNJ if is_joining(form[-1]) else "") + head

    def _known_three(self, compound: str, head: str) -> bool:
        """Whether the corpus spells compound + head (or + the head's base) as one word, any spelling."""
        lex = self.lex
        for ending in ("", "ان", "ی", "گان"):
            base = head[: len(head) - len(ending)] if ending else head
            if not head.endswith(ending) or len(base) < 2:
                continue
            form, count = lex.zwnj.get(compound + base, ("", lex.counts.get(compound + base, 0)))
            if count >= A.AFFIXOID_MIN or form in lex.attested:
                return True
        return False

    @staticmethod
    def _number_measure(word: str) -> bool:
        """A number word joined to a measure (هزارساله، صدروزه): سه هزارساله is one adjective."""
        return any(word.startswith(n) and word[len(n) :] in A.MEASURES for n in A.NUMBERS if len(n) > 1)

    def _attach(self, left: str, right: str) -> str | None:
        """A suffix written as a word of its own (همکاری های، رفته اند): attach it to the left."""
        if right in A.PLURAL or right in A.COMPARATIVE:
            return left + (ZWNJ if is_joining(left[-1]) else "") + right
        if A.needs_zwnj(left, right):
            return left + ZWNJ + right
        if right == "اند" and is_joining(left[-1]) and left not in self.lex.verbs and self._nominal(left):
            return left + ZWNJ + right  # نگران‌اند
        return None  # گفت ای مردم: a vocative, not a clitic

    def _compound_ok(self, form: str, count: int) -> bool:
        """Shekar's corpus spells many phrases with ZWNJ (تیم‌ملی); trust only hazm's dictionary.
        A name with a foreign part (لس آنجلس، هنگ کنگ) joins only when listed as known, as every
        compound on khabar's curated list is."""
        lex = self.lex
        if form in lex.curated:
            return form not in A.WRITTEN_APART  # khabar's own list: known, whatever its parts look like
        parts = form.split(ZWNJ)
        arabic = any(p.startswith("ال") for p in parts)  # رحمه‌الله، دائرة‌المعارف: an Arabic phrase
        if parts[0] not in A.UNIT_PREFIXES and not arabic and not all(self._persian_part(p) for p in parts):
            return form in A.KNOWN_ZWNJ_NAMES or form in A.KNOWN_LOAN_COMPOUNDS
        if form not in lex.attested or form in A.WRITTEN_APART or self._clause_conjunction(parts[0]):
            return False
        rare = 0 < count < RARE_ZWNJ and ZWNJ + "و" not in form and self._dictionary_word(parts[-1])
        rare = rare and parts[-1] not in A.PLACE_NAME_HEADS
        if rare and not self._listed_stem_head(parts):
            return False  # a rare spelling of two words; a part no word alone (هم‌تیمی) marks a compound
        joined = form.replace(ZWNJ, "")
        if lex.counts.get(joined, 0) > JOINED_DOMINANCE * max(count, 1) and (
            (self._dictionary_word(joined) and not self._stem_head(parts)) or self._determiner(parts[0])
        ):
            return False  # علیرضا: a listed word written joined; این گونه: «this species», not اینگونه
        if parts[0] in A.GEOGRAPHIC_TERMS and count < COMPOUND_MIN and not self._bound(parts[-1]):
            return False  # دشت مغان، چشمه علی: a place name, the generic term written apart
        checked = parts[:-1] if parts[-1] + "ند" in self.lex.verbs else parts  # a stem head (نقشه‌کش) is no conjunction
        if parts[-1] in A.EZAFE_ADJECTIVES or any(self._function_word(p) for p in checked if p != "هم"):
            return False
        # a rare compound ending in a participle or a finite verb (تازه ساخت «newly built» / «built anew»)
        last = parts[-1]
        if last[-1] == "ی" and (self._modified(last[:-1]) or self._stem_action(parts)):
            return True  # کم‌خوابی، اضافه‌کاری: a noun's ی, not «you slept / you plant»
        return count >= COMPOUND_MIN or (last not in lex.participles and last not in lex.verbs)

    def _privative_pair(self, right: str) -> bool:
        """Spaced بی + X: the prefix when X, or X less a joined inflection (بی خبریم، بی آبند), makes a
        word the lexicon writes بی‌X; the preposition «without» before a pronoun or conjunction
        (بی او، بی آنکه) and a letter name (بی بی سی) stay apart."""
        if right in A.LETTER_NAMES or right in A.PRIVATIVE_APART:
            return False
        if not A.PREPOSITIONAL_TAGS.isdisjoint(self.lex.tags.get(right, "").split(",")):
            return A.PRIVATIVE + ZWNJ + right in self.lex.attested  # بی‌نهایت، بی‌خود، بی‌جهت
        if self._privative_rest(right) or (len(right) == 2 and self._short_noun(right)):
            return True  # بی گل: spaced, a two-letter noun is a word (joined, بیده is too short to tell)
        attested = self.lex.attested
        for ending in A.PRIVATIVE_INFLECTIONS:
            stem = right[: len(right) - len(ending)]
            if right.endswith(ending) and len(stem) >= 2 and A.PRIVATIVE + ZWNJ + stem in attested:
                return True
        return False

    def _persian_part(self, part: str) -> bool:
        """A compound's part as Persian grammar builds it: a dictionary word, also after و (گفت‌وگو),
        in X‌به‌X / X‌درX (جابه‌جا، پی‌درپی), before ی/گی/گان/انه (همه‌پرسی، یخ‌زدگی، صلح‌جویانه),
        a present stem (پیام‌رسان), an Arabic ال phrase (فوق‌العاده) or a listed bound piece (ذی، گانه).
        A part that is none of these (آنجلس، کنگ، تاون) marks a foreign name."""
        if part.startswith("ال") or part in A.PERSIAN_PIECES or part in A.BOUND_HEADS or part in self.lex.participles:
            return True
        inner = part.startswith("در") or part.startswith("اندر")  # پی‌درپی، دست‌اندرکار: «in» + a word
        linked = part[part.index("در") + 2 :] if inner else part[:-2] if part.endswith("به") else ""
        for form in (part, part[1:] if part[0] == "و" else "", linked):
            if len(form) < 2:
                continue
            for base in (form, *(form[: -len(end)] + add for end, add in A.PART_ENDINGS if form.endswith(end))):
                verbs = self.lex.verbs
                if len(base) >= 2 and (self._dictionary_word(base) or base + "ند" in verbs or base + "یند" in verbs):
                    return True
                if self.lex.counts.get(base, 0) >= NATURALISED:
                    return True  # تیم، آپارتمان: hazm's dictionary lacks them, news writes them all the time
        return False

    def _corpus_derived(self, prefix: str, right: str, spaced: tuple[str, int]) -> bool:
        """A compound only the corpus spells with a ZWNJ, and often, made by an ending from one the
        dictionary lists (انسان‌دوستانه from انسان‌دوست، پناه‌جویان from پناه‌جو): the dictionary
        vouches for the compound, the corpus for the derived word. The derived word alone is often
        a word of its own (دوستانه «friendly»), so nothing joins without the corpus spelling."""
        if spaced[1] < RARE_ZWNJ or spaced[0] in self.lex.attested:
            return False
        for suffix, restore in A.DERIVED_ENDINGS:
            if right.endswith(suffix) and len(right) > len(suffix) + 1:
                base = self.lex.spaced.get(prefix + right[: -len(suffix)] + restore)
                if base is not None and base[0] in self.lex.attested and self._compound_ok(*base):
                    return True
        return False

    def _spaced(self, left: str, right: str) -> str | None:
        """A lexicon compound spelled with a space, also when the second part is inflected."""
        head = left.replace(ZWNJ, " ")
        starts = self.lex.heads.get(head)
        if starts is None or right[:2] not in starts:
            return None
        prefix = head + " "
        spaced = self.lex.spaced.get(prefix + right)
        if spaced is not None:
            if self._compound_ok(*spaced) or self._corpus_derived(prefix, right, spaced):
                return spaced[0]
            if spaced[0] in self.lex.attested:
                return None
        for suffix, restore in A.COMPOUND_INFLECTIONS:  # حقوق دانان: only حقوق‌دان is in the dictionary
            if right.endswith(suffix) and len(right) > len(suffix) + 1:
                inflected = right[: -len(suffix)] + restore
                spaced = self.lex.spaced.get(prefix + inflected)
                if suffix == "یی" and spaced is not None and ZWNJ + "و" not in spaced[0]:
                    continue  # رضایی after علی is a surname, گفت‌وگویی a compound's adjective
                if suffix == "ی" and self._determiner(left) and self.lex.counts.get(right, 0) > 0:
                    continue  # آن سوی مرز: a word's ezafe after a demonstrative, not آن‌سو + ی (آن‌چنانی)
                if spaced is not None and (
                    self._compound_ok(*spaced) or self._corpus_derived(prefix, inflected, spaced)
                ):
                    stem = spaced[0][: len(spaced[0]) - len(restore)]
                    return stem + (ZWNJ if suffix in A.PLURAL and is_joining(stem[-1]) else "") + suffix
        return None
