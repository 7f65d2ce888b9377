"""Words that Persian (and some Arabic and English) pages use to write dates.

Rules as data: :mod:`khabar.dates` builds its patterns from these tables.
Every spelling is listed as pages write it; the parser folds letter forms
(ي→ی، ك→ک، ة→ه، أ/إ/آ→ا) and treats a space, a ZWNJ or nothing inside a
name alike, so ``ربیع‌الثانی``, ``ربیع الثانی`` and ``ربیع‌الثانی`` need one
entry here. Month numbers are 1-based in their own calendar.
"""

from __future__ import annotations

from typing import Final

#: Jalali (solar hijri) months, Iranian names.
JALALI_MONTHS: Final[dict[str, int]] = {
    "فروردین": 1,
    "اردیبهشت": 2,
    "خرداد": 3,
    "تیر": 4,
    "مرداد": 5,
    "امرداد": 5,
    "شهریور": 6,
    "مهر": 7,
    "آبان": 8,
    "آذر": 9,
    "دی": 10,
    "بهمن": 11,
    "اسفند": 12,
    # transliterations on the English pages of Iranian outlets
    "farvardin": 1, "ordibehesht": 2, "khordad": 3, "tir": 4, "mordad": 5, "amordad": 5,
    "shahrivar": 6, "mehr": 7, "aban": 8, "azar": 9, "dey": 10, "dei": 10, "bahman": 11, "esfand": 12,
}

#: Dari (Afghan) solar months: the zodiac names, one to one with the Jalali months.
DARI_MONTHS: Final[dict[str, int]] = {
    "حمل": 1,
    "ثور": 2,
    "جوزا": 3,
    "جوزاء": 3,
    "سرطان": 4,
    "اسد": 5,
    "سنبله": 6,
    "میزان": 7,
    "عقرب": 8,
    "قوس": 9,
    "جدی": 10,
    "دلو": 11,
    "حوت": 12,
}

#: Gregorian months: Persian spellings in use, Arabic (Egyptian/Gulf) forms, Levantine forms, English.
GREGORIAN_MONTHS: Final[dict[str, int]] = {
    "ژانویه": 1, "ژانویهٔ": 1, "ژانوئیه": 1, "جنوری": 1, "يناير": 1, "كانون الثاني": 1,
    "january": 1, "jan": 1,
    "فوریه": 2, "فبروری": 2, "فبراير": 2, "شباط": 2, "february": 2, "feb": 2,
    "مارس": 3, "مارچ": 3, "مارش": 3, "آذار": 3, "march": 3, "mar": 3,
    "آوریل": 4, "آپریل": 4, "اپریل": 4, "ابریل": 4, "أبريل": 4, "نیسان": 4, "april": 4, "apr": 4,
    "مه": 5, "می": 5, "مئی": 5, "مایو": 5, "أيار": 5, "may": 5,
    "ژوئن": 6, "جون": 6, "یونیو": 6, "يونيو": 6, "حزيران": 6, "june": 6, "jun": 6,
    "ژوئیه": 7, "ژوییه": 7, "جولای": 7, "جولائی": 7, "یولیو": 7, "يوليو": 7, "تموز": 7,
    "july": 7, "jul": 7,
    "اوت": 8, "آگوست": 8, "اگوست": 8, "آگست": 8, "اگست": 8, "أغسطس": 8, "آب": 8,
    "august": 8, "aug": 8,
    "سپتامبر": 9, "سپتمبر": 9, "سبتمبر": 9, "أيلول": 9, "september": 9, "sep": 9, "sept": 9,
    "اکتبر": 10, "اکتوبر": 10, "أكتوبر": 10, "تشرين الأول": 10, "october": 10, "oct": 10,
    "نوامبر": 11, "نومبر": 11, "نوفمبر": 11, "تشرين الثاني": 11, "november": 11, "nov": 11,
    "دسامبر": 12, "دسمبر": 12, "ديسمبر": 12, "كانون الأول": 12, "december": 12, "dec": 12,
}

