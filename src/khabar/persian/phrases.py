"""Two-word spellings as data: ezafe phrases the standard writes apart, and the few loanword
compounds and foreign names it writes with a ZWNJ (split from :mod:`affixes`, which re-exports them).
"""

from __future__ import annotations

#: Ezafe phrases that dictionaries list with a ZWNJ but the standard writes apart (محیطِ زیست،
#: هیئتِ رئیسه): kept apart across a space. ZWNJ forms, as the lexicon spells them.
WRITTEN_APART = frozenset(
    p.replace(" ", "\u200c")
    for p in (
        "محیط زیست",
        "هیئت رئیسه",
        "هیئت مدیره",
        "هیئت دولت",
        "هیئت داوران",
        "هیئت وزیران",
        "اتاق خواب",
        "اتاق عمل",
        "صنایع دستی",
        "میراث فرهنگی",
        "حقوق بشر",
        "تیم ملی",
        "پشت سر",
        "شب شعر",
        "پلیس راه",
        "پیش روی",
        "امام جمعه",
        "هیئت علمی",
        "هیئت امنا",
        "صنعت نفت",
        "آب معدنی",
    )
)
#: Loanword compounds the standard writes with a ZWNJ: joined across a space though their parts are
#: no Persian words (a short list of sure ones; other foreign pairs stay as written).
KNOWN_LOAN_COMPOUNDS = frozenset(
    p.replace(" ", "\u200c")
    for p in (
        "وب سایت",
        "لپ تاپ",
        "تی شرت",
        "کافی شاپ",
        "چک لیست",
        "پلی تکنیک",
        "سیستم عامل",
        "آمفی تئاتر",
        "تله کابین",
        "مولتی مدیا",
        "مولتی ویتامین",
        "پینگ پونگ",
        "کونگ فو",
        "فین تک",
        "استارت آپ",
        "هتل آپارتمان",
        "فست فود",
        "پلی استیشن",
        "هت تریک",
    )
)
#: Number compounds that name one thing (a lift, a vehicle, an instrument, a custom), which the
#: standard writes with a ZWNJ; any other number before a noun counts it (یک بار، سه راه).
NUMBER_COMPOUNDS = frozenset(
    p.replace(" ", "\u200c") for p in ("یک ضرب", "یک طرفه", "یک سویه", "یک تنه", "سه چرخه", "سه تار", "هفت سین")
)
#: Conjunctions whose parts a space damages: the standard writes them as one word, with a ZWNJ
#: (این‌که، آن‌چه، بی‌آنکه). Joined across a space only: joined, اینکه and آنچه are right as they are.
SPACED_CONJUNCTIONS = frozenset(p.replace(" ", "\u200c") for p in ("این که", "آن که", "آن چه", "بی آنکه"))
#: Two-word spellings joined across a space whatever the lexicon says.
LISTED_COMPOUNDS = KNOWN_LOAN_COMPOUNDS | NUMBER_COMPOUNDS
#: The same, keyed by the joined spelling (هتتریک → هت‌تریک) for joined damage.
LISTED_JOINED = {form.replace("\u200c", ""): form for form in LISTED_COMPOUNDS}
#: Names with a foreign part (no Persian dictionary word) whose standard spelling has a ZWNJ: the
#: only such names joined across a space. Every other foreign name stays as written (لس آنجلس،
#: هنگ کنگ، سان فرانسیسکو، بوئنوس آیرس may be spelled with a space in correct text).
KNOWN_ZWNJ_NAMES = frozenset(
    p.replace(" ", "\u200c")
    for p in (
        "بیت المقدس",
        "تل آویو",
        "شرم الشیخ",
    )
)
