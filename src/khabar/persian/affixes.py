"""The affix grammar as data: which prefixes and suffixes attach with a ZWNJ, and how likely each is.

Weights are rough log-probabilities of the affix given the stem (tuned on the development set as a
whole, not per word); they trade a stem + affix analysis against the token read as one word.
"""

from __future__ import annotations

import re

from khabar.persian.characters import is_joining
from khabar.persian.phrases import KNOWN_LOAN_COMPOUNDS as KNOWN_LOAN_COMPOUNDS
from khabar.persian.phrases import KNOWN_ZWNJ_NAMES as KNOWN_ZWNJ_NAMES
from khabar.persian.phrases import WRITTEN_APART as WRITTEN_APART

#: Plural and plural + clitic suffixes: ZWNJ after any joining letter (کتاب‌ها، گروه‌های).
PLURAL = ("ها", "های", "هایی", "هایم", "هایت", "هایش", "هایمان", "هایتان", "هایشان", "هاست", "هایند")
#: Comparative and superlative: ZWNJ after any joining letter (بزرگ‌ترین).
COMPARATIVE = ("تر", "ترین", "تری", "ترها")
#: Clitics that take a ZWNJ only after silent ه or ی (خانه‌ای، نامه‌اش، رفته‌اند، کشتی‌ای).
VOWEL_CLITICS = ("ای", "ام", "ات", "اش", "ایم", "اید", "اند", "است")
#: First- and second-person singular clitics («my», «your»): rare in news, so never read into a
#: word the dictionary lists whole or with its own ZWNJ (دهات، دیات، اعلام، بی‌نهایت).
PERSONAL_CLITICS = frozenset({"ام", "ات", "هایم", "هایت"})
#: Possessive clitics: ZWNJ after ه or ی (خانه‌شان، زندگی‌شان), joined after a consonant.
POSSESSIVE = ("مان", "تان", "شان")

SUFFIX_WEIGHT = {
    **dict.fromkeys(PLURAL, -2.0),
    "ها": -1.5,
    "های": -1.5,
    **dict.fromkeys(COMPARATIVE, -3.0),
    "تر": -3.5,
    **dict.fromkeys(VOWEL_CLITICS, -3.0),
    "ای": -0.9,
    "است": -6.0,
    **dict.fromkeys(POSSESSIVE, -4.0),
}

#: A joined token seen this often in the corpus, and never with a ZWNJ, is a word of its own.
OWN_WORD_MIN = 20_000

#: What a detached بی‌X may carry joined to it (بی‌خبریم، بی‌طرفی، بی‌کاران); "" is X itself.
PRIVATIVE_INFLECTIONS: tuple[str, ...] = ("", "ی", "یم", "ید", "ند", "ان", "ش", "م", "ت", "یی")
PRIVATIVE_INFLECTIONS += ("تر", "ترین", "تری", "ها", "های", "ای", "اش")  # after a non-joining letter
#: Tags of words after which بی is mostly the preposition «without», written apart (بی او، بی آنکه):
#: such a word joins only when the dictionary lists بی‌X (بی‌نهایت، بی‌خود، بی‌جهت).
PREPOSITIONAL_TAGS = frozenset({"PRO", "CONJ", "DET", "P"})
#: Pronouns and clause openers after the preposition بی «without», written apart even where a
#: dictionary lists the joined form (بی اینکه، بی تا).
PRIVATIVE_APART = frozenset({"آنکه", "اینکه", "آن", "این", "او", "تو", "من", "ما", "شما", "ایشان", "آنها", "تا", "هیچ"})
#: Latin letter names spelled in Persian: «بی» among them is a letter (بی بی سی، بی ام و).
LETTER_NAMES = frozenset(
    {"ای", "بی", "سی", "دی", "اف", "جی", "اچ", "آی", "کی", "ال", "ام", "ان", "او", "پی", "کیو", "آر", "اس", "تی"}
    | {"یو", "وی", "ایکس", "وای", "زد", "زی"}
)

