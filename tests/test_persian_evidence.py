"""Spaced-text compounds of issue 8, round 5: pairs joined on evidence that the two words are one
(a bound head, a part that is no word alone, a noun's ی, a listed loanword or number compound), and
the ezafe phrases that stay apart. Invented sentences about fictional events."""

from __future__ import annotations

import pytest

from khabar.persian import repair

Z = "\u200c"

# Correct sentences whose spaced damage (every ZWNJ turned into a space) must come back.
REPAIRED = [
    # nouns of participles (‑گرفتگی، ‑زدگی) never follow a noun as an ezafe phrase's second word
    f"مه{Z}گرفتگی شدید جاده کوهستانی نمونه را بست.",
    f"کشاورزان روستای نمونه از آفت{Z}زدگی باغ{Z}های سیب خبر دادند.",
    # the present stem افروز is bound like شناس and پذیر
    f"مراسم شمع{Z}افروزی در میدان شهر برگزار شد.",
    # a bound head keeps a clitic after its plural or comparative
    f"معلم گفت دانش{Z}آموزانم در مسابقه نمونه اول شدند.",
    f"سالمندان در برابر این ویروس آسیب{Z}پذیرترند.",
    # a noun in ی is no «you …» verb: کم‌خوابی، اضافه‌کاری
    f"پژوهشگران می{Z}گویند کم{Z}خوابی تمرکز دانشجویان را کم می{Z}کند.",
    f"کارکنان شرکت نمونه هنوز اضافه{Z}کاری{Z}هایشان را نگرفته{Z}اند.",
    # کم + a noun in ی whose compound hazm lists (کم‌تحرک): the compound's noun, not «little» + adjective
    f"پزشکان کم{Z}تحرکی را عامل بیماری{Z}های قلبی می{Z}دانند.",
    # a rare compound whose second part is no dictionary word (تیمی) is no phrase of two words
    f"دروازه{Z}بان تیم نمونه با هم{Z}تیمی{Z}هایش تمرین کرد.",
    # heads that are free words too, joined where the lexicon knows the compound (any spelling)
    f"دستگاه{Z}های کارت{Z}خوان فروشگاه از کار افتادند.",
    f"پلیس دو کلاه{Z}بردار اینترنتی را در شهر نمونه دستگیر کرد.",
    # action nouns of a present stem (‑روبی) and ‑آزاری; تک before any listed noun
    f"لای{Z}روبی رودخانه پیش از بارش{Z}های پاییزی تمام شد.",
    f"انجمن نمونه با حیوان{Z}آزاری در شهر مبارزه می{Z}کند.",
    f"خانواده{Z}های تک{Z}فرزند در این شهر بیشتر شده{Z}اند.",
    f"وزنه{Z}بردار فوق{Z}سنگین تیم نمونه به اردو رفت.",
    # present stems that are no words alone: ‑شکن، ‑نواز، ‑اندیش، ‑گشا
    f"مردم شهر نمونه به مهمان{Z}نوازی شهره{Z}اند.",
    f"نشست چاره{Z}اندیشی برای کم{Z}آبی برگزار شد.",
    f"این توافق گره{Z}گشای مشکل بیکاری نیست.",
    f"کشتی یخ{Z}شکن راه بندر را باز کرد.",
    # reduplicated compounds with به and agent plurals in ‑گیران
    f"نرخ تورم نقطه{Z}به{Z}نقطه در ماه گذشته کم شد.",
    f"ماهی{Z}گیران بندر نمونه به دریا رفتند.",
    # a bound head after a noun (تحلیل‌گر) and after هم where the corpus knows the pair (هم‌افزایی)
    f"اختلاس{Z}گر فراری در مرز نمونه دستگیر شد.",
    f"دو دانشگاه برای هم{Z}افزایی پژوهشی تفاهم{Z}نامه امضا کردند.",
    # هم + a noun in ی with a plural or clitic: «also» cannot stand before such a word
    f"نماینده شهر نمونه با هم{Z}استانی{Z}هایش دیدار کرد.",
    # a relational prefix before a noun whose ه is pronounced (گروهی)
    f"اختلافات درون{Z}گروهی این حزب بالا گرفت.",
    # listed loanword and number compounds
    f"یک استارت{Z}آپ جوان در شهر نمونه سرمایه تازه گرفت.",
    f"مسافران در هتل{Z}آپارتمان{Z}های ساحلی اقامت کردند.",
    f"وزنه{Z}بردار جوان رکورد یک{Z}ضرب کشور را شکست.",
]


@pytest.mark.parametrize("gold", REPAIRED)
def test_spaced_damage_is_repaired(gold: str) -> None:
    assert repair(gold.replace(Z, " ")) == gold


@pytest.mark.parametrize("gold", REPAIRED)
def test_repaired_sentences_are_kept_when_correct(gold: str) -> None:
    assert repair(gold) == gold


# Correct sentences without any ZWNJ: the pairs look like compounds but the standard writes them apart.
KEPT = [
    "امام جمعه موقت شهر نمونه درباره باران سخن گفت.",  # an ezafe title the standard parts
    "امدادگران هلال احمر تا صبح در منطقه ماندند.",
    "او یک بار دیگر به شهر نمونه سفر کرد.",  # a number before a noun counts it
    "بازیکنان یک لحظه هم آرام نگرفتند.",
    "مدیر گفت این قانون بند تازه ندارد.",  # a noun before بند: the compound is unknown
    "این کارمند بارها مورد آزار قرار گرفت.",  # آزار is a noun of its own; only ‑آزاری is bound
    "او هم کتابی تازه نوشت.",  # هم «also» before an indefinite noun
    f"برنامه{Z}ها گام به گام اجرا می{Z}شود.",  # a text that keeps its ZWNJs chose this space
    "بنزین گران شد و مسافران گلایه کردند.",  # گران «dear» is no bound head
    "جدول فوق نشان می\u200cدهد که فروش کم شد.",  # فوق «above-mentioned», its noun the verb's
]


@pytest.mark.parametrize("text", KEPT)
def test_correct_phrases_are_left_alone(text: str) -> None:
    assert repair(text) == text


# Joined damage of the same compounds: the bound head gives the ZWNJ back.
JOINED = [
    ("مهگرفتگی جاده را بست.", f"مه{Z}گرفتگی جاده را بست."),
    ("مراسم شمعافروزی برگزار شد.", f"مراسم شمع{Z}افروزی برگزار شد."),
    # a listed loanword compound no corpus counts, also before a plural
    ("مهاجم تیم نمونه هتتریک کرد.", f"مهاجم تیم نمونه هت{Z}تریک کرد."),
    ("او هتتریکهای زیادی در کارنامه دارد.", f"او هت{Z}تریک{Z}های زیادی در کارنامه دارد."),
    # شعب is a plural already (hazm's PL): شعبهای is the noun شعبه + ای, not a second plural
    ("پرونده به شعبهای دیگر رفت.", f"پرونده به شعبه{Z}ای دیگر رفت."),
]


@pytest.mark.parametrize(("joined", "repaired"), JOINED)
def test_joined_bound_heads(joined: str, repaired: str) -> None:
    assert repair(joined) == repaired
