"""A server of a test's own (for what the shared ones must not see: a crash, twenty tabs), on a
fresh SQLite database with one consultant and one beneficiary « Anne Martin »."""

from __future__ import annotations

import signal
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from bench.servers import ServedApp
from storage.store import Store
from tests.app.helpers import Seed


@dataclass
class OwnServer:
    app: ServedApp
    store: Store  # the server's database, to seed and to check what is stored
    dossier_id: int
    link: str  # Anne's personal link


@contextmanager
def own_server(data: Path) -> Iterator[OwnServer]:
    app = ServedApp(data, f"sqlite:///{data}/own.sqlite3")
    app.start()
    store = Store.from_url(app.database_url)
    try:
        seed = Seed(store)
        consultant = seed.consultant()
        dossier_id = seed.dossier(consultant, "Anne", "Martin")
        yield OwnServer(app, store, dossier_id, f"{app.url}/?acces={seed.link(consultant, dossier_id)}")
    finally:
        # A test may leave it frozen (SIGSTOP): a stopped process does not handle SIGTERM.
        if app.process is not None:
            app.process.send_signal(signal.SIGCONT)
        app.stop()
        store.engine.dispose()
