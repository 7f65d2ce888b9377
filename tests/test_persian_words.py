"""Word rules (issue 8): words a joined token is on its own (منها، اولاند، خواباند), the
detached privative بی in spaced text, three-part compounds, and known names only. Invented sentences and fictional
events; they test kinds of damage and of correct text, not listed sentences."""

from __future__ import annotations

import pytest

from khabar.persian import repair

Z = "\u200c"

# Correct text: a joined token the corpus writes often and never with a ZWNJ is a word of its own,
# not stem + suffix (من + ها، اول + اند، خواب + اند).
OWN_WORDS = [
    "معلم علامت منها را روی تخته نوشت.",
    "ژان اولاند، مربی تیم، از بازیکنان تشکر کرد.",
    "مادر کودک را خواباند و به آشپزخانه رفت.",
    "باد شاخه‌ها را تکاند و برگ‌ها ریخت.",
    # an inflected word keeps the spelling its stem keeps alone (اینجا، آنجا)
    "ما ساعت سه بامداد هنوز اینجاییم.",
    "آن‌ها اینجایند و ما آنجاییم.",
    # an ezafe phrase with متحد/متحده stays apart even where a lexicon lists it joined
    "نمایندگان ایالات متحده و امارات متحده عربی در نشست سازمان ملل متحد سخن گفتند.",
    # a silent ه turned گ before ان/ی is the listed word derived, not two parts (بازنشسته)
    "مستمری بازنشستگان و حقوق رزمندگان از ماه آینده افزایش می‌یابد.",
    # a participle with a preverb is a word of its own, not a bound head (یاد + درگذشتگان)
    "مراسمی به یاد درگذشتگان روستا در مسجد جامع برگزار شد.",
]


# Joined across a space, a word after a non-joining letter takes nothing, never a ZWNJ.
@pytest.mark.parametrize(
    ("damaged", "gold"),
    [
        ("این طرح پر هزینه تر از طرح قبلی است.", f"این طرح پرهزینه{Z}تر از طرح قبلی است."),
        ("این طرح پرهزینهتر از طرح قبلی است.", f"این طرح پرهزینه{Z}تر از طرح قبلی است."),
        ("خانواده آسیب دیدگان سیل کمک گرفتند.", f"خانواده آسیب{Z}دیدگان سیل کمک گرفتند."),
    ],
)
def test_joins_after_non_joining_letters_take_no_zwnj(damaged: str, gold: str) -> None:
    assert repair(damaged) == gold


@pytest.mark.parametrize("text", OWN_WORDS)
def test_words_of_their_own_stay(text: str) -> None:
    assert repair(text) == text


# The same suffixes after a real stem are still repaired in joined text.
@pytest.mark.parametrize(
    ("damaged", "gold"),
    [
        ("کتابها روی میز بود.", f"کتاب{Z}ها روی میز بود."),
        ("دانشجویان نگراناند.", f"دانشجویان نگران{Z}اند."),
        ("بازیکنان خستهاند.", f"بازیکنان خسته{Z}اند."),
    ],
)
def test_real_suffixes_still_join(damaged: str, gold: str) -> None:
    assert repair(damaged) == gold


# Detached privative بی: the spaced damage (and the joined one) of بی‌X, also with X inflected.
PRIVATIVE_GOLD = [
    f"مردم روستا از تصمیم تازه بی{Z}خبرند.",
    f"این دهستان بی{Z}آب{Z}ترین منطقه استان است.",
    f"ما هنوز از نتیجه مذاکره بی{Z}خبریم.",
    f"کودکان بی{Z}سرپرست به خانه تازه رفتند.",
    f"بی{Z}شک این فصل سخت{Z}ترین فصل تیم بود.",
    f"این رکورد بی{Z}نظیرترین رکورد باشگاه است.",
    f"صف خریداران بی{Z}نهایت طولانی بود و بی{Z}جهت معطل ماندند.",
]


# Correct text: بی as the preposition «without» and as a letter name stays apart.
PRIVATIVE_APART = [
    "بی شما این طرح به نتیجه نمی\u200cرسد.",
    f"بی او هیچ کاری پیش نمی{Z}رود.",
    f"شبکه{Z}های بی بی سی و سی ان ان خبر را پخش کردند.",
    "خودروهای بی ام و در نمایشگاه بودند.",
    "بی هیچ دلیلی قرارداد لغو شد.",
]


@pytest.mark.parametrize("text", PRIVATIVE_APART)
def test_preposition_and_letters_stay_apart(text: str) -> None:
    assert repair(text) == text


# Three-part compounds in joined text (a prefix before a known compound, a known compound before a
# bound head) and ی + clitic after an adjective in ‑ی.
THREE_PART_GOLD = [
    f"رفتار بازار ارز این هفته غیرقابل{Z}پیش{Z}بینی بود.",
    f"نوسان قیمت{Z}ها قابل{Z}پیش{Z}بینی نیست.",
    f"دو کشور درباره همکاری غیرهسته{Z}ای گفت{Z}وگو کردند.",
    f"مدل تازه آب{Z}وهوایی پیش{Z}بینی{Z}پذیر نیست.",
    f"بازیکن برزیلی{Z}اش را به اردو نفرستاد.",
    f"همسر آلمانی{Z}اش در مراسم حاضر بود.",
    f"مربی ایتالیایی{Z}ام گفت تمرین فردا لغو است.",
]


#: How each table's gold is given to repair: as written, with its ZWNJ deleted, or turned into spaces.
DAMAGE = {
    "correct": lambda gold: gold,
    "joined": lambda gold: gold.replace(Z, ""),
    "spaced": lambda gold: gold.replace(Z, " "),
}
CASES = [(gold, form) for gold in PRIVATIVE_GOLD for form in ("joined", "spaced")] + [
    (gold, form) for gold in THREE_PART_GOLD for form in ("joined", "correct")
]


@pytest.mark.parametrize(("gold", "form"), CASES)
def test_each_damage_form_comes_back_as_gold(gold: str, form: str) -> None:
    assert repair(DAMAGE[form](gold)) == gold


# Spaced text: a bound head after a known compound attaches to the whole compound.
@pytest.mark.parametrize(
    "gold",
    [
        f"رفتار این مدل پیش{Z}بینی{Z}پذیر نیست.",
        f"او نمایش{Z}نامه{Z}نویس مشهوری است.",
    ],
)
def test_head_after_compound_in_spaced_text(gold: str) -> None:
    assert repair(gold.replace(Z, " ")) == gold


# Spaced damage of compounds whose parts are Persian-built or listed loanwords is still repaired,
# while the foreign-name guard leaves unknown pairs alone.
@pytest.mark.parametrize(
    "gold",
    [
        f"نشانی وب{Z}سایت خبرگزاری تغییر کرد.",
        f"این جلسه فوق{Z}العاده برای بررسی بودجه برگزار شد.",
        f"گروه{Z}های ذی{Z}نفع نظر خود را اعلام کردند.",
        f"رویکرد اصلاح{Z}طلبانه او مخالفانی داشت.",
    ],
)
def test_persian_built_and_listed_loan_compounds_join(gold: str) -> None:
    assert repair(gold.replace(Z, " ")) == gold
