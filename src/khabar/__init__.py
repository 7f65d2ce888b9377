"""khabar: Persian news pages to a clean, repaired, structured and searchable archive."""

__version__ = "0.1.0"
