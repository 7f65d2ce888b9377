"""Optional per-site profiles (data in khabar.data.labels.SITE_PROFILES): CSS selectors for
what the generic rules miss on one outlet. A profile only overrides; the generic rules fill
everything it leaves empty."""

from __future__ import annotations

from urllib.parse import urlsplit

from lxml.html import HtmlElement

from khabar.data.labels import SITE_PROFILES, SiteProfile
from khabar.extract.dom import text_of


def profile_for(url: str | None, profiles: tuple[SiteProfile, ...] = SITE_PROFILES) -> SiteProfile | None:
    """The profile whose domain is the URL's host or a parent domain of it."""
    if not url or not profiles:
        return None
    try:
        host = (urlsplit(url).hostname or "").lower()
    except ValueError:
        return None
    for profile in profiles:
        domain = profile.domain.lower()
        if host == domain or host.endswith("." + domain):
            return profile
    return None


def select(root: HtmlElement, selector: str) -> list[HtmlElement]:
    """Elements matching a profile selector; an invalid selector selects nothing."""
    if not selector:
        return []
    from cssselect import SelectorError  # only pages of a profiled outlet need it
    from lxml.cssselect import CSSSelector

    try:
        return list(CSSSelector(selector)(root))
    except (SelectorError, ValueError, TypeError):
        return []


def select_text(root: HtmlElement, selector: str) -> str | None:
    found = select(root, selector)
    text = text_of(found[0]) if found else ""
    return text or None
