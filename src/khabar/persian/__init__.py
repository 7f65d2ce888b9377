"""Persian orthography repair."""
