"""Head evidence for spaced text: when a word before a head (a bound stem, an affixoid, a modifier
prefix) makes one compound with it, and when it is the head of an ezafe phrase instead.

Split from :mod:`pairs`; hand-written for the same reason: no Persian toolkit tells a compound
from an ezafe phrase.
"""

from __future__ import annotations

from khabar.persian import affixes as A
from khabar.persian.characters import ZWNJ, is_joining
from khabar.persian.grammar import HAS_MARK, VERB_PREFIXES, WordTests

_TENS = frozenset(["بیست", "سی", "چهل", "پنجاه", "شصت", "هفتاد", "هشتاد", "نود"])
_UNITS = frozenset(["یک", "دو", "سه", "چهار", "پنج", "شش", "هفت", "هشت", "نه"])
_UNIT_ORDINALS = frozenset(["یکم", "دوم", "سوم", "چهارم", "پنجم", "ششم", "هفتم", "هشتم", "نهم"])
_CO_ENDINGS = frozenset((*A.PLURAL, "اش", "ام", "ات", *A.POSSESSIVE))
CORPUS_ACTION_MIN = 1_000  # see ``_corpus_action``
CORPUS_ACTION_NOUN_MIN = 50_000  # the same when stem + ی is a noun of its own (زنی «a woman»)
PRODUCTIVE_TAIL = 3  # a stem + ی that ends this many frequent corpus compounds makes action nouns


def _action_tails(zwnj: dict[str, tuple[str, int]], curated: dict[str, int]) -> dict[str, int]:
    """How many frequent two-part corpus ZWNJ spellings end in each word in ی (‑زنی 18, ‑شناسی 78);
    a curated compound counts with the corpus's own count, not the one the list gave it."""
    tails: dict[str, int] = {}
    for form, count in zwnj.values():
        if curated.get(form, count) >= CORPUS_ACTION_MIN and form[-1] == "ی" and form.count(ZWNJ) == 1:
            tail = form.split(ZWNJ, 1)[1]
            tails[tail] = tails.get(tail, 0) + 1
    return tails


def _marked(word: str) -> bool:
    return ZWNJ in word or HAS_MARK.search(word) is not None


