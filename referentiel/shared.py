"""The installed référentiel, loaded once per server process and per release.

Pages (through `ui.referentiel`) and the download routes (`web.downloads`) share one copy:
loading takes about a second and the copy is read-only.
"""

from __future__ import annotations

import threading
from collections import OrderedDict

from sqlalchemy.engine import Engine

from referentiel.repository import Referentiel, release_stamp

_MAX_ENTRIES = 2  # the release in use, and a newly imported one while sessions move over
_LOADED: OrderedDict[tuple[str, str], Referentiel | None] = OrderedDict()
_LOCK = threading.Lock()


def _key(engine: Engine, stamp: str) -> tuple[str, str]:
    return engine.url.render_as_string(hide_password=True), stamp


def is_loaded(engine: Engine, stamp: str) -> bool:
    with _LOCK:
        return _key(engine, stamp) in _LOADED


def shared_referentiel(engine: Engine, stamp: str | None = None) -> Referentiel | None:
    """The référentiel installed in `engine`'s database (None when there is none).

    `stamp` is the installed version when the caller has just read it (`release_stamp`): a new
    import gives a new version, so a new copy."""
    stamp = stamp if stamp is not None else release_stamp(engine)
    if stamp is None:
        return None
    key = _key(engine, stamp)
    # One load at a time: two sessions opening a page at start-up share the same load.
    with _LOCK:
        if key not in _LOADED:
            _LOADED[key] = Referentiel.load(engine)
            while len(_LOADED) > _MAX_ENTRIES:
                _LOADED.popitem(last=False)
        _LOADED.move_to_end(key)
        return _LOADED[key]
