"""The compiled lexicon (pickled tables) must match the sources, or every process pays the parse."""

from __future__ import annotations

import itertools
import re
from importlib import resources

import pytest

from khabar.persian import lexicon
from khabar.persian.zwnj import ZwnjRepairer
from khabar.repair import repair_text


def test_compiled_tables_are_current() -> None:
    compiled = lexicon._compiled(lexicon._digest())
    assert compiled is not None, "run: python tools/build_lexicon.py --compile"
    assert compiled == lexicon.parse()


def test_solved_words_match_the_rules() -> None:
    """The build-time table gives what the rules give now (every 50th entry, both kinds)."""
    compiled = lexicon._compiled(lexicon._digest())
    assert compiled is not None
    fresh = ZwnjRepairer(lexicon.parse())
    sample = list(itertools.islice(compiled.solved.items(), 0, None, 50))
    assert len(sample) > 1000
    assert any(word != fixed for word, fixed in sample)
    assert [fresh.fix_token(word) for word, _ in sample] == [fixed for _, fixed in sample]
    unlisted = [w for w in itertools.islice(compiled.counts, 0, None, 100) if w not in compiled.solved]
    assert len(unlisted) > 1000
    assert [fresh.fix_token(word) for word in unlisted] == unlisted  # absent means unchanged


def test_stale_digest_falls_back_to_parsing() -> None:
    assert lexicon._compiled("not the digest of the sources") is None


def test_load_gives_known_words() -> None:
    lex = lexicon.load()
    assert lex.known("کتاب")
    assert lex.zwnj["رئیسجمهور"][0] == "رئیس\u200cجمهور"


# ---------------------------------------------------------------- the curated compound list

_NON_JOINING = "اآأإدذرزژو"
_LETTERS = "\u0621-\u063a\u0641-\u064a\u067e\u0686\u0698\u06a9\u06af\u06cc"
_ENTRY = re.compile(f"^[{_LETTERS}]+(\u200c[{_LETTERS}]+)+( [!?])?$")


def _curated_entries() -> list[str]:
    text = (resources.files("khabar.persian") / "data" / "compounds.txt").read_text(encoding="utf-8")
    return [line for line in text.splitlines() if line and not line.startswith("#")]


def test_curated_compounds_are_well_formed() -> None:
    """Every entry: Persian letters in parts joined by one ZWNJ, none after a letter that does
    not join (it would not show), no Arabic ي/ك, no repeats."""
    entries = _curated_entries()
    assert len(entries) > 2000
    bad = [e for e in entries if not _ENTRY.match(e) or any(c in e for c in "يكى")]
    assert bad == []
    after_non_joining = [e for e in entries if any(e[i - 1] in _NON_JOINING for i, c in enumerate(e) if c == "\u200c")]
    assert after_non_joining == []
    forms = [e.removesuffix(" !").removesuffix(" ?") for e in entries]
    assert len(forms) == len(set(forms))


@pytest.mark.parametrize(
    ("damaged", "repaired"),
    [
        # unlisted anywhere but the curated list: both damage forms
        (
            "شهرداری این خیابان را به پیاده راه تبدیل می کند",
            "شهرداری این خیابان را به پیاده\u200cراه تبدیل می\u200cکند",
        ),
        ("شهرداری این خیابان را به پیادهراه تبدیل میکند", "شهرداری این خیابان را به پیاده\u200cراه تبدیل می\u200cکند"),
        # a spelling the corpus has seen only a few dozen times
        ("مرمت سنگ نگاره های کاخ آغاز شد", "مرمت سنگ\u200cنگاره\u200cهای کاخ آغاز شد"),
        # marked «!»: the standard's spelling, though hazm lists همزمان as a word too
        ("دو نشست همزمان برگزار شد", "دو نشست هم\u200cزمان برگزار شد"),
        # marked «!» too: the corpus's joined count is lost ZWNJs
        ("کارشناسان راهحل تازهای پیشنهاد کردند", "کارشناسان راه\u200cحل تازه\u200cای پیشنهاد کردند"),
        # a listed compound is known whatever its parts look like (پایین also a preposition)
        ("ژاپن در صنایع پایین دستی سرمایه گذاری می کند", "ژاپن در صنایع پایین\u200cدستی سرمایه\u200cگذاری می\u200cکند"),
        # a light verb after a listed compound: the compound is its object
        ("پرندگان مهاجر در این تالاب زمستان گذرانی کردند", "پرندگان مهاجر در این تالاب زمستان\u200cگذرانی کردند"),
        # marked «?»: a light verb after it makes the adverb تازه + a verb, not the adjective تازه‌وارد
        ("مسافران تازه وارد شدند", "مسافران تازه وارد شدند"),
        ("بازیکنان تازه وارد به اردو رفتند", "بازیکنان تازه\u200cوارد به اردو رفتند"),
        ("ساختمان ها آسیب دیده است", "ساختمان\u200cها آسیب دیده است"),
        ("ساختمان های آسیب دیده را بازسازی می کنند", "ساختمان\u200cهای آسیب\u200cدیده را بازسازی می\u200cکنند"),
        # both spellings in use: a spaced pair takes the standard's ZWNJ, the joined word stays
        ("مسئولان پاسخ گو نیستند", "مسئولان پاسخ\u200cگو نیستند"),
        ("مسئولان پاسخگو نیستند", "مسئولان پاسخگو نیستند"),
        ("وزارتخانه نفت اعلام کرد", "وزارتخانه نفت اعلام کرد"),
        ("وزارت خانه نفت اعلام کرد", "وزارت\u200cخانه نفت اعلام کرد"),
        # a listed compound whose first part reads as می + a stem (میانجی) still joins
        ("قطر برای میانجی گری میان دو کشور اعلام آمادگی کرد", "قطر برای میانجی\u200cگری میان دو کشور اعلام آمادگی کرد"),
        # a number before a listed number compound still counts (سه‌پایه «tripod»)
        ("او باید به شاگردان سه پایه درس بدهد", "او باید به شاگردان سه پایه درس بدهد"),
    ],
)
def test_curated_compounds_repair(damaged: str, repaired: str) -> None:
    assert repair_text(damaged) == repaired


def test_joined_spelling_the_corpus_prefers_stays() -> None:
    """دست‌باف is listed, but hazm lists دستباف as a word of its own: correct text writes it so."""
    assert "دست\u200cباف" in _curated_entries()
    assert repair_text("فرش دستباف کاشان") == "فرش دستباف کاشان"


def test_curated_weights_sit_on_the_rules_thresholds() -> None:
    """The list's weights only mean what their comments say against pairs.py's thresholds: a plain
    entry counts as a common compound before a light verb, a ``?`` entry as a rare one, and both
    pass the compound check that asks for ``COMPOUND_MIN``."""
    from khabar.persian import pairs

    assert lexicon.CURATED_COUNT >= pairs.COMPOUND_BEFORE_VERB_MIN > lexicon.GUARDED_COUNT >= pairs.COMPOUND_MIN
