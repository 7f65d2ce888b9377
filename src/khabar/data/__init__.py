"""Word lists and rules as data, one module per concern."""
