"""Command-line tools for developers and demos (run them with `python -m scripts.<name>`)."""
