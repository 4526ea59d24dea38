"""What a reader sees of the Markdown source that `ui.layout.escape_markdown` writes."""

from __future__ import annotations

import re

# A backslash before ASCII punctuation shows the character; before a line end, it breaks the line.
_ESCAPE = re.compile(r"\\([!-/:-@\[-`{-~]|\n)")
JOINER = "\u2060"


def displayed(source: str) -> str:
    """The text of escaped user words as shown: escapes resolved, word joiners (invisible)
    dropped. The app's own Markdown (`**bold**`, `- ` list items) is left as written."""
    return _ESCAPE.sub(r"\1", source).replace(JOINER, "")