#: Suffixes written joined to the stem (متهمان، بورسی، کتابش); they only help score a reading.
JOINED = ("ان", "ی", "ین", "یان", "یی", "ش", "م", "ت", "یم", "ید", "ند", "مان", "تان", "شان", "ست")
JOINED_WEIGHT = {
    **dict.fromkeys(JOINED, -3.0),
    "ان": -2.0,
    "ی": -1.5,
    "ش": -2.5,
    **dict.fromkeys(("م", "ت", "یم", "ید", "ند"), -5.0),
}

#: Derivational endings that let an unlisted word be read as a listed one (ورزشکاران، برزیلی، طلاست).
DERIVATIONAL = ("ان", "ی", "ین", "یان", "یی", "انی", "ست")
DERIVATIONAL_WEIGHT = {**dict.fromkeys(DERIVATIONAL, -3.0), "ان": -2.0, "ی": -1.5}
#: Endings that turn a final silent ه into گ (بازنشسته → بازنشستگان، هفته → هفتگی): the word is
#: the listed one, derived, not two parts (بازن‌شستگان).
SILENT_H_DERIVED = ("گان", "گانی", "گی")

#: Verbal prefixes written with a ZWNJ before the verb (می‌کند، نمی‌شود).
VERB_PREFIXES = ("می", "نمی")
#: Preverbs that join the verbal prefix directly (برمی‌گردم، درنمی‌آید).
PREVERBS = ("بر", "در", "باز", "فرا", "فرو", "ور")
#: Person endings of present and past stems.
PRESENT_ENDINGS = ("م", "ی", "د", "یم", "ید", "ند")
PAST_ENDINGS = ("م", "ی", "", "یم", "ید", "ند")
#: The privative prefix, written with a ZWNJ before a noun or adjective (بی‌طرف).
PRIVATIVE = "بی"

#: Words that are spelled as a whole although they end like stem + suffix (kept in any case).
SUFFIX_LOOKALIKES = frozenset({"بیشتر", "کمتر", "بهتر", "مهتر", "کهتر", "دختر", "دفتر", "کبوتر", "چتر", "اختر"})

#: Suffixes that take a ZWNJ after some stems ("است" is a word of its own and never merged).
ZWNJ_SUFFIXES = tuple(s for s in sorted(SUFFIX_WEIGHT, key=len, reverse=True) if s != "است")


def needs_zwnj(stem: str, suffix: str) -> bool:
    """Whether the standard writes a ZWNJ between ``stem`` and ``suffix``."""
    if suffix in PLURAL or suffix in COMPARATIVE:
        return is_joining(stem[-1])
    return stem[-1] in "هی" and not pronounced_h(stem) and not glide_y(stem)


def glide_y(stem: str) -> bool:
    """A final ی that only glides a vowel into the clitic (آرزویمان، دانشجویش): written joined."""
    return len(stem) > 2 and stem[-1] == "ی" and stem[-2] in "اوآ"


def pronounced_h(stem: str) -> bool:
    """A final ه read as /h/ after a long vowel (دیدگاه، گروه): clitics join it (دیدگاهتان، گروهی)."""
    return stem.endswith("اه") or stem.endswith(PRONOUNCED_H_ENDINGS)


#: Words whose final ه is a consonant although no ا precedes it (گروه‌ها but گروهی، کوهش).
PRONOUNCED_H_ENDINGS = (
    "گروه",
    "کوه",
    "انبوه",
    "شکوه",
    "اندوه",
    "ستوه",
    "پژوه",
    "توجه",
    "شبه",
    "فقیه",
    "تنبیه",
    "توجیه",
)


