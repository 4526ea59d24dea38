"""A throwaway PostgreSQL server for the tests.

`running_postgres()` runs `initdb` in a fresh temporary folder, starts the server on a free
port of 127.0.0.1 (and on a unix socket inside that folder), creates one empty database and
yields its SQLAlchemy URL (`postgresql+psycopg://...`). On exit, normal or not, it stops the
server and deletes the folder.

The server binaries are looked up in Debian's layout (`/usr/lib/postgresql/<version>/bin`,
newest version first), then on PATH. initdb refuses to run as root, so when the tests run as
root the server is run as the `postgres` system user (created by Debian's `postgresql` package)
through `runuser`. When none of this is available, `PostgresUnavailable` says why.

Nothing here is durable: fsync, full-page writes and synchronous commit are off, for speed.
The server's time zone is Europe/Paris on purpose (the app's users are in France): values that
come back from `timestamptz` columns are then not UTC unless the code makes them so.
"""

from __future__ import annotations

import glob
import os
import re
import shutil
import signal
import socket
import subprocess
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

DEBIAN_GLOB = "/usr/lib/postgresql/*/bin/initdb"
DATABASE = "guide_bilan_test"
SERVER_TIMEZONE = "Europe/Paris"


class PostgresUnavailable(RuntimeError):
    """PostgreSQL cannot be started on this machine (binaries or system user missing)."""


def _version_key(initdb: Path) -> tuple[int, ...]:
    version = initdb.parent.parent.name  # /usr/lib/postgresql/<version>/bin/initdb
    return tuple(int(part) for part in re.findall(r"\d+", version)) or (0,)


def find_bindir() -> Path | None:
    """The folder holding initdb, pg_ctl and postgres: the newest Debian version, else PATH."""
    candidates = sorted((Path(p) for p in glob.glob(DEBIAN_GLOB)), key=_version_key, reverse=True)
    for initdb in candidates:
        if (initdb.parent / "pg_ctl").exists() and (initdb.parent / "postgres").exists():
            return initdb.parent
    on_path = shutil.which("initdb")
    if on_path and shutil.which("pg_ctl"):
        return Path(on_path).resolve().parent
    return None


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class _Runner:
    """Runs the server's programs as the current user, or as `postgres` when we are root."""

    def __init__(self) -> None:
        self.as_root = os.geteuid() == 0
        self.uid = self.gid = None
        if self.as_root:
            import pwd

            try:
                entry = pwd.getpwnam("postgres")
            except KeyError:
                raise PostgresUnavailable(
                    "running as root and there is no `postgres` system user to run initdb as "
                    "(install Debian's `postgresql` package)"
                ) from None
            if shutil.which("runuser") is None:
                raise PostgresUnavailable("running as root and `runuser` is missing")
            self.uid, self.gid = entry.pw_uid, entry.pw_gid

    def own(self, path: Path) -> None:
        if self.as_root:
            os.chown(path, self.uid, self.gid)

    def run(self, argv: list[str], cwd: Path, timeout: float) -> subprocess.CompletedProcess:
        if self.as_root:
            argv = ["runuser", "-u", "postgres", "--", *argv]
        env = {**os.environ, "LC_ALL": "C", "LANG": "C"}
        env.pop("PGDATA", None)
        return subprocess.run(
            argv, cwd=cwd, env=env, stdin=subprocess.DEVNULL, capture_output=True,
            text=True, timeout=timeout, check=False,
        )


def _log_tail(log: Path, lines: int = 30) -> str:
    try:
        return "\n".join(log.read_text(errors="replace").splitlines()[-lines:])
    except OSError:
        return "(no server log)"


@contextmanager
def running_postgres(start_attempts: int = 3) -> Iterator[str]:
    """Start a throwaway server; yield the SQLAlchemy URL of an empty database on it."""
    bindir = find_bindir()
    if bindir is None:
        raise PostgresUnavailable(
            f"PostgreSQL server binaries not found ({DEBIAN_GLOB} nor initdb on PATH); "
            "install Debian's `postgresql` package"
        )
    runner = _Runner()
    base = Path(tempfile.mkdtemp(prefix="guide-bilan-pg-"))
    data, log = base / "data", base / "server.log"
    started = False
    try:
        runner.own(base)
        done = runner.run(
            [str(bindir / "initdb"), "-D", str(data), "-U", "postgres", "--auth=trust",
             "-E", "UTF8", "--locale=C", "--no-sync"],
            cwd=base, timeout=180,
        )
        if done.returncode != 0:
            raise RuntimeError(f"initdb failed ({done.returncode}):\n{done.stdout}\n{done.stderr}")

        for attempt in range(start_attempts):
            port = _free_port()
            options = (
                f"-F -p {port} -k {base} -c listen_addresses=127.0.0.1 "
                f"-c fsync=off -c synchronous_commit=off -c full_page_writes=off "
                f"-c timezone={SERVER_TIMEZONE} -c max_connections=50"
            )
            done = runner.run(
                [str(bindir / "pg_ctl"), "-D", str(data), "-l", str(log), "-w", "-t", "60",
                 "-o", options, "start"],
                cwd=base, timeout=90,
            )
            if done.returncode == 0:
                started = True
                break
            # Another process may have taken the port between the probe and the start: retry.
            if attempt == start_attempts - 1:
                raise RuntimeError(
                    f"pg_ctl start failed ({done.returncode}):\n{done.stdout}\n{done.stderr}\n"
                    f"--- server log ---\n{_log_tail(log)}"
                )

        import psycopg

        with psycopg.connect(host="127.0.0.1", port=port, user="postgres", dbname="postgres",
                             autocommit=True, connect_timeout=10) as conn:
            conn.execute(f'CREATE DATABASE "{DATABASE}"')
        yield f"postgresql+psycopg://postgres@127.0.0.1:{port}/{DATABASE}"
    finally:
        if started:
            _stop(runner, bindir, data)
        shutil.rmtree(base, ignore_errors=True)


def _stop(runner: _Runner, bindir: Path, data: Path) -> None:
    # Immediate mode: the data is thrown away, there is nothing to flush.
    done = runner.run([str(bindir / "pg_ctl"), "-D", str(data), "-m", "immediate", "-w",
                       "-t", "30", "stop"], cwd=data.parent, timeout=60)
    if done.returncode == 0:
        return
    # pg_ctl could not stop it: end the postmaster we started, by its recorded pid.
    try:
        pid = int((data / "postmaster.pid").read_text().splitlines()[0])
        os.kill(pid, signal.SIGQUIT)
        for _ in range(50):
            os.kill(pid, 0)
            time.sleep(0.1)
        os.kill(pid, signal.SIGKILL)
    except (OSError, ValueError, IndexError):
        pass