#: Lunar hijri months, Persian and Arabic spellings.
HIJRI_MONTHS: Final[dict[str, int]] = {
    "محرم": 1, "محرم الحرام": 1, "المحرم": 1,
    "صفر": 2, "صفر المظفر": 2,
    "ربیع الاول": 3, "ربیع الأول": 3, "ربیع الاولی": 3, "ربیع الاوّل": 3, "ربیع‌الاول": 3,
    "ربیع الثانی": 4, "ربیع الآخر": 4, "ربیع الاخر": 4, "ربیع الثاني": 4,
    "جمادی الاول": 5, "جمادی الاولی": 5, "جمادی الأولى": 5, "جمادی الأولی": 5,
    "جمادی الثانی": 6, "جمادی الثانیه": 6, "جمادی الآخر": 6, "جمادی الآخره": 6, "جمادی الاخری": 6,
    "جمادی الآخرة": 6,
    "رجب": 7, "رجب المرجب": 7,
    "شعبان": 8, "شعبان المعظم": 8,
    "رمضان": 9, "رمضان المبارک": 9, "ماه رمضان": 9, "ماه مبارک رمضان": 9,
    "شوال": 10, "شوال المکرم": 10,
    "ذی القعده": 11, "ذیقعده": 11, "ذوالقعده": 11, "ذو القعدة": 11, "ذی القعدة": 11,
    "ذی الحجه": 12, "ذیحجه": 12, "ذوالحجه": 12, "ذو الحجة": 12, "ذی الحجة": 12,
    "muharram": 1, "moharram": 1, "safar": 2, "rabi al-awwal": 3, "rabi' al-awwal": 3, "rabi i": 3,
    "rabi al-thani": 4, "rabi' al-thani": 4, "rabi al-akhir": 4, "rabi ii": 4,
    "jumada al-awwal": 5, "jumada al-ula": 5, "jumada i": 5, "jumada al-thani": 6, "jumada al-akhirah": 6,
    "jumada ii": 6, "rajab": 7, "shaban": 8, "sha'ban": 8, "ramadan": 9, "ramazan": 9, "shawwal": 10,
    "dhu al-qadah": 11, "dhu al-qa'dah": 11, "dhul qadah": 11, "dhu al-hijjah": 12, "dhul hijjah": 12,
}

#: Month names that are also common words (مه "fog", می the verb prefix, میزان "amount", سرطان
#: "cancer" …): inside running text they count as a month only with a year after them.
AMBIGUOUS_MONTHS: Final[frozenset[str]] = frozenset(
    {"مه", "می", "آب", "آذار", "اسد", "میزان", "سرطان", "قوس", "جدی", "دلو", "حمل", "ثور",
     "حوت", "عقرب", "جون", "may", "mar", "jun", "dec", "sep", "oct", "aug", "jan", "feb", "nov",
     "apr", "jul", "sept", "صفر", "رجب", "tir", "dey", "dei", "mehr", "azar", "safar", "rajab"}
)

#: Weekday names → Python weekday (Monday 0 … Sunday 6).
WEEKDAYS: Final[dict[str, int]] = {
    "دوشنبه": 0, "سه شنبه": 1, "سشنبه": 1, "چهارشنبه": 2, "چهار شنبه": 2, "پنجشنبه": 3,
    "پنج شنبه": 3, "جمعه": 4, "آدینه": 4, "شنبه": 5, "یکشنبه": 6, "یک شنبه": 6,
    "الاثنين": 0, "الإثنين": 0, "الثلاثاء": 1, "الأربعاء": 2, "الخميس": 3, "الجمعة": 4,
    "السبت": 5, "الأحد": 6,
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5,
    "sunday": 6, "mon": 0, "tue": 1, "wed": 2, "thu": 3, "fri": 4, "sat": 5, "sun": 6,
}

#: Ordinal day words 1-9 and the words that end in them after a tens word (بیست و یکم).
ORDINAL_UNITS: Final[dict[str, int]] = {
    "یکم": 1, "دوم": 2, "سوم": 3, "چهارم": 4, "پنجم": 5, "ششم": 6, "هفتم": 7, "هشتم": 8, "نهم": 9,
}

#: Ordinal day words standing alone (not composed with a tens word).
ORDINAL_WORDS: Final[dict[str, int]] = {
    "اول": 1, "نخست": 1, "دهم": 10, "یازدهم": 11, "دوازدهم": 12, "سیزدهم": 13, "چهاردهم": 14,
    "پانزدهم": 15, "پونزدهم": 15, "شانزدهم": 16, "هفدهم": 17, "هیفدهم": 17, "هجدهم": 18,
    "هیجدهم": 18, "نوزدهم": 19, "بیستم": 20, "سیام": 30, "سی ام": 30, "سی‌ام": 30,
}