#: Light-verb forms that news prose uses as other words: «severe» (خشک‌سالی شدید), «Kurdish» (موسیقی
#: کردی), never the second-person verbs they spell.
LIGHT_VERB_LOOKALIKES = frozenset({"شدید", "کردی"})
#: Stems of light verbs: a noun before one forms a compound verb, not a compound word (اندازه گرفتن).
LIGHT_VERB_STEMS = (
    "کن",
    "کرد",
    "گیر",
    "گرفت",
    "ده",
    "داد",
    "زن",
    "زد",
    "شو",
    "شد",
    "کش",
    "کشید",
    "یاب",
    "یافت",
    "آور",
    "آورد",
    "خور",
    "خورد",
    "دار",
    "داشت",
    "ساز",
    "ساخت",
    "نما",
    "نمود",
)
#: Auxiliaries after which a participle is a verb, not part of a compound (آسیب دیده بود).
AUXILIARIES = frozenset(
    [
        "است",
        "اند",
        "بود",
        "بودم",
        "بودی",
        "بودیم",
        "بودید",
        "بودند",
        "باشد",
        "باشند",
        "باشم",
        "باشیم",
        "باشید",
        "بوده",
        "نبود",
        "نبودند",
        "نیست",
        "نیستند",
        "هست",
        "هستند",
        "شد",
        "شدند",
        "شده",
        "نشد",
        "نشده",
        "خواهد",
        "خواهند",
        "بوده\u200cاند",
        "بوده\u200cاست",
        "شده\u200cاند",
        "شده\u200cاست",
    ]
)
#: Number words that form adjectives with a following measure word (سه‌روزه، یک‌سوم).
NUMBERS = frozenset(
    [
        "یک",
        "دو",
        "سه",
        "چهار",
        "پنج",
        "شش",
        "هفت",
        "هشت",
        "نه",
        "ده",
        "یازده",
        "دوازده",
        "سیزده",
        "چهارده",
        "پانزده",
        "شانزده",
        "هفده",
        "هجده",
        "نوزده",
        "بیست",
        "سی",
        "چهل",
        "پنجاه",
        "شصت",
        "هفتاد",
        "هشتاد",
        "نود",
        "صد",
        "هزار",
        "چند",
    ]
)
#: «place»: after a demonstrative it makes the adverb آن‌جا، این‌جا، همین‌جا.
PLACE_NOUN = "جا"
#: The place suffix: joined to most words (دانشگاه), after a silent ه with a ZWNJ (ذخیره‌گاه).
PLACE_SUFFIX = "گاه"
#: Bound pieces a number word takes across a space (سه‌گانه، چندگانه): never a word alone.
NUMBER_PIECES = frozenset({"گانه", "گانگی"})
#: «half»: before a measure it is one adjective with it (نیم‌ساله، نیم‌روزه), not before a noun (نیم ساعت).
HALF = "نیم"
#: Measure words and fractions written after a number word with a ZWNJ (سه‌روزه، یک‌دهم).
MEASURES = frozenset(
    [
        "روزه",
        "ساله",
        "ماهه",
        "ساعته",
        "نفره",
        "جانبه",
        "شنبه",
        "دوم",
        "سوم",
        "چهارم",
        "پنجم",
        "ششم",
        "هفتم",
        "هشتم",
        "نهم",
        "دهم",
        "صدم",
        "هزارم",
    ]
)
#: Inflections of a compound's second part: (ending in the text, ending of the lexicon form).
COMPOUND_INFLECTIONS = (
    ("گان", "ه"),
    ("گی", "ه"),
    ("ان", ""),
    ("یان", ""),
    ("ی", ""),
    ("یی", ""),
    ("انش", ""),
    ("انشان", ""),
    ("انمان", ""),
    ("انی", ""),
    ("های", ""),
    ("ها", ""),
    ("هایی", ""),
)
#: Endings that derive a word from a compound (انسان‌دوست → انسان‌دوستانه، پناه‌جو → پناه‌جویان):
#: (ending in the text, ending of the base compound).
DERIVED_ENDINGS = (("انه", ""), ("یانه", ""), ("ان", ""), ("یان", ""), ("ی", ""), ("گان", "ه"), ("گی", "ه"))

