"""The damage-mode gate: a text's own damage decides which repairs it may receive."""

from __future__ import annotations

import pytest

from khabar.persian import repair
from khabar.persian.gate import JOINED, KEPT, SPACED, UNKNOWN, Mode, damage_mode
from khabar.persian.zwnj import default_repairer

Z = "\u200c"

MODES: list[tuple[str, Mode]] = [
    (f"نمایندگان در جلسه{Z}ای گفتند رئیس جمهور آمد.", KEPT),
    ("رئیس جمهور در سفرش میگوید همکاریها ادامه دارد.", JOINED),
    ("دانشجویان می گویند کتابفروشی ها بسته بودند.", SPACED),
    ("رئیسجمهور امروز با امام جمعه دیدار کرد.", UNKNOWN),  # a lexicon ZWNJ alone is no sign
    ("رئیسجمهور امروز با امام جمعه دیدار میکند.", JOINED),
    ("رئیس جمهور امروز به استان آمد.", UNKNOWN),
    ("رئیس جمهور میگوید کتاب ها را خوانده است.", UNKNOWN),  # both damages: no evidence
    ("Reuters 2026", UNKNOWN),
]


@pytest.mark.parametrize(("text", "mode"), MODES)
def test_damage_mode(text: str, mode: Mode) -> None:
    assert damage_mode(text, default_repairer().fix_token) == mode


CASES = [
    # kept: the writer's ZWNJs show a space or a joined spelling is a choice; only the repairs the
    # standard never leaves open are made (detached ها/ترین, detached or glued می)
    (
        f"نمایندگان در جلسه{Z}ای گفتند رئیس جمهور بزرگ ترین طرح ها را میسازد.",
        f"نمایندگان در جلسه{Z}ای گفتند رئیس جمهور بزرگ{Z}ترین طرح{Z}ها را می{Z}سازد.",
    ),
    (f"در کلاس{Z}ها همکاریهای تازه را آغاز کردند.", f"در کلاس{Z}ها همکاریهای تازه را آغاز کردند."),
    (f"امام جمعه شهر در نماز{Z}ها می گوید", f"امام جمعه شهر در نماز{Z}ها می{Z}گوید"),
    # joined: its spaces are real, the glued forms are repaired
    (
        "رئیس جمهور در سفرش به شهرهای شمالی میگوید همکاریها ادامه دارد.",
        f"رئیس جمهور در سفرش به شهرهای شمالی می{Z}گوید همکاری{Z}ها ادامه دارد.",
    ),
    ("رئیسجمهور امروز با امام جمعه دیدار میکند.", f"رئیس{Z}جمهور امروز با امام جمعه دیدار می{Z}کند."),
    # spaced: its joined spellings are real, the detached parts join
    ("دانشجویان می گویند کتابفروشی ها بسته بودند.", f"دانشجویان می{Z}گویند کتابفروشی{Z}ها بسته بودند."),
    # no evidence: every rule applies
    ("رئیس جمهور امروز به استان آمد.", f"رئیس{Z}جمهور امروز به استان آمد."),
    ("رئیس جمهور میگوید کتاب ها را خوانده است.", f"رئیس{Z}جمهور می{Z}گوید کتاب{Z}ها را خوانده است."),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_gated_repair(text: str, expected: str) -> None:
    assert repair(text) == expected


@pytest.mark.parametrize("text", [gold for _, gold in CASES if Z in gold])
def test_correct_text_with_zwnj_is_kept(text: str) -> None:
    assert repair(text) == text


def test_each_line_is_gated_on_its_own() -> None:
    """A paragraph that keeps its ZWNJs does not stop the next, spaced-damaged one from repair,
    and a text repairs exactly as its lines do one by one (what `khabar repair` prints)."""
    kept = f"کارگران می{Z}گویند حقوق{Z}شان دیر رسیده است.\n"
    spaced = "رئیس جمهور در نشست خبری گفت که همکاری ها ادامه می یابد.\n"
    assert repair(kept + spaced) == kept + f"رئیس{Z}جمهور در نشست خبری گفت که همکاری{Z}ها ادامه می{Z}یابد.\n"
    assert repair(kept + spaced) == repair(kept) + repair(spaced)