#: Tens words that combine with ORDINAL_UNITS: بیست و هفتم، سی و یکم.
ORDINAL_TENS: Final[dict[str, int]] = {"بیست": 20, "سی": 30}

#: Cardinal number words for relative phrases ("سه روز پیش").
CARDINAL_WORDS: Final[dict[str, int]] = {
    "یک": 1, "دو": 2, "سه": 3, "چهار": 4, "پنج": 5, "شش": 6, "هفت": 7, "هشت": 8, "نه": 9,
    "ده": 10, "یازده": 11, "دوازده": 12, "سیزده": 13, "چهارده": 14, "پانزده": 15, "شانزده": 16,
    "هفده": 17, "هجده": 18, "هیجده": 18, "نوزده": 19, "بیست": 20, "سی": 30, "چهل": 40,
    "پنجاه": 50, "شصت": 60, "هفتاد": 70, "هشتاد": 80, "نود": 90, "نیم": 0,
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "ten": 10,
}

#: Units of relative phrases → (kind, amount): minutes, hours and days count back exactly,
#: months back in the Jalali calendar, a year as twelve months.
RELATIVE_UNITS: Final[dict[str, tuple[str, int]]] = {
    "ثانیه": ("seconds", 1),
    "دقیقه": ("minutes", 1),
    "ساعت": ("hours", 1),
    "روز": ("days", 1),
    "هفته": ("days", 7),
    "ماه": ("months", 1),
    "سال": ("months", 12),
    "second": ("seconds", 1), "seconds": ("seconds", 1),
    "minute": ("minutes", 1), "minutes": ("minutes", 1), "min": ("minutes", 1), "mins": ("minutes", 1),
    "hour": ("hours", 1), "hours": ("hours", 1), "day": ("days", 1), "days": ("days", 1),
    "week": ("days", 7), "weeks": ("days", 7), "month": ("months", 1), "months": ("months", 1),
    "year": ("months", 12), "years": ("months", 12),
}

#: Words after a relative amount that mean "ago".
RELATIVE_AGO: Final[tuple[str, ...]] = ("پیش", "قبل", "ago")
#: «دو هفته گذشته» is two weeks ago in a date line but "the past two weeks" in running text,
#: so find_dates skips it (as it skips «سه روز گذشته»).
RELATIVE_PAST: Final[tuple[str, ...]] = ("گذشته",)

#: Words after a relative amount that mean "from now" («۳ روز دیگر»). In running text «دیگر» is
#: also "more" («۳ روز دیگر ماند») and «بعد» counts from another event, so find_dates skips them.
RELATIVE_LATER: Final[tuple[str, ...]] = ("دیگر", "بعد", "later", "from now")

#: Hours written in words after ساعت: «ساعت ۱۰ و نیم», «ساعت ۱۰ و ربع».
HOUR_FRACTIONS: Final[dict[str, int]] = {"نیم": 30, "ربع": 15}

#: Hundreds and thousands for years written in words («هزار و چهارصد و چهار»).
YEAR_WORDS: Final[dict[str, int]] = {
    "صد": 100, "یکصد": 100, "دویست": 200, "سیصد": 300, "چهارصد": 400, "پانصد": 500,
    "ششصد": 600, "هفتصد": 700, "هشتصد": 800, "نهصد": 900,
}
THOUSAND: Final[str] = "هزار"