#: Adjectives that follow a noun in ezafe phrases, never compound parts: کره شمالی، رئیس کل، تیم ملی.
EZAFE_ADJECTIVES = frozenset(
    [
        "کل",
        "ملی",
        "شمالی",
        "جنوبی",
        "شرقی",
        "غربی",
        "مرکزی",
        "ارشد",
        "مصنوعی",
        "فارس",
        "عمان",
        "خارجه",
        "داخله",
        "قضاییه",
        "اسلامی",
        "دستی",
        "بالایی",
        "پایینی",
        "جلویی",
        "عقبی",
        "میانی",
        "متحد",
        "متحده",
    ]
)
#: hazm part-of-speech tags of function words: a lexicon "compound" with one of them is a phrase (یکی از).
FUNCTION_TAGS = frozenset({"P", "POSTP", "CONJ", "PRO", "DET", "NUM"})


def _heads(stems: str, endings: tuple[str, ...]) -> frozenset[str]:
    return frozenset(stem + ending for stem in stems.split() for ending in endings)


#: Second parts that never stand alone (present stems and agent nouns): written after a ZWNJ in
#: compounds (زمین‌شناس، مذاکره‌کننده، آسیب‌پذیر), so a space before them was a lost ZWNJ.
#: Agent plurals (حقوق‌دانان، گندم‌کاران): دان and کار stand alone, these not.
AGENT_PLURALS = frozenset({"دانان", "کاران"})
BOUND_HEADS = (
    _heads(
        "شناس نویس بگیر پذیر پرداز گذار گزار آموز آمیز انگیز پرور طلب زدا کاو یاب سنج نگار گرا خوار"
        " پیما نشین پز دوز آفرین ستیز گریز پوش دار افزار نورد مند افروز شکن نواز اندیش کوب اندوز گستر انداز",
        ("", "ی", "ان", "انی"),
    )
    | _heads("کنند دهند گیرند شوند", ("ه", "گان", "گی"))
    | frozenset({"زدایی", "افزایی", "آسا", "آسای"})
    | _heads("بان باف آور پرست خیز", ("", "ان", "ی"))
    | frozenset({"زا", "زای", "گری", "گریها"})
    | AGENT_PLURALS
    | frozenset({"گشا", "فرسا"})  # گره‌گشا، طاقت‌فرسا
    | _heads(
        "گرا زدا پیما زا آسا گشا فرسا", ("یی", "یان", "یانه")
    )  # after ا the endings take a ی (واقع‌گرایی، اشتغال‌زایی)
    | frozenset({"جویی", "جویانه", "فشان", "فشانی"})  # صلح‌جویی، آتش‌فشان، جان‌فشانی (not جویان: a word)
    | frozenset({"زدگی", "گرفتگی", "ماندگی", "افتادگی"})  # مه‌گرفتگی، سیل‌زدگی، عقب‌ماندگی (nouns of participles)
    | frozenset({"آزاری", "گر", "گیران"})  # حیوان‌آزاری (not آزار: مورد آزار), تحلیل‌گر (not گران «dear»)
)
#: Clitics a bound head carries after its plural or comparative (دانش‌آموزانم، آسیب‌پذیرترند): the
#: head is still bound; after the bare stem they would make a verb (شناسند «they know»).
HEAD_CLITICS = (("ان", ("م", "ت", "ش", "مان", "تان", "شان")), ("تر", ("ند", "یم", "ید", "ی")))

#: A bound adjective head + «are», joined only across a space (گله مندند → گله‌مندند، آسیب پذیرند): in a joined
#: token the grammar reads ‑مند + ‑ند itself (ثروتمندند).
COPULA_HEADS = frozenset({"مندند", "پذیرند", "ناپذیرند"})
#: Heads after a known compound in a joined three-part word (پیش‌بینی‌پذیر، هم‌سطح‌سازی).
THREE_PART_HEADS = BOUND_HEADS | frozenset({"ساز", "سازی", "سازان"})
#: Endings a bound head carries in spaced text (انعطاف پذیرتر، زمین شناس‌ها): the head is still bound.
HEAD_INFLECTIONS = ("تر", "ترین", "ها", "های")

