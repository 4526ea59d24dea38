"""Performance measurements (run them with `python -m bench.<name>`)."""