#: Vague relative phrases parse_date reads (find_dates does not: in running text «هفته گذشته»
#: is a span, «همین حالا» an adverb) → (unit, signed amount). "now" is the reference minute;
#: minutes count back exactly (minute precision); days and Jalali months give a day.
#: «ساعاتی پیش» ("some hours ago") is the reference day: the hour is unknown, the day is not.
VAGUE_RELATIVE: Final[dict[str, tuple[str, int]]] = {
    "همین حالا": ("now", 0), "همین الان": ("now", 0), "هم اکنون": ("now", 0), "هم‌اکنون": ("now", 0),
    "لحظه ای پیش": ("now", 0), "دقیقه ای پیش": ("now", 0), "چند لحظه پیش": ("now", 0),
    "چند دقیقه پیش": ("now", 0), "چند دقیقه قبل": ("now", 0), "دقایق پیش": ("now", 0),
    "ربع ساعت پیش": ("minutes", -15), "یک ربع پیش": ("minutes", -15), "ساعتی پیش": ("minutes", -60),
    "نیم ساعت پیش": ("minutes", -30),
    "ساعاتی پیش": ("days", 0), "ساعاتی قبل": ("days", 0), "چند ساعت پیش": ("days", 0),
    "چند ساعت قبل": ("days", 0), "ساعات پیش": ("days", 0),
    "هفته گذشته": ("days", -7), "هفته پیش": ("days", -7), "هفته قبل": ("days", -7),
    "هفته آینده": ("days", 7), "هفته بعد": ("days", 7), "هفته دیگر": ("days", 7),
    "ماه گذشته": ("months", -1), "ماه پیش": ("months", -1), "ماه قبل": ("months", -1),
    "ماه آینده": ("months", 1), "ماه بعد": ("months", 1), "ماه دیگر": ("months", 1),
    "سال گذشته": ("months", -12), "سال پیش": ("months", -12), "سال قبل": ("months", -12),
    "پارسال": ("months", -12), "سال آینده": ("months", 12), "سال بعد": ("months", 12),
    "last week": ("days", -7), "last month": ("months", -1), "last year": ("months", -12),
    "next week": ("days", 7), "next month": ("months", 1), "next year": ("months", 12),
}

#: Words after a day and month that name the year from the reference: «۲۰ آذر امسال» is this
#: calendar year even when that day is still ahead.
RELATIVE_YEARS: Final[dict[str, int]] = {
    "امسال": 0, "سال جاری": 0, "همین سال": 0,
    "پارسال": -1, "سال گذشته": -1, "سال قبل": -1, "سال پیش": -1,
    "سال آینده": 1, "سال بعد": 1, "سال دیگر": 1,
}

#: Words after a weekday name alone: the one before the reference or the one after it.
#: A weekday with none of them is the latest such day on or before the reference.
WEEKDAY_BEFORE: Final[tuple[str, ...]] = ("گذشته", "پیش", "قبل", "last")
WEEKDAY_AFTER: Final[tuple[str, ...]] = ("آینده", "بعد", "دیگر", "next")
#: «شنبه هفته گذشته»: that day in the week before the reference's (weeks start on Saturday).
WEEKDAY_LAST_WEEK: Final[tuple[str, ...]] = ("هفته گذشته", "هفته پیش", "هفته قبل")
WEEKDAY_NEXT_WEEK: Final[tuple[str, ...]] = ("هفته آینده", "هفته بعد", "هفته دیگر")
#: First day of the Persian week (Python weekday: Saturday).
WEEK_START: Final[int] = 5

#: Times of day written as a word after a date: «ظهر» is 12:00, «نیمه‌شب» 00:00 of that day.
#: صبح، بامداد، عصر، شب alone name no hour, so the date keeps day precision.
CLOCK_WORDS: Final[dict[str, int]] = {"ظهر": 12, "نیمه شب": 0, "نیمه‌شب": 0, "noon": 12, "midnight": 0}


#: Whole-phrase relative words → days from the reference (precision day), or None for "just now"
#: (the reference itself, precision minute). Adverbs such as اکنون ("now") are left out: in running
#: text they rarely date anything.
RELATIVE_WORDS: Final[dict[str, int | None]] = {
    "امروز": 0, "امشب": 0, "امروز صبح": 0, "روز جاری": 0,
    "دیروز": -1, "دیشب": -1, "روز گذشته": -1, "دیروز صبح": -1,
    "پریروز": -2, "پریشب": -2,
    "فردا": 1, "پس فردا": 2,
    "لحظاتی پیش": None, "لحظاتی قبل": None, "دقایقی پیش": None, "دقایقی قبل": None,
    "today": 0, "yesterday": -1, "tomorrow": 1, "just now": None,
}

#: Markers after a time of day: morning (before noon) or afternoon/evening.
AM_WORDS: Final[tuple[str, ...]] = ("ق.ظ", "ق ظ", "قبل از ظهر", "قبل ازظهر", "صبح", "بامداد", "am", "a.m.")
PM_WORDS: Final[tuple[str, ...]] = (
    "ب.ظ", "ب ظ", "بعد از ظهر", "بعدازظهر", "بعد ازظهر", "ظهر", "عصر", "شب", "pm", "p.m.",
)