#: Heads that form compounds (دانش‌بنیان، مردم‌نهاد، بوم‌گردی، آهنگ‌ساز، کاروان‌سرا، کم‌بضاعت) but are
#: also words of their own (نهاد «institution», ساز «instrument», بنیان «foundation»): after a space
#: they join only when the lexicon knows that very compound (``AFFIXOID_MIN`` uses, any spelling),
#: since a noun before them is as often the head of an ezafe phrase (تحکیم بنیان، رئیس نهاد).
AFFIXOID_HEADS = _heads(
    "بنیان نهاد محور ساز سرا بضاعت ران فروش گردان نامه خوان بند بردار", ("", "ی", "ان", "انی")
) | frozenset(
    {"گردی", "گردها", "محوری", "شناختی"}  # شناختی: the adjective of ‑شناسی (بوم‌شناختی)
) | frozenset(
    {"درمانی"}  # «therapy» (شیمی‌درمانی، سلول‌درمانی), also the adjective «medical» (مراکز درمانی)
)
AFFIXOID_MIN = 100
#: Affixoid heads a noun rarely governs in an ezafe phrase except as a verbal noun's object, so
#: they join any listed noun that is not one (فناوری‌محور، عدالت‌محور، دانش‌بنیان).
STRONG_HEADS = frozenset({"محور", "محوری", "مدار", "بنیان"})
#: Shapes of Arabic verbal nouns (تفعیل، افعال، افتعال، استفعال، تفعّل): تقویت، ایجاد، انتخاب،
#: استقرار، تشکل. Before a head they take it as their object (تحکیم بنیان), not as a compound.
VERBAL_NOUN_PATTERNS = tuple(re.compile(p) for p in ("ت..ی.", "ا..ا.", "ا.ت.ا.", "است..ا.", "ت...", "ت.ا.."))
#: Clause links after which a participle is a verb whose auxiliary is left out (افزایش یافته و …،
#: کاهش یافته اما …); not «که», which as often opens a relative clause after an adjective.
CLAUSE_LINKS = frozenset({"و", "اما", "ولی"})
#: Generic geographic terms: before a name they form a place name written apart (دشت مغان، چشمه
#: علی); only a frequent compound or a bound head makes them one word (کوه‌نوردی، جنگل‌داری).
GEOGRAPHIC_TERMS = frozenset(
    {"دشت", "کوه", "دریاچه", "رود", "رودخانه", "جزیره", "تنگه", "خلیج", "دره", "دریا", "تپه", "غار", "سد"}
    | {"بندر", "جنگل", "کویر", "چشمه", "آبشار", "کوهستان", "جلگه", "شبه‌جزیره"}
)
#: The second part of a place name (وکیل‌آباد، نازی‌آباد): a town the corpus spells with a ZWNJ joins
#: however rarely it is named, though «آباد» alone is also an adjective (a rare spelling otherwise parts).
PLACE_NAME_HEADS = frozenset({"آباد"})
#: Quantity and quality words that form possessive adjectives with a noun (کم‌بهره، پرترافیک).
MODIFIER_PREFIXES = frozenset({"کم", "پر", "خوش", "بد"})
#: Negating prefixes written joined (their last letter does not join): غیرقانونی، غیرایمن.
NEGATIVE_PREFIXES = frozenset({"غیر"})
NEGATIVE_WEIGHT = -3.0
#: Prefixes before a known compound in a three-part word (غیرقابل‌پیش‌بینی، قابل‌پیش‌بینی، ضدهسته‌ای).
THREE_PART_PREFIXES = frozenset({"غیر", "قابل", "ضد"})