class HeadEvidence(WordTests):
    """Tests of a word pair around a head; :class:`khabar.persian.pairs.PairRules` builds on them."""

    def _after_plural(self, left: str, right: str) -> str | None:
        """Two words right after a plural (its modifier comes next): کم/پر/خوش/بد + noun
        (وام‌های کم بهره، مسیرهای پر ترافیک) and noun + strong head (راهکارهای فناوری محور) are
        one adjective there; elsewhere they may be a phrase (این دانشگاه محور پژوهش است). A noun
        that is also a verb form joins when the dictionary lists the compound (خانواده‌های کم‌درآمد،
        ورزشکاران کم‌توان)."""
        if _marked(left) or _marked(right) or len(right) < 3:
            return None
        if left in A.MODIFIER_PREFIXES:
            adverb = "ADV" in self.lex.tags.get(right, "").split(",")  # خبرهای بد زیاد: زیاد modifies the verb
            if (adverb or not self._modified(right)) and left + ZWNJ + right not in self.lex.attested:
                return None
        elif right not in A.STRONG_HEADS or not self._head_modifier(left):
            return None
        return left + (ZWNJ if is_joining(left[-1]) else "") + right

    def _silent_h_place(self, word: str) -> bool:
        """A noun in silent ه before the place suffix گاه, which the standard then writes after a ZWNJ
        (ذخیره‌گاه): joined across a space when the corpus knows that compound, since گاه alone is
        also «sometimes» (این شیوه گاه جواب می‌دهد)."""
        if len(word) < 3 or word[-1] != "ه" or A.pronounced_h(word):
            return False
        form, count = self.lex.zwnj.get(word + A.PLACE_SUFFIX, ("", 0))
        return form == word + ZWNJ + A.PLACE_SUFFIX and count >= A.AFFIXOID_MIN

    def _compound_count(self, left: str, right: str) -> int:
        """How often the corpus writes the compound with a ZWNJ, an inflected one (فارسی زبانی) counted
        by its listed base (فارسی‌زبان)."""
        prefix = left.replace(ZWNJ, " ") + " "
        spaced = self.lex.spaced.get(prefix + right)
        if spaced is not None:
            return spaced[1]
        for suffix, restore in A.COMPOUND_INFLECTIONS:
            if right.endswith(suffix) and len(right) > len(suffix) + 1:
                spaced = self.lex.spaced.get(prefix + right[: -len(suffix)] + restore)
                if spaced is not None:
                    return spaced[1]
        return 0

    def _stem_modifier(self, left: str, right: str, after: str | None) -> str | None:
        """Noun + a present stem of three letters or more right after a plural (گردنه‌های برف‌گیر،
        مناطق سیل‌خیز): the plural's modifier compound where the corpus writes the pair as one word
        (برفگیر) or with a ZWNJ, since a bare stem stands after no noun of its own; not before a
        verb or auxiliary, where the stem is a noun in a verb phrase (خودروها در برف گیر کردند)."""
        if len(right) < 3 or right in self.lex.verbs or not self._present_stem(right) or not self._modified(left):
            return None  # a past stem is a finite verb of its own (خبرنگاران تأکید کرد)
        if after is not None and (after in A.AUXILIARIES or after in VERB_PREFIXES or after in self.lex.verbs):
            return None
        joined = left + right
        count = max(self.lex.counts.get(joined, 0), self.lex.zwnj.get(joined, ("", 0))[1])
        if count < A.AFFIXOID_MIN or self._dictionary_word(joined):
            return None  # a listed joined word (دستگیر) keeps the spelling the dictionary gives it
        return left + (ZWNJ if is_joining(left[-1]) else "") + right

    def _indefinite(self, word: str) -> bool:
        """A listed noun + ی (رویکردی، نگاهی): an indefinite noun, whose modifier follows it as a
        plural's does (رویکردی مهارت‌محور)."""
        return len(word) >= 4 and word[-1] == "ی" and "N" in self.lex.tags.get(word[:-1], "").split(",")

    def _indefinite_h(self, word: str) -> bool:
        """A listed noun in silent ه + ای (انگیزه‌ای، سازه‌ای) read from a joined token."""
        stem = word[:-2]
        return (
            word.endswith("ای")
            and len(stem) >= 3
            and stem[-1] == "ه"
            and self._dictionary_word(stem)
            and self._nominal(stem)
        )

    def _number_and(self, left: str, right: str) -> bool:
        """Tens + و glued to a unit, cardinal or ordinal (بیست وسوم، سی وهشتمین، چهل ودو), or a number +
        ونیم (یک ونیم): one number word, بیست‌وسوم; a و glued to a number word stands alone nowhere."""
        unit = right[1:]
        unit = unit[:-2] if unit.endswith("ین") else unit
        if right == A.AND_A_HALF:
            return left in A.NUMBERS  # یک‌ونیم، دوونیم: a number and a half
        return left in _TENS and right[:1] == "و" and (unit in _UNITS or unit in _UNIT_ORDINALS)

    def _stem_noun(self, word: str) -> bool:
        """A present stem + ی (فروشی، سازی): an action noun, which کم/پر make one compound with."""
        return len(word) > 3 and word[-1] == "ی" and self._present_stem(word[:-1])

    def _half_adjective(self, word: str) -> bool:
        """An adjective after نیمه «semi-» (نیمه‌فعال، نیمه‌شفاف): one adjective with it, unless an
        ordinal or a direction names which half (نیمه دوم، نیمه جنوبی)."""
        tags = set(self.lex.tags.get(word, "").split(","))
        return "AJ" in tags and tags.isdisjoint({"NUM", "DET", "PRO"}) and word not in A.EZAFE_ADJECTIVES

    def _compound_number(self, word: str) -> bool:
        """Tens + و + a unit written as one number word (هشتادوپنج، بیست‌ودو): a count, as a bare number is."""
        tens, _, unit = word.replace(ZWNJ, "").partition("و")
        return tens in _TENS and unit in _UNITS

    def _letter_only(self, word: str | None) -> bool:
        """A Latin letter name that is no Persian word or verb too (اس، ام، تی; not بی، سی، او)."""
        return word in A.LETTER_NAMES and not self._dictionary_word(word) and word not in self.lex.verbs

    def _short_noun(self, word: str) -> bool:
        """A listed noun that is no function word or verb (گل، سر، دل; not ما، دو، زد)."""
        tags = self.lex.tags.get(word, "").split(",")
        return "N" in tags and A.FUNCTION_TAGS.isdisjoint(tags) and word not in self.lex.verbs

    def _after_preposition(self, left: str, right: str) -> str | None:
        """کم/پر + a noun in ی right after a preposition (از کم توجهی): no noun precedes for کم to
        modify (فروش کم پاییزی), so the two are one noun, as the corpus spells it with a ZWNJ."""
        if left not in A.QUANTITY_PREFIXES or len(right) < 4 or right[-1] != "ی" or not self._modified(right[:-1]):
            return None
        form, count = self.lex.zwnj.get(left + right, ("", 0))
        if form != left + ZWNJ + right or (count < A.AFFIXOID_MIN and form not in self.lex.attested):
            return None
        return form

    def _carrier(self, left: str, after: str | None) -> str | None:
        """Noun + بر «taking» (هزینه‌بر، زمان‌بر) before what cannot follow the preposition بر «on»:
        a copula, an auxiliary or «و» (not the end of a run: a number may follow, بالغ بر ۵۰ نفر)."""
        if not (after in A.AUXILIARIES or after in A.CLAUSE_LINKS) or not self._modified(left):
            return None
        return left + (ZWNJ if is_joining(left[-1]) else "") + A.CARRIER_HEAD

    def _head_taker(self, left: str, right: str) -> bool:
        """Whether a bound head joins the word before it: not a function word or number, except
        هم before a head that is no verb form or that the corpus knows after هم (هم‌افزایی; but هم داری
        «you also have»)."""
        if left in A.NUMBERS:
            return False
        if not self._function_word(left):
            return True
        if left != A.CO_PREFIX:
            return False
        known = max(self.lex.zwnj.get(left + right, ("", 0))[1], self.lex.counts.get(left + right, 0))
        return right not in self.lex.verbs or known >= A.AFFIXOID_MIN

    def _co_noun(self, left: str, head: str, ending: str) -> str | None:
        """هم + a listed noun in ی or ‌ای with a plural or clitic (هم‌استانی‌هایش، هم‌کلاسی‌اش،
        هم‌محله‌ای‌ها): «also» cannot stand there, since an indefinite noun (هم کتابی «also a book»)
        takes no such ending. Not an adjective hazm lists in ‌ای (هم حرفه‌ای‌ها و هم …: «both»)."""
        if left != A.CO_PREFIX or ending not in _CO_ENDINGS or len(head) < 4 or head[-1] != "ی":
            return None
        if head in self.lex.adjectives:
            return None
        base = head[:-3] if head.endswith(ZWNJ + "ای") else head[:-1]
        return left + ZWNJ + head + ZWNJ + ending if ZWNJ not in base and self._modified(base) else None

    def _affixoid(self, left: str, right: str) -> str | None:
        """A compound with a free-word head (مردم نهاد، دانش بنیان، خودرو سازان) that the lexicon
        knows in some spelling; the head may carry a joined ending the lexicon form lacks."""
        lex = self.lex
        for ending in ("", "انی", "ان", "ی"):
            head = right[: len(right) - len(ending)]
            if not right.endswith(ending) or head not in A.AFFIXOID_HEADS:
                continue
            form, count = lex.zwnj.get(left + head, ("", 0))
            if form and form not in A.WRITTEN_APART and (count >= A.AFFIXOID_MIN or form in lex.attested):
                return form + ending
            if lex.counts.get(left + head, 0) >= A.AFFIXOID_MIN:
                return left + (ZWNJ if is_joining(left[-1]) else "") + right
        return None

    def _corpus_action(self, left: str, right: str) -> bool:
        """Noun + present stem + ی the corpus writes with a ZWNJ (گشت‌زنی 92k, جوانه‌زنی): an action
        noun no dictionary lists, when its stem + ی ends several such compounds (a productive tail:
        ‑زنی, not فرهنگی, so no میراث‌فرهنگی) and, where stem + ی is a noun of its own (زنی، بازی «a
        game»: نقش بازی، شب بازی), far more often. Not after a word that is also an adverb or
        preposition (پیش روی «in front of», سخت کاری), nor a tail that is one (روی) or a quantifier
        (شماری).
        """
        stem = right[:-1]
        if len(right) < 3 or right[-1] != "ی" or stem in self.lex.verbs or stem in A.OWN_I_STEMS:
            return False  # not a past stem + ی (کردی «you did»), nor شماری «a number of»
        tail_tags = self.lex.tags.get(right, "").split(",")
        if "P" in tail_tags or not self._present_stem(stem):
            return False  # روی «on»
        form, count = self.lex.zwnj.get(left + right, ("", 0))
        noun_tail = "N" in tail_tags
        if form != left + ZWNJ + right or count < (CORPUS_ACTION_NOUN_MIN if noun_tail else CORPUS_ACTION_MIN):
            return False
        tags = self.lex.tags.get(left, "").split(",")
        if "N" not in tags or "ADV" in tags or "P" in tags or self._function_word(left) or self._verbal(left):
            return False
        tails = self.__dict__.get("_tails")
        if tails is None:
            tails = self.__dict__["_tails"] = _action_tails(self.lex.zwnj, self.lex.curated)
        return tails.get(right, 0) >= PRODUCTIVE_TAIL

    def _quantity_phrase(self, left: str, right: str) -> bool:
        """کم before a relational adjective is the adjective of the noun before it (فروش کم
        پاییزی «the low autumn sales»); only its possessive compounds join (کم‌برخوردار), and the
        noun in ی of a compound hazm lists (کم‌تحرک → کم‌تحرکی) or whose antonym it lists as an
        adjective (پرفشار → کم‌فشاری; no «پرپاییز»)."""
        if left not in A.QUANTITY_PREFIXES or not right.endswith("ی"):
            return False
        antonym, base = ("پر" if left == "کم" else "کم") + right[:-1], right[:-1]
        return left + ZWNJ + base not in self.lex.attested and "AJ" not in self.lex.tags.get(antonym, "").split(",")

    def _head_modifier(self, word: str) -> bool:
        """A noun that can stand before a strong head (دانش‌محور، فناوری‌محور): a listed noun, not a
        verbal noun or infinitive whose object the head would be (تقویت محور، بستن محور)."""
        tags = self.lex.tags.get(word, "").split(",")
        if len(word) < 4 or "N" not in tags or "ADV" in tags or self._function_word(word) or word in self.lex.verbs:
            return False  # ADV: an adjective also used as an adverb (نگران، آزاد), no compound's noun
        if self._verbal(word):
            return False  # بودن محور: an infinitive governs the head
        return not any(pattern.fullmatch(word) for pattern in A.VERBAL_NOUN_PATTERNS)

    def _stem_action(self, parts: list[str]) -> bool:
        """Noun + present stem + ی in a dictionary compound (پاسخ‌گویی، نگه‌داری): the action noun,
        not «you say / you have», when the ی form is no noun or adjective of its own (بازی، مالی)."""
        if len(parts) != 2 or len(parts[1]) < 3:
            return False
        stem, tags = parts[1][:-1], self.lex.tags
        if not {"N", "AJ"}.isdisjoint(tags.get(parts[1], "").split(",")):
            return False
        if stem + "ند" not in self.lex.verbs and stem + "یند" not in self.lex.verbs:
            return False
        return "N" in tags.get(parts[0], "").split(",") and not self._function_word(parts[0])

    def _stem_head(self, parts: list[str]) -> bool:
        """Noun + a present stem of three letters or more, bare or + ی (چشم‌گیر، ارزش‌یابی): a compound
        however often the corpus joins it, since neither «X گیر» nor «X یابی» is a phrase."""
        if len(parts) != 2 or len(parts[1]) < 3:
            return False
        last = parts[1]
        for stem in (last, last[:-1] if last[-1] == "ی" else ""):
            if len(stem) >= 3 and self._present_stem(stem):
                return "N" in self.lex.tags.get(parts[0], "").split(",") and not self._function_word(parts[0])
        return False

    def _listed_stem_head(self, parts: list[str]) -> bool:
        """A dictionary compound of a noun + a present stem that is also a word (رکاب‌زن، پاک‌کن،
        رشوه‌گیر): the dictionary vouches for it however rarely the corpus writes its ZWNJ, since
        a bare stem after a noun is no phrase; not a stem that is also a number or function word
        (ده «ten», بر «on»: وام ده میلیونی، زمان بر).
        """
        if len(parts) != 2 or len(parts[1]) < 2 or parts[1] in self.lex.verbs or not self._present_stem(parts[1]):
            return False  # a past stem (کرد، داشت) is a verb of its own
        if not A.FUNCTION_TAGS.isdisjoint(self.lex.tags.get(parts[1], "").split(",")):
            return False
        tags = self.lex.tags.get(parts[0], "").split(",")
        return "N" in tags and "ADV" not in tags and not self._function_word(parts[0])

    def _stem_compound(self, stem: str, form: str) -> bool:
        """A joined noun + present stem (+ ی) the dictionary lists only with a ZWNJ (کلاه‌برداری،
        پول‌شویی): parted however often corpora join it, as the spaced pair is; not when the
        dictionary lists the joined word or its base without ی (دستگیری of دستگیر)."""
        if self._dictionary_word(stem) or (stem[-1] == "ی" and self._dictionary_word(stem[:-1])):
            return False
        return self._stem_head(form.split(ZWNJ))

    def _be_action(self, word: str) -> bool:
        """A noun + present stem + ی (روزرسانی، کاراندازی) no corpus writes alone, after «به»: the
        action noun of a به compound (به‌روز + رسانی) the dictionary lists with its ZWNJ; the
        preposition «به» takes only free words (به تنهایی)."""
        if len(word) < 6 or word[-1] != "ی" or self.lex.counts.get(word, 0) > 0:
            return False
        if "به" + ZWNJ + word not in self.lex.attested:
            return False
        return any(self._action(word[:cut], word[cut:-1]) for cut in range(3, len(word) - 3))

    def _negated_compound(self, word: str) -> str | None:
        """غیر + a compound the dictionary spells only with a ZWNJ (غیرهم‌سطح of هم‌سطح), unless the
        dictionary lists the negated word joined (غیرهمسو): the compound keeps its ZWNJ."""
        spelled = self.lex.zwnj.get(word[3:])
        if spelled is None or spelled[0] not in self.lex.attested or self._dictionary_word(word):
            return None
        return word[:3] + spelled[0]

    def _action(self, noun: str, stem: str) -> bool:
        """A listed noun + a present stem: with ی an action noun (برف‌باری، نوبت‌دهی)."""
        return len(noun) >= 3 and self._nominal(noun) and not self._function_word(noun) and self._present_stem(stem)

    def _agent_plural(self, left: str, right: str) -> str | None:
        """A listed noun + present stem + ان that no dictionary lists alone (اسکی بازان، حافظ پژوهان):
        the agent plural of a noun + stem compound, since a bare stem + ان is no word of its own to
        stand after a noun. Stems of three letters or more (not زنان «women», کنان); a stem that is
        also a listed noun or adjective (بیمار) only where the lexicon knows the compound (صلح‌طلب),
        since its own plural may follow a word (برای بیماران)."""
        lex, stem = self.lex, right[:-2]
        if len(stem) < 3 or right in lex.verbs or lex.tags.get(right, "0") != "0" or not self._present_stem(stem):
            return None
        if self._nominal(stem) and left + stem not in lex.zwnj and left + stem not in lex.counts:
            return None
        tags = lex.tags.get(left, "").split(",")
        if "N" not in tags or "ADV" in tags or "P" in tags or self._function_word(left) or left in lex.verbs:
            return None
        return None if self._verbal(left) else left + (ZWNJ if is_joining(left[-1]) else "") + right

    def _present_stem(self, stem: str) -> bool:
        """A present stem: the lexicon has its third person singular and plural (گیرد، گیرند; باید، بایند)."""
        verbs = self.lex.verbs
        return (stem + "د" in verbs or stem + "ید" in verbs) and (stem + "ند" in verbs or stem + "یند" in verbs)

    def _relational_of(self, word: str) -> bool:
        """A relational adjective in ی/یی of a dictionary word (هوایی of هوا، گویی of گو): the
        coordinated compound's adjective (آب‌وهوایی، گفت‌وگویی)."""
        for ending in ("یی", "ی"):
            base = word[: -len(ending)]
            if word.endswith(ending) and len(base) >= 2 and self._dictionary_word(base):
                return True
        return False

    def _modified(self, word: str) -> bool:
        """A noun کم/پر/خوش/بد can make an adjective of: listed as a noun, no verb or function word."""
        tags = self.lex.tags.get(word, "").split(",")
        lex = self.lex
        return "N" in tags and not self._function_word(word) and word not in lex.verbs and word not in lex.participles

    def _verbal(self, word: str) -> bool:
        """An infinitive (کردن، شدن): the noun before it is its object, not a compound part."""
        return len(word) >= 3 and word[-1] == "ن" and word[:-1] in self.lex.verbs

    def reduplicated(self, tokens: list[str]) -> list[str]:
        """X به X (نقطه‌به‌نقطه، گام‌به‌گام، روبه‌رو) where the gate allows compounds (spaced or
        undecided text): the standard writes a reduplicated compound as one word, so its spaces
        are lost ZWNJs. Text that keeps its ZWNJs (the gate's KEPT) is left as written. Then the
        place adverbs (``_place_adverbs``), which must not take the first جا of جا به جا."""
        if A.RECIPROCAL_LINK not in tokens:
            return self._place_adverbs(tokens)
        out: list[str] = []
        i = 0
        while i < len(tokens):
            word = tokens[i]
            if (
                i + 2 < len(tokens)
                and tokens[i + 1] == A.RECIPROCAL_LINK
                and tokens[i + 2] == word
                and self._repeatable(word)
            ):
                out.append(word + (ZWNJ if is_joining(word[-1]) else "") + A.RECIPROCAL_LINK + ZWNJ + word)
                i += 3
            else:
                out.append(word)
                i += 1
        return self._place_adverbs(out)

    def _place_adverbs(self, tokens: list[str]) -> list[str]:
        """A demonstrative + جا «place» (آن جا، همین جا): the adverb, which the standard writes with a
        ZWNJ (آن‌جا) where the lexicon knows that spelling; جای and جایزه are other words."""
        if A.PLACE_NOUN not in tokens:
            return tokens
        out: list[str] = []
        for i, word in enumerate(tokens):
            linked = i + 1 < len(tokens) and tokens[i + 1] == A.RECIPROCAL_LINK  # این جا به جایی
            if word == A.PLACE_NOUN and out and self._determiner(out[-1]) and not linked:
                form = out[-1] + ZWNJ + word
                if self.lex.zwnj.get(out[-1] + word, ("",))[0] == form:
                    out[-1] = form
                    continue
            out.append(word)
        return out

    def _repeatable(self, word: str) -> bool:
        return ZWNJ not in word and self.lex.counts.get(word, 0) > 0 and not self._function_word(word)