#: Words after a year that name its calendar.
YEAR_SUFFIXES: Final[dict[str, str]] = {
    "ه.ش": "jalali", "ه ش": "jalali", "هجری شمسی": "jalali", "شمسی": "jalali", "خورشیدی": "jalali",
    "ش": "jalali",
    "ه.ق": "hijri", "ه ق": "hijri", "هجری قمری": "hijri", "قمری": "hijri", "ق": "hijri",
    "هـ": "hijri",
    "م": "gregorian", "میلادی": "gregorian", "ad": "gregorian",
}

#: Zone words after a time: the time is in that zone instead of the default.
ZONE_WORDS: Final[dict[str, str]] = {
    "به وقت تهران": "Asia/Tehran", "به وقت ایران": "Asia/Tehran", "به وقت کابل": "Asia/Kabul",
    "به وقت افغانستان": "Asia/Kabul", "به وقت گرینویچ": "UTC", "به وقت جهانی": "UTC",
    "به وقت لندن": "Europe/London", "gmt": "UTC", "utc": "UTC",
}

#: Label words a page puts before a date; parse_date ignores them around one expression.
LABEL_WORDS: Final[tuple[str, ...]] = (
    "تاریخ", "انتشار", "تاریخ انتشار", "منتشر شده", "منتشرشده", "به روز رسانی", "بروزرسانی",
    "آخرین به روز رسانی", "روز", "کد خبر", "زمان", "published", "updated",
)

#: Names the formatters print (standard orthography, ZWNJ where the standard writes one).
JALALI_MONTH_NAMES: Final[tuple[str, ...]] = (
    "فروردین", "اردیبهشت", "خرداد", "تیر", "مرداد", "شهریور",
    "مهر", "آبان", "آذر", "دی", "بهمن", "اسفند",
)
WEEKDAY_NAMES_FA: Final[tuple[str, ...]] = (
    "دوشنبه", "سه\u200cشنبه", "چهارشنبه", "پنجشنبه", "جمعه", "شنبه", "یکشنبه",
)
GREGORIAN_MONTH_NAMES: Final[tuple[str, ...]] = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)
WEEKDAY_NAMES_EN: Final[tuple[str, ...]] = (
    "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
)
HIJRI_MONTH_NAMES: Final[tuple[str, ...]] = (
    "محرم", "صفر", "ربیع\u200cالاول", "ربیع\u200cالثانی", "جمادی\u200cالاول", "جمادی\u200cالثانی",
    "رجب", "شعبان", "رمضان", "شوال", "ذی\u200cالقعده", "ذی\u200cالحجه",
)

#: Years khabar dates, per calendar (inclusive): far beyond any news page, inside what
#: datetime, jdatetime and hijridate (Umm al-Qura: 1343-1500 AH) can convert and print.
YEAR_RANGES: Final[dict[str, tuple[int, int]]] = {
    "gregorian": (1000, 2999),
    "jalali": (400, 2370),
    "hijri": (1343, 1500),
}

#: Digits of every script a page may use → Latin.
DIGITS: Final[dict[str, str]] = {
    **{chr(0x06F0 + i): str(i) for i in range(10)},  # Persian ۰-۹
    **{chr(0x0660 + i): str(i) for i in range(10)},  # Arabic-Indic ٠-٩
}
PERSIAN_DIGITS: Final[str] = "۰۱۲۳۴۵۶۷۸۹"

#: Letters folded before matching (one character each, so offsets stay put).
LETTER_FOLDS: Final[dict[str, str]] = {
    "ي": "ی", "ى": "ی", "ئ": "ی", "ك": "ک", "ة": "ه", "ۀ": "ه", "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا",
    "\u066b": ".", "\u066c": ",", "\u060c": ",", "\u200d": "\u200c", "\u00a0": " ", "\u202f": " ",
    "–": "-", "—": "-", "‐": "-", "−": "-",
}

#: Characters dropped before matching: kashida, Arabic diacritics, direction marks.
DROPPED_CHARS: Final[str] = (
    "\u0640\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652\u0653\u0654\u0655\u0670"
    "\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\ufeff"
)
