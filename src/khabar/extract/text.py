"""Stub."""
from __future__ import annotations

from khabar.records import Article, Page


def extract_text(text: str, page: Page) -> Article:
    return Article(body=tuple(line for line in text.splitlines() if line.strip()))