#: Surname endings written after a ZWNJ when the first part ends in ی (کریمی‌پور، هاشمی‌نژاد، بهرامی‌فر).
SURNAME_ENDINGS = ("پور", "نژاد", "فر", "فرد", "منش", "مقدم", "کیا")
#: Second parts of هیچ written with a ZWNJ (هیچ‌کس، هیچ‌یک، هیچ‌گاه).
HICH_PARTS = frozenset({"کس", "یک", "گاه", "کدام", "وقت", "چیز"})
#: Compass compounds (شمال‌غرب، جنوب‌شرقی).
COMPASS_FIRST = frozenset({"شمال", "جنوب"})
COMPASS_SECOND = frozenset({"غرب", "شرق", "غربی", "شرقی"})
#: Weekdays spelled joined although number + شنبه (یکشنبه، پنجشنبه).
JOINED_WEEKDAYS = frozenset({"یکشنبه", "پنجشنبه", "چهارشنبه"})
#: First parts that form compounds with a ZWNJ (کم‌برخوردار، خوش‌نویس، تک‌رقمی، پیش‌نمایش): trusted
#: only inside an unlisted joined word, never across a space (کم آب می‌نوشند).
COMPOUND_PREFIXES = frozenset({"کم", "خوش", "تک", "نیمه", "میان", "پیش", "پس", "هم", "فوق", "نیم"})
#: هیچ + these across a space is a lost ZWNJ (هیچ کدام → هیچ‌کدام); هیچ چیز and هیچ وقت are written apart too.
HICH_SPACED = frozenset({"کس", "یک", "گاه", "کدام"})
#: Measures written after a number only as one word (هشت‌طبقه): a space there is a noun phrase.
JOINED_MEASURES = frozenset({"طبقه", "منظوره", "بعدی", "قلو", "رقمی", "فوریتی"})
#: Present stems used bare after می/نمی (impersonal: می‌توان، نمی‌توان).
IMPERSONAL_STEMS = ("توان",)
#: First part of relational compounds with an adjective in ی (بین‌المللی، بین‌شهری، بین‌نسلی).
RELATIONAL_PREFIXES = frozenset({"بین", "درون", "برون", "فرا", "میان"})
#: First parts of adjectival compounds that also join across a space, but only before a
#: relational adjective (تک‌رقمی، نیمه‌ابری، میان‌رشته‌ای) or a possessive one (کم‌برخوردار): before a
#: plain noun they are words of their own (کم آب می‌نوشند، نیمه دوم).
ADJECTIVE_PREFIXES = frozenset({"کم", "نیمه", "تک", "میان", "بین"})  # not چند: چند ایرانی «several Iranians»
SEMI = "نیمه"  # «semi-» before a plain adjective too (نیمه‌فعال), see ``HeadEvidence._half_adjective``
AND_A_HALF = "ونیم"  # a number + و + نیم (یک‌ونیم)
#: Prefixes that head no ezafe phrase: before any listed noun they make a compound (تک‌فرزند، تک‌خال،
#: فوق‌سنگین; فوق «above-mentioned» follows its noun: موارد فوق).
NOUN_PREFIXES = frozenset({"تک", "فوق"})
#: The link of reduplicated compounds (نقطه‌به‌نقطه، روبه‌رو).
RECIPROCAL_LINK = "به"
#: «co-» (هم‌کلاسی، هم‌افزایی), also the adverb «also, too»: it joins only where «also» cannot stand.
CO_PREFIX = "هم"
#: Subject pronouns: هم right after one is the adverb «too» (او هم خانه‌اش را فروخت).
PERSONAL_PRONOUNS = frozenset({"من", "تو", "او", "وی", "ما", "شما", "ایشان", "آنها", "آنان", "آن" + "\u200c" + "ها"})
#: «now»: after هم the adverb هم‌اکنون / هم‌اینک even after a subject pronoun (ما هم‌اکنون در …)
NOW_ADVERBS = frozenset({"اکنون", "اینک"})
#: The ordinal ending after a vowel (سی‌امین): after سی, امین is no name.
ORDINAL_VOWEL = "امین"
#: Endings of possessive adjectives (برخوردار، توانمند) after an adjective prefix.
POSSESSIVE_ADJECTIVE_ENDINGS = ("دار", "مند")
#: Size adjectives + range nouns form adjectives (کوتاه‌برد، میان‌مدت، بلندمدت، طولانی‌مدت، درازمدت).
RANGE_FIRST = frozenset({"کوتاه", "بلند", "میان", "دور", "طولانی", "دراز"})
RANGE_SECOND = frozenset({"برد", "مدت", "قامت", "پایه"})
#: Loan prefixes of measures and loanwords that hazm lists as compounds (سانتی‌متر، آنتی‌بیوتیک):
#: a compound's first part, Persian enough for the lexicon's spaced compounds to join.
UNIT_PREFIXES = frozenset({"سانتی", "میلی", "کیلو", "آنتی", "انتی", "میکرو", "نانو"})
#: Joined tokens that are a name alone (بهروز) but a compound adjective before a light verb
#: (سامانه به‌روز شد، فهرست را به‌روز کنید).
BEFORE_LIGHT_VERB = {"بهروز": "به‌روز"}
#: The light verbs that make it one (کردن، شدن): «بهروز داشت» is still the name.
MAKING_VERB_STEMS = ("کن", "کرد", "شو", "شد")
BECOMING_STEMS = ("شو", "شد")  # «become»: no object before it, only a predicate (کم‌رنگ شد)
#: Verbs that take no noun object either: «can» (کم‌درآمد می‌توانند), so a کم/پر pair before them is
#: the subject's modifier, not «little» + an object.
OBJECTLESS_STEMS = (*BECOMING_STEMS, "توان", "توانست")
#: Power units that form energy units with ساعت (کیلووات‌ساعت، مگاوات‌ساعت), written with a ZWNJ.
POWER_UNITS = frozenset({"وات", "کیلووات", "مگاوات", "گیگاوات", "تراوات"})
ENERGY_HEAD = "ساعت"
#: Endings a compound's part may carry on a dictionary word (ending, what restores the base).
PART_ENDINGS = (("ی", ""), ("گی", "ه"), ("گان", "ه"), ("انه", ""), ("ان", ""), ("یانه", ""))
#: Bound pieces of Persian compounds that are no words alone (ذی‌نفع، سه‌گانه، عتیقه‌جات).
PERSIAN_PIECES = frozenset({"ذی", "گانه", "جات", "مند", "مندی", "گرا", "گرایانه", "ور", "وار"})
#: Present stems that make action nouns with ی after a noun (نوبت‌دهی، اطلاع‌رسانی، سم‌پاشی); not
#: چین، نما، شمار, whose ی forms are common words of their own (چینی «Chinese», شماری «a number of»).
ACTION_STEMS = frozenset(
    [
        "ده",
        "رسان",
        "گذار",
        "آور",
        "پاش",
        "ساز",
        "یاب",
        "گیر",
        "بند",
        "کش",
        "ریز",
        "خوان",
        "پرداز",
        "سنج",
        "نگار",
        "پوش",
        "سوز",
        "افکن",
        "افشان",
        "پراکن",
        "گردان",
        "شوی",
        "کاو",
        "آرا",
        "پیما",
        "پژوه",
        "روب",
        "قاپ",
    ]
)
#: Present stems whose ی form is a common word of its own (see ``ACTION_STEMS``): no action-noun tail.
OWN_I_STEMS = frozenset({"چین", "نما", "شمار"})
#: Prefixes that are also quantity words: before a noun and a verb they quantify the verb's object.
QUANTITY_PREFIXES = frozenset({"کم", "پر"})
ANTONYM_PREFIXES = (("پر", "کم"), ("کم", "پر"))  # see WordTests._antonym_compound
#: «taking» as a compound's head (هزینه‌بر، زمان‌بر), also the preposition «on»: the next word decides.
CARRIER_HEAD = "بر"
#: Prepositions: a word right after one heads a noun phrase, so it modifies no noun before it.
PREPOSITIONS = frozenset({"از", "به", "با", "در", "برای", "بر", "درباره"})
#: Newswire attribution formulas: the word after them starts a name (به گزارش نامه «Nameh reports»).
ATTRIBUTION_FORMULAS = frozenset({("به", "گزارش"), ("به", "نقل"), ("به", "گفته")})
#: What may follow a noun phrase but never a plural's ezafe (زمینه‌ای برای, not زمین‌های برای):
#: punctuation after the word, and words that open a clause or end a phrase.
PHRASE_END_MARKS = frozenset(".،,؛;:؟?!»)\n")
PHRASE_END_WORDS = frozenset({"که", "را", "و", "یا", "است", "بود", "شد", "هم", "نیز", "از", "به", "در", "با", "برای"})
